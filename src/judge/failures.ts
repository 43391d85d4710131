// Reads failures a body tells: one that happened, one that happens today, an error someone runs into.
import { CHANGE_VERBS, FIX_VERBS } from "./cues.js";
import { namesObjectOfChange } from "./narrative.js";
import { lowered, sentenceRest, sentenceBefore } from "./sentences.js";
import { lemmatize, type SummaryReading } from "./summary.js";
import { type GatedReading, WordGate } from "./words.js";

/**
 * A failure told as something that happened: a problem verb in the past tense, or "broken"
 * after a past auxiliary ("This ability was broken by commits caf0c3d6 and 5df9fcf6"). "broken"
 * alone or "won't break" describe a state or a promise; "Uploads broke behind corporate proxies"
 * reports what went wrong, which is a reason for the change on its own (as a failure verb in
 * the present with its subject does: presentFailure).
 */
const PROBLEM_EVENT = /\b(?:broke|(?:was|were|got|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?broken|crashed|(?<!\b(?:a|an|the|any|each|every|about|of|for|on|after|retry|resume|with)\s)failed(?!\s+(?:fetch|attempt|request|call|test|run|job|build|check)s?\b)|hung|froze|timed\s+out|stalled|leaked|deadlocked|panicked|segfaulted|regressed|died|lost|complained)\b/gi;
/** The failure words of PROBLEM_EVENT, one of which it needs. */
const PROBLEM_EVENT_WORDS = new WordGate(["broke", "broken", "crashed", "failed", "hung", "froze", "timed", "stalled", "leaked", "deadlocked", "panicked", "segfaulted", "regressed", "died", "lost", "complained"]);

/** A told failure (PROBLEM_EVENT) that is not the adjective of a change's object ("retries failed chunks"). */
export function problemEvent(text: string): boolean {
  if (!PROBLEM_EVENT_WORDS.opens(text)) return false;
  PROBLEM_EVENT.lastIndex = 0;
  for (let match = PROBLEM_EVENT.exec(text); match !== null; match = PROBLEM_EVENT.exec(text)) {
    if (!namesObjectOfChange(text, match.index, match.index + match[0].length, true)) return true;
  }
  return false;
}

/**
 * A failure verb in the present ("fails", "leak", "runs out of"): with a subject before it and
 * the verb's context after it, it tells what goes wrong today ("Uploads to the archive tier fail
 * on every network hiccup", "The exporter leaks a file handle per export", "configure clobbers
 * the LDFLAGS value set by the caller").
 */
const PRESENT_FAILURE = /\b(?:fails?|crash(?:es)?|leaks?|hangs?|corrupts?|clobbers?|mangles?|garbles?|mis(?:parses?|handles?|detects?|computes?|reports?)|loses?|stalls?|freezes?|deadlocks?|panics?|segfaults?|misbehaves?|breaks?|chokes?|(?:runs?|times?|errors?)\s+out|blows?\s+up)\b/gi;
/** The failure words of PRESENT_FAILURE, one of which it needs ("runs out", "times out": "out"). */
const PRESENT_FAILURE_WORDS = new WordGate([
  ...["fail", "crash", "leak", "hang", "corrupt", "clobber", "mangle", "garble", "misparse", "mishandle", "misdetect", "miscompute", "misreport", "lose", "stall", "freeze", "deadlock", "panic", "segfault", "misbehave", "break", "choke", "blow"].flatMap((word) => [word, word.endsWith("sh") ? `${word}es` : `${word}s`]),
  "out",
]);
/**
 * Words before the verb that make it a noun ("memory leaks", "fix two crashes", "line breaks"),
 * an infinitive ("to fail"), a possibility or a promise ("can fail", "won't crash"), or a
 * negation ("does not hang"): none of them tells a failure that happens.
 */
const NOT_SUBJECT = /^(?:a|an|the|this|that|these|those|its|their|our|your|his|her|my|some|any|each|every|no|one|two|three|four|five|several|many|few|more|fewer|most|all|both|such|other|of|in|on|for|to|with|from|by|about|against|into|without|not|never|won't|wouldn't|doesn't|don't|didn't|isn't|aren't|can|can't|cannot|could|couldn't|may|might|must|should|shouldn't|will|would|shall|let|make|makes|cause|causes|memory|resource|handle|line|page|stack|kernel|integer|buffer|feature|code|release|random|rare|occasional|intermittent|potential|possible|spurious|silent|hard|soft|clean|fast|early|gracefully)$/i;
/** Words after the verb that keep it a verb: a preposition, a conjunction, an adverb or an object. */
const FAILURE_FOLLOWER = /^(?:on|in|at|of|with|for|to|when|whenever|while|if|because|after|before|since|during|under|as|and|or|but|again|sometimes|instead|the|a|an|its|their|our|all|every|it|them|this|that|these|those|some|any|memory|data|\w+ly)$/i;
/**
 * Failure verbs that take an object ("loses drafts", "leaks handles", "corrupts entries"), and
 * their object with no determiner after them (bareObjectOf): "The editor loses drafts on close",
 * "… loses access to the file". Not "breaks",
 * whose bare plural is as often a deliberate act as a fault ("The formatter breaks lines at 80
 * columns", "The sort breaks ties by name"): after it a determiner is still wanted.
 */
const TRANSITIVE_FAILURE = /^(?:leaks?|corrupts?|clobbers?|mangles?|garbles?|mis(?:parses?|handles?|detects?|computes?|reports?)|loses?)$/i;
const BARE_PLURAL = /^(?!(?:always|sometimes|perhaps|nevertheless|thus|whereas|afterwards|nowadays|unless|has|was|does|is|as|its|his|yes)$)[a-z]+[^siu']s$/;
/**
 * A singular object with no determiner: "The editor loses access to the file", "… loses
 * information", "leaks into the child". Not a word of no thing ("loses so much", "lose either"),
 * nor an auxiliary or a participle, which make the failure word a plural noun ("These leaks were
 * found by …", "48 indirect leaks found in t1091", "leaks involving a die()"), nor focus, whose
 * loss is a window's ordinary event ("The draft is saved when the editor loses focus", "loses
 * keyboard focus").
 */
const BARE_SINGULAR = /^(?!(?:always|sometimes|perhaps|nevertheless|thus|whereas|afterwards|nowadays|unless|its|his|yes|has|was|does|is|as|are|be|been|not|so|too|very|more|less|much|most|up|out|off|away|over|than|then|there|here|what|which|who|how|even|just|only|also|still|yet|now|ever|never|either|neither|were|have|had|can|could|would|should|may|might|must|will|did|found|exist|remain|occur|happen|focus|keyboard|input)$)(?![a-z]+(?:ed|ing)$)[a-z]{3,}$/;
/**
 * The base forms that are as often a noun or an adjective before a noun ("leak checking", "leak
 * free", "a corrupt pack", "corrupt object headers"): after them only a bare plural is an object.
 */
const NOUN_TOO = /^(?:leak|corrupt)$/i;
/** Whether `next` is the object with no determiner of the failure verb `verb` (TRANSITIVE_FAILURE). */
function bareObjectOf(verb: string, next: string): boolean {
  if (!TRANSITIVE_FAILURE.test(verb)) return false;
  return BARE_PLURAL.test(next) || (!NOUN_TOO.test(verb) && BARE_SINGULAR.test(next));
}
/** "Right now" and "as of now" mean today, not after the change. */
const RIGHT_NOW = /\b(?:right|as\s+of)\s+now\b/gi;
/** Words of the state after the change ("X now fails …", "With this patch the loader fails early") or a promise ("will"). */
const AFTER_CHANGE_WORDS = ["now", "will", "expected", String.raw`this\s+(?:change|commit|patch|fix|series|pr)`, String.raw`with\s+this`, String.raw`after\s+this`];
/**
 * Words of a fix ("Fix crashes when …", "to avoid leaks"). Not "fixed" as an adjective, after a
 * determiner or before a hyphen ("the fixed 25px header height does not grow", "a fixed-size
 * buffer", "--fixed-strings"), which names a kind of thing, not a fix.
 */
const FIX_WORDS = [String.raw`fix(?:es|ing)?`, String.raw`(?<!\b(?:a|an|the|its|their|our|your|this|that)\s+)fixed(?!-)`, "avoids?", "prevents?", "plugs?"];
/**
 * Words of the old way's end ("is no longer needed"). Not "no longer work(s)": a change does
 * not set out to make something stop working, so that tells a loss today ("the CI jobs that
 * can no longer work with the old image").
 */
const ENDED_WORDS = [String.raw`no\s+longer(?!\s+works?\b)`, "anymore", String.raw`any\s+more`];

/** Any of `words` (alternatives of a pattern) as a whole word. */
function anyWord(words: readonly string[]): RegExp {
  return new RegExp(String.raw`\b(?:${words.join("|")})\b`, "i");
}

/**
 * A sentence about the state after the change, a promise, the old way's end, a contrast with
 * the new way ("instead") or a fix: its failure is not today's.
 */
export const NOT_TODAY = anyWord([...AFTER_CHANGE_WORDS, "instead", ...ENDED_WORDS, ...FIX_WORDS]);
/**
 * NOT_TODAY for what a thing is needed to do ("This is needed to allow the test suite to run
 * against an install directory instead of GIT_EXEC_PATH", "… to fix verify-pack in a later
 * patch"): a contrast or a fix after "needed to" belongs to the goal, not to the state after
 * the change; "now", "will" and "this patch" still tell of the change.
 */
export const NOT_TODAY_GOAL = anyWord([...AFTER_CHANGE_WORDS, ...ENDED_WORDS]);
/**
 * NOT_TODAY for a verb that only names a malfunction (a crash, a leak, a hang): nobody writes
 * the new behaviour as "the loader crashes instead of …", so "instead" tells the problem there.
 */
const NOT_TODAY_MALFUNCTION = anyWord([...AFTER_CHANGE_WORDS, ...ENDED_WORDS, ...FIX_WORDS]);
/**
 * Failure verbs a change can ask for ("fails with exit code 2", "time out after five minutes",
 * "panics with a message"), as opposed to a malfunction nobody wants (a crash, a leak).
 */
const DELIBERATE_FAILURE = /^(?:fails?|panics?|breaks?|(?:times?|errors?) out)$/i;
/**
 * A summary that asks for a failure: its verb is one ("Exit with code 2 on a missing file",
 * "feat: fail fast on invalid config", "Time out idle connections", "Reject uploads over 100
 * MB", "Validate the payload"), or it makes something fail ("Let the CI job fail on …").
 */
const ORDERS_FAILURE = /^(?:(?:fail|exit|abort|panic|bail|die|reject|refuse|deny|forbid|disallow|validate|verify|enforce|require|assert)(?:s|ed|ing)?\b|(?:time|error)s? out\b|(?:make|let|have|force)s?\b.{0,60}?\b(?:fail|exit|abort|panic|bail|die|crash|(?:time|error) out)\b)/i;

/** Whether the summary's core asks for a failure (ORDERS_FAILURE). */
export function ordersFailure(core: string): boolean {
  return ORDERS_FAILURE.test(core);
}

/** The word before a position, contractions whole ("won't", "doesn’t"). */
const WORD_WITH_APOSTROPHE_BEFORE = /([A-Za-z][A-Za-z'\u2019]*)\s+$/;
/** The word right before a contracted auxiliary ("it" of "it's not used"). */
const CONTRACTED_SUBJECT = /([A-Za-z]+)$/;
/** A name in code before a position: "parse() ", "`load_plugin` ", a subject however it is spelled. */
const CODE_BEFORE = /[A-Za-z_][\w.:>-]*(?:\(\)|`)\s+$/;

/** A lower-case word in -s that is no adverb ("always", "sometimes"): before a failure noun in -s, a verb. */
const THIRD_PERSON_VERB = /^(?!(?:always|sometimes|perhaps|nevertheless|thus|whereas|afterwards|nowadays)$)[a-z]+[^siu]s$/;
const PARENTHESIS = /\([^()]*\)/g;
/** Where a clause ends inside a sentence: "X crashes on a bad inode; return -EIO instead." */
const CLAUSE_END = /[;:](?=\s)/;

/** Verbs of a summary that build a new thing ("Add a circuit breaker …", "Introduce a strict mode"). */
const BUILDS_NEW_THING = new Set(["add", "introduce", "implement", "create", "provide", "offer"]);
/** Where the new thing's noun phrase ends: a preposition, a clause or a punctuation mark after it. */
const NEW_THING_END = /\s(?:to|for|in|on|around|into|at|of|from|with|when|if|that|which|so|and|or|via|by|under|behind|over|before|after|between|per)\b|[,;:(]/i;
/** Words of such a phrase that name no thing of their own ("a new mode", "an option", "support"). */
const GENERIC_THING = /^(?:an?|the|new|some|more|optional|basic|simple|small|mode|modes|option|options|flag|flags|setting|settings|feature|features|support|config|configuration|ability|way|ways|check|checks|test|tests|helper|helpers)$/;
const THING_WORD = /[a-z0-9]+/g;

/**
 * The words naming what the summary builds, when its verb builds something: "circuit",
 * "breaker" for "Add a circuit breaker around the payments client"; "fault", "injection" for
 * "Add a fault-injection mode to …". Empty for any other summary.
 */
export function newThingWords(reading: SummaryReading): string[] {
  if (!BUILDS_NEW_THING.has(reading.lemma) || reading.afterVerb === 0) return [];
  const rest = reading.core.slice(reading.afterVerb);
  const end = rest.search(NEW_THING_END);
  const phrase = (end < 0 ? rest : rest.slice(0, end)).toLowerCase();
  return (phrase.match(THING_WORD) ?? []).filter((word) => word.length >= 3 && !GENERIC_THING.test(word));
}

/**
 * Failure verbs a new thing can be built to produce: "While the breaker is open, calls fail
 * immediately", "Under fault injection the storage layer loses every tenth write". A crash, a
 * leak or a hang is nobody's design.
 */
const BUILT_FAILURE = /^(?:fails?|panics?|breaks?|(?:times?|errors?) out|loses?)$/i;
const WORD_OF_TEXT = /[a-z0-9]+/gi;

/** Whether the sentence around `start` of `text` names one of `words`. */
function sentenceNames(text: string, start: number, words: readonly string[]): boolean {
  const sentence = sentenceBefore(text, start) + sentenceRest(text, start, 300);
  for (const word of sentence.match(WORD_OF_TEXT) ?? []) if (words.includes(word.toLowerCase())) return true;
  return false;
}

/**
 * A failure told in the present: a subject, a failure verb and what follows a verb ("Two
 * workers refresh the cache at the same time and corrupt the index"). Not a noun, a
 * possibility, a promise, an order ("Make the loader fail fast") or the state after the change,
 * nor a failure the summary's new thing is built to produce, told in a sentence that names it
 * ("While the breaker is open, calls fail immediately" under "Add a circuit breaker …").
 */
export function presentFailure(text: string, summaryOrdersFailure: boolean, newThing: readonly string[]): boolean {
  if (!PRESENT_FAILURE_WORDS.opens(text)) return false;
  PRESENT_FAILURE.lastIndex = 0;
  // Where the last failure word that was not a verb ended: "memory leaks and crashes" joins two nouns.
  let skippedEnd = -1;
  for (let match = PRESENT_FAILURE.exec(text); match !== null; match = PRESENT_FAILURE.exec(text)) {
    const end = match.index + match[0].length;
    // Under a summary that asks for a failure, "The command fails with exit code 2 when …" tells the new behaviour.
    const asked = (summaryOrdersFailure && DELIBERATE_FAILURE.test(match[0])) || (newThing.length > 0 && BUILT_FAILURE.test(match[0]) && sentenceNames(text, match.index, newThing));
    if (!asked && isPresentFailureAt(text, match.index, end, skippedEnd)) return true;
    skippedEnd = end;
  }
  return false;
}

/** The word after a failure verb, on its line or the next: a body wrapped at 72 columns ends a line there as often ("… loses↵the original authorship information"). */
const WRAPPED_WORD_AFTER = /^(?:[ \t]+|[ \t]*\n[ \t]*)([A-Za-z]+)/;

/** What joins two failure words of one kind ("leaks and crashes", "hangs, or crashes"). */
const JOINED = /^\s*,?\s*(?:and|or)\s+$/i;

/** Whether the failure word at `start` of `text` is a verb telling what goes wrong today (see presentFailure). */
function isPresentFailureAt(text: string, start: number, end: number, skippedEnd: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  if (!CODE_BEFORE.test(before)) {
    const previous = WORD_WITH_APOSTROPHE_BEFORE.exec(before.slice(-20))?.[1];
    if (previous === undefined || NOT_SUBJECT.test(previous.replace("\u2019", "'"))) return false;
    // Two words in -s ("The watchdog reports hangs and crashes", "counts leaks"): a verb and its
    // object. A plural subject takes the verb's base form ("Uploads fail", "workers corrupt").
    if (THIRD_PERSON_VERB.test(previous) && /s$/i.test(text.slice(start, end).split(" ")[0])) return false;
  }
  if (skippedEnd >= 0 && JOINED.test(text.slice(skippedEnd, start))) return false;
  const after = text.slice(end, end + 30);
  const next = WRAPPED_WORD_AFTER.exec(after)?.[1];
  // A verb ends its clause ("… and the import hangs.") or goes on with a verb's context.
  if (next === undefined ? !/^\s*(?:[.,;:!?)]|$)/.test(after) : !FAILURE_FOLLOWER.test(next) && !bareObjectOf(text.slice(start, end), next)) return false;
  return tellsToday(text, start, DELIBERATE_FAILURE.test(text.slice(start, end)) ? NOT_TODAY : NOT_TODAY_MALFUNCTION);
}

/**
 * Whether the clause around `start` tells how things are before the change: none of
 * `notToday` (the state after it, a promise, a fix) and no order ("Make the command fail when
 * …", "Let X crash …"). The clause, not the sentence: "X crashes on a bad inode; return -EIO
 * instead." and "Disable it for now: the proxy hangs on …" say "instead" and "now" about
 * something else; a colon inside a parenthesis ("(fetch: verify … - 2011-09-01)") ends no clause.
 */
export function tellsToday(text: string, start: number, notToday: RegExp): boolean {
  const head = sentenceBefore(text, start).replace(PARENTHESIS, " ").split(CLAUSE_END).pop()!;
  const rest = sentenceRest(text, start, 300).split(CLAUSE_END)[0];
  const clause = head + rest;
  if (notToday.test(clause.replace(RIGHT_NOW, ""))) return false;
  // A name in code is no verb ("export_write() crashes …").
  const first = /^\s*([A-Za-z]+)(?![\w(`.-])/.exec(clause)?.[1]?.toLowerCase();
  return first === undefined || lemmatize(first) !== first || (!CHANGE_VERBS.has(first) && !FIX_VERBS.has(first));
}

/**
 * A checker finding fault today: "The compiler complains that '*' … should have type int",
 * "sparse complains about …", "gcc warns about an unused variable", "Coverity warns that …".
 * Any subject can complain; a warning is a checker's only (the new option "warns when …" is
 * the change's behaviour).
 */
const COMPLAINT = /\b(?:complains?|(?:compilers?|gcc|clang|sparse|msvc|coverity|valgrind|[at]san|ubsan|shellcheck|linters?|checkers?|analy[sz]ers?|-W[\w-]+)\s+(?:\w+ly\s+)?warns?)\s+(?:that|about|when|if|on|for|because)\b/gi;

/** Whether the body tells a complaint of a checker (COMPLAINT) about today's code, not a promise or the new thing's. */
export function complaintTold(text: string): boolean {
  // Most bodies hold neither word: they skip the scan.
  if (!text.includes("omplain") && !text.includes("warn")) return false;
  COMPLAINT.lastIndex = 0;
  for (let match = COMPLAINT.exec(text); match !== null; match = COMPLAINT.exec(text)) {
    // "Complain if --git-dir is given" opens on the verb: an order.
    const head = sentenceBefore(text, match.index);
    if (head.trim() !== "" && !NEW_THING.test(head) && tellsToday(text, match.index, NOT_TODAY)) return true;
  }
  return false;
}
const NEW_THING = /\bnew\b/i;

/**
 * An error someone runs into, told in the present: "… and get a confusing syntax error", "they
 * see a blank page", "hits a stack trace".
 */
const ERROR_MET = /\b(?:gets?|sees?|hits?|receives?|runs?\s+into)\s+(?:an?|the|this)\s+(?:[\w-]+\s+){0,3}?(?:errors?|exceptions?|crash(?:es)?|failures?|timeouts?|stack\s?traces?|blank\s+(?:page|screen)|white\s+screen|segfaults?|panics?)\b/gi;

/** An error met today (ERROR_MET), not after the change ("users now get a clear error"). */
export function errorMet(text: string): boolean {
  ERROR_MET.lastIndex = 0;
  for (let match = ERROR_MET.exec(text); match !== null; match = ERROR_MET.exec(text)) if (tellsToday(text, match.index, NOT_TODAY)) return true;
  return false;
}

/**
 * A failure the change fixes, named with where or how it shows: "This fixes a crash in broken
 * repositories where …", "This fixes a test failure for reftable", "This fixes NULL derefs in
 * error paths", "This fixes the following warning." (the warning quoted below it), "This fixes
 * prefix_path() not recognizing \foo\bar as an absolute path". The failure noun takes a
 * modifier before it or a place, a condition or a cause after it; a failure named alone ("This
 * fixes a crash") names the problem as "Fix crash" does, and a test named ("This fixes a test
 * in t5500", "This fixes t6409.12") or a bug or an issue ("This fixes a bug in …") tells none.
 * A "not" after "but", "and" or "or" sets off what the change leaves ("This fixes the header
 * but not everything else"), not a failure.
 */
const FIXED_FAILURE = /\b(?:this|it|which)(?:\s+(?:patch|change|commit))?\s+(?:(?:also|should|will|hopefully)\s+)?fix(?:es)?\s+(?:(?:(?:a|an|the|two|some|several|many|various)\s+)?(?:(?:same|following)\s+|([\w.()'-]+\s+){1,2}?)?(?:crash(?:es)?|segfaults?|breakages?|failures?|warnings?|derefs?|dereferences?|leaks?|hangs?|deadlocks?|races?|regressions?|corruptions?|false\s+positives?|errors?)(?:\s+(?:in|when|where|with|for|on|under|if|during|that|caused|introduced|seen|reported|found|from|at|while|after)\b)?|(?:[\w.()'\\-]+\s+){1,3}?(?<!\b(?:but|and|or)\s+)not\s+[a-z]{2,}ing)\b/gi;

/** Whether the body names a failure its change fixes (FIXED_FAILURE), with a qualifier that places it. */
export function fixedFailureNamed(text: string): boolean {
  // Most bodies say neither "fix" nor "fixes" after "this", "it" or "which": they skip the scan.
  if (!text.includes("fix")) return false;
  FIXED_FAILURE.lastIndex = 0;
  for (let match = FIXED_FAILURE.exec(text); match !== null; match = FIXED_FAILURE.exec(text)) {
    const phrase = match[0].toLowerCase();
    // A modifier before the noun, "the same"/"the following", a word after it, or the negated gerund.
    if (match[1] !== undefined || /\s(?:same|following|not)\s/.test(phrase) || /\s(?:in|when|where|with|for|on|under|if|during|that|caused|introduced|seen|reported|found|from|at|while|after)$/.test(phrase)) return true;
  }
  FIXED_ACTIVITY.lastIndex = 0;
  return FIXED_ACTIVITY.test(text);
}

/**
 * What users do that the change makes work again: "This fixes pushing to a smart http backend
 * with chunked encoding", "This should fix running the tests under valgrind". The activity, a
 * gerund with its object or place, was broken before; "This fixes missing …" (a gerund of no
 * doing) is left to the failure readings, and so is a gerund that names a form of the text or
 * the code, or a noun in -ing ("This fixes spelling in a comment", "This fixes wording of the
 * help text", "This fixes string handling in foo"): what it fixes is how the text reads.
 */
const FIXED_ACTIVITY = /\b(?:this|it|which)(?:\s+(?:patch|change|commit))?\s+(?:(?:also|should|will|hopefully)\s+)?fix(?:es)?\s+(?!(?:missing|nothing|something|everything|anything|spelling|wording|phrasing|formatting|naming|ordering|sorting|spacing|indenting|padding|casing|capitali[sz]ing|styling|typing|numbering|heading|string|thing|ring)\b)[a-z]{2,}ing\s+(?:to|with|from|in|into|on|of|over|a|an|the|when|under|through|against|git|[\w.-]+\s+(?:with|on|in|under|when|from|to))\b/gi;

/**
 * Blanks within a paragraph: a line wrap, not a blank line. Blanks before the line break and
 * after it are read once each ("[ \t]+\n?[ \t]*" would try every split of a run of blanks).
 */
const LINE_SPACE = String.raw`(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)`;
/** An adverb between the negation and its verb ("does not actually verify"). */
const ADVERB = String.raw`(?:(?:even|actually|really|properly|correctly|always|currently|ever|sometimes|usually)${LINE_SPACE})?`;
/** A ", however," set into the negation ("This mode does not, however, assert that …"). */
const HOWEVER = String.raw`(?:,${LINE_SPACE}however,)?`;
/**
 * A shortcoming told as a negated statement about how things are or were: "X does not handle
 * '~user'", "Sun's cc doesn't know __attribute__", "This function is not used by any other
 * file", "We were not testing the counts at all", "The return value wasn't being checked",
 * "This mode does not, however, assert that …",
 * "it's not used anywhere", "We're not freeing the command". Group 1 is "do"/"does"/"did" when the negation is theirs, group 2 the verb after it (after
 * "is"/"was"/"has", a participle or an -ing form).
 */
const NEGATED_STATE = new RegExp(String.raw`\b(?:(do|does|did)(?:n't|${LINE_SPACE}not)${HOWEVER}${LINE_SPACE}${ADVERB}|(?:is|are|was|were|has|have|had|['\u2019](?:s|re)(?=${LINE_SPACE}not))(?:n't|${LINE_SPACE}not)${HOWEVER}${LINE_SPACE}${ADVERB}(?:(?:being|been)${LINE_SPACE})?(?=[a-z]+(?:ed|en|ing|wn|ne|ht|lt)\b))([a-z]+)`, "gi");
/**
 * Words after the negation that promise what the change leaves alone ("This does not change
 * the output", "is not affected"), deny a failure ("The exporter does not hang"), or hedge
 * ("not only", "not necessarily").
 */
const NOT_A_SHORTCOMING = /^(?:change|changed|changing|affect|affected|alter|altered|modify|modified|touch|touched|impact|impacted|matter|introduce|introduced|break|broken|mean|intend|intended|only|just|necessarily|yet|bother|hurt|seem|even|fail|failed|failing|crash|crashed|hang|leak|leaked|leaking|corrupt|corrupted|lose|stall|freeze|deadlock|panic|segfault|misbehave|choke|error|time|run)$/i;
/**
 * The word right before the auxiliary when it opens no statement: a relative or conditional
 * ("paths that do not exist", "if the file does not exist"), the change itself ("This does not
 * …", "This one doesn't …"), or nothing at all ("Don't convert …", an order).
 */
const NOT_A_STATEMENT_SUBJECT = /^(?:if|when|whenever|unless|whether|that|which|who|whom|what|where|why|how|until|while|this|one|so|and|or|but|also|to)$/i;
/**
 * Before the negation: a condition or a goal ("if …", "make sure …"), what the change brings
 * about ("That way, …"), or a relative clause ("what we do not handle", "refs which the
 * other side doesn't have"); the negation then tells no state of things before the change.
 */
const NOT_TODAYS_STATE = /\b(?:if|when|whenever|unless|whether|in\s+case|as\s+long\s+as|so\s+that|makes?\s+sure|ensures?|guarantees?|until|once|otherwise|that\s+way|(?:what|which|where|whom)\s+(?:[\w'-]+\s+){1,3}$)/i;
/** NOT_TODAY without the old way's end ("is not used anymore" tells how things are today), with "yet" (the new code's limit: "We don't act on them yet"). */
const NOT_TODAY_NEGATION = anyWord([...AFTER_CHANGE_WORDS, "instead", "yet", ...FIX_WORDS]);
/**
 * What "we" or "I" are found not to do that is a reason: what they need, want or use, not how
 * the new code behaves ("We do not quote the parameter") nor a caveat ("we don't have a way to
 * hide them").
 */
const FIRST_PERSON = /^(?:we|i)$/i;
const FIRST_PERSON_WANT = /^(?:need|want|use|depend|know|support|handle|install|think|like|test|check|free|expect)$/i;

/**
 * A sentence that tells what the change brings ("This adds preliminary support for tags",
 * "The patch introduces …"): an "it" in the next sentence is that new thing, and what it does
 * not do is its limit ("It doesn't even store the signature, however").
 */
const BRINGS_NEW = /^\s*(?:this|the\s+(?:new\s+)?(?:patch|commit|change|series))\s+(?:(?:patch|commit|change|series|also|only)\s+)?(?:adds|introduces|implements|provides|creates|teaches|gives|supports|is\s+(?:a|an|the|only|just)\b)/i;
const IT = /^it$/i;

/** Whether the sentence before the one that starts at `start` tells what the change brings (BRINGS_NEW). */
function followsNewWork(text: string, start: number): boolean {
  let end = start;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  if (end === 0 || !/[.!?]/.test(text.charAt(end - 1))) return false;
  return BRINGS_NEW.test(sentenceBefore(text, end - 1));
}

/** A name in quotes or backticks right before a position ('"-q" ', "`--all` "): the subject of what follows. */
const QUOTED_BEFORE = /(["'`])[^"'`\s]{1,60}\1\s+$/;

/** Whether the body tells a shortcoming as a negated statement of today's or yesterday's state (NEGATED_STATE). */
export function negatedShortcoming(text: string): boolean {
  const lower = lowered(text);
  if (!lower.includes("not") && !lower.includes("n't")) return false;
  NEGATED_STATE.lastIndex = 0;
  for (let match = NEGATED_STATE.exec(text); match !== null; match = NEGATED_STATE.exec(text)) {
    if (NOT_A_SHORTCOMING.test(match[2])) continue;
    const sentence = sentenceBefore(text, match.index);
    const head = sentence.replace(PARENTHESIS, " ").split(CLAUSE_END).pop()!;
    // "it's not used": the subject ends right before a contracted auxiliary.
    // '"-q" is not shown anywhere': a quoted name is a subject too.
    const subject = (WORD_WITH_APOSTROPHE_BEFORE.exec(head) ?? CONTRACTED_SUBJECT.exec(head))?.[1] ?? (QUOTED_BEFORE.test(head) ? "quoted" : undefined);
    if (subject === undefined || NOT_A_STATEMENT_SUBJECT.test(subject) || NOT_TODAYS_STATE.test(head)) continue;
    // "This adds preliminary support for tags. It doesn't even store the signature": the new thing's limit.
    if (IT.test(subject) && head.trim().length === subject.length && followsNewWork(text, match.index - sentence.length)) continue;
    if (match[1] !== undefined && FIRST_PERSON.test(subject) && !FIRST_PERSON_WANT.test(match[2])) continue;
    if (tellsToday(text, match.index, NOT_TODAY_NEGATION)) return true;
  }
  return false;
}

/**
 * A mistake told as it was made: "We accidentally shed the const", "The code forgot to take
 * the loop into account", "These were mistakenly being colored", "snuck in by mistake".
 */
const MISTAKE = /\b(?:forgot|forgets|neglected|neglects|accidentally|inadvertently|mistakenly|erroneously|unintentionally|by\s+(?:mistake|accident))\b/gi;
/** The words of MISTAKE, one of which it needs. */
const MISTAKE_WORDS = new WordGate(["forgot", "forgets", "neglected", "neglects", "accidentally", "inadvertently", "mistakenly", "erroneously", "unintentionally", "mistake", "accident"]);
/**
 * Before the mistake in its clause: a negation, a possibility or a guard against it ("make
 * sure we don't accidentally dereference …", "it is harder to forget …", "no chance of …
 * by accident", "keeps callers from … by accident"); the mistake is one the change prevents, not one that was made.
 */
const MISTAKE_AVERTED = /\b(?:not|never|no|keeps?|guards?|protects?|against|can|could|would|may|might|shall|should|harder|easier|easy|hard|chance|risk|sure|ensure|lest|don't|doesn't|didn't|won't|wouldn't|can't|cannot|shouldn't)\b/i;

/** Whether the body tells a mistake that was made (MISTAKE), not one the change guards against. */
export function toldMistake(text: string): boolean {
  if (!MISTAKE_WORDS.opens(text)) return false;
  MISTAKE.lastIndex = 0;
  for (let match = MISTAKE.exec(text); match !== null; match = MISTAKE.exec(text)) {
    const head = sentenceBefore(text, match.index).replace(PARENTHESIS, " ").split(CLAUSE_END).pop()!;
    if (MISTAKE_AVERTED.test(head.replace(/\u2019/g, "'"))) continue;
    if (tellsToday(text, match.index, NOT_TODAY)) return true;
  }
  return false;
}

/** The failure readings with a WordGate. */
export const GATED_FAILURES: readonly GatedReading[] = [
  { name: "problemEvent", patterns: [PROBLEM_EVENT], gates: [PROBLEM_EVENT_WORDS], opens: (text) => PROBLEM_EVENT_WORDS.opens(text) },
  { name: "presentFailure", patterns: [PRESENT_FAILURE], gates: [PRESENT_FAILURE_WORDS], opens: (text) => PRESENT_FAILURE_WORDS.opens(text) },
  { name: "toldMistake", patterns: [MISTAKE], gates: [MISTAKE_WORDS], opens: (text) => MISTAKE_WORDS.opens(text) },
];
