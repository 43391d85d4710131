// Compares prose with the summary: whether a body only says it again, or a clause says something of its own.
import { PROBLEM_STRONG } from "./cues.js";

/** A word of prose (letters, digits, "_", "'", "-"): the unit a text is compared with the summary in. */
export const LABEL_WORD = /[A-Za-z][A-Za-z0-9_'-]*/g;
/** Words that carry no subject of their own when comparing a reason with the summary. */
const FUNCTION_WORDS = new Set(["the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "is", "are", "was", "were", "be", "this", "that", "it", "its", "we", "our", "us", "need", "needs", "needed", "so", "as", "by", "from", "at", "can", "should", "want", "wants", "have", "has"]);

/** A crude stem, enough to match "Refactors"/"refactor", "logging"/"log", "retried"/"retry". */
function stem(word: string): string {
  const lower = word.toLowerCase();
  if (lower.length <= 4) return lower;
  // The suffixes /(?:ing|ed|es|s)$/ strips, without a pattern: this runs for every word of a short body.
  let end = lower.length;
  if (lower.endsWith("ing")) end -= 3;
  else if (lower.endsWith("ed") || lower.endsWith("es")) end -= 2;
  else if (lower.endsWith("s")) end -= 1;
  const base = end === lower.length ? lower : lower.slice(0, end);
  // "retry", "retries" and "retried" all end up "retri".
  return base.endsWith("y") ? `${base.slice(0, -1)}i` : base;
}

/**
 * The key a restatement compares a word's stem by: also "adds"/"add", "uses"/"use" (four
 * letters, which stem keeps whole) and "removed"/"remove", "updates"/"update" (stem keeps a
 * base's final "e" only when nothing was stripped), so a verb's forms count as the summary's.
 */
function restatementKey(stemmed: string): string {
  let key = stemmed;
  if (key.length === 4 && key.endsWith("s") && !/(?:ss|us|is)$/.test(key)) key = key.slice(0, -1);
  return key.length > 3 && key.endsWith("e") ? key.slice(0, -1) : key;
}

/** A number standing alone in prose: "2.0", "16", "404" (not a man page's "git-log(1)"). */
const NUMBER = /(?<=^|\s)\d+(?:\.\d+)*(?![\w)])/g;

/** Bodies up to this many words are checked for only restating the summary. */
export const RESTATEMENT_WORDS = 40;
/** Words that point at the change itself ("This commit …", "… now …") rather than say anything about it. */
const SELF_REFERENCE = new Set(["commit", "change", "chang", "patch", "now", "also", "here", "which", "will", "when", "then", "these", "those", "them", "they", "not", "but", "all", "some", "just", "into"]);

/** Words that give a reason however few others are new ("… failed to describe X, so add some", "Therefore, …"). */
const REASON_WORD = /^(?:because|therefore|thus|hence|otherwise|consequently|since|due|reason|trouble)$/i;

/**
 * True when at most three and fewer than a quarter of the content words of `text` are new next
 * to the summary's, and none of the new ones gives a reason or names a problem ("This commit
 * adds retry logic to the upload client. The upload client now retries." under "Add retry
 * logic to the upload client"; "Fix typos in documentation." under "Documentation: fix typos").
 */
export function restatesSummary(text: string, summary: string): boolean {
  // A summary has a handful of words: a list is cheaper to build and search than a set.
  const summaryStems: string[] = [];
  LABEL_WORD.lastIndex = 0;
  for (let match = LABEL_WORD.exec(summary); match !== null; match = LABEL_WORD.exec(summary)) summaryStems.push(restatementKey(stem(match[0])));
  let content = 0;
  let fresh = 0;
  LABEL_WORD.lastIndex = 0;
  for (let match = LABEL_WORD.exec(text); match !== null; match = LABEL_WORD.exec(text)) {
    const stemmed = stem(match[0]);
    if (FUNCTION_WORDS.has(stemmed) || SELF_REFERENCE.has(stemmed)) continue;
    const key = restatementKey(stemmed);
    content++;
    // A fourth new word settles it (and ends the scan early for the bodies that say something).
    if (!summaryStems.includes(key) && ++fresh > 3) return false;
  }
  // A number the summary does not have ("deprecated in 2.0", "from 10 MB") is news too.
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(text); match !== null; match = NUMBER.exec(text)) {
    content++;
    if (!summary.includes(match[0]) && ++fresh > 3) return false;
  }
  // "Updated the config." under "Update config": two content words, both the summary's, are
  // as much a restatement as a longer body; a body with none ("It is needed.") is something else.
  if (content === 0 || fresh * 4 >= content) return false;
  // 'fix a typo: change "as" to "a"': in a body this short, a quotation the summary has not is
  // the detail (its words may all be function words). Longer bodies' quotations are weighed as words.
  if (content < 3 && (text.includes('"') || text.includes("\u201C") || text.includes("`")) && quotesNews(text, summary)) return false;
  // Few new words: a restatement unless one of them gives a reason or names a problem.
  LABEL_WORD.lastIndex = 0;
  for (let match = LABEL_WORD.exec(text); match !== null; match = LABEL_WORD.exec(text)) {
    const word = match[0];
    if (!summaryStems.includes(restatementKey(stem(word))) && (REASON_WORD.test(word) || PROBLEM_STRONG.test(word))) return false;
  }
  return true;
}

/** A quotation: "…", “…” or `…`. */
const QUOTATION = /["\u201C`]([^"\u201D`\n]+)["\u201D`]/g;

/** True when `text` quotes something ("as", `--force`) that `summary` does not have. */
function quotesNews(text: string, summary: string): boolean {
  QUOTATION.lastIndex = 0;
  for (let match = QUOTATION.exec(text); match !== null; match = QUOTATION.exec(text)) if (!summary.includes(match[1])) return true;
  return false;
}

/** True when `text` has at least `least` content words and most of them are not the summary's. */
export function saysItsOwn(text: string, summary: string, least: number): boolean {
  const words = text.match(LABEL_WORD) ?? [];
  const summaryStems = new Set((summary.match(LABEL_WORD) ?? []).map(stem));
  let content = 0;
  let repeated = 0;
  for (const word of words) {
    const key = stem(word);
    if (FUNCTION_WORDS.has(key)) continue;
    content++;
    if (summaryStems.has(key)) repeated++;
  }
  return content >= least && repeated * 2 < content;
}

/** Bodies up to this many words are checked for saying nothing specific (saysNothingSpecific). */
export const EMPTY_BODY_WORDS = 12;

/**
 * Words that name no particular change or thing changed: verbs of any change, quantities and
 * fillers ("Changed some things.", "Minor fixes and updates.", "Various tweaks here."). Not the
 * summary's vague words that still name a kind of change in a body ("a typo in comments").
 */
const UNSPECIFIC_WORDS = new Set([
  "change", "changes", "changed", "changing", "update", "updates", "updated", "updating", "fix", "fixes", "fixed",
  "fixing", "tweak", "tweaks", "tweaked", "improve", "improves", "improved", "improvement", "improvements",
  "cleanup", "cleanups", "clean", "cleaned", "up", "make", "made", "do", "did", "done", "stuff", "stuffs", "thing",
  "things", "bits", "pieces", "parts", "minor", "misc", "miscellaneous", "various", "small", "some", "more",
  "other", "few", "bunch", "lot", "lots", "several", "many", "random", "general", "etc", "here", "there",
  "just", "bit", "work", "progress", "again", "i",
]);

/**
 * True when every word of `text` is one that names no particular change (UNSPECIFIC_WORDS, at
 * least one, or a function word): "Changed some things.", "Minor fixes and updates.",
 * "Various changes here." Such a body tells nothing the summary did not, as a restatement.
 */
export function saysNothingSpecific(text: string): boolean {
  // A number names something ("Updated to 2.0."), though no word of it is one LABEL_WORD reads.
  if (/\d/.test(text)) return false;
  LABEL_WORD.lastIndex = 0;
  let unspecific = 0;
  for (let match = LABEL_WORD.exec(text); match !== null; match = LABEL_WORD.exec(text)) {
    const word = match[0].toLowerCase();
    if (UNSPECIFIC_WORDS.has(word)) unspecific++;
    else if (!FUNCTION_WORDS.has(word)) return false;
  }
  // Function words alone may be a quotation of the change ('"has be" -> "has to be"').
  return unspecific > 0;
}
