// The content rules through lint(): real-looking messages in several styles, exact positions.
import { describe, expect, it } from "vitest";
import { lint } from "../../src/lint.js";
import type { Finding } from "../../src/types.js";

const CONTENT_RULES = new Set([
  "body-why", "why-only-linked", "what-missing", "references-required", "body-only-trailers",
  "body-squashed-commits", "release-empty-body", "link-unstable-docs",
]);

function contentFindings(message: string): Pick<Finding, "ruleId" | "messageId" | "line" | "column">[] {
  return lint(message)
    .findings.filter((finding) => CONTENT_RULES.has(finding.ruleId))
    .map(({ ruleId, messageId, line, column }) => ({ ruleId, messageId, line, column }));
}

describe("content rules on real-looking messages", () => {
  it("passes a Conventional Commit whose body explains why and what", () => {
    const message = "fix(loader): fall back to defaults on an empty config\n\nThe loader called unwrap() on a missing key, so an empty config file\ncrashed the CLI. This change returns the defaults instead of failing.\n\nFixes: #412\n";
    expect(contentFindings(message)).toEqual([]);
    expect(lint(message).facets).toMatchObject({ why: "explained", what: "explained", judged: true });
  });

  it("flags a summary-only fix as naming the problem only", () => {
    expect(contentFindings("Fix unwrap panic\n")).toContainEqual({ ruleId: "body-why", messageId: "named", line: 1, column: 1 });
  });

  it("scores the explained message well above the summary-only one", () => {
    const bare = lint("Fix unwrap panic\n").score;
    const explained = lint("Fix unwrap panic\n\nThe config loader called unwrap() on a missing key, so an empty config\nfile crashed the CLI. Fall back to the defaults instead.\n").score;
    expect(explained).toBeGreaterThan(bare + 20);
  });

  it("flags kernel style with sign-offs only", () => {
    const findings = contentFindings("net: add tcp_close tracepoint\n\nSigned-off-by: Ada Lovelace <ada@example.com>\nAcked-by: Alan Turing <alan@example.com>\n");
    expect(findings).toContainEqual({ ruleId: "body-only-trailers", messageId: "onlyTrailers", line: 3, column: 1 });
    expect(findings).toContainEqual({ ruleId: "body-why", messageId: "missing", line: 2, column: 1 });
  });

  it("reports a trailers-only body once, as body-only-trailers, and a missing body once, as body-required", () => {
    const signedOff = lint("Fix unwrap panic\n\nSigned-off-by: Ada Lovelace <ada@example.com>\n").findings;
    expect(signedOff.filter((f) => f.ruleId === "body-required")).toEqual([]);
    expect(signedOff.filter((f) => f.ruleId === "body-only-trailers").map(({ severity, messageId, line, column, endLine, endColumn }) => ({ severity, messageId, line, column, endLine, endColumn }))).toEqual([
      { severity: "error", messageId: "onlyTrailers", line: 3, column: 1, endLine: 3, endColumn: 46 },
    ]);
    const bare = lint("Fix unwrap panic\n").findings;
    expect(bare.filter((f) => f.ruleId === "body-only-trailers")).toEqual([]);
    expect(bare.filter((f) => f.ruleId === "body-required").map(({ severity, messageId, line, column }) => ({ severity, messageId, line, column }))).toEqual([
      { severity: "error", messageId: "missing", line: 2, column: 1 },
    ]);
  });

  it("fails a bare release commit by default and passes one composed from its changelog", () => {
    const bare = lint("chore: release (#6)\n\nSigned-off-by: Release Bot <bot@example.com>\n");
    expect(bare.kind).toBe("release");
    expect(bare.pass).toBe(false);
    expect(bare.findings.filter((f) => f.severity === "error").map((f) => f.ruleId).sort()).toEqual(["body-only-trailers", "release-empty-body"]);
    // Naming no version and no change, a release is not self-explaining: only "(#6)" says anything.
    expect(bare.facets).toMatchObject({ why: "linked", what: "missing" });
    expect(bare.score).toBeLessThanOrEqual(50);
    expect(lint("chore: release\n").facets.why).toBe("missing");
    expect(lint("chore: release 1.4.0\n").facets).toMatchObject({ why: "evident", what: "named" });
    // As stored by `git commit -F`, whose default cleanup keeps lines starting with "#".
    const composed = lint("chore: release (#6)\n\n## rationale 1.4.0\n\n### Features\n\n* add --format json to lint\n* fix hook on CRLF messages\n\n## rationale-action 0.3.1\n\n### Bug fixes\n\n* report positions on CRLF messages\n\nSigned-off-by: Release Bot <bot@example.com>\n", { cleanup: false });
    expect(composed.pass).toBe(true);
    expect(composed.findings).toEqual([]);
    expect(composed.score).toBeGreaterThanOrEqual(90);
    expect(composed.facets.what).toBe("explained");
  });

  it("passes a composed release whose changelog entries give their own reasons", () => {
    // An entry's "so callers can …" must not turn the release into one that says nothing of
    // why: the model's score dropped under its threshold, and no rule said why it failed.
    const entry = "- Export `parse` so callers can read a config without loading it.";
    const release = lint(`chore(release): demo-pkg v1.1.0\n\ndemo-pkg 1.0.0 -> 1.1.0\n\nAdded:\n\n${entry}\n`);
    expect(release.kind).toBe("release");
    expect(release.facets.why).not.toBe("missing");
    expect(release.pass).toBe(true);
    expect(release.score).toBe(100);
  });

  it("flags a reason carried only by a ticket", () => {
    // A body line besides the trailer: with trailers alone, body-only-trailers' finding covers it.
    expect(contentFindings("Add retry option to the HTTP client\n\nAdds a --retries flag.\n\nCloses: OPS-12\n")).toContainEqual({ ruleId: "why-only-linked", messageId: "linked", line: 5, column: 1 });
  });

  it("flags a squash-merge body of development steps", () => {
    const findings = contentFindings("Add retry option to the HTTP client (#41)\n\n* wip\n\n* fix tests\n\n* address review comments\n");
    expect(findings).toContainEqual({ ruleId: "body-squashed-commits", messageId: "squashed", line: 3, column: 1 });
  });

  it("flags a bare release commit and accepts one composed from the changelog", () => {
    const bare = contentFindings("chore: release (#6)\n\nSigned-off-by: Release Bot <bot@example.com>\n");
    expect(bare).toContainEqual({ ruleId: "release-empty-body", messageId: "empty", line: 2, column: 1 });
    const composed = "chore: release (#6)\n\n## rationale 1.4.0\n\n### Features\n\n* add --format json to lint\n\nSigned-off-by: Release Bot <bot@example.com>\n";
    expect(contentFindings(composed).filter((finding) => finding.ruleId === "release-empty-body")).toEqual([]);
    expect(lint(composed).score).toBeGreaterThan(lint("chore: release (#6)\n\nSigned-off-by: Release Bot <bot@example.com>\n").score);
  });

  it("flags moving documentation links but not permalinks", () => {
    const findings = contentFindings("Follow the documented retry policy\n\nThe policy in https://docs.example.com/en/latest/retries.html says uploads\nmust be retried, so retry them; see also\nhttps://github.com/acme/api/blob/0a1b2c3d4e5f/docs/retries.md\n");
    expect(findings.filter((finding) => finding.ruleId === "link-unstable-docs")).toEqual([
      { ruleId: "link-unstable-docs", messageId: "movingDocs", line: 3, column: 15 },
    ]);
  });

  it("names a branch only as far as the link shows it: a slash may belong to the name or the path", () => {
    const branchMessages = (url: string): string[] =>
      lint(`Follow the cache design\n\nSee ${url}\n`).findings.filter((finding) => finding.ruleId === "link-unstable-docs").map((finding) => finding.message);
    expect(branchMessages("https://github.com/o/r/tree/kb/fscache-v3/docs/x.md")).toEqual([
      'Link points at branch "kb" (or "kb/…": a link does not show where a branch name ends), whose file will change or move; link a commit SHA or a tag (press "y" on GitHub for a permalink).',
    ]);
    expect(branchMessages("https://github.com/o/r/tree/next/docs")[0]).toContain('branch "next" (or "next/…"');
    // A usual branch name, a ref with nothing after it, a blob or raw link with only a file
    // after the ref, and cgit's ?h= are whole names.
    for (const [url, branch] of [
      ["https://github.com/o/r/blob/main/docs/x.md", "main"],
      ["https://github.com/o/r/tree/kb", "kb"],
      ["https://github.com/o/r/blob/gh-pages/index.html", "gh-pages"],
      ["https://gitlab.com/o/r/-/raw/stable/README.md?inline=false", "stable"],
      ["https://git.example.org/cgit/r.git/tree/docs/x.md?h=kb/fscache-v3", "kb/fscache-v3"],
    ]) {
      expect(branchMessages(url)).toEqual([`Link points at branch "${branch}", whose file will change or move; link a commit SHA or a tag (press "y" on GitHub for a permalink).`]);
    }
  });

  it("does not run the content rules on merges, reverts or fixups as normal messages", () => {
    expect(contentFindings("Merge branch 'feature/pager' into main\n").filter((f) => f.ruleId === "body-why")).toEqual([]);
    expect(lint("fixup! Add retry option\n").skipped).toBe(true);
  });

  it("does not judge non-English text and does not flag it with the English cues", () => {
    const result = lint("修复配置加载器中的崩溃\n\n当配置文件为空时，加载器会崩溃，因为默认值没有被应用。\n");
    expect(result.facets.judged).toBe(false);
    expect(result.findings.filter((finding) => finding.ruleId === "body-why" || finding.ruleId === "what-missing")).toEqual([]);
  });

  it("requires a reference only when references-required is switched on", () => {
    const message = "Add retry option to the HTTP client\n\nUploads fail during deploys, so retry them.\n";
    expect(contentFindings(message).filter((finding) => finding.ruleId === "references-required")).toEqual([]);
  });
});
