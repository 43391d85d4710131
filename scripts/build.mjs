// Builds dist/: the executable (dist/cli.cjs, linked from dist/cli.js, which loads dist/hook.cjs), the full CLI (dist/cli.mjs +
// lazy chunks), the library (dist/index.js) and type declarations.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import { mkdir, readFile, readdir, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const started = performance.now();

// Some bundled dependencies are CommonJS and call require() for Node built-ins; ESM output has
// no require, so the output file holding esbuild's require helper gets one (see withRequireShim).
// The odd names avoid clashing with bundle code.
const requireShim =
  'import { createRequire as __rationaleCreateRequire } from "node:module";\n' +
  "const require = __rationaleCreateRequire(import.meta.url);\n";

/** Whether to write dist/**.map files (`RATIONALE_SOURCEMAP=1 npm run build`, then run with --enable-source-maps). */
const sourcemap = process.env.RATIONALE_SOURCEMAP === "1" ? "linked" : false;
/** Readable function names in CPU profiles (`RATIONALE_NO_MINIFY=1 npm run build`); slower to load. */
const minify = process.env.RATIONALE_NO_MINIFY !== "1";

/** Runs a command to completion, rejecting with its output when it fails. */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} failed:\n${output}`)),
    );
  });
}

const typesBuildInfo = "node_modules/.cache/rationale/types.tsbuildinfo";

/** Emits .d.ts files for the library entry into dist/types (package.json `types` points there). */
async function buildDeclarations() {
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  // tsc trusts its build info even when the outputs were deleted; start over in that case.
  if (!existsSync(join(dist, "types/src/index.d.ts"))) await rm(join(root, typesBuildInfo), { force: true });
  return run(process.execPath, [
    tsc,
    "src/index.ts",
    "--emitDeclarationOnly",
    "--declaration",
    "--outDir", "dist/types",
    "--rootDir", ".",
    "--target", "ES2022",
    "--module", "NodeNext",
    "--moduleResolution", "NodeNext",
    "--lib", "ES2023",
    "--types", "node",
    "--strict",
    "--skipLibCheck",
    "--esModuleInterop",
    "--resolveJsonModule",
    "--isolatedModules",
    // Incremental state makes repeated builds take well under a second.
    "--incremental",
    "--tsBuildInfoFile", typesBuildInfo,
  ]);
}

/**
 * Removes the declarations of sources since deleted or renamed: tsc's incremental build writes
 * only what changed and never removes a .d.ts, so dist/types (which npm packs) kept types of
 * modules that no longer exist. Only a file whose source is gone goes, and the folders it leaves
 * empty; the directory is not cleared before tsc writes, which would cost the incremental build
 * (a full declaration emit on every build).
 */
async function removeStaleDeclarations() {
  const types = join(dist, "types");
  const entries = await readdir(types, { recursive: true, withFileTypes: true }).catch(() => []);
  const folders = new Set();
  for (const entry of entries) {
    const path = join(entry.parentPath ?? entry.path, entry.name);
    if (entry.isDirectory()) folders.add(path);
    else if (entry.name.endsWith(".d.ts") && !existsSync(join(root, relative(types, path)).replace(/\.d\.ts$/, ".ts"))) await rm(path, { force: true });
  }
  // Deepest first, so a folder emptied by its subfolders' removal goes too.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    if ((await readdir(folder)).length === 0) await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Removes the source maps an earlier `RATIONALE_SOURCEMAP=1` build left beside the bundles in
 * dist/ when this build writes none: npm would pack them, and they no longer match the bundles.
 * The chunks' maps go with the old chunks (see buildCli).
 */
async function removeStaleSourceMaps() {
  if (sourcemap) return;
  for (const name of await readdir(dist)) if (name.endsWith(".map")) await rm(join(dist, name), { force: true });
}

/** Writes a file through a temp name and rename, so a process reading it never sees half a file. */
async function writeAtomically(path, contents, mode) {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, contents, { mode });
  await rename(temp, path);
}

/**
 * Prepends the require shim to an output file that needs it: the one defining esbuild's
 * `__require` helper (its text contains "Dynamic require of"). Other files skip the
 * `node:module` import, which costs start-up time in every file that carries it.
 */
function withRequireShim(text) {
  return text.includes("Dynamic require of") ? requireShim + text : text;
}

/** esbuild options shared by the CLI and the library bundles. */
const common = {
  absWorkingDir: root,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Dependencies' "module" builds are ESM and split better than their CommonJS mains.
  mainFields: ["module", "main"],
  legalComments: "none",
  logLevel: "warning",
  sourcemap,
  write: false,
};

/**
 * Bundles the full CLI as ES modules: dist/cli.mjs (commander and the command registrars) and
 * dist/chunks/ (each command's implementation and the heavy parts: remark, yaml, audit,
 * release), loaded by dynamic import(). Other processes (hooks, tests) may be
 * running the CLI during a rebuild, so chunks are written before the entry that imports them,
 * and old chunks are removed only once they are a few minutes old; when npm runs the build to
 * pack or publish the package (`npm_command`), at once, so the tarball holds no chunk nothing loads.
 */
async function buildCli() {
  const result = await build({
    ...common,
    entryPoints: { cli: "src/cli/main.ts" },
    outdir: "dist",
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    splitting: true,
    // Node compiles every byte of a module it loads; minified code is about half the size.
    minify,
    metafile: true,
  });
  const cli = join(dist, "cli.mjs");
  const chunks = result.outputFiles.filter((file) => file.path !== cli && file.path !== `${cli}.map`);
  await mkdir(join(dist, "chunks"), { recursive: true });
  await Promise.all(chunks.map((file) => writeAtomically(file.path, file.path.endsWith(".mjs") ? withRequireShim(file.text) : file.contents)));
  for (const file of result.outputFiles.filter((file) => !chunks.includes(file))) {
    await writeAtomically(file.path, file.path === cli ? withRequireShim(file.text) : file.contents);
  }
  const current = new Set(chunks.map((file) => basename(file.path)));
  const packing = process.env.npm_command === "pack" || process.env.npm_command === "publish";
  const staleBefore = packing ? Infinity : Date.now() - 5 * 60 * 1000;
  for (const name of await readdir(join(dist, "chunks"))) {
    const path = join(dist, "chunks", name);
    if (!current.has(name) && (await stat(path)).mtimeMs < staleBefore) await rm(path, { force: true });
  }
  // Which chunk each dynamically imported module became, for buildBin.
  const chunkOf = new Map();
  for (const [path, output] of Object.entries(result.metafile.outputs)) {
    if (output.entryPoint) chunkOf.set(resolve(root, output.entryPoint), `./${relative(dist, resolve(root, path)).split(sep).join("/")}`);
  }
  return chunkOf;
}

/**
 * Leaves the `examples` of each rule out of the hook's bundle. They are the rules' documentation
 * and tests (read by the docs generator and the test suite from the sources, and by library users
 * from dist/index.js); `lint --edit` never reads them, and at about 30 KB they were an eighth of
 * what every commit's hook parses and compiles at start. The property is cut by matching its
 * braces in the source, skipping strings and template literals; a build check below makes sure
 * it is gone and the rest still parses.
 */
const withoutRuleExamples = {
  name: "without-rule-examples",
  setup(builder) {
    builder.onLoad({ filter: /[\\/]rules[\\/][^\\/]+\.ts$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      return { contents: cutProperty(source, "\n  examples: {"), loader: "ts" };
    });
  },
};

/** `source` without the object property that starts at `opening` (up to its closing brace and comma). */
function cutProperty(source, opening) {
  const start = source.indexOf(opening);
  if (start < 0) return source;
  let depth = 0;
  for (let index = start + opening.length - 1; index < source.length; index++) {
    const char = source[index];
    if (char === '"' || char === "'" || char === "`") {
      // Skip the string: an example message holds braces of its own.
      for (index++; index < source.length && source[index] !== char; index++) if (source[index] === "\\") index++;
      continue;
    }
    if (char === "{") depth++;
    else if (char === "}" && --depth === 0) {
      const end = source[index + 1] === "," ? index + 2 : index + 1;
      return `${source.slice(0, start)}\n  examples: { valid: [], invalid: [] },${source.slice(end)}`;
    }
  }
  throw new Error(`build: could not find the end of the examples in a rule (${opening.trim()})`);
}

/**
 * Put at the start of dist/hook.cjs: how it imports an ES module. On Node 20 the executable compiles
 * the bundle through `vm` to use V8's code cache (src/cli/code-cache.ts), and there `import()`
 * needs an experimental option; so the executable passes its own `import()` as a parameter, and
 * loaded by `require` the bundle uses its own.
 */
const IMPORTER = 'var __rationaleImport = typeof __rationaleLauncherImport == "function" ? __rationaleLauncherImport : (specifier) => import(specifier);';

/**
 * `code` (dist/hook.cjs) with each `import("X")` of the ES modules in `imported` (its chunks and
 * cli.mjs, all beside it in dist/) made a call of `__rationaleImport` (see IMPORTER). Fails the
 * build when one is missing or another `import(` is left: that one would break on Node 20.
 */
function importThroughLauncher(code, imported) {
  // After the "use strict" directive, which must stay first to keep the bundle strict.
  const strict = '"use strict";';
  let result = code.startsWith(strict) ? `${strict}${IMPORTER}${code.slice(strict.length)}` : `${IMPORTER}\n${code}`;
  for (const specifier of imported) {
    const call = `import(${JSON.stringify(specifier)})`;
    if (!result.includes(call)) throw new Error(`build: dist/hook.cjs has no ${call} to route through the launcher`);
    result = result.split(call).join(`__rationaleImport(${JSON.stringify(specifier)})`);
  }
  const left = result.split("import(").length - 1;
  if (left !== 1) throw new Error(`build: dist/hook.cjs has ${left - 1} import() call(s) besides its importer; route them through __rationaleImport`);
  return result;
}

/**
 * Bundles the executable's command line, dist/hook.cjs (src/cli/bin.ts), and its launcher
 * dist/cli.cjs (src/cli/launch.ts), and links dist/cli.js to the launcher. It runs
 * the commit-msg hook's `lint --edit [FILE]` itself and hands any other command line to
 * dist/cli.mjs. It is CommonJS because Node starts a CommonJS main module about 25 ms sooner
 * than an ES module (no ES module loader); Node picks the format from the link's target, so
 * `node dist/cli.js` runs it as CommonJS too. What the hook imports only for some messages or
 * configs (remark, yaml, and init's hooks module with its shell reader, for a release commit
 * without a body) stays out of it: those dynamic imports load the ES module chunks `chunkOf`
 * names, which are stateless as far as this bundle is concerned (run-lint.ts registers the
 * remark parser it gets back, and asks hooks for a boolean).
 */
async function buildBin(chunkOf) {
  const lazy = new Set([join(root, "src", "message", "remark.ts"), join(root, "src", "cli", "hooks.ts")]);
  const sharedChunk = (path) => (path.includes(`${sep}node_modules${sep}`) || lazy.has(path) ? chunkOf.get(path) : undefined);
  // The ES modules the bundle imports (see importThroughLauncher).
  const imported = new Set();
  const result = await build({
    ...common,
    entryPoints: ["src/cli/bin.ts"],
    outfile: "dist/hook.cjs",
    format: "cjs",
    minify,
    plugins: [
      withoutRuleExamples,
      {
        name: "esm-chunks",
        setup(builder) {
          builder.onResolve({ filter: /.*/ }, async (args) => {
            if (args.kind !== "dynamic-import" || args.pluginData === "resolving") return undefined;
            // bin.ts imports main.ts for every command line but the hook's: the ES module build.
            if (args.path === "./main.js" && args.importer.endsWith(join("src", "cli", "bin.ts"))) {
              imported.add("./cli.mjs");
              return { path: "./cli.mjs", external: true };
            }
            const resolved = await builder.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: "resolving" });
            if (resolved.errors.length > 0) return undefined;
            const chunk = sharedChunk(resolved.path);
            if (chunk) imported.add(chunk);
            return chunk ? { path: chunk, external: true } : undefined;
          });
        },
      },
    ],
  });
  const hook = importThroughLauncher(result.outputFiles[0].text, imported);
  // The executable itself is a few lines that run hook.cjs with its compiled code cached in a
  // private folder (src/cli/launch.ts); the cache is named by this hash of the bundle.
  const launcher = await build({
    ...common,
    entryPoints: ["src/cli/launch.ts"],
    outfile: "dist/cli.cjs",
    format: "cjs",
    minify,
    banner: { js: "#!/usr/bin/env node" },
    external: ["./hook.cjs"],
    define: { __RATIONALE_HOOK_BUILD__: JSON.stringify(createHash("sha256").update(hook).digest("hex").slice(0, 16)) },
  });
  await writeAtomically(result.outputFiles[0].path, hook);
  for (const file of launcher.outputFiles) await writeAtomically(file.path, file.contents, 0o755);
  const link = join(dist, "cli.js");
  const temp = `${link}.${process.pid}.tmp`;
  await rm(temp, { force: true });
  await symlink("cli.cjs", temp);
  await rename(temp, link);
}

/**
 * Bundles the library into the single file dist/index.js (its own pass, so the CLI's chunks
 * are not shaped by what the library shares with it). Not minified: library users read its
 * stack traces.
 */
async function buildLibrary() {
  const result = await build({ ...common, entryPoints: ["src/index.ts"], outfile: "dist/index.js" });
  await mkdir(dist, { recursive: true });
  for (const file of result.outputFiles) {
    await writeAtomically(file.path, file.path.endsWith(".js") ? withRequireShim(file.text) : file.contents);
  }
}

// The executable imports dist/cli.mjs, so it is written once that exists.
const tasks = [buildCli().then(buildBin)];
if (existsSync(join(root, "src/index.ts"))) tasks.push(buildLibrary(), buildDeclarations().then(removeStaleDeclarations));
else console.warn("build: src/index.ts is missing; skipping the library bundle");
if (existsSync(join(root, "scripts/build-action.mjs"))) {
  tasks.push(run(process.execPath, [join(root, "scripts/build-action.mjs")]).then((out) => out && process.stderr.write(out)));
}

try {
  await Promise.all(tasks);
  await removeStaleSourceMaps();
} catch (error) {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
// Progress goes to stderr: `npm pack --json` runs this as the prepare script, and anything on
// stdout would come before the JSON a release script parses.
console.error(`build: dist/ written in ${Math.round(performance.now() - started)} ms`);
