// The prose of a message as one searchable string, with offsets mapped back to original lines.
import type { SourceLine, Span } from "../types.js";

/** A stretch of message lines joined with "\n", able to turn string offsets into spans. */
export interface MappedText {
  /** The lines joined with "\n" (lines left out as non-prose are replaced by empty lines). */
  text: string;
  /** Source line of each joined line, in order. */
  lines: readonly SourceLine[];
  /** Offset in `text` where each line starts. */
  starts: number[];
}

/** Joins `lines` into one string; lines whose `keep` flag is false become empty (all kept without flags). */
export function mapLines(lines: readonly SourceLine[], keep?: readonly boolean[]): MappedText {
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    starts.push(offset);
    const part = keep === undefined || keep[index] ? lines[index].text : "";
    parts.push(part);
    offset += part.length + 1;
  }
  // One flat string: the scans that read it a character at a time are slower on a rope.
  return { text: parts.join("\n"), lines, starts };
}

/** The index of the line holding `offset` (binary search over line starts). */
function lineIndexAt(mapped: MappedText, offset: number): number {
  let low = 0;
  let high = mapped.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (mapped.starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The original-text span of `text.slice(start, end)`. */
export function spanOf(mapped: MappedText, start: number, end: number): Span {
  const first = lineIndexAt(mapped, start);
  const last = end > start ? lineIndexAt(mapped, end - 1) : first;
  return {
    line: mapped.lines[first].line,
    column: start - mapped.starts[first] + 1,
    endLine: mapped.lines[last].line,
    endColumn: end - mapped.starts[last] + 1,
  };
}

/** The span covering a whole source line (at least one column wide). */
export function lineSpan(line: SourceLine): Span {
  return { line: line.line, column: 1, endLine: line.line, endColumn: Math.max(2, line.text.length + 1) };
}
