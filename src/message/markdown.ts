// Registry for the optional remark-based block parser, so the hot path never imports unified.
import type { Block, SourceLine } from "../types.js";

/** Turns body lines into blocks; the remark implementation registers itself here when loaded. */
export type MarkdownBlockParser = (body: readonly SourceLine[]) => Block[];

let registered: MarkdownBlockParser | null = null;

/** Makes `parser` the full Markdown parser used for bodies the fast scanner cannot reproduce. */
export function registerMarkdownParser(parser: MarkdownBlockParser): void {
  registered = parser;
}

/** True once a full Markdown parser (remark) is registered. */
export function isMarkdownParserLoaded(): boolean {
  return registered !== null;
}

/** The registered full Markdown parser, or null. */
export function registeredMarkdownParser(): MarkdownBlockParser | null {
  return registered;
}

/**
 * Loads unified + remark-parse (about 110 ms) and registers it. The library entry imports
 * `./message/remark.js` statically instead; the CLI calls this only when
 * `needsMarkdownParser()` is true for a message it is about to lint.
 */
export async function ensureMarkdown(): Promise<void> {
  if (registered !== null) return;
  await import("./remark.js");
}
