// Behaviour found by a user QA pass: CJK summaries, trailer-only and empty messages, where body-why points.
import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/index.js";
import { lint } from "../../src/lint.js";
import type { ResolvedConfig } from "../../src/types.js";

const brief = (text: string, config?: ResolvedConfig) => lint(text, config ? { config } : {}).findings.map((f) => `${f.ruleId}/${f.messageId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);

describe("QA fixes", () => {
  it("does not call a Chinese summary vague (it has no spaces between words) and passes it", () => {
    const result = lint("修复大文件保存时的崩溃\n\n当文件大于2GB时编辑器会崩溃，因为缓冲区只有32位。现在使用64位计数器。\n");
    expect(result.facets.judged).toBe(false);
    expect(result.findings.map((f) => f.ruleId)).not.toContain("summary-vague");
    expect(result.parts.summary.score).toBe(25);
    expect(result.pass).toBe(true);
  });

  it("leaves mood to English text: a French summary starting with \"Updates\" is not flagged", () => {
    const result = lint("Updates les fichiers de la page pour le client\n");
    expect(result.facets.judged).toBe(false);
    expect(result.findings.map((f) => f.ruleId)).not.toContain("summary-mood");
  });

  it("still calls an emoji-only summary wordless whatever the language", () => {
    expect(brief("🎉🎉\n")).toContain("summary-vague/noWords@1:1-1:5");
  });

  it("does not give a trailer line the summary's points", () => {
    const result = lint("Signed-off-by: A <a@b.c>\n");
    expect(brief("Signed-off-by: A <a@b.c>\n")).toContain("summary-vague/trailerOnly@1:1-1:25");
    expect(result.parts.summary.score).toBeLessThan(25);
    expect(result.findings.find((f) => f.ruleId === "summary-vague")?.message).toContain("Signed-off-by");
    expect(result.pass).toBe(false);
  });

  it("keeps area prefixes with hyphens as summaries", () => {
    expect(brief("pack-objects: avoid quadratic scan of the delta chain\n").filter((f) => f.startsWith("summary-vague"))).toEqual([]);
  });

  it("scores an empty message 0 with a summary-empty error", () => {
    for (const text of ["\n", "", "\n\n\n"]) {
      const result = lint(text);
      expect(result.score).toBe(0);
      expect(result.parts.summary.score).toBe(0);
      expect(result.pass).toBe(false);
      expect(result.findings.map((f) => `${f.ruleId}/${f.severity}`)).toContain("summary-empty/error");
    }
  });

  it("points body-why at the body's first paragraph when there is a body", () => {
    expect(brief("Add retry option to the HTTP client\n\nNew option: retries.\nSee the docs.\n\nMore.\n")).toContain("body-why/missing@3:1-4:14");
  });

  // body-required says the same of these lines, and its finding leaves theirs out (supersedes);
  // with it off, as a team allowing summary-only commits has it, they point here.
  const withoutBodyRequired = resolveConfig({ rules: { "body-required": "off" } });

  it("points body-why after the summary when there is no body", () => {
    expect(brief("Add retry option to the HTTP client\n", withoutBodyRequired)).toContain("body-why/missing@2:1-2:1");
  });

  it("points what-missing at the body when there is one", () => {
    expect(brief("Polishing\n\nMinor.\n", withoutBodyRequired)).toContain("what-missing/missing@3:1-3:7");
  });

  it("names a finding for every revert that fails, not only one with git's default text", () => {
    for (const text of [
      'Revert "Cache parsed config"\n',
      'Revert "Cache parsed config"\n\nSigned-off-by: A U Thor <author@example.com>\n',
      "revert: feat: cache the parsed config\n",
      'Revert "Cache parsed config"\n\nIt broke.\n',
      'Reapply "Cache parsed config"\n',
    ]) {
      const result = lint(text);
      expect(result.kind).toBe("revert");
      expect(result.pass).toBe(false);
      expect(result.findings.map((f) => `${f.ruleId}/${f.messageId}/${f.severity}`)).toEqual(["revert-default-text/noReason/error"]);
    }
    // A revert that says why has nothing to report.
    expect(brief('Revert "Cache parsed config"\n\nThe cache kept stale values after a config edit.\n')).toEqual([]);
  });
});

describe("a finding that says what others would say about the same lines (supersedes)", () => {
  const ids = (text: string, config?: ResolvedConfig) => lint(text, config ? { config } : {}).findings.map((f) => `${f.ruleId}@${f.line}`);

  it("leaves out body-why and what-missing where body-required reports the missing body", () => {
    expect(ids("Fix bug\n")).toEqual(["summary-vague@1", "body-required@2"]);
    // body-why on the summary's line is about the named problem, not the empty line: it stays.
    expect(ids("Fix unwrap panic\n")).toEqual(["body-why@1", "body-required@2"]);
    // The score still counts why and what as missing.
    expect(lint("Fix bug\n").parts).toMatchObject({ why: { score: 0 }, what: { score: 0 } });
  });

  it("leaves out the reference rule's finding where body-only-trailers reports the trailers", () => {
    expect(ids("Add retry option to the HTTP client\n\nCloses: #12\n")).toEqual(["body-only-trailers@3"]);
  });

  it("brings them back when the superseding rule is off", () => {
    const config = resolveConfig({ rules: { "body-required": "off", "body-only-trailers": "off" } });
    expect(ids("Fix bug\n", config)).toEqual(["summary-vague@1", "body-why@2", "what-missing@2"]);
    expect(ids("Add retry option to the HTTP client\n\nCloses: #12\n", config)).toContain("why-only-linked@3");
  });

  it("keeps an error the superseding rule reports only as a warning", () => {
    // Left out, body-why's error went with it and the message passed on body-required's warning.
    const config = resolveConfig({ threshold: 0, rules: { "body-required": "warn", "body-why": "error" } });
    expect(ids("Add retry option to the HTTP client\n", config)).toEqual(["body-required@2", "body-why@2"]);
    expect(lint("Add retry option to the HTTP client\n", { config }).pass).toBe(false);
  });
});
