// The commit-msg hook's own command line, `lint --edit [FILE]`, runs in dist/hook.cjs without commander;
// these tests check it answers exactly as the full CLI (dist/cli.mjs) does for the same message.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { spawnSync } from "node:child_process";
import { cpSync, lstatSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hookInvocation } from "../../src/cli/hook-args.js";
import { GOOD_MESSAGE, assertBuilt, cleanEnv, makeRepo, root, runCli, tempDir } from "./helpers.js";

vi.setConfig({ testTimeout: 60_000 });

describe("hookInvocation", () => {
  it("takes `lint --edit` and `lint --edit FILE`, as commander would parse them", () => {
    expect(hookInvocation(["lint", "--edit"])).toEqual({ edit: true, format: "text" });
    expect(hookInvocation(["lint", "--edit", ".git/COMMIT_EDITMSG"])).toEqual({ edit: ".git/COMMIT_EDITMSG", format: "text" });
  });

  it("takes `--quiet` after them, as users add it to the hook's line", () => {
    expect(hookInvocation(["lint", "--edit", "--quiet"])).toEqual({ edit: true, format: "text", quiet: true });
    expect(hookInvocation(["lint", "--edit", ".git/COMMIT_EDITMSG", "--quiet"])).toEqual({ edit: ".git/COMMIT_EDITMSG", format: "text", quiet: true });
  });

  it("leaves every other command line to commander", () => {
    for (const args of [
      [],
      ["lint"],
      ["lint", "msg.txt"],
      ["lint", "--edit", "--help"],
      ["lint", "--edit", "-"],
      ["lint", "--edit=msg.txt"],
      ["lint", "--edit", "msg.txt", "--format", "json"],
      ["lint", "--edit", "msg.txt", "--quiet", "--quiet"],
      ["lint", "--edit", "--quiet", "msg.txt"],
      ["lint", "--quiet", "--edit", "msg.txt"],
      ["lint", "--edit", "a.txt", "b.txt"],
      ["--edit", "msg.txt", "lint"],
      ["audit", "--edit"],
    ]) {
      expect(hookInvocation(args), args.join(" ")).toBeUndefined();
    }
  });
});

describe("the hook path and the full CLI agree", () => {
  let dir: string;
  /** A copy of dist/ without the full CLI (dist/cli.mjs): only the hook's own path can answer there. */
  let hookOnly: string;
  beforeAll(() => {
    assertBuilt();
    dir = tempDir();
    hookOnly = join(tempDir(), "dist");
    cpSync(join(root, "dist"), hookOnly, { recursive: true, verbatimSymlinks: true, filter: (path) => path !== join(root, "dist", "cli.mjs") && path !== join(root, "dist", "action") });
  });

  /**
   * Runs the hook's command line and the same request through commander (`--format text` is the
   * default), and the hook's line again where the full CLI is missing: were it handed to commander
   * too, the first comparison would hold whatever the hook's path does.
   */
  function both(name: string, content: string | Buffer, cwd = dir) {
    writeFileSync(join(cwd, name), content);
    // As git runs a hook: GIT_INDEX_FILE set, so a failure prints the recovery hint.
    const env = { GIT_INDEX_FILE: ".git/index" };
    const hook = runCli(["lint", "--edit", name], { cwd, env });
    const full = runCli(["lint", "--edit", name, "--format", "text"], { cwd, env });
    expect(hook).toEqual(full);
    const alone = spawnSync(process.execPath, [join(hookOnly, "cli.js"), "lint", "--edit", name], { cwd, env: cleanEnv(cwd, env), encoding: "utf8" });
    expect({ status: alone.status, stdout: alone.stdout, stderr: alone.stderr }).toEqual(hook);
    return hook;
  }

  it("dist/cli.js is a link to the CommonJS executable", () => {
    expect(lstatSync(join(root, "dist", "cli.js")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, "dist", "cli.js"))).toBe("cli.cjs");
  });

  it("leaves the rules' examples out of the hook's bundle and keeps them in the library", async () => {
    const { rules } = await import("../../src/index.js");
    // One example title of each kind, as written in the rule files.
    const titles = rules.flatMap((rule) => [rule.examples.valid[0]?.title, rule.examples.invalid[0]?.title]).filter((title): title is string => title !== undefined && title.length > 20);
    expect(titles.length).toBeGreaterThan(20);
    const hook = readFileSync(join(root, "dist", "hook.cjs"), "utf8");
    const library = readFileSync(join(root, "dist", "index.js"), "utf8");
    const inBundle = (text: string, title: string) => text.includes(JSON.stringify(title).slice(1, -1));
    expect(titles.filter((title) => inBundle(hook, title))).toEqual([]);
    expect(titles.filter((title) => !inBundle(library, title))).toEqual([]);
  });

  it("on a passing message and a failing one, with the recovery hint", () => {
    expect(both("good.txt", GOOD_MESSAGE).status).toBe(0);
    const bad = both("bad.txt", "Fix bug\n");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("git commit -e -F");
  });

  it("with --quiet: nothing on a pass, the full report and the recovery hint on a failure", () => {
    for (const [name, content, status] of [["good.txt", GOOD_MESSAGE, 0], ["bad.txt", "Fix bug\n", 1]] as const) {
      writeFileSync(join(dir, name), content);
      const env = { GIT_INDEX_FILE: ".git/index" };
      const hook = runCli(["lint", "--edit", name, "--quiet"], { cwd: dir, env });
      expect(hook.status).toBe(status);
      expect(hook).toEqual(runCli(["lint", "--quiet", "--edit", name, "--format", "text"], { cwd: dir, env }));
      const alone = spawnSync(process.execPath, [join(hookOnly, "cli.js"), "lint", "--edit", name, "--quiet"], { cwd: dir, env: cleanEnv(dir, env), encoding: "utf8" });
      expect({ status: alone.status, stdout: alone.stdout, stderr: alone.stderr }).toEqual(hook);
      if (status === 0) expect(hook.stdout).toBe("");
      else expect(hook.stderr).toContain("git commit -e -F");
    }
  });

  it("on a Markdown body that needs the full parser (remark, loaded from the ES module chunks)", () => {
    const body = [
      "Document how long webhook retries wait before giving up",
      "",
      "Users could not tell how long a failing delivery is retried, so they",
      "opened tickets asking whether events were lost:",
      "",
      "| try | delay |",
      "|-----|-------|",
      "| 1   | 10 s  |",
      "",
      "> Deliveries that still fail are kept for a week, see [the guide][guide].",
      "",
      "<details><summary>Log excerpt that is far longer than seventy-two characters on one line</summary></details>",
      "",
      "[guide]: https://example.com/webhooks",
      "",
    ].join("\n");
    expect(both("markdown.txt", body).stdout).toContain("markdown.txt  score");
  });

  it("with a YAML config (yaml, loaded from the ES module chunks) and with a bad one (exit 2)", () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, ".rationalerc.yaml"), "extends: strict\nthreshold: 100\n");
    // The reason alone, with the change only named in the summary: 93 points, under strict's 100.
    const reasonOnly = GOOD_MESSAGE.slice(0, GOOD_MESSAGE.indexOf("\n\nQueue")) + "\n";
    expect(both("good.txt", reasonOnly, cwd).status).toBe(1);
    writeFileSync(join(cwd, ".rationalerc.yaml"), "extends: nope\n");
    const run = both("good.txt", GOOD_MESSAGE, cwd);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("extends");
  });

  it("on a release commit without a body (init's hooks module, loaded from the ES module chunks)", () => {
    // Every commit's hook parses what the bundle holds: the hooks module and its shell reader,
    // needed for this rejection only, are a chunk of their own.
    const bundle = readFileSync(join(root, "dist", "hook.cjs"), "utf8");
    expect(bundle).toMatch(/__rationaleImport\("\.\/chunks\/hooks-[A-Z0-9]+\.mjs"\)/);
    expect(bundle).not.toContain("heredoc-tabs");
    const repo = makeRepo();
    expect(runCli(["init", "--release"], { cwd: repo.dir, home: repo.home }).status).toBe(0);
    const run = both("release.txt", "1.2.3\n", repo.dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("The prepare-commit-msg hook is installed");
  });

  it("on bad input: a missing file, binary content, CRLF", () => {
    const missing = runCli(["lint", "--edit", "nope.txt"], { cwd: dir });
    expect(missing).toEqual(runCli(["lint", "--edit", "nope.txt", "--format", "text"], { cwd: dir }));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^rationale: .*nope\.txt.*\n$/);
    expect(both("binary.txt", Buffer.from([0x46, 0x69, 0x78, 0x00, 0x0a])).status).toBe(2);
    expect(both("crlf.txt", GOOD_MESSAGE.replace(/\n/g, "\r\n")).status).toBe(0);
  });
});
