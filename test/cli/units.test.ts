// The CLI's pure pieces: colour decisions, caret drawing, UTF-8 checks and error mapping.
import { describe, expect, it } from "vitest";
import { createColors } from "picocolors";
import { JSON_CLOSE, JSON_EMPTY, JSON_OPEN, JSON_SEPARATOR, formatJson, formatJsonResult, formatSnippet, formatText, shouldColor } from "../../src/cli/report.js";
import { lint } from "../../src/lint.js";
import { decodeMessage, firstInvalidUtf8 } from "../../src/cli/input.js";
import { CommanderError, InvalidArgumentError } from "commander";
import { oneLineError, reportError } from "../../src/cli/errors.js";
import { UsageError, type Finding, type LintResult } from "../../src/types.js";
import { resolveConfig } from "../../src/config/resolve.js";

const plain = createColors(false);

function finding(line: number, column: number, endColumn: number, endLine = line): Finding {
  return { ruleId: "some-rule", severity: "error", category: "summary", message: "m", messageId: "x", line, column, endLine, endColumn };
}

describe("shouldColor", () => {
  it("colours only a terminal, never with NO_COLOR or TERM=dumb", () => {
    expect(shouldColor({ isTTY: true }, {})).toBe(true);
    expect(shouldColor({ isTTY: false }, {})).toBe(false);
    expect(shouldColor({}, { FORCE_COLOR: "1" })).toBe(false);
    expect(shouldColor({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(shouldColor({ isTTY: true }, { TERM: "dumb" })).toBe(false);
  });

  it("formatText emits escape codes only when asked to", () => {
    const result: LintResult = {
      kind: "normal", skipped: false, score: 10, pass: false, findings: [finding(1, 1, 4)], facets: {},
      parts: { summary: { score: 10, max: 25 }, why: { score: 0, max: 35 }, what: { score: 0, max: 25 }, context: { score: 0, max: 15 } },
    };
    const entry = { source: "msg", result, raw: "Fix bug\n" };
    expect(formatText([entry], true)).toMatch(/\u001b\[/);
    expect(formatText([entry], false)).not.toMatch(/\u001b\[/);
    expect(formatText([entry], false)).toBe(
      "msg  score 10/100 (summary 10/25 · why 0/35 · what 0/25 · context 0/15)  FAIL (error: some-rule)\n1:1  error  m  some-rule\n    Fix bug\n    ^~~\n",
    );
  });
});

describe("formatText for text it cannot judge", () => {
  it("says why and what were not judged rather than leave a bare full score", () => {
    const parts = { summary: { score: 25, max: 25 }, why: { score: 35, max: 35 }, what: { score: 25, max: 25 }, context: { score: 15, max: 15 } };
    const result = (judged: boolean): LintResult => ({ kind: "normal", skipped: false, score: 100, pass: true, findings: [], facets: judged ? { why: "explained", what: "named" } : { judged: false }, parts });
    const text = (judged: boolean) => formatText([{ source: "msg", result: result(judged), raw: "修复崩溃\n\n缓冲区只有32位。\n" }], false);
    expect(text(false)).toMatch(/^msg {2}score 100\/100 .*PASS\nnote: why and what were not judged: .*another language or script/);
    expect(text(true)).not.toMatch(/note:/);
  });
});

describe("formatJson and its streamed pieces", () => {
  const entries = ["Fix bug\n", 'Quote "odd" names\n\nThe shell split them at spaces, so\nquote each one.\n', ""].map((raw, index) => ({
    source: `m${index}`,
    raw,
    result: lint(raw),
  }));

  it("writes what JSON.stringify with an indent of 2 writes, for none, one and several entries", () => {
    for (const some of [[], entries.slice(0, 1), entries]) {
      const expected = JSON.stringify({ results: some.map((entry) => ({ source: entry.source, ...entry.result })) }, null, 2) + "\n";
      expect(formatJson(some)).toBe(expected);
      const streamed = some.length === 0 ? JSON_EMPTY : JSON_OPEN + some.map(formatJsonResult).join(JSON_SEPARATOR) + JSON_CLOSE;
      expect(streamed).toBe(expected);
    }
  });
});

describe("formatSnippet", () => {
  it("shows the empty line just past a file without a final newline (git's MERGE_MSG), and nothing further", () => {
    expect(formatSnippet(["Merge branch 'x'"], finding(2, 1, 1), plain)).toBe("    \n    ^\n");
    expect(formatSnippet(["Merge branch 'x'"], finding(3, 1, 1), plain)).toBe("");
  });

  it("lines the caret up under wide (CJK, emoji) and combining characters by terminal cells", () => {
    // Columns count UTF-16 units; a CJK character is one unit but two cells wide.
    expect(formatSnippet(["修复大文件保存", ""], finding(1, 3, 5), plain)).toBe("    修复大文件保存\n        ^~~~\n");
    expect(formatSnippet(["Add 🎉 mode."], finding(1, 12, 13), plain)).toBe("    Add 🎉 mode.\n               ^\n");
    expect(formatSnippet(["Cafe\u0301 bar."], finding(1, 10, 11), plain)).toBe("    Cafe\u0301 bar.\n            ^\n");
  });

  it("gives an emoji made by a variation selector (gitmoji's ♻️, ⚠️) two cells, like other emoji", () => {
    // "♻" + VS16 is three cells' worth of text before "Refactor": the emoji's two and a space.
    expect(formatSnippet(["♻️ Refactor the pager"], finding(1, 4, 12), plain)).toBe("    ♻️ Refactor the pager\n       ^~~~~~~~\n");
    expect(formatSnippet(["⚠️ Fixed it"], finding(1, 4, 9), plain)).toBe("    ⚠️ Fixed it\n       ^~~~~\n");
    // A wide emoji with a selector stays two cells; a keycap is two.
    expect(formatSnippet(["🏷️ x"], finding(1, 5, 6), plain)).toBe("    🏷️ x\n       ^\n");
    expect(formatSnippet(["1️⃣ x"], finding(1, 5, 6), plain)).toBe("    1️⃣ x\n       ^\n");
  });

  it("draws an emoji sequence (joined by ZWJ, with a skin tone, a flag) two cells wide, as terminals do", () => {
    // "👩‍💻" is five UTF-16 units and one emoji: the caret under "Pair" sits three cells in.
    expect(formatSnippet(["👩‍💻 Pair on the parser"], finding(1, 7, 11), plain)).toBe("    👩‍💻 Pair on the parser\n       ^~~~\n");
    expect(formatSnippet(["👍🏽 Ship it"], finding(1, 6, 10), plain)).toBe("    👍🏽 Ship it\n       ^~~~\n");
    expect(formatSnippet(["🇫🇷 Translate"], finding(1, 6, 15), plain)).toBe("    🇫🇷 Translate\n       ^~~~~~~~~\n");
    expect(formatSnippet(["🏳️‍🌈 Add flags"], finding(1, 8, 11), plain)).toBe("    🏳️‍🌈 Add flags\n       ^~~\n");
  });

  it("keeps tabs in the padding so the caret lines up under tabbed text", () => {
    expect(formatSnippet(["\tindented word"], finding(1, 11, 15), plain)).toBe("    \tindented word\n    \t         ^~~~\n");
  });

  it("drops the CR of a CRLF line and marks a zero-width span with one caret", () => {
    expect(formatSnippet(["Fix it\r"], finding(1, 7, 7), plain)).toBe("    Fix it\n          ^\n");
  });

  it("runs a multi-line span to the end of its first line", () => {
    expect(formatSnippet(["first line", "second"], finding(1, 7, 3, 2), plain)).toBe("    first line\n          ^~~~\n");
  });

  it("shows a window of a very long line with the caret inside it", () => {
    const line = "a".repeat(500) + "TARGET" + "b".repeat(500);
    const [shown, caret] = formatSnippet([line], finding(1, 501, 507), plain).split("\n");
    expect(shown.length).toBeLessThan(140);
    expect(shown.startsWith("    …")).toBe(true);
    expect(shown.endsWith("…")).toBe(true);
    expect(shown.slice(caret.indexOf("^"), caret.indexOf("^") + 6)).toBe("TARGET");
  });

  it("cuts a long line of emoji between characters, never inside one", () => {
    // "Fix " and 80 emoji (two UTF-16 units each) and "x": the 73rd character is the 69th emoji.
    const line = "Fix " + "🎉".repeat(80) + "x";
    const [shown, caret] = formatSnippet([line], finding(1, 141, 166), plain).split("\n");
    expect(shown).toBe("    …" + "🎉".repeat(59) + "x");
    expect(caret).toBe("    " + " ".repeat(1 + 2 * 47) + "^" + "~".repeat(24));
    // The window's end would fall inside the first emoji: it ends before it.
    const [cutAtEnd] = formatSnippet(["a".repeat(201) + "🎉".repeat(100)], finding(1, 103, 104), plain).split("\n");
    expect(cutAtEnd).toBe("    …" + "a".repeat(119) + "…");
  });

  it("cuts a long line of wide characters to the same number of terminal cells, not UTF-16 units", () => {
    // 300 CJK characters, 600 cells; the span is the 201st and 202nd.
    const line = "修".repeat(300);
    const [shown, caret] = formatSnippet([line], finding(1, 201, 203), plain).split("\n");
    expect(shown).toBe("    …" + "修".repeat(60) + "…");
    expect(caret).toBe("    " + " ".repeat(1 + 20) + "^~~~");
    // A line of 100 such characters (100 units, 200 cells) is cut too; near its end the window fills up to it.
    const [end] = formatSnippet(["修".repeat(100)], finding(1, 99, 101), plain).split("\n");
    expect(end).toBe("    …" + "修".repeat(60));
    // 60 of them fit whole.
    expect(formatSnippet(["修".repeat(60)], finding(1, 1, 2), plain).split("\n")[0]).toBe("    " + "修".repeat(60));
  });

  it("measures the window by the cells an emoji sequence takes, not its parts alone", () => {
    // "⚠" + VS16 is one emoji, two cells: 100 of them (200 cells) are cut to 60, not shown whole.
    const [warnings] = formatSnippet(["⚠️".repeat(100)], finding(1, 1, 3), plain).split("\n");
    expect(warnings).toBe("    " + "⚠️".repeat(60) + "…");
    // A flag is two letters and two cells, not four; the cut never splits one.
    const [flags] = formatSnippet(["🇫🇷".repeat(70)], finding(1, 1, 5), plain).split("\n");
    expect(flags).toBe("    " + "🇫🇷".repeat(60) + "…");
    // "👩‍💻" is two cells; the window starts on a whole emoji, not on its joined part.
    const [joined] = formatSnippet(["👩‍💻".repeat(200)], finding(1, 251, 256), plain).split("\n");
    expect(joined).toBe("    …" + "👩‍💻".repeat(60) + "…");
  });

  it("cuts a long finding message between characters", () => {
    const result = lint("Fix bug\n");
    const message = "a".repeat(398) + "🎉🎉";
    const text = formatText([{ source: "m", raw: "Fix bug\n", result: { ...result, findings: [{ ...finding(1, 1, 4), message }] } }], false);
    expect(text).toContain(`  ${"a".repeat(398)}…  some-rule\n`);
  });

  it("prints nothing for a line outside the text", () => {
    expect(formatSnippet(["one"], finding(5, 1, 2), plain)).toBe("");
  });
});

describe("decodeMessage", () => {
  it("in the hook, judges invalid UTF-8 with the bad bytes replaced, a warning, and no BOM", () => {
    const warnings: string[] = [];
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xe9]), Buffer.from("Fix pager\n")]);
    expect(decodeMessage(bytes, "msg", undefined, (warning) => warnings.push(warning))).toBe("\ufffdFix pager\n");
    expect(warnings).toEqual(["msg is not valid UTF-8: byte 0xe9 at byte offset 3 (line 1)"]);
  });

  it("drops a UTF-8 byte-order mark", () => {
    expect(decodeMessage(Buffer.from("\ufeffFix pager", "utf8"), "f")).toBe("Fix pager");
  });

  it("names the offset of the first invalid byte", () => {
    expect(firstInvalidUtf8(Buffer.from("añb", "utf8"))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80]))).toBe(2); // surrogate
    expect(firstInvalidUtf8(Buffer.from([0xf0, 0x9f, 0x98]))).toBe(0); // truncated emoji
    expect(() => decodeMessage(Buffer.from([0x61, 0x0a, 0x62, 0xff]), "msg")).toThrow(
      new UsageError("msg is not valid UTF-8: byte 0xff at byte offset 3 (line 2); save the message as UTF-8"),
    );
  });
});

describe("reportError", () => {
  function capture(error: unknown, env: NodeJS.ProcessEnv = {}) {
    let text = "";
    const code = reportError(error, { write: (chunk: string) => (text += chunk) }, env);
    return { code, text };
  }

  it("prints a UsageError with its details and exits 2", () => {
    expect(capture(new UsageError("bad config", ["a: x", "b: y"]))).toEqual({ code: 2, text: "rationale: bad config\n  a: x\n  b: y\n" });
  });

  it("prints a config error's problems once: they are in its message and its details", () => {
    const error = (() => {
      try {
        resolveConfig({ thresold: 60, rules: { "summary-mod": "off" } }, "/repo/.rationalerc.json");
      } catch (caught) {
        return caught as UsageError;
      }
      throw new Error("expected a UsageError");
    })();
    const expected =
      "rationale: invalid configuration in /repo/.rationalerc.json (2 problems):\n" +
      '  /repo/.rationalerc.json: thresold: unknown key; did you mean "threshold"? (allowed keys: $schema, extends, threshold, rules, projectKeys, audit, release)\n' +
      '  /repo/.rationalerc.json: rules.summary-mod: unknown rule; did you mean "summary-mood"?\n';
    expect(capture(error)).toEqual({ code: 2, text: expected });
    // A detail added on the way (the hook's "commit stopped") is still printed, after them.
    expect(capture(new UsageError(error.message, [...error.details, "commit stopped"])).text).toBe(`${expected}  commit stopped\n`);
  });

  it("leaves commander's errors to commander, its own codes and ours alike, exit 0 or 2", () => {
    expect(capture(new CommanderError(0, "commander.helpDisplayed", "(outputHelp)"))).toEqual({ code: 0, text: "" });
    expect(capture(new CommanderError(1, "commander.unknownOption", "error: unknown option '--nope'"))).toEqual({ code: 2, text: "" });
    expect(capture(new InvalidArgumentError("not a number"))).toEqual({ code: 2, text: "" });
    expect(capture(new CommanderError(2, "rationale.repeatedOption", "error: option given more than once"))).toEqual({ code: 2, text: "" });
    // An error that only looks alike in part is an internal error.
    const lookalike = Object.assign(new Error("boom"), { code: "commander.x", exitCode: 0 });
    expect(capture(lookalike)).toEqual({ code: 2, text: "rationale: internal error: boom\n" });
  });

  it("prints one line for an unexpected error, the stack only with RATIONALE_DEBUG=1", () => {
    const error = new TypeError("cannot read properties of undefined\nmore");
    expect(capture(error)).toEqual({ code: 2, text: "rationale: internal error: cannot read properties of undefined\n" });
    expect(capture(error, { RATIONALE_DEBUG: "1" }).text).toContain("at ");
  });
});

describe("oneLineError", () => {
  it("joins commander's suggestion into one line and names the command's help", () => {
    expect(oneLineError("error: unknown command 'lnt'\n(Did you mean lint?)\n", "rationale")).toBe(
      "rationale: unknown command 'lnt'; did you mean lint? See: rationale --help",
    );
    expect(oneLineError("error: unknown option '--frob'\n", "rationale release compose")).toBe(
      "rationale: unknown option '--frob'. See: rationale release compose --help",
    );
    expect(oneLineError("error: too many arguments for 'lint'. Expected 1 argument but got 2.\n", "rationale lint")).toBe(
      "rationale: too many arguments for 'lint'. Expected 1 argument but got 2. See: rationale lint --help",
    );
  });

  it("cuts the word the user typed in commander's messages as echoValue does, keeping commander's wording", () => {
    const long = `--frob${"x".repeat(10_000)}`;
    const cut = `--frob${"x".repeat(53)}…`;
    expect(oneLineError(`error: unknown option '${long}'\n`, "rationale lint")).toBe(`rationale: unknown option '${cut}'. See: rationale lint --help`);
    expect(oneLineError(`error: unknown option '${long}'\n(Did you mean --from?)\n`, "rationale release compose")).toBe(
      `rationale: unknown option '${cut}'; did you mean --from? See: rationale release compose --help`,
    );
    expect(oneLineError(`error: unknown command '${"y".repeat(10_000)}'\n`, "rationale")).toBe(`rationale: unknown command '${"y".repeat(59)}…'. See: rationale --help`);
    expect(oneLineError(`error: option '--format <FORMAT>' argument '${"z".repeat(10_000)}' is invalid. Allowed choices are text, json.\n`, "rationale lint")).toBe(
      `rationale: option '--format <FORMAT>' argument '${"z".repeat(59)}…' is invalid. Allowed choices are text, json. See: rationale lint --help`,
    );
    expect(oneLineError(`error: command-argument value '${"w".repeat(100)}' is invalid for argument 'kind'.\n`, "rationale x")).toBe(
      `rationale: command-argument value '${"w".repeat(59)}…' is invalid for argument 'kind'. See: rationale x --help`,
    );
    // A word holding a quote is still taken whole, and a short one is left as typed.
    expect(oneLineError(`error: unknown option '--it's${"q".repeat(100)}'\n`, "rationale lint")).toBe(`rationale: unknown option '--it's${"q".repeat(53)}…'. See: rationale lint --help`);
    expect(oneLineError("error: option '--format <FORMAT>' argument 'xml' is invalid. Allowed choices are text, json.\n", "rationale lint")).toBe(
      "rationale: option '--format <FORMAT>' argument 'xml' is invalid. Allowed choices are text, json. See: rationale lint --help",
    );
    expect(oneLineError(`error: unknown option '--author=${"a".repeat(100)}'\n`, "rationale release commit")).toBe(
      `rationale: unknown option '--author=${"a".repeat(50)}…'; pass other git commit options after --, e.g. rationale release commit -- --author=${"a".repeat(50)}…. See: rationale release commit --help`,
    );
  });

  it("tells release commit users where other git commit options go", () => {
    expect(oneLineError("error: unknown option '--author=x'\n", "rationale release commit")).toBe(
      "rationale: unknown option '--author=x'; pass other git commit options after --, e.g. rationale release commit -- --author=x. See: rationale release commit --help",
    );
    // --from is compose's, not git's: no advice to hand it to git.
    expect(oneLineError("error: unknown option '--from'\n", "rationale release commit")).toBe(
      "rationale: unknown option '--from'; --from belongs to release compose (commit describes the staged release: HEAD against the index). See: rationale release commit --help",
    );
  });

  it("does not send release commit users' message options after --, where git refuses them beside -F", () => {
    const advice =
      "release commit gives git the composed message itself (git commit -F); edit it with -e or add lines with --trailer. See: rationale release commit --help";
    for (const option of ["-m", "-mhi", "--message=x", "-F", "--file", "-C", "-c", "--reuse-message=HEAD", "--fixup=HEAD", "-t", "-am", "--mess=x", "--fix", "--me", "--me=x", "--fi"]) {
      expect(oneLineError(`error: unknown option '${option}'\n`, "rationale release commit")).toBe(`rationale: unknown option '${option}'; ${advice}`);
    }
  });

  it("does not send options that commit more than the staged release after --", () => {
    const advice =
      "release commit commits the staged release only, which the message describes; stage what it releases with git add. See: rationale release commit --help";
    for (const option of ["-a", "--all", "-p", "--patch", "--interactive", "-i", "--only", "--pathspec-from-file=list", "-av", "--interact", "--patc", "--o", "--on", "--in"]) {
      expect(oneLineError(`error: unknown option '${option}'\n`, "rationale release commit")).toBe(`rationale: unknown option '${option}'; ${advice}`);
    }
    // A letter after one that takes a value is that option's value, as git reads it: -uall is --untracked-files=all.
    expect(oneLineError("error: unknown option '-uall'\n", "rationale release commit")).toBe(
      "rationale: unknown option '-uall'; pass other git commit options after --, e.g. rationale release commit -- -uall. See: rationale release commit --help",
    );
    expect(oneLineError("error: unknown option '--amend'\n", "rationale release commit")).toContain("after --, e.g. rationale release commit -- --amend.");
    // A prefix is read as git reads it: --am is --amend, and one that may name another option too
    // (--re: --reuse-message or --reset-author, --pat: --patch or --pathspec-file-nul) is git's to refuse.
    for (const option of ["--am", "--re", "--pat", "--a"]) {
      expect(oneLineError(`error: unknown option '${option}'\n`, "rationale release commit"), option).toContain(`after --, e.g. rationale release commit -- ${option}.`);
    }
  });
});
