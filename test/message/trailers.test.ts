import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/message/parse.js";
import { CHERRY_PICK_TOKEN, separatorIndex } from "../../src/message/trailers.js";

describe("trailers (git interpret-trailers rules)", () => {
  it("reads kernel-style sign-offs and review tags with spans", () => {
    const m = parseMessage(
      [
        "mm: fix use-after-free in page cache lookup",
        "",
        "The lookup dropped the reference before the caller used the page.",
        "",
        "Fixes: 1234567890ab (\"mm: add page cache lookup\")",
        "Reported-by: Jane Doe <jane@example.org>",
        "Reviewed-by: John Roe <john@example.org>",
        "Signed-off-by: Ann Dev <ann@example.org>",
      ].join("\n"),
    );
    expect(m.trailers.map((t) => [t.token, t.value])).toEqual([
      ["Fixes", "1234567890ab (\"mm: add page cache lookup\")"],
      ["Reported-by", "Jane Doe <jane@example.org>"],
      ["Reviewed-by", "John Roe <john@example.org>"],
      ["Signed-off-by", "Ann Dev <ann@example.org>"],
    ]);
    expect(m.trailers[3]).toMatchObject({ line: 8, column: 1, endLine: 8, endColumn: 41 });
    expect(m.bodyText).toBe("The lookup dropped the reference before the caller used the page.");
  });

  it("keeps prose under a label at the head of the block in the body, as the writer meant it", () => {
    const alone = parseMessage("Cache manifests\n\nWhy: every build re-parsed 3,000 manifests.\nBenchmarks: 2.1x faster on the monorepo.\n");
    expect(alone.trailers).toEqual([]);
    expect(alone.bodyText).toBe("Why: every build re-parsed 3,000 manifests.\nBenchmarks: 2.1x faster on the monorepo.");
    const signed = parseMessage("Cache manifests\n\nReason: every build re-parsed them.\nSigned-off-by: A <a@example.com>\nWhy-not: x y\n");
    expect(signed.trailers.map((t) => t.token)).toEqual(["Signed-off-by", "Why-not"]);
    expect(signed.bodyText).toBe("Reason: every build re-parsed them.");
    // After a real trailer, or with no text, a label stays a trailer as git reads it.
    expect(parseMessage("Fix x\n\nBody.\n\nAcked-by: B\nWhy: because.\n").trailers.map((t) => t.token)).toEqual(["Acked-by", "Why"]);
    expect(parseMessage("Fix x\n\nWhy:\n").trailers.map((t) => t.token)).toEqual(["Why"]);
  });

  it("keeps a label holding a placeholder or one word a trailer, as git reads it", () => {
    // Moved into the body, "Why: TBD" would hide body-only-trailers' finding behind a body that says nothing.
    const placeholder = parseMessage("Cache manifests\n\nWhy: TBD\nSigned-off-by: A <a@example.com>\n");
    expect(placeholder.trailers.map((t) => t.token)).toEqual(["Why", "Signed-off-by"]);
    expect(placeholder.bodyText).toBe("");
    for (const text of ["Risk: low\nImpact: none", "Context: n/a", "Reason: <reason>", "Notes: -"]) {
      expect(parseMessage(`Cache manifests\n\n${text}\n`).bodyText, text).toBe("");
    }
    // Two words are prose: the blind sweep's "Benchmarks: 2.1x faster" stays in the body.
    expect(parseMessage("Cache manifests\n\nBenchmarks: 2.1x faster\n").bodyText).toBe("Benchmarks: 2.1x faster");
  });

  it("reads Co-authored-by and keeps the token as written", () => {
    const m = parseMessage("Add retry\n\nRetries smooth over flaky networks.\n\nCo-authored-by: Sam <sam@example.com>\nco-authored-by: Kim <kim@example.com>\n");
    expect(m.trailers.map((t) => t.token)).toEqual(["Co-authored-by", "co-authored-by"]);
  });

  it("joins continuation lines onto the previous value and extends the span", () => {
    const m = parseMessage("Fix x\n\nBody.\n\nLink: https://example.com/a/very/long\n  /path/continued\nAcked-by: B\n");
    expect(m.trailers[0]).toEqual({
      token: "Link",
      value: "https://example.com/a/very/long /path/continued",
      line: 5,
      column: 1,
      endLine: 6,
      endColumn: 18,
    });
    expect(m.trailers[1].token).toBe("Acked-by");
  });

  it("allows spaces between token and colon, as git does", () => {
    const m = parseMessage("Fix x\n\nBody.\n\nBug : 123\n");
    expect(m.trailers).toEqual([{ token: "Bug", value: "123", line: 5, column: 1, endLine: 5, endColumn: 10 }]);
  });

  it("does not treat a last paragraph with prose as a trailer block without a git-generated trailer", () => {
    const m = parseMessage("Fix x\n\nBody.\n\nNote: this is prose\nthat continues here.\n");
    expect(m.trailers).toEqual([]);
    expect(m.bodyText).toBe("Body.\n\nNote: this is prose\nthat continues here.");
  });

  it("accepts a mixed block with Signed-off-by when at least 25% are trailers", () => {
    const m = parseMessage("Fix x\n\nBody.\n\nCc: a@example.com\n[ann: reworded the message]\nSigned-off-by: Ann <ann@example.com>\n");
    expect(m.trailers.map((t) => t.token)).toEqual(["Cc", "Signed-off-by"]);
    expect(m.bodyText).toBe("Body.");
  });

  it("counts a sign-off's continuation lines as its own, as git does (`git interpret-trailers --parse`)", () => {
    // git resets its pending continuation lines at a Signed-off-by line too: with them counted as
    // prose, 1 trailer against 4 other lines would fall below the 25% rule and lose the block.
    const m = parseMessage("Fix x\n\nprose one\nprose two\nSigned-off-by: Ann <ann@example.com>\n  on behalf of Org\n  and its team\n");
    expect(m.trailers).toEqual([
      { token: "Signed-off-by", value: "Ann <ann@example.com> on behalf of Org and its team", line: 5, column: 1, endLine: 7, endColumn: 15 },
    ]);
    expect(m.bodyText).toBe("prose one\nprose two");
  });

  it("rejects a mixed block below 25% trailers", () => {
    const m = parseMessage("Fix x\n\nBody.\n\none\ntwo\nthree\nfour\nSigned-off-by: Ann <ann@example.com>\n");
    expect(m.trailers).toEqual([]);
  });

  it("keeps prose before the first trailer of a mixed block in the body", () => {
    const m = parseMessage("Fix x\n\nThe cache kept stale entries.\nSigned-off-by: Ann <ann@example.com>\n");
    expect(m.bodyText).toBe("The cache kept stale entries.");
    expect(m.trailers.map((t) => t.token)).toEqual(["Signed-off-by"]);
  });

  it("never reads trailers from the summary paragraph", () => {
    const m = parseMessage("Fix x\nSigned-off-by: Ann <ann@example.com>\n");
    expect(m.trailers).toEqual([]);
    expect(m.body).toEqual([{ text: "Signed-off-by: Ann <ann@example.com>", line: 2 }]);
  });

  it("reads git's cherry-pick line as a trailer with the sha as value", () => {
    const m = parseMessage("Fix x\n\nBody.\n\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)\n");
    expect(m.trailers).toEqual([
      { token: CHERRY_PICK_TOKEN, value: "0123456789abcdef0123456789abcdef01234567", line: 5, column: 1, endLine: 5, endColumn: 69 },
    ]);
    expect(m.bodyText).toBe("Body.");
  });

  it("joins no indented line onto git's cherry-pick line, which takes no continuation in git", () => {
    const m = parseMessage("Fix x\n\nBody.\n\n(cherry picked from commit 0123456789abcdef)\n  conflicts resolved by hand\nAcked-by: B\n");
    expect(m.trailers).toEqual([
      { token: CHERRY_PICK_TOKEN, value: "0123456789abcdef", line: 5, column: 1, endLine: 5, endColumn: 45 },
      { token: "Acked-by", value: "B", line: 7, column: 1, endLine: 7, endColumn: 12 },
    ]);
  });

  it("reads the trailers above an old merge's trailing Conflicts list, which git leaves out", () => {
    const m = parseMessage("Merge branch 'x'\n\n* x:\n  Fix y\n\nSigned-off-by: Ann <ann@example.com>\n\nConflicts:\n\n\tMakefile\n\tcache.h\n");
    expect(m.trailers).toEqual([{ token: "Signed-off-by", value: "Ann <ann@example.com>", line: 6, column: 1, endLine: 6, endColumn: 37 }]);
    expect(m.bodyText).toBe("* x:\n  Fix y");
    // No trailers above it: the list is no body either, so the merge text stays git's default.
    const plain = parseMessage("Merge branch 'x'\n\n* x:\n  Fix y\n\nConflicts:\n\tMakefile\n");
    expect(plain.trailers).toEqual([]);
    expect(plain.bodyText).toBe("* x:\n  Fix y");
    // Space-indented paths are no such list to git: its paragraph is one trailer.
    expect(parseMessage("Merge branch 'x'\n\nConflicts:\n  Makefile\n").trailers.map((t) => `${t.token}: ${t.value}`)).toEqual(["Conflicts: Makefile"]);
  });

  it("skips comment lines that cleanup kept, as git's trailer reader does", () => {
    const message = "Fix x\n\nBody.\n\nAcked-by: A\n# ask B too\nReviewed-by: C\n";
    expect(parseMessage(message, { cleanup: "whitespace" }).trailers.map((t) => t.token)).toEqual(["Acked-by", "Reviewed-by"]);
    expect(parseMessage(message, { cleanup: false, commentChar: ";" }).trailers).toEqual([]);
    // An indented line below a comment continues nothing: it is text, and the sign-off lets git read the block.
    expect(parseMessage("Fix x\n\nBody.\n\nAcked-by: A\n; note\n  more\nSigned-off-by: B\n", { cleanup: false, commentChar: ";" }).trailers).toEqual([
      { token: "Acked-by", value: "A", line: 5, column: 1, endLine: 5, endColumn: 12 },
      { token: "Signed-off-by", value: "B", line: 8, column: 1, endLine: 8, endColumn: 17 },
    ]);
  });

  it("keeps spaces before a line break in a value and takes no \\v or \\f as indentation, as git does", () => {
    expect(parseMessage("Fix x\n\nBody.\n\nAcked-by: A  \n  more\n", { cleanup: false }).trailers[0].value).toBe("A   more");
    expect(parseMessage("Fix x\n\nBody.\n\nAcked-by: A\n\vmore\n").trailers).toEqual([]);
  });

  it("finds the separator like git's find_separator", () => {
    expect(separatorIndex("Signed-off-by: x")).toBe(13);
    expect(separatorIndex("Token \t: x")).toBe(7);
    expect(separatorIndex("Two words: x")).toBe(-1);
    expect(separatorIndex(": x")).toBe(0);
    expect(separatorIndex(" Indented: x")).toBe(-1);
    expect(separatorIndex("no separator")).toBe(-1);
  });
});

describe("trailers as git itself reads them", () => {
  // `git interpret-trailers --parse` in an empty folder, with no user or system config that
  // could declare trailer tokens: the reading GitHub's co-author credit depends on.
  const home = mkdtempSync(join(tmpdir(), "rationale-trailers-"));
  const gitEnv = { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: join(home, "none") };
  const gitTrailers = (message: string, options: string[] = []): string[] => {
    const run = spawnSync("git", ["interpret-trailers", "--parse", ...options], { cwd: home, env: gitEnv, input: message, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout.split("\n").filter((line) => line !== "");
  };
  const body = "feat: drop the v1 API\n\nThe v1 handlers doubled every change to the models.\n\n";
  const coAuthor = "Co-authored-by: Sam Lee <sam@example.com>";

  it.each([
    // "BREAKING CHANGE" has a space in its token: git reads the paragraph as text, co-author and all.
    ["a BREAKING CHANGE footer in the trailers' paragraph", `${body}BREAKING CHANGE: /v1 is gone.\n${coAuthor}\n`, []],
    ["the footer with a continuation line", `${body}BREAKING CHANGE: /v1 is gone,\n  and its client.\n${coAuthor}\n`, []],
    ["the footer in a paragraph of its own", `${body}BREAKING CHANGE: /v1 is gone.\n\n${coAuthor}\n`, [coAuthor]],
    ["the hyphenated footer, a trailer", `${body}BREAKING-CHANGE: /v1 is gone.\n${coAuthor}\n`, ["BREAKING-CHANGE: /v1 is gone.", coAuthor]],
    ["a sign-off, which lets a quarter of trailers do", `${body}BREAKING CHANGE: /v1 is gone.\n${coAuthor}\nSigned-off-by: Kim <kim@example.com>\n`, [coAuthor, "Signed-off-by: Kim <kim@example.com>"]],
    ["a sign-off's continuation lines", `${body}prose one\nprose two\nSigned-off-by: Kim <kim@example.com>\n  for Org\n  and team\n`, ["Signed-off-by: Kim <kim@example.com> for Org and team"]],
  ])("%s", (_, message, expected) => {
    expect(gitTrailers(message)).toEqual(expected);
    expect(parseMessage(message).trailers.map((t) => `${t.token}: ${t.value}`)).toEqual(expected);
  });

  // Every shape below is read by git and by rationale, and the two must agree; no expected value
  // is written down, so neither can drift. `--no-divider`: git commit and git log take no `---`
  // line for the start of a patch. git prints no cherry-pick line (it has no token); rationale's
  // is checked above.
  const byGit = (message: string, cleanup?: false): string[] => {
    const stored = cleanup === false ? message : stripspace(message);
    return gitTrailers(stored, ["--no-divider"]);
  };
  const stripspace = (message: string): string => {
    const run = spawnSync("git", ["stripspace", "--strip-comments"], { cwd: home, env: gitEnv, input: message, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout;
  };
  const byRationale = (message: string, cleanup?: false): string[] =>
    parseMessage(message, cleanup === false ? { cleanup } : {})
      .trailers.filter((t) => t.token !== CHERRY_PICK_TOKEN)
      .map((t) => `${t.token}: ${t.value}`);
  const prose = "Fix the cache\n\nThe cache kept stale entries.\n\n";
  const sob = "Signed-off-by: Kim <kim@example.com>";

  it.each([
    ["all trailers", `${prose}Acked-by: A\nReviewed-by: B\n`],
    ["an indented line below a text line in a block with a sign-off", `${prose}Cc: a\n[ann: reworded]\n  and trimmed\n${sob}\n`],
    ["an indented line below a text line, trailer-shaped", `${prose}Cc: a\n[ann: reworded]\n  Acked-by: B\n${sob}\n`],
    ["an indented line below git's cherry-pick line", `${prose}(cherry picked from commit 0123abcd)\n  by hand\nAcked-by: B\n`],
    ["an indented line opening the paragraph", `${prose}  indented\n${sob}\n`],
    ["an indented line opening a paragraph of trailers", `${prose}  indented\nAcked-by: A\n`],
    ["an empty value continued below", `${prose}Link:\n  https://example.com/a\nAcked-by: B\n`],
    ["tab and space continuations", `${prose}Link: a\n\tb\n \t c\nAcked-by: B\n`],
    ["an indented trailer-shaped line continuing a trailer", `${prose}Acked-by: A\n\tSigned-off-by: B\n`],
    ["continuations after text lines", `${prose}Cc: a\nb\n  c\nd\n  e\n${sob}\n`],
    ["a line starting with a vertical tab", `${prose}Acked-by: A\n\vmore\n`],
    ["a line starting with a form feed", `${prose}Acked-by: A\n\fmore\n`],
    ["exactly a quarter trailers", `${prose}a\nb\nc\n${sob}\n`],
    ["under a quarter trailers", `${prose}a\nb\nc\nd\n${sob}\n`],
    ["a sign-off without its space", `${prose}text\nSigned-off-by:Kim\n`],
    ["a lower-case sign-off", `${prose}text\nsigned-off-by: Kim\n`],
    ["a token with a non-ASCII letter", `${prose}Tést: x\nAcked-by: B\n`],
    ["a token with an underscore", `${prose}Foo_bar: x\nAcked-by: B\n`],
    ["a line starting with a colon", `${prose}: x\nAcked-by: B\n`],
    ["spaces and a tab before the colon", `${prose}Bug \t: 1\nAcked-by: B\n`],
    ["a value with colons and inner spaces", `${prose}Token:  a:  b\n`],
    ["text after a sign-off, continued", `${prose}${sob}\n[fixed typo]\n  in the docs\nAcked-by: C\n`],
    ["only the summary's paragraph", "Fix x\nAcked-by: A\n"],
    ["trailers right after the summary", "Fix x\n\nAcked-by: A\n"],
    ["a paragraph after the trailers", `${prose}Acked-by: A\n\nThanks.\n`],
    ["a --- line", `${prose}Acked-by: A\n---\nnotes\n`],
    ["an old merge's Conflicts list", "Merge branch 'x'\n\n* x:\n  Fix y\n\nConflicts:\n\tMakefile\n"],
    ["a Conflicts list with a blank line", `${prose}${sob}\n\nConflicts:\n\n\tMakefile\n\tcache.h\n`],
    ["a Conflicts list right below the trailers", `${prose}${sob}\nConflicts:\n\tMakefile\n`],
    ["a Conflicts list with text after it", `${prose}${sob}\n\nConflicts:\n\tMakefile\nresolved by hand\n`],
    ["a Conflicts list indented with spaces", `${prose}Conflicts:\n  Makefile\n`],
    ["comment lines between trailers", `${prose}Acked-by: A\n# ask B\n  too\nReviewed-by: C\n`],
    ["comment lines after the trailers", `${prose}Acked-by: A\n\n# Please enter the commit message\n`],
    ["trailing spaces before a continuation", `${prose}Acked-by: A  \n  more  \n`],
  ])("%s", (_, message) => {
    expect(byRationale(message)).toEqual(byGit(message));
    expect(byRationale(message, false)).toEqual(byGit(message, false));
  });
});
