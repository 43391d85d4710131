// Finds sentences in prose: the part before a position, the rest after it, and clauses that open one.

/**
 * The words whose "." ends no sentence ("e.g.", "i.e.", "etc.", "vs.", "cf."): a reader goes on
 * past them, and a question mark after one is the sentence's own. "etc." does end a sentence now
 * and then; reading on past it costs less than cutting a sentence at every "e.g.".
 */
const ABBREVIATIONS = String.raw`(?:^|[^\w.])(?:[Ee]\.[Gg]|[Ii]\.[Ee]|etc|vs|cf)`;
/** An abbreviation (ABBREVIATIONS) as the text right before its "." ends. */
const ABBREVIATION_BEFORE = new RegExp(`${ABBREVIATIONS}$`);
/** How far back ABBREVIATION_BEFORE reads: its longest word and the character before it. */
const ABBREVIATION_REACH = 4;

/** Whether `code` is a sentence mark: ".", "!" or "?". */
function isMark(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f;
}

/** Whether `code` closes a quote or a bracket a sentence may end inside: `"`, `'`, `)`, `]`, "”", "’". */
function isCloser(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0x29 || code === 0x5d || code === 0x201d || code === 0x2019;
}

/** Whether `code` is white space as `\s` reads it in prose: a blank or a line break. */
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x0c || code === 0xa0;
}

/**
 * Whether the sentence mark at `at` of `text` ends its sentence: the marks that follow it, then
 * closing quotes or brackets, are followed by white space or the text's end; and a "." is not an
 * abbreviation's (ABBREVIATION_BEFORE), except an "etc." that a capital follows. A mark inside a
 * token ends nothing: the "?" of "https://host/x?id=3", the "." of a version ("1.2") or a file
 * name ("setup.py"); nor does one inside quotes or brackets that a lower-case word follows.
 */
export function endsSentenceAt(text: string, at: number): boolean {
  let next = at + 1;
  while (next < text.length && isMark(text.charCodeAt(next))) next++;
  const closers = next;
  while (next < text.length && isCloser(text.charCodeAt(next))) next++;
  if (next < text.length && !isSpace(text.charCodeAt(next))) return false;
  // A quoted or bracketed mark the sentence goes on after: '"Huh?" is removed', "(sic!) and".
  if (next > closers && isLowerAfterSpace(text, next)) return false;
  if (text.charCodeAt(at) !== 0x2e || !ABBREVIATION_BEFORE.test(text.slice(Math.max(0, at - ABBREVIATION_REACH), at))) return true;
  // "etc." ends the sentence when a capital opens the next ("… the commit view etc. This patch …").
  return text.slice(at - 3, at) === "etc" && isUpperAfterSpace(text, next);
}

/** The code of the first character after the white space at `from` of `text` (NaN at its end). */
function codeAfterSpace(text: string, from: number): number {
  let next = from;
  while (next < text.length && isSpace(text.charCodeAt(next))) next++;
  return text.charCodeAt(next);
}

/** Whether the first character after the white space at `from` of `text` is an ASCII lower-case letter. */
function isLowerAfterSpace(text: string, from: number): boolean {
  const code = codeAfterSpace(text, from);
  return code >= 0x61 && code <= 0x7a;
}

/** Whether the first character after the white space at `from` of `text` is an ASCII capital. */
function isUpperAfterSpace(text: string, from: number): boolean {
  const code = codeAfterSpace(text, from);
  return code >= 0x41 && code <= 0x5a;
}

/** Whether the line break at `at` of `text` starts a blank line: only blanks up to the next break. */
function startsBlankLine(text: string, at: number): boolean {
  let next = at + 1;
  while (text.charCodeAt(next) === 0x20 || text.charCodeAt(next) === 0x09) next++;
  return text.charCodeAt(next) === 0x0a;
}

/** How far an aside in parentheses may run: one longer is more likely a "(" never closed. */
const ASIDE_REACH = 200;

/**
 * Where the aside in parentheses or the code span that opens at `at` of `text` closes, or -1: a
 * ")" before the next "(" or blank line (and within ASIDE_REACH), a "`" on the same line. Marks
 * inside ask or end nothing of the sentence around them: "(why?)", "(e.g. a tag)", "`a ?? b`".
 */
function asideEnd(text: string, at: number, limit: number): number {
  const code = text.charCodeAt(at);
  const end = Math.min(limit, at + ASIDE_REACH);
  for (let next = at + 1; next < end; next++) {
    const inner = text.charCodeAt(next);
    if (code === 0x60) {
      if (inner === 0x60) return next;
      if (inner === 0x0a) return -1;
    } else if (inner === 0x29) return next;
    else if (inner === 0x28 || (inner === 0x0a && startsBlankLine(text, next))) return -1;
  }
  return -1;
}

/**
 * The rest of the sentence in `text` from `from` (at most `window` characters of it): up to the
 * mark that ends it (endsSentenceAt) or a blank line. An aside in parentheses and a code span are
 * read over whole. The readings that ask for a sentence's rest ask here, so that a "?" in a URL
 * or an "e.g." ends a sentence for none of them; patterns that write their own "[.!?]\s+" (see
 * docs/judgement.md) do not.
 */
export function sentenceRest(text: string, from: number, window: number): string {
  const limit = Math.min(text.length, from + window);
  for (let at = from; at < limit; at++) {
    const code = text.charCodeAt(at);
    // Most characters are none of the five this asks about: one range test passes them all.
    if (code > 0x60 || (code > 0x3f && code < 0x60) || code < 0x0a) continue;
    if (code === 0x0a) {
      if (startsBlankLine(text, at)) return text.slice(from, at);
    } else if (code === 0x28 || code === 0x60) {
      const close = asideEnd(text, at, limit);
      if (close >= 0) at = close;
    } else if (isMark(code) && endsSentenceAt(text, at)) return text.slice(from, at);
  }
  return text.slice(from, limit);
}

/** CLAUSE_REST's pattern: up to the first mark of any kind, or the line break that starts a blank line. */
const CLAUSE_REST = /^[^.!?\n]*(?:\n(?![ \t]*\n)[^.!?\n]*)*/;

/**
 * The text of `text` from `from` (at most `window` characters of it) up to its first ".", "!"
 * or "?" of any kind, or a blank line: the short window the readings of new behaviour
 * (behaviour.ts) search for a problem or an old way after their match. It stops where
 * sentenceRest reads on (a file name's ".", a version, an aside): those readings were measured
 * with this window, and over the whole sentence they turn down descriptions whose sentence goes on
 * to the problem ("we have to use git-archive.exe as the target, otherwise … does not compile").
 */
export function clauseRest(text: string, from: number, window: number): string {
  return CLAUSE_REST.exec(text.slice(from, from + window))![0];
}

/**
 * sentenceRest for a reading that a statement makes: null when the sentence is a question (the
 * marks that end it hold a "?": "Is this by design?", "Really?!").
 */
export function statementRest(text: string, from: number, window: number): string | null {
  const rest = sentenceRest(text, from, window);
  for (let at = from + rest.length; at < text.length && isMark(text.charCodeAt(at)); at++) {
    if (text.charCodeAt(at) === 0x3f) return null;
  }
  return rest;
}

/** How far back a sentence's start is looked for: its opening clause is what matters. */
const SENTENCE_WINDOW = 300;

/**
 * The part of the sentence in `text` that ends at `end` (at most SENTENCE_WINDOW characters
 * of it), found by scanning back to the last mark that ends a sentence (endsSentenceAt) or blank
 * line. An aside in parentheses inside the sentence is read over whole, as sentenceRest reads it;
 * one that opens a sentence ("(Is it needed?) Drop it.") is not an aside, and its mark ends it.
 */
export function sentenceBefore(text: string, end: number): string {
  const limit = Math.max(0, end - SENTENCE_WINDOW);
  for (let at = end - 1; at >= limit; at--) {
    const code = text.charCodeAt(at);
    if (isMark(code) && endsSentenceAt(text, at)) {
      let start = at + 1;
      while (start < end && (isMark(text.charCodeAt(start)) || isCloser(text.charCodeAt(start)))) start++;
      return text.slice(start, end);
    }
    if (code === 0x29) {
      const open = asideStart(text, at, limit);
      if (open >= 0) at = open;
      continue;
    }
    if (code === 0x60) {
      const open = text.lastIndexOf("`", at - 1);
      if (open >= limit && !text.slice(open, at).includes("\n")) at = open;
      continue;
    }
    // A blank line: "\n", blanks, "\n".
    if (code === 0x0a) {
      let back = at - 1;
      while (back >= limit && (text.charCodeAt(back) === 0x20 || text.charCodeAt(back) === 0x09)) back--;
      if (back >= limit && text.charCodeAt(back) === 0x0a) return text.slice(at + 1, end);
    }
  }
  return text.slice(limit, end);
}

/**
 * Where the aside that closes with the ")" at `close` of `text` opens, or -1: the "(" before it
 * (within ASIDE_REACH and no blank line or other ")" between) when a word of its sentence comes
 * before that "(". A "(" that opens the text, a paragraph or a sentence opens no aside.
 */
function asideStart(text: string, close: number, limit: number): number {
  const reach = Math.max(limit, close - ASIDE_REACH);
  let open = close - 1;
  for (; open >= reach; open--) {
    const code = text.charCodeAt(open);
    if (code === 0x28) break;
    if (code === 0x29 || (code === 0x0a && open > 0 && text.charCodeAt(open - 1) === 0x0a)) return -1;
  }
  if (open < reach) return -1;
  let back = open - 1;
  while (back >= 0 && (text.charCodeAt(back) === 0x20 || text.charCodeAt(back) === 0x09)) back--;
  if (back < 0) return -1;
  const before = text.charCodeAt(back);
  if (before === 0x0a) {
    let line = back - 1;
    while (line >= 0 && (text.charCodeAt(line) === 0x20 || text.charCodeAt(line) === 0x09)) line--;
    if (line < 0 || text.charCodeAt(line) === 0x0a) return -1;
    return open;
  }
  return isMark(before) && endsSentenceAt(text, back) ? -1 : open;
}

/**
 * Where a sentence opens: the text's start, after a mark that ends a sentence (followed by white
 * space, closing quotes or a "]" between at most, and no abbreviation's "." as endsSentenceAt
 * reads it) or a blank line, or a list item's marker. A ")" after the mark is left out: the
 * pattern cannot tell an aside's "(why?)" from a sentence in parentheses. Of a run of blank lines only the last is read on to the sentence: from each
 * of them, the run would be read to its end, a cost that grows with the square of its length.
 */
export const SENTENCE_OPENING = String.raw`(?:^|[.!?](?=["'\u201d\u2019\]]*\s)(?:(?<!${ABBREVIATIONS}\.)|(?<=(?:^|[^\w.])etc\.)(?=\s+[A-Z]))(?:["'\u201d\u2019\]]+\s+(?![\sa-z])|\s+)|\n[ \t]*\n(?![ \t]*\n)\s*|(?:^|\n)[ \t]*(?:[-*+•]|\d+[.)])[ \t]*)`;

/** Where an opening clause ends: its first clause mark, or the line break that starts a blank line. */
const CLAUSE_STOP = /[,.;:!?]|\n(?=[ \t]*\n)/g;

/**
 * Each sentence of `text` that opens on `opener` (a global pattern) and goes on, past a clause
 * with no clause mark and no blank line in it, to a comma where `order` (a sticky pattern)
 * matches; found as one pattern of the three would find them, left to right and not
 * overlapping. The clause's end is looked for once for all openers before it: a list of
 * "- When …" items with no comma would otherwise be read to its end once per item, a cost
 * that grows with the square of its length.
 */
export function* openingClauses(text: string, opener: RegExp, order: RegExp): Generator<{ opener: RegExpExecArray; clause: string; order: RegExpExecArray }> {
  let stop = -1;
  opener.lastIndex = 0;
  for (let open = opener.exec(text); open !== null; open = opener.exec(text)) {
    const from = open.index + open[0].length;
    if (stop < from) {
      CLAUSE_STOP.lastIndex = from;
      stop = CLAUSE_STOP.exec(text)?.index ?? text.length;
    }
    order.lastIndex = stop;
    const then = text.charCodeAt(stop) === 0x2c ? order.exec(text) : null;
    if (then === null) {
      opener.lastIndex = open.index + 1;
      continue;
    }
    opener.lastIndex = then.index + then[0].length;
    yield { opener: open, clause: text.slice(from, stop), order: then };
  }
}

let lastText = "";
let lastLowered = "";

/**
 * `text` in lower case, for guards that ask whether a word a pattern needs is there at all
 * (the patterns ignore case). The last text is kept: the readings of one body share it.
 */
export function lowered(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLowered = text.toLowerCase();
  }
  return lastLowered;
}
