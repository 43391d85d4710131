// Changelog benchmark: median time to compose a release message from generated changelogs of
// 10, 100 and 1,000 releases (10 entries each) in three dialects, as a ratio to the 10-release
// compose of the same dialect in the same run. Composing reads one section, so the time should
// grow far slower than the file (a ratio near 1, never near the size ratio); a super-linear
// parse of the whole file (remark on a 1,000-release file takes minutes) shows at once.
// Prints figures only.
//
//   node bench/changelog.mjs [--runs N] [--sizes 10,100,1000] [--big N] [--lib dist/index.js]
//
// --big N adds a conventional-changelog file of N releases (default 3700, about 7.8 MB; 0 skips).
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const runs = Math.max(1, Number(option("--runs", "5")));
const sizes = option("--sizes", "10,100,1000").split(",").map(Number);
const big = Number(option("--big", "3700"));
const lib = resolve(root, option("--lib", "dist/index.js"));
if (!existsSync(lib)) {
  console.error(`bench/changelog: ${lib} is missing; run \`npm run build\` first`);
  process.exit(1);
}
const { composeReleaseMessage } = await import(pathToFileURL(lib).href);

const entries = 10;
const dialects = {
  // changesets: `## 1.2.0`, `### Minor Changes`, `- abc1234: text` entries.
  changesets(releases) {
    const out = ["# @acme/widgets", ""];
    for (let r = releases; r >= 1; r--) {
      out.push(`## 1.${r}.0`, "", "### Minor Changes", "");
      for (let e = 0; e < entries; e++) out.push(`- ${(r * 1000 + e).toString(16).padStart(7, "0")}: Change ${e} of release ${r}, with \`code\` and a [link](https://example.com/${r}/${e})`);
      out.push("");
    }
    return { text: out.join("\n"), newest: `1.${releases}.0`, oldest: "1.1.0" };
  },
  // conventional-changelog: linked headings, groups, `* **scope:** text ([hash](url))`, patch releases as `###`.
  conventional(releases) {
    const out = ["# Changelog", ""];
    for (let r = releases; r >= 1; r--) {
      const heading = r % 3 === 0 ? "###" : "##";
      out.push(`${heading} [${r}.0.0](https://github.com/o/r/compare/v${r - 1}.0.0...v${r}.0.0) (2024-03-18)`, "", "", "### Features", "");
      for (let e = 0; e < entries; e++) out.push(`* **scope${e}:** feature ${e} of ${r} ([abc${e}${r}](https://github.com/o/r/commit/abc${e}${r})), closes [#${r}${e}](https://github.com/o/r/issues/${r}${e})`);
      out.push("", "### Bug Fixes", "");
      for (let e = 0; e < entries; e++) out.push(`* **cli:** fix ${e} ([def${e}](https://github.com/o/r/commit/def${e}))`);
      out.push("");
    }
    return { text: out.join("\n"), newest: `${releases}.0.0`, oldest: "1.0.0" };
  },
  // Keep a Changelog: `## [1.2.0] - date`, entries with `[#41]` references, all definitions at the bottom.
  keepAChangelog(releases) {
    const out = ["# Changelog", "", "## [Unreleased]", ""];
    for (let r = releases; r >= 1; r--) {
      out.push(`## [1.${r}.0] - 2024-03-18`, "", "### Fixed", "");
      for (let e = 0; e < entries; e++) out.push(`- Fix ${e} of release ${r} ([#${r}${e}])`);
      out.push("");
    }
    for (let r = releases; r >= 1; r--) out.push(`[1.${r}.0]: https://github.com/o/r/compare/v1.${r - 1}.0...v1.${r}.0`);
    for (let r = releases; r >= 1; r--) for (let e = 0; e < entries; e++) out.push(`[#${r}${e}]: https://github.com/o/r/issues/${r}${e}`);
    return { text: `${out.join("\n")}\n`, newest: `1.${releases}.0`, oldest: "1.1.0" };
  },
};

/** Median wall time (ms) of composing `version`'s message from `text`, after one warm-up run. */
function time(text, version) {
  const compose = () => composeReleaseMessage({ packages: [{ name: "pkg", from: "0.0.1", to: version, changelog: { file: "CHANGELOG.md", text } }] });
  compose();
  const times = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    compose();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const rows = [];
for (const [name, make] of Object.entries(dialects)) {
  let baseline;
  for (const releases of sizes) {
    const { text, newest, oldest } = make(releases);
    const newestMs = time(text, newest);
    baseline ??= { releases, ms: newestMs, bytes: text.length };
    const oldestMs = releases === sizes[0] ? undefined : time(text, oldest);
    rows.push({ name, releases, bytes: text.length, newestMs, oldestMs, baseline });
  }
}
if (big > 0) {
  const { text, newest } = dialects.conventional(big);
  const baseline = rows.find((row) => row.name === "conventional")?.baseline;
  rows.push({ name: "conventional", releases: big, bytes: text.length, newestMs: time(text, newest), baseline });
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
console.log(`bench/changelog: compose from generated changelogs (${entries} entries a release), median of ${runs} runs`);
console.log("dialect          releases     size   newest ms   ratio   oldest ms   ratio   size ratio");
for (const row of rows) {
  const ratio = (ms) => (ms === undefined ? "" : (ms / row.baseline.ms).toFixed(2));
  console.log(
    [
      row.name.padEnd(15),
      String(row.releases).padStart(9),
      mb(row.bytes).padStart(9),
      row.newestMs.toFixed(1).padStart(11),
      ratio(row.newestMs).padStart(7),
      (row.oldestMs === undefined ? "" : row.oldestMs.toFixed(1)).padStart(11),
      ratio(row.oldestMs).padStart(7),
      (row.bytes / row.baseline.bytes).toFixed(0).padStart(12),
    ].join(" "),
  );
}
console.log(`ratios: to composing the ${sizes[0]}-release file's newest section in the same dialect; "size ratio" is the file's size to that file's`);
