// Composes a release commit message from the released packages' versions and changelog sections.
import { templateProblem } from "../config/release-template.js";
import { describeOption } from "../message/options.js";
import { UsageError } from "../types.js";
import { echoValue } from "../echo-value.js";
import { findChangelogSection, parseChangelog, previousRelease, type Changelog, type ChangelogSection } from "./changelog.js";
import { renderSection } from "./render.js";
import { existingTrailers, mergeTrailers, normalizeTrailer } from "./trailers.js";
import { compareVersions, isLowerVersion, versionScheme, withVPrefix, type VersionScheme } from "./version.js";

/** A changelog file's name (for messages) and its text in the released state. */
export interface ReleaseChangelog {
  file: string;
  text: string;
}

/** One package being released. */
export interface ReleasePackage {
  /** Package name (`name` in package.json, `[package].name` in Cargo.toml, `[project].name` in pyproject.toml). */
  name: string;
  /** The version before the release; null for a package released for the first time (or see `fromUnknown`). */
  from: string | null;
  /**
   * True when `from` is null because the version before is not known, not because there was
   * none: the package was there, but its manifest set no version (`dynamic = ["version"]`)
   * and no tag or changelog heading gave one. Its line says so instead of "first release".
   */
  fromUnknown?: boolean;
  /** The version being released. */
  to: string;
  /** The package's changelog; without one the body lists the version change only. */
  changelog?: ReleaseChangelog;
  /** The changelog heading's version when it differs from `to`; default `to`. */
  changelogVersion?: string;
  /**
   * How the package numbers its versions, from its manifest: `pep440` for pyproject.toml,
   * `semver` for package.json and Cargo.toml. Without it, `versionScheme` decides from the
   * package's versions and its changelog's headings. One scheme orders all of them.
   */
  versionScheme?: VersionScheme;
}

/** Everything `composeReleaseMessage` needs: the two states' data, no git, no files. */
export interface ReleaseInput {
  packages: ReleasePackage[];
  /**
   * Summary template. Placeholders: `{packages}` (`foo v1.2.0, bar v0.3.1`, or `3 packages` when
   * that would make the summary longer than 72), `{count}`, `{name}` (the package name, or
   * `N packages`) and `{version}` (the first package's, `v1.2.0`).
   * Default `chore(release): {packages}`.
   */
  template?: string;
  /** Trailers to add (`Token: value`), after those already in `existingMessage`. */
  trailers?: string[];
  /** A message being replaced (e.g. the file a prepare-commit-msg hook gets): its trailers are kept. */
  existingMessage?: string;
  /** Wrap column for the body's prose. Default 72. */
  width?: number;
  /** Git's comment character; no composed line starts with it. Default `#`. */
  commentChar?: string;
}

export const DEFAULT_TEMPLATE = "chore(release): {packages}";
const SUMMARY_MAX = 72;

/**
 * Composes a release commit message: a summary from the template (at most 72 characters), a
 * line per package with `old -> new`, each package's changelog section as wrapped plain-text
 * Markdown (no HTML, reference links listed after it, nothing a commit parser would misread),
 * then the existing and given trailers last. Pure: the caller supplies both states' data, so
 * the CLI (git index vs HEAD) and the GitHub Action (a pull request's base and head) share it.
 * Throws UsageError when there is nothing to release, a changelog lacks the released version,
 * the template is invalid or a trailer is malformed, and TypeError when a field of `input` has
 * the wrong type (see `assertReleaseInput`).
 */
export function composeReleaseMessage(input: ReleaseInput): string {
  assertReleaseInput(input);
  const packages = input.packages;
  if (packages.length === 0) throw new UsageError("nothing to release: no package changed its version");
  const width = input.width ?? 72;
  const commentChar = input.commentChar ?? "#";
  const summary = composeSummary(packages, input.template ?? DEFAULT_TEMPLATE);

  const parsed = new Map<string, Changelog>();
  const groups: { section: ChangelogSection; changelog: Changelog; packages: ReleasePackage[] }[] = [];
  const released = new Map<ReleasePackage, ChangelogSection>();
  const schemes = new Map<ReleasePackage, VersionScheme>();
  for (const pkg of packages) {
    const own = [pkg.from, pkg.to, pkg.changelogVersion];
    if (!pkg.changelog) {
      schemes.set(pkg, pkg.versionScheme ?? versionScheme(own));
      continue;
    }
    let changelog = parsed.get(pkg.changelog.file);
    if (!changelog) {
      changelog = parseChangelog(pkg.changelog.text, pkg.changelog.file);
      parsed.set(pkg.changelog.file, changelog);
    }
    // Decided once for the package, not per pair of versions: per pair, `1.0.0-1` would be
    // below `1.0.0` (SemVer) yet equal to `1.0.0.post1` (PEP 440), which is no order at all.
    const scheme = pkg.versionScheme ?? versionScheme([...own, ...changelog.sections.map((section) => section.version)]);
    schemes.set(pkg, scheme);
    const section = findChangelogSection(changelog, pkg.changelogVersion ?? pkg.to, pkg.name, scheme);
    released.set(pkg, section);
    for (const described of [section, ...releasesSince(changelog, section, pkg.from, scheme)]) {
      const group = groups.find((candidate) => candidate.section === described);
      if (group) group.packages.push(pkg);
      else groups.push({ section: described, changelog, packages: [pkg] });
    }
  }

  const yanked = new Set(packages.filter((pkg) => released.get(pkg)?.yanked));
  // Sections some package is released at; every other section shown is a passed-over release.
  const releasedSections = new Set(released.values());
  // What the change of version was, where it needs a word: none before, or a step down.
  const change = (pkg: ReleasePackage): string => {
    if (pkg.from === null) return pkg.fromUnknown ? " (previous version unknown)" : " (first release)";
    return isLowerVersion(pkg.from, pkg.to, schemes.get(pkg) as VersionScheme) ? " (lower than before)" : "";
  };
  const versionLine = (pkg: ReleasePackage, date?: string): string =>
    `${pkg.name} ${pkg.from === null ? pkg.to : `${pkg.from} -> ${pkg.to}`}${date ? ` (${date})` : ""}` +
    `${change(pkg)}${yanked.has(pkg) ? " (marked yanked in its changelog)" : ""}`;

  const shown: { group: (typeof groups)[number]; lines: string[]; references: string[] }[] = [];
  for (const group of groups) {
    const rendered = renderSection(group.changelog, group.section, { width, commentChar });
    assertDecodedText(group.changelog, group.section, rendered.lines);
    if (rendered.lines.length > 0 || rendered.references.length > 0) shown.push({ group, ...rendered });
    else if (releasedSections.has(group.section)) assertNotLeftUnreleased(group.changelog, group.section);
  }
  // Each section shown gets a `name version (date):` line when there are several packages or
  // one package's release spans several sections; otherwise the one section needs none. A lone
  // section shown that is a passed-over release's (the released one being empty) needs its line
  // too, or its entries would read as the new version's, under the new version's date.
  const headed =
    packages.length > 1 || shown.length > 1 || shown.some(({ group }) => !releasedSections.has(group.section));
  const sections: string[] = [];
  for (const { group, lines, references } of shown) {
    sections.push("");
    if (headed) {
      const names = group.packages.map((pkg) => pkg.name).join(", ");
      const date = group.section.date ? ` (${group.section.date})` : "";
      // A released version's yank is on its package's version line; a passed-over one has only this line.
      const passedOverYank = group.section.yanked && !releasedSections.has(group.section) ? " (marked yanked in its changelog)" : "";
      sections.push(`${names} ${group.section.version ?? group.packages[0].to}${date}${passedOverYank}:`, "");
    }
    sections.push(...lines);
    if (references.length > 0) sections.push("", ...references);
  }
  // The date of each package whose released section prints no `name version (date):` line.
  const undatedByHeading = new Map<ReleasePackage, string | undefined>();
  for (const [pkg, section] of released) {
    if (!headed || !shown.some(({ group }) => group.section === section)) undatedByHeading.set(pkg, section.date);
  }

  // Where a released section prints no `name version (date):` line (one package, one section;
  // or an empty section), the release date goes on the package's version line, not lost.
  const body: string[] = [];
  if (packages.length === 1) body.push(versionLine(packages[0], undatedByHeading.get(packages[0])));
  else body.push(...packages.map((pkg) => `- ${versionLine(pkg, undatedByHeading.get(pkg))}`));
  body.push(...sections);

  const trailers = mergeTrailers(
    input.existingMessage ? existingTrailers(input.existingMessage, commentChar) : [],
    (input.trailers ?? []).map(normalizeTrailer),
  );
  const lines = [summary, "", ...tidy(body)];
  if (trailers.length > 0) lines.push("", ...trailers);
  return `${lines.join("\n")}\n`;
}

/**
 * The sections of the releases a version change passes over, in the changelog's order: a
 * package going from 1.0.0 to 1.2.0 whose changelog also has 1.1.0 (released from a branch, or
 * by a release commit that never reached this one) ships 1.1.0's changes too, so its body lists
 * them. These are the package's released sections below the released one whose version lies
 * strictly between the two under the package's version scheme (none for a first release).
 */
function releasesSince(changelog: Changelog, section: ChangelogSection, from: string | null, scheme: VersionScheme): ChangelogSection[] {
  const passed: ChangelogSection[] = [];
  if (from === null || section.version === null) return passed;
  for (let previous = previousRelease(changelog, section); previous?.version; previous = previousRelease(changelog, previous)) {
    const aboveFrom = compareVersions(previous.version, from, scheme);
    const belowReleased = compareVersions(previous.version, section.version, scheme);
    if (aboveFrom !== undefined && belowReleased !== undefined && aboveFrom > 0 && belowReleased < 0) passed.push(previous);
  }
  return passed;
}

/**
 * Throws UsageError when the released section holds U+FFFD, the character a UTF-8 decoder puts
 * for bytes that are not UTF-8 (a changelog saved as Latin-1 or Windows-1252): the commit would
 * keep a replacement character where "é" was, for good. Git and the GitHub API hand over bytes, so this is where
 * the mistake can still be seen, and only the section that goes into the message is checked.
 */
function assertDecodedText(changelog: Changelog, section: ChangelogSection, lines: readonly string[]): void {
  if (!lines.some((line) => line.includes("\uFFFD"))) return;
  const textLines = changelog.text.split("\n");
  const index = textLines.findIndex((line, at) => at >= section.line - 1 && line.includes("\uFFFD"));
  const where = index < 0 ? `the ${section.version ?? "released"} section` : `line ${index + 1}`;
  // The text no longer tells a lossy decoding from a literal U+FFFD in a UTF-8 file (rare, but a
  // changelog may document the character): the message says both, and the way out of each.
  throw new UsageError(
    `${changelog.file} is not valid UTF-8 at ${where} (it would reach the commit as "\uFFFD"); save the changelog as UTF-8, ` +
      `or, if the file is UTF-8 and that line means the replacement character itself, write it another way (U+FFFD)`,
  );
}

// In src/config, so config loading checks release.template without loading this module.
export { templateProblem };

/** Fills the summary template, falling back to a count (or the bare version) to stay within 72 characters. */
export function composeSummary(packages: readonly ReleasePackage[], template: string): string {
  const problem = templateProblem(template);
  if (problem) throw new TemplateProblemError(template, problem);
  const count = `${packages.length} package${packages.length === 1 ? "" : "s"}`;
  const version = withVPrefix(packages[0].to);
  const name = packages.length === 1 ? packages[0].name : count;
  const list = packages.map((pkg) => `${pkg.name} ${withVPrefix(pkg.to)}`).join(", ");
  const fill = (packagesText: string): string =>
    template.replace(/\{(\w+)\}/g, (_, key: string) =>
      key === "packages" ? packagesText : key === "count" ? String(packages.length) : key === "name" ? name : version,
    ).trim();
  const candidates = [fill(list), fill(packages.length === 1 ? version : count)];
  const summary = candidates.find((candidate) => candidate.length <= SUMMARY_MAX);
  if (!summary) throw new SummaryTooLongError(candidates[1], template);
  return summary;
}

/**
 * Thrown for a summary template that is empty, runs over two lines or has an unknown
 * placeholder; `problem` says which ("has unknown placeholder {x}; …"), for a caller that
 * names where the template came from, as `--template` does.
 */
export class TemplateProblemError extends UsageError {
  constructor(
    readonly template: string,
    readonly problem: string,
  ) {
    super(`release template ${problem}`);
    this.name = "TemplateProblemError";
  }
}

/**
 * The summary a too-long template makes, as an error shows it: whole up to twice the 72
 * characters it must fit, since the characters over 72 are what the user must see to shorten
 * it; a longer one (a 10 KB --template pasted by mistake) is cut as echoValue cuts a value.
 */
function shownSummary(summary: string): string {
  return summary.length <= 2 * 72 ? summary : echoValue(summary);
}

/**
 * Thrown when even the shortest summary `template` makes (`summary`: the count or the bare
 * version in place of the list) is over 72 characters. It keeps both, and whether the template
 * is the default one (`defaultTemplate`: nothing the caller wrote, so nothing of theirs to
 * shorten), so a caller that knows where the template came from (`--template`, a config file's
 * `release.template`, or neither) can say so in its own terms.
 */
export class SummaryTooLongError extends UsageError {
  /** True when `template` is DEFAULT_TEMPLATE, what composeReleaseMessage uses when given none. */
  readonly defaultTemplate: boolean;

  constructor(
    readonly summary: string,
    readonly template: string,
  ) {
    super(
      template === DEFAULT_TEMPLATE
        ? `release summary "${shownSummary(summary)}" is ${summary.length} characters even in its shortest form, from the default template; give a shorter template to fit 72`
        : `release summary "${shownSummary(summary)}" is ${summary.length} characters; shorten the template "${echoValue(template)}" to fit 72`,
    );
    this.name = "SummaryTooLongError";
    this.defaultTemplate = template === DEFAULT_TEMPLATE;
  }

  /** The summary as the errors show it (see shownSummary). */
  get shown(): string {
    return shownSummary(this.summary);
  }

  /** The problem told after what names the template (`--template`, a config key); the summary shows what it gave. */
  get problem(): string {
    return `makes the release summary "${this.shown}", ${this.summary.length} characters; shorten it to fit 72`;
  }

  /**
   * The error for the default template, which the user never wrote: where to set a shorter one
   * rather than "shorten" it. `places` is the caller's to word, in its own options (the CLI's
   * `--template` or the config's `release.template`; the Action has only the config). Without
   * it (or with an empty one), the place is composeReleaseMessage()'s own `template` input.
   */
  unset(places?: string): UsageError {
    if (places !== undefined && typeof places !== "string") {
      throw new TypeError(`SummaryTooLongError.unset() takes where a template is set, in the caller's words (a string such as "--template"), not ${describeOption(places)}`);
    }
    const where = places === undefined || places.trim() === "" ? "composeReleaseMessage()'s input.template" : places;
    return new UsageError(`release summary "${this.shown}" is ${this.summary.length} characters even in its shortest form; set a shorter template with ${where}`);
  }

  /**
   * The error for a template set in the config file `source`, naming that file and its key
   * (`rationale.release.template` in a package.json, where the settings sit under "rationale",
   * as config problems name them there).
   */
  inConfig(source: string): UsageError {
    // Called bare from JavaScript, the error would name a config file "undefined".
    if (typeof source !== "string" || source.trim() === "") throw new TypeError(`SummaryTooLongError.inConfig() takes the config file the template came from, as a string, not ${describeOption(source)}`);
    const key = /(^|[/\\])package\.json$/.test(source) ? "rationale.release.template" : "release.template";
    return new UsageError(`${source}: ${key} ${this.problem}`);
  }
}

/** Drops trailing spaces and repeated or outer blank lines, as git's cleanup would. */
function tidy(lines: string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line === "" && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}

/**
 * An empty section for the new version while Unreleased still lists entries is the entries
 * left behind: the release commit would name the version and nothing else. A release with
 * nothing to list is possible, so an empty section alone is fine.
 */
const NOT_ENTRIES = new Set(["heading", "html", "thematicBreak", "definition"]);

function assertNotLeftUnreleased(changelog: Changelog, section: ChangelogSection): void {
  // Entries, not the empty "### Added" headings or the "<!-- add entries here -->" a template leaves.
  const unreleased = changelog.sections.find((candidate) => candidate.unreleased && candidate.nodes.some((node) => !NOT_ENTRIES.has(node.type)));
  if (unreleased === undefined) return;
  throw new UsageError(
    `${changelog.file}: the section for ${section.version} (line ${section.line}) is empty while Unreleased (line ${unreleased.line}) still has entries; ` +
      "move them under the new version's heading, or empty Unreleased if this release has nothing to list",
  );
}

const RELEASE_INPUT_KEYS: readonly string[] = ["packages", "template", "trailers", "existingMessage", "width", "commentChar"];

/**
 * Throws a TypeError naming the field and what it expects when a JavaScript caller's input has
 * the wrong shape: a number for a version or the template would otherwise fail deep inside
 * ("version.trim is not a function"), naming neither the field nor the fix.
 */
function assertReleaseInput(input: ReleaseInput): void {
  if (typeof input !== "object" || input === null || !Array.isArray(input.packages)) {
    throw new TypeError("composeReleaseMessage() takes { packages: [...] } (from gatherRelease() or releaseFromStates()), with optional template, trailers, existingMessage");
  }
  // A misspelt key ({ tempate }) would otherwise be passed over, and the default used.
  const unknown = Object.keys(input).find((key) => !RELEASE_INPUT_KEYS.includes(key));
  if (unknown !== undefined) throw new TypeError(`composeReleaseMessage() has no input ${JSON.stringify(unknown)}; it takes { ${RELEASE_INPUT_KEYS.join(", ")} }`);
  const fail = (field: string, expected: string, value: unknown): never => {
    throw new TypeError(`composeReleaseMessage() input.${field} must be ${expected}, not ${describeOption(value)}`);
  };
  const optionalString = (field: string, value: unknown): void => {
    if (value !== undefined && typeof value !== "string") fail(field, "a string", value);
  };
  input.packages.forEach((pkg: ReleasePackage, i) => {
    const at = `packages[${i}]`;
    if (typeof pkg !== "object" || pkg === null) fail(at, "an object such as { name, from, to }", pkg);
    if (typeof pkg.name !== "string") fail(`${at}.name`, "the package name, as a string", pkg.name);
    if (pkg.from !== null && typeof pkg.from !== "string") fail(`${at}.from`, 'a version string such as "1.2.0", or null for a first release', pkg.from);
    if (typeof pkg.to !== "string") fail(`${at}.to`, 'a version string such as "1.3.0"', pkg.to);
    if (pkg.fromUnknown !== undefined && typeof pkg.fromUnknown !== "boolean") fail(`${at}.fromUnknown`, "true or false", pkg.fromUnknown);
    optionalString(`${at}.changelogVersion`, pkg.changelogVersion);
    if (pkg.versionScheme !== undefined && pkg.versionScheme !== "semver" && pkg.versionScheme !== "pep440") fail(`${at}.versionScheme`, '"semver" or "pep440"', pkg.versionScheme);
    const changelog = pkg.changelog;
    if (changelog !== undefined && (typeof changelog !== "object" || changelog === null || typeof changelog.file !== "string" || typeof changelog.text !== "string")) {
      fail(`${at}.changelog`, "{ file, text } with both strings", changelog);
    }
  });
  optionalString("template", input.template);
  optionalString("existingMessage", input.existingMessage);
  optionalString("commentChar", input.commentChar);
  if (input.trailers !== undefined && !(Array.isArray(input.trailers) && input.trailers.every((trailer) => typeof trailer === "string"))) {
    fail("trailers", 'an array of strings such as ["Refs: REL-12"]', input.trailers);
  }
  if (input.width !== undefined && !(Number.isInteger(input.width) && input.width > 0)) fail("width", "a positive whole number of columns", input.width);
}
