import { describe, expect, it } from "vitest";
import { ownProseText, withoutShortlog } from "../../src/judge/prose.js";
import { mapLines, mapWithoutEmphasis, withoutEmphasis } from "../../src/judge/text.js";
import type { SourceLine } from "../../src/types.js";
import { generatedLine, seededRandom } from "../support/generated-text.js";

/** The own prose as it was built before ownProseText: the lines without a shortlog, then emphasis moved. */
function builtAfresh(lines: readonly SourceLine[]): string {
  return withoutEmphasis(withoutShortlog(lines));
}

/** The body text the cues read, built as analyze builds it. */
function bodyTextOf(lines: readonly SourceLine[]): string {
  return mapWithoutEmphasis(mapLines(lines)).text;
}

function lines(...texts: string[]): SourceLine[] {
  return texts.map((text, index) => ({ text, line: index + 3 }));
}

function generatedLines(random: () => number): SourceLine[] {
  const count = Math.floor(random() * 7);
  const texts: string[] = [];
  for (let index = 0; index < count; index++) texts.push(generatedLine(random));
  return lines(...texts);
}

describe("ownProseText", () => {
  it("is the body text and a line break when no shortlog heading is there, emphasis moved alike", () => {
    const body = lines("The loop was _not_ bounded,", "so *every* call read the file.");
    expect(ownProseText(body, bodyTextOf(body))).toBe("The loop was not   bounded,\nso every   call read the file.\n");
    expect(ownProseText(body, bodyTextOf(body))).toBe(builtAfresh(body));
  });

  it("leaves a merge's shortlog out, as withoutShortlog does", () => {
    const body = lines("Merge the pack fixes.", "* np/pack:", "  pack: _fix_ the index", "Done because it broke.");
    expect(ownProseText(body, bodyTextOf(body))).toBe("Merge the pack fixes.\nDone because it broke.\n");
  });

  it("is empty-bodied alike for no lines and for empty lines", () => {
    expect(ownProseText([], bodyTextOf([]))).toBe(builtAfresh([]));
    const empty = lines("", "");
    expect(ownProseText(empty, bodyTextOf(empty))).toBe(builtAfresh(empty));
  });

  it("gives the text built afresh for generated bodies (Unicode, apostrophes, CR, emphasis, quotes, shortlogs)", () => {
    const random = seededRandom(36);
    let withShortlog = 0;
    for (let round = 0; round < 5000; round++) {
      const body = generatedLines(random);
      if (body.some((line) => line.text.startsWith("* ") && line.text.endsWith(":"))) withShortlog++;
      expect(ownProseText(body, bodyTextOf(body)), JSON.stringify(body.map((line) => line.text))).toBe(builtAfresh(body));
    }
    // Both paths were taken: bodies with a shortlog heading and without.
    expect(withShortlog).toBeGreaterThan(50);
  });
});
