// conventional-format's messages quote the summary's header the way the author wrote it.
import { describe, expect, it } from "vitest";
import { lint } from "../../src/lint.js";
import { resolveConfig } from "../../src/config/index.js";

const config = resolveConfig({ extends: "conventional" });

function messages(text: string): string[] {
  return lint(text, { config }).findings.filter((finding) => finding.ruleId === "conventional-format").map((finding) => finding.message);
}

describe("conventional-format", () => {
  it("keeps the scope and breaking marker when asking for the missing subject", () => {
    expect(messages("fix(pager):\n")).toEqual(["Summary has a type but no subject; say what the change does after `fix(pager): `."]);
    expect(messages("feat(api)!:   \n")).toEqual(["Summary has a type but no subject; say what the change does after `feat(api)!: `."]);
    expect(messages("docs:\n")).toEqual(["Summary has a type but no subject; say what the change does after `docs: `."]);
  });
});
