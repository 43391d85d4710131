// body-only-trailers names what follows the summary as the user wrote it: trailers by token, links by URL.
import { describe, expect, it } from "vitest";
import { lint } from "../../src/lint.js";

const finding = (text: string) => lint(text).findings.find((f) => f.ruleId === "body-only-trailers");

describe("body-only-trailers", () => {
  it("calls a bare link a link, not the trailer \"https\" git reads it as", () => {
    expect(finding("Add retry option to the HTTP client\n\nhttps://example.com/docs/retry.html\n")?.message).toBe(
      "Body has only the link https://example.com/docs/retry.html; a link doesn't explain the change, so add a paragraph before it saying why the change is needed and what it does.",
    );
  });

  it("lists a link among trailers by its URL", () => {
    expect(finding("Add retry option to the HTTP client\n\nhttp://example.com/docs/retry.html\nSigned-off-by: A U Thor <author@example.com>\n")?.message).toMatch(
      /^Body has only trailers \(http:\/\/example\.com\/docs\/retry\.html, Signed-off-by\); /,
    );
  });

  it("lists trailers by token, each once", () => {
    expect(finding("Add retry option to the HTTP client\n\nSigned-off-by: A <a@example.com>\nSigned-off-by: B <b@example.com>\n")?.message).toMatch(/^Body has only trailers \(Signed-off-by\); /);
  });
});
