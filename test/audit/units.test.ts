// The audit's building blocks: the git log record parser, decoding, bounded collections, aggregation.
import { describe, expect, it } from "vitest";
import { AuditAggregator, clusterLabel, periodOf, summaryArea, summaryClusterKey } from "../../src/audit/aggregate.js";
import { BoundedHeap, FrequentCounter } from "../../src/audit/bounded.js";
import { LogBatcher, decodeBatch, decodeMessage, selectionArgs, type BatchLimits, type CommitRecord, type RawBatch } from "../../src/audit/git-log.js";
import { Flag, type JudgedCommit } from "../../src/audit/judge.js";
import type { Finding } from "../../src/types.js";
import { escapeHtml, scriptJson } from "../../src/audit/report-html.js";
import { streamSink } from "../../src/audit/output.js";
import { Writable } from "node:stream";
import { tmpdir } from "node:os";
import { runAuditCommand } from "../../src/audit/run-cli.js";

const sha = (n: number) => n.toString(16).padStart(40, "0");
function logOutput(records: { sha: string; date: string; author: string; parents: string; message: string }[]): Buffer {
  return Buffer.concat(records.map((r) => Buffer.from(`${r.sha}\0${r.date}\0${r.author}\0${r.parents}\0${r.message}\0`)));
}

/** Splits git log output fed in chunks into records, through batches of at most `limits`. */
class LogRecordParser {
  readonly batcher: LogBatcher;
  readonly batches: RawBatch[] = [];
  constructor(
    private readonly max = 64 * 1024,
    limits: BatchLimits = { records: 1, bytes: 1 },
  ) {
    this.batcher = new LogBatcher(max, limits);
  }
  push(chunk: Buffer, emit: (record: CommitRecord) => void): void {
    this.batcher.push(chunk, (batch) => {
      this.batches.push(batch);
      decodeBatch(batch, this.max, emit);
    });
  }
  /** Decodes what is left at the end of the stream. */
  flush(emit: (record: CommitRecord) => void): void {
    const rest = this.batcher.flush();
    if (rest) decodeBatch(rest, this.max, emit);
  }
  get incomplete(): boolean {
    return this.batcher.incomplete;
  }
}

describe("LogBatcher and decodeBatch", () => {
  const input = [
    { sha: sha(1), date: "2024-01-02T03:04:05+01:00", author: "Zoë", parents: `${sha(2)} ${sha(3)}`, message: "Merge branch 'x'\n\nWhy: ✓ reasons\n" },
    { sha: sha(2), date: "2024-01-01T00:00:00+00:00", author: "A", parents: "", message: "" },
    { sha: sha(3), date: "2023-12-31T23:59:59-05:00", author: "B", parents: sha(4), message: "Fix the parser\n\nbody ünïcode\n" },
  ];
  const bytes = logOutput(input);

  it("gives the same records however the output is split into chunks", () => {
    for (let size = 1; size <= bytes.length; size += size < 10 ? 1 : 7) {
      const parser = new LogRecordParser();
      const seen: CommitRecord[] = [];
      for (let at = 0; at < bytes.length; at += size) parser.push(bytes.subarray(at, at + size), (r) => seen.push(r));
      expect(parser.incomplete).toBe(false);
      expect(seen.map((r) => [r.sha, r.date, r.author, r.parents, r.message])).toEqual([
        [sha(1), input[0].date, "Zoë", [sha(2), sha(3)], input[0].message],
        [sha(2), input[1].date, "A", [], ""],
        [sha(3), input[2].date, "B", [sha(4)], input[2].message],
      ]);
    }
  });

  it("batches commits by count and by size, whatever the chunk size", () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ ...input[i % 3], sha: sha(i) }));
    const out = logOutput(many);
    for (const limits of [{ records: 4, bytes: 1 << 20 }, { records: 1000, bytes: 200 }, { records: 7, bytes: 300 }]) {
      for (const size of [1, 13, 97, out.length]) {
        const parser = new LogRecordParser(64 * 1024, limits);
        const seen: CommitRecord[] = [];
        for (let at = 0; at < out.length; at += size) parser.push(out.subarray(at, at + size), (r) => seen.push(r));
        expect(parser.incomplete).toBe(false);
        expect(parser.batches.every((b) => b.count <= limits.records)).toBe(true);
        expect(parser.batches.every((b) => b.count === 1 || b.bytes.length < limits.bytes + 200)).toBe(true);
        parser.flush((r) => seen.push(r));
        expect(seen.map((r) => [r.sha, r.message])).toEqual(many.map((r) => [r.sha, r.message]));
      }
    }
  });

  it("reports a stream cut in the middle of a record", () => {
    const parser = new LogRecordParser();
    parser.push(bytes.subarray(0, 50), () => {});
    expect(parser.incomplete).toBe(true);
    const batched = new LogRecordParser(64 * 1024, { records: 10, bytes: 1 << 20 });
    const seen: CommitRecord[] = [];
    batched.push(bytes.subarray(0, bytes.length - 3), () => {});
    expect(batched.incomplete).toBe(true);
    // The complete commits are still there; only the cut one is missing.
    batched.flush((r) => seen.push(r));
    expect(seen.map((r) => r.sha)).toEqual([sha(1), sha(2)]);
  });

  it("keeps only the first bytes of a huge message and counts the rest", () => {
    const line = "word ".repeat(14) + "\n";
    const message = "Huge message\n\n" + line.repeat(20000);
    const parser = new LogRecordParser(4096);
    const seen: CommitRecord[] = [];
    const out = logOutput([{ sha: sha(9), date: "2024-01-01T00:00:00Z", author: "A", parents: "", message }]);
    for (let at = 0; at < out.length; at += 1000) parser.push(out.subarray(at, at + 1000), (r) => seen.push(r));
    expect(seen).toHaveLength(1);
    expect(seen[0].bytes).toBe(Buffer.byteLength(message));
    expect(seen[0].truncated).toBe(true);
    expect(Buffer.byteLength(seen[0].message)).toBeLessThanOrEqual(4096);
    expect(seen[0].message.endsWith("\n")).toBe(true);
    expect(message.startsWith(seen[0].message)).toBe(true);
  });
});

describe("decodeMessage", () => {
  it("replaces invalid UTF-8 and counts each invalid sequence, not literal U+FFFD", () => {
    const bytes = Buffer.concat([Buffer.from("Caf"), Buffer.from([0xe9]), Buffer.from(" ok \uFFFD "), Buffer.from([0xff, 0x41])]);
    const decoded = decodeMessage(bytes, bytes.length, 1024);
    expect(decoded.text).toBe("Caf\uFFFD ok \uFFFD \uFFFDA");
    expect(decoded.invalidSequences).toBe(2);
    expect(decoded.truncated).toBe(false);
  });

  it("cuts a long message on a character boundary, never inside a UTF-8 sequence", () => {
    const bytes = Buffer.from("é".repeat(100));
    const decoded = decodeMessage(bytes, bytes.length, 51);
    expect(decoded.text).toBe("é".repeat(25));
    expect(decoded.invalidSequences).toBe(0);
    expect(decoded.truncated).toBe(true);
  });
});

describe("selectionArgs", () => {
  it("passes filters as options and revisions after --end-of-options, paths after --", () => {
    expect(selectionArgs({ revisions: ["v1..main"], since: "2024-01-01", maxCount: 5, noMerges: true, firstParent: true, paths: ["src"] })).toEqual([
      "--since=2024-01-01 00:00:00",
      "--max-count=5",
      "--first-parent",
      "--no-merges",
      "--end-of-options",
      "v1..main",
      "--",
      "src",
    ]);
    expect(selectionArgs({ revisions: [], paths: [] })).toEqual(["--end-of-options", "HEAD", "--"]);
  });

  it("makes a bare date mean the whole day, whatever the time of day the audit runs", () => {
    expect(selectionArgs({ revisions: [], paths: [], since: "2025-01-01", until: "2025-02-10" }).slice(0, 2)).toEqual([
      "--since=2025-01-01 00:00:00",
      "--until=2025-02-10 23:59:59",
    ]);
    expect(selectionArgs({ revisions: [], paths: [], since: "2025/1/1", until: "2025.02.10" }).slice(0, 2)).toEqual([
      "--since=2025/1/1 00:00:00",
      "--until=2025.02.10 23:59:59",
    ]);
    expect(selectionArgs({ revisions: [], paths: [], since: "6 months ago", until: "2025-02-10 12:00" }).slice(0, 2)).toEqual([
      "--since=6 months ago",
      "--until=2025-02-10 12:00",
    ]);
    // A day without its year, or with a zone after it, is a day too: the time goes before the zone.
    expect(selectionArgs({ revisions: [], paths: [], since: "Feb 1", until: "10 February" }).slice(0, 2)).toEqual([
      "--since=Feb 1 00:00:00",
      "--until=10 February 23:59:59",
    ]);
    expect(selectionArgs({ revisions: [], paths: [], since: "2025-02-01 UTC", until: "Feb 10 2025 +0100" }).slice(0, 2)).toEqual([
      "--since=2025-02-01 00:00:00 UTC",
      "--until=Feb 10 2025 23:59:59 +0100",
    ]);
    // A word git reads as a time of day is no zone, and a year and month alone no day.
    expect(selectionArgs({ revisions: [], paths: [], since: "2025-02-01 noon", until: "Feb 2025" }).slice(0, 2)).toEqual([
      "--since=2025-02-01 noon",
      "--until=Feb 2025",
    ]);
  });
});

describe("BoundedHeap", () => {
  it("keeps the lowest-ranked items only", () => {
    const heap = new BoundedHeap<number>(3, (a, b) => a - b);
    for (const n of [50, 10, 90, 30, 70, 20, 5, 60]) heap.push(n);
    expect(heap.sorted()).toEqual([5, 10, 20]);
    expect(heap.accepts(25)).toBe(false);
    expect(heap.accepts(15)).toBe(true);
  });
});

describe("BoundedHeap with a key", () => {
  interface Item { key: string; rank: number }
  const compare = (a: Item, b: Item) => a.rank - b.rank;
  /** The answer by brute force: each key's lowest item, the `capacity` lowest of those. */
  const expected = (items: Item[], capacity: number) => {
    const lowest = new Map<string, Item>();
    for (const item of items) if (!lowest.has(item.key) || item.rank < lowest.get(item.key)!.rank) lowest.set(item.key, item);
    return [...lowest.values()].sort(compare).slice(0, capacity);
  };

  it("keeps one item per key, the lowest, among the lowest keys", () => {
    const heap = new BoundedHeap<Item>(3, compare, (item) => item.key);
    const offers = [
      { key: "batch", rank: 25 }, { key: "batch", rank: 24 }, { key: "typo", rank: 40 }, { key: "batch", rank: 26 },
      { key: "wip", rank: 10 }, { key: "misc", rank: 30 }, { key: "batch", rank: 23 },
    ];
    for (const item of offers) heap.push(item);
    expect(heap.sorted()).toEqual([{ key: "wip", rank: 10 }, { key: "batch", rank: 23 }, { key: "misc", rank: 30 }]);
  });

  it("agrees with brute force whatever the order of offers, also when two heaps are merged", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      // Distinct ranks (a total order, as the audit's score-then-order comparison is).
      const items: Item[] = Array.from({ length: 1 + Math.floor(random() * 60) }, (_, i) => ({ key: `k${Math.floor(random() * 12)}`, rank: i }));
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [items[i], items[j]] = [items[j], items[i]];
      }
      const capacity = Math.floor(random() * 8);
      const one = new BoundedHeap<Item>(capacity, compare, (item) => item.key);
      for (const item of items) one.push(item);
      expect(one.sorted()).toEqual(expected(items, capacity));
      // As the audit does with a worker's heap: each side keeps its own, then one takes the other's.
      const cut = Math.floor(random() * items.length);
      const left = new BoundedHeap<Item>(capacity, compare, (item) => item.key);
      const right = new BoundedHeap<Item>(capacity, compare, (item) => item.key);
      items.slice(0, cut).forEach((item) => left.push(item));
      items.slice(cut).forEach((item) => right.push(item));
      for (const item of right.all()) left.push(item);
      expect(left.sorted()).toEqual(expected(items, capacity));
    }
  });
});

describe("FrequentCounter", () => {
  it("counts exactly while under capacity", () => {
    const counter = new FrequentCounter<null>(10, () => null);
    for (const key of ["a", "b", "a", "c", "a", "b"]) counter.add(key);
    expect(counter.top(2).map((e) => [e.key, e.count])).toEqual([["a", 3], ["b", 2]]);
    expect(counter.maxDropped).toBe(0);
  });

  it("stays within capacity and keeps a frequent key among many rare ones", () => {
    const counter = new FrequentCounter<null>(100, () => null);
    for (let i = 0; i < 10000; i++) {
      counter.add(`rare-${i}`);
      if (i % 10 === 0) counter.add("fix typo");
    }
    expect(counter.size).toBeLessThanOrEqual(100);
    const [top] = counter.top(1);
    expect(top.key).toBe("fix typo");
    expect(top.count).toBeGreaterThan(1000 - counter.maxDropped);
  });

  it("bounds the count of a key dropped and taken in again several times, also across a merge", () => {
    // A key that turns up four times far apart among 50,000 unique ones: it is dropped between
    // its occurrences, each time losing what it had counted.
    const positions = new Set([10_000, 30_000, 45_000, 46_000]);
    const feed = (counter: FrequentCounter<null>, from: number, to: number) => {
      for (let i = from; i < to; i++) counter.add(positions.has(i) ? "polish output" : `unique-${i}`);
    };
    const one = new FrequentCounter<null>(2_000, () => null);
    feed(one, 0, 50_000);
    const lone = one.list().find((entry) => entry.key === "polish output");
    if (lone) {
      expect(lone.count).toBeLessThanOrEqual(4);
      expect(lone.count + lone.error).toBeGreaterThanOrEqual(4);
    }
    // Two threads' parts, merged: the same guarantee.
    const first = new FrequentCounter<null>(2_000, () => null);
    const second = new FrequentCounter<null>(2_000, () => null);
    feed(first, 0, 35_000);
    feed(second, 35_000, 50_000);
    first.merge(second.list(), second.maxDropped, () => {});
    const merged = first.list().find((entry) => entry.key === "polish output")!;
    expect(merged.count).toBeLessThanOrEqual(4);
    expect(merged.count + merged.error).toBeGreaterThanOrEqual(4);
  });
});

describe("summary helpers", () => {
  it("finds the area of git-style and conventional prefixes", () => {
    expect(summaryArea("builtin/log: fix --follow with renames")).toBe("builtin/log");
    expect(summaryArea("feat(parser): accept tabs")).toBe("parser");
    expect(summaryArea("fix: handle empty input")).toBeUndefined();
    expect(summaryArea("Fix the parser")).toBeUndefined();
  });

  it("clusters summaries that differ only in prefix, case, numbers and final punctuation", () => {
    expect(summaryClusterKey("doc: Fix typo.")).toBe(summaryClusterKey("t/README: fix typo"));
    expect(summaryClusterKey("Bump version to 1.2.3")).toBe(summaryClusterKey("bump version to 2.0.10"));
    expect(summaryClusterKey("Fix typo")).not.toBe(summaryClusterKey("Fix NPE"));
    expect(summaryClusterKey("The 16th batch")).toBe(summaryClusterKey("The 3rd batch"));
    expect(summaryClusterKey("The 2nd batch for Git 2.56")).toBe(summaryClusterKey("The 21st batch for Git 2.6"));
    expect(summaryClusterKey("Fix NPE 2")).not.toBe(summaryClusterKey("Fix NPE"));
  });

  it("labels a cluster whose summaries name different areas as coming from various areas", () => {
    const agg = new AuditAggregator({ threshold: 60, worst: 2, trendUnit: "auto", maxJudgedBytes: 1024 });
    agg.add(judged({ sha: sha(1), summary: "doc: Fix typo." }));
    agg.add(judged({ sha: sha(2), summary: "t/README: fix typo" }));
    agg.add(judged({ sha: sha(3), summary: "parser: Handle tabs" }));
    agg.add(judged({ sha: sha(4), summary: "Parser: handle tabs" }));
    const [typo, tabs] = agg.summary().vagueSummaries;
    expect(typo).toMatchObject({ summary: "doc: Fix typo.", count: 2, variedPrefix: true });
    expect(clusterLabel(typo)).toBe("…: Fix typo. (various areas)");
    // The same area in other case is one area: the newest summary is shown as it is.
    expect(tabs).toMatchObject({ summary: "parser: Handle tabs", count: 2, variedPrefix: false });
    expect(clusterLabel(tabs)).toBe("parser: Handle tabs");
    // Split between two aggregators (two threads), the parts still tell the prefixes apart.
    const [one, two] = [0, 1].map(() => new AuditAggregator({ threshold: 60, worst: 2, trendUnit: "auto", maxJudgedBytes: 1024 }));
    one.add(judged({ sha: sha(1), summary: "doc: Fix typo" }));
    one.add(judged({ sha: sha(2), summary: "doc: fix typo" }));
    two.add(judged({ sha: sha(3), summary: "t/README: fix typo" }));
    two.add(judged({ sha: sha(4), summary: "t/README: fix typo" }));
    one.merge(structuredClone(two.state()));
    expect(one.summary().vagueSummaries[0]).toMatchObject({ count: 4, variedPrefix: true });
  });

  it("maps months to quarters and years", () => {
    expect(periodOf("2024-02", "quarter")).toBe("2024-Q1");
    expect(periodOf("2024-12", "quarter")).toBe("2024-Q4");
    expect(periodOf("2024-07", "year")).toBe("2024");
    expect(periodOf("2024-07", "month")).toBe("2024-07");
  });

  it("escapes commit text for HTML and inline script data", () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe("&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;");
    expect(scriptJson({ s: "</script><!-- \u2028" })).not.toMatch(/<|>|\u2028/);
    expect(JSON.parse(scriptJson({ s: "</script>&" }))).toEqual({ s: "</script>&" });
  });
});

function judged(overrides: Partial<JudgedCommit>): JudgedCommit {
  return {
    sha: sha(1),
    date: "2024-01-15T00:00:00Z",
    score: 50,
    kind: "normal",
    flags: 0,
    summary: "Fix bug",
    ruleIds: [],
    severities: "",
    bytes: 10,
    invalidSequences: 0,
    ...overrides,
  };
}

describe("AuditAggregator", () => {
  it("counts totals, shares, rules, distribution, worst commits, clusters and trend", () => {
    const agg = new AuditAggregator({ threshold: 60, worst: 2, trendUnit: "auto", maxJudgedBytes: 1024 });
    agg.add(judged({ sha: sha(1), score: 95, flags: Flag.body | Flag.whyExplained | Flag.whatExplained | Flag.pass | Flag.judged, summary: "parser: Accept tabs", date: "2024-03-01T00:00:00Z" }));
    agg.add(judged({ sha: sha(2), score: 10, flags: Flag.vague, summary: "Fix bug", ruleIds: ["summary-vague", "body-required"], severities: "ee", findings: [{ ruleId: "summary-vague" } as Finding] }));
    agg.add(judged({ sha: sha(3), score: 10, flags: Flag.vague, summary: "fix bug.", ruleIds: ["summary-vague", "summary-vague"], severities: "ew", date: "2024-02-01T00:00:00Z" }));
    agg.add(judged({ sha: sha(4), score: 100, kind: "fixup", flags: Flag.skipped | Flag.pass, skipReason: "fixup" }));
    agg.add(judged({ sha: sha(5), score: 70, flags: Flag.body | Flag.refs | Flag.pass | Flag.truncated | Flag.invalidUtf8, invalidSequences: 3, bytes: 5000, summary: "parser: Handle CRLF" }));
    const s = agg.summary();
    expect(s.commits).toBe(5);
    expect(s.judged).toBe(4);
    expect(s.skipped).toEqual({ count: 1, reasons: { fixup: 1 } });
    expect(s.kinds).toEqual({ normal: 4, fixup: 1 });
    expect(s.score.mean).toBe(46.3);
    // Scores 10, 10, 70, 95: the median of an even count is the mean of the two middle ones.
    expect(s.score.median).toBe(40);
    expect(s.score.p10).toBe(10);
    expect(s.score.min).toBe(10);
    expect(s.score.max).toBe(95);
    expect(s.score.histogram.map((b) => b.count)).toEqual([0, 2, 0, 0, 0, 0, 0, 1, 0, 1]);
    expect(s.score.histogram.map((b) => b.below)).toEqual([0, 2, 0, 0, 0, 0, 0, 0, 0, 0]);
    // A threshold inside a bucket splits it: at 75, the 70 falls below and the 95 does not.
    const cut = new AuditAggregator({ threshold: 75, worst: 1, trendUnit: "auto", maxJudgedBytes: 1024 });
    for (const score of [70, 78, 95]) cut.add(judged({ sha: sha(score), score, flags: Flag.judged }));
    expect(cut.summary().score.histogram[7]).toEqual({ from: 70, to: 79, count: 2, below: 1 });
    expect(s.pass).toEqual({ count: 2, share: 0.5 });
    expect(s.facets.body).toEqual({ count: 2, share: 0.5 });
    expect(s.facets.whyExplained.count).toBe(1);
    expect(s.facets.refs.count).toBe(1);
    expect(s.rules).toEqual([
      // Shares of the four scored commits: the skipped fixup is not counted.
      { ruleId: "summary-vague", commits: 2, share: 0.5, findings: 3, errors: 2, warnings: 1 },
      { ruleId: "body-required", commits: 1, share: 0.25, findings: 1, errors: 1, warnings: 0 },
    ]);
    // Equal scores: the commit read first ranks worse. "fix bug." is alike "Fix bug", so it
    // takes no row of its own and the next worst, "parser: Handle CRLF", has the second.
    expect(s.worst.map((w) => w.sha)).toEqual([sha(2), sha(5)]);
    expect(s.worst[0].findings).toEqual([{ ruleId: "summary-vague" }]);
    expect(s.vagueSummaries).toEqual([{ summary: "Fix bug", count: 2, withoutBody: 2, vague: 2, latestSha: sha(2), variedPrefix: false }]);
    expect(s.areas[0]).toMatchObject({ area: "parser", commits: 2, meanScore: 82.5 });
    expect(s.trend.unit).toBe("month");
    expect(s.trend.periods.map((p) => [p.period, p.commits])).toEqual([["2024-01", 3], ["2024-02", 1], ["2024-03", 1]]);
    expect(s.input).toEqual({ largestMessageBytes: 5000, maxJudgedBytes: 1024, truncatedMessages: 1, invalidUtf8Commits: 1, invalidUtf8Sequences: 3 });
  });

  it("leaves full-score commits out of the worst, and keeps why/what for those without findings", () => {
    const agg = new AuditAggregator({ threshold: 60, worst: 5, trendUnit: "auto", maxJudgedBytes: 1024 });
    agg.add(judged({ sha: sha(1), score: 100, flags: Flag.judged | Flag.pass, why: "explained", what: "explained" }));
    agg.add(judged({ sha: sha(2), score: 93, flags: Flag.judged | Flag.pass, why: "explained", what: "named", findings: [] }));
    const worst = agg.summary().worst;
    expect(worst.map((w) => w.sha)).toEqual([sha(2)]);
    expect(worst[0]).toMatchObject({ why: "explained", what: "named", findings: [] });
  });

  it("groups a long history by quarter or year", () => {
    const agg = new AuditAggregator({ threshold: 60, worst: 1, trendUnit: "auto", maxJudgedBytes: 1024 });
    agg.add(judged({ date: "2010-01-01T00:00:00Z" }));
    agg.add(judged({ date: "2024-06-01T00:00:00Z" }));
    expect(agg.summary().trend.unit).toBe("year");
    const mid = new AuditAggregator({ threshold: 60, worst: 1, trendUnit: "auto", maxJudgedBytes: 1024 });
    mid.add(judged({ date: "2020-01-01T00:00:00Z" }));
    mid.add(judged({ date: "2024-06-01T00:00:00Z" }));
    expect(mid.summary().trend).toMatchObject({ unit: "quarter", periods: [{ period: "2020-Q1" }, { period: "2024-Q2" }] });
  });
});

describe("AuditAggregator.merge", () => {
  const options = { threshold: 60, worst: 3, trendUnit: "auto" as const, maxJudgedBytes: 1024 };
  const commits = Array.from({ length: 40 }, (_, i) =>
    judged({
      sha: sha(i),
      date: `20${10 + (i % 7)}-0${1 + (i % 9)}-01T00:00:00Z`,
      score: [10, 10, 35, 80, 95][i % 5],
      kind: i % 11 === 0 ? "merge" : i === 13 ? "fixup" : "normal",
      flags: (i % 2 ? Flag.body : Flag.vague) | (i % 3 ? Flag.pass : 0) | (i === 13 || i === 29 ? Flag.skipped : 0) | (i % 4 ? Flag.judged : Flag.whyExplained),
      skipReason: i === 13 ? "fixup" : i === 29 ? "internal error: boom" : undefined,
      summary: ["Fix bug", "fix bug.", `parser: Handle case ${i}`, "Update docs"][i % 4],
      ruleIds: i % 2 ? [] : ["summary-vague", "body-required"],
      severities: i % 2 ? "" : "ew",
      findings: i % 2 ? [] : [{ ruleId: "summary-vague" } as Finding],
      why: i % 2 ? "explained" : "missing",
    }),
  );

  it("gives the same summary from parts judged on several threads as from one pass", () => {
    const whole = new AuditAggregator(options);
    for (const commit of commits) whole.add(commit);
    const parts = [new AuditAggregator(options), new AuditAggregator(options), new AuditAggregator(options)];
    // Batches of three commits go round-robin to the parts, as the worker pool hands them out.
    commits.forEach((commit, order) => parts[Math.floor(order / 3) % parts.length].add(commit, order));
    const merged = new AuditAggregator(options);
    // The states cross a thread boundary: structured clone.
    for (const part of parts) merged.merge(structuredClone(part.state()));
    const expected = whole.summary();
    expect(JSON.stringify(merged.summary())).toBe(JSON.stringify(expected));
    // One per summary cluster ("Fix bug"/"fix bug.", "parser: Handle case N", "Update docs"),
    // each its lowest score, first read.
    expect(expected.worst.map((w) => w.sha)).toEqual([sha(0), sha(6), sha(11)]);
    expect(expected.vagueSummaries[0]).toMatchObject({ summary: "Fix bug", latestSha: sha(4) });
    expect(expected.failures).toEqual([{ sha: sha(29), error: "internal error: boom" }]);
  });

  it("lists counted kinds and reasons most frequent first, whatever order they came in", () => {
    const agg = new AuditAggregator(options);
    agg.add(judged({ kind: "revert" }));
    agg.add(judged({ kind: "merge" }));
    agg.add(judged({ kind: "merge" }));
    agg.add(judged({ kind: "normal" }));
    expect(Object.keys(agg.summary().kinds)).toEqual(["merge", "normal", "revert"]);
  });
});

describe("fileSink", () => {
  it("writes beside the destination and renames on commit; abort leaves the old file", async () => {
    const { mkdtempSync, readFileSync, readdirSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { fileSink } = await import("../../src/audit/output.js");
    const dir = mkdtempSync(join(tmpdir(), "rationale-sink-"));
    const out = join(dir, "report.txt");
    writeFileSync(out, "old\n");
    const aborted = fileSink(out);
    await aborted.write("partial");
    expect(readdirSync(dir)).toHaveLength(2);
    await aborted.abort();
    expect(readdirSync(dir)).toEqual(["report.txt"]);
    expect(readFileSync(out, "utf8")).toBe("old\n");

    const sink = fileSink(out);
    const big = "é".repeat(600_000);
    await sink.write("start ");
    await sink.write(big);
    await sink.writeBytes(new TextEncoder().encode(" bytes"));
    await sink.writeBytes(new Uint8Array(70 * 1024).fill(0x41));
    await sink.write(" end");
    await sink.commit();
    expect(readdirSync(dir)).toEqual(["report.txt"]);
    expect(readFileSync(out, "utf8")).toBe(`start ${big} bytes${"A".repeat(70 * 1024)} end`);
  });

  it("writes a file whose name is near the file system's limit, which the temp file's name would pass", async () => {
    const { mkdtempSync, readFileSync, readdirSync, rmSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { fileSink } = await import("../../src/audit/output.js");
    const dir = mkdtempSync(join(tmpdir(), "rationale-sink-"));
    try {
      // 250 characters: a name the file can have (the limit is 255 bytes), where
      // `.NAME.PID.rationale-tmp` cannot.
      const name = "r".repeat(250);
      const sink = fileSink(join(dir, name));
      await sink.write("report\n");
      await sink.commit();
      expect(readdirSync(dir)).toEqual([name]);
      expect(readFileSync(join(dir, name), "utf8")).toBe("report\n");
      // An aborted write leaves no temp file behind either.
      const aborted = fileSink(join(dir, name));
      await aborted.write("partial");
      await aborted.abort();
      expect(readdirSync(dir)).toEqual([name]);
      expect(readFileSync(join(dir, name), "utf8")).toBe("report\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes devices such as /dev/null directly instead of replacing them", async () => {
    const { statSync } = await import("node:fs");
    const { fileSink } = await import("../../src/audit/output.js");
    const sink = fileSink("/dev/null");
    await sink.write("x");
    await sink.commit();
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });
});

describe("streamSink", () => {
  it("waits for one drain however many writes find the stream full, and loses nothing", async () => {
    const received: Buffer[] = [];
    // A slow consumer: every write is acknowledged on a later turn, and the buffer holds 1 byte.
    const stream = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        received.push(chunk);
        setImmediate(done);
      },
    });
    const sink = streamSink(stream);
    const chunk = (index: number) => new Uint8Array(128 * 1024).fill(index);
    const waits: Promise<void>[] = [];
    // As with many worker threads delivering batches before the caller awaits any of them.
    for (let index = 0; index < 20; index++) {
      const pending = sink.writeBytes(chunk(index));
      if (pending) waits.push(pending);
      expect(stream.listenerCount("drain")).toBeLessThanOrEqual(1);
    }
    expect(waits.length).toBeGreaterThan(0);
    expect(new Set(waits).size).toBe(1);
    await Promise.all(waits);
    await sink.commit();
    expect(received.map((bytes) => bytes[0])).toEqual(Array.from({ length: 20 }, (_, index) => index));
    expect(stream.listenerCount("drain")).toBe(0);
  });
});

describe("runAuditCommand's range check", () => {
  it("refuses a range word that starts like an option, echoing a long one cut short", async () => {
    // The CLI's parser refuses such words first; a caller of runAuditCommand meets this check.
    await expect(runAuditCommand(["-x"], {}, tmpdir())).rejects.toThrow("unknown option or bad revision '-x'. See: rationale audit --help");
    await expect(runAuditCommand([`-${"y".repeat(10_000)}`], {}, tmpdir())).rejects.toThrow(`unknown option or bad revision '-${"y".repeat(58)}…'. See:`);
  });
});
