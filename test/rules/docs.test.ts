// The generated rule docs and config schema match the rules, and every rule has its page.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rules } from "../../rules/index.js";
import { generatedFiles } from "../../src/engine/rule-docs.js";

const root = join(import.meta.dirname, "..", "..");

describe("generated docs", () => {
  const files = generatedFiles();

  it("has a page for every rule, and the index links each one", () => {
    const index = files.get("docs/rules/README.md") ?? "";
    for (const rule of rules) {
      expect(existsSync(join(root, "docs/rules", `${rule.id}.md`)), `docs/rules/${rule.id}.md`).toBe(true);
      expect(index).toContain(`[${rule.id}](${rule.id}.md)`);
    }
  });

  it("matches the files on disk (run `npm run docs` when this fails)", () => {
    for (const [path, content] of files) {
      const onDisk = existsSync(join(root, path)) ? readFileSync(join(root, path), "utf8") : "(missing)";
      expect(onDisk, `${path} is stale`).toBe(content);
    }
  });

  it("lists every rule's options in the config schema", () => {
    const schema = JSON.parse(files.get("schema/rationale.schema.json") ?? "{}");
    expect(Object.keys(schema.properties.rules.properties)).toEqual(rules.map((rule) => rule.id));
    const maxLength = schema.properties.rules.properties["summary-max-length"].oneOf[1].items[1];
    // null too: `max:` with nothing after it in YAML leaves the option unset.
    expect(maxLength.properties.max).toMatchObject({ type: ["integer", "null"], default: 72 });
  });

  it("gives the schema an $id under the package's own name on npm, at a file the package ships", () => {
    const schema = JSON.parse(files.get("schema/rationale.schema.json") ?? "{}");
    const { name, files: shipped } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; files: string[] };
    // The npm name `rationale` belongs to an unrelated package, so the URL must use ours.
    const prefix = `https://unpkg.com/${name}/`;
    expect(schema.$id.startsWith(prefix), `${schema.$id} starts with ${prefix}`).toBe(true);
    const path = schema.$id.slice(prefix.length);
    expect(files.has(path), `${path} is a generated file`).toBe(true);
    expect(shipped.some((entry) => path.startsWith(`${entry}/`)), `${path} is in the package's files`).toBe(true);
  });

  it("`gen-docs.mjs --check` exits 0 when up to date", () => {
    const output = execFileSync(process.execPath, [join(root, "scripts/gen-docs.mjs"), "--check"], { cwd: root, encoding: "utf8" });
    expect(output).toMatch(/up to date/);
  });

  it("`gen-docs.mjs --check` exits 1 and names the files when a page is stale or left over", () => {
    const copy = mkdtempSync(join(tmpdir(), "rationale-docs-"));
    try {
      cpSync(join(root, "docs/rules"), join(copy, "docs/rules"), { recursive: true });
      cpSync(join(root, "schema"), join(copy, "schema"), { recursive: true });
      writeFileSync(join(copy, "docs/rules/summary-empty.md"), "# summary-empty\n\nedited by hand\n");
      writeFileSync(join(copy, "docs/rules/removed-rule.md"), "# removed-rule\n");
      let status = 0;
      let stderr = "";
      try {
        execFileSync(process.execPath, [join(root, "scripts/gen-docs.mjs"), "--check", `--root=${copy}`], { encoding: "utf8", stdio: "pipe" });
      } catch (error) {
        status = (error as { status: number }).status;
        stderr = (error as { stderr: string }).stderr;
      }
      expect(status).toBe(1);
      expect(stderr).toContain("docs/rules/summary-empty.md");
      expect(stderr).toContain("docs/rules/removed-rule.md");
      expect(stderr).not.toContain("docs/rules/summary-max-length.md");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
