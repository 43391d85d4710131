// Which three characters a word family's pattern can begin a match with, read from its source.

/**
 * Characters fall into 28 classes: the 26 ASCII letters (either case), ASCII digits and "_"
 * (the other word characters), and everything else (space, punctuation, any non-ASCII
 * character, or the end of the text). A set of classes is a bit mask.
 */
export const CLASS_COUNT = 28;
const OTHER_WORD = 26;
const NON_WORD = 27;
const ANY = (1 << CLASS_COUNT) - 1;
const WORD = ANY & ~(1 << NON_WORD);
const KEY_LENGTH = 3;

/** The class of a UTF-16 code unit. */
export function charClass(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  if ((code >= 48 && code <= 57) || code === 95) return OTHER_WORD;
  return NON_WORD;
}

/** The first characters of a match: one class mask per position, at most KEY_LENGTH. */
type Lead = number[];

type Node =
  | { kind: "empty" }
  | { kind: "boundary" }
  | { kind: "chars"; mask: number }
  | { kind: "sequence"; items: Node[] }
  | { kind: "choice"; options: Node[] }
  | { kind: "repeat"; node: Node; min: number; max: number };

/** A counted quantifier ("{2}", "{0,4}", "{3,}"), read where a quantifier may stand. */
const BRACES = /\{(\d+)(,(\d*))?\}/y;

/** Thrown inside the reader for syntax it does not model; leadKeys then declines the pattern. */
class Unmodelled extends Error {}

/**
 * Reads the subset of pattern syntax the word families use into a tree that keeps only what
 * decides a match's first characters: lookarounds, anchors and `\B` match no characters, so
 * they read as empty (which can only widen the sets below, never narrow them).
 */
function read(source: string): Node {
  let at = 0;
  const choice = (): Node => {
    const options = [sequence()];
    while (source[at] === "|") {
      at++;
      options.push(sequence());
    }
    return options.length === 1 ? options[0] : { kind: "choice", options };
  };
  const sequence = (): Node => {
    const items: Node[] = [];
    while (at < source.length && source[at] !== "|" && source[at] !== ")") items.push(quantified(atom()));
    return { kind: "sequence", items };
  };
  const quantified = (node: Node): Node => {
    let min: number;
    let max: number;
    const c = source[at];
    BRACES.lastIndex = at;
    const braces = c === "{" ? BRACES.exec(source) : null;
    if (c === "?") [min, max] = [0, 1];
    else if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (braces !== null) [min, max] = [Number(braces[1]), braces[2] === undefined ? Number(braces[1]) : braces[3] === "" ? Infinity : Number(braces[3])];
    else return node;
    at += braces?.[0].length ?? 1;
    if (source[at] === "?") at++;
    return { kind: "repeat", node, min, max };
  };
  // The code unit an escape of one character stands for (`\t`, `\u2019`, `\.`), reading it.
  const escapedCode = (): number => {
    const c = source[at + 1];
    at += 2;
    if (c === "u" || c === "x") {
      const digits = source.slice(at, at + (c === "u" ? 4 : 2));
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== (c === "u" ? 4 : 2)) throw new Unmodelled();
      at += digits.length;
      return Number.parseInt(digits, 16);
    }
    const control = CONTROL_ESCAPES.get(c);
    // "\0" then a digit is an octal escape outside Unicode mode.
    if (control !== undefined && !(c === "0" && /[0-9]/.test(source[at] ?? ""))) return control;
    if (c === undefined || /[0-9a-zA-Z]/.test(c)) throw new Unmodelled();
    return c.charCodeAt(0);
  };
  // A class escape (`\d`, `\w`, `\s` and their negations) as a mask, or undefined for another escape.
  const classEscape = (inClass: boolean): number | undefined => {
    const c = source[at + 1];
    const mask = c === "d" ? 1 << OTHER_WORD : c === "w" ? WORD : c === "s" ? 1 << NON_WORD : c === "D" || c === "W" || c === "S" ? ANY : c === "b" && inClass ? 1 << NON_WORD : undefined;
    if (mask !== undefined) at += 2;
    return mask;
  };
  const charSet = (): number => {
    at++;
    const negated = source[at] === "^";
    if (negated) at++;
    let mask = 0;
    // In a JavaScript pattern "]" right after "[" or "[^" closes the class: "[]" matches nothing, "[^]" anything.
    while (source[at] !== "]") {
      if (at >= source.length) throw new Unmodelled();
      let low: number;
      if (source[at] === "\\") {
        const escaped = classEscape(true);
        if (escaped !== undefined) {
          mask |= escaped;
          continue;
        }
        low = escapedCode();
      } else low = source.charCodeAt(at++);
      if (source[at] === "-" && source[at + 1] !== "]") {
        at++;
        if (source[at] === "\\" && classEscape(true) !== undefined) throw new Unmodelled();
        const high = source[at] === "\\" ? escapedCode() : source.charCodeAt(at++);
        for (let code = low; code <= high && code < 128; code++) mask |= maskOf(code);
        if (high >= 128) mask |= 1 << NON_WORD;
      } else mask |= maskOf(low);
    }
    at++;
    return negated ? ANY : mask;
  };
  const atom = (): Node => {
    const c = source[at];
    if (c === "(") {
      at++;
      let zeroWidth = false;
      if (source[at] === "?") {
        const next = source[at + 1];
        if (next === ":") at += 2;
        else if (next === "=" || next === "!") [at, zeroWidth] = [at + 2, true];
        else if (next === "<" && (source[at + 2] === "=" || source[at + 2] === "!")) [at, zeroWidth] = [at + 3, true];
        else if (next === "<") at = source.indexOf(">", at) + 1;
        else throw new Unmodelled();
      }
      const inner = choice();
      if (source[at] !== ")") throw new Unmodelled();
      at++;
      return zeroWidth ? { kind: "empty" } : inner;
    }
    if (c === ")" || c === "|") throw new Unmodelled();
    if (c === "[") return { kind: "chars", mask: charSet() };
    if (c === "\\" && (source[at + 1] === "b" || source[at + 1] === "B")) {
      at += 2;
      return source[at - 1] === "b" ? { kind: "boundary" } : { kind: "empty" };
    }
    if (c === "\\") return { kind: "chars", mask: classEscape(false) ?? maskOf(escapedCode()) };
    at++;
    if (c === "^" || c === "$") return { kind: "empty" };
    if (c === ".") return { kind: "chars", mask: ANY };
    return { kind: "chars", mask: maskOf(c.charCodeAt(0)) };
  };
  const tree = choice();
  if (at !== source.length) throw new Unmodelled();
  return tree;
}

/** What `\n`, `\t` and the other control escapes stand for. */
const CONTROL_ESCAPES = new Map([["n", 10], ["t", 9], ["r", 13], ["f", 12], ["v", 11], ["0", 0]]);

function maskOf(code: number): number {
  return 1 << charClass(code);
}

function unique(leads: Lead[]): Lead[] {
  const seen = new Map<string, Lead>();
  for (const lead of leads) seen.set(lead.join(","), lead);
  return [...seen.values()];
}

function then(leads: Lead[], next: Lead[]): Lead[] {
  const out: Lead[] = [];
  for (const lead of leads) {
    if (lead.length >= KEY_LENGTH) out.push(lead);
    else for (const more of next) out.push(lead.concat(more).slice(0, KEY_LENGTH));
  }
  return unique(out);
}

/** Every way the first KEY_LENGTH characters of a match of `node` can go (shorter: it ended). */
function leadsOf(node: Node): Lead[] {
  switch (node.kind) {
    case "empty":
    case "boundary":
      return [[]];
    case "chars":
      return [[node.mask]];
    case "sequence": {
      let leads: Lead[] = [[]];
      for (const item of node.items) {
        if (leads.every((lead) => lead.length >= KEY_LENGTH)) break;
        leads = then(leads, leadsOf(item));
      }
      return leads;
    }
    case "choice":
      return unique(node.options.flatMap(leadsOf));
    case "repeat": {
      const once = leadsOf(node.node);
      const out: Lead[] = [];
      let leads: Lead[] = [[]];
      // After min + KEY_LENGTH rounds every lead is complete or the node matches nothing.
      const rounds = Math.min(node.max, node.min + KEY_LENGTH);
      for (let round = 0; round <= rounds; round++) {
        if (round >= node.min) out.push(...leads);
        leads = then(leads, once);
      }
      return unique(out);
    }
  }
}

/** Whether every match of `node` starts with `\b` (before anything that takes a character). */
function startsAtBoundary(node: Node): boolean {
  if (node.kind === "boundary") return true;
  if (node.kind === "choice") return node.options.every(startsAtBoundary);
  if (node.kind === "sequence") {
    for (const item of node.items) {
      if (item.kind === "boundary") return true;
      if (item.kind !== "empty") return startsAtBoundary(item);
    }
  }
  return false;
}

/**
 * The keys a match of `pattern` can start with, as masks of each of its first three
 * characters' classes, when every match starts at the start of a word: the pattern opens each
 * of its alternatives with `\b` and a word character. Null for any other pattern, for flags
 * that change what a character class or a case-insensitive letter matches (`u`, `v`) and for
 * syntax the reader does not model (back references, control escapes): such a pattern is
 * run over the whole text as it is.
 */
export function leadKeys(pattern: RegExp): number[][] | null {
  if (/[uvgy]/.test(pattern.flags)) return null;
  let tree: Node;
  try {
    tree = read(pattern.source);
  } catch (error) {
    if (error instanceof Unmodelled) return null;
    throw error;
  }
  if (!startsAtBoundary(tree)) return null;
  const leads = leadsOf(tree);
  if (leads.some((lead) => lead.length === 0 || (lead[0] & ~WORD) !== 0)) return null;
  return leads.map((lead) => {
    const full = lead.slice();
    while (full.length < KEY_LENGTH) full.push(ANY);
    return full;
  });
}
