// Parses a changelog (Keep a Changelog, conventional-changelog, changesets, git-cliff/release-plz)
// into its release sections, and picks the section of one version. The parsing itself is in
// changelog-fast.ts (sections parsed on demand) and changelog-remark.ts (the whole file).
import type { Definition, RootContent } from "mdast";
import { UsageError } from "../types.js";
import { echoValue } from "../echo-value.js";
import { parseChangelogFast } from "./changelog-fast.js";
import { parseChangelogWithRemark } from "./changelog-remark.js";
import { isSameVersion, versionScheme, type VersionScheme } from "./version.js";

export { parseChangelogFast } from "./changelog-fast.js";
export { normalizeLabel, parseChangelogWithRemark, plainText } from "./changelog-remark.js";

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

/** Thrown by findChangelogSection when the changelog has no section for the version asked for. */
export class MissingSectionError extends UsageError {
  constructor(
    /** The changelog's file name, as given to parseChangelog. */
    readonly file: string,
    /** The version asked for. */
    readonly version: string,
    message: string,
    details: string[] = [],
    /** True when an Unreleased section holds entries: the section is written, just not moved under the version. */
    readonly unreleasedEntries = false,
  ) {
    super(message, details);
    this.name = "MissingSectionError";
  }
}

/**
 * Picks the section for `version` (the same version under `scheme`, with or without a `v`
 * prefix), or, without a version, the newest released section that is not yanked. `scheme`
 * defaults to the one `versionScheme` picks for the version and the changelog's headings.
 * Throws UsageError naming the file and what was expected when there is no such section (for
 * example an Unreleased-only file).
 */
export function findChangelogSection(changelog: Changelog, version?: string, packageName?: string, scheme?: VersionScheme): ChangelogSection {
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
    ? `it has only an Unreleased section; move its entries under a heading for the new version, e.g. \`## [${echoValue(version ?? "1.2.3")}] - YYYY-MM-DD\``
    : `it has ${released.map((section) => section.version).slice(0, 5).join(", ")}${released.length > 5 ? ", ..." : ""}`;
  if (version !== undefined) {
    const inScheme = scheme ?? versionScheme([version, ...changelog.sections.map((section) => section.version)]);
    const found = released.find((section) => isSameVersion(section.version ?? "", version, inScheme));
    if (found) return found;
    // SemVer tells `RC` from `rc` (npm too); a heading that differs only so is the likely typo.
    const otherCase = released.find((section) => isSameVersion((section.version ?? "").toLowerCase(), version.toLowerCase(), inScheme));
    // Entries waiting under Unreleased are this release's, not yet moved: say so, since a
    // release described without them would leave them out.
    const pending = changelog.sections.find(
      (section) => section.unreleased && (packageName === undefined || section.packageName === undefined || section.packageName === packageName) && section.nodes.length > 0,
    );
    // The version as the lines echo it: one given with --version may be long (echoValue).
    const shown = echoValue(version);
    const moveHint = pending !== undefined && !onlyUnreleased ? `; the entries under Unreleased (line ${pending.line}) are not released yet: move them under \`## [${shown}] - YYYY-MM-DD\`` : "";
    throw new MissingSectionError(
      changelog.file,
      version,
      `${changelog.file} has no section for version ${shown}; ${hint}${moveHint}`,
      // The heading to write is said once: a hint to move entries under it already gives it.
      otherCase
        ? [`${changelog.file}:${otherCase.line} names ${otherCase.version}, which differs in letter case; to SemVer (and npm) that is another version: write it as ${shown}`]
        : moveHint !== "" || onlyUnreleased
          ? []
          : [`expected a heading such as \`## [${shown}] - YYYY-MM-DD\` or \`## ${shown}\``],
      pending !== undefined,
    );
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

/**
 * The released section written below `section` for the same package (the previous release),
 * if any. In a changelog shared by several packages, another package's section (`b@1.0.0`, or
 * `b 1.0.0` next to `a 1.1.0`) is skipped; a section naming no package serves every package.
 */
export function previousRelease(changelog: Changelog, section: ChangelogSection): ChangelogSection | undefined {
  const index = changelog.sections.indexOf(section);
  const samePackage = (candidate: ChangelogSection): boolean =>
    (section.packageName === undefined || candidate.packageName === undefined || candidate.packageName === section.packageName) &&
    (section.headingName === undefined || candidate.headingName === undefined || candidate.headingName.toLowerCase() === section.headingName.toLowerCase());
  return changelog.sections.slice(index + 1).find((candidate) => !candidate.unreleased && candidate.version !== null && samePackage(candidate));
}
