import { describe, expect, it } from "vitest";
import { unfoldValue, unfoldValueByCharacters } from "../../src/message/trailers.js";
import { generatedLine, seededRandom } from "../support/generated-text.js";

describe("unfoldValue", () => {
  it("trims a one-line value and joins continuation lines with one space", () => {
    expect(unfoldValue(" A U Thor <a@example.com>\t")).toBe("A U Thor <a@example.com>");
    expect(unfoldValue(" first part\n   second part\n\tthird")).toBe("first part second part third");
    expect(unfoldValue(" \r\n ")).toBe("");
  });

  it("gives what the character-at-a-time unfolding gives on generated values", () => {
    const random = seededRandom(36);
    let folded = 0;
    for (let round = 0; round < 5000; round++) {
      const lines = [generatedLine(random)];
      while (random() < 0.3) lines.push(generatedLine(random));
      if (lines.length > 1) folded++;
      const written = (random() < 0.5 ? " " : "") + lines.join(random() < 0.2 ? "\r\n" : "\n") + (random() < 0.2 ? " \r" : "");
      expect(unfoldValue(written), JSON.stringify(written)).toBe(unfoldValueByCharacters(written));
    }
    expect(folded).toBeGreaterThan(1000);
  });
});
