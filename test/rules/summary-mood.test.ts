// summary-mood's words: where a prefix comes first, the finding names the word after it.
import { describe, expect, it } from "vitest";
import { lint } from "../../src/lint.js";

function moodMessage(text: string): string | undefined {
  return lint(text).findings.find((finding) => finding.ruleId === "summary-mood")?.message;
}

describe("summary-mood", () => {
  it("says the summary starts with the word when nothing comes before it", () => {
    expect(moodMessage("Added a way to reset the window size\n")).toMatch(/^Summary starts with "Added", past tense;/);
  });

  it("names the area or type prefix the word follows, as the caret does", () => {
    // "Summary starts with "Added"" read wrong for "git-gui: Added …": the summary starts with git-gui.
    expect(moodMessage("git-gui: Added a way to reset the window size\n")).toMatch(/^Summary after "git-gui:" starts with "Added", past tense;/);
    expect(moodMessage("feat(config): added YAML support\n")).toMatch(/^Summary after "feat\(config\):" starts with "added", past tense;/);
  });
});
