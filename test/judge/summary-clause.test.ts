// A summary's relative clause on what its order acts on: a reason, or the object's old value.
import { describe, expect, it } from "vitest";
import { summaryStateClause } from "../../src/judge/summary-clause.js";
import { lint } from "../../src/lint.js";

/** The clause summaryStateClause reads in `core` (an order first), or null. */
function clause(core: string): string | null {
  const span = summaryStateClause(core, true);
  return span === null ? null : core.slice(span[0], span[1]);
}

describe("summaryStateClause", () => {
  it("reads no clause that only gives the object's old value before the summary goes on", () => {
    expect(clause("Change the default, which was 10, to 20")).toBeNull();
    expect(clause("Set the timeout, which was 30 seconds, to 60")).toBeNull();
    expect(clause("Raise the limit, which was previously 4KiB, to 64KiB")).toBeNull();
    expect(clause('Rename the flag, which was "--quiet", to "--silent"')).toBeNull();
    expect(clause("Rename the flag, which was `-q`, to `-s`")).toBeNull();
    expect(clause("Flip the option, which was true, to false")).toBeNull();
  });

  it("reads a clause that says how the object is, or one that ends the summary", () => {
    expect(clause("Move the cache, which is slow, to disk")).toBe("which is slow, to disk");
    expect(clause("Change the default, which was 10 and too low, to 20")).toBe("which was 10 and too low, to 20");
    expect(clause("Drop the limit, which was 10")).toBe("which was 10");
    expect(clause("Reorganize the AssertTest, which had grown unwieldy")).toBe("which had grown unwieldy");
  });

  it("reads a value clause as the object's state when no new value follows it", () => {
    expect(clause("Replace the default, which was 10, with 20")).toBeNull();
    expect(clause("Raise the limit, which was 4 KiB, by 60 KiB")).toBeNull();
    expect(clause("Initialize the cache pointer, which is null, on first use")).toBe("which is null, on first use");
    expect(clause("Guard the handle, which is null, in shutdown")).toBe("which is null, in shutdown");
    expect(lint("Initialize the cache pointer, which is null, on first use\n\nThe pointer lives in cache.c.\n").facets.why).toBe("explained");
  });

  it("reads a clause of a malfunction as how the object is, not after a verb that builds", () => {
    expect(clause("Drop the pool, which leaks on exit")).toBe("which leaks on exit");
    expect(clause("Replace the parser, which crashed on empty input")).toBe("which crashed on empty input");
    expect(clause("Add a pool, which fails on exit")).toBeNull();
    expect(clause("Rework the option parser, which lists the flags")).toBeNull();
  });

  it("reads no malfunction in a \"fails\" that is the object's job", () => {
    expect(clause("Rename the check, which fails the build on warnings, to strict-lint")).toBeNull();
    expect(clause("Extend the test, which fails without the fix")).toBeNull();
    expect(clause("Keep the hook, that fails any commit without a sign-off")).toBeNull();
    expect(clause("Replace the parser, which fails on empty input")).toBe("which fails on empty input");
    expect(clause("Rework the loader, which fails when the cache is cold")).toBe("which fails when the cache is cold");
    expect(clause("Rewrite the job, which failed twice last week")).toBe("which failed twice last week");
  });

  it("lint() asks for the why of an old value's change, not of a clause that gives one", () => {
    const body = "\n\nThe count is read from config/defaults.json at start.\n";
    const value = lint(`Change the default retry count, which was 10, to 20${body}`);
    expect(value.facets.why).toBe("missing");
    expect(value.findings.map((finding) => finding.ruleId)).toContain("body-why");
    const state = lint(`Move the session cache, which is slow, to disk${body}`);
    expect(state.facets.why).toBe("explained");
    expect(state.findings.map((finding) => finding.ruleId)).not.toContain("body-why");
    const leak = lint(`Drop the worker pool, which leaks on exit${body}`);
    expect(leak.facets.why).toBe("explained");
    expect(leak.findings.map((finding) => finding.ruleId)).not.toContain("body-why");
  });
});
