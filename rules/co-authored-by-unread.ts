// Rule: a Co-authored-by line that git does not read as a trailer, so the co-author goes uncredited.
import { EVERY_JUDGED_KIND, NO_OPTIONS, defineRule, unreadTrailerCause, unreadTrailerFinding, verbatimLines } from "../src/engine/helpers.js";

const CO_AUTHOR = /^co-authored-by[ \t]*:[ \t]*(\S.*)/i;

export default defineRule({
  id: "co-authored-by-unread",
  description:
    "Warn about a `Co-authored-by:` line that git does not read as a trailer, so GitHub, which credits co-authors from git's trailers, will not list the co-author: git reads trailers only from the message's last paragraph, and only when that paragraph is made of trailers (or, with a `Signed-off-by:`, at least a quarter of it is). A Conventional Commits `BREAKING CHANGE:` footer right above the trailers is the usual cause: its token has a space, so git reads the paragraph as text. A co-author whom a `Co-authored-by:` trailer at the end credits already is left alone: GitHub's squash message lists each commit's message with its trailers, then every co-author again at the end. Lines in code blocks are examples and are left alone; a line in the summary's paragraph is `summary-blank-line`'s finding.",
  category: "format",
  defaultSeverity: "warn",
  appliesTo: EVERY_JUDGED_KIND,
  options: NO_OPTIONS,
  messages: {
    breakingChange:
      "Co-authored-by on line {line} is no trailer to git, so GitHub will not credit the co-author: \"BREAKING CHANGE:\" on line {other} has a space in its token, which makes git read the paragraph as text. Put a blank line between the footer and the trailers, or write \"BREAKING-CHANGE:\".",
    mixed:
      "Co-authored-by on line {line} is no trailer to git, so GitHub will not credit the co-author: git reads trailers from a last paragraph made of trailers, and line {other} (\"{text}\") is text. Put the trailers in a paragraph of their own at the end, after a blank line.",
    notLast:
      "Co-authored-by on line {line} is no trailer to git, so GitHub will not credit the co-author: git reads trailers only from the last paragraph, and line {other} starts another one after it. Move the line to the trailers at the end of the message.",
  },
  examples: {
    valid: [
      {
        title: "Trailers in a paragraph of their own, after a breaking-change footer.",
        message:
          "feat: read the cache folder from the config\n\nThe folder was fixed, so two checkouts shared one cache.\n\nBREAKING CHANGE: the cache moves to .cache/rationale.\n\nCo-authored-by: Sam Lee <sam@example.com>\n",
      },
      {
        title: "The hyphenated footer is a trailer to git, so the whole paragraph is read as trailers.",
        message:
          "feat: read the cache folder from the config\n\nThe folder was fixed, so two checkouts shared one cache.\n\nBREAKING-CHANGE: the cache moves to .cache/rationale.\nCo-authored-by: Sam Lee <sam@example.com>\n",
      },
      {
        title: "With a sign-off git reads a paragraph that is at least a quarter trailers, the footer's line left out.",
        message:
          "feat: read the cache folder from the config\n\nThe folder was fixed, so two checkouts shared one cache.\n\nBREAKING CHANGE: the cache moves to .cache/rationale.\nCo-authored-by: Sam Lee <sam@example.com>\nSigned-off-by: Kim Park <kim@example.com>\n",
      },
      {
        title: "GitHub's squash message: a commit's co-author, credited again by the trailers at the end.",
        message:
          "Retry uploads on timeouts (#42)\n\n* Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\nCo-authored-by: Sam Lee <sam@example.com>\n\n* Cover the retry in tests\n\n---------\n\nCo-authored-by: Sam Lee <sam@example.com>\n",
      },
      {
        title: "A Co-authored-by line in a code block is an example.",
        message:
          "Document how to credit a co-author\n\nThe guide now shows the trailer GitHub reads:\n\n```\nCo-authored-by: Name <name@example.com>\n```\n\nIt goes last, after a blank line.\n",
      },
    ],
    invalid: [
      {
        title: "A Conventional Commits breaking-change footer right above the trailer.",
        message:
          "feat: read the cache folder from the config\n\nThe folder was fixed, so two checkouts shared one cache.\n\nBREAKING CHANGE: the cache moves to .cache/rationale.\nCo-authored-by: Sam Lee <sam@example.com>\n",
        findings: [{ messageId: "breakingChange", line: 6, column: 1, endLine: 6, endColumn: 42 }],
      },
      {
        title: "A line of prose in the trailers' paragraph.",
        message:
          "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\nPaired with Sam on the backoff.\nCo-authored-by: Sam Lee <sam@example.com>\n",
        findings: [{ messageId: "mixed", line: 6, column: 1, endLine: 6, endColumn: 42 }],
      },
      {
        title: "A paragraph after the trailer.",
        message:
          "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\nCo-authored-by: Sam Lee <sam@example.com>\n\nTested against the staging bucket.\n",
        findings: [{ messageId: "notLast", line: 5, column: 1, endLine: 5, endColumn: 42 }],
      },
    ],
  },
  check({ message, report }) {
    const hits = message.body.filter((line) => CO_AUTHOR.test(line.text));
    if (hits.length === 0) return;
    const code = verbatimLines(message);
    const credited = new Set(message.trailers.filter((trailer) => /^co-authored-by$/i.test(trailer.token)).map((trailer) => coAuthorKey(trailer.value)));
    for (const hit of hits) {
      if (code.has(hit.line) || credited.has(coAuthorKey(CO_AUTHOR.exec(hit.text)![1]))) continue;
      const unread = unreadTrailerCause(message, hit);
      if (unread === undefined) continue;
      report(unreadTrailerFinding(hit, unread));
    }
  },
});

/** Who a Co-authored-by value names: the email in its angle brackets, as GitHub matches it, else the whole value. */
function coAuthorKey(value: string): string {
  return (/<([^<>]*)>/.exec(value)?.[1] ?? value).trim().toLowerCase();
}
