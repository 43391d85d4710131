// Errors told by git's text read the same whatever language the user's git speaks.
import { spawnSync } from "node:child_process";
import { describe, expect, it, vi } from "vitest";
import { cleanEnv, makeRepo, runCli, tempDir } from "./helpers.js";

vi.setConfig({ testTimeout: 60_000 });

/**
 * An environment under which this machine's git writes its messages in German, or undefined
 * when git has no German translation here (the tests below then cannot tell the difference).
 * `de_DE.UTF-8` where that locale is installed; else `C.UTF-8` with `LANGUAGE=de`, which
 * gettext also follows.
 */
function germanGit(): Record<string, string> | undefined {
  const outside = tempDir();
  for (const locale of ["de_DE.UTF-8", "C.UTF-8"]) {
    const env = { LANG: "de_DE.UTF-8", LC_ALL: locale, LANGUAGE: "de" };
    const probe = spawnSync("git", ["rev-parse", "--git-dir"], { cwd: outside, env: cleanEnv(outside, { ...env, GIT_CEILING_DIRECTORIES: outside.replace(/\/[^/]+$/, "") }), encoding: "utf8" });
    if (probe.status !== 0 && !/not a git repository/.test(probe.stderr)) return env;
  }
  return undefined;
}

const german = germanGit();

describe.skipIf(german === undefined)("with git speaking German (LANG=de_DE.UTF-8)", () => {
  const env = german!;

  it.each([
    [["audit", "--no-progress"], "; run rationale audit in your repository"],
    [["lint", "--commits", "HEAD"], "; run rationale lint --commits in your repository"],
    [["lint", "--commit", "HEAD"], "; --commit HEAD reads the commit from the repository it is run in"],
    [["release", "compose"], "; run rationale release in your repository"],
  ])("rationale %j outside a repository says so in one line (exit 2)", (args, hint) => {
    const outside = tempDir();
    const run = runCli(args, { cwd: outside, env: { ...env, GIT_CEILING_DIRECTORIES: outside.replace(/\/[^/]+$/, "") } });
    expect(run.stderr).toBe(`rationale: not a git repository: ${outside}${hint}\n`);
    expect(run.status).toBe(2);
  });

  it("names a path outside the repository as the option that gave it (exit 2)", () => {
    const repo = makeRepo();
    const audit = runCli(["audit", "--no-progress", "--path", "/"], { cwd: repo.dir, home: repo.home, env });
    expect(audit.stderr).toBe(`rationale: --path / is outside the repository at ${repo.dir}; give a path inside it, from the current directory or absolute. See: rationale audit --help\n`);
    expect(audit.status).toBe(2);
    const lint = runCli(["lint", "--commits", "HEAD", "--", "/"], { cwd: repo.dir, home: repo.home, env });
    expect(lint.stderr).toBe(`rationale: the path / after -- is outside the repository at ${repo.dir}; give a path inside it, from the current directory or absolute. See: rationale lint --help\n`);
    expect(lint.status).toBe(2);
  });
});
