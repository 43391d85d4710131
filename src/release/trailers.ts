// Reads trailers from an existing commit message and validates trailers given by the user.
import { echoValue } from "../echo-value.js";
import { UsageError } from "../types.js";

const TRAILER = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(\S.*)$/;
const CHERRY_PICK = /^\(cherry picked from commit [0-9a-f]{7,64}\)$/;

/**
 * Normalises a user trailer to `Token: value` (`Token=value` is accepted, as by
 * `git commit --trailer`). Throws UsageError when it is not a trailer.
 */
export function normalizeTrailer(trailer: string): string {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9-]*)\s*[:=]\s*(\S.*?)\s*$/.exec(trailer);
  if (!match) {
    throw new UsageError(`--trailer "${echoValue(trailer)}" is not a trailer; expected "Token: value", e.g. "Signed-off-by: Ada <ada@example.com>"`);
  }
  return `${match[1]}: ${match[2]}`;
}

/**
 * The trailer lines of a message's last paragraph, after dropping comment lines and everything
 * below git's scissors line. A paragraph counts as trailers only when every line is one
 * (or git's cherry-pick note), so ordinary prose is never taken for trailers.
 */
export function existingTrailers(message: string, commentChar = "#"): string[] {
  const lines: string[] = [];
  for (const line of message.replace(/\r\n?/g, "\n").split("\n")) {
    if (commentChar && line.startsWith(commentChar)) {
      if (/^.\s?-{8,} >8 -{8,}$/.test(line)) break;
      continue;
    }
    lines.push(line.trimEnd());
  }
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const start = lines.lastIndexOf("") + 1;
  const paragraph = lines.slice(start);
  // A lone paragraph of trailers is kept too: in a hook's file it is `-s`'s sign-off, not a summary.
  if (paragraph.length === 0) return [];
  return paragraph.every((line) => TRAILER.test(line) || CHERRY_PICK.test(line)) ? paragraph : [];
}

/** Joins trailer lists, dropping repeats (same token, any case, and same value). */
export function mergeTrailers(...lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of lists.flat()) {
    const match = TRAILER.exec(line);
    const key = match ? `${match[1].toLowerCase()}:${match[2].trim()}` : line;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(line);
  }
  return out;
}
