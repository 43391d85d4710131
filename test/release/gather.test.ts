// gatherRelease against real temp git repositories: index vs HEAD, --from/--to, and its errors.
import { afterEach, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { MissingChangelogError, NothingToReleaseError, gatherRelease, releaseFromStates } from "../../src/release/gather.js";
import { NotARepositoryError, memoryState } from "../../src/release/index.js";
import { composeReleaseMessage } from "../../src/release/compose.js";
import { UsageError } from "../../src/types.js";
import { makeRepo, type TempRepo } from "./repo.js";

const changelog = (versions: string[]) =>
  `# Changelog\n\n${versions.map((version) => `## [${version}] - 2024-03-18\n\n### Fixed\n\n- Fix number ${version}\n`).join("\n")}`;

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

function releasedRepo(): TempRepo {
  repo = makeRepo();
  repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "0.0.3" }, null, 2) + "\n");
  repo.write("CHANGELOG.md", changelog(["0.0.3"]));
  repo.git("add", ".");
  repo.git("commit", "-q", "-m", "Initial");
  return repo;
}

describe("gatherRelease", { timeout: 60_000 }, () => {
  it("compares the index with HEAD", async () => {
    const repo = releasedRepo();
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "0.0.4" }, null, 2) + "\n");
    repo.write("CHANGELOG.md", changelog(["0.0.4", "0.0.3"]));
    repo.git("add", ".");
    const release = await gatherRelease({ cwd: repo.dir });
    expect(release.packages.map((pkg) => [pkg.name, pkg.from, pkg.to, pkg.changelog?.file])).toEqual([["hds_test0", "0.0.3", "0.0.4", "CHANGELOG.md"]]);
    expect(composeReleaseMessage(release)).toBe("chore(release): hds_test0 v0.0.4\n\nhds_test0 0.0.3 -> 0.0.4 (2024-03-18)\n\nFixed:\n\n- Fix number 0.0.4\n");
  });

  it("states why nothing is released in the call's own terms, leaving the CLI's flags to the CLI", async () => {
    const repo = releasedRepo();
    repo.git("commit", "-q", "--allow-empty", "-m", "Second");
    const rejection = (options: Parameters<typeof gatherRelease>[0]) => gatherRelease(options).then(() => undefined, (thrown: unknown) => thrown as NothingToReleaseError);
    const head = repo.git("rev-parse", "--short=7", "HEAD").trim();
    const same = await rejection({ cwd: repo.dir, from: "HEAD", to: "HEAD" });
    expect(same).toBeInstanceOf(NothingToReleaseError);
    expect([same?.message, same?.details]).toEqual([
      `nothing to release: from HEAD and to HEAD both name commit ${head}, so the range is empty`,
      ["give from the state before the release (the last release's tag, the base branch) and to the state released"],
    ]);
    expect(same).toMatchObject({ from: "HEAD", to: "HEAD", commit: head, swapped: false });
    const swapped = await rejection({ cwd: repo.dir, from: "HEAD", to: "HEAD~1" });
    expect([swapped?.message, swapped?.details]).toEqual([
      "nothing to release: to HEAD~1 is an ancestor of from HEAD, so the range is empty",
      ["from names the state before the release and to the state released: did you mean from HEAD~1 and to HEAD?"],
    ]);
    expect(swapped).toMatchObject({ swapped: true, stageable: undefined });
    // No version changed: the facts (where, and whether a bump could still be staged), no CLI flags.
    const index = await rejection({ cwd: repo.dir });
    expect([index?.message, index?.details, index?.stageable]).toEqual([
      "nothing to release: no version changed in package.json, Cargo.toml or pyproject.toml between HEAD and the index",
      [],
      true,
    ]);
    const commits = await rejection({ cwd: repo.dir, from: "HEAD~1", to: "HEAD" });
    expect([commits?.details, commits?.stageable]).toEqual([[], false]);
  });

  it("reads the staged changelog, not the working tree's", async () => {
    const repo = releasedRepo();
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "0.0.4" }, null, 2) + "\n");
    repo.git("add", "package.json");
    repo.write("CHANGELOG.md", changelog(["0.0.4", "0.0.3"]));
    const release = await gatherRelease({ cwd: repo.dir });
    expect(() => composeReleaseMessage(release)).toThrow("CHANGELOG.md has no section for version 0.0.4; it has 0.0.3");
  });

  it("tells pre-release words apart by letter case, as SemVer and npm do", async () => {
    const repo = releasedRepo();
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "2.0.0-rc.1" }, null, 2) + "\n");
    repo.write("CHANGELOG.md", changelog(["2.0.0-rc.1", "0.0.3"]));
    repo.git("commit", "-qam", "Release 2.0.0-rc.1");
    // 2.0.0-RC.1 is another version, below 2.0.0-rc.1 ("R" < "r"): a release, and a rollback.
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "2.0.0-RC.1" }, null, 2) + "\n");
    repo.write("CHANGELOG.md", changelog(["2.0.0-RC.1", "2.0.0-rc.1", "0.0.3"]));
    repo.git("add", ".");
    const release = await gatherRelease({ cwd: repo.dir });
    expect(release.packages.map((pkg) => [pkg.from, pkg.to])).toEqual([["2.0.0-rc.1", "2.0.0-RC.1"]]);
    expect(composeReleaseMessage(release)).toContain("hds_test0 2.0.0-rc.1 -> 2.0.0-RC.1 (2024-03-18) (lower than before)");
    // A heading that differs from the manifest in letter case is not its section, and the error says why.
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "2.0.0-rc.2" }, null, 2) + "\n");
    repo.write("CHANGELOG.md", changelog(["2.0.0-RC.2", "2.0.0-rc.1", "0.0.3"]));
    repo.git("add", ".");
    const error = await gatherRelease({ cwd: repo.dir }).then(composeReleaseMessage).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe("CHANGELOG.md has no section for version 2.0.0-rc.2; it has 2.0.0-RC.2, 2.0.0-rc.1, 0.0.3");
    expect((error as UsageError).details).toEqual(["CHANGELOG.md:3 names 2.0.0-RC.2, which differs in letter case; to SemVer (and npm) that is another version: write it as 2.0.0-rc.2"]);
  });

  it("refuses to release a SemVer version with a leading zero, and reads one in history as no version", async () => {
    const repo = releasedRepo();
    const bump = (version: string, headings: string[]) => {
      repo.write("package.json", JSON.stringify({ name: "hds_test0", version }, null, 2) + "\n");
      repo.write("CHANGELOG.md", changelog(headings));
      repo.git("add", ".");
    };
    await expect(gatherRelease({ cwd: repo.dir, version: "0.0.03" })).rejects.toThrow(/^version 0\.0\.03 is not a SemVer version: its number 03 has a leading zero/);
    // npm publish and cargo refuse it, and npm's loose reading would take it for 1.0.0-rc.1.
    bump("1.0.0-rc.01", ["1.0.0-rc.01", "0.0.3"]);
    await expect(gatherRelease({ cwd: repo.dir })).rejects.toThrow(
      "package.json version 1.0.0-rc.01 in the index is not a SemVer version: its number 01 has a leading zero, " +
        "which SemVer forbids in a numeric pre-release identifier (§9) and npm publish and cargo refuse; write 1.0.0-rc.1",
    );
    bump("1.0.0-rc.1", ["1.0.0-rc.1", "0.0.3"]);
    await expect(gatherRelease({ cwd: repo.dir, version: "1.0.0-rc.01" })).rejects.toThrow(/^version 1\.0\.0-rc\.01 is not a SemVer version: its number 01/);
    // Committed anyway (by hand), it is no version but text: fixing it is a release, not a respelling.
    bump("1.0.0-rc.01", ["1.0.0-rc.01", "0.0.3"]);
    repo.git("commit", "-q", "-m", "Release 1.0.0-rc.01");
    bump("1.0.0-rc.1", ["1.0.0-rc.1", "1.0.0-rc.01", "0.0.3"]);
    const fixed = await gatherRelease({ cwd: repo.dir });
    expect(fixed.packages.map((pkg) => [pkg.from, pkg.to])).toEqual([["1.0.0-rc.01", "1.0.0-rc.1"]]);
    expect(composeReleaseMessage(fixed).split("\n")[2]).toBe("hds_test0 1.0.0-rc.01 -> 1.0.0-rc.1 (2024-03-18)");
  });

  it("takes no previous version from a release tag with a leading zero, but from the changelog", async () => {
    repo = makeRepo();
    // A workspace member without a version gets its previous one from its last release tag.
    repo.write("package.json", JSON.stringify({ private: true, workspaces: ["packages/*"] }) + "\n");
    repo.write("packages/a/package.json", JSON.stringify({ name: "a" }) + "\n");
    repo.write("packages/a/CHANGELOG.md", changelog(["1.0.0-rc.1"]));
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "Initial");
    repo.git("tag", "a@1.0.0-rc.01");
    repo.write("packages/a/package.json", JSON.stringify({ name: "a", version: "1.0.0-rc.2" }) + "\n");
    repo.write("packages/a/CHANGELOG.md", changelog(["1.0.0-rc.2", "1.0.0-rc.1"]));
    repo.git("add", ".");
    const release = await gatherRelease({ cwd: repo.dir });
    expect(release.packages.map((pkg) => [pkg.from, pkg.to])).toEqual([["1.0.0-rc.1", "1.0.0-rc.2"]]);
  });

  it("compares two revisions with from and to, from a subdirectory", async () => {
    const repo = releasedRepo();
    repo.git("tag", "v0.0.3");
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "0.1.0" }, null, 2) + "\n");
    repo.write("CHANGELOG.md", changelog(["0.1.0", "0.0.3"]));
    repo.write("src/index.js", "export {};\n");
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "Release");
    const release = await gatherRelease({ cwd: join(repo.dir, "src"), from: "v0.0.3", to: "HEAD" });
    expect(release.packages.map((pkg) => [pkg.from, pkg.to])).toEqual([["0.0.3", "0.1.0"]]);
    // Named as the caller passed them, options.from and options.to, not as the CLI's flags.
    await expect(gatherRelease({ cwd: repo.dir, from: "no-such-tag", to: "HEAD" })).rejects.toMatchObject({ message: "from no-such-tag does not name a commit in this repository" });
    await expect(gatherRelease({ cwd: repo.dir, from: "HEAD", to: "no-such-tag" })).rejects.toMatchObject({ message: "to no-such-tag does not name a commit in this repository" });
    await expect(gatherRelease({ cwd: repo.dir, to: "HEAD" })).rejects.toMatchObject({ message: "to needs from: name the state before the release too" });
  });

  it("compares a release branch with where it left --from, not with a base that released since", async () => {
    repo = makeRepo();
    const pkg = (name: string, version: string) => JSON.stringify({ name, version }, null, 2) + "\n";
    repo.write("package.json", JSON.stringify({ private: true, workspaces: ["packages/*"] }) + "\n");
    repo.write("packages/a/package.json", pkg("a", "1.0.0"));
    repo.write("packages/a/CHANGELOG.md", changelog(["1.0.0"]));
    repo.write("packages/b/package.json", pkg("b", "1.0.0"));
    repo.write("packages/b/CHANGELOG.md", changelog(["1.0.0"]));
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "Initial");
    repo.git("switch", "-q", "-c", "release-a");
    repo.write("packages/a/package.json", pkg("a", "1.1.0"));
    repo.write("packages/a/CHANGELOG.md", changelog(["1.1.0", "1.0.0"]));
    repo.git("commit", "-qam", "Release a");
    // main releases b after the branch was cut; merging the branch keeps b at 2.0.0.
    repo.git("switch", "-q", "main");
    repo.write("packages/b/package.json", pkg("b", "2.0.0"));
    repo.write("packages/b/CHANGELOG.md", changelog(["2.0.0", "1.0.0"]));
    repo.git("commit", "-qam", "Release b");
    repo.git("switch", "-q", "release-a");
    const release = await gatherRelease({ cwd: repo.dir, from: "main", to: "HEAD" });
    expect(release.packages.map((entry) => [entry.name, entry.from, entry.to])).toEqual([["a", "1.0.0", "1.1.0"]]);
    // The same from the index (--from alone), and a tag of the last release is still itself.
    const staged = await gatherRelease({ cwd: repo.dir, from: "main" });
    expect(staged.packages.map((entry) => entry.name)).toEqual(["a"]);
    repo.git("tag", "before-a", "HEAD~1");
    expect((await gatherRelease({ cwd: repo.dir, from: "before-a", to: "HEAD" })).packages.map((entry) => [entry.name, entry.from, entry.to])).toEqual([["a", "1.0.0", "1.1.0"]]);
  });

  it("treats every package of a first commit as a first release", async () => {
    repo = makeRepo();
    repo.write("Cargo.toml", '[package]\nname = "hds"\nversion = "0.1.0"\n');
    repo.write("CHANGELOG.md", "## 0.1.0\n\n- First\n");
    repo.git("add", ".");
    const release = await gatherRelease({ cwd: repo.dir });
    expect(release.packages.map((pkg) => [pkg.name, pkg.from, pkg.to])).toEqual([["hds", null, "0.1.0"]]);
  });

  it("says there is no commit yet, not \"between HEAD\", when nothing is staged before the first commit", async () => {
    repo = makeRepo();
    repo.write("Cargo.toml", '[package]\nname = "hds"\nversion = "0.1.0"\n');
    const rejection = await gatherRelease({ cwd: repo.dir }).then(() => undefined, (thrown: unknown) => thrown as NothingToReleaseError);
    expect(rejection).toBeInstanceOf(NothingToReleaseError);
    expect(rejection?.message).toBe("nothing to release: no version changed in package.json, Cargo.toml or pyproject.toml between HEAD (no commits yet) and the index");
  });

  it("keeps the version of a package whose manifest moved, by its name or by git's rename", async () => {
    repo = makeRepo();
    const manifest = (name: string, version: string) => JSON.stringify({ name, version, description: "Widgets for the web", license: "MIT", type: "module", main: "index.js" }, null, 2) + "\n";
    repo.write("package.json", manifest("widgets", "1.0.0"));
    repo.write("CHANGELOG.md", changelog(["1.0.0"]));
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "Initial");
    // Into a workspace: the root becomes a private workspace root, the package moves below it.
    mkdirSync(join(repo.dir, "packages", "widgets"), { recursive: true });
    repo.git("mv", "package.json", "packages/widgets/package.json");
    repo.git("mv", "CHANGELOG.md", "packages/widgets/CHANGELOG.md");
    repo.write("package.json", JSON.stringify({ private: true, workspaces: ["packages/*"] }) + "\n");
    repo.git("add", ".");
    // Moved alone, it is no release.
    await expect(gatherRelease({ cwd: repo.dir })).rejects.toBeInstanceOf(NothingToReleaseError);
    repo.write("packages/widgets/package.json", manifest("widgets", "1.1.0"));
    repo.write("packages/widgets/CHANGELOG.md", changelog(["1.1.0", "1.0.0"]));
    repo.git("add", ".");
    const moved = await gatherRelease({ cwd: repo.dir });
    expect(moved.packages.map((pkg) => [pkg.name, pkg.from, pkg.to])).toEqual([["widgets", "1.0.0", "1.1.0"]]);
    expect(composeReleaseMessage(moved).split("\n")[2]).toBe("widgets 1.0.0 -> 1.1.0 (2024-03-18)");
    repo.git("commit", "-q", "-m", "Release 1.1.0");
    // Moved and renamed at once: only git's rename detection ties the two.
    mkdirSync(join(repo.dir, "packages", "ui"));
    repo.git("mv", "packages/widgets/package.json", "packages/ui/package.json");
    repo.git("mv", "packages/widgets/CHANGELOG.md", "packages/ui/CHANGELOG.md");
    repo.write("packages/ui/package.json", manifest("@acme/ui", "2.0.0"));
    repo.write("packages/ui/CHANGELOG.md", changelog(["2.0.0", "1.1.0", "1.0.0"]));
    repo.git("add", ".");
    const renamed = await gatherRelease({ cwd: repo.dir });
    expect(renamed.packages.map((pkg) => [pkg.name, pkg.from, pkg.to])).toEqual([["@acme/ui", "1.1.0", "2.0.0"]]);
  });

  it("does not take a removed crate for a new one that git pairs with it", async () => {
    repo = makeRepo();
    const crate = (name: string, version: string) => `[package]\nname = "${name}"\nversion = "${version}"\nedition = "2021"\n\n[dependencies]\n`;
    repo.write("Cargo.toml", '[workspace]\nmembers = ["crates/*"]\n');
    repo.write("crates/parser/Cargo.toml", crate("parser", "0.4.1"));
    repo.write("crates/core/Cargo.toml", crate("core", "1.0.0"));
    repo.write("CHANGELOG.md", "## core 1.0.0\n\n- First\n");
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "Initial");
    repo.git("rm", "-q", "crates/parser/Cargo.toml");
    repo.write("crates/cli/Cargo.toml", crate("cli", "0.1.0"));
    repo.git("add", ".");
    // The two manifests differ in two lines of six: git's rename detection pairs them.
    expect(repo.git("diff", "--cached", "-M", "--name-status", "HEAD")).toMatch(/^R\d+\tcrates\/parser\/Cargo\.toml\tcrates\/cli\/Cargo\.toml$/m);
    const release = await gatherRelease({ cwd: repo.dir, changelogs: ["CHANGELOG.md"], version: "0.1.0" });
    expect(release.packages.map((pkg) => [pkg.name, pkg.from, pkg.to])).toEqual([["cli", null, "0.1.0"]]);
  });

  describe("a Python project leaving a dynamic version for a static one", () => {
    const dynamic = '[project]\nname = "mylib"\ndynamic = ["version"]\n';
    const pinned = (version: string) => `[project]\nname = "mylib"\nversion = "${version}"\n`;
    const dynamicRepo = (tag?: string): TempRepo => {
      repo = makeRepo();
      repo.write("pyproject.toml", dynamic);
      repo.write("CHANGELOG.md", changelog(["1.2.0"]));
      repo.git("add", ".");
      repo.git("commit", "-q", "-m", "Initial");
      if (tag) repo.git("tag", tag);
      repo.write("README.md", "mylib\n");
      repo.git("add", ".");
      repo.git("commit", "-q", "-m", "Docs");
      repo.write("pyproject.toml", pinned("1.3.0"));
      return repo;
    };

    it("takes the previous version from the last release tag, which set it", async () => {
      for (const tag of ["v1.2.0", "mylib-v1.2.0", "1.2.0"]) {
        const repo = dynamicRepo(tag);
        // The changelog has no heading for 1.2.0's successor below 1.3.0: only the tag knows.
        repo.write("CHANGELOG.md", changelog(["1.3.0"]));
        repo.git("add", ".");
        const release = await gatherRelease({ cwd: repo.dir });
        expect(release.packages.map((pkg) => [pkg.from, pkg.to]), tag).toEqual([["1.2.0", "1.3.0"]]);
        repo.cleanup();
      }
    });

    it("else takes it from the changelog's heading below the released one", async () => {
      const repo = dynamicRepo();
      repo.write("CHANGELOG.md", changelog(["1.3.0", "1.2.0"]));
      repo.git("add", ".");
      const release = await gatherRelease({ cwd: repo.dir });
      expect(release.packages.map((pkg) => [pkg.from, pkg.to])).toEqual([["1.2.0", "1.3.0"]]);
      expect(composeReleaseMessage(release).split("\n")[2]).toBe("mylib 1.2.0 -> 1.3.0 (2024-03-18)");
    });

    it("else says the previous version is unknown, not that this is a first release", async () => {
      const repo = dynamicRepo();
      repo.write("CHANGELOG.md", changelog(["1.3.0"]));
      repo.git("add", ".");
      const release = await gatherRelease({ cwd: repo.dir });
      expect(release.packages.map((pkg) => [pkg.from, pkg.to, pkg.fromUnknown])).toEqual([[null, "1.3.0", true]]);
      expect(composeReleaseMessage(release).split("\n")[2]).toBe("mylib 1.3.0 (2024-03-18) (previous version unknown)");
    });
  });

  it("finds each workspace member's changelog, or a given one", async () => {
    repo = makeRepo();
    const write = (a: string, b: string) => {
      repo!.write("package.json", JSON.stringify({ private: true, workspaces: ["packages/*"] }) + "\n");
      repo!.write("packages/a/package.json", JSON.stringify({ name: "a", version: a }) + "\n");
      repo!.write("packages/b/package.json", JSON.stringify({ name: "b", version: b }) + "\n");
      repo!.write("packages/a/CHANGELOG.md", `## ${a}\n\n- a notes\n`);
      repo!.write("docs/b-changes.md", `## ${b}\n\n- b notes\n`);
    };
    write("1.0.0", "1.0.0");
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "Initial");
    write("1.0.1", "2.0.0");
    repo.git("add", ".");
    // The error states the facts in the call's terms, naming no command a library caller does not run.
    const missing = await gatherRelease({ cwd: repo.dir }).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(MissingChangelogError);
    expect(missing).toMatchObject({
      message: "no changelog for b 2.0.0: expected packages/b/CHANGELOG.md in the index",
      details: ["add it with the release's section"],
      packageName: "b",
      version: "2.0.0",
      expected: "packages/b/CHANGELOG.md",
      state: "the index",
    });
    // With changelogOptional (the hook, for npm version's commits) b is released with its versions alone.
    const optional = await gatherRelease({ cwd: repo.dir, changelogOptional: true });
    expect(optional.packages.map((pkg) => [pkg.name, pkg.from, pkg.to, pkg.changelog?.file])).toEqual([
      ["a", "1.0.0", "1.0.1", "packages/a/CHANGELOG.md"],
      ["b", "1.0.0", "2.0.0", undefined],
    ]);
    // The one changelog given goes to the one package without its own.
    const release = await gatherRelease({ cwd: join(repo.dir, "docs"), changelogs: ["b-changes.md"] });
    expect(release.packages.map((pkg) => [pkg.name, pkg.changelog?.file])).toEqual([
      ["a", "packages/a/CHANGELOG.md"],
      ["b", "docs/b-changes.md"],
    ]);
    const named = await gatherRelease({ cwd: repo.dir, changelogs: ["b=docs/b-changes.md", "a=docs/b-changes.md"] });
    expect(named.packages.map((pkg) => [pkg.name, pkg.changelog?.file])).toEqual([
      ["a", "docs/b-changes.md"],
      ["b", "docs/b-changes.md"],
    ]);
    await expect(gatherRelease({ cwd: repo.dir, changelogs: ["c=docs/b-changes.md"] })).rejects.toMatchObject({
      message: "changelog c=docs/b-changes.md: no released package is named c",
    });
    // A package named twice is that, not "no released package is named a" while a is released.
    await expect(gatherRelease({ cwd: repo.dir, changelogs: ["a=docs/b-changes.md", "a=packages/a/CHANGELOG.md"] })).rejects.toMatchObject({
      message: "changelog a=packages/a/CHANGELOG.md: a already has changelog a=docs/b-changes.md; give one changelog a package",
    });
    // options.version, like --version, names one package's changelog version.
    await expect(gatherRelease({ cwd: repo.dir, version: "2.0.0" })).rejects.toMatchObject({ message: "version 2.0.0 applies to one package, but 2 packages changed version: a, b" });
    // A line break around it, which the version check allows, is shown escaped: one line.
    await expect(gatherRelease({ cwd: repo.dir, version: "2.0.0\n" })).rejects.toMatchObject({ message: 'version "2.0.0\\n" applies to one package, but 2 packages changed version: a, b' });
  });

  it("names a changelog path that cannot be one in words that fit both the option and the CLI flag", async () => {
    const repo = releasedRepo();
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "0.0.4" }, null, 2) + "\n");
    mkdirSync(join(repo.dir, "docs"));
    repo.git("add", ".");
    // A library caller passed options.changelogs, not --changelog: no flag is named.
    await expect(gatherRelease({ cwd: repo.dir, changelogs: ["CHANGES.txt"] })).rejects.toThrow(
      new UsageError("changelog CHANGES.txt does not exist; expected a path to a Markdown changelog"),
    );
    await expect(gatherRelease({ cwd: repo.dir, changelogs: ["hds_test0=docs"] })).rejects.toThrow(
      new UsageError("changelog docs (for hds_test0) is a directory; expected a Markdown changelog file"),
    );
    const outside = join(dirname(repo.dir), "no-such-changelog.md");
    await expect(gatherRelease({ cwd: repo.dir, changelogs: [outside] })).rejects.toThrow(
      new UsageError(`changelog ${outside} cannot be read; expected a Markdown changelog file`),
    );
  });

  it("refuses a new manifest version that is no version of its scheme, in every manifest it reads", async () => {
    const multiLine = `1.0.0\nsecond line\n${"9".repeat(100)}`;
    const quoted = JSON.stringify(`${multiLine.slice(0, 59)}…`);
    const broken = "it holds a line break; a version is one word, such as 1.2.3";
    const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";
    // TOML writes the line breaks as escapes in a basic string; the parser gives them back.
    const toml = (version: string) => JSON.stringify(version);
    const npmWorkspace = (version: string) => ({ "package.json": json({ private: true, workspaces: ["packages/*"] }), "packages/a/package.json": json({ name: "a", version }) });
    const cargoWorkspace = (version: string) => ({
      "Cargo.toml": `[workspace]\nmembers = ["crates/*"]\n\n[workspace.package]\nversion = ${toml(version)}\n`,
      "crates/core/Cargo.toml": '[package]\nname = "core"\nversion.workspace = true\n',
    });
    const cases: [files: (version: string) => Record<string, string>, version: string, message: string][] = [
      [(version) => ({ "package.json": json({ name: "web", version }) }), multiLine, `package.json version ${quoted} in the index is not a SemVer version: ${broken}`],
      [npmWorkspace, multiLine, `packages/a/package.json version ${quoted} in the index is not a SemVer version: ${broken}`],
      [(version) => ({ "Cargo.toml": `[package]\nname = "crate"\nversion = ${toml(version)}\n` }), multiLine, `Cargo.toml version ${quoted} in the index is not a SemVer version: ${broken}`],
      [cargoWorkspace, multiLine, `crates/core/Cargo.toml version ${quoted} in the index is not a SemVer version: ${broken}`],
      [(version) => ({ "pyproject.toml": `[project]\nname = "lib"\nversion = ${toml(version)}\n` }), multiLine, `pyproject.toml version ${quoted} in the index is not a PEP 440 version: ${broken}`],
      [(version) => ({ "pyproject.toml": `[tool.poetry]\nname = "lib"\nversion = ${toml(version)}\n` }), multiLine, `pyproject.toml version ${quoted} in the index is not a PEP 440 version: ${broken}`],
      // Blanks around it are shown quoted; npm would trim them, but the message would carry them.
      [(version) => ({ "package.json": json({ name: "web", version }) }), " 1.0.0", 'package.json version " 1.0.0" in the index is not a SemVer version: it holds a blank; a version is one word, such as 1.2.3'],
      // An empty version is shown as such, not as a gap between two blanks.
      [(version) => ({ "package.json": json({ name: "web", version }) }), "", 'package.json version "" in the index is not a SemVer version: expected one such as 1.2.3 or 2.0.0-rc.1, as npm publish and cargo require'],
      [(version) => ({ "pyproject.toml": `[project]\nname = "lib"\nversion = ${toml(version)}\n` }), "", 'pyproject.toml version "" in the index is not a PEP 440 version: expected one such as 1.2.3, 2.0.0rc1 or 1.2.3.post1, as pip requires'],
      // Text that no parser of the scheme reads is refused too, under each scheme's own terms.
      [(version) => ({ "package.json": json({ name: "web", version }) }), "1.0.0.post1", "package.json version 1.0.0.post1 in the index is not a SemVer version: expected one such as 1.2.3 or 2.0.0-rc.1, as npm publish and cargo require"],
      [(version) => ({ "pyproject.toml": `[project]\nname = "lib"\nversion = ${toml(version)}\n` }), "banana", "pyproject.toml version banana in the index is not a PEP 440 version: expected one such as 1.2.3, 2.0.0rc1 or 1.2.3.post1, as pip requires"],
    ];
    for (const [files, version, message] of cases) {
      const repo = makeRepo();
      try {
        for (const [path, text] of Object.entries(files("0.9.0"))) repo.write(path, text);
        repo.write("CHANGELOG.md", changelog(["1.0.0", "0.9.0"]));
        repo.git("add", ".");
        repo.git("commit", "-q", "-m", "Initial");
        for (const [path, text] of Object.entries(files(version))) repo.write(path, text);
        repo.git("add", ".");
        const error = await gatherRelease({ cwd: repo.dir }).then(() => undefined, (thrown: unknown) => thrown);
        expect(error, message).toBeInstanceOf(UsageError);
        expect((error as UsageError).message).toBe(message);
        // Without a changelog to look for (npm version's commits), it is refused all the same, not released.
        await expect(gatherRelease({ cwd: repo.dir, changelogOptional: true })).rejects.toThrow(message);
        // The same manifest with the version it meant is a release.
        for (const [path, text] of Object.entries(files("1.0.0"))) repo.write(path, text);
        repo.git("add", ".");
        expect((await gatherRelease({ cwd: repo.dir })).packages.map((pkg) => pkg.to)).toEqual(["1.0.0"]);
      } finally {
        repo.cleanup();
      }
    }
  });

  it("says nothing is bumped, and when the directory is not a repository", async () => {
    const repo = releasedRepo();
    repo.write("README.md", "hello\n");
    repo.git("add", ".");
    await expect(gatherRelease({ cwd: repo.dir })).rejects.toBeInstanceOf(NothingToReleaseError);
    await expect(gatherRelease({ cwd: repo.dir })).rejects.toThrow(
      "nothing to release: no version changed in package.json, Cargo.toml or pyproject.toml between HEAD and the index",
    );
    const outside = mkdtempSync(join(tmpdir(), "rationale-not-a-repo-"));
    try {
      // The fact alone, with the directory as a field: where to run is the caller's to say (the
      // CLI names its command), which a library caller does not run.
      const error = await gatherRelease({ cwd: outside }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(NotARepositoryError);
      expect(error).toBeInstanceOf(UsageError);
      expect(error).toMatchObject({ message: `not a git repository: ${outside}`, details: [], cwd: outside });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe("the release functions called with the wrong arguments from JavaScript", () => {
  it("throw a TypeError saying what they take, not a failure deep inside", async () => {
    const call = (fn: (...args: unknown[]) => unknown, ...args: unknown[]) => fn(...args);
    expect(() => call(composeReleaseMessage as (...args: unknown[]) => unknown, {})).toThrow(/^composeReleaseMessage\(\) takes \{ packages: \[\.\.\.\] \}/);
    expect(() => call(composeReleaseMessage as (...args: unknown[]) => unknown)).toThrow(TypeError);
    await expect(call(gatherRelease as (...args: unknown[]) => unknown) as Promise<unknown>).rejects.toThrow(/^gatherRelease\(\) needs options\.cwd/);
    await expect(call(releaseFromStates as (...args: unknown[]) => unknown, memoryState({}, "HEAD")) as Promise<unknown>).rejects.toThrow(/after is not one/);
  });

  it("check gatherRelease()'s options and composeReleaseMessage()'s input keys, naming the option and what it takes", async () => {
    const cwd = process.cwd();
    const gather = (options: unknown) => (gatherRelease as (options: unknown) => Promise<unknown>)(options);
    const refused: [unknown, string][] = [
      [{ cwd, form: "v1.0.0" }, 'gatherRelease() has no option "form"; it takes { cwd, from, to, changelogs, version, skipUnborn, changelogOptional, amend }'],
      [{ cwd, from: 5 }, "gatherRelease() options.from must be a revision (a commit, branch or tag), as a string, not the number 5"],
      [{ cwd, from: "HEAD", to: null }, "gatherRelease() options.to must be a revision (a commit, branch or tag), as a string, not null"],
      [{ cwd, changelogs: "CHANGELOG.md" }, 'gatherRelease() options.changelogs must be an array of paths such as ["CHANGELOG.md"], not the string "CHANGELOG.md"'],
      [{ cwd, changelogs: [42] }, 'gatherRelease() options.changelogs[0] must be a path, or "NAME=PATH", as a string, not the number 42'],
      [{ cwd, version: 2 }, 'gatherRelease() options.version must be the changelog version to describe, as a string such as "1.2.0", not the number 2'],
      [{ cwd, skipUnborn: "yes" }, 'gatherRelease() options.skipUnborn must be true or false, not the string "yes"'],
      [{ cwd, changelogOptional: 1 }, "gatherRelease() options.changelogOptional must be true or false, not the number 1"],
      [{ cwd, amend: "HEAD" }, 'gatherRelease() options.amend must be true or false, not the string "HEAD"'],
    ];
    for (const [options, message] of refused) {
      const error = await gather(options).catch((caught: unknown) => caught);
      expect(error, JSON.stringify(options)).toBeInstanceOf(TypeError);
      expect((error as Error).message).toBe(message);
    }
    const input = { packages: [{ name: "a", from: "1.0.0", to: "1.1.0" }], tempate: "release {version}" };
    expect(() => composeReleaseMessage(input as never)).toThrow(
      new TypeError('composeReleaseMessage() has no input "tempate"; it takes { packages, template, trailers, existingMessage, width, commentChar }'),
    );
  });

  it("refuse a gatherRelease() version that is no version, as the CLI refuses such a --version", async () => {
    const repo = releasedRepo();
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "0.0.4" }, null, 2) + "\n");
    repo.write("CHANGELOG.md", changelog(["0.0.4", "0.0.3"]));
    repo.git("add", ".");
    const error = await gatherRelease({ cwd: repo.dir, version: "0.0.4\nextra" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ message: 'version "0.0.4\\nextra" is not a version; expected one such as 1.2.3, v1.2.3, 1.2, 2.0.0-rc.1 or 1.2.3.post1', leadingOption: "version" });
    // Checked before the repository is: outside one it is still the version that is wrong.
    await expect(gatherRelease({ cwd: tmpdir(), version: "banana" })).rejects.toThrow('version "banana" is not a version');
    expect((await gatherRelease({ cwd: repo.dir, version: "0.0.4" })).packages.map((pkg) => pkg.to)).toEqual(["0.0.4"]);
  });

  it("check releaseFromStates()'s options, naming the option and what it takes", async () => {
    const state = memoryState({ "package.json": '{ "name": "a", "version": "1.0.0" }' }, "HEAD");
    const states = (options: unknown) => (releaseFromStates as (...args: unknown[]) => Promise<unknown>)(state, state, options);
    const refused: [unknown, string][] = [
      [null, "releaseFromStates() options must be an object such as { changelogs, version }, not null"],
      ["CHANGELOG.md", 'releaseFromStates() options must be an object such as { changelogs, version }, not the string "CHANGELOG.md"'],
      [{ changelog: ["CHANGELOG.md"] }, 'releaseFromStates() has no option "changelog"; it takes { changelogs, version, changedPaths, fallbackName, renamed, taggedVersion, changelogOptional }'],
      [{ changelogs: "CHANGELOG.md" }, 'releaseFromStates() options.changelogs must be an array of repository paths such as ["CHANGELOG.md"], not the string "CHANGELOG.md"'],
      [{ changelogs: [42] }, 'releaseFromStates() options.changelogs[0] must be a repository path, or "NAME=PATH", as a string, not the number 42'],
      [{ version: 2 }, 'releaseFromStates() options.version must be the changelog version to describe, as a string such as "1.2.0", not the number 2'],
      [{ changedPaths: "package.json" }, 'releaseFromStates() options.changedPaths must be an array of repository paths, as strings, not the string "package.json"'],
      [{ fallbackName: false }, "releaseFromStates() options.fallbackName must be the release's name, as a string, not the boolean false"],
      [{ renamed: { "b/package.json": "a/package.json" } }, "releaseFromStates() options.renamed must be a Map of new manifest path -> old path, both strings (new Map(Object.entries(object)) from an object), not an object"],
      [{ renamed: new Map([["b/package.json", 1]]) }, "releaseFromStates() options.renamed must be a Map of new manifest path -> old path, both strings (new Map(Object.entries(object)) from an object), not a Map"],
      [{ taggedVersion: "v1.0.0" }, 'releaseFromStates() options.taggedVersion must be a function of { name, bareTags } returning a promise of the version or null, not the string "v1.0.0"'],
      [{ changelogOptional: "yes" }, 'releaseFromStates() options.changelogOptional must be true or false, not the string "yes"'],
    ];
    for (const [options, message] of refused) {
      const error = await states(options).catch((caught: unknown) => caught);
      expect(error, String(options)).toBeInstanceOf(TypeError);
      expect((error as Error).message).toBe(message);
    }
    // A string that is no version is refused as the CLI refuses such a --version: the same words,
    // a UsageError about option version, before the states are read (here nothing changed).
    const expected = "expected one such as 1.2.3, v1.2.3, 1.2, 2.0.0-rc.1 or 1.2.3.post1";
    for (const [version, shown] of [["banana", '"banana"'], ["1.2.0\nsecond line", '"1.2.0\\nsecond line"'], ["", '""'], ["1.x", '"1.x"']]) {
      const error = await states({ version }).catch((caught: unknown) => caught);
      expect(error, version).toBeInstanceOf(UsageError);
      expect(error).toMatchObject({ message: `version ${shown} is not a version; ${expected}`, leadingOption: "version", option: "--version" });
    }
    // Blanks around a version are allowed, as the CLI allows them.
    await expect(states({ version: " 1.0.0 " })).rejects.toThrow("no changelog at the repository root in HEAD; expected CHANGELOG.md");
    // Right shapes pass the check: here nothing changed, which is the error that follows.
    const valid = { changedPaths: ["README.md"], fallbackName: "x", renamed: new Map([["b", "a"]]), taggedVersion: async () => null };
    await expect(states(valid)).rejects.toBeInstanceOf(NothingToReleaseError);
    await expect(states(undefined)).rejects.toBeInstanceOf(NothingToReleaseError);
  });
});
