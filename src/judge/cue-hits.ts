// The cue features by name, and how a cue found in the text sets its feature and keeps its span.
import type { Span } from "../types.js";
import type { FamilyWords } from "./family-scan.js";
import { spanOf, type MappedText } from "./text.js";

/** Names of the features, in the order the weights use. */
export const FEATURE_NAMES = [
  "ref", "refOnlyPrSuffix",
  "sumCausal", "sumPurpose", "sumFixVerb", "sumProblemStrong", "sumProblemWeak", "sumState",
  "sumVague", "sumVagueVerb", "sumGenericVerb", "sumShort", "sumBrief", "sumChangeVerb", "sumNoVerb", "sumHow",
  "evidentTypo", "evidentFormat", "evidentRelease", "evidentDependency", "evidentDocs",
  "evidentDocsWeak", "evidentTests", "evidentCleanup", "fixEvident", "versionBump", "sumLong",
  "bodyProse", "bodyLong", "bodyCausal", "bodyPurpose", "bodyHistory", "bodyProblemStrong",
  "bodyProblemWeak", "bodyScenario", "bodyChangeDescription", "bodyChangeSentences",
  "bodySquashList", "revertDefault",
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/**
 * A fresh all-zero feature record. Written out as one literal (same keys, same order as
 * `FEATURE_NAMES`) so every record shares one hidden class and keyed stores stay monomorphic.
 */
export function zeroValues(): Record<FeatureName, number> {
  return {
    ref: 0, refOnlyPrSuffix: 0,
    sumCausal: 0, sumPurpose: 0, sumFixVerb: 0, sumProblemStrong: 0, sumProblemWeak: 0, sumState: 0,
    sumVague: 0, sumVagueVerb: 0, sumGenericVerb: 0, sumShort: 0, sumBrief: 0, sumChangeVerb: 0, sumNoVerb: 0, sumHow: 0,
    evidentTypo: 0, evidentFormat: 0, evidentRelease: 0, evidentDependency: 0, evidentDocs: 0,
    evidentDocsWeak: 0, evidentTests: 0, evidentCleanup: 0, fixEvident: 0, versionBump: 0, sumLong: 0,
    bodyProse: 0, bodyLong: 0, bodyCausal: 0, bodyPurpose: 0, bodyHistory: 0, bodyProblemStrong: 0,
    bodyProblemWeak: 0, bodyScenario: 0, bodyChangeDescription: 0, bodyChangeSentences: 0,
    bodySquashList: 0, revertDefault: 0,
  };
}

/** A cue found in the text: which family, and where. */
export interface CueHit {
  cue: FeatureName;
  span: Span;
}

/** The global twin of each pattern walked through match by match, made once. */
const globalPatterns = new Map<RegExp, RegExp>();

/**
 * `pattern` with the `g` flag, made once per pattern and shared: a caller sets `lastIndex`
 * before its loop and must not run another loop over the same twin inside it.
 */
export function globalTwin(pattern: RegExp): RegExp {
  let global = globalPatterns.get(pattern);
  if (global === undefined) globalPatterns.set(pattern, (global = new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`)));
  return global;
}

/**
 * Like findCue, but takes the first match `accept` approves (the match is in `text`). With
 * `words` (`text` read by a FamilyScanner that has `pattern`) the pattern runs only where it
 * can start.
 */
export function findCueWhere(values: Record<FeatureName, number>, hits: CueHit[], map: MappedText, cue: FeatureName, pattern: RegExp, text: string, offset: number, accept: (match: RegExpExecArray) => boolean, words?: FamilyWords): boolean {
  if (words !== undefined) return foundCue(values, hits, map, cue, words.firstWhere(pattern, accept, text), offset);
  const global = globalTwin(pattern);
  global.lastIndex = 0;
  for (let match = global.exec(text); match !== null; match = global.exec(text)) {
    if (accept(match)) return foundCue(values, hits, map, cue, match, offset);
  }
  return false;
}

/** Sets `cue` and records its span when `match` (a match in a text that starts at `offset` in `map`) is one. */
export function foundCue(values: Record<FeatureName, number>, hits: CueHit[], map: MappedText, cue: FeatureName, match: RegExpExecArray | null, offset: number): boolean {
  if (match === null) return false;
  values[cue] = 1;
  const start = offset + match.index;
  hits.push({ cue, span: spanOf(map, start, start + match[0].length) });
  return true;
}

/**
 * Sets `cue` and records its span when `pattern` matches `text` (which starts at `offset` in
 * `map`); with `words`, as findCueWhere.
 */
export function findCue(values: Record<FeatureName, number>, hits: CueHit[], map: MappedText, cue: FeatureName, pattern: RegExp, text: string, offset: number, words?: FamilyWords): boolean {
  return foundCue(values, hits, map, cue, words === undefined ? pattern.exec(text) : words.first(pattern, text), offset);
}
