// Rule: lines the writer meant as text, which git's editor cleanup drops as comments.
import { EVERY_JUDGED_KIND, NO_OPTIONS, defineRule, isScissorsLine, lineSpan, splitSourceLines, verbatimLines } from "../src/engine/helpers.js";

// A Markdown section heading of a few words ("## Why", "### Test plan"). Not a single "#": git's
// and teams' commit templates put hints such as "# Why" or "# Why is this change needed?" in
// lines of their own, meant to be dropped.
const HEADING = /^#{2,6}[ \t]+[\p{L}\p{N}][\p{L}\p{N} &/'-]{0,40}$/u;
// An issue reference at the start of a line ("#1842 is the upstream report"); not a debugger's
// stack frame ("#0  0x00007ffff7a42428 in raise ()").
const ISSUE_START = /^#([1-9]\d*)\b(?![ \t]+(?:0x[\da-f]+|in )|[ \t]{2})/i;
/** Findings listed at most; a pasted file of comment lines needs one warning, not thousands. */
const MAX_FINDINGS = 5;
const MAX_HEADING_WORDS = 4;

export default defineRule({
  id: "comment-lines-dropped",
  description:
    "Warn about a Markdown section heading (`## Why`, two or more `#`) or an issue reference (`#1842 …`) at the start of a line inside the message: git's editor cleanup drops every line that starts with the comment character `#`, so the commit will not have it. A heading counts only above the message's last kept line (below it is git's template), a reference anywhere above the `git commit -v` scissors line. In the hook, lines of the repository's `commit.template` are left alone (git drops its hints on purpose); when comments are kept (`git commit -m`, `commit.cleanup=whitespace`) nothing is dropped and nothing is reported.",
  category: "format",
  defaultSeverity: "warn",
  appliesTo: EVERY_JUDGED_KIND,
  options: NO_OPTIONS,
  messages: {
    heading:
      "Line {line} (\"{text}\") starts with \"#\", so git drops it as a comment and the commit will not have it; write the heading without \"#\" (e.g. \"{plain}:\"), or commit with --cleanup=whitespace.",
    issue:
      "Line {line} starts with \"#{number}\", so git drops it as a comment and the reference is lost; start the line with a word (\"Fixes #{number}\", \"See #{number}\").",
  },
  examples: {
    valid: [
      { title: "A heading without the comment character.", message: "Cache parsed manifests\n\nWhy:\nEvery build re-parsed all 3,000 manifests.\n" },
      {
        title: "git's template below the message is meant to be dropped.",
        message: "Cache parsed manifests\n\nEvery build re-parsed all 3,000 manifests.\n# Please enter the commit message for your changes.\n# On branch main\n",
      },
      {
        title: "A template's hints above the text are left alone: a sentence, a question, or a single \"#\".",
        message: "Cache parsed manifests\n\n# Why is this change needed?\n# Why\nEvery build re-parsed all 3,000 manifests.\n",
      },
      {
        title: "A debugger's stack frames and code in a fenced block are not references or headings.",
        message: "Fix the crash in raise()\n\nThe parser aborted:\n#0  0x00007ffff7a42428 in raise ()\n```sh\n## build it\nmake\n```\nCheck the length first.\n",
      },
    ],
    invalid: [
      {
        title: "Markdown headings, as in a pull-request description.",
        message: "Cache parsed manifests\n\n## Why\nEvery build re-parsed all 3,000 manifests.\n\n## What\nKeep them in .cache.\n",
        findings: [
          { messageId: "heading", line: 3, column: 1, endLine: 3, endColumn: 7 },
          { messageId: "heading", line: 6, column: 1, endLine: 6, endColumn: 8 },
        ],
      },
      {
        title: "An issue reference at the start of a line.",
        message: "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n#1842 has the logs.\n",
        findings: [{ messageId: "issue", line: 4, column: 1, endLine: 4, endColumn: 20 }],
      },
    ],
  },
  check({ message, report }) {
    const kept = message.lines;
    // Cheap exit for nearly every message: no line starts with "#".
    if (kept.length === 0 || (!message.raw.startsWith("#") && !message.raw.includes("\n#"))) return;
    // Lines git keeps after this one: only a dropped line above the last of them was inside the message.
    let lastKept = 0;
    for (const line of kept) if (line.text.trim() !== "") lastKept = line.line;
    const keptNumbers = new Set(kept.map((line) => line.line));
    // In a fenced code block "#include" or a shell comment is code, not a heading or a reference.
    const code = verbatimLines(message);
    let reported = 0;
    for (const line of splitSourceLines(message.raw)) {
      const text = line.text.trimEnd();
      // git's `commit -v` diff below the scissors line is cut, not a comment.
      if (isScissorsLine(text) || reported >= MAX_FINDINGS) break;
      if (code.has(line.line) || keptNumbers.has(line.line)) continue;
      // A line of the team's commit template, left in the editor: git drops it as intended.
      if (message.templateComments?.has(text.trim())) continue;
      // No template line starts with "#" and a number: a reference is the writer's wherever it is.
      const issue = ISSUE_START.exec(text);
      if (issue) {
        report({ messageId: "issue", span: lineSpan(line), data: { line: line.line, number: issue[1] } });
        reported++;
        continue;
      }
      if (line.line >= lastKept || !HEADING.test(text)) continue;
      const plain = text.replace(/^#+[ \t]+/, "");
      if (plain.split(/\s+/).length > MAX_HEADING_WORDS) continue;
      report({ messageId: "heading", span: lineSpan(line), data: { line: line.line, text, plain } });
      reported++;
    }
  },
});
