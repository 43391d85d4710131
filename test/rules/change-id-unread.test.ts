// change-id-unread against what Gerrit's commit-msg hook does to the message, run with the machine's git.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/lint.js";
import rule from "../../rules/change-id-unread.js";

const findings = (text: string) => lint(text).findings.filter((f) => f.ruleId === "change-id-unread");
const NEW_ID = "I0123456789abcdef0123456789abcdef01234567";

// The command Gerrit's commit-msg hook runs to add a Change-Id unless git reads one already,
// in an empty folder with no user or system config that could declare trailers.
const home = mkdtempSync(join(tmpdir(), "rationale-change-id-"));
function gerritHook(message: string): string {
  const env = { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: join(home, "none") };
  const run = spawnSync("git", ["-c", "trailer.ifexists=doNothing", "interpret-trailers", "--trailer", `Change-Id: ${NEW_ID}`], { cwd: home, env, input: message, encoding: "utf8" });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe("change-id-unread and Gerrit's commit-msg hook", () => {
  const withChangeId = rule.examples.valid.filter((example) => !example.message.includes("```"));

  it.each(withChangeId.map((example) => [example.title, example.message]))("the hook keeps the Change-Id of a valid example: %s", (_, message) => {
    expect(gerritHook(message)).toBe(message);
  });

  const unread = rule.examples.invalid.filter((example) => example.findings?.[0].messageId !== "shadowed");

  it.each(unread.map((example) => [example.title, example]))("the hook adds a second Change-Id, which the rule then names: %s", (_, example) => {
    const hooked = gerritHook(example.message);
    expect(hooked).toContain(`\nChange-Id: ${NEW_ID}\n`);
    const finding = example.findings![0];
    expect(findings(hooked)).toMatchObject([{ messageId: "shadowed", line: finding.line, column: 1, endColumn: finding.endColumn }]);
    expect(findings(hooked)[0].message).toContain(`the Change-Id on line ${hooked.trimEnd().split("\n").length}, another one`);
  });

  it("leaves a Change-Id alone that the trailers hold too, and reads the token in any case", () => {
    const id = "I8473b95934b5732ac55d26311a706c9c2bde9940";
    expect(findings(`Retry uploads\n\nUploads failed.\n\nchange-id: ${id}\n\nChange-Id: ${id}\n`)).toEqual([]);
    expect(findings(`Retry uploads\n\nUploads failed.\n\nchange-id: ${id}\n\nTested on staging.\n`)).toMatchObject([
      { messageId: "notLast", line: 5, column: 1, endLine: 5, endColumn: 53 },
    ]);
  });

  it("leaves an indented Change-Id alone, such as one quoted from a squashed commit's message", () => {
    const message = "Squash the retry work\n\nSquashed commit of the following:\n\n    Retry uploads\n\n    Change-Id: I8473b95934b5732ac55d26311a706c9c2bde9940\n\nChange-Id: I2f1c0e0b5d8a4c7e9b3a6d1f0e2c4b8a7d9e1f3c\n";
    expect(findings(message)).toEqual([]);
  });
});
