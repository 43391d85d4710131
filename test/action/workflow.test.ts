// The runner protocol: inputs, workflow-command escaping and the GITHUB_OUTPUT delimiter format.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  annotate,
  escapeCommandData,
  escapeCommandProperty,
  formatOutput,
  getInput,
  setOutput,
  type WorkflowIO,
} from "../../src/action/workflow.js";
import { readInputs } from "../../src/action/inputs.js";
import { parseOutputFile } from "./harness.js";

/** What the runner sets for every job: the workflow's name and the job's id. */
const RUNNER = { GITHUB_WORKFLOW: "commit messages", GITHUB_JOB: "rationale" };

describe("inputs", () => {
  it("reads INPUT_ + the upper-cased name, spaces as underscores, hyphens kept, trimmed", () => {
    const env = { "INPUT_FAIL-UNDER": " 70 ", INPUT_MY_INPUT: "x", "INPUT_GITHUB-TOKEN": "t" };
    expect(getInput(env, "fail-under")).toBe("70");
    expect(getInput(env, "my input")).toBe("x");
    expect(getInput(env, "config")).toBe("");
  });

  it("applies defaults and rejects bad values with the input's name", () => {
    expect(readInputs({ ...RUNNER, "INPUT_GITHUB-TOKEN": "t" })).toEqual({
      token: "t",
      configPath: "",
      failUnder: undefined,
      comment: "on-failure",
      commentKey: "commit messages/rationale",
      checkPrMessage: true,
      release: "off",
    });
    expect(readInputs({ ...RUNNER, "INPUT_FAIL-UNDER": "80", "INPUT_CHECK-PR-MESSAGE": "False", INPUT_RELEASE: "merge" })).toMatchObject({
      failUnder: 80,
      checkPrMessage: false,
      release: "merge",
    });
    expect(() => readInputs({ ...RUNNER, "INPUT_FAIL-UNDER": "eighty" })).toThrow('input fail-under: expected an integer from 0 to 100, got "eighty"');
    expect(() => readInputs({ ...RUNNER, INPUT_RELEASE: "yes" })).toThrow('input release: expected one of off, describe, merge, got "yes"');
    expect(() => readInputs({ ...RUNNER, "INPUT_CHECK-PR-MESSAGE": "maybe" })).toThrow("input check-pr-message: expected true or false");
    // A long value is echoed as its first 60 characters.
    const long = "y".repeat(10_000);
    const shown = `${"y".repeat(59)}…`;
    expect(() => readInputs({ ...RUNNER, "INPUT_FAIL-UNDER": long })).toThrow(`input fail-under: expected an integer from 0 to 100, got "${shown}"`);
    expect(() => readInputs({ ...RUNNER, INPUT_RELEASE: long })).toThrow(`input release: expected one of off, describe, merge, got "${shown}"`);
    expect(() => readInputs({ ...RUNNER, "INPUT_CHECK-PR-MESSAGE": long })).toThrow(`input check-pr-message: expected true or false, got "${shown}"`);
    expect(() => readInputs({ ...RUNNER, "INPUT_COMMENT-KEY": `a\t${long}` })).toThrow(`input comment-key: expected one line without control characters, got "a\\t${"y".repeat(57)}…"`);
    // Only plain digits: JavaScript's Number() would read these as 60 and 10.
    for (const value of ["0x3C", "1e1", "60.0", "+60"]) expect(() => readInputs({ ...RUNNER, "INPUT_FAIL-UNDER": value })).toThrow(`got "${value}"`);
    // Values in any case, and a config path written with ./ in front.
    expect(readInputs({ ...RUNNER, INPUT_COMMENT: "Always", INPUT_RELEASE: "Off", INPUT_CONFIG: "./ci/rationale.yml" })).toMatchObject({
      comment: "always",
      release: "off",
      configPath: "ci/rationale.yml",
    });
  });

  it("keys the report comment by the workflow and job unless comment-key names the key", () => {
    expect(readInputs({ ...RUNNER, "INPUT_COMMENT-KEY": " docs (node 20) " }).commentKey).toBe("docs (node 20)");
    // The runner passes an input the workflow leaves out as "": empty or blank is the default.
    expect(readInputs({ ...RUNNER, "INPUT_COMMENT-KEY": "  " }).commentKey).toBe("commit messages/rationale");
    expect(readInputs({ "INPUT_COMMENT-KEY": "docs" }).commentKey).toBe("docs");
    expect(readInputs({ ...RUNNER, "INPUT_COMMENT-KEY": "x".repeat(100) }).commentKey).toHaveLength(100);
    expect(() => readInputs({ ...RUNNER, "INPUT_COMMENT-KEY": "x".repeat(101) })).toThrow(
      "input comment-key: expected at most 100 characters, got 101; use a shorter name for this job's report comment",
    );
    expect(() => readInputs({ ...RUNNER, "INPUT_COMMENT-KEY": "docs\nlint" })).toThrow('input comment-key: expected one line without control characters, got "docs\\nlint"');
    // DEL and the C1 controls are refused too, and echoed escaped: U+009B raw is a terminal's CSI.
    expect(() => readInputs({ ...RUNNER, "INPUT_COMMENT-KEY": "docs\x9b31m\x7f" })).toThrow('input comment-key: expected one line without control characters, got "docs\\u009b31m\\u007f"');
    // The runner names each step (GITHUB_ACTION): two steps of one job running the action keep
    // two comments; the key without the step, earlier versions' default, is adopted.
    const step = (name: string) => readInputs({ ...RUNNER, GITHUB_ACTION: name });
    expect(step("__acme_rationale")).toMatchObject({ commentKey: "commit messages/rationale/__acme_rationale", previousCommentKey: "commit messages/rationale" });
    expect(step("__acme_rationale_2").commentKey).toBe("commit messages/rationale/__acme_rationale_2");
    expect(step("docs").commentKey).toBe("commit messages/rationale/docs");
    // What the comment shows leaves out the runner's name for a step without an id, which only
    // repeats the action's repository: the job's first use reads as the job's comment did.
    expect(step("__acme_rationale").commentLabel).toBe("commit messages/rationale");
    expect(step("__acme_rationale_2").commentLabel).toBe("commit messages/rationale #2");
    expect(step("__acme_rationale_12").commentLabel).toBe("commit messages/rationale #12");
    expect(step("__self").commentLabel).toBe("commit messages/rationale");
    // A step's own id, or a name inside a composite action, is shown as the key has it.
    for (const name of ["docs", "docs_2", "wrap.__acme_rationale_2"]) expect(step(name)).not.toHaveProperty("commentLabel");
    expect(readInputs({ ...RUNNER, GITHUB_ACTION: "__acme_rationale_2", "INPUT_COMMENT-KEY": "docs" })).not.toHaveProperty("commentLabel");
    expect(readInputs({ ...RUNNER, GITHUB_ACTION: "docs", "INPUT_COMMENT-KEY": "docs" })).not.toHaveProperty("previousCommentKey");
    expect(readInputs(RUNNER)).not.toHaveProperty("previousCommentKey");
    // Outside a runner there is no default key; without a comment none is needed.
    expect(() => readInputs({ GITHUB_JOB: "rationale" })).toThrow(
      "GITHUB_WORKFLOW is not set, so the report comment has no default key: set the comment-key input, or run the action in a GitHub workflow",
    );
    expect(readInputs({ INPUT_COMMENT: "never" }).commentKey).toBe("");
  });
});

describe("workflow commands", () => {
  it("escapes %, CR and LF in data, and also : and , in properties", () => {
    expect(escapeCommandData("100% done\r\nnext")).toBe("100%25 done%0D%0Anext");
    expect(escapeCommandProperty("a: b, c\n")).toBe("a%3A b%2C c%0A");
  });

  it("writes annotations with escaped properties on one line", () => {
    let out = "";
    const io: WorkflowIO = { env: {}, write: (text) => void (out += text) };
    annotate(io, "error", "line one\nline two", { title: "abc1234: fix, stuff", line: 3 });
    annotate(io, "warning", "plain");
    expect(out).toBe("::error title=abc1234%3A fix%2C stuff,line=3::line one%0Aline two\n::warning::plain\n");
  });
});

describe("outputs", () => {
  it("uses a heredoc delimiter that the value does not contain", () => {
    const ids = ["same", "same", "other"];
    const text = formatOutput("result", "x\nghadelimiter_same\ny", () => ids.shift()!);
    expect(text).toBe("result<<ghadelimiter_other\nx\nghadelimiter_same\ny\nghadelimiter_other\n");
  });

  it("appends multi-line outputs to GITHUB_OUTPUT that the runner's parser reads back", () => {
    const file = join(mkdtempSync(join(tmpdir(), "rationale-output-")), "output");
    writeFileSync(file, "");
    const io: WorkflowIO = { env: { GITHUB_OUTPUT: file }, write: () => {} };
    setOutput(io, "score", "42");
    setOutput(io, "result", '[{"a":"line\\n"}]\nsecond line');
    expect(parseOutputFile(readFileSync(file, "utf8"))).toEqual({ score: "42", result: '[{"a":"line\\n"}]\nsecond line' });
  });
});
