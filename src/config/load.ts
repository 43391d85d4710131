// Finds and reads the config file (JSON, YAML or package.json "rationale"), from cwd upward.
import { lstatSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { UsageError, type ResolvedConfig } from "../types.js";
import { isNameTooLong, nameTooLongError } from "../file-name-errors.js";
import { resolveConfig } from "./resolve.js";
import { findDuplicateKey } from "./json-duplicates.js";
import { jsonSyntaxError } from "./json-error.js";
import { assertConfigText, assertNoReplacement, assertNotUtf16 } from "./text.js";
import { loadYaml, parseYamlData } from "./yaml.js";

/** Config file names, in the order they are looked for in each directory. */
export const CONFIG_FILE_NAMES = ["rationale.config.json", ".rationalerc.json", ".rationalerc.yaml", ".rationalerc.yml", "package.json"] as const;

/** Options for {@link loadConfig}. */
export interface LoadConfigOptions {
  /** Where discovery starts (default `process.cwd()`); also the base for a relative `file`. */
  cwd?: string;
  /** An explicit config file (`--config`): JSON, YAML or a package.json; no discovery. */
  file?: string;
}

/**
 * Loads and resolves the configuration: `file` when given, otherwise the first config file
 * found from `cwd` upward (a package.json counts only with a "rationale" key), otherwise the
 * recommended preset. Throws UsageError for a missing file, bad syntax (with line and column)
 * or invalid settings (every problem at once), and TypeError when `options` is not an object
 * or `cwd`/`file` is not a string.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ResolvedConfig> {
  assertLoadOptions(options);
  const cwd = resolve(options.cwd ?? process.cwd());
  // A search from a directory that is not there finds nothing and would load the defaults.
  if (options.cwd !== undefined && statSafe(cwd) !== "directory") throw new UsageError(`loadConfig() options.cwd is not a directory: ${cwd}`);
  if (options.file !== undefined) {
    // Resolved, an empty path is the working directory: say what is wrong instead.
    if (options.file.trim() === "") throw new UsageError("config file name is empty; name a config file, or give none to search from the working directory upward");
    const file = resolve(cwd, options.file);
    const kind = statSafe(file);
    // No file can have such a name: a value pasted by mistake, echoed cut as given.
    if (kind === "too-long") throw nameTooLongError("read", `config file ${options.file}`);
    if (kind === "missing") throw new UsageError(`config file not found: ${file}`);
    if (kind === "directory") throw new UsageError(`config path is a directory, not a file: ${file}`);
    if (kind === "broken-link") throw new UsageError(`config file is a symbolic link to a file that does not exist: ${file}`);
    const data = await readConfigFile(file);
    if (basename(file) === "package.json" && data === undefined) {
      throw new UsageError(`${file} has no "rationale" key; add one or point --config at a rationale config file`);
    }
    return resolveConfig(data ?? {}, file);
  }
  const found = await findConfig(cwd);
  return found ? resolveConfig(found.data, found.file) : resolveConfig({});
}

/**
 * Throws a TypeError for options a JavaScript caller got wrong. A path given where the options
 * go (`loadConfig("rationale.config.json")`) has no `file` key, so it would load the
 * recommended preset without a word.
 */
function assertLoadOptions(options: unknown): asserts options is LoadConfigOptions {
  if (typeof options === "string") throw new TypeError(`loadConfig() takes options, not a string; for a config file, call loadConfig({ file: ${JSON.stringify(options)} })`);
  if (typeof options !== "object" || options === null) throw new TypeError(`loadConfig() takes options ({ cwd, file }), not ${options === null ? "null" : typeof options}`);
  // A misspelt key (`{ dir: … }`, `{ config: … }`) would be passed over for the defaults.
  const unknown = Object.keys(options).find((key) => key !== "cwd" && key !== "file");
  if (unknown !== undefined) throw new TypeError(`loadConfig() has no option "${unknown}"; it takes { cwd, file }`);
  for (const key of ["cwd", "file"] as const) {
    const value = (options as LoadConfigOptions)[key];
    if (value !== undefined && typeof value !== "string") throw new TypeError(`loadConfig() options.${key} must be a path as a string, not ${value === null ? "null" : typeof value}`);
  }
}

/**
 * The error for an entry found under config file name `name` that is no file (`what`: "a
 * directory", …), shown as `shownAs`; `option` is how to give a config file instead. Skipping it
 * would apply other settings than the ones its name promises, without a word. Null for
 * package.json: npm's name, which counts only when it holds our key, so it is passed over.
 */
export function notAConfigFile(name: string, shownAs: string, what: string, option: string): UsageError | null {
  if (name === "package.json") return null;
  return new UsageError(`${shownAs} is ${what}, not a config file; rename or remove it, or give the config file with ${option}`);
}

/**
 * The first config file from `cwd` up to the filesystem root, with its parsed content; null when
 * there is none. Throws UsageError for a directory with a config file's name.
 */
export async function findConfig(cwd: string): Promise<{ file: string; data: unknown } | null> {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      const kind = statSafe(file);
      if (kind === "missing") continue;
      if (kind === "directory" || kind === "broken-link") {
        const error = notAConfigFile(name, file, kind === "directory" ? "a directory" : "a symbolic link to a file that does not exist", "--config");
        if (error === null) continue;
        throw error;
      }
      // A package.json without the word cannot hold our key: skipped unparsed, so a broken one
      // of another project above the repository does not stop every commit.
      if (name === "package.json" && !fileMentionsRationale(file)) continue;
      const data = await readConfigFile(file);
      if (data !== undefined) return { file, data };
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Names of script config files other tools read and rationale never does (it loads no code). */
export const SCRIPT_CONFIG_NAMES = ["js", "cjs", "mjs", "ts", "cts", "mts"].flatMap((ext) => [`rationale.config.${ext}`, `.rationalerc.${ext}`]);

/**
 * Script config files (rationale.config.js, .ts, …) from `cwd` up to `until` (the directory of
 * the config file that applies; default the filesystem root), which rationale does not read:
 * without a word, one that a user wrote applies nothing. For `rationale config`, and for `lint`
 * and the hook only when no config file applies, so a hook that finds one stats no more names.
 */
export function findScriptConfigs(cwd: string, until?: string): string[] {
  const found: string[] = [];
  let dir = resolve(cwd);
  for (;;) {
    for (const name of SCRIPT_CONFIG_NAMES) {
      const file = join(dir, name);
      // One lstat, no exception for a missing name (the usual answer, a dozen per directory):
      // a file, a directory or a link, dangling or not, all count, as for statSafe.
      if (lstatSync(file, { throwIfNoEntry: false }) !== undefined) found.push(file);
    }
    const parent = dirname(dir);
    if (parent === dir || (until !== undefined && dir === resolve(until))) return found;
    dir = parent;
  }
}

/** False when `file` is readable and never says "rationale" (an unreadable one is left to readConfigFile's error). */
function fileMentionsRationale(file: string): boolean {
  try {
    return mentionsRationale(readFileSync(file, "utf8"));
  } catch {
    return true;
  }
}

/**
 * Reads one config file: JSON (`.json`), YAML (`.yaml`/`.yml`, via the `yaml` package loaded
 * only then) or package.json (its "rationale" key; undefined when absent). JS/TS config is
 * never loaded. An empty (or blank) JSON or YAML file reads as `{}`; an empty package.json is an error.
 */
export async function readConfigFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    // Said in words, as for a message file: a bare "EACCES" leaves the user to look it up.
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "EACCES" || code === "EPERM" ? "permission denied" : (code ?? String(error));
    throw new UsageError(`cannot read config file ${file}: ${why}`);
  }
  const extension = extname(file).toLowerCase();
  if (extension === ".yaml" || extension === ".yml") return parseYaml(text, file);
  if (extension !== ".json") {
    throw new UsageError(`unsupported config file ${file}: rationale reads JSON (.json), YAML (.yaml, .yml) or package.json only`);
  }
  return jsonConfigData(text, file);
}

/**
 * The settings in JSON config text: a package.json's "rationale" key (undefined without one),
 * or the whole document; an empty (or blank) file, or `null`, means no settings, `{}`, as an
 * empty YAML file does. Shared by the CLI and the Action, so one file never passes one and stops the other.
 */
export function jsonConfigData(text: string, file: string): unknown {
  const isPackage = basename(file) === "package.json";
  if (!isPackage) {
    assertConfigText(text, file);
    if (text.replace(/^\uFEFF/, "").trim() === "") return {};
    // null, like an empty YAML document, is no settings: discovery refused it while --config
    // read it as {}, and the schema must say one thing.
    return parseJson(text, file) ?? {};
  }
  assertNotUtf16(text, file);
  const data = parseJson(text, file, "rationale");
  if (typeof data !== "object" || data === null || !("rationale" in data)) return undefined;
  const settings = (data as Record<string, unknown>).rationale ?? {};
  // The rest of a package.json is npm's business: a Latin-1 byte in its "author" must not stop
  // every commit. Only a U+FFFD our settings hold counts, found in the file after our key (a
  // "\uFFFD" escape there is meant, and the text holds none).
  if (JSON.stringify(settings).includes("\uFFFD")) assertNoReplacement(text, file, text.indexOf('"rationale"'));
  return settings;
}

/** Whether package.json text can hold our key: one that never says "rationale" is passed over unparsed. */
export function mentionsRationale(text: string): boolean {
  return text.includes('"rationale"');
}

/**
 * Parses JSON; on a syntax error throws UsageError naming the file, line and column. A key given
 * twice in one object is an error too (JSON.parse would keep the last silently, as YAML does
 * not); with `under`, only inside that top-level key (package.json's "rationale": the rest of
 * the file is npm's business).
 */
export function parseJson(text: string, file: string, under?: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const { line, column, reason } = jsonSyntaxError(error, source);
    throw new UsageError(`${file}:${line}:${column}: invalid JSON: ${commonSlip(source, line, column) ?? reason}`);
  }
  const duplicate = findDuplicateKey(source, under);
  if (duplicate) {
    const where = duplicate.path.length > 0 ? ` in ${duplicate.path.join(".")}` : "";
    throw new UsageError(`${file}:${duplicate.line}:${duplicate.column}: key "${duplicate.key}" is given twice${where}; JSON would keep only the last, so give it once`);
  }
  return data;
}

/**
 * The JSON-with-comments habits (tsconfig, .eslintrc) JSON.parse refuses, said as such: Node's
 * "Expected property name or '}'" at a comment or after a trailing comma names no fix.
 */
function commonSlip(source: string, line: number, column: number): string | undefined {
  const lines = source.split("\n");
  const offset = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0) + column - 1;
  if (source.startsWith("//", offset) || source.startsWith("/*", offset)) {
    return "JSON has no comments; remove the comment, or write the config as .rationalerc.yaml, where # starts a comment";
  }
  const char = source[offset];
  if (char === "}" || char === "]") {
    if (source.slice(0, offset).trimEnd().endsWith(",")) return `trailing comma before "${char}"; JSON allows none, so remove it`;
  }
  return undefined;
}

async function parseYaml(text: string, file: string): Promise<unknown> {
  return parseYamlData(await loadYaml(), text, file);
}

/**
 * What is at `path`. A name longer than the file system takes is "too-long"; a path through a
 * file (`notes.txt/x`, ENOTDIR, which throwIfNoEntry does not cover) names nothing: "missing".
 */
function statSafe(path: string): "file" | "directory" | "broken-link" | "missing" | "too-long" {
  try {
    return statSync(path).isDirectory() ? "directory" : "file";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (isNameTooLong(error)) return "too-long";
    if (code === "ENOTDIR") return "missing";
    // A dangling symlink (its target moved or never checked out) is a config file gone missing.
    return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ? "broken-link" : "missing";
  }
}
