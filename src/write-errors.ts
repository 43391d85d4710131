// Says in a few words why a file could not be written, naming the user's path, not Node's error.
import { statSync } from "node:fs";
import { dirname } from "node:path";
import { NAME_TOO_LONG } from "./file-name-errors.js";

/**
 * Why writing `path` failed: "its directory does not exist", "it is a directory", "permission
 * denied", "files cannot be created in /proc" (a directory that exists but takes no new files
 * also answers ENOENT), "notes.txt is not a directory" (for notes.txt/out.md), "/mnt is on a
 * read-only file system", else the system's message.
 */
export function whyCannotWrite(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const dir = dirname(path);
  switch (code) {
    case "ENOENT":
    case "ENOTDIR": {
      const file = fileOnPath(dir);
      if (file !== undefined) return `${file} is not a directory`;
      return isDirectory(dir) ? `files cannot be created in ${dir}` : "its directory does not exist";
    }
    case "EISDIR":
      return "it is a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return `${dir} is on a read-only file system`;
    case "ENAMETOOLONG":
      // Node's message repeats the whole path, which the caller names already (cut).
      return NAME_TOO_LONG;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/**
 * The nearest existing ancestor of `dir` (or `dir` itself) when it is not a directory, as
 * `a-file` in `a-file/sub/out.txt`: stat then fails with ENOTDIR, which `throwIfNoEntry`
 * does not cover.
 */
function fileOnPath(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    try {
      const stat = statSync(at, { throwIfNoEntry: false });
      if (stat) return stat.isDirectory() ? undefined : at;
    } catch {
      // ENOTDIR: an ancestor is a file; keep walking up to it.
    }
    if (dirname(at) === at) return undefined;
  }
}
