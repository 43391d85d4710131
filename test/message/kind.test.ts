import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/message/parse.js";
import { isDefaultMergeText, isDefaultRevertText, isDevelopmentBump, isFixupSummary } from "../../src/message/kind.js";

const kindOf = (raw: string) => parseMessage(raw).kind;

describe("message kinds", () => {
  it.each([
    "fixup! Add retry to the fetcher",
    "squash! Add retry to the fetcher",
    "amend! Add retry to the fetcher",
  ])("fixup: %s", (summary) => {
    expect(kindOf(`${summary}\n`)).toBe("fixup");
    expect(isFixupSummary(summary)).toBe(true);
  });

  it.each([
    "Merge branch 'topic'",
    "Merge branch 'jc/fix-typo' into maint",
    "Merge branches 'a' and 'b'",
    "Merge branch 'master' of https://github.com/owner/repo",
    "Merge branch 'next' of git://git.kernel.org/pub/scm/git/git into pu",
    "Merge remote-tracking branch 'origin/main'",
    "Merge remote-tracking branch 'origin/main' into feature",
    "Merge tag 'v2.43.0'",
    "Merge tag 'for-linus' of git://git.kernel.org/pub/scm/linux/kernel/git/foo/bar",
    "Merge commit 'a1b2c3d4'",
    "Merge pull request #12 from owner/feature-branch",
    "Merge branch 'feature' into 'main'",
    "Merge git://git.kernel.org/pub/scm/git/git",
  ])("merge: %s", (summary) => {
    expect(kindOf(`${summary}\n`)).toBe("merge");
  });

  it.each([
    "Revert \"Add retry to the fetcher\"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\n",
    "Reapply \"Add retry to the fetcher\"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\n",
    "revert: drop the retry loop\n\nRefs: 0123456\n",
    "Revert the retry loop\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\nIt hid real outages.\n",
    // Conventional Commits: the `revert:` type with git's line, the spec's `Refs:` trailer, or
    // the reverted commit's own header as its subject (conventional-changelog's form).
    "revert: drop the retry loop\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\n",
    "revert(fetcher)!: drop the retry loop\n\nIt hid real outages.\n\nRefs: 0123456, 89abcde\n",
    "revert: feat(fetcher): add retry\n",
    "revert: \"feat: add retry\"\n",
  ])("revert: %s", (raw) => {
    expect(kindOf(raw)).toBe("revert");
  });

  // git.git names the area a change is in: "revert:" is the `git revert` command, and nothing
  // in the message says a commit is reverted. Mentioning a commit in the prose is no evidence.
  it.each([
    "revert: fix --abort with a conflicted index\n\nWhen the index has conflicts, --abort left them behind.\n\nSigned-off-by: A U Thor <author@example.com>\n",
    "revert: pass around rev-list args in already-parsed form\n\nSince 7e2bfd3f (revert: allow cherry-picking more than one commit,\n2011-06-02) the arguments are parsed twice.\n",
    "revert: optionally refer to commit in the \"reference\" format\n\nThe default message reads:\n\n    This reverts commit 8fa7f667cf61386257c00d6e954855cc3215ae91.\n",
    "revert: add --ff option\n",
  ])("normal: %s", (raw) => {
    expect(kindOf(raw)).toBe("normal");
  });

  it.each([
    "Bump lodash from 4.17.20 to 4.17.21",
    "Bump the npm_and_yarn group across 1 directory with 2 updates",
    "build(deps): bump actions/checkout from 3 to 4",
    "chore(deps-dev): bump vitest from 1.0.0 to 1.1.0",
    "chore(deps): update dependency typescript to v5.9.3",
    "fix(deps): update module github.com/spf13/cobra to v1.8.0",
    "Update dependency eslint to v9",
    "Update actions/setup-node action to v4",
    "Lock file maintenance",
    "[pre-commit.ci] pre-commit autoupdate",
    "[Snyk] Upgrade express from 4.17.1 to 4.18.2",
  ])("bot: %s", (summary) => {
    expect(kindOf(`${summary}\n`)).toBe("bot");
  });

  it("bot: a dependabot sign-off", () => {
    expect(kindOf("Update the lockfile\n\nRefresh.\n\nSigned-off-by: dependabot[bot] <support@github.com>\n")).toBe("bot");
  });

  it.each([
    "chore: release 1.2.3",
    "chore(release): 1.2.3",
    "chore(main): release 2.0.0",
    "chore: release main",
    "Release v1.2.3",
    "release 1.2.3",
    "v1.2.3",
    "1.4.0-rc.1",
    "Git 2.43",
    "Git 2.43-rc0",
    "GIT 0.99.9e",
    "git-gui 0.18",
    "git-svn 1.0.0",
    "Version Packages",
    "Bump version to 3.1.0",
    "chore: bump version to 0.9.1",
    "Bump version: 1.0.0 → 1.0.1",
    "[maven-release-plugin] prepare release my-app-1.2",
    "[maven-release-plugin] prepare for next development iteration",
    "Prepare next development version",
  ])("release: %s", (summary) => {
    expect(kindOf(`${summary}\n`)).toBe("release");
  });

  it("tells the bump to the next development version, which releases nothing, from a release", () => {
    for (const summary of ["[maven-release-plugin] prepare for next development iteration", "Prepare next development version", "Set version to 1.3.0-SNAPSHOT", "Bump version to 2.1.0.dev0"]) {
      expect(isDevelopmentBump(summary), summary).toBe(true);
    }
    for (const summary of ["Release 1.4.0", "Bump version to 2.3.1", "Update snapshot tests for 1.2", "chore: release 1.2.3", "Release 2.0.0-dev", "Release 1.3.0-SNAPSHOT", "chore: release 1.2.3-snapshot", "v1.2.3-dev.4", "Prepare release 1.2.0.dev3"]) {
      expect(isDevelopmentBump(summary), summary).toBe(false);
    }
    expect(kindOf("Bump version to 2.1.0.dev0\n")).toBe("release");
  });

  it.each([
    "Merge sort implementation for lists",
    "Merge the two config loaders into one",
    "Release lock before calling hooks",
    "Releasing the GIL around blocking reads",
    "Revert to the old cache size after tuning",
    "Bump the retry limit to 5",
    "Update README with install steps",
    "Update 1.2 migration notes",
    "update 1.2",
    "fix 2.0",
    "Drop 2.7",
    "test 3.12",
    "Support Node 20.1 and later",
    // A tool's version inside a longer summary is no release, whatever its case; only a bare
    // "name version" summary is read as one ("git-gui 0.18").
    "bump python 3.12 support",
    "Bump Python 3.12 support",
    "python 3.12 support",
    "ci: python 3.12",
    "chore: update eslint config",
    "Fixup the whitespace in tests",
    "Version 2 of the parser is faster",
    "",
  ])("normal: %s", (summary) => {
    expect(kindOf(`${summary}\n\nBody.\n`)).toBe("normal");
  });
});

describe("default merge and revert texts", () => {
  it("tells a caller that passed no parsed message what to pass, instead of failing on .summary", () => {
    expect(() => isDefaultMergeText(undefined as never)).toThrow(new TypeError("isDefaultMergeText() takes the result of parseMessage(), not undefined"));
    expect(() => isDefaultRevertText("Revert \"x\"" as never)).toThrow(
      new TypeError('isDefaultRevertText() takes the result of parseMessage(), not the string "Revert \\"x\\""; parse the text with parseMessage() first'),
    );
  });

  it("flags a bare git merge, a merge.log shortlog and GitLab's text as default", () => {
    expect(isDefaultMergeText(parseMessage("Merge branch 'topic'\n"))).toBe(true);
    expect(isDefaultMergeText(parseMessage("Merge branch 'jc/foo'\n\n* jc/foo:\n  foo: fix bar\n  foo: add baz\n"))).toBe(true);
    expect(isDefaultMergeText(parseMessage("Merge branch 'feature' into 'main'\n\nSee merge request group/project!12\n"))).toBe(true);
    expect(isDefaultMergeText(parseMessage("Merge branch 'maint'\n\nConflicts:\n\tbuiltin/commit.c\n"))).toBe(true);
    expect(isDefaultMergeText(parseMessage("Merge pull request #12 from owner/branch\n\nAdd retry to the fetcher\n"))).toBe(true);
    expect(isDefaultMergeText(parseMessage("Merge branch 'topic'\n\nSigned-off-by: A <a@example.com>\n"))).toBe(true);
  });

  it("does not flag a merge with an added explanation, or a non-merge", () => {
    expect(isDefaultMergeText(parseMessage("Merge branch 'topic'\n\nBrings the new index format in before the freeze,\nbecause release tooling depends on it.\n"))).toBe(false);
    expect(
      isDefaultMergeText(parseMessage("Merge pull request #12 from owner/branch\n\nAdd retry\n\nThe fetcher failed on flaky networks; retry three times.\n")),
    ).toBe(false);
    expect(isDefaultMergeText(parseMessage("Merge sort implementation\n"))).toBe(false);
  });

  it("flags git's revert text with nothing added", () => {
    const sha = "0123456789abcdef0123456789abcdef01234567";
    expect(isDefaultRevertText(parseMessage(`Revert "Add retry"\n\nThis reverts commit ${sha}.\n`))).toBe(true);
    expect(isDefaultRevertText(parseMessage(`Revert "Merge branch 'x'"\n\nThis reverts commit ${sha}, reversing\nchanges made to ${sha}.\n`))).toBe(true);
    expect(isDefaultRevertText(parseMessage(`Revert "Add retry"\n\nThis reverts commit ${sha}.\n\nSigned-off-by: A <a@example.com>\n`))).toBe(true);
    expect(isDefaultRevertText(parseMessage(`Revert "Add retry"\n\nReverts owner/repo#42\n`))).toBe(true);
  });

  it("does not flag a revert that says why", () => {
    const sha = "0123456789abcdef0123456789abcdef01234567";
    expect(isDefaultRevertText(parseMessage(`Revert "Add retry"\n\nThis reverts commit ${sha}.\n\nRetries doubled the load during the outage.\n`))).toBe(false);
    expect(isDefaultRevertText(parseMessage("Revert the retry loop\n\nIt doubled the load.\n"))).toBe(false);
  });
});
