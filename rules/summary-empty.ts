// Rule: the message has a summary line.
import { defineRule, NO_OPTIONS, EVERY_JUDGED_KIND } from "../src/engine/helpers.js";

export default defineRule({
  id: "summary-empty",
  description: "Require a summary line: an empty message (or only comments) says nothing.",
  category: "summary",
  defaultSeverity: "error",
  appliesTo: EVERY_JUDGED_KIND,
  options: NO_OPTIONS,
  messages: {
    empty: "Message is empty; write a summary line saying what the change does, then a blank line and why it is needed.",
  },
  examples: {
    valid: [{ title: "A summary line is present.", message: "Fix pager scroll when the window shrinks\n\nThe pager kept the old height, so the last lines were cut off.\n" }],
    invalid: [
      { title: "An empty message.", message: "", findings: [{ messageId: "empty", line: 1, column: 1, endLine: 1, endColumn: 1 }] },
      {
        title: "Only blank lines: git would abort the commit, rationale reports it.",
        message: "\n\n",
        findings: [{ messageId: "empty", line: 1, column: 1 }],
      },
    ],
  },
  check({ message, report }) {
    if (message.summary !== null && message.summary.text.trim() !== "") return;
    const line = message.summary?.line ?? 1;
    report({ messageId: "empty", span: { line, column: 1, endLine: line, endColumn: 1 } });
  },
});
