// Keeps exactly one report comment on the pull request, found by its hidden marker.
import type { Octokit } from "@octokit/rest";
import { createComment, currentLogin, listIssueComments, updateComment, type IssueComment, type RepoRef } from "./github.js";
import { REPORT_MARKER } from "./report.js";

/** When to comment: `on-failure` (default), `always`, `never`. */
export type CommentMode = "on-failure" | "always" | "never";

/** What happened to the sticky comment. */
export type CommentAction = "created" | "updated" | "unchanged" | "none";

/** The login of the workflow's own token (GITHUB_TOKEN), which writes the comment by default. */
export const ACTIONS_BOT = "github-actions[bot]";

/**
 * The action's own report comment among `comments`: its body starts with the marker and it was
 * written by the workflow token's bot, by the token's own user, or, when the token cannot say
 * who it is (a GitHub App's token), by some other bot. A marker pasted into someone else's
 * comment, or copied by another bot, does not make the action edit that comment.
 */
export async function findStickyComment(comments: IssueComment[], whoAmI: () => Promise<string | null>): Promise<IssueComment | undefined> {
  const marked = comments.filter((comment) => comment.body.trimStart().startsWith(REPORT_MARKER));
  if (marked.length === 0) return undefined;
  const byActions = marked.find((comment) => comment.login === ACTIONS_BOT);
  if (byActions) return byActions;
  const login = await whoAmI();
  if (login) return marked.find((comment) => comment.login === login);
  return marked.find((comment) => comment.userType === "Bot");
}

/**
 * Creates, updates or leaves the sticky comment for pull request `number`:
 * failing (or mode `always`): the full report, edited in place when the comment exists;
 * passing with mode `on-failure`: an existing comment becomes the short all-good note, and
 * none is created; mode `never`: nothing. Errors (such as 403 on a fork) propagate.
 */
export async function publishStickyComment(
  octokit: Octokit,
  ref: RepoRef,
  number: number,
  options: { mode: CommentMode; failed: boolean; report: string; allGood: string },
): Promise<{ action: CommentAction; id?: number }> {
  if (options.mode === "never") return { action: "none" };
  const existing = await findStickyComment(await listIssueComments(octokit, ref, number), () => currentLogin(octokit));
  const body = options.failed || options.mode === "always" ? options.report : options.allGood;
  if (existing) {
    if (existing.body === body) return { action: "unchanged", id: existing.id };
    await updateComment(octokit, ref, existing.id, body);
    return { action: "updated", id: existing.id };
  }
  if (!options.failed && options.mode === "on-failure") return { action: "none" };
  return { action: "created", id: await createComment(octokit, ref, number, body) };
}
