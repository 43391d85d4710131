// lint(): parse a commit message, judge its content, run the rules and score it.
import { rules } from "../rules/index.js";
import { defaultConfig } from "./config/resolve.js";
import { runRules } from "./engine/run.js";
import { fullScore, scoreMessage } from "./engine/score.js";
import { judgeMessage } from "./judge/index.js";
import { assertParseOptions, describeOption, PARSE_OPTION_KEYS } from "./message/options.js";
import { parseWithTrustedOptions } from "./message/parse.js";
import type { Finding, LintOptions, LintResult, ParsedMessage, ResolvedConfig } from "./types.js";

/** The keys of {@link LintOptions}: a misspelt one would otherwise be ignored and the defaults run. */
const LINT_OPTION_KEYS: readonly string[] = ["config", ...PARSE_OPTION_KEYS];

/** Why fixup!/squash! commits (and an amend! without a new message) are skipped. */
export const FIXUP_SKIP_REASON = "fixup!/squash! commit: it is folded into another commit by `git rebase --autosquash`";

/**
 * Lints one commit message: parses it as git would clean it (unless `cleanup: false`), judges
 * why/what/refs, runs the enabled rules and scores the result. Synchronous; throws UsageError
 * only for an invalid `commentChar`, and TypeError when `message` is not a string, `options`
 * has an unknown key or a value of the wrong type, or `options.config` is not a resolved
 * config (see `lintParsed`).
 */
export function lint(message: string, options: LintOptions = {}): LintResult {
  const config = resolvedFrom(options, "lint()");
  const parsed = parseWithTrustedOptions(message, { commentChar: options.commentChar, cleanup: options.cleanup, merge: options.merge, template: options.template });
  return lintResolved(parsed, config);
}

/**
 * Lints an already-parsed message (the audit parses each commit once). fixup!/squash!
 * commits are skipped: `skipped: true`, full score, no findings, pass. Merge commits pass
 * unless a rule reports an error: their score is shown but a default `git merge` in the hook
 * is judged by `merge-default-text` alone. The second argument is the resolved config, or
 * `lint()`'s options (only `config` is used: the message is already parsed). Throws TypeError
 * when `parsed` is not a parsed message (a string belongs to `lint()`) or the config is not
 * resolved (settings as written in a config file: pass them through `resolveConfig()`).
 */
export function lintParsed(parsed: ParsedMessage, configOrOptions?: ResolvedConfig | LintOptions): LintResult {
  if (typeof parsed !== "object" || parsed === null || !Array.isArray(parsed.lines)) {
    const hint = typeof parsed === "string" ? "; lint a string with lint(), or parse it with parseMessage() first" : "";
    throw new TypeError(`lintParsed() takes the result of parseMessage(), not ${parsed === null ? "null" : typeof parsed}${hint}`);
  }
  return lintResolved(parsed, resolvedFrom(configOrOptions, "lintParsed()"));
}

/**
 * lintParsed() without its checks of what a JavaScript caller passed: for callers that hold a
 * parseMessage() result and a resolved config already (lint() itself, the audit's per-commit
 * loop, the CLI), which would otherwise check both again for every message.
 */
export function lintResolved(parsed: ParsedMessage, config: ResolvedConfig): LintResult {
  if (parsed.kind === "fixup") {
    return { kind: "fixup", skipped: true, skipReason: FIXUP_SKIP_REASON, pass: true, findings: [], facets: {}, ...fullScore() };
  }
  const facets = judgeMessage(parsed, config);
  const findings = runRules(parsed, config, facets, rules);
  const { score, parts } = scoreMessage(parsed, findings, facets);
  const hasError = findings.some((finding: Finding) => finding.severity === "error");
  const pass = !hasError && (parsed.kind === "merge" || score >= config.threshold);
  return { kind: parsed.kind, skipped: false, score, pass, findings, facets, parts };
}

/** The config `value` names; throws TypeError for options `fn` cannot take (see assertParseOptions). */
function resolvedFrom(value: ResolvedConfig | LintOptions | undefined, fn: string): ResolvedConfig {
  if (value === undefined) return defaultConfig();
  if (typeof value !== "object" || value === null) throw new TypeError(`lint options must be an object such as { config }, not ${describe(value)}`);
  if (isResolvedConfig(value)) return value;
  assertParseOptions(value, fn, LINT_OPTION_KEYS);
  const config: unknown = (value as LintOptions).config;
  if (config === undefined) return defaultConfig();
  if (typeof config === "object" && config !== null && isResolvedConfig(config)) return config;
  // Settings as written in a config file ({ extends: "strict" }) would run with no threshold,
  // so no message could pass: say how to resolve them instead.
  const got = typeof config === "object" && config !== null ? "" : `, not ${describeOption(config)}`;
  throw new TypeError(`lint options.config must be a resolved configuration${got}; pass the settings through resolveConfig() or get them from loadConfig()`);
}

/** True for what resolveConfig() returns: a numeric threshold, a rules object and a projectKeys array. */
function isResolvedConfig(value: object): value is ResolvedConfig {
  const config = value as Partial<ResolvedConfig>;
  return typeof config.threshold === "number" && typeof config.rules === "object" && config.rules !== null && Array.isArray(config.projectKeys);
}

function describe(value: unknown): string {
  return value === null ? "null" : typeof value === "string" ? `the string ${JSON.stringify(value)}` : typeof value;
}
