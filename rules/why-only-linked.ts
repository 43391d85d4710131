// Rule: a ticket link is part of the why, not all of it.
import { defineRule, NO_OPTIONS } from "../src/engine/helpers.js";

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
    const ref = facets.refs[0];
    // A trailer ref's id is its value ("#12"): quote the whole trailer, "Closes: #12", as written.
    const trailer = ref.type === "trailer" ? message.trailers.find((t) => t.line === ref.line && t.column === ref.column) : undefined;
    const name = trailer ? `the "${trailer.token}: ${trailer.value}" trailer` : ref.type === "trailer" ? `the ${ref.id} trailer` : ref.id;
    report({ messageId: "linked", span: ref, data: { ref: name } });
  },
});
