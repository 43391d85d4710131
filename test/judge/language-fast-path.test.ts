// The ASCII fast path of isJudgeableEnglish() must decide exactly as the general path does.
import { describe, expect, it } from "vitest";
import { isJudgeableEnglish } from "../../src/judge/language.js";
import { lemmatize } from "../../src/judge/summary.js";

// An em dash is not a letter: appending it sends the text down the general path without changing the verdict.
const viaGeneralPath = (text: string) => isJudgeableEnglish(`${text} \u2014`);

describe("isJudgeableEnglish fast path", () => {
  const texts = [
    "Fix the parser when the input is empty",
    "Der Parser ist nicht mit der neuen Version kompatibel und wird entfernt",
    "Corrige le bug dans la page pour les utilisateurs",
    "Arreglo para los usuarios con el error de la API",
    "DER PARSER IST NICHT MIT DEM UND",
    "it's don't won't ' '' the",
    "a b",
    "",
    "12 34 56 !!!",
  ];
  it("agrees with the general path", () => {
    for (const text of texts) expect(isJudgeableEnglish(text), text).toBe(viaGeneralPath(text));
  });
  it("still tells German from English", () => {
    expect(isJudgeableEnglish(texts[0])).toBe(true);
    expect(isJudgeableEnglish(texts[1])).toBe(false);
    expect(isJudgeableEnglish(texts[4])).toBe(false);
  });
});

describe("lemmatize", () => {
  it("reduces verb forms to known base forms", () => {
    expect(["added", "fixes", "stopping", "removed", "copies", "made", "handling", "uses", "constructor"].map(lemmatize)).toEqual([
      "add", "fix", "stop", "remove", "copy", "make", "handle", "use", "constructor",
    ]);
  });
});
