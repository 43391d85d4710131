// Rule: a blank line separates the summary from the rest of the message.
import { defineRule, lineSpan, NO_OPTIONS, EVERY_JUDGED_KIND } from "../src/engine/helpers.js";

export default defineRule({
  id: "summary-blank-line",
  description: "Require a blank line after the summary, so git and other tools see a one-line subject.",
  category: "format",
  defaultSeverity: "error",
  appliesTo: EVERY_JUDGED_KIND,
  options: NO_OPTIONS,
  messages: {
    missing:
      "Line {line} follows the summary without a blank line; insert one, or git joins both lines into one long subject.",
  },
  examples: {
    valid: [
      { title: "Summary, blank line, body.", message: "Fix pager scroll\n\nThe pager kept the old height after a resize.\n" },
      { title: "A summary alone.", message: "Fix pager scroll when the window shrinks\n" },
    ],
    invalid: [
      {
        title: "The body starts right under the summary.",
        message: "Fix pager scroll\nThe pager kept the old height after a resize.\n",
        findings: [{ messageId: "missing", line: 2, column: 1, endLine: 2, endColumn: 46 }],
      },
    ],
  },
  check({ message, report }) {
    if (!message.summary || message.blankAfterSummary) return;
    const next = message.lines[message.lines.indexOf(message.summary) + 1] ?? message.lines[1];
    if (!next) return;
    report({ messageId: "missing", span: lineSpan(next), data: { line: next.line } });
  },
});
