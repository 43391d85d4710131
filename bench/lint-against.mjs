// What a change costs the linter: lint() over the benchmark corpus, this working tree against
// another revision, both bundled the same way and run alternately in one process.
//
//   node bench/lint-against.mjs [REV] [--rounds N] [--every K] [--chunk C]
//
// REV (default HEAD) is built from a temporary `git worktree` into a temporary directory; the
// working tree (committed or not) is built beside it with the same esbuild options. Both
// bundles lint every K-th message of ../shared/bench/git-history.jsonl.gz (default every 2nd),
// once to warm up, then N rounds (default 5), and the median of the rounds' CPU-time ratios is
// printed: the working tree's time over REV's. Within a round the two take turns every C messages
// (default 500), the one that goes first alternating, so that a burst of load on a shared
// machine falls on both alike: a single audit moves by 5-10% with the load, and even whole passes
// run one after the other spread over 0.93-1.13 at a load of 4-6, which hid steps of 1-2%. This
// is why changes to the judgement or the rules are measured this way (docs/audit.md, "Keeping
// lint() cheap").
// With no change in src/ or rules/ against REV there is nothing to measure: it says so and exits 0.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const rounds = Number(option("--rounds", "5"));
const every = Number(option("--every", "2"));
const chunk = Number(option("--chunk", "500"));
const positional = args.filter((arg, index) => !arg.startsWith("--") && !args[index - 1]?.startsWith("--"));
const rev = positional[0] ?? "HEAD";
if (![rounds, every, chunk].every((value) => Number.isInteger(value) && value >= 1)) {
  console.error("bench/lint-against: --rounds, --every and --chunk take a whole number of at least 1");
  process.exit(2);
}

const corpus = resolve(root, "../shared/bench/git-history.jsonl.gz");
if (!existsSync(corpus)) {
  console.warn(`bench/lint-against: SKIPPED: ${corpus} is absent`);
  process.exit(0);
}
const git = (...gitArgs) => execFileSync("git", gitArgs, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
let sha;
try {
  sha = git("rev-parse", "--verify", "--end-of-options", `${rev}^{commit}`);
} catch {
  console.error(`bench/lint-against: ${rev} names no commit of this repository`);
  process.exit(2);
}
const changed = git("diff", "--name-only", sha, "--", "src", "rules");
if (changed === "") {
  console.log(`bench/lint-against: skipped: src/ and rules/ are the same as at ${rev}; name the revision to compare with: node bench/lint-against.mjs REV`);
  process.exit(0);
}

const { build } = await import("esbuild");
const scratch = mkdtempSync(join(tmpdir(), "rationale-lint-against-"));
const bundle = (from, outfile) => build({ entryPoints: [join(from, "src/index.ts")], bundle: true, platform: "node", format: "esm", outfile, logLevel: "error" });
const worktree = join(scratch, "tree");
try {
  git("worktree", "add", "--detach", "--quiet", worktree, sha);
  // The revision's sources resolve their packages from this checkout's node_modules.
  symlinkSync(join(root, "node_modules"), join(worktree, "node_modules"), "dir");
  await bundle(worktree, join(scratch, "base/index.js"));
} finally {
  try {
    git("worktree", "remove", "--force", worktree);
  } catch {
    rmSync(worktree, { recursive: true, force: true });
  }
}
await bundle(root, join(scratch, "tree/index.js"));

const base = await import(pathToFileURL(join(scratch, "base/index.js")).href);
const tree = await import(pathToFileURL(join(scratch, "tree/index.js")).href);
rmSync(scratch, { recursive: true, force: true });
const messages = gunzipSync(readFileSync(corpus))
  .toString("utf8")
  .split("\n")
  .filter((line, index) => line.trim() !== "" && index % every === 0)
  .map((line) => JSON.parse(line).message);

/** CPU milliseconds of lint() over `part` with `library`. */
function timed(library, config, part) {
  const started = process.cpuUsage();
  for (const message of part) library.lint(message, config);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}
const baseConfig = base.resolveConfig({});
const treeConfig = tree.resolveConfig({});
console.log(`bench/lint-against: ${messages.length.toLocaleString("en-US")} messages; working tree against ${rev} (${sha.slice(0, 7)}); ${rounds} round(s) after a warm-up, taking turns every ${chunk} messages`);
timed(base, baseConfig, messages);
timed(tree, treeConfig, messages);
const ratios = [];
for (let round = 0; round < rounds; round++) {
  let baseMs = 0;
  let treeMs = 0;
  for (let start = 0, turn = round; start < messages.length; start += chunk, turn++) {
    const part = messages.slice(start, start + chunk);
    // Alternate which goes first, so that neither always runs right after the other's garbage.
    if (turn % 2 === 0) {
      baseMs += timed(base, baseConfig, part);
      treeMs += timed(tree, treeConfig, part);
    } else {
      treeMs += timed(tree, treeConfig, part);
      baseMs += timed(base, baseConfig, part);
    }
  }
  ratios.push(treeMs / baseMs);
  console.log(`  round ${round + 1}: ${rev} ${baseMs.toFixed(0)} ms, working tree ${treeMs.toFixed(0)} ms, ratio ${(treeMs / baseMs).toFixed(3)}`);
}
const sorted = [...ratios].sort((a, b) => a - b);
console.log(`lint() CPU, working tree / ${rev}: median ${sorted[Math.floor(sorted.length / 2)].toFixed(3)} (${sorted[0].toFixed(3)}-${sorted.at(-1).toFixed(3)})`);
