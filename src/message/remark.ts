// Builds body blocks from the remark-parse tree; importing this module registers it as the Markdown parser.
import type { Block, SourceLine } from "../types.js";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { findLinks, type InlineRange, type KnownInline, type KnownLink } from "./inline.js";
import { registerMarkdownParser } from "./markdown.js";

interface Point {
  line: number;
  column: number;
  offset?: number;
}
interface MdNode {
  type: string;
  children?: MdNode[];
  position?: { start: Point; end: Point };
  depth?: number;
  lang?: string | null;
  ordered?: boolean | null;
  url?: string;
  identifier?: string;
  label?: string | null;
}

const processor = unified().use(remarkParse);

/** Blocks of the body from remark-parse, positions mapped back to the original message lines. */
export function blocksFromRemark(body: readonly SourceLine[]): Block[] {
  if (body.length === 0) return [];
  const source = body.map((l) => l.text).join("\n");
  const tree = processor.parse(source) as MdNode;
  const definitions = new Map<string, string>();
  collectDefinitions(tree, definitions, 0);
  const ctx: Context = { source, body, definitions };
  const out: Block[] = [];
  for (const child of tree.children ?? []) {
    const block = toBlock(child, ctx, 0);
    if (block !== null) out.push(block);
  }
  return out;
}

/**
 * How deep quotes and lists are mapped: a block nested deeper keeps its span and text but no
 * children. No message nests this deep, but "> - " repeated 830 times (3 kB) made the mapping
 * recurse past Node's stack and the hook fail with an internal error.
 */
const MAX_NESTING = 64;

interface Context {
  source: string;
  body: readonly SourceLine[];
  definitions: Map<string, string>;
}

const BLOCK_TYPES: Record<string, Block["type"]> = {
  paragraph: "paragraph",
  list: "list",
  listItem: "listItem",
  code: "code",
  heading: "heading",
  blockquote: "blockquote",
  html: "html",
  table: "table",
  thematicBreak: "thematicBreak",
  definition: "paragraph",
};

function toBlock(node: MdNode, ctx: Context, depth: number): Block | null {
  const type = BLOCK_TYPES[node.type];
  if (type === undefined || node.position === undefined) return null;
  const { start, end } = node.position;
  const text = ctx.source.slice(start.offset, end.offset);
  const block: Block = {
    type,
    line: ctx.body[start.line - 1].line,
    column: start.column,
    endLine: ctx.body[end.line - 1].line,
    endColumn: end.column,
    text,
  };
  switch (node.type) {
    case "list":
      block.ordered = node.ordered === true;
      block.children = childBlocks(node, ctx, depth);
      break;
    case "listItem":
    case "blockquote":
      block.children = childBlocks(node, ctx, depth);
      break;
    case "heading":
      block.depth = node.depth;
      block.links = findLinks(text, start.line - 1, start.column - 1, ctx.body, knownInline(node, start.offset!, ctx));
      break;
    case "paragraph":
    case "table":
      block.links = findLinks(text, start.line - 1, start.column - 1, ctx.body, knownInline(node, start.offset!, ctx));
      break;
    case "definition":
      block.links = findLinks(text, start.line - 1, start.column - 1, ctx.body, {
        links: [{ start: 0, end: text.length, url: node.url ?? "", text: node.label ?? "" }],
        excluded: [],
      });
      break;
    case "code":
      if (node.lang) block.lang = node.lang;
      break;
  }
  return block;
}

function childBlocks(node: MdNode, ctx: Context, depth: number): Block[] {
  const out: Block[] = [];
  if (depth >= MAX_NESTING) return out;
  for (const child of node.children ?? []) {
    const block = toBlock(child, ctx, depth + 1);
    if (block !== null) out.push(block);
  }
  return out;
}

// Links, and ranges where no bare URL may be found (code, HTML, images), relative to the block start.
function knownInline(node: MdNode, base: number, ctx: Context): KnownInline {
  const links: KnownLink[] = [];
  const excluded: InlineRange[] = [];
  const visit = (n: MdNode): void => {
    for (const child of n.children ?? []) {
      const pos = child.position;
      if (pos === undefined) continue;
      const range = { start: pos.start.offset! - base, end: pos.end.offset! - base };
      if (child.type === "link" || child.type === "linkReference") {
        const url = child.type === "link" ? child.url ?? "" : ctx.definitions.get(child.identifier ?? "") ?? "";
        links.push({ ...range, url, text: labelText(child, ctx.source) });
      } else if (child.type === "inlineCode" || child.type === "html" || child.type === "image" || child.type === "imageReference") {
        excluded.push(range);
      } else if (child.children !== undefined) visit(child);
    }
  };
  visit(node);
  return { links, excluded };
}

// The label as written: the source from the first child's start to the last child's end.
function labelText(link: MdNode, source: string): string {
  const kids = link.children ?? [];
  if (kids.length === 0) return "";
  const first = kids[0].position;
  const last = kids[kids.length - 1].position;
  return first && last ? source.slice(first.start.offset, last.end.offset) : "";
}

function collectDefinitions(node: MdNode, out: Map<string, string>, depth: number): void {
  for (const child of node.children ?? []) {
    if (child.type === "definition" && child.identifier !== undefined && !out.has(child.identifier)) out.set(child.identifier, child.url ?? "");
    else if (child.children !== undefined && depth < MAX_NESTING) collectDefinitions(child, out, depth + 1);
  }
}

registerMarkdownParser(blocksFromRemark);
