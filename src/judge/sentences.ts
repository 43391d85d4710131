// Finds the sentence around a position in prose: the part of it before, and the rest of it after.

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
