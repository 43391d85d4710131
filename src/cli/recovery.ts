// What the commit-msg hook does after rejecting a message: keep a copy git will not overwrite,
// and print the command that brings the message back into the same kind of commit.
import { spawnSync } from "./spawn.js";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isScissorsLine } from "../message/cleanup.js";
import { LONG_WITH_VALUE, longOptionsNamed } from "./commit-options.js";
import type { LintResult } from "../types.js";

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
  /**
   * Inside a `git cherry-pick` or `git revert` of several commits, with more to come: after the
   * retry, `git cherry-pick --continue` (or `git revert --continue`).
   */
  sequence?: "cherry-pick" | "revert";
  /**
   * What else the retry must repeat for git to make the same commit, read from the arguments of
   * the `git commit` that ran the hook: git's own options before `commit` (`-C DIR`, `-c
   * K=V`), the commit options that do not give the message (`-a`, `--allow-empty`, `--author`,
   * `-i`/`-o`…), and the paths. Without `-a` or the paths, the retry would commit only what is
   * staged: nothing, or a part of the change. All of them from Linux's /proc; elsewhere `ps`
   * joins the arguments with spaces, which cannot be split back, and only the few options
   * joinedCommitArguments can still tell are repeated, and a `-C` (see psGitOptions).
   */
  repeat?: RepeatedArguments;
}

/** The parts of the rejected `git commit` command line that the retry repeats. */
export interface RepeatedArguments {
  /** git's options before `commit`. */
  git: string[];
  /** `git commit` options, message options, `--amend` and `-v` left out. */
  options: string[];
  /** Pathspecs, given after `--` in the retry. */
  paths: string[];
  /**
   * True when the rejected command gave `git -C DIR` and the retry could not repeat it (see
   * psGitOptions): the retry is right only when run in DIR, and the advice says so.
   */
  directoryNotKept?: boolean;
}

/** Long options the retry does not repeat: they give the message (the retry's -F does), or are repeated another way (--amend, -v). */
const LONG_DROPPED = new Set(["message", "file", "reuse-message", "reedit-message", "fixup", "squash", "template", "edit", "no-edit", "amend", "verbose", "trailer", "signoff", "dry-run"]);
/** Short options taking a value (attached or the next argument); all give the message, so all are dropped. */
const SHORT_WITH_VALUE = new Set(["m", "F", "C", "c", "t"]);
/** Short options whose value can only be attached (`-Skey`, `-uno`). */
const SHORT_OPTIONAL_VALUE = new Set(["S", "u"]);
/** Short flags the retry does not repeat: `-e` (the retry has its own), `-v` (decided from the message), `-s` (the sign-off is in the message already). */
const SHORT_DROPPED = new Set(["e", "v", "s"]);

/** The full name of a long option given as `name` or an unambiguous prefix of it, as git resolves it. */
function longOptionName(name: string): string | undefined {
  const named = longOptionsNamed(name);
  return named.length === 1 ? named[0] : undefined;
}

/**
 * Whether the arguments after `git commit` hold `--amend` as an option: given whole or as an
 * unambiguous prefix ("--amen", "--am"), as git resolves it, and not as the value of an option
 * that takes one (`-m --amend`, `-am --amend`, `--author --amend`: a message or name) or as a
 * path after `--`. Read by the same walk as repeatedCommitArguments.
 */
export function hasAmend(args: readonly string[]): boolean {
  return readCommitArguments(args, undefined).amend;
}

/**
 * Whether the arguments after `git commit` make it quiet: `-q` (alone or in a cluster such as
 * `-aq`) or `--quiet` (or a prefix git resolves to it), not undone by a later `--no-quiet`, and
 * not the value of an option that takes one (`-m -q`) or a path after `--`. Read by the same
 * walk as repeatedCommitArguments.
 */
export function hasQuiet(args: readonly string[]): boolean {
  return readCommitArguments(args, undefined).quiet;
}

/**
 * Splits the arguments after `git commit` into what the retry repeats: options other than the
 * message's, and the paths. An option git does not know is kept as given (git would have refused it).
 * `reused` is the commit whose message and authorship `-C`/`-c` (`--reuse-message`,
 * `--reedit-message`) took, unless `--reset-author` gave them up: the retry's `-F` cannot be
 * combined with those options, so it must give that authorship itself (see reusedAuthorship).
 * `message` is the message git handed the hook, which tells `--fixup=amend:X` from a fixup of a
 * commit named `amend` (see isPlainFixup).
 */
export function repeatedCommitArguments(args: readonly string[], message?: string): { options: string[]; paths: string[]; reused?: string } {
  const { options, paths, reused } = readCommitArguments(args, message);
  return reused === undefined ? { options, paths } : { options, paths, reused };
}

/**
 * The options among the arguments after `git commit`, each word as given (`-am`, `--mess=x`),
 * as git reads them: not the value of an option that takes one (`-m -a` gives the message
 * "-a") and not what follows `--` or `--end-of-options` (paths). Read by the same walk as
 * repeatedCommitArguments.
 */
export function commitOptionWords(args: readonly string[]): string[] {
  return readCommitArguments(args, undefined).optionWords;
}

/**
 * The words git commit reads as paths among the arguments after `git commit`: neither an
 * option nor an option's value (`-S notes.txt`: -S takes its key attached only), and all
 * that follows `--` or git's `--end-of-options`, option-looking or not (`--end-of-options -x`
 * gives the path "-x"). Read by the same walk as repeatedCommitArguments.
 */
export function commitPathWords(args: readonly string[]): string[] {
  return readCommitArguments(args, undefined).paths;
}

/** The walk behind repeatedCommitArguments and hasAmend: git's option grammar, read once. */
function readCommitArguments(args: readonly string[], message: string | undefined): { options: string[]; paths: string[]; reused?: string; amend: boolean; quiet: boolean; optionWords: string[] } {
  const options: string[] = [];
  const optionWords: string[] = [];
  let amend = false;
  let quiet = false;
  const paths: string[] = [];
  let reused: string | undefined;
  let resetAuthor = false;
  let fixup: "amend" | "reword" | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    // git's --end-of-options (whole only, no prefix) ends the options as `--` does: what follows,
    // "-x" and "--" too, is a pathspec.
    if (arg === "--" || arg === "--end-of-options") {
      paths.push(...args.slice(index + 1));
      break;
    }
    if (arg.startsWith("--")) {
      optionWords.push(arg);
      const equals = arg.indexOf("=");
      const given = arg.slice(2, equals < 0 ? undefined : equals);
      const name = longOptionName(given);
      const takesNext = name !== undefined && LONG_WITH_VALUE.includes(name) && equals < 0;
      const value = takesNext ? args[++index] : undefined;
      if (name === "amend" && equals < 0) amend = true;
      if ((name === "quiet" || name === "no-quiet") && equals < 0) quiet = name === "quiet";
      if (name === "reuse-message" || name === "reedit-message") reused = value ?? arg.slice(equals + 1);
      if (name === "reset-author") resetAuthor = true;
      if (name === "fixup") {
        // `--fixup=amend:X` and `reword:X`: git writes a NUL over the colon in its own argv, so
        // /proc shows the commit as the next argument, which is no path. A plain fixup of a
        // branch or tag named `amend` (`--fixup=amend a.txt`) reads the same: its message tells.
        const given = /^(amend|reword)(:.*)?$/s.exec(value ?? arg.slice(equals + 1));
        if (given && (given[2] !== undefined || !isPlainFixup(message))) {
          fixup = given[1] as "amend" | "reword";
          if (given[2] === undefined) index++;
        }
      }
      if (name !== undefined && LONG_DROPPED.has(name)) continue;
      // Pathspecs read from standard input cannot be read again: repeated, the retry would
      // wait for them. Without them it commits what is staged, as a plain retry does.
      if (name === "pathspec-from-file" && (value ?? arg.slice(equals + 1)) === "-") continue;
      options.push(arg);
      if (value !== undefined) options.push(value);
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1) {
      optionWords.push(arg);
      let kept = "";
      for (let at = 1; at < arg.length; at++) {
        const letter = arg[at];
        if (SHORT_WITH_VALUE.has(letter)) {
          const value = at === arg.length - 1 ? args[++index] : arg.slice(at + 1);
          if (letter === "C" || letter === "c") reused = value;
          break;
        }
        if (SHORT_OPTIONAL_VALUE.has(letter)) {
          kept += arg.slice(at);
          break;
        }
        if (letter === "q") quiet = true;
        if (!SHORT_DROPPED.has(letter)) kept += letter;
      }
      if (kept !== "") options.push(`-${kept}`);
      continue;
    }
    paths.push(arg);
  }
  if (fixup !== undefined) options.unshift(...amendCommitOptions(fixup, options));
  return reused !== undefined && !resetAuthor ? { options, paths, reused, amend, quiet, optionWords } : { options, paths, amend, quiet, optionWords };
}

/** `git commit` long options whose value may hold spaces: in `ps` output it may run over several words. */
const LONG_FREE_TEXT = new Set(["message", "file", "template", "author", "date", "trailer", "pathspec-from-file"]);
/** `git commit` long options joinedCommitArguments repeats (or reads, as --amend and --fixup) from `ps` output. */
const LONG_FROM_PS = new Set(["all", "allow-empty", "allow-empty-message", "amend", "reset-author", "reuse-message", "reedit-message", "fixup", "squash"]);

/**
 * The arguments of a `git commit` known only from `ps` (macOS, the BSDs: no /proc), `words`
 * being what followed `commit` in its output split at whitespace, cut down to what can be told
 * for sure: `-a`/`--all`, `--allow-empty`, `--amend`, `--fixup` (its commit a word of its own),
 * `-c`/`-C` and `--reuse-message`/`--reedit-message` with their commit, `--reset-author`.
 * Everything else, paths and git's own options included, is left out: the retry then commits
 * what is staged, as a plain retry does.
 *
 * `ps` joins arguments with spaces, so once an option whose value may hold spaces has begun
 * (`-m`, `-F`, `--author`…), a later word may be part of that value rather than an argument:
 * `git commit -m "Support -a"` shows the words `-m Support -a`. Such a word counts only when
 * `message` (the text git handed the hook, which holds `-m`'s text and the trailers) does not
 * have it as a word of its own; before any such option, every word is an argument.
 */
export function joinedCommitArguments(words: readonly string[], message: string): string[] {
  const messageWords = new Set(message.split(/\s+/));
  const kept: string[] = [];
  let freeText = false;
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    // A word of the message's own first: `-m "Fix a -- b" --amend` shows `--` as a word of it,
    // and reading it as the end of the options would lose the --amend.
    if (freeText && messageWords.has(word)) continue;
    if (word === "--" || word === "--end-of-options") break;
    if (word.startsWith("--")) {
      const equals = word.indexOf("=");
      const name = longOptionName(word.slice(2, equals < 0 ? undefined : equals));
      if (name === undefined) continue;
      const next = equals < 0 && LONG_WITH_VALUE.includes(name) ? words[++index] : undefined;
      if (LONG_FREE_TEXT.has(name)) freeText = true;
      if (!LONG_FROM_PS.has(name)) continue;
      kept.push(word, ...(next === undefined ? [] : [next]));
      // git's NUL over the colon of --fixup=amend:X shows X as a word of its own.
      const value = next ?? word.slice(equals + 1);
      if (name === "fixup" && /^(amend|reword)$/.test(value) && !isPlainFixup(message) && index + 1 < words.length) kept.push(words[++index]);
      continue;
    }
    if (!word.startsWith("-") || word.length < 2) continue;
    for (let at = 1; at < word.length; at++) {
      const letter = word[at];
      if (letter === "a") kept.push("-a");
      if (letter === "S" || letter === "u") break;
      if (!SHORT_WITH_VALUE.has(letter)) continue;
      const value = at === word.length - 1 ? words[++index] : word.slice(at + 1);
      if (letter === "C" || letter === "c") {
        if (value !== undefined) kept.push(`-${letter}`, value);
      } else {
        freeText = true;
      }
      break;
    }
  }
  return kept;
}

/**
 * Whether git made `message` for a plain `--fixup=<commit>`: git starts it with "fixup! ", where
 * `--fixup=amend:X` and `reword:X` start it with "amend! " (the editor's text aside, which only
 * these open). So `--fixup=amend` then names a commit `amend`, not the suboption with its colon
 * cut. Without the message (undefined), the suboption, as before.
 */
function isPlainFixup(message: string | undefined): boolean {
  return message !== undefined && message.startsWith("fixup! ");
}

/**
 * What the retry of `git commit --fixup=amend:X` or `reword:X` adds for `-F` to make the same
 * `amend!` commit (its message, in the copy, starts with "amend! "): git makes both with
 * --allow-empty, and a reword takes nothing from the index, as `--only` without paths does.
 */
function amendCommitOptions(fixup: "amend" | "reword", options: readonly string[]): string[] {
  return [...(givesLongOption(options, "allow-empty") ? [] : ["--allow-empty"]), ...(fixup === "reword" ? ["--only"] : [])];
}

/** Whether `options` hold the long option `name`, perhaps abbreviated or with `=value`. */
function givesLongOption(options: readonly string[], name: string): boolean {
  return options.some((option) => option.startsWith("--") && longOptionName(option.slice(2).split("=")[0]) === name);
}

/**
 * The `--author` and `--date` that give the retry the authorship `-C`/`-c <commit>` took from
 * `commit` (name, e-mail and author date), read now, while the commit the user named is still
 * what they meant; the options the user gave themselves win. Nothing when git cannot read it.
 */
export function reusedAuthorship(commit: string, options: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const { status, stdout } = spawnSync("git", ["log", "-1", "--no-walk", "--format=%an <%ae>%x00%aI", commit, "--"], { encoding: "utf8", env });
  const [author, date] = status === 0 ? stdout.replace(/\n$/, "").split("\0") : [];
  if (!author || !date) return [];
  const added: string[] = [];
  if (!givesLongOption(options, "author")) added.push(`--author=${author}`);
  if (!givesLongOption(options, "date")) added.push(`--date=${date}`);
  return added;
}


/**
 * The path of file `name` beside the message file git hands the hook (its git directory, or a
 * linked worktree's), or undefined when `hookFile` is not git's own (a file given by hand).
 */
export function besideHookFile(hookFile: string, name: string): string | undefined {
  return HOOK_FILES.has(basename(hookFile)) ? join(dirname(hookFile), name) : undefined;
}

/**
 * Copies the rejected message to RATIONALE_EDITMSG beside it: any later `git commit` (git's
 * own "amend the commit now" during a rebase, say) rewrites COMMIT_EDITMSG, and the rejected
 * text would be gone. Returns the copy's path, or the original's when it is not git's file or
 * the copy fails; null when the message holds no text at all. The caller does not keep a
 * message git's cleanup empties either (comment lines alone: an editor closed on a template,
 * which is how git's users abort a commit): written, the copy would replace a message rejected
 * earlier that the user may still mean to retry.
 *
 * With `commentChar`, the copy leaves out what git itself wrote below the writer's text and
 * will not commit (see gitTemplateStart): the retry reopens the copy with `git commit -e`,
 * which writes that block again, and kept it would show twice. Everything else is copied byte
 * for byte, in whatever encoding the message is in. `utf8`, when given, is the message as UTF-8
 * (one saved as UTF-16, see keepUnreadableCopy): it is what is kept, cut the same way.
 */
export function keepRejectedCopy(hookFile: string, commentChar?: string, utf8?: Buffer): string | null {
  if (!HOOK_FILES.has(basename(hookFile))) return hookFile;
  const copy = join(dirname(hookFile), REJECTED_COPY);
  try {
    const bytes = utf8 ?? readFileSync(hookFile);
    const cut = commentChar === undefined ? -1 : gitTemplateStart(bytes, commentChar);
    const kept = cut < 0 ? bytes : bytes.subarray(0, cut);
    if (isBlank(kept)) return null;
    if (cut < 0 && utf8 === undefined) copyFileSync(hookFile, copy);
    else if (cut < 0) writeFileSync(copy, kept);
    else writeFileSync(copy, kept[kept.length - 1] !== 10 ? Buffer.concat([kept, NEWLINE]) : kept);
    return copy;
  } catch {
    return hookFile;
  }
}

/**
 * As keepRejectedCopy, for a message file that is not text the hook can judge: `text` (what a
 * UTF-16 file holds) is saved as UTF-8, so that git takes the retry, and without git's block
 * below it as keepRejectedCopy leaves that out (with `commentChar`, git's template comment
 * char); undefined, the bytes are copied as they are. Returns where the message is, or null
 * when it holds no text (see keepRejectedCopy).
 */
export function keepUnreadableCopy(hookFile: string, text: string | undefined, commentChar?: string): string | null {
  return text === undefined ? keepRejectedCopy(hookFile) : keepRejectedCopy(hookFile, commentChar, Buffer.from(text, "utf8"));
}

/** True when `bytes` hold only spaces, tabs and line ends (or nothing). */
function isBlank(bytes: Buffer): boolean {
  return bytes.every((byte) => byte === 32 || byte === 9 || byte === 10 || byte === 13);
}

const NEWLINE = Buffer.from("\n");

/**
 * The byte offset where the part of a message file that git wrote and will not commit begins,
 * blank lines before it included; -1 when there is none or it cannot be told apart. That part
 * is either
 * - git's `-v` diff: its scissors line with git's "Do not modify or remove the line above." under
 *   it, and all below, which git cuts off whatever the cleanup mode; or
 * - git's English instructions ("Please enter the commit message …") when they say that lines
 *   starting with the comment char "will be ignored" (the default cleanup of an editor's
 *   message), with only comment lines (the status) and blank lines from there on, and the
 *   notice git puts right above them when a merge or cherry-pick is concluded ("It looks like
 *   you may be committing a merge. … and try again."; see noticeStart).
 * A message given with -m or -F has neither. With `--cleanup=verbatim` or `whitespace` the
 * instructions say the lines "will be kept", and git in another language writes other words:
 * the file is then copied whole. Read as Latin-1, one character a byte, so the offset is a
 * byte offset in any encoding.
 */
export function gitTemplateStart(bytes: Buffer, commentChar: string): number {
  const c = Buffer.from(commentChar, "utf8").toString("latin1");
  const lines = bytes.toString("latin1").split("\n").map((line) => line.replace(/\r$/, ""));
  let end = lines.length;
  for (let index = 0; index + 1 < lines.length; index++) {
    if (lines[index].startsWith(`${c} `) && isScissorsLine(lines[index]) && lines[index + 1].startsWith(`${c} Do not modify or remove the line above.`)) {
      end = index;
      break;
    }
  }
  for (let index = 0; index < end; index++) {
    if (!lines[index].startsWith(`${c} Please enter `)) continue;
    const ignored = lines.slice(index, Math.min(end, index + 6)).some((line) => line.startsWith(c) && line.includes(`'${c}' will be ignored`));
    const onlyComments = lines.slice(index, end).every((line) => line.startsWith(c) || line.trim() === "");
    if (ignored && onlyComments) end = noticeStart(lines, index, c);
    break;
  }
  if (end === lines.length) return -1;
  while (end > 0 && lines[end - 1].trim() === "") end--;
  // Just past the "\n" (or "\r\n") that ends the last line kept.
  let offset = 0;
  for (let line = 0; line < end; line++) {
    const newline = bytes.indexOf(10, offset);
    offset = newline < 0 ? bytes.length : newline + 1;
  }
  return offset;
}

/**
 * Where git's notice of a merge or cherry-pick being concluded starts, when it ends (blank lines
 * aside) just above line `end`, where git's instructions start; otherwise `end`. git writes it
 * with a bare comment line first ("#", its "\n"), then "# It looks like you may be committing a
 * merge." (or "a cherry-pick."), the `git update-ref -d` line and "# and try again.". Kept in the
 * copy, it would show twice in the retry's editor, which adds it again.
 */
function noticeStart(lines: readonly string[], end: number, c: string): number {
  let last = end;
  while (last > 0 && lines[last - 1].trim() === "") last--;
  if (last === 0 || lines[last - 1] !== `${c} and try again.`) return end;
  for (let start = last - 2; start >= Math.max(0, last - 6); start--) {
    if (!lines[start].startsWith(c)) return end;
    if (!lines[start].startsWith(`${c} It looks like you may be committing a `)) continue;
    return start > 0 && lines[start - 1] === c ? start - 1 : start;
  }
  return end;
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
 * What kind of commit git is making with the message file `hookFile`: read from the process
 * tree (see commandKind), and for a cherry-pick or revert of several commits, from git's
 * sequencer state beside the file (see pendingSequence). `message`, the text git handed the
 * hook, settles what the command line alone cannot (see repeatedCommitArguments).
 */
export function commitKind(hookFile: string, env: NodeJS.ProcessEnv = process.env, message?: string): CommitKind {
  const kind = commandKind(env, message);
  const sequence = kind.rebase ? undefined : pendingSequence(hookFile);
  return sequence === undefined ? kind : { ...kind, sequence };
}

/**
 * The `git cherry-pick` or `git revert` of several commits whose current pick `hookFile` holds
 * the message of, when it has more commits to go: git keeps the list, current pick first, in
 * `sequencer/todo` of the git directory. A commit made by hand (the retry) ends the current
 * pick, and ends the whole sequence when it was the last one (git then removes its state, and
 * `--continue` would fail), so only then is the sequence left to continue. Undefined otherwise,
 * a single pick included (git keeps no list for it).
 */
export function pendingSequence(hookFile: string): "cherry-pick" | "revert" | undefined {
  if (!HOOK_FILES.has(basename(hookFile))) return undefined;
  let todo: string;
  try {
    todo = readFileSync(join(dirname(hookFile), "sequencer", "todo"), "utf8");
  } catch {
    return undefined;
  }
  const steps = todo.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("#"));
  if (steps.length < 2) return undefined;
  return /^revert\s/.test(steps[0]) ? "revert" : "cherry-pick";
}

/**
 * Reads the command line of the `git commit` that runs this hook from the process tree (the
 * hook itself may sit under sh, husky and npx): `--amend` there means the retry must amend too.
 * Linux reads /proc; elsewhere `ps` is asked, whose words are read with `message` as
 * joinedCommitArguments says (without it, only --amend, as before). Unknown (no such ancestor
 * found) means a plain commit.
 */
function commandKind(env: NodeJS.ProcessEnv, message: string | undefined): CommitKind {
  const rebase = (env.GIT_REFLOG_ACTION ?? "").startsWith("rebase");
  let pid = process.ppid;
  for (let depth = 0; depth < 8 && pid > 1; depth++) {
    const process_ = describeProcess(pid);
    if (!process_) break;
    const args = process_.args;
    const git = args.findIndex(isGit);
    // ps output is split at spaces (a value may be several words), so there `commit` is looked for anywhere after git.
    const command = git < 0 ? -1 : process_.exact ? subcommandIndex(args, git) : args.indexOf("commit", git + 1);
    const commit = command >= 0 && args[command] === "commit" ? command : -1;
    if (commit >= 0) {
      // From `ps`, only the words that are surely arguments (see joinedCommitArguments), and none of git's own options.
      const commitArgs = process_.exact || message === undefined ? args.slice(commit + 1) : joinedCommitArguments(args.slice(commit + 1), message);
      const amend = hasAmend(commitArgs);
      if (!process_.exact && message === undefined) return { amend, rebase };
      const gitOptions = process_.exact ? { git: args.slice(git + 1, commit) } : psGitOptions(args.slice(git + 1, commit), env);
      const parent = describeProcess(process_.ppid);
      if (!isGit(parent?.args[0])) return { amend, rebase, repeat: repeatOf(gitOptions, commitArgs, env, message) };
      // git runs an alias of commit (`git ci -am …`) as a child `git commit -am …`: its
      // arguments are the user's, and git's own options are on the alias's command line.
      const alias = parent && aliasOfCommit(parent.args, env);
      if (alias) return { amend, rebase, repeat: repeatOf(process_.exact ? { git: alias } : psGitOptions(alias, env), commitArgs, env, message) };
      // A `git commit` that another git command ran (rebase's reword, cherry-pick -e) has that
      // command's options, not the user's: the user retries with the plain command.
      return { amend, rebase };
    }
    pid = process_.ppid;
  }
  return { amend: rebase && (env.GIT_REFLOG_ACTION ?? "").includes("reword"), rebase };
}

/**
 * Whether the `git commit` that runs this hook was given `-q`/`--quiet` (see hasQuiet), its
 * own or an alias's (`git ci -q`, run by git as a child `git commit -q`). Read from Linux's
 * /proc only: this runs for every commit that passes, and elsewhere `ps` would cost a process
 * for each ancestor on each of them and join the arguments with spaces, so a value (`-F "a
 * -q.txt"`) could pass for the option. Without /proc, or with no such ancestor, false.
 */
export function commitIsQuiet(): boolean {
  let pid = process.ppid;
  for (let depth = 0; depth < 8 && pid > 1; depth++) {
    const found = procProcess(pid);
    if (!found) return false;
    const git = found.args.findIndex(isGit);
    const command = git < 0 ? -1 : subcommandIndex(found.args, git);
    if (command >= 0 && found.args[command] === "commit") return hasQuiet(found.args.slice(command + 1));
    pid = found.ppid;
  }
  return false;
}

/** What the retry repeats of a `git commit` run with git's options `git` and commit arguments `args`. */
function repeatOf(
  { git, directoryNotKept }: { git: string[]; directoryNotKept?: boolean },
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  message: string | undefined,
): RepeatedArguments {
  const { options, paths, reused } = repeatedCommitArguments(args, message);
  const repeat = { git, options: reused === undefined ? options : [...options, ...reusedAuthorship(reused, options, env)], paths };
  return directoryNotKept ? { ...repeat, directoryNotKept } : repeat;
}

/**
 * git's own options for the retry when `words` are those `ps` showed before `commit` (no
 * /proc: macOS, the BSDs), which cannot be split back into arguments: none, but for a `-C DIR`
 * there, a `-C` with the top of the work tree. Without it the retry, pasted in the directory
 * the user ran `git -C DIR commit` from, would commit in another repository or in none. git
 * runs hooks at the top of the work tree, so `git rev-parse --show-toplevel` here names it,
 * absolute, which is right from any directory (the retry's -F path is absolute too, and a
 * retry read from ps repeats no pathspec, the one thing a relative DIR would change). Should
 * git not answer, `directoryNotKept` makes the advice say where to run the retry instead.
 */
function psGitOptions(words: readonly string[], env: NodeJS.ProcessEnv): { git: string[]; directoryNotKept?: boolean } {
  if (!words.includes("-C")) return { git: [] };
  const { status, stdout } = spawnSync("git", ["rev-parse", "--show-toplevel"], { encoding: "utf8", env });
  const top = status === 0 ? (stdout ?? "").replace(/\n$/, "") : "";
  return top !== "" ? { git: ["-C", top] } : { git: [], directoryNotKept: true };
}

/** git's own options that take their value as the next argument (`git -C DIR`, `git -c K=V`). */
const GIT_OPTIONS_WITH_VALUE = new Set(["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--super-prefix", "--config-env", "--attr-source"]);

/**
 * The index of git's command (`commit`, an alias) in `args`, `args[git]` being the git
 * program: the first argument after git's own options and their values, so that a directory
 * named "commit" (`git -C commit commit`) is not taken for the command.
 */
function subcommandIndex(args: readonly string[], git: number): number {
  let index = git + 1;
  while (index < args.length && args[index].startsWith("-")) index += GIT_OPTIONS_WITH_VALUE.has(args[index]) ? 2 : 1;
  return index;
}

/**
 * When `args` (a git process's command line) runs an alias whose expansion starts with
 * `commit`, git's options given before the alias name; otherwise undefined.
 */
function aliasOfCommit(args: readonly string[], env: NodeJS.ProcessEnv): string[] | undefined {
  const at = subcommandIndex(args, 0);
  const name = args[at];
  if (name === undefined || name === "commit" || name.startsWith("-")) return undefined;
  const { status, stdout } = spawnSync("git", ["config", "--get", `alias.${name}`], { encoding: "utf8", env });
  return status === 0 && /^\s*commit(?:\s|$)/.test(stdout) ? args.slice(1, at) : undefined;
}

/** Whether a program path names git. */
function isGit(program: string | undefined): boolean {
  return program !== undefined && /(?:^|\/)git$/.test(program);
}

/**
 * A process's arguments (`exact` when read from /proc, not split from `ps` output) and parent.
 * RATIONALE_TEST_PS=1 skips /proc, for tests only: on Linux they read processes as macOS and the
 * BSDs do, through `ps`.
 */
function describeProcess(pid: number): { args: string[]; ppid: number; exact: boolean } | null {
  const found = procProcess(pid);
  if (found) return { ...found, exact: true };
  const ps = spawnSync("ps", ["-o", "ppid=", "-o", "args=", "-p", String(pid)], { encoding: "utf8" });
  // ps ends its line with "\n", which "." does not match: trimmed first, or nothing would match.
  const match = /^(\d+)\s+(.*)$/s.exec((ps.stdout ?? "").trim());
  // ps joins the arguments with spaces: enough to find "git" and "commit", and some options (see joinedCommitArguments).
  return match ? { ppid: Number(match[1]), args: match[2].trim().split(/\s+/), exact: false } : null;
}

/**
 * A process's exact arguments and parent from Linux's /proc; null where there is none, the
 * process is gone, or RATIONALE_TEST_PS=1 (see describeProcess).
 */
function procProcess(pid: number): { args: string[]; ppid: number } | null {
  if (process.env.RATIONALE_TEST_PS === "1") return null;
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter((arg) => arg !== "");
    // /proc/PID/stat: "PID (name) STATE PPID …"; the name may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return { args, ppid };
  } catch {
    return null;
  }
}

/** Quotes a path for a POSIX shell when it holds anything beyond safe characters. */
export function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

const CONTENT_ADVICE = "Fix what is listed above: say why the change is needed and what it does.";

/**
 * A release commit's body is composed, not written: from the staged bump and changelog by
 * `release commit`, and by the prepare-commit-msg hook of `init --release` under the summary a
 * tool commits with itself (`npm version`'s `git commit -m 1.2.3`), which no retry can change.
 */
const RELEASE_ADVICE =
  "Fix what is listed above: name the released versions and changes in the body. " +
  "`rationale release commit` composes it from the staged bump and changelog; for tools that commit themselves, " +
  "such as `npm version`, run `rationale init --release` once, and their release commits get it.";

/**
 * The same, once that hook is installed: installing it again would change nothing. It ran and
 * added no body, so the commit staged no version bump (the bump was committed on its own), or
 * the hook printed a warning (a changelog it could not read) just above the report. For the
 * first, amending the bump commit with the summary works (the hook then reads the bump against
 * HEAD's parent), so `amendWith`, the summary, shell-quoted, is offered for that; not when the
 * rejected commit already amended, where the hook has looked there.
 */
function releaseHookAdvice(amendWith: string | undefined): string {
  return (
    "Fix what is listed above: name the released versions and changes in the body. " +
    "The prepare-commit-msg hook is installed and adds it under a release summary when the commit stages the version bump; " +
    "a warning from it above, if any, says why it could not." +
    (amendWith === undefined ? "" : ` If the last commit made the bump, \`git commit --amend -m ${amendWith}\` releases it with the body.`)
  );
}

/**
 * Whether the report is a release commit whose summary `conventional-format` refused as no
 * Conventional Commits header at all: npm version's bare `1.2.3`, which the tool commits again
 * on its next run unless it is given a message with a type. Not for the rule at `warn`: the
 * summary then passes as it is, and the advice must not say it needs a type.
 */
export function isUntypedReleaseSummary(result: LintResult): boolean {
  return (
    result.kind === "release" &&
    result.findings.some((finding) => finding.ruleId === "conventional-format" && finding.messageId === "format" && finding.severity === "error")
  );
}

/**
 * The summary prefix that makes a release commit pass `conventional-format` with these options
 * (the rule's resolved options) and still read as a release, so that the prepare-commit-msg
 * hook adds its body: `chore(release): `, else `chore: release ` or `chore(SCOPE): release `
 * when `release` is not an allowed scope, else `release: ` when `release` is an allowed type
 * (`release(release): ` or `release(SCOPE): ` when `requireScope` wants a scope);
 * undefined when no allowed type makes a release summary.
 */
export function typedReleasePrefix(options: Record<string, unknown> | undefined): string | undefined {
  const types = Array.isArray(options?.types) ? (options.types as string[]) : [];
  const scopes = Array.isArray(options?.scopes) ? (options.scopes as string[]) : [];
  const releaseScope = scopes.length === 0 || scopes.includes("release");
  // The scope a required one takes: `release` where allowed, else the first allowed one.
  const scoped = options?.requireScope === true ? `(${releaseScope ? "release" : scopes[0]})` : "";
  if (types.includes("chore")) return releaseScope ? "chore(release): " : `chore${scoped}: release `;
  if (types.includes("release")) return `release${scoped}: `;
  return undefined;
}

/** A summary that is a version alone, as `npm version` commits it ("1.2.3"). */
const BARE_VERSION = /^v?\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/;

/**
 * The version a release summary releases: the last one it names ("Bump version: 1.2.3 →
 * 1.2.4" releases 1.2.4), undefined when it names none ("Publish", "Version Packages").
 */
function releasedVersion(summary: string): string | undefined {
  return summary.match(/\d+(?:\.\d+)+[\w.+-]*/g)?.at(-1)?.replace(/\.+$/, "");
}

/**
 * The sentence that follows the advice for an untyped release summary: the typed summary to
 * write (`prefix` the version, e.g. `chore(release): `, as the config's types and scopes allow;
 * `<version>` when the summary names none) and, for a summary that is the bare version
 * `npm version` commits (`npm`), how npm is given it.
 */
function typedReleaseAdvice(prefix: string, version: string | undefined, npm: boolean): string {
  return (
    ` A release summary needs a type too under conventional-format: \`${prefix}${version ?? "<version>"}\`.` +
    (npm ? ` \`npm version\` commits the bare version unless given a message: \`npm version patch -m "${prefix}%s"\`, or \`message="${prefix}%s"\` in the project's .npmrc.` : "")
  );
}

/** Whether the report is a release commit rejected for a body that names nothing released. */
export function isEmptyReleaseBody(result: LintResult): boolean {
  return result.kind === "release" && result.findings.some((finding) => finding.ruleId === "release-empty-body");
}

/**
 * The advice after a rejection, from what the report listed: how to compose the body for a
 * release commit that lists nothing it releases (`releaseHookInstalled`: whether the
 * prepare-commit-msg hook of `init --release` is there, asked only then; `amendSummary`: the
 * summary to offer `git commit --amend -m` with, when amending could help); the content advice
 * when a finding is about why or what, or when none is and the score fell short on them; only
 * "fix what is listed" for form alone (a long summary says nothing about the body).
 */
export function rejectionAdvice(
  result: LintResult,
  {
    releaseHookInstalled = () => false,
    amendSummary,
    summary,
    releasePrefix,
  }: { releaseHookInstalled?: () => boolean; amendSummary?: string; summary?: string; releasePrefix?: string } = {},
): string {
  // npm version's bare "1.2.3" under the conventional preset: the summary is refused whatever
  // the body says, so the way to a typed summary is said after the rest of the advice.
  const untyped = releasePrefix !== undefined && isUntypedReleaseSummary(result);
  const given = (summary ?? amendSummary ?? "").trim();
  const version = untyped ? releasedVersion(given) : undefined;
  const typed = untyped ? typedReleaseAdvice(releasePrefix, version, BARE_VERSION.test(given)) : "";
  if (isEmptyReleaseBody(result)) {
    if (!releaseHookInstalled()) return RELEASE_ADVICE + typed;
    // An untyped summary is refused again as it is: the amend is offered typed, or not at all.
    const typedAmend = version === undefined ? undefined : `${releasePrefix}${version}`;
    const amendWith = amendSummary === undefined || amendSummary.trim() === "" ? undefined : untyped ? typedAmend : amendSummary;
    return releaseHookAdvice(amendWith === undefined ? undefined : shellQuote(amendWith)) + typed;
  }
  if (result.findings.some((finding) => finding.category === "why" || finding.category === "what")) return CONTENT_ADVICE + typed;
  if (result.findings.length > 0) return `Fix what is listed above.${typed}`;
  const short = (["why", "what"] as const).filter((name) => result.parts[name].score < result.parts[name].max);
  if (short.length === 0) return "Raise the parts the report names as short.";
  return `No rule flagged a line, but the message says too little: ${short.length === 2 ? "say why the change is needed and what it does" : short[0] === "why" ? "say why the change is needed" : "say what the change does"}.`;
}

/** How the retry reopens a saved message: what else it must repeat, and whether git keeps its comment lines. */
export interface RetryOptions {
  /** A message given with -m or -F that has lines starting with the comment char, which git keeps. */
  keptComments?: boolean;
  kind?: CommitKind;
}

/**
 * The command that brings the message saved at `savedAt` back into the same kind of commit,
 * with what must follow it (", then: git rebase --continue"), and whether it opens the editor.
 * The path is absolute because the user may have run `git commit` from a subdirectory while the
 * hook runs at the top of the work tree. `text` is the message git handed the hook.
 */
export function retryCommand(savedAt: string, text: string, { keptComments = false, kind = { amend: false, rebase: false } }: RetryOptions = {}): { command: string; edit: boolean; where: string } {
  // Said before the command, which is right only there (see RepeatedArguments.directoryNotKept).
  const where = kind.repeat?.directoryNotKept ? " in the directory you gave git -C," : "";
  const path = shellQuote(savedAt);
  const amend = kind.amend ? "--amend " : "";
  const then = kind.rebase ? ", then: git rebase --continue" : kind.sequence ? `, then: git ${kind.sequence} --continue` : "";
  const words = (args: readonly string[] | undefined) => (args ?? []).map((arg) => `${shellQuote(arg)} `).join("");
  const git = `git ${words(kind.repeat?.git)}commit`;
  const options = words(kind.repeat?.options);
  const paths = kind.repeat && kind.repeat.paths.length > 0 ? ` -- ${words(kind.repeat.paths).trimEnd()}` : "";
  // A message given with -m or -F keeps its lines that start with the comment char; reopening it
  // in git's editor (-e) would drop them, so the retry leaves the editor out.
  if (keptComments) return { command: `${git} ${amend}${options}-F ${path}${paths}${then}`, edit: false, where };
  // A `git commit -v` message carries the diff below the scissors line; -v shows it again. A
  // scissors line with no diff under it is `--cleanup=scissors` without -v: no -v for that.
  const verbose = /^\S{1,8} -{24} >8 -{24}\r?\n[^]*^diff --git /m.test(text) ? "-v " : "";
  return { command: `${git} ${amend}${verbose}${options}-e -F ${path}${paths}${then}`, edit: true, where };
}

/**
 * What the commit-msg hook prints after rejecting a message: where the message is and the
 * command that reopens it in the same kind of commit (see retryCommand).
 * With `savedAt` null (a message without text, not kept), only the rejection itself.
 */
export function recoveryHint(
  savedAt: string | null,
  text: string,
  why: string,
  {
    keptComments = false,
    empty = false,
    kind,
    advice = empty ? "Write a summary of the change, a blank line, then why it is needed and what it does." : CONTENT_ADVICE,
  }: RetryOptions & { empty?: boolean; advice?: string } = {},
): string {
  const rejected = `\nrationale: commit rejected (${why}). ${advice}\n`;
  // Nothing was written, so nothing was kept (see keepRejectedCopy) and there is nothing to retry.
  if (savedAt === null) return rejected;
  const { command, edit, where } = retryCommand(savedAt, text, { keptComments, kind });
  return rejected + `Your message is saved in ${shellQuote(savedAt)}; ${edit ? "edit and retry" : "edit it there and retry"}${where} with: ${command}\n`;
}
