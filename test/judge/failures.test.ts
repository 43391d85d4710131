// Failures read from a body: which words place a failure or a shortcoming after the change.
import { describe, expect, it } from "vitest";
import { negatedShortcoming, presentFailure } from "../../src/judge/failures.js";

describe("words that place a clause after the change", () => {
  it("reads a negation with 'anymore' as today's state, and one with 'yet' or 'now' as the new code's", () => {
    expect(negatedShortcoming("The parser doesn't handle tilde paths.")).toBe(true);
    expect(negatedShortcoming("The parser doesn't handle tilde paths anymore.")).toBe(true);
    expect(negatedShortcoming("The parser doesn't handle tilde paths yet.")).toBe(false);
    expect(negatedShortcoming("The parser doesn't handle tilde paths now.")).toBe(false);
  });

  it("reads 'instead' as the new way after a deliberate failure only, and 'no longer' after either", () => {
    expect(presentFailure("The loader crashes instead of reporting the bad path.", false, [])).toBe(true);
    expect(presentFailure("The loader fails instead of reporting the bad path.", false, [])).toBe(false);
    expect(presentFailure("The loader crashes on a bad path.", false, [])).toBe(true);
    expect(presentFailure("The loader no longer crashes on a bad path.", false, [])).toBe(false);
    expect(presentFailure("The loader now crashes on a bad path.", false, [])).toBe(false);
  });
});
