// Rule: a release commit says what it releases: versions and changes.
import { defineRule, firstParagraphSpan, isDevelopmentBump } from "../src/engine/helpers.js";

const VERSION = /\bv?\d+\.\d+(?:\.\d+)?(?:[-+][\w.]+)?\b/;
const LIST_ITEM = /^\s*(?:[-*+•]|\d+[.)])\s+\S/;
const HEADING = /^\s*#{1,6}\s+\S/;

export default defineRule<{ minItems: number }>({
  id: "release-empty-body",
  description: "Require a release commit's body to name the released versions or list the changes (e.g. composed from the changelog).",
  category: "what",
  defaultSeverity: "error",
  appliesTo: ["release"],
  options: {
    type: "object",
    properties: {
      minItems: { type: "integer", minimum: 1, default: 1, description: "Fewest change-list items that count as listing the changes." },
    },
    additionalProperties: false,
  },
  messages: {
    empty: "Release commit has no versions or changes in its body; list the released package versions and their changes (from the changelog).",
  },
  examples: {
    valid: [
      {
        title: "A release composed from its changelog.",
        message: "chore: release (#6)\n\n## rationale 1.4.0\n\n* add --format json to lint\n* fix hook on CRLF messages\n\nSigned-off-by: Release Bot <bot@example.com>\n",
      },
      { title: "The version is in the summary and the body lists changes.", message: "Release 2.1.0\n\n- Drop Node 18 support.\n" },
      { title: "The bump to the next development version releases nothing to list.", message: "[maven-release-plugin] prepare for next development iteration\n" },
    ],
    invalid: [
      {
        title: "The motivating case: a bare release with a sign-off.",
        message: "chore: release (#6)\n\nSigned-off-by: Release Bot <bot@example.com>\n",
        findings: [{ messageId: "empty", line: 2, column: 1, endLine: 2, endColumn: 1 }],
      },
      {
        title: "A body without versions or changes: the finding points at it.",
        message: "chore: release (#6)\n\nRelease it.\n",
        findings: [{ messageId: "empty", line: 3, column: 1, endLine: 3, endColumn: 12 }],
      },
    ],
  },
  check({ message, options, report }) {
    if (!message.summary) return;
    // The bump to the next development version after a release releases nothing to list.
    if (isDevelopmentBump(message.summary.text)) return;
    const items = message.body.filter((line) => LIST_ITEM.test(line.text)).length;
    const hasVersion = message.body.some((line) => VERSION.test(line.text) || (HEADING.test(line.text) && /\d/.test(line.text)));
    if (hasVersion || items >= options.minItems) return;
    report({ messageId: "empty", span: firstParagraphSpan(message) });
  },
});
