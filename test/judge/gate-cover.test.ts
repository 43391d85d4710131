import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GATED_FAILURES } from "../../src/judge/failures.js";
import { GATED_READINGS } from "../../src/judge/reasons.js";
import { type GatedReading, WordGate } from "../../src/judge/words.js";
import { unguardedShapes } from "../support/required-words.js";

const READINGS: readonly GatedReading[] = [...GATED_READINGS, ...GATED_FAILURES];

/** The shapes of `pattern` that `words` (one gate) does not cover. */
function uncovered(pattern: RegExp, words: readonly string[], needles: readonly string[] = []): string[] {
  const gate = new WordGate(words);
  return unguardedShapes(pattern, new Set(words), (text) => gate.opens(text) || needles.some((needle) => text.includes(needle)), needles).map((shape) => shape.example);
}

describe("every gated reading's patterns need a word of its gate", () => {
  for (const reading of READINGS) {
    const relevant = new Set(reading.gates.flatMap((gate) => gate.words));
    it(`${reading.name}: every form of every pattern holds a word that opens the gate`, () => {
      for (const pattern of reading.patterns) {
        expect(unguardedShapes(pattern, relevant, reading.opens, reading.needles), pattern.source.slice(0, 60)).toEqual([]);
      }
    });

    it(`${reading.name}: the check notices the gate's first word taken out`, () => {
      const word = reading.gates[0].words[0];
      const without = (text: string): boolean => reading.opens(text.split(" ").filter((other) => other !== word).join(" "));
      const missing = reading.patterns.flatMap((pattern) => unguardedShapes(pattern, relevant, without, reading.needles));
      expect(missing.length, word).toBeGreaterThan(0);
    });
  }

  it("lists every WordGate the source makes under a reading, so that none goes unchecked", () => {
    const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? sources(path) : entry.name.endsWith(".ts") ? [path] : [];
    });
    const made = sources(fileURLToPath(new URL("../../src", import.meta.url))).reduce((count, path) => count + (readFileSync(path, "utf8").match(/\bnew WordGate\(/g) ?? []).length, 0);
    expect(new Set(READINGS.flatMap((reading) => reading.gates)).size).toBe(made);
  });
});

describe("the required-words check", () => {
  it("finds a form whose word goes on past the gate's (a \\w* suffix)", () => {
    expect(uncovered(/\b(?:fail\w*|broke)\b/i, ["fail", "fails", "failing", "broke"])).toEqual(["failw"]);
    expect(uncovered(/\b(?:fails?|broke)\b/i, ["fail", "fails", "broke"])).toEqual([]);
    expect(uncovered(/\b(?:fails?|broke)\b/i, ["fail", "broke"])).toEqual(["fails"]);
  });

  it("finds an alternative or optional part the gate lacks", () => {
    expect(uncovered(/\b(?:easier|more\s+readable)\b/i, ["easier"])).toEqual(["more readable"]);
    expect(uncovered(/\b(?:users?\s+)?(?:see|get)\s+errors\b/i, ["see", "get"])).toEqual([]);
    // Shapes alike but for words the gate does not read are one: "see errors" stands for "get errors".
    expect(uncovered(/\b(?:users?\s+)?(?:see|get)\s+errors\b/i, ["users"])).toEqual(["see errors"]);
  });

  it("reads an apostrophe and a hyphen as a word's end, as the gate does", () => {
    expect(uncovered(/\bdoesn't\s+exist\b/i, ["doesnt"])).toEqual(["doesn't exist"]);
    expect(uncovered(/\bdoesn't\b/i, ["doesn"])).toEqual([]);
    expect(uncovered(/\bfollow-up\b/i, ["followup"])).toEqual(["follow-up"]);
    expect(uncovered(/\bfollow-up\b/i, ["up"])).toEqual([]);
  });

  it("counts a word only where the pattern bounds it", () => {
    // "match" alone may be the start of "matches"; before a lookahead for a blank or a stop, it is whole.
    expect(uncovered(/\bto\s+match/i, ["match"])).toEqual(["to match"]);
    expect(uncovered(/\bto\s+match(?=\s*[.;!?]|\s)/i, ["match"])).toEqual([]);
    expect(uncovered(/\b\w+ed\s+twice\b/i, ["twice"])).toEqual([]);
    expect(uncovered(/\b\w+ed\s+twice\b/i, ["ed"])).toEqual(["wed twice"]);
  });

  it("reads a class of capitals and small letters as one letter, and a needle inside a word", () => {
    expect(uncovered(/\b[Ss]ome\s+shells\b/, ["shells"])).toEqual([]);
    expect(uncovered(/\b[A-Z][a-z]*BSD\s+lacks\b/, [])).toHaveLength(1);
    expect(uncovered(/\b[A-Z][a-z]*BSD\s+lacks\b/, [], ["bsd"])).toEqual([]);
  });

  it("refuses a pattern with the u flag, where \\w and case reach past ASCII", () => {
    expect(() => uncovered(/\bfail\b/iu, ["fail"])).toThrow(/u or v flag/);
  });
});
