// Checks a value against the JSON Schema subset rule options use, collecting every problem.
import type { JsonSchema } from "../types.js";
import { didYouMean } from "./suggest.js";
import { ECHO_LIMIT, echoOneLine, echoValue, jsonQuote } from "../echo-value.js";

/** Shows a received value briefly in a problem message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  return `${quoteValue(value)} (${kindOf(value)})`;
}

/**
 * A value as JSON, cut as every error line cuts a user's value (echoValue): a string is its
 * first 59 characters and "…" in quotes when it is longer than 60, and so is the JSON of a list
 * or an object, so a long value pasted by mistake does not make a problem line as long as
 * itself. Only the start of a list or object is written, so one nested thousands of levels deep
 * (`[[[[…]]]]`), which JSON.stringify cannot write without running out of stack, is quoted as
 * cheaply as a short one.
 */
export function quoteValue(value: unknown): string {
  // JSON.stringify writes Infinity and NaN (YAML's .inf, .nan, or 1e400) as null; it writes
  // nothing at all for undefined, a function or a symbol, and throws for a bigint.
  if ((typeof value === "number" && !Number.isFinite(value)) || !writesAsJson(value) || typeof value === "bigint") return String(value);
  if (typeof value === "string") return jsonQuote(echoValue(value));
  const parts: string[] = [];
  // Twice the limit in UTF-16 units: enough for echoValue to count 60 characters, emoji included.
  writeJson(value, parts, { left: 2 * ECHO_LIMIT + 1 });
  return echoValue(parts.join(""));
}

/** Whether JSON.stringify writes `value` at all (it leaves out undefined, functions and symbols). */
function writesAsJson(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}

/**
 * Appends `value` as JSON.stringify writes it to `parts` until `budget.left` characters are
 * written; the rest is left out. Each level of nesting writes a bracket, so the recursion ends
 * within the budget, however deep the value goes.
 */
function writeJson(value: unknown, parts: string[], budget: { left: number }): void {
  const write = (text: string) => {
    parts.push(text);
    budget.left -= text.length;
  };
  if (budget.left <= 0) return;
  if (typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    value = (value as { toJSON: (key: string) => unknown }).toJSON("");
  }
  if (typeof value === "string") write(jsonQuote(value.length > budget.left ? value.slice(0, budget.left) : value));
  else if (typeof value === "bigint") write(String(value));
  else if (typeof value !== "object" || value === null) write(JSON.stringify(value) ?? "null");
  else if (Array.isArray(value)) {
    write("[");
    for (let index = 0; index < value.length && budget.left > 0; index++) {
      if (index > 0) write(",");
      writeJson(writesAsJson(value[index]) ? value[index] : null, parts, budget);
    }
    write("]");
  } else {
    write("{");
    let first = true;
    for (const key in value) {
      if (budget.left <= 0) break;
      const item = (value as Record<string, unknown>)[key];
      if (!Object.hasOwn(value, key) || !writesAsJson(item)) continue;
      write(`${first ? "" : ","}${jsonQuote(key.length > budget.left ? key.slice(0, budget.left) : key)}:`);
      first = false;
      writeJson(item, parts, budget);
    }
    write("}");
  }
}

/**
 * Shows a key name in a problem message, cut as values are and kept to one line (echoOneLine): a
 * key pasted by mistake (a whole message, a megabyte of minified JSON) would otherwise make a line
 * as long as itself, and a key holding a line break or an escape sequence (`"a\nb"`, ESC `[31m`)
 * would split the problem line or reach the terminal raw. Such a key is shown quoted with its
 * escapes, as the file spells it in JSON; a plain key stays bare, as the path names it.
 */
export function describeKey(key: string): string {
  return echoOneLine(key);
}

/** A key and value with no space after the colon (`extends:strict`), at the start of `text`. */
export const KEY_WITHOUT_SPACE = /^([A-Za-z$][\w$-]*):([^\s/][^\s]*)/;

/**
 * "; YAML reads "extends:strict" as text, …" for a string found where an object belongs that
 * starts as a key and value with no space after the colon; otherwise "". YAML takes such a line
 * for a plain string, so the user sees "got a string" for what reads to them as a setting.
 */
export function missingSpaceHint(value: unknown): string {
  const match = typeof value === "string" ? KEY_WITHOUT_SPACE.exec(value.trimStart()) : null;
  if (!match) return "";
  return `; YAML reads ${quoteValue(match[0])} as text, not a key and value: put a space after the colon (${quoteValue(`${match[1]}: ${match[2]}`)})`;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && Number.isInteger(value)) return "integer";
  return typeof value;
}

function matchesType(type: NonNullable<JsonSchema["type"]>, value: unknown): boolean {
  switch (type) {
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    default:
      return typeof value === type;
  }
}

/** What the schema allows, in words: `an integer >= 1`, `one of "a", "b"`. */
export function describeSchema(schema: JsonSchema): string {
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  if (schema.oneOf) return schema.oneOf.map(describeSchema).join(", or ");
  const article = schema.type === "integer" || schema.type === "object" || schema.type === "array" ? "an" : "a";
  let text = schema.type ? `${article} ${schema.type}` : "any value";
  if (schema.type === "array" && schema.items?.type) {
    text = schema.minItems === 1 ? `a non-empty array of ${schema.items.type}s` : `an array of ${schema.items.type}s`;
    if (schema.minItems !== undefined && schema.minItems > 1) text += ` (at least ${schema.minItems})`;
  }
  if (schema.minimum !== undefined && schema.maximum !== undefined) text += ` from ${schema.minimum} to ${schema.maximum}`;
  else if (schema.minimum !== undefined) text += ` >= ${schema.minimum}`;
  else if (schema.maximum !== undefined) text += ` <= ${schema.maximum}`;
  return text;
}

/**
 * For a pattern that is one negated character class repeated (`^[^/?#\s]+$`), the first
 * character of `value` it refuses, as ", which has "?"" (a space named too, being invisible in
 * quotes): the value may be long, and which character is wrong is what the user must find.
 * Empty for other patterns, and for a value refused for being empty.
 */
function refusedCharacter(pattern: string, value: string): string {
  const negated = /^\^(\[\^(?:\\.|[^\]\\])+\])\+\$$/.exec(pattern);
  if (negated === null) return "";
  const allowed = new RegExp(`^${negated[1]}$`, "u");
  const refused = [...value].find((character) => !allowed.test(character));
  if (refused === undefined) return "";
  const name = refused === " " ? " (a space)" : /\s/u.test(refused) ? " (white space)" : "";
  return `, which has ${JSON.stringify(refused)}${name}`;
}

/**
 * Validates `value` against `schema`; returns one problem per mistake as
 * `<path>: got <value>; expected <allowed>`. An empty list means valid. `unknownKeyHint` adds
 * to the problem of an unknown key of `value` itself that is no near miss of a known one.
 */
export function validateValue(schema: JsonSchema, value: unknown, path: string, unknownKeyHint?: (key: string) => string): string[] {
  if (schema.oneOf) {
    const passes = schema.oneOf.some((option) => validateValue(option, value, path).length === 0);
    return passes ? [] : [`${path}: got ${describeValue(value)}; expected ${describeSchema(schema)}`];
  }
  if (schema.type && !matchesType(schema.type, value)) {
    const hint = schema.type === "object" ? missingSpaceHint(value) : "";
    return [`${path}: got ${describeValue(value)}; expected ${describeSchema(schema)}${hint}`];
  }
  if (schema.enum && !schema.enum.includes(value as string | number | boolean)) {
    const hint = typeof value === "string" ? didYouMean(value, schema.enum.map(String)) : "";
    return [`${path}: got ${describeValue(value)}; expected ${describeSchema(schema)}${hint}`];
  }
  if (typeof value === "string" && schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) {
    return [`${path}: got ${describeValue(value)}${refusedCharacter(schema.pattern, value)}; expected ${schema.description ?? `a string matching ${schema.pattern}`}`];
  }
  if (typeof value === "number" && (
    (schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum))) {
    return [`${path}: got ${describeValue(value)}; expected ${describeSchema(schema)}`];
  }
  if (Array.isArray(value) && schema.minItems !== undefined && value.length < schema.minItems) {
    return [`${path}: got ${describeValue(value)}; expected ${describeSchema(schema)}`];
  }
  const problems: string[] = [];
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => problems.push(...validateValue(schema.items as JsonSchema, item, `${path}[${i}]`)));
  }
  if (schema.type === "object" && typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    const properties = schema.properties ?? {};
    for (const key of schema.required ?? []) {
      if (!(key in record)) problems.push(`${path}: missing required key "${key}"`);
    }
    for (const [key, item] of Object.entries(record)) {
      const sub = properties[key];
      if (sub) problems.push(...validateValue(sub, item, `${path}.${key}`));
      else if (schema.additionalProperties === false) {
        const known = Object.keys(properties);
        const allowed = known.length > 0 ? `allowed keys: ${known.join(", ")}` : "this takes no keys";
        problems.push(`${path}.${describeKey(key)}: unknown key${missingSpaceHint(key) || didYouMean(key, known) || (unknownKeyHint?.(key) ?? "")} (${allowed})`);
      } else if (typeof schema.additionalProperties === "object") {
        problems.push(...validateValue(schema.additionalProperties, item, `${path}.${key}`));
      }
    }
  }
  return problems;
}
