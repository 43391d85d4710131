// Words the error for a path no file can have: a name longer than the file system takes.
import { echoValue } from "./echo-value.js";
import { UsageError } from "./types.js";

/** Why such a path names no file, in the words every caller gives it. */
export const NAME_TOO_LONG = "its name is too long for the file system";

/** True when `error` is the file system refusing a name as too long (ENAMETOOLONG). */
export function isNameTooLong(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ENAMETOOLONG";
}

/**
 * The UsageError for `name`, a path no file can have, read or written: "cannot read config
 * file x…: its name is too long for the file system". `name` is the path as the user gave it,
 * after what it is when that helps (`config file x`, `changelog x`, `--output x`); it is cut as
 * echoValue cuts a value, since such a name is a value pasted by mistake and Node's own message
 * repeats it whole.
 */
export function nameTooLongError(access: "read" | "write", name: string): UsageError {
  return new UsageError(`cannot ${access} ${echoValue(name)}: ${NAME_TOO_LONG}`);
}
