// Runs the bundled action (dist/action/index.js) as the runner would: a child process with
// INPUT_* variables, an event payload file and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fakeSha, pullRequestEvent, type FakeGitHub, type FakePull } from "./fake-github.js";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const BUNDLE = join(ROOT, "dist", "action", "index.js");

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** Workflow command lines (`::error ...::...`) printed on stdout. */
  commands: string[];
}

/** Parses a GITHUB_OUTPUT file written with `name<<delimiter` blocks (and plain `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      for (index++; index < lines.length && lines[index] !== heredoc[2]; index++) value.push(lines[index]);
      outputs[heredoc[1]] = value.join("\n");
    } else if (line.includes("=")) {
      outputs[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
    }
  }
  return outputs;
}

/** Runs the action once for `pull` against `fake`, with `inputs` as the workflow's `with:`. */
export async function runAction(
  fake: FakeGitHub,
  pull: FakePull,
  options: {
    inputs?: Record<string, string>;
    eventName?: string;
    headRepo?: string;
    env?: Record<string, string>;
    /** Fields to override in the event's pull_request (e.g. a stale `commits` count). */
    pullRequestPatch?: Record<string, unknown>;
  } = {},
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), "rationale-action-"));
  const eventPath = join(dir, "event.json");
  const event = pullRequestEvent(fake, pull, { headRepo: options.headRepo });
  Object.assign(event.pull_request as Record<string, unknown>, options.pullRequestPatch);
  writeFileSync(eventPath, JSON.stringify(event));
  const outputPath = join(dir, "output");
  const summaryPath = join(dir, "summary.md");
  writeFileSync(outputPath, "");
  writeFileSync(summaryPath, "");
  const inputs: Record<string, string> = {
    "github-token": fake.token,
    config: "",
    "fail-under": "",
    comment: "on-failure",
    "check-pr-message": "true",
    release: "off",
    ...options.inputs,
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: options.eventName ?? "pull_request",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`,
    GITHUB_API_URL: fake.url,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_SHA: fakeSha(`merge:${pull.number}`),
    // The workflow's name and the job's id, which key the report comment (DEFAULT_KEY).
    GITHUB_WORKFLOW: "commit messages",
    GITHUB_JOB: "rationale",
    RATIONALE_RETRY_BASE_MS: "1",
    RATIONALE_RETRY_MAX_MS: "5",
    ...options.env,
  };
  // The runner's rule: INPUT_ + name upper-cased with spaces as underscores; hyphens stay.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
  const child = spawn(process.execPath, [BUNDLE], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((done) => child.on("close", done));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputPath, "utf8")),
    summary: readFileSync(summaryPath, "utf8"),
    commands: stdout.split("\n").filter((line) => line.startsWith("::")),
  };
}

/** The comment key of a run with the harness's GITHUB_WORKFLOW and GITHUB_JOB and no comment-key input. */
export const DEFAULT_KEY = "commit messages/rationale";

export const GOOD_MESSAGE =
  "Retry chunk uploads after a network timeout\n\n" +
  "Uploads failed on flaky hotel Wi-Fi because a single timeout aborted the\n" +
  "whole batch. Retry each chunk up to three times with backoff so a blip\n" +
  "does not lose the upload.\n\n" +
  "Refs: ABC-123\n";

export const BAD_MESSAGE = "fix stuff\n";

let pullCounter = 0;

/** A pull request with commits made from `messages`, added to `fake`. */
export function addPull(
  fake: FakeGitHub,
  messages: string[],
  options: Partial<Pick<FakePull, "title" | "body" | "number">> & { headRef?: string } = {},
): FakePull {
  const number = options.number ?? 40 + ++pullCounter;
  const commits = messages.map((message, index) => ({ sha: fakeSha(`${number}:${index}:${message}`), message }));
  const pull: FakePull = {
    number,
    title: options.title ?? "Retry chunk uploads after a network timeout",
    body:
      options.body === undefined
        ? "Uploads failed on flaky hotel Wi-Fi because a single timeout aborted the\nwhole batch. Retry each chunk up to three times with backoff so a blip\ndoes not lose the upload.\n\nRefs: ABC-123"
        : options.body,
    base: { ref: "main", sha: fakeSha(`base:${number}`) },
    head: { ref: options.headRef ?? `feature/upload-${number}`, sha: commits.at(-1)?.sha ?? fakeSha(`head:${number}`) },
    commits,
    state: "open",
    draft: false,
    merged: false,
    mergeable: true,
    mergeableState: "clean",
  };
  fake.pulls.set(number, pull);
  return pull;
}
