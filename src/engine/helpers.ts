// Small span and text helpers shared by the rules, so no rule imports another rule.
import type { Block, JsonSchema, MessageKind, ParsedMessage, RuleDefinition, SourceLine, Span } from "../types.js";
import { scanOutline } from "../message/blocks.js";
import { CHANGE_VERBS, FIX_VERBS, ORDER_ONLY_VERBS } from "../judge/cues.js";
import { DECORATION, LEADING_TAGS, lemmatize, spacedAreaLength } from "../judge/summary.js";

// The message model's and the judgement's readings that rules share, so a rule needs no import
// but this module's (and the types).
export { isSquashedCommitList, listItems } from "../judge/squash.js";
export { isScissorsLine, splitSourceLines } from "../message/cleanup.js";
import { isTrailerShapedLine } from "../message/trailers.js";
export { isTrailerShapedLine };
export { closestName, editDistance } from "../config/suggest.js";
export { isFileName, isWorkForm } from "../judge/summary.js";
export { referenceKindsOf } from "../judge/refs.js";
export { isDefaultMergeText, isDefaultRevertText, isDevelopmentBump, isRevertContinuation } from "../message/kind.js";

/** Kinds a rule runs on when it declares no `appliesTo`. */
export const DEFAULT_APPLIES_TO: readonly MessageKind[] = ["normal", "release", "bot"];

/** Every kind that is judged at all (fixups are skipped before rules run). */
export const EVERY_JUDGED_KIND: readonly MessageKind[] = ["normal", "release", "bot", "merge", "revert"];

/** Option schema of a rule that takes no options. Read-only: share it, never change it. */
export const NO_OPTIONS: JsonSchema = Object.freeze({ type: "object", properties: Object.freeze({}), additionalProperties: false }) as JsonSchema;

/**
 * Rule fields the engine understands beyond the shared contract. `softMessages` lists
 * message ids reported at most as `warn`, whatever the rule's configured severity (used by
 * the soft summary length limit, which advises rather than rejects). `supersedes` lists rules
 * whose findings a finding of this rule makes redundant where their lines overlap: "Message
 * has no body; say why … and what …" already says what body-why and what-missing would say
 * about the same empty line. Dropped only when this rule reports, at least as severely, so
 * turning it off (or making it a warning beside their error) brings them back.
 */
export interface RuleExtras {
  softMessages?: readonly string[];
  supersedes?: readonly string[];
}

/** A rule definition as the engine and the registry see it. */
// `any`: each rule's options type is erased once rules sit in one list; `check` stays bivariant.
export type AnyRule = RuleDefinition<any> & RuleExtras;

/** Declares a rule with its options type checked against `check`; returns it unchanged. */
export function defineRule<Options extends Record<string, unknown>>(
  rule: RuleDefinition<Options> & RuleExtras,
): RuleDefinition<Options> & RuleExtras {
  return rule;
}

/** The span of `line` from 0-based index `start` to `end` (exclusive) of its text. */
export function rangeSpan(line: SourceLine, start: number, end: number): Span {
  return { line: line.line, column: start + 1, endLine: line.line, endColumn: end + 1 };
}

/** The span of a whole line's text (an empty line gets an empty span at column 1). */
export function lineSpan(line: SourceLine): Span {
  return rangeSpan(line, 0, line.text.length);
}

/** The span from the start of `first` to the end of `last`. */
export function linesSpan(first: SourceLine, last: SourceLine): Span {
  return { line: first.line, column: 1, endLine: last.line, endColumn: last.text.length + 1 };
}

/** The span of the first occurrence of `word` in `line` at or after `from`, or the whole line when absent. */
export function wordSpan(line: SourceLine, word: string, from = 0): Span {
  const index = line.text.indexOf(word, from);
  return index < 0 ? lineSpan(line) : rangeSpan(line, index, index + word.length);
}

/**
 * Where a missing body belongs: column 1 of the line right after the summary (an empty span).
 * The line may lie past the end of a one-line message; reporters show it as an empty line.
 */
export function afterSummarySpan(message: ParsedMessage): Span {
  const line = (message.summary?.line ?? 0) + 1;
  return { line, column: 1, endLine: line, endColumn: 1 };
}

/**
 * Where a finding about the message's reason or content belongs: the body's first paragraph when
 * there is a body (so the caret lands on text), else the empty line after the summary.
 */
export function firstParagraphSpan(message: ParsedMessage): Span {
  const body = message.body;
  if (body.length === 0) return afterSummarySpan(message);
  let last = 0;
  while (last + 1 < body.length && body[last + 1].text.trim() !== "") last++;
  return linesSpan(body[0], body[last]);
}

/**
 * True when a summary line is itself a git trailer ("Signed-off-by: A <a@b.c>", "Change-Id: I12…"):
 * such a line carries no summary.
 */
export function isTrailerLine(text: string): boolean {
  return /^(?:[A-Za-z][A-Za-z0-9]*-)+by:\s*\S|^(?:Change-Id|Reviewed-on|Co-authored-by):\s*\S/i.test(text);
}

/**
 * Length in characters as people count them and editors show them (grapheme clusters): an emoji
 * counts once with its variation selector or skin tone ("♻️", "👍🏽"), a letter with its combining
 * accent ("e\u0301"), a flag or a family joined by ZWJ.
 */
export function charLength(text: string, chunk = SEGMENT_CHUNK): number {
  if (ONE_UNIT_PER_CHAR.test(text)) return text.length;
  let count = 0;
  for (let start = 0, end = 0; start < text.length; start = end) {
    end = chunkEnd(text, start, chunk);
    for (const _ of graphemes().segment(text.slice(start, end))) count++;
  }
  return count;
}

/** The string index where the `n`-th character (0-based, as `charLength` counts) of `text` starts; `text.length` past the end. */
export function indexOfChar(text: string, n: number, chunk = SEGMENT_CHUNK): number {
  if (ONE_UNIT_PER_CHAR.test(text)) return Math.min(n, text.length);
  let seen = 0;
  for (let start = 0, end = 0; start < text.length; start = end) {
    end = chunkEnd(text, start, chunk);
    for (const { index } of graphemes().segment(text.slice(start, end))) {
      if (seen === n) return start + index;
      seen++;
    }
  }
  return text.length;
}

/**
 * Longest stretch handed to the segmenter at once. Node 20's ICU takes time that grows faster
 * than the text: 16k units 0.15 s, 60k 0.8 s, past 65,535 about 10 s for one line, so a pasted
 * log line with one arrow in it held up the hook for seconds.
 */
const SEGMENT_CHUNK = 4096;

/**
 * Where a stretch of `text` from `start` may end: `chunk` units on, moved forward to the first
 * place between two characters that always have a grapheme boundary between them, both below
 * U+0300 (no combining mark, joiner or prepended mark there) and the first not a CR (CR LF is
 * one cluster), or both CJK ideographs. The end of the text when there is none.
 */
function chunkEnd(text: string, start: number, chunk: number): number {
  let end = start + chunk;
  for (; end < text.length; end++) {
    const before = text.charCodeAt(end - 1);
    const after = text.charCodeAt(end);
    if ((before < 0x300 && after < 0x300 && before !== 13) || (isIdeograph(before) && isIdeograph(after))) return end;
  }
  return text.length;
}

/** A CJK unified ideograph of the basic block: always a cluster of its own. */
function isIdeograph(unit: number): boolean {
  return unit >= 0x4e00 && unit <= 0x9fff;
}

/**
 * Text below U+0300 (ASCII, Latin-1, Latin Extended, no combining mark, no surrogate) has one
 * UTF-16 unit per character, so most lines need no segmenter. A line holds no "\r\n" pair.
 */
const ONE_UNIT_PER_CHAR = /^[\u0000-\u02ff]*$/;

let segmenter: Intl.Segmenter | undefined;
/** The grapheme segmenter, made on first use (most messages never need it). */
function graphemes(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" }));
}

/** A word of a text with its 0-based start index. */
export interface Word {
  text: string;
  index: number;
}

/** Splits text into words: runs of letters, digits and `_'.#/-` (trailing punctuation trimmed). */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  // exec() on one module-level pattern: matchAll() would copy the pattern on every call.
  const pattern = WORD_PATTERN;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const raw = match[0];
    // Trailing `.'/-` are punctuation; the first character is a letter, digit or `_`, so one stays.
    let end = raw.length;
    while (end > 1 && TRAILING_PUNCTUATION.includes(raw.charCodeAt(end - 1))) end--;
    words.push({ text: end === raw.length ? raw : raw.slice(0, end), index: match.index });
  }
  return words;
}

/**
 * How many words `text` has, as `splitWords` finds them but with each character of an unspaced
 * script counted as one, counting no further than `limit` (rules that need "at least N words"
 * stop there instead of splitting a long body).
 */
export function countWords(text: string, limit = Infinity): number {
  const pattern = COUNT_PATTERN;
  pattern.lastIndex = 0;
  let count = 0;
  while (count < limit && pattern.test(text)) count++;
  return count;
}

const WORD_PATTERN = /[\p{L}\p{N}_][\p{L}\p{N}_'.#/-]*/gu;
// Like WORD_PATTERN (a second copy, so `countWords` and `splitWords` never move each other's
// lastIndex), except that each character of a script written without spaces (Chinese, Japanese,
// Thai, …) counts as a word: "当用户名为空时，登录页面会崩溃。" is not one word.
// A spaced word stops where an unspaced script begins: "Redis连接断开" is 1 + 4 words.
const UNSPACED = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}`;
const COUNT_PATTERN = new RegExp(String.raw`[${UNSPACED}]|(?![${UNSPACED}])[\p{L}\p{N}_](?:(?![${UNSPACED}])[\p{L}\p{N}_'.#/-])*`, "gu");
const TRAILING_PUNCTUATION = [0x2e, 0x27, 0x2f, 0x2d];

const PREFIX = String.raw`[\w.\-/]+(?:\([^()\n]*\))?!?: +`;
const PREFIXES = new RegExp(`^(?:${PREFIX})*`);
const DECORATION_AND_PREFIXES = new RegExp(`^(?:${DECORATION})*(?:${PREFIX})*`, "u");

/**
 * The length of a summary's leading emoji or gitmoji shortcodes and `type(scope)!: `
 * (Conventional Commits) or `area: ` / `area/sub: ` (kernel style) prefixes, an area of a few
 * words among them (git's "rebase -i: ", "git p4: "), including the space after the last
 * colon; 0 when there is none.
 */
export function summaryPrefixLength(summary: string): number {
  // Emoji and gitmoji shortcodes first ("✨ feat(ui): …", ":bug: fix …"), as the judgement
  // reads them; then one or more prefixes: the kernel's "arm64: dts: update" has two. Most
  // summaries start with a letter and need only the second, cheaper pattern.
  const first = summary.charCodeAt(0);
  const plain = (first >= 97 && first <= 122) || (first >= 65 && first <= 90) || (first >= 48 && first <= 57);
  const match = (plain ? PREFIXES : DECORATION_AND_PREFIXES).exec(summary);
  let length = match ? match[0].length : 0;
  // "rebase -i: fix …", "git p4: fix …": an area of a few words, as the judgement reads it,
  // and any prefix after it.
  const area = spacedAreaLength(length === 0 ? summary : summary.slice(length));
  if (area > 0) length += area + (PREFIXES.exec(summary.slice(length + area))?.[0].length ?? 0);
  // A summary that is nothing but decoration keeps it, so "🎉🎉" is still read (as no words).
  return length > 0 && length >= summary.trimEnd().length ? 0 : length;
}

/** A summary's prefix length (summaryPrefixLength) and its words after the prefix (splitWords). */
export interface SummaryWords {
  readonly start: number;
  readonly words: readonly Word[];
}

// The last summary's words: the summary rules ask for them in turn. One entry, no WeakMap (see
// the outline below).
let lastSummary: string | undefined;
let lastSummaryWords: SummaryWords = { start: 0, words: [] };

/** The words of `summary` after its prefixes, read once for the summary rules that ask in turn. */
export function summaryWords(summary: string): SummaryWords {
  if (summary !== lastSummary) {
    const start = summaryPrefixLength(summary);
    lastSummaryWords = { start, words: splitWords(summary.slice(start)) };
    lastSummary = summary;
  }
  return lastSummaryWords;
}

/**
 * True when lower-case `word` is the base form of a verb the judgement knows as a change or fix
 * ("retry", "check", "cancel"), so rules share its verb list.
 */
export function isChangeVerb(word: string): boolean {
  return CHANGE_VERBS.has(word) || FIX_VERBS.has(word) || ORDER_ONLY_VERBS.has(word);
}

/**
 * True when the summary, after any [tag] and area or type prefix, opens with a verb of fixing in any form
 * ("Fix", "Fixed", "Resolves", "Correcting"): it names a problem that was fixed.
 */
export function opensWithFixVerb(summary: string): boolean {
  // "[PATCH] Whitespace fixes": a bracketed tag is no verb ("patch" would be one); the
  // judgement's summary reading drops the same tags and reduces words the same way.
  const untagged = summary.replace(LEADING_TAGS, "");
  const [first] = splitWords(untagged.slice(summaryPrefixLength(untagged)));
  return first !== undefined && FIX_VERBS.has(lemmatize(first.text.toLowerCase()));
}

/** Matches http(s) URLs in prose. */
export const URL_PATTERN = /\bhttps?:\/\/[^\s<>()]+[^\s<>().,;:!?'"]/gu;

// The last message's outline. One entry, not a WeakMap: a WeakMap entry per message kept each
// message alive until a full garbage collection, which cost an audit ~18 MB of peak memory.
let outlineMessage: ParsedMessage | undefined;
let outline: readonly Block[] = [];

/**
 * The body's blocks for their types and line ranges only (not their text or links): the fast
 * scanner's wherever those are remark-parse's (scanOutline), else `message.blocks`. A body with
 * a backslash escape, a hard break, an image, a setext heading or a link definition needs
 * remark for its blocks' text, mostly not for where they lie; remark costs about ten times a
 * whole lint. Kept for the last message: a rule may ask for code lines and list lines.
 */
export function blockOutline(message: ParsedMessage): readonly Block[] {
  if (outlineMessage !== message) {
    outline = scanOutline(message.body) ?? message.blocks;
    outlineMessage = message;
  }
  return outline;
}

/** Line numbers (original text) of body lines inside code blocks or tables, where wrapping rules don't apply. */
export function verbatimLines(message: ParsedMessage): Set<number> {
  const lines = new Set<number>();
  const visit = (blocks: readonly { type: string; line: number; endLine: number; children?: any[] }[]): void => {
    for (const block of blocks) {
      if (block.type === "code" || block.type === "table" || block.type === "html") {
        for (let line = block.line; line <= block.endLine; line++) lines.add(line);
      } else if (block.children) {
        visit(block.children);
      }
    }
  };
  visit(blockOutline(message));
  return lines;
}

/** Why git reads a trailer-shaped body line as no trailer, and the line that makes it so. */
export interface UnreadTrailerCause {
  /**
   * `notLast`: a paragraph starts after the line's (`other` is its first line); `breakingChange`:
   * a Conventional Commits `BREAKING CHANGE:` footer, whose token has a space, makes the last
   * paragraph text; `mixed`: another text line (`other`) does.
   */
  cause: "notLast" | "breakingChange" | "mixed";
  other: SourceLine;
}

// The Conventional Commits footer whose token has a space, which git's trailer parser refuses.
const BREAKING_CHANGE = /^BREAKING CHANGE[ \t]*:/;

/**
 * Why git does not read `hit`, a body line of `message` shaped like a trailer, as a trailer: git
 * reads trailers only from the last paragraph, and only when it is made of trailers (or, with a
 * `Signed-off-by:`, at least a quarter of it is). Undefined for a line in the summary's paragraph
 * (summary-blank-line's finding) and when its paragraph has no text line to name.
 */
export function unreadTrailerCause(message: ParsedMessage, hit: SourceLine): UnreadTrailerCause | undefined {
  const lines = message.lines;
  const at = lines.indexOf(hit);
  let first = at;
  while (first > 0 && !isBlankLine(lines[first - 1])) first--;
  let last = at;
  while (last + 1 < lines.length && !isBlankLine(lines[last + 1])) last++;
  if (first === 0) return undefined;
  if (last + 1 < lines.length) return { cause: "notLast", other: lines.slice(last + 1).find((line) => !isBlankLine(line))! };
  // The last paragraph, which git did not take for trailers: an indented line continues the line
  // above it, but one that opens the paragraph continues nothing and is text to git.
  const text = lines.slice(first, last + 1).find((line, i) => !isTrailerShapedLine(line.text) && (i === 0 || !/^\s/.test(line.text)));
  if (text === undefined) return undefined;
  return { cause: BREAKING_CHANGE.test(text.text) ? "breakingChange" : "mixed", other: text };
}

/**
 * The finding for trailer line `hit` that git does not read, as the unread-trailer rules report
 * it: the cause as its message id, on the whole line, with the line and the other one named and
 * a text line quoted (up to 40 characters).
 */
export function unreadTrailerFinding(hit: SourceLine, unread: UnreadTrailerCause): { messageId: UnreadTrailerCause["cause"]; span: Span; data: Record<string, string | number> } {
  const data = { line: hit.line, other: unread.other.line };
  return { messageId: unread.cause, span: lineSpan(hit), data: unread.cause === "mixed" ? { ...data, text: quoteText(unread.other.text.trim(), 40) } : data };
}

function isBlankLine(line: SourceLine): boolean {
  return line.text.trim() === "";
}

/** `text` for quoting in a message: whole up to `max` characters (as charLength counts), else cut before and ended with "…". */
export function quoteText(text: string, max: number): string {
  return charLength(text) <= max ? text : `${text.slice(0, indexOfChar(text, max - 1)).trimEnd()}…`;
}

/** Plural helper for messages: `plural(1, "word")` → "1 word", `plural(3, "word")` → "3 words". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
