// Decides whether the English cues can judge a text: mostly Latin script and not clearly another language.

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
