// body-why quotes the summary it says names only the problem, cut to 60 characters.
import { describe, expect, it } from "vitest";
import { lint } from "../../src/lint.js";

const namedMessage = (text: string) => lint(text).findings.find((f) => f.ruleId === "body-why" && f.messageId === "named")?.message;

describe("body-why", () => {
  it("cuts a long quoted summary between characters, never inside an emoji", () => {
    // 59 UTF-16 units end inside the fourth emoji (a cut there kept half of it); 59 characters
    // take all six (and the space after them, dropped before the ellipsis).
    const summary = "Fix NullPointerException in the config loader when a🎉🎉🎉🎉🎉🎉 reading the file";
    expect(namedMessage(`${summary}\n`)).toContain('("Fix NullPointerException in the config loader when a🎉🎉🎉🎉🎉🎉…")');
  });

  it("quotes a summary of 60 characters whole, emoji counted once", () => {
    const summary = "Fix NullPointerException in the config loader when 🎉🎉🎉🎉🎉🎉🎉🎉🎉";
    expect([...summary].length).toBe(60);
    expect(namedMessage(`${summary}\n`)).toContain(`("${summary}")`);
  });
});
