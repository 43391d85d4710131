// How wide text shows in a monospace grid (a terminal, a code block): carets under a span.
// Columns count UTF-16 units, but a terminal gives CJK and emoji two cells and combining marks
// none, so the caret line is built from display widths to stay under the span.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]|\p{Emoji_Presentation}/u;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200b-\u200f\ufe00-\ufe0f]/u;

/** Emoji presentation selector: "♻" + VS16 is the emoji "♻️", shown two cells wide. */
const VS16 = "\ufe0f";

/**
 * Cells of each character of `text`: 2 for wide characters, 0 for combining marks, 1 otherwise;
 * a narrow character made an emoji by VS16 ("♻️", "⚠️", as gitmoji write them) takes 2, as
 * Unicode asks of emoji presentation sequences and terminals draw them.
 */
function* cells(text: string): Generator<[string, number]> {
  let previous = 0;
  for (const char of text) {
    const width = char === VS16 && previous === 1 ? 1 : ZERO_WIDTH.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
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

/** `text` as blanks of the same display width, tabs kept so what follows lines up as in the text line. */
export function blankOut(text: string): string {
  let out = "";
  for (const [char, cellCount] of cells(text)) out += char === "\t" ? "\t" : " ".repeat(cellCount);
  return out;
}
