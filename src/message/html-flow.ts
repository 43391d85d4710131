// CommonMark's HTML blocks as micromark's htmlFlow reads them: which of the seven kinds a line starts, and where each ends.

/** micromark's block tag names (HTML block condition 6) and raw names (condition 1). */
const BLOCK_NAMES = new Set(
  "address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul".split(
    " ",
  ),
);
const RAW_NAMES = new Set(["pre", "script", "style", "textarea"]);

/** The start of an HTML block. */
export interface HtmlStart {
  /**
   * CommonMark's start condition: 1 raw (`<pre`, `<script`, `<style`, `<textarea`), 2 comment,
   * 3 processing instruction, 4 declaration, 5 CDATA, 6 a block tag name, 7 any complete tag
   * alone on its line. Kinds 1-5 end at their end marker, 6 and 7 before a blank line; kind 7
   * cannot interrupt a paragraph.
   */
  kind: number;
  /** For kinds 1-5: whether the end marker follows on the start line itself. */
  closed: boolean;
}

const isAlpha = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isDigit = (code: number) => code >= 48 && code <= 57;
const isSpace = (code: number) => code === 32 || code === 9;

/**
 * Classifies `rest` (a line from its `<`, indented at most three columns) as the start of an
 * HTML block, following micromark's htmlFlow; null when it starts none.
 */
export function htmlStart(rest: string): HtmlStart | null {
  let at = 1;
  const code = (index: number) => (index < rest.length ? rest.charCodeAt(index) : -1);
  if (code(at) === 33 /* ! */) {
    if (code(2) === 45 /* - */) return code(3) === 45 ? { kind: 2, closed: endsAt(2, rest, 4, DECLARATION_INSIDE) } : null;
    if (rest.startsWith("[CDATA[", 2)) return { kind: 5, closed: endsAt(5, rest, 9, CONTINUATION) };
    if (isAlpha(code(2))) return { kind: 4, closed: endsAt(4, rest, 3, CONTINUATION) };
    return null;
  }
  if (code(at) === 63 /* ? */) return { kind: 3, closed: endsAt(3, rest, 2, DECLARATION_INSIDE) };
  let closing = false;
  if (code(at) === 47 /* / */) {
    closing = true;
    at++;
  }
  if (!isAlpha(code(at))) return null;
  const nameStart = at;
  while (isAlpha(code(at)) || isDigit(code(at)) || code(at) === 45) at++;
  const after = code(at);
  if (!(after === -1 || after === 47 || after === 62 || isSpace(after))) return null;
  const name = rest.slice(nameStart, at).toLowerCase();
  if (after !== 47 && !closing && RAW_NAMES.has(name)) return { kind: 1, closed: endsAt(1, rest, at, CONTINUATION) };
  if (BLOCK_NAMES.has(name)) {
    if (after === 47) return code(at + 1) === 62 ? { kind: 6, closed: false } : null;
    return { kind: 6, closed: false };
  }
  return completeTag(rest, at, closing) ? { kind: 7, closed: false } : null;
}

/** Whether a line inside an open HTML block of kind 1-5 holds its end marker. */
export function htmlBlockEnds(kind: number, line: string): boolean {
  return endsAt(kind, line, 0, CONTINUATION);
}

// States of micromark's htmlFlow continuation.
const CONTINUATION = 0;
const COMMENT_INSIDE = 1;
const DECLARATION_INSIDE = 2;
const RAW_TAG_OPEN = 3;
const RAW_END_TAG = 4;
const CDATA_INSIDE = 5;

/**
 * Runs micromark's continuation states over `line` from `from` in `state`: whether a kind 1-5
 * end marker closes the block there. Not a plain substring search: "]]]>" ends no CDATA
 * (micromark drops back after a third "]"), and "<!-->" is a whole comment.
 */
function endsAt(kind: number, line: string, from: number, state: number): boolean {
  let name = "";
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    switch (state) {
      case COMMENT_INSIDE:
        if (c === 45) {
          state = DECLARATION_INSIDE;
          continue;
        }
        break;
      case DECLARATION_INSIDE:
        if (c === 62) return true;
        if (c === 45 && kind === 2) continue;
        break;
      case RAW_TAG_OPEN:
        if (c === 47) {
          name = "";
          state = RAW_END_TAG;
          continue;
        }
        break;
      case RAW_END_TAG:
        if (c === 62 && RAW_NAMES.has(name.toLowerCase())) return true;
        if (c !== 62 && isAlpha(c) && name.length < 8) {
          name += line.charAt(i);
          continue;
        }
        break;
      case CDATA_INSIDE:
        if (c === 93) {
          state = DECLARATION_INSIDE;
          continue;
        }
        break;
    }
    // The continuation state itself, which the states above fall back to with the same character.
    state = CONTINUATION;
    if (c === 45 && kind === 2) state = COMMENT_INSIDE;
    else if (c === 60 && kind === 1) state = RAW_TAG_OPEN;
    else if (c === 62 && kind === 4) return true;
    else if (c === 63 && kind === 3) state = DECLARATION_INSIDE;
    else if (c === 93 && kind === 5) state = CDATA_INSIDE;
  }
  return false;
}

/** Whether the rest of the line from `at` completes a tag alone on its line (HTML block condition 7). */
function completeTag(rest: string, at: number, closing: boolean): boolean {
  const code = (index: number) => (index < rest.length ? rest.charCodeAt(index) : -1);
  const end = (index: number): boolean => {
    if (code(index) !== 62) return false;
    index++;
    while (isSpace(code(index))) index++;
    return index >= rest.length;
  };
  if (closing) {
    while (isSpace(code(at))) at++;
    return end(at);
  }
  // States of micromark's completeAttribute* functions.
  let state: "nameBefore" | "name" | "nameAfter" | "valueBefore" | "quoted" | "unquoted" | "quotedAfter" = "nameBefore";
  let quote = 0;
  for (;;) {
    const c = code(at);
    switch (state) {
      case "nameBefore":
        if (c === 47) return end(at + 1);
        if (c === 58 || c === 95 || isAlpha(c)) {
          state = "name";
          at++;
        } else if (isSpace(c)) at++;
        else return end(at);
        break;
      case "name":
        if (c === 45 || c === 46 || c === 58 || c === 95 || isAlpha(c) || isDigit(c)) at++;
        else state = "nameAfter";
        break;
      case "nameAfter":
        if (c === 61) {
          state = "valueBefore";
          at++;
        } else if (isSpace(c)) at++;
        else state = "nameBefore";
        break;
      case "valueBefore":
        if (c === -1 || c === 60 || c === 61 || c === 62 || c === 96) return false;
        if (c === 34 || c === 39) {
          quote = c;
          state = "quoted";
          at++;
        } else if (isSpace(c)) at++;
        else state = "unquoted";
        break;
      case "quoted":
        if (c === -1) return false;
        if (c === quote) state = "quotedAfter";
        at++;
        break;
      case "unquoted":
        if (c === -1 || c === 34 || c === 39 || c === 47 || c === 60 || c === 61 || c === 62 || c === 96 || isSpace(c)) state = "nameAfter";
        else at++;
        break;
      case "quotedAfter":
        if (c === 47 || c === 62 || isSpace(c)) state = "nameBefore";
        else return false;
        break;
    }
  }
}
