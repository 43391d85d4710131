// Runs word families' patterns only at the words they can start a match with.
import { CLASS_COUNT, charClass, leadKeys } from "./lead-keys.js";

const NON_WORD = CLASS_COUNT - 1;
/** charClass of every UTF-16 code unit, read from a table: the scan asks it of every character of a body. */
const CLASSES = new Uint8Array(65536).fill(NON_WORD);
for (let code = 0; code < 128; code++) CLASSES[code] = charClass(code);

function classOf(code: number): number {
  return CLASSES[code];
}

/** Texts a scanner reads the plain way before it builds its table: a single lint never pays for one. */
const WARM_UP = 64;

/** A text read by a scanner: where its families' matches can start. */
export class FamilyWords {
  constructor(
    private readonly scanner: FamilyScanner,
    readonly text: string,
    /**
     * Pairs of (index of a word start, mask of the families that can match there), in order; null
     * while warming up. For a part read with `within`, the whole text's list, which `offset` and
     * `end` cut.
     */
    readonly starts: readonly number[] | null,
    /** The families that can match anywhere in the text: a family outside it has no match, and no pattern runs. */
    readonly mask: number = -1,
    /** Where `text` starts in the text `starts` were read from. */
    readonly offset: number = 0,
    /** Where `text` ends there. */
    readonly end: number = text.length,
    /** The families that can match at `text`'s first character when it opens a word the whole text ran on through. */
    readonly lead: number = 0,
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

  /**
   * The words of `part`, a part of this text that starts at `offset` in it ("fix: handle CRLF"
   * read once, and its words after the prefix asked of "handle CRLF"): this text's word starts
   * inside the part, with no second pass over its characters. A part that is not this text's
   * slice at `offset` (a summary whose underscores were read as blanks) is read the plain way.
   */
  within(part: string, offset: number): FamilyWords {
    const starts = this.starts;
    if (starts === null || this.offset !== 0 || !this.text.startsWith(part, offset)) return new FamilyWords(this.scanner, part, null);
    // The part's first character opens a word of its own when this text's word runs on before it
    // ("#12foo" cut after the reference): the table is asked for it as a scan of the part would.
    let lead = 0;
    if (offset > 0 && part.length > 0 && this.scanner.isWordCode(part.charCodeAt(0)) && this.scanner.isWordCode(this.text.charCodeAt(offset - 1))) lead = this.scanner.familiesAt(part, 0);
    // A start's families were read from this text's characters, which may run past the part's
    // end: a match inside the part has the same first characters, so none is lost.
    return new FamilyWords(this.scanner, part, starts, this.mask | lead, offset, offset + part.length, lead);
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
    let mask = 0;
    // Each word start's first three characters are looked up; the rest of its word is skipped.
    let at = 0;
    while (at < length) {
      const first = classOf(text.charCodeAt(at));
      if (first === NON_WORD) {
        at++;
        continue;
      }
      const second = at + 1 < length ? classOf(text.charCodeAt(at + 1)) : NON_WORD;
      const third = at + 2 < length ? classOf(text.charCodeAt(at + 2)) : NON_WORD;
      const families = table[(first * CLASS_COUNT + second) * CLASS_COUNT + third];
      if (families !== 0) {
        starts.push(at, families);
        mask |= families;
      }
      // The character after the word is no word start either.
      if (second === NON_WORD) at += 2;
      else if (third === NON_WORD) at += 3;
      else {
        at += 3;
        while (at < length && classOf(text.charCodeAt(at)) !== NON_WORD) at++;
        at++;
      }
    }
    return new FamilyWords(this, text, starts, mask);
  }

  /** Whether a UTF-16 code unit is a word character as the table reads them (ASCII letters, digits, "_"). */
  isWordCode(code: number): boolean {
    return classOf(code) !== NON_WORD;
  }

  /** The families that can match at `at` of `text`, read from its first three characters (the table built). */
  familiesAt(text: string, at: number): number {
    const length = text.length;
    const first = classOf(text.charCodeAt(at));
    if (first === NON_WORD) return 0;
    const second = at + 1 < length ? classOf(text.charCodeAt(at + 1)) : NON_WORD;
    const third = at + 2 < length ? classOf(text.charCodeAt(at + 2)) : NON_WORD;
    return this.table![(first * CLASS_COUNT + second) * CLASS_COUNT + third];
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
    if ((words.mask & bit) === 0) return null;
    const starts = words.starts;
    const offset = words.offset;
    if ((words.lead & bit) !== 0 && from === 0) {
      sticky.lastIndex = 0;
      const match = sticky.exec(text);
      if (match !== null) return match;
    }
    // The first word start at or after `from`, found by halving: a walk through many rejected
    // matches (firstWhere) must not read the list from its beginning each time.
    const target = from + offset;
    let low = 0;
    let high = starts.length / 2;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (starts[middle * 2] < target) low = middle + 1;
      else high = middle;
    }
    const end = words.end;
    for (let i = low * 2; i < starts.length && starts[i] < end; i += 2) {
      if ((starts[i + 1] & bit) === 0) continue;
      sticky.lastIndex = starts[i] - offset;
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
