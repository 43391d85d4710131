// Sorts a body's lines: prose is read; code, quotes, comments, test plans, metadata and shortlogs are not.
import { insideCodeSpan } from "../message/inline.js";
import { isRevertContinuation, isRevertsCommitLine } from "../message/kind.js";
import type { SourceLine } from "../types.js";
import { withoutEmphasis } from "./text.js";

/** The wording git used for its default revert line before 1.5 ("This reverts <sha> commit."). */
const OLD_REVERT_LINE = /^This reverts [0-9a-f]{7,40} commit\.?\s*$/i;

const REF_TOKEN = String.raw`(?:#\d+|gh-\d+|[A-Z][A-Z0-9]+-\d+|[\w.-]+\/[\w.-]+#\d+|https?:\/\/\S+)`;
/** A line that only points at an issue: "Fixes gh-12", "See #3 and #4", "Closes https://…". */
const REFERENCE_LINE = new RegExp(String.raw`^\s*(?:(?:fix(?:es|ed)?|close[sd]?|resolve[sd]?|see(?: also)?|refs?|references?|related(?: to)?|relates to|part of|issue|bug|ticket|for|cf\.?)\b:?\s*)?${REF_TOKEN}(?:\s*(?:,|and|&)?\s*${REF_TOKEN})*[\s.,;)]*$`, "i");
const NON_PROSE = /^\s*(?:>|git-svn-id:|\(cherry[ -]picked from|Change-Id:|[\w-]+-by:|Co-authored-by:|Reviewed-on:|Reviewed-by:|https?:\/\/\S+\s*$|\[[\w-]+\]\s*$)/i;

/**
 * The label of a test plan (Phabricator's "Test Plan:", pull-request templates' "## Testing",
 * "Tested:", "How was this tested?"): a heading, or a line starting with the label and a colon.
 */
const TEST_PLAN_LABEL = /^[ \t]*(?:#{1,6}[ \t]+(?:\*\*)?(?:test(?:ing)?[ \t]+plan|testing(?:[ \t]+(?:done|notes|instructions|steps))?|tests?|tested|how[ \t]+(?:to[ \t]+test|(?:was|has)[ \t]+this[ \t]+(?:been[ \t]+)?tested|i[ \t]+tested[ \t]+this)|test[ \t]+steps|steps[ \t]+to[ \t]+test|verification|manual[ \t]+testing)(?:\*\*)?[ \t]*[:?]?[ \t]*$|(?:\*\*)?(?:test(?:ing)?[ \t]+plan|testing(?:[ \t]+(?:done|notes|instructions|steps))?|tested(?:[ \t]+(?:on|with))?|how[ \t]+(?:to[ \t]+test|(?:was|has)[ \t]+this[ \t]+(?:been[ \t]+)?tested|i[ \t]+tested[ \t]+this)|test[ \t]+steps|steps[ \t]+to[ \t]+test|verification|manual[ \t]+testing)(?:\*\*)?[ \t]*(?::|\?(?:\*\*)?[ \t]*$))/i;
/** A line that starts the next section: a heading or a label ("Reviewers:", "Differential Revision:"). */
const SECTION_START = /^[ \t]*(?:#{1,6}[ \t]|(?:\*\*)?[A-Z][\w-]*(?:[ \t][\w-]+){0,2}(?:\*\*)?:(?:[ \t]|$))/;

/**
 * Where a body is in a test plan: not in one, in the paragraph of a label with its text on the
 * line ("Testing: ran the unit tests."), or in a section that a label alone on its line ("Test
 * Plan:") or a heading ("## Testing") opens: before its first text ("open"), in a paragraph
 * ("section") or after a blank line that ended one ("break").
 */
type TestPlanState = "none" | "paragraph" | "open" | "section" | "break";

/**
 * A paragraph that goes on with a test plan: a list item, code or a command ("npm test", "$ make
 * check", a line starting in lower case), a short note ("CI.", "N/A"), a sentence of someone
 * trying the change ("Ran the suite.", "Checked the page by hand.", "I opened …"), or one that
 * speaks of tests or trying ("All tests pass", "Verified on Android", "The toggle was clicked
 * in Chrome").
 */
const PLAN_PARAGRAPH = /^(?:\s*(?:[-*+•>$`|[(]|\d+[.)])|\s*(?:\S+\s+){0,2}\S*\s*$|\s*(?:\w+ly\s+)?(?:i|we|ran|run|tried|try|checked|check|verified|verify|confirmed|confirm|opened|open|clicked|click|toggled|toggle|built|build|compiled|deployed|installed|executed|observed|reproduced|launched|started|loaded|visited|navigated|used|made sure|ensured|passes|passed|works|covered|before|after|see)\b|.*\b(?:tests?|tested|testing|ci|suites?|manually|by hand|locally|screenshots?|verified|reproduced|repro|passe[sd]|green|(?:was|were|been)\s+(?:\w+ly\s+)?(?:run|tried|checked|clicked|opened|toggled|exercised|confirmed))\b)/i;

const LOWER_CASE_START = /^\s*[a-z]/;

/**
 * The test-plan state after `line`: a paragraph ends at a blank line, a section at the next
 * heading or label ("Reviewers:", "## Why"), at the end of the body, or at a paragraph after its
 * first that is no plan (PLAN_PARAGRAPH): "Test plan:↵↵Ran the suite.↵↵The old page crashed
 * when the list was empty, so …" ends before the reason.
 */
function testPlanAfter(state: TestPlanState, line: string): TestPlanState {
  if (line.trim() === "") return state === "paragraph" ? "none" : state === "section" ? "break" : state;
  if (SECTION_START.test(line)) return "none";
  if (state === "break") return LOWER_CASE_START.test(line) || PLAN_PARAGRAPH.test(line) ? "section" : "none";
  return state === "open" ? "section" : state;
}

const FENCE = /^\s{0,3}(```|~~~)/;
/** "- [ ] Bug fix": a template's option left unticked says nothing about this change. */
const UNCHECKED_TASK = /^\s*[-*+]\s+\[ \]\s/;
/**
 * A character that NON_PROSE, REFERENCE_LINE or UNCHECKED_TASK needs: each of NON_PROSE's forms
 * has a ">", a ":" (a label, a URL), a "(" ("(cherry picked") or a "["; each reference has a
 * digit ("#12", "gh-3", "ABC-1", "owner/repo#4") or a URL's ":"; a task has its "[ ]". Most
 * prose lines have none, and skip the three patterns (one scan of the line for a class of
 * characters costs less than the three anchored patterns failing).
 */
const NON_PROSE_CHAR = /[\d:>(\[]/;

const INDENTED = /^(?: {4}|\t)/;
const LIST_MARKER = /^\s*(?:[-*+•]|\d+[.)])\s/;
/** A list item's marker and the blanks after it, up to the item's text. */
const LIST_ITEM_TEXT = /^ *(?:[-*+•]|\d+[.)]) +(?=\S)/;

/** A line ending in a colon right after a word or a bracket ("Reproduce with:", "(see below):"). */
const INTRODUCING_COLON = /[A-Za-z)]:\s*$/;

/** How many spaces a line starts with (a tab counts as no space: it is read as code). */
function leadingSpaces(text: string): number {
  let count = 0;
  while (text.charCodeAt(count) === 32) count++;
  return count;
}

/** The body's prose lines, and whether it shows code and git's default revert line. */
interface Prose {
  lines: SourceLine[];
  /** Code, a command or an example shown in the body: more than a restatement of the summary can say. */
  showsCode: boolean;
  revertDefault: boolean;
  /** The text of the body's block quotes ("> …"), without their marks: a report or a review the body quotes. */
  quotes: SourceLine[];
}

/**
 * A line that introduces someone's words, set off below it by indentation as plain-text mail
 * quotes them: "The King Penguin says:", "Junio wrote:", "The perldiag(1) has following to say
 * about this:", "As the manual page explains:".
 */
const QUOTE_INTRO = /\b(?:says|said|writes|wrote|explains|explained|states|stated|puts\s+it|to\s+say(?:\s+about\s+(?:this|that|it))?|mentions|mentioned|reports|reported|complains|complained|suggests|suggested|asks|asked)[ \t]*:[ \t]*$/i;

/** A line of a block quote, and its marks: "> It does not work …", ">> …". */
const QUOTE_MARKS = /^\s*(?:>[ \t]?)+/;

/** Sorts the body's lines: prose is read; code, quotes, comments, test plans and metadata are not. */
export function collectProse(body: readonly SourceLine[]): Prose {
  const proseLines: SourceLine[] = [];
  const quotes: SourceLine[] = [];
  let inFence = false;
  let showsCode = false;
  let revertDefault = false;
  let inComment = false;
  // A comment runs to its "-->"; a "<!--" with none after it is text ("Titles starting with <!-- …").
  // Where the last "-->" is gets looked up only for a body with a "<!--" (-2: not yet).
  let lastClose = -2;
  // After a line that introduces someone's words ("The King Penguin says:"), up to the next prose line.
  let quoting = false;
  // Where the text of the last list item starts, while its wrapped lines may follow (0: none).
  let itemIndent = 0;
  // Inside a test plan: to the end of its paragraph, or of its section (up to the next label).
  let testPlan: TestPlanState = "none";
  for (let index = 0; index < body.length; index++) {
    const line = body[index];
    // A test plan tells how the change was tried ("Opened the app and toggled the setting"),
    // not why it was made or what it does: it stays in the message and out of the reading.
    if (testPlan !== "none") {
      // A fenced block inside the plan is the plan's, blank lines and all.
      if (inFence) {
        if (FENCE.test(line.text)) inFence = false;
        continue;
      }
      testPlan = testPlanAfter(testPlan, line.text);
      if (testPlan !== "none") {
        if (FENCE.test(line.text)) inFence = true;
        continue;
      }
    }
    if (!inFence && (line.text.includes(":") || line.text.includes("#") || line.text.includes("?")) && TEST_PLAN_LABEL.test(line.text)) {
      // "Testing: ran the unit tests." is its paragraph; "Test Plan:" alone heads a section.
      testPlan = !/^\s*#/.test(line.text) && /[:?][ \t]*\S/.test(line.text) ? "paragraph" : "open";
      continue;
    }
    if (FENCE.test(line.text)) {
      inFence = !inFence;
      continue;
    }
    // A list item's wrapped lines aligned with its text ("  - While it does call …" over
    // "    maps commit OIDs to …") go on with the item's prose; other indented lines are code.
    const continuesItem = itemIndent > 0 && !inFence && leadingSpaces(line.text) === itemIndent;
    // A list item's own line sets the indent anew below (a tab before or after its marker: none).
    if (line.text.trim() === "" || !continuesItem || LIST_MARKER.test(line.text)) itemIndent = 0;
    if (inFence || (INDENTED.test(line.text) && !LIST_MARKER.test(line.text) && !continuesItem)) {
      if (line.text.trim() !== "") showsCode = true;
      // Someone's words set off by indentation after "… says:" are a quote, as "> …" lines are.
      if (!inFence && quoting && line.text.trim() !== "") quotes.push({ text: line.text.trim(), line: line.line });
      continue;
    }
    if (line.text.trim() !== "") quoting = line.text.includes(":") && QUOTE_INTRO.test(line.text);
    // git's default revert lines, as the message classifier knows them (the merge form's second
    // line, "changes made to <sha>.", only after its first), and git's older wording. Both start
    // with "This reverts" (the older in any case, with no blank before it), so only a line whose
    // text starts with "T" or "t" is read against them.
    const trimmed = line.text.trim();
    const first = trimmed.charCodeAt(0);
    if (((first === 84 || first === 116) && (isRevertsCommitLine(trimmed) || OLD_REVERT_LINE.test(line.text))) || (revertDefault && isRevertContinuation(trimmed))) {
      revertDefault = true;
      continue;
    }
    const opens: number = inComment ? 0 : commentStart(line.text);
    if (opens >= 0 && !inComment && lastClose === -2) lastClose = body.findLastIndex((other) => other.text.includes("-->"));
    if (opens >= 0 && (inComment || line.text.includes("-->", opens) || index < lastClose)) {
      // An HTML comment (a pull-request template's "<!-- Describe your changes -->") is invisible
      // when rendered; its text is the template's, not the writer's.
      const before = line.text.slice(0, opens);
      inComment = !line.text.slice(opens).includes("-->");
      if (before.trim() !== "") proseLines.push({ text: before, line: line.line });
      continue;
    }
    if (NON_PROSE_CHAR.test(line.text) && (NON_PROSE.test(line.text) || REFERENCE_LINE.test(line.text) || UNCHECKED_TASK.test(line.text))) {
      const marks = QUOTE_MARKS.exec(line.text);
      if (marks !== null) quotes.push({ text: line.text.slice(marks[0].length), line: line.line });
      continue;
    }
    const item = LIST_ITEM_TEXT.exec(line.text);
    if (item !== null) itemIndent = item[0].length;
    // "  - Reproduce with:": what a colon after a word introduces is a block (a command, its
    // output), even aligned with the item's text, so the item's prose ends there. Not a
    // compiler's "file.c:78:1:", whose message goes on in the item's text.
    if (itemIndent > 0 && INTRODUCING_COLON.test(line.text)) itemIndent = 0;
    proseLines.push(line);
  }
  return { lines: proseLines, showsCode, revertDefault, quotes };
}

const OPEN_QUOTES = "\"'\u201C\u2018";
const CLOSE_QUOTES = "\"'\u201D\u2019";

/**
 * Where an HTML comment opens on `line`: the first "<!--" outside a code span ("let `<!--`
 * through" quotes the marker) and not between quotes ('the first "<!--" in a body' talks
 * about the marker), or -1.
 */
function commentStart(line: string): number {
  for (let at = line.indexOf("<!--"); at >= 0; at = line.indexOf("<!--", at + 4)) {
    if (at > 0 && OPEN_QUOTES.includes(line.charAt(at - 1)) && CLOSE_QUOTES.includes(line.charAt(at + 4))) continue;
    if (!insideCodeSpan(line, at)) return at;
  }
  return -1;
}

/** A merge's shortlog heading ("* jk/topic:"), above the indented summaries of the commits it merges. */
const SHORTLOG_HEAD = /^\* \S+(?: \([^)]*\))?:\s*$/;

/** The prose lines as one text, leaving out a merge's shortlog (its heading and the indented lines below). */
export function withoutShortlog(lines: readonly SourceLine[]): string {
  let text = "";
  let inShortlog = false;
  for (const line of lines) {
    if (SHORTLOG_HEAD.test(line.text)) inShortlog = true;
    else if (!inShortlog || !/^\s/.test(line.text)) {
      inShortlog = false;
      text += `${line.text}\n`;
    }
  }
  return text;
}

/**
 * The writer's own prose as the reason readings read it: `lines` without a merge's shortlog,
 * emphasis moved (withoutEmphasis). `joined` is `withoutEmphasis` of the lines joined with "\n",
 * the body text the cues read: with no shortlog heading among the lines the own prose is that
 * text and a final line break (which opens and closes no emphasis), so it is not built again.
 */
export function ownProseText(lines: readonly SourceLine[], joined: string): string {
  for (const line of lines) if (SHORTLOG_HEAD.test(line.text)) return withoutEmphasis(withoutShortlog(lines));
  return lines.length === 0 ? "" : `${joined}\n`;
}
