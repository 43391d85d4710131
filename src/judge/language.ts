// Decides whether the English cues can judge a text: mostly Latin script and not clearly another language.
import { sameLowerCase } from "./text.js";

const ENGLISH_WORDS = new Set([
  "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "is", "are", "was", "be",
  "this", "that", "it", "not", "when", "from", "by", "as", "we", "so", "if", "but", "which", "now",
  "add", "fix", "remove", "use", "update", "make", "allow", "because", "should", "can", "into",
]);

/** Frequent function words of languages that commit messages are often written in besides English. */
const OTHER_LANGUAGE_WORDS = new Set([
  // German
  "der", "die", "das", "und", "ist", "nicht", "mit", "für", "auf", "ein", "eine", "wird", "wurde", "bei", "zu", "von", "dem", "den", "des", "auch", "noch", "beim", "hinzugefügt", "behoben", "entfernt",
  // French
  "le", "la", "les", "et", "est", "pas", "pour", "avec", "une", "des", "du", "dans", "sur", "qui", "que", "ajout", "correction",
  // Spanish / Portuguese / Italian
  "el", "los", "las", "y", "es", "para", "con", "una", "del", "por", "que", "se", "lo", "em", "não", "uma", "com", "il", "di", "che", "per", "della", "corrige", "agregar", "añadir", "arreglo", "correção",
  // Dutch
  "het", "een", "van", "niet", "voor", "toegevoegd", "aangepast",
]);

const WORD = /[\p{L}']+/gu;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/u;
const ANY_LETTER = /\p{L}/u;

/**
 * True when English cue words can judge `text`: at least 70% of its letters are Latin and,
 * for texts with enough words, English function words are not outnumbered by those of another
 * language. Short texts (a one-word summary) count as judgeable.
 */
export function isJudgeableEnglish(fullText: string): boolean {
  // A sample is enough to tell the script and language; long messages stay cheap.
  const text = fullText.length > 1500 ? fullText.slice(0, 1500) : fullText;
  const ascii = judgeAscii(text);
  return ascii ?? judgeAnyScript(text);
}

/** The longest word of either word list: longer words need no lookup. */
const LONGEST_LISTED = Math.max(...[...ENGLISH_WORDS, ...OTHER_LANGUAGE_WORDS].map((word) => word.length));

/** A hash of a lower-case ASCII word, as `judgeAscii` computes it while scanning (kept in small-integer range). */
function wordHash(word: string): number {
  let hash = 0;
  for (let index = 0; index < word.length; index++) hash = (Math.imul(hash, 31) + word.charCodeAt(index)) & 0x3fffffff;
  return hash;
}

// The listed words in an open-addressing table keyed by hash: a lookup per word of the text
// costs a few integer operations instead of a substring, its lower-casing and a string hash.
const TABLE_BITS = 10;
const LISTED: { word: string; hash: number; english: boolean }[] = [];
const TABLE = new Int32Array(1 << TABLE_BITS).fill(-1);
for (const [list, english] of [[ENGLISH_WORDS, true], [OTHER_LANGUAGE_WORDS, false]] as const) {
  for (const word of list) {
    // A word on both lists counts as English, as in the general path. (A Set lookup, not a scan
    // of LISTED: this runs at every start of the commit-msg hook, over some 400 words.)
    if (!english && ENGLISH_WORDS.has(word)) continue;
    const hash = wordHash(word);
    let slot = hash & (TABLE.length - 1);
    while (TABLE[slot] >= 0) slot = (slot + 1) & (TABLE.length - 1);
    TABLE[slot] = LISTED.length;
    LISTED.push({ word, hash, english });
  }
}

/** The listed entry for the word `text.slice(start, end)` with lower-case hash `hash`, or undefined. */
function lookUp(text: string, start: number, end: number, hash: number): { english: boolean } | undefined {
  for (let slot = hash & (TABLE.length - 1); TABLE[slot] >= 0; slot = (slot + 1) & (TABLE.length - 1)) {
    const entry = LISTED[TABLE[slot]];
    if (entry.hash === hash && sameLowerCase(text, start, end, entry.word)) return entry;
  }
  return undefined;
}

/**
 * `isJudgeableEnglish` for pure ASCII text in one pass, without regular expressions or a
 * string per word (every letter is Latin, so only the word lists decide); null when the text
 * has other characters.
 */
function judgeAscii(text: string): boolean | null {
  let english = 0;
  let other = 0;
  let words = 0;
  let start = -1;
  let hash = 0;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 32;
    if (code >= 128) return null;
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39) {
      if (start < 0) {
        start = index;
        hash = 0;
      }
      hash = (Math.imul(hash, 31) + (code <= 90 && code !== 39 ? code + 32 : code)) & 0x3fffffff;
      continue;
    }
    if (start < 0) continue;
    words++;
    if (index - start <= LONGEST_LISTED) {
      const entry = lookUp(text, start, index, hash);
      if (entry?.english) english++;
      else if (entry) other++;
    }
    start = -1;
  }
  if (words < 4) return true;
  return !(other >= 2 && other > english * 1.5);
}


/** The general case: letters of any script (a sample of at most 1,500 UTF-16 units). */
function judgeAnyScript(text: string): boolean {
  let letters = 0;
  let latin = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
      letters++;
      latin++;
    } else if (code >= 128) {
      const char = text[index];
      if (!ANY_LETTER.test(char)) continue;
      letters++;
      if (LATIN_LETTER.test(char)) latin++;
    }
  }
  if (letters === 0) return true;
  if (latin / letters < 0.7) return false;
  let english = 0;
  let other = 0;
  let words = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    words++;
    if (ENGLISH_WORDS.has(word)) english++;
    else if (OTHER_LANGUAGE_WORDS.has(word)) other++;
  }
  if (words < 4) return true;
  return !(other >= 2 && other > english * 1.5);
}
