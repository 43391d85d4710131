// spawnSync loads node:child_process on its first call, on Node with and without getBuiltinModule.
import { afterEach, describe, expect, it, vi } from "vitest";

const original = process.getBuiltinModule;
afterEach(() => {
  process.getBuiltinModule = original;
  vi.resetModules();
});

describe("spawnSync loaded on first use", () => {
  it("runs a command through process.getBuiltinModule where Node has it", async () => {
    const { spawnSync } = await import("../../src/cli/spawn.js");
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write('ok')"], { encoding: "utf8" });
    expect(child.status).toBe(0);
    expect(child.stdout).toBe("ok");
  });

  it("falls back to a require where Node has no getBuiltinModule (before 20.16)", async () => {
    vi.resetModules();
    (process as { getBuiltinModule?: unknown }).getBuiltinModule = undefined;
    const { spawnSync } = await import("../../src/cli/spawn.js");
    const child = spawnSync(process.execPath, ["-e", "process.exit(3)"]);
    expect(child.status).toBe(3);
  });
});
