// Word gates: the words a pattern needs, looked up in one pass over a text shared by every gate.
import { escapeRegExp } from "../escape-regexp.js";
import { sameLowerCase } from "./text.js";

/** A word character as `\w` reads it without the `u` flag: an ASCII letter or digit, or "_". */
function isWordCode(code: number): boolean {
  const letter = code | 32;
  return (letter >= 97 && letter <= 122) || (code >= 48 && code <= 57) || code === 95;
}

/** A hash of a lower-case word, as `readText` computes it while scanning (kept in small-integer range). */
function hashOf(word: string): number {
  let hash = 0;
  for (let index = 0; index < word.length; index++) hash = (Math.imul(hash, 31) + word.charCodeAt(index)) & 0x3fffffff;
  return hash;
}

// Every gate's words, each with an id, in an open-addressing table keyed by hash: a text's words
// are looked up as they are scanned, with no substring, lower-casing or set built per word. The
// gates are made when their modules load, on every run of the commit-msg hook, which lints one
// message: so a gate only queues its words, and the table is built in one go when a gate is
// first asked (growing it word by word cost the hook about 2 ms of its start).
const ids = new Map<string, number>();
const registered: string[] = [];
const hashes: number[] = [];
let table = new Int32Array(0);
let longest = 0;
/** Gates made since the table was last built, whose words have no ids yet. */
const pending: WordGate[] = [];

/** For each registered word, the number of the last text read that holds it. */
let seen = new Uint32Array(0);
let textNumber = 0;
let lastText: string | undefined;

function register(word: string): number {
  const known = ids.get(word);
  if (known !== undefined) return known;
  const id = registered.length;
  ids.set(word, id);
  registered.push(word);
  hashes.push(hashOf(word));
  if (word.length > longest) longest = word.length;
  return id;
}

/** Gives the pending gates' words ids and rebuilds the table and `seen` once for all of them. */
function registerPending(): void {
  for (const gate of pending.splice(0)) gate.ids = Int32Array.from(gate.words, register);
  let size = 1024;
  while (size < registered.length * 2) size *= 2;
  table = new Int32Array(size).fill(-1);
  for (let id = 0; id < registered.length; id++) {
    let slot = hashes[id] & (size - 1);
    while (table[slot] >= 0) slot = (slot + 1) & (size - 1);
    table[slot] = id;
  }
  const grown = new Uint32Array(registered.length);
  grown.set(seen);
  seen = grown;
  // The last text was read before these words had ids: read it again when asked.
  lastText = undefined;
}

/** The id of the registered word `text.slice(start, end)` (any case) with lower-case hash `hash`, or -1. */
function lookUp(text: string, start: number, end: number, hash: number): number {
  for (let slot = hash & (table.length - 1); table[slot] >= 0; slot = (slot + 1) & (table.length - 1)) {
    const id = table[slot];
    if (hashes[id] === hash && sameLowerCase(text, start, end, registered[id])) return id;
  }
  return -1;
}


/**
 * Marks the registered words that `text` holds. A word of the text is a run of ASCII letters,
 * digits and "_" (what `\w` matches without the `u` flag), read in any case: "don't" holds "don"
 * and "t", "follow-up" "follow" and "up", and any character outside ASCII ends a word ("naïve"
 * holds "na" and "ve"). The last text is kept: the readings of one body ask about it in turn.
 */
function readText(text: string): void {
  if (text === lastText) return;
  lastText = text;
  textNumber = (textNumber + 1) >>> 0;
  if (textNumber === 0) {
    seen.fill(0);
    textNumber = 1;
  }
  let start = -1;
  let hash = 0;
  for (let at = 0; at <= text.length; at++) {
    const code = at < text.length ? text.charCodeAt(at) : 32;
    if (isWordCode(code)) {
      if (start < 0) {
        start = at;
        hash = 0;
      }
      hash = (Math.imul(hash, 31) + (code >= 65 && code <= 90 ? code + 32 : code)) & 0x3fffffff;
      continue;
    }
    if (start < 0) continue;
    if (at - start <= longest) {
      const id = lookUp(text, start, at, hash);
      if (id >= 0) seen[id] = textNumber;
    }
    start = -1;
  }
}

const EMPTY = new Int32Array(0);
/** A word as readText reads one, lower-cased: ASCII letters, digits and "_". */
const LOWER_WORD = /^[a-z0-9_]+$/;

/**
 * Words one of which a pattern cannot match without, each standing whole in the text: in a
 * pattern without the `u` flag, a word it reads between `\b`s (or blanks), in any case when it
 * has the `i` flag. Without `u` no character outside ASCII matches an ASCII letter, even
 * ignoring case, so a text holding none of a gate's words as words of its own (see readText)
 * has no match, and the pattern need not run. The texts are read once for all gates.
 */
export class WordGate {
  /** The ids of the gate's words, given when the table is next built (registerPending); internal. */
  ids: Int32Array = EMPTY;
  /** The gate's words, as given. */
  readonly words: readonly string[];

  constructor(words: readonly string[]) {
    for (const word of words) {
      // A word with a capital, a blank or a hyphen could never be one of a text's words.
      if (!LOWER_WORD.test(word)) throw new Error(`a WordGate takes lower-case words of ASCII letters, digits and "_", not ${JSON.stringify(word)}`);
    }
    this.words = [...words];
    pending.push(this);
  }

  /** Whether `text` holds one of the gate's words as a word of its own. */
  opens(text: string): boolean {
    if (pending.length > 0) registerPending();
    readText(text);
    const ids = this.ids;
    for (let index = 0; index < ids.length; index++) if (seen[ids[index]] === textNumber) return true;
    return false;
  }
}

/**
 * A reading that runs its patterns only when `opens` says the text has the words they need:
 * what test/judge/gate-cover.test.ts checks against each pattern's syntax, so that a form added
 * to a pattern without its word in the gate fails there.
 */
export interface GatedReading {
  readonly name: string;
  /** The patterns the reading runs, every match of which must open the gate. */
  readonly patterns: readonly RegExp[];
  /** The gates `opens` asks. */
  readonly gates: readonly WordGate[];
  /** The test the reading makes before its patterns run. */
  readonly opens: (text: string) => boolean;
  /** Strings `opens` finds inside words, besides the gates' whole words ("bsd" in "FreeBSD"). */
  readonly needles?: readonly string[];
}

/**
 * A check that `text` may match `pattern`: whether it holds one of `needles`, text that every
 * match of `pattern` holds ("(deps" for "(deps)"), which costs less than the pattern where most
 * texts hold none. The check reads case as the pattern does: a plain substring test for a
 * case-sensitive pattern, one that ignores case for a pattern with the `i` flag, so that a flag
 * added to the pattern cannot leave the check turning away text it matches ("(DEPS)").
 */
export function precheckFor(pattern: RegExp, needles: readonly string[]): (text: string) => boolean {
  if (pattern.ignoreCase) {
    const anyCase = new RegExp(needles.map(escapeRegExp).join("|"), "i");
    return (text) => anyCase.test(text);
  }
  return (text) => {
    for (const needle of needles) if (text.includes(needle)) return true;
    return false;
  };
}
