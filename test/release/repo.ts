// Test helpers: temp git repositories with an isolated git configuration, and the CLI runner.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** A temp repository with its own HOME; `git()` runs with system and global config shut out. */
export interface TempRepo {
  dir: string;
  env: NodeJS.ProcessEnv;
  git(...args: string[]): string;
  write(path: string, text: string): void;
  cleanup(): void;
}

/** Creates an empty repository with user.name/email set, isolated from the machine's git config. */
export function makeRepo(): TempRepo {
  const base = mkdtempSync(join(tmpdir(), "rationale-release-test-"));
  const dir = join(base, "repo");
  const home = join(base, "home");
  mkdirSync(dir);
  mkdirSync(home);
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: "1", GIT_EDITOR: "true", NO_COLOR: "1" };
  // A test run from inside a git hook inherits these; they would point git at the project.
  for (const name of ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_CONFIG_GLOBAL", "GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"]) delete env[name];
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env, encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("config", "user.name", "Test User");
  git("config", "user.email", "test@example.com");
  git("config", "commit.gpgSign", "false");
  return {
    dir,
    env,
    git,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * How to run the CLI: the built `dist/cli.js` when it is newer than the release sources
 * (`npm test` builds first), else the TypeScript entry through tsx.
 */
export function cliCommand(): string[] {
  const dist = join(projectRoot, "dist", "cli.js");
  const sources = Math.max(newestMtime(join(projectRoot, "src", "release")), newestMtime(join(projectRoot, "src", "cli")));
  if (existsSync(dist) && statSync(dist).mtimeMs >= sources) return [process.execPath, dist];
  return [process.execPath, join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs"), join(projectRoot, "src", "cli", "main.ts")];
}

/** Runs `rationale ...args` in the repository and returns its exit status and output. */
export function runCli(repo: TempRepo, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const [command, ...prefix] = cliCommand();
  const child = spawnSync(command, [...prefix, ...args], { cwd: repo.dir, env: repo.env, encoding: "utf8" });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}
