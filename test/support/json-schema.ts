// A small JSON Schema (draft-07) validator for the keywords the config schema uses; any other
// keyword throws, so a schema change this file does not understand cannot pass unchecked.

type Schema = Record<string, unknown>;

/** Keywords that only annotate: they never make a value invalid. */
const ANNOTATIONS = new Set(["$schema", "$id", "title", "description", "default"]);
const CHECKED = new Set([
  "type", "enum", "oneOf", "minimum", "maximum", "minLength", "pattern", "items", "additionalItems",
  "minItems", "maxItems", "properties", "additionalProperties", "required",
]);

function typeOf(value: unknown): string[] {
  if (value === null) return ["null"];
  if (Array.isArray(value)) return ["array"];
  if (typeof value === "number") return Number.isInteger(value) ? ["integer", "number"] : ["number"];
  return [typeof value];
}

/** Whether `value` is valid against `schema` (JSON data: no undefined, functions or NaN). */
export function isValid(schema: Schema | boolean, value: unknown): boolean {
  if (typeof schema === "boolean") return schema;
  for (const keyword of Object.keys(schema)) {
    if (!ANNOTATIONS.has(keyword) && !CHECKED.has(keyword)) throw new Error(`json-schema.ts does not implement "${keyword}"`);
  }
  const s = schema as Schema & Record<string, any>;
  if (s.type !== undefined) {
    const allowed = Array.isArray(s.type) ? s.type : [s.type];
    if (!typeOf(value).some((type) => allowed.includes(type))) return false;
  }
  if (s.enum !== undefined && !s.enum.some((option: unknown) => JSON.stringify(option) === JSON.stringify(value))) return false;
  if (s.oneOf !== undefined && s.oneOf.filter((option: Schema) => isValid(option, value)).length !== 1) return false;
  if (typeof value === "number") {
    if (s.minimum !== undefined && value < s.minimum) return false;
    if (s.maximum !== undefined && value > s.maximum) return false;
  }
  if (typeof value === "string") {
    // JSON Schema counts code points; its patterns are ECMA-262, unanchored.
    if (s.minLength !== undefined && [...value].length < s.minLength) return false;
    if (s.pattern !== undefined && !new RegExp(s.pattern, "u").test(value)) return false;
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) return false;
    if (s.maxItems !== undefined && value.length > s.maxItems) return false;
    if (Array.isArray(s.items)) {
      if (!value.every((item, i) => (i < s.items.length ? isValid(s.items[i], item) : isValid(s.additionalItems ?? true, item)))) return false;
    } else if (s.items !== undefined && !value.every((item) => isValid(s.items, item))) return false;
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (s.required !== undefined && !s.required.every((key: string) => key in record)) return false;
    for (const [key, item] of Object.entries(record)) {
      const sub = s.properties?.[key];
      if (!isValid(sub ?? s.additionalProperties ?? true, item)) return false;
    }
  }
  return true;
}

/** Throws when `schema` or any schema inside it uses a keyword {@link isValid} does not implement. */
export function assertKnownKeywords(schema: unknown, path = "#"): void {
  if (typeof schema === "boolean") return;
  const s = schema as Record<string, any>;
  for (const keyword of Object.keys(s)) {
    if (!ANNOTATIONS.has(keyword) && !CHECKED.has(keyword)) throw new Error(`${path}: json-schema.ts does not implement "${keyword}"`);
  }
  for (const [key, sub] of Object.entries(s.properties ?? {})) assertKnownKeywords(sub, `${path}/properties/${key}`);
  const items = Array.isArray(s.items) ? s.items : s.items === undefined ? [] : [s.items];
  items.forEach((sub: unknown, i: number) => assertKnownKeywords(sub, `${path}/items/${i}`));
  (s.oneOf ?? []).forEach((sub: unknown, i: number) => assertKnownKeywords(sub, `${path}/oneOf/${i}`));
  for (const key of ["additionalItems", "additionalProperties"]) if (s[key] !== undefined) assertKnownKeywords(s[key], `${path}/${key}`);
}
