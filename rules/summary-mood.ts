// Rule: the summary starts with an imperative verb ("Fix", not "Fixed", "Fixing" or "Fixes").
// Limits: a change verb's -s form before another verb is read as a verb, so "Patches apply cleanly"
// is flagged like "Fixes return value of …"; "warning ambiguous refs" (verb or noun) is flagged too.
import { defineRule, isChangeVerb, rangeSpan, splitWords, summaryWords, NO_OPTIONS } from "../src/engine/helpers.js";

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
    // -ing: participles that describe a noun ("failing test", "overlapping pathspecs")
    "existing remaining corresponding upcoming outstanding overlapping conflicting failing waiting",
  ]
    .join(" ")
    .split(" "),
);

// -ing words in EXCEPTIONS that are never verbs: the rest are verbs again before a determiner
// ("Failing the build when …", "Logging the request body"), since a noun or an adjective is not.
const NON_VERBAL_ING = new Set("during pending nothing something everything anything string spring morning evening ceiling sibling".split(" "));
const DETERMINERS = new Set("a an the this that these those its their our your my".split(" "));
// Plural heads of a noun phrase that names a batch of work ("Versioning scheme changes",
// "packaging updates"): an -ing word before one, with no determiner between, modifies it.
const WORK_NOUNS = new Set(
  "changes updates fixes improvements tweaks cleanups additions enhancements adjustments refinements corrections".split(" "),
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
// in summaries ("tests", "notes", "updates", "changes", "checks", "reports", "refs", "sets"):
// those count as verbs only where the words around them rule out the noun (thirdPersonOfNoun).
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

// Verbs in the base form that are rarely nouns: after one, a word ending in -s is their plural
// subject ("Caches grow without bound", "Branches diverge after a rebase"). Verbs that are as
// often nouns stay out ("Fixes crash in …", "Fixes leak in …", "Fixes return value of …").
const PLURAL_SUBJECT_VERBS = new Set(
  ("grow shrink diverge fail happen occur differ remain become seem appear exist depend rely stay get go " +
    "expire survive collide overlap behave belong succeed disappear vanish misbehave accumulate").split(" "),
);

// A finite verb later in the summary makes a leading -ing word its subject.
const FINITE_VERB = /\b(?:is|are|was|were|should|must|does|doesn't|do|don't|can|cannot|can't|will|won't|needs|keeps|fails|breaks|works)\b/i;

// Verbs a plural subject does, besides the change verbs ("Tests fail on …", "Checks rely on …",
// "Tests timeout on CI"): after "Tests" or "Checks" they make it the subject. The rarely-noun
// ones above, and those that are as often nouns ("run", "crash", "leak").
const STATEMENT_VERBS = new Set([
  ...PLURAL_SUBJECT_VERBS,
  ...("pass run break hang crash work flake leak need take use assume expect cover exercise miss complain live " +
    "time timeout look wait block hit leave stop start").split(" "),
]);
// Words that end a subject's clause rather than take an object ("Tests failed again", "… because").
const CLAUSE_WORDS = new Set(
  ("today yesterday again twice once now here there anymore recently lately sometimes often because and or but " +
    "when if while until since so after before").split(" "),
);
// Adverbs between a subject and its verb ("Tests now run", "Checks still fail").
const ADVERBS = new Set("now still only always never sometimes often again also just already even ever mostly rarely usually".split(" "));
// A failure verb in the -s form later in the summary: a plural word before it is its subject,
// written with a slip of agreement ("Tests fails on Windows") or heading a compound ("Reports
// page crashes").
const LATER_FAILURE = /\b(?:fails|passes|runs|breaks|hangs|crashes|works|flakes|leaks|times out|needs|keeps)\b/i;
const PLAIN_WORD = /^[a-z]+$/;
// Nouns a plural word heads as a compound, written with a slip ("Tests cases for …", "Lists
// view in …"): after one the -s word may be a modifier, not a verb.
const COMPOUND_HEADS = new Set(
  ("case cases suite suites helper helpers utils utilities fixtures result results file files runner runners " +
    "scripts reports logs resources classes module modules targets jobs steps names configs directory directories " +
    "dirs folder folders page pages section sections view panel screen tab menu dialog table endpoint").split(" "),
);

/** Whether an -ed word is the past of a known change verb: "fixed", "changed", "stopped", "copied". */
function isPastOfChangeVerb(lower: string): boolean {
  const stem = lower.slice(0, -2);
  return isChangeVerb(stem) || isChangeVerb(`${stem}e`) || isChangeVerb(stem.slice(0, -1)) || (stem.endsWith("i") && isChangeVerb(`${stem.slice(0, -1)}y`));
}

/** The base form of an -s word when it is a known change verb ("retries" → "retry"), else "". */
function changeVerbBase(lower: string): string {
  if (lower.endsWith("ies")) return isChangeVerb(`${lower.slice(0, -3)}y`) ? `${lower.slice(0, -3)}y` : "";
  if (isChangeVerb(lower.slice(0, -1))) return lower.slice(0, -1);
  if (lower.endsWith("es") && isChangeVerb(lower.slice(0, -2))) return lower.slice(0, -2);
  return "";
}

/**
 * True when a change verb's -s form that is as often a plural noun ("Tests", "Checks",
 * "Retries") can only be a verb here: its next word is no verb, adverb or clause word (so
 * the -s word is no subject), and the words after settle the object: an -ed word before a
 * plain noun ("Retries failed uploads"), or a noun before a preposition or a determiner
 * ("Checks config on load", "Tests timeouts in the client"). `rest` is the text after the word.
 */
function thirdPersonOfNoun(lower: string, next: string, rest: string): boolean {
  if (changeVerbBase(lower) === "" || !PLAIN_WORD.test(next) || ADVERBS.has(next) || next.endsWith("ly") || next.endsWith("ing")) return false;
  // A next word that is a verb itself ("Tests rely on …"), or may be one in the -s form ("notes
  // accepts a ref"), makes the -s word its subject.
  // A next word in the -s form before a preposition is a plural object ("Retries uploads on 503").
  const after = splitWords(rest)[1]?.text ?? "";
  const pluralObject = changeVerbBase(next) !== "" && PREPOSITIONS.has(after);
  if (isChangeVerb(next) || STATEMENT_VERBS.has(next) || (changeVerbBase(next) !== "" && !pluralObject) || COMPOUND_HEADS.has(next) || FINITE_VERB.test(rest) || LATER_FAILURE.test(rest)) return false;
  if (next.endsWith("ed")) return PLAIN_WORD.test(after) && !PREPOSITIONS.has(after) && !CLAUSE_WORDS.has(after) && !ADVERBS.has(after) && !after.endsWith("ly");
  return PREPOSITIONS.has(after) || OBJECT_STARTERS.has(after);
}

/**
 * Whether the words after an -ing word end the summary in a plural naming a batch of work, with no
 * determiner or preposition between ("scheme changes", "updates."): the -ing word modifies a noun.
 */
function namesBatchOfWork(rest: string): boolean {
  const words = splitWords(rest).map((word) => word.text.toLowerCase());
  if (words.length === 0 || words.length > 3 || !WORK_NOUNS.has(words[words.length - 1])) return false;
  return words.every((word) => PLAIN_WORD.test(word) && !DETERMINERS.has(word) && !PREPOSITIONS.has(word));
}

/** Words that open a subordinate clause; a finite verb after one is not the summary's main verb. */
const SUBORDINATE = /\b(?:when|whenever|if|unless|because|while|until|since|although|though|where)\b/i;

/** `rest` up to the first word that opens a subordinate clause. */
function mainClause(rest: string): string {
  const match = SUBORDINATE.exec(rest);
  return match ? rest.slice(0, match.index) : rest;
}

type Form = "past" | "progressive" | "thirdPerson";

/**
 * Decides from its form whether `word` (followed by the word `next` and the raw text `rest`) is a
 * non-imperative verb.
 */
function verbForm(word: string, next: string, rest: string): Form | null {
  // camelCase, ACRONYMS, identifiers with digits or punctuation are names, not verbs.
  if (!/^[A-Za-z][a-z]+$/.test(word)) return null;
  const lower = word.toLowerCase();
  if (lower.length <= 3) return null;
  if (EXCEPTIONS.has(lower)) {
    const verbal = lower.endsWith("ing") && !NON_VERBAL_ING.has(lower) && DETERMINERS.has(next.toLowerCase());
    return verbal ? "progressive" : null;
  }
  if (lower.endsWith("ed")) {
    if (lower.length < 5 || lower.endsWith("eed") || lower.startsWith("un")) return null;
    // "whatchanged documentation: …": a name that heads a label, unless it is a change verb's
    // past ("Fixed typo: …").
    if (LABEL.test(rest) && !isPastOfChangeVerb(lower)) return null;
    return "past";
  }
  // "docstring", "substring", "plaything": a compound of a noun, not a verb in -ing.
  if (lower.endsWith("string") || lower.endsWith("thing")) return null;
  if (lower.endsWith("ing")) {
    if (lower.length < 6 || PREPOSITIONS.has(next.toLowerCase())) return null;
    return namesBatchOfWork(rest) ? null : "progressive";
  }
  if (!lower.endsWith("s") || /(?:ss|us|is|os|as|ys|ous|ics|ness)$/.test(lower)) return null;
  const nextLower = next.toLowerCase();
  // "Patches are applied in order", "Caches grow without bound": a plural subject before its verb.
  if (PREPOSITIONS.has(nextLower) || SUBJECT_FOLLOWERS.has(nextLower) || PLURAL_SUBJECT_VERBS.has(nextLower)) return null;
  // "Searches return stale results", "Matches show twice": a plural subject before a verb, when the
  // -s word is no change verb (a change verb's -s form is a verb there: "Fixes return value of …").
  if (changeVerbBase(lower) === "" && (isChangeVerb(nextLower) || STATEMENT_VERBS.has(nextLower))) return null;
  if (/(?:ch|sh|x|z|ss)es$|(?:ifi|pli)es$|(?:iz|is|yz|at)es$/.test(lower)) return "thirdPerson";
  // "Works around a bug in …": a phrasal verb of repair, which no plural noun starts.
  if (OBJECT_STARTERS.has(nextLower) || (lower === "works" && nextLower === "around")) return "thirdPerson";
  // "Handles timeouts in …", "Adds retry to …": a verb before a bare noun, unless the words read
  // as a label ("Adds API: …") or a name with a note ("Adds (YAML) …").
  if (LABEL.test(rest) || /^\s*\(/.test(rest)) return null;
  return THIRD_PERSON_VERBS.has(lower) || thirdPersonOfNoun(lower, next, rest) ? "thirdPerson" : null;
}

const FORM_NAMES: Record<Form, string> = { past: "past tense", progressive: "a progressive form", thirdPerson: "a third-person form" };

export default defineRule({
  id: "summary-mood",
  description: "Require the imperative mood: the summary completes \"If applied, this commit will …\" (\"Fix\", not \"Fixed\", \"Fixing\" or \"Fixes\").",
  category: "summary",
  defaultSeverity: "warn",
  options: NO_OPTIONS,
  messages: {
    mood: "{subject} starts with \"{word}\", {form}; use the imperative (\"Fix\", \"Add\", \"Update\"), as in \"If applied, this commit will …\".",
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
      { title: "A compound noun ending in -string or -thing is no progressive.", message: "refs: docstring typo\n" },
      { title: "A participle that describes the noun after it.", message: "git-p4: failing test for ignoring invalid labels\n" },
      { title: "Text the judge cannot read as English is left alone.", message: "Updates les fichiers de la page pour le client\n" },
      { title: "A plural noun before a label's colon.", message: "Tests: add coverage for the retry loop\n" },
      { title: "A plural noun before a preposition, though a verb too.", message: "Checks for null before dereferencing the handle\n" },
      { title: "A plural subject before its verb.", message: "Tests fail on Windows when the path has spaces\n" },
      { title: "A plural subject before a past-tense verb and a preposition.", message: "Retries failed on CI after the proxy change\n" },
      { title: "A plural word before a noun it may modify.", message: "Tests cases for the parser\n" },
      { title: "An option's name, not a verb.", message: "status: --ignored option shows ignored files\n" },
      { title: "An area of a few words is no part of the summary's verb.", message: "fetching submodules: respect the fetchJobs option\n" },
      { title: "A plural subject before an auxiliary.", message: "Patches are applied in the order given\n" },
      { title: "A plural subject before a verb that is rarely a noun.", message: "Caches grow without bound when keys never repeat\n" },
      { title: "A name ending in -ed that heads a label.", message: "whatchanged documentation: share the --pretty description\n" },
      { title: "An -ing word modifying a noun phrase that names a batch of work.", message: "Versioning scheme changes.\n" },
      { title: "A plural that is no change verb, before a verb.", message: "Searches return stale results after a reindex\n" },
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
        title: "Third person of a phrasal verb.",
        message: "Works around a bug in the Solaris shell\n",
        findings: [{ messageId: "mood", line: 1, column: 1, endLine: 1, endColumn: 6 }],
      },
      {
        title: "A verb that is often a plural noun, before an adjective and its noun.",
        message: "Retries failed uploads\n",
        findings: [{ messageId: "mood", line: 1, column: 1, endLine: 1, endColumn: 8 }],
      },
      {
        title: "The same before a noun and a preposition.",
        message: "Checks config on load\n",
        findings: [{ messageId: "mood", line: 1, column: 1, endLine: 1, endColumn: 7 }],
      },
      {
        title: "A plural object after it cannot be its verb.",
        message: "Tests timeouts in the client\n",
        findings: [{ messageId: "mood", line: 1, column: 1, endLine: 1, endColumn: 6 }],
      },
      {
        title: "A plural object before a preposition.",
        message: "Retries uploads on 503\n",
        findings: [{ messageId: "mood", line: 1, column: 1, endLine: 1, endColumn: 8 }],
      },
      {
        title: "An -ing word that often describes a noun, before a determiner.",
        message: "Failing the build when the lockfile is stale\n",
        findings: [{ messageId: "mood", line: 1, column: 1, endLine: 1, endColumn: 8 }],
      },
      {
        title: "A change verb's past before a label is still past tense.",
        message: "Fixed typo: the pager's help text\n",
        findings: [{ messageId: "mood", line: 1, column: 1, endLine: 1, endColumn: 6 }],
      },
      {
        title: "Known limit: a change verb's plural before a verb is read as a verb, as in \"Fixes return value of …\", though here it is the subject.",
        message: "Patches apply cleanly again\n",
        findings: [{ messageId: "mood", line: 1, column: 1, endLine: 1, endColumn: 8 }],
      },
      {
        title: "The same after an area prefix.",
        message: "remote-curl: supports git-upload-archive service\n",
        findings: [{ messageId: "mood", line: 1, column: 14, endLine: 1, endColumn: 22 }],
      },
      {
        title: "The same after an area of a few words or with an option (git's \"rebase -i:\", \"git p4:\").",
        message: "rebase -i: added a check for an empty todo list\n",
        findings: [{ messageId: "mood", line: 1, column: 12, endLine: 1, endColumn: 17 }],
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
    const { start, words } = summaryWords(summary.text);
    if (words.length < 2) return;
    const [first, second] = words;
    // "--notes accepts a ref": an option's name, not a verb.
    if (summary.text[start + first.index - 1] === "-") return;
    const form = verbForm(first.text, second.text, summary.text.slice(start + first.index + first.text.length));
    if (!form) return;
    // "Cloning from a repo is allowed": an -ing word as the subject of a later verb is a noun.
    // Only the main clause counts: in "Failing the build when the lockfile is stale" the "is"
    // belongs to the "when" clause, and "Failing" is the verb.
    if (form === "progressive" && FINITE_VERB.test(mainClause(summary.text.slice(start + first.index + first.text.length)))) return;
    const begin = start + first.index;
    report({
      messageId: "mood",
      span: rangeSpan(summary, begin, begin + first.text.length),
      // "git-gui: Added …": the caret is on the word after the prefix, and so are the words.
      data: { subject: start > 0 ? `Summary after "${summary.text.slice(0, start).trim()}"` : "Summary", word: first.text, form: FORM_NAMES[form] },
    });
  },
});
