// countWords() counts what splitWords() splits, stopping at its limit; in scripts written
// without spaces each character is a word.
import { describe, expect, it } from "vitest";
import { countWords, splitWords } from "../../src/engine/helpers.js";

const TEXTS = ["", "   ", "Oops.", "Fix it", "a-b c/d e.f. 'g' #12 über x_y -- ... 3.14", "Line one\nline two\n\n- item\n", "...---///"];

describe("countWords", () => {
  it("counts the words splitWords returns", () => {
    for (const text of TEXTS) expect(countWords(text), text).toBe(splitWords(text).length);
  });

  it("counts each character of Chinese, Japanese or Thai as a word", () => {
    expect(countWords("東京")).toBe(2);
    expect(countWords("当用户名为空时，登录页面会崩溃。")).toBe(14);
    expect(countWords("API 接口 changed")).toBe(4);
    // A Latin word right before them ends where they begin.
    expect(countWords("Redis连接断开")).toBe(5);
    expect(countWords("Windows上で起動")).toBe(5);
  });

  it("stops at the limit", () => {
    expect(countWords("one two three four five", 3)).toBe(3);
    expect(countWords("one two", 3)).toBe(2);
  });

  it("keeps trimming trailing punctuation from split words", () => {
    expect(splitWords("end. it's a/b- x'").map((word) => word.text)).toEqual(["end", "it's", "a/b", "x"]);
  });
});
