// Rule: the summary fits the hard length limit (and, when set, the soft one).
import { charLength, defineRule, indexOfChar, rangeSpan } from "../src/engine/helpers.js";

export default defineRule<{ max: number; soft: number }>({
  id: "summary-max-length",
  description: "Limit the summary's length: 72 characters at most, and optionally a soft limit (50) that only warns.",
  category: "summary",
  defaultSeverity: "error",
  softMessages: ["overSoft"],
  options: {
    type: "object",
    properties: {
      max: { type: "integer", minimum: 1, default: 72, description: "Hard limit in characters; longer summaries are reported at the rule's severity." },
      soft: {
        type: "integer",
        minimum: 0,
        default: 0,
        description: "Soft limit in characters, reported as a warning at most; 0 turns it off (the strict preset sets 50). It must be below max: rationale checks that, a JSON Schema cannot compare two values.",
      },
    },
    additionalProperties: false,
  },
  messages: {
    tooLong: "Summary is {length} characters; keep it to {max} by moving detail into the body.",
    overSoft: "Summary is {length} characters; aim for {soft} or fewer so it shows in full in `git log --oneline` and on GitHub.",
  },
  examples: {
    valid: [
      { title: "A 40-character summary.", message: "Fix pager scroll when the window shrinks\n" },
      {
        title: "58 characters is within the default limit; the soft limit is off.",
        message: "Keep the pager's scroll position when the terminal resizes\n",
      },
      {
        title: "72 characters as the eye counts them: an emoji with its variation selector (gitmoji's ♻️) is one.",
        message: "♻️ Keep the pager's scroll position when the terminal window shrinks back\n",
      },
    ],
    invalid: [
      {
        title: "An 82-character summary: the span starts at the 73rd character.",
        message: "Keep the pager's scroll position when the terminal window is resized by the user!!\n",
        findings: [{ messageId: "tooLong", line: 1, column: 73, endLine: 1, endColumn: 83 }],
      },
      {
        title: "A 58-character summary over a soft limit of 50 gets a warning.",
        message: "Keep the pager's scroll position when the terminal resizes\n",
        options: { soft: 50 },
        findings: [{ messageId: "overSoft", line: 1, column: 51, endLine: 1, endColumn: 59 }],
      },
    ],
  },
  checkOptions({ max, soft }) {
    // The soft limit may come from a preset (strict sets 50) while the user only lowered max.
    return soft >= max
      ? `soft (${soft}) must be below max (${max}): a summary over max is already reported, so the soft limit would never warn; set soft below ${max}, or to 0 to turn it off`
      : undefined;
  },
  check({ message, options, report }) {
    const summary = message.summary;
    if (!summary) return;
    const length = charLength(summary.text);
    const end = summary.text.length;
    if (length > options.max) {
      report({ messageId: "tooLong", span: rangeSpan(summary, indexOfChar(summary.text, options.max), end), data: { length, max: options.max } });
    } else if (options.soft > 0 && length > options.soft) {
      report({ messageId: "overSoft", span: rangeSpan(summary, indexOfChar(summary.text, options.soft), end), data: { length, soft: options.soft } });
    }
  },
});
