// The folder, only this user's, where the executable keeps compiled code: Node's on-disk compile
// cache (Node 22.1 and later) for every command, and the commit-msg hook's V8 code cache
// (code-cache.ts), so that neither is parsed and compiled afresh on every run.
import { lstatSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, isAbsolute, join } from "node:path";

/** `module.enableCompileCache`, which Node 20 does not have. */
export type EnableCompileCache = (directory: string) => unknown;

/**
 * Turns on Node's compile cache in `folder` (see privateCacheFolder) and says whether it did:
 * not where Node has none (Node 20) or there is no folder to use. A failure is silent, as Node's
 * own cache is: the cache only saves time.
 */
export function enableCompileCacheIn(enable: EnableCompileCache | undefined, folder: string | undefined): boolean {
  if (typeof enable !== "function" || folder === undefined) return false;
  try {
    enable(folder);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where Node's own compile cache goes for this command line: a folder of its own inside
 * `folder` for the commit-msg hook, which compiles with other V8 flags (launch.ts). V8 refuses
 * a cache made under other flags, so in one shared folder the hook and every other command
 * line would each throw away and rewrite the other's entries for the modules both load (the
 * config's YAML reader), which cost a hook run after another command about a tenth of its
 * time on Node 22.23.
 */
export function moduleCacheFolder(folder: string | undefined, hook: boolean): string | undefined {
  return folder !== undefined && hook ? join(folder, "modules-for-hook") : folder;
}

/**
 * `$XDG_CACHE_HOME/rationale/compile-cache` (`~/.cache/…` without it), made if need be and
 * returned when only this user can change it; undefined where NODE_COMPILE_CACHE or
 * NODE_DISABLE_COMPILE_CACHE already decides about caching compiled code, or where the folder
 * cannot be made or is not private. Never Node's default folder, the temp folder every account
 * shares: code cached there by someone else would run as this user.
 *
 * The two variables are read as Node reads them (src/env.cc): NODE_DISABLE_COMPILE_CACHE turns
 * the cache off whatever its value, "0" and "" included, and an empty NODE_COMPILE_CACHE is as
 * if unset (Node then caches nothing on its own, so this folder is still used).
 */
export function privateCacheFolder(env: NodeJS.ProcessEnv = process.env, home: () => string = homedir): string | undefined {
  if ((env.NODE_COMPILE_CACHE !== undefined && env.NODE_COMPILE_CACHE !== "") || env.NODE_DISABLE_COMPILE_CACHE !== undefined) return undefined;
  try {
    const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(home(), ".cache");
    const directory = join(base, "rationale", "compile-cache");
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    return isPrivate(directory) && isPrivate(dirname(directory)) ? directory : undefined;
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
