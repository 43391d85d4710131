// The workflow examples in docs/action.md and the README: what a maintainer copies must run as shown.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { ROOT } from "./harness.js";

interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string };
  jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>;
}

/** The YAML code blocks of a Markdown file that hold a workflow (they have `jobs:`). */
function workflowsIn(file: string): { file: string; text: string }[] {
  const markdown = readFileSync(join(ROOT, file), "utf8");
  return [...markdown.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map((match) => ({ file, text: match[1] })).filter((block) => /^jobs:/m.test(block.text));
}

describe("documented workflows", () => {
  const blocks = [...workflowsIn("docs/action.md"), ...workflowsIn("README.md")];
  const action = parseDocument(readFileSync(join(ROOT, "action.yml"), "utf8")).toJS() as { inputs: Record<string, unknown> };

  it("are valid YAML with the permissions the action needs and only its inputs", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const block of blocks) {
      const document = parseDocument(block.text);
      expect(document.errors, block.file).toEqual([]);
      const workflow = document.toJS() as Workflow;
      expect(Object.keys(workflow.on).some((event) => event === "pull_request" || event === "pull_request_target"), block.file).toBe(true);
      expect(workflow.permissions, block.file).toMatchObject({ contents: "read", "pull-requests": "write" });
      const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
      const uses = steps.filter((step) => step.uses?.includes("/rationale@"));
      expect(uses, block.file).toHaveLength(1);
      for (const name of Object.keys(uses[0].with ?? {})) expect(Object.keys(action.inputs), `${block.file}: input ${name}`).toContain(name);
    }
  });

  it("keep a concurrency group to one workflow, so a second workflow running the action is not cancelled", () => {
    // Groups are shared by every workflow of the repository: a release-merge workflow that copies
    // the block (docs/action.md suggests one) would otherwise cancel the check run, and back.
    const groups = blocks.map((block) => (parseDocument(block.text).toJS() as Workflow).concurrency?.group).filter((group) => group !== undefined);
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(group).toContain("${{ github.workflow }}");
  });
});
