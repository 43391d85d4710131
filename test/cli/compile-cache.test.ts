// The executable keeps compiled code only in a folder this user alone can change.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { enableCompileCacheIn, moduleCacheFolder, privateCacheFolder } from "../../src/cli/compile-cache.js";

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
if (!ownsFiles) console.warn("SKIPPED: no POSIX file owners here; the cache folder's permissions are not checked");

describe("privateCacheFolder", () => {
  it("makes $XDG_CACHE_HOME/rationale/compile-cache, private", () => {
    const base = tempDir();
    const directory = privateCacheFolder({ XDG_CACHE_HOME: base }, () => "/nonexistent");
    expect(directory).toBe(join(base, "rationale", "compile-cache"));
    if (ownsFiles) expect(statSync(directory!).mode & 0o077).toBe(0);
  });

  it("falls back to ~/.cache when XDG_CACHE_HOME is unset or not an absolute path", () => {
    const home = tempDir();
    for (const env of [{}, { XDG_CACHE_HOME: "relative/cache" }]) {
      expect(privateCacheFolder(env, () => home)).toBe(join(home, ".cache", "rationale", "compile-cache"));
    }
  });

  it("gives none, making nothing, where the environment already decides about caching", () => {
    const base = tempDir();
    for (const env of [{ NODE_COMPILE_CACHE: join(base, "mine") }, { NODE_DISABLE_COMPILE_CACHE: "1" }]) {
      expect(privateCacheFolder({ ...env, XDG_CACHE_HOME: base })).toBeUndefined();
      expect(existsSync(join(base, "rationale"))).toBe(false);
    }
  });

  it("reads the variables as Node does: any NODE_DISABLE_COMPILE_CACHE disables, an empty NODE_COMPILE_CACHE is unset", () => {
    // Node's Environment::EnableCompileCache checks only that NODE_DISABLE_COMPILE_CACHE is
    // set, and InitializeCompileCache skips an empty NODE_COMPILE_CACHE.
    const base = tempDir();
    for (const value of ["0", "", "false"]) expect(privateCacheFolder({ NODE_DISABLE_COMPILE_CACHE: value, XDG_CACHE_HOME: base })).toBeUndefined();
    expect(existsSync(join(base, "rationale"))).toBe(false);
    expect(privateCacheFolder({ NODE_COMPILE_CACHE: "", XDG_CACHE_HOME: base })).toBe(join(base, "rationale", "compile-cache"));
  });

  it.skipIf(!ownsFiles)("refuses a folder others can write, or a link in its place", () => {
    const base = tempDir();
    mkdirSync(join(base, "rationale", "compile-cache"), { recursive: true });
    chmodSync(join(base, "rationale", "compile-cache"), 0o777);
    expect(privateCacheFolder({ XDG_CACHE_HOME: base })).toBeUndefined();

    const linked = tempDir();
    mkdirSync(join(linked, "rationale"), { mode: 0o700 });
    symlinkSync(tempDir(), join(linked, "rationale", "compile-cache"));
    expect(privateCacheFolder({ XDG_CACHE_HOME: linked })).toBeUndefined();
  });

  it.skipIf(!ownsFiles)("tells `explain` why a folder is refused, and how to fix it", () => {
    const base = tempDir();
    const folder = join(base, "rationale", "compile-cache");
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    chmodSync(folder, 0o777);
    const told: string[] = [];
    expect(privateCacheFolder({ XDG_CACHE_HOME: base }, undefined, (why) => told.push(why))).toBeUndefined();
    expect(told).toEqual([`${folder} can be written by others (mode 777); remove it (rm -r ${folder}, with sudo when root owns it) and the next run makes it again, yours alone`]);
    writeFileSync(join(base, "file"), "");
    told.length = 0;
    expect(privateCacheFolder({ XDG_CACHE_HOME: join(base, "file") }, undefined, (why) => told.push(why))).toBeUndefined();
    expect(told).toEqual([`cannot make ${join(base, "file", "rationale", "compile-cache")} (ENOTDIR); check who owns the folders above it (a ~/.cache made under sudo belongs to root)`]);
  });

  it("stays silent when the folder cannot be made", () => {
    const base = tempDir();
    writeFileSync(join(base, "rationale"), "a file where the folder would go");
    expect(privateCacheFolder({ XDG_CACHE_HOME: base })).toBeUndefined();
  });
});

describe("enableCompileCacheIn", () => {
  it("turns Node's compile cache on in the folder, where Node has one and there is a folder", () => {
    const { enable, calls } = recorder();
    expect(enableCompileCacheIn(enable, "/cache")).toBe(true);
    expect(calls).toEqual(["/cache"]);
    expect(enableCompileCacheIn(undefined, "/cache")).toBe(false);
    const none = recorder();
    expect(enableCompileCacheIn(none.enable, undefined)).toBe(false);
    expect(none.calls).toEqual([]);
  });

  it("stays silent when Node refuses", () => {
    expect(
      enableCompileCacheIn(() => {
        throw new Error("no");
      }, "/cache"),
    ).toBe(false);
  });
});

describe("moduleCacheFolder", () => {
  it("gives the hook's module cache a folder of its own, apart from every other command line's", () => {
    // The hook compiles under other V8 flags: one shared folder would make each side refuse and
    // rewrite the other's entries.
    expect(moduleCacheFolder("/home/u/.cache/rationale/compile-cache", true)).toBe(join("/home/u/.cache/rationale/compile-cache", "modules-for-hook"));
    expect(moduleCacheFolder("/home/u/.cache/rationale/compile-cache", false)).toBe("/home/u/.cache/rationale/compile-cache");
    expect(moduleCacheFolder(undefined, true)).toBeUndefined();
  });
});
