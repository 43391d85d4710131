// The hint for a --path that names nothing: when it was last changed, found without walking again what the selection read.
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lastTouchedArgs, pathsNamingNothing, type HistorySelection } from "../../src/audit/git-log.js";
import { GOOD_MESSAGE, git, gitEnv, makeRepo } from "./helpers.js";

const cleanup: string[] = [];
afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});
const track = (dir: string) => (cleanup.push(dir), dir);

/** Commits `files` (written) or the removal of `remove` in `repo`, on `date`. */
function commit(repo: string, change: { files?: Record<string, string>; remove?: string }, date = "2024-05-06T12:00:00+00:00"): void {
  for (const [name, content] of Object.entries(change.files ?? {})) writeFileSync(join(repo, name), content);
  git(repo, change.remove ? ["rm", "-q", change.remove] : ["add", "-A"]);
  execFileSync("git", ["commit", "-q", "-m", GOOD_MESSAGE], { cwd: repo, env: { ...gitEnv, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } });
}

const whole = (revisions: string[] = [], extra: Partial<HistorySelection> = {}): HistorySelection => ({ revisions, paths: ["p"], ...extra });

describe("lastTouchedArgs", () => {
  it("leaves out the history the selection's walk read whole", () => {
    expect(lastTouchedArgs("p", whole())).toEqual(["log", "-1", "--format=%h%x00%cs", "--branches", "--tags", "--remotes", "HEAD", "--not", "HEAD", "--", "p"]);
    expect(lastTouchedArgs("p", whole(["main", "v1.0", "topic^@"])).slice(7, 11)).toEqual(["--not", "main", "v1.0", "topic^@"]);
    // A count at or above git's limit is every commit: nothing was left out.
    expect(lastTouchedArgs("p", whole([], { maxCount: 2 ** 31 }))).toContain("--not");
  });

  it("walks everything again when the selection read only part of the history", () => {
    const partial: HistorySelection[] = [
      whole([], { since: "2024-01-01" }),
      whole([], { until: "2024-01-01" }),
      whole([], { maxCount: 0 }),
      whole([], { firstParent: true }),
      whole([], { noMerges: true }),
      whole(["v1.0..HEAD"]),
      whole(["HEAD", "^v1.0"]),
      whole(["main...topic"]),
      whole(["HEAD^!"]),
      whole(["HEAD^-"]),
      whole(["HEAD --not main"]),
    ];
    for (const selection of partial) expect(lastTouchedArgs("p", selection), JSON.stringify(selection)).not.toContain("--not");
    expect(lastTouchedArgs("p")).not.toContain("--not");
  });
});

describe("pathsNamingNothing", () => {
  it("finds a path changed only on another branch after a walk of HEAD found nothing, and none for a typo", () => {
    const repo = track(makeRepo([{ message: GOOD_MESSAGE, files: { "kept.txt": "1\n" } }]));
    git(repo, ["switch", "-q", "-c", "topic"]);
    commit(repo, { files: { "topic.txt": "1\n" } });
    const topic = git(repo, ["log", "-1", "--format=%h"]).trim();
    git(repo, ["switch", "-q", "main"]);
    const found = pathsNamingNothing(repo, ["topic.txt", "no/such/path", "kept.txt"], { revisions: [], paths: ["topic.txt", "no/such/path", "kept.txt"] });
    expect(found).toEqual([{ path: "topic.txt", last: { commit: topic, date: "2024-05-06" } }, { path: "no/such/path" }]);
  });

  it("reads HEAD's history again only when the selection left part of it out", () => {
    // A file added and removed on a side branch whose merge kept none of it: git log's history
    // simplification hides both commits from `git log HEAD -- tmp.txt`, so the audit of the
    // whole history found nothing, and the hint does not look through HEAD's history again.
    const repo = track(makeRepo([{ message: GOOD_MESSAGE, files: { "kept.txt": "1\n" } }]));
    git(repo, ["switch", "-q", "-c", "side"]);
    commit(repo, { files: { "tmp.txt": "1\n" } });
    commit(repo, { remove: "tmp.txt" }, "2024-05-07T12:00:00+00:00");
    const removal = git(repo, ["log", "-1", "--format=%h"]).trim();
    git(repo, ["switch", "-q", "main"]);
    git(repo, ["merge", "-q", "--no-ff", "-m", "Merge side", "side"]);
    expect(git(repo, ["log", "--format=%h", "HEAD", "--", "tmp.txt"])).toBe("");
    expect(pathsNamingNothing(repo, ["tmp.txt"], { revisions: [], paths: ["tmp.txt"] })).toEqual([{ path: "tmp.txt" }]);
    // A walk cut short by a date read part of the history: all of it is read for the hint.
    expect(pathsNamingNothing(repo, ["tmp.txt"], { revisions: [], paths: ["tmp.txt"], since: "2030-01-01" })).toEqual([
      { path: "tmp.txt", last: { commit: removal, date: "2024-05-07" } },
    ]);
  });
});
