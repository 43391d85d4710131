// escapeForComment and the code helpers: commit text in a comment pings nobody and injects nothing.
import { describe, expect, it } from "vitest";
import { codeBlock, codeSpan, escapeForComment } from "../../src/github-markdown.js";

const ZWSP = "\u200b";

describe("escapeForComment", () => {
  it("breaks user and team mentions with a zero-width space", () => {
    expect(escapeForComment("thanks @octocat and @acme/owners")).toBe(`thanks @${ZWSP}octocat and @${ZWSP}acme/owners`);
  });

  it("turns HTML into inert text, comments included", () => {
    expect(escapeForComment('<img src=x onerror="alert(1)"> & <!-- rationale:report -->')).toBe(
      '&lt;img src=x onerror="alert(1)"&gt; &amp; &lt;!-- rationale:report --&gt;',
    );
  });

  it("keeps issue numbers and URLs from autolinking", () => {
    expect(escapeForComment("Fixes #12, GH-7 and acme/widgets#3")).toBe(`Fixes #${ZWSP}12, GH-${ZWSP}7 and acme/widgets#${ZWSP}3`);
    expect(escapeForComment("See https://github.com/acme/widgets/issues/3 or www.example.com")).toBe(
      `See https:${ZWSP}//github.com/acme/widgets/issues/3 or www${ZWSP}.example.com`,
    );
    expect(escapeForComment("C# is # not a link")).toBe("C# is # not a link");
  });

  it("escapes dollar signs, which would otherwise render as math", () => {
    expect(escapeForComment("costs $5 and $\\huge{PWNED}$")).toBe("costs \\$5 and \\$\\\\huge{PWNED}\\$");
  });

  it("keeps emoji shortcodes as text with a zero-width space after the opening colon", () => {
    expect(escapeForComment(":tada: ship it, :+1: and :white_check_mark:")).toBe(`:${ZWSP}tada: ship it, :${ZWSP}+1: and :${ZWSP}white\\_check\\_mark:`);
    expect(escapeForComment("fix: handle a:b and https://x.org")).toBe(`fix: handle a:b and https:${ZWSP}//x.org`);
  });

  it("escapes a closing run of # at the end, which a heading would drop", () => {
    expect(escapeForComment("widgets #")).toBe("widgets \\#");
    expect(escapeForComment("widgets ## ")).toBe("widgets \\## ");
    expect(escapeForComment("#")).toBe("\\#");
    expect(escapeForComment("C#")).toBe("C#");
  });

  it("escapes Markdown that would format, link or break a table cell, and flattens lines", () => {
    expect(escapeForComment("a | b *c* _d_ `e` [f](g) ~h~ \\")).toBe("a \\| b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) \\~h\\~ \\\\");
    expect(escapeForComment("one\r\ntwo\nthree")).toBe("one two three");
  });
});

describe("codeBlock and codeSpan", () => {
  it("uses a fence longer than any backtick run inside", () => {
    expect(codeBlock("a ``` b")).toBe("````text\na ``` b\n````");
    expect(codeBlock("plain\r\nlines")).toBe("```text\nplain\nlines\n```");
  });

  it("code spans survive backticks and line breaks", () => {
    expect(codeSpan("abc1234")).toBe("`abc1234`");
    expect(codeSpan("a `b` c")).toBe("`` a `b` c ``");
    expect(codeSpan("x\ny")).toBe("`x y`");
  });
});
