// The GitHub REST calls the action makes, on one Octokit client with bounded retries.
import { Octokit } from "@octokit/rest";
import { isRateLimited, retryDelay, type RetryPolicy } from "./retry.js";
import { squashMergeMessageOf, type SquashMergeMessage } from "./event.js";

/** Where a pull request lives. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** A commit as the action judges it. */
export interface PullCommit {
  sha: string;
  message: string;
  /** How many parents the commit has (2 or more: a merge, such as GitHub's "Update branch"). */
  parents: number;
  /** The commit's author is a bot account (dependabot[bot], renovate[bot]): GitHub says so, not the text. */
  byBot: boolean;
}

/** Whether the GitHub account that authored a commit is a bot (type "Bot", or a "[bot]" login). */
function authoredByBot(author: { login?: string; type?: string } | null | undefined): boolean {
  return author?.type === "Bot" || /\[bot\]$/.test(author?.login ?? "");
}

/** An issue comment, the fields the sticky comment needs. */
export interface IssueComment {
  id: number;
  body: string;
  login: string;
  userType: string;
}

/** Creates an Octokit client for `baseUrl` that retries per `policy` and logs nothing itself. */
export function createClient(options: {
  token: string;
  baseUrl: string;
  policy: RetryPolicy;
  onRetry?: (message: string) => void;
  sleep?: (ms: number) => Promise<void>;
}): Octokit {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const octokit = new Octokit({
    auth: options.token || undefined,
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    userAgent: "rationale-action",
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  octokit.hook.wrap("request", async (request, requestOptions) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const failure = error as { status?: number; message?: string; response?: { headers?: Record<string, string | number | undefined> } };
        if (typeof failure.status !== "number") throw error;
        const delay = retryDelay(
          { status: failure.status, method: String(requestOptions.method), headers: failure.response?.headers ?? {}, message: failure.message },
          attempt,
          options.policy,
        );
        if (delay === null) throw error;
        // No response: Octokit's status 500 for a request that never reached GitHub.
        const outcome = failure.response ? `answered ${failure.status}` : `got no answer (${failure.message})`;
        options.onRetry?.(`${requestOptions.method} ${String(requestOptions.url)} ${outcome}; retry ${attempt} of ${options.policy.retries} in ${delay} ms`);
        await sleep(delay);
      }
    }
  });
  return octokit;
}

/**
 * How a notice tells a 403 on a pull request: the token is read-only, by GitHub's rule for a
 * fork's pull request, or, on the repository's own branch, because the workflow left out the
 * permission (or the organisation's default is read), which `fix` says how to grant for `purpose`.
 */
export function readOnlyToken(fromFork: boolean, purpose: string): { token: string; fix: string } {
  return {
    token: `403, read-only token${fromFork ? " for a fork" : ""}`,
    fix: fromFork ? "" : `; grant the token "pull-requests: write" in the workflow's permissions ${purpose}`,
  };
}

/** The HTTP status of an Octokit error, or undefined for other errors. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

/**
 * Whether `error` is GitHub refusing the token (403), not a rate limit that outlasted the
 * retries, which GitHub also answers with 403: calling that a read-only token would hide that
 * the run did not do what it should have.
 */
export function refusedPermission(error: unknown): boolean {
  if (statusOf(error) !== 403) return false;
  const failure = error as { message?: string; response?: { headers?: Record<string, string | number | undefined> } };
  return !isRateLimited({ status: 403, headers: failure.response?.headers ?? {}, message: failure.message });
}

/** The list endpoint returns at most this many commits of a pull request. */
export const PULL_COMMITS_LIMIT = 250;

/**
 * Every commit of pull request `number` up to the event's head, oldest first. Uses the pull
 * request's commit list (paginated) and the compare endpoint between base and head, paginated
 * until all are read, when the list cannot be the event's: the pull request has more commits
 * than the list returns (its limit is 250), or the list ends at another commit, because the
 * branch moved on since the event (a re-run of an older run, or a run that started late).
 */
export async function listPullCommits(
  octokit: Octokit,
  ref: RepoRef,
  pull: { number: number; baseSha: string; headSha: string; commitCount?: number },
): Promise<PullCommit[]> {
  if ((pull.commitCount ?? 0) <= PULL_COMMITS_LIMIT) {
    const listed = await octokit.paginate("GET /repos/{owner}/{repo}/pulls/{pull_number}/commits", {
      ...ref,
      pull_number: pull.number,
      per_page: 100,
    });
    const known = pull.commitCount ?? 0;
    const endsAtHead = listed.length > 0 ? listed[listed.length - 1].sha === pull.headSha : known === 0;
    if (listed.length < PULL_COMMITS_LIMIT && listed.length >= known && endsAtHead) {
      return listed.map((item) => ({ sha: item.sha, message: item.commit.message, parents: item.parents?.length ?? 1, byBot: authoredByBot(item.author) }));
    }
  }
  return compareCommits(octokit, ref, pull.baseSha, pull.headSha);
}

/** Commits reachable from `head` and not from `base` (three-dot compare), all pages. */
export async function compareCommits(octokit: Octokit, ref: RepoRef, base: string, head: string): Promise<PullCommit[]> {
  const commits: PullCommit[] = [];
  const perPage = 100;
  for (let page = 1; ; page++) {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
      ...ref,
      basehead: `${base}...${head}`,
      per_page: perPage,
      page,
    });
    for (const item of data.commits) commits.push({ sha: item.sha, message: item.commit.message, parents: item.parents?.length ?? 1, byBot: authoredByBot(item.author) });
    if (data.commits.length < perPage || commits.length >= data.total_commits) return commits;
  }
}

/** The commit where `head` branched off `base` (the compare endpoint's merge base). */
export async function mergeBaseOf(octokit: Octokit, ref: RepoRef, base: string, head: string): Promise<string> {
  const { data } = await octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", { ...ref, basehead: `${base}...${head}`, per_page: 1 });
  return data.merge_base_commit?.sha || base;
}

/**
 * What `path` names at commit `at`: a file with its text, or another kind of entry the contents
 * API describes instead of a file (a directory, which it answers with a listing; a symlink whose
 * target is no file in the repository; a submodule); null when nothing is there.
 */
export type RepoEntry = { type: "file"; text: string } | { type: "dir" | "symlink" | "submodule" | "other" };

/** The text of file `path` at `ref`, or null when it does not exist there or is no file. */
export async function readRepoFile(octokit: Octokit, ref: RepoRef, path: string, at: string): Promise<string | null> {
  const entry = await readRepoEntry(octokit, ref, path, at);
  return entry?.type === "file" ? entry.text : null;
}

/** What `path` names at commit `at` (see RepoEntry), or null when it does not exist there. */
export async function readRepoEntry(octokit: Octokit, ref: RepoRef, path: string, at: string): Promise<RepoEntry | null> {
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { ...ref, path, ref: at });
    if (Array.isArray(data)) return { type: "dir" };
    if (data.type !== "file") return { type: data.type === "symlink" || data.type === "submodule" ? data.type : "other" };
    if ("content" in data && typeof data.content === "string" && data.encoding === "base64") {
      return { type: "file", text: Buffer.from(data.content, "base64").toString("utf8") };
    }
    // Files over 1 MB come without content; fetch them raw.
    const raw = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      ...ref,
      path,
      ref: at,
      mediaType: { format: "raw" },
    });
    return { type: "file", text: rawText(raw.data) };
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

/**
 * The text of a raw-format response body. Octokit hands GitHub's raw media type over as a string
 * today; a version that returns bytes (an ArrayBuffer or a typed array, as octokit/request.js
 * has been asked to) must not turn a changelog into "[object ArrayBuffer]".
 */
export function rawText(data: unknown): string {
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString("utf8");
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8");
  throw new Error(`GitHub answered a raw file request with ${data === null ? "null" : typeof data}, not the file's text`);
}

/** Every comment on issue or pull request `number`, all pages. */
export async function listIssueComments(octokit: Octokit, ref: RepoRef, number: number): Promise<IssueComment[]> {
  const items = await octokit.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...ref,
    issue_number: number,
    per_page: 100,
  });
  return items.map((item) => ({
    id: Number(item.id),
    body: item.body ?? "",
    login: item.user?.login ?? "",
    userType: item.user?.type ?? "",
  }));
}

/** The login the token acts as (REST's /user, else GraphQL's viewer), or null when neither answers. */
export async function currentLogin(octokit: Octokit): Promise<string | null> {
  try {
    const { data } = await octokit.request("GET /user");
    return data.login;
  } catch {
    // Installation tokens (the workflow token, a GitHub App's) may not read /user, but GraphQL's
    // viewer names their bot ("my-app[bot]").
    try {
      const data = await octokit.graphql<{ viewer?: { login?: unknown } }>("query { viewer { login } }");
      return typeof data?.viewer?.login === "string" && data.viewer.login !== "" ? data.viewer.login : null;
    } catch {
      return null;
    }
  }
}

/** Creates a comment on issue or pull request `number`; returns its id and the login that wrote it. */
export async function createComment(octokit: Octokit, ref: RepoRef, number: number, body: string): Promise<{ id: number; login: string }> {
  const { data } = await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...ref,
    issue_number: number,
    body,
  });
  return { id: Number(data.id), login: data.user?.login ?? "" };
}

/** Deletes comment `id`; one already gone (404) is not an error. */
export async function deleteComment(octokit: Octokit, ref: RepoRef, id: number): Promise<void> {
  try {
    await octokit.request("DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...ref, comment_id: id });
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}

/** Replaces the body of comment `id`. */
export async function updateComment(octokit: Octokit, ref: RepoRef, id: number, body: string): Promise<void> {
  await octokit.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", { ...ref, comment_id: id, body });
}

/** The live state of a pull request, the fields release handling needs. */
export interface PullState {
  body: string;
  title: string;
  state: string;
  merged: boolean;
  draft: boolean;
  mergeable: boolean | null;
  mergeableState: string;
  headSha: string;
  /**
   * The base repository's default squash merge commit message, when GitHub shows it: it leaves
   * the repository's merge settings out for tokens that may not administer it (the workflow
   * token among them).
   */
  squashMergeMessage?: SquashMergeMessage;
}

/** Reads pull request `number` as it is now. */
export async function getPull(octokit: Octokit, ref: RepoRef, number: number): Promise<PullState> {
  const { data } = await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { ...ref, pull_number: number });
  const squashMergeMessage = squashMergeMessageOf(data.base.repo?.squash_merge_commit_message);
  return {
    body: data.body ?? "",
    title: data.title,
    state: data.state,
    merged: data.merged,
    draft: data.draft ?? false,
    mergeable: data.mergeable,
    mergeableState: data.mergeable_state,
    headSha: data.head.sha,
    ...(squashMergeMessage ? { squashMergeMessage } : {}),
  };
}

/** Replaces the description of pull request `number`. */
export async function updatePullBody(octokit: Octokit, ref: RepoRef, number: number, body: string): Promise<void> {
  await octokit.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", { ...ref, pull_number: number, body });
}

/**
 * Squash-merges pull request `number` with the given commit title and message, only if its head
 * is still `sha` (GitHub refuses otherwise). Returns the merge commit sha.
 */
export async function squashMerge(
  octokit: Octokit,
  ref: RepoRef,
  number: number,
  commit: { title: string; message: string; sha: string },
): Promise<string> {
  const { data } = await octokit.request("PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge", {
    ...ref,
    pull_number: number,
    commit_title: commit.title,
    commit_message: commit.message,
    sha: commit.sha,
    merge_method: "squash",
  });
  return data.sha;
}

/** The files of a commit's tree: each path's blob sha, and whether GitHub cut the listing short. */
export interface TreeListing {
  blobs: Map<string, string>;
  /** True when the tree has more entries than one response holds (100,000 entries or 7 MB). */
  truncated: boolean;
}

/** Lists every file of commit `sha`'s tree (one recursive request). */
export async function listTree(octokit: Octokit, ref: RepoRef, sha: string): Promise<TreeListing> {
  const { data } = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", { ...ref, tree_sha: sha, recursive: "1" });
  const blobs = new Map<string, string>();
  for (const entry of data.tree) if (entry.type === "blob" && entry.path && entry.sha) blobs.set(entry.path, entry.sha);
  return { blobs, truncated: data.truncated === true };
}
