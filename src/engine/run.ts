// Runs the enabled rules on a parsed message and collects their findings, sorted by position.
import type { Facets, Finding, ParsedMessage, ResolvedConfig, Span } from "../types.js";
import { DEFAULT_APPLIES_TO, type AnyRule } from "./helpers.js";
import { defaultOptions } from "./options.js";

/**
 * Runs every rule of `ruleList` that `config` enables and that applies to the message's kind.
 * Rules report spans in original-text coordinates; the engine validates them, fills the
 * message templates and sorts findings by position (then by rule order).
 */
export function runRules(
  message: ParsedMessage,
  config: ResolvedConfig,
  facets: Facets,
  ruleList: readonly AnyRule[],
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of ruleList) {
    const setting = config.rules[rule.id];
    if (!setting || setting.severity === "off") continue;
    if (!(rule.appliesTo ?? DEFAULT_APPLIES_TO).includes(message.kind)) continue;
    const severity = setting.severity;
    const options = optionsFor(rule, setting.options);
    rule.check({
      message,
      options,
      facets,
      report({ messageId, span, data }) {
        const template = rule.messages[messageId];
        if (template === undefined) throw new Error(`Rule ${rule.id} reported unknown message id "${messageId}".`);
        assertValidSpan(rule.id, span);
        const soft = rule.softMessages?.includes(messageId) ?? false;
        findings.push({
          ruleId: rule.id,
          severity: soft ? "warn" : severity,
          category: rule.category,
          message: fillTemplate(template, data),
          messageId,
          line: span.line,
          column: span.column,
          endLine: span.endLine,
          endColumn: span.endColumn,
        });
      },
    });
  }
  return sortFindings(findings);
}

/**
 * The rule's options: the configured object itself when it already holds every default (a
 * resolved config always does), so linting a message allocates no options object per rule.
 */
function optionsFor(rule: AnyRule, configured: Record<string, unknown> | undefined): Record<string, unknown> {
  const defaults = defaultOptions(rule);
  if (configured !== undefined) {
    let complete = true;
    for (const key in defaults) {
      if (!(key in configured)) {
        complete = false;
        break;
      }
    }
    if (complete) return configured;
  }
  return { ...defaults, ...configured };
}

/** Replaces `{name}` placeholders with `data.name`; unknown placeholders stay as written. */
export function fillTemplate(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}

/** Sorts findings by start position; the sort is stable, so equal positions keep rule order. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

function assertValidSpan(ruleId: string, span: Span): void {
  const { line, column, endLine, endColumn } = span;
  const integers = [line, column, endLine, endColumn].every((n) => Number.isInteger(n) && n >= 1);
  const ordered = endLine > line || (endLine === line && endColumn >= column);
  // A broken span is a bug in the rule, not in the user's message: fail loudly in tests.
  if (!integers || !ordered) throw new Error(`Rule ${ruleId} reported an invalid span ${JSON.stringify(span)}.`);
}
