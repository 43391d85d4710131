// Runs every benchmark in bench/ (each bench/*.mjs except this one) in turn; `npm run bench` calls it.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const self = basename(fileURLToPath(import.meta.url));
const benches = readdirSync(here)
  .filter((name) => name.endsWith(".mjs") && name !== self)
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n== bench/${name}`);
  const { status, signal } = spawnSync(process.execPath, [join(here, name), ...process.argv.slice(2)], {
    stdio: "inherit",
    cwd: join(here, ".."),
  });
  if (status !== 0) {
    failed++;
    console.log(`bench/${name} exited with ${signal ?? status}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
