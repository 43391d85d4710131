// co-authored-by-unread quotes the line that made the trailers' paragraph text, cut as people count characters.
import { describe, expect, it } from "vitest";
import { lint } from "../../src/lint.js";

const finding = (text: string) => lint(text).findings.find((f) => f.ruleId === "co-authored-by-unread");

describe("co-authored-by-unread", () => {
  it("cuts a long quoted line at 39 characters, never inside an emoji", () => {
    const message = "Retry uploads on timeouts\n\nUploads failed on the first timeout, so retry them.\n\nPaired with Sam on the backof 🎉🎉🎉🎉🎉🎉🎉🎉 and more.\nCo-authored-by: Sam Lee <sam@example.com>\n";
    expect(finding(message)?.message).toContain('line 5 ("Paired with Sam on the backof 🎉🎉🎉🎉🎉🎉🎉🎉…") is text');
  });

  it("quotes a line of 40 characters whole, counting an emoji with its skin tone once", () => {
    const message = "Retry uploads on timeouts\n\nUploads failed on the first timeout, so retry them.\n\nPaired with Sam on the backoff today 👍🏽👍🏽👍🏽\nCo-authored-by: Sam Lee <sam@example.com>\n";
    expect(finding(message)?.message).toContain('line 5 ("Paired with Sam on the backoff today 👍🏽👍🏽👍🏽") is text');
  });
});

describe("co-authored-by-unread and the trailers", () => {
  it("leaves a co-author the trailers at the end credit, by email in any case, and reports one they do not", () => {
    const squash = (trailers: string) =>
      `Retry uploads on timeouts (#42)\n\n* Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\nCo-authored-by: Sam Lee <Sam@Example.com>\n\n* Cover the retry in tests\n\n---------\n\n${trailers}`;
    expect(finding(squash("Co-authored-by: Sam Lee <sam@example.com>\n"))).toBeUndefined();
    expect(finding(squash("Co-authored-by: Kim Park <kim@example.com>\n"))).toMatchObject({ line: 7, column: 1, endLine: 7, endColumn: 42 });
  });
});

describe("co-authored-by-unread and an indented line", () => {
  it("names an indented line that opens the trailers' paragraph, which continues nothing and is text to git", () => {
    const message = "Retry uploads on timeouts\n\nUploads failed on the first timeout.\n\n    uploads.c | 4 ++--\nCo-authored-by: Sam Lee <sam@example.com>\n";
    expect(finding(message)).toMatchObject({ messageId: "mixed", line: 6, column: 1, endLine: 6, endColumn: 42 });
    expect(finding(message)?.message).toContain('line 5 ("uploads.c | 4 ++--") is text');
  });
});
