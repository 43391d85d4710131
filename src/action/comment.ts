// Keeps one report comment per comment key (workflow and job) on the pull request, found by its hidden marker.
import type { Octokit } from "@octokit/rest";
import { createComment, currentLogin, deleteComment, listIssueComments, updateComment, type IssueComment, type RepoRef } from "./github.js";
import { LEGACY_REPORT_MARKER, reportMarker } from "./report.js";

/** When to comment: `on-failure` (default), `always`, `never`. */
export type CommentMode = "on-failure" | "always" | "never";

/** What happened to the sticky comment ("adopted": an earlier version's comment now carries this job's report). */
export type CommentAction = "created" | "updated" | "adopted" | "unchanged" | "superseded" | "none";

/** The login of the workflow's own token (GITHUB_TOKEN), which writes the comment by default. */
export const ACTIONS_BOT = "github-actions[bot]";

/**
 * This job's report comment among `comments`: the one marked with `marker` (see reportMarker),
 * else one an earlier version marked, which this job adopts (`legacy`, `from` its marker): first
 * with one of `earlier` (the key an earlier version gave this step by default), then with
 * LEGACY_REPORT_MARKER. Either way it was written by the workflow token's bot or by the token's
 * own account (a user, or a GitHub App's bot as GraphQL's viewer names it). Only when the token
 * cannot say who it is is some other bot's marked comment taken, and then `sure` is false. A
 * marker pasted into someone else's comment, or copied by another bot, does not make the action
 * edit that comment; nor does another job's marker: each comment key keeps its own comment.
 */
export async function findStickyComment(
  comments: IssueComment[],
  whoAmI: () => Promise<string | null>,
  marker: string,
  earlier: readonly string[] = [],
): Promise<{ comment: IssueComment; sure: boolean; legacy: boolean; from?: string } | undefined> {
  let login: Promise<string | null> | undefined;
  const askOnce = () => (login ??= whoAmI());
  const own = await writtenByToken(comments.filter((comment) => hasMarker(comment, marker)), askOnce);
  if (own) return { ...own, legacy: false };
  for (const from of [...earlier, LEGACY_REPORT_MARKER]) {
    const adopted = await writtenByToken(comments.filter((comment) => hasMarker(comment, from)), askOnce);
    if (adopted) return { ...adopted, legacy: true, from };
  }
  return undefined;
}

/** The oldest of `marked` that the token wrote (see findStickyComment), and whether that is sure. */
async function writtenByToken(marked: IssueComment[], whoAmI: () => Promise<string | null>): Promise<{ comment: IssueComment; sure: boolean } | undefined> {
  if (marked.length === 0) return undefined;
  marked.sort((a, b) => a.id - b.id);
  const byActions = marked.find((comment) => comment.login === ACTIONS_BOT);
  if (byActions) return { comment: byActions, sure: true };
  const login = await whoAmI();
  const found = login ? marked.find((comment) => comment.login === login) : marked.find((comment) => comment.userType === "Bot");
  return found && { comment: found, sure: login !== null };
}

/**
 * Creates, updates or leaves the sticky comment of comment key `key` on pull request `number`:
 * failing (or mode `always`): the full report, edited in place when the comment exists;
 * passing with mode `on-failure`: an existing comment becomes the short all-good note, and
 * none is created; mode `never`: nothing; `onlyExisting`: an existing comment is edited, none
 * is created. Other keys' comments are left alone. A comment an earlier version wrote (under
 * `previousKey`, the key it gave this step by default, or LEGACY_REPORT_MARKER) is adopted by
 * the first job without a comment of its own to reach it, so upgrading leaves no stale report.
 * Errors (such as 403 on a fork) propagate.
 */
export async function publishStickyComment(
  octokit: Octokit,
  ref: RepoRef,
  number: number,
  options: {
    mode: CommentMode;
    /** This job's comment key (see readInputs); `report` and `allGood` carry its marker. */
    key: string;
    /** The key an earlier version gave this step's comment by default (see readInputs), adopted. */
    previousKey?: string;
    failed: boolean;
    report: string;
    allGood: string;
    /** Whether this run still judges the pull request's head (asked only when runs raced). */
    isCurrent?: () => Promise<boolean>;
    /** Only edit an existing comment: create none, whatever `mode` and `failed` say. */
    onlyExisting?: boolean;
  },
): Promise<{ action: CommentAction; id?: number; adoptedKey?: string }> {
  if (options.mode === "never") return { action: "none" };
  const marker = reportMarker(options.key);
  const comments = await listIssueComments(octokit, ref, number);
  const earlier = options.previousKey === undefined ? [] : [reportMarker(options.previousKey)];
  const sticky = await findStickyComment(comments, () => currentLogin(octokit), marker, earlier);
  const body = options.failed || options.mode === "always" ? options.report : options.allGood;
  if (sticky) {
    const existing = sticky.comment;
    // Copies left by two runs that raced before (see settleDuplicates) go now, when the writer is
    // surely this action's token: not a bot adopted only because the token could not say who it is.
    const copies = markedBy(comments, existing.login, sticky.from ?? marker);
    if (sticky.sure) for (const copy of copies) if (copy.id > existing.id) await deleteComment(octokit, ref, copy.id);
    if (existing.body === body) return { action: "unchanged", id: existing.id };
    // A run that finishes after a newer push's run must not put the old head's report back.
    if (options.isCurrent && !(await options.isCurrent())) return { action: "superseded", id: existing.id };
    await updateComment(octokit, ref, existing.id, body);
    if (!sticky.legacy) return { action: "updated", id: existing.id };
    // Two jobs that reach the old comment at once both adopt it, and the later edit wins: the
    // job that reads another key's marker there now writes its report into a comment of its own.
    const adopted = (await listIssueComments(octokit, ref, number)).find((comment) => comment.id === existing.id);
    if (adopted && hasMarker(adopted, marker)) return { action: "adopted", id: existing.id, ...(sticky.from === LEGACY_REPORT_MARKER ? {} : { adoptedKey: options.previousKey }) };
  }
  if (options.onlyExisting || (!options.failed && options.mode === "on-failure")) return { action: "none" };
  const created = await createComment(octokit, ref, number, body);
  return { action: "created", id: await settleDuplicates(octokit, ref, number, created, marker, body, options.isCurrent ?? (async () => true)) };
}

/**
 * Two runs of one job on the same pull request (a push while the previous run is still going,
 * without a `concurrency` group) can both find no comment and both create one. After creating,
 * the comments are listed again, and the writer's comments with this job's `marker` are settled
 * on the oldest: the newer copies are deleted, and the oldest takes this run's report unless
 * this run no longer judges the pull request's head (a newer push came while it ran). Whichever
 * run settles last, one comment stays, with the report of the run on the current head: a stale
 * run that deleted the newer run's copy leaves the oldest to the newer run, which finds its own
 * copy gone and writes its report there. Returns the surviving id.
 */
async function settleDuplicates(
  octokit: Octokit,
  ref: RepoRef,
  number: number,
  created: { id: number; login: string },
  marker: string,
  body: string,
  isCurrent: () => Promise<boolean>,
): Promise<number> {
  if (created.login === "") return created.id;
  const mine = markedBy(await listIssueComments(octokit, ref, number), created.login, marker);
  const keep = mine[0];
  if (keep === undefined || (keep.id === created.id && mine.length === 1)) return created.id;
  if (keep.id !== created.id && keep.body !== body && (await isCurrent())) await updateComment(octokit, ref, keep.id, body);
  for (const duplicate of mine.slice(1)) await deleteComment(octokit, ref, duplicate.id);
  return keep.id;
}

/** Whether `comment` starts with `marker` (a whole marker: one key's is never a prefix of another's). */
function hasMarker(comment: IssueComment, marker: string): boolean {
  return comment.body.trimStart().startsWith(marker);
}

/** The comments with `marker` written by `login`, oldest first. */
function markedBy(comments: readonly IssueComment[], login: string, marker: string): IssueComment[] {
  return comments.filter((comment) => comment.login === login && hasMarker(comment, marker)).sort((a, b) => a.id - b.id);
}
