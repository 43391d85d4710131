// Turns findings and facets into the 0-100 score and its parts (summary, why, what, context).
import type { Facets, Finding, LintResult, ParsedMessage, WhatLevel, WhyLevel } from "../types.js";

type Parts = LintResult["parts"];

/** Weight of each part; they sum to 100. */
export const PART_WEIGHTS = { summary: 25, why: 35, what: 25, context: 15 } as const;

/** Points a summary/format finding costs the summary part, by severity. */
export const SUMMARY_DEDUCTION = { error: 10, warn: 4 } as const;

/** Points for each why level (out of 35). */
export const WHY_POINTS: Record<WhyLevel, number> = { explained: 35, evident: 35, linked: 15, named: 10, missing: 0 };

/** Points for each what level (out of 25). */
export const WHAT_POINTS: Record<WhatLevel, number> = { explained: 25, named: 18, missing: 0 };

/** Context points: full when the reason is in the message itself, partial when only references carry it. */
export const CONTEXT_POINTS = { inMessage: 15, refsOnly: 8, none: 0 } as const;

/** The score and its parts, as stored on a `LintResult`. */
export interface Score {
  score: number;
  parts: Parts;
}

/** Full marks, used for skipped messages (fixup!/squash!, and an amend! without a new message), which are not judged. */
export function fullScore(): Score {
  return {
    score: 100,
    parts: {
      summary: { score: PART_WEIGHTS.summary, max: PART_WEIGHTS.summary },
      why: { score: PART_WEIGHTS.why, max: PART_WEIGHTS.why },
      what: { score: PART_WEIGHTS.what, max: PART_WEIGHTS.what },
      context: { score: PART_WEIGHTS.context, max: PART_WEIGHTS.context },
    },
  };
}

/**
 * Scores a message. The summary part is 25 minus deductions for summary and format findings.
 * why/what/context come from the facets; when the judge did not decide a facet (not run, or
 * `judged: false`), that part falls back to the message's shape and the findings of its
 * category (see docs/scoring.md).
 */
export function scoreMessage(message: ParsedMessage, findings: readonly Finding[], facets: Facets): Score {
  const hasBody = message.body.some((line) => line.text.trim() !== "");
  const summaryFindings = findings.filter((f) => f.category === "summary" || f.category === "format");
  // An empty message has no summary to earn points for, whatever else is found.
  const noSummary = message.summary === null || message.summary.text.trim() === "";
  const summary = noSummary ? 0 : clamp(PART_WEIGHTS.summary - deductions(summaryFindings), PART_WEIGHTS.summary);

  const why =
    facets.why !== undefined
      ? WHY_POINTS[facets.why]
      : clamp((hasBody ? PART_WEIGHTS.why : 0) - deductions(ofCategory(findings, "why")), PART_WEIGHTS.why);

  const vagueSummary = message.summary === null || findings.some((f) => f.ruleId === "summary-vague" || f.ruleId === "summary-empty");
  const fallbackWhat = hasBody ? WHAT_POINTS.explained : vagueSummary ? WHAT_POINTS.missing : WHAT_POINTS.named;
  const what =
    facets.what !== undefined
      ? WHAT_POINTS[facets.what]
      : clamp(fallbackWhat - deductions(ofCategory(findings, "what")), PART_WEIGHTS.what);

  const context = clamp(contextPoints(facets, hasBody) - deductions(ofCategory(findings, "context")), PART_WEIGHTS.context);

  const parts: Parts = {
    summary: { score: summary, max: PART_WEIGHTS.summary },
    why: { score: why, max: PART_WEIGHTS.why },
    what: { score: what, max: PART_WEIGHTS.what },
    context: { score: context, max: PART_WEIGHTS.context },
  };
  return { score: summary + why + what + context, parts };
}

function contextPoints(facets: Facets, hasBody: boolean): number {
  if (facets.why === "explained" || facets.why === "evident") return CONTEXT_POINTS.inMessage;
  if ((facets.refs?.length ?? 0) > 0) return CONTEXT_POINTS.refsOnly;
  // Without a judgement, a body is the best sign the message carries its own context.
  if (facets.why === undefined && hasBody) return CONTEXT_POINTS.inMessage;
  return CONTEXT_POINTS.none;
}

function ofCategory(findings: readonly Finding[], category: Finding["category"]): Finding[] {
  return findings.filter((f) => f.category === category);
}

/**
 * What `findings` cost: each rule once, at its worst severity. Six unwrapped body lines are one
 * habit, not six faults: counted per line they took 24 of the summary part's 25 points from a
 * message whose summary was fine, more than its summary rules could.
 */
function deductions(findings: readonly Finding[]): number {
  // Most parts of most messages have none or one: no map for those (this runs per commit in an audit).
  if (findings.length <= 1) return findings.length === 0 ? 0 : SUMMARY_DEDUCTION[findings[0].severity];
  const worst = new Map<string, number>();
  for (const f of findings) worst.set(f.ruleId, Math.max(worst.get(f.ruleId) ?? 0, SUMMARY_DEDUCTION[f.severity]));
  let sum = 0;
  for (const points of worst.values()) sum += points;
  return sum;
}

function clamp(points: number, max: number): number {
  return Math.max(0, Math.min(max, Math.round(points)));
}
