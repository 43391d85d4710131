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
