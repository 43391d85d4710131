// Finds sentences in prose: the part before a position, the rest after it, and clauses that open one.

/** The rest of a sentence from a position: up to its end mark or a blank line. */
export const SENTENCE_REST = /^[^.!?\n]*(?:\n(?![ \t]*\n)[^.!?\n]*)*/;

/** How far back a sentence's start is looked for: its opening clause is what matters. */
const SENTENCE_WINDOW = 300;

/**
 * The part of the sentence in `text` that ends at `end` (at most SENTENCE_WINDOW characters
 * of it), found by scanning back to the last sentence end or blank line.
 */
export function sentenceBefore(text: string, end: number): string {
  const limit = Math.max(0, end - SENTENCE_WINDOW);
  for (let at = end - 1; at >= limit; at--) {
    const code = text.charCodeAt(at);
    if ((code === 0x2e || code === 0x21 || code === 0x3f) && /\s/.test(text.charAt(at + 1))) return text.slice(at + 1, end);
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
 * Where a sentence opens: the text's start, after a sentence mark or a blank line, or a list
 * item's marker. Of a run of blank lines only the last is read on to the sentence: from each
 * of them, the run would be read to its end, a cost that grows with the square of its length.
 */
export const SENTENCE_OPENING = String.raw`(?:^|[.!?]\s+|\n[ \t]*\n(?![ \t]*\n)\s*|(?:^|\n)[ \t]*(?:[-*+•]|\d+[.)])[ \t]*)`;

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
