// Runs the hook's bundle through V8's code cache: the commit-msg hook then skips parsing and
// compiling ~240 kB of JavaScript, the bundle's own and the functions its first run compiled, on
// every commit after the first (Node 20 has no compile cache of its own, and Node 22's keeps
// only what compiles as a module loads).
import { readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";

/** Loads a module as the bundle's `import()` would; the launcher's own, see runWithCodeCache. */
export type Importer = (specifier: string) => Promise<unknown>;

/**
 * How many cached bundles the folder keeps (one per Node version and install: each project's
 * node_modules has its own); the ones least recently used are removed. About 400 kB each.
 */
const KEPT = 16;
/** A temp file this old was left by a process killed while writing; it is removed. */
const STALE_TEMP_MS = 10 * 60 * 1000;
const PREFIX = "hook-";
const SUFFIX = ".v8";

/**
 * Runs the CommonJS bundle `file` as Node's loader would, but compiled with the code cache kept
 * in `folder` (a private folder: see privateCacheFolder), and writes that cache when the process
 * exits if there was none or V8 refused it. `build` names the bundle's contents (the build's
 * hash of it); the cache file is also named by Node's version and the file's size and time, so
 * a cache never meets other code: V8 itself only checks its version, its flags, the source's
 * length and (as launch.ts asks) a checksum of the cache. The bundle gets one parameter more
 * than CommonJS's five, `importer`, for its `import()` of ES modules: a script compiled by `vm`
 * cannot import without an experimental option. Any failure of the cache is silent (the bundle is then compiled as usual); errors of
 * the bundle itself propagate as from `require`.
 */
export function runWithCodeCache(file: string, folder: string, build: string, importer: Importer): void {
  const source = readFileSync(file, "utf8");
  const cacheFile = join(folder, cacheName(file, build));
  let cached: Buffer | undefined;
  try {
    cached = readFileSync(cacheFile);
  } catch {
    cached = undefined;
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname, __rationaleLauncherImport) {${source}\n})`;
  const script = new Script(wrapped, { filename: file, cachedData: cached });
  if (cached === undefined || script.cachedDataRejected === true) process.once("exit", () => saveCache(script, cacheFile));
  else touch(cacheFile);
  const bundle = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {}, id: file, filename: file, loaded: false };
  bundle.call(module.exports, module.exports, createRequire(file), module, file, dirname(file), importer);
  module.loaded = true;
}

/**
 * `hook-<node version>-<arch>-<build>-<size>-<mtime>[-<options>].v8`: one file for each bundle
 * and Node, and for each set of Node options (`NODE_OPTIONS`, flags before the script): V8 keys
 * a cache by its flags, so a terminal and an editor that set different ones would otherwise
 * rewrite one file in turn at every commit.
 */
function cacheName(file: string, build: string): string {
  const { size, mtimeMs } = statSync(file);
  const options = `${process.execArgv.join(" ")}\0${process.env.NODE_OPTIONS ?? ""}`;
  const optionsTag = options === "\0" ? "" : `-${fnv1a(options)}`;
  return `${PREFIX}${process.version}-${process.arch}-${build}-${size}-${Math.trunc(mtimeMs)}${optionsTag}${SUFFIX}`;
}

/** A 32-bit FNV-1a hash of `text`'s UTF-16 units, in hex: a short tag, not a security measure. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
}

/** Marks a cache as just used, so that pruning (by time) keeps the caches in use. */
function touch(cacheFile: string): void {
  try {
    const now = new Date();
    utimesSync(cacheFile, now, now);
  } catch {
    // The cache only saves time.
  }
}

/**
 * Writes the script's code cache (every function compiled so far, so the run's own as well as
 * the bundle's top level) through a temp file and a rename, so a hook running beside this one
 * never reads half a cache, removed again when the write or rename fails; then removes the oldest
 * cache files beyond KEPT, and temp files a killed process left. Silent on failure.
 */
function saveCache(script: Script, cacheFile: string): void {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    renameSync(temp, cacheFile);
  } catch {
    // A full disk cuts the write short: remove what was written, or every commit adds a file.
    try {
      rmSync(temp, { force: true });
    } catch {
      // The cache only saves time.
    }
    return;
  }
  try {
    const folder = dirname(cacheFile);
    const names = readdirSync(folder).filter((name) => name.startsWith(PREFIX));
    const files = names.map((name) => ({ name, path: join(folder, name), time: statSync(join(folder, name)).mtimeMs }));
    const caches = files.filter(({ name }) => name.endsWith(SUFFIX) && name !== basename(cacheFile)).sort((a, b) => b.time - a.time);
    for (const old of caches.slice(KEPT - 1)) rmSync(old.path, { force: true });
    const now = Date.now();
    for (const temp of files) if (temp.name.endsWith(".tmp") && now - temp.time > STALE_TEMP_MS) rmSync(temp.path, { force: true });
  } catch {
    // The cache only saves time.
  }
}
