// Measures the judgement against human why/what labels (CSV like the study's dev split).
import { parseMessage } from "../message/parse.js";
import { parseCsvRecords } from "./csv.js";
import { judgeMessageDetailed, type Judgement } from "./index.js";

/** One labelled message. */
export interface LabelledMessage {
  id: string;
  project: string;
  message: string;
  why: boolean;
  what: boolean;
  nonAtomic: boolean;
}

/** Confusion counts and scores for one binary label. `missing` is the negative label (0). */
export interface BinaryMetrics {
  /** Rows: actual; columns: predicted. */
  matrix: { missingAsMissing: number; missingAsPresent: number; presentAsMissing: number; presentAsPresent: number };
  missing: { precision: number; recall: number; f1: number };
  present: { precision: number; recall: number; f1: number };
  accuracy: number;
}

/** Results for why, what and good over a set of rows. */
export interface EvalReport {
  rows: number;
  why: BinaryMetrics;
  what: BinaryMetrics;
  good: BinaryMetrics;
}

/** Reads labelled rows from CSV text with columns message, why, what (and optional id, project, non_atomic). */
export function readLabelledCsv(text: string): LabelledMessage[] {
  const records = parseCsvRecords(text);
  if (records.length > 0 && !("message" in records[0] && "why" in records[0] && "what" in records[0])) {
    throw new Error("CSV needs the columns message, why and what");
  }
  return records.map((record, index) => ({
    id: record.id || String(index + 1),
    project: record.project ?? "",
    message: record.message,
    why: record.why.trim() === "1",
    what: record.what.trim() === "1",
    nonAtomic: (record.non_atomic ?? "").trim() === "1",
  }));
}

/** The prediction for one message in the study's terms: present unless the facet is `missing`. */
export interface Prediction {
  why: boolean;
  what: boolean;
  judgement: Judgement;
}

/** Judges a labelled message as the study's classifiers did: text as stored, no cleanup. */
export function predict(message: string): Prediction {
  const parsed = parseMessage(message, { cleanup: false });
  const judgement = judgeMessageDetailed(parsed, { projectKeys: [] });
  // Text the English cues cannot judge is not counted against it.
  if (judgement.judged === false) return { why: true, what: true, judgement };
  return { why: judgement.why !== "missing", what: judgement.what !== "missing", judgement };
}

/** Scores predictions against labels. */
export function binaryMetrics(pairs: readonly { actual: boolean; predicted: boolean }[]): BinaryMetrics {
  const matrix = { missingAsMissing: 0, missingAsPresent: 0, presentAsMissing: 0, presentAsPresent: 0 };
  for (const { actual, predicted } of pairs) {
    if (!actual && !predicted) matrix.missingAsMissing++;
    else if (!actual && predicted) matrix.missingAsPresent++;
    else if (actual && !predicted) matrix.presentAsMissing++;
    else matrix.presentAsPresent++;
  }
  const scores = (tp: number, fp: number, fn: number) => {
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { precision, recall, f1 };
  };
  const total = pairs.length;
  return {
    matrix,
    missing: scores(matrix.missingAsMissing, matrix.presentAsMissing, matrix.missingAsPresent),
    present: scores(matrix.presentAsPresent, matrix.missingAsPresent, matrix.presentAsMissing),
    accuracy: total === 0 ? 0 : (matrix.missingAsMissing + matrix.presentAsPresent) / total,
  };
}

/** Evaluates the judgement on labelled rows. */
export function evaluate(rows: readonly LabelledMessage[]): EvalReport {
  const why: { actual: boolean; predicted: boolean }[] = [];
  const what: { actual: boolean; predicted: boolean }[] = [];
  const good: { actual: boolean; predicted: boolean }[] = [];
  for (const row of rows) {
    const prediction = predict(row.message);
    why.push({ actual: row.why, predicted: prediction.why });
    what.push({ actual: row.what, predicted: prediction.what });
    good.push({ actual: row.why && row.what, predicted: prediction.why && prediction.what });
  }
  return { rows: rows.length, why: binaryMetrics(why), what: binaryMetrics(what), good: binaryMetrics(good) };
}

/** Renders a report as plain text tables. */
export function formatReport(title: string, report: EvalReport): string {
  const lines = [`${title} (${report.rows} rows)`];
  const number = (value: number) => value.toFixed(3);
  const labels = { why: ["missing why", "has why"], what: ["missing what", "has what"], good: ["needs improvement", "good"] } as const;
  for (const facet of ["why", "what", "good"] as const) {
    const metrics = report[facet];
    const [missingName, presentName] = labels[facet];
    const { matrix } = metrics;
    lines.push(
      "",
      `${facet}  (rows: labelled; columns: predicted)`,
      `  ${"".padEnd(18)} ${missingName.padStart(18)} ${presentName.padStart(18)}`,
      `  ${missingName.padEnd(18)} ${String(matrix.missingAsMissing).padStart(18)} ${String(matrix.missingAsPresent).padStart(18)}`,
      `  ${presentName.padEnd(18)} ${String(matrix.presentAsMissing).padStart(18)} ${String(matrix.presentAsPresent).padStart(18)}`,
      `  ${"class".padEnd(18)} ${"precision".padStart(10)} ${"recall".padStart(10)} ${"F1".padStart(10)}`,
      `  ${missingName.padEnd(18)} ${number(metrics.missing.precision).padStart(10)} ${number(metrics.missing.recall).padStart(10)} ${number(metrics.missing.f1).padStart(10)}`,
      `  ${presentName.padEnd(18)} ${number(metrics.present.precision).padStart(10)} ${number(metrics.present.recall).padStart(10)} ${number(metrics.present.f1).padStart(10)}`,
      `  accuracy ${number(metrics.accuracy)}`,
    );
  }
  return lines.join("\n");
}
