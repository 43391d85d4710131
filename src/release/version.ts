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
