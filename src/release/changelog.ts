// Parses a changelog (Keep a Changelog, conventional-changelog, changesets, git-cliff/release-plz)
// into its release sections with unified + remark-parse, and picks the section of one version.
import { unified } from "unified";
import remarkParse from "remark-parse";
import type { Definition, Heading, Nodes, Root, RootContent } from "mdast";
import { UsageError } from "../types.js";
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
 */
export function parseChangelog(text: string, file = "CHANGELOG.md"): Changelog {
  const tree = unified().use(remarkParse).parse(text) as Root;
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
      const release = firstDepth === 0 || node.depth <= firstDepth + 1 ? readReleaseHeading(node, definitions, firstDepth !== 0 && node.depth > firstDepth) : null;
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
  if (sections.length === 0) {
    const what = text.trim() === "" ? "is empty" : "has no release headings";
    throw new UsageError(`${file} ${what}; expected ${EXPECTED_HEADINGS}`);
  }
  return { file, text, sections, definitions };
}

/** Reads a heading as a release heading, or returns null when it names no version and is not Unreleased. */
function readReleaseHeading(node: Heading, definitions: Map<string, Definition>, subheading = false): ChangelogSection | null {
  const title = plainText(node).replace(/\s+/g, " ").trim();
  const base = { title, depth: node.depth, line: node.position?.start.line ?? 0, nodes: [] as RootContent[] };
  const url = headingUrl(node, definitions);
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
