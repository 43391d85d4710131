// The engine: enabled rules only, appliesTo, templates, soft messages, span checks, ordering.
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/index.js";
import { defineRule, lineSpan, rangeSpan, type AnyRule } from "../../src/engine/helpers.js";
import { fillTemplate, runRules } from "../../src/engine/run.js";
import { parseMessage } from "../../src/message/parse.js";
import type { ResolvedConfig, Span } from "../../src/types.js";

function rule(id: string, report: (message: ReturnType<typeof parseMessage>) => { messageId: string; span: Span; data?: Record<string, string | number> }[], extra: Partial<AnyRule> = {}): AnyRule {
  return defineRule({
    id,
    description: "test rule",
    category: "summary",
    defaultSeverity: "error",
    options: { type: "object", properties: { limit: { type: "integer", default: 3 } } },
    messages: { hit: "Hit {what} at {where}; limit {limit}.", soft: "Soft hit." },
    examples: { valid: [], invalid: [] },
    check(context) {
      for (const problem of report(context.message)) {
        context.report({ ...problem, data: { limit: String(context.options.limit), ...problem.data } });
      }
    },
    ...extra,
  });
}

function configFor(rules: AnyRule[], settings: ResolvedConfig["rules"]): ResolvedConfig {
  return { ...resolveConfig({}, undefined, rules), rules: settings };
}

describe("runRules", () => {
  const message = parseMessage("Fix pager scroll\n\nThe pager kept the old height.\n");

  it("runs enabled rules, fills templates, copies category and severity, and sorts by position", () => {
    const late = rule("late-rule", (m) => [{ messageId: "hit", span: lineSpan(m.body[0]), data: { what: "body", where: "line 3" } }]);
    const early = rule("early-rule", (m) => [{ messageId: "hit", span: rangeSpan(m.summary!, 4, 9), data: { what: "pager", where: "1:5" } }], {
      category: "format",
    });
    const off = rule("off-rule", (m) => [{ messageId: "hit", span: lineSpan(m.summary!) }]);
    const findings = runRules(message, configFor([late, early, off], {
      "late-rule": { severity: "warn", options: {} },
      "early-rule": { severity: "error", options: { limit: 9 } },
      "off-rule": { severity: "off", options: {} },
    }), {}, [late, early, off]);
    expect(findings).toEqual([
      { ruleId: "early-rule", severity: "error", category: "format", message: "Hit pager at 1:5; limit 9.", messageId: "hit", line: 1, column: 5, endLine: 1, endColumn: 10 },
      { ruleId: "late-rule", severity: "warn", category: "summary", message: "Hit body at line 3; limit 3.", messageId: "hit", line: 3, column: 1, endLine: 3, endColumn: 31 },
    ]);
  });

  it("skips rules whose appliesTo excludes the kind (default: normal, release, bot)", () => {
    const merge = parseMessage("Merge branch 'topic'\n");
    const plain = rule("plain-rule", (m) => [{ messageId: "hit", span: lineSpan(m.summary!) }]);
    const mergeOnly = rule("merge-rule", (m) => [{ messageId: "hit", span: lineSpan(m.summary!) }], { appliesTo: ["merge"] });
    const settings = { "plain-rule": { severity: "error" as const, options: {} }, "merge-rule": { severity: "error" as const, options: {} } };
    expect(runRules(merge, configFor([plain, mergeOnly], settings), {}, [plain, mergeOnly]).map((f) => f.ruleId)).toEqual(["merge-rule"]);
    expect(runRules(message, configFor([plain, mergeOnly], settings), {}, [plain, mergeOnly]).map((f) => f.ruleId)).toEqual(["plain-rule"]);
  });

  it("reports softMessages at most as warn", () => {
    const soft = rule("soft-rule", (m) => [{ messageId: "soft", span: lineSpan(m.summary!) }, { messageId: "hit", span: lineSpan(m.summary!) }], {
      softMessages: ["soft"],
    });
    const findings = runRules(message, configFor([soft], { "soft-rule": { severity: "error", options: {} } }), {}, [soft]);
    expect(findings.map((f) => [f.messageId, f.severity])).toEqual([["soft", "warn"], ["hit", "error"]]);
  });

  it("throws on a rule bug: unknown message id or a backwards span", () => {
    const unknown = rule("bad-id", (m) => [{ messageId: "nope", span: lineSpan(m.summary!) }]);
    const backwards = rule("bad-span", () => [{ messageId: "hit", span: { line: 2, column: 5, endLine: 1, endColumn: 1 } }]);
    expect(() => runRules(message, configFor([unknown], { "bad-id": { severity: "error", options: {} } }), {}, [unknown])).toThrow(/unknown message id "nope"/);
    expect(() => runRules(message, configFor([backwards], { "bad-span": { severity: "error", options: {} } }), {}, [backwards])).toThrow(/invalid span/);
  });
});

describe("fillTemplate", () => {
  it("fills known placeholders and leaves unknown ones as written", () => {
    expect(fillTemplate("Summary is {length} characters; keep it to {max}.", { length: 81, max: 72 })).toBe("Summary is 81 characters; keep it to 72.");
    expect(fillTemplate("{a} and {b}", { a: "x" })).toBe("x and {b}");
  });
});
