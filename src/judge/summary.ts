// Reads the summary line: strips tags, scopes and references, finds the leading verb and its kind.
import { CHANGE_VERBS, FIX_VERBS, ORDER_ONLY_VERBS, PROBLEM_STRONG, VAGUE_WORDS } from "./cues.js";
import { isImperativeAt } from "./orders.js";

/** What the judgement needs to know about the summary line. */
export interface SummaryReading {
  /** The summary with `[tags]`, `type(scope):`, leading refs and a trailing `(#123)` removed. */
  core: string;
  /** Offset of `core` inside the summary text. */
  coreStart: number;
  /** Lower-cased Conventional Commits type or area prefix (`fix`, `docs`, `net`), if any. */
  prefix: string;
  /** Base form of the first word of `core` (`added` becomes `add`), of two for a phrasal verb (`worked around` becomes `work around`). */
  lemma: string;
  /** `fix` when the core starts with a fixing verb, `change` for another change verb, else `none`. */
  verb: "fix" | "change" | "none";
  /** Words of `core` that carry information (not in the vague list). */
  specificWords: number;
  /** All words of `core`. */
  words: number;
  /** Offset in `core` after the verb: its first word, or after the adverb that leads ("Properly close") and a phrasal verb's particle ("Work around"); 0 without a verb. */
  afterVerb: number;
}

export const LEADING_TAGS = /^\s*(?:\[[^\]]*\]\s*:?\s*)+/;
/**
 * One piece of what may stand before a summary's words: indentation, an emoji, a gitmoji
 * shortcode ("🐛 Fix …", ":bug: Fix …"). A pattern source for the `u` flag, shared with the
 * summary rules' prefix reading (summaryPrefixLength).
 */
export const DECORATION = String.raw`\s|:[a-z0-9_+-]+:|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D`;
/** A file name: "README.md", "src/app.config.js" (not "--a/--b" or "remote.<name>.url"). */
const FILE_NAME = /^[^-<>\s][^<>\s]*\.[A-Za-z][A-Za-z0-9]{0,5}$/;

/**
 * Whether `word` names a file by its extension ("main.py", "build.gradle.", "src/app.config.js"),
 * closing punctuation aside. Shared by the judgement's reading of "Fix main.py" and the summary rules.
 */
export function isFileName(word: string): boolean {
  return FILE_NAME.test(word.replace(/(?<![.!])[.!]+$/u, ""));
}

const LEADING_DECORATION = new RegExp(`^(?:${DECORATION})+`, "u");
const LEADING_REF = /^(?:(?:issue|bug|ticket|pr)\s*)?(?:#\d+|[A-Z][A-Za-z0-9]+-\d+|gh-\d+)(?:\s*,\s*#?\d+)*\s*[:;,.)\]-]?\s*/i;
/** A type or an area before a colon, with a scope in parentheses, after a blank too ("sha1_file.c (write_sha1_file): …"). */
const PREFIX = /^([A-Za-z][\w.\/-]*)(?: ?\([^)]*\))?!?:\s*/;
/**
 * A squash-merge suffix ("(#233)") or closing marks, with the blanks around them. Neither part
 * starts after a blank, nor the marks at a mark after a mark: the match would start at the
 * first of the run anyway, and otherwise a long run of blanks or marks not at the end was read
 * again from each of its positions (quadratic: 2-3 s for a summary with 40,000 in the hook).
 */
const TRAILING_PR = /(?<!\s)\s*\((?:[\w.-]+\/[\w.-]+)?#\d+\)\s*$|(?<!\s)(?:(?<![.!])|(?![.!]))\s*[.!]+\s*$/;
const FIX_WITH_REF = /^(?:fix(?:es|ed)?|close[sd]?|resolve[sd]?)\s+(?:for\s+)?(?:issue\s*)?(?:#\d+|gh-\d+|[A-Z][A-Za-z0-9]+-\d+)(?:\s*,\s*#?\d+)*\s*[:;,.-]?\s+(?=[a-z])/i;
const WORD = /[A-Za-z0-9][\w'#.\/-]*/g;
/** A negated order: "Don't crash on …", "never retry …", git's "no need to count errors", "no need for dup() dance anymore". */
const NEGATED = /^(?:don't|do not|never|no need (?:to|for))\s+(?=\w)/i;
/**
 * A causative order: "Have git-cvsserver call hooks/update …", "alias: have SP around
 * arithmetic operators", "Have a constant extern refspec for …". Not a perfect ("Have been
 * …", "Have to …") or a question ("Have you …").
 */
const CAUSATIVE = /^have\s+(?!(?:been|had|to|you|we|they|i|not|no|never)\b)\S/i;
const FIX_WORD = /^(?:bug|hot)?fix/i;
const ADVERB = /^(?:also|only|just|now|further|still|always|simply|\w{3,}ly)$/i;
/** An auxiliary or copula right after the first word makes that word a subject ("Tests are flaky"). */
const AUXILIARY = /^(?:is|are|was|were|isn't|aren't|wasn't|weren't|has|have|hasn't|haven't|should|shouldn't|must|can|cannot|can't|could|couldn't|will|won't|would|wouldn't|does|doesn't|did|didn't|may|might)$/i;
const LEADING_WORD = /^\S+\s*/;
const SNAKE_SUMMARY = /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+){2,}$/;
const UNDERSCORES = /_/g;

/** An option in an area prefix: "-i", "--stat", "--[no-]merged", "-G<regex>", "-c/-C/--amend". */
const AREA_OPTION = /^--?[\w[][\w[\]<>=.,|\/$*-]*$/;
/**
 * A word of an area prefix: a command, a noun, a file, a path or a placeholder ("worktree",
 * "p4", "t4203", "{dump,scrap}-cache-tree", "<tag>", "$pathspec", "dir,"); no quote, colon or
 * parenthesis.
 */
const AREA_WORD = /^[\w{<[$%*.][\w.\/+@{}<>[\]$%*~,=-]*$/;
/** Words that join two areas ("merge and resolve", "fetch & clone", "cat-file --batch / --batch-check"). */
const AREA_JOINER = /^(?:and|&|\+|\/)$/;
/** A parenthesised scope after a spaced area ("add -i (Perl version): …"). */
const AREA_SCOPE = / \([^()]*\)$/;
/**
 * Words of English sentences, not of names: articles, prepositions, pronouns, auxiliaries and
 * conjunctions ("Smart push over HTTP: client side", "Tests on Windows: …", "Tie it all
 * together: …"); after the first word only in lower case ("read-tree -m A B: …").
 */
const SENTENCE_WORDS = new Set([
  "a", "an", "the", "of", "on", "in", "into", "onto", "over", "under", "to", "for", "from", "with", "without",
  "by", "at", "as", "about", "after", "before", "when", "if", "is", "are", "was", "were", "be", "been",
  "it", "its", "this", "that", "these", "those", "not", "no", "do", "does", "did", "don't", "doesn't",
  "we", "i", "you", "they", "our", "my", "your", "their", "all", "some", "should", "must", "can", "will",
  "would", "could", "may", "has", "have", "had", "but", "or", "so", "than", "then", "there", "via", "also",
  "only", "more", "less", "why", "how", "what", "where", "which", "who",
]);
const FIRST_CHARACTER_UPPER = /^[A-Z]/;

/**
 * The length of a spaced area prefix at the start of `text`, with the blanks after its colon, or
 * 0: a few words, options and paths that name a command or a part before ": " ("rebase -i:",
 * "git p4:", "diff --stat:", "worktree add:", "built-in rebase --autostash:", "rebase tests:",
 * "SVN import:"). Not a sentence that merely holds a colon: a word of a sentence ("Smart push
 * over HTTP: client side"), a fix ("Fix typo: existant->existent", "fix testsuite: …"), a
 * capitalised verb ("Improve build: add …", "Add test-chmtime: a utility …"), or a verb in
 * lower case with no option after it and no order after the colon ("correct spelling: an URL
 * -> a URL", "bump version: 1.2.3"), where "fetch doc: remove …" is an area.
 */
export function spacedAreaLength(text: string): number {
  // Areas are short; the cheap checks first.
  const colon = text.length > 66 ? text.slice(0, 66).indexOf(": ") : text.indexOf(": ");
  if (colon < 3) return 0;
  let head = text.slice(0, colon);
  if (!head.includes(" ")) return 0;
  if (head.endsWith(")")) head = head.replace(AREA_SCOPE, "");
  const tokens = head.split(" ");
  if (tokens.length < 2 || tokens.length > 6) return 0;
  let words = 0;
  let options = 0;
  let last = "";
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (index > 0 && AREA_OPTION.test(token)) options++;
    else if (AREA_JOINER.test(token)) {
      if (index === 0 || index === tokens.length - 1) return 0;
    } else if (AREA_WORD.test(token) && !SENTENCE_WORDS.has(index === 0 ? token.toLowerCase() : token)) {
      words++;
      last = token;
    } else return 0;
  }
  if (words > 4 || namesProblemOrFix(last)) return 0;
  let end = colon + 2;
  while (text.charCodeAt(end) === 32) end++;
  if (end >= text.length) return 0;
  const first = tokens[0].replace(/,$/, "");
  const lemma = lemmatize(first.toLowerCase());
  if (FIX_VERBS.has(lemma) || FIX_WORD.test(first) || (ADVERB.test(first) && !isKnownVerb(lemma))) return 0;
  const rest = text.slice(end);
  if (isKnownVerb(lemma) || ORDER_ONLY_VERBS.has(lemma)) {
    // "Improve build: add …": a capitalised verb starts a sentence. In lower case, a verb is a
    // command's name ("add -p:", "fetch doc: remove …") when an option or an order follows,
    // and more than a word ("support --pretty=format: option" names the option's value).
    if (FIRST_CHARACTER_UPPER.test(first)) {
      // "Notes API: Add …": a capitalised form in -s is a plural noun that names a part, as
      // an imperative never ends so; a capitalised phrase then needs an order after it.
      if (lemma === first.toLowerCase() || !first.endsWith("s") || !opensWithOrder(afterArea(rest))) return 0;
    } else if (!rest.trimEnd().includes(" ") || (options === 0 && !opensWithOrder(rest))) return 0;
  } else if (FIRST_CHARACTER_UPPER.test(first) && !opensWithOrder(afterArea(rest))) {
    // "New test case: Criss-cross merge", "Package split: Debian.": a capitalised phrase is
    // as often a label whose words name the change; an order after it ("SVN import: Use one
    // log call") shows an area.
    return 0;
  }
  return end;
}

/**
 * Whether the last word of a phrase, its head, names a problem or a fix: "known breakage: …",
 * "portability fix: …" and "Typo fix: …" say what was wrong or what kind of change it is, not
 * where ("leak tests: …" is an area).
 */
function namesProblemOrFix(word: string): boolean {
  if (FIX_WORD.test(word) || TYPO_FIX.test(word)) return true;
  const problem = PROBLEM_STRONG.exec(word);
  return problem !== null && problem[0].length === word.length;
}

const TYPO_FIX = /^typo-?fix/i;

/** `text` after a function's or a file's area that opens it ("get_note(): Return …" in "Notes API: get_note(): Return …"). */
function afterArea(text: string): string {
  return text.slice(strippable(PREFIX.exec(text), text));
}

/** Whether `text` opens with an order: a change or fix verb, a negated one, or an order-only verb with an object. */
function opensWithOrder(text: string): boolean {
  if (NEGATED.test(text)) return true;
  let word = LEADING_WORD.exec(text)?.[0] ?? "";
  // "combined diff: correctly handle …": an adverb before the order.
  if (ADVERB.test(word.trimEnd()) && !isKnownVerb(lemmatize(word.trimEnd().toLowerCase()))) {
    text = text.slice(word.length);
    word = LEADING_WORD.exec(text)?.[0] ?? "";
  }
  word = word.trimEnd();
  const lemma = lemmatize(word.toLowerCase());
  if (isKnownVerb(lemma)) return true;
  return ORDER_ONLY_VERBS.has(lemma) && isImperativeAt(text, word.length);
}

/** How much of `text` a leading `match` strips: nothing when it is empty or would take all of it. */
function strippable(match: RegExpExecArray | null, text: string): number {
  if (match === null || match[0].length === 0 || match[0].length >= text.length) return 0;
  return match[0].length;
}

function startsWithLetterOrDigit(text: string): boolean {
  const code = text.charCodeAt(0);
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** Reads a summary line. */
export function readSummary(summary: string): SummaryReading {
  let core = summary;
  let coreStart = 0;
  let prefix = "";
  for (let round = 0; round < 2; round++) {
    // Decoration and tags start with a blank, a colon, a bracket or an emoji, never with an
    // ASCII letter or digit, where most summaries start.
    const plain = startsWithLetterOrDigit(core);
    let length = round === 0 && !plain ? strippable(LEADING_DECORATION.exec(core), core) : 0;
    if (length > 0) {
      core = core.slice(length);
      coreStart += length;
    }
    length = plain ? 0 : strippable(LEADING_TAGS.exec(core), core);
    if (length > 0) {
      core = core.slice(length);
      coreStart += length;
    }
    length = strippable(LEADING_REF.exec(core), core);
    if (length > 0) {
      core = core.slice(length);
      coreStart += length;
    }
    const typed = PREFIX.exec(core);
    length = strippable(typed, core);
    if (length > 0) {
      core = core.slice(length);
      coreStart += length;
      if (!prefix) prefix = typed![1].toLowerCase();
      continue;
    }
    // "rebase -i: fix …", "git p4: fix …": an area of a few words, read as a whole.
    length = spacedAreaLength(core);
    if (length > 0) {
      if (!prefix) prefix = core.slice(0, core.indexOf(": ")).replace(AREA_SCOPE, "").toLowerCase();
      core = core.slice(length);
      coreStart += length;
    }
  }
  // Asked only of a summary ending (before blanks) as the pattern can: most end in a letter.
  const last = core.trimEnd().at(-1);
  if (last === ")" || last === "." || last === "!") core = core.replace(TRAILING_PR, "");
  // A summary written as one snake_case token ("Optimize_hessian_performance") reads as words.
  if (SNAKE_SUMMARY.test(core)) core = core.replace(UNDERSCORES, " ");
  // "Fix #12: enhance url equals", "Fixed #520 change X to Y": the words after the reference say what.
  const fixedRef = FIX_WITH_REF.exec(core);
  if (fixedRef && fixedRef[0].length < core.length) {
    core = core.slice(fixedRef[0].length);
    coreStart += fixedRef[0].length;
  }
  // "Don't crash on …", "Do not retry …": a negated imperative names a change.
  const negated = NEGATED.exec(core);
  const words = core.match(WORD) ?? [];
  let first = (negated ? core.slice(negated[0].length).match(WORD)?.[0] : words[0]) ?? "";
  // "Work around a bug in …", "Worked around …": a phrasal verb is one verb, its object after the particle.
  let phrasal = negated ? "" : phrasalVerb(words, 0);
  let lemma = phrasal || lemmatize(first.toLowerCase());
  // "Properly close …", "Also remove …": an adverb before the imperative; the verb is the next word.
  let adverb = false;
  if (!negated && !isKnownVerb(lemma) && ADVERB.test(first) && words.length > 1) {
    phrasal = phrasalVerb(words, 1);
    const next = phrasal || lemmatize(words[1].toLowerCase());
    if (isKnownVerb(next)) {
      first = words[1];
      lemma = next;
      adverb = true;
    }
  }
  let verb: SummaryReading["verb"] = "none";
  // "Tests are flaky on CI", "Build is broken": a noun that doubles as a verb, used as the subject
  // of a statement; the summary states a fact rather than naming a change.
  const subject = !negated && !adverb && words.length > 1 && AUXILIARY.test(words[1]);
  if (subject) verb = "none";
  else if (FIX_VERBS.has(lemma) || FIX_WORD.test(first)) verb = "fix";
  else if (CHANGE_VERBS.has(lemma) || isPrefixedChangeVerb(lemma) || negated || CAUSATIVE.test(core)) verb = "change";
  // "lose base_offset …", "factor out the helper", "Free the buffer on exit": a verb that leads
  // as often as a noun ("Round trips are slow") orders the change when an object follows.
  else if (ORDER_ONLY_VERBS.has(lemma) && isImperativeAt(core, core.indexOf(first) + first.length)) verb = "change";
  let specificWords = 0;
  for (const word of words) if (!VAGUE_WORDS.has(word.toLowerCase())) specificWords++;
  const afterVerb = verb === "none" ? 0 : afterWords(core, (adverb ? 2 : 1) + (phrasal ? 1 : 0));
  return { core, coreStart, prefix, lemma, verb, specificWords, words: words.length, afterVerb };
}

const WORK_FORM = /^work(?:s|ed|ing)?$/i;

/** Whether `word` is a form of "work", which "around" makes the phrasal verb of repair "work around". */
export function isWorkForm(word: string): boolean {
  return word.length <= 7 && WORK_FORM.test(word);
}

/**
 * The lemma of a phrasal verb of repair that starts at `words[index]` ("Work around", "worked
 * around"), or "" when none does: "work" alone is no change verb ("Work from a subdirectory").
 */
function phrasalVerb(words: readonly string[], index: number): string {
  const word = words[index];
  return word !== undefined && isWorkForm(word) && words[index + 1]?.toLowerCase() === "around" ? "work around" : "";
}

/** "around" after the blanks, and one line break at most, that follow a verb. */
const AROUND = /^[ \t]*\n?[ \t]*around(?![\w-])/i;

/**
 * The length of the particle "around" and the blanks before it when `word`, which ends at `end`
 * of `text`, is a form of "work" ("Work around this by …", "worked\naround"), else 0: the two
 * words are the phrasal verb of repair "work around".
 */
export function aroundAfter(word: string, text: string, end: number): number {
  if (!isWorkForm(word)) return 0;
  return AROUND.exec(text.slice(end, end + 16))?.[0].length ?? 0;
}

/** Offset in `text` after its first `count` whitespace-separated words and the spaces after them. */
function afterWords(text: string, count: number): number {
  let index = 0;
  for (let word = 0; word < count; word++) index += LEADING_WORD.exec(text.slice(index))?.[0].length ?? 0;
  return index;
}

/** Reduces an English verb form to its base form when that form is a known verb. */
export function lemmatize(word: string): string {
  if (isKnownVerb(word)) return word;
  // Candidate base forms in a fixed order; the first known verb wins.
  if (word.endsWith("ies") || word.endsWith("ied")) {
    const candidate = word.slice(0, -3) + "y";
    if (isKnownVerb(candidate)) return candidate;
  }
  if (word.endsWith("ing")) {
    const stem = word.slice(0, -3);
    if (isKnownVerb(stem)) return stem;
    if (isKnownVerb(stem + "e")) return stem + "e";
    if (hasDoubledFinal(stem) && isKnownVerb(stem.slice(0, -1))) return stem.slice(0, -1);
  }
  if (word.endsWith("ed")) {
    const stem = word.slice(0, -2);
    if (isKnownVerb(stem)) return stem;
    if (isKnownVerb(stem + "e")) return stem + "e";
    if (isKnownVerb(word.slice(0, -1))) return word.slice(0, -1);
    if (hasDoubledFinal(stem) && isKnownVerb(stem.slice(0, -1))) return stem.slice(0, -1);
  }
  if (word.endsWith("es")) {
    if (isKnownVerb(word.slice(0, -2))) return word.slice(0, -2);
    if (isKnownVerb(word.slice(0, -1))) return word.slice(0, -1);
  } else if (word.endsWith("s") && isKnownVerb(word.slice(0, -1))) return word.slice(0, -1);
  return IRREGULAR.get(word) ?? word;
}

function isKnownVerb(word: string): boolean {
  return CHANGE_VERBS.has(word) || FIX_VERBS.has(word) || isPrefixedChangeVerb(word);
}

/** A prefix that makes a verb of a verb: "re-arrange", "recreate", "cross-link", "co-locate", "pre-compute". */
const VERB_PREFIX = /^(?:re-?|cross-|co-|pre-|un-)(?=[a-z]{3})/;

/**
 * Whether `word` is a change verb of the lists with a prefix that keeps it a verb: "recreate",
 * "re-arrange", "cross-link", "pre-compute" ("mv test: recreate mod/ directory …", "fetch doc:
 * cross-link two new negotiation options").
 */
function isPrefixedChangeVerb(word: string): boolean {
  const prefix = VERB_PREFIX.exec(word);
  if (prefix === null) return false;
  const verb = word.slice(prefix[0].length);
  // "re-arrange": the hyphen only sets the prefix off from a verb the lists know whole ("rearrange").
  return CHANGE_VERBS.has(verb) || (prefix[0] === "re-" && CHANGE_VERBS.has(`re${verb}`));
}

/** True when `stem` ends in a doubled b, d, g, k, l, m, n, p, r or t ("stopp" of "stopping"). */
function hasDoubledFinal(stem: string): boolean {
  const last = stem.charCodeAt(stem.length - 1);
  return stem.length >= 2 && last === stem.charCodeAt(stem.length - 2) && DOUBLED_FINALS.includes(String.fromCharCode(last));
}

const DOUBLED_FINALS = "bdgklmnprt";

const IRREGULAR = new Map<string, string>(Object.entries({
  made: "make", wrote: "write", written: "write", built: "build", ran: "run", kept: "keep", split: "split",
  set: "set", let: "let", put: "put", got: "get", gave: "give", took: "take", brought: "bring",
  threw: "throw", thrown: "throw", taught: "teach", learnt: "learn", caught: "catch", undid: "undo", redid: "redo",
}));
