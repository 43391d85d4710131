// Every rule's examples run through the real parser, judge and engine: valid ones report
// nothing, invalid ones report exactly the documented findings.
import { describe, expect, it } from "vitest";
import { rules } from "../../rules/index.js";
import { runExample } from "../../src/engine/examples.js";
import type { ExpectedFinding, Finding } from "../../src/types.js";

function pick(finding: Finding, expected: ExpectedFinding): ExpectedFinding {
  const actual: ExpectedFinding = { messageId: finding.messageId, line: finding.line, column: finding.column };
  if (expected.endLine !== undefined) actual.endLine = finding.endLine;
  if (expected.endColumn !== undefined) actual.endColumn = finding.endColumn;
  return actual;
}

describe.each(rules.map((rule) => [rule.id, rule] as const))("%s", (_id, rule) => {
  it("is documented: kebab-case id, description, messages, a valid and an invalid example", () => {
    expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)+$/);
    expect(rule.description.length).toBeGreaterThan(10);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    expect(rule.examples.valid.length).toBeGreaterThan(0);
    expect(rule.examples.invalid.length).toBeGreaterThan(0);
    for (const example of rule.examples.invalid) expect(example.findings?.length ?? 0).toBeGreaterThan(0);
  });

  it("uses every message id in some invalid example", () => {
    const used = new Set(rule.examples.invalid.flatMap((example) => (example.findings ?? []).map((f) => f.messageId)));
    const unused = Object.keys(rule.messages).filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });

  it.each(rule.examples.valid.map((example, i) => [example.title ?? `valid #${i + 1}`, example] as const))(
    "valid: %s",
    (_title, example) => {
      expect(runExample(rule, example)).toEqual([]);
    },
  );

  it.each(rule.examples.invalid.map((example, i) => [example.title ?? `invalid #${i + 1}`, example] as const))(
    "invalid: %s",
    (_title, example) => {
      const findings = runExample(rule, example);
      const expected = example.findings ?? [];
      expect(findings.map((finding, i) => pick(finding, expected[i] ?? finding))).toEqual(expected);
      for (const finding of findings) {
        expect(finding.ruleId).toBe(rule.id);
        expect(finding.message).not.toMatch(/\{\w+\}/);
      }
    },
  );
});
