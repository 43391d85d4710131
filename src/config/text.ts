// Refuses config text that is not UTF-8, before a parser reads it as something else.
import { UsageError } from "../types.js";

/**
 * Throws UsageError when config `text`, as decoded from UTF-8, shows that its bytes were not
 * UTF-8. The CLI reads the file and the Action gets it from GitHub as text, decoded already, so
 * this one check on the text serves both:
 *
 * - a NUL character: a UTF-16 file, as Windows PowerShell 5 writes with `>` or Out-File, has
 *   one beside every ASCII character, so JSON.parse stops at "Expected property name" and YAML
 *   reads the whole file as one string;
 * - U+FFFD, which the decoder puts for each byte that is no UTF-8 (a Latin-1 or Windows-1252
 *   "é"): the setting would hold "CAF\uFFFD" where the file says "CAFÉ", and a problem about it
 *   would name a character the user never wrote. The line and column are those of the first.
 */
export function assertConfigText(text: string, file: string): void {
  assertNotUtf16(text, file);
  assertNoReplacement(text, file, 0);
}

/** The first half of assertConfigText: no NUL character, so the text is no UTF-16 file read as UTF-8. */
export function assertNotUtf16(text: string, file: string): void {
  if (text.includes("\u0000")) {
    throw new UsageError(
      `${file}: not UTF-8 text: it has NUL bytes, as a UTF-16 file does (Windows PowerShell 5 writes one with > or Out-File); save it as UTF-8`,
    );
  }
}

/** The second half of assertConfigText: no U+FFFD in `text` from index `from` on. */
export function assertNoReplacement(text: string, file: string, from: number): void {
  const bad = text.indexOf("\uFFFD", from);
  if (bad === -1) return;
  const lineStart = text.lastIndexOf("\n", bad) + 1;
  const line = text.slice(0, lineStart).split("\n").length;
  // The text no longer tells a byte that is no UTF-8 from a U+FFFD written in a UTF-8 file (rare
  // in a config): the message gives the way out of both.
  throw new UsageError(
    `${file}:${line}:${bad - lineStart + 1}: not valid UTF-8: a byte here is no UTF-8 character (as an "é" saved as Latin-1 or Windows-1252 is not); ` +
      `save the file as UTF-8, or, if it is UTF-8 and means the replacement character U+FFFD itself, write that as "\\uFFFD"`,
  );
}
