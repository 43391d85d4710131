// Shared helpers for CLI and end-to-end tests: run the built dist/cli.js, make temp dirs and git repos.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root, from this file's location. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** The built CLI the tests drive, as users and hooks run it. */
export const cli = join(root, "dist", "cli.js");

/** Fails loudly when the CLI has not been built (npm test builds first). */
export function assertBuilt(): void {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` before these tests`);
}

/** A fresh temp directory (realpath, so paths compare equal to what git prints). */
export function tempDir(prefix = "rationale-test-"): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

/** An environment isolated from the machine's git and colour settings. */
export function cleanEnv(home: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith("GIT_") || key === "NO_COLOR" || key === "FORCE_COLOR" || key === "RATIONALE_DEBUG" || key === "CI") delete env[key];
  }
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    // The hook's code cache (src/cli/code-cache.ts) goes to each test's own home.
    XDG_CACHE_HOME: join(home, ".cache"),
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_AUTHOR_DATE: "2024-01-01T00:00:00Z",
    GIT_COMMITTER_DATE: "2024-01-01T00:00:00Z",
  });
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function toResult(child: SpawnSyncReturns<string>): RunResult {
  if (child.error) throw child.error;
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Runs `node dist/cli.js ARGS` in `cwd` with an isolated environment. */
export function runCli(
  args: string[],
  options: { cwd: string; input?: string | Buffer; env?: Record<string, string | undefined>; home?: string },
): RunResult {
  const env = cleanEnv(options.home ?? options.cwd, options.env);
  return toResult(
    spawnSync(process.execPath, [cli, ...args], { cwd: options.cwd, input: options.input, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }),
  );
}

/** Runs git in `cwd` with the isolated environment; throws with git's output when it fails and `check` is set. */
export function git(
  cwd: string,
  args: string[],
  options: { home: string; env?: Record<string, string | undefined>; check?: boolean; input?: string } = { home: cwd },
): RunResult {
  const result = toResult(
    spawnSync("git", args, { cwd, env: cleanEnv(options.home, options.env), encoding: "utf8", input: options.input }),
  );
  if (options.check !== false && result.status !== 0) {
    throw new Error(`git ${args.join(" ")} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  }
  return result;
}

/** A temp git repository with an identity set, an initial commit, and its own HOME. */
export interface TempRepo {
  dir: string;
  home: string;
  git(args: string[], options?: { env?: Record<string, string | undefined>; check?: boolean; input?: string }): RunResult;
  write(path: string, content: string | Buffer): string;
}

/** Creates a git repository in a temp dir (branch `main`, user set, one commit made without hooks). */
export function makeRepo(): TempRepo {
  const base = tempDir("rationale-repo-");
  const home = join(base, "home");
  const dir = join(base, "repo");
  mkdirSync(home);
  mkdirSync(dir);
  const repo: TempRepo = {
    dir,
    home,
    git: (args, options = {}) => git(dir, args, { home, ...options }),
    write(path, content) {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
      return full;
    },
  };
  repo.git(["init", "-q", "-b", "main"]);
  repo.git(["config", "user.name", "Test Author"]);
  repo.git(["config", "user.email", "author@example.com"]);
  repo.write("README.md", "# demo\n");
  repo.git(["add", "README.md"]);
  repo.git(["commit", "-q", "--no-verify", "-m", "Add the project readme\n\nStart the repository with a readme so that the tests have a history to work on."]);
  return repo;
}

/** Writes an executable shell script. */
export function writeScript(path: string, body: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** A message that passes the default configuration: specific summary, why and what in the body. */
export const GOOD_MESSAGE = `Retry webhook delivery when the receiver times out

Deliveries to slow receivers were dropped after the first timeout, so
customers missed order events whenever their endpoint was busy.

Queue a timed-out delivery for up to three retries with exponential
backoff and record each attempt in the delivery log.
`;

/**
 * A good message whose summary starts with "#": it passes only when the comment char is not
 * "#" (with "#" the summary is dropped as a comment and the body's first line fails as summary).
 */
export const HASH_SUMMARY_MESSAGE = GOOD_MESSAGE.replace(/^/, "#4821: ");

/** Escape sequences that would mean colour leaked into the output. */
export const ANSI = /\u001b\[/;
