// Rule: the message has a body; a summary alone is not enough (trailers alone: body-only-trailers).
import { afterSummarySpan, countWords, defineRule, linesSpan, plural } from "../src/engine/helpers.js";

export default defineRule<{ minWords: number }>({
  id: "body-required",
  description: "Require a body that says why the change is needed and what it does; reports a summary with nothing after it. A self-evident change (a typo, formatting, a release naming its versions: why `evident`) needs no body. Works as a pair with `body-only-trailers`, which reports a summary followed only by trailers.",
  category: "why",
  defaultSeverity: "error",
  // "Say why … and what …" is what body-why and what-missing would add on the same empty line.
  supersedes: ["body-why", "what-missing"],
  // Bot-shaped summaries ("chore(deps): …") are typed by people too: the content rules hold them
  // to the same standard, and a failing one then says why it fails.
  appliesTo: ["normal", "bot"],
  options: {
    type: "object",
    properties: {
      minWords: { type: "integer", minimum: 1, default: 3, description: "Fewest words the body must have (trailers not counted)." },
    },
    additionalProperties: false,
  },
  messages: {
    missing: "Message has no body; after a blank line, say why the change is needed and what it does.",
    tooShort: "Body has {words}; say why the change is needed and what it does in at least {minWords} words.",
  },
  examples: {
    valid: [
      {
        title: "A body that explains.",
        message: "Fix unwrap panic\n\nThe config loader called unwrap() on a missing key, so an empty\nconfig file crashed the CLI. Fall back to the defaults instead.\n",
      },
      {
        title: "In a script written without spaces, each character counts as a word.",
        message: "修复登录页面的崩溃问题\n\n当用户名为空时，登录页面会崩溃。\n",
      },
      {
        title: "A self-evident change: the summary says all there is to say.",
        message: "Fix typo in the README's install section\n",
      },
      {
        title: "Trailers alone are left to body-only-trailers, so the message gets one finding, not two.",
        message: "Fix unwrap panic\n\nSigned-off-by: Ada Lovelace <ada@example.com>\n",
      },
    ],
    invalid: [
      {
        title: "A summary alone: the finding points where the body belongs.",
        message: "Fix unwrap panic\n",
        findings: [{ messageId: "missing", line: 2, column: 1, endLine: 2, endColumn: 1 }],
      },
      {
        title: "A body too short to explain anything.",
        message: "Fix unwrap panic\n\nOops.\n",
        findings: [{ messageId: "tooShort", line: 3, column: 1, endLine: 3, endColumn: 6 }],
      },
    ],
  },
  check({ message, facets, options, report }) {
    if (!message.summary || message.summary.text.trim() === "") return;
    // How much to write follows the effort behind the change: a typo fix needs no essay.
    if (facets.why === "evident") return;
    const body = message.body;
    let first = 0;
    while (first < body.length && body[first].text.trim() === "") first++;
    if (first === body.length) {
      // A trailers-only body is body-only-trailers' finding; reporting it here too would double it.
      if (message.trailers.length === 0) report({ messageId: "missing", span: afterSummarySpan(message) });
      return;
    }
    let last = body.length - 1;
    while (body[last].text.trim() === "") last--;
    const words = countWords(message.bodyText, options.minWords);
    if (words < options.minWords) {
      report({
        messageId: "tooShort",
        span: linesSpan(body[first], body[last]),
        data: { words: plural(words, "word"), minWords: options.minWords },
      });
    }
  },
});
