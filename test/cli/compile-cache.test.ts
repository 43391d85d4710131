// The executable turns on Node's compile cache only in a folder this user alone can change.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { enablePrivateCompileCache } from "../../src/cli/compile-cache.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "rationale-compile-cache-"));
  dirs.push(dir);
  return dir;
}

/** A stand-in for module.enableCompileCache that records the folder it was given. */
function recorder(): { enable: (directory: string) => void; calls: string[] } {
  const calls: string[] = [];
  return { enable: (directory) => calls.push(directory), calls };
}

const ownsFiles = typeof process.getuid === "function";

describe("enablePrivateCompileCache", () => {
  it("makes $XDG_CACHE_HOME/rationale/compile-cache, private, and enables the cache there", () => {
    const base = tempDir();
    const { enable, calls } = recorder();
    const directory = enablePrivateCompileCache(enable, { XDG_CACHE_HOME: base }, () => "/nonexistent");
    expect(directory).toBe(join(base, "rationale", "compile-cache"));
    expect(calls).toEqual([directory]);
    if (ownsFiles) expect(statSync(directory!).mode & 0o077).toBe(0);
  });

  it("falls back to ~/.cache when XDG_CACHE_HOME is unset or not an absolute path", () => {
    const home = tempDir();
    for (const env of [{}, { XDG_CACHE_HOME: "relative/cache" }]) {
      const { enable, calls } = recorder();
      expect(enablePrivateCompileCache(enable, env, () => home)).toBe(join(home, ".cache", "rationale", "compile-cache"));
      expect(calls).toHaveLength(1);
    }
  });

  it("does nothing where Node has no compile cache (Node 20) or the environment already decides", () => {
    const base = tempDir();
    expect(enablePrivateCompileCache(undefined, { XDG_CACHE_HOME: base })).toBeUndefined();
    expect(existsSync(join(base, "rationale"))).toBe(false);
    for (const env of [{ NODE_COMPILE_CACHE: join(base, "mine") }, { NODE_DISABLE_COMPILE_CACHE: "1" }]) {
      const { enable, calls } = recorder();
      expect(enablePrivateCompileCache(enable, { ...env, XDG_CACHE_HOME: base })).toBeUndefined();
      expect(calls).toEqual([]);
    }
  });

  it.skipIf(!ownsFiles)("refuses a folder others can write, or a link in its place", () => {
    const base = tempDir();
    mkdirSync(join(base, "rationale", "compile-cache"), { recursive: true });
    chmodSync(join(base, "rationale", "compile-cache"), 0o777);
    const shared = recorder();
    expect(enablePrivateCompileCache(shared.enable, { XDG_CACHE_HOME: base })).toBeUndefined();
    expect(shared.calls).toEqual([]);

    const linked = tempDir();
    mkdirSync(join(linked, "rationale"), { mode: 0o700 });
    symlinkSync(tempDir(), join(linked, "rationale", "compile-cache"));
    const viaLink = recorder();
    expect(enablePrivateCompileCache(viaLink.enable, { XDG_CACHE_HOME: linked })).toBeUndefined();
    expect(viaLink.calls).toEqual([]);
  });

  it("stays silent when the folder cannot be made", () => {
    const base = tempDir();
    writeFileSync(join(base, "rationale"), "a file where the folder would go");
    const { enable, calls } = recorder();
    expect(enablePrivateCompileCache(enable, { XDG_CACHE_HOME: base })).toBeUndefined();
    expect(calls).toEqual([]);
  });
});
