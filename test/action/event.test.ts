// The event payload as the action reads it: which pull request, and whether it comes from a fork.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readEvent } from "../../src/action/event.js";

function eventWith(head: Record<string, unknown>, baseRepo: Record<string, unknown> = {}, repository: Record<string, unknown> = {}): ReturnType<typeof readEvent> {
  const path = join(mkdtempSync(join(tmpdir(), "rationale-event-")), "event.json");
  const pullRequest = { number: 7, base: { sha: "a".repeat(40), ref: "main", repo: { full_name: "acme/widgets", ...baseRepo } }, head: { sha: "b".repeat(40), ref: "topic", ...head } };
  writeFileSync(path, JSON.stringify({ pull_request: pullRequest, repository: { full_name: "acme/widgets", ...repository } }));
  return readEvent({ GITHUB_EVENT_PATH: path, GITHUB_REPOSITORY: "acme/widgets", GITHUB_EVENT_NAME: "pull_request" });
}

describe("readEvent", () => {
  it("tells a fork's pull request from the repository's own, a deleted fork included", () => {
    expect(eventWith({ repo: { full_name: "acme/widgets" } }).pull?.fromFork).toBe(false);
    expect(eventWith({ repo: { full_name: "someone/widgets" } }).pull?.fromFork).toBe(true);
    // GitHub sends `head.repo: null` once the fork is deleted: still not the repository's own branch.
    expect(eventWith({ repo: null }).pull?.fromFork).toBe(true);
  });

  it("reads the repository's squash merge message setting from the base repository, else the event's repository", () => {
    const head = { repo: { full_name: "acme/widgets" } };
    expect(eventWith(head, { squash_merge_commit_message: "PR_BODY" }).pull?.squashMergeMessage).toBe("PR_BODY");
    expect(eventWith(head, {}, { squash_merge_commit_message: "BLANK" }).pull?.squashMergeMessage).toBe("BLANK");
    expect(eventWith(head, { squash_merge_commit_message: "COMMIT_MESSAGES" }, { squash_merge_commit_message: "PR_BODY" }).pull?.squashMergeMessage).toBe("COMMIT_MESSAGES");
    // Absent, or a value this version does not know: not known, so the description's own limit applies.
    expect(eventWith(head).pull?.squashMergeMessage).toBeUndefined();
    expect(eventWith(head, { squash_merge_commit_message: "pr_body" }).pull?.squashMergeMessage).toBeUndefined();
  });
});
