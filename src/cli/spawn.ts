// `spawnSync` with node:child_process loaded on its first call. The commit-msg hook runs git only
// for some messages, and loading child_process (with net, dgram and their bindings) cost about
// a millisecond at every commit.
import type * as ChildProcess from "node:child_process";
import { createRequire } from "node:module";

let childProcess: typeof ChildProcess | undefined;

function load(): typeof ChildProcess {
  // process.getBuiltinModule is Node 20.16+; a require made anywhere finds a built-in module.
  return (childProcess ??= process.getBuiltinModule?.("node:child_process") ?? (createRequire(process.execPath)("node:child_process") as typeof ChildProcess));
}

/** node:child_process's spawnSync, loaded when first called. */
export const spawnSync = ((...args: Parameters<typeof ChildProcess.spawnSync>) => load().spawnSync(...args)) as typeof ChildProcess.spawnSync;
