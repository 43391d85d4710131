// "Did you mean" for the names of a tree or a repository's refs: a typo, never another file.
import { describe, expect, it } from "vitest";
import { likelyTypoOf } from "../../src/config/suggest.js";

describe("likelyTypoOf()", () => {
  it("takes a typo, a swap of two letters counted as one, and a difference of case", () => {
    expect(likelyTypoOf("scr", ["docs", "src", "test"])).toBe("src");
    expect(likelyTypoOf("mian", ["main", "next"])).toBe("main");
    expect(likelyTypoOf("SRC", ["src"])).toBe("src");
    expect(likelyTypoOf("parsr.ts", ["parser.ts", "lexer.ts"])).toBe("parser.ts");
    expect(likelyTypoOf("v1.O", ["v1.0", "main"])).toBe("v1.0");
    expect(likelyTypoOf("guide.mdd", ["guide.md"])).toBe("guide.md");
  });

  it("allows more edits as the name grows, none beyond case for a name of 1 or 2 characters", () => {
    expect(likelyTypoOf("ab", ["cd", "ax"])).toBeUndefined();
    expect(likelyTypoOf("lib", ["bin"])).toBeUndefined();
    expect(likelyTypoOf("docs", ["dist"])).toBeUndefined();
    expect(likelyTypoOf("prser.tss", ["parser.ts"])).toBe("parser.ts");
    expect(likelyTypoOf("prsr.tss", ["parser.ts"])).toBeUndefined();
  });

  it("does not take a name that differs only in its digits: that is another file or release", () => {
    expect(likelyTypoOf("f9.js", ["f2.js"])).toBeUndefined();
    expect(likelyTypoOf("v1.1", ["v1.2", "v1.10"])).toBeUndefined();
    expect(likelyTypoOf("file10.txt", ["file1.txt"])).toBeUndefined();
    expect(likelyTypoOf("f9.jss", ["f9.js", "f2.js"])).toBe("f9.js");
  });
});
