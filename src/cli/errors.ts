// Maps errors thrown while running a command to what the user sees on stderr and the exit code.
import { CommanderError } from "commander";
import { UsageError } from "../types.js";

/** Where error text goes; stderr in the CLI, a buffer in tests. */
export interface ErrorSink {
  write(text: string): unknown;
}

/**
 * Prints `error` and returns the exit code: 2 for usage, input and configuration errors with
 * their detail lines, 0 for commander's help/version exits, and 2 with a one-line
 * `internal error` for anything else (the stack only when RATIONALE_DEBUG=1).
 */
export function reportError(error: unknown, sink: ErrorSink = process.stderr, env: NodeJS.ProcessEnv = process.env): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its text (help, version, or the usage error).
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UsageError) {
    sink.write(`rationale: ${error.message}\n${error.details.map((line) => `  ${line}\n`).join("")}`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  sink.write(`rationale: internal error: ${message.split("\n")[0]}\n`);
  if (env.RATIONALE_DEBUG === "1" && error instanceof Error && error.stack) sink.write(`${error.stack}\n`);
  return 2;
}
