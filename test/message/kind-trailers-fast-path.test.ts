// The first-character tests in front of the kind patterns, and the trailer reader without a comment
// prefix, answer as the plain forms they stand for, on generated summaries and messages.
import { describe, expect, it } from "vitest";
import {
  BOT_TRAILER_PATTERN,
  KIND_SUMMARY_PATTERNS,
  isBotMessage,
  mayNameBot,
  isMergeSummary,
  isReleaseSummary,
  mayBeRevertSummary,
} from "../../src/message/kind.js";
import { parseMessage } from "../../src/message/parse.js";
import { PROSE_LABELS, endOfLogMessage, endOfLogMessageByLines, findTrailerBlock, isMeaningfulLabelText, isProseTrailer } from "../../src/message/trailers.js";
import type { SourceLine } from "../../src/types.js";
import { TEXT_PIECES, generatedLine, seededRandom } from "../support/generated-text.js";

/** Openings that each kind pattern matches, in their own case and others, with starts outside ASCII. */
const SUMMARY_PIECES: readonly string[] = [
  ...TEXT_PIECES,
  "Merge", "Merge branch 'a'", "Merge branch 'a' into 'b'", "Merge pull request #12 from o/b", "Merged in x (pull request #3)",
  "Merged PR 5:", "Merge https://example.com/r", "Merge tag 'v1'", "merge", "MERGE",
  'Revert "x"', 'Reapply "x"', "revert:", "Revert:", "REVERT:", "revert(api)!:", "feat(api):", "This reverts commit abcdef1",
  "This reverts commit abcdef1 (x, 2024-01-01).", "Revert", "reverts",
  "chore: release", "chore(main): release", "chore(release):", "release:", "Release", "release", "releasing", "prepare release",
  "version", "Version", "bump version to", "Bump to", "set version to", "Set Version To", "1.2.3", "v1.2.3", "V1.2.3", "2.43",
  "0.99.9e", "Git", "GIT", "git-gui", "Update", "Bump version: 1.0 → 1.1", "Version Packages", "Version Packages (beta)",
  "[maven-release-plugin] prepare release", "[Gradle Release Plugin] - x", "Prepare next development version",
  "prepare for next development iteration", "Publish", "chore: publish", "-rc1", "-beta.2", ".dev0",
  "Bump x from 1.0 to 1.1", "Bump the npm group", "build(deps):", "chore(deps-dev):", "fix: bump x from 1 to 2",
  "chore: update dependency x to 2", "Update dependency x to 2", "Update module x to v2", "Update actions/checkout action to v4",
  "Pin dependencies", "Lock file maintenance", "Update all non-major dependencies", "[Snyk]", "[pre-commit.ci]",
  "chore(package): update x to version 2", "İ", "ſ", "K", "ı", "Ü", "1", "[", "T", "r", "c", "B", "s", "p", "v",
];

function generatedSummary(random: () => number): string {
  // Mostly no indent: the patterns are anchored at the start, which is what the gates read.
  return generatedLine(random, 5, SUMMARY_PIECES).replace(/^\s+/, random() < 0.8 ? "" : " ");
}

const SUMMARIES: string[] = [];
{
  const random = seededRandom(37);
  for (let n = 0; n < 60_000; n++) SUMMARIES.push(generatedSummary(random));
  for (const piece of SUMMARY_PIECES) SUMMARIES.push(piece, `${piece} 1.2.3`, `${piece} x`);
}

describe("kind patterns behind first-character tests", () => {
  it("the generated summaries reach every kind's patterns", () => {
    for (const patterns of Object.values(KIND_SUMMARY_PATTERNS)) {
      const hits = SUMMARIES.filter((s) => patterns.some((re) => re.test(s))).length;
      expect(hits).toBeGreaterThan(20);
    }
  });

  it("isMergeSummary answers as its patterns", () => {
    for (const s of SUMMARIES) expect(isMergeSummary(s), s).toBe(KIND_SUMMARY_PATTERNS.merge.some((re) => re.test(s)));
  });

  it("isReleaseSummary answers as its patterns", () => {
    for (const s of SUMMARIES) expect(isReleaseSummary(s), s).toBe(KIND_SUMMARY_PATTERNS.release.some((re) => re.test(s)));
  });

  it("isBotMessage answers as its summary patterns when there are no trailers", () => {
    for (const s of SUMMARIES) {
      const summary = { text: s, line: 1 };
      expect(isBotMessage({ summary, body: [], trailers: [] }), s).toBe(KIND_SUMMARY_PATTERNS.bot.some((re) => re.test(s)));
    }
  });

  it("mayBeRevertSummary holds for every summary a revert pattern matches", () => {
    for (const s of SUMMARIES) {
      if (KIND_SUMMARY_PATTERNS.revert.some((re) => re.test(s))) expect(mayBeRevertSummary(s), s).toBe(true);
    }
  });

  it("the gates turn summaries away", () => {
    expect(mayBeRevertSummary("builtin/revert: x")).toBe(false);
    expect(isReleaseSummary("t7004: release 1.2.3")).toBe(false);
    expect(isReleaseSummary("Git 2.43")).toBe(true);
    expect(isReleaseSummary("İ 2.43")).toBe(false);
  });
});

/** A generated message: a summary, paragraphs of generated lines and trailer-like lines, CRLF kept in some. */
function generatedMessage(random: () => number): string {
  const lines = [generatedSummary(random)];
  const paragraphs = Math.floor(random() * 4);
  for (let p = 0; p < paragraphs; p++) {
    lines.push(random() < 0.1 ? "# comment" : "");
    const count = 1 + Math.floor(random() * 4);
    for (let n = 0; n < count; n++) {
      const r = random();
      if (r < 0.25) lines.push(`Signed-off-by: A U Thor <a@example.com>${random() < 0.1 ? "\r" : ""}`);
      else if (r < 0.35) lines.push(`Why: ${generatedLine(random)}`);
      else if (r < 0.4) lines.push("(cherry picked from commit abcdef1)");
      else if (r < 0.45) lines.push("Conflicts:", "\tfile.c");
      else if (r < 0.55) lines.push(`${random() < 0.5 ? "Fixes" : "Co-authored-by"}:${generatedLine(random, 3)}`);
      else lines.push(generatedLine(random));
    }
  }
  return random() < 0.05 ? "" : lines.join("\n");
}

function sourceLines(text: string): SourceLine[] {
  return text === "" ? [] : text.split("\n").map((t, i) => ({ text: t, line: i + 1 }));
}

/** Tokens and values: the prose labels in several cases, sign-offs, bots, and letters that lower-case oddly. */
const TOKEN_PIECES: readonly string[] = [
  "Why", "why", "WHY", "Reason", "Root-Cause", "Test-Plan", "Trade-offs", "Modifications", "MODIFICATIONS", "Signed-off-by",
  "signed-off-by", "SIGNED-OFF-BY", "Fixes", "Co-authored-by", "Impact", "\u0130mpact", "Bac\u212Aground", "\u212Aey", "Note",
  "Notes", "Summary", "s", "Ri\u017Fk", "", "-", "1", "(cherry picked from commit",
];
const VALUE_PIECES: readonly string[] = [
  "dependabot[bot] <x@y>", "Dependabot <x@y>", "renovate[bot]", "RENOVATE", "A U Thor <a@b>", "[BOT]", "[bot", "d", "r", "",
  "\u212Aelvin", "github-actions[bot]", "x [Bot] y", "every build re-parsed the file", "TBD",
];

describe("trailer readers behind first-character tests", () => {
  const random = seededRandom(7373);
  const pick = (pieces: readonly string[]) => pieces[Math.floor(random() * pieces.length)];
  const tokens: string[] = [...TOKEN_PIECES];
  const values: string[] = [...VALUE_PIECES];
  for (let n = 0; n < 5000; n++) {
    tokens.push(pick(TOKEN_PIECES) + (random() < 0.3 ? pick(TOKEN_PIECES) : ""));
    values.push((random() < 0.3 ? pick(TEXT_PIECES) : "") + pick(VALUE_PIECES) + (random() < 0.5 ? ` ${generatedLine(random, 3)}` : ""));
  }

  it("isProseTrailer answers as a lower-cased label lookup", () => {
    let prose = 0;
    for (const token of [...tokens, ...PROSE_LABELS, ...[...PROSE_LABELS].map((l) => l.toUpperCase())]) {
      const value = "every build re-parsed the file";
      const plain = PROSE_LABELS.has(token.toLowerCase()) && isMeaningfulLabelText(value);
      expect(isProseTrailer({ token, value }), token).toBe(plain);
      if (plain) prose++;
    }
    expect(prose).toBeGreaterThan(100);
    expect(isProseTrailer({ token: "Bac\u212Aground", value: "every build re-parsed the file" })).toBe(true);
  });

  it("mayNameBot holds for every value the bot pattern matches", () => {
    let bots = 0;
    for (const value of values) {
      if (BOT_TRAILER_PATTERN.test(value)) {
        bots++;
        expect(mayNameBot(value), value).toBe(true);
      }
    }
    expect(bots).toBeGreaterThan(100);
    expect(mayNameBot("A U Thor <a@b>")).toBe(false);
  });

  it("isBotMessage finds a bot's sign-off in any case", () => {
    const summary = { text: "Update x", line: 1 };
    for (const token of tokens) {
      for (const value of VALUE_PIECES) {
        const trailers = [{ token, value, line: 3, column: 1, endLine: 3, endColumn: 2 }];
        const plain = /^signed-off-by$/i.test(token) && BOT_TRAILER_PATTERN.test(value);
        expect(isBotMessage({ summary, body: [], trailers }), `${token}: ${value}`).toBe(plain);
      }
    }
  });
});

describe("endOfLogMessage", () => {
  it("answers as the plain pass over every line, on generated messages", () => {
    const random = seededRandom(4242);
    const isComment = (text: string) => text.startsWith("#");
    const never = () => false;
    let runs = 0;
    for (let n = 0; n < 20_000; n++) {
      const lines = sourceLines(generatedMessage(random));
      if (random() < 0.3) lines.push({ text: ["", "# c", "Conflicts:", "\tfile.c", "text"][Math.floor(random() * 5)], line: lines.length + 1 });
      for (const comment of [isComment, never]) {
        const plain = endOfLogMessageByLines(lines, comment);
        expect(endOfLogMessage(lines, comment), lines.map((l) => l.text).join("\n")).toEqual(plain);
        if (plain.end < lines.length) runs++;
      }
    }
    expect(runs).toBeGreaterThan(1000);
  });
});

describe("findTrailerBlock without a comment prefix", () => {
  it("reads as with a prefix that no line starts with, on generated messages", () => {
    const random = seededRandom(3737);
    let blocks = 0;
    for (let n = 0; n < 20_000; n++) {
      const lines = sourceLines(generatedMessage(random));
      const plain = findTrailerBlock(lines, "\u0000");
      expect(findTrailerBlock(lines), lines.map((l) => l.text).join("\n")).toEqual(plain);
      expect(findTrailerBlock(lines, "")).toEqual(plain);
      if (plain.trailers.length > 0) blocks++;
    }
    expect(blocks).toBeGreaterThan(1000);
  });

  it("a comment prefix still keeps comment lines out of the block", () => {
    const lines = sourceLines("Fix x\n\nBody.\n\nSigned-off-by: A <a@b>\n# Reviewed-by: B <b@c>");
    expect(findTrailerBlock(lines, "#").trailers.map((t) => t.token)).toEqual(["Signed-off-by"]);
    expect(findTrailerBlock(lines).trailers.map((t) => t.token)).toEqual(["Signed-off-by"]);
  });
});

describe("parseMessage's text and body text", () => {
  it("are the lines joined, the body's a slice of the message's, on generated messages", () => {
    const random = seededRandom(1337);
    let bodies = 0;
    for (let n = 0; n < 5000; n++) {
      let raw = generatedMessage(random);
      if (random() < 0.2) raw = raw.replace(/\n/g, "\r\n");
      if (random() < 0.1) raw = `\n\n${raw}\n\n`;
      const message = parseMessage(raw);
      expect(message.text, raw).toBe(message.lines.map((l) => l.text).join("\n"));
      expect(message.bodyText, raw).toBe(message.body.map((l) => l.text).join("\n"));
      if (message.body.length > 1) bodies++;
    }
    expect(bodies).toBeGreaterThan(500);
  });
});
