// A tracker's numbered bug as a reference: found by findRefs, counted by the rules and the audit.
import { describe, expect, it } from "vitest";
import { Flag, judgeCommit } from "../../src/audit/judge.js";
import { resolveConfig } from "../../src/config/resolve.js";
import { findRefs } from "../../src/judge/refs.js";
import { lint } from "../../src/lint.js";
import { parseMessage } from "../../src/message/parse.js";

/** The references findRefs reads in `message`, as type, id and columns. */
function refs(message: string): [string, string, number, number][] {
  return findRefs(parseMessage(message), []).map((ref) => [ref.type, ref.id, ref.column, ref.endColumn]);
}

describe("findRefs on a tracker's numbered bug", () => {
  it("reads a name of one or two words, bug or issue and a number of three digits or more", () => {
    expect(refs("Retry the upload\n\nFixes Firefox bug 52840.\n")).toEqual([["issue", "Firefox bug 52840", 7, 24]]);
    expect(refs("Retry the upload\n\nSee Debian bug #12345 for the report.\n")).toEqual([["issue", "Debian bug #12345", 5, 22]]);
    expect(refs("Retry the upload\n\nRed Hat bug 1234567 has the trace.\n")).toEqual([["issue", "Red Hat bug 1234567", 1, 20]]);
    expect(refs("Retry the upload\n\nAs in Chromium issue 987.\n")).toEqual([["issue", "Chromium issue 987", 7, 25]]);
  });

  it("reads a name of any case, and none in a verb, a determiner or a preposition before the word", () => {
    expect(refs("Retry the upload\n\nThis fixes winGit issue 425.\n")).toEqual([["issue", "winGit issue 425", 12, 28]]);
    expect(refs("Retry the upload\n\nReported as launchpad bug #87942.\n")).toEqual([["issue", "launchpad bug #87942", 13, 33]]);
    expect(refs("Retry the upload\n\n(this is clang bug 12963).\n")).toEqual([["issue", "clang bug 12963", 10, 25]]);
    expect(refs("Retry the upload\n\nthe firefox bug 52840 is old.\n")).toEqual([["issue", "firefox bug 52840", 5, 22]]);
    expect(refs("Retry the upload\n\nThe bug 1234 is old. Fixes This issue 5678.\n")).toEqual([
      ["issue", "bug 1234", 5, 13],
      ["issue", "issue 5678", 33, 43],
    ]);
  });

  it("reads a bare bug or issue, Bugzilla and bz, with or without '#'", () => {
    expect(refs("Retry the upload\n\nFixes bug 12345.\n")).toEqual([["issue", "bug 12345", 7, 16]]);
    expect(refs("Retry the upload\n\nSee bug #4711 and Bug#45878.\n")).toEqual([
      ["issue", "bug #4711", 5, 14],
      ["issue", "Bug#45878", 19, 28],
    ]);
    expect(refs("Retry the upload\n\nBugzilla 123456 has the trace; also BZ#1234567, rhbz#998877.\n")).toEqual([
      ["issue", "Bugzilla 123456", 1, 16],
      ["issue", "BZ#1234567", 37, 47],
      ["issue", "rhbz#998877", 49, 60],
    ]);
  });

  it("reads no small number, no version, no year, no count and no verb as a ticket", () => {
    expect(refs("Retry the upload\n\nThis is bug 2 of 3, see issue 1 below.\n")).toEqual([]);
    expect(refs("Retry the upload\n\nIt fixes the bug in 2.0 and Android bug 12.\n")).toEqual([]);
    expect(refs("Retry the upload\n\nThe bug 123.4 release and issue 1,000 are old.\n")).toEqual([]);
    expect(refs("Retry the upload\n\nThe issue 2019 brought is gone.\n")).toEqual([]);
    expect(refs("Retry the upload\n\nWe hit the bug 100 times; the issue 250 users saw.\n")).toEqual([]);
    expect(refs("Retry the upload\n\nIt had to issue 1000 lstat() calls; we issue 256 of them.\n")).toEqual([]);
    expect(refs("Retry the upload\n\nSee bug1234 and issue_5678.\n")).toEqual([]);
  });

  it("reads a count's shape as a ticket after a name or '#', and a bug's verb after the number", () => {
    expect(refs("Retry the upload\n\nDebian bug 2019 and issue #2020 are old.\n")).toEqual([
      ["issue", "Debian bug 2019", 1, 16],
      ["issue", "issue #2020", 21, 32],
    ]);
    expect(refs("Retry the upload\n\nFixes bug 12345 describes the crash.\n")).toEqual([["issue", "bug 12345", 7, 16]]);
  });
});

describe("findRefs on a tracker's numbered bug wrapped at a line's end", () => {
  it("reads the words over one line break, with the id on one line and the span as written", () => {
    expect(refs("Retry the upload\n\nUploads fail after a resume, as reported in Firefox\nbug 52840.\n")).toEqual([["issue", "Firefox bug 52840", 45, 10]]);
    expect(refs("Retry the upload\n\nUploads fail after a resume, as reported in Firefox bug\n52840.\n")).toEqual([["issue", "Firefox bug 52840", 45, 6]]);
    expect(refs("Retry the upload\n\nUploads fail after a resume. See Red\nHat bug 1234567.\n")).toEqual([["issue", "Red Hat bug 1234567", 34, 16]]);
    expect(refs("Retry the upload\n\nUploads fail. Fixes Debian\n  bug #12345.\n")).toEqual([["issue", "Debian bug #12345", 21, 13]]);
  });

  it("reads no name across a blank line or in a word that names no tracker", () => {
    expect(refs("Retry the upload\n\nUploads fail on Firefox\n\nbug 52840 is old.\n")).toEqual([["issue", "bug 52840", 1, 10]]);
    expect(refs("Retry the upload\n\nUploads fail. Fixes\nbug 52840.\n")).toEqual([["issue", "bug 52840", 1, 10]]);
    expect(refs("Retry the upload\n\nUploads fail. See bug\n\n52840 for it.\n")).toEqual([]);
  });
});

describe("a tracker's numbered bug for the rules and the audit", () => {
  const message = "Retry a resumed upload once\n\nUploads fail after a resume. Fixes Firefox bug 52840.\n";
  const bare = "Retry a resumed upload once\n\nUploads fail after a resume. Fixes bug 52840.\n";
  const without = "Retry a resumed upload once\n\nUploads fail after a resume. Fixes bug 2 of 3.\n";
  const config = resolveConfig({ rules: { "references-required": ["error", { types: ["issue"] }] } });

  it("satisfies references-required, which a count does not", () => {
    expect(lint(message, { config }).findings.map((finding) => finding.ruleId)).not.toContain("references-required");
    expect(lint(bare, { config }).findings.map((finding) => finding.ruleId)).not.toContain("references-required");
    expect(lint(without, { config }).findings.map((finding) => finding.ruleId)).toContain("references-required");
  });

  it("counts in the audit's share of commits that reference a ticket", () => {
    const record = (text: string) => ({ sha: "a".repeat(40), date: "2024-01-01T00:00:00+00:00", author: "A U Thor", parents: ["b".repeat(40)], message: text, bytes: text.length, truncated: false, invalidSequences: 0 });
    expect(judgeCommit(record(message), config, false).flags & Flag.refs).toBe(Flag.refs);
    expect(judgeCommit(record(bare), config, false).flags & Flag.refs).toBe(Flag.refs);
    expect(judgeCommit(record(without), config, false).flags & Flag.refs).toBe(0);
  });
});
