// The action's flow for one pull request event: judge, report, comment, release; returns the exit code.
import { STATUS_CODES } from "node:http";
import { UsageError } from "../types.js";
import { detailsNotInMessage } from "../cli/errors.js";
import { plural } from "../engine/helpers.js";
import { publishStickyComment } from "./comment.js";
import { readBaseConfig } from "./config.js";
import { readEvent, type PullInfo } from "./event.js";
import { createClient, getPull, listPullCommits, readOnlyToken, refusedPermission, statusOf, type RepoRef } from "./github.js";
import { readInputs, type ActionInputs } from "./inputs.js";
import { decideVerdict, judgeMessages, pullRequestMessage, RELEASE_SKIP_REASON, RELEASE_UNCOMPOSED_SKIP_REASON, skipBotCommits, skipCommits, type JudgedMessage, type Verdict } from "./judge.js";
import { isReleaseBranch, mergeRelease, prepareRelease, type PreparedRelease } from "./release.js";
import { annotationsFor, clip, isCut, layoutReport, renderAllGood, renderReport, renderUnjudged } from "./report.js";
import { escapeForComment } from "../github-markdown.js";
import { defaultRetryPolicy, isRateLimited, longestWait, rateLimitReset, retryPolicyFromEnv, type RetryPolicy } from "./retry.js";
import { annotate, appendSummary, log, setOutput, type WorkflowIO } from "./workflow.js";

/** The job summary may hold 1 MiB (of UTF-8); leave room for what other steps write. */
const SUMMARY_LIMIT = 900_000;
/** An output may hold 1 MB; beyond this many bytes `result` leaves out detail in stages (see resultJson). */
const RESULT_LIMIT = 900_000;

/**
 * The `result` output, at most `limit` bytes (GitHub takes 1 MB per output): a JSON array with
 * one entry per judged message, in the first of these that fits:
 * 1. every entry whole: findings, facets and parts included;
 * 2. each entry keeps its verdict and counts its findings (`findingCount`, `detailsOmitted: true`),
 *    its summary clipped to 200 characters;
 * 3. as 2 without the summary and skip reason (`summaryOmitted: true`): sha or number, kind,
 *    skipped, score and pass;
 * 4. no array but one object, the run's verdict (`messagesOmitted: true`), with a note saying
 *    what was left out. It is a few hundred bytes, so it fits whatever the commit count.
 * The job summary and the step's log have every finding.
 */
export function resultJson(messages: JudgedMessage[], verdict: Verdict, limit = RESULT_LIMIT): string {
  const identity = (message: JudgedMessage) => ({
    source: message.source,
    ...(message.sha ? { sha: message.sha } : {}),
    ...(message.number !== undefined ? { number: message.number } : {}),
  });
  const stages = [
    () => fullResultJson(messages),
    () =>
      JSON.stringify(
        messages.map((message) => ({
          ...identity(message),
          summary: clip(message.summary, 200),
          kind: message.result.kind,
          skipped: message.result.skipped,
          ...(message.result.skipReason ? { skipReason: message.result.skipReason } : {}),
          score: message.result.score,
          pass: message.result.pass,
          findingCount: message.result.findings.length,
          detailsOmitted: true,
        })),
      ),
    () =>
      JSON.stringify(
        messages.map((message) => ({
          ...identity(message),
          kind: message.result.kind,
          skipped: message.result.skipped,
          score: message.result.score,
          pass: message.result.pass,
          findingCount: message.result.findings.length,
          detailsOmitted: true,
          summaryOmitted: true,
        })),
      ),
  ];
  for (const stage of stages) {
    const json = stage();
    if (Buffer.byteLength(json) <= limit) return json;
  }
  return JSON.stringify({
    messagesOmitted: true,
    note: `${plural(messages.length, "message")} are too many to list in ${limit} bytes; the job summary and the step's log have each finding`,
    messages: messages.length,
    judged: verdict.judged,
    skipped: verdict.skipped,
    errors: verdict.errors,
    warnings: verdict.warnings,
    score: verdict.score,
    failUnder: verdict.failUnder,
    pass: !verdict.failed,
    // The reason quotes the first error's message: short, but clipped so the object stays small.
    reason: clip(verdict.reason, 1000),
  });
}

function fullResultJson(messages: JudgedMessage[]): string {
  return JSON.stringify(
    messages.map((message) => ({
      source: message.source,
      ...(message.sha ? { sha: message.sha } : {}),
      ...(message.number !== undefined ? { number: message.number } : {}),
      summary: message.summary,
      kind: message.result.kind,
      skipped: message.result.skipped,
      ...(message.result.skipReason ? { skipReason: message.result.skipReason } : {}),
      score: message.result.score,
      pass: message.result.pass,
      findings: message.result.findings,
      facets: message.result.facets,
      parts: message.result.parts,
    })),
  );
}

/**
 * One line for a failed run: GitHub's answer, the request it answered (a bare "Resource not
 * accessible by integration" does not say which of a dozen calls needs what), and for a refusal
 * the permission that request needs, since a workflow's `permissions:` is where it is fixed, or,
 * when the github-token input was empty (`tokenEmpty`), that no token was sent.
 */
export function describeError(error: unknown, policy: RetryPolicy = defaultRetryPolicy, now = Date.now(), tokenEmpty = false): string {
  const status = statusOf(error);
  const text = error instanceof Error ? error.message : String(error);
  const first = text.split("\n")[0];
  if (status === undefined) return first;
  const failure = error as { request?: { method?: string; url?: string }; response?: { headers?: Record<string, string | number | undefined> } };
  const method = failure.request?.method ?? "";
  let path = "";
  try {
    path = failure.request?.url ? new URL(failure.request.url).pathname : "";
  } catch {
    // Not a URL: leave the request out.
  }
  const request = method && path ? ` (${method} ${path})` : "";
  // Octokit gives a request that got no answer at all (connection refused, DNS, TLS) status 500
  // without a response: saying GitHub answered 500 would send the reader to GitHub's status page.
  if (!failure.response) return `cannot reach the GitHub API: ${first}${request}`;
  let hint = "";
  const headers = failure.response.headers ?? {};
  const reset = rateLimitReset({ status, headers, message: first }, now);
  if (reset !== undefined) hint = `; ${describeReset(reset, policy, now)}`;
  // Asked without a token, GitHub refuses a write (401) and hides a private repository (404):
  // no permission granted in the workflow reaches a token that is not there.
  else if (tokenEmpty && (status === 401 || status === 403 || status === 404)) hint = "; the github-token input is empty (GitHub gives no secrets to a fork's or Dependabot's pull request), so the request went without a token";
  else if (status === 401) hint = "; the github-token input is empty, expired or not a token";
  else if ((status === 403 && !isRateLimited({ status, headers, message: first })) || status === 404) {
    const permission = permissionFor(method, path);
    if (permission) hint = `; grant the token "${permission}" in the workflow's permissions${status === 404 ? " (GitHub answers 404 where a token may not read a private repository)" : ""}`;
  }
  return `GitHub API answered ${status}${answerText(status, first)}${request}${hint}`;
}

/**
 * What GitHub said, after its status: its JSON message, or, for an answer without one (an HTML
 * error page a proxy serves on a 502, whose first line is "<!DOCTYPE html>", or an empty body),
 * the status's name and what came instead.
 */
function answerText(status: number, first: string): string {
  const name = STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : "";
  if (first.trim() === "") return `${name} with no message`;
  if (first.trimStart().startsWith("<")) return `${name} with an HTML page, not the API's JSON`;
  return `: ${first}`;
}

/**
 * When a rate limit lifts (`reset`, epoch milliseconds), and, when that is later than `policy`'s
 * retries wait in all, that the job must be re-run after it: the action does not sit out an hour.
 */
function describeReset(reset: number, policy: RetryPolicy, now: number): string {
  const at = new Date(reset).toISOString().replace(/\.\d{3}Z$/, "Z");
  const seconds = Math.max(0, Math.ceil((reset - now) / 1000));
  const when = `the rate limit resets at ${at}, in ${seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`}`;
  if (reset - now <= longestWait(policy)) return when;
  const cap = policy.maxDelayMs < 1000 ? `${policy.maxDelayMs} ms` : `${policy.maxDelayMs / 1000} s`;
  const waits = policy.retries === 0 ? "no retries" : `${policy.retries} ${policy.retries === 1 ? "retry" : "retries"} of at most ${cap}`;
  return `${when}, later than the action waits (${waits}): re-run the job after that`;
}

/** The workflow permission a REST call of the action needs, or undefined for one it does not know. */
function permissionFor(method: string, path: string): string | undefined {
  const route = path.replace(/^.*?\/repos\/[^/]+\/[^/]+/, "");
  if (path === route) return undefined;
  if (/^\/pulls\/\d+\/merge$/.test(route)) return "contents: write";
  if (/^\/(compare|contents|git\/trees)\//.test(route)) return "contents: read";
  if (/^\/(pulls\/\d+|issues\/\d+\/comments|issues\/comments\/\d+)/.test(route)) return method === "GET" ? "pull-requests: read" : "pull-requests: write";
  return undefined;
}

/** The comment key fields of the inputs: which comment is this step's, and how it is named. */
type CommentKeys = Pick<ActionInputs, "commentKey" | "previousCommentKey" | "commentLabel">;

/**
 * Replaces the content of this job's existing report comment (comment key `keys.commentKey`) with the note
 * that the messages were not judged and why (`error`); creates none, since the error line says
 * it. Never throws: a refused or failed edit is logged, and the step fails for `error` anyway.
 */
async function reportUnjudged(io: WorkflowIO, octokit: ReturnType<typeof createClient>, ref: RepoRef, pull: PullInfo, keys: CommentKeys, error: UsageError): Promise<void> {
  const key = keys.commentKey;
  const note = renderUnjudged(key, [error.message, ...detailsNotInMessage(error)].join("\n"), keys.commentLabel);
  try {
    const outcome = await publishStickyComment(octokit, ref, pull.number, {
      mode: "on-failure",
      key,
      previousKey: keys.previousCommentKey,
      failed: true,
      report: note,
      allGood: note,
      onlyExisting: true,
      // A run that ends after a newer push's run must not overwrite that run's report.
      isCurrent: async () => {
        try {
          return (await getPull(octokit, ref, pull.number)).headSha === pull.headSha;
        } catch {
          return true;
        }
      },
    });
    if (outcome.action !== "none") log(io, `rationale: report comment for key ${JSON.stringify(key)} ${outcome.action} (id ${outcome.id}): the messages were not judged`);
  } catch (commentError) {
    log(io, `rationale: could not say in the report comment that the messages were not judged: ${describeError(commentError)}`);
  }
}

/**
 * The outputs action.yml declares, as a run that judged nothing sets them: `score` empty, as for
 * a run whose messages were all skipped, and `result` an empty array, which a later step's
 * fromJSON() reads (an unset output is "", which it cannot).
 */
export const NOTHING_JUDGED_OUTPUTS = { score: "", result: "[]" } as const;

/**
 * Runs the action against the environment in `io` and returns the process exit code:
 * 0 pass, 1 findings fail the check or the API failed, 2 bad inputs or configuration.
 * Every output is set whatever happens: to what was judged, or else to NOTHING_JUDGED_OUTPUTS
 * (an event other than a pull request, or a step stopped before judging); an output file that
 * cannot be written fails the run (1) with an error line.
 */
export async function runAction(io: WorkflowIO): Promise<number> {
  let judged = false;
  const code = await judgeAndReport(io, () => (judged = true));
  if (judged) return code;
  try {
    for (const [name, value] of Object.entries(NOTHING_JUDGED_OUTPUTS)) setOutput(io, name, value);
  } catch (error) {
    // An output file that cannot be written fails the step as it does for the judged outputs:
    // with an error line, not a stack trace, and never passing with the outputs unset.
    annotate(io, "error", `rationale: cannot set the step's outputs: ${describeError(error)}`);
    return code === 0 ? 1 : code;
  }
  return code;
}

/**
 * runAction's work; calls `onOutputs` as it starts to set the outputs to what it judged, so that
 * runAction does not write over them, nor try a second time to write a file that just failed.
 */
async function judgeAndReport(io: WorkflowIO, onOutputs: () => void): Promise<number> {
  const { env } = io;
  const policy = retryPolicyFromEnv(env);
  let tokenEmpty = false;
  try {
    const inputs = readInputs(env);
    tokenEmpty = inputs.token === "";
    const event = readEvent(env);
    if (!event.pull) {
      annotate(io, "notice", `rationale: event "${event.name}" is not a pull request; nothing to judge`);
      return 0;
    }
    const pull = event.pull;
    const octokit = createClient({
      token: inputs.token,
      baseUrl: env.GITHUB_API_URL || "https://api.github.com",
      policy,
      onRetry: (message) => log(io, `rationale: ${message}`),
    });

    let config: Awaited<ReturnType<typeof readBaseConfig>>;
    try {
      // A JavaScript config input is refused by its name, before the file is read.
      config = await readBaseConfig(octokit, event.repo, pull.baseSha, inputs.configPath);
    } catch (error) {
      // The step exits 2 without judging: an earlier report (even "all good") must not stand
      // under the red check, so this job's comment, where there is one, says why instead. So
      // for a JavaScript config input: it is a configuration no message was judged by, as an
      // invalid file is, and the other inputs, comment and comment-key among them, are sound.
      if (error instanceof UsageError && inputs.comment !== "never") await reportUnjudged(io, octokit, event.repo, pull, inputs, error);
      throw error;
    }
    const failUnder = inputs.failUnder ?? config.threshold;
    const commits = await listPullCommits(octokit, event.repo, {
      number: pull.number,
      baseSha: pull.baseSha,
      headSha: pull.headSha,
      commitCount: pull.commitCount,
    });
    log(io, `rationale: judging ${plural(commits.length, "commit")} of #${pull.number}`);

    let release: PreparedRelease | null = null;
    let releaseProblem: string | null = null;
    if (inputs.release !== "off" && isReleaseBranch(pull.headRef) && pull.fromFork) {
      // Anyone can name a fork's branch like a release tool's, and under pull_request_target the
      // token may write: an outsider's pull request must never be merged or described as a release.
      const from = pull.headRepo ? ` (${pull.headRepo})` : "";
      annotate(io, "notice", `rationale: #${pull.number} comes from a fork${from}; its branch ${pull.headRef} is named like a release tool's, but only the repository's own release branches get a release message`);
    } else if (inputs.release !== "off" && isReleaseBranch(pull.headRef)) {
      try {
        release = await prepareRelease(octokit, event.repo, pull, inputs.release, config, io, tokenEmpty);
      } catch (error) {
        // A release PR whose changelog lacks the version still gets its messages judged and reported.
        if (!(error instanceof UsageError)) throw error;
        releaseProblem = `release message not composed: ${[error.message, ...detailsNotInMessage(error)].join("; ")}`;
        annotate(io, "error", `rationale: ${releaseProblem}`);
      }
    }

    // The future squash message: the PR title + description (with the release block when
    // describe mode wrote one), or the composed release message the action will merge with.
    const mergeMessage = release?.mode === "merge" ? release.message : null;
    const squash = mergeMessage
      ? { number: pull.number, message: mergeMessage }
      : inputs.checkPrMessage
        ? { number: pull.number, message: pullRequestMessage(pull.title, release?.body ?? pull.body, pull.number), landsWithNumber: true }
        : null;
    // Each message's `pass` (the result output) follows the bar the run applies: fail-under
    // overrides the configuration's threshold, so a message can no more pass while failing the run.
    const judgeConfig = failUnder === config.threshold ? config : { ...config, threshold: failUnder };
    let messages = await judgeMessages(commits, squash, judgeConfig);
    if (release?.message) {
      // The release tool's own commits ("chore: release 1.3.0") are squashed into the composed
      // message: judge that message, report the commits as skipped.
      messages = skipCommits(messages, RELEASE_SKIP_REASON);
    } else if (releaseProblem) {
      // Their "chore: release 1.3.0" would only restate the problem as release-empty-body and
      // lead the report with it: the missing changelog section is what fails the step.
      messages = skipCommits(messages, RELEASE_UNCOMPOSED_SKIP_REASON);
    }
    if (pull.openedByBot) messages = skipBotCommits(messages, pull.openedByBot);
    const verdict = decideVerdict(messages, failUnder);

    onOutputs();
    setOutput(io, "score", verdict.score === null ? "" : String(verdict.score));
    setOutput(io, "result", resultJson(messages, verdict));
    const summary = layoutReport(messages, verdict, { limit: SUMMARY_LIMIT, measure: (text) => Buffer.byteLength(text), target: "summary" });
    appendSummary(io, summary.text);
    // The comment sends the reader to the summary for what it leaves out, unless that is cut too.
    const summaryCut = isCut(summary.coverage) ? summary.coverage : undefined;
    // The messages may all pass while the step fails for the release: the summary and the
    // comment's report say so after the report.
    const releaseNote = releaseProblem ? `\n**The step fails:** ${escapeForComment(releaseProblem)}.\n` : "";
    if (releaseNote) appendSummary(io, releaseNote);
    for (const annotation of annotationsFor(messages)) annotate(io, annotation.level, annotation.message, annotation.properties);

    try {
      const outcome = await publishStickyComment(octokit, event.repo, pull.number, {
        mode: inputs.comment,
        key: inputs.commentKey,
        previousKey: inputs.previousCommentKey,
        // A release message that could not be composed fails the step: on-failure posts then too.
        failed: verdict.failed || releaseProblem !== null,
        // With every message passing, the one line that says the step failed anyway; the job
        // summary has the full report.
        report:
          releaseProblem && !verdict.failed
            ? renderAllGood(verdict, inputs.commentKey, releaseProblem, summaryCut, inputs.commentLabel)
            : renderReport(messages, verdict, { key: inputs.commentKey, label: inputs.commentLabel, summaryCut }) + releaseNote,
        allGood: renderAllGood(verdict, inputs.commentKey, releaseProblem, summaryCut, inputs.commentLabel),
        // Current: the same head and, when the title and description were judged, the same text
        // (two quick edits run twice on one head). A failed read must not fail a passing pull
        // request: then this run counts as current.
        isCurrent: async () => {
          try {
            const live = await getPull(octokit, event.repo, pull.number);
            if (live.headSha !== pull.headSha) return false;
            return squash === null || mergeMessage !== null || pullRequestMessage(live.title, live.body, pull.number) === squash.message;
          } catch {
            return true;
          }
        },
      });
      const which = `report comment for key ${JSON.stringify(inputs.commentKey)}`;
      if (outcome.action === "superseded") log(io, `rationale: ${which} left as it is (id ${outcome.id}): the pull request changed (its head or its title and description) while this run judged ${pull.headSha.slice(0, 7)}`);
      else if (outcome.action === "adopted" && outcome.adoptedKey !== undefined) {
        log(io, `rationale: ${which} adopted (id ${outcome.id}): the comment an earlier version of the action kept under key ${JSON.stringify(outcome.adoptedKey)} for every step of this job now carries this step's report`);
      } else if (outcome.action === "adopted") log(io, `rationale: ${which} adopted (id ${outcome.id}): the comment an earlier version of the action kept for every job now carries this job's report`);
      else if (outcome.action !== "none") log(io, `rationale: ${which} ${outcome.action} (id ${outcome.id})`);
    } catch (error) {
      // A rate limit that outlasted the retries is no permission problem: saying "read-only
      // token" would hide that the comment may now be stale. It fails the run instead.
      // An empty token (a secret, which a fork's or Dependabot's pull request does not get)
      // reads a public repository but cannot write: as for a read-only token, no failure.
      const noToken = inputs.token === "" && statusOf(error) === 401;
      if (!refusedPermission(error) && !noToken) throw error;
      // The summary and annotations carry the report.
      const { token, fix } = noToken
        ? { token: "no token: the github-token input is empty; GitHub gives no secrets to a fork's or Dependabot's pull request", fix: "" }
        : readOnlyToken(pull.fromFork, "for the comment");
      annotate(io, "notice", `rationale: cannot comment on #${pull.number} (${token}); the report is in the job summary and annotations${fix}`);
    }

    if (mergeMessage) await mergeRelease(octokit, event.repo, pull, mergeMessage, verdict.failed, io, policy.baseDelayMs, tokenEmpty);

    if (verdict.failed) {
      annotate(io, "error", `rationale: ${verdict.reason}`);
      return 1;
    }
    if (releaseProblem) return 1;
    log(io, `rationale: ${verdict.reason}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      annotate(io, "error", `rationale: ${[error.message, ...detailsNotInMessage(error)].join("\n")}`);
      return 2;
    }
    annotate(io, "error", `rationale: ${describeError(error, policy, Date.now(), tokenEmpty)}`);
    return 1;
  }
}
