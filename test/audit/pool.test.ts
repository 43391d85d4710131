import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { BatchJudgeSetup } from "../../src/audit/batch.js";
import type { RawBatch } from "../../src/audit/git-log.js";
import { startWorkerPool } from "../../src/audit/pool.js";

// A stand-in worker speaking the pool's protocol: it takes 40 ms per batch and answers with the
// batch's first commit number as its "JSON", so the test sees which batch came back when.
const WORKER = `
import { parentPort } from "node:worker_threads";
const pause = new Int32Array(new SharedArrayBuffer(4));
parentPort.on("message", (request) => {
  if (request.type === "finish") return parentPort.postMessage({ type: "state", state: { worker: true } });
  Atomics.wait(pause, 0, 0, 40);
  const json = new TextEncoder().encode("w" + request.first);
  parentPort.postMessage({ type: "batch", id: request.id, count: request.batch.count, json }, [json.buffer]);
});
parentPort.postMessage({ type: "ready" });
`;

const dir = mkdtempSync(join(tmpdir(), "rationale-pool-"));
const workerUrl = pathToFileURL(join(dir, "worker.mjs"));
writeFileSync(workerUrl, WORKER);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const batch = (): RawBatch => ({ bytes: new Uint8Array(8), messageBytes: new Float64Array(1), count: 1 });
const setup = {} as BatchJudgeSetup;

async function untilReady(pool: { ready: boolean }): Promise<void> {
  while (!pool.ready) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("worker pool", () => {
  it("judges on the calling thread when every worker is busy, and delivers in submission order", async () => {
    const delivered: string[] = [];
    const pool = startWorkerPool(1, workerUrl, setup, (count, json) => delivered.push(new TextDecoder().decode(json)));
    try {
      await untilReady(pool);
      const here: number[] = [];
      for (let first = 0; first < 12; first++) {
        await pool.submit(batch(), first, (_batch, at) => {
          here.push(at);
          return new TextEncoder().encode("h" + at);
        });
      }
      const states = await pool.finish();
      expect(states).toEqual([{ worker: true }]);
      // The worker holds two batches at a time and needs 40 ms for each: the rest were judged here.
      expect(here.length).toBeGreaterThan(0);
      expect(here.length).toBeLessThan(12);
      expect(delivered.map((text) => Number(text.slice(1)))).toEqual([...Array(12).keys()]);
      expect(delivered.filter((text) => text.startsWith("h")).map((text) => Number(text.slice(1)))).toEqual(here);
    } finally {
      await pool.close();
    }
  });

  it("keeps submission order when judging here takes turns of the event loop", async () => {
    const delivered: string[] = [];
    const pool = startWorkerPool(1, workerUrl, setup, (count, json) => delivered.push(new TextDecoder().decode(json)));
    try {
      await untilReady(pool);
      let here = 0;
      for (let first = 0; first < 10; first++) {
        // Judging here takes 60 ms of timers: the worker's batches (40 ms each) finish meanwhile.
        await pool.submit(batch(), first, async (_batch, at) => {
          here++;
          await new Promise((resolve) => setTimeout(resolve, 60));
          return new TextEncoder().encode("h" + at);
        });
      }
      await pool.finish();
      expect(here).toBeGreaterThan(0);
      expect(delivered.map((text) => Number(text.slice(1)))).toEqual([...Array(10).keys()]);
    } finally {
      await pool.close();
    }
  });

  it("waits for room instead when the caller gives no way to judge here", async () => {
    const delivered: string[] = [];
    const pool = startWorkerPool(1, workerUrl, setup, (count, json) => delivered.push(new TextDecoder().decode(json)));
    try {
      await untilReady(pool);
      for (let first = 0; first < 5; first++) await pool.submit(batch(), first);
      await pool.finish();
      expect(delivered).toEqual(["w0", "w1", "w2", "w3", "w4"]);
    } finally {
      await pool.close();
    }
  });
});
