// Checks a release summary template: config loading and `release compose` give one message.
import { quoteValue } from "./validate.js";

/** The placeholders a release summary template may use. */
export const TEMPLATE_PLACEHOLDERS = ["packages", "count", "name", "version"] as const;

/** What is wrong with a summary template ("has unknown placeholder {x}; …"), or undefined. */
export function templateProblem(template: string): string | undefined {
  const unknown = [...template.matchAll(/\{(\w*)\}/g)].map((match) => match[1]).filter((name) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name));
  // Quoted cut, as config problems show values: a long template would flood the terminal.
  if (unknown.length > 0) return `${quoteValue(template)} has unknown placeholder {${unknown[0]}}; use {packages}, {count}, {name} or {version}`;
  if (/[\r\n]/.test(template)) return `must be one line; got ${quoteValue(template)}`;
  if (template.trim() === "") return 'is empty; it makes the summary line, e.g. "chore(release): {packages}"';
  return undefined;
}
