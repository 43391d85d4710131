// Rule: a revert says why, beyond git's default "This reverts commit <sha>." text.
import { NO_OPTIONS, defineRule, isDefaultRevertText, lineSpan } from "../src/engine/helpers.js";

export default defineRule({
  id: "revert-default-text",
  description: "Report a revert that carries only git's default text, with no word on why the change is reverted.",
  category: "why",
  defaultSeverity: "error",
  appliesTo: ["revert"],
  options: NO_OPTIONS,
  messages: {
    defaultText:
      "Revert has only git's default text; say why \"{reverted}\" is reverted (what broke and how it showed) after the \"This reverts commit\" line.",
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
    ],
  },
  check({ message, report }) {
    if (!message.summary || !isDefaultRevertText(message)) return;
    const reverted = /^Revert "(.*)"\s*$/.exec(message.summary.text)?.[1] ?? message.summary.text;
    const line = message.lines.find((l) => /^This reverts commit\b/.test(l.text)) ?? message.summary;
    report({ messageId: "defaultText", span: lineSpan(line), data: { reverted } });
  },
});
