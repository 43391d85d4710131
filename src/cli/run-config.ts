// `rationale config`: prints the configuration lint, the hook and audit would use here.
import { dirname, join, relative, sep } from "node:path";
import { docsPath } from "../docs-path.js";
import { findScriptConfigs, loadConfig } from "../config/load.js";
import { defaultConfig } from "../config/resolve.js";
import { rules } from "../../rules/index.js";
import type { ResolvedConfig } from "../types.js";

/** Prints the resolved configuration as text or JSON. */
export async function runConfig(options: { config?: string; format: "text" | "json" }): Promise<void> {
  const cwd = process.cwd();
  const config = await loadConfig({ cwd, file: options.config });
  // With --config nothing is discovered, so a script config nearby misleads no one.
  const notRead = options.config === undefined ? findScriptConfigs(cwd, config.source === undefined ? undefined : dirname(config.source)) : [];
  process.stdout.write(options.format === "json" ? `${JSON.stringify(configJson(config, notRead), null, 2)}\n` : formatConfig(config, cwd, notRead));
}

/**
 * The resolved configuration as JSON: `source` is null when no file applies; `notRead` lists
 * script config files found on the way, which rationale does not read (only when there are any).
 */
export function configJson(config: ResolvedConfig, notRead: readonly string[] = []): Record<string, unknown> {
  return {
    source: config.source ?? null,
    ...(notRead.length > 0 ? { notRead } : {}),
    threshold: config.threshold,
    projectKeys: config.projectKeys,
    rules: config.rules,
    ...(config.audit !== undefined ? { audit: config.audit } : {}),
    ...(config.release !== undefined ? { release: config.release } : {}),
  };
}

/** A path as the user would type it from `cwd`: relative when inside it, else absolute. */
function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." ? rel : path;
}

/** One option value, briefly, as JSON: strings quoted, arrays and objects as written. */
function brief(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/**
 * The text report: the file (or the built-in defaults), script config files it does not read
 * (`notRead`), the pass mark, the project keys, then a
 * line per rule with its severity and options, and what the configuration changed from the
 * `recommended` defaults in brackets.
 */
export function formatConfig(config: ResolvedConfig, cwd: string, notRead: readonly string[] = []): string {
  const defaults = defaultConfig();
  const out: string[] = [];
  out.push(config.source ? `Config file: ${shown(config.source, cwd)}` : "Config file: none found from here up to the filesystem root; the built-in defaults (the recommended preset) apply");
  for (const file of notRead) {
    out.push(`${shown(file, cwd)} is not read: configs are JSON or YAML (rationale.config.json, .rationalerc.json, .rationalerc.yaml or .yml, or "rationale" in package.json), see ${docsPath("docs/configuration.md")}`);
  }
  out.push(`Pass mark: a score of ${config.threshold} or more, and no error finding${config.threshold !== defaults.threshold ? ` (default ${defaults.threshold})` : ""}`);
  out.push(`Ticket keys: ${config.projectKeys.length > 0 ? config.projectKeys.join(", ") : "any KEY-123"}`);
  if (config.release !== undefined && Object.keys(config.release).length > 0) out.push(`release: ${brief(config.release)}`);
  if (config.audit !== undefined && Object.keys(config.audit).length > 0) out.push(`audit: ${brief(config.audit)}`);
  out.push("", "Rules (severity, options; [was …] where this configuration changes the default):");
  const width = Math.max(...rules.map((rule) => rule.id.length));
  const severities = rules.map(({ id }) => {
    const [now, before] = [config.rules[id].severity, defaults.rules[id].severity];
    return now === before ? now : `${now} [was ${before}]`;
  });
  // The options start in one column, after the widest severity ("error [was warn]").
  const severityWidth = Math.max(...severities.map((severity) => severity.length));
  rules.forEach((rule, index) => {
    const setting = config.rules[rule.id];
    const base = defaults.rules[rule.id];
    const options = Object.entries(setting.options)
      .map(([key, value]) => {
        const before = base.options[key];
        const changed = JSON.stringify(value) !== JSON.stringify(before);
        return `${key} ${brief(value)}${changed ? ` [was ${brief(before)}]` : ""}`;
      })
      .join(", ");
    const severity = severities[index];
    out.push(`  ${rule.id.padEnd(width)}  ${options ? `${severity.padEnd(severityWidth)}  ${options}` : severity}`);
  });
  out.push("", `Each rule's page: ${join(dirname(docsPath("docs/rules/README.md")), "<rule-id>.md")}; the settings: ${docsPath("docs/configuration.md")}.`);
  return `${out.join("\n")}\n`;
}
