// Temp git repositories and a runner for the built CLI, shared by the audit tests.
import { execFileSync, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const cli = join(root, "dist/cli.js");
export const sharedBench = resolve(root, "../shared/bench");

/** Environment for git in tests: fixed identity, no user or system config, no repository discovery above temp dirs. */
export const gitEnv: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: "Test Author",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Test Author",
  GIT_COMMITTER_EMAIL: "test@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
  GIT_CEILING_DIRECTORIES: tmpdir(),
  NO_COLOR: "1",
};

export function tempDir(prefix = "rationale-audit-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function git(cwd: string, args: string[], input?: string | Buffer): string {
  return execFileSync("git", args, { cwd, env: gitEnv, input, encoding: "utf8", maxBuffer: 1 << 30 });
}

/** One commit of a hand-made repository. */
export interface CommitSpec {
  /** The message, as bytes when it must not be UTF-8. */
  message: string | Buffer;
  /** Author and committer date, e.g. "2024-03-01T12:00:00+00:00". */
  date?: string;
  /** Files to write before committing (default: a counter file). */
  files?: Record<string, string>;
  /** Extra `git -c` settings for the commit (e.g. i18n.commitEncoding). */
  config?: string[];
}

/** Creates a repository with the given commits, oldest first, and returns its path. */
export function makeRepo(commits: CommitSpec[], dir = tempDir()): string {
  mkdirSync(dir, { recursive: true });
  git(dir, ["init", "-q", "-b", "main"]);
  commits.forEach((commit, index) => {
    const files = commit.files ?? { "counter.txt": `${index}\n` };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    git(dir, ["add", "-A"]);
    const messageFile = join(dir, ".git", "MSG");
    writeFileSync(messageFile, commit.message);
    const date = commit.date ?? `2024-01-${String((index % 28) + 1).padStart(2, "0")}T12:00:00+00:00`;
    const settings = (commit.config ?? []).flatMap((c) => ["-c", c]);
    execFileSync("git", [...settings, "commit", "-q", "--allow-empty", "--cleanup=verbatim", "-F", messageFile], {
      cwd: dir,
      env: { ...gitEnv, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
  });
  return dir;
}

/** Runs the built CLI: `node dist/cli.js ARGS` in `cwd`. */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, user: { uid?: number; gid?: number } = {}): SpawnSyncReturns<string> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` before these tests`);
  return spawnSync(process.execPath, [cli, ...args], { cwd, env: { ...gitEnv, ...env }, ...user, encoding: "utf8", maxBuffer: 1 << 30 });
}

/**
 * Runs the built CLI as a user without write access to files it does not own. Permission
 * errors are only observable that way: root writes to read-only files and directories anyway.
 * Under root (CI containers) the CLI runs as `nobody` (uid 65534), which needs every directory
 * on the way readable (`openToOthers`) and git told to trust a repository it does not own.
 */
export function runCliUnprivileged(args: string[], cwd: string): SpawnSyncReturns<string> {
  if (process.getuid?.() !== 0) return runCli(args, cwd);
  const env = { HOME: tmpdir(), GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "safe.directory", GIT_CONFIG_VALUE_0: "*" };
  return runCli(args, cwd, env, { uid: 65534, gid: 65534 });
}

/** Makes temp directories readable and searchable by other users, for `runCliUnprivileged`. */
export function openToOthers(...dirs: string[]): void {
  // The run's own temp root (test/support/temp-root.ts) is private like every mkdtemp directory.
  if (basename(tmpdir()).startsWith("rationale-tests-")) chmodSync(tmpdir(), 0o755);
  for (const dir of dirs) chmodSync(dir, 0o755);
}

/** Parses the jsonl format into commit lines and the final summary line. */
export function parseJsonl(text: string): { commits: Record<string, any>[]; summary: Record<string, any> } {
  const lines = text.trimEnd().split("\n").map((line) => JSON.parse(line));
  const last = lines.pop();
  return { commits: lines, summary: last.summary };
}

/** Good, specific messages and vague ones, for building histories with known content. */
export const GOOD_MESSAGE =
  "Retry uploads when the storage node times out\n\n" +
  "Uploads failed for good on the first timeout because the client gave up after one try,\n" +
  "so users lost their work when a node restarted. Retry up to three times with backoff,\n" +
  "and report the last error if every attempt fails.\n";
export const VAGUE_MESSAGE = "Fix bug\n";
