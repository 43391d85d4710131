// What `npm pack` publishes: every file the bin, the library and the types load at run time,
// nothing only this repository uses, and only dependencies the published code needs.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { builtinModules } from "node:module";
import { join, posix, sep } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

interface Manifest {
  name: string;
  bin: Record<string, string>;
  main: string;
  types: string;
  exports: Record<string, string | Record<string, string>>;
  files: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest;

/** The paths `npm pack` would put in the tarball (dist/ is built by `npm test` before this runs). */
function packedFiles(): Set<string> {
  // --ignore-scripts: no prepare (build, hook set-up); this only lists what is there.
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  const [pack] = JSON.parse(out) as { files: { path: string }[] }[];
  return new Set(pack.files.map((file) => file.path));
}

/** Relative specifiers a bundled file imports or requires (esbuild output, minified or not). */
function relativeImports(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s*)["'](\.\.?\/[^"']+)["']/g)) found.add(match[1]);
  return [...found];
}

/** Every .ts file under `dir`, recursively. */
function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** Files that code looks for with existsSync and does without (see auditWorkerUrl). */
const optional = new Set(["audit-worker.js"]);

describe("the published package", { timeout: 60_000 }, () => {
  const files = packedFiles();

  it("holds the bin, the library, its types, the schema and the license", () => {
    const entries = [
      ...Object.values(manifest.bin),
      manifest.main,
      manifest.types,
      ...Object.values(manifest.exports).flatMap((target) => (typeof target === "string" ? [target] : Object.values(target))),
      "schema/rationale.schema.json",
      "README.md",
      // package.json says MIT; the license's text travels with the code.
      "LICENSE",
    ];
    for (const entry of entries) expect(files.has(posix.normalize(entry)), `${entry} is packed`).toBe(true);
  });

  it("holds every file the packed code imports at run time", () => {
    const pending = [...files].filter((path) => /\.(c|m)?js$/.test(path) && path.startsWith("dist/"));
    expect(pending.length).toBeGreaterThan(3);
    for (const path of pending) {
      for (const specifier of relativeImports(readFileSync(join(root, path), "utf8"))) {
        if (optional.has(posix.basename(specifier))) continue;
        const target = posix.normalize(posix.join(posix.dirname(path), specifier));
        expect(files.has(target), `${path} imports ${specifier}: ${target} is packed`).toBe(true);
      }
    }
  });

  it("holds every document the CLI's messages and the README point to", () => {
    // The CLI says "see docs/scoring.md"; an installed package must have it, offline.
    const texts = [readFileSync(join(root, "README.md"), "utf8"), ...typeScriptFiles(join(root, "src")).map((path) => readFileSync(path, "utf8"))];
    const named = new Set(texts.flatMap((text) => [...text.matchAll(/\bdocs\/[\w/-]+\.md\b/g)].map((match) => match[0])));
    expect(named.size).toBeGreaterThan(3);
    for (const path of named) expect(files.has(path), `${path} is packed`).toBe(true);
  });

  it("holds every declaration file the packed declarations import", () => {
    const declarations = [...files].filter((path) => path.endsWith(".d.ts"));
    expect(declarations).toContain(posix.normalize(manifest.types));
    for (const path of declarations) {
      for (const specifier of relativeImports(readFileSync(join(root, path), "utf8"))) {
        const target = posix.normalize(posix.join(posix.dirname(path), specifier)).replace(/\.js$/, ".d.ts");
        expect(files.has(target), `${path} imports ${specifier}: ${target} is packed`).toBe(true);
      }
    }
  });

  // Node 20.19+ loads an ES module with require() unless it uses top-level await; the README
  // tells CommonJS users they can. The package is reached by name, through "exports".
  const requiresModules = (process.features as { require_module?: boolean }).require_module === true;
  if (!requiresModules) console.warn(`SKIPPED: Node ${process.version} cannot require() an ES module; the README's CommonJS example is not checked`);
  it.skipIf(!requiresModules)("loads with require() from CommonJS, as the README's Library section says", () => {
    const dir = mkdtempSync(join(tmpdir(), "rationale-require-"));
    try {
      mkdirSync(join(dir, "node_modules"));
      symlinkSync(root, join(dir, "node_modules", manifest.name), "dir");
      const script = `const { lint, UsageError } = require(${JSON.stringify(manifest.name)}); process.stdout.write(JSON.stringify([lint("Fix bug\\n").score, typeof UsageError]));`;
      const out = execFileSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      expect(JSON.parse(out)).toEqual([15, "function"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(readFileSync(join(root, "README.md"), "utf8")).toMatch(/`require\(\)` loads it on\s+Node 20\.19/);
  });

  it("exports the release errors by name through \"exports\", as docs/release.md imports them", () => {
    const dir = mkdtempSync(join(tmpdir(), "rationale-import-"));
    try {
      mkdirSync(join(dir, "node_modules"));
      symlinkSync(root, join(dir, "node_modules", manifest.name), "dir");
      const names = ["NothingToReleaseError", "EmptyRangeError", "MissingChangelogError", "MissingSectionError", "SummaryTooLongError", "TemplateProblemError", "NotARepositoryError"];
      const script = `import * as lib from ${JSON.stringify(manifest.name)}; process.stdout.write(JSON.stringify(${JSON.stringify(names)}.map((name) => typeof lib[name] === "function" && new lib[name]("x", "y") instanceof lib.UsageError)));`;
      const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      expect(JSON.parse(out)).toEqual(names.map(() => true));
      const types = readFileSync(join(root, manifest.types), "utf8");
      for (const name of names) expect(types, name).toMatch(new RegExp(`\\b${name}\\b`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves out the action bundle, sources, tests, source maps and benchmarks", () => {
    for (const path of files) {
      expect(path.startsWith("dist/action/"), `${path}: the action runs from the repository (action.yml), not from npm`).toBe(false);
      expect(/^(src|test|bench|scripts|rules)\//.test(path), `${path} is not for package users`).toBe(false);
      expect(path.endsWith(".map"), `${path} is a source map`).toBe(false);
    }
  });

  it("runs every command and the library with nothing installed beside its own files", { timeout: 60_000 }, () => {
    // What `npm i rationale-cli` puts on disk, minus @types/mdast (types only): the packed
    // files under node_modules/, with no other package anywhere Node's resolution could look.
    const dir = mkdtempSync(join(tmpdir(), "rationale-installed-"));
    expect(existsSync(join(tmpdir(), "node_modules")) || existsSync("/node_modules"), "a node_modules above the temp dir would hide a missing dependency").toBe(false);
    try {
      const installed = join(dir, "node_modules", manifest.name);
      for (const path of files) {
        mkdirSync(join(installed, posix.dirname(path)), { recursive: true });
        copyFileSync(join(root, path), join(installed, path));
      }
      const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: dir, NO_COLOR: "1" };
      for (const name of ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"]) delete env[name];
      const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env, encoding: "utf8" });
      const cli = (args: string[], input?: string) =>
        spawnSync(process.execPath, [join(installed, manifest.bin.rationale), ...args], { cwd: dir, env, encoding: "utf8", input });
      git("init", "-q", "-b", "main");
      git("config", "user.name", "Test User");
      git("config", "user.email", "test@example.com");
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", version: "1.0.0" }) + "\n");
      writeFileSync(join(dir, "CHANGELOG.md"), "## 1.0.0\n\n- First release\n");
      git("add", ".");
      git("commit", "-q", "-m", "Start the app\n\nThe team needs a place to keep the service's code and its changelog.");

      expect(cli(["--help"]).stdout).toContain("Usage: rationale");
      const linted = cli(["lint", "-"], "Fix pager\n");
      expect([linted.status, linted.stderr]).toEqual([1, ""]);
      expect(linted.stdout).toContain("FAIL");
      // YAML config (the yaml chunk), the config command (commander, the full CLI).
      writeFileSync(join(dir, ".rationalerc.yaml"), "extends: strict\n");
      expect(JSON.parse(cli(["config", "--format", "json"]).stdout)).toMatchObject({ threshold: 75 });
      // Its messages point at the installed package's docs, not at the project's own docs/.
      const configText = cli(["config"]).stdout;
      expect(configText).toContain(`the settings: ${join("node_modules", manifest.name, "docs", "configuration.md")}.`);
      expect(existsSync(join(dir, "node_modules", manifest.name, "docs", "configuration.md"))).toBe(true);
      // A release (the changelog parser) and an audit with its HTML report.
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", version: "1.1.0" }) + "\n");
      writeFileSync(join(dir, "CHANGELOG.md"), "## 1.1.0\n\n- Retry uploads that time out\n\n## 1.0.0\n\n- First release\n");
      git("add", "package.json", "CHANGELOG.md");
      const composed = cli(["release", "compose"]);
      expect([composed.status, composed.stderr]).toEqual([0, ""]);
      expect(composed.stdout).toContain("app 1.0.0 -> 1.1.0\n\n- Retry uploads that time out\n");
      const audited = cli(["audit", "--format", "html", "--output", "report.html"]);
      expect([audited.status, audited.stderr]).toEqual([0, "rationale: audited 1 commit; report written to report.html\n"]);
      expect(readFileSync(join(dir, "report.html"), "utf8")).toContain("<html");
      // The library by name, as ES module and from CommonJS.
      const imported = spawnSync(process.execPath, ["--input-type=module", "-e", `const { lint } = await import("${manifest.name}"); console.log(lint("Fix bug\\n").score);`], { cwd: dir, encoding: "utf8" });
      expect([imported.stdout, imported.stderr]).toEqual(["15\n", ""]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("depends only on the type packages its declarations name; the code bundles the rest", () => {
    // The bin, the library and their chunks are esbuild bundles: commander, yaml, remark and
    // the rest are inside them, so as dependencies they would only add some 45 packages to
    // every install. The declarations are not bundled: a package they import must come along
    // for a TypeScript user (@types/mdast, through the release module's changelog types).
    const code = [...files].filter((path) => /\.(c|m)?js$/.test(path));
    // The declarations a TypeScript user's compiler reads: the types entry and what it imports.
    const declarations = [posix.normalize(manifest.types)];
    for (const path of declarations) {
      for (const specifier of relativeImports(readFileSync(join(root, path), "utf8"))) {
        const target = posix.normalize(posix.join(posix.dirname(path), specifier)).replace(/\.js$/, ".d.ts");
        if (!declarations.includes(target)) declarations.push(target);
      }
    }
    // Block comments go first: the library bundle keeps its dependencies' JSDoc examples.
    const bare = (text: string) =>
      [...text.replace(/\/\*[\s\S]*?\*\//g, "").matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s*)["']((?:@[\w.-]+\/)?\w[\w.-]*)(?:\/[^"'\s]*)?["']/g)]
        .map((match) => match[1])
        .filter((name) => !name.startsWith("node:") && !builtinModules.includes(name));
    expect(code.length).toBeGreaterThan(3);
    for (const path of code) expect(bare(readFileSync(join(root, path), "utf8")), `${path} loads only Node built-ins and its own files`).toEqual([]);
    const typed = new Set(declarations.flatMap((path) => bare(readFileSync(join(root, path), "utf8"))));
    const typePackage = (name: string) => (name.startsWith("@types/") ? name : `@types/${name.replace(/^@([^/]+)\//, "$1__")}`);
    expect([...typed].map(typePackage).sort()).toEqual(Object.keys(manifest.dependencies).sort());
  });
});

describe("the build npm runs before packing", () => {
  it("removes chunks the new build does not load, which a plain rebuild keeps a few minutes", { timeout: 60_000 }, () => {
    const chunks = join(root, "dist", "chunks");
    const stale = join(chunks, "leftover-TESTONLY.mjs");
    const old = join(chunks, "old-TESTONLY.mjs");
    // What earlier builds wrote and this one does not: a declaration of a source since removed
    // (tsc's incremental build never deletes one) and a source map beside a bundle.
    const removedTypes = join(root, "dist", "types", "src", "removed-TESTONLY");
    const declaration = join(removedTypes, "gone.d.ts");
    const sourceMap = join(root, "dist", "leftover-TESTONLY.mjs.map");
    const build = (env: Record<string, string>) => execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    try {
      writeFileSync(stale, "export {};\n");
      writeFileSync(old, "export {};\n");
      const tenMinutesAgo = new Date(Date.now() - 10 * 60 * 1000);
      utimesSync(old, tenMinutesAgo, tenMinutesAgo);
      mkdirSync(removedTypes, { recursive: true });
      writeFileSync(declaration, "export declare const gone: number;\n");
      writeFileSync(sourceMap, "{}\n");
      // A running hook may still load the previous build's chunks: a rebuild keeps a fresh one,
      // and removes one no process started since a build minutes ago can load.
      build({ npm_command: "run-script", RATIONALE_SOURCEMAP: "" });
      expect(existsSync(stale)).toBe(true);
      expect(existsSync(old)).toBe(false);
      // No process loads declarations or maps: those go at once, with the folder left empty.
      expect([existsSync(declaration), existsSync(removedTypes), existsSync(sourceMap)]).toEqual([false, false, false]);
      expect(existsSync(join(root, "dist", "types", "src", "index.d.ts"))).toBe(true);
      // `npm pack` runs the prepare script with npm_command=pack: nothing unused may ship.
      // Its progress lines go to stderr: `npm pack --json` prints the prepare script's stdout
      // before its JSON.
      expect(build({ npm_command: "pack" })).toBe("");
      expect(existsSync(stale)).toBe(false);
      expect(readdirSync(chunks).length).toBeGreaterThan(0);
    } finally {
      for (const path of [stale, old, removedTypes, sourceMap]) rmSync(path, { recursive: true, force: true });
    }
  });

  it("keeps stdout clean in the hook set-up that follows the build", () => {
    const run = spawnSync(process.execPath, ["scripts/install-own-hook.mjs"], { cwd: root, env: { ...process.env, CI: "true" }, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("install-own-hook: CI is set; not installing the git hook\n");
  });
});
