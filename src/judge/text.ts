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
  /**
   * Ranges of `text` (start and end offsets in pairs, in order) that stand one character left
   * of the original: an emphasised word whose opening mark was taken out (see withoutEmphasis).
   */
  shifted: number[] | undefined;
}

/**
 * A word set in emphasis with "_" or "*" around it ("_not_", "*do*", "_removes_"): group 2 is
 * the mark, group 3 the word. Not "_also_", which stresses that a statement holds of one more
 * thing ("would _also_ match another SHA1"), where the cues would read an addition the change
 * makes.
 */
const EMPHASIS = /(^|[\s("'])([_*])(?!also\2)([A-Za-z][A-Za-z']*)\2(?=[\s.,;:!?)"']|$)/gim;

/**
 * `text` with the marks of emphasised words moved after them as blanks, so that the cues read
 * "was _not_ binary" as "was not binary" and "_removes_ the submodule" as "removes the
 * submodule"; the length stays. With `shifted`, the ranges that moved one character left are
 * pushed to it (start, end).
 */
export function withoutEmphasis(text: string, shifted?: number[]): string {
  if (!mayOpenEmphasis(text, "_") && !mayOpenEmphasis(text, "*")) return text;
  return text.replace(EMPHASIS, (_match, before: string, _mark: string, word: string, offset: number) => {
    const start = offset + before.length;
    shifted?.push(start, start + word.length + 1);
    return `${before}${word}  `;
  });
}

/**
 * Whether `mark` stands somewhere as EMPHASIS opens a word: at the start or after a blank, "(",
 * '"' or "'", and before a letter. Found with indexOf, since most bodies have marks only inside
 * names ("strbuf_addf", "*ptr"), which the pattern would otherwise try at every position.
 */
function mayOpenEmphasis(text: string, mark: string): boolean {
  for (let at = text.indexOf(mark); at !== -1; at = text.indexOf(mark, at + 1)) {
    const after = text.charCodeAt(at + 1) | 32;
    if (after < 97 || after > 122) continue;
    if (at === 0) return true;
    const before = text.charAt(at - 1);
    if (before === "(" || before === '"' || before === "'" || WHITE.test(before)) return true;
  }
  return false;
}
const WHITE = /\s/;

/** `mapped` with its text read through withoutEmphasis, spans still mapping to the original. */
export function mapWithoutEmphasis(mapped: MappedText): MappedText {
  const shifted: number[] = [];
  const text = withoutEmphasis(mapped.text, shifted);
  return shifted.length === 0 ? mapped : { text, lines: mapped.lines, starts: mapped.starts, shifted };
}

/** The original offset of `offset` in `mapped.text`: one more inside a shifted range. */
function originalOffset(mapped: MappedText, offset: number): number {
  const shifted = mapped.shifted;
  if (shifted === undefined) return offset;
  for (let index = 0; index < shifted.length && shifted[index] <= offset; index += 2) {
    if (offset < shifted[index + 1]) return offset + 1;
  }
  return offset;
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
  // `shifted` always set, so every MappedText has one shape for the code that reads them.
  return { text: parts.join("\n"), lines, starts, shifted: undefined };
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
export function spanOf(mapped: MappedText, textStart: number, textEnd: number): Span {
  const start = originalOffset(mapped, textStart);
  const end = textEnd > textStart ? originalOffset(mapped, textEnd - 1) + 1 : start;
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

/** True when `text.slice(start, end)`, with ASCII capitals lower-cased, is `word`. */
export function sameLowerCase(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if ((code >= 65 && code <= 90 ? code + 32 : code) !== word.charCodeAt(index - start)) return false;
  }
  return true;
}
