// `rationale config`: the file that applies, what it resolves to, and config errors as lint gives them.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, root, runCli, tempDir } from "./helpers.js";

beforeAll(assertBuilt);

describe("rationale config", () => {
  it("says when no config file applies and lists every rule at its default", () => {
    const dir = tempDir();
    const run = runCli(["config"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^Config file: none found from here up to the filesystem root; the built-in defaults \(the recommended preset\) apply$/m);
    expect(run.stdout).toMatch(/^Pass mark: a score of 60 or more, and no error finding$/m);
    expect(run.stdout).toMatch(/^  summary-max-length +error  max 72, soft 0$/m);
    expect(run.stdout).toMatch(/^  conventional-format +off /m);
    expect(run.stdout).not.toMatch(/^  \S+ .*\[was/m);
  });

  it("resolves the README's example config as its comments say", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const example = /```yaml\n# \.rationalerc\.yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const dir = tempDir();
    writeFileSync(join(dir, ".rationalerc.yaml"), example ?? "");
    const run = runCli(["config", "--format", "json"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const resolved = JSON.parse(run.stdout);
    expect(resolved.threshold).toBe(70);
    expect(JSON.stringify(resolved)).toContain('"conventional-format"');
    const text = runCli(["config"], { cwd: dir }).stdout;
    expect(text).toMatch(/^  summary-max-length +warn \[was error\] +max 60 \[was 72\]/m);
    expect(text).toMatch(/^  references-required +error \[was off\]/m);
    expect(text).toMatch(/^  conventional-format +error \[was off\]/m);
  });

  it("refuses an empty --config on every command that takes one, with the pointer to its help, but not in the release hook", () => {
    const dir = tempDir();
    for (const command of [["config"], ["lint", "--stdin"], ["audit"], ["release", "compose"]]) {
      const run = runCli([...command, "--config", ""], { cwd: dir, input: "Fix stuff\n" });
      expect(run, command.join(" ")).toEqual({
        status: 2,
        stdout: "",
        stderr: `rationale: --config expects a file name, got ''; leave it out to search from the current directory upward. See: rationale ${command.filter((word) => !word.startsWith("-")).join(" ")} --help\n`,
      });
    }
    // prepare-commit-msg never stops a commit: whatever fails is a warning.
    writeFileSync(join(dir, "MSG"), "");
    expect(runCli(["release", "prepare-commit-msg", join(dir, "MSG"), "--config", ""], { cwd: dir }).status).toBe(0);
  });

  it("refuses a YAML key that is a list at its line, with no warning from the yaml package", () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".rationalerc.yaml"), "threshold: 50\n? [a]\n: 1\n");
    expect(runCli(["config"], { cwd: dir })).toEqual({
      status: 2,
      stdout: "",
      stderr: `rationale: ${join(dir, ".rationalerc.yaml")}:2:3: this key is a list ([a]); a config key must be a string, such as a rule id or an option's name\n`,
    });
  });

  it("refuses a YAML key that is a number at its line, not as an unknown key \"1\"", () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".rationalerc.yaml"), "threshold: 50\n1: x\n");
    expect(runCli(["config"], { cwd: dir })).toEqual({
      status: 2,
      stdout: "",
      stderr: `rationale: ${join(dir, ".rationalerc.yaml")}:2:1: this key is a number (1); a config key must be a string, such as a rule id or an option's name\n`,
    });
  });

  it("says a script config found on the way is not read, instead of only \"none found\"", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "rationale.config.js"), "module.exports = { threshold: 90 };\n");
    const run = runCli(["config"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Config file: none found .*\nrationale\.config\.js is not read: configs are JSON or YAML \(rationale\.config\.json, \.rationalerc\.json, \.rationalerc\.yaml or \.yml, or "rationale" in package\.json\), see \S*configuration\.md$/m);
    expect(JSON.parse(runCli(["config", "--format", "json"], { cwd: dir }).stdout).notRead).toEqual([join(dir, "rationale.config.js")]);
    // Beside or below the file that applies it is named too; above it, it would lose anyway.
    const sub = join(dir, "pkg");
    mkdirSync(sub);
    writeFileSync(join(sub, ".rationalerc.json"), "{}");
    writeFileSync(join(sub, "rationale.config.ts"), "export default {};\n");
    const found = runCli(["config"], { cwd: sub }).stdout;
    expect(found).toMatch(/^Config file: \.rationalerc\.json\nrationale\.config\.ts is not read: /m);
    expect(found).not.toMatch(/rationale\.config\.js is not read/);
    // --config skips discovery, so it names no other file.
    expect(runCli(["config", "--config", ".rationalerc.json"], { cwd: sub }).stdout).not.toContain("is not read");
    expect(runCli(["config", "--format", "json"], { cwd: tempDir() }).stdout).not.toContain("notRead");
  });

  it("names the file found from a subdirectory and marks what it changes from the defaults", () => {
    const dir = tempDir();
    writeFileSync(join(dir, ".rationalerc.yaml"), "extends: strict\nthreshold: 70\nprojectKeys: [OPS]\nrules:\n  summary-mood: off\n  body-max-line-length: [error, { max: 100 }]\n");
    mkdirSync(join(dir, "src"));
    const run = runCli(["config"], { cwd: join(dir, "src") });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Config file: ${join(dir, ".rationalerc.yaml").replace(/[.]/g, "\\.")}$`, "m"));
    expect(run.stdout).toMatch(/^Pass mark: a score of 70 or more, and no error finding \(default 60\)$/m);
    expect(run.stdout).toMatch(/^Ticket keys: OPS$/m);
    expect(run.stdout).toMatch(/^  summary-mood +off \[was warn\]$/m);
    expect(run.stdout).toMatch(/^  body-max-line-length +error \[was warn\]  max 100 \[was 72\]$/m);
    // The strict preset's own changes show the same way.
    expect(run.stdout).toMatch(/^  summary-max-length +error {13}max 72, soft 50 \[was 0\]$/m);
    // Options start in one column after the widest severity; a rule without options ends at its severity.
    expect(run.stdout).toMatch(/^  summary-empty +error$/m);
    // Inside the working directory the file is named relative to it.
    expect(runCli(["config"], { cwd: dir }).stdout).toMatch(/^Config file: \.rationalerc\.yaml$/m);
  });

  it("prints the resolved configuration as JSON, with a null source for the defaults", () => {
    const dir = tempDir();
    const defaults = JSON.parse(runCli(["config", "--format", "json"], { cwd: dir }).stdout);
    expect(defaults).toMatchObject({ source: null, threshold: 60, projectKeys: [] });
    expect(defaults.rules["summary-max-length"]).toEqual({ severity: "error", options: { max: 72, soft: 0 } });
    const file = join(dir, "ci.json");
    writeFileSync(file, JSON.stringify({ rules: { "summary-mood": "off" }, release: { template: "Release {version}" } }));
    const given = JSON.parse(runCli(["config", "--config", "ci.json", "--format", "json"], { cwd: dir }).stdout);
    expect(given).toMatchObject({ source: file, release: { template: "Release {version}" } });
    expect(given.rules["summary-mood"].severity).toBe("off");
  });

  it("refuses a moving segment no link could hold, naming the file, the field and the character, exit 2", () => {
    const dir = tempDir();
    const file = join(dir, ".rationalerc.json");
    writeFileSync(file, JSON.stringify({ rules: { "link-unstable-docs": ["warn", { movingSegments: ["latest", "<stable>"] }] } }));
    const segment = "expected one path segment of a link: not empty, with no /, ?, #, space, quote, backtick, <, >, (, ), [ or ]";
    expect(runCli(["config"], { cwd: dir })).toEqual({
      status: 2,
      stdout: "",
      stderr: `rationale: invalid configuration in ${file} (1 problem):\n  ${file}: rules.link-unstable-docs[1].movingSegments[1]: got "<stable>" (string), which has "<"; ${segment}\n`,
    });
    // No segments at all turns the documentation check off, as documented.
    writeFileSync(file, JSON.stringify({ rules: { "link-unstable-docs": ["warn", { movingSegments: [] }] } }));
    expect(runCli(["config"], { cwd: dir }).status).toBe(0);
  });

  it("reports an invalid or missing config file as lint does, exit 2", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "rationale.config.json"), '{ "treshold": 70 }');
    const invalid = runCli(["config"], { cwd: dir });
    expect(invalid.status).toBe(2);
    expect(invalid.stdout).toBe("");
    expect(invalid.stderr).toContain('treshold: unknown key; did you mean "threshold"?');
    expect(invalid.stderr).not.toMatch(/\n\s+at /);
    const missing = runCli(["config", "--config", "nope.yaml"], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`rationale: config file not found: ${join(dir, "nope.yaml")}\n`);
  });
});
