import { describe, expect, it } from "vitest";
import { findRefs } from "../../src/judge/refs.js";
import { parseMessage } from "../../src/message/parse.js";
import type { ParsedMessage } from "../../src/types.js";
import { generatedLine, seededRandom, TEXT_PIECES } from "../support/generated-text.js";

// Pieces without a "#" or a digit: messages made of them take findRefs' early return.
const PLAIN_PIECES = TEXT_PIECES.filter((piece) => !/[#\d]/.test(piece));

/**
 * findRefs over `message` the whole way: its text given a "#" (which no pattern reads, since the
 * patterns read the lines), so that the early return for a text without "#" or a digit is not taken.
 */
function refsTheWholeWay(message: ParsedMessage): ReturnType<typeof findRefs> {
  return findRefs({ ...message, text: `${message.text}#` }, ["OPS"]);
}

function generatedMessage(random: () => number, pieces: readonly string[]): string {
  const lines = [generatedLine(random, 5, pieces), ""];
  const count = Math.floor(random() * 6);
  for (let index = 0; index < count; index++) lines.push(random() < 0.15 ? "" : generatedLine(random, 6, pieces));
  if (random() < 0.5) lines.push("", random() < 0.5 ? "Signed-off-by: A U Thor <author@example.com>" : "Fixes: https://example.com/issues/x");
  return lines.join(random() < 0.2 ? "\r\n" : "\n");
}

describe("findRefs on a message without a '#' or a digit", () => {
  it("finds what the whole scan finds, with and without cleanup", () => {
    const random = seededRandom(36);
    let plain = 0;
    for (let round = 0; round < 3000; round++) {
      // Half the messages hold a "#" or a digit somewhere, half none.
      const raw = generatedMessage(random, round % 2 === 0 ? PLAIN_PIECES : TEXT_PIECES);
      for (const cleanup of [true, false]) {
        const message = parseMessage(raw, { cleanup });
        if (!/[#\d]/.test(message.text)) plain++;
        expect(findRefs(message, ["OPS"]), JSON.stringify(raw)).toEqual(refsTheWholeWay(message));
      }
    }
    expect(plain).toBeGreaterThan(2000);
  });

  it("still reads a reference trailer's URL", () => {
    const message = parseMessage("Handle the retry\n\nThe pager hung.\n\nFixes: https://example.com/issues/x\n");
    expect(findRefs(message, []).map((ref) => ref.type)).toEqual(refsTheWholeWay(message).map((ref) => ref.type));
  });
});
