// The error for a directory in no git repository, worded once for every command that reads one.
import { UsageError } from "./types.js";

/**
 * Thrown when `cwd` is in no git repository, where a command reads its history, commits or
 * release from. It states the fact; `runIn` adds what to do, in the one wording the commands
 * share (`rationale audit`, `release` and `init` read alike, with the same exit status 2).
 */
export class NotARepositoryError extends UsageError {
  constructor(
    /** The directory looked from, as the caller gave it. */
    readonly cwd: string,
  ) {
    super(`not a git repository: ${cwd}`);
    this.name = "NotARepositoryError";
  }

  /** The same error ending with what to do: "; run rationale COMMAND in your repository". */
  runIn(command: string): NotARepositoryError {
    const error = new NotARepositoryError(this.cwd);
    error.message += `; run rationale ${command} in your repository`;
    return error;
  }
}
