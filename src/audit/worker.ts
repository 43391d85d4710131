// The judging loop of an audit worker thread: receives batches of commits, returns compact results.
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { judgeBatch } from "./judge.js";
import type { WorkerRequest, WorkerResponse, WorkerSetup } from "./pool.js";

/** True when this thread was started by the audit pool. */
export function isAuditWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerSetup> | null)?.rationaleAuditWorker === true;
}

/** Answers judging requests on `parentPort` until the pool terminates the thread. */
export function runAuditWorker(): void {
  const { config, jsonMode } = workerData as WorkerSetup;
  parentPort!.on("message", ({ id, records, cutoff }: WorkerRequest) => {
    let response: WorkerResponse;
    try {
      response = { id, ...judgeBatch(records, config, jsonMode, cutoff, true) };
    } catch (error) {
      response = { id, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(response, response.json ? [response.json.buffer as ArrayBuffer] : []);
  });
}
