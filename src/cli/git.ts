// Small, fast git queries for the CLI: locate the git dir, read the comment char, read a commit.
// The lint hook runs on every commit, so these avoid spawning git where a file read will do.
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { UsageError } from "../types.js";

/** Where a repository keeps its files, found without running git. */
export interface GitLocation {
  /** The git dir of the current worktree (`.git`, or `.git/worktrees/NAME` for a linked worktree). */
  gitDir: string;
  /** The top of the working tree, or undefined when only GIT_DIR is known. */
  workTree?: string;
}

/**
 * Finds the git dir for `cwd` the way git does: `GIT_DIR` first, then the nearest `.git`
 * directory or `.git` file (`gitdir: PATH`, used by worktrees and submodules) walking up.
 * Returns null outside a repository.
 */
export function findGitDir(cwd: string, env: NodeJS.ProcessEnv = process.env): GitLocation | null {
  if (env.GIT_DIR) return { gitDir: resolve(cwd, env.GIT_DIR) };
  let dir = resolve(cwd);
  for (;;) {
    const dotGit = join(dir, ".git");
    const stat = statSync(dotGit, { throwIfNoEntry: false });
    if (stat?.isDirectory()) return { gitDir: dotGit, workTree: dir };
    if (stat?.isFile()) {
      const match = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, "utf8"));
      if (match) return { gitDir: resolve(dir, match[1]), workTree: dir };
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Runs git synchronously and returns its exit status and output; `status` is null when git could not start. */
function runGit(args: string[], cwd: string): { status: number | null; stdout: Buffer; stderr: string; missing: boolean } {
  const child = spawnSync("git", args, { cwd, maxBuffer: 1024 * 1024 * 1024, windowsHide: true });
  const missing = (child.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
  return { status: child.status, stdout: child.stdout ?? Buffer.alloc(0), stderr: child.stderr?.toString("utf8") ?? "", missing };
}

/**
 * Reads `core.commentChar` (and git 2.45's `core.commentString`, which wins when both are set)
 * from git's configuration for the repository at `cwd`. Undefined when unset or git is absent.
 */
export function readCommentChar(cwd: string): string | undefined {
  const { status, stdout } = runGit(["config", "--get-regexp", "^core\\.comment(char|string)$"], cwd);
  if (status !== 0) return undefined;
  let value: string | undefined;
  let fromString = false;
  for (const line of stdout.toString("utf8").split("\n")) {
    const match = /^core\.comment(char|string) (.*)$/i.exec(line);
    if (!match) continue;
    const isString = match[1].toLowerCase() === "string";
    if (isString || !fromString) value = match[2];
    fromString ||= isString;
  }
  return value === "" ? undefined : value;
}

/** A commit's message as `git log` prints it, with the full hash. */
export interface CommitMessage {
  hash: string;
  /** The stored message (already cleaned by git when it was committed). */
  bytes: Buffer;
}

/**
 * Reads the message of commit `rev` with `git log -1 --format=%B`. Throws UsageError when git
 * is missing, `cwd` is not in a repository or the revision does not name a commit.
 */
export function readCommit(rev: string, cwd: string): CommitMessage {
  const { status, stdout, stderr, missing } = runGit(["log", "-1", "--format=%H%n%B", "--end-of-options", rev, "--"], cwd);
  if (missing) throw new UsageError("--commit needs git, but git was not found on PATH");
  if (status !== 0) {
    if (/not a git repository/i.test(stderr)) {
      throw new UsageError(`--commit ${rev}: ${cwd} is not inside a git repository`);
    }
    if (/unknown revision|bad revision|ambiguous argument|does not have any commits/i.test(stderr)) {
      throw new UsageError(`--commit ${rev}: unknown revision (no commit named '${rev}' in this repository)`);
    }
    const reason = stderr.trim().split("\n")[0]?.replace(/^fatal:\s*/, "") || `git exited with status ${status}`;
    throw new UsageError(`--commit ${rev}: ${reason}`);
  }
  const newline = stdout.indexOf(0x0a);
  if (newline <= 0) throw new UsageError(`--commit ${rev}: no commit matches '${rev}'`);
  return { hash: stdout.subarray(0, newline).toString("latin1"), bytes: stdout.subarray(newline + 1) };
}

/** Resolves `path` against `cwd` unless it is already absolute. */
export function resolveFrom(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
