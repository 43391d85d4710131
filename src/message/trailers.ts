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
const PROSE_LABELS = new Set([
  "why", "reason", "reasons", "rationale", "motivation", "problem", "cause", "root-cause", "background", "context",
  "what", "how", "changes", "modifications", "solution", "approach", "details", "summary",
  "result", "results", "impact", "effect", "benchmark", "benchmarks", "performance",
  "testing", "test-plan", "note", "notes", "caveat", "caveats", "limitations", "risk", "risks", "alternatives", "trade-offs", "tradeoffs",
]);

/** True for a trailer-shaped line that is prose under a label: a prose label with text that says something. */
export function isProseTrailer(trailer: Pick<Trailer, "token" | "value">): boolean {
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
  const trimmed = text.replace(TEMPLATE_SLOT, " ").trim().replace(/[.!]+$/, "");
  if (PLACEHOLDER.test(trimmed)) return false;
  let words = 0;
  for (const word of trimmed.split(/\s+/)) if (WORD_CHAR.test(word) && ++words === 2) return true;
  return false;
}

/** Where the trailer block starts and the trailers in it. */
export interface TrailerBlock {
  /** Index into the lines of the block's first line; `lines.length` when there is no block. */
  start: number;
  /** Index of the first trailer line in the block (git counts leading prose as part of the block; the body keeps it). */
  firstTrailer: number;
  trailers: Trailer[];
}

/**
 * Finds the trailer block per git's rule: the last paragraph (never the summary paragraph) whose
 * lines are all trailers, or that has at least one git-generated trailer (`Signed-off-by: `,
 * `(cherry picked from commit `) and at least 25% trailer lines. Lines starting with whitespace
 * continue the line before. A trailer is `Token: value` with the token made of ASCII letters,
 * digits and hyphens, optionally followed by spaces or tabs before the colon.
 */
export function findTrailerBlock(lines: readonly SourceLine[]): TrailerBlock {
  const none: TrailerBlock = { start: lines.length, firstTrailer: lines.length, trailers: [] };
  let endOfTitle = 0;
  while (endOfTitle < lines.length && !isBlankText(lines[endOfTitle].text)) endOfTitle++;
  if (endOfTitle >= lines.length) return none;

  let onlySpaces = true;
  let recognizedPrefix = false;
  let trailerLines = 0;
  let nonTrailerLines = 0;
  let possibleContinuations = 0;
  let start = -1;
  for (let i = lines.length - 1; i >= endOfTitle; i--) {
    const text = lines[i].text;
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
  const block = { start, ...parseTrailers(lines, start) };
  // Prose under a label at the head of the block ("Why: …" before the sign-off) stays body text.
  let prose = 0;
  while (prose < block.trailers.length && isProseTrailer(block.trailers[prose])) prose++;
  if (prose === 0) return block;
  if (prose === block.trailers.length) return none;
  const trailers = block.trailers.slice(prose);
  const firstLine = trailers[0].line;
  let firstTrailer = block.firstTrailer;
  while (lines[firstTrailer].line !== firstLine) firstTrailer++;
  return { start, firstTrailer, trailers };
}

function parseTrailers(lines: readonly SourceLine[], start: number): { firstTrailer: number; trailers: Trailer[] } {
  const trailers: Trailer[] = [];
  let firstTrailer = -1;
  let current: Trailer | null = null;
  for (let i = start; i < lines.length; i++) {
    const { text, line } = lines[i];
    if (isSpaceStart(text)) {
      if (current !== null) {
        const more = text.trim();
        if (more !== "") {
          current.value = current.value === "" ? more : `${current.value} ${more}`;
          current.endLine = line;
          current.endColumn = trimmedLength(text) + 1;
        }
      }
      continue;
    }
    current = null;
    let token: string;
    let value: string;
    if (text.startsWith(CHERRY_PICK_PREFIX)) {
      token = CHERRY_PICK_TOKEN;
      value = text.slice(CHERRY_PICK_PREFIX.length).trim().replace(/\)$/, "");
    } else {
      const sep = separatorIndex(text);
      if (sep <= 0) continue;
      token = text.slice(0, sep).trimEnd();
      value = text.slice(sep + 1).trim();
    }
    if (firstTrailer < 0) firstTrailer = i;
    current = { token, value, line, column: 1, endLine: line, endColumn: trimmedLength(text) + 1 };
    trailers.push(current);
  }
  return { firstTrailer: firstTrailer < 0 ? lines.length : firstTrailer, trailers };
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

function isSpaceStart(text: string): boolean {
  const c = text.charCodeAt(0);
  return c === 32 || (c >= 9 && c <= 13);
}

function trimmedLength(text: string): number {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end;
}
