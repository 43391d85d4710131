// Report pieces: the caret excerpt, the verdict rule, the comment size limit, config parsing and the release block.
import { describe, expect, it } from "vitest";
import { lint } from "../../src/lint.js";
import { assertDataConfigPath, parseConfigText } from "../../src/action/config.js";
import { decideVerdict, judgeMessages, pullRequestMessage, type JudgedMessage } from "../../src/action/judge.js";
import { defaultConfig } from "../../src/config/index.js";
import { isReleaseBranch, messageBody, replaceReleaseBlock } from "../../src/action/release.js";
import { excerpt, renderReport, REPORT_MARKER } from "../../src/action/report.js";
import { resultJson } from "../../src/action/run.js";
import { findStickyComment } from "../../src/action/comment.js";

function judged(message: string, sha: string): JudgedMessage {
  return { source: "commit", sha, summary: message.split("\n")[0], message, result: lint(message, { cleanup: false }) };
}

const GOOD =
  "Retry chunk uploads after a network timeout\n\nUploads failed on flaky hotel Wi-Fi because a single timeout aborted the\nwhole batch. Retry each chunk up to three times with backoff so a blip\ndoes not lose the upload.\n\nRefs: ABC-123\n";

describe("excerpt", () => {
  it("shows the line with a caret under the span, like a compiler", () => {
    expect(excerpt("Summary\n\nbody text here\n", { line: 3, column: 6, endLine: 3, endColumn: 10 })).toBe("3 | body text here\n  |      ^^^^");
    expect(excerpt("abc\n", { line: 1, column: 2, endLine: 2, endColumn: 1 })).toBe("1 | abc\n  |  ^^");
    // Wide characters take two cells in a monospace grid, as in the CLI's excerpts.
    expect(excerpt("修复 bug\n", { line: 1, column: 4, endLine: 1, endColumn: 7 })).toBe("1 | 修复 bug\n  |      ^^^");
    expect(excerpt("修复 bug\n", { line: 1, column: 1, endLine: 1, endColumn: 3 })).toBe("1 | 修复 bug\n  | ^^^^");
  });
});

describe("decideVerdict", () => {
  it("fails on an error finding and on the lowest score below fail-under; skipped messages do not count", () => {
    const messages = [judged(GOOD, "a".repeat(40)), judged("fix stuff\n", "b".repeat(40)), judged("fixup! fix stuff\n", "c".repeat(40))];
    const verdict = decideVerdict(messages, 60);
    expect(verdict).toMatchObject({ failed: true, judged: 2, skipped: 1, score: messages[1].result.score });
    expect(verdict.reason).toMatch(/^1 of 2 messages have error findings \(first: bbbbbbb summary-vague: .*\); lowest score \d+ \(bbbbbbb\) is below fail-under 60$/);
    expect(decideVerdict([messages[0], messages[2]], 100)).toMatchObject({ failed: false, score: 100 });
    expect(decideVerdict([messages[0]], 101).reason).toBe("lowest score 100 (aaaaaaa) is below fail-under 101");
    expect(decideVerdict([messages[2]], 60)).toMatchObject({ failed: false, score: null, reason: "no message to judge (1 skipped)" });
  });

  it("builds the squash message from title and description", () => {
    expect(pullRequestMessage(" Add retries ", "Why:\r\nbecause\r\n", 12)).toBe("Add retries (#12)\n\nWhy:\nbecause\n");
    expect(pullRequestMessage("Add retries", null, 12)).toBe("Add retries (#12)\n");
    // A title that already carries the suffix (a re-titled or imported one) gets no second one.
    expect(pullRequestMessage("Add retries (#12)", null, 12)).toBe("Add retries (#12)\n");
    // A template's hidden hints are no description: only the author's text is judged.
    expect(pullRequestMessage("Add retries", "<!-- Why? Refs: ABC-1 -->\r\n\r\n<!--\nmore\n-->\n", 12)).toBe("Add retries (#12)\n");
    expect(pullRequestMessage("Add retries", "<!-- Why? -->\nUploads failed. <!-- hint -->\n\n<!-- x -->\n\nRefs: ABC-1", 12)).toBe(
      "Add retries (#12)\n\nUploads failed.\n\nRefs: ABC-1\n",
    );
    // A comment shown as code, fenced or between backticks, is text GitHub renders.
    const shown = "Keep `<!-- slot -->` markers in templates.\n\n```html\n<!-- slot -->\n<div></div>\n```\n\n~~~\n<!--\n~~~\nDone. <!-- hidden -->";
    expect(pullRequestMessage("Keep slot markers", shown, 3)).toBe(
      "Keep slot markers (#3)\n\nKeep `<!-- slot -->` markers in templates.\n\n```html\n<!-- slot -->\n<div></div>\n```\n\n~~~\n<!--\n~~~\nDone.\n",
    );
    // A comment that spans lines ends at its "-->", with the text after it kept.
    expect(pullRequestMessage("Add retries", "Before <!-- a\nb --> after\n", 4)).toBe("Add retries (#4)\n\nBefore\nafter\n");
  });

  it("judges the squash summary with the ` (#N)` GitHub appends, so a title near 72 characters is too long", async () => {
    const title = "Retry each chunk upload up to three times when the network times out";
    expect(title.length).toBeLessThanOrEqual(72);
    const message = pullRequestMessage(title, "Uploads failed on flaky hotel Wi-Fi because one timeout aborted the batch.", 1234);
    expect(message.split("\n")[0].length).toBeGreaterThan(72);
    const [judged] = await judgeMessages([], { number: 1234, message, landsWithNumber: true }, defaultConfig());
    expect(judged.result.findings.map((finding) => finding.ruleId)).toContain("summary-max-length");
    expect(judged.result.score).toBeLessThan(lint(message.replace(" (#1234)", ""), { cleanup: false }).score);
    // The pull request's own number is no link for its own message: judged as without it.
    const bare = "Update deps";
    const [own] = await judgeMessages([], { number: 4, message: pullRequestMessage(bare, null, 4), landsWithNumber: true }, defaultConfig());
    expect(own.message).toBe("Update deps (#4)\n");
    expect(own.result).toEqual(lint("Update deps\n", { cleanup: false }));
    expect(own.result.pass).toBe(false);
    // Typed into the title by hand, the own number is no link either; another number is.
    const typed = await judgeMessages([], { number: 4, message: pullRequestMessage("Update deps (#4)", null, 4), landsWithNumber: true }, defaultConfig());
    expect(typed[0].result).toEqual(own.result);
    const other = await judgeMessages([], { number: 4, message: pullRequestMessage("Update deps (#3)", null, 4), landsWithNumber: true }, defaultConfig());
    expect(other[0].message).toBe("Update deps (#3) (#4)\n");
    expect(other[0].result.facets.refs?.map((ref) => ref.id)).toEqual(["#3"]);
  });
});

describe("renderReport", () => {
  it("stays under the comment limit and points at the job summary for the rest", () => {
    const messages = Array.from({ length: 200 }, (_, index) => judged(`fix stuff ${index}\n`, index.toString(16).padStart(40, "0")));
    const body = renderReport(messages, decideVerdict(messages, 60), { marker: true, limit: 20_000 });
    expect(body.startsWith(REPORT_MARKER + "\n")).toBe(true);
    expect(body.length).toBeLessThanOrEqual(20_000);
    expect(body).toMatch(/_…and \d+ more messages with findings: see the job summary\._/);
  });
});

describe("overview", () => {
  it("does not say no message was judged when only merges were, unscored", async () => {
    const merges = await judgeMessages([{ sha: "b".repeat(40), message: "Merge branch 'main' into feature/8\n", parents: 2, byBot: false }], null, defaultConfig());
    const body = renderReport(merges, decideVerdict(merges, 60));
    expect(body).not.toContain("No message was judged");
    expect(body).toContain("No score: merges only, which are not scored. 1 message judged");
    expect(renderReport([], decideVerdict([], 60))).toContain("No message was judged. 0 messages judged");
  });
});

describe("size limits in bytes", () => {
  it("measures the job summary in UTF-8 bytes when asked, as GitHub's 1 MiB limit does", () => {
    const chinese = "修复登录页面的崩溃问题".repeat(20);
    const messages = Array.from({ length: 60 }, (_, index) => judged(`${chinese} ${index}\n`, index.toString(16).padStart(40, "0")));
    const verdict = decideVerdict(messages, 60);
    const bytes = (text: string) => Buffer.byteLength(text);
    const body = renderReport(messages, verdict, { limit: 40_000, measure: bytes });
    expect(bytes(body)).toBeLessThanOrEqual(40_000);
    // Counted in characters, the same limit lets through far more bytes.
    expect(bytes(renderReport(messages, verdict, { limit: 40_000 }))).toBeGreaterThan(40_000);
  });

  it("points a job summary past its limit at the step's log, not at itself", () => {
    const messages = Array.from({ length: 60 }, (_, index) => judged(`fix stuff ${index}\n`, index.toString(16).padStart(40, "0")));
    const verdict = decideVerdict(messages, 60);
    const bytes = (text: string) => Buffer.byteLength(text);
    const summary = renderReport(messages, verdict, { limit: 3_000, measure: bytes, target: "summary" });
    expect(bytes(summary)).toBeLessThanOrEqual(3_000);
    expect(summary).not.toContain("see the job summary");
    expect(summary).toContain("_The table of messages is too long for the job summary; each finding is also in this step's log, as an error or warning line._");
    expect(summary).toMatch(/_…and \d+ more messages with findings: each finding is also in this step's log, as an error or warning line\._/);
    // The comment still sends the reader to the job summary.
    const comment = renderReport(messages, verdict, { limit: 3_000 });
    expect(comment).toContain("_The table of messages is too long for a comment; see the job summary._");
  });

  it("keeps the result output under its limit by leaving out details", () => {
    const messages = Array.from({ length: 50 }, (_, index) => judged(`fix stuff ${index}\n`, index.toString(16).padStart(40, "0")));
    messages.push(judged("fixup! fix stuff 0\n", "f".repeat(40)));
    const full = JSON.parse(resultJson(messages)) as Record<string, unknown>[];
    expect(full[0].findings).toBeDefined();
    expect(Buffer.byteLength(resultJson(messages))).toBeGreaterThan(20_000);
    const small = resultJson(messages, 20_000);
    expect(Buffer.byteLength(small)).toBeLessThanOrEqual(20_000);
    const compact = JSON.parse(small) as Record<string, unknown>[];
    expect(compact).toHaveLength(51);
    expect(compact[0]).toMatchObject({ summary: "fix stuff 0", pass: false, detailsOmitted: true });
    expect(compact[0].findingCount).toBe((full[0].findings as unknown[]).length);
    expect(compact[0].findings).toBeUndefined();
    // Only findings, facets and parts give way (docs/action.md): why a message was skipped stays.
    expect(full[50].skipReason).toMatch(/^fixup!\/squash! commit/);
    expect(compact[50]).toMatchObject({ skipped: true, skipReason: full[50].skipReason });
  });
});

describe("configuration as data", () => {
  it("parses JSON, YAML and package.json's rationale key; refuses code", () => {
    expect(parseConfigText('{ "threshold": 70 }', ".rationalerc.json")).toEqual({ threshold: 70 });
    expect(parseConfigText("threshold: 70\n", "ci/rationale.yml")).toEqual({ threshold: 70 });
    expect(parseConfigText("", ".rationalerc.yaml")).toEqual({});
    // An empty or blank JSON file means no settings, as for the CLI (docs/configuration.md).
    expect(parseConfigText("", ".rationalerc.json")).toEqual({});
    expect(parseConfigText("\uFEFF \n", "ci/rationale.json")).toEqual({});
    expect(parseConfigText('{ "name": "x" }', "package.json")).toBeUndefined();
    expect(parseConfigText('{ "rationale": { "threshold": 1 } }', "package.json")).toEqual({ threshold: 1 });
    expect(() => parseConfigText("{ nope", "x.json")).toThrow(/^x\.json:1:3: invalid JSON/);
    expect(() => parseConfigText("a: [", "x.yaml")).toThrow(/^x\.yaml:\d+:\d+: invalid YAML/);
    expect(() => parseConfigText("threshold: 70\nrules: *missing\n", "x.yaml")).toThrow(/^x\.yaml:2:8: invalid YAML: Unresolved alias/);
    expect(() => assertDataConfigPath("rationale.config.mjs")).toThrow("rationale.config.mjs: the action reads configuration as data only; use a JSON or YAML file");
    expect(() => assertDataConfigPath(".rationalerc")).toThrow(/reads JSON \(\.json\) or YAML/);
  });
});

describe("release helpers", () => {
  it("recognises release-plz, release-please and changesets branches only", () => {
    expect(["release-plz-2026-03-18T10-00-00Z", "release-please--branches--main", "changeset-release/main"].map(isReleaseBranch)).toEqual([true, true, true]);
    expect(["release/1.2", "feature/release-plz", "main"].map(isReleaseBranch)).toEqual([false, false, false]);
  });

  it("appends the marked block once and replaces it later, keeping the rest", () => {
    const first = replaceReleaseBlock("Release notes\r\n\r\nby a bot", "widgets 1.2.0 -> 1.3.0");
    expect(first).toBe("Release notes\n\nby a bot\n\n<!-- rationale:release:start -->\nwidgets 1.2.0 -> 1.3.0\n<!-- rationale:release:end -->\n");
    const second = replaceReleaseBlock(first + "\nfooter", "widgets 1.2.0 -> 1.3.1");
    expect(second).toBe("Release notes\n\nby a bot\n\n<!-- rationale:release:start -->\nwidgets 1.2.0 -> 1.3.1\n<!-- rationale:release:end -->\n\nfooter");
    expect(replaceReleaseBlock(null, "x")).toBe("<!-- rationale:release:start -->\nx\n<!-- rationale:release:end -->\n");
    expect(messageBody("chore(release): widgets v1.3.0\n\nwidgets 1.2.0 -> 1.3.0\n")).toBe("widgets 1.2.0 -> 1.3.0");
  });
});

describe("findStickyComment", () => {
  const comment = (id: number, login: string, userType: string, marked = true) => ({ id, login, userType, body: `${marked ? REPORT_MARKER : ""}\nreport` });
  it("takes the workflow bot's marked comment, never one another bot or a person copied the marker into", async () => {
    const renovate = comment(1, "renovate[bot]", "Bot");
    const ours = comment(2, "github-actions[bot]", "Bot");
    const person = comment(3, "dana", "User");
    expect(await findStickyComment([renovate, ours, person], async () => null)).toEqual({ comment: ours, sure: true });
    // A token that knows who it is (a personal token, an App's bot through GraphQL): only its own comment.
    expect(await findStickyComment([renovate, person], async () => "ci-user")).toBeUndefined();
    expect((await findStickyComment([renovate, comment(4, "ci-user", "User")], async () => "ci-user"))?.comment.id).toBe(4);
    expect(await findStickyComment([renovate, person], async () => "my-app[bot]")).toBeUndefined();
    expect(await findStickyComment([renovate, comment(7, "my-app[bot]", "Bot")], async () => "my-app[bot]")).toEqual({ comment: comment(7, "my-app[bot]", "Bot"), sure: true });
    // A token that cannot tell its name at all: a bot's marked comment is taken, not surely its own.
    expect(await findStickyComment([person, comment(5, "my-app[bot]", "Bot")], async () => null)).toEqual({ comment: comment(5, "my-app[bot]", "Bot"), sure: false });
    expect(await findStickyComment([comment(6, "github-actions[bot]", "Bot", false)], async () => null)).toBeUndefined();
  });
});
