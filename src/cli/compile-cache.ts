// The folder, only this user's, where the executable keeps compiled code: Node's on-disk compile
// cache (Node 22.8 and later) for every command, and the commit-msg hook's V8 code cache
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

/** Receives why compiled code is not cached, for RATIONALE_DEBUG=1 (see launch.ts). */
export type ExplainNoCache = (why: string) => void;

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
 *
 * A folder that cannot be used (made by `sudo`, say, so root owns it) turns the cache off
 * without a word, as a hook that runs on every commit must not nag about what only saves time;
 * `explain`, when given, is told why and how to fix it.
 */
export function privateCacheFolder(env: NodeJS.ProcessEnv = process.env, home: () => string = homedir, explain?: ExplainNoCache): string | undefined {
  if ((env.NODE_COMPILE_CACHE !== undefined && env.NODE_COMPILE_CACHE !== "") || env.NODE_DISABLE_COMPILE_CACHE !== undefined) return undefined;
  let directory: string | undefined;
  try {
    const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(home(), ".cache");
    directory = join(base, "rationale", "compile-cache");
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    // The folder above first: when root owns it, that is the one to remove.
    for (const folder of [dirname(directory), directory]) {
      const problem = unusableBecause(folder);
      if (problem === undefined) continue;
      explain?.(`${folder} ${problem}; remove it (rm -r ${quoted(folder)}, with sudo when root owns it) and the next run makes it again, yours alone`);
      return undefined;
    }
    return directory;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    explain?.(`cannot make ${directory ?? "the cache folder"} (${reason}); check who owns the folders above it (a ~/.cache made under sudo belongs to root)`);
    return undefined;
  }
}

/**
 * Why `directory` is no folder for cached code: a link or no directory, owned by another user, or
 * writable by others; undefined when it is fine (or Node cannot tell owners).
 */
function unusableBecause(directory: string): string | undefined {
  const stat = lstatSync(directory);
  if (!stat.isDirectory()) return stat.isSymbolicLink() ? "is a symbolic link" : "is not a folder";
  if (typeof process.getuid !== "function") return undefined;
  const uid = process.getuid();
  if (stat.uid !== uid) return `belongs to uid ${stat.uid}, not to you (uid ${uid})`;
  return (stat.mode & 0o022) !== 0 ? `can be written by others (mode ${(stat.mode & 0o777).toString(8)})` : undefined;
}

/** `path` quoted for a POSIX shell when it holds more than safe characters (recovery.ts's shellQuote, kept out of the launcher). */
function quoted(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
