// The cue analysis: every message's feature record has the same keys, in FEATURE_NAMES order.
import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/message/parse.js";
import { analyze, FEATURE_NAMES } from "../../src/judge/features.js";
import { findRefs } from "../../src/judge/refs.js";

describe("analyze", () => {
  it("returns one fixed set of feature keys in FEATURE_NAMES order", () => {
    for (const raw of ["Fix crash because the cache was stale (#12)", "wip", "Update docs\n\nThis change moves the guide.\n\n```\ncode\n```\nFixes: #3"]) {
      const parsed = parseMessage(raw);
      const { values } = analyze(parsed, findRefs(parsed));
      expect(Object.keys(values)).toEqual([...FEATURE_NAMES]);
    }
  });

  it("counts sentences, list items and paragraphs as sentence starts, but not wrapped lines", () => {
    const sentences = (body: string) => analyze(parseMessage(`Update config\n\n${body}\n`), []).values.bodyChangeSentences;
    // "import" starts a line only because the prose is wrapped there.
    expect(sentences("The staging cluster kept running out of connections during the nightly\nimport, since each job opened its own pool.")).toBe(0);
    expect(sentences("The pool was per job. Share one pool across jobs.")).toBeGreaterThan(0);
    expect(sentences("Pools:\n- share one pool across jobs")).toBeGreaterThan(0);
    expect(sentences("Add a shared pool\nRemove the per-job pools")).toBe(2 / 3);
  });

  it("sets cues with their spans on the right lines", () => {
    const parsed = parseMessage("Fix crash in parser\n\nIt failed because the buffer was empty.");
    const analysis = analyze(parsed, []);
    expect(analysis.values.sumFixVerb).toBe(1);
    expect(analysis.values.bodyCausal).toBe(1);
    const causal = analysis.hits.find((hit) => hit.cue === "bodyCausal");
    expect(causal?.span).toMatchObject({ line: 3, column: 11 });
  });

  it("reads \"used to\" as history, not after a form of \"be\", where it is a passive of \"use\"", () => {
    const history = (body: string) => analyze(parseMessage(`Add S_IFINVALID mode\n\n${body}\n`), []).values.bodyHistory;
    expect(history("The reader used to stop at the first file.")).toBe(1);
    expect(history("We used to read the whole file.")).toBe(1);
    for (const body of ["S_IFINVALID is used to signal that no mode information is available.", "The callback can be used to add a prefix to each line.", "The constant was then used to hold the hash length.", "The option isn't used to pick a branch."]) {
      expect(history(body), body).toBe(0);
    }
  });
});
