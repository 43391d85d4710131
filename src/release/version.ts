// Recognises version numbers in changelog headings and compares them with manifest versions.

/**
 * A version as changelogs write it: `1.2.3`, `v1.2.3`, `1.2`, pre-releases (`1.2.3-rc.1`,
 * PEP 440's `1.2.3rc1`) and build metadata (`1.2.3+build.5`). At least one dot is required so
 * dates (`2024-03-18`) and issue numbers are never taken for versions.
 */
export const VERSION_SOURCE = String.raw`v?\d+(?:\.\d+)+(?:-?[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*)?(?:\+[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*)?`;

/** Normalises a version for comparison: no leading `v`, lower case, surrounding space trimmed. */
export function normalizeVersion(version: string): string {
  return version.trim().replace(/^v(?=\d)/i, "").toLowerCase();
}

/** True when two versions name the same release (`v1.2.3` and `1.2.3` do). */
export function isSameVersion(a: string, b: string): boolean {
  return normalizeVersion(a) === normalizeVersion(b);
}

/** The version with one leading `v`, as the summary line shows it. */
export function withVPrefix(version: string): string {
  return /^v\d/i.test(version) ? version : `v${version}`;
}

/**
 * True when `to` is a lower release than `from` by their numeric parts (`2.0.0` -> `1.9.0`),
 * compared part by part; pre-releases and build metadata are not weighed, so a version whose
 * numbers are equal (`1.0.0-rc.1` -> `1.0.0`) is never called lower.
 */
export function isLowerVersion(from: string, to: string): boolean {
  const numbers = (version: string) => (/^\d+(?:\.\d+)*/.exec(normalizeVersion(version))?.[0] ?? "").split(".").map(Number);
  const [a, b] = [numbers(from), numbers(to)];
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const [x, y] = [a[index] ?? 0, b[index] ?? 0];
    if (x !== y) return y < x;
  }
  return false;
}

/**
 * Orders two versions by semantic-versioning precedence: the numbers part by part, then a
 * pre-release below the same numbers without one (`2.0.0-rc.1` < `2.0.0`), pre-release fields
 * compared numerically where both are numbers (`rc.2` < `rc.10`, and `rc2` < `rc10`: letters and
 * digits are separate fields, so PEP 440's `2.0.0rc1` reads as `2.0.0-rc.1`). Build metadata is
 * not weighed. Negative, zero or positive as `a` is lower, the
 * same or higher; undefined when either is no version number.
 */
export function compareVersions(a: string, b: string): number | undefined {
  const [x, y] = [versionParts(a), versionParts(b)];
  if (x === undefined || y === undefined) return undefined;
  for (let index = 0; index < Math.max(x.numbers.length, y.numbers.length); index++) {
    const difference = (x.numbers[index] ?? 0) - (y.numbers[index] ?? 0);
    if (difference !== 0) return difference;
  }
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

function versionParts(version: string): { numbers: number[]; pre: string[] } | undefined {
  const match = /^(\d+(?:\.\d+)*)(?:-?([0-9a-z]+(?:[.-][0-9a-z]+)*))?(?:\+[0-9a-z.-]*)?$/.exec(normalizeVersion(version));
  if (match === null) return undefined;
  return { numbers: match[1].split(".").map(Number), pre: match[2] === undefined ? [] : match[2].split(/[.-]|(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])/) };
}
