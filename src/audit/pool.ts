// Spreads judging over worker threads in batches and hands results back in commit order.
import { Worker } from "node:worker_threads";
import type { ResolvedConfig } from "../types.js";
import type { CommitRecord } from "./git-log.js";
import { judgeBatch, judgeCommitSafely, type JsonMode, type JudgedCommit } from "./judge.js";

/**
 * Receives judged commits in commit order. With a json mode, `json` holds the batch's JSON,
 * already UTF-8 (from a worker thread), or each commit carries its own `json` string.
 */
export type JudgedHandler = (commits: JudgedCommit[], json?: Uint8Array) => void;

/** Judges batches of commits; results reach the handler in the order the batches were submitted. */
export interface Judge {
  /**
   * Queues a batch; resolves when there is room for more (back-pressure on the git reader).
   * Findings of commits scoring `cutoff` or more may be dropped: they cannot rank among the worst.
   */
  submit(batch: CommitRecord[], cutoff: number): Promise<void>;
  /** Resolves when every submitted batch has been delivered. */
  finish(): Promise<void>;
  /** Stops the workers. Safe to call more than once. */
  close(): Promise<void>;
}

/** What a worker thread is started with. */
export interface WorkerSetup {
  rationaleAuditWorker: true;
  config: ResolvedConfig;
  jsonMode?: JsonMode;
}

/** Messages between the pool and its workers. */
export type WorkerRequest = { id: number; records: CommitRecord[]; cutoff: number };
export type WorkerResponse = { id: number; judged?: JudgedCommit[]; json?: Uint8Array; error?: string };

/** Judges on the calling thread: no start-up cost, the right choice for one core or few commits. */
export function createInlineJudge(config: ResolvedConfig, jsonMode: JsonMode | undefined, onJudged: JudgedHandler): Judge {
  return {
    async submit(batch) {
      const judged = new Array<JudgedCommit>(batch.length);
      for (let i = 0; i < batch.length; i++) judged[i] = judgeCommitSafely(batch[i], config, jsonMode !== undefined);
      onJudged(judged);
    },
    async finish() {},
    async close() {},
  };
}

/**
 * Starts `size` worker threads running `workerUrl` (a module that starts the worker loop
 * when it sees `WorkerSetup` in `workerData`). Each worker has at most two batches in flight:
 * one being judged and one queued, so it never waits on the main thread. Workers encode the
 * JSON output themselves and transfer the bytes. When every worker is full, the main thread
 * judges the batch itself instead of waiting (it has little else to do), as long as no more
 * than a few finished batches wait for an older one, which keeps memory bounded.
 */
export function createWorkerJudge(
  size: number,
  workerUrl: URL,
  config: ResolvedConfig,
  jsonMode: JsonMode | undefined,
  onJudged: JudgedHandler,
): Judge {
  const setup: WorkerSetup = { rationaleAuditWorker: true, config, jsonMode };
  const workers: Worker[] = [];
  const load = new Map<Worker, number>();
  const done = new Map<number, WorkerResponse>();
  let nextId = 0;
  let nextToDeliver = 0;
  let failure: Error | null = null;
  let waiter: (() => void) | null = null;
  const wake = () => {
    const resume = waiter;
    waiter = null;
    resume?.();
  };

  const deliverReady = () => {
    try {
      while (done.has(nextToDeliver)) {
        const ready = done.get(nextToDeliver)!;
        done.delete(nextToDeliver++);
        onJudged(ready.judged ?? [], ready.json);
      }
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error));
    }
  };

  for (let i = 0; i < size; i++) {
    const worker = new Worker(workerUrl, { workerData: setup, resourceLimits: youngGenerationLimit() });
    load.set(worker, 0);
    worker.on("message", (response: WorkerResponse) => {
      load.set(worker, (load.get(worker) ?? 1) - 1);
      if (response.error !== undefined) failure ??= new Error(response.error);
      else done.set(response.id, response);
      deliverReady();
      wake();
    });
    worker.on("error", (error) => {
      failure ??= error;
      wake();
    });
    worker.on("exit", (code) => {
      if (code !== 0) failure ??= new Error(`an audit worker stopped with exit code ${code}`);
      load.delete(worker);
      wake();
    });
    workers.push(worker);
  }

  const leastLoaded = (): Worker | undefined => {
    let best: Worker | undefined;
    for (const [worker, inFlight] of load) if (inFlight < 2 && (!best || inFlight < load.get(best)!)) best = worker;
    return best;
  };
  const waitForChange = () => new Promise<void>((resolve) => (waiter = resolve));

  return {
    async submit(records, cutoff) {
      for (;;) {
        if (failure) throw failure;
        const worker = leastLoaded();
        if (worker) {
          load.set(worker, load.get(worker)! + 1);
          worker.postMessage({ id: nextId++, records, cutoff } satisfies WorkerRequest);
          return;
        }
        if (load.size === 0) throw new Error("every audit worker stopped");
        if (done.size <= size * 2) {
          const id = nextId++;
          done.set(id, { id, ...judgeBatch(records, config, jsonMode, cutoff, false) });
          deliverReady();
          return;
        }
        await waitForChange();
      }
    },
    async finish() {
      while (nextToDeliver < nextId) {
        if (failure) throw failure;
        await waitForChange();
      }
      if (failure) throw failure;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * A smaller young generation for worker threads: each judged message leaves only short-lived
 * garbage. V8's default (up to 48 MB per thread) took a two-worker audit of 82k commits to
 * 263 MB peak RSS; 8 MB gives 196 MB at the same speed.
 */
function youngGenerationLimit(): { maxYoungGenerationSizeMb: number } | undefined {
  const value = Number(process.env.RATIONALE_AUDIT_WORKER_YOUNG_MB ?? 8);
  return value > 0 ? { maxYoungGenerationSizeMb: value } : undefined;
}
