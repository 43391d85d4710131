// Builds dist/: the CLI bundle (dist/cli.js + lazy chunks), the library (dist/index.js) and type declarations.
import { build } from "esbuild";
import { spawn } from "node:child_process";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { basename, dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const started = performance.now();

// Some bundled dependencies are CommonJS and call require() for Node built-ins; ESM output
// has no require, so every output file gets one. The odd names avoid clashing with bundle code.
const requireShim =
  'import { createRequire as __rationaleCreateRequire } from "node:module";\n' +
  "const require = __rationaleCreateRequire(import.meta.url);";

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

/** Writes a file through a temp name and rename, so a process reading it never sees half a file. */
async function writeAtomically(path, contents, mode) {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, contents, { mode });
  await rename(temp, path);
}

/**
 * Bundles the CLI and the library in one esbuild pass so they share chunks. Other processes
 * (hooks, tests) may be running dist/cli.js during a rebuild, so chunks are written before the
 * entry files that import them, and old chunks are removed only once they are a few minutes old.
 */
async function buildBundles() {
  const entryPoints = { cli: "src/cli/main.ts" };
  if (existsSync(join(root, "src/index.ts"))) entryPoints.index = "src/index.ts";
  else console.warn("build: src/index.ts is missing; skipping the library bundle");
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    outdir: "dist",
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Dependencies' "module" builds are ESM and split better than their CommonJS mains.
    mainFields: ["module", "main"],
    banner: { js: requireShim },
    legalComments: "none",
    logLevel: "warning",
    write: false,
  });
  const cli = join(dist, "cli.js");
  const chunks = result.outputFiles.filter((file) => file.path.startsWith(join(dist, "chunks") + sep));
  const entries = result.outputFiles.filter((file) => !chunks.includes(file));
  await mkdir(join(dist, "chunks"), { recursive: true });
  await Promise.all(chunks.map((file) => writeAtomically(file.path, file.contents)));
  for (const file of entries) {
    if (file.path === cli) await writeAtomically(cli, "#!/usr/bin/env node\n" + file.text, 0o755);
    else await writeAtomically(file.path, file.contents);
  }
  const current = new Set(chunks.map((file) => basename(file.path)));
  const staleBefore = Date.now() - 5 * 60 * 1000;
  for (const name of await readdir(join(dist, "chunks"))) {
    const path = join(dist, "chunks", name);
    if (!current.has(name) && (await stat(path)).mtimeMs < staleBefore) await rm(path, { force: true });
  }
}

const tasks = [buildBundles()];
if (existsSync(join(root, "src/index.ts"))) tasks.push(buildDeclarations());
if (existsSync(join(root, "scripts/build-action.mjs"))) {
  tasks.push(run(process.execPath, [join(root, "scripts/build-action.mjs")]).then((out) => out && process.stdout.write(out)));
}

try {
  await Promise.all(tasks);
} catch (error) {
  console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(`build: dist/ written in ${Math.round(performance.now() - started)} ms`);
