// Entry point of the audit's worker threads when the build gives them a file of their own (dist/audit-worker.js).
import { runAuditWorker } from "./worker.js";

runAuditWorker();
