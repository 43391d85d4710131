// Rule: a body made only of squashed development commits ("* wip", "* fix tests") explains nothing.
import { NO_OPTIONS, defineRule, isSquashedCommitList, listItems } from "../src/engine/helpers.js";

export default defineRule({
  id: "body-squashed-commits",
  description: "Disallow a body that is only the list of squashed development commits (\"* wip\", \"* fix tests\", \"* address review\").",
  category: "why",
  defaultSeverity: "warn",
  appliesTo: ["normal", "bot"],
  options: NO_OPTIONS,
  messages: {
    squashed: "Body is only a list of {count} squashed development commits (such as \"{example}\"); replace it with a paragraph saying why the change is needed and what it does as a whole.",
  },
  examples: {
    valid: [
      {
        title: "A list of real changes after an explanation.",
        message: "Add retry option to the HTTP client (#41)\n\nUploads fail for a few seconds during deploys. Retry them:\n\n* retry idempotent requests up to 3 times\n* back off exponentially from 100 ms\n",
      },
    ],
    invalid: [
      {
        title: "GitHub's default squash-merge body.",
        message: "Add retry option to the HTTP client (#41)\n\n* wip\n\n* fix tests\n\n* address review\n",
        findings: [{ messageId: "squashed", line: 3, column: 1, endLine: 7, endColumn: 17 }],
      },
    ],
  },
  check({ message, report }) {
    if (message.body.length === 0 || !isSquashedCommitList(message.body)) return;
    const items = listItems(message.body);
    const first = items[0];
    const last = items[items.length - 1];
    const example = items.map((item) => item.text.replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, "").trim()).find((text) => text.length > 0) ?? "";
    report({
      messageId: "squashed",
      span: { line: first.line, column: 1, endLine: last.line, endColumn: last.text.length + 1 },
      data: { count: items.length, example },
    });
  },
});
