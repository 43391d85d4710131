import { describe, expect, it } from "vitest";
import {
  BENEFIT, ENABLES, JUDGED_BETTER, JUDGED_BETTER_WORDS, JUDGED_EFFECT, JUDGED_EFFECT_WORDS, MEASURED_COST, MEASURED_COST_WORDS, mayBenefit, mayEnable,
  mayPrepare, PREPARES, PROBLEM_TOLD, PROBLEM_TOLD_WORDS, STATED_REASON, STATED_REASON_WORDS,
} from "../../src/judge/reasons.js";
import { WordGate } from "../../src/judge/words.js";

describe("WordGate", () => {
  it("opens on one of its words standing whole in the text, in any case", () => {
    const gate = new WordGate(["because", "since"]);
    expect(gate.opens("It broke BECAUSE the cache was stale.")).toBe(true);
    expect(gate.opens("Since the rewrite it is slow.")).toBe(true);
    expect(gate.opens("It broke; the cache was stale.")).toBe(false);
  });

  it("does not open on a word inside another word", () => {
    const gate = new WordGate(["turn", "fact"]);
    expect(gate.opens("Return early and refactor the loop.")).toBe(false);
    expect(gate.opens("In fact, it does not turn.")).toBe(true);
  });

  it("reads an apostrophe and a hyphen as the end of a word, as \\b does", () => {
    expect(new WordGate(["don"]).opens("We don't need it.")).toBe(true);
    expect(new WordGate(["t"]).opens("We don't need it.")).toBe(true);
    expect(new WordGate(["dont"]).opens("We don't need it.")).toBe(false);
    expect(new WordGate(["follow"]).opens("a follow-up patch")).toBe(true);
    expect(new WordGate(["up"]).opens("a follow-up patch")).toBe(true);
    expect(new WordGate(["followup"]).opens("a follow-up patch")).toBe(false);
  });

  it("counts digits and underscores as word characters", () => {
    expect(new WordGate(["foo"]).opens("call foo_bar() twice")).toBe(false);
    expect(new WordGate(["foo_bar"]).opens("call foo_bar() twice")).toBe(true);
    expect(new WordGate(["x86"]).opens("Builds on x86 only")).toBe(true);
    expect(new WordGate(["x"]).opens("Builds on x86 only")).toBe(false);
  });

  it("ends a word at any character outside ASCII, as a pattern without the u flag does", () => {
    expect(new WordGate(["na"]).opens("a naïve check")).toBe(true);
    expect(new WordGate(["ve"]).opens("a naïve check")).toBe(true);
    expect(new WordGate(["naive"]).opens("a naïve check")).toBe(false);
    // The dotted capital I lower-cases to "i" and a combining dot, and the Kelvin sign to "k";
    // neither is a word character for `\b` or matches an ASCII letter under the i flag.
    expect(new WordGate(["it"]).opens("\u0130t works")).toBe(false);
    expect(/\bit\b/i.test("\u0130t works")).toBe(false);
    expect(new WordGate(["key"]).opens("the \u212Aey")).toBe(false);
    expect(/\bkey\b/i.test("the \u212Aey")).toBe(false);
  });

  it("opens on nothing in an empty text or one without words", () => {
    const gate = new WordGate(["a", "the"]);
    expect(gate.opens("")).toBe(false);
    expect(gate.opens(" -- ... ()\n\n")).toBe(false);
  });

  it("reads each new text, and a text read before a gate existed again for that gate", () => {
    const first = new WordGate(["alpha"]);
    expect(first.opens("alpha beta")).toBe(true);
    expect(first.opens("beta gamma")).toBe(false);
    expect(first.opens("alpha beta")).toBe(true);
    // A gate made after "alpha beta" was read: its word was not looked for then.
    const later = new WordGate(["beta", "omega"]);
    expect(later.opens("alpha beta")).toBe(true);
    expect(first.opens("alpha beta")).toBe(true);
  });

  it("refuses a word no text could hold as a word of its own", () => {
    expect(() => new WordGate(["Because"])).toThrow(/lower-case words/);
    expect(() => new WordGate(["follow-up"])).toThrow(/"follow-up"/);
    expect(() => new WordGate(["so that"])).toThrow(/lower-case words/);
    expect(() => new WordGate([""])).toThrow(/lower-case words/);
    expect(() => new WordGate(["naïve"])).toThrow(/lower-case words/);
  });
});

describe("the gates of the reason readings", () => {
  // Each pattern's own examples: its gate must open wherever the pattern matches, whatever the
  // case or the line wraps.
  const cases: [string, RegExp, (text: string) => boolean, string[]][] = [
    ["PREPARES", PREPARES, mayPrepare, ["This is preparation for moving parts of it into tree.c.", "These will be used for generating the cover letter.", "It can\nbe shared by other callers.", "We are about to change the format.", "Rename it to allow a future general-purpose update_refs function to be added.", "This is a pre-requisite for the next step."]],
    ["JUDGED_EFFECT", JUDGED_EFFECT, (text) => JUDGED_EFFECT_WORDS.opens(text), ["This makes it clear that the cb itself is the same structure.", "Might be useful to see the object names.", "We TYPICALLY pass around flags via unsigned integers.", "Use the X resources to set the font, removing the need to set the font\nfor specific widgets."]],
    ["JUDGED_BETTER", JUDGED_BETTER, (text) => JUDGED_BETTER_WORDS.opens(text), ["It's easier to translate this way.", "No need to duplicate that functionality.", "Besides PATH_MAX seems to be more commonly used.", "This is our usual convention."]],
    ["BENEFIT", BENEFIT, mayBenefit, ["Include it so consumers of REV_INFO_INIT do not need to include it.", "With the new pointer, we don't\nhave to assume the_repository in the backends anymore.", "This lets users pick the format."]],
    ["ENABLES", ENABLES, mayEnable, ["Now that run_command implements the same code, we can make use of it.", "This gives callers more control.", "Add a test in the hope of catching the race."]],
    ["STATED_REASON", STATED_REASON, (text) => STATED_REASON_WORDS.opens(text), ["Keep the TERM variable, which is required\nby tput.", "Use it, becuase the other is slow.", "The new parser is 2x faster on large inputs."]],
    ["PROBLEM_TOLD", PROBLEM_TOLD, (text) => PROBLEM_TOLD_WORDS.opens(text), ["The import failed and git-remote-mediawiki gave no\nclue about the reason.", "Any\nuser could read the token from the process list.", "It parsed the same file eleven times."]],
    ["MEASURED_COST", MEASURED_COST, (text) => MEASURED_COST_WORDS.opens(text), ["The migration could\ntake up to six hours on large tables.", "Backups TOOK six hours."]],
  ];
  for (const [name, pattern, gate, examples] of cases) {
    it(`opens for every example ${name} matches`, () => {
      for (const example of examples) {
        expect(pattern.test(example), example).toBe(true);
        expect(gate(example), example).toBe(true);
      }
    });
  }

  it("stays shut for a body without the words the patterns need", () => {
    const body = "Move the helper into its own file and rename it.";
    for (const [name, pattern, gate] of cases) {
      expect(pattern.test(body), name).toBe(false);
      expect(gate(body), name).toBe(false);
    }
  });
});
