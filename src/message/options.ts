// Checks the options a JavaScript caller passes to parseMessage() and lint(), at those entries only.
import { didYouMean } from "../config/suggest.js";
import { echoValue, jsonQuote } from "../echo-value.js";

/** The keys parseMessage() reads; lint() reads these and `config`. */
export const PARSE_OPTION_KEYS: readonly string[] = ["commentChar", "cleanup", "merge", "template"];

/**
 * Throws a TypeError naming the option and what it expects when `options` is no object, has a key
 * `fn` does not read (a typo such as `confg` would otherwise be ignored and the defaults run), or
 * holds a value of the wrong type (`template: 42` would fail deep in the parser). A few typeof
 * checks: callers that build the options themselves (the audit, the CLI) skip it.
 * An invalid comment char string stays the parser's UsageError: it is a value a user typed.
 */
export function assertParseOptions(options: unknown, fn: string, keys: readonly string[] = PARSE_OPTION_KEYS): void {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`${fn} options must be an object such as { cleanup: false }, not ${describeOption(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!keys.includes(key)) throw new TypeError(`${fn} has no option "${key}": it takes ${keys.join(", ")}${didYouMean(key, keys)}`);
  }
  const { commentChar, cleanup, merge, template } = options as Record<string, unknown>;
  if (commentChar !== undefined && typeof commentChar !== "string") {
    throw new TypeError(`${fn} option commentChar must be a string (git's core.commentChar, or "auto"), not ${describeOption(commentChar)}`);
  }
  if (cleanup !== undefined && typeof cleanup !== "boolean" && cleanup !== "whitespace" && cleanup !== "scissors") {
    throw new TypeError(`${fn} option cleanup must be true, false, "whitespace" or "scissors", not ${describeOption(cleanup)}`);
  }
  if (merge !== undefined && typeof merge !== "boolean") {
    throw new TypeError(`${fn} option merge must be true or false (whether the commit has two or more parents), not ${describeOption(merge)}`);
  }
  if (template !== undefined && typeof template !== "string") {
    throw new TypeError(`${fn} option template must be the commit template's text, as a string, not ${describeOption(template)}`);
  }
}

/** `null`, `the string "no"`, `the number 5`, `an array`, `an object`: what a caller passed. */
export function describeOption(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return `the string ${jsonQuote(echoValue(value))}`;
    case "number":
    case "boolean":
    case "bigint":
      return `the ${typeof value} ${String(value)}`;
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}
