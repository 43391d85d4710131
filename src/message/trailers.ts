// Finds the trailer block of a cleaned message and parses its trailers, following git interpret-trailers.
import type { SourceLine, Trailer } from "../types.js";
import { isBlankText } from "./cleanup.js";

// git's trailer.c `git_generated_prefixes`: lines git writes itself.
const SIGNED_OFF_PREFIX = "Signed-off-by: ";
const CHERRY_PICK_PREFIX = "(cherry picked from commit ";
/** The token given to git's `(cherry picked from commit <sha>)` line, whose value is the sha. */
export const CHERRY_PICK_TOKEN = "(cherry picked from commit";

/**
 * Labels that introduce the writer's own prose ("Why: every build re-parsed …", "Benchmarks:
 * 2.1x faster …"): git's rule reads such a line as a trailer when it ends the message, but it is
 * part of the body, the reason or the change told under a heading.
 */
export const PROSE_LABELS: ReadonlySet<string> = new Set([
  "why", "reason", "reasons", "rationale", "motivation", "problem", "cause", "root-cause", "background", "context",
  "what", "how", "changes", "modifications", "solution", "approach", "details", "summary",
  "result", "results", "impact", "effect", "benchmark", "benchmarks", "performance",
  "testing", "test-plan", "note", "notes", "caveat", "caveats", "limitations", "risk", "risks", "alternatives", "trade-offs", "tradeoffs",
]);

/**
 * The length and lower-case first letter of each prose label, so that a token that is no label
 * ("Signed-off-by", the most common) is turned away without being lower-cased. A token that
 * lower-cases to a label has the label's length and first letter: only ASCII capitals and the
 * Kelvin sign lower-case to ASCII letters, and no label starts with "k".
 */
const PROSE_LABEL_SHAPES = new Set([...PROSE_LABELS].map(labelShape));

function labelShape(token: string): number {
  return token.length * 128 + (token.charCodeAt(0) | 32);
}

/** True for a trailer-shaped line that is prose under a label: a prose label with text that says something. */
export function isProseTrailer(trailer: Pick<Trailer, "token" | "value">): boolean {
  if (!PROSE_LABEL_SHAPES.has(labelShape(trailer.token))) return false;
  return PROSE_LABELS.has(trailer.token.toLowerCase()) && isMeaningfulLabelText(trailer.value);
}

/**
 * What a template's label holds when the writer filled it in only to get past the hook. With a
 * word count alone, "Why: see above." or "Why: <reason>" would still say something.
 */
const PLACEHOLDER = /^(?:tb[ad]|todo|fixme|n\/?a|none|nothing|same|see (?:above|below|title|summary|ticket|issue))$/i;
const TEMPLATE_SLOT = /<[^<>]*>/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * True when the text under a label says something: two words or more (a lone "because", "TBD" or
 * "-" names no reason) and not a template's placeholder ("N/A", "see above", "<reason>").
 */
export function isMeaningfulLabelText(text: string): boolean {
  const trimmed = text.replace(TEMPLATE_SLOT, " ").trim().replace(/(?<![.!])[.!]+$/, "");
  if (PLACEHOLDER.test(trimmed)) return false;
  let words = 0;
  for (const word of trimmed.split(/\s+/)) if (WORD_CHAR.test(word) && ++words === 2) return true;
  return false;
}

/** Where the trailer block starts and the trailers in it. */
export interface TrailerBlock {
  /** Index into the lines of the block's first line; `end` when there is no block. */
  start: number;
  /** Index of the first trailer line in the block (git counts leading prose as part of the block; the body keeps it). */
  firstTrailer: number;
  /**
   * Index where the message's text ends: the `Conflicts:` line of a trailing old-style conflicts
   * list, which git leaves out of the log message (see endOfLogMessage), else `lines.length`.
   * The lines from there are neither body nor trailers.
   */
  end: number;
  trailers: Trailer[];
}

/**
 * Finds the trailer block per git's rule: the last paragraph (never the summary paragraph) whose
 * lines are all trailers, or that has at least one git-generated trailer (`Signed-off-by: `,
 * `(cherry picked from commit `) and at least 25% trailer lines. Lines starting with whitespace
 * continue the line before. A trailer is `Token: value` with the token made of ASCII letters,
 * digits and hyphens, optionally followed by spaces or tabs before the colon. As git does, the
 * search ends above a trailing old-style `Conflicts:` list (see endOfLogMessage), and lines
 * starting with `commentPrefix`, when given (a message whose comment lines were kept), are
 * comments: neither trailers nor text, and no trailer continues across them.
 */
export function findTrailerBlock(lines: readonly SourceLine[], commentPrefix?: string): TrailerBlock {
  // One shared function when comments were stripped (nearly every call): no closure made per message.
  const isComment = commentPrefix === undefined || commentPrefix === "" ? isNoComment : (text: string) => text.startsWith(commentPrefix);
  const { end, conflicts } = endOfLogMessage(lines, isComment);
  const none: TrailerBlock = { start: conflicts, firstTrailer: conflicts, end: conflicts, trailers: [] };
  let endOfTitle = 0;
  while (endOfTitle < end && !isBlankText(lines[endOfTitle].text)) endOfTitle++;
  if (endOfTitle >= end) return none;

  let onlySpaces = true;
  let recognizedPrefix = false;
  let trailerLines = 0;
  let nonTrailerLines = 0;
  let possibleContinuations = 0;
  let start = -1;
  for (let i = end - 1; i >= endOfTitle; i--) {
    const text = lines[i].text;
    if (isComment(text)) {
      nonTrailerLines += possibleContinuations;
      possibleContinuations = 0;
      continue;
    }
    if (isBlankText(text)) {
      if (onlySpaces) continue;
      nonTrailerLines += possibleContinuations;
      if ((recognizedPrefix && trailerLines * 3 >= nonTrailerLines) || (trailerLines > 0 && nonTrailerLines === 0)) {
        start = i + 1;
      }
      break;
    }
    onlySpaces = false;
    if (text.startsWith(SIGNED_OFF_PREFIX) || text.startsWith(CHERRY_PICK_PREFIX)) {
      trailerLines++;
      recognizedPrefix = true;
      possibleContinuations = 0; // the indented lines below continue this trailer
      continue;
    }
    if (separatorIndex(text) > 0) {
      trailerLines++;
      possibleContinuations = 0;
    } else if (isSpaceStart(text)) {
      possibleContinuations++;
    } else {
      nonTrailerLines += 1 + possibleContinuations;
      possibleContinuations = 0;
    }
  }
  if (start < 0) return none;
  const parsed = parseTrailers(lines, start, end, isComment);
  const block: TrailerBlock = { start, firstTrailer: parsed.firstTrailer, end: conflicts, trailers: parsed.trailers };
  // Prose under a label at the head of the block ("Why: …" before the sign-off) stays body text.
  let prose = 0;
  while (prose < block.trailers.length && isProseTrailer(block.trailers[prose])) prose++;
  if (prose === 0) return block;
  if (prose === block.trailers.length) return none;
  const trailers = block.trailers.slice(prose);
  const firstLine = trailers[0].line;
  let firstTrailer = block.firstTrailer;
  while (lines[firstTrailer].line !== firstLine) firstTrailer++;
  return { start, firstTrailer, end: conflicts, trailers };
}

/** The comment test of a message read without a comment prefix: no line is a comment. */
function isNoComment(): boolean {
  return false;
}

/**
 * Where git's log message ends for its trailer reader (commit.c's ignore_non_trailer): above the
 * run of empty lines, comment lines and an old-style `Conflicts:` line with the tab-indented paths
 * below it that ends the message (`end`), and that run's `Conflicts:` line (`conflicts`, else
 * `lines.length`). git before 1.7.x wrote the list uncommented into merge messages, and `git
 * commit -s` signs above it. Comment lines that cleanup kept are text of a stored message
 * ("#123 was the issue"), so only the list is kept out of the body.
 */
export function endOfLogMessage(lines: readonly SourceLine[], isComment: (text: string) => boolean): { end: number; conflicts: number } {
  // Nearly every message ends with a line of text, which ends any run: no pass over the lines.
  if (lines.length > 0) {
    const last = lines[lines.length - 1].text;
    if (last !== "" && last !== "Conflicts:" && last.charCodeAt(0) !== 9 /* \t */ && !isComment(last)) {
      return { end: lines.length, conflicts: lines.length };
    }
  }
  return endOfLogMessageByLines(lines, isComment);
}

/** endOfLogMessage read the plain way, one pass over every line (exported for its test). */
export function endOfLogMessageByLines(lines: readonly SourceLine[], isComment: (text: string) => boolean): { end: number; conflicts: number } {
  // As in git, a run starting at 0 is no run: the summary line never starts one.
  let runStart = 0;
  let inConflicts = false;
  let conflicts = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    if (text === "" || isComment(text)) {
      if (runStart === 0) runStart = i;
    } else if (text === "Conflicts:") {
      inConflicts = true;
      if (runStart === 0) runStart = i;
      if (runStart !== 0 && conflicts === lines.length) conflicts = i;
    } else if (inConflicts && text.charCodeAt(0) === 9 /* \t */) {
      // a path in the conflicts list
    } else if (runStart !== 0) {
      runStart = 0;
      inConflicts = false;
      conflicts = lines.length;
    }
  }
  return runStart === 0 ? { end: lines.length, conflicts: lines.length } : { end: runStart, conflicts };
}

function parseTrailers(
  lines: readonly SourceLine[],
  start: number,
  end: number,
  isComment: (text: string) => boolean,
): { firstTrailer: number; trailers: Trailer[] } {
  const trailers: Trailer[] = [];
  let firstTrailer = -1;
  // The trailer that an indented line continues, with its value as written (continuations after
  // "\n"): only a `Token:` line takes continuations; git's cherry-pick line, a text line and a
  // comment line take none, so an indented line below them is text that git leaves out.
  let current: Trailer | null = null;
  let written = "";
  for (let i = start; i < end; i++) {
    const { text, line } = lines[i];
    if (isSpaceStart(text) && !isComment(text)) {
      if (current !== null) {
        written += `\n${text}`;
        current.endLine = line;
        current.endColumn = trimmedLength(text) + 1;
      }
      continue;
    }
    if (current !== null) current.value = unfoldValue(written);
    current = null;
    if (isComment(text)) continue;
    const endColumn = trimmedLength(text) + 1;
    if (text.startsWith(CHERRY_PICK_PREFIX)) {
      if (firstTrailer < 0) firstTrailer = i;
      const value = text.slice(CHERRY_PICK_PREFIX.length).trim().replace(/\)$/, "");
      trailers.push({ token: CHERRY_PICK_TOKEN, value, line, column: 1, endLine: line, endColumn });
      continue;
    }
    const sep = separatorIndex(text);
    if (sep <= 0) continue;
    if (firstTrailer < 0) firstTrailer = i;
    current = { token: text.slice(0, sep).trimEnd(), value: "", line, column: 1, endLine: line, endColumn };
    written = text.slice(sep + 1);
    trailers.push(current);
  }
  if (current !== null) current.value = unfoldValue(written);
  return { firstTrailer: firstTrailer < 0 ? end : firstTrailer, trailers };
}

/**
 * A trailer's value as `git interpret-trailers --parse` prints it (trailer.c's unfold_value): the
 * written value trimmed, each line break with the whitespace after it made one space. Spaces
 * before a break stay, as in git (a cleaned message has none).
 */
export function unfoldValue(written: string): string {
  const text = trimGitSpace(written);
  // Most values are one line (every sign-off): nothing to unfold, and no string built a character at a time.
  return text.includes("\n") ? joinedLines(text) : text;
}

/** unfoldValue read the plain way, character by character whatever the value (exported for its test). */
export function unfoldValueByCharacters(written: string): string {
  return joinedLines(trimGitSpace(written));
}

/** A trimmed value `text` with each line break and the whitespace after it made one space, trimmed again. */
function joinedLines(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; ) {
    const c = text[i++];
    if (c !== "\n") {
      out += c;
      continue;
    }
    while (i < text.length && isGitSpace(text.charCodeAt(i))) i++;
    out += " ";
  }
  return trimGitSpace(out);
}

/**
 * True for a line git counts as a trailer when it looks for the trailer block: `Token: value`
 * (see separatorIndex) or git's `(cherry picked from commit …)` line. An indented line is not
 * one; it continues the trailer above it.
 */
export function isTrailerShapedLine(text: string): boolean {
  return text.startsWith(CHERRY_PICK_PREFIX) || separatorIndex(text) > 0;
}

/** Index of the `:` ending a trailer token (git's find_separator), or -1 when the line is no trailer. */
export function separatorIndex(text: string): number {
  let sawSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 /* : */) return i;
    if (!sawSpace && (isAsciiAlnum(c) || c === 45 /* - */)) continue;
    if (i > 0 && (c === 32 || c === 9)) {
      sawSpace = true;
      continue;
    }
    return -1;
  }
  return -1;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** True when the line starts with whitespace as git's own isspace() counts it, which leaves out \v and \f. */
function isSpaceStart(text: string): boolean {
  return text.length > 0 && isGitSpace(text.charCodeAt(0));
}

// git's sane_ctype isspace(): space, \t, \n and \r, never \v or \f (unlike C's).
function isGitSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function trimGitSpace(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && isGitSpace(text.charCodeAt(from))) from++;
  while (to > from && isGitSpace(text.charCodeAt(to - 1))) to--;
  return text.slice(from, to);
}

function trimmedLength(text: string): number {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end;
}
