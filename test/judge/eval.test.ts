// The CSV reader and the metrics behind `npm run eval`.
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/judge/csv.js";
import { binaryMetrics, readLabelledCsv } from "../../src/judge/evaluate.js";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    expect(parseCsv('id,message\r\n1,"Fix ""x"", y\n\nbody"\n2,plain\n')).toEqual([["id", "message"], ["1", 'Fix "x", y\n\nbody'], ["2", "plain"]]);
  });

  it("keeps a last row without a newline and empty fields", () => {
    expect(parseCsv("a,b\n1,")).toEqual([["a", "b"], ["1", ""]]);
  });

  it("rejects an unterminated quote", () => {
    expect(() => parseCsv('a\n"open')).toThrow(/quoted field/);
  });
});

describe("readLabelledCsv and binaryMetrics", () => {
  it("maps labels and the non-atomic flag", () => {
    const rows = readLabelledCsv('id,project,message,why,what,non_atomic\nx1,o/r,"Add X\n\nBecause Y",1,0,1\n');
    expect(rows).toEqual([{ id: "x1", project: "o/r", message: "Add X\n\nBecause Y", why: true, what: false, nonAtomic: true }]);
  });

  it("refuses a CSV without the label columns", () => {
    expect(() => readLabelledCsv("id,text\n1,hello\n")).toThrow(/message, why and what/);
  });

  it("computes precision, recall and F1 for both classes", () => {
    const pairs = [
      { actual: false, predicted: false },
      { actual: false, predicted: true },
      { actual: true, predicted: true },
      { actual: true, predicted: true },
      { actual: true, predicted: false },
    ];
    const metrics = binaryMetrics(pairs);
    expect(metrics.matrix).toEqual({ missingAsMissing: 1, missingAsPresent: 1, presentAsMissing: 1, presentAsPresent: 2 });
    expect(metrics.missing.precision).toBeCloseTo(0.5);
    expect(metrics.missing.recall).toBeCloseTo(0.5);
    expect(metrics.present.f1).toBeCloseTo(2 / 3);
    expect(metrics.accuracy).toBeCloseTo(0.6);
  });
});
