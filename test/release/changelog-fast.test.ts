// parseChangelog's fast path (a line scan, remark on the parts needed) against remark on the whole file.
import { describe, expect, it } from "vitest";
import { parseChangelog, parseChangelogFast, parseChangelogWithRemark, type Changelog } from "../../src/release/changelog.js";
import { composeReleaseMessage } from "../../src/release/compose.js";
import * as base from "./dialects.js";

/** Everything a caller can read: sections with their nodes (parsed on first read), definitions. */
function snapshot(changelog: Changelog): unknown {
  return JSON.parse(JSON.stringify({ sections: changelog.sections.map((section) => ({ ...section, nodes: section.nodes })), definitions: [...changelog.definitions] }));
}

/** Asserts the fast path took `text` (no fallback) and read it as remark reads the whole file, or failed alike. */
function expectSame(text: string): void {
  let full: unknown;
  try {
    full = snapshot(parseChangelogWithRemark(text));
  } catch (error) {
    expect(() => parseChangelogFast(text)).toThrow((error as Error).message);
    return;
  }
  const fast = parseChangelogFast(text);
  expect(fast, JSON.stringify(text)).not.toBeNull();
  expect(snapshot(fast as Changelog), JSON.stringify(text)).toEqual(full);
}

/** `text` with `addition` inserted after the first `anchor`. */
function after(text: string, anchor: string, addition: string): string {
  const at = text.indexOf(anchor);
  if (at < 0) throw new Error(`fixture anchor not found: ${anchor}`);
  return text.slice(0, at + anchor.length) + addition + text.slice(at + anchor.length);
}

const releases = (count: number, release: (index: number) => string) => Array.from({ length: count }, (_, index) => release(count - index)).join("\n");

const dialects: Record<string, string> = {
  // The shared dialects, each with a part that tests the scan: references, subheadings, fences, more releases.
  keepAChangelog: after(
    after(base.keepAChangelog, "- Crash when the config file is empty ([#41])\n", "- See [the docs][docs] and [Docs]\n"),
    "[#41]: https://github.com/o/r/issues/41\n",
    '[docs]: <https://example.com/docs> "The docs"\n',
  ),
  conventional: after(
    base.conventional.replace("([abc1234](https://github.com/o/r/commit/abc1234))\n", "([abc1234](https://github.com/o/r/commit/abc1234)), closes [#12](https://github.com/o/r/issues/12)\n"),
    "* **cli:** exit 2 on bad flags ([def5678](https://github.com/o/r/commit/def5678))\n",
    "\n### Python 3.12 support\n\nWheels for 3.12.\n",
  ),
  changesets: after(base.changesets, "- 1a2b3c4: Add the `size` prop\n\n", '  ```tsx\n  <Widget size="lg" />\n  ## 9.9.9 is not a heading here\n  ```\n\n'),
  gitCliff: after(base.gitCliff, "- Keep trailers last\n\n", "## [0.4.0] - 2024-03-01\n\n### <!-- 7 -->⚙️ Miscellaneous Tasks\n\n- Release\n\n"),
  releasePlz: `# Changelog

## [Unreleased]

## [0.2.1](https://github.com/o/r/compare/hds_test0-v0.2.0...hds_test0-v0.2.1) - 2024-03-18

### Other

- update docs
`,
  setext: `Changelog
=========

v3.0.0-rc.1 (2024-03-18)
------------------------

- Release candidate notes

v2.9.0
------

- Older

[a]: https://a.test
Version 2.8.0
=============

- Oldest, after a definition in the same paragraph
`,
  versions: `## mylib 2.0.0rc1

- rc

## mylib@1.9.0

- old

## @s/a@1.2.3

- scoped

## 1.2.3.4 (four parts)

- four

## Version 1.0.0+build.5

- build

## Widgets 0.9.0

- display name
`,
  // PEP 440 versions in every place a Python project writes them: post, dev, epoch, local, odd spellings.
  python: after(base.python, "- Older\n", "\n## mylib 1.8.0-RC.1 - 2024-03-01\n\n- rc\n\n## [1.7.0_post2](https://x.test/1.7.0_post2)\n\n- post\n\n## 1.6.0+ubuntu.1\n\n- local\n\n## 1.5.x\n\n- not a release, part of 1.6.0+ubuntu.1\n"),
  shared: "# Changelog\n\n## b@1.1.0\n\n- b change only\n\n## a@1.1.0\n\n- a change only\n\n## foo 1.0.0\n\n- foo\n\n## 1.0.0\n\n- both\n",
  fencedHeadings: [
    "# Changelog",
    "",
    "## 2.0.0",
    "",
    "```md",
    "## 1.9.0",
    "",
    "- not a release",
    "```",
    "",
    "~~~~",
    "## 1.8.0",
    "```",
    "## 1.7.0",
    "~~~~",
    "",
    "    ## 1.6.0 indented code",
    "",
    "- item",
    "",
    "  ```",
    "  ## 1.5.0 in an item's fence",
    "  ```",
    "",
    "<details>",
    "<summary>Older notes</summary>",
    "## 1.4.0 inside HTML",
    "</details>",
    "",
    "<!--",
    "## 1.3.0 in a comment",
    "-->",
    "",
    "> ## 1.2.0 quoted",
    "",
    "## 1.0.0",
    "",
    "- first",
    "",
  ].join("\n"),
  html: "## 2.0.0\n\n<script>\n## 1.9.0\n</script>\n\ntext\n<span>\n## 1.8.0\n\n<a href=\"x\">\n## 1.7.0\n\n- a\n\n  <!--\n  c\n  -->\n## 1.6.0\n\n- <!--\n\n## 1.5.0\n\n<![CDATA[\n## x\n]]>\n<?php\n## y\n?>\n<!DOCTYPE html>\n## 1.4.0\n",
  listFences: "## 2.0.0\n\n- ```\n  code\n  ```\n\n## 1.9.0\n\n- item\n\n  ```\n## 1.8.0\n  ```\n## 1.7.0\n\n1.  x\n\n    ```\n## 1.6.0\n    ```\n",
  definitionsEverywhere:
    "## [1.1.0] - 2024-01-01\n\n- uses [a], [nested], [quoted], [Multi Line] and [1.0.0]\n\n- [nested]: https://n.test\n\n> [quoted]: https://q.test\n\n## [1.0.0]\n\n- text\n[not]: https://lazy.test\n\n[ ]: https://blank.test\n\n[a]: https://a.test 'Title'\n[multi\n  line]: https://m.test\n[1.0.0]: https://one.test\n[1.1.0]: https://x.test/compare\n",
  indented: "# Changelog\n\n ## 1.2.0\n\n- indented heading\n\n   ### [1.1.1](https://x.test) (2024-01-01)\n\n- patch\n\n#### 1.1.0\n\n- too deep to be a release\n\n## 1.0.0\n\n- last\n",
  headings: [
    "## [1.9.0][] - x",
    "## [1.8.0][ref]",
    "## *1.7.0*",
    "## 1.6.0 &amp; more",
    "## `1.5.0`",
    "## 1.4.0 ##",
    "##\t1.3.0\t",
    "## [1.2.0] - [YANKED]",
    "## [a] [1.1.0]",
    "## <span>1.0.0</span>",
    "## ![logo](logo.png) 0.9.0",
    "## [0.8.0](<https://x.test/a b> \"title\")",
    "## 0.7.0 \\# escaped",
    "## [UNRELEASED]",
    "##",
    "## [0.6.0]: colon",
  ]
    .map((heading) => `${heading}\n\n- entry\n`)
    .join("\n")
    .concat("\n[ref]: https://ref.test\n[1.9.0]: https://one.test\n[1.2.0]: https://two.test\n[YANKED]: https://yanked.test\n"),
  // remark reads "-" after indented code as paragraph text, not as an empty list item: a
  // setext heading whose text starts so must be read in its place, not on its own.
  afterIndentedCode: "## 2.0.0\n\n    code\n-\n1.9.0 [a]\n---\n\n- entry\n\n[a]: https://a.test\n",
  empty: "",
  noReleases: "# Notes\n\nJust prose about 2024-03-18.\n",
  big: releases(300, (index) => `## 1.${index}.0\n\n### Patch Changes\n\n${releases(5, (entry) => `- ${entry}${index}: fix ${entry} ([#${index}])`)}\n`) + "\n[#7]: https://x.test/7\n",
};

describe("parseChangelog's fast path", () => {
  it("reads every documented dialect and odd structure as remark reads the whole file", () => {
    for (const text of Object.values(dialects)) {
      expectSame(text);
      expectSame(text.replace(/\n/g, "\r\n"));
    }
    expectSame(`\uFEFF${dialects.keepAChangelog}`);
    expectSame(dialects.conventional.replace(/\n/g, "\r"));
    expectSame(dialects.gitCliff.replace(/\n$/, ""));
    // remark reads the 300-release changelog twice here: 3.5 s on an idle machine, so the
    // default 5 s was missed when other jobs shared the cores. Correctness, not speed, is tested.
  }, 30_000);

  it("reads random mixes of headings, fences, HTML, lists, quotes and definitions as remark does", () => {
    // A small deterministic generator: lines that open, close or hide headings, at odd indents.
    let seed = 7;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    const version = () => `${Math.floor(random() * 3)}.${Math.floor(random() * 3)}.${Math.floor(random() * 3)}`;
    const lines = [
      () => `## ${version()}`, () => `## [${version()}] - 2024-01-01`, () => `### [${version()}](https://u.test) (2024-01-01)`, () => "## [Unreleased]",
      () => `# ${version()}`, () => `#### ${version()}`, () => "### Features", () => `## <!-- 0 -->${version()}`, () => "#",
      () => "```", () => "~~~", () => "````", () => "```js", () => "``` `x`", () => "<!--", () => "-->", () => "<div>", () => "</div>",
      () => "<span>", () => '<a href="x">', () => "<script>", () => "</script>", () => "<?", () => "?>", () => "<![CDATA[", () => "]]>",
      () => "<!-->", () => "<https://auto.link>", () => "- item", () => "-", () => "1. x", () => "- ```", () => "- <!--", () => "> x",
      () => `> ## ${version()}`, () => "> ```", () => "---", () => "===", () => "***", () => "text", () => "[a]: https://a.test",
      () => '[b]: <https://b.test> "t"', () => "[c]:", () => "https://c.test", () => `see [a] [b] [c] [${version()}]`, () => "", () => "",
      () => `[${version()}]: https://v.test`, () => '"title"',
    ];
    const indents = ["", "", "", " ", "  ", "   ", "    ", "\t", "  \t"];
    for (let run = 0; run < 250; run++) {
      const count = 5 + Math.floor(random() * 30);
      const body = [`## ${version()}`];
      for (let index = 0; index < count; index++) body.push((random() < 0.3 ? pick(indents) : "") + pick(lines)());
      const text = body.join("\n") + "\n";
      expectSame(random() < 0.15 ? text.replace(/\n/g, "\r\n") : text);
    }
  }, 30_000);

  it("reads the same PEP 440 release headings as remark does", () => {
    const fast = parseChangelogFast(dialects.python) as Changelog;
    const versions = fast.sections.map((section) => section.version);
    expect(versions).toEqual(["2.0.0", "2.0.0rc2", "v2.0.0.rc1", "1.9.0.post1", "1.9.0", "1.8.0-RC.1", "1.7.0_post2", "1.6.0+ubuntu.1", "1.9.0.dev3", "1!0.1"]);
    expect(parseChangelogWithRemark(dialects.python).sections.map((section) => section.version)).toEqual(versions);
  });

  it("composes the same message from a long changelog as from remark's reading of it", () => {
    const text = dialects.big;
    const fast = parseChangelog(text);
    expect(fast.sections).toHaveLength(300);
    const message = (version: string) =>
      composeReleaseMessage({ packages: [{ name: "w", from: "0.0.1", to: version, changelog: { file: "CHANGELOG.md", text } }] });
    const full = parseChangelogWithRemark(text);
    for (const version of ["1.300.0", "1.7.0", "1.1.0"]) {
      const section = full.sections.find((candidate) => candidate.version === version);
      expect(fast.sections.find((candidate) => candidate.version === version)?.nodes).toEqual(section?.nodes);
      expect(message(version)).toContain(`- 1${version.split(".")[1]}: fix 1`);
    }
    // The definition at the bottom of the file is found for the section that uses it.
    expect(message("1.7.0")).toContain("[#7]: https://x.test/7");
    // remark's reading of 300 sections takes about a second alone; on a loaded machine more
    // than vitest's default 5 s, and the time is not what this test checks.
  }, 60_000);
});
