// opensWithFixVerb: what-missing's choice of wording, on the judgement's own fix verbs and forms.
import { describe, expect, it } from "vitest";
import { opensWithFixVerb } from "../../src/engine/helpers.js";

describe("opensWithFixVerb", () => {
  it("reads a fix verb in any form after tags and prefixes", () => {
    for (const summary of ["Fix pager scroll", "Fixed the pager", "parser: fixes a leak", "Resolved the race in fetch", "[PATCH] Correcting the exit code", "Bugfix for empty configs"]) {
      expect(opensWithFixVerb(summary), summary).toBe(true);
    }
  });

  it("leaves other openings, and a tag that spells a fix verb, alone", () => {
    for (const summary of ["Keep the pager's scroll position", "[PATCH] Whitespace fixes", "Fixture for the parser tests", ""]) {
      expect(opensWithFixVerb(summary), summary).toBe(false);
    }
  });
});
