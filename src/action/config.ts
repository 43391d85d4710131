// Reads the configuration as data from the pull request's base commit: never from the head,
// never by running code, so a pull request cannot change the rules it is judged by.
import * as yaml from "yaml";
import type { Octokit } from "@octokit/rest";
import { CONFIG_FILE_NAMES, resolveConfig } from "../config/index.js";
import { jsonConfigData, mentionsRationale, notAConfigFile } from "../config/load.js";
import { parseYamlData } from "../config/yaml.js";
import { UsageError, type ResolvedConfig } from "../types.js";
import { readRepoEntry, type RepoEntry, type RepoRef } from "./github.js";

const CODE_EXTENSIONS = /\.(?:[cm]?[jt]sx?)$/i;

/** Throws UsageError unless `path` names a JSON or YAML file: the action never loads code. */
export function assertDataConfigPath(path: string): void {
  if (/\.(?:json|ya?ml)$/i.test(path)) return;
  const what = CODE_EXTENSIONS.test(path) ? "reads configuration as data only" : "reads JSON (.json) or YAML (.yaml, .yml) configuration only";
  throw new UsageError(`${path}: the action ${what}; use a JSON or YAML file`);
}

/**
 * Parses config text as data: JSON (`.json`; package.json contributes its "rationale" key,
 * undefined without one) or YAML (`.yaml`/`.yml`). An empty (or blank) JSON or YAML file is
 * `{}`, no settings, as the CLI reads it. Anything else, JavaScript above all, is refused with
 * a UsageError: the action never loads code.
 */
export function parseConfigText(text: string, path: string): unknown {
  if (/\.json$/i.test(path)) return jsonConfigData(text, path);
  assertDataConfigPath(path);
  return parseYamlData(yaml, text, path);
}

/** What a non-file entry is, for an error that names it. */
const ENTRY_KINDS: Record<Exclude<RepoEntry["type"], "file">, string> = {
  dir: "a directory",
  symlink: "a symlink whose target is no file in the repository",
  submodule: "a submodule",
  other: "no regular file",
};

/**
 * The resolved configuration from `path` (or the first of the CLI's config file names present at
 * the repository root) at commit `baseSha`. No file: the built-in defaults. A JavaScript or
 * TypeScript config is refused: the action never loads code. So is a directory (or other
 * non-file) with a config file's name, as the CLI refuses one: passing over it would judge by
 * other settings than the ones its name promises.
 */
export async function readBaseConfig(
  octokit: Octokit,
  ref: RepoRef,
  baseSha: string,
  path: string,
): Promise<ResolvedConfig> {
  const at = `on the base branch (commit ${baseSha.slice(0, 7)})`;
  if (path) {
    assertDataConfigPath(path);
    const entry = await readRepoEntry(octokit, ref, path, baseSha);
    if (entry === null) throw new UsageError(`${path}: no such configuration file ${at}`);
    if (entry.type !== "file") throw new UsageError(`${path} is ${ENTRY_KINDS[entry.type]} ${at}, not a config file; point the config input at a JSON or YAML file`);
    return fromBase(path, baseSha, () => {
      const data = parseConfigText(entry.text, path);
      if (data === undefined) throw new UsageError(`${path} has no "rationale" key on the base branch`);
      return resolveConfig(data, path);
    });
  }
  for (const candidate of CONFIG_FILE_NAMES) {
    const entry = await readRepoEntry(octokit, ref, candidate, baseSha);
    if (entry === null) continue;
    if (entry.type !== "file") {
      // As in the CLI's discovery: refused, but package.json (npm's name) is passed over.
      const error = notAConfigFile(candidate, candidate, `${ENTRY_KINDS[entry.type]} ${at}`, "the config input");
      if (error === null) continue;
      throw error;
    }
    // As the CLI's discovery: a package.json that never says "rationale" cannot hold our key, so
    // it is passed over unparsed, and a broken one does not stop the action while the hook passes.
    if (candidate === "package.json" && !mentionsRationale(entry.text)) continue;
    const resolved = fromBase(candidate, baseSha, () => {
      const data = parseConfigText(entry.text, candidate);
      return data === undefined ? undefined : resolveConfig(data, candidate);
    });
    if (resolved !== undefined) return resolved;
  }
  return resolveConfig({});
}

/**
 * Runs `read` on config file `file` from commit `baseSha`; a UsageError (bad syntax, invalid
 * settings) gains a line saying where the file was read. Without it, a maintainer who fixes the
 * file in the pull request that fails sees the same error again and cannot tell why.
 */
function fromBase<T>(file: string, baseSha: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const where = `${file} was read from the base branch (commit ${baseSha.slice(0, 7)}), never from the pull request: a fix made in the pull request applies once it is merged`;
    throw new UsageError(error.message, [...error.details, where]);
  }
}
