// Judges a pull request's messages with lint() and decides the action's verdict.
import { lint } from "../lint.js";
import { mergeFromParents } from "../message/parse.js";
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
  /** Authored by a bot account: reported, but left out of the verdict. */
  byBot?: boolean;
}

/** The outcome for the whole pull request. */
export interface Verdict {
  failed: boolean;
  /** One line: why it failed, or what passed. */
  reason: string;
  /** Lowest score among judged (not skipped) messages other than merges and bot-authored commits; null when there is none. */
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
 * The message a squash merge with "pull request title and description" would record: the title,
 * a blank line, then the description with CRLF line ends made LF.
 */
export function pullRequestMessage(title: string, body: string | null | undefined): string {
  const description = (body ?? "").replace(/\r\n?/g, "\n").trim();
  return description ? `${title.trim()}\n\n${description}\n` : `${title.trim()}\n`;
}

/**
 * Lints each commit (as stored, so `cleanup: false`) and, when given, the future squash message.
 * fixup!/squash! commits come back with `skipped` set by lint(), as in the commit-msg hook.
 */
export async function judgeMessages(
  commits: PullCommit[],
  squash: { number: number; message: string } | null,
  config: ResolvedConfig,
): Promise<JudgedMessage[]> {
  const judged: JudgedMessage[] = [];
  for (const commit of commits) {
    const result = await lint(commit.message, { config, cleanup: false, merge: mergeFromParents(commit.parents) });
    judged.push({ source: "commit", sha: commit.sha, summary: firstLine(commit.message), message: commit.message, result, ...(commit.byBot ? { byBot: true } : {}) });
  }
  if (squash) {
    const result = await lint(squash.message, { config, cleanup: false });
    judged.push({ source: "pull-request", number: squash.number, summary: firstLine(squash.message), message: squash.message, result });
  }
  return judged;
}

/**
 * Marks the commit messages as skipped with `reason`, keeping their findings for the `result`
 * output: used for a release PR whose commits the composed release message replaces.
 */
export function skipCommits(messages: JudgedMessage[], reason: string): JudgedMessage[] {
  return messages.map((message) =>
    message.source === "commit" && !message.result.skipped ? { ...message, result: { ...message.result, skipped: true, skipReason: reason } } : message,
  );
}

/** A short label for a judged message: `abc1234` for a commit, `PR #12` for the squash message. */
export function labelOf(message: JudgedMessage): string {
  return message.source === "commit" ? (message.sha ?? "").slice(0, 7) : `PR #${message.number} title + description`;
}

/**
 * The verdict: failed when any judged message has an error finding, or when the lowest score of
 * the judged messages is below `failUnder` (the weakest message decides, not an average: one
 * context-free commit stays in history however good the others are). Merges are left out of the
 * score, as lint() leaves them out of `pass`: GitHub's "Update branch" merge of the base into a
 * pull request must not fail it; a rule error on a merge still does. Commits authored by a bot
 * account (dependabot[bot], renovate[bot]) are reported but left out of the verdict altogether:
 * nobody on the pull request wrote them or can rewrite them.
 */
export function decideVerdict(messages: JudgedMessage[], failUnder: number): Verdict {
  const considered = messages.filter((message) => !message.result.skipped);
  const skipped = messages.length - considered.length;
  const judged = considered.filter((message) => !message.byBot);
  const byBots = considered.length - judged.length;
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
      `${withErrors.length} of ${judged.length} messages have error findings (first: ${labelOf(withErrors[0])} ${first?.ruleId}: ${first?.message})`,
    );
  }
  if (lowest && lowest.result.score < failUnder) {
    reasons.push(`lowest score ${lowest.result.score} (${labelOf(lowest)}) is below fail-under ${failUnder}`);
  }
  const failed = reasons.length > 0;
  const reason = failed
    ? reasons.join("; ")
    : judged.length === 0
      ? `no message to judge (${[`${skipped} skipped`, byBots > 0 ? `${byBots} by bots, not counted` : ""].filter(Boolean).join(", ")})`
      : score === null
        ? `all ${judged.length} judged messages pass (merges only, whose score does not count)`
        : `all ${judged.length} judged messages pass; lowest score ${score} (fail-under ${failUnder})`;
  return { failed, reason, score, failUnder, judged: judged.length, skipped, errors, warnings };
}
