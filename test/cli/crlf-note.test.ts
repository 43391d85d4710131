// crlfNote() and the plan it reads: what init says of a hook with CRLF line ends, in the words of
// the shell that reads it, with a convert command that takes any path (the e2e tests run it).
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { crlfNote, planCommitMsgHook } from "../../src/cli/hooks.js";
import { makeRepo, tempDir } from "./helpers.js";

const LINE = 'rationale lint --edit "$1"';
const crlf = (text: string) => text.replace(/\n/g, "\r\n");
const examples = "(`then\\r` is no `then`, `\"$1\"\\r` names a file git did not write)";

/** The commit-msg plan init makes for a repository whose hook is `text`, as written. */
function planFor(text: string) {
  const repo = makeRepo();
  const hook = join(repo.dir, ".git", "hooks", "commit-msg");
  writeFileSync(hook, text);
  chmodSync(hook, 0o755);
  return planCommitMsgHook(repo.dir, undefined);
}

describe("crlfNote()", () => {
  it("names the shell the hook's #! line names, where the hook runs rationale and where it is in the way", () => {
    const bash = planFor(`#!/usr/bin/env bash\n${crlf(`${LINE}\necho done\n`)}`);
    expect(bash).toMatchObject({ existing: "added", crlfFailure: "misread", crlfShell: "bash" });
    expect(crlfNote(bash)).toBe(
      `.git/hooks/commit-msg has CRLF line ends: bash reads the carriage return that ends each line as part of its last word ${examples}, ` +
        "so rationale does not judge the message git wrote, and the hook's status is not its verdict; convert it to LF: perl -pi -e 's/\\r$//' -- .git/hooks/commit-msg",
    );
    const zsh = planFor(`#!/bin/zsh\n${crlf("./run-my-checks\n")}`);
    expect(zsh).toMatchObject({ existing: "different", crlfShell: "zsh" });
    expect(crlfNote(zsh)).toBe(
      ".git/hooks/commit-msg has CRLF line ends, which zsh misreads: convert it to LF: perl -pi -e 's/\\r$//' -- .git/hooks/commit-msg as you change it, or the lines will not run either",
    );
    // Any other #! line, or none, is sh's.
    expect(crlfNote(planFor(crlf("./run-my-checks\n")))).toMatch(/^\.git\/hooks\/commit-msg has CRLF line ends, which sh misreads: /);
    expect(crlfNote(planFor(`#!/bin/sh\n${crlf(`${LINE}\necho done\n`)}`))).toMatch(/: sh reads the carriage return that ends each line /);
  });

  it("ends perl's options with -- before the hook's path, which may start with a dash", () => {
    const note = crlfNote({ layout: "git", existing: "different", shownAs: "-hooks/commit-msg" });
    expect(note).toContain("convert it to LF: perl -pi -e 's/\\r$//' -- -hooks/commit-msg as you change it");
    // Run as printed: without `--`, perl reads "-hooks/commit-msg" as its options and converts nothing.
    const dir = tempDir();
    mkdirSync(join(dir, "-hooks"));
    writeFileSync(join(dir, "-hooks/commit-msg"), "#!/bin/sh\r\n./run-my-checks\r\n");
    const convert = spawnSync("sh", ["-c", /convert it to LF: (perl .*?) as you change it/.exec(note)![1]], { cwd: dir, encoding: "utf8" });
    expect(convert.status, convert.stderr).toBe(0);
    expect(readFileSync(join(dir, "-hooks/commit-msg"), "utf8")).toBe("#!/bin/sh\n./run-my-checks\n");
  });
});
