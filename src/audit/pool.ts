// Spreads batches of commits over worker threads that judge and aggregate them; hands JSON back in commit order.
import { Worker } from "node:worker_threads";
import type { AggregateState } from "./aggregate.js";
import type { BatchJudgeSetup } from "./batch.js";
import type { RawBatch } from "./git-log.js";

/** What a worker thread is started with. */
export interface WorkerSetup {
  rationaleAuditWorker: true;
  judge: BatchJudgeSetup;
}

/** Messages from the pool to a worker. */
export type WorkerRequest = { type: "batch"; id: number; batch: RawBatch; first: number } | { type: "finish" };
/** Messages from a worker to the pool. */
export type WorkerResponse =
  | { type: "ready" }
  | { type: "batch"; id: number; count: number; json?: Uint8Array }
  | { type: "state"; state: AggregateState }
  | { type: "error"; message: string };

/** Receives each batch's outcome in the order the batches were submitted. */
export type BatchHandler = (count: number, json?: Uint8Array) => void;

/** Worker threads that judge batches and keep their own part of the summary. */
export interface WorkerPool {
  /** True once a thread has loaded its code and can start judging at once. */
  readonly ready: boolean;
  /**
   * Sends a batch to the least busy thread; resolves when there is room for another. With
   * `judgeHere`, a batch that finds every thread busy is judged on the calling thread instead
   * (its outcome still delivered in order) rather than waiting.
   */
  submit(batch: RawBatch, first: number, judgeHere?: (batch: RawBatch, first: number) => Uint8Array | undefined | Promise<Uint8Array | undefined>): Promise<void>;
  /** Waits for every batch, then collects each thread's part of the summary. */
  finish(): Promise<AggregateState[]>;
  /** Stops the threads. Safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Batches one thread may hold: one being judged and one queued, so it never waits on the
 * main thread between batches.
 */
const IN_FLIGHT = 2;

/**
 * Starts `size` worker threads running `workerUrl` (a module that starts the worker loop when
 * it sees `WorkerSetup` in `workerData`). The main thread only hands out raw batches (their
 * bytes are transferred, not copied) and writes the JSON that comes back; each thread decodes,
 * judges and aggregates on its own. Finished batches that wait for an older one count against
 * the limit too, so memory stays bounded when one batch is slow (a huge message).
 */
export function startWorkerPool(size: number, workerUrl: URL, judge: BatchJudgeSetup, onBatch: BatchHandler): WorkerPool {
  const setup: WorkerSetup = { rationaleAuditWorker: true, judge };
  const workers: Worker[] = [];
  const load = new Map<Worker, number>();
  const done = new Map<number, { count: number; json?: Uint8Array }>();
  const states = new Map<Worker, AggregateState>();
  let ready = false;
  let nextId = 0;
  let nextToDeliver = 0;
  let failure: Error | null = null;
  let waiter: (() => void) | null = null;
  const wake = () => {
    const resume = waiter;
    waiter = null;
    resume?.();
  };
  const fail = (error: Error) => {
    failure ??= error;
    wake();
  };

  const deliverReady = () => {
    try {
      while (done.has(nextToDeliver)) {
        const ready = done.get(nextToDeliver)!;
        done.delete(nextToDeliver++);
        onBatch(ready.count, ready.json);
      }
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
    }
  };

  for (let i = 0; i < size; i++) {
    const worker = new Worker(workerUrl, { workerData: setup, resourceLimits: youngGenerationLimit() });
    load.set(worker, 0);
    worker.on("message", (response: WorkerResponse) => {
      if (response.type === "error") return fail(new Error(response.message));
      if (response.type === "ready") ready = true;
      else if (response.type === "state") states.set(worker, response.state);
      else {
        load.set(worker, load.get(worker)! - 1);
        done.set(response.id, response);
        deliverReady();
      }
      wake();
    });
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (code !== 0) failure ??= new Error(`an audit worker stopped with exit code ${code}`);
      load.delete(worker);
      wake();
    });
    workers.push(worker);
  }

  const leastLoaded = (): Worker | undefined => {
    let best: Worker | undefined;
    for (const [worker, inFlight] of load) if (inFlight < IN_FLIGHT && (!best || inFlight < load.get(best)!)) best = worker;
    return best;
  };
  const waitForChange = () => new Promise<void>((resolve) => (waiter = resolve));
  const check = () => {
    if (failure) throw failure;
    if (load.size < workers.length) throw new Error("an audit worker stopped unexpectedly");
  };

  return {
    get ready() {
      return ready;
    },
    async submit(batch, first, judgeHere) {
      for (;;) {
        check();
        // Batches submitted and not yet delivered, the calling thread counted as one more judge.
        const roomInWindow = nextId - nextToDeliver < (size + 1) * (IN_FLIGHT + 1);
        const worker = roomInWindow ? leastLoaded() : undefined;
        if (worker) {
          load.set(worker, load.get(worker)! + 1);
          const request: WorkerRequest = { type: "batch", id: nextId++, batch, first };
          worker.postMessage(request, [batch.bytes.buffer as ArrayBuffer, batch.messageBytes.buffer as ArrayBuffer]);
          return;
        }
        if (roomInWindow && judgeHere) {
          const id = nextId++;
          done.set(id, { count: batch.count, json: await judgeHere(batch, first) });
          deliverReady();
          return;
        }
        await waitForChange();
      }
    },
    async finish() {
      while (nextToDeliver < nextId) {
        check();
        await waitForChange();
      }
      check();
      for (const worker of workers) worker.postMessage({ type: "finish" } satisfies WorkerRequest);
      while (states.size < workers.length) {
        check();
        await waitForChange();
      }
      return workers.map((worker) => states.get(worker)!);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * The young generation of worker threads (RATIONALE_AUDIT_WORKER_YOUNG_MB overrides it; 0: V8's
 * own choice). Judging leaves only short-lived garbage, so a smaller one means more frequent
 * scavenges: over 82k commits a worker spent about 1.3 s in garbage collection with 8 MB,
 * 1.0 s with 16 MB and 0.7-0.9 s with 48 MB, for a peak RSS of the whole audit within
 * 190-205 MB in every case.
 */
function youngGenerationLimit(): { maxYoungGenerationSizeMb: number } | undefined {
  const value = Number(process.env.RATIONALE_AUDIT_WORKER_YOUNG_MB ?? 48);
  return value > 0 ? { maxYoungGenerationSizeMb: value } : undefined;
}
