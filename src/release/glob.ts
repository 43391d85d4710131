// Matches workspace member globs (`packages/*`, `crates/**`, `!apps/legacy`) against directories.
import { escapeRegExp } from "../escape-regexp.js";
import { UsageError } from "../types.js";

/** Compiles a workspace glob to a regular expression over `/`-separated directory paths. */
export function globToRegExp(glob: string): RegExp {
  const pattern = glob.trim().replace(/^\.\/+/, "").replace(/\/+$/, "");
  let source = "";
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index];
    if (char === "*" && pattern[index + 1] === "*") {
      // `a/**` matches `a` and everything below it; `**/b` matches `b` at any depth.
      const before = source.endsWith("/") ? source.slice(0, -1) : null;
      index += 1;
      if (pattern[index + 1] === "/") {
        index += 1;
        source += "(?:.*/)?";
      } else if (before !== null) {
        source = `${before}(?:/.*)?`;
      } else {
        source += ".*";
      }
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "{") {
      const close = pattern.indexOf("}", index);
      if (close < 0) source += "\\{";
      else {
        source += `(?:${pattern.slice(index + 1, close).split(",").map(escape).join("|")})`;
        index = close;
      }
    } else if (char === "[") {
      const close = pattern.indexOf("]", index);
      if (close < 0) source += "\\[";
      else {
        source += `[${pattern.slice(index + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\")}]`;
        index = close;
      }
    } else if (char === "/") source += "/";
    else source += escapeRegExp(char);
  }
  try {
    return new RegExp(`^${source}$`);
  } catch (error) {
    // A character class such as [b-a] is a broken glob, not an internal error.
    throw new UsageError(`workspace pattern "${glob}" is not a valid glob: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/: /, "")}`);
  }
}

/**
 * True when `dir` matches one of `patterns` and none of the negated ones (`!pattern`, as in
 * pnpm-workspace.yaml) or of `exclude` (Cargo's and uv's `exclude`).
 */
export function matchesWorkspace(dir: string, patterns: readonly string[], exclude: readonly string[] = []): boolean {
  const included = patterns.filter((pattern) => !pattern.startsWith("!")).some((pattern) => globToRegExp(pattern).test(dir));
  if (!included) return false;
  const negated = [...patterns.filter((pattern) => pattern.startsWith("!")).map((pattern) => pattern.slice(1)), ...exclude];
  return !negated.some((pattern) => globToRegExp(pattern).test(dir));
}
