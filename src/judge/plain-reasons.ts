// Reads reasons told in plain sentences of today: a part's bare need, a part refusing what it is
// given, a fault that makes something useless, what callers may want, a failure "this" fixes.
import { CHANGE_VERBS, FIX_VERBS } from "./cues.js";
import { NOT_TODAY, tellsToday } from "./failures.js";
import { saysItsOwn } from "./restatement.js";
import type { FamilyWords } from "./family-scan.js";
import { SENTENCE_OPENING, sentenceBefore } from "./sentences.js";
import { lemmatize } from "./summary.js";

/** Words of a subject or a head that put the clause after the change, in a condition or out of today. */
const NOT_TODAYS_HEAD = /\b(?:new|now|will|would|could|should|might|may|must|can|no|not|never|longer|if|when|whenever|unless|once|after|until|whether|so\s+that|make\s+sure|ensures?|yet|later|future|instead|this\s+(?:change|commit|patch|series|pr)|with\s+this|after\s+this)\b/i;
/** A subject that is the change itself ("The patch needs a rebase", "This change requires …"). */
const CHANGE_SUBJECT = /\b(?:change|patch|commit|series|pr|fix|diff|branch|rebase|merge)\b/i;

/**
 * A part of today's code that needs or requires something, told as a whole sentence with no
 * purpose after it: "The config loader needs a second default.", "Our parser requires an extra
 * lookahead." Group 1 is the subject, group 2 what it needs. A need with a purpose ("needs a
 * fixture to run") is statesNeed()'s reading.
 */
const BARE_NEED = new RegExp(
  String.raw`${SENTENCE_OPENING}((?:The|Our|Its|Their|Each|Every)\s+(?:[\w.'()\x60-]+\s+){0,3}?[\w.'()\x60-]+)\s+(?:needs|requires)\s+((?:a|an|another|one\s+more|its\s+own|their\s+own|some|more|extra|an\s+extra)\s+(?:[\w.'\x60-]+\s+){0,3}?[\w.'\x60-]+)\s*[.!](?=\s|$)`,
  "g",
);

/** Words that give a need its purpose or its condition ("a fixture to run", "a lock when …"). */
const PURPOSE_AFTER = /\b(?:to|for|before|so|when|if|because|until|since|in\s+order)\b/i;

/** Whether the body states a bare need of a part of today's code (BARE_NEED), not the change's or the new thing's. */
export function bareNeedTold(text: string, summary: string): boolean {
  BARE_NEED.lastIndex = 0;
  for (let match = BARE_NEED.exec(text); match !== null; match = BARE_NEED.exec(text)) {
    if (NOT_TODAYS_HEAD.test(match[1]) || CHANGE_SUBJECT.test(match[1])) continue;
    // "The test needs a fixture to run.": a need with its purpose is statesNeed()'s to judge.
    if (PURPOSE_AFTER.test(match[2])) continue;
    if (saysItsOwn(match[2], summary, 1)) return true;
  }
  return false;
}

/**
 * A part of today's code that refuses, rejects or ignores what it is given, in the present: "With
 * the conventional preset the hook refuses npm version's bare version summary", "the parser
 * silently ignores a trailing comma". Group 1 is the subject, group 2 the verb.
 */
const REFUSAL = /\b((?:the|our|its|their)\s+(?:[\w.'()\x60-]+\s+){0,2}?[\w.'()\x60-]+)\s+(?:(?:silently|simply|quietly|always|still|just|then|happily)\s+)?(refuses|rejects|ignores|discards|swallows|truncates|mangles|clobbers|chokes\s+on|trips\s+over)\s+(?=[\w"'\x60$<(-])/gi;

/** Whether the body tells a part of today refusing or dropping what it is given (REFUSAL), not the behaviour the summary orders. */
export function refusalTold(text: string, summary: string): boolean {
  const summaryLower = summary.toLowerCase();
  REFUSAL.lastIndex = 0;
  for (let match = REFUSAL.exec(text); match !== null; match = REFUSAL.exec(text)) {
    // "Reject empty summaries" over "The hook rejects empty summaries": the new behaviour.
    if (summaryLower.includes(match[2].toLowerCase().slice(0, 5))) continue;
    const head = sentenceBefore(text, match.index) + match[1];
    if (NOT_TODAYS_HEAD.test(head) || CHANGE_SUBJECT.test(match[1])) continue;
    if (tellsToday(text, match.index + match[0].length, NOT_TODAY)) return true;
  }
  return false;
}

/**
 * A fault judged by what it leaves of something: "which makes the diff viewer almost useless",
 * "renders the log unreadable"; or a thing that has lost its point: "It has no point any more",
 * "the flag serves no purpose".
 */
const MADE_USELESS = /\b(?:makes?|making|made|render|renders|rendering|rendered|leaves|leaving)\s+(?:(?!(?:it\s+)?(?:less|more|not|no)\b)[\w.'()\x60-]+\s+){1,5}?(?:(?:almost|nearly|practically|virtually|essentially|completely|totally|entirely|quite|mostly|rather|somewhat|pretty\s+much|all\s+but)\s+)?(?:useless|unusable|unreadable|worthless|pointless|meaningless|unworkable)\b|\b(?:has|have|had|serves?|served)\s+no\s+(?:real\s+|longer\s+any\s+)?(?:point|purpose|use)\b(?!\s+(?:for|to|in)\s+(?:this|the)\s+(?:change|patch|commit))/gi;

/** Whether the body judges a fault by what it leaves of something (MADE_USELESS), of today, not of the change. */
export function uselessMade(text: string): boolean {
  MADE_USELESS.lastIndex = 0;
  for (let match = MADE_USELESS.exec(text); match !== null; match = MADE_USELESS.exec(text)) {
    const head = sentenceBefore(text, match.index);
    if (/\b(?:not|no|never|without|would|could|might|if|unless|new|this\s+(?:change|commit|patch))\b/i.test(head)) continue;
    return true;
  }
  return false;
}

/**
 * What other code or people may want or need, told as the change's motivation: "Helpers might
 * want to format dates the same way", "Callers may need a way to …". Group 1 is what they want.
 * Not "you might want to" (advice to the reader).
 */
const OTHERS_WANT = /\b(?:callers?|users?|helpers?|clients?|consumers?|plugins?|scripts?|tools?|applications?|apps|people|developers?|projects?|extensions?|subclasses|libraries|integrators?|frontends?|backends?|porcelains?|downstreams?)\s+(?:(?:often|sometimes|also)\s+)?(?:might|may|could|would|will|often|sometimes)\s+(?:(?:also|well|reasonably|legitimately|rightly|very\s+well|still)\s+)?(?:want|need|wish|like)\s+((?:to|a|an|the|their|some|more|other)\s+[^.;!?\n]*)/gi;

/** Whether the body tells what callers or users may want (OTHERS_WANT), in words mostly not the summary's, outside a condition or the new behaviour. */
export function othersWant(text: string, summary: string): boolean {
  OTHERS_WANT.lastIndex = 0;
  for (let match = OTHERS_WANT.exec(text); match !== null; match = OTHERS_WANT.exec(text)) {
    const head = sentenceBefore(text, match.index);
    // "Users who might want …": the relative clause names the users, it tells no want of theirs.
    if (/\b(?:if|when|whenever|unless|once|so\s+that|now|new|with\s+this|after\s+this|who|which|that)\b/i.test(head) || /\bwho\s*$/i.test(head)) continue;
    if (saysItsOwn(match[1], summary, 1)) return true;
  }
  return false;
}

/**
 * A sentence that says the change fixes what the sentence before it told: "This should fix
 * it.", "That fixes the problem.", "Hopefully this solves it." Group 0 starts at the sentence.
 */
const FIXES_IT = new RegExp(
  String.raw`${SENTENCE_OPENING}(?:(?:Hopefully|So)\s*,?\s+)?(?:[Tt]his|[Tt]hat|Which|[Ii]t|[Tt]he\s+(?:change|patch|commit)|[Tt]his\s+(?:change|patch|commit))\s+(?:(?:should|will|would|hopefully|might|may|also)\s+)?(?:(?:hopefully|also)\s+)?(?:fix|fixes|solve|solves|resolve|resolves|cure|cures|address|addresses)\s+(?:it|this|that|them|these|those|the\s+(?:problem|issue|bug|failure|breakage))\s*[.!]`,
  "g",
);
/** The sentence before a match, its start: after the last end mark or blank line. */
const PREVIOUS_SENTENCE = /(?:^|[.!?]\s+|\n[ \t]*\n\s*)([^.!?]*?)\s*$/;

/**
 * Whether a sentence says the change fixes "it" (FIXES_IT) right after a sentence that told what
 * is wrong: one of at least four words that is no order ("Add a lock. This should fix it." tells
 * what was done) and tells today, not the change.
 */
export function fixesWhatWasTold(text: string): boolean {
  FIXES_IT.lastIndex = 0;
  for (let match = FIXES_IT.exec(text); match !== null; match = FIXES_IT.exec(text)) {
    // The match starts at the end mark or blank line before the sentence: the told failure ends there.
    const before = text.slice(Math.max(0, match.index - 400), match.index + 1).replace(/[.!?\s]+$/, "");
    const previous = PREVIOUS_SENTENCE.exec(before)?.[1] ?? "";
    if (previous.split(/\s+/).filter(Boolean).length < 4) continue;
    const first = /^\s*(?:(?:just|simply|also|then|so|instead)\s+)?([A-Za-z]+)/i.exec(previous)?.[1] ?? "";
    const lower = first.toLowerCase();
    // An order ("Take the lock before writing.") says what the change does, not what went wrong.
    if (first === "" || (lemmatize(lower) === lower && (CHANGE_VERBS.has(lower) || FIX_VERBS.has(lower)))) continue;
    if (/^\s*(?:this|the)\s+(?:change|commit|patch|series)\b|^\s*(?:we|I)\s+(?!(?:get|got|see|saw|hit|ran\s+into)\b)|\b(?:now|instead|will)\b/i.test(previous)) continue;
    return true;
  }
  return false;
}

/**
 * Words each reading needs, as word families a FamilyScanner can run at word starts: a body
 * without them is not read further. The whole patterns are costly to run over every body.
 */
export const PLAIN_REASON_GATES: readonly RegExp[] = [
  /\b(?:needs|requires)\s+(?:a|an|another|one|its|their|some|more|extra)\s/i,
  /\b(?:refuses|rejects|ignores|discards|swallows|truncates|mangles|clobbers|chokes\s+on|trips\s+over)\b/i,
  /\b(?:useless|unusable|unreadable|unworkable|worthless|pointless|meaningless|no\s+(?:point|purpose|use|real))\b/i,
  /\b(?:might|may|could|would|will|often|sometimes)\s+(?:[a-z]+\s+)?(?:want|need|wish|like)\s/i,
  /\b(?:fix|fixes|solve|solves|resolve|resolves|cure|cures|address|addresses)\s+(?:it|this|that|them|these|those|the\s+(?:problem|issue|bug|failure|breakage))\s*[.!]/i,
];
const READINGS: readonly ((text: string, summary: string) => boolean)[] = [bareNeedTold, refusalTold, uselessMade, othersWant, (text) => fixesWhatWasTold(text)];

/**
 * Whether any of this module's readings finds a reason in `text`. `words`, when given, is the
 * FamilyScanner's reading of a text that holds `text` (gates PLAIN_REASON_GATES at word starts);
 * without it, each gate is tested on `text` itself.
 */
export function plainReasonTold(text: string, summary: string, words: FamilyWords | null): boolean {
  for (let at = 0; at < READINGS.length; at++) {
    const gate = PLAIN_REASON_GATES[at];
    if ((words === null ? gate.test(text) : words.first(gate) !== null) && READINGS[at](text, summary)) return true;
  }
  return false;
}
