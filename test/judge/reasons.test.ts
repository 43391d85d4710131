// Reasons read from a body: what a later change takes from this one.
import { describe, expect, it } from "vitest";
import { JUDGED_EFFECT, laterChangeUses, outsideConstraint } from "../../src/judge/reasons.js";

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

describe("outsideConstraint", () => {
  it("reads what a standard, some systems or a platform impose today, not the new thing", () => {
    expect(outsideConstraint("ISO C forbids the conversion of void pointers to function pointers.")).toBe(true);
    expect(outsideConstraint("POSIX specifies that all editing commands between braces shall be\nterminated by a newline.")).toBe(true);
    expect(outsideConstraint("Some MTAs reject Cc: lines longer than 78 chars.")).toBe(true);
    expect(outsideConstraint("There is no fchmod() on native Windows platforms.")).toBe(true);
    expect(outsideConstraint("The RFC says that they are to be concatenated after decoding.")).toBe(true);
    // The state after the change, or no constraint at all.
    expect(outsideConstraint("With this patch some compilers no longer reject the cast.")).toBe(false);
    expect(outsideConstraint("The new helper follows what POSIX says about it.")).toBe(false);
    expect(outsideConstraint("Some callers reject the old format.")).toBe(false);
    expect(outsideConstraint("There is no change in behaviour.")).toBe(false);
  });
});
