// Rule: a revert says why, beyond git's default "This reverts commit <sha>." text.
import { NO_OPTIONS, defineRule, firstParagraphSpan, isDefaultRevertText, isRevertContinuation, lineSpan, linesSpan } from "../src/engine/helpers.js";

export default defineRule({
  id: "revert-default-text",
  description: "Report a revert that carries only git's default text, or no reason at all, with no word on why the change is reverted.",
  category: "why",
  defaultSeverity: "error",
  appliesTo: ["revert"],
  options: NO_OPTIONS,
  messages: {
    defaultText:
      "Revert has only git's default text; say why \"{reverted}\" is reverted (what broke and how it showed) after the \"This reverts commit\" line.",
    // Worded for reverts without git's text too: a hand-written revert, or a conventional `revert:`.
    noReason: "Message doesn't say why the change is needed; in the body, say what broke and how it showed.",
  },
  examples: {
    valid: [
      {
        title: "A revert with its reason.",
        message:
          "Revert \"Cache parsed config\"\n\nThis reverts commit 3f2a1b4c5d6e7f8091a2b3c4d5e6f7a8b9c0d1e2.\n\nThe cache kept stale values after `rationale init`, so the new hook\nran with the old threshold.\n",
      },
    ],
    invalid: [
      {
        title: "git's default revert text.",
        message: "Revert \"Cache parsed config\"\n\nThis reverts commit 3f2a1b4c5d6e7f8091a2b3c4d5e6f7a8b9c0d1e2.\n",
        findings: [{ messageId: "defaultText", line: 3, column: 1, endLine: 3, endColumn: 62 }],
      },
      {
        title: "A merge's revert text, over both of its lines.",
        message:
          "Revert \"Merge branch 'jk/cache'\"\n\nThis reverts commit 3f2a1b4c5d6e7f8091a2b3c4d5e6f7a8b9c0d1e2, reversing\nchanges made to 0a1b2c3d4e5f60718293a4b5c6d7e8f901a2b3c4.\n",
        findings: [{ messageId: "defaultText", line: 3, column: 1, endLine: 4, endColumn: 58 }],
      },
      {
        title: "A revert written by hand with no body: the finding points where the reason belongs.",
        message: "Revert \"Cache parsed config\"\n",
        findings: [{ messageId: "noReason", line: 2, column: 1, endLine: 2, endColumn: 1 }],
      },
      {
        title: "A conventional revert, the reverted commit's header as its subject, whose body is too short to say what broke.",
        message: "revert: feat: cache the parsed config\n\nIt broke.\n",
        findings: [{ messageId: "noReason", line: 3, column: 1, endLine: 3, endColumn: 10 }],
      },
    ],
  },
  check({ message, facets, report }) {
    if (!message.summary) return;
    if (!isDefaultRevertText(message)) {
      // Without git's text there is nothing to quote, but a revert with no reason fails on its
      // score: say so, or the report shows a failure and nothing to act on.
      if (facets.why === "missing") report({ messageId: "noReason", span: firstParagraphSpan(message) });
      return;
    }
    const reverted = /^Revert "(.*)"\s*$/.exec(message.summary.text)?.[1] ?? message.summary.text;
    const index = message.lines.findIndex((l) => /^This reverts commit\b/.test(l.text));
    if (index < 0) {
      report({ messageId: "defaultText", span: lineSpan(message.summary), data: { reverted } });
      return;
    }
    // A merge's revert text runs over two lines; the span covers both.
    const next = message.lines[index + 1];
    const last = next !== undefined && isRevertContinuation(next.text.trim()) ? next : message.lines[index];
    report({ messageId: "defaultText", span: linesSpan(message.lines[index], last), data: { reverted } });
  },
});
