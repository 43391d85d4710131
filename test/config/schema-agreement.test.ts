// The published JSON Schema and the tool accept and refuse the same config files.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { UsageError } from "../../src/types.js";
import { assertKnownKeywords, isValid } from "../support/json-schema.js";

const schema = JSON.parse(readFileSync(new URL("../../schema/rationale.schema.json", import.meta.url), "utf8"));
const root = mkdtempSync(join(tmpdir(), "rationale-schema-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A config file's text: JSON unless it is marked `yaml`. */
interface Case {
  text: string;
  yaml?: boolean;
  valid: boolean;
}

const json = (value: unknown, valid: boolean): [string, Case] => [JSON.stringify(value), { text: JSON.stringify(value), valid }];
const yaml = (text: string, valid: boolean): [string, Case] => [`YAML ${JSON.stringify(text)}`, { text, yaml: true, valid }];

const cases: [string, Case][] = [
  json({}, true),
  json(null, true),
  ...["$schema", "extends", "threshold", "projectKeys", "rules", "release", "audit"].map((key) => json({ [key]: null }, true)),
  yaml("", true),
  yaml("null\n", true),
  yaml("extends: strict\nrules:\n  # summary-mood: off\n  # body-required: error\n", true),
  yaml("threshold:\nprojectKeys:\nrelease:\naudit:\n", true),
  json({
    $schema: "./node_modules/rationale-cli/schema/rationale.schema.json",
    extends: ["strict", "conventional"],
    threshold: 70,
    projectKeys: ["ABC", "OPS"],
    rules: {
      "summary-mood": "off",
      "summary-max-length": ["error", { max: 60, soft: 50 }],
      "conventional-format": ["error", { types: ["feat", "fix", "docs", "chore"], requireScope: true }],
    },
    release: { template: "chore(release): {packages}" },
    audit: {},
  }, true),
  json({ extends: [] }, true),
  json({ rules: { "summary-mood": ["warn"] } }, true),
  json({ rules: { "summary-mood": ["off", {}] } }, true),
  json({ rules: { "summary-max-length": ["error", { max: 60, soft: 0 }] } }, true),
  json([], false),
  json("strict", false),
  json(42, false),
  json({ $schema: 1 }, false),
  json({ extend: "strict" }, false),
  json({ "summary-mood": "off" }, false),
  json({ extends: "strictt" }, false),
  json({ extends: [null] }, false),
  json({ extends: {} }, false),
  json({ threshold: 101 }, false),
  json({ threshold: -1 }, false),
  json({ threshold: 1.5 }, false),
  json({ threshold: "60" }, false),
  json({ projectKeys: "ABC" }, false),
  json({ projectKeys: ["abc"] }, false),
  json({ projectKeys: [null] }, false),
  json({ rules: [] }, false),
  json({ rules: { "no-such-rule": "off" } }, false),
  // Below the top level too, a key set to null (nothing after the colon in YAML) is unset.
  json({ rules: { "summary-mood": null } }, true),
  yaml("rules:\n  summary-vague:\n  summary-mood: off\n", true),
  yaml("release:\n  template:\n", true),
  yaml("rules:\n  summary-max-length:\n    - error\n    - max:\n      soft: 50\n", true),
  json({ rules: { "summary-max-length": ["error", { max: 60, soft: null }] } }, true),
  json({ rules: { "conventional-format": ["error", { types: null, scopes: null, requireScope: null }] } }, true),
  json({ rules: { "conventional-format": ["error", { types: ["feat", "i18n", "ui-fix", "ci_cd"] }] } }, true),
  json({ rules: { "conventional-format": ["error", { types: ["feat", "fix "] }] } }, false),
  json({ rules: { "conventional-format": ["error", { types: [""] }] } }, false),
  json({ rules: { "conventional-format": ["error", { types: ["feat(api)"] }] } }, false),
  json({ rules: { "conventional-format": ["error", { scopes: ["api", "api:v2", "web ui"] }] } }, true),
  json({ rules: { "conventional-format": ["error", { scopes: ["api(v2)"] }] } }, false),
  json({ rules: { "conventional-format": ["error", { scopes: [" "] }] } }, false),
  json({ rules: { "link-unstable-docs": ["warn", { movingSegments: [] }] } }, true),
  json({ rules: { "link-unstable-docs": ["warn", { movingSegments: ["latest", "stable"] }] } }, true),
  json({ rules: { "link-unstable-docs": ["warn", { movingSegments: ["en/latest"] }] } }, false),
  json({ rules: { "link-unstable-docs": ["warn", { movingSegments: [""] }] } }, false),
  ...["<latest>", 'dev"docs', "it's", "docs`", "(v2)", "[x]"].map((segment) => json({ rules: { "link-unstable-docs": ["warn", { movingSegments: [segment] }] } }, false)),
  json({ rules: { "link-unstable-docs": ["warn", { movingSegments: ["en-US", "v1.2", "~user", "%7Euser", "@next", "a:b"] }] } }, true),
  json({ rules: { "no-such-rule": null } }, false),
  json({ rules: { "summary-max-length": ["error", { maximum: null }] } }, false),
  json({ release: { templte: null } }, false),
  json({ audit: { since: null } }, false),
  json({ rules: { "summary-mood": "warning" } }, false),
  json({ rules: { "summary-mood": [] } }, false),
  json({ rules: { "summary-mood": ["warn", {}, {}] } }, false),
  json({ rules: { "summary-mood": ["warn", null] } }, false),
  json({ rules: { "summary-max-length": ["error", { max: 0 }] } }, false),
  json({ rules: { "summary-max-length": ["error", { max: "72" }] } }, false),
  json({ rules: { "summary-max-length": ["error", { maximum: 72 }] } }, false),
  json({ release: "chore: release" }, false),
  json({ release: { templte: "x" } }, false),
  json({ release: { template: null } }, true),
  json({ release: { template: 42 } }, false),
  json({ release: { template: "release {name} {version} ({count}): {packages}" } }, true),
  json({ release: { template: "chore: { not a placeholder } {{packages}" } }, true),
  json({ release: { template: "" } }, false),
  json({ release: { template: "   " } }, false),
  json({ release: { template: "{bogus} release" } }, false),
  json({ release: { template: "chore(release): {}" } }, false),
  json({ release: { template: "chore(release): {packages}\n\nbody" } }, false),
  json({ release: { template: "chore(release): {packages}\r" } }, false),
  json({ audit: { since: "v1" } }, false),
  json({ audit: [] }, false),
];

/** Whether the tool accepts `text`, found by discovery and given with --config alike. */
async function toolAccepts(name: string, text: string, isYaml: boolean): Promise<boolean> {
  const dir = mkdtempSync(join(root, "case-"));
  const file = join(dir, isYaml ? ".rationalerc.yaml" : ".rationalerc.json");
  writeFileSync(file, text);
  const outcomes: boolean[] = [];
  for (const options of [{ cwd: dir }, { cwd: dir, file }]) {
    try {
      await loadConfig(options);
      outcomes.push(true);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      outcomes.push(false);
    }
  }
  expect(outcomes[0], `${name}: discovery and --config agree`).toBe(outcomes[1]);
  return outcomes[0];
}

describe("the JSON Schema and the tool agree", () => {
  it("uses only keywords the test validator checks", () => {
    expect(() => assertKnownKeywords(schema)).not.toThrow();
  });

  it.each(cases)("%s", async (name, { text, yaml: isYaml = false, valid }) => {
    // An editor validates the data a YAML file holds, so YAML is parsed as editors do.
    const data = isYaml ? parseYaml(text) : JSON.parse(text);
    expect({ tool: await toolAccepts(name, text, isYaml), schema: isValid(schema, data) }).toEqual({ tool: valid, schema: valid });
  });

  it("leaves to the tool, and says in the schema, what JSON Schema cannot compare: soft below max", async () => {
    const text = JSON.stringify({ rules: { "summary-max-length": ["error", { max: 60, soft: 60 }] } });
    expect(await toolAccepts("soft = max", text, false)).toBe(false);
    expect(isValid(schema, JSON.parse(text))).toBe(true);
    const soft = schema.properties.rules.properties["summary-max-length"].oneOf[1].items[1].properties.soft;
    expect(soft.description).toContain("must be below max");
  });
});
