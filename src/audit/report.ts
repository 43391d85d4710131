// What every report format receives, and the small formatting helpers they share.
import type { AuditSummary, TrendUnit, WorstCommit } from "./aggregate.js";
import { missingPathNote, shellWord, type HistorySelection, type MissingPath } from "./git-log.js";

/** Facts about the run itself, shown beside the summary. */
export interface AuditMeta {
  /** What was audited, e.g. `rationale (HEAD)` or `repo (v1.0..main, since 2024-01-01)`. */
  target: string;
  /** The repository's top-level directory name. */
  repository: string;
  selection: HistorySelection;
  generatedAt: string;
  /** Set for a shallow clone: the commits where the history stops. */
  shallowBoundaries?: string[];
  /** Set when no commit matched: the paths that name nothing in the working tree or at HEAD, each with its last commit if one touched it. */
  missingPaths?: MissingPath[];
  /** How many worst commits the list could hold (`--top`): when it is full, that, not the grouping, is why it is short. */
  worstLimit?: number;
}

/** The summary plus the facts about the run. */
export interface AuditReport {
  summary: AuditSummary;
  meta: AuditMeta;
}

/** The `summary` object written by the json and jsonl formats. */
export function summaryJson(report: AuditReport): Record<string, unknown> {
  const { meta } = report;
  const out: Record<string, unknown> = {
    repository: meta.repository,
    selection: meta.selection,
    generatedAt: meta.generatedAt,
    ...report.summary,
  };
  if (meta.shallowBoundaries) out.shallow = { truncated: true, boundaries: meta.shallowBoundaries };
  // A path no commit touched is a typo, most likely; one that some commit touched only lies outside the selection.
  const typos = meta.missingPaths?.filter((missing) => !missing.last) ?? [];
  const past = meta.missingPaths?.flatMap(({ path, last }) => (last ? [{ path, ...last }] : [])) ?? [];
  if (typos.length > 0) out.missingPaths = typos.map((missing) => missing.path);
  if (past.length > 0) out.pastPaths = past;
  return out;
}

/**
 * The worst list's heading: "Worst 2 commits", and when more commits fail than it lists, why it
 * lists fewer. A list as long as `worstLimit` (`--top`) is cut there: "--top" lists more. A
 * shorter one lists one commit per summary (alike summaries grouped, as the repeated ones are).
 * Without it, "Worst 2 commits" above a history where 5 fail reads as a miscount.
 */
export function worstTitle(summary: Pick<AuditSummary, "worst" | "fail">, worstLimit?: number): string {
  const title = `Worst ${counted(summary.worst.length, "commit")}`;
  if (summary.fail.count <= summary.worst.length) return title;
  const failing = `of ${formatCount(summary.fail.count)} that fail`;
  return summary.worst.length === worstLimit ? `${title} (${failing}; --top lists more)` : `${title} (one per summary, ${failing})`;
}

/** 12345 → "12,345". */
export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

/** 1, "commit" → "1 commit"; 12345, "commit" → "12,345 commits". */
export function counted(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? "" : "s"}`;
}

/** 0.1234 → "12.3%". */
export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** The date part of an ISO date-time. */
export function shortDate(iso: string): string {
  return iso.slice(0, 10);
}

/** The heading of the trend section. */
export function trendTitle(unit: TrendUnit): string {
  return `Trend by ${unit}`;
}

/** Shown under a trend of a single period, which has nothing to compare with yet. */
export function onePeriodNote(unit: TrendUnit): string {
  const finer = unit === "year" ? " (try --trend quarter or month)" : unit === "quarter" ? " (try --trend month)" : "";
  return `All commits fall in one ${unit}: a trend needs two or more${finer}.`;
}

/**
 * What a worst commit without findings lost points on, shown where its findings would be:
 * "no findings; why evident, what named". Null when it has findings or was not judged.
 */
export function levelsWithoutFindings(commit: Pick<WorstCommit, "findings" | "why" | "what">): string | null {
  if (commit.findings.length > 0 || !(commit.why || commit.what)) return null;
  return `no findings; why ${commit.why ?? "not judged"}, what ${commit.what ?? "not judged"}`;
}

/** "was" for one, "were" for any other count. */
function were(count: number): string {
  return count === 1 ? "was" : "were";
}

/**
 * How every report names the context facets, so that text, markdown and html read alike: as
 * one commit's (`one`: a row "has a body", the trend's legend) and as commits' (`many`: the
 * html cards, "42% have a body"). `refs` counts tickets, issues, pull requests and reference
 * trailers (docs/audit.md): "references a ticket" says what is counted, a bare "references" not.
 */
export const FACET_LABELS = {
  body: { one: "has a body", many: "have a body" },
  whyExplained: { one: "explains why", many: "explain why" },
  whatExplained: { one: "explains what", many: "explain what" },
  refs: { one: "references a ticket", many: "reference a ticket" },
} as const;

/** Warnings about the input every format shows: a path naming nothing, shallow history, cut messages, bad encoding, engine failures. */
export function notes(report: AuditReport): string[] {
  const { summary: s, meta } = report;
  const out: string[] = [];
  // Without it a mistyped --path reads as a path no commit touched.
  for (const missing of meta.missingPaths ?? []) out.push(`--path ${shellWord(missing.path)} ${missingPathNote(missing)}`);
  if (meta.shallowBoundaries) {
    const list = meta.shallowBoundaries.slice(0, 5).map((sha) => sha.slice(0, 12)).join(", ");
    const more = meta.shallowBoundaries.length > 5 ? ` and ${meta.shallowBoundaries.length - 5} more` : "";
    out.push(`shallow clone: the history is truncated at ${counted(meta.shallowBoundaries.length, "commit")} (${list}${more}); older commits were not audited (git fetch --unshallow to audit them)`);
  }
  if (s.input.truncatedMessages) {
    out.push(`${counted(s.input.truncatedMessages, "message")} longer than ${formatCount(s.input.maxJudgedBytes / 1024)} KiB ${were(s.input.truncatedMessages)} judged by their first ${formatCount(s.input.maxJudgedBytes / 1024)} KiB (largest: ${formatCount(Math.ceil(s.input.largestMessageBytes / 1024))} KiB)`);
  }
  if (s.input.invalidUtf8Commits) {
    out.push(`${counted(s.input.invalidUtf8Commits, "message")} ${were(s.input.invalidUtf8Commits)} not valid UTF-8; ${counted(s.input.invalidUtf8Sequences, "invalid byte sequence")} ${were(s.input.invalidUtf8Sequences)} replaced with U+FFFD`);
  }
  if (s.failures.length) {
    const failed = s.skipped.reasons ? Object.entries(s.skipped.reasons).filter(([r]) => r.startsWith("internal error")).reduce((n, [, c]) => n + c, 0) : 0;
    out.push(`rationale failed on ${counted(failed, "message")} and skipped ${failed === 1 ? "it" : "them"} (a bug; please report it): ${s.failures[0].sha.slice(0, 12)} ${s.failures[0].error}`);
  }
  // Counts are kept in bounded memory; say so only when the error could change what is shown.
  const smallest = Math.min(...s.vagueSummaries.map((v) => v.count), ...s.areas.map((a) => a.commits));
  if (s.approximateBy && smallest <= 10 * s.approximateBy) out.push(`repeated-summary and area counts may be low by up to ${s.approximateBy} (counted in bounded memory)`);
  return out;
}
