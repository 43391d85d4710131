// Reads a summary that orders a malfunction away ("Avoid a crash if …", "do not leak the list"):
// it names the problem as "Fix crash …" does.

/**
 * An order that averts what follows it as its object: "avoid", "prevent", "stop" (any form),
 * "guard" or "protect" against.
 */
const AVOIDING = String.raw`(?:(?:avoid|prevent|stop)(?:s|ed|ing)?|(?:guard|protect)(?:s|ed|ing)?\s+against)`;

/**
 * An order that denies the verb right after it: "do not", "don't", "never", "no longer", or
 * "ensure" / "make sure" that a subject does not. What it denies is the next word ("do not leak",
 * "never crash"), not a word further on: "Do not count leaks as errors", "Don't suppress
 * warnings" and "Do not stop the crash handler" deny another verb.
 */
const NEGATING = String.raw`(?:do\s+not|don't|never|no\s+longer|(?:ensure|make\s+sure)s?\s+(?:that\s+)?[\w.()'-]+\s+(?:does\s+not|doesn't|do\s+not|don't|won't|will\s+not|cannot|can't|never))`;

/**
 * A malfunction nobody asks for, as a noun or a verb: a crash, a leak, a hang, an overflow, a
 * race, corruption, data loss, a division by zero, an endless loop, a bad free or dereference.
 * Not a failure a change may want ("fail", "die", "error out", "reject"), which an order to avoid
 * names as a behaviour as often ("do not die on a missing file"), nor a word of a name
 * ("crash-reporter"), nor "hang up" (a connection). Followed by NOT_HEAD: the word that names
 * a malfunction's report or handler is no malfunction of its own.
 */
const MALFUNCTION = String.raw`(?:crash(?:es|ed|ing)?|segfault(?:s|ed|ing)?|segmentation\s+faults?|dump(?:s|ed|ing)?\s+core|core\s+dumps?|(?:memory\s+)?leak(?:s|ed|ing)?|hang(?:s|ing)?(?!\s+up\b)|deadlock(?:s|ed|ing)?|livelocks?|(?:buffer\s+|stack\s+|heap\s+|integer\s+)?(?:overflow(?:s|ed|ing)?|overrun(?:s|ning)?|underflow(?:s|ed|ing)?)|races?|race\s+conditions?|corrupt(?:s|ed|ing|ion)?|data\s+loss|los(?:e|es|ing)\s+data|divi(?:de|sion)\s+by\s+zero|infinite\s+(?:loops?|recursion)|use[- ]after[- ]free|double[- ]free|null\s+(?:pointer\s+)?deref\w*|dereferenc\w+\s+(?:[\w-]+\s+){0,2}?null|out[- ]of[- ]bounds\s+(?:reads?|writes?|access(?:es)?))`;

/** Verbs that silence a checker ("Squelch compiler warning", "suppress gcc warnings"), whose object is a warning. */
const SILENCING = String.raw`(?:squelch|silence|suppress|quiet(?:en)?|shut\s+up)(?:s|d|ed|ing)?`;

/**
 * A word after a malfunction that makes it the modifier of another noun: "Stop crash reports
 * from being sent", "Do not stop the crash handler", "Avoid leak checker false positives".
 */
const NOT_HEAD = String.raw`(?!\s+(?:reports?|reporter|reporting|handlers?|handling|dialogs?|detection|detectors?|checkers?|checks?|tests?|logs?|sanitizers?)\b)`;

/**
 * A word of the object between an averting order and its malfunction ("Avoid a crash", "Prevent
 * git-upload-pack segfault", "Avoid generating a warning"): no preposition or clause word, after
 * which the malfunction is a circumstance ("Avoid the lookup when the cache may crash"), and no
 * gerund of a verb that observes or handles the malfunction rather than causes it ("Avoid
 * logging a crash", "Avoid reporting leaks twice").
 */
const OBJECT_WORD = String.raw`(?!(?:if|when|on|in|for|with|by|from|while|after|before|during|under|unless|because|since|so|to|and|or|(?:report|logg|count|hid|ignor|mask|detect|catch|track|record|test|check|suppress|silenc|handl)ing)\b)[\w.()'-]+\s+`;

/** A verb after a negation that brings a warning about ("Do not print warnings for …"). */
const WARNING_VERB = String.raw`(?:emit|print|issue|give|show|trigger|produce|generate|spew|raise|throw)`;

/**
 * The order at the start of a summary's core and the malfunction it averts: an avoiding order,
 * up to four words of its object, then the malfunction or a warning ("Avoid a crash", "Prevent
 * git-upload-pack segfault", "avoid signed integer overflow", "Avoid gcc warning"); a negation
 * and the malfunction right after it ("do not leak", "Don't dereference a strdup-returned NULL")
 * or a verb that brings a warning ("Do not print warnings"); or a silencing verb and a warning
 * ("squelch compiler warnings"). The one group that takes part is the malfunction.
 */
const AVERTED = new RegExp(
  String.raw`^(?:${AVOIDING}\s+(?:${OBJECT_WORD}){0,4}?(${MALFUNCTION}${NOT_HEAD}|(?:${OBJECT_WORD}){0,3}?warnings?)|${NEGATING}\s+(?:\w+ly\s+)?(?:(${MALFUNCTION}${NOT_HEAD})|${WARNING_VERB}\s+((?:${OBJECT_WORD}){0,3}?warnings?))|${SILENCING}\s+(?:${OBJECT_WORD}){0,4}?(warnings?))(?![\w-])`,
  "i",
);

/**
 * Where in `core` (a summary's core) an order averts a malfunction it names, as [start, end), or
 * null: "Avoid a crash if realloc returns a different pointer", "merge-base: do not leak commit
 * list", "ssh-upload: prevent buffer overrun", "Avoid gcc warning in diff-stages.c". Such a
 * summary names what was wrong as "Fix the crash …" does, so the why is `named`; "Avoid calling
 * fstat for every file" or "Do not use memcmp" name no problem, and nor does a question.
 */
export function avertedProblem(core: string): [number, number] | null {
  // A question ("Do not crash?") asks whether to avert it, it orders nothing.
  if (core.trimEnd().endsWith("?")) return null;
  const match = AVERTED.exec(core);
  if (match === null) return null;
  const problem = match.slice(1).find((group) => group !== undefined)!;
  const start = match.index + match[0].length - problem.length;
  return [start, start + problem.trimEnd().length];
}
