// Rule: body lines wrap at a fixed width (code blocks, tables, aligned output, long URLs and trailers exempt).
import { blockOutline, charLength, defineRule, indexOfChar, isTrailerLine, rangeSpan, URL_PATTERN, verbatimLines } from "../src/engine/helpers.js";
import type { ParsedMessage, SourceLine } from "../src/types.js";

/**
 * Columns padded with a tab or three or more spaces between words: a table or program output
 * (benchmark results, traces, `ls -l`) quoted as printed; prose separates words with one or two spaces.
 */
const ALIGNED_COLUMNS = /\S(?:\t| {3,})\S/;
/** Indented by a tab or four spaces: quoted output or code, even where it follows a prose line directly. */
const INDENTED = /^(?:\t| {4})/;
/** A commit quoted the way git prints it (`--pretty=reference`): `<sha> (<subject>, <date>)`, kept on one line. */
const COMMIT_REFERENCE = /^\s*[0-9a-f]{7,64} \(.*\)[.,;:]?\s*$/;

/**
 * A diagnostic as a program prints it, quoted at any indentation: `file.c:123:4: warning: …`, or
 * git's `error: …`, `fatal: …`, `warning: …`, `hint: …` (all lower case, as git writes them).
 */
const DIAGNOSTIC = /^\s*(?:[\w./+-]+:\d+(?::\d+)?: |(?:error|warning|fatal|hint): )/;
/** Indented by two or three spaces: program output or prose, told apart by the lines around it. */
const SHALLOW_INDENT = /^ {2,3}\S/;
/** A list item's first line (`- x`, `* x`, `1. x`, `(a) x`): its run of indented lines is prose. */
const LIST_MARKER = /^\s*(?:[-*+\u2022]|\d+[.)]|\(\w{1,3}\))\s/;
/** A shell prompt: what follows it in the same indented run is a terminal session. */
const PROMPT = /^\s*\$ /;
/** A line that introduces what follows: "…fails with:", "Before:" (not a list item's own text). */
const INTRODUCES = /^\S.*:\s*$/;
/**
 * A line of prose: words and sentence punctuation only, not opening with a program's
 * `error:`-style tag and naming no `file.c:123` location. Output lines mostly hold paths, `=`, brackets, `$`, `_` or such a tag.
 */
const PROSE_LINE = /^\s*(?![a-z][\w-]*: |.*\w\.\w+:\d)[A-Za-z"'(][A-Za-z0-9\s,.;:'"()?!%&-]*$/;

/**
 * Whether the run of indented body lines around line `index` (one indented by two or three
 * spaces) is quoted program output: it holds a shell prompt or aligned columns, or follows a
 * line ending in a colon and at most half its lines read as prose (a quoted paragraph stays
 * prose). A run with a list marker is a list's text. `last` is the run's last line, so that
 * the other lines of the run reuse the answer rather than read the run again.
 */
function shallowOutput(body: readonly SourceLine[], index: number): { last: number; output: boolean } {
  const indented = (line: SourceLine | undefined) => line !== undefined && /^(?:\t| {2})/.test(line.text);
  let first = index;
  while (indented(body[first - 1])) first--;
  let last = index;
  while (indented(body[last + 1])) last++;
  return { last, output: isOutputRun(body, first, last) };
}

/** Whether body lines `first` to `last`, one indented run, are quoted program output (see shallowOutput). */
function isOutputRun(body: readonly SourceLine[], first: number, last: number): boolean {
  const run = body.slice(first, last + 1).map((line) => line.text);
  if (run.some((text) => LIST_MARKER.test(text))) return false;
  if (run.some((text) => PROMPT.test(text) || ALIGNED_COLUMNS.test(text))) return true;
  let intro = first - 1;
  while (intro >= 0 && body[intro].text.trim() === "") intro--;
  if (intro < 0 || !INTRODUCES.test(body[intro].text) || LIST_MARKER.test(body[intro].text)) return false;
  // A quoted paragraph may carry a `$(VAR)` or a path on one line; most of its lines read as prose.
  return run.filter((text) => PROSE_LINE.test(text)).length * 2 <= run.length;
}

/** Whether `text` only overflows `max` because of its URLs, which cannot be wrapped. */
function overflowsByUrl(text: string, max: number): boolean {
  const withoutUrls = text.replace(URL_PATTERN, "");
  return withoutUrls !== text && charLength(withoutUrls.trimEnd()) <= max;
}

/** Line numbers that lie in a list: their indentation continues an item's text. */
function listLines(message: ParsedMessage): Set<number> {
  const lines = new Set<number>();
  for (const block of blockOutline(message)) {
    if (block.type === "list") for (let line = block.line; line <= block.endLine; line++) lines.add(line);
  }
  return lines;
}

export default defineRule<{ max: number }>({
  id: "body-max-line-length",
  description:
    "Wrap body lines at 72 characters; code blocks, tables, indented or column-aligned program output, commit references, lines that only overflow because of a URL, and trailers are exempt.",
  category: "format",
  defaultSeverity: "warn",
  options: {
    type: "object",
    properties: {
      max: { type: "integer", minimum: 1, default: 72, description: "Longest allowed body line, in characters." },
    },
    additionalProperties: false,
  },
  messages: {
    tooLong: "Body line is {length} characters; wrap it at {max} (code blocks, aligned output, long URLs and trailers are exempt).",
  },
  examples: {
    valid: [
      {
        title: "Wrapped prose.",
        message: "Fix pager scroll on resize\n\nThe pager kept the old window height after a resize, so the last\nlines of the file were cut off.\n",
      },
      {
        title: "A long URL cannot be wrapped.",
        message:
          "Fix pager scroll on resize\n\nSee https://github.com/example/pager/issues/1234#issuecomment-987654321-and-more-text\n",
      },
      {
        title: "Code blocks keep their lines.",
        message:
          "Fix pager scroll on resize\n\nThe crash showed up as:\n\n```\npager: panic at src/scroll.rs:120: index out of bounds: the len is 3 but the index is 7\n```\n",
      },
      {
        title: "Column-aligned program output (benchmark results, traces) is quoted as it was printed.",
        message:
          "Speed up status in large worktrees\n\nTest                                   before            after\n7519.2: status (fsmonitor=watchman)    1.46(0.82+0.64)   0.47(0.33+0.12) -67.8%\n",
      },
      {
        title: "A trace indented right under the line that introduces it.",
        message:
          "Fix a leak in strbuf_addstr\n\nASan reports:\n    #0 0x49ab79 in realloc ../projects/compiler-rt/lib/asan/asan_malloc_linux.cpp:164:3\n",
      },
      {
        title: "Output indented by two spaces under the line that introduces it, or after a shell prompt.",
        message:
          "Stop gc from failing on a full disk\n\nThe test harness fails with:\n\n  rm: cannot remove 'trash directory.t5510-fetch/auto-gc/.git': Directory not empty\n\nand by hand:\n\n  $ git gc --auto\n  Auto packing the repository in background for optimum performance, see git help gc.\n",
      },
      {
        title: "A compiler's or git's diagnostic is quoted as printed, even unindented.",
        message:
          "Avoid a type-limits warning in range-diff\n\nWith char unsigned, gcc says:\n\nrange-diff.c:388:20: error: comparison is always false due to limited range of data type\n",
      },
      {
        title: "A commit reference in git's `--pretty=reference` form is not wrapped.",
        message:
          "Fix the exit code of fetch on non-fast-forward\n\nThe code was broken by\n\n  940b94f35c (fsmonitor: log invocation of FSMonitor hook to trace2, 2021-02-03)\n",
      },
      {
        title: "A trailer git does not read as one, under a Conventional Commits breaking-change footer, is exempt too.",
        message:
          "feat: read the cache folder from the config\n\nThe folder was fixed, so two checkouts shared one cache.\n\nBREAKING CHANGE: the cache moves to .cache/rationale.\nCo-authored-by: Someone With A Long Name <someone.with.a.long.name@example.com>\n",
      },
    ],
    invalid: [
      {
        title: "An 80-character line: the span starts at the 73rd character.",
        message:
          "Fix pager scroll on resize\n\nThe pager kept the old window height after a resize, so the last lines were lost.\n",
        findings: [{ messageId: "tooLong", line: 3, column: 73, endLine: 3, endColumn: 82 }],
      },
      {
        title: "A letter with a combining accent is one character: the span starts at the 73rd the eye counts.",
        message: "Fix pager scroll on resize\n\nThe pager kept the old height after a resize, so the re\u0301sume\u0301 lines were lost.\n",
        findings: [{ messageId: "tooLong", line: 3, column: 75, endLine: 3, endColumn: 79 }],
      },
      {
        title: "Two spaces after a full stop are prose, not column alignment.",
        message:
          "Fix pager scroll on resize\n\nThe pager kept the old height.  After a resize the last lines of the file were cut.\n",
        findings: [{ messageId: "tooLong", line: 3, column: 73, endLine: 3, endColumn: 84 }],
      },
      {
        title: "An indented line of a list item is prose.",
        message:
          "Fix pager scroll on resize\n\n  - The pager kept the old height after a resize,\n    so the last lines of the file were cut off when the window shrank again.\n",
        findings: [{ messageId: "tooLong", line: 4, column: 73, endLine: 4, endColumn: 77 }],
      },
      {
        title: "A quoted paragraph indented by two spaces is prose, even after a colon.",
        message:
          "Explain the pager's resize handling\n\nThe documentation says:\n\n  The pager keeps the window height it had when it started, and it only reads\n  the new height when the terminal sends a resize signal.\n",
        findings: [{ messageId: "tooLong", line: 5, column: 73, endLine: 5, endColumn: 78 }],
      },
    ],
  },
  check({ message, options, report }) {
    // A line of at most `max` UTF-16 units has at most `max` characters: count only longer ones.
    const long = message.body.filter((line) => line.text.length > options.max && charLength(line.text) > options.max);
    if (long.length === 0) return;
    // The exemptions a line carries by itself first: most long lines go here, with no block scan.
    // A trailer-shaped line git did not take for a trailer ("Co-authored-by: …" under a
    // Conventional Commits "BREAKING CHANGE:" footer, whose space git's parser refuses) is no prose either.
    const left = long.filter(
      (line) => !ALIGNED_COLUMNS.test(line.text) && !COMMIT_REFERENCE.test(line.text) && !DIAGNOSTIC.test(line.text) && !overflowsByUrl(line.text, options.max) && !isTrailerLine(line.text),
    );
    if (left.length === 0) return;
    // Only now pay for the block structure (a Markdown scan of the whole body).
    const verbatim = verbatimLines(message);
    let listed: Set<number> | undefined;
    // The run of indented lines read last, and where in the body the scan of `left` is.
    let run: { last: number; output: boolean } | undefined;
    let index = 0;
    for (const line of left) {
      while (message.body[index] !== line) index++;
      if (verbatim.has(line.line)) continue;
      // Markdown reads an indented line right after prose as part of the paragraph; commit
      // messages (git's own among them) paste traces that way. A list item's indented lines stay prose.
      if (INDENTED.test(line.text) && !(listed ??= listLines(message)).has(line.line)) continue;
      // Output indented by two spaces needs its context: prose is indented that way too.
      if (
        SHALLOW_INDENT.test(line.text) &&
        !(listed ??= listLines(message)).has(line.line) &&
        (run = run !== undefined && index <= run.last ? run : shallowOutput(message.body, index)).output
      ) continue;
      const length = charLength(line.text);
      report({
        messageId: "tooLong",
        span: rangeSpan(line, indexOfChar(line.text, options.max), line.text.length),
        data: { length, max: options.max },
      });
    }
  },
});
