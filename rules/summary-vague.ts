// Rule: the summary carries information (not "Fix bug", "update", "WIP" or a bare error name).
import { defineRule, isFileName, isTrailerLine, isWorkForm, rangeSpan, summaryWords, NO_OPTIONS, type Word } from "../src/engine/helpers.js";
import type { Ref } from "../src/types.js";

// A work-in-progress marker opening a summary with more after it: "WIP:", "WIP", "[WIP]", "(wip)",
// "Draft:", "[Draft]". "Draft" alone is the verb ("Draft the release notes"); "wip.c: …" is a file.
const WORK_IN_PROGRESS = /^\s*(?:[[(](?:wip|draft)[\])]:?|wip(?![\w./-]):?|draft:)(?=\s*\S)/i;

// Verbs that say a change happened without saying which.
const GENERIC_VERBS = new Set(
  ("fix fixed fixes fixing update updated updates updating change changed changing improve improved improves " +
    "improving tweak tweaked tweaking adjust adjusted modify modified edit edited clean cleaned cleanup clean-up " +
    "refactor refactored refactoring rework reworked polish polished polishing work worked working wip tmp temp " +
    "try tried attempt add added adds remove removed delete deleted address addressed handle handled " +
    "finish finished continue continued resolve resolved commit").split(" "),
);

// Verbs that, leading a summary, take a review's outcome as their object ("Apply suggestions from
// code review", "Implement requested changes"); elsewhere they may name a part ("fix apply of …").
const LEADING_GENERIC_VERBS = new Set("apply applied applying incorporate incorporated implement implemented".split(" "));

// Objects so general they name no part of the system.
const GENERIC_OBJECTS = new Set(
  ("bug bugs bugfix bugfixes issue issues problem problems error errors crash crashes panic failure failures " +
    "test tests spec specs code stuff thing things change changes fix fixes file files update updates " +
    "improvement improvements cleanups tweaks work commit commits version build ci lint warnings warning style " +
    "it this that them everything something review reviews comments comment feedback todo todos wip " +
    "suggestion suggestions remarks nit nits " +
    "feature features logic implementation").split(" "),
);

// Words that add no information on their own.
const FILLERS = new Set(
  ("a an the some few more minor small various misc miscellaneous several multiple other general random quick " +
    "little bit and or of to in on for from with all again another initial final first latest new many couple " +
    "stuff + & etc up lots lot bunch").split(" "),
);

// "Make it work", "Make tests pass", "It works now": a claim that something works or passes,
// without saying what was broken. A causing verb may lead; the rest is outcome words and objects
// too general to name a part ("Make initial commits work" names one, "pass on errors" is no outcome).
const CAUSING_VERBS = new Set("make makes made making get gets got getting keep keeps kept keeping".split(" "));
const OUTCOME_VERBS = new Set("work works worked working compile compiles compiled compiling pass passes passed passing green happy".split(" "));
const OUTCOME_OTHERS = new Set(
  ("it this that them everything something stuff thing things test tests build ci code lint all the " +
    "again now finally properly correctly should " +
    // Tools in general, not a named one ("Make sparse happy" says which checker complained).
    "linter linters compiler compilers checker checkers type static analysis analyzer analyser tools tooling").split(" "),
);
// Plain words only: "Make File->Update work" names a menu entry.
const PLAIN_WORDS = /^[\p{L}\s'.!]+$/u;

// Verbs that close or point at a ticket; with only references after them they say nothing more.
const REFERENCE_VERBS = new Set("close closes closed closing resolve resolves resolved refs ref see re".split(" "));

// Verbs of GitHub's web editor defaults ("Update README.md"): with only a file after them, they
// name the file, not the change, and so do "Tweak"/"Adjust" it. "Add"/"Remove"/"Create" a file do
// say what happened to it, and "Fix"/"Refactor"/"Clean up" say what kind of change it was.
const EDIT_VERBS = new Set(
  ("update updated updates updating edit edited edits modify modified modifies change changed changes " +
    "tweak tweaked tweaks tweaking adjust adjusted adjusts adjusting").split(" "),
);
// Fix verbs: with only a file after them ("Fix main.py"), they say that something in it was
// wrong, not what.
const FIX_VERBS = new Set("fix fixed fixes fixing bugfix hotfix".split(" "));
// A file whose name has no extension but is known by it: "Makefile", "LICENSE", "docs/README".
// Capitals for the documents, so "Update changes" or "Edit notice" stay ordinary words. A
// CamelCase word is no file in general: of the 84 distinct ones in git.git's summaries, 9 name
// files (SubmittingPatches, CodingGuidelines, RelNotes); the rest name products ("GitHub",
// "AsciiDoc"), APIs ("CreateThread") or config keys ("IncludeIf"), and in other projects
// "Update TypeScript" or "Update OpenSSL" is a dependency update.
const KNOWN_FILE = /^(?:[\w.-]+\/)*(?:[Mm]akefile|GNUmakefile|Dockerfile|Containerfile|Jenkinsfile|Vagrantfile|Gemfile|Rakefile|Procfile|Brewfile|Pipfile|[Jj]ustfile|LICENSE|LICENCE|COPYING|README|CHANGELOG|CHANGES|INSTALL|AUTHORS|CONTRIBUTORS|CODEOWNERS|NOTICE)$/;
// A dotfile, as the rest of the summary: ".mailmap", ".github/workflows/ci.yml" (its word starts after the dot).
const DOTFILE = /^\.[A-Za-z][\w./-]*$/;
// Default summaries tools write for you: GitHub's for files added through its web page, and
// git's for `git merge --squash` (the squashed commits' messages follow it in the body).
const TOOL_DEFAULT = /^(?:add files via upload|squashed commit of the following:?)$/i;

// GitHub's squash-merge suffix: "Dev (#233)", "Dev (owner/repo#233)". Never from inside a run of
// blanks, where the match could not start anyway and each position would read the run again.
const PR_SUFFIX = /(?<!\s)\s*\((?:[\w.-]+\/[\w.-]+)?#\d+\)\s*$/;
/** `subject` without a squash-merge suffix; the pattern is tried only on a subject ending in ")". */
function withoutPrSuffix(subject: string): string {
  return subject.trimEnd().endsWith(")") ? subject.replace(PR_SUFFIX, "") : subject;
}

/** A word that is only digits: a count or a bare issue number after a generic object. */
const BARE_NUMBER = /^\d+$/;

// Letters of scripts written without spaces between words.
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
// An exception or error type: NullPointerException, KeyError, EACCES, NPE, OOM, segfault.
// The short names are read in any case ("fix npe" is as vague as "Fix NPE"); "E" + capitals
// (EACCES) only in capitals, or "Edit" would be one.
const ERROR_NAME = /^(?:[A-Za-z][\w.]*(?:Exception|Error|Panic|Fault|Failure|Overflow)|E[A-Z]{3,}|[Nn][Pp][Ee]|[Oo][Oo][Mm]|[Ss]egfault|SEGFAULT|[Ss][Ii][Gg](?:SEGV|ABRT|segv|abrt))$/;

/**
 * The references the judgement found on the summary line, security advisories left out: "Fix
 * CVE-2021-44228" names a public record of the problem, not a ticket.
 */
function summaryRefs(refs: readonly Ref[] | undefined, line: number): Ref[] {
  if (refs === undefined || refs.length === 0) return [];
  return refs.filter((ref) => ref.line === line && ref.endLine === line && ref.type !== "advisory");
}

/** True when `word` (at `start + word.index` of the summary) lies inside one of `refs`. */
function isReference(word: Word, start: number, refs: readonly Ref[]): boolean {
  const column = start + word.index + 1;
  return refs.some((ref) => ref.column <= column && column + word.text.length <= ref.endColumn);
}

/** A word that adds nothing next to a reference: a closing or generic verb, a filler, a generic object. */
function isFiller(word: Word): boolean {
  const lower = word.text.toLowerCase();
  return REFERENCE_VERBS.has(lower) || GENERIC_VERBS.has(lower) || FILLERS.has(lower) || GENERIC_OBJECTS.has(lower);
}

/** True for "Make it work", "Make tests pass again", "It works now": an outcome and nothing specific. */
function isOutcomeOnly(subject: string, words: readonly Word[], lowers: readonly string[]): boolean {
  // The words first: most summaries hold a word that is neither, and the Unicode test of the
  // whole subject is the dearer one.
  let outcome = false;
  for (let index = 0; index < words.length; index++) {
    const lower = lowers[index];
    if (OUTCOME_VERBS.has(lower)) outcome = true;
    else if (!(index === 0 && CAUSING_VERBS.has(lower)) && !OUTCOME_OTHERS.has(lower)) return false;
  }
  return outcome && PLAIN_WORDS.test(withoutPrSuffix(subject));
}

export default defineRule({
  id: "summary-vague",
  description: "Disallow low-information summaries: generic verbs and objects only, one word, symbols only, or a bare error name.",
  category: "summary",
  defaultSeverity: "error",
  appliesTo: ["normal", "bot"],
  options: NO_OPTIONS,
  messages: {
    vague: "Summary \"{summary}\" says little about the change; name what changed and where (e.g. \"Keep the pager's scroll position when the window shrinks\").",
    errorName:
      "Summary names only the error \"{error}\"; say where it happens or what triggers it (e.g. \"Fix {error} in config loader on empty file\").",
    noWords: "Summary has no words, only symbols or emoji; say in words what the change does.",
    fileOnly: "Summary \"{summary}\" names only the file; say what changed in it (e.g. \"Document the --retry flag in README.md\").",
    fixFileOnly: "Summary \"{summary}\" names only the file; say what was wrong in it (e.g. \"Fix crash in main.py when the config is empty\").",
    onlyReference:
      "Summary \"{summary}\" is only a ticket reference; say what the change does (e.g. \"Retry uploads when the storage node times out\") and keep the ticket as a reference.",
    trailerOnly:
      "The first line is a trailer (\"{token}\"), not a summary; write a summary line saying what the change does above the trailers.",
    workInProgress:
      "Summary marks the commit as unfinished (\"{marker}\"); finish the change and say what it does, or squash it into the change it belongs to before it is shared.",
  },
  examples: {
    valid: [
      { title: "A specific summary.", message: "Fix pager scroll when the window shrinks\n" },
      { title: "A generic verb with a specific object.", message: "Fix unwrap panic\n" },
      { title: "An error name with where it happens.", message: "Fix NullPointerException in config loader\n" },
      { title: "A Conventional Commits summary with a specific subject.", message: "fix(pager): keep scroll position on resize\n" },
      { title: "One word after an area prefix.", message: "mailinfo: libify\n" },
      { title: "A ticket key next to what the change does.", message: "PROJ-7: retry uploads when the storage node times out\n" },
      { title: "Adding or removing a whole file says what happened to it.", message: "Remove contrib/colordiff.perl\n" },
      { title: "What changed in the file.", message: "Document the --retry flag in README.md\n" },
      { title: "What changed in a file without an extension.", message: "Update Makefile for clang 18\n" },
      { title: "What now works, named.", message: "Make initial commits work properly\n" },
      { title: "A fix that says what was wrong in the file.", message: "Fix crash in main.py when the config is empty\n" },
      { title: "A named checker, or what pleased it.", message: "Keep the linter happy by sorting imports\n" },
      { title: "A CamelCase name is no file: often a product or a dependency.", message: "Update TypeScript\n" },
      { title: "A number that says which test or step (right after the verb).", message: "Fix 5501 test\n" },
      { title: "A workaround that names what it works around.", message: "Work around a bug in the Solaris shell\n" },
      { title: "An option's name says which, though it spells a generic verb.", message: "Add tests for --edit\n" },
      { title: "Text in a script written without spaces is not counted as one vague word.", message: "修复大文件保存时的崩溃\n\n当文件大于2GB时编辑器会崩溃，因为缓冲区只有32位。\n" },
    ],
    invalid: [
      { title: "Generic verb and object.", message: "Fix bug\n", findings: [{ messageId: "vague", line: 1, column: 1, endLine: 1, endColumn: 8 }] },
      { title: "Past tense does not help.", message: "Fixed tests\n", findings: [{ messageId: "vague", line: 1, column: 1, endLine: 1, endColumn: 12 }] },
      { title: "One generic word.", message: "update\n", findings: [{ messageId: "vague", line: 1, column: 1, endLine: 1, endColumn: 7 }] },
      { title: "Work in progress.", message: "WIP\n", findings: [{ messageId: "vague", line: 1, column: 1, endLine: 1, endColumn: 4 }] },
      {
        title: "A work-in-progress marker before other words: the history keeps it after the work is done.",
        message: "WIP: parser\n\nStill moving the tokenizer over, so the old entry point is kept for now.\n",
        findings: [{ messageId: "workInProgress", line: 1, column: 1, endLine: 1, endColumn: 5 }],
      },
      { title: "A bracketed marker too.", message: "[WIP] Retry uploads when S3 times out\n", findings: [{ messageId: "workInProgress", line: 1, column: 1, endLine: 1, endColumn: 6 }] },
      { title: "Fillers around a generic noun.", message: "misc changes\n", findings: [{ messageId: "vague", line: 1, column: 1, endLine: 1, endColumn: 13 }] },
      { title: "That something works, not what.", message: "Make things work again\n", findings: [{ messageId: "vague", line: 1, column: 1, endLine: 1, endColumn: 23 }] },
      { title: "A claim without a verb is no better.", message: "ci: it works now (#48)\n", findings: [{ messageId: "vague", line: 1, column: 5, endLine: 1, endColumn: 23 }] },
      { title: "A lone gerund.", message: "Polishing\n", findings: [{ messageId: "vague", line: 1, column: 1, endLine: 1, endColumn: 10 }] },
      { title: "A bare error name, in any case.", message: "fix npe\n", findings: [{ messageId: "errorName", line: 1, column: 5, endLine: 1, endColumn: 8 }] },
      {
        title: "The type prefix is not counted: the subject is still vague.",
        message: "fix(core): minor fixes\n",
        findings: [{ messageId: "vague", line: 1, column: 12, endLine: 1, endColumn: 23 }],
      },
      { title: "Emoji only.", message: "🎉🎉\n", findings: [{ messageId: "noWords", line: 1, column: 1, endLine: 1, endColumn: 5 }] },
      {
        title: "Only a trailer line, no summary.",
        message: "Signed-off-by: A U Thor <author@example.com>\n",
        findings: [{ messageId: "trailerOnly", line: 1, column: 1, endLine: 1, endColumn: 45 }],
      },
      { title: "Every area prefix is left out, not just the first.", message: "arm64: dts: update\n", findings: [{ messageId: "vague", line: 1, column: 13, endLine: 1, endColumn: 19 }] },
      { title: "So is an area of a few words or with an option.", message: "add -p: fix bug\n", findings: [{ messageId: "vague", line: 1, column: 9, endLine: 1, endColumn: 16 }] },
      { title: "A squash merge's (#N) adds nothing to one plain word.", message: "Dev (#233)\n", findings: [{ messageId: "vague", line: 1, column: 1, endLine: 1, endColumn: 11 }] },
      { title: "A gitmoji shortcode is decoration, not a word.", message: ":construction: WIP\n", findings: [{ messageId: "vague", line: 1, column: 16, endLine: 1, endColumn: 19 }] },
      { title: "Only a ticket key.", message: "JIRA-4412\n", findings: [{ messageId: "onlyReference", line: 1, column: 1, endLine: 1, endColumn: 10 }] },
      { title: "Closing a ticket says nothing more.", message: "Closes #123\n", findings: [{ messageId: "onlyReference", line: 1, column: 1, endLine: 1, endColumn: 12 }] },
      { title: "Only the outcome of a review.", message: "Apply suggestions from code review\n", findings: [{ messageId: "vague", line: 1, column: 1, endLine: 1, endColumn: 35 }] },
      {
        title: "GitHub's web editor default: the file, not what changed in it.",
        message: "Update README.md\n",
        findings: [{ messageId: "fileOnly", line: 1, column: 1, endLine: 1, endColumn: 17 }],
      },
      {
        title: "A small change to a file is no more specific.",
        message: "Tweak config.yml\n",
        findings: [{ messageId: "fileOnly", line: 1, column: 1, endLine: 1, endColumn: 17 }],
      },
      { title: "So is a file known without an extension.", message: "Update Dockerfile\n", findings: [{ messageId: "fileOnly", line: 1, column: 1, endLine: 1, endColumn: 18 }] },
      { title: "A dotfile is a file too.", message: "Update .gitignore\n", findings: [{ messageId: "fileOnly", line: 1, column: 1, endLine: 1, endColumn: 18 }] },
      { title: "A fix of a file, not of anything in it.", message: "Fix main.py\n", findings: [{ messageId: "fixFileOnly", line: 1, column: 1, endLine: 1, endColumn: 12 }] },
      { title: "Pleasing a tool in general.", message: "Make the linter happy\n", findings: [{ messageId: "vague", line: 1, column: 1, endLine: 1, endColumn: 22 }] },
      { title: "Keeping it pleased is no better.", message: "Keep the compiler happy\n", findings: [{ messageId: "vague", line: 1, column: 1, endLine: 1, endColumn: 24 }] },
      { title: "GitHub's default for an upload.", message: "Add files via upload\n", findings: [{ messageId: "vague", line: 1, column: 1, endLine: 1, endColumn: 21 }] },
      {
        title: "git's default for `git merge --squash`: say what the squashed change does instead.",
        message: "Squashed commit of the following:\n\ncommit 5bea205a43d316457d330fbf0ea57e248f6de14d\nAuthor: Alex <alex@example.com>\nDate:   Fri Nov 27 07:33:45 2026 +0000\n\n    Retry the fetch when the first request times out\n",
        findings: [{ messageId: "vague", line: 1, column: 1, endLine: 1, endColumn: 34 }],
      },
      { title: "Working around is as generic a verb as fixing.", message: "Work around the bug\n", findings: [{ messageId: "vague", line: 1, column: 1, endLine: 1, endColumn: 20 }] },
      { title: "A number after a generic object counts or points at it; it names nothing.", message: "Fix issue 42\n", findings: [{ messageId: "vague", line: 1, column: 1, endLine: 1, endColumn: 13 }] },
      {
        title: "A bare error name.",
        message: "Fix NullPointerException\n",
        findings: [{ messageId: "errorName", line: 1, column: 5, endLine: 1, endColumn: 25 }],
      },
    ],
  },
  check({ message, facets, report }) {
    const summary = message.summary;
    if (!summary || summary.text.trim() === "") return;
    if (isTrailerLine(summary.text)) {
      const token = summary.text.slice(0, summary.text.indexOf(":"));
      report({ messageId: "trailerOnly", span: rangeSpan(summary, 0, summary.text.trimEnd().length), data: { token } });
      return;
    }
    // "WIP: parser", "[WIP] Retry uploads": whatever follows, the summary says it is unfinished
    // (a lone "WIP" is vague like "update", below). Not "Wipe …", not "Draft the release notes".
    const marker = WORK_IN_PROGRESS.exec(summary.text);
    if (marker !== null) {
      const begin = marker[0].length - marker[0].trimStart().length;
      report({ messageId: "workInProgress", span: rangeSpan(summary, begin, marker[0].trimEnd().length), data: { marker: marker[0].trim() } });
      return;
    }
    // The words of the subject with its trailing blanks are the words without them.
    const { start, words } = summaryWords(summary.text);
    const subject = summary.text.slice(start).trimEnd();
    const span = rangeSpan(summary, start, start + subject.length);
    if (words.length === 0) {
      report({ messageId: "noWords", span });
      return;
    }
    // The word lists are English: text the judge cannot read (another language or script) is left alone.
    if (facets.judged === false) return;
    // "JIRA-4412", "Closes #123", "Fix PROJ-7": a pointer to a ticket, nothing of its own. A
    // word is a reference when the judgement found one there (so "SHA-256" or "3+1" is not).
    // A security advisory ("Fix CVE-2021-44228") names a public record of the problem, not a ticket.
    // Beside other words a reference adds nothing to them ("Dev (#233)", GitHub's squash suffix).
    const refColumns = summaryRefs(facets.refs, summary.line);
    const own = refColumns.length === 0 ? words : words.filter((word) => !isReference(word, start, refColumns));
    if (own.length < words.length && own.every(isFiller)) {
      report({ messageId: "onlyReference", span, data: { summary: subject } });
      return;
    }
    // Each word lower-cased once, for the word lists below.
    const lowers = own.map((word) => word.text.toLowerCase());
    // "Update README.md", "Edit the config.yml": GitHub's web editor names the file it saved.
    const content = own.filter((_, index) => !FILLERS.has(lowers[index]));
    // A dotfile's dot is no part of a word ("Update .mailmap" splits into "Update", "mailmap").
    const dotfile = content.length === 2 && subject[content[1].index - 1] === "." && DOTFILE.test(subject.slice(content[1].index - 1));
    if (content.length === 2) {
      const verb = content[0].text.toLowerCase();
      const fixes = FIX_VERBS.has(verb);
      if ((fixes || EDIT_VERBS.has(verb)) && (dotfile || isFileName(content[1].text) || KNOWN_FILE.test(content[1].text))) {
        report({ messageId: fixes ? "fixFileOnly" : "fileOnly", span, data: { summary: subject } });
        return;
      }
    }
    if (TOOL_DEFAULT.test(subject)) {
      report({ messageId: "vague", span, data: { summary: subject } });
      return;
    }
    if (isOutcomeOnly(subject, own, lowers)) {
      report({ messageId: "vague", span, data: { summary: subject } });
      return;
    }
    const informative = own.filter((word, index) => {
      const lower = lowers[index];
      // A bare number after a generic object ("Fix bug 3", "Fix issue 42") counts or points at
      // it and names nothing more; right after the verb ("Fix 5501 test") it says which.
      const counter = index > 1 && BARE_NUMBER.test(lower) && GENERIC_OBJECTS.has(lowers[index - 1]);
      // "Work around the bug": the particle is part of the verb, as generic as "Fix".
      const particle = index === 1 && lower === "around" && isWorkForm(own[0].text);
      // "--edit", "-v": an option's name says which, whatever word it spells.
      if (subject[word.index - 1] === "-") return true;
      return !GENERIC_VERBS.has(lower) && !GENERIC_OBJECTS.has(lower) && !FILLERS.has(lower) && !(index === 0 && LEADING_GENERIC_VERBS.has(lower)) && !counter && !particle;
    });
    // One plain word says little, unless an area prefix ("mailinfo: libify") or its form (v1.2, s/a/b/) adds to it.
    // Scripts written without spaces (Chinese, Japanese, Thai) put a whole sentence in one "word".
    const loneWord =
      own.length === 1 && start === 0 && /^\p{L}+$/u.test(own[0].text) && !UNSPACED_SCRIPT.test(own[0].text) && own[0].text === withoutPrSuffix(subject).replace(/(?<![.!])[.!]+$/u, "");
    if (informative.length === 0 || loneWord) {
      report({ messageId: "vague", span, data: { summary: subject } });
      return;
    }
    const only = informative[0];
    if (informative.length === 1 && words.length === 2 && GENERIC_VERBS.has(words[0].text.toLowerCase()) && ERROR_NAME.test(only.text)) {
      report({
        messageId: "errorName",
        span: rangeSpan(summary, start + only.index, start + only.index + only.text.length),
        data: { error: only.text },
      });
    }
  },
});
