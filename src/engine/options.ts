// Reads the default values out of a rule's option schema.
import type { RuleDefinition } from "../types.js";

const cache = new WeakMap<object, Record<string, unknown>>();

/** The defaults declared in a rule's option schema (`properties.*.default`). */
export function defaultOptions(rule: Pick<RuleDefinition, "options">): Record<string, unknown> {
  let defaults = cache.get(rule);
  if (!defaults) {
    defaults = {};
    for (const [key, schema] of Object.entries(rule.options.properties ?? {})) {
      if (schema.default !== undefined) defaults[key] = structuredClone(schema.default);
    }
    cache.set(rule, defaults);
  }
  return defaults;
}
