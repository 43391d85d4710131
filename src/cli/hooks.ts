// Installs git hooks that run rationale: into .husky/ when husky is in use, else git's hooks path.
import { execFileSync } from "node:child_process";
import { accessSync, chmodSync, copyFileSync, constants, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, delimiter, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { didYouMean } from "../config/suggest.js";
import { echoValue } from "../echo-value.js";
import { describeOption } from "../message/options.js";
import { NotARepositoryError } from "../not-a-repository.js";
import { UsageError } from "../types.js";
import { shellQuote } from "./recovery.js";
import { crlfFailure, hookShell, ignoredVerdict, QUIET, rationaleLineEndsInLf, runsRationale, runsReleaseHookCommand, unreachedRationale, withQuietAdded, type HookShell } from "./hook-reading.js";

/** The hooks rationale knows how to install. */
export type HookName = "commit-msg" | "prepare-commit-msg";

/** What the prepare-commit-msg hook of `rationale init --release` runs. */
export const RELEASE_HOOK_COMMAND = 'release prepare-commit-msg "$1" "$2" "$3"';

/** Options for {@link installHook} and {@link planHook}. */
export interface InstallHookOptions {
  /** A directory inside the repository. */
  cwd: string;
  /** Replace an existing hook file that differs from ours. */
  force?: boolean;
  /** Compute what would be written without writing it. */
  dryRun?: boolean;
  /**
   * For the commit-msg hook running `lint --edit "$1"` ({@link installHook} only): true makes it
   * print nothing for a message that passes (`lint --edit "$1" --quiet`, as `init --quiet`), false
   * makes it report every commit (as `init --no-quiet`); left out, the hook keeps the `--quiet`
   * of the one it updates, as `init` does.
   */
  quiet?: boolean;
}

/** A hook file rationale intends to write (or wrote). */
export interface HookPlan {
  name: HookName;
  /** Absolute path of the hook file. */
  path: string;
  /** `path` relative to the working directory, for messages. */
  shownAs: string;
  content: string;
  /**
   * The shell lines (joined by newlines, each under 100 columns) that run rationale, for adding
   * to an existing hook by hand; the last runs it, on a line that names rationale, which is how
   * `init` knows them again (existing: "added").
   */
  line: string;
  layout: "husky" | "git";
  /**
   * What is there now: nothing, our exact content, an earlier rationale version of it (same
   * commands, other comments: replaced without --force), a hook of the user's own that runs
   * rationale (the line `init` asks to add by hand: left alone, replaced only with --force), or
   * something else.
   */
  existing: "none" | "same" | "outdated" | "added" | "different";
  /**
   * Set when the hook is there with CRLF line endings: sh reads `then\r` as no `then`, and
   * `"$1"\r` as another file than git's, so rationale never judges the message git wrote (and
   * most such hooks fail every commit: crlfFailure). The hook rationale wrote ("outdated") is written again with LF; a hook of the
   * user's own that runs rationale ("added"), or one in the way ("different") to which the lines
   * are to be added by hand, is theirs to convert (crlfNote says so). For husky's
   * `.husky/`, git's checkout made them (core.autocrlf=true, or an eol=crlf attribute), and will
   * again unless .gitattributes keeps the file LF.
   */
  crlf?: true;
  /** For a hook of the user's own with CRLF line ends (crlf): how the shell fails it (crlfFailure). */
  crlfFailure?: ReturnType<typeof crlfFailure>;
  /**
   * For a hook of the user's own with CRLF line ends (crlf): the shell that reads it, as crlfNote
   * names it: the one its `#!` line names ("bash"), or "sh" for husky's runner and any other.
   */
  crlfShell?: Exclude<HookShell, "husky">;
  /**
   * For a hook of the user's own that runs rationale ("added") with CRLF line ends elsewhere, set
   * when rationale's own line ends in LF (rationaleLineEndsInLf): that line is read as written.
   */
  crlfRationaleLineLf?: true;
  /**
   * For a commit-msg hook of the user's own that runs rationale ("added") but throws its verdict
   * away (`|| true`, `&`): what is wrong and how to fix it, since the hook never stops a commit.
   */
  verdictIgnored?: string;
  /**
   * For a hook in the way ("different") that names rationale's command where it never runs: why
   * (`exit 0` above it, a function never called), so that the advice to add the lines is not
   * taken for a misreading of the line already there.
   */
  notReached?: string;
  /**
   * For `init --quiet` on a hook of the user's own that runs `rationale lint --edit` without
   * `--quiet` ("different"): adding --quiet to that line is the fix, not a second line.
   */
  addQuiet?: true;
  /**
   * With `addQuiet`: the user's line that runs rationale, trimmed, with `--quiet` added to its
   * rationale command (before a `|| exit 1` after it, where the end of the line would be wrong).
   */
  quietLine?: string;
  /**
   * For `init --no-quiet` on a hook of the user's own whose rationale line has `--quiet`
   * ("different"): taking --quiet off that line is the fix, not a second line.
   */
  dropQuiet?: true;
  /**
   * Set when git will not run the hook as things stand (husky not set up), or not in every
   * worktree (a relative core.hooksPath whose copy the other worktrees lack): what to do about it.
   */
  warning?: string;
  /** The work tree's top directory. */
  top: string;
  /** Where core.hooksPath is set when that is not this repository ("global", "system"): a hook there runs for every repository. */
  sharedHooksPath?: { scope: string; value: string; own?: string };
}

/** Runs git and returns trimmed stdout, or undefined when git fails (unset config, not a repo). */
function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

/**
 * True when the repository uses husky: core.hooksPath pointing into `.husky/`, or a `.husky/`
 * directory, unless the repository's own config points git at another hooks directory
 * (`.githooks`, say): then that is where its hooks live, and husky's setup would take it over.
 * A hooks path from the global config does not count: husky's setup overrides it per repository.
 */
function usesHusky(top: string, hooksPath: string | undefined, cwd: string): boolean {
  if (huskyActive(top, hooksPath)) return true;
  if (statSync(join(top, ".husky"), { throwIfNoEntry: false })?.isDirectory() !== true) return false;
  const own = hooksPath === undefined ? undefined : git(["config", "--local", "--get", "core.hooksPath"], cwd);
  // Another worktree's .husky (an absolute path into it) is still husky's.
  return own === undefined || HUSKY_DIR.test(own.replace(/\\/g, "/"));
}

/** A hooks path that ends in a `.husky` directory or husky 9's `.husky/_`. */
const HUSKY_DIR = /(?:^|\/)\.husky(?:\/_)?\/?$/;

/** True when core.hooksPath makes git run the hooks in .husky/ (husky 9 uses .husky/_, older husky .husky). */
function huskyActive(top: string, hooksPath: string | undefined): boolean {
  const target = huskyTarget(top, hooksPath);
  return target === ".husky" || target === ".husky/_";
}

/** core.hooksPath relative to the top of the work tree, with forward slashes; undefined when unset. */
function huskyTarget(top: string, hooksPath: string | undefined): string | undefined {
  return hooksPath ? relative(top, resolve(top, hooksPath)).replace(/\\/g, "/") : undefined;
}

/**
 * What husky's own setup (`npx husky`, usually the `prepare` script of `npm install`) makes in
 * a checkout and does not commit: husky 9's `.husky/_`, holding a runner per hook (its own
 * `.gitignore` says `*`) that calls the hook beside it in `.husky/`.
 */
const HUSKY_SETUP = "run npx husky (husky 9; older husky: npx husky install), or npm install if your prepare script runs husky";

/** Drops a leading "rationale" so callers may pass either `lint --edit "$1"` or `rationale lint --edit "$1"`. */
function rationaleArgs(command: string): string {
  return command.trim().replace(/^rationale\s+/, "");
}

/** What earlier versions of the hook looked like, so `init` can tell them from a hook of the user's own. */
interface HookForm {
  /** Where a linked worktree finds rationale: any checkout `git worktree list` names, or the main one only (an earlier form). */
  otherCheckouts?: "worktrees" | "main";
  /** Whether the not-installed line says how to delete the hook. */
  deleteHint?: boolean;
  /**
   * How the commit-msg hook without rationale keeps a copy of the message: "config" as git's
   * cleanup would (comment char from git's config, see keepCopyLines), "hash" as an earlier
   * form did (`#` lines only, template comments kept), or not at all (false).
   */
  keepCopy?: "config" | "hash" | false;
  /** Whether the long lines are broken for reading (the same commands), as `init --dry-run` shows them; earlier forms had them on one line. */
  wrapped?: boolean;
  /** Whether the line about the kept copy gives the command that commits it (earlier forms named the file only). */
  retry?: boolean;
}

/**
 * The POSIX sh hook for plain git: the project's own install (in a linked worktree without one,
 * the first checkout of the repository that has one), else a rationale on PATH (what
 * `init` checks for), else a one-line explanation. Not `npx --no`: it ignores PATH and, for a
 * name it cannot find locally, asks the registry and fails with "could not determine
 * executable to run". A commit-msg hook without rationale stops the commit (the message stays
 * in the file git passed); prepare-commit-msg never fails one. The lines up to the first exec
 * are what every commit runs: two tests and an exec, no process of their own.
 */
function gitHookScript(name: HookName, args: string, { otherCheckouts = "worktrees", deleteHint = true, keepCopy = "config", wrapped = true, retry = true }: HookForm = {}): string {
  const commit = name === "commit-msg";
  // Left behind by `npm uninstall`, the hook is what stops the commit: say how to be rid of it.
  // ($0 is the hook file as git, or husky's runner, started it.)
  const remove = deleteHint ? ", or delete this hook ($0) if the project no longer uses rationale" : "";
  const where = keepCopy ? "$where" : "in $1";
  const notInstalled = commit
    ? `rationale: not installed here (no ./node_modules/.bin/rationale, none on PATH): run npm install --save-dev rationale-cli, or skip the check once with git commit --no-verify${remove}; your message is ${where}`
    : `rationale: not installed here (no ./node_modules/.bin/rationale, none on PATH); the release message was not pre-filled${remove}`;
  return [
    "#!/bin/sh",
    // --no-verify skips commit-msg but not prepare-commit-msg, which never fails a commit anyway.
    commit
      ? `# ${name} hook installed by \`rationale init\`. Skip it once with: git commit --no-verify`
      : `# ${name} hook installed by \`rationale init\`: pre-fills release commit messages;\n# it never fails a commit.`,
    "if [ -x ./node_modules/.bin/rationale ]; then",
    `  exec ./node_modules/.bin/rationale ${args}`,
    "fi",
    ...(otherCheckouts === "worktrees" ? otherCheckoutLines(args, wrapped) : mainCheckoutLines(args)),
    "if command -v rationale >/dev/null 2>&1; then",
    `  exec rationale ${args}`,
    "fi",
    ...(commit && keepCopy ? (keepCopy === "config" ? keepCopyLines(retry) : KEEP_HASH_COPY_LINES) : []),
    ...(wrapped ? wrappedEcho(notInstalled) : [`echo "${notInstalled}" >&2`]),
    commit ? "exit 1" : "exit 0",
    "",
  ].join("\n");
}

/**
 * `echo "TEXT" >&2` over lines of at most 98 columns, 100 as `init --dry-run` indents them:
 * inside double quotes the shell drops a backslash and the newline after it, so the line printed
 * is TEXT as one line. Broken after a space, which stays at the end of the line before.
 */
function wrappedEcho(text: string): string[] {
  const lines: string[] = [];
  let rest = `echo "${text}" >&2`;
  while (rest.length > 98) {
    const at = rest.lastIndexOf(" ", 96);
    lines.push(`${rest.slice(0, at + 1)}\\`);
    rest = rest.slice(at + 1);
  }
  return [...lines, rest];
}

/**
 * Shell for the commit-msg hook that finds no rationale: keeps the message as RATIONALE_EDITMSG
 * beside git's file, as rationale keeps a rejected one (see keepRejectedCopy), since git's next
 * commit (the --no-verify one the line suggests, say) rewrites COMMIT_EDITMSG; and sets `where`
 * to say where the message is. Without rationale the cleanup is sh's and awk's (POSIX both),
 * with git's own settings: it leaves out git's -v diff from its scissors line on (a retry with
 * -e -F would commit it) and the comment lines git's cleanup drops, by `core.commentString` or
 * `core.commentChar` (`#` unset; for `auto`, the char of the comment lines the file ends with,
 * git's template, judged by its shape as detectAutoCommentChar does), since the retry's editor
 * shows git's template again. git keeps comment lines of a message given with -m or -F (it tells
 * hooks so with GIT_EDITOR=:) unless commit.cleanup is strip, and of any message when
 * commit.cleanup is whitespace, scissors or verbatim: so does the copy (`c` empty). A message
 * left without text (an editor closed on the template, how a commit is aborted) is not kept, so
 * it does not replace a message rejected earlier. Where no copy can be written (a read-only
 * .git), sh's own errors are silenced (2>/dev/null before the `>` it would complain about) and
 * nothing fails under husky's `sh -e`, so the hook's one line still says where the message is.
 * With `retry`, that line also gives the command that commits the copy (once rationale is
 * installed, or with --no-verify): `git commit -e -F FILE`, and without -e for a message given
 * with -m or -F (git keeps its comment lines, which the editor's cleanup would drop), the path
 * quoted for the shell when it needs it (a linked worktree's git directory, say).
 * The git and awk processes run only when rationale is missing, never on the way to it.
 */
function keepCopyLines(retry: boolean): string[] {
  return [
    `where="in $1, which git's next commit overwrites"`,
    'case "$1" in',
    "  COMMIT_EDITMSG|*/COMMIT_EDITMSG|MERGE_MSG|*/MERGE_MSG)",
    '    kept="$(dirname "$1")/RATIONALE_EDITMSG"',
    '    c="$(git config core.commentString 2>/dev/null ||',
    '      git config core.commentChar 2>/dev/null)" && [ -n "$c" ] || c="#"',
    ...(retry ? ['    e=" -e"'] : []),
    '    case "$(git config commit.cleanup 2>/dev/null)" in',
    "      whitespace|scissors|verbatim) c= ;;",
    "      strip) ;;",
    retry ? '      *) [ "${GIT_EDITOR-}" != : ] || { c=; e=; } ;;' : '      *) [ "${GIT_EDITOR-}" != : ] || c= ;;',
    "    esac",
    "    if c=\"$c\" LC_ALL=C awk '",
    "      /^[^ ][^ ]* ------------------------ >8 ------------------------\\r?$/ { exit }",
    '      { t = $0; sub(/\\r$/, "", t); raw[++m] = $0; text[m] = t }',
    "      END {",
    '        c = ENVIRON["c"]',
    '        if (c == "auto") {',
    "          for (e = m; e && text[e] !~ /[^ \\t]/; e--) ;",
    "          c = substr(text[e], 1, 1); bare = 0",
    "          for (i = e; i && substr(text[i], 1, 1) == c && substr(text[i], 2, 1) ~ /^[ \\t]?$/; i--)",
    "            if (text[i] == c) bare = 1",
    '          if (c == "" || !index("#;@!$%^&|:", c) || e - i < 3 || !bare) c = ""',
    "        }",
    "        for (i = 1; i <= m; i++) if (c == \"\" || index(text[i], c) != 1) {",
    "          print raw[i]; if (text[i] ~ /[^ \\t]/) has = 1",
    "        }",
    "        exit !has",
    "      }",
    "    ' \"$1\" 2>/dev/null > \"$kept.tmp\" && mv \"$kept.tmp\" \"$kept\" 2>/dev/null; then",
    ...(retry ? RETRY_LINES : ['      where="saved in $kept"']),
    "    else",
    '      rm -f "$kept.tmp" 2>/dev/null || :',
    "    fi",
    "    ;;",
    "esac",
  ];
}

/**
 * The retry command for keepCopyLines: `-e` unless the message came with -m or -F (`e`), the
 * path single-quoted when it has a character the shell reads (a quote in it written `'\''`).
 */
const RETRY_LINES = [
  '      case "$kept" in',
  `        *[!A-Za-z0-9_./-]*) q="'$(printf '%s' "$kept" | sed "s/'/'\\\\\\\\''/g")'" ;;`,
  '        *) q="$kept" ;;',
  "      esac",
  '      where="saved in $kept; retry with: git commit$e -F $q"',
];

/**
 * The form of keepCopyLines before it read git's config: a `#` line counted as a comment for
 * the test of text, and comment lines (git's template, in any comment char) stayed in the copy.
 */
const KEEP_HASH_COPY_LINES = [
  `where="in $1, which git's next commit overwrites"`,
  'case "$1" in',
  "  COMMIT_EDITMSG|*/COMMIT_EDITMSG|MERGE_MSG|*/MERGE_MSG)",
  '    kept="$(dirname "$1")/RATIONALE_EDITMSG"',
  "    if sed '/^[^ ]\\{1,8\\} -\\{24\\} >8 -\\{24\\}$/,$d' \"$1\" 2>/dev/null > \"$kept.tmp\" && grep -v '^#' \"$kept.tmp\" | grep -q '[^[:space:]]' && mv \"$kept.tmp\" \"$kept\" 2>/dev/null; then",
  '      where="saved in $kept"',
  "    else",
  '      rm -f "$kept.tmp" 2>/dev/null || :',
  "    fi",
  "    ;;",
  "esac",
];

/**
 * A linked worktree (git worktree add) usually has no node_modules of its own: the first
 * checkout `git worktree list` names that has an install. That is the main checkout, or, for a
 * bare repository with worktrees (listed first, without a checkout), one of its worktrees.
 * `wrapped`: the search over three lines, broken after its pipes (the shell reads on after a
 * `|`); earlier hooks had it on one line of 220 characters.
 */
function otherCheckoutLines(args: string, wrapped: boolean): string[] {
  const search = wrapped ? [`bin="$(${CHECKOUT_INSTALLS[0]}`, ...CHECKOUT_INSTALLS.slice(1, -1).map((line) => `  ${line}`), `  ${CHECKOUT_INSTALLS.at(-1)})"`] : [`bin="$(${OTHER_CHECKOUT_INSTALL})"`];
  return [...search, 'if [ -n "$bin" ]; then', `  exec "$bin" ${args}`, "fi"];
}

/**
 * Shell that prints the first listed checkout's node_modules/.bin/rationale, or nothing, in
 * lines to be joined by newlines (each but the last ends in a pipe); the lines `init` asks to
 * add to a hook of the user's own search the same way.
 */
const CHECKOUT_INSTALLS = [
  "git worktree list --porcelain 2>/dev/null |",
  "sed -n 's|^worktree \\(.*\\)|\\1/node_modules/.bin/rationale|p' |",
  "while IFS= read -r bin; do if [ -x \"$bin\" ]; then printf '%s\\n' \"$bin\"; break; fi; done",
];

/** The one-line form of CHECKOUT_INSTALLS earlier hooks have. */
const OTHER_CHECKOUT_INSTALL =
  "git worktree list --porcelain 2>/dev/null | sed -n 's/^worktree //p' | " +
  'while IFS= read -r dir; do if [ -x "$dir/node_modules/.bin/rationale" ]; then printf \'%s\\n\' "$dir/node_modules/.bin/rationale"; break; fi; done';

/** The earlier form of `otherCheckoutLines`: only the main checkout (none for a bare repository). */
function mainCheckoutLines(args: string): string[] {
  return [
    'main="$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null)/.."',
    'if [ -x "$main/node_modules/.bin/rationale" ]; then',
    `  exec "$main/node_modules/.bin/rationale" ${args}`,
    "fi",
  ];
}

/**
 * Why `cwd` has no work tree to install a hook for: a bare repository (its worktrees share its
 * hooks, so init belongs in one of them), the inside of a git directory, or no repository at all.
 */
function notInWorkTreeError(cwd: string): UsageError {
  const dir = resolve(cwd);
  // Named by the repository's git directory, not the subdirectory (hooks/, refs/) init ran in.
  const gitDir = git(["rev-parse", "--absolute-git-dir"], cwd);
  if (git(["rev-parse", "--is-bare-repository"], cwd) === "true") {
    return new UsageError(`${gitDir ?? dir} is a bare repository, which has no work tree to commit in; run rationale init in one of its worktrees (git worktree add DIR), which share its hooks`);
  }
  if (git(["rev-parse", "--is-inside-git-dir"], cwd) === "true") {
    // A .git directory sits at the top of its work tree; another git dir's work tree is not known from here.
    const workTree = gitDir !== undefined && basename(gitDir) === ".git" ? ` (${dirname(gitDir)})` : "";
    return new UsageError(`${dir} is inside a git directory, not a work tree; run rationale init in the work tree${workTree}`);
  }
  return new NotARepositoryError(dir).runIn("init");
}

/** The checkouts of the repository other than the one at `top` (linked worktrees, or the main one). */
function otherWorktrees(cwd: string, top: string): string[] {
  const listing = git(["worktree", "list", "--porcelain"], cwd) ?? "";
  // A bare repository's own entry is listed too, marked "bare": it has no checkout.
  return listing
    .split(/\n\n+/)
    // A worktree whose directory was deleted without `git worktree remove` is "prunable": nothing commits there.
    .filter((entry) => !/^(?:bare|prunable)\b/m.test(entry))
    .map((entry) => /^worktree (.+)$/m.exec(entry)?.[1])
    .filter((dir): dir is string => dir !== undefined && resolve(dir) !== resolve(top));
}

/** Whether `path` is a file holding `content` (a worktree's copy of the hook we write). */
function holdsFile(path: string, content: string): boolean {
  try {
    return readFileSync(path, "utf8") === content;
  } catch {
    return false;
  }
}

/** Works out where hook `name` goes and what it will contain, without writing anything. */
export function planHook(name: HookName, command: string, { cwd }: Pick<InstallHookOptions, "cwd">): HookPlan {
  const top = git(["rev-parse", "--show-toplevel"], cwd);
  if (!top) throw notInWorkTreeError(cwd);
  const hooksPath = git(["config", "--get", "core.hooksPath"], cwd);
  const args = rationaleArgs(command);
  let path: string;
  let content: string;
  let layout: HookPlan["layout"];
  let warning: string | undefined;
  if (usesHusky(top, hooksPath, cwd)) {
    layout = "husky";
    path = join(top, ".husky", name);
    // The same script as for plain git, not husky's usual `npx --no -- rationale …`: npx adds
    // about 250 ms of npm start-up to every commit (more than the lint itself), and answers a
    // missing install with npm's "could not determine executable to run", which says nothing
    // of the message. Husky runs the file with sh, so the script works unchanged.
    content = gitHookScript(name, args);
    // A .husky/ directory alone does nothing: git runs it only once husky has set core.hooksPath.
    if (!huskyActive(top, hooksPath)) {
      warning = `git will not run the hooks in .husky/ yet: core.hooksPath is ${hooksPath ? `"${hooksPath}"` : "not set"}; ${HUSKY_SETUP}`;
    } else if (huskyTarget(top, hooksPath) === ".husky/_" && !existsSync(join(top, ".husky", "_", name))) {
      // husky 9's runners are made by its setup, not committed: a fresh clone, or husky removed
      // while core.hooksPath stayed, has none, and git finds no hook to run.
      warning = `git will not run .husky/${name} yet: core.hooksPath is "${hooksPath}", which has no ${name} here (husky's setup makes it, and it is not committed); ${HUSKY_SETUP}`;
    }
  } else {
    layout = "git";
    const hooksDir = git(["rev-parse", "--git-path", "hooks"], cwd);
    if (!hooksDir) throw new UsageError("could not find the repository's hooks directory (git rev-parse --git-path hooks failed)");
    path = resolve(cwd, hooksDir, name);
    content = gitHookScript(name, args);
  }
  let existing: HookPlan["existing"] = "none";
  let crlf = false;
  let failure: HookPlan["crlfFailure"];
  let crlfShell: HookShell | undefined;
  let rationaleLineLf = false;
  let addQuiet: string | undefined;
  let verdictIgnored: string | undefined;
  let notReached: string | undefined;
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOTDIR") throw error;
    // The first existing path up from the hook's directory is the file in the way.
    let file = dirname(path);
    while (!existsSync(file) && dirname(file) !== file) file = dirname(file);
    throw new UsageError(`cannot install the ${name} hook at ${path}: ${file} is a file, not a directory${hooksPath ? ` (core.hooksPath is "${hooksPath}")` : ""}`);
  }
  if (stat) {
    const current = stat.isFile() ? readFileSync(path, "utf8") : undefined;
    if (current === content) existing = "same";
    else if (current !== undefined && isOurs(current, content, earlierForms(name, args, layout))) {
      existing = "outdated";
      // isOurs compares lines whatever their ends; sh does not (see HookPlan.crlf).
      crlf = current.includes("\r\n");
    }
    else if (current !== undefined && runsRationale(current, args)) {
      existing = "added";
      // The shell reader takes a carriage return for a blank, as isOurs does; sh does not.
      crlf = current.includes("\r\n");
      const shell = hookShell(current, layout, huskyTarget(top, hooksPath));
      if (crlf) {
        failure = crlfFailure(current, shell);
        crlfShell = shell;
        rationaleLineLf = rationaleLineEndsInLf(current, args);
      }
      // prepare-commit-msg's line ends in `|| true` on purpose: it only pre-fills a message.
      if (name === "commit-msg") verdictIgnored = ignoredVerdict(current, args, shell);
    } else {
      existing = "different";
      // Lines added by hand to such a file would not run either (hookExistsError says so).
      crlf = current?.includes("\r\n") === true;
      if (crlf) crlfShell = hookShell(current as string, layout, huskyTarget(top, hooksPath));
      notReached = current === undefined ? undefined : unreachedRationale(current, args);
      addQuiet = current !== undefined && args.endsWith(QUIET) ? withQuietAdded(current, args.slice(0, -QUIET.length)) : undefined;
    }
  } else if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) {
    // A link to a file that does not exist: someone's hook, not yet written. Written through,
    // the hook would land wherever the link points (or fail there, with no directory).
    existing = "different";
  }
  // Git takes a relative hooks path from the top of the work tree it commits in, so each linked
  // worktree runs its own copy of that directory, which holds the hook only once it is committed.
  // So it is with husky's .husky/, unless husky is not set up at all, which is the warning then.
  // husky 9's .husky/_, whose runner calls the .husky/ beside it, is not committed: each other
  // worktree also needs husky's setup run there.
  const others = !warning && hooksPath && !isAbsolute(hooksPath) && !hooksPath.startsWith("~") ? otherWorktrees(cwd, top) : [];
  if (others.length > 0) {
    const inTree = relative(top, path).replace(/\\/g, "/");
    // What git runs in another worktree is the file in its own checkout: committed here (in this
    // checkout's HEAD, which a linked worktree's branch need not share) is not enough.
    const lacking = others.filter((dir) => !holdsFile(join(dir, inTree), content));
    const committed = existing === "same" && git(["show", `HEAD:${inTree}`], top) === content.trim();
    const runners = layout === "husky" && huskyTarget(top, hooksPath) === ".husky/_";
    const unset = runners ? others.filter((dir) => !existsSync(join(dir, ".husky", "_", name))) : [];
    const runThere = "run npx husky there, or npm install if your prepare script runs husky";
    if (lacking.length > 0) {
      const all = lacking.length === others.length;
      const there = all ? "the other worktrees" : lacking.join(", ");
      // A path outside the work tree ("../hooks") names another directory for each worktree, and none can be committed.
      const until = inTree.startsWith("../")
        ? "until core.hooksPath is set to an absolute path"
        : (committed ? `until the commit that adds ${inTree} is checked out in ${there}` : `until ${inTree} is committed and checked out in ${there}`) +
          (runners
            ? unset.length === 0
              ? ""
              : ` and husky is set up in ${unset.length === others.length ? "each of them" : unset.join(", ")} (.husky/_ is not committed: ${runThere})`
            : " (or core.hooksPath is set to an absolute path)");
      const checks = all ? `this hook checks commits in ${top} only` : `this hook does not check commits in ${lacking.join(", ")}`;
      warning = `core.hooksPath "${hooksPath}" is relative, so git runs the hooks in each worktree's own copy of it: ${checks}, ${until}`;
    } else if (unset.length > 0) {
      warning = `git runs husky's hooks from each worktree's own .husky/_, which is not committed: this hook does not check commits in ${unset.join(", ")} until husky is set up there (${runThere})`;
    }
  }
  const line = manualGitHookLine(name, args);
  const plan: HookPlan = { name, path, shownAs: relative(cwd, path) || path, content, line, layout, existing, top, ...(warning ? { warning } : {}) };
  if (addQuiet !== undefined) Object.assign(plan, { addQuiet: true, quietLine: addQuiet });
  if (crlf) plan.crlf = true;
  if (failure !== undefined) plan.crlfFailure = failure;
  // husky's runner reads the hook with sh, whatever its `#!` line names.
  if (crlfShell !== undefined) plan.crlfShell = crlfShell === "husky" ? "sh" : crlfShell;
  if (rationaleLineLf) plan.crlfRationaleLineLf = true;
  if (verdictIgnored !== undefined) plan.verdictIgnored = verdictIgnored;
  if (notReached !== undefined) plan.notReached = notReached;
  if (hooksPath && layout === "git") {
    // "global\t~/.githooks": a hooks path from ~/.gitconfig or /etc/gitconfig serves every repository.
    const scope = git(["config", "--show-scope", "--get", "core.hooksPath"], cwd)?.split("\t")[0];
    if (scope === "global" || scope === "system") {
      // Absolute: a relative ".git/hooks" would name a missing directory in a linked worktree.
      const own = git(["rev-parse", "--path-format=absolute", "--git-common-dir"], cwd);
      plan.sharedHooksPath = { scope, value: hooksPath, own: own ? join(own, "hooks") : undefined };
    }
  }
  return plan;
}

/**
 * The lines to add to a hook of the user's own (plain git or husky): the project's install, else one on
 * PATH (as the hook rationale writes; npx --no would fail there with "could not determine
 * executable to run"). commit-msg stops the commit when rationale rejects the message;
 * prepare-commit-msg never fails one. Git runs hooks at the top of the work tree.
 */
function manualGitHookLine(name: HookName, args: string): string {
  // The same search as the hook's: this checkout, another checkout of the repository (hooks are
  // shared by linked worktrees), then PATH. Printed for pasting, so in lines a terminal shows
  // whole (once one line of 300 characters); the shell reads on after each `|`. The loop ends
  // on `if … fi`, whose status is 0 when nothing matched: husky runs hooks with `sh -e`, which
  // would stop at a failing assignment.
  return [
    "rationale=./node_modules/.bin/rationale",
    `[ -x "$rationale" ] || rationale="$(${CHECKOUT_INSTALLS[0]}`,
    ...CHECKOUT_INSTALLS.slice(1, -1).map((line) => `  ${line}`),
    `  ${CHECKOUT_INSTALLS.at(-1)})"`,
    '[ -n "$rationale" ] || rationale=rationale',
    `"$rationale" ${args} ${name === "commit-msg" ? "|| exit 1" : "|| true"}`,
  ].join("\n");
}

/** Whether `current` is a hook an earlier rationale wrote: the same commands as `content`, or as one of its earlier forms. */
function isOurs(current: string, content: string, earlier: readonly string[]): boolean {
  const commands = withoutComments(current);
  return commands === withoutComments(content) || earlier.some((form) => commands === withoutComments(form));
}

/** The commit-msg hook's command: `lint --edit "$1"`, with `--quiet` for `init --quiet`. */
const LINT_EDIT = 'lint --edit "$1"';

/**
 * Plans the commit-msg hook of `rationale init`. `quiet` is its `--quiet` (true) or
 * `--no-quiet` (false); without either (undefined), the hook keeps the `--quiet` of the one it
 * updates or replaces, rationale's own or a line of the user's: `init` usually runs from the
 * `prepare` script on every `npm install`, and a quiet hook should not turn loud there.
 */
export function planCommitMsgHook(cwd: string, quiet: boolean | undefined): HookPlan {
  const loud = planHook("commit-msg", LINT_EDIT, { cwd });
  if (quiet === true || (quiet === undefined && runsQuietly(loud))) return planHook("commit-msg", LINT_EDIT + QUIET, { cwd });
  if (quiet === false && loud.existing === "added" && runsQuietly(loud)) {
    // A line of the user's own with --quiet: the advice is to take it off, not a second line.
    return { ...loud, existing: "different", dropQuiet: true };
  }
  return loud;
}

/** Whether the commit-msg hook `plan` would update or replace runs `lint --edit "$1" --quiet`: rationale's hook, an earlier one, or a line of the user's. */
function runsQuietly(plan: HookPlan): boolean {
  if (plan.existing === "none" || plan.existing === "same") return false;
  let current: string;
  try {
    current = readFileSync(plan.path, "utf8");
  } catch {
    return false;
  }
  const args = LINT_EDIT + QUIET;
  return isOurs(current, gitHookScript("commit-msg", args), pastForms("commit-msg", args, plan.layout)) || runsRationale(current, args);
}

/**
 * The hooks rationale wrote that `init` updates without --force: those earlier versions wrote,
 * and the commit-msg hook with `--quiet` added or taken away, so `init` and `init --quiet` each
 * turn the other's hook into their own.
 */
function earlierForms(name: HookName, args: string, layout: HookPlan["layout"]): string[] {
  const forms = pastForms(name, args, layout);
  if (name !== "commit-msg") return forms;
  const other = args.endsWith(QUIET) ? args.slice(0, -QUIET.length) : args + QUIET;
  return [...forms, gitHookScript(name, other), ...pastForms(name, other, layout)];
}

/** The hooks earlier versions of rationale wrote for `args`. */
function pastForms(name: HookName, args: string, layout: HookPlan["layout"]): string[] {
  // Before the not-installed line said how to delete the hook, in husky's .husky/ as in git's
  // hooks; before it kept a copy of the message (RATIONALE_EDITMSG); and before that copy was
  // cleaned with git's comment char, when the long lines were one line each.
  const old = { keepCopy: false, wrapped: false } as const;
  const withoutDeleteHint = gitHookScript(name, args, { ...old, deleteHint: false });
  const withoutCopy = gitHookScript(name, args, old);
  const hashCopy = gitHookScript(name, args, { keepCopy: "hash", wrapped: false });
  // And before the line gave the command that commits the copy.
  const withoutRetry = gitHookScript(name, args, { retry: false });
  if (layout === "husky") return [legacyHuskyHook(args), withoutDeleteHint, withoutCopy, hashCopy, withoutRetry];
  return [legacyGitHookScript(args), gitHookScript(name, args, { ...old, otherCheckouts: "main", deleteHint: false }), withoutDeleteHint, withoutCopy, hashCopy, withoutRetry];
}

/** The plain-git hook as rationale 0.1 wrote it (local install, else `npx --no`), so `init` can update it. */
function legacyGitHookScript(args: string): string {
  return ["if [ -x ./node_modules/.bin/rationale ]; then", `  exec ./node_modules/.bin/rationale ${args}`, "fi", `exec npx --no -- rationale ${args}`].join("\n");
}

/** The husky hook as rationale wrote it before it used `gitHookScript` there too, so `init` can update it. */
function legacyHuskyHook(args: string): string {
  return `npx --no -- rationale ${args}`;
}

/**
 * What `init` says of a hook with CRLF line endings (HookPlan.crlf): why it writes rationale's
 * own hook again when only its line endings changed; for a hook of the user's own that runs
 * rationale, what the shell its `#!` line names (HookPlan.crlfShell) does with it
 * (HookPlan.crlfFailure: fails every commit, or misreads it; when rationale's own line ends in LF,
 * HookPlan.crlfRationaleLineLf, rationale judges the message and only the other lines are
 * misread) and the command that converts it; for one in the way, to convert it along with the
 * lines to add; for husky's committed `.husky/`, how to keep git's checkout from changing them
 * back.
 */
export function crlfNote(plan: Pick<HookPlan, "layout" | "existing" | "shownAs" | "crlfFailure" | "crlfShell" | "crlfRationaleLineLf">): string {
  // perl, not `sed -i`: BSD sed (macOS) takes the word after -i as a backup suffix, and reads no
  // `\r`. `--` ends perl's options, so a hook path that starts with "-" is read as a file.
  const fix = `convert it to LF: perl -pi -e 's/\\r$//' -- ${shellQuote(plan.shownAs)}`;
  const shell = plan.crlfShell ?? "sh";
  const examples = "(`then\\r` is no `then`, `\"$1\"\\r` names a file git did not write)";
  const misread = `${shell} reads the carriage return that ends each line as part of its last word ${examples}`;
  const failsAll = `${plan.shownAs} has CRLF line ends, so the hook fails every commit, good message or bad, before rationale judges it`;
  // The `#!` line in CRLF names no interpreter, whatever rationale's line ends with.
  const mixed =
    plan.crlfRationaleLineLf === true && plan.crlfFailure !== "unstartable"
      ? `${plan.shownAs} has CRLF line ends on some lines: ${shell} reads the carriage return that ends such a line as part of its last word ${examples}; ` +
        `rationale's own line ends in LF, so rationale judges the message git wrote when the hook gets to that line, but the lines in CRLF do not run as written` +
        `${plan.crlfFailure === "every-commit" ? ", and husky's `sh -e` stops the hook at the first of them that fails" : ""}; ${fix}`
      : undefined;
  const why =
    plan.existing === "added"
      ? mixed !== undefined
        ? mixed
        : plan.crlfFailure === "unstartable"
          ? `${failsAll}: git cannot start it, since its \`#!\` line names an interpreter ending in a carriage return; ${fix}`
          : plan.crlfFailure === "misread"
            ? `${plan.shownAs} has CRLF line ends: ${misread}, so rationale does not judge the message git wrote, and the hook's status is not its verdict; ${fix}`
            : `${failsAll}: ${misread}; ${fix}`
      : plan.existing === "different"
        ? `${plan.shownAs} has CRLF line ends, which ${shell} misreads: ${fix} as you change it, or the lines will not run either`
        : "it had CRLF line endings, which sh cannot run";
  if (plan.layout !== "husky") return why;
  const keep = `git's checkout writes them when core.autocrlf is true; add ".husky/* text eol=lf" to .gitattributes and commit it so that checkouts keep LF`;
  return plan.existing === "outdated" ? `${why}: ${keep}` : `${why} (${keep})`;
}

/** The refusal for a hook that would go into a hooks directory every repository shares. */
export function sharedHooksPathError(plan: HookPlan): UsageError {
  const { scope, value, own } = plan.sharedHooksPath!;
  const setHere = own ? `git config core.hooksPath ${shellQuote(own)}` : "git config core.hooksPath PATH";
  return new UsageError(
    `core.hooksPath is set in your ${scope} git config (${value}), so ${plan.path} would run for every repository on this machine; ` +
      `to install for this repository only, set a hooks path here (${setHere}) and rerun, or rerun with --force to install there anyway`,
  );
}

/** A hook's commands: its lines without comments (the shebang included) and blank lines. */
function withoutComments(script: string): string {
  return script
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .join("\n");
}

/** Where `--force` saves the hook it replaces: `commit-msg.backup`, or `.backup.2`, … when taken. */
export function backupPath(plan: Pick<HookPlan, "path">): string {
  let backup = `${plan.path}.backup`;
  // lstat: a backup that is a link to a missing file is taken too.
  for (let n = 2; lstatSync(backup, { throwIfNoEntry: false }); n++) backup = `${plan.path}.backup.${n}`;
  return backup;
}

/**
 * Writes a planned hook (mode 755). Throws UsageError when a different hook is there and
 * `force` is not set; with `force`, that hook is first copied beside it (`commit-msg.backup`,
 * or `.backup.2`, … when taken), since it may be a user's own checks, or moved there when it
 * is a symbolic link. A hook of the user's own that already runs rationale is left alone
 * unless `force` is set. Returns the copy's path.
 */
export function writeHook(plan: HookPlan, { force = false }: { force?: boolean } = {}): string | undefined {
  if (plan.existing === "different" && !force) throw hookExistsError([plan]);
  if (plan.existing === "same" || (plan.existing === "added" && !force)) return undefined;
  let backup: string | undefined;
  try {
    if (plan.existing === "different" || plan.existing === "added") {
      backup = backupPath(plan);
      // A symbolic link (to a script the repository tracks, or one a dotfiles directory shares
      // with every repository) is moved aside as it is: written through, it would replace that
      // script for everyone who runs it.
      if (lstatSync(plan.path).isSymbolicLink()) renameSync(plan.path, backup);
      else copyFileSync(plan.path, backup, constants.COPYFILE_EXCL);
    }
    mkdirSync(resolve(plan.path, ".."), { recursive: true });
    writeFileSync(plan.path, plan.content);
    chmodSync(plan.path, 0o755);
  } catch (error) {
    // A hooks path that is a file, a hook that is a directory, no permission: the user's setup, not a bug.
    const code = (error as NodeJS.ErrnoException).code;
    const why = { ENOTDIR: "a parent of it is a file, not a directory", EISDIR: "it is a directory", EACCES: "permission denied", EPERM: "permission denied", EROFS: "the file system is read-only" }[code ?? ""];
    if (!why) throw error;
    throw new UsageError(`cannot write the ${plan.name} hook at ${plan.path}: ${why}`);
  }
  return backup;
}

/** The error for hooks that are already there, naming each file and what to add by hand instead. */
export function hookExistsError(plans: HookPlan[]): UsageError {
  const names = plans.map((plan) => plan.shownAs).join(", ");
  // Where the hook runs rationale already, there is nothing to add: only its --quiet to change.
  const byHand = plans.every((plan) => plan.addQuiet || plan.dropQuiet) ? "change that line by hand as below" : "add rationale by hand as below";
  return new UsageError(`${names} already exist${plans.length === 1 ? "s" : ""}; rerun with --force to replace, or ${byHand}`, [
    // A hook of the user's own already running rationale needs --quiet added to (or taken off) that line, not a second one.
    ...plans.flatMap((plan) =>
      plan.addQuiet
        ? [`${plan.shownAs}: it runs rationale already; add --quiet to that line, so that it reads: ${plan.quietLine ?? 'rationale lint --edit "$1" --quiet'}`]
        : plan.dropQuiet
          ? [`${plan.shownAs}: it runs rationale already; take --quiet off that line: rationale lint --edit "$1"`]
          : // Indented under the file's name; the indent does not change what the shell runs.
            [...(plan.notReached ? [`${plan.shownAs}: ${plan.notReached}`] : []), `${plan.shownAs}: add these lines:`, ...plan.line.split("\n").map((line) => `  ${line}`)],
    ),
    ...plans.flatMap((plan) => (plan.crlf ? [crlfNote(plan)] : [])),
  ]);
}

/**
 * Whether the prepare-commit-msg hook of `rationale init --release` is where `init` would put
 * it (the same search: husky, core.hooksPath): the hook it writes, an earlier version's, a
 * hook of the user's own with its line added by hand (as hookExistsError suggests), or one
 * that runs `release prepare-commit-msg` through a program not named rationale (`node
 * "$cli" release prepare-commit-msg "$1"`, see runsReleaseHookCommand).
 */
export function releaseHookInstalled(cwd: string): boolean {
  try {
    const plan = planHook("prepare-commit-msg", RELEASE_HOOK_COMMAND, { cwd });
    if (plan.existing === "same" || plan.existing === "outdated" || plan.existing === "added") return true;
    return plan.existing === "different" && runsReleaseHookCommand(readFileSync(plan.path, "utf8"));
  } catch {
    return false;
  }
}

/**
 * The husky hook files among `plans` whose content is not what HEAD holds at their path (new,
 * changed, or no commit yet), as `shownAs` names them. `.husky/` is shared by committing it:
 * until then the hook runs in this clone only.
 */
export function uncommittedHuskyHooks(plans: readonly HookPlan[]): string[] {
  return plans
    .filter((plan) => plan.layout === "husky")
    .filter((plan) => {
      let current: string;
      try {
        current = readFileSync(plan.path, "utf8");
      } catch {
        return false;
      }
      const inTree = relative(plan.top, plan.path).replace(/\\/g, "/");
      // git show prints the blob as it is; git() trims, so both sides are compared trimmed.
      return git(["show", `HEAD:${inTree}`], plan.top) !== current.trim();
    })
    .map((plan) => plan.shownAs);
}

/** The hook names {@link installHook} accepts. */
const HOOK_NAMES: readonly string[] = ["commit-msg", "prepare-commit-msg"] satisfies HookName[];

/** The keys of {@link InstallHookOptions}. */
const INSTALL_HOOK_OPTIONS: readonly string[] = ["cwd", "force", "dryRun", "quiet"];

/**
 * Installs git hook `name` running `rationale <command>` (e.g. `lint --edit "$1"`), into
 * `.husky/` when husky is in use, else into the hooks path git uses (honouring core.hooksPath).
 * The commit-msg hook running `lint --edit "$1"` is planned as `rationale init` plans it: it
 * keeps the `--quiet` of the hook it updates unless `quiet` says otherwise, and a line of the
 * user's own that runs it (options in any order) counts as installed.
 * Never replaces a different existing hook unless `force` is set. Returns what was (or, with
 * `dryRun`, would be) written. Throws TypeError for an argument of the wrong type (a name or
 * command that is no string, `options.cwd` that is no string, `force`, `dryRun` or `quiet`
 * that is no boolean: `force: "no"` would be truthy and replace the user's hook; a key it does
 * not take, such as a misspelt `forse`; `quiet` for another hook or against the command's own
 * `--quiet`) and UsageError for another hook name (the name becomes the file's, so "pre-push"
 * would get a commit-msg script and "../x" a file outside the hooks directory).
 */
export function installHook(name: HookName, command: string, options: InstallHookOptions): HookPlan {
  if (typeof name !== "string") throw new TypeError(`installHook() takes the hook name as a string, ${HOOK_NAMES.join(" or ")}, not ${describeOption(name)}`);
  if (!HOOK_NAMES.includes(name)) throw new UsageError(`cannot install a ${JSON.stringify(name)} hook: installHook() installs ${HOOK_NAMES.join(" or ")}`);
  if (typeof command !== "string") throw new TypeError(`installHook() takes the rationale command as a string (e.g. 'lint --edit "$1"'), not ${typeof command}`);
  if (typeof options?.cwd !== "string") throw new TypeError("installHook() needs options.cwd: a directory inside the repository, as a string");
  // A misspelt key ({ forse: true }) would otherwise be passed over, and the hook left as it was.
  const unknown = Object.keys(options).find((key) => !INSTALL_HOOK_OPTIONS.includes(key));
  if (unknown !== undefined) throw new TypeError(`installHook() has no option ${JSON.stringify(unknown)}; it takes { ${INSTALL_HOOK_OPTIONS.join(", ")} }${didYouMean(unknown, INSTALL_HOOK_OPTIONS)}`);
  for (const flag of ["force", "dryRun", "quiet"] as const) {
    const value = options[flag];
    if (value !== undefined && typeof value !== "boolean") throw new TypeError(`installHook() option ${flag} must be true or false, not ${describeOption(value)}`);
  }
  // The commit-msg hook `init` installs is planned as `init` plans it, so an existing hook's
  // --quiet is kept (a library caller running on every install must not make a quiet hook loud).
  const args = rationaleArgs(command);
  const lintEdit = name === "commit-msg" && (args === LINT_EDIT || args === LINT_EDIT + QUIET);
  if (options.quiet !== undefined && !lintEdit) {
    throw new TypeError(`installHook() option quiet is for the commit-msg hook running 'lint --edit "$1"', not ${name} running ${describeOption(command)}`);
  }
  if (options.quiet === false && args.endsWith(QUIET)) throw new TypeError(`installHook() option quiet is false, but the command ${describeOption(command)} has --quiet; give one or the other`);
  const plan = lintEdit ? planCommitMsgHook(options.cwd, args.endsWith(QUIET) ? true : options.quiet) : planHook(name, command, options);
  if (!options.dryRun) writeHook(plan, options);
  return plan;
}

/**
 * Whether the plain-git hook will find rationale where it looks (see gitHookScript): the
 * repository's node_modules/.bin, another checkout's (`git worktree list`) from a linked
 * worktree, or PATH. npx's own cache (where `npx rationale init` runs from) does not count: it
 * is gone when the hook runs.
 */
export function installedFor(top: string): boolean {
  if (isExecutable(join(top, "node_modules", ".bin", "rationale"))) return true;
  const checkouts = git(["worktree", "list", "--porcelain"], top) ?? "";
  for (const [, dir] of checkouts.matchAll(/^worktree (.+)$/gm)) if (isExecutable(join(dir, "node_modules", ".bin", "rationale"))) return true;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    // npm and npx put the node_modules/.bin of the package they run from on PATH (a subfolder's
    // package.json, their cache): the hook, run by git at the top of the work tree, has neither.
    if (dir === "" || /[\\/]_npx[\\/]/.test(dir) || /[\\/]node_modules[\\/]\.bin[\\/]?$/.test(dir)) continue;
    if (isExecutable(join(dir, "rationale"))) return true;
  }
  return false;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
