// Renders the pull-request comment, the job summary and the annotations from judged messages.
import type { Finding } from "../types.js";
import { codeBlock, codeSpan, escapeForComment } from "../github-markdown.js";
import { blankOut, displayWidth } from "../text-width.js";
import { plural } from "../engine/helpers.js";
import { BOT_SKIP_REASON, labelOf, RELEASE_SKIP_REASON, RELEASE_UNCOMPOSED_SKIP_REASON, type JudgedMessage, type Verdict } from "./judge.js";
import type { AnnotationProperties } from "./workflow.js";

/**
 * The hidden marker of the one report comment versions before the comment key wrote on a pull
 * request, whichever workflow or job ran them. A keyed run with no comment of its own adopts it.
 */
export const LEGACY_REPORT_MARKER = "<!-- rationale:report -->";

/**
 * The hidden marker of the report comment for comment key `key` (see readInputs):
 * `<!-- rationale:report key=KEY -->`, each job's own. The key is percent-encoded past
 * letters, digits, spaces and `._~()/:+,=@-` (the second `-` of a `--` too), so no `<`, `>`
 * or `--` in a workflow's name can end the HTML comment early or open another. It never
 * starts with LEGACY_REPORT_MARKER, so an earlier version never takes a keyed comment for
 * its own.
 */
export function reportMarker(key: string): string {
  let encoded = "";
  for (const char of key) {
    const safe = /^[A-Za-z0-9 ._~()/:+,=@-]$/.test(char) && !(char === "-" && encoded.endsWith("-"));
    encoded += safe ? char : [...Buffer.from(char, "utf8")].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("");
  }
  return `<!-- rationale:report key=${encoded} -->`;
}

/** GitHub rejects comments over 65,536 characters; stay well below. */
export const COMMENT_LIMIT = 60_000;


/** The label of a message for a heading or table cell: short sha (code) plus escaped summary. */
function describe(message: JudgedMessage): string {
  const summary = escapeForComment(message.summary) || "_(empty message)_";
  return message.source === "commit"
    ? `${codeSpan(labelOf(message))} ${summary}`
    : `Pull request title + description: ${summary}`;
}

function status(message: JudgedMessage): string {
  if (message.result.skipped) return "⏭️";
  if (message.result.findings.some((finding) => finding.severity === "error")) return "❌";
  return message.result.findings.length > 0 ? "⚠️" : "✅";
}

/**
 * The message line a finding points at, with a caret under its span, like a compiler:
 *
 *     3 | Fixed it
 *       | ^^^^^
 */
export function excerpt(text: string, finding: Pick<Finding, "line" | "column" | "endLine" | "endColumn">): string {
  const lines = text.split(/\r?\n/);
  const source = lines[finding.line - 1] ?? "";
  const end = finding.endLine === finding.line ? finding.endColumn : source.length + 1;
  const start = Math.min(Math.max(0, finding.column - 1), source.length);
  // Columns count UTF-16 units; the caret line counts what the eye sees (an emoji is one
  // character, two cells wide), as the CLI's excerpts do.
  const width = Math.max(1, displayWidth(source.slice(start, Math.min(end, source.length + 1) - 1)));
  const gutter = String(finding.line);
  const pad = " ".repeat(gutter.length);
  return `${gutter} | ${source}\n${pad} | ${blankOut(source.slice(0, start))}${"^".repeat(width)}`;
}

/** Markdown for one finding: position, severity, rule, the fix, and the line it points at. */
export function renderFinding(message: JudgedMessage, finding: Finding): string {
  return (
    `**Line ${finding.line}, column ${finding.column}** · ${finding.severity === "error" ? "error" : "warning"} · ${codeSpan(finding.ruleId)}: ` +
    `${escapeForComment(finding.message)}\n\n${codeBlock(excerpt(message.message, finding))}\n`
  );
}

function headline(verdict: Verdict): string {
  if (verdict.failed) return `## ❌ rationale: commit messages need context`;
  if (verdict.judged === 0) return `## ⏭️ rationale: ${NOTHING_JUDGED}`;
  return `## ✅ rationale: commit messages carry their context`;
}

/** What the headline and the short note say when no message was judged (none, or all skipped). */
const NOTHING_JUDGED = "no commit message to judge";

/**
 * Why the skipped messages were skipped, in a few words each, in the order first met: fixup!
 * and squash! commits, a bot's commits, a release tool's commits squashed into the composed
 * release message, or the reason as given.
 */
function skippedKinds(messages: readonly JudgedMessage[]): string {
  const kinds = new Set<string>();
  for (const { result } of messages) {
    if (!result.skipped) continue;
    const reason = result.skipReason ?? "";
    if (result.kind === "fixup") kinds.add("fixup!/squash! commits");
    else if (reason.startsWith(BOT_SKIP_REASON)) kinds.add("a bot's commits");
    else if (reason === RELEASE_SKIP_REASON || reason === RELEASE_UNCOMPOSED_SKIP_REASON) kinds.add("release commits squashed into the release message");
    else kinds.add(reason || result.kind);
  }
  return [...kinds].join("; ");
}

function overview(verdict: Verdict, messages: readonly JudgedMessage[]): string {
  if (messages.length === 0) return "The pull request has no commits, and no title and description were judged: nothing to check.";
  if (verdict.judged === 0) {
    const all = messages.length === 1 ? "the 1 message was" : `all ${messages.length} messages were`;
    return `No message was judged: ${all} skipped (${escapeForComment(skippedKinds(messages))}).`;
  }
  const parts = [
    verdict.score !== null ? `Lowest score **${verdict.score}**/100 (fail-under ${verdict.failUnder}).` : "No score: merges only, which are not scored.",
    `${plural(verdict.judged, "message")} judged, ${plural(verdict.errors, "error")}, ${plural(verdict.warnings, "warning")}.`,
  ];
  if (verdict.skipped > 0) parts.push(`${plural(verdict.skipped, "message")} skipped (${escapeForComment(skippedKinds(messages))}).`);
  return parts.join(" ");
}

/** What a report kept within its limit: the table of messages, and the findings of how many messages. */
export interface ReportCoverage {
  table: boolean;
  /** Messages whose findings are shown. */
  shown: number;
  /** Messages with findings (not skipped). */
  withFindings: number;
}

/** Whether a report with `coverage` left something out to fit its limit. */
export function isCut(coverage: ReportCoverage): boolean {
  return !coverage.table || coverage.shown < coverage.withFindings;
}

/** What a job summary cut to fit (`cut`) still holds, after "cut to fit": "with the findings of 3 of 9 messages". */
function summaryHolds(cut: ReportCoverage): string {
  return `with ${cut.table ? "" : "no table of messages and "}the findings of ${cut.shown} of ${plural(cut.withFindings, "message")}`;
}

/** Where the step's log has every finding, for a report that cannot hold them all. */
const IN_THE_LOG = "each finding is also in this step's log, as an error or warning line";

/** The full report as renderReport renders it, and what of it fit within the limit. */
export function layoutReport(
  messages: JudgedMessage[],
  verdict: Verdict,
  options: Parameters<typeof renderReport>[2] = {},
): { text: string; coverage: ReportCoverage } {
  const limit = options.limit ?? COMMENT_LIMIT;
  // A comment points at the job summary for the rest, unless the summary was cut too: then
  // it says so and points at the step's log, which has every finding.
  const where =
    options.target === "summary"
      ? { name: "the job summary", rest: IN_THE_LOG }
      : options.summaryCut
        ? { name: "a comment", rest: `the job summary is cut to fit too, ${summaryHolds(options.summaryCut)}; ${IN_THE_LOG}` }
        : { name: "a comment", rest: "see the job summary" };
  const measure = options.measure ?? ((text: string) => text.length);
  const head = [
    ...(options.key !== undefined ? [reportMarker(options.key)] : []),
    headline(verdict),
    "",
    overview(verdict, messages),
    ...(verdict.failed ? ["", `**Why this fails:** ${escapeForComment(verdict.reason)}`] : []),
    "",
  ].join("\n");
  const rows = messages.length === 0 ? [] : ["| | Message | Score | Findings |", "| --- | --- | --: | --- |"];
  for (const message of messages) {
    const { result } = message;
    const errors = result.findings.filter((finding) => finding.severity === "error").length;
    const warnings = result.findings.length - errors;
    const found = result.skipped
      ? `skipped: ${escapeForComment(result.skipReason ?? result.kind)}`
      : result.findings.length === 0
        ? "none"
        : [errors ? plural(errors, "error") : "", warnings ? plural(warnings, "warning") : ""].filter(Boolean).join(", ");
    rows.push(`| ${status(message)} | ${describe(message)} | ${result.skipped ? "–" : result.score} | ${found} |`);
  }
  const sections = messages
    .filter((message) => !message.result.skipped && message.result.findings.length > 0)
    .map(
      (message) =>
        `### ${status(message)} ${describe(message)} (score ${message.result.score})\n\n` +
        message.result.findings.map((finding) => renderFinding(message, finding)).join("\n"),
    );
  // Two jobs' comments on one pull request read alike: the key says which job wrote this one,
  // or its label, which is no key to copy into comment-key, when the key holds the runner's name
  // for the step.
  const label = options.label ?? options.key;
  const source = options.key === undefined || label === undefined ? "" : label === options.key ? ` (comment key ${codeSpan(label)})` : ` (${codeSpan(label)})`;
  const advice = verdict.errors + verdict.warnings > 0 ? " Each finding says how to fix it; amend or reword the commit and push." : "";
  const footer = `\n<sub>Checked by rationale${source}.${advice}</sub>\n`;
  let body = rows.length > 0 ? head + "\n" + rows.join("\n") + "\n" : head;
  const footerSize = measure(footer);
  let table = true;
  if (measure(body) + footerSize > limit) {
    body = head + `\n_The table of messages is too long for ${where.name}; ${where.rest}._\n`;
    table = false;
  }
  let size = measure(body);
  let shown = 0;
  for (const section of sections) {
    const note = `\n_…and ${plural(sections.length - shown, "more message")} with findings: ${where.rest}._\n`;
    const sectionSize = measure(section) + 1;
    if (size + sectionSize + measure(note) + footerSize + 1 > limit) {
      body += note;
      break;
    }
    body += "\n" + section;
    size += sectionSize;
    shown++;
  }
  return { text: body + footer, coverage: { table, shown, withFindings: sections.length } };
}

/**
 * The full report: headline, overview, a table of every message, then each message with
 * findings and every finding. Sections past `limit` are left out with a note pointing at the
 * job summary (or, when the summary was cut too, `summaryCut`, saying so and pointing at the
 * step's log), or, for the job summary itself (`target: "summary"`), at the step's log, where
 * every finding is an annotation line. `measure` says how the limit counts: characters for a
 * comment (GitHub's 65,536), UTF-8 bytes for the job summary (1 MiB).
 */
export function renderReport(
  messages: JudgedMessage[],
  verdict: Verdict,
  options: {
    /** For a comment: its comment key, which gives the hidden marker and is named in the footer. */
    key?: string;
    /** How the footer names the key, when not as it is (see ActionInputs.commentLabel). */
    label?: string;
    limit?: number;
    measure?: (text: string) => number;
    target?: "comment" | "summary";
    /** For a comment: what the job summary kept, when it was cut to fit (see isCut). */
    summaryCut?: ReportCoverage;
  } = {},
): string {
  return layoutReport(messages, verdict, options).text;
}

/**
 * The short note the sticky comment of comment key `key` becomes when everything passes, naming
 * the key as `label` shows it. Its warnings are in the job summary, or, when that was cut to fit
 * (`summaryCut`), in the step's log.
 */
export function renderAllGood(verdict: Verdict, key: string, problem: string | null = null, summaryCut: ReportCoverage | null = null, label = key): string {
  const score = verdict.score === null ? "" : ` (lowest score ${verdict.score}/100)`;
  const see = summaryCut ? `see this step's log (the job summary is cut to fit, ${summaryHolds(summaryCut)})` : "see the job summary";
  const warnings = verdict.warnings > 0 ? ` ${plural(verdict.warnings, "warning")} ${verdict.warnings === 1 ? "remains" : "remain"}; ${see}.` : "";
  const pass = `${plural(verdict.judged, "message")} ${verdict.judged === 1 ? "passes" : "pass"}${score}`;
  // The messages pass but the step fails (a release message that could not be composed): the
  // comment must not read "all good" under a red check. The problem quotes package names and
  // paths ("@acme/widgets"), escaped as the report's reason is, so they ping and link nobody.
  const head = `${reportMarker(key)}\n`;
  const name = `**rationale** (${codeSpan(label)})`;
  const judged = verdict.judged > 0 ? pass : `${NOTHING_JUDGED}${verdict.skipped > 0 ? ` (${plural(verdict.skipped, "message")} skipped)` : ""}`;
  if (problem !== null) return `${head}❌ ${name}: ${judged}, but the step failed: ${escapeForComment(problem)}.${warnings}\n`;
  if (verdict.judged === 0) return `${head}⏭️ ${name}: ${judged}.\n`;
  return `${head}✅ ${name}: all good: ${pass}.${warnings}\n`;
}

/** How much of a problem's text the could-not-judge note quotes: the error line has it whole. */
const UNJUDGED_PROBLEM_MAX = 5_000;

/**
 * The note the sticky comment of comment key `key` (named as `label` shows it) becomes when the
 * step stops before judging (an invalid configuration): an earlier report or "all good" note must not stand under a red
 * check. `problem` may span lines (the error and where the file was read); they are joined into
 * one, escaped as the report's reason is, since it quotes the file's values.
 */
export function renderUnjudged(key: string, problem: string, label = key): string {
  const lines = problem.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const text = lines.reduce((joined, line) => (joined === "" ? line : `${joined}${joined.endsWith(":") ? " " : "; "}${line}`), "");
  const quoted = escapeForComment(clip(text, UNJUDGED_PROBLEM_MAX)).replace(/\.$/, "");
  return `${reportMarker(key)}\n❌ **rationale** (${codeSpan(label)}): the commit messages were not judged: ${quoted}.\n`;
}

/**
 * `text` cut to at most `max` characters, the last one an ellipsis when cut. It counts code
 * points, so an emoji at the cut is kept whole or left out, never halved into a lone surrogate
 * (which the runner would show as U+FFFD).
 */
export function clip(text: string, max: number): string {
  const points = Array.from(text);
  return points.length > max ? `${points.slice(0, max - 1).join("")}…` : text;
}

/** One workflow annotation per finding. Commit text is escaped by the command writer. */
export function annotationsFor(messages: JudgedMessage[]): { level: "error" | "warning"; message: string; properties: AnnotationProperties }[] {
  const out: { level: "error" | "warning"; message: string; properties: AnnotationProperties }[] = [];
  for (const message of messages) {
    if (message.result.skipped) continue;
    for (const finding of message.result.findings) {
      out.push({
        level: finding.severity === "error" ? "error" : "warning",
        message: `${finding.ruleId}: ${finding.message}\n${excerpt(message.message, finding)}`,
        properties: { title: `rationale: ${labelOf(message)} "${clip(message.summary, 60)}" line ${finding.line}:${finding.column}` },
      });
    }
  }
  return out;
}
