// Parses a changelog (Keep a Changelog, conventional-changelog, changesets, git-cliff/release-plz)
// into its release sections with unified + remark-parse, and picks the section of one version.
import { unified } from "unified";
import remarkParse from "remark-parse";
import type { Definition, Heading, Nodes, Root, RootContent } from "mdast";
import { UsageError } from "../types.js";
import { scanChangelog, type ChangelogScan } from "./changelog-scan.js";
import { VERSION_SOURCE, isSameVersion } from "./version.js";

/** One release (or the Unreleased part) of a changelog. */
export interface ChangelogSection {
  /** The version as written in the heading without brackets (`1.2.3`, `v2.0.0-rc.1`); null for Unreleased. */
  version: string | null;
  /** The package a `name@1.2.3` heading names (monorepo changelogs); absent otherwise. */
  packageName?: string;
  /**
   * The word before the version in a `name 1.2.3` heading, which names a package only in a
   * changelog shared by several ("foo 1.2.3", "bar 1.2.3"); in a package's own changelog it may
   * be a display name ("Widgets 1.2.3"). Absent for "Version 1.2.3" and similar.
   */
  headingName?: string;
  /** True for `## [Unreleased]` and similar. */
  unreleased: boolean;
  /** True when the heading marks the release as yanked (`[YANKED]`). */
  yanked: boolean;
  /** The release date (`YYYY-MM-DD`) when the heading gives one. */
  date?: string;
  /** The heading's link target (a compare URL) when it has one. */
  url?: string;
  /** The heading as plain text, e.g. `1.2.3 - 2024-03-18`. */
  title: string;
  /** Heading depth 1-6 (setext `===` is 1, `---` is 2). */
  depth: number;
  /** 1-based line of the heading in the file. */
  line: number;
  /** The blocks between this heading and the next release heading (link definitions excluded). */
  nodes: RootContent[];
}

/** A parsed changelog: its release sections, newest first as written, and its link definitions. */
export interface Changelog {
  /** The file name used in error messages. */
  file: string;
  /** The original text; renderers slice inline source from it. */
  text: string;
  sections: ChangelogSection[];
  /** Link reference definitions by normalised label (lower case, inner whitespace collapsed). */
  definitions: Map<string, Definition>;
}

const EXPECTED_HEADINGS = "release headings such as `## [1.2.3] - 2024-03-18`, `## 1.2.3` or `## [1.2.3](compare-url) (2024-03-18)`";

// Optional `[`, an optional package name (`foo@`, or a word: `foo `, `Version `, `Release `), then the version.
const VERSION_HEADING = new RegExp(String.raw`^\[?(?:([^\s\[\]]+?)@|([^\s\[\]]+?)\s+)?(${VERSION_SOURCE})\]?(?=$|[\s\]\[(),:;])`, "i");
/** Words before a version that name no package ("Version 1.2", "Release 2.0"). */
const GENERIC_PREFIX = /^(?:version|release|rel|v|ver|changes|changelog)$/i;
/**
 * What may follow the version in a subheading that is a release (conventional-changelog writes
 * patch releases as `### [1.2.1](url) (2024-03-18)`): brackets, dates, dashes, "yanked". Words
 * make it an ordinary subheading of the section ("### Python 3.12 support").
 */
const RELEASE_TAIL = /^(?:[\s\]\[(),:;–—-]|\d{4}-\d{2}-\d{2}|yanked|\([^)]*\))*$/i;
const UNRELEASED_HEADING = /^\[?unreleased\b/i;
const DATE = /\b(\d{4}-\d{2}-\d{2})\b/;
const YANKED = /\byanked\b/i;

/** Normalises a link label the way CommonMark matches them. */
export function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, " ").trim().toLowerCase();
}

/**
 * Parses `text` into release sections. Throws UsageError naming `file` when the text has no
 * release headings at all (empty, or not a changelog).
 *
 * remark is slow on long files (its list handling is super-linear), and a release needs one or
 * two sections of a changelog that may hold thousands. So a line scan (changelog-scan.ts) finds
 * the top-level headings, remark parses only what the scan cannot read itself (the odd part with
 * a setext heading or a definition inside a list) and the heading texts, and each section's
 * `nodes` are parsed when first read. The result is the same as `parseChangelogWithRemark`'s;
 * a file the scan is unsure of is parsed whole.
 */
export function parseChangelog(text: string, file = "CHANGELOG.md"): Changelog {
  // remark's positions do not count a byte-order mark, and the entries are sliced from the text
  // by those positions: without this, every slice would start one character early.
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return parseChangelogFast(clean, file) ?? parseChangelogWithRemark(clean, file);
}

let processor: ReturnType<typeof makeProcessor> | undefined;
function makeProcessor() {
  return unified().use(remarkParse).freeze();
}
function parseMarkdown(text: string): Root {
  processor ??= makeProcessor();
  return processor.parse(text) as Root;
}

/** Parses the whole of `text` with remark: the reference for `parseChangelog`, and its fallback. */
export function parseChangelogWithRemark(text: string, file = "CHANGELOG.md"): Changelog {
  const tree = parseMarkdown(text);
  const definitions = new Map<string, Definition>();
  for (const node of tree.children) {
    if (node.type === "definition") {
      const key = normalizeLabel(node.label ?? node.identifier);
      if (!definitions.has(key)) definitions.set(key, node);
    }
  }
  const sections: ChangelogSection[] = [];
  let current: ChangelogSection | null = null;
  let firstDepth = 0;
  for (const node of tree.children) {
    if (node.type === "heading") {
      const release =
        firstDepth === 0 || node.depth <= firstDepth + 1
          ? readReleaseHeading(headingText(node, definitions), node.depth, node.position?.start.line ?? 0, firstDepth !== 0 && node.depth > firstDepth)
          : null;
      if (release) {
        if (firstDepth === 0) firstDepth = node.depth;
        current = release;
        sections.push(current);
        continue;
      }
      // A heading above the release level (a new document part) ends the section.
      if (current && node.depth < current.depth) current = null;
    }
    if (current && node.type !== "definition") current.nodes.push(node);
  }
  if (sections.length === 0) throw noReleases(text, file);
  return { file, text, sections, definitions };
}

function noReleases(text: string, file: string): UsageError {
  const what = text.trim() === "" ? "is empty" : "has no release headings";
  return new UsageError(`${file} ${what}; expected ${EXPECTED_HEADINGS}`);
}

/** A heading's plain text and link target. */
interface HeadingText {
  title: string;
  url?: string;
}

function headingText(node: Heading, definitions: Map<string, Definition>): HeadingText {
  const url = headingUrl(node, definitions);
  return { title: plainText(node).replace(/\s+/g, " ").trim(), ...(url !== undefined ? { url } : {}) };
}

/** Reads a heading as a release heading, or returns null when it names no version and is not Unreleased. */
function readReleaseHeading({ title, url }: HeadingText, depth: number, line: number, subheading: boolean): ChangelogSection | null {
  const base = { title, depth, line, nodes: [] as RootContent[] };
  if (UNRELEASED_HEADING.test(title)) {
    return { ...base, version: null, unreleased: true, yanked: false, ...(url ? { url } : {}) };
  }
  const match = VERSION_HEADING.exec(title);
  if (!match) return null;
  const rest = title.slice(match[0].length);
  if (subheading && !RELEASE_TAIL.test(rest)) return null;
  const date = DATE.exec(rest)?.[1];
  return {
    ...base,
    version: match[3],
    ...(match[1] ? { packageName: match[1] } : {}),
    ...(match[2] && !GENERIC_PREFIX.test(match[2]) ? { headingName: match[2] } : {}),
    unreleased: false,
    yanked: YANKED.test(rest),
    ...(date ? { date } : {}),
    ...(url ? { url } : {}),
  };
}

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

/** The text of a node without HTML (git-cliff puts `<!-- 0 -->` in headings to order groups). */
export function plainText(node: Nodes): string {
  if (node.type === "html") return "";
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  if (node.type === "image") return node.alt ?? "";
  if ("children" in node) return (node.children as Nodes[]).map(plainText).join("");
  return "";
}

/** The first link target in a heading: an inline link's URL or a resolved reference's definition. */
function headingUrl(node: Heading, definitions: Map<string, Definition>): string | undefined {
  for (const child of node.children) {
    if (child.type === "link") return child.url;
    if (child.type === "linkReference") {
      const definition = definitions.get(normalizeLabel(child.label ?? child.identifier));
      if (definition) return definition.url;
    }
  }
  return undefined;
}

/**
 * Picks the section for `version` (matching with or without a `v` prefix), or, without a
 * version, the newest released section that is not yanked. Throws UsageError naming the file
 * and what was expected when there is no such section (for example an Unreleased-only file).
 */
export function findChangelogSection(changelog: Changelog, version?: string, packageName?: string): ChangelogSection {
  // In a changelog shared by several packages, `a@1.1.0` is a's section, never b's; so is
  // `a 1.1.0` once some heading names this package that way.
  const byHeadingName = packageName !== undefined && changelog.sections.some((section) => sameHeadingName(section.headingName, packageName));
  const released = changelog.sections.filter(
    (section) =>
      !section.unreleased &&
      (packageName === undefined || section.packageName === undefined || section.packageName === packageName) &&
      (!byHeadingName || section.packageName !== undefined || section.headingName === undefined || sameHeadingName(section.headingName, packageName)),
  );
  const onlyUnreleased = released.length === 0;
  const hint = onlyUnreleased
    ? "it has only an Unreleased section; move its entries under a heading for the new version, e.g. `## [1.2.3] - 2024-03-18`"
    : `it has ${released.map((section) => section.version).slice(0, 5).join(", ")}${released.length > 5 ? ", ..." : ""}`;
  if (version !== undefined) {
    const found = released.find((section) => isSameVersion(section.version ?? "", version));
    if (found) return found;
    throw new UsageError(`${changelog.file} has no section for version ${version}; ${hint}`, [
      `expected a heading such as \`## [${version}] - YYYY-MM-DD\` or \`## ${version}\``,
    ]);
  }
  const newest = released.find((section) => !section.yanked);
  if (newest) return newest;
  throw new UsageError(
    onlyUnreleased
      ? `${changelog.file} has no released section; ${hint}`
      : `${changelog.file} has only yanked releases; expected a released section such as \`## [1.2.3] - 2024-03-18\``,
  );
}

/** Whether a heading's word names `packageName`: the same name, or its unscoped part (`widgets` for `@acme/widgets`), in any case. */
function sameHeadingName(headingName: string | undefined, packageName: string | undefined): boolean {
  if (headingName === undefined || packageName === undefined) return false;
  const wanted = headingName.toLowerCase();
  const name = packageName.toLowerCase();
  return wanted === name || wanted === name.replace(/^@[^/]+\//, "");
}

/** The released section written just below `section` (the previous release), if any. */
export function previousRelease(changelog: Changelog, section: ChangelogSection): ChangelogSection | undefined {
  const index = changelog.sections.indexOf(section);
  return changelog.sections.slice(index + 1).find((candidate) => !candidate.unreleased && candidate.version !== null);
}
