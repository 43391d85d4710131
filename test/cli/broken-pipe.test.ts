// A reader of standard output that stops early (`| head`) never turns a run into a pass.
import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { join } from "node:path";
import { assertBuilt, cleanEnv, cli, GOOD_MESSAGE, makeRepo, type TempRepo } from "./helpers.js";

vi.setConfig({ testTimeout: 60_000 });

let repo: TempRepo;

beforeAll(() => {
  assertBuilt();
  repo = makeRepo();
  // Enough failing commits that the report outlasts any pipe buffer: one git fast-import.
  let stream = "";
  for (let i = 0; i < 2000; i++) {
    const message = `Fix bug ${i}\n`;
    const from = i === 0 ? `from ${repo.git(["rev-parse", "HEAD"]).stdout.trim()}\n` : "";
    stream += `commit refs/heads/main\ncommitter T <t@example.com> ${1700000000 + i} +0000\ndata ${message.length}\n${message}${from}\n`;
  }
  repo.git(["fast-import", "--quiet"], { input: stream });
  repo.write("vague.txt", "Fix bug\n");
  repo.write("good.txt", GOOD_MESSAGE);
});

/**
 * Runs the CLI with its standard output a pipe whose reader is gone before the first write, as
 * `rationale ... | head -0` or a pager quit at once; resolves with the exit code and stderr.
 */
function runWithReaderGone(args: string[], stream: "stdout" | "stderr" = "stdout", cwd = repo.dir): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: cleanEnv(repo.home), stdio: ["ignore", "pipe", "pipe"] });
    child[stream].destroy();
    let stderr = "";
    if (stream === "stdout") child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

describe("standard output closed by its reader", () => {
  it("ends lint --commits quietly with 141, not the 0 of a range that passed", async () => {
    const run = await runWithReaderGone(["lint", "--commits", "HEAD~2000..HEAD"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(141);
  });

  it("ends an audit before its verdict with 141, not 0, whatever --fail-under", async () => {
    const run = await runWithReaderGone(["audit", "--format", "jsonl", "--no-progress", "--fail-under", "99"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(141);
  });

  it("keeps the verdict of a single message, judged before its report was written", async () => {
    expect(await runWithReaderGone(["lint", "vague.txt"])).toEqual({ status: 1, stderr: "" });
    expect(await runWithReaderGone(["lint", "good.txt"])).toEqual({ status: 0, stderr: "" });
  });

  it("keeps help's 0", async () => {
    expect(await runWithReaderGone(["--help"])).toEqual({ status: 0, stderr: "" });
  });
});

describe("standard error closed by its reader", () => {
  it("keeps a usage error's 2, not the 1 of a failing message", async () => {
    expect((await runWithReaderGone(["lint", "nosuch.txt"], "stderr")).status).toBe(2);
    expect((await runWithReaderGone(["audit", "--nosuch"], "stderr")).status).toBe(2);
  });

  it("keeps a passing message's 0 when a note on stderr cannot be written", async () => {
    // A script config beside the run gets a note on stderr; the message still passes.
    repo.write("scripted/rationale.config.js", "export default {};\n");
    expect((await runWithReaderGone(["lint", "../good.txt"], "stderr", join(repo.dir, "scripted"))).status).toBe(0);
  });
});
