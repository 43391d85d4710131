// Rule: a Gerrit Change-Id line that git does not read as a trailer, so the push opens a new change or is refused.
import { EVERY_JUDGED_KIND, NO_OPTIONS, defineRule, lineSpan, unreadTrailerCause, unreadTrailerFinding, verbatimLines } from "../src/engine/helpers.js";

const CHANGE_ID = /^change-id[ \t]*:[ \t]*(\S.*)/i;

export default defineRule({
  id: "change-id-unread",
  description:
    "Warn about a Gerrit `Change-Id:` line that git does not read as a trailer, so Gerrit will not update the change it names. Gerrit reads the Change-Id from the message's last paragraph, and its commit-msg hook asks git (`git interpret-trailers`) whether the message has one: when git reads none, the hook adds a new Change-Id in a paragraph of its own and the push opens a new change instead of a new patch set. git reads trailers only from the last paragraph, and only when that paragraph is made of trailers (or, with a `Signed-off-by:`, at least a quarter of it is); a Conventional Commits `BREAKING CHANGE:` footer right above the trailers is the usual cause, since its token has a space. A Change-Id outside the last paragraph is not read by Gerrit either, which refuses the push where Change-Ids are required. A Change-Id that the trailers at the end hold too is left alone. Lines in code blocks are examples and are left alone; a line in the summary's paragraph is `summary-blank-line`'s finding.",
  category: "format",
  defaultSeverity: "warn",
  appliesTo: EVERY_JUDGED_KIND,
  options: NO_OPTIONS,
  messages: {
    breakingChange:
      "Change-Id on line {line} is no trailer to git, so Gerrit's commit-msg hook adds a new Change-Id and the push opens a new change: \"BREAKING CHANGE:\" on line {other} has a space in its token, which makes git read the paragraph as text. Put a blank line between the footer and the trailers, or write \"BREAKING-CHANGE:\".",
    mixed:
      "Change-Id on line {line} is no trailer to git, so Gerrit's commit-msg hook adds a new Change-Id and the push opens a new change: git reads trailers from a last paragraph made of trailers, and line {other} (\"{text}\") is text. Put the trailers in a paragraph of their own at the end, after a blank line.",
    notLast:
      "Change-Id on line {line} is not in the last paragraph, where Gerrit and git read it, and line {other} starts another one after it: Gerrit refuses the push (\"missing Change-Id in message footer\"), or its commit-msg hook adds a new Change-Id and the push opens a new change. Move the line to the trailers at the end of the message.",
    shadowed:
      "Change-Id on line {line} is no trailer to git, so Gerrit takes the commit for the change of the Change-Id on line {other}, another one (Gerrit's commit-msg hook adds a Change-Id when git reads none). Keep only the Change-Id of the change to update, in the trailers at the end.",
  },
  examples: {
    valid: [
      {
        title: "The Change-Id in the trailers' paragraph at the end.",
        message:
          "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\nBug: 4211\nChange-Id: I8473b95934b5732ac55d26311a706c9c2bde9940\n",
      },
      {
        title: "Trailers in a paragraph of their own, after a breaking-change footer.",
        message:
          "feat: read the cache folder from the config\n\nThe folder was fixed, so two checkouts shared one cache.\n\nBREAKING CHANGE: the cache moves to .cache/rationale.\n\nChange-Id: I8473b95934b5732ac55d26311a706c9c2bde9940\n",
      },
      {
        title: "With a sign-off git reads a paragraph that is at least a quarter trailers, the text line left out.",
        message:
          "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\n[kim: reworded the summary]\nChange-Id: I8473b95934b5732ac55d26311a706c9c2bde9940\nSigned-off-by: Kim Park <kim@example.com>\n",
      },
      {
        title: "A Change-Id line in a code block is an example.",
        message:
          "Document how to update a change\n\nAmend the commit and keep its trailer:\n\n```\nChange-Id: I8473b95934b5732ac55d26311a706c9c2bde9940\n```\n\nThen push to refs/for/main again.\n",
      },
    ],
    invalid: [
      {
        title: "A Conventional Commits breaking-change footer right above the Change-Id.",
        message:
          "feat: read the cache folder from the config\n\nThe folder was fixed, so two checkouts shared one cache.\n\nBREAKING CHANGE: the cache moves to .cache/rationale.\nChange-Id: I8473b95934b5732ac55d26311a706c9c2bde9940\n",
        findings: [{ messageId: "breakingChange", line: 6, column: 1, endLine: 6, endColumn: 53 }],
      },
      {
        title: "A line of prose in the trailers' paragraph.",
        message:
          "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\nSecond try, with Sam's backoff.\nChange-Id: I8473b95934b5732ac55d26311a706c9c2bde9940\n",
        findings: [{ messageId: "mixed", line: 6, column: 1, endLine: 6, endColumn: 53 }],
      },
      {
        title: "A paragraph after the Change-Id.",
        message:
          "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\nChange-Id: I8473b95934b5732ac55d26311a706c9c2bde9940\n\nTested against the staging bucket.\n",
        findings: [{ messageId: "notLast", line: 5, column: 1, endLine: 5, endColumn: 53 }],
      },
      {
        title: "The Change-Id Gerrit's hook added when git read none: the change written above will not be updated.",
        message:
          "feat: read the cache folder from the config\n\nThe folder was fixed, so two checkouts shared one cache.\n\nBREAKING CHANGE: the cache moves to .cache/rationale.\nChange-Id: I8473b95934b5732ac55d26311a706c9c2bde9940\n\nChange-Id: I2f1c0e0b5d8a4c7e9b3a6d1f0e2c4b8a7d9e1f3c\n",
        findings: [{ messageId: "shadowed", line: 6, column: 1, endLine: 6, endColumn: 53 }],
      },
    ],
  },
  check({ message, report }) {
    const hits = message.body.filter((line) => CHANGE_ID.test(line.text));
    if (hits.length === 0) return;
    const code = verbatimLines(message);
    const read = message.trailers.filter((trailer) => /^change-id$/i.test(trailer.token));
    for (const hit of hits) {
      if (code.has(hit.line)) continue;
      const id = CHANGE_ID.exec(hit.text)![1].trim();
      if (read.some((trailer) => trailer.value === id)) continue;
      const unread = unreadTrailerCause(message, hit);
      if (unread === undefined) continue;
      if (read.length > 0) {
        report({ messageId: "shadowed", span: lineSpan(hit), data: { line: hit.line, other: read[read.length - 1].line } });
        continue;
      }
      report(unreadTrailerFinding(hit, unread));
    }
  },
});
