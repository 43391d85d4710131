// Rule: the summary does not end with a period.
import { defineRule, rangeSpan, NO_OPTIONS } from "../src/engine/helpers.js";

/** A closing abbreviation ("…, tabs, etc.", "… (e.g.", "Smith et al."): its period is not the sentence's. */
const ABBREVIATION = /(?:^|[\s(,])(?:etc|e\.g|i\.e|et al|vs|cf)\.$/i;

export default defineRule({
  id: "summary-trailing-period",
  description: "Disallow a period at the end of the summary: it is a title, not a sentence.",
  category: "summary",
  defaultSeverity: "warn",
  options: NO_OPTIONS,
  messages: {
    period: "Summary ends with a period; drop it, the summary is a title.",
  },
  examples: {
    valid: [
      { title: "No period.", message: "Fix pager scroll when the window shrinks\n" },
      { title: "An ellipsis is not a period.", message: "Wait for the lock before retrying...\n" },
      { title: "The period of an abbreviation belongs to it.", message: "Quote paths with spaces, tabs, newlines, etc.\n" },
    ],
    invalid: [
      {
        title: "A trailing period.",
        message: "Fix pager scroll when the window shrinks.\n",
        findings: [{ messageId: "period", line: 1, column: 41, endLine: 1, endColumn: 42 }],
      },
      {
        title: "A word that only ends like an abbreviation.",
        message: "Drop the unused fields of struct ref_cache_vs.\n",
        findings: [{ messageId: "period", line: 1, column: 46, endLine: 1, endColumn: 47 }],
      },
    ],
  },
  check({ message, report }) {
    const summary = message.summary;
    if (!summary) return;
    const text = summary.text.trimEnd();
    if (!text.endsWith(".") || text.endsWith("..") || ABBREVIATION.test(text)) return;
    report({ messageId: "period", span: rangeSpan(summary, text.length - 1, text.length) });
  },
});
