// Runs a rule's documented examples through the real parser, judge and engine (for tests and docs).
import { defaultConfig } from "../config/resolve.js";
import { judgeMessage } from "../judge/index.js";
import { parseMessage } from "../message/parse.js";
import type { Finding, ResolvedConfig, RuleExample } from "../types.js";
import type { AnyRule } from "./helpers.js";
import { defaultOptions } from "./options.js";
import { runRules } from "./run.js";

/**
 * The findings `rule` alone reports on `example.message`, with the example's options over the
 * rule's defaults. A rule that is off by default runs at `error`.
 */
export function runExample(rule: AnyRule, example: RuleExample): Finding[] {
  const base = defaultConfig();
  const severity = rule.defaultSeverity === "off" ? "error" : rule.defaultSeverity;
  const config: ResolvedConfig = {
    ...base,
    rules: { [rule.id]: { severity, options: { ...defaultOptions(rule), ...(example.options ?? {}) } } },
  };
  const parsed = parseMessage(example.message);
  const facets = judgeMessage(parsed, config);
  return runRules(parsed, config, facets, [rule]);
}
