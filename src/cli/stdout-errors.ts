// What the command does when its standard output cannot be written.
/**
 * Handles errors writing to standard output: a reader that stops early (`| head`, EPIPE) ends
 * the command quietly with the exit code it has; any other failure (a full disk, `>/dev/full`)
 * is said on stderr and exits 2, as `rationale audit` does when it cannot write its report, so a
 * tool reading the output never takes a lost report for a verdict.
 */
export function handleStdoutErrors(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(`rationale: cannot write to standard output: ${error.message}\n`);
    process.exit(2);
  });
}
