// Reading git's output while the main thread judges: read-ahead, its bound, and judging in slices.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BatchJudge } from "../../src/audit/batch.js";
import { LogBatcher, readHistory, type RawBatch } from "../../src/audit/git-log.js";
import { resolveConfig } from "../../src/config/index.js";
import { GOOD_MESSAGE, VAGUE_MESSAGE, gitEnv, tempDir } from "./helpers.js";

const selection = { revisions: [], paths: [] };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A repository of `count` empty commits with ~4 KB messages, made in one `git fast-import`. */
function bigMessageRepo(count: number): string {
  const dir = tempDir();
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir, env: gitEnv });
  let stream = "";
  for (let i = 0; i < count; i++) {
    const message = `Commit ${i}\n\n${`Line ${i} of a long body that explains nothing in particular.\n`.repeat(64)}`;
    stream += `commit refs/heads/main\ncommitter T <t@example.com> ${1700000000 + i} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`;
  }
  execFileSync("git", ["fast-import", "--quiet"], { cwd: dir, env: gitEnv, input: stream });
  return dir;
}

describe("readHistory", () => {
  it("reads ahead while the consumer is busy, but no more than its read-ahead", async () => {
    // 160 commits of ~4 KB, 16 to a batch: 10 batches of ~65 KB, each more than one read
    // from the pipe (at most 64 KB) can complete, so no read completes two of them.
    const history = readHistory(bigMessageRepo(160), selection);
    const summaries: string[] = [];
    let most = 0;
    let first = true;
    for await (const { batch } of history.batches({ records: 16, bytes: 1 << 20, readAhead: 3 })) {
      if (first) {
        first = false;
        // While this consumer "judges", git's output keeps being read, up to three batches.
        for (let waited = 0; waited < 2000 && history.buffered < 3; waited += 20) await sleep(20);
        await sleep(100);
      }
      most = Math.max(most, history.buffered);
      const text = Buffer.from(batch.bytes).toString("latin1");
      for (const match of text.matchAll(/\0(Commit \d+)\n/g)) summaries.push(match[1]);
    }
    expect(most).toBe(3);
    expect(summaries).toEqual(Array.from({ length: 160 }, (_, i) => `Commit ${159 - i}`));
  });
});

describe("BatchJudge.judgeSliced", () => {
  const sha = (n: number) => n.toString(16).padStart(40, "0");
  const setup = {
    config: resolveConfig({}),
    aggregate: { threshold: 60, worst: 5, trendUnit: "auto" as const, maxJudgedBytes: 1 << 20 },
    maxMessageBytes: 1 << 20,
  };
  function batchOf(count: number): RawBatch {
    const parts: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      const message = i % 3 === 0 ? VAGUE_MESSAGE : GOOD_MESSAGE.replace("three", String(i + 3));
      parts.push(Buffer.from(`${sha(i)}\x002024-0${1 + (i % 9)}-01T00:00:00+00:00\x00A\x00${sha(i + 1)}\x00${message}\x00`));
    }
    let out: RawBatch | undefined;
    const batcher = new LogBatcher(1 << 20, { records: count, bytes: 1 << 30 });
    batcher.push(Buffer.concat(parts), (batch) => (out = batch));
    return out ?? batcher.flush()!;
  }

  it("gives the same summary as judging the batch in one go", async () => {
    const whole = new BatchJudge(setup);
    whole.judge(batchOf(60), 0);
    const sliced = new BatchJudge(setup);
    await sliced.judgeSliced(batchOf(60), 0, 1024);
    expect(JSON.stringify(sliced.aggregator.summary())).toBe(JSON.stringify(whole.aggregator.summary()));
    expect(whole.aggregator.summary().commits).toBe(60);
  });

  it("lets the event loop run between slices, and not at all within one slice", async () => {
    for (const [slice, expected] of [[1024, true], [Infinity, false]] as const) {
      let turned = false;
      setImmediate(() => (turned = true));
      await new BatchJudge(setup).judgeSliced(batchOf(30), 0, slice);
      expect(turned).toBe(expected);
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
});
