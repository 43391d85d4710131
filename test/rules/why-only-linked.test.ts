// why-only-linked names the reference that carries the whole reason, as the message writes it.
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/index.js";
import { lint } from "../../src/lint.js";

// body-only-trailers' finding covers a message of trailers alone, so these run without it.
const config = resolveConfig({ rules: { "body-only-trailers": "off" } });
const linkedMessage = (text: string) => lint(text, { config }).findings.find((f) => f.ruleId === "why-only-linked")?.message;

describe("why-only-linked", () => {
  it("quotes a reference trailer whole, token and value", () => {
    expect(linkedMessage("Add retry option to the HTTP client\n\nCloses: #12\n")).toMatch(/^The reason is only in the "Closes: #12" trailer; /);
    expect(linkedMessage("Add retry option to the HTTP client\n\nRefs: https://github.com/acme/http/issues/7\n")).toMatch(
      /^The reason is only in the "Refs: https:\/\/github\.com\/acme\/http\/issues\/7" trailer; /,
    );
  });

  it("quotes a reference in the text as it is", () => {
    expect(linkedMessage("Add retry option to the HTTP client\n\nSee JIRA-4411\n")).toMatch(/^The reason is only in JIRA-4411; /);
  });
});
