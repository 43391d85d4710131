// The `rationale` executable (dist/cli.cjs): runs the command line from dist/hook.cjs with its
// compiled code kept in a private folder (compile-cache.ts), so that the commit-msg hook does not
// parse and compile the bundle afresh on every commit. The hook's own command line goes through
// V8's code cache (code-cache.ts), which also keeps the functions a lint compiles; Node 22.8 and
// later also cache what every other command line loads, once told where.
import module from "node:module";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { enableCompileCacheIn, moduleCacheFolder, privateCacheFolder, type EnableCompileCache } from "./compile-cache.js";
import { runWithCodeCache } from "./code-cache.js";
import { hookInvocation } from "./hook-args.js";

/** The build's hash of dist/hook.cjs (scripts/build.mjs defines it); undefined from the sources. */
declare const __RATIONALE_HOOK_BUILD__: string | undefined;

const build = typeof __RATIONALE_HOOK_BUILD__ === "string" ? __RATIONALE_HOOK_BUILD__ : undefined;
const hook = build !== undefined && hookInvocation(process.argv.slice(2)) !== undefined;
const enableCompileCache = (module as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
// Only made when something will be cached in it: not for `rationale --help` on Node 20.
// Silent when the folder cannot be used (see privateCacheFolder), unless RATIONALE_DEBUG=1 asks why.
const explain = process.env.RATIONALE_DEBUG === "1" ? (why: string) => process.stderr.write(`rationale: debug: compiled code is not cached: ${why}\n`) : undefined;
const folder = hook || typeof enableCompileCache === "function" ? privateCacheFolder(process.env, undefined, explain) : undefined;
enableCompileCacheIn(enableCompileCache, moduleCacheFolder(folder, hook));
if (folder !== undefined && build !== undefined && hook) {
  // run-lint.ts sets this before judging; V8 keys a code cache by its flags, so a cache written at
  // exit is only taken back when the flag is already set as the bundle is compiled.
  setFlagsFromString("--no-regexp-tier-up");
  // V8 gives a code cache a checksum, and checks it, only with this flag (a debug build's default);
  // without it a cache damaged on disk but of the right length is deserialized and crashes Node.
  setFlagsFromString("--verify-snapshot-checksum");
  runWithCodeCache(join(__dirname, "hook.cjs"), folder, build, (specifier) => import(specifier));
} else {
  // Left as a plain require by the build: the bundle beside this file.
  require("./hook.cjs");
}
