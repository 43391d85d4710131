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
    // A colon inside the scope is not the one that ends the header.
    expect(messages("feat(api:v2)!:\n")).toEqual(["Summary has a type but no subject; say what the change does after `feat(api:v2)!: `."]);
  });
});

describe("conventional-format: the allowed type or scope a writer most likely meant", () => {
  const allowed = "feat, fix, docs, style, refactor, perf, test, build, ci, chore, revert";
  it("names the type for another case, a longer form, a kind of fix or one letter off", () => {
    for (const [type, intended] of [["Fix", "fix"], ["FEAT", "feat"], ["feature", "feat"], ["tests", "test"], ["refactoring", "refactor"], ["bugfix", "fix"], ["hotfix", "fix"], ["chor", "chore"]]) {
      expect(messages(`${type}: keep scroll position on resize\n`), type).toEqual([`Type "${type}" is not one of the allowed types (${allowed}); write "${intended}".`]);
    }
  });

  it("guesses no type for a short or distant one", () => {
    for (const type of ["wip", "ux", "release", "prefix"]) {
      expect(messages(`${type}: keep scroll position on resize\n`), type).toEqual([`Type "${type}" is not one of the allowed types (${allowed}); pick the closest one.`]);
    }
  });

  it("suggests a close scope, and otherwise says how to allow a new one", () => {
    const scoped = resolveConfig({ extends: "conventional", rules: { "conventional-format": ["error", { scopes: ["pager", "config"] }] } });
    const scopeMessages = (text: string) => lint(text, { config: scoped }).findings.filter((finding) => finding.ruleId === "conventional-format").map((finding) => finding.message);
    expect(scopeMessages("fix(confg): read the new key\n")).toEqual(['Scope "confg" is not one of the allowed scopes (pager, config); did you mean "config"?']);
    expect(scopeMessages("fix(network): retry once\n")).toEqual(["Scope \"network\" is not one of the allowed scopes (pager, config); use one of them, or add it to the rule's `scopes` option."]);
  });
});

describe("conventional-format: empty parentheses", () => {
  it("asks for the scope, and offers dropping the parentheses only where no scope is required", () => {
    expect(messages("fix(): keep scroll position on resize\n")).toEqual(["Summary has empty parentheses after its type; name the scope in them, or drop them: `fix: …`."]);
    const required = resolveConfig({ extends: "conventional", rules: { "conventional-format": ["error", { requireScope: true }] } });
    const found = lint("fix( ): keep scroll position on resize\n", { config: required }).findings.filter((finding) => finding.ruleId === "conventional-format");
    expect(found.map((finding) => finding.message)).toEqual(["Summary has empty parentheses after its type; name the scope in them."]);
    expect(found[0]).toMatchObject({ column: 4, endColumn: 7 });
  });
});
