// Small, fast git queries for the CLI: locate the git dir, read the comment char, read a commit.
// The lint hook runs on every commit, so these avoid spawning git where a file read will do.
import { spawnSync } from "./spawn.js";
import { readFileSync, realpathSync, statSync } from "node:fs";
import { delimiter, dirname, isAbsolute, join, resolve } from "node:path";
import { UsageError } from "../types.js";
import { gitEnv } from "../git-env.js";
import { echoQuoted, echoValue } from "../echo-value.js";

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
  const child = spawnSync("git", args, { cwd, maxBuffer: 1024 * 1024 * 1024, windowsHide: true, env: gitEnv() });
  const missing = (child.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
  return { status: child.status, stdout: child.stdout ?? Buffer.alloc(0), stderr: child.stderr?.toString("utf8") ?? "", missing };
}

/**
 * Reads `core.commentChar` (and git 2.45's `core.commentString`, which wins when both are set)
 * from git's configuration for the repository at `cwd`. Undefined when unset or git is absent.
 * The hook runs on every commit, so the config files are read directly (system, global, then
 * the repository's: later files win); git is asked only for what a plain read cannot settle:
 * `[include]`/`[includeIf]` sections, quoted or escaped values, per-worktree config, or
 * settings passed in the environment (`git -c`).
 */
export function readCommentChar(cwd: string, location: GitLocation | null = findGitDir(cwd), env: NodeJS.ProcessEnv = process.env): string | undefined {
  const direct = location ? readCommentCharFromFiles(location.gitDir, env) : null;
  return direct === null ? readCommentCharWithGit(cwd) : direct.value;
}

/** `readCommentChar` by asking git. */
function readCommentCharWithGit(cwd: string): string | undefined {
  const { status, stdout } = runGit(["config", "--get-regexp", "^core\\.comment(char|string)$"], cwd);
  if (status !== 0) return undefined;
  const entries: CommentEntry[] = [];
  for (const line of stdout.toString("utf8").split("\n")) {
    const match = /^core\.comment(char|string) (.*)$/i.exec(line);
    if (match) entries.push({ isString: match[1].toLowerCase() === "string", value: match[2] });
  }
  return commentCharOf(entries);
}

/** One `core.commentChar` or `core.commentString` setting, in the order git reads them. */
interface CommentEntry {
  isString: boolean;
  value: string;
}

/** The effective comment char of the settings in reading order: the last commentString, else the last commentChar. */
function commentCharOf(entries: readonly CommentEntry[]): string | undefined {
  let value: string | undefined;
  let fromString = false;
  for (const entry of entries) {
    if (entry.isString || !fromString) value = entry.value;
    fromString ||= entry.isString;
  }
  return value === "" ? undefined : value;
}

/**
 * The comment char from the config files git reads for `gitDir`, or null when only git can
 * tell (see `readCommentChar`).
 */
export function readCommentCharFromFiles(gitDir: string, env: NodeJS.ProcessEnv = process.env): { value: string | undefined } | null {
  const files = configFiles(gitDir, env);
  if (files === null) return null;
  const entries: CommentEntry[] = [];
  for (const file of files) {
    const text = readText(file);
    if (text === undefined) continue;
    if (!commentEntries(text, entries)) return null;
  }
  return { value: commentCharOf(entries) };
}

/**
 * The config files git reads for a repository, in order (system, global, the repository's), or
 * null when something else may set values: config from the environment, a worktree config.
 */
function configFiles(gitDir: string, env: NodeJS.ProcessEnv): string[] | null {
  if (env.GIT_CONFIG_PARAMETERS || env.GIT_CONFIG_COUNT || env.GIT_COMMON_DIR || env.GIT_CONFIG) return null;
  const files: string[] = [];
  if (!isTruthy(env.GIT_CONFIG_NOSYSTEM)) {
    const system = env.GIT_CONFIG_SYSTEM || distributionSystemConfig(env);
    if (system === null) return null;
    files.push(system);
  }
  if (env.GIT_CONFIG_GLOBAL !== undefined) {
    if (env.GIT_CONFIG_GLOBAL !== "") files.push(env.GIT_CONFIG_GLOBAL);
  } else {
    const home = env.HOME;
    const xdg = env.XDG_CONFIG_HOME || (home ? join(home, ".config") : undefined);
    if (xdg) files.push(join(xdg, "git", "config"));
    if (home) files.push(join(home, ".gitconfig"));
  }
  // A linked worktree's git dir names the main repository's in `commondir`; the config is there.
  let commonDir = gitDir;
  const common = readText(join(gitDir, "commondir"));
  if (common !== undefined) commonDir = resolve(gitDir, common.trim());
  if (readText(join(gitDir, "config.worktree")) !== undefined || (commonDir !== gitDir && readText(join(commonDir, "config.worktree")) !== undefined)) return null;
  files.push(join(commonDir, "config"));
  return files;
}

/** Where git keeps its programs for a distribution's package (`--prefix=/usr`). */
const DISTRIBUTION_GIT = /^(?:\/usr)?\/(?:bin\/git|lib(?:exec)?\/git-core(?:\/git)?)$/;
let systemConfigCache: { key: string; file: string | null } | undefined;

/**
 * `/etc/gitconfig` when the git that runs is a distribution's package on Linux (installed under
 * `/usr`, whose system config is in `/etc`); null when it may be elsewhere: Homebrew's is under
 * its own prefix, Git for Windows' beside its install, a source build's in `$prefix/etc`. Then
 * git is asked. The git that runs a hook names its programs in GIT_EXEC_PATH; otherwise it is
 * the first `git` on PATH.
 */
function distributionSystemConfig(env: NodeJS.ProcessEnv): string | null {
  if (process.platform !== "linux") return null;
  const key = `${env.GIT_EXEC_PATH ?? ""}\0${env.PATH ?? ""}`;
  if (systemConfigCache?.key !== key) systemConfigCache = { key, file: findsDistributionGit(env) ? "/etc/gitconfig" : null };
  return systemConfigCache.file;
}

function findsDistributionGit(env: NodeJS.ProcessEnv): boolean {
  if (env.GIT_EXEC_PATH) return DISTRIBUTION_GIT.test(resolve(env.GIT_EXEC_PATH));
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(resolve(dir), "git");
    if (!statSync(candidate, { throwIfNoEntry: false })?.isFile()) continue;
    try {
      return DISTRIBUTION_GIT.test(realpathSync(candidate));
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * False only when no config file git reads can set a key with `word` in its name (none says
 * it, none includes another file): then asking git, a process start on the hook's path, is
 * not needed.
 */
function configMayMention(gitDir: string, word: RegExp, env: NodeJS.ProcessEnv): boolean {
  const files = configFiles(gitDir, env);
  if (files === null) return true;
  for (const file of files) {
    const text = readText(file);
    if (text !== undefined && (word.test(text) || INCLUDE_SECTION.test(text))) return true;
  }
  return false;
}

/**
 * A config value as git reads it: quotes removed, `\\ \" \n \t \b` unescaped, ended by an
 * unquoted `#` or `;`, outer blanks dropped. Null for what is left to git: blanks inside an
 * unquoted value, other escapes, a continued line or an unterminated quote.
 */
function configValue(raw: string): string | null {
  let value = "";
  let quoted = false;
  let blanks = false;
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index];
    if (!quoted && (char === "#" || char === ";")) break;
    if (!quoted && (char === " " || char === "\t" || char === "\r")) {
      blanks = value !== "";
      continue;
    }
    if (blanks) return null;
    if (char === '"') {
      quoted = !quoted;
      continue;
    }
    if (char === "\\") {
      const escaped = ESCAPES[raw[++index]];
      if (escaped === undefined) return null;
      value += escaped;
      continue;
    }
    value += char;
  }
  return quoted ? null : value;
}

const ESCAPES: Record<string, string | undefined> = { "\\": "\\", '"': '"', n: "\n", t: "\t", b: "\b" };

/** Reads a file as UTF-8; undefined when it does not exist or cannot be read. */
function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function isTruthy(value: string | undefined): boolean {
  return value !== undefined && /^(?:1|true|yes|on)$/i.test(value.trim());
}

const INCLUDE_SECTION = /^\s*\[\s*include(?:if)?\b/im;
const SECTION_LINE = /^\s*\[([^\]"\s]*)(\s+"[^"\n]*")?\s*\](.*)$/;
const COMMENT_KEY = /^\s*comment(char|string)\s*(?:=(.*))?$/i;

/**
 * Appends the `core.commentChar`/`core.commentString` settings of one config file to
 * `entries`; false when the file needs git itself to read (includes, quoted or escaped values).
 */
function commentEntries(text: string, entries: CommentEntry[]): boolean {
  if (INCLUDE_SECTION.test(text)) return false;
  if (!/comment(?:char|string)/i.test(text)) return true;
  let inCore = false;
  for (const rawLine of text.split("\n")) {
    let line = rawLine;
    const section = SECTION_LINE.exec(line);
    if (section) {
      inCore = section[1].toLowerCase() === "core" && section[2] === undefined;
      line = section[3];
    }
    if (!inCore) continue;
    const key = COMMENT_KEY.exec(line);
    if (!key) continue;
    const value = key[2] === undefined ? null : configValue(key[2]);
    if (value === null) return false;
    entries.push({ isString: key[1].toLowerCase() === "string", value });
  }
  return true;
}

/**
 * `commit.cleanup` as configured, lower-cased: `strip`, `whitespace`, `verbatim`, `scissors`, or
 * `default` (also when unset). Asks git unless no config file can set it, so call it only for a
 * message it would change.
 */
export function commitCleanupMode(cwd: string, location: GitLocation | null = findGitDir(cwd), env: NodeJS.ProcessEnv = process.env): string {
  if (location && !configMayMention(location.gitDir, /cleanup/i, env)) return "default";
  const { status, stdout } = runGit(["config", "--get", "commit.cleanup"], cwd);
  return status === 0 ? stdout.toString("utf8").trim().toLowerCase() || "default" : "default";
}

/**
 * The text of the commit template (`commit.template`) git fills the editor with, or undefined
 * when none is set or it cannot be read. A relative path is taken from the top of the working
 * tree, where git reads it. Asks git only when a config file may set it.
 */
export function readCommitTemplate(cwd: string, location: GitLocation | null = findGitDir(cwd), env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (location && !configMayMention(location.gitDir, /template/i, env)) return undefined;
  const { status, stdout } = runGit(["config", "--path", "--get", "commit.template"], cwd);
  const path = status === 0 ? stdout.toString("utf8").trim() : "";
  return path === "" ? undefined : readText(resolve(location?.workTree ?? cwd, path));
}

/** `i18n.commitEncoding`, the encoding git writes message files in; undefined when unset. */
export function readCommitEncoding(cwd: string): string | undefined {
  const { status, stdout } = runGit(["config", "--get", "i18n.commitEncoding"], cwd);
  return status === 0 ? stdout.toString("utf8").trim() || undefined : undefined;
}

/** A commit's message as `git log` prints it, with the full hash. */
export interface CommitMessage {
  hash: string;
  /** How many parents the commit has (2 or more: a merge). */
  parents: number;
  /** The stored message (already cleaned by git when it was committed). */
  bytes: Buffer;
}

/**
 * Reads the message of commit `rev` with `git log -1 --format=%B`. Throws UsageError when git
 * is missing, `cwd` is not in a repository or the revision does not name a commit.
 */
export function readCommit(rev: string, cwd: string): CommitMessage {
  // The revision as the errors echo it: a long one pasted by mistake is cut (echoValue).
  const shown = echoValue(rev);
  // A range, an exclusion, or a parent shorthand that names several commits (HEAD^@, HEAD^!, HEAD^-).
  if (/\.\.|^\^|\^[@!-]/.test(rev)) throw new UsageError(`--commit ${shown}: give one commit; to lint each commit of a range use rationale lint --commits ${shown} (or rationale audit ${shown} for a report). See: rationale lint --help`);
  // --encoding: a commit stored in another encoding (i18n.commitEncoding) comes out as UTF-8.
  const { status, stdout, stderr, missing } = runGit(["log", "-1", "--encoding=UTF-8", "--format=%H %P%n%B", "--end-of-options", rev, "--"], cwd);
  if (missing) throw new UsageError("--commit needs git, but git was not found on PATH");
  if (status !== 0) {
    if (/not a git repository/i.test(stderr)) {
      throw new UsageError(`not a git repository: ${cwd}; --commit ${shown} reads the commit from the repository it is run in`);
    }
    if (/unknown revision|bad revision|ambiguous argument|does not have any commits/i.test(stderr)) {
      // Before the first commit HEAD names nothing yet: say that rather than "unknown".
      if (hasNoCommits(cwd)) {
        throw new UsageError(`--commit ${shown}: the repository has no commits yet, so there is no commit message to lint (give a message FILE, or use --edit in the commit-msg hook)`);
      }
      const shallow = runGit(["rev-parse", "--is-shallow-repository"], cwd).stdout.toString("utf8").trim() === "true";
      const note = shallow ? "; this is a shallow clone, so older commits are not here (git fetch --unshallow fetches them)" : "";
      throw new UsageError(`--commit ${shown}: unknown revision (no commit named '${shown}' in this repository${note})`);
    }
    const reason = echoQuoted(stderr.trim().split("\n")[0]?.replace(/^fatal:\s*/, "").split(rev).join(shown) ?? "") || `git exited with status ${status}`;
    throw new UsageError(`--commit ${shown}: ${reason}`);
  }
  const newline = stdout.indexOf(0x0a);
  if (newline <= 0) {
    // git log prints nothing for a tree or a blob (a tag may point at one): name what it is.
    // `^{}` peels an annotated tag to the object it tags.
    const type = runGit(["cat-file", "-t", "--end-of-options", `${rev}^{}`], cwd).stdout.toString("utf8").trim();
    if (type === "tree" || type === "blob") throw new UsageError(`--commit ${shown}: '${shown}' names a ${type}, not a commit`);
    throw new UsageError(`--commit ${shown}: no commit matches '${shown}'`);
  }
  const [hash, ...parents] = stdout.subarray(0, newline).toString("latin1").trim().split(" ");
  return { hash, parents: parents.length, bytes: stdout.subarray(newline + 1) };
}

/**
 * Throws UsageError "not a git repository: CWD; `why`" unless `cwd` is in a repository as git
 * itself finds one (GIT_DIR, GIT_CEILING_DIRECTORIES), as readCommit does; `option` is what
 * needs git, for the error when git is missing.
 */
export function assertInRepository(cwd: string, option: string, why: string): void {
  const { status, stderr, missing } = runGit(["rev-parse", "--git-dir"], cwd);
  if (missing) throw new UsageError(`${option} needs git, but git was not found on PATH`);
  if (status !== 0 && /not a git repository/i.test(stderr)) throw new UsageError(`not a git repository: ${cwd}; ${why}`);
}

/** True when the repository at `cwd` has no commit at all (before the first one, git calls HEAD an unknown revision). */
export function hasNoCommits(cwd: string): boolean {
  return runGit(["rev-list", "-n", "1", "--all"], cwd).stdout.length === 0;
}

/** Resolves `path` against `cwd` unless it is already absolute. */
export function resolveFrom(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
