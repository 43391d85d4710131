// Package discovery and version comparison between two states, without git (memory states).
import { describe, expect, it } from "vitest";
import { discoverPackages, memoryState } from "../../src/release/manifests.js";
import { MissingChangelogError, NothingToReleaseError, releaseFromStates } from "../../src/release/gather.js";
import { composeReleaseMessage } from "../../src/release/compose.js";
import { UsageError } from "../../src/types.js";

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function npmWorkspace(versions: { a: string; b: string; c: string }): Record<string, string> {
  return {
    "package.json": json({ name: "root", private: true, workspaces: ["packages/*", "tools/cli"] }),
    "packages/a/package.json": json({ name: "@acme/a", version: versions.a }),
    "packages/b/package.json": json({ name: "@acme/b", version: versions.b }),
    "tools/cli/package.json": json({ name: "acme-cli", version: versions.c }),
    "test/fixtures/x/package.json": json({ name: "fixture", version: "9.9.9" }),
    "packages/a/CHANGELOG.md": `# @acme/a\n\n## ${versions.a}\n\n### Patch Changes\n\n- 1a2b3c4: Fix the focus ring\n`,
    "packages/b/CHANGELOG.md": `# @acme/b\n\n## ${versions.b}\n\n### Minor Changes\n\n- 5d6e7f8: Add the size prop\n`,
  };
}

describe("discoverPackages", () => {
  it("finds npm workspace members from `workspaces` and ignores other package.json files", async () => {
    const packages = await discoverPackages(memoryState(npmWorkspace({ a: "1.0.0", b: "2.0.0", c: "0.1.0" })));
    expect(packages.map((pkg) => [pkg.name, pkg.version, pkg.manifest])).toEqual([
      ["@acme/a", "1.0.0", "packages/a/package.json"],
      ["@acme/b", "2.0.0", "packages/b/package.json"],
      ["acme-cli", "0.1.0", "tools/cli/package.json"],
    ]);
  });

  it("finds pnpm and yarn workspace members, with negated patterns", async () => {
    const pnpm = await discoverPackages(
      memoryState({
        "package.json": json({ name: "root", version: "1.0.0" }),
        "pnpm-workspace.yaml": "packages:\n  - 'packages/**'\n  - '!packages/internal'\n",
        "packages/ui/package.json": json({ name: "ui", version: "3.0.0" }),
        "packages/nested/deep/package.json": json({ name: "deep", version: "0.0.1" }),
        "packages/internal/package.json": json({ name: "internal", version: "0.0.1" }),
      }),
    );
    expect(pnpm.map((pkg) => pkg.name)).toEqual(["root", "deep", "ui"]);
    const yarn = await discoverPackages(
      memoryState({
        "package.json": json({ name: "root", private: true, workspaces: { packages: ["libs/*"] } }),
        "libs/one/package.json": json({ name: "one", version: "1.0.0" }),
      }),
    );
    expect(yarn.map((pkg) => pkg.name)).toEqual(["one"]);
  });

  it("finds cargo workspace members and resolves version.workspace = true", async () => {
    const packages = await discoverPackages(
      memoryState({
        "Cargo.toml": '[workspace]\nmembers = ["crates/*"]\nexclude = ["crates/scratch"]\n\n[workspace.package]\nversion = "0.4.0"\n',
        "crates/core/Cargo.toml": '[package]\nname = "hds_core"\nversion.workspace = true\n',
        "crates/cli/Cargo.toml": '[package]\nname = "hds_cli"\nversion = "1.2.0"\n',
        "crates/scratch/Cargo.toml": '[package]\nname = "scratch"\nversion = "0.0.0"\n',
      }),
    );
    expect(packages.map((pkg) => [pkg.name, pkg.version, pkg.ecosystem])).toEqual([
      ["hds_cli", "1.2.0", "cargo"],
      ["hds_core", "0.4.0", "cargo"],
    ]);
  });

  it("reads pyproject.toml [project] and [tool.poetry] versions", async () => {
    const project = await discoverPackages(memoryState({ "pyproject.toml": '[project]\nname = "mylib"\nversion = "2.0.0rc1"\n' }));
    expect(project.map((pkg) => [pkg.name, pkg.version])).toEqual([["mylib", "2.0.0rc1"]]);
    const poetry = await discoverPackages(memoryState({ "pyproject.toml": '[tool.poetry]\nname = "poet"\nversion = "0.3.0"\n' }));
    expect(poetry.map((pkg) => [pkg.name, pkg.version])).toEqual([["poet", "0.3.0"]]);
  });

  it("reads manifests saved with a byte-order mark, as npm reads a package.json", async () => {
    const packages = await discoverPackages(
      memoryState({
        "package.json": `\ufeff${json({ name: "root", private: true, workspaces: ["packages/*"] })}`,
        "pnpm-workspace.yaml": "\ufeffpackages:\n  - 'libs/*'\n",
        "packages/a/package.json": `\ufeff{\r\n  "name": "a",\r\n  "version": "1.0.1"\r\n}\r\n`,
        "libs/b/package.json": json({ name: "b", version: "2.0.0" }),
        "Cargo.toml": '\ufeff[package]\nname = "c"\nversion = "0.1.0"\n',
        "pyproject.toml": '\ufeff[project]\nname = "d"\nversion = "3.0.0"\n',
      }),
    );
    expect(packages.map((pkg) => [pkg.name, pkg.version])).toEqual([["b", "2.0.0"], ["a", "1.0.1"], ["c", "0.1.0"], ["d", "3.0.0"]]);
    // A position after the mark is counted as an editor shows it, without the mark.
    await expect(discoverPackages(memoryState({ "package.json": "\ufeff{" }, "the index"))).rejects.toThrow(/^package\.json:1:2 in the index is not valid JSON: /);
  });

  it("names the file and the state when a manifest does not parse, with no parentheses nested in a state's own", async () => {
    await expect(discoverPackages(memoryState({ "Cargo.toml": "[package\n" }, "HEAD"))).rejects.toThrow(/^Cargo\.toml in HEAD is not valid TOML: /);
    await expect(discoverPackages(memoryState({ "package.json": "{" }, "the index"))).rejects.toThrow(/^package\.json:1:2 in the index is not valid JSON: /);
    // A line and column, as for config files, not Node's character offset.
    await expect(discoverPackages(memoryState({ "package.json": '{\n  "name": "a",\n  "version": ,\n}' }, "the index"))).rejects.toThrow(
      /^package\.json:3:14 in the index is not valid JSON: Unexpected token ','$/,
    );
    // The Action labels a pull request's states with their commit: "the head (3f5b5dd)".
    await expect(discoverPackages(memoryState({ "package.json": "[]" }, "the head (3f5b5dd)"))).rejects.toThrow(new UsageError("package.json in the head (3f5b5dd) is not a JSON object"));
    await expect(discoverPackages(memoryState({ "pnpm-workspace.yaml": "packages: [" }, "the merge base (1a2b3c4)"))).rejects.toThrow(
      /^pnpm-workspace\.yaml in the merge base \(1a2b3c4\) is not valid YAML: /,
    );
  });
});

describe("memoryState", () => {
  it("refuses files that are no path -> text object when called, not later inside releaseFromStates()", async () => {
    expect(() => memoryState(42 as never)).toThrow(new TypeError('memoryState() takes the files as an object of path -> text, such as { "package.json": "{...}" }, not the number 42'));
    expect(() => memoryState(new Map([["package.json", "{}"]]) as never)).toThrow(
      new TypeError('memoryState() takes the files as an object of path -> text, such as { "package.json": "{...}" }, not a Map; pass Object.fromEntries(map)'),
    );
    expect(() => memoryState({ "package.json": 42 } as never)).toThrow(new TypeError('memoryState() files["package.json"] must be the file\'s text, as a string, not the number 42'));
    expect(() => memoryState({}, 7 as never)).toThrow(new TypeError("memoryState() label must be a string naming the state in messages, not the number 7"));
    expect(await memoryState({ "package.json": "{}" }, "base").read(["package.json", "x"])).toEqual(new Map([["package.json", "{}"], ["x", null]]));
  });
});

describe("releaseFromStates", () => {
  it("releases the npm workspace members whose version changed, each with its own changelog", async () => {
    const before = memoryState(npmWorkspace({ a: "1.0.0", b: "2.0.0", c: "0.1.0" }), "main");
    const after = memoryState(npmWorkspace({ a: "1.0.1", b: "2.1.0", c: "0.1.0" }), "release-branch");
    const { packages } = await releaseFromStates(before, after);
    expect(packages.map((pkg) => [pkg.name, pkg.from, pkg.to, pkg.changelog?.file])).toEqual([
      ["@acme/a", "1.0.0", "1.0.1", "packages/a/CHANGELOG.md"],
      ["@acme/b", "2.0.0", "2.1.0", "packages/b/CHANGELOG.md"],
    ]);
    const message = composeReleaseMessage({ packages });
    expect(message.split("\n").slice(0, 4)).toEqual(["chore(release): @acme/a v1.0.1, @acme/b v2.1.0", "", "- @acme/a 1.0.0 -> 1.0.1", "- @acme/b 2.0.0 -> 2.1.0"]);
    expect(message).toContain("\n@acme/b 2.1.0:\n\nMinor Changes:\n\n- 5d6e7f8: Add the size prop\n");
  });

  it("releases every crate of a cargo workspace whose shared version changed, from the root changelog", async () => {
    const files = (version: string): Record<string, string> => ({
      "Cargo.toml": `[workspace]\nmembers = ["crates/*"]\n\n[workspace.package]\nversion = "${version}"\n`,
      "crates/core/Cargo.toml": '[package]\nname = "hds_core"\nversion.workspace = true\n',
      "crates/cli/Cargo.toml": '[package]\nname = "hds_cli"\nversion.workspace = true\n',
      "CHANGELOG.md": `## [${version}] - 2024-03-18\n\n### Fixed\n\n- Shared fix\n\n## [0.4.0] - 2024-01-01\n\n- old\n`,
    });
    const { packages } = await releaseFromStates(memoryState(files("0.4.0")), memoryState(files("0.5.0")), { changedPaths: ["Cargo.toml", "CHANGELOG.md"] });
    expect(packages.map((pkg) => [pkg.name, pkg.from, pkg.to, pkg.changelog?.file])).toEqual([
      ["hds_cli", "0.4.0", "0.5.0", "CHANGELOG.md"],
      ["hds_core", "0.4.0", "0.5.0", "CHANGELOG.md"],
    ]);
    const message = composeReleaseMessage({ packages });
    expect(message).toContain("\nhds_cli, hds_core 0.5.0 (2024-03-18):\n\nFixed:\n\n- Shared fix\n");
  });

  it("orders versions as the manifest's ecosystem does: PEP 440 for pyproject.toml, SemVer for package.json", async () => {
    // `1.0.0-1` is a post-release to pip and a pre-release to npm: only the Python project's
    // 1.0.0 -> 1.0.1 passes over it.
    const changelog = "## 1.0.1\n\n- Patch\n\n## 1.0.0-1\n\n- Rebuilt\n\n## 1.0.0\n\n- Final\n";
    const pyproject = (version: string) => `[project]\nname = "mylib"\nversion = "${version}"\n`;
    const npm = (version: string) => json({ name: "mylib", version });
    for (const [manifest, write, passedOver] of [["pyproject.toml", pyproject, true], ["package.json", npm, false]] as const) {
      const { packages } = await releaseFromStates(memoryState({ [manifest]: write("1.0.0") }), memoryState({ [manifest]: write("1.0.1"), "CHANGELOG.md": changelog }));
      expect(composeReleaseMessage({ packages }).includes("mylib 1.0.0-1:"), manifest).toBe(passedOver);
    }
  });

  it("takes a version written another way for no release: 1.0 -> 1.0.0 in pyproject.toml, v1.0.0 -> 1.0.0", async () => {
    const pyproject = (version: string) => `[project]\nname = "mylib"\nversion = "${version}"\n`;
    const npm = (version: string) => json({ name: "web", version });
    const changelog = "## 1.0.1\n\n- Patch\n\n## 1.0\n\n- First\n";
    const release = (manifest: string, write: (version: string) => string, from: string, to: string) =>
      releaseFromStates(memoryState({ [manifest]: write(from) }, "HEAD"), memoryState({ [manifest]: write(to), "CHANGELOG.md": changelog }, "the index"));
    for (const [manifest, write, from, to, scheme] of [
      ["pyproject.toml", pyproject, "1.0", "1.0.0", "PEP 440"],
      ["pyproject.toml", pyproject, "2.0.0rc1", "2.0.0-rc.1", "PEP 440"],
      ["package.json", npm, "v1.0.0", "1.0.0", "SemVer"],
      // npm and crates.io take versions that differ only in build metadata for one version.
      ["package.json", npm, "1.0.0+build.1", "1.0.0+build.2", "SemVer"],
    ] as const) {
      const name = manifest === "package.json" ? "web" : "mylib";
      const error = await release(manifest, write, from, to).then(() => undefined, (thrown: unknown) => thrown);
      expect(error, `${from} -> ${to}`).toBeInstanceOf(NothingToReleaseError);
      expect((error as NothingToReleaseError).details).toEqual([
        `${name} ${from} -> ${to} in ${manifest} is the same version written another way (${scheme}); a release needs a higher or lower one`,
      ]);
      // How to name the release is the caller's to say (the CLI: --changelog PATH [--version V]).
      expect((error as NothingToReleaseError).stageable).toBe(true);
    }
    const { packages } = await release("pyproject.toml", pyproject, "1.0", "1.0.1");
    expect(packages.map((pkg) => [pkg.from, pkg.to])).toEqual([["1.0", "1.0.1"]]);
    // A name holding a line break is quoted with its escapes, as the versions are: one line.
    const named = (version: string) => json({ name: "web\nsite", version });
    const respelled = await release("package.json", named, "v1.0.0", "1.0.0").catch((thrown: unknown) => thrown);
    expect((respelled as NothingToReleaseError).details).toEqual(['"web\\nsite" v1.0.0 -> 1.0.0 in package.json is the same version written another way (SemVer); a release needs a higher or lower one']);
    // A blank around a version, which the comparison trims, is shown quoted, or it would not show.
    const blank = await release("package.json", npm, "1.0.0", " 1.0.0").catch((thrown: unknown) => thrown);
    expect((blank as NothingToReleaseError).details).toEqual(['web 1.0.0 -> " 1.0.0" in package.json is the same version written another way (SemVer); a release needs a higher or lower one']);
  });

  it("refuses a version that is no string, naming the file and the field, instead of finding nothing to release", async () => {
    const npm = (version: unknown) => json({ name: "web", version });
    const cargo = (version: string) => `[package]\nname = "crate"\nversion = ${version}\n`;
    const workspace = (version: string) => `[workspace]\nmembers = ["crates/*"]\n\n[workspace.package]\nversion = ${version}\n`;
    const member = '[package]\nname = "core"\nversion.workspace = true\n';
    const pyproject = (table: string, version: string) => `[${table}]\nname = "mylib"\nversion = ${version}\n`;
    const cases: [before: Record<string, string>, after: Record<string, string>, message: string][] = [
      [{ "package.json": npm("1.0") }, { "package.json": npm(1.1) }, 'package.json "version" in the index is the number 1.1, not a string: write "version": "1.1"'],
      [{ "package.json": npm("1.0.0") }, { "package.json": npm(null) }, 'package.json "version" in the index is null, not a string: write it in quotes, such as "version": "1.2.0"'],
      [
        { "package.json": json({ private: true, workspaces: ["packages/*"] }), "packages/a/package.json": json({ name: "a", version: "1.0.0" }) },
        { "package.json": json({ private: true, workspaces: ["packages/*"] }), "packages/a/package.json": json({ name: "a", version: [1, 1] }) },
        'packages/a/package.json "version" in the index is an array, not a string: write it in quotes, such as "version": "1.2.0"',
      ],
      [{ "Cargo.toml": cargo('"1.0.0"') }, { "Cargo.toml": cargo("1.1") }, 'Cargo.toml [package] version in the index is the number 1.1, not a string: write version = "1.1"'],
      [
        { "Cargo.toml": cargo('"1.0.0"') },
        { "Cargo.toml": cargo("{ workspace = false }") },
        'Cargo.toml [package] version in the index is a table, not a string: write it in quotes, such as version = "1.2.0", or version.workspace = true',
      ],
      [
        { "Cargo.toml": workspace('"0.4.0"'), "crates/core/Cargo.toml": member },
        { "Cargo.toml": workspace("2"), "crates/core/Cargo.toml": member },
        'Cargo.toml [workspace.package] version in the index is the number 2, not a string: write version = "2"',
      ],
      [{ "pyproject.toml": pyproject("project", '"1.0"') }, { "pyproject.toml": pyproject("project", "1.1") }, 'pyproject.toml [project] version in the index is the number 1.1, not a string: write version = "1.1"'],
      [{ "pyproject.toml": pyproject("tool.poetry", '"1.0"') }, { "pyproject.toml": pyproject("tool.poetry", "true") }, 'pyproject.toml [tool.poetry] version in the index is the boolean true, not a string: write it in quotes, such as version = "1.2.0"'],
    ];
    for (const [before, after, message] of cases) {
      await expect(releaseFromStates(memoryState(before, "HEAD"), memoryState({ ...after, "CHANGELOG.md": "## 1.1\n\n- x\n" }, "the index")), message).rejects.toThrow(new UsageError(message));
    }
    // Committed that way already, it is no release, and "nothing to release" says why.
    const committed = memoryState({ "package.json": npm(1.1) }, "HEAD");
    const error = await releaseFromStates(committed, { ...committed, label: "the index" }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(NothingToReleaseError);
    expect((error as NothingToReleaseError).details).toEqual([
      'package.json "version" in the index is the number 1.1, not a string: write "version": "1.1"',
    ]);
    // One fixed to a string is a release from the version its changelog gives.
    const { packages } = await releaseFromStates(committed, memoryState({ "package.json": npm("1.2.0"), "CHANGELOG.md": "## 1.2.0\n\n- y\n\n## 1.1.0\n\n- x\n" }, "the index"));
    expect(packages.map((pkg) => [pkg.name, pkg.from, pkg.to])).toEqual([["web", "1.1.0", "1.2.0"]]);
  });

  it("answers from the changed paths alone when no manifest changed", async () => {
    const state = memoryState({ "package.json": json({ name: "x", version: "1.0.0" }) });
    const noReads = { ...state, read: async () => Promise.reject(new Error("must not read")) };
    await expect(releaseFromStates(noReads, noReads, { changedPaths: ["src/a.ts"] })).rejects.toBeInstanceOf(NothingToReleaseError);
  });

  it("says what is missing: nothing bumped, no changelog", async () => {
    const same = memoryState({ "package.json": json({ name: "x", version: "1.0.0" }) }, "HEAD");
    await expect(releaseFromStates(same, { ...same, label: "the index" })).rejects.toThrow(
      "nothing to release: no version changed in package.json, Cargo.toml or pyproject.toml between HEAD and the index",
    );
    const bumped = memoryState({ "package.json": json({ name: "x", version: "1.1.0" }) }, "the index");
    const missing = await releaseFromStates(same, bumped).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(MissingChangelogError);
    expect(missing).toBeInstanceOf(UsageError);
    expect(missing).toMatchObject({ message: "no changelog for x 1.1.0: expected CHANGELOG.md in the index", details: ["add it with the release's section"], packageName: "x", version: "1.1.0" });
    // A release named by version alone, with no changelog at the root: no command named either.
    const named = await releaseFromStates(same, { ...same, label: "the index" }, { version: "1.0.0" }).catch((error: unknown) => error);
    expect(named).toBeInstanceOf(MissingChangelogError);
    expect(named).toMatchObject({ message: "no changelog at the repository root in the index; expected CHANGELOG.md", details: [], packageName: undefined, expected: "CHANGELOG.md" });
    // A library caller's error for a package without a version says so without a gap where it would be.
    for (const version of [undefined, ""]) {
      expect(new MissingChangelogError("CHANGELOG.md", "the index", "x", version).message).toBe("no changelog for x: expected CHANGELOG.md in the index");
    }
  });

  it("describes a release from a named changelog alone, with the previous section as the old version", async () => {
    const state = memoryState({ "docs/CHANGES.md": "## 3.1.0\n\n- New\n\n## 3.0.0\n\n- Old\n" });
    const { packages } = await releaseFromStates(state, state, { changelogs: ["docs/CHANGES.md"], fallbackName: "tool" });
    expect(packages).toEqual([
      { name: "tool", from: "3.0.0", to: "3.1.0", changelog: { file: "docs/CHANGES.md", text: "## 3.1.0\n\n- New\n\n## 3.0.0\n\n- Old\n" } },
    ]);
  });
});
