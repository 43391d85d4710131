// Rule: the summary starts with an imperative verb ("Fix", not "Fixed", "Fixing" or "Fixes").
import { defineRule, rangeSpan, splitWords, summaryPrefixLength, NO_OPTIONS } from "../src/engine/helpers.js";

// Words whose form looks like a past, progressive or third-person verb but usually is not one.
const EXCEPTIONS = new Set(
  [
    // -s: nouns, names and adverbs
    "process address access express progress success bias alias status focus canvas class redis kubernetes",
    "always perhaps towards afterwards across unless plus thus various previous news series species analysis",
    "basis axis chaos lens atlas jenkins postgres windows macos ios",
    // -ed: base forms and adjectives
    "embed shred hundred kindred sacred naked wicked based related deprecated nested cached shared signed",
    "embedded generated detailed localized advanced automated mixed limited",
    // -ing: nouns and adjectives
    "string spring during nothing something everything anything morning evening ceiling sibling pending",
    "missing logging tracing routing caching mapping padding spacing styling scheduling networking rendering",
    "parsing hashing encoding decoding threading licensing pricing onboarding wording naming heading setting",
    "settings building spelling coding formatting streaming finishing debugging trailing beginning quoting",
    "tracking handling threaded detached combined assorted",
  ]
    .join(" ")
    .split(" "),
);

// After one of these, a word ending in -s is a verb taking an object ("Adds support", "Fixes the").
const OBJECT_STARTERS = new Set(
  ("a an the this that these those its their our your my some any all each every another support missing " +
    "unused more new extra proper explicit default option ability unnecessary redundant broken wrong invalid " +
    "duplicate").split(" "),
);

// After one of these, a word ending in -s is a plural noun ("Fixes for", "Updates to").
const PREPOSITIONS = new Set("to for of in on from with about after before during by at".split(" "));

// Third-person forms of verbs that are rarely plural nouns, so they are verbs before a bare noun too
// ("Handles timeouts", "Adds retry"). Left out on purpose: words that are as often plural nouns
// in summaries ("tests", "notes", "updates", "changes", "checks", "reports", "refs", "sets").
const THIRD_PERSON_VERBS = new Set(
  ("adds handles makes uses removes allows introduces returns supports shows avoids ensures prevents implements " +
    "moves replaces converts creates deletes drops enables disables ignores skips improves provides passes " +
    "teaches warns respects honors honours accepts rejects exposes declares defines extracts increases reduces " +
    "writes keeps gets gives takes lets requires calls prints emits sends hides detects wraps").split(" "),
);

// After one of these the -s word is a subject, not a verb ("Uses are rare", "Renames and copies …").
const SUBJECT_FOLLOWERS = new Set(
  ("is are was were be been being has have had should must can cannot could will would may might do does did " +
    "don't doesn't didn't can't won't no not never and or but").split(" "),
);

// A short label closed by a colon ("refs API: …", "notes merge: …"): its words are nouns.
const LABEL = /^\s*[^\s:]+(?:\s+[^\s:]+){0,2}:\s/;

// A finite verb later in the summary makes a leading -ing word its subject.
const FINITE_VERB = /\b(?:is|are|was|were|should|must|does|doesn't|do|don't|can|cannot|can't|will|won't|needs|keeps|fails|breaks|works)\b/i;

type Form = "past" | "progressive" | "thirdPerson";

/**
 * Decides from its form whether `word` (followed by the word `next` and the raw text `rest`) is a
 * non-imperative verb.
 */
function verbForm(word: string, next: string, rest: string): Form | null {
  // camelCase, ACRONYMS, identifiers with digits or punctuation are names, not verbs.
  if (!/^[A-Za-z][a-z]+$/.test(word)) return null;
  const lower = word.toLowerCase();
  if (EXCEPTIONS.has(lower) || lower.length <= 3) return null;
  if (lower.endsWith("ed")) {
    if (lower.length < 5 || lower.endsWith("eed") || lower.startsWith("un")) return null;
    return "past";
  }
  if (lower.endsWith("ing")) return lower.length >= 6 && !PREPOSITIONS.has(next.toLowerCase()) ? "progressive" : null;
  if (!lower.endsWith("s") || /(?:ss|us|is|os|as|ys|ous|ics|ness)$/.test(lower)) return null;
  const nextLower = next.toLowerCase();
  if (PREPOSITIONS.has(nextLower)) return null;
  if (/(?:ch|sh|x|z|ss)es$|(?:ifi|pli)es$|(?:iz|is|yz|at)es$/.test(lower)) return "thirdPerson";
  if (OBJECT_STARTERS.has(nextLower)) return "thirdPerson";
  // "Handles timeouts in …", "Adds retry to …": a verb before a bare noun, unless the words read
  // as a subject ("Uses are …"), a label ("Adds API: …") or a name with a note ("Adds (YAML) …").
  if (!THIRD_PERSON_VERBS.has(lower) || SUBJECT_FOLLOWERS.has(nextLower) || LABEL.test(rest) || /^\s*\(/.test(rest)) return null;
  return "thirdPerson";
}

const FORM_NAMES: Record<Form, string> = { past: "past tense", progressive: "a progressive form", thirdPerson: "a third-person form" };

export default defineRule({
  id: "summary-mood",
  description: "Require the imperative mood: the summary completes \"If applied, this commit will …\" (\"Fix\", not \"Fixed\", \"Fixing\" or \"Fixes\").",
  category: "summary",
  defaultSeverity: "warn",
  options: NO_OPTIONS,
  messages: {
    mood: "Summary starts with \"{word}\", {form}; use the imperative (\"Fix\", \"Add\", \"Update\"), as in \"If applied, this commit will …\".",
  },
  examples: {
    valid: [
      { title: "Imperative.", message: "Fix pager scroll when the window shrinks\n" },
      { title: "A noun ending in -s followed by a verb.", message: "Process exit code is lost on Windows\n" },
      { title: "A plural noun before a preposition.", message: "Updates to the release checklist for 2.0\n" },
      { title: "A verb-like plural as the subject of a later verb.", message: "Moves and renames are detected across directories\n" },
      { title: "A Conventional Commits prefix is skipped.", message: "fix(pager): keep scroll position on resize\n" },
      { title: "A single word is left to summary-vague.", message: "Fixed\n" },
      { title: "An -ing subject of a later verb is a noun.", message: "Cloning into an empty directory is allowed again\n" },
      { title: "Text the judge cannot read as English is left alone.", message: "Updates les fichiers de la page pour le client\n" },
    ],
    invalid: [
      { title: "Past tense.", message: "Fixed pager scroll on resize\n", findings: [{ messageId: "mood", line: 1, column: 1, endLine: 1, endColumn: 6 }] },
      { title: "Progressive.", message: "Fixing pager scroll on resize\n", findings: [{ messageId: "mood", line: 1, column: 1, endLine: 1, endColumn: 7 }] },
      { title: "Third person.", message: "Fixes pager scroll on resize\n", findings: [{ messageId: "mood", line: 1, column: 1, endLine: 1, endColumn: 6 }] },
      { title: "Third person before an object.", message: "Adds support for YAML config\n", findings: [{ messageId: "mood", line: 1, column: 1, endLine: 1, endColumn: 5 }] },
      {
        title: "Third person of a verb that is rarely a noun, before a bare noun.",
        message: "Handles timeouts in the uploader\n",
        findings: [{ messageId: "mood", line: 1, column: 1, endLine: 1, endColumn: 8 }],
      },
      {
        title: "The same after an area prefix.",
        message: "remote-curl: supports git-upload-archive service\n",
        findings: [{ messageId: "mood", line: 1, column: 14, endLine: 1, endColumn: 22 }],
      },
      {
        title: "After a type prefix.",
        message: "feat(config): added YAML support\n",
        findings: [{ messageId: "mood", line: 1, column: 15, endLine: 1, endColumn: 20 }],
      },
    ],
  },
  check({ message, facets, report }) {
    const summary = message.summary;
    // The verb forms are English: text the judge cannot read is left alone.
    if (!summary || facets.judged === false) return;
    const start = summaryPrefixLength(summary.text);
    const words = splitWords(summary.text.slice(start));
    if (words.length < 2) return;
    const [first, second] = words;
    const form = verbForm(first.text, second.text, summary.text.slice(start + first.index + first.text.length));
    if (!form) return;
    // "Cloning from a repo is allowed": an -ing word as the subject of a later verb is a noun.
    if (form === "progressive" && FINITE_VERB.test(summary.text.slice(start + first.index + first.text.length))) return;
    const begin = start + first.index;
    report({
      messageId: "mood",
      span: rangeSpan(summary, begin, begin + first.text.length),
      data: { word: first.text, form: FORM_NAMES[form] },
    });
  },
});
