// Where a sentence ends, as every reading asks it: marks inside tokens, abbreviations and asides.
import { describe, expect, it } from "vitest";
import { clauseRest, endsSentenceAt, sentenceBefore, SENTENCE_OPENING, sentenceRest, statementRest } from "../../src/judge/sentences.js";
import { weActNow } from "../../src/judge/behaviour.js";
import { designTold, requirementNamed } from "../../src/judge/reasons.js";
import { lint } from "../../src/lint.js";

/** The rest of the sentence from the start of `text`. */
const rest = (text: string): string => sentenceRest(text, 0, 300);

describe("endsSentenceAt", () => {
  it("ends a sentence at a mark followed by white space, the end, or closers then white space", () => {
    expect(endsSentenceAt("It leaks. Drop it.", 8)).toBe(true);
    expect(endsSentenceAt("It leaks.", 8)).toBe(true);
    expect(endsSentenceAt('He said "it leaks." Then', 17)).toBe(true);
    expect(endsSentenceAt("Why not?! Drop it.", 7)).toBe(true);
    expect(endsSentenceAt("(Is it needed?) Drop it.", 13)).toBe(true);
  });

  it("ends none inside a token or after an abbreviation", () => {
    expect(endsSentenceAt("see https://host/x?id=3 now", 18)).toBe(false);
    expect(endsSentenceAt("since 1.2 it leaks", 7)).toBe(false);
    expect(endsSentenceAt("a tag, e.g. v1, leaks", 10)).toBe(false);
    expect(endsSentenceAt("a tag, i.e. v1, leaks", 10)).toBe(false);
    expect(endsSentenceAt("tags, files etc. leak", 15)).toBe(false);
    expect(endsSentenceAt("tabs vs. spaces", 7)).toBe(false);
    expect(endsSentenceAt('"why?"x', 4)).toBe(false);
  });
});

describe("sentenceRest", () => {
  it("reads on past a mark in a URL, a version, code, an aside and an abbreviation", () => {
    expect(rest("see https://host/x?id=3 for it. Next")).toBe("see https://host/x?id=3 for it");
    expect(rest("since 1.2 it leaks. Next")).toBe("since 1.2 it leaks");
    expect(rest("drop it (why?) and go. Next")).toBe("drop it (why?) and go");
    expect(rest("use `a ?? b` here. Next")).toBe("use `a ?? b` here");
    expect(rest("keep it, e.g. for tags, vs. branches? Next")).toBe("keep it, e.g. for tags, vs. branches");
  });

  it("stops at a sentence's mark, a blank line, and reads an unclosed aside as text", () => {
    expect(rest("it leaks. Next")).toBe("it leaks");
    expect(rest("it leaks\nall day\n\nNext")).toBe("it leaks\nall day");
    expect(rest("it leaks (badly. Next")).toBe("it leaks (badly");
    expect(rest("it leaks `badly? Next")).toBe("it leaks `badly");
    expect(sentenceRest("it leaks all day long", 3, 5)).toBe("leaks");
  });
});

describe("statementRest", () => {
  it("is null for a question, its mark after a URL, an abbreviation or an aside", () => {
    expect(statementRest("Is it by design?", 0, 300)).toBeNull();
    expect(statementRest("Is it by design, e.g. on close? No.", 0, 300)).toBeNull();
    expect(statementRest("Is it by design (see http://host/a?b=1)? No.", 0, 300)).toBeNull();
    expect(statementRest("Is it by design!?", 0, 300)).toBeNull();
  });

  it("reads a statement with a \"?\" inside it as a statement", () => {
    expect(statementRest("It is by design, see http://host/a?b=1 for it.", 0, 300)).toBe("It is by design, see http://host/a?b=1 for it");
    expect(statementRest("It is by design (why?) on close.", 0, 300)).toBe("It is by design (why?) on close");
    expect(statementRest("It is by design. Why?", 0, 300)).toBe("It is by design");
  });
});

describe("sentenceBefore", () => {
  it("reads back past an abbreviation, a mark in a token and an aside", () => {
    const text = "Keep it. Tags, e.g. v1.2 (or not?) are kept by design";
    expect(sentenceBefore(text, text.length)).toBe(" Tags, e.g. v1.2 (or not?) are kept by design");
  });

  it("stops at a sentence's mark, closers after it, and a sentence in parentheses", () => {
    expect(sentenceBefore('He said "it leaks." Drop it', 27)).toBe(" Drop it");
    expect(sentenceBefore("(Is it needed?) Drop it", 23)).toBe(" Drop it");
    expect(sentenceBefore("It leaks.\n\nDrop it", 18)).toBe("Drop it");
  });
});

describe("SENTENCE_OPENING", () => {
  const opening = new RegExp(`${SENTENCE_OPENING}Drop`);
  it("opens a sentence after its mark, a closing quote, not after an abbreviation", () => {
    expect(opening.test("It leaks. Drop it.")).toBe(true);
    expect(opening.test('It "leaks." Drop it.')).toBe(true);
    expect(opening.test("Some, e.g. Drop it.")).toBe(false);
    expect(opening.test("Tags, e.g. Drop it.")).toBe(false);
  });

  it("opens one after an \"etc.\" that a capital follows, and none after a quoted mark the sentence goes on from", () => {
    expect(opening.test("Tags etc. Drop it.")).toBe(true);
    expect(new RegExp(`${SENTENCE_OPENING}drop`).test("Tags etc. drop them.")).toBe(false);
    expect(new RegExp(`${SENTENCE_OPENING}is`).test('"Huh?" is removed.')).toBe(false);
    expect(new RegExp(`${SENTENCE_OPENING}is`).test('"Huh?"  is removed.')).toBe(false);
  });
});

describe("the two rules a mark's context adds", () => {
  it("ends at \"etc.\" before a capital, as a writer ends a sentence there", () => {
    expect(endsSentenceAt("the commit view etc. This patch makes", 19)).toBe(true);
    expect(endsSentenceAt("the commit view etc. and the log", 19)).toBe(false);
    expect(endsSentenceAt("the commit view e.g. The log", 19)).toBe(false);
    const text = "you can't get at the view etc. This patch makes";
    expect(sentenceBefore(text, text.indexOf(" makes"))).toBe(" This patch");
  });

  it("goes on after a quoted or bracketed mark that a lower-case word follows", () => {
    expect(endsSentenceAt('"Huh?" is removed from die().', 4)).toBe(false);
    expect(endsSentenceAt('(sic!) and more', 4)).toBe(false);
    expect(endsSentenceAt('He said "it leaks." Then', 17)).toBe(true);
    expect(endsSentenceAt("It leaks. format.numbered is a bool", 8)).toBe(true);
    expect(sentenceBefore('"Huh?" is removed', 7)).toBe('"Huh?" ');
  });
});

describe("clauseRest", () => {
  it("stops at the first mark of any kind, as the readings of new behaviour measured it", () => {
    expect(clauseRest("use git-archive.exe as the target, otherwise it fails. Next", 0, 300)).toBe("use git-archive");
    expect(clauseRest("it is added\nhere. Next", 0, 300)).toBe("it is added\nhere");
    expect(clauseRest("it is added\n\nNext", 0, 300)).toBe("it is added");
    expect(clauseRest("abcdef", 2, 3)).toBe("cde");
  });
});

describe("through the readings", () => {
  it("reads \"we have to use X.exe as the target\" as the change, though its sentence goes on to the problem", () => {
    expect(weActNow("On Cygwin we have to use git-archive.exe as the target, otherwise\nrunning 'make dist' does not compile git-archive in the current\ndirectory.")).toBe(true);
  });

  it("reads a change whose subject is a quoted question", () => {
    expect(lint('mv: move the index search out\n\n"Huh?" is removed from the die() message.\n').facets.what).toBe("explained");
  });
});

describe("the readings that ask whether a sentence is a question", () => {
  it("read a statement with a \"?\" in an aside or a URL, and a question past an abbreviation", () => {
    expect(designTold("The cache is evicted by design (why?) on close.")).toBe(true);
    expect(designTold("The cache is evicted by design, see http://wiki/x?id=3 for it.")).toBe(true);
    expect(designTold("Is the cache evicted by design, e.g. on close? Nobody knows.")).toBe(false);
    expect(requirementNamed("Is Node 20 a requirement, i.e. for the CI? Unclear.")).toBe(false);
    expect(requirementNamed("Node 20 is a requirement of the CI (see http://wiki/ci?v=2).")).toBe(true);
  });

  it("lint() reads the why of a statement with an aside, and none of a question", () => {
    const summary = "Keep the cache across reloads";
    const aside = lint(`${summary}\n\nThe cache is evicted by design (why?) on close.\n`);
    expect(aside.facets.why).toBe("explained");
    expect(aside.findings.map((finding) => finding.ruleId)).not.toContain("body-why");
    const question = lint(`${summary}\n\nIs the cache evicted by design, e.g. on close? Nobody knows.\n`);
    expect(question.facets.why).toBe("missing");
    expect(question.findings.map((finding) => finding.ruleId)).toContain("body-why");
  });
});
