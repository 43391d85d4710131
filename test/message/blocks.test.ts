import { describe, expect, it } from "vitest";
import type { Block } from "../../src/types.js";
import { parseMessage } from "../../src/message/parse.js";
import { blocksFromScanner, needsMarkdownParser } from "../../src/message/blocks.js";
import { blocksFromRemark } from "../../src/message/remark.js";

// Both paths must agree on every example here; each test checks the scanner and remark.
function blocksOf(raw: string, opts = {}): Block[] {
  const m = parseMessage(raw, opts);
  const scanned = blocksFromScanner(m.body);
  expect(needsMarkdownParser(m.bodyText)).toBe(false);
  expect(blocksFromRemark(m.body)).toEqual(scanned);
  return scanned;
}

describe("body blocks", () => {
  it("splits paragraphs with original positions", () => {
    const blocks = blocksOf("Fix x\n\nFirst line\nsecond line.\n\nNext paragraph.\n");
    expect(blocks).toEqual([
      { type: "paragraph", line: 3, column: 1, endLine: 4, endColumn: 13, text: "First line\nsecond line.", links: [] },
      { type: "paragraph", line: 6, column: 1, endLine: 6, endColumn: 16, text: "Next paragraph.", links: [] },
    ]);
  });

  it("maps positions past removed comment lines to the original line numbers", () => {
    const blocks = blocksOf("Fix x\n\n# comment\nWhy it broke.\n# another\n\nWhat changed.\n");
    expect(blocks.map((b) => [b.line, b.endLine])).toEqual([
      [4, 4],
      [7, 7],
    ]);
  });

  it("builds nested lists by indentation", () => {
    const blocks = blocksOf("Fix x\n\nChanges:\n\n- parser\n  - lexer tokens\n  - error recovery\n- printer\n\n1. first\n2. second\n");
    expect(blocks.map((b) => b.type)).toEqual(["paragraph", "list", "list"]);
    const bullets = blocks[1];
    expect(bullets).toMatchObject({ ordered: false, line: 5, column: 1, endLine: 8, endColumn: 10 });
    expect(bullets.children!.map((c) => c.text)).toEqual(["- parser\n  - lexer tokens\n  - error recovery", "- printer"]);
    const nested = bullets.children![0].children![1];
    expect(nested).toMatchObject({ type: "list", line: 6, column: 3, endLine: 7, endColumn: 19 });
    expect(nested.children!.map((c) => c.children![0].text)).toEqual(["lexer tokens", "error recovery"]);
    expect(blocks[2]).toMatchObject({ type: "list", ordered: true, line: 10 });
  });

  it("reads fenced code with its language and indented code", () => {
    const blocks = blocksOf("Fix x\n\nRun:\n\n```sh title\ngit log --oneline\n```\n\nor\n\n    make test\n    make bench\n");
    expect(blocks[1]).toEqual({ type: "code", line: 5, column: 1, endLine: 7, endColumn: 4, text: "```sh title\ngit log --oneline\n```", lang: "sh" });
    expect(blocks[3]).toEqual({ type: "code", line: 11, column: 1, endLine: 12, endColumn: 15, text: "    make test\n    make bench" });
  });

  it("keeps an indented line after a paragraph line inside the paragraph", () => {
    const blocks = blocksOf("Fix x\n\nThe command\n    git foo\nfails.\n");
    expect(blocks).toHaveLength(1);
    expect(blocks[0].type).toBe("paragraph");
  });

  it("reads ATX headings when the comment char is not #", () => {
    const blocks = blocksOf("Fix x\n\n## Why\n\nBecause.\n", { commentChar: ";" });
    expect(blocks[0]).toMatchObject({ type: "heading", depth: 2, line: 3, column: 1, endColumn: 7, links: [] });
  });

  it("finds inline links and bare URLs with exact spans, but not inside code", () => {
    const blocks = blocksOf(
      "Fix x\n\nSee [the report](https://example.com/bug?id=1) and\nhttps://example.com/docs/page_(v2). Not `https://example.com/code`.\n",
    );
    expect(blocks[0].links).toEqual([
      { url: "https://example.com/bug?id=1", text: "the report", line: 3, column: 5, endLine: 3, endColumn: 47 },
      { url: "https://example.com/docs/page_(v2)", text: "https://example.com/docs/page_(v2)", line: 4, column: 1, endLine: 4, endColumn: 35 },
    ]);
  });

  it("reads autolinks and mail addresses in angle brackets as links", () => {
    const blocks = blocksOf("Fix x\n\nDiscussed in <20050927000931.GA15615@example.com> and <https://lore.kernel.org/git/>.\n");
    expect(blocks[0].links!.map((l) => [l.url, l.column, l.endColumn])).toEqual([
      ["mailto:20050927000931.GA15615@example.com", 14, 50],
      ["https://lore.kernel.org/git/", 55, 85],
    ]);
  });

  it("reads block quotes: nested, lazy, holding lists and code, inside list items", () => {
    const blocks = blocksOf("Fix x\n\n> On Monday Ann wrote:\n> > the pager hangs\n> on resize.\n>\n>     $ pager --resize\n>\n> - in tmux\n>\n\n- answer\n  > quoted in the item\n");
    expect(blocks.map((b) => b.type)).toEqual(["blockquote", "list"]);
    const quote = blocks[0];
    // The quote runs from its first `>` to the end of its last line; its list ends after the
    // `>` of the blank quote line below its item, as micromark ends it, the item before it.
    expect(quote).toMatchObject({ line: 3, column: 1, endLine: 10, endColumn: 2 });
    expect(quote.children!.map((b) => [b.type, b.line, b.endLine])).toEqual([
      ["paragraph", 3, 3],
      ["blockquote", 4, 5],
      ["code", 7, 7],
      ["list", 9, 10],
    ]);
    // "on resize." has no `>` of its own: a lazy line of the inner quote's paragraph.
    expect(quote.children![1].children![0]).toMatchObject({ type: "paragraph", text: "the pager hangs\n> on resize." });
    expect(quote.children![3]).toMatchObject({ endLine: 10, endColumn: 2 });
    expect(quote.children![3].children![0]).toMatchObject({ endLine: 9, endColumn: 12 });
    expect(blocks[1].children![0].children![1]).toMatchObject({ type: "blockquote", line: 13, column: 3, endColumn: 23 });
  });

  it("finds links in a quoted paragraph across its `>` prefixes", () => {
    const blocks = blocksOf("Fix x\n\n> See [the\n> report](https://example.com/r) and <a\n> href=\"x\">https://example.com/b</a>.\n");
    expect(blocks[0].children![0].links).toEqual([
      { url: "https://example.com/r", text: "the\n> report", line: 3, column: 7, endLine: 4, endColumn: 33 },
      { url: "https://example.com/b", text: "https://example.com/b", line: 5, column: 12, endLine: 5, endColumn: 33 },
    ]);
  });

  it("is computed lazily and only once", () => {
    const m = parseMessage("Fix x\n\nBody paragraph.\n");
    const first = m.blocks;
    expect(m.blocks).toBe(first);
  });
});

describe("needsMarkdownParser", () => {
  it.each([
    ["a tab after a quote's marker", ">\tquoted\n>\ttext"],
    ["a setext heading", "Title\n====="],
    ["an unclosed HTML comment the next item ends", "- <!--\n  note\n- next"],
    ["a lone tag on a lazy line", "- item\n<span>\nafter"],
    ["a link definition", "See [1].\n\n[1]: https://example.com"],
    ["a backslash escape", "Use \\*literal\\* stars."],
    ["a link with a title", "See [x](https://example.com \"title\")."],
    ["an empty list item", "-\n  foo"],
    ["an unclosed fence the next item ends", "- ```\n  code\n- next"],
    ["an unclosed fence a list in a quote ends", "> ```\n> code\n- next"],
  ])("is true for %s", (_name, body) => {
    expect(needsMarkdownParser(body)).toBe(true);
  });

  it.each([
    ["plain prose", "The cache kept stale entries after a rename."],
    ["a bullet list", "- one\n- two"],
    ["fenced code", "```\ncode\n```"],
    ["a tab-indented command", "Run\n\n\tgit gc --prune=now"],
    ["an HTML block", "<div>\nhi\n</div>"],
    ["a folded log in <details>", "Log:\n\n<details>\n<summary>Log</summary>\npager: resized\n</details>"],
    ["a quoted mail with a list", "> Hi,\n>\n> - the pager hangs\n> - on resize\n\nFixed below."],
    ["quoted code", "> ```\n> $ git gc\n> ```"],
    ["an unclosed fence a blank line ends with its list item", "- ```\n  code\n\nafter"],
  ])("is false for %s", (_name, body) => {
    expect(needsMarkdownParser(body)).toBe(false);
  });

  it("gives the scanner's best effort when remark would be needed but is not consulted", () => {
    const m = parseMessage("Fix x\n\nKnown issues\n============\n");
    expect(blocksFromScanner(m.body)).toMatchObject([{ type: "paragraph", line: 3, endLine: 4 }]);
    expect(blocksFromRemark(m.body)[0]).toMatchObject({ type: "heading", line: 3, column: 1 });
  });
});
