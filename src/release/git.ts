// Reads repository states for the release step through git: the index, HEAD or any revision.
import { execFile, spawn } from "node:child_process";
import { UsageError, leadingOptionError } from "../types.js";
import { gitEnv } from "../git-env.js";
import { echoValue } from "../echo-value.js";
import { NotARepositoryError } from "../not-a-repository.js";
import type { TreeState } from "./manifests.js";

export { NotARepositoryError };

/** Runs git in `cwd` and resolves with stdout; rejects with git's first stderr line. */
export function git(cwd: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile("git", args, { cwd, encoding: "buffer", maxBuffer: 1024 * 1024 * 1024, windowsHide: true, env: gitEnv() }, (error, stdout, stderr) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const text = stderr.toString("utf8").trim();
        reject(new GitError(code === "ENOENT" ? "git was not found on PATH" : text.split("\n")[0] || error.message, text));
      } else resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

/** A failed git command; `message` is git's first error line. */
export class GitError extends Error {
  constructor(message: string, readonly stderr: string) {
    super(message);
    this.name = "GitError";
  }
}

/** The top of the working tree containing `cwd`; NotARepositoryError outside a repository. */
export async function repositoryRoot(cwd: string): Promise<string> {
  try {
    return (await git(cwd, ["rev-parse", "--show-toplevel"])).toString("utf8").trim();
  } catch (error) {
    if (error instanceof GitError && /not a git repository/i.test(error.stderr)) throw new NotARepositoryError(cwd);
    throw new UsageError(`cannot use git in ${cwd}: ${(error as Error).message}`);
  }
}

/** True when `rev` names a commit (false for HEAD of a repository without commits). */
export async function isCommit(root: string, rev: string): Promise<boolean> {
  try {
    await git(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks that `rev` names a commit; UsageError otherwise, naming the option (`from`, `to`) as
 * gatherRelease()'s callers and the CLI (`--from`) both know it.
 */
export async function assertCommit(root: string, rev: string, option: "from" | "to"): Promise<void> {
  if (!(await isCommit(root, rev))) throw leadingOptionError(option, `${option} ${echoValue(rev)} does not name a commit in this repository`);
}

/**
 * The state of the index (`rev` null) or of commit `rev`. A missing commit (an unborn HEAD)
 * is an empty state. Files are read in one `git cat-file --batch` per call.
 */
export function gitState(root: string, rev: string | null, exists = true): TreeState {
  const prefix = rev === null ? ":" : `${rev}:`;
  return {
    label: rev === null ? "the index" : rev,
    async read(paths) {
      const out = new Map<string, string | null>(paths.map((path) => [path, null]));
      const wanted = paths.filter((path) => !/[\n\r]/.test(path));
      if (!exists || wanted.length === 0) return out;
      const stdout = await git(root, ["cat-file", "--batch"], wanted.map((path) => `${prefix}${path}\n`).join(""));
      let offset = 0;
      for (const path of wanted) {
        const newline = stdout.indexOf(10, offset);
        if (newline < 0) break;
        const header = stdout.subarray(offset, newline).toString("utf8");
        offset = newline + 1;
        const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
        if (!match) continue; // "<name> missing" or "ambiguous"
        const size = Number(match[2]);
        if (match[1] === "blob") out.set(path, stdout.subarray(offset, offset + size).toString("utf8"));
        offset += size + 1;
      }
      return out;
    },
    async list() {
      if (!exists) return [];
      const args = rev === null ? ["ls-files", "-z", "--cached"] : ["ls-tree", "-r", "-z", "--name-only", "--end-of-options", rev];
      return (await git(root, args)).toString("utf8").split("\0").filter(Boolean);
    },
  };
}

/** Repository-relative paths that differ between `from` and `to` (null: the index), or null when `from` is not a commit. */
export async function changedPaths(root: string, from: string, to: string | null, fromExists: boolean): Promise<string[] | null> {
  if (!fromExists) return null;
  const args = to === null ? ["diff", "--cached", "--name-only", "-z", "--no-renames", from] : ["diff", "--name-only", "-z", "--no-renames", from, to];
  return (await git(root, [...args, "--"])).toString("utf8").split("\0").filter(Boolean);
}

/**
 * Manifests (files named one of `names`) that git's rename detection sees moved between `from`
 * and `to` (null: the index), as new path -> old path. Empty when git fails.
 */
export async function renamedManifests(root: string, from: string, to: string | null, names: readonly string[]): Promise<Map<string, string>> {
  const range = to === null ? ["--cached", from] : [from, to];
  // Without FNM_PATHNAME, `*` in a pathspec also matches `/`: `*package.json` is every directory's.
  const pathspecs = names.map((name) => `*${name}`);
  const out = new Map<string, string>();
  try {
    const fields = (await git(root, ["diff", "--name-status", "-z", "-M", "--diff-filter=R", ...range, "--", ...pathspecs])).toString("utf8").split("\0");
    // Each rename is three fields: `R<score>`, the old path, the new path.
    for (let index = 0; index + 2 < fields.length; index += 3) {
      const [oldPath, newPath] = [fields[index + 1], fields[index + 2]];
      if (fields[index].startsWith("R") && oldPath.split("/").pop() === newPath.split("/").pop()) out.set(newPath, oldPath);
    }
  } catch {
    // No rename information: packages are still matched by path and by name.
  }
  return out;
}

/**
 * The version in the nearest tag reachable from `rev` that names a release of package `name`
 * (`name@1.2.0`, `name-v1.2.0`, `name/v1.2.0`, and for the unscoped part of `@scope/name` too),
 * or, when `bareTags`, a bare version (`v1.2.0`, `1.2.0`); null when there is none.
 */
export async function taggedVersion(root: string, rev: string, name: string, bareTags: boolean): Promise<string | null> {
  const names = [...new Set([name, name.replace(/^@[^/]+\//, "")])].filter((prefix) => !/[*?[\\]/.test(prefix));
  const prefixes = [...names.flatMap((prefix) => ["@", "-", "/", "_"].map((separator) => `${prefix}${separator}`)), ...(bareTags ? [""] : [])];
  const patterns = prefixes.flatMap((prefix) => [`${prefix}[0-9]*`, `${prefix}v[0-9]*`]);
  try {
    const tag = (await git(root, ["describe", "--tags", "--abbrev=0", ...patterns.map((pattern) => `--match=${pattern}`), "--end-of-options", rev])).toString("utf8").trim();
    const prefix = prefixes.filter((candidate) => tag.startsWith(candidate)).sort((a, b) => b.length - a.length)[0] ?? "";
    return tag.slice(prefix.length).replace(/^v(?=\d)/, "") || null;
  } catch {
    // No such tag (git describe fails), or no commit.
    return null;
  }
}

/**
 * Release files (manifests, changelogs, and `extra` repository paths) that differ between the
 * working tree and the index, untracked ones included: edits a release read from the index
 * cannot see. Empty when git fails.
 */
export async function unstagedReleaseFiles(root: string, extra: readonly string[] = []): Promise<string[]> {
  const releaseFile = /(^|\/)(package\.json|pnpm-workspace\.yaml|Cargo\.toml|pyproject\.toml|(CHANGELOG|changelog|Changelog|CHANGES|HISTORY)\.md)$/;
  try {
    const [modified, untracked] = await Promise.all([
      git(root, ["diff", "--name-only", "-z", "--no-renames", "--"]),
      git(root, ["ls-files", "-z", "--others", "--exclude-standard"]),
    ]);
    const paths = [...modified.toString("utf8").split("\0"), ...untracked.toString("utf8").split("\0")].filter(Boolean);
    return [...new Set(paths)].filter((path) => releaseFile.test(path) || extra.includes(path));
  } catch {
    return [];
  }
}
