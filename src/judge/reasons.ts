// Reads reasons a body states: a measured cost, repeated work, users' trouble, a benefit, a need, a purpose.
import { CHANGE_VERBS, FIX_VERBS } from "./cues.js";
import { isImperativeAt, pastActAt } from "./orders.js";
import { lemmatize } from "./summary.js";
import { NOT_TODAY, NOT_TODAY_GOAL, tellsToday } from "./failures.js";
import { isMeaningfulLabelText } from "../message/trailers.js";
import { LABEL_WORD, saysItsOwn } from "./restatement.js";
import { lowered, openingClauses, SENTENCE_OPENING, sentenceRest, sentenceBefore, statementRest } from "./sentences.js";
import { type GatedReading, WordGate } from "./words.js";

/** A cost measured as it happened: "backups took six hours", "the table grew to 40 GB", "doubled the load". */
export const MEASURED_COST = /\b(?:took|takes|(?:can|may|could|might)\s+take|grew|spent|consumed|ballooned|doubled|tripled|quadrupled|exceeded|delayed|slowed)\b(?:\s+\S+){0,12}?\s+(?:(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|hundreds?\s+of|thousands?\s+of|several|many)\s*(?:%|x\b|[kmgt]i?b\b|bytes|ms\b|milliseconds|seconds?|minutes?|hours?|days?|weeks?|times)|the\s+(?:load|size|time|memory|cost|latency|traffic)|hours\b|ages\b|forever\b|(?:most|half|all)\s+of\s+the\s+(?:day|night|morning|afternoon|weekend|run|budget)\b)/i;

/** The words MEASURED_COST opens on, one of which it needs. */
export const MEASURED_COST_WORDS = new WordGate(["took", "takes", "take", "grew", "spent", "consumed", "ballooned", "doubled", "tripled", "quadrupled", "exceeded", "delayed", "slowed"]);

/**
 * A limit or a shortfall of how things are: "Paths can be longer than PATH_MAX", "The buffer
 * may hold fewer than 20 bytes", "MSVC lacks many of the header files", "These options were
 * too long to type", "We have too many strncmp(a, b, strlen(b))". Not "too much" ("without
 * hurting performance too much"), which weighs the change instead.
 */
const LIMIT_TOLD = /\b(?:(?:can|may|might|could)\s+(?:\w+ly\s+)?(?:be|get|become|grow|exceed|hold|contain|have|return|reach)\s+(?:much\s+|far\s+)?(?:longer|larger|bigger|more|fewer|less|shorter|smaller|greater|wider|higher|lower)\s+than|(?<!\b(?:to|the|a|for|which|that|who)\s+)lack(?:s|ed)?\s+(?!of\b)(?=\w)|(?:is|are|was|were|'s|'re|gets?|getting|got|becomes?|became|seems?|have|has|had)\s+(?:\w+ly\s+)?too\s+(?:long|large|big|small|short|many|few|slow|late|early|strict|loose|noisy|verbose|expensive|complex|complicated|costly|fragile|brittle|limited|restrictive|aggressive|generic|wide|narrow|deep|tight))\b/gi;
/** Words of a clause about the new thing or the state after the change: its limit is no reason ("The new cache can hold more than …"). */
const AFTER_CHANGE = /\b(?:new|now|will|this\s+(?:change|commit|patch|series)|with\s+this|after\s+this)\b/i;

/**
 * Whether `pattern` (global) matches where the body tells how things are today: not in a
 * sentence whose words before the match `excluded` accepts (the change, its new thing), nor in
 * a state that NOT_TODAY places after the change.
 */
function toldOfToday(text: string, pattern: RegExp, excluded: (head: string) => boolean): boolean {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (!excluded(sentenceBefore(text, match.index)) && tellsToday(text, match.index, NOT_TODAY)) return true;
  }
  return false;
}

/** Whether a sentence's words before a match speak of the new thing or the state after the change. */
const aboutAfterChange = (head: string): boolean => AFTER_CHANGE.test(head);

/** Whether the body tells a limit or a shortfall of today (LIMIT_TOLD), not of the new thing. */
export function limitTold(text: string): boolean {
  const lower = lowered(text);
  return (lower.includes("than") || lower.includes("lack") || lower.includes("too")) && toldOfToday(text, LIMIT_TOLD, aboutAfterChange);
}

/**
 * Work on the whole of something done again on every event, told in the present: "The
 * dashboard query scans the whole orders table on every page load", "Every request parses the
 * entire schema again".
 */
const WHOLE_WORK = /\b(?:re-?)?(?:scans|reads|parses|loads|downloads|fetches|walks|rebuilds|recomputes|copies|rewrites|queries|sorts|hashes|serializes|compiles|traverses|re-?reads|re-?parses)\s+(?:the\s+(?:whole|entire|full)|all(?:\s+of)?\s+the|every)\b[^.!?]{0,80}?(?:\b(?:on|for|in|at|with|after)\s+(?:every|each)\b|\bagain\b|\beach\s+time\b)/gi;

const NEW_SUBJECT = /\bnew\b/i;

/** Whether the body tells whole work repeated (WHOLE_WORK) about today, not the new behaviour ("now", "will", "instead"). */
export function wholeWorkRepeated(text: string): boolean {
  const lower = lowered(text);
  if (!lower.includes("every") && !lower.includes("each") && !lower.includes("again")) return false;
  WHOLE_WORK.lastIndex = 0;
  for (let match = WHOLE_WORK.exec(text); match !== null; match = WHOLE_WORK.exec(text)) {
    // "The new indexer scans the whole tree on every start" describes the change.
    if (!NEW_SUBJECT.test(sentenceBefore(text, match.index)) && tellsToday(text, match.index, NOT_TODAY)) return true;
  }
  return false;
}

/**
 * Other ways a body tells what was wrong: work that was done again and again ("parsed the same
 * file eleven times", not "retries a call the same way three times"), toil ("meant converting every line by hand"), a capability nobody should have had
 * ("Anyone could request a reset …"), users' complaints, or a failure left unexplained ("exit
 * with no hint").
 */
export const PROBLEM_TOLD = /\b(?:\w+ed|read|ran|did|made|sent|built|fetched|wrote|hit)\b(?:\s+\S+){0,2}?\s+the\s+same\b(?:\s+\S+){0,6}?\s+(?:twice|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?\s+of|hundreds?\s+of|thousands?\s+of)\s+times)\b|\b(?:had\s+to|meant|required|needed)\b(?:\s+\S+){0,6}?\s+(?:by\s+hand|manually)\b|\b(?:anyone|any\s+user|attackers?|an\s+attacker|other\s+users|unauthenticated\s+users)\s+(?:could|can|was\s+able\s+to|were\s+able\s+to)\b|\bcomplaints?\b|\bno\s+(?:hint|clue|indication|error\s+message)\b/i;

/** A word each of PROBLEM_TOLD's forms needs: how many times, by hand, who could, a complaint, no hint. */
export const PROBLEM_TOLD_WORDS = new WordGate(["twice", "times", "hand", "manually", "anyone", "user", "users", "attacker", "attackers", "complaint", "complaints", "hint", "clue", "indication", "message"]);

/**
 * Reasons stated in the present: what users live with ("Users on Safari 15 see a blank page"),
 * a requirement from outside ("Required by PCI DSS 4.0"), or a measured gain ("2.1x faster",
 * "30% less memory"); or the reason of an earlier commit given again by reference ("for the
 * same reason as the previous change", "For similar reasons as the preceding commit", "This
 * follows the same reasoning as the preceding commit", "the same motivation as 1a2b3c4d"), or
 * the change told as the companion of an earlier one, which gives the reason of both ("This is
 * a companion patch to the previous fix to diffcore-rename", "companion patch for 211dcac6…"), or
 * its equivalent ("This commit is the equivalent to the preceding commit, but for …"); or
 * "because" as it is commonly misspelled ("becase the later does not appear in the manpage").
 */
export const STATED_REASON = /\b(?:becase|becuase|becasue|beacuse|bacause|becaues|beause|becouse|becuse)\b|\bfor\s+(?:the\s+)?(?:same|similar)\s+reasons?\s+(?:as|to)\s+(?:(?:in|for|with)\s+)?(?:the\s+|a\s+|an\s+|that\s+of\s+(?:the\s+)?)?(?:previous|preceding|prior|earlier|last|parent|above|(?=[a-f\d]*\d)[a-f\d]{7,40}\b|commits?\b|patch(?:es)?\b|changes?\b|steps?\b)|\b(?:same|similar)\s+(?:motivation|rationale|reasoning)\s+(?:as|to)\s+(?:(?:in|for|with)\s+)?(?:the\s+|a\s+|an\s+|that\s+of\s+(?:the\s+)?)?(?:previous|preceding|prior|earlier|last|parent|above|(?=[a-f\d]*\d)[a-f\d]{7,40}\b|commits?\b|patch(?:es)?\b|changes?\b|steps?\b)|\b(?:equivalent|counterpart|analogue)\s+(?:of|to)\s+(?:the\s+|commit\s+)?(?:previous|preceding|prior|earlier|last|parent)\s+(?:commits?|patch(?:es)?|changes?|steps?)\b|\bcompanion\s+(?:patch|change|commit|fix)\s+(?:to|for|of)\s+(?:the\s+|a\s+|an\s+|commit\s+)?(?:previous|preceding|prior|earlier|last|parent|(?=[a-f\d]*\d)[a-f\d]{7,40}\b)|\b(?:users?|customers?|people|clients?|readers|visitors|developers|operators)\b(?:\s+\S+){0,4}?\s+(?:see|get|hit|lose|cannot|can't|could\s+not|couldn't|have\s+to|had\s+to|are\s+unable|were\s+unable|are\s+forced|keep\s+getting|run\s+into|ran\s+into)\b|\b(?:required|mandated|demanded)\s+by\b|\b\d+(?:\.\d+)?\s?(?:x|%|times)\s+(?:faster|slower|smaller|larger|less|fewer|lower|higher)\b/i;

/** A word each of STATED_REASON's forms needs: a misspelt "because", the reason or motivation referred to, the counterpart, the people who suffer, the requirement, the comparison. */
export const STATED_REASON_WORDS = new WordGate(["becase", "becuase", "becasue", "beacuse", "bacause", "becaues", "beause", "becouse", "becuse", "reason", "reasons", "motivation", "rationale", "reasoning", "equivalent", "counterpart", "analogue", "companion", "user", "users", "customer", "customers", "people", "client", "clients", "readers", "visitors", "developers", "operators", "required", "mandated", "demanded", "faster", "slower", "smaller", "larger", "less", "fewer", "lower", "higher"]);

/** Who a change can be for: the people and programs that use the code. */
const BENEFICIARY = String.raw`(?:users?|operators?|callers?|clients?|customers?|consumers?|developers?|admins?|administrators?|maintainers?|reviewers?|translators?|contributors?|newcomers|beginners|folks|people|anyone|everyone|scripts?|teams?)`;

/**
 * A benefit for someone, which is why the change is wanted: what it lets them do ("This lets
 * operators keep the key out of the process list", "It allows callers to …"), what they need
 * no longer do ("users no longer have to run migrations against a copy"), or what they can now
 * do without ("Users can now retry a failed upload without picking the file again"), also as
 * a promise ("This will allow callers to specify more options"), a goal ("… to allow the
 * caller to be more specific") or with any subject before "us" ("Using skip_prefix lets us
 * avoid …"), also one named by what it uses or does ("so consumers of REV_INFO_INIT do not
 * need to …", "people converting their existing repositories won't have to …"). Not "This
 * allows the cache to …", which tells what the code does (allowsOwn() reads it with words of
 * its own).
 */
export const BENEFIT = new RegExp(String.raw`\b(?:this|it|which)\s+(?:(?:now|also)\s+)?(?:lets|allows|enables|helps|saves|spares)\s+(?:the\s+|our\s+)?(?:${BENEFICIARY}|us|you|them)\b|\b(?:this|it|which)\s+(?:will|would|should|can)\s+(?:also\s+)?(?:let|allow|enable|help|save|spare)\s+(?:the\s+|our\s+)?(?:${BENEFICIARY}|us|you|them)\b|\b(?:lets|allows|enables|helps)\s+us\b|\bto\s+(?:allow|let|enable)\s+(?:the\s+|our\s+)?(?:[\w/.-]+\s+)?${BENEFICIARY}\b|\b(?:${BENEFICIARY}(?:\s+of\s+[\w.()/-]+|\s+[a-z]+ing(?:\s+[\w.()/-]+){1,3}?)?|we|you)\s+(?:(?:can|will)\s+)?(?:no\s+longer\s+(?:have|need)\s+to|(?:don't|do\s+not|won't|will\s+not|doesn't|does\s+not)\s+(?:have|need)\s+to(?!\s+be\b)|need\s+not|can\s+now\b[^.!?\n]{0,80}?\bwithout)\b`, "i");

/** The verbs of BENEFIT's forms that name what the change allows or spares. */
const BENEFIT_VERBS = new WordGate(["lets", "allows", "enables", "helps", "saves", "spares", "let", "allow", "enable", "help", "save", "spare"]);
/** Who BENEFIT's last form spares a chore (BENEFICIARY, "we", "you"). */
const BENEFIT_SUBJECTS = new WordGate([
  ...["user", "operator", "caller", "client", "customer", "consumer", "developer", "admin", "administrator", "maintainer", "reviewer", "translator", "contributor", "script", "team"].flatMap((word) => [word, `${word}s`]),
  ...["newcomers", "beginners", "folks", "people", "anyone", "everyone", "we", "you"],
]);
/** What BENEFIT's last form says they no longer have to do: "no longer", "have" or "need" to, "can now … without". */
const BENEFIT_SPARED = new WordGate(["longer", "have", "need", "without"]);

/** Whether `text` has the words one of BENEFIT's forms needs: a body without them is not read. */
export function mayBenefit(text: string): boolean {
  return BENEFIT_VERBS.opens(text) || (BENEFIT_SUBJECTS.opens(text) && BENEFIT_SPARED.opens(text));
}

/**
 * What another part needs ("The autoscaler needs it to scale the workers on backlog", "so the CLI
 * can validate files before it runs"): a reason when the clause says something of its own,
 * not "so the build will work" or "needs it to compile", and not the summary again.
 */
const NEED_CLAUSE = /\b(?:so[ \t\n]+(?:that[ \t\n]+)?(?:the|our|their|its)[ \t\n]+[\w-]+[ \t\n]+(?:can|could|will|won't|no[ \t\n]+longer|doesn't|does[ \t\n]+not|don't|do[ \t\n]+not|never)|needs?[ \t\n]+(?:it|this|them|these|that)[ \t\n]+(?:to|for))\b([^.;!?\n]*)/gi;
/**
 * A goal that is only working at all ("so the build will work", "needs it to compile", "so the
 * tests pass"). "pass" with an object passes something on ("so callers can pass custom labels",
 * "so we can pass NULL to …"): a goal of its own.
 */
const EMPTY_NEED = /^\s*(?:be\s+)?(?:work|works|run|runs|pass(?:es)?(?![ \t\n]+(?!(?:again|now|too|anymore|on|in|under|with|without|when|if|once|for|everywhere|reliably|cleanly|correctly|successfully|consistently|as|at|after|before|because|since|even|also|and|or|but|so|there|here|locally|then|still)\b)[\w"'`$<(-])|compile|compiles|build|builds|read|used|use|done|happy)\b/i;

/**
 * What another part requires, in the present, with what for: "The release tooling needs a first
 * commit to tag", "the allocator requires the pool lock to be held for that", "needed by the
 * release tooling to tag …". Group 1 is the subject, group 2 what follows the verb.
 */
const REQUIREMENT = /\b((?:the|our|its|their|this|that|these|those|every|each)\s+(?:[\w'-]+\s+){0,2}?[\w'-]+)\s+(?:needs|requires|need|require)\s+(?!to\b)((?:[\w'-]+\s+){1,5}?(?:to|for|before|in\s+order\s+to)\s+[^.;!?\n]*)|\bneeded\s+by\s+(?:the|our|its|their)\s+([^.;!?\n]*)/gi;
/** Words that make the phrase before the verb no noun phrase ("This would remove the need …", "ones that do not require …"). */
const NOT_A_SUBJECT = /\s(?:the|a|an|would|could|should|will|can|may|might|must|does|do|did|not|no|is|are|was|were|and|or)\b/i;
/**
 * A subject that is the change or its new thing ("The new parser needs less memory", "This
 * change requires …", "The option is …"): no other part. Not new people ("New users can be
 * irritated by …"), nor an option named before the word, which is one of today's ("The test
 * uses the 'z' option, …, which is GNUism").
 */
const CHANGE_ITSELF = /\b(?:new(?!\s+(?:users?|contributors?|developers?|people|readers|comers)\b)|change|patch|fix|series|pr)\b|\b(?:this|that|the|an?|new|such)\s+(?:option|flag)\b|\bthis\s+(?:commit|version)\b/i;

/**
 * What kind of value a part expects, in the present: "color.branch.* configuration variables
 * expect a string value", "fetch.depth requires an integer argument". Group 1 is the word
 * before the verb.
 */
const VALUE_EXPECTED = /([\w.*'-]+)\s+(?:expects?|requires?|needs?|wants?|takes?)\s+(?:an?\s+)?(?:(?:non-?\w+|valid|proper|single)\s+)?(?:string|boolean|bool|integer|int|numeric|number|path(?:name)?|pointer)\s+(?:value|argument|parameter)s?\b/gi;

/** Whether the body says what kind of value a part of today's code expects (VALUE_EXPECTED), not the new thing. */
function expectsValue(text: string): boolean {
  const lower = lowered(text);
  if (!lower.includes("value") && !lower.includes("argument") && !lower.includes("parameter")) return false;
  if (!text.includes("xpect") && !text.includes("equire") && !text.includes("need") && !text.includes("take") && !text.includes("want")) return false;
  VALUE_EXPECTED.lastIndex = 0;
  for (let match = VALUE_EXPECTED.exec(text); match !== null; match = VALUE_EXPECTED.exec(text)) {
    const head = sentenceBefore(text, match.index + match[0].length);
    if (!NOT_A_SUBJECT.test(` ${match[1]}`) && !CHANGE_ITSELF.test(head) && !AFTER_CHANGE.test(head) && tellsToday(text, match.index, NOT_TODAY)) return true;
  }
  return false;
}

/**
 * What "we" need, and what for, told as a clause of its own: "We need the base blob to compute
 * a delta to be sent to the server". Group 1 is what is needed and what for. Not "we need to"
 * (needTold() reads it), nor "we need not".
 */
const WE_NEED = /(?:^|[.!?;,:][ \t\n]+|\n[ \t]*)[Ww]e[ \t\n]+(?:(?:really|only|also|still)[ \t\n]+)?need[ \t\n]+(?!to\b|not\b|no\b)((?:[\w'-]+[ \t\n]+){1,5}?(?:to|for|in[ \t\n]+order[ \t\n]+to)[ \t\n]+[^.;!?\n]*)/g;

/**
 * Whether the head of a sentence (its words before a reading's match) puts what follows out of
 * today's code: a condition, the time after the change or later work, and with `ofChange` the
 * change itself or its new thing.
 */
function notOfToday(head: string, ofChange: boolean): boolean {
  return CONDITION.test(head) || (ofChange && CHANGE_ITSELF.test(head)) || AFTER_CHANGE.test(head) || LATER_OR_YET.test(head);
}

/** Whether the body says what "we" need and what for (WE_NEED), in words of its own, outside a condition and not after the change. */
function weNeed(text: string, summary: string): boolean {
  // The pattern allows a line break between the words, as a body wrapped at 72 has them.
  if (!/e[ \t\n]+need/.test(text)) return false;
  WE_NEED.lastIndex = 0;
  for (let match = WE_NEED.exec(text); match !== null; match = WE_NEED.exec(text)) {
    const needed = match.index + match[0].length - match[1].length;
    if (notOfToday(sentenceBefore(text, needed), false)) continue;
    if (saysItsOwn(match[1], summary, 2) && tellsToday(text, needed, NOT_TODAY)) return true;
  }
  return false;
}

/**
 * Whether the body says what another part needs (NEED_CLAUSE, REQUIREMENT) or what "we" need
 * (WE_NEED), in words of its own and not the summary's, or what kind of value it expects
 * (VALUE_EXPECTED).
 */
export function statesNeed(text: string, summary: string): boolean {
  if (expectsValue(text)) return true;
  const lower = lowered(text);
  const need = lower.includes("need");
  // NEED_CLAUSE needs "need" or "so" before "the", "that", "their", "our" or "its"; REQUIREMENT "need" or "require".
  if (need || /so\s+[toi]/.test(lower)) {
    NEED_CLAUSE.lastIndex = 0;
    for (let match = NEED_CLAUSE.exec(text); match !== null; match = NEED_CLAUSE.exec(text)) {
      if (!EMPTY_NEED.test(match[1]) && saysItsOwn(match[1], summary, 3)) return true;
    }
  }
  if (need && weNeed(text, summary)) return true;
  if (!need && !lower.includes("require")) return false;
  REQUIREMENT.lastIndex = 0;
  for (let match = REQUIREMENT.exec(text); match !== null; match = REQUIREMENT.exec(text)) {
    const clause = match[3] ?? `${match[1]} ${match[2]}`;
    if (match[1] !== undefined && (CHANGE_ITSELF.test(match[1]) || NOT_A_SUBJECT.test(match[1]))) continue;
    // "The test needs a fixture to run": what it is needed for must be more than working at all.
    const purpose = /\b(?:to|for|before)\s+(.*)$/i.exec(match[2] ?? match[3])?.[1] ?? "";
    if (EMPTY_NEED.test(purpose) || !tellsToday(text, match.index, NOT_TODAY)) continue;
    // Who needs it is the news: the object may well be the summary's ("the allocator requires the
    // pool lock …" under "Take the pool lock …").
    const who = match[1] ?? match[3];
    if (saysItsOwn(who, summary, 1) && saysItsOwn(clause, "", 3)) return true;
  }
  return false;
}

/**
 * A sentence that opens on what the change is for, an infinitive of a goal and a comma before
 * the main clause: "To reduce wasted memory, wait until …", "To keep the hook fast, the config
 * is read lazily", "To facilitate having this function called later …, accept …"; also at a line's start, where a wrapped sentence may open. Only verbs that
 * name a goal: "To test, run …", "To use it, …", "To enable it, set …" and "To reproduce: …"
 * give instructions. PURPOSE_OPENING's group 1 is the purpose's verb, and the purpose clause
 * runs from it to the comma where PURPOSE_MAIN_CLAUSE matches (see openingClauses).
 */
const PURPOSE_OPENING = new RegExp(String.raw`(?:${SENTENCE_OPENING}|\n[ \t]*)To\s+((?:(?:\w+ly|further|also|even)\s+)?(?:avoid|prevent|facilitate|ease|reduce|cut|lower|limit|keep|speed\s+up|save|free\s+up|spare|allow|ensure|make\s+sure|support|simplify|stop|protect|guard\s+against|unblock|eliminate|minimi[sz]e|maximi[sz]e|accommodate|comply\s+with|conform\s+to|stay|remain|improve|shorten|preserve|mitigate|work\s+around|get\s+rid\s+of|fix|solve|resolve|address|help|let|match|honou?r|respect|prepare\s+for|be\s+able\s+to|make\s+(?:\S+\s+){1,4}?(?:easier|simpler|safer|faster|clearer|cheaper|smaller|possible|consistent|more|less|robust|reliable|fast|cheap|small|safe|predictable|deterministic|testable|readable)))\b`, "g");
const PURPOSE_MAIN_CLAUSE = /,\s+\S+\s+\S/y;

/**
 * Whether a sentence opens on a purpose clause (PURPOSE_OPENING) that says something of its
 * own: two content words or more, mostly not the summary's ("To fix this, …" points back at a
 * problem told elsewhere; "To keep the hook fast, …" under "Keep the hook fast" repeats it).
 */
export function opensOnPurpose(text: string, summary: string): boolean {
  for (const { opener, clause } of openingClauses(text, PURPOSE_OPENING, PURPOSE_MAIN_CLAUSE)) {
    if (saysItsOwn(opener[1] + clause, summary, 2)) return true;
  }
  return false;
}

/**
 * "so" and a clause with a subject of its own as the change's purpose: "so the repository has a
 * first commit", "so every run prints the same order", "… so the history starts somewhere"
 * (one to three words after the determiner, then a modal or a verb in -s). Not "do so", "if
 * so", "even so", "not so" or "make it so the dialog closes", which describes the behaviour.
 * Group 1 is the clause from its subject on, group 2 its verb, group 3 the rest.
 */
const SO_PURPOSE = /(?<!\b(?:do|does|did|doing|done|if|even|not|just|quite|only)\s+|\b(?:make|makes|made|making)\s+(?:it|things|this)\s+)\bso\s+((?:the|a|an|this|our|its|their|every|each|any)\s+(?:[\w'-]+\s+){1,3}?(can|could|will|would|won't|wouldn't|can't|cannot|doesn't|does\s+not|don't|do\s+not|isn't|aren't|no\s+longer|never|always|is|are|has|have|gets|get|stays|stay|keeps|keep|remains|remain|[a-z]+[^s\W]s)\b([^.;!?\n]*))/gi;
const MODAL = /^(?:can|could|will|would|won't|wouldn't|can't|cannot|doesn't|does\s+not|don't|do\s+not|isn't|aren't|no\s+longer|never|always)$/i;

/**
 * Where `text` gives a purpose with "so" and a clause (SO_PURPOSE) that says something of its
 * own: three content words, mostly not `summary`'s, and not an empty goal ("so the build works",
 * "so the tests will pass"). The start and end of the clause, or null.
 */
export function soPurposeAt(text: string, summary: string): [number, number] | null {
  SO_PURPOSE.lastIndex = 0;
  for (let match = SO_PURPOSE.exec(text); match !== null; match = SO_PURPOSE.exec(text)) {
    const tail = MODAL.test(match[2]) ? match[3] : ` ${match[2]}${match[3]}`;
    if (EMPTY_NEED.test(tail)) continue;
    // In a summary, the clause is compared with what comes before it.
    const against = summary === "" ? text.slice(0, match.index) : summary;
    if (saysItsOwn(match[1], against, 3)) return [match.index, match.index + match[0].trimEnd().length];
  }
  return null;
}

/**
 * "so" and a clause whose subject is "we", "you" or the people who use the code, with a modal or
 * a negation: the change's purpose for them ("so we don't rely on the wrapper being installed",
 * "so we can call the first part independently", "so callers can pass custom labels"). Without
 * the modal it draws a consequence as often ("X is slow so we cache it"), and "it" or "they" is
 * as often the new thing ("They're high-level so they won't break with the rewrite"). "such
 * that" gives the purpose as "so that" does ("… such that callers don't accidentally rely on
 * that global variable"). Group 1 is the clause from its subject on, group 2 the rest after the
 * modal.
 */
const SO_PRONOUN_PURPOSE = new RegExp(String.raw`(?<!\b(?:do|does|did|doing|done|if|even|not|just|quite|only|and)\s+|\b(?:make|makes|made|making)\s+(?:it|things|this)\s+)\b(?:so[ \t\n]+(?:that[ \t\n]+)?|such[ \t\n]+that[ \t\n]+)((?:we|you|${BENEFICIARY})[ \t\n]+(?:can|could|will|won't|wouldn't|can't|cannot|don't|do[ \t\n]+not|doesn't|does[ \t\n]+not|no[ \t\n]+longer|need[ \t\n]+not|needn't|may|might)\b([^.;!?]*))`, "gi");

/**
 * Whether the body gives the change's purpose as "so", a pronoun and a modal (SO_PRONOUN_PURPOSE)
 * in words of its own: three content words, mostly not `summary`'s, and not an empty goal ("so
 * it will work", "so we can build").
 */
export function soPronounPurpose(text: string, summary: string): boolean {
  const lower = lowered(text);
  if (!lower.includes("so") && !lower.includes("such")) return false;
  SO_PRONOUN_PURPOSE.lastIndex = 0;
  for (let match = SO_PRONOUN_PURPOSE.exec(text); match !== null; match = SO_PRONOUN_PURPOSE.exec(text)) {
    if (EMPTY_NEED.test(match[2])) continue;
    if (saysItsOwn(match[2], summary, 3)) return true;
  }
  return false;
}

/**
 * "so", "it" or "they" and a modal or a negation after an order that opens the sentence: what
 * the order is for ("Add test-run-command to .gitignore so it does not pollute the status
 * output", "Add a member to the packet reader so it can parse references correctly"). An order
 * draws no consequence, so the pronoun's clause can only be its purpose; after a statement it is
 * as often a consequence ("They're high-level so they won't break …"). Group 1 is the rest after
 * the modal.
 */
const SO_IT_PURPOSE = /\bso[ \t\n]+(?:that[ \t\n]+)?(?:it|they)[ \t\n]+(?:can|could|will|won't|can't|cannot|doesn't|does[ \t\n]+not|don't|do[ \t\n]+not|no[ \t\n]+longer|may|might)\b([^.;!?]*)/gi;
/** An order's verb at a sentence's start, after a list marker or an adverb of the order at most. */
const SENTENCE_VERB = /^\s*(?:[-*+\u2022]\s+)?(?:(?:also|just|simply|then|instead|now)\s+)?([A-Za-z]+)\b/i;

/**
 * Whether the body gives an order's purpose as "so it …" or "so they …" (SO_IT_PURPOSE) in
 * words of its own: three content words, mostly not `summary`'s, and not an empty goal ("so it
 * will work").
 */
export function orderedPurpose(text: string, summary: string): boolean {
  SO_IT_PURPOSE.lastIndex = 0;
  for (let match = SO_IT_PURPOSE.exec(text); match !== null; match = SO_IT_PURPOSE.exec(text)) {
    if (EMPTY_NEED.test(match[1]) || !saysItsOwn(match[1], summary, 3)) continue;
    const sentence = sentenceBefore(text, match.index);
    const verb = SENTENCE_VERB.exec(sentence);
    if (verb === null) continue;
    const word = verb[1].toLowerCase();
    const end = verb.index + verb[0].length;
    if ((CHANGE_VERBS.has(word) || FIX_VERBS.has(word)) && lemmatize(word) === word && isImperativeAt(sentence, end)) return true;
    if (toldAct(sentence, word, end)) return true;
  }
  return false;
}

/** "I", "we" or "this" (with "patch", "change", "commit" or "series") opening the sentence of the act, and the verb after it. */
const ACT_SUBJECT = /^\s*(?:I|[Ww]e|[Tt]his(?:[ \t\n]+(?:patch|change|commit|series))?)[ \t\n]+(?:(?:also|just|simply|then|now)[ \t\n]+)?([a-z]+)\b/;

/**
 * Whether the sentence opening with `word` (ending at `end`) tells the change's act other than
 * by an order: in the past ("Moved the helper to util.c so it can …", not "Rebased it …"; see
 * pastActAt), or with the writer or the change as its subject ("I moved …", "We move …", "This
 * moves …"). The "so it" purpose after it is the act's as after an order.
 */
function toldAct(sentence: string, word: string, end: number): boolean {
  const lemma = lemmatize(word);
  if (lemma !== word && (CHANGE_VERBS.has(lemma) || FIX_VERBS.has(lemma)) && pastActAt(sentence, end, lemma)) return true;
  const subject = ACT_SUBJECT.exec(sentence);
  if (subject === null) return false;
  const verb = subject[1];
  const base = lemmatize(verb);
  // "This moves" and "We move" or "I moved": a change verb; "This is", "We need" are none.
  return (CHANGE_VERBS.has(base) || FIX_VERBS.has(base)) && (/^[Tt]his/.test(subject[0].trimStart()) ? verb.endsWith("s") : true) && pastActAt(sentence, subject.index + subject[0].length, base);
}

/**
 * What the change improves: "This reduces our reliance on global state", "This shrinks the
 * struct from 128 bytes to 120", "This simplifies the code", "…, reducing code duplication",
 * "this change improves the performance as follows", "This decreases the coupling between …".
 * What the change makes easier, or what the old code made hard: "This makes a follow-up commit
 * easier to read", "… and makes it easier to read", "This makes it impossible to …", "to make it
 * easier to see what is going on", "This makes it clear that …", "This makes it explicit that …", "The resulting patch makes it a
 * lot easier to understand …", "This patch makes it all consistent"; a judgement of the old or the new way: "It's useful for small
 * series", "This is considered a bad practice", "It is customary to …", "it is a good idea to
 * …"; a convention: "It is common to …", "it is more idiomatic to …", "This is more
 * consistent with the project style", "We generally prefer xstrdup", "elsewhere we tend to use
 * strchr()", "we typically pass around flags via unsigned integers", "According to Documentation/CodingGuidelines, …", or, without a subject at a
 * sentence's start (SENTENCE_OPENING: also after a blank line or a list marker), "Might be
 * useful to …"; or that the old code was superfluous: "There is no need to …", "There's no
 * reason for it to …"; also as a participle after a comma, with no subject: "…, making the code
 * clearer and easier to read", "…, making it hard to understand", "…, removing the need to set the
 * font for specific widgets". Not "makes it possible", which as often describes the new feature,
 * nor "consistent with" alone.
 */
export const JUDGED_EFFECT = new RegExp(String.raw`(?:\b(?:(?:this|which|doing\s+so)\s+(?:(?:change|commit|patch|series|rewrite|conversion|refactoring)\s+)?(?:also\s+|should\s+|will\s+|would\s+|further\s+)?(?:reduces?|shrinks?|shortens?|simplif(?:y|ies)|speeds?\s+up|improves?|eliminates?|avoids?|cuts?|lowers?|decreases?|lessens?|eases?)\s+(?!to\b|by\b)(?=\w)|,\s+(?:thereby\s+|thus\s+|further\s+)?(?:reducing|shrinking|shortening|simplifying|eliminating|avoiding|improving)\s+(?!to\b|by\b)(?=\w)|,\s+(?:thereby\s+|thus\s+|also\s+)?removing\s+the\s+need\s+(?:to|for)\s+(?=\w)|(?:(?:this|that|which|it|doing\s+so|and|(?:this|the)\s+(?:resulting\s+)?(?:patch|change|commit|result|rewrite|conversion))\s+(?:also\s+|should\s+|will\s+|would\s+)?(?:makes?|made)|,\s+(?:thereby\s+|thus\s+|also\s+)?making)\s+(?:[\w'\`-]+,?\s+){0,8}?(?:easier|consistent|simpler|clearer|cleaner|safer|shorter|clear\s+(?:that|what|why|how|which)|explicit\s+(?:that|what|why|how|which)|impossible|harder|difficult|hard|awkward|cumbersome|error-prone|more\s+(?:readable|obvious|robust|consistent|natural|convenient|efficient|portable|flexible|reliable|maintainable|idiomatic)|less\s+[\w-]+(?:dependent|prone|specific)|(?:posix\s+)?compliant|portable)|(?:this|the\s+(?:code|logic|result|(?:new|resulting|resultant|rewritten|refactored)\s+(?:code|logic|implementation)))\s+is\s+(?:(?:much|a\s+bit|slightly|also)\s+)?(?:shorter|simpler|cleaner|clearer|easier\s+to\s+(?:read|follow|understand|maintain)|more\s+(?:readable|flexible|efficient|robust|portable))|to\s+make\s+(?:it|things|this|them|the\s+\w+)\s+(?:easier|simpler|clearer|more\s+(?:readable|obvious))|(?:it(?:'s|\s+is|\s+can\s+be|\s+would\s+be|\s+may\s+be|\s+might\s+be)|this\s+is|that\s+is|is\s+considered)\s+(?:(?:also|very|quite|often|sometimes|generally|much|more)\s+)*(?:useful|helpful|handy|convenient|preferable|desirable|customary|common|conventional|idiomatic|more\s+consistent|(?:a\s+)?(?:good|bad)\s+(?:idea|practice)|good\s+to)|there(?:'s|\s+is|\s+was)\s+no\s+(?:need|reason|point)\s+(?:to|for)|we\s+(?:(?:generally|usually|normally|typically|always|tend\s+to)\s+)?prefer|we\s+(?:(?:generally|usually|normally|typically)\s+)?tend\s+to\s+(?:use|prefer|write|avoid|spell)|we\s+(?:usually|normally|typically|commonly|traditionally)\s+(?!(?:do|does|can|could|will|would|cannot|can't|don't)\b)[a-z]{2,}|according\s+to\s+(?:the\s+|our\s+)?(?:[\w/.-]*codingguidelines|coding\s+(?:guidelines|style|conventions?)|style\s+guide)|codingguidelines\s+(?:says?|suggests?|recommends?|requires?|asks?|tells?))|${SENTENCE_OPENING}(?:might|may|could|would)\s+be\s+(?:useful|helpful|handy|convenient|nice))\b`, "i");

/** A word each of JUDGED_EFFECT's forms needs: the effect's verb, the judging adjective, "need", "prefer", "tend", the habit's adverb, the guidelines. */
export const JUDGED_EFFECT_WORDS = new WordGate(["reduce", "reduces", "shrink", "shrinks", "shorten", "shortens", "simplify", "simplifies", "speed", "speeds", "improve", "improves", "eliminate", "eliminates", "avoid", "avoids", "cut", "cuts", "lower", "lowers", "decrease", "decreases", "lessen", "lessens", "ease", "eases", "reducing", "shrinking", "shortening", "simplifying", "eliminating", "avoiding", "improving", "removing", "make", "makes", "made", "making", "shorter", "simpler", "cleaner", "clearer", "easier", "more", "useful", "helpful", "handy", "convenient", "preferable", "desirable", "customary", "common", "conventional", "idiomatic", "consistent", "good", "bad", "need", "reason", "point", "prefer", "tend", "usually", "normally", "typically", "commonly", "traditionally", "according", "codingguidelines", "nice"]);

/** Qualities one way has over another ("more portable", "more descriptive"). */
const VIRTUE = String.raw`(?:readable|obvious|robust|consistent|natural|convenient|efficient|portable|flexible|reliable|maintainable|idiomatic|intuitive|logical|sensible|appropriate|descriptive|understandable|accurate|useful|helpful|explicit|precise)`;
/** A comparison in favour of one way: "shorter", "easier", "more portable", "less cryptic". */
const BETTER = String.raw`(?:shorter|simpler|cleaner|clearer|nicer|safer|faster|easier|better|more\s+${VIRTUE}|less\s+(?:cryptic|confusing|error-prone|verbose|fragile|surprising|awkward|ugly|wasteful))`;

/**
 * One way judged better than another, the old or the new: "That's shorter, simpler and the
 * intent becomes clearer", "It's easier to translate this way", "Which tends to be a lot more
 * useful", "strchr() is more portable than index()", "^{commit} is clearer", "PATH_MAX seems
 * to be more commonly used", "Use the shorter and more idiomatic $(addsuffix)", "describes much
 * better what this mode does", "It better describes the intent", "names that better reflect
 * what they are a part of", "to make the manpage more intuitive", "Just makes the code easier
 * to follow", "it'd be better to do an actual glob", "to get better debugging information",
 * a quality of any kind as the goal ("to make these more discoverable", "to make the output
 * more friendly to mouse copy-paste", "to make it less noisy"; not room or a number of things
 * made, "to make room for more branches", "to make the cache hold more entries");
 * consistency as a degree ("to be more consistent with the rest of git", "for a little extra
 * consistency"); a convention ("This is the usual convention", "Our usual style these days is
 * to …"); or that the old code was superfluous, without "there is" ("No need to duplicate that
 * functionality", "…, no need for manual filtering"); a virtue as what the change is for ("for
 * better readability", "for simplifying the output of upstream branch names", "just for
 * convenience", "Add it for completeness", "for clearer failures and consistency"; not "a test for readability of the output"); a match with the rest ("so it matches other instances in sequencer.c", "Make the
 * documentation page consistent with the usage string"). Not "most useful with --all", which
 * tells how to use the new thing, nor "in the usual way", which tells how the change is made,
 * nor a size or a speed of any subject ("The new header is shorter than the record").
 */
export const JUDGED_BETTER = new RegExp(String.raw`\b(?:(?:it|that|this|which)(?:'s|\u2019s|\s+is|\s+was|\s+(?:would|will|should)\s+be|(?:'d|\u2019d)\s+be|\s+tends\s+to\s+be|\s+seems)\s+(?:(?:much|a\s+lot|a\s+bit|slightly|also|just|far|way|simply|marginally|even)\s+)*${BETTER}|(?:is|are|seems?)\s+(?:(?:much|far|a\s+lot|a\s+bit|slightly|also)\s+)?(?:clearer|cleaner|simpler|nicer|more\s+${VIRTUE})|(?:is|are|seems\s+to\s+be)\s+(?:(?:much|far)\s+)?(?:more|most)\s+(?:commonly|widely)\s+used|more\s+(?:idiomatic|readable|portable|robust|efficient|intuitive|descriptive|understandable|maintainable|reliable|logical|sensible)|(?:describes?|explains?|reflects?|conveys?|expresses?)\s+(?:[\w'-]+\s+){0,3}?(?:(?:much|far|a\s+lot)\s+)?better|better\s+(?:describes?|explains?|reflects?|conveys?|expresses?|captures?|suits?|fits?|matches)|to\s+(?:make\s+(?:[\w.'\`-]+\s+){1,3}?|(?:get|give|have)\s+)(?:(?:a\s+little|a\s+bit|slightly|much)\s+)?(?:${BETTER}|consistent)|to\s+make\s+(?:(?!(?:room|space|way|sure|for|of|to|in|on|at|by|from|with|into)\b)[\w.'\`-]+\s+){1,3}?(?:(?:a\s+little|a\s+bit|slightly|much|far|a\s+lot)\s+)?(?:more|less)\s+(?!(?:than|of|and|or|to|in|on|for|with|the|a|an|it|this|that)\b)(?![a-z-]*[^su\W]s\b)[a-z][a-z-]{3,}|(?:more|less)\s+(?:in)?consistent|(?:extra|more|better|greater|added)\s+consistency|(?:usual|customary|established|prevailing|preferred)\s+(?:coding\s+)?(?:style|convention|practice|idiom)s?|(?<!\b(?:tests?|checks?|checking|testing|support|look|looking|search|searching)\s+)for\s+(?:the\s+sake\s+of\s+|(?:better|more|improved|added|extra|easier)\s+)?(?:simplicity|clarity|readability|brevity|consistency|robustness|portability|convenience|maintainability|completeness|symmetry|simplifying|clarifying)|so\s+(?:that\s+)?(?:it|they)\s+(?:matches|match|agrees?\s+with|(?:is|are)\s+consistent\s+with)|(?<!\b(?:tests?|checks?|checking|testing|support|look|looking|search|searching)\s+)for\s+(?:clearer|cleaner|simpler|safer|easier|nicer)\s+(?!than\b)[a-z][\w-]*)\b|(?:${SENTENCE_OPENING}|,\s+)no\s+need\s+(?:to|for)\b|${SENTENCE_OPENING}Make\s+(?:[\w.'\x60"-]+\s+){1,6}?consistent\s+with\b|${SENTENCE_OPENING}(?:(?:just|also|simply)\s+)?makes\s+(?:[\w'\`-]+,?\s+){0,8}?(?:easier|simpler|clearer|cleaner|easy\s+to|more\s+${VIRTUE})\b`, "i");

/** A word each of JUDGED_BETTER's forms needs: the comparative, "better", the consistency, the convention, the virtue sought, the match, "need". */
export const JUDGED_BETTER_WORDS = new WordGate(["shorter", "simpler", "cleaner", "clearer", "nicer", "safer", "faster", "easier", "better", "more", "less", "commonly", "widely", "consistent", "consistency", "style", "styles", "convention", "conventions", "practice", "practices", "idiom", "idioms", "simplicity", "clarity", "readability", "brevity", "robustness", "portability", "convenience", "maintainability", "completeness", "symmetry", "simplifying", "clarifying", "matches", "match", "agree", "agrees", "need", "easy"]);

/**
 * What made the change possible or needed, and what it spares: "Now that run_command
 * implements the same code, we can make use of it", "It's not useful anymore now that we have
 * …"; "This hopefully will prevent folks from …", "… but would get in the way of future
 * changes"; a benefit: "This gives callers more control"; the intent told as a noun ("The
 * intent is to make git-commit(1) feel more like a manual page"); what it helps do ("would help
 * spot real bugs later", "This will help cherry-pick work with alternate ref storage backends",
 * "This should help me track down errors"); the hope it is made in ("…, in hopes maybe some
 * others will want to contribute", "in the hope that …", "in the hope of catching …"). Not "This
 * will help readers of the parser code", which says too little (see BENEFIT for whom a change
 * helps).
 */
export const ENABLES = /\b(?:now\s+that\s+(?=\w)|(?:this|it|which)\s+(?:(?:also|will|would|should)\s+)?gives?\s+(?:(?:the\s+)?[\w-]+\s+)?(?:more|better|a\s+better|greater|finer)\s+(?:control|idea|flexibility|freedom|information|feedback|view|overview|chance|insight|understanding|picture)|(?:this|that|which|it|doing\s+so)\s+(?:(?:also|hopefully|probably|really|greatly)\s+)?(?:would|will|should|could|might)\s+(?:(?:also|hopefully|probably|really|greatly)\s+)?prevent|(?:would|will|could|might)\s+get\s+in\s+the\s+way|(?:(?:this|it|which|that)\s+(?:(?:will|would|should|could|might)\s+)?(?:also\s+)?helps?|(?:will|would|should|could|might)\s+(?:also\s+)?help)\s+(?:[\w-]+\s+){0,3}?(?:to\s+)?(?:spot|catch|find|avoid|prevent|debug|diagnose|detect|track\s+down|identify|reduce|work\s+with)|the\s+(?:main\s+|whole\s+|real\s+|original\s+)?(?:intent|intention|idea|goal|aim|purpose|point|motivation)\s+(?:here\s+|behind\s+this\s+|of\s+this\s+[\w-]+\s+)?(?:is|was)\s+(?:to|that)|(?:in|with)\s+(?:the\s+)?hopes?\s+(?:that|of\s+[a-z]+ing|to\s+[a-z]+)|in\s+hopes\s+(?!of\b|for\b)[a-z]+)\b/i;

/** A word each of ENABLES's forms needs, but for "now that" (see mayEnable). */
export const ENABLES_WORDS = new WordGate(["give", "gives", "prevent", "way", "help", "helps", "intent", "intention", "idea", "goal", "aim", "purpose", "point", "motivation", "hope", "hopes"]);

const NOW = new WordGate(["now"]);
const THAT = new WordGate(["that"]);

/** Whether `text` has the words one of ENABLES's forms needs: a body without them is not read. */
export function mayEnable(text: string): boolean {
  return ENABLES_WORDS.opens(text) || (NOW.opens(text) && THAT.opens(text));
}

/**
 * What the change makes possible or easy, with the change or its part as the subject: "This
 * makes it possible to fetch many commits at once", "These calls make it possible to have the
 * make command in a config file", "it makes it easy to script the programs that …", "… to make
 * it possible to …". Group 1 is what it makes possible, up to the sentence's end. Not "Make it
 * possible to …" or "Let's make it possible …", orders that describe the change.
 */
const MAKES_POSSIBLE = /\b(?:(?:this|that|which|it|(?:this|these|those)\s+[\w-]+)\s+(?:(?:also|should|will|would|now)\s+)?(?:makes?|made)|to\s+make)\s+(?:it\s+)?(?:possible|easy)\s+(?:for\s+[\w-]+\s+)?to\s+((?:[^.;!?]|\.(?=\S)|(?<=\b(?:e\.g|i\.e))\.){0,200})/gi;

/**
 * Whether the body says what the change makes possible (MAKES_POSSIBLE) in words of its own:
 * four content words, mostly not the summary's. "This makes it possible to set it per run"
 * under "Add a --block-size option" only says again what the option does.
 */
export function makesPossible(text: string, summary: string): boolean {
  if (!text.includes("possible") && !text.includes("easy")) return false;
  MAKES_POSSIBLE.lastIndex = 0;
  for (let match = MAKES_POSSIBLE.exec(text); match !== null; match = MAKES_POSSIBLE.exec(text)) {
    if (saysItsOwn(match[1], summary, 4)) return true;
  }
  return false;
}

/**
 * A fault found with how things are, a copula and a judging adjective: "The code was a bit
 * unclear in expressing what it wants", "which is inconsistent", "It is pointless", "using
 * environment variables is very cumbersome", "The boilerplate to set this up is unfortunate",
 * "This is undesirable", "Use of strlcpy() are wrong", "It's not portable", "merges_option is
 * unused", "The language … is overly complicated", "That's clearly moronic", "anything else is
 * just crazy", "An earlier leakfix … was incomplete", "The system regex is either slow or buggy",
 * "The parameter marker was garbled", "the name … was misspelled in a comment", "reacting with a
 * segmentation fault is unduly harsh"; a quality it lacks: "it wasn't all that clear at all what
 * the thing does", "It is not immediately obvious how to use …", "The extra code is not
 * necessary", "Adding a declaration … is not sufficient", "Double click on … is not possible".
 */
const FAULT_FOUND = /\b(?:is|are|was|were|'s|seems?|looks?|feels?|ha(?:s|ve)\s+been)\s+(?:\w+ly\s+|just\s+)?(?:(?:either\s+)?[\w-]+\s+(?:and|or)\s+)?(?:(?:quite|very|rather|a\s+bit|somewhat|a\s+little|too)\s+)?(?:unfortunate|slow|messed[- ]up|garbled|mangled|misspel(?:led|t)|annoying|confusing|painful|tedious|error-prone|cumbersome|awkward|ugly|misleading|unnecessary|wasteful|pointless|useless|redundant|silly|odd|strange|weird|inconsistent|suboptimal|fragile|brittle|overkill|excessive|cryptic|unclear|unreadable|hard\s+to|difficult\s+to|undesirable|unwanted|wrong|incorrect|bogus|buggy|racy|unsafe|insecure|inefficient|unintuitive|counter-?intuitive|surprising|unexpected|problematic|questionable|dubious|convoluted|(?:overly|unduly)\s+\w+|unreliable|unportable|non-?portable|not\s+portable|outdated|stale|obsolete|unused|superfluous|meaningless|dangerous|risky|(?:not|less\s+than)\s+ideal|a\s+waste|deprecated|moronic|stupid|dumb|insane|crazy|horrible|terrible|hacky|sloppy|insufficient|inadequate|incomplete)\b|\b(?:is|are|was|were)(?:n't|\s+not)\s+(?:(?:very|all\s+that|entirely|quite|really|particularly|strictly|always|immediately)\s+)?(?:clear|obvious|intuitive|helpful|necessary|needed|sufficient|adequate|enough|accurate|correct|possible)\b|\bcan\s+(?:easily\s+)?be\s+(?:misunderstood|misread|misleading|confusing|confused|surprising|irritated|overlooked)\b/gi;
/**
 * The words FAULT_FOUND judges with, one of which each of its forms needs: the fault ("slow",
 * "error-prone", "not ideal", "a waste"), what a thing is not ("clear", "needed") or how it can be
 * taken ("misread").
 */
const FAULT_WORDS = new WordGate([
  ...["unfortunate", "slow", "messed", "garbled", "mangled", "misspelled", "misspelt", "annoying", "confusing", "painful", "tedious", "error", "cumbersome", "awkward", "ugly", "misleading", "unnecessary", "wasteful", "pointless", "useless", "redundant", "silly", "odd", "strange", "weird", "inconsistent", "suboptimal", "fragile", "brittle", "overkill", "excessive", "cryptic", "unclear", "unreadable", "hard", "difficult", "undesirable", "unwanted", "wrong", "incorrect", "bogus", "buggy", "racy", "unsafe", "insecure", "inefficient", "unintuitive", "counterintuitive", "counter", "surprising", "unexpected", "problematic", "questionable", "dubious", "convoluted", "overly", "unduly", "unreliable", "unportable", "nonportable", "non", "portable", "outdated", "stale", "obsolete", "unused", "superfluous", "meaningless", "dangerous", "risky", "ideal", "waste", "deprecated", "moronic", "stupid", "dumb", "insane", "crazy", "horrible", "terrible", "hacky", "sloppy", "insufficient", "inadequate", "incomplete"],
  ...["clear", "obvious", "intuitive", "helpful", "necessary", "needed", "sufficient", "adequate", "enough", "accurate", "correct", "possible"],
  ...["misunderstood", "misread", "confused", "irritated", "overlooked"],
]);

/**
 * A fault in how today's code does something, told by an adverb of manner before its verb: "The
 * synopsis and description inconsistently add a '='", "… needlessly copies the buffer", "calls
 * to write(3P) where we don't properly handle interrupts", "… fails to correctly quote …";
 * something kept that is not needed: "were including \"delta.h\" without actually needing it";
 * or work done twice: "This command duplicates functionality of the '%s' pretty format", "Many
 * tests … repeat the same pattern", "The same clean-up code is repeated quite a few times".
 */
const FAULTY_MANNER = /\b(?:inconsistently|incorrectly|wrongly|needlessly|unnecessarily|erroneously|mistakenly|redundantly|inefficiently)\s+(?!by\b|so\b|and\b|or\b)[a-z]{2,}\b|\b(?:do|does|did)(?:n't|\s+not)\s+(?:properly|correctly)\s+[a-z]{2,}\b|\bfails?\s+to\s+(?:properly|correctly)\b|\bwithout\s+(?:actually\s+|really\s+|even\s+)?(?:needing|using)\s+(?:it|them)\b|\bduplicates?\s+(?:(?:the|some|much|all|most)\s+(?:of\s+(?:the\s+)?)?)?(?:functionality|code|logic|work|effort)\b|\b(?:repeats?|repeating)\s+the\s+same\b|\bthe\s+same\s+[\w-]+(?:\s+[\w-]+)?\s+(?:is|are|gets?)\s+(?:\w+\s+)?repeated\b|\b(?:ha(?:s|ve)|had)\s+the\s+same\s+[\w-]+(?:\s+[\w-]+)?\s+repeated\b/gi;

/** Whether the body tells a fault of manner (FAULTY_MANNER) of today's code, not of the new thing. */
export function faultyManner(text: string): boolean {
  return (text.includes("ly") || text.includes("duplicate") || text.includes("repeat") || text.includes("without")) && toldOfToday(text, FAULTY_MANNER, aboutAfterChange);
}

/**
 * A limit or an awkwardness of today told with "currently": "Currently, verify_signed_buffer()
 * returns the user facing output only", "a function to free a list of refs, which we currently
 * never actually do", "Currently installing gitweb requires to give a target directory",
 * "subtree currently defines its own `say` implementation, rather than using …". Not the new
 * thing's limit ("It currently only verifies the index …, it doesn't … yet", "Currently, it only
 * checks url, but it will allow other things in the future").
 */
const CURRENT_LIMIT = /\bcurrently,?\s+(?:[^.!?;\n]|\n(?![ \t]*\n)){0,120}?(?:\b(?:only|never|cannot|not|no\s+way|requires?|has\s+to|have\s+to|must|rather\s+than|instead\s+of)\b|n't\b)/gi;
/** Words of a sentence that speak of the new thing's limit: what it will do later, or does not do yet. */
const LATER_OR_YET = /\b(?:yet|future|later|for\s+now)\b/i;

/** Whether the body tells a limit of today with "currently" (CURRENT_LIMIT), not of the change or its new thing. */
export function currentLimit(text: string): boolean {
  if (!text.includes("urrently")) return false;
  CURRENT_LIMIT.lastIndex = 0;
  for (let match = CURRENT_LIMIT.exec(text); match !== null; match = CURRENT_LIMIT.exec(text)) {
    const sentence = sentenceBefore(text, match.index) + sentenceRest(text, match.index, 300);
    if (!AFTER_CHANGE.test(sentence) && !CHANGE_ITSELF.test(sentence) && !LATER_OR_YET.test(sentence)) return true;
  }
  return false;
}

/**
 * An inability of today told in the present: "Variables declared with \"my\" in the file scope
 * cannot be accessed from subroutines with mod_perl", "We cannot rely on long integers to have
 * more than 32 bits", "the xdelta used in the pack format cannot represent such large offset",
 * "This function cannot fail, make it void".
 */
const INABILITY = /\b(?:cannot|can't|can\u2019t|can[ \t\n]+not|(?:is|are)[ \t\n]+unable[ \t\n]+to)[ \t\n]+[a-z]/gi;
/** The word before a match, quotes and brackets included (read from a short slice). */
const WORD_BEFORE = /([\w'"\x60\u2019()-]+)[ \t\n]*$/;
/**
 * What makes the inability no fact of today: a quote ("the 'cannot chmod' error"), a reader told
 * how to use a thing ("you cannot provide a revision that …"), or a sentence of a condition, of
 * the change or its new thing, or of later ("so that it cannot …", "Unlike `remove --stdin`, this
 * option cannot be combined …", "The new helper can't …").
 */
const NOT_AN_INABILITY = /^(?:you|one|["'\x60\u2018\u201c].*)$|["\x60\u201d]$/i;

/** Whether the body tells an inability of today (INABILITY), outside a condition and not of the change, the new thing or a quote. */
export function inabilityTold(text: string): boolean {
  if (!text.includes("can") && !text.includes("unable")) return false;
  INABILITY.lastIndex = 0;
  for (let match = INABILITY.exec(text); match !== null; match = INABILITY.exec(text)) {
    const word = WORD_BEFORE.exec(text.slice(Math.max(0, match.index - 40), match.index))?.[1];
    if (word === undefined || NOT_AN_INABILITY.test(word)) continue;
    if (notOfToday(sentenceBefore(text, match.index + match[0].length), true)) continue;
    if (tellsToday(text, match.index, NOT_TODAY)) return true;
  }
  return false;
}

/**
 * A step done first to make a later one easier, told as an opening clause before the order:
 * "Before adding the streaming filter API to the conversion layer, move the existing
 * declarations …", "Before expanding this test with more involved cases, first extract …".
 */
const BEFORE_NEXT_STEP = new RegExp(String.raw`${SENTENCE_OPENING}Before\s+(?:adding|introducing|converting|teaching|implementing|moving|extending|expanding|changing|reworking|refactoring|touching|fixing|making)\b[^.,;!?]{1,160},`);

/** Whether the body opens a sentence on the later step this one comes before (BEFORE_NEXT_STEP): a preparation. */
export function beforeNextStep(text: string): boolean {
  return text.includes("Before") && BEFORE_NEXT_STEP.test(text);
}

/**
 * How little a thing is used, which is why it moves, goes static or goes away: "It is only used
 * internally now", "It only has one caller", "four lines of code used in only one place". Not the new
 * thing's ("The new helper is only used by …"), which describes the change.
 */
const LITTLE_USED = /\b(?:is|are)\s+(?:now\s+)?only\s+(?:ever\s+)?used\s+(?:internally|locally|in|by|within|inside|from|once)\b|\bused\s+(?:in|by|from)\s+only\s+(?:one|a\s+single)\s+(?:place|caller|file|function)\b|\b(?:only\s+ha(?:s|ve)|ha(?:s|ve)\s+only)\s+(?:one|a\s+single|two)\s+(?:callers?|users?|call\s+sites?)\b/gi;

/** Whether the body tells how little something of today is used (LITTLE_USED). */
export function littleUsed(text: string): boolean {
  if (!text.includes("only")) return false;
  // Not toldOfToday(): "now" here tells how things came to be ("It is only used internally now").
  LITTLE_USED.lastIndex = 0;
  for (let match = LITTLE_USED.exec(text); match !== null; match = LITTLE_USED.exec(text)) {
    if (!CHANGE_ITSELF.test(sentenceBefore(text, match.index))) return true;
  }
  return false;
}

/**
 * What the change allows, with the change as the subject and words of its own: "This allows the
 * setting to work whether git-http-fetch is run directly or via git-fetch", "This will allow
 * merge-recursive to use the read-tree functionality without exec()ing git-read-tree", "This
 * allows patches with all of the right information in unfortunate places to be imported"; or
 * "allows for" a thing: "This allows for the creation of pack index version 2 …", "this should
 * allow for the tracking of new, but empty directories". Group 1 (group 2 after "for") is what
 * it allows, up to the sentence's end. Not "This patch allows …", nor "a new option,
 * which allows the user to …" or "the helper that allows a command to run under gdb", which
 * tell what the new thing or another thing does.
 */
const ALLOWS = /\b(?:this|which|it)\s+(?:(?:also|now|will|would|should|then)\s+)?(?:(?:allows?|enables?|lets|permits?)\s+((?:[\w./()'-]+\s+){0,12}?to\s+[^.;!?]{0,200})|(?:allows?|permits?)\s+for\s+([^.;!?]{0,200}))/gi;

/**
 * The same told by a participle after a comma, with no subject: "Use the new stdin reflist
 * passing mechanism for the call …, allowing passing of more than ~128K of reflist data", "These
 * two options are parsed using starts_with(), allowing things like '--no-min-parents-foobarbaz'
 * to succeed", "…, letting compiler warn and presumably return garbage"; not after a sentence or
 * under a summary that builds a new thing ("Add option hooks.showrev, letting the user override
 * …"), which tells what the new thing lets them do. Group 1 is what it allows, up to the
 * sentence's end.
 */
/** A sentence or a summary that builds a new thing ("Add …", "pkt-line: Add strbuf based functions"). */
const BUILDS_NEW = /^\s*(?:[^\s:]+(?:\s+[^\s:]+)?:\s+)?(?:add|adds|added|introduce[sd]?|implement(?:s|ed)?|create[sd]?|provide[sd]?|offer(?:s|ed)?)\b/i;
const ALLOWING = /,[ \t\n]+(?:thus[ \t\n]+|thereby[ \t\n]+|also[ \t\n]+)?(?:allowing|enabling|letting|permitting)[ \t\n]+([^.;!?]{0,200})/gi;

/**
 * A capability a participle names: someone or something other than the new thing, then "to" and
 * a verb ("callers to pass a clock", "things like 'git log --no-min-parents-foobarbaz' to
 * succeed"); not a pronoun, which is the new thing as often ("allowing it to be set per run").
 */
const CAPABILITY = /^(?!(?:it|them|this|these|that|those)\b)(?:[\w()'"./-]+\s+){0,5}?[\w()'"-]+\s+to\s+(?:be\s+)?[a-z]/i;

/** A sentence's first word, capitalised. */
const CAPITALISED_FIRST = /^\s*([A-Z][a-z]+)\b/;

/** Whether `head` opens on an order: a capitalised change verb of the lists in its base form ("Use …", "Teach …"). */
function opensOnOrder(head: string): boolean {
  const first = CAPITALISED_FIRST.exec(head);
  return first !== null && CHANGE_VERBS.has(first[1].toLowerCase());
}

/** What a change allows: the one allowed, the word before "to" ("the cache" in "the cache to hold …"), and what it may do. */
const ALLOWED_ONE = /([\w()-]+)\s+to\s+(?:be\s+)?([\w-]+)/;

/**
 * Whether what is allowed is a thing the summary names, the new thing doing its work ("This
 * allows the cache to hold up to 500 entries" under "Add a cache to the resolver"), or what it
 * may do is the summary's verb again ("This allows settings like leniency to be honored" under
 * "Use Gson instance as factory for reader to honor config").
 */
function namesSummaryThing(allowed: string, summary: string): boolean {
  const match = ALLOWED_ONE.exec(allowed);
  if (match === null) return false;
  return summary.toLowerCase().split(/[^\w()]+/).includes(match[1].toLowerCase()) || (saysItsOwn(match[2], "", 1) && !saysItsOwn(match[2], summary, 1));
}

/**
 * Whether the body says what the change allows (ALLOWS) in words of its own: four content
 * words, mostly not the summary's, as makesPossible() asks, and not of a thing the summary
 * names (namesSummaryThing).
 */
export function allowsOwn(text: string, summary: string): boolean {
  if (!text.includes("llow") && !text.includes("nable") && !text.includes("let") && !text.includes("ermit")) return false;
  for (const pattern of [ALLOWS, ALLOWING]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const allowed = match[1] ?? match[2];
      if (!saysItsOwn(allowed, summary, 4) || namesSummaryThing(allowed, summary)) continue;
      // ", allowing callers to pass a clock": one allowed and what it may now do name a new
      // capability, the reason for the change whatever the sentence before builds.
      if (pattern === ALLOWING && CAPABILITY.test(allowed)) return true;
      const head = sentenceBefore(text, match.index);
      // "Add configuration option hooks.showrev, letting the user override …": what the new thing lets them do.
      if (pattern === ALLOWING && (BUILDS_NEW.test(head) || BUILDS_NEW.test(summary))) continue;
      // "Use the new stdin reflist passing mechanism …, allowing passing of more than ~128K of
      // reflist data": after an order, the participle's subject is the order's act, and "the new"
      // there names what it uses.
      if (!CHANGE_ITSELF.test(head) || (pattern === ALLOWING && opensOnOrder(head))) return true;
    }
  }
  return false;
}

/**
 * A use the change opens, told after the body has said what the change does: "Now you can say
 * "git diff --stat" to get an idea …", "Now translators can …", "This allows relocating HTML
 * docs straight from the configure script", "This enables importing just the interesting bits
 * of large repositories", "The new option makes it possible to run only one subsection". Group
 * 1, 2 or 3 is the use, up to the sentence's end. "This allows the X to …" is ALLOWS', "This
 * makes it possible …" MAKES_POSSIBLE's, in any sentence.
 */
const ENABLED_USE = new RegExp(String.raw`${SENTENCE_OPENING}(?:now,?\s+(?:you|we|one|${BENEFICIARY}|(?:the|a|an|every|each|any)\s+(?:[\w-]+\s+)?[\w-]+|[\w-]+)\s+(?:can|could|may|are\s+able\s+to|will\s+be\s+able\s+to)\s+(?!not\b|no\s+longer\b|only\b)((?:[^.;!?]|\.(?=\S)){0,200})|(?:this|it|that)\s+(?:(?:change|patch|commit)\s+)?(?:(?:also|now|then|will|would|should)\s+)?(?:allows?|enables?|lets|permits?)\s+((?:[a-z]+ing\b)(?:[^.;!?]|\.(?=\S)){0,200})|(?:this|these|the)\s+(?:[\w-]+\s+){1,2}?(?:makes?|made)\s+it\s+possible\s+(?:for\s+[\w-]+\s+)?to\s+((?:[^.;!?]|\.(?=\S)){0,200}))`, "gi");

/**
 * Whether the body, after saying what the change does, tells a use it opens (ENABLED_USE) in
 * words of its own: four content words, mostly not the summary's. An enabled use is what the
 * change is for. As the body's first sentence it is the change told again ("This allows passing
 * an explicit executor for test cases" under "Switch to a proper builder for MockRetrofit", which
 * the study's labels take as no reason), so a sentence must come before it.
 */
export function enabledUse(text: string, summary: string): boolean {
  // The words ENABLED_USE needs ("now", "allows", "enables", "lets", "permits", "possible"), as
  // they are written: a scan for each is much cheaper than the pattern over every body.
  const now = text.includes("ow") && (text.includes("now") || text.includes("Now") || text.includes("llow"));
  if (!now && !text.includes("NOW") && !text.includes("LLOW") && !text.includes("nable") && !text.includes("lets") && !text.includes("ermit") && !text.includes("possible")) return false;
  ENABLED_USE.lastIndex = 0;
  for (let match = ENABLED_USE.exec(text); match !== null; match = ENABLED_USE.exec(text)) {
    // The body's first sentence: nothing said before it.
    if (text.slice(0, match.index + 1).trim().length < 3) continue;
    if (saysItsOwn(match[1] ?? match[2] ?? match[3], summary, 4)) return true;
  }
  return false;
}

/** The words LABELLED_REASON names a reason with, looked for before it runs. */
const NAMES_REASON = /reason|rationale|motivation|problem|cause|background/i;

/**
 * A reason given after a colon that names it, at a sentence's start or after "for … reason":
 * "The problem: the index is written twice when …", "Reason: …", "The rationale: …", "Main
 * motivation: …", "The reason for this change is:", "This is needed for one simple reason: …".
 * A plain "Why:" or "Motivation:" heading a line is labels.ts's (a fitted cue); this reads the
 * forms it leaves, a determiner or an adjective before the word, a colon later in a line, and
 * words after the colon on the next lines. Group 1 is what the colon leads to, up to a blank line.
 */
const LABELLED_REASON = new RegExp(String.raw`(?:${SENTENCE_OPENING}(?:(?:the|our|my|one)\s+)?(?:(?:main|real|actual|underlying|root|original|primary|only|basic|short|simple|whole|key)\s+)?(?:reasons?|rationale|motivation|problem|cause|background)(?:\s+(?:for|behind)\s+(?:this|the|these|it)(?:\s+(?:change|commit|patch|series|work))?)?(?:\s+(?:is|was|here))?(?:\s+(?:simple|this|twofold))?|\bfor\s+(?:(?:one|a|two|three|several|the\s+following|a\s+few)\s+)?(?:(?:simple|good|main)\s+)?reasons?)[ \t]*:[ \t]*\n?[ \t]*((?:[^\n]|\n(?![ \t]*\n)){1,300})`, "gi");

/**
 * Whether the body gives a reason after a colon that names it (LABELLED_REASON): six words or
 * more after the colon, most of their content words not the summary's, and no placeholder
 * ("Reason: TBD", "Motivation: see above").
 */
export function labelledReason(text: string, summary: string): boolean {
  if (!text.includes(":") || !NAMES_REASON.test(text)) return false;
  LABELLED_REASON.lastIndex = 0;
  for (let match = LABELLED_REASON.exec(text); match !== null; match = LABELLED_REASON.exec(text)) {
    const reason = match[1];
    if ((reason.match(LABEL_WORD) ?? []).length >= 6 && saysItsOwn(reason, summary, 1) && isMeaningfulLabelText(reason)) return true;
  }
  return false;
}

/**
 * An age judged, which tells that a thing of today has had its time: "This option is ancient",
 * "the Ubuntu xenial image that is too ancient", "These scripts are long obsolete". A new thing
 * is never old, so "this option" here is today's, unlike for FAULT_FOUND.
 */
const AGE_JUDGED = /\b(?:is|are|was|were|'s|\u2019s|seems?|looks?)\s+(?:\w+ly\s+|just\s+)?(?:(?:quite|very|rather|so|too|long)\s+)?(?:ancient|archaic|antiquated|obsolete|outdated)\b/gi;
const NEW_OR_CONCEDED = /\bnew\b|\b(?:while|although|though|even\s+if)\b/i;

/** Whether the body judges a thing of today old (AGE_JUDGED), not a new thing nor one granted. */
export function ageJudged(text: string): boolean {
  if (!text.includes("ancient") && !text.includes("archaic") && !text.includes("antiquated") && !text.includes("obsolete") && !text.includes("outdated")) return false;
  return toldOfToday(text, AGE_JUDGED, (head) => NEW_OR_CONCEDED.test(head));
}

/** The change told as an act ("Doing this is slightly odd, as …"). */
const DOING_THIS = /\bdoing\s+(?:this|that|so)\b/i;
/**
 * A fault granted before a "but" ("Note that while the buffer looks questionable, get_oid_hex
 * reads …"). Not "while at it" or "while we're at it", which grant nothing.
 */
const CONCEDED = /\b(?:while(?!\s+(?:[\w'\u2019]+\s+){0,2}?at\s+it\b)|although|though|even\s+if)\b/i;

/**
 * Something found missing or hidden: "Some varargs functions … were missing
 * __attribute__((sentinel))", "\"bc\" was missing", "A useful helper was hidden as a static
 * function". Not in a condition ("if the file is missing, …"), which tells how the new code
 * copes, nor "what is missing".
 */
const FOUND_MISSING = /\b(?:is|are|was|were|ha(?:s|ve)\s+been)\s+(?:\w+ly\s+|still\s+)?(?:missing|absent|hidden)\b/gi;
const RELATIVE_END = /\b(?:what|which|that|whatever)\s*$/i;

/**
 * An effect a thing of today has, in a relative clause or after "this" or "it": "…, but we
 * prepend it only to the whole buffer which creates a messed up display", "which gives a
 * confusing error", "This leaves a stale lock behind".
 */
const BAD_EFFECT = /\b(?:which|that|this|it)\s+(?:then\s+|also\s+|often\s+|sometimes\s+)?(?:creates|causes|gives|leaves|produces|results\s+in|yields)\s+(?:(?:a|an|the|some)\s+)?(?:[\w-]+\s+)?(?:messed[- ]up|garbled|confusing|misleading|broken|bogus|corrupt(?:ed)?|wrong|incorrect|stale|spurious|ugly|unreadable|useless|inconsistent|duplicated?)\b/gi;

/**
 * A bad effect on the people who use or read the code, told the same way: "…, but the titles of
 * the file lists use different wording, which may confuse newcomers", "This misleads readers".
 */
const TROUBLES_PEOPLE = /\b(?:which|that|this|it)\s+(?:(?:may|might|can|could|would|will|often|also|sometimes)\s+)?(?:confuses?|misleads?|surprises?|irritates?|annoys?|frustrates?)\s+(?:(?:the|our|new|some|many|most)\s+)?(?:users?|newcomers|people|readers|developers|callers|folks|everyone|anyone|everybody|anybody|reviewers|contributors)\b/gi;

/** Whether the body finds something of today missing or hidden (FOUND_MISSING) or tells a bad effect (BAD_EFFECT, TROUBLES_PEOPLE), not of the change or its new thing. */
export function badStateTold(text: string): boolean {
  const lower = lowered(text);
  if ((lower.includes("missing") || lower.includes("absent") || lower.includes("hidden")) && toldOfToday(text, FOUND_MISSING, (head) => CHANGE_ITSELF.test(head) || CONDITION.test(head) || RELATIVE_END.test(head))) return true;
  if ((lower.includes("onfuse") || lower.includes("islead") || lower.includes("urprise") || lower.includes("rritate") || lower.includes("nnoy") || lower.includes("rustrate")) && toldOfToday(text, TROUBLES_PEOPLE, (head) => CHANGE_ITSELF.test(head) || CONDITION.test(head))) return true;
  return (lower.includes("creates") || lower.includes("causes") || lower.includes("gives") || lower.includes("leaves") || lower.includes("produces") || lower.includes("results") || lower.includes("yields")) && toldOfToday(text, BAD_EFFECT, (head) => CHANGE_ITSELF.test(head) || CONDITION.test(head));
}

/**
 * Whether the body finds a fault (FAULT_FOUND) with today's state, not with the change or its
 * new thing ("This change is obviously silly by itself", "The new helper is ugly, but …",
 * "The patch looks quite unreadable", "Doing this is slightly odd"), nor one granted ("while …
 * looks questionable").
 */
export function faultFound(text: string): boolean {
  return FAULT_WORDS.opens(text) && toldOfToday(text, FAULT_FOUND, (head) => CHANGE_ITSELF.test(head) || DOING_THIS.test(head) || CONCEDED.test(head));
}

/**
 * Two ways things are set side by side: with "whereas" ("The low-level parts of the SVN library
 * return NULL for author-less revisions, whereas \"(no author)\" is a client convention"), with
 * "unlike" or "in contrast to" ("Unlike bash it parses … as an arithmetic expression", "… does
 * not take a short form \"-d\", unlike \"git branch\" which does", "In contrast to other
 * plumbing tools, git-ssh-push only allow …"), or as two facts whose second is a negated
 * auxiliary alone ("The surrounding advice is printed to stderr, but the list is not"), also in
 * a sentence of its own after "However," ("The list_modified function already knows how to
 * handle an unborn branch. However, the diff we perform to get the actual hunks does not.").
 */
const CONTRAST = /\b(?:whereas|unlike|in\s+contrast\s+(?:to|with))\b|\bbut\s+(?:[\w'`"().-]+\s+){1,4}?(?:is|are|does|do|was|were|has|have|did|can|could)(?:n't|\s+not)(?=\s*(?:[.;!?]|$))|\bhowever,\s+(?:[\w'`"().-]+\s+){1,10}?(?:is|are|does|do|was|were|has|have|did|can|could)(?:n't|\s+not)(?=\s*(?:[.;!?]|$))/gi;

/**
 * Whether the body contrasts two ways things are today (CONTRAST), not the old way with the
 * new ("The new parser reads …, whereas the old one …", "now …, whereas") nor the new thing
 * with another ("Unlike `remove --stdin`, this option cannot be combined …").
 */
export function contrastTold(text: string): boolean {
  // Most bodies hold none of the words: they skip the scan.
  if (!text.includes("whereas") && !text.includes("nlike") && !text.includes("ontrast") && !/\bbut\s/.test(text) && !text.includes("owever,")) return false;
  CONTRAST.lastIndex = 0;
  for (let match = CONTRAST.exec(text); match !== null; match = CONTRAST.exec(text)) {
    if (contrastOfToday(text, match.index)) return true;
  }
  return false;
}

/**
 * A first fact that tells the change's own work in the passive, just before the comma: "The reader
 * is ported, the writer is not", "The tests have been moved, but …".
 */
const CHANGED_BEFORE = /\b(?:is|are|has\s+been|have\s+been)\s+(?:(?:now|also|already|all)\s+)?(?:ported|migrated|moved|renamed|updated|converted|changed|adjusted|modified|rewritten|reworked|refactored|replaced|removed|deleted|dropped|added|fixed|split|extracted|inlined|switched|adapted)\s*,?\s*$/i;

/** Whether the sentence around `index` tells how things are today, not the change or its new thing. */
function contrastOfToday(text: string, index: number): boolean {
  const head = sentenceBefore(text, index);
  const sentence = head + sentenceRest(text, index, 300);
  return !AFTER_CHANGE.test(sentence) && !CHANGE_ITSELF.test(sentence) && !CHANGED_BEFORE.test(head.slice(-200)) && tellsToday(text, index, NOT_TODAY);
}

/**
 * Two facts set side by side with only a comma, the second a negated auxiliary alone, as CONTRAST
 * reads them after "but": "DBI->table_info is portable across different DBD backends,
 * DBI->tables is not", "Mercurial supports them, Git doesn't", "We would strip all leading and
 * trailing whitespace, which git commit does not".
 */
const NEGATED_PAIR = /,\s+(?:[\w'`"().>-]+\s+){1,4}?(?:is|are|does|do|was|were|has|have|did|can|could)(?:n't|\s+not)(?=\s*(?:[.;!?]|$))/g;

/**
 * Whether the body sets two of today's facts side by side with a comma (NEGATED_PAIR), not the
 * change or its new thing ("The new helper checks the length, the old one did not" is the new
 * way against the old).
 */
export function negatedPairTold(text: string): boolean {
  // Most bodies hold no negation after a comma: they skip the scan.
  if (!text.includes(",") || (!text.includes("not") && !text.includes("n't"))) return false;
  NEGATED_PAIR.lastIndex = 0;
  for (let match = NEGATED_PAIR.exec(text); match !== null; match = NEGATED_PAIR.exec(text)) {
    if (contrastOfToday(text, match.index)) return true;
  }
  return false;
}

/**
 * A claim or an assumption about how things are, then what contradicts it: a claim of a text
 * ("The docs said …", "the comment above it claims …", "Its manual page states …"), an
 * assumption or an expectation of a subject ("We assumed …", "the code expects …", "I thought
 * …", not "I thought about …", an idea weighed; a plural subject's "Callers expect …") or a
 * passive one ("X was supposed to …", "is meant to …", "It was assumed that …"), then in the same
 * sentence or opening the next a "but" ("…, but the code wraps at 72"), "however", "it turns
 * out", "in fact", or a verdict on it ("that turned out to be wrong", "which is not the case").
 * Not "not only …, but also", nor "…, but rather …", which set two aims side by side, nor "but
 * not Y", which bounds the claim without contradicting it ("The README describes X, but not Y";
 * "but not true for …" does contradict). Also "Contrary to what the comment says, …".
 */
const CLAIMED =
  /\b(?:(?:docs?|documentation|manual|man\s?page|manpage|comments?|readme|spec(?:ification)?|help\s+text|usage(?:\s+string)?|docstring|description|changelog|release\s+notes?|message)(?:\s+(?:in|above|on|for|of|at|near|before)(?:\s+[\w.()'"\x60\/:-]+){1,3}?)?\s+(?:\w+ly\s+)?(?:says?|said|claims?|claimed|states?|stated|promises?|promised|suggests?|suggested|impl(?:ies|y)|implied|describes?|described|documents?|documented|mentions?|mentioned|advertises?|advertised|reads?)|(?:we|i|it|they|everyone|everybody|code|callers?|functions?|helpers?|scripts?|tests?|logic|implementation|author)\s+(?:had\s+|have\s+|has\s+)?(?:(?:\w+ly|always|just)\s+)?(?:assumed?|assumes|believed|thought(?!\s+(?:about|of|over|through)\b)|expected|expects)|(?:they|callers|functions|helpers|scripts|tests)\s+(?:(?:\w+ly|always|all|just)\s+)?expect|(?:is|are|was|were|'s|been)\s+(?:(?:\w+ly|always|never|not)\s+)?(?:(?:assumed|believed|thought|expected|supposed|meant|intended|documented|claimed|advertised|designed)\s+to|assumed\s+that)|\bassumption\s+(?:that|was|is|here)\b)\b((?:[^.;!?]|[.](?=\w)){0,240}?)(?:,?\s+but\b(?!\s+(?:also|rather|instead|only|not\b(?!\s+(?:true|the\s+case|always|so|correct|quite|really|necessarily|entirely)\b))\b)|[,;.:]\s+(?:however|yet|but(?!\s+(?:also|rather|instead|only|not\b(?!\s+(?:true|the\s+case|always|so|correct|quite|really|necessarily|entirely)\b))\b)|it\s+turn(?:s|ed)\s+out|in\s+(?:fact|reality|practice)|actually)\b|[,;.]\s+(?:that|this|which|it|the\s+assumption|this\s+assumption|that\s+assumption)\s+(?:(?:turns|turned|proved|proves)\s+(?:out\s+)?(?:to\s+be\s+)?|(?:is|was)(?:n't|\s+not)\s+(?:(?:always|necessarily|quite|really)\s+)?)(?:wrong|false|incorrect|untrue|mistaken|invalid|bogus|true|the\s+case)\b)|\bcontrary\s+to\s+(?:what|popular|common|(?:the|its|our|their|[\w-]+'s)\s+(?:[\w.'\x60-]+\s+){0,2}?(?:docs?|documentation|description|comments?|docstring|manual|man\s?page|help|name|claims?|advice|expect(?:ed|ations?)|intent(?:ions?)?|wish(?:es)?|goals?|purpose|promises?|spec(?:ification)?|settings?|configuration|assumptions?|beliefs?|rules?|conventions?|guidelines?|recommendations?)\b)|\b(?:runs?|ran|running|goes|went|go|is|are|was|were)\s+contrary\s+to\b/gi;
/**
 * The words that contradict a claim in CLAIMED, one of which it needs (each as a word of its own:
 * "turn" in "return" or "fact" in "refactor" is none), besides "contrary", which contradicts alone.
 */
const CONTRADICTING_WORDS = new WordGate(["but", "however", "yet", "turns", "turned", "fact", "reality", "practice", "actually", "wrong", "false", "incorrect", "untrue", "mistaken", "invalid", "bogus", "true", "case"]);
/** The words of CLAIMED's claims: what the docs say, what someone assumed or expected, an assumption. */
const CONTRARY = new WordGate(["contrary"]);
const CLAIM_WORDS = new WordGate([
  ...["say", "claim", "state", "promise", "suggest", "describe", "document", "mention", "advertise", "read"].flatMap((word) => [word, `${word}s`]),
  ...["said", "claimed", "stated", "promised", "suggested", "implies", "imply", "implied", "described", "documented", "mentioned", "advertised"],
  ...["assume", "assumed", "assumes", "believed", "thought", "expected", "expects", "expect", "supposed", "meant", "intended", "designed", "assumption"],
]);
/** Whether `text` has the words CLAIMED needs: a claim and a word that contradicts it, or "contrary". */
function mayContradict(text: string): boolean {
  return (CONTRADICTING_WORDS.opens(text) && CLAIM_WORDS.opens(text)) || CONTRARY.opens(text);
}
/** A guess of the writer's, "I assume …", "I expect …": nothing said to be so, nothing contradicted. */
const GUESS = /^i\s+(?:(?:\w+ly|just)\s+)?(?:assume|expect)\b/i;
/**
 * The writer's prediction of their own work's outcome, which the result corrects: "I thought we
 * might get an even bigger improvement, but …", "I expected that sort-after would be the
 * fastest, but …", as foreseen() reads its clause. Not a guess at how things are ("I thought
 * the limits might be shared", "I thought the cache would be user-scoped").
 */
const PREDICTION = /^i\s+(?:(?:\w+ly|first|originally|initially)\s+)?(?:thought|expected)\b/i;
/** The writer in the conditional ("we might get …"). */
const WRITER_CONDITIONAL = /\b(?:we|I)\s+(?:would|might|could)\b/i;
/**
 * A thing that would be something; group 1 is the word after "be" ("would be the fastest"),
 * past a word of degree ("would be much faster", "might be a bit slower").
 */
const WOULD_BE = /\b(?:would|might|could)\s+(?:also\s+)?be\s+(?:the\s+)?(?:(?:much|far|even|way|slightly|somewhat|significantly|considerably|noticeably|a\s+(?:lot|bit|little))\s+)?([a-z]+)\b/gi;
/**
 * Adjectives that take -er and -est: the common ones of one syllable and those of two that end
 * in -y, -le, -ow or -er ("fast", "easy", "simple", "narrow", "clever"). A word in -er or -est
 * is a comparative or a superlative only when its stem is one of them: "faster", "larger",
 * "bigger", "easier", "friendlier", "fastest"; not "user", "owner", "server", "counter",
 * "another" or "request", whose stems are no adjectives.
 */
const GRADABLE = new Set(
  ("fast slow quick easy simple clean clear small large big long short high low safe nice cheap " +
    "tight loose strict wide narrow deep shallow light heavy late early new old young close near " +
    "hard soft strong weak few great broad fine rare dense sparse tidy neat lean smart bright dark " +
    "thin thick hot cold warm cool dry wet full poor rich sane sure pure plain rough smooth sharp " +
    "steep fair firm flat fresh keen kind true wise busy happy lucky noisy tricky messy ugly pretty " +
    "likely friendly costly lengthy handy healthy hefty speedy tiny dirty nasty silly funny cute " +
    "lazy crazy fancy sloppy risky shiny gentle subtle humble able stable clever quiet common terse " +
    "crisp slim fat vast brief bold calm dull dumb grand harsh lame mild odd pale proud raw rude sad " +
    "scarce slight stiff tall tough vague wild loud sweet weird apt lax scary sturdy wordy chatty " +
    "snappy ready steady tame nimble")
    .split(" "),
);
/** Comparatives and superlatives not formed from their adjective with -er or -est. */
const IRREGULAR_GRADE = /^(?:better|best|worse|worst|more|most|less|least|further|furthest|farther|farthest|lesser)$/;

/** Whether `word` is a comparative or a superlative (IRREGULAR_GRADE, or a GRADABLE stem with -er or -est). */
function isComparative(word: string): boolean {
  const lower = word.toLowerCase();
  if (IRREGULAR_GRADE.test(lower)) return true;
  const suffix = lower.endsWith("er") ? 2 : lower.endsWith("est") ? 3 : 0;
  if (suffix === 0) return false;
  const stem = lower.slice(0, -suffix);
  // "easier" from "easy"; "larger" from "large"; "bigger" from "big".
  if (stem.endsWith("i") && GRADABLE.has(`${stem.slice(0, -1)}y`)) return true;
  const doubled = stem.length > 2 && stem.charAt(stem.length - 1) === stem.charAt(stem.length - 2);
  return GRADABLE.has(stem) || GRADABLE.has(`${stem}e`) || (doubled && GRADABLE.has(stem.slice(0, -1)));
}

/**
 * Whether a predicted clause foresees the writer's outcome: the writer in the conditional, or a
 * thing that would be better or the best ("… would be the fastest"). "later" after "be" is the
 * adverb of time ("would be later reverted").
 */
function foreseen(clause: string): boolean {
  if (WRITER_CONDITIONAL.test(clause)) return true;
  WOULD_BE.lastIndex = 0;
  for (let match = WOULD_BE.exec(clause); match !== null; match = WOULD_BE.exec(clause)) {
    if (match[1].toLowerCase() !== "later" && isComparative(match[1])) return true;
  }
  return false;
}

/**
 * A passive purpose, "is meant to …", "was designed to …", "are intended to …"; group 1 holds the
 * present tense. Said of the change's new thing ("The dialog is designed to …, but never …") it
 * is the change's own purpose, a reason only where the goal readings find what it serves
 * (GOAL_CLAUSE: "… is meant to avoid …"), not a claim the change corrects. Not "is supposed to",
 * which tells what should be so: git.git writes it of today's code that is not so ("… is
 * supposed to stop after one changeset, but kept going"), never of a design of its own.
 */
const PASSIVE_PURPOSE = /^(?:(is|are|'s)|was|were|been)\s+(?:(?:\w+ly|always|never|not)\s+)?(?:meant|intended|designed)\s+to\b/i;
/** Words that mark a thing as one of today, not the change's: "Our color parsing is designed to …". */
const TODAYS_THING = /\b(?:our|existing|current(?:ly)?|old|older|original(?:ly)?|today|already|still)\b/i;
/**
 * A name of code: a function called ("color_parse_mem()"), a quoted name (`want_color_fd`), an
 * option ("--no-quiet"), a snake_case name or a dotted configuration key ("core.attributesFile").
 */
const CODE_NAME = /(?<![\w.-])[\w.-]+\(\)|`[^`\n]{1,80}`|(?<![\w-])--?[a-z][\w-]*|\b[a-z][a-z0-9]*_\w+|\b[a-z]+\.[a-z]\w+/gi;
const NAME_WORD = /[a-z0-9]+/g;
/** Where a clause opens inside a sentence: a comma, a semicolon, a colon or a conjunction. */
const CLAUSE_OPENING = /[,;:]|\b(?:and|or|but|so|since|because|as|while|though|although|whereas|when|if|unless)\b/gi;

/**
 * Whether a sentence's subject is a thing of today, not the one the summary builds (whose words
 * are `newThing`): marked as today's (TODAYS_THING), or code named in the clause before the verb
 * that is none of the new thing's words ("color_parse_mem() is designed to …" under "add
 * overflow checks …"; not "… similar to hashfd_check(), but different since it is …").
 */
function namesTodaysThing(head: string, newThing: readonly string[]): boolean {
  if (TODAYS_THING.test(head)) return true;
  let clause = 0;
  CLAUSE_OPENING.lastIndex = 0;
  for (let match = CLAUSE_OPENING.exec(head); match !== null; match = CLAUSE_OPENING.exec(head)) clause = match.index + match[0].length;
  for (const name of head.slice(clause).match(CODE_NAME) ?? []) {
    if (!(name.toLowerCase().match(NAME_WORD) ?? []).some((word) => newThing.includes(word))) return true;
  }
  return false;
}
/** A question word the purpose hangs on, "how it is meant to be used": a purpose named, not claimed. */
const NAMED_PURPOSE = /\b(?:how|what)\s+(?:[\w.()'"\x60-]+\s+){0,3}$/i;
/** An expectation or an assumption of a subject ("we expected", "it assumes"). */
const EXPECTATION = /^(?:we|i|it|they)\s+(?:\w+\s+)?(?:expect|expected|expects|thought|assumed?|assumes)\b/i;
/**
 * The writer doing the change, where a contradiction's clause would tell how things are: "…, but I
 * updated them", "However, we have now adjusted …", "but this patch …", "but with this change …".
 */
const WRITERS_ACT = /^[\s,]*(?:(?:I|we)\s+(?:(?:have|'ve|had|also|then|now|just|simply|instead|therefore|thus)\s+)*(?:updated|changed|fixed|adjusted|amended|modified|rewrote|rewritten|removed|added|converted|replaced|moved|renamed|dropped|reworked|corrected|made|switched|decided|chose|opted|taught|extended|tweaked|cleaned)\b|(?:this|my|our)\s+(?:patch|commit|change|series)\b|(?:with|after)\s+this\b)/i;
/** Words that set two aims side by side, "not only … but also": no contradiction. */
const NOT_ONLY = /\bnot\s+(?:only|just|merely)\b/i;

/**
 * Whether the body tells a claim or an assumption of today that turned out untrue (CLAIMED),
 * not one about the change or its new thing ("The new option is meant to be used by scripts,
 * but …"; where the summary builds a thing, whose words are `newThing`, a present purpose is
 * that thing's unless its subject names a thing of today), not a guess ("I assume …") nor the
 * writer's prediction of the outcome, and contradicted by how things are, not by the writer's
 * act (WRITERS_ACT).
 */
export function contradictionTold(text: string, newThing: readonly string[] = []): boolean {
  // Most bodies hold no claim and no word that contradicts one: they skip the scan.
  if (!mayContradict(text)) return false;
  CLAIMED.lastIndex = 0;
  for (let match = CLAIMED.exec(text); match !== null; match = CLAIMED.exec(text)) {
    const head = sentenceBefore(text, match.index);
    if (NOT_ONLY.test(head) || (match[1] !== undefined && NOT_ONLY.test(match[1]))) continue;
    // A guess claims nothing; nor does an expectation that only qualifies a thing ("is what we
    // expected. But …", "than I expected", "the packet we expected. But …"), with nothing after it.
    if (GUESS.test(match[0])) continue;
    if (PREDICTION.test(match[0]) && foreseen(match[1] ?? "")) continue;
    const purpose = PASSIVE_PURPOSE.exec(match[0]);
    if (purpose !== null && (NAMED_PURPOSE.test(head) || (newThing.length > 0 && purpose[1] !== undefined && !namesTodaysThing(head, newThing)))) continue;
    if (EXPECTATION.test(match[0]) && (match[1]?.trim() === "" || /\b(?:what|than)\s+$/i.test(text.slice(Math.max(0, match.index - 6), match.index)))) continue;
    // What follows must be how things are: the writer's own act is the change ("Tests expected
    // the old text, but I updated them").
    if (WRITERS_ACT.test(text.slice(match.index + match[0].length, match.index + match[0].length + 80))) continue;
    if (!AFTER_CHANGE.test(head) && !CHANGE_ITSELF.test(head)) return true;
  }
  return false;
}

/**
 * A finding told as one, opening a sentence: "It turns out that parse_object() is loading the
 * object twice", "It turns out the test is titled wrongly", "It turned out that on SVN 1.5, it
 * was placed in the wrong section". It tells what someone found about how things are, with no
 * claim before it needed. In the past tense, not with the writer as the finding's subject, which
 * tells how the work went ("It turned out we only had to edit in one direction"); nor "It turns
 * out to be …".
 */
const FINDING = new RegExp(String.raw`${SENTENCE_OPENING}It\s+(?:turns|turned(?!\s+out\s+(?:that\s+)?(?:we|I|our|my)\b))\s+out\s+(?!to\b)(?:that\s+)?[\w"'\x60(]`);

/** Whether a sentence of the body opens on a finding (FINDING). */
export function findingTold(text: string): boolean {
  // The cheap test first, with any space: a body wrapped at 72 breaks "It turns out" as often as not.
  return /\bIt\s+turn(?:s|ed)\s+out\b/.test(text) && FINDING.test(text);
}

/**
 * A sentence opening on "So" with no comma, for a purpose or a consequence of how things are: "So
 * it doesn't time out.", "So that we can reuse src later on.", "So it will not compile with a
 * compiler that does not support this extension", "So they are all incompatible with each other".
 * The subject is a thing ("it", "they", "the code", "git"), not the writer ("So we use …", an
 * order's account) nor the change ("So this patch …", "So the patch is small"); "So that" takes
 * any clause but "that's".
 * Not a sentence that only leads into a list or a quote ("So the result is:").
 */
const SO_OPENING = new RegExp(String.raw`${SENTENCE_OPENING}So\s+(?:that\s+(?!'s\b|\u2019s\b)(?=\w)|(?:it|they|things|users?|[Gg]it|(?:the|its|their|our|such)\s+(?!(?:change|patch|commit|diff|series|pr|fix)\b)[\w-]+)\s+(?:(?:also|just|still|even|then|always)\s+)?(?:doesn't|don't|won't|does\s+not|do\s+not|will\s+not|can't|cannot|isn't|aren't|wasn't|weren't|no\s+longer|never|will|can|could|would|may|might|must|should|is|are|was|were|has|have|gets?|stays?|keeps?|works?|breaks?|fails?)\b)([^.;:!?]*)(.?)`, "g");

/** Whether a sentence of the body opens on "So" for a purpose or a consequence (SO_OPENING). */
export function soOpensTold(text: string): boolean {
  if (!/\bSo\s/.test(text)) return false;
  SO_OPENING.lastIndex = 0;
  for (let match = SO_OPENING.exec(text); match !== null; match = SO_OPENING.exec(text)) {
    if (match[2] !== ":") return true;
  }
  return false;
}

/**
 * A goal after an order, in words of its own: "Extract a variable to reduce clutter", "Let's
 * drop this to simplify the code", "… to give our callers more flexibility", "… to avoid
 * regressions", "Report the error to help the user understand …", "… to appease leak
 * checkers", "… to satisfy -Wunused-parameter", "… to squelch compiler warnings", "To inform users that they can use the short form now"; or consistency: "to be consistent", "to match" ending a sentence. Group 1 is what
 * the goal is about (none for consistency), read across a line wrap up to the clause's end: cut
 * at the wrap, "to avoid building a path that↵can be exploited" kept only the summary's "path"
 * of its words (its first line alone still counts). Not "how to avoid …", an instruction.
 * Also a goal of improving, ensuring, supporting or taking advantage of something, or "better"
 * before a verb ("… to improve test coverage", "Break out of the loop to ensure restore_term() is
 * called", "Use is_dir_sep() to support both", "… to take advantage of the config-set API", "…
 * to better align with the separation of concerns"); the summary's own goal again stays none
 * ("… to support incremental MIDXs" under "… with incremental MIDXs"). Not after "without …ing"
 * ("without attempting to improve anything"), nor after "learns" or "taught", which tell the new
 * ability ("\"git send-email\" learns to support …").
 * "to match" with what is matched names the other side of the consistency ("to match the manual page", "to
 * match our coding style", "to match reality"), not what a pattern matches ("a pattern to match
 * the names of …", "to match the glob"), nor "to match either a SHA-1 or …".
 */
const GOAL_CLAUSE = /(?<!\bhow\s+|\bwithout\s+(?:\w+ing\s+)?|\b(?:learns?|learned|learnt|learning|taught)\s+)\bto\s+(?:(?:(?:\w+ly|further|also|even)\s+)?(?:avoid|prevent|reduce|simplify|declutter|spare|save|guard\s+against|protect\s+against|give|help|ease|appease|placate|pacify|satisfy|silence|squelch|quieten|shut\s+up|improve|ensure|support|(?:increase|enhance|boost)(?=\s+(?:the\s+|our\s+|its\s+)?(?:[\w-]+\s+)?(?:readability|legibility|clarity|robustness|reliability|maintainability|performance|security|safety|portability|consistency|usability|efficiency|throughput|test\s+coverage)\b)|(?<!\b(?:used|able|seems?|seemed|fails?|failed|changes?)\s+to\s+(?:\w+ly\s+)?)(?:allow|keep)|take\s+advantage\s+of|better(?=\s+[a-z]{3,})|(?:inform|tell|warn|notify|remind|alert)(?=\s+(?:the\s+|our\s+)?(?:users?|people|readers|developers|callers|newcomers|beginners|everyone|anyone)\b))\s+((?:[^.;:!?\n]|\n(?![ \t]*\n))*)|(?:be|stay|remain)\s+consistent\b|(?<!\b(?:patterns?|regexp?s?|expressions?|globs?|wildcards?|filters?)\s+(?:[\w-]+\s+){0,2}to\s+)match(?=\s*(?:[.;!?]|$)|\s+(?:reality\b|(?:the|our|its|their|those|these)\s+(?!(?:names?|paths?|file\s?names?|lines?|strings?|entries|input|text|files?)\b)(?![^.;!?\n]*\b(?:patterns?|regexp?s?|regular\s+expressions?|globs?|wildcards?)\b))))/gi;
/** The verbs of GOAL_CLAUSE's goals, "consistent" and "match": one of them each of its forms needs. */
const GOAL_WORDS = new WordGate(["avoid", "prevent", "reduce", "simplify", "declutter", "spare", "save", "guard", "protect", "give", "help", "ease", "appease", "placate", "pacify", "satisfy", "silence", "squelch", "quieten", "shut", "improve", "ensure", "support", "increase", "enhance", "boost", "allow", "keep", "take", "better", "inform", "tell", "warn", "notify", "remind", "alert", "consistent", "match"]);

/** The goal verbs "allow" and "keep", after "to" and an adverb. */
const ALLOW_OR_KEEP = /^to\s+(?:(?:\w+ly|further|also|even)\s+)?(allow|keep)\b/i;

/**
 * Whether the body gives a goal (GOAL_CLAUSE) that is not the summary's own words, or
 * consistency as the goal ("… should do the same to be consistent", "Update this one to
 * match.").
 */
export function givesGoal(text: string, summary: string): boolean {
  if (!GOAL_WORDS.opens(text)) return false;
  GOAL_CLAUSE.lastIndex = 0;
  for (let match = GOAL_CLAUSE.exec(text); match !== null; match = GOAL_CLAUSE.exec(text)) {
    let goal = match[1];
    if (goal === undefined) return true;
    // "to allow …" and "to keep …" end at a comma: what follows is the order they open on
    // ("To keep the hook fast, read …"); nor is the summary's own thing doing its work a goal
    // ("Add a setting to allow the cache to grow …" under "… resolver cache").
    const granted = ALLOW_OR_KEEP.exec(match[0]);
    if (granted !== null) {
      goal = goal.split(",")[0];
      if (granted[1].toLowerCase() === "allow" && namesSummaryThing(goal, summary)) continue;
    }
    // The first line alone was all the goal read before it crossed wraps; a goal its own there
    // ("to help the recipient of↵the bundle" under "bundle: …") stays one.
    const wrap = goal.indexOf("\n");
    if (saysItsOwn(wrap < 0 ? goal : goal.slice(0, wrap), summary, 1) || (wrap >= 0 && saysItsOwn(goal, summary, 1))) return true;
  }
  return false;
}

/**
 * Consistency with what is done elsewhere: "Other pages use --option=<argument>, not
 * --option='argument', do the same here", "The .txt extensions were changed to .adoc in
 * 1f010d6bdf (…). Do the same for contrib/subtree.", "Don't translate them in
 * builtin/diagnose.c either", "like e.g. git pull already does", "as it's already done for …",
 * "Build and install together with the main directory, just like the clean target does"; a
 * sentence opening on "Just like" ("Just like `scalar register` starts the maintenance,
 * `scalar unregister` stops it", "Just like in remote-hg."; not "Just like that," or "Just like
 * before.", which tell a manner or that nothing changed), and an earlier commit followed
 * ("Similar to the preceding commit, move …", "Similar to commit eb8381c8, we need to …").
 */
const FOLLOWS_PRECEDENT = /\bdo\s+the\s+same\s+(?:for|here|there|in|with|to)\b|\b(?:just|exactly)(?<=(?:^|[.!?][ \t\n]+|\n[ \t]*\n[ \t]*)(?:just|exactly))\s+like\s+(?!(?:that|this|before|now|then|today|always|so)[ \t]*(?:[,.;:!?\n]|$))(?=\S)|\bsimilar(?:ly)?\s+to\s+(?:(?:the|what\s+the)\s+)?(?:(?:previous|preceding|prior|earlier|last)\s+(?:[\w-]+\s+)?(?:commits?|patch(?:es)?|changes?|steps?|conversions?|one)\b|commit\s+(?=[a-f\d]*\d)[a-f\d]{7,40}\b)|\b(?:just|exactly)\s+(?:like|as)\s+(?:[\w.'"\x60<>\/-]+\s+){1,4}?(?:does|do|did)(?=\s*(?:[.,;!?)]|$))|\b(?:as|like)\s+(?:e\.g\.\s+)?(?:[\w.'"\x60<>-]+\s+){0,4}?already\s+(?:does|do|did|is\s+done|done)\b|(?:n't|\bnot|\bnever)\s+(?:[^.!?\n]|\.(?=\S)|\n(?![ \t]*\n)){0,120}?\beither(?=\s*(?:[.!;]|$))/gi;
const FIRST_WORD = /^\s*([A-Za-z]+)/;
/** What lies between two sentences: their marks and blanks. */
const SENTENCE_GAP = /[\s.!?]/;

/**
 * Whether the body follows a precedent (FOLLOWS_PRECEDENT) told as a fact, not the change's
 * own ("This patch does not handle Y either"), nor a step of it: "do the same" after an order
 * ("Rename X in a.c. Do the same for b.c.") only repeats the change.
 */
export function followsPrecedent(text: string): boolean {
  const lower = lowered(text);
  if (!text.includes("same") && !text.includes("already") && !text.includes("either") && !lower.includes("just") && !lower.includes("exactly") && !lower.includes("similar")) return false;
  FOLLOWS_PRECEDENT.lastIndex = 0;
  for (let match = FOLLOWS_PRECEDENT.exec(text); match !== null; match = FOLLOWS_PRECEDENT.exec(text)) {
    const head = sentenceBefore(text, match.index);
    if (CHANGE_ITSELF.test(head) || AFTER_CHANGE.test(head)) continue;
    if (/^do\b/i.test(match[0])) {
      // What "the same" points at: the clause before it, or else the sentence before.
      let end = match.index - head.length;
      while (end > 0 && SENTENCE_GAP.test(text.charAt(end - 1))) end--;
      const told = head.trim() !== "" ? head : sentenceBefore(text, end);
      const first = FIRST_WORD.exec(told)?.[1]?.toLowerCase();
      if (first === undefined || CHANGE_VERBS.has(first) || FIX_VERBS.has(first)) continue;
    }
    return true;
  }
  return false;
}

/**
 * A change that prepares a later one, which is its reason: "This prepares for subsequent
 * changes", "In preparation for …", "We are about to move code around", "This function will be
 * used in a subsequent commit", "… will be used by a second caller in a subsequent commit",
 * "This function can later be reused by attr.c", "… into tag.h/c for later reuse", "It will be useful elsewhere", "… will be
 * shared by other commands", "In the upcoming patch, we will …", "This
 * will help us with a follow-up commit", "This simplifies a later change"; told with a noun:
 * "This is preparation for moving parts of it into tree.c", "a preparation patch to let …",
 * "This new API will be taken advantage of in a patch later in this set", "Rename it to allow a
 * future general-purpose update_refs function to be added", "This conversion is a prerequisite for
 * converting parse_object", "This will be used for testing the import of media files" (an
 * activity after "for": "It will be used for lookups" tells what the code does; not
 * "preparation of test repositories", the work itself). A later patch as the subject is read by
 * laterChangeUses().
 */
export const PREPARES = /\b(?:prepar(?:es|ing)\s+(?:for|the\s+ground)|(?:is|are)\s+(?:a\s+)?(?:prerequisites?|pre-requisites?)\s+(?:for|to|of)\b|(?:this|it|these|they)\s+(?:will|is\s+going\s+to|are\s+going\s+to)\s+be\s+used\s+(?:for\s+(?!(?:some|no|any|every)thing\b)[a-z]{2,}ing\b|when\s+)|in\s+preparation\s+of|preparations?\s+(?:for|to|step|patch|work|change|commit)|preparatory|to\s+prepare\s+for|to\s+(?:allow|enable|make\s+room\s+for|pave\s+the\s+way\s+for)\s+(?:an?\s+|the\s+)?(?:future|upcoming|later|subsequent)\b|we(?:\s+are|\s+were|'re|\u2019re)\s+(?:about|going)\s+to|(?:will|would|can|could)\s+(?:later\s+|also\s+)?be\s+(?:used|needed|useful|required|reused|called|taken\s+advantage\s+of)\s+(?:(?:in|by)\s+(?:[\w-]+\s+){0,5}?(?:an?\s+|the\s+)?(?:subsequent|later|next|following|upcoming|future|follow-up)\b|(?:in|by)\s+(?:an?|the)\s+(?:patch|commit|change|step)\s+later\b|later\b)|can\s+later\s+be\s+(?:re)?used|for\s+(?:later|future)\s+(?:re)?use\b|(?:will|would|can|could)\s+(?:later\s+|also\s+)?be\s+(?:used|needed|useful|reused|called|shared)\s+(?:elsewhere|by\s+(?:other|more|several|both|multiple)\b|(?:in|from)\s+(?:other|more|several|multiple)\s+(?:places|callers|commands|files|programs|modules))|(?:in|with)\s+(?:an?|the)\s+(?:subsequent|later|next|following|upcoming|future|follow-up)\s+(?:commit|patch|change|step)e?s?,?\s+(?:we|it|this|the)|(?:this|it|which)\s+(?:will\s+|would\s+|should\s+)?(?:help|helps|ease|eases|simplif(?:y|ies)|make\s+(?:it\s+)?easier)\s+(?:\w+\s+){0,3}?(?:an?|the)\s+(?:subsequent|later|next|following|upcoming|future|follow-up)\s+(?:commit|patch|change|step))\b/i;

/** A word each of PREPARES's forms needs, but for what "will be" needed or shared elsewhere and "we are about to" (see mayPrepare). */
export const PREPARES_WORDS = new WordGate(["prepares", "preparing", "prerequisite", "prerequisites", "requisite", "requisites", "preparation", "preparations", "preparatory", "prepare", "future", "upcoming", "later", "subsequent", "next", "following", "follow", "used"]);
const BE = new WordGate(["be"]);
const PREPARES_BE_WORDS = new WordGate(["needed", "useful", "reused", "called", "shared"]);
const WE = new WordGate(["we"]);
const ABOUT_TO = new WordGate(["about", "going"]);

/** Whether `text` has the words one of PREPARES's forms needs: a body without them is not read. */
export function mayPrepare(text: string): boolean {
  return PREPARES_WORDS.opens(text) || (BE.opens(text) && PREPARES_BE_WORDS.opens(text)) || (WE.opens(text) && ABOUT_TO.opens(text));
}

/**
 * What a thing is worth, told with a copula of any subject: "This function is useful outside
 * of log-tree.c, too", "an explicit reminder is useful", "the … trick is too useful", "It will
 * soon prove useful", "This turns out to be rarely useful", "This option is only useful where a
 * selection clipboard is available"; opening a sentence: "Useful for diagnostics to know which
 * client versions are hitting your server", "Especially helpful when cherry-picking multiple
 * commits"; or what the change helps with: "This helps porting to Windows", "This will help
 * counting the racily clean paths", "That would help reassure anybody"; or a benefit named as
 * one of several ("Another benefit of using the hook API is that …"). Not a negation ("is not
 * useful", "no longer useful"), a noun's adjective ("print useful information"), a possibility
 * in a clause ("The flag that callers may be useful to check …"), nor another subject of "helps"
 * ("The new flag helps users …", "match_atom_name() which helps in checking …", which tell what
 * the new thing does) or help for someone with no work named ("This will help readers of the
 * parser code").
 */
const USEFULNESS = new RegExp(String.raw`\b(?:is|are|was|were|(?<!\b(?:may|might)\s+)be|been|'s|proves?|proved)\s+(?:(?:\w+ly|also|quite|very|too|more|still|so|much|even)\s+){0,2}(?:useful|helpful|handy)\b|${SENTENCE_OPENING}(?:(?:especially|particularly|also|very|quite)\s+)?(?:useful|helpful|handy)\s+(?:for|when|to|if|in|with)\b|(?:\b(?:this|it)|${SENTENCE_OPENING}that)\s+(?:(?:will|would|should|can|could|may|might)\s+(?:also\s+)?help|(?:also\s+)?helps)\s+(?:to\s|with\s|\w+ing\b|[\w-]+\s+\w+ing\b|(?:remove|removes|reduce|avoid|prevent|keep|make|ensure|catch|find|debug|speed|simplify|understand|diagnose|identify|reassure)\b)|\b(?:another|an\s+added|an\s+extra|the\s+(?:main|other|added|extra))\s+(?:benefit|advantage|upside)\s+(?:of|is)\b`, "i");

/** Whether the body tells what a thing is worth or helps with (USEFULNESS); most bodies say neither word and skip the scan. */
export function usefulnessTold(text: string): boolean {
  return (text.includes("seful") || text.includes("elp") || text.includes("andy") || text.includes("enefit") || text.includes("dvantage")) && USEFULNESS.test(text);
}

/**
 * What the writers want, opening a sentence: "We want to be able to call it from multiple
 * places", "We'll want to use it for the tagging too", "Later we want to access this parsing in
 * builtin/pull as well", "Oftentimes, we'll want to refer to an empty tree by its hex name …",
 * "We don't want to lose the reflog", "We'd rather get the revisions in a slow but timely
 * manner than have to wait for them". Group 1 is the rest of the sentence. Not inside a clause
 * ("whether we want to read or write", "If we want to re-pack …", "the one we want to
 * unregister"), which tells a case, not a wish.
 */
const WISH = new RegExp(String.raw`${SENTENCE_OPENING}(?:(?:basically|later|often|oftentimes|sometimes|usually|generally|eventually|ultimately|really|so|but|and)\s*,?\s+)?we(?:'ll|'d|\s+will|\s+would)?\s+(?:(?:really|also|only|just|usually|often|eventually|still|do\s+not|don't|never)\s+)?(?:want|wish)\s+to\s+([^.!?\n]*(?:\n(?![ \t]*\n)[^.!?\n]*){0,3})|${SENTENCE_OPENING}we(?:'d|\s+would)\s+(?:much\s+)?rather\s+([^.!?\n]*(?:\n(?![ \t]*\n)[^.!?\n]*){0,3})`, "gi");

/** Whether a sentence opens on what the writers want (WISH), in words mostly not the summary's, as a goal is read. */
export function wishTold(text: string, summary: string): boolean {
  if (!text.includes("want") && !text.includes("wish") && !text.includes("rather")) return false;
  WISH.lastIndex = 0;
  for (let match = WISH.exec(text); match !== null; match = WISH.exec(text)) {
    if (saysItsOwn(match[1] ?? match[2], summary, 2)) return true;
  }
  return false;
}

/** A later change as a subject, with what it will do: "A later patch will make use of that code", "A future patch needs …", "Future commits will make use of these values", "The next patch depends on this". Group 1 is the rest of the sentence ("notes.c" does not end it), up to a blank line at most. */
/** The words that name a later change, one of which LATER_CHANGE, LATER_TIME and LATER_EASIER each need ("follow-up" is "follow" and "up"). */
const LATER_WORDS = new WordGate(["subsequent", "later", "next", "following", "upcoming", "future", "follow"]);
const LATER_CHANGE = /\b(?:(?:an?|the)\s+(?:subsequent|later|next|following|upcoming|future|follow-up)\s+(?:commits?|patch(?:es)?|changes?|steps?)|(?:subsequent|later|upcoming|future|follow-up)\s+(?:commits|patches|changes|steps))\s+((?:will|needs?|wants?|would|can|is\s+going|depends|relies|builds|uses|requires)\b(?:[^.!?\n]|\n(?![ \t]*\n)|[.!?](?=\S))*)/gi;
/**
 * What a later change takes from this one: it uses, reuses, needs or calls it ("will make use
 * of that code", "needs access to …", "would like to operate on their original values", "will
 * extract … and will require the enumeration"). Not "needs to" and a verb, which is work left
 * for later ("A later patch needs to get rid of the submodule API"), as is "the next patch will
 * rectify that" or "The next commit will introduce an option". Not "calls" or "access", as
 * often the nouns of that work ("needs to drop the submodule calls").
 */
const TAKES_FROM_THIS = /\b(?:use[sd]?|using|reuse[sd]?|need(?:s|ed)?(?!\s+to\b)|require[sd]?|want(?:s|ed)?|like\s+to|rel(?:y|ies)\s+on|depend(?:s)?\s+on|build(?:s)?\s+on|extend(?:s)?|share[sd]?|necessitat\w*|ha(?:s|ve)\s+to|must|benefit\w*|take\s+advantage|invoke[sd]?|operate\s+on)\b/i;

/**
 * A later change made easier by this one, which is its reason: "A subsequent patch to support
 * reading MIDX bitmaps will be less noisy after extracting …", "so later patches will be
 * simpler", "the next change to extend ssl_socket_connect() will become easier to read"; also
 * as the object of "make" ("This will make a subsequent functional change smaller", "This will
 * make subsequent patches more self-contained").
 */
const LATER_EASIER = /\b(?:subsequent|later|next|following|upcoming|future|follow-up)\s+(?:commits?|patch(?:es)?|changes?|steps?)\b[^.!?]{0,80}?\b(?:will|would|should)\s+(?:be|become)\s+(?:(?:much|a\s+lot|a\s+bit)\s+)?(?:easier|simpler|smaller|cleaner|shorter|less\s+noisy|more\s+readable)\b|\bma(?:ke|kes|king)\s+(?:(?:a|the|any|some|all)\s+)?(?:[a-z-]+\s+)?(?:subsequent|later|next|following|upcoming|future|follow-up)\s+(?:[a-z-]+\s+)?(?:commits?|patch(?:es)?|changes?|steps?)\s+(?:(?:much|a\s+lot|a\s+bit)\s+)?(?:easier|simpler|smaller|cleaner|shorter|less\s+(?:noisy|invasive|intrusive)|more\s+(?:readable|self-contained|focused|obvious|reviewable))\b/i;

/**
 * A later change named as the time of a use, not as a subject: "We will use this in a later
 * patch to …", "We'll need them in the next commit", "We will be adding another caller of this
 * function in a later patch", "This function will be extended in a subsequent commit", "This
 * function is used in a subsequent commit", "In a later commit in this series, we will call
 * these helpers from other contexts", "will let us annotate the extensions … in future
 * commits", "This makes the change in a later patch look less scary".
 */
const LATER_TIME = /\b(?:in|by|with|over|for|from)\s+(?:(?:an?|the|one\s+of\s+the)\s+)?(?:subsequent|later|next|following|upcoming|future|follow-up)\s+(?:commits?|patch(?:es)?|changes?|steps?)\b/gi;
/**
 * What the later change does with this one in that sentence: uses, needs, calls, extends or
 * builds on it, adds a caller or code to it, or is eased by it. Not work left for later on a
 * limit of this one (LATER_WORK_LEFT).
 */
const LATER_USE = /\b(?:(?:re)?use[sd]?|(?:re)?using|make\s+use|need(?:s|ed)?|require[sd]?|call(?:s|ed|ing)?|invoke[sd]?|extend(?:s|ed|ing)?|expand(?:s|ed|ing)?|build(?:s|ing)?\s+(?:up)?on|built\s+(?:up)?on|rel(?:y|ies|ied)\s+on|depend(?:s|ed)?\s+on|replace[sd]?|take\s+advantage|want|let\s+us|lets\s+us|allow\s+us|helps?|look\s+less|(?:add|adding)\s+(?:(?:an?|the|more|another|two|some|new)\s+)?(?:[\w-]+\s+){0,2}?(?:callers?|calls?|users?|uses?|code|options?|fields?|members?|support))\b/i;
const LATER_WORK_LEFT = /\b(?:fix(?:e[sd])?|rectif\w+|handle[sd]?|address(?:e[sd])?|improve[sd]?|clean(?:ed)?\s+up|deal\s+with|resolve[sd]?|remove[sd]?|drop(?:ped)?|rid|not|n't|never)\b/i;

/**
 * Whether the body names a later change and what it takes from this one (LATER_CHANGE,
 * TAKES_FROM_THIS), names one as the time it uses this one (LATER_TIME, LATER_USE) or how this
 * one eases it (LATER_EASIER): a preparation.
 */
export function laterChangeUses(text: string): boolean {
  if (!LATER_WORDS.opens(text)) return false;
  LATER_CHANGE.lastIndex = 0;
  for (let match = LATER_CHANGE.exec(text); match !== null; match = LATER_CHANGE.exec(text)) {
    if (TAKES_FROM_THIS.test(match[1])) return true;
  }
  LATER_TIME.lastIndex = 0;
  for (let match = LATER_TIME.exec(text); match !== null; match = LATER_TIME.exec(text)) {
    const from = match.index + match[0].length;
    const rest = sentenceRest(text, from, 300);
    const sentence = sentenceBefore(text, match.index) + rest;
    if (LATER_USE.test(sentence) && !LATER_WORK_LEFT.test(sentence)) return true;
  }
  return (text.includes("will") || text.includes("would") || text.includes("should") || text.includes("mak")) && LATER_EASIER.test(text);
}

/**
 * A requirement told with "should" or "must", about something other than the change: "the
 * variable should not be static and global", "… and should be accessible via the scoreboard
 * structure", "They should be errors", "test_must_fail should only be used for testing git commands",
 * "Redirection should not have SP before the filename", "Signal handlers should never call
 * syslog()"; or what a thing is needed for: "This conversion is
 * needed for dwim_log", "This is needed to convert parts of the cache-tree code", "Converting
 * checkout_fast_forward is required to convert parse_tree_indirect", "A full
 * object name is necessary to later reconstruct a fake ancestor index" (not "No lock is
 * needed to …"). Not a promise about the change ("This should not change behaviour",
 * "it should be safe", "The only change in behaviour should be …"), nor the state after it
 * ("now … should be"), nor a specification of a value, "must be" and what kind of thing it is
 * ("The config value must be a string adhering to the format …", "must be one of …"); negated,
 * that is a judgement again ("This variable should not be an exception").
 */
const SHOULD_BE = /(?<!\b(?:this|it|that|there|nothing|everything|we|you|i|users?|callers?)\s+)\b(?:should|must|ought\s+to)(?:(?:\s+not|n't)\s+be|\s+be(?!\s+(?:an?|one\s+of|either|of\s+(?:the\s+)?(?:type|form|format))\b)|(?:\s+not|n't)?\s+(?:stay|remain|live|belong)|\s+only\s+be|(?:\s+not|n't|\s+never)\s+(?:have|contain|include|call|use|rely|depend|assume|need))\b|\b(?:this|it|which|that)(?:\s+[\w-]+)?\s+(?:is|are)\s+(?:needed|required|necessary)\s+(?:for|by|to)\s+\S|(?<!\b(?:no|nothing|none|not)\s+(?:[\w-]+\s+){0,2})\b(?:is|are)\s+(?:(?:absolutely|strictly|really|also)\s+)?(?:necessary|needed|required|essential)\s+(?:in\s+order\s+)?to\s+(?:later\s+|\w+ly\s+)?(?!be\b)[a-z]/gi;

/** The words of SHOULD_BE that tell what a thing is needed for, whose goal follows them. */
const NEEDED_FOR = /\b(?:needed|required|necessary|essential)\b/i;

/** Whether the body states a requirement (SHOULD_BE) about today, not the state after the change. */
export function statesRequirement(text: string): boolean {
  const lower = lowered(text);
  if (!lower.includes("should") && !lower.includes("must") && !lower.includes("ought") && !lower.includes("need") && !lower.includes("required") && !lower.includes("necessary") && !lower.includes("essential")) return false;
  SHOULD_BE.lastIndex = 0;
  for (let match = SHOULD_BE.exec(text); match !== null; match = SHOULD_BE.exec(text)) {
    // "The only change in behaviour should be …" promises what the change does.
    const notToday = NEEDED_FOR.test(match[0]) ? NOT_TODAY_GOAL : NOT_TODAY;
    if (!CHANGE_ITSELF.test(sentenceBefore(text, match.index)) && tellsToday(text, match.index, notToday)) return true;
  }
  return false;
}

/** Kinds of system outside the code whose ways a change accommodates. */
const SYSTEM_KINDS = String.raw`(?:MTAs?|platforms?|systems?|compilers?|shells?|browsers?|servers?|implementations?|versions?|distributions?|distros?|terminals?|filesystems?|file\s+systems?|OSe?s|kernels?|libcs?|mailers?|mail\s+clients?|linkers?|assemblers?|toolchains?|awks?|seds?)`;

/**
 * A constraint from outside the code, told as a fact of today: what some of a kind of system
 * do or lack ("Some MTAs reject Cc: lines longer than 78 chars", "Older compilers do not know
 * __attribute__"), what a standard or a style guide says ("ISO C forbids the conversion of void pointers to
 * function pointers", "POSIX requires …", "The RFC says that they are to be concatenated", "PEP8
 * recommends that …", "PEP8 discourages use of extraneous padding"), or what a platform has not ("There is no fchmod()
 * on native Windows"); also what some systems use or have ("Many Linux distributions use
 * xinetd(8), not inetd(8)", "Solaris 10 and newer has strtoumax()"), or any fact told of them
 * ("On some systems, the chrome browser is named google-chrome"). The change accommodates it,
 * which is its reason.
 */
const OUTSIDE_CONSTRAINT = new RegExp(String.raw`\b(?:(?:[Ss]ome|[Mm]any|[Cc]ertain|[Oo]lder|[Oo]ld|[Mm]ost)\s+(?:[\w.-]+\s+){0,2}?${SYSTEM_KINDS}\s+(?:\w+ly\s+)?(?:reject|refuse|forbid|disallow|lack|don't|do\s+not|cannot|can't|won't|choke|insist|truncate|mangle|misinterpret|complain|barf|have|use|ship|install|provide|name|call|default\s+to|only\s+(?:support|accept|allow|understand))|[Oo]n\s+(?:some|many|certain|older|most|several)\s+(?:[\w.-]+\s+){0,2}?${SYSTEM_KINDS},?\s+(?=[\w"'\x60])|(?:and|or)\s+(?:newer|later)\s+(?:has|have|provides?|supports?|ships?)\s|`
  + String.raw`(?:POSIX|ISO\s+C|C89|C99|C11|SUSv\d|PEP\s?\d+|[Tt]he\s+(?:(?:C|POSIX)\s+)?(?:standard|RFC|spec|specification)|[Tt]he\s+(?:[\w.-]+\s+)?(?:style\s+guide|coding\s+(?:guidelines|standards?))|RFC\s*\d+)\s+(?:\w+ly\s+)?(?:forbids|requires|mandates|disallows|prohibits|recommends|discourages|advises|encourages|does\s+not\s+(?:allow|permit|guarantee|require|specify)|doesn't\s+(?:allow|permit|guarantee|require|specify)|says|specifies|states|leaves)|[Tt]here\s+is\s+no\s+\x60?[\w.-]+(?:\(\))?\x60?\s+(?:on|in|under)\s+(?:native\s+)?[A-Z][\w-]*|[Tt]he\s+(?:[\w.-]+\s+)?(?:documentation|manual(?:\s+page)?|man\s?page|docs)\s+(?:\w+ly\s+)?(?:says|states|suggests|claims|specifies|promises|mentions)|[Aa]ccording\s+to\s+(?:POSIX|SUSv\d|ISO|C\d\d|RFC|FHS|the\s+(?:[\w.-]+\s+){0,2}?(?:standard|specification|spec|RFC|documentation|manual|man\s?page|docs))|(?:is|are)\s+not\s+(?:available|portable|supported|present)\s+(?:on\s+(?:all|every|some|many|older|native)|everywhere|on\s+(?:native\s+)?[A-Z][\w-]*)|(?:does\s+not|doesn't|do\s+not|don't)\s+exist\s+(?:on|in|under)\s+(?:native\s+)?[A-Z][\w-]*|(?:Windows|Mac\s?OS(?:\s+X)?|OS\s+X|macOS|Solaris|AIX|HP-UX|Cygwin|MinGW|MSVC|[A-Z][a-z]*BSD)(?:\s+v?\d[\w.]*)?\s+(?:does\s+not|doesn't|do\s+not|don't|cannot|can't|lacks|has\s+no|disallows|forbids|rejects))\b`, "g");
/**
 * A word each of OUTSIDE_CONSTRAINT's forms needs: the kind of system, "newer" or "later", what
 * a standard or the documentation does, "there is no", "according to", what is not available,
 * "exist", or the system's name (a BSD is looked for as part of a word: "FreeBSD").
 */
const OUTSIDE_WORDS = new WordGate([
  ...["mta", "platform", "system", "compiler", "shell", "browser", "server", "implementation", "version", "distribution", "distro", "terminal", "filesystem", "kernel", "libc", "mailer", "client", "linker", "assembler", "toolchain", "awk", "sed"].flatMap((word) => [word, `${word}s`]),
  ...["oss", "oses", "newer", "later"],
  ...["forbids", "requires", "mandates", "disallows", "prohibits", "recommends", "discourages", "advises", "encourages", "does", "doesn", "says", "specifies", "states", "leaves"],
  ...["there", "suggests", "claims", "promises", "mentions", "according", "available", "portable", "supported", "present", "exist"],
  ...["windows", "mac", "macos", "os", "solaris", "aix", "hp", "cygwin", "mingw", "msvc"],
]);

/** Whether the body tells a constraint from outside the code (OUTSIDE_CONSTRAINT) as today's fact, not the new thing's. */
export function outsideConstraint(text: string): boolean {
  return mayTellOutsideConstraint(text) && toldOfToday(text, OUTSIDE_CONSTRAINT, aboutAfterChange);
}

/** Whether `text` has the words one of OUTSIDE_CONSTRAINT's forms needs. */
function mayTellOutsideConstraint(text: string): boolean {
  return OUTSIDE_WORDS.opens(text) || lowered(text).includes("bsd");
}

/**
 * What people who use the code do, want or meet, as a habit told in the present: "Sometimes
 * people just include the whole format-patch output in the commit e-mail", "Users often find
 * that \"next\" and \"prev\" do the opposite of what they expect", "Users want to know what
 * branch they are sitting on", "Some people prefer it this way", "most users expect it",
 * "Sometimes, the user may want to add notes without a separator";
 * or what is commonly done to a thing: "Meta1-F5 is commonly mapped by window managers", "Paths
 * in the host:path notation are usually interpreted relative to the login directory". The
 * change serves or works around it, which is its reason. Not "Users can now …", "users who
 * want … can set …" (the new behaviour), nor what the change wants of them ("users will want
 * to …").
 */
const PEOPLE_HABIT = /\b(?:(?:sometimes|often|usually)\s+(?:the\s+)?(?:people|users|developers|folks)\s+(?!can\b|could\b|will\b|would\b|should\b|must\b|need\b|who\b|that\b|of\b|to\b|and\b|or\b|with\b|in\b|on\b|for\b)[a-z]+|(?:people|users|developers|folks)\s+(?:(?:often|sometimes|usually|commonly|frequently|typically|generally|regularly|routinely|tend\s+to)\s+(?:\w+ly\s+)?[a-z]+|(?:(?:may|might|would)\s+(?:also\s+)?)?(?:want|prefer|expect|like)\s+(?:to\b|it\b|this\b|that\b|the\b|a\b|an\b))|(?:the|a)\s+user\s+(?:(?:often|sometimes|usually)\s+)?(?:(?:may|might|would)\s+(?:also\s+)?(?:want|prefer|expect|like|wish)|wants|prefers|expects|wishes)\s+(?:to\b|it\b|this\b|that\b|the\b|a\b|an\b)|(?:is|are)\s+(?:commonly|often|frequently|usually|typically|widely|routinely)\s+(?:mapped|used|set|bound|configured|installed|seen|found|done|written|called|named|run|interpreted|understood|treated|regarded|considered|taken|read|spelled|spelt|parsed)\b)/gi;

/** The new thing named after a habit's words ("… should not need this option", "… with the new flag"). */
const NEW_THING_AFTER = /\b(?:this|the\s+new|such\s+an?)\s+(?:option|flag|setting|feature|command|mode|variable|knob)\b/i;

/** Whether the body tells a habit or a need of people who use the code (PEOPLE_HABIT), of today, not the new thing's. */
export function peopleHabit(text: string): boolean {
  const lower = lowered(text);
  const people = lower.includes("people") || lower.includes("user") || lower.includes("developers") || lower.includes("folks");
  if (!people && !lower.includes("monly") && !lower.includes("often") && !lower.includes("usually") && !lower.includes("frequently") && !lower.includes("typically") && !lower.includes("widely") && !lower.includes("routinely")) return false;
  PEOPLE_HABIT.lastIndex = 0;
  for (let match = PEOPLE_HABIT.exec(text); match !== null; match = PEOPLE_HABIT.exec(text)) {
    const head = sentenceBefore(text, match.index);
    if (CHANGE_ITSELF.test(head) || AFTER_CHANGE.test(head)) continue;
    // After the match too: "Usually users should not need this option" is about the new option.
    if (NEW_THING_AFTER.test(sentenceRest(text, match.index, 300))) continue;
    if (tellsToday(text, match.index, NOT_TODAY)) return true;
  }
  return false;
}

/**
 * What was possible before, or how things used to be, which is what the change is about: "Before
 * commit d0b92a3f6e it was possible to run 'git index-pack' directly in …", "It was possible to
 * open the search input and the goto-line input at the same time", "It used to be possible to
 * …", "It used to be a single, huge line, badly wrapped by xterm", "We used to clobber author
 * time", "git_diff_print which used to get the tabstop wrong", "The -a and -r options used to
 * be silently ignored". Not "is used to …" or "the helper used to compute …", which use a
 * thing, nor a condition ("if it was possible to …", "whether we were able to …").
 */
const PAST_WAY = /\b(?:(?:was|were)\s+(?:\w+ly\s+)?(?:possible|able|allowed)\s+to\s+[a-z]|(?:it|we|they|this|that|he|she|you|one|git|which|who)\s+(?:\w+ly\s+)?used\s+to\s+[a-z]|(?<!\b(?:is|are|was|were|be|been|being|gets?|got|getting)\s+)used\s+to\s+be\b)/gi;
const CONDITION = /\b(?:if|whether|unless|when|once|after|so\s+that|until|wish|hoped?)\b/i;

/** Whether the body tells what was possible before or how things used to be (PAST_WAY), outside a condition or the change's own sentence. */
export function pastWay(text: string): boolean {
  // Lower-cased and without "to": the pattern reads "Used to be …" and "used\nto" too.
  const lower = lowered(text);
  if (!lower.includes("used") && !lower.includes("possible") && !lower.includes("able") && !lower.includes("allowed")) return false;
  PAST_WAY.lastIndex = 0;
  for (let match = PAST_WAY.exec(text); match !== null; match = PAST_WAY.exec(text)) {
    const head = sentenceBefore(text, match.index);
    if (!CONDITION.test(head) && !CHANGE_ITSELF.test(head)) return true;
  }
  return false;
}

/** Blanks between two words of a sentence, a line wrap among them but no blank line (each blank read once). */
const WRAP = String.raw`(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)(?!\n)`;

/**
 * A need of the code told in the present, with a subject of its own: "We need to check that the
 * writes we perform … work", "The buffer allocated by shorten_unambiguous_ref() needs to be
 * released", "git help -w needs to know the right location of installed pages", "Refnames can
 * contain shell metacharacters which need to be passed verbatim". Group 1 is what is needed;
 * the word before the verb is read by WORD_BEFORE_NEED.
 */
const NEED_TOLD = new RegExp(String.raw`\bneeds?${WRAP}to${WRAP}(?:\w+ly${WRAP})?([^.;!?\n]*(?:\n(?![ \t]*\n)[^.;!?\n]*)*)`, "gi");
/** The word before "need" (an adverb such as "only" or "really" skipped), contractions whole ("We'll"). */
const WORD_BEFORE_NEED = /([\w'\u2019-]+(?:\(\))?)\s+(?:(?:only|really|also|first|always|actually)\s+)?$/;
/**
 * Words before "need to" that make it no statement of today's need: a noun's determiner ("the
 * need to"), an instruction ("you need to set …", "one need to"), a later or remaining task
 * ("we'll need to", "we still need to"), a negation or a hedge ("don't need to", "may need
 * to"), a relative ("what needs to be done", "callers who need to").
 */
const NOT_A_NEED = /^(?:the|a|an|any|no|you|one|callers?|ll|will|would|might|may|could|should|shall|still|not|don't|doesn't|didn't|never|that|which|who|what|whatever|then|eventually|later|soon|ever|to|t|s)$/i;

/** Whether the body states a need of today's code (NEED_TOLD) in words of its own, not an instruction, a condition, later work or the change's. */
export function needTold(text: string, summary: string): boolean {
  if (!text.includes("need")) return false;
  NEED_TOLD.lastIndex = 0;
  for (let match = NEED_TOLD.exec(text); match !== null; match = NEED_TOLD.exec(text)) {
    const word = WORD_BEFORE_NEED.exec(text.slice(Math.max(0, match.index - 60), match.index))?.[1];
    // "We'll need to", "doesn't need to": the word after the apostrophe is what counts.
    if (word === undefined || NOT_A_NEED.test(word.replace(/^.*['\u2019]/, "")) || EMPTY_NEED.test(match[1])) continue;
    if (notOfToday(sentenceBefore(text, match.index), true)) continue;
    if (saysItsOwn(match[1], summary, 2) && tellsToday(text, match.index, NOT_TODAY)) return true;
  }
  return false;
}

const THIS_WAY = new RegExp(String.raw`(?:${SENTENCE_OPENING}(?:This|That|In\s+this|In\s+that)|;\s+(?:this|that|in\s+this|in\s+that))\s+way(?:,|\s+(?!(?:of|to|is|was|are|were|for|than|around|that|which|seems?|looks?|feels?|works?|has|had|does|did|should|would|will|can|could|might|may|must|isn't|wasn't|doesn't|won't)\b)[a-z])`);
const ANTICIPATION = /\bin\s+anticipation\s+of\b/i;
const SAVES = /\b(?:this|it|which|that|doing\s+so|and)\s+(?:also\s+|should\s+|will\s+|would\s+|can\s+)?(?:saves?|spares?)\s+(?:us\s+)?(?:(?:(?:quite\s+)?(?:a\s+(?:little|bit|lot|few|couple)(?:\s+of)?|some|much|many|lots\s+of|several|considerable|an?\s+(?:extra|unnecessary|needless|redundant)|extra|unnecessary|needless|redundant)\s+){0,2}(?:time|memory|space|bandwidth|cpu|cycles|work|effort|round-?trips?|allocations?|syscalls?|system\s+calls?|copy|copies|bytes|disk|calls?|lookups?|passes|traversals?)|(?:an?|one)\s+(?:extra|unnecessary|needless|redundant|superfluous)\s+[a-z][\w-]*)\b/i;
const SPEEDS_UP = /\bspeeds?\s+(?:this|it|things|that|them)\s+up\b/i;
const BECOMES_BETTER = /\b(?:the\s+(?:code|result|logic|function|loop|output|implementation)|it|this)\s+(?:also\s+)?becomes\s+(?:(?:much|a\s+bit|slightly|a\s+lot|far)\s+)?(?:shorter|simpler|cleaner|clearer|easier|more\s+(?:readable|robust|efficient|obvious))\b/i;
const HOPE = /\bhopefully\s+(?:(?:we|this|it|that|the|they|users|people|you|there)\s+(?:[\w-]+\s+){0,3}?)?(?:will|would|should|can|could|makes?|helps?|reduces?|avoids?|prevents?)\b|\b(?:will|would|should)\s+hopefully\b/i;
const FIRST_STEP = /\b(?:step\s+one|(?:the|a)\s+first\s+step)\s+(?:of|in|towards?)\b/i;
const LY_EFFECT = /,\s+(?:greatly|vastly|significantly|considerably|drastically|dramatically|noticeably|slightly)\s+(?:improving|reducing|simplifying|shrinking|shortening|speeding\s+up|cutting|lowering)\s+(?=\w)/i;
const FREES_FROM = /\bfrees?\s+(?:[\w-]+\s+){0,2}?from\s+(?:having\s+to|the\s+(?:need|burden)|needing)\b/i;
const GETS_RID = /\b(?:this|which|it|that)\s+(?:also\s+|will\s+|should\s+)?gets?\s+rid\s+of\b/i;
const AS_WE = /,\s+as\s+we\s+(?=\w)/i;
const ONLY_SENSE = /\bonly\s+makes\s+sense\s+(?:if|when)\b/i;

/**
 * Whether the body tells what the change brings about or looks ahead to, in wordings the
 * other readings leave out: "This way, the sleep is interrupted …", "In anticipation of
 * sharing …", "This saves a lot of time when …", "Using test_commit_bulk speeds this up",
 * "the code becomes shorter", "hopefully we will have less merge conflicts", "This is step one
 * of creating a common library", "…, greatly improving readability", "It frees callers from
 * having to …", "Advising … only makes sense if …", "This gets rid of two arbitrary length
 * limits", "…, as we seem to use this check in many places". Each pattern is guarded by a word
 * it needs, with any whitespace where the pattern allows a line break.
 */
export function resultTold(text: string): boolean {
  const lower = lowered(text);
  return (
    (/\sway[,\s]/.test(lower) && THIS_WAY.test(text)) ||
    (lower.includes("anticipation") && ANTICIPATION.test(text)) ||
    ((lower.includes("save") || lower.includes("spare")) && SAVES.test(text)) ||
    (lower.includes("speed") && SPEEDS_UP.test(text)) ||
    (lower.includes("becomes") && BECOMES_BETTER.test(text)) ||
    (lower.includes("hopefully") && HOPE.test(text)) ||
    (lower.includes("step") && FIRST_STEP.test(text)) ||
    (/ing\s/.test(lower) && LY_EFFECT.test(text)) ||
    (lower.includes("frees") && FREES_FROM.test(text)) ||
    (lower.includes("sense") && ONLY_SENSE.test(text)) ||
    (/\srid\s+of/.test(lower) && GETS_RID.test(text)) ||
    (/\sas\s+we/.test(lower) && AS_WE.test(text))
  );
}

/**
 * A consequence drawn from what the text told just before, with "this", "that" or "it" as the
 * subject of "means" at a sentence's start or after a semicolon or ", and": "…; this means that
 * commit messages like "Merging FOO" are not matched by default", "This means you can do bad
 * things by putting "../" into the name", "This means one less process in the pipeline", "…, and
 * it means that we do not break the &&-chain". What follows is what the old code led to or what
 * the change gains. Not "what it means", a question, nor "If X is 0, this means …", a value's
 * meaning after a condition's comma.
 */
const MEANS_CONSEQUENCE = new RegExp(String.raw`(?:${SENTENCE_OPENING}|;\s+|,\s+and\s+)(?:this|that|it)\s+(?:(?:also|then|now|effectively|basically|ultimately|in\s+turn)\s+)?means\b`, "i");

/** Whether the body draws a consequence with "this means …" (MEANS_CONSEQUENCE). */
export function meansConsequence(text: string): boolean {
  return lowered(text).includes("means") && MEANS_CONSEQUENCE.test(text);
}

/**
 * "as" after a comma, opening a clause of cause whose verb is a modal, a negation or "neither …
 * nor" ("Prevent generating delta offsets beyond 4G, as the xdelta used in the pack format
 * cannot represent such large offset", "…, as the source buffer at these locations may not be
 * NUL-terminated", "…, as it neither owns nor modifies it"). The causal cue reads "as" only
 * before a form of "be", "have" or "do" within four words. The subject is a pronoun or opens on
 * a determiner, so "as well as", "as soon as", "as before", "such as" and "as follows" are left
 * out; so is "as" of manner, a modal with nothing after it, with a verb of noticing ("as it
 * should.", "as we will see", "as you would expect", "as we did before") or with the order's own
 * verb ("Quote the path, as a shell would quote it"). Group 1 is the subject, group 2 empty after
 * "neither", group 3 the verb after the modal.
 */
const CAUSAL_AS = /,[ \t\n]+as[ \t\n]+((?:it|they|we|this|these|those|there)|(?:the|a|an|our|its|their|this|that|these|those|such|some|many|most|all|older|other)(?:[ \t\n]+[\w.()`'"\/-]+){1,6}?)[ \t\n]+(?:(?:only|already|also|still|simply|just|often|usually|typically|generally)[ \t\n]+)?(?:neither[ \t\n]+[a-z]+[ \t\n]+nor\b()|(?:may|might|can|could|must|should|would|will|cannot|can't|couldn't|won't|wouldn't|mustn't|shouldn't|need)(?:[ \t\n]+not|n't)?[ \t\n]+([a-z]+)[ \t\n]+(?=[\w`'"(-]))/gi;
/** Verbs after "as" and a modal that tell a manner or a reading, not a cause: "as we will see". */
const MANNER_AS_VERB = /^(?:see|seen|tell|imagine|guess|expect|notice|observe|find|read|learn|remember|verify|confirm|do|did|done|with|in|for|on|at|to|from|by|when|if|and|or|than)$/i;

/** A verb without its ending, so "quote", "quotes" and "quoted" compare equal. */
function verbStem(word: string): string {
  return word.toLowerCase().replace(/(?:es|ed|e|s)$/, "");
}

/** Whether a clause opened by ", as" gives the cause with a modal, a negation or "neither … nor" (CAUSAL_AS). */
export function causalAsTold(text: string): boolean {
  if (!text.includes(", as") && !text.includes(",\nas") && !text.includes(", As")) return false;
  CAUSAL_AS.lastIndex = 0;
  for (let match = CAUSAL_AS.exec(text); match !== null; match = CAUSAL_AS.exec(text)) {
    const verb = match[3];
    if (verb !== undefined && MANNER_AS_VERB.test(verb)) continue;
    // The order done as someone else does it: "Print the refs, as the other commands will print them".
    if (verb !== undefined && verbStem(verb) === verbStem(FIRST_WORD.exec(sentenceBefore(text, match.index))?.[1] ?? "")) continue;
    // The change or its new thing as the subject tells what it brings, not a cause of today.
    if (CHANGE_ITSELF.test(match[1]) || AFTER_CHANGE.test(match[1])) continue;
    return true;
  }
  return false;
}

/**
 * What a way of doing things brings, told with a gerund as the sentence's subject and a verb of
 * effect: "Using the macro avoids such surprises", "Changing the name of the local variable
 * prevents future possible misunderstanding", "Using 2-parameter add in example 1 makes the
 * example much simpler", "Stripping off that final slash … allows git-gui to stage changes",
 * and of the old way, "Calling qsort(3) directly with a NULL pointer … allows the compiler to
 * optimize away any following NULL checks"; also a copula and a comparison in its favour:
 * "Maintaining an array of hashes is easier using sha1_array than open-coding it". The gerund opens the sentence and its phrase runs
 * to the verb within a clause (a line wrap included); words in -ing that are no gerund
 * ("Nothing", "String", "During") are left out.
 */
const EFFECT_VERB = /\b(?:avoids|prevents|allows|lets|simplifies|reduces|saves|eliminates|speeds\s+up|shortens|improves|protects|ensures|guarantees|clarifies|(?:provides|offers|gives)\s+(?:(?:some|more|better|extra|additional|much|a\s+lot\s+of)\s+)?(?:protection|safety|security|robustness|flexibility|clarity|consistency)|(?:is|are)\s+(?:(?:much|a\s+lot|far|a\s+bit|slightly)\s+)?(?:easier|simpler|cleaner|clearer|safer|nicer|shorter|more\s+(?:readable|robust|efficient|portable|reliable|natural|obvious|idiomatic))|makes\s+(?:\S+\s+){0,6}?(?:easier|simpler|clearer|safer|cleaner|faster|shorter|harder|impossible|more\s+\w+))\b/gi;
/** A sentence that opens on a gerund and runs to the verb within a clause (at most 100 characters on). */
const GERUND_OPENING = /^\s*(?:(?:[-*+\u2022]|\d+[.)])[ \t]*)?(?!(?:nothing|something|anything|everything|during|string|thing|king|ring|spring|bring|sing|swing|morning|evening|ceiling|pending)\b)[a-z]{2,}ing\s[^;:]{0,100}$/i;

/** Whether a sentence tells what doing something brings with a gerund subject. */
export function gerundEffect(text: string): boolean {
  // The verb of effect first, then the sentence's opening before it: a pattern that tried
  // every sentence opening for a gerund read the whole text for each body.
  EFFECT_VERB.lastIndex = 0;
  for (let match = EFFECT_VERB.exec(text); match !== null; match = EFFECT_VERB.exec(text)) {
    if (GERUND_OPENING.test(sentenceBefore(text, match.index))) return true;
  }
  return false;
}

/**
 * What people expect of the code, told as the reason to meet it: "It seems a user would expect
 * this option would work regardless of …", "Most callers would reasonably expect …". An expectation is the
 * standard the change is measured by, as a requirement is; not the manner "as you would expect
 * from the other commands", "works like you would expect", nor the expectations of code ("The
 * test expects …").
 */
const PEOPLE_EXPECT = /(?<!\b(?:as|like)\s+(?:(?:a|the|any|most)\s+)?)\b(?:(?:a|the|any|most)\s+)?(?:users?|people|one|you|anyone|anybody|everyone|everybody|readers?|callers?|developers?)\s+(?:would|might|will|could|may)\s+(?:(?:naturally|reasonably|probably|rightly|usually)\s+)?expect\b/i;

/** Whether the body tells what people would expect (PEOPLE_EXPECT). */
export function expectationTold(text: string): boolean {
  return text.includes("expect") && PEOPLE_EXPECT.test(text);
}

/**
 * One thing judged to cover another, the reason to keep only it: "The latter can do everything
 * the former can and is used in many more places", "struct strbuf is a superset of …".
 */
const COVERS_OTHER = /\bcan\s+do\s+(?:everything|all|anything)\s+(?:that\s+)?(?:(?:the|a|an|this|that|our|its)\s+)?(?:[\w()'`"./-]+\s+){1,2}?(?:can|does|did|could)\b|\b(?:is|are)\s+(?:a\s+|the\s+)?(?:strict\s+)?superset\s+of\b/i;

/** Whether the body judges one thing to cover another (COVERS_OTHER). */
export function coversOther(text: string): boolean {
  // Most bodies hold neither "superset" nor "can do": a scan for the two skips the full pattern.
  return COVERS_SKIM.test(text) && COVERS_OTHER.test(text);
}

/** The words COVERS_OTHER cannot do without, in any case: a cheaper scan than the pattern's. */
const COVERS_SKIM = /uperset|an\s+do\b/i;

/**
 * A failure seen only somewhere, or only seemingly: "which is OK in POSIX but broken in some
 * shells", "fails on older compilers", "It seems to break the build on Windows". Where it fails
 * places the failure as a case does; the hedge does not make it any less a report of one.
 */
const FAILS_SOMEWHERE = /\b(?:broken|breaks|fails?|misbehaves?|crash(?:es)?|unsupported|rejected)\s+(?:in|on|with|under|by)\s+(?:some|certain|older|many|several|a\s+few|other)\s+[\w-]+|\b(?:seems?|appears?)\s+to\s+(?:break|fail|crash|hang|misbehave|corrupt|confuse|trigger)\b/gi;

/** Whether the body tells of a failure seen somewhere or seemingly (FAILS_SOMEWHERE), today and not after the change. */
export function failsSomewhere(text: string): boolean {
  FAILS_SOMEWHERE.lastIndex = 0;
  for (let match = FAILS_SOMEWHERE.exec(text); match !== null; match = FAILS_SOMEWHERE.exec(text)) if (tellsToday(text, match.index, NOT_TODAY)) return true;
  return false;
}

/**
 * A benefit to people, told with a comparative: "Make it easier for readers to find …", "which
 * will be a lot easier for translators", "… simpler for new contributors"; or what new options
 * or helpers let them do: "These options allow users to control how …". Who gains is the reason.
 */
const EASIER_FOR_PEOPLE = new RegExp(String.raw`\b(?:easier|simpler|clearer|safer|nicer|friendlier|less\s+confusing|more\s+(?:convenient|obvious|discoverable|intuitive|readable))\s+for\s+(?:the\s+|our\s+|new\s+|end[- ]?|most\s+|other\s+)?(?:${BENEFICIARY}|readers?)\b|\b(?:these|those|the\s+new)\s+[\w-]+\s+(?:(?:will|would|also|now)\s+)?(?:allow|let|enable|help)\s+(?:the\s+|our\s+)?${BENEFICIARY}\b`, "i");

/** Whether the body tells a benefit to people (EASIER_FOR_PEOPLE). */
export function easierForPeople(text: string): boolean {
  return EASIER_FOR_PEOPLE.test(text);
}

/**
 * Code told to be duplicated today: "There are two very similar blocks of code that recognize
 * options …", "three nearly identical copies of the loop". Two of a kind is the reason to unify
 * them, as "duplicates the logic" is (FAULTY_MANNER). Not copies the change makes ("Add two
 * identical copies of the fixture").
 */
const DUPLICATES_TOLD = /(?<!\b(?:add|adds|added|adding|create|creates|created|creating|introduce|introduces|introduced|introducing|generate|generates|generated|generating|write|writes|wrote|writing)\s+)\b(?:two|three|four|several|multiple|many)\s+(?:(?:very|nearly|almost|mostly|essentially|largely)\s+)?(?:similar|identical|duplicated?)\s+(?:(?:[\w-]+\s+)?(?:blocks|copies|functions|implementations|loops|pieces|code\s+paths|versions|helpers|routines|definitions|snippets))\b/i;

/** Whether the body tells of duplicated code (DUPLICATES_TOLD). */
export function duplicatesTold(text: string): boolean {
  // Most bodies hold none of the three adjectives: a scan for them skips the full pattern.
  return DUPLICATES_SKIM.test(text) && DUPLICATES_TOLD.test(text);
}

/** The adjectives DUPLICATES_TOLD cannot do without, in any case. */
const DUPLICATES_SKIM = /imilar|dentical|uplicat/i;

/**
 * A design of today told as the ground the change stands on: what is so "by design" ("The cache
 * is evicted by design when the session closes", "This set of variables is broken by design",
 * "test_expect_failure by design hides segfaults"), or the design named at fault ("which was a
 * design mistake", "to work around a design flaw in git-svn", "a broken design"). The change
 * revisits what the design does or works within it, which is its reason. Not said of the change
 * or its new thing ("The new cache is dropped by design …"), nor of the state after it, nor a
 * fault denied ("This is not a design flaw", "There is no design flaw in …"), as
 * requirementNamed leaves "is not a requirement".
 */
const DESIGN_TOLD = /\bby\s+design\b|(?<!\b(?:not|no|never|isn't|wasn't)\s+(?:(?:a|an|the|any)\s+)?)(?:\bdesign\s+(?:flaw|limitation|bug|mistake|error|problem|issue)s?\b|\b(?:flawed|broken|faulty)\s+design\b)/gi;
/** The word every form of DESIGN_TOLD holds. */
const DESIGN_WORDS = new WordGate(["design"]);

/** Whether the body tells what today's design does or where it is at fault (DESIGN_TOLD). */
export function designTold(text: string): boolean {
  return DESIGN_WORDS.opens(text) && statedOfToday(text, DESIGN_TOLD);
}

/**
 * People, and their kinds of account, that a design or a requirement is for: "users",
 * "contributors", "developers". Not the nouns that as often name a thing in code, "the new client"
 * (of a protocol), "reader", "visitor", "player", "subscriber" or a struct's "member".
 */
const NEW_PEOPLE = String.raw`(?:users?|contributors?|developers?|devs|people|members|maintainers?|customers?|employees?|hires?|comers|folks|accounts?|admins?|administrators?|authors?|reviewers?|students?)`;
/**
 * Where people (NEW_PEOPLE) end their noun phrase: at a mark, the end of the words read, or
 * before a word that opens no noun ("for the new users who …", "… of the new contributors and
 * …"). Before any other word the people noun qualifies a thing: "the new users table", "the new
 * admin page".
 */
const PEOPLE_END = String.raw`(?![ \t]*-|[ \t\n]+(?!(?:who|whom|whose|that|which|of|in|on|at|to|for|from|with|without|and|or|as|by|since|until|when|while|if|because|so|than|is|are|was|were|will|would|can|could|must|should|may|might|need|have|has|had|do|does|get|only|too|also|now|today|here|there)\b)[a-z])`;
/**
 * What a design or a requirement is said to be of, right after the match, when that is the
 * change or its new thing: "Node 20 is a requirement of the new build", "… by design in this
 * patch". The words before the match (aboutAfterChange) miss it there. The change's new thing
 * is a definite one, so "new" counts only after "the", "this", "our" or "its": without one it
 * names a kind of today's things or people ("a requirement for new code", "by design for new
 * contributors"). Nor before people (NEW_PEOPLE: "for the new users" are people of today, who
 * the design or the requirement is for, "the new user accounts" too) that end their noun phrase
 * (PEOPLE_END: "the new users table" is a thing), a short list rather than a reading of what
 * follows "new", which for a thing is any noun.
 */
const OF_NEW_THING = new RegExp(String.raw`^[ \t\n]+(?:of|for|in|by|with)[ \t\n]+(?:(?:the|this|our|its)[ \t\n]+new\b(?![ \t\n]+(?:${NEW_PEOPLE}[ \t\n]+)?${NEW_PEOPLE}\b${PEOPLE_END})|(?:(?:the|this|our|its)[ \t\n]+)?(?:change|commit|patch|series)\b)`, "i");

/**
 * toldOfToday for a reading that a statement makes: a match in a question states nothing ("Is
 * the cache evicted by design?", "Is this a requirement here?"), and one said of the change's
 * new thing after it (OF_NEW_THING) is what the change brings, not today's ground.
 */
function statedOfToday(text: string, pattern: RegExp): boolean {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const end = match.index + match[0].length;
    if (aboutAfterChange(sentenceBefore(text, match.index)) || !tellsToday(text, match.index, NOT_TODAY)) continue;
    if (OF_NEW_THING.test(text.slice(end, end + 40))) continue;
    if (statementRest(text, end, 300) === null) continue;
    return true;
  }
  return false;
}

/**
 * A requirement named by its noun with a copula before it: "A single writer is a hard
 * prerequisite of the design", "Having one writer is one of the preconditions of the format", "In
 * more recent versions of MediaWiki this is a requirement", "a Perl interpreter available is a
 * strict requirement for running our unit tests". What something is a requirement of is why the
 * change keeps or adds it (PREPARES reads the bare "is a prerequisite for" of a later step). Not
 * negated ("is not a requirement"), nor said of the change's new thing or after it.
 */
const REQUIREMENT_NAMED = /\b(?:is|are|was|were|remains?|remained|becomes?|became|being|'s)\s+(?:(?:also|still|really|effectively|actually|arguably|clearly)\s+)?(?:an?|one\s+of\s+the|among\s+the|part\s+of\s+the)\s+(?:(?:hard|key|strict|basic|fundamental|essential|necessary|core|important|implicit|explicit|central|design|main|prime|absolute|crucial|critical|firm|minimum|minimal|known|documented|stated|long-standing)\s+){0,2}(?:pre-?requisites?|preconditions?|requirements?)\b/gi;
/** A word every form of REQUIREMENT_NAMED holds ("pre-requisite" holds "requisite"). */
const REQUIREMENT_WORDS = new WordGate(["prerequisite", "prerequisites", "requisite", "requisites", "precondition", "preconditions", "requirement", "requirements"]);

/** Whether the body names a requirement of today (REQUIREMENT_NAMED), not of the new thing. */
export function requirementNamed(text: string): boolean {
  return REQUIREMENT_WORDS.opens(text) && statedOfToday(text, REQUIREMENT_NAMED);
}

/** The reason readings with a WordGate, as features.ts and the functions above ask them. */
export const GATED_READINGS: readonly GatedReading[] = [
  { name: "PREPARES", patterns: [PREPARES], gates: [PREPARES_WORDS, BE, PREPARES_BE_WORDS, WE, ABOUT_TO], opens: mayPrepare },
  { name: "JUDGED_EFFECT", patterns: [JUDGED_EFFECT], gates: [JUDGED_EFFECT_WORDS], opens: (text) => JUDGED_EFFECT_WORDS.opens(text) },
  { name: "JUDGED_BETTER", patterns: [JUDGED_BETTER], gates: [JUDGED_BETTER_WORDS], opens: (text) => JUDGED_BETTER_WORDS.opens(text) },
  { name: "BENEFIT", patterns: [BENEFIT], gates: [BENEFIT_VERBS, BENEFIT_SUBJECTS, BENEFIT_SPARED], opens: mayBenefit },
  { name: "ENABLES", patterns: [ENABLES], gates: [ENABLES_WORDS, NOW, THAT], opens: mayEnable },
  { name: "STATED_REASON", patterns: [STATED_REASON], gates: [STATED_REASON_WORDS], opens: (text) => STATED_REASON_WORDS.opens(text) },
  { name: "PROBLEM_TOLD", patterns: [PROBLEM_TOLD], gates: [PROBLEM_TOLD_WORDS], opens: (text) => PROBLEM_TOLD_WORDS.opens(text) },
  { name: "MEASURED_COST", patterns: [MEASURED_COST], gates: [MEASURED_COST_WORDS], opens: (text) => MEASURED_COST_WORDS.opens(text) },
  { name: "givesGoal", patterns: [GOAL_CLAUSE], gates: [GOAL_WORDS], opens: (text) => GOAL_WORDS.opens(text) },
  { name: "faultFound", patterns: [FAULT_FOUND], gates: [FAULT_WORDS], opens: (text) => FAULT_WORDS.opens(text) },
  { name: "outsideConstraint", patterns: [OUTSIDE_CONSTRAINT], gates: [OUTSIDE_WORDS], opens: mayTellOutsideConstraint, needles: ["bsd"] },
  { name: "laterChangeUses", patterns: [LATER_CHANGE, LATER_TIME, LATER_EASIER], gates: [LATER_WORDS], opens: (text) => LATER_WORDS.opens(text) },
  { name: "contradictionTold", patterns: [CLAIMED], gates: [CONTRADICTING_WORDS, CLAIM_WORDS, CONTRARY], opens: mayContradict },
  { name: "designTold", patterns: [DESIGN_TOLD], gates: [DESIGN_WORDS], opens: (text) => DESIGN_WORDS.opens(text) },
  { name: "requirementNamed", patterns: [REQUIREMENT_NAMED], gates: [REQUIREMENT_WORDS], opens: (text) => REQUIREMENT_WORDS.opens(text) },
];

/**
 * The plain pattern GATED_READINGS lists as `name`, run behind that entry's own gate: the test
 * readsReason (features.ts) makes, so that the gate it runs is the one gate-cover.test.ts checks.
 */
function gatedTest(name: string): (text: string) => boolean {
  const reading = GATED_READINGS.find((entry) => entry.name === name);
  if (reading === undefined || reading.patterns.length !== 1) throw new Error(`no gated plain pattern ${name}`);
  const [pattern] = reading.patterns;
  const opens = reading.opens;
  return (text) => opens(text) && pattern.test(text);
}

export const preparesTold = gatedTest("PREPARES");
export const judgedEffectTold = gatedTest("JUDGED_EFFECT");
export const judgedBetterTold = gatedTest("JUDGED_BETTER");
export const benefitTold = gatedTest("BENEFIT");
export const enablesTold = gatedTest("ENABLES");
export const statedReasonTold = gatedTest("STATED_REASON");
export const problemToldPlain = gatedTest("PROBLEM_TOLD");
export const measuredCostTold = gatedTest("MEASURED_COST");
