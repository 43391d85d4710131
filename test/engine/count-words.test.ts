// countWords() must count exactly what splitWords() splits, stopping at its limit.
import { describe, expect, it } from "vitest";
import { countWords, splitWords } from "../../src/engine/helpers.js";

const TEXTS = ["", "   ", "Oops.", "Fix it", "a-b c/d e.f. 'g' #12 über 東京 x_y -- ... 3.14", "Line one\nline two\n\n- item\n", "...---///"];

describe("countWords", () => {
  it("counts the words splitWords returns", () => {
    for (const text of TEXTS) expect(countWords(text), text).toBe(splitWords(text).length);
  });

  it("stops at the limit", () => {
    expect(countWords("one two three four five", 3)).toBe(3);
    expect(countWords("one two", 3)).toBe(2);
  });

  it("keeps trimming trailing punctuation from split words", () => {
    expect(splitWords("end. it's a/b- x'").map((word) => word.text)).toEqual(["end", "it's", "a/b", "x"]);
  });
});
