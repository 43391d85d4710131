// Formats lint results for people (compiler-style text with carets) and for machines (JSON).
import { createColors } from "picocolors";
import type { Finding, LintResult } from "../types.js";
import { blankOut, charCells, displayWidth } from "../text-width.js";

/** One linted message as the reports see it. */
export interface ReportEntry {
  /** Where the message came from: a file path, `stdin`, or a revision. */
  source: string;
  /**
   * For a stored commit (`--commit`, `--commits`): its full hash, named `sha` as in `rationale
   * audit --format json`'s `commits[]`, so that a script reading both needs no special case.
   */
  sha?: string;
  result: LintResult;
  /** The text as given, so findings can show the user's own line. */
  raw: string;
  /** True when the cleaned message is empty; reported as a failure without findings. */
  empty?: boolean;
  /** The pass mark the score was held to; the text report names it when the score alone fails. */
  threshold?: number;
}

type Colors = ReturnType<typeof createColors>;

/**
 * Whether to colour output on `stream`: only on a terminal, never when `NO_COLOR` is set
 * (non-empty, per no-color.org) or the terminal is dumb.
 */
export function shouldColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && env.TERM !== "dumb";
}

/** The JSON report: `{ "results": [ { "source", "sha" (a commit's), ...LintResult } ] }`. */
export function formatJson(entries: ReportEntry[]): string {
  if (entries.length === 0) return JSON_EMPTY;
  return JSON_OPEN + entries.map(formatJsonResult).join(JSON_SEPARATOR) + JSON_CLOSE;
}

/**
 * The JSON report in pieces, for a caller that streams it: `JSON_OPEN`, then each entry's
 * `formatJsonResult` (with `JSON_SEPARATOR` between them), then `JSON_CLOSE`; `JSON_EMPTY` when
 * there are none. The pieces make the same text as `JSON.stringify` with an indent of 2.
 */
export const JSON_OPEN = '{\n  "results": [\n';
export const JSON_SEPARATOR = ",\n";
export const JSON_CLOSE = "\n  ]\n}\n";
export const JSON_EMPTY = '{\n  "results": []\n}\n';

/** One entry of the JSON report's `results`, indented as it sits in the array. */
export function formatJsonResult(entry: ReportEntry): string {
  return JSON.stringify({ source: entry.source, ...(entry.sha === undefined ? {} : { sha: entry.sha }), ...entry.result }, null, 2).replace(/^/gm, "    ");
}

/**
 * The closing line of a report on several messages: "3 commits checked: all pass", "3 files
 * checked: 2 pass, 1 skipped" or "3 commits checked: 2 fail (abc123, def456), 1 skipped". A
 * skipped message (fixup!) does not fail the run, but it was not judged either, so it is not
 * called a pass. `listed` names the first failures; more are shown as "…".
 */
export function verdictLine(noun: "commit" | "file", checked: number, failures: number, skipped: number, listed: readonly string[]): string {
  const counted = `${checked} ${noun}${checked === 1 ? "" : "s"} checked`;
  if (skipped === checked) return `${counted}: ${checked === 1 ? "it is skipped" : "all skipped"}`;
  const rest = skipped > 0 ? `, ${skipped} skipped` : "";
  if (failures === 0) return skipped > 0 ? `${counted}: ${checked - skipped} pass${checked - skipped === 1 ? "es" : ""}${rest}` : `${counted}: ${checked === 1 ? "it passes" : "all pass"}`;
  return `${counted}: ${failures} fail${failures === 1 ? "s" : ""} (${listed.join(", ")}${failures > listed.length ? ", …" : ""})${rest}`;
}

/** The text report: a header per message, then each finding with its line and a caret under the span. */
export function formatText(entries: ReportEntry[], color: boolean): string {
  const c = createColors(color);
  return entries.map((entry) => formatEntry(entry, c)).join("\n");
}

function formatEntry({ source, result, raw, empty, threshold }: ReportEntry, c: Colors): string {
  const verdict = result.pass ? c.green(c.bold("PASS")) : c.red(c.bold("FAIL")) + failReason(result, threshold);
  if (empty) {
    // No score to show; the finding still names the rule, as the rule's docs show it.
    const header = `${c.bold(source)}  empty commit message: there is nothing to check (git aborts an empty commit)  ${c.red(c.bold("FAIL"))}\n`;
    return header + result.findings.map((finding) => `${finding.line}:${finding.column}  ${finding.severity === "error" ? c.red(finding.severity) : c.yellow(finding.severity)}  ${finding.message}  ${c.dim(finding.ruleId)}\n`).join("");
  }
  if (result.skipped) {
    return `${c.bold(source)}  skipped: ${result.skipReason ?? `${result.kind} commit`}\n`;
  }
  const { summary, why, what, context } = result.parts;
  const parts = [
    `summary ${summary.score}/${summary.max}`,
    `why ${why.score}/${why.max}`,
    `what ${what.score}/${what.max}`,
    `context ${context.score}/${context.max}`,
  ].join(" · ");
  let out = `${c.bold(source)}  score ${result.score}/100 (${parts})  ${verdict}\n`;
  // A full "why 35/35" for a message nobody read would claim more than the tool knows.
  if (result.facets.judged === false) out += c.dim(`note: why and what were not judged: the cues read English and this text is in another language or script; the score counts its shape (a body after the summary)\n`);
  // A message can fall under the pass mark with no finding (a release or revert kind whose
  // content rules do not apply): name the parts that fell short, or the FAIL has no reason.
  if (result.findings.length === 0) return result.pass ? out : out + c.dim(`note: no rule reported a problem; the score falls short on ${shortParts(result).join(", ")}\n`);

  const lines = raw.split("\n");
  // A pasted log can hold thousands of long lines: list the first few findings of each rule.
  const shownPerRule = new Map<string, number>();
  const shown = result.findings.filter((finding) => {
    const count = (shownPerRule.get(finding.ruleId) ?? 0) + 1;
    shownPerRule.set(finding.ruleId, count);
    return count <= MAX_PER_RULE;
  });
  const positions = shown.map((finding) => `${finding.line}:${finding.column}`);
  const positionWidth = Math.max(...positions.map((position) => position.length));
  const severityWidth = Math.max(...shown.map((finding) => finding.severity.length));
  shown.forEach((finding, index) => {
    const severity = finding.severity.padEnd(severityWidth);
    out +=
      `${positions[index].padEnd(positionWidth)}  ${finding.severity === "error" ? c.red(severity) : c.yellow(severity)}` +
      `  ${clip(finding.message, MAX_MESSAGE)}  ${c.dim(finding.ruleId)}\n`;
    out += formatSnippet(lines, finding, c);
  });
  for (const [ruleId, count] of shownPerRule) {
    if (count > MAX_PER_RULE) out += c.dim(`… ${count - MAX_PER_RULE} more ${ruleId} findings (--format json lists them all)\n`);
  }
  return out;
}

/**
 * Why a message fails: the rules whose errors fail it (an error fails it whatever the score, and
 * "score 90/100 … FAIL" alone reads like a contradiction), else its score under the pass mark.
 * Empty only when no pass mark is given.
 */
function failReason(result: LintResult, threshold: number | undefined): string {
  const errors = [...new Set(result.findings.filter((finding) => finding.severity === "error").map((finding) => finding.ruleId))];
  if (errors.length > 0) return ` (${errors.length === 1 ? "error" : "errors"}: ${errors.join(", ")})`;
  return threshold === undefined ? "" : ` (score ${result.score} is below ${threshold})`;
}

/** The parts that did not earn their full points, as "why 0/35", in the score line's order. */
export function shortParts(result: LintResult): string[] {
  return (["summary", "why", "what", "context"] as const)
    .filter((name) => result.parts[name].score < result.parts[name].max)
    .map((name) => `${name} ${result.parts[name].score}/${result.parts[name].max}`);
}

/** Findings of one rule listed in the text report; the rest are counted. */
const MAX_PER_RULE = 10;

/** Longest finding message printed; messages quoting a huge summary are cut (JSON keeps them whole). */
const MAX_MESSAGE = 400;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, charStart(text, max - 1))}…` : text;
}

/**
 * `index`, or the index before it when `index` falls inside a surrogate pair (an emoji, a rare
 * CJK character), so that a cut there keeps the character whole instead of printing half of it.
 */
function charStart(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  const before = text.charCodeAt(index - 1);
  return unit >= 0xdc00 && unit <= 0xdfff && before >= 0xd800 && before <= 0xdbff ? index - 1 : index;
}

/** Widest slice of a line shown around a finding, in terminal cells; longer lines are cut with an ellipsis. */
const MAX_SHOWN = 120;
/** Cells of the line shown before the finding's span when the line is cut. */
const LEAD = 20;
/**
 * UTF-16 units measured on each side of the span to place the window: a window of MAX_SHOWN
 * cells spans at most that many characters of two units, with room for zero-width marks.
 */
const REACH = 4 * MAX_SHOWN;

/** Each character of a line: where it starts and the cells it takes there (charCells). */
type Chars = ReturnType<typeof charCells>;

/** The position in `chars` of the character starting at `index` (`chars.length` at the end). */
function charAt(chars: Chars, index: number): number {
  const position = chars.findIndex((char) => char.index >= index);
  return position < 0 ? chars.length : position;
}

/**
 * The index where a window of a line ending at `end` starts: whole characters back from `end`
 * while they fit in `cells` terminal cells (a wide character that would not fit stays out, and
 * so do the marks or joined emoji parts that take no cells of their own after it).
 */
function backByCells(chars: Chars, length: number, end: number, cells: number): number {
  let position = charAt(chars, end);
  let used = 0;
  while (position > 0 && used + chars[position - 1].width <= cells) used += chars[--position].width;
  while (position < chars.length && chars[position].index < end && chars[position].width === 0) position++;
  return position < chars.length ? chars[position].index : length;
}

/** The index where a window of a line starting at `start` ends: whole characters while they fit in `cells` cells. */
function forwardByCells(chars: Chars, length: number, start: number, cells: number): number {
  let position = charAt(chars, start);
  let used = 0;
  while (position < chars.length && used + chars[position].width <= cells) used += chars[position++].width;
  return position < chars.length ? chars[position].index : length;
}

/** The finding's line, indented, with `^~~~` under its span (tabs kept so the caret lines up). */
export function formatSnippet(lines: string[], finding: Finding, c: Colors): string {
  // The line just past the end (a file without a final newline, such as git's MERGE_MSG) is empty.
  const original = lines[finding.line - 1] ?? (finding.line === lines.length + 1 ? "" : undefined);
  if (original === undefined) return "";
  const text = original.endsWith("\r") ? original.slice(0, -1) : original;
  let start = Math.max(0, Math.min(finding.column - 1, text.length));
  let end = finding.endLine > finding.line ? text.length : Math.min(Math.max(finding.endColumn - 1, start), text.length);
  if (end === start) end = start + 1; // zero-width or end-of-line spans still get one caret

  let shown = text;
  let offset = 0;
  let prefix = "";
  let suffix = "";
  // A window of MAX_SHOWN terminal cells (60 CJK characters, 120 ASCII ones), so a cut line fits
  // a terminal whatever its script. Only a line of more than 60 units can be wider.
  if (text.length > MAX_SHOWN || (text.length > MAX_SHOWN / 2 && displayWidth(text) > MAX_SHOWN)) {
    // Both cuts fall between characters (half an emoji would print as "�"): the window starts
    // LEAD cells before the span, or earlier to fill it when the line ends sooner.
    // Widths of the characters where they stand: "⚠" before VS16 is an emoji two cells wide.
    // Only a stretch around the span is measured, wide enough for any window: a one-line 5 MB
    // message must not cost a record for each of its characters.
    const from = charStart(text, Math.max(0, start - REACH));
    const to = charStart(text, Math.min(text.length, start + REACH));
    const chars = charCells(text.slice(from, to), from);
    offset = backByCells(chars, to, charStart(text, start), LEAD);
    let stop = forwardByCells(chars, to, offset, MAX_SHOWN);
    if (stop === text.length) {
      offset = Math.min(offset, backByCells(chars, to, to, MAX_SHOWN));
      stop = forwardByCells(chars, to, offset, MAX_SHOWN);
    }
    shown = text.slice(offset, stop);
    if (offset > 0) prefix = "…";
    if (stop < text.length) suffix = "…";
    start -= offset;
    end = Math.min(end - offset, shown.length);
  }
  const pad = " ".repeat(prefix.length) + blankOut(shown.slice(0, start));
  const caret = "^" + "~".repeat(Math.max(0, displayWidth(shown.slice(start, end)) - 1));
  const mark = finding.severity === "error" ? c.red(caret) : c.yellow(caret);
  return `    ${prefix}${shown}${suffix}\n    ${pad}${mark}\n`;
}

