// Word families run only at the words they can start with: same matches as the plain patterns.
import { describe, expect, it } from "vitest";
import * as cues from "../../src/judge/cues.js";
import { FamilyScanner } from "../../src/judge/family-scan.js";
import { leadKeys } from "../../src/judge/lead-keys.js";

const FAMILIES = [cues.CAUSAL, cues.PURPOSE, cues.HISTORY, cues.PROBLEM_STRONG, cues.PROBLEM_WEAK, cues.SCENARIO, cues.CHANGE_DESCRIPTION, cues.EVIDENT_TYPO, cues.EVIDENT_FORMAT, cues.EVIDENT_RELEASE, cues.EVIDENT_DEPENDENCY, cues.EVIDENT_DOCS, cues.EVIDENT_DOCS_WEAK, cues.EVIDENT_TESTS, cues.EVIDENT_CLEANUP];

/** Every match of `pattern` in `text`, walked as a global pattern walks them. */
function plainMatches(pattern: RegExp, text: string): string[] {
  const global = new RegExp(pattern.source, `${pattern.flags}g`);
  const out: string[] = [];
  for (let match = global.exec(text); match !== null; match = global.exec(text)) {
    out.push(`${match.index}:${match[0]}`);
    if (match[0] === "") global.lastIndex++;
  }
  return out;
}

function scannedMatches(scanner: FamilyScanner, pattern: RegExp, text: string): string[] {
  const words = scanner.scan(text);
  const out: string[] = [];
  for (let match = words.first(pattern); match !== null; match = words.from(pattern, match.index + Math.max(match[0].length, 1))) out.push(`${match.index}:${match[0]}`);
  return out;
}

/** Texts made of the families' own words, their neighbours and traps, joined by assorted separators. */
function generatedTexts(count: number, seed: number): string[] {
  const vocabulary = new Set<string>();
  for (const pattern of FAMILIES) for (const word of pattern.source.match(/[a-z][a-z']+/g) ?? []) vocabulary.add(word);
  const traps = ["_fail", "fail_", "fail9", "x1", "ÜBER", "naïve", "don’t", "can't", "v1.2-rc1", "2.30", "e83c516", "SO", "So,", "so,", "It's", "it’s", "FAILS", "Because", "i.e.", "re-format", "white-space", "cve-2024", "a", "I", "3"];
  const words = [...vocabulary, ...traps, ...[...vocabulary].map((word) => word.toUpperCase())];
  const separators = [" ", " ", " ", ", ", ". ", "\n", "\n\n", "(", ") ", "-", "/", "'", "`", ": ", "; ", "! ", "  ", "\t", "—", "_"];
  let state = seed;
  const next = (bound: number): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % bound;
  };
  const texts: string[] = [];
  for (let n = 0; n < count; n++) {
    let text = "";
    const length = 1 + next(40);
    for (let w = 0; w < length; w++) text += words[next(words.length)] + separators[next(separators.length)];
    texts.push(next(3) === 0 ? text.trimEnd() : text);
  }
  return texts;
}

describe("FamilyScanner", () => {
  it("finds every match the plain patterns find, in order, once warm", () => {
    const scanner = new FamilyScanner(FAMILIES, 0);
    let compared = 0;
    for (const text of generatedTexts(1500, 7)) {
      for (const pattern of FAMILIES) {
        const expected = plainMatches(pattern, text);
        compared += expected.length;
        expect(scannedMatches(scanner, pattern, text), `${pattern.source.slice(0, 30)} in ${JSON.stringify(text)}`).toEqual(expected);
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it("anchors every family it is given (none falls back to a whole-text run)", () => {
    for (const pattern of FAMILIES) expect(leadKeys(pattern), pattern.source.slice(0, 40)).not.toBeNull();
    const words = new FamilyScanner(FAMILIES, 0).scan("It failed because the cache was stale.");
    expect(words.starts).not.toBeNull();
  });

  it("reads a text of the same length and word starts with the same scan", () => {
    const scanner = new FamilyScanner(FAMILIES, 0);
    const text = "This\ncommit moves the check.\nThe new\noption is off.";
    const words = scanner.scan(text);
    const wrapped = text.replaceAll("\n", " ");
    expect(words.first(cues.CHANGE_DESCRIPTION, wrapped)?.[0]).toBe(cues.CHANGE_DESCRIPTION.exec(wrapped)?.[0]);
    expect(words.first(cues.CHANGE_DESCRIPTION, wrapped)?.[0]).toBe("This commit");
  });

  it("runs the plain patterns while warming up, then builds its table", () => {
    const scanner = new FamilyScanner([cues.PROBLEM_STRONG], 2);
    expect(scanner.scan("it fails").starts).toBeNull();
    expect(scanner.scan("it fails").first(cues.PROBLEM_STRONG)?.[0]).toBe("fails");
    const warm = scanner.scan("it fails");
    expect(warm.starts).toEqual([3, 1]);
    expect(warm.first(cues.PROBLEM_STRONG)?.index).toBe(3);
  });

  it("takes the first match a test approves, walking on past the ones it rejects, cold or warm", () => {
    const text = "It fails here, and it fails there.";
    for (const warmUp of [1, 0]) {
      const words = new FamilyScanner([cues.PROBLEM_STRONG], warmUp).scan(text);
      expect(words.firstWhere(cues.PROBLEM_STRONG, (match) => match.index > 10)?.index).toBe(22);
      expect(words.firstWhere(cues.PROBLEM_STRONG, () => false)).toBeNull();
    }
  });

  it("starts a walk at any position as a global pattern's lastIndex does", () => {
    const scanner = new FamilyScanner([cues.PROBLEM_STRONG], 0);
    const text = "fails, then it broke; it fails again and crashed. ".repeat(30);
    const words = scanner.scan(text);
    const global = new RegExp(cues.PROBLEM_STRONG.source, "gi");
    for (let from = 0; from <= text.length; from += 7) {
      global.lastIndex = from;
      const expected = global.exec(text);
      expect(words.from(cues.PROBLEM_STRONG, from)?.index, `from ${from}`).toBe(expected?.index);
    }
  });

  it("reads a counted quantifier of any length", () => {
    const pattern = /\bab{0,123456789012345}c/;
    expect(leadKeys(pattern)).not.toBeNull();
    expect(new FamilyScanner([pattern], 0).scan("xx ac").first(pattern)?.index).toBe(3);
  });

  it("reads a part of a scanned text as that part alone would read, at every cut", () => {
    const scanner = new FamilyScanner(FAMILIES, 0);
    let compared = 0;
    const wrong: string[] = [];
    for (const text of generatedTexts(60, 11)) {
      const whole = scanner.scan(text);
      for (let offset = 0; offset <= text.length; offset += 1 + (offset % 7)) {
        // A part to the end, and one cut short (a summary's core without its "(#123)").
        for (const part of [text.slice(offset), text.slice(offset, offset + Math.floor((text.length - offset) / 2))]) {
          const words = whole.within(part, offset);
          for (const pattern of FAMILIES) {
            const expected = plainMatches(pattern, part);
            compared += expected.length;
            const found: string[] = [];
            for (let match = words.first(pattern); match !== null; match = words.from(pattern, match.index + Math.max(match[0].length, 1))) found.push(`${match.index}:${match[0]}`);
            if (found.join() !== expected.join()) wrong.push(`${pattern.source.slice(0, 30)} in ${JSON.stringify(part)} at ${offset} of ${JSON.stringify(text)}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(5000);
  });

  it("reads the summary's core after a prefix, with Unicode, apostrophes and hyphens", () => {
    const scanner = new FamilyScanner(FAMILIES, 0);
    const line = "fix(naïve-parser): don’t crash on the re-format, because it's broken";
    const core = line.slice(line.indexOf(": ") + 2);
    const words = scanner.scan(line).within(core, line.indexOf(": ") + 2);
    expect(words.first(cues.PROBLEM_STRONG)?.index).toBe(core.indexOf("crash"));
    expect(words.first(cues.EVIDENT_FORMAT)?.[0]).toBe("re-format");
    expect(words.first(cues.CAUSAL)?.index).toBe(core.indexOf("because"));
    expect(words.firstWhere(cues.PROBLEM_STRONG, (match) => match.index > 20)?.[0]).toBe("broken");
    // A family with no word of its own in the line runs nowhere and finds nothing.
    expect(words.first(cues.EVIDENT_TESTS)).toBeNull();
  });

  it("opens a word at the part's first character when the text's word ran on through it", () => {
    const scanner = new FamilyScanner(FAMILIES, 0);
    // "#12fails" cut after the reference: "fails" starts the part, though no word of the whole starts there.
    const text = "see #12fails hard";
    const whole = scanner.scan(text);
    expect(whole.first(cues.PROBLEM_STRONG)).toBeNull();
    expect(whole.within("fails hard", 7).first(cues.PROBLEM_STRONG)?.index).toBe(0);
    expect(whole.within("ails hard", 8).first(cues.PROBLEM_STRONG)).toBeNull();
  });

  it("reads an empty part, and a part that is not the text's own, the plain way", () => {
    const scanner = new FamilyScanner(FAMILIES, 0);
    const whole = scanner.scan("Optimize_hessian_because_slow");
    expect(whole.within("", 5).first(cues.CAUSAL)).toBeNull();
    expect(whole.within("", 0).starts).not.toBeNull();
    // A snake_case summary read as words: the part differs from the line, so its starts are its own.
    const spaced = whole.within("Optimize hessian because slow", 0);
    expect(spaced.starts).toBeNull();
    expect(spaced.first(cues.CAUSAL)?.index).toBe(17);
  });

  it("refuses a pattern it was not given", () => {
    const words = new FamilyScanner([cues.PROBLEM_STRONG], 0).scan("text");
    expect(() => words.first(cues.PURPOSE)).toThrow(/not one of this scanner's patterns/);
  });
});

describe("leadKeys", () => {
  const letters = (mask: number): string => [..."abcdefghijklmnopqrstuvwxyz"].filter((_, at) => (mask >>> at) & 1).join("") + ((mask >>> 26) & 1 ? "0" : "") + ((mask >>> 27) & 1 ? "#" : "");
  const read = (pattern: RegExp): string[] | null => leadKeys(pattern)?.map((lead) => lead.map(letters).join("|")).sort() ?? null;

  it("reads the first three characters of each alternative, case-folded, with the end as any", () => {
    expect(read(/\b(?:fail(?:s|ed)?|IF)\b/i)).toEqual(["f|a|i", `i|f|${letters((1 << 28) - 1)}`]);
    // "#" is any other character: here the dot.
    expect(read(/\bv?\d+\.x/)).toEqual(["0|#|x", "0|0|#", "0|0|0", "v|0|#", "v|0|0"]);
  });

  it("declines what it cannot anchor: no leading \\b, unicode flags, back references", () => {
    expect(leadKeys(/fail/i)).toBeNull();
    expect(leadKeys(/\bfail|crash/i)).toBeNull();
    expect(leadKeys(/\b(?:fail)/iu)).toBeNull();
    expect(leadKeys(/\b(a)\1/)).toBeNull();
    expect(leadKeys(/\b\W/)).toBeNull();
    expect(leadKeys(/(?:^|\s)\bword/)).toBeNull();
  });

  it("widens what it does not model exactly instead of narrowing it", () => {
    // A negated class and \S take any character; a lookahead takes none.
    const any = letters((1 << 28) - 1);
    expect(read(/\bz[^x]y/)).toEqual([`z|${any}|y`]);
    expect(read(/\b(?=ab)a\Sc/)).toEqual([`a|${any}|c`]);
    // A range from an escaped control character covers what it spans ("\t" is 9, not "t").
    expect(read(/\bz[\t-~]/)).toEqual([`z|${letters(((1 << 27) - 1) | (1 << 27))}|${any}`]);
    expect(read(/\bz[\x41-\x43]/i)).toEqual([`z|abc|${any}`]);
    // "]" right after "[" closes the class, as JavaScript reads it: "[^]" is any character.
    expect(read(/\bz[^]y/)).toEqual([`z|${any}|y`]);
    // "[]" matches nothing: its alternative keeps an empty set, which gives the table no key.
    expect(read(/\b(?:z[]y|ab)/)).toEqual([`a|b|${any}`, "z||y"]);
    // An octal escape or a letter's identity escape is declined rather than misread.
    // (Built from text: TypeScript refuses an octal escape in a pattern literal.)
    expect(leadKeys(new RegExp(String.raw`\bz\01`))).toBeNull();
    expect(leadKeys(new RegExp(String.raw`\bz\e`))).toBeNull();
    // A match whose first character could be a space or a mark does not start at a word.
    expect(leadKeys(/\b[^x]y/)).toBeNull();
  });
});
