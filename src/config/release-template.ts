// Checks a release summary template: config loading and `release compose` give one message.

/** The placeholders a release summary template may use. */
export const TEMPLATE_PLACEHOLDERS = ["packages", "count", "name", "version"] as const;

/** What is wrong with a summary template ("has unknown placeholder {x}; …"), or undefined. */
export function templateProblem(template: string): string | undefined {
  const unknown = [...template.matchAll(/\{(\w*)\}/g)].map((match) => match[1]).filter((name) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown.length > 0) return `"${template}" has unknown placeholder {${unknown[0]}}; use {packages}, {count}, {name} or {version}`;
  if (/[\r\n]/.test(template)) return `must be one line; got ${JSON.stringify(template)}`;
  if (template.trim() === "") return 'is empty; it makes the summary line, e.g. "chore(release): {packages}"';
  return undefined;
}
