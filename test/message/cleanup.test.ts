import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { parseMessage } from "../../src/message/parse.js";
import { detectAutoCommentChar, splitSourceLines } from "../../src/message/cleanup.js";
import { UsageError } from "../../src/types.js";

const SCISSORS = "------------------------ >8 ------------------------";

describe("cleanup like git's strip mode", () => {
  it("strips what `git stripspace` strips and keeps \\v and \\f as it does", () => {
    const samples = [
      "Fix a\v\f\n\nbody\f\n",
      "Fix a \t\r\n\n\f\n\nbody\n",
      "Fix a\n\v\n\n \n\nbody \n\n",
      "Fix a\n\n\u00a0\nbody\u00a0\n",
    ];
    for (const raw of samples) {
      const git = execFileSync("git", ["stripspace"], { input: raw, encoding: "utf8" });
      expect(`${parseMessage(raw).text}\n`, JSON.stringify(raw)).toBe(git);
    }
  });

  it("drops # comment lines and keeps original line numbers of the rest", () => {
    const raw = [
      "Fix crash when the lexer returns null",
      "",
      "# Please enter the commit message for your changes. Lines starting",
      "# with '#' will be ignored, and an empty message aborts the commit.",
      "The lexer returns null at end of input; the parser did not check.",
      "#",
      "# On branch main",
    ].join("\n");
    const m = parseMessage(raw);
    expect(m.text).toBe("Fix crash when the lexer returns null\n\nThe lexer returns null at end of input; the parser did not check.");
    expect(m.lines.map((l) => l.line)).toEqual([1, 2, 5]);
    expect(m.body).toEqual([{ text: "The lexer returns null at end of input; the parser did not check.", line: 5 }]);
  });

  it("uses the configured comment char and keeps # lines then", () => {
    const raw = "Add heading parser\n\n# Usage\n; Please enter the commit message\nSee above.\n";
    const m = parseMessage(raw, { commentChar: ";" });
    expect(m.lines.map((l) => [l.line, l.text])).toEqual([
      [1, "Add heading parser"],
      [2, ""],
      [3, "# Usage"],
      [5, "See above."],
    ]);
  });

  it("supports a multi-character comment string as core.commentString allows", () => {
    const m = parseMessage("Tidy the cache\n\n// note to self\nWhy: it grew without bound.\n", { commentChar: "//" });
    expect(m.text).toBe("Tidy the cache\n\nWhy: it grew without bound.");
  });

  it("cuts at the scissors line and drops the diff below it", () => {
    const raw = [
      "Speed up index writes",
      "",
      "Write the index in one pass instead of two.",
      "# Please enter the commit message for your changes.",
      `# ${SCISSORS}`,
      "# Do not modify or remove the line above.",
      "diff --git a/index.c b/index.c",
      "+Signed-off-by: nobody <n@example.com>",
    ].join("\n");
    const m = parseMessage(raw);
    expect(m.text).toBe("Speed up index writes\n\nWrite the index in one pass instead of two.");
    expect(m.trailers).toEqual([]);
  });

  it("only honours a scissors line written with the comment char", () => {
    const raw = `Document the scissors\n\n; ${SCISSORS}\nkept\n`;
    expect(parseMessage(raw).text).toBe(`Document the scissors\n\n; ${SCISSORS}\nkept`);
    expect(parseMessage(raw, { commentChar: ";" }).text).toBe("Document the scissors");
  });

  it("with auto, takes the comment char from the scissors line", () => {
    const raw = `Fix rounding\n\n# Heading kept as text\nReason.\n% ${SCISSORS}\ndiff\n`;
    const m = parseMessage(raw, { commentChar: "auto" });
    expect(m.text).toBe("Fix rounding\n\n# Heading kept as text\nReason.");
  });

  it("with auto, recognises git's template comments in the char git chose", () => {
    const raw = [
      "Fix rounding",
      "",
      "# not a comment: git chose ';' because this line starts with '#'",
      "; Please enter the commit message for your changes. Lines starting",
      "; with ';' will be ignored, and an empty message aborts the commit.",
      ";",
      "; On branch main",
    ].join("\n");
    const m = parseMessage(raw, { commentChar: "auto" });
    expect(m.text).toBe("Fix rounding\n\n# not a comment: git chose ';' because this line starts with '#'");
    expect(detectAutoCommentChar(splitSourceLines(raw))).toBe(";");
  });

  it("with auto, recognises a template in another language by its shape", () => {
    const template = [
      "; Bitte geben Sie eine Commit-Beschreibung für Ihre Änderungen ein. Zeilen,",
      "; die mit ';' beginnen, werden ignoriert.",
      ";",
      "; Auf Branch main",
      "; Zum Commit vorgemerkte Änderungen:",
      ";\tneue Datei:     a",
    ];
    const raw = ["Fix rounding", "", "# kept: git chose ';' because of this line", "", ...template, ""].join("\n");
    expect(detectAutoCommentChar(splitSourceLines(raw))).toBe(";");
    expect(parseMessage(raw, { commentChar: "auto" }).text).toBe("Fix rounding\n\n# kept: git chose ';' because of this line");
    // Not a template: too short, no bare comment line, or not at the end of the file.
    expect(detectAutoCommentChar(splitSourceLines("Fix rounding\n\n;\n; one\n"))).toBeNull();
    expect(detectAutoCommentChar(splitSourceLines("Fix rounding\n\n# Title\n# Another\n# Third\n"))).toBeNull();
    expect(detectAutoCommentChar(splitSourceLines(`Fix rounding\n\n${template.join("\n")}\nA closing line.\n`))).toBeNull();
  });

  it("with auto and no template or scissors, strips nothing (git's choice starts no line)", () => {
    const raw = "Fix rounding\n\n# Title\n; note\n";
    expect(detectAutoCommentChar(splitSourceLines(raw))).toBeNull();
    expect(parseMessage(raw, { commentChar: "auto" }).text).toBe("Fix rounding\n\n# Title\n; note");
  });

  it("turns CRLF into LF and strips trailing whitespace", () => {
    const m = parseMessage("Fix CRLF handling  \r\n\r\nLines end in CR LF here.\t \r\n");
    expect(m.text).toBe("Fix CRLF handling\n\nLines end in CR LF here.");
    expect(m.summary).toEqual({ text: "Fix CRLF handling", line: 1 });
  });

  it("collapses blank runs, drops outer blank lines, keeps leading indentation", () => {
    const raw = "\n\n   \nFix x\n\n\n  \nFirst paragraph.\n\n\n    code line\n\n\n";
    const m = parseMessage(raw);
    expect(m.text).toBe("Fix x\n\nFirst paragraph.\n\n    code line");
    expect(m.summary).toEqual({ text: "Fix x", line: 4 });
    expect(m.lines.map((l) => l.line)).toEqual([4, 5, 8, 9, 11]);
  });

  it("with cleanup: false, keeps comment lines and only trims outer blank lines and CR", () => {
    const raw = "\r\n# Heading in a log message\r\n\r\n\r\n#123 was the issue\r\n\r\n";
    const m = parseMessage(raw, { cleanup: false });
    expect(m.text).toBe("# Heading in a log message\n\n\n#123 was the issue");
    expect(m.summary).toEqual({ text: "# Heading in a log message", line: 2 });
    expect(m.body).toEqual([{ text: "#123 was the issue", line: 5 }]);
  });

  it("returns an empty model for a message that is only comments", () => {
    const m = parseMessage("# Please enter the commit message\n#\n");
    expect(m.text).toBe("");
    expect(m.summary).toBeNull();
    expect(m.blankAfterSummary).toBe(true);
    expect(m.body).toEqual([]);
    expect(m.blocks).toEqual([]);
  });

  it("rejects an empty comment char with a usage error", () => {
    expect(() => parseMessage("x", { commentChar: "" })).toThrow(UsageError);
    expect(() => parseMessage("x", { commentChar: "a\nb" })).toThrow(/invalid comment char/);
  });
});

describe("summary and body", () => {
  it("reports a missing blank line after the summary and keeps the second line in the body", () => {
    const m = parseMessage("Fix x\nbecause y was wrong\n");
    expect(m.blankAfterSummary).toBe(false);
    expect(m.body).toEqual([{ text: "because y was wrong", line: 2 }]);
    expect(m.bodyText).toBe("because y was wrong");
  });

  it("treats a summary-only message as having its blank line", () => {
    const m = parseMessage("Fix x\n");
    expect(m.blankAfterSummary).toBe(true);
    expect(m.body).toEqual([]);
    expect(m.bodyText).toBe("");
  });

  it("ends the body before the trailers", () => {
    const m = parseMessage("Fix x\n\nWhy.\n\nWhat.\n\nSigned-off-by: A <a@example.com>\n");
    expect(m.bodyText).toBe("Why.\n\nWhat.");
    expect(m.body.map((l) => l.line)).toEqual([3, 4, 5]);
  });

  it("has an empty body when there are only trailers", () => {
    const m = parseMessage("Fix x\n\nSigned-off-by: A <a@example.com>\n");
    expect(m.body).toEqual([]);
    expect(m.trailers).toHaveLength(1);
  });
});
