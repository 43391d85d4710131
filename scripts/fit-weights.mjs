// Fits the judgement's two logistic models (why, what) over the cue features from a labelled CSV
// and writes src/judge/weights.ts. Usage: node --import tsx scripts/fit-weights.mjs PATH.csv [--check] [--lambda N]
// --check writes nothing; it prints two honest estimates: stratified 10-fold cross-validation and
// leave-one-project-out, both through the same decisions `judgeMessage` makes.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { parseMessage } from "../src/message/parse.ts";
import { analyze, FEATURE_NAMES } from "../src/judge/features.ts";
import { findRefs } from "../src/judge/refs.ts";
import { isJudgeableEnglish } from "../src/judge/language.ts";
import { decideFacets } from "../src/judge/index.ts";
import { readLabelledCsv, binaryMetrics } from "../src/judge/evaluate.ts";

const args = process.argv.slice(2);
const path = args.find((arg, index) => !arg.startsWith("--") && args[index - 1] !== "--lambda");
const lambdaArg = args.indexOf("--lambda");
// L2 strength (sum of squared weights times lambda/2, bias not penalised); chosen by the CV figure.
const LAMBDA = lambdaArg >= 0 ? Number(args[lambdaArg + 1]) : 0.3;
const FOLDS = 10;
if (!path || !(LAMBDA >= 0)) {
  console.error("usage: node --import tsx scripts/fit-weights.mjs PATH.csv [--check] [--lambda N]");
  process.exit(2);
}
// The paper's subset: non-atomic commits were left out of its statistics and classifiers.
const rows = readLabelledCsv(readFileSync(path, "utf8")).filter((row) => !row.nonAtomic);
const samples = rows.map((row) => {
  const message = parseMessage(row.message, { cleanup: false });
  const refs = findRefs(message, []);
  const analysis = analyze(message, refs);
  const prose = message.summary ? `${message.summary.text}\n${message.bodyText}` : "";
  // Texts judgeMessage does not score with the model (not English, empty summary) are left out of the fit.
  const modelled = isJudgeableEnglish(prose) && message.summary !== null && message.summary.text.trim() !== "";
  return { row, message, refs, analysis, modelled, x: FEATURE_NAMES.map((name) => analysis.values[name]) };
});
const DIMS = FEATURE_NAMES.length + 1; // bias first

/**
 * L2-regularised logistic regression by Newton's method (IRLS): deterministic and exact, so the
 * same data always gives the same weights. Returns [bias, ...weights].
 */
function fit(data, label, lambda = LAMBDA) {
  const w = new Array(DIMS).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const gradient = new Array(DIMS).fill(0);
    const hessian = Array.from({ length: DIMS }, () => new Array(DIMS).fill(0));
    for (const sample of data) {
      const x = [1, ...sample.x];
      let z = 0;
      for (let i = 0; i < DIMS; i++) z += w[i] * x[i];
      const p = 1 / (1 + Math.exp(-z));
      const error = p - (label(sample.row) ? 1 : 0);
      const curvature = p * (1 - p);
      for (let i = 0; i < DIMS; i++) {
        if (x[i] === 0) continue;
        gradient[i] += error * x[i];
        for (let j = 0; j < DIMS; j++) if (x[j] !== 0) hessian[i][j] += curvature * x[i] * x[j];
      }
    }
    for (let i = 1; i < DIMS; i++) {
      gradient[i] += lambda * w[i];
      hessian[i][i] += lambda;
    }
    hessian[0][0] += 1e-9;
    const step = solve(hessian, gradient);
    let largest = 0;
    for (let i = 0; i < DIMS; i++) {
      w[i] -= step[i];
      largest = Math.max(largest, Math.abs(step[i]));
    }
    if (largest < 1e-9) break;
  }
  return w;
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(matrix, vector) {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]]);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) pivot = row;
    [a[column], a[pivot]] = [a[pivot], a[column]];
    for (let row = column + 1; row < n; row++) {
      const factor = a[row][column] / a[column][column];
      if (factor === 0) continue;
      for (let k = column; k <= n; k++) a[row][k] -= factor * a[column][k];
    }
  }
  const x = new Array(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    let sum = a[row][n];
    for (let k = row + 1; k < n; k++) sum -= a[row][k] * x[k];
    x[row] = sum / a[row][row];
  }
  return x;
}

const asRecord = (w) => Object.fromEntries([["bias", w[0]], ...FEATURE_NAMES.map((name, i) => [name, w[i + 1]])]);

/** What judgeMessage would say about a sample with these weights: present unless `missing`. */
function decide(sample, model) {
  if (!sample.modelled) return { why: true, what: true };
  const facets = decideFacets(sample.message, sample.refs, sample.analysis, model);
  return { why: facets.why !== "missing", what: facets.what !== "missing" };
}

const whyLabel = (row) => row.why;
const whatLabel = (row) => row.what;
const THRESHOLDS = Array.from({ length: 25 }, (_, i) => Number((0.2 + i * 0.025).toFixed(3)));

/**
 * The threshold whose decisions give the best sum of both classes' F1 over `predictions`, after
 * averaging each point with its neighbours (±0.05): held-out curves are jagged, and a lone spike
 * is chance, not a better threshold.
 */
function bestThreshold(predictions, facet) {
  const raw = THRESHOLDS.map((threshold) => {
    const pairs = predictions.map(({ sample, model }) => ({
      actual: sample.row[facet],
      predicted: decide(sample, { ...model, whyThreshold: threshold, whatThreshold: threshold })[facet],
    }));
    const metrics = binaryMetrics(pairs);
    return metrics.missing.f1 + metrics.present.f1;
  });
  let best = { threshold: 0.5, score: -1 };
  THRESHOLDS.forEach((threshold, index) => {
    const window = raw.slice(Math.max(0, index - 2), index + 3);
    const score = window.reduce((sum, value) => sum + value, 0) / window.length;
    if (score > best.score + 1e-9) best = { threshold, score };
  });
  return best.threshold;
}

/** Fold of every sample: stratified by label, identical message texts kept in one fold. */
function assignFolds(data, folds) {
  const key = (sample) => sample.row.message.trim().replace(/\s+/g, " ").toLowerCase();
  const hash = (text) => createHash("sha256").update(`rationale-cv:${text}`).digest("hex");
  const strata = new Map();
  for (const sample of data) {
    const text = key(sample);
    const stratum = `${+sample.row.why}${+sample.row.what}`;
    if (!strata.has(stratum)) strata.set(stratum, new Map());
    const texts = strata.get(stratum);
    if (![...strata.values()].some((other) => other.has(text))) texts.set(text, hash(text));
  }
  const foldOfText = new Map();
  let offset = 0;
  for (const stratum of [...strata.keys()].sort()) {
    const texts = [...strata.get(stratum)].sort((a, b) => (a[1] < b[1] ? -1 : 1));
    texts.forEach(([text], index) => foldOfText.set(text, (index + offset) % folds));
    offset += texts.length;
  }
  return data.map((sample) => foldOfText.get(key(sample)));
}

/** Fits both models on `train`, thresholds from cross-validated predictions within `train`. */
function train(data, { calibrate = true } = {}) {
  const fitted = { whyWeights: asRecord(fit(data.filter((s) => s.modelled), whyLabel)), whatWeights: asRecord(fit(data.filter((s) => s.modelled), whatLabel)) };
  if (!calibrate) return { ...fitted, whyThreshold: 0.5, whatThreshold: 0.5 };
  const outOfFold = crossPredictions(data, FOLDS);
  return { ...fitted, whyThreshold: bestThreshold(outOfFold, "why"), whatThreshold: bestThreshold(outOfFold, "what") };
}

/** For each sample, the model fitted without its fold (thresholds left to the caller). */
function crossPredictions(data, folds) {
  const foldOf = assignFolds(data, folds);
  const predictions = [];
  for (let fold = 0; fold < folds; fold++) {
    const model = train(data.filter((_, i) => foldOf[i] !== fold), { calibrate: false });
    data.forEach((sample, i) => {
      if (foldOf[i] === fold) predictions.push({ sample, model });
    });
  }
  return predictions;
}

/** Scores held-out decisions: F1 missing why, missing what, good. */
function score(decisions) {
  const why = binaryMetrics(decisions.map(({ sample, d }) => ({ actual: sample.row.why, predicted: d.why })));
  const what = binaryMetrics(decisions.map(({ sample, d }) => ({ actual: sample.row.what, predicted: d.what })));
  const good = binaryMetrics(decisions.map(({ sample, d }) => ({ actual: sample.row.why && sample.row.what, predicted: d.why && d.what })));
  return { why, what, good };
}
const line = (name, s, count) => `  ${name.padEnd(34)} ${s.why.missing.f1.toFixed(3)}  ${s.what.missing.f1.toFixed(3)}  ${s.good.present.f1.toFixed(3)}  (${count} rows)`;

if (args.includes("--check")) {
  console.log(`lambda ${LAMBDA}; F1 missing why / missing what / good; thresholds chosen by CV inside each training set`);
  const foldOf = assignFolds(samples, FOLDS);
  const cv = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = train(samples.filter((_, i) => foldOf[i] !== fold));
    samples.forEach((sample, i) => {
      if (foldOf[i] === fold) cv.push({ sample, d: decide(sample, model) });
    });
  }
  console.log(`stratified ${FOLDS}-fold cross-validation (identical texts in one fold), pooled:`);
  console.log(line(`${FOLDS}-fold CV pooled`, score(cv), cv.length));
  if (args.includes("--errors")) {
    for (const { sample, d } of cv) {
      if (d.why === sample.row.why && d.what === sample.row.what) continue;
      const cues = FEATURE_NAMES.filter((name) => sample.analysis.values[name] > 0).join(" ");
      console.log(`    ${sample.row.id} why ${+sample.row.why}->${+d.why} what ${+sample.row.what}->${+d.what}  ${sample.row.message.split("\n")[0].slice(0, 80)}  [${cues}]`);
    }
  }
  console.log("leave one project out (fit on the other projects, test on this one):");
  const projects = [...new Set(rows.map((row) => row.project))].sort();
  const pooled = [];
  for (const project of projects) {
    const model = train(samples.filter((sample) => sample.row.project !== project));
    const decisions = samples.filter((sample) => sample.row.project === project).map((sample) => ({ sample, d: decide(sample, model) }));
    pooled.push(...decisions);
    console.log(line(project, score(decisions), decisions.length));
  }
  console.log(line("pooled held-out predictions", score(pooled), pooled.length));
  process.exit(0);
}

const round = (value) => Math.round(value * 1000) / 1000;
const render = (weights) => `{\n${Object.entries(weights).map(([name, value]) => `  ${name}: ${round(value)},`).join("\n")}\n}`;
const model = train(samples);
const source = `// Weights of the two logistic models over the cue features (see docs/judgement.md).
// Generated by scripts/fit-weights.mjs from the labelled dev split (atomic rows); do not edit by hand.
// A positive weight makes the facet more likely present; features are 0/1 (bodyChangeSentences 0-1).
// L2 strength ${LAMBDA}; thresholds chosen on ${FOLDS}-fold cross-validated predictions, not in-sample ones.

/** Why: weights per cue feature, plus the bias. */
export const WHY_WEIGHTS: Record<string, number> = ${render(model.whyWeights)};

/** What: weights per cue feature, plus the bias. */
export const WHAT_WEIGHTS: Record<string, number> = ${render(model.whatWeights)};

/** Score at or above which the facet counts as present. */
export const WHY_THRESHOLD = ${model.whyThreshold};
export const WHAT_THRESHOLD = ${model.whatThreshold};
`;
writeFileSync(new URL("../src/judge/weights.ts", import.meta.url), source);
console.log(`wrote src/judge/weights.ts (${samples.length} rows; lambda ${LAMBDA}; thresholds why ${model.whyThreshold}, what ${model.whatThreshold})`);
