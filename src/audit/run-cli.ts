// The CLI edge of `rationale audit`: checks options, wires Ctrl-C, progress and colour, maps the outcome to an exit code.
import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { setFlagsFromString } from "node:v8";
import pc from "picocolors";
import { noteUnreadScriptConfigs } from "../cli/run-lint.js";
import { UsageError } from "../types.js";
import { AuditInterrupted, runAudit, type AuditFormat } from "./index.js";
import { limitingMaxCount } from "./git-log.js";
import { createProgress } from "./progress.js";
import { counted } from "./report.js";
import type { Paint } from "./report-text.js";
import { echoValue } from "../echo-value.js";
import { NotARepositoryError } from "../not-a-repository.js";

/** Options as commander parses them. */
export interface AuditCommandOptions {
  since?: string;
  until?: string;
  maxCount?: string;
  firstParent?: boolean;
  /** False with --no-merges. */
  merges?: boolean;
  /** --path, and the paths given after a literal `--`. */
  path?: string[];
  /** --follow: the one --path under its earlier names too. */
  follow?: boolean;
  config?: string;
  format?: AuditFormat;
  output?: string;
  failUnder?: string;
  jobs?: string;
  top?: string;
  trend?: "auto" | "month" | "quarter" | "year";
  /** False with --no-progress. */
  progress?: boolean;
}

function integer(name: string, value: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  // Without an upper bound, a count too large for a double to hold exactly is still a count (git
  // log takes `-n 99999999999999999999` as every commit): as many as any repository can have.
  const number = max === Number.MAX_SAFE_INTEGER ? Math.min(Number(value), max) : Number(value);
  if (!/^\s*\d+\s*$/.test(value) || number < min || number > max) {
    throw new UsageError(`${name} expects a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? " up" : ` to ${max}`}, got '${echoValue(value)}'. See: rationale audit --help`);
  }
  return number;
}

/** A score from 0 to 100, whole or with decimals ("72.9": the report shows the mean to one decimal). */
function score(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\s*\d+(?:\.\d+)?\s*$/.test(value) || number > 100) throw new UsageError(`${name} expects a score from 0 to 100 (decimals allowed, e.g. 72.5), got '${echoValue(value)}'. See: rationale audit --help`);
  return number;
}

/** The report format a file name's extension names (`audit.html`, `audit.md`), if any. */
function formatOf(file: string): AuditFormat | undefined {
  return FORMAT_OF_EXTENSION.get(extname(file).toLowerCase());
}

/** Extensions that name a report format: `--output audit.html` without --format is an HTML report, not text. */
const FORMAT_OF_EXTENSION = new Map<string, AuditFormat>([
  [".html", "html"],
  [".htm", "html"],
  [".md", "markdown"],
  [".markdown", "markdown"],
  [".json", "json"],
  [".jsonl", "jsonl"],
  [".ndjson", "jsonl"],
]);

/** Extensions of a plain text file: `--output audit.txt` (or a CI job's `audit.log`) is the text report, as meant. */
const TEXT_EXTENSIONS = new Set([".txt", ".text", ".log"]);

/** The extensions that name each format, as the warnings list them: ".html/.htm html, .md/.markdown markdown, …". */
function extensionsNamingFormats(): string {
  const byFormat = new Map<AuditFormat, string[]>();
  for (const [extension, format] of FORMAT_OF_EXTENSION) byFormat.set(format, [...(byFormat.get(format) ?? []), extension]);
  return [...byFormat].map(([format, extensions]) => `${extensions.join("/")} ${format}`).join(", ");
}

/** Runs the audit for the command line and returns the exit code (0, 1 below --fail-under, 130 interrupted). */
export async function runAuditCommand(range: string[], options: AuditCommandOptions, cwd = process.cwd()): Promise<number> {
  for (const revision of range) {
    // git log's "-5" is the one such argument users type on purpose.
    if (/^-\d+$/.test(revision)) throw new UsageError(`unknown option '${revision}'; for the newest ${revision.slice(1)} commits use -n ${revision.slice(1)}. See: rationale audit --help`);
    if (revision.startsWith("-")) throw new UsageError(`unknown option or bad revision '${echoValue(revision)}'. See: rationale audit --help`);
  }
  if (options.output !== undefined && options.output.trim() === "") throw new UsageError("--output expects a file name, got ''. See: rationale audit --help");
  // `-o -` is standard output, as `lint -` is standard input (a file named - is `-o ./-`).
  const output = options.output === "-" ? undefined : options.output;
  // git refuses an empty pathspec with a line of its own; say which option gave it.
  if (options.path?.includes("")) throw new UsageError("a path given with --path or after -- is empty; for every path give . (git takes no empty path). See: rationale audit --help");
  // git log follows one file only, and without a path it fails with a line about pathspecs.
  const paths = options.path?.length ?? 0;
  if (options.follow && paths !== 1) throw new UsageError(`--follow follows one file under its earlier names: give exactly one path, with --path or after -- (got ${paths}). See: rationale audit --help`);
  const maxCount = limitingMaxCount(integer("--max-count", options.maxCount, 0));
  const failUnder = score("--fail-under", options.failUnder);
  const cores = availableParallelism();
  let jobs = integer("--jobs", options.jobs, 1, 256) ?? cores;
  // The audit is bound by CPU time (docs/audit.md): threads beyond the cores only add isolates
  // to warm up, each tens of megabytes. Twice the cores leaves room for a core count that
  // containers under-report.
  // Said once git log gives commits (onStart), not here: an error found later (not a repository,
  // an unknown revision, a bad --top) is then the one line of a run that did nothing.
  const jobsNote = jobs > 2 * cores ? `rationale: --jobs ${jobs} is more than twice this machine's ${cores} cores; using ${2 * cores}\n` : undefined;
  jobs = Math.min(jobs, 2 * cores);
  const top = integer("--top", options.top, 0, 10000);
  const named = output === undefined ? undefined : formatOf(output);
  const format = options.format ?? named ?? "text";
  // The --format given wins, but a file called audit.html holding JSON is most likely a slip. Said
  // once the report is written, beside where it went: a run that fails writes nothing to warn of.
  const mismatch = options.format !== undefined && named !== undefined && named !== options.format
    ? `rationale: warning: --format ${options.format} writes ${options.format === "html" ? "an" : "a"} ${options.format} report to ${output}, whose extension names ${named}\n`
    : undefined;
  // An extension no format has (audit.pdf, audit.csv) and no --format: the text report is the
  // default, but the name says the user expected something else. A file without an extension,
  // or a .txt, is text as meant; a trailing dot or a version's (audit., audit-1.2) names no type.
  const extension = output === undefined ? "" : extname(output).toLowerCase();
  const unnamed = options.format === undefined && named === undefined && /^\.[a-z]/.test(extension) && !TEXT_EXTENSIONS.has(extension)
    ? `rationale: warning: wrote a text report to ${output}, whose extension ${echoValue(extname(output as string))} names no report format; ` +
      `give --format, or an extension that names one: ${extensionsNamingFormats()}\n`
    : undefined;
  const toTerminal = !output && process.stdout.isTTY === true;
  const colour = toTerminal && !("NO_COLOR" in process.env) && format === "text";
  const paint: Paint = colour ? { bold: pc.bold, dim: pc.dim, red: pc.red, yellow: pc.yellow, green: pc.green } : { bold: String, dim: String, red: String, yellow: String, green: String };
  const showProgress = options.progress !== false;
  const progress = showProgress ? createProgress(process.stderr, process.stderr.isTTY === true) : undefined;

  // Each judging thread warms the engine up over tens of thousands of messages, and V8's
  // background threads spend seconds compiling it with TurboFan, again after every
  // deoptimisation. Without inlining each compilation is smaller: over git.git's history the
  // audit took 5-15% less time and CPU (docs/audit.md). It changes how code is compiled, never
  // what it computes; every thread started after this point inherits it.
  setFlagsFromString("--no-turbo-inlining");

  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigint);
  try {
    const { report, stats } = await runAudit({
      cwd,
      selection: {
        revisions: range,
        since: options.since,
        until: options.until,
        maxCount,
        firstParent: options.firstParent,
        noMerges: options.merges === false,
        paths: options.path ?? [],
        ...(options.follow ? { follow: true } : {}),
      },
      configFile: options.config,
      // A rationale.config.js audited by the defaults without a word reads as the user's rules.
      onConfig: (config) => noteUnreadScriptConfigs(config, cwd, options.config),
      onStart: () => {
        if (jobsNote !== undefined) process.stderr.write(jobsNote);
      },
      format,
      output,
      stdout: process.stdout,
      jobs,
      top,
      trend: options.trend,
      paint,
      progress,
      signal: controller.signal,
      inlineFirst: integer("RATIONALE_AUDIT_INLINE_FIRST", process.env.RATIONALE_AUDIT_INLINE_FIRST, 0),
    });
    if (process.env.RATIONALE_AUDIT_STATS === "1") process.stderr.write(`rationale-audit-stats ${JSON.stringify(stats)}\n`);
    const summary = report.summary;
    if (mismatch !== undefined) process.stderr.write(mismatch);
    if (unnamed !== undefined) process.stderr.write(unnamed);
    if (output) {
      process.stderr.write(`rationale: audited ${counted(summary.commits, "commit")}; report written to ${output}\n`);
    }
    if (failUnder !== undefined && summary.score.mean === null) {
      process.stderr.write(`rationale: no commit was scored (${summary.commits.toLocaleString("en-US")} selected, none judged), so --fail-under ${failUnder} does not apply\n`);
    }
    if (failUnder !== undefined && summary.score.mean !== null && summary.score.mean < failUnder) {
      process.stderr.write(`rationale: mean score ${summary.score.mean} is below --fail-under ${failUnder}\n`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof NotARepositoryError) throw error.runIn("audit");
    if (error instanceof AuditInterrupted) {
      process.stderr.write(`rationale: ${error.message}\n`);
      return 130;
    }
    throw error;
  } finally {
    process.off("SIGINT", onSigint);
    process.off("SIGTERM", onSigint);
  }
}
