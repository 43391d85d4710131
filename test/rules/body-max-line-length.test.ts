// body-max-line-length scans the body's block structure only for long lines no cheaper exemption covers.
import { describe, expect, it } from "vitest";
import rule from "../../rules/body-max-line-length.js";
import { parseMessage } from "../../src/message/index.js";
import type { ParsedMessage } from "../../src/types.js";

/** Runs the rule on `text` and counts how often it reads the message's blocks. */
function run(text: string): { findings: number[]; blockReads: number } {
  const parsed = parseMessage(text);
  let blockReads = 0;
  const message = new Proxy(parsed, {
    get(target, key) {
      if (key === "blocks") blockReads++;
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  }) as ParsedMessage;
  const findings: number[] = [];
  rule.check({ message, options: { max: 72 }, facets: undefined as never, report: ({ span }) => findings.push(span.line) });
  return { findings, blockReads };
}

// A quote's `>` followed by a tab is one the scanner leaves to remark, so for these bodies the
// rule's block scan (blockOutline) reads `message.blocks` and shows up in blockReads.
describe("body-max-line-length", () => {
  it("leaves the block scan alone when aligned columns, a commit reference or a URL explain every long line", () => {
    const result = run(
      "Speed up status in large worktrees\n\nTest                                   before            after\n" +
        "  940b94f35c (fsmonitor: log invocation of FSMonitor hook to trace2, 2021-02-03)\n" +
        "See https://github.com/example/pager/issues/1234#issuecomment-987654321-and-more-text\n\n>\tquoted\n",
    );
    expect(result).toEqual({ findings: [], blockReads: 0 });
  });

  it("scans the blocks once a long line has no exemption of its own", () => {
    const result = run("Fix pager scroll on resize\n\nThe pager kept the old window height after a resize, so the last lines were lost.\n\n>\tquoted\n");
    expect(result.findings).toEqual([3]);
    expect(result.blockReads).toBeGreaterThan(0);
  });

  it("reads where code and lists lie without remark when only the text needs it", () => {
    // A backslash escape sends `message.blocks` to remark; the outline the rule reads does not need it.
    const result = run("Fix pager scroll on resize\n\nThe pager kept the old window height after a resize, so the \\*last\\* lines went.\n\n    pager --resize=keep-the-old-height-after-a-resize-signal-from-the-terminal\n");
    expect(result).toEqual({ findings: [3], blockReads: 0 });
  });
});
