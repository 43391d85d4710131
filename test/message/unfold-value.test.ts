import { describe, expect, it } from "vitest";
import { unfoldValue } from "../../src/message/trailers.js";
import { generatedLine, seededRandom } from "../support/generated-text.js";

/** unfoldValue as it was before its one-line path: every value built a character at a time. */
function unfoldedAFresh(written: string): string {
  const isGitSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
  const trim = (text: string) => {
    let from = 0;
    let to = text.length;
    while (from < to && isGitSpace(text.charCodeAt(from))) from++;
    while (to > from && isGitSpace(text.charCodeAt(to - 1))) to--;
    return text.slice(from, to);
  };
  let out = "";
  const text = trim(written);
  for (let i = 0; i < text.length; ) {
    const c = text[i++];
    if (c !== "\n") {
      out += c;
      continue;
    }
    while (i < text.length && isGitSpace(text.charCodeAt(i))) i++;
    out += " ";
  }
  return trim(out);
}

describe("unfoldValue", () => {
  it("trims a one-line value and joins continuation lines with one space", () => {
    expect(unfoldValue(" A U Thor <a@example.com>\t")).toBe("A U Thor <a@example.com>");
    expect(unfoldValue(" first part\n   second part\n\tthird")).toBe("first part second part third");
    expect(unfoldValue(" \r\n ")).toBe("");
  });

  it("gives what the character-at-a-time unfolding gives on generated values", () => {
    const random = seededRandom(36);
    let folded = 0;
    for (let round = 0; round < 5000; round++) {
      const lines = [generatedLine(random)];
      while (random() < 0.3) lines.push(generatedLine(random));
      if (lines.length > 1) folded++;
      const written = (random() < 0.5 ? " " : "") + lines.join(random() < 0.2 ? "\r\n" : "\n") + (random() < 0.2 ? " \r" : "");
      expect(unfoldValue(written), JSON.stringify(written)).toBe(unfoldedAFresh(written));
    }
    expect(folded).toBeGreaterThan(1000);
  });
});
