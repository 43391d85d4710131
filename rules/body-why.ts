// Rule: the message says why the change was needed, beyond naming the problem.
import { charLength, defineRule, firstParagraphSpan, indexOfChar } from "../src/engine/helpers.js";

export default defineRule<{ allowNamed: boolean }>({
  id: "body-why",
  description: "Require the message to say why the change is needed: the problem and its effect, the cause or the motivation, not only its name.",
  category: "why",
  defaultSeverity: "warn",
  appliesTo: ["normal", "bot"],
  options: {
    type: "object",
    properties: {
      allowNamed: { type: "boolean", default: false, description: "Accept a summary that only names the problem (\"Fix failing test\")." },
    },
    additionalProperties: false,
  },
  messages: {
    missing: "Message doesn't say why the change is needed; after the summary, describe the problem and its effect, or the motivation.",
    restated: "The body only repeats the summary; say instead why the change is needed: the problem and its effect, or the motivation.",
    named: "Summary names the problem (\"{problem}\") but the message doesn't explain it; say what went wrong, when, and why this change is the fix.",
  },
  examples: {
    valid: [
      {
        title: "A body that explains the cause and the effect.",
        message: "Fix unwrap panic in config loader\n\nThe loader called unwrap() on a missing key, so an empty config file\ncrashed the CLI. Fall back to the defaults instead.\n",
      },
      {
        title: "A reason in plain words: what users live with, without a \"because\".",
        message: "Add a polyfill for structuredClone\n\nUsers on Safari 15 see a blank page.\n",
      },
      { title: "A self-evident change needs no reason.", message: "Fix typo in README\n" },
      {
        title: "Naming the problem is accepted with allowNamed.",
        message: "Fix failing test in the pager\n",
        options: { allowNamed: true },
      },
    ],
    invalid: [
      {
        title: "What changed, but not why: the finding points where the reason belongs.",
        message: "Add retry option to the HTTP client\n",
        findings: [{ messageId: "missing", line: 2, column: 1, endLine: 2, endColumn: 1 }],
      },
      {
        title: "A body that only describes the change: the finding points at the body's first paragraph.",
        message: "Add retry option to the HTTP client\n\nNew option: retries, three by default.\n",
        findings: [{ messageId: "missing", line: 3, column: 1, endLine: 3, endColumn: 39 }],
      },
      {
        title: "A body that repeats the summary in other words counts as none.",
        message: "Add retry logic to the upload client\n\nThis commit adds retry logic to the upload client, so that uploads are\nretried by the client.\n",
        findings: [{ messageId: "restated", line: 3, column: 1, endLine: 4, endColumn: 23 }],
      },
      {
        title: "Only the name of the problem.",
        message: "Fix NullPointerException in parser\n",
        findings: [{ messageId: "named", line: 1, column: 1, endLine: 1, endColumn: 4 }],
      },
      {
        title: "An emoji before the summary's words is not the verb: the finding points at \"Fix\".",
        message: "🐛 Fix NullPointerException in parser\n",
        findings: [{ messageId: "named", line: 1, column: 4, endLine: 1, endColumn: 7 }],
      },
    ],
  },
  check({ message, facets, options, report }) {
    if (!message.summary || facets.judged === false) return;
    if (facets.why === "missing") {
      report({ messageId: facets.restated ? "restated" : "missing", span: firstParagraphSpan(message) });
    } else if (facets.why === "named" && !options.allowNamed) {
      // Quote the summary, not the span: the span may be only the verb ("Fix") or the type of
      // "fix(parser): …", which says that something was fixed, not what was wrong.
      const span = facets.evidence?.why?.[0] ?? firstParagraphSpan(message);
      // Cut by characters, not UTF-16 units: half an emoji prints as "�".
      const summary = message.summary.text.trim();
      report({ messageId: "named", span, data: { problem: charLength(summary) > 60 ? `${summary.slice(0, indexOfChar(summary, 59)).trimEnd()}…` : summary } });
    }
  },
});
