// The text of a raw file response, whatever form Octokit hands the body over in.
import { describe, expect, it } from "vitest";
import { rawText } from "../../src/action/github.js";

describe("rawText", () => {
  const changelog = "# Changelog\n\n## 1.2.0\n\n- Retry uploads that time out (café menu)\n";

  it("reads a string, an ArrayBuffer and a typed array alike, as UTF-8", () => {
    const bytes = Buffer.from(changelog, "utf8");
    expect(rawText(changelog)).toBe(changelog);
    expect(rawText(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))).toBe(changelog);
    // A view into a larger buffer: only its own bytes.
    const padded = Buffer.concat([Buffer.from("xx"), bytes, Buffer.from("yy")]);
    expect(rawText(new Uint8Array(padded.buffer, padded.byteOffset + 2, bytes.byteLength))).toBe(changelog);
  });

  it("refuses a body that is no text, instead of writing it into a release message", () => {
    expect(() => rawText({ message: "x" })).toThrow("GitHub answered a raw file request with object, not the file's text");
    expect(() => rawText(null)).toThrow("with null");
  });
});
