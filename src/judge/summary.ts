// Reads the summary line: strips tags, scopes and references, finds the leading verb and its kind.
import { CHANGE_VERBS, FIX_VERBS, ORDER_ONLY_VERBS, VAGUE_WORDS } from "./cues.js";
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
  return FILE_NAME.test(word.replace(/[.!]+$/u, ""));
}

const LEADING_DECORATION = new RegExp(`^(?:${DECORATION})+`, "u");
const LEADING_REF = /^(?:(?:issue|bug|ticket|pr)\s*)?(?:#\d+|[A-Z][A-Za-z0-9]+-\d+|gh-\d+)(?:\s*,\s*#?\d+)*\s*[:;,.)\]-]?\s*/i;
/** A type or an area before a colon, with a scope in parentheses, after a blank too ("sha1_file.c (write_sha1_file): …"). */
const PREFIX = /^([A-Za-z][\w.\/-]*)(?: ?\([^)]*\))?!?:\s*/;
const TRAILING_PR = /\s*\((?:[\w.-]+\/[\w.-]+)?#\d+\)\s*$|\s*[.!]+\s*$/;
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

/** How much of `text` a leading `match` strips: nothing when it is empty or would take all of it. */
function strippable(match: RegExpExecArray | null, text: string): number {
  if (match === null || match[0].length === 0 || match[0].length >= text.length) return 0;
  return match[0].length;
}

/** Reads a summary line. */
export function readSummary(summary: string): SummaryReading {
  let core = summary;
  let coreStart = 0;
  let prefix = "";
  for (let round = 0; round < 2; round++) {
    let length = round === 0 ? strippable(LEADING_DECORATION.exec(core), core) : 0;
    if (length > 0) {
      core = core.slice(length);
      coreStart += length;
    }
    length = strippable(LEADING_TAGS.exec(core), core);
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
    }
  }
  core = core.replace(TRAILING_PR, "");
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
  else if (CHANGE_VERBS.has(lemma) || negated || CAUSATIVE.test(core)) verb = "change";
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
  return CHANGE_VERBS.has(word) || FIX_VERBS.has(word);
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
