// change-id-unread against what Gerrit's commit-msg hook does to the message, run with the machine's git.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/resolve.js";
import { lint } from "../../src/lint.js";
import rule from "../../rules/change-id-unread.js";

const findings = (text: string) => lint(text).findings.filter((f) => f.ruleId === "change-id-unread");
const NEW_ID = "I0123456789abcdef0123456789abcdef01234567";

// What Gerrit's commit-msg hook (3.x, resources/.../hooks/commit-msg) does to a message, with the
// machine's git, in an empty folder with no user or system config that could declare trailers:
// unless `git interpret-trailers --parse` prints a `Change-Id: …` line (with gerrit.reviewUrl
// set, a `Link: …/id/I<40 hex>` line), it adds one before any Signed-off-by, by its sentinel trick.
const home = mkdtempSync(join(tmpdir(), "rationale-change-id-"));
const REVIEW_URL = "https://review.example.com";
function gerritHook(message: string, reviewUrl?: string): string {
  const env = { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: join(home, "none") };
  const git = (args: string[], input: string) => {
    const run = spawnSync("git", args, { cwd: home, env, input, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout;
  };
  const [token, value, pattern] = reviewUrl ? ["Link", `${reviewUrl}/id/${NEW_ID}`, /^Link: .*\/id\/I[0-9a-f]{40}$/m] : ["Change-Id", NEW_ID, /^Change-Id: .*$/m];
  if (pattern.test(git(["interpret-trailers", "--parse"], message))) return message;
  const withSentinel = git(["interpret-trailers", "--trailer", "Signed-off-by: SENTINEL"], message);
  const added = git(["-c", "trailer.where=before", "interpret-trailers", "--trailer", `Signed-off-by: ${token}: ${value}`], withSentinel);
  return added.replace(new RegExp(`^Signed-off-by: (${token}: )`, "m"), "$1").replace(/^Signed-off-by: SENTINEL\n/m, "");
}

/** The hook's mode an example is about: a review-URL hook for a Link to …/id/I…, else the default. */
const reviewUrlOf = (message: string) => (/^Link: \S*\/id\/I/m.test(message) ? REVIEW_URL : undefined);

describe("change-id-unread and Gerrit's commit-msg hook", () => {
  const withChangeId = rule.examples.valid.filter((example) => !example.message.includes("```") && /^(Change-Id|Link: \S*\/id\/I)/m.test(example.message));

  it.each(withChangeId.map((example) => [example.title, example.message]))("the hook keeps the Change-Id of a valid example: %s", (_, message) => {
    expect(gerritHook(message, reviewUrlOf(message))).toBe(message);
  });

  // Where git reads no Change-Id, the hook adds one and the commit goes to a new change.
  const unreadCauses = ["breakingChange", "mixed", "notLast", "summaryParagraph"];
  const unread = rule.examples.invalid.filter((example) => unreadCauses.includes(example.findings![0].messageId));

  it.each(unread.map((example) => [example.title, example]))("the hook adds a second Change-Id, which the rule then names: %s", (_, example) => {
    const reviewUrl = reviewUrlOf(example.message);
    const hooked = gerritHook(example.message, reviewUrl);
    expect(hooked).toContain(reviewUrl ? `\nLink: ${reviewUrl}/id/${NEW_ID}\n` : `\nChange-Id: ${NEW_ID}\n`);
    const finding = example.findings![0];
    // Right under the summary, summary-blank-line's error names the line instead (see below).
    const config = resolveConfig({ rules: { "summary-blank-line": "off" } });
    const seen = lint(hooked, { config }).findings.filter((f) => f.ruleId === "change-id-unread");
    expect(seen).toMatchObject([{ messageId: "shadowed", line: finding.line, column: 1, endColumn: finding.endColumn }]);
    expect(seen[0].message).toContain(`the change that line ${hooked.trimEnd().split("\n").length} names, another one`);
  });

  it("leaves a Change-Id right under the summary to summary-blank-line, whose one finding names it", () => {
    const id = "I8473b95934b5732ac55d26311a706c9c2bde9940";
    const message = `Retry uploads on timeouts\nChange-Id: ${id}\n\nUploads failed on the first timeout.\n`;
    const onLine2 = (config?: Parameters<typeof lint>[1]) => lint(message, config).findings.filter((f) => f.line === 2).map((f) => [f.ruleId, f.messageId, f.severity]);
    expect(onLine2()).toEqual([["summary-blank-line", "trailer", "error"]]);
    expect(lint(message).findings.find((f) => f.line === 2)!.message).toBe(
      "Change-Id on line 2 follows the summary without a blank line, so git joins both lines into one long subject and reads no trailer from it. Insert a blank line after the summary and move the line to the trailers at the end of the message.",
    );
    // Where summary-blank-line is off, or only warns beside this rule's error, this rule says it.
    expect(onLine2({ config: resolveConfig({ rules: { "summary-blank-line": "off" } }) })).toEqual([["change-id-unread", "summaryParagraph", "warn"]]);
    expect(onLine2({ config: resolveConfig({ rules: { "summary-blank-line": "warn", "change-id-unread": "error" } }) })).toEqual([
      ["summary-blank-line", "trailer", "warn"],
      ["change-id-unread", "summaryParagraph", "error"],
    ]);
    // Further down the summary's paragraph, summary-blank-line points at line 2 only: this rule names the Change-Id.
    const third = lint(`Retry uploads on timeouts\nafter the first one.\nChange-Id: ${id}\n\nUploads failed.\n`).findings;
    expect(third.map((f) => [f.ruleId, f.messageId, f.line])).toEqual(expect.arrayContaining([["summary-blank-line", "missing", 2], ["change-id-unread", "summaryParagraph", 3]]));
  });

  // Where git reads one, the hook leaves the message as it is, whatever the Change-Id holds:
  // Gerrit's server is the one that refuses two, or a malformed one.
  const kept = rule.examples.invalid.filter((example) => ["several", "invalid", "placeholder", "partial"].includes(example.findings![0].messageId));

  it.each(kept.map((example) => [example.title, example.message]))("the hook leaves the message as it is, so only the rule says: %s", (_, message) => {
    expect(gerritHook(message)).toBe(message);
  });

  it("leaves a Change-Id alone that the trailers hold too, and reads the token in any case", () => {
    const id = "I8473b95934b5732ac55d26311a706c9c2bde9940";
    expect(findings(`Retry uploads\n\nUploads failed.\n\nchange-id: ${id}\n\nChange-Id: ${id}\n`)).toEqual([]);
    expect(findings(`Retry uploads\n\nUploads failed.\n\nchange-id: ${id}\n\nTested on staging.\n`)).toMatchObject([
      { messageId: "notLast", line: 5, column: 1, endLine: 5, endColumn: 53 },
    ]);
  });

  it("tells a Change-Id Gerrit refuses from one it takes as written, as its server's pattern does", () => {
    const messageIdOf = (id: string) => findings(`Retry uploads\n\nUploads failed.\n\nChange-Id: ${id}\n`).map((f) => f.messageId);
    const full = "I8473b95934b5732ac55d26311a706c9c2bde9940";
    expect(messageIdOf(full)).toEqual([]);
    // Gerrit's Change.CHANGE_ID_PATTERN is ^[iI][0-9a-f]{4,}.*$, and EGit's all-zero placeholder is refused.
    expect(messageIdOf("I0000000000000000000000000000000000000000")).toEqual(["placeholder"]);
    for (const id of [full.slice(1), "Iabc", "<change id>"]) expect(messageIdOf(id), id).toEqual(["invalid"]);
    for (const id of ["I8473", `${full}.`, `i${full.slice(1)}`, full.toUpperCase()]) expect(messageIdOf(id), id).toEqual(["partial"]);
    // A long value is quoted cut.
    expect(findings(`Retry uploads\n\nUploads failed.\n\nChange-Id: ${"x".repeat(200)}\n`)[0].message).toContain(`is "${"x".repeat(49)}…", not I`);
  });

  it("takes a Link to …/id/I<40 hex> for a Change-Id, and no other Link", () => {
    const link = (id: string) => `Link: https://review.example.com/id/${id}`;
    const full = "I8473b95934b5732ac55d26311a706c9c2bde9940";
    expect(findings(`Retry uploads\n\nUploads failed.\n\n${link(full)}\n${link(NEW_ID)}\n`)).toMatchObject([{ messageId: "several", line: 6 }]);
    expect(findings(`Retry uploads\n\nUploads failed.\n\n${link(full)}\n\nTested on staging.\n`)).toMatchObject([{ messageId: "notLast", line: 5 }]);
    expect(findings(`Retry uploads\n\nUploads failed.\n\n${link("I8473b959")}\n\nTested on staging.\n`)).toEqual([]);
    expect(findings(`Retry uploads\n\nUploads failed.\n\n${link(full)}\nLink: https://wiki.example.com/uploads\n`)).toEqual([]);
  });

  it("reports a Link to …/id/ whose id is malformed, which Gerrit's review-URL hook does not take for one", () => {
    const link = (id: string) => `Link: https://review.example.com/id/${id}`;
    const full = "I8473b95934b5732ac55d26311a706c9c2bde9940";
    const message = (id: string) => `Retry uploads\n\nUploads failed.\n\nBug: 4211\n${link(id)}\n`;
    for (const id of ["I8473b959", full.toUpperCase(), `${full}.`, `i${full.slice(1)}`, "I", ""]) {
      expect(findings(message(id)), id).toMatchObject([{ messageId: "linkMalformed", line: 6, column: 1, endLine: 6, endColumn: link(id).length + 1 }]);
    }
    expect(findings(message("I8473b959"))[0].message).toContain('Link on line 6 ends in "I8473b959", not I and 40 hex digits');
    // The hook greps for …/id/I<40 hex> and, finding none, adds a Link of its own: the push opens a new change.
    const hooked = gerritHook(message("I8473b959"), REVIEW_URL);
    expect(hooked).toContain(`\nLink: ${REVIEW_URL}/id/${NEW_ID}\n`);
    expect(findings(hooked)).toMatchObject([{ messageId: "linkMalformed", line: 6 }]);
    // Links to …/id/ that name something else, and a well-formed one, are left alone.
    for (const value of ["https://wiki.example.com/id/42", "https://wiki.example.com/id/Ideas", `https://review.example.com/id/${full}`]) {
      expect(findings(`Retry uploads\n\nUploads failed.\n\nLink: ${value}\n`), value).toEqual([]);
    }
  });

  it("leaves an indented Change-Id alone, such as one quoted from a squashed commit's message", () => {
    const message = "Squash the retry work\n\nSquashed commit of the following:\n\n    Retry uploads\n\n    Change-Id: I8473b95934b5732ac55d26311a706c9c2bde9940\n\nChange-Id: I2f1c0e0b5d8a4c7e9b3a6d1f0e2c4b8a7d9e1f3c\n";
    expect(findings(message)).toEqual([]);
  });
});
