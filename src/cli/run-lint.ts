// `rationale lint`: reads one message (file, hook file, stdin or commit), lints it, prints the report.
// Loaded lazily by commands/lint.ts, and by bin.ts for the hook's own command line. Everything
// here sits on the commit-msg hook's start-up path, so heavy modules (remark, yaml)
// are only reached through dynamic imports below it.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, relative } from "node:path";
import { setFlagsFromString } from "node:v8";
import { mergeFromParents, parseWithTrustedOptions } from "../message/parse.js";
import { cleanMessageLines, detectAutoCommentChar, detectTemplateByPhrases, splitSourceLines } from "../message/cleanup.js";
import { needsMarkdownParser } from "../message/blocks.js";
import { isMarkdownParserLoaded, registerMarkdownParser } from "../message/markdown.js";
import { lintResolved } from "../lint.js";
import { findScriptConfigs, loadConfig } from "../config/load.js";
import { UsageError, type LintResult, type ParsedMessage, type ResolvedConfig, type SourceLine } from "../types.js";
import { echoValue } from "../echo-value.js";
import { assertInRepository, commitCleanupMode, findGitDir, readCommentChar, readCommit, readCommitEncoding, readCommitTemplate, resolveFrom } from "./git.js";
import { decodeMessage, decodeUtf16, readMessageFile, readStdin } from "./input.js";
import { besideHookFile, commitIsQuiet, commitKind, isConcludingMerge, isEmptyReleaseBody, keepRejectedCopy, keepUnreadableCopy, recoveryHint, rejectionAdvice, retryCommand, shellQuote, typedReleasePrefix } from "./recovery.js";
import { formatJson, formatText, shouldColor, type ReportEntry } from "./report.js";

/** A line that starts like a Markdown heading ("## Why"), which comment-lines-dropped looks at. */
const TEMPLATE_HEADING = /^[ \t]*##/m;

/** Options of `rationale lint` as commander parses them. */
export interface LintCommandOptions {
  /** `--edit` alone is `true`; `--edit FILE` is the path. */
  edit?: string | true;
  stdin?: boolean;
  commit?: string;
  /** `--commits RANGE`: handled by run-lint-range.ts. */
  commits?: string;
  config?: string;
  format: "text" | "json";
  commentChar?: string;
  /** `--quiet`: the text report leaves out messages that pass (never with json). */
  quiet?: boolean;
}

/** Where the message comes from, once the options are checked. */
export type Source =
  /** editDefault: `--edit` without a FILE, reading .git/COMMIT_EDITMSG. */
  | { type: "file"; path: string; shownAs: string; hook: boolean; editDefault?: boolean }
  | { type: "stdin" }
  | { type: "commit"; rev: string };

/** A message read from its source, ready to lint. */
export interface Input {
  source: string;
  label: string;
  text: string;
  /** False for text from `git log`, which git has already cleaned; see `ParseOptions.cleanup`. */
  cleanup: boolean | "whitespace" | "scissors";
  /** Absolute path of the hook's message file, for the recovery hint. */
  hookFile?: string;
  /** For a commit read from git: whether it is a merge (two or more parents). */
  merge?: boolean;
  /** For a commit read from git: its full hash (ReportEntry.sha). */
  sha?: string;
}

/** Runs `rationale lint` and returns the exit code: 0 pass, 1 fail (2 is thrown as UsageError). */
export async function runLint(file: string | undefined, options: LintCommandOptions): Promise<number> {
  const cwd = process.cwd();
  checkCommentChar(options);
  const source = pickSource(file, options, cwd);
  // A stored commit's message was cleaned when it was made: a comment char would do nothing.
  if (source.type === "commit" && options.commentChar !== undefined) {
    throw new UsageError("--comment-char does not apply to --commit: git has already cleaned a stored commit's message. See: rationale lint --help");
  }
  // The order of errors docs/cli.md gives: not a repository (for --commit, as pickSource
  // checks it for --edit), then the config, then the message it judges.
  if (source.type === "commit") assertInRepository(cwd, "--commit", `--commit ${echoValue(source.rev)} reads the commit from the repository it is run in`);
  let configError: UsageError | undefined;
  const loaded = await loadConfig({ cwd, file: options.config }).catch((error: unknown) => {
    if (!(error instanceof UsageError)) throw error;
    configError = error;
    return undefined;
  });
  const input = await readInput(source, cwd).catch((error: unknown) => {
    // A message the hook cannot read is kept even when the config is bad; the config is said first.
    const hook = source.type === "file" && source.hook && process.env.GIT_INDEX_FILE !== undefined;
    throw hook ? keptUnreadable(error, source.path, fileCommentChar(options, cwd), cwd, configError) : (configError ?? error);
  });
  // The message file of a commit git is making (git sets GIT_INDEX_FILE for its hooks): only
  // then is a commit rejected; `rationale lint --edit` run by hand just reports.
  const committing = process.env.GIT_INDEX_FILE !== undefined ? input.hookFile : undefined;
  const commentChar = source.type === "file" ? fileCommentChar(options, cwd) : options.commentChar;
  if (input.hookFile) input.cleanup = hookCleanup(input.text, commentChar, cwd);
  if (configError !== undefined) {
    // In the hook, a config error stops the commit too: say where the message is kept.
    if (committing === undefined) throw configError;
    const error = configError;
    const savedAt = cleansToNothing(input, commentChar) ? null : keepRejectedCopy(committing, templateCommentChar(input.text, commentChar));
    if (savedAt === null) {
      throw new UsageError(error.message, [...error.details, "commit stopped: fix the config and commit again, or skip the check once with git commit --no-verify"]);
    }
    // The same retry as after a rejection: an amend amends, -a and the paths are repeated, a rebase continues.
    const { command, where } = retryCommand(savedAt, input.text, { keptComments: input.cleanup === "whitespace", kind: commitKind(committing, process.env, input.text) });
    throw new UsageError(error.message, [
      ...error.details,
      `commit stopped; your message is saved in ${shellQuote(savedAt)}: fix the config and retry${where} with: ${command}`,
      "or skip the check once with git commit --no-verify",
    ]);
  }
  const config = loaded as ResolvedConfig;

  noteUnreadScriptConfigs(config, cwd, options.config, committing === undefined ? undefined : besideHookFile(committing, CONFIG_NOTE_MARKER));

  // A template's "## Why" hints are dropped by git on purpose; comment-lines-dropped needs to
  // know them. Read only when git strips comments and a line looks like such a heading.
  const template = input.hookFile && input.cleanup === true && TEMPLATE_HEADING.test(input.text) ? readCommitTemplate(cwd) : undefined;

  // One message is judged, so each cue pattern runs about once: compiling it straight to
  // machine code (7 ms for all of them) beats V8's default of interpreting it first (30 ms).
  // The flag only changes how patterns are compiled, never what they match.
  setFlagsFromString("--no-regexp-tier-up");
  const parsed = parseWithTrustedOptions(input.text, { commentChar, cleanup: input.cleanup, merge: input.merge, template });
  const { result, empty } = await lintForReport(parsed, config);

  const entry: ReportEntry = { source: input.source, ...(input.sha === undefined ? {} : { sha: input.sha }), result, raw: input.text, empty, threshold: config.threshold };
  // In the hook, `git commit -q` asks for silence on success as `--quiet` does (the process tree
  // is read only for a pass); a rejection is reported in full either way.
  if (options.format === "json") {
    process.stdout.write(formatJson([entry]));
  } else if (!(result.pass && (options.quiet || (committing !== undefined && commitIsQuiet())))) {
    process.stdout.write(formatText([{ ...entry, source: input.label }], shouldColor(process.stdout)));
  }
  if (!result.pass && committing !== undefined) {
    // An empty message (git's cleanup leaves nothing) is how git's users abort a commit: no
    // copy, which would replace a message rejected earlier that they may still mean to retry.
    const savedAt = empty ? null : keepRejectedCopy(committing, templateCommentChar(input.text, commentChar));
    const why = rejectionReason(result, config.threshold, empty);
    // Loaded only for a release commit without a body: the hook of every other commit never reads hooks.
    const hooks = !empty && isEmptyReleaseBody(result) ? await import("./hooks.js") : undefined;
    const kind = commitKind(committing, process.env, input.text);
    // Amending the bump commit gets the hook's body; not offered to a commit that amended, nor inside a rebase or cherry-pick.
    const amendSummary = kind.amend || kind.rebase || kind.sequence !== undefined ? undefined : parsed.summary?.text;
    const releasePrefix = typedReleasePrefix(config.rules["conventional-format"]?.options);
    const advice = rejectionAdvice(result, {
      ...(releasePrefix === undefined ? {} : { releasePrefix }),
      releaseHookInstalled: () => hooks?.releaseHookInstalled(cwd) ?? false,
      ...(amendSummary === undefined ? {} : { amendSummary }),
      ...(parsed.summary ? { summary: parsed.summary.text } : {}),
    });
    process.stderr.write(recoveryHint(savedAt, input.text, why, { keptComments: input.cleanup === "whitespace", empty, kind, ...(empty ? {} : { advice }) }));
  }
  return result.pass ? 0 : 1;
}

/**
 * `error` (why the message file of a commit git is making cannot be judged) as the hook reports
 * it: a message saved as UTF-16 or holding a NUL byte stops the commit like a rejection, so it
 * is kept where the next commit will not overwrite it, UTF-16 as UTF-8 and without git's block
 * below the text (`commentChar` is the configured one), with the retry. A UTF-16 message that
 * git's cleanup leaves without text (an editor closed on git's template: how git's users abort
 * a commit) is not kept, as a rejected one is not, so that it never replaces an earlier
 * rejection's copy. A file that cannot be read at all is reported as it is.
 *
 * With `configError` (the config is bad too), that is said first, as for a readable message,
 * and the message's problem and where it is kept follow it: the retry has to wait for both.
 */
function keptUnreadable(error: unknown, hookFile: string, commentChar: string | undefined, cwd: string, configError?: UsageError): unknown {
  if (!(error instanceof UsageError)) return configError ?? error;
  let bytes: Buffer;
  try {
    bytes = readFileSync(hookFile);
  } catch {
    return configError ?? error;
  }
  // Under a config error, its own message heads the report and the message's follows as a line.
  const stopped = (lines: string[]) =>
    configError === undefined
      ? new UsageError(error.message, [...error.details, ...lines])
      : new UsageError(configError.message, [...configError.details, error.message, ...error.details, ...lines, "or skip the check once with git commit --no-verify"]);
  const text = decodeUtf16(bytes);
  if (text !== undefined && cleansToNothing({ text, cleanup: hookCleanup(text, commentChar, cwd) }, commentChar)) {
    const write = configError === undefined ? "write it" : "fix the config, write the message";
    return stopped([`commit stopped; the message has no text but comment lines, so it was not kept: ${write}, save it as UTF-8, and commit again`]);
  }
  const savedAt = keepUnreadableCopy(hookFile, text, text === undefined ? undefined : templateCommentChar(text, commentChar)) ?? hookFile;
  const kind = commitKind(hookFile, process.env, text ?? "");
  const { command, where } = retryCommand(savedAt, text ?? "", { kind });
  const saved = savedAt === hookFile ? `your message is in ${shellQuote(savedAt)}` : `your message is saved${text === undefined ? "" : " as UTF-8"} in ${shellQuote(savedAt)}`;
  const fix = text !== undefined && savedAt !== hookFile ? "retry" : text !== undefined ? "save it as UTF-8 and retry" : "remove the NUL byte and retry";
  const fixAll = configError === undefined ? fix : fix === "retry" ? "fix the config and retry" : `fix the config, ${fix}`;
  return stopped([`commit stopped; ${saved}: ${fixAll}${where} with: ${command}`]);
}

/** The file in the git directory that holds the last note on unread script configs the hook gave. */
const CONFIG_NOTE_MARKER = "RATIONALE_CONFIG_NOTE";

/**
 * Says once, on stderr, that script config files (rationale.config.js, .ts, …) found from `cwd`
 * up are not read, when no JSON or YAML config applies: a user who wrote one would otherwise
 * get the defaults without a word. Looked for only then (not with `--config`, which skips
 * discovery, nor when a config file was found), so the hook's usual start-up stats no more names.
 *
 * With `marker` (a file in the git directory, for the commit-msg hook), the note is given only
 * when it differs from the one the file holds, and then kept there: once for the repository
 * rather than on every commit, and again when the files it names change.
 */
export function noteUnreadScriptConfigs(config: ResolvedConfig, cwd: string, configOption: string | undefined, marker?: string): void {
  if (configOption !== undefined || config.source !== undefined) return;
  const found = findScriptConfigs(cwd);
  if (found.length === 0) return;
  // As `rationale config` shows them: from cwd when below it, else the whole path.
  const names = found.map((file) => {
    const shown = relative(cwd, file);
    return shown.startsWith("..") || isAbsolute(shown) ? file : shown;
  });
  const listed = names.length === 1 ? `${names[0]} is` : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} are`;
  const note = `rationale: note: ${listed} not read, so the defaults apply: configs are JSON or YAML (rationale.config.json, .rationalerc.json, .rationalerc.yaml or .yml, or "rationale" in package.json)\n`;
  if (marker !== undefined && readIfAny(marker) === note) return;
  process.stderr.write(note);
  if (marker === undefined) return;
  try {
    writeFileSync(marker, note);
  } catch {
    // Unwritten, the note is given again on the next commit: no worse than before.
  }
}

/** A text file's content, or undefined when it cannot be read. */
function readIfAny(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Refuses a blank `--comment-char`, which would make every line a comment or none. */
export function checkCommentChar(options: LintCommandOptions): void {
  if (options.commentChar !== undefined && (options.commentChar === "" || /[\s]/.test(options.commentChar))) {
    throw new UsageError(`--comment-char must be a non-blank character (or 'auto'); got ${JSON.stringify(options.commentChar)}. See: rationale lint --help`);
  }
}

/** The comment char for cleaning a message file: `--comment-char`, else git's core.commentChar when `cwd` is in a repository. */
export function fileCommentChar(options: LintCommandOptions, cwd: string): string | undefined {
  if (options.commentChar !== undefined) return options.commentChar;
  const location = findGitDir(cwd);
  return location ? readCommentChar(cwd, location) : undefined;
}

/**
 * Lints a parsed message for the CLI's report: with remark loaded first when the body needs the
 * full Markdown parser, and an empty message failed (`empty`), as git would refuse to commit it.
 */
export async function lintForReport(parsed: ParsedMessage, config: ResolvedConfig): Promise<{ result: LintResult; empty: boolean }> {
  if (needsMarkdownParser(parsed.bodyText) && !isMarkdownParserLoaded()) {
    // Not ensureMarkdown(): remark.ts registers itself in its own module graph, and dist/hook.cjs
    // loads it from the ES module chunks, so the parser is registered in this graph explicitly.
    const { blocksFromRemark } = await import("../message/remark.js");
    registerMarkdownParser(blocksFromRemark);
  }
  const result = lintResolved(parsed, config);
  const empty = parsed.text.trim() === "";
  if (empty) result.pass = false;
  return { result, empty };
}

/**
 * Whether git's cleanup of the message leaves no text, as lintForReport's `empty` says once the
 * message is parsed: comment lines alone (a commit template's hints, git's instructions in any
 * language) or blank lines, unless the cleanup mode keeps comment lines.
 */
function cleansToNothing(input: Pick<Input, "text" | "cleanup">, commentChar: string | undefined): boolean {
  try {
    return cleanMessageLines(input.text, { commentChar, cleanup: input.cleanup }).length === 0;
  } catch {
    return false; // an invalid comment char: the parse reports it
  }
}

/** The comment char git wrote its template with in `text`, to leave that out of the saved copy; undefined when "auto" finds none. */
function templateCommentChar(text: string, commentChar: string | undefined): string | undefined {
  if (commentChar !== "auto") return commentChar ?? "#";
  return detectAutoCommentChar(splitSourceLines(text)) ?? undefined;
}

/**
 * How git will clean the message it handed the hook. `git commit -m`/`-F` keeps lines starting
 * with the comment char ("#42 reported …"), and so must the hook that judges such a message;
 * only a message from git's editor loses them, and only in the default or `strip` mode:
 * `commit.cleanup` set to `whitespace`, `scissors` or `verbatim` keeps them there too (git
 * still cuts a `-v` diff at the scissors line). A user may also set GIT_EDITOR=: for an amend
 * or a rebase, where git still writes its template and strips comments: the template's own
 * English lines tell that case apart. Asks git only when a line starts with the comment char.
 */
function hookCleanup(text: string, commentChar: string | undefined, cwd: string): Input["cleanup"] {
  // Split once, and only when a question needs the lines.
  let split: SourceLine[] | undefined;
  const lines = () => (split ??= splitSourceLines(text));
  const prefix = commentChar === "auto" ? detectAutoCommentChar(lines()) : (commentChar ?? "#");
  if (prefix === null || !hasLineStartingWith(text, prefix)) return true;
  const mode = commitCleanupMode(cwd);
  if (mode === "whitespace" || mode === "scissors" || mode === "verbatim") return "scissors";
  // Only git's English template lines count here, not the template's shape: a `-m` message may
  // end in a few "#" lines of its own, and dropping lines git keeps would misjudge it.
  if (mode !== "strip" && process.env.GIT_EDITOR === ":" && detectTemplateByPhrases(lines()) === null) return "whitespace";
  return true;
}

/**
 * The message sources given on the command line, each named with its value, so "lint --edit
 * msg.txt extra" shows which argument is the extra. `--commits` is run-lint-range.ts's.
 */
export function givenSources(file: string | undefined, options: LintCommandOptions): string[] {
  return [
    options.commits !== undefined && `--commits '${echoValue(options.commits)}'`,
    file !== undefined && file !== "-" && `FILE '${file}'`,
    (options.stdin || file === "-") && "--stdin",
    options.edit !== undefined && (typeof options.edit === "string" ? `--edit '${options.edit}'` : "--edit"),
    options.commit !== undefined && `--commit '${echoValue(options.commit)}'`,
  ].filter((source): source is string => typeof source === "string");
}

/** Checks that exactly one source was given and resolves the `--edit` default. */
function pickSource(file: string | undefined, options: LintCommandOptions, cwd: string): Source {
  const given = givenSources(file, options);
  if (given.length === 0) {
    throw new UsageError("nothing to lint: give a FILE, --edit [FILE], --stdin (or -), --commit REV or --commits RANGE. See: rationale lint --help");
  }
  if (given.length > 1) throw new UsageError(`give only one message source; got ${given.join(" and ")}. See: rationale lint --help`);
  // An empty path resolves to the working directory, which would be reported as "cannot read :
  // it is a directory". A hook script run by hand passes an empty "$1" this way.
  if (file === "") throw new UsageError("FILE expects a file name, got ''. See: rationale lint --help");
  if (options.edit === "") {
    throw new UsageError("--edit expects a file name, got '' (git passes the message file to the commit-msg hook as $1; run by hand, --edit alone reads .git/COMMIT_EDITMSG). See: rationale lint --help");
  }
  if (options.stdin || file === "-") return { type: "stdin" };
  if (options.commit !== undefined) return { type: "commit", rev: options.commit };
  if (typeof options.edit === "string") return { type: "file", path: resolveFrom(cwd, options.edit), shownAs: options.edit, hook: true };
  if (options.edit === true) {
    const location = findGitDir(cwd);
    if (!location) throw new UsageError(`not a git repository: ${cwd}; --edit without a FILE reads .git/COMMIT_EDITMSG, so give the message FILE`);
    const path = resolveFrom(cwd, `${location.gitDir}/COMMIT_EDITMSG`);
    const shownAs = relative(cwd, path) || path;
    return { type: "file", path, shownAs, hook: true, editDefault: true };
  }
  return { type: "file", path: resolveFrom(cwd, file!), shownAs: file!, hook: false };
}

/** Reads the message `source` names: decoded, labelled, with how it is to be cleaned. */
export async function readInput(source: Source, cwd: string): Promise<Input> {
  switch (source.type) {
    case "stdin": {
      const text = decodeMessage(await readStdin(), "stdin");
      return { source: "stdin", label: "stdin", text, cleanup: true };
    }
    case "commit": {
      const commit = readCommit(source.rev, cwd);
      // As `rationale audit` judges the same commit: bad bytes replaced, with a warning.
      // The revision as it is echoed (echoValue): a long one that names a commit (a branch name
      // pasted whole, HEAD~1~1~1…) would otherwise be the report's whole first line.
      const shown = echoValue(source.rev);
      const text = decodeMessage(commit.bytes, `commit ${shown}`, undefined, (problem) =>
        process.stderr.write(`rationale: warning: ${problem}; judged with the bad bytes replaced\n`),
      );
      const short = commit.hash.slice(0, 12);
      const label = commit.hash.startsWith(source.rev) ? short : `${shown} (${short})`;
      return { source: source.rev, sha: commit.hash, label, text, cleanup: false, merge: mergeFromParents(commit.parents) };
    }
    case "file": {
      // Run by hand before any commit: say what the file is rather than only that it is missing.
      if (source.editDefault && !existsSync(source.path)) {
        throw new UsageError(
          `cannot read ${source.shownAs}: no such file (git writes it when a commit starts; --edit without a FILE is for the commit-msg hook: to check a message now, give a FILE, --stdin or --commit REV)`,
        );
      }
      const warn = (problem: string) =>
        process.stderr.write(`rationale: warning: ${problem}; judged with the bad bytes replaced (set i18n.commitEncoding if the message is in another encoding)\n`);
      const text = decodeMessage(readMessageFile(source.path, source.shownAs), source.shownAs, source.hook ? () => readCommitEncoding(cwd) : undefined, source.hook ? warn : undefined);
      if (!source.hook) return { source: source.shownAs, label: source.shownAs, text, cleanup: true };
      // Concluding a merge (git merge, git pull, or git commit after resolving conflicts): the
      // message may be the user's own words ("Merge the export job"), and it is still a merge.
      const merge = isConcludingMerge(source.path) || undefined;
      return { source: source.shownAs, label: source.shownAs, text, cleanup: true, hookFile: source.path, merge };
    }
  }
}

/**
 * Why a message failed, in a few words: "2 errors, score 40 is below 60". A merge's score is
 * shown but never fails it (only an error does), so it is no reason for a merge.
 */
function rejectionReason(result: LintResult, threshold: number, empty: boolean): string {
  if (empty) return "the message is empty";
  const errors = result.findings.filter((finding) => finding.severity === "error").length;
  const reasons = [
    errors > 0 && `${errors} error${errors === 1 ? "" : "s"}`,
    result.kind !== "merge" && result.score < threshold && `score ${result.score} is below ${threshold}`,
  ].filter(Boolean);
  return reasons.join(", ") || "it did not pass";
}

/** True when a line of `text` starts with `prefix` (a comment char; "auto" matches nothing). */
function hasLineStartingWith(text: string, prefix: string): boolean {
  if (prefix === "auto") return false;
  return text.startsWith(prefix) || text.includes(`\n${prefix}`);
}
