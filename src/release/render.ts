// Renders a changelog section as plain-text Markdown for a commit body: no HTML, wrapped to a width
// (links and code never broken), lists kept, and no line that git or commit parsers would misread.
import type { Code, Definition, Heading, Html, List, Paragraph, PhrasingContent, RootContent } from "mdast";
import { normalizeLabel, plainText, type Changelog, type ChangelogSection } from "./changelog.js";

/** How to render a section. */
export interface RenderOptions {
  /** Column to wrap prose at (links and code spans may run past it). Default 72. */
  width?: number;
  /** Git's comment character: no body line may start with it, or git would drop the line. Default `#`. */
  commentChar?: string;
}

/** A rendered section: its lines and the link reference definitions they use. */
export interface RenderedSection {
  lines: string[];
  /** `[label]: url` lines for every reference-style link the section uses, in first-use order. */
  references: string[];
}

// Spaces that must not become line breaks (inside code spans and link destinations) and hard breaks.
const KEEP = "\u0000";
const HARD_BREAK = "\u0001";

/** What is known about where a block's lines will stand in the final message. */
interface Place {
  /** Lines start at column 0 of the message (no indentation, no prefix). */
  column0: boolean;
  /** Every line gets a non-space prefix (`> `), so commit parsers that skip spaces still see it. */
  guarded: boolean;
  /** The first line follows a list marker (`- `, `1. `). */
  marked: boolean;
}

interface Context {
  changelog: Changelog;
  width: number;
  commentChar: string;
  used: Map<string, Definition>;
}

/**
 * Renders `section`'s blocks. Headings become `Text:` lines (a leading `#` would be a git comment),
 * HTML tags and comments are dropped with their text kept, list markers become `-`,
 * reference-style links stay as written and their definitions are returned in `references`.
 */
export function renderSection(changelog: Changelog, section: ChangelogSection, options: RenderOptions = {}): RenderedSection {
  const context: Context = { changelog, width: options.width ?? 72, commentChar: options.commentChar ?? "#", used: new Map() };
  const lines = renderBlocks(section.nodes, context, context.width, { column0: true, guarded: false, marked: false }, false);
  const references = [...context.used.values()].map(
    (definition) => `[${definition.label ?? definition.identifier}]: ${definition.url}${definition.title ? ` "${definition.title}"` : ""}`,
  );
  return { lines, references };
}

/** Renders sibling blocks, separated by blank lines unless `tight` (a tight list item's children). */
function renderBlocks(nodes: readonly RootContent[], context: Context, width: number, place: Place, tight: boolean): string[] {
  const out: string[] = [];
  let first = true;
  let listBefore: List | null = null;
  for (const node of nodes) {
    let lines = renderBlock(node, context, width, { ...place, marked: place.marked && first });
    if (lines.length === 0) continue;
    // Indented code right after a list would continue the list's last item: its lines, four
    // spaces in, are only two past the item's text, so they read as a paragraph there ("# x"
    // as a heading). Indented past the item's text as well, they stay code (inside that item).
    const indentedCode = node.type === "code" && !/^(?:`{3,}|~{3,})/.test(lines[0]);
    if (listBefore !== null && indentedCode) {
      const pad = " ".repeat(lastItemIndent(listBefore));
      lines = lines.map((line) => (line === "" ? "" : pad + line));
    }
    if (!first && !tight) out.push("");
    out.push(...lines);
    first = false;
    // Indented code padded into the list's last item keeps that item open for the next block.
    listBefore = node.type === "list" ? node : listBefore !== null && indentedCode ? listBefore : null;
  }
  return out;
}

/**
 * How far in the text of the list's last item starts, as `renderList` writes it: its marker
 * ("- ", "10. "), plus the same for a list that ends that item ("- a\n  - nested").
 */
function lastItemIndent(list: List): number {
  const marker = list.ordered ? String((list.start ?? 1) + list.children.length - 1).length + 2 : 2;
  const lastChild = list.children[list.children.length - 1]?.children.at(-1);
  return marker + (lastChild?.type === "list" ? lastItemIndent(lastChild) : 0);
}

function renderBlock(node: RootContent, context: Context, width: number, place: Place): string[] {
  switch (node.type) {
    case "paragraph":
      return renderParagraph(node, context, width, place);
    case "heading":
      return renderHeading(node, context, width, place);
    case "list":
      return renderList(node, context, width, place);
    case "code":
      return renderCode(node, context, place);
    case "blockquote": {
      const inner = renderBlocks(node.children, context, width - 2, { column0: false, guarded: true, marked: false }, false);
      return inner.map((line) => (line === "" ? ">" : `> ${line}`));
    }
    case "html":
      return renderHtml(node, width, place, context);
    case "thematicBreak":
    case "definition":
      return [];
    default:
      return wrap(plainText(node).replace(/\s+/g, " ").trim(), width, place, context);
  }
}

function renderParagraph(node: Paragraph, context: Context, width: number, place: Place): string[] {
  const source = sourceOf(node, context);
  // Pipe tables (not parsed without GFM) would be destroyed by wrapping: keep their rows as written.
  const rows = source?.split(/\r?\n/).map((line) => line.trim());
  if (rows && rows.length >= 2 && /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$/.test(rows[1]) && rows[1].includes("-") && rows[0].includes("|")) {
    return rows;
  }
  return wrap(renderInline(node.children, context), width, place, context);
}

function renderHeading(node: Heading, context: Context, width: number, place: Place): string[] {
  const text = renderInline(node.children, context).replace(/[\s:]+$/, "");
  if (text.replace(new RegExp(`[${KEEP}\\s]`, "g"), "") === "") return [];
  return wrap(/[.!?]$/.test(text) ? text : `${text}:`, width, place, context);
}

function renderList(node: List, context: Context, width: number, place: Place): string[] {
  const out: string[] = [];
  const delimiter = node.ordered ? (/^\s*\d+([.)])/.exec(sourceOf(node, context) ?? "")?.[1] ?? ".") : "";
  node.children.forEach((item, index) => {
    const marker = node.ordered ? `${(node.start ?? 1) + index}${delimiter} ` : "- ";
    const pad = " ".repeat(marker.length);
    const inner = renderBlocks(item.children, context, width - marker.length, { column0: false, guarded: place.guarded, marked: true }, !item.spread);
    if (index > 0 && node.spread) out.push("");
    if (inner.length === 0) {
      out.push(marker.trimEnd());
      return;
    }
    out.push(marker + inner[0], ...inner.slice(1).map((line) => (line === "" ? "" : pad + line)));
  });
  return out;
}

function renderCode(node: Code, context: Context, place: Place): string[] {
  const body = node.value.split(/\r?\n/);
  const fenced = /^\s*(`{3,}|~{3,})/.test(sourceOf(node, context) ?? "");
  // At column 0 a code line could start with the comment character or read as a commit header;
  // an indented code block shows the same code without that risk.
  const risky = place.column0 && body.some((line) => lineProblem(line, { ...place, continuation: false }, context) !== null);
  if (!fenced || risky) return body.map((line) => (line === "" ? "" : `    ${line}`));
  const longest = Math.max(2, ...[...node.value.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longest + 1);
  const info = [node.lang, node.meta].filter(Boolean).join(" ");
  return [`${fence}${info}`, ...body, fence];
}

function renderHtml(node: Html, width: number, place: Place, context: Context): string[] {
  const text = node.value
    .replace(/<!--[\s\S]*?(?:-->|$)/g, " ")
    .replace(/<\/?[A-Za-z][^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text === "" ? [] : wrap(text, width, place, context);
}

/** Renders inline content to one string: spaces are break opportunities, KEEP marks spaces that are not. */
function renderInline(nodes: readonly PhrasingContent[], context: Context): string {
  return nodes.map((node) => renderPhrasing(node, context)).join("");
}

function renderPhrasing(node: PhrasingContent, context: Context): string {
  const source = sourceOf(node, context);
  switch (node.type) {
    case "text":
      // The source keeps backslash escapes and entities, so the Markdown means what it meant.
      // Inside a blockquote it also spans the next line's "> " marker, which is no text (a
      // paragraph line cannot start with ">" otherwise: that would begin a blockquote).
      return (source ?? node.value).replace(/\n[ \t]*(?:>[ \t]?)*/g, "\n").replace(/\s+/g, " ");
    case "emphasis":
    case "strong": {
      const marker = source?.slice(0, node.type === "strong" ? 2 : 1) ?? (node.type === "strong" ? "**" : "_");
      return `${marker}${renderInline(node.children, context)}${marker}`;
    }
    case "inlineCode":
      return keep(source ?? `\`${node.value}\``);
    case "break":
      return HARD_BREAK;
    case "link": {
      if (source?.startsWith("<")) return keep(source);
      if (source !== undefined && !source.startsWith("[")) return keep(source); // a bare URL literal
      const destination = /[\s()<>]/.test(node.url) ? `<${node.url}>` : node.url;
      const title = node.title ? ` "${node.title}"` : "";
      return `[${renderInline(node.children, context)}](${keep(destination + title)})`;
    }
    case "image": {
      const title = node.title ? ` "${node.title}"` : "";
      return keep(`![${node.alt ?? ""}](${node.url}${title})`);
    }
    case "linkReference":
    case "imageReference": {
      const definition = context.changelog.definitions.get(normalizeLabel(node.label ?? node.identifier));
      if (definition) context.used.set(normalizeLabel(definition.label ?? definition.identifier), definition);
      return (source ?? plainText(node)).replace(/\s+/g, " ");
    }
    case "html":
      return /^<br\s*\/?>$/i.test(node.value) ? " " : "";
    default:
      return plainText(node).replace(/\s+/g, " ");
  }
}

function keep(text: string): string {
  return text.replace(/\s+/g, KEEP);
}

function sourceOf(node: RootContent, context: Context): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : context.changelog.text.slice(start, end);
}

type Problem = "comment" | "breaking" | "type" | "structure";
interface LinePlace extends Place {
  /** The line continues a paragraph (it was made by wrapping, not by the source). */
  continuation: boolean;
}

// conventional-commits-parser finds notes with /^[\s|*]*(BREAKING CHANGE)[:\s]+/i in every body line.
const BREAKING = /^[\s|*]*breaking[ -]change(?=[:\s])/i;
// A Conventional Commits header (`feat: x`, `fix(scope)!: x`) or a git trailer (`Reviewed-by: x`).
const HEADER = /^[\w-]+(?:\([^()\r\n]*\))?!?(?=:\s)/;
// Lines that would start a new Markdown block if wrapping put them at the start of a line.
const STRUCTURE = [/^(?:[-+*]|\d{1,9}[.)])(?:\s|$)/, /^>/, /^#{1,6}(?:\s|$)/, /^(?:=+|-+)\s*$/, /^(?:`{3,}|~{3,})/];

function lineProblem(line: string, place: LinePlace, context: Context): Problem | null {
  if (place.marked && !place.continuation) return null;
  if (place.column0 && context.commentChar && line.startsWith(context.commentChar)) return "comment";
  if (!place.guarded && BREAKING.test(line)) return "breaking";
  if (place.column0 && HEADER.test(line)) return "type";
  if (place.continuation && STRUCTURE.some((pattern) => pattern.test(line))) return "structure";
  return null;
}

/**
 * Escapes a line that `lineProblem` flagged, with Markdown's backslash escape so the rendered
 * text is unchanged: `feat\: x`, `BREAKING CHANGE\: x`, `\# 12`, `\- x`, `1\. x`.
 */
function escapeLine(line: string, problem: Problem): string {
  switch (problem) {
    case "comment":
      return `\\${line}`;
    case "breaking": {
      const match = BREAKING.exec(line);
      const at = match ? match[0].length : -1;
      return at >= 0 && line[at] === ":" ? `${line.slice(0, at)}\\${line.slice(at)}` : line;
    }
    case "type": {
      const at = HEADER.exec(line)?.[0].length ?? -1;
      return at >= 0 ? `${line.slice(0, at)}\\${line.slice(at)}` : line;
    }
    case "structure": {
      const ordered = /^\d+(?=[.)])/.exec(line);
      return ordered ? `${ordered[0]}\\${line.slice(ordered[0].length)}` : `\\${line}`;
    }
  }
}

/**
 * Wraps inline text to `width`. Where a break would start a line that git or a commit parser
 * would misread (a header, `BREAKING CHANGE:`, a list marker), it breaks a word earlier; what
 * cannot be avoided that way (the source line itself starts so) is escaped.
 */
function wrap(text: string, width: number, place: Place, context: Context): string[] {
  const out: string[] = [];
  const segments = text.split(HARD_BREAK);
  segments.forEach((segment, index) => {
    const words = segment.split(" ").filter((word) => word !== "");
    const startsParagraph = index === 0;
    const lines = wrapWords(words, width, (firstWord, isFirst) =>
      lineProblem(restore(words.slice(firstWord, firstWord + 4).join(" ")), { ...place, continuation: !(isFirst && startsParagraph) }, context),
    );
    lines.forEach((line, lineIndex) => {
      const linePlace = { ...place, continuation: !(lineIndex === 0 && startsParagraph) };
      const text = restore(line);
      const problem = lineProblem(text, linePlace, context);
      out.push(problem ? escapeLine(text, problem) : text);
    });
    if (index < segments.length - 1 && out.length > 0) out[out.length - 1] += "\\";
  });
  return out;
}

function wrapWords(words: string[], width: number, problemAt: (firstWord: number, isFirst: boolean) => Problem | null): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < words.length) {
    let end = start + 1;
    let length = words[start].length;
    while (end < words.length && length + 1 + words[end].length <= width) {
      length += 1 + words[end].length;
      end += 1;
    }
    if (end < words.length && problemAt(end, false)) {
      let earlier = end - 1;
      while (earlier > start && problemAt(earlier, false)) earlier -= 1;
      if (earlier > start) end = earlier;
    }
    lines.push(words.slice(start, end).join(" "));
    start = end;
  }
  return lines;
}

function restore(text: string): string {
  return text.replaceAll(KEEP, " ");
}
