// The summary's cues read from one scan of the line (its core and rest as parts of it) are the
// cues the plain patterns find, on generated summaries of the shapes the corpus rarely holds.
import { describe, expect, it, vi } from "vitest";
import * as cues from "../../src/judge/cues.js";
import { DECORATION, LEADING_TAGS } from "../../src/judge/summary.js";
import { parseMessage } from "../../src/message/parse.js";

/** How many summaries a fresh scanner reads the plain way (family-scan.ts's WARM_UP) before it builds its table. */
const PLAIN_READS = 64;

/**
 * Summary lines made of the summary families' own words and traps (non-ASCII letters, curly
 * apostrophes, references run into a word, tabs, no-break spaces), after assorted prefixes and
 * before squash suffixes; some long, some one snake_case token (whose core is then not a slice
 * of the line), some upper-cased, some empty.
 */
function generatedSummaries(count: number, seed: number): string[] {
  const vocabulary = new Set<string>();
  const families = [cues.CAUSAL, cues.PURPOSE, cues.PROBLEM_STRONG, cues.PROBLEM_WEAK, cues.STATE_VERB, cues.EVIDENT_TYPO, cues.EVIDENT_FORMAT, cues.EVIDENT_RELEASE, cues.EVIDENT_DEPENDENCY, cues.EVIDENT_DOCS, cues.EVIDENT_DOCS_WEAK, cues.EVIDENT_TESTS, cues.EVIDENT_CLEANUP];
  for (const pattern of families) for (const word of pattern.source.match(/[a-z][a-z']+/g) ?? []) vocabulary.add(word);
  const traps = ["fix", "fixes", "typo-fix", "typofix", "corrections", "SNAPSHOT", "1.0-SNAPSHOT", "isn't", "IS", "so", "So", "because", "naïve", "ÜBER", "don’t", "修复", "崩溃", "🐛", "é", "K", "ſo", "v1.2-rc1", "e83c516", "and", "&", "tests/a.py", "FooTest.java", "README.md", "x", "\u00a0"];
  const words = [...vocabulary, ...traps, ...[...vocabulary].slice(0, 60).map((word) => word.toUpperCase())];
  const letterWords = words.filter((word) => /^[A-Za-z]+$/.test(word));
  const separators = [" ", " ", " ", " ", ", ", ". ", "(", ") ", "-", "/", "'", "`", ": ", "; ", "  ", "\t", "—", "_", "\u00a0", "", "’"];
  const prefixes = ["", "", "", "fix: ", "fix(parser): ", "feat!: ", "docs: ", "test: ", "chore(deps): ", "t1234: ", "FooTest.java: ", ":bug: ", "✨ ", "🐛 fix: ", "[WIP] ", "[core] fix: ", "  ", "\t", "gh-12", "GH-7", "ABC-12", "✨ #12", "PR #3, #4: ", "rebase -i: ", "release: ", "Release ", "Bump ", "Update ", "_", "é: "];
  const suffixes = ["", "", "", " (#123)", "(#12)", ".", " ", "\t", "...", " 🎉", " and add more", ", remove old"];
  let state = seed;
  // mulberry32: the low bits of a plain linear congruence repeat too soon for `next(8)`.
  const next = (bound: number): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % bound;
  };
  const pick = <T>(list: readonly T[]): T => list[next(list.length)];
  const summaries: string[] = [];
  for (let n = 0; n < count; n++) {
    let summary = pick(prefixes);
    const length = next(6) === 0 ? 20 + next(60) : 1 + next(9);
    for (let w = 0; w < length; w++) summary += pick(words) + (w + 1 < length ? pick(separators) : "");
    summary += pick(suffixes);
    if (next(12) === 0) summary = summary.replace(/ /g, "_");
    // One snake_case token ("Optimize_hessian_so_that_it_works"), read as words.
    if (next(8) === 0) summary = pick(["", "", "fix: ", "gh-12"]) + Array.from({ length: 3 + next(6) }, () => pick(letterWords)).join("_");
    if (next(25) === 0) summary = summary.toUpperCase();
    summaries.push(next(50) === 0 ? "" : summary);
  }
  return summaries;
}

type Analyze = (typeof import("../../src/judge/features.js"))["analyze"];

/** A fresh copy of the judgement's modules, so that its scanners start cold again. */
async function freshAnalyze(): Promise<Analyze> {
  vi.resetModules();
  return (await import("../../src/judge/features.js")).analyze;
}

/** What the judgement reads from `summary`'s line: every feature, every cue's span, and the reading. */
function reading(analyze: Analyze, summary: string): string {
  const analysis = analyze(parseMessage(`${summary}\n\nThe body.\n`), []);
  return JSON.stringify([analysis.values, analysis.hits, analysis.summary]);
}

describe("the summary's cues from one scan of its line", () => {
  it("are the plain patterns' cues, for summaries of every shape", async () => {
    const summaries = generatedSummaries(6 * PLAIN_READS, 29);
    // Each fresh copy reads its first summaries the plain way.
    const plain: string[] = [];
    for (let at = 0; at < summaries.length; at += PLAIN_READS / 2) {
      const analyze = await freshAnalyze();
      for (const summary of summaries.slice(at, at + PLAIN_READS / 2)) plain.push(reading(analyze, summary));
    }
    // One copy warmed up past its plain reads reads them all from its tables.
    const analyze = await freshAnalyze();
    for (let n = 0; n <= PLAIN_READS; n++) reading(analyze, `Warm the scanner up ${n}`);
    const wrong = summaries.filter((summary, at) => reading(analyze, summary) !== plain[at]);
    expect(wrong).toEqual([]);
    // The generated summaries reach the cues the scan serves, in the core and after the verb.
    const fired = new Set(plain.flatMap((text) => (JSON.parse(text)[1] as { cue: string }[]).map((hit) => hit.cue)));
    for (const cue of ["sumCausal", "sumPurpose", "sumProblemStrong", "sumProblemWeak", "sumState", "evidentCleanup", "evidentRelease", "evidentTests", "evidentDocs"]) expect(fired, cue).toContain(cue);
  });

  it("reads a word a reference ran into as the word it opens (\"gh-12fails\")", async () => {
    const analyze = await freshAnalyze();
    for (let n = 0; n <= PLAIN_READS; n++) reading(analyze, `Warm the scanner up ${n}`);
    const hits = analyze(parseMessage("gh-12fails to start on the crash\n"), []).hits;
    // "fails" opens the core though no word of the line starts there: the first problem is it.
    expect(hits.find((hit) => hit.cue === "sumProblemStrong")?.span.column).toBe(6);
  });
});

describe("the decoration and tags readSummary skips on a plain start", () => {
  it("cannot start with an ASCII letter or digit", () => {
    const decoration = new RegExp(`^(?:${DECORATION})+`, "u");
    for (let code = 0; code < 128; code++) {
      const c = String.fromCharCode(code);
      if (!/[A-Za-z0-9]/.test(c)) continue;
      for (const tail of ["", " fix", ":bug: x", "[tag] x", "🐛 x"]) {
        expect(decoration.exec(c + tail), c + tail).toBeNull();
        expect(LEADING_TAGS.exec(c + tail), c + tail).toBeNull();
      }
    }
  });
});
