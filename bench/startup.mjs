// Start-up benchmark: median wall time of `rationale lint --edit FILE` (the commit-msg hook) against `node -e 0`.
// Prints figures only; the target is a ratio of at most 1.6. Usage: node bench/startup.mjs [RUNS]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist", "cli.js");
const runs = Math.max(20, Number(process.argv[2]) || 30);

if (!existsSync(cli)) {
  console.error("bench/startup: dist/cli.js is missing; run `npm run build` first");
  process.exit(1);
}

// A good message with a body, as a developer would write it in the editor git opens.
const message = `Retry webhook delivery when the receiver times out

Deliveries to slow receivers were dropped after the first 10 s timeout,
so customers missed order events whenever their endpoint was busy.

Queue a timed-out delivery for up to three retries with exponential
backoff (10 s, 40 s, 160 s) and record each attempt in the delivery log.

Refs: OPS-1423
# Please enter the commit message for your changes. Lines starting
# with '#' will be ignored, and an empty message aborts the commit.
`;

const dir = mkdtempSync(join(tmpdir(), "rationale-bench-"));
const file = join(dir, "COMMIT_EDITMSG");
writeFileSync(file, message);

// The hook keeps its compiled code in $XDG_CACHE_HOME/rationale/compile-cache (docs/cli.md,
// "Start-up time"): a folder of the benchmark's own, filled by the warm-up run below.
const cachedEnv = { ...process.env, XDG_CACHE_HOME: join(dir, "cache") };
delete cachedEnv.NODE_COMPILE_CACHE;
delete cachedEnv.NODE_DISABLE_COMPILE_CACHE;
const uncachedEnv = { ...cachedEnv, NODE_DISABLE_COMPILE_CACHE: "1" };

/** Wall time of one run in milliseconds; exits when the command does not behave. */
function time(args, expectedStatus, env = cachedEnv) {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", env });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== expectedStatus) {
    console.error(`bench/startup: node ${args.join(" ")} exited ${child.status}:\n${child.stdout}${child.stderr}`);
    process.exit(1);
  }
  return elapsed;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

try {
  const lintArgs = [cli, "lint", "--edit", file];
  // Warm the file cache once so the first measured run is not an outlier.
  time(["-e", "0"], 0);
  time(lintArgs, 0);
  const baseline = [];
  const lint = [];
  const uncached = [];
  for (let i = 0; i < runs; i++) {
    baseline.push(time(["-e", "0"], 0));
    lint.push(time(lintArgs, 0));
    uncached.push(time(lintArgs, 0, uncachedEnv));
  }
  const base = median(baseline);
  const ours = median(lint);
  const cold = median(uncached);
  console.log(`runs each (alternating):           ${runs}`);
  console.log(`node -e 0 median:                  ${base.toFixed(1)} ms`);
  console.log(`rationale lint --edit FILE median: ${ours.toFixed(1)} ms`);
  console.log(`ratio:                             ${(ours / base).toFixed(2)} (target ≤ 1.6)`);
  console.log(`without the code cache:            ${cold.toFixed(1)} ms, ratio ${(cold / base).toFixed(2)} (NODE_DISABLE_COMPILE_CACHE=1: a read-only home, say)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
