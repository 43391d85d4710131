// How wide text shows in a monospace grid (a terminal, a code block): carets under a span.
// Columns count UTF-16 units, but a terminal gives CJK and emoji two cells and combining marks
// none, so the caret line is built from display widths to stay under the span.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]|\p{Emoji_Presentation}/u;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200b-\u200f\ufe00-\ufe0f]/u;

/** Emoji presentation selector: "♻" + VS16 is the emoji "♻️", shown two cells wide. */
const VS16 = "\ufe0f";
/** Zero-width joiner: "👩" ZWJ "💻" is one emoji, "👩‍💻". */
const ZWJ = "\u200d";
const SKIN_TONE = /\p{Emoji_Modifier}/u;
const REGIONAL_INDICATOR = /\p{Regional_Indicator}/u;

/**
 * Cells of each character of `text`: 2 for wide characters, 0 for combining marks, 1 otherwise;
 * a narrow character made an emoji by VS16 ("♻️", "⚠️", as gitmoji write them) takes 2, as
 * Unicode asks of emoji presentation sequences and terminals draw them. An emoji joined to the
 * one before by ZWJ ("👩‍💻"), a skin tone after an emoji ("👍🏽") and the second letter of a flag
 * ("🇫🇷") add nothing: each sequence is one emoji, drawn two cells wide.
 */
function* cells(text: string): Generator<[string, number]> {
  let previous = 0;
  // Whether the last character that took cells began an emoji, and a ZWJ has followed it.
  let emoji = false;
  let joined = false;
  let flagOpen = false;
  for (const char of text) {
    const regional = REGIONAL_INDICATOR.test(char);
    let width: number;
    if (char === VS16 && previous === 1) width = 1;
    else if ((joined || SKIN_TONE.test(char)) && emoji && WIDE.test(char)) width = 0;
    else if (regional) width = flagOpen ? 0 : 2;
    else width = ZERO_WIDTH.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
    flagOpen = regional && !flagOpen;
    joined = char === ZWJ;
    if (char === VS16) emoji ||= previous === 1;
    else if (width > 0) emoji = width === 2;
    previous = char === VS16 ? 0 : width;
    yield [char, width];
  }
}

/** Terminal cells `text` takes: 2 for wide characters and emoji, 0 for combining marks, 1 otherwise. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const [, cellCount] of cells(text)) width += cellCount;
  return width;
}

/**
 * Where each character of `text` starts (a UTF-16 index, counted from `base`: `text` may be a
 * slice starting there) and the cells it takes where it stands: the widths `displayWidth` adds
 * up, so a VS16, a ZWJ or a flag's second letter counts as there and not as alone.
 */
export function charCells(text: string, base = 0): { index: number; width: number }[] {
  const out: { index: number; width: number }[] = [];
  let index = base;
  for (const [char, width] of cells(text)) {
    out.push({ index, width });
    index += char.length;
  }
  return out;
}

/** `text` as blanks of the same display width, tabs kept so what follows lines up as in the text line. */
export function blankOut(text: string): string {
  let out = "";
  for (const [char, cellCount] of cells(text)) out += char === "\t" ? "\t" : " ".repeat(cellCount);
  return out;
}
