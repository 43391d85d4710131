// What `npm pack` publishes: every file the bin, the library and the types load at run time,
// nothing only this repository uses, and only dependencies the published code needs.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

  it("leaves out the action bundle, sources, tests, source maps and benchmarks", () => {
    for (const path of files) {
      expect(path.startsWith("dist/action/"), `${path}: the action runs from the repository (action.yml), not from npm`).toBe(false);
      expect(/^(src|test|bench|scripts|rules)\//.test(path), `${path} is not for package users`).toBe(false);
      expect(path.endsWith(".map"), `${path} is a source map`).toBe(false);
    }
  });

  it("depends at run time only on packages code outside the action imports", () => {
    // The action's dependencies are bundled into the committed dist/action/index.js, which is
    // not published; as runtime dependencies they would only weigh on every install (and
    // @octokit's content-type wants Node 22, failing `--engine-strict` installs on Node 20).
    const action = join(root, "src", "action") + sep;
    const published = [...typeScriptFiles(join(root, "src")), ...typeScriptFiles(join(root, "rules"))].filter((path) => !path.startsWith(action));
    const imported = new Set<string>();
    for (const path of published) {
      // `from "name"`, `from "name/sub"`, `import("name")`: a package's name is its first
      // segment, or its first two for a scoped one.
      for (const match of readFileSync(path, "utf8").matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["']((?:@[^/"']+\/)?[^./"'][^/"']*)/g)) imported.add(match[1]);
    }
    expect(imported.size).toBeGreaterThan(3);
    for (const name of Object.keys(manifest.dependencies)) {
      expect(imported.has(name), `dependency ${name} is imported outside src/action/`).toBe(true);
    }
  });
});

describe("the build npm runs before packing", () => {
  it("removes chunks the new build does not load, which a plain rebuild keeps a few minutes", { timeout: 60_000 }, () => {
    const chunks = join(root, "dist", "chunks");
    const stale = join(chunks, "leftover-TESTONLY.mjs");
    const build = (env: Record<string, string>) => execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    try {
      writeFileSync(stale, "export {};\n");
      // A running hook may still load the previous build's chunks: a rebuild keeps a fresh one.
      build({ npm_command: "run-script" });
      expect(existsSync(stale)).toBe(true);
      // `npm pack` runs the prepare script with npm_command=pack: nothing unused may ship.
      // Its progress lines go to stderr: `npm pack --json` prints the prepare script's stdout
      // before its JSON.
      expect(build({ npm_command: "pack" })).toBe("");
      expect(existsSync(stale)).toBe(false);
      expect(readdirSync(chunks).length).toBeGreaterThan(0);
    } finally {
      rmSync(stale, { force: true });
    }
  });

  it("keeps stdout clean in the hook set-up that follows the build", () => {
    const run = spawnSync(process.execPath, ["scripts/install-own-hook.mjs"], { cwd: root, env: { ...process.env, CI: "true" }, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("install-own-hook: CI is set; not installing the git hook\n");
  });
});
