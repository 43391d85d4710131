// Escapes text for use inside a regular expression's source.

/** `text` with every character a pattern reads as syntax (and "/") escaped, so it matches itself. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
