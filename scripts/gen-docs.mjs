#!/usr/bin/env node
// Writes docs/rules/*.md and schema/rationale.schema.json from the rules; `--check` exits 1 on drift.
import { readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
// `--root=DIR` checks or writes another tree (used by the tests); default: this project.
const rootArg = process.argv.find((arg) => arg.startsWith("--root="));
const root = rootArg ? rootArg.slice("--root=".length) : join(dirname(fileURLToPath(import.meta.url)), "..");
const { generatedFiles } = await import("../src/engine/rule-docs.ts");
const check = process.argv.includes("--check");

const files = generatedFiles();
const stale = [];
for (const [path, content] of files) {
  const file = join(root, path);
  let current = null;
  try {
    current = readFileSync(file, "utf8");
  } catch {}
  if (current === content) continue;
  stale.push(path);
  if (!check) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}
// A rule that was removed or renamed leaves a page behind.
let pages = [];
try {
  pages = readdirSync(join(root, "docs/rules"));
} catch {}
for (const name of pages) {
  const path = `docs/rules/${name}`;
  if (!name.endsWith(".md") || files.has(path)) continue;
  stale.push(path);
  if (!check) rmSync(join(root, path));
}

if (check) {
  if (stale.length > 0) {
    console.error(`Generated docs are out of date: ${stale.join(", ")}. Run \`npm run docs\` and commit the result.`);
    process.exit(1);
  }
  console.log(`Generated docs are up to date (${files.size} files).`);
} else {
  console.log(stale.length > 0 ? `Updated ${stale.join(", ")}.` : `Nothing to update (${files.size} files).`);
}
