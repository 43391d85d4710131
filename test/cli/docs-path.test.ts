// Messages point at this package's documents where the reader has them.
import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { describe, expect, it } from "vitest";
import { docsPath } from "../../src/docs-path.js";
import { root, tempDir } from "./helpers.js";

describe("docsPath", () => {
  it("is relative below the working directory, as in this repository", () => {
    expect(docsPath("docs/scoring.md", root)).toBe(join("docs", "scoring.md"));
    expect(docsPath("docs/scoring.md", join(root, "docs"))).toBe("scoring.md");
  });

  it("is absolute from elsewhere, and names a file that exists", () => {
    const shown = docsPath("docs/configuration.md", tempDir());
    expect(isAbsolute(shown)).toBe(true);
    expect(shown).toBe(join(root, "docs", "configuration.md"));
    expect(existsSync(shown)).toBe(true);
  });

  it("gives a document it cannot find as it was named", () => {
    expect(docsPath("docs/no-such-page.md", root)).toBe("docs/no-such-page.md");
  });
});
