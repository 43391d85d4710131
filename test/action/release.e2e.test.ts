// End-to-end: release pull requests get the composed release message in their description or merged with it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BODY_MAX_CHARACTERS, COMMIT_MESSAGE_MAX_CHARACTERS, CONTENTS_JSON_MAX_BYTES, FakeGitHub, pullRequestPayload, type FakePull } from "./fake-github.js";
import { addPull, runAction } from "./harness.js";

const START = "<!-- rationale:release:start -->";
const END = "<!-- rationale:release:end -->";

const BASE_CHANGELOG = `# Changelog

## [1.2.0](https://github.com/acme/widgets/compare/v1.1.0...v1.2.0) (2026-02-01)

### Features

* **upload:** resumable uploads ([abc1234](https://github.com/acme/widgets/commit/abc1234))
`;

const HEAD_CHANGELOG = `# Changelog

## [1.3.0](https://github.com/acme/widgets/compare/v1.2.0...v1.3.0) (2026-03-18)

### Features

* **upload:** retry failed chunks up to three times so a flaky network does not lose the upload ([def5678](https://github.com/acme/widgets/commit/def5678))

### Bug Fixes

* **cli:** exit 2 on a missing config file instead of a stack trace ([0a1b2c3](https://github.com/acme/widgets/commit/0a1b2c3))

${BASE_CHANGELOG.replace("# Changelog\n\n", "")}`;

let fake: FakeGitHub;

beforeEach(async () => {
  fake = new FakeGitHub();
  await fake.start();
});

afterEach(async () => {
  await fake.stop();
  expect(fake.violations).toEqual([]);
});

function releasePull(): FakePull {
  const pull = addPull(fake, ["chore(main): release 1.3.0\n"], {
    title: "chore(main): release 1.3.0",
    body: ":robot: I have created a release *beep* *boop*\n---\n\n## [1.3.0](https://github.com/acme/widgets/compare/v1.2.0...v1.3.0) (2026-03-18)\n\nThis PR was generated with [Release Please](https://github.com/googleapis/release-please).",
    headRef: "release-please--branches--main--components--widgets",
  });
  fake.files.set(pull.base.sha, { "package.json": '{ "name": "widgets", "version": "1.2.0" }\n', "CHANGELOG.md": BASE_CHANGELOG });
  fake.files.set(pull.head.sha, { "package.json": '{ "name": "widgets", "version": "1.3.0" }\n', "CHANGELOG.md": HEAD_CHANGELOG });
  return pull;
}

describe("release pull requests", { timeout: 60_000 }, () => {
  it("describe: writes the composed message into a marked block of the description, replaced on later runs", async () => {
    const pull = releasePull();
    const original = pull.body;
    const first = await runAction(fake, pull, { inputs: { release: "describe" } });
    expect(first.code).toBe(0);
    const body = pull.body ?? "";
    expect(body.startsWith(original ?? "")).toBe(true);
    const block = body.slice(body.indexOf(START), body.indexOf(END) + END.length);
    expect(block).toContain("widgets 1.2.0 -> 1.3.0");
    expect(block).toContain("retry failed chunks");
    expect(block).not.toContain("<details>");
    // The base and head manifests were read at their own commits, through the contents API.
    const reads = fake.calls("GET", "/repos/{owner}/{repo}/contents/{path}").filter((call) => call.path.endsWith("/package.json"));
    expect(new Set(reads.map((call) => call.query.ref))).toEqual(new Set([pull.base.sha, pull.head.sha]));

    // The release tool rewrites the changelog; the next run replaces the block, never adds one.
    fake.files.get(pull.head.sha)!["CHANGELOG.md"] = HEAD_CHANGELOG.replace("exit 2 on a missing config file", "exit 2 on a missing or unreadable config file");
    const second = await runAction(fake, { ...pull, body: pull.body }, { inputs: { release: "describe" } });
    expect(second.code).toBe(0);
    const updated = pull.body ?? "";
    expect(updated.split(START)).toHaveLength(2);
    expect(updated).toContain("missing or unreadable config file");
    expect(fake.calls("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}")).toHaveLength(2);
    expect(fake.calls("PUT", "/repos/{owner}/{repo}/pulls/{pull_number}/merge")).toHaveLength(0);
    // A third run with nothing new changes nothing.
    await runAction(fake, pull, { inputs: { release: "describe" } });
    expect(fake.calls("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}")).toHaveLength(2);
  });

  it("describe: leaves markers the description quotes in code alone and writes the block after them", async () => {
    const pull = releasePull();
    // A description that documents the block: its example must not be taken for it.
    const documented = `${pull.body}\n\nReleases keep their notes between \`${START}\` and \`${END}\`:\n\n\`\`\`markdown\n${START}\nwidgets 1.0.0 -> 1.1.0\n${END}\n\`\`\``;
    pull.body = documented;
    const run = await runAction(fake, pull, { inputs: { release: "describe" } });
    expect(run.code).toBe(0);
    const body = pull.body ?? "";
    expect(body.startsWith(`${documented}\n\n${START}\n`)).toBe(true);
    expect(body).toContain("widgets 1.2.0 -> 1.3.0");
    expect(body.split(START)).toHaveLength(4);
    // The next run finds its own block, not the example, and has nothing to change.
    await runAction(fake, pull, { inputs: { release: "describe" } });
    expect(pull.body).toBe(body);
    expect(fake.calls("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}")).toHaveLength(1);
  });

  it("describe: cuts the block to fit GitHub's 65,536-character description, saying where the whole message is", async () => {
    const pull = releasePull();
    // A changelog section of about 140,000 characters: two descriptions' worth.
    const bullets = Array.from({ length: 2000 }, (_, index) => `* **upload:** retry chunk ${index} once more before giving up (#${index})`).join("\n");
    fake.files.get(pull.head.sha)!["CHANGELOG.md"] = HEAD_CHANGELOG.replace("### Bug Fixes", `${bullets}\n\n### Bug Fixes`);
    const original = pull.body ?? "";
    const run = await runAction(fake, pull, { inputs: { release: "describe" } });
    expect(run.commands.filter((line) => line.startsWith("::error"))).toEqual([]);
    // The note is wrapped at 72 as the rest is: the strict preset makes a longer line an error.
    expect(run.commands.filter((line) => line.includes("body-max-line-length"))).toEqual([]);
    expect(fake.calls("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}").map((call) => call.status)).toEqual([200]);
    const body = pull.body ?? "";
    expect(body.length).toBeLessThanOrEqual(BODY_MAX_CHARACTERS);
    expect(body.length).toBeGreaterThan(BODY_MAX_CHARACTERS - 200);
    expect(body.startsWith(original)).toBe(true);
    const block = body.slice(body.indexOf(START), body.indexOf(END) + END.length);
    expect(block.endsWith(`\n${END}`)).toBe(true);
    // The package's version line leads; whole changelog lines follow, then the note.
    expect(block).toContain("widgets 1.2.0 -> 1.3.0");
    expect(block).toContain("retry chunk 0 once more");
    expect(block).not.toContain("retry chunk 1999 once more");
    expect(block).toMatch(/\(#\d+\)\n\n\[The rest is cut to fit the 65,536 characters GitHub takes in a\ndescription\. The whole message:\nrationale release compose --from \w{7} --to \w{7}\]\n<!-- rationale:release:end -->$/);
    expect(block).toContain(`--from ${pull.base.sha.slice(0, 7)} --to ${pull.head.sha.slice(0, 7)}`);
    expect(run.stdout).toContain(`rationale: release message written into the description of #${pull.number}, cut to fit`);

    // A description with no room left even for the note keeps its text: a notice says why.
    const full = releasePull();
    full.body = `${"x".repeat(BODY_MAX_CHARACTERS - 100)}`;
    const patches = fake.calls("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}").length;
    const skipped = await runAction(fake, full, { inputs: { release: "describe" } });
    // Judged as it stands (it lists no release, which fails), with no request GitHub refuses.
    expect(skipped.stdout).not.toContain("GitHub API answered");
    expect(fake.calls("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}")).toHaveLength(patches);
    expect(full.body).toBe("x".repeat(BODY_MAX_CHARACTERS - 100));
    expect(skipped.commands).toContain(
      `::notice::rationale: release message not written into the description of #${full.number}: its 65,436 characters leave no room for it within the 65,536 GitHub takes; rationale release compose --from ${full.base.sha.slice(0, 7)} --to ${full.head.sha.slice(0, 7)} prints it`,
    );

    // An earlier run's shorter block that still fitted says what an older head released: it is
    // taken out rather than landed by the squash merge.
    const stale = releasePull();
    const text = "x".repeat(BODY_MAX_CHARACTERS - 100);
    stale.body = `${text}\n\n${START}\nwidgets 1.2.0 -> 1.2.1\n${END}\n`;
    const cleaned = await runAction(fake, stale, { inputs: { release: "describe" } });
    expect(cleaned.stdout).not.toContain("GitHub API answered");
    expect(stale.body).toBe(`${text}\n`);
    expect(cleaned.commands).toContain(
      `::notice::rationale: release message not written into the description of #${stale.number}: its 65,437 characters leave no room for it within the 65,536 GitHub takes; rationale release compose --from ${stale.base.sha.slice(0, 7)} --to ${stale.head.sha.slice(0, 7)} prints it (an earlier run's release block is taken out)`,
    );

    // With a read-only token the block stays, and no notice says it was taken out.
    const kept = releasePull();
    kept.body = `${text}\n\n${START}\nwidgets 1.2.0 -> 1.2.1\n${END}\n`;
    fake.fail({ method: "PATCH", route: "/repos/{owner}/{repo}/pulls/{pull_number}", status: 403, message: "Resource not accessible by integration" });
    const refused = await runAction(fake, kept, { inputs: { release: "describe" } });
    expect(kept.body).toContain(START);
    expect(refused.commands.filter((line) => line.startsWith("::notice::"))).toEqual([
      `::notice::rationale: release message not written into the description of #${kept.number}: its 65,437 characters leave no room for it within the 65,536 GitHub takes; rationale release compose --from ${kept.base.sha.slice(0, 7)} --to ${kept.head.sha.slice(0, 7)} prints it`,
      `::notice::rationale: cannot edit the description of #${kept.number} (403, read-only token); grant the token "pull-requests: write" in the workflow's permissions to take the earlier release block out of the description`,
    ]);
  });

  it("describe: fits the block to a commit message's 16,383 characters where squash merges default to the description", async () => {
    // A changelog section of about 35,000 characters: within a description, not a commit message.
    const bullets = Array.from({ length: 500 }, (_, index) => `* **upload:** retry chunk ${index} once more before giving up (#${index})`).join("\n");
    const longRelease = () => {
      const pull = releasePull();
      fake.files.get(pull.head.sha)!["CHANGELOG.md"] = HEAD_CHANGELOG.replace("### Bug Fixes", `${bullets}\n\n### Bug Fixes`);
      return pull;
    };
    const squashMessage = (pull: FakePull) => `${pull.title} (#${pull.number})\n\n${pull.body ?? ""}`;
    const command = (pull: FakePull) => `rationale release compose --from ${pull.base.sha.slice(0, 7)} --to ${pull.head.sha.slice(0, 7)}`;

    // "Default to pull request title and description": the event payload says PR_BODY, while the
    // REST API does not show the workflow token the setting.
    fake.squashMergeMessage = "PR_BODY";
    const pull = longRelease();
    const original = pull.body ?? "";
    const run = await runAction(fake, pull, { inputs: { release: "describe" } });
    expect(run.commands.filter((line) => line.startsWith("::error"))).toEqual([]);
    expect(fake.calls("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}").map((call) => call.status)).toEqual([200]);
    expect(squashMessage(pull).length).toBeLessThanOrEqual(COMMIT_MESSAGE_MAX_CHARACTERS);
    expect(squashMessage(pull).length).toBeGreaterThan(COMMIT_MESSAGE_MAX_CHARACTERS - 200);
    expect(pull.body?.startsWith(original)).toBe(true);
    expect(pull.body).toContain("retry chunk 0 once more");
    expect(pull.body).not.toContain("retry chunk 499 once more");
    expect(pull.body?.endsWith(`\n\n[The rest is cut to fit the 16,383 characters GitHub takes in a\ncommit message. The whole message:\n${command(pull)}]\n${END}\n`)).toBe(true);
    expect(run.stdout).toContain(`rationale: release message written into the description of #${pull.number}, cut to fit the 16,383 characters GitHub takes in the squash merge's commit message (${command(pull)} prints it whole)`);
    // The judged squash message is the one that lands.
    const result = JSON.parse(run.outputs.result) as { source: string }[];
    expect(result.at(-1)?.source).toBe("pull-request");

    // A payload without the setting: a token shown it (one that may administer the repository)
    // reads it from the pull request the action fetches anyway.
    const live = longRelease();
    const bare = (pullRequestPayload(fake, live, undefined, { webhook: false }) as { base: { repo: Record<string, unknown> } }).base;
    expect(bare.repo.squash_merge_commit_message).toBeUndefined();
    fake.mergeSettingsShown = true;
    await runAction(fake, live, { inputs: { release: "describe" }, pullRequestPatch: { base: bare } });
    expect(squashMessage(live).length).toBeLessThanOrEqual(COMMIT_MESSAGE_MAX_CHARACTERS);
    expect(live.body).toContain("[The rest is cut to fit the 16,383 characters");

    fake.mergeSettingsShown = false;

    // A description of its own too long for the commit message gets no block, and says which limit.
    const full = releasePull();
    full.body = "x".repeat(COMMIT_MESSAGE_MAX_CHARACTERS - 100);
    const skipped = await runAction(fake, full, { inputs: { release: "describe" } });
    expect(full.body).toBe("x".repeat(COMMIT_MESSAGE_MAX_CHARACTERS - 100));
    const counted = squashMessage(full).length.toLocaleString("en-US");
    expect(skipped.commands).toContain(
      `::notice::rationale: release message not written into the description of #${full.number}: its ${counted} characters, with the title as the squash merge's default commit message, leave no room for it within the 16,383 GitHub takes in a commit message; ${command(full)} prints it`,
    );

    // A description already past the commit message's limit makes GitHub refuse the squash
    // merge's default message whatever the block holds: the block goes in within the
    // description's own limit, whole here, and a notice says what to shorten or do.
    const over = longRelease();
    over.body = "x".repeat(COMMIT_MESSAGE_MAX_CHARACTERS + 500);
    const pastLimit = squashMessage(over).length;
    const placed = await runAction(fake, over, { inputs: { release: "describe" } });
    expect(over.body.startsWith(`${"x".repeat(COMMIT_MESSAGE_MAX_CHARACTERS + 500)}\n\n${START}\n`)).toBe(true);
    expect(over.body).toContain("retry chunk 499 once more");
    expect(over.body).not.toContain("[The rest is cut");
    expect(placed.commands).toContain(
      `::notice::rationale: the description of #${over.number} is ${pastLimit.toLocaleString("en-US")} characters with the title, past the 16,383 GitHub takes in a commit message: GitHub will refuse the squash merge's default message ("Commit message is too long") whatever the release block holds; shorten the description by ${(pastLimit - COMMIT_MESSAGE_MAX_CHARACTERS).toLocaleString("en-US")} characters or more (plus the release block), or edit the message when merging (${command(over)} prints the release message)`,
    );
    expect(placed.stdout).toContain(`rationale: release message written into the description of #${over.number}\n`);
    // The next run counts the description without its own block: the same notice, no new edit.
    const edits = fake.calls("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}").length;
    const again = await runAction(fake, over, { inputs: { release: "describe" } });
    expect(fake.calls("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}")).toHaveLength(edits);
    expect(again.commands.filter((line) => line.includes("past the 16,383"))).toHaveLength(1);

    // Past the description's own limit too, no block goes in: the notice does not say it does.
    const huge = releasePull();
    huge.body = "x".repeat(65_500);
    const refusedBoth = await runAction(fake, huge, { inputs: { release: "describe" } });
    expect(huge.body).toBe("x".repeat(65_500));
    expect(refusedBoth.commands.filter((line) => line.startsWith("::notice::"))).toEqual([
      `::notice::rationale: the description of #${huge.number} is ${squashMessage(huge).length.toLocaleString("en-US")} characters with the title, past the 16,383 GitHub takes in a commit message: GitHub will refuse the squash merge's default message ("Commit message is too long") whatever the release block holds; shorten the description by ${(squashMessage(huge).length - COMMIT_MESSAGE_MAX_CHARACTERS).toLocaleString("en-US")} characters or more (plus the release block), or edit the message when merging (${command(huge)} prints the release message)`,
      `::notice::rationale: release message not written into the description of #${huge.number}: its 65,500 characters leave no room for it within the 65,536 GitHub takes; ${command(huge)} prints it`,
    ]);

    // Typed in the browser, a description has "\r\n" line ends, written back as "\n": within the
    // limit so counted, it gets the block cut to fit, not placed past the limit with a notice.
    const typed = longRelease();
    typed.body = "Typed in here.\r\n".repeat(1040);
    expect(squashMessage(typed).length).toBeGreaterThan(COMMIT_MESSAGE_MAX_CHARACTERS);
    const fitted = await runAction(fake, typed, { inputs: { release: "describe" } });
    expect(fitted.commands.filter((line) => line.includes("past the 16,383"))).toEqual([]);
    expect(squashMessage(typed).length).toBeLessThanOrEqual(COMMIT_MESSAGE_MAX_CHARACTERS);
    expect(typed.body).toContain("[The rest is cut to fit the 16,383 characters GitHub takes in a");

    // Squash merges that default to the commit messages leave the description's own limit.
    fake.squashMergeMessage = "COMMIT_MESSAGES";
    const commits = longRelease();
    await runAction(fake, commits, { inputs: { release: "describe" } });
    expect(commits.body).toContain("retry chunk 499 once more");
    expect(commits.body).not.toContain("[The rest is cut");
    expect((commits.body ?? "").length).toBeGreaterThan(COMMIT_MESSAGE_MAX_CHARACTERS);
  });

  it("merge: squash-merges with the composed message as the commit message", async () => {
    const pull = releasePull();
    const run = await runAction(fake, pull, { inputs: { release: "merge" } });
    expect(run.code).toBe(0);
    const merges = fake.calls("PUT", "/repos/{owner}/{repo}/pulls/{pull_number}/merge");
    expect(merges).toHaveLength(1);
    const body = merges[0].body as Record<string, string>;
    expect(body.merge_method).toBe("squash");
    expect(body.sha).toBe(pull.head.sha);
    expect(body.commit_title).toBe("chore(release): widgets v1.3.0");
    expect(body.commit_message).toContain("widgets 1.2.0 -> 1.3.0");
    expect(body.commit_message).toContain("exit 2 on a missing config file");
    expect(pull.merged).toBe(true);
    // The judged squash message is the composed one.
    const result = JSON.parse(run.outputs.result) as { source: string; summary: string; skipped: boolean; skipReason?: string }[];
    expect(result.at(-1)).toMatchObject({ source: "pull-request", summary: "chore(release): widgets v1.3.0", skipped: false });
    // The release tool's commit is squashed away: reported, not judged, and passing as a skipped
    // fixup! does, though it keeps the findings it had ("chore(main): release" has no body).
    expect(result[0]).toMatchObject({ source: "commit", skipped: true, skipReason: "release PR: squashed into the composed release message", pass: true });
  });

  it("merge: cuts a long release message to the 16,383 characters GitHub takes, saying where the whole one is", async () => {
    const pull = releasePull();
    // A changelog section of about 35,000 characters: twice what a merge's message may hold.
    const bullets = Array.from({ length: 500 }, (_, index) => `* **upload:** retry chunk ${index} once more before giving up (#${index})`).join("\n");
    fake.files.get(pull.head.sha)!["CHANGELOG.md"] = HEAD_CHANGELOG.replace("### Bug Fixes", `${bullets}\n\n### Bug Fixes`);
    const run = await runAction(fake, pull, { inputs: { release: "merge" } });
    expect(run.stdout).not.toContain("GitHub API answered");
    expect(run.code).toBe(0);
    const merges = fake.calls("PUT", "/repos/{owner}/{repo}/pulls/{pull_number}/merge");
    expect(merges.map((call) => call.status)).toEqual([200]);
    expect(pull.merged).toBe(true);
    const body = merges[0].body as Record<string, string>;
    const landed = `${body.commit_title}\n\n${body.commit_message}`;
    expect(landed.length).toBeLessThanOrEqual(COMMIT_MESSAGE_MAX_CHARACTERS);
    expect(landed.length).toBeGreaterThan(COMMIT_MESSAGE_MAX_CHARACTERS - 200);
    // The version line leads; whole changelog lines follow, then the note, wrapped at 72.
    expect(body.commit_message).toContain("widgets 1.2.0 -> 1.3.0");
    expect(body.commit_message).toContain("retry chunk 0 once more");
    expect(body.commit_message).not.toContain("retry chunk 499 once more");
    const command = `rationale release compose --from ${pull.base.sha.slice(0, 7)} --to ${pull.head.sha.slice(0, 7)}`;
    expect(body.commit_message).toMatch(/\(#\d+\)\n\n\[The rest is cut to fit the 16,383 characters GitHub takes in a\ncommit message\. The whole message:\nrationale release compose --from \w{7} --to \w{7}\]$/);
    expect(body.commit_message).toContain(command);
    expect(run.stdout).toContain(`rationale: release message of #${pull.number} cut to fit the 16,383 characters GitHub takes in a commit message (${command} prints it whole)`);
    // What is judged is what lands: the cut message.
    const result = JSON.parse(run.outputs.result) as { source: string; findings: { ruleId: string }[] }[];
    expect(result.at(-1)?.source).toBe("pull-request");
    expect(run.commands.filter((line) => line.includes("body-max-line-length"))).toEqual([]);
  });

  it("compares the head with where it branched off, not with a base that released another package since", async () => {
    const pull = addPull(fake, ["chore: release a 1.1.0\n"], { title: "chore: release a 1.1.0", headRef: "changeset-release/main" });
    const pkg = (name: string, version: string) => JSON.stringify({ name, version });
    const root = JSON.stringify({ private: true, workspaces: ["packages/*"] });
    const forkFiles = {
      "package.json": root,
      "packages/a/package.json": pkg("a", "1.0.0"),
      "packages/a/CHANGELOG.md": "## 1.0.0\n\n- a first\n",
      "packages/b/package.json": pkg("b", "1.0.0"),
      "packages/b/CHANGELOG.md": "## 1.0.0\n\n- b first\n",
    };
    pull.mergeBase = "f".repeat(40);
    fake.files.set(pull.mergeBase, forkFiles);
    // main released b 2.0.0 after the branch was cut; the branch only bumps a.
    fake.files.set(pull.base.sha, { ...forkFiles, "packages/b/package.json": pkg("b", "2.0.0"), "packages/b/CHANGELOG.md": "## 2.0.0\n\n- b two\n\n## 1.0.0\n\n- b first\n" });
    fake.files.set(pull.head.sha, { ...forkFiles, "packages/a/package.json": pkg("a", "1.1.0"), "packages/a/CHANGELOG.md": "## 1.1.0\n\n- Retry failed chunks so a flaky network does not lose the upload.\n\n## 1.0.0\n\n- a first\n" });
    const run = await runAction(fake, pull, { inputs: { release: "merge" } });
    expect(run.code).toBe(0);
    const [merge] = fake.calls("PUT", "/repos/{owner}/{repo}/pulls/{pull_number}/merge");
    const body = merge.body as Record<string, string>;
    expect(body.commit_title).toBe("chore(release): a v1.1.0");
    expect(body.commit_message).toContain("a 1.0.0 -> 1.1.0");
    expect(body.commit_message).not.toContain("b 2.0.0");
  });

  it("reads a large monorepo with few requests: only files the tree lists, each blob once", async () => {
    const pull = addPull(fake, ["chore: release\n"], { title: "chore: release", headRef: "changeset-release/main" });
    const pkg = (name: string, version: string) => JSON.stringify({ name, version });
    const base: Record<string, string> = { "package.json": JSON.stringify({ private: true, workspaces: ["packages/*"] }) };
    for (let index = 0; index < 150; index++) {
      base[`packages/p${index}/package.json`] = pkg(`p${index}`, "1.0.0");
      base[`packages/p${index}/CHANGELOG.md`] = "## 1.0.0\n\n- first\n";
    }
    const head = { ...base };
    for (let index = 0; index < 5; index++) {
      head[`packages/p${index}/package.json`] = pkg(`p${index}`, "1.1.0");
      head[`packages/p${index}/CHANGELOG.md`] = `## 1.1.0\n\n- Retry failed chunks in p${index} so a flaky network does not lose the upload.\n\n## 1.0.0\n\n- first\n`;
    }
    fake.files.set(pull.base.sha, base);
    fake.files.set(pull.head.sha, head);
    const run = await runAction(fake, pull, { inputs: { release: "describe" } });
    expect(run.code).toBe(0);
    expect(pull.body).toContain("p4 1.0.0 -> 1.1.0");
    // Besides the config file lookups: the base's 151 manifests, the head's 5 changed ones and
    // their 5 changelogs (unchanged blobs are read once), and no file the tree does not list.
    const contents = fake.calls("GET", "/repos/{owner}/{repo}/contents/{path}").filter((call) => !/\/contents\/(?:rationale\.config|\.rationalerc)/.test(call.path));
    expect(contents.filter((call) => call.status === 404)).toEqual([]);
    // (One more: the config lookup reads the root package.json for a "rationale" key.)
    expect(contents).toHaveLength(161 + 1);
    expect(fake.calls("GET", "/repos/{owner}/{repo}/git/trees/{tree_sha}")).toHaveLength(2);
  });

  it("reads a changelog over 1 MB, which the contents API serves only in raw format", async () => {
    // Years of releases: the file passes GitHub's 1 MB limit for content inside the JSON answer.
    const old = Array.from({ length: 6000 }, (_, index) => `## 0.${index}.0 (2020-01-01)\n\n- Résumé of release ${index}: ${"x".repeat(150)}\n`).join("\n");
    const large = `${HEAD_CHANGELOG}\n${old}`;
    expect(Buffer.byteLength(large)).toBeGreaterThan(CONTENTS_JSON_MAX_BYTES);
    for (const contentType of ["text/plain; charset=utf-8", "application/octet-stream"]) {
      // GitHub's raw answer (Octokit hands over a string), and bytes (it hands over an ArrayBuffer).
      fake.rawContentType = contentType;
      const pull = releasePull();
      fake.files.get(pull.head.sha)!["CHANGELOG.md"] = large.replace("retry failed chunks", "retry failed chünks");
      const run = await runAction(fake, pull, { inputs: { release: "merge" } });
      expect(run.code, run.stderr).toBe(0);
      const raw = fake.calls("GET", "/repos/{owner}/{repo}/contents/{path}").filter((call) => call.path.endsWith("/CHANGELOG.md") && call.query.ref === pull.head.sha);
      expect(raw.map((call) => call.accept)).toEqual(["application/vnd.github.v3+json", "application/vnd.github.v3.raw"]);
      const [merge] = fake.calls("PUT", "/repos/{owner}/{repo}/pulls/{pull_number}/merge").slice(-1);
      const body = merge.body as Record<string, string>;
      expect(body.commit_title).toBe("chore(release): widgets v1.3.0");
      expect(body.commit_message).toContain("retry failed chünks");
      expect(body.commit_message).not.toContain("Résumé of release");
    }
  });

  it("stops with a clear error when GitHub cuts a workspace's tree listing short, after judging and reporting", async () => {
    const pull = addPull(fake, ["chore: release\n"], { title: "chore: release", headRef: "changeset-release/main" });
    const files = { "package.json": JSON.stringify({ private: true, workspaces: ["packages/*"] }), "packages/a/package.json": JSON.stringify({ name: "a", version: "1.0.0" }) };
    fake.files.set(pull.base.sha, files);
    fake.files.set(pull.head.sha, { ...files, "packages/a/package.json": JSON.stringify({ name: "a", version: "1.1.0" }), "packages/a/CHANGELOG.md": "## 1.1.0\n\n- new\n" });
    fake.truncatedTrees.add(pull.head.sha);
    const run = await runAction(fake, pull, { inputs: { release: "merge" } });
    expect(run.code).toBe(1);
    expect(run.commands.join("\n")).toMatch(/::error::rationale: release message not composed: the file tree of the head \([0-9a-f]{7}\) is larger than GitHub lists in one response \(truncated\)/);
    expect(fake.calls("PUT", "/repos/{owner}/{repo}/pulls/{pull_number}/merge")).toHaveLength(0);
    // As for any release message that cannot be composed: the messages are still judged and
    // reported, and the summary and the comment say why the step fails.
    expect(JSON.parse(run.outputs.result)).toHaveLength(2);
    expect(run.summary).toContain("**The step fails:** release message not composed");
    expect(fake.commentsOn(pull.number)).toHaveLength(1);
  });

  it("merge: leaves the PR open when GitHub reports it blocked, and ignores non-release branches", async () => {
    const pull = releasePull();
    pull.mergeableState = "blocked";
    const run = await runAction(fake, pull, { inputs: { release: "merge" } });
    expect(run.code).toBe(0);
    expect(fake.calls("PUT", "/repos/{owner}/{repo}/pulls/{pull_number}/merge")).toHaveLength(0);
    expect(run.commands).toContain(`::notice::rationale: release PR #${pull.number} not merged: merge state is "blocked" (checks or reviews pending or failing)`);

    const feature = addPull(fake, ["chore: bump version\n\nBump the version for the next release.\n"], { headRef: "feature/bump" });
    const treesBefore = fake.calls("GET", "/repos/{owner}/{repo}/git/trees/{tree_sha}").length;
    await runAction(fake, feature, { inputs: { release: "merge" } });
    expect(fake.calls("PUT", "/repos/{owner}/{repo}/pulls/{pull_number}/merge")).toHaveLength(0);
    // A branch no release tool opened is judged, not read for a release.
    expect(fake.calls("GET", "/repos/{owner}/{repo}/git/trees/{tree_sha}")).toHaveLength(treesBefore);
  });

  it("leaves a fork's pull request on a release-named branch to be judged as usual, never merged", async () => {
    // Under pull_request_target the token may write even for a fork, and anyone can name a
    // fork's branch like a release tool's: merge mode must not land an outsider's change.
    const pull = releasePull();
    const run = await runAction(fake, pull, { inputs: { release: "merge" }, eventName: "pull_request_target", headRepo: "contributor/widgets" });
    // Judged as any pull request: its bare "chore(main): release 1.3.0" commit fails.
    expect(run.code).toBe(1);
    expect(fake.calls("PUT", "/repos/{owner}/{repo}/pulls/{pull_number}/merge")).toHaveLength(0);
    expect(fake.calls("GET", "/repos/{owner}/{repo}/git/trees/{tree_sha}")).toHaveLength(0);
    expect(pull.merged).toBe(false);
    expect(run.commands).toContain(
      `::notice::rationale: #${pull.number} comes from a fork (contributor/widgets); its branch ${pull.head.ref} is named like a release tool's, but only the repository's own release branches get a release message`,
    );
    // The title and description are judged as the squash message, as on any other branch.
    const result = JSON.parse(run.outputs.result) as { source: string; summary: string; skipped: boolean }[];
    expect(result.map((entry) => [entry.source, entry.skipped])).toEqual([["commit", false], ["pull-request", false]]);
    expect(result.at(-1)?.summary).toBe(`chore(main): release 1.3.0 (#${pull.number})`);

    // Describe mode leaves the fork's description as it is.
    const before = pull.body;
    await runAction(fake, pull, { inputs: { release: "describe" }, eventName: "pull_request_target", headRepo: "contributor/widgets" });
    expect(fake.calls("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}")).toHaveLength(0);
    expect(pull.body).toBe(before);
  });

  it("reports a changelog without the released version as an error, after judging and commenting", async () => {
    const pull = releasePull();
    fake.files.get(pull.head.sha)!["CHANGELOG.md"] = BASE_CHANGELOG;
    const run = await runAction(fake, pull, { inputs: { release: "describe", comment: "always" } });
    expect(run.code).toBe(1);
    expect(run.commands.find((line) => line.startsWith("::error::"))).toMatch(/^::error::rationale: release message not composed: .*CHANGELOG\.md/);
    expect(fake.commentsOn(pull.number)).toHaveLength(1);
    expect(fake.calls("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}")).toHaveLength(0);
    // The report under the red check says why the step fails, in the comment and the summary,
    // and the release tool's commit, squashed into a message that could not be composed, does
    // not lead it with its own release-empty-body.
    expect(fake.commentsOn(pull.number)[0].body).toMatch(/❌ .*, but the step failed: release message not composed: .*CHANGELOG\.md/);
    expect(run.commands.filter((line) => line.startsWith("::error::"))).toEqual([expect.stringMatching(/^::error::rationale: release message not composed: /)]);
    expect((JSON.parse(run.outputs.result) as { skipped: boolean; skipReason?: string }[])[0]).toMatchObject({
      skipped: true,
      skipReason: "release PR: squashed into the release message, which could not be composed",
    });
    expect(run.summary).toMatch(/\*\*The step fails:\*\* release message not composed: .*CHANGELOG\.md/);

    // on-failure (the default) posts for it too when every message passes, with no earlier comment.
    const quiet = releasePull();
    fake.files.get(quiet.head.sha)!["CHANGELOG.md"] = BASE_CHANGELOG;
    quiet.commits[0].message = "chore(main): release 1.3.0\n\nwidgets 1.2.0 -> 1.3.0\n\n- Retry failed chunks once before giving up, so flaky uploads finish.\n";
    const failing = await runAction(fake, quiet, { inputs: { release: "describe" } });
    expect(failing.code).toBe(1);
    expect(fake.commentsOn(quiet.number)).toHaveLength(1);
    expect(fake.commentsOn(quiet.number)[0].body).toMatch(/❌ .*, but the step failed: release message not composed: .*CHANGELOG\.md/);
    expect(failing.summary).toMatch(/\*\*The step fails:\*\* release message not composed/);
  });

  it("names the config file and its key when release.template makes a summary over 72 characters", async () => {
    const pull = releasePull();
    const template = "chore(release): {packages}, with every change the users asked for this spring";
    fake.files.get(pull.base.sha)![".rationalerc.json"] = JSON.stringify({ release: { template } });
    const run = await runAction(fake, pull, { inputs: { release: "describe" } });
    expect(run.code).toBe(1);
    const summary = "chore(release): v1.3.0, with every change the users asked for this spring";
    expect(run.commands.filter((line) => line.startsWith("::error::"))).toEqual([
      `::error::rationale: release message not composed: .rationalerc.json: release.template makes the release summary "${summary}", ${summary.length} characters; shorten it to fit 72`,
    ]);
  });

  it("says where a shorter template goes when the default one makes a summary over 72 characters", async () => {
    const pull = releasePull();
    // A long pre-release: even the bare version makes the default summary too long.
    const version = "1.3.0-rc.1.build-for-the-long-awaited-resumable-uploads-preview";
    fake.files.get(pull.head.sha)!["package.json"] = `{ "name": "widgets", "version": "${version}" }\n`;
    fake.files.get(pull.head.sha)!["CHANGELOG.md"] = HEAD_CHANGELOG.replaceAll("[1.3.0]", `[${version}]`);
    const run = await runAction(fake, pull, { inputs: { release: "describe" } });
    expect(run.code).toBe(1);
    const summary = `chore(release): v${version}`;
    // The Action has no --template: only the config's release.template is named.
    expect(run.commands.filter((line) => line.startsWith("::error::"))).toEqual([
      `::error::rationale: release message not composed: release summary "${summary}" is ${summary.length} characters even in its shortest form; set a shorter template with release.template in the config`,
    ]);
  });

  it("names the missing permission when the description cannot be edited", async () => {
    const pull = releasePull();
    fake.fail({ method: "PATCH", route: "/repos/{owner}/{repo}/pulls/{pull_number}", status: 403, message: "Resource not accessible by integration" });
    const run = await runAction(fake, pull, { inputs: { release: "describe" } });
    expect(run.commands).toContain(
      `::notice::rationale: cannot edit the description of #${pull.number} (403, read-only token); grant the token "pull-requests: write" in the workflow's permissions to keep the release message in the description`,
    );
    // Its description names the version, so the squash message as it stands passes.
    expect(run.code).toBe(0);

    // With an empty description, the squash merge would land "chore(main): release 1.3.0" alone:
    // that is judged, not the text the block would have added.
    const bare = releasePull();
    bare.body = "";
    fake.fail({ method: "PATCH", route: "/repos/{owner}/{repo}/pulls/{pull_number}", status: 403, message: "Resource not accessible by integration" });
    const refused = await runAction(fake, bare, { inputs: { release: "describe" } });
    expect(refused.commands.some((line) => line.startsWith(`::notice::rationale: cannot edit the description of #${bare.number}`))).toBe(true);
    expect(refused.code).toBe(1);
    expect(refused.commands.find((line) => line.startsWith("::error::"))).toMatch(/release-empty-body|released/);
  });

  it("says no token was sent, and judges the description as it stands, when the github-token input is empty", async () => {
    // `github-token: ${{ secrets.RELEASE_TOKEN }}` with the secret not set: a public repository
    // is read without a token, and the edit (401) is refused as a read-only token's (403) is.
    fake.anonymousReads = true;
    const pull = releasePull();
    const original = pull.body;
    const run = await runAction(fake, pull, { inputs: { release: "describe", "github-token": "" } });
    expect(fake.calls("PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}").map((call) => call.status)).toEqual([401]);
    expect(pull.body).toBe(original);
    expect(run.stdout).not.toContain("GitHub API answered");
    expect(run.commands.filter((line) => line.startsWith("::notice::"))).toEqual([
      `::notice::rationale: cannot edit the description of #${pull.number} (no token: the github-token input is empty, as it is when the secret it names is not set); give it a token that may write pull requests to keep the release message in the description`,
    ]);
    // Its description names the version, so the squash message as it stands passes.
    expect(run.code).toBe(0);

    // Merge mode leaves the pull request open with a notice, as for any merge GitHub refuses.
    const merged = releasePull();
    const merge = await runAction(fake, merged, { inputs: { release: "merge", "github-token": "" } });
    expect(merged.merged).toBe(false);
    expect(merge.stdout).not.toContain("GitHub API answered");
    expect(merge.commands.filter((line) => line.startsWith("::notice::"))).toEqual([
      `::notice::rationale: release PR #${merged.number} not merged: no token: the github-token input is empty, as it is when the secret it names is not set; give it a token that may write contents to merge`,
    ]);
    expect(merge.code).toBe(0);

    // An earlier run's block that must come out for want of room stays, with the same notice; a
    // token of spaces only is no token either.
    const stale = releasePull();
    stale.body = `${"x".repeat(BODY_MAX_CHARACTERS - 100)}\n\n${START}\nwidgets 1.2.0 -> 1.2.1\n${END}\n`;
    const kept = stale.body;
    const cleaned = await runAction(fake, stale, { inputs: { release: "describe", "github-token": "   " } });
    expect(stale.body).toBe(kept);
    expect(cleaned.stdout).not.toContain("GitHub API answered");
    expect(cleaned.commands.filter((line) => line.startsWith("::notice::"))).toEqual([
      `::notice::rationale: release message not written into the description of #${stale.number}: its 65,437 characters leave no room for it within the 65,536 GitHub takes; rationale release compose --from ${stale.base.sha.slice(0, 7)} --to ${stale.head.sha.slice(0, 7)} prints it`,
      `::notice::rationale: cannot edit the description of #${stale.number} (no token: the github-token input is empty, as it is when the secret it names is not set); give it a token that may write pull requests to take the earlier release block out of the description`,
    ]);
  });

  it("fails the run when a rate limit outlasts the retries on the description or the merge, rather than calling it a refusal", async () => {
    const limited = { status: 403, message: "API rate limit exceeded for installation ID 1.", headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600) }, times: 10 };
    const described = releasePull();
    fake.fail({ method: "PATCH", route: "/repos/{owner}/{repo}/pulls/{pull_number}", ...limited });
    const describe = await runAction(fake, described, { inputs: { release: "describe" } });
    expect(describe.code).not.toBe(0);
    expect(describe.commands.some((line) => line.includes("cannot edit the description"))).toBe(false);
    expect(describe.commands.find((line) => line.startsWith("::error::"))).toMatch(/API rate limit exceeded/);

    const merged = releasePull();
    fake.fail({ method: "PUT", route: "/repos/{owner}/{repo}/pulls/{pull_number}/merge", ...limited });
    const merge = await runAction(fake, merged, { inputs: { release: "merge" } });
    expect(merge.code).not.toBe(0);
    expect(merge.commands.some((line) => line.includes("GitHub refused the merge"))).toBe(false);
    expect(merge.commands.find((line) => line.startsWith("::error::"))).toMatch(/API rate limit exceeded/);
    expect(merged.merged).not.toBe(true);
  });

  it("does not turn an earlier report into \"all good\" when the messages pass but the release message fails", async () => {
    const pull = releasePull();
    fake.files.get(pull.head.sha)!["CHANGELOG.md"] = BASE_CHANGELOG;
    // A release commit that passes on its own: it lists the version and the change.
    pull.commits[0].message = "chore(main): release 1.3.0\n\nwidgets 1.2.0 -> 1.3.0\n\n- Retry failed chunks once before giving up, so flaky uploads finish.\n";
    const earlier = fake.addComment(pull.number, "<!-- rationale:report -->\nan earlier report", fake.actor);
    const run = await runAction(fake, pull, { inputs: { release: "describe" } });
    expect(run.code).toBe(1);
    const [comment] = fake.commentsOn(pull.number);
    expect(comment.id).toBe(earlier.id);
    expect(comment.body).toMatch(/^<!-- rationale:report key=commit messages\/rationale -->\n❌ \*\*rationale\*\* \(`commit messages\/rationale`\): \d+ messages? pass.*, but the step failed: release message not composed: .*CHANGELOG\.md/);
    expect(comment.body).not.toContain("all good");
  });
});
