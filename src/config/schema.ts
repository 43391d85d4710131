// Builds the JSON Schema of the config file from the rules' own option schemas.
import type { AnyRule } from "../engine/helpers.js";
import { PRESET_NAMES } from "./presets.js";
import { TEMPLATE_PLACEHOLDERS } from "./release-template.js";

/** Where the published schema lives, for `$id` and `$schema` references. */
export const SCHEMA_ID = "https://unpkg.com/rationale-cli/schema/rationale.schema.json";

/**
 * The config file's JSON Schema (draft-07), one property per rule with its severity and options.
 * It accepts what the tool accepts: null for the whole file or a top-level key means unset (YAML
 * reads `rules:` with every entry commented out as null). What it cannot say, the descriptions
 * do: JSON Schema cannot compare two values, so `soft` below `max` is in `soft`'s description.
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
          items: [severity, rule.options],
          minItems: 1,
          maxItems: 2,
          additionalItems: false,
        },
      ],
    };
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: SCHEMA_ID,
    title: "rationale configuration",
    description: "null (an empty YAML document) means no settings; so does null for a key (YAML `rules:` with nothing under it): that key is unset.",
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
            type: "string",
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

