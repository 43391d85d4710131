// The whole words every match of a pattern must hold, read off its syntax tree: what a WordGate's test checks.
import { RegExpParser, type AST } from "@eslint-community/regexpp";

/**
 * One shape a match can take, as a gate reads it. A run is a stretch of word characters with no
 * boundary inside; UNKNOWN in a run is a character (or characters) the pattern does not fix, so
 * a run holding it is no word the gate could count. A "lit" shape is one run (the part had no
 * boundary at all); a "mixed" shape has a boundary somewhere, with the run before its first
 * boundary (left), the whole words between (words) and the run after its last (right).
 */
type Shape =
  | { lit: true; run: string; example: string }
  | { lit: false; left: string; words: readonly string[]; right: string; example: string };

const UNKNOWN = "\0";
/** Above this many shapes for one part of a pattern the check gives up rather than run for minutes. */
const MAX_SHAPES = 200_000;

function isWordChar(char: string): boolean {
  return /^[A-Za-z0-9_]$/.test(char);
}

/** A run with its unknown stretches merged, as only whether it holds one (and its needles) matters. */
function squeeze(run: string): string {
  return run.replace(/\0+/g, UNKNOWN);
}

/** What the match holds, once `run` stands between boundaries: itself if it is a word, and its needles. */
function settle(run: string, relevant: ReadonlySet<string>, needles: readonly string[]): string[] {
  const found: string[] = [];
  if (run !== "" && !run.includes(UNKNOWN) && relevant.has(run)) found.push(run);
  for (const needle of needles) if (run.split(UNKNOWN).some((part) => part.includes(needle))) found.push(`~${needle}`);
  return found;
}

class Reader {
  constructor(
    private readonly relevant: ReadonlySet<string>,
    private readonly needles: readonly string[],
  ) {}

  private mixed(left: string, words: Iterable<string>, right: string, example: string): Shape {
    return { lit: false, left: squeeze(left), words: [...new Set(words)].sort(), right: squeeze(right), example };
  }

  /** `a` then `b`. */
  private join(a: Shape, b: Shape): Shape {
    const example = a.example + b.example;
    if (a.lit && b.lit) return { lit: true, run: squeeze(a.run + b.run), example };
    if (a.lit && !b.lit) return this.mixed(a.run + b.left, b.words, b.right, example);
    if (!a.lit && b.lit) return this.mixed(a.left, a.words, a.right + b.run, example);
    if (a.lit || b.lit) throw new Error("unreachable");
    return this.mixed(a.left, [...a.words, ...b.words, ...settle(a.right + b.left, this.relevant, this.needles)], b.right, example);
  }

  /** Shapes without repeats, and without one whose words hold another's with the same edges. */
  private distinct(shapes: readonly Shape[]): Shape[] {
    const byEdges = new Map<string, Shape[]>();
    for (const shape of shapes) {
      const key = shape.lit ? `lit:${shape.run}` : `mix:${shape.left}|${shape.right}`;
      const kept = byEdges.get(key) ?? [];
      if (shape.lit) {
        if (kept.length === 0) kept.push(shape);
      } else if (!kept.some((other) => !other.lit && other.words.every((word) => shape.words.includes(word)))) {
        const words = shape.words;
        const rest = kept.filter((other) => other.lit || !words.every((word) => other.words.includes(word)));
        rest.push(shape);
        kept.length = 0;
        kept.push(...rest);
      }
      byEdges.set(key, kept);
    }
    const all = [...byEdges.values()].flat();
    if (all.length > MAX_SHAPES) throw new Error(`more than ${MAX_SHAPES} shapes: the check cannot read this pattern`);
    return all;
  }

  private product(left: readonly Shape[], right: readonly Shape[]): Shape[] {
    const out: Shape[] = [];
    for (const a of left) for (const b of right) out.push(this.join(a, b));
    return this.distinct(out);
  }

  private readonly boundary: Shape = { lit: false, left: "", words: [], right: "", example: " " };
  /** A boundary that takes no character: `\b`, `^`, `$`. */
  private readonly edgeOfWord: Shape = { lit: false, left: "", words: [], right: "", example: "" };
  /** Characters the pattern does not fix, any number, word characters or not. */
  private readonly anything: Shape = { lit: false, left: UNKNOWN, words: [], right: UNKNOWN, example: "…" };
  private readonly wordChars: Shape = { lit: true, run: UNKNOWN, example: "w" };
  private readonly nothing: Shape = { lit: true, run: "", example: "" };

  alternatives(alternatives: readonly AST.Alternative[]): Shape[] {
    return this.distinct(alternatives.flatMap((alternative) => this.sequence(alternative.elements)));
  }

  private sequence(elements: readonly AST.Element[]): Shape[] {
    let shapes: Shape[] = [this.nothing];
    for (const element of elements) shapes = this.product(shapes, this.element(element));
    return shapes;
  }

  private element(node: AST.Element): Shape[] {
    switch (node.type) {
      case "Character":
        return [this.character(String.fromCodePoint(node.value))];
      case "CharacterSet":
        if (node.kind === "space") return [node.negate ? this.anything : this.boundary];
        if (node.kind === "word") return [node.negate ? this.boundary : this.wordChars];
        if (node.kind === "digit") return [node.negate ? this.anything : this.wordChars];
        return [this.anything];
      case "CharacterClass":
        return this.characterClass(node);
      case "Group":
      case "CapturingGroup":
        return this.alternatives(node.alternatives);
      case "Assertion":
        // A boundary, a line's start or end: no word runs across it. A lookaround fixes nothing
        // the check needs: leaving it out only admits more matches.
        if (node.kind === "word") return [node.negate ? this.nothing : this.edgeOfWord];
        if (node.kind === "start" || node.kind === "end") return [this.edgeOfWord];
        // What must come next, when it starts with no word character ("match(?=\s*[.;!?]|\s)"),
        // ends the run before it.
        if (node.kind === "lookahead" && !node.negate) {
          return this.distinct(this.alternatives(node.alternatives).map((shape) => (!shape.lit && shape.left === "" ? this.edgeOfWord : this.nothing)));
        }
        return [this.nothing];
      case "Quantifier":
        return this.repeat(this.element(node.element), node.min, node.max);
      default:
        return [this.anything];
    }
  }

  private character(char: string): Shape {
    return isWordChar(char) ? { lit: true, run: char.toLowerCase(), example: char } : { lit: false, left: "", words: [], right: "", example: char };
  }

  /** A class of a few word characters is each of them; one that may be a word character or not is unknown. */
  private characterClass(node: AST.CharacterClass): Shape[] {
    if (node.negate) return [this.anything];
    const chars = new Set<string>();
    let wordUnknown = false;
    let other = false;
    for (const element of node.elements) {
      if (element.type === "Character") {
        const char = String.fromCodePoint(element.value);
        if (isWordChar(char)) chars.add(char.toLowerCase());
        else other = true;
      } else if (element.type === "CharacterClassRange") {
        for (let code = element.min.value; code <= element.max.value; code++) {
          if (isWordChar(String.fromCodePoint(code))) wordUnknown = true;
          else other = true;
        }
      } else if (element.type === "CharacterSet") {
        if (element.kind === "space" && !element.negate) other = true;
        else if (element.kind === "word" && element.negate) other = true;
        else if ((element.kind === "word" || element.kind === "digit") && !element.negate) wordUnknown = true;
        else return [this.anything];
      } else return [this.anything];
    }
    if (chars.size > 8) wordUnknown = true;
    const shapes: Shape[] = [];
    if (other) shapes.push(this.boundary);
    if (wordUnknown) shapes.push(this.wordChars);
    else for (const char of chars) shapes.push({ lit: true, run: char, example: char });
    return shapes;
  }

  /** `shapes` min to max times: once, twice as the first and last of any number, or not at all. */
  private repeat(shapes: readonly Shape[], min: number, max: number): Shape[] {
    const out: Shape[] = [];
    if (min === 0) out.push(this.nothing);
    if (min <= 1 && max >= 1) out.push(...shapes);
    if (max >= 2) {
      const first = this.product(shapes, [this.anything]);
      out.push(...this.product(first, shapes));
    }
    return this.distinct(out);
  }
}

/** A shape of a match that holds none of the words a gate needs. */
export interface Unguarded {
  /** The whole words the shape holds (those the gates know), and "~needle" for a needle it holds. */
  words: readonly string[];
  /** A rough text of the shape ("…" where the pattern leaves the text open). */
  example: string;
}

/**
 * The shapes of `pattern`'s matches whose words do not open `opens`. `relevant` are the words the
 * gate reads (others are dropped as they are found, to keep the shapes few); `needles` are
 * strings the gate finds inside words. Each shape's words are given to the gate as a text of
 * their own ("~needle" as "_needle_", a word that holds the needle), so the gate is asked as it
 * is in use. A pattern with the u or v flag is refused: there `\w` and case folding reach past
 * ASCII ("ſ" is "s"), which a gate does not read.
 */
export function unguardedShapes(pattern: RegExp, relevant: ReadonlySet<string>, opens: (text: string) => boolean, needles: readonly string[] = []): Unguarded[] {
  if (pattern.unicode || pattern.flags.includes("v")) throw new Error(`${pattern.source.slice(0, 40)}…: a gated pattern must not have the u or v flag`);
  const ast = new RegExpParser({ ecmaVersion: 2024 }).parsePattern(pattern.source, 0, pattern.source.length, { unicode: false });
  const reader = new Reader(relevant, needles);
  const missing: Unguarded[] = [];
  for (const shape of reader.alternatives(ast.alternatives)) {
    const words = shape.lit ? [] : [...shape.words];
    // The match's own edges are no whole words (the text may go on), but they hold its needles.
    for (const run of shape.lit ? [shape.run] : [shape.left, shape.right]) {
      for (const needle of needles) if (run.split(UNKNOWN).some((part) => part.includes(needle))) words.push(`~${needle}`);
    }
    const text = words.map((word) => (word.startsWith("~") ? `_${word.slice(1)}_` : word)).join(" ");
    if (!opens(text)) missing.push({ words, example: shape.example });
  }
  return missing;
}
