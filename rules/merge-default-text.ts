// Rule: a merge commit says more than git's (or GitHub's, GitLab's) default merge text.
import { NO_OPTIONS, defineRule, isDefaultMergeText, lineSpan } from "../src/engine/helpers.js";

export default defineRule({
  id: "merge-default-text",
  description: "Report a merge commit that carries only the default merge text, with no word on why the branch is merged.",
  category: "why",
  defaultSeverity: "warn",
  appliesTo: ["merge"],
  options: NO_OPTIONS,
  messages: {
    defaultText: "Merge commit has only the default text \"{summary}\"; add a paragraph saying why the branch is merged and what it brings in.",
  },
  examples: {
    valid: [
      {
        title: "A merge that says what it brings and why.",
        message:
          "Merge branch 'pager-resize'\n\nBring in the resize handling before the 2.0 freeze: without it the\npager loses its scroll position whenever the terminal shrinks.\n",
      },
    ],
    invalid: [
      {
        title: "git's default text.",
        message: "Merge branch 'pager-resize'\n",
        findings: [{ messageId: "defaultText", line: 1, column: 1, endLine: 1, endColumn: 28 }],
      },
      {
        title: "GitHub's default text for a pull request.",
        message: "Merge pull request #42 from ada/pager-resize\n\nFix pager scroll on resize\n",
        findings: [{ messageId: "defaultText", line: 1, column: 1, endLine: 1, endColumn: 45 }],
      },
    ],
  },
  check({ message, report }) {
    if (!message.summary || !isDefaultMergeText(message)) return;
    report({ messageId: "defaultText", span: lineSpan(message.summary), data: { summary: message.summary.text } });
  },
});
