// Builds the ParsedMessage every rule shares: cleaned lines, summary, body, trailers, kind and lazy blocks.
import type { Block, MessageKind, ParsedMessage, SourceLine, Trailer } from "../types.js";
import { blocksFromScanner, scanBlocks } from "./blocks.js";
import { AUTO_COMMENT_CANDIDATES, cleanMessageLines, isBlankText } from "./cleanup.js";
import { classifyKind } from "./kind.js";
import { registeredMarkdownParser, type MarkdownBlockParser } from "./markdown.js";
import { assertParseOptions } from "./options.js";
import { findTrailerBlock } from "./trailers.js";

/** Options for {@link parseMessage}. */
export interface ParseOptions {
  /** git's `core.commentChar`: `#` by default; any non-empty string, or `auto`. */
  commentChar?: string;
  /**
   * True (default): clean as git's `strip` mode; `"whitespace"`: keep comment lines (git's mode
   * for `git commit -m`/`-F`); `"scissors"`: keep them but cut at the scissors line (git's
   * `whitespace`, `scissors` and `verbatim` modes in its editor); false when the text is already
   * clean (from `git log`).
   */
  cleanup?: boolean | "whitespace" | "scissors";
  /**
   * Whether the commit has two or more parents, when that is known (a commit read from git);
   * then it decides the `merge` kind instead of the message's text. Undefined (the hook, a
   * file, or a commit without listed parents: a root, or the boundary of a shallow clone):
   * a default merge text makes a merge. See `mergeFromParents`.
   */
  merge?: boolean;
  /**
   * The text of the commit template (`commit.template`) git started the editor with, when
   * known; its comment lines become `templateComments`.
   */
  template?: string;
}

class Message implements ParsedMessage {
  #blocks: Block[] | undefined;

  constructor(
    readonly raw: string,
    readonly text: string,
    readonly lines: SourceLine[],
    readonly summary: SourceLine | null,
    readonly blankAfterSummary: boolean,
    readonly body: SourceLine[],
    readonly bodyText: string,
    readonly trailers: Trailer[],
    readonly kind: MessageKind,
    readonly templateComments: ReadonlySet<string> | undefined,
  ) {}

  get blocks(): Block[] {
    if (this.#blocks === undefined) this.#blocks = blocksForBody(this.body);
    return this.#blocks;
  }

  toJSON(): Omit<ParsedMessage, "blocks"> & { blocks: Block[] } {
    const { raw, text, lines, summary, blankAfterSummary, body, bodyText, trailers, kind } = this;
    return { raw, text, lines, summary, blankAfterSummary, body, bodyText, trailers, kind, blocks: this.blocks };
  }
}

/**
 * The `merge` option for a commit with `parents` listed parents: true for two or more, false
 * for one, undefined for none, since a shallow clone lists no parents for its boundary commits
 * (often the merge a CI checkout of a pull request makes) and a root commit merges nothing.
 */
export function mergeFromParents(parents: number): boolean | undefined {
  return parents > 1 ? true : parents === 1 ? false : undefined;
}

/**
 * Parses a raw commit message as git would clean it (see `cleanMessageLines`), then splits it
 * into summary, body and trailers and classifies its kind. Blocks are computed on first access.
 * Throws UsageError for an invalid comment char, and TypeError when `raw` is not a string or
 * `opts` has an unknown key or a value of the wrong type (see `assertParseOptions`).
 */
export function parseMessage(raw: string, opts: ParseOptions = {}): ParsedMessage {
  assertParseOptions(opts, "parseMessage()");
  return parseWithTrustedOptions(raw, opts);
}

/**
 * parseMessage() without its check of the options object: for callers that build the options
 * themselves (lint() after its own check, the audit's per-commit loop, the CLI), which would
 * otherwise check them again for every message. Still throws TypeError for a non-string `raw`.
 */
export function parseWithTrustedOptions(raw: string, opts: ParseOptions): ParsedMessage {
  assertMessageText(raw);
  const templateComments = opts.template === undefined ? undefined : commentLinesOf(opts.template, opts.commentChar);
  return messageFromLines(raw, cleanMessageLines(raw, opts), opts.merge, true, templateComments, keptCommentPrefix(opts));
}

/**
 * The comment char git's trailer reader skips in a message whose comment lines cleanup kept
 * (`cleanup` false, `"whitespace"` or `"scissors"`); undefined when cleanup removed them. git
 * reads a stored message with `core.commentChar`, `#` unless set (`auto` picks a char only while
 * git prepares the editor's text).
 */
function keptCommentPrefix(opts: ParseOptions): string | undefined {
  if (opts.cleanup === undefined || opts.cleanup === true) return undefined;
  return opts.commentChar === undefined || opts.commentChar === "auto" ? "#" : opts.commentChar;
}

/**
 * Throws a TypeError naming what was passed when `raw` is no string: a JavaScript caller's
 * Buffer or undefined would otherwise fail deep in the line splitter ("raw.split is not a
 * function"), which names neither the argument nor the fix.
 */
function assertMessageText(raw: unknown): asserts raw is string {
  if (typeof raw === "string") return;
  const given = raw === null ? "null" : Buffer.isBuffer(raw) ? "a Buffer" : Array.isArray(raw) ? "an array" : typeof raw === "object" ? "an object" : typeof raw;
  const fix = Buffer.isBuffer(raw) ? "; decode it first, e.g. buffer.toString(\"utf8\")" : "";
  throw new TypeError(`the commit message must be a string, not ${given}${fix}`);
}

/** The lines of `template` that start with the comment char, trimmed. */
function commentLinesOf(template: string, commentChar = "#"): Set<string> {
  // With `auto` git picks one of these, one that no line of the message starts with.
  const prefixes = commentChar === "auto" ? [...AUTO_COMMENT_CANDIDATES] : [commentChar];
  const comments = new Set<string>();
  for (const line of template.split("\n")) {
    const text = line.trim();
    if (prefixes.some((prefix) => text.startsWith(prefix))) comments.add(text);
  }
  return comments;
}

/** `amend! <subject>` (git commit --fixup=amend:/reword:): the lines below it replace the amended commit's message. */
const AMEND = /^amend! /;

function messageFromLines(
  raw: string,
  lines: SourceLine[],
  merge: boolean | undefined,
  followAmend: boolean,
  templateComments?: ReadonlySet<string>,
  commentPrefix?: string,
): Message {
  // `git rebase --autosquash` gives the amended commit the message below the `amend!` line, and
  // runs no commit-msg hook then: that message is judged now, with its own line numbers.
  if (followAmend && lines.length > 2 && AMEND.test(lines[0].text) && isBlankText(lines[1].text)) {
    let first = 1;
    while (first < lines.length && isBlankText(lines[first].text)) first++;
    if (first < lines.length) return messageFromLines(raw, lines.slice(first), merge, false, templateComments, commentPrefix);
  }
  const summary = lines.length > 0 ? lines[0] : null;
  const blankAfterSummary = lines.length <= 1 || isBlankText(lines[1].text);
  const block = findTrailerBlock(lines, commentPrefix);

  let start = 1;
  let end = block.firstTrailer;
  while (start < end && isBlankText(lines[start].text)) start++;
  while (end > start && isBlankText(lines[end - 1].text)) end--;
  const body = start < end ? lines.slice(start, end) : [];
  // The body's lines are a run of the message's, so its text is a slice of the message's text,
  // not a second string built line by line.
  let text = "";
  let bodyFrom = 0;
  let bodyTo = 0;
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) text += "\n";
    if (i === start) bodyFrom = text.length;
    text += lines[i].text;
    if (i === end - 1) bodyTo = text.length;
  }
  const bodyText = body.length > 0 ? text.slice(bodyFrom, bodyTo) : "";

  const kind = classifyKind({ summary, body, trailers: block.trailers }, merge);
  return new Message(raw, text, lines, summary, blankAfterSummary, body, bodyText, block.trailers, kind, templateComments);
}

/**
 * The blocks of a body: the fast scanner when it reproduces remark exactly, otherwise `remark`
 * (the registered remark parser unless a caller brings its own); when remark is needed but not
 * loaded, the scanner's best effort, so `lint()` stays synchronous.
 */
export function blocksForBody(body: readonly SourceLine[], remark: MarkdownBlockParser | null = registeredMarkdownParser()): Block[] {
  if (body.length === 0) return [];
  if (remark === null) return blocksFromScanner(body);
  const scanned = scanBlocks(body);
  if (scanned.exact) return scanned.blocks;
  // Quotes or lists nested deeper than any message needs: remark takes seconds (100 kB of "> "
  // took 11 s, 1,000 lists nested by indentation a minute) or overflows the stack, so the
  // scanner's best effort serves, as without remark.
  if (scanned.deep || body.some((line) => nestingMarkers(line.text) > MAX_MARKERS)) return scanned.blocks;
  try {
    return remark(body);
  } catch (error) {
    // Nesting built over many lines can still run remark's recursion past the stack.
    if (error instanceof RangeError) return scanned.blocks;
    throw error;
  }
}

/** More quote or list markers opening one line than any message needs; remark then is not asked. */
const MAX_MARKERS = 32;

/**
 * How many block quote (`>`) and list (`-`, `*`, `+`, `1.`, `1)`) markers open `text`, each after
 * at most three spaces, stopping at the first other character or past MAX_MARKERS.
 */
function nestingMarkers(text: string): number {
  let count = 0;
  let at = 0;
  while (count <= MAX_MARKERS) {
    let spaces = 0;
    while (spaces < 4 && (text[at] === " " || text[at] === "\t")) (at++, spaces++);
    const char = text[at];
    if (char === ">") at++;
    else if ((char === "-" || char === "*" || char === "+") && (text[at + 1] === " " || text[at + 1] === "\t")) at++;
    else {
      let digits = at;
      while (digits - at < 9 && text[digits] >= "0" && text[digits] <= "9") digits++;
      if (digits === at || (text[digits] !== "." && text[digits] !== ")") || (text[digits + 1] !== " " && text[digits + 1] !== "\t")) return count;
      at = digits + 1;
    }
    count++;
  }
  return count;
}
