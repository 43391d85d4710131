// Reasons told in plain sentences of today: bare needs, refusals, useless results, wants, "this fixes it".
import { describe, expect, it } from "vitest";
import { bareNeedTold, fixesWhatWasTold, othersWant, refusalTold, uselessMade } from "../../src/judge/plain-reasons.js";
import { lint } from "../../src/lint.js";

/** The rule ids of the findings lint() reports for `message`. */
const rulesOf = (message: string): string[] => lint(message).findings.map((finding) => finding.ruleId);

describe("bareNeedTold", () => {
  it("reads a part of today's code that needs something, told as a whole sentence", () => {
    expect(bareNeedTold("The config loader needs a second default. This adds y next to x.", "Add y next to x")).toBe(true);
    expect(bareNeedTold("Our parser requires an extra lookahead token.", "Peek one token further")).toBe(true);
    expect(bareNeedTold("The release script needs its own\nchangelog reader.", "Split out readChangelog")).toBe(true);
  });

  it("does not read the change's need, a new thing's, a condition, a past or a need with a purpose", () => {
    const summary = "Add y next to x";
    for (const sentence of [
      "This change needs a second default.",
      "The new loader needs a second default.",
      "The loader no longer needs a second default.",
      "The loader now needs a second default.",
      "If the loader needs a second default, add it.",
      "The loader needed a second default.",
      "The patch needs a rebase.",
      "The test needs a fixture to run.",
      "Users who need a default can set one.",
      "Does the loader need a second default?",
    ]) expect(bareNeedTold(sentence, summary), sentence).toBe(false);
    // What it needs is all the summary's words: the body says the summary again.
    expect(bareNeedTold("The loader needs a second default.", "Add a second default")).toBe(false);
  });
});

describe("refusalTold", () => {
  it("reads a part of today refusing, rejecting or ignoring what it is given", () => {
    expect(refusalTold("With the conventional preset the hook refuses npm version's bare version summary.", "Set npm's version message")).toBe(true);
    expect(refusalTold("The parser silently ignores a trailing comma in the list.", "Warn about trailing commas")).toBe(true);
    expect(refusalTold("Our proxy rejects requests without a Host header.", "Send the Host header")).toBe(true);
  });

  it("does not read the behaviour the change brings, a condition, a negation or the reader's act", () => {
    const summary = "Set npm's version message";
    for (const sentence of [
      "The hook now refuses a bare version summary.",
      "With this change the hook refuses a bare version summary.",
      "The new hook refuses a bare version summary.",
      "The hook will reject a bare version summary.",
      "If the hook rejects a bare version summary, fix the message.",
      "The hook no longer rejects a bare version summary.",
      "Make sure the hook rejects a bare version summary.",
      "Nobody ignores the warning.",
      "This patch ignores whitespace in the summary.",
      "You can ignore the warning for now.",
    ]) expect(refusalTold(sentence, summary), sentence).toBe(false);
    // The summary orders the refusal: the sentence tells the new behaviour.
    expect(refusalTold("The hook rejects an empty summary.", "Reject an empty summary in the hook")).toBe(false);
  });
});

describe("uselessMade", () => {
  it("reads a fault judged by what it leaves of something, or a thing that has lost its point", () => {
    expect(uselessMade("Long lines run off the screen, which makes the diff viewer almost useless.")).toBe(true);
    expect(uselessMade("The escape codes render the log unreadable in a pager.")).toBe(true);
    expect(uselessMade("It has no point any more.")).toBe(true);
    expect(uselessMade("The flag serves no purpose since the server went away.")).toBe(true);
  });

  it("does not read a denial, a hypothesis, a comparison or the change's own effect", () => {
    for (const sentence of [
      "This does not make the viewer useless.",
      "Without the cache the viewer would be useless.",
      "It would make the viewer useless.",
      "This change makes the old flag useless.",
      "It makes the viewer less useful.",
      "The value is used to make the view.",
      "The point of the check is to catch typos.",
      "Use a pointer to the list instead.",
      "Make it reusable.",
      "If the cache is empty, the viewer is useless.",
    ]) expect(uselessMade(sentence), sentence).toBe(false);
  });
});

describe("othersWant", () => {
  it("reads what callers, helpers or users may want, in words of its own", () => {
    expect(othersWant("Helpers might want to format dates the same way.", "Add a helper for dates")).toBe(true);
    expect(othersWant("Callers may need a way to cancel a running upload.", "Export abortUpload")).toBe(true);
    expect(othersWant("Scripts often want to read the\nstatus without colours.", "Add --plain to status")).toBe(true);
  });

  it("does not read advice, a condition, the new behaviour, a relative clause or the summary again", () => {
    const summary = "Add a helper for dates";
    for (const sentence of [
      "You might want to format dates the same way.",
      "If callers might want to format dates, they can use the helper.",
      "Now callers may want to format dates the same way.",
      "Users who might want to format dates can call the helper.",
      "Helpers want dates.",
      "We might want to format dates the same way.",
      "Callers might not want to format dates.",
      "Callers want to format dates the same way.",
      "Helpers might want to add a helper for dates.",
      "With this change, callers may want to format dates the same way.",
    ]) expect(othersWant(sentence, summary), sentence).toBe(false);
  });
});

describe("fixesWhatWasTold", () => {
  it("reads a failure that the next sentence says the change fixes", () => {
    expect(fixesWhatWasTold("The uploader asks for a token on every chunk. This should fix that.")).toBe(true);
    expect(fixesWhatWasTold("Sometimes the upload stalls when the server answers slowly.\nHopefully this solves it.")).toBe(true);
    expect(fixesWhatWasTold("The pager shows an empty screen for short input.\n\nThis patch fixes the problem.")).toBe(true);
  });

  it("does not read an order, a short sentence, the change or the new behaviour before it", () => {
    for (const sentence of [
      "Take the lock before writing. This should fix it.",
      "Add a retry loop around the upload. This should fix it.",
      "Oops. This should fix it.",
      "This change moves the check earlier. This should fix it.",
      "The uploader now caches the token. This should fix it.",
      "We take the lock before writing. This should fix it.",
      "The uploader asks for a token on every chunk. This should fix the tests too.",
      "The uploader asks for a token on every chunk. Fix it.",
      "The uploader asks for a token on every chunk. This should fix it, but not the retries",
      "The upload will retry on 503. This should fix it.",
    ]) expect(fixesWhatWasTold(sentence), sentence).toBe(false);
  });
});

describe("whole messages whose reason is told in these plain sentences", () => {
  it("does not call a reason stated before the reference only linked", () => {
    const message = "Add y next to x\n\nThe config loader needs a second default. This adds y next to x.\n\nRefs #12\n";
    expect(lint(message).facets.why).toBe("explained");
    expect(rulesOf(message)).not.toContain("why-only-linked");
  });

  it("reads a component refusing input today as the problem, not a missing reason", () => {
    const message = "chore: set npm's version message\n\nWith the conventional preset the hook refuses npm version's bare version\nsummary. This sets npm's message to \"chore: release %s\".\n";
    expect(rulesOf(message)).not.toContain("body-why");
  });

  it("reads a reason given only inside a quoted report", () => {
    const useless = "Force focus to the diff viewer on click\n\nA user reported:\n\n> A disabled text widget cannot get a selection on this\n> platform. That makes the diff viewer almost useless.\n\nFocus the viewer on button 1.\n";
    const pointless = "Retire check-files\n\nThe maintainer said:\n\n> It has no point any more, all the tools check the file\n> status on their own.\n\nRemove it.\n";
    for (const message of [useless, pointless]) expect(rulesOf(message), message).not.toContain("body-why");
  });

  it("reads a failure followed by \"This should fix it\" and a need of callers as why", () => {
    const fixesIt = "Wait for the socket before writing\n\nThe uploader asks for a fresh token on every chunk of a file.\nThis should fix it.\n";
    const helpers = "Allow verbosity up to 3 in the transport\n\nHelpers might want a higher level of verbosity than -v -v.\nExpand the field to allow the range -1..3.\n";
    for (const message of [fixesIt, helpers]) expect(rulesOf(message), message).not.toContain("body-why");
  });

  it("still asks for the reason when the sentences only order or describe the change", () => {
    expect(rulesOf("Wait for the socket before writing\n\nTake the lock before writing. This should fix it.\n")).toContain("body-why");
    expect(rulesOf("Add y next to x\n\nThis change needs a second default.\n\nRefs #12\n")).toContain("why-only-linked");
  });
});
