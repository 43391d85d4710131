// Validates a config object and resolves it (presets, defaults, user rules) into a ResolvedConfig.
import { rules as builtinRules } from "../../rules/index.js";
import { defaultOptions } from "../engine/options.js";
import type { AnyRule } from "../engine/helpers.js";
import { UsageError, type ResolvedConfig, type RuleSetting, type Severity } from "../types.js";
import { DEFAULT_THRESHOLD, PRESETS, PRESET_NAMES, type Preset, type RuleEntry } from "./presets.js";
import { templateProblem } from "./release-template.js";
import { didYouMean } from "./suggest.js";
import { describeKey, describeValue, missingSpaceHint, validateValue } from "./validate.js";

/**
 * For a whole config that is only a preset's name or a list of them (`"rationale": "strict"` in
 * package.json, as prettier takes a shared config's name there), where that name belongs.
 */
function presetNameHint(value: unknown): string {
  const names = Array.isArray(value) ? value : [value];
  if (names.length === 0 || !names.every((name) => typeof name === "string" && (PRESET_NAMES as string[]).includes(name))) return "";
  return `; to use ${names.length === 1 ? "a preset" : "presets"}, name ${names.length === 1 ? "it" : "them"} under "extends": { "extends": ${JSON.stringify(Array.isArray(value) ? names : names[0])} }`;
}

/** Top-level keys a config may have. */
export const CONFIG_KEYS = ["$schema", "extends", "threshold", "rules", "projectKeys", "audit", "release"] as const;

const SEVERITIES: readonly Severity[] = ["off", "warn", "error"];
const PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/;

/**
 * Validates `input` (a parsed config file, or `{}` for defaults) and resolves it: the rules'
 * defaults, then each `extends` preset in order (default `recommended`), then `rules`.
 * `undefined` and `null` mean no settings, as an empty or `null` config file does: the
 * recommended preset. Throws UsageError listing every problem at once; `source` names the file
 * in messages.
 */
export function resolveConfig(input: unknown = {}, source?: string, ruleList: readonly AnyRule[] = builtinRules): ResolvedConfig {
  const problems: string[] = [];
  const where = source ?? "configuration";
  // A caller passing through a parsed file's data (or a JSON.parse("null")) gets what
  // loadConfig gives for that file: no settings, not "(top level): got null".
  if (input === null) input = {};
  const config = isObject(input) ? withoutEmptyKeys(input) : {};
  if (!isObject(input)) problems.push(`(top level): got ${describeValue(input)}; expected an object${missingSpaceHint(input)}${presetNameHint(input)}`);
  const byId = new Map(ruleList.map((rule) => [rule.id, rule]));

  for (const key of Object.keys(config)) {
    if ((CONFIG_KEYS as readonly string[]).includes(key)) continue;
    // A rule set at the top level, "rules" forgotten: the likeliest fix is to move it.
    const hint = byId.has(key) ? `; ${key} is a rule: move it into "rules": { "${key}": … }` : didYouMean(key, CONFIG_KEYS);
    problems.push(`${describeKey(key)}: unknown key${hint} (allowed keys: ${CONFIG_KEYS.join(", ")})`);
  }
  if (config.$schema !== undefined && typeof config.$schema !== "string") {
    problems.push(`$schema: got ${describeValue(config.$schema)}; expected a string`);
  }

  const presets = readExtends(config.extends, problems);
  const threshold = config.threshold;
  if (threshold !== undefined && !(Number.isInteger(threshold) && (threshold as number) >= 0 && (threshold as number) <= 100)) {
    problems.push(`threshold: got ${describeValue(threshold)}; expected an integer from 0 to 100`);
  }
  const projectKeys = readProjectKeys(config.projectKeys, problems);
  // The sections' settings are few and known: a typo ("templte") is an error here, not a
  // setting silently ignored by the command that would have read it.
  for (const [section, known] of [["audit", []], ["release", ["template"]]] as const) {
    const value = config[section];
    if (value === undefined) continue;
    if (!isObject(value)) {
      problems.push(`${section}: got ${describeValue(value)}; expected an object${missingSpaceHint(value)}`);
      continue;
    }
    for (const [key, setting] of Object.entries(value)) {
      if (!(known as readonly string[]).includes(key)) {
        problems.push(`${section}.${describeKey(key)}: unknown setting; ${known.length ? `expected ${known.join(", ")}` : `rationale ${section} has no settings in the config file yet`}`);
      } else if (setting === null) {
        // `template:` with nothing after it (YAML's null): unset, the default template.
        continue;
      } else if (typeof setting !== "string") {
        problems.push(`${section}.${key}: got ${describeValue(setting)}; expected a string`);
      } else {
        // Checked here, not first when a release is composed: `rationale config` and the
        // schema passed a template that `release compose` or the Action then refused.
        const problem = templateProblem(setting);
        if (problem !== undefined) problems.push(`${section}.${key} ${problem}`);
      }
    }
  }

  const settings: Record<string, RuleSetting> = {};
  const setDefaults = () => {
    for (const rule of ruleList) settings[rule.id] = { severity: rule.defaultSeverity, options: { ...defaultOptions(rule) } };
  };
  setDefaults();
  let resolvedThreshold = DEFAULT_THRESHOLD;
  for (const preset of presets) {
    if (preset.fromDefaults) setDefaults();
    if (preset.threshold !== undefined) resolvedThreshold = preset.threshold;
    if (preset.promoteWarnings) {
      for (const setting of Object.values(settings)) if (setting.severity === "warn") setting.severity = "error";
    }
    for (const [id, entry] of Object.entries(preset.rules)) {
      const rule = byId.get(id);
      // A preset may name a rule that a custom rule list leaves out; it only applies when present.
      if (rule) applyEntry(settings, rule, entry);
    }
  }

  if (config.rules !== undefined && !isObject(config.rules)) {
    problems.push(`rules: got ${describeValue(config.rules)}; expected an object of rule ids to "off", "warn", "error" or [severity, options]${missingSpaceHint(config.rules)}`);
  } else if (config.rules) {
    for (const [id, entry] of Object.entries(config.rules)) {
      const rule = byId.get(id);
      if (!rule) {
        problems.push(`rules.${describeKey(id)}: unknown rule${didYouMean(id, byId.keys())}`);
        continue;
      }
      // `summary-vague:` with nothing after it (YAML's null, the value commented out): unset,
      // so the rule keeps what the presets gave it, as a top-level key set to null does.
      if (entry === null) continue;
      const entryProblems = checkEntry(rule, entry, `rules.${id}`, ruleList);
      problems.push(...entryProblems);
      if (entryProblems.length > 0) continue;
      applyEntry(settings, rule, entry as RuleEntry);
      const together = Array.isArray(entry) && entry.length === 2 ? rule.checkOptions?.(settings[id].options) : undefined;
      if (together !== undefined) problems.push(`rules.${id}[1]: ${together}${fromPreset(rule, settings[id].options, withoutNullOptions(rule, (entry as unknown[])[1]))}`);
    }
  }

  if (problems.length > 0) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    // In package.json the settings sit under "rationale": name keys the way the file spells them.
    const inPackageJson = /(^|[/\\])package\.json$/.test(where);
    const key = (problem: string) => (!inPackageJson ? problem : problem.startsWith("(top level)") ? problem.replace("(top level)", "rationale") : `rationale.${problem}`);
    const lines = problems.map((p) => `${where}: ${key(p)}`);
    // Settings from code have no file to name: "invalid configuration (2 problems):". The
    // problems are in the message too, so String(error) and error.message show them, and in
    // details for a program to read (printers skip details the message already holds).
    const heading = `invalid configuration${source === undefined ? "" : ` in ${source}`} (${count}):`;
    throw new UsageError([heading, ...lines.map((line) => `  ${line}`)].join("\n"), lines);
  }

  const resolved: ResolvedConfig = {
    threshold: threshold === undefined ? resolvedThreshold : (threshold as number),
    rules: settings,
    projectKeys,
    source,
  };
  if (config.audit !== undefined) resolved.audit = withoutNulls(config.audit as Record<string, unknown>);
  if (config.release !== undefined) resolved.release = withoutNulls(config.release as Record<string, unknown>);
  return resolved;
}

/**
 * Options a failed `checkOptions` may have read that this file did not set but a preset did
 * ("; soft 50 comes from the preset this file extends"): without it, strict's soft limit of 50
 * reads as the user's own mistake when they only lowered max to 40.
 */
function fromPreset(rule: AnyRule, options: Record<string, unknown>, given: unknown): string {
  const own = isObject(given) ? Object.keys(given) : [];
  const defaults = defaultOptions(rule);
  const inherited = Object.entries(options).filter(([key, value]) => !own.includes(key) && JSON.stringify(value) !== JSON.stringify(defaults[key]));
  if (inherited.length === 0) return "";
  const shown = inherited.map(([key, value]) => `${key} ${JSON.stringify(value)}`).join(", ");
  return `; ${shown} ${inherited.length === 1 ? "comes" : "come"} from the preset this file extends`;
}

/**
 * `config` without its known keys set to null: YAML reads a key with nothing under it (`rules:`
 * whose entries are all commented out) as null, which means no settings there, not a mistake.
 * An unknown key stays, so a typo is still reported whatever its value.
 */
function withoutEmptyKeys(config: Record<string, unknown>): Record<string, unknown> {
  if (!Object.values(config).includes(null)) return config;
  return Object.fromEntries(Object.entries(config).filter(([key, value]) => value !== null || !(CONFIG_KEYS as readonly string[]).includes(key)));
}

/** `record` without its keys set to null, which are unset (a section's known keys, checked above). */
function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null));
}

let cachedDefault: ResolvedConfig | undefined;

/** The `recommended` configuration, resolved once. */
export function defaultConfig(): ResolvedConfig {
  cachedDefault ??= resolveConfig({});
  return cachedDefault;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readExtends(value: unknown, problems: string[]): Preset[] {
  if (value === undefined) return [PRESETS.recommended];
  const names = typeof value === "string" ? [value] : Array.isArray(value) ? value : null;
  if (names === null) {
    problems.push(`extends: got ${describeValue(value)}; expected a preset name or a list of them (${PRESET_NAMES.join(", ")})`);
    return [];
  }
  const presets: Preset[] = [PRESETS.recommended];
  names.forEach((name, i) => {
    const path = typeof value === "string" ? "extends" : `extends[${i}]`;
    if (typeof name === "string" && (PRESET_NAMES as string[]).includes(name)) presets.push(PRESETS[name as keyof typeof PRESETS]);
    else {
      const hint = typeof name === "string" ? didYouMean(name, PRESET_NAMES) : "";
      problems.push(`${path}: got ${describeValue(name)}; expected one of ${PRESET_NAMES.map((n) => `"${n}"`).join(", ")}${hint}`);
    }
  });
  return presets;
}

function readProjectKeys(value: unknown, problems: string[]): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`projectKeys: got ${describeValue(value)}; expected an array of ticket keys such as ["ABC", "JIRA"]`);
    return [];
  }
  const keys: string[] = [];
  value.forEach((key, i) => {
    if (typeof key === "string" && PROJECT_KEY.test(key)) keys.push(key);
    else problems.push(`projectKeys[${i}]: got ${describeValue(key)}; expected an upper-case key such as "ABC" (letters, digits, _)`);
  });
  return keys;
}

/**
 * "; types is an option of conventional-format and references-required" for an option set
 * under a rule that does not take it: the user meant another rule, or put it one entry too low.
 */
function otherOwners(key: string, rule: AnyRule, ruleList: readonly AnyRule[]): string {
  const owners = ruleList.filter((other) => other !== rule && Object.hasOwn(other.options.properties ?? {}, key)).map((other) => other.id);
  if (owners.length === 0) return "";
  const listed = owners.length === 1 ? owners[0] : `${owners.slice(0, -1).join(", ")} and ${owners[owners.length - 1]}`;
  return `; ${describeKey(key)} is an option of ${listed}`;
}

/**
 * "; write "error" for ESLint's 2" for a severity given as ESLint's 0, 1 or 2: the docs call the
 * rule entries ESLint style, and ESLint takes numbers where rationale takes the words only.
 */
function numericSeverityHint(severity: unknown): string {
  return severity === 0 || severity === 1 || severity === 2 ? `; write "${SEVERITIES[severity]}" for ESLint's ${severity}` : "";
}

function checkEntry(rule: AnyRule, entry: unknown, path: string, ruleList: readonly AnyRule[]): string[] {
  const allowed = `"off", "warn", "error", or [severity, { options }]`;
  if (typeof entry === "string") {
    return SEVERITIES.includes(entry as Severity) ? [] : [`${path}: got ${describeValue(entry)}; expected ${allowed}${didYouMean(entry, SEVERITIES)}`];
  }
  if (!Array.isArray(entry) || entry.length < 1 || entry.length > 2) return [`${path}: got ${describeValue(entry)}; expected ${allowed}${numericSeverityHint(entry)}`];
  const problems: string[] = [];
  const [severity, options] = entry;
  if (typeof severity !== "string" || !SEVERITIES.includes(severity as Severity)) {
    const hint = typeof severity === "string" ? didYouMean(severity, SEVERITIES) : numericSeverityHint(severity);
    problems.push(`${path}[0]: got ${describeValue(severity)}; expected "off", "warn" or "error"${hint}`);
  }
  if (entry.length === 2) problems.push(...validateValue(rule.options, withoutNullOptions(rule, options), `${path}[1]`, (key) => otherOwners(key, rule, ruleList)));
  return problems;
}

/**
 * `options` without the rule's own options set to null (`max:` with nothing after it in YAML):
 * unset, so the option keeps its default or the preset's value. An unknown key stays, so a typo
 * is still reported whatever its value; anything but an object is left to the schema's check.
 */
function withoutNullOptions(rule: AnyRule, options: unknown): unknown {
  if (!isObject(options) || !Object.values(options).includes(null)) return options;
  const known = rule.options.properties ?? {};
  return Object.fromEntries(Object.entries(options).filter(([key, value]) => value !== null || !Object.hasOwn(known, key)));
}

function applyEntry(settings: Record<string, RuleSetting>, rule: AnyRule, entry: RuleEntry): void {
  const setting = settings[rule.id];
  if (typeof entry === "string") {
    setting.severity = entry;
    return;
  }
  setting.severity = entry[0];
  const options = withoutNullOptions(rule, entry[1]) as Record<string, unknown> | undefined;
  if (options) setting.options = { ...setting.options, ...structuredClone(options) };
}
