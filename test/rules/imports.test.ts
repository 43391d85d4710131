// Rules share code only through the engine's helpers module: no rule imports another rule or
// reaches into the message model or the judgement directly (types aside).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const rulesDir = join(import.meta.dirname, "..", "..", "rules");
const IMPORT = /^import\s+(type\s+)?[^"']*?from\s+["']([^"']+)["'];?$/gm;

describe("rule imports", () => {
  const files = readdirSync(rulesDir).filter((name) => name.endsWith(".ts") && name !== "index.ts");

  it("finds the rule files", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)("%s imports values only from src/engine/helpers", (file) => {
    const source = readFileSync(join(rulesDir, file), "utf8");
    const offending: string[] = [];
    for (const match of source.matchAll(IMPORT)) {
      const [, typeOnly, from] = match;
      if (from === "../src/engine/helpers.js") continue;
      if (typeOnly && from === "../src/types.js") continue;
      offending.push(match[0]);
    }
    expect(offending).toEqual([]);
  });
});
