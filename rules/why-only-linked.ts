// Rule: a ticket link is part of the why, not all of it.
import { defineRule, NO_OPTIONS } from "../src/engine/helpers.js";
import type { ParsedMessage, Ref } from "../src/types.js";

/** Words that number an item of a series: "case #29", "batch #3", "round #1", "stage #1", "Benchmark #1". */
const COUNTING_WORD = /\b(?:case|batch|round|part|step|stage|phase|test|benchmark|run|pass|attempt|try|take|item|patch|cycle|iteration|example|scenario|no\.?|number)\s*$/i;

/** True when a `#N` reference numbers an item of a series (case #29) rather than naming a ticket. */
function isOrdinalNumber(message: ParsedMessage, ref: Ref): boolean {
  if (ref.type !== "issue" || !ref.id.startsWith("#")) return false;
  const line = message.lines.find((candidate) => candidate.line === ref.line);
  return line !== undefined && COUNTING_WORD.test(line.text.slice(0, ref.column - 1));
}

export default defineRule({
  id: "why-only-linked",
  description: "Disallow messages whose only reason is a ticket or PR reference; links rot, the history stays, so summarise the reason in the message.",
  category: "why",
  defaultSeverity: "warn",
  appliesTo: ["normal", "bot"],
  options: NO_OPTIONS,
  messages: {
    linked: "The reason is only in {ref}; ticket and PR pages can move or disappear, so say in a sentence what problem it describes.",
  },
  examples: {
    valid: [
      {
        title: "A reference next to a stated reason.",
        message: "Retry uploads on 503\n\nThe storage gateway sheds load with 503 during deploys, so uploads\nfailed for a few seconds every release.\n\nFixes: #412\n",
      },
      {
        title: "A number after a counting word (case #29, batch #3, round #1) is no ticket.",
        message: "t1510: set up case #29\n\nSigned-off-by: Ada Lovelace <ada@example.com>\n",
      },
    ],
    invalid: [
      {
        title: "The ticket carries the whole reason.",
        message: "Add retry option to the HTTP client\n\nSee JIRA-4411\n",
        findings: [{ messageId: "linked", line: 3, column: 5, endLine: 3, endColumn: 14 }],
      },
      {
        title: "A trailer alone.",
        message: "Add retry option to the HTTP client\n\nCloses: #12\n",
        findings: [{ messageId: "linked", line: 3, column: 1, endLine: 3, endColumn: 12 }],
      },
      {
        title: "An issue number is a ticket, whatever word comes before it.",
        message: "Handle dashes in the version gracefully\n\nReported as issue #14.\n",
        findings: [{ messageId: "linked", line: 3, column: 19, endLine: 3, endColumn: 22 }],
      },
    ],
  },
  check({ message, facets, report }) {
    if (facets.why !== "linked" || !facets.refs || facets.refs.length === 0) return;
    const ref = facets.refs.find((candidate) => !isOrdinalNumber(message, candidate));
    if (!ref) return;
    report({ messageId: "linked", span: ref, data: { ref: ref.type === "trailer" ? `the ${ref.id} trailer` : ref.id } });
  },
});
