// Reads a repository's history with one streaming `git log -z` process and yields one record per commit.
import { isUtf8 } from "node:buffer";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { UsageError } from "../types.js";
import { gitEnv } from "../git-env.js";
import { NotARepositoryError } from "../not-a-repository.js";
import { echoQuoted, echoValue } from "../echo-value.js";
import { likelyTypoOf } from "../config/suggest.js";

/** Which commits to read: passed through to `git log` (and `git rev-list --count`). */
export interface HistorySelection {
  /** Revisions and ranges (`main`, `v1.0..HEAD`, `^old`); empty means HEAD. */
  revisions: string[];
  since?: string;
  until?: string;
  maxCount?: number;
  firstParent?: boolean;
  noMerges?: boolean;
  /** Only commits touching these paths. */
  paths: string[];
  /** With exactly one path: also its commits under earlier names (`git log --follow`). */
  follow?: boolean;
}

/** One commit as read from git. */
export interface CommitRecord {
  sha: string;
  /** Author date, strict ISO 8601 with the author's offset. */
  date: string;
  /** Author name as git log shows it: through the repository's .mailmap (`%aN`). */
  author: string;
  /** Parent hashes (empty for a root commit). */
  parents: string[];
  /** The message decoded as UTF-8, cut to the judged size limit. */
  message: string;
  /** Size of the full message in bytes, as git printed it. */
  bytes: number;
  /** True when `message` holds only the first part of a longer message. */
  truncated: boolean;
  /** Number of invalid UTF-8 sequences replaced by U+FFFD while decoding. */
  invalidSequences: number;
}

/** Facts about the repository found before reading history. */
export interface RepositoryInfo {
  gitDir: string;
  /** Set for a shallow clone: the commits where the history was cut off. */
  shallowBoundaries?: string[];
}

/** Default size limit of the part of a message that is judged: 64 KiB covers any real message. */
export const DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024;

const BARE_DATE = String.raw`\d{4}(?<separator>[-/.])\d{1,2}\k<separator>\d{1,2}`;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
/**
 * A day written with its month's name, the year optional: "Feb 1 2025", "1 Feb 2025", "Mon, 10
 * February 2025", "Feb 1" (git takes the year from today's date, last year's for a month still
 * to come). Groups: day, month, month, day, year. Numeric day-first or month-first forms
 * (2/1/2025) are left out: git reads them as one or the other depending on the current date,
 * and differently once a time follows them.
 */
const NAMED_MONTH_DAY = String.raw`^\s*(?:[a-z]{3,9},?\s+)?(?:(\d{1,2})(?!\d)(?:st|nd|rd|th)?\s+(${MONTH}),?|(${MONTH})\s+(\d{1,2})(?!\d)(?:st|nd|rd|th)?,?)(?:\s+(\d{4}))?(?!\d)`;
/**
 * A time zone after a date: a numeric offset (+0100, -05:00, +01) or a name from git's table
 * (UTC, CET, PST…). Only these: another word after a date may be one git reads as a time of
 * day ("noon", "tea"), which a time put before it would change.
 */
const ZONE = String.raw`(?:[+-]\d{2}(?::?\d{2})?|z|utc|gmt|ut|idlw|nt|cat|hst|hdt|yst|ydt|pst|pdt|mst|mdt|cst|cdt|est|edt|ast|adt|wat|wet|bst|cet|met|mewt|mest|cest|mesz|fwt|fst|eet|eest|wast|wadt|cct|jst|east|eadt|gst|nzt|nzst|nzdt|idle)`;
/** A day alone, or with a zone after it: the day, then the zone (with its leading space) or "". */
const DAY_ONLY = new RegExp(String.raw`^(\s*${BARE_DATE}|${NAMED_MONTH_DAY})(\s+${ZONE})?\s*$`, "i");
/** The same, with anything after the year (a time): groups day, month, month, day, year. */
const NAMED_MONTH_PREFIX = new RegExp(NAMED_MONTH_DAY, "i");

/**
 * git reads a date without a time ("2025-01-01", "Jan 1 2025", "Feb 1", "2025-02-01 UTC") as
 * that day at the current time of day, so the same command selected different commits in the
 * morning and the evening. Such a date means the whole day: --since from its start, --until to
 * its end, in the zone it names (else local time, as git reads it). The time goes between the
 * day and the zone, where git reads it ("2025-02-01 00:00:00 UTC").
 */
function wholeDay(date: string, time: string): string {
  const day = DAY_ONLY.exec(date);
  return day ? `${day[1].trim()} ${time}${day.at(-1) ?? ""}` : date;
}

/**
 * The largest --max-count git reads as it is: git keeps the count in a C int, so 4294967296
 * would be 0 commits. More than any repository holds, so a larger count is every commit.
 */
const GIT_MAX_COUNT = 2 ** 31 - 1;

/**
 * The --max-count that limits anything: undefined for none, or for a count at or above git's
 * limit, which selects every commit (so the heading and JSON say no count rather than a
 * number git never used).
 */
export function limitingMaxCount(maxCount: number | undefined): number | undefined {
  return maxCount === undefined || maxCount >= GIT_MAX_COUNT ? undefined : maxCount;
}

/** Builds the `git log` filtering arguments shared by `git log` and `git rev-list --count`. */
export function selectionArgs(selection: HistorySelection): string[] {
  const args: string[] = [];
  if (selection.since) args.push(`--since=${wholeDay(selection.since, "00:00:00")}`);
  if (selection.until) args.push(`--until=${wholeDay(selection.until, "23:59:59")}`);
  if (selection.maxCount !== undefined) args.push(`--max-count=${Math.min(selection.maxCount, GIT_MAX_COUNT)}`);
  if (selection.firstParent) args.push("--first-parent");
  if (selection.noMerges) args.push("--no-merges");
  if (selection.follow) args.push("--follow");
  args.push("--end-of-options", ...(selection.revisions.length ? selection.revisions : ["HEAD"]), "--", ...selection.paths);
  return args;
}

function runGitSync(args: string[], cwd: string, env?: NodeJS.ProcessEnv) {
  const child = spawnSync("git", args, { cwd, encoding: "utf8", windowsHide: true, env: gitEnv(env) });
  if ((child.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    throw new UsageError("audit needs git, but git was not found on PATH");
  }
  return { status: child.status, stdout: child.stdout ?? "", stderr: child.stderr ?? "" };
}

/**
 * Checks that `cwd` is inside a repository and finds out whether it is a shallow clone. A
 * command calls it, then reads its config, then calls checkSelection: the order of errors
 * docs/cli.md gives (not a repository, the config, the command's own input).
 */
export function findRepository(cwd: string): RepositoryInfo {
  const where = runGitSync(["rev-parse", "--git-dir", "--is-shallow-repository"], cwd);
  if (where.status !== 0) {
    if (/not a git repository/i.test(where.stderr)) throw new NotARepositoryError(cwd);
    throw new UsageError(`cannot read the repository at ${cwd}: ${firstLine(where.stderr)}`);
  }
  const [dir, shallow] = where.stdout.split("\n");
  const gitDir = isAbsolute(dir) ? dir : join(cwd, dir);
  const info: RepositoryInfo = { gitDir };
  if (shallow?.trim() === "true") info.shallowBoundaries = readShallowBoundaries(cwd, gitDir);
  return info;
}

/**
 * Checks what `selection` asks of the repository at `cwd`: a history to read (when no revision
 * is given), dates git reads as meant, revisions that name commits rather than trees or blobs.
 */
export function checkSelection(cwd: string, selection: HistorySelection): void {
  if (selection.revisions.length === 0) {
    const unborn = unbornHeadError(cwd, "HEAD");
    if (unborn) throw unborn;
  }
  for (const [option, value] of [["--since", selection.since], ["--until", selection.until]] as const) {
    if (value !== undefined) checkDate(option, value, cwd);
  }
  if (selection.revisions.length > 0) checkRevisionsNameCommits(selection.revisions, cwd);
}

/**
 * Throws UsageError unless git can read `value` as a date. `git log --since` reads anything,
 * taking what it cannot parse as "now" (so `--since garbage` silently selects nothing); git's
 * own careful parser, the one behind `git config --type=expiry-date`, reports it instead.
 */
function checkDate(option: string, value: string, cwd: string): void {
  assertDatesCheckable(option, cwd);
  const impossible = impossibleDate(value);
  if (impossible) throw new UsageError(`${option} expects a real calendar date, got '${echoValue(value)}': ${impossible}. See: rationale audit --help`);
  const [first, second] = PROBE_NOWS.map((now) => readDate(value, now, cwd));
  const unreadable = `${option} expects a date git can read (such as 2024-01-31, "2 weeks ago" or yesterday), got '${echoValue(value)}'`;
  // git log takes both without a word, as the current time or (with a time of day) today.
  const weekday = ignoredWeekday(value);
  if (weekday !== undefined) {
    const name = WEEKDAYS.find((day) => day.startsWith(weekday.toLowerCase())) as string;
    throw new UsageError(
      `${unreadable}: git ignores a weekday name without "last" before it; give "last ${weekday}" (the ${name[0].toUpperCase()}${name.slice(1)} before today, at this time of day) or "last ${weekday} 00:00" from its start. See: rationale audit --help`,
    );
  }
  if (first === undefined && /^\s*today\s*$/i.test(value)) {
    throw new UsageError(`${unreadable}: git has no word "today" and would read it as the current time; give midnight for the start of today. See: rationale audit --help`);
  }
  if (first === undefined) throw new UsageError(`${unreadable}. See: rationale audit --help`);
  // git has no fractions: "1.5 days ago" is 5 January (or 1 May), and the days no count at all.
  // Any mark but a letter or digit parts its words, as in its own "1.5.days.ago".
  if (/\d[.,]\d+[^a-z\d]*(?:sec|min|hour|day|week|month|year)/i.test(value)) {
    throw new UsageError(
      `${option} expects a whole number before the unit, got '${echoValue(value)}': git reads the number as a date and drops the unit; give a whole one, such as "36 hours ago". See: rationale audit --help`,
    );
  }
  if (second === undefined || /\b(?:ago|now)\b/i.test(value)) return;
  // git's expiry dates read "all" as everything (the largest time), git log as the current time.
  if ((first === PROBE_NOWS[0] && second === PROBE_NOWS[1]) || first > Number.MAX_SAFE_INTEGER) throw new UsageError(`${unreadable}: git would read it as the current time. See: rationale audit --help`);
  // Numbers alone without a year ("15", "-1", "1.5") are a day of this month, or a day and
  // month of this year, or a year ("99") on today's date: whatever is missing comes from today.
  // Any mark but a letter parts them ("1,5", "1_5"); a time ("12:00") and "@" are not this.
  if (/^[^a-z:@]+$/i.test(value) && !/\d{4}/.test(value)) {
    throw new UsageError(`${option} expects a whole date, got '${echoValue(value)}': git would take the missing month or year from today's date; give the year, month and day, such as 2025-02-01. See: rationale audit --help`);
  }
  // A date that names its year is absolute: only its time of day may come from today.
  if (/(?<!\d)\d{4}(?!\d)/.test(value) && Math.abs(first - second) >= 24 * 60 * 60) {
    throw new UsageError(`${option} expects a whole date, got '${echoValue(value)}': git would take the missing day or month from today's date; give the day too, such as 2025-02-01. See: rationale audit --help`);
  }
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/**
 * A weekday name in `value` (three letters or more, as git matches it) that git's approxidate
 * passes over: one with neither "last" nor a count before it ("last monday", "2 mondays ago"
 * go back), in a date that names no month, where it would only repeat the day ("Mon, 11 Apr
 * 2022"). git 2.39 reads `monday` as the current time and `monday 10:00` as 10:00 today.
 */
function ignoredWeekday(value: string): string | undefined {
  if (/\d[-/.]\d/.test(value) || /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(value)) return undefined;
  for (const match of value.matchAll(/[a-z]+/gi)) {
    const word = match[0].toLowerCase();
    if (word.length < 3 || !WEEKDAYS.some((day) => day.startsWith(word.replace(/(?<=day)s$/, "")))) continue;
    // A count ("1 monday", "2.monday"), not the end of a time ("10:00 monday"), which git skips.
    if (/(?:^|[^a-z\d:])(?:last|\d+)[^a-z\d]*$/i.test(value.slice(0, match.index))) continue;
    return match[0];
  }
  return undefined;
}

/**
 * Two "current times" that differ in year, month, day and time of day (2001-09-09 01:46:47 and
 * 2022-04-15 05:20:00 UTC). git reads a date relative to the current time, filling in whatever
 * it does not say, and reads words it does not know as the current time itself ("20250201", a
 * year alone); reading a date at both shows what it took from the clock.
 */
const PROBE_NOWS = [1000000007, 1650000000];

/** The oldest git whose careful date parser reads its clock from GIT_TEST_DATE_NOW (see PROBE_NOWS). */
const DATE_CHECK_GIT = "2.21";

/** The repositories whose git has been found to check dates (one probe per process each). */
const datesCheckable = new Set<string>();

/**
 * Throws UsageError unless the git at `cwd` can check dates as checkDate does: `git config
 * --type=expiry-date` (git 2.18) with its clock set by GIT_TEST_DATE_NOW (git 2.21). An older
 * git fails every date with an unknown option, or reads each at the real clock, so that a date
 * it completes from today's (`Feb 2025`) or takes for the current time (`20250201`) would pass
 * unnoticed and select the wrong commits. Probed by reading a relative date at a set clock, not
 * by version number, which a vendor's build may not tell.
 */
function assertDatesCheckable(option: string, cwd: string): void {
  if (datesCheckable.has(cwd)) return;
  // Not "now": the expiry-date parser reads it, as "all", as the largest time.
  if (readDate("1 second ago", PROBE_NOWS[0], cwd) === PROBE_NOWS[0] - 1) {
    datesCheckable.add(cwd);
    return;
  }
  const version = /\d+\.\d+(?:\.\d+)?/.exec(runGitSync(["--version"], cwd).stdout)?.[0];
  throw new UsageError(
    `${option} needs git ${DATE_CHECK_GIT} or later to check its date (this is ${version ? `git ${version}` : "an older git"}, whose git log would read a date it cannot parse as another without a word); update git, or select the commits by revision, such as v1.0..HEAD`,
  );
}

/** The date as git's careful parser reads it with the clock at `now` (seconds), or undefined when it cannot. */
function readDate(value: string, now: number, cwd: string): number | undefined {
  const parsed = runGitSync(["-c", `rationale.date=${value}`, "config", "--type=expiry-date", "rationale.date"], cwd, { GIT_TEST_DATE_NOW: String(now) });
  return parsed.status === 0 ? Number(parsed.stdout.trim()) : undefined;
}

/**
 * Why there is no such day, or undefined when there is. Without a year (git takes it from
 * today's date) 29 February is left alone: whether it exists depends on the year git picks.
 */
function impossibleDay(year: number | undefined, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `there is no month ${month} (months run from 1 to 12)`;
  const leap = year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (day < 1 || day > days) return `${MONTHS[month - 1]}${year === undefined ? "" : ` ${year}`} has days 1 to ${days}`;
  return undefined;
}

/** A year-first date (2025-01-31, 2025/1/31, 2025.01.31), optionally with a time (12:00, T12:00:30) and a zone after it. */
const ISO_LIKE_DATE = /^\s*(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?![\d:])/i;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * Why a year-first date names no real day or time (`2026-11-32`, `2025-02-30`, `2024-01-05
 * 25:00`, `23:59:61`), or one with the month's name no real day (`Feb 30 2025`), or undefined
 * when it does or is another form. git's approxidate reads
 * such a date as some other day without a word (`2020-13-45` as 2020-11-13, `2026-13-01` as
 * 13 January), and its careful parser accepts them too, so they are caught here; every other
 * form ("2 weeks ago", "yesterday") is left to git.
 */
export function impossibleDate(value: string): string | undefined {
  const match = ISO_LIKE_DATE.exec(value);
  if (!match) {
    // "Feb 30 2025", "31 April 2025 12:00", "Apr 31": git reads them as 2 March and 1 May.
    const named = NAMED_MONTH_PREFIX.exec(value);
    if (!named) return undefined;
    const month = MONTHS.findIndex((name) => name.slice(0, 3).toLowerCase() === (named[2] ?? named[3]).slice(0, 3).toLowerCase()) + 1;
    return impossibleDay(named[5] === undefined ? undefined : Number(named[5]), month, Number(named[1] ?? named[4]));
  }
  const [year, month, day] = [match[1], match[3], match[4]].map(Number);
  const wrongDay = impossibleDay(year, month, day);
  if (wrongDay || match[5] === undefined) return wrongDay;
  const [hour, minute, second] = [match[5], match[6], match[7] ?? "0"].map(Number);
  // Second 60 is a leap second (2016-12-31 23:59:60 UTC), which git reads as the next minute's
  // first second; from 61 on git reads some other time.
  if (hour > 23 || minute > 59 || second > 60) {
    return `there is no time ${match[5]}:${match[6]}${match[7] === undefined ? "" : `:${match[7]}`} (hours run from 0 to 23, minutes from 0 to 59, seconds from 0 to 60 for a leap second)`;
  }
  return undefined;
}

/**
 * Throws UsageError for a revision that names a tree or a blob: `git log TREE` prints nothing and
 * succeeds, so the audit would report an empty history. Unknown names are left to git log, which
 * reports them; range ends (`A..B`, `A...B`) and exclusions (`^A`) are checked one by one.
 */
function checkRevisionsNameCommits(revisions: readonly string[], cwd: string): void {
  const names = revisions
    .flatMap((revision) => revision.replace(/^\^/, "").split(/\.{2,3}/))
    .map((name) => name.replace(/\^(?:[@!]|-\d*)$/, ""))
    .filter((name) => name !== "" && !name.includes("\n"));
  if (names.length === 0) return;
  const types = objectTypes(cwd, names);
  if (types === undefined) return;
  names.forEach((name, index) => {
    const type = types[index]?.trim();
    if (type === "tree" || type === "blob") throw new UsageError(`'${name}' names a ${type}, not a commit; give a commit, branch, tag or range to audit`);
  });
}

/**
 * What git's `cat-file --batch-check` says of each of `names`, one line each in order ("commit",
 * "tree", "blob", or "NAME missing"), from one run; undefined when git fails.
 */
function objectTypes(cwd: string, names: readonly string[]): string[] | undefined {
  const child = spawnSync("git", ["cat-file", "--batch-check=%(objecttype)"], { cwd, input: `${names.join("\n")}\n`, encoding: "utf8", windowsHide: true });
  return child.status === 0 ? child.stdout.split("\n") : undefined;
}

/** A path that names nothing in the working tree or at HEAD, with the last commit that touched it, if any. */
export interface MissingPath {
  path: string;
  /** The newest commit on a branch, tag or HEAD that touched the path: it existed, only not now. */
  last?: { commit: string; date: string };
  /** For a path no commit touched: a path of the working tree one typo away from it in each part (`src/` for `scr/`). */
  suggestion?: string;
}

/**
 * The paths of `paths` that name nothing in the working tree (from `cwd`, as git log reads them)
 * nor in HEAD's tree, each with the last commit that touched it: a typo, as far as can be told,
 * when none did. A pathspec with a wildcard or magic (`*.md`, `:(top)src`) is left out: it names
 * no one file to look for. `walked` is the selection whose walk has just found no commit
 * touching the paths: the history it read whole is not walked again (see lastTouchedArgs).
 */
export function pathsNamingNothing(cwd: string, paths: readonly string[], walked?: HistorySelection): MissingPath[] {
  const plain = paths.filter((path) => !/[*?[\]\n]/.test(path) && !path.startsWith(":") && !existsSync(resolve(cwd, path)));
  if (plain.length === 0) return [];
  // `HEAD:./PATH` is the path from the current directory; an absolute one is made relative.
  const names = plain.map((path) => `HEAD:./${isAbsolute(path) ? relative(cwd, path) : path}`);
  const found = objectTypes(cwd, names);
  if (found === undefined) return [];
  return plain
    .filter((_, index) => found[index]?.endsWith(" missing") === true)
    .map((path) => {
      const missing: MissingPath = { path, ...lastTouched(cwd, path, walked) };
      const suggestion = missing.last ? undefined : nearbyPath(cwd, path);
      return suggestion === undefined ? missing : { ...missing, suggestion };
    });
}

/**
 * A path of the working tree that `path` (from `cwd`) may be a misspelling of, found part by
 * part: each part that names nothing in its directory is replaced by the closest entry there
 * (likelyTypoOf: `scr` -> `src`, `SRC` -> `src`, `parser.tss` -> `parser.ts`), leaving out what
 * git ignores (`dist` for `dsit`: no commit touches it). One directory read and one `git
 * check-ignore` per misspelled part, so it stays cheap in a large tree; undefined when a part
 * has no close entry. The path is written as given: relative stays relative, a trailing `/` is kept.
 */
export function nearbyPath(cwd: string, path: string): string | undefined {
  const parts = path.split("/");
  let dir = isAbsolute(path) ? "/" : cwd;
  let changed = false;
  const out: string[] = [];
  for (const part of parts) {
    // "", "." and ".." (a leading or doubled or trailing slash) are kept as written.
    if (part === "" || part === "." || part === ".." || existsSync(join(dir, part))) {
      out.push(part);
      dir = join(dir, part);
      continue;
    }
    let entries: string[];
    try {
      entries = readdirSync(dir).filter((entry) => entry !== ".git");
    } catch {
      return undefined;
    }
    const ignored = ignoredEntries(dir, entries);
    const best = likelyTypoOf(part, ignored.size === 0 ? entries : entries.filter((entry) => !ignored.has(entry)));
    if (best === undefined) return undefined;
    out.push(best);
    dir = join(dir, best);
    changed = true;
  }
  return changed ? out.join("/") : undefined;
}

/**
 * The `entries` of `dir` that git ignores (`dist/`, `node_modules`, `*.log` in .gitignore): no
 * commit touches them, so a --path suggestion naming one selects nothing again. A tracked file
 * is never among them, whatever the patterns say. One `git check-ignore` for the lot; none when
 * git cannot tell (a directory outside the work tree).
 */
function ignoredEntries(dir: string, entries: readonly string[]): Set<string> {
  if (entries.length === 0) return new Set();
  // check-ignore reads its paths as pathspecs and fails on any magic: an entry written `./NAME`
  // is never taken for magic (a file named `:!notes` would be), and the GIT_*_PATHSPECS a user
  // may export (which check-ignore refuses outright) are left out, as the names are literal here.
  const env = gitEnv({ GIT_LITERAL_PATHSPECS: undefined, GIT_GLOB_PATHSPECS: undefined, GIT_NOGLOB_PATHSPECS: undefined, GIT_ICASE_PATHSPECS: undefined });
  const input = entries.map((entry) => `./${entry}\0`).join("");
  const child = spawnSync("git", ["check-ignore", "-z", "--stdin"], { cwd: dir, input, encoding: "utf8", windowsHide: true, env });
  // Status 0: some are ignored; 1: none; 128: not a work tree, or another failure.
  if (child.status !== 0) return new Set();
  return new Set(child.stdout.split("\0").filter((entry) => entry !== "").map((entry) => entry.replace(/^\.\//, "")));
}

/**
 * The revisions whose whole history `selection` read, or undefined when it read only part of
 * it: a date, a count, --first-parent or --no-merges leaves commits out, and so does a range or
 * an exclusion (`A..B`, `^A`, `A^!`, `A^-`).
 */
function wholeHistoryRead(selection: HistorySelection): string[] | undefined {
  const { since, until, maxCount, firstParent, noMerges } = selection;
  if (since !== undefined || until !== undefined || limitingMaxCount(maxCount) !== undefined || firstParent || noMerges) return undefined;
  const revisions = selection.revisions.length > 0 ? selection.revisions : ["HEAD"];
  return revisions.every((revision) => /^[^\s^-]\S*$/.test(revision) && !revision.includes("..") && !/\^[!-]/.test(revision)) ? revisions : undefined;
}

/**
 * The `git log` arguments that find the newest commit on any branch, tag, remote branch or HEAD
 * that touched `path`. For a path no commit ever touched (a typo) git walks every commit to be
 * sure, as long as the selection's own walk took. When that walk (`walked`) read the whole
 * history of its revisions and found nothing, the commits it read are left out (`--not`): only
 * what lies outside them (an unmerged branch, a tag, a remote branch) is walked, often nothing.
 * A change made and undone on a side branch that was merged is then no longer found through
 * that branch's tip: git log's history simplification hid it from the selection's walk, too.
 */
export function lastTouchedArgs(path: string, walked?: HistorySelection): string[] {
  const read = walked && wholeHistoryRead(walked);
  return ["log", "-1", "--format=%h%x00%cs", "--branches", "--tags", "--remotes", "HEAD", ...(read ? ["--not", ...read] : []), "--", path];
}

/**
 * The newest commit on any branch, tag or HEAD that touched `path` (see lastTouchedArgs): one
 * `git log -1` each, as the newest commit per path needs a walk of its own (a path names
 * nothing only when no commit matched, so this runs for a typo or two, not for every path).
 */
function lastTouched(cwd: string, path: string, walked?: HistorySelection): Pick<MissingPath, "last"> {
  const run = runGitSync(lastTouchedArgs(path, walked), cwd);
  const [commit, date] = run.stdout.trim().split("\0");
  return run.status === 0 && commit && date ? { last: { commit, date } } : {};
}

/** What a missing path's note says after naming it: when it was last changed, or to check its spelling. */
export function missingPathNote({ last, suggestion }: MissingPath): string {
  if (last) return `names nothing in the working tree or at HEAD; it was last changed in ${last.commit} on ${last.date}`;
  return suggestion === undefined
    ? "names nothing in the working tree or at HEAD; check its spelling"
    : `names nothing in the working tree or at HEAD; did you mean ${shellWord(suggestion)}?`;
}

/** The commits listed in the shallow file: the oldest commits present, whose parents are missing. */
function readShallowBoundaries(cwd: string, gitDir: string): string[] {
  const path = runGitSync(["rev-parse", "--git-path", "shallow"], cwd).stdout.trim() || join(gitDir, "shallow");
  try {
    const text = readFileSync(isAbsolute(path) ? path : join(cwd, path), "latin1");
    return text.split("\n").filter((line) => /^[0-9a-f]{40,64}$/.test(line));
  } catch {
    return [];
  }
}

/** Counts the commits a selection covers (for the progress bar's ETA). Null when git fails. */
export function countCommits(cwd: string, selection: HistorySelection, signal?: AbortSignal): Promise<number | null> {
  // rev-list has no --follow: a count without it would be wrong, so the progress goes without ETA.
  if (selection.follow) return Promise.resolve(null);
  return new Promise((resolve) => {
    const child = spawn("git", ["rev-list", "--count", ...selectionArgs(selection)], { cwd, stdio: ["ignore", "pipe", "ignore"], signal });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    child.on("error", () => resolve(null));
    child.on("close", (code) => resolve(code === 0 ? Number(out.trim()) : null));
  });
}

/**
 * Why `revision` names nothing when HEAD has no commit yet, or undefined when that is not the
 * reason: the whole repository has none (any revision), or HEAD is an orphan branch in a
 * repository whose other branches have commits (a revision starting from HEAD or @).
 */
function unbornHeadError(cwd: string, revision: string): UsageError | undefined {
  if (runGitSync(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], cwd).status === 0) return undefined;
  const other = runGitSync(["for-each-ref", "--count=1", "--format=%(refname:short)", "refs/heads"], cwd).stdout.trim();
  if (!other) return new UsageError("the repository has no commits yet; there is no history to audit");
  if (!/^\^?(?:HEAD|@)(?![\w/-])/.test(revision)) return undefined;
  // An orphan branch (git switch --orphan) in a repository whose other branches have commits.
  const branch = runGitSync(["symbolic-ref", "--quiet", "--short", "HEAD"], cwd).stdout.trim();
  return new UsageError(`the current branch${branch ? ` '${branch}'` : ""} has no commits yet; name a revision to audit, e.g. rationale audit ${other}`);
}

/**
 * What is wrong with an unknown `revision`, when git can tell: which end of a range names no
 * commit (`nope` in `nope..HEAD`), one that goes back past the first commit (`HEAD~5` in a
 * history of three), and the branch, tag or remote branch a misspelt name is one typo away
 * from (`mian`: did you mean 'main'?). Undefined when there is nothing to add to "does not name
 * a commit". Runs only on this error, so the refs are listed once, never on a good run.
 */
export function unknownRevisionDetail(cwd: string, revision: string): string | undefined {
  const ends = revision.replace(/^\^/, "").split(/\.\.\.?/).filter((end) => end !== "");
  const missing = ends.find((end) => runGitSync(["rev-parse", "--verify", "--quiet", "--end-of-options", `${end}^{commit}`], cwd).status !== 0);
  if (missing === undefined) return undefined;
  const named = ends.length > 1 ? `'${echoValue(missing)}'` : "it";
  // A revision with a suffix (~N, ^, ^N, @{…}, :path) whose name resolves: the suffix asks too
  // much. Only a walk of ancestors (~N, ^N) is one that can go back too far; `^{/text}` that
  // matches nothing or a reflog entry not there is no such thing. An `@` alone is part of a name.
  const stem = missing.replace(/(?:[~^:]|@\{).*$/, "");
  if (stem !== missing && stem !== "" && runGitSync(["rev-parse", "--verify", "--quiet", "--end-of-options", `${stem}^{commit}`], cwd).status === 0) {
    const suffix = missing.slice(stem.length);
    const walk = /^(?:~\d*|\^\d*)+$/.test(suffix);
    if (walk && /\^0*[2-9]/.test(suffix)) return `${named} names a parent that is not there (^N is a merge's Nth parent)`;
    if (walk) return `${named} goes back past the first commit of ${echoValue(stem)}'s history`;
    return ends.length > 1 ? `${named} names no commit` : undefined;
  }
  // A long name is no typo of a ref, and comparing it with each would cost for nothing.
  const refs = stem.length > 0 && stem.length <= 100 ? runGitSync(["for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/tags", "refs/remotes"], cwd).stdout.split("\n").filter(Boolean) : [];
  const best = likelyTypoOf(stem, refs);
  if (best !== undefined && best !== stem) return `${ends.length > 1 ? `'${echoValue(missing)}' names no commit; ` : ""}did you mean '${echoValue(best)}'?`;
  return ends.length > 1 ? `'${echoValue(missing)}' names no commit` : undefined;
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0]?.replace(/^(fatal|error):\s*/, "") || "git failed";
}

/** Quotes a word for a POSIX shell when it holds anything beyond safe characters. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command whose paths a selection holds: `audit` takes them with --path (or after --), `lint --commits` after --. */
export type PathsCommand = "audit" | "lint";

/**
 * Turns git log's failure output into a one-line UsageError. A "revision" that is a file or
 * folder under `cwd` was meant as a path (git log's `git log f.txt`): the error says to give it
 * after `--`, which both `rationale audit` and `rationale lint --commits` take as git log does.
 * A path outside the repository is named as `command` takes it (`--path` for the audit).
 */
export function gitLogError(stderr: string, status: number | null, selection: HistorySelection, cwd?: string, command: PathsCommand = "audit"): UsageError {
  // A path git reads from the current directory and finds outside the work tree: name the
  // option that gave it, as for any other bad option value.
  const outside = /'(.*)' is outside repository at '(.*)'/.exec(stderr);
  if (outside) {
    const [, path, top] = outside;
    const given = command === "audit" ? `--path ${shellWord(path)}` : `the path ${shellWord(path)} after --`;
    return new UsageError(`${given} is outside the repository at ${top.replace(/\/\.$/, "")}; give a path inside it, from the current directory or absolute. See: rationale ${command} --help`);
  }
  // The closing quote may be missing: git cuts its messages at 4096 bytes, in a long revision.
  const bad = /(?:bad revision|unknown revision or path not in the working tree|ambiguous argument) '([^'\n]*)'?/i.exec(stderr);
  // Before the path check: HEAD is also a file in a bare repository's directory.
  const unborn = bad && cwd !== undefined ? unbornHeadError(cwd, bad[1]) : undefined;
  if (unborn) return unborn;
  if (bad && cwd !== undefined && bad[1] !== "" && existsSync(join(cwd, bad[1]))) {
    return new UsageError(`unknown revision: '${echoValue(bad[1])}' is a path, not a commit or range; for the commits touching it, end the command with -- ${shellWord(bad[1])}`);
  }
  if (bad) {
    const detail = cwd === undefined ? undefined : unknownRevisionDetail(cwd, bad[1]);
    return new UsageError(`unknown revision: '${echoValue(bad[1])}' does not name a commit or range in this repository${detail ? `: ${detail}` : ""}`);
  }
  if (/does not have any commits yet/i.test(stderr)) {
    return new UsageError("the repository has no commits yet; there is no history to audit");
  }
  if (/not a git repository/i.test(stderr)) return cwd === undefined ? new UsageError("not a git repository") : new NotARepositoryError(cwd);
  const what = selection.revisions.length ? selection.revisions.map(echoValue).join(" ") : "HEAD";
  return new UsageError(`git log ${what} failed: ${echoQuoted(firstLine(stderr)) || `exit status ${status}`}`);
}

const NUL = 0;
const FIELDS = 5;
const replacementChar = "\uFFFD";

/**
 * Commits as git printed them, not yet decoded: what the main thread hands to a judging thread.
 * `bytes` holds each commit's five fields, each NUL-terminated, as in git's output, except that
 * messages longer than the judged limit are cut (the rest is dropped as it streams). `bytes`
 * and `messageBytes` own their memory, so they can be transferred to a worker without a copy.
 */
export interface RawBatch {
  bytes: Uint8Array;
  /** Full size in bytes of each commit's message. */
  messageBytes: Float64Array;
  count: number;
}

/** How many commits and bytes make a batch: enough to make passing it to a thread cheap. */
export interface BatchLimits {
  records: number;
  bytes: number;
  /** Whole batches read ahead of the consumer before reading pauses (default 8, about 4 MB). */
  readAhead?: number;
}

const DEFAULT_BATCH: BatchLimits = { records: 512, bytes: 512 * 1024 };

/**
 * Batches read ahead of the consumer before reading pauses. Reading ahead lets git run while
 * the main thread judges; pausing keeps memory bounded whatever the history's length.
 */
const READ_AHEAD = 8;

/**
 * Splits `git log -z --format=%H%x00%aI%x00%aN%x00%P%x00%B` output into batches of whole
 * commits. Git stops a message at its first NUL byte, so each commit is exactly five
 * NUL-terminated fields. Only NUL bytes are looked at, and runs of whole fields are copied in
 * one go: this runs on the main thread and must cost far less than git. A message is kept
 * only up to `maxMessageBytes` (+4, to find a character boundary); the rest is counted and
 * dropped, so one huge message costs no more memory than the limit.
 */
export class LogBatcher {
  private field = 0;
  private kept = 0;
  private messageSize = 0;
  private buffer: Buffer;
  private used = 0;
  private recordStart = 0;
  private sizes: number[] = [];

  constructor(
    private readonly maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES,
    private readonly limits: BatchLimits = DEFAULT_BATCH,
  ) {
    this.buffer = Buffer.allocUnsafeSlow(limits.bytes + 64 * 1024);
  }

  /** Feeds a chunk of git's output; calls `emit` with every batch completed by it. */
  push(chunk: Buffer, emit: (batch: RawBatch) => void): void {
    const length = chunk.length;
    const keepLimit = this.maxMessageBytes + 4;
    let start = 0;
    // Start of the bytes of `chunk` not yet copied into the batch.
    let run = 0;
    while (start < length) {
      const end = chunk.indexOf(NUL, start);
      const stop = end === -1 ? length : end;
      if (this.field === FIELDS - 1) {
        const size = stop - start;
        this.messageSize += size;
        const room = keepLimit - this.kept;
        if (size > room) {
          this.append(chunk, run, start + room);
          this.kept = keepLimit;
          run = stop;
        } else {
          this.kept += size;
        }
      }
      if (end === -1) break;
      start = end + 1;
      if (++this.field === FIELDS) {
        this.sizes.push(this.messageSize);
        this.field = 0;
        this.kept = 0;
        this.messageSize = 0;
        if (this.sizes.length >= this.limits.records || this.used + (start - run) >= this.limits.bytes) {
          this.append(chunk, run, start);
          run = start;
          emit(this.take(this.used));
        } else {
          this.recordStart = this.used + (start - run);
        }
      }
    }
    this.append(chunk, run, length);
  }

  /** The commits completed since the last batch, or undefined when there are none. */
  flush(): RawBatch | undefined {
    return this.sizes.length > 0 ? this.take(this.recordStart) : undefined;
  }

  /** True when the stream ended in the middle of a commit. */
  get incomplete(): boolean {
    return this.field !== 0 || this.used > this.recordStart;
  }

  private append(chunk: Buffer, from: number, to: number): void {
    if (to <= from) return;
    const needed = this.used + (to - from);
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    chunk.copy(this.buffer, this.used, from, to);
    this.used = needed;
  }

  /** Hands over the commits in the first `complete` bytes and starts a new batch with the rest. */
  private take(complete: number): RawBatch {
    const batch: RawBatch = { bytes: new Uint8Array(this.buffer.buffer, 0, complete), messageBytes: Float64Array.from(this.sizes), count: this.sizes.length };
    const rest = this.buffer.subarray(complete, this.used);
    this.buffer = Buffer.allocUnsafeSlow(Math.max(this.limits.bytes + 64 * 1024, rest.length));
    rest.copy(this.buffer);
    this.used = rest.length;
    this.recordStart = 0;
    this.sizes = [];
    return batch;
  }
}

/**
 * Reads the commits of a batch one at a time, in order. Messages are decoded as UTF-8 (invalid
 * sequences replaced and counted) and cut at `maxMessageBytes` as `decodeMessage` does. One
 * commit at a time, so a decoded message is garbage as soon as it has been judged.
 */
export class BatchReader {
  private readonly bytes: Buffer;
  private at = 0;
  /** How many commits `next` has returned. */
  index = 0;

  constructor(
    private readonly batch: RawBatch,
    private readonly maxMessageBytes: number,
  ) {
    this.bytes = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  }

  /** The next commit, or undefined after the last. */
  next(): CommitRecord | undefined {
    if (this.index >= this.batch.count) return undefined;
    const bytes = this.bytes;
    const at = this.at;
    const shaEnd = bytes.indexOf(NUL, at);
    const dateEnd = bytes.indexOf(NUL, shaEnd + 1);
    const authorEnd = bytes.indexOf(NUL, dateEnd + 1);
    const parentsEnd = bytes.indexOf(NUL, authorEnd + 1);
    const messageEnd = bytes.indexOf(NUL, parentsEnd + 1);
    if (messageEnd === -1) throw new Error("a batch of git log output ends in the middle of a commit");
    const parents = bytes.toString("latin1", authorEnd + 1, parentsEnd);
    const total = this.batch.messageBytes[this.index++];
    const decoded = decodeMessage(bytes.subarray(parentsEnd + 1, messageEnd), total, this.maxMessageBytes);
    this.at = messageEnd + 1;
    return {
      sha: bytes.toString("latin1", at, shaEnd),
      date: bytes.toString("latin1", shaEnd + 1, dateEnd),
      author: bytes.toString("utf8", dateEnd + 1, authorEnd),
      parents: parents ? parents.split(" ") : [],
      message: decoded.text,
      bytes: total,
      truncated: decoded.truncated,
      invalidSequences: decoded.invalidSequences,
    };
  }
}

/** Decodes the commits of a batch, in order (see `BatchReader`). */
export function decodeBatch(batch: RawBatch, maxMessageBytes: number, emit: (record: CommitRecord, index: number) => void): void {
  const reader = new BatchReader(batch, maxMessageBytes);
  for (let record = reader.next(); record !== undefined; record = reader.next()) emit(record, reader.index - 1);
}

/**
 * Decodes message bytes as UTF-8, replacing invalid sequences with U+FFFD and counting them.
 * When the message is longer than `maxBytes`, cuts it at the last line break (or character
 * boundary) before the limit.
 */
export function decodeMessage(bytes: Buffer, totalBytes: number, maxBytes: number): { text: string; truncated: boolean; invalidSequences: number } {
  let view = bytes;
  const truncated = totalBytes > maxBytes;
  if (truncated) {
    let cut = Math.min(maxBytes, bytes.length);
    const newline = bytes.lastIndexOf(0x0a, cut - 1);
    if (newline > maxBytes / 2) cut = newline + 1;
    else while (cut > 0 && (bytes[cut] & 0xc0) === 0x80) cut--;
    view = bytes.subarray(0, cut);
  }
  const text = view.toString("utf8");
  if (isUtf8(view)) return { text, truncated, invalidSequences: 0 };
  const invalidSequences = countChar(text, replacementChar) - countValidReplacementChars(view);
  return { text, truncated, invalidSequences };
}

function countChar(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/** U+FFFD written literally in the message (EF BF BD) is not an invalid sequence. */
function countValidReplacementChars(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf("\uFFFD"); at !== -1; at = bytes.indexOf("\uFFFD", at + 3)) count++;
  return count;
}

/** The running `git log` process and its commits. */
export interface HistoryStream {
  /**
   * Yields the commits in batches, newest first (git log order). `last` is true for the batch
   * holding the final commits, read after git's output ended.
   */
  batches(limits?: BatchLimits): AsyncGenerator<{ batch: RawBatch; last: boolean }>;
  /** Stops git early (interrupt, error elsewhere). */
  stop(): void;
  /** Whole batches read from git and not yet taken by the consumer. */
  readonly buffered: number;
}

/**
 * Starts one `git log` over the selection, re-encoding messages to UTF-8 (`--encoding`), and
 * yields its commits in batches as git prints them. Reading pauses when the consumer is busy,
 * so git's output never piles up in memory. Throws UsageError when git rejects the selection,
 * naming paths as `command` takes them.
 */
export function readHistory(cwd: string, selection: HistorySelection, maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES, command: PathsCommand = "audit"): HistoryStream {
  // log.follow in the user's config would follow a lone path under its earlier names, though
  // the selection (and the report's heading and json) says it does not: only --follow does.
  const args = ["-c", "log.showSignature=false", "-c", "log.follow=false", "log", "-z", "--encoding=UTF-8", "--no-color", "--format=%H%x00%aI%x00%aN%x00%P%x00%B", ...selectionArgs(selection)];
  // GIT_FLUSH=0: on a pipe git otherwise flushes after every commit, one write(2) of a few
  // hundred bytes each; fully buffered output takes a third less of git's time and wakes this
  // process a sixth as often (measured in docs/audit.md).
  const child = spawn("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], windowsHide: true, env: gitEnv({ GIT_FLUSH: "0" }) });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    if (stderr.length < 64 * 1024) stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; error?: Error }>((resolve) => {
    child.on("error", (error) => resolve({ code: null, error }));
    child.on("close", (code) => resolve({ code }));
  });
  let stopped = false;
  let ready: RawBatch[] = [];
  return {
    get buffered() {
      return ready.length;
    },
    stop() {
      stopped = true;
      child.kill();
    },
    async *batches(limits = DEFAULT_BATCH) {
      const batcher = new LogBatcher(maxMessageBytes, limits);
      const stdout = child.stdout;
      const readAhead = Math.max(1, limits.readAhead ?? READ_AHEAD);
      ready = [];
      let ended = false;
      let failure: Error | undefined;
      let waiting: (() => void) | null = null;
      const wake = () => {
        const resume = waiting;
        waiting = null;
        resume?.();
      };
      stdout.on("data", (chunk: Buffer) => {
        try {
          batcher.push(chunk, (batch) => ready.push(batch));
        } catch (error) {
          failure = error instanceof Error ? error : new Error(String(error));
          stdout.destroy();
        }
        if (ready.length >= readAhead) stdout.pause();
        wake();
      });
      stdout.on("end", () => {
        ended = true;
        wake();
      });
      stdout.on("error", (error) => {
        failure ??= error;
        wake();
      });
      stdout.on("close", () => {
        ended = true;
        wake();
      });
      try {
        for (;;) {
          if (ready.length > 0) {
            const batch = ready.shift()!;
            if (stdout.isPaused() && ready.length < readAhead / 2) stdout.resume();
            yield { batch, last: false };
            continue;
          }
          if (failure) throw failure;
          if (ended) break;
          await new Promise<void>((resolve) => (waiting = resolve));
        }
      } finally {
        if (!stopped && child.exitCode === null) child.kill();
      }
      const { code, error } = await exited;
      if (stopped) return;
      if (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError("audit needs git, but git was not found on PATH");
        throw error;
      }
      if (code !== 0) throw gitLogError(stderr, code, selection, cwd, command);
      if (batcher.incomplete) throw new Error("git log output ended in the middle of a commit");
      const rest = batcher.flush();
      if (rest) yield { batch: rest, last: true };
    },
  };
}
