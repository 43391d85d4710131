// Refuses config text that is not UTF-8, before a parser reads it as something else.
import { UsageError } from "../types.js";

/**
 * Throws UsageError when config `text` (read as UTF-8) holds a NUL character: a UTF-16 file,
 * as Windows PowerShell 5 writes with `>` or Out-File, has one beside every ASCII character, so
 * JSON.parse stops at "Expected property name" and YAML reads the whole file as one string.
 */
export function assertConfigText(text: string, file: string): void {
  if (!text.includes("\u0000")) return;
  throw new UsageError(
    `${file}: not UTF-8 text: it has NUL bytes, as a UTF-16 file does (Windows PowerShell 5 writes one with > or Out-File); save it as UTF-8`,
  );
}
