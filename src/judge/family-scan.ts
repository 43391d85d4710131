// Runs word families' patterns only at the words they can start a match with.
import { CLASS_COUNT, charClass, leadKeys } from "./lead-keys.js";

/** Texts a scanner reads the plain way before it builds its table: a single lint never pays for one. */
const WARM_UP = 64;

/** A text read by a scanner: where its families' matches can start. */
export class FamilyWords {
  constructor(
    private readonly scanner: FamilyScanner,
    readonly text: string,
    /** Pairs of (index of a word start, mask of the families that can match there), in order; null while warming up. */
    readonly starts: readonly number[] | null,
  ) {}

  /** The first match of `pattern` in `text`: this text, or one of the same length and word starts. */
  first(pattern: RegExp, text = this.text): RegExpExecArray | null {
    return this.scanner.from(this, pattern, 0, text);
  }

  /** The first match of `pattern` in `text` at or after `from` (what a global pattern's exec finds with lastIndex = from). */
  from(pattern: RegExp, from: number, text = this.text): RegExpExecArray | null {
    return this.scanner.from(this, pattern, from, text);
  }

  /** The first of the matches a global `pattern` walks through in `text` that `accept` approves. */
  firstWhere(pattern: RegExp, accept: (match: RegExpExecArray) => boolean, text = this.text): RegExpExecArray | null {
    for (let match = this.first(pattern, text); match !== null; match = this.from(pattern, match.index + Math.max(match[0].length, 1), text)) {
      if (accept(match)) return match;
    }
    return null;
  }
}

/**
 * A word family's pattern ("fail", "crash", "because", "so that" … each opened by `\b`) tries
 * its alternatives at every word of a text it scans, and most bodies contain none of the
 * words, or few. A scanner reads the text once, looks up each word's first three characters
 * in a table of what each family's matches can start with (see leadKeys), and runs a family's
 * pattern anchored (sticky) at those words only. The match found is the one the plain pattern
 * finds: the leftmost, and at a given start the backtracking engine chooses the same one.
 * Patterns whose matches do not all start at a word start are run the plain way.
 */
export class FamilyScanner {
  private readonly index = new Map<RegExp, number>();
  private readonly plainGlobal: RegExp[];
  private anchored: (RegExp | null)[] | null = null;
  private table: Uint32Array | null = null;
  private scans = 0;

  constructor(
    private readonly patterns: readonly RegExp[],
    private readonly warmUp = WARM_UP,
  ) {
    if (patterns.length > 31) throw new RangeError("a FamilyScanner takes at most 31 patterns");
    patterns.forEach((pattern, at) => this.index.set(pattern, at));
    this.plainGlobal = patterns.map((pattern) => new RegExp(pattern.source, `${pattern.flags}g`));
  }

  /** Reads `text`'s word starts (or leaves them unread while the scanner warms up). */
  scan(text: string): FamilyWords {
    if (this.table === null) {
      if (this.scans < this.warmUp) {
        this.scans++;
        return new FamilyWords(this, text, null);
      }
      this.build();
    }
    const table = this.table!;
    const starts: number[] = [];
    const length = text.length;
    let previousWord = false;
    for (let at = 0; at < length; at++) {
      const first = charClass(text.charCodeAt(at));
      const word = first < CLASS_COUNT - 1;
      if (word && !previousWord) {
        const second = at + 1 < length ? charClass(text.charCodeAt(at + 1)) : CLASS_COUNT - 1;
        const third = at + 2 < length ? charClass(text.charCodeAt(at + 2)) : CLASS_COUNT - 1;
        const families = table[(first * CLASS_COUNT + second) * CLASS_COUNT + third];
        if (families !== 0) starts.push(at, families);
      }
      previousWord = word;
    }
    return new FamilyWords(this, text, starts);
  }

  /** See FamilyWords.from. */
  from(words: FamilyWords, pattern: RegExp, from: number, text = words.text): RegExpExecArray | null {
    const at = this.index.get(pattern);
    if (at === undefined) throw new Error(`not one of this scanner's patterns: /${pattern.source.slice(0, 40)}…/`);
    const sticky = this.anchored?.[at] ?? null;
    if (words.starts === null || sticky === null) {
      const global = this.plainGlobal[at];
      global.lastIndex = from;
      return global.exec(text);
    }
    const bit = 1 << at;
    const starts = words.starts;
    // The first word start at or after `from`, found by halving: a walk through many rejected
    // matches (firstWhere) must not read the list from its beginning each time.
    let low = 0;
    let high = starts.length / 2;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (starts[middle * 2] < from) low = middle + 1;
      else high = middle;
    }
    for (let i = low * 2; i < starts.length; i += 2) {
      if ((starts[i + 1] & bit) === 0) continue;
      sticky.lastIndex = starts[i];
      const match = sticky.exec(text);
      if (match !== null) return match;
    }
    return null;
  }

  private build(): void {
    const table = new Uint32Array(CLASS_COUNT ** 3);
    this.anchored = this.patterns.map((pattern, at) => {
      const keys = leadKeys(pattern);
      if (keys === null) return null;
      for (const [a, b, c] of keys) {
        for (let x = 0; x < CLASS_COUNT; x++) {
          if (((a >>> x) & 1) === 0) continue;
          for (let y = 0; y < CLASS_COUNT; y++) {
            if (((b >>> y) & 1) === 0) continue;
            for (let z = 0; z < CLASS_COUNT; z++) if (((c >>> z) & 1) !== 0) table[(x * CLASS_COUNT + y) * CLASS_COUNT + z] |= 1 << at;
          }
        }
      }
      return new RegExp(pattern.source, `${pattern.flags}y`);
    });
    this.table = table;
  }
}
