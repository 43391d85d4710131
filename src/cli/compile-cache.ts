// Turns on Node's on-disk compile cache (Node 22.1 and later) for the executable, in a folder only
// this user can change: the hook's bundle is then not parsed and compiled afresh on every commit.
import { lstatSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";

/** `module.enableCompileCache`, which Node 20 does not have. */
export type EnableCompileCache = (directory: string) => unknown;

/**
 * Enables the compile cache in `$XDG_CACHE_HOME/rationale/compile-cache` (`~/.cache/…` without
 * it) and returns that folder; undefined, doing nothing, where Node has no compile cache, where
 * NODE_COMPILE_CACHE or NODE_DISABLE_COMPILE_CACHE already decides, or where the folder cannot be
 * made or is not private. Never Node's default folder, the temp folder every account shares:
 * code cached there by someone else would run as this user. A failure is silent, as Node's own
 * cache is: the cache only saves time.
 */
export function enablePrivateCompileCache(
  enable: EnableCompileCache | undefined,
  env: NodeJS.ProcessEnv = process.env,
  home: () => string = homedir,
): string | undefined {
  if (typeof enable !== "function" || env.NODE_COMPILE_CACHE !== undefined || env.NODE_DISABLE_COMPILE_CACHE !== undefined) return undefined;
  try {
    const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(home(), ".cache");
    const directory = join(base, "rationale", "compile-cache");
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    if (!isPrivate(directory) || !isPrivate(dirname(directory))) return undefined;
    enable(directory);
    return directory;
  } catch {
    return undefined;
  }
}

/** A real directory (not a link) that only this user owns and can write, where Node can tell. */
function isPrivate(directory: string): boolean {
  const stat = lstatSync(directory);
  if (!stat.isDirectory()) return false;
  if (typeof process.getuid !== "function") return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}
