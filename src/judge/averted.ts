// Reads a summary that orders a malfunction away ("Avoid a crash if …", "do not leak the list"):
// it names the problem as "Fix crash …" does.

/**
 * An order that averts what follows it: "avoid", "prevent", "stop" (any form), "guard" or
 * "protect" against, a negation ("do not", "don't", "never", "no longer"), or "ensure" / "make
 * sure" that a subject does not.
 */
const AVERTING = String.raw`(?:(?:avoid|prevent|stop)(?:s|ed|ing)?|(?:guard|protect)(?:s|ed|ing)?\s+against|do\s+not|don't|never|no\s+longer|(?:ensure|make\s+sure)s?\s+(?:that\s+)?[\w.()'-]+\s+(?:does\s+not|doesn't|do\s+not|don't|won't|will\s+not|cannot|can't|never))`;

/**
 * A malfunction nobody asks for, as a noun or a verb: a crash, a leak, a hang, an overflow, a
 * race, corruption, data loss, a division by zero, an endless loop, a bad free or dereference.
 * Not a failure a change may want ("fail", "die", "error out", "reject"), which an order to avoid
 * names as a behaviour as often ("do not die on a missing file"), nor a word of a name
 * ("crash-reporter").
 */
const MALFUNCTION = String.raw`(?:crash(?:es|ed|ing)?|segfault(?:s|ed|ing)?|segmentation\s+faults?|dump(?:s|ed|ing)?\s+core|core\s+dumps?|(?:memory\s+)?leak(?:s|ed|ing)?|hang(?:s|ing)?|deadlock(?:s|ed|ing)?|livelocks?|(?:buffer\s+|stack\s+|heap\s+|integer\s+)?(?:overflow(?:s|ed|ing)?|overrun(?:s|ning)?|underflow(?:s|ed|ing)?)|races?|race\s+conditions?|corrupt(?:s|ed|ing|ion)?|data\s+loss|los(?:e|es|ing)\s+data|divi(?:de|sion)\s+by\s+zero|infinite\s+(?:loops?|recursion)|use[- ]after[- ]free|double[- ]free|null\s+(?:pointer\s+)?deref\w*|dereferenc\w+\s+(?:[\w-]+\s+){0,2}?null|out[- ]of[- ]bounds\s+(?:reads?|writes?|access(?:es)?))`;

/** Verbs that silence a checker ("Squelch compiler warning", "suppress gcc warnings"), whose object is a warning. */
const SILENCING = String.raw`(?:squelch|silence|suppress|quiet(?:en)?|shut\s+up)(?:s|d|ed|ing)?`;

/**
 * The order at the start of a summary's core, then up to four words of the object that are no
 * preposition or clause word, then the malfunction ("Avoid a crash", "Prevent git-upload-pack
 * segfault", "do not leak", "avoid signed integer overflow", "Don't dereference a strdup-returned
 * NULL"); or a warning after an averting or silencing verb ("Avoid gcc warning", "squelch compiler
 * warnings"). Group 1 is the malfunction.
 */
const AVERTED = new RegExp(
  String.raw`^(?:${AVERTING}\s+(?:(?!(?:if|when|on|in|for|with|by|from|while|after|before|during|under|unless|because|since|so|to|and|or)\b)[\w.()'-]+\s+){0,4}?(${MALFUNCTION}|(?:[\w.()'-]+\s+){0,3}?warnings?)|${SILENCING}\s+(?:(?!(?:if|when|on|in|for|with|by|from|while|after|before|during|under|unless|because|since|so|to|and|or)\b)[\w.()'-]+\s+){0,4}?(warnings?))(?![\w-])`,
  "i",
);

/**
 * Where in `core` (a summary's core) an order averts a malfunction it names, as [start, end), or
 * null: "Avoid a crash if realloc returns a different pointer", "merge-base: do not leak commit
 * list", "ssh-upload: prevent buffer overrun", "Avoid gcc warning in diff-stages.c". Such a
 * summary names what was wrong as "Fix the crash …" does, so the why is `named`; "Avoid calling
 * fstat for every file" or "Do not use memcmp" name no problem.
 */
export function avertedProblem(core: string): [number, number] | null {
  const match = AVERTED.exec(core);
  if (match === null) return null;
  const problem = match[1] ?? match[2];
  const start = match.index + match[0].length - problem.length;
  return [start, start + problem.trimEnd().length];
}
