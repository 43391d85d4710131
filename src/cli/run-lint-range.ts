// `rationale lint --commits RANGE`: lints every commit of a range as `--commit` lints one, for CI gates.
// Loaded only when --commits is given, so the hook's start-up never reads the audit's git log code.
import { mergeFromParents, parseWithTrustedOptions } from "../message/parse.js";
import { loadConfig } from "../config/load.js";
import { checkSelection, decodeBatch, findRepository, missingPathNote, pathsNamingNothing, readHistory, shellWord, type CommitRecord, type HistorySelection } from "../audit/git-log.js";
import { NotARepositoryError } from "../not-a-repository.js";
import { UsageError, type ResolvedConfig } from "../types.js";
import { echoValue } from "../echo-value.js";
import { JSON_CLOSE, JSON_EMPTY, JSON_OPEN, JSON_SEPARATOR, formatJsonResult, formatText, shouldColor, verdictLine, type ReportEntry } from "./report.js";
import { hasNoCommits } from "./git.js";
import { givenSources, lintForReport, noteUnreadScriptConfigs, type LintCommandOptions } from "./run-lint.js";

/**
 * The part of a message judged, as `rationale lint --commit` reads a whole message: far above
 * any real one (the audit judges 64 KiB), only a bound on a pathological commit's memory.
 */
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** Failing commits named in the closing line. */
const LISTED_FAILURES = 10;
/** Characters of the summary shown next to each commit's hash. */
const SUMMARY_SHOWN = 60;

/**
 * Lints each commit of `range` (anything `git log` takes: `origin/main..HEAD`, `v1.2..`, a
 * branch), newest first as git lists them, and returns 1 when any fails, 0 when all pass (an
 * empty range passes, with a note on stderr). With `paths` (given after `--`), only the commits
 * touching them, as `git log RANGE -- PATH...` and `rationale audit --path` select them. Text and
 * JSON (one `{ "results": [...] }` document) both stream commit by commit.
 */
export async function runLintRange(file: string | undefined, range: string, options: LintCommandOptions, paths: readonly string[] = []): Promise<number> {
  const given = givenSources(file, options);
  if (given.length > 1) throw new UsageError(`give only one message source; got ${given.join(" and ")}. See: rationale lint --help`);
  if (options.commentChar !== undefined) {
    throw new UsageError("--comment-char does not apply to --commits: git has already cleaned a stored commit's message. See: rationale lint --help");
  }
  if (range.trim() === "") throw new UsageError("--commits needs a range or revision, e.g. origin/main..HEAD. See: rationale lint --help");

  const cwd = process.cwd();
  const selection: HistorySelection = { revisions: [range], paths: [...paths] };
  // The order of errors docs/cli.md gives: not a repository, the config, then the range.
  const boundaries = new Set(repositoryAt(cwd).shallowBoundaries);
  const config = await loadConfig({ cwd, file: options.config });
  checkSelection(cwd, selection);
  // Before the first commit git calls HEAD an unknown revision; say what is really the matter.
  if (hasNoCommits(cwd)) {
    throw new UsageError("the repository has no commits yet; there are no commits to lint");
  }
  let reachedBoundary: string | undefined;
  noteUnreadScriptConfigs(config, cwd, options.config);
  const color = shouldColor(process.stdout);
  let checked = 0;
  let failures = 0;
  let skipped = 0;
  // The first few failing commits, for the closing line; the rest are only counted.
  const failed: string[] = [];
  // Reports written so far: with --quiet, those of passing commits are left out.
  let written = 0;

  const history = readHistory(cwd, selection, MAX_MESSAGE_BYTES, "lint");
  const records: CommitRecord[] = [];
  try {
    for await (const { batch } of history.batches()) {
      records.length = 0;
      decodeBatch(batch, MAX_MESSAGE_BYTES, (record) => records.push(record));
      for (const record of records) {
        const { entry, label } = await lintRecord(record, config);
        checked++;
        if (boundaries.has(record.sha)) reachedBoundary ??= record.sha.slice(0, 12);
        if (entry.result.skipped) skipped++;
        if (!entry.result.pass && ++failures <= LISTED_FAILURES) failed.push(record.sha.slice(0, 12));
        // Each commit is written as it is judged, JSON too, so a long range needs no more memory than a short one.
        if (options.format === "json") process.stdout.write((checked > 1 ? JSON_SEPARATOR : JSON_OPEN) + formatJsonResult(entry));
        else if (!(options.quiet && entry.result.pass)) process.stdout.write((written++ > 0 ? "\n" : "") + formatText([{ ...entry, source: label }], color));
      }
    }
  } finally {
    // Stops git when a lint throws; after a full read git has exited and this does nothing.
    history.stop();
  }

  const shownRange = echoValue(range);
  if (options.format === "json") process.stdout.write(checked > 0 ? JSON_CLOSE : JSON_EMPTY);
  else if (checked > 0 && !(options.quiet && failures === 0)) process.stdout.write(`\n${verdictLine("commit", checked, failures, skipped, failed)}\n`);
  if (checked === 0) {
    // The range as every echoed value is shown (a long one pasted by mistake is cut); paths
    // whole, as file paths are, since a path's end names the file.
    process.stderr.write(`rationale: no commits in ${shownRange}${paths.length > 0 ? ` touch ${paths.join(", ")}` : ""}; nothing to check\n`);
    // As in the audit: without it a mistyped path reads as a path no commit in the range touched.
    for (const missing of pathsNamingNothing(cwd, paths, selection)) process.stderr.write(`rationale: note: path ${shellWord(missing.path)} ${missingPathNote(missing)}\n`);
  }
  // In a shallow clone (CI's default fetch) `main..HEAD` runs on to the clone's edge when the
  // merge base was not fetched, so commits already on main were checked as if new.
  // A range with nothing excluded (`HEAD`, `v2.0`) reaching the edge did not run on too far: it
  // stopped short, and the commits older than the edge were never read.
  if (reachedBoundary !== undefined) {
    process.stderr.write(
      /\.\.|(?:^|\s)\^|--not\b/.test(range)
        ? `rationale: warning: shallow clone: the range reached ${reachedBoundary}, where the fetched history stops, so it may hold commits beyond ${shownRange}; fetch deeper (git fetch --deepen=N, or --unshallow) so that the range ends where you meant\n`
        : `rationale: warning: shallow clone: the history stops at ${reachedBoundary}, so the older commits of ${shownRange} were not checked; fetch deeper (git fetch --deepen=N, or --unshallow) to check them\n`,
    );
  }
  return failures > 0 ? 1 : 0;
}

/**
 * Lints one commit as `rationale lint --commit` does: git's cleaned text, merge from its
 * parents. The entry's source is the full hash (for JSON, where `sha` repeats it as the audit
 * names it); `label` adds the summary for people.
 */
async function lintRecord(record: CommitRecord, config: ResolvedConfig): Promise<{ entry: ReportEntry; label: string }> {
  const short = record.sha.slice(0, 12);
  if (record.invalidSequences > 0) {
    process.stderr.write(`rationale: warning: commit ${short}: ${record.invalidSequences} invalid UTF-8 sequence${record.invalidSequences === 1 ? "" : "s"}; judged with the bad bytes replaced\n`);
  }
  if (record.truncated) {
    process.stderr.write(`rationale: warning: commit ${short}: the message is ${record.bytes} bytes; judged its first ${MAX_MESSAGE_BYTES} bytes\n`);
  }
  const parsed = parseWithTrustedOptions(record.message, { cleanup: false, merge: mergeFromParents(record.parents.length) });
  const { result, empty } = await lintForReport(parsed, config);
  const summary = parsed.summary?.text.trim() ?? "";
  const shown = summary.length > SUMMARY_SHOWN ? `${summary.slice(0, SUMMARY_SHOWN - 1)}…` : summary;
  return { entry: { source: record.sha, sha: record.sha, result, raw: record.message, empty, threshold: config.threshold }, label: shown ? `${short} ${shown}` : short };
}

/** findRepository, whose error outside a repository says what to do, as audit's and init's do. */
function repositoryAt(cwd: string): ReturnType<typeof findRepository> {
  try {
    return findRepository(cwd);
  } catch (error) {
    throw error instanceof NotARepositoryError ? error.runIn("lint --commits") : error;
  }
}
