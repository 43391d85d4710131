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
