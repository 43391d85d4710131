// What the command does when its standard output cannot be written.

/**
 * The exit status when the reader of standard output went away before the command knew its
 * verdict: 128 + SIGPIPE, what a shell reports for git or any command a broken pipe ends.
 */
export const READER_GONE = 141;

/**
 * Handles errors writing to standard output: a reader that stops early (`| head`, EPIPE) ends
 * the command quietly, with its verdict when that was settled before the report was written (one
 * message judged), else with READER_GONE: `lint --commits` and the audit write as they judge, and
 * a 0 there would pass a range or a `--fail-under` no one finished checking. Any other failure (a
 * full disk, `>/dev/full`) is said on stderr and exits 2, as `rationale audit` does when it cannot
 * write its report, so a tool reading the output never takes a lost report for a verdict.
 * Standard error that cannot be written (`2>&1 | head`, `2>/dev/full`) changes no exit status.
 */
export function handleStdoutErrors(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    // The error comes after the write that failed has returned: a command whose report was its
    // last write has set its exit code by then.
    if (error.code === "EPIPE") process.exit(typeof process.exitCode === "number" ? process.exitCode : READER_GONE);
    process.stderr.write(`rationale: cannot write to standard output: ${error.message}\n`);
    process.exit(2);
  });
  // Standard error carries only what is said beside the verdict (errors, warnings, notes,
  // progress), and the exit status still carries the verdict when it cannot be written: left
  // unhandled, the stream's error ended the command with Node's 1, a failing message's status,
  // after a usage error or a message that passed.
  process.stderr.on("error", () => {});
}
