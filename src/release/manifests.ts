// Finds the packages of a tree state and their versions: package.json (npm, pnpm and yarn
// workspaces), Cargo.toml (cargo workspaces, `version.workspace = true`) and pyproject.toml.
import { posix } from "node:path";
import { parse as parseToml } from "smol-toml";
import { loadYaml } from "../config/yaml.js";
import { describeOption } from "../message/options.js";
import { UsageError } from "../types.js";
import { matchesWorkspace } from "./glob.js";
import { jsonSyntaxError } from "../config/json-error.js";

/** Read access to one state of a repository's files (a commit, the index, a pull request's head). */
export interface TreeState {
  /** How messages name the state: `HEAD`, `the index`, `v1.2.0`. */
  label: string;
  /** Reads files by repository-relative `/` path; absent files map to null. */
  read(paths: readonly string[]): Promise<Map<string, string | null>>;
  /** Every file path in the state (used only to expand workspace globs). */
  list(): Promise<string[]>;
}

/** A package found in a state. */
export interface ManifestPackage {
  name: string;
  /** Null when the manifest declares no static version (private roots, `dynamic = ["version"]`). */
  version: string | null;
  /** Repository-relative path of the manifest. */
  manifest: string;
  /** Directory of the manifest (`""` for the repository root). */
  dir: string;
  ecosystem: "npm" | "cargo" | "python";
  /** True when pyproject.toml lists `version` in `[project] dynamic`: the build sets it (from a git tag, a file). */
  dynamicVersion?: boolean;
  /** Set when the version field holds something other than a string (`"version": 1.1`); `version` is then null. */
  invalidVersion?: InvalidVersion;
}

/** A version field that holds no string: where it is and what it holds. */
export interface InvalidVersion {
  /** The manifest holding the field (a workspace's root Cargo.toml for `version.workspace = true`). */
  file: string;
  /** The field as the user finds it: `"version"`, `[package] version`, `[workspace.package] version`. */
  field: string;
  value: unknown;
  format: "json" | "toml";
}

/**
 * What is wrong with a version field that holds no string, in the state `label`, and how to
 * write it: npm, cargo and pip refuse such a manifest, and read as no version it would make
 * a typed bump (`"version": 1.1`) silently no release.
 */
export function invalidVersionMessage(invalid: InvalidVersion, label: string): string {
  const toml = invalid.format === "toml";
  const held = toml && typeof invalid.value === "object" && invalid.value !== null && !Array.isArray(invalid.value) ? "a table" : describeOption(invalid.value);
  const assign = (version: string) => (toml ? `version = ${JSON.stringify(version)}` : `"version": ${JSON.stringify(version)}`);
  const fix =
    typeof invalid.value === "number" || typeof invalid.value === "bigint"
      ? assign(String(invalid.value))
      : `it in quotes, such as ${assign("1.2.0")}${invalid.field === "[package] version" ? ", or version.workspace = true" : ""}`;
  return `${invalid.file} ${invalid.field} in ${label} is ${held}, not a string: write ${fix}`;
}

/**
 * A state with the given files in memory; for tests and callers that fetched files themselves.
 * Throws TypeError when `files` is not a path -> text object or `label` is no string: checked
 * here, since a wrong value would otherwise surface later, inside releaseFromStates().
 */
export function memoryState(files: Record<string, string>, label = "memory"): TreeState {
  if (typeof files !== "object" || files === null || Array.isArray(files) || files instanceof Map) {
    const given = files instanceof Map ? "a Map; pass Object.fromEntries(map)" : describeOption(files);
    throw new TypeError(`memoryState() takes the files as an object of path -> text, such as { "package.json": "{...}" }, not ${given}`);
  }
  for (const [path, text] of Object.entries(files)) {
    if (typeof text !== "string") throw new TypeError(`memoryState() files[${JSON.stringify(path)}] must be the file's text, as a string, not ${describeOption(text)}`);
  }
  if (typeof label !== "string") throw new TypeError(`memoryState() label must be a string naming the state in messages, not ${describeOption(label)}`);
  return {
    label,
    read: async (paths) => new Map(paths.map((path) => [path, files[path] ?? null])),
    list: async () => Object.keys(files),
  };
}

/** Lists the root package and workspace members of every ecosystem found at the state's root. */
export async function discoverPackages(state: TreeState): Promise<ManifestPackage[]> {
  const root = await state.read(["package.json", "pnpm-workspace.yaml", "Cargo.toml", "pyproject.toml"]);
  let listing: Promise<string[]> | undefined;
  const list = (): Promise<string[]> => (listing ??= state.list());
  const found = await Promise.all([npmPackages(state, root, list), cargoPackages(state, root, list), pythonPackages(state, root, list)]);
  return found.flat();
}

type Root = Map<string, string | null>;
type Lister = () => Promise<string[]>;
type Table = Record<string, unknown>;

async function npmPackages(state: TreeState, root: Root, list: Lister): Promise<ManifestPackage[]> {
  const text = root.get("package.json");
  const workspaceYaml = root.get("pnpm-workspace.yaml");
  const manifest = text == null ? null : parseJson(text, "package.json", state);
  const patterns: string[] = [];
  const workspaces = manifest?.workspaces;
  if (Array.isArray(workspaces)) patterns.push(...workspaces.filter(isString));
  else if (isTable(workspaces) && Array.isArray(workspaces.packages)) patterns.push(...workspaces.packages.filter(isString));
  if (workspaceYaml != null) {
    const { parse: parseYaml } = await loadYaml();
    let parsed: unknown;
    try {
      parsed = parseYaml(workspaceYaml);
    } catch (error) {
      throw invalid("pnpm-workspace.yaml", "YAML", error, state);
    }
    if (isTable(parsed) && Array.isArray(parsed.packages)) patterns.push(...parsed.packages.filter(isString));
  }
  const packages: ManifestPackage[] = [];
  if (manifest) packages.push(npmPackage(manifest, "package.json"));
  const members = await memberManifests(patterns, [], "package.json", list);
  const read = await state.read(members);
  for (const path of members) {
    const memberText = read.get(path);
    if (memberText != null) packages.push(npmPackage(parseJson(memberText, path, state), path));
  }
  // A private workspace root without a version is no package; one with a version that is no string is a mistake to report.
  return packages.filter((pkg) => pkg.version !== null || pkg.invalidVersion !== undefined || pkg.manifest !== "package.json");
}

function npmPackage(manifest: Table, path: string): ManifestPackage {
  const dir = posix.dirname(path) === "." ? "" : posix.dirname(path);
  const invalid = invalidVersion(manifest, "version", { file: path, field: '"version"', format: "json" });
  return {
    name: isString(manifest.name) ? manifest.name : posix.basename(dir) || "package",
    version: isString(manifest.version) ? manifest.version : null,
    manifest: path,
    dir,
    ecosystem: "npm",
    ...(invalid ? { invalidVersion: invalid } : {}),
  };
}

/** The field `key` of `table` when it is there and holds no string. */
function invalidVersion(table: Table, key: string, where: Omit<InvalidVersion, "value">): InvalidVersion | undefined {
  return key in table && !isString(table[key]) ? { ...where, value: table[key] } : undefined;
}

async function cargoPackages(state: TreeState, root: Root, list: Lister): Promise<ManifestPackage[]> {
  const text = root.get("Cargo.toml");
  if (text == null) return [];
  const manifest = parseTomlFile(text, "Cargo.toml", state);
  const workspace = isTable(manifest.workspace) ? manifest.workspace : undefined;
  const workspaceVersion = isTable(workspace?.package) && isString(workspace.package.version) ? workspace.package.version : null;
  const inherited = isTable(workspace?.package) ? invalidVersion(workspace.package, "version", { file: "Cargo.toml", field: "[workspace.package] version", format: "toml" }) : undefined;
  const shared = { version: workspaceVersion, ...(inherited ? { invalid: inherited } : {}) };
  const packages: ManifestPackage[] = [];
  const rootPackage = cargoPackage(manifest, "Cargo.toml", shared);
  if (rootPackage) packages.push(rootPackage);
  if (workspace) {
    const members = await memberManifests(strings(workspace.members), strings(workspace.exclude), "Cargo.toml", list);
    const read = await state.read(members);
    for (const path of members) {
      const memberText = read.get(path);
      if (memberText == null) continue;
      const member = cargoPackage(parseTomlFile(memberText, path, state), path, shared);
      if (member) packages.push(member);
    }
  }
  return packages;
}

/** A cargo package; `workspace` is the root's `[workspace.package]` version, for `version.workspace = true`. */
function cargoPackage(manifest: Table, path: string, workspace: { version: string | null; invalid?: InvalidVersion }): ManifestPackage | null {
  const section = manifest.package;
  if (!isTable(section) || !isString(section.name)) return null;
  const inherits = isTable(section.version) && section.version.workspace === true;
  const version = isString(section.version) ? section.version : inherits ? workspace.version : null;
  const invalid = inherits ? workspace.invalid : invalidVersion(section, "version", { file: path, field: "[package] version", format: "toml" });
  const dir = posix.dirname(path) === "." ? "" : posix.dirname(path);
  return { name: section.name, version, manifest: path, dir, ecosystem: "cargo", ...(invalid ? { invalidVersion: invalid } : {}) };
}

async function pythonPackages(state: TreeState, root: Root, list: Lister): Promise<ManifestPackage[]> {
  const text = root.get("pyproject.toml");
  if (text == null) return [];
  const manifest = parseTomlFile(text, "pyproject.toml", state);
  const packages: ManifestPackage[] = [];
  const rootPackage = pythonPackage(manifest, "pyproject.toml");
  if (rootPackage) packages.push(rootPackage);
  const tool = isTable(manifest.tool) ? manifest.tool : {};
  const uv = isTable(tool.uv) && isTable(tool.uv.workspace) ? tool.uv.workspace : undefined;
  if (uv) {
    const members = await memberManifests(strings(uv.members), strings(uv.exclude), "pyproject.toml", list);
    const read = await state.read(members);
    for (const path of members) {
      const memberText = read.get(path);
      const member = memberText == null ? null : pythonPackage(parseTomlFile(memberText, path, state), path);
      if (member) packages.push(member);
    }
  }
  return packages;
}

function pythonPackage(manifest: Table, path: string): ManifestPackage | null {
  const project = isTable(manifest.project) ? manifest.project : {};
  const tool = isTable(manifest.tool) ? manifest.tool : {};
  const poetry = isTable(tool.poetry) ? tool.poetry : {};
  const name = isString(project.name) ? project.name : isString(poetry.name) ? poetry.name : null;
  if (name === null) return null;
  const version = isString(project.version) ? project.version : isString(poetry.version) ? poetry.version : null;
  const invalid =
    invalidVersion(project, "version", { file: path, field: "[project] version", format: "toml" }) ??
    (isString(project.version) ? undefined : invalidVersion(poetry, "version", { file: path, field: "[tool.poetry] version", format: "toml" }));
  const dir = posix.dirname(path) === "." ? "" : posix.dirname(path);
  const dynamic = version === null && Array.isArray(project.dynamic) && project.dynamic.includes("version");
  return { name, version, manifest: path, dir, ecosystem: "python", ...(dynamic ? { dynamicVersion: true } : {}), ...(invalid ? { invalidVersion: invalid } : {}) };
}

/** Paths of `fileName` in directories matching the workspace globs (never under node_modules). */
async function memberManifests(patterns: string[], exclude: string[], fileName: string, list: Lister): Promise<string[]> {
  if (patterns.length === 0) return [];
  const files = await list();
  return files
    .filter((path) => path.endsWith(`/${fileName}`) && !path.split("/").includes("node_modules"))
    .filter((path) => matchesWorkspace(posix.dirname(path), patterns, exclude))
    .sort();
}

function parseJson(text: string, path: string, state: TreeState): Table {
  // npm reads a package.json saved with a byte-order mark (as Windows editors may save it);
  // JSON.parse refuses one, and the TOML and YAML parsers already skip it.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const { line, column, reason } = jsonSyntaxError(error, source);
    throw new UsageError(`${path}:${line}:${column} in ${state.label} is not valid JSON: ${reason}`);
  }
  if (!isTable(value)) throw new UsageError(`${path} in ${state.label} is not a JSON object`);
  return value;
}

function parseTomlFile(text: string, path: string, state: TreeState): Table {
  try {
    return parseToml(text) as Table;
  } catch (error) {
    throw invalid(path, "TOML", error, state);
  }
}

function invalid(path: string, format: string, error: unknown, state: TreeState): UsageError {
  // The YAML library ends its first line with " at line L, column C:" before quoting the text.
  const reason = (error instanceof Error ? error.message.split("\n")[0] : String(error)).replace(/:$/, "");
  // "in", not the state in parentheses: the Action's labels have their own ("the head (3f5b5dd)").
  return new UsageError(`${path} in ${state.label} is not valid ${format}: ${reason}`);
}

function isTable(value: unknown): value is Table {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter(isString) : [];
}
