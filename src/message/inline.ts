// Finds links and bare URLs in a paragraph's source text, mapping offsets back to original positions.
import type { Link, SourceLine } from "../types.js";

/** A half-open range of offsets into a block's source text. */
export interface InlineRange {
  start: number;
  end: number;
}

/** An inline link already recognised (by remark), with offsets into the block's source text. */
export interface KnownLink extends InlineRange {
  url: string;
  text: string;
}

/** What remark found inline: links, and ranges (code, HTML, images) where no bare URL may be. */
export interface KnownInline {
  links: KnownLink[];
  excluded: InlineRange[];
}

/** Inline structure the scanner recognised, and whether remark would agree exactly. */
export interface ScannedInline extends KnownInline {
  exact: boolean;
}

const BARE_URL = /(?:https?|ftp):\/\/[^\s<>`]+/g;
const URL_TRAILING = /[.,:;!?"'*_~]/;

/**
 * Links and bare URLs of a paragraph or heading whose source text `text` starts at 0-based body
 * line `sl`, column `sc`. With `known` (from remark) its links and excluded ranges are used;
 * without, code spans and `[text](url)` links are recognised here. Bare URLs are searched the same
 * way in both cases, in the text outside links and excluded ranges.
 */
export function findLinks(text: string, sl: number, sc: number, body: readonly SourceLine[], known: KnownInline | null): Link[] {
  const inline = known ?? scanInline(text);
  if (inline.links.length === 0 && !text.includes("://")) return [];
  const found: KnownLink[] = inline.links.slice();
  const blocked = [...inline.excluded, ...inline.links].sort((a, b) => a.start - b.start);
  let from = 0;
  for (const range of blocked) {
    if (range.start > from) bareUrls(text, from, range.start, found);
    if (range.end > from) from = range.end;
  }
  if (from < text.length) bareUrls(text, from, text.length, found);
  found.sort((a, b) => a.start - b.start);
  const starts = lineStarts(text);
  return found.map((l) => {
    const start = toPosition(starts, l.start, sl, sc, body);
    const end = toPosition(starts, l.end, sl, sc, body);
    return { url: l.url, text: l.text, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  });
}

/**
 * Code spans, autolinks, inline HTML and `[text](url)` links in `text`, read left to right the way
 * CommonMark does. `exact` is false when the text holds a construct whose reading the scanner
 * does not reproduce (link titles, spaces or entities in destinations, HTML comments).
 */
export function scanInline(text: string): ScannedInline {
  const excluded: InlineRange[] = [];
  const links: KnownLink[] = [];
  let exact = true;
  const openers: number[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 96 /* ` */) {
      const run = runLength(text, i, 96);
      const close = findBacktickRun(text, i + run, run);
      if (close < 0) i += run;
      else {
        excluded.push({ start: i, end: close + run });
        i = close + run;
      }
    } else if (c === 60 /* < */) {
      const end = matchAngle(text, i, links, excluded);
      if (end < 0) exact = false;
      i = end > i ? end : i + 1;
    } else if (c === 91 /* [ */) {
      openers.push(i);
      i++;
    } else if (c === 93 /* ] */ && openers.length > 0) {
      const opener = openers.pop()!;
      i++;
      if (text.charCodeAt(i) !== 40 /* ( */) continue;
      const dest = readDestination(text, i + 1);
      if (dest === "inexact") exact = false;
      if (dest === null || dest === "inexact") continue;
      links.push({ start: opener, end: dest.end, url: text.slice(i + 1, dest.end - 1), text: text.slice(opener + 1, i - 1) });
      openers.length = 0; // no links inside links: earlier openers become plain text
      i = dest.end;
    } else i++;
  }
  return { links, excluded, exact };
}

const AUTOLINK_URI = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\x00-\x1f]*)>/y;
const AUTOLINK_EMAIL = /<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;
const ATTRIBUTE = String.raw`(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>\x60]+|'[^']*'|"[^"]*"))?)`;
/** A complete HTML open or closing tag as CommonMark defines it. */
export const HTML_TAG = new RegExp(String.raw`<(?:[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*\s*/?|/[A-Za-z][A-Za-z0-9-]*\s*)>`, "y");

// At a "<": an autolink (added to links), an HTML tag (excluded), or plain text. Returns the end
// offset, the same offset for plain text, or -1 for HTML comments, declarations and the like.
function matchAngle(text: string, at: number, links: KnownLink[], excluded: InlineRange[]): number {
  for (const re of [AUTOLINK_URI, AUTOLINK_EMAIL]) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m !== null) {
      const end = at + m[0].length;
      links.push({ start: at, end, url: re === AUTOLINK_EMAIL ? `mailto:${m[1]}` : m[1], text: m[1] });
      return end;
    }
  }
  HTML_TAG.lastIndex = at;
  const tag = HTML_TAG.exec(text);
  if (tag !== null) {
    excluded.push({ start: at, end: at + tag[0].length });
    return at + tag[0].length;
  }
  const next = text.charAt(at + 1);
  return next === "!" || next === "?" ? -1 : at;
}

// Reads a link destination starting at `from` up to its closing paren. null: no link (remark
// keeps the text); "inexact": a form the scanner does not decode (titles, spaces, entities, empty).
function readDestination(text: string, from: number): { end: number } | null | "inexact" {
  let depth = 0;
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 40) depth++;
    else if (c === 41) {
      if (depth === 0) return k === from ? "inexact" : { end: k + 1 };
      depth--;
    } else if (c <= 32 || c === 38 /* & */ || c === 60 /* < */ || c === 92 /* \ */) return "inexact";
  }
  return "inexact";
}

function bareUrls(text: string, from: number, to: number, out: KnownLink[]): void {
  const segment = text.slice(from, to);
  if (!segment.includes("://")) return;
  BARE_URL.lastIndex = 0;
  for (let m = BARE_URL.exec(segment); m !== null; m = BARE_URL.exec(segment)) {
    const before = m.index > 0 ? segment.charCodeAt(m.index - 1) : 32;
    if (isAsciiAlnum(before)) continue;
    const url = trimUrl(m[0]);
    if (url.length <= url.indexOf("://") + 3) continue;
    out.push({ start: from + m.index, end: from + m.index + url.length, url, text: url });
  }
}

// Drops trailing punctuation and closing brackets that have no opening partner in the URL.
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const c = url.charAt(end - 1);
    if (URL_TRAILING.test(c)) end--;
    else if ((c === ")" || c === "]") && count(url, end, c === ")" ? "(" : "[") < count(url, end, c)) end--;
    else break;
  }
  return url.slice(0, end);
}

function count(s: string, end: number, ch: string): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (s.charAt(i) === ch) n++;
  return n;
}

function runLength(text: string, from: number, code: number): number {
  let i = from;
  while (text.charCodeAt(i) === code) i++;
  return i - from;
}

function findBacktickRun(text: string, from: number, length: number): number {
  for (let i = text.indexOf("`", from); i >= 0; i = text.indexOf("`", i)) {
    const run = runLength(text, i, 96);
    if (run === length) return i;
    i += run;
  }
  return -1;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function toPosition(starts: readonly number[], offset: number, sl: number, sc: number, body: readonly SourceLine[]): { line: number; column: number } {
  let k = starts.length - 1;
  while (k > 0 && starts[k] > offset) k--;
  const column = offset - starts[k] + (k === 0 ? sc : 0) + 1;
  return { line: body[sl + k].line, column };
}

/** True when offset `at` of `line` lies inside an inline code span: an odd number of backticks before it. */
export function insideCodeSpan(line: string, at: number): boolean {
  let ticks = 0;
  for (let index = 0; index < at; index++) if (line.charCodeAt(index) === 0x60) ticks++;
  return ticks % 2 === 1;
}
