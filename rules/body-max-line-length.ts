// Rule: body lines wrap at a fixed width (code blocks, tables, long URLs and trailers exempt).
import { charLength, defineRule, indexOfChar, rangeSpan, URL_PATTERN, verbatimLines } from "../src/engine/helpers.js";

export default defineRule<{ max: number }>({
  id: "body-max-line-length",
  description: "Wrap body lines at 72 characters; code blocks, tables, lines that only overflow because of a URL, and trailers are exempt.",
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
    tooLong: "Body line is {length} characters; wrap it at {max} (code blocks, long URLs and trailers are exempt).",
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
    ],
    invalid: [
      {
        title: "An 80-character line: the span starts at the 73rd character.",
        message:
          "Fix pager scroll on resize\n\nThe pager kept the old window height after a resize, so the last lines were lost.\n",
        findings: [{ messageId: "tooLong", line: 3, column: 73, endLine: 3, endColumn: 82 }],
      },
    ],
  },
  check({ message, options, report }) {
    // A line of at most `max` UTF-16 units has at most `max` characters: count only longer ones.
    const long = message.body.filter((line) => line.text.length > options.max && charLength(line.text) > options.max);
    if (long.length === 0) return;
    // Only now pay for the block structure: most messages have no long line.
    const verbatim = verbatimLines(message);
    for (const line of long) {
      if (verbatim.has(line.line)) continue;
      const withoutUrls = line.text.replace(URL_PATTERN, "");
      if (withoutUrls !== line.text && charLength(withoutUrls.trimEnd()) <= options.max) continue;
      const length = charLength(line.text);
      report({
        messageId: "tooLong",
        span: rangeSpan(line, indexOfChar(line.text, options.max), line.text.length),
        data: { length, max: options.max },
      });
    }
  },
});
