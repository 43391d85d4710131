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
      projectKeys: config.projectKeys,
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
  return sortFindings(withoutSuperseded(findings, ruleList));
}

/**
 * `findings` without those a superseding rule's finding on an overlapping line makes redundant
 * (RuleExtras.supersedes). Only a finding at least as severe covers another: a `warn` does not
 * stand in for an `error` the project chose to enforce, which would let the message pass.
 */
function withoutSuperseded(findings: Finding[], ruleList: readonly AnyRule[]): Finding[] {
  let kept = findings;
  for (const rule of ruleList) {
    if (rule.supersedes === undefined) continue;
    const covering = findings.filter((finding) => finding.ruleId === rule.id);
    if (covering.length === 0) continue;
    const covers = (cover: Finding, finding: Finding): boolean =>
      finding.line <= cover.endLine && cover.line <= finding.endLine && (cover.severity === "error" || finding.severity === "warn");
    kept = kept.filter((finding) => !rule.supersedes!.includes(finding.ruleId) || !covering.some((cover) => covers(cover, finding)));
  }
  return kept;
}

/**
 * The rule's options: the configured object itself when it already holds every default (a
 * resolved config always does), so linting a message allocates no options object per rule.
 */
function optionsFor(rule: AnyRule, configured: Record<string, unknown> | undefined): Record<string, unknown> {
  const defaults = defaultOptions(rule);
  if (configured !== undefined) {
    if (completeOptions.has(configured)) return configured;
    let complete = true;
    for (const key in defaults) {
      if (!(key in configured)) {
        complete = false;
        break;
      }
    }
    if (complete) {
      completeOptions.add(configured);
      return configured;
    }
  }
  return { ...defaults, ...configured };
}

/** Configured option objects already found to hold every default (checked once, not per message). */
const completeOptions = new WeakSet<object>();

/** Replaces `{name}` placeholders with `data.name`; unknown placeholders stay as written. */
export function fillTemplate(template: string, data: Record<string, string | number> = {}): string {
  const parts = templateParts(template);
  if (parts.length === 1) return template;
  let text = parts[0];
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index];
    text += (Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : `{${name}}`) + parts[index + 1];
  }
  return text;
}

const templates = new Map<string, string[]>();

/**
 * A template cut at its placeholders, made once per template: literal text and placeholder
 * names alternate, starting and ending with literal text ("a {x} b" gives ["a ", "x", " b"]).
 */
function templateParts(template: string): string[] {
  let parts = templates.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    // Rules have a few dozen templates; other callers' templates are not kept forever.
    if (templates.size < 1000) templates.set(template, parts);
  }
  return parts;
}

/** Sorts findings by start position; the sort is stable, so equal positions keep rule order. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

function assertValidSpan(ruleId: string, span: Span): void {
  const { line, column, endLine, endColumn } = span;
  const integers = isPosition(line) && isPosition(column) && isPosition(endLine) && isPosition(endColumn);
  const ordered = endLine > line || (endLine === line && endColumn >= column);
  // A broken span is a bug in the rule, not in the user's message: fail loudly in tests.
  if (!integers || !ordered) throw new Error(`Rule ${ruleId} reported an invalid span ${JSON.stringify(span)}.`);
}

function isPosition(n: number): boolean {
  return Number.isInteger(n) && n >= 1;
}
