// crlfNote() and the plan it reads: what init says of a hook with CRLF line ends, in the words of
// the shell that reads it, with a convert command that takes any path (the e2e tests run it).
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rationaleLineEndsInLf } from "../../src/cli/hook-reading.js";
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

describe("rationaleLineEndsInLf()", () => {
  it("is true only when every line of rationale's command ends in LF", () => {
    expect(rationaleLineEndsInLf(`#!/bin/sh\r\necho start\r\n${LINE}\n`, 'lint --edit "$1"')).toBe(true);
    // The last line, with no line end at all, is read as written too.
    expect(rationaleLineEndsInLf(`#!/bin/sh\r\n${LINE}`, 'lint --edit "$1"')).toBe(true);
    expect(rationaleLineEndsInLf(crlf(`#!/bin/sh\n${LINE}\n`), 'lint --edit "$1"')).toBe(false);
    expect(rationaleLineEndsInLf(`#!/bin/sh\n${LINE}\r\necho done\n`, 'lint --edit "$1"')).toBe(false);
    // A command continued onto a CRLF line: its `"$1"` is misread there.
    expect(rationaleLineEndsInLf('#!/bin/sh\nrationale lint \\\n  --edit "$1"\r\n', 'lint --edit "$1"')).toBe(false);
    expect(rationaleLineEndsInLf('#!/bin/sh\r\nrationale lint \\\n  --edit "$1"\n', 'lint --edit "$1"')).toBe(true);
    // No command runs rationale: nothing is read as written.
    expect(rationaleLineEndsInLf("#!/bin/sh\r\necho rationale lint\n", 'lint --edit "$1"')).toBe(false);
  });
});

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

  it("says rationale judges the message when its own line ends in LF and only the others are CRLF", () => {
    const mixed = planFor(`#!/bin/sh\n${crlf("# Check the message\necho checking\n")}${LINE}\n`);
    expect(mixed).toMatchObject({ existing: "added", crlfFailure: "misread", crlfShell: "sh", crlfRationaleLineLf: true });
    const note = crlfNote(mixed);
    expect(note).toBe(
      `.git/hooks/commit-msg has CRLF line ends on some lines: sh reads the carriage return that ends such a line as part of its last word ${examples}; ` +
        "rationale's own line ends in LF, so rationale judges the message git wrote when the hook gets to that line, but the lines in CRLF do not run as written; " +
        "convert it to LF: perl -pi -e 's/\\r$//' -- .git/hooks/commit-msg",
    );
    expect(note).not.toContain("does not judge");
    // Under husky's sh -e, a misread line can still stop the hook.
    expect(crlfNote({ ...mixed, layout: "husky", shownAs: ".husky/commit-msg", crlfFailure: "every-commit" })).toContain(
      "but the lines in CRLF do not run as written, and husky's `sh -e` stops the hook at the first of them that fails; convert it to LF: perl -pi -e 's/\\r$//' -- .husky/commit-msg (",
    );
    // A #! line in CRLF names no interpreter: git starts nothing, whatever rationale's line ends with.
    const unstartable = planFor(`#!/bin/sh\r\n${LINE}\n`);
    expect(unstartable).toMatchObject({ crlfFailure: "unstartable", crlfRationaleLineLf: true });
    expect(crlfNote(unstartable)).toMatch(/fails every commit, good message or bad, before rationale judges it: git cannot start it/);
    // rationale's line in CRLF: its "$1" is misread, as before.
    const own = planFor(`#!/bin/sh\n${LINE}\r\necho done\n`);
    expect(own.crlfRationaleLineLf).toBeUndefined();
    expect(crlfNote(own)).toContain("so rationale does not judge the message git wrote");
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
