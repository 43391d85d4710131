// Entry point of the GitHub Action (bundled to dist/action/index.js): runs and sets the exit code.
import { runAction } from "./run.js";
import { processIO } from "./workflow.js";

process.exitCode = await runAction(processIO);
