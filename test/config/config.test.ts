import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findConfig, loadConfig, resolveConfig } from "../../src/config/index.js";
import { UsageError } from "../../src/types.js";

function problemsOf(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error("expected a UsageError");
}

async function rejection(promise: Promise<unknown>): Promise<UsageError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error("expected a UsageError");
}

describe("presets", () => {
  it("recommended is the default: rule defaults, threshold 60, conventional-format off", () => {
    const config = resolveConfig({});
    expect(config.threshold).toBe(60);
    expect(config.rules["summary-max-length"]).toEqual({ severity: "error", options: { max: 72, soft: 0 } });
    expect(config.rules["summary-mood"].severity).toBe("warn");
    expect(config.rules["conventional-format"].severity).toBe("off");
    expect(config.projectKeys).toEqual([]);
    expect(config.source).toBeUndefined();
  });

  it("strict turns warnings into errors, enables the soft summary limit and raises the threshold", () => {
    const config = resolveConfig({ extends: "strict" });
    expect(config.threshold).toBe(75);
    expect(config.rules["summary-mood"].severity).toBe("error");
    expect(config.rules["summary-trailing-period"].severity).toBe("error");
    expect(config.rules["summary-max-length"].options).toEqual({ max: 72, soft: 50 });
    expect(config.rules["conventional-format"].severity).toBe("off");
  });

  it("conventional adds conventional-format to what it extends", () => {
    expect(resolveConfig({ extends: "conventional" }).rules["conventional-format"].severity).toBe("error");
    const both = resolveConfig({ extends: ["strict", "conventional"] });
    expect(both.rules["conventional-format"].severity).toBe("error");
    expect(both.rules["summary-mood"].severity).toBe("error");
    expect(both.threshold).toBe(75);
  });

  it("recommended after another preset sets every rule back to its default, not only the threshold", () => {
    const config = resolveConfig({ extends: ["strict", "conventional", "recommended"] });
    expect(config).toEqual(resolveConfig({}));
    // And a preset after it applies on top of the defaults again.
    expect(resolveConfig({ extends: ["strict", "recommended", "conventional"] })).toEqual(resolveConfig({ extends: "conventional" }));
  });

  it("user rules override presets and merge options over the defaults", () => {
    const config = resolveConfig({
      extends: "strict",
      threshold: 50,
      rules: { "summary-mood": "off", "summary-max-length": ["warn", { max: 100 }], "conventional-format": ["error", { types: ["feat"] }] },
      projectKeys: ["ABC", "JIRA"],
      release: { template: "release: {packages}" },
    });
    expect(config.threshold).toBe(50);
    expect(config.rules["summary-mood"].severity).toBe("off");
    expect(config.rules["summary-max-length"]).toEqual({ severity: "warn", options: { max: 100, soft: 50 } });
    expect(config.rules["conventional-format"].options.types).toEqual(["feat"]);
    expect(config.projectKeys).toEqual(["ABC", "JIRA"]);
    expect(config.release).toEqual({ template: "release: {packages}" });
  });

  it("knows the settings of the release and audit sections, so a typo is an error", () => {
    const error = problemsOf(() => resolveConfig({ release: { templte: "x", template: 5 }, audit: { since: "v1" } }));
    expect(error.details).toEqual([
      "configuration: audit.since: unknown setting; rationale audit has no settings in the config file yet",
      "configuration: release.templte: unknown setting; expected template",
      "configuration: release.template: got 5 (integer); expected a string",
    ]);
  });
});

describe("validation", () => {
  it("quotes a value nested thousands of levels deep at its field, instead of running out of stack", () => {
    // A config file's JSON or YAML can nest that deep (JSON.parse reads it); JSON.stringify cannot write it.
    const deep = JSON.parse(`${"[".repeat(5000)}1${"]".repeat(5000)}`);
    const error = problemsOf(() => resolveConfig({ rules: { "summary-max-length": ["error", { max: deep }] }, projectKeys: deep }));
    expect(error.details).toEqual([
      `configuration: projectKeys[0]: got ${"[".repeat(59)}… (array); expected an upper-case key such as "ABC" (letters, digits, _)`,
      `configuration: rules.summary-max-length[1].max: got ${"[".repeat(59)}… (array); expected an integer >= 1`,
    ]);
    // Short values read as JSON.stringify writes them, however they are built.
    const problem = (value: unknown) => problemsOf(() => resolveConfig({ threshold: value })).details[0];
    expect(problem({ a: [1, null, "x"], b: undefined, c: true })).toBe('configuration: threshold: got {"a":[1,null,"x"],"c":true} (object); expected an integer from 0 to 100');
    expect(problem([undefined, () => 1, Number.NaN])).toBe("configuration: threshold: got [null,null,null] (array); expected an integer from 0 to 100");
    expect(problem({ ["k".repeat(100)]: "v".repeat(100) })).toBe(`configuration: threshold: got {"${"k".repeat(57)}… (object); expected an integer from 0 to 100`);
    expect(problem(10n ** 30n)).toBe(`configuration: threshold: got 1${"0".repeat(30)} (bigint); expected an integer from 0 to 100`);
  });

  it("refuses a conventional-format type no summary could start with, naming what a type is", () => {
    const error = problemsOf(() => resolveConfig({ rules: { "conventional-format": ["error", { types: ["feat", "fix ", "", "2fa", "feat!"] }] } }));
    const expected = "expected a type as a summary starts with it: a letter, then letters, digits, _ or -";
    expect(error.details).toEqual([
      `configuration: rules.conventional-format[1].types[1]: got "fix " (string); ${expected}`,
      `configuration: rules.conventional-format[1].types[2]: got "" (string); ${expected}`,
      `configuration: rules.conventional-format[1].types[3]: got "2fa" (string); ${expected}`,
      `configuration: rules.conventional-format[1].types[4]: got "feat!" (string); ${expected}`,
    ]);
    expect(resolveConfig({ rules: { "conventional-format": ["error", { types: ["i18n", "ui-fix", "ci_cd"] }] } }).rules["conventional-format"].options.types).toEqual(["i18n", "ui-fix", "ci_cd"]);
  });

  it("refuses a scope or a moving segment no link or summary could ever match, saying why", () => {
    const error = problemsOf(() =>
      resolveConfig({
        rules: {
          "conventional-format": ["error", { scopes: ["api", "api(v2)", "core)", " ", ""] }],
          "link-unstable-docs": ["warn", { movingSegments: ["latest", "en/latest", "/latest/", "", "stable?", "dev docs", "<latest>", 'dev"docs', "it's", "docs`", "(v2)", "[x]", "a#b", "tab\tx"] }],
        },
      }),
    );
    const scope = "expected a scope as it stands in the parentheses: not blank, with no ( or )";
    const segment = "expected one path segment of a link: not empty, with no /, ?, #, space, quote, backtick, <, >, (, ), [ or ]";
    expect(error.details).toEqual([
      `configuration: rules.conventional-format[1].scopes[1]: got "api(v2)" (string); ${scope}`,
      `configuration: rules.conventional-format[1].scopes[2]: got "core)" (string); ${scope}`,
      `configuration: rules.conventional-format[1].scopes[3]: got " " (string); ${scope}`,
      `configuration: rules.conventional-format[1].scopes[4]: got "" (string); ${scope}`,
      // Each names the first character no link's path segment could hold, which a long value hides.
      `configuration: rules.link-unstable-docs[1].movingSegments[1]: got "en/latest" (string), which has "/"; ${segment}`,
      `configuration: rules.link-unstable-docs[1].movingSegments[2]: got "/latest/" (string), which has "/"; ${segment}`,
      `configuration: rules.link-unstable-docs[1].movingSegments[3]: got "" (string); ${segment}`,
      `configuration: rules.link-unstable-docs[1].movingSegments[4]: got "stable?" (string), which has "?"; ${segment}`,
      `configuration: rules.link-unstable-docs[1].movingSegments[5]: got "dev docs" (string), which has " " (a space); ${segment}`,
      `configuration: rules.link-unstable-docs[1].movingSegments[6]: got "<latest>" (string), which has "<"; ${segment}`,
      `configuration: rules.link-unstable-docs[1].movingSegments[7]: got "dev\\"docs" (string), which has "\\""; ${segment}`,
      `configuration: rules.link-unstable-docs[1].movingSegments[8]: got "it's" (string), which has "'"; ${segment}`,
      `configuration: rules.link-unstable-docs[1].movingSegments[9]: got "docs\`" (string), which has "\`"; ${segment}`,
      `configuration: rules.link-unstable-docs[1].movingSegments[10]: got "(v2)" (string), which has "("; ${segment}`,
      `configuration: rules.link-unstable-docs[1].movingSegments[11]: got "[x]" (string), which has "["; ${segment}`,
      `configuration: rules.link-unstable-docs[1].movingSegments[12]: got "a#b" (string), which has "#"; ${segment}`,
      `configuration: rules.link-unstable-docs[1].movingSegments[13]: got "tab\\tx" (string), which has "\\t" (white space); ${segment}`,
    ]);
    // A scope may hold what the header reads in it (a space, a colon); no segments means none.
    const config = resolveConfig({ rules: { "conventional-format": ["error", { scopes: ["api:v2", "web ui"] }], "link-unstable-docs": ["warn", { movingSegments: [] }] } });
    expect(config.rules["conventional-format"].options.scopes).toEqual(["api:v2", "web ui"]);
    expect(config.rules["link-unstable-docs"].options.movingSegments).toEqual([]);
  });

  it("names the rules an option belongs to when it is set under another one", () => {
    const error = problemsOf(() =>
      resolveConfig({ rules: { "summary-max-length": ["error", { types: ["feat"] }], "body-required": ["error", { max: 60 }], "summary-mood": ["warn", { max: 60 }] } }),
    );
    expect(error.details).toEqual([
      "configuration: rules.summary-max-length[1].types: unknown key; types is an option of conventional-format and references-required (allowed keys: max, soft)",
      "configuration: rules.body-required[1].max: unknown key; max is an option of summary-max-length and body-max-line-length (allowed keys: minWords)",
      "configuration: rules.summary-mood[1].max: unknown key; max is an option of summary-max-length and body-max-line-length (this takes no keys)",
    ]);
  });

  it("names the word for a severity given as ESLint's number, alone or in an array", () => {
    const error = problemsOf(() => resolveConfig({ rules: { "summary-mood": 0, "body-why": [1], "summary-max-length": [2, { max: 60 }], "what-missing": 3 } }));
    expect(error.details).toEqual([
      'configuration: rules.summary-mood: got 0 (integer); expected "off", "warn", "error", or [severity, { options }]; write "off" for ESLint\'s 0',
      'configuration: rules.body-why[0]: got 1 (integer); expected "off", "warn" or "error"; write "warn" for ESLint\'s 1',
      'configuration: rules.summary-max-length[0]: got 2 (integer); expected "off", "warn" or "error"; write "error" for ESLint\'s 2',
      'configuration: rules.what-missing: got 3 (integer); expected "off", "warn", "error", or [severity, { options }]',
    ]);
  });

  it("lists every problem at once with file, key, value and what is allowed", () => {
    const error = problemsOf(() =>
      resolveConfig(
        {
          treshold: 70,
          extends: ["recommended", "stirct"],
          threshold: 120,
          projectKeys: ["abc"],
          rules: {
            "summary-max-lenght": "error",
            "summary-max-length": ["error", { max: "72", sofft: 50 }],
            "summary-mood": "warning",
            "body-required": ["error", { minWords: 0 }, "extra"],
          },
          audit: "yes",
        },
        "/repo/rationale.config.json",
      ),
    );
    expect(error.message.split("\n")[0]).toBe("invalid configuration in /repo/rationale.config.json (10 problems):");
    expect(error.details).toEqual([
      '/repo/rationale.config.json: treshold: unknown key; did you mean "threshold"? (allowed keys: $schema, extends, threshold, rules, projectKeys, audit, release)',
      '/repo/rationale.config.json: extends[1]: got "stirct" (string); expected one of "recommended", "strict", "conventional"; did you mean "strict"?',
      "/repo/rationale.config.json: threshold: got 120 (integer); expected an integer from 0 to 100",
      '/repo/rationale.config.json: projectKeys[0]: got "abc" (string); expected an upper-case key such as "ABC" (letters, digits, _)',
      '/repo/rationale.config.json: audit: got "yes" (string); expected an object',
      '/repo/rationale.config.json: rules.summary-max-lenght: unknown rule; did you mean "summary-max-length"?',
      '/repo/rationale.config.json: rules.summary-max-length[1].max: got "72" (string); expected an integer >= 1',
      '/repo/rationale.config.json: rules.summary-max-length[1].sofft: unknown key; did you mean "soft"? (allowed keys: max, soft)',
      '/repo/rationale.config.json: rules.summary-mood: got "warning" (string); expected "off", "warn", "error", or [severity, { options }]; did you mean "warn"?',
      '/repo/rationale.config.json: rules.body-required: got ["error",{"minWords":0},"extra"] (array); expected "off", "warn", "error", or [severity, { options }]',
    ]);
  });

  it("says to move a rule set at the top level into \"rules\"", () => {
    const error = problemsOf(() => resolveConfig({ "summary-mood": "off", extends: "strict" }, "/repo/.rationalerc.json"));
    expect(error.details).toEqual([
      '/repo/.rationalerc.json: summary-mood: unknown key; summary-mood is a rule: move it into "rules": { "summary-mood": … } (allowed keys: $schema, extends, threshold, rules, projectKeys, audit, release)',
    ]);
  });

  it("checks option values against the rule's schema (minimum, array items)", () => {
    const error = problemsOf(() =>
      resolveConfig({ rules: { "body-required": ["error", { minWords: 0 }], "conventional-format": ["error", { types: ["feat", 3] }] } }),
    );
    expect(error.details).toEqual([
      "configuration: rules.body-required[1].minWords: got 0 (integer); expected an integer >= 1",
      "configuration: rules.conventional-format[1].types[1]: got 3 (integer); expected a string",
    ]);
  });

  it("checks options the schema cannot relate: a soft summary limit must be below the hard one", () => {
    const error = problemsOf(() => resolveConfig({ rules: { "summary-max-length": ["error", { soft: 80 }] } }));
    // Settings from code name no file in the headline.
    expect(error.message.split("\n")[0]).toBe("invalid configuration (1 problem):");
    expect(error.details).toEqual([
      "configuration: rules.summary-max-length[1]: soft (80) must be below max (72): a summary over max is already reported, so the soft limit would never warn; set soft below 72, or to 0 to turn it off",
    ]);
    // Judged on the merged options: a max the user raises makes room for the preset's soft limit.
    expect(resolveConfig({ extends: "strict", rules: { "summary-max-length": ["error", { max: 100, soft: 80 }] } }).rules["summary-max-length"].options).toEqual({ max: 100, soft: 80 });
    expect(problemsOf(() => resolveConfig({ extends: "strict", rules: { "summary-max-length": ["error", { max: 50 }] } })).details).toEqual([
      "configuration: rules.summary-max-length[1]: soft (50) must be below max (50): a summary over max is already reported, so the soft limit would never warn; set soft below 50, or to 0 to turn it off; soft 50 comes from the preset this file extends",
    ]);
  });

  it("keeps the options of a rule turned off, still checked", () => {
    const config = resolveConfig({ rules: { "body-required": ["off", { minWords: 12 }] } });
    expect(config.rules["body-required"]).toEqual({ severity: "off", options: { minWords: 12 } });
    expect(problemsOf(() => resolveConfig({ rules: { "body-required": ["off", { minWords: 0 }] } })).details).toEqual([
      "configuration: rules.body-required[1].minWords: got 0 (integer); expected an integer >= 1",
    ]);
  });

  it("resolves null from code to the defaults, as a null config file and undefined are", () => {
    expect(resolveConfig(null)).toEqual(resolveConfig({}));
    expect(resolveConfig(null, "/repo/.rationalerc.json")).toEqual(resolveConfig({}, "/repo/.rationalerc.json"));
    expect(resolveConfig(undefined)).toEqual(resolveConfig({}));
  });

  it("rejects a config that is not an object", () => {
    expect(problemsOf(() => resolveConfig([1, 2])).details).toEqual(["configuration: (top level): got [1,2] (array); expected an object"]);
  });

  it("puts the problems in the message, so String(error) shows them, as well as in details", () => {
    const error = problemsOf(() => resolveConfig({ threshold: 101 }, "/repo/.rationalerc.json"));
    const problem = "/repo/.rationalerc.json: threshold: got 101 (integer); expected an integer from 0 to 100";
    expect(error.details).toEqual([problem]);
    expect(error.message).toBe(`invalid configuration in /repo/.rationalerc.json (1 problem):\n  ${problem}`);
    expect(String(error)).toContain(problem);
  });

  it("checks release.template when the config is read, with release compose's words", () => {
    const file = "/repo/.rationalerc.json";
    const problems = (template: string) => problemsOf(() => resolveConfig({ release: { template } }, file)).details;
    expect(problems("")).toEqual([`${file}: release.template is empty; it makes the summary line, e.g. "chore(release): {packages}"`]);
    expect(problems("{bogus} release")).toEqual([`${file}: release.template "{bogus} release" has unknown placeholder {bogus}; use {packages}, {count}, {name} or {version}`]);
    expect(problems("chore: {packages}\nmore")).toEqual([`${file}: release.template must be one line; got "chore: {packages}\\nmore"`]);
    expect(resolveConfig({ release: { template: "chore: {name} {version}" } }).release).toEqual({ template: "chore: {name} {version}" });
  });

  it("cuts a long release.template in its problem as it cuts other values", () => {
    const file = "/repo/.rationalerc.json";
    const problems = (template: string) => problemsOf(() => resolveConfig({ release: { template } }, file)).details;
    const long = `chore(release): ${"x".repeat(10_000)}`;
    expect(problems(`${long} {bogus}`)).toEqual([`${file}: release.template "chore(release): ${"x".repeat(43)}…" has unknown placeholder {bogus}; use {packages}, {count}, {name} or {version}`]);
    expect(problems(`${long}\n\nbody`)).toEqual([`${file}: release.template must be one line; got "chore(release): ${"x".repeat(43)}…"`]);
  });

  it("cuts a long unknown key as it cuts a long value, wherever the key is", () => {
    const long = `k${"x".repeat(100_000)}`;
    const shown = `${long.slice(0, 59)}…`;
    const error = problemsOf(() =>
      resolveConfig({ [long]: 1, rules: { [long]: "off", "summary-max-length": ["error", { [long]: 1 }] }, release: { [long]: "x" } }),
    );
    expect(error.details).toEqual([
      `configuration: ${shown}: unknown key (allowed keys: $schema, extends, threshold, rules, projectKeys, audit, release)`,
      `configuration: release.${shown}: unknown setting; expected template`,
      `configuration: rules.${shown}: unknown rule`,
      `configuration: rules.summary-max-length[1].${shown}: unknown key (allowed keys: max, soft)`,
    ]);
    expect(error.message.length).toBeLessThan(1000);
  });

  it("offers no suggestion for a name far from every rule", () => {
    const error = problemsOf(() => resolveConfig({ rules: { "no-emoji-at-all": "error" } }));
    expect(error.details).toEqual(["configuration: rules.no-emoji-at-all: unknown rule"]);
  });
});

describe("loadConfig", () => {
  const dirs: string[] = [];
  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), "rationale-config-"));
    dirs.push(dir);
    return dir;
  }
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a path given where the options go, which loaded the recommended preset instead", async () => {
    await expect(loadConfig("rationale.config.json" as never)).rejects.toThrow(
      new TypeError('loadConfig() takes options, not a string; for a config file, call loadConfig({ file: "rationale.config.json" })'),
    );
    await expect(loadConfig(null as never)).rejects.toThrow(new TypeError("loadConfig() takes options ({ cwd, file }), not null"));
    await expect(loadConfig({ cwd: 5 as never })).rejects.toThrow(new TypeError("loadConfig() options.cwd must be a path as a string, not number"));
    await expect(loadConfig({ config: "rationale.config.json" } as never)).rejects.toThrow(new TypeError('loadConfig() has no option "config"; it takes { cwd, file }'));
  });

  it("refuses a cwd that is not a directory instead of searching nothing and loading the defaults", async () => {
    const root = tempDir();
    writeFileSync(join(root, "rationale.config.json"), JSON.stringify({ threshold: 42 }));
    await expect(loadConfig({ cwd: join(root, "no-such-dir") })).rejects.toThrow(`loadConfig() options.cwd is not a directory: ${join(root, "no-such-dir")}`);
    await expect(loadConfig({ cwd: join(root, "rationale.config.json") })).rejects.toThrow("is not a directory");
    expect((await loadConfig({ cwd: root })).threshold).toBe(42);
  });

  it("names a --config file it cannot read as config, in the CLI's sentence form (no closing period)", async () => {
    const root = tempDir();
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "x" }));
    writeFileSync(join(root, "rationale.toml"), "threshold = 42\n");
    const noKey = await rejection(loadConfig({ cwd: root, file: "package.json" }));
    expect(noKey.message).toBe(`${join(root, "package.json")} has no "rationale" key; add one or point --config at a rationale config file`);
    const unsupported = await rejection(loadConfig({ cwd: root, file: "rationale.toml" }));
    expect(unsupported.message).toBe(`unsupported config file ${join(root, "rationale.toml")}: rationale reads JSON (.json), YAML (.yaml, .yml) or package.json only`);
  });

  it("finds rationale.config.json in a parent directory", async () => {
    const root = tempDir();
    writeFileSync(join(root, "rationale.config.json"), JSON.stringify({ threshold: 42 }));
    const nested = join(root, "a", "b");
    mkdirSync(nested, { recursive: true });
    const config = await loadConfig({ cwd: nested });
    expect(config.threshold).toBe(42);
    expect(config.source).toBe(join(root, "rationale.config.json"));
  });

  it("prefers the nearest directory, and the file order within it", async () => {
    const root = tempDir();
    writeFileSync(join(root, "rationale.config.json"), JSON.stringify({ threshold: 10 }));
    const nested = join(root, "pkg");
    mkdirSync(nested);
    writeFileSync(join(nested, ".rationalerc.yml"), "threshold: 30\n");
    writeFileSync(join(nested, ".rationalerc.json"), JSON.stringify({ threshold: 20 }));
    expect((await loadConfig({ cwd: nested })).threshold).toBe(20);
  });

  it("reads the rationale key of package.json and skips a package.json without it", async () => {
    const root = tempDir();
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "outer", rationale: { extends: "strict" } }));
    const nested = join(root, "inner");
    mkdirSync(nested);
    writeFileSync(join(nested, "package.json"), JSON.stringify({ name: "inner" }));
    const config = await loadConfig({ cwd: nested });
    expect(config.source).toBe(join(root, "package.json"));
    expect(config.rules["summary-mood"].severity).toBe("error");
  });

  it("skips a broken package.json that never mentions rationale, but not one that does", async () => {
    const root = tempDir();
    writeFileSync(join(root, "package.json"), '{ "name": "someone-else", }');
    const nested = join(root, "repo");
    mkdirSync(nested);
    expect((await loadConfig({ cwd: nested })).source).toBeUndefined();
    writeFileSync(join(root, "package.json"), '{ "name": "mine", "rationale": { "threshold": 50 }, }');
    expect((await rejection(loadConfig({ cwd: nested }))).message).toMatch(/package\.json:1:\d+: invalid JSON/);
  });

  it("names keys in package.json as the file spells them, under rationale.", async () => {
    const root = tempDir();
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "pkg", rationale: { threshhold: 10, rules: { "summary-vague": "loud" } } }));
    const error = await rejection(loadConfig({ cwd: root }));
    const file = join(root, "package.json");
    expect(error.details).toEqual([
      `${file}: rationale.threshhold: unknown key; did you mean "threshold"? (allowed keys: $schema, extends, threshold, rules, projectKeys, audit, release)`,
      `${file}: rationale.rules.summary-vague: got "loud" (string); expected "off", "warn", "error", or [severity, { options }]`,
    ]);
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "pkg", rationale: [] }));
    expect((await rejection(loadConfig({ cwd: root }))).details).toEqual([`${file}: rationale: got [] (array); expected an object`]);
    // A preset's name where the settings go, as prettier takes a shared config's name: where the name belongs.
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "pkg", rationale: "strict" }));
    expect((await rejection(loadConfig({ cwd: root }))).details).toEqual([
      `${file}: rationale: got "strict" (string); expected an object; to use a preset, name it under "extends": { "extends": "strict" }`,
    ]);
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "pkg", rationale: ["strict", "conventional"] }));
    expect((await rejection(loadConfig({ cwd: root }))).details).toEqual([
      `${file}: rationale: got ["strict","conventional"] (array); expected an object; to use presets, name them under "extends": { "extends": ["strict","conventional"] }`,
    ]);
    // Any other text is not taken for a preset.
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "pkg", rationale: "stricter" }));
    expect((await rejection(loadConfig({ cwd: root }))).details).toEqual([`${file}: rationale: got "stricter" (string); expected an object`]);
  });

  it("shows a key holding a line break or an escape sequence quoted with its escapes, on one line", async () => {
    const root = tempDir();
    const file = join(root, "rationale.config.json");
    // JSON escapes in the file: a line break, ESC (a terminal's colour sequence), and U+009B (CSI).
    writeFileSync(
      file,
      '{ "a\\nb": 1, "release": { "templ\\u001b[31mate": "x" }, "rules": { "summary-\\r\\nmood": "off", "summary-max-length": ["error", { "m\\u009bax": 1 }] } }\n',
    );
    const details = (await rejection(loadConfig({ cwd: root }))).details;
    expect(details).toEqual([
      `${file}: "a\\nb": unknown key (allowed keys: $schema, extends, threshold, rules, projectKeys, audit, release)`,
      `${file}: release."templ\\u001b[31mate": unknown setting; expected template`,
      `${file}: rules."summary-\\r\\nmood": unknown rule; did you mean "summary-mood"?`,
      `${file}: rules.summary-max-length[1]."m\\u009bax": unknown key; did you mean "max"? (allowed keys: max, soft)`,
    ]);
    for (const line of details) expect(line).not.toMatch(/\p{Cc}/u);
    // YAML's escapes too; a plain key stays bare, a long one is cut before it is quoted.
    const yamlFile = join(root, ".rationalerc.yaml");
    rmSync(file);
    writeFileSync(yamlFile, `"tab\\there": 1\nrules:\n  "\\e[2J${"x".repeat(70)}": off\n  summary-moood: off\n`);
    expect((await rejection(loadConfig({ cwd: root }))).details).toEqual([
      `${yamlFile}: "tab\\there": unknown key (allowed keys: $schema, extends, threshold, rules, projectKeys, audit, release)`,
      `${yamlFile}: rules."\\u001b[2J${"x".repeat(55)}…": unknown rule`,
      `${yamlFile}: rules.summary-moood: unknown rule; did you mean "summary-mood"?`,
    ]);
  });

  it("reads YAML", async () => {
    const root = tempDir();
    writeFileSync(join(root, ".rationalerc.yaml"), "extends: conventional\nrules:\n  summary-mood: off\n  body-max-line-length: [error, { max: 100 }]\n");
    const config = await loadConfig({ cwd: root });
    expect(config.rules["conventional-format"].severity).toBe("error");
    expect(config.rules["summary-mood"].severity).toBe("off");
    expect(config.rules["body-max-line-length"]).toEqual({ severity: "error", options: { max: 100 } });
  });

  it("reads an empty or blank config file as no settings, in JSON as in YAML", async () => {
    for (const [name, text] of [[".rationalerc.json", ""], [".rationalerc.json", "\uFEFF\n  \n"], [".rationalerc.yaml", ""], ["rationale.config.json", "\n"]]) {
      const root = tempDir();
      writeFileSync(join(root, name), text);
      const config = await loadConfig({ cwd: root });
      expect(config.source, `${name} ${JSON.stringify(text)}`).toBe(join(root, name));
      expect(config.threshold).toBe(60);
    }
    // package.json is npm's file: an empty one is broken, not "no settings".
    const root = tempDir();
    writeFileSync(join(root, "package.json"), "");
    expect((await rejection(loadConfig({ cwd: root, file: "package.json" }))).message).toMatch(/invalid JSON/);
  });

  it("reads a YAML key with nothing under it (its entries commented out) as unset, not null", async () => {
    const root = tempDir();
    writeFileSync(join(root, ".rationalerc.yaml"), "extends:\nthreshold: 70\nprojectKeys:\n#  - OPS\nrules:\n#  summary-mood: off\n");
    const config = await loadConfig({ cwd: root });
    expect(config.threshold).toBe(70);
    expect(config.projectKeys).toEqual([]);
    expect(config.rules["summary-mood"].severity).toBe("warn");
    // An unknown key is still reported, whatever its value.
    writeFileSync(join(root, ".rationalerc.yaml"), "rulez:\nrules:\n  summary-mood:\n");
    const problems = (await rejection(loadConfig({ cwd: root }))).details!.join("\n");
    expect(problems).toMatch(/rulez: unknown key; did you mean "rules"\?/);
  });

  it("reads a null below the top level as unset too: a rule, an option, release.template", async () => {
    const root = tempDir();
    writeFileSync(
      join(root, ".rationalerc.yaml"),
      "extends: strict\nrules:\n  summary-mood:\n  summary-max-length:\n    - warn\n    - max: 60\n      soft:\nrelease:\n  template:\n",
    );
    const config = await loadConfig({ cwd: root });
    // What strict gave the rule and the option stays, as for a key left out.
    expect(config.rules["summary-mood"].severity).toBe("error");
    expect(config.rules["summary-max-length"]).toEqual({ severity: "warn", options: { max: 60, soft: 50 } });
    expect(config.release).toEqual({});
    // An unknown rule, option or setting is still reported, whatever its value.
    const error = problemsOf(() => resolveConfig({ rules: { "summary-moood": null, "summary-max-length": ["warn", { maximum: null }] }, release: { templte: null } }));
    expect(error.details).toEqual([
      'configuration: release.templte: unknown setting; expected template',
      'configuration: rules.summary-moood: unknown rule; did you mean "summary-mood"?',
      'configuration: rules.summary-max-length[1].maximum: unknown key; did you mean "max"? (allowed keys: max, soft)',
    ]);
  });

  it("names a preset's option that an option left unset with null still clashes with", () => {
    const error = problemsOf(() => resolveConfig({ extends: "strict", rules: { "summary-max-length": ["error", { max: 40, soft: null }] } }));
    expect(error.details[0]).toMatch(/; soft 50 comes from the preset this file extends$/);
  });

  it("falls back to recommended when no config exists up to the root", async () => {
    const config = await loadConfig({ cwd: tempDir() });
    expect(config.source).toBeUndefined();
    expect(config.threshold).toBe(60);
  });

  it("reports bad JSON with file, line and column", async () => {
    const root = tempDir();
    const file = join(root, "rationale.config.json");
    writeFileSync(file, '{\n  "threshold": 70,\n  "rules": { "summary-mood": "off", }\n}\n');
    const error = await rejection(loadConfig({ cwd: root }));
    expect(error.message).toMatch(new RegExp(`^${escape(file)}:3:37: invalid JSON: `));
  });

  it("names a comment or a trailing comma in JSON as such, with the fix", async () => {
    const root = tempDir();
    const file = join(root, "rationale.config.json");
    writeFileSync(file, '{\n  // mood is noise here\n  "rules": { "summary-mood": "off" }\n}\n');
    expect((await rejection(loadConfig({ cwd: root }))).message).toBe(
      `${file}:2:3: invalid JSON: JSON has no comments; remove the comment, or write the config as .rationalerc.yaml, where # starts a comment`,
    );
    writeFileSync(file, '{\n  "threshold": 70,\n  "rules": { "summary-mood": "off", }\n}\n');
    expect((await rejection(loadConfig({ cwd: root }))).message).toBe(`${file}:3:37: invalid JSON: trailing comma before "}"; JSON allows none, so remove it`);
    writeFileSync(file, '{ "extends": ["strict",] }');
    expect((await rejection(loadConfig({ cwd: root }))).message).toBe(`${file}:1:24: invalid JSON: trailing comma before "]"; JSON allows none, so remove it`);
  });

  it("refuses a key given twice in one JSON object, naming where, as YAML does", async () => {
    const root = tempDir();
    const file = join(root, "rationale.config.json");
    writeFileSync(file, '{\n  "rules": {\n    "summary-mood": "off",\n    "body-required": "warn",\n    "summary-mood": "error"\n  }\n}\n');
    expect((await rejection(loadConfig({ cwd: root }))).message).toBe(
      `${file}:5:5: key "summary-mood" is given twice in rules; JSON would keep only the last, so give it once`,
    );
    // The same key in two objects, in an array or in a string value is fine.
    writeFileSync(file, '{ "rules": { "body-required": ["error", { "minWords": 4 }], "summary-max-length": ["error", { "max": 70 }] }, "projectKeys": ["A\\"B", "AB"] }\n');
    expect((await rejection(loadConfig({ cwd: root }))).details).toEqual([`${file}: projectKeys[0]: got "A\\"B" (string); expected an upper-case key such as "ABC" (letters, digits, _)`]);
    writeFileSync(file, '{ "rules": { "body-required": ["error", { "minWords": 4 }], "summary-max-length": ["error", { "max": 70 }] }, "extends": ["strict"] }\n');
    expect((await loadConfig({ cwd: root })).rules["summary-max-length"].options.max).toBe(70);
  });

  it("says a UTF-16 config file is not UTF-8, instead of a syntax error it does not have", async () => {
    const root = tempDir();
    const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const json = join(root, ".rationalerc.json");
    writeFileSync(json, utf16('{ "threshold": 70 }\r\n'));
    const expected = (file: string) =>
      `${file}: not UTF-8 text: it has NUL bytes, as a UTF-16 file does (Windows PowerShell 5 writes one with > or Out-File); save it as UTF-8`;
    expect((await rejection(loadConfig({ cwd: root }))).message).toBe(expected(json));
    rmSync(json);
    const yaml = join(root, ".rationalerc.yaml");
    writeFileSync(yaml, utf16("threshold: 70\r\n"));
    expect((await rejection(loadConfig({ cwd: root }))).message).toBe(expected(yaml));
    writeFileSync(yaml, "threshold: 70\r\n");
    expect((await loadConfig({ cwd: root })).threshold).toBe(70);
  });

  it("refuses a config file that is not valid UTF-8 at the first bad byte's line, instead of reading U+FFFD", async () => {
    const root = tempDir();
    const latin1 = (text: string) => Buffer.from(text, "latin1");
    const expected = (at: string) =>
      `${at}: not valid UTF-8: a byte here is no UTF-8 character (as an "é" saved as Latin-1 or Windows-1252 is not); ` +
      `save the file as UTF-8, or, if it is UTF-8 and means the replacement character U+FFFD itself, write that as "\\uFFFD"`;
    const yaml = join(root, ".rationalerc.yaml");
    writeFileSync(yaml, latin1("threshold: 70\nprojectKeys: [CAFÉ, THÉ]\n"));
    expect((await rejection(loadConfig({ cwd: root }))).message).toBe(expected(`${yaml}:2:18`));
    rmSync(yaml);
    const json = join(root, ".rationalerc.json");
    writeFileSync(json, latin1('{\n  "release": { "template": "chore: publier {packages} (É)" }\n}\n'));
    expect((await rejection(loadConfig({ cwd: root }))).message).toBe(expected(`${json}:2:56`));
    rmSync(json);
    const pkg = join(root, "package.json");
    writeFileSync(pkg, latin1('{ "name": "x", "rationale": { "projectKeys": ["CAFÉ"] } }\n'));
    expect((await rejection(loadConfig({ cwd: root }))).message).toBe(expected(`${pkg}:1:51`));
    // A Latin-1 byte elsewhere in a package.json is npm's business: the settings are read.
    writeFileSync(pkg, latin1('{ "name": "x", "author": "Ren\xe9", "rationale": { "threshold": 70 } }\n'));
    expect((await loadConfig({ cwd: root })).threshold).toBe(70);
    writeFileSync(pkg, latin1('{ "rationale": { "threshold": 70 }, "author": "Ren\xe9" }\n'));
    expect((await loadConfig({ cwd: root })).threshold).toBe(70);
    // UTF-8 passes, and so does U+FFFD written as an escape.
    writeFileSync(pkg, '{ "name": "café", "rationale": { "release": { "template": "chore: {packages} \\uFFFD é" } } }\n');
    expect((await loadConfig({ cwd: root })).release).toEqual({ template: "chore: {packages} \uFFFD é" });
  });

  it("says a YAML key has no space after its colon, where YAML reads it as text or fails", async () => {
    const root = tempDir();
    const file = join(root, ".rationalerc.yaml");
    const space = (text: string, fixed: string) => `YAML reads "${text}" as text, not a key and value: put a space after the colon ("${fixed}")`;
    writeFileSync(file, "extends:strict\n");
    expect((await rejection(loadConfig({ cwd: root }))).details).toEqual([`${file}: (top level): got "extends:strict" (string); expected an object; ${space("extends:strict", "extends: strict")}`]);
    writeFileSync(file, "rules:\n  summary-mood:off\n");
    expect((await rejection(loadConfig({ cwd: root }))).details[0]).toMatch(new RegExp(`; ${escape(space("summary-mood:off", "summary-mood: off"))}$`));
    writeFileSync(file, "rules:\n  summary-max-length: [warn, max:60]\n");
    expect((await rejection(loadConfig({ cwd: root }))).details[0]).toMatch(new RegExp(`; ${escape(space("max:60", "max: 60"))}$`));
    writeFileSync(file, "rules:\n  summary-max-length: [warn, {max:60}]\n");
    expect((await rejection(loadConfig({ cwd: root }))).details[0]).toMatch(new RegExp(`max:60: unknown key; ${escape(space("max:60", "max: 60"))} \\(allowed`));
    // Followed by another line, it is a syntax error, at the line that lacks the space.
    writeFileSync(file, "extends: strict\nrules:\n  summary-mood:off\n  body-required: warn\n");
    expect((await rejection(loadConfig({ cwd: root }))).message).toBe(
      `${file}:3:3: invalid YAML: "summary-mood:off" has no space after the colon, so YAML reads it as text, not a key and value; write "summary-mood: off"`,
    );
    writeFileSync(file, "threshold: 70\nextends:strict\n");
    expect((await rejection(loadConfig({ cwd: root }))).message).toBe(
      `${file}:2:1: invalid YAML: "extends:strict" has no space after the colon, so YAML reads it as text, not a key and value; write "extends: strict"`,
    );
    // A colon in a value (a URL, a template) is no key.
    writeFileSync(file, "release:\n  template: release:{version}\n");
    expect((await loadConfig({ cwd: root })).release).toEqual({ template: "release:{version}" });
  });

  it("names a key given twice in YAML and the map it is in, as for JSON", async () => {
    const root = tempDir();
    const file = join(root, ".rationalerc.yaml");
    writeFileSync(file, "rules:\n  summary-mood: off\n  body-required: warn\n  summary-mood: error\n");
    expect((await rejection(loadConfig({ cwd: root }))).message).toBe(`${file}:4:3: invalid YAML: key "summary-mood" is given twice in rules; give it once`);
    writeFileSync(file, "rules:\n  summary-max-length:\n    - warn\n    - max: 60\n      max: 50\n");
    expect((await rejection(loadConfig({ cwd: root }))).message).toBe(`${file}:5:7: invalid YAML: key "max" is given twice in rules.summary-max-length.1; give it once`);
    writeFileSync(file, "threshold: 70\nthreshold: 80\n");
    expect((await rejection(loadConfig({ cwd: root }))).message).toBe(`${file}:2:1: invalid YAML: key "threshold" is given twice; give it once`);
  });

  it("in package.json, refuses duplicates under \"rationale\" only", async () => {
    const root = tempDir();
    const file = join(root, "package.json");
    writeFileSync(file, '{ "name": "a", "scripts": { "test": "x", "test": "y" }, "rationale": { "threshold": 50 } }\n');
    expect((await loadConfig({ cwd: root })).threshold).toBe(50);
    writeFileSync(file, '{ "name": "a", "rationale": { "threshold": 50, "threshold": 70 } }\n');
    expect((await rejection(loadConfig({ cwd: root }))).message).toBe(
      `${file}:1:48: key "threshold" is given twice in rationale; JSON would keep only the last, so give it once`,
    );
    writeFileSync(file, '{ "rationale": { "threshold": 50 }, "name": "a", "rationale": {} }\n');
    expect((await rejection(loadConfig({ cwd: root }))).message).toMatch(/:1:50: key "rationale" is given twice;/);
  });

  it("points at the offending token in one line even when Node's message gives no position", async () => {
    const root = tempDir();
    const file = join(root, ".rationalerc.json");
    writeFileSync(file, '{\n  "threshold": ,\n  "rules": {}\n}\n');
    const error = await rejection(loadConfig({ cwd: root }));
    expect(error.message).toBe(`${file}:2:16: invalid JSON: Unexpected token ','`);
  });

  it("names the field of a deeply nested JSON value, and where YAML gives up on one", async () => {
    const root = tempDir();
    const json = join(root, "rationale.config.json");
    writeFileSync(json, `{ "rules": { "summary-max-length": ["error", { "max": ${"[".repeat(5000)}1${"]".repeat(5000)} }] } }`);
    expect((await rejection(loadConfig({ file: json }))).details).toEqual([`${json}: rules.summary-max-length[1].max: got ${"[".repeat(59)}… (array); expected an integer >= 1`]);
    const yaml = join(root, ".rationalerc.yaml");
    writeFileSync(yaml, `rules:\n  summary-max-length: [error, {max: ${"[".repeat(5000)}1${"]".repeat(5000)}}]\n`);
    expect((await rejection(loadConfig({ file: yaml }))).message).toMatch(
      new RegExp(`^${escape(yaml)}:2:\\d+: invalid YAML: a value here is nested too deeply \\(\\[ or \\{ hundreds of levels inside each other\\) for YAML to read;`),
    );
  });

  /** A fresh .rationalerc.yaml, the message loadConfig refuses a text written to it with, and the refusals' last words. */
  function yamlKeyRefusal() {
    const file = join(tempDir(), ".rationalerc.yaml");
    const refusal = async (text: string) => {
      writeFileSync(file, text);
      return (await rejection(loadConfig({ file }))).message;
    };
    return { file, refusal, must: "a config key must be a string, such as a rule id or an option's name" };
  }

  it("refuses a YAML key that is a list or a map, where a config key is a string", async () => {
    const { file, refusal, must } = yamlKeyRefusal();
    expect(await refusal("rules:\n  ? {summary-mood: off}\n  : error\n")).toBe(`${file}:2:5: this key is a map ({summary-mood: off}); ${must}`);
    expect(await refusal("rules:\n  summary-max-length: [error, {[max]: 60}]\n")).toBe(`${file}:2:32: this key is a list ([max]); ${must}`);
    expect(await refusal(`x: &k [${"a, ".repeat(30)}b]\n*k : 1\n`)).toBe(`${file}:2:1: this key is a list (*k); ${must}`);
    expect(await refusal(`? [${"a, ".repeat(30)}b]\n: 1\n`)).toBe(`${file}:1:3: this key is a list ([${"a, ".repeat(19)}a…); ${must}`);
  });

  it("refuses a YAML key that is a number, a boolean or null, where a config key is a string", async () => {
    const { file, refusal, must } = yamlKeyRefusal();
    expect(await refusal("threshold: 50\n1: x\n")).toBe(`${file}:2:1: this key is a number (1); ${must}`);
    expect(await refusal("rules:\n  true: error\n")).toBe(`${file}:2:3: this key is a boolean (true); ${must}`);
    // As written, not as YAML read it: 0x1F was reported as an unknown key "31".
    expect(await refusal("audit:\n  0x1F: a\n")).toBe(`${file}:2:3: this key is a number (0x1F); ${must}`);
    expect(await refusal("rules:\n  summary-max-length: [error, {False: 60}]\n")).toBe(`${file}:2:32: this key is a boolean (False); ${must}`);
    expect(await refusal("x: &k 12\n*k : 1\n")).toBe(`${file}:2:1: this key is a number (*k); ${must}`);
    expect(await refusal("~: a\n")).toBe(`${file}:1:1: this key is null (~); ${must}`);
    expect(await refusal("? \n: a\n")).toBe(`${file}:1:3: this key is empty; ${must}`);
    // A quoted or tagged key is a string, so only the config's own check names it.
    for (const key of ['"1"', "'true'", "!!str 1"]) {
      writeFileSync(file, `${key}: a\n`);
      expect((await rejection(loadConfig({ file }))).message, key).toMatch(/: (1|true): unknown key/);
    }
  });

  it("reports a YAML alias to a missing anchor as invalid YAML, not an internal error", async () => {
    const root = tempDir();
    const file = join(root, ".rationalerc.yaml");
    writeFileSync(file, "x: &a 1\ny: *b\n");
    const error = await rejection(loadConfig({ cwd: root }));
    expect(error.constructor.name).toBe("UsageError");
    // Where the alias is, like every other syntax error.
    expect(error.message).toMatch(new RegExp(`^${escape(file)}:2:4: invalid YAML: Unresolved alias`));
  });

  it("refuses an empty list where a rule needs at least one entry to pass anything", async () => {
    const root = tempDir();
    const file = join(root, "rationale.config.json");
    writeFileSync(file, JSON.stringify({ rules: { "conventional-format": ["error", { types: [] }], "references-required": ["error", { types: [] }] } }));
    expect((await rejection(loadConfig({ cwd: root }))).details).toEqual([
      `${file}: rules.conventional-format[1].types: got [] (array); expected a non-empty array of strings`,
      `${file}: rules.references-required[1].types: got [] (array); expected a non-empty array of strings`,
    ]);
    // An empty list of scopes still means any scope.
    writeFileSync(file, JSON.stringify({ rules: { "conventional-format": ["error", { types: ["fix"], scopes: [] }] } }));
    expect((await loadConfig({ cwd: root })).rules["conventional-format"].options).toMatchObject({ types: ["fix"], scopes: [] });
  });

  it("shows an infinite or not-a-number threshold as it is, not as null", async () => {
    const root = tempDir();
    const file = join(root, ".rationalerc.yaml");
    writeFileSync(file, "threshold: .inf\n");
    expect((await rejection(loadConfig({ cwd: root }))).details).toEqual([`${file}: threshold: got Infinity (number); expected an integer from 0 to 100`]);
    writeFileSync(file, "threshold: .nan\n");
    expect((await rejection(loadConfig({ cwd: root }))).details).toEqual([`${file}: threshold: got NaN (number); expected an integer from 0 to 100`]);
  });

  it("points at the second document of a YAML file with several, in the user's terms", async () => {
    const root = tempDir();
    const file = join(root, ".rationalerc.yaml");
    writeFileSync(file, "threshold: 70\n---\nthreshold: 80\n");
    const error = await rejection(loadConfig({ cwd: root }));
    expect(error.message).toBe(
      `${file}:2:1: invalid YAML: a second document starts here (---); a config file holds one, so merge them or remove the rest`,
    );
  });

  it("reports bad YAML with file, line and column", async () => {
    const root = tempDir();
    const file = join(root, ".rationalerc.yaml");
    writeFileSync(file, "threshold: 70\nrules:\n  summary-mood: [warn\n");
    const error = await rejection(loadConfig({ cwd: root }));
    expect(error.message).toMatch(new RegExp(`^${escape(file)}:\\d+:\\d+: invalid YAML: `));
    expect(error.message).not.toMatch(/:1:1:/);
  });

  it("names the file in validation problems", async () => {
    const root = tempDir();
    const file = join(root, ".rationalerc.json");
    writeFileSync(file, JSON.stringify({ rules: { "summary-vauge": "error" } }));
    const error = await rejection(loadConfig({ cwd: root }));
    expect(error.details).toEqual([`${file}: rules.summary-vauge: unknown rule; did you mean "summary-vague"?`]);
  });

  it("refuses a directory with a config file's name found by discovery, naming it", async () => {
    for (const name of ["rationale.config.json", ".rationalerc.json", ".rationalerc.yaml", ".rationalerc.yml"]) {
      const root = tempDir();
      mkdirSync(join(root, name));
      // A config file further down the list must not be used in its place.
      writeFileSync(join(root, "package.json"), JSON.stringify({ rationale: { threshold: 15 } }));
      const error = await rejection(loadConfig({ cwd: root }));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(`${join(root, name)} is a directory, not a config file; rename or remove it, or give the config file with --config`);
    }
  });

  it("refuses a config file that is a dangling symbolic link, found or given", async () => {
    const root = tempDir();
    symlinkSync(join(root, "shared/rationale.config.json"), join(root, "rationale.config.json"));
    writeFileSync(join(root, "package.json"), JSON.stringify({ rationale: { threshold: 15 } }));
    const found = await rejection(loadConfig({ cwd: root }));
    expect(found).toBeInstanceOf(UsageError);
    expect(found.message).toBe(`${join(root, "rationale.config.json")} is a symbolic link to a file that does not exist, not a config file; rename or remove it, or give the config file with --config`);
    const given = await rejection(loadConfig({ cwd: root, file: "rationale.config.json" }));
    expect(given.message).toBe(`config file is a symbolic link to a file that does not exist: ${join(root, "rationale.config.json")}`);
    // Once its target exists, it is read like any file.
    mkdirSync(join(root, "shared"));
    writeFileSync(join(root, "shared/rationale.config.json"), JSON.stringify({ threshold: 40 }));
    expect((await loadConfig({ cwd: root })).threshold).toBe(40);
  });

  it("skips a directory named package.json, npm's name rather than ours", async () => {
    const root = tempDir();
    mkdirSync(join(root, "package.json"));
    expect(await findConfig(root)).toBeNull();
  });

  it("loads an explicit --config file and refuses missing files, directories and JS config", async () => {
    const root = tempDir();
    writeFileSync(join(root, "custom.yml"), "threshold: 15\n");
    writeFileSync(join(root, "rationale.config.js"), "export default {}\n");
    expect((await loadConfig({ cwd: root, file: "custom.yml" })).threshold).toBe(15);
    expect((await rejection(loadConfig({ cwd: root, file: "nope.json" }))).message).toBe(`config file not found: ${join(root, "nope.json")}`);
    expect((await rejection(loadConfig({ cwd: root, file: "." }))).message).toMatch(/is a directory/);
    expect((await rejection(loadConfig({ cwd: root, file: "rationale.config.js" }))).message).toMatch(/reads JSON .* or package.json only/);
  });

  it("refuses a --config name no file can have, or one through a file, as a usage error", async () => {
    const root = tempDir();
    writeFileSync(join(root, "custom.yml"), "threshold: 15\n");
    // Longer than the file system takes: named cut, as given, not Node's error with the path twice.
    const long = "x".repeat(5000);
    const tooLong = await rejection(loadConfig({ cwd: root, file: long }));
    expect(tooLong).toBeInstanceOf(UsageError);
    expect(tooLong.message).toBe(`cannot read config file ${"x".repeat(47)}…: its name is too long for the file system`);
    expect((await rejection(loadConfig({ cwd: root, file: `${"y".repeat(300)}/c.json` }))).message).toBe(`cannot read config file ${"y".repeat(47)}…: its name is too long for the file system`);
    // A path through a file (ENOTDIR) names no file either.
    const through = await rejection(loadConfig({ cwd: root, file: "custom.yml/c.json" }));
    expect(through).toBeInstanceOf(UsageError);
    expect(through.message).toBe(`config file not found: ${join(root, "custom.yml/c.json")}`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
