// Gathers what a release commit releases from a git repository: the packages whose manifest
// version changed between two states, and each one's changelog in the new state.
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { describeOption } from "../message/options.js";
import { echoOneLine, echoValue, jsonQuote } from "../echo-value.js";
import { nameTooLongError } from "../file-name-errors.js";
import { UsageError, leadingOptionError, optionError } from "../types.js";
import type { ReleaseInput, ReleasePackage } from "./compose.js";
import { assertCommit, changedPaths, git, gitState, isCommit, renamedManifests, repositoryRoot, taggedVersion } from "./git.js";
import type { ManifestPackage, TreeState } from "./manifests.js";
import type { VersionScheme } from "./version.js";

/** The manifest file names whose change can mean a release. */
export const MANIFEST_NAMES = ["package.json", "pnpm-workspace.yaml", "Cargo.toml", "pyproject.toml"] as const;

/** Where and what to compare. */
export interface GatherOptions {
  /** Any directory inside the repository. */
  cwd: string;
  /** The state before the release; default HEAD (an unborn HEAD is an empty state). */
  from?: string;
  /** The state released; default the index (the commit about to be made). Needs `from`. */
  to?: string;
  /** Changelog paths (relative to `cwd`) to use instead of each package's CHANGELOG.md. */
  changelogs?: string[];
  /** The changelog version to describe, for one package or a changelog-only release. */
  version?: string;
  /** Treat a repository without commits as having nothing to release (the hook: a first commit is no bump). */
  skipUnborn?: boolean;
  /**
   * The commit is an amend (`git commit --amend -m 1.2.3`): it replaces HEAD, so the state
   * before it is HEAD's parent (`HEAD^`), and a bump HEAD made is this commit's. Not with `from`.
   */
  amend?: boolean;
  /** A released package without a changelog gets its version line only, instead of an error (see StatesOptions). */
  changelogOptional?: boolean;
}

/**
 * Thrown when no manifest version changed and no changelog was named: nothing to release. It
 * states facts, not how to name a release, which each caller words for its own options (the
 * CLI: --changelog PATH and --version V).
 */
export class NothingToReleaseError extends UsageError {
  /**
   * For "no version changed": true when the state released is the index, where a bump can
   * still be staged, false between two commits; undefined for the other reasons (no commits
   * yet, an empty range).
   */
  readonly stageable?: boolean;

  constructor(message: string, details: string[] = [], facts: { stageable?: boolean } = {}) {
    super(message, details);
    this.name = "NothingToReleaseError";
    if (facts.stageable !== undefined) this.stageable = facts.stageable;
  }
}

/**
 * Thrown when `from` and `to` make an empty range (one commit, or the two swapped): nothing to
 * release whatever the manifests say, so no advice about bumps or versions applies. Its
 * message names the options as gatherRelease() takes them; `from`, `to`, `commit` (the short
 * hash both name, when they name one) and `swapped` let the CLI say it with its flags.
 */
export class EmptyRangeError extends NothingToReleaseError {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly commit: string | undefined,
  ) {
    super(
      commit !== undefined
        ? `nothing to release: from ${echoValue(from)} and to ${echoValue(to)} both name commit ${commit}, so the range is empty`
        : `nothing to release: to ${echoValue(to)} is an ancestor of from ${echoValue(from)}, so the range is empty`,
      [
        commit !== undefined
          ? "give from the state before the release (the last release's tag, the base branch) and to the state released"
          : `from names the state before the release and to the state released: did you mean from ${echoValue(to)} and to ${echoValue(from)}?`,
      ],
    );
    this.name = "EmptyRangeError";
  }

  /** True when `to` is an ancestor of `from` (the two swapped), false when both name one commit. */
  get swapped(): boolean {
    return this.commit === undefined;
  }
}

/**
 * Thrown when a release has no changelog: a released package (`packageName`, `version`)
 * without one where it was looked for, or a release named by version alone with none at the
 * repository root. It states facts; how to name another file or do without one is the caller's
 * to say in its own options (the CLI: --changelog PATH, --allow-missing-changelog; the library:
 * `changelogs`, `changelogOptional`). The message echoes the name and version as read from the
 * manifest cut and on one line (echoOneLine); the fields keep them whole.
 */
export class MissingChangelogError extends UsageError {
  constructor(
    /** The changelog looked for, as a repository path (`packages/b/CHANGELOG.md`). */
    readonly expected: string,
    /** The state it was looked for in (`the index`, a commit). */
    readonly state: string,
    /** The released package without one; undefined for a release named by version alone. */
    readonly packageName?: string,
    /** That package's released version; the message leaves out one undefined or empty. */
    readonly version?: string,
  ) {
    super(
      packageName !== undefined
        ? `no changelog for ${echoOneLine(packageName)}${version ? ` ${echoOneLine(version)}` : ""}: expected ${expected} in ${state}`
        : `no changelog at the repository root in ${state}; expected ${expected}`,
      packageName !== undefined ? ["add it with the release's section"] : [],
    );
    this.name = "MissingChangelogError";
  }
}

const GATHER_OPTIONS: readonly string[] = ["cwd", "from", "to", "changelogs", "version", "skipUnborn", "changelogOptional", "amend"];

/**
 * Throws a TypeError naming the option and what it expects when a JavaScript caller's options
 * have the wrong shape, as releaseFromStates() does: a misspelt `form` would compare HEAD with
 * the index, a number for `from` would be called no commit of the repository, and a string for
 * `changelogs` failed deep inside ("map is not a function").
 */
function assertGatherOptions(options: unknown): asserts options is GatherOptions {
  const given = options as Record<string, unknown> | null | undefined;
  if (typeof given?.cwd !== "string") throw new TypeError("gatherRelease() needs options.cwd: a directory inside the repository, as a string");
  const unknown = Object.keys(given).find((key) => !GATHER_OPTIONS.includes(key));
  if (unknown !== undefined) throw new TypeError(`gatherRelease() has no option ${JSON.stringify(unknown)}; it takes { ${GATHER_OPTIONS.join(", ")} }`);
  const fail = (field: string, expected: string, value: unknown): never => {
    throw new TypeError(`gatherRelease() options.${field} must be ${expected}, not ${describeOption(value)}`);
  };
  for (const field of ["from", "to"]) {
    if (given[field] !== undefined && typeof given[field] !== "string") fail(field, "a revision (a commit, branch or tag), as a string", given[field]);
  }
  if (given.changelogs !== undefined) {
    if (!Array.isArray(given.changelogs)) fail("changelogs", 'an array of paths such as ["CHANGELOG.md"]', given.changelogs);
    (given.changelogs as unknown[]).forEach((entry, i) => {
      if (typeof entry !== "string") fail(`changelogs[${i}]`, 'a path, or "NAME=PATH", as a string', entry);
    });
  }
  if (given.version !== undefined && typeof given.version !== "string") fail("version", 'the changelog version to describe, as a string such as "1.2.0"', given.version);
  for (const field of ["skipUnborn", "changelogOptional", "amend"]) {
    if (given[field] !== undefined && typeof given[field] !== "boolean") fail(field, "true or false", given[field]);
  }
}

const CHANGELOG_NAMES = ["CHANGELOG.md", "changelog.md", "Changelog.md", "CHANGES.md", "HISTORY.md"];

/**
 * Compares the manifests of two states of the repository at `options.cwd` (default: HEAD
 * and the index) and returns the packages released, each with its changelog, ready for
 * `composeReleaseMessage`. Without a version change, a named changelog or version describes a
 * release from the changelog alone (`changelogs`, `version`). Throws UsageError outside a
 * repository and for a bad revision, MissingChangelogError for a missing changelog, and
 * NothingToReleaseError when nothing was bumped (EmptyRangeError for an empty range).
 */
export async function gatherRelease(options: GatherOptions): Promise<Pick<ReleaseInput, "packages">> {
  assertGatherOptions(options);
  await assertNamedVersion(options.version);
  const root = await repositoryRoot(options.cwd);
  if (options.to !== undefined && options.from === undefined) throw leadingOptionError("to", "to needs from: name the state before the release too", [], true);
  if (options.amend && options.from !== undefined) throw new UsageError("amend compares the index with HEAD's parent; it takes no from");
  const from = options.from ?? (options.amend ? "HEAD^" : "HEAD");
  if (options.from !== undefined) await assertCommit(root, options.from, "from");
  if (options.to !== undefined) await assertCommit(root, options.to, "to");
  if (options.from !== undefined && options.to !== undefined) await assertRangeNotEmpty(root, options.from, options.to);
  const fromExists = await isCommit(root, from);
  if (!fromExists && options.skipUnborn) {
    throw new NothingToReleaseError(options.amend ? "nothing to release: the commit amended is the repository's first" : "nothing to release: the repository has no commits yet");
  }
  // A release branch is compared with where it left --from, as its merge would apply it: a
  // release made on the base branch since (another package's bump) is not undone by this one.
  // Before the first commit there is no HEAD to compare with: the label says so, as "between
  // HEAD and the index" would name a commit that does not exist.
  const unborn = options.amend ? `${from} (none: HEAD is the first commit)` : `${from} (no commits yet)`;
  const before = options.from !== undefined ? await forkPoint(root, options.from, options.to ?? "HEAD") : { rev: from, label: fromExists ? from : unborn };
  const changed = await changedPaths(root, before.rev, options.to ?? null, fromExists);
  const beforeState = { ...gitState(root, before.rev, fromExists), label: before.label };
  // Only a change to a manifest can be a release; only then is a moved manifest worth a look.
  const manifestChanged = changed !== null && changed.some((path) => (MANIFEST_NAMES as readonly string[]).includes(posix.basename(path)));
  return releaseFromStates(beforeState, gitState(root, options.to ?? null), {
    changelogs: (options.changelogs ?? []).map((path) => locate(path, options.cwd, root)),
    ...(options.version !== undefined ? { version: options.version } : {}),
    ...(options.changelogOptional ? { changelogOptional: true } : {}),
    ...(changed ? { changedPaths: changed } : {}),
    ...(manifestChanged ? { renamed: await renamedManifests(root, before.rev, options.to ?? null, MANIFEST_NAMES) } : {}),
    ...(fromExists ? { taggedVersion: (pkg: TaggedPackage) => taggedVersion(root, before.rev, pkg.name, pkg.bareTags) } : {}),
    fallbackName: basename(root),
  });
}

/**
 * Throws EmptyRangeError (a NothingToReleaseError) saying the range is empty when `to` is `from` or an ancestor of
 * it (the two swapped): "no version changed ..., stage the bump" would send the user to the
 * index, which such a range never reads.
 */
async function assertRangeNotEmpty(root: string, from: string, to: string): Promise<void> {
  const commit = async (rev: string) => (await git(root, ["rev-parse", "--verify", "--end-of-options", `${rev}^{commit}`])).toString("utf8").trim();
  const [fromSha, toSha] = await Promise.all([commit(from), commit(to)]);
  if (fromSha === toSha) throw new EmptyRangeError(from, to, toSha.slice(0, 7));
  const ancestor = await git(root, ["merge-base", "--is-ancestor", toSha, fromSha]).then(
    () => true,
    () => false,
  );
  if (ancestor) throw new EmptyRangeError(from, to, undefined);
}

/**
 * The commit where `to` branched off `from` (`git merge-base`): `from` itself when it is an
 * ancestor of `to` (a tag of the last release), the fork point when `from` moved on since (the
 * base branch of a release pull request). `from` when there is none (unrelated histories, an
 * unborn HEAD).
 */
async function forkPoint(root: string, from: string, to: string): Promise<{ rev: string; label: string }> {
  try {
    const base = (await git(root, ["merge-base", "--end-of-options", from, to])).toString("utf8").trim();
    const fromSha = (await git(root, ["rev-parse", "--verify", "--end-of-options", `${from}^{commit}`])).toString("utf8").trim();
    if (base === "" || base === fromSha) return { rev: from, label: from };
    return { rev: base, label: `${base.slice(0, 7)} (where ${to} branched off ${from})` };
  } catch {
    return { rev: from, label: from };
  }
}

/** Options of `releaseFromStates`. */
export interface StatesOptions {
  /** Changelogs to use instead of each package's CHANGELOG.md: repository paths, or `Located` entries. */
  changelogs?: (string | Located)[];
  /** The changelog version to describe, for one package or a changelog-only release. */
  version?: string;
  /** Paths that differ between the states, when known: a change touching no manifest is answered without reading any. */
  changedPaths?: readonly string[];
  /** The release's name when no manifest names it (changelog-only releases); default `release`. */
  fallbackName?: string;
  /**
   * Manifests moved between the states, when known (git's rename detection): new path -> old
   * path. A package is matched with its earlier state by manifest path, then through this map,
   * then by its name and ecosystem; a moved package keeps its earlier version.
   */
  renamed?: ReadonlyMap<string, string>;
  /**
   * The version named by the package's last release tag before the release (such as
   * `v1.2.0`, `name@1.2.0`, `name-v1.2.0`), or null. Asked only for a package whose earlier
   * manifest gave no version (`dynamic = ["version"]`, set from that tag), before its changelog.
   */
  taggedVersion?: (pkg: TaggedPackage) => Promise<string | null>;
  /**
   * True: a released package without a changelog is returned without one (its message names
   * its versions only) instead of throwing UsageError. The prepare-commit-msg hook sets it for
   * `npm version`'s commits: npm bumps the version and touches no changelog.
   */
  changelogOptional?: boolean;
}

const STATES_OPTIONS = ["changelogs", "version", "changedPaths", "fallbackName", "renamed", "taggedVersion", "changelogOptional"] as const;

/**
 * Throws a TypeError naming the option and what it expects when a JavaScript caller's options
 * have the wrong shape, as composeReleaseMessage() and memoryState() do: a misspelt key would be
 * passed over, and a string for `changelogs` or an object for `renamed` would fail deep inside
 * ("renamed.get is not a function") or be read letter by letter as paths.
 */
function assertStatesOptions(options: unknown): asserts options is StatesOptions {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`releaseFromStates() options must be an object such as { changelogs, version }, not ${describeOption(options)}`);
  }
  const unknown = Object.keys(options).find((key) => !(STATES_OPTIONS as readonly string[]).includes(key));
  if (unknown !== undefined) throw new TypeError(`releaseFromStates() has no option ${JSON.stringify(unknown)}; it takes { ${STATES_OPTIONS.join(", ")} }`);
  const given = options as Record<string, unknown>;
  const fail = (field: string, expected: string, value: unknown): never => {
    throw new TypeError(`releaseFromStates() options.${field} must be ${expected}, not ${value instanceof Map ? "a Map" : describeOption(value)}`);
  };
  const isStringArray = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === "string");
  if (given.changelogs !== undefined) {
    if (!Array.isArray(given.changelogs)) fail("changelogs", 'an array of repository paths such as ["CHANGELOG.md"]', given.changelogs);
    (given.changelogs as unknown[]).forEach((entry, i) => {
      if (typeof entry !== "string" && !isLocated(entry)) fail(`changelogs[${i}]`, 'a repository path, or "NAME=PATH", as a string', entry);
    });
  }
  if (given.version !== undefined && typeof given.version !== "string") fail("version", 'the changelog version to describe, as a string such as "1.2.0"', given.version);
  if (given.changedPaths !== undefined && !isStringArray(given.changedPaths)) fail("changedPaths", "an array of repository paths, as strings", given.changedPaths);
  if (given.fallbackName !== undefined && typeof given.fallbackName !== "string") fail("fallbackName", "the release's name, as a string", given.fallbackName);
  if (given.renamed !== undefined && !(given.renamed instanceof Map && [...given.renamed].every(([to, from]) => typeof to === "string" && typeof from === "string"))) {
    fail("renamed", "a Map of new manifest path -> old path, both strings (new Map(Object.entries(object)) from an object)", given.renamed);
  }
  if (given.taggedVersion !== undefined && typeof given.taggedVersion !== "function") {
    fail("taggedVersion", "a function of { name, bareTags } returning a promise of the version or null", given.taggedVersion);
  }
  if (given.changelogOptional !== undefined && typeof given.changelogOptional !== "boolean") fail("changelogOptional", "true or false", given.changelogOptional);
}

/** True for a changelog already located (what gatherRelease passes): path, absolute and shown. */
function isLocated(entry: unknown): entry is Located {
  if (typeof entry !== "object" || entry === null) return false;
  const { path, absolute, shown, packageName } = entry as Record<string, unknown>;
  return (path === null || typeof path === "string") && typeof absolute === "string" && typeof shown === "string" && (packageName === undefined || typeof packageName === "string");
}

/** What `taggedVersion` is asked about. */
export interface TaggedPackage {
  name: string;
  /** True when a bare version tag (`v1.2.0`) is the package's: it is the root package, or the only one. */
  bareTags: boolean;
}

/**
 * The git-free core of `gatherRelease`: compares the manifests of `before` and `after` and
 * returns the released packages with their changelogs as `after` has them. The GitHub Action
 * calls it with a pull request's base and head read through the API. Throws
 * NothingToReleaseError when no version changed (and no changelog or version was named),
 * MissingChangelogError when a released package has no changelog (unless `changelogOptional`),
 * and UsageError when a manifest's changed version is no string (`"version": 1.1`: the message
 * names the file, the field and how to write it).
 */
export async function releaseFromStates(before: TreeState, after: TreeState, options: StatesOptions = {}): Promise<Pick<ReleaseInput, "packages">> {
  for (const [name, state] of [["before", before], ["after", after]] as const) {
    if (typeof state?.read !== "function" || typeof state.list !== "function") {
      throw new TypeError(`releaseFromStates() takes two tree states (label, read, list), such as memoryState() returns; ${name} is not one`);
    }
  }
  assertStatesOptions(options);
  await assertNamedVersion(options.version);
  const explicit = (options.changelogs ?? []).map((entry): Located => {
    if (typeof entry !== "string") return entry;
    const named = /^([^=\s]+)=(.+)$/.exec(entry);
    return named ? { path: named[2], absolute: named[2], shown: named[2], packageName: named[1] } : { path: entry, absolute: entry, shown: entry };
  });
  const { bumped, respelled, invalid } = await bumpedPackages(before, after, options.changedPaths, options.renamed);
  if (bumped.length === 0) {
    if (explicit.length > 0 || options.version !== undefined) {
      return { packages: [await changelogOnly(after, explicit, options.version, options.fallbackName ?? "release")] };
    }
    throw new NothingToReleaseError(
      `nothing to release: no version changed in package.json, Cargo.toml or pyproject.toml between ${before.label} and ${after.label}`,
      [
        ...respelled.map(
          (pkg) =>
            `${echoOneLine(pkg.name)} ${echoVersion(pkg.from ?? "")} -> ${echoVersion(pkg.version ?? "")} in ${pkg.manifest} is the same version written another way (${pkg.ecosystem === "python" ? "PEP 440" : "SemVer"}); ` +
            "a release needs a higher or lower one",
        ),
        ...invalid,
      ],
      // Only the index can be staged; between two commits (`to`, a pull request) there is nothing to stage.
      { stageable: after.label === "the index" },
    );
  }
  if (options.version !== undefined && bumped.length > 1) {
    throw leadingOptionError("version", `version ${echoOneLine(options.version)} applies to one package, but ${bumped.length} packages changed version: ${bumped.map((pkg) => pkg.name).join(", ")}`, [], true);
  }

  for (const pkg of bumped) {
    await assertManifestVersion(pkg.version ?? "", `${pkg.manifest} version`, after.label, schemeOf(pkg.ecosystem));
    if (schemeOf(pkg.ecosystem) !== "semver") continue;
    await assertReleasable(pkg.version ?? "", `${pkg.manifest} version`, after.label);
    if (options.version !== undefined) await assertReleasable(options.version, "version");
  }

  const changelogs = await findChangelogs(bumped, explicit, after);
  const packages: ReleasePackage[] = [];
  for (const pkg of bumped) {
    const changelog = changelogs.get(pkg);
    if (!changelog && !options.changelogOptional) {
      throw new MissingChangelogError(posix.join(pkg.dir, "CHANGELOG.md"), after.label, pkg.name, pkg.version ?? "");
    }
    const scheme = schemeOf(pkg.ecosystem);
    const from = pkg.from ?? (pkg.existed ? await knownEarlierVersion(pkg, changelog, scheme, options) : null);
    packages.push({
      name: pkg.name,
      from,
      // A package that was there before is no first release, even when its version then is not known.
      ...(from === null && pkg.existed ? { fromUnknown: true } : {}),
      to: pkg.version ?? "",
      ...(changelog ? { changelog } : {}),
      ...(options.version !== undefined ? { changelogVersion: options.version } : {}),
      versionScheme: scheme,
    });
  }
  return { packages };
}

/**
 * Throws UsageError when `version`, which a SemVer package is about to release, has a number
 * with a leading zero (`1.0.0-rc.01`): SemVer forbids it, npm publish and cargo refuse it, and
 * npm's loose reading takes it for `1.0.0-rc.1`, so the message would describe a version no
 * registry takes. Versions read from history (the manifest before, a tag, an older heading)
 * are not checked: there such a version is no SemVer version, compared by its text alone.
 * `state` is the state a manifest's version was read from, named after the version.
 */
async function assertReleasable(version: string, where: string, state?: string): Promise<void> {
  const { semverLeadingZero } = await import("./version.js");
  const problem = semverLeadingZero(version);
  if (problem === undefined) return;
  const message = `${where} ${echoOneLine(version)}${state === undefined ? "" : ` in ${state}`} is not a SemVer version: ${problem}`;
  throw where === "version" ? leadingOptionError(where, message, [], true) : new UsageError(message);
}

/**
 * Throws UsageError (about option `version`, as for a leading zero) when the version a caller
 * names is no version a changelog heading could name (`banana`, `"1.2.0\nextra"`): the CLI
 * refuses such a --version, and a library caller's went on to "no section for version …" or
 * into the release message.
 */
async function assertNamedVersion(version: string | undefined): Promise<void> {
  if (version === undefined) return;
  const { namedVersionProblem } = await import("./version.js");
  const problem = namedVersionProblem(version);
  if (problem !== undefined) throw leadingOptionError("version", `version ${problem}`, [], true);
}

/**
 * Throws UsageError when a manifest's new version is no version of its scheme at all: one
 * holding a line break (`"1.0.0\nsecond line\n999"`) or text (`banana`). Such a version used to
 * pass (only a leading zero was refused) and reach later errors ("no section for version"), or
 * with --allow-missing-changelog a release message carrying it. The version is echoed cut and
 * on one line.
 */
async function assertManifestVersion(version: string, where: string, state: string, scheme: VersionScheme): Promise<void> {
  const { notAVersion } = await import("./version.js");
  const problem = notAVersion(version, scheme);
  if (problem === undefined) return;
  throw new UsageError(`${where} ${echoVersion(version)} in ${state} is not a ${scheme === "pep440" ? "PEP 440" : "SemVer"} version: ${problem}`);
}

/**
 * A manifest's version as an error line echoes it: cut as echoValue cuts it, and quoted with its
 * escapes (jsonQuote) when it holds a blank or a control character, which would not show
 * otherwise (`" 1.0.0"`, `"1.0.0\n"`), or is empty, which would leave a gap between two blanks.
 */
function echoVersion(version: string): string {
  return version === "" || /[\s\p{Cc}]/u.test(version) ? jsonQuote(echoValue(version)) : echoValue(version);
}

/** How an ecosystem numbers versions: Python by PEP 440, npm and cargo by SemVer. */
function schemeOf(ecosystem: ManifestPackage["ecosystem"]): VersionScheme {
  return ecosystem === "python" ? "pep440" : "semver";
}

interface BumpedPackage extends ManifestPackage {
  /** The version in the earlier state's manifest; null when the package is new, or had no static version there. */
  from: string | null;
  /** True when the package was in the earlier state (at its manifest path, moved, or renamed). */
  existed: boolean;
  /** True when it is the root package or the only one, so that a bare version tag is its. */
  bareTags: boolean;
}

/**
 * The version before the release of a package whose earlier manifest gave none (a version
 * set at build time from a git tag, `dynamic = ["version"]`, or no `version` field): the
 * version of its last release tag, else the heading below the released one in its changelog.
 * Null when neither names another version of the package's scheme.
 */
async function knownEarlierVersion(pkg: BumpedPackage, changelog: { file: string; text: string } | undefined, scheme: VersionScheme, options: StatesOptions): Promise<string | null> {
  const { compareVersions } = await import("./version.js");
  const usable = (version: string | null | undefined): version is string => {
    const order = version ? compareVersions(version, pkg.version ?? "", scheme) : undefined;
    return order !== undefined && order !== 0;
  };
  const tagged = await options.taggedVersion?.({ name: pkg.name, bareTags: pkg.bareTags });
  if (usable(tagged)) return tagged;
  if (changelog === undefined) return null;
  const { findChangelogSection, parseChangelog, previousRelease } = await import("./changelog.js");
  try {
    const parsed = parseChangelog(changelog.text, changelog.file);
    const previous = previousRelease(parsed, findChangelogSection(parsed, options.version ?? pkg.version ?? "", pkg.name, scheme))?.version;
    return usable(previous) ? previous : null;
  } catch (error) {
    // A changelog without the released version fails again, with its message, when composed.
    if (error instanceof UsageError) return null;
    throw error;
  }
}

/**
 * The packages whose version changed between the states, and those whose version is only
 * written another way (`1.0` -> `1.0.0` in pyproject.toml, `v1.0.0` -> `1.0.0`): the same
 * version by the ecosystem's scheme, so no release. SemVer's order does not weigh build
 * metadata, and npm and crates.io take `1.0.0+a` and `1.0.0+b` for one version too.
 */
async function bumpedPackages(
  before: TreeState,
  after: TreeState,
  changed: readonly string[] | undefined,
  renamed: ReadonlyMap<string, string> = new Map(),
): Promise<{ bumped: BumpedPackage[]; respelled: BumpedPackage[]; invalid: string[] }> {
  // Most commits touch no manifest: answer those from one `git diff` (the hook runs on every commit).
  if (changed && !changed.some((path) => (MANIFEST_NAMES as readonly string[]).includes(posix.basename(path)))) return { bumped: [], respelled: [], invalid: [] };
  // Loaded only now: a commit that touches no manifest never pays for the TOML and YAML parsers.
  const [{ discoverPackages, invalidVersionMessage }, { compareVersions, isLowerVersion }] = await Promise.all([import("./manifests.js"), import("./version.js")]);
  const [old, current] = await Promise.all([discoverPackages(before), discoverPackages(after)]);
  const bumped: BumpedPackage[] = [];
  const respelled: BumpedPackage[] = [];
  // A version field that holds no string (`"version": 1.1`) is the user's bump gone wrong when it
  // changed: refuse it. One that was so before too is no release, and "nothing to release" names it.
  const invalid = new Set<string>();
  for (const pkg of current) {
    if (pkg.invalidVersion === undefined) continue;
    const message = invalidVersionMessage(pkg.invalidVersion, after.label);
    const earlier = old.find((candidate) => candidate.manifest === pkg.manifest && candidate.ecosystem === pkg.ecosystem)?.invalidVersion;
    if (earlier === undefined || invalidVersionMessage(earlier, after.label) !== message) throw new UsageError(message);
    invalid.add(message);
  }
  const stayed = (candidate: ManifestPackage) =>
    current.some((other) => other.manifest === candidate.manifest && other.ecosystem === candidate.ecosystem && other.name === candidate.name);
  for (const pkg of current) {
    const version = pkg.version;
    if (version === null) continue;
    const sameKind = old.filter((candidate) => candidate.ecosystem === pkg.ecosystem);
    // Where it was: at its manifest's path, else where git saw that manifest move from, else
    // (moved and edited past git's rename detection, or into a new workspace) a package of its
    // name that is no longer where it was. A "move" that also renames the package and lowers
    // its version is two packages: small manifests are alike enough for git to pair a removed
    // crate's with a new one's (`parser` 0.4.1 gone, `cli` 0.1.0 added), and no one moves a
    // package, renames it and goes back in version at once.
    const previous =
      sameKind.find((candidate) => candidate.manifest === pkg.manifest) ??
      sameKind.find(
        (candidate) =>
          candidate.manifest === renamed.get(pkg.manifest) &&
          (candidate.name === pkg.name || candidate.version === null || !isLowerVersion(candidate.version, version, schemeOf(pkg.ecosystem))),
      ) ??
      sameKind.find((candidate) => candidate.name === pkg.name && !stayed(candidate));
    if (previous?.version === version) continue;
    const from = previous?.version ?? null;
    const entry = { ...pkg, from, existed: previous !== undefined, bareTags: pkg.dir === "" || current.length === 1 };
    if (from !== null && compareVersions(from, version, schemeOf(pkg.ecosystem)) === 0) respelled.push(entry);
    else bumped.push(entry);
  }
  return { bumped, respelled, invalid: [...invalid] };
}

/** A changelog the user named. */
export interface Located {
  /** Repository-relative path, or null for a file outside the repository (read from disk). */
  path: string | null;
  absolute: string;
  shown: string;
  /** The package it belongs to, from the `NAME=PATH` form. */
  packageName?: string;
}

function locate(argument: string, cwd: string, root: string): Located {
  const named = /^([^=\s]+)=(.+)$/.exec(argument);
  if (named) return { ...locate(named[2], cwd, root), packageName: named[1] };
  const path = argument;
  const absolute = resolve(cwd, path);
  const inside = relative(root, absolute);
  const outside = inside.startsWith("..") || isAbsolute(inside);
  return { path: outside ? null : inside.split(sep).join("/"), absolute, shown: path };
}

async function readLocated(located: Located, state: TreeState): Promise<{ file: string; text: string }> {
  // The path as given, for the errors about one that cannot be a changelog: in words that fit
  // the CLI's --changelog and a library caller's options.changelogs alike.
  const given = `changelog ${located.shown}${located.packageName === undefined ? "" : ` (for ${echoValue(located.packageName)})`}`;
  // Only a path the CLI resolved is looked up on disk (a library caller's paths are the state's).
  const stat = isAbsolute(located.absolute) ? statOrCode(located.absolute) : undefined;
  // No file has such a name: a value pasted by mistake, echoed cut rather than whole.
  if (stat === "ENAMETOOLONG") throw nameTooLongError("read", given);
  if (typeof stat === "object" && stat.isDirectory()) {
    // git reads a directory as no file, which "not in the index (stage it)" would misname.
    const inside = CHANGELOG_NAMES.find((name) => statSync(join(located.absolute, name), { throwIfNoEntry: false })?.isFile());
    const shown = located.shown.replace(/[\\/]+$/, "");
    throw new UsageError(`${given} is a directory; expected ${inside === undefined ? "a Markdown changelog file" : `a changelog file, such as ${shown === "" ? "/" : `${shown}/`}${inside}`}`);
  }
  if (located.path === null) {
    try {
      return { file: located.shown, text: await readFile(located.absolute, "utf8") };
    } catch {
      throw new UsageError(`${given} cannot be read; expected a Markdown changelog file`);
    }
  }
  const text = (await state.read([located.path])).get(located.path);
  if (text == null) {
    // Only a file that exists on disk can be staged; otherwise the path itself is wrong.
    if (state.label === "the index" && isAbsolute(located.absolute) && !existsSync(located.absolute)) throw new UsageError(`${given} does not exist; expected a path to a Markdown changelog`);
    const hint = state.label === "the index" ? ` (stage it with git add ${located.shown})` : "";
    throw new UsageError(`changelog ${located.path} is not in ${state.label}${hint}`);
  }
  return { file: located.path, text };
}

/** `path`'s stat, undefined when nothing is there, or the error code when it cannot be asked (ENAMETOOLONG). */
function statOrCode(path: string): ReturnType<typeof statSync> | string {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? "unknown";
  }
}

/** Picks each package's changelog: a given one in its directory or above, else the nearest CHANGELOG.md. */
async function findChangelogs(packages: BumpedPackage[], explicit: Located[], state: TreeState): Promise<Map<BumpedPackage, { file: string; text: string }>> {
  const out = new Map<BumpedPackage, { file: string; text: string }>();
  const loaded = new Map<Located, { file: string; text: string }>();
  const load = async (located: Located) => {
    let value = loaded.get(located);
    if (!value) loaded.set(located, (value = await readLocated(located, state)));
    return value;
  };
  // A changelog is matched to its package by name (`NAME=PATH`), then by location (the package's
  // directory or one above it, else one below it that is no other released package's); packages
  // still without one get their nearest CHANGELOG.md, and one given changelog left over goes to
  // the one package left without any. A given changelog no package takes is an error.
  // One package and one changelog given: that is its changelog, wherever the file is.
  if (packages.length === 1 && explicit.length === 1 && explicit[0].packageName === undefined) {
    out.set(packages[0], await load(explicit[0]));
    return out;
  }
  // One changelog a package: a name given twice leaves the second unused, which would read as
  // "no released package is named a" while a is released.
  const named = new Map<string, Located>();
  for (const located of explicit) {
    if (located.packageName === undefined) continue;
    const earlier = named.get(located.packageName);
    if (earlier !== undefined) {
      const name = echoOneLine(located.packageName);
      throw leadingOptionError("changelog", `changelog ${name}=${located.shown}: ${name} already has changelog ${name}=${earlier.shown}; give one changelog a package`, [], true);
    }
    named.set(located.packageName, located);
  }
  const unused = new Set(explicit);
  const missing: BumpedPackage[] = [];
  const givenTo = new Map<BumpedPackage, Located>();
  const dirOf = (located: Located) => posix.dirname(located.path ?? "");
  const above = (pkg: BumpedPackage, located: Located) => located.path !== null && isWithin(pkg.dir, dirOf(located));
  const below = (pkg: BumpedPackage, located: Located) =>
    located.path !== null &&
    isWithin(dirOf(located), pkg.dir) &&
    !packages.some((other) => other.dir !== pkg.dir && isWithin(other.dir, pkg.dir) && isWithin(dirOf(located), other.dir));
  for (const pkg of packages) {
    const unnamed = explicit.filter((located) => located.packageName === undefined && located.path !== null);
    const given =
      explicit.find((located) => located.packageName === pkg.name) ??
      unnamed.filter((located) => above(pkg, located)).sort((a, b) => (b.path ?? "").length - (a.path ?? "").length)[0] ??
      unnamed.filter((located) => below(pkg, located)).sort((a, b) => (a.path ?? "").length - (b.path ?? "").length)[0];
    if (given) {
      out.set(pkg, await load(given));
      givenTo.set(pkg, given);
      unused.delete(given);
    } else missing.push(pkg);
  }
  const unknown = [...unused].find((located) => located.packageName !== undefined);
  if (unknown) {
    const name = echoValue(unknown.packageName as string);
    throw leadingOptionError("changelog", `changelog ${name}=${unknown.shown}: no released package is named ${name}`, [`released: ${packages.map((pkg) => pkg.name).join(", ")}`], true);
  }
  const candidates = new Map<BumpedPackage, string[]>(missing.map((pkg) => [pkg, ancestors(pkg.dir).flatMap((dir) => CHANGELOG_NAMES.map((name) => posix.join(dir, name)))]));
  const read = await state.read([...new Set([...candidates.values()].flat())]);
  for (const [pkg, paths] of candidates) {
    const path = paths.find((candidate) => read.get(candidate) != null);
    if (path) out.set(pkg, { file: path, text: read.get(path) as string });
  }
  const without = packages.filter((pkg) => !out.has(pkg));
  const leftover = [...unused].filter((located) => located.packageName === undefined);
  if (without.length === 1 && leftover.length === 1) out.set(without[0], await load(leftover[0]));
  else if (leftover.length > 0) {
    // A changelog where a package is that took another one (the same path given twice, or two
    // for one package) is a second changelog for it, not one "no released package" is near.
    const shown = (located: Located) => `${located.packageName === undefined ? "" : `${echoOneLine(located.packageName)}=`}${located.shown}`;
    const taker = packages.find((pkg) => givenTo.has(pkg) && (above(pkg, leftover[0]) || below(pkg, leftover[0])));
    if (taker !== undefined) {
      throw leadingOptionError("changelog", `changelog ${leftover[0].shown}: ${echoOneLine(taker.name)} already has changelog ${shown(givenTo.get(taker) as Located)}; give one changelog a package`, [], true);
    }
    throw leadingOptionError(
      "changelog",
      `changelog ${leftover[0].shown}: no released package is in its directory, above or below it`,
      [`name the package it belongs to, as NAME=${leftover[0].shown} (released: ${packages.map((pkg) => pkg.name).join(", ")})`],
      true,
    );
  }
  return out;
}

/** `dir` and each directory above it up to the repository root (`""`). */
function ancestors(dir: string): string[] {
  const out: string[] = [];
  let current = dir;
  for (;;) {
    out.push(current);
    if (current === "") return out;
    const parent = posix.dirname(current);
    current = parent === "." ? "" : parent;
  }
}

/** True when `dir` is `ancestor` or below it (`""` is the root). */
function isWithin(dir: string, ancestor: string): boolean {
  const base = ancestor === "." ? "" : ancestor;
  return base === "" || dir === base || dir.startsWith(`${base}/`);
}

/** A release described by a changelog alone: its named (or newest) section and the one before it. */
async function changelogOnly(state: TreeState, explicit: Located[], version: string | undefined, fallbackName: string): Promise<ReleasePackage> {
  if (explicit.length > 1) throw optionError("--changelog", "with no version change in a manifest, give one changelog (the release to describe)");
  let changelog: { file: string; text: string };
  if (explicit.length === 1) changelog = await readLocated(explicit[0], state);
  else {
    const read = await state.read(CHANGELOG_NAMES);
    const file = CHANGELOG_NAMES.find((name) => read.get(name) != null);
    if (!file) throw new MissingChangelogError("CHANGELOG.md", state.label);
    changelog = { file, text: read.get(file) as string };
  }
  // Loaded here, not at the top: the prepare-commit-msg hook imports this module on every commit.
  const { findChangelogSection, parseChangelog, previousRelease } = await import("./changelog.js");
  const { discoverPackages } = await import("./manifests.js");
  const rootPackage = (await discoverPackages(state)).find((pkg) => pkg.dir === "");
  // The root manifest says how versions are numbered; without one, the changelog's headings do.
  const scheme = rootPackage ? schemeOf(rootPackage.ecosystem) : undefined;
  const parsed = parseChangelog(changelog.text, changelog.file);
  const { versionScheme } = await import("./version.js");
  const semver = (scheme ?? versionScheme([version, ...parsed.sections.map((candidate) => candidate.version)])) === "semver";
  if (semver && version !== undefined) await assertReleasable(version, "version");
  const section = findChangelogSection(parsed, version, undefined, scheme);
  if (semver && section.version !== null) await assertReleasable(section.version, `${changelog.file}:${section.line} heading version`);
  return {
    name: rootPackage?.name ?? fallbackName,
    from: previousRelease(parsed, section)?.version ?? null,
    to: section.version ?? version ?? "",
    changelog,
    ...(version ? { changelogVersion: version } : {}),
    ...(scheme ? { versionScheme: scheme } : {}),
  };
}
