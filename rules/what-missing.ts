// Rule: the message says what the change does, specifically.
import { defineRule, firstParagraphSpan, NO_OPTIONS } from "../src/engine/helpers.js";

export default defineRule({
  id: "what-missing",
  description: "Require the message to say what the change does: a summary naming the change specifically, or a body describing the approach.",
  category: "what",
  defaultSeverity: "warn",
  appliesTo: ["normal", "bot"],
  options: NO_OPTIONS,
  messages: {
    missing: "Message doesn't say what the change does; name the change in the summary (\"Deprecate Assert#assertThat\") or describe the approach in the body.",
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
    ],
  },
  check({ message, facets, report }) {
    if (!message.summary || facets.what !== "missing") return;
    report({ messageId: "missing", span: firstParagraphSpan(message) });
  },
});
