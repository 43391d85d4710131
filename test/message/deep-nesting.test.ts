// Quotes and lists nested far deeper than any message: a result, quickly, on every path.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lint } from "../../src/lint.js";
import { parseMessage } from "../../src/message/parse.js";
import { scanBlocks } from "../../src/message/blocks.js";
import { blocksFromRemark } from "../../src/message/remark.js";
import { assertBuilt, cli } from "../cli/helpers.js";

const SUMMARY = "Fix the pager\n\n";
/** Bodies that overflowed the stack (RangeError) or took seconds to a minute in remark. */
const DEEP: Record<string, string> = {
  "quote and list markers, 830 deep on one line": "> - ".repeat(830) + "x\n",
  "list markers, 20,000 on one line": "- ".repeat(20_000) + "x\n",
  "ordered markers, 20,000 on one line": "1. ".repeat(20_000) + "x\n",
  "quote markers, 50,000 on one line": "> ".repeat(50_000) + "x\n",
  "lists nested by indentation, 1,000 lines": Array.from({ length: 1000 }, (_, i) => `${" ".repeat(2 * i)}- x`).join("\n") + "\n",
};

describe("deeply nested quotes and lists", () => {
  for (const [name, body] of Object.entries(DEEP)) {
    it(`lints ${name} without overflowing the stack`, () => {
      const result = lint(SUMMARY + body);
      expect(result.kind).toBe("normal");
      // The body gives no reason, whatever its shape.
      expect(result.findings.map((finding) => finding.ruleId)).toContain("body-why");
    });
  }

  it("leaves list items past 32 levels unopened and says so", () => {
    const nested = (levels: number) => parseMessage(SUMMARY + Array.from({ length: levels }, (_, i) => `${" ".repeat(2 * i)}- x`).join("\n") + "\n").body;
    const depth = (blocks: ReturnType<typeof scanBlocks>["blocks"]): number => Math.max(0, ...blocks.map((block) => 1 + depth(block.children ?? [])));
    const shallow = scanBlocks(nested(20));
    expect(shallow).toMatchObject({ exact: true, deep: false });
    // Each level is a list and its item, the innermost item holds the paragraph "x".
    expect(depth(shallow.blocks)).toBe(2 * 20 + 1);
    const deep = scanBlocks(nested(40));
    expect(deep).toMatchObject({ exact: false, deep: true });
    expect(depth(deep.blocks)).toBe(2 * 32 + 1);
  });

  it("leaves block quotes past 32 levels unopened and says so", () => {
    const quoted = (levels: number) => parseMessage(SUMMARY + "> ".repeat(levels) + "x\n").body;
    const depth = (blocks: ReturnType<typeof scanBlocks>["blocks"]): number => Math.max(0, ...blocks.map((block) => 1 + depth(block.children ?? [])));
    const shallow = scanBlocks(quoted(20));
    expect(shallow).toMatchObject({ exact: true, deep: false });
    expect(depth(shallow.blocks)).toBe(20 + 1);
    expect(shallow.blocks).toEqual(blocksFromRemark(quoted(20)));
    // Quotes and list items count together: 16 of each, then the markers are text.
    const deep = scanBlocks(quoted(40));
    expect(deep).toMatchObject({ exact: false, deep: true });
    expect(depth(deep.blocks)).toBe(32 + 1);
    expect(depth(scanBlocks(parseMessage(SUMMARY + "> - ".repeat(20) + "x\n").body).blocks)).toBe(16 * 3 + 1);
  });

  it("maps no more than 64 levels of remark's tree into blocks", () => {
    const body = parseMessage(SUMMARY + "> ".repeat(100) + "x\n").body;
    const depth = (blocks: ReturnType<typeof blocksFromRemark>): number => Math.max(0, ...blocks.map((block) => 1 + depth(block.children ?? [])));
    expect(depth(blocksFromRemark(body))).toBe(65);
  });

  it("answers the hook with a report, not an internal error", () => {
    assertBuilt();
    const dir = mkdtempSync(join(tmpdir(), "rationale-deep-"));
    try {
      const file = join(dir, "COMMIT_EDITMSG");
      writeFileSync(file, SUMMARY + "> - ".repeat(830) + "x\n");
      const run = spawnSync(process.execPath, [cli, "lint", "--edit", file], { cwd: dir, encoding: "utf8" });
      expect(run.stderr).not.toContain("internal error");
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/score \d+\/100 .* FAIL/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
