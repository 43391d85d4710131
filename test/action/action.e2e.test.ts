// End-to-end: the bundled action against a fake GitHub API on 127.0.0.1, as a runner would run it.
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeGitHub, fakeSha, pullRequestEvent } from "./fake-github.js";
import { addPull, BAD_MESSAGE, DEFAULT_KEY, GOOD_MESSAGE, ROOT, runAction } from "./harness.js";

/** This job's marker (the harness's workflow and job); LEGACY, an earlier version's one for all jobs. */
const MARKER = `<!-- rationale:report key=${DEFAULT_KEY} -->`;
const LEGACY = "<!-- rationale:report -->";
let fake: FakeGitHub;

beforeEach(async () => {
  fake = new FakeGitHub();
  await fake.start();
});

afterEach(async () => {
  await fake.stop();
  // Every request the action made matched the OpenAPI-derived rules and carried the token.
  expect(fake.violations).toEqual([]);
});

interface ResultEntry {
  source: string;
  sha?: string;
  score: number;
  pass: boolean;
  skipped: boolean;
  findings: { ruleId: string; severity: string; line: number }[];
}

describe("sticky comment", { timeout: 60_000 }, () => {
  it("creates the report comment on the first run and edits the same comment on the second", async () => {
    const pull = addPull(fake, [GOOD_MESSAGE, BAD_MESSAGE]);
    const first = await runAction(fake, pull);
    expect(first.code).toBe(1);
    expect(fake.calls("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments")).toHaveLength(1);
    const comments = fake.commentsOn(pull.number);
    expect(comments).toHaveLength(1);
    expect(comments[0].body.startsWith(MARKER)).toBe(true);
    // The finding names the commit (short sha + summary), the line and the fix.
    const bad = pull.commits[1].sha.slice(0, 7);
    expect(comments[0].body).toContain(`\`${bad}\` fix stuff`);
    expect(comments[0].body).toContain("**Line 1, column 1** · error · `summary-vague`");
    expect(comments[0].body).toContain("```text\n1 | fix stuff\n  | ^^^^^^^^^\n```");
    // One-line reason as an error command; outputs written.
    const reason = first.commands.filter((line) => line.startsWith("::error::"));
    expect(reason).toHaveLength(1);
    expect(reason[0]).toMatch(/^::error::rationale: 1 of 3 messages has error findings/);
    expect(first.outputs.score).toBe("15");
    const result = JSON.parse(first.outputs.result) as ResultEntry[];
    expect(result.map((entry) => entry.source)).toEqual(["commit", "commit", "pull-request"]);
    expect(result[1]).toMatchObject({ sha: pull.commits[1].sha, score: 15, pass: false });
    expect(result[1].findings.map((finding) => finding.ruleId)).toContain("summary-vague");
    expect(first.summary).toContain("rationale: commit messages need context");
    expect(first.commands.some((line) => line.startsWith("::error title=rationale%3A " + bad))).toBe(true);

    // A new push: the bad commit is reworded; still one failing commit of another kind.
    pull.commits[1] = { sha: fakeSha("reworded"), message: "Update docs\n" };
    pull.head.sha = pull.commits[1].sha;
    const second = await runAction(fake, pull);
    expect(second.code).toBe(1);
    expect(fake.calls("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments")).toHaveLength(1);
    const patches = fake.calls("PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}");
    expect(patches).toHaveLength(1);
    expect(patches[0].path).toBe(`/repos/acme/widgets/issues/comments/${comments[0].id}`);
    expect(fake.commentsOn(pull.number)).toHaveLength(1);
    expect(fake.commentsOn(pull.number)[0].body).toContain("Update docs");
    expect(fake.commentsOn(pull.number)[0].body).not.toContain("fix stuff");
  });

  it("settles on one comment when a racing run created one between this run's listing and its own", async () => {
    const pull = addPull(fake, [BAD_MESSAGE]);
    const person = fake.addComment(pull.number, "LGTM once the messages are fixed", { login: "alice", type: "User" });
    // The other run (same token) lists no comment, creates its own just before this run does.
    let racing: { id: number } | undefined;
    fake.beforeCreateComment = () => {
      fake.beforeCreateComment = undefined;
      racing = fake.addComment(pull.number, `${MARKER}\nthe racing run's older report`, fake.actor);
    };
    const run = await runAction(fake, pull);
    expect(run.code).toBe(1);
    const comments = fake.commentsOn(pull.number);
    expect(comments.map((comment) => comment.id)).toEqual([person.id, racing!.id]);
    // The older comment survives and carries this run's report; this run's copy is deleted.
    expect(comments[1].body).toContain("fix stuff");
    expect(fake.calls("DELETE", "/repos/{owner}/{repo}/issues/comments/{comment_id}")).toHaveLength(1);
    expect(run.stdout).toContain(`report comment for key "${DEFAULT_KEY}" created (id ${racing!.id})`);

    // Two copies left by an earlier race: the next run edits the older and deletes the newer,
    // but never touches another bot's comment that happens to carry the marker.
    const other = fake.addComment(pull.number, `${MARKER}\ncopied by another bot`, { login: "renovate[bot]", type: "Bot" });
    const copy = fake.addComment(pull.number, `${MARKER}\nleft by a race`, fake.actor);
    await runAction(fake, pull, { inputs: { comment: "always" } });
    expect(fake.commentsOn(pull.number).map((comment) => comment.id)).toEqual([person.id, racing!.id, other.id]);
    expect(fake.commentsOn(pull.number).some((comment) => comment.id === copy.id)).toBe(false);
  });

  it("judges the commits up to the event's head when the branch has moved on since (a re-run)", async () => {
    // The event is for the good commit; a failing one was pushed after it. The check of the
    // event's head must answer for the commits up to it, not for the branch as it is now.
    const pull = addPull(fake, [GOOD_MESSAGE, BAD_MESSAGE]);
    const event = pullRequestEvent(fake, pull).pull_request as { head: object; commits: number };
    const run = await runAction(fake, pull, { pullRequestPatch: { head: { ...event.head, sha: pull.commits[0].sha }, commits: 1 } });
    expect(run.stdout).toContain(`rationale: judging 1 commit of #${pull.number}`);
    expect(run.code).toBe(0);
    expect(fake.calls("GET", "/repos/{owner}/{repo}/compare/{basehead}")).toHaveLength(1);
    // On the head the list ends at, the list alone is read.
    const current = addPull(fake, [GOOD_MESSAGE, BAD_MESSAGE]);
    expect((await runAction(fake, current)).code).toBe(1);
    expect(fake.calls("GET", "/repos/{owner}/{repo}/compare/{basehead}")).toHaveLength(1);
  });

  it("racing runs end with the report of the run on the current head, in whichever order they settle", async () => {
    // This run is stale: the pull request's head moved on after its event. A newer run's
    // comment appeared first; this run deletes its own copy and leaves the newer report alone.
    const pull = addPull(fake, [BAD_MESSAGE, GOOD_MESSAGE]);
    let newer: { id: number } | undefined;
    fake.beforeCreateComment = () => {
      fake.beforeCreateComment = undefined;
      newer = fake.addComment(pull.number, `${MARKER}\nthe newer run's report`, fake.actor);
    };
    const stale = await runAction(fake, pull, { pullRequestPatch: { head: { ...(pullRequestEvent(fake, pull).pull_request as { head: object }).head, sha: pull.commits[0].sha } } });
    expect(stale.code).toBe(1);
    expect(fake.commentsOn(pull.number).map((comment) => [comment.id, comment.body])).toEqual([[newer!.id, `${MARKER}\nthe newer run's report`]]);

    // This run is current, and a stale run deleted its copy right after it was created
    // (keeping the stale run's older one): this run finds its copy gone and writes its report
    // into the survivor.
    const other = addPull(fake, [BAD_MESSAGE]);
    let older: { id: number } | undefined;
    fake.beforeCreateComment = () => {
      fake.beforeCreateComment = undefined;
      older = fake.addComment(other.number, `${MARKER}\nthe stale run's report`, fake.actor);
    };
    fake.afterCreateComment = (comment) => fake.comments.splice(fake.comments.indexOf(comment), 1);
    const current = await runAction(fake, other);
    expect(current.code).toBe(1);
    const [survivor] = fake.commentsOn(other.number);
    expect(fake.commentsOn(other.number)).toHaveLength(1);
    expect(survivor.id).toBe(older!.id);
    expect(survivor.body).toContain("fix stuff");
  });

  it("a run that finishes after a newer push's run leaves the comment to the newer report", async () => {
    const pull = addPull(fake, [BAD_MESSAGE, GOOD_MESSAGE]);
    const old = pull.commits[0].sha;
    const current = fake.addComment(pull.number, `${MARKER}\nthe newer run's report`, fake.actor);
    const stale = await runAction(fake, pull, { pullRequestPatch: { head: { ...(pullRequestEvent(fake, pull).pull_request as { head: object }).head, sha: old } } });
    expect(stale.code).toBe(1);
    expect(fake.commentsOn(pull.number)).toEqual([current]);
    expect(fake.calls("PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}")).toHaveLength(0);
    expect(stale.stdout).toContain(`rationale: report comment for key "${DEFAULT_KEY}" left as it is (id ${current.id}): the pull request changed (its head or its title and description) while this run judged ${old.slice(0, 7)}`);

    // Two quick edits of the description run twice on one head: the run that judged the old text
    // leaves the comment alone too.
    const edited = addPull(fake, [GOOD_MESSAGE]);
    const newer = fake.addComment(edited.number, `${MARKER}\nthe report on the newer description`, fake.actor);
    const oldText = await runAction(fake, edited, { pullRequestPatch: { body: "An older description." } });
    expect(fake.commentsOn(edited.number)).toEqual([newer]);
    expect(oldText.stdout).toContain(`report comment for key "${DEFAULT_KEY}" left as it is`);
  });

  it("with a GitHub App's token, finds its own comment by the bot name GraphQL gives, never another bot's", async () => {
    const pull = addPull(fake, [BAD_MESSAGE]);
    fake.actor = { login: "my-app[bot]", type: "Bot" };
    const foreign = fake.addComment(pull.number, `${MARKER}\ncopied by another bot`, { login: "renovate[bot]", type: "Bot" });
    await runAction(fake, pull);
    const [, own] = fake.commentsOn(pull.number);
    expect(fake.commentsOn(pull.number).map((comment) => comment.user.login)).toEqual(["renovate[bot]", "my-app[bot]"]);
    expect(foreign.body).toBe(`${MARKER}\ncopied by another bot`);
    expect(own.body).toContain("fix stuff");
    expect(fake.requests.some((request) => request.path === "/graphql" && request.status === 200)).toBe(true);
    // Knowing its name, it also clears a copy an earlier race left, and edits only its own.
    const copy = fake.addComment(pull.number, `${MARKER}\nleft by a race`, fake.actor);
    await runAction(fake, pull, { inputs: { comment: "always" } });
    expect(fake.commentsOn(pull.number).map((comment) => comment.id)).toEqual([foreign.id, own.id]);
    expect(fake.commentsOn(pull.number).some((comment) => comment.id === copy.id)).toBe(false);
    expect(fake.violations).toEqual([]);
  });

  it("leaves duplicates alone when the token cannot say who it is and the writer is only some bot", async () => {
    const pull = addPull(fake, [BAD_MESSAGE]);
    fake.actor = { login: "my-app[bot]", type: "Bot" };
    fake.graphqlViewer = false;
    const first = fake.addComment(pull.number, `${MARKER}\nold report`, fake.actor);
    const second = fake.addComment(pull.number, `${MARKER}\nanother`, fake.actor);
    await runAction(fake, pull);
    expect(fake.commentsOn(pull.number).map((comment) => comment.id)).toEqual([first.id, second.id]);
    expect(fake.commentsOn(pull.number)[0].body).toContain("fix stuff");
    expect(fake.calls("DELETE", "/repos/{owner}/{repo}/issues/comments/{comment_id}")).toHaveLength(0);
  });

  it("turns the comment into an all-good note once everything passes, and creates none when nothing failed", async () => {
    const pull = addPull(fake, [BAD_MESSAGE]);
    expect((await runAction(fake, pull)).code).toBe(1);
    pull.commits = [{ sha: fakeSha("fixed"), message: GOOD_MESSAGE }];
    pull.head.sha = pull.commits[0].sha;
    const run = await runAction(fake, pull);
    expect(run.code).toBe(0);
    const [comment] = fake.commentsOn(pull.number);
    expect(fake.commentsOn(pull.number)).toHaveLength(1);
    expect(comment.body).toBe(`${MARKER}\n✅ **rationale** (\`${DEFAULT_KEY}\`): all good: 2 messages pass (lowest score 100/100).\n`);
    expect(run.commands.some((line) => line.startsWith("::error"))).toBe(false);

    const clean = addPull(fake, [GOOD_MESSAGE]);
    expect((await runAction(fake, clean)).code).toBe(0);
    expect(fake.commentsOn(clean.number)).toHaveLength(0);
  });

  it("finds its comment on a later page, ignores a marker pasted by a person, and never comments with comment: never", async () => {
    const pull = addPull(fake, [BAD_MESSAGE]);
    for (let index = 0; index < 120; index++) fake.addComment(pull.number, `LGTM ${index}`, { login: "reviewer", type: "User" });
    fake.addComment(pull.number, `${MARKER}\nfake report`, { login: "mallory", type: "User" });
    const own = fake.addComment(pull.number, `${MARKER}\nold report`, { login: "github-actions[bot]", type: "Bot" });
    await runAction(fake, pull);
    expect(fake.calls("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments")).toHaveLength(0);
    expect(own.body).toContain("fix stuff");
    expect(fake.commentsOn(pull.number).find((comment) => comment.user.login === "mallory")?.body).toBe(`${MARKER}\nfake report`);

    const quiet = addPull(fake, [BAD_MESSAGE]);
    const run = await runAction(fake, quiet, { inputs: { comment: "never" } });
    expect(run.code).toBe(1);
    expect(fake.commentsOn(quiet.number)).toHaveLength(0);
    expect(fake.calls("GET", "/repos/{owner}/{repo}/issues/{issue_number}/comments").filter((call) => call.path.includes(`/${quiet.number}/`))).toHaveLength(0);
  });

  it("does not send the reader to the job summary for the rest when the summary was cut too", async () => {
    // 250 commits, each with a 4,199-character body line: a warning whose excerpt is twice that,
    // over 2 MB of findings, past the job summary's 900 kB as well as the comment's 60,000.
    const long = `${GOOD_MESSAGE.split("\n\nRefs:")[0]}\n\n${Array(700).fill("lorem").join(" ")}\n`;
    const pull = addPull(fake, Array.from({ length: 250 }, () => long));
    const run = await runAction(fake, pull, { inputs: { comment: "always" } });
    expect(run.code).toBe(0);
    const shown = run.summary.split("\n### ").length - 1;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(250);
    expect(run.summary).toContain(`_…and ${250 - shown} more messages with findings: each finding is also in this step's log, as an error or warning line._`);
    const [comment] = fake.commentsOn(pull.number);
    expect(comment.body).not.toContain("see the job summary");
    expect(comment.body).toMatch(
      new RegExp(`_…and \\d+ more messages with findings: the job summary is cut to fit too, with the findings of ${shown} of 250 messages; each finding is also in this step's log, as an error or warning line\\._`),
    );

    // The all-good note a passing run leaves says the same of its warnings.
    await runAction(fake, pull);
    expect(fake.commentsOn(pull.number)[0].body).toMatch(/250 warnings remain; see this step's log \(the job summary is cut to fit, with the findings of \d+ of 250 messages\)\.\n$/);
  });

  it("escapes mentions, issue links and HTML from commit text", async () => {
    const hostile = "Fix <img src=x onerror=alert(1)> for @octocat in #12\n\n<!-- rationale:report --> cc @acme/owners ```\n";
    const pull = addPull(fake, [hostile], { title: "Thanks @octocat <b>bold</b>", body: "" });
    await runAction(fake, pull, { inputs: { comment: "always" } });
    const [comment] = fake.commentsOn(pull.number);
    const outsideCode = comment.body.replace(/(`{3,})text\n[\s\S]*?\n\1/g, "");
    expect(outsideCode).not.toMatch(/@octocat|@acme/);
    expect(outsideCode).toContain("@\u200boctocat");
    expect(outsideCode).not.toMatch(/<img|<b>/);
    expect(outsideCode).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(outsideCode).not.toContain("#12");
    expect(outsideCode).toContain("#\u200b12");
    expect(comment.body.indexOf(MARKER, 1)).toBe(-1);
    expect(comment.body.indexOf(LEGACY)).toBe(-1);
  });
});

describe("comment key", { timeout: 60_000 }, () => {
  /** A second workflow on the same pull requests: docs checks with a lenient config, reporting always. */
  const DOCS = { env: { GITHUB_WORKFLOW: "docs", GITHUB_JOB: "lint" }, inputs: { config: "ci/docs.yml", comment: "always" } };
  const DOCS_MARKER = "<!-- rationale:report key=docs/lint -->";
  const lenient = (pull: { base: { sha: string } }) => fake.files.set(pull.base.sha, { "ci/docs.yml": "threshold: 0\nrules:\n  summary-vague: off\n  body-required: off\n" });
  const posts = () => fake.calls("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments");
  const patches = () => fake.calls("PATCH", "/repos/{owner}/{repo}/issues/comments/{comment_id}");

  it("keeps one comment per workflow and job, so two workflows on one pull request keep both reports", async () => {
    const pull = addPull(fake, [GOOD_MESSAGE, BAD_MESSAGE]);
    lenient(pull);
    expect((await runAction(fake, pull)).code).toBe(1);
    expect((await runAction(fake, pull, DOCS)).code).toBe(0);
    const [checks, docs] = fake.commentsOn(pull.number);
    expect(fake.commentsOn(pull.number)).toHaveLength(2);
    expect(checks.body.startsWith(`${MARKER}\n## ❌ rationale: commit messages need context`)).toBe(true);
    expect(checks.body).toContain(`<sub>Checked by rationale (comment key \`${DEFAULT_KEY}\`).`);
    expect(docs.body.startsWith(`${DOCS_MARKER}\n## ✅ rationale: commit messages carry their context`)).toBe(true);
    expect(docs.body).toContain("<sub>Checked by rationale (comment key `docs/lint`).");

    // A push: each job edits its own comment and leaves the other's report as it was.
    pull.commits[1] = { sha: fakeSha("key:reworded"), message: "Update docs\n" };
    pull.head.sha = pull.commits[1].sha;
    const docsBefore = docs.body;
    await runAction(fake, pull);
    expect(patches().map((call) => call.path)).toEqual([`/repos/acme/widgets/issues/comments/${checks.id}`]);
    expect(checks.body).toContain("Update docs");
    expect(docs.body).toBe(docsBefore);
    const again = await runAction(fake, pull, DOCS);
    expect(patches().map((call) => call.path)).toEqual([checks.id, docs.id].map((id) => `/repos/acme/widgets/issues/comments/${id}`));
    expect(again.stdout).toContain(`rationale: report comment for key "docs/lint" updated (id ${docs.id})`);
    expect(posts()).toHaveLength(2);
    expect(fake.commentsOn(pull.number)).toHaveLength(2);
  });

  it("keeps one comment per step when two steps of a job run the action, adopting the job's earlier comment once", async () => {
    const pull = addPull(fake, [GOOD_MESSAGE, BAD_MESSAGE]);
    lenient(pull);
    // The runner names the first use of the action in a job after its repository, the second
    // with _2 after it (GITHUB_ACTION); the comment keyed by workflow and job alone is what an
    // earlier version wrote for both steps, each over the other's report.
    const first = { env: { GITHUB_ACTION: "__acme_rationale" } };
    const second = { env: { GITHUB_ACTION: "__acme_rationale_2" }, inputs: DOCS.inputs };
    const earlier = fake.addComment(pull.number, `${MARKER}\nthe second step's report, over the first's`, fake.actor);
    const adopting = await runAction(fake, pull, first);
    expect(adopting.code).toBe(1);
    expect(adopting.stdout).toContain(
      `rationale: report comment for key "${DEFAULT_KEY}/__acme_rationale" adopted (id ${earlier.id}): the comment an earlier version of the action kept under key "${DEFAULT_KEY}" for every step of this job now carries this step's report`,
    );
    expect((await runAction(fake, pull, second)).code).toBe(0);
    const [own, docs] = fake.commentsOn(pull.number);
    expect(own).toBe(earlier);
    expect(own.body.startsWith(`<!-- rationale:report key=${DEFAULT_KEY}/__acme_rationale -->\n## ❌ rationale: commit messages need context`)).toBe(true);
    expect(docs.body.startsWith(`<!-- rationale:report key=${DEFAULT_KEY}/__acme_rationale_2 -->\n## ✅ rationale: commit messages carry their context`)).toBe(true);
    // What people read names no runner-made step name: the first step's comment reads as the
    // job's did before the upgrade, the second's says it is the job's second use of the action.
    expect(own.body).toContain(`<sub>Checked by rationale (\`${DEFAULT_KEY}\`).`);
    expect(docs.body).toContain(`<sub>Checked by rationale (\`${DEFAULT_KEY} #2\`).`);
    for (const { body } of [own, docs]) expect(body.slice(body.indexOf("\n"))).not.toContain("__acme");
    // The next push: each step edits its own comment, and neither takes the other's.
    const bodies = [own.body, docs.body];
    pull.commits[1] = { sha: fakeSha("step:reworded"), message: "Update docs\n" };
    pull.head.sha = pull.commits[1].sha;
    await runAction(fake, pull, first);
    await runAction(fake, pull, second);
    expect(fake.commentsOn(pull.number)).toEqual([own, docs]);
    expect([own.body, docs.body].map((body, index) => body !== bodies[index])).toEqual([true, true]);
    expect(posts()).toHaveLength(1);
  });

  it("keys matrix jobs, which share the workflow and job, by the comment-key input, which wins over the default", async () => {
    const pull = addPull(fake, [BAD_MESSAGE]);
    for (const key of ["node 20", "node 22", "node 20"]) expect((await runAction(fake, pull, { inputs: { "comment-key": key } })).code).toBe(1);
    expect(fake.commentsOn(pull.number).map((comment) => comment.body.split("\n")[0])).toEqual([
      "<!-- rationale:report key=node 20 -->",
      "<!-- rationale:report key=node 22 -->",
    ]);
    expect(posts()).toHaveLength(2);
    // Blank is the default key: the runner passes a left-out input as "".
    await runAction(fake, pull, { inputs: { "comment-key": "  " } });
    expect(fake.commentsOn(pull.number).map((comment) => comment.body.split("\n")[0])).toContain(MARKER);
  });

  it("gives the jobs of a matrix one default key, as before the step was in it: the last job's report shows", async () => {
    const pull = addPull(fake, [GOOD_MESSAGE, BAD_MESSAGE]);
    lenient(pull);
    // A matrix's jobs run the same step: GITHUB_WORKFLOW, GITHUB_JOB and GITHUB_ACTION alike.
    const job = (config?: string) => ({ env: { GITHUB_ACTION: "__acme_rationale" }, inputs: config === undefined ? {} : ({ config, comment: "always" } as Record<string, string>) });
    expect((await runAction(fake, pull, job())).code).toBe(1);
    expect((await runAction(fake, pull, job("ci/docs.yml"))).code).toBe(0);
    const [shared] = fake.commentsOn(pull.number);
    expect(fake.commentsOn(pull.number)).toHaveLength(1);
    expect(shared.body.startsWith(`<!-- rationale:report key=${DEFAULT_KEY}/__acme_rationale -->\n## ✅ rationale: commit messages carry their context`)).toBe(true);
    expect(posts()).toHaveLength(1);
  });

  it("adopts the comment an earlier version kept for every job, once, and never a marker someone pasted", async () => {
    const pull = addPull(fake, [BAD_MESSAGE]);
    lenient(pull);
    const pasted = fake.addComment(pull.number, `${LEGACY}\nfake report`, { login: "mallory", type: "User" });
    const legacy = fake.addComment(pull.number, `${LEGACY}\nan earlier version's report`, fake.actor);
    const copy = fake.addComment(pull.number, `${LEGACY}\nleft by an earlier version's race`, fake.actor);
    const run = await runAction(fake, pull);
    expect(run.code).toBe(1);
    expect(posts()).toHaveLength(0);
    expect(legacy.body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(legacy.body).toContain("fix stuff");
    expect(run.stdout).toContain(`rationale: report comment for key "${DEFAULT_KEY}" adopted (id ${legacy.id})`);
    expect(fake.commentsOn(pull.number).map((comment) => comment.id)).toEqual([pasted.id, legacy.id]);
    expect(pasted.body).toBe(`${LEGACY}\nfake report`);
    expect(fake.calls("DELETE", "/repos/{owner}/{repo}/issues/comments/{comment_id}").map((call) => call.path)).toEqual([`/repos/acme/widgets/issues/comments/${copy.id}`]);

    // The other workflow finds no comment of its own and writes one; the adopted one stays.
    const adopted = legacy.body;
    await runAction(fake, pull, DOCS);
    expect(fake.commentsOn(pull.number).map((comment) => comment.body.split("\n")[0])).toEqual([LEGACY, MARKER, DOCS_MARKER]);
    expect(legacy.body).toBe(adopted);
  });

  it("turns an earlier version's failing report into this job's all-good note once the messages pass", async () => {
    const pull = addPull(fake, [GOOD_MESSAGE]);
    const legacy = fake.addComment(pull.number, `${LEGACY}\n## ❌ rationale: commit messages need context`, fake.actor);
    expect((await runAction(fake, pull)).code).toBe(0);
    expect(fake.commentsOn(pull.number)).toEqual([legacy]);
    expect(legacy.body).toBe(`${MARKER}\n✅ **rationale** (\`${DEFAULT_KEY}\`): all good: 2 messages pass (lowest score 100/100).\n`);
  });

  it("leaves an unkeyed comment alone once the job has its own, as an earlier version in another workflow keeps writing it", async () => {
    const pull = addPull(fake, [BAD_MESSAGE]);
    const own = fake.addComment(pull.number, `${MARKER}\nthis job's older report`, fake.actor);
    const legacy = fake.addComment(pull.number, `${LEGACY}\nthe earlier version's report`, fake.actor);
    await runAction(fake, pull);
    expect(fake.commentsOn(pull.number)).toEqual([own, legacy]);
    expect(own.body).toContain("fix stuff");
    expect(legacy.body).toBe(`${LEGACY}\nthe earlier version's report`);
  });

  it("writes a comment of its own when another job adopted the same earlier comment right after it", async () => {
    const pull = addPull(fake, [BAD_MESSAGE]);
    const legacy = fake.addComment(pull.number, `${LEGACY}\nan earlier version's report`, fake.actor);
    // The docs job read the comment list at the same time, and its edit lands after this job's.
    fake.afterUpdateComment = (comment) => (comment.body = `${DOCS_MARKER}\nthe docs job's report`);
    const run = await runAction(fake, pull);
    expect(run.code).toBe(1);
    const [docs, own] = fake.commentsOn(pull.number);
    expect(docs).toEqual(legacy);
    expect(docs.body).toBe(`${DOCS_MARKER}\nthe docs job's report`);
    expect(own.body.startsWith(`${MARKER}\n`)).toBe(true);
    expect(run.stdout).toContain(`report comment for key "${DEFAULT_KEY}" created (id ${own.id})`);
  });

  it("encodes what would end the hidden marker, and refuses a key too long or over two lines", async () => {
    const pull = addPull(fake, [BAD_MESSAGE]);
    const key = "docs --> <b>@acme/owners</b>";
    await runAction(fake, pull, { inputs: { "comment-key": key } });
    const [comment] = fake.commentsOn(pull.number);
    const [first] = comment.body.split("\n");
    expect(first).toBe("<!-- rationale:report key=docs -%2D%3E %3Cb%3E@acme/owners%3C/b%3E -->");
    expect(first.indexOf("-->")).toBe(first.length - 3);
    // Shown in code, where it pings nobody; a second run finds the same comment by it.
    expect(comment.body).toContain("<sub>Checked by rationale (comment key `docs --> <b>@acme/owners</b>`).");
    await runAction(fake, pull, { inputs: { "comment-key": key } });
    expect(posts()).toHaveLength(1);
    expect(patches()).toHaveLength(0);

    const long = await runAction(fake, pull, { inputs: { "comment-key": "k".repeat(101) } });
    expect(long.code).toBe(2);
    expect(long.commands).toEqual(["::error::rationale: input comment-key: expected at most 100 characters, got 101; use a shorter name for this job's report comment"]);
    const twoLines = await runAction(fake, pull, { inputs: { "comment-key": "docs\nlint" } });
    expect(twoLines.code).toBe(2);
    expect(twoLines.commands).toEqual(['::error::rationale: input comment-key: expected one line without control characters, got "docs\\nlint"']);
    expect(posts()).toHaveLength(1);
  });
});

describe("commits", { timeout: 60_000 }, () => {
  it("judges all 300 commits through the compare endpoint, skipping fixup! commits", async () => {
    const messages = Array.from({ length: 300 }, (_, index) => (index === 150 ? `fixup! ${GOOD_MESSAGE}` : GOOD_MESSAGE.replace("timeout", `timeout ${index}`)));
    const pull = addPull(fake, messages);
    const run = await runAction(fake, pull, { inputs: { "check-pr-message": "false" } });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.outputs.result) as ResultEntry[];
    expect(result).toHaveLength(300);
    expect(result.map((entry) => entry.sha)).toEqual(pull.commits.map((commit) => commit.sha));
    expect(result.filter((entry) => entry.skipped).map((entry) => entry.sha)).toEqual([pull.commits[150].sha]);
    const compares = fake.calls("GET", "/repos/{owner}/{repo}/compare/{basehead}");
    expect(compares.map((call) => call.query.page)).toEqual(["1", "2", "3"]);
    expect(compares[0].path).toBe(`/repos/acme/widgets/compare/${pull.base.sha}...${pull.head.sha}`);
  });

  it("falls back to compare when the list stops at 250 though the payload counted fewer", async () => {
    const pull = addPull(fake, Array.from({ length: 260 }, () => GOOD_MESSAGE));
    // A stale payload count (the PR grew after the event): the list endpoint is tried first.
    const run = await runAction(fake, pull, { inputs: { "check-pr-message": "false" }, pullRequestPatch: { commits: 200 } });
    expect(run.code).toBe(0);
    const lists = fake.calls("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/commits");
    expect(lists.map((call) => call.query.page ?? "1")).toEqual(["1", "2", "3"]);
    expect(fake.calls("GET", "/repos/{owner}/{repo}/compare/{basehead}")).toHaveLength(3);
    expect((JSON.parse(run.outputs.result) as ResultEntry[]).map((entry) => entry.sha)).toEqual(pull.commits.map((commit) => commit.sha));
  });

  it("retries a 502 and then succeeds", async () => {
    const pull = addPull(fake, [GOOD_MESSAGE]);
    fake.fail({ method: "GET", route: "/repos/{owner}/{repo}/pulls/{pull_number}/commits", status: 502, message: "Server Error" });
    const run = await runAction(fake, pull);
    expect(run.code).toBe(0);
    expect(fake.calls("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/commits").map((call) => call.status)).toEqual([502, 200]);
    expect(run.stdout).toMatch(/answered 502; retry 1 of 3/);
  });

  it("gives up after bounded retries with a one-line error", async () => {
    const pull = addPull(fake, [GOOD_MESSAGE]);
    fake.fail({ method: "GET", route: "/repos/{owner}/{repo}/pulls/{pull_number}/commits", status: 503, times: 10 });
    const run = await runAction(fake, pull);
    expect(run.code).toBe(1);
    expect(fake.calls("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/commits")).toHaveLength(4);
    expect(run.commands.at(-1)).toMatch(/^::error::rationale: GitHub API answered 503: injected 503/);
    expect(run.stderr).toBe("");
  });

  it("names the status, not an HTML page's first line or nothing, when the answer has no JSON message", async () => {
    const pull = addPull(fake, [GOOD_MESSAGE]);
    // A proxy in front of the API answers a 502 with its own HTML page, on one line or several.
    const page = "<!DOCTYPE html>\n<html><head><title>Unicorn! &middot; GitHub</title></head><body>No server is currently available.</body></html>\n";
    fake.fail({ method: "GET", route: "/repos/{owner}/{repo}/pulls/{pull_number}/commits", status: 502, html: page, times: 4 });
    const html = await runAction(fake, pull);
    expect(html.code).toBe(1);
    expect(html.commands.filter((line) => line.startsWith("::error::"))).toEqual([
      `::error::rationale: GitHub API answered 502 Bad Gateway with an HTML page, not the API's JSON (GET /repos/acme/widgets/pulls/${pull.number}/commits)`,
    ]);
    fake.fail({ method: "GET", route: "/repos/{owner}/{repo}/pulls/{pull_number}/commits", status: 503, html: "", times: 4 });
    const empty = await runAction(fake, pull);
    expect(empty.commands.filter((line) => line.startsWith("::error::"))).toEqual([
      `::error::rationale: GitHub API answered 503 Service Unavailable with no message (GET /repos/acme/widgets/pulls/${pull.number}/commits)`,
    ]);
  });

  it("says the API could not be reached, not that it answered 500, when no answer comes", async () => {
    const pull = addPull(fake, [GOOD_MESSAGE]);
    // A port nothing listens on: every request is refused before GitHub could answer.
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, "127.0.0.1", done));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((done) => closed.close(() => done()));
    const run = await runAction(fake, pull, { env: { GITHUB_API_URL: `http://127.0.0.1:${port}` } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/got no answer \(connect ECONNREFUSED [\d.:]+\); retry 1 of 3/);
    expect(run.stdout).not.toMatch(/answered 500/);
    expect(run.commands).toEqual([
      `::error::rationale: cannot reach the GitHub API: connect ECONNREFUSED 127.0.0.1:${port} (GET /repos/acme/widgets/contents/rationale.config.json)`,
    ]);
  });

  it("names the refused request and the permission it needs, in one line", async () => {
    const pull = addPull(fake, [GOOD_MESSAGE]);
    // A workflow whose permissions: leave out pull-requests.
    fake.fail({ method: "GET", route: "/repos/{owner}/{repo}/pulls/{pull_number}/commits", status: 403, message: "Resource not accessible by integration" });
    const run = await runAction(fake, pull);
    expect(run.code).toBe(1);
    expect(run.commands.filter((line) => line.startsWith("::error::"))).toEqual([
      `::error::rationale: GitHub API answered 403: Resource not accessible by integration (GET /repos/acme/widgets/pulls/${pull.number}/commits); grant the token "pull-requests: read" in the workflow's permissions`,
    ]);

    // A token that may not read a private repository gets 404, not 403.
    fake.fail({ method: "GET", route: "/repos/{owner}/{repo}/pulls/{pull_number}/commits", status: 404, message: "Not Found" });
    const hidden = await runAction(fake, pull);
    expect(hidden.commands.at(-1)).toBe(
      `::error::rationale: GitHub API answered 404: Not Found (GET /repos/acme/widgets/pulls/${pull.number}/commits); grant the token "pull-requests: read" in the workflow's permissions (GitHub answers 404 where a token may not read a private repository)`,
    );
  });

  it("waits out a rate limit (429 with retry-after) on the comment list", async () => {
    const pull = addPull(fake, [BAD_MESSAGE]);
    fake.fail({ method: "GET", route: "/repos/{owner}/{repo}/issues/{issue_number}/comments", status: 429, headers: { "retry-after": "1" } });
    // Each wait is capped at 400 ms, and three retries reach the second GitHub asks for.
    const run = await runAction(fake, pull, { env: { RATIONALE_RETRY_MAX_MS: "400" } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/answered 429; retry 1 of 3 in 400 ms/);
    expect(fake.commentsOn(pull.number)).toHaveLength(1);
  });

  it("fails at once, naming the reset time, when the rate limit resets later than the retries could wait", async () => {
    const pull = addPull(fake, [GOOD_MESSAGE]);
    const reset = Math.floor(Date.now() / 1000) + 3600;
    const headers = { "x-ratelimit-limit": "1000", "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) };
    fake.fail({ method: "GET", route: "/repos/{owner}/{repo}/pulls/{pull_number}/commits", status: 403, message: "API rate limit exceeded for installation ID 1.", headers, times: 10 });
    // The harness's policy: three retries of at most 5 ms each.
    const run = await runAction(fake, pull);
    expect(run.code).toBe(1);
    expect(fake.calls("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/commits")).toHaveLength(1);
    const at = new Date(reset * 1000).toISOString().replace(".000Z", "Z");
    expect(run.commands.filter((line) => line.startsWith("::error::"))).toEqual([
      `::error::rationale: GitHub API answered 403: API rate limit exceeded for installation ID 1. (GET /repos/acme/widgets/pulls/${pull.number}/commits); ` +
        `the rate limit resets at ${at}, in 60 min, later than the action waits (3 retries of at most 5 ms): re-run the job after that`,
    ]);
  });
});

describe("forks", { timeout: 60_000 }, () => {
  it("fails the run when a rate limit outlasts the retries, rather than calling it a read-only token", async () => {
    const pull = addPull(fake, [GOOD_MESSAGE]);
    const limited = { method: "POST", route: "/repos/{owner}/{repo}/issues/{issue_number}/comments", status: 403, message: "You have exceeded a secondary rate limit.", times: 10 };
    fake.fail(limited);
    const run = await runAction(fake, pull, { inputs: { comment: "always" } });
    expect(run.code).toBe(1);
    expect(run.commands.some((line) => line.includes("read-only token"))).toBe(false);
    expect(run.commands.find((line) => line.startsWith("::error::"))).toMatch(/GitHub API answered 403: You have exceeded a secondary rate limit/);
    // Each try was retried before giving up.
    expect(fake.calls("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments").length).toBeGreaterThan(1);
  });

  it("falls back to the job summary and annotations on a 403 and exits by the findings", async () => {
    const pull = addPull(fake, [BAD_MESSAGE]);
    fake.fail({ method: "POST", route: "/repos/{owner}/{repo}/issues/{issue_number}/comments", status: 403, message: "Resource not accessible by integration" });
    const run = await runAction(fake, pull, { headRepo: "contributor/widgets" });
    expect(run.code).toBe(1);
    expect(fake.commentsOn(pull.number)).toHaveLength(0);
    expect(run.commands).toContain(
      "::notice::rationale: cannot comment on #" + pull.number + " (403, read-only token for a fork); the report is in the job summary and annotations",
    );
    expect(run.commands.filter((line) => line.startsWith("::error::"))[0]).toMatch(/error findings/);
    expect(run.summary).toContain("fix stuff");

    const good = addPull(fake, [GOOD_MESSAGE]);
    fake.fail({ method: "POST", route: "/repos/{owner}/{repo}/issues/{issue_number}/comments", status: 403 });
    const passing = await runAction(fake, good, { headRepo: "contributor/widgets", inputs: { comment: "always" } });
    expect(passing.code).toBe(0);
  });

  it("falls back to the job summary when the token is empty, as a secret is on a fork's pull request", async () => {
    // `github-token: ${{ secrets.BOT_TOKEN }}`: GitHub passes no secrets to the workflow of a
    // fork's (or Dependabot's) pull request, so the input is empty. A public repository can
    // still be read; the comment cannot be written, which must not fail the step.
    fake.anonymousReads = true;
    const pull = addPull(fake, [BAD_MESSAGE]);
    const run = await runAction(fake, pull, { headRepo: "contributor/widgets", inputs: { "github-token": "" } });
    expect(run.code).toBe(1);
    expect(fake.commentsOn(pull.number)).toHaveLength(0);
    expect(run.commands).toContain(
      `::notice::rationale: cannot comment on #${pull.number} (no token: the github-token input is empty; GitHub gives no secrets to a fork's or Dependabot's pull request); the report is in the job summary and annotations`,
    );
    expect(run.commands.filter((line) => line.startsWith("::error::"))).toHaveLength(1);
    expect(run.commands.filter((line) => line.startsWith("::error::"))[0]).toMatch(/error findings/);
    expect(run.summary).toContain("fix stuff");

    const good = addPull(fake, [GOOD_MESSAGE]);
    const passing = await runAction(fake, good, { headRepo: "contributor/widgets", inputs: { "github-token": "", comment: "always" } });
    expect(passing.code).toBe(0);
  });

  it("says the token is empty, not which permission to grant, when a private repository answers 404", async () => {
    // Without a token GitHub answers 404 for a private repository: granting a permission to a
    // token that is not there fixes nothing.
    fake.anonymousNotFound = true;
    const pull = addPull(fake, [GOOD_MESSAGE]);
    const run = await runAction(fake, pull, { inputs: { "github-token": "" } });
    expect(run.code).toBe(1);
    expect(run.commands.filter((line) => line.startsWith("::error::"))).toEqual([
      `::error::rationale: GitHub API answered 404: Not Found - https://docs.github.com/rest (GET /repos/acme/widgets/pulls/${pull.number}/commits); ` +
        "the github-token input is empty (GitHub gives no secrets to a fork's or Dependabot's pull request), so the request went without a token",
    ]);
  });

  it("names the missing permission when the repository's own pull request cannot be commented on", async () => {
    // Not a fork: the workflow's permissions (or the organisation's read-only default) left it out.
    const pull = addPull(fake, [BAD_MESSAGE]);
    fake.fail({ method: "POST", route: "/repos/{owner}/{repo}/issues/{issue_number}/comments", status: 403, message: "Resource not accessible by integration" });
    const run = await runAction(fake, pull);
    expect(run.code).toBe(1);
    expect(run.commands).toContain(
      `::notice::rationale: cannot comment on #${pull.number} (403, read-only token); the report is in the job summary and annotations; grant the token "pull-requests: write" in the workflow's permissions for the comment`,
    );
  });
});

describe("annotations", { timeout: 60_000 }, () => {
  it("cuts a long summary in the title at a whole character, never half an emoji", async () => {
    const summary = `${"x".repeat(58)}😀 and more words after the cut`;
    const pull = addPull(fake, [`${summary}\n`]);
    const run = await runAction(fake, pull, { inputs: { "check-pr-message": "false" } });
    const titles = run.commands.filter((line) => line.startsWith("::error title=") || line.startsWith("::warning title="));
    expect(titles.length).toBeGreaterThan(0);
    for (const line of titles) {
      expect(line).not.toContain("\uFFFD");
      expect(line).toContain(`"${"x".repeat(58)}😀…"`);
    }
  });
});

describe("pull request message", { timeout: 60_000 }, () => {
  it("judges an untouched HTML-comment template as no description, not by its hint text", async () => {
    const template = "<!-- Why is this change needed? -->\n\n<!-- Link the ticket, e.g. Refs: ABC-123 -->\n";
    const pull = addPull(fake, [GOOD_MESSAGE], { body: template });
    const run = await runAction(fake, pull);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.outputs.result) as (ResultEntry & { facets: { refs: unknown[] } })[];
    expect(result[1].source).toBe("pull-request");
    expect(result[1].findings.map((finding) => finding.ruleId)).toContain("body-required");
    expect(result[1].facets.refs).toEqual([]);
    expect(fake.commentsOn(pull.number)[0].body).not.toContain("Link the ticket");
    // The author's own text around the hints is judged as written.
    const filled = addPull(fake, [GOOD_MESSAGE], { body: `<!-- Why is this change needed? -->\n${pull.commits[0].message.split("\n\n").slice(1).join("\n\n")}` });
    expect((await runAction(fake, filled)).code).toBe(0);
  });
});

describe("configuration", { timeout: 60_000 }, () => {
  it("reads the config from the base commit, never the head", async () => {
    const pull = addPull(fake, [BAD_MESSAGE], { title: "fix stuff", body: "" });
    fake.files.set(pull.base.sha, {
      ".rationalerc.yaml": "threshold: 0\nrules:\n  summary-vague: off\n  body-required: off\n",
    });
    fake.files.set(pull.head.sha, { ".rationalerc.json": '{ "threshold": 100 }' });
    const run = await runAction(fake, pull, { eventName: "pull_request_target" });
    expect(run.code).toBe(0);
    const reads = fake.calls("GET", "/repos/{owner}/{repo}/contents/{path}");
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((call) => call.query.ref === pull.base.sha)).toBe(true);
    expect(reads.map((call) => call.path)).toContain("/repos/acme/widgets/contents/.rationalerc.yaml");
  });

  it("leaves merges out of the score: GitHub's Update branch merge does not fail the pull request", async () => {
    const pull = addPull(fake, [GOOD_MESSAGE, "Merge branch 'main' into feature/8\n", GOOD_MESSAGE]);
    pull.commits[1].parents = [fakeSha("base-tip"), pull.commits[0].sha];
    const run = await runAction(fake, pull);
    expect(run.commands.find((line) => line.startsWith("::error::"))).toBeUndefined();
    expect(run.code).toBe(0);
    const result = JSON.parse(run.outputs.result) as (ResultEntry & { kind: string })[];
    expect(result[1]).toMatchObject({ kind: "merge", pass: true });
    // The same text on a single-parent commit is no merge: its vague summary fails.
    const squashed = addPull(fake, [GOOD_MESSAGE, "Merge branch 'main' into feature/8\n"]);
    squashed.commits[1].parents = [squashed.commits[0].sha];
    expect((await runAction(fake, squashed)).code).toBe(1);
  });

  it("skips a bot's commits on the pull request it opened, not a person's bot-looking ones", async () => {
    const pull = addPull(fake, ["Update dependency eslint to v9\n"]);
    pull.commits[0].author = { login: "renovate[bot]", type: "Bot" };
    pull.user = { login: "renovate[bot]", type: "Bot" };
    const run = await runAction(fake, pull, { inputs: { "check-pr-message": "false" } });
    const result = JSON.parse(run.outputs.result) as (ResultEntry & { kind: string; skipReason?: string })[];
    expect(result[0]).toMatchObject({ kind: "bot", skipped: true });
    expect(result[0].skipReason).toBe("generated by a bot: authored by a bot account on a pull request renovate[bot] opened");
    expect(run.code).toBe(0);
    expect(run.commands.filter((line) => line.startsWith("::error"))).toEqual([]);
    // A person's pull request with a commit whose e-mail maps to a bot account: judged.
    const spoofed = addPull(fake, ["chore(deps): hack around everything\n"]);
    spoofed.commits[0].author = { login: "github-actions[bot]", type: "Bot" };
    expect((await runAction(fake, spoofed, { inputs: { "check-pr-message": "false" } })).code).toBe(1);
    // And a bot-shaped summary typed by a person on their own pull request.
    const typed = addPull(fake, ["chore(deps): hack around everything\n"]);
    expect((await runAction(fake, typed, { inputs: { "check-pr-message": "false" } })).code).toBe(1);
  });

  it("uses the config input and applies fail-under to the lowest score", async () => {
    const pull = addPull(fake, [GOOD_MESSAGE]);
    fake.files.set(pull.base.sha, { "ci/rationale.json": '{ "threshold": 10 }' });
    const run = await runAction(fake, pull, { inputs: { config: "ci/rationale.json", "fail-under": "100" } });
    expect(run.code).toBe(0);
    // The root written as a workflow author may write it: "/" or "./" before the path.
    for (const config of ["/ci/rationale.json", "./ci/rationale.json"]) {
      const again = addPull(fake, [GOOD_MESSAGE]);
      fake.files.set(again.base.sha, { "ci/rationale.json": '{ "threshold": 10 }' });
      expect((await runAction(fake, again, { inputs: { config, "fail-under": "100" } })).code, config).toBe(0);
    }
    // Says why but not what the change does: 93.
    const strict = addPull(fake, [GOOD_MESSAGE, "Add upload retries\n\nUsers lost uploads because the storage node restarts during deploys.\n"]);
    fake.files.set(strict.base.sha, { "ci/rationale.json": '{ "threshold": 10 }' });
    const failing = await runAction(fake, strict, { inputs: { config: "ci/rationale.json", "fail-under": "99" } });
    expect(failing.code).toBe(1);
    expect(failing.commands.find((line) => line.startsWith("::error::"))).toMatch(/lowest score \d+ \(\w{7}\) is below fail-under 99/);
    // Each message's pass in the result output follows fail-under, not the config's threshold.
    const entries = JSON.parse(failing.outputs.result) as ResultEntry[];
    expect(entries.map((entry) => [entry.score >= 99, entry.pass])).toEqual(entries.map((entry) => [entry.score >= 99, entry.score >= 99]));
    expect(entries.some((entry) => !entry.pass)).toBe(true);
    const lenient = addPull(fake, ["Add upload retries\n\nUsers lost uploads because the storage node restarts during deploys.\n"], { body: "" });
    fake.files.set(lenient.base.sha, { "ci/rationale.json": '{ "threshold": 100 }' });
    const passing = await runAction(fake, lenient, { inputs: { config: "ci/rationale.json", "fail-under": "90", "check-pr-message": "false" } });
    expect(passing.code).toBe(0);
    expect((JSON.parse(passing.outputs.result) as ResultEntry[])[0]).toMatchObject({ pass: true });
  });

  it("says an invalid config file was read from the base branch, where a fix must land", async () => {
    const pull = addPull(fake, [GOOD_MESSAGE]);
    fake.files.set(pull.base.sha, { ".rationalerc.yml": "threshold: high\n" });
    // The pull request fixes the file; the action still judges by the base branch's copy.
    fake.files.set(pull.head.sha, { ".rationalerc.yml": "threshold: 60\n" });
    const run = await runAction(fake, pull);
    expect(run.code).toBe(2);
    const base = pull.base.sha.slice(0, 7);
    expect(run.commands).toEqual([
      "::error::rationale: invalid configuration in .rationalerc.yml (1 problem):%0A" +
        '  .rationalerc.yml: threshold: got "high" (string); expected an integer from 0 to 100%0A' +
        `.rationalerc.yml was read from the base branch (commit ${base}), never from the pull request: a fix made in the pull request applies once it is merged`,
    ]);
    // A syntax error in a file the config input names says so too.
    const named = addPull(fake, [GOOD_MESSAGE]);
    fake.files.set(named.base.sha, { "ci/rationale.json": '{ "threshold": 50, }' });
    const syntax = await runAction(fake, named, { inputs: { config: "ci/rationale.json" } });
    expect(syntax.code).toBe(2);
    expect(syntax.commands).toEqual([
      '::error::rationale: ci/rationale.json:1:20: invalid JSON: trailing comma before "}"; JSON allows none, so remove it%0A' +
        `ci/rationale.json was read from the base branch (commit ${named.base.sha.slice(0, 7)}), never from the pull request: a fix made in the pull request applies once it is merged`,
    ]);
  });

  it("turns an earlier report into a could-not-judge note when the config is invalid, and creates none", async () => {
    const pull = addPull(fake, [BAD_MESSAGE]);
    // An earlier run's note: the messages passed then.
    const earlier = fake.addComment(pull.number, `${MARKER}\n✅ **rationale** (\`${DEFAULT_KEY}\`): all good: 2 messages pass.\n`, fake.actor);
    fake.files.set(pull.base.sha, { ".rationalerc.yml": "threshold: <high>\nrules:\n  summary-vague: off\n" });
    const run = await runAction(fake, pull);
    expect(run.code).toBe(2);
    const base = pull.base.sha.slice(0, 7);
    // The error line stays as it was; no other line is added.
    expect(run.commands).toEqual([
      "::error::rationale: invalid configuration in .rationalerc.yml (1 problem):%0A" +
        '  .rationalerc.yml: threshold: got "<high>" (string); expected an integer from 0 to 100%0A' +
        `.rationalerc.yml was read from the base branch (commit ${base}), never from the pull request: a fix made in the pull request applies once it is merged`,
    ]);
    expect(fake.commentsOn(pull.number)).toHaveLength(1);
    expect(fake.commentsOn(pull.number)[0].id).toBe(earlier.id);
    expect(fake.commentsOn(pull.number)[0].body).toBe(
      `${MARKER}\n❌ **rationale** (\`${DEFAULT_KEY}\`): the commit messages were not judged: ` +
        'invalid configuration in .rationalerc.yml (1 problem): .rationalerc.yml: threshold: got "&lt;high&gt;" (string); expected an integer from 0 to 100; ' +
        `.rationalerc.yml was read from the base branch (commit ${base}), never from the pull request: a fix made in the pull request applies once it is merged.\n`,
    );
    expect(fake.calls("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments")).toHaveLength(0);

    // No comment yet: the error line is enough, none is created.
    const fresh = addPull(fake, [GOOD_MESSAGE]);
    fake.files.set(fresh.base.sha, { "ci/rationale.json": '{ "threshold": 50, }' });
    expect((await runAction(fake, fresh, { inputs: { config: "ci/rationale.json", comment: "always" } })).code).toBe(2);
    expect(fake.commentsOn(fresh.number)).toHaveLength(0);

    // comment: never leaves an earlier comment as it was.
    const quiet = addPull(fake, [GOOD_MESSAGE]);
    const kept = fake.addComment(quiet.number, `${MARKER}\nold report`, fake.actor);
    fake.files.set(quiet.base.sha, { ".rationalerc.json": "{" });
    expect((await runAction(fake, quiet, { inputs: { comment: "never" } })).code).toBe(2);
    expect(kept.body).toBe(`${MARKER}\nold report`);

    // A read-only token cannot edit the comment: still exit 2 with the config's error.
    const fork = addPull(fake, [GOOD_MESSAGE]);
    const old = fake.addComment(fork.number, `${MARKER}\nold report`, fake.actor);
    fake.files.set(fork.base.sha, { ".rationalerc.json": "{" });
    fake.fail({ method: "PATCH", route: "/repos/{owner}/{repo}/issues/comments/{comment_id}", status: 403, message: "Resource not accessible by integration" });
    const refused = await runAction(fake, fork);
    expect(refused.code).toBe(2);
    expect(old.body).toBe(`${MARKER}\nold report`);
    expect(refused.commands.filter((line) => line.startsWith("::error::"))).toHaveLength(1);
    expect(refused.commands.filter((line) => line.startsWith("::error::"))[0]).toMatch(/^::error::rationale: \.rationalerc\.json:/);
  });

  it("turns an earlier report into a could-not-judge note when the config input names a JavaScript file", async () => {
    // As for an invalid config: no message is judged, so the report of an earlier run (here
    // findings since fixed) must not stand under the red check.
    const pull = addPull(fake, [GOOD_MESSAGE]);
    const earlier = fake.addComment(pull.number, `${MARKER}\n❌ **rationale** (\`${DEFAULT_KEY}\`): 1 message fails: fix stuff\n`, fake.actor);
    const run = await runAction(fake, pull, { inputs: { config: "rationale.config.mjs" } });
    expect(run.code).toBe(2);
    expect(run.commands).toEqual(["::error::rationale: rationale.config.mjs: the action reads configuration as data only; use a JSON or YAML file"]);
    expect(fake.commentsOn(pull.number).map((comment) => [comment.id, comment.body])).toEqual([
      [earlier.id, `${MARKER}\n❌ **rationale** (\`${DEFAULT_KEY}\`): the commit messages were not judged: rationale.config.mjs: the action reads configuration as data only; use a JSON or YAML file.\n`],
    ]);
    // The file is refused by its name, never read.
    expect(fake.calls("GET", "/repos/{owner}/{repo}/contents/{path}")).toHaveLength(0);
    expect(fake.calls("POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments")).toHaveLength(0);

    // comment: never leaves it as it was, and makes no request at all.
    const quiet = addPull(fake, [GOOD_MESSAGE]);
    const kept = fake.addComment(quiet.number, `${MARKER}\nold report`, fake.actor);
    const before = fake.requests.length;
    expect((await runAction(fake, quiet, { inputs: { config: "rationale.config.ts", comment: "never" } })).code).toBe(2);
    expect(kept.body).toBe(`${MARKER}\nold report`);
    expect(fake.requests).toHaveLength(before);
  });

  it("refuses a directory named like a config file on the base branch, as the CLI does", async () => {
    for (const name of ["rationale.config.json", ".rationalerc.json", ".rationalerc.yaml", ".rationalerc.yml"]) {
      const pull = addPull(fake, [GOOD_MESSAGE]);
      // A config file further down the list must not be used in its place.
      fake.files.set(pull.base.sha, { [`${name}/notes.txt`]: "kept here by mistake\n", "package.json": '{ "rationale": { "threshold": 10 } }' });
      const run = await runAction(fake, pull);
      expect(run.code).toBe(2);
      expect(run.commands).toEqual([
        `::error::rationale: ${name} is a directory on the base branch (commit ${pull.base.sha.slice(0, 7)}), not a config file; rename or remove it, or give the config file with the config input`,
      ]);
    }
    // Named by the config input: the same, not "no such configuration file".
    const named = addPull(fake, [GOOD_MESSAGE]);
    fake.files.set(named.base.sha, { "ci/rationale.json/README.md": "# config\n" });
    const run = await runAction(fake, named, { inputs: { config: "ci/rationale.json" } });
    expect(run.code).toBe(2);
    expect(run.commands).toEqual([
      `::error::rationale: ci/rationale.json is a directory on the base branch (commit ${named.base.sha.slice(0, 7)}), not a config file; point the config input at a JSON or YAML file`,
    ]);
    // A directory named package.json is npm's name, not ours: passed over.
    const npm = addPull(fake, [GOOD_MESSAGE]);
    fake.files.set(npm.base.sha, { "package.json/index.js": "module.exports = {};\n" });
    expect((await runAction(fake, npm)).code).toBe(0);
    expect(fake.violations).toEqual([]);
  });

  it("passes over a broken package.json that never mentions rationale, as the CLI does, but not one that does", async () => {
    const broken = addPull(fake, [GOOD_MESSAGE]);
    fake.files.set(broken.base.sha, { "package.json": '{ "name": "widgets", }\n' });
    expect((await runAction(fake, broken)).code).toBe(0);
    const ours = addPull(fake, [GOOD_MESSAGE]);
    fake.files.set(ours.base.sha, { "package.json": '{ "rationale": { "threshold": 10 }, }\n' });
    const run = await runAction(fake, ours);
    expect(run.code).toBe(2);
    expect(run.commands.join("\n")).toMatch(/::error::rationale: .*package\.json/);
  });

  it("refuses a JavaScript config and bad inputs with exit 2 and one line", async () => {
    const pull = addPull(fake, [GOOD_MESSAGE]);
    const js = await runAction(fake, pull, { inputs: { config: "rationale.config.js" } });
    expect(js.code).toBe(2);
    expect(js.commands).toEqual(["::error::rationale: rationale.config.js: the action reads configuration as data only; use a JSON or YAML file"]);
    // Refused by its name: no file is read. Only the comments are listed, for one to correct.
    expect(fake.requests.map((request) => request.route)).toEqual(["/repos/{owner}/{repo}/issues/{issue_number}/comments"]);
    expect(fake.commentsOn(pull.number)).toHaveLength(0);
    fake.requests.length = 0;
    const bad = await runAction(fake, pull, { inputs: { comment: "sometimes" } });
    expect(bad.code).toBe(2);
    expect(bad.commands).toEqual(['::error::rationale: input comment: expected one of on-failure, always, never, got "sometimes"']);
    const push = await runAction(fake, pull, { eventName: "push" });
    expect(push.code).toBe(0);
    expect(push.commands).toEqual(['::notice::rationale: event "push" is not a pull request; nothing to judge']);
    expect(fake.requests).toHaveLength(0);
  });

  it("sets every output action.yml declares on every event, when there is nothing to judge too", async () => {
    // A later step reads `steps.rationale.outputs.result` with fromJSON() whatever the event:
    // an output left unset is "", which fromJSON() cannot read.
    const declared = Object.keys((parseYaml(readFileSync(join(ROOT, "action.yml"), "utf8")) as { outputs: Record<string, unknown> }).outputs);
    const nothingJudged = Object.fromEntries(declared.map((name) => [name, name === "result" ? "[]" : ""]));
    const pull = addPull(fake, [GOOD_MESSAGE]);
    for (const eventName of ["push", "workflow_dispatch", "merge_group", "schedule"]) {
      const run = await runAction(fake, pull, { eventName });
      expect(run.code).toBe(0);
      expect(run.outputs, eventName).toEqual(nothingJudged);
    }
    // A step stopped before judging (a bad input, a refused config, an API failure) sets them too.
    const bad = await runAction(fake, pull, { inputs: { comment: "sometimes" } });
    expect(bad.code).toBe(2);
    expect(bad.outputs).toEqual(nothingJudged);
    const js = await runAction(fake, pull, { inputs: { config: "rationale.config.js" } });
    expect(js.code).toBe(2);
    expect(js.outputs).toEqual(nothingJudged);
    fake.fail({ method: "GET", route: "/repos/{owner}/{repo}/pulls/{pull_number}/commits", status: 404, message: "Not Found" });
    const failed = await runAction(fake, pull);
    expect(failed.code).toBe(1);
    expect(failed.outputs).toEqual(nothingJudged);
    // A judged pull request sets each of them to what it judged.
    const judged = await runAction(fake, pull);
    expect(Object.keys(judged.outputs).sort()).toEqual([...declared].sort());
    expect(JSON.parse(judged.outputs.result)).toHaveLength(2);
  });

  it("fails with an error line, not a stack trace, when the outputs file cannot be written", async () => {
    // GITHUB_OUTPUT naming a directory: every append to it fails (EISDIR), for root too.
    const directory = mkdtempSync(join(tmpdir(), "rationale-output-"));
    const pull = addPull(fake, [GOOD_MESSAGE]);
    const push = await runAction(fake, pull, { eventName: "push", env: { GITHUB_OUTPUT: directory } });
    expect(push.stderr).toBe("");
    expect(push.commands).toEqual([
      '::notice::rationale: event "push" is not a pull request; nothing to judge',
      expect.stringMatching(/^::error::rationale: cannot set the step's outputs: EISDIR: /),
    ]);
    expect(push.code).toBe(1);
    // A judged pull request fails on its own outputs once, with one error line.
    const judged = await runAction(fake, pull, { env: { GITHUB_OUTPUT: directory } });
    expect(judged.stderr).toBe("");
    expect(judged.commands).toEqual([expect.stringMatching(/^::error::rationale: EISDIR: /)]);
    expect(judged.code).toBe(1);
    // A step stopped before judging keeps its own exit code and says both.
    const bad = await runAction(fake, pull, { inputs: { comment: "sometimes" }, env: { GITHUB_OUTPUT: directory } });
    expect(bad.stderr).toBe("");
    expect(bad.commands).toEqual([
      '::error::rationale: input comment: expected one of on-failure, always, never, got "sometimes"',
      expect.stringMatching(/^::error::rationale: cannot set the step's outputs: EISDIR: /),
    ]);
    expect(bad.code).toBe(2);
  });
});
