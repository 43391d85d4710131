// lint(): the defaults the issue asks for, end to end through parser, judge, rules and score.
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/index.js";
import { lint, lintParsed } from "../../src/lint.js";
import { parseMessage } from "../../src/message/parse.js";

const GOOD = `Fix pager scroll when the terminal window shrinks

The pager kept the window height it had at start-up, so after the
terminal shrank, the last lines of the file were drawn off screen and
could not be reached. Recompute the height on SIGWINCH and clamp the
scroll offset to the new last page.
`;

describe("lint", () => {
  it("fails a summary-only message such as \"Fix unwrap panic\"", () => {
    const result = lint("Fix unwrap panic\n");
    expect(result.pass).toBe(false);
    expect(result.skipped).toBe(false);
    expect(result.kind).toBe("normal");
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.line, f.column])).toContainEqual(["body-required", "error", 2, 1]);
  });

  it("with the commit template given, its '## Why' hints are not reported as dropped text; the writer's own heading still is", () => {
    const message = "Cache parsed manifests\n\n## Why\nEvery build re-parsed all 3,000 manifests, a minute each time.\n## Notes\nKeep them in .cache, keyed by content hash.\n";
    const dropped = (template?: string) =>
      lint(message, { template }).findings.filter((f) => f.ruleId === "comment-lines-dropped").map((f) => f.line);
    expect(dropped()).toEqual([3, 5]);
    expect(dropped("\n## Why\n# Explain the problem.\n")).toEqual([5]);
    // Blanks around a template's line do not matter; its lines that are not comments add nothing.
    expect(dropped("  ## Why \nNotes\n")).toEqual([5]);
    expect(parseMessage(message, { template: "  ## Why\nplain\n" }).templateComments).toEqual(new Set(["## Why"]));
  });

  it("fails \"WIP\"", () => {
    const result = lint("WIP");
    expect(result.pass).toBe(false);
    const ids = result.findings.map((f) => f.ruleId);
    expect(ids).toContain("summary-vague");
    expect(ids).toContain("body-required");
    expect(result.score).toBeLessThan(30);
  });

  it("passes a specific summary with a body explaining why and what", () => {
    const result = lint(GOOD);
    expect(result.findings).toEqual([]);
    expect(result.pass).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(80);
    expect(result.score).toBe(result.parts.summary.score + result.parts.why.score + result.parts.what.score + result.parts.context.score);
  });

  it("scores the explained message well above the same summary alone", () => {
    const bare = lint("Fix unwrap panic\n");
    const explained = lint("Fix unwrap panic\n\nThe config loader called unwrap() on a missing key, so an empty config\nfile crashed the CLI at start-up. Fall back to the defaults instead.\n");
    expect(explained.score - bare.score).toBeGreaterThanOrEqual(30);
  });

  it("skips fixup!, squash! and amend! commits with a reason, full score and no findings", () => {
    for (const summary of ["fixup! Fix pager scroll", "squash! Fix pager scroll", "amend! Fix pager scroll"]) {
      const result = lint(`${summary}\n`);
      expect(result).toMatchObject({ kind: "fixup", skipped: true, pass: true, score: 100, findings: [], facets: {} });
      expect(result.skipReason).toMatch(/autosquash/);
    }
  });

  it("judges an amend! commit by the message below it, which replaces the amended one, at its own lines", () => {
    const bad = lint("amend! Fix pager scroll\n\nFix bug\n");
    expect(bad).toMatchObject({ kind: "normal", skipped: false, pass: false });
    expect(bad.findings.find((finding) => finding.ruleId === "summary-vague")).toMatchObject({ line: 3, column: 1 });
    const good = lint(`amend! Fix pager scroll\n\n${GOOD}`);
    expect(good.pass).toBe(true);
    expect(good.score).toBe(lint(GOOD).score);
    // A fixup! is still skipped whatever follows it.
    expect(lint("fixup! Fix pager scroll\n\nFix bug\n").skipped).toBe(true);
  });

  it("judges a bot-shaped summary like any other, and says why it fails", () => {
    const typed = lint("chore(deps): hack around everything\n");
    expect(typed.kind).toBe("bot");
    expect(typed.pass).toBe(false);
    expect(typed.findings.map((finding) => finding.ruleId)).toContain("body-required");
    // A bump to a named version explains itself.
    expect(lint("Bump lodash from 4.17.20 to 4.17.21\n").pass).toBe(true);
  });

  it("reports a default merge text as a finding (a warning: merges pass unless a rule errs)", () => {
    const result = lint("Merge branch 'pager-resize'\n");
    expect(result.kind).toBe("merge");
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.endColumn])).toEqual([["merge-default-text", "warn", 1, 1, 28]]);
    expect(result.pass).toBe(true);
    const strict = lint("Merge branch 'pager-resize'\n", { config: resolveConfig({ extends: "strict" }) });
    expect(strict.pass).toBe(false);
  });

  it("fails a default revert text and points at the \"This reverts commit\" line", () => {
    const result = lint('Revert "Cache parsed config"\n\nThis reverts commit 3f2a1b4c5d6e7f8091a2b3c4d5e6f7a8b9c0d1e2.\n');
    expect(result.kind).toBe("revert");
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.line])).toEqual([["revert-default-text", "error", 3]]);
    expect(result.pass).toBe(false);
  });

  it("counts positions in the original text: comments and CRLF removed by cleanup", () => {
    const result = lint("# Please enter the commit message\r\nFixed pager scroll on resize\r\n");
    const mood = result.findings.find((f) => f.ruleId === "summary-mood");
    expect(mood).toMatchObject({ line: 2, column: 1, endLine: 2, endColumn: 6 });
  });

  it("passes the threshold from the config, and fails a message under it", () => {
    const lenient = resolveConfig({ threshold: 0, rules: { "body-required": "off" } });
    expect(lint("Fix unwrap panic\n", { config: lenient }).pass).toBe(true);
    const demanding = resolveConfig({ threshold: 100 });
    expect(lint("Fix pager scroll\n\nRecompute the height on resize.\n", { config: demanding }).pass).toBe(false);
  });

  it("lintParsed accepts a resolved config or lint() options", () => {
    const parsed = parseMessage("Fix unwrap panic\n");
    const off = resolveConfig({ threshold: 0, rules: { "body-required": "off" } });
    expect(lintParsed(parsed, off).pass).toBe(true);
    expect(lintParsed(parsed, { config: off }).pass).toBe(true);
    expect(lintParsed(parsed).pass).toBe(false);
  });

  it("tells a JavaScript caller that passed no string what it passed, instead of failing inside the parser", () => {
    const call = (value: unknown) => () => lint(value as string);
    expect(call(undefined)).toThrow(new TypeError("the commit message must be a string, not undefined"));
    expect(call(null)).toThrow(new TypeError("the commit message must be a string, not null"));
    expect(call(42)).toThrow(new TypeError("the commit message must be a string, not number"));
    // readFileSync without an encoding gives a Buffer: say how to decode it.
    expect(call(Buffer.from("Fix bug\n"))).toThrow(new TypeError('the commit message must be a string, not a Buffer; decode it first, e.g. buffer.toString("utf8")'));
    expect(() => parseMessage({} as string)).toThrow(new TypeError("the commit message must be a string, not an object"));
    expect(() => lintParsed("Fix bug\n" as unknown as ReturnType<typeof parseMessage>)).toThrow(
      new TypeError("lintParsed() takes the result of parseMessage(), not string; lint a string with lint(), or parse it with parseMessage() first"),
    );
  });

  it("refuses settings that were not resolved, which would run with no threshold and fail every message", () => {
    const unresolved = { extends: "strict" } as unknown as ReturnType<typeof resolveConfig>;
    const fix = "lint options.config must be a resolved configuration; pass the settings through resolveConfig() or get them from loadConfig()";
    expect(() => lint(GOOD, { config: unresolved })).toThrow(new TypeError(fix));
    expect(() => lintParsed(parseMessage(GOOD), { config: unresolved })).toThrow(new TypeError(fix));
    // A preset's name where the options go was ignored: the default config ran instead.
    expect(() => lint(GOOD, "strict" as never)).toThrow(new TypeError('lint options must be an object such as { config }, not the string "strict"'));
    expect(() => lint(GOOD, null as never)).toThrow(new TypeError("lint options must be an object such as { config }, not null"));
    // A config of null or another type once failed inside ("Cannot read properties of null").
    const notConfig = (what: string) => `lint options.config must be a resolved configuration, not ${what}; pass the settings through resolveConfig() or get them from loadConfig()`;
    expect(() => lint(GOOD, { config: null as never })).toThrow(new TypeError(notConfig("null")));
    expect(() => lintParsed(parseMessage(GOOD), { config: null as never })).toThrow(new TypeError(notConfig("null")));
    expect(() => lint(GOOD, { config: "strict" as never })).toThrow(new TypeError(notConfig('the string "strict"')));
    expect(lint(GOOD, { config: resolveConfig({ extends: "strict" }) }).pass).toBe(true);
  });

  it("refuses an options object lint() would misread: a misspelt key ran the defaults, a wrong type failed deep inside", () => {
    const strict = resolveConfig({ extends: "strict" });
    expect(() => lint(GOOD, { confg: strict } as never)).toThrow(
      new TypeError('lint() has no option "confg": it takes config, commentChar, cleanup, merge, template; did you mean "config"?'),
    );
    expect(() => lintParsed(parseMessage(GOOD), { confg: strict } as never)).toThrow(new TypeError('lintParsed() has no option "confg": it takes config, commentChar, cleanup, merge, template; did you mean "config"?'));
    expect(() => lint(GOOD, { commentChar: 5 } as never)).toThrow(new TypeError(`lint() option commentChar must be a string (git's core.commentChar, or "auto"), not the number 5`));
    expect(() => lint(GOOD, { cleanup: "no" } as never)).toThrow(new TypeError('lint() option cleanup must be true, false, "whitespace" or "scissors", not the string "no"'));
    expect(() => lint(GOOD, { merge: "yes" } as never)).toThrow(new TypeError('lint() option merge must be true or false (whether the commit has two or more parents), not the string "yes"'));
    expect(() => lint(GOOD, { template: 42 } as never)).toThrow(new TypeError("lint() option template must be the commit template's text, as a string, not the number 42"));
    expect(() => lint(GOOD, [] as never)).toThrow(new TypeError("lint() options must be an object such as { cleanup: false }, not an array"));
    // Keys set to undefined are options left out, as the CLI and the Action pass them.
    expect(lint(GOOD, { config: strict, commentChar: undefined, cleanup: false, merge: false, template: "# Why?\n" }).pass).toBe(true);
  });

  it("takes git's other cleanup modes, as its type says: comment lines kept, or cut at the scissors", () => {
    const message = "Add a usage heading to the README\n\n# Usage\nRun it with --help to see every option.\n";
    // Stripped, "# Usage" is a comment; kept, it is the body's first line.
    expect(lint(message).findings.some((finding) => finding.line === 3)).toBe(false);
    const kept = lint(message, { cleanup: "whitespace" });
    expect(parseMessage(message, { cleanup: "whitespace" }).body.map((line) => line.text)).toEqual(["# Usage", "Run it with --help to see every option."]);
    expect(kept.kind).toBe("normal");
    const scissors = "Add a usage heading to the README\n\nRun it with --help.\n# ------------------------ >8 ------------------------\ndiff --git a/README b/README\n";
    expect(parseMessage(scissors, { cleanup: "scissors" }).body.map((line) => line.text)).toEqual(["Run it with --help."]);
    expect(lint(scissors, { cleanup: "scissors" }).findings.some((finding) => finding.line >= 4)).toBe(false);
  });

  it("refuses the same options in parseMessage(), which shares them with lint()", () => {
    expect(() => parseMessage(GOOD, { template: 42 } as never)).toThrow(new TypeError("parseMessage() option template must be the commit template's text, as a string, not the number 42"));
    expect(() => parseMessage(GOOD, { cleanUp: false } as never)).toThrow(new TypeError('parseMessage() has no option "cleanUp": it takes commentChar, cleanup, merge, template; did you mean "cleanup"?'));
    expect(() => parseMessage(GOOD, 5 as never)).toThrow(new TypeError("parseMessage() options must be an object such as { cleanup: false }, not the number 5"));
    expect(() => parseMessage(GOOD, null as never)).toThrow(new TypeError("parseMessage() options must be an object such as { cleanup: false }, not null"));
    expect(parseMessage("Fix bug\n# kept\n", { cleanup: "whitespace" }).lines.map((line) => line.text)).toEqual(["Fix bug", "# kept"]);
  });

  it("runs the conventional preset's checks", () => {
    const config = resolveConfig({ extends: "conventional" });
    const result = lint(`bugfix(pager): keep scroll position on resize\n\n${GOOD.split("\n\n")[1]}`, { config });
    expect(result.findings.map((f) => [f.ruleId, f.messageId, f.column, f.endColumn])).toEqual([["conventional-format", "typeNear", 1, 7]]);
  });
});
