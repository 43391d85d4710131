// Makes commit and pull-request text safe to show in GitHub Markdown (the action's PR comment,
// `rationale audit --format markdown` in a comment or job summary): it pings nobody, links no
// issue, renders no HTML or math and cannot break the report's Markdown.

const ZERO_WIDTH_SPACE = "\u200b";

/**
 * Escapes `text` for inline use in a GitHub Markdown comment (a table cell, a heading, a
 * sentence). Line breaks become spaces; `&`, `<` and `>` become entities, so no HTML tag or
 * comment survives; the Markdown punctuation that could format, link or break a table cell is
 * backslash-escaped, `$` included (two of them would render as a math formula), and so is a
 * run of `#` at the end, which CommonMark would drop from the end of a heading; a zero-width
 * space goes after `@` (no mention or team ping), between `#`/`GH-` and a number and inside
 * `://` and `www.` (no issue link or autolinked URL, so no cross-reference notice on an issue)
 * and after the colon that opens an emoji shortcode such as `:tada:` (GitHub finds shortcodes in
 * the rendered text, after backslash escapes and entities are decoded, so only a character that
 * stays in the text keeps one as written).
 */
export function escapeForComment(text: string): string {
  return text
    .replace(/\r\n?|\n/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    // Before `_` is escaped, which would hide `:white_check_mark:` from this pattern.
    .replace(/:(?=[\w+-]+:)/g, ":" + ZERO_WIDTH_SPACE)
    .replace(/[\\`*_[\]|~$]/g, "\\$&")
    .replace(/@/g, "@" + ZERO_WIDTH_SPACE)
    .replace(/(#|GH-)(?=\d)/gi, "$1" + ZERO_WIDTH_SPACE)
    .replace(/:\/\//g, ":" + ZERO_WIDTH_SPACE + "//")
    .replace(/\bwww\./gi, (www) => www.slice(0, 3) + ZERO_WIDTH_SPACE + ".")
    .replace(/(^|[ \t])(#+[ \t]*)$/, "$1\\$2");
}

/**
 * Wraps `text` (may span lines) in a fenced code block whose fence is longer than any backtick
 * run inside, so the text cannot close it. Inside a code block GitHub renders no HTML, links
 * no issue and pings nobody.
 */
export function codeBlock(text: string, lang = "text"): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${text.replace(/\r\n?/g, "\n")}\n${fence}`;
}

/** An inline code span for `text` that its backticks cannot end early; line breaks become spaces. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, " ");
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((match) => match[0].length));
  const ticks = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") || longest > 0 ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}
