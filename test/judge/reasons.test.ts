// Reasons read from a body: what a later change takes from this one.
import { describe, expect, it } from "vitest";
import { laterChangeUses } from "../../src/judge/reasons.js";

describe("laterChangeUses", () => {
  it("reads what a later change takes from this one within its sentence, across a line wrap but not a blank line", () => {
    expect(laterChangeUses("A later patch will make\nuse of that code.")).toBe(true);
    expect(laterChangeUses("A later patch will rework the parser\n\nThe cache uses this helper for lookups.")).toBe(false);
    expect(laterChangeUses("A later patch will rework the parser \n \t\nThe cache uses this helper for lookups.")).toBe(false);
  });
});
