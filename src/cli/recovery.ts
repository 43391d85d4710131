// What the commit-msg hook does after rejecting a message: keep a copy git will not overwrite,
// and print the command that brings the message back into the same kind of commit.
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** The files git hands a commit-msg hook; a copy of a rejected one goes beside them. */
const HOOK_FILES = new Set(["COMMIT_EDITMSG", "MERGE_MSG"]);

/** Name of the copy of a rejected message, in the git directory. */
export const REJECTED_COPY = "RATIONALE_EDITMSG";

/** What kind of commit the hook is judging, as far as the hook can tell. */
export interface CommitKind {
  /** `git commit --amend`, or a rebase's reword (git amends the picked commit). */
  amend: boolean;
  /** Inside `git rebase`: after the retry, `git rebase --continue`. */
  rebase: boolean;
}

/**
 * Copies the rejected message to RATIONALE_EDITMSG beside it: any later `git commit` (git's
 * own "amend the commit now" during a rebase, say) rewrites COMMIT_EDITMSG, and the rejected
 * text would be gone. Returns the copy's path, or the original's when it is not git's file or
 * the copy fails.
 */
export function keepRejectedCopy(hookFile: string): string {
  if (!HOOK_FILES.has(basename(hookFile))) return hookFile;
  const copy = join(dirname(hookFile), REJECTED_COPY);
  try {
    copyFileSync(hookFile, copy);
    return copy;
  } catch {
    return hookFile;
  }
}

/** Whether a merge is being concluded: git keeps MERGE_HEAD beside the message file until it is. */
export function isConcludingMerge(hookFile: string): boolean {
  if (!HOOK_FILES.has(basename(hookFile))) return false;
  try {
    readFileSync(join(dirname(hookFile), "MERGE_HEAD"));
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads the command line of the `git commit` that runs this hook from the process tree (the
 * hook itself may sit under sh, husky and npx): `--amend` there means the retry must amend too.
 * Linux reads /proc; elsewhere `ps` is asked. Unknown (no such ancestor found) means a plain commit.
 */
export function commitKind(env: NodeJS.ProcessEnv = process.env): CommitKind {
  const rebase = (env.GIT_REFLOG_ACTION ?? "").startsWith("rebase");
  let pid = process.ppid;
  for (let depth = 0; depth < 8 && pid > 1; depth++) {
    const process_ = describeProcess(pid);
    if (!process_) break;
    const args = process_.args;
    const git = args.findIndex((arg) => /(?:^|\/)git$/.test(arg));
    // git takes any unambiguous prefix of a long option: "--amen" and "--am" are --amend.
    if (git >= 0 && args.includes("commit", git + 1)) return { amend: args.some((arg) => arg.length >= 4 && "--amend".startsWith(arg)), rebase };
    pid = process_.ppid;
  }
  return { amend: rebase && (env.GIT_REFLOG_ACTION ?? "").includes("reword"), rebase };
}

function describeProcess(pid: number): { args: string[]; ppid: number } | null {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter((arg) => arg !== "");
    // /proc/PID/stat: "PID (name) STATE PPID …"; the name may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return { args, ppid };
  } catch {
    const ps = spawnSync("ps", ["-o", "ppid=", "-o", "args=", "-p", String(pid)], { encoding: "utf8" });
    const match = /^\s*(\d+)\s+(.*)$/.exec(ps.stdout ?? "");
    // ps joins the arguments with spaces; enough to find "git", "commit" and "--amend".
    return match ? { ppid: Number(match[1]), args: match[2].trim().split(/\s+/) } : null;
  }
}

/** Quotes a path for a POSIX shell when it holds anything beyond safe characters. */
export function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/**
 * What the commit-msg hook prints after rejecting a message: where the message is and the
 * command that reopens it in the same kind of commit. The path is absolute because the user
 * may have run `git commit` from a subdirectory while the hook runs at the top of the work tree.
 */
export function recoveryHint(
  savedAt: string,
  text: string,
  why: string,
  { keptComments = false, empty = false, kind = { amend: false, rebase: false } }: { keptComments?: boolean; empty?: boolean; kind?: CommitKind } = {},
): string {
  const path = shellQuote(savedAt);
  const advice = empty
    ? "Write a summary of the change, a blank line, then why it is needed and what it does."
    : "Fix what is listed above: say why the change is needed and what it does.";
  const rejected = `\nrationale: commit rejected (${why}). ${advice}\n`;
  const amend = kind.amend ? "--amend " : "";
  const then = kind.rebase ? `, then: git rebase --continue` : "";
  // A message given with -m or -F keeps its lines that start with the comment char; reopening it
  // in git's editor (-e) would drop them, so the retry leaves the editor out.
  if (keptComments) return rejected + `Your message is saved in ${path}; edit it there and retry with: git commit ${amend}-F ${path}${then}\n`;
  // A `git commit -v` message carries the diff below the scissors line; -v makes git cut it again.
  const verbose = /^\S{1,8} -{24} >8 -{24}\r?$/m.test(text) ? "-v " : "";
  return rejected + `Your message is saved in ${path}; edit and retry with: git commit ${amend}${verbose}-e -F ${path}${then}\n`;
}
