// Fast line scanner for commit bodies: the CommonMark block subset commit messages use, same Block shape as remark.
import type { Block, Link, SourceLine } from "../types.js";
import { htmlBlockEnds, htmlStart } from "./html-flow.js";
import { findLinks, scanInline } from "./inline.js";

/**
 * True when `bodyText` uses Markdown the fast scanner does not reproduce exactly (setext
 * headings, link definitions, escapes, tabs, empty list items, ...), so
 * remark-parse should build its blocks. Runs a few regular expressions and, when they pass,
 * the scanner itself; cost is linear in the body.
 */
export function needsMarkdownParser(bodyText: string): boolean {
  if (bodyText === "") return false;
  if (UNSUPPORTED_TEXT.test(bodyText)) return true;
  const lines = bodyText.split("\n");
  const result = scan(lines);
  return !result.exact || !inlineExact(result.nodes, lines);
}

function inlineExact(nodes: readonly Node[], texts: readonly string[]): boolean {
  for (const node of nodes) {
    if (node.type === "paragraph" || node.type === "heading") {
      const text = inlineSource(node, sliceLines(texts, node.sl, node.sc, node.el, node.ec));
      if ((text.includes("](") || text.includes("<")) && !scanInline(text).exact) return false;
    } else if (node.children !== undefined && !inlineExact(node.children, texts)) return false;
  }
  return true;
}

// Backslash escapes and hard breaks,
// trailing whitespace (hard breaks), images, link reference definitions.
const UNSUPPORTED_TEXT = /\\[!-/:-@[-`{-~]|\\$|[ \t]$|!\[|^ {0,3}\[[^\]\n]*\]:/m;

/**
 * The scanner's blocks, without their links, when their types and line ranges are exactly
 * remark-parse's (see ScanResult.outlineExact); otherwise null. Looser than
 * `scanBlocks().exact`, which also asks that the blocks' text and links be remark's: backslash
 * escapes, hard breaks, trailing blanks, images and links the inline scanner does not
 * reproduce (UNSUPPORTED_TEXT, inlineExact) change what a block says, never where it starts or
 * ends, because CommonMark reads the block structure before any inline content and reads a
 * backslash there as a plain character (the one place it counts, a fence's info string, the
 * scanner refuses itself).
 */
export function scanOutline(body: readonly SourceLine[]): Block[] | null {
  if (body.length === 0) return [];
  const texts = body.map((l) => l.text);
  const result = scan(texts);
  if (!result.outlineExact) return null;
  splitSetextHeadings(result.nodes);
  return toBlocks(result.nodes, texts, body, null);
}

/**
 * Replaces each paragraph with a setext underline by remark's reading of it: a heading up to
 * the underline, then a paragraph of the lines after it. (scanBlocks keeps the one paragraph
 * it has always given; remark's blocks replace it whenever remark is loaded.)
 */
function splitSetextHeadings(nodes: Node[]): void {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index];
    if (node.children !== undefined) splitSetextHeadings(node.children);
    const underline = node.underline;
    if (underline === undefined) continue;
    const heading: Node = { type: "heading", depth: underline.depth, sl: node.sl, sc: node.sc, el: underline.line, ec: underline.end, open: false };
    if (underline.next === undefined) nodes[index] = heading;
    else nodes.splice(index++, 1, heading, { type: "paragraph", sl: underline.line + 1, sc: underline.next, el: node.el, ec: node.ec, open: false });
  }
}

/** Blocks of the body by the fast scanner; best effort when `needsMarkdownParser()` is true. */
export function blocksFromScanner(body: readonly SourceLine[]): Block[] {
  return scanBlocks(body).blocks;
}

/**
 * The scanner's blocks and whether they are exactly what remark-parse would give (the
 * `needsMarkdownParser()` answer, negated), from one pass over the body.
 */
export function scanBlocks(body: readonly SourceLine[]): { blocks: Block[]; exact: boolean; deep: boolean } {
  if (body.length === 0) return { blocks: [], exact: true, deep: false };
  const texts = body.map((l) => l.text);
  const result = scan(texts);
  const inline = { exact: true };
  const blocks = toBlocks(result.nodes, texts, body, inline);
  const exact = result.exact && inline.exact && !UNSUPPORTED_TEXT.test(texts.join("\n"));
  return { blocks, exact, deep: result.deep };
}

/** A block under construction; positions are 0-based line index and column in the body. */
interface Node {
  type: Block["type"];
  sl: number;
  sc: number;
  el: number;
  ec: number;
  open: boolean;
  children?: Node[];
  ordered?: boolean;
  /** List marker: the bullet char, or the ordered delimiter. */
  marker?: string;
  /**
   * List item: the column its content starts at, counted from where its container's content
   * starts (after a quote's `>` and the space after it, which one line may have and the next not).
   */
  indent?: number;
  depth?: number;
  lang?: string;
  fence?: { char: string; length: number };
  /**
   * A paragraph whose lines up to `line` remark reads as a setext heading of `depth` (1 for
   * "===", 2 for "---"), the underline ending at column `end`; the scanner's paragraph goes on
   * after it, where remark starts another paragraph at column `next` of the following line.
   */
  underline?: { depth: number; line: number; end: number; next?: number };
  /**
   * Indented code started by a line that closed a list item (indented 4 or more, less than the
   * item's content column): micromark ends it after that line, CommonMark and the scanner do not.
   */
  closedItem?: boolean;
  /** An HTML block: its CommonMark kind, 1-7 (see HtmlStart). */
  html?: number;
  /**
   * List item: where micromark ends its list if it is the last item (see `settle` in scan); the
   * item itself ends with its last child.
   */
  exit?: { el: number; ec: number };
  /**
   * Paragraph: its lines after the first whose containers' prefix holds a quote's `>`, each
   * with the column its content starts at. The inline scanner reads them blanked, as remark
   * reads the paragraph without its prefixes.
   */
  prefixes?: Array<[line: number, end: number]>;
}

interface ScanResult {
  nodes: Node[];
  /** Whether list items nested deeper than MAX_LIST_NESTING were left unopened. */
  deep: boolean;
  /** Whether the blocks are remark-parse's, text and all (before the inline checks). */
  exact: boolean;
  /**
   * Whether the blocks' types and line ranges are remark-parse's once splitSetextHeadings has
   * run: as `exact`, except that a setext underline or a link reference definition counts as
   * read right where nothing after it reads differently, and a line indented as code that ends
   * a list item ("1.   a", a blank line, "    b") as read wrong. remark makes a definition of a
   * line the scanner starts a paragraph with; a blank line (or the body's end) after it ends
   * both. After an underline remark has no paragraph open where the scanner's goes on: the
   * two agree on the next line unless it is indented code, a list marker, a lone HTML tag or a
   * definition, which only remark could start there. An item's content starts after its
   * marker and 1 to 4 spaces, so "1.   a" puts it at column 5; a line indented by 4 up to that
   * column closes the item and starts indented code, which micromark ends after that first
   * line where CommonMark (and the scanner) go on. `exact` counts it once the code goes on
   * (Node.closedItem); a code line alone reads the same.
   */
  outlineExact: boolean;
}

const ATX = /^#{1,6}(?:[ \t]|$)/;
const BULLET = /^[-+*](?:[ \t]|$)/;
const ORDERED = /^(\d{1,9})([.)])(?:[ \t]|$)/;
const FENCE = /^(`{3,}|~{3,})(.*)$/;
const THEMATIC = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT = /^(?:=+|-+)[ \t]*$/;

/**
 * List items and block quotes nested deeper than this are not opened; their markers are read as
 * text, and remark is not asked (parse.ts), whose time grows much faster than the nesting (250
 * items nested by indentation, 63 kB, took it 1.3 s; 1,000, 57 s; 100 kB of "> ", 11 s).
 */
const MAX_NESTING = 32;

function scan(lines: readonly string[]): ScanResult {
  const doc: Node = { type: "list", sl: 0, sc: 0, el: 0, ec: 0, open: true, children: [] };
  const open: Node[] = [];
  let exact = true;
  let outlineExact = true;
  let deep = false;
  // Whether line `li` is the body's last or followed by a blank line.
  const endsParagraph = (li: number): boolean => li + 1 >= lines.length || isBlankFrom(lines[li + 1], 0);

  const lastOpenLeaf = (container: Node): Node | null => {
    const kids = container.children!;
    const last = kids[kids.length - 1];
    return last !== undefined && last.open && last.type !== "list" ? last : null;
  };
  // Containers closed on the current line, their ends not yet settled, and whether one held an
  // unclosed fence or HTML block of kinds 1-5.
  let closing: Node[] = [];
  let closingConcrete = false;
  // Where the last thing that is not a line break or indentation ends (line, column), and where
  // it ended before the current line: the last line that is not blank, or a fence or HTML of
  // kinds 1-5 after the prefix of a blank line it runs over.
  let heldLine = -1;
  let heldEnd = 0;
  let heldLineBefore = -1;
  let heldEndBefore = 0;
  const closeItemsFrom = (depth: number): void => {
    for (let d = open.length - 1; d >= depth; d--) {
      const leaf = lastOpenLeaf(open[d]);
      if (leaf !== null) {
        if (leaf.fence !== undefined || (leaf.html !== undefined && leaf.html <= 5)) closingConcrete = true;
        leaf.open = false;
      }
      closing.push(open[d]);
    }
    open.length = depth;
  };
  /**
   * A blank line (after its containers' prefix, say a quote's `>`) in a fence or HTML of kinds
   * 1-5: should their container end next, micromark ends them after that prefix; but as the
   * body's last line, before it (when nothing follows a prefix it gives the block no line).
   */
  const endBlankInConcrete = (leaf: Node, container: Node, li: number, pos: number): void => {
    leaf.el = li;
    leaf.ec = li === lines.length - 1 ? 0 : pos;
    heldLine = li;
    heldEnd = pos;
    // A list item then ends past its last child, where its list does; left to remark.
    if (li === lines.length - 1 && container.type === "listItem") exact = outlineExact = false;
  };
  /**
   * Ends the containers closed on this line where micromark does. It ends them after the last
   * thing they hold that is not a line break or indentation: the content of the last line that
   * is not blank, or a quote's `>` on a line blank after it ("> - a", ">", "b" ends the list
   * after the second line's `>`). When the line they do not match starts a container (a quote,
   * or an item of a new list), micromark ends them on that line, after its prefix, if the prefix
   * holds a `>` (`atLine`). A fence or HTML of kinds 1-5 that they end when the line starts a
   * container (`byContainer`: a quote, or an item of any list) keeps the line break, and ends
   * past it at odd places: left to remark.
   */
  const settle = (atLine: { li: number; pos: number } | null, byContainer: boolean): void => {
    if (closingConcrete && byContainer) exact = outlineExact = false;
    const el = atLine?.li ?? heldLineBefore;
    const ec = atLine?.pos ?? heldEndBefore;
    for (const node of closing) {
      if (node.type === "blockquote") {
        node.el = el;
        node.ec = ec;
      } else node.exit = { el, ec };
    }
    closing = [];
    closingConcrete = false;
  };

  for (let li = 0; li < lines.length; li++) {
    const s = lines[li];
    // Whether the line is blank after the containers consumed so far (a quote's `>` is not blank).
    let blank = isBlankFrom(s, 0);
    heldLineBefore = heldLine;
    heldEndBefore = heldEnd;
    if (!blank) {
      heldLine = li;
      heldEnd = trimmedEnd(s);
    }
    let pos = 0; // character offset consumed by containers
    let vcol = 0; // the same position in columns, tabs expanded to stops of 4
    let matched = 0;
    // Whether a quote's `>` is part of the containers' prefix on this line.
    let quoted = false;
    // Whether this line closes a list item indented as code ("    b" under "1.   a").
    let closesItemAsCode = false;
    for (; matched < open.length; matched++) {
      const item = open[matched];
      if (item.type === "blockquote") {
        // A quote goes on at a `>` indented at most 3 columns; a blank line ends it.
        if (blank) break;
        const ws = measure(s, pos, vcol);
        const at = pos + ws.chars;
        if (ws.width > 3 || s.charCodeAt(at) !== 62 /* > */) {
          // Unless the line is lazy, indented code starts here, and micromark ends it after this
          // line, as after a list item.
          closesItemAsCode = ws.width >= 4;
          break;
        }
        if (!quoteMarkerExact(s, pos, at)) exact = outlineExact = false;
        [pos, vcol] = afterQuoteMarker(s, at, vcol + ws.width);
        quoted = true;
        blank = isBlankFrom(s, pos);
        continue;
      }
      if (blank) {
        if (item.children!.length === 0) break;
        continue;
      }
      const ws = measure(s, pos, vcol);
      if (ws.width < item.indent!) {
        if (ws.width >= 4) outlineExact = false;
        closesItemAsCode = ws.width >= 4;
        // micromark splits tab-indented code that closes a list item unpredictably; leave it to remark
        if (s.slice(pos, pos + ws.chars).includes("\t")) exact = outlineExact = false;
        break;
      }
      const content = vcol + item.indent!;
      while (vcol < content) {
        if (s.charCodeAt(pos) === 9) {
          const next = vcol + 4 - (vcol % 4);
          if (next > content) exact = outlineExact = false; // a tab split between container and content
          vcol = next;
        } else vcol++;
        pos++;
      }
    }
    const allMatched = matched === open.length;
    const innermost = open.length > 0 ? open[open.length - 1] : doc;
    const tip = lastOpenLeaf(innermost);
    // A paragraph line the containers do not all match: CommonMark's lazy continuation line.
    const lazy = !allMatched && !blank && tip !== null && tip.type === "paragraph";

    if (tip !== null && tip.fence !== undefined && allMatched) {
      if (blank) {
        endBlankInConcrete(tip, innermost, li, pos);
        continue;
      }
      const ws = measure(s, pos, vcol);
      tip.el = li;
      tip.ec = trimmedEnd(s);
      if (ws.width <= 3 && isClosingFence(s, pos + ws.chars, tip.fence)) tip.open = false;
      continue;
    }

    if (tip !== null && tip.html !== undefined && allMatched) {
      if (blank) {
        // Kinds 6 and 7 end before a blank line; kinds 1-5 go on past it (and, should their
        // container end next, end after its prefix, as a fence does).
        if (tip.html >= 6) tip.open = false;
        else endBlankInConcrete(tip, innermost, li, pos);
        continue;
      }
      tip.el = li;
      tip.ec = s.length; // micromark keeps an HTML line's trailing blanks
      if (tip.html <= 5 && htmlBlockEnds(tip.html, s)) tip.open = false;
      continue;
    }

    if (lazy && !startsNonParagraph(s, pos, vcol)) {
      // After a setext heading remark has no paragraph open to continue: the line starts one
      // outside the list, which the outline would leave out of every block.
      if (tip.underline?.line === li - 1) outlineExact = false;
      tip.el = li; // lazy continuation line
      tip.ec = trimmedEnd(s);
      if (quoted) addPrefix(tip, li, pos);
      continue;
    }

    closeItemsFrom(matched);
    let container = matched > 0 ? open[matched - 1] : doc;
    // micromark keeps paragraph-interruption rules for items nested on the line of an interrupting item
    let interrupting = false;

    for (;;) {
      const leaf = lastOpenLeaf(container);
      const paragraphOpen = leaf !== null && leaf.type === "paragraph";
      if (blank) {
        if (paragraphOpen) leaf.open = false;
        break;
      }
      const ws = measure(s, pos, vcol);
      const ind = ws.width;
      const p = pos + ws.chars;
      if (ind >= 4) {
        // After a setext heading remark starts indented code here, not more paragraph.
        if (paragraphOpen && leaf.underline?.line === li - 1) outlineExact = false;
        if (paragraphOpen || (leaf !== null && leaf.type === "code")) {
          // micromark ends code that closed a list item after its first line; CommonMark goes on.
          if (leaf.closedItem === true) exact = outlineExact = false;
          leaf.el = li;
          leaf.ec = trimmedEnd(s);
        } else {
          closeLeaf(container);
          const code: Node = { type: "code", sl: li, sc: pos, el: li, ec: trimmedEnd(s), open: true };
          if (closesItemAsCode) code.closedItem = true;
          container.children!.push(code);
        }
        break;
      }
      const rest = p === 0 ? s : s.slice(p);
      const first = rest.charAt(0);
      if (first === ">") {
        if (open.length >= MAX_NESTING) {
          // Deeper than any message nests: the marker stays text (see the list items below).
          exact = outlineExact = false;
          deep = true;
        } else {
          if (!quoteMarkerExact(s, pos, p)) exact = outlineExact = false;
          // micromark's list items keep the rules for interrupting a paragraph on the line of a
          // quote that interrupts one, or that follows indented code (which a blank line does not end).
          const previous = container.children![container.children!.length - 1];
          if (paragraphOpen || (previous?.type === "code" && previous.fence === undefined && previous.closedItem !== true)) interrupting = true;
          if (closing.length > 0) settle(quoted ? { li, pos } : null, true);
          closeLeaf(container);
          const quote: Node = { type: "blockquote", sl: li, sc: p, el: li, ec: s.length, open: false, children: [] };
          container.children!.push(quote);
          open.push(quote);
          container = quote;
          quoted = true;
          [pos, vcol] = afterQuoteMarker(s, p, vcol + ind);
          blank = isBlankFrom(s, pos);
          continue;
        }
      }
      if (paragraphOpen && SETEXT.test(rest)) {
        exact = false;
        // One heading per paragraph is enough for commit messages; a second leaves it to remark.
        if (leaf.underline !== undefined) outlineExact = false;
        leaf.underline = { depth: first === "=" ? 1 : 2, line: li, end: trimmedEnd(s) };
      }
      if (THEMATIC.test(rest) && !(paragraphOpen && SETEXT.test(rest))) {
        closeLeaf(container);
        container.children!.push({ type: "thematicBreak", sl: li, sc: p, el: li, ec: trimmedEnd(s), open: false });
        break;
      }
      if (first === "#" && ATX.test(rest)) {
        closeLeaf(container);
        let depth = 1;
        while (rest.charAt(depth) === "#") depth++;
        container.children!.push({ type: "heading", depth, sl: li, sc: p, el: li, ec: trimmedEnd(s), open: false });
        break;
      }
      if (first === "`" || first === "~") {
        const fence = FENCE.exec(rest);
        if (fence !== null && !(first === "`" && fence[2].includes("`"))) {
          const info = fence[2].trim();
          if (/[\\&]/.test(info)) exact = outlineExact = false;
          closeLeaf(container);
          const node: Node = { type: "code", sl: li, sc: p, el: li, ec: trimmedEnd(s), open: true, fence: { char: first, length: fence[1].length } };
          const lang = info.split(" ", 1)[0];
          if (lang !== "") node.lang = lang;
          container.children!.push(node);
          break;
        }
      }
      let item = listMarker(rest);
      if (item !== null && open.length >= MAX_NESTING) {
        // Deeper than any message nests: the marker stays text, so the recursive walks over the
        // nodes stay within the stack ("- " 20,000 times on a line overflowed it).
        exact = outlineExact = false;
        deep = true;
        item = null;
      }
      if (item !== null) {
        const empty = isBlankFrom(rest, item.width);
        const strict: boolean = paragraphOpen || interrupting;
        const canStart = !strict || (!empty && (!item.ordered || item.start === 1));
        if (canStart) {
          if (empty) exact = outlineExact = false; // an item starting with a blank line
          // micromark reads "10. ten" or "2) two" after indented code (blank lines between or
          // not) as a paragraph, as if it interrupted one; CommonMark says list. remark decides.
          const previous = container.children![container.children!.length - 1];
          if (item.ordered && item.start !== 1 && previous?.type === "code" && previous.fence === undefined) exact = outlineExact = false;
          let spaces = countSpaces(rest, item.width);
          if (rest.charCodeAt(item.width + spaces) === 9) exact = outlineExact = false; // tab after the marker
          if (spaces >= 5) {
            exact = outlineExact = false; // content would be indented code
            spaces = 1;
          }
          if (leaf !== null) leaf.open = false;
          const kids = container.children!;
          let list = kids[kids.length - 1];
          const joins = list !== undefined && list.type === "list" && list.open && list.marker === item.marker && list.ordered === item.ordered;
          // An item of the list the line left goes on with that list, as micromark sees it.
          if (closing.length > 0) settle(quoted && !joins ? { li, pos } : null, true);
          if (!joins) {
            if (list !== undefined && list.type === "list") list.open = false;
            list = { type: "list", sl: li, sc: p, el: li, ec: p, open: true, children: [], ordered: item.ordered, marker: item.marker };
            kids.push(list);
          }
          const node: Node = { type: "listItem", sl: li, sc: p, el: li, ec: p + item.width, open: true, children: [], indent: ind + item.width + spaces };
          list.children!.push(node);
          open.push(node);
          container = node;
          interrupting = strict;
          pos = p + item.width + spaces;
          vcol += node.indent!;
          if (empty) break;
          continue;
        }
      }
      if (first === "<") {
        // Kind 7 (a lone complete tag) cannot interrupt a paragraph; the others can.
        const html = htmlStart(rest);
        if (html !== null && (html.kind !== 7 || !paragraphOpen)) {
          // On a lazy line micromark starts kind 7 in the item the line leaves and ends it with
          // that line (CommonMark would go on with the paragraph); the best effort ends it too.
          const lazyTag = html.kind === 7 && lazy;
          if (lazyTag) exact = outlineExact = false;
          closeLeaf(container);
          // The block starts where the line's indentation does, and its start line may hold its end.
          container.children!.push({ type: "html", sl: li, sc: pos, el: li, ec: s.length, open: !html.closed && !lazyTag, html: html.kind });
          break;
        }
      }
      if (paragraphOpen) {
        if (leaf.underline?.line === li - 1) {
          // After a setext heading no paragraph is open in remark: a line that may start a list,
          // HTML or a definition only where none is open is left to remark.
          if (item !== null || first === "<" || first === "[") outlineExact = false;
          leaf.underline.next = p;
        }
        leaf.el = li;
        leaf.ec = trimmedEnd(s);
        if (quoted) addPrefix(leaf, li, pos);
      } else {
        closeLeaf(container);
        if (first === "[" && /^\[[^\]]*\]:/.test(rest)) {
          exact = false; // link reference definition
          if (!endsParagraph(li)) outlineExact = false;
        }
        container.children!.push({ type: "paragraph", sl: li, sc: p, el: li, ec: trimmedEnd(s), open: true });
      }
      break;
    }
    // The containers a last line blank after its prefix leaves end after that prefix.
    if (closing.length > 0) settle(blank && li === lines.length - 1 ? { li, pos } : null, false);
  }
  closeItemsFrom(0);
  heldLineBefore = heldLine;
  heldEndBefore = heldEnd;
  settle(null, false);
  const last = lastOpenLeaf(doc);
  if (last !== null) last.open = false;
  return { nodes: doc.children!, exact, outlineExact, deep };
}

/**
 * Past a quote's `>` at `at` (column `vcol`) and the one space or tab after it: the offset and
 * column its content starts at.
 */
function afterQuoteMarker(s: string, at: number, vcol: number): [number, number] {
  const next = s.charCodeAt(at + 1);
  if (next === 32) return [at + 2, vcol + 2];
  if (next === 9) return [at + 2, vcol + 1 + 4 - ((vcol + 1) % 4)];
  return [at + 1, vcol + 1];
}

/**
 * Whether the scanner reads a quote's `>` at `at`, indented from `from`, as micromark does: not
 * with a tab before it, nor after it, which CommonMark splits (one column for the marker, the
 * rest for the content) where the scanner takes it whole.
 */
function quoteMarkerExact(s: string, from: number, at: number): boolean {
  return s.charCodeAt(at + 1) !== 9 && (at === from || !s.slice(from, at).includes("\t"));
}

// Records where a paragraph's line `li` starts after a prefix holding a quote's `>`.
function addPrefix(paragraph: Node, li: number, end: number): void {
  (paragraph.prefixes ??= []).push([li, end]);
}

/** A paragraph's source for the inline scanner: its container prefixes after the first line blanked. */
function inlineSource(node: Node, text: string): string {
  if (node.prefixes === undefined) return text;
  const lines = text.split("\n");
  for (const [li, end] of node.prefixes) {
    const k = li - node.sl;
    lines[k] = " ".repeat(end) + lines[k].slice(end);
  }
  return lines.join("\n");
}

/** Closes the open leaf and marks any open list of `container` as ended by the block that follows. */
function closeLeaf(container: Node): void {
  const kids = container.children!;
  const last = kids[kids.length - 1];
  if (last !== undefined) last.open = false;
}

// Would this line, not matching every open container, start a block rather than continue a paragraph lazily?
function startsNonParagraph(s: string, pos: number, vcol: number): boolean {
  const ws = measure(s, pos, vcol);
  if (ws.width >= 4) return false;
  const rest = s.slice(pos + ws.chars);
  const first = rest.charAt(0);
  // micromark lets a lone complete tag (HTML kind 7) start a block on a lazy line, where
  // CommonMark would continue the paragraph.
  if (first === ">" || (first === "<" && htmlStart(rest) !== null)) return true;
  if (THEMATIC.test(rest) || ATX.test(rest)) return true;
  const fence = FENCE.exec(rest);
  if (fence !== null && !(first === "`" && fence[2].includes("`"))) return true;
  return listMarker(rest) !== null;
}

interface Marker {
  ordered: boolean;
  marker: string;
  start: number;
  width: number;
}

function listMarker(rest: string): Marker | null {
  const c = rest.charAt(0);
  if (c === "-" || c === "+" || c === "*") {
    return BULLET.test(rest) ? { ordered: false, marker: c, start: 0, width: 1 } : null;
  }
  if (c < "0" || c > "9") return null;
  const m = ORDERED.exec(rest);
  return m === null ? null : { ordered: true, marker: m[2], start: Number(m[1]), width: m[1].length + 1 };
}

function isClosingFence(s: string, p: number, fence: { char: string; length: number }): boolean {
  let i = p;
  while (s.charAt(i) === fence.char) i++;
  return i - p >= fence.length && isBlankFrom(s, i);
}

// Leading whitespace from `from` (at column `vcol`): its length in characters and in columns.
function measure(s: string, from: number, vcol: number): { chars: number; width: number } {
  let i = from;
  let col = vcol;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 32) col++;
    else if (c === 9) col += 4 - (col % 4);
    else break;
    i++;
  }
  return { chars: i - from, width: col - vcol };
}

function countSpaces(s: string, from: number): number {
  let i = from;
  while (s.charCodeAt(i) === 32) i++;
  return i - from;
}

function isBlankFrom(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function trimmedEnd(s: string): number {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 32 || s.charCodeAt(end - 1) === 9)) end--;
  return end;
}

// Items end where their last child ends; lists and quotes where scan settled their ends.
function finishEnds(node: Node): void {
  if (node.children === undefined || node.children.length === 0) return;
  for (const child of node.children) finishEnds(child);
  if (node.type === "blockquote") return;
  const last = node.children[node.children.length - 1];
  const end = node.type === "list" && last.exit !== undefined ? last.exit : last;
  node.el = end.el;
  node.ec = end.ec;
}

/** The nodes as blocks; `inline` records whether their links are remark's, null to leave links out. */
function toBlocks(nodes: Node[], texts: readonly string[], body: readonly SourceLine[], inline: { exact: boolean } | null): Block[] {
  const out: Block[] = [];
  for (const node of nodes) {
    finishEnds(node);
    out.push(toBlock(node, texts, body, inline));
  }
  return out;
}

function toBlock(node: Node, texts: readonly string[], body: readonly SourceLine[], inline: { exact: boolean } | null): Block {
  const text = sliceLines(texts, node.sl, node.sc, node.el, node.ec);
  const block: Block = { type: node.type, line: body[node.sl].line, column: node.sc + 1, endLine: body[node.el].line, endColumn: node.ec + 1, text };
  switch (node.type) {
    case "list":
      block.ordered = node.ordered === true;
      block.children = node.children!.map((c) => toBlock(c, texts, body, inline));
      break;
    case "listItem":
    case "blockquote":
      block.children = node.children!.map((c) => toBlock(c, texts, body, inline));
      break;
    case "heading":
      block.depth = node.depth;
      if (inline !== null) block.links = scannedLinks(text, text, node.sl, node.sc, body, inline);
      break;
    case "paragraph":
      if (inline !== null) block.links = scannedLinks(text, inlineSource(node, text), node.sl, node.sc, body, inline);
      break;
    case "code":
      if (node.lang !== undefined) block.lang = node.lang;
      break;
  }
  return block;
}

// Links of a block whose text is `text`, read from `source` (the text with quote prefixes blanked).
function scannedLinks(text: string, source: string, sl: number, sc: number, body: readonly SourceLine[], inline: { exact: boolean }): Link[] {
  const found = scanInline(source);
  if (!found.exact) inline.exact = false;
  // A link's text is its label as written, prefixes and all, as remark's mapping gives it.
  if (source !== text) for (const link of found.links) link.text = text.slice(link.start + 1, link.start + 1 + link.text.length);
  return findLinks(text, sl, sc, body, found);
}

/** The text between two 0-based positions of the body lines, lines joined with "\n". */
export function sliceLines(texts: readonly string[], sl: number, sc: number, el: number, ec: number): string {
  if (sl === el) return texts[sl].slice(sc, ec);
  let out = texts[sl].slice(sc);
  for (let i = sl + 1; i < el; i++) out += `\n${texts[i]}`;
  return `${out}\n${texts[el].slice(0, ec)}`;
}
