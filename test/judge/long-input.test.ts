// Readings of long or repetitive text: each pattern reads a long run once, with the same results as on short text.
// No wall-time assertions (shared machines are noisy): a pattern that backtracks over 100 KB takes
// minutes, and the runner's per-test timeout stops it; speed itself is measured in bench/.
import { describe, expect, it } from "vitest";
import rule from "../../rules/body-max-line-length.js";
import { fixedFailureNamed, negatedShortcoming } from "../../src/judge/failures.js";
import { needsChange, orderAfterBareSo, orderAfterOpening, orderAfterSo, ordersThroughHave, summaryOrdersLater } from "../../src/judge/orders.js";
import { gerundFixes, nowContrast, passiveChange } from "../../src/judge/behaviour.js";
import { CAUSAL, EVIDENT_RELEASE } from "../../src/judge/cues.js";
import { gerundEffect, givesGoal, orderedPurpose, JUDGED_EFFECT, inabilityTold, laterChangeUses, meansConsequence, needTold, negatedPairTold, opensOnPurpose, resultTold, statesNeed } from "../../src/judge/reasons.js";
import { findRefs } from "../../src/judge/refs.js";
import { headedByProblem, marksForTranslation, namesSeriesStep, updatesTranslation } from "../../src/judge/summary-cues.js";
import { readSummary } from "../../src/judge/summary.js";
import { parseMessage } from "../../src/message/parse.js";
import { judgeMessageDetailed } from "../../src/judge/index.js";
import { lint } from "../../src/lint.js";

describe("orderAfterOpening over lists", () => {
  it("ends an opening clause at its first clause mark or blank line, whichever opener it starts from", () => {
    // The clause of the first item runs into the second line, which opens no clause of its own.
    expect(orderAfterOpening("- When the lock is held\n  by another process, skip the reload.\n")).toBe(true);
    expect(orderAfterOpening("- When the lock is held\n\nby another process, skip the reload.\n")).toBe(false);
    expect(orderAfterOpening("- When the lock is held. By another process, skip the reload.\n")).toBe(false);
    // Items with no comma of their own, then a clause that orders.
    const items = "- When the lock is held by another process\n".repeat(2000);
    expect(orderAfterOpening(`${items}\nIf the lock is stale, remove the file.\n`)).toBe(true);
    expect(orderAfterOpening(`${items}\nIf the lock is stale, the file stays.\n`)).toBe(false);
    expect(orderAfterOpening(`${"- To keep the lock held by another process\n".repeat(2000)}\nTo fix this, take the lock first.\n`)).toBe(true);
  });

  it("reads each clause once: a clause that reaches past the next opener hides that opener", () => {
    // The first item's clause runs to the comma and speaks to the reader; the second item's
    // "If" lies inside it and opens no clause of its own.
    expect(orderAfterOpening("- When you reload\n- If the lock is held, skip the reload.\n")).toBe(false);
    expect(orderAfterOpening("- When the config reloads\n- If the lock is held, skip the reload.\n")).toBe(true);
    // A clause ended by a comma that no order follows leaves the next opener to be read.
    expect(orderAfterOpening("When the lock is held, 42 retries. If it is stale, remove the file.\n")).toBe(true);
  });
});

describe("opensOnPurpose over lists", () => {
  it("ends a purpose clause at its first clause mark or blank line, whichever item it starts from", () => {
    // The clause of the first item runs into the second line, which opens no purpose of its own.
    expect(opensOnPurpose("- To avoid a stale lock\n  left by another process, the reload waits.\n", "")).toBe(true);
    expect(opensOnPurpose("- To avoid a stale lock\n\nleft by another process, the reload waits.\n", "")).toBe(false);
    expect(opensOnPurpose("- To avoid a stale lock. Left by another process, the reload waits.\n", "")).toBe(false);
    // Items with no comma of their own, then a purpose with its main clause.
    const items = "- To avoid a stale lock left by another process\n".repeat(2000);
    expect(opensOnPurpose(`${items}\nTo keep reloads fast, the config is read lazily.\n`, "")).toBe(true);
    expect(opensOnPurpose(`${items}\nTo keep reloads fast: the config is read lazily.\n`, "")).toBe(false);
    // A wrapped line that opens on "To", and a purpose that only repeats the summary.
    expect(opensOnPurpose("The hook reads the config lazily.\nTo keep reloads fast, the config is cached.\n", "")).toBe(true);
    expect(opensOnPurpose(`${items}\nTo keep reloads fast, the config is read lazily.\n`, "Keep reloads fast")).toBe(false);
  });
});

describe("sentence openings after runs of blank lines", () => {
  it("opens a sentence after the last blank line of a run, however long, with blanks on its lines", () => {
    for (const blanks of ["\n\n", "\n \n\t\n  ", "\n".repeat(50_000), "\n \t".repeat(50_000)]) {
      expect(orderAfterOpening(`The reload races with the lock:${blanks}If the lock is held, skip the reload.\n`)).toBe(true);
      expect(orderAfterOpening(`The reload races with the lock:${blanks}if the lock is held, skip the reload.\n`)).toBe(false);
      expect(opensOnPurpose(`The reload is slow:${blanks}To keep reloads fast, the config is read lazily.\n`, "")).toBe(true);
      expect(opensOnPurpose(`The reload is slow:${blanks}to keep reloads fast, the config is read lazily.\n`, "")).toBe(false);
    }
  });
});

describe("negatedShortcoming over blanks", () => {
  it("reads a negation wrapped over blanks and a line break, and stops at a blank line", () => {
    expect(negatedShortcoming("The parser does  \n  not handle '~user' paths.")).toBe(true);
    expect(negatedShortcoming("The parser does\tnot\n\thandle '~user' paths.")).toBe(true);
    expect(negatedShortcoming("The parser does\n\nnot handle '~user' paths.")).toBe(false);
    expect(negatedShortcoming(`The parser does${" ".repeat(100_000)}not handle '~user' paths.`)).toBe(true);
    expect(negatedShortcoming(`The parser does${" \t".repeat(50_000)}x`)).toBe(false);
  });
});

describe("namesSeriesStep over long versions", () => {
  it("reads a translation round after any version, and nothing else", () => {
    for (const core of ["fr: v2.31 rnd 2", "fr.po v2.9.0rnd1", "pt_BR: 2.1.0_-_ round 3", "es : 2.25.0 round #1", "v2.30.0 round 1 (70t)", "2.9.0 rnd 12t", "2.9.0 rnd 1 (2t)"]) {
      expect(namesSeriesStep(core), core).toBe(true);
    }
    for (const core of ["fr: v2 rnd 2", "2.9.0 rnd 1t", "fr: 2.9.0 rnd 2 later", `fr: 1.${"1".repeat(50_000)} x`, `fr: 1.1rnd${"1".repeat(50_000)}x`, `fr${" ".repeat(50_000)}x`]) {
      expect(namesSeriesStep(core), core.slice(0, 40)).toBe(false);
    }
    expect(namesSeriesStep(`fr: 1.${"1".repeat(50_000)} round 2`)).toBe(true);
  });
});

describe("headedByProblem over long words", () => {
  it("reads at most five words, each once, however long", () => {
    expect(headedByProblem(`${"x".repeat(100_000)} error`)).toBe(true);
    expect(headedByProblem(`error${".".repeat(100_000)}`)).toBe(true);
    expect(headedByProblem(`error${".".repeat(100_000)}x`)).toBe(false);
    expect(headedByProblem(`${"a".repeat(100_000)}ly error`)).toBe(false);
    expect(headedByProblem(`${"A".repeat(100_000)}Exception`)).toBe(true);
    expect(headedByProblem("leak ".repeat(20_000))).toBe(false);
  });
});

describe("findRefs after counting words", () => {
  it("skips a #N after a counting word on its line only, however long the line", () => {
    const ids = (text: string) => findRefs(parseMessage(text)).map((ref) => ref.id);
    expect(ids("Fix the parser\n\nSee case   #29 and #30.\n")).toEqual(["#30"]);
    expect(ids("Fix the parser\n\nSee the showcase #29.\n")).toEqual(["#29"]);
    expect(ids("Fix the parser\n\nSee the case\n(#29).\n")).toEqual(["#29"]);
    expect(ids(`Fix the parser\n\nSee ${"case #1 ".repeat(5000)}and #2.\n`)).toEqual(["#2"]);
  });
});

// No time is measured (the project keeps speed out of tests): a quadratic reading of these
// inputs, as findRefs had, runs past vitest's five-second timeout (34 s in all) and fails.
describe("findRefs over many references", () => {
  it("keeps a reference inside a URL out, however many references the message holds", () => {
    const refs = (text: string) => findRefs(parseMessage(text)).map((ref) => `${ref.type} ${ref.id}`);
    const line = "See https://jira.example.com/browse/ABC-12 and ABC-13, https://example.com/docs/ABC-5 and gh-7.\n";
    const one = ["url https://jira.example.com/browse/ABC-12", "ticket ABC-13", "issue gh-7"];
    expect(refs(`Fix the parser\n\n${line}`)).toEqual(one);
    // Twenty thousand lines of them: every line's references, each once, and none from inside a URL.
    const many = refs(`Fix the parser\n\n${line.repeat(20_000)}`);
    expect(many).toHaveLength(3 * 20_000);
    expect(new Set(many)).toEqual(new Set(one));
  });

  it("reads one line of a hundred thousand ticket keys and issue numbers", () => {
    const keys = Array.from({ length: 50_000 }, (_, index) => `ABC-${index + 1} see #${index + 1}`).join(" ");
    const found = findRefs(parseMessage(`Fix the parser\n\n${keys}\n`));
    expect(found).toHaveLength(100_000);
    expect(found.at(-2)).toMatchObject({ type: "ticket", id: "ABC-50000", line: 3 });
    expect(found.at(-1)).toMatchObject({ type: "issue", id: "#50000", line: 3 });
  });
});

describe("body-max-line-length over long runs of output", () => {
  it("reads a run of lines indented by two spaces as one: output after a colon, prose otherwise", () => {
    const lines = (text: string) => {
      const found: number[] = [];
      rule.check({ message: parseMessage(text), options: { max: 72 }, facets: undefined as never, report: ({ span }) => found.push(span.line) });
      return found;
    };
    const output = `  ${"key_name=1 ".repeat(8)}\n`.repeat(3000);
    expect(lines(`Fix the parser\n\nIt fails with:\n\n${output}`)).toEqual([]);
    // The same run with no line introducing it, then a second run after a colon.
    expect(lines(`Fix the parser\n\n${output}\nIt fails with:\n\n${output}`)).toHaveLength(3000);
    const prose = `  ${"word ".repeat(16)}\n`.repeat(3000);
    expect(lines(`Fix the parser\n\nThe manual says:\n\n${prose}`)).toHaveLength(3000);
  });
});

describe("the causal and release cues over long runs", () => {
  it("reads \"so\" after a sentence end or a comma, however long the blanks before it", () => {
    expect(CAUSAL.test("The cache was stale. So reload it.")).toBe(true);
    expect(CAUSAL.test(`The cache was stale.${" ".repeat(5000)}so reload it.`)).toBe(true);
    expect(CAUSAL.test("The cache was stale, so reload it.")).toBe(true);
    expect(CAUSAL.test(`The${" ".repeat(100000)}so reload it.`)).toBe(false);
  });

  it("reads a pre-release version wherever it starts, but not from inside another version", () => {
    for (const text of ["Prepare 1.2.3-rc1", "Tag foo.1.2-rc1", "Ship v2.0.0.final", "Ship 2.0.0 final", "Ship v1.1.1.1.1-beta2"]) expect(EVIDENT_RELEASE.test(text), text).toBe(true);
    expect(EVIDENT_RELEASE.test(`l10n: v${"1.".repeat(15000)}1 update`)).toBe(false);
    expect(EVIDENT_RELEASE.test(`l10n: v${"1.".repeat(15000)}1-rc1 update`)).toBe(true);
  });
});


describe("needTold over long wrapped text", () => {
  it("reads each need's clause once, across line wraps up to a blank line", () => {
    const wrapped = "the cache needs to be\n".repeat(5000);
    expect(needTold(`${wrapped}\nThe loader needs to know the install path of the pages.\n`, "")).toBe(true);
    expect(needTold("The loader needs to know\nthe install path of the pages.\n", "")).toBe(true);
    expect(needTold("The loader needs to\n\nknow the install path of the pages.\n", "")).toBe(false);
  });
});

describe("orders after \", so\" and sentences opening on \"Now\" over long text", () => {
  it("reads a long run of blanks after a comma, and many \"Now\" sentences, once", () => {
    expect(orderAfterSo(`The helper is called twice,${" ".repeat(100_000)}so call it once.\n`)).toBe(true);
    expect(orderAfterSo(`The helper is called twice,${" \t".repeat(50_000)}x\n`)).toBe(false);
    // A bare "so" looks back only over the blanks before it, once.
    expect(orderAfterBareSo(`The helper is called twice${" ".repeat(100_000)}so call it once.\n`)).toBe(true);
    expect(orderAfterBareSo(`The helper is called twice${" \t".repeat(50_000)}so\n`)).toBe(false);
    expect(orderAfterBareSo("x so ".repeat(20_000))).toBe(false);
    expect(needsChange(`${"should ".repeat(15_000)}\n`)).toBe(false);
    expect(needsChange(`The buffer${" ".repeat(100_000)}should be freed.\n`)).toBe(true);
    const nows = "Now it is. ".repeat(10_000);
    expect(nowContrast(`${nows}The reader used to stop early. Now it reads on.\n`)).toBe(true);
    expect(nowContrast(`${nows}\n`)).toBe(false);
  });

  it("reads 100 KB of passives it must turn down in linear time", () => {
    expect(passiveChange("x is moved by ".repeat(7_000))).toBe(false);
    expect(passiveChange("if x is moved ".repeat(7_000))).toBe(false);
    expect(passiveChange("x is taught when ".repeat(6_000))).toBe(false);
  });
});

describe("the readings of an inability, what we need and a later change over long text", () => {
  it("reads a long word run, many \"we need\" and many later changes once", () => {
    expect(inabilityTold(`${"a".repeat(100_000)} cannot be read twice.\n`)).toBe(true);
    expect(inabilityTold(`${"a cannot ".repeat(12_000)}\n`)).toBe(true);
    expect(statesNeed(`${"we need ".repeat(12_000)}\n`, "")).toBe(false);
    expect(laterChangeUses(`${"future commits ".repeat(7_000)}\n`)).toBe(false);
    expect(laterChangeUses(`${"later patches will be ".repeat(5_000)}easier.\n`)).toBe(true);
    expect(laterChangeUses(`${"in a later patch ".repeat(6_000)}\n`)).toBe(false);
    expect(laterChangeUses(`${"in the next commit, ".repeat(5_000)}we use it.\n`)).toBe(true);
  });
});

describe("the description cue's checks of the old code over long text", () => {
  it("reads the sentence before each \"by …\" within its window, not back to the text's start", () => {
    // Each "by" sits in a sentence about the old code, so the cue reads on to the next one; a
    // look back to the start of the text for each would take seconds here.
    const body = "we used to do it by adding x, ".repeat(30_000);
    expect(lint(`Rework the loader\n\n${body}\n`).facets.what).toBe("named");
  });
});

describe("gerundEffect, meansConsequence and givesGoal over long runs", () => {
  it("read 100 KB of near misses once and still find the reading after them", () => {
    const runs = ["Using " + "the ".repeat(25000), "Using it. ".repeat(10000), "; this ".repeat(14000), "to avoid " + "word\n".repeat(20000), "Using it is ".repeat(9000), ", making ".repeat(12000), "without trying to better ".repeat(4000)];
    for (const run of runs) {
      expect(gerundEffect(run)).toBe(false);
      expect(meansConsequence(run)).toBe(false);
      expect(givesGoal(run, "word")).toBe(false);
    }
    expect(gerundEffect(`${"Using it. ".repeat(10000)}Using the macro avoids such surprises.`)).toBe(true);
    expect(meansConsequence(`${"; this ".repeat(14000)}. This means one less process.`)).toBe(true);
  });
  it("read 100 KB of participles after commas once for JUDGED_EFFECT", () => {
    expect(JUDGED_EFFECT.test(", making it a b c d e f g h".repeat(4000))).toBe(false);
    expect(JUDGED_EFFECT.test(`${"x, making ".repeat(10000)}x, making it easier to read.`)).toBe(true);
  });
});

describe("the readings added for git.git's flagged bodies, over long runs", () => {
  it("reads 100 KB of emphasis marks, \"would\", \"so we\" and \", allowing\" in linear time", async () => {
    const { withoutEmphasis } = await import("../../src/judge/text.js");
    const { wouldTold } = await import("../../src/judge/narrative.js");
    const { allowsOwn, badStateTold, causalAsTold, enabledUse, followsPrecedent, labelledReason, soPronounPurpose } = await import("../../src/judge/reasons.js");
    const inputs = [
      ` _${"a".repeat(100_000)}`,
      " _a".repeat(35_000),
      "it would ".repeat(12_000),
      "so we can ".repeat(10_000),
      "such that we can ".repeat(6_000),
      ", allowing ".repeat(9_000),
      "which creates a ".repeat(6_000),
      "was either slow or ".repeat(5_000),
      "this allows for ".repeat(6_000),
      ". Now the users can ".repeat(5_000),
      ". This allows using ".repeat(5_000),
      ". The new option makes it possible to ".repeat(3_000),
      ". The main reason: a".repeat(5_000),
      " for one reason:\n".repeat(6_000),
      `, as the ${"a ".repeat(50_000)}`,
      ", as the a b c d e f g ".repeat(4_000),
      ", as it neither ".repeat(7_000),
      `. ${" ".repeat(100_000)}just like x`,
      ".   just ".repeat(12_000),
      "Just like that ".repeat(7_000),
    ];
    for (const text of inputs) {
      withoutEmphasis(text);
      wouldTold(text, true);
      soPronounPurpose(text, "");
      allowsOwn(text, "");
      enabledUse(text, "");
      labelledReason(text, "");
      badStateTold(text);
      causalAsTold(text);
      followsPrecedent(text);
      judgeBody(text);
    }
  });
});

function judgeBody(body: string): void {
  lint(`Fix the parser\n\n${body}\n`);
}

// As above, no time is measured: before their runs were read once, a summary with 40,000 blanks,
// dots or exclamation marks in the middle took 2-3 s (100,000 some 25 s, past the timeout).
describe("summary readings over long runs of blanks and marks", () => {
  it("lints a summary with a hundred thousand blanks, dots or marks inside as one with a few", () => {
    for (const run of [" ", ".", "!", "\t", " .", "by "]) {
      const long = lint(`Fix the parser${run.repeat(100_000 / run.length)} for empty lists\n\nIt crashed because the list was empty.\n`);
      const short = lint(`Fix the parser${run.repeat(3)} for empty lists\n\nIt crashed because the list was empty.\n`);
      expect([long.facets?.why, long.facets?.what], JSON.stringify(run)).toEqual([short.facets?.why, short.facets?.what]);
    }
    // The closing marks and a squash-merge suffix are still taken off the end, after any run.
    for (const end of [".".repeat(100_000), "!".repeat(100_000), ` ${" ".repeat(100_000)}(#12)`]) {
      const facets = (summary: string) => {
        const { why, what } = lint(`${summary}\n\nIt crashed because the list was empty.\n`).facets ?? {};
        return [why, what];
      };
      expect(facets(`Fix the parser for empty lists${end}`)).toEqual(facets("Fix the parser for empty lists"));
    }
  });

  it("reads a preparation in a summary of many near misses", () => {
    expect(lint(`move code${" to prepare for 1".repeat(6_000)}\n`).facets?.why).not.toBe("explained");
    expect(lint(`move code${" for the next big shiny".repeat(5_000)} car\n`).facets?.why).not.toBe("explained");
    expect(lint(`move code${" for the next big shiny".repeat(5_000)} patch\n`).facets?.why).toBe("explained");
    expect(lint(`move code${" to prepare for it".repeat(6_000)}\n`).facets?.why).toBe("explained");
  });

  it("reads no approach after a cause, however many blanks stand before its \"by\"", () => {
    expect(summaryOrdersLater("Fix the crash by checking the length")).toBe(true);
    expect(summaryOrdersLater("Fix the crash  by checking the length")).toBe(true);
    expect(summaryOrdersLater("Fix the crash caused by running tests")).toBe(false);
    expect(summaryOrdersLater("Fix the crash caused  by running tests")).toBe(false);
    expect(summaryOrdersLater("Fix the crash caused \t by running tests")).toBe(false);
  });
});

describe("judge25 readings over long runs", () => {
  it("reads a gerund that fixes and a fixed failure once over 100 KB", () => {
    expect(gerundFixes(`${"Adding ".repeat(15_000)}x`)).toBe(false);
    expect(gerundFixes(`${"and switching x ".repeat(6_000)}fixes it.`)).toBe(true);
    expect(gerundFixes(`${"a ".repeat(50_000)}`)).toBe(false);
    expect(fixedFailureNamed(`it fix ${"x.y ".repeat(25_000)}`)).toBe(false);
    const long = lint(`unicode: update the${" width".repeat(16_000)} tables to Unicode 14\n\nReleased after a long beta period.\n`);
    expect(long.facets?.why).toBeDefined();
  });
});

describe("a list item with a long run of wrapped lines", () => {
  it("reads twenty thousand aligned lines as the item's prose in one pass", () => {
    const facets = lint(`Fix the parser\n\n  - The parser\n${"    reads the same line again and\n".repeat(20_000)}    crashes on empty lists.\n`).facets;
    expect(facets?.why).toBe("explained");
  });
});

describe("updatesTranslation and marksForTranslation over long summaries", () => {
  it("reads a long run of words before and after the translation once", () => {
    const words = "new ".repeat(25_000);
    expect(updatesTranslation(readSummary(`Update ${words}German translation`))).toBe(false);
    expect(updatesTranslation(readSummary(`Update German translation (${"5104t0f0u ".repeat(10_000)}`))).toBe(true);
    expect(updatesTranslation(readSummary(`Update ${"ab ".repeat(33_000)}translation`))).toBe(false);
    expect(marksForTranslation(readSummary(`mark ${"strings for ".repeat(8_000)}translation`))).toBe(true);
    expect(marksForTranslation(readSummary(`mark strings for${" ".repeat(100_000)}x`))).toBe(false);
    expect(marksForTranslation(readSummary(`i18n: git-add ${"basic ".repeat(16_000)}messages`))).toBe(true);
  });
});

describe("negatedPairTold over long bodies", () => {
  it("reads 100 KB of commas, words and blanks in linear time", () => {
    expect(negatedPairTold(`${", a b c d e".repeat(10_000)} is not.`)).toBe(false);
    expect(negatedPairTold(`${"x".repeat(100_000)}, ${"y".repeat(100_000)} is not.`)).toBe(true);
    expect(negatedPairTold(`${"x, y".repeat(25_000)} not`)).toBe(false);
    expect(negatedPairTold(`${", ".repeat(50_000)}doesn't.`)).toBe(false);
    expect(negatedPairTold(`${"Mercurial supports them. ".repeat(4_000)}Mercurial supports them, Git doesn't.`)).toBe(true);
  });
});

describe("resultTold over long bodies", () => {
  it("reads 100 KB of \"This way\" openings and blanks in linear time", () => {
    expect(resultTold(`${"This way of. ".repeat(8_000)}`)).toBe(false);
    expect(resultTold(`This way${" ".repeat(100_000)}is slow.`)).toBe(false);
    expect(resultTold(`${"x. ".repeat(30_000)}This way we can catch it.`)).toBe(true);
  });
});

describe("test files and folders as the area over long prefixes", () => {
  it("reads 100 KB areas of dots, slashes and test folders once", () => {
    const testsArea = (area: string) => (judgeMessageDetailed(parseMessage(`${area}: fix the reader\n`), { projectKeys: [] }).cues ?? []).includes("evidentTests");
    expect(testsArea(`${"a.".repeat(50_000)}a`)).toBe(false);
    expect(testsArea(`${"a/".repeat(50_000)}a`)).toBe(false);
    expect(testsArea(`${"a/".repeat(50_000)}tests/x`)).toBe(true);
    expect(testsArea(`${"a.".repeat(50_000)}test.ts`)).toBe(true);
    expect(testsArea(`${"a.".repeat(50_000)}tst.ts`)).toBe(false);
    expect(testsArea(`${"spec/".repeat(20_000)}x.yaml`)).toBe(false);
    expect(testsArea(`${"spec/".repeat(20_000)}x.rb`)).toBe(true);
    expect(testsArea(`${"Aa/".repeat(33_000)}ParserTest.java`)).toBe(true);
    expect(testsArea(`${"A".repeat(100_000)}test.java`)).toBe(false);
  });
});

describe("judge27's readings over long input", () => {
  it("reads \"While at it,\", a past change verb and \"Have\" once each over a hundred thousand characters", () => {
    const clauses = "While at it at it at it, ".repeat(4000);
    expect(orderAfterOpening(`${clauses}memory grows.`)).toBe(false);
    expect(orderAfterOpening(`The walker leaks. While at it, use designated initializers.`)).toBe(true);
    const opener = "Fix the walker's leak\n\nThe walker leaks the buffer when the read fails, which grows daemons.\n\n";
    expect(judgeMessageDetailed(parseMessage(`${opener}${"Changed Changed Changed. ".repeat(4000)}`)).what).toBe("missing");
    expect(judgeMessageDetailed(parseMessage(`${opener}${"Have Have Have have. ".repeat(5000)}`)).what).toBe("missing");
    expect(ordersThroughHave(`Have ${"x".repeat(100000)} free it.`, 4)).toBe(false);
  });

  it("reads \"so it\" after an order once over a hundred thousand characters", () => {
    expect(orderedPurpose(`Add ${"so it can so it can ".repeat(5000)}fly.`, "")).toBe(false);
    expect(orderedPurpose(`${"Add it so. ".repeat(9000)}Add the helper so it can parse references correctly.`, "")).toBe(true);
  });
});
