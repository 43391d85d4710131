// End to end: `rationale init` in real temp repositories, then real `git commit`, `merge` and `revert`
// through the installed commit-msg hook, which runs the built CLI.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { spawnSync } from "node:child_process";
import { appendFileSync, chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { installHook } from "../../src/cli/hooks.js";
import { UsageError } from "../../src/types.js";
import { GOOD_MESSAGE, HASH_SUMMARY_MESSAGE, assertBuilt, cleanEnv, cli, makeRepo, root, runCli, tempDir, writeScript, type TempRepo } from "../cli/helpers.js";

// Each test runs git and node several times on a shared, busy machine.
vi.setConfig({ testTimeout: 120_000 });
beforeAll(assertBuilt);

/** Puts a `rationale` executable running the built CLI into `dir` (as `npm install` links one). */
function rationaleShim(dir: string): string {
  return writeScript(join(dir, "rationale"), `exec node "${cli}" "$@"`);
}

/**
 * A repo whose node_modules/.bin/rationale is the built CLI, that directory first on the PATH a
 * commit runs with (`env`), and the path of its plain-git commit-msg hook, not yet written.
 */
function repoWithShimOnPath(): { repo: TempRepo; env: { PATH: string }; hook: string } {
  const repo = makeRepo();
  rationaleShim(join(repo.dir, "node_modules/.bin"));
  const env = { PATH: `${join(repo.dir, "node_modules/.bin")}:${process.env.PATH}` };
  return { repo, env, hook: join(repo.dir, ".git/hooks/commit-msg") };
}

/** A repo with `rationale init` run, whose node_modules/.bin/rationale is the built CLI (as after `npm install`). */
function repoWithHook(): TempRepo {
  const repo = makeRepo();
  rationaleShim(join(repo.dir, "node_modules/.bin"));
  const init = runCli(["init"], { cwd: repo.dir, home: repo.home });
  expect(init.stderr).toBe("");
  expect(init.status).toBe(0);
  expect(init.stdout).toBe("commit-msg hook installed: .git/hooks/commit-msg\n");
  return repo;
}

/** An editor for GIT_EDITOR that puts `message` above what git wrote (template comments, scissors, diff). */
function prependingEditor(repo: TempRepo, name: string, message: string): string {
  const messageFile = repo.write(`../${name}.msg`, message);
  return writeScript(join(repo.dir, "..", `${name}.sh`), `{ cat "${messageFile}"; cat "$1"; } > "$1.new" && mv "$1.new" "$1"`);
}

/** An editor that appends `text` to the file git opens. */
function appendingEditor(repo: TempRepo, name: string, text: string): string {
  const textFile = repo.write(`../${name}.txt`, text);
  return writeScript(join(repo.dir, "..", `${name}.sh`), `cat "${textFile}" >> "$1"`);
}

/** The lines `init` asks to add to a hook of the user's own, as printed: indented under the file's name. */
function linesToAdd(stderr: string, file = ".git/hooks/commit-msg"): string {
  const lines = stderr.split("\n");
  const at = lines.indexOf(`  ${file}: add these lines:`);
  expect(at, stderr).toBeGreaterThanOrEqual(0);
  const rest = lines.slice(at + 1);
  const end = rest.findIndex((line) => !line.startsWith("    "));
  return rest.slice(0, end < 0 ? rest.length : end).join("\n");
}

const lastMessage = (repo: TempRepo) => repo.git(["log", "-1", "--format=%B"]).stdout;
const commitCount = (repo: TempRepo) => Number(repo.git(["rev-list", "--count", "HEAD"]).stdout.trim());

/** Runs the retry command the hook printed in `output` through the shell, as a user pastes it. */
function retryAsPrinted(repo: TempRepo, output: string, editor = "true") {
  const command = /edit and retry with: (.+)$/m.exec(output)![1];
  return spawnSync("sh", ["-c", command], { cwd: repo.dir, env: cleanEnv(repo.home, { GIT_EDITOR: editor }), encoding: "utf8" });
}

/** The commit-msg hook as rationale wrote it before its copy of the message knew git's comment char. */
const HASH_COPY_HOOK = [
  "#!/bin/sh",
  "# commit-msg hook installed by `rationale init`. Skip it once with: git commit --no-verify",
  "if [ -x ./node_modules/.bin/rationale ]; then",
  "  exec ./node_modules/.bin/rationale lint --edit \"$1\"",
  "fi",
  "bin=\"$(git worktree list --porcelain 2>/dev/null | sed -n 's/^worktree //p' | while IFS= read -r dir; do if [ -x \"$dir/node_modules/.bin/rationale\" ]; then printf '%s\\n' \"$dir/node_modules/.bin/rationale\"; break; fi; done)\"",
  "if [ -n \"$bin\" ]; then",
  "  exec \"$bin\" lint --edit \"$1\"",
  "fi",
  "if command -v rationale >/dev/null 2>&1; then",
  "  exec rationale lint --edit \"$1\"",
  "fi",
  "where=\"in $1, which git's next commit overwrites\"",
  "case \"$1\" in",
  "  COMMIT_EDITMSG|*/COMMIT_EDITMSG|MERGE_MSG|*/MERGE_MSG)",
  "    kept=\"$(dirname \"$1\")/RATIONALE_EDITMSG\"",
  "    if sed '/^[^ ]\\{1,8\\} -\\{24\\} >8 -\\{24\\}$/,$d' \"$1\" 2>/dev/null > \"$kept.tmp\" && grep -v '^#' \"$kept.tmp\" | grep -q '[^[:space:]]' && mv \"$kept.tmp\" \"$kept\" 2>/dev/null; then",
  "      where=\"saved in $kept\"",
  "    else",
  "      rm -f \"$kept.tmp\" 2>/dev/null || :",
  "    fi",
  "    ;;",
  "esac",
  "echo \"rationale: not installed here (no ./node_modules/.bin/rationale, none on PATH): run npm install --save-dev rationale-cli, or skip the check once with git commit --no-verify, or delete this hook ($0) if the project no longer uses rationale; your message is $where\" >&2",
  "exit 1",
  "",
].join("\n");

describe("rationale init with plain git hooks", () => {
  it("installs an executable commit-msg hook that prefers the local install, then PATH", () => {
    const repo = repoWithHook();
    const hook = join(repo.dir, ".git/hooks/commit-msg");
    expect(statSync(hook).mode & 0o111).not.toBe(0);
    const content = readFileSync(hook, "utf8");
    expect(content.startsWith("#!/bin/sh\n")).toBe(true);
    expect(content).toContain('exec ./node_modules/.bin/rationale lint --edit "$1"');
    expect(content).toContain('exec rationale lint --edit "$1"');
    expect(content).not.toContain("npx");
  });

  it("in a linked worktree, which has no node_modules, runs the main checkout's install", () => {
    const repo = repoWithHook();
    const worktree = join(repo.dir, "..", "wt");
    repo.git(["worktree", "add", "-q", worktree]);
    const env = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` };
    const wt = (args: string[], input?: string) => repo.git(["-C", worktree, ...args], { env, input, check: false });
    const rejected = wt(["commit", "--allow-empty", "-m", "Fix bug"]);
    expect(rejected.status).not.toBe(0);
    expect(rejected.stdout + rejected.stderr).toContain("summary-vague");
    expect(wt(["commit", "--allow-empty", "-F", "-"], GOOD_MESSAGE).status).toBe(0);
  });

  it("in a bare repository's worktrees, runs the install of whichever worktree has one", () => {
    const repo = makeRepo();
    repo.git(["commit", "--allow-empty", "-m", "Start"]);
    const bare = join(repo.dir, "..", "project.git");
    repo.git(["clone", "-q", "--bare", repo.dir, bare]);
    const gitIn = (cwd: string, args: string[], input?: string) =>
      repo.git(["-C", cwd, ...args], { env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` }, input, check: false });
    gitIn(bare, ["config", "user.name", "Test"]);
    gitIn(bare, ["config", "user.email", "test@example.com"]);
    const main = join(repo.dir, "..", "main");
    const feature = join(repo.dir, "..", "feature");
    expect(gitIn(bare, ["worktree", "add", "-q", main]).status).toBe(0);
    expect(gitIn(bare, ["worktree", "add", "-q", "-b", "feature", feature]).status).toBe(0);
    rationaleShim(join(main, "node_modules/.bin"));
    const init = runCli(["init"], { cwd: feature, home: repo.home, env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` } });
    expect(init.status).toBe(0);
    // The install in the other worktree counts, so init does not warn that none is there.
    expect(init.stderr).toBe("");
    const rejected = gitIn(feature, ["commit", "--allow-empty", "-m", "Fix bug"]);
    expect(rejected.status).not.toBe(0);
    expect(rejected.stdout + rejected.stderr).toContain("summary-vague");
    expect(gitIn(feature, ["commit", "--allow-empty", "-F", "-"], GOOD_MESSAGE).status).toBe(0);
  });

  it("in a submodule, whose .git is a file, installs where git looks and the hook checks its commits", () => {
    const library = makeRepo();
    const repo = makeRepo();
    repo.git(["-c", "protocol.file.allow=always", "submodule", "add", "-q", library.dir, "lib"]);
    const sub = join(repo.dir, "lib");
    expect(readFileSync(join(sub, ".git"), "utf8")).toBe("gitdir: ../.git/modules/lib\n");
    rationaleShim(join(sub, "node_modules/.bin"));
    const init = runCli(["init"], { cwd: sub, home: repo.home });
    expect(init.stderr).toBe("");
    // git rev-parse --git-path hooks: the submodule's git directory inside the superproject's.
    expect(init.stdout).toBe("commit-msg hook installed: ../.git/modules/lib/hooks/commit-msg\n");
    const gitDir = join(repo.dir, ".git/modules/lib");
    const inSub = (args: string[], input?: string) => repo.git(["-C", sub, ...args], { env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` }, input, check: false });
    inSub(["config", "user.name", "Test Author"]);
    inSub(["config", "user.email", "author@example.com"]);
    const rejected = inSub(["commit", "--allow-empty", "-m", "Fix bug"]);
    expect(rejected.status).not.toBe(0);
    expect(rejected.stderr).toContain(`Your message is saved in ${join(gitDir, "RATIONALE_EDITMSG")}`);
    expect(inSub(["commit", "--allow-empty", "-F", "-"], GOOD_MESSAGE).status).toBe(0);
    // The superproject's own hooks directory is left alone.
    expect(existsSync(join(repo.dir, ".git/hooks/commit-msg"))).toBe(false);
  });

  it("with a relative core.hooksPath, warns that other worktrees run their own copy until it is committed", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    repo.git(["config", "core.hooksPath", "githooks"]);
    const worktree = join(repo.dir, "..", "wt");
    repo.git(["worktree", "add", "-q", worktree]);
    const env = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` };
    const init = runCli(["init"], { cwd: repo.dir, home: repo.home, env });
    expect(init.status).toBe(0);
    expect(init.stdout).toBe("commit-msg hook installed: githooks/commit-msg\n");
    expect(init.stderr).toBe(
      `rationale: warning: core.hooksPath "githooks" is relative, so git runs the hooks in each worktree's own copy of it: this hook checks commits in ${repo.dir} only, ` +
        "until githooks/commit-msg is committed and checked out in the other worktrees (or core.hooksPath is set to an absolute path)\n",
    );
    // As the warning says: the worktree has no githooks/ of its own yet, so nothing checks it.
    const wt = (args: string[], input?: string) => repo.git(["-C", worktree, ...args], { env, input, check: false });
    expect(wt(["commit", "--allow-empty", "-m", "Fix bug"]).status).toBe(0);
    // A worktree deleted without `git worktree remove` ("prunable") commits nothing: no warning for it.
    const gone = join(repo.dir, "..", "gone");
    repo.git(["worktree", "add", "-q", gone]);
    rmSync(gone, { recursive: true, force: true });
    repo.git(["worktree", "remove", "--force", worktree]);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home, env }).stderr).toBe("");
    repo.git(["worktree", "prune"]);
    repo.git(["worktree", "add", "-q", "--detach", worktree]);
    expect(repo.git(["add", "githooks/commit-msg"], { env }).status).toBe(0);
    expect(repo.git(["commit", "-F", "-"], { env, input: GOOD_MESSAGE }).status).toBe(0);
    // Committed here, but the worktree is still at the commit before: nothing checks it yet.
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home, env }).stderr).toBe(
      `rationale: warning: core.hooksPath "githooks" is relative, so git runs the hooks in each worktree's own copy of it: this hook checks commits in ${repo.dir} only, ` +
        "until the commit that adds githooks/commit-msg is checked out in the other worktrees (or core.hooksPath is set to an absolute path)\n",
    );
    expect(wt(["commit", "--allow-empty", "-m", "Fix bug"]).status).toBe(0);
    // Checked out there: init says nothing more, and the worktree runs it.
    expect(wt(["checkout", "-q", "--detach", "main"]).status).toBe(0);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home, env }).stderr).toBe("");
    const rejected = wt(["commit", "--allow-empty", "-m", "Fix bug"]);
    expect(rejected.status).not.toBe(0);
    expect(rejected.stdout + rejected.stderr).toContain("summary-vague");
  });

  it("with a relative core.hooksPath, run from a linked worktree: committed on its branch is not checked out in the main one", () => {
    const repo = makeRepo();
    repo.git(["config", "core.hooksPath", "githooks"]);
    const worktree = join(repo.dir, "..", "wt");
    repo.git(["worktree", "add", "-q", worktree]);
    rationaleShim(join(worktree, "node_modules/.bin"));
    const env = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` };
    const wt = (args: string[], input?: string) => repo.git(["-C", worktree, ...args], { env, input, check: false });
    expect(runCli(["init"], { cwd: worktree, home: repo.home, env }).stdout).toBe("commit-msg hook installed: githooks/commit-msg\n");
    expect(wt(["add", "githooks/commit-msg"]).status).toBe(0);
    expect(wt(["commit", "-q", "-F", "-"], GOOD_MESSAGE).status).toBe(0);
    // The worktree's HEAD (its branch "wt") has the hook; the main checkout's does not.
    const init = runCli(["init"], { cwd: worktree, home: repo.home, env });
    expect(init.stdout).toBe("commit-msg hook already installed: githooks/commit-msg\n");
    expect(init.stderr).toBe(
      `rationale: warning: core.hooksPath "githooks" is relative, so git runs the hooks in each worktree's own copy of it: this hook checks commits in ${worktree} only, ` +
        "until the commit that adds githooks/commit-msg is checked out in the other worktrees (or core.hooksPath is set to an absolute path)\n",
    );
    // As the warning says: the main checkout commits unchecked until it merges that commit.
    expect(repo.git(["commit", "--allow-empty", "-m", "Fix bug"], { env, check: false }).status).toBe(0);
    // A third checkout of that commit has the hook: the warning names the one that lacks it.
    repo.git(["worktree", "add", "-q", "--detach", join(repo.dir, "..", "wt2"), "wt"]);
    expect(runCli(["init"], { cwd: worktree, home: repo.home, env }).stderr).toBe(
      `rationale: warning: core.hooksPath "githooks" is relative, so git runs the hooks in each worktree's own copy of it: this hook does not check commits in ${repo.dir}, ` +
        `until the commit that adds githooks/commit-msg is checked out in ${repo.dir} (or core.hooksPath is set to an absolute path)\n`,
    );
    repo.git(["merge", "-q", "--no-edit", "--no-verify", "wt"], { env });
    expect(runCli(["init"], { cwd: worktree, home: repo.home, env }).stderr).toBe("");
    const rejected = repo.git(["commit", "--allow-empty", "-m", "Fix bug"], { env, check: false });
    expect(rejected.status).not.toBe(0);
    expect(rejected.stdout + rejected.stderr).toContain("summary-vague");
  });

  it("with an absolute core.hooksPath, a linked worktree installs into the one shared directory, without a warning", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const hooks = join(repo.dir, "..", "shared-hooks");
    repo.git(["config", "core.hooksPath", hooks]);
    const worktree = join(repo.dir, "..", "wt");
    repo.git(["worktree", "add", "-q", worktree]);
    const env = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` };
    const init = runCli(["init"], { cwd: worktree, home: repo.home, env });
    expect(init.stderr).toBe("");
    expect(init.stdout).toBe("commit-msg hook installed: ../shared-hooks/commit-msg\n");
    for (const dir of [repo.dir, worktree]) {
      const rejected = repo.git(["-C", dir, "commit", "--allow-empty", "-m", "Fix bug"], { env, check: false });
      expect(rejected.stdout + rejected.stderr).toContain("summary-vague");
      expect(rejected.status).not.toBe(0);
    }
  });

  it("runs a rationale found only on PATH, and without one stops the commit with a one-line reason", () => {
    const repo = makeRepo();
    const bin = join(repo.dir, "..", "global-bin");
    rationaleShim(bin);
    const onPath = `${bin}:${dirname(process.execPath)}:/usr/bin:/bin`;
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home, env: { PATH: onPath } }).stderr).toBe("");
    const rejected = repo.git(["commit", "--allow-empty", "-m", "Fix bug"], { env: { PATH: onPath }, check: false });
    expect(rejected.status).not.toBe(0);
    expect(rejected.stdout + rejected.stderr).toContain("summary-vague");
    expect(repo.git(["commit", "--allow-empty", "-F", "-"], { env: { PATH: onPath }, input: GOOD_MESSAGE }).status).toBe(0);

    const without = repo.git(["commit", "--allow-empty", "-F", "-"], { env: { PATH: "/usr/bin:/bin" }, input: GOOD_MESSAGE, check: false });
    expect(without.status).not.toBe(0);
    expect(without.stderr).toContain(
      "rationale: not installed here (no ./node_modules/.bin/rationale, none on PATH): run npm install --save-dev rationale-cli, or skip the check once with git commit --no-verify, or delete this hook (.git/hooks/commit-msg) if the project no longer uses rationale; your message is saved in .git/RATIONALE_EDITMSG; retry with: git commit -F .git/RATIONALE_EDITMSG\n",
    );
    expect(without.stderr).not.toContain("npm error");
    expect(readFileSync(join(repo.dir, ".git/RATIONALE_EDITMSG"), "utf8")).toBe(GOOD_MESSAGE);
  });

  it("without rationale, keeps the message where git's next commit does not overwrite it, and that commit can reuse it", () => {
    const repo = repoWithHook();
    rmSync(join(repo.dir, "node_modules"), { recursive: true });
    const env = { PATH: "/usr/bin:/bin" };
    const kept = join(repo.dir, ".git/RATIONALE_EDITMSG");
    expect(repo.git(["commit", "--allow-empty", "-F", "-"], { env, input: GOOD_MESSAGE, check: false }).status).not.toBe(0);
    expect(readFileSync(kept, "utf8")).toBe(GOOD_MESSAGE);
    // The commit --no-verify the line suggests rewrites COMMIT_EDITMSG; the copy stays.
    repo.git(["commit", "--allow-empty", "--no-verify", "-m", "Record the release date in the changelog"], { env });
    expect(readFileSync(join(repo.dir, ".git/COMMIT_EDITMSG"), "utf8")).not.toBe(GOOD_MESSAGE);
    expect(readFileSync(kept, "utf8")).toBe(GOOD_MESSAGE);
    // An editor closed on git's template alone (an aborted commit) leaves that copy as it was.
    const aborted = repo.git(["commit", "--allow-empty"], { env: { ...env, GIT_EDITOR: "true" }, check: false });
    expect(aborted.stderr).toContain("your message is in .git/COMMIT_EDITMSG, which git's next commit overwrites");
    expect(readFileSync(kept, "utf8")).toBe(GOOD_MESSAGE);
    // git commit -v: the diff below the scissors line is not kept, so the retry with -e -F commits the message alone.
    repo.write("notes.txt", "first\n");
    repo.git(["add", "notes.txt"]);
    const verbose = repo.git(["commit", "-v"], { env: { ...env, GIT_EDITOR: prependingEditor(repo, "verbose", GOOD_MESSAGE) }, check: false });
    expect(verbose.status).not.toBe(0);
    expect(verbose.stderr).toContain("your message is saved in .git/RATIONALE_EDITMSG");
    const copy = readFileSync(kept, "utf8");
    expect(copy.startsWith(GOOD_MESSAGE)).toBe(true);
    expect(copy).not.toContain(">8");
    expect(copy).not.toContain("diff --git");
    repo.git(["commit", "--no-verify", "-e", "-F", ".git/RATIONALE_EDITMSG"], { env: { ...env, GIT_EDITOR: "true" } });
    expect(lastMessage(repo)).toBe(`${GOOD_MESSAGE.trimEnd()}\n\n`);
  });

  it("without rationale, prints the command that commits the kept message, which works once rationale is back", () => {
    const repo = repoWithHook();
    const bin = join(repo.dir, "node_modules");
    renameSync(bin, join(repo.dir, "..", "node_modules.away"));
    const env = { PATH: "/usr/bin:/bin" };
    const retry = (output: string) => /; retry with: (git commit .*)$/m.exec(output)?.[1];
    // Written in git's editor: -e, so that the retry's editor shows the message again.
    const edited = repo.git(["commit", "--allow-empty"], { env: { ...env, GIT_EDITOR: prependingEditor(repo, "edited", GOOD_MESSAGE) }, check: false });
    expect(edited.status).not.toBe(0);
    expect(retry(edited.stderr)).toBe("git commit -e -F .git/RATIONALE_EDITMSG");
    // Given with -m: its '#' lines are kept by git, and would be dropped by the editor's cleanup,
    // so no -e. (Options are not repeated, --allow-empty among them: a change is staged here.)
    repo.write("notes.txt", "first\n");
    repo.git(["add", "notes.txt"]);
    const typed = repo.git(["commit", "-m", HASH_SUMMARY_MESSAGE], { env, check: false });
    expect(typed.status).not.toBe(0);
    expect(retry(typed.stderr)).toBe("git commit -F .git/RATIONALE_EDITMSG");
    // Installed again, the printed command commits the message through the hook, as git would have.
    renameSync(join(repo.dir, "..", "node_modules.away"), bin);
    const again = spawnSync("sh", ["-c", retry(typed.stderr)!], { cwd: repo.dir, env: cleanEnv(repo.home, { ...env, GIT_EDITOR: "true" }), encoding: "utf8" });
    expect(again.status, again.stdout + again.stderr).toBe(0);
    expect(lastMessage(repo).trimEnd()).toBe(HASH_SUMMARY_MESSAGE.trimEnd());
    // A linked worktree's copy is under the main checkout's .git/worktrees/NAME: the path is
    // quoted for the shell (git names it "it's-here"), and the command commits from there.
    const worktree = join(repo.dir, "..", "it's here");
    repo.git(["worktree", "add", "-q", "--detach", worktree]);
    renameSync(bin, join(repo.dir, "..", "node_modules.away"));
    writeFileSync(join(worktree, "more.txt"), "second\n");
    repo.git(["-C", worktree, "add", "more.txt"]);
    const there = repo.git(["-C", worktree, "commit", "-m", GOOD_MESSAGE], { env, check: false });
    expect(there.status).not.toBe(0);
    expect(retry(there.stderr)).toBe(`git commit -F '${join(repo.dir, ".git/worktrees/it'\\''s-here/RATIONALE_EDITMSG")}'`);
    renameSync(join(repo.dir, "..", "node_modules.away"), bin);
    const fromThere = spawnSync("sh", ["-c", retry(there.stderr)!], { cwd: worktree, env: cleanEnv(repo.home, env), encoding: "utf8" });
    expect(fromThere.status, fromThere.stdout + fromThere.stderr).toBe(0);
    expect(repo.git(["-C", worktree, "log", "-1", "--format=%B"]).stdout.trimEnd()).toBe(GOOD_MESSAGE.trimEnd());
    // The hook as written before it printed the command is rationale's own: init updates it.
    const hook = join(repo.dir, ".git/hooks/commit-msg");
    const current = readFileSync(hook, "utf8");
    const before = current
      .replace('    e=" -e"\n', "")
      .replace("|| { c=; e=; } ;;", "|| c= ;;")
      .replace(/      case "\$kept" in\n(?:.*\n){2}      esac\n/, "")
      .replace('where="saved in $kept; retry with: git commit$e -F $q"', 'where="saved in $kept"');
    expect(before.split("\n").length).toBe(current.split("\n").length - 5);
    writeFileSync(hook, before);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook updated: .git/hooks/commit-msg\n");
    expect(readFileSync(hook, "utf8")).toBe(current);
  });

  it("without rationale, the copy leaves out the comment lines git drops, by core.commentChar, auto included", () => {
    const repo = repoWithHook();
    rmSync(join(repo.dir, "node_modules"), { recursive: true });
    const env = { PATH: "/usr/bin:/bin" };
    const kept = join(repo.dir, ".git/RATIONALE_EDITMSG");
    // The message's own "#4821: …" summary is text under ';', and git's ';' template goes.
    const message = `${HASH_SUMMARY_MESSAGE}\n# kept: not a comment under ';'\n`;
    repo.git(["config", "core.commentChar", ";"]);
    repo.write("notes.txt", "first\n");
    repo.git(["add", "notes.txt"]);
    const semi = repo.git(["commit", "-v"], { env: { ...env, GIT_EDITOR: prependingEditor(repo, "semi", message) }, check: false });
    expect(semi.status).not.toBe(0);
    expect(semi.stderr).toContain("your message is saved in .git/RATIONALE_EDITMSG");
    expect(readFileSync(join(repo.dir, ".git/COMMIT_EDITMSG"), "utf8")).toContain("; Please enter the commit message");
    expect(readFileSync(kept, "utf8")).toBe(`${message}\n`);
    // The retry's editor gets git's template once, from git, and the commit is the message.
    const retryEditor = writeScript(join(repo.dir, "..", "count.sh"), `grep -c 'Please enter' "$1" > "${join(repo.dir, "..", "count.txt")}"`);
    repo.git(["commit", "--no-verify", "-e", "-F", ".git/RATIONALE_EDITMSG"], { env: { ...env, GIT_EDITOR: retryEditor } });
    expect(readFileSync(join(repo.dir, "..", "count.txt"), "utf8")).toBe("1\n");
    expect(lastMessage(repo)).toBe(`${message}\n`);

    // auto: git picks ';' for a message with a line starting with '#', and the copy follows it.
    repo.git(["config", "core.commentChar", "auto"]);
    const file = repo.write("../auto.msg", "Fix bug\n\n#12 has the details\n");
    expect(repo.git(["commit", "--allow-empty", "-e", "-F", file], { env: { ...env, GIT_EDITOR: "true" }, check: false }).status).not.toBe(0);
    expect(readFileSync(join(repo.dir, ".git/COMMIT_EDITMSG"), "utf8")).toContain("; Please enter the commit message");
    expect(readFileSync(kept, "utf8")).toBe("Fix bug\n\n#12 has the details\n\n");

    // Unset ('#'): git's template goes, as it did not before.
    repo.git(["config", "--unset", "core.commentChar"]);
    expect(repo.git(["commit", "--allow-empty"], { env: { ...env, GIT_EDITOR: prependingEditor(repo, "hash", GOOD_MESSAGE) }, check: false }).status).not.toBe(0);
    expect(readFileSync(kept, "utf8")).toBe(`${GOOD_MESSAGE}\n`);

    // What git keeps stays: '#' lines of a -m message, and of an editor's under commit.cleanup=verbatim.
    expect(repo.git(["commit", "--allow-empty", "-m", "Fix bug\n\n#42 reported it"], { env, check: false }).status).not.toBe(0);
    expect(readFileSync(kept, "utf8")).toBe("Fix bug\n\n#42 reported it\n");
    repo.git(["config", "commit.cleanup", "verbatim"]);
    expect(repo.git(["commit", "--allow-empty"], { env: { ...env, GIT_EDITOR: prependingEditor(repo, "verbatim", "Fix bug\n") }, check: false }).status).not.toBe(0);
    expect(readFileSync(kept, "utf8")).toMatch(/^Fix bug\n\n# Please enter the commit message/);
  });

  it("without rationale and no copy possible, still prints its one line, also under husky's sh -e", () => {
    const repo = repoWithHook();
    rmSync(join(repo.dir, "node_modules"), { recursive: true });
    const env = { PATH: "/usr/bin:/bin" };
    // A directory where the hook writes its copy stands in for a .git it cannot write to (tests
    // may run as root, whom chmod does not stop): sh's redirection and rm both fail there.
    mkdirSync(join(repo.dir, ".git/RATIONALE_EDITMSG.tmp"));
    const line =
      "rationale: not installed here (no ./node_modules/.bin/rationale, none on PATH): run npm install --save-dev rationale-cli, or skip the check once with git commit --no-verify, or delete this hook (.git/hooks/commit-msg) if the project no longer uses rationale; your message is in .git/COMMIT_EDITMSG, which git's next commit overwrites\n";
    const commit = repo.git(["commit", "--allow-empty", "-F", "-"], { env, input: GOOD_MESSAGE, check: false });
    expect(commit.status).not.toBe(0);
    expect(commit.stderr).toBe(line);
    expect(readFileSync(join(repo.dir, ".git/COMMIT_EDITMSG"), "utf8")).toBe(GOOD_MESSAGE);
    // husky's runner starts a hook with sh -e: a failing command must not end it before its line.
    const strict = spawnSync("sh", ["-e", ".git/hooks/commit-msg", ".git/COMMIT_EDITMSG"], { cwd: repo.dir, env: cleanEnv(repo.home, env), encoding: "utf8" });
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe(line);
    expect(existsSync(join(repo.dir, ".git/RATIONALE_EDITMSG"))).toBe(false);
  });

  it("is idempotent, refuses to replace a different hook without --force, and replaces it with --force", () => {
    const repo = repoWithHook();
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook already installed: .git/hooks/commit-msg\n");

    const hook = join(repo.dir, ".git/hooks/commit-msg");
    writeFileSync(hook, "#!/bin/sh\n./run-my-checks\n");
    const refused = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^rationale: \.git\/hooks\/commit-msg already exists; rerun with --force/);
    // Lines a terminal shows whole (it was one line of 300 characters), the last one running rationale.
    const line = linesToAdd(refused.stderr);
    expect(refused.stderr).toBe(
      "rationale: .git/hooks/commit-msg already exists; rerun with --force to replace, or add rationale by hand as below\n" +
        `  .git/hooks/commit-msg: add these lines:\n${line}\n`,
    );
    expect(line).toContain("git worktree list");
    expect(line.split("\n").every((text) => text.length <= 100)).toBe(true);
    expect(line.split("\n").at(-1)).toBe('    "$rationale" lint --edit "$1" || exit 1');
    expect(readFileSync(hook, "utf8")).toBe("#!/bin/sh\n./run-my-checks\n");

    // The line works where the user adds it: the project's install, else one on PATH.
    writeFileSync(hook, `#!/bin/sh\n${line}\necho "my own check ran"\n`);
    const bad = repo.git(["commit", "--allow-empty", "-m", "Fix bug"], { check: false });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain("summary-vague");
    expect(bad.stdout + bad.stderr).not.toContain("my own check ran");
    const good = repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE, check: false });
    expect(good.status).toBe(0);
    expect(good.stdout + good.stderr).toContain("my own check ran");
    // In a linked worktree (no node_modules there; hooks are shared) it finds the main checkout's.
    const worktree = join(repo.dir, "..", "wt-hand");
    repo.git(["worktree", "add", "-q", worktree]);
    const pathWithoutRationale = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` };
    const inWorktree = repo.git(["-C", worktree, "commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE, env: pathWithoutRationale, check: false });
    expect(inWorktree.stdout + inWorktree.stderr).toContain("my own check ran");
    expect(inWorktree.status).toBe(0);
    expect(repo.git(["-C", worktree, "commit", "--allow-empty", "-m", "Fix bug"], { env: pathWithoutRationale, check: false }).status).not.toBe(0);
    // Under sh -e (husky runs hooks so), with no checkout's install, the search finds nothing without stopping the hook, and PATH's runs.
    writeFileSync(hook, `#!/bin/sh -e\n${line}\necho "my own check ran"\n`);
    renameSync(join(repo.dir, "node_modules"), join(repo.dir, "node_modules.off"));
    const bin = join(repo.dir, "..", "path-bin");
    rationaleShim(bin);
    const onPath = { PATH: `${bin}:${dirname(process.execPath)}:/usr/bin:/bin` };
    const viaPath = repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE, env: onPath, check: false });
    expect(viaPath.stdout + viaPath.stderr).toContain("my own check ran");
    expect(viaPath.status).toBe(0);
    expect(repo.git(["commit", "--allow-empty", "-m", "Fix bug"], { env: onPath, check: false }).stderr).toContain("summary-vague");
    renameSync(join(repo.dir, "node_modules.off"), join(repo.dir, "node_modules"));
    writeFileSync(hook, "#!/bin/sh\n./run-my-checks\n");

    const forced = runCli(["init", "--force"], { cwd: repo.dir, home: repo.home });
    expect(forced.status).toBe(0);
    expect(forced.stdout).toBe("commit-msg hook replaced: .git/hooks/commit-msg (the previous hook is saved as .git/hooks/commit-msg.backup)\n");
    expect(readFileSync(hook, "utf8")).toContain("rationale lint --edit");
    expect(readFileSync(`${hook}.backup`, "utf8")).toBe("#!/bin/sh\n./run-my-checks\n");
    // A second replacement keeps the first copy.
    writeFileSync(hook, "#!/bin/sh\n./other-checks\n");
    const again = runCli(["init", "--force"], { cwd: repo.dir, home: repo.home });
    expect(again.stdout).toBe("commit-msg hook replaced: .git/hooks/commit-msg (the previous hook is saved as .git/hooks/commit-msg.backup.2)\n");
    expect(readFileSync(`${hook}.backup`, "utf8")).toBe("#!/bin/sh\n./run-my-checks\n");
    expect(readFileSync(`${hook}.backup.2`, "utf8")).toBe("#!/bin/sh\n./other-checks\n");
  });

  it("takes a hook of the user's own with the line added by hand for installed, as init asked", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const hook = writeScript(join(repo.dir, ".git/hooks/commit-msg"), "./run-my-checks");
    const line = linesToAdd(runCli(["init"], { cwd: repo.dir, home: repo.home }).stderr);
    const own = `#!/bin/sh\n./run-my-checks\n${line}\n`;
    writeFileSync(hook, own);
    const again = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(again.stderr).toBe("");
    expect(again.status).toBe(0);
    expect(again.stdout).toBe("commit-msg hook already runs rationale: .git/hooks/commit-msg (a line in your own hook)\n");
    expect(runCli(["init", "--dry-run"], { cwd: repo.dir, home: repo.home }).stdout).toBe(
      "commit-msg hook already runs rationale: .git/hooks/commit-msg (a line in your own hook; nothing would change)\n",
    );
    expect(readFileSync(hook, "utf8")).toBe(own);
    // The line commented out runs nothing: the hook is in the way again.
    writeFileSync(hook, `#!/bin/sh\n./run-my-checks\n${line.replace(/^ */gm, "# ")}\n`);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).status).toBe(2);
    // So does one in a comment after a command of the user's.
    writeFileSync(hook, `#!/bin/sh\n./run-my-checks # later: npx rationale lint --edit "$1"\n`);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).status).toBe(2);
    // --force still replaces it with rationale's own, keeping a copy.
    writeFileSync(hook, own);
    const forced = runCli(["init", "--force"], { cwd: repo.dir, home: repo.home });
    expect(forced.stdout).toBe("commit-msg hook replaced: .git/hooks/commit-msg (the previous hook is saved as .git/hooks/commit-msg.backup)\n");
    expect(readFileSync(`${hook}.backup`, "utf8")).toBe(own);
  });

  it("warns when a hook of the user's own runs rationale but throws its verdict away", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const hook = writeScript(join(repo.dir, ".git/hooks/commit-msg"), 'rationale lint --edit "$1" || true');
    const env = { PATH: `${join(repo.dir, "node_modules/.bin")}:${process.env.PATH}` };
    const init = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(init).toMatchObject({ status: 0, stdout: "commit-msg hook already runs rationale: .git/hooks/commit-msg (a line in your own hook)\n" });
    expect(init.stderr).toBe(
      "rationale: warning: .git/hooks/commit-msg runs rationale with `|| true` after it, so a message rationale rejects is committed anyway; replace `|| true` with `|| exit 1`\n",
    );
    // As the warning says: the hook lets a rejected message through.
    const vague = repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { env });
    expect(vague.status).toBe(0);
    expect(vague.stderr).toMatch(/FAIL \(errors?: summary-vague/);
    expect(runCli(["init", "--dry-run"], { cwd: repo.dir, home: repo.home }).stderr).toContain("runs rationale with `|| true` after it");
    // Each form that succeeds whatever rationale says, and the background.
    for (const [tail, shown] of [["|| :", "|| :"], ["|| exit 0", "|| exit 0"], ['|| echo "bad message"', '|| echo "bad message"']]) {
      writeFileSync(hook, `#!/bin/sh\nrationale lint --edit "$1" ${tail}\n`);
      expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stderr).toContain(`runs rationale with \`${shown}\` after it`);
    }
    writeFileSync(hook, '#!/bin/sh\nrationale lint --edit "$1" &\nwait\n');
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stderr).toBe(
      "rationale: warning: .git/hooks/commit-msg runs rationale in the background (`&`), so git commits without waiting for its verdict; remove the `&`\n",
    );
    // A failure that still stops the commit is no warning, nor is prepare-commit-msg's `|| true`, which only pre-fills.
    for (const kept of ['rationale lint --edit "$1" || exit 1', 'rationale lint --edit "$1" || { echo "bad message"; exit 1; }', 'rationale lint --edit "$1" && ./more-checks']) {
      writeFileSync(hook, `#!/bin/sh\n${kept}\n`);
      expect(runCli(["init"], { cwd: repo.dir, home: repo.home })).toMatchObject({ status: 0, stderr: "" });
    }
    // Nor is a group after || that ends in exit 1 (an echo ending its first line is not the end
    // of the list), a job waited for by name, or a set -e hook: each stops the vague commit.
    const grouped = [
      'rationale lint --edit "$1" || { echo "bad message"\n  exit 1\n}',
      'rationale lint --edit "$1" || (echo "bad message"\n  exit 1)',
      'rationale lint --edit "$1" || (true; exit 1)',
      'rationale lint --edit "$1" &\nwait $!',
      'set -e\nrationale lint --edit "$1"',
    ];
    for (const kept of grouped) {
      writeFileSync(hook, `#!/bin/sh\n${kept}\n`);
      expect(runCli(["init"], { cwd: repo.dir, home: repo.home }), kept).toMatchObject({ status: 0, stderr: "" });
      expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { env, check: false }).status, kept).not.toBe(0);
    }
    // `&>` is a redirection in bash, but `&` and then `>` in sh: only there does the commit go through.
    writeFileSync(hook, '#!/usr/bin/env bash\nrationale lint --edit "$1" &>/dev/null\n');
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home })).toMatchObject({ status: 0, stderr: "" });
    expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { env, check: false }).status).not.toBe(0);
    writeFileSync(hook, '#!/bin/sh\nrationale lint --edit "$1" &>/dev/null\n');
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stderr).toBe(
      "rationale: warning: .git/hooks/commit-msg runs rationale in the background: sh reads `&>` as `&` and then `>`, so git commits without waiting for its verdict; write `>FILE 2>&1` instead\n",
    );
    expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { env, check: false }).status).toBe(0);
    writeFileSync(hook, '#!/bin/sh\nrationale lint --edit "$1"\n');
    writeScript(join(repo.dir, ".git/hooks/prepare-commit-msg"), 'rationale release prepare-commit-msg "$1" "$2" "$3" || true');
    expect(runCli(["init", "--release"], { cwd: repo.dir, home: repo.home })).toMatchObject({ status: 0, stderr: "" });
  });

  it("init --quiet takes the quiet line it asked to add by hand, and an own hook quietened by hand, for installed", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const hook = writeScript(join(repo.dir, ".git/hooks/commit-msg"), "./run-my-checks");
    const line = linesToAdd(runCli(["init", "--quiet"], { cwd: repo.dir, home: repo.home }).stderr);
    expect(line).toContain('lint --edit "$1" --quiet');
    writeFileSync(hook, `#!/bin/sh\n./run-my-checks\n${line}\n`);
    const again = runCli(["init", "--quiet"], { cwd: repo.dir, home: repo.home });
    expect(again).toMatchObject({ status: 0, stderr: "", stdout: "commit-msg hook already runs rationale: .git/hooks/commit-msg (a line in your own hook)\n" });
    // Written by hand, with git's argument quoted or not.
    for (const own of ["npx rationale lint --edit $1 --quiet", "npx rationale lint --edit '$1' --quiet"]) {
      writeFileSync(hook, `#!/bin/sh\n./run-my-checks\n${own}\n`);
      expect(runCli(["init", "--quiet"], { cwd: repo.dir, home: repo.home }).status).toBe(0);
    }
  });

  it("init --quiet: a hook silent on a pass that still rejects in full; init without it reports again", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const hook = join(repo.dir, ".git/hooks/commit-msg");
    expect(runCli(["init", "--quiet"], { cwd: repo.dir, home: repo.home })).toMatchObject({ status: 0, stdout: "commit-msg hook installed: .git/hooks/commit-msg\n" });
    // Every line that runs rationale has it: the local install, another worktree's, PATH's.
    expect(readFileSync(hook, "utf8").match(/ lint --edit "\$1" --quiet\n/g)).toHaveLength(3);
    expect(readFileSync(hook, "utf8")).not.toMatch(/ lint --edit "\$1"\n/);
    const good = repo.git(["commit", "-q", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE });
    expect(good).toMatchObject({ status: 0, stdout: "", stderr: "" });
    const bad = repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { check: false });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/FAIL \(errors?: summary-vague/);
    expect(bad.stderr).toMatch(/Your message is saved in /);
    expect(runCli(["init", "--quiet"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook already installed: .git/hooks/commit-msg\n");
    // Each form is rationale's own to the other: updated, never refused as someone else's hook.
    expect(runCli(["init", "--no-quiet"], { cwd: repo.dir, home: repo.home })).toMatchObject({ status: 0, stdout: "commit-msg hook updated: .git/hooks/commit-msg\n" });
    expect(readFileSync(hook, "utf8")).not.toContain("--quiet");
    const loud = repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE });
    expect(loud.stdout + loud.stderr).toMatch(/PASS/);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook already installed: .git/hooks/commit-msg\n");
    expect(runCli(["init", "--quiet"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook updated: .git/hooks/commit-msg\n");
    expect(readFileSync(hook, "utf8")).toContain('lint --edit "$1" --quiet');
  });

  it("init without --quiet keeps the --quiet of the hook it finds (npm install's prepare script), until --no-quiet", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const hook = join(repo.dir, ".git/hooks/commit-msg");
    expect(runCli(["init", "--quiet"], { cwd: repo.dir, home: repo.home }).status).toBe(0);
    const quiet = readFileSync(hook, "utf8");
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home })).toMatchObject({ status: 0, stderr: "", stdout: "commit-msg hook already installed: .git/hooks/commit-msg\n" });
    expect(readFileSync(hook, "utf8")).toBe(quiet);
    expect(runCli(["init", "--dry-run"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook already installed: .git/hooks/commit-msg (nothing would change)\n");
    // A quiet hook an earlier version wrote is updated, and stays quiet.
    writeFileSync(hook, ["if [ -x ./node_modules/.bin/rationale ]; then", '  exec ./node_modules/.bin/rationale lint --edit "$1" --quiet', "fi", 'exec npx --no -- rationale lint --edit "$1" --quiet'].join("\n"));
    expect(runCli(["init", "--dry-run"], { cwd: repo.dir, home: repo.home }).stdout).toContain('  exec ./node_modules/.bin/rationale lint --edit "$1" --quiet\n');
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook updated: .git/hooks/commit-msg\n");
    expect(readFileSync(hook, "utf8")).toBe(quiet);
    const good = repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE });
    expect(good.stdout + good.stderr).not.toMatch(/PASS|score/);
    // --no-quiet turns it off, and a plain init then keeps the reporting hook.
    expect(runCli(["init", "--no-quiet"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook updated: .git/hooks/commit-msg\n");
    expect(readFileSync(hook, "utf8")).not.toContain("--quiet");
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook already installed: .git/hooks/commit-msg\n");
    expect(readFileSync(hook, "utf8")).not.toContain("--quiet");
  });

  it("init --no-quiet on a hook of the user's own with a quiet rationale line asks to take --quiet off that line", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const own = '#!/bin/sh\n./run-my-checks\nnpx rationale lint --edit "$1" --quiet\n';
    const hook = writeScript(join(repo.dir, ".git/hooks/commit-msg"), './run-my-checks\nnpx rationale lint --edit "$1" --quiet');
    expect(readFileSync(hook, "utf8")).toBe(own);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home })).toMatchObject({ status: 0, stdout: "commit-msg hook already runs rationale: .git/hooks/commit-msg (a line in your own hook)\n" });
    const refused = runCli(["init", "--no-quiet"], { cwd: repo.dir, home: repo.home });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(".git/hooks/commit-msg: it runs rationale already; take --quiet off that line");
    expect(refused.stderr).toContain("already exists; rerun with --force to replace, or change that line by hand as below\n");
    expect(refused.stderr).not.toContain("add these lines");
    expect(readFileSync(hook, "utf8")).toBe(own);
    // Done as asked, the hook is taken for installed.
    writeFileSync(hook, own.replace(" --quiet", ""));
    expect(runCli(["init", "--no-quiet"], { cwd: repo.dir, home: repo.home }).status).toBe(0);
    // --force replaces a quiet line of the user's with rationale's hook, quiet as the user had it.
    writeFileSync(hook, own);
    expect(runCli(["init", "--force"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook replaced: .git/hooks/commit-msg (the previous hook is saved as .git/hooks/commit-msg.backup)\n");
    expect(readFileSync(hook, "utf8")).toContain('exec ./node_modules/.bin/rationale lint --edit "$1" --quiet');
  });

  it("init reads a line of the user's own with its options in another order as quiet", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const own = '#!/bin/sh\n./run-my-checks\nnpx rationale lint --quiet --edit "$1" || exit 1\n';
    const hook = writeScript(join(repo.dir, ".git/hooks/commit-msg"), './run-my-checks\nnpx rationale lint --quiet --edit "$1" || exit 1');
    const installed = "commit-msg hook already runs rationale: .git/hooks/commit-msg (a line in your own hook)\n";
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home })).toMatchObject({ status: 0, stdout: installed });
    expect(runCli(["init", "--quiet"], { cwd: repo.dir, home: repo.home })).toMatchObject({ status: 0, stdout: installed });
    const refused = runCli(["init", "--no-quiet"], { cwd: repo.dir, home: repo.home });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(".git/hooks/commit-msg: it runs rationale already; take --quiet off that line");
    expect(readFileSync(hook, "utf8")).toBe(own);
    // --force writes rationale's hook, quiet as the user's line was.
    expect(runCli(["init", "--force"], { cwd: repo.dir, home: repo.home }).status).toBe(0);
    expect(readFileSync(hook, "utf8")).toContain('exec ./node_modules/.bin/rationale lint --edit "$1" --quiet');
    // A line that only mentions the options apart from rationale's command is no such line.
    writeScript(hook, 'echo "rationale lint" --quiet; ./lint --edit "$1"');
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).status).toBe(2);
  });

  it("init takes a line of the user's own for rationale's only when rationale runs the command", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const hook = join(repo.dir, ".git/hooks/commit-msg");
    const installed = "commit-msg hook already runs rationale: .git/hooks/commit-msg (a line in your own hook)\n";
    // Rationale by its path, its package's name or its script, quoted or not: the line runs it.
    for (const line of [
      '"./node_modules/.bin/rationale" lint --edit "$1"',
      'npx --no -- rationale-cli lint --edit "$1"',
      'FORCE_COLOR=0 node ./node_modules/rationale-cli/dist/cli.js lint --edit "$1" || exit 1',
    ]) {
      writeScript(hook, line);
      expect(runCli(["init"], { cwd: repo.dir, home: repo.home }), line).toMatchObject({ status: 0, stdout: installed });
    }
    // Another tool's lint on a line that names rationale in another command runs no rationale:
    // taken for installed, the hook would check nothing and init would say all is well.
    for (const line of ['echo "rationale ready" && npm run lint --edit "$1"', 'yarn lint --edit "$1" || echo rationale failed']) {
      const own = writeScript(hook, line);
      const refused = runCli(["init"], { cwd: repo.dir, home: repo.home });
      expect(refused.status, line).toBe(2);
      expect(refused.stderr).toContain(".git/hooks/commit-msg: add these lines:");
      expect(readFileSync(own, "utf8")).toContain(line);
    }
  });

  it("init reads the hook as the shell does: rationale printed, ignored or in a here-document runs nothing", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const hook = join(repo.dir, ".git/hooks/commit-msg");
    writeScript(join(repo.dir, "checks"), "exit 0");
    // Each of these hooks names the command in full, and none runs it: git would commit
    // whatever the message says, so init must not say that all is well.
    for (const text of [
      'echo rationale lint --edit "$1"',
      'echo "rationale lint --edit $1"',
      "printf '%s\\n' npx rationale lint --edit \"$1\" >&2",
      ': rationale lint --edit "$1"',
      '  # rationale lint --edit "$1"',
      './checks; # rationale lint --edit "$1"',
      'cat >&2 <<EOF\nrun: rationale lint --edit "$1"\nrationale lint --edit "$1"\nEOF',
      'echo "Run:\n  rationale lint --edit \\"$1\\"\n"',
      'for step in rationale lint --edit "$1"; do echo "$step"; done',
    ]) {
      const own = writeScript(hook, `./checks\n${text}`);
      const refused = runCli(["init"], { cwd: repo.dir, home: repo.home });
      expect(refused.status, text).toBe(2);
      expect(refused.stderr, text).toContain(".git/hooks/commit-msg: add these lines:");
      expect(readFileSync(own, "utf8")).toBe(`#!/bin/sh\n./checks\n${text}\n`);
      // What the hook does, as git runs it: no rationale, so a vague message is committed.
      expect(repo.git(["commit", "--allow-empty", "-m", "Fix bug"], { check: false }).status, text).toBe(0);
    }
    // Commands that do run it: in a command substitution, a script given to sh -c, below a
    // comment or before one, after `if !`, or through a variable set on the same line.
    const installed = "commit-msg hook already runs rationale: .git/hooks/commit-msg (a line in your own hook)\n";
    for (const text of [
      'out=$(rationale lint --edit "$1") || { echo "$out"; exit 1; }',
      'sh -c \'rationale lint --edit "$1"\' sh "$1"',
      '# the linter:\nrationale lint --edit "$1" # not in the comment',
      'if ! ./node_modules/.bin/rationale lint --edit "$1"; then exit 1; fi',
      'r=./node_modules/.bin/rationale; "$r" lint --edit "$1"',
    ]) {
      writeScript(hook, text);
      expect(runCli(["init"], { cwd: repo.dir, home: repo.home }), text).toMatchObject({ status: 0, stdout: installed });
    }
    // --quiet goes inside the substitution, where rationale's command ends.
    writeScript(hook, 'out=$(rationale lint --edit "$1") || exit 1');
    expect(runCli(["init", "--quiet"], { cwd: repo.dir, home: repo.home }).stderr).toContain('so that it reads: out=$(rationale lint --edit "$1" --quiet) || exit 1\n');
  });

  it("init takes no rationale line for running when the hook never gets to it: after exit, in a function never called", () => {
    const { repo, env, hook } = repoWithShimOnPath();
    const line = 'rationale lint --edit "$1"';
    writeScript(join(repo.dir, "checks"), "exit 0");
    for (const [text, why] of [
      [`exit 0\n${line}`, "line 3 runs rationale, but never when git runs the hook: line 2 (`exit 0`) ends the hook before it"],
      [`./checks || exit\nexit\n${line}`, "line 4 runs rationale, but never when git runs the hook: line 3 (`exit`) ends the hook before it"],
      [`check() {\n  ${line}\n}\nexit 0`, "line 3 runs rationale, but never when git runs the hook: it is in the function check, which the hook never calls by its name"],
    ]) {
      const own = writeScript(hook, text);
      const refused = runCli(["init"], { cwd: repo.dir, home: repo.home });
      expect(refused.status, text).toBe(2);
      expect(refused.stderr, text).toContain(`\n  .git/hooks/commit-msg: ${why}\n  .git/hooks/commit-msg: add these lines:\n`);
      expect(readFileSync(own, "utf8")).toBe(`#!/bin/sh\n${text}\n`);
      // As git runs it: rationale never runs, and a vague message is committed.
      expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { env, check: false }).status, text).toBe(0);
    }
    // An exit that depends on something (after && or ||, in if or case, a subshell's) leaves the
    // line reached, and so does a function the hook calls, here or inside a substitution.
    const installed = "commit-msg hook already runs rationale: .git/hooks/commit-msg (a line in your own hook)\n";
    for (const text of [
      `[ -n "$SKIP" ] &&\n  exit 0\n${line}`,
      `if [ -n "$SKIP" ]; then exit 0; fi\n${line}`,
      `case "$GIT_REFLOG_ACTION" in\n  exit|rebase*) exit 0 ;;\nesac\n${line}`,
      `(exit 0)\n${line}`,
      `exec >&2\n${line}`,
      `check() {\n  ${line}\n}\ncheck "$1"`,
      `function check { ${line}; }\nout=$(check "$1") || { echo "$out"; exit 1; }`,
    ]) {
      writeScript(hook, text);
      expect(runCli(["init"], { cwd: repo.dir, home: repo.home }), text).toMatchObject({ status: 0, stdout: installed, stderr: "" });
      expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { env, check: false }).status, text).not.toBe(0);
    }
  });

  it("init reads a here-document given to sh as the script it is", () => {
    const { repo, env, hook } = repoWithShimOnPath();
    const installed = "commit-msg hook already runs rationale: .git/hooks/commit-msg (a line in your own hook)\n";
    for (const text of ['sh <<EOF\nrationale lint --edit "$1"\nEOF', "sh -e <<'EOF'\n./node_modules/.bin/rationale lint --edit \"$1\"\nEOF"]) {
      writeScript(hook, text);
      expect(runCli(["init"], { cwd: repo.dir, home: repo.home }), text).toMatchObject({ status: 0, stdout: installed, stderr: "" });
      expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { env, check: false }).status, text).not.toBe(0);
    }
    // Given to cat, or to a shell that runs a script file, the lines are data.
    for (const text of ['cat <<EOF\nrationale lint --edit "$1"\nEOF', 'sh ./checks.sh <<EOF\nrationale lint --edit "$1"\nEOF']) {
      writeScript(hook, text);
      expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).status, text).toBe(2);
    }
  });

  it("warns when rationale's verdict is read by if without else exit 1, skipped to a || true, or piped on", () => {
    const { repo, env, hook } = repoWithShimOnPath();
    const line = 'rationale lint --edit "$1"';
    const lost = "so a message rationale rejects is committed anyway";
    for (const [shell, text, warning] of [
      ["sh", `if ${line}; then echo ok; fi`, `runs rationale as an \`if\` condition with no \`else exit 1\`: the \`if\` takes its verdict and ends with status 0, ${lost}; add \`else exit 1\` before the \`fi\``],
      ["sh", `if ${line}; then\n  echo ok\nelse\n  echo "bad message"\nfi`, `runs rationale as an \`if\` condition whose \`else\` branch does not \`exit 1\`, ${lost}; end that branch with \`exit 1\``],
      ["sh", `if ! ${line}; then echo "bad message"; fi`, `runs rationale as an \`if !\` condition whose \`then\` branch does not \`exit 1\`, ${lost}; end that branch with \`exit 1\``],
      // A bare exit returns the status of the command before it: echo's 0.
      ["sh", `if ${line}; then\n  echo ok\nelse\n  echo "bad message" >&2\n  exit\nfi`, `runs rationale as an \`if\` condition whose \`else\` branch does not \`exit 1\`, ${lost}; end that branch with \`exit 1\``],
      ["sh", `${line} && echo ok || true`, `runs rationale with \`|| true\` after it, ${lost}; replace \`|| true\` with \`|| exit 1\``],
      // sh may be dash, whose set has no -o pipefail: the advice is not to pipe, or to use bash.
      ["sh", `${line} | tee ../lint.log`, `runs rationale in a pipeline (\`| tee ../lint.log\`) without \`set -o pipefail\`, so the hook gets the status of the pipeline's last command and a message rationale rejects is committed anyway; take rationale out of the pipeline, or make the hook a bash script (\`#!/usr/bin/env bash\`) with \`set -o pipefail\` (sh has no \`set -o pipefail\` where it is dash, Debian's and Ubuntu's sh)`],
      ["bash", `${line} | tee ../lint.log`, `runs rationale in a pipeline (\`| tee ../lint.log\`) without \`set -o pipefail\`, so the hook gets the status of the pipeline's last command and a message rationale rejects is committed anyway; add \`set -o pipefail\` above it`],
      ["bash", `${line} 2>&1 | tee ../lint.log || exit 1`, "runs rationale in a pipeline (`| tee ../lint.log`) without `set -o pipefail`"],
      ["sh", `check() { ${line}; }\ncheck "$1" || true`, `runs rationale in the function check, and calls it with \`|| true\` after it, ${lost}`],
      // A group or subshell ends with its last command's status: the `|| true` after it throws rationale's away.
      ["sh", `( ${line} ) || true`, `runs rationale in a subshell (\`( … )\`) with \`|| true\` after it, ${lost}; replace \`|| true\` with \`|| exit 1\``],
      ["sh", `{ ${line}; } || true`, `runs rationale in a group (\`{ …; }\`) with \`|| true\` after it, ${lost}; replace \`|| true\` with \`|| exit 1\``],
      ["sh", `{\n  ${line}\n} || :`, `runs rationale in a group (\`{ …; }\`) with \`|| :\` after it, ${lost}`],
      ["sh", `(cd . && ${line}) || true`, `runs rationale in a subshell (\`( … )\`) with \`|| true\` after it, ${lost}`],
      ["sh", `{ ( ${line} ); } && echo ok || true`, `runs rationale in a group (\`{ …; }\`) with \`|| true\` after it, ${lost}`],
      // exec in a subshell replaces the subshell alone, whose status the `|| true` takes.
      ["sh", `( exec ${line} ) || true`, `runs rationale in a subshell (\`( … )\`) with \`|| true\` after it, ${lost}`],
      ["sh", `check() { ${line}; }\n( check "$1" ) || true`, `runs rationale in the function check, and calls it in a subshell (\`( … )\`) with \`|| true\` after it, ${lost}`],
      // Followed by commands that succeed, without set -e: the hook's status is the last one's.
      ["sh", `${line}\necho "message checked"`, `runs rationale, then \`echo "message checked"\` with no \`set -e\`, so the hook ends with the status of its last command and ${lost.slice(3)}; end rationale's line with \`|| exit 1\``],
      ["sh", `${line} && echo ok\nexit 0`, "runs rationale, then `exit 0` with no `set -e`"],
      // set -e does not stop at a failure that `&&` follows.
      ["sh", `set -e\n${line} && echo ok\necho done`, "runs rationale before `&&` (whose failure `set -e` lets pass), then `echo done`, so the hook ends"],
      // An if, case or loop ends with the status of the branch's last command: rationale's.
      ["sh", `if [ -z "$SKIP_LINT" ]; then ${line}; fi\necho done`, `runs rationale as the last command of an \`if\` branch, then \`echo done\` with no \`set -e\`, so the hook ends with the status of its last command and ${lost.slice(3)}; end rationale's line with \`|| exit 1\``],
      ["sh", `case "$1" in\n  *) ${line} ;;\nesac\necho done`, "runs rationale as the last command of a `case` arm, then `echo done` with no `set -e`"],
      ["sh", `for f in "$1"; do\n  ${line}\ndone\necho done`, "runs rationale as the last command of a loop's body, then `echo done` with no `set -e`"],
      // A failure skips the whole pipeline after `&&`, and the commands after it end the hook.
      ["sh", `${line} && echo ok | tee ../lint.log\necho done`, `runs rationale, then \`echo done\` with no \`set -e\`, so the hook ends with the status of its last command and ${lost.slice(3)}`],
      // An exit 1 after the fi that runs only on a condition of its own does not stand in for `else`.
      ["sh", `if ${line}; then echo ok; fi\n[ -d node_modules ] || exit 1`, `runs rationale as an \`if\` condition with no \`else exit 1\``],
      ["sh", `if ${line}; then echo ok; fi\nif [ ! -d node_modules ]; then exit 1; fi`, `runs rationale as an \`if\` condition with no \`else exit 1\``],
    ]) {
      writeFileSync(hook, `#!/usr/bin/env ${shell}\n${text}\n`);
      chmodSync(hook, 0o755);
      const init = runCli(["init"], { cwd: repo.dir, home: repo.home });
      expect(init.status, text).toBe(0);
      expect(init.stderr, text).toContain(`rationale: warning: .git/hooks/commit-msg ${warning}`);
      // As the warning says: git commits the vague message.
      expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { env, check: false }).status, text).toBe(0);
    }
    // The forms that keep it: each stops the vague commit, and gets no warning.
    for (const [shell, text] of [
      ["sh", `if ${line}; then echo ok; else exit 1; fi`],
      ["sh", `if ${line}; then\n  echo ok\nelse\n  echo "bad message" >&2\n  exit 1\nfi`],
      ["sh", `if ! ${line}; then echo "bad message"; exit 2; fi`],
      ["sh", `if ${line}; then :; else exit; fi`],
      ["sh", `if ${line}; then :; else echo "bad message" >&2; false || exit; fi`],
      ["sh", `if ${line}; then :; else status=$?; echo "bad message"; exit "$status"; fi`],
      ["sh", `if ${line}; then exit 0; fi\necho "bad message"\nexit 1`],
      // A failure's branch that ends with `false` ends the `if` (the hook's last command) with status 1.
      ["sh", `if ${line}; then echo ok; else echo "bad message"; false; fi`],
      ["sh", `if ! ${line}; then\n  echo "bad message"\n  false\nfi`],
      ["bash", `${line} | tee ../lint.log\nexit "\${PIPESTATUS[0]}"`],
      ["sh", `${line} && echo ok || exit 1`],
      // set -e stops the hook at rationale's failure; a status kept in a variable is not followed.
      ["sh", `set -e\n${line}\necho done`],
      ["sh", `${line}\nstatus=$?\necho done\nexit "$status"`],
      ["sh", `if [ -z "$SKIP_LINT" ]; then ${line} || exit 1; fi\necho done`],
      ["sh", `set -e\ncase "$1" in\n  *) ${line} ;;\nesac\necho done`],
      // exec hands the hook's process to rationale: the `|| true` after it never runs on a verdict.
      ["sh", `exec ${line} || true`],
      ["sh", `${line} && echo ok`],
      ["bash", `set -euo pipefail\n${line} 2>&1 | tee ../lint.log`],
      ["sh", `check() { ${line}; }\ncheck "$1" || exit 1`],
      ["sh", `( ${line} ) || exit 1`],
      ["sh", `{ ${line}; } || exit 1`],
      // exec in a group replaces the hook's own shell, as at the top; a command after rationale in the group is not read.
      ["sh", `{ exec ${line}; } || true`],
    ]) {
      writeFileSync(hook, `#!/usr/bin/env ${shell}\n${text}\n`);
      chmodSync(hook, 0o755);
      expect(runCli(["init"], { cwd: repo.dir, home: repo.home }), text).toMatchObject({ status: 0, stderr: "" });
      expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { env, check: false }).status, text).not.toBe(0);
    }
  });

  it("reads elif, a group or subshell as an if condition, an exit that leaves a subshell, and one run in the background or piped on", () => {
    const { repo, env, hook } = repoWithShimOnPath();
    const line = 'rationale lint --edit "$1"';
    const lost = "so a message rationale rejects is committed anyway";
    const noElse = `with no \`else exit 1\`: the \`if\` takes its verdict`;
    const trueAfter = `with \`|| true\` after it, ${lost}; replace \`|| true\` with \`|| exit 1\``;
    for (const [shell, text, warning] of [
      ["sh", `if [ -n "$SKIP_LINT" ]; then\n  echo skipped\nelif ${line}; then\n  echo ok\nfi`, `runs rationale as an \`elif\` condition ${noElse} and ends with status 0, ${lost}; add \`else exit 1\` before the \`fi\``],
      ["sh", `if ${line}; then\n  echo ok\nelif [ -n "$CI" ]; then\n  echo "on CI"\nfi`, `runs rationale as an \`if\` condition ${noElse} and, when the \`elif\` conditions after it fail too, ends with status 0, ${lost}; add \`else exit 1\` before the \`fi\``],
      ["sh", `if ( ${line} ); then :; fi`, `runs rationale in a subshell (\`( … )\`) as an \`if\` condition ${noElse} and ends with status 0, ${lost}; add \`else exit 1\` before the \`fi\``],
      ["sh", `if { ${line}; }; then echo ok; fi`, `runs rationale in a group (\`{ …; }\`) as an \`if\` condition ${noElse} and ends with status 0, ${lost}; add \`else exit 1\` before the \`fi\``],
      ["sh", `{ ${line}; } >../lint.log 2>&1 || true`, `runs rationale in a group (\`{ …; }\`) ${trueAfter}`],
      ["sh", `{ ${line}; } >"$(mktemp)" 2>&1 || true`, `runs rationale in a group (\`{ …; }\`) ${trueAfter}`],
      ["sh", `( ${line} || exit 1 ) || true`, `runs rationale in a subshell (\`( … )\`), whose \`exit 1\` ends the subshell alone, ${trueAfter}`],
      ["sh", `check() { ${line} || exit 1; }\n( check "$1" ) || true`, `runs rationale in the function check, and calls it in a subshell (\`( … )\`), whose \`exit 1\` ends the subshell alone, ${trueAfter}`],
      // A call in the background runs in a subshell of its own, which the function's exit ends alone.
      ["sh", `check() { ${line} || exit 1; }\ncheck "$1" &`, "runs rationale in the function check, and calls it in the background (`&`), so git commits without waiting for its verdict; remove the `&`"],
      ["sh", `( ${line} ) &`, "runs rationale in a subshell (`( … )`) in the background (`&`), so git commits without waiting for its verdict; remove the `&`"],
      // A group piped on or run in the background runs in a subshell of its own: its exit ends only that.
      ["sh", `{ ${line} || exit 1; } | cat`, `runs rationale in a group (\`{ …; }\`), whose \`exit 1\` ends only the subshell that runs the group, in a pipeline (\`| cat\`) without \`set -o pipefail\`, so the hook gets the status of the pipeline's last command and ${lost.slice(3)}; take rationale out of the pipeline, or make the hook a bash script (\`#!/usr/bin/env bash\`) with \`set -o pipefail\` (sh has no \`set -o pipefail\` where it is dash, Debian's and Ubuntu's sh)`],
      ["sh", `( ${line} || { echo "bad message" >&2; exit 1; } ) || true`, `runs rationale in a subshell (\`( … )\`), whose \`exit 1\` ends the subshell alone, ${trueAfter}`],
      ["bash", `( ${line} ) | tee ../lint.log`, `runs rationale in a subshell (\`( … )\`) in a pipeline (\`| tee ../lint.log\`) without \`set -o pipefail\`, so the hook gets the status of the pipeline's last command and ${lost.slice(3)}; add \`set -o pipefail\` above it`],
    ]) {
      writeFileSync(hook, `#!/usr/bin/env ${shell}\n${text}\n`);
      chmodSync(hook, 0o755);
      const init = runCli(["init"], { cwd: repo.dir, home: repo.home });
      expect(init, text).toMatchObject({ status: 0, stdout: "commit-msg hook already runs rationale: .git/hooks/commit-msg (a line in your own hook)\n" });
      expect(init.stderr, text).toBe(`rationale: warning: .git/hooks/commit-msg ${warning}\n`);
      // As the warning says: git commits the vague message.
      expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { env, check: false }).status, text).toBe(0);
    }
    // The same forms that keep the verdict: each stops the vague commit, and gets no warning.
    for (const [shell, text] of [
      ["sh", `if [ -n "$SKIP_LINT" ]; then\n  echo skipped\nelif ${line}; then\n  echo ok\nelse\n  exit 1\nfi`],
      ["sh", `if ${line}; then echo ok; elif [ -n "$CI" ]; then echo "on CI"; else exit 1; fi`],
      ["sh", `if ! ( ${line} ); then exit 1; fi`],
      ["sh", `if { ${line}; }; then :; else echo "bad message"; exit 1; fi`],
      ["sh", `{ ${line}; } >../lint.log 2>&1 || exit 1`],
      ["sh", `( ${line} || exit 1 ) || exit 1`],
      ["sh", `{ ${line} || exit 1; } || true`],
      ["sh", `{ ${line} || exit 1; } >../lint.log 2>&1\necho done`],
      // Called at the top, the function's exit ends the hook itself.
      ["sh", `check() { ${line} || exit 1; }\ncheck "$1" || true`],
      ["sh", `check() {\n  ${line} || {\n    echo "bad message" >&2\n    exit 1\n  }\n}\ncheck "$1" || true`],
      ["sh", `check() {\n  if ! ${line}; then\n    exit 1\n  fi\n}\ncheck "$1" || true`],
      ["sh", `( ${line} ) &\nwait $!`],
      ["bash", `set -o pipefail\n( ${line} ) | tee ../lint.log`],
    ]) {
      writeFileSync(hook, `#!/usr/bin/env ${shell}\n${text}\n`);
      chmodSync(hook, 0o755);
      expect(runCli(["init"], { cwd: repo.dir, home: repo.home }), text).toMatchObject({ status: 0, stderr: "" });
      expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { env, check: false }).status, text).not.toBe(0);
    }
  });

  it("warns that an sh hook counting on set -o pipefail refuses every commit where sh is dash", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const env = { PATH: `${join(repo.dir, "node_modules/.bin")}:${process.env.PATH}` };
    writeScript(join(repo.dir, ".git/hooks/commit-msg"), 'set -o pipefail\nrationale lint --edit "$1" | tee ../lint.log');
    const init = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(init.status).toBe(0);
    expect(init.stderr).toBe(
      "rationale: warning: .git/hooks/commit-msg runs rationale in a pipeline (`| tee ../lint.log`) and counts on `set -o pipefail`, but sh has no `set -o pipefail` where it is dash, Debian's and Ubuntu's sh: there the hook stops at that line and refuses every commit; take rationale out of the pipeline, or make the hook a bash script (`#!/usr/bin/env bash`) with `set -o pipefail`\n",
    );
    // Where sh is dash 0.5.12 (Debian 12, Ubuntu), as the warning says: a good message is refused too.
    if (spawnSync("sh", ["-c", "set -o pipefail"]).status !== 0) {
      const good = repo.git(["commit", "-q", "--allow-empty", "-F", "-"], { env, input: GOOD_MESSAGE, check: false });
      expect(good.status).not.toBe(0);
      expect(good.stderr).toMatch(/pipefail/);
    }
  });

  it("init warns that a hook of the user's own that runs rationale with CRLF line endings stops every commit", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const hook = join(repo.dir, ".git/hooks/commit-msg");
    writeScript(hook, './node_modules/.bin/rationale lint --edit "$1"');
    const lf = readFileSync(hook, "utf8");
    writeFileSync(hook, lf.replace(/\n/g, "\r\n"));
    // As git runs it: "/bin/sh\r" is no interpreter, so no commit gets through, good or bad.
    expect(repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE, check: false }).status).not.toBe(0);
    const warning =
      "rationale: warning: .git/hooks/commit-msg has CRLF line ends, so the hook fails every commit, good message or bad, before rationale judges it: " +
      "git cannot start it, since its `#!` line names an interpreter ending in a carriage return; convert it to LF: perl -pi -e 's/\\r$//' -- .git/hooks/commit-msg\n";
    for (const args of [["init"], ["init", "--dry-run"]]) {
      const run = runCli(args, { cwd: repo.dir, home: repo.home });
      expect(run, args.join(" ")).toMatchObject({ status: 0, stderr: warning });
      expect(run.stdout, args.join(" ")).toMatch(/^commit-msg hook already runs rationale: \.git\/hooks\/commit-msg \(a line in your own hook/);
    }
    // The user's hook is theirs: init leaves it as it was. Converted as the warning says, it runs
    // (and keeps its mode) and no warning is left.
    expect(readFileSync(hook, "utf8")).toBe(lf.replace(/\n/g, "\r\n"));
    const convert = spawnSync("sh", ["-c", /convert it to LF: (.+)$/m.exec(warning)![1]], { cwd: repo.dir, encoding: "utf8" });
    expect(convert.status, convert.stderr).toBe(0);
    expect(readFileSync(hook, "utf8")).toBe(lf);
    expect(repo.git(["commit", "--allow-empty", "-m", "Fix stuff"], { check: false }).status).not.toBe(0);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home })).toMatchObject({ status: 0, stderr: "" });
    expect(repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE }).status).toBe(0);
    // With its `#!` line in LF, git starts it and sh misreads the rest: rationale gets "$1"
    // with a carriage return, and `echo done` ends the hook with 0, so the vague message goes in.
    writeFileSync(hook, `#!/bin/sh\n${'./node_modules/.bin/rationale lint --edit "$1"\necho done\n'.replace(/\n/g, "\r\n")}`);
    const misread = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(misread.status).toBe(0);
    expect(misread.stderr).toBe(
      "rationale: warning: .git/hooks/commit-msg has CRLF line ends: sh reads the carriage return that ends each line as part of its last word " +
        "(`then\\r` is no `then`, `\"$1\"\\r` names a file git did not write), so rationale does not judge the message git wrote, and the hook's status is not its verdict; " +
        "convert it to LF: perl -pi -e 's/\\r$//' -- .git/hooks/commit-msg\n" +
        "rationale: warning: once converted to LF, .git/hooks/commit-msg runs rationale, then `echo done` with no `set -e`, so the hook ends with the status of its last command and a message rationale rejects is committed anyway; end rationale's line with `|| exit 1`\n",
    );
    expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { check: false }).status).toBe(0);
  });

  it("init says rationale judges the message when its own line ends in LF in a hook with CRLF elsewhere, and names bash", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const hook = join(repo.dir, ".git/hooks/commit-msg");
    // An editor that kept the file's CRLF and wrote LF for the line added: bash reads that line as written.
    writeFileSync(hook, '#!/usr/bin/env bash\n# Check the message\r\necho checking\r\n./node_modules/.bin/rationale lint --edit "$1"\n');
    chmodSync(hook, 0o755);
    expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { check: false }).status).not.toBe(0);
    expect(repo.git(["commit", "-q", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE }).status).toBe(0);
    const init = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(init.status).toBe(0);
    expect(init.stderr).toBe(
      "rationale: warning: .git/hooks/commit-msg has CRLF line ends on some lines: bash reads the carriage return that ends such a line as part of its last word " +
        "(`then\\r` is no `then`, `\"$1\"\\r` names a file git did not write); rationale's own line ends in LF, so rationale judges the message git wrote " +
        "when the hook gets to that line, but the lines in CRLF do not run as written; convert it to LF: perl -pi -e 's/\\r$//' -- .git/hooks/commit-msg\n",
    );
    // The printed command converts it; then there is nothing to say.
    const convert = spawnSync("sh", ["-c", /convert it to LF: (.+)$/m.exec(init.stderr)![1]], { cwd: repo.dir, encoding: "utf8" });
    expect(convert.status, convert.stderr).toBe(0);
    expect(readFileSync(hook, "utf8")).toBe('#!/usr/bin/env bash\n# Check the message\necho checking\n./node_modules/.bin/rationale lint --edit "$1"\n');
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home })).toMatchObject({ status: 0, stderr: "" });
  });

  it("init says to convert a CRLF hook in the way to LF along with the lines to add by hand", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const hook = join(repo.dir, ".git/hooks/commit-msg");
    writeScript(hook, "./run-my-checks");
    const lf = readFileSync(hook, "utf8");
    const note = "  .git/hooks/commit-msg has CRLF line ends, which sh misreads: convert it to LF: perl -pi -e 's/\\r$//' -- .git/hooks/commit-msg as you change it, or the lines will not run either\n";
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stderr).not.toContain("CRLF");
    writeFileSync(hook, lf.replace(/\n/g, "\r\n"));
    const refused = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/already exists; rerun with --force to replace, or add rationale by hand as below\n {2}\.git\/hooks\/commit-msg: add these lines:\n/);
    expect(refused.stderr.endsWith(`|| exit 1\n${note}`)).toBe(true);
    // As the note says: the lines added by hand to the CRLF file stop every commit, good or bad.
    appendFileSync(hook, `${linesToAdd(refused.stderr)}\n`.replace(/\n/g, "\r\n"));
    expect(repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE, check: false }).status).not.toBe(0);
    writeFileSync(hook, readFileSync(hook, "utf8").replace(/\r\n/g, "\n"));
    expect(repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE, check: false }).status).toBe(0);
    // So is --quiet's advice to change the line, for a hook whose rationale line lacks it.
    writeFileSync(hook, '#!/bin/sh\r\nrationale lint --edit "$1"\r\n');
    const quiet = runCli(["init", "--quiet"], { cwd: repo.dir, home: repo.home });
    expect(quiet.status).toBe(2);
    expect(quiet.stderr).toContain("add --quiet to that line");
    expect(quiet.stderr.endsWith(note)).toBe(true);
  });

  it("init reads a hook nested past any use (a run of $( ) as in the way, without an internal error", () => {
    const repo = makeRepo();
    writeScript(join(repo.dir, ".git/hooks/commit-msg"), `x=${"$(".repeat(20_000)}`);
    const run = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(run.stderr).toContain(".git/hooks/commit-msg already exists; rerun with --force to replace");
    expect(run.stderr).not.toContain("internal error");
    expect(run.status).toBe(2);
  });

  it("init --quiet on a hook of the user's own that runs rationale asks for --quiet on that line, not a second one", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const hook = writeScript(join(repo.dir, ".git/hooks/commit-msg"), './run-my-checks\nnpx rationale lint --edit "$1"');
    const refused = runCli(["init", "--quiet"], { cwd: repo.dir, home: repo.home });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('.git/hooks/commit-msg: it runs rationale already; add --quiet to that line, so that it reads: npx rationale lint --edit "$1" --quiet\n');
    expect(refused.stderr).not.toContain("add these lines");
    // Done as asked, the hook is taken for installed.
    writeFileSync(hook, readFileSync(hook, "utf8").replace('lint --edit "$1"', 'lint --edit "$1" --quiet'));
    expect(runCli(["init", "--quiet"], { cwd: repo.dir, home: repo.home })).toMatchObject({ status: 0, stdout: "commit-msg hook already runs rationale: .git/hooks/commit-msg (a line in your own hook)\n" });
    // A hook running nothing of rationale's still gets the whole lines to add.
    writeFileSync(hook, "#!/bin/sh\n./run-my-checks\n");
    expect(runCli(["init", "--quiet"], { cwd: repo.dir, home: repo.home }).stderr).toMatch(/add these lines:\n(?: {4}.*\n)* {4}"\$rationale" lint --edit "\$1" --quiet \|\| exit 1\n/);
  });

  it("init --quiet on the lines init asked to add puts --quiet before their || exit 1, where it counts", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const hook = writeScript(join(repo.dir, ".git/hooks/commit-msg"), "./run-my-checks");
    const pasted = linesToAdd(runCli(["init"], { cwd: repo.dir, home: repo.home }).stderr).replace(/^ {4}/gm, "");
    writeFileSync(hook, `${readFileSync(hook, "utf8")}${pasted}\n`);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).status).toBe(0);
    const refused = runCli(["init", "--quiet"], { cwd: repo.dir, home: repo.home });
    expect(refused.status).toBe(2);
    // At the end of that line, --quiet would be an argument of exit, and init would ask again.
    const quiet = '"$rationale" lint --edit "$1" --quiet || exit 1';
    expect(refused.stderr).toBe(
      "rationale: .git/hooks/commit-msg already exists; rerun with --force to replace, or change that line by hand as below\n" +
        `  .git/hooks/commit-msg: it runs rationale already; add --quiet to that line, so that it reads: ${quiet}\n`,
    );
    writeFileSync(hook, readFileSync(hook, "utf8").replace('"$rationale" lint --edit "$1" || exit 1', quiet));
    expect(runCli(["init", "--quiet"], { cwd: repo.dir, home: repo.home })).toMatchObject({ status: 0, stdout: "commit-msg hook already runs rationale: .git/hooks/commit-msg (a line in your own hook)\n" });
    // A comment after the command, and a command after it, stay where they were.
    writeScript(hook, 'npx rationale lint --edit "$1" && ./more-checks # then the rest');
    expect(runCli(["init", "--quiet"], { cwd: repo.dir, home: repo.home }).stderr).toContain(
      'so that it reads: npx rationale lint --edit "$1" --quiet && ./more-checks # then the rest\n',
    );
  });

  it("a hook that is a symbolic link: --force moves the link aside and leaves the script it points to alone", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const shared = repo.write("scripts/commit-msg", "#!/bin/sh\n./run-team-checks\n");
    const hook = join(repo.dir, ".git/hooks/commit-msg");
    symlinkSync("../../scripts/commit-msg", hook);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).status).toBe(2);
    const forced = runCli(["init", "--force"], { cwd: repo.dir, home: repo.home });
    expect(forced.stderr).toBe("");
    expect(forced.stdout).toBe("commit-msg hook replaced: .git/hooks/commit-msg (the previous hook is saved as .git/hooks/commit-msg.backup)\n");
    expect(readFileSync(shared, "utf8")).toBe("#!/bin/sh\n./run-team-checks\n");
    expect(lstatSync(hook).isSymbolicLink()).toBe(false);
    expect(readFileSync(hook, "utf8")).toContain("rationale lint --edit");
    expect(readlinkSync(`${hook}.backup`)).toBe("../../scripts/commit-msg");

    // A link to a file that does not exist is someone's hook too: refused, not written where it
    // points (or failed on, as an internal error, when its directory is missing).
    for (const target of ["../../scripts/missing-hook", "../../no-such-dir/commit-msg"]) {
      rmSync(hook);
      symlinkSync(target, hook);
      const refused = runCli(["init"], { cwd: repo.dir, home: repo.home });
      expect(refused.stderr).toMatch(/^rationale: \.git\/hooks\/commit-msg already exists; rerun with --force/);
      expect(refused.status).toBe(2);
      expect(existsSync(join(repo.dir, "scripts/missing-hook"))).toBe(false);
      const replaced = runCli(["init", "--force"], { cwd: repo.dir, home: repo.home });
      expect(replaced.status).toBe(0);
      expect(readFileSync(hook, "utf8")).toContain("rationale lint --edit");
      expect(existsSync(join(repo.dir, "scripts/missing-hook"))).toBe(false);
    }
    expect(readlinkSync(`${hook}.backup.3`)).toBe("../../no-such-dir/commit-msg");
  });

  it("warns when rationale is not installed where the hook will look for it", () => {
    const repo = makeRepo();
    const init = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(init.status).toBe(0);
    expect(init.stdout).toBe("commit-msg hook installed: .git/hooks/commit-msg\n");
    expect(init.stderr).toBe(
      "rationale: warning: rationale is not installed in this repository (no node_modules/.bin/rationale) nor on PATH, " +
        "so the hook will stop every commit until it is: npm install --save-dev rationale-cli\n",
    );
    // Installed on PATH (globally) is enough; npx's temporary cache is not.
    const bin = join(repo.dir, "..", "global-bin");
    rationaleShim(bin);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home, env: { PATH: `${bin}:${process.env.PATH}` } }).stderr).toBe("");
    const npxCache = join(repo.dir, "..", "cache", "_npx", "0123abcd", "node_modules", ".bin");
    rationaleShim(npxCache);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home, env: { PATH: `${npxCache}:${process.env.PATH}` } }).stderr).toContain("is not installed");
  });

  it("does not count a node_modules/.bin that npm put on PATH, and refuses a hooks path every repository shares", () => {
    const repo = makeRepo();
    // `cd web && npx rationale init`: npm puts web/node_modules/.bin on PATH; the hook will not have it.
    const web = join(repo.dir, "web", "node_modules", ".bin");
    rationaleShim(web);
    expect(runCli(["init", "--dry-run"], { cwd: repo.dir, home: repo.home }).status).toBe(0);
    const init = runCli(["init"], { cwd: join(repo.dir, "web"), home: repo.home, env: { PATH: `${web}:${process.env.PATH}` } });
    expect(init.stderr).toContain("rationale is not installed in this repository");

    const shared = makeRepo();
    const hooks = join(shared.home, ".githooks");
    shared.git(["config", "--global", "core.hooksPath", hooks]);
    const refused = runCli(["init"], { cwd: shared.dir, home: shared.home });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      `rationale: core.hooksPath is set in your global git config (${hooks}), so ${join(hooks, "commit-msg")} would run for every repository on this machine; ` +
        `to install for this repository only, set a hooks path here (git config core.hooksPath ${join(shared.dir, ".git", "hooks")}) and rerun, or rerun with --force to install there anyway\n`,
    );
    expect(existsSync(join(hooks, "commit-msg"))).toBe(false);
    // A dry run says the same instead of "would write".
    const dry = runCli(["init", "--dry-run"], { cwd: shared.dir, home: shared.home });
    expect(dry.status).toBe(2);
    expect(dry.stderr).toBe(refused.stderr);
    expect(runCli(["init", "--dry-run", "--force"], { cwd: shared.dir, home: shared.home }).stdout).toMatch(/^would write /);
    expect(runCli(["init", "--force"], { cwd: shared.dir, home: shared.home }).status).toBe(0);
    expect(existsSync(join(hooks, "commit-msg"))).toBe(true);
    // husky writes into the repository's .husky/, whatever the global hooks path.
    mkdirSync(join(shared.dir, ".husky"));
    const husky = runCli(["init"], { cwd: shared.dir, home: shared.home });
    expect(husky.status).toBe(0);
    expect(existsSync(join(shared.dir, ".husky", "commit-msg"))).toBe(true);
  });

  it("a hooks path that is a file, or a hook that is a directory, is a usage error, not an internal one", () => {
    const repo = makeRepo();
    repo.write("hooksfile", "x\n");
    repo.git(["config", "core.hooksPath", "hooksfile"]);
    const file = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(file.status).toBe(2);
    expect(file.stderr).toBe(`rationale: cannot install the commit-msg hook at ${join(repo.dir, "hooksfile/commit-msg")}: ${join(repo.dir, "hooksfile")} is a file, not a directory (core.hooksPath is "hooksfile")\n`);
    repo.git(["config", "--unset", "core.hooksPath"]);
    mkdirSync(join(repo.dir, ".git/hooks/commit-msg"), { recursive: true });
    const directory = runCli(["init", "--force"], { cwd: repo.dir, home: repo.home });
    expect(directory.status).toBe(2);
    expect(directory.stderr).toBe(`rationale: cannot write the commit-msg hook at ${join(repo.dir, ".git/hooks/commit-msg")}: it is a directory\n`);
  });

  it("--dry-run prints the hook and writes nothing", () => {
    const repo = makeRepo();
    const run = runCli(["init", "--dry-run"], { cwd: repo.dir, home: repo.home });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^would write \.git\/hooks\/commit-msg \(git hooks path\):\n  #!\/bin\/sh\n/);
    // The content ends with its last line, not a dangling indented blank line.
    expect(run.stdout).toMatch(/\n  exit 1\n$/);
    // A terminal shows each line whole: the search of other checkouts and the not-installed
    // line are broken where the shell reads on (after a pipe; a backslash in double quotes).
    expect(run.stdout.split("\n").filter((line) => line.length > 100)).toEqual([]);
    expect(run.stdout).toContain('\n  bin="$(git worktree list --porcelain 2>/dev/null |\n    sed -n ');
    // So with --release, whose prepare-commit-msg hook has a longer comment and message.
    const release = runCli(["init", "--dry-run", "--release"], { cwd: repo.dir, home: repo.home });
    expect(release.stdout).toContain("would write .git/hooks/prepare-commit-msg (git hooks path):\n");
    expect(release.stdout.split("\n").filter((line) => line.length > 100)).toEqual([]);
    expect(existsSync(join(repo.dir, ".git/hooks/commit-msg"))).toBe(false);

    // Once installed it says nothing would change; over a hook of the user's own (with
    // --force) it names the copy --force would keep.
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).status).toBe(0);
    expect(runCli(["init", "--dry-run"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook already installed: .git/hooks/commit-msg (nothing would change)\n");
    writeFileSync(join(repo.dir, ".git/hooks/commit-msg"), "#!/bin/sh\n./run-my-checks\n");
    writeFileSync(join(repo.dir, ".git/hooks/commit-msg.backup"), "an older copy\n");
    const forced = runCli(["init", "--dry-run", "--force"], { cwd: repo.dir, home: repo.home });
    expect(forced.stdout).toMatch(/^would replace \.git\/hooks\/commit-msg \(git hooks path; the current hook would be saved as \.git\/hooks\/commit-msg\.backup\.2\):\n  #!\/bin\/sh\n/);
    expect(readFileSync(join(repo.dir, ".git/hooks/commit-msg"), "utf8")).toBe("#!/bin/sh\n./run-my-checks\n");
    expect(existsSync(join(repo.dir, ".git/hooks/commit-msg.backup.2"))).toBe(false);
  });

  it("updates a hook an earlier rationale wrote (same commands, other comments) without --force", () => {
    const repo = repoWithHook();
    const hook = join(repo.dir, ".git/hooks/commit-msg");
    const ours = readFileSync(hook, "utf8");
    writeFileSync(hook, ours.replace(/^# .*$/m, "# commit-msg hook installed by an older rationale init"));
    const run = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("commit-msg hook updated: .git/hooks/commit-msg\n");
    expect(readFileSync(hook, "utf8")).toBe(ours);
    // The form before this one: its copy kept git's template (it knew only '#' comments), and
    // the search of other checkouts and the not-installed line were one long line each.
    writeFileSync(hook, HASH_COPY_HOOK);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook updated: .git/hooks/commit-msg\n");
    expect(readFileSync(hook, "utf8")).toBe(ours);
    // The form that kept no copy of the message when rationale is missing ("your message is in $1") is updated too.
    const withoutCopy = HASH_COPY_HOOK.replace(/^where=[^]*?^esac\n/m, "").replace("your message is $where", "your message is in $1");
    expect(withoutCopy).not.toContain("RATIONALE_EDITMSG");
    writeFileSync(hook, withoutCopy);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook updated: .git/hooks/commit-msg\n");
    expect(readFileSync(hook, "utf8")).toBe(ours);
    // So is the one before, whose not-installed line did not say how to delete the hook.
    const withoutHint = withoutCopy.replace(", or delete this hook ($0) if the project no longer uses rationale", "");
    expect(withoutHint).not.toBe(withoutCopy);
    writeFileSync(hook, withoutHint);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook updated: .git/hooks/commit-msg\n");
    expect(readFileSync(hook, "utf8")).toBe(ours);
    // The form that looked only in the main checkout (which had no such line either) is updated too.
    writeFileSync(hook, withoutHint.replace(/^bin=[\s\S]*?\nfi\n/m, 'main="$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null)/.."\nif [ -x "$main/node_modules/.bin/rationale" ]; then\n  exec "$main/node_modules/.bin/rationale" lint --edit "$1"\nfi\n'));
    expect(readFileSync(hook, "utf8")).toContain("git-common-dir");
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook updated: .git/hooks/commit-msg\n");
    expect(readFileSync(hook, "utf8")).toBe(ours);
    // The form rationale 0.1 wrote (npx --no as the fallback) is updated too.
    writeFileSync(hook, '#!/bin/sh\nif [ -x ./node_modules/.bin/rationale ]; then\n  exec ./node_modules/.bin/rationale lint --edit "$1"\nfi\nexec npx --no -- rationale lint --edit "$1"\n');
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook updated: .git/hooks/commit-msg\n");
    expect(readFileSync(hook, "utf8")).toBe(ours);
    // A command of the user's own makes it the user's hook: not updated, as it still runs rationale.
    const edited = ours.replace("fi\n", "fi\n./run-my-checks\n");
    writeFileSync(hook, edited);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook already runs rationale: .git/hooks/commit-msg (a line in your own hook)\n");
    expect(readFileSync(hook, "utf8")).toBe(edited);
  });

  it("honours core.hooksPath and, with --release, adds prepare-commit-msg", () => {
    const repo = makeRepo();
    repo.git(["config", "core.hooksPath", "githooks"]);
    const run = runCli(["init", "--release"], { cwd: repo.dir, home: repo.home });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("commit-msg hook installed: githooks/commit-msg\nprepare-commit-msg hook installed: githooks/prepare-commit-msg\n");
    const prepare = readFileSync(join(repo.dir, "githooks/prepare-commit-msg"), "utf8");
    expect(prepare).toContain('exec ./node_modules/.bin/rationale release prepare-commit-msg "$1" "$2" "$3"');
    // git commit --no-verify skips commit-msg but still runs prepare-commit-msg: don't claim otherwise.
    expect(prepare).not.toContain("--no-verify");
    expect(readFileSync(join(repo.dir, "githooks/commit-msg"), "utf8")).toContain("Skip it once with: git commit --no-verify");
  });

  it("writes nothing when one of two hooks is blocked", () => {
    const repo = makeRepo();
    writeScript(join(repo.dir, ".git/hooks/prepare-commit-msg"), "true");
    const run = runCli(["init", "--release"], { cwd: repo.dir, home: repo.home });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^rationale: \.git\/hooks\/prepare-commit-msg already exists/);
    expect(existsSync(join(repo.dir, ".git/hooks/commit-msg"))).toBe(false);
  });

  it("outside a repository is a usage error", () => {
    const repo = makeRepo();
    const outside = join(repo.dir, "..", "home");
    const run = runCli(["init"], { cwd: outside, home: repo.home, env: { GIT_CEILING_DIRECTORIES: join(repo.dir, "..") } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^rationale: not a git repository: .*; run rationale init in your repository\n$/);
  });

  it("in a bare repository or inside a git directory, says where to run init instead", () => {
    const repo = makeRepo();
    const bare = join(repo.dir, "..", "project.git");
    repo.git(["clone", "-q", "--bare", repo.dir, bare]);
    const inBare = runCli(["init"], { cwd: bare, home: repo.home });
    expect(inBare.status).toBe(2);
    expect(inBare.stderr).toBe(
      `rationale: ${bare} is a bare repository, which has no work tree to commit in; run rationale init in one of its worktrees (git worktree add DIR), which share its hooks\n`,
    );
    // Run from a subdirectory, the message still names the repository, and where its work tree is.
    const inBareHooks = runCli(["init"], { cwd: join(bare, "hooks"), home: repo.home });
    expect(inBareHooks.stderr).toMatch(new RegExp(`^rationale: ${bare.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} is a bare repository`));
    const inGitDir = runCli(["init"], { cwd: join(repo.dir, ".git/refs"), home: repo.home });
    expect(inGitDir.status).toBe(2);
    expect(inGitDir.stderr).toBe(`rationale: ${join(repo.dir, ".git/refs")} is inside a git directory, not a work tree; run rationale init in the work tree (${repo.dir})\n`);
    expect(existsSync(join(bare, "hooks/commit-msg"))).toBe(false);
    expect(existsSync(join(repo.dir, ".git/hooks/commit-msg"))).toBe(false);
  });
});

describe("installHook()", () => {
  it("installs prepare-commit-msg from code, accepting the command with or without the rationale prefix", () => {
    const repo = makeRepo();
    const dry = installHook("prepare-commit-msg", 'rationale release prepare-commit-msg "$1" "$2" "$3"', { cwd: repo.dir, dryRun: true });
    expect(dry).toMatchObject({ layout: "git", existing: "none", path: join(repo.dir, ".git/hooks/prepare-commit-msg") });
    expect(existsSync(dry.path)).toBe(false);
    const plan = installHook("prepare-commit-msg", 'release prepare-commit-msg "$1" "$2" "$3"', { cwd: repo.dir });
    expect(plan.content).toBe(dry.content);
    expect(readFileSync(plan.path, "utf8")).toContain('exec rationale release prepare-commit-msg "$1" "$2" "$3"\n');
    // Without rationale it says so in one line, however the line is broken in the file, and lets the commit go on.
    const missing = spawnSync(".git/hooks/prepare-commit-msg", [".git/COMMIT_EDITMSG", "message"], { cwd: repo.dir, env: cleanEnv(repo.home, { PATH: "/usr/bin:/bin" }), encoding: "utf8" });
    expect(missing).toMatchObject({
      status: 0,
      stderr:
        "rationale: not installed here (no ./node_modules/.bin/rationale, none on PATH); the release message was not pre-filled, or delete this hook (.git/hooks/prepare-commit-msg) if the project no longer uses rationale\n",
    });
    writeFileSync(plan.path, "#!/bin/sh\n");
    expect(() => installHook("prepare-commit-msg", "release prepare-commit-msg", { cwd: repo.dir })).toThrow(UsageError);
  });

  it("keeps an existing commit-msg hook's --quiet as init does, unless told otherwise with quiet", () => {
    const repo = makeRepo();
    const hook = join(repo.dir, ".git/hooks/commit-msg");
    const quiet = installHook("commit-msg", 'lint --edit "$1" --quiet', { cwd: repo.dir });
    expect(readFileSync(hook, "utf8")).toContain('exec rationale lint --edit "$1" --quiet\n');
    // Without quiet, the hook it finds stays quiet (a setup script run on every install).
    expect(installHook("commit-msg", 'lint --edit "$1"', { cwd: repo.dir })).toMatchObject({ existing: "same", content: quiet.content });
    expect(installHook("commit-msg", 'rationale lint --edit "$1"', { cwd: repo.dir, dryRun: true }).existing).toBe("same");
    // quiet: false reports every commit again, as init --no-quiet; quiet: true quietens it again.
    expect(installHook("commit-msg", 'lint --edit "$1"', { cwd: repo.dir, quiet: false }).existing).toBe("outdated");
    expect(readFileSync(hook, "utf8")).not.toContain("--quiet");
    expect(installHook("commit-msg", 'lint --edit "$1"', { cwd: repo.dir }).existing).toBe("same");
    expect(readFileSync(hook, "utf8")).not.toContain("--quiet");
    expect(installHook("commit-msg", 'lint --edit "$1"', { cwd: repo.dir, quiet: true }).existing).toBe("outdated");
    expect(readFileSync(hook, "utf8")).toBe(quiet.content);
    // A hook of the user's own whose line has --quiet, its options in another order, is left as it is.
    writeFileSync(hook, '#!/bin/sh\n./checks\nnpx rationale lint --quiet --edit "$1"\n');
    expect(installHook("commit-msg", 'lint --edit "$1"', { cwd: repo.dir })).toMatchObject({ existing: "added" });
    expect(readFileSync(hook, "utf8")).toContain("lint --quiet --edit");
    // quiet is for that hook only, and cannot contradict the command.
    expect(() => installHook("prepare-commit-msg", 'release prepare-commit-msg "$1" "$2" "$3"', { cwd: repo.dir, quiet: true })).toThrow(
      new TypeError(`installHook() option quiet is for the commit-msg hook running 'lint --edit "$1"', not prepare-commit-msg running the string "release prepare-commit-msg \\"$1\\" \\"$2\\" \\"$3\\""`),
    );
    expect(() => installHook("commit-msg", 'lint --edit "$1" --quiet', { cwd: repo.dir, quiet: false })).toThrow(TypeError);
    expect(() => installHook("commit-msg", 'lint --edit "$1"', { cwd: repo.dir, quiet: "yes" as never })).toThrow(new TypeError('installHook() option quiet must be true or false, not the string "yes"'));
  });

  it("refuses a hook name it has no script for, and a call without a directory, before writing anything", () => {
    const repo = makeRepo();
    const as = (value: unknown) => value as "commit-msg";
    expect(() => installHook(as("pre-push"), "lint", { cwd: repo.dir })).toThrow(new UsageError('cannot install a "pre-push" hook: installHook() installs commit-msg or prepare-commit-msg'));
    expect(() => installHook(as("../../outside"), "lint", { cwd: repo.dir })).toThrow(UsageError);
    expect(() => installHook("commit-msg", "lint", undefined as never)).toThrow(new TypeError("installHook() needs options.cwd: a directory inside the repository, as a string"));
    expect(() => installHook("commit-msg", undefined as never, { cwd: repo.dir })).toThrow(TypeError);
    // A name of the wrong type is a programmer's slip (TypeError), as the README says; a
    // string naming another hook stays a UsageError, a bad value a user may have typed.
    expect(() => installHook(as(42), "lint", { cwd: repo.dir })).toThrow(new TypeError("installHook() takes the hook name as a string, commit-msg or prepare-commit-msg, not the number 42"));
    // force: "no" is truthy: it would have replaced the user's own hook.
    expect(() => installHook("commit-msg", "lint", { cwd: repo.dir, force: "no" as never })).toThrow(new TypeError('installHook() option force must be true or false, not the string "no"'));
    expect(() => installHook("commit-msg", "lint", { cwd: repo.dir, dryRun: 1 as never })).toThrow(new TypeError("installHook() option dryRun must be true or false, not the number 1"));
    // A misspelt force was passed over, and a differing hook left as it was without a word.
    expect(() => installHook("commit-msg", "lint", { cwd: repo.dir, forse: true } as never)).toThrow(
      new TypeError('installHook() has no option "forse"; it takes { cwd, force, dryRun, quiet }; did you mean "force"?'),
    );
    expect(existsSync(join(repo.dir, ".git/hooks/commit-msg"))).toBe(false);
    expect(existsSync(join(repo.dir, ".git/hooks/pre-push"))).toBe(false);
    expect(existsSync(join(repo.dir, "outside"))).toBe(false);
  });
});

describe("rationale init with husky", () => {
  /** What `npx husky` (husky 9) does in a checkout: set core.hooksPath, make the `_` runners it does not commit. */
  function huskySetUp(dir: string): void {
    writeScript(join(dir, ".husky/_/commit-msg"), '[ -f "$(dirname "$0")/../commit-msg" ] || exit 0\nexec sh -e "$(dirname "$0")/../commit-msg" "$@"');
    writeFileSync(join(dir, ".husky/_/.gitignore"), "*");
  }

  /** Lays out a husky v9 repository: .husky/ with the `_` runner git's hooksPath points at. */
  function huskyRepo(): TempRepo {
    const repo = makeRepo();
    huskySetUp(repo.dir);
    repo.git(["config", "core.hooksPath", ".husky/_"]);
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    return repo;
  }

  /** What init adds after writing a husky hook that HEAD does not hold as it now is. */
  const COMMIT_IT = "commit .husky/commit-msg so that your team's clones run it too\n";

  it("writes .husky/commit-msg as the plain-git script (no npx), and a rejected commit goes through it", () => {
    const repo = huskyRepo();
    const init = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(init.status).toBe(0);
    expect(init.stdout).toBe("commit-msg hook installed: .husky/commit-msg\n" + COMMIT_IT);
    expect(init.stderr).toBe("");
    const hook = readFileSync(join(repo.dir, ".husky/commit-msg"), "utf8");
    expect(hook).toContain('exec ./node_modules/.bin/rationale lint --edit "$1"');
    expect(hook).not.toContain("npx");
    // Committed as it is, the hook needs no word about it; changed again, it does.
    repo.git(["add", ".husky/commit-msg"]);
    repo.git(["commit", "-q", "--no-verify", "-m", "Check commit messages with rationale"]);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home })).toMatchObject({ status: 0, stdout: "commit-msg hook already installed: .husky/commit-msg\n", stderr: "" });
    const release = runCli(["init", "--release", "--quiet"], { cwd: repo.dir, home: repo.home });
    expect(release.stdout).toBe(
      "commit-msg hook updated: .husky/commit-msg\nprepare-commit-msg hook installed: .husky/prepare-commit-msg\n" +
        "commit .husky/commit-msg and .husky/prepare-commit-msg so that your team's clones run them too\n",
    );
    // A dry run writes nothing, so there is nothing to commit yet.
    repo.git(["checkout", "-q", "--", ".husky/commit-msg"]);
    rmSync(join(repo.dir, ".husky/prepare-commit-msg"));
    expect(runCli(["init", "--dry-run", "--release"], { cwd: repo.dir, home: repo.home }).stdout).not.toContain("so that your team's clones");

    // No npx on PATH at all: the hook runs the project's own install through husky's runner.
    const bad = repo.git(["commit", "--allow-empty", "-m", "Fix bug"], { check: false });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain("summary-vague");
    const good = repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE });
    expect(good.status).toBe(0);
    // Through husky's runner too, git commit -q keeps a pass silent and reports a rejection.
    expect(repo.git(["commit", "-q", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE })).toMatchObject({ status: 0, stdout: "", stderr: "" });
    expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix bug"], { check: false }).stderr).toContain("summary-vague");
  });

  it("reads a husky hook as sh reads it, whatever its #! line: &> runs in the background, set has no pipefail", () => {
    const repo = huskyRepo();
    const hook = join(repo.dir, ".husky/commit-msg");
    const line = 'rationale lint --edit "$1"';
    const byHusky = "(husky runs its hooks with sh, whatever their `#!` line says)";
    for (const [text, warning] of [
      [`${line} &>../lint.log`, `runs rationale in the background: sh reads \`&>\` as \`&\` and then \`>\` ${byHusky}, so git commits without waiting for its verdict; write \`>FILE 2>&1\` instead`],
      [`set -o pipefail\n${line} | tee ../lint.log`, `runs rationale in a pipeline (\`| tee ../lint.log\`) and counts on \`set -o pipefail\`, but sh has no \`set -o pipefail\` where it is dash, Debian's and Ubuntu's sh ${byHusky}: there the hook stops at that line and refuses every commit; take rationale out of the pipeline\n`],
    ]) {
      writeFileSync(hook, `#!/usr/bin/env bash\n${text}\n`);
      chmodSync(hook, 0o755);
      const init = runCli(["init"], { cwd: repo.dir, home: repo.home });
      expect(init.status, text).toBe(0);
      expect(init.stderr, text).toContain(`rationale: warning: .husky/commit-msg ${warning}`);
    }
    // Through husky's runner (sh -e), the &> hook commits a vague message, as the warning says.
    writeFileSync(hook, `#!/usr/bin/env bash\n${line} &>../lint.log\n`);
    expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { check: false }).status).toBe(0);
    // sh -e stops at rationale's failure, whatever follows it, unless `&&` comes after it.
    writeFileSync(hook, `#!/bin/sh\n${line}\necho "message checked"\n`);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home })).toMatchObject({ status: 0, stderr: "" });
    expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { check: false }).status).not.toBe(0);
    writeFileSync(hook, `#!/bin/sh\n${line} && echo ok\necho "message checked"\n`);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stderr).toContain("runs rationale before `&&` (whose failure `set -e` lets pass), then `echo \"message checked\"`");
    expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { check: false }).status).toBe(0);
  });

  it("core.hooksPath .husky without husky 8's husky.sh line lets git run the hook by its #! line", () => {
    const repo = huskyRepo();
    repo.git(["config", "core.hooksPath", ".husky"]);
    const hook = join(repo.dir, ".husky/commit-msg");
    writeFileSync(hook, '#!/usr/bin/env bash\nrationale lint --edit "$1" &>../lint.log\n');
    chmodSync(hook, 0o755);
    const init = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(init).toMatchObject({ status: 0, stderr: "" });
    expect(init.stdout).toMatch(/^commit-msg hook already runs rationale: \.husky\/commit-msg/);
    // git runs the file by its #! line: bash waits for rationale, and its verdict stops the commit.
    expect(repo.git(["commit", "-q", "--allow-empty", "-m", "Fix stuff"], { check: false }).status).not.toBe(0);
    // The same hook with #!/bin/sh is read as sh reads it.
    writeFileSync(hook, '#!/bin/sh\nrationale lint --edit "$1" &>../lint.log\n');
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stderr).toContain("runs rationale in the background: sh reads `&>` as `&`");
    // husky 8's hooks source _/husky.sh, which runs the hook again with sh -e: the #! line is no guide.
    writeFileSync(hook, '#!/usr/bin/env bash\n. "$(dirname -- "$0")/_/husky.sh"\n\nrationale lint --edit "$1" &>../lint.log\n');
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stderr).toContain("(husky runs its hooks with sh, whatever their `#!` line says)");
  });

  it("a husky hook of the user's own that runs rationale with CRLF line endings gets a warning on how to keep it LF", () => {
    const repo = huskyRepo();
    const hook = writeScript(join(repo.dir, ".husky/commit-msg"), './node_modules/.bin/rationale lint --edit "$1"');
    writeFileSync(hook, readFileSync(hook, "utf8").replace(/\n/g, "\r\n"));
    // husky's sh -e passes "$1" with a carriage return after it: no file, and every commit stops.
    expect(repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE, check: false }).status).not.toBe(0);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home })).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^commit-msg hook already runs rationale: \.husky\/commit-msg/),
      stderr:
        "rationale: warning: .husky/commit-msg has CRLF line ends, so the hook fails every commit, good message or bad, before rationale judges it: " +
        "sh reads the carriage return that ends each line as part of its last word (`then\\r` is no `then`, `\"$1\"\\r` names a file git did not write); convert it to LF: perl -pi -e 's/\\r$//' -- .husky/commit-msg " +
        '(git\'s checkout writes them when core.autocrlf is true; add ".husky/* text eol=lf" to .gitattributes and commit it so that checkouts keep LF)\n',
    });
    // The command the warning gives converts the hook (with POSIX sh, as macOS's would run it).
    const stderr = runCli(["init"], { cwd: repo.dir, home: repo.home }).stderr;
    const convert = spawnSync("sh", ["-c", /convert it to LF: (perl -pi -e '[^']*' -- \S+)/.exec(stderr)![1]], { cwd: repo.dir, encoding: "utf8" });
    expect(convert.status, convert.stderr).toBe(0);
    expect(readFileSync(hook, "utf8")).not.toContain("\r");
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stderr).toBe("");
    expect(repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE }).status).toBe(0);
  });

  it("core.autocrlf=true: a hook checked out with CRLF, which sh cannot run, is written again with LF, and says why", () => {
    const repo = huskyRepo();
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).status).toBe(0);
    const ours = readFileSync(join(repo.dir, ".husky/commit-msg"), "utf8");
    repo.git(["add", ".husky/commit-msg"]);
    repo.git(["commit", "-q", "--no-verify", "-m", "Check commit messages with rationale"]);
    // A clone with core.autocrlf=true (Git for Windows' default; here by hand) checks the hook
    // out with CRLF, and husky's sh stops at the first "then\r": every commit fails, unjudged.
    repo.git(["config", "core.autocrlf", "true"]);
    rmSync(join(repo.dir, ".husky/commit-msg"));
    repo.git(["checkout", "-q", "--", ".husky/commit-msg"]);
    const hook = join(repo.dir, ".husky/commit-msg");
    expect(readFileSync(hook, "utf8")).toBe(ours.replace(/\n/g, "\r\n"));
    const broken = repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE, check: false });
    expect(broken.status).not.toBe(0);
    expect(broken.stdout + broken.stderr).not.toContain("rationale");
    // init tells why it writes a hook whose commands are the same, and how to keep it LF.
    const note = 'it had CRLF line endings, which sh cannot run: git\'s checkout writes them when core.autocrlf is true; add ".husky/* text eol=lf" to .gitattributes and commit it so that checkouts keep LF';
    expect(runCli(["init", "--dry-run"], { cwd: repo.dir, home: repo.home }).stdout).toMatch(new RegExp(`^would update \\.husky/commit-msg \\(husky; ${note.replace(/[.*()]/g, "\\$&")}\\):\n`));
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home })).toMatchObject({ status: 0, stdout: `commit-msg hook updated: .husky/commit-msg (${note})\n`, stderr: "" });
    expect(readFileSync(hook, "utf8")).toBe(ours);
    const rejected = repo.git(["commit", "--allow-empty", "-m", "Fix bug"], { check: false });
    expect(rejected.status).not.toBe(0);
    expect(rejected.stdout + rejected.stderr).toContain("summary-vague");
    expect(repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE }).status).toBe(0);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook already installed: .husky/commit-msg\n");
    // With the attribute init suggests, a checkout keeps the hook as it is.
    repo.write(".gitattributes", ".husky/* text eol=lf\n");
    rmSync(hook);
    repo.git(["checkout", "-q", "--", ".husky/commit-msg"]);
    expect(readFileSync(hook, "utf8")).toBe(ours);
  });

  it("init keeps the --quiet of the npx hook an earlier version wrote, and a commit through husky stays silent", () => {
    const repo = huskyRepo();
    const hook = join(repo.dir, ".husky/commit-msg");
    writeFileSync(hook, 'npx --no -- rationale lint --edit "$1" --quiet\n');
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook updated: .husky/commit-msg\n" + COMMIT_IT);
    expect(readFileSync(hook, "utf8")).toContain('exec ./node_modules/.bin/rationale lint --edit "$1" --quiet');
    const good = repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE });
    expect(good).toMatchObject({ status: 0 });
    expect(good.stdout + good.stderr).not.toMatch(/PASS|score/);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook already installed: .husky/commit-msg\n" + COMMIT_IT);
    expect(runCli(["init", "--no-quiet"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook updated: .husky/commit-msg\n" + COMMIT_IT);
    expect(readFileSync(hook, "utf8")).not.toContain("--quiet");
    const loud = repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE });
    expect(loud.stdout + loud.stderr).toMatch(/PASS/);
  });

  it("says where the message is when rationale is not installed, and updates the npx hook it wrote before", () => {
    const repo = huskyRepo();
    const hook = join(repo.dir, ".husky/commit-msg");
    writeFileSync(hook, 'npx --no -- rationale lint --edit "$1"\n');
    const run = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(run.stdout).toBe("commit-msg hook updated: .husky/commit-msg\n" + COMMIT_IT);
    expect(readFileSync(hook, "utf8")).not.toContain("npx");

    rmSync(join(repo.dir, "node_modules"), { recursive: true });
    // PATH without any rationale (git and sh only).
    const env = { PATH: "/usr/bin:/bin" };
    const commit = repo.git(["commit", "--allow-empty", "-m", "Retry webhook delivery when the receiver times out"], { env, check: false });
    expect(commit.status).not.toBe(0);
    expect(commit.stderr).toContain("rationale: not installed here (no ./node_modules/.bin/rationale, none on PATH)");
    // $0 as husky's runner starts the hook: .husky/commit-msg with husky's own, here its stand-in's path to it.
    expect(commit.stderr).toMatch(/or delete this hook \(\.husky\/(?:_\/\.\.\/)?commit-msg\) if the project no longer uses rationale;/);
    expect(commit.stderr).toMatch(/your message is saved in (\S*RATIONALE_EDITMSG); retry with: git commit -F \1\n$/);
    expect(readFileSync(join(repo.dir, ".git/RATIONALE_EDITMSG"), "utf8")).toBe("Retry webhook delivery when the receiver times out\n");
  });

  it("warns when .husky/ exists but git does not run it (husky not set up: core.hooksPath unset)", () => {
    const repo = makeRepo();
    mkdirSync(join(repo.dir, ".husky"));
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const init = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(init.status).toBe(0);
    expect(init.stdout).toBe("commit-msg hook installed: .husky/commit-msg\n" + COMMIT_IT);
    expect(init.stderr).toBe(
      "rationale: warning: git will not run the hooks in .husky/ yet: core.hooksPath is not set; " +
        "run npx husky (husky 9; older husky: npx husky install), or npm install if your prepare script runs husky\n",
    );
  });

  it("installs into the repository's own core.hooksPath, not a stray .husky/ git does not run", () => {
    const repo = makeRepo();
    mkdirSync(join(repo.dir, ".husky"));
    repo.git(["config", "core.hooksPath", ".githooks"]);
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    const init = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(init.stderr).toBe("");
    expect(init.stdout).toBe("commit-msg hook installed: .githooks/commit-msg\n");
    expect(existsSync(join(repo.dir, ".husky/commit-msg"))).toBe(false);
    // Only a hooks path of the repository's own says so: husky's setup overrides a global one.
    repo.git(["config", "--unset", "core.hooksPath"]);
    const hooks = join(repo.home, "global-hooks");
    repo.git(["config", "--global", "core.hooksPath", hooks]);
    expect(runCli(["init", "--dry-run"], { cwd: repo.dir, home: repo.home }).stdout).toMatch(/^would write \.husky\/commit-msg \(husky\):/);
  });

  it("detects husky from core.hooksPath=.husky alone and refuses to overwrite", () => {
    const repo = makeRepo();
    repo.git(["config", "core.hooksPath", ".husky"]);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stdout).toBe("commit-msg hook installed: .husky/commit-msg\n" + COMMIT_IT);
    writeFileSync(join(repo.dir, ".husky/commit-msg"), "npm test\n");
    const run = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(".husky/commit-msg already exists");
    expect(readFileSync(join(repo.dir, ".husky/commit-msg"), "utf8")).toBe("npm test\n");
  });

  it("core.hooksPath=.husky/_ without husky's runners here (husky removed, or not set up in this clone): warns", () => {
    const repo = huskyRepo();
    rmSync(join(repo.dir, ".husky/_"), { recursive: true });
    const init = runCli(["init"], { cwd: repo.dir, home: repo.home });
    expect(init.status).toBe(0);
    expect(init.stdout).toBe("commit-msg hook installed: .husky/commit-msg\n" + COMMIT_IT);
    expect(init.stderr).toBe(
      'rationale: warning: git will not run .husky/commit-msg yet: core.hooksPath is ".husky/_", which has no commit-msg here (husky\'s setup makes it, and it is not committed); ' +
        "run npx husky (husky 9; older husky: npx husky install), or npm install if your prepare script runs husky\n",
    );
    // As the warning says: git finds no hook, so nothing checks the commit.
    expect(repo.git(["commit", "--allow-empty", "-m", "Fix bug"], { check: false }).status).toBe(0);
    huskySetUp(repo.dir);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home }).stderr).toBe("");
    expect(repo.git(["commit", "--allow-empty", "-m", "Fix bug"], { check: false }).status).not.toBe(0);
  });

  it("husky 9 and another worktree: warns until the hook is committed there and husky is set up there too", () => {
    const repo = huskyRepo();
    const worktree = join(repo.dir, "..", "wt");
    repo.git(["worktree", "add", "-q", worktree]);
    const env = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` };
    const runThere = "run npx husky there, or npm install if your prepare script runs husky";
    const init = runCli(["init"], { cwd: repo.dir, home: repo.home, env });
    expect(init.status).toBe(0);
    expect(init.stderr).toBe(
      `rationale: warning: core.hooksPath ".husky/_" is relative, so git runs the hooks in each worktree's own copy of it: this hook checks commits in ${repo.dir} only, ` +
        `until .husky/commit-msg is committed and checked out in the other worktrees and husky is set up in each of them (.husky/_ is not committed: ${runThere})\n`,
    );

    // Committed and checked out there, the hook still does not run: the worktree has no .husky/_.
    repo.git(["add", ".husky/commit-msg"]);
    repo.git(["commit", "-q", "--no-verify", "-m", "Check commit messages with rationale"]);
    repo.git(["-C", worktree, "merge", "-q", "main"]);
    expect(existsSync(join(worktree, ".husky/commit-msg"))).toBe(true);
    expect(repo.git(["-C", worktree, "commit", "--allow-empty", "-m", "Fix bug"], { env, check: false }).status).toBe(0);
    const again = runCli(["init"], { cwd: repo.dir, home: repo.home, env });
    expect(again.stdout).toBe("commit-msg hook already installed: .husky/commit-msg\n");
    expect(again.stderr).toBe(
      `rationale: warning: git runs husky's hooks from each worktree's own .husky/_, which is not committed: this hook does not check commits in ${worktree} ` +
        `until husky is set up there (${runThere})\n`,
    );

    // As the warning says: husky's setup in the worktree, and its commits are checked.
    huskySetUp(worktree);
    expect(runCli(["init"], { cwd: repo.dir, home: repo.home, env }).stderr).toBe("");
    const checked = repo.git(["-C", worktree, "commit", "--allow-empty", "-m", "Fix bug"], { env, check: false });
    expect(checked.status).not.toBe(0);
    expect(checked.stdout + checked.stderr).toContain("summary-vague");
  });

  it("with core.hooksPath=.husky and another worktree, warns that the worktree is unchecked until .husky/commit-msg is committed", () => {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    repo.git(["config", "core.hooksPath", ".husky"]);
    const worktree = join(repo.dir, "..", "wt");
    repo.git(["worktree", "add", "-q", worktree]);
    const env = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin` };
    const init = runCli(["init"], { cwd: repo.dir, home: repo.home, env });
    expect(init.status).toBe(0);
    expect(init.stdout).toBe("commit-msg hook installed: .husky/commit-msg\n" + COMMIT_IT);
    expect(init.stderr).toBe(
      `rationale: warning: core.hooksPath ".husky" is relative, so git runs the hooks in each worktree's own copy of it: this hook checks commits in ${repo.dir} only, ` +
        "until .husky/commit-msg is committed and checked out in the other worktrees (or core.hooksPath is set to an absolute path)\n",
    );
    // As the warning says: the worktree's .husky/ has no commit-msg yet, so nothing checks it.
    expect(repo.git(["-C", worktree, "commit", "--allow-empty", "-m", "Fix bug"], { env, check: false }).status).toBe(0);
  });
});

describe("git commit through the installed hook", () => {
  it("says once that a script config is not read, and still checks the message by the defaults", () => {
    const repo = repoWithHook();
    repo.write("rationale.config.mjs", "export default { threshold: 0 };\n");
    const commit = repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE, check: false });
    expect(commit.status).toBe(0);
    const notes = commit.stderr.split("\n").filter((line) => line.startsWith("rationale: note:"));
    expect(notes).toEqual([
      'rationale: note: rationale.config.mjs is not read, so the defaults apply: configs are JSON or YAML (rationale.config.json, .rationalerc.json, .rationalerc.yaml or .yml, or "rationale" in package.json)',
    ]);
    // threshold 0 would pass anything; the defaults apply, so a vague message is stopped.
    const vague = repo.git(["commit", "--allow-empty", "-m", "Fix bug"], { check: false });
    expect(vague.status).not.toBe(0);
    // Once for the repository: the next commits say nothing more of it.
    expect(vague.stderr).not.toContain("rationale: note:");
    expect(repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE }).stderr).not.toContain("rationale: note:");
    // Until the files it names change: then the note again, naming them all, once.
    repo.write("rationale.config.cjs", "module.exports = { threshold: 0 };\n");
    const changed = repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE });
    expect(changed.stderr).toContain("rationale: note: rationale.config.cjs and rationale.config.mjs are not read");
    expect(repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE }).stderr).not.toContain("rationale: note:");
    // Run by hand, lint says it every time: the marker is the hook's alone.
    for (let run = 0; run < 2; run++) expect(runCli(["lint", "-"], { cwd: repo.dir, home: repo.home, input: GOOD_MESSAGE }).stderr).toContain("rationale: note:");
  });

  it("rejects a bad message, keeps a copy git will not overwrite, and the printed command brings it back", () => {
    const repo = repoWithHook();
    const before = commitCount(repo);
    const summary = "Retry webhook delivery when the receiver times out";
    const rejected = repo.git(["commit", "--allow-empty", "-m", summary], { check: false });
    expect(rejected.status).not.toBe(0);
    expect(commitCount(repo)).toBe(before);
    const output = rejected.stdout + rejected.stderr;
    expect(output).toContain("body-required");
    expect(readFileSync(join(repo.dir, ".git/COMMIT_EDITMSG"), "utf8")).toBe(`${summary}\n`);
    const editMsg = join(repo.dir, ".git/RATIONALE_EDITMSG");
    expect(readFileSync(editMsg, "utf8")).toBe(`${summary}\n`);
    expect(output).toContain(`Your message is saved in ${editMsg}; edit and retry with: git commit --allow-empty -e -F ${editMsg}\n`);

    const body = "\nDeliveries to slow receivers were dropped after the first timeout, so\ncustomers missed order events whenever their endpoint was busy.\n\nQueue a timed-out delivery for up to three retries with backoff.\n";
    const editor = appendingEditor(repo, "add-body", body);
    const retried = retryAsPrinted(repo, output, editor);
    expect(retried.status).toBe(0);
    expect(commitCount(repo)).toBe(before + 1);
    expect(lastMessage(repo).startsWith(`${summary}\n\nDeliveries to slow receivers`)).toBe(true);
  });

  it("a commit aborted with an empty message leaves the copy of a message rejected before it", () => {
    const repo = repoWithHook();
    const summary = "Retry webhook delivery when the receiver times out";
    expect(repo.git(["commit", "--allow-empty", "-m", summary], { check: false }).status).not.toBe(0);
    const editMsg = join(repo.dir, ".git/RATIONALE_EDITMSG");
    expect(readFileSync(editMsg, "utf8")).toBe(`${summary}\n`);

    // A plain `git commit` whose editor is closed on git's template alone (with -v, its diff
    // too), or an empty -m: git's way to abort. Nothing is written, so nothing replaces the copy.
    for (const args of [[], ["-v"], ["-m", ""]]) {
      const aborted = repo.git(["commit", "--allow-empty", ...args], { env: { GIT_EDITOR: "true" }, check: false });
      expect(aborted.status).not.toBe(0);
      expect(aborted.stderr).toContain("rationale: commit rejected (the message is empty).");
      expect(aborted.stderr).not.toContain("saved in");
      expect(readFileSync(editMsg, "utf8")).toBe(`${summary}\n`);
    }
  });

  it("git commit -m: judges lines starting with # as git keeps them, and the retry keeps them too", () => {
    const repo = repoWithHook();
    const good = [
      "Retry uploads to S3 when it answers 503 SlowDown",
      "",
      "#42 reported uploads failing 2% of the time because S3 returns SlowDown",
      "under load and the client gave up at once. Retry three times with backoff.",
    ].join("\n");
    const accepted = repo.git(["commit", "--allow-empty", "-m", good], { check: false });
    expect(accepted.stderr).not.toContain("commit rejected");
    expect(accepted.status).toBe(0);
    expect(lastMessage(repo).trimEnd()).toBe(good);

    // Rejected: only the line with the reason starts with "#". The hint leaves git's editor out,
    // which would drop that line, and following it commits the line.
    const summary = "Retry webhook delivery when the receiver times out";
    const rejected = repo.git(["commit", "--allow-empty", "-m", `${summary}\n\n#7`], { check: false });
    expect(rejected.status).not.toBe(0);
    const editMsg = join(repo.dir, ".git/RATIONALE_EDITMSG");
    const output = rejected.stdout + rejected.stderr;
    expect(output).toContain(`Your message is saved in ${editMsg}; edit it there and retry with: git commit --allow-empty -F ${editMsg}\n`);
    const improved = `${summary}\n\n#7 lost order events: slow receivers were dropped after one timeout,\nso queue a timed-out delivery for up to three retries with backoff.\n`;
    writeFileSync(editMsg, improved);
    const command = /edit it there and retry with: git (.+)$/m.exec(output)![1].split(" ");
    const retried = repo.git(command, { check: false });
    expect(retried.stderr).not.toContain("commit rejected");
    expect(retried.status).toBe(0);
    expect(lastMessage(repo).trimEnd()).toBe(improved.trimEnd());
  });

  it("a rejected --amend: the retry amends too, and the copy survives git rewriting COMMIT_EDITMSG", () => {
    const repo = repoWithHook();
    repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE });
    const before = commitCount(repo);
    // "--amen": git takes an unambiguous prefix of a long option, and so must the hint.
    const rejected = repo.git(["commit", "--allow-empty", "--amen", "-m", "WIP"], { check: false });
    expect(rejected.status).not.toBe(0);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    const output = rejected.stdout + rejected.stderr;
    expect(output).toContain(`edit and retry with: git commit --amend --allow-empty -e -F ${copy}\n`);
    // Another commit in between (git's own advice during a rebase) rewrites COMMIT_EDITMSG, not the copy.
    repo.git(["commit", "--allow-empty", "--amend", "--no-edit", "--no-verify"]);
    expect(readFileSync(copy, "utf8")).toBe("WIP\n");
    writeFileSync(copy, GOOD_MESSAGE.replace("\n", " again\n"));
    const retried = retryAsPrinted(repo, output);
    expect(retried.status).toBe(0);
    expect(commitCount(repo)).toBe(before);
    expect(lastMessage(repo)).toBe(`${GOOD_MESSAGE.replace("\n", " again\n")}\n`);
  });

  it("a message that reads --amend (git commit -m --amend) is no amend: the retry makes a new commit", () => {
    const repo = repoWithHook();
    repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE });
    const before = commitCount(repo);
    const rejected = repo.git(["commit", "--allow-empty", "-m", "--amend"], { check: false });
    expect(rejected.status).not.toBe(0);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    const output = rejected.stdout + rejected.stderr;
    expect(output).toContain(`retry with: git commit --allow-empty -e -F ${copy}\n`);
    writeFileSync(copy, GOOD_MESSAGE.replace("\n", " again\n"));
    expect(retryAsPrinted(repo, output).status).toBe(0);
    expect(commitCount(repo)).toBe(before + 1);
  });

  it("git commit -am: the retry repeats -a, so it commits the same changes and not only the staged ones", () => {
    const repo = repoWithHook();
    repo.write("a.txt", "1\n");
    repo.write("b.txt", "1\n");
    repo.git(["add", "a.txt", "b.txt"]);
    repo.git(["commit", "-F", "-"], { input: GOOD_MESSAGE });
    repo.write("a.txt", "2\n");
    repo.write("b.txt", "2\n");
    repo.git(["add", "b.txt"]);
    const rejected = repo.git(["commit", "-qam", "Fix bug"], { check: false });
    expect(rejected.status).not.toBe(0);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    const output = rejected.stdout + rejected.stderr;
    expect(output).toContain(`edit and retry with: git commit -qa -e -F ${copy}\n`);
    writeFileSync(copy, GOOD_MESSAGE.replace("\n", " again\n"));
    expect(retryAsPrinted(repo, output).status).toBe(0);
    expect(repo.git(["show", "--name-only", "--format=", "HEAD"]).stdout).toBe("a.txt\nb.txt\n");
    expect(repo.git(["status", "--porcelain", "--untracked-files=no"]).stdout).toBe("");
  });

  it("an alias of commit (git ci -am): the retry repeats -a, which git's child `git commit` was given", () => {
    const repo = repoWithHook();
    repo.write("a.txt", "1\n");
    repo.git(["add", "a.txt"]);
    repo.git(["commit", "-F", "-"], { input: GOOD_MESSAGE });
    repo.git(["config", "alias.ci", "commit"]);
    repo.write("a.txt", "2\n");
    const rejected = repo.git(["-c", "user.name=Ada", "ci", "-am", "Fix bug"], { check: false });
    expect(rejected.status).not.toBe(0);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    const output = rejected.stdout + rejected.stderr;
    expect(output).toContain(`edit and retry with: git -c user.name=Ada commit -a -e -F ${copy}\n`);
    writeFileSync(copy, GOOD_MESSAGE.replace("\n", " again\n"));
    expect(retryAsPrinted(repo, output).status).toBe(0);
    expect(repo.git(["show", "--name-only", "--format=%an", "HEAD"]).stdout).toBe("Ada\n\na.txt\n");
  });

  it("git -C commit commit: a directory named commit is git's option value, not the command", () => {
    const repo = repoWithHook();
    repo.write("commit/a.txt", "1\n");
    repo.git(["add", "commit/a.txt"]);
    repo.git(["commit", "-F", "-"], { input: GOOD_MESSAGE });
    repo.write("commit/a.txt", "2\n");
    const rejected = repo.git(["-C", "commit", "commit", "-am", "Fix bug"], { check: false });
    expect(rejected.status).not.toBe(0);
    expect(rejected.stdout + rejected.stderr).toContain(`edit and retry with: git -C commit commit -a -e -F ${join(repo.dir, ".git/RATIONALE_EDITMSG")}\n`);
  });

  it("git commit with paths and --author: the retry repeats them, quoted for the shell", () => {
    const repo = repoWithHook();
    repo.write("a file.txt", "1\n");
    repo.write("b.txt", "1\n");
    repo.git(["add", "a file.txt", "b.txt"]);
    const rejected = repo.git(["commit", "--author", "Ada Lovelace <ada@example.com>", "-m", "Fix bug", "--", "a file.txt"], { check: false });
    expect(rejected.status).not.toBe(0);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    const output = rejected.stdout + rejected.stderr;
    expect(output).toContain(`edit and retry with: git commit --author 'Ada Lovelace <ada@example.com>' -e -F ${copy} -- 'a file.txt'\n`);
    writeFileSync(copy, GOOD_MESSAGE);
    const retried = retryAsPrinted(repo, output);
    expect(retried.status).toBe(0);
    expect(repo.git(["show", "--name-only", "--format=%an", "HEAD"]).stdout).toBe("Ada Lovelace\n\na file.txt\n");
    expect(repo.git(["status", "--porcelain", "--untracked-files=no"]).stdout).toBe("A  b.txt\n");
  });

  it("git commit -c <commit>: the retry gives the reused authorship itself, since -F cannot go with -c", () => {
    const repo = repoWithHook();
    repo.git(["commit", "--allow-empty", "--no-verify", "-m", "Old summary", "--author", "Ada Lovelace <ada@example.com>", "--date", "2020-02-03T04:05:06+01:00"]);
    const rejected = repo.git(["commit", "--allow-empty", "-c", "HEAD"], { check: false, env: { GIT_EDITOR: "true" } });
    expect(rejected.status).not.toBe(0);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    const output = rejected.stdout + rejected.stderr;
    expect(output).toContain(`edit and retry with: git commit --allow-empty '--author=Ada Lovelace <ada@example.com>' --date=2020-02-03T04:05:06+01:00 -e -F ${copy}\n`);
    writeFileSync(copy, GOOD_MESSAGE);
    expect(retryAsPrinted(repo, output).status).toBe(0);
    expect(repo.git(["log", "-1", "--format=%an <%ae> %aI"]).stdout).toBe("Ada Lovelace <ada@example.com> 2020-02-03T04:05:06+01:00\n");
    // An --author the user gave wins over the reused one; the reused date still comes along.
    const own = repo.git(["commit", "--allow-empty", "-C", "HEAD~1", "--author", "Bob <bob@example.com>"], { check: false });
    expect(own.stdout + own.stderr).toContain(`edit and retry with: git commit --allow-empty --author 'Bob <bob@example.com>' --date=2020-02-03T04:05:06+01:00 -e -F ${copy}\n`);
  });

  it("a rejected reword in git rebase -i: the retry amends, then the rebase continues", () => {
    const repo = repoWithHook();
    repo.write("a.txt", "1\n");
    repo.git(["add", "a.txt"]);
    repo.git(["commit", "-F", "-"], { input: GOOD_MESSAGE });
    repo.write("a.txt", "2\n");
    repo.git(["commit", "-a", "-F", "-"], { input: GOOD_MESSAGE.replace("\n", " twice\n") });
    const draft = repo.write("../draft.txt", "Fix bug\n");
    const rebase = repo.git(["rebase", "-i", "HEAD~1"], { env: { GIT_SEQUENCE_EDITOR: "sed -i 1s/^pick/reword/", GIT_EDITOR: `cp ${draft}` }, check: false });
    expect(rebase.status).not.toBe(0);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    const output = rebase.stdout + rebase.stderr;
    expect(output).toContain(`edit and retry with: git commit --amend -e -F ${copy}, then: git rebase --continue\n`);
    expect(readFileSync(copy, "utf8").startsWith("Fix bug\n")).toBe(true);
    writeFileSync(copy, GOOD_MESSAGE.replace("\n", " reworded\n"));
    const command = /edit and retry with: git (.+), then: git rebase --continue$/m.exec(output)![1].split(" ");
    expect(repo.git(command, { env: { GIT_EDITOR: "true" } }).status).toBe(0);
    expect(repo.git(["rebase", "--continue"], { env: { GIT_EDITOR: "true" } }).status).toBe(0);
    expect(commitCount(repo)).toBe(3);
    expect(lastMessage(repo).startsWith(GOOD_MESSAGE.replace("\n", " reworded\n"))).toBe(true);
  });

  it("git commit --fixup=reword: judges the new message, which autosquash will give the commit", () => {
    const repo = repoWithHook();
    repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE });
    const summary = GOOD_MESSAGE.split("\n")[0];
    const bad = repo.git(["commit", "--allow-empty", "--fixup=reword:HEAD"], { env: { GIT_EDITOR: writeScript(join(repo.dir, "..", "reword-bad.sh"), `printf 'amend! ${summary}\\n\\nFix bug\\n' > "$1"`) }, check: false });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/^3:1 +error .*summary-vague$/m);
    const good = repo.git(["commit", "--allow-empty", "--fixup=reword:HEAD"], { env: { GIT_EDITOR: "true" }, check: false });
    expect(good.stdout + good.stderr).not.toContain("commit rejected");
    expect(good.status).toBe(0);
  });

  it("git commit --fixup=reword: or amend: rejected: the printed retry makes the same amend! commit", () => {
    const repo = repoWithHook();
    repo.write("a.txt", "1\n");
    repo.git(["add", "a.txt"]);
    repo.git(["commit", "-F", "-"], { input: GOOD_MESSAGE });
    repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE.replace("\n", " twice\n") });
    repo.write("a.txt", "2\n");
    repo.git(["add", "a.txt"]);
    const summary = GOOD_MESSAGE.split("\n")[0];
    const draft = writeScript(join(repo.dir, "..", "amend-draft.sh"), `printf 'amend! ${summary}\\n\\nFix bug\\n' > "$1"`);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    const improved = `amend! ${summary}\n\n${GOOD_MESSAGE.replace("\n", " again\n")}`;
    const head = () => repo.git(["rev-parse", "HEAD"]).stdout;

    // git writes a NUL over the colon in its argv: the commit is no path to repeat. A reword
    // takes nothing from the index (the staged a.txt stays staged), and may be empty.
    for (const fixup of [["--fixup=reword:HEAD~1"], ["--fixup", "reword:HEAD~1"], ["--fix=reword:HEAD~1"]]) {
      const rejected = repo.git(["commit", ...fixup], { env: { GIT_EDITOR: draft }, check: false });
      expect(rejected.status).not.toBe(0);
      expect(rejected.stdout + rejected.stderr).toContain(`edit and retry with: git commit --allow-empty --only -e -F ${copy}\n`);
    }
    const reword = repo.git(["commit", "--fixup=reword:HEAD~1"], { env: { GIT_EDITOR: draft }, check: false });
    writeFileSync(copy, improved);
    const before = head();
    const retried = retryAsPrinted(repo, reword.stdout + reword.stderr);
    expect(retried.status).toBe(0);
    expect(repo.git(["rev-parse", "HEAD~1"]).stdout).toBe(before);
    expect(lastMessage(repo)).toBe(`${improved}\n`);
    expect(repo.git(["diff", "--name-only", "HEAD~1", "HEAD"]).stdout).toBe("");
    expect(repo.git(["status", "--porcelain", "--untracked-files=no"]).stdout).toBe("M  a.txt\n");

    // amend: takes the staged changes (and -a, paths) into the amend! commit, empty or not.
    const amend = repo.git(["commit", "--fixup=amend:HEAD~2"], { env: { GIT_EDITOR: draft }, check: false });
    expect(amend.status).not.toBe(0);
    expect(amend.stdout + amend.stderr).toContain(`edit and retry with: git commit --allow-empty -e -F ${copy}\n`);
    writeFileSync(copy, improved);
    expect(retryAsPrinted(repo, amend.stdout + amend.stderr).status).toBe(0);
    expect(lastMessage(repo)).toBe(`${improved}\n`);
    expect(repo.git(["diff", "--name-only", "HEAD~1", "HEAD"]).stdout).toBe("a.txt\n");
    const empty = repo.git(["commit", "--fixup=amend:HEAD~2"], { env: { GIT_EDITOR: draft }, check: false });
    writeFileSync(copy, improved);
    expect(retryAsPrinted(repo, empty.stdout + empty.stderr).status).toBe(0);
    expect(repo.git(["diff", "--name-only", "HEAD~1", "HEAD"]).stdout).toBe("");
  });

  it("git commit -q: nothing on a pass, warnings included; a rejection in full; an alias's -q too", () => {
    const repo = repoWithHook();
    const quietly = (args: string[], input?: string) => repo.git(["commit", "--allow-empty", ...args], { input, check: false });
    for (const args of [["-q", "-F", "-"], ["--quiet", "-F", "-"], ["--qui", "-F", "-"], ["-aq", "-F", "-"], ["-qF", "-"]]) {
      expect(quietly(args, GOOD_MESSAGE), args.join(" ")).toMatchObject({ status: 0, stdout: "", stderr: "" });
    }
    const warned = GOOD_MESSAGE.replace(/\n$/, `\n${"and more words ".repeat(8)}\n`);
    expect(quietly(["-q", "-F", "-"], warned)).toMatchObject({ status: 0, stdout: "", stderr: "" });
    repo.git(["config", "alias.ci", "commit"]);
    expect(repo.git(["ci", "-q", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE })).toMatchObject({ status: 0, stdout: "", stderr: "" });
    // Without -q, or with --no-quiet after it, the score line as before.
    expect(quietly(["-F", "-"], GOOD_MESSAGE).stderr).toMatch(/PASS/);
    expect(quietly(["-q", "--no-quiet", "-F", "-"], GOOD_MESSAGE).stderr).toMatch(/PASS/);
    const bad = quietly(["-q", "-m", "Fix stuff"]);
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/FAIL \(errors?: summary-vague/);
    expect(bad.stderr).toMatch(/Your message is saved in .*edit and retry with: git commit --allow-empty -q -e -F /s);
    // Without /proc the words ps joins are no exact command line: the score line is printed.
    expect(repo.git(["commit", "-q", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE, env: { RATIONALE_TEST_PS: "1" } }).stderr).toMatch(/PASS/);
    // git merge -q is not git commit -q: docs/hooks.md says its hook still prints the score line.
    repo.git(["checkout", "-q", "-b", "side"]);
    expect(quietly(["-q", "-F", "-"], GOOD_MESSAGE).status).toBe(0);
    repo.git(["checkout", "-q", "-"]);
    expect(repo.git(["merge", "-q", "--no-ff", "-m", GOOD_MESSAGE, "side"]).stderr).toMatch(/MERGE_MSG .*PASS/);
  });

  it("without /proc (macOS, the BSDs) reads ps: repeats -a, --allow-empty and --amend, never a path or a word of the message", () => {
    const repo = repoWithHook();
    repo.write("a.txt", "1\n");
    repo.git(["add", "a.txt"]);
    repo.git(["commit", "-F", "-"], { input: GOOD_MESSAGE });
    repo.write("a.txt", "2\n");
    // RATIONALE_TEST_PS=1 makes the hook skip /proc, as it must where there is none.
    const ps = { RATIONALE_TEST_PS: "1" };
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    const retryOf = (args: string[]) => {
      const rejected = repo.git(["commit", ...args], { env: ps, check: false });
      expect(rejected.status).not.toBe(0);
      return rejected.stdout + rejected.stderr;
    };
    expect(retryOf(["--amend", "-a", "-m", "Fix bug"])).toContain(`edit and retry with: git commit --amend -a -e -F ${copy}\n`);
    // ps joins the arguments with spaces: a path (which may hold spaces) is not repeated, and
    // neither are the message's own words that look like options.
    expect(retryOf(["-m", "Fix bug", "a.txt"])).toContain(`edit and retry with: git commit -e -F ${copy}\n`);
    expect(retryOf(["--allow-empty", "-m", "Support -a and --amend"])).toContain(`edit and retry with: git commit --allow-empty -e -F ${copy}\n`);
    // The printed retry of `git commit -a` commits the change, where a plain retry finds nothing staged.
    const output = retryOf(["-a", "-m", "Fix bug"]);
    expect(output).toContain(`edit and retry with: git commit -a -e -F ${copy}\n`);
    writeFileSync(copy, GOOD_MESSAGE.replace("\n", " again\n"));
    expect(retryAsPrinted(repo, output).status).toBe(0);
    expect(repo.git(["diff", "--name-only", "HEAD~1", "HEAD"]).stdout).toBe("a.txt\n");
  });

  it("without /proc, git -C DIR commit run from elsewhere: the retry names the work tree with -C, right from there", () => {
    const repo = repoWithHook();
    repo.write("sub/a.txt", "1\n");
    repo.git(["add", "sub/a.txt"]);
    repo.git(["commit", "-F", "-"], { input: GOOD_MESSAGE });
    repo.write("sub/a.txt", "2\n");
    // ps shows `git -C ../repo/sub commit -a -m Fix bug`: its words cannot be repeated as
    // given (a directory may hold spaces), so the retry names the top of the work tree.
    const elsewhere = tempDir("rationale-elsewhere-");
    const env = cleanEnv(repo.home, { RATIONALE_TEST_PS: "1" });
    const relative = join("..", basename(dirname(repo.dir)), "repo", "sub");
    const rejected = spawnSync("git", ["-C", relative, "commit", "-a", "-m", "Fix bug"], { cwd: elsewhere, env, encoding: "utf8" });
    expect(rejected.status).not.toBe(0);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    expect(rejected.stdout + rejected.stderr).toContain(`edit and retry with: git -C ${repo.dir} commit -a -e -F ${copy}\n`);
    // Pasted where the user is, it commits the change in that repository.
    writeFileSync(copy, GOOD_MESSAGE.replace("\n", " again\n"));
    const command = /edit and retry with: (.+)$/m.exec(rejected.stdout + rejected.stderr)![1];
    expect(spawnSync("sh", ["-c", command], { cwd: elsewhere, env: cleanEnv(repo.home, { GIT_EDITOR: "true" }) }).status).toBe(0);
    expect(repo.git(["diff", "--name-only", "HEAD~1", "HEAD"]).stdout).toBe("sub/a.txt\n");
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it("git commit --fixup=amend PATH, amend being a branch: a plain fixup, whose retry repeats the path", () => {
    const repo = repoWithHook();
    repo.write("a.txt", "1\n");
    repo.git(["add", "a.txt"]);
    repo.git(["commit", "-F", "-"], { input: GOOD_MESSAGE });
    repo.git(["branch", "amend"]);
    repo.write("a.txt", "2\n");
    // A fixup! commit is not judged; a broken config still stops it, with the retry printed.
    repo.write("rationale.config.json", '{ "threshold": 50\n');
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    // git's argv is the same as for --fixup=amend:a.txt with its colon cut; git's "fixup! " tells.
    const stopped = repo.git(["commit", "--fixup=amend", "a.txt"], { check: false });
    expect(stopped.status).not.toBe(0);
    expect(stopped.stderr).toContain(`fix the config and retry with: git commit -e -F ${copy} -- a.txt\n`);
    rmSync(join(repo.dir, "rationale.config.json"));
    const command = /fix the config and retry with: (.+)$/m.exec(stopped.stderr)![1];
    expect(spawnSync("sh", ["-c", command], { cwd: repo.dir, env: cleanEnv(repo.home, { GIT_EDITOR: "true" }) }).status).toBe(0);
    expect(lastMessage(repo)).toBe(`fixup! ${GOOD_MESSAGE.split("\n")[0]}\n\n`);
    expect(repo.git(["diff", "--name-only", "HEAD~1", "HEAD"]).stdout).toBe("a.txt\n");
  });

  it("a rejected pick of git cherry-pick A..B or git revert A..B: the retry commits it, then the sequence continues", () => {
    const repo = repoWithHook();
    const ada = { GIT_AUTHOR_NAME: "Ada Lovelace", GIT_AUTHOR_EMAIL: "ada@example.com" };
    repo.write("a.txt", "0\n");
    repo.git(["add", "a.txt"]);
    repo.git(["commit", "-q", "--no-verify", "-m", "Base"]);
    repo.git(["checkout", "-q", "-b", "side"]);
    // Three picks with messages the hook rejects; the first and the last conflict with main.
    repo.write("a.txt", "1\n");
    repo.git(["commit", "-q", "-a", "--no-verify", "-m", "Fix bug"], { env: ada });
    repo.write("b.txt", "x\n");
    repo.git(["add", "b.txt"]);
    repo.git(["commit", "-q", "--no-verify", "-m", "Add b"], { env: ada });
    repo.write("a.txt", "2\n");
    repo.git(["commit", "-q", "-a", "--no-verify", "-m", "Fix bug again"], { env: ada });
    repo.git(["checkout", "-q", "main"]);
    repo.write("a.txt", "9\n");
    repo.git(["commit", "-q", "-a", "--no-verify", "-m", "Main work"]);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    const retryThen = (output: string, then: string) => {
      const command = new RegExp(`edit and retry with: (.+), then: ${then}$`, "m").exec(output)![1];
      return spawnSync("sh", ["-c", command], { cwd: repo.dir, env: cleanEnv(repo.home, { GIT_EDITOR: "true" }), encoding: "utf8" });
    };

    expect(repo.git(["cherry-pick", "main..side"], { check: false }).status).not.toBe(0);
    repo.write("a.txt", "5\n");
    repo.git(["add", "a.txt"]);
    // Clean picks commit without the hook; a pick concluded after a conflict runs it.
    const first = repo.git(["cherry-pick", "--continue"], { env: { GIT_EDITOR: "true" }, check: false });
    expect(first.status).not.toBe(0);
    expect(first.stdout + first.stderr).toContain(`edit and retry with: git commit -e -F ${copy}, then: git cherry-pick --continue\n`);
    writeFileSync(copy, GOOD_MESSAGE);
    expect(retryThen(first.stdout + first.stderr, "git cherry-pick --continue").status).toBe(0);
    expect(repo.git(["log", "-1", "--format=%an"]).stdout).toBe("Ada Lovelace\n");
    // The last pick conflicts too: the retry's commit ends the sequence, so nothing follows it.
    expect(repo.git(["cherry-pick", "--continue"], { env: { GIT_EDITOR: "true" }, check: false }).status).not.toBe(0);
    repo.write("a.txt", "2\n");
    repo.git(["add", "a.txt"]);
    const last = repo.git(["cherry-pick", "--continue"], { env: { GIT_EDITOR: "true" }, check: false });
    expect(last.stdout + last.stderr).toContain(`edit and retry with: git commit -e -F ${copy}\n`);
    writeFileSync(copy, GOOD_MESSAGE.replace("\n", " again\n"));
    expect(retryAsPrinted(repo, last.stdout + last.stderr).status).toBe(0);
    expect(repo.git(["log", "--format=%s", "main~4..main"]).stdout).toBe(`${GOOD_MESSAGE.split("\n")[0]} again\nAdd b\n${GOOD_MESSAGE.split("\n")[0]}\nMain work\n`);
    expect(repo.git(["status"]).stdout).not.toContain("in progress");

    // git revert A..B: the first revert conflicts, a second one waits.
    repo.write("a.txt", "3\n");
    repo.git(["commit", "-q", "-a", "--no-verify", "-m", "More work"]);
    expect(repo.git(["revert", "HEAD~3..HEAD~1"], { env: { GIT_EDITOR: "true" }, check: false }).status).not.toBe(0);
    repo.write("a.txt", "1\n");
    repo.git(["add", "a.txt"]);
    const revert = repo.git(["revert", "--continue"], { env: { GIT_EDITOR: "true" }, check: false });
    expect(revert.status).not.toBe(0);
    expect(revert.stdout + revert.stderr).toContain("revert-default-text");
    expect(revert.stdout + revert.stderr).toContain(`edit and retry with: git commit -e -F ${copy}, then: git revert --continue\n`);
    writeFileSync(copy, `Revert the second retry of a.txt\n\n${GOOD_MESSAGE.split("\n\n").slice(1).join("\n\n")}`);
    expect(retryThen(revert.stdout + revert.stderr, "git revert --continue").status).toBe(0);
    expect(repo.git(["revert", "--continue"], { env: { GIT_EDITOR: "true" } }).status).toBe(0);
    expect(repo.git(["log", "--format=%s", "-2"]).stdout).toBe('Revert "Add b"\nRevert the second retry of a.txt\n');
  });

  it("a merge in the user's own words is judged as a merge (git keeps MERGE_HEAD while it is concluded)", () => {
    const repo = repoWithHook();
    repo.git(["checkout", "-q", "-b", "side"]);
    repo.git(["commit", "--allow-empty", "--no-verify", "-m", "Side work"]);
    repo.git(["checkout", "-q", "main"]);
    repo.git(["commit", "--allow-empty", "--no-verify", "-m", "Main work"]);
    const merged = repo.git(["merge", "--no-ff", "-m", "Merge the side work for the export job", "side"], { check: false });
    expect(merged.stdout + merged.stderr).not.toContain("commit rejected");
    expect(merged.status).toBe(0);
    expect(repo.git(["rev-list", "--parents", "-1", "HEAD"]).stdout.trim().split(" ")).toHaveLength(3);
  });

  it("commit.cleanup=scissors, whitespace or verbatim: lines starting with # in the editor are kept, as git keeps them", () => {
    for (const mode of ["scissors", "whitespace", "verbatim"]) {
      const repo = repoWithHook();
      repo.git(["config", "commit.cleanup", mode]);
      // The "#" line is the whole body: judged without it, the message has none and is rejected.
      const message = "Recompute the pager height on SIGWINCH\n\n#1234: resizing hid the last lines because the pager cached the height.\n";
      const file = repo.write(`../${mode}.msg`, message);
      const editor = writeScript(join(repo.dir, "..", `${mode}.sh`), `cp "${file}" "$1"`);
      const run = repo.git(["commit", "--allow-empty"], { env: { GIT_EDITOR: editor }, check: false });
      expect(run.stdout + run.stderr).not.toContain("commit rejected");
      expect(run.stdout + run.stderr).toMatch(/^\.git\/COMMIT_EDITMSG {2}score \d+\/100 \(summary 25\/25 · why 35\/35 · .*\) {2}PASS$/m);
      expect(run.status).toBe(0);
      expect(lastMessage(repo)).toContain("#1234: resizing");
    }
  });

  it("commit.template with '## Why' hints: the hints git drops are the template's, not lost text", () => {
    const template = "\n## Why\n# What problem does this solve?\n\n## What\n";
    // The writer fills in the template in the editor and leaves its hints where they were.
    const filled = `Retry webhook delivery when the receiver times out

## Why
Receivers behind a slow proxy time out on the first attempt, and the
delivery was dropped for good, so customers missed events.
# What problem does this solve?

## What
Retry up to three times with a doubling delay before giving up.
`;
    const run = (withTemplate: boolean) => {
      const repo = repoWithHook();
      if (withTemplate) {
        repo.write(".gitmessage", template);
        repo.git(["config", "commit.template", ".gitmessage"]);
      }
      const file = repo.write("../filled.msg", filled);
      const editor = writeScript(join(repo.dir, "..", "fill.sh"), `{ cat "${file}"; grep '^# ' "$1"; } > "$1.new" && mv "$1.new" "$1"`);
      const result = repo.git(["commit", "--allow-empty"], { env: { GIT_EDITOR: editor }, check: false });
      expect(result.status).toBe(0);
      expect(lastMessage(repo)).not.toContain("## Why");
      return result.stdout + result.stderr;
    };
    expect(run(true)).not.toContain("comment-lines-dropped");
    // Without the template the same headings are the writer's own, and git drops them.
    expect(run(false)).toMatch(/comment-lines-dropped[\s\S]*comment-lines-dropped/);
  });

  it("a broken config stops the commit with its position, where the message is, and how to skip the check", () => {
    const repo = repoWithHook();
    repo.write(".rationalerc.json", '{ "threshold": 50, }');
    const run = repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE, check: false });
    expect(run.status).not.toBe(0);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    expect(run.stderr).toMatch(/^rationale: \S+\.rationalerc\.json:1:\d+: invalid JSON/m);
    expect(run.stderr).toContain(
      `  commit stopped; your message is saved in ${copy}: fix the config and retry with: git commit --allow-empty -e -F ${copy}\n` +
        "  or skip the check once with git commit --no-verify\n",
    );
    expect(readFileSync(copy, "utf8")).toBe(GOOD_MESSAGE);
  });

  /** A commit of GOOD_MESSAGE saved as UTF-16 stopped, kept as UTF-8 with the retry, and the retry commits it. */
  function expectKeptAsUtf8(repo: TempRepo, run: { status: number | null; stderr: string }): void {
    expect(run.status).not.toBe(0);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    expect(run.stderr).toBe(
      "rationale: .git/COMMIT_EDITMSG is UTF-16, not UTF-8 (Windows PowerShell 5 writes UTF-16 with > or Out-File); save the message as UTF-8\n" +
        `  commit stopped; your message is saved as UTF-8 in ${copy}: retry with: git commit --allow-empty -e -F ${copy}\n`,
    );
    expect(readFileSync(copy, "utf8")).toBe(GOOD_MESSAGE);
    const retry = repo.git(["commit", "--allow-empty", "-e", "-F", copy], { env: { GIT_EDITOR: "true" }, check: false });
    expect(retry.status).toBe(0);
    expect(lastMessage(repo)).toBe(GOOD_MESSAGE + "\n");
  }

  it("a message the editor saved as UTF-16 stops the commit and is kept as UTF-8, ready for the retry", () => {
    const repo = repoWithHook();
    // An earlier rejection's copy, which the stopped commit must replace rather than leave to mislead.
    repo.write(".git/RATIONALE_EDITMSG", "Fix bug\n");
    const utf16 = repo.write("../utf16.msg", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD_MESSAGE, "utf16le")]));
    const editor = writeScript(join(repo.dir, "..", "utf16.sh"), `cp "${utf16}" "$1"`);
    const run = repo.git(["commit", "--allow-empty"], { env: { GIT_EDITOR: editor }, check: false });
    expectKeptAsUtf8(repo, run);
  });

  it("a UTF-16 file given with -F, to which git adds a newline byte, is kept as UTF-8 with the retry", () => {
    const repo = repoWithHook();
    // git's whitespace cleanup of a -F message appends "\n" to the UTF-16 text: an odd byte count.
    const utf16 = repo.write("../utf16-f.msg", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD_MESSAGE, "utf16le")]));
    const run = repo.git(["commit", "--allow-empty", "-F", utf16], { check: false });
    expectKeptAsUtf8(repo, run);
  });

  it("a UTF-16 message from git's editor is kept without git's instructions below it, as a rejected one is", () => {
    const repo = repoWithHook();
    const text = repo.write("../utf16-text.msg", GOOD_MESSAGE);
    // The editor leaves git's block under the text, and saves the whole file as UTF-16.
    const editor = writeScript(
      join(repo.dir, "..", "utf16-editor.sh"),
      `{ cat "${text}"; cat "$1"; } > "$1.u8" && node -e 'const fs = require("fs"); const f = process.argv[1]; fs.writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(f + ".u8", "utf8"), "utf16le")]))' "$1"`,
    );
    const run = repo.git(["commit", "--allow-empty"], { env: { GIT_EDITOR: editor }, check: false });
    expect(run.status).not.toBe(0);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    expect(run.stderr).toContain(`your message is saved as UTF-8 in ${copy}: retry with: git commit --allow-empty -e -F ${copy}\n`);
    expect(readFileSync(copy, "utf8")).toBe(GOOD_MESSAGE);
  });

  it("a UTF-16 message of git's template alone (the editor closed on it) keeps the copy of an earlier rejection", () => {
    const repo = repoWithHook();
    const earlier = repo.write(".git/RATIONALE_EDITMSG", "Fix bug\n\nThe earlier rejected text.\n");
    const editor = writeScript(
      join(repo.dir, "..", "utf16-only.sh"),
      `node -e 'const fs = require("fs"); const f = process.argv[1]; fs.writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(f, "utf8"), "utf16le")]))' "$1"`,
    );
    const run = repo.git(["commit", "--allow-empty"], { env: { GIT_EDITOR: editor }, check: false });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("rationale: .git/COMMIT_EDITMSG is UTF-16, not UTF-8");
    expect(run.stderr).toContain("commit stopped; the message has no text but comment lines, so it was not kept");
    expect(run.stderr).not.toContain("retry with");
    expect(readFileSync(earlier, "utf8")).toBe("Fix bug\n\nThe earlier rejected text.\n");
  });

  it("a broken config with a UTF-16 message: the config first, then the message kept without git's block and the retry", () => {
    const repo = repoWithHook();
    repo.write(".rationalerc.json", '{ "threshold": 50, }');
    const earlier = repo.write(".git/RATIONALE_EDITMSG", "Fix bug\n\nThe earlier rejected text.\n");
    const text = repo.write("../utf16-text.msg", GOOD_MESSAGE);
    const toUtf16 = `node -e 'const fs = require("fs"); const f = process.argv[1]; fs.writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(f + ".u8", "utf8"), "utf16le")]))' "$1"`;
    const written = writeScript(join(repo.dir, "..", "utf16-editor.sh"), `{ cat "${text}"; cat "$1"; } > "$1.u8" && ${toUtf16}`);
    const run = repo.git(["commit", "--allow-empty"], { env: { GIT_EDITOR: written }, check: false });
    expect(run.status).not.toBe(0);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    expect(run.stderr).toMatch(/^rationale: \S+\.rationalerc\.json:1:\d+: invalid JSON/);
    expect(run.stderr).toContain(
      "  .git/COMMIT_EDITMSG is UTF-16, not UTF-8 (Windows PowerShell 5 writes UTF-16 with > or Out-File); save the message as UTF-8\n" +
        `  commit stopped; your message is saved as UTF-8 in ${copy}: fix the config and retry with: git commit --allow-empty -e -F ${copy}\n` +
        "  or skip the check once with git commit --no-verify\n",
    );
    expect(readFileSync(copy, "utf8")).toBe(GOOD_MESSAGE);

    // Only git's template, saved as UTF-16: the config, the encoding, and no copy or retry.
    writeFileSync(copy, "Fix bug\n\nThe earlier rejected text.\n");
    const closed = writeScript(join(repo.dir, "..", "utf16-only.sh"), `cp "$1" "$1.u8" && ${toUtf16}`);
    const aborted = repo.git(["commit", "--allow-empty"], { env: { GIT_EDITOR: closed }, check: false });
    expect(aborted.status).not.toBe(0);
    expect(aborted.stderr).toMatch(/^rationale: \S+\.rationalerc\.json:1:\d+: invalid JSON/);
    expect(aborted.stderr).toContain(
      "  .git/COMMIT_EDITMSG is UTF-16, not UTF-8 (Windows PowerShell 5 writes UTF-16 with > or Out-File); save the message as UTF-8\n" +
        "  commit stopped; the message has no text but comment lines, so it was not kept: fix the config, write the message, save it as UTF-8, and commit again\n",
    );
    expect(aborted.stderr).not.toContain("retry with");
    expect(readFileSync(earlier, "utf8")).toBe("Fix bug\n\nThe earlier rejected text.\n");
  });

  it("a message with a NUL byte stops the commit and is kept byte for byte", () => {
    const repo = repoWithHook();
    const bytes = Buffer.from(`Retry the upload when the node times out\0\n\nUsers lost work.\n`);
    const binary = repo.write("../nul.msg", bytes);
    const run = repo.git(["commit", "--allow-empty", "-F", binary], { check: false });
    expect(run.status).not.toBe(0);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    expect(run.stderr).toBe(
      "rationale: .git/COMMIT_EDITMSG looks binary: NUL byte at byte offset 40 (line 1); a commit message must be text\n" +
        `  commit stopped; your message is saved in ${copy}: remove the NUL byte and retry with: git commit --allow-empty -e -F ${copy}\n`,
    );
    expect(readFileSync(copy)).toEqual(bytes);
  });

  it("a broken config with a NUL-byte message says to fix both, the config first", () => {
    const repo = repoWithHook();
    repo.write(".rationalerc.json", '{ "threshold": 50, }');
    const bytes = Buffer.from(`Retry the upload when the node times out\0\n\nUsers lost work.\n`);
    const binary = repo.write("../nul.msg", bytes);
    const run = repo.git(["commit", "--allow-empty", "-F", binary], { check: false });
    expect(run.status).not.toBe(0);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    expect(run.stderr).toMatch(/^rationale: \S+\.rationalerc\.json:1:\d+: invalid JSON/);
    expect(run.stderr).toContain(`  commit stopped; your message is saved in ${copy}: fix the config, remove the NUL byte and retry with: git commit --allow-empty -e -F ${copy}\n`);
    expect(readFileSync(copy)).toEqual(bytes);
  });

  it("a broken config gives the same retry as a rejection: amend, -a, quoted path, rebase --continue", () => {
    // A work tree whose path needs quoting for the shell.
    const base = makeRepo();
    const dir = join(base.dir, "..", "my proj ü – O'Brien");
    base.git(["clone", "-q", base.dir, dir]);
    const repo: TempRepo = { ...base, dir, git: (args, options = {}) => base.git(["-C", dir, ...args], options) };
    repo.git(["config", "user.name", "Test Author"]);
    repo.git(["config", "user.email", "author@example.com"]);
    rationaleShim(join(dir, "node_modules/.bin"));
    expect(runCli(["init"], { cwd: dir, home: repo.home }).status).toBe(0);
    writeFileSync(join(dir, "a.txt"), "1\n");
    repo.git(["add", "a.txt"]);
    repo.git(["commit", "-F", "-"], { input: GOOD_MESSAGE });
    const before = commitCount(repo);

    writeFileSync(join(dir, ".rationalerc.json"), '{ "threshold": 50, }');
    writeFileSync(join(dir, "a.txt"), "2\n");
    const stopped = repo.git(["commit", "-qa", "--amend", "-F", "-"], { input: GOOD_MESSAGE.replace("\n", " again\n"), check: false });
    expect(stopped.status).not.toBe(0);
    const copy = join(dir, ".git/RATIONALE_EDITMSG");
    const quoted = (path: string) => `'${path.replace("'", "'\\''")}'`;
    expect(stopped.stderr).toContain(`fix the config and retry with: git -C ${quoted(dir)} commit --amend -qa -e -F ${quoted(copy)}\n`);
    rmSync(join(dir, ".rationalerc.json"));
    const command = /retry with: (.+)$/m.exec(stopped.stderr)![1];
    const retried = spawnSync("sh", ["-c", command], { cwd: join(dir, ".."), env: cleanEnv(repo.home, { GIT_EDITOR: "true" }), encoding: "utf8" });
    // The retry repeats -q, under which the hook says nothing of a message that passes.
    expect(retried).toMatchObject({ status: 0, stdout: "", stderr: "" });
    expect(commitCount(repo)).toBe(before);
    expect(repo.git(["show", "--format=%s", "--name-only", "HEAD"]).stdout).toBe(`${GOOD_MESSAGE.split("\n")[0]} again\n\na.txt\n`);

    // A reword in git rebase -i: the retry amends, then the rebase continues.
    writeFileSync(join(dir, ".rationalerc.json"), '{ "threshold": 50, }');
    const rebase = repo.git(["rebase", "-i", "HEAD~1"], { env: { GIT_SEQUENCE_EDITOR: "sed -i 1s/^pick/reword/", GIT_EDITOR: "true" }, check: false });
    expect(rebase.status).not.toBe(0);
    expect(rebase.stderr).toContain(`fix the config and retry with: git commit --amend -e -F ${quoted(copy)}, then: git rebase --continue\n`);
    repo.git(["rebase", "--abort"]);
  });

  it("GIT_EDITOR=: set by the user for an amend: git's template lines are still comments", () => {
    const repo = repoWithHook();
    repo.git(["commit", "--allow-empty", "--no-verify", "-m", "Add retry to uploader"]);
    // git writes its template (and strips it) although the "editor" does nothing.
    const amended = repo.git(["commit", "--amend", "--allow-empty"], { env: { GIT_EDITOR: ":" }, check: false });
    expect(amended.status).not.toBe(0);
    expect(amended.stdout + amended.stderr).toContain("body-required");
  });

  // git speaking German (its translations ship with Debian's git; LANGUAGE works under C.UTF-8).
  const german = { LANGUAGE: "de", LANG: "C.UTF-8", LC_ALL: "" };
  const gitSpeaksGerman = (() => {
    const probe = makeRepo();
    return /Auf Branch|Initialer Commit/.test(probe.git(["status"], { env: german, check: false }).stdout);
  })();
  if (!gitSpeaksGerman) console.warn("SKIPPED: git has no German translation here; the localized-template tests do not run");

  it("git commit -m ending in a few '#' lines of its own: they are kept, as git keeps them", () => {
    const repo = repoWithHook();
    const message = "Add retry to the uploader\n\n#\n# Uploads failed on flaky networks because nothing retried them,\n# so retry three times with backoff (#42).";
    const run = repo.git(["commit", "--allow-empty", "-m", message], { check: false });
    expect(run.stdout + run.stderr).not.toContain("commit rejected");
    expect(run.status).toBe(0);
    expect(lastMessage(repo).trimEnd()).toBe(message);
  });

  it("an editor closed on comment lines alone (a template's hints, git's German) leaves the earlier copy", () => {
    const repo = repoWithHook();
    const summary = "Retry webhook delivery when the receiver times out";
    expect(repo.git(["commit", "--allow-empty", "-m", summary], { check: false }).status).not.toBe(0);
    const editMsg = join(repo.dir, ".git/RATIONALE_EDITMSG");
    const template = repo.write("../hints.txt", "# Why?\n# What?\n");

    // Each aborts the commit: git's cleanup leaves no text, whatever the comment lines say.
    const aborts: { args: string[]; env?: Record<string, string>; config?: [string, string] }[] = [
      { args: [], config: ["commit.template", template] },
      { args: ["-t", template] },
      { args: ["-v"], config: ["commit.template", template] },
      ...(gitSpeaksGerman ? [{ args: [], env: german }] : []),
    ];
    for (const { args, env, config } of aborts) {
      if (config) repo.git(["config", ...config]);
      const aborted = repo.git(["commit", "--allow-empty", ...args], { env: { ...env, GIT_EDITOR: "true" }, check: false });
      if (config) repo.git(["config", "--unset", config[0]]);
      expect(aborted.status).not.toBe(0);
      expect(aborted.stderr).toContain("rationale: commit rejected (the message is empty).");
      expect(aborted.stderr).not.toContain("saved in");
      expect(readFileSync(editMsg, "utf8")).toBe(`${summary}\n`);
    }
    if (gitSpeaksGerman) expect(readFileSync(join(repo.dir, ".git/COMMIT_EDITMSG"), "utf8")).toContain("Commit-Beschreibung");
    // A broken config stops the commit before the message is judged: still no copy of nothing.
    repo.write("rationale.config.json", '{ "threshold": "high" }\n');
    const stopped = repo.git(["commit", "--allow-empty", "-t", template], { env: { GIT_EDITOR: "true" }, check: false });
    expect(stopped.status).not.toBe(0);
    expect(stopped.stderr).toContain("commit stopped: fix the config and commit again");
    expect(readFileSync(editMsg, "utf8")).toBe(`${summary}\n`);
    rmSync(join(repo.dir, "rationale.config.json"));

    // With commit.cleanup=verbatim git keeps the same lines, so they are a message, and saved.
    repo.git(["config", "commit.template", template]);
    repo.git(["config", "commit.cleanup", "verbatim"]);
    const kept = repo.git(["commit", "--allow-empty"], { env: { GIT_EDITOR: "true" }, check: false });
    expect(kept.status).not.toBe(0);
    expect(kept.stderr).not.toContain("the message is empty");
    expect(kept.stderr).toContain(`saved in ${editMsg}`);
    expect(readFileSync(editMsg, "utf8")).toContain("# Why?\n# What?\n");
  });

  it.skipIf(!gitSpeaksGerman)("core.commentChar=auto with a git that speaks German: follows the char git picked", () => {
    const repo = repoWithHook();
    repo.git(["config", "core.commentChar", "auto"]);
    // Records what the hook judged: the lint JSON of the file git hands it.
    const judged = join(repo.dir, "..", "judged.json");
    writeFileSync(join(repo.dir, ".git/hooks/commit-msg"), `#!/bin/sh\nnode "${cli}" lint --edit "$1" --format json > "${judged}"\n`);
    const messageFile = repo.write("../auto-de.msg", HASH_SUMMARY_MESSAGE);
    const run = repo.git(["commit", "--allow-empty", "-e", "-F", messageFile], { env: { ...german, GIT_EDITOR: "true" } });
    expect(run.status).toBe(0);
    const result = JSON.parse(readFileSync(judged, "utf8")) as { results: { findings: { ruleId: string; line: number }[]; score: number }[] };
    // Only the message was judged, not git's German template below it: the same result as the
    // message alone (whose "#" lines are text, hence another comment char here).
    const alone = JSON.parse(runCli(["lint", messageFile, "--comment-char", ";", "--format", "json"], { cwd: repo.dir, home: repo.home }).stdout) as typeof result;
    expect(result.results[0].score).toBe(alone.results[0].score);
    expect(result.results[0].findings).toEqual(alone.results[0].findings);
    expect(readFileSync(judged, "utf8")).not.toContain("Commit-Beschreibung");
    expect(lastMessage(repo)).toBe(`${HASH_SUMMARY_MESSAGE}\n`);
  });

  it("git commit -m with commit.cleanup=strip: lines starting with # are comments, as git drops them", () => {
    const repo = repoWithHook();
    repo.git(["config", "commit.cleanup", "strip"]);
    const message = `Retry webhook delivery when the receiver times out\n\n#7 slow receivers lost order events after one timeout, so retry three times.`;
    const rejected = repo.git(["commit", "--allow-empty", "-m", message], { check: false });
    expect(rejected.status).not.toBe(0);
    expect(rejected.stdout + rejected.stderr).toContain("body-required");
    expect(rejected.stdout + rejected.stderr).toMatch(/edit and retry with: git commit --allow-empty -e -F \S+RATIONALE_EDITMSG$/m);
  });

  it("accepts a good message", () => {
    const repo = repoWithHook();
    const run = repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE });
    expect(run.status).toBe(0);
    expect(lastMessage(repo)).toBe(`${GOOD_MESSAGE}\n`);
  });

  it("git commit -v: ignores the diff below the scissors line", () => {
    const repo = repoWithHook();
    // Diff lines that would fail the body rules if they were read as the message.
    repo.write("data.txt", `${"x".repeat(200)}\nFixed bug.\n`);
    repo.git(["add", "data.txt"]);
    const good = repo.git(["commit", "-v"], { env: { GIT_EDITOR: prependingEditor(repo, "good", GOOD_MESSAGE) } });
    expect(good.status).toBe(0);
    expect(lastMessage(repo)).toBe(`${GOOD_MESSAGE}\n`);

    repo.write("data.txt", "changed\n");
    repo.git(["add", "data.txt"]);
    const bad = repo.git(["commit", "-v"], { env: { GIT_EDITOR: prependingEditor(repo, "bad", "Fix bug\n") }, check: false });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/edit and retry with: git commit -v -e -F \S+RATIONALE_EDITMSG$/m);
  });

  it("--cleanup=scissors without -v: git's cut line alone does not put -v in the retry", () => {
    const repo = repoWithHook();
    repo.write("data.txt", "changed\n");
    repo.git(["add", "data.txt"]);
    const bad = repo.git(["commit", "--cleanup=scissors"], { env: { GIT_EDITOR: prependingEditor(repo, "bad", "Fix bug\n") }, check: false });
    expect(bad.status).not.toBe(0);
    const output = bad.stdout + bad.stderr;
    // The editor's file had git's scissors line (the cleanup mode writes it) but no diff.
    expect(output).toMatch(/edit and retry with: git commit --cleanup=scissors -e -F \S+RATIONALE_EDITMSG$/m);
    expect(output).not.toMatch(/retry with: git commit[^\n]* -v /);
  });

  it("saves an editor's message without git's comment block and diff, so the retry shows them once", () => {
    const repo = repoWithHook();
    repo.write("data.txt", "changed\n");
    repo.git(["add", "data.txt"]);
    // The writer kept a template heading of their own above the text: that line stays.
    const draft = "Fix bug\n\n# Why\nThe parser dropped the last line.\n";
    const bad = repo.git(["commit", "-v"], { env: { GIT_EDITOR: prependingEditor(repo, "draft", draft) }, check: false });
    expect(bad.status).not.toBe(0);
    const output = bad.stdout + bad.stderr;
    const saved = /saved in (\S+);/.exec(output)![1];
    expect(readFileSync(saved, "utf8")).toBe(draft);

    // The retry as printed (with -v): the editor sees git's block and diff once, then the fix.
    const seen = join(repo.dir, "..", "seen.txt");
    const good = repo.write("../good.msg", GOOD_MESSAGE);
    const editor = writeScript(join(repo.dir, "..", "retry.sh"), `cp "$1" "${seen}"; cp "${good}" "$1"`);
    const retried = retryAsPrinted(repo, output, editor);
    expect(retried.status).toBe(0);
    const opened = readFileSync(seen, "utf8");
    expect(opened.startsWith(draft)).toBe(true);
    expect(opened.match(/^# Please enter the commit message/gm)).toHaveLength(1);
    expect(opened.match(/^# -{24} >8 -{24}$/gm)).toHaveLength(1);
    expect(opened.match(/^diff --git a\/data.txt/gm)).toHaveLength(1);
    expect(lastMessage(repo)).toBe(`${GOOD_MESSAGE}\n`);
  });

  it("saves the rejected message's bytes as they were, in any encoding, and whole when git keeps its comments", () => {
    const repo = repoWithHook();
    // Latin-1, as i18n.commitEncoding says: the "é" is one byte that is no UTF-8.
    repo.git(["config", "i18n.commitEncoding", "ISO-8859-1"]);
    const latin1 = join(repo.dir, "..", "latin1.msg");
    writeFileSync(latin1, Buffer.from("Fix caf\xe9 bug\n", "latin1"));
    const editor = writeScript(join(repo.dir, "..", "latin1.sh"), `{ cat "${latin1}"; cat "$1"; } > "$1.new" && mv "$1.new" "$1"`);
    const bad = repo.git(["commit", "--allow-empty"], { env: { GIT_EDITOR: editor }, check: false });
    expect(bad.status).not.toBe(0);
    const saved = /saved in (\S+);/.exec(bad.stdout + bad.stderr)![1];
    expect(readFileSync(saved)).toEqual(Buffer.from("Fix caf\xe9 bug\n", "latin1"));

    // --cleanup=verbatim, which a hook cannot see: git's instructions say "#" lines "will be
    // kept", so the file is saved whole, the writer's "#define" line with it.
    repo.git(["config", "--unset", "i18n.commitEncoding"]);
    const verbatim = repo.git(["commit", "--allow-empty", "--cleanup=verbatim"], { env: { GIT_EDITOR: prependingEditor(repo, "define", "Fix bug\n\n#define RETRIES is why\n") }, check: false });
    expect(verbatim.status).not.toBe(0);
    const whole = readFileSync(join(repo.dir, ".git/COMMIT_EDITMSG"), "utf8");
    expect(whole).toContain("will be kept");
    expect(readFileSync(join(repo.dir, ".git/RATIONALE_EDITMSG"), "utf8")).toBe(whole);
  });

  it("a config error stops the commit and saves the editor's message without git's block too", () => {
    const repo = repoWithHook();
    repo.write("rationale.config.json", '{ "threshold": "high" }\n');
    const run = repo.git(["commit", "--allow-empty"], { env: { GIT_EDITOR: prependingEditor(repo, "cfg", GOOD_MESSAGE) }, check: false });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("commit stopped; your message is saved in");
    expect(readFileSync(join(repo.dir, ".git/RATIONALE_EDITMSG"), "utf8")).toBe(GOOD_MESSAGE.endsWith("\n") ? GOOD_MESSAGE : `${GOOD_MESSAGE}\n`);
  });

  it("core.commentChar=';': strips ';' comments and keeps lines starting with '#'", () => {
    const repo = repoWithHook();
    repo.git(["config", "core.commentChar", ";"]);
    const run = repo.git(["commit", "--allow-empty"], { env: { GIT_EDITOR: prependingEditor(repo, "semi", HASH_SUMMARY_MESSAGE) } });
    expect(run.status).toBe(0);
    expect(lastMessage(repo)).toBe(`${HASH_SUMMARY_MESSAGE}\n`);
  });

  it("core.commentChar=auto: follows the char git picked when the message has lines starting with '#'", () => {
    const repo = repoWithHook();
    repo.git(["config", "core.commentChar", "auto"]);
    // git sees the "#" line and picks another comment char for its template; the hook must follow.
    const messageFile = repo.write("../auto.msg", HASH_SUMMARY_MESSAGE);
    const run = repo.git(["commit", "--allow-empty", "-e", "-F", messageFile], { env: { GIT_EDITOR: "true" } });
    expect(run.status).toBe(0);
    expect(lastMessage(repo)).toBe(`${HASH_SUMMARY_MESSAGE}\n`);

    // Rejected, the "#" line is the message's own: the saved copy keeps it and leaves out
    // git's template, written with the char git picked.
    const bad = repo.write("../auto-bad.msg", "Fix bug\n\n#12 has details\n");
    const rejected = repo.git(["commit", "--allow-empty", "-e", "-F", bad], { env: { GIT_EDITOR: "true" }, check: false });
    expect(rejected.status).not.toBe(0);
    expect(rejected.stdout + rejected.stderr).toMatch(/^1:1 +error .*summary-vague$/m);
    expect(readFileSync(join(repo.dir, ".git/RATIONALE_EDITMSG"), "utf8")).toBe("Fix bug\n\n#12 has details\n");
  });

  it("CRLF line endings: accepts a good message and rejects a bad one", () => {
    const repo = repoWithHook();
    const good = repo.git(["commit", "--allow-empty"], { env: { GIT_EDITOR: prependingEditor(repo, "crlf", GOOD_MESSAGE.replace(/\n/g, "\r\n")) } });
    expect(good.status).toBe(0);
    const bad = repo.git(["commit", "--allow-empty"], { env: { GIT_EDITOR: prependingEditor(repo, "crlf-bad", "Fixed bug.\r\n") }, check: false });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/^1:\d+ +error .*summary-vague$/m);
  });

  it("a merge with git's default text gets a merge-default-text finding", () => {
    const repo = repoWithHook();
    repo.git(["checkout", "-q", "-b", "pager-resize"]);
    repo.write("pager.txt", "resize\n");
    repo.git(["add", "pager.txt"]);
    repo.git(["commit", "-q", "-F", "-"], { input: GOOD_MESSAGE });
    repo.git(["checkout", "-q", "main"]);
    repo.write("other.txt", "other\n");
    repo.git(["add", "other.txt"]);
    repo.git(["commit", "-q", "-F", "-"], { input: GOOD_MESSAGE });

    const json = runCli(["lint", "-", "--format", "json"], { cwd: repo.dir, home: repo.home, input: "Merge branch 'pager-resize'\n" });
    const [result] = (JSON.parse(json.stdout) as { results: { kind: string; pass: boolean; findings: { ruleId: string }[] }[] }).results;
    expect(result.kind).toBe("merge");
    expect(result.findings.map((finding) => finding.ruleId)).toContain("merge-default-text");

    const merge = repo.git(["merge", "--no-ff", "--no-edit", "pager-resize"], { check: false });
    expect(merge.stdout + merge.stderr).toContain("merge-default-text");
    expect(merge.status === 0).toBe(result.pass);
  });

  it("a merge rejected under strict names its error, not its score, which never fails a merge", () => {
    const repo = repoWithHook();
    repo.write("rationale.config.json", JSON.stringify({ extends: "strict" }));
    repo.git(["checkout", "-q", "-b", "side"]);
    repo.git(["commit", "--allow-empty", "--no-verify", "-m", "Side work"]);
    repo.git(["checkout", "-q", "main"]);
    repo.git(["commit", "--allow-empty", "--no-verify", "-m", "Main work"]);
    const merge = repo.git(["merge", "--no-ff", "--no-edit", "side"], { check: false });
    expect(merge.status).not.toBe(0);
    const output = merge.stdout + merge.stderr;
    expect(output).toMatch(/score \d+\/100 .*FAIL \(error: merge-default-text\)/);
    expect(output).toContain("rationale: commit rejected (1 error). ");
    expect(output).not.toContain("is below 75");
  });

  it("concluding a merge or cherry-pick: the copy leaves out git's notice of it, so the retry shows it once", () => {
    const repo = repoWithHook();
    repo.write("rationale.config.json", JSON.stringify({ extends: "strict" }));
    repo.write("a.txt", "0\n");
    repo.git(["add", "a.txt"]);
    repo.git(["commit", "-q", "--no-verify", "-m", "Base"]);
    repo.git(["checkout", "-q", "-b", "side"]);
    repo.write("a.txt", "1\n");
    repo.git(["commit", "-q", "-a", "--no-verify", "-m", "Fix bug"]);
    repo.git(["checkout", "-q", "main"]);
    repo.write("a.txt", "9\n");
    repo.git(["commit", "-q", "-a", "--no-verify", "-m", "Main work"]);
    const seen = join(repo.dir, "..", "seen.txt");
    const recorder = writeScript(join(repo.dir, "..", "record.sh"), `cp "$1" "${seen}"; exit 1`);

    for (const [command, args] of [
      ["merge", []],
      ["cherry-pick", ["-v"]],
    ] as const) {
      expect(repo.git([command, "side"], { check: false }).status).not.toBe(0);
      repo.write("a.txt", "5\n");
      repo.git(["add", "a.txt"]);
      const rejected = repo.git(["commit", ...args], { env: { GIT_EDITOR: "true" }, check: false });
      expect(rejected.status).not.toBe(0);
      const saved = readFileSync(join(repo.dir, ".git/RATIONALE_EDITMSG"), "utf8");
      // git's Conflicts list came with the message it proposed, and stays.
      expect(saved).toMatch(/\n\n# Conflicts:\n#\ta\.txt\n$/);
      // The retry's editor (which aborts here) sees git's notice once.
      retryAsPrinted(repo, rejected.stdout + rejected.stderr, recorder);
      expect(readFileSync(seen, "utf8").match(new RegExp(`^# It looks like you may be committing a ${command}\\.$`, "gm"))).toHaveLength(1);
      repo.git([command, "--abort"]);
    }
  });

  it("a revert with git's default text gets a revert-default-text error; with a reason added it passes", () => {
    const repo = repoWithHook();
    repo.write("retry.txt", "retry three times\n");
    repo.git(["add", "retry.txt"]);
    repo.git(["commit", "-q", "-F", "-"], { input: GOOD_MESSAGE });
    const before = commitCount(repo);

    // `git revert` commits without running commit-msg; `--no-commit` then `git commit` goes through the hook.
    repo.git(["revert", "--no-commit", "HEAD"]);
    const plain = repo.git(["commit", "--no-edit"], { check: false });
    expect(plain.status).not.toBe(0);
    expect(plain.stdout + plain.stderr).toContain("revert-default-text");
    expect(commitCount(repo)).toBe(before);

    const reason =
      "\nThe retries doubled the load on the payment gateway during the outage\nlast night, because every timed-out delivery was sent again three times.\n";
    const explained = repo.git(["commit"], { env: { GIT_EDITOR: appendingEditor(repo, "reason", reason) } });
    expect(explained.status).toBe(0);
    expect(commitCount(repo)).toBe(before + 1);
    expect(lastMessage(repo)).toMatch(/^Revert "Retry webhook delivery when the receiver times out"\n\nThis reverts commit [0-9a-f]{40}\.\n/);
    expect(lastMessage(repo)).toContain("doubled the load");

    // A plain `git revert` (no hook involved) is caught when linting the commit afterwards.
    repo.git(["revert", "--no-edit", "HEAD"]);
    const lintRevert = runCli(["lint", "--commit", "HEAD"], { cwd: repo.dir, home: repo.home });
    expect(lintRevert.status).toBe(1);
    expect(lintRevert.stdout).toMatch(/^3:1 +error .* revert-default-text$/m);
  });
});

describe("release tools' own commits (npm version, git commit -m) through the installed hooks", () => {
  /** A package at 1.2.2 set up as the README says (`npm install -D rationale-cli && npx rationale init`), with or without --release. */
  function npmProject(release: boolean): TempRepo {
    const repo = makeRepo();
    rationaleShim(join(repo.dir, "node_modules/.bin"));
    repo.write(".gitignore", "node_modules\n");
    repo.write("package.json", `${JSON.stringify({ name: "demo-pkg", version: "1.2.2" }, null, 2)}\n`);
    repo.git(["add", "."]);
    repo.git(["commit", "-q", "--no-verify", "-m", "Add the package manifest"]);
    const init = runCli(["init", ...(release ? ["--release"] : [])], { cwd: repo.dir, home: repo.home });
    expect(init.status).toBe(0);
    return repo;
  }

  /** Runs a real `npm version patch`, which commits with `git commit -m <version>` and tags; npm's own settings from a surrounding `npm test` left out. */
  function npmVersionPatch(repo: TempRepo) {
    const npmSettings = Object.fromEntries(Object.keys(process.env).filter((key) => /^npm_/i.test(key)).map((key) => [key, undefined]));
    const env = cleanEnv(repo.home, { ...npmSettings, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" });
    return spawnSync("npm", ["version", "patch"], { cwd: repo.dir, env, encoding: "utf8" });
  }

  it("without --release, rejects npm version's bare \"1.2.3\" and says how to compose the body", () => {
    const repo = npmProject(false);
    const run = npmVersionPatch(repo);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("release-empty-body");
    expect(run.stderr).toContain("for tools that commit themselves, such as `npm version`, run `rationale init --release` once");
    expect(run.stderr).not.toContain("say why the change is needed");
    expect(commitCount(repo)).toBe(2);
  });

  it("with --release, a rejected bare summary says when the installed hook adds the body, not to install it", () => {
    const repo = npmProject(true);
    // The bump was committed on its own, so this commit stages none and the hook has nothing to describe.
    repo.write("package.json", `${JSON.stringify({ name: "demo-pkg", version: "1.2.3" }, null, 2)}\n`);
    repo.git(["commit", "-q", "--no-verify", "-am", "Set the version to 1.2.3"]);
    const run = repo.git(["commit", "--allow-empty", "-m", "1.2.3"], { check: false });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("release-empty-body");
    expect(run.stderr).not.toContain("init --release");
    expect(run.stderr).toContain(
      "). Fix what is listed above: name the released versions and changes in the body. The prepare-commit-msg hook is installed " +
        "and adds it under a release summary when the commit stages the version bump; a warning from it above, if any, says why it could not. " +
        "If the last commit made the bump, `git commit --amend -m 1.2.3` releases it with the body.\n",
    );
    // A hook of the user's own with the line added by hand, as `init` suggests for one, counts too.
    const hook = join(repo.dir, ".git/hooks/prepare-commit-msg");
    writeFileSync(hook, `#!/bin/sh\necho "my own checks" >/dev/null\n${readFileSync(hook, "utf8").split("\n").find((line) => line.includes("exec ./node_modules"))?.trim().replace(/^exec /, "")} || true\n`);
    const own = repo.git(["commit", "--allow-empty", "-m", "1.2.3"], { check: false });
    expect(own.stderr).toContain("The prepare-commit-msg hook is installed");
    // One that only prints the line, as a hint, runs nothing: the advice is to install it.
    writeFileSync(hook, '#!/bin/sh\necho "to pre-fill release commits, add: rationale release prepare-commit-msg \\"$1\\"" >&2\n');
    const hint = repo.git(["commit", "--allow-empty", "-m", "1.2.3"], { check: false });
    expect(hint.stderr).toContain("to pre-fill release commits, add: rationale release prepare-commit-msg \"");
    expect(hint.stderr).toContain("run `rationale init --release` once");
    rmSync(hook);
    expect(repo.git(["commit", "--allow-empty", "-m", "1.2.3"], { check: false }).stderr).toContain("run `rationale init --release` once");
    expect(commitCount(repo)).toBe(3);
  });

  it("with --release, the amend the rejection offers makes the bump commit the release, and is not offered to an amend", () => {
    const repo = npmProject(true);
    repo.write("package.json", `${JSON.stringify({ name: "demo-pkg", version: "1.2.3" }, null, 2)}\n`);
    repo.git(["commit", "-q", "--no-verify", "-am", "Set the version to 1.2.3"]);
    const rejected = repo.git(["commit", "--allow-empty", "-m", "1.2.3"], { check: false });
    expect(rejected.stderr).toContain("If the last commit made the bump, `git commit --amend -m 1.2.3` releases it with the body.");
    const amended = repo.git(["commit", "--amend", "-m", "1.2.3"], { check: false });
    expect(amended.status).toBe(0);
    expect(lastMessage(repo)).toBe("1.2.3\n\ndemo-pkg 1.2.2 -> 1.2.3\n\n");
    // The bump commit became the release commit: no commit was added.
    expect(commitCount(repo)).toBe(3);
    // An amend that bumps nothing against HEAD's parent has had the hook look there already.
    repo.git(["commit", "-q", "--no-verify", "--allow-empty", "-m", "Note the release in the log"]);
    const again = repo.git(["commit", "--amend", "--allow-empty", "-m", "1.2.4"], { check: false });
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain("The prepare-commit-msg hook is installed");
    expect(again.stderr).not.toContain("--amend -m");
  });

  it("with --release, npm version patch commits its summary with the versions, and the changelog section when there is one", () => {
    const repo = npmProject(true);
    const first = npmVersionPatch(repo);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(lastMessage(repo)).toBe("1.2.3\n\ndemo-pkg 1.2.2 -> 1.2.3\n\n");
    expect(repo.git(["tag", "--list"]).stdout).toBe("v1.2.3\n");
    // npm's "version" script runs after the bump and before the commit: where a changelog is written and staged.
    repo.write("add-section.cjs", 'const fs = require("fs");\nconst { version } = require("./package.json");\nfs.writeFileSync("CHANGELOG.md", `# Changelog\\n\\n## ${version} (2024-01-01)\\n\\n- keep the cursor on resize\\n`);\n');
    const manifest = JSON.parse(readFileSync(join(repo.dir, "package.json"), "utf8"));
    repo.write("package.json", `${JSON.stringify({ ...manifest, scripts: { version: "node add-section.cjs && git add CHANGELOG.md" } }, null, 2)}\n`);
    repo.git(["add", "."]);
    repo.git(["commit", "-q", "--no-verify", "-m", "Write the changelog section in npm's version script"]);
    const second = npmVersionPatch(repo);
    expect(second.status).toBe(0);
    expect(lastMessage(repo)).toBe("1.2.4\n\ndemo-pkg 1.2.3 -> 1.2.4 (2024-01-01)\n\n- keep the cursor on resize\n\n");
  });

  it("with the conventional preset, a rejected npm version commit says how to give npm a typed message, which then commits", () => {
    const repo = npmProject(true);
    repo.write(".rationalerc.yaml", "extends: [recommended, conventional]\n");
    repo.git(["add", ".rationalerc.yaml"]);
    repo.git(["commit", "-q", "--no-verify", "-m", "Check commit summaries against Conventional Commits"]);
    const bare = npmVersionPatch(repo);
    expect(bare.status).not.toBe(0);
    expect(bare.stderr).toContain("conventional-format");
    expect(bare.stderr).toContain(
      'A release summary needs a type too under conventional-format: `chore(release): 1.2.3`. `npm version` commits the bare version unless given a message: `npm version patch -m "chore(release): %s"`',
    );
    // Undo npm's staged bump, as docs/release.md says, and follow the advice.
    repo.git(["checkout", "HEAD", "--", "package.json"]);
    const npmSettings = Object.fromEntries(Object.keys(process.env).filter((key) => /^npm_/i.test(key)).map((key) => [key, undefined]));
    const typed = spawnSync("npm", ["version", "patch", "-m", "chore(release): %s"], { cwd: repo.dir, env: cleanEnv(repo.home, { ...npmSettings, npm_config_update_notifier: "false" }), encoding: "utf8" });
    expect(typed.stderr).toBe("");
    expect(typed.status).toBe(0);
    expect(lastMessage(repo)).toBe("chore(release): 1.2.3\n\ndemo-pkg 1.2.2 -> 1.2.3\n\n");
  });

  it("with --release, fills in the -m summaries other tools commit with, sign-off last, and leaves a message with a body alone", () => {
    const repo = npmProject(true);
    let version = 2;
    for (const summary of ["v1.2.3", "Release v1.2.4", "Bump version to 1.2.5", "chore: bump version to 1.2.6"]) {
      version += 1;
      repo.write("package.json", `${JSON.stringify({ name: "demo-pkg", version: `1.2.${version}` }, null, 2)}\n`);
      repo.git(["add", "package.json"]);
      const run = repo.git(["commit", "-q", "-s", "-m", summary], { check: false });
      expect(run.status, summary).toBe(0);
      expect(lastMessage(repo), summary).toBe(`${summary}\n\ndemo-pkg 1.2.${version - 1} -> 1.2.${version}\n\nSigned-off-by: Test Author <author@example.com>\n\n`);
    }
    repo.write("package.json", `${JSON.stringify({ name: "demo-pkg", version: "1.3.0" }, null, 2)}\n`);
    repo.git(["add", "package.json"]);
    const own = "Release 1.3.0\n\nThe 1.3 line ships the resize fix to the users of the 1.2 line.\n";
    expect(repo.git(["commit", "-q", "-F", "-"], { input: own, check: false }).status).toBe(0);
    expect(lastMessage(repo)).toBe(`${own}\n`);
  });
});

describe("this repository's own hook", () => {
  it(".husky/commit-msg lints with the repository's own dist/cli.js", () => {
    const repo = makeRepo();
    symlinkSync(join(root, "dist"), join(repo.dir, "dist"));
    mkdirSync(join(repo.dir, ".husky"));
    copyFileSync(join(root, ".husky/commit-msg"), join(repo.dir, ".husky/commit-msg"));
    expect(statSync(join(root, ".husky/commit-msg")).mode & 0o111).not.toBe(0);
    chmodSync(join(repo.dir, ".husky/commit-msg"), 0o755);
    repo.git(["config", "core.hooksPath", ".husky"]);
    const bad = repo.git(["commit", "--allow-empty", "-m", "Fix bug"], { check: false });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain("summary-vague");
    expect(repo.git(["commit", "--allow-empty", "-F", "-"], { input: GOOD_MESSAGE }).status).toBe(0);
  });
});

describe("scripts/install-own-hook.mjs (the prepare script)", () => {
  /** A git repository holding a copy of the script, like a clone of this package. */
  function checkout(): TempRepo {
    const repo = makeRepo();
    mkdirSync(join(repo.dir, "scripts"), { recursive: true });
    copyFileSync(join(root, "scripts/install-own-hook.mjs"), join(repo.dir, "scripts/install-own-hook.mjs"));
    return repo;
  }
  const run = (cwd: string, home: string, env: Record<string, string | undefined> = {}) =>
    spawnSync(process.execPath, ["scripts/install-own-hook.mjs"], { cwd, env: cleanEnv(home, env), encoding: "utf8" });
  const hooksPath = (repo: TempRepo) => repo.git(["config", "--get", "core.hooksPath"], { check: false }).stdout.trim();

  it("sets core.hooksPath to .husky in this package's own work tree", () => {
    const repo = checkout();
    const result = run(repo.dir, repo.home);
    expect(result.status).toBe(0);
    expect(hooksPath(repo)).toBe(".husky");
  });

  it("does nothing when CI is set", () => {
    const repo = checkout();
    expect(run(repo.dir, repo.home, { CI: "true" }).status).toBe(0);
    expect(hooksPath(repo)).toBe("");
  });

  it("does nothing when installed as a dependency inside another repository", () => {
    const repo = makeRepo();
    const pkg = join(repo.dir, "node_modules/rationale");
    mkdirSync(join(pkg, "scripts"), { recursive: true });
    copyFileSync(join(root, "scripts/install-own-hook.mjs"), join(pkg, "scripts/install-own-hook.mjs"));
    expect(run(pkg, repo.home).status).toBe(0);
    expect(hooksPath(repo)).toBe("");
  });

  it("does nothing outside a git work tree", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "scripts"));
    copyFileSync(join(root, "scripts/install-own-hook.mjs"), join(dir, "scripts/install-own-hook.mjs"));
    const result = run(dir, dir, { GIT_CEILING_DIRECTORIES: dirname(dir) });
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe("");
  });
});
