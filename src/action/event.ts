// Reads the pull request the workflow runs for from the event payload the runner saved.
import { readFileSync } from "node:fs";
import { UsageError } from "../types.js";
import type { RepoRef } from "./github.js";

/** The pull request fields the action uses. */
export interface PullInfo {
  number: number;
  title: string;
  body: string | null;
  baseSha: string;
  baseRef: string;
  headSha: string;
  headRef: string;
  /** Number of commits as the payload counts them. */
  commitCount?: number;
  /** True when the head branch lives in another repository (a fork). */
  fromFork: boolean;
  /** The head branch's repository (owner/repo), when the payload names it (a deleted fork does not). */
  headRepo?: string;
  /** The login of the account that opened the pull request, when that account is a bot (dependabot[bot]). */
  openedByBot?: string;
  /** The base repository's default squash merge commit message, when the payload says it. */
  squashMergeMessage?: SquashMergeMessage;
}

/**
 * What a squash merge's commit message defaults to, as the repository's settings say
 * (`squash_merge_commit_message`): the description (`PR_BODY`, "Default to pull request title and
 * description"), the branch's commit messages, or nothing.
 */
export type SquashMergeMessage = "PR_BODY" | "COMMIT_MESSAGES" | "BLANK";

/** `value` when it is one of the squash_merge_commit_message values, else undefined (absent, or a value this version does not know). */
export function squashMergeMessageOf(value: unknown): SquashMergeMessage | undefined {
  return value === "PR_BODY" || value === "COMMIT_MESSAGES" || value === "BLANK" ? value : undefined;
}

/** What the event gives the action: the repository and, for pull request events, the pull request. */
export interface EventContext {
  name: string;
  repo: RepoRef;
  pull: PullInfo | null;
}

interface PullPayload {
  number?: number;
  user?: { login?: string; type?: string } | null;
  title?: string;
  body?: string | null;
  commits?: number;
  base?: { sha?: string; ref?: string; repo?: { full_name?: string; squash_merge_commit_message?: unknown } };
  head?: { sha?: string; ref?: string; repo?: { full_name?: string } | null };
}

/**
 * Reads GITHUB_EVENT_PATH and GITHUB_REPOSITORY. `pull` is null for events other than
 * pull_request and pull_request_target (the action then has nothing to judge).
 */
export function readEvent(env: NodeJS.ProcessEnv): EventContext {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) throw new UsageError("GITHUB_EVENT_PATH is not set: run the action in a GitHub workflow");
  let payload: { pull_request?: PullPayload; repository?: { full_name?: string; squash_merge_commit_message?: unknown } };
  try {
    payload = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read the event payload ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const full = env.GITHUB_REPOSITORY || payload.repository?.full_name || "";
  const [owner, repo] = full.split("/");
  if (!owner || !repo) throw new UsageError("GITHUB_REPOSITORY is not set to owner/repo");
  const name = env.GITHUB_EVENT_NAME ?? "";
  const pr = payload.pull_request;
  if (!pr || (name !== "" && name !== "pull_request" && name !== "pull_request_target")) return { name, repo: { owner, repo }, pull: null };
  if (typeof pr.number !== "number" || !pr.base?.sha || !pr.head?.sha) {
    throw new UsageError(`the event payload ${path} has a pull_request without number, base.sha or head.sha`);
  }
  // Webhook payloads carry the repository's merge settings whatever the token may read.
  const squashMergeMessage = squashMergeMessageOf(pr.base.repo?.squash_merge_commit_message) ?? squashMergeMessageOf(payload.repository?.squash_merge_commit_message);
  return {
    name,
    repo: { owner, repo },
    pull: {
      number: pr.number,
      title: pr.title ?? "",
      body: pr.body ?? null,
      baseSha: pr.base.sha,
      baseRef: pr.base.ref ?? "",
      headSha: pr.head.sha,
      headRef: pr.head.ref ?? "",
      commitCount: typeof pr.commits === "number" ? pr.commits : undefined,
      // A fork deleted after its pull request was opened leaves `head.repo` null; the branch
      // still lived in another repository, and GitHub's token is read-only as for any fork.
      fromFork: pr.head.repo === null || (pr.head.repo?.full_name ?? full) !== (pr.base.repo?.full_name ?? full),
      ...(pr.head.repo?.full_name ? { headRepo: pr.head.repo.full_name } : {}),
      ...(pr.user?.type === "Bot" && pr.user.login ? { openedByBot: pr.user.login } : {}),
      ...(squashMergeMessage ? { squashMergeMessage } : {}),
    },
  };
}
