// The library entry exports the documented API and loads the full Markdown parser.
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";
import { isMarkdownParserLoaded } from "../../src/message/markdown.js";

describe("library entry", () => {
  it("exports lint, lintParsed, parseMessage, config functions and the rules", () => {
    for (const name of ["lint", "lintParsed", "parseMessage", "resolveConfig", "loadConfig", "defaultConfig", "UsageError"]) {
      expect(typeof (lib as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(lib.rules.map((rule) => rule.id)).toContain("summary-max-length");
    expect(isMarkdownParserLoaded()).toBe(true);
  });

  it("exempts an indented code block from body-max-line-length", () => {
    const long = "x".repeat(90);
    const message = `Fix pager scroll on resize\n\nThe crash showed up in the log as follows:\n\n    ${long}\n\nRecompute the height on SIGWINCH.\n`;
    expect(lib.lint(message).findings.filter((f) => f.ruleId === "body-max-line-length")).toEqual([]);
    const prose = `Fix pager scroll on resize\n\nThe crash showed up in the log as follows: ${long}\n`;
    expect(lib.lint(prose).findings.filter((f) => f.ruleId === "body-max-line-length")).toHaveLength(1);
  });
});
