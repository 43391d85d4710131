// Reads what a body tells happened before the change: a past-tense narrative, a state dated to a release.
import { CHANGE_VERBS, FIX_VERBS, HISTORY, ORDER_ONLY_VERBS, PROBLEM_STRONG, PROBLEM_WEAK } from "./cues.js";
import { sentenceRest, sentenceBefore } from "./sentences.js";
import { lemmatize } from "./summary.js";

const PAST_IRREGULAR = new Set(["got", "left", "had", "wrote", "made", "went", "came", "gave", "saw", "knew", "thought", "ran", "sent", "kept", "lost", "broke", "hit", "fell", "became", "began", "could", "couldn't", "did", "didn't"]);
/** Candidate past-tense words: "-ed" words of five letters or more, and the irregular forms. */
const PAST_WORD = new RegExp(String.raw`\b(?:[a-z][a-z']{2,}ed|${[...PAST_IRREGULAR].map((word) => word.replace("'", "'")).join("|")})\b`, "gi");
const PASSIVE_AUXILIARY = /\b(?:is|are|was|were|be|been|being|gets?|now)\s+(?:\w+ly\s+)?$/i;
/** Irregular forms that are also participles: after a form of "be" they make a passive ("is made available"). */
const IRREGULAR_PARTICIPLE = /^(?:made|sent|kept|left)$/;
const ADJECTIVE_POSITION = /(?:-|\(|\b(?:a|an|the|this|that|these|those|its|their|our|your|his|her|some|any|each|every|no|of|in|with|for|to|from|and|or|against|about|into|onto|over|via|without|between|among|than|by|at|on|more|less|most|least)\s+(?:\w+ly\s+)?)$/i;
/** A word of code around the participle: "unhandled.log", "gitcvs.enabled", "`unsigned char *`". */
const CODE_BEFORE = "._/$@#`";
const CODE_AFTER = "._/(";
const WORD_CHAR = /\w/;

/** Whether the word at start..end of `text` is part of a word of code (CODE_BEFORE/CODE_AFTER), read a character at a time. */
function inCode(text: string, start: number, end: number): boolean {
  if (start > 0 && CODE_BEFORE.includes(text.charAt(start - 1))) return true;
  const next = text.charAt(end);
  return next === "`" || (next !== "" && CODE_AFTER.includes(next) && WORD_CHAR.test(text.charAt(end + 1)));
}
/** A count before a participle: "4 removed l10n messages" is an adjective when a noun follows. */
const COUNT_BEFORE = /\b\d+\s+$/;
const AS_BEFORE = /\bas\s+(?:\w+ly\s+)?$/i;
const AS_CONVERSATION = /^(?:discussed|agreed|suggested|requested|proposed|asked|needed|expected|intended|required|planned|advertised|designed)$/i;
/**
 * Participles of verbs that take an object when they tell an event ("the hook specified the
 * path"): right after a noun and before a preposition ("options specified in the docs", "the
 * memory allocated for the buffer", "Options related to merging") they modify that noun.
 */
const OBJECT_PARTICIPLE = /^(?:based|lifted|modelled|modeled|inspired|derived|borrowed|adapted|copied|registered|intended|expected|desired|specified|described|allocated|represented|related|passed|defined|declared|mentioned|listed|stored|provided|introduced|added|established|generated|created|documented|requested|supplied|named|called|marked|used|included|contained|enclosed|attached|recorded|implemented|installed|configured|exposed|exported|imported|performed|produced|returned|computed|detected|invoked|parsed|covered|made|kept|sent)$/;
/** A preposition right after such a participle. */
const PARTICIPLE_PREPOSITION = /^(?:[ \t\n]+(?:out|up|off|down|over|back|away))?(?:[ \t\n]+(?:in|into|for|from|with|to|at|on|via|under|within|inside|through|as|during|when|after|upon|elsewhere|here|above|below|earlier|later)\b|[ \t]*[;:)])/i;
/** A verbless sentence: "No functional change intended.", "No behaviour change expected." */
const NO_CHANGE_BEFORE = /(?:^|[.!?]\s+|\n\s*)No\s+(?:[\w-]+\s+){0,3}$/;
/** A sentence's or list item's opening before a word. */
const OPENING_BEFORE = /(?:^|[.!?]\s+|\n[ \t]*\n\s*|(?:^|\n)[ \t]*(?:[-*+•]|\d+[.)])[ \t]+)$/;
/** Words before a participle that make it an active verb: a subject pronoun or an auxiliary-like word. */
const SUBJECT_BEFORE = /\b(?:we|i|you|he|she|it|they|who|which|that|this|one|someone|somebody|nobody|everybody|also|just|then|and|or|but|already|never|only|not)\s+$/i;
/** A credit: "Noticed and reported by …", "Spotted, diagnosed and fixed by …". */
const CREDIT_AFTER = /^(?:\s*(?:,|and)\s+[a-z]+ed)*(?:\s+(?:out|up|off))?\s+by\b/i;
const CHANGE_SUBJECT = /\b(?:(?:we|i)(?:['\u2019](?:ve|d)|\s+(?:have|had))?|this\s+(?:commit|change|patch|pr|series))\s+(?:\w+ly\s+)?$/i;
/** A list item's marker or an editor's note ("[jc: moved …]") before a word. */
const ITEM_BEFORE = /(?:(?:^|\n)[ \t]*[-*+•]|\[[\w.-]+:)[ \t]+$/;
/** Verbs that narrate a new feature in release-note style ("git blame learned --show-email"). */
const FEATURE_NARRATION = new Set(["learn", "gain", "acquire", "teach", "grow"]);
const FEATURE_NARRATION_WORDS = /^(?:learned|learnt|gained|acquired|taught)$/;

/** The word before a position, and the word after it. */
const WORD_BEFORE = /([A-Za-z]+)\s+$/;
export const WORD_AFTER = /^[ \t]+([A-Za-z]+)/;
/** Words after a past-tense verb that keep it a verb: "tests failed on Windows", "failed twice". */
const VERB_FOLLOWER = /^(?:on|in|at|with|for|to|by|from|into|when|while|because|after|before|since|during|until|twice|again|once|and|or|but|the|a|an|it|them|this|that|these|those|its|their|our|every|all|some|\w+ly)$/i;

/**
 * "The uploader now retries failed chunks", "removes cached entries": after a change verb in
 * the present (or, with `orders`, in its base form: "- retry failed deliveries"), a participle
 * followed by a noun describes the change's object, not an event. A verb
 * followed by a preposition, an adverb or a determiner still tells one ("the tests failed on
 * Windows", "builds failed twice").
 */
export function namesObjectOfChange(text: string, start: number, end: number, orders = false): boolean {
  const previous = WORD_BEFORE.exec(text.slice(Math.max(0, start - 20), start))?.[1].toLowerCase();
  if (previous === undefined) return false;
  // "retries failed chunks"; with `orders`, the base form too ("- retry failed deliveries"),
  // asked only for a failure word: read for any participle, an order's object hid the past
  // narratives that were a body's only told reason ("Reuse discarded nodes").
  const lemma = lemmatize(previous);
  if (lemma === previous ? !orders : !previous.endsWith("s")) return false;
  if (!CHANGE_VERBS.has(lemma) && !FIX_VERBS.has(lemma) && !ORDER_ONLY_VERBS.has(lemma)) return false;
  const next = WORD_AFTER.exec(text.slice(end, end + 30))?.[1];
  return next !== undefined && !VERB_FOLLOWER.test(next);
}

const INNER_CAPITAL = /[a-z][A-Z]/;
/** Participles of a failure, which an order takes for its object as often as a story tells them ("- retry failed deliveries"). */
const FAILED_PARTICIPLE = /^(?:failed|crashed|stalled|leaked|corrupted|rejected|aborted|dropped)$/;

/**
 * The body tells what happened before the change: a past-tense verb that is not the change's own
 * ("rendered in a fallback font", "got last week's threads first", "could not match"), where
 * "Added X", "Fixed the tests" or "Updated the config" describe the change itself.
 */
export function pastNarrative(text: string): boolean {
  PAST_WORD.lastIndex = 0;
  for (let match = PAST_WORD.exec(text); match !== null; match = PAST_WORD.exec(text)) {
    const word = match[0].toLowerCase();
    // "OrderShipped", "onConnected": a name in code, not a verb.
    if (INNER_CAPITAL.test(match[0])) continue;
    // A word of code ("unhandled.log", "gitcvs.enabled", "`unsigned char *`"), not a verb of the prose.
    const end = match.index + word.length;
    if (inCode(text, match.index, end)) continue;
    // "Linus wrote:": the words of someone quoted follow.
    if (word === "wrote" && text.charAt(end) === ":") continue;
    const before = text.slice(Math.max(0, match.index - 12), match.index);
    if (IRREGULAR_PARTICIPLE.test(word) && PASSIVE_AUXILIARY.test(before)) continue;
    if (!PAST_IRREGULAR.has(word)) {
      // A passive ("no event was published", "is cached") describes a state, often the new one;
      // a participle used as an adjective ("a hard-coded 40", "the packed refs") or with "by"
      // ("Suggested by Franck") tells no event.
      const after = text.slice(end, end + 40);
      if (PASSIVE_AUXILIARY.test(before) || ADJECTIVE_POSITION.test(before) || CREDIT_AFTER.test(after)) continue;
      // "4 removed l10n messages": a count, the participle and a noun; "3 failed on Windows"
      // still tells what happened.
      if (COUNT_BEFORE.test(before)) {
        const next = WORD_AFTER.exec(after)?.[1];
        if (next !== undefined && !VERB_FOLLOWER.test(next)) continue;
      }
      // "As discussed", "as requested", "as agreed": a pointer to a conversation held
      // elsewhere, which tells nothing of what happened.
      if (AS_CONVERSATION.test(word) && AS_BEFORE.test(before)) continue;
      if (namesObjectOfChange(text, match.index, end, FAILED_PARTICIPLE.test(word))) continue;
    }
    // "all long options specified in the docs", "the memory allocated for the buffer", "calls
    // made to lstat()": a participle that needs an object to tell an event, right after a noun
    // and before a preposition, is a reduced relative clause describing that noun.
    if (OBJECT_PARTICIPLE.test(word) && reducedRelative(text, word, match.index, end)) continue;
    // "Based on a patch by …", "Modelled after check_zip": a participle opening a sentence or a
    // list item before a preposition is a phrase of its own, not an event with a subject.
    if (OPENING_BEFORE.test(text.slice(Math.max(0, match.index - 8), match.index)) && /^(?:[ \t\n]+(?:out|up|off))?[ \t\n]+(?:on|upon|from|after|by|with|in)\b/i.test(text.slice(end, end + 12)) && !problemSentence(text, match.index)) continue;
    const lemma = lemmatize(word);
    if (FEATURE_NARRATION.has(lemma) || FEATURE_NARRATION_WORDS.test(word)) continue;
    // "Added X", "Made it configurable", "we moved …", "this commit fixed …": the change itself.
    // Mid-sentence after another subject it narrates ("the job wrote the same file").
    const changeVerb = CHANGE_VERBS.has(lemma) || FIX_VERBS.has(lemma);
    // A list item or an editor's note opening on one ("* translated new entries", "[jc: moved
    // the code …]") is the change too, in any case.
    if (changeVerb && (/^[A-Z]/.test(match[0]) || CHANGE_SUBJECT.test(text.slice(Math.max(0, match.index - 24), match.index)) || ITEM_BEFORE.test(text.slice(Math.max(0, match.index - 16), match.index)))) continue;
    return true;
  }
  return false;
}

/**
 * An earlier commit, release or round after the preposition: "the member added in ac2fbaa674c",
 * "a regression introduced during this cycle", "code added in the preceding commit".
 */
const EARLIER_POINT = /^(?:[ \t\n]+(?:out|up|off|down|over|back|away))?[ \t\n]+(?:in|by|during|with|since)[ \t\n]+(?:(?:the[ \t\n]+)?commit[ \t\n]+|git[ \t\n]+)?(?:[`'"(]?(?=[a-f]*\d)[0-9a-f]{7,40}\b|v?\d+\.\d|(?:the|this|that|an?)[ \t\n]+(?:(?:previous|preceding|last|earlier|prior|same|first|initial|original)[ \t\n]+)?(?:commit|patch|change|step|round|cycle|series|release|version)s?\b(?!-)|(?:an?[ \t\n]+)?(?:earlier|previous|prior)[ \t\n]+(?:commit|patch|change|step|round|cycle|series|release|version)s?\b(?!-))/i;

/**
 * True when the participle `word` (lower case) at start..end follows a noun (not a subject
 * pronoun) and comes before a preposition, in a sentence that names no problem and not dated to
 * an earlier commit.
 */
function reducedRelative(text: string, word: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 16), start);
  const after = text.slice(end, end + 60);
  // "Git used to write …" tells how things were: the habitual past is no participle.
  if (word === "used" && /^[ \t\n]+to\b/.test(after)) return false;
  // "No functional change intended."
  if (/^[ \t]*\./.test(after) && NO_CHANGE_BEFORE.test(text.slice(Math.max(0, start - 60), start))) return true;
  // After an adverb the participle has its subject before it ("A test explicitly checked for …").
  if (!/[A-Za-z0-9)'"\],]\s+$/.test(before) || /ly\s+$/.test(before) || SUBJECT_BEFORE.test(before) || !PARTICIPLE_PREPOSITION.test(after)) return false;
  // What an earlier commit brought ("a member added in ac2fbaa674c") is history, and a
  // problem's participle ("a segv introduced in v2.11.0", "messages incorrectly marked for
  // translation") tells what went wrong.
  return !EARLIER_POINT.test(after) && !problemSentence(text, start);
}

/** Whether the sentence up to `start` names a problem. */
function problemSentence(text: string, start: number): boolean {
  const sentence = sentenceBefore(text, start);
  return PROBLEM_STRONG.test(sentence) || PROBLEM_WEAK.test(sentence);
}

/**
 * "since" before an earlier commit, a version or a release ("since e83c516", "since commit
 * abc1234 (…)", "since Git v1.6.0", "since 2.30", "since rc1"), or "ever since": the point in
 * time a state began.
 */
const SINCE_POINT = /\b(?:ever\s+since\b|since\s+(?:(?:the\s+)?commit\s+|[\w-]+\s+(?=v?\d))?(?:[`'"(]?(?=[a-f]*\d)[0-9a-f]{7,40}\b|v?\d+\.\d|v\d|rc\d))/gi;
/** Words that open a clause of its own before "since" ("a leak that's been with us since …", "which is orphaned since …"). */
const CLAUSE_OPENER = /(?:\b(?:that|which|who|we|it|they|this|there)\b|[,;:(])/i;

/**
 * The body dates a state to an earlier commit or release: "This default has been true since
 * Git v1.6.0", "Since commit f767349 (…), git push has a different output", "a leak we have
 * since d6cf873". Such a "since" is no cause (CAUSAL leaves it out), but a problem or a loss
 * that has held since then ("broken since …", "has not been used since …", "doesn't use cpio
 * anymore") is the situation the change responds to, as a past narrative is. Not a plain state
 * ("The wording has been like this since 1.7.2"), nor an order that the point only dates
 * ("Translate the new message since git 1.7.10.1").
 */
export function datedState(text: string): boolean {
  // Every form of SINCE_POINT has "since" in it; most bodies do not.
  if (!text.includes("ince")) return false;
  SINCE_POINT.lastIndex = 0;
  for (let match = SINCE_POINT.exec(text); match !== null; match = SINCE_POINT.exec(text)) {
    const head = sentenceBefore(text, match.index);
    const first = /^\s*(?:[-*+•]\s+)?([A-Za-z]+)\b/.exec(head);
    const word = first?.[1].toLowerCase();
    const orders = word !== undefined && lemmatize(word) === word && (CHANGE_VERBS.has(word) || FIX_VERBS.has(word));
    if (orders && !CLAUSE_OPENER.test(head.slice(first![0].length))) continue;
    // A state worth dating names what is wrong or gone: "broken since …", "has not been used
    // since …", "doesn't use cpio anymore"; "The wording has been like this since 1.7.2" does not.
    const sentence = head + sentenceRest(text, match.index, 300);
    if (PROBLEM_STRONG.test(sentence) || PROBLEM_WEAK.test(sentence) || HISTORY.test(sentence)) return true;
  }
  return false;
}

/**
 * "would" and the verb after it, an adverb between at most (group 1 the negation, group 2 an
 * adverb, group 3 the verb).
 */
const WOULD_VERB = /\bwould(n't|n\u2019t|[ \t\n]+not)?[ \t\n]+(?:(\w+ly|always|never|only|then|still|also|just|even|sometimes|simply|instead|end[ \t\n]+up)[ \t\n]+)?([a-z]+)/gi;
/** A failure after "would": "--rmdir would go too far", "running tests … would fail". */
const WOULD_FAILURE = /^(?:fail|crash|break|hang|leak|segfault|die|corrupt|clobber|mangle|garble|lose|stall|freeze|deadlock|panic|misbehave|choke|spin|overflow|underflow|exhaust)$/;
/** A verb that, negated after "would", tells a failure: "':/<prefix>' would not work". */
const WOULD_NOT_WORK = /^(?:work|compile|build|link|load|start|finish|terminate|complete)$/;
/** An adverb of a mistake or a fault: "would accidentally go too far", "would silently drop …". */
const WOULD_FAULT_ADVERB = /^(?:accidentally|inadvertently|mistakenly|erroneously|wrongly|incorrectly|silently|needlessly|unnecessarily)$/;
/**
 * A sentence opening on a time before the change, whose "would" tells the old behaviour:
 * "Earlier, calling … would yield …", "Before this patch, …", "Without this change, …".
 */
const OLD_TIME_OPENING = /^\s*(?:Earlier|Before|Previously|Originally|Formerly|In\s+the\s+past|Without\s+this(?:\s+(?:change|patch|commit|fix))?)\b/;
/** What "would" says when it is a wish, an offer or a proposal, not what the code did: "I would like …", "would be nice", "would be to …". */
const WOULD_WISH = /^(?:like|love|prefer|rather|want|appreciate|suggest|propose|recommend|think|say|guess|argue|imagine|hope|expect|need)$/;
const WOULD_BE_WISH = /^[ \t\n]+(?:(?:very|really|much|also|even)[ \t\n]+)?(?:good|nice|great|appreciated|welcome|interesting|to|worth|ideal|preferable|possible|helpful|useful|better|cleaner|simpler|easier|sufficient|enough)\b/i;
/**
 * The change or its new thing before "would" ("A proper fix would …", "the new helper would …"),
 * or a sentence opening on the state it brings ("With -Wsparse-error, "make sparse" would fail").
 */
const WOULD_CHANGE = /\b(?:new|change|patch|fix|series|this\s+commit)\b|^\s*With\b/i;

/**
 * The old behaviour told with "would": a failure or a fault ("--rmdir would accidentally go too
 * far", "running tests with an empty gecos field would fail", "':/<prefix>' would not work"), any
 * verb after an opening time before the change ("Earlier, calling … would yield "world "") or,
 * with `underFix` (the summary fixes or names a problem), any account of what the code did
 * ("upload-pack would set create_full_pack=1 …, but would ask later …"). Not a wish or a
 * proposal ("I would like to …", "would be nice", "A better fix would be to …"), nor the change,
 * its new thing or the state it brings ("the new code would …", "With -Werror, the build would
 * fail"); a failure denied ("would not crash") is none.
 */
export function wouldTold(text: string, underFix: boolean): boolean {
  if (!text.includes("would") && !text.includes("Would") && !text.includes("WOULD")) return false;
  WOULD_VERB.lastIndex = 0;
  for (let match = WOULD_VERB.exec(text); match !== null; match = WOULD_VERB.exec(text)) {
    const negated = match[1] !== undefined;
    const adverb = match[2]?.toLowerCase();
    const verb = match[3].toLowerCase();
    const head = sentenceBefore(text, match.index);
    if (WOULD_CHANGE.test(head)) continue;
    const failure = negated ? WOULD_NOT_WORK.test(verb) : WOULD_FAILURE.test(verb) || (adverb !== undefined && WOULD_FAULT_ADVERB.test(adverb));
    if (failure) return true;
    if (negated || WOULD_WISH.test(verb)) continue;
    if (verb === "be" && WOULD_BE_WISH.test(text.slice(match.index + match[0].length, match.index + match[0].length + 30))) continue;
    // The subject right before "would" is the writer's or the reader's: a wish or a guess ("we would …").
    if (/\b(?:I|we|you|one)\s+$/i.test(head)) continue;
    if (underFix || OLD_TIME_OPENING.test(head)) return true;
  }
  return false;
}
