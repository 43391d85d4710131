// The loop of an audit worker thread: judges batches of commits into its own part of the summary.
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { BatchJudge } from "./batch.js";
import type { WorkerRequest, WorkerResponse, WorkerSetup } from "./pool.js";

/** True when this thread was started by the audit pool. */
export function isAuditWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerSetup> | null)?.rationaleAuditWorker === true;
}

/** Answers the pool's requests on `parentPort` until the pool terminates the thread. */
export function runAuditWorker(): void {
  const judge = new BatchJudge((workerData as WorkerSetup).judge);
  const port = parentPort!;
  port.on("message", (request: WorkerRequest) => {
    try {
      if (request.type === "finish") {
        port.postMessage({ type: "state", state: judge.aggregator.state() } satisfies WorkerResponse);
        return;
      }
      const json = judge.judge(request.batch, request.first);
      const response: WorkerResponse = { type: "batch", id: request.id, count: request.batch.count, json };
      port.postMessage(response, json ? [json.buffer as ArrayBuffer] : []);
    } catch (error) {
      port.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) } satisfies WorkerResponse);
    }
  });
  port.postMessage({ type: "ready" } satisfies WorkerResponse);
}
