// Loads the `yaml` package on demand, however the runtime presents its CommonJS build.
import type * as Yaml from "yaml";
import { UsageError } from "../types.js";
import { assertConfigText } from "./text.js";
import { KEY_WITHOUT_SPACE, describeKey, quoteValue } from "./validate.js";

/**
 * Imports `yaml` (only when a YAML file is read). Node gives named exports for its CommonJS
 * build, but esbuild's split bundle (dist/cli.js) exposes such a chunk only as `default`, so
 * destructuring the import directly yields undefined there.
 */
export async function loadYaml(): Promise<typeof Yaml> {
  const module = (await import("yaml")) as typeof Yaml & { default?: typeof Yaml };
  return typeof module.parseDocument === "function" ? module : (module.default as typeof Yaml);
}

/**
 * Parses YAML config text to plain data with `yaml` (the loaded module). Throws UsageError
 * `FILE:LINE:COL: invalid YAML: reason`, also for errors only building the value shows (an
 * alias to an anchor defined nowhere, or only later). An empty document is `{}`.
 */
export function parseYamlData(yaml: typeof Yaml, text: string, file: string): unknown {
  assertConfigText(text, file);
  const lineCounter = new yaml.LineCounter();
  const document = yaml.parseDocument(text, { lineCounter });
  const error = document.errors[0];
  if (error) {
    const position = error.linePos?.[0];
    const at = position ? `${position.line}:${position.col}` : "1:1";
    // yaml's own wording for MULTIPLE_DOCS tells a programmer to call YAML.parseAllDocuments(),
    // and it gives up on deep nesting in the engine's words, which read as rationale's crash.
    const tooDeep = error.code === "RESOURCE_EXHAUSTION" && error.message.startsWith("Maximum call stack size exceeded");
    const reason =
      error.code === "MULTIPLE_DOCS"
        ? "a second document starts here (---); a config file holds one, so merge them or remove the rest"
        : tooDeep
          ? "a value here is nested too deeply ([ or { hundreds of levels inside each other) for YAML to read; no setting nests more than a few levels"
          : (error.code === "DUPLICATE_KEY" ? duplicateKeyReason(yaml, document, error.pos[0]) : undefined) ??
            (position ? missingSpaceReason(text, position.line, position.col) : undefined) ??
            error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    throw new UsageError(`${file}:${at}: invalid YAML: ${reason}`);
  }
  assertStringKeys(yaml, document, text, lineCounter, file);
  try {
    return document.toJS() ?? {};
  } catch (error) {
    let at = "1:1";
    yaml.visit(document, {
      Alias(_, node) {
        if (node.range && node.resolve(document) === undefined) {
          const position = lineCounter.linePos(node.range[0]);
          at = `${position.line}:${position.col}`;
          return yaml.visit.BREAK;
        }
      },
    });
    throw new UsageError(`${file}:${at}: invalid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
}

/**
 * Throws UsageError `FILE:LINE:COL: …` for the first key that is not a string: a list or a map
 * (`? [a]`, `{ [a]: 1 }`), a number, a boolean or null (`1:`, `true:`, `~:`), or an alias to one.
 * YAML allows such keys; a config's keys are names, and yaml would turn one into text for a plain
 * object (printing a warning of its own on stderr for a collection), so the config's check would
 * name "1" or "31" (for `0x1F`) as an unknown key, in words the user never wrote.
 */
function assertStringKeys(yaml: typeof Yaml, document: Yaml.Document, text: string, lineCounter: Yaml.LineCounter, file: string): void {
  let problem: string | undefined;
  yaml.visit(document, {
    Pair(_, pair) {
      const key = yaml.isAlias(pair.key) ? pair.key.resolve(document) : pair.key;
      const kind = keyKind(yaml, key);
      if (kind === undefined) return;
      const node = pair.key as Yaml.Node | null;
      const [start, end] = node?.range ?? [0, 0];
      // A key left out (`? ` alone, or a line starting with `:`) has no node: its value's line is the place.
      const position = lineCounter.linePos(node?.range ? start : ((pair.value as Yaml.Node | null)?.range?.[0] ?? 0));
      // As written: yaml's own rendering of a map key is JSON, and of 0x1F is 31.
      const written = node ? text.slice(start, end).trim().replace(/\s+/g, " ") : "";
      const what = written === "" ? "this key is empty" : `this key is ${kind} (${describeKey(written)})`;
      problem = `${file}:${position.line}:${position.col}: ${what}; a config key must be a string, such as a rule id or an option's name`;
      return yaml.visit.BREAK;
    },
  });
  if (problem !== undefined) throw new UsageError(problem);
}

/** What a key that is not a string is ("a list", "a number", …), or undefined for a string key. */
function keyKind(yaml: typeof Yaml, key: unknown): string | undefined {
  if (yaml.isSeq(key)) return "a list";
  if (yaml.isMap(key)) return "a map";
  const value = yaml.isScalar(key) ? key.value : key;
  if (typeof value === "string") return undefined;
  if (typeof value === "number" || typeof value === "bigint") return "a number";
  if (typeof value === "boolean") return "a boolean";
  return value === null || value === undefined ? "null" : undefined;
}

/**
 * The key a DUPLICATE_KEY error at `offset` points at, with the path of its map, worded as for
 * JSON: yaml's "Map keys must be unique" names neither, and in a long rules map the line alone
 * leaves the user to find which key came first.
 */
function duplicateKeyReason(yaml: typeof Yaml, document: Yaml.Document, offset: number): string | undefined {
  let reason: string | undefined;
  yaml.visit(document, {
    Pair(_, pair, ancestors) {
      if (!yaml.isScalar(pair.key) || pair.key.range?.[0] !== offset) return;
      const path: (string | number)[] = [];
      ancestors.forEach((node, index) => {
        const next = ancestors[index + 1] ?? pair;
        if (yaml.isPair(node)) path.push(String(yaml.isScalar(node.key) ? node.key.value : node.key));
        else if (yaml.isSeq(node)) path.push(node.items.indexOf(next as never));
      });
      const where = path.length > 0 ? ` in ${path.join(".")}` : "";
      reason = `key "${String(pair.key.value)}" is given twice${where}; give it once`;
      return yaml.visit.BREAK;
    },
  });
  return reason;
}

/**
 * For a syntax error at a key with no space after its colon (`summary-mood:off`), what is wrong
 * and the fix: yaml says "Implicit keys need to be on a single line" or "Implicit map keys need
 * to be followed by map values", as it reads the line as text running into the next one.
 */
function missingSpaceReason(text: string, line: number, column: number): string | undefined {
  const match = KEY_WITHOUT_SPACE.exec((text.split("\n")[line - 1] ?? "").slice(column - 1));
  if (!match) return undefined;
  return `${quoteValue(match[0])} has no space after the colon, so YAML reads it as text, not a key and value; write ${quoteValue(`${match[1]}: ${match[2]}`)}`;
}
