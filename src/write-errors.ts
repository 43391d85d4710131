// Says in a few words why a file could not be written, naming the user's path, not Node's error.
import { statSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Why writing `path` failed: "its directory does not exist", "it is a directory", "permission
 * denied", "files cannot be created in /proc" (a directory that exists but takes no new files
 * also answers ENOENT), "/mnt is on a read-only file system", else the system's message.
 */
export function whyCannotWrite(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const dir = dirname(path);
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ? `files cannot be created in ${dir}` : "its directory does not exist";
    case "EISDIR":
      return "it is a directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return `${dir} is on a read-only file system`;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
