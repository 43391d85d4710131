// The Markdown report as a CommonMark parser reads it: commit text and the target render as written.
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Nodes } from "mdast";
import { describe, expect, it } from "vitest";
import { AuditAggregator } from "../../src/audit/aggregate.js";
import type { JudgedCommit } from "../../src/audit/judge.js";
import { renderMarkdown } from "../../src/audit/report-markdown.js";
import type { AuditReport } from "../../src/audit/report.js";

/** A report of commits with these summaries, every one scoring 10 (so all are among the worst). */
function reportOf(summaries: string[], target = "widgets (HEAD)"): AuditReport {
  const aggregator = new AuditAggregator({ threshold: 60, worst: 10, trendUnit: "auto", maxJudgedBytes: 1024 });
  summaries.forEach((summary, i) => {
    const commit: JudgedCommit = { sha: String(i + 1).padStart(40, "0"), date: "2024-01-15T00:00:00Z", score: 10, kind: "normal", flags: 0, summary, ruleIds: [], severities: "", bytes: 10, invalidSequences: 0 };
    aggregator.add(commit);
  });
  return { summary: aggregator.summary(), meta: { target, repository: "widgets", selection: { revisions: [], paths: [] }, generatedAt: "2024-02-01T00:00:00Z" } };
}

/** The text a reader sees in a node: what GitHub would show before its emoji filter runs. */
function textOf(node: Nodes): string {
  if ("value" in node) return node.value;
  return "children" in node ? node.children.map((child) => textOf(child as Nodes)).join("") : "";
}

function parse(markdown: string) {
  return unified().use(remarkParse).parse(markdown);
}

describe("markdown report", () => {
  it("keeps emoji shortcodes in commit summaries as text, not emoji", () => {
    const markdown = renderMarkdown(reportOf([":tada: Release the parser", "Fix :bug: in :white_check_mark: and :+1: marks"]));
    // GitHub turns `:name:` into an emoji in the rendered text, escaped or not; a zero-width
    // space after the opening colon leaves no `:name:` for it to find.
    const shown = textOf(parse(markdown)).replace(/\u200b/g, "");
    expect(shown).toContain(":tada: Release the parser");
    expect(shown).toContain("Fix :bug: in :white_check_mark: and :+1: marks");
    expect(textOf(parse(markdown))).not.toMatch(/:(tada|bug|white_check_mark|\+1):/);
  });

  it("keeps a trailing # of the target in the heading, where CommonMark would drop it as a closing sequence", () => {
    for (const target of ["widgets #", "widgets ##  ", "#"]) {
      const heading = parse(renderMarkdown(reportOf(["Fix bug"], target))).children[0];
      expect(heading.type).toBe("heading");
      expect(textOf(heading)).toBe(`Commit message audit: ${target.trimEnd()}`);
    }
  });

  it("counts a single commit in the singular in the opening line, as the text report does", () => {
    expect(renderMarkdown(reportOf(["Fix bug"]))).toContain("**1** commit from 2024-01-15 to 2024-01-15; 1 scored, 0 skipped.");
    expect(renderMarkdown(reportOf(["Fix bug", "WIP"]))).toContain("**2** commits from 2024-01-15 to 2024-01-15; 2 scored, 0 skipped.");
  });
});
