// The subset of GitHub's REST API the action uses, as runtime rules for the fake server, checked
// at compile time against GitHub's published OpenAPI description (@octokit/openapi-types is
// generated from it). @octokit/openapi itself unpacks to ~400 MB, too big to install for this:
// `tsc --noEmit` fails when a path, a method, a query parameter, a body field, a required body
// field or an enum value here differs from the description.
import type { paths } from "@octokit/openapi-types";

type Operation<P extends keyof paths, M extends keyof paths[P]> = NonNullable<paths[P][M]>;
type JsonBody<O> = O extends { requestBody?: infer R } ? (NonNullable<R> extends { content: { "application/json": infer B } } ? NonNullable<B> : never) : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type PathOf<O> = O extends { parameters: { path?: infer Q } } ? NonNullable<Q> : never;
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T] & string;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

/** Runtime rules for one operation. */
export interface EndpointRule {
  method: string;
  /** The OpenAPI path template, e.g. `/repos/{owner}/{repo}/pulls/{pull_number}`. */
  path: string;
  pathParams: readonly string[];
  query: readonly string[];
  /** Body fields; empty for operations without a JSON body. */
  body: readonly string[];
  required: readonly string[];
  /** Allowed values of enum body fields. */
  enums: Record<string, readonly string[]>;
}

function rule<P extends keyof paths & string, M extends keyof paths[P] & string>(
  path: P,
  method: M,
  spec: {
    pathParams: readonly (keyof PathOf<Operation<P, M>> & string)[];
    query: readonly (keyof QueryOf<Operation<P, M>> & string)[];
    body: readonly (keyof JsonBody<Operation<P, M>> & string)[];
    required: readonly RequiredKeys<JsonBody<Operation<P, M>>>[];
    enums?: { [K in keyof JsonBody<Operation<P, M>>]?: readonly NonNullable<JsonBody<Operation<P, M>>[K]>[] };
  },
): EndpointRule {
  return { method: method.toUpperCase(), path, ...spec, enums: (spec.enums ?? {}) as Record<string, readonly string[]> };
}

const listPullCommits = rule("/repos/{owner}/{repo}/pulls/{pull_number}/commits", "get", {
  pathParams: ["owner", "repo", "pull_number"],
  query: ["per_page", "page"],
  body: [],
  required: [],
});
const compare = rule("/repos/{owner}/{repo}/compare/{basehead}", "get", {
  pathParams: ["owner", "repo", "basehead"],
  query: ["page", "per_page"],
  body: [],
  required: [],
});
const getContent = rule("/repos/{owner}/{repo}/contents/{path}", "get", {
  pathParams: ["owner", "repo", "path"],
  query: ["ref"],
  body: [],
  required: [],
});
const getTree = rule("/repos/{owner}/{repo}/git/trees/{tree_sha}", "get", {
  pathParams: ["owner", "repo", "tree_sha"],
  query: ["recursive"],
  body: [],
  required: [],
});
const listComments = rule("/repos/{owner}/{repo}/issues/{issue_number}/comments", "get", {
  pathParams: ["owner", "repo", "issue_number"],
  query: ["since", "per_page", "page"],
  body: [],
  required: [],
});
const createComment = rule("/repos/{owner}/{repo}/issues/{issue_number}/comments", "post", {
  pathParams: ["owner", "repo", "issue_number"],
  query: [],
  body: ["body"],
  required: ["body"],
});
const updateComment = rule("/repos/{owner}/{repo}/issues/comments/{comment_id}", "patch", {
  pathParams: ["owner", "repo", "comment_id"],
  query: [],
  body: ["body"],
  required: ["body"],
});
const deleteComment = rule("/repos/{owner}/{repo}/issues/comments/{comment_id}", "delete", {
  pathParams: ["owner", "repo", "comment_id"],
  query: [],
  body: [],
  required: [],
});
const getUser = rule("/user", "get", { pathParams: [], query: [], body: [], required: [] });
const getPull = rule("/repos/{owner}/{repo}/pulls/{pull_number}", "get", {
  pathParams: ["owner", "repo", "pull_number"],
  query: [],
  body: [],
  required: [],
});
const updatePull = rule("/repos/{owner}/{repo}/pulls/{pull_number}", "patch", {
  pathParams: ["owner", "repo", "pull_number"],
  query: [],
  body: ["title", "body", "state", "base", "maintainer_can_modify"],
  required: [],
  enums: { state: ["open", "closed"] },
});
const merge = rule("/repos/{owner}/{repo}/pulls/{pull_number}/merge", "put", {
  pathParams: ["owner", "repo", "pull_number"],
  query: [],
  body: ["commit_title", "commit_message", "sha", "merge_method"],
  required: [],
  enums: { merge_method: ["merge", "squash", "rebase"] },
});

// Exhaustiveness: the runtime lists above name every body field, required field and query
// parameter the description has (the `rule()` signature already rejects names it lacks).
type Keys<T> = keyof T & string;
export type OpenApiChecks = [
  Expect<Equal<Keys<QueryOf<Operation<"/repos/{owner}/{repo}/pulls/{pull_number}/commits", "get">>>, "per_page" | "page">>,
  Expect<Equal<Keys<QueryOf<Operation<"/repos/{owner}/{repo}/compare/{basehead}", "get">>>, "page" | "per_page">>,
  Expect<Equal<Keys<QueryOf<Operation<"/repos/{owner}/{repo}/contents/{path}", "get">>>, "ref">>,
  Expect<Equal<Keys<QueryOf<Operation<"/repos/{owner}/{repo}/issues/{issue_number}/comments", "get">>>, "since" | "per_page" | "page">>,
  Expect<Equal<Keys<JsonBody<Operation<"/repos/{owner}/{repo}/issues/{issue_number}/comments", "post">>>, "body">>,
  Expect<Equal<RequiredKeys<JsonBody<Operation<"/repos/{owner}/{repo}/issues/{issue_number}/comments", "post">>>, "body">>,
  Expect<Equal<Keys<JsonBody<Operation<"/repos/{owner}/{repo}/issues/comments/{comment_id}", "patch">>>, "body">>,
  Expect<Equal<RequiredKeys<JsonBody<Operation<"/repos/{owner}/{repo}/issues/comments/{comment_id}", "patch">>>, "body">>,
  Expect<Equal<Keys<JsonBody<Operation<"/repos/{owner}/{repo}/pulls/{pull_number}", "patch">>>, "title" | "body" | "state" | "base" | "maintainer_can_modify">>,
  Expect<Equal<RequiredKeys<JsonBody<Operation<"/repos/{owner}/{repo}/pulls/{pull_number}", "patch">>>, never>>,
  Expect<Equal<Keys<JsonBody<Operation<"/repos/{owner}/{repo}/pulls/{pull_number}/merge", "put">>>, "commit_title" | "commit_message" | "sha" | "merge_method">>,
  Expect<Equal<RequiredKeys<JsonBody<Operation<"/repos/{owner}/{repo}/pulls/{pull_number}/merge", "put">>>, never>>,
  Expect<Equal<NonNullable<JsonBody<Operation<"/repos/{owner}/{repo}/pulls/{pull_number}/merge", "put">>["merge_method"]>, "merge" | "squash" | "rebase">>,
];

/** Every operation the fake server answers. */
export const ENDPOINTS: readonly EndpointRule[] = [
  listPullCommits,
  compare,
  getContent,
  getTree,
  listComments,
  createComment,
  updateComment,
  deleteComment,
  getUser,
  getPull,
  updatePull,
  merge,
];

/** The rule whose method and path template match a request, with the path parameters. */
export function matchEndpoint(method: string, pathname: string): { rule: EndpointRule; params: Record<string, string> } | null {
  for (const candidate of ENDPOINTS) {
    if (candidate.method !== method) continue;
    const names: string[] = [];
    const pattern = candidate.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      // `path` (file contents) and `basehead` may hold slashes; other parameters are one segment.
      return name === "path" || name === "basehead" ? "(.+)" : "([^/]+)";
    });
    const match = new RegExp(`^${pattern}$`).exec(pathname);
    if (!match) continue;
    return { rule: candidate, params: Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1])])) };
  }
  return null;
}

/** Problems with a request against its rule: unknown query parameters, body fields or enum values, missing required fields. */
export function checkRequest(rule: EndpointRule, query: URLSearchParams, body: unknown): string[] {
  const problems: string[] = [];
  for (const key of query.keys()) if (!rule.query.includes(key)) problems.push(`unknown query parameter "${key}"`);
  if (rule.body.length === 0) {
    if (body !== undefined) problems.push("unexpected request body");
    return problems;
  }
  if (rule.required.length > 0 && (body === undefined || body === null)) return [...problems, "missing JSON body"];
  if (body === undefined) return problems;
  if (typeof body !== "object" || body === null || Array.isArray(body)) return [...problems, "body is not a JSON object"];
  const record = body as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!rule.body.includes(key)) problems.push(`unknown body field "${key}"`);
  for (const key of rule.required) if (!(key in record)) problems.push(`missing required body field "${key}"`);
  for (const [key, allowed] of Object.entries(rule.enums)) {
    if (key in record && !allowed.includes(String(record[key]))) problems.push(`body field "${key}" is "${String(record[key])}", expected one of ${allowed.join(", ")}`);
  }
  return problems;
}
