// "Did you mean" suggestions for misspelled names, by edit distance.

/** The Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

/** The candidate closest to `name`, when it is close enough to be a likely typo; otherwise undefined. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of candidates) {
    // "warning" for "warn": a candidate that starts the name counts as a close match.
    const distance = lower.startsWith(candidate.toLowerCase()) && candidate.length >= 3 ? 1 : editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/**
 * The Levenshtein distance with a swap of two adjacent characters counted as one edit (optimal
 * string alignment), as git's own "did you mean" counts it: `scr` is one typo from `src`.
 */
function typoDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array.from({ length: b.length }, (_, j) => (i === 0 ? j + 1 : 0))]);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/**
 * The name of `candidates` (a file in a directory, a branch or tag) that `name` is a likely typo
 * of, or undefined. Stricter than {@link closestName}, whose few config keys make a loose match
 * safe: among the many names of a tree or a repository's refs, two edits from a short name reach
 * unrelated ones. So the edits allowed grow with the name (none up to 2 characters beyond case,
 * 1 up to 5, 2 up to 8, then 3), and a candidate that differs only in its digits is never taken:
 * `f2.js` for `f9.js`, or `v1.2` for `v1.1`, names another file or release, not the one meant.
 */
export function likelyTypoOf(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.min(3, Math.floor(name.length / 3));
  const lower = name.toLowerCase();
  const letters = lower.replace(/[0-9]/g, "");
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    if (other !== lower && other.replace(/[0-9]/g, "") === letters) continue;
    // Cheap bound first: names whose lengths differ by more than the limit are never close.
    if (Math.abs(other.length - lower.length) > limit) continue;
    const distance = typoDistance(lower, other);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** `; did you mean "x"?` when a close candidate exists, else "". */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const best = closestName(name, candidates);
  return best === undefined ? "" : `; did you mean "${best}"?`;
}
