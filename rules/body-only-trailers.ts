// Rule: trailers after the summary are not a body.
import { defineRule, NO_OPTIONS } from "../src/engine/helpers.js";

/** The token git reads from a bare URL line ending a message ("https://…" as "https" and "//…"). */
const URL_TOKEN = /^https?$/i;

export default defineRule({
  id: "body-only-trailers",
  description: "Disallow a message whose only content after the summary is trailers (Signed-off-by, Change-Id …): sign-offs and trailers say who and where, not why or what. Works as a pair with `body-required`, which reports a summary with nothing after it; each message gets one of the two findings, and a self-evident change (why `evident`) gets neither.",
  category: "why",
  defaultSeverity: "error",
  // "Add a paragraph … saying why … and what …" covers what these would say about the trailers.
  supersedes: ["body-why", "what-missing", "why-only-linked"],
  appliesTo: ["normal", "release", "bot"],
  options: NO_OPTIONS,
  messages: {
    onlyTrailers: "Body has only trailers ({tokens}); sign-offs and trailers don't explain the change, so add a paragraph before them saying why it is needed and what it does.",
    onlyLinks: "Body has only {links}; a link doesn't explain the change, so add a paragraph before it saying why the change is needed and what it does.",
  },
  examples: {
    valid: [
      {
        title: "A body before the trailers.",
        message: "net: fix use-after-free in tcp_close\n\nThe socket was freed before the timer that still referenced it was\ncancelled, so a late timer fired on freed memory.\n\nSigned-off-by: Ada Lovelace <ada@example.com>\n",
      },
      {
        title: "Prose under a label (Why:, Reason:, Benchmarks: …) is a body, even where git's rule would read the line as a trailer.",
        message: "Cache parsed manifests between builds\n\nWhy: every build re-parsed all 3,000 manifests and took 40 seconds.\nSigned-off-by: Ada Lovelace <ada@example.com>\n",
      },
      { title: "No body and no trailers is body-required's finding, not this rule's.", message: "Fix typo in README\n" },
      {
        title: "A self-evident change needs no body, signed off or not (as in body-required).",
        message: "Fix typo in README\n\nSigned-off-by: Ada Lovelace <ada@example.com>\n",
      },
    ],
    invalid: [
      {
        title: "Kernel style with sign-offs only.",
        message: "net: fix use-after-free in tcp_close\n\nSigned-off-by: Ada Lovelace <ada@example.com>\nReviewed-by: Alan Turing <alan@example.com>\n",
        findings: [{ messageId: "onlyTrailers", line: 3, column: 1, endLine: 4, endColumn: 44 }],
      },
      {
        title: "A bare release commit with a sign-off.",
        message: "chore: release (#6)\n\nSigned-off-by: Release Bot <bot@example.com>\n",
        findings: [{ messageId: "onlyTrailers", line: 3, column: 1, endLine: 3, endColumn: 45 }],
      },
      {
        title: "A label holding a template's placeholder is a trailer as git reads it, not a body.",
        message: "Cache parsed manifests between builds\n\nWhy: TBD\nSigned-off-by: Ada Lovelace <ada@example.com>\n",
        findings: [{ messageId: "onlyTrailers", line: 3, column: 1, endLine: 4, endColumn: 46 }],
      },
      {
        title: "A bare link ending the message has a trailer's shape to git (\"https\" and \"//…\"); the finding calls it a link.",
        message: "Add retry option to the HTTP client\n\nhttps://example.com/docs/retry.html\n",
        findings: [{ messageId: "onlyLinks", line: 3, column: 1, endLine: 3, endColumn: 36 }],
      },
    ],
  },
  check({ message, facets, report }) {
    if (!message.summary || message.trailers.length === 0) return;
    // As body-required: a typo fix or a version bump says all there is to say, sign-off or not.
    if (facets.why === "evident") return;
    if (message.body.some((line) => line.text.trim() !== "")) return;
    const first = message.trailers[0];
    const last = message.trailers[message.trailers.length - 1];
    const span = { line: first.line, column: first.column, endLine: last.endLine, endColumn: last.endColumn };
    // git reads a bare URL line as the trailer "https" with the value "//…": name it by its URL.
    const names = message.trailers.map((trailer) => (URL_TOKEN.test(trailer.token) && trailer.value.startsWith("//") ? `${trailer.token}:${trailer.value}` : trailer.token));
    const links = names.filter((name, index) => name !== message.trailers[index].token);
    if (links.length === names.length) {
      report({ messageId: "onlyLinks", span, data: { links: `${links.length === 1 ? "the link" : "the links"} ${links.join(", ")}` } });
      return;
    }
    report({ messageId: "onlyTrailers", span, data: { tokens: [...new Set(names)].join(", ") } });
  },
});
