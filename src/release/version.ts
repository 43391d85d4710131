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
