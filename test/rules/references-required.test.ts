// references-required: a reference trailer counts as the kind of reference its value names.
import { describe, expect, it } from "vitest";
import { lint } from "../../src/lint.js";
import { resolveConfig } from "../../src/config/index.js";

const BODY = "Add retry option to the HTTP client\n\nUploads fail during deploys because the storage node times out.\n\n";

function missing(trailer: string, config: Record<string, unknown>): boolean {
  const result = lint(BODY + trailer + "\n", { config: resolveConfig(config) });
  return result.findings.some((finding) => finding.ruleId === "references-required");
}

describe("references-required", () => {
  it("accepts a ticket, issue or advisory named in a trailer when only that kind counts", () => {
    expect(missing("Refs: OPS-12", { rules: { "references-required": ["error", { types: ["ticket"] }] } })).toBe(false);
    expect(missing("Fixes: #12", { rules: { "references-required": ["error", { types: ["issue"] }] } })).toBe(false);
    expect(missing("Fixes: owner/repo#12", { rules: { "references-required": ["error", { types: ["cross-repo"] }] } })).toBe(false);
    expect(missing("Fixes: CVE-2024-3094", { rules: { "references-required": ["error", { types: ["advisory"] }] } })).toBe(false);
    expect(missing("Refs: https://github.com/o/r/issues/3", { rules: { "references-required": ["error", { types: ["url"] }] } })).toBe(false);
  });

  it("still asks for a ticket when the trailer names none, or another project's", () => {
    const tickets = { rules: { "references-required": ["error", { types: ["ticket"] }] } };
    expect(missing("Fixes: #12", tickets)).toBe(true);
    expect(missing("Refs: UTF-8", tickets)).toBe(true);
    expect(missing("Refs: ABC-12", { ...tickets, projectKeys: ["OPS"] })).toBe(true);
    expect(missing("Refs: OPS-12", { ...tickets, projectKeys: ["OPS"] })).toBe(false);
  });
});

describe("references-required's message", () => {
  function message(config: Record<string, unknown>): string | undefined {
    const result = lint("Add retry option to the HTTP client\n\nUploads fail during deploys.\n", { config: resolveConfig(config) });
    return result.findings.find((finding) => finding.ruleId === "references-required")?.message;
  }

  it("suggests only references of the kinds that count, with the project's own key", () => {
    expect(message({ projectKeys: ["OPS"], rules: { "references-required": ["error", { types: ["ticket"] }] } })).toBe(
      'Message has no reference to a ticket (OPS-123); add one at the end (e.g. "Refs: OPS-123").',
    );
    expect(message({ rules: { "references-required": ["error", { types: ["issue", "url"] }] } })).toBe(
      'Message has no reference to an issue or pull request (#12) or an issue or pull request URL; add one at the end (e.g. "Fixes #12" or "Refs: https://github.com/owner/repo/issues/12").',
    );
  });

  it("says a trailer is where the reference goes, not what it points to", () => {
    expect(message({ rules: { "references-required": ["error", { types: ["trailer"] }] } })).toBe(
      'Message has no reference in a trailer (Refs:, Fixes:); add one at the end (e.g. "Refs: ABC-123").',
    );
    expect(message({ rules: { "references-required": ["error", { types: ["ticket", "trailer"] }] } })).toBe(
      'Message has no reference to a ticket (ABC-123), or in a trailer (Refs:, Fixes:); add one at the end (e.g. "Refs: ABC-123").',
    );
  });

  it("keeps the general wording when every kind counts", () => {
    expect(message({ rules: { "references-required": "error" } })).toBe(
      'Message has no reference to a ticket, issue or pull request; add one at the end (e.g. "Refs: ABC-123" or "Fixes #12").',
    );
  });
});
