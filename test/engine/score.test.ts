// The score: weights, deductions, facet points and the fallback when nothing was judged.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../rules/index.js";
import { scoreMessage } from "../../src/engine/score.js";
import { parseMessage } from "../../src/message/parse.js";
import type { Facets, Finding } from "../../src/types.js";

function finding(ruleId: string, category: Finding["category"], severity: Finding["severity"]): Finding {
  return { ruleId, category, severity, message: "", messageId: "x", line: 1, column: 1, endLine: 1, endColumn: 2 };
}

const summaryOnly = parseMessage("Fix unwrap panic\n");
const withBody = parseMessage("Fix unwrap panic\n\nThe loader called unwrap() on a missing key; fall back to defaults.\n");

describe("scoreMessage", () => {
  it("gives full marks for an explained why and what", () => {
    const { score, parts } = scoreMessage(withBody, [], { why: "explained", what: "explained", refs: [] });
    expect(score).toBe(100);
    expect(parts).toEqual({
      summary: { score: 25, max: 25 },
      why: { score: 35, max: 35 },
      what: { score: 25, max: 25 },
      context: { score: 15, max: 15 },
    });
  });

  it("scores a named why and what well below the explained message", () => {
    const { score, parts } = scoreMessage(summaryOnly, [finding("body-required", "why", "error")], { why: "named", what: "named", refs: [] });
    expect(parts.why.score).toBe(10);
    expect(parts.what.score).toBe(18);
    expect(parts.context.score).toBe(0);
    expect(score).toBe(53);
  });

  it("gives partial context for references alone", () => {
    const { parts } = scoreMessage(summaryOnly, [], { why: "linked", what: "named", refs: [{ type: "issue", id: "#12", line: 3, column: 1, endLine: 3, endColumn: 4 }] });
    expect(parts.why.score).toBe(15);
    expect(parts.context.score).toBe(8);
  });

  it("gives full why and context for a self-evident change", () => {
    const { parts } = scoreMessage(summaryOnly, [], { why: "evident", what: "named", refs: [] });
    expect([parts.why.score, parts.context.score]).toEqual([35, 15]);
  });

  it("deducts 10 per rule reporting an error and 4 per rule reporting a warning of the summary and format rules, never below 0", () => {
    const judged: Facets = { why: "explained", what: "explained" };
    const two = scoreMessage(withBody, [finding("a", "summary", "error"), finding("b", "format", "warn"), finding("c", "why", "error")], judged);
    expect(two.parts.summary.score).toBe(11);
    const three = scoreMessage(withBody, ["a", "b", "d"].map((id) => finding(id, "summary", "error")), judged);
    expect(three.parts.summary.score).toBe(0);
  });

  it("counts a rule once however many lines it flags, at its worst severity", () => {
    const judged: Facets = { why: "explained", what: "explained" };
    // Six unwrapped body lines cost what one does, not 24 of the summary part's 25 points.
    const lines = scoreMessage(withBody, Array.from({ length: 6 }, () => finding("body-max-line-length", "format", "warn")), judged);
    expect(lines.parts.summary.score).toBe(21);
    const mixed = scoreMessage(withBody, [finding("a", "format", "warn"), finding("a", "format", "error")], judged);
    expect(mixed.parts.summary.score).toBe(15);
    const links = scoreMessage(withBody, Array.from({ length: 3 }, () => finding("link-unstable-docs", "context", "warn")), { ...judged, refs: [] });
    expect(links.parts.context.score).toBe(11);
  });

  it("falls back to the message's shape when nothing was judged", () => {
    expect(scoreMessage(withBody, [], {}).score).toBe(100);
    const bare = scoreMessage(summaryOnly, [finding("body-required", "why", "error")], { judged: false });
    expect(bare.parts).toMatchObject({ why: { score: 0 }, what: { score: 18 }, context: { score: 0 } });
    const vague = scoreMessage(parseMessage("WIP\n"), [finding("summary-vague", "summary", "error")], {});
    expect(vague.parts.what.score).toBe(0);
    expect(vague.score).toBe(15);
  });
});

describe("the context part", () => {
  it("loses 10 per error and 4 per warning of a context finding, judged or not, never below 0", () => {
    const judged: Facets = { why: "explained", what: "explained", refs: [] };
    expect(scoreMessage(withBody, [finding("link-unstable-docs", "context", "warn")], judged).parts.context.score).toBe(11);
    expect(scoreMessage(withBody, [finding("references-required", "context", "error")], judged).parts.context.score).toBe(5);
    expect(scoreMessage(summaryOnly, [finding("references-required", "context", "error")], { why: "named", what: "named", refs: [] }).parts.context.score).toBe(0);
    expect(scoreMessage(withBody, [finding("link-unstable-docs", "context", "warn")], {}).parts.context.score).toBe(11);
  });
});

describe("docs/scoring.md", () => {
  const page = readFileSync(join(import.meta.dirname, "..", "..", "docs", "scoring.md"), "utf8");
  const named = (section: string) => new Set([...section.matchAll(/`([a-z]+(?:-[a-z]+)+)`/g)].map((match) => match[1]).filter((id) => rules.some((rule) => rule.id === id)));
  const ids = (...categories: string[]) => new Set(rules.filter((rule) => categories.includes(rule.category)).map((rule) => rule.id));

  it("names every rule whose findings cost summary points, and no other", () => {
    const section = page.slice(page.indexOf("## Summary (25)"), page.indexOf("## Why (35)"));
    expect(named(section)).toEqual(ids("summary", "format"));
  });

  it("names every rule whose findings cost context points", () => {
    const section = page.slice(page.indexOf("## Why (35)"), page.indexOf("### When nothing was judged"));
    expect(named(section)).toEqual(ids("context"));
  });
});
