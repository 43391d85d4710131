// Builds the JSON Schema of the config file from the rules' own option schemas.
import type { AnyRule } from "../engine/helpers.js";
import type { JsonSchema } from "../types.js";
import { PRESET_NAMES } from "./presets.js";
import { TEMPLATE_PLACEHOLDERS } from "./release-template.js";

/** Where the published schema lives, for `$id` and `$schema` references. */
export const SCHEMA_ID = "https://unpkg.com/rationale-cli/schema/rationale.schema.json";

/**
 * A rule's option schema that also takes null for each option, as the tool does: `max:` with
 * nothing after it (YAML's null) leaves the option unset, at its default or the preset's value.
 */
function nullableOptions(options: JsonSchema): Record<string, unknown> {
  const properties = Object.fromEntries(Object.entries(options.properties ?? {}).map(([key, option]) => [key, nullable(option)]));
  return { ...options, properties };
}

/** `option`'s schema with null allowed too. */
function nullable(option: JsonSchema): Record<string, unknown> {
  if (option.oneOf) return { ...option, oneOf: [...option.oneOf, { type: "null" }] };
  const allowsNull: Record<string, unknown> = option.type === undefined ? {} : { type: [option.type, "null"] };
  if (option.enum) allowsNull.enum = [...option.enum, null];
  return { ...option, ...allowsNull };
}

/**
 * The config file's JSON Schema (draft-07), one property per rule with its severity and options.
 * It accepts what the tool accepts: null for the whole file or for a key, at the top level or
 * below it (a rule, an option, release.template), means unset (YAML reads `rules:` with every
 * entry commented out, or `summary-vague:` with nothing after it, as null). What it cannot say,
 * the descriptions do: JSON Schema cannot compare two values, so `soft` below `max` is in
 * `soft`'s description.
 */
export function buildConfigSchema(rules: readonly AnyRule[]): Record<string, unknown> {
  const severity = { type: "string", enum: ["off", "warn", "error"] };
  const ruleProperties: Record<string, unknown> = {};
  for (const rule of rules) {
    ruleProperties[rule.id] = {
      description: `${rule.description} (${rule.category}; default ${rule.defaultSeverity})`,
      oneOf: [
        severity,
        {
          type: "array",
          items: [severity, nullableOptions(rule.options)],
          minItems: 1,
          maxItems: 2,
          additionalItems: false,
        },
        // `summary-vague:` with nothing after it in YAML: unset, the presets' setting applies.
        { type: "null" },
      ],
    };
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: SCHEMA_ID,
    title: "rationale configuration",
    description: "null (an empty YAML document) means no settings; so does null for a key (YAML `rules:` with nothing under it): that key is unset. The same holds below the top level, for a rule, a rule's option and release.template.",
    type: ["object", "null"],
    additionalProperties: false,
    properties: {
      $schema: { type: ["string", "null"] },
      extends: {
        description: "Built-in presets applied in order on top of the rules' defaults.",
        oneOf: [
          { type: "string", enum: PRESET_NAMES },
          { type: "array", items: { type: "string", enum: PRESET_NAMES } },
          { type: "null" },
        ],
      },
      threshold: { type: ["integer", "null"], minimum: 0, maximum: 100, description: "Lowest score (0-100) that passes." },
      projectKeys: {
        type: ["array", "null"],
        items: { type: "string", pattern: "^[A-Z][A-Z0-9_]*$" },
        description: "Ticket project keys recognised as references (e.g. ABC for ABC-123); empty means any KEY-123.",
      },
      rules: { type: ["object", "null"], additionalProperties: false, properties: ruleProperties },
      audit: { type: ["object", "null"], additionalProperties: false, properties: {}, description: "Reserved for settings of `rationale audit`; it has none yet." },
      release: {
        type: ["object", "null"],
        additionalProperties: false,
        properties: {
          template: {
            type: ["string", "null"],
            // One line, not blank, and no {placeholder} but these four (templateProblem's rules).
            pattern: `^(?=[^\\r\\n]*\\S)(?:[^\\r\\n{]|\\{(?:${TEMPLATE_PLACEHOLDERS.join("|")})\\}|\\{(?!\\w*\\}))*$`,
            description: "Summary template of release commits, one line: {packages}, {count}, {name}, {version} (see docs/release.md).",
          },
        },
        description: "Settings for `rationale release` (see docs/release.md).",
      },
    },
  };
}

