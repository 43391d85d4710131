// Rule: a Gerrit Change-Id that Gerrit will not take for the change it names: unread by git, given twice, or malformed.
import { EVERY_JUDGED_KIND, NO_OPTIONS, defineRule, lineSpan, quoteText, unreadTrailerCause, unreadTrailerFinding, verbatimLines } from "../src/engine/helpers.js";
import type { ParsedMessage, SourceLine, Span, Trailer } from "../src/types.js";

const CHANGE_ID = /^change-id[ \t]*:[ \t]*(\S.*)/i;
// The trailer Gerrit's commit-msg hook writes instead of a Change-Id when gerrit.reviewUrl is set.
const LINK_ID = /^link[ \t]*:[ \t]*\S*\/id\/(I[0-9a-f]{40})[ \t]*$/i;
const LINK_ID_VALUE = /\/id\/(I[0-9a-f]{40})$/;
/**
 * A Link meant to name a change but malformed: …/id/ and I with four hex digits or more (cut short,
 * upper-case, a character added), or a lone or missing I. Other Links to …/id/… name other things.
 */
const LINK_ID_MALFORMED = /\/id\/([iI][0-9a-fA-F]{4}\S*|[iI]?)$/;
/** A Change-Id as Gerrit's commit-msg hook writes it. */
const FULL_ID = /^I[0-9a-f]{40}$/;
/** What Gerrit's server accepts as a Change-Id (its Change.CHANGE_ID_PATTERN, `^[iI][0-9a-f]{4,}.*$`). */
const SERVER_ID = /^[iI][0-9a-f]{4,}/;
/** EGit's placeholder until it computes a Change-Id, which Gerrit's server refuses. */
const PLACEHOLDER_ID = /^I0+$/;

/** A line or trailer that names a Gerrit change: a Change-Id, or a Link to …/id/I… as the hook writes with a review URL. */
interface GerritId {
  token: "Change-Id" | "Link";
  id: string;
}

function idOfLine(text: string): GerritId | undefined {
  const change = CHANGE_ID.exec(text);
  if (change) return { token: "Change-Id", id: change[1].trim() };
  const link = LINK_ID.exec(text);
  return link ? { token: "Link", id: link[1] } : undefined;
}

function idOfTrailer(trailer: Trailer): GerritId | undefined {
  if (/^change-id$/i.test(trailer.token)) return { token: "Change-Id", id: trailer.value.trim() };
  const link = /^link$/i.test(trailer.token) ? LINK_ID_VALUE.exec(trailer.value.trim()) : null;
  return link ? { token: "Link", id: link[1] } : undefined;
}

/** True when `line` is in the summary's paragraph (no blank line above it), which git never reads trailers from. */
function inSummaryParagraph(message: ParsedMessage, line: SourceLine): boolean {
  for (const other of message.lines) {
    if (other === line) return true;
    if (other.text.trim() === "") return false;
  }
  return false;
}

function trailerSpan(trailer: Trailer): Span {
  return { line: trailer.line, column: trailer.column, endLine: trailer.endLine, endColumn: trailer.endColumn };
}

export default defineRule({
  id: "change-id-unread",
  description:
    "Warn about a Gerrit Change-Id that Gerrit will not take for the change it names. Gerrit reads the Change-Id from the message's last paragraph, and its commit-msg hook asks git (`git interpret-trailers`) whether the message has one: when git reads none, the hook adds a new Change-Id in a paragraph of its own and the push opens a new change instead of a new patch set. git reads trailers only from the last paragraph, never from the summary's, and only when that paragraph is made of trailers (or, with a `Signed-off-by:`, at least a quarter of it is); a Conventional Commits `BREAKING CHANGE:` footer right above the trailers is the usual cause, since its token has a space. A Change-Id outside the last paragraph is not read by Gerrit either, which refuses the push where Change-Ids are required. Gerrit's hook looks for \"Change-Id:\" in that letter case, so a \"Change-ID:\" gets a second one added. Gerrit refuses a commit with two Change-Ids in its trailers (\"multiple Change-Id lines in message footer\"), and one that is not `I` and hex digits, or is EGit's all-zero placeholder (\"invalid Change-Id line format\"); one cut short or mistyped but still hex is taken as written, for a change of its own. The hook leaves a Change-Id it finds alone, whatever it holds. With `gerrit.reviewUrl` set, the hook writes `Link: <review URL>/id/I…` instead of a Change-Id, and such a line is checked the same way; one whose id after `/id/` is cut short or mistyped is reported too, since neither Gerrit nor its hook reads a change from it. A Change-Id that the trailers at the end hold too is left alone, and so are lines in code blocks, which are examples.",
  category: "format",
  defaultSeverity: "warn",
  appliesTo: EVERY_JUDGED_KIND,
  options: NO_OPTIONS,
  messages: {
    breakingChange:
      "{token} on line {line} is no trailer to git, so Gerrit's commit-msg hook adds a new {token} and the push opens a new change: \"BREAKING CHANGE:\" on line {other} has a space in its token, which makes git read the paragraph as text. Put a blank line between the footer and the trailers, or write \"BREAKING-CHANGE:\".",
    mixed:
      "{token} on line {line} is no trailer to git, so Gerrit's commit-msg hook adds a new {token} and the push opens a new change: git reads trailers from a last paragraph made of trailers, and line {other} (\"{text}\") is text. Put the trailers in a paragraph of their own at the end, after a blank line.",
    notLast:
      "{token} on line {line} is not in the last paragraph, where Gerrit and git read it, and line {other} starts another one after it: Gerrit refuses the push (\"missing Change-Id in message footer\"), or its commit-msg hook adds a new {token} and the push opens a new change. Move the line to the trailers at the end of the message.",
    summaryParagraph:
      "{token} on line {line} is in the summary's paragraph, where git reads no trailers (it joins the lines into one subject): Gerrit's commit-msg hook adds a new {token} and the push opens a new change, and without the hook Gerrit finds no Change-Id at the end. Put a blank line after the summary and move the line to the trailers at the end of the message.",
    shadowed:
      "{token} on line {line} is no trailer to git, so Gerrit takes the commit for the change that line {other} names, another one (Gerrit's commit-msg hook adds a {token} when git reads none). Keep only the Change-Id of the change to update, in the trailers at the end.",
    several:
      "{token} on line {line} gives the commit another Change-Id after the one on line {other}: Gerrit refuses the push (\"multiple Change-Id lines in message footer\"), counting a Link to …/id/I… as one where its hook writes those. Keep only the Change-Id of the change to update.",
    invalid:
      "Change-Id on line {line} is \"{id}\", not I and 40 hex digits as Gerrit's commit-msg hook writes it: Gerrit refuses the push (\"invalid Change-Id line format in message footer\"), and the hook adds no other while a Change-Id is there. Copy the Change-Id from the change's page, or delete the line for the hook to add a new one.",
    placeholder:
      "Change-Id on line {line} is all zeros, the placeholder EGit writes until a Change-Id is computed: Gerrit refuses the push (\"invalid Change-Id line format in message footer\"), and the hook adds no other while a Change-Id is there. Copy the Change-Id from the change's page, or delete the line for the hook to add a new one.",
    letterCase:
      "{written} on line {line} is not written \"{token}\", the spelling Gerrit's commit-msg hook looks for (it asks `git interpret-trailers --parse` and matches the letter case): the hook adds a {token} of its own, and Gerrit refuses the push with two (\"multiple Change-Id lines in message footer\"). Write it as \"{token}:\".",
    linkMalformed:
      "Link on line {line} ends in \"{id}\", not I and 40 hex digits as Gerrit's commit-msg hook writes it after /id/: Gerrit and its hook read no change from it, so the push does not update the change it names (the hook adds a Link of its own where no other names a change). Copy the Link from the change's page, or delete the line.",
    partial:
      "Change-Id on line {line} is \"{id}\", not I and 40 hex digits as Gerrit's commit-msg hook writes it: Gerrit takes it as written, for a change of its own, so the push opens a new change instead of updating the one it was copied from. Copy the whole Change-Id from the change's page.",
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
        title: "With gerrit.reviewUrl set, Gerrit's hook writes a Link to the change instead of a Change-Id.",
        message:
          "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\nBug: 4211\nLink: https://review.example.com/id/I8473b95934b5732ac55d26311a706c9c2bde9940\n",
      },
      {
        title: "A Link that names no change is another trailer, wherever it stands.",
        message:
          "Retry uploads on timeouts\n\nUploads failed on the first timeout, as the notes say.\nLink: https://wiki.example.com/uploads\n\nTested against the staging bucket.\n",
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
      {
        title: "A Change-Id line in the summary's paragraph, which git joins into the subject.",
        message: "Retry uploads on timeouts\nChange-Id: I8473b95934b5732ac55d26311a706c9c2bde9940\n\nUploads failed on the first timeout.\n",
        findings: [{ messageId: "summaryParagraph", line: 2, column: 1, endLine: 2, endColumn: 53 }],
      },
      {
        title: "Two Change-Ids in the trailers: Gerrit refuses the push.",
        message:
          "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\nChange-Id: I8473b95934b5732ac55d26311a706c9c2bde9940\nChange-Id: I2f1c0e0b5d8a4c7e9b3a6d1f0e2c4b8a7d9e1f3c\n",
        findings: [{ messageId: "several", line: 6, column: 1, endLine: 6, endColumn: 53 }],
      },
      {
        title: "A Change-Id and the Link a review-URL hook added: two ids to Gerrit, even for one change.",
        message:
          "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\nChange-Id: I8473b95934b5732ac55d26311a706c9c2bde9940\nLink: https://review.example.com/id/I8473b95934b5732ac55d26311a706c9c2bde9940\n",
        findings: [{ messageId: "several", line: 6, column: 1, endLine: 6, endColumn: 78 }],
      },
      {
        title: "A placeholder left in the template: Gerrit refuses it, and the hook keeps it.",
        message: "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\nChange-Id: TODO\n",
        findings: [{ messageId: "invalid", line: 5, column: 1, endLine: 5, endColumn: 16 }],
      },
      {
        title: "EGit's placeholder, committed before it computed the Change-Id.",
        message: "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\nChange-Id: I0000000000000000000000000000000000000000\n",
        findings: [{ messageId: "placeholder", line: 5, column: 1, endLine: 5, endColumn: 53 }],
      },
      {
        title: "A Change-Id in other letters' case: Gerrit's hook does not see it and adds a second.",
        message: "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\nChange-ID: I8473b95934b5732ac55d26311a706c9c2bde9940\n",
        findings: [{ messageId: "letterCase", line: 5, column: 1, endLine: 5, endColumn: 53 }],
      },
      {
        title: "A Change-Id cut short when copied: Gerrit takes it for a new change.",
        message: "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\nChange-Id: I8473b959\n",
        findings: [{ messageId: "partial", line: 5, column: 1, endLine: 5, endColumn: 21 }],
      },
      {
        title: "A review-URL hook's Link cut short when copied: Gerrit's hook adds a Link of its own.",
        message: "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\nBug: 4211\nLink: https://review.example.com/id/I8473b959\n",
        findings: [{ messageId: "linkMalformed", line: 6, column: 1, endLine: 6, endColumn: 46 }],
      },
      {
        title: "A review-URL hook's Link in a paragraph with text: git reads no trailer, so the hook adds a new Link.",
        message:
          "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\nTested against the staging bucket.\nLink: https://review.example.com/id/I8473b95934b5732ac55d26311a706c9c2bde9940\n",
        findings: [{ messageId: "mixed", line: 6, column: 1, endLine: 6, endColumn: 78 }],
      },
    ],
  },
  check({ message, report }) {
    // Gerrit reads every Change-Id in the trailers (and a Link to …/id/I… where its hook writes
    // those): more than one is refused, so each after the first is reported; the first is
    // checked for its form, which Gerrit checks only when it is the one.
    const read = message.trailers.flatMap((trailer) => {
      const found = idOfTrailer(trailer);
      return found ? [{ trailer, ...found }] : [];
    });
    read.slice(1).forEach(({ trailer, token }) =>
      report({ messageId: "several", span: trailerSpan(trailer), data: { token, line: trailer.line, other: read[0].trailer.line } }),
    );
    const first = read[0];
    // Gerrit's hook greps `git interpret-trailers --parse` for "^Change-Id:" (or "^Link:"), which
    // keeps the token as written: another case goes unseen, and the hook adds a second id.
    if (first !== undefined && first.trailer.token !== first.token) {
      report({ messageId: "letterCase", span: trailerSpan(first.trailer), data: { written: first.trailer.token, token: first.token, line: first.trailer.line } });
    }
    if (first?.token === "Change-Id" && (!FULL_ID.test(first.id) || PLACEHOLDER_ID.test(first.id))) {
      const messageId = PLACEHOLDER_ID.test(first.id) ? "placeholder" : SERVER_ID.test(first.id) ? "partial" : "invalid";
      report({ messageId, span: trailerSpan(first.trailer), data: { line: first.trailer.line, id: quoteText(first.id, 50) } });
    }
    // A Link to …/id/ whose id is not I and 40 hex digits is read by neither Gerrit (its server
    // takes exactly that from a Link) nor its hook, which greps for it and adds a Link otherwise.
    for (const trailer of message.trailers) {
      if (!/^link$/i.test(trailer.token)) continue;
      const malformed = LINK_ID_MALFORMED.exec(trailer.value.trim());
      if (malformed && !FULL_ID.test(malformed[1])) {
        report({ messageId: "linkMalformed", span: trailerSpan(trailer), data: { line: trailer.line, id: quoteText(malformed[1], 50) } });
      }
    }

    // Both line patterns start with "change-id" or "link" in either case: most lines of most
    // bodies are passed over on their first letter (the audit runs this on every commit).
    const hits: { line: SourceLine; token: GerritId["token"]; id: string }[] = [];
    for (const line of message.body) {
      const first = line.text.charCodeAt(0) | 32;
      const found = first === 99 || first === 108 ? idOfLine(line.text) : undefined;
      if (found) hits.push({ line, ...found });
    }
    if (hits.length === 0) return;
    const code = verbatimLines(message);
    for (const { line, token, id } of hits) {
      if (code.has(line.line)) continue;
      if (read.some((entry) => entry.id === id)) continue;
      const unread = unreadTrailerCause(message, line);
      const inSummary = unread === undefined && inSummaryParagraph(message, line);
      if (unread === undefined && !inSummary) continue;
      if (read.length > 0) {
        report({ messageId: "shadowed", span: lineSpan(line), data: { token, line: line.line, other: read[read.length - 1].trailer.line } });
      } else if (inSummary) {
        report({ messageId: "summaryParagraph", span: lineSpan(line), data: { token, line: line.line } });
      } else {
        const finding = unreadTrailerFinding(line, unread!);
        report({ ...finding, data: { ...finding.data, token } });
      }
    }
  },
});
