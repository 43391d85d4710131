// Rule: the message says what the change does, specifically.
import { defineRule, firstParagraphSpan, opensWithFixVerb, NO_OPTIONS } from "../src/engine/helpers.js";

export default defineRule({
  id: "what-missing",
  description: "Require the message to say what the change does: a summary naming the change specifically, or a body describing the approach.",
  category: "what",
  defaultSeverity: "warn",
  appliesTo: ["normal", "bot"],
  options: NO_OPTIONS,
  messages: {
    missing: "Message doesn't say what the change does; name the change in the summary (\"Deprecate Assert#assertThat\") or describe the approach in the body.",
    fixOnly:
      "Message says what was fixed, not what the change does about it; say that in the summary (\"Keep the pager's scroll position when the window shrinks\") or describe the fix in the body.",
  },
  examples: {
    valid: [
      { title: "A summary naming the change.", message: "Deprecate Assert#assertThat in favour of Hamcrest's own\n" },
      {
        title: "A problem summary with a body describing the fix.",
        message: "Fix NPE when the cache is empty\n\nThis change returns an empty list instead of null from lookup().\n",
      },
    ],
    invalid: [
      {
        title: "A vague summary.",
        message: "Polishing\n",
        findings: [{ messageId: "missing", line: 2, column: 1, endLine: 2, endColumn: 1 }],
      },
      {
        title: "A vague summary and body: the finding points at the body's first paragraph.",
        message: "Polishing\n\nMinor.\n",
        findings: [{ messageId: "missing", line: 3, column: 1, endLine: 3, endColumn: 7 }],
      },
      {
        title: "A body of words that name no particular change says no more than the summary.",
        message: "Update stuff\n\nChanged some things.\n",
        findings: [{ messageId: "missing", line: 3, column: 1, endLine: 3, endColumn: 21 }],
      },
      {
        title: "A fix of a named problem, its cause explained, but not what the change does about it.",
        message: "Fix pager scroll when the window shrinks\n\nThe pager kept the old height after a resize, so the last lines\nwere lost.\n",
        findings: [{ messageId: "fixOnly", line: 3, column: 1, endLine: 4, endColumn: 11 }],
      },
    ],
  },
  check({ message, facets, report }) {
    if (!message.summary || facets.what !== "missing") return;
    // "Fix pager scroll when …" names the problem: asking to "name the change in the summary"
    // reads as if it named nothing, so say what is missing from it.
    report({ messageId: opensWithFixVerb(message.summary.text) ? "fixOnly" : "missing", span: firstParagraphSpan(message) });
  },
});
