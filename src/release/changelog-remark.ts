// Release headings and the whole-file parse with unified + remark-parse: the reference for
// parseChangelog, its fallback, and the reading of every heading the fast path meets.
import { unified } from "unified";
import remarkParse from "remark-parse";
import type { Definition, Heading, Nodes, Root, RootContent } from "mdast";
import { UsageError } from "../types.js";
import type { Changelog, ChangelogSection } from "./changelog.js";
import { VERSION_SOURCE } from "./version.js";

export const EXPECTED_HEADINGS = "release headings such as `## [1.2.3] - 2024-03-18`, `## 1.2.3` or `## [1.2.3](compare-url) (2024-03-18)`";

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

let processor: ReturnType<typeof makeProcessor> | undefined;
function makeProcessor() {
  return unified().use(remarkParse).freeze();
}
export function parseMarkdown(text: string): Root {
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

export function noReleases(text: string, file: string): UsageError {
  const what = text.trim() === "" ? "is empty" : "has no release headings";
  return new UsageError(`${file} ${what}; expected ${EXPECTED_HEADINGS}`);
}

/** A heading's plain text and link target. */
export interface HeadingText {
  title: string;
  url?: string;
}

export function headingText(node: Heading, definitions: Map<string, Definition>): HeadingText {
  const url = headingUrl(node, definitions);
  return { title: plainText(node).replace(/\s+/g, " ").trim(), ...(url !== undefined ? { url } : {}) };
}

/** Reads a heading as a release heading, or returns null when it names no version and is not Unreleased. */
export function readReleaseHeading({ title, url }: HeadingText, depth: number, line: number, subheading: boolean): ChangelogSection | null {
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

/** The text of a node without HTML (git-cliff puts `<!-- 0 -->` in headings to order groups). */
export function plainText(node: Nodes): string {
  if (node.type === "html") return "";
  if (node.type === "text" || node.type === "inlineCode") return node.value;
  if (node.type === "image") return node.alt ?? "";
  if ("children" in node) return (node.children as Nodes[]).map(plainText).join("");
  return "";
}

/** The first link target in a heading: an inline link's URL or a resolved reference's definition. */
export function headingUrl(node: Heading, definitions: Map<string, Definition>): string | undefined {
  for (const child of node.children) {
    if (child.type === "link") return child.url;
    if (child.type === "linkReference") {
      const definition = definitions.get(normalizeLabel(child.label ?? child.identifier));
      if (definition) return definition.url;
    }
  }
  return undefined;
}

