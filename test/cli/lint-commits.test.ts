// `rationale lint --commits RANGE`: every commit of a range judged as `--commit` judges one, for CI gates.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { assertBuilt, makeRepo, runCli, tempDir, type TempRepo } from "./helpers.js";

vi.setConfig({ testTimeout: 60_000 });

const GOOD = "Retry the fetch when the first request times out\n\nOn flaky networks one timeout ended the whole fetch, because the loop\ngave up after its first attempt. Retry three times with a backoff.\n";

let repo: TempRepo;
let base: string;

beforeAll(() => {
  assertBuilt();
  repo = makeRepo();
  base = repo.git(["rev-parse", "HEAD"]).stdout.trim();
  repo.git(["commit", "-q", "--no-verify", "--allow-empty", "-m", "Fix stuff"]);
  repo.git(["commit", "-q", "--no-verify", "--allow-empty", "-F", "-"], { input: GOOD });
});

function lintCommits(args: string[], cwd = repo.dir) {
  return runCli(["lint", "--commits", ...args], { cwd, home: repo.home });
}

describe("rationale lint --commits", () => {
  it("lints each commit of the range, newest first, and fails when one fails (exit 1)", () => {
    const run = lintCommits([`${base}..HEAD`]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const headers = run.stdout.split("\n").filter((line) => /^[0-9a-f]{12} /.test(line));
    expect(headers).toHaveLength(2);
    expect(headers[0]).toMatch(/^[0-9a-f]{12} Retry the fetch when the first request times out {2}score \d+\/100 .* PASS$/);
    expect(headers[1]).toMatch(/^[0-9a-f]{12} Fix stuff {2}score \d+\/100 .* FAIL \(errors: summary-vague, body-required\)$/);
    // Each finding points into its own commit's message, as `--commit` does.
    expect(run.stdout).toMatch(/^1:1 +error +.+ {2}summary-vague\n {4}Fix stuff\n {4}\^~~~~~~~~$/m);
    const failing = repo.git(["rev-parse", "HEAD~1"]).stdout.trim().slice(0, 12);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(`2 commits checked: 1 fails (${failing})`);
  });

  it("names the first ten failing commits in the closing line and counts the rest", () => {
    const many = makeRepo();
    for (let n = 1; n <= 11; n++) many.git(["commit", "-q", "--no-verify", "--allow-empty", "-m", `Fix stuff ${n}`]);
    const run = lintCommits(["HEAD~11..HEAD"], many.dir);
    expect(run.status).toBe(1);
    const newest = many.git(["rev-list", "-n", "10", "HEAD"]).stdout.trim().split("\n").map((sha) => sha.slice(0, 12));
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(`11 commits checked: 11 fail (${newest.join(", ")}, …)`);
  });

  it("passes when every commit of the range passes (exit 0)", () => {
    const run = lintCommits(["HEAD~1..HEAD"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("1 commit checked: it passes");
  });

  it("--quiet leaves out the commits that pass, and says nothing when all do", () => {
    const run = lintCommits([`${base}..HEAD`, "--quiet"]);
    expect(run.status).toBe(1);
    const headers = run.stdout.split("\n").filter((line) => /^[0-9a-f]{12} /.test(line));
    expect(headers).toEqual([expect.stringMatching(/^[0-9a-f]{12} Fix stuff {2}score .* FAIL/)]);
    expect(run.stdout).toMatch(/^[0-9a-f]{12} Fix stuff/);
    const failing = repo.git(["rev-parse", "HEAD~1"]).stdout.trim().slice(0, 12);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(`2 commits checked: 1 fails (${failing})`);
    expect(lintCommits(["HEAD~1..HEAD", "--quiet"])).toMatchObject({ status: 0, stdout: "", stderr: "" });
  });

  it("counts a skipped fixup! commit as skipped in the closing line, not as a pass", () => {
    const fixups = makeRepo();
    fixups.git(["commit", "-q", "--no-verify", "--allow-empty", "-m", "Retry the fetch when the first request times out\n\nThe first request often times out while the cache warms up, so the\nimport failed for no reason. Retry it once after a second."]);
    fixups.git(["commit", "-q", "--no-verify", "--allow-empty", "-m", "fixup! Retry the fetch when the first request times out"]);
    fixups.git(["commit", "-q", "--no-verify", "--allow-empty", "-m", "Fix stuff"]);
    const last = (range: string) => {
      const run = lintCommits([range], fixups.dir);
      return [run.status, run.stdout.trimEnd().split("\n").at(-1)];
    };
    const failing = fixups.git(["rev-parse", "HEAD"]).stdout.trim().slice(0, 12);
    expect(last("HEAD~1..HEAD~0")).toEqual([1, `1 commit checked: 1 fails (${failing})`]);
    expect(last("HEAD~2..HEAD~1")).toEqual([0, "1 commit checked: it is skipped"]);
    expect(last("HEAD~3..HEAD~1")).toEqual([0, "2 commits checked: 1 passes, 1 skipped"]);
    expect(last("HEAD~3..HEAD")).toEqual([1, `3 commits checked: 1 fails (${failing}), 1 skipped`]);
    expect(last("HEAD~3..HEAD~2")).toEqual([0, "1 commit checked: it passes"]);
  });

  it("gives one JSON document with each commit's full hash and result", () => {
    const run = lintCommits([`${base}..HEAD`, "--format", "json"]);
    expect(run.status).toBe(1);
    const { results } = JSON.parse(run.stdout) as { results: { source: string; pass: boolean; findings: { ruleId: string }[] }[] };
    const hashes = repo.git(["rev-list", `${base}..HEAD`]).stdout.trim().split("\n");
    expect(results.map((result) => result.source)).toEqual(hashes);
    expect(results.map((result) => result.pass)).toEqual([true, false]);
    expect(results[1].findings.map((finding) => finding.ruleId)).toContain("summary-vague");
  });

  it("names each result's commit as sha too, as the audit's JSON does, so one reader takes both", () => {
    const lint = JSON.parse(lintCommits([`${base}..HEAD`, "--format", "json"]).stdout) as { results: Record<string, unknown>[] };
    const audit = JSON.parse(runCli(["audit", `${base}..HEAD`, "--format", "json"], { cwd: repo.dir, home: repo.home }).stdout) as { commits: Record<string, unknown>[] };
    const byCommit = (entries: Record<string, unknown>[]) => entries.map(({ sha, score, pass }) => ({ sha, score, pass }));
    expect(byCommit(lint.results)).toEqual(byCommit(audit.commits));
    expect(lint.results.map((result) => result.sha)).toEqual(repo.git(["rev-list", `${base}..HEAD`]).stdout.trim().split("\n"));
    // Added beside source, which stays the full hash for the readers that use it.
    for (const result of lint.results) expect(Object.keys(result).slice(0, 3)).toEqual(["source", "sha", "kind"]);
    expect(lint.results.map((result) => result.source)).toEqual(lint.results.map((result) => result.sha));
  });

  it("judges a merge commit as a merge, from its parents", () => {
    const merged = makeRepo();
    merged.git(["switch", "-q", "-c", "topic"]);
    merged.git(["commit", "-q", "--no-verify", "--allow-empty", "-F", "-"], { input: GOOD });
    merged.git(["switch", "-q", "main"]);
    merged.git(["merge", "-q", "--no-ff", "--no-verify", "-m", "Merge branch 'topic'", "topic"]);
    const run = lintCommits(["HEAD^..HEAD", "--format", "json"], merged.dir);
    const { results } = JSON.parse(run.stdout) as { results: { kind: string; pass: boolean }[] };
    expect(results[0]).toMatchObject({ kind: "merge", pass: true });
    expect(run.status).toBe(0);
    // Not from its text: a merge in other words is still one, git's words on one parent are not.
    merged.git(["switch", "-q", "-c", "other", "HEAD^"]);
    merged.git(["commit", "-q", "--no-verify", "--allow-empty", "-m", "Merge branch 'hotfix'"]);
    merged.git(["merge", "-q", "--no-ff", "--no-verify", "-m", "Bring the topic branch in", "topic"]);
    const { results: both } = JSON.parse(lintCommits(["HEAD~2..HEAD", "--format", "json"], merged.dir).stdout) as { results: { source: string; kind: string }[] };
    const kindOf = (rev: string) => both.find((result) => result.source === merged.git(["rev-parse", rev]).stdout.trim())?.kind;
    expect(kindOf("HEAD")).toBe("merge");
    expect(kindOf("HEAD^")).toBe("normal");
  });

  it("warns when a shallow clone's edge cut the range short of what was asked", () => {
    const clone = join(tempDir(), "clone");
    // A branch at the first commit, fetched with the shallow clone: the excluded side of a range.
    repo.git(["branch", "-f", "old", repo.git(["rev-list", "--max-parents=0", "HEAD"]).stdout.trim()]);
    repo.git(["clone", "-q", "--depth", "2", "--no-single-branch", `file://${repo.dir}`, clone]);
    const edge = repo.git(["rev-parse", "HEAD~1"]).stdout.trim().slice(0, 12);
    // main..HEAD in CI: the merge base was not fetched, so the range runs on to the edge.
    const excluding = runCli(["lint", "--commits", "origin/old..HEAD"], { cwd: clone, home: repo.home });
    expect(excluding.stderr).toBe(
      `rationale: warning: shallow clone: the range reached ${edge}, where the fetched history stops, so it may hold commits beyond origin/old..HEAD; fetch deeper (git fetch --deepen=N, or --unshallow) so that the range ends where you meant\n`,
    );
    // A whole history stops short at the edge instead: its older commits were never read.
    const run = runCli(["lint", "--commits", "HEAD"], { cwd: clone, home: repo.home });
    expect(run.stdout.trimEnd().split("\n").at(-1)).toMatch(/^2 commits checked: 1 fails/);
    expect(run.stderr).toBe(
      `rationale: warning: shallow clone: the history stops at ${edge}, so the older commits of HEAD were not checked; fetch deeper (git fetch --deepen=N, or --unshallow) to check them\n`,
    );
    // A range that ends before the edge needs no warning.
    expect(runCli(["lint", "--commits", "HEAD~1..HEAD"], { cwd: clone, home: repo.home }).stderr).toBe("");
  });

  it("keeps only the commits touching the paths given after --, as git log RANGE -- PATH does", () => {
    const paths = makeRepo();
    paths.write("src/app.ts", "1\n");
    paths.git(["add", "-A"]);
    paths.git(["commit", "-q", "--no-verify", "-m", "Fix stuff"]);
    paths.write("docs/guide.md", "1\n");
    paths.git(["add", "-A"]);
    paths.git(["commit", "-q", "--no-verify", "-F", "-"], { input: GOOD });
    const sources = (args: string[]) => {
      const run = lintCommits(args, paths.dir);
      return [run.status, run.stderr, run.status === 2 ? [] : (JSON.parse(run.stdout) as { results: { source: string }[] }).results.map((result) => result.source.slice(0, 12))];
    };
    const [docs, src] = paths.git(["rev-list", "-n", "2", "HEAD"]).stdout.trim().split("\n").map((sha) => sha.slice(0, 12));
    expect(sources(["HEAD~2..HEAD", "--format", "json", "--", "src"])).toEqual([1, "", [src]]);
    expect(sources(["HEAD~2..HEAD", "--format", "json", "--", "docs/guide.md"])).toEqual([0, "", [docs]]);
    // Several paths, as git log takes them; options before the -- still count.
    expect(sources(["HEAD", "--format", "json", "--", "src", "docs"])).toEqual([1, "", [docs, src]]);
    const none = lintCommits(["HEAD~2..HEAD", "--", "nowhere"], paths.dir);
    // A path that names nothing gets the audit's hint, so a typo does not pass for a quiet path.
    expect(none).toMatchObject({
      status: 0,
      stdout: "",
      stderr: "rationale: no commits in HEAD~2..HEAD touch nowhere; nothing to check\nrationale: note: path nowhere names nothing in the working tree or at HEAD; check its spelling\n",
    });
    // A path where the range goes names the way git log takes it; lint has no --path to point to.
    expect(lintCommits(["src"], paths.dir)).toMatchObject({
      status: 2,
      stderr: "rationale: unknown revision: 'src' is a path, not a commit or range; for the commits touching it, end the command with -- src\n",
    });
    // Without --commits, -- still only ends the options: a FILE may start with "-".
    paths.write("-draft.txt", GOOD);
    expect(runCli(["lint", "--", "-draft.txt"], { cwd: paths.dir, home: paths.home }).status).toBe(0);
    // One deleted before the range says when it was last changed; one that exists gets no note.
    paths.git(["rm", "-q", "src/app.ts"]);
    paths.git(["commit", "-q", "--no-verify", "-F", "-"], { input: GOOD });
    const removal = paths.git(["log", "-1", "--format=%h%x00%cs"]).stdout.trim().split("\0");
    paths.git(["commit", "-q", "--no-verify", "--allow-empty", "-F", "-"], { input: GOOD });
    expect(lintCommits(["HEAD~1..HEAD", "--", "src/app.ts", "docs"], paths.dir)).toMatchObject({
      status: 0,
      stderr: `rationale: no commits in HEAD~1..HEAD touch src/app.ts, docs; nothing to check\nrationale: note: path src/app.ts names nothing in the working tree or at HEAD; it was last changed in ${removal[0]} on ${removal[1]}\n`,
    });
  });

  it("passes an empty range and says there was nothing to check", () => {
    const run = lintCommits(["HEAD..HEAD"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("rationale: no commits in HEAD..HEAD; nothing to check\n");
  });

  it("cuts a long range or revision where it echoes one, as every echoed value is (echoValue), and keeps paths whole", () => {
    // A branch name long enough to be pasted by mistake, naming HEAD: the range is empty.
    const branch = `topic/${"b".repeat(120)}`;
    repo.git(["branch", branch, "HEAD"]);
    try {
      const cut = (value: string) => `${value.slice(0, 59)}…`;
      const path = `src/${"p".repeat(100)}.ts`;
      const empty = lintCommits([`HEAD..${branch}`, "--", path]);
      expect(empty.status).toBe(0);
      expect(empty.stderr.split("\n")[0]).toBe(`rationale: no commits in ${cut(`HEAD..${branch}`)} touch ${path}; nothing to check`);
      // --commit with such a revision: the report's label is the revision cut, then the hash.
      const one = runCli(["lint", "--commit", branch], { cwd: repo.dir, home: repo.home });
      const short = repo.git(["rev-parse", "HEAD"]).stdout.trim().slice(0, 12);
      expect(one.stdout.split("\n")[0]).toMatch(new RegExp(`^${cut(branch)} \\(${short}\\) {2}score `));
      // JSON keeps the revision whole: it is data, not a line for people.
      expect(JSON.parse(runCli(["lint", "--commit", branch, "--format", "json"], { cwd: repo.dir, home: repo.home }).stdout).results[0].source).toBe(branch);
      const both = lintCommits([branch, "--commit", branch]);
      expect(both.stderr).toBe(`rationale: give only one message source; got --commits '${cut(branch)}' and --commit '${cut(branch)}'. See: rationale lint --help\n`);
      const dashes = runCli(["lint", "--commit", branch, "--", path], { cwd: repo.dir, home: repo.home });
      expect(dashes.stderr).toBe(
        `rationale: paths after -- select the commits of --commits RANGE; --commit ${cut(branch)} lints that one commit (got '${path}' after --). See: rationale lint --help\n`,
      );
    } finally {
      repo.git(["branch", "-D", branch]);
    }
  });

  it("reports an unknown revision, a second source and a directory outside git in one line (exit 2)", () => {
    const unknown = lintCommits(["nope..HEAD"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe("rationale: unknown revision: 'nope..HEAD' does not name a commit or range in this repository: 'nope' names no commit\n");
    const both = lintCommits(["HEAD", "--commit", "HEAD"]);
    expect(both.status).toBe(2);
    expect(both.stderr).toBe("rationale: give only one message source; got --commits 'HEAD' and --commit 'HEAD'. See: rationale lint --help\n");
    const empty = join(tempDir(), "empty");
    repo.git(["init", "-q", empty]);
    const none = lintCommits(["HEAD"], empty);
    expect(none.status).toBe(2);
    expect(none.stderr).toBe("rationale: the repository has no commits yet; there are no commits to lint\n");
    const top = repo.git(["rev-parse", "--show-toplevel"]).stdout.trim();
    const outsidePath = lintCommits(["HEAD", "--", "/"]);
    expect(outsidePath.status).toBe(2);
    expect(outsidePath.stderr).toBe(`rationale: the path / after -- is outside the repository at ${top}; give a path inside it, from the current directory or absolute. See: rationale lint --help\n`);
    const outside = tempDir();
    const notRepo = runCli(["lint", "--commits", "HEAD"], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: join(outside, "..") } });
    expect(notRepo.status).toBe(2);
    expect(notRepo.stderr).toBe(`rationale: not a git repository: ${outside}; run rationale lint --commits in your repository\n`);
  });

  it("reports errors in the order docs/cli.md gives: not a repository, the config, then the range (exit 2)", () => {
    const badConfig = '{ "threshold": "high" }';
    const configError = (dir: string) =>
      `rationale: invalid configuration in ${join(dir, ".rationalerc.json")} (1 problem):\n  ${join(dir, ".rationalerc.json")}: threshold: got "high" (string); expected an integer from 0 to 100\n`;
    // Outside a repository the config found there is beside the point.
    const outside = tempDir();
    writeFileSync(join(outside, ".rationalerc.json"), badConfig);
    const notRepo = runCli(["lint", "--commits", "HEAD"], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: join(outside, "..") } });
    expect(notRepo).toMatchObject({ status: 2, stderr: `rationale: not a git repository: ${outside}; run rationale lint --commits in your repository\n` });
    // In one, a broken config comes before the range: no commits yet, an unknown revision, a tree.
    const empty = join(tempDir(), "empty");
    repo.git(["init", "-q", empty]);
    writeFileSync(join(empty, ".rationalerc.json"), badConfig);
    expect(lintCommits(["HEAD"], empty)).toMatchObject({ status: 2, stderr: configError(empty) });
    const dir = makeRepo();
    writeFileSync(join(dir.dir, ".rationalerc.json"), badConfig);
    for (const range of ["nosuch", "nosuch..HEAD", "HEAD^{tree}"]) {
      expect(runCli(["lint", "--commits", range], { cwd: dir.dir, home: dir.home }), range).toMatchObject({ status: 2, stderr: configError(dir.dir) });
    }
  });
});
