// Reasons read from a body: what a later change takes from this one.
import { describe, expect, it } from "vitest";
import { JUDGED_EFFECT, laterChangeUses } from "../../src/judge/reasons.js";

describe("laterChangeUses", () => {
  it("reads what a later change takes from this one within its sentence, across a line wrap but not a blank line", () => {
    expect(laterChangeUses("A later patch will make\nuse of that code.")).toBe(true);
    expect(laterChangeUses("A later patch will rework the parser\n\nThe cache uses this helper for lookups.")).toBe(false);
    expect(laterChangeUses("A later patch will rework the parser \n \t\nThe cache uses this helper for lookups.")).toBe(false);
  });
});

describe("JUDGED_EFFECT without a subject", () => {
  it("reads \"Might be useful to …\" at a sentence's start, a paragraph's or a list item's, and not after a subject", () => {
    expect(JUDGED_EFFECT.test("Might be useful to see the object names.")).toBe(true);
    expect(JUDGED_EFFECT.test("The names are dropped. Could be handy to keep them.")).toBe(true);
    expect(JUDGED_EFFECT.test("Two notes:\n\nMight be useful to see the object names.")).toBe(true);
    expect(JUDGED_EFFECT.test("Notes:\n - Might be useful to see the object names.")).toBe(true);
    expect(JUDGED_EFFECT.test("The object names might be useful to see.")).toBe(false);
    expect(JUDGED_EFFECT.test("Notes:\nMight be useful to see the object names.")).toBe(false);
  });
});
