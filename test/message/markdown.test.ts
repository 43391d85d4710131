import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/message/parse.js";
import { ensureMarkdown, isMarkdownParserLoaded } from "../../src/message/markdown.js";

// This file must not import remark.ts statically: it checks the lazy loading path.
describe("markdown parser registry", () => {
  it("falls back to the scanner before remark is loaded, then uses remark for bodies that need it", async () => {
    const raw = "Fix x\n\nKnown issues\n============\n\nOur answer.\n";
    // The scanner reads block quotes itself: no remark needed.
    const quoted = "Fix x\n\n> The quoted report\n> from the list.\n\nOur answer.\n";
    expect(isMarkdownParserLoaded()).toBe(false);
    const before = parseMessage(raw).blocks;
    expect(before.map((b) => b.type)).toEqual(["paragraph", "paragraph"]);
    const quotedBefore = parseMessage(quoted).blocks;
    expect(quotedBefore.map((b) => b.type)).toEqual(["blockquote", "paragraph"]);
    expect(quotedBefore[0]).toMatchObject({ line: 3, column: 1, endLine: 4, endColumn: 17 });

    await ensureMarkdown();
    expect(isMarkdownParserLoaded()).toBe(true);
    const after = parseMessage(raw).blocks;
    expect(after.map((b) => b.type)).toEqual(["heading", "paragraph"]);
    expect(after[0]).toMatchObject({ line: 3, column: 1, endLine: 4, endColumn: 13, depth: 1 });
    expect(parseMessage(quoted).blocks).toEqual(quotedBefore);
  });
});
