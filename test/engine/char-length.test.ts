// Lengths and limits count characters as the eye sees them, whatever code points make them up.
import { describe, expect, it } from "vitest";
import { charLength, indexOfChar } from "../../src/engine/helpers.js";
import { lint } from "../../src/lint.js";

describe("charLength and indexOfChar", () => {
  it("count an emoji with its variation selector, skin tone or joiners, and a letter with its accent, once", () => {
    expect(charLength("♻️ x")).toBe(3);
    expect(charLength("👍🏽")).toBe(1);
    expect(charLength("👨‍👩‍👧")).toBe(1);
    expect(charLength("🇯🇵")).toBe(1);
    expect(charLength("re\u0301sume\u0301")).toBe(6);
    expect(charLength("修复崩溃")).toBe(4);
    expect(charLength("plain ASCII")).toBe(11);
  });

  it("find where the n-th such character starts, or the end", () => {
    expect(indexOfChar("♻️ x", 1)).toBe(2);
    expect(indexOfChar("re\u0301sume\u0301!", 6)).toBe(8);
    expect(indexOfChar("abc", 2)).toBe(2);
    expect(indexOfChar("abc", 9)).toBe(3);
    expect(indexOfChar("🎉🎉", 9)).toBe(4);
  });
});

describe("the length rules", () => {
  it("count a long line in stretches exactly as in one piece, whatever the mix of characters", () => {
    // The segmenter over the whole text, as charLength did before it cut long lines in stretches.
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    const whole = (text: string) => [...segmenter.segment(text)].map((segment) => segment.index);
    const pieces = ["a", "b", " ", "é", "e\u0301", "\r", "\r\n", "修", "复", "👍🏽", "🇯🇵", "👨‍👩‍👧", "♻️", "\u0301", "\u200d", "ा", "क", "\u00ad", "한", "\u1100\u1161"];
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 80) }, () => pieces[Math.floor(random() * pieces.length)]).join("");
      const starts = whole(text);
      // Stretches of 1 to 8 units put the cuts everywhere a boundary rule could be broken.
      for (const chunk of [1, 3, 8]) {
        expect(charLength(text, chunk), JSON.stringify(text)).toBe(starts.length);
        for (let n = 0; n <= starts.length; n++) expect(indexOfChar(text, n, chunk)).toBe(n < starts.length ? starts[n] : text.length);
      }
    }
    // 300 random lines segmented whole and in three stretch sizes: seconds on a loaded machine,
    // and the time is not what this test checks (the 70,000-character test below keeps the default).
  }, 60_000);

  it("counts a line of 70,000 characters with one arrow in it", () => {
    // Node 20's segmenter took about 10 s for one such line; charLength cuts it in stretches.
    const line = `${"a".repeat(70_000)} → done`;
    expect(charLength(line)).toBe(70_007);
    expect(indexOfChar(line, 70_001)).toBe(70_001);
    expect(indexOfChar(line, 70_002)).toBe(70_002);
  });

  it("say how many characters a summary has as the eye counts them", () => {
    const summary = "♻️ Keep the pager's scroll position when the terminal window shrinks back now";
    const finding = lint(`${summary}\n`).findings.find((f) => f.ruleId === "summary-max-length");
    expect(finding?.message).toBe("Summary is 76 characters; keep it to 72 by moving detail into the body.");
    // The span starts at the 73rd character, the space after "back" (column 74 in UTF-16 units).
    expect(finding?.column).toBe(74);
    expect(summary.slice((finding?.column ?? 0) - 1)).toBe(" now");
  });

  it("say how many characters a body line has, accents not counted apart", () => {
    const message = "Fix pager scroll on resize\n\nThe pager kept the old height after a resize, so the re\u0301sume\u0301 lines were lost.\n";
    const finding = lint(message).findings.find((f) => f.ruleId === "body-max-line-length");
    expect(finding?.message).toMatch(/^Body line is 76 characters; /);
  });
});
