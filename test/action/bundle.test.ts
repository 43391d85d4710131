// The committed action bundle must be what the sources build to: a stale dist/ fails here.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUNDLE, ROOT } from "./harness.js";

describe("dist/action/index.js", { timeout: 120_000 }, () => {
  it("matches a fresh build of src/action/main.ts (run `node scripts/build-action.mjs` and commit it)", () => {
    expect(existsSync(BUNDLE)).toBe(true);
    const outfile = join(mkdtempSync(join(tmpdir(), "rationale-action-build-")), "index.js");
    const build = spawnSync(process.execPath, [join(ROOT, "scripts", "build-action.mjs"), "--outfile", outfile], { cwd: ROOT, encoding: "utf8" });
    expect(build.status, build.stderr).toBe(0);
    const fresh = readFileSync(outfile, "utf8");
    // `npm test` rebuilds dist/ before the tests, so the working-tree file is always fresh there;
    // the copy git holds (the index: HEAD in a clean clone, or what is staged) is the one that
    // ships. Untracked (not committed yet): compare the working tree.
    const tracked = spawnSync("git", ["ls-files", "--error-unmatch", "dist/action/index.js"], { cwd: ROOT, encoding: "utf8" }).status === 0;
    const committed = tracked
      ? spawnSync("git", ["show", ":dist/action/index.js"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).stdout
      : readFileSync(BUNDLE, "utf8");
    expect(committed === fresh, `dist/action/index.js${tracked ? " in git" : ""} is stale: run \`node scripts/build-action.mjs\` and commit dist/action/index.js`).toBe(true);
  });

  it("is declared by action.yml as a node24 JavaScript action with the documented inputs and outputs", async () => {
    const { parse } = await import("yaml");
    const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as {
      runs: { using: string; main: string };
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, unknown>;
    };
    expect(action.runs).toEqual({ using: "node24", main: "dist/action/index.js" });
    expect(Object.keys(action.inputs)).toEqual(["github-token", "config", "fail-under", "comment", "comment-key", "check-pr-message", "release"]);
    expect(action.inputs["github-token"].default).toBe("${{ github.token }}");
    expect(action.inputs.comment.default).toBe("on-failure");
    // Empty: the workflow and job, which the action reads from the runner's variables.
    expect(action.inputs["comment-key"].default).toBe("");
    expect(action.inputs["check-pr-message"].default).toBe("true");
    expect(action.inputs.release.default).toBe("off");
    expect(Object.keys(action.outputs)).toEqual(["score", "result"]);
  });
});
