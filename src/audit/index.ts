// `rationale audit`: reads a history with one git log, judges every message, streams or renders the report.
// This module can also be the entry of the audit's worker threads (see the end of the file).
import { existsSync, realpathSync } from "node:fs";
import { basename, dirname } from "node:path";
import type { Writable } from "node:stream";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { loadConfig } from "../config/index.js";
import { UsageError, type ResolvedConfig } from "../types.js";
import { AuditAggregator, type TrendUnit } from "./aggregate.js";
import { BatchJudge, type BatchJudgeSetup } from "./batch.js";
import { DEFAULT_MAX_MESSAGE_BYTES, checkSelection, countCommits, findRepository, limitingMaxCount, pathsNamingNothing, readHistory, type HistorySelection, type RawBatch } from "./git-log.js";
import { fileSink, streamSink, type ReportSink } from "./output.js";
import { startWorkerPool, type WorkerPool } from "./pool.js";
import type { Progress } from "./progress.js";
import { counted, summaryJson, type AuditReport } from "./report.js";
import { renderHtml } from "./report-html.js";
import { renderMarkdown } from "./report-markdown.js";
import { noPaint, renderText, type Paint } from "./report-text.js";
import { isAuditWorker, runAuditWorker } from "./worker.js";

/** Report formats of `rationale audit`. */
export const AUDIT_FORMATS = ["text", "json", "jsonl", "markdown", "html"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** Everything `runAudit` needs; the CLI builds it from the command line. */
export interface AuditOptions {
  cwd: string;
  selection: HistorySelection;
  /** Explicit config file (`--config`); otherwise discovered from `cwd`. */
  configFile?: string;
  /** Already-resolved configuration (library use); wins over `configFile`. */
  config?: ResolvedConfig;
  /** Called with the configuration once it is loaded, before the history is read (the CLI's notes). */
  onConfig?: (config: ResolvedConfig) => void;
  /**
   * Called once, when git log has given the first batch of commits (or ended cleanly with none):
   * the repository, configuration, selection and output are checked by then, and git has taken
   * the revisions, so what is said here (the CLI's note on --jobs) never comes before an error.
   */
  onStart?: () => void;
  format: AuditFormat;
  /** Write the report here (atomically) instead of `stdout`. */
  output?: string;
  stdout: Writable;
  /**
   * Judging threads: 1 judges on the main thread; N starts N - 1 worker threads once the history
   * is longer than `inlineFirst` commits, and the main thread then, besides reading git and
   * writing output, judges a batch itself whenever every worker has two waiting.
   */
  jobs: number;
  /** How many worst commits the report lists (default: 10, 100 for html, 20 for json). */
  top?: number;
  trend?: TrendUnit | "auto";
  /** Only this much of each message is judged (default 64 KiB). */
  maxMessageBytes?: number;
  /** Colour for the text format. */
  paint?: Paint;
  progress?: Progress;
  signal?: AbortSignal;
  /** Commits judged on the main thread before worker threads start (default `INLINE_FIRST`). */
  inlineFirst?: number;
}

/**
 * How many commits the main thread judges alone before it starts worker threads. A worker is a
 * second isolate that loads and warms the engine up again, about a quarter of a second of CPU:
 * on two cores, where it also competes with git and V8's compiler threads, it made audits of
 * 2,000 commits 11% slower. Starting it later than this costs long histories their parallel
 * time: over git.git's 82k commits, starting after 8k or 16k commits instead of 1k or 4k made
 * the audit 3-10% slower (docs/audit.md).
 */
export const INLINE_FIRST = 4096;

/**
 * Thrown when the audit was interrupted through `signal`. Nothing was written to an `--output`
 * file; `incomplete` names where part of a streamed report went (json and jsonl to standard
 * output, or a device), since what is already written there cannot be taken back.
 */
export class AuditInterrupted extends Error {
  constructor(readonly incomplete?: string) {
    super(incomplete ? `audit interrupted; the report written to ${incomplete} so far is incomplete` : "audit interrupted; no report was written");
    this.name = "AuditInterrupted";
  }
}

/**
 * Error codes of a report write that failed part-way (a full disk, a file size limit, a quota):
 * the user's problem to fix, reported in one line rather than as an internal error.
 */
const WRITE_FAILURES = new Set(["EACCES", "EPERM", "ENOSPC", "EDQUOT", "EFBIG", "EIO", "EROFS"]);

/** Performance figures of a run (for `RATIONALE_AUDIT_STATS` and the benchmark). */
export interface AuditStats {
  elapsedMs: number;
  commits: number;
  /** Worker threads started (the main thread judges too, so `--jobs N` starts N - 1). */
  workers: number;
  maxRssBytes: number;
  /** CPU time of this process, every thread (not git's). */
  cpuMs: number;
}

/**
 * The name of the repository `cwd` is in: its work tree's directory, or for a bare repository
 * (or a directory inside .git) the git directory's, e.g. `project.git`, or `project` for
 * `project/.git`, rather than whatever subdirectory the audit was run from (`refs`).
 */
function repositoryName(cwd: string): string {
  const top = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd, encoding: "utf8" });
  if (top.status === 0 && top.stdout.trim()) return basename(top.stdout.trim());
  const gitDir = spawnSync("git", ["rev-parse", "--absolute-git-dir"], { cwd, encoding: "utf8" });
  const dir = gitDir.status === 0 ? gitDir.stdout.trim() : "";
  if (!dir) return basename(cwd);
  return basename(basename(dir) === ".git" ? dirname(dir) : dir);
}

/** Finds the repository's name and checks the revisions exist, for the report's heading. */
function describeTarget(cwd: string, selection: HistorySelection): { repository: string; target: string } {
  const repository = repositoryName(cwd);
  const parts = [selection.revisions.length ? selection.revisions.join(" ") : "HEAD"];
  if (selection.since) parts.push(`since ${selection.since}`);
  if (selection.until) parts.push(`until ${selection.until}`);
  if (selection.paths.length) parts.push(`paths ${selection.paths.join(", ")}${selection.follow ? " (and earlier names)" : ""}`);
  const maxCount = limitingMaxCount(selection.maxCount);
  if (maxCount !== undefined) parts.push(`at most ${counted(maxCount, "commit")}`);
  if (selection.firstParent) parts.push("first parent");
  if (selection.noMerges) parts.push("no merges");
  return { repository, target: `${repository} (${parts.join(", ")})` };
}

/**
 * Audits the selected history and writes the report. Returns the report (summary and meta)
 * so the caller can decide the exit status. Throws UsageError for repository and selection
 * problems and AuditInterrupted when `signal` aborts; in both cases no output file is written.
 */
export async function runAudit(options: AuditOptions): Promise<{ report: AuditReport; stats: AuditStats }> {
  const started = performance.now();
  const { cwd, selection, format } = options;
  // The order of errors docs/cli.md gives: not a repository, the config, then the selection.
  const repo = findRepository(cwd);
  const config = options.config ?? (await loadConfig({ cwd, file: options.configFile }));
  checkSelection(cwd, selection);
  options.onConfig?.(config);
  const { repository, target } = describeTarget(cwd, selection);
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const aggregate = {
    threshold: config.threshold,
    worst: options.top ?? (format === "html" ? 100 : format === "json" || format === "jsonl" ? 20 : 10),
    trendUnit: options.trend ?? "auto",
    maxJudgedBytes: maxMessageBytes,
  };
  const jsonMode = format === "json" || format === "jsonl" ? format : undefined;
  const setup: BatchJudgeSetup = { config, jsonMode, aggregate, maxMessageBytes };

  const history = readHistory(cwd, selection, maxMessageBytes);
  let sink: ReportSink;
  try {
    sink = options.output ? fileSink(options.output) : streamSink(options.stdout);
  } catch (error) {
    history.stop();
    throw error;
  }
  const { signal, progress } = options;
  let begun = false;
  const start = () => {
    if (begun) return;
    begun = true;
    options.onStart?.();
  };
  // The total for the progress ETA comes from a second walk of the history (`git rev-list
  // --count`), started only once the reporter wants it and stopped when the audit ends.
  const counting = new AbortController();
  let countStarted = false;
  const countIfWanted = () => {
    if (countStarted || !progress?.wantsTotal()) return;
    countStarted = true;
    void countCommits(cwd, selection, counting.signal).then((total) => progress.setTotal(total));
  };

  let seen = 0;
  let first = true;
  let drain: Promise<void> | null = null;
  // Batches come here in commit order, whichever thread judged them.
  const deliver = (count: number, json?: Uint8Array) => {
    if (json && json.length > 0) {
      if (jsonMode === "json") sink.write(first ? "\n" : ",\n");
      first = false;
      const pending = sink.writeBytes(json);
      if (pending) drain = pending;
    }
    seen += count;
    if (progress) {
      progress.update(seen);
      countIfWanted();
    }
  };

  // The main thread's own part of the summary: all of it with --jobs 1 or a short history.
  const inline = new BatchJudge(setup);
  const aggregator = inline.aggregator;
  const inlineFirst = options.inlineFirst ?? INLINE_FIRST;
  const workerUrl = options.jobs > 1 ? auditWorkerUrl() : undefined;
  const judgeHere = (batch: RawBatch, at: number) => inline.judgeSliced(batch, at);
  let pool: WorkerPool | undefined;
  const onAbort = () => {
    history.stop();
    counting.abort();
  };
  signal?.addEventListener("abort", onAbort);
  try {
    if (format === "json") await sink.write('{"commits":[');
    let read = 0;
    for await (const { batch, last } of history.batches()) {
      if (signal?.aborted) break;
      // git reports an unknown revision by failing before its first commit: only now has it taken them.
      start();
      // A history shorter than inlineFirst never pays for starting threads; a longer one starts
      // them there, and this thread judges every batch until one of them has loaded its code.
      if (!pool && workerUrl && !last && read >= inlineFirst) pool = startWorkerPool(options.jobs - 1, workerUrl, setup, deliver);
      // After that, this thread is one of the --jobs: it judges a batch itself whenever every
      // worker has two. One isolate fewer to warm up costs less than the reading it delays.
      if (pool?.ready) await pool.submit(batch, read, judgeHere);
      else deliver(batch.count, await inline.judgeSliced(batch, read));
      read += batch.count;
      if (drain) {
        await drain;
        drain = null;
      }
    }
    if (signal?.aborted) throw new AuditInterrupted();
    start();
    if (pool) for (const part of await pool.finish()) aggregator.merge(part);
    if (drain) await drain;
    if (signal?.aborted) throw new AuditInterrupted();

    const summary = aggregator.summary();
    // Only when nothing matched: a path that existed only in the past still selects its commits.
    const missingPaths = summary.commits === 0 ? pathsNamingNothing(cwd, selection.paths, selection) : [];
    const report: AuditReport = {
      summary,
      meta: {
        target,
        repository,
        selection,
        generatedAt: new Date().toISOString(),
        ...(repo.shallowBoundaries ? { shallowBoundaries: repo.shallowBoundaries } : {}),
        ...(missingPaths.length > 0 ? { missingPaths } : {}),
        worstLimit: aggregate.worst,
      },
    };
    progress?.finish();
    switch (format) {
      case "json":
        await sink.write(`${first ? "" : "\n"}],\n"summary":${JSON.stringify(summaryJson(report), null, 2)}}\n`);
        break;
      case "jsonl":
        await sink.write(JSON.stringify({ summary: summaryJson(report) }) + "\n");
        break;
      case "markdown":
        await sink.write(renderMarkdown(report));
        break;
      case "html":
        await sink.write(renderHtml(report));
        break;
      default:
        await sink.write(renderText(report, options.paint ?? noPaint));
    }
    await sink.commit().catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot write ${options.output ?? "the report"}: ${error.message}`);
    });
    const cpu = process.cpuUsage();
    const stats: AuditStats = {
      elapsedMs: Math.round(performance.now() - started),
      commits: seen,
      workers: pool ? options.jobs - 1 : 0,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    };
    return { report, stats };
  } catch (error) {
    progress?.finish();
    history.stop();
    const partial = await sink.abort();
    if (signal?.aborted) throw new AuditInterrupted(partial ? (options.output ?? "standard output") : undefined);
    if (WRITE_FAILURES.has((error as NodeJS.ErrnoException).code ?? "")) {
      throw new UsageError(`cannot write ${options.output ?? "the report"}: ${(error as Error).message}`);
    }
    throw error;
  } finally {
    signal?.removeEventListener("abort", onAbort);
    counting.abort();
    await pool?.close();
  }
}

/**
 * Where the worker threads' code is. A build may give them an entry file of their own
 * (`audit-worker.js` beside or above the chunk holding this module); otherwise this module is
 * the entry (see the end of the file), unless it is the process's main script (a bundle
 * without code splitting), where a worker would run the whole CLI again: then no threads.
 */
function auditWorkerUrl(): URL | undefined {
  for (const candidate of ["./audit-worker.js", "../audit-worker.js"]) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  const self = new URL(import.meta.url);
  const main = process.argv[1];
  if (main && existsSync(main) && pathToFileURL(realpathSync(main)).href === self.href) return undefined;
  return self;
}

export { type AuditReport } from "./report.js";
export { type AuditSummary } from "./aggregate.js";
export { type HistorySelection } from "./git-log.js";

// Started by startWorkerPool with this module as the worker's entry (see auditWorkerUrl): serve batches.
if (isAuditWorker()) runAuditWorker();
