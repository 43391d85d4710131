#!/usr/bin/env node
// Benchmark of `rationale audit` over the Git project's 82k-commit history against the `git log` floor.
//
//   node bench/audit.mjs [--count N] [--runs N] [--cli dist/cli.js]
//
// Builds the repository once with ../shared/bench/make-repo.mjs (cached under /tmp), then prints
// the floor (git log --format=%H%x00%B%x00 >/dev/null) and the audit's wall time as a user runs
// it (`rationale audit`: the text report, default --jobs), then with --jobs 1 and as json to
// /dev/null; for each its ratio to the floor, commits per second, peak RSS and CPU time.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const count = option("--count", "all");
const runs = Number(option("--runs", "3"));

const makeRepo = resolve(root, "../shared/bench/make-repo.mjs");
if (!existsSync(makeRepo)) {
  console.warn(`bench/audit: SKIPPED: ${makeRepo} is absent`);
  process.exit(0);
}
const cli = resolve(option("--cli", join(root, "dist/cli.js")));
if (!existsSync(cli)) {
  console.error("bench/audit: dist/cli.js is missing; run `npm run build` first");
  process.exit(1);
}

const repo = `/tmp/rationale-bench-history${count === "all" ? "" : `-${count}`}`;
if (!existsSync(join(repo, ".git"))) {
  console.log(`bench/audit: building ${repo} (once) ...`);
  const built = spawnSync(process.execPath, [makeRepo, repo, ...(count === "all" ? [] : [count])], { stdio: "inherit" });
  if (built.status !== 0) process.exit(1);
}
const commits = Number(spawnSync("git", ["rev-list", "--count", "HEAD"], { cwd: repo, encoding: "utf8" }).stdout.trim());

/** Runs a command with stdout to /dev/null; returns wall time (ms) and the stats line of the audit, if any. */
function timed(command, commandArgs, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd: repo, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env } });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`${command} ${commandArgs.join(" ")} exited ${code}: ${stderr}`));
      const stats = /rationale-audit-stats (.*)/.exec(stderr);
      resolvePromise({ ms, stats: stats ? JSON.parse(stats[1]) : null });
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const cores = availableParallelism();
console.log(`bench/audit: ${commits.toLocaleString("en-US")} commits in ${repo}; ${cores} cores; load average ${loadavg()[0].toFixed(2)}; ${runs} round(s), median shown`);
// --no-progress: on a pipe the audit would print a progress line every five seconds on stderr.
const auditArgs = (format, jobs) => [cli, "audit", "--no-progress", ...(format ? ["--format", format] : []), ...(jobs ? ["--jobs", String(jobs)] : [])];
const statsEnv = { RATIONALE_AUDIT_STATS: "1" };
const cases = [
  { label: "git log floor", command: "git", args: ["log", "--format=%H%x00%B%x00"] },
  { label: `audit (text, --jobs ${cores})`, command: process.execPath, args: auditArgs(undefined, undefined), env: statsEnv },
  { label: "audit --jobs 1", command: process.execPath, args: auditArgs(undefined, 1), env: statsEnv },
  { label: `audit --format json`, command: process.execPath, args: auditArgs("json", undefined), env: statsEnv },
  { label: "audit --format json --jobs 1", command: process.execPath, args: auditArgs("json", 1), env: statsEnv },
];
// Rounds alternate the cases so that a change in the machine's load affects them alike.
for (const c of cases) Object.assign(c, { times: [], rss: 0 });
for (let round = 0; round < runs; round++) {
  for (const c of cases) {
    const { ms, stats } = await timed(c.command, c.args, c.env);
    c.times.push(ms);
    if (stats) {
      c.rss = Math.max(c.rss, stats.maxRssBytes);
      (c.cpu ??= []).push(stats.cpuMs ?? NaN);
    }
  }
}
for (const c of cases) c.ms = median(c.times);
const [floor, ...results] = cases;

const pad = (text, width) => String(text).padEnd(width);
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`${pad("", 32)}${pad("wall", 10)}${pad("ratio", 8)}${pad("commits/s", 12)}${pad("peak RSS", 10)}CPU (audit process)`);
console.log(`${pad(floor.label, 32)}${pad(secs(floor.ms), 10)}${pad("1.00", 8)}${pad(Math.round(commits / (floor.ms / 1000)).toLocaleString("en-US"), 12)}-`);
for (const r of results) {
  const ratio = r.ms / floor.ms;
  const cpu = r.cpu ? secs(median(r.cpu)) : "-";
  console.log(
    `${pad(r.label, 32)}${pad(secs(r.ms), 10)}${pad(ratio.toFixed(2), 8)}${pad(Math.round(commits / (r.ms / 1000)).toLocaleString("en-US"), 12)}${pad(`${(r.rss / 1024 / 1024).toFixed(0)} MB`, 10)}${cpu}`,
  );
}
const best = results[0];
console.log(`load average after: ${loadavg()[0].toFixed(2)}`);
console.log(`targets: ratio <= 3 (rationale audit: ${(best.ms / floor.ms).toFixed(2)} ${best.ms / floor.ms <= 3 ? "met" : "NOT met"}), peak RSS < 250 MB (${(best.rss / 1024 / 1024).toFixed(0)} MB ${best.rss < 250 * 1024 * 1024 ? "met" : "NOT met"})`);
