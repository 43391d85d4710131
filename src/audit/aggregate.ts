// Folds judged commits into the audit summary incrementally: counters, histograms, bounded lists.
import type { Finding, MessageKind, WhatLevel, WhyLevel } from "../types.js";
import { BoundedHeap, FrequentCounter, type CountedEntry } from "./bounded.js";
import { Flag, type JudgedCommit } from "./judge.js";

/** How the trend is grouped. `auto` picks by the time the history spans. */
export type TrendUnit = "month" | "quarter" | "year";

/** A share of the judged commits. */
export interface Share {
  count: number;
  /** count / judged commits, 0-1 (0 when nothing was judged). */
  share: number;
}

/** One period of the trend. */
export interface TrendPeriod {
  period: string;
  commits: number;
  judged: number;
  meanScore: number | null;
  passRate: number | null;
  body: number | null;
  whyExplained: number | null;
  whatExplained: number | null;
  refs: number | null;
}

/** One of the worst commits, with its findings. */
export interface WorstCommit {
  sha: string;
  date: string;
  summary: string;
  score: number;
  /** Whether the message passes (the score reaches the threshold and no error fails it), as `lint` says PASS. */
  pass: boolean;
  kind: MessageKind;
  findings: Finding[];
  /** The why and what levels (absent when not judged): what a score below 100 without findings lost points on. */
  why?: WhyLevel;
  what?: WhatLevel;
}

/** The audit summary: the `summary` object of the json formats and the input of every report. */
export interface AuditSummary {
  /** Every commit read. */
  commits: number;
  /** Commits scored (not skipped). Shares and score statistics are over these. */
  judged: number;
  skipped: { count: number; reasons: Record<string, number> };
  kinds: Partial<Record<MessageKind, number>>;
  threshold: number;
  pass: Share;
  fail: Share;
  score: {
    mean: number | null;
    median: number | null;
    p10: number | null;
    p90: number | null;
    min: number | null;
    max: number | null;
    /** Ten buckets: 0-9, 10-19, ..., 90-100. */
    /** Ten buckets of ten points; `below`: how many of `count` score under the threshold. */
    histogram: { from: number; to: number; count: number; below: number }[];
  };
  facets: {
    body: Share;
    whyExplained: Share;
    whatExplained: Share;
    refs: Share;
    why: Partial<Record<WhyLevel, number>>;
    what: Partial<Record<WhatLevel, number>>;
    /** Judged commits whose text the content cues could not judge (e.g. not English). */
    unjudged: number;
  };
  /** Per rule: commits with at least one finding, all findings, by severity; most frequent first. */
  /** Per rule: commits with a finding and their `share` of the scored commits (0 when none was scored), findings, errors, warnings. */
  rules: { ruleId: string; commits: number; share: number; findings: number; errors: number; warnings: number }[];
  worst: WorstCommit[];
  /** Repeated summaries among commits with a vague summary or no body, most repeated first. */
  /**
   * `summary` is the newest commit's; `variedPrefix` is true when the cluster's summaries have
   * different area prefixes ("doc: Fix typo", "t/README: fix typo"), which the key leaves out.
   */
  vagueSummaries: { summary: string; count: number; withoutBody: number; vague: number; latestSha: string; variedPrefix: boolean }[];
  /** Areas named by a summary prefix (`area: text`, `type(scope): text`), most commits first. */
  areas: { area: string; commits: number; meanScore: number; passRate: number; whyExplained: number }[];
  trend: { unit: TrendUnit; periods: TrendPeriod[] };
  /** First and last author dates seen (ISO dates). */
  span: { from: string; to: string } | null;
  input: {
    largestMessageBytes: number;
    maxJudgedBytes: number;
    truncatedMessages: number;
    invalidUtf8Commits: number;
    invalidUtf8Sequences: number;
  };
  /** Commits the engine failed on (a bug in rationale), at most 20. */
  failures: { sha: string; error: string }[];
  /** Set when counts of the bounded lists may be undercounted by at most this much. */
  approximateBy?: number;
}

interface MonthBucket {
  commits: number;
  judged: number;
  scoreSum: number;
  pass: number;
  body: number;
  why: number;
  what: number;
  refs: number;
}

interface WorstCandidate {
  judged: JudgedCommit;
  order: number;
}

interface VagueValue {
  example: string;
  withoutBody: number;
  vague: number;
  latestSha: string;
  /** Read order of the example: the first commit read (the newest) gives the example. */
  order: number;
  /** The first counted summary's area prefix, lower-cased ("" for none), and whether another differs. */
  prefix: string;
  variedPrefix: boolean;
}

interface AreaValue {
  scoreSum: number;
  pass: number;
  why: number;
}

/** An aggregator's counts as plain, cloneable data: what a worker thread hands back at the end. */
export interface AggregateState {
  commits: number;
  judged: number;
  skippedReasons: Map<string, number>;
  kinds: Map<MessageKind, number>;
  scoreCounts: Uint32Array;
  /** pass, body, why explained, what explained, refs, unjudged. */
  counts: number[];
  whyLevels: Map<WhyLevel, number>;
  whatLevels: Map<WhatLevel, number>;
  rules: Map<string, { commits: number; findings: number; errors: number; warnings: number }>;
  months: Map<string, MonthBucket>;
  dates: [string | null, string | null];
  /** largest message, truncated messages, invalid-UTF-8 commits, invalid sequences. */
  input: number[];
  failures: { sha: string; error: string; order: number }[];
  worst: readonly WorstCandidate[];
  vague: { entries: CountedEntry<VagueValue>[]; maxDropped: number };
  areas: { entries: CountedEntry<AreaValue>[]; maxDropped: number };
}

/** Limits of the aggregation. */
export interface AggregateOptions {
  threshold: number;
  /** How many worst commits to keep. */
  worst: number;
  trendUnit: TrendUnit | "auto";
  maxJudgedBytes: number;
}

const CONVENTIONAL_TYPES = new Set(["feat", "fix", "chore", "docs", "doc", "style", "refactor", "perf", "test", "tests", "build", "ci", "revert"]);
const AREA_PREFIX = /^([\w./*{},@+-]+)(?:\(([^()]{1,60})\))?!?: \S/;

/** The area a summary names by its prefix, or undefined. */
export function summaryArea(summary: string): string | undefined {
  const match = AREA_PREFIX.exec(summary);
  if (!match) return undefined;
  const [, head, scope] = match;
  if (CONVENTIONAL_TYPES.has(head.toLowerCase())) return scope?.trim() || undefined;
  if (head.length > 60) return undefined;
  return scope ? `${head}(${scope})` : head;
}

/** A summary's area prefix as written, lower-cased and without its last character ("doc: "), or "". */
function areaPrefix(summary: string): string {
  const match = AREA_PREFIX.exec(summary);
  return match ? match[0].slice(0, -1).toLowerCase() : "";
}

/**
 * How a cluster of repeated summaries is shown: the newest summary, or, when the cluster's
 * summaries have different area prefixes, that summary's text after its prefix, marked as
 * coming from various areas ("…: fix typo (various areas)"), so it does not read as one
 * summary repeated word for word.
 */
export function clusterLabel(cluster: { summary: string; variedPrefix: boolean }): string {
  if (!cluster.variedPrefix) return cluster.summary;
  const match = AREA_PREFIX.exec(cluster.summary);
  const rest = match ? cluster.summary.slice(match[0].length - 1) : cluster.summary;
  return `${match ? "…: " : ""}${rest} (various areas)`;
}

/** The clustering key of a summary: lower case, prefix and numbers (ordinals too) generalised, punctuation trimmed. */
export function summaryClusterKey(summary: string): string {
  return summary
    .replace(AREA_PREFIX, (whole) => whole.slice(-1))
    .toLowerCase()
    .replace(/\b[0-9a-f]{7,40}\b/g, "<hash>")
    // An ordinal is a number too: "The 16th batch" is "The 3rd batch".
    .replace(/\d+(?:st|nd|rd|th)\b/g, "N")
    .replace(/\d+/g, "N")
    .replace(/\s+/g, " ")
    .replace(/[\s.!:;,]+$/, "")
    .trim();
}

const emptyBucket = (): MonthBucket => ({ commits: 0, judged: 0, scoreSum: 0, pass: 0, body: 0, why: 0, what: 0, refs: 0 });

/** Incremental aggregation of judged commits; memory is bounded whatever the history length. */
export class AuditAggregator {
  private commits = 0;
  private judged = 0;
  private skippedReasons = new Map<string, number>();
  private kinds = new Map<MessageKind, number>();
  private readonly scoreCounts = new Uint32Array(101);
  private passCount = 0;
  private bodyCount = 0;
  private whyCount = 0;
  private whatCount = 0;
  private refsCount = 0;
  private unjudged = 0;
  private whyLevels = new Map<WhyLevel, number>();
  private whatLevels = new Map<WhatLevel, number>();
  private rules = new Map<string, { commits: number; findings: number; errors: number; warnings: number }>();
  private months = new Map<string, MonthBucket>();
  private minDate: string | null = null;
  private maxDate: string | null = null;
  private largest = 0;
  private truncated = 0;
  private invalidCommits = 0;
  private invalidSequences = 0;
  private failures: { sha: string; error: string; order: number }[] = [];
  private readonly worst: BoundedHeap<WorstCandidate>;
  private readonly vague = new FrequentCounter<VagueValue>(20000, () => ({ example: "", withoutBody: 0, vague: 0, latestSha: "", order: -1, prefix: "", variedPrefix: false }));
  private readonly areas = new FrequentCounter<AreaValue>(10000, () => ({ scoreSum: 0, pass: 0, why: 0 }));

  constructor(private readonly options: AggregateOptions) {
    // Lower score ranks worse; for equal scores the commit read first (newest in git log order) ranks worse.
    // One commit per summary cluster: ten "The Nth batch" commits would fill the list with one
    // lesson, and the clusters are counted under the repeated summaries anyway.
    this.worst = new BoundedHeap<WorstCandidate>(options.worst, (a, b) => a.judged.score - b.judged.score || a.order - b.order, (c) => summaryClusterKey(c.judged.summary));
  }

  /**
   * Adds one judged commit. `order` is its position in git log order (0 = read first); it breaks
   * ties, so it must be given when commits are aggregated in several parts (worker threads).
   */
  add(commit: JudgedCommit, order = this.commits): void {
    this.commits++;
    const { flags } = commit;
    this.bump(this.kinds, commit.kind);
    if (commit.bytes > this.largest) this.largest = commit.bytes;
    if (flags & Flag.truncated) this.truncated++;
    if (flags & Flag.invalidUtf8) {
      this.invalidCommits++;
      this.invalidSequences += commit.invalidSequences;
    }
    const date = commit.date;
    if (this.minDate === null || date < this.minDate) this.minDate = date;
    if (this.maxDate === null || date > this.maxDate) this.maxDate = date;
    const monthKey = date.slice(0, 7);
    let month = this.months.get(monthKey);
    if (!month) this.months.set(monthKey, (month = emptyBucket()));
    month.commits++;

    for (let i = 0; i < commit.ruleIds.length; i++) {
      const id = commit.ruleIds[i];
      let rule = this.rules.get(id);
      if (!rule) this.rules.set(id, (rule = { commits: 0, findings: 0, errors: 0, warnings: 0 }));
      if (commit.ruleIds.indexOf(id) === i) rule.commits++;
      rule.findings++;
      if (commit.severities[i] === "e") rule.errors++;
      else rule.warnings++;
    }

    if (flags & Flag.skipped) {
      const reason = commit.skipReason ?? commit.kind;
      this.skippedReasons.set(reason, (this.skippedReasons.get(reason) ?? 0) + 1);
      if (reason.startsWith("internal error") && this.failures.length < 20) this.failures.push({ sha: commit.sha, error: reason, order });
      return;
    }

    this.judged++;
    month.judged++;
    const score = Math.max(0, Math.min(100, Math.round(commit.score)));
    this.scoreCounts[score]++;
    month.scoreSum += score;
    const pass = (flags & Flag.pass) !== 0;
    if (pass) {
      this.passCount++;
      month.pass++;
    }
    if (flags & Flag.body) {
      this.bodyCount++;
      month.body++;
    }
    if (flags & Flag.whyExplained) {
      this.whyCount++;
      month.why++;
    }
    if (flags & Flag.whatExplained) {
      this.whatCount++;
      month.what++;
    }
    if (flags & Flag.refs) {
      this.refsCount++;
      month.refs++;
    }
    if (commit.why) this.bump(this.whyLevels, commit.why);
    if (commit.what) this.bump(this.whatLevels, commit.what);
    if (!(flags & Flag.judged)) this.unjudged++;

    // A message with full marks is not among the worst, however few commits there are.
    const candidate = { judged: commit, order };
    if (commit.score < 100 && this.worst.accepts(candidate)) {
      // Drop the full JSON: the heap keeps only what the reports show.
      this.worst.push({ judged: { ...commit, json: undefined }, order });
    }

    const vague = (flags & Flag.vague) !== 0;
    const bodyless = (flags & Flag.body) === 0;
    if ((vague || bodyless) && commit.kind === "normal" && commit.summary) {
      const entry = this.vague.add(summaryClusterKey(commit.summary));
      const prefix = areaPrefix(commit.summary);
      if (entry.value.order === -1) entry.value.prefix = prefix;
      else if (prefix !== entry.value.prefix) entry.value.variedPrefix = true;
      if (entry.value.order === -1 || order < entry.value.order) {
        entry.value.example = commit.summary;
        entry.value.latestSha = commit.sha;
        entry.value.order = order;
      }
      if (bodyless) entry.value.withoutBody++;
      if (vague) entry.value.vague++;
    }

    const area = summaryArea(commit.summary);
    if (area) {
      const entry = this.areas.add(area);
      entry.value.scoreSum += score;
      if (pass) entry.value.pass++;
      if (flags & Flag.whyExplained) entry.value.why++;
    }
  }

  private bump<K>(map: Map<K, number>, key: K, by = 1): void {
    map.set(key, (map.get(key) ?? 0) + by);
  }

  /** Everything added so far, as plain data that can be posted between threads (see `merge`). */
  state(): AggregateState {
    return {
      commits: this.commits,
      judged: this.judged,
      skippedReasons: this.skippedReasons,
      kinds: this.kinds,
      scoreCounts: this.scoreCounts,
      counts: [this.passCount, this.bodyCount, this.whyCount, this.whatCount, this.refsCount, this.unjudged],
      whyLevels: this.whyLevels,
      whatLevels: this.whatLevels,
      rules: this.rules,
      months: this.months,
      dates: [this.minDate, this.maxDate],
      input: [this.largest, this.truncated, this.invalidCommits, this.invalidSequences],
      failures: this.failures,
      worst: this.worst.all(),
      vague: { entries: this.vague.list(), maxDropped: this.vague.maxDropped },
      areas: { entries: this.areas.list(), maxDropped: this.areas.maxDropped },
    };
  }

  /**
   * Folds in the state of another aggregator over other commits of the same history (a worker
   * thread's part). The result is the same as if this aggregator had seen those commits itself,
   * as long as the commits were added with their read `order`.
   */
  merge(other: AggregateState): void {
    this.commits += other.commits;
    this.judged += other.judged;
    for (const [key, count] of other.skippedReasons) this.bump(this.skippedReasons, key, count);
    for (const [key, count] of other.kinds) this.bump(this.kinds, key, count);
    for (let score = 0; score <= 100; score++) this.scoreCounts[score] += other.scoreCounts[score];
    const [pass, body, why, what, refs, unjudged] = other.counts;
    this.passCount += pass;
    this.bodyCount += body;
    this.whyCount += why;
    this.whatCount += what;
    this.refsCount += refs;
    this.unjudged += unjudged;
    for (const [key, count] of other.whyLevels) this.bump(this.whyLevels, key, count);
    for (const [key, count] of other.whatLevels) this.bump(this.whatLevels, key, count);
    for (const [id, counts] of other.rules) {
      const rule = this.rules.get(id);
      if (!rule) this.rules.set(id, { ...counts });
      else for (const field of Object.keys(counts) as (keyof typeof counts)[]) rule[field] += counts[field];
    }
    for (const [key, bucket] of other.months) {
      const month = this.months.get(key);
      if (!month) this.months.set(key, { ...bucket });
      else for (const field of Object.keys(bucket) as (keyof MonthBucket)[]) month[field] += bucket[field];
    }
    const [minDate, maxDate] = other.dates;
    if (minDate !== null && (this.minDate === null || minDate < this.minDate)) this.minDate = minDate;
    if (maxDate !== null && (this.maxDate === null || maxDate > this.maxDate)) this.maxDate = maxDate;
    const [largest, truncated, invalidCommits, invalidSequences] = other.input;
    this.largest = Math.max(this.largest, largest);
    this.truncated += truncated;
    this.invalidCommits += invalidCommits;
    this.invalidSequences += invalidSequences;
    // Each part keeps its first 20 failures, so the first 20 overall are among them.
    this.failures = [...this.failures, ...other.failures].sort((a, b) => a.order - b.order).slice(0, 20);
    for (const candidate of other.worst) this.worst.push(candidate);
    this.vague.merge(other.vague.entries, other.vague.maxDropped, (into, from) => {
      into.withoutBody += from.withoutBody;
      into.vague += from.vague;
      if (from.variedPrefix || from.prefix !== into.prefix) into.variedPrefix = true;
      if (from.order < into.order) {
        into.example = from.example;
        into.latestSha = from.latestSha;
        into.order = from.order;
      }
    });
    this.areas.merge(other.areas.entries, other.areas.maxDropped, (into, from) => {
      into.scoreSum += from.scoreSum;
      into.pass += from.pass;
      into.why += from.why;
    });
  }

  /** The summary of everything added so far. */
  summary(): AuditSummary {
    const judged = this.judged;
    const share = (count: number): Share => ({ count, share: judged ? count / judged : 0 });
    const histogram = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i === 9 ? 100 : i * 10 + 9, count: 0, below: 0 }));
    let sum = 0;
    let min: number | null = null;
    let max: number | null = null;
    for (let score = 0; score <= 100; score++) {
      const count = this.scoreCounts[score];
      if (!count) continue;
      const bucket = histogram[Math.min(9, Math.floor(score / 10))];
      bucket.count += count;
      if (score < this.options.threshold) bucket.below += count;
      sum += score * count;
      if (min === null) min = score;
      max = score;
    }
    const unit = this.trendUnit();
    // How far the listed counts may be low (0 unless a counter ran out of room and dropped keys).
    const approximateBy = Math.max(this.vague.maxError(10, 2), this.areas.maxError(15, 2));
    const summary: AuditSummary = {
      commits: this.commits,
      judged,
      skipped: { count: this.commits - judged, reasons: countsObject(this.skippedReasons) as Record<string, number> },
      kinds: countsObject(this.kinds),
      threshold: this.options.threshold,
      pass: share(this.passCount),
      fail: share(judged - this.passCount),
      score: {
        mean: judged ? round1(sum / judged) : null,
        median: this.median(),
        p10: this.percentile(0.1),
        p90: this.percentile(0.9),
        min,
        max,
        histogram,
      },
      facets: {
        body: share(this.bodyCount),
        whyExplained: share(this.whyCount),
        whatExplained: share(this.whatCount),
        refs: share(this.refsCount),
        why: countsObject(this.whyLevels),
        what: countsObject(this.whatLevels),
        unjudged: this.unjudged,
      },
      rules: [...this.rules].map(([ruleId, c]) => ({ ruleId, commits: c.commits, share: share(c.commits).share, findings: c.findings, errors: c.errors, warnings: c.warnings })).sort((a, b) => b.commits - a.commits || b.findings - a.findings || (a.ruleId < b.ruleId ? -1 : 1)),
      worst: this.worst.sorted().map(({ judged: c }) => ({
        sha: c.sha,
        date: c.date,
        summary: c.summary,
        score: c.score,
        pass: (c.flags & Flag.pass) !== 0,
        kind: c.kind,
        findings: c.findings ?? [],
        ...(c.why ? { why: c.why } : {}),
        ...(c.what ? { what: c.what } : {}),
      })),
      vagueSummaries: this.vague.top(10, 2).map((e) => ({
        summary: e.value.example,
        count: e.count,
        withoutBody: e.value.withoutBody,
        vague: e.value.vague,
        latestSha: e.value.latestSha,
        variedPrefix: e.value.variedPrefix,
      })),
      areas: this.areas.top(15, 2).map((e) => ({
        area: e.key,
        commits: e.count,
        meanScore: round1(e.value.scoreSum / e.count),
        passRate: e.value.pass / e.count,
        whyExplained: e.value.why / e.count,
      })),
      trend: { unit, periods: this.periods(unit) },
      span: this.minDate && this.maxDate ? { from: this.minDate, to: this.maxDate } : null,
      input: {
        largestMessageBytes: this.largest,
        maxJudgedBytes: this.options.maxJudgedBytes,
        truncatedMessages: this.truncated,
        invalidUtf8Commits: this.invalidCommits,
        invalidUtf8Sequences: this.invalidSequences,
      },
      failures: this.failures.map(({ sha, error }) => ({ sha, error })),
    };
    if (approximateBy > 0) summary.approximateBy = approximateBy;
    return summary;
  }

  /** The median: the middle score, or the mean of the two middle scores of an even count. */
  private median(): number | null {
    if (!this.judged) return null;
    const lower = this.scoreAtRank(Math.floor((this.judged + 1) / 2));
    const upper = this.scoreAtRank(Math.floor(this.judged / 2) + 1);
    return round1((lower + upper) / 2);
  }

  /** The score of the commit at 1-based `rank` in score order. */
  private scoreAtRank(rank: number): number {
    let seen = 0;
    for (let score = 0; score <= 100; score++) {
      seen += this.scoreCounts[score];
      if (seen >= rank) return score;
    }
    return 100;
  }

  /** A percentile by nearest rank (the score of the commit at rank ⌈p·n⌉). */
  private percentile(p: number): number | null {
    if (!this.judged) return null;
    const rank = Math.max(1, Math.ceil(p * this.judged));
    let seen = 0;
    for (let score = 0; score <= 100; score++) {
      seen += this.scoreCounts[score];
      if (seen >= rank) return score;
    }
    return 100;
  }

  private trendUnit(): TrendUnit {
    if (this.options.trendUnit !== "auto") return this.options.trendUnit;
    if (!this.minDate || !this.maxDate) return "month";
    const months = monthIndex(this.maxDate.slice(0, 7)) - monthIndex(this.minDate.slice(0, 7)) + 1;
    if (months <= 24) return "month";
    if (months <= 120) return "quarter";
    return "year";
  }

  private periods(unit: TrendUnit): TrendPeriod[] {
    const grouped = new Map<string, MonthBucket>();
    for (const [month, bucket] of this.months) {
      const key = periodOf(month, unit);
      let target = grouped.get(key);
      if (!target) grouped.set(key, (target = emptyBucket()));
      for (const field of Object.keys(bucket) as (keyof MonthBucket)[]) target[field] += bucket[field];
    }
    return [...grouped]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([period, b]) => {
        const of = (n: number) => (b.judged ? n / b.judged : null);
        return {
          period,
          commits: b.commits,
          judged: b.judged,
          meanScore: b.judged ? round1(b.scoreSum / b.judged) : null,
          passRate: of(b.pass),
          body: of(b.body),
          whyExplained: of(b.why),
          whatExplained: of(b.what),
          refs: of(b.refs),
        };
      });
  }
}

/** Counts as an object, most frequent first (ties by key), whatever order the keys were seen in. */
function countsObject<K extends string>(counts: Map<K, number>): Partial<Record<K, number>> {
  const sorted = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(sorted) as Partial<Record<K, number>>;
}

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The period a `YYYY-MM` month falls in: itself, `YYYY-Qn` or `YYYY`. */
export function periodOf(month: string, unit: TrendUnit): string {
  if (unit === "month") return month;
  if (unit === "year") return month.slice(0, 4);
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
