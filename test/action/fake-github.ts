// A local stand-in for the GitHub REST API (the subset the action uses) on 127.0.0.1. It keeps
// repository state (pull requests, commits, comments, files per commit), checks every request's
// method, path, query, body and auth header against the OpenAPI-derived rules, records requests,
// and can fail chosen requests (a 502, a 403 for a read-only token) to test retries and forks.
// A description or comment over 65,536 characters is refused with 422, as GitHub does, and
// so is a merge's commit message over 16,383.
// Files over 1 MB come as GitHub serves them: JSON without content, the text only in raw format.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { checkRequest, matchEndpoint } from "./openapi-subset.js";

export interface FakeCommit {
  sha: string;
  message: string;
  /** Parent shas (default: none listed). */
  parents?: string[];
  /** The GitHub account that authored it (default: the user "dana"). */
  author?: { login: string; type: "User" | "Bot" };
}

export interface FakePull {
  number: number;
  title: string;
  body: string | null;
  base: { ref: string; sha: string };
  head: { ref: string; sha: string };
  commits: FakeCommit[];
  state: "open" | "closed";
  draft: boolean;
  merged: boolean;
  mergeable: boolean | null;
  mergeableState: string;
  mergeCommitSha?: string;
  /** Where the head branched off the base (default: the base itself, a base that has not moved on). */
  mergeBase?: string;
  /** Who opened it (default: the user "dana"). */
  user?: { login: string; type: "User" | "Bot" };
}

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  user: { login: string; type: "Bot" | "User" };
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The OpenAPI path template the request matched. */
  route: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
  /** The Accept header: `application/vnd.github.v3.raw` asks for a file's bare text. */
  accept: string;
  status: number;
}

/** A failure to serve instead of the real answer, `times` times, for matching requests. */
export interface InjectedFailure {
  method: string;
  route: string;
  status: number;
  headers?: Record<string, string>;
  message?: string;
  /** An HTML page to send instead of GitHub's JSON message, as a proxy in front of the API does on a 502. */
  html?: string;
  times: number;
}

/** A deterministic 40-hex sha from a seed. */
export function fakeSha(seed: string): string {
  return createHash("sha1").update(seed).digest("hex");
}

/** The contents API puts a file's text in its JSON answer up to 1 MB; larger ones only in raw format. */
export const CONTENTS_JSON_MAX_BYTES = 1024 * 1024;

/** A body sent as it is (a raw file), not as JSON. */
class RawBody {
  constructor(readonly bytes: Buffer) {}
}

/** GitHub refuses (422) a pull request description or a comment over this many characters. */
export const BODY_MAX_CHARACTERS = 65_536;

/** GitHub's answer to a body over BODY_MAX_CHARACTERS. */
function bodyTooLong(resource: string): [number, unknown] {
  return [422, { message: "Validation Failed", errors: [{ resource, code: "custom", field: "body", message: `body is too long (maximum is ${BODY_MAX_CHARACTERS} characters)` }], documentation_url: "https://docs.github.com/rest" }];
}

/** Characters as GitHub counts them against BODY_MAX_CHARACTERS: code points. */
function tooLong(body: unknown): boolean {
  return typeof body === "string" && [...body].length > BODY_MAX_CHARACTERS;
}

/**
 * The longest commit message GitHub has been seen to take when it merges a pull request
 * ("Commit message is too long (maximum is 16383 characters)", dependabot/dependabot-core#8972);
 * its REST docs name no limit for the merge endpoint's commit_message.
 */
export const COMMIT_MESSAGE_MAX_CHARACTERS = 16_383;

/** GitHub's list-pull-request-commits endpoint returns at most 250 commits. */
export const PULL_COMMITS_CAP = 250;

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly token: string;
  readonly pulls = new Map<number, FakePull>();
  readonly comments: FakeComment[] = [];
  /** Files by commit sha, then path. */
  readonly files = new Map<string, Record<string, string>>();
  readonly requests: RecordedRequest[] = [];
  /** Requests that broke the OpenAPI rules or the auth check; a test expects this to stay empty. */
  readonly violations: string[] = [];
  readonly failures: InjectedFailure[] = [];
  /** The login the token acts as: a bot (workflow token: GET /user answers 403) or a user. */
  actor: { login: string; type: "Bot" | "User" } = { login: "github-actions[bot]", type: "Bot" };
  /** Commits whose recursive tree listing comes back cut short (`truncated: true`). */
  readonly truncatedTrees = new Set<string>();
  /**
   * The Content-Type of a raw file answer: GitHub's `text/plain; charset=utf-8` (Octokit hands
   * over a string), or e.g. `application/octet-stream` to have it hand over an ArrayBuffer.
   */
  rawContentType = "text/plain; charset=utf-8";
  /** Whether GraphQL answers `viewer { login }` (false: it fails, as an old GitHub Enterprise might). */
  graphqlViewer = true;
  /**
   * A public repository: a request without a token (a secret the workflow of a fork's or
   * Dependabot's pull request does not get) may read, and a write is refused with 401.
   */
  anonymousReads = false;
  /** A private repository: GitHub answers a request without a token 404, as if nothing were there. */
  anonymousNotFound = false;
  /** The repository's squash_merge_commit_message setting (the event payload's base repository carries it). */
  squashMergeMessage: "PR_BODY" | "COMMIT_MESSAGES" | "BLANK" | undefined;
  /**
   * Whether the REST API shows the token the repository's merge settings: GitHub does only for
   * a token that may administer the repository, not for the workflow token.
   */
  mergeSettingsShown = false;
  /** Called before a POSTed comment is stored (a test can let a "racing run" comment first). */
  beforeCreateComment: (() => void) | undefined;
  /** Called after a POSTed comment is stored, before the answer goes out (a racing run may delete it). */
  afterCreateComment: ((comment: FakeComment) => void) | undefined;
  /** Called once after a PATCHed comment is stored (another job may edit the same comment right after). */
  afterUpdateComment: ((comment: FakeComment) => void) | undefined;
  private nextCommentId = 1000;
  private server: Server | undefined;
  url = "";

  constructor(options: { owner?: string; repo?: string; token?: string } = {}) {
    this.owner = options.owner ?? "acme";
    this.repo = options.repo ?? "widgets";
    this.token = options.token ?? "ghs_testtoken123";
  }

  /** Starts listening on 127.0.0.1 (a free port); returns the base URL. */
  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        this.violations.push(`server error: ${String(error)}`);
        if (!response.headersSent) this.send(response, 500, { message: "fake server error" });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Adds a comment as someone else (a person, another bot). */
  addComment(issueNumber: number, body: string, user: FakeComment["user"]): FakeComment {
    const comment = { id: this.nextCommentId++, issueNumber, body, user };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(issueNumber: number): FakeComment[] {
    return this.comments.filter((comment) => comment.issueNumber === issueNumber);
  }

  fail(failure: Omit<InjectedFailure, "times"> & { times?: number }): void {
    this.failures.push({ times: 1, ...failure });
  }

  /** Requests matching an OpenAPI route template (and method). */
  calls(method: string, route: string): RecordedRequest[] {
    return this.requests.filter((request) => request.method === method && request.route === route);
  }

  private send(response: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
    if (data instanceof RawBody) {
      response.writeHead(status, { "content-type": this.rawContentType, "content-length": String(data.bytes.length), ...headers });
      response.end(data.bytes);
      return;
    }
    const text = data === undefined ? "" : JSON.stringify(data);
    response.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    response.end(text);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.url);
    const method = request.method ?? "GET";
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: unknown;
    if (raw !== "") {
      try {
        body = JSON.parse(raw);
      } catch {
        this.violations.push(`${method} ${url.pathname}: body is not JSON`);
      }
    }
    if (method === "POST" && url.pathname === "/graphql") return this.graphql(request, response, body);
    const matched = matchEndpoint(method, url.pathname);
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      route: matched?.rule.path ?? "",
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: request.headers.authorization,
      accept: String(request.headers.accept ?? ""),
      status: 0,
    };
    this.requests.push(record);
    const reply = (status: number, data: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      this.send(response, status, data, headers);
    };
    if (!matched) {
      this.violations.push(`${method} ${url.pathname}: no such operation in the API subset`);
      return reply(404, { message: "Not Found" });
    }
    const problems = checkRequest(matched.rule, url.searchParams, body);
    if (problems.length > 0) {
      this.violations.push(`${method} ${matched.rule.path}: ${problems.join("; ")}`);
      return reply(422, { message: "Validation Failed", errors: problems });
    }
    if (this.anonymousNotFound && request.headers.authorization === undefined) return reply(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
    const anonymous = this.anonymousReads && request.headers.authorization === undefined;
    if (anonymous && method !== "GET") return reply(401, { message: "Requires authentication", documentation_url: "https://docs.github.com/rest" });
    if (request.headers.authorization !== `token ${this.token}` && !anonymous) {
      this.violations.push(`${method} ${url.pathname}: authorization header is ${request.headers.authorization ?? "missing"}`);
      return reply(401, { message: "Bad credentials" });
    }
    if (!String(request.headers.accept ?? "").includes("application/vnd.github")) {
      this.violations.push(`${method} ${url.pathname}: accept header is ${request.headers.accept}`);
    }
    const failure = this.failures.find((item) => item.times > 0 && item.method === method && item.route === matched.rule.path);
    if (failure) {
      failure.times--;
      if (failure.html !== undefined) return reply(failure.status, new RawBody(Buffer.from(failure.html, "utf8")), { "content-type": "text/html; charset=utf-8", ...failure.headers });
      return reply(failure.status, { message: failure.message ?? `injected ${failure.status}` }, failure.headers);
    }
    const { params } = matched;
    if (params.owner !== undefined && (params.owner !== this.owner || params.repo !== this.repo)) {
      return reply(404, { message: "Not Found" });
    }
    const [status, data, headers] = this.route(matched.rule.path, method, params, url, body as Record<string, unknown>, record.accept);
    reply(status, data, headers);
  }

  /** The one GraphQL query the action makes: `query { viewer { login } }`. */
  private graphql(request: IncomingMessage, response: ServerResponse, body: unknown): void {
    const record: RecordedRequest = {
      method: "POST",
      path: "/graphql",
      route: "/graphql",
      query: {},
      body,
      authorization: request.headers.authorization,
      accept: String(request.headers.accept ?? ""),
      status: 0,
    };
    this.requests.push(record);
    const reply = (status: number, data: unknown) => {
      record.status = status;
      this.send(response, status, data);
    };
    if (this.anonymousReads && request.headers.authorization === undefined) return reply(401, { message: "This endpoint requires you to be authenticated." });
    if (request.headers.authorization !== `token ${this.token}`) {
      this.violations.push(`POST /graphql: authorization header is ${request.headers.authorization ?? "missing"}`);
      return reply(401, { message: "Bad credentials" });
    }
    const query = String((body as { query?: unknown } | undefined)?.query ?? "").replace(/\s+/g, " ").trim();
    if (query !== "query { viewer { login } }") {
      this.violations.push(`POST /graphql: unexpected query ${query}`);
      return reply(200, { errors: [{ message: "unexpected query" }] });
    }
    if (!this.graphqlViewer) return reply(404, { message: "Not Found" });
    reply(200, { data: { viewer: { login: this.actor.login } } });
  }

  private paginate<T>(items: T[], url: URL, defaultPerPage: number): [T[], Record<string, string>] {
    const perPage = Math.min(Number(url.searchParams.get("per_page") ?? defaultPerPage), 100);
    const page = Number(url.searchParams.get("page") ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const headers: Record<string, string> = {};
    if (page < last) {
      const link = (n: number) => {
        const next = new URL(url.toString());
        next.searchParams.set("page", String(n));
        return next.toString();
      };
      headers.link = `<${link(page + 1)}>; rel="next", <${link(last)}>; rel="last"`;
    }
    return [items.slice((page - 1) * perPage, page * perPage), headers];
  }

  private pullJson(pull: FakePull): Record<string, unknown> {
    return pullRequestPayload(this, pull, undefined, { webhook: false });
  }

  private route(
    route: string,
    method: string,
    params: Record<string, string>,
    url: URL,
    body: Record<string, unknown>,
    accept: string,
  ): [number, unknown, Record<string, string>?] {
    const pull = params.pull_number ? this.pulls.get(Number(params.pull_number)) : undefined;
    switch (`${method} ${route}`) {
      case "GET /repos/{owner}/{repo}/pulls/{pull_number}/commits": {
        if (!pull) return [404, { message: "Not Found" }];
        const [page, headers] = this.paginate(pull.commits.slice(0, PULL_COMMITS_CAP), url, 30);
        return [200, page.map((commit) => commitJson(this, commit)), headers];
      }
      case "GET /repos/{owner}/{repo}/compare/{basehead}": {
        const [base, head] = params.basehead.split("...");
        // The head may be an older commit of a pull request's branch (an event from before a push).
        const found = [...this.pulls.values()].find((item) => item.base.sha === base && item.commits.some((commit) => commit.sha === head));
        if (!found) return [404, { message: "Not Found" }];
        const upTo = found.commits.slice(0, found.commits.findIndex((commit) => commit.sha === head) + 1);
        const [page, headers] = this.paginate(upTo, url, 250);
        return [
          200,
          {
            url: `${this.url}/repos/${this.owner}/${this.repo}/compare/${params.basehead}`,
            status: "ahead",
            ahead_by: upTo.length,
            behind_by: 0,
            total_commits: upTo.length,
            base_commit: { sha: base },
            merge_base_commit: { sha: found.mergeBase ?? base },
            commits: page.map((commit) => commitJson(this, commit)),
            files: [],
          },
          headers,
        ];
      }
      case "GET /repos/{owner}/{repo}/contents/{path}": {
        const ref = url.searchParams.get("ref");
        const files = ref ? this.files.get(ref) : undefined;
        const text = files?.[params.path];
        // A path under which files lie is a directory: GitHub answers with a listing of it.
        if (text === undefined && files) {
          const listing = directoryListing(files, params.path);
          if (listing.length > 0) return [200, listing];
        }
        if (text === undefined) return [404, { message: "Not Found", documentation_url: "https://docs.github.com/rest/repos/contents#get-repository-content" }];
        const bytes = Buffer.from(text, "utf8");
        if (/^application\/vnd\.github(?:\.v3)?\.raw\b/.test(accept)) return [200, new RawBody(bytes)];
        const file = { type: "file", size: bytes.length, name: params.path.split("/").pop(), path: params.path, sha: fakeSha(text) };
        // Between 1 and 100 MB GitHub answers with an empty content and encoding "none".
        if (bytes.length > CONTENTS_JSON_MAX_BYTES) return [200, { ...file, encoding: "none", content: "" }];
        return [200, { ...file, encoding: "base64", content: bytes.toString("base64").replace(/.{60}/g, "$&\n") }];
      }
      case "GET /repos/{owner}/{repo}/git/trees/{tree_sha}": {
        const files = this.files.get(params.tree_sha);
        if (!files) return [404, { message: "Not Found" }];
        const tree = Object.keys(files).map((path) => ({ path, mode: "100644", type: "blob", sha: fakeSha(files[path]) }));
        // GitHub stops a recursive listing past 100,000 entries or 7 MB and says so.
        if (this.truncatedTrees.has(params.tree_sha)) return [200, { sha: params.tree_sha, tree: tree.slice(0, 1), truncated: true }];
        return [200, { sha: params.tree_sha, tree, truncated: false }];
      }
      case "GET /repos/{owner}/{repo}/issues/{issue_number}/comments": {
        const [page, headers] = this.paginate(this.commentsOn(Number(params.issue_number)), url, 30);
        return [200, page.map((comment) => commentJson(this, comment)), headers];
      }
      case "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": {
        if (tooLong(body?.body)) return bodyTooLong("IssueComment");
        this.beforeCreateComment?.();
        const comment = this.addComment(Number(params.issue_number), String(body.body), this.actor);
        const after = this.afterCreateComment;
        this.afterCreateComment = undefined;
        after?.(comment);
        return [201, commentJson(this, comment)];
      }
      case "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}": {
        const comment = this.comments.find((item) => item.id === Number(params.comment_id));
        if (!comment) return [404, { message: "Not Found" }];
        if (tooLong(body?.body)) return bodyTooLong("IssueComment");
        if (comment.user.login !== this.actor.login) this.violations.push(`PATCH of comment ${comment.id} written by ${comment.user.login}`);
        comment.body = String(body.body);
        const after = this.afterUpdateComment;
        this.afterUpdateComment = undefined;
        after?.(comment);
        return [200, commentJson(this, comment)];
      }
      case "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}": {
        const index = this.comments.findIndex((item) => item.id === Number(params.comment_id));
        if (index < 0) return [404, { message: "Not Found" }];
        if (this.comments[index].user.login !== this.actor.login) this.violations.push(`DELETE of comment ${this.comments[index].id} written by ${this.comments[index].user.login}`);
        this.comments.splice(index, 1);
        return [204, undefined];
      }
      case "GET /user":
        return this.actor.type === "Bot"
          ? [403, { message: "Resource not accessible by integration" }]
          : [200, { login: this.actor.login, id: 1, type: "User" }];
      case "GET /repos/{owner}/{repo}/pulls/{pull_number}":
        return pull ? [200, this.pullJson(pull)] : [404, { message: "Not Found" }];
      case "PATCH /repos/{owner}/{repo}/pulls/{pull_number}": {
        if (!pull) return [404, { message: "Not Found" }];
        if (tooLong(body?.body)) return bodyTooLong("PullRequest");
        if (typeof body?.body === "string") pull.body = body.body;
        if (typeof body?.title === "string") pull.title = body.title;
        return [200, this.pullJson(pull)];
      }
      case "PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge": {
        if (!pull) return [404, { message: "Not Found" }];
        if (pull.merged) return [405, { message: "Pull Request is not mergeable" }];
        if (body?.sha !== undefined && body.sha !== pull.head.sha) return [409, { message: "Head branch was modified. Review and try the merge again." }];
        const commitMessage = `${String(body?.commit_title ?? "")}\n\n${String(body?.commit_message ?? "")}`;
        if ([...commitMessage].length > COMMIT_MESSAGE_MAX_CHARACTERS) return [422, { message: `Commit message is too long (maximum is ${COMMIT_MESSAGE_MAX_CHARACTERS} characters)` }];
        pull.merged = true;
        pull.state = "closed";
        pull.mergeCommitSha = fakeSha(`merge:${String(body?.commit_title)}:${String(body?.commit_message)}`);
        return [200, { sha: pull.mergeCommitSha, merged: true, message: "Pull Request successfully merged" }];
      }
      default:
        return [404, { message: "Not Found" }];
    }
  }
}

function commitJson(fake: FakeGitHub, commit: FakeCommit): Record<string, unknown> {
  const api = `${fake.url}/repos/${fake.owner}/${fake.repo}`;
  const person = { name: "Dana Developer", email: "dana@example.com", date: "2026-03-18T10:00:00Z" };
  return {
    sha: commit.sha,
    node_id: `C_${commit.sha.slice(0, 12)}`,
    commit: {
      author: person,
      committer: person,
      message: commit.message,
      tree: { sha: fakeSha(`tree:${commit.sha}`), url: `${api}/git/trees/${fakeSha(`tree:${commit.sha}`)}` },
      url: `${api}/git/commits/${commit.sha}`,
      comment_count: 0,
      verification: { verified: false, reason: "unsigned", signature: null, payload: null },
    },
    url: `${api}/commits/${commit.sha}`,
    html_url: `https://github.com/${fake.owner}/${fake.repo}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    author: { login: commit.author?.login ?? "dana", id: 42, type: commit.author?.type ?? "User" },
    committer: { login: "dana", id: 42, type: "User" },
    parents: (commit.parents ?? []).map((sha) => ({ sha, url: `${api}/commits/${sha}`, html_url: `https://github.com/${fake.owner}/${fake.repo}/commit/${sha}` })),
  };
}

function commentJson(fake: FakeGitHub, comment: FakeComment): Record<string, unknown> {
  const api = `${fake.url}/repos/${fake.owner}/${fake.repo}`;
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${api}/issues/comments/${comment.id}`,
    html_url: `https://github.com/${fake.owner}/${fake.repo}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: { login: comment.user.login, id: comment.user.type === "Bot" ? 41898282 : 7, type: comment.user.type },
    created_at: "2026-03-18T10:00:00Z",
    updated_at: "2026-03-18T10:00:00Z",
    author_association: comment.user.type === "Bot" ? "NONE" : "CONTRIBUTOR",
  };
}

/**
 * A pull request object shaped like the REST API's and the webhook's `pull_request`. The base
 * repository's squash merge setting is in the webhook's always, in the REST API's only when
 * `fake.mergeSettingsShown`.
 */
export function pullRequestPayload(fake: FakeGitHub, pull: FakePull, headRepo = `${fake.owner}/${fake.repo}`, options: { webhook: boolean } = { webhook: true }): Record<string, unknown> {
  const settings = fake.squashMergeMessage !== undefined && (options.webhook || fake.mergeSettingsShown) ? { squash_merge_commit_message: fake.squashMergeMessage } : {};
  const repoJson = (fullName: string) => ({
    id: fullName === `${fake.owner}/${fake.repo}` ? 1296269 : 9876543,
    name: fullName.split("/")[1],
    full_name: fullName,
    private: false,
    owner: { login: fullName.split("/")[0], type: "Organization" },
    default_branch: "main",
    fork: fullName !== `${fake.owner}/${fake.repo}`,
    ...(fullName === `${fake.owner}/${fake.repo}` ? settings : {}),
  });
  return {
    url: `${fake.url}/repos/${fake.owner}/${fake.repo}/pulls/${pull.number}`,
    id: 1000000 + pull.number,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: { login: pull.user?.login ?? "dana", id: 42, type: pull.user?.type ?? "User" },
    body: pull.body,
    draft: pull.draft,
    merged: pull.merged,
    mergeable: pull.mergeable,
    mergeable_state: pull.mergeableState,
    merge_commit_sha: pull.mergeCommitSha ?? null,
    commits: pull.commits.length,
    additions: 10,
    deletions: 2,
    changed_files: 1,
    head: { label: `${headRepo.split("/")[0]}:${pull.head.ref}`, ref: pull.head.ref, sha: pull.head.sha, repo: repoJson(headRepo) },
    base: { label: `${fake.owner}:${pull.base.ref}`, ref: pull.base.ref, sha: pull.base.sha, repo: repoJson(`${fake.owner}/${fake.repo}`) },
    author_association: "CONTRIBUTOR",
  };
}

/** A `pull_request` webhook event payload as the runner writes it to GITHUB_EVENT_PATH. */
export function pullRequestEvent(fake: FakeGitHub, pull: FakePull, options: { action?: string; headRepo?: string } = {}): Record<string, unknown> {
  return {
    action: options.action ?? "synchronize",
    number: pull.number,
    pull_request: pullRequestPayload(fake, pull, options.headRepo),
    before: fakeSha(`before:${pull.head.sha}`),
    after: pull.head.sha,
    repository: { id: 1296269, name: fake.repo, full_name: `${fake.owner}/${fake.repo}`, private: false, owner: { login: fake.owner, type: "Organization" } },
    sender: { login: "dana", id: 42, type: "User" },
  };
}

/** The contents API's answer for directory `dir`: one entry per file or directory right under it. */
function directoryListing(files: Record<string, string>, dir: string): { type: "file" | "dir"; name: string; path: string; sha: string; size: number }[] {
  const prefix = `${dir.replace(/\/+$/, "")}/`;
  const entries = new Map<string, { type: "file" | "dir"; name: string; path: string; sha: string; size: number }>();
  for (const [path, text] of Object.entries(files)) {
    if (!path.startsWith(prefix)) continue;
    const name = path.slice(prefix.length).split("/")[0];
    const isFile = path === prefix + name;
    entries.set(name, { type: isFile ? "file" : "dir", name, path: prefix + name, sha: fakeSha(isFile ? text : prefix + name), size: isFile ? Buffer.byteLength(text) : 0 });
  }
  return [...entries.values()];
}
