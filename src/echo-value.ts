// How an error message echoes a value the user gave: whole when short, its start when long.

/** The most characters of a user's value an error message echoes. */
export const ECHO_LIMIT = 60;

/**
 * `value` as an error message echoes it: whole up to 60 characters, else its first 59 and "…",
 * so a value pasted by mistake (a 10 KB `--since`) stays a readable line. Counts characters,
 * not UTF-16 units, so an emoji is never cut in half.
 */
export function echoValue(value: string): string {
  if (value.length <= ECHO_LIMIT) return value;
  const characters = Array.from(value.slice(0, 2 * ECHO_LIMIT));
  return characters.length <= ECHO_LIMIT && value.length <= 2 * ECHO_LIMIT ? value : `${characters.slice(0, ECHO_LIMIT - 1).join("")}…`;
}

/**
 * `value` as echoValue cuts it, on one line: a value holding a line break or another control
 * character (a version read from a manifest, `"1.2.0\nextra"`) is shown quoted with its escapes
 * (jsonQuote), so an error stays one line and the reader sees what the file holds.
 */
export function echoOneLine(value: string): string {
  const shown = echoValue(value);
  return /\p{Cc}/u.test(shown) ? jsonQuote(shown) : shown;
}

/**
 * `text` in double quotes with JSON's escapes, and with DEL and the C1 controls (U+007F to
 * U+009F) escaped too (`\u009b`): JSON.stringify escapes only U+0000 to U+001F, so the rest
 * of the controls (U+009B is a terminal's CSI, which starts an escape sequence) would reach the
 * terminal raw. The result is still JSON.
 */
export function jsonQuote(text: string): string {
  return JSON.stringify(text).replace(/[\x7f-\x9f]/g, (control) => `\\u${control.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A message of git's with each value it quotes cut as echoValue cuts it: git echoes what it was
 * given ("no such branch: 'x'"), so a value pasted by mistake makes a line as long, and git cuts
 * its messages at 4096 bytes, leaving the quote unclosed. Only a quoted word without blanks is
 * cut, so git's prose ("couldn't read") stays whole.
 */
export function echoQuoted(message: string): string {
  return message.replace(/'([^'\s]*)('|$)/g, (_, value: string, close: string) => `'${echoValue(value)}${close}`);
}
