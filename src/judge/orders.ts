// Reads orders in prose: a change verb in its base form with an object, also after a purpose clause.
import { CHANGE_VERBS, FIX_VERBS, ORDER_ONLY_VERBS } from "./cues.js";
import { openingClauses, sentenceBefore, SENTENCE_OPENING, statementRest } from "./sentences.js";
import { lemmatize } from "./summary.js";

/**
 * What follows a verb that gives an order: a determiner or pronoun ("Add a check", "Free the
 * buffer", "Make it …"), a particle ("Set up atexit"), a preposition that goes with the verb
 * ("Wait for outstanding borrows", "Retry on 503", "Check before …"), or a token of code ("Use
 * atomic_long_add_return", "Allow --init-timeout", "Make `foo()` …"). A plain word ("Round
 * trips are slow", "Cache misses …") reads as a noun phrase, a subject rather than an order.
 */
const ORDER_OBJECT = /^[ \t]*\n?[ \t]*(?<=\s)(?:(?:the|a|an|all|any|each|every|its|their|our|my|your|his|her|it|them|this|these|those|that|some|no|both|up|out|off|down|back|away|sure|at[ \t\n]+(?:most|least)|one|two|three)\b|[^\sA-Za-z]|[A-Za-z]+[^\sA-Za-z,;:.!?])/i;

/**
 * A preposition after the verb, and what makes that verb a noun: a copula or a failure soon
 * after ("Support for X is missing", "Build with clang fails on macOS"), not a condition's
 * ("exit with non-0 status if patch fails").
 */
const ORDER_PREPOSITION = /^[ \t]*\n?[ \t]*(?:for|until|on|into|before|after|with)\s/i;
const SUBJECT_OF_COPULA = /^(?:\s+(?!(?:if|when|unless)\b)\S+){1,5}?\s+(?:is|are|was|were|has|have|had|fails|failed|breaks|broke|crashes|crashed|hangs|hung)\b/i;
/**
 * A condition right after the verb, "early" before it at most: "Exit if the branch is
 * missing", "abort when fmt-merge-msg fails", "exit early if the lock is not active". The
 * condition's own copula is no sign of a subject.
 */
const ORDER_CONDITION = /^[ \t]*\n?[ \t]*(?:early[ \t]+)?(?:if|when|unless)\s/i;

/**
 * A verb that takes an action as its object, and that action ("Avoid passing cygwin pathnames",
 * "Stop processing and return NULL", "start recording basenames"); another verb before a word
 * in -ing makes a noun phrase as often ("Error handling", "Test string").
 */
const TAKES_ACTION = /(?:^|[^\w-])(?:avoid|stop|start|keep|try|resume|continue|finish|quit)$/i;
const ACTION_OBJECT = /^[ \t]*\n?[ \t]*[a-z]{2,}ing[ \t]/;

/** True when the verb ending at `end` of `text` starts an order: an object of the kinds above follows. */
export function isImperativeAt(text: string, end: number): boolean {
  const after = text.slice(end, end + 60);
  return ORDER_OBJECT.test(after) || (ORDER_PREPOSITION.test(after) && !SUBJECT_OF_COPULA.test(after)) || ORDER_CONDITION.test(after) || (ACTION_OBJECT.test(after) && TAKES_ACTION.test(text.slice(Math.max(0, end - 9), end)));
}

/**
 * A sentence that opens on a purpose and goes on to an order: "To fix this, take the lock
 * before …", "To fix, ignore decorations that …", "In order to keep memory flat, stream the
 * blobs …". PURPOSE_OPENER's group 1 is the purpose's verb, PURPOSE_ORDER's the word after
 * the comma (see openingClauses).
 */
const PURPOSE_OPENER = new RegExp(String.raw`${SENTENCE_OPENING}(?:To|In\s+order\s+to)\s+([a-z]+)\b`, "g");
const PURPOSE_ORDER = /,\s+([a-z]+)\b/y;
/** Purposes of an instruction to the reader ("To test, run …", "To use it, pass …"): the order is theirs, not the change's. */
const INSTRUCTION_PURPOSE = /^(?:test|try|use|reproduce|do|see|enable|disable|build|install|uninstall|run|verify|check|configure|debug|get|opt|learn|find|turn|view|update|upgrade|migrate|revert|restore|apply|read|start|switch)$/;

/** An auxiliary or a modal after a plain word: the word is a subject, not an object. */
const SUBJECT_AUXILIARY = String.raw`is|are|was|were|has|have|had|can|could|will|would|should|must|may|might|do|does|did|don't|doesn't|didn't|isn't|aren't|won't|need|needs`;
/**
 * A plain word after a verb, not followed by an auxiliary or a modal that would make it the
 * subject, nor by a verb that takes no object and so has a subject before it ("While at it,
 * test names get shorter", "check marks look odd", "cache entries stay valid").
 */
const PLAIN_OBJECT = new RegExp(String.raw`^[ \t]*\n?[ \t]*[A-Za-z][\w-]*(?![\w-])(?![ \t]*\n?[ \t]*(?:${SUBJECT_AUXILIARY}|gets?|got|looks?|looked|becomes?|became|stays?|stayed|remains?|remained|seems?|seemed|appears?|appeared|happens?|happened|tends?|tended|goes|went|belongs?|exists?|existed)\b)`);
/**
 * The same after a verb whose object takes a verb of its own ("make everything look the same",
 * "let callers get the buffer back", "ensure buffers stay valid"): only an auxiliary makes the
 * word a subject there.
 */
const CAUSED_OBJECT = new RegExp(String.raw`^[ \t]*\n?[ \t]*[A-Za-z][\w-]*(?![\w-])(?![ \t]*\n?[ \t]*(?:${SUBJECT_AUXILIARY})\b)`);
/** Verbs whose object is followed by a verb of its own: "make it look …", "let users get …". */
const CAUSATIVE_VERBS = new Set(["make", "let", "have", "help", "ensure", "see", "watch"]);

/** Whether a plain word, the object of `verb`, opens `after` (PLAIN_OBJECT, or CAUSED_OBJECT after a causative verb). */
function plainObjectAfter(verb: string, after: string): boolean {
  return (CAUSATIVE_VERBS.has(verb.toLowerCase()) ? CAUSED_OBJECT : PLAIN_OBJECT).test(after);
}

/**
 * A sentence that opens on a condition, a time, a contrast, a cause or a connective, or on a
 * participle, and goes on to an order: "When the list is empty, return early …", "If the lock
 * is held, skip …", "While at it, drop …", "Instead, save and reset the exit code …", "Now
 * that all callers are gone, remove …", "Since nobody uses the old API, make it static",
 * "Therefore, reorder …", "Consequently, make it …", "However, make sure …", "So, for good
 * measure, add …", "Using the new helper, …", an adverb before the verb too ("Since all of
 * them are git commands, automatically prepend …"), also negated: "When invoking expr, don't
 * quote …", or told as what "we can" do: "Now that some pointers have lost their const
 * attribute, we can free their memory". CLAUSE_OPENER reads the opening word, CLAUSE_ORDER from
 * the comma on: its group 1 is a negation, group 2 the verb.
 */
const CLAUSE_OPENER = new RegExp(String.raw`${SENTENCE_OPENING}(?:When|If|While|Once|Unless|Instead|Now\s+that|Because|Since|As|Given|Otherwise|Also|Then|So|Finally|Additionally|Similarly|Likewise|Thus|Therefore|Hence|Consequently|Accordingly|However|Here|In\s+(?:this|that|such\s+a|either)\s+case|For\s+(?:now|this|that)|(?!(?:Spring|String|Thing|Nothing|Something|Everything|Anything|Bring|King|Morning|Evening)\b)[A-Z][a-z]+ing)\b`, "g");
const CLAUSE_ORDER = /,\s+(do\s+not\s+|don't\s+|never\s+)?(?:we\s+can\s+(?:now\s+|simply\s+|just\s+|safely\s+|also\s+)?)?(?:(?:only|just|simply|also|instead|first|(?!(?:apply|reply|supply|multiply|comply|imply|rely)\b)[a-z]+ly)\s+)?([a-z]+)\b/y;
/**
 * Connectives that carry the argument on rather than set a scene: after them a change verb
 * orders before a plain noun or an action in -ing as well ("Instead, use strbuf and read one
 * line at a time", "Instead, defer writing …", "However, make sure …"), since no condition's
 * subject stands there; a verb after the noun still makes it a subject ("Instead, cache misses
 * are counted …").
 */
const CONNECTIVE = /^(?:Instead|Therefore|Thus|Hence|Consequently|Accordingly|Also|Additionally|Finally|Then|Similarly|Likewise|However|Otherwise)$/;
const LAST_WORD = /[A-Za-z]+$/;
/** The clause of "While at it," and "While we're at it,": a second change follows, not a condition. */
const AT_IT = /^[ \t]+(?:we(?:'re|\u2019re|[ \t]+are)[ \t]+)?at[ \t]+it[ \t]*$/;
/**
 * A prepositional phrase set off by commas after a connective, and the word after it: ", for
 * good measure, add", ", in that case, skip"; group 1 is that word, read as the order's verb.
 */
const SET_OFF_PHRASE = /,[ \t]+(?:for|in|at|as|on|by|with|under|to)[ \t]+[^,.;:!?\n]{1,40},[ \t]*\n?[ \t]*(?:(?:only|just|simply|also|first)[ \t]+)?([a-z]+)\b/y;
/** An action in -ing after a connective's change verb: "Instead, defer writing the index …". */
const ING_OBJECT = /^[ \t]*\n?[ \t]*[a-z]{2,}ing\b(?![ \t]*\n?[ \t]*(?:is|are|was|were|has|have|had|can|could|will|would|should|must|may|might)\b)/;
/** An opening clause addressed to the reader ("If you need the old output, pass …"): the order is theirs. */
const READER_CLAUSE = /\b(?:you|your)\b/i;

/**
 * Whether a body sentence gives the change's order after an opening clause: a purpose
 * (PURPOSE_OPENER) or a condition, a time or a contrast (CLAUSE_OPENER). Not after the
 * purpose of an instruction ("To test, run …") or a clause that speaks to the reader.
 */
export function orderAfterOpening(text: string): boolean {
  for (const { opener, order } of openingClauses(text, PURPOSE_OPENER, PURPOSE_ORDER)) {
    if (!INSTRUCTION_PURPOSE.test(opener[1]) && ordersAt(text, order[1], order.index + order[0].length, true)) return true;
  }
  for (const { opener, clause, order } of openingClauses(text, CLAUSE_OPENER, CLAUSE_ORDER)) {
    // A condition leaves a plain noun after it as often the subject ("When many paths are
    // modified, rename detection takes …"): only an order with an object of its own counts.
    if (READER_CLAUSE.test(clause)) continue;
    const end = order.index + order[0].length;
    // A negation orders with any verb that has an object ("…, don't quote the variables").
    if (order[1] !== undefined) {
      if (isImperativeAt(text, end)) return true;
      continue;
    }
    const verb = order[2];
    const opening = LAST_WORD.exec(opener[0])?.[0] ?? "";
    // "While at it, use designated initializers …": no scene is set, so a plain noun after the
    // verb is its object, as after a connective.
    const connective = clause.trim() === "" ? CONNECTIVE.test(opening) : opening === "While" && AT_IT.test(clause);
    // "So, for good measure, add 80 characters …": a phrase set off by commas after a
    // connective, then the order.
    if (clause.trim() === "" && (connective || opening === "So")) {
      SET_OFF_PHRASE.lastIndex = order.index;
      const phrase = SET_OFF_PHRASE.exec(text);
      if (phrase !== null && ordersAt(text, phrase[1], phrase.index + phrase[0].length, false)) return true;
    }
    if (ordersAt(text, verb, end, connective)) return true;
    const base = lemmatize(verb) === verb;
    if (connective && base && (CHANGE_VERBS.has(verb) || FIX_VERBS.has(verb)) && ING_OBJECT.test(text.slice(end, end + 40))) return true;
    // A verb no list knows orders there too with a determiner or a pronoun after it ("Since we
    // can't tell with only the filename, query the wiki for …").
    if (base && ordersWithUnlistedVerb(verb, text, end)) return true;
  }
  return false;
}

/**
 * Whether `verb`, ending at `end` of `text` right after an opening clause, gives an order;
 * `plainObject` lets a change verb take a plain noun for its object.
 */
function ordersAt(text: string, verb: string, end: number, plainObject: boolean): boolean {
  if (lemmatize(verb) !== verb) return false;
  if ((CHANGE_VERBS.has(verb) || FIX_VERBS.has(verb) || ORDER_ONLY_VERBS.has(verb)) && isImperativeAt(text, end)) return true;
  // After the opening clause a change verb orders even before a plain noun ("To fix, ignore
  // decorations that …", "To avoid that, skip hidden files"), unless a verb follows that
  // noun, which makes it a subject ("To avoid that, cache misses are counted …").
  return plainObject && (CHANGE_VERBS.has(verb) || FIX_VERBS.has(verb)) && plainObjectAfter(verb, text.slice(end, end + 40));
}

/** What follows a verb no list knows when it orders with "instead": a preposition and a determiner or a pronoun ("Look at its output instead"). */
const PREPOSITION_OBJECT = /^[ \t]*\n?[ \t]*(?:at|for|to|into|on|with|from)\b[ \t]*\n?[ \t]*(?:the|a|an|it|them|this|these|those|its|their|our|all|any|each|every|some|both)\b/;
/** A sentence's rest that ends on "instead": "… square brackets instead.", "… its output instead". */
const ENDS_INSTEAD = /\binstead[ \t]*$/;

/**
 * Whether `word`, a verb ending at `end` of `text` and opening a sentence (`listed` when a verb
 * list knows it), orders the change with "instead" at the sentence's end: a verb of the lists
 * before a plain noun ("Use square brackets instead.", "So just use plain shell scripts
 * instead."), another verb before a preposition and a determiner ("So look at its output
 * instead."). An auxiliary after that noun makes it a subject ("Use cases are rare instead"),
 * and so does any verb after a word of ORDER_ONLY_VERBS ("Round trips happen instead").
 */
export function ordersInstead(word: string, text: string, end: number, listed: boolean): boolean {
  const after = text.slice(end, end + 40);
  // A verb that is as often a noun ("Round trips happen instead") orders only with an object of its own.
  if (listed ? ORDER_ONLY_VERBS.has(word) || !plainObjectAfter(word, after) : !mayBeUnlistedVerb(word) || !PREPOSITION_OBJECT.test(after)) return false;
  const rest = statementRest(text, end, 400);
  return rest !== null && rest.includes("instead") && ENDS_INSTEAD.test(rest);
}

/**
 * A clause of the summary after its first that gives the change's order: after ":", ";", ",",
 * " - " or "and", a negated verb ("svn import: Do not create empty tags", "when comparing files,
 * don't include trees") or a change verb in its base form with an object ("… is a misleading
 * name, use \"argv_exec_path\"", "fix typos and document launch_editor()"). Group 1 is a
 * sentence end before the clause, group 2 the negation, group 3 the verb.
 */
const LATER_CLAUSE_ORDER = /(?:[:;,]\s+|(\.\s+)|\s-{1,2}\s+|\sand\s+)(?:(?:also|just|only|then|instead|simply|properly)\s+)?(?:(do not|don't|never)\s+)?([A-Za-z]+)\b/gi;
/** "to" after a later clause's verb: "…, change to catch Throwable", "…, default to --decorate=auto". */
const LATER_TO = /^\s+to\s+\S/;
/**
 * The approach named after the problem: "Fix X by not overstepping the array", "… by using …",
 * "… by instead using …"; not a cause ("caused by running …"), however many blanks stand before
 * "by". Read from the first blank of a run only: from each of its positions, a long run not
 * followed by "by" was read again (quadratic), and "caused  by" passed from the second blank.
 */
const BY_APPROACH = /(?<!\b[a-z]+(?:ed|en)|\s)\s+by\s+(?:(?:not|never|instead|just|simply|always|only|also|properly|explicitly|directly)\s+)?[a-z]{2,}ing\b/i;

/**
 * Whether a summary's later clause says what the change does (LATER_CLAUSE_ORDER), or it names
 * the approach after "by" (BY_APPROACH). A fix verb there only names another problem ("…, fix
 * the crash"); the first clause's verb is the summary reading's.
 */
export function summaryOrdersLater(core: string): boolean {
  if (BY_APPROACH.test(core)) return true;
  LATER_CLAUSE_ORDER.lastIndex = 0;
  for (let match = LATER_CLAUSE_ORDER.exec(core); match !== null; match = LATER_CLAUSE_ORDER.exec(core)) {
    const verb = match[3].toLowerCase();
    if (match[2] !== undefined) return true;
    if (lemmatize(verb) !== verb || !(CHANGE_VERBS.has(verb) || ORDER_ONLY_VERBS.has(verb))) continue;
    const end = match.index + match[0].length;
    if (isImperativeAt(core, end) || LATER_TO.test(core.slice(end, end + 40))) return true;
    // A second sentence that opens on a change verb orders before a plain noun too ("Correct
    // the length check. Improve exception message"), unless a verb follows that noun.
    if (match[1] !== undefined && CHANGE_VERBS.has(verb) && plainObjectAfter(verb, core.slice(end, end + 40))) return true;
  }
  return false;
}

/**
 * A pronoun that ends the order, or leads to its reason: "So add one.", "let's revert them.",
 * "Let's get rid of it, as nobody calls it"; not a complement, "So mark them as complete …".
 * With the summary's verb such an order only says the summary again.
 */
const PRONOUN_ENDS_ORDER = /^[ \t\n]+(?:(?:rid[ \t\n]+of|up|out|off|away|back)[ \t\n]+)?(?:it|them|one|this|that|these|those)(?:[ \t\n]*(?:[.!](?!\w)|$)|,?[ \t\n]+(?:so|since|because|which|in[ \t\n]+order|as[ \t\n]+(?:it|they|we|there|this|that|the|nobody|nothing|no|its|their)\b)\b)/;

/**
 * Whether the order on `verb`, which ends at `end`, repeats the summary's verb `summaryVerb` (a
 * base form) with only a pronoun after it: it restates the summary and tells nothing of how.
 * "So add one." under "Add a missing newline"; not "Fix that and log the correct exit code".
 */
export function restatesOrder(text: string, end: number, verb: string, summaryVerb: string): boolean {
  return lemmatize(verb.toLowerCase()) === summaryVerb && PRONOUN_ENDS_ORDER.test(text.slice(end, end + 40));
}

/**
 * An order inside a sentence rather than at its start: after "let's" ("So let's remove it",
 * "let's not require one") or a "let us" that opens a clause (not "This will let us reuse …",
 * "does not let us build …"), or a sentence opening on a negation ("Don't convert NO_OUTPUT to 0
 * in diff_setup_done()", "Do not allow the common suffix to overlap …"). Group 1 is "let's"
 * (undefined after a negation), group 2 the verb.
 */
const ORDER_IN_PASSING = /(?:\b([Ll]et's|[Ll]et\s+us(?<=(?:^|[.!?,;:]\s+|\b(?:[Ss]o|[Tt]hen|and|[Nn]ow|[Ii]nstead|[Ff]irst|[Hh]ere|[Tt]hus|[Tt]herefore)\s+)[Ll]et\s+us))|(?:^|[.!?]\s+|\n[ \t]*\n[ \t]*)(?:Do\s+not|Don't))\s+(?:(?:just|not|also|simply|instead|rather|then|first)\s+)?([a-z]+)\b/g;

/**
 * Verbs of advice to the reader after ", so" rather than orders of the change: ", so ask the
 * admins for one", ", so review it commit by commit", ", so bear with me".
 */
const READER_VERBS = new Set(["ask", "review", "bear", "expect", "watch", "beware", "consider", "read", "wait", "contact", "note", "remember"]);
/**
 * A negation that speaks to the reader: "Don't worry, …", "Do not confuse this with the lock in
 * refs.c". Not "Don't confuse the user with old messages" or "Don't ask any questions when
 * submitting", which say what the code or the text stops doing.
 */
const READER_NEGATION = /^(?:worry|panic|(?:confuse|mistake)\s+(?:this|it|them|these|those)\s+(?:with|for)\b)/;

/** Verbs of a thought, a wait or a talk after "let's" ("Let's hope the fix holds", "let's consider the …"): no order of the change. */
const LETS_NOT_ACT = /^(?:hope|pretend|consider|think|wait|look|talk|discuss|imagine|assume|suppose|say|see|keep|leave|stay|go|get|face)$/;
/** Verbs of an attempt ("Let's not attempt to fix that now"): no order of the change. */
const ATTEMPT = /^(?:try|attempt)$/;

/**
 * Whether the body gives the change's order in passing (ORDER_IN_PASSING): "let's" and a verb
 * of the change, or a negation and any verb with an object ("Don't be too optimistic" has
 * none). Not "let's hope …", nor a fix verb, which only names the problem again ("Let's fix
 * that leak"), nor an attempt ("Let's not attempt to fix that now").
 */
export function orderInPassing(text: string, summaryVerb: string): boolean {
  ORDER_IN_PASSING.lastIndex = 0;
  for (let match = ORDER_IN_PASSING.exec(text); match !== null; match = ORDER_IN_PASSING.exec(text)) {
    const verb = match[2];
    if (summaryVerb !== "" && restatesOrder(text, match.index + match[0].length, verb, summaryVerb)) continue;
    if (match[1] !== undefined) {
      if (lemmatize(verb) !== verb || FIX_VERBS.has(verb) || ATTEMPT.test(verb)) continue;
      if (CHANGE_VERBS.has(verb) || ORDER_ONLY_VERBS.has(verb)) return true;
      // A verb no list knows, with a determiner or a pronoun after it: "Instead, let's break
      // this up into two functions"; not a thought or a wait ("let's hope the …").
      if (!LETS_NOT_ACT.test(verb) && ordersWithUnlistedVerb(verb, text, match.index + match[0].length)) return true;
    } else if (!READER_NEGATION.test(text.slice(match.index + match[0].length - verb.length, match.index + match[0].length + 24)) && isImperativeAt(text, match.index + match[0].length)) return true;
  }
  return false;
}

/**
 * Words that open a sentence before a determiner or a pronoun without ordering anything: the
 * closed classes (prepositions, conjunctions, determiners, pronouns, auxiliaries and modals),
 * adverbs not in -ly ("Thus the …", "Toward this end, …", "Online it's …"), and the verbs of a
 * thought or a look asked of the reader ("See the …", "Suppose the …", "Imagine a …").
 */
const NO_ORDER_OPENERS = new Set([
  // Prepositions and conjunctions.
  "about", "above", "across", "after", "against", "along", "alongside", "although", "altough", "amid", "among", "amongst", "and", "around",
  "as", "at", "because", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "but", "by", "despite",
  "down", "during", "except", "for", "from", "given", "if", "in", "inside", "into", "lest", "like", "minus", "modulo", "near",
  "nor", "of", "off", "on", "once", "onto", "or", "out", "outside", "over", "past", "per", "plus", "regarding", "since", "than",
  "though", "through", "throughout", "till", "to", "toward", "towards", "under", "underneath", "unless", "unlike", "until",
  "unto", "upon", "versus", "via", "when", "whenever", "where", "whereas", "wherever", "whether", "while", "whilst", "with",
  "within", "without", "so", "yet", "far", "long", "absent",
  // Determiners, pronouns, question words.
  "a", "an", "the", "this", "that", "these", "those", "all", "any", "both", "each", "either", "every", "few", "many", "more",
  "most", "much", "neither", "no", "none", "one", "other", "another", "several", "some", "such", "same", "what", "which",
  "whichever", "whatever", "who", "whom", "whose", "why", "how", "it", "its", "they", "them", "their", "we", "our", "you",
  "your", "he", "she", "his", "her", "him", "me", "my", "us",
  // Auxiliaries and modals.
  "am", "are", "be", "been", "being", "can", "could", "did", "do", "does", "had", "has", "have", "having", "is", "may",
  "might", "must", "shall", "should", "was", "were", "will", "would", "ought",
  // Adverbs and discourse words not in -ly.
  "again", "ago", "almost", "already", "also", "alas", "altogether", "anyhow", "anyway", "afterward", "afterwards", "else",
  "earlier", "elsewhere", "even", "ever", "first", "further", "furthermore", "hence", "here", "hereby", "hitherto", "however",
  "indeed", "instead", "just", "last", "later", "likewise", "maybe", "meanwhile", "moreover", "nevertheless", "next",
  "nonetheless", "not", "now", "often", "online", "only", "otherwise", "perhaps", "quite", "rather", "second", "so", "soon",
  "still", "then", "there", "thereby", "therefore", "thus", "today", "together", "too", "very", "well", "yesterday", "oh",
  "somehow", "somewhat", "someday", "sometime", "somewhere", "anywhere", "everywhere", "nowhere", "overall", "always",
  "never", "enough", "ahead", "apart", "aside", "alone", "sure", "true", "right", "better", "way", "case", "gosh",
  "ok", "okay", "yes", "hey", "hello", "hi", "dear", "please", "thanks", "thank", "upstream",
  // What the reader is asked to see, think or suppose.
  "see", "notice", "suppose", "imagine", "assume", "recall", "observe", "behold", "spot", "say", "consider", "compare",
  "remember", "beware",
  // Steps of a recipe to reproduce a problem ("Clone the repository, then push from both").
  "reproduce", "clone", "click", "press", "visit", "enter",
]);

/**
 * What a verb missing from the lists takes when it orders: a particle at most, then a
 * determiner or a pronoun in lower case ("Plug the leaks", "Work them around", "Pull out the
 * common logic"); a title-cased heading ("Work Around The Issue") has none.
 */
const UNLISTED_ORDER_OBJECT = /^[ \t]*\n?[ \t]*(?:(?:up|out|off|down|back|away|around)[ \t]+)?(?:the|a|an|it|them|this|these|those|its|their|our|all|any|each|every|some|both)\b/;
/**
 * Endings of words that are no verb's base form: adverbs, participles, nouns of a verb, plurals
 * and third persons; not the verbs that end the same way ("feed", "supply", "comment",
 * "increment", "alias", "-ss", "-us").
 */
const NOT_BASE_FORM = /(?:(?<!p)ly|(?<!e)ed|ing|tion|sion|(?<!\b(?:com|incre|aug|seg|supple|comple))ment|ness|ity|[^sua]s)$/;

/** Whether `word` may be a verb's base form that orders: not a closed-class word or a reader's verb (NOT_BASE_FORM, NO_ORDER_OPENERS). */
function mayBeUnlistedVerb(word: string): boolean {
  return word.length >= 3 && !NOT_BASE_FORM.test(word) && !NO_ORDER_OPENERS.has(word);
}

/**
 * Whether `word`, opening a sentence of `text` and ending at `end`, orders the change though no
 * verb list knows it ("Plug the leaks", "Answer a -N argument with an error", "Work it around"):
 * a word that may be a verb's base form, not a closed-class word or a reader's verb, followed
 * by a determiner or a pronoun, in a sentence that is no question.
 */
export function ordersWithUnlistedVerb(word: string, text: string, end: number): boolean {
  return mayBeUnlistedVerb(word) && UNLISTED_ORDER_OBJECT.test(text.slice(end, end + 40)) && statementRest(text, end, 400) !== null;
}

/**
 * An order drawn as the consequence inside a sentence: ", so" and a verb, after "let's" or an
 * adverb too ("The helper is called twice, so call it once in main()", "…, so let's narrow the
 * Alias", "…, so just use \"names.nr\" in its place"). Group 1 is "let's", group 2 a negation,
 * group 3 the verb.
 */
const SO_ORDER = /,\s*so\s+(?:(let's|let\s+us)\s+)?(?:(?:just|simply|instead|rather|also|only|always|first)\s+)?(do\s+not\s+|don't\s+|never\s+)?([a-z]+)\b/g;

/**
 * Verbs that order a permission: what the change lets happen, not how ("…, so allow some room
 * for error" under "Fix flaky test"). Alone, such an order after ", so" says what the change is
 * for, not what it does.
 */
const PERMITTING_VERBS = new Set(["allow", "permit", "tolerate"]);

/**
 * Whether the body gives the change's order as the consequence of what it told before the
 * comma (SO_ORDER): a verb of the lists in its base form with an object, a verb no list knows
 * with a determiner or a pronoun after it, or a negation and any verb with an object; not a fix
 * verb after "let's". Not "so far", "so that …" or "so callers can …", whose word after "so"
 * gives no order. `alone` (the order is all that would say what the change does) leaves out an
 * order to allow (PERMITTING_VERBS).
 */
export function orderAfterSo(text: string, alone = false): boolean {
  SO_ORDER.lastIndex = 0;
  for (let match = SO_ORDER.exec(text); match !== null; match = SO_ORDER.exec(text)) {
    const verb = match[3];
    if (READER_VERBS.has(verb) || (alone && PERMITTING_VERBS.has(verb))) continue;
    if (ordersAfterSoWord(text, match)) return true;
  }
  return false;
}

/**
 * Whether the words a SO_ORDER or BARE_SO_ORDER `match` read after "so" give an order: a verb
 * of the lists in its base form with an object, a verb no list knows with a determiner or a
 * pronoun after it, or a negation and any verb with an object; not a fix verb after "let's".
 */
function ordersAfterSoWord(text: string, match: RegExpExecArray): boolean {
  const verb = match[3];
  const end = match.index + match[0].length;
  // "…, so let's fix the easy one first" names the problem again, as "let's" does elsewhere.
  if (match[1] !== undefined && FIX_VERBS.has(verb)) return false;
  if (match[2] !== undefined || CHANGE_VERBS.has(verb) || FIX_VERBS.has(verb) || ORDER_ONLY_VERBS.has(verb)) return isImperativeAt(text, end);
  return lemmatize(verb) === verb && ordersWithUnlistedVerb(verb, text, end);
}

/**
 * The same order after a bare "so" that joins it to the clause before, with no comma, as many
 * writers put it ("PERL_PATH is used by perl/Makefile so export it", "mkstemps() is a BSD
 * extension so provide an implementation for cross-platform use"). Groups as SO_ORDER's.
 */
const BARE_SO_ORDER = /\bso[ \t\n]+(?:(let's|let[ \t\n]+us)[ \t\n]+)?(?:(?:just|simply|instead|rather|also|only|always|first)[ \t\n]+)?(do[ \t\n]+not[ \t\n]+|don't[ \t\n]+|never[ \t\n]+)?([a-z]+)\b/g;

/**
 * Words before a bare "so" that make it no joining word: an adverb of degree or manner ("it's
 * so complicated", "not so", "quite so"), a proform ("asked to do so", "a dozen or so"), or a
 * connective that already joins the clauses ("and so", "if so", "why so").
 */
const NOT_JOINING_SO = new Set(["do", "does", "did", "doing", "done", "if", "even", "not", "just", "quite", "only", "and", "or", "is", "are", "was", "were", "be", "been", "being", "it's", "that's", "too", "more", "less", "ever", "never", "why", "also", "much", "isn't", "aren't", "wasn't", "seem", "seems", "think", "hope", "say", "says", "said", "told", "believe", "guess", "suppose"]);

/**
 * Whether a clause of the body draws the change's order as its consequence with a bare "so"
 * (BARE_SO_ORDER), read as orderAfterSo() reads one after ", so": the clause before "so" is
 * the reason for the order. Not after a word that makes "so" an adverb or a proform
 * (NOT_JOINING_SO), nor advice to the reader.
 */
export function orderAfterBareSo(text: string): boolean {
  BARE_SO_ORDER.lastIndex = 0;
  for (let match = BARE_SO_ORDER.exec(text); match !== null; match = BARE_SO_ORDER.exec(text)) {
    const verb = match[3];
    if (READER_VERBS.has(verb) || !joinsClause(text, match.index)) continue;
    if (ordersAfterSoWord(text, match)) return true;
  }
  return false;
}

/**
 * Whether the "so" at `index` joins a clause before it: spaces and one line break at most after
 * a word, a closing bracket or a quote, and that word not one of NOT_JOINING_SO. The scan back
 * stops at the first other character, so each "so" costs only the space before it.
 */
function joinsClause(text: string, index: number): boolean {
  let end = index;
  let breaks = 0;
  for (let code = text.charCodeAt(end - 1); end > 0 && (code === 0x20 || code === 0x09 || code === 0x0a); code = text.charCodeAt(--end - 1)) {
    if (code === 0x0a && ++breaks > 1) return false;
  }
  if (end === index || end === 0 || !/[\w)'"`\]>]/.test(text.charAt(end - 1))) return false;
  let start = end;
  while (start > 0 && /[\w']/.test(text.charAt(start - 1))) start--;
  return !NOT_JOINING_SO.has(text.slice(start, end).toLowerCase());
}

/**
 * What the code should, must or needs to do, told with a verb of the change, active or passive:
 * "find_deltas() should free its temporary objects before returning", "the `content' buffer
 * should be freed even if convert_object_file() fails", "the list entries themselves still need
 * to be free'd", "the validation checks should be performed before the bitmap is allocated" (a
 * verb of doing with a time or an order after it, DOING_VERBS). Group 1 is the verb.
 */
const NEEDED_CHANGE = /\b(?:should|must|needs?[ \t\n]+to|has[ \t\n]+to|have[ \t\n]+to)[ \t\n]+(?:(?:also|still|instead|only|always|really|just|properly|explicitly)[ \t\n]+)?(?:be[ \t\n]+)?([a-z]+)(?:'d)?\b/g;

/**
 * Participles of doing that name no change of their own, but do with a time or an order
 * ("the validation checks should be performed before the bitmap is allocated", "… must be
 * called first"): when the work is done is the change.
 */
const DOING_VERBS = new Set(["performed", "done", "run", "executed", "called", "invoked", "checked", "evaluated", "computed", "applied", "processed"]);
/** A time or an order after the participle: before, after, earlier, first, only once, … */
const WHEN_DONE = /^[ \t\n]+(?:(?:only|always|just)[ \t\n]+)?(?:before|after|earlier|later|first|last|once|outside|inside|up[ \t\n]+front|in[ \t\n]+advance)\b/;

/** A need told as a possibility or for later: "we'd need to …", "will need to be adjusted", "may have to …". */
const MODAL_BEFORE = /\b(?:will|would|may|might|could|shall)[ \t\n]+$|'d[ \t\n]+$/i;
/** A clause of time, condition or cause that holds the need ("When more than two refs need to be checked …"). */
const SUBORDINATE = /\b(?:when|whenever|if|whether|unless|once|until|because|since|although|though)\b/i;

/**
 * Whether the body says what the code should do, a verb of the lists for the act
 * (NEEDED_CHANGE): under a summary that names only the problem, the need is what the change
 * does. Not a fix verb ("should fix …" names the problem again), nor what the reader should do
 * (READER_VERBS), nor a need told as a possibility or for later (MODAL_BEFORE), nor one inside
 * a clause of time, condition or cause with no comma between ("When more than two references
 * need to be checked …", "controlling whether the fields should be written"), which tells the
 * problem's setting.
 */
export function needsChange(text: string): boolean {
  NEEDED_CHANGE.lastIndex = 0;
  for (let match = NEEDED_CHANGE.exec(text); match !== null; match = NEEDED_CHANGE.exec(text)) {
    const word = match[1];
    const lemma = lemmatize(word);
    if (READER_VERBS.has(lemma) || FIX_VERBS.has(lemma)) continue;
    // "freed", "free'd": the participle of a verb in -e, which lemmatize() reads as "fre".
    const base = word.endsWith("ed") && !CHANGE_VERBS.has(lemma) && !ORDER_ONLY_VERBS.has(lemma) ? word.slice(0, -1) : lemma;
    if (!CHANGE_VERBS.has(base) && !ORDER_ONLY_VERBS.has(base) && !(DOING_VERBS.has(word) && WHEN_DONE.test(text.slice(match.index + match[0].length, match.index + match[0].length + 24)))) continue;
    const before = sentenceBefore(text, match.index);
    if (MODAL_BEFORE.test(before.slice(-12))) continue;
    const clause = before.slice(Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(":")) + 1);
    if (SUBORDINATE.test(clause)) continue;
    return true;
  }
  return false;
}

/** Where a body's text breaks into sentences: after an end mark, at a blank line or a list item's marker. */
const SENTENCE_BREAK = /(?<=[.!?])\s+|\n[ \t]*\n\s*|\n[ \t]*(?:[-*+•]|\d+[.)])[ \t]+|^[ \t]*(?:[-*+•]|\d+[.)])[ \t]+/;
/**
 * The verbs that set something up, as a change's description says them after "this" or "the
 * patch": with their particle ("sets up", "wires up", "cleans up"), "creates", "registers",
 * "installs", "initializes", "configures", and "sets" before its object ("This sets the hidden
 * attribute on …"), but not in an idiom of what the change leads to or what the old code shows
 * ("This sets the stage for …", "sets the groundwork", "sets a bad example"). A pattern source
 * shared by DESCRIBES_CHANGE and THIS_CHANGES (behaviour.ts).
 */
export const SETS_UP_VERBS = String.raw`creates|registers|installs|initiali[sz]es|configures|(?:sets|wires|hooks|cleans|splits|tidies)\s+up|sets(?=\s+(?:the|a|an|its|their|our|this|these|those|each|every|all)\b)(?!\s+\S+\s+(?:[\w-]+\s+)?(?:stage|scene|groundwork|foundation|tone|precedent|example|trap)(?=\s+(?:for|to|of|in|that)\b|\s*[.,;:!?)]|\s*$))`;

/** A sentence that describes the change: "This patch adds …", "The commit makes …", "This teaches …", "This sets up …". */
const DESCRIBES_CHANGE = new RegExp(String.raw`^(?:this|the)\s+(?:(?:patch|commit|change|series)\s+)?(?:(?:also|just|simply|then)\s+)?(?:adds|changes|removes|drops|moves|renames|replaces|introduces|implements|extracts|splits|converts|rewrites|teaches|updates|makes|uses|allows|lets|${SETS_UP_VERBS})\b`, "i");
/** A sentence that states the new behaviour: "Now we see …", "Now the command prints …" (not "Now that …"). */
const STATES_NOW = /^now,?\s+(?!that\b)/i;
/**
 * A clause that gives the order's ground or aim, which the readings of a reason leave to other
 * wordings: "… to make it available in …", "… such that we can …", "… following the
 * guidelines", "… as it matches …", "… this way we can …", "… which will …", "Now translators
 * can …", "Prepare for …".
 */
const GIVES_GROUND = /\b(?:to\s+(?:make|work\s+around|allow|keep|let|enable|help|match|be\s+(?:able|consistent)|get\s+rid)|(?:so|such)\s+that|so\s+(?:as|we|it|they|the|that|callers|other|users?|one|this|these|those|an?)|(?:this|that)\s+way|following|according\s+to|in\s+line\s+with|making\s+it|which\s+(?:makes|allows|lets|will|would|can|is\s+(?:more|better))|and\s+(?:allows|lets|enables|makes)|we(?:'ll|\s+will|\s+can|\s+could)|can\s+now|now\s+(?:\S+\s+){1,6}?(?:can|could|no\s+longer|only)|subsequent|future|later|as\s+(?:it|this|that|they|we|the|there)|since|because|usual|readab\w*|prepare|needs?|required|fixing|to\s+support|hope|supposed\s+to|consisten\w+|same\s+(?:manner|way)\s+as|just\s+like|like\s+(?:other|all|everybody|everyone)|prevent\w*|only\s+(?:users?|callers?))\b/i;
/** An order with an adverb or a connective before it: "Also drop …", "Then use …", "And add …". */
const ORDER_LEAD = /^(?:(?:also|then|and|finally|additionally|instead|likewise|similarly|so|simply|just|further(?:more)?),?\s+)*([A-Za-z]+)\b/i;

/** Verbs whose order states the problem or the aim itself: the fix verbs, "avoid", "prevent", "ensure" …. */
const GROUNDS = new Set([...FIX_VERBS, "avoid", "prevent", "ensure", "protect", "guard", "catch", "silence", "help", "prepare"]);
/** The summary's first word. */
const LEADING_WORD = /[A-Za-z]+/;
/** Change verbs of git's own idiom that the fitted lists leave out: "Teach the parser …", "Let the caller …". */
const TEACHES = new Set(["teach", "let", "stop", "start", "keep", "pass", "give", "mark", "call", "define", "declare", "store", "write", "read", "print", "show", "describe", "mention", "list", "sort", "create", "free", "export", "fill", "load", "save", "run", "parse", "initialize", "initialise", "adjust", "tweak", "fold", "combine", "hide", "unify", "generalize", "generalise", "reorder", "rework", "rewrite", "shorten", "rearrange", "squash", "trim", "strip", "append", "prepend", "insert", "accept", "report", "warn", "emit", "detect", "compute"]);
/** A clause as the order's object: "Describe how …", "Clarify what …" (not "why", a reason's word). */
const WH_OBJECT = /^\s+(?:how|what|when|where|which|whether)\b/;
/** A word in capitals or in camel case is a name, not an order ("USE_NSEC …", "FooBar …"). */
const NAME_CASE = /^.[a-z]*[A-Z]/;

/** Sentences onlyOrders reads at most. */
const ONLY_ORDERS_READ = 8;

/**
 * True when every sentence of `text` only says what the change does: an order ("Move the
 * helper …", "Also drop …"), a description of the change ("This patch adds …") or its new
 * behaviour ("Now we see …"), also as the items of a list. Such a body gives no reason for the
 * change, however long it is. Not when a clause gives a ground or an aim (GIVES_GROUND), an
 * order names a problem ("Avoid running over …") or the summary does ("Avoid overflowing …").
 * At most ONLY_ORDERS_READ sentences are read; a longer body is not judged.
 */
export function onlyOrders(text: string, summary: string): boolean {
  // "Avoid overflowing the name buffer", "Fix …": a summary that orders away a problem names it.
  const lead = LEADING_WORD.exec(summary);
  if (lead !== null && GROUNDS.has(lemmatize(lead[0].toLowerCase()))) return false;
  const sentences = text.split(SENTENCE_BREAK);
  let read = 0;
  for (const raw of sentences) {
    const sentence = raw.trim();
    if (sentence === "") continue;
    if (++read > ONLY_ORDERS_READ) return false;
    if (GIVES_GROUND.test(sentence)) return false;
    if (DESCRIBES_CHANGE.test(sentence) || STATES_NOW.test(sentence)) continue;
    const order = ORDER_LEAD.exec(sentence);
    if (order === null) return false;
    const verb = order[1];
    const word = verb.toLowerCase();
    // "Avoid running over …", "Fix the leak …": the order names what was wrong, a reason of sorts.
    if (GROUNDS.has(word)) return false;
    if (!(CHANGE_VERBS.has(word) || ORDER_ONLY_VERBS.has(word) || TEACHES.has(word))) return false;
    if (NAME_CASE.test(verb)) return false;
    const end = order.index + order[0].length;
    if (!isImperativeAt(sentence, end) && !WH_OBJECT.test(sentence.slice(end))) return false;
  }
  return read > 0;
}

/** A sentence that opens on "this" or the change and a verb in -s, other than an auxiliary: "This hides …", "This change ensures …". */
const THIS_DOES = /^(?:this|(?:this|the)\s+(?:patch|commit|change|series))\s+(?:(?:also|just|simply|then|now)\s+)?(?!(?:is|was|has|does|means|happens|seems|goes|comes|looks|sounds)\b)[a-z]+s\b/i;
/**
 * A sentence that opens on a condition, a time, a purpose or a place and goes on to its main
 * clause ("In the 'p0006' test …, move the '-n' flag …"): group 1 is that clause's first word.
 */
const CLAUSE_THEN = /^(?:When|Whenever|If|Before|After|While|Since|Once|Unless|To|In\s+order\s+to|In|For|On)\b[^,.;:!?]{0,200},\s+(?:(?:also|just|simply|then|instead|always)\s+)?([a-z]+)\b/;

/** Whether `word` is a verb an order of the change opens on (the lists, git's own idiom, or a ground's verb). */
function ordersWith(word: string): boolean {
  return CHANGE_VERBS.has(word) || FIX_VERBS.has(word) || ORDER_ONLY_VERBS.has(word) || TEACHES.has(word) || GROUNDS.has(word);
}

/**
 * Whether `text` opens on what the change does: an order ("Add backticks where …", "Ensure that
 * …", "When X tries …, ensure that …") or a sentence that tells what "this" or the change does
 * ("This hides the backslash …", "This change ensures that …"). Under a summary that names the
 * problem, such a body goes on to how, not to what went wrong.
 */
export function opensOnChange(text: string): boolean {
  // A list's first item opens the text after an empty piece before its marker.
  const first = text.trimStart().split(SENTENCE_BREAK).find((piece) => piece.trim() !== "") ?? "";
  if (DESCRIBES_CHANGE.test(first) || THIS_DOES.test(first)) return true;
  const lead = ORDER_LEAD.exec(first);
  if (lead !== null && /^[A-Z][a-z]+$/.test(lead[1]) && ordersWith(lead[1].toLowerCase())) {
    const end = lead.index + lead[0].length;
    // A plain word after the verb is its object at the body's start ("Add backticks where …"),
    // unless a verb follows that makes it the subject ("Change detection takes …").
    if (isImperativeAt(first, end) || plainObjectAfter(lead[1], first.slice(end, end + 60))) return true;
  }
  const clause = CLAUSE_THEN.exec(first);
  return clause !== null && ordersWith(clause[1]);
}

/**
 * What follows a change verb in the past that tells the change's act ("Changed the parser to …",
 * "Added `--quiet` to …", "Moved it to …"): a determiner, a pronoun, a particle or a token of
 * code; not a preposition ("Tested on AIX", "Combined with the fact …"), a number or a bracket,
 * which open a report or a program's output ("Updated 0 paths …", "Created [DETACHED commit] …").
 */
const PAST_OBJECT = /^[ \t]*\n?[ \t]*(?:(?:the|a|an|all|any|each|every|its|their|our|it|them|this|these|those|some|both|up|out|off|down|away)\b|[`'"$]|--?[A-Za-z]|[A-Za-z]+[^\sA-Za-z,;:.!?])/i;
/** Verbs of the writer's checking, whose past reports a test or a find rather than the change ("Tested this on …", "Caught this during …"). */
const CHECKING = /^(?:test|check|verify|confirm|catch|spot|notice|note|find|see|measure|try|reproduce|run|build|compile|observe|report)$/;
/**
 * Verbs of the writer's work on the branch, whose past reports a step of the review rather than
 * the change ("Rebased it on main", "Squashed the fixups", "Amended the commit message", "Got the
 * same error on CI"), and the objects that make other verbs such a step ("Addressed the review
 * comments", "Resolved the merge conflicts", "Merged the main branch", "Applied the suggestions").
 */
const BRANCH_WORK = /^(?:rebase|squash|amend|get)$/;
const REVIEW_OBJECT = /^[^.;!?]{0,20}?\b(?:review|feedback|suggestions|nits|(?:merge[ \t\n]+)?conflicts|(?:main|master|upstream|develop)[ \t\n]+branch|branch[ \t\n]+with)\b/i;
/** "Addressed the comments": comments addressed are a reviewer's; comments updated are the code's. */
const ADDRESSED_COMMENTS = /^[^.;!?]{0,12}?\bcomments\b/i;

/** Whether the past form of the change verb `lemma`, ending at `end` of `text`, tells the change's act: an object of PAST_OBJECT's kinds follows. */
export function pastActAt(text: string, end: number, lemma: string): boolean {
  const rest = text.slice(end, end + 40);
  return !CHECKING.test(lemma) && !BRANCH_WORK.test(lemma) && PAST_OBJECT.test(rest) && !REVIEW_OBJECT.test(rest) && !(lemma === "address" && ADDRESSED_COMMENTS.test(rest));
}

/** What follows an order's "Have": its object and the verb after it, not a question's subject, a look or a perfect. */
const HAVE_OBJECT = /^[ \t]*\n?[ \t]*(?!(?:you|we|they|i|he|she|a[ \t]+look|no|not|been|had|to)\b)((?:[^\s.,;:!?]+[ \t]*\n?[ \t]*){1,4})/i;
/**
 * People as the object of "Have", with their verb right after them: an order to them, not to
 * the code ("Have the reviewers check the output"). Not users, who are a function's callers as
 * often ("Have the users of foo() use bar()"), nor readers or operators, as often code ("Have the
 * readers take the lock", "Have the operators return a copy"); a noun after the word makes it a
 * modifier ("Have the authors field use …").
 */
const PEOPLE = /^(?:reviewers?|maintainers?|developers?|contributors?|people|authors?|testers?|admins?|administrators?|translators?|committers?|folks|everyone|everybody|someone|somebody|humans?)$/;
/** A determiner opening that object: the noun after it is the object's too. */
const HAVE_DETERMINER = /^(?:the|a|an|this|that|these|those|some|all|each|every|any|both|its|their|our)$/i;

/**
 * Whether "have", opening a sentence of `text` and ending at `end`, gives an order: "Have the
 * caller free it on error", "Have `foo()` return early", "Have it use the new helper". The
 * object opens as an order's does (a determiner, a pronoun, a token of code) and a verb of the
 * lists follows within a few words; not a question ("Have you tried …?", "Have the tests been
 * run?"), a thing to keep ("Have a cache in the origin …") nor people told what to do ("Have the
 * reviewers check the output").
 */
export function ordersThroughHave(text: string, end: number): boolean {
  if (!isImperativeAt(text, end)) return false;
  const object = HAVE_OBJECT.exec(text.slice(end, end + 80));
  if (object === null || statementRest(text, end, 400) === null) return false;
  const words = object[1].trim().split(/\s+/);
  // "Have the reviewers check the output": people told what to do, not the code.
  const at = HAVE_DETERMINER.test(words[0]) ? 1 : 0;
  const people = PEOPLE.test(words[at]?.toLowerCase() ?? "");
  // The object's first word, or its first two after a determiner, name it; a verb after them,
  // in its base form, is what it is to do.
  for (let i = at + 1; i < words.length; i++) {
    const word = words[i].toLowerCase();
    if (word === "been") return false;
    if (CHANGE_VERBS.has(word) || FIX_VERBS.has(word) || ORDER_ONLY_VERBS.has(word)) return !(people && i === at + 1);
  }
  return false;
}
