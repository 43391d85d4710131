// Recognises version numbers in changelog headings and compares them with manifest versions:
// SemVer as npm and cargo write it, PEP 440 as Python projects do.
import { echoOneLine, echoValue, jsonQuote } from "../echo-value.js";

/** The PEP 440 words that may follow a release with `.` or `_` (`1.2.3.post1`, `2.0.0.dev3`, `1.0_rc1`). */
const PEP440_WORD = String.raw`(?:alpha|beta|preview|pre|rc|a|b|c|post|rev|r|dev)\d*(?![0-9A-Za-z])`;

/**
 * A version as changelogs write it: `1.2.3`, `v1.2.3`, `1.2`, pre-releases (`1.2.3-rc.1`,
 * PEP 440's `1.2.3rc1`), PEP 440's post, dev and epoch parts (`1.2.3.post1`, `2.0.0.dev3`,
 * `1!2.0`) and build metadata or a local version (`1.2.3+build.5`). At least one dot is
 * required so dates (`2024-03-18`) and issue numbers are never taken for versions, and a dot
 * after the numbers only before a PEP 440 word, so `1.x` is no version. Meant for a regular
 * expression with the `i` flag, which `1.0.POST1` needs.
 */
export const VERSION_SOURCE =
  String.raw`v?(?:\d+!)?\d+(?:\.\d+)+(?:(?:(?:-|[._](?=${PEP440_WORD}))[0-9A-Za-z-]+|[0-9A-Za-z][0-9A-Za-z-]*)(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:[._][0-9A-Za-z-]+)*)?`;

/**
 * Why `version`, a version a caller names (the CLI's --version, the release functions'
 * `options.version`), is none, or undefined when it is one: it must be a version as changelog
 * headings write it (VERSION_SOURCE, blanks around it allowed), since a heading names a version
 * only in that form and anything else could never be found.
 */
export function namedVersionProblem(version: string): string | undefined {
  if (new RegExp(`^(?:${VERSION_SOURCE})$`, "i").test(version.trim())) return undefined;
  return `${jsonQuote(echoValue(version))} is not a version; expected one such as 1.2.3, v1.2.3, 1.2, 2.0.0-rc.1 or 1.2.3.post1`;
}

/**
 * Normalises a version for comparison under `scheme`: surrounding space trimmed and no leading
 * `v` (or `V`: the prefix is no part of the version in either scheme, so it cannot make two
 * versions one). Lower case under PEP 440 only, which reads letters in any case (`1.0RC1` is
 * `1.0rc1`); SemVer compares pre-release words in ASCII order, so `1.0.0-RC.1` is another,
 * lower version than `1.0.0-rc.1`, as npm's semver package has it.
 */
export function normalizeVersion(version: string, scheme: VersionScheme): string {
  const bare = version.trim().replace(/^v(?=\d)/i, "");
  return scheme === "pep440" ? bare.toLowerCase() : bare;
}

/**
 * How a project numbers its versions: `semver` (npm, cargo: `1.0.0-1` is a pre-release of
 * 1.0.0) or `pep440` (Python: `1.0.0-1` is `1.0.0.post1`). A changelog's versions are compared
 * under one scheme, so that they have one order.
 */
export type VersionScheme = "semver" | "pep440";

/**
 * The scheme for a set of versions whose manifest is not known: PEP 440 when one of them is
 * written the Python way (an epoch, or a pre-, post- or dev-release part not introduced by a
 * hyphen: `2.0.0rc1`, `1.2.3.post1`, `1!2.0`) and every one is a PEP 440 version, else SemVer.
 * What is no version at all (`banana`, an Unreleased heading) does not count.
 */
export function versionScheme(versions: Iterable<string | null | undefined>): VersionScheme {
  let python = false;
  for (const version of versions) {
    if (version == null) continue;
    const parts = pep440Parts(version);
    if (parts === undefined) {
      if (versionParts(version) !== undefined) return "semver";
      continue;
    }
    python ||= parts.pythonStyle;
  }
  return python ? "pep440" : "semver";
}

/**
 * True when two versions name the same release under `scheme` (the package's, from its
 * manifest, or `versionScheme` of all its versions). Under PEP 440, whenever the order finds them equal:
 * `2.0.0rc1` and `2.0.0-rc.1`, `1.0.post1` and `1.0.0.post1`, `1.2` and `1.2.0`. Under SemVer,
 * `v1.2.3` and `1.2.3`, and `2.0.0rc1` and `2.0.0-rc1`, but not `2.0.0-rc1` and `2.0.0-rc.1`
 * (one identifier against two), nor `2.0.0-RC.1` and `2.0.0-rc.1` (letter case counts), nor
 * `1.2` and `1.2.0` or `1.0.0+build.1` and `1.0.0`: the order does not weigh the missing zero
 * or the build metadata, but they are other names. Two versions the same are always equal in
 * `compareVersions`.
 */
export function isSameVersion(a: string, b: string, scheme: VersionScheme): boolean {
  if (normalizeVersion(a, scheme) === normalizeVersion(b, scheme)) return true;
  if (compareVersions(a, b, scheme) !== 0) return false;
  if (scheme === "pep440") return true;
  const [x, y] = [versionParts(a), versionParts(b)];
  return x !== undefined && y !== undefined && x.numbers.length === y.numbers.length && x.build === y.build;
}

/** The version with one leading `v`, as the summary line shows it. */
export function withVPrefix(version: string): string {
  return /^v\d/i.test(version) ? version : `v${version}`;
}

/**
 * True when `to` is lower than `from` in `scheme`'s order, so the release goes back: `2.0.0`
 * -> `1.9.0`, a release back to its own pre-release (`1.0.0` -> `1.0.0-rc.1`), and under PEP
 * 440 an epoch (`1!1.0` -> `2.0`) or a post-release given up (`1.0.post1` -> `1.0`). A
 * pre-release made final (`1.0.0-rc.1` -> `1.0.0`) and a post-release (`1.0` -> `1.0.post1`)
 * go up, and what the order does not weigh (SemVer build metadata) is never lower. When either
 * is no version of the scheme (`1.0.0.post1` in a package.json), their numbers alone decide.
 */
export function isLowerVersion(from: string, to: string, scheme: VersionScheme): boolean {
  const order = compareVersions(to, from, scheme);
  if (order !== undefined) return order < 0;
  const numbers = (version: string) => {
    const match = /^(?:(\d+)!)?(\d+(?:\.\d+)*)/.exec(normalizeVersion(version, scheme));
    return [match?.[1] ?? "0", ...(match?.[2] ?? "").split(".")].map(Number);
  };
  return compareNumbers(numbers(to), numbers(from)) < 0;
}

/**
 * Orders two versions under `scheme`, negative, zero or positive as `a` is lower, the same or
 * higher; undefined when either is no version number of that scheme. The scheme is the
 * package's (from its manifest, or `versionScheme` of all its versions, its changelog's
 * included), never one picked per pair: each pair deciding for itself is no order (`1.0.0-1` <
 * `1.0.0` by SemVer, `1.0.0` < `1.0.0.post0` < `1.0.0-1` by PEP 440).
 *
 * `pep440`: as PEP 440 orders them: epoch, release, then `1.0.dev1` < `1.0a1` < `1.0b2` <
 * `1.0rc1` < `1.0` < `1.0.post1`, with its spellings (`1.0-rc.1`, `1.0RC1`, `1.0c1` are
 * `1.0rc1`; `1.0-1` is `1.0.post1`) and local versions (`1.0+ubuntu.1` above `1.0`).
 * `semver`: by semantic-versioning precedence, as npm's semver package orders them: the
 * numbers part by part, then a pre-release below the same numbers without one (`2.0.0-rc.1` <
 * `2.0.0`, npm's `1.0.1-0` < `1.0.1`), then the pre-release's dot-separated identifiers one
 * by one, numerically where both are numbers (`rc.2` < `rc.10`), else a number below a word
 * and words in ASCII order, upper case first (`RC.1` < `rc.1`), so `rc1` is one word (`rc.1` <
 * `rc.2` < `rc1` < `rc10` < `rc2`); a
 * pre-release written without its hyphen (`2.0.0rc1`) is read as with it (`2.0.0-rc1`), as
 * npm's loose mode does; PEP 440's post-, dev-releases and epochs are no SemVer versions. Build metadata is not
 * weighed. In both, missing numbers are zeros (`1.0` == `1.0.0`).
 */
export function compareVersions(a: string, b: string, scheme: VersionScheme): number | undefined {
  if (scheme === "pep440") {
    const [p, q] = [pep440Parts(a), pep440Parts(b)];
    return p === undefined || q === undefined ? undefined : comparePep440(p, q);
  }
  const [x, y] = [versionParts(a), versionParts(b)];
  if (x === undefined || y === undefined) return undefined;
  const numbers = compareNumbers(x.numbers, y.numbers);
  if (numbers !== 0) return numbers;
  if (x.pre.length === 0 || y.pre.length === 0) return y.pre.length - x.pre.length;
  for (let index = 0; index < Math.min(x.pre.length, y.pre.length); index++) {
    const [p, q] = [x.pre[index], y.pre[index]];
    const [pNumber, qNumber] = [/^\d+$/.test(p), /^\d+$/.test(q)];
    if (pNumber && qNumber && Number(p) !== Number(q)) return Number(p) - Number(q);
    // A number sorts below a word, as semver says; two words in ASCII order.
    if (pNumber !== qNumber) return pNumber ? -1 : 1;
    if (p !== q) return p < q ? -1 : 1;
  }
  return x.pre.length - y.pre.length;
}

/** Compares two lists of numbers part by part, a missing part being 0. */
function compareNumbers(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * Why `version`, read from a manifest of a package numbered by `scheme`, is no version of that
 * scheme, or undefined when it is one. A version holding a line break, a blank or another
 * control character (`"1.0.0\nsecond line"`) is none, even around it: the release message
 * would carry it whole, and cargo refuses one. Otherwise what the scheme's parser here does not
 * read (`banana`, `1.0.0.post1` in a package.json) is none: npm publish and cargo refuse it
 * under SemVer, pip and build under PEP 440. The loose spellings compareVersions reads (`v1.2.3`,
 * `1.2`, `2.0.0rc1`) pass; a SemVer leading zero is semverLeadingZero's to say.
 */
export function notAVersion(version: string, scheme: VersionScheme): string | undefined {
  const odd = /[\s\p{Cc}]/u.exec(version)?.[0];
  if (odd !== undefined) {
    const what = odd === "\n" || odd === "\r" ? "a line break" : /\p{Cc}/u.test(odd) ? "a control character" : "a blank";
    return `it holds ${what}; a version is one word, such as 1.2.3`;
  }
  if (scheme === "pep440") return pep440Parts(version) === undefined ? "expected one such as 1.2.3, 2.0.0rc1 or 1.2.3.post1, as pip requires" : undefined;
  return semverSyntax(version) === undefined ? "expected one such as 1.2.3 or 2.0.0-rc.1, as npm publish and cargo require" : undefined;
}

/**
 * Why `version`, written like a SemVer version, is none: a number with a leading zero (`01`),
 * which SemVer 2.0.0 forbids in the major, minor and patch numbers (§2) and in a numeric
 * pre-release identifier (§9), and which npm's semver (`valid("1.0.0-rc.01")` is null), `npm
 * publish` and cargo refuse. The sentence names the number and the rule and ends with the
 * version to write instead; undefined when there is no such number (build metadata may have
 * one). Loose npm reads `rc.01` as `rc.1`, so the two would otherwise pass for one version.
 */
export function semverLeadingZero(version: string): string | undefined {
  const parts = semverSyntax(version);
  if (parts === undefined) return undefined;
  const inNumbers = parts.numbers.find(hasLeadingZero);
  const inPre = parts.pre.find((identifier) => /^\d+$/.test(identifier) && hasLeadingZero(identifier));
  if (inNumbers === undefined && inPre === undefined) return undefined;
  const where = inNumbers !== undefined ? "in the major, minor and patch numbers (§2)" : "in a numeric pre-release identifier (§9)";
  const number = (identifier: string) => (/^\d+$/.test(identifier) ? String(BigInt(identifier)) : identifier);
  const prefix = /^\s*(v?)/i.exec(version)?.[1] ?? "";
  const hyphen = version.trim().slice(prefix.length + parts.numbers.join(".").length).startsWith("-") ? "-" : "";
  const fixed =
    prefix +
    parts.numbers.map(number).join(".") +
    (parts.pre.length > 0 ? hyphen + parts.pre.map(number).join(".") : "") +
    (parts.build !== "" ? `+${parts.build}` : "");
  // Cut as an echoed value: a 10 KB pre-release is the version again, less one zero.
  return `its number ${echoOneLine(inNumbers ?? inPre ?? "")} has a leading zero, which SemVer forbids ${where} and npm publish and cargo refuse; write ${echoOneLine(fixed)}`;
}

function hasLeadingZero(number: string): boolean {
  return /^0\d/.test(number);
}

/** The parts of a version written as SemVer writes one, leading zeros and all. */
function semverSyntax(version: string): { numbers: string[]; pre: string[]; build: string } | undefined {
  // An identifier is [0-9A-Za-z-]+ (§9, §10), so it may start or end with a hyphen (`1.0.0--x`,
  // `1.0.0-a-`, `1.0.0+build-`); only a pre-release written without its hyphen (`2.0.0rc1`)
  // starts otherwise. Build metadata, when its `+` is written, has one identifier or more.
  const match = /^(\d+(?:\.\d+)*)(?:(?:-|(?=[0-9A-Za-z]))([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/.exec(
    normalizeVersion(version, "semver"),
  );
  if (match === null) return undefined;
  return {
    numbers: match[1].split("."),
    // SemVer's identifiers are separated by dots only: `rc1` and `x-1` are one identifier each.
    pre: match[2] === undefined ? [] : match[2].split("."),
    build: match[3] ?? "",
  };
}

/**
 * A SemVer version's numbers, pre-release identifiers and build metadata (`""` when none).
 * Undefined for what is no SemVer version, a number with a leading zero included
 * (`1.0.0-rc.01`, `01.2.0`): such a version is compared by its text alone, as `banana` is.
 */
function versionParts(version: string): { numbers: number[]; pre: string[]; build: string } | undefined {
  const parts = semverSyntax(version);
  if (parts === undefined || semverLeadingZero(version) !== undefined) return undefined;
  return { ...parts, numbers: parts.numbers.map(Number) };
}

/** A PEP 440 version's parts, each missing part as PEP 440 orders it. */
interface Pep440Parts {
  epoch: number;
  release: number[];
  /** `a`, `b` or `rc` with its number (0 when not written). */
  pre?: [number, number];
  post?: number;
  dev?: number;
  /** The local version's fields (`ubuntu.1` -> ["ubuntu", "1"]). */
  local?: string[];
  /** Written as only Python writes it (an epoch, or a suffix without a hyphen), not as SemVer. */
  pythonStyle: boolean;
}

// PEP 440's version grammar (its appendix, as the `packaging` library writes it), lower case, without the `v`.
const PEP440 =
  /^(?:(?<epoch>\d+)!)?(?<release>\d+(?:\.\d+)*)(?<suffix>(?:[-_.]?(?<preWord>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pre>\d+)?)?(?:-(?<implicitPost>\d+)|[-_.]?(?<postWord>post|rev|r)[-_.]?(?<post>\d+)?)?(?:[-_.]?(?<devWord>dev)[-_.]?(?<dev>\d+)?)?)(?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/;
const PRE_RANK: Record<string, number> = { alpha: 0, a: 0, beta: 1, b: 1, preview: 2, pre: 2, c: 2, rc: 2 };

function pep440Parts(version: string): Pep440Parts | undefined {
  const groups = PEP440.exec(normalizeVersion(version, "pep440"))?.groups;
  if (groups === undefined) return undefined;
  const { epoch, release, suffix, preWord, pre, implicitPost, postWord, post, devWord, dev, local } = groups;
  return {
    epoch: Number(epoch ?? 0),
    release: release.split(".").map(Number),
    ...(preWord !== undefined ? { pre: [PRE_RANK[preWord], Number(pre ?? 0)] as [number, number] } : {}),
    ...(implicitPost !== undefined || postWord !== undefined ? { post: Number(implicitPost ?? post ?? 0) } : {}),
    ...(devWord !== undefined ? { dev: Number(dev ?? 0) } : {}),
    ...(local !== undefined ? { local: local.split(/[-_.]/) } : {}),
    pythonStyle: epoch !== undefined || (suffix !== "" && !suffix.startsWith("-")),
  };
}

/** PEP 440's order: epoch, release, then dev < pre-release < final < post-release, then the local version. */
function comparePep440(x: Pep440Parts, y: Pep440Parts): number {
  return (
    x.epoch - y.epoch ||
    compareNumbers(x.release, y.release) ||
    compareKeys(preKey(x), preKey(y)) ||
    (x.post ?? -1) - (y.post ?? -1) ||
    // No dev part sorts above every dev release of the same version.
    (x.dev ?? Number.MAX_SAFE_INTEGER) - (y.dev ?? Number.MAX_SAFE_INTEGER) ||
    compareLocal(x.local, y.local)
  );
}

/**
 * Where the pre-release part puts a version among those of its release: a dev release of the
 * final release (`1.0.dev1`, no pre- or post-release) below every pre-release, a final or
 * post-release above them.
 */
function preKey(parts: Pep440Parts): number[] {
  if (parts.pre) return parts.pre;
  return parts.post === undefined && parts.dev !== undefined ? [-1] : [3];
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) if (a[index] !== b[index]) return a[index] - b[index];
  return a.length - b.length;
}

/** Local versions: none lowest, then field by field, a number above a word, numbers by value, words in ASCII order. */
function compareLocal(a: readonly string[] | undefined, b: readonly string[] | undefined): number {
  if (a === undefined || b === undefined) return (a === undefined ? 0 : 1) - (b === undefined ? 0 : 1);
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const [p, q] = [a[index], b[index]];
    const [pNumber, qNumber] = [/^\d+$/.test(p), /^\d+$/.test(q)];
    if (pNumber !== qNumber) return pNumber ? 1 : -1;
    if (pNumber && Number(p) !== Number(q)) return Number(p) - Number(q);
    if (!pNumber && p !== q) return p < q ? -1 : 1;
  }
  return a.length - b.length;
}
