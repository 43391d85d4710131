// The library entry exports the documented API and loads the full Markdown parser.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";
import { isMarkdownParserLoaded } from "../../src/message/markdown.js";
import { makeRepo } from "../release/repo.js";

describe("library entry", () => {
  it("exports lint, lintParsed, parseMessage, config functions and the rules", () => {
    for (const name of ["lint", "lintParsed", "parseMessage", "resolveConfig", "loadConfig", "defaultConfig", "UsageError"]) {
      expect(typeof (lib as Record<string, unknown>)[name], name).toBe("function");
    }
    expect(lib.rules.map((rule) => rule.id)).toContain("summary-max-length");
    expect(isMarkdownParserLoaded()).toBe(true);
  });

  it("exports every name the docs import from the package or call exported", () => {
    const root = join(import.meta.dirname, "..", "..");
    const pages = ["README.md", ...readdirSync(join(root, "docs")).filter((name) => name.endsWith(".md")).map((name) => join("docs", name))];
    const imported: string[] = [];
    for (const page of pages) {
      const text = readFileSync(join(root, page), "utf8");
      for (const match of text.matchAll(/import \{([^}]+)\} from "([^"]+)"/g)) {
        expect(match[2], `${page} imports from ${match[2]}`).toBe("rationale-cli");
        for (const name of match[1].split(",").map((part) => part.trim())) if (name && !name.startsWith("type ")) imported.push(name);
      }
    }
    expect(imported.length).toBeGreaterThan(3);
    const documented = ["WHY_POINTS", "WHAT_POINTS", "CONTEXT_POINTS", "SUMMARY_DEDUCTION", "PART_WEIGHTS", "memoryState", "gatherRelease", "installHook", "isDefaultMergeText", "isDefaultRevertText"];
    for (const name of [...imported, ...documented]) expect((lib as Record<string, unknown>)[name], name).toBeDefined();
  });

  it("exports the error releaseFromStates() throws when nothing was bumped, so callers can tell it apart", async () => {
    const state = lib.memoryState({ "package.json": '{"name":"a","version":"1.0.0"}' });
    const error = await lib.releaseFromStates(state, state).catch((caught: unknown) => caught);
    expect(typeof lib.NothingToReleaseError).toBe("function");
    expect(error).toBeInstanceOf(lib.NothingToReleaseError);
    expect(error).toBeInstanceOf(lib.UsageError);
  });

  it("exports each error a release caller tells apart, as the ones its calls throw", async () => {
    // An empty range in a real repository: gatherRelease() throws EmptyRangeError, with its facts.
    const repo = makeRepo();
    try {
      repo.write("package.json", '{"name":"a","version":"1.0.0"}\n');
      repo.git("add", ".");
      repo.git("commit", "-q", "-m", "Initial import");
      const empty = await lib.gatherRelease({ cwd: repo.dir, from: "HEAD", to: "HEAD" }).catch((caught: unknown) => caught);
      expect(empty).toBeInstanceOf(lib.EmptyRangeError);
      expect(empty).toBeInstanceOf(lib.NothingToReleaseError);
      expect(empty).toMatchObject({ from: "HEAD", to: "HEAD", swapped: false });
      repo.write("package.json", '{"name":"a","version":"1.1.0"}\n');
      repo.git("add", ".");
      const missing = await lib.gatherRelease({ cwd: repo.dir }).catch((caught: unknown) => caught);
      expect(missing).toBeInstanceOf(lib.MissingChangelogError);
      expect(missing).toMatchObject({ packageName: "a", version: "1.1.0", expected: "CHANGELOG.md", state: "the index" });
    } finally {
      repo.cleanup();
    }
    const outside = mkdtempSync(join(tmpdir(), "rationale-not-a-repo-"));
    try {
      const notARepository = await lib.gatherRelease({ cwd: outside }).catch((caught: unknown) => caught);
      expect(notARepository).toBeInstanceOf(lib.NotARepositoryError);
      expect(notARepository).toMatchObject({ message: `not a git repository: ${outside}`, cwd: outside });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    const compose = (input: Parameters<typeof lib.composeReleaseMessage>[0]) => {
      try {
        return lib.composeReleaseMessage(input);
      } catch (caught) {
        return caught;
      }
    };
    const pkg = { name: "a", from: "1.0.0", to: "1.1.0" };
    expect(compose({ packages: [{ ...pkg, changelog: { file: "CHANGELOG.md", text: "## 1.0.0\n\n- old\n" } }] })).toBeInstanceOf(lib.MissingSectionError);
    expect(compose({ packages: [pkg], template: "release {x}" })).toBeInstanceOf(lib.TemplateProblemError);
    expect(compose({ packages: [pkg], template: `${"r".repeat(80)} {version}` })).toBeInstanceOf(lib.SummaryTooLongError);
    for (const name of ["NothingToReleaseError", "EmptyRangeError", "MissingChangelogError", "MissingSectionError", "SummaryTooLongError", "TemplateProblemError", "NotARepositoryError"]) {
      expect(new (lib as unknown as Record<string, new (...args: string[]) => Error>)[name]("x", "y")).toBeInstanceOf(lib.UsageError);
    }
  });

  it("points the docs' node_modules paths at files the published package has", () => {
    const root = join(import.meta.dirname, "..", "..");
    const { name, files } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; files: string[] };
    const pages = ["README.md", ...readdirSync(join(root, "docs")).filter((page) => page.endsWith(".md")).map((page) => join("docs", page))];
    let seen = 0;
    for (const page of pages) {
      for (const match of readFileSync(join(root, page), "utf8").matchAll(/node_modules\/((?:@[\w.-]+\/)?[\w.-]+)\/([\w./-]+\.json)/g)) {
        if (match[1] !== name && !match[1].startsWith("rationale")) continue;
        seen++;
        expect(match[1], `${page}: ${match[0]}`).toBe(name);
        expect(files.some((entry) => match[2].startsWith(`${entry}/`)), `${page}: ${match[2]} is in the package's files`).toBe(true);
        expect(existsSync(join(root, match[2])), `${page}: ${match[2]} exists`).toBe(true);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it("exempts an indented code block from body-max-line-length", () => {
    const long = "x".repeat(90);
    const message = `Fix pager scroll on resize\n\nThe crash showed up in the log as follows:\n\n    ${long}\n\nRecompute the height on SIGWINCH.\n`;
    expect(lib.lint(message).findings.filter((f) => f.ruleId === "body-max-line-length")).toEqual([]);
    const prose = `Fix pager scroll on resize\n\nThe crash showed up in the log as follows: ${long}\n`;
    expect(lib.lint(prose).findings.filter((f) => f.ruleId === "body-max-line-length")).toHaveLength(1);
  });
});
