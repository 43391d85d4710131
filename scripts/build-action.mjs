// Bundles the GitHub Action (src/action/main.ts) into one committed file, dist/action/index.js.
// Usage: node scripts/build-action.mjs [--outfile PATH]   (tests build into a temp dir to detect staleness)
import { build } from "esbuild";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

// Octokit is ESM-only, so the bundle is ESM (the repository's package.json says "type": "module");
// a few bundled CommonJS dependencies call require() for Node built-ins, which ESM lacks.
const requireShim =
  'import { createRequire as __rationaleCreateRequire } from "node:module";\n' +
  "const require = __rationaleCreateRequire(import.meta.url);";

/** Builds the action bundle into `outfile` (default dist/action/index.js). Output is deterministic. */
export async function buildAction(outfile = join(root, "dist", "action", "index.js")) {
  await build({
    absWorkingDir: root,
    entryPoints: ["src/action/main.ts"],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    // Runners use node24; node20 is the oldest Node the project supports, and the tests run on it.
    target: "node20",
    mainFields: ["module", "main"],
    banner: { js: "// rationale GitHub Action bundle, built by scripts/build-action.mjs from src/action/main.ts. Do not edit.\n" + requireShim },
    legalComments: "none",
    minify: true,
    charset: "utf8",
    logLevel: "warning",
  });
  return outfile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const at = process.argv.indexOf("--outfile");
  const outfile = at >= 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : undefined;
  try {
    const written = await buildAction(outfile);
    console.log(`build-action: ${written.startsWith(root) ? written.slice(root.length + 1) : written} written`);
  } catch (error) {
    console.error(`build-action failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
