// The executable runs the commit-msg hook's bundle through V8's code cache: same results with and
// without it, a cache V8 accepts, and nothing lost or printed when the cache is missing, broken
// or not private.
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import module from "node:module";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GOOD_MESSAGE, assertBuilt, runCli, tempDir } from "./helpers.js";

vi.setConfig({ testTimeout: 60_000 });

const ownsFiles = typeof process.getuid === "function";

beforeAll(() => assertBuilt());

/** A working folder with a home of its own; the cache goes to HOME/.cache/rationale/compile-cache. */
function setup() {
  const dir = tempDir("rationale-code-cache-");
  const folder = join(dir, ".cache", "rationale", "compile-cache");
  const hook = (file: string, env: Record<string, string | undefined> = {}) => runCli(["lint", "--edit", file], { cwd: dir, env });
  const caches = () => (existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith(".v8")) : []);
  return { dir, folder, hook, caches };
}

describe("the hook's code cache", () => {
  it("writes one private cache on the first run and takes it, unchanged, on the next", () => {
    const { dir, folder, hook, caches } = setup();
    const file = join(dir, "COMMIT_EDITMSG");
    writeFileSync(file, GOOD_MESSAGE);
    const uncached = hook(file, { NODE_DISABLE_COMPILE_CACHE: "1" });
    expect(caches()).toEqual([]);

    const first = hook(file);
    expect(first).toEqual(uncached);
    expect(first.status).toBe(0);
    const [name] = caches();
    expect(caches()).toHaveLength(1);
    expect(name).toMatch(new RegExp(`^hook-${process.version.replace(/\./g, "\\.")}-${process.arch}-[0-9a-f]{16}-\\d+-\\d+(?:-[0-9a-f]{8})?\\.v8$`));
    const path = join(folder, name!);
    if (ownsFiles) {
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(folder).mode & 0o777).toBe(0o700);
    }

    // V8 accepted the cache, so it is not written again (a write goes through a temp file and a
    // rename, which would give it another inode); using it marks it as used.
    const written = readFileSync(path);
    const { ino } = statSync(path);
    const past = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    utimesSync(path, past, past);
    expect(hook(file)).toEqual(uncached);
    expect(statSync(path).ino).toBe(ino);
    expect(readFileSync(path).equals(written)).toBe(true);
    expect(statSync(path).mtimeMs).toBeGreaterThan(past.getTime());
  });

  it("rewrites a broken cache, printing nothing and judging the same", () => {
    const { dir, folder, hook, caches } = setup();
    const file = join(dir, "COMMIT_EDITMSG");
    writeFileSync(file, "Fix bug\n");
    const uncached = hook(file, { NODE_DISABLE_COMPILE_CACHE: "1" });
    expect(uncached.status).toBe(1);
    hook(file);
    const path = join(folder, caches()[0]!);
    writeFileSync(path, "not a code cache");
    expect(hook(file)).toEqual(uncached);
    expect(readFileSync(path, "utf8")).not.toBe("not a code cache");
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });

  it("refuses a cache damaged in the middle, which V8 would otherwise run and crash on", () => {
    // Bit rot or a bad sector keeps the file's length, and V8 checks that, its version and its
    // flags, but no checksum unless told to: the damaged bytecode then aborted every commit.
    const { dir, folder, hook, caches } = setup();
    const file = join(dir, "COMMIT_EDITMSG");
    writeFileSync(file, "Fix bug\n");
    const uncached = hook(file, { NODE_DISABLE_COMPILE_CACHE: "1" });
    hook(file);
    const path = join(folder, caches()[0]!);
    const written = readFileSync(path);
    for (const share of [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95]) {
      const damaged = Buffer.from(written);
      damaged.fill(0xde, Math.floor(damaged.length * share), Math.floor(damaged.length * share) + 8);
      writeFileSync(path, damaged);
      expect({ share, ...hook(file) }).toEqual({ share, ...uncached });
      expect(readFileSync(path).equals(damaged)).toBe(false);
    }
  });

  it("imports the ES module chunks through the executable: a Markdown body and a YAML config, cached or not", () => {
    const { dir, hook, caches } = setup();
    // A YAML config loads the yaml chunk, a link reference definition the remark-parse chunk.
    writeFileSync(join(dir, ".rationalerc.yml"), "threshold: 100\n");
    const file = join(dir, "COMMIT_EDITMSG");
    writeFileSync(file, "Retry webhook delivery when the receiver times out\n\nQueue a timed-out delivery for up to three retries, as the retry guide [1]\nsays.\n\n[1]: https://example.com/retry\n");
    const uncached = hook(file, { NODE_DISABLE_COMPILE_CACHE: "1" });
    expect(uncached.stderr).toBe("");
    expect(uncached.stdout).toMatch(/FAIL \(score \d+ is below 100\)/);
    expect(hook(file)).toEqual(uncached);
    expect(caches()).toHaveLength(1);
    expect(hook(file)).toEqual(uncached);
  });

  it("prunes the caches least recently used, not least recently written", () => {
    const { dir, folder, hook, caches } = setup();
    const file = join(dir, "COMMIT_EDITMSG");
    writeFileSync(file, GOOD_MESSAGE);
    expect(hook(file).status).toBe(0);
    const [mine] = caches();
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);
    utimesSync(join(folder, mine!), twoHoursAgo, twoHoursAgo);
    for (let index = 0; index < 15; index++) {
      const other = join(folder, `hook-v0.0.${index}-x64-0000000000000000-1-1.v8`);
      writeFileSync(other, "other");
      const hourAgo = new Date(Date.now() - 60 * 60_000 + index * 1000);
      utimesSync(other, hourAgo, hourAgo);
    }
    // A commit uses the cache; then one with other Node options writes a cache of its own and prunes.
    expect(hook(file).status).toBe(0);
    expect(hook(file, { NODE_OPTIONS: "--max-old-space-size=256" }).status).toBe(0);
    expect(caches()).toHaveLength(16);
    expect(caches()).toContain(mine);
  });

  it("keeps one cache for each set of Node options, so alternating them rewrites nothing", () => {
    const { dir, folder, hook, caches } = setup();
    const file = join(dir, "COMMIT_EDITMSG");
    writeFileSync(file, GOOD_MESSAGE);
    const plain = {};
    const tuned = { NODE_OPTIONS: "--max-old-space-size=256" };
    expect(hook(file, plain).status).toBe(0);
    expect(hook(file, tuned).status).toBe(0);
    expect(caches()).toHaveLength(2);
    const inodes = () => caches().map((name) => statSync(join(folder, name)).ino);
    const before = inodes();
    expect(hook(file, plain).status).toBe(0);
    expect(hook(file, tuned).status).toBe(0);
    expect(inodes()).toEqual(before);
  });

  it("keeps no cache where NODE_COMPILE_CACHE decides, or in a folder others can write", () => {
    const { dir, folder, hook, caches } = setup();
    const file = join(dir, "COMMIT_EDITMSG");
    writeFileSync(file, GOOD_MESSAGE);
    expect(hook(file, { NODE_COMPILE_CACHE: join(dir, "elsewhere") }).status).toBe(0);
    expect(caches()).toEqual([]);
    if (!ownsFiles) return;
    mkdirSync(folder, { recursive: true });
    chmodSync(folder, 0o777);
    expect(hook(file).status).toBe(0);
    expect(caches()).toEqual([]);
  });

  // Only root can give a folder to another user, as `sudo rationale …` or `sudo npm …` does.
  it.skipIf(!ownsFiles || process.getuid?.() !== 0)("a folder another user owns: judged without the cache, silently unless RATIONALE_DEBUG=1", () => {
    const { dir, folder, hook, caches } = setup();
    const file = join(dir, "COMMIT_EDITMSG");
    writeFileSync(file, GOOD_MESSAGE);
    const uncached = hook(file, { NODE_DISABLE_COMPILE_CACHE: "1" });
    const parent = join(folder, "..");
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    // Root runs these tests, so the folder goes to another uid instead: what a user sees of a
    // folder root made for them.
    chownSync(parent, 4242, 4242);
    expect(hook(file)).toEqual(uncached);
    expect(caches()).toEqual([]);
    const debug = hook(file, { RATIONALE_DEBUG: "1" });
    expect(debug.status).toBe(0);
    expect(debug.stdout).toBe(uncached.stdout);
    expect(debug.stderr).toBe(
      `rationale: debug: compiled code is not cached: ${parent} belongs to uid 4242, not to you (uid 0); ` +
        `remove it (rm -r ${parent}, with sudo when root owns it) and the next run makes it again, yours alone\n`,
    );
    // As the line says: removed, the next run makes the folder again and caches.
    rmSync(parent, { recursive: true });
    expect(hook(file, { RATIONALE_DEBUG: "1" }).stderr).toBe("");
    expect(caches()).toHaveLength(1);
  });

  it("leaves no temp file behind when the cache cannot be written", () => {
    // A full disk stops the write part-way; a directory where the cache goes stops the rename
    // after the temp file is written, the same failure on any file system.
    const { dir, folder, hook, caches } = setup();
    const file = join(dir, "COMMIT_EDITMSG");
    writeFileSync(file, GOOD_MESSAGE);
    const uncached = hook(file, { NODE_DISABLE_COMPILE_CACHE: "1" });
    hook(file);
    const path = join(folder, caches()[0]!);
    rmSync(path);
    mkdirSync(path);
    expect(hook(file)).toEqual(uncached);
    expect(hook(file)).toEqual(uncached);
    expect(readdirSync(folder).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("keeps the sixteen newest caches and removes temp files a killed run left", () => {
    const { dir, folder, hook, caches } = setup();
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    for (let index = 0; index < 20; index++) {
      const old = join(folder, `hook-v0.0.${index}-x64-0000000000000000-1-1.v8`);
      writeFileSync(old, "old");
      const time = new Date(Date.now() - (30 - index) * 60_000);
      utimesSync(old, time, time);
    }
    // A temp file of a run killed while writing: an old one goes, a fresh one may be another
    // hook's write under way and stays.
    const stale = join(folder, "hook-v0.0.1-x64-0000000000000000-1-1.v8.123.tmp");
    const fresh = join(folder, "hook-v0.0.1-x64-0000000000000000-1-1.v8.456.tmp");
    writeFileSync(stale, "half");
    writeFileSync(fresh, "half");
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    utimesSync(stale, hourAgo, hourAgo);
    const file = join(dir, "COMMIT_EDITMSG");
    writeFileSync(file, GOOD_MESSAGE);
    expect(hook(file).status).toBe(0);
    const left = caches();
    expect(left).toHaveLength(16);
    expect(left.filter((name) => name.startsWith(`hook-${process.version}-`))).toHaveLength(1);
    // The newest old ones stay.
    expect(left).toContain("hook-v0.0.19-x64-0000000000000000-1-1.v8");
    expect(left).not.toContain("hook-v0.0.4-x64-0000000000000000-1-1.v8");
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });

  it("runs every other command line as before, without a cache", () => {
    const { dir, folder, caches } = setup();
    const file = join(dir, "msg.txt");
    writeFileSync(file, GOOD_MESSAGE);
    expect(runCli(["lint", file], { cwd: dir }).status).toBe(0);
    expect(runCli(["--version"], { cwd: dir }).status).toBe(0);
    expect(caches()).toEqual([]);
    // Where Node has no compile cache of its own, nothing is made in the user's cache folder.
    if (typeof (module as { enableCompileCache?: unknown }).enableCompileCache !== "function") expect(existsSync(folder)).toBe(false);
  });
});
