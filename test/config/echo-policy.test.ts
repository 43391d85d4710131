import { describe, expect, it } from "vitest";
import { echoOneLine, echoQuoted, echoValue, jsonQuote } from "../../src/echo-value.js";
import { describeKey, quoteValue } from "../../src/config/validate.js";
import { describeOption } from "../../src/message/options.js";

// One policy for every value an error line echoes: whole up to 60 characters, else the first 59 and "…".
describe("the cut of a user's value in error lines", () => {
  it("echoes a value whole up to 60 characters and cuts a longer one to 59 and an ellipsis", () => {
    expect(echoValue("x".repeat(60))).toBe("x".repeat(60));
    expect(echoValue("x".repeat(61))).toBe(`${"x".repeat(59)}…`);
    // Characters, not UTF-16 units: 60 emoji are 120 units and still whole; the 61st cuts, never mid-pair.
    expect(echoValue("😀".repeat(60))).toBe("😀".repeat(60));
    expect(echoValue("😀".repeat(61))).toBe(`${"😀".repeat(59)}…`);
  });

  it("quotes a config value as JSON with the same cut, a string inside its quotes", () => {
    expect(quoteValue("x".repeat(60))).toBe(`"${"x".repeat(60)}"`);
    expect(quoteValue("x".repeat(10_000))).toBe(`"${"x".repeat(59)}…"`);
    expect(quoteValue("😀".repeat(61))).toBe(`"${"😀".repeat(59)}…"`);
    expect(quoteValue(`a\n${"b".repeat(100)}`)).toBe(`"a\\n${"b".repeat(57)}…"`);
    // A list or an object: its JSON, cut as a string is.
    expect(quoteValue(Array.from({ length: 100 }, (_, i) => i % 10))).toBe(`[${"0,1,2,3,4,5,6,7,8,9,".repeat(2)}0,1,2,3,4,5,6,7,8,…`);
    expect(quoteValue([1, "two", { three: 3 }])).toBe('[1,"two",{"three":3}]');
  });

  it("cuts the values a message of git's quotes, closed or cut by git, and leaves its prose whole", () => {
    expect(echoQuoted(`no such branch: '${"b".repeat(5000)}'`)).toBe(`no such branch: '${"b".repeat(59)}…'`);
    expect(echoQuoted(`ambiguous argument '${"c".repeat(4000)}`)).toBe(`ambiguous argument '${"c".repeat(59)}…`);
    expect(echoQuoted("no such branch: 'main'")).toBe("no such branch: 'main'");
    const prose = `couldn't read the object, so ${"it stopped ".repeat(10)}there`;
    expect(echoQuoted(prose)).toBe(prose);
  });

  it("cuts a config key and a library caller's string option the same way", () => {
    expect(describeKey("k".repeat(61))).toBe(`${"k".repeat(59)}…`);
    expect(describeKey("k".repeat(60))).toBe("k".repeat(60));
    expect(describeOption("s".repeat(100))).toBe(`the string "${"s".repeat(59)}…"`);
  });

  it("escapes every control character a quoted echo holds, DEL and the C1 controls (CSI) too", () => {
    // JSON.stringify leaves U+007F to U+009F raw: U+009B would start a terminal escape sequence.
    const hostile = "1.0\x7f\x85\x9b31m\x9fend\n";
    const escaped = '"1.0\\u007f\\u0085\\u009b31m\\u009fend\\n"';
    expect(jsonQuote(hostile)).toBe(escaped);
    expect(JSON.parse(jsonQuote(hostile))).toBe(hostile);
    expect(echoOneLine(hostile)).toBe(escaped);
    expect(echoOneLine("a\x9bb")).toBe('"a\\u009bb"');
    expect(quoteValue(hostile)).toBe(escaped);
    expect(quoteValue({ key: hostile })).toBe(`{"key":${escaped}}`);
    expect(quoteValue({ [hostile]: 1 })).toBe(`{${escaped}:1}`);
    expect(describeOption(hostile)).toBe(`the string ${escaped}`);
    // Printable text past U+009F is left as it is.
    expect(jsonQuote("é ü 修 😀")).toBe('"é ü 修 😀"');
    for (const shown of [jsonQuote(hostile), echoOneLine(hostile), quoteValue([hostile]), describeOption(hostile)]) expect(shown).not.toMatch(/\p{Cc}/u);
  });
});
