// Reads how a body says what the change does: "X now reads …", a present after a past, "This adds …".
import { CHANGE_VERBS, FIX_VERBS, ORDER_ONLY_VERBS, PROBLEM_STRONG, PROBLEM_WEAK } from "./cues.js";
import { pastNarrative } from "./narrative.js";
import { isImperativeAt, ordersWithUnlistedVerb, SETS_UP_VERBS } from "./orders.js";
import { clauseRest, SENTENCE_OPENING, sentenceBefore } from "./sentences.js";
import { lemmatize } from "./summary.js";

/**
 * "this" and a verb of the change: "This adds an empty placeholder file so …", "This removes the
 * unused writer", "This modifies 'git apply --recount' to take …", "This extends the workaround
 * from 6ac6f878", "This restores the older behaviour"; a fix verb with the approach after it, "to"
 * and a verb before a determiner or a pronoun ("This fixes the testcase to strip any such sign …";
 * not "This fixes it", "This fixes an error introduced to git-apply"). Not what "this" (the old
 * code) costs: "This adds latency to every request", "This introduces a race", "This adds up to …".
 * "This simplifies …" is left out: it tells the gain as often as the change. The change named says
 * the same ("The patch moves …"; not "The commit …", as often an earlier one). A verb that sets
 * something up counts with its particle ("This sets up the config directory", "This wires up …",
 * "This cleans up the error path"), and so do "creates", "registers", "installs", "configures" and
 * "sets" before its object ("This sets the hidden attribute on …"), with "this" opening a
 * sentence: after a clause before it ("From the point of view of Mercurial, this creates a new
 * branch head", "Unfortunately, this creates a new issue") "this" is what a scene or the old code
 * does far more often than the change. Not what "this" (the old code) brings about: "This creates
 * all kinds of edge cases".
 */
export const THIS_CHANGES = new RegExp(String.raw`\b(?:this|the\s+(?:patch|change|series))\s+(?:(?:just|simply|also|basically|merely|instead)\s+)?(?:changes|corrects|adds|removes|drops|deletes|moves|renames|replaces|introduces|implements|extracts|splits|converts|rewrites|teaches|updates|makes|modifies|adjusts|extends|restores|tweaks|reworks|refactors|tightens|relaxes|loosens|skips|detects|(?<=(?:^|[.!?:]\s+|\n\s*\n\s*|(?:^|\n)[ \t]*[-*+•][ \t]+)(?:this|the\s+(?:patch|change|series))\s+(?:(?:just|simply|also|basically|merely|instead)\s+)?)(?:${SETS_UP_VERBS})|(?:tests|checks)(?=\s+(?:if|whether|for|that)\b)|fixes(?=\s+(?:[^\s.,;:!?]+\s+){1,6}?(?:not\s+)?to\s+[a-z]+\s+(?:the|a|an|any|all|each|every|it|them|this|these|those|its|their|such)\b))\b(?!\s+up\b|(?<=makes)\s+(?:\S+\s+){4,6}?(?:hard|harder|difficult|impossible|possible|easier|simpler|clearer|shorter|confusing|slower)\b|\s+(?:\S+\s+){0,3}?(?:overhead|latency|complexity|noise|confusion|regressions?|bugs?|races?|problems?|issues?|leaks?|deadlocks?|hard|harder|difficult|impossible|possible|easier|simpler|clearer|confusing|slow|slower|hang|crash|corrupt|sense|edge|corner|headaches?|complications?|trouble|churn|mess)\b)`, "i");

/**
 * The word before "now" (with a closing quote, bracket or comma: '"files" now includes', "X,
 * which both rules use, now skips"; a name with digits or a call, "p4 now", "rawText() now"; not
 * a sentence's end nor a bare number, "GCC 16 now", "git-clone(1) now"), "now" and the word after
 * it. The look-behind starts a match only at a word's start, keeping the scan linear.
 */
const NOW_VERB = /(?<![a-z0-9_'])(?=[a-z0-9_']*[a-z'"])([a-z0-9_']+)(?:\(\))?["'`)\],]*[ \t\n]+now[ \t\n]+([a-z]+)\b/gi;
/** Words before "now" that make it a time, not the state after the change: "right now", "for now". */
const NOW_TIME = /^(?:right|for|until|till|by|just|even|of|from|than|and|but|so|then|is|are|was|were|be|been)$/i;

/**
 * A sentence opening on an event other than this change ("Since the lodash bump, the parser
 * now rejects …", "After the Node 20 upgrade the server now takes …"): its "now" is the state
 * the change responds to, not the one it makes. "Since X now skips …, drop …" gives a reason.
 */
const REGRESSION_CLAUSE = /^\s*(?:ever\s+)?(?:since|after)\b/i;
/** "After this change, X now …": the state after this change after all. */
const THIS_CHANGE = /\b(?:this|the)\s+(?:change|commit|patch|fix|series|pr)\b/i;
/**
 * Present verbs of what a thing says, shows or does that are no change verbs ("The message now
 * ends …", "The hook's section now says …", "The copy now leaves out …", "The error line now
 * names …"): after "now" they tell the behaviour the change brings unless the sentence names a
 * problem or a cost ("The lock now ends up in …", "now leaves a stale lock", "now takes 5 s").
 */
const NOW_DESCRIBING_VERBS = new Set(["say", "state", "name", "ask", "point", "leave", "end", "begin", "look", "know", "understand", "see", "match", "cover", "mirror", "answer", "refer", "carry", "hold", "spell", "quote", "word"]);
/** Of NOW_DESCRIBING_VERBS, those whose object is what is said, which may well name a problem ("now says that a quadratic reading fails"). */
const SAYING_VERBS = new Set(["say", "state", "name", "ask", "answer", "quote", "spell", "word"]);
/** The rest of a clause after the verb: up to a sentence's end, a colon or a semicolon. */
const NOW_CLAUSE = /^[^.!?;:\n]*(?:\n(?![ \t]*\n)[^.!?;:\n]*)*/;

/** A word's base form among NOW_DESCRIBING_VERBS ("says", "matches", "carries"), or the word itself. */
function describingLemma(word: string): string {
  if (NOW_DESCRIBING_VERBS.has(word) || !word.endsWith("s")) return word;
  if (word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (NOW_DESCRIBING_VERBS.has(word.slice(0, -1))) return word.slice(0, -1);
  return word.endsWith("es") ? word.slice(0, -2) : word;
}

/**
 * What follows a present verb of behaviour when the sentence states a cost, not the new
 * behaviour: time or resources ("The server now takes about 12 s", "now takes twice as long",
 * "now uses 2 GB").
 */
const COST_AFTER_VERB = /^[ \t\n]*(?:(?:(?:about|almost|nearly|over|more[ \t\n]+than|up[ \t\n]+to|around|roughly|at[ \t\n]+least)[ \t\n]+)?(?:\d[\d.,]*|a[ \t\n]+few|several|many|two|three|four|five|ten|hundreds[ \t\n]+of|thousands[ \t\n]+of)[ \t\n]*(?:s|ms|secs?|seconds?|minutes?|mins?|hours?|days?|[kmg]i?b|bytes?|megabytes?|gigabytes?|times[ \t\n]+(?:as[ \t\n]+long|longer|more)|x[ \t\n]+(?:as[ \t\n]+long|longer|more))\b|(?:(?:twice|\w+[ \t\n]+times|much|far|way|even)[ \t\n]+)?(?:as[ \t\n]+long|longer|more[ \t\n]+(?:time|memory)|forever|ages|a[ \t\n]+while|too[ \t\n]+long)\b)/i;

/**
 * The body states how things behave after the change with a change verb after "now" ("The
 * sink now catches the error", "summaryPrefixLength now skips emoji") or a verb of what a thing
 * says, shows or does ("The message now ends …", NOW_DESCRIBING_VERBS): the verb in the present,
 * third person or plural, after a subject or a modal, and no cost after it ("now takes 5 s").
 * "Is now", "we now" and "now uses" are cues of their own (CHANGE_DESCRIPTION).
 */
export function newBehaviour(text: string): boolean {
  NOW_VERB.lastIndex = 0;
  for (let match = NOW_VERB.exec(text); match !== null; match = NOW_VERB.exec(text)) {
    if (NOW_TIME.test(match[1])) continue;
    // "Since the lodash bump, the parser now rejects …"; but "Since X was replaced, we can now
    // enable …" says what the change can do at last.
    if (!/^can$/i.test(match[1])) {
      const sentence = sentenceBefore(text, match.index);
      if (REGRESSION_CLAUSE.test(sentence) && !THIS_CHANGE.test(sentence)) continue;
    }
    const word = match[2].toLowerCase();
    // One of NOW_DESCRIBING_VERBS, in its base form or the third person?
    const base = describingLemma(word);
    const describing = NOW_DESCRIBING_VERBS.has(base);
    const lemma = describing ? base : lemmatize(word);
    if (!describing && !CHANGE_VERBS.has(lemma) && !FIX_VERBS.has(lemma) && !ORDER_ONLY_VERBS.has(lemma)) continue;
    // "now reads", "now catches", "now catch" (a plural subject); not "now added" or "now adding".
    if (word !== lemma && !(word.endsWith("s") && !word.endsWith("ss"))) continue;
    const end = match.index + match[0].length;
    if (COST_AFTER_VERB.test(text.slice(end, end + 60))) continue;
    if (!describing) return true;
    // "I now know …" is the writer's own finding, not the change's.
    if ((/^(?:i|we)$/i.test(match[1]) && /^(?:know|understand|see)$/.test(lemma)) || (lemma === "end" && /^[ \t\n]*up\b/i.test(text.slice(end, end + 8)))) continue;
    const clause = NOW_CLAUSE.exec(text.slice(end, end + 200))![0];
    // What the thing says may name a problem ("now says \"not a git repository\""); what it
    // does may not ("now points to an invalid memory location"); nor may the sentence's
    // subject ("a failure in updating the ref now leaves us with …").
    if (!SAYING_VERBS.has(lemma) && (PROBLEM_STRONG.test(clause) || PROBLEM_WEAK.test(clause))) continue;
    if (!PROBLEM_STRONG.test(sentenceBefore(text, match.index + match[1].length))) return true;
  }
  return false;
}

/**
 * A sentence that opens on its subject and a verb in the present ("It keeps a counter of
 * running tasks", "The sidebar checks for an empty list", "The new tokenizer walks the input"):
 * group 1 is "new" when the subject is the change's new thing, group 2 the verb.
 */
const PRESENT_SENTENCE = /(?:^|[.!?]\s+|\n[ \t]*\n[ \t]*)(?:It|They|(?:The|This|These|Each)\s+(?:(new)\s+)?(?:[A-Za-z][\w'-]*\s+){0,2}[A-Za-z][\w'-]*)\s+(?:(?:only|also|then|instead|first)\s+)?([a-z]+[^suy\W]s)\b/g;
/** A sentence that goes on to what is wrong with the behaviour it describes ("… requires a working tree, but it should …"). */
const SHORTCOMING = /\b(?:but|should|ought|even\s+(?:if|when|though)|although|however|unless)\b/i;
/** What follows a present verb that describes behaviour: an object or a preposition (ORDER_OBJECT), a number, or how often. */
const BEHAVIOUR_OBJECT = /^[ \t]*(?:one|two|three|four|five|six|seven|eight|nine|ten|once|twice|only|every|per)\b/i;

/**
 * The body contrasts the old behaviour, told in the past ("The scheduler started every ready
 * task at once."), with the new one, told in the present after it ("It keeps a counter of
 * running tasks and only dequeues when …"): the present sentence says what the change does.
 * So does a present sentence about the change's new thing ("The new tokenizer walks the input
 * once"). Not a present sentence that names a problem ("It never frees the buffer") or one
 * without a past narrative before it, which may as well tell how things are before the change.
 */
export function contrastedBehaviour(text: string): boolean {
  if (text === "") return false;
  PRESENT_SENTENCE.lastIndex = 0;
  for (let match = PRESENT_SENTENCE.exec(text); match !== null; match = PRESENT_SENTENCE.exec(text)) {
    const verb = match[2];
    const lemma = lemmatize(verb);
    const end = match.index + match[0].length;
    const known = lemma !== verb && (CHANGE_VERBS.has(lemma) || FIX_VERBS.has(lemma) || ORDER_ONLY_VERBS.has(lemma));
    // A known verb, or any verb of the new thing's, with what a verb of behaviour takes after it.
    if (!(known || match[1] !== undefined) || !(isImperativeAt(text, end) || BEHAVIOUR_OBJECT.test(text.slice(end, end + 12)))) continue;
    // "The job now takes twice as long": a cost, not the behaviour.
    if (COST_AFTER_VERB.test(text.slice(end, end + 60))) continue;
    const sentence = clauseRest(text, end, 300);
    if (PROBLEM_STRONG.test(sentence) || PROBLEM_WEAK.test(sentence) || SHORTCOMING.test(sentence)) continue;
    if (match[1] !== undefined || pastNarrative(text.slice(0, match.index + 1))) return true;
  }
  return false;
}

/**
 * A statement that a state ended ("branch --help does not die anymore", "tests no longer fail if
 * …", "DIFF_FORMAT_RAW is not default anymore") or began, told in the passive of a change verb
 * ("gitweb.cgi is now generated", "show-files is now called git-ls-files"). Group 1 is "now"'s
 * participle.
 */
const NEW_STATE = /\b(?:no longer|any ?more)\b|\b(?:is|are)\s+now\s+([a-z]+ed)\b/i;
/**
 * What a part can stop doing that is a problem, not a change: "X doesn't work anymore", "no longer
 * builds"; and what a thing stops being for other code, the reason to remove it rather than the
 * change: "is not used anymore", "no longer needed".
 */
const ENDED_FAILURE = /\b(?:work|compile|build|run|pass|start|load|link|boot|install|succeed|exist|use|used|need|needed|necessary|required|referenced|called)(?:s|ed)?\b/i;

/**
 * Whether a summary without a verb of its own states the state the change brings: a state
 * that ends (NEW_STATE's "no longer", "anymore") or one that begins in the passive of a change
 * verb ("is now generated"). Not "is now thread-safe" (a plain state, as often the reason) nor a
 * part that stops working (ENDED_FAILURE).
 */
export function statesNewState(core: string): boolean {
  const match = NEW_STATE.exec(core);
  if (match === null) return false;
  if (match[1] !== undefined) {
    const lemma = lemmatize(match[1].toLowerCase());
    return lemma !== match[1].toLowerCase() && CHANGE_VERBS.has(lemma);
  }
  return !ENDED_FAILURE.test(core);
}

/**
 * The change told in the passive of a change verb with what it did after it: "fmt_ident() was
 * taught to interpret an empty string …", "A test is added to t0020 that triggers the segfault",
 * "The parsing code is fixed to avoid the crash", "The check is moved to the caller", "The unused
 * helper is removed.". The present, or "was taught": git's idiom for what a change teaches a
 * command. Group 1 is the participle.
 */
const PASSIVE_CHANGE = /\b(?:is|are|(was|were))[ \t\n]+(?:(?:now|also|then|instead|simply|just|therefore|thus|hence|first|finally|likewise|similarly|accordingly)[ \t\n]+)?(taught|moved|added|fixed|changed|converted|renamed|replaced|split|extracted|factored|rewritten|reworked|updated|adjusted|extended|modified|switched|introduced|dropped|removed|deleted|corrected|refactored|restructured|reordered|unified|inlined|guarded|wrapped|reverted|tightened|relaxed|simplified|renumbered|rewired|reused|passed)(?=[ \t\n]+(?:to|into|from|out|in|on|at|by|with|so|as|up|down|away|over|under|instead|before|after|inside|off|back|accordingly|too|and|throughout)\b|[ \t\n]*[.,;:])/gi;
/** Participles that name no change of their own when nothing follows them ("This is fixed."). */
const VAGUE_PARTICIPLES = new Set(["fixed", "changed", "updated", "adjusted", "modified", "corrected", "reworked", "simplified"]);
/** Words in the sentence before the verb that make it a condition, a relative clause or a habit of the old code, not the change ("when the file is added to …", "which is moved …", "Currently each entry is added to …"). */
const PASSIVE_NOT_CHANGE = /\b(?:if|when|whenever|once|unless|until|while|because|since|after|before|where|whether|which|that|who|what|how|currently|previously|normally|usually|typically|originally|always|still|each|every|used\s+to|would|could|might|there|should|must|can|cannot|later|earlier|old|no|nothing|none|neither|nor)\b/i;
/** What after the verb makes it a habit, a later change or an earlier one ("… as they are read", "is fixed in the next patch", "was taught to … in 1.7.0"). */
const PASSIVE_LATER_OR_EARLIER = /\b(?:when|whenever|each\s+time|every\s+time|as\s+soon\s+as|unless|next|later|following|subsequent|future|upcoming|since|ago)\b|\b(?:in|by|with|as\s+of)[ \t\n]+(?:(?:the|an?)[ \t\n]+)?(?:(?:earlier|previous|prior|last)[ \t\n]+)?(?:commit|release|version|v?\d+\.\d+|[0-9a-f]{7,40})\b/i;

/** Where a goal or a reason starts after the verb: what follows it may name the problem the change avoids. */
const GOAL_AFTER = /\b(?:to[ \t\n]+(?:avoid|prevent|fix|stop|handle|cope|deal|work[ \t\n]+around)|so|because|since|as)\b/i;

/**
 * Whether the body tells the change in the passive (PASSIVE_CHANGE) after a short subject of its
 * own, not in a condition, a relative clause or a sentence about the old code, a later or an
 * earlier change, nor one that names a problem ("The entry is added twice, which corrupts …").
 */
export function passiveChange(text: string): boolean {
  PASSIVE_CHANGE.lastIndex = 0;
  for (let match = PASSIVE_CHANGE.exec(text); match !== null; match = PASSIVE_CHANGE.exec(text)) {
    const participle = match[2].toLowerCase();
    // The past only for git's "was taught": "was moved" tells an earlier change as often, and
    // so does "was just taught", "was already taught".
    if (match[1] !== undefined && (participle !== "taught" || /\b(?:just|already|recently)\b/i.test(match[0]))) continue;
    const head = sentenceBefore(text, match.index);
    const words = head.trim().split(/\s+/).length;
    if (head.trim() === "" || words > 8 || PASSIVE_NOT_CHANGE.test(head)) continue;
    const end = match.index + match[0].length;
    const after = text.slice(end, end + 12);
    // "This is fixed.", "These are updated.": a fix or a vague verb alone names no change.
    if (VAGUE_PARTICIPLES.has(participle) && /^[ \t\n]*[.,;:]/.test(after)) continue;
    // "The prefix is added by die()", "is removed by parse_options": what the code's agent does, not the change.
    if (participle !== "replaced" && participle !== "superseded" && /^[ \t\n]+by\b/i.test(after)) continue;
    const rest = clauseRest(text, end, 300);
    // The problem the change avoids may follow in a goal ("is fixed to avoid the crash").
    const effect = rest.split(GOAL_AFTER, 1)[0];
    if (PASSIVE_LATER_OR_EARLIER.test(rest) || PROBLEM_STRONG.test(head) || PROBLEM_STRONG.test(effect)) continue;
    return true;
  }
  return false;
}

/**
 * "we" and the change's verb after a word that makes it this change's act rather than a habit
 * of the old code: "Instead we fall back to SHA1 when …", "In order to suppress the warning, we
 * simply correct the return type", "Now we always transform both states …", "Now we update the
 * HEAD ref if …", "Here I change the function so that …". Group 1 is the verb.
 */
const WE_NOW = /\b(?:(?:[Ii]nstead|[Nn]ow|[Tt]herefore|[Tt]hus|[Hh]ence|[Hh]ere)[ \t\n]*,?[ \t\n]+(?:we|I)|we[ \t\n]+(?:instead|now|simply|just|therefore))[ \t\n]+(?:(?:simply|just|instead|now|also|only|always|then)[ \t\n]+)?([a-z]+)\b/g;
/**
 * Verbs no list knows that tell what "we" want, know, have or meet rather than do, and past
 * tenses that look like base forms: after "we" none of them is the change's act.
 */
const NOT_AN_ACT = new Set([
  "want", "need", "know", "think", "hope", "wish", "like", "care", "expect", "mean", "feel", "believe", "guess", "find",
  "get", "own", "hold", "lack", "miss", "seem", "happen", "end", "lost", "got", "found", "had", "did", "saw", "knew",
  "thought", "took", "went", "came", "left", "kept", "felt", "told", "said", "ran", "wrote", "built", "sent", "spent",
  "began", "broke", "brought", "caught", "chose", "gave", "held", "meant", "met", "understood", "won",
]);
/** A sentence that tells how things are before the change, or what is wrong with that. */
const OLD_WAY = /\b(?:currently|previously|normally|usually|typically|used\s+to|at\s+the\s+moment|at\s+present|right\s+now|so\s+far|until\s+now|but|however|should|although|wasteful|slow|expensive|unnecessar\w*|needless\w*|redundant|wrong\w*|incorrect\w*|bugs?|broken|fail\w*|crash\w*|leak\w*|problem\w*|issues?)\b/i;

/**
 * Whether the body says what "we" do in this change (WE_NOW): a change verb in the present
 * with an object, in a sentence that tells neither how things were nor what is wrong with them
 * ("Currently we just read the whole file", "Now we call it twice, which is wasteful").
 */
export function weActNow(text: string): boolean {
  WE_NOW.lastIndex = 0;
  for (let match = WE_NOW.exec(text); match !== null; match = WE_NOW.exec(text)) {
    const verb = match[1];
    const end = match.index + match[0].length;
    if (lemmatize(verb) !== verb) continue;
    // A verb no list knows is the change's act with a determiner or a pronoun after it
    // ("Instead, we name the tests individually", "Now we draw both scrollbars"), unless it
    // tells what "we" want, know or have ("we just want a single commit") or is a past tense
    // ("Now we lost the … rule").
    if (CHANGE_VERBS.has(verb) || FIX_VERBS.has(verb) || ORDER_ONLY_VERBS.has(verb) ? !isImperativeAt(text, end) : NOT_AN_ACT.has(verb) || !ordersWithUnlistedVerb(verb, text, end)) continue;
    const sentence = sentenceBefore(text, match.index) + clauseRest(text, match.index, 300);
    if (!OLD_WAY.test(sentence)) return true;
  }
  return weCanAct(text);
}

/**
 * What "we" can, will, should or need to do, told as the change's way: "we can just use that to
 * get the …", "We can instead skip …", "so we'll use a separate SVN::Pool for them", "so we
 * should respect those configuration options", "we need to pass that flag over to http-push".
 * Group 1 is the verb.
 */
const WE_CAN = /\b[Ww]e(?:[ \t\n]+(?:can|will|should|must|need[ \t\n]+to|have[ \t\n]+to)|'ll)[ \t\n]+(?:(?:just|simply|instead|now|also|then|safely|easily|still|always|rather|first)[ \t\n]+)?([a-z]+)\b/g;
/**
 * A word right before "we" that makes its "can" a circumstance, a question or a purpose rather
 * than the change: "if we can", "when we will", "so that we can", "how we can", "while we can
 * easily test …", "the same way we can write …".
 */
const WE_CAN_SUBORDINATE = /\b(?:if|when|whenever|unless|until|before|after|once|how|whether|that|where|because|since|as|while|what|which|who|than|way)[ \t\n]+$/i;
/**
 * A sentence where "we can" or "we will" is not this change's way: what may come later ("In the
 * next major release, we will switch …"), an alternative set against the one taken ("We can use
 * $PWD, but …"), what the old code did or what we would do.
 */
const WE_CAN_ASIDE = /\b(?:currently|previously|normally|usually|used\s+to|although|though|later|future|eventually|next|someday|longer\s+term|long\s+run|would|could|might|yet|until|otherwise)\b|\?/i;
/** A contrast after "we can …" that sets it aside ("We can use $PWD, but the path …"); one before it turns to the new way ("But since we now have …, we can just use that"). */
const WE_CAN_CONTRAST = /\b(?:but|however)\b/i;

/** Whether the body says what "we" can, will, should or need to do as the change's way (WE_CAN), a verb of the lists with an object. */
function weCanAct(text: string): boolean {
  WE_CAN.lastIndex = 0;
  for (let match = WE_CAN.exec(text); match !== null; match = WE_CAN.exec(text)) {
    const verb = match[1];
    if (lemmatize(verb) !== verb || !(CHANGE_VERBS.has(verb) || FIX_VERBS.has(verb) || ORDER_ONLY_VERBS.has(verb))) continue;
    if (!isImperativeAt(text, match.index + match[0].length)) continue;
    if (WE_CAN_SUBORDINATE.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
    const rest = clauseRest(text, match.index, 300);
    if (!WE_CAN_ASIDE.test(sentenceBefore(text, match.index) + rest) && !WE_CAN_CONTRAST.test(rest)) return true;
  }
  return false;
}

/**
 * A sentence opening on "Now", a comma after it at most ("Now it handles an arbitrary number
 * of files", "Now, repeat prompts display on separate lines"); not "Now that …", which gives a
 * reason. The look-ahead keeps "Now" a word of its own.
 */
const NOW_OPENING = new RegExp(String.raw`${SENTENCE_OPENING}Now(?![\w'-])`, "g");
/** What follows "Now" when it opens no description: "that" (a reason), "I" (the writer's own doings), "is"/"on"/"either" (a time or a turn of the argument). */
const NOW_NOT_SUBJECT = /^,?[ \t\n]+(?:that|i|is|on|either|if|for|what|here|there's|comes|the\s+question|let's)\b/i;
/**
 * A main clause after a comma, the sign of "Now" meaning "now that": "Now the codepath was
 * cleaned up, we can do so in one place", "Now multi-head fetch is complete, let's …", "…, there
 * is no reason to …", "…, it is time to …".
 */
const NOW_THAT_MAIN = /,[ \t\n]+(?:we|there|let's|let[ \t\n]+us|so|it's|it[ \t\n]+is|i|you)\b/i;

/** Words that place what the text told before the change: "Previously …", "used to", "Up to now". */
const OLD_TIME = /\b(?:used\s+to|previously|earlier|before\s+(?:this|the\s+change|now)|prior\s+to|until\s+now|up\s+to\s+now|so\s+far|in\s+the\s+past|originally|historically|currently)\b/i;

/**
 * Whether the body sets the behaviour after the change against the one before it with a
 * sentence opening on "Now" ("… used to behave identically. Now the latter just gives an empty
 * output", "This meant we never showed the files. Now we setup our overloaded auto_load …"):
 * only after the text has told how things were (a past narrative, "previously", "used to", …),
 * and not when the sentence names a problem or a fault ("Now it crashes …", "… but …", "…,
 * which is wasteful") or reads as "now that" with a main clause of its own after a comma. A
 * "Now" that opens the body tells the state the change builds on as often ("Now the only piece
 * missing is …").
 */
export function nowContrast(text: string): boolean {
  // Where the last sentence that may describe the change opens: a text that told how things
  // were before an earlier one told it before this one too, so the text is read back once.
  let last = -1;
  NOW_OPENING.lastIndex = 0;
  for (let match = NOW_OPENING.exec(text); match !== null; match = NOW_OPENING.exec(text)) {
    const end = match.index + match[0].length;
    const after = text.slice(end, end + 20);
    if (NOW_NOT_SUBJECT.test(after)) continue;
    // One line of the sentence: a wrap between "do" and "not" hides no negation.
    const sentence = clauseRest(text, end, 400).replaceAll("\n", " ");
    if (PROBLEM_STRONG.test(sentence) || OLD_WAY.test(sentence) || SHORTCOMING.test(sentence) || NOW_THAT_MAIN.test(sentence)) continue;
    last = match.index;
  }
  if (last < 0) return false;
  const before = text.slice(0, last + 1);
  return OLD_TIME.test(before) || pastNarrative(before);
}

/**
 * How a merge's release note (the prose above its shortlog) reports the topic's change: the
 * perfect passive of a change verb ("The command has been taught to show progress …", "Sources
 * … have been moved to t/helper/", "… has been corrected to flip the executable bit …") or what a
 * command "learned" ('"git send-email" learned "--transfer-encoding" option'). Group 1 is the
 * passive's participle, group 2 "learned".
 */
const NOTE_CHANGE = /\b(?:has|have)[ \t\n]+been[ \t\n]+(?:[a-z]+ly[ \t\n]+)?([a-z]+)\b|(?<!\b(?:we|I|you|they)[ \t\n]+)\b(learned|learnt)[ \t\n]+(?=to\b|["'`a-z])/g;
/** What follows a participle when the passive tells of an earlier time, not this change ("has been deprecated since 2.x", "… for years"). */
const NOTE_EARLIER = /^[ \t\n]+(?:since|for|ever|in[ \t\n]+the[ \t\n]+past|long[ \t\n]+ago|before)\b/;
/** Verbs too vague to describe a change by themselves at a sentence's end ("The handling has been improved."). */
const NOTE_VAGUE = /^(?:improve|update|change|tweak|adjust|enhance|clean|cleanup|touch|polish)$/;

/**
 * Whether a merge's release note reports the topic's change (NOTE_CHANGE). A fix verb or a vague
 * one ending its sentence ("…, which has been fixed.", "… has been improved.") only names the
 * fix of the problem the note told; with more after it ("has been corrected to flip …") it says
 * what the topic does.
 */
export function mergeNoteChange(text: string): boolean {
  NOTE_CHANGE.lastIndex = 0;
  for (let match = NOTE_CHANGE.exec(text); match !== null; match = NOTE_CHANGE.exec(text)) {
    if (match[2] !== undefined) return true;
    const participle = match[1].toLowerCase();
    const verb = lemmatize(participle);
    if (verb === participle || !(participle.endsWith("ed") || participle.endsWith("en") || participle.endsWith("t")) || !(CHANGE_VERBS.has(verb) || FIX_VERBS.has(verb))) continue;
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
    if (NOTE_EARLIER.test(after)) continue;
    if ((FIX_VERBS.has(verb) || NOTE_VAGUE.test(verb)) && /^[ \t\n]*(?:[.!?;]|$)/.test(after)) continue;
    return true;
  }
  return false;
}

/**
 * A change told as a gerund that brings the fix: "Inserting an unuse_pack() call prior to the
 * recursion allows us to avoid pinning …", "… whereby switching the variable to size_t fixes the
 * warning", "… but removing the internal error seems to be the simplest fix". The gerund opens a
 * sentence or a clause ("but", "whereby", "and", "so", "that") and its effect follows within
 * the clause (100 characters, a line wrap included). "allows" only with "us": a gerund telling
 * the old way's harm ("Passing NULL allows the compiler to …") is a reason, not the change; nor
 * does an effect denied ("switching the variable no longer fixes the warning", "never fixes").
 */
const GERUND_FIXES = /(?:^|[.!?][ \t\n]+|\n[ \t]*\n[ \t]*|\b(?:but|whereby|and|so|that)[ \t\n]+)(?:(?:simply|just)[ \t\n]+)?([A-Za-z]+ing)[ \t\n]+(?:[^.;:!?\n]|\n(?![ \t]*\n)){1,100}?(?<!\b(?:no[ \t\n]+longer|never)[ \t\n]+)\b(?:fixes|solves|resolves|avoids|prevents|addresses|allows[ \t\n]+us|(?:should|will|would)[ \t\n]+(?:fix|solve|resolve|avoid|prevent)|(?:is|seems[ \t\n]+to[ \t\n]+be)[ \t\n]+(?:the|a)[ \t\n]+(?:simplest|simple|right|proper|correct|easiest|easy|obvious|cleanest|minimal)[ \t\n]+(?:fix|solution|way))\b/g;
/** Change verbs whose gerund tells an attempt, not the change ("Attempting to run git-blame … prevents …"). */
const ATTEMPT_VERBS = new Set(["attempt", "try"]);

/** Whether the body tells its change as a gerund that fixes or avoids the problem (GERUND_FIXES). */
export function gerundFixes(text: string): boolean {
  GERUND_FIXES.lastIndex = 0;
  for (let match = GERUND_FIXES.exec(text); match !== null; match = GERUND_FIXES.exec(text)) {
    const verb = lemmatize(match[1].toLowerCase());
    if (CHANGE_VERBS.has(verb) && !ATTEMPT_VERBS.has(verb)) return true;
    // Read on from the gerund: the next clause may hold another.
    GERUND_FIXES.lastIndex = match.index + match[0].indexOf(match[1]) + match[1].length;
  }
  return false;
}
