// parseChangelog/findChangelogSection across the changelog dialects people use.
import { describe, expect, it } from "vitest";
import { findChangelogSection, parseChangelog, previousRelease } from "../../src/release/changelog.js";
import { UsageError } from "../../src/types.js";
import { composeReleaseMessage } from "../../src/release/compose.js";
import { changesets, conventional, gitCliff, keepAChangelog, python as pythonChangelog } from "./dialects.js";

const releasePlz = `# Changelog

## [Unreleased]

## [0.2.1](https://github.com/o/r/compare/hds_test0-v0.2.0...hds_test0-v0.2.1) - 2024-03-18

### Other

- update docs
`;

const setext = `Changelog
=========

v3.0.0-rc.1 (2024-03-18)
------------------------

- Release candidate notes

v2.9.0
------

- Older
`;

/** The detail lines of the UsageError `run` throws. */
function problemDetails(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error.details;
    throw error;
  }
  throw new Error("expected a UsageError");
}

describe("parseChangelog", () => {
  it("reads Keep a Changelog: Unreleased, dates, YANKED and link definitions", () => {
    const changelog = parseChangelog(keepAChangelog, "CHANGELOG.md");
    expect(changelog.sections.map((section) => [section.version, section.unreleased, section.yanked, section.date ?? null])).toEqual([
      [null, true, false, null],
      ["1.2.3", false, false, "2024-03-18"],
      ["1.2.2", false, true, "2024-03-01"],
      ["1.2.1", false, false, "2024-02-20"],
    ]);
    expect(changelog.sections[1].url).toBe("https://github.com/o/r/compare/v1.2.2...v1.2.3");
    expect(changelog.definitions.get("#41")?.url).toBe("https://github.com/o/r/issues/41");
    // The definitions at the bottom are not content of the last section.
    expect(changelog.sections[3].nodes.map((node) => node.type)).toEqual(["heading", "list"]);
  });

  it("reads conventional-changelog: linked versions, ### patch headings, group headings are content", () => {
    const changelog = parseChangelog(conventional);
    expect(changelog.sections.map((section) => [section.version, section.depth, section.date])).toEqual([
      ["2.1.0", 2, "2024-03-18"],
      ["2.0.1", 3, "2024-03-02"],
      ["2.0.0", 2, "2024-02-01"],
    ]);
    expect(changelog.sections[0].url).toBe("https://github.com/o/r/compare/v2.0.1...v2.1.0");
    const patch = findChangelogSection(changelog, "2.0.1");
    expect(patch.nodes.map((node) => node.type)).toEqual(["heading", "list"]);
  });

  it("reads changesets: bare versions and a pre-release", () => {
    const changelog = parseChangelog(changesets, "packages/widgets/CHANGELOG.md");
    expect(changelog.sections.map((section) => section.version)).toEqual(["0.4.0-next.1", "0.3.9"]);
    expect(findChangelogSection(changelog, "0.4.0-next.1").line).toBe(3);
    expect(findChangelogSection(changelog).version).toBe("0.4.0-next.1");
  });

  it("reads git-cliff headings with ordering comments", () => {
    const changelog = parseChangelog(gitCliff);
    expect(changelog.sections).toHaveLength(1);
    expect(changelog.sections[0].nodes.filter((node) => node.type === "heading")).toHaveLength(2);
  });

  it("reads release-plz: the version is the link text, not the tag names in the URL", () => {
    const changelog = parseChangelog(releasePlz);
    const section = findChangelogSection(changelog);
    expect(section.version).toBe("0.2.1");
    expect(section.date).toBe("2024-03-18");
    expect(section.url).toContain("hds_test0-v0.2.1");
  });

  it("reads setext headings with v-prefixed pre-release versions", () => {
    const changelog = parseChangelog(setext);
    expect(changelog.sections.map((section) => section.version)).toEqual(["v3.0.0-rc.1", "v2.9.0"]);
    expect(findChangelogSection(changelog, "3.0.0-rc.1").version).toBe("v3.0.0-rc.1");
    expect(findChangelogSection(changelog, "v2.9.0").line).toBe(9);
  });

  it("reads PEP 440 versions and package-prefixed headings", () => {
    const changelog = parseChangelog("## mylib 2.0.0rc1\n\n- rc\n\n## mylib@1.9.0\n\n- old\n");
    expect(changelog.sections.map((section) => section.version)).toEqual(["2.0.0rc1", "1.9.0"]);
  });

  it("reads PEP 440 post, dev, pre-release and epoch headings, and finds them by any spelling", () => {
    const changelog = parseChangelog(pythonChangelog);
    expect(changelog.sections.map((section) => [section.version, section.date ?? null])).toEqual([
      ["2.0.0", "2024-06-01"],
      ["2.0.0rc2", "2024-05-20"],
      ["v2.0.0.rc1", "2024-05-10"],
      ["1.9.0.post1", "2024-05-01"],
      ["1.9.0", "2024-04-01"],
      ["1.9.0.dev3", null],
      ["1!0.1", null],
    ]);
    // Each section holds only its own entries: the post-release's are not the candidate's.
    expect(changelog.sections.map((section) => section.nodes.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(findChangelogSection(changelog, "2.0.0-rc.1").version).toBe("v2.0.0.rc1");
    expect(findChangelogSection(changelog, "1.9.0.POST1").line).toBe(15);
    expect(findChangelogSection(changelog, "1.9.0.dev3").version).toBe("1.9.0.dev3");
    expect(previousRelease(changelog, findChangelogSection(changelog, "1.9.0.post1"))?.version).toBe("1.9.0");
  });
});

describe("findChangelogSection", () => {
  it("skips Unreleased and yanked releases when no version is asked for", () => {
    const changelog = parseChangelog(keepAChangelog.replace("## [1.2.3] - 2024-03-18", "## [1.2.3] - 2024-03-18 [YANKED]"));
    expect(findChangelogSection(changelog).version).toBe("1.2.1");
  });

  it("returns a yanked release when asked for it by version, marked yanked", () => {
    const section = findChangelogSection(parseChangelog(keepAChangelog), "1.2.2");
    expect(section.yanked).toBe(true);
  });

  it("names the previous release", () => {
    const changelog = parseChangelog(keepAChangelog);
    expect(previousRelease(changelog, findChangelogSection(changelog, "1.2.3"))?.version).toBe("1.2.2");
  });

  it("explains an Unreleased-only changelog", () => {
    const changelog = parseChangelog("# Changelog\n\n## [Unreleased]\n\n- Something\n", "CHANGELOG.md");
    expect(() => findChangelogSection(changelog, "1.0.0")).toThrow(UsageError);
    expect(() => findChangelogSection(changelog, "1.0.0")).toThrow(
      "CHANGELOG.md has no section for version 1.0.0; it has only an Unreleased section; move its entries under a heading for the new version",
    );
    // The example heading is the version being released, and it is given once: no line below repeats it.
    expect(() => findChangelogSection(changelog, "1.0.0")).toThrow("e.g. `## [1.0.0] - YYYY-MM-DD`");
    expect(problemDetails(() => findChangelogSection(changelog, "1.0.0"))).toEqual([]);
    // Without entries waiting under Unreleased, the line below is the only place the heading is given.
    const older = parseChangelog("# Changelog\n\n## [Unreleased]\n\n## [0.9.0] - 2024-01-01\n\n- First\n", "CHANGELOG.md");
    expect(problemDetails(() => findChangelogSection(older, "1.0.0"))).toEqual(["expected a heading such as `## [1.0.0] - YYYY-MM-DD` or `## 1.0.0`"]);
    expect(() => findChangelogSection(changelog)).toThrow("CHANGELOG.md has no released section; it has only an Unreleased section; move its entries under a heading for the new version, e.g. `## [1.2.3] - YYYY-MM-DD`");
  });

  it("names the file, the version and the versions it has when the version is missing", () => {
    const changelog = parseChangelog(keepAChangelog, "packages/a/CHANGELOG.md");
    try {
      findChangelogSection(changelog, "9.9.9");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
      // Its Unreleased section has entries: they are what a release of 9.9.9 would hold.
      expect((error as UsageError).message).toBe(
        "packages/a/CHANGELOG.md has no section for version 9.9.9; it has 1.2.3, 1.2.2, 1.2.1; " +
          "the entries under Unreleased (line 4) are not released yet: move them under `## [9.9.9] - YYYY-MM-DD`",
      );
      // The message already gives the heading to write; no second line repeats it.
      expect((error as UsageError).details).toEqual([]);
    }
  });

  it("rejects an empty file and a file without release headings, naming the file", () => {
    expect(() => parseChangelog("", "docs/CHANGES.md")).toThrow("docs/CHANGES.md is empty; expected release headings such as `## [1.2.3] - 2024-03-18`");
    expect(() => parseChangelog("# Notes\n\nJust prose about 2024-03-18.\n", "NOTES.md")).toThrow("NOTES.md has no release headings");
  });
});

describe("shared and detailed changelogs", () => {
  it("gives each package of a shared changelog its own name@version section", () => {
    const changelog = parseChangelog("# Changelog\n\n## b@1.1.0\n\n- b change only\n\n## a@1.1.0\n\n- a change only\n\n## 1.0.0\n\n- both\n");
    expect(findChangelogSection(changelog, "1.1.0", "a").title).toBe("a@1.1.0");
    expect(findChangelogSection(changelog, "1.1.0", "b").title).toBe("b@1.1.0");
    // A heading without a name serves every package.
    expect(findChangelogSection(changelog, "1.0.0", "a").title).toBe("1.0.0");
  });

  it("finds a package's previous release in a shared changelog, not another package's", () => {
    const at = parseChangelog("# Changelog\n\n## b@1.1.0\n\n- b\n\n## a@1.1.0\n\n- a\n\n## b@1.0.0\n\n- b\n\n## a@0.9.0\n\n- a\n");
    expect(previousRelease(at, findChangelogSection(at, "1.1.0", "a"))?.title).toBe("a@0.9.0");
    expect(previousRelease(at, findChangelogSection(at, "1.1.0", "b"))?.title).toBe("b@1.0.0");
    const spaced = parseChangelog("# Changelog\n\n## foo 2.0.0\n\n- f\n\n## bar 1.5.0\n\n- b\n\n## foo 1.4.0\n\n- f\n\n## 1.0.0\n\n- both\n");
    expect(previousRelease(spaced, findChangelogSection(spaced, "2.0.0", "foo"))?.title).toBe("foo 1.4.0");
    expect(previousRelease(spaced, findChangelogSection(spaced, "1.5.0", "bar"))?.title).toBe("1.0.0");
  });

  it("reads `name 1.2.3` headings as packages in a shared changelog, as a display name in a package's own", () => {
    const shared = parseChangelog("# Changelog\n\n## foo 1.2.3\n\n- foo change\n\n## bar 1.2.3\n\n- bar change\n\n## 1.0.0\n\n- both\n");
    expect(findChangelogSection(shared, "1.2.3", "foo").title).toBe("foo 1.2.3");
    expect(findChangelogSection(shared, "1.2.3", "bar").title).toBe("bar 1.2.3");
    expect(findChangelogSection(shared, "1.2.3", "@acme/bar").title).toBe("bar 1.2.3");
    expect(findChangelogSection(shared, "1.0.0", "foo").title).toBe("1.0.0");
    const message = composeReleaseMessage({
      packages: [
        { name: "foo", from: "1.2.2", to: "1.2.3", changelog: { file: "CHANGELOG.md", text: shared.text } },
        { name: "bar", from: "1.2.2", to: "1.2.3", changelog: { file: "CHANGELOG.md", text: shared.text } },
      ],
    });
    expect(message).toContain("foo change");
    expect(message).toContain("bar change");
    // One package whose headings carry another name, or "Version": every section is its own.
    const own = parseChangelog("# Changelog\n\n## Widgets 2.0.0\n\n- new\n\n## Version 1.0.0\n\n- old\n");
    expect(findChangelogSection(own, "2.0.0", "@acme/widget-core").title).toBe("Widgets 2.0.0");
    expect(findChangelogSection(own, "1.0.0", "@acme/widget-core").title).toBe("Version 1.0.0");
  });

  it("keeps a subheading that merely mentions a version inside its release", () => {
    const changelog = parseChangelog("# Changelog\n\n## [1.3.0] - 2024-03-18\n\n### Features\n\n- tabs\n\n### Python 3.12 support\n\nWheels for 3.12.\n\n### Bug Fixes\n\n- crash\n\n### [1.2.1](https://example.com/compare) (2024-02-01)\n\n- patch\n");
    expect(changelog.sections.map((section) => section.version)).toEqual(["1.3.0", "1.2.1"]);
    const headings = changelog.sections[0].nodes.filter((node) => node.type === "heading").length;
    expect(headings).toBe(3);
  });
});

describe("workspace globs", () => {
  it("reports a broken glob as a usage error naming it", async () => {
    const { matchesWorkspace } = await import("../../src/release/glob.js");
    expect(() => matchesWorkspace("packages/a", ["packages/[b-a]*"])).toThrow(UsageError);
    expect(() => matchesWorkspace("packages/a", ["packages/[b-a]*"])).toThrow(/^workspace pattern "packages\/\[b-a\]\*" is not a valid glob: Range out of order in character class$/);
  });
});
