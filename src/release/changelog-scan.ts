// A line scanner that splits a changelog at its top-level `#` headings without parsing it, so
// that remark, which is slow and super-linear on long files, only parses the parts needed.
//
// A line starting `#`..`######` plus a space (or nothing) at column 0 is a top-level ATX
// heading unless a top-level fenced code block or HTML block is open: any other open block
// closes there (list items need indentation, quotes `>`, and a heading is never a lazy
// paragraph line). Such a block can only be opened by a line indented at most three spaces
// that starts with a backtick, `~` or `<`. The scanner follows those blocks as micromark does.
// Where it cannot be sure (an opener indented two or three spaces may belong to a list item,
// whose end at a less indented line would end the block too; an HTML tag line may continue a
// paragraph), it proves that both readings agree, or else asks remark which later `#` line is
// a heading, parsing from the last certain one, and takes what lies between as one chunk.
//
// The scan also marks each chunk (the lines from one such heading to the next) that may hold
// another top-level heading (indented `#`, a setext underline) or a link reference definition
// the scan does not read itself: the caller parses those chunks with remark.

import { htmlBlockEnds, htmlStart, type HtmlStart } from "../message/html-flow.js";

/** What the scan found; line indexes are 0-based. */
export interface ChangelogScan {
  /** Offset of each line's first character (after a leading byte order mark on line 0). */
  lineStarts: number[];
  /** The top-level ATX heading lines at column 0, in order. Chunk `i + 1` starts at `splits[i]`. */
  splits: number[];
  /** Per chunk (chunk 0 is what precedes the first split): whether it must be parsed to know its headings and definitions. */
  parseChunk: boolean[];
  /** Link reference definitions read from single lines (`[label]: url`), in the chunks not marked for parsing. */
  definitions: ScannedDefinition[];
}

/** A one-line link reference definition at column 0: `[label]: destination`. */
export interface ScannedDefinition {
  chunk: number;
  line: number;
  label: string;
  url: string;
}

const ATX_COLUMN0 = /^#{1,6}(?:[ \t]|$)/;
const ATX_INDENTED = /^ {1,3}#{1,6}(?:[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const BLANK = /^[ \t]*$/;
/** A line that could open a fenced code or HTML block at the top level. */
const OPENER_LIKE = /^ {0,3}[`~<]/;
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
/**
 * A definition the scan reads itself: a label of more than spaces without brackets, escapes or
 * entities, and a destination without spaces, brackets, parentheses, quotes, escapes or
 * entities, no title. remark gives it `url` as written and `title` null.
 */
const SIMPLE_DEFINITION = /^\[(?![ \t]*\])([^[\]\\&\0\r\n]{1,999})\]:[ \t]*([^\s<>()\\&"'\0-\x1f\x7f]+)[ \t]*$/;

/** Columns of leading whitespace (tabs to the next multiple of 4). */
function indentOf(line: string): number {
  let column = 0;
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index);
    if (code === 32) column++;
    else if (code === 9) column += 4 - (column % 4);
    else break;
  }
  return column;
}

type State =
  | { kind: "none" }
  | { kind: "fence"; closing: RegExp; indent: number }
  /** `untilBlank`: kinds 6 and 7 end before a blank line; the others at their end marker. `paragraph`: maybe no HTML at all, but a paragraph's lines. */
  | { kind: "html"; html: number; indent: number; untilBlank: boolean; paragraph: boolean };

/**
 * Asks remark whether, in `text.slice(start, end)` parsed alone, the last line (`line`, 1-based)
 * is a top-level heading. `start` is where a top-level heading starts, where every block has
 * ended, and a heading line is one whatever follows it, so the answer holds for the whole file.
 */
export type HeadingCheck = (start: number, end: number, line: number) => boolean;

/**
 * Scans `text`. Where it cannot be sure whether a `#` line is a heading, it asks `isHeading`
 * from the last certain heading on, and marks what lies between as a chunk to parse.
 */
export function scanChangelog(text: string, isHeading: HeadingCheck): ChangelogScan {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineStarts: number[] = [];
  const lines: string[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = bom;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    lineStarts.push(start);
    lines.push(text.slice(start, match.index));
    start = match.index + match[0].length;
  }
  if (start < text.length || lines.length === 0) {
    lineStarts.push(start);
    lines.push(text.slice(start));
  }

  const splits: number[] = [];
  const parseChunk: boolean[] = [false];
  const definitions: ScannedDefinition[] = [];
  let state: State = { kind: "none" };
  // The previous line ended every block (blank, heading, end of a code or HTML block): no paragraph is open.
  let boundary = true;
  let previousBlank = true;
  // Definitions read on consecutive lines; kept once the line after them ends them for sure.
  let pending: ScannedDefinition[] = [];
  const chunk = () => splits.length;
  const mark = () => {
    parseChunk[chunk()] = true;
  };
  const settlePending = (confirmed: boolean) => {
    if (pending.length === 0) return;
    if (confirmed) definitions.push(...pending);
    else parseChunk[pending[0].chunk] = true;
    pending = [];
  };

  // Column-0 `#` lines from `from` on, and remark's verdict on them, to resume after a doubt.
  const resync = (from: number): number | null => {
    const first = splits.length > 0 ? splits[splits.length - 1] : 0;
    const candidates: number[] = [];
    let line = from;
    // Tries the 1st, 2nd, 3rd, 5th, 9th, ... candidate, then the last: a fenced block that hides
    // headings costs a few parses, not one per hidden heading.
    for (let wanted = 0; ; wanted = wanted < 2 ? wanted + 1 : wanted * 2) {
      while (candidates.length <= wanted && line < lines.length) {
        if (ATX_COLUMN0.test(lines[line])) candidates.push(line);
        line++;
      }
      const candidate = candidates[Math.min(wanted, candidates.length - 1)];
      if (candidate === undefined) return null;
      const end = candidate + 1 < lineStarts.length ? lineStarts[candidate + 1] : text.length;
      if (isHeading(lineStarts[first], end, candidate - first + 1)) return candidate;
      if (wanted >= candidates.length - 1) return null;
    }
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const blank = BLANK.test(line);
    let unsure = false;
    if (pending.length > 0 && !SIMPLE_DEFINITION.test(line)) settlePending(blank || (state.kind === "none" && ATX_COLUMN0.test(line)));

    if (state.kind === "fence") {
      const indent = blank ? 0 : indentOf(line);
      const mayBeInList = state.indent >= 2;
      if (mayBeInList && !blank && indent < state.indent) unsure = true;
      if (mayBeInList && line.includes("]:")) mark();
      const closing = state.closing.test(line);
      // Inside a list item, a closing fence may be indented up to three spaces past the item's content.
      if (closing && mayBeInList && indent > 3 && indent <= state.indent + 3) unsure = true;
      if (!unsure && closing && indent <= 3) {
        state = { kind: "none" };
        boundary = true;
        previousBlank = false;
        continue;
      }
      if (!unsure) {
        previousBlank = blank;
        continue;
      }
    }

    if (state.kind === "html") {
      const indent = blank ? 0 : indentOf(line);
      const mayBeInList = state.indent >= 2;
      if (mayBeInList && !blank && indent < state.indent) unsure = true;
      if ((mayBeInList || state.paragraph) && line.includes("]:")) mark();
      if (state.paragraph && !blank) {
        // Read as a paragraph, this line could open a block or be a heading that HTML would hide.
        if (OPENER_LIKE.test(line) || ATX_COLUMN0.test(line)) unsure = true;
        if (ATX_INDENTED.test(line) || (SETEXT_UNDERLINE.test(line) && !previousBlank)) mark();
      }
    }
    if (unsure) {
      // Let remark find the next heading at column 0 that really is one, parsing from the last
      // certain heading; what lies between is one chunk, parsed.
      mark();
      pending = [];
      const next = resync(index);
      if (next === null) break;
      splits.push(next);
      parseChunk.push(false);
      state = { kind: "none" };
      boundary = true;
      previousBlank = false;
      index = next;
      continue;
    }

    if (state.kind === "html") {
      if (state.untilBlank) {
        if (blank) {
          state = { kind: "none" };
          boundary = true;
          previousBlank = true;
        } else previousBlank = false;
        continue;
      }
      if (htmlBlockEnds(state.html, line)) {
        state = { kind: "none" };
        boundary = true;
      }
      previousBlank = blank;
      continue;
    }

    if (blank) {
      boundary = true;
      previousBlank = true;
      continue;
    }
    if (ATX_COLUMN0.test(line)) {
      splits.push(index);
      parseChunk.push(false);
      boundary = true;
      previousBlank = false;
      continue;
    }

    const simple = SIMPLE_DEFINITION.exec(line);
    if (simple && (boundary || pending.length > 0)) {
      pending.push({ chunk: chunk(), line: index, label: simple[1], url: simple[2] });
      boundary = false;
      previousBlank = false;
      continue;
    }
    if (line.includes("]:")) mark();

    if (OPENER_LIKE.test(line)) {
      const indent = indentOf(line);
      const fence = FENCE_OPEN.exec(line);
      if (fence && !(fence[2][0] === "`" && fence[3].includes("`"))) {
        const closing = new RegExp(`^[ \\t]*${fence[2][0]}{${fence[2].length},}[ \\t]*$`);
        state = { kind: "fence", closing, indent };
        boundary = false;
        previousBlank = false;
        continue;
      }
      const rest: string = line.slice(indent);
      const html: HtmlStart | null = rest.startsWith("<") ? htmlStart(rest) : null;
      if (html) {
        if (html.kind <= 5) {
          if (html.closed) {
            boundary = true;
            previousBlank = false;
            continue;
          }
          state = { kind: "html", html: html.kind, indent, untilBlank: false, paragraph: false };
        } else {
          // Kind 7 cannot interrupt a paragraph: after a line that may be one, it may be text.
          state = { kind: "html", html: html.kind, indent, untilBlank: true, paragraph: html.kind === 7 && !boundary };
        }
        boundary = false;
        previousBlank = false;
        continue;
      }
    }

    if (ATX_INDENTED.test(line) || (SETEXT_UNDERLINE.test(line) && !previousBlank)) mark();
    boundary = false;
    previousBlank = false;
  }
  settlePending(true);
  return { lineStarts, splits, parseChunk, definitions };
}
