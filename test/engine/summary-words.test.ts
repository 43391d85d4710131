// summaryWords() reads a summary's prefix and words once for the summary rules that ask in turn.
import { describe, expect, it } from "vitest";
import { splitWords, summaryPrefixLength, summaryWords } from "../../src/engine/helpers.js";
import { lint } from "../../src/index.js";

const SUMMARIES = [
  "",
  "   ",
  "fix(scope): don't crash on the re-format",
  "fix(parser)!: handle CRLF line endings  ",
  "✨ feat(ui): add the naïve über-mode",
  ":bug: Fix the cache's key",
  "arm64: dts: update",
  "rebase -i: fix the todo list",
  "修复大文件保存时的崩溃",
  "🎉🎉",
  "Update README.md",
];

describe("summaryWords", () => {
  it("gives the prefix length and the words after it, as summaryPrefixLength and splitWords read them", () => {
    for (const summary of SUMMARIES) {
      const start = summaryPrefixLength(summary);
      const { start: read, words } = summaryWords(summary);
      expect(read, summary).toBe(start);
      expect(words, summary).toEqual(splitWords(summary.slice(start)));
    }
  });

  it("reads the words of the summary it is asked about, not the last one's", () => {
    expect(summaryWords("fix(scope): one two").words.map((word) => word.text)).toEqual(["one", "two"]);
    expect(summaryWords("Add it's hyphen-ated word").words.map((word) => word.text)).toEqual(["Add", "it's", "hyphen-ated", "word"]);
    expect(summaryWords("").words).toEqual([]);
    expect(summaryWords("fix(scope): one two").start).toBe(12);
  });

  it("serves summary-mood and summary-vague alike over a run of messages", () => {
    const ids = (message: string): string[] => lint(message).findings.map((finding) => finding.ruleId).filter((id) => id === "summary-mood" || id === "summary-vague").sort();
    // One message after another: each rule reads the words of its own message's summary.
    expect(ids("Fixed tests\n")).toEqual(["summary-mood", "summary-vague"]);
    expect(ids("fix(pager): keep scroll position on resize\n")).toEqual([]);
    expect(ids("feat(config): added YAML support\n")).toEqual(["summary-mood"]);
    expect(ids("Update README.md\n")).toEqual(["summary-vague"]);
  });
});
