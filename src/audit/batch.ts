// Judges a batch of commits as git printed them: folds them into a part of the summary and, for the json formats, encodes them.
import type { ResolvedConfig } from "../types.js";
import { AuditAggregator, type AggregateOptions } from "./aggregate.js";
import { BatchReader, decodeBatch, type CommitRecord, type RawBatch } from "./git-log.js";
import { judgeCommitSafely, type JsonMode } from "./judge.js";

/** What a judging thread needs; plain data, so it can be passed to a worker thread. */
export interface BatchJudgeSetup {
  config: ResolvedConfig;
  /** Set when the report lists every commit (json, jsonl). */
  jsonMode?: JsonMode;
  aggregate: AggregateOptions;
  maxMessageBytes: number;
}

/**
 * Judges batches on one thread and aggregates them into its own part of the summary, which
 * `AuditAggregator.merge` combines with the other threads' parts at the end. Nothing per commit
 * leaves the thread except, for the json formats, the commits' JSON.
 */
export class BatchJudge {
  readonly aggregator: AuditAggregator;

  constructor(private readonly setup: BatchJudgeSetup) {
    this.aggregator = new AuditAggregator(setup.aggregate);
  }

  /**
   * Judges the commits of `batch`, the first of which is the `first`-th commit read. Returns
   * their JSON for the json formats, UTF-8 in a buffer of its own (so it can be transferred):
   * objects joined by ",\n" for json, one object a line for jsonl.
   */
  judge(batch: RawBatch, first: number): Uint8Array | undefined {
    const { config, jsonMode, maxMessageBytes } = this.setup;
    const json = jsonMode ? new JsonBytes(jsonMode, batch.bytes.length * 4) : undefined;
    decodeBatch(batch, maxMessageBytes, (record, index) => this.judgeOne(record, config, first + index, json));
    return json?.bytes();
  }

  /**
   * `judge`, letting the event loop run after every `slice` bytes of git's output, so the
   * thread that reads git's output keeps reading while it judges: git blocks as soon as the
   * pipe's 64 KB are full, and waiting for it to refill them left a one-thread audit of git.git
   * idle for about 10% of its time (docs/audit.md).
   */
  async judgeSliced(batch: RawBatch, first: number, slice = JUDGE_SLICE_BYTES): Promise<Uint8Array | undefined> {
    const { config, jsonMode, maxMessageBytes } = this.setup;
    const json = jsonMode ? new JsonBytes(jsonMode, batch.bytes.length * 4) : undefined;
    const reader = new BatchReader(batch, maxMessageBytes);
    let sinceTurn = 0;
    for (let record = reader.next(); record !== undefined; record = reader.next()) {
      this.judgeOne(record, config, first + reader.index - 1, json);
      // The message and about 100 bytes of sha, date, author and parents.
      sinceTurn += record.bytes + 100;
      if (sinceTurn >= slice && reader.index < batch.count) {
        sinceTurn = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    return json?.bytes();
  }

  /** Judges one commit, the `position`-th read, into this thread's summary (and `json`). */
  private judgeOne(record: CommitRecord, config: ResolvedConfig, position: number, json: JsonBytes | undefined): void {
    const judged = judgeCommitSafely(record, config, json !== undefined);
    if (json) {
      json.add(judged.json ?? "{}");
      judged.json = undefined;
    }
    this.aggregator.add(judged, position);
  }
}

/** Bytes of git's output judged between two turns of the event loop: half a pipe's capacity. */
const JUDGE_SLICE_BYTES = sliceFromEnvironment(process.env.RATIONALE_AUDIT_SLICE);

/** RATIONALE_AUDIT_SLICE as a positive number of bytes, else 32 KB. */
function sliceFromEnvironment(value: string | undefined): number {
  const bytes = Number(value);
  return value !== undefined && Number.isFinite(bytes) && bytes > 0 ? bytes : 32 * 1024;
}

/** Encodes JSON texts one after another straight into a growing UTF-8 buffer. */
class JsonBytes {
  private buffer: Buffer;
  private used = 0;

  constructor(
    private readonly mode: JsonMode,
    sizeHint: number,
  ) {
    this.buffer = Buffer.allocUnsafeSlow(Math.max(64 * 1024, sizeHint));
  }

  add(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8; 2 more for the separator.
    const needed = this.used + text.length * 3 + 2;
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    if (this.mode === "json" && this.used > 0) this.used += this.buffer.write(",\n", this.used, "latin1");
    this.used += this.buffer.write(text, this.used);
    if (this.mode === "jsonl") this.used += this.buffer.write("\n", this.used, "latin1");
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.buffer.buffer, 0, this.used);
  }
}
