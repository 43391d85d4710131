// Judges one commit with the same engine as the hook and reduces the result to what the audit keeps.
import { lintResolved } from "../lint.js";
import { mergeFromParents, parseWithTrustedOptions } from "../message/parse.js";
import type { Finding, LintResult, MessageKind, ResolvedConfig, WhatLevel, WhyLevel } from "../types.js";
import type { CommitRecord } from "./git-log.js";

/** Bit flags describing a judged commit; see `JudgedCommit.flags`. */
export const Flag = {
  body: 1,
  whyExplained: 2,
  whatExplained: 4,
  refs: 8,
  /** The content cues could judge the text (facets.judged is not false). */
  judged: 16,
  truncated: 32,
  invalidUtf8: 64,
  vague: 128,
  pass: 256,
  skipped: 512,
} as const;

/**
 * What the audit keeps of one commit: small and flat. The full result exists only as `json`
 * (when the output format streams commits); the aggregation keeps `findings` only for the
 * commits that may rank among the worst.
 */
export interface JudgedCommit {
  sha: string;
  date: string;
  score: number;
  kind: MessageKind;
  flags: number;
  why?: WhyLevel;
  what?: WhatLevel;
  /** The summary line as written (at most 200 characters). */
  summary: string;
  /** Rule id of each finding, in order. */
  ruleIds: string[];
  /** Severity of each finding: "e" or "w", one character per finding. */
  severities: string;
  /** The commit as one JSON object (`{ sha, date, author, ...LintResult }`), when requested. */
  json?: string;
  /** The findings (kept only for commits in the worst-commits list). */
  findings?: Finding[];
  skipReason?: string;
  bytes: number;
  invalidSequences: number;
}

/** A finding counts as "vague summary" when its rule is about low-information summaries. */
export function isVagueFinding(finding: Pick<Finding, "ruleId">): boolean {
  return finding.ruleId.includes("vague");
}

const SUMMARY_LIMIT = 200;

/**
 * Parses and lints one commit's message (already cleaned by git, so `cleanup: false`) and
 * returns its compact form. `withJson` adds the full per-commit JSON object.
 */
export function judgeCommit(record: CommitRecord, config: ResolvedConfig, withJson: boolean): JudgedCommit {
  const parsed = parseWithTrustedOptions(record.message, { cleanup: false, merge: mergeFromParents(record.parents.length) });
  const result = lintResolved(parsed, config);
  let flags = 0;
  if (hasBodyText(parsed.body)) flags |= Flag.body;
  const facets = result.facets;
  if (facets.why === "explained") flags |= Flag.whyExplained;
  if (facets.what === "explained") flags |= Flag.whatExplained;
  if (facets.refs && facets.refs.length > 0) flags |= Flag.refs;
  if (facets.judged !== false && (facets.why !== undefined || facets.what !== undefined)) flags |= Flag.judged;
  if (record.truncated) flags |= Flag.truncated;
  if (record.invalidSequences > 0) flags |= Flag.invalidUtf8;
  if (result.pass) flags |= Flag.pass;
  if (result.skipped) flags |= Flag.skipped;
  const ruleIds: string[] = [];
  let severities = "";
  for (const finding of result.findings) {
    ruleIds.push(finding.ruleId);
    severities += finding.severity === "error" ? "e" : "w";
    if (isVagueFinding(finding)) flags |= Flag.vague;
  }
  const summary = parsed.summary?.text ?? "";
  const judged: JudgedCommit = {
    sha: record.sha,
    date: record.date,
    score: result.score,
    kind: result.kind,
    flags,
    summary: summary.length > SUMMARY_LIMIT ? summary.slice(0, SUMMARY_LIMIT - 1) + "…" : summary,
    ruleIds,
    severities,
    findings: result.findings,
    bytes: record.bytes,
    invalidSequences: record.invalidSequences,
  };
  if (facets.why) judged.why = facets.why;
  if (facets.what) judged.what = facets.what;
  if (result.skipReason) judged.skipReason = result.skipReason;
  if (withJson) judged.json = commitJson(record, summary, result);
  return judged;
}

/** The per-commit JSON object of the json/jsonl formats: `{ sha, date, author, summary, ...LintResult }`. */
export function commitJson(record: CommitRecord, summary: string, result: LintResult): string {
  const entry: Record<string, unknown> = { sha: record.sha, date: record.date, author: record.author, summary, ...result };
  if (record.truncated) entry.truncated = { judgedBytes: Buffer.byteLength(record.message), totalBytes: record.bytes };
  if (record.invalidSequences > 0) entry.invalidUtf8Sequences = record.invalidSequences;
  return JSON.stringify(entry);
}

/** Sign-off style lines, which are trailers even when no blank line sets them apart. */
const TRAILER_SHAPED = /^\s*(?:[\w-]+-by|Change-Id|Cc):\s/i;

/** Whether the body has text beyond trailer-shaped lines ("Subject\nSigned-off-by: …" has none). */
function hasBodyText(body: readonly { text: string }[]): boolean {
  for (const line of body) if (line.text.trim() !== "" && !TRAILER_SHAPED.test(line.text)) return true;
  return false;
}

/**
 * Like `judgeCommit`, but a message the engine throws on becomes a skipped commit whose reason
 * starts with "internal error", so one bad message cannot stop an audit of a long history.
 */
export function judgeCommitSafely(record: CommitRecord, config: ResolvedConfig, withJson: boolean): JudgedCommit {
  try {
    return judgeCommit(record, config, withJson);
  } catch (error) {
    const reason = `internal error: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300);
    const failed: JudgedCommit = {
      sha: record.sha,
      date: record.date,
      score: 0,
      kind: "normal",
      flags: Flag.skipped,
      summary: record.message.slice(0, record.message.indexOf("\n") >>> 0).slice(0, SUMMARY_LIMIT),
      ruleIds: [],
      severities: "",
      skipReason: reason,
      bytes: record.bytes,
      invalidSequences: record.invalidSequences,
    };
    if (withJson) {
      const zero = { score: 0, max: 0 };
      const result: LintResult = { kind: "normal", skipped: true, skipReason: reason, score: 0, pass: false, findings: [], facets: {}, parts: { summary: zero, why: zero, what: zero, context: zero } };
      failed.json = commitJson(record, failed.summary, result);
    }
    return failed;
  }
}

/** How per-commit JSON is joined: `json` separates objects with ",\n", `jsonl` ends each with "\n". */
export type JsonMode = "json" | "jsonl";
