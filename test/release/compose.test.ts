// composeReleaseMessage: summary, version lines, changelog rendering, escaping, trailers, lint score.
import { describe, expect, it } from "vitest";
import { composeReleaseMessage, composeSummary, DEFAULT_TEMPLATE, SummaryTooLongError } from "../../src/release/compose.js";
import { lint } from "../../src/lint.js";
import { UsageError } from "../../src/types.js";
import { python } from "./dialects.js";
import type { Root } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";

const conventional = `# Changelog

## [0.0.4](https://github.com/acme/hds/compare/v0.0.3...v0.0.4) (2024-03-18)


### Bug Fixes

* **parser:** accept empty input ([abc1234](https://github.com/acme/hds/commit/abc1234))
* **cli:** exit 2 on unknown flags, so scripts can tell a usage error from a lint failure ([def5678](https://github.com/acme/hds/commit/def5678))

## [0.0.3](https://github.com/acme/hds/compare/v0.0.2...v0.0.3) (2024-03-01)

* older
`;

function one(text: string, extra: Partial<Parameters<typeof composeReleaseMessage>[0]> = {}): string {
  return composeReleaseMessage({ packages: [{ name: "p", from: "0.9.0", to: "1.0.0", changelog: { file: "CHANGELOG.md", text } }], ...extra });
}

/** The body lines between the version line and the end, for rendering checks. */
function rendered(markdown: string): string {
  return one(`## 1.0.0\n\n${markdown}`).split("\n").slice(4).join("\n").trimEnd();
}

describe("composeReleaseMessage", () => {
  it("composes one package: summary, old -> new, the section as plain-text Markdown", () => {
    const message = composeReleaseMessage({
      packages: [{ name: "hds_test0", from: "0.0.3", to: "0.0.4", changelog: { file: "CHANGELOG.md", text: conventional } }],
    });
    expect(message).toBe(`chore(release): hds_test0 v0.0.4

hds_test0 0.0.3 -> 0.0.4 (2024-03-18)

Bug Fixes:

- **parser:** accept empty input
  ([abc1234](https://github.com/acme/hds/commit/abc1234))
- **cli:** exit 2 on unknown flags, so scripts can tell a usage error
  from a lint failure
  ([def5678](https://github.com/acme/hds/commit/def5678))
`);
  });

  it("says when a release lowers the version, but not for a pre-release becoming final", () => {
    const lowered = composeReleaseMessage({ packages: [{ name: "p", from: "2.0.0", to: "1.9.0", changelog: { file: "CHANGELOG.md", text: "## 1.9.0\n\n- Roll back\n" } }] });
    expect(lowered.split("\n")[2]).toBe("p 2.0.0 -> 1.9.0 (lower than before)");
    const final = composeReleaseMessage({ packages: [{ name: "p", from: "1.0.0-rc.1", to: "1.0.0", changelog: { file: "CHANGELOG.md", text: "## 1.0.0\n\n- Final\n" } }] });
    expect(final.split("\n")[2]).toBe("p 1.0.0-rc.1 -> 1.0.0");
    // Going back from a release to its own pre-release is a rollback too.
    const back = composeReleaseMessage({ packages: [{ name: "p", from: "1.0.0", to: "1.0.0-rc.1", changelog: { file: "CHANGELOG.md", text: "## 1.0.0-rc.1\n\n- Candidate\n" } }] });
    expect(back.split("\n")[2]).toBe("p 1.0.0 -> 1.0.0-rc.1 (lower than before)");
    // A package without a changelog gets its version line, marked by its manifest's scheme:
    // a post-release goes up, giving one up goes down.
    const lines = composeReleaseMessage({
      packages: [
        { name: "py", from: "1.0", to: "1.0.post1", versionScheme: "pep440" },
        { name: "back", from: "1.0.post1", to: "1.0", versionScheme: "pep440" },
        { name: "npm", from: "1.0.1", to: "1.0.1-0", versionScheme: "semver" },
      ],
    });
    expect(lines.split("\n").slice(2)).toEqual(["- py 1.0 -> 1.0.post1", "- back 1.0.post1 -> 1.0 (lower than before)", "- npm 1.0.1 -> 1.0.1-0 (lower than before)", ""]);
  });

  it("keeps a blockquote's lines as one quoted paragraph, without the markers of its inner lines", () => {
    expect(rendered("> first line of quote\n> second line of quote\n")).toBe("> first line of quote second line of quote");
  });

  it("composes several packages: a list summary, a line each, a titled section each", () => {
    const message = composeReleaseMessage({
      packages: [
        { name: "foo", from: "1.1.0", to: "1.2.0", changelog: { file: "packages/foo/CHANGELOG.md", text: "## 1.2.0\n\n### Minor Changes\n\n- abc1234: Add the size prop\n" } },
        { name: "bar", from: "0.3.0", to: "0.3.1", changelog: { file: "packages/bar/CHANGELOG.md", text: "## [0.3.1] - 2024-03-18\n\n### Fixed\n\n- Focus ring\n" } },
        { name: "baz", from: null, to: "0.1.0" },
      ],
    });
    expect(message).toBe(`chore(release): foo v1.2.0, bar v0.3.1, baz v0.1.0

- foo 1.1.0 -> 1.2.0
- bar 0.3.0 -> 0.3.1
- baz 0.1.0 (first release)

foo 1.2.0:

Minor Changes:

- abc1234: Add the size prop

bar 0.3.1 (2024-03-18):

Fixed:

- Focus ring
`);
  });

  it("shows one section once for packages that share a changelog and version (a cargo workspace)", () => {
    const changelog = { file: "CHANGELOG.md", text: "## [2.0.0] - 2024-03-18\n\n- Shared notes\n" };
    const message = composeReleaseMessage({
      packages: [
        { name: "core", from: "1.0.0", to: "2.0.0", changelog },
        { name: "cli", from: "1.0.0", to: "2.0.0", changelog },
      ],
    });
    expect(message.match(/Shared notes/g)).toHaveLength(1);
    expect(message).toContain("\ncore, cli 2.0.0 (2024-03-18):\n\n- Shared notes\n");
  });

  it("keeps an empty section's date on its package's list line, where no heading carries it", () => {
    const message = composeReleaseMessage({
      packages: [
        { name: "foo", from: "1.1.0", to: "1.2.0", changelog: { file: "packages/foo/CHANGELOG.md", text: "## [1.2.0] - 2024-03-18\n\n### Added\n\n- Size prop\n" } },
        { name: "bar", from: "0.3.0", to: "0.3.1", changelog: { file: "packages/bar/CHANGELOG.md", text: "## [0.3.1] - 2024-03-17\n\n## [0.3.0] - 2024-01-02\n\n- Old\n" } },
        { name: "qux", from: "2.0.0", to: "2.0.1", changelog: { file: "packages/qux/CHANGELOG.md", text: "## 2.0.1\n" } },
      ],
    });
    expect(message).toBe(`chore(release): foo v1.2.0, bar v0.3.1, qux v2.0.1

- foo 1.1.0 -> 1.2.0
- bar 0.3.0 -> 0.3.1 (2024-03-17)
- qux 2.0.0 -> 2.0.1

foo 1.2.0 (2024-03-18):

Added:

- Size prop
`);
    // Packages sharing one empty section each keep its date.
    const shared = { file: "CHANGELOG.md", text: "## [2.0.0] - 2024-03-18\n" };
    const both = composeReleaseMessage({
      packages: [
        { name: "core", from: "1.0.0", to: "2.0.0", changelog: shared },
        { name: "cli", from: null, to: "2.0.0", changelog: shared },
      ],
    });
    expect(both).toBe("chore(release): core v2.0.0, cli v2.0.0\n\n- core 1.0.0 -> 2.0.0 (2024-03-18)\n- cli 2.0.0 (2024-03-18) (first release)\n");
  });

  it("keeps the section's date on one package's version line, as several packages' headings do", () => {
    expect(one("## [1.0.0] - 2024-03-18\n\n- Fix\n").split("\n")[2]).toBe("p 0.9.0 -> 1.0.0 (2024-03-18)");
    expect(one("## 1.0.0\n\n- Fix\n").split("\n")[2]).toBe("p 0.9.0 -> 1.0.0");
    const first = composeReleaseMessage({ packages: [{ name: "p", from: null, to: "0.1.0", changelog: { file: "CHANGELOG.md", text: "## 0.1.0 (2024-03-18)\n\n- Start\n" } }] });
    expect(first.split("\n")[2]).toBe("p 0.1.0 (2024-03-18) (first release)");
  });

  describe("a release that passes over versions", () => {
    const changelog = `# Changelog

## [1.2.0] - 2024-05-02

- Stream large exports instead of buffering them

## [1.1.1] - 2024-04-20

## [1.1.0] - 2024-04-11

- Retry uploads that time out

## [1.0.0] - 2024-03-01

- First stable release
`;
    const compose = (from: string | null, to: string, text = changelog) =>
      composeReleaseMessage({ packages: [{ name: "p", from, to, changelog: { file: "CHANGELOG.md", text } }] });

    it("lists each release between the two versions under its own heading, newest first", () => {
      // 1.1.1 is empty, so it prints nothing; 1.0.0 is where the package was and is not repeated.
      expect(compose("1.0.0", "1.2.0")).toBe(`chore(release): p v1.2.0

p 1.0.0 -> 1.2.0

p 1.2.0 (2024-05-02):

- Stream large exports instead of buffering them

p 1.1.0 (2024-04-11):

- Retry uploads that time out
`);
    });

    it("keeps one section and its date on the version line when only empty releases were passed over", () => {
      expect(compose("1.1.0", "1.2.0")).toBe("chore(release): p v1.2.0\n\np 1.1.0 -> 1.2.0 (2024-05-02)\n\n- Stream large exports instead of buffering them\n");
    });

    it("heads a passed-over release's section when the released one is empty", () => {
      // Without its line, 1.1.0's entry would read as 1.2.0's, under 1.2.0's date.
      const emptyNewest = "## [1.2.0] - 2024-05-02\n\n## [1.1.0] - 2024-04-11\n\n- Retry uploads that time out\n";
      expect(compose("1.0.0", "1.2.0", emptyNewest)).toBe(
        "chore(release): p v1.2.0\n\np 1.0.0 -> 1.2.0 (2024-05-02)\n\np 1.1.0 (2024-04-11):\n\n- Retry uploads that time out\n",
      );
    });

    it("describes a first release, a rollback and a pre-release made final by their own section", () => {
      for (const [from, to] of [[null, "1.2.0"], ["1.2.0", "1.1.0"]] as const) {
        expect(compose(from, to)).not.toMatch(/^p \d.*:$/m);
      }
      const rc = "## 2.0.0\n\n- Final\n\n## 2.0.0-rc.2\n\n- Second candidate\n\n## 2.0.0-rc.1\n\n- First candidate\n";
      expect(compose("2.0.0-rc.1", "2.0.0", rc)).toBe("chore(release): p v2.0.0\n\np 2.0.0-rc.1 -> 2.0.0\n\np 2.0.0:\n\n- Final\n\np 2.0.0-rc.2:\n\n- Second candidate\n");
      expect(compose("2.0.0-rc.2", "2.0.0", rc)).toBe("chore(release): p v2.0.0\n\np 2.0.0-rc.2 -> 2.0.0\n\n- Final\n");
    });

    it("marks a passed-over release its changelog marks yanked on its heading", () => {
      const yanked = changelog.replace("## [1.1.0] - 2024-04-11", "## [1.1.0] - 2024-04-11 [YANKED]");
      expect(compose("1.0.0", "1.2.0", yanked)).toContain("\np 1.1.0 (2024-04-11) (marked yanked in its changelog):\n");
      expect(compose("1.0.0", "1.2.0", yanked).split("\n")[2]).toBe("p 1.0.0 -> 1.2.0");
    });

    it("passes over PEP 440 post-releases and release candidates in a Python project's changelog", () => {
      const pythonCompose = (from: string, to: string) =>
        composeReleaseMessage({ packages: [{ name: "mylib", from, to, changelog: { file: "CHANGELOG.md", text: python } }] });
      expect(pythonCompose("1.9.0", "2.0.0")).toBe(`chore(release): mylib v2.0.0

mylib 1.9.0 -> 2.0.0

mylib 2.0.0 (2024-06-01):

- Drop Python 3.8

mylib 2.0.0rc2 (2024-05-20):

- Second candidate: fix the wheel tags

mylib v2.0.0.rc1 (2024-05-10):

- First candidate

mylib 1.9.0.post1 (2024-05-01):

- Rebuilt wheels for Python 3.12, no code change
`);
      // From a candidate (pyproject.toml spells it 2.0.0rc1, the heading v2.0.0.rc1): only what came after it.
      expect(pythonCompose("2.0.0rc1", "2.0.0")).toBe(
        "chore(release): mylib v2.0.0\n\nmylib 2.0.0rc1 -> 2.0.0\n\nmylib 2.0.0 (2024-06-01):\n\n- Drop Python 3.8\n\nmylib 2.0.0rc2 (2024-05-20):\n\n- Second candidate: fix the wheel tags\n",
      );
      expect(pythonCompose("1.9.0", "1.9.0.post1")).toBe(
        "chore(release): mylib v1.9.0.post1\n\nmylib 1.9.0 -> 1.9.0.post1 (2024-05-01)\n\n- Rebuilt wheels for Python 3.12, no code change\n",
      );
      expect(pythonCompose("1!0.1", "1.9.0").split("\n")[2]).toBe("mylib 1!0.1 -> 1.9.0 (2024-04-01) (lower than before)");
    });

    it("orders a changelog's versions under one scheme: the manifest's, else the one its headings use", () => {
      // `1.0.0-1` is a pre-release of 1.0.0 to npm and `1.0.0.post1` to PEP 440; compared pair by
      // pair it was both below 1.0.0 and the same as 1.0.0.post1.
      const text = "## 1.0.1\n\n- Patch\n\n## 1.0.0-1\n\n- Hyphenated\n\n## 1.0.0\n\n- Final\n";
      const sections = (versionScheme?: "semver" | "pep440", changelog = text) =>
        composeReleaseMessage({ packages: [{ name: "p", from: "1.0.0", to: "1.0.1", changelog: { file: "CHANGELOG.md", text: changelog }, ...(versionScheme ? { versionScheme } : {}) }] })
          .split("\n")
          .filter((line) => /^p \d.*:$/.test(line));
      expect(sections("semver")).toEqual([]);
      expect(sections()).toEqual([]);
      expect(sections("pep440")).toEqual(["p 1.0.1:", "p 1.0.0-1:"]);
      // A heading written the Python way tells a changelog's scheme when no manifest does.
      const python = text.replace("## 1.0.0\n", "## 1.0.0.post0\n\n- Post\n\n## 1.0.0\n");
      expect(sections(undefined, python)).toEqual(["p 1.0.1:", "p 1.0.0-1:", "p 1.0.0.post0:"]);
      expect(sections("semver", python)).toEqual([]);
    });

    it("takes the versions in between from anywhere below, leaving out the rest", () => {
      // A backport listed under the newer line (1.1.5 after 2.0.0) is not between 1.9.0 and
      // 2.1.0; 2.0.0 below it is.
      const backport = "## 2.1.0\n\n- New\n\n## 1.1.5\n\n- Backport\n\n## 2.0.0\n\n- Older\n";
      expect(compose("1.9.0", "2.1.0", backport)).toBe("chore(release): p v2.1.0\n\np 1.9.0 -> 2.1.0\n\np 2.1.0:\n\n- New\n\np 2.0.0:\n\n- Older\n");
    });
  });

  it("marks a release whose changelog section is yanked", () => {
    const message = one("## [1.0.0] - 2024-03-18 [YANKED]\n\n- Broken build\n");
    expect(message.split("\n")[2]).toBe("p 0.9.0 -> 1.0.0 (2024-03-18) (marked yanked in its changelog)");
  });

  it("finds pre-release and v-prefixed sections and shows the version once prefixed", () => {
    const message = composeReleaseMessage({
      packages: [{ name: "ui", from: "2.0.0-rc.0", to: "2.0.0-rc.1", changelog: { file: "CHANGELOG.md", text: "## v2.0.0-rc.1\n\n- Fix the rc\n" } }],
    });
    expect(message).toBe("chore(release): ui v2.0.0-rc.1\n\nui 2.0.0-rc.0 -> 2.0.0-rc.1\n\n- Fix the rc\n");
  });

  it("names the field a JavaScript caller got wrong instead of failing deep inside", () => {
    const compose = (input: unknown) => () => composeReleaseMessage(input as never);
    const pkg = { name: "a", from: "1.0.0", to: "2.0.0" };
    // Was "version.trim is not a function".
    expect(compose({ packages: [{ name: "a", from: 1, to: 2 }] })).toThrow(
      new TypeError('composeReleaseMessage() input.packages[0].from must be a version string such as "1.2.0", or null for a first release, not the number 1'),
    );
    expect(compose({ packages: [{ ...pkg, to: 2 }] })).toThrow(new TypeError('composeReleaseMessage() input.packages[0].to must be a version string such as "1.3.0", not the number 2'));
    expect(compose({ packages: [pkg, { to: "1.0.0" }] })).toThrow(new TypeError("composeReleaseMessage() input.packages[1].name must be the package name, as a string, not undefined"));
    // Was "template.matchAll is not a function".
    expect(compose({ packages: [pkg], template: 42 })).toThrow(new TypeError("composeReleaseMessage() input.template must be a string, not the number 42"));
    expect(compose({ packages: [pkg], trailers: "Refs: REL-12" })).toThrow(
      new TypeError('composeReleaseMessage() input.trailers must be an array of strings such as ["Refs: REL-12"], not the string "Refs: REL-12"'),
    );
    expect(compose({ packages: [{ ...pkg, changelog: "## 2.0.0\n" }] })).toThrow(new TypeError('composeReleaseMessage() input.packages[0].changelog must be { file, text } with both strings, not the string "## 2.0.0\\n"'));
    expect(compose({ packages: [pkg], width: "72" })).toThrow(new TypeError('composeReleaseMessage() input.width must be a positive whole number of columns, not the string "72"'));
    expect(compose({ packages: [{ ...pkg, from: null }], trailers: ["Refs: REL-12"], width: 60 })()).toContain("a v2.0.0");
  });

  it("throws a UsageError naming the changelog when the version has no section", () => {
    expect(() => one("## [Unreleased]\n\n- not yet\n")).toThrow(UsageError);
    expect(() => one("## [Unreleased]\n\n- not yet\n")).toThrow(
      "CHANGELOG.md has no section for version 1.0.0; it has only an Unreleased section; move its entries under a heading for the new version, e.g. `## [1.0.0] - YYYY-MM-DD`",
    );
    expect(() => composeReleaseMessage({ packages: [] })).toThrow("nothing to release");
  });

  it("refuses an empty section for the new version while Unreleased still has entries", () => {
    const text = "# Changelog\n\n## [Unreleased]\n\n- Retry uploads that time out\n\n## [1.0.0] - 2024-03-18\n\n## [0.9.0] - 2024-02-01\n\n- First\n";
    expect(() => one(text)).toThrow(
      "CHANGELOG.md: the section for 1.0.0 (line 7) is empty while Unreleased (line 3) still has entries; move them under the new version's heading, or empty Unreleased if this release has nothing to list",
    );
    // With nothing left under Unreleased, an empty section is a release with nothing to list:
    // empty group headings and a template's comment are no entries.
    expect(one("# Changelog\n\n## [Unreleased]\n\n### Added\n\n### Fixed\n\n<!-- add entries here -->\n\n## [1.0.0] - 2024-03-18\n")).toBe("chore(release): p v1.0.0\n\np 0.9.0 -> 1.0.0 (2024-03-18)\n");
    expect(one("# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2024-03-18\n")).toBe("chore(release): p v1.0.0\n\np 0.9.0 -> 1.0.0 (2024-03-18)\n");
  });

  it("renders a changelog saved with a byte-order mark exactly as one without", () => {
    const text = "# Changelog\n\n## 1.2.0\n\n- **bold** retry for [uploads](https://example.com/u) that time out\n";
    const input = (changelog: string) => ({ packages: [{ name: "widgets", from: "1.1.0", to: "1.2.0", changelog: { file: "CHANGELOG.md", text: changelog } }] });
    const plain = composeReleaseMessage(input(text));
    expect(plain).toContain("retry for");
    expect(composeReleaseMessage(input(`\ufeff${text}`))).toBe(plain);
  });

  it("refuses a released section that is not UTF-8 rather than committing replacement characters", () => {
    // A Latin-1 file, decoded as git and the GitHub API hand it over: "café" loses its "é".
    const latin1 = Buffer.from("# Changelog\n\n## 1.0.0\n\n- Fix the caf\xe9 menu\n\n## 0.9.0\n\n- Old\n", "latin1").toString("utf8");
    expect(() => one(latin1)).toThrow(UsageError);
    expect(() => one(latin1)).toThrow('CHANGELOG.md is not valid UTF-8 at line 5 (it would reach the commit as "\ufffd"); save the changelog as UTF-8, or, if the file is UTF-8');
    // Only the released section counts: an older section's stray bytes do not stop the release.
    const older = Buffer.from("# Changelog\n\n## 1.0.0\n\n- Fix the menu\n\n## 0.9.0\n\n- Caf\xe9\n", "latin1").toString("utf8");
    expect(one(older)).toContain("- Fix the menu");
  });
});

describe("summary", () => {
  const pkg = (name: string, to: string) => ({ name, from: "0.0.1", to });

  it("falls back to a count when the list would pass 72 characters", () => {
    const packages = ["alpha-widgets", "beta-widgets", "gamma-widgets", "delta-widgets"].map((name) => pkg(name, "10.20.30"));
    expect(composeSummary(packages, "chore(release): {packages}")).toBe("chore(release): 4 packages");
    expect(composeSummary(packages.slice(0, 2), "chore(release): {packages}")).toBe("chore(release): alpha-widgets v10.20.30, beta-widgets v10.20.30");
  });

  it("fills a custom template and keeps one long name within 72 by dropping it", () => {
    expect(composeSummary([pkg("foo", "1.2.0")], "release: {name} {version}")).toBe("release: foo v1.2.0");
    expect(composeSummary([pkg("a".repeat(70), "1.2.0")], "chore(release): {packages}")).toBe("chore(release): v1.2.0");
    expect(composeSummary([pkg("x", "1.0.0"), pkg("y", "1.0.0")], "Release {count} crates at {version}")).toBe("Release 2 crates at v1.0.0");
  });

  it("rejects unknown placeholders and templates that cannot fit", () => {
    expect(() => composeSummary([pkg("foo", "1.0.0")], "chore: {pkg}")).toThrow('release template "chore: {pkg}" has unknown placeholder {pkg}');
    expect(() => composeSummary([pkg("foo", "1.0.0")], "x".repeat(80))).toThrow(UsageError);
    // A long template is quoted cut, not whole.
    expect(() => composeSummary([pkg("foo", "1.0.0")], `${"y".repeat(5000)} {pkg}`)).toThrow(`release template "${"y".repeat(59)}…" has unknown placeholder {pkg}`);
  });

  it("says a summary too long from the default template is the default's, in no command's options, and leaves the wording to the caller", () => {
    const version = `1.0.0-${"a".repeat(60)}`;
    const summary = `chore(release): v${version}`;
    const caught = (template?: string): SummaryTooLongError => {
      try {
        composeReleaseMessage({ packages: [pkg("foo", version)], ...(template === undefined ? {} : { template }) });
      } catch (error) {
        if (error instanceof SummaryTooLongError) return error;
        throw error;
      }
      throw new Error("no SummaryTooLongError");
    };
    const unset = caught();
    expect(unset.defaultTemplate).toBe(true);
    expect(unset.template).toBe(DEFAULT_TEMPLATE);
    expect(unset.message).toBe(`release summary "${summary}" is ${summary.length} characters even in its shortest form, from the default template; give a shorter template to fit 72`);
    expect(unset.message).not.toMatch(/--template|config/);
    expect(unset.unset("the action's release.template").message).toBe(
      `release summary "${summary}" is ${summary.length} characters even in its shortest form; set a shorter template with the action's release.template`,
    );
    // Called bare from JavaScript, it names composeReleaseMessage()'s own input, never "undefined".
    const bare = `release summary "${summary}" is ${summary.length} characters even in its shortest form; set a shorter template with composeReleaseMessage()'s input.template`;
    expect(unset.unset().message).toBe(bare);
    expect(unset.unset(" ").message).toBe(bare);
    expect(() => unset.unset(42 as unknown as string)).toThrow(new TypeError(`SummaryTooLongError.unset() takes where a template is set, in the caller's words (a string such as "--template"), not the number 42`));
    expect(unset.inConfig(".rationalerc.yaml").message).toMatch(/^\.rationalerc\.yaml: release\.template makes the release summary/);
    expect(() => (unset.inConfig as (source?: string) => unknown)()).toThrow(new TypeError("SummaryTooLongError.inConfig() takes the config file the template came from, as a string, not undefined"));
    const own = caught("Release {version}");
    expect(own.defaultTemplate).toBe(false);
    expect(own.message).toBe(`release summary "Release v${version}" is ${`Release v${version}`.length} characters; shorten the template "Release {version}" to fit 72`);
  });
});

describe("rendering the changelog section", () => {
  it("wraps prose at 72 columns but never breaks links or code spans", () => {
    const body = rendered(
      "The parser now accepts `code spans that contain several words` and [a link with text](https://example.com/a/very/long/path/that/goes/on/and/on) inside long paragraphs that need wrapping.\n",
    );
    expect(body).toBe(
      [
        "The parser now accepts `code spans that contain several words` and [a",
        "link with",
        "text](https://example.com/a/very/long/path/that/goes/on/and/on) inside",
        "long paragraphs that need wrapping.",
      ].join("\n"),
    );
    for (const line of body.split("\n")) if (!/\]\(|`/.test(line)) expect(line.length).toBeLessThanOrEqual(72);
  });

  it("keeps nested lists, tight and loose, with - markers and ordered numbers", () => {
    expect(rendered("* top\n  1. first\n  2. second\n\n     more about second\n* next\n")).toBe(
      ["- top", "  1. first", "  2. second", "", "     more about second", "- next"].join("\n"),
    );
  });

  it("keeps reference-style links and lists their definitions after the section", () => {
    const message = one("## [1.0.0] - 2024-03-18\n\n- Fix the crash ([#41])\n- See [the docs][docs]\n\n[1.0.0]: https://x/compare\n[#41]: https://github.com/o/r/issues/41\n[docs]: https://example.com/docs \"Docs\"\n");
    expect(message.endsWith("- Fix the crash ([#41])\n- See [the docs][docs]\n\n[#41]: https://github.com/o/r/issues/41\n[docs]: https://example.com/docs \"Docs\"\n")).toBe(true);
  });

  it("drops HTML: details/summary tags, comments, git-cliff's ordering comments", () => {
    expect(rendered("### <!-- 0 -->Features\n\n- New thing\n\n<details>\n<summary>Internal</summary>\n\n- hidden detail\n\n</details>\n\n<!-- a comment -->\n")).toBe(
      ["Features:", "", "- New thing", "", "Internal", "", "- hidden detail"].join("\n"),
    );
  });

  it("keeps fenced code, and indents code whose lines would be git comments", () => {
    expect(rendered("```sh\nnpm i\n```\n")).toBe("```sh\nnpm i\n```");
    expect(rendered("```sh\n# install\nnpm i\n```\n")).toBe("    # install\n    npm i");
  });

  it("indents such code past a list item's text when it follows a list, so it stays code", () => {
    const reparse = (text: string) => unified().use(remarkParse).parse(text) as Root;
    const cases: [string, string][] = [
      ["- Add the installer\n\n```sh\n# install\nnpm i\n```\n", "- Add the installer\n\n      # install\n      npm i"],
      ["9. one\n10. two\n\n```sh\n# install\n```\n", "9. one\n10. two\n\n        # install"],
      // The last item ends in a nested list: past the nested item's text too.
      ["- a\n  - nested\n\n```sh\n# install\n```\n", "- a\n  - nested\n\n        # install"],
      // Two such blocks in a row: the second stays in the item as well.
      ["- a\n\n```sh\n# install\n```\n\n```sh\n# configure\n```\n", "- a\n\n      # install\n\n      # configure"],
      // A fence whose first line is blank.
      ["- a\n\n```sh\n\n# install\n```\n", "- a\n\n      # install"],
    ];
    for (const [markdown, expected] of cases) {
      const text = rendered(markdown);
      expect(text).toBe(expected);
      const kinds: string[] = [];
      const walk = (node: { type: string; children?: unknown[] }): void => {
        kinds.push(node.type);
        for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
      };
      walk(reparse(text));
      expect(kinds).toContain("code");
      expect(kinds).not.toContain("heading");
    }
    // Without the list before it, the usual four spaces.
    expect(rendered("Intro.\n\n```sh\n# install\n```\n")).toBe("Intro.\n\n    # install");
  });

  it("keeps a blockquote, a hard break and a pipe table", () => {
    expect(rendered("> quoted text that is long enough to wrap past the seventy-two column limit for sure\n")).toBe(
      "> quoted text that is long enough to wrap past the seventy-two column\n> limit for sure",
    );
    expect(rendered("one\\\ntwo\n")).toBe("one\\\ntwo");
    expect(rendered("| a | b |\n|---|---|\n| 1 | 2 |\n")).toBe("| a | b |\n|---|---|\n| 1 | 2 |");
  });
});

describe("escaping lines commit parsers would misread", () => {
  it("escapes a line that starts like a Conventional Commits header or a trailer", () => {
    expect(rendered("feat: sounds like a header\n")).toBe("feat\\: sounds like a header");
    expect(rendered("fix(cli)!: also a header\n")).toBe("fix(cli)!\\: also a header");
    expect(rendered("Reviewed-by: not a trailer here\n")).toBe("Reviewed-by\\: not a trailer here");
  });

  it("escapes BREAKING CHANGE: at the start of a line, bold or not", () => {
    expect(rendered("BREAKING CHANGE: not this release's own\n")).toBe("BREAKING CHANGE\\: not this release's own");
    expect(rendered("**BREAKING-CHANGE:** bold\n")).toBe("**BREAKING-CHANGE\\:** bold");
    // `*` list items would be read by conventional-commits-parser's /^[\s|*]*BREAKING CHANGE/; `-` is not.
    expect(rendered("* BREAKING CHANGE: in a list\n")).toBe("- BREAKING CHANGE: in a list");
  });

  it("escapes the comment character at the start of a line, honouring core.commentChar", () => {
    expect(rendered("#123 closed\n")).toBe("\\#123 closed");
    expect(one("## 1.0.0\n\n;semicolon start\n", { commentChar: ";" })).toContain("\n\\;semicolon start\n");
  });

  it("breaks a line a word earlier rather than start it with a header, BREAKING CHANGE or a list marker", () => {
    const words = Array.from({ length: 14 }, () => "word").join(" ");
    expect(rendered(`${words} fix: the thing\n`)).toBe(`${words.slice(0, -5)}\nword fix: the thing`);
    // 14 words and "ab" fill 72 columns exactly, so the marker would start the next line.
    expect(rendered(`${words} ab - dash\n`)).toBe(`${words}\nab - dash`);
    expect(rendered(`${words} ab 1. item\n`)).toBe(`${words}\nab 1. item`);
    expect(rendered(`${words} ab # heading-like\n`)).toBe(`${words}\nab # heading-like`);
    const inList = Array.from({ length: 13 }, () => "word").join(" ");
    expect(rendered(`- ${inList} BREAKING CHANGE: x\n`)).toBe(`- ${inList.slice(0, -5)}\n  word BREAKING CHANGE: x`);
  });

  it("leaves headers and trailer-like text inside list items alone", () => {
    expect(rendered("- feat: a changesets entry\n- Reviewed-by: someone\n")).toBe("- feat: a changesets entry\n- Reviewed-by: someone");
  });
});

describe("trailers", () => {
  it("keeps the existing message's trailers and the given ones last, without repeats", () => {
    const message = one("## 1.0.0\n\n- change\n", {
      existingMessage: "\nSigned-off-by: Ada <ada@example.com>\n# Please enter the commit message for your changes.\n",
      trailers: ["Refs=ABC-12", "signed-off-by: Ada <ada@example.com>"],
    });
    expect(message).toBe("chore(release): p v1.0.0\n\np 0.9.0 -> 1.0.0\n\n- change\n\nSigned-off-by: Ada <ada@example.com>\nRefs: ABC-12\n");
  });

  it("does not take prose in the existing message for trailers", () => {
    const message = one("## 1.0.0\n\n- change\n", { existingMessage: "Some template text\n\nWhy: fill this in\nand this line is prose\n" });
    expect(message).toBe("chore(release): p v1.0.0\n\np 0.9.0 -> 1.0.0\n\n- change\n");
  });

  it("rejects a malformed trailer", () => {
    expect(() => one("## 1.0.0\n\n- change\n", { trailers: ["not a trailer"] })).toThrow('--trailer "not a trailer" is not a trailer');
    // A value pasted by mistake is echoed as its first characters, not as a line of its length.
    expect(() => one("## 1.0.0\n\n- change\n", { trailers: ["x".repeat(10_000)] })).toThrow(`--trailer "${"x".repeat(59)}…" is not a trailer;`);
  });
});

describe("lint", () => {
  it("passes the recommended preset for a single-package and a multi-package release", () => {
    const single = composeReleaseMessage({
      packages: [{ name: "hds_test0", from: "0.0.3", to: "0.0.4", changelog: { file: "CHANGELOG.md", text: conventional } }],
      trailers: ["Signed-off-by: Ada <ada@example.com>"],
    });
    const result = lint(single);
    expect(result.kind).toBe("release");
    expect(result.findings.filter((finding) => finding.severity === "error")).toEqual([]);
    expect(result.pass).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(80);

    const multi = composeReleaseMessage({
      packages: [
        { name: "foo", from: "1.1.0", to: "1.2.0", changelog: { file: "a/CHANGELOG.md", text: "## 1.2.0\n\n### Minor Changes\n\n- abc1234: Add the size prop so cards can be compact\n" } },
        { name: "bar", from: "0.3.0", to: "0.3.1", changelog: { file: "b/CHANGELOG.md", text: "## 0.3.1\n\n### Patch Changes\n\n- Fix the focus ring\n" } },
      ],
    });
    const multiResult = lint(multi);
    expect(multiResult.pass).toBe(true);
    expect(multiResult.score).toBeGreaterThanOrEqual(80);
  });
});
