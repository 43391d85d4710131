// A summary that orders a malfunction away names the problem, as "Fix the crash …" does.
import { describe, expect, it } from "vitest";
import { avertedProblem } from "../../src/judge/averted.js";
import { judgeMessage } from "../../src/judge/index.js";
import { parseMessage } from "../../src/message/parse.js";

/** The malfunction avertedProblem finds in `core`, as text, or null. */
function averted(core: string): string | null {
  const found = avertedProblem(core);
  return found === null ? null : core.slice(found[0], found[1]);
}

describe("avertedProblem", () => {
  it("finds the malfunction an averting order names", () => {
    expect(averted("Avoid a crash if realloc returns a different pointer.")).toBe("crash");
    expect(averted("do not leak commit list")).toBe("leak");
    expect(averted("prevent buffer overrun")).toBe("buffer overrun");
    expect(averted("Prevent git-upload-pack segfault if object cannot be found")).toBe("segfault");
    expect(averted("avoid signed integer overflow")).toBe("integer overflow");
    expect(averted("Ensure we don't crash on null header values.")).toBe("crash");
    expect(averted("Don't dereference a strdup-returned NULL")).toBe("dereference a strdup-returned NULL");
    expect(averted("do not dump core with unmerged index.")).toBe("dump core");
    expect(averted("Avoid a divide by zero if there's no messages to send.")).toBe("divide by zero");
    expect(averted("Avoid gcc warning in diff-stages.c")).toBe("gcc warning");
    expect(averted("squelch compiler warnings.")).toBe("warnings");
  });

  it("finds none in an order that names no malfunction, or past a clause's start", () => {
    expect(averted("Avoid calling fstat for every imported file")).toBeNull();
    expect(averted("Do not use memcmp(sha1_1, sha1_2, 20) with hardcoded length.")).toBeNull();
    expect(averted("do not die on a missing file")).toBeNull();
    expect(averted("Avoid restarting the crash-reporter")).toBeNull();
    expect(averted("Avoid the lookup when the cache may crash")).toBeNull();
    expect(averted("Handle a crash in the loader")).toBeNull();
    expect(averted("Silence the bell")).toBeNull();
  });

  it("reads a negation as denying the verb right after it, not one further on", () => {
    expect(averted("Never crash on startup")).toBe("crash");
    expect(averted("No longer leak memory in the parser")).toBe("leak");
    expect(averted("Do not print warnings for missing files")).toBe("warnings");
    // The negation denies counting, suppressing, hiding or stopping: the malfunction is their object.
    expect(averted("Do not count leaks as errors")).toBeNull();
    expect(averted("Don't suppress warnings")).toBeNull();
    expect(averted("Do not silence warnings in CI")).toBeNull();
    expect(averted("Do not hide crashes from the user")).toBeNull();
    expect(averted("Don't log a crash as a warning")).toBeNull();
  });

  it("finds none where the malfunction is observed, modifies another noun, or is asked about", () => {
    expect(averted("Avoid logging a crash twice")).toBeNull();
    expect(averted("Avoid reporting leaks twice")).toBeNull();
    expect(averted("Stop crash reports from being sent")).toBeNull();
    expect(averted("Do not stop the crash handler")).toBeNull();
    expect(averted("Prevent users from seeing crash dialogs")).toBeNull();
    expect(averted("Do not hang up the connection early")).toBeNull();
    expect(averted("Do not crash?")).toBeNull();
    // A malfunction after a modifier of the same kind is still found.
    expect(averted("Avoid a crash handler crash on exit")).toBe("crash");
  });
});

describe("a summary that averts a malfunction", () => {
  it("names the problem: why is named, pointing at the malfunction", () => {
    const facets = judgeMessage(parseMessage("merge-base: do not leak commit list\n\nSigned-off-by: A U Thor <author@example.com>\n"));
    expect(facets.why).toBe("named");
    expect(facets.evidence?.why).toEqual([{ line: 1, column: 20, endLine: 1, endColumn: 24 }]);
    expect(judgeMessage(parseMessage("Avoid a crash if realloc returns a different pointer.\n")).why).toBe("named");
  });

  it("leaves a reason the body gives explained, and an order of no malfunction missing", () => {
    expect(judgeMessage(parseMessage("Avoid a crash if realloc moves the block\n\nThe old pointer was used after realloc() returned a new one, because the\ncaller kept a copy.\n")).why).toBe("explained");
    expect(judgeMessage(parseMessage("Avoid calling fstat for every imported file\n")).why).toBe("missing");
    // A revert's summary quotes the reverted commit's.
    expect(judgeMessage(parseMessage('Revert "Avoid a crash in the loader"\n\nThis reverts commit 1234567890abcdef1234567890abcdef12345678.\n')).why).not.toBe("named");
  });
});
