// Rule: a release commit says what it releases: versions and changes.
import { defineRule, firstParagraphSpan, isDevelopmentBump, plural } from "../src/engine/helpers.js";

const VERSION = /\bv?\d+\.\d+(?:\.\d+)?(?:[-+][\w.]+)?\b/;
const LIST_ITEM = /^\s*(?:[-*+•]|\d+[.)])\s+\S/;
const HEADING = /^\s*#{1,6}\s+\S/;
/** A `git shortlog` author line, "Junio C Hamano (3):" or the older "Linus Torvalds:". */
const SHORTLOG_AUTHOR = /^[A-Z][\w.'-]*(?: [\w.'-]+){0,5}(?: \(\d+\))?:$/;
/** A `git shortlog` entry: a commit's summary indented under its author. */
const SHORTLOG_ENTRY = /^(?:\t| {4,})\S/;

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
    tooFew: "Release commit lists {items} and no version; list at least {minItems} changes, or name the released package versions (from the changelog).",
  },
  examples: {
    valid: [
      {
        title: "A release composed from its changelog.",
        message: "chore: release (#6)\n\n## rationale 1.4.0\n\n* add --format json to lint\n* fix hook on CRLF messages\n\nSigned-off-by: Release Bot <bot@example.com>\n",
      },
      { title: "The version is in the summary and the body lists changes.", message: "Release 2.1.0\n\n- Drop Node 18 support.\n" },
      { title: "The bump to the next development version releases nothing to list.", message: "[maven-release-plugin] prepare for next development iteration\n" },
      {
        title: "A `git shortlog` of the release's commits lists its changes.",
        message: "GIT 0.99.8e\n\nLinus Torvalds (1):\n      make checkout-index '-a' flag saner.\n\nJunio C Hamano (2):\n      Do not quote SP.\n      git-checkout-index: documentation updates.\n",
      },
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
      {
        title: "An author line with nothing indented under it lists no change.",
        message: "Release 2.1\n\nThanks to:\nAlex Riesen\n",
        findings: [{ messageId: "empty", line: 3, column: 1, endLine: 4, endColumn: 12 }],
      },
      {
        title: "Fewer changes than `minItems` and no version: the finding says how many it found.",
        message: "chore: release (#6)\n\n* add --format json to lint\n* fix hook on CRLF messages\n",
        options: { minItems: 3 },
        findings: [{ messageId: "tooFew", line: 3, column: 1, endLine: 4, endColumn: 28 }],
      },
    ],
  },
  check({ message, options, report }) {
    if (!message.summary) return;
    // The bump to the next development version after a release releases nothing to list.
    if (isDevelopmentBump(message.summary.text)) return;
    const items = message.body.filter((line) => LIST_ITEM.test(line.text)).length + shortlogEntries(message.body);
    const hasVersion = message.body.some((line) => VERSION.test(line.text) || (HEADING.test(line.text) && /\d/.test(line.text)));
    if (hasVersion || items >= options.minItems) return;
    // A list shorter than minItems is no empty body: say what was found and what is missing.
    if (items > 0) report({ messageId: "tooFew", span: firstParagraphSpan(message), data: { items: plural(items, "change"), minItems: options.minItems } });
    else report({ messageId: "empty", span: firstParagraphSpan(message) });
  },
});

/**
 * The entries of `git shortlog` blocks in `body`: summaries indented under an author line, the
 * change list git.git's own release commits carry ("Junio C Hamano (3):\n      Fix …").
 */
function shortlogEntries(body: readonly { text: string }[]): number {
  let entries = 0;
  for (let index = 0; index < body.length; index++) {
    if (!SHORTLOG_AUTHOR.test(body[index].text)) continue;
    while (index + 1 < body.length && SHORTLOG_ENTRY.test(body[index + 1].text)) {
      entries++;
      index++;
    }
  }
  return entries;
}
