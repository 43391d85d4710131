// Rule: the summary does not end with a period.
import { defineRule, rangeSpan, NO_OPTIONS } from "../src/engine/helpers.js";

export default defineRule({
  id: "summary-trailing-period",
  description: "Disallow a period at the end of the summary: it is a title, not a sentence.",
  category: "summary",
  defaultSeverity: "warn",
  options: NO_OPTIONS,
  messages: {
    period: "Summary ends with a period; drop it, the summary is a title.",
  },
  examples: {
    valid: [
      { title: "No period.", message: "Fix pager scroll when the window shrinks\n" },
      { title: "An ellipsis is not a period.", message: "Wait for the lock before retrying...\n" },
    ],
    invalid: [
      {
        title: "A trailing period.",
        message: "Fix pager scroll when the window shrinks.\n",
        findings: [{ messageId: "period", line: 1, column: 41, endLine: 1, endColumn: 42 }],
      },
    ],
  },
  check({ message, report }) {
    const summary = message.summary;
    if (!summary) return;
    const text = summary.text.trimEnd();
    if (!text.endsWith(".") || text.endsWith("..")) return;
    report({ messageId: "period", span: rangeSpan(summary, text.length - 1, text.length) });
  },
});
