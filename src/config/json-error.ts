// Says where a JSON syntax error is and what it is, in one line, whatever Node's message gives.

/**
 * Where a JSON.parse error of `text` is and what it says, in one line: Node's message may give
 * a position, a line and column, or neither, and may quote the text around the error.
 */
export function jsonSyntaxError(error: unknown, text: string): { line: number; column: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  const { line, column } = jsonErrorPosition(message, text);
  const reason = message
    .replace(/ in JSON at position \d+.*$/s, "")
    .replace(/, (?:\.\.\.)?".*is not valid JSON$/s, "")
    .replace(/ after JSON at position \d+.*$/s, " after the JSON value")
    .replace(/\s*\(line \d+ column \d+\)$/, "")
    .split("\n")[0];
  return { line, column, reason };
}

function jsonErrorPosition(reason: string, text: string): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(reason);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)/.exec(reason);
  const offset = position ? Number(position[1]) : errorOffset(text);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Where the first syntax error of `text` is, for messages that do not say ("Unexpected token
 * ','"): the shortest prefix that fails other than by ending early ends just past it. Config
 * files are small, so the binary search over JSON.parse is cheap.
 */
function errorOffset(text: string): number {
  const failsInside = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      // A prefix that merely stops early fails at its very end: "Unexpected end of JSON input",
      // "Unterminated string", or a message whose position is the prefix's length.
      const message = (error as Error).message;
      if (/end of (?:JSON )?input|Unterminated string/i.test(message)) return false;
      const position = /at position (\d+)/.exec(message);
      return position === null || Number(position[1]) < length;
    }
  };
  let low = 0;
  let high = text.length;
  if (!failsInside(high)) return text.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (failsInside(mid)) high = mid;
    else low = mid + 1;
  }
  // Skip back over the whitespace before the offending character.
  let offset = Math.max(0, low - 1);
  while (offset > 0 && /\s/.test(text[offset])) offset--;
  return offset;
}
