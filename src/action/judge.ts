// Judges a pull request's messages with lint() and decides the action's verdict.
import { lint } from "../lint.js";
import { plural } from "../engine/helpers.js";
import { sortFindings } from "../engine/run.js";
import { scoreMessage } from "../engine/score.js";
import { insideCodeSpan } from "../message/inline.js";
import { mergeFromParents, parseMessage } from "../message/parse.js";
import type { LintResult, ResolvedConfig } from "../types.js";
import type { PullCommit } from "./github.js";

/** One message the action judged: a commit, or the pull request's future squash message. */
export interface JudgedMessage {
  source: "commit" | "pull-request";
  /** Commit sha (source `commit`). */
  sha?: string;
  /** Pull request number (source `pull-request`). */
  number?: number;
  /** The message's first line. */
  summary: string;
  /** The text that was judged. */
  message: string;
  result: LintResult;
  /** Authored by a bot account (GitHub's account for the commit's author e-mail). */
  byBot?: boolean;
}

/** The outcome for the whole pull request. */
export interface Verdict {
  failed: boolean;
  /** One line: why it failed, or what passed. */
  reason: string;
  /** Lowest score among judged (not skipped) messages other than merges; null when there is none. */
  score: number | null;
  failUnder: number;
  judged: number;
  skipped: number;
  errors: number;
  warnings: number;
}

/** The first line of a message. */
export function firstLine(text: string): string {
  return text.replace(/^\s*\n/, "").split(/\r?\n/, 1)[0] ?? "";
}

/**
 * The description as its author wrote it: without HTML comments (`<!-- Explain why -->`, the
 * hints of a pull request template, hidden on GitHub), so an untouched template counts as no
 * description rather than lending its hint text to the why, what and ticket checks. Lines the
 * removal leaves blank collapse into one blank line. A comment shown as code, in a fenced block
 * or between backticks (`` `<!-- slot -->` ``), is text GitHub renders, and stays.
 */
function authoredDescription(body: string): string {
  const kept: string[] = [];
  let fence: string | null = null;
  let inComment = false;
  for (const line of body.replace(/\r\n?/g, "\n").split("\n")) {
    if (fence !== null) {
      kept.push(line);
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, "") === "") fence = null;
      continue;
    }
    let rest = line;
    if (inComment) {
      const close = rest.indexOf("-->");
      if (close < 0) continue;
      inComment = false;
      rest = rest.slice(close + 3).replace(/^[ \t]+/, "");
    } else {
      const opening = FENCE_OPENING.exec(rest);
      if (opening) {
        fence = opening[1];
        kept.push(rest);
        continue;
      }
    }
    const stripped = withoutComments(rest);
    inComment = stripped.open;
    kept.push(stripped.text);
  }
  return kept.join("\n").replace(/^[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").trim();
}

/** A fenced code block's opening line: up to three spaces, then three or more backticks or tildes. */
const FENCE_OPENING = /^ {0,3}(`{3,}|~{3,})/;

/**
 * `line` without its HTML comments outside code spans; `open` when a comment starts and does
 * not end on this line (it runs on to a later "-->").
 */
function withoutComments(line: string): { text: string; open: boolean } {
  let text = "";
  let at = 0;
  while (at < line.length) {
    const start = commentOutsideCode(line, at);
    if (start < 0) break;
    const end = line.indexOf("-->", start + 4);
    text += line.slice(at, start).replace(/[ \t]+$/, "");
    if (end < 0) return { text, open: true };
    at = end + 3;
    while (at < line.length && (line[at] === " " || line[at] === "\t")) at++;
  }
  return { text: text + line.slice(at), open: false };
}

/** Where the first "<!--" at or after `from` outside a code span is, or -1. */
function commentOutsideCode(line: string, from: number): number {
  for (let at = line.indexOf("<!--", from); at >= 0; at = line.indexOf("<!--", at + 4)) if (!insideCodeSpan(line, at)) return at;
  return -1;
}

/**
 * The message a squash merge with "pull request title and description" would record: the title
 * with the ` (#N)` GitHub appends to it (unless the title already ends so), a blank line, then
 * the description with CRLF line ends made LF and HTML comments left out (see
 * authoredDescription). The suffix counts: a 70-character title makes a 76-character summary.
 */
export function pullRequestMessage(title: string, body: string | null | undefined, number: number): string {
  const description = authoredDescription(body ?? "");
  const summary = title.trim() + squashSuffix(title, number);
  return description ? `${summary}\n\n${description}\n` : `${summary}\n`;
}

/** What GitHub appends to the title of a squash commit: ` (#N)`, unless the title already ends so. */
function squashSuffix(title: string, number: number): string {
  return title.trim().endsWith(`(#${number})`) ? "" : ` (#${number})`;
}

/** Rules that judge the summary's length: they read it as it will land, GitHub's suffix included. */
const LENGTH_RULES = new Set(["summary-max-length"]);

/**
 * Lints the squash message that will land (`message`, whose summary ends with ` (#number)`) for
 * its length, but its content without that suffix, whoever typed it: a pull request's own
 * number links to the pull request itself, which is no context for its own message ("Update
 * deps (#4)" would pass as linked).
 */
function lintSquash(message: string, number: number, config: ResolvedConfig): LintResult {
  const newline = message.indexOf("\n");
  const summaryEnd = newline === -1 ? message.length : newline;
  const own = new RegExp(`\\s*\\(#${number}\\)\\s*$`).exec(message.slice(0, summaryEnd));
  if (own === null) return lint(message, { config, cleanup: false });
  const content = message.slice(0, own.index) + message.slice(summaryEnd);
  const result = lint(content, { config, cleanup: false });
  const extra = lint(message, { config, cleanup: false }).findings.filter(
    (finding) => LENGTH_RULES.has(finding.ruleId) && !result.findings.some((mine) => mine.ruleId === finding.ruleId),
  );
  if (extra.length === 0) return result;
  const findings = sortFindings([...result.findings, ...extra]);
  const { score, parts } = scoreMessage(parseMessage(content, { cleanup: false }), findings, result.facets);
  const pass = !findings.some((finding) => finding.severity === "error") && score >= config.threshold;
  return { ...result, findings, score, parts, pass };
}

/**
 * Lints each commit (as stored, so `cleanup: false`) and, when given, the future squash message.
 * fixup!/squash! commits come back with `skipped` set by lint(), as in the commit-msg hook.
 */
export async function judgeMessages(
  commits: PullCommit[],
  squash: { number: number; message: string; landsWithNumber?: boolean } | null,
  config: ResolvedConfig,
): Promise<JudgedMessage[]> {
  const judged: JudgedMessage[] = [];
  for (const commit of commits) {
    const result = await lint(commit.message, { config, cleanup: false, merge: mergeFromParents(commit.parents) });
    judged.push({ source: "commit", sha: commit.sha, summary: firstLine(commit.message), message: commit.message, result, ...(commit.byBot ? { byBot: true } : {}) });
  }
  if (squash) {
    const result = squash.landsWithNumber ? lintSquash(squash.message, squash.number, config) : lint(squash.message, { config, cleanup: false });
    judged.push({ source: "pull-request", number: squash.number, summary: firstLine(squash.message), message: squash.message, result });
  }
  return judged;
}

/**
 * Marks the commit messages as skipped with `reason`, keeping their findings for the `result`
 * output: used for a release PR whose commits the composed release message replaces. A skipped
 * message passes, as a fixup! commit lint() skips does: it counts for nothing in the run, and a
 * reader of `result` checking every entry's `pass` must not see a failure in a passing run.
 */
export function skipCommits(messages: JudgedMessage[], reason: string, which: (message: JudgedMessage) => boolean = () => true): JudgedMessage[] {
  return messages.map((message) =>
    message.source === "commit" && !message.result.skipped && which(message) ? { ...message, result: { ...message.result, skipped: true, skipReason: reason, pass: true } } : message,
  );
}

/**
 * On a pull request a bot opened (dependabot, renovate), the commits its account authored are
 * reported as skipped: generated text nobody on the pull request can rewrite. Both conditions
 * are needed: GitHub takes a commit's account from its author e-mail, which anyone can set to a
 * bot's, but not who opened the pull request.
 */
export function skipBotCommits(messages: JudgedMessage[], openedBy: string): JudgedMessage[] {
  return skipCommits(messages, `${BOT_SKIP_REASON}: authored by a bot account on a pull request ${openedBy} opened`, (message) => message.byBot === true);
}

/** How a bot's commit's skip reason starts (the report groups skipped messages by it). */
export const BOT_SKIP_REASON = "generated by a bot";
/** The skip reason of a release tool's commits squashed into the composed release message. */
export const RELEASE_SKIP_REASON = "release PR: squashed into the composed release message";
/** The same commits when the release message could not be composed: the step fails for that instead. */
export const RELEASE_UNCOMPOSED_SKIP_REASON = "release PR: squashed into the release message, which could not be composed";

/** A short label for a judged message: `abc1234` for a commit, `PR #12` for the squash message. */
export function labelOf(message: JudgedMessage): string {
  return message.source === "commit" ? (message.sha ?? "").slice(0, 7) : `PR #${message.number} title + description`;
}

/**
 * The verdict: failed when any judged message has an error finding, or when the lowest score of
 * the judged messages is below `failUnder` (the weakest message decides, not an average: one
 * context-free commit stays in history however good the others are). Merges are left out of the
 * score, as lint() leaves them out of `pass`: GitHub's "Update branch" merge of the base into a
 * pull request must not fail it; a rule error on a merge still does. A bot's commits on its own
 * pull request come in skipped (see skipBotCommits).
 */
export function decideVerdict(messages: JudgedMessage[], failUnder: number): Verdict {
  const judged = messages.filter((message) => !message.result.skipped);
  const skipped = messages.length - judged.length;
  let errors = 0;
  let warnings = 0;
  for (const message of judged) {
    for (const finding of message.result.findings) {
      if (finding.severity === "error") errors++;
      else warnings++;
    }
  }
  const lowest = judged.reduce<JudgedMessage | null>(
    (low, message) => (message.result.kind !== "merge" && (low === null || message.result.score < low.result.score) ? message : low),
    null,
  );
  const score = lowest ? lowest.result.score : null;
  const withErrors = judged.filter((message) => message.result.findings.some((finding) => finding.severity === "error"));
  const reasons: string[] = [];
  if (withErrors.length > 0) {
    const first = withErrors[0].result.findings.find((finding) => finding.severity === "error");
    reasons.push(
      `${withErrors.length} of ${plural(judged.length, "message")} ${withErrors.length === 1 ? "has" : "have"} error findings (first: ${labelOf(withErrors[0])} ${first?.ruleId}: ${first?.message})`,
    );
  }
  if (lowest && lowest.result.score < failUnder) {
    reasons.push(`lowest score ${lowest.result.score} (${labelOf(lowest)}) is below fail-under ${failUnder}`);
  }
  const failed = reasons.length > 0;
  const reason = failed
    ? reasons.join("; ")
    : judged.length === 0
      ? `no message to judge${skipped > 0 ? ` (${plural(skipped, "message")} skipped)` : ""}`
      : judged.length === 1
        ? score === null
          ? "the 1 judged message passes (a merge, whose score does not count)"
          : `the 1 judged message passes with score ${score} (fail-under ${failUnder})`
        : score === null
          ? `all ${judged.length} judged messages pass (merges only, whose score does not count)`
          : `all ${judged.length} judged messages pass; lowest score ${score} (fail-under ${failUnder})`;
  return { failed, reason, score, failUnder, judged: judged.length, skipped, errors, warnings };
}
