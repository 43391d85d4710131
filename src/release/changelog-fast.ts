// The fast path of parseChangelog: a line scan splits the file at its release headings, and
// remark parses only the sections that are read (remark's list handling is slow on long files).
import type { Definition, Heading, Nodes, RootContent } from "mdast";
import type { Changelog, ChangelogSection } from "./changelog.js";
import { scanChangelog, type ChangelogScan } from "./changelog-scan.js";
import { headingText, noReleases, normalizeLabel, parseChangelogWithRemark, parseMarkdown, readReleaseHeading, type HeadingText } from "./changelog-remark.js";

/** A top-level heading found by the scan or in a parsed chunk. */
interface FoundHeading {
  /** 1-based line where the heading starts (a setext heading: its first text line). */
  line: number;
  /** 0-based index of its last line. */
  last: number;
  /** The chunk (part between two split headings) it is in. */
  chunk: number;
  depth: number;
  /** The heading's line when the scan found it (an ATX heading at column 0) and its chunk was not parsed. */
  source?: string;
  /** The parsed heading (parsed without the file's definitions). */
  node?: Heading;
  text?: HeadingText;
}

/** What the fast path keeps to parse sections later. */
interface Context {
  text: string;
  file: string;
  scan: ChangelogScan;
  /** 1 when the text starts with a byte order mark, which remark's offsets do not count. */
  bom: number;
  /** Every definition in the file (top-level or not), which decides what `[label]` references resolve to. */
  defined: FoldedDefinition[];
  full?: Changelog;
}

/** A defined label, and its words folded for a quick "may this text use it" test. */
interface FoldedDefinition {
  identifier: string;
  words: string[];
}

/**
 * The fast path of `parseChangelog`; null in the unexpected case that remark reads a part
 * differently from the scan (the caller then parses the whole file).
 */
export function parseChangelogFast(text: string, file = "CHANGELOG.md"): Changelog | null {
  const scan = scanChangelog(text, (start, end, line) => {
    const last = parseMarkdown(text.slice(start, end)).children.at(-1);
    return last?.type === "heading" && last.position?.start.line === line;
  });
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const context: Context = { text, file, scan, bom, defined: [] };
  const lineCount = scan.lineStarts.length;

  // Headings and definitions, chunk by chunk: from the scan, or from remark where the scan asked.
  const headings: FoundHeading[] = [];
  const topDefinitions: Definition[] = [];
  const identifiers = new Set<string>();
  let scanned = 0;
  for (let chunk = 0; chunk <= scan.splits.length; chunk++) {
    const first = chunk === 0 ? 0 : scan.splits[chunk - 1];
    const end = chunk < scan.splits.length ? scan.splits[chunk] : lineCount;
    if (scan.parseChunk[chunk]) {
      const children = parseLines(context, first, end, end < lineCount ? end : undefined, "");
      if (!children || (chunk > 0 && (children[0]?.type !== "heading" || children[0].position?.start.line !== first + 1))) return null;
      for (const node of children) {
        if (node.type === "heading") headings.push({ line: node.position?.start.line ?? 0, last: (node.position?.end.line ?? 0) - 1, chunk, depth: node.depth, node });
        else if (node.type === "definition") topDefinitions.push(node);
        collectIdentifiers(node, identifiers);
      }
      while (scanned < scan.definitions.length && scan.definitions[scanned].chunk <= chunk) scanned++;
      continue;
    }
    if (chunk > 0) {
      const source = lineText(context, first);
      headings.push({ line: first + 1, last: first, chunk, depth: /^#+/.exec(source)?.[0].length ?? 0, source });
    }
    for (; scanned < scan.definitions.length && scan.definitions[scanned].chunk <= chunk; scanned++) {
      const found = scan.definitions[scanned];
      if (found.chunk < chunk) continue;
      const node = scannedDefinition(context, found.line, found.label, found.url);
      topDefinitions.push(node);
      identifiers.add(node.identifier);
    }
  }
  context.defined = [...identifiers].map((identifier) => ({ identifier, words: foldedWords(identifier) }));
  const definitions = new Map<string, Definition>();
  for (const node of topDefinitions) {
    const key = normalizeLabel(node.label ?? node.identifier);
    if (!definitions.has(key)) definitions.set(key, node);
  }

  if (!readHeadingTexts(context, headings, identifiers, definitions)) return null;

  // The sections, as parseChangelogWithRemark finds them; each one's nodes are parsed when read.
  const sections: ChangelogSection[] = [];
  // Each section's lines: from its heading to the heading that ends it (`end`, ending at `through`).
  // `start` is a heading at column 0 (the section's, or the one that starts its chunk), where every block has ended.
  type Range = { section: ChangelogSection; start: number; end: number; through?: number };
  const ranges: Range[] = [];
  let current: Range | null = null;
  let firstDepth = 0;
  for (const heading of headings) {
    const release =
      firstDepth === 0 || heading.depth <= firstDepth + 1
        ? readReleaseHeading(heading.text as HeadingText, heading.depth, heading.line, firstDepth !== 0 && heading.depth > firstDepth)
        : null;
    if (release) {
      if (firstDepth === 0) firstDepth = heading.depth;
      if (current) Object.assign(current, { end: heading.line - 1, through: heading.last });
      current = { section: release, start: heading.chunk === 0 ? 0 : scan.splits[heading.chunk - 1], end: lineCount };
      ranges.push(current);
      sections.push(release);
      continue;
    }
    if (current && heading.depth < current.section.depth) {
      Object.assign(current, { end: heading.line - 1, through: heading.last });
      current = null;
    }
  }
  if (sections.length === 0) throw noReleases(text, file);
  const changelog: Changelog = { file, text, sections, definitions };
  // Definitions the scan read (Keep a Changelog puts them all at the bottom) are no section
  // content: a section's lines stop before those that end it, the first one parsed to end it.
  const scannedLines = new Set(scan.definitions.filter((found) => !scan.parseChunk[found.chunk]).map((found) => found.line));
  for (const range of ranges) {
    let line = range.end;
    while (line - 1 > range.section.line - 1 && (scannedLines.has(line - 1) || /^[ \t]*$/.test(lineText(context, line - 1)))) line--;
    while (line < range.end && !scannedLines.has(line)) line++;
    if (line < range.end) Object.assign(range, { end: line, through: line });
  }
  ranges.forEach((range, index) => lazyNodes(context, range.section, index, range.start, range.end, range.through));
  return changelog;
}
/** The text of line `index` (0-based), without its line ending. */
function lineText({ text, scan }: Context, index: number): string {
  const start = scan.lineStarts[index];
  const next = index + 1 < scan.lineStarts.length ? scan.lineStarts[index + 1] : text.length;
  let end = next;
  while (end > start && (text[end - 1] === "\n" || text[end - 1] === "\r")) end--;
  return text.slice(start, end);
}

/** remark's Definition node for a one-line definition the scan read. */
function scannedDefinition(context: Context, line: number, label: string, url: string): Definition {
  const start = context.scan.lineStarts[line] - context.bom;
  const length = lineText(context, line).length;
  return {
    type: "definition",
    identifier: normalizeIdentifier(label).toLowerCase(),
    label,
    title: null,
    url,
    position: { start: { line: line + 1, column: 1, offset: start }, end: { line: line + 1, column: length + 1, offset: start + length } },
  };
}

/** micromark's label normalisation, which decides whether a reference matches a definition. */
function normalizeIdentifier(value: string): string {
  return value
    .replace(/[\t\n\r ]+/g, " ")
    .replace(/^ | $/g, "")
    .toLowerCase()
    .toUpperCase();
}

/** Case-folds text the way reference labels are compared, character by character. */
function fold(text: string): string {
  return text.toLowerCase().toUpperCase();
}

function foldedWords(identifier: string): string[] {
  return identifier
    .split(" ")
    .filter((word) => word !== "")
    .map(fold);
}

function collectIdentifiers(node: Nodes, identifiers: Set<string>): void {
  if (node.type === "definition") identifiers.add(node.identifier);
  if ("children" in node) for (const child of node.children as Nodes[]) collectIdentifiers(child, identifiers);
}

/**
 * One-line definitions of every label `source` may use, then a blank line: parsed before a part
 * of the file, they make its references resolve as in the whole file. A label is left out
 * only when one of its words is missing from `source`.
 */
function definitionsPrefix(context: Context, source: string): string {
  if (context.defined.length === 0) return "";
  const folded = fold(source);
  const lines = context.defined.filter(({ words }) => words.every((word) => folded.includes(word))).map(({ identifier }) => `[${identifier}]: x\n`);
  return lines.length === 0 ? "" : `${lines.join("")}\n`;
}

/**
 * Parses lines `first` to `end` (exclusive) on their own, after `before` (definitions), and
 * returns the top-level nodes with positions in the whole file, as remark gives them for the
 * whole file. When a block that ends every block before it (a heading, or a definition at
 * column 0 after a blank line) starts at line `end`, lines `end` to `through` are parsed too
 * and what they hold dropped: so the blocks before end as in the whole file (an unclosed HTML
 * block in a list item would otherwise run on over the blank lines at the end). Null when
 * remark does not start a block at line `end`.
 */
function parseLines(context: Context, first: number, end: number, through: number | undefined, before: string): RootContent[] | null {
  const { text, scan, bom } = context;
  const lineCount = scan.lineStarts.length;
  const start = scan.lineStarts[first];
  const stop = through === undefined || through + 1 >= lineCount ? text.length : scan.lineStarts[through + 1];
  const tree = parseMarkdown(before + text.slice(start, stop));
  let prefixLines = 0;
  for (let index = before.indexOf("\n"); index !== -1; index = before.indexOf("\n", index + 1)) prefixLines++;
  const lineDelta = first - prefixLines;
  const offsetDelta = start - bom - before.length;
  const children = tree.children.filter((node) => (node.position?.start.offset ?? 0) >= before.length);
  for (const node of children) shift(node, lineDelta, offsetDelta);
  if (through !== undefined) {
    const next = children.findIndex((node) => (node.position?.start.line ?? 0) > end);
    if (next === -1 || children[next].position?.start.line !== end + 1) return null;
    children.length = next;
  }
  return children;
}

function shift(node: Nodes, lineDelta: number, offsetDelta: number): void {
  const position = node.position;
  if (position) {
    node.position = {
      start: { line: position.start.line + lineDelta, column: position.start.column, offset: position.start.offset === undefined ? undefined : position.start.offset + offsetDelta },
      end: { line: position.end.line + lineDelta, column: position.end.column, offset: position.end.offset === undefined ? undefined : position.end.offset + offsetDelta },
    };
  }
  if ("children" in node) for (const child of node.children as Nodes[]) shift(child, lineDelta, offsetDelta);
}

/**
 * Gives every heading its text: read from the line when it is plain enough, else from remark
 * after the definitions it may use: the heading lines the scan found all parsed together (an
 * ATX heading reads the same anywhere), the headings found in a parsed chunk by parsing the
 * chunk again. False when remark does not read them as the headings they were.
 */
function readHeadingTexts(context: Context, headings: FoundHeading[], identifiers: Set<string>, definitions: Map<string, Definition>): boolean {
  const lines: FoundHeading[] = [];
  const chunks = new Map<number, FoundHeading[]>();
  for (const heading of headings) {
    if (heading.source !== undefined) {
      const text = simpleHeadingText(heading.source, identifiers, definitions);
      if (text) heading.text = text;
      else lines.push(heading);
    } else if (heading.node && !sourceOf(context, heading.node).includes("[")) {
      // Without brackets there is no reference, so the parse without definitions is the parse.
      heading.text = headingText(heading.node, definitions);
    } else {
      const list = chunks.get(heading.chunk) ?? [];
      list.push(heading);
      chunks.set(heading.chunk, list);
    }
  }

  const { splits, lineStarts } = context.scan;
  for (const [chunk, list] of chunks) {
    const first = chunk === 0 ? 0 : splits[chunk - 1];
    const end = chunk < splits.length ? splits[chunk] : lineStarts.length;
    const stop = end < lineStarts.length ? lineStarts[end] : context.text.length;
    const children = parseLines(context, first, end, end < lineStarts.length ? end : undefined, definitionsPrefix(context, context.text.slice(lineStarts[first], stop)));
    if (!children) return false;
    for (const heading of list) {
      const node = children.find((child) => child.type === "heading" && child.position?.start.line === heading.line);
      if (node?.type !== "heading" || node.depth !== heading.depth) return false;
      heading.text = headingText(node, definitions);
    }
  }

  if (lines.length === 0) return true;
  const sources = lines.map((heading) => heading.source as string);
  const joined = sources.join("\n\n");
  const prefix = definitionsPrefix(context, joined);
  const parsed = parseMarkdown(prefix + joined).children.filter((node) => node.type !== "definition");
  if (parsed.length !== lines.length) return false;
  let offset = prefix.length;
  for (let index = 0; index < lines.length; index++) {
    const node = parsed[index];
    // The heading must span its whole line, so remark read the same text as its content.
    if (node.type !== "heading" || node.depth !== lines[index].depth) return false;
    if (node.position?.start.offset !== offset || node.position.end.offset !== offset + sources[index].length) return false;
    offset += sources[index].length + 2;
    lines[index].text = headingText(node, definitions);
  }
  return true;
}

function sourceOf(context: Context, node: Nodes): string {
  const start = (node.position?.start.offset ?? 0) + context.bom;
  const end = (node.position?.end.offset ?? 0) + context.bom;
  return context.text.slice(start, end);
}

/** Characters with a meaning in Markdown inline text (CommonMark without extensions); `!` only before `[`. */
const INLINE_CHARACTER = /[\\`*_<>&[\]\0]/;
const LINK_DESTINATION = /^[^\s()<>\\&"'\0-\x1f\x7f]+$/;

/**
 * The text and link of an ATX heading line whose content is plain text, `[label]` references,
 * `[text](url)` links and `<!-- comments -->` (the headings of common changelog tools), as remark
 * reads them; undefined for anything else.
 */
function simpleHeadingText(line: string, identifiers: Set<string>, definitions: Map<string, Definition>): HeadingText | undefined {
  let content = line.replace(/^#{1,6}/, "").replace(/[ \t]+$/, "");
  content = /^[ \t]*#*$/.test(content) ? "" : content.replace(/[ \t]+#+$/, "").replace(/^[ \t]+/, "");
  let title = "";
  let url: string | undefined;
  let index = 0;
  while (index < content.length) {
    if (content[index] === "[") {
      const close = content.indexOf("]", index + 1);
      if (close === -1) return undefined;
      const label = content.slice(index + 1, close);
      if (INLINE_CHARACTER.test(label) || label.trim() === "") return undefined;
      if (content[close + 1] === "(") {
        const end = content.indexOf(")", close + 2);
        const destination = content.slice(close + 2, end);
        if (end === -1 || !LINK_DESTINATION.test(destination)) return undefined;
        title += label;
        url ??= destination;
        index = end + 1;
        continue;
      }
      if (content[close + 1] === "[") return undefined;
      if (identifiers.has(normalizeIdentifier(label).toLowerCase())) {
        title += label;
        url ??= definitions.get(normalizeLabel(label))?.url;
      } else title += `[${label}]`;
      index = close + 1;
      continue;
    }
    if (content.startsWith("<!--", index)) {
      const end = content.indexOf("-->", index + 4);
      if (end === -1 || !/^[^<>-]+$/.test(content.slice(index + 4, end))) return undefined;
      index = end + 3;
      continue;
    }
    const char = content[index];
    if (char === "!" ? content[index + 1] === "[" : INLINE_CHARACTER.test(char)) return undefined;
    title += content[index];
    index++;
  }
  return { title: title.replace(/\s+/g, " ").trim(), ...(url !== undefined ? { url } : {}) };
}

/**
 * Makes `section.nodes` parse its lines when first read: from `start` (its heading, or the
 * heading at column 0 before it) to `end` (exclusive; the heading there ends at `through`),
 * after the definitions they may use. If remark does not find the section's heading there, the
 * whole file is parsed and its section used instead.
 */
function lazyNodes(context: Context, section: ChangelogSection, index: number, start: number, end: number, through: number | undefined): void {
  let nodes: RootContent[] | undefined;
  Object.defineProperty(section, "nodes", {
    enumerable: true,
    configurable: true,
    get(): RootContent[] {
      if (nodes) return nodes;
      const { lineStarts } = context.scan;
      const stop = end < lineStarts.length ? lineStarts[end] : context.text.length;
      const children = parseLines(context, start, end, through, definitionsPrefix(context, context.text.slice(lineStarts[start], stop))) ?? [];
      const heading = children.findIndex((node) => node.type === "heading" && node.position?.start.line === section.line);
      const found = children[heading];
      if (found?.type === "heading" && found.depth === section.depth) {
        nodes = children.slice(heading + 1).filter((node) => node.type !== "definition");
      } else {
        context.full ??= parseChangelogWithRemark(context.text, context.file);
        nodes = context.full.sections[index]?.nodes ?? [];
      }
      return nodes;
    },
    set(value: RootContent[]) {
      nodes = value;
    },
  });
}

