// readCommentChar() reads git's config files directly; these tests hold it to what git itself answers.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { commitCleanupMode, findGitDir, readCommentChar, readCommentCharFromFiles, readCommitTemplate } from "../../src/cli/git.js";
import { spawnSync } from "../../src/cli/spawn.js";

// Passed through, and recorded: which files the reader opens, and whether it runs git.
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  return { ...fs, readFileSync: vi.fn(fs.readFileSync) };
});
vi.mock("../../src/cli/spawn.js", async (importOriginal) => {
  const spawn = await importOriginal<typeof import("../../src/cli/spawn.js")>();
  return { ...spawn, spawnSync: vi.fn(spawn.spawnSync) };
});

function makeRepo(): { dir: string; home: string; env: NodeJS.ProcessEnv } {
  const root = mkdtempSync(join(tmpdir(), "rationale-gitconfig-"));
  const dir = join(root, "repo");
  const home = join(root, "home");
  mkdirSync(dir);
  mkdirSync(home);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: "1" };
  execFileSync("git", ["init", "-q", dir], { env });
  return { dir, home, env };
}

function git(args: string[], cwd: string, env: NodeJS.ProcessEnv): string {
  return execFileSync("git", args, { cwd, env, encoding: "utf8" });
}

/** What git itself says the comment char is (the same reading as before this change). */
function gitAnswer(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  let out = "";
  try {
    out = git(["config", "--get-regexp", "^core\\.comment(char|string)$"], cwd, env);
  } catch {
    return undefined;
  }
  let value: string | undefined;
  let fromString = false;
  for (const line of out.split("\n")) {
    const match = /^core\.comment(char|string) (.*)$/i.exec(line);
    if (!match) continue;
    const isString = match[1].toLowerCase() === "string";
    if (isString || !fromString) value = match[2];
    fromString ||= isString;
  }
  return value === "" ? undefined : value;
}

describe("readCommentChar", () => {
  it("agrees with git for values set by `git config`, without running git", () => {
    for (const value of [";", "#", "%", "auto", "//", "@", "!", "\\", '"']) {
      const repo = makeRepo();
      git(["config", "core.commentChar", value], repo.dir, repo.env);
      const direct = readCommentCharFromFiles(join(repo.dir, ".git"), repo.env);
      expect(direct, `direct read of commentChar ${value}`).not.toBeNull();
      expect(direct?.value).toBe(gitAnswer(repo.dir, repo.env));
      expect(direct?.value).toBe(value);
    }
  });

  it("lets commentString win over commentChar and the repository win over the global file", () => {
    const repo = makeRepo();
    writeFileSync(join(repo.home, ".gitconfig"), "[core]\n\tcommentChar = %\n");
    expect(readCommentCharFromFiles(join(repo.dir, ".git"), repo.env)?.value).toBe("%");
    git(["config", "core.commentChar", ";"], repo.dir, repo.env);
    expect(readCommentCharFromFiles(join(repo.dir, ".git"), repo.env)?.value).toBe(";");
    git(["config", "--global", "core.commentString", "//"], repo.dir, repo.env);
    expect(readCommentCharFromFiles(join(repo.dir, ".git"), repo.env)?.value).toBe("//");
    expect(gitAnswer(repo.dir, repo.env)).toBe("//");
  });

  it("reads hand-written files the way git does: case, comments, a key on the section line", () => {
    const repo = makeRepo();
    const config = join(repo.dir, ".git", "config");
    const cases: [string, string | undefined][] = [
      ["[CORE]\n  CommentChar = % ; the percent sign\n", "%"],
      ['[core] commentchar = ";" # quoted\n', ";"],
      ['[core "x"]\n\tcommentChar = %\n', undefined],
      ["[core]\n\tcommentChar =\n", undefined],
      ["[user]\n\tcommentChar = %\n", undefined],
    ];
    for (const [text, expected] of cases) {
      writeFileSync(config, `[core]\n\trepositoryformatversion = 0\n${text}`);
      expect(gitAnswer(repo.dir, repo.env), text).toBe(expected);
      expect(readCommentChar(repo.dir, findGitDir(repo.dir), repo.env), text).toBe(expected);
    }
  });

  it("asks git when only git can tell: includes and settings passed with git -c", () => {
    const repo = makeRepo();
    const extra = join(repo.home, "extra.gitconfig");
    writeFileSync(extra, "[core]\n\tcommentChar = %\n");
    git(["config", "include.path", extra], repo.dir, repo.env);
    expect(readCommentCharFromFiles(join(repo.dir, ".git"), repo.env)).toBeNull();
    expect(readCommentChar(repo.dir, findGitDir(repo.dir), repo.env)).toBe("%");
    const viaEnv = { ...repo.env, GIT_CONFIG_PARAMETERS: "'core.commentchar'='@'" };
    expect(readCommentCharFromFiles(join(repo.dir, ".git"), viaEnv)).toBeNull();
  });

  it("finds the main repository's config from a linked worktree", () => {
    const repo = makeRepo();
    git(["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "Start"], repo.dir, repo.env);
    git(["config", "core.commentChar", ";"], repo.dir, repo.env);
    const worktree = join(repo.dir, "..", "wt");
    git(["worktree", "add", "-q", worktree], repo.dir, repo.env);
    const location = findGitDir(worktree);
    expect(location?.gitDir).toMatch(/worktrees[/\\]wt$/);
    expect(readCommentCharFromFiles(location!.gitDir, repo.env)?.value).toBe(";");
  });
});

describe("commitCleanupMode", () => {
  it("is default when no config file can set it, and asks git otherwise (a local setting, an include)", () => {
    const repo = makeRepo();
    expect(commitCleanupMode(repo.dir, findGitDir(repo.dir), repo.env)).toBe("default");
    git(["config", "commit.cleanup", "Whitespace"], repo.dir, repo.env);
    expect(commitCleanupMode(repo.dir, findGitDir(repo.dir), repo.env)).toBe("whitespace");
    const included = makeRepo();
    const extra = join(included.home, "extra.gitconfig");
    writeFileSync(extra, "[commit]\n\tcleanup = scissors\n");
    git(["config", "include.path", extra], included.dir, included.env);
    expect(commitCleanupMode(included.dir, findGitDir(included.dir), included.env)).toBe("scissors");
  });
});

describe("readCommitTemplate", () => {
  it("is undefined when unset, reads a path relative to the working tree's top or from ~, and a missing file is undefined", () => {
    const repo = makeRepo();
    expect(readCommitTemplate(repo.dir, findGitDir(repo.dir), repo.env)).toBeUndefined();
    writeFileSync(join(repo.dir, ".gitmessage"), "\n## Why\n");
    git(["config", "commit.template", ".gitmessage"], repo.dir, repo.env);
    mkdirSync(join(repo.dir, "sub"));
    const sub = join(repo.dir, "sub");
    expect(readCommitTemplate(sub, findGitDir(sub), repo.env)).toBe("\n## Why\n");
    writeFileSync(join(repo.home, "template.txt"), "# global hint\n");
    git(["config", "commit.template", "~/template.txt"], repo.dir, repo.env);
    // git expands "~" from HOME, which the test's env sets; the call inherits this process's env.
    const previous = process.env.HOME;
    process.env.HOME = repo.home;
    try {
      expect(readCommitTemplate(repo.dir, findGitDir(repo.dir), repo.env)).toBe("# global hint\n");
    } finally {
      process.env.HOME = previous;
    }
    git(["config", "commit.template", "missing.txt"], repo.dir, repo.env);
    expect(readCommitTemplate(repo.dir, findGitDir(repo.dir), repo.env)).toBeUndefined();
  });
});

describe("the system config file", () => {
  /** A repository whose env reads the system file (no GIT_CONFIG_NOSYSTEM) and runs `git` from PATH. */
  function systemRepo(path: string): { dir: string; env: NodeJS.ProcessEnv } {
    const repo = makeRepo();
    const env: NodeJS.ProcessEnv = { PATH: path, HOME: repo.home };
    return { dir: repo.dir, env };
  }

  const realGit = execFileSync("sh", ["-c", 'readlink -f "$(command -v git)"'], { encoding: "utf8" }).trim();
  const distributionGit = process.platform === "linux" && /^\/usr\/bin\/git$|^\/usr\/lib(?:exec)?\/git-core\/git$/.test(realGit);
  if (!distributionGit) console.warn(`SKIPPED: git on PATH is ${realGit}, not a distribution package; reading /etc/gitconfig directly is not checked`);

  it.skipIf(!distributionGit)("is /etc/gitconfig for a distribution's git, read without running git", () => {
    const repo = systemRepo(process.env.PATH!);
    for (const env of [repo.env, { ...repo.env, GIT_EXEC_PATH: "/usr/lib/git-core" }]) {
      vi.mocked(readFileSync).mockClear();
      vi.mocked(spawnSync).mockClear();
      expect(readCommentCharFromFiles(join(repo.dir, ".git"), env)).toEqual({ value: gitAnswer(repo.dir, env) });
      expect(vi.mocked(readFileSync).mock.calls.map(([path]) => path)).toContain("/etc/gitconfig");
      expect(vi.mocked(spawnSync)).not.toHaveBeenCalled();
    }
  });

  it("is left to git when the git that runs is installed elsewhere (Homebrew, a source build)", () => {
    const root = mkdtempSync(join(tmpdir(), "rationale-prefix-"));
    const bin = join(root, "opt", "homebrew", "bin");
    mkdirSync(bin, { recursive: true });
    // A git under another prefix: the real one behind a wrapper, so asking it still works.
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    writeFileSync(join(bin, "git"), `#!/bin/sh\nexec ${JSON.stringify(realGit)} "$@"\n`, { mode: 0o755 });
    const repo = systemRepo(`${bin}:${process.env.PATH}`);
    git(["config", "core.commentChar", ";"], repo.dir, repo.env);
    expect(readCommentCharFromFiles(join(repo.dir, ".git"), repo.env)).toBeNull();
    expect(readCommentChar(repo.dir, findGitDir(repo.dir), repo.env)).toBe(";");
    expect(readCommentCharFromFiles(join(repo.dir, ".git"), { ...repo.env, GIT_EXEC_PATH: join(root, "opt", "homebrew", "libexec", "git-core") })).toBeNull();
    // An explicit GIT_CONFIG_SYSTEM is read directly wherever git lives.
    const system = join(root, "gitconfig");
    writeFileSync(system, "[core]\n\tcommentChar = %\n");
    expect(readCommentCharFromFiles(join(repo.dir, ".git"), { ...repo.env, GIT_CONFIG_SYSTEM: system })?.value).toBe(";");
    git(["config", "--unset", "core.commentChar"], repo.dir, repo.env);
    expect(readCommentCharFromFiles(join(repo.dir, ".git"), { ...repo.env, GIT_CONFIG_SYSTEM: system })?.value).toBe("%");
  });
});
