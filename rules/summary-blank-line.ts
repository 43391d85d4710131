// Rule: a blank line separates the summary from the rest of the message.
import { defineRule, isTrailerLine, lineSpan, NO_OPTIONS, EVERY_JUDGED_KIND } from "../src/engine/helpers.js";

// Gerrit's commit-msg hook writes this instead of a Change-Id when gerrit.reviewUrl is set.
const GERRIT_LINK = /^link[ \t]*:[ \t]*\S*\/id\/I/i;

export default defineRule({
  id: "summary-blank-line",
  description:
    "Require a blank line after the summary, so git and other tools see a one-line subject. A `Change-Id:`, `Co-authored-by:` or other trailer right under the summary is named: git reads no trailer there.",
  category: "format",
  defaultSeverity: "error",
  appliesTo: EVERY_JUDGED_KIND,
  options: NO_OPTIONS,
  supersedes: ["change-id-unread"],
  messages: {
    missing:
      "Line {line} follows the summary without a blank line; insert one, or git joins both lines into one long subject.",
    trailer:
      "{token} on line {line} follows the summary without a blank line, so git joins both lines into one long subject and reads no trailer from it. Insert a blank line after the summary and move the line to the trailers at the end of the message.",
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
      {
        title: "A Gerrit Change-Id right under the summary: git reads it as part of the subject.",
        message: "Fix pager scroll\nChange-Id: I8473b95934b5732ac55d26311a706c9c2bde9940\n\nThe pager kept the old height after a resize.\n",
        findings: [{ messageId: "trailer", line: 2, column: 1, endLine: 2, endColumn: 53 }],
      },
    ],
  },
  check({ message, report }) {
    if (!message.summary || message.blankAfterSummary) return;
    const next = message.lines[message.lines.indexOf(message.summary) + 1] ?? message.lines[1];
    if (!next) return;
    if (isTrailerLine(next.text) || GERRIT_LINK.test(next.text)) {
      const token = next.text.slice(0, next.text.indexOf(":")).trimEnd();
      report({ messageId: "trailer", span: lineSpan(next), data: { token, line: next.line } });
      return;
    }
    report({ messageId: "missing", span: lineSpan(next), data: { line: next.line } });
  },
});
