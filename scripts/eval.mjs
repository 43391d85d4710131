// Evaluates the why/what judgement against a labelled CSV (columns like the study's dev.csv).
// Usage: npm run eval -- PATH.csv [--atomic] [--by-project] [--errors]
// Run through tsx (see package.json) so it measures the TypeScript sources as they are.
import { readFileSync } from "node:fs";
import { evaluate, formatReport, predict, readLabelledCsv } from "../src/judge/evaluate.ts";

const args = process.argv.slice(2);
const flags = new Set(args.filter((arg) => arg.startsWith("--")));
const known = new Set(["--atomic", "--by-project", "--errors"]);
const unknown = [...flags].filter((flag) => !known.has(flag));
const paths = args.filter((arg) => !arg.startsWith("--"));
if (paths.length !== 1 || unknown.length > 0) {
  console.error(`usage: npm run eval -- PATH.csv [--atomic] [--by-project] [--errors]${unknown.length ? ` (unknown option ${unknown.join(", ")})` : ""}`);
  process.exit(2);
}

let rows;
try {
  rows = readLabelledCsv(readFileSync(paths[0], "utf8"));
} catch (error) {
  console.error(`cannot read ${paths[0]}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
if (flags.has("--atomic")) rows = rows.filter((row) => !row.nonAtomic);

console.log(formatReport(flags.has("--atomic") ? `${paths[0]}, atomic rows only` : `${paths[0]}, all rows`, evaluate(rows)));

if (flags.has("--by-project")) {
  const projects = [...new Set(rows.map((row) => row.project))].sort();
  console.log("\nper project: F1 missing why / missing what / good");
  for (const project of projects) {
    const report = evaluate(rows.filter((row) => row.project === project));
    console.log(`  ${project.padEnd(32)} ${report.why.missing.f1.toFixed(3)}  ${report.what.missing.f1.toFixed(3)}  ${report.good.present.f1.toFixed(3)}  (${report.rows} rows)`);
  }
}

if (flags.has("--errors")) {
  console.log("\nmisjudged rows (label -> prediction):");
  for (const row of rows) {
    const prediction = predict(row.message);
    if (prediction.why === row.why && prediction.what === row.what) continue;
    const { judgement } = prediction;
    const summary = row.message.split("\n")[0].slice(0, 90);
    console.log(`  ${row.id}  why ${+row.why}->${+prediction.why} (${judgement.why}, ${judgement.scores?.why.toFixed(2)})  what ${+row.what}->${+prediction.what} (${judgement.what}, ${judgement.scores?.what.toFixed(2)})  ${summary}  [${(judgement.cues ?? []).join(" ")}]`);
  }
}
