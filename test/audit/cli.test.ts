// `rationale audit` end to end: the built CLI on real git repositories, every format, every bad input.
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { availableParallelism } from "node:os";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GOOD_MESSAGE, VAGUE_MESSAGE, cli, git, gitEnv, makeRepo, openToOthers, parseJsonl, root, runCli, runCliUnprivileged, sharedBench, tempDir } from "./helpers.js";

const cleanup: string[] = [];
afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});
const track = (dir: string) => (cleanup.push(dir), dir);

/** A repository of `count` commits with real-looking messages, made with one git fast-import. */
function manyCommits(count: number): string {
  const repo = track(tempDir());
  git(repo, ["init", "-q", "-b", "main"]);
  let stream = "";
  for (let i = 0; i < count; i++) {
    const message = `Retry upload ${i} when the node times out\n\nUsers lost work because the client gave up after one try.\n`;
    stream += `commit refs/heads/main\ncommitter T <t@example.com> ${1700000000 + i} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`;
  }
  git(repo, ["fast-import", "--quiet"], stream);
  return repo;
}

// Every test runs git and the CLI several times on a shared, busy machine.
vi.setConfig({ testTimeout: 60_000 });

describe("audit of a small hand-made history", () => {
  let repo: string;
  beforeAll(() => {
    repo = track(
      makeRepo([
        { message: GOOD_MESSAGE, date: "2024-01-10T10:00:00+00:00", files: { "src.txt": "1" } },
        { message: VAGUE_MESSAGE, date: "2024-02-10T10:00:00+00:00", files: { "docs.txt": "1" } },
        { message: "fixup! Fix bug\n", date: "2024-02-11T10:00:00+00:00", files: { "docs.txt": "2" } },
        { message: "WIP\n", date: "2024-03-10T10:00:00+00:00", files: { "src.txt": "2" } },
        { message: "fix bug\n", date: "2024-03-12T10:00:00+00:00", files: { "src.txt": "3" } },
      ]),
    );
    git(repo, ["tag", "v1", "HEAD~3"]);
  });

  it("prints the text report with totals, shares, rules, worst commits, clusters and the trend", () => {
    const result = runCli(["audit"], repo);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const out = result.stdout;
    expect(out).toContain("5 commits from 2024-01-10 to 2024-03-12; 4 scored, 1 skipped");
    expect(out).toMatch(/Score: mean \d+(\.\d)?, median \d+/);
    expect(out).toContain("Score distribution");
    expect(out).toMatch(/has a body\s+\S*\s+25\.0%\s+1/);
    expect(out).toContain("Findings by rule");
    expect(out).toContain("summary-vague");
    // The two "fix bug" commits are alike: one row for both.
    expect(out).toContain("Worst 3 commits");
    expect(out).toMatch(/2×\s+fix bug\s+\(2 without a body\)/);
    expect(out).toContain("Trend by month");
    expect(out).toMatch(/2024-03\s+2\s/);
    expect(out).not.toContain("Test Author");
  });

  it("colours a worst commit's score by its verdict, green passing and red failing, in text and html", () => {
    const passing = "Retry uploads when the node times out\n\nUsers lost work because the client gave up after one try.\n";
    const dir = track(makeRepo([{ message: passing }, { message: VAGUE_MESSAGE }]));
    const { summary } = parseJsonl(runCli(["audit", "--format", "jsonl"], dir).stdout);
    expect(summary.worst.map((c: { score: number; pass: boolean }) => [c.score < 100, c.pass])).toEqual([[true, false], [true, true]]);
    const [fail, pass] = summary.worst;
    // On a terminal (script gives the CLI one), as lint colours PASS and FAIL.
    const env: NodeJS.ProcessEnv = { ...gitEnv, TERM: "xterm" };
    delete env.NO_COLOR;
    const tty = spawnSync("script", ["-qec", `"${process.execPath}" "${cli}" audit --no-progress`, "/dev/null"], { cwd: dir, env, encoding: "utf8" });
    expect(tty.stdout).toContain(`\u001b[31m${String(fail.score).padStart(3)}\u001b[39m`);
    expect(tty.stdout).toContain(`\u001b[32m${String(pass.score).padStart(3)}\u001b[39m`);
    const html = runCli(["audit", "--format", "html", "-o", join(dir, ".git", "audit.html")], dir);
    expect(html.status).toBe(0);
    const rows = readFileSync(join(dir, ".git", "audit.html"), "utf8");
    expect(rows).toContain(`<td class="num score fail">${fail.score}</td>`);
    expect(rows).toContain(`<td class="num score pass">${pass.score}</td>`);
  });

  it("gives each rule's share of the scored commits, as every other share (a skipped fixup has no findings)", () => {
    const lines = runCli(["audit"], repo).stdout.split("\n");
    const heading = lines.indexOf("Findings by rule (commits with the finding, share of scored commits)");
    expect(heading).toBeGreaterThan(0);
    const rows = lines.slice(heading + 1, lines.indexOf("", heading));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [, count, share] = /^\s+\S+\s+(\d+)\s+([\d.]+)%/.exec(row)!;
      expect(Number(share), row).toBeCloseTo((100 * Number(count)) / 4, 1);
    }
    const markdown = runCli(["audit", "--format", "markdown"], repo).stdout;
    const vague = /\| `summary-vague` \| (\d+) \| ([\d.]+)% \|/.exec(markdown)!;
    expect(Number(vague[2])).toBeCloseTo((100 * Number(vague[1])) / 4, 1);
  });

  it("puts each trend column under its heading", () => {
    const lines = runCli(["audit"], repo).stdout.split("\n");
    const heading = lines.findIndex((line) => line === "Trend by month");
    const [columns, ...rows] = lines.slice(heading + 1, heading + 4);
    for (const row of rows) {
      // Right-aligned numbers end where their heading ends.
      for (const name of ["commits", "pass", "body", "why", "what", "refs"]) {
        const end = columns.indexOf(name) + name.length;
        expect(row[end - 1], `${name} in ${JSON.stringify(row)}`).toMatch(/[\d%-]/);
        expect(row[end] ?? " ", `${name} in ${JSON.stringify(row)}`).toBe(" ");
      }
    }
  });

  it("says \"at most 1 commit\" in the heading of -n 1", () => {
    expect(runCli(["audit", "-n", "1"], repo).stdout.split("\n")[0]).toMatch(/\(HEAD, at most 1 commit\)$/);
    expect(runCli(["audit", "-n", "2"], repo).stdout.split("\n")[0]).toMatch(/\(HEAD, at most 2 commits\)$/);
  });

  it("names no count in the heading of a -n that selects every commit", () => {
    // git keeps the count in a C int: from 2,147,483,647 up, -n is no limit at all.
    for (const count of ["2147483647", "4294967296", "99999999999999999999"]) {
      expect(runCli(["audit", "-n", count], repo).stdout.split("\n")[0], count).toMatch(/\(HEAD\)$/);
      const json = JSON.parse(runCli(["audit", "-n", count, "--format", "json"], repo).stdout);
      expect(json.summary.selection, count).not.toHaveProperty("maxCount");
      expect(json.summary.commits, count).toBe(5);
    }
    expect(runCli(["audit", "-n", "2147483646"], repo).stdout.split("\n")[0]).toMatch(/\(HEAD, at most 2,147,483,646 commits\)$/);
  });

  it("shows a trend of one period with a note instead of leaving the section out", () => {
    const text = runCli(["audit", "--trend", "year"], repo).stdout;
    expect(text).toMatch(/Trend by year\n.*\n  2024\s+5\s/);
    expect(text).toContain("All commits fall in one year: a trend needs two or more (try --trend quarter or month).");
    const markdown = runCli(["audit", "--trend", "year", "--format", "markdown"], repo).stdout;
    expect(markdown).toContain("### Trend by year");
    expect(markdown).toContain("_All commits fall in one year: a trend needs two or more (try --trend quarter or month)._");
    expect(runCli(["audit"], repo).stdout).not.toContain("All commits fall in one");
  });

  it("writes json with a summary and every commit as { sha, date, author, ...lint result }", () => {
    const result = runCli(["audit", "--format", "json"], repo);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json).sort()).toEqual(["commits", "summary"]);
    expect(json.commits).toHaveLength(5);
    const shas = git(repo, ["log", "--format=%H"]).trim().split("\n");
    expect(json.commits.map((c: { sha: string }) => c.sha)).toEqual(shas);
    for (const commit of json.commits) {
      expect(commit).toMatchObject({ author: "Test Author", kind: expect.any(String), skipped: expect.any(Boolean), score: expect.any(Number), pass: expect.any(Boolean) });
      expect(commit.date).toMatch(/^2024-\d\d-\d\dT10:00:00\+00:00$/);
      expect(Array.isArray(commit.findings)).toBe(true);
      expect(Object.keys(commit.parts).sort()).toEqual(["context", "summary", "what", "why"]);
      expect(commit.facets).toBeTypeOf("object");
    }
    const fixup = json.commits.find((c: { summary: string }) => c.summary === "fixup! Fix bug");
    expect(fixup).toMatchObject({ kind: "fixup", skipped: true });
    const vague = json.commits.find((c: { summary: string }) => c.summary === "WIP");
    expect(vague.pass).toBe(false);
    expect(vague.findings.map((f: { ruleId: string }) => f.ruleId)).toContain("summary-vague");
    expect(json.summary).toMatchObject({ commits: 5, judged: 4, skipped: { count: 1 }, repository: expect.any(String) });
    expect(json.summary.score.histogram.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(4);
  });

  it("streams jsonl: one commit a line, then the summary line", () => {
    const result = runCli(["audit", "--format", "jsonl"], repo);
    expect(result.status).toBe(0);
    const { commits, summary } = parseJsonl(result.stdout);
    expect(commits).toHaveLength(5);
    expect(commits[0].summary).toBe("fix bug");
    expect(summary.commits).toBe(5);
    expect(summary.vagueSummaries[0]).toMatchObject({ count: 2, withoutBody: 2 });
  });

  it("writes markdown tables for a PR comment or job summary", () => {
    const result = runCli(["audit", "--format", "markdown"], repo);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^## Commit message audit: /);
    expect(result.stdout).toContain("| Explains why |");
    expect(result.stdout).toContain("### Findings by rule");
    expect(result.stdout).toContain("| `summary-vague` |");
    expect(result.stdout).toContain("### Worst 3 commits");
    expect(result.stdout).toContain("### Trend by month");
  });

  it("says how many more findings a worst commit has than the markdown table lists", () => {
    const dir = track(makeRepo([{ message: "fixed stuff.\n" }]));
    const lint = JSON.parse(runCli(["lint", "--commit", "HEAD", "--format", "json"], dir).stdout).results[0];
    expect(lint.findings.length).toBeGreaterThan(3);
    const row = runCli(["audit", "--format", "markdown"], dir).stdout.split("\n").find((line) => line.includes("fixed stuff"))!;
    expect(row.split("<br>")).toHaveLength(4);
    expect(row).toContain(`<br>… ${lint.findings.length - 3} more |`);
  });

  it("escapes commit text in markdown as the action's PR comment does: no ping, math, link or issue ref", () => {
    const ZWSP = "\u200b";
    const hostile = track(makeRepo([{ message: "Fix a|b @bob $x$ [link](http://e.com) for #12 <b>x</b>\n" }]));
    const result = runCli(["audit", "--format", "markdown"], hostile);
    expect(result.status).toBe(0);
    const row = result.stdout.split("\n").find((line) => line.includes("Fix a"))!;
    expect(row).toContain(`Fix a\\|b @${ZWSP}bob \\$x\\$ \\[link\\](http:${ZWSP}//e.com) for #${ZWSP}12 &lt;b&gt;x&lt;/b&gt;`);
    // Nothing GitHub would turn into a mention, formula, autolink or issue link survives anywhere.
    expect(result.stdout).not.toMatch(/@bob|(?<!\\)\$|http:\/\/|#12|<b>/);
  });

  it("shows the why and what levels of a worst commit that lost points without a finding", () => {
    const typo = track(makeRepo([{ message: GOOD_MESSAGE }, { message: "Fix typo\n" }]));
    const text = runCli(["audit"], typo).stdout;
    // The scoring page of this package, which the test's repository, outside it, names by its absolute path.
    expect(text).toMatch(/93 {2}\w{10} {2}2024-01-02 {2}Fix typo\n\s+no findings; why evident, what named \(see (\/\S+\/docs\/scoring\.md)\)/);
    expect(existsSync(/\(see (\S+)\)/.exec(text)![1]!)).toBe(true);
    // Named once, on the first row that needs it, not on every one.
    const typos = track(makeRepo([{ message: "Fix typo\n" }, { message: "Fix typos in the README\n" }]));
    const rows = runCli(["audit"], typos).stdout;
    expect(rows.match(/no findings; why evident, what named/g)).toHaveLength(2);
    expect(rows.match(/scoring\.md/g)).toHaveLength(1);
    expect(rows).toMatch(/no findings; why evident, what named \(see \S+scoring\.md\)\n[^]*no findings; why evident, what named\n/);
    const markdown = runCli(["audit", "--format", "markdown"], typo).stdout;
    expect(markdown).toMatch(/^\| 93 \| `\w{10}` \| 2024-01-02 \| Fix typo \| _no findings; why evident, what named_ \|$/m);
  });

  it("writes a self-contained html file that loads nothing from the network", () => {
    const out = join(tempDir(), "report.html");
    track(join(out, ".."));
    const result = runCli(["audit", "--format", "html", "--output", out], repo);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("report written to");
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toContain("default-src 'none'");
    expect(readdirSync(join(out, ".."))).toEqual(["report.html"]);
  });

  it("names each context share in the same words in every format", () => {
    const report = (format: string) => {
      const result = runCli(["audit", "--format", format, "--no-progress"], repo);
      expect(result.status, format).toBe(0);
      return result.stdout;
    };
    const [text, markdown, html] = [report("text"), report("markdown"), report("html")];
    const labels: [one: string, many: string][] = [["has a body", "have a body"], ["explains why", "explain why"], ["explains what", "explain what"], ["references a ticket", "reference a ticket"]];
    for (const [one, many] of labels) {
      expect(text, one).toMatch(new RegExp(`\\n  ${one} +\\S* +\\d+\\.\\d%`));
      expect(markdown, one).toContain(`\n| ${one[0].toUpperCase()}${one.slice(1)} | `);
      // The html's trend legend names a series as a row does; a card, under its share, names the commits.
      expect(html, one).toMatch(new RegExp(`\\["\\w+", "${one}", "#`));
      expect(html, many).toContain(`<div class="l">${many}</div>`);
    }
  });

  it("takes the format from --output's extension when --format is not given", () => {
    const dir = track(tempDir());
    const stderr: Record<string, string> = {};
    const written = (name: string, args: string[] = []) => {
      const result = runCli(["audit", "--output", join(dir, name), "--no-progress", ...args], repo);
      expect(result.stderr).toContain("report written to");
      expect(result.status).toBe(0);
      stderr[name] = result.stderr;
      return readFileSync(join(dir, name), "utf8");
    };
    expect(written("audit.html")).toMatch(/^<!doctype html>/);
    expect(written("AUDIT.HTM")).toMatch(/^<!doctype html>/);
    expect(written("audit.md")).toMatch(/^## Commit message audit: /);
    expect(written("audit.markdown")).toMatch(/^## Commit message audit: /);
    expect(JSON.parse(written("audit.json")).summary.commits).toBe(5);
    expect(parseJsonl(written("audit.jsonl")).summary.commits).toBe(5);
    expect(parseJsonl(written("audit.ndjson")).summary.commits).toBe(5);
    expect(written("audit.txt")).toMatch(/^rationale audit of /);
    expect(written("audit")).toMatch(/^rationale audit of /);
    // --format given wins over the extension.
    expect(written("audit2.html", ["--format", "text"])).toMatch(/^rationale audit of /);
    expect(written("audit2.md", ["--format", "json"])).toMatch(/^\{/);
    // ... with one line of warning when the two disagree; none when they agree or the extension names no format.
    expect(stderr["audit2.html"]).toBe(`rationale: warning: --format text writes a text report to ${join(dir, "audit2.html")}, whose extension names html\nrationale: audited 5 commits; report written to ${join(dir, "audit2.html")}\n`);
    expect(stderr["audit2.md"]).toMatch(/^rationale: warning: --format json writes a json report to \S+audit2\.md, whose extension names markdown\n/);
    expect(written("audit3.htm", ["--format", "html"])).toMatch(/^<!doctype html>/);
    expect(written("audit3.txt", ["--format", "json"])).toMatch(/^\{/);
    expect(stderr["audit3.htm"]).not.toContain("warning");
    expect(stderr["audit3.txt"]).not.toContain("warning");
    expect(stderr["audit.html"]).not.toContain("warning");
    // An extension no format has, without --format: the text report, with a warning naming the extensions that do.
    expect(written("audit.pdf")).toMatch(/^rationale audit of /);
    expect(stderr["audit.pdf"]).toBe(
      `rationale: warning: wrote a text report to ${join(dir, "audit.pdf")}, whose extension .pdf names no report format; ` +
        "give --format, or an extension that names one: .html/.htm html, .md/.markdown markdown, .json json, .jsonl/.ndjson jsonl\n" +
        `rationale: audited 5 commits; report written to ${join(dir, "audit.pdf")}\n`,
    );
    expect(written("audit.CSV")).toMatch(/^rationale audit of /);
    expect(stderr["audit.CSV"]).toMatch(/^rationale: warning: wrote a text report to \S+audit\.CSV, whose extension \.CSV names no report format; /);
    // None for a text file, a name without an extension, or a --format given.
    for (const name of ["audit.txt", "audit", "audit.json"]) expect(stderr[name], name).not.toContain("warning");
    // Nor for a CI job's log, a trailing dot or a version's dot, which name no file type.
    for (const name of ["audit.log", "audit.", "audit-1.2"]) {
      expect(written(name), name).toMatch(/^rationale audit of /);
      expect(stderr[name], name).toBe(`rationale: audited 5 commits; report written to ${join(dir, name)}\n`);
    }
    expect(written("audit6.pdf", ["--format", "text"])).toMatch(/^rationale audit of /);
    expect(written("audit7.pdf", ["--format", "json"])).toMatch(/^\{/);
    expect(stderr["audit6.pdf"]).not.toContain("warning");
    expect(stderr["audit7.pdf"]).not.toContain("warning");
    expect(written("audit5.md", ["--format", "html"])).toMatch(/^<!doctype html>/);
    expect(stderr["audit5.md"]).toMatch(/^rationale: warning: --format html writes an html report to \S+audit5\.md, whose extension names markdown\n/);
    // A run that fails writes no report, so there is nothing to warn of: the error is the one line.
    const outside = track(tempDir());
    expect(runCli(["audit", "--format", "json", "--output", join(dir, "audit4.html")], outside)).toMatchObject({
      status: 2,
      stderr: `rationale: not a git repository: ${outside}; run rationale audit in your repository\n`,
    });
  });

  it("selects commits by range, --since, --until, --max-count and --path", () => {
    const count = (args: string[]) => {
      const result = runCli(["audit", "--format", "jsonl", ...args], repo);
      expect(result.stderr).toBe("");
      return parseJsonl(result.stdout).summary.commits;
    };
    expect(count(["v1..HEAD"])).toBe(3);
    expect(count(["v1"])).toBe(2);
    expect(count(["--since", "2024-02-01"])).toBe(4);
    expect(count(["--until", "2024-02-01"])).toBe(1);
    expect(count(["--max-count", "2"])).toBe(2);
    expect(count(["--path", "docs.txt"])).toBe(2);
    expect(count(["--path", "docs.txt", "--path", "src.txt", "v1..HEAD"])).toBe(3);
    expect(count(["--since", "2030-01-01"])).toBe(0);
    // Eight runs of the CLI: more than the default timeout on a busy machine.
  }, 60_000);

  it("follows one file back under its earlier names with --follow, and only then", () => {
    const renamed = track(tempDir());
    git(renamed, ["init", "-q", "-b", "main"]);
    const commit = (message: string) => git(renamed, ["commit", "-q", "-m", message]);
    writeFileSync(join(renamed, "old.txt"), "one\ntwo\nthree\nfour\n");
    git(renamed, ["add", "-A"]);
    commit("Add the release checklist\n\nThe team kept it in a wiki that is gone, so it lives here now.");
    git(renamed, ["mv", "old.txt", "checklist.txt"]);
    commit("Rename the checklist to checklist.txt\n\nThe release script looks for that name, so the old one broke it.");
    writeFileSync(join(renamed, "checklist.txt"), "one\ntwo\nthree\nfour\nfive\n");
    git(renamed, ["add", "-A"]);
    commit("Add the fifth step to the checklist\n\nThe freeze needs it written down before the next release.");
    const summary = (args: string[]) => {
      const result = runCli(["audit", "--format", "jsonl", "--no-progress", ...args], renamed);
      expect(result.stderr).toBe("");
      return parseJsonl(result.stdout).summary;
    };
    expect(summary(["--path", "checklist.txt"]).commits).toBe(2);
    const followed = summary(["--path", "checklist.txt", "--follow"]);
    expect(followed.commits).toBe(3);
    expect(followed.selection).toMatchObject({ paths: ["checklist.txt"], follow: true });
    // A user's log.follow (git log's --follow by default) does not change what --path selects:
    // the report says what it audited, and it says "follow" only with --follow.
    git(renamed, ["config", "log.follow", "true"]);
    const configured = summary(["--path", "checklist.txt"]);
    expect(configured.commits).toBe(2);
    expect(configured.selection.follow).toBeUndefined();
    expect(summary(["--path", "checklist.txt", "--follow"]).commits).toBe(3);
    for (const paths of [[], ["--path", "checklist.txt", "--path", "old.txt"]]) {
      const refused = runCli(["audit", "--follow", ...paths], renamed);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toBe(`rationale: --follow follows one file under its earlier names: give exactly one path, with --path or after -- (got ${paths.length / 2}). See: rationale audit --help\n`);
    }
  }, 60_000);

  it("exits 1 when the mean score is below --fail-under and 0 otherwise", () => {
    const below = runCli(["audit", "--fail-under", "95"], repo);
    expect(below.status).toBe(1);
    expect(below.stderr).toMatch(/mean score [\d.]+ is below --fail-under 95/);
    expect(runCli(["audit", "--fail-under", "0"], repo).status).toBe(0);
    const bad = runCli(["audit", "--fail-under", "101"], repo);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("rationale: --fail-under expects a score from 0 to 100 (decimals allowed, e.g. 72.5), got '101'. See: rationale audit --help\n");
    expect(runCli(["audit", "--fail-under", "-1"], repo).status).toBe(2);
  });

  it("compares --fail-under with decimals against the mean as the report shows it", () => {
    const mean = (JSON.parse(runCli(["audit", "--format", "json"], repo).stdout) as { summary: { score: { mean: number } } }).summary.score.mean;
    expect(runCli(["audit", "--fail-under", String(mean)], repo).status).toBe(0);
    const above = (Math.round(mean * 10) + 1) / 10;
    const run = runCli(["audit", "--fail-under", above.toFixed(1)], repo);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`mean score ${mean} is below --fail-under ${above.toFixed(1).replace(/\.0$/, "")}`);
  });

  it("says --fail-under does not apply when no commit was scored", () => {
    const dir = track(makeRepo([{ message: "fixup! Retry uploads\n" }, { message: "amend! Retry uploads\n" }]));
    const run = runCli(["audit", "--fail-under", "90"], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("rationale: no commit was scored (2 selected, none judged), so --fail-under 90 does not apply\n");
    // With nothing scored, the HTML cards show no shares rather than "0.0%".
    const html = runCli(["audit", "--format", "html"], dir).stdout;
    expect(html).not.toContain("0.0%");
    expect(html).toContain('<div class="v">–</div><div class="l">pass (threshold');
  });

  it("rejects an unknown revision with exit 2 and one line", () => {
    const result = runCli(["audit", "no-such-branch"], repo);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("rationale: unknown revision: 'no-such-branch' does not name a commit or range in this repository\n");
    expect(result.stdout).toBe("");
  });

  it("says a script config is not read when no JSON or YAML config applies, as lint does", () => {
    const dir = track(makeRepo([{ message: GOOD_MESSAGE }]));
    writeFileSync(join(dir, "rationale.config.js"), "module.exports = { threshold: 90 };\n");
    const result = runCli(["audit", "--no-progress"], dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      'rationale: note: rationale.config.js is not read, so the defaults apply: configs are JSON or YAML (rationale.config.json, .rationalerc.json, .rationalerc.yaml or .yml, or "rationale" in package.json)\n',
    );
    writeFileSync(join(dir, ".rationalerc.yaml"), "threshold: 90\n");
    expect(runCli(["audit", "--no-progress"], dir).stderr).toBe("");
  });

  it("reports a bad --config file with exit 2", () => {
    const result = runCli(["audit", "--config", "missing.json"], repo);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^rationale: config file not found: .*missing\.json\n$/);
  });
});

describe("bad input", () => {
  it("says when the directory is not a git repository, in the words init and release use (exit 2)", () => {
    const dir = track(tempDir());
    const result = runCli(["audit"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`rationale: not a git repository: ${dir}; run rationale audit in your repository\n`);
    for (const command of ["init", "release"]) {
      const other = runCli(command === "release" ? ["release", "compose"] : [command], dir);
      expect(other.status, command).toBe(2);
      expect(other.stderr, command).toBe(result.stderr.replace("rationale audit", `rationale ${command}`));
    }
  });

  it("reports errors in the order docs/cli.md gives: not a repository, the config, then the selection (exit 2)", () => {
    const badConfig = '{ "threshold": "high" }';
    const configError = (dir: string) =>
      `rationale: invalid configuration in ${join(dir, ".rationalerc.json")} (1 problem):\n  ${join(dir, ".rationalerc.json")}: threshold: got "high" (string); expected an integer from 0 to 100\n`;
    // Outside a repository the config found there is beside the point.
    const outside = track(tempDir());
    writeFileSync(join(outside, ".rationalerc.json"), badConfig);
    expect(runCli(["audit"], outside).stderr).toBe(`rationale: not a git repository: ${outside}; run rationale audit in your repository\n`);
    // In one, a broken config comes before anything about what was asked of the history.
    const empty = track(tempDir());
    git(empty, ["init", "-q"]);
    writeFileSync(join(empty, ".rationalerc.json"), badConfig);
    expect(runCli(["audit"], empty)).toMatchObject({ status: 2, stderr: configError(empty) });
    const dir = track(makeRepo([{ message: GOOD_MESSAGE }]));
    writeFileSync(join(dir, ".rationalerc.json"), badConfig);
    for (const args of [["nosuch"], ["HEAD^{tree}"], ["--since", "friday 10:00"], ["--until", "2025-02-30"], ["--path", "nosuch.txt"]]) {
      expect(runCli(["audit", ...args], dir), args.join(" ")).toMatchObject({ status: 2, stderr: configError(dir) });
    }
  });

  it("says when the repository has no commits (exit 2)", () => {
    const dir = track(tempDir());
    git(dir, ["init", "-q"]);
    const result = runCli(["audit"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("rationale: the repository has no commits yet; there is no history to audit\n");
    // Naming HEAD, the branch to be or any other revision changes nothing: nothing exists yet.
    for (const revision of ["HEAD", "main", "HEAD~3..HEAD"]) {
      const named = runCli(["audit", revision], dir);
      expect(named.stderr, revision).toBe("rationale: the repository has no commits yet; there is no history to audit\n");
      expect(named.status).toBe(2);
    }
  });

  it("says why the worst list is shorter than the failing commits: one per summary", () => {
    const dir = track(makeRepo([{ message: GOOD_MESSAGE }, { message: "Fix stuff 1\n" }, { message: "Fix stuff 2\n" }, { message: "Fix stuff 3\n" }]));
    const text = runCli(["audit"], dir).stdout;
    expect(text).toContain("\nWorst 2 commits (one per summary, of 3 that fail)\n");
    expect(text).toMatch(/^ +3× {2}Fix stuff 3/m);
    expect(runCli(["audit", "--format", "markdown"], dir).stdout).toContain("\n### Worst 2 commits (one per summary, of 3 that fail)\n");
    // A list cut by --top is short for that reason, not the grouping: the heading says so.
    const top = track(makeRepo([{ message: "Fix stuff\n" }, { message: "Update things\n" }, { message: "Misc changes\n" }]));
    expect(runCli(["audit", "--top", "2"], top).stdout).toContain("\nWorst 2 commits (of 3 that fail; --top lists more)\n");
    expect(runCli(["audit", "--top", "3"], top).stdout).toContain("\nWorst 3 commits\n");
  });

  it("counts one commit in the singular in every format", () => {
    const dir = track(makeRepo([{ message: VAGUE_MESSAGE }]));
    const text = runCli(["audit"], dir).stdout;
    expect(text).toMatch(/^1 commit[;\s]/m);
    expect(text).toContain("Worst 1 commit\n");
    expect(text).toContain("Context carried (share of 1 scored commit)\n");
    expect(runCli(["audit", "--format", "markdown"], dir).stdout).toContain("### Worst 1 commit\n");
    expect(runCli(["audit", "--format", "html"], dir).stdout).toMatch(/<p class="sub">1 commit[;\s]/);
    expect(text + runCli(["audit", "--format", "markdown"], dir).stdout).not.toMatch(/\b1 commits\b/);
  });

  it("on an orphan branch, says the branch has no commits and names one that has (exit 2)", () => {
    const dir = track(makeRepo([{ message: GOOD_MESSAGE }]));
    const branch = git(dir, ["symbolic-ref", "--short", "HEAD"]).trim();
    git(dir, ["switch", "-q", "--orphan", "fresh"]);
    const result = runCli(["audit"], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`rationale: the current branch 'fresh' has no commits yet; name a revision to audit, e.g. rationale audit ${branch}\n`);
    expect(runCli(["audit", "HEAD"], dir).stderr).toBe(result.stderr);
    expect(runCli(["audit", branch, "--format", "json"], dir).status).toBe(0);
  });

  it("rejects a tree or blob given as a revision instead of auditing nothing (exit 2)", () => {
    const dir = track(makeRepo([{ message: GOOD_MESSAGE }, { message: VAGUE_MESSAGE }]));
    const tree = git(dir, ["rev-parse", "HEAD^{tree}"]).trim();
    const run = runCli(["audit", tree], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`rationale: '${tree}' names a tree, not a commit; give a commit, branch, tag or range to audit\n`);
    expect(runCli(["audit", `${tree}..HEAD`], dir).stderr).toContain("names a tree, not a commit");
    // Ranges and exclusions of commits still work.
    expect(runCli(["audit", "HEAD~1..HEAD", "--format", "json"], dir).status).toBe(0);
    expect(runCli(["audit", "^HEAD~1", "HEAD", "--format", "json"], dir).status).toBe(0);
  });

  it("does not count sign-off lines right under the summary as a body", () => {
    const dir = track(makeRepo([{ message: "Retry uploads on 503\nSigned-off-by: Ada Lovelace <ada@example.com>\n" }, { message: GOOD_MESSAGE }]));
    const { summary } = parseJsonl(runCli(["audit", "--format", "jsonl"], dir).stdout);
    expect(summary.facets.body.count).toBe(1);
  });

  it("takes a merge from the commit's parents, not from its text", () => {
    const dir = track(makeRepo([{ message: GOOD_MESSAGE }, { message: "Merge branch 'hotfix'\n" }]));
    git(dir, ["switch", "-q", "-c", "side", "HEAD~1"]);
    writeFileSync(join(dir, "side.txt"), "side\n");
    git(dir, ["add", "side.txt"]);
    git(dir, ["commit", "-q", "-m", "Add the side file"]);
    git(dir, ["switch", "-q", "main"]);
    git(dir, ["merge", "-q", "--no-ff", "--no-verify", "-m", "wip", "side"]);
    const { commits, summary } = parseJsonl(runCli(["audit", "--format", "jsonl"], dir).stdout);
    const kindOf = (text: string) => commits.find((commit) => commit.summary === text)?.kind;
    expect(kindOf("wip")).toBe("merge");
    expect(kindOf("Merge branch 'hotfix'")).toBe("normal");
    expect(summary.kinds.merge).toBe(1);
    const noMerges = parseJsonl(runCli(["audit", "--no-merges", "--format", "jsonl"], dir).stdout).summary;
    expect(noMerges.kinds.merge ?? 0).toBe(0);
    // --first-parent keeps the merge and leaves out the side branch's own commit.
    const firstParent = parseJsonl(runCli(["audit", "--first-parent", "--format", "jsonl"], dir).stdout).commits.map((commit) => commit.summary);
    expect(firstParent).toEqual(["wip", "Merge branch 'hotfix'", commits.at(-1)!.summary]);
    expect(commits.map((commit) => commit.summary)).toContain("Add the side file");
    // A shallow clone lists no parents for its boundary commit: then the text decides again.
    git(dir, ["switch", "-q", "-c", "merged", "main~1"]);
    git(dir, ["merge", "-q", "--no-ff", "--no-verify", "-m", "Merge branch 'side'", "side"]);
    const shallow = track(tempDir());
    execFileSync("git", ["clone", "-q", "--depth", "1", "--branch", "merged", `file://${dir}`, shallow], { env: gitEnv });
    expect(JSON.parse(runCli(["lint", "--commit", "HEAD", "--format", "json"], shallow).stdout).results[0].kind).toBe("merge");
    expect(parseJsonl(runCli(["audit", "--format", "jsonl"], shallow).stdout).commits[0].kind).toBe("merge");
    git(dir, ["switch", "-q", "main"]);
    // lint --commit reads the parents too.
    expect(JSON.parse(runCli(["lint", "--commit", "HEAD", "--format", "json"], dir).stdout).results[0].kind).toBe("merge");
    expect(JSON.parse(runCli(["lint", "--commit", "main~1", "--format", "json"], dir).stdout).results[0].kind).toBe("normal");
    // A dozen git and CLI runs: more than the default timeout on a busy machine.
  }, 60_000);

  it("reads a bare --since/--until date as the whole day, whatever the time of day", () => {
    const at = (date: string) => ({ message: GOOD_MESSAGE, date });
    const dir = track(makeRepo([at("2024-12-31T23:30:00+00:00"), at("2025-01-01T00:10:00+00:00"), at("2025-02-10T23:00:00+00:00"), at("2025-02-11T00:30:00+00:00")]));
    const dates = (now: number, since = "2025-01-01", until = "2025-02-10") => {
      const run = runCli(["audit", "--since", since, "--until", until, "--format", "jsonl"], dir, { TZ: "UTC", GIT_TEST_DATE_NOW: String(now) });
      return parseJsonl(run.stdout).commits.map((commit) => commit.date);
    };
    const expected = ["2025-02-10T23:00:00+00:00", "2025-01-01T00:10:00+00:00"];
    expect(dates(Date.UTC(2025, 5, 1, 12) / 1000)).toEqual(expected);
    expect(dates(Date.UTC(2025, 5, 1, 0, 5) / 1000)).toEqual(expected);
    // A date with the month's name is as bare as 2025-01-01.
    for (const [since, until] of [["Jan 1 2025", "10 Feb 2025"], ["January 1st, 2025", "Mon, 10 February 2025"]]) {
      expect(dates(Date.UTC(2025, 5, 1, 12) / 1000, since, until), since).toEqual(expected);
    }
    // So is one without its year (git takes this year's) and one with a zone (the day in that zone).
    for (const [since, until] of [["Jan 1", "10 Feb"], ["January 1st", "Feb 10th"], ["2025-01-01 UTC", "2025-02-10 UTC"], ["2025-01-01 +00:00", "Feb 10 2025 GMT"]]) {
      expect(dates(Date.UTC(2025, 5, 1, 12) / 1000, since, until), since).toEqual(expected);
    }
    const eastern = (since: string, until: string) => {
      const run = runCli(["audit", "--since", since, "--until", until, "--format", "jsonl"], dir, { TZ: "America/New_York", GIT_TEST_DATE_NOW: String(Date.UTC(2025, 5, 1, 20) / 1000) });
      return parseJsonl(run.stdout).commits.map((commit) => commit.date);
    };
    expect(eastern("2025-01-01 UTC", "2025-02-10 UTC")).toEqual(expected);
    // Local midnight in New York is 05:00 UTC: the commit at 00:10 UTC on 1 January is the day before there.
    expect(eastern("2025-01-01", "2025-02-10")).toEqual(["2025-02-11T00:30:00+00:00", "2025-02-10T23:00:00+00:00"]);
  });

  it("rejects a date git cannot read instead of selecting nothing (exit 2)", () => {
    const dir = track(makeRepo([{ message: GOOD_MESSAGE }]));
    const since = runCli(["audit", "--since", "garbage", "--fail-under", "60"], dir);
    expect(since.status).toBe(2);
    expect(since.stderr).toBe(`rationale: --since expects a date git can read (such as 2024-01-31, "2 weeks ago" or yesterday), got 'garbage'. See: rationale audit --help\n`);
    expect(runCli(["audit", "--until", "not a date at all"], dir).stderr).toContain("--until expects a date git can read");
    // A value pasted by mistake is echoed as its first 60 characters, not as a line of its length.
    const long = "x".repeat(10_000);
    const shown = `${"x".repeat(59)}…`;
    for (const [args, message] of [
      [["--since", long], `--since expects a date git can read (such as 2024-01-31, "2 weeks ago" or yesterday), got '${shown}'`],
      [["--until", `2024-01-${long}`], `--until expects a whole date, got '2024-01-${"x".repeat(51)}…': git would take the missing day or month from today's date; give the day too, such as 2025-02-01`],
      [["--max-count", long], `--max-count expects a whole number from 0 up, got '${shown}'`],
      [["--fail-under", long], `--fail-under expects a score from 0 to 100 (decimals allowed, e.g. 72.5), got '${shown}'`],
    ]) {
      expect(runCli(["audit", ...args], dir), args[0]).toMatchObject({ status: 2, stderr: `rationale: ${message}. See: rationale audit --help\n` });
    }
    // Exactly 60 characters, counted as characters (an emoji is one), are shown whole.
    const sixty = "😀".repeat(60);
    expect(runCli(["audit", "--since", sixty], dir).stderr).toContain(`got '${sixty}'.`);
    expect(runCli(["audit", "--since", `${sixty}😀`], dir).stderr).toContain(`got '${"😀".repeat(59)}…'.`);
    // What git reads, rationale accepts: approximate dates included.
    for (const date of ["2 weeks ago", "2020-01-31", "yesterday"]) expect(runCli(["audit", "--since", date, "--format", "json"], dir).status).toBe(0);
  });

  it("says a --since or --until needs git 2.21 when git cannot check a date, rather than read it wrongly (exit 2)", () => {
    const dir = track(makeRepo([{ message: GOOD_MESSAGE, date: "2025-02-10T12:00:00+00:00" }]));
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    /** A directory whose `git` acts as an older git: `body` runs first, then the real git. */
    const olderGit = (version: string, body: string) => {
      const bin = track(tempDir("rationale-old-git-"));
      const script = `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "git version ${version}"; exit 0; fi\n${body}\nexec ${realGit} "$@"\n`;
      writeFileSync(join(bin, "git"), script);
      chmodSync(join(bin, "git"), 0o755);
      return { PATH: `${bin}:${process.env.PATH}` };
    };
    // git 2.18 to 2.20 read every date at the real clock, which hid what a date took from today's.
    const noTestClock = olderGit("2.20.1", "unset GIT_TEST_DATE_NOW");
    // Before 2.18, git config has no --type, and every date would be refused as unreadable.
    const noType = olderGit("2.17.1", `case "$*" in *--type=expiry-date*) echo "error: unknown option \\\`type=expiry-date'" >&2; exit 129;; esac`);
    const message = (option: string, version: string) =>
      `rationale: ${option} needs git 2.21 or later to check its date (this is git ${version}, whose git log would read a date it cannot parse as another without a word); update git, or select the commits by revision, such as v1.0..HEAD\n`;
    expect(runCli(["audit", "--since", "Feb 2025"], dir, noTestClock)).toMatchObject({ status: 2, stdout: "", stderr: message("--since", "2.20.1") });
    expect(runCli(["audit", "--until", "2025-02-11"], dir, noType)).toMatchObject({ status: 2, stdout: "", stderr: message("--until", "2.17.1") });
    // Without a date the older git audits as before; this git checks dates as ever.
    expect(runCli(["audit", "--format", "json"], dir, noTestClock).status).toBe(0);
    expect(runCli(["audit", "--since", "2025-02-01", "--format", "json"], dir).status).toBe(0);
    expect(runCli(["audit", "--since", "Feb 2025"], dir).stderr).toContain("--since expects a whole date, got 'Feb 2025'");
  });

  it("refuses a date git would read as now or complete from today's date (exit 2)", () => {
    const dir = track(makeRepo([{ message: GOOD_MESSAGE, date: "2025-02-10T12:00:00+00:00" }]));
    // git log reads each of these without a word, as the current time ("20250201") or as a
    // day whose missing month or day it takes from today ("2025-02" as the 2nd of this month,
    // "2025" as today's date in 2025): --since then selected nothing, or a window the user
    // never meant.
    const now: [string, string][] = [
      ["--since", "20250201"],
      ["--until", "20250201"],
      // git's expiry dates take "all" as "everything", but git log has no such word.
      ["--since", "all"],
      ["--until", "all"],
    ];
    for (const [option, value] of now) {
      const run = runCli(["audit", option, value], dir);
      expect(run.stderr).toBe(`rationale: ${option} expects a date git can read (such as 2024-01-31, "2 weeks ago" or yesterday), got '${value}': git would read it as the current time. See: rationale audit --help\n`);
      expect(run.status).toBe(2);
    }
    for (const value of ["2025-02", "2025/2", "Feb 2025", "2025"]) {
      const run = runCli(["audit", "--since", value], dir);
      expect(run.stderr).toBe(`rationale: --since expects a whole date, got '${value}': git would take the missing day or month from today's date; give the day too, such as 2025-02-01. See: rationale audit --help\n`);
      expect(run.status).toBe(2);
    }
    // Numbers alone, without a year: git reads "15" as the 15th of this month, "-1" as the
    // 1st, "31" in April as 1 May, "99" as today's date in 1999, "1.5" as 5 January; any mark
    // but a letter parts the numbers for git, so "1,5" and "1_5" are the same day as "1.5".
    for (const value of ["15", "-1", "+1", "31", "99", "1.5", "1/5", "1,5", "1_5", "15,"]) {
      const run = runCli(["audit", "--since", value], dir);
      expect(run.stderr, value).toBe(
        `rationale: --since expects a whole date, got '${value}': git would take the missing month or year from today's date; give the year, month and day, such as 2025-02-01. See: rationale audit --help\n`,
      );
      expect(run.status).toBe(2);
    }
    // git reads "1.5" in "1.5 days ago" as a date too, and the days as no count at all.
    // The same in git's dotted form ("2.weeks.ago"): "1.5.days.ago" is 1 May, not 36 hours.
    for (const value of ["1.5 days ago", "2,5 hours ago", "1.5.days.ago", "2,5.hours.ago", "2.5_weeks_ago"]) {
      const run = runCli(["audit", "--until", value], dir);
      expect(run.stderr, value).toBe(
        `rationale: --until expects a whole number before the unit, got '${value}': git reads the number as a date and drops the unit; give a whole one, such as "36 hours ago". See: rationale audit --help\n`,
      );
      expect(run.status).toBe(2);
    }
    // Whole dates, times and relative dates pass, whatever today is.
    for (const value of ["2025-02-01", "1 Feb 2025", "2025-02-01T10:00:00Z", "2 weeks ago", "0 days ago", "now", "yesterday", "@1738400000", "12:00", "36 hours ago", "2.weeks.ago", "yesterday.noon"]) {
      expect(runCli(["audit", "--since", value, "--format", "json"], dir).status, value).toBe(0);
    }
  });

  it("refuses today and a weekday name, which git log reads as now or ignores, and says what to give (exit 2)", () => {
    // The clock at Friday 2022-04-15 05:20 UTC, as git log reads dates (GIT_TEST_DATE_NOW).
    const env = { TZ: "UTC", GIT_TEST_DATE_NOW: "1650000000" };
    const at = (date: string) => ({ message: GOOD_MESSAGE, date: `${date}+00:00` });
    const dir = track(makeRepo([at("2022-04-10T12:00:00"), at("2022-04-11T03:00:00"), at("2022-04-11T12:00:00"), at("2022-04-15T01:00:00"), at("2022-04-15T12:00:00")]));
    const selected = (since: string) => {
      const run = runCli(["audit", "--since", since, "--format", "jsonl"], dir, env);
      expect(run.status, `${since}: ${run.stderr}`).toBe(0);
      return parseJsonl(run.stdout).commits.map((commit) => commit.date.slice(0, 16));
    };
    // git log --since=today or --since=monday selects from the current time: it has no word
    // "today", and reads a weekday name without "last" before it as today, so "monday 10:00"
    // is 10:00 today. Each would select nothing yet, or only commits dated in the future.
    const expects = (option: string, value: string) => `rationale: ${option} expects a date git can read (such as 2024-01-31, "2 weeks ago" or yesterday), got '${value}'`;
    const today = (option: string, value: string) =>
      `${expects(option, value)}: git has no word "today" and would read it as the current time; give midnight for the start of today. See: rationale audit --help\n`;
    const weekday = (option: string, value: string, day: string, name: string) =>
      `${expects(option, value)}: git ignores a weekday name without "last" before it; give "last ${day}" (the ${name} before today, at this time of day) or "last ${day} 00:00" from its start. See: rationale audit --help\n`;
    const refused: [string, string, string][] = [
      ["--since", "today", today("--since", "today")],
      ["--until", "today", today("--until", "today")],
      ["--since", "monday", weekday("--since", "monday", "monday", "Monday")],
      ["--since", "Mon", weekday("--since", "Mon", "Mon", "Monday")],
      ["--since", "friday 10:00", weekday("--since", "friday 10:00", "friday", "Friday")],
      ["--until", "sunday noon", weekday("--until", "sunday noon", "sunday", "Sunday")],
      // The minutes of a time before the name are no count of weeks: git reads 10:00 today.
      ["--since", "10:00 monday", weekday("--since", "10:00 monday", "monday", "Monday")],
    ];
    for (const [option, value, message] of refused) {
      const run = runCli(["audit", option, value], dir, env);
      expect(run.stderr, value).toBe(message);
      expect(run.status).toBe(2);
    }
    // What git reads with a meaning is taken, as git log selects it.
    expect(selected("midnight")).toEqual(["2022-04-15T12:00", "2022-04-15T01:00"]);
    expect(selected("today 00:00")).toEqual(["2022-04-15T12:00", "2022-04-15T01:00"]);
    expect(selected("last monday")).toEqual(["2022-04-15T12:00", "2022-04-15T01:00", "2022-04-11T12:00"]);
    expect(selected("last monday 00:00")).toEqual(["2022-04-15T12:00", "2022-04-15T01:00", "2022-04-11T12:00", "2022-04-11T03:00"]);
    expect(selected("2.monday")).toEqual(selected("2 mondays ago"));
    expect(selected("2 mondays ago")).toEqual(["2022-04-15T12:00", "2022-04-15T01:00", "2022-04-11T12:00", "2022-04-11T03:00", "2022-04-10T12:00"]);
    // A weekday beside a whole date only repeats it.
    expect(selected("Mon, 11 Apr 2022")).toEqual(["2022-04-15T12:00", "2022-04-15T01:00", "2022-04-11T12:00", "2022-04-11T03:00"]);
  });

  it("refuses an impossible calendar date that git would read as another day (exit 2)", () => {
    const dir = track(makeRepo([{ message: GOOD_MESSAGE }]));
    const refused: [string[], string][] = [
      [["--since", "2026-11-32"], "--since expects a real calendar date, got '2026-11-32': November 2026 has days 1 to 30. See: rationale audit --help"],
      [["--since", "2026-13-01"], "--since expects a real calendar date, got '2026-13-01': there is no month 13 (months run from 1 to 12). See: rationale audit --help"],
      [["--until", "2025-02-30"], "--until expects a real calendar date, got '2025-02-30': February 2025 has days 1 to 28. See: rationale audit --help"],
      [["--until", "2020-13-45"], "--until expects a real calendar date, got '2020-13-45': there is no month 13 (months run from 1 to 12). See: rationale audit --help"],
      [["--since", "2023/02/29 10:00"], "--since expects a real calendar date, got '2023/02/29 10:00': February 2023 has days 1 to 28. See: rationale audit --help"],
      [["--since", "2024-01-05T25:00"], "--since expects a real calendar date, got '2024-01-05T25:00': there is no time 25:00 (hours run from 0 to 23, minutes from 0 to 59, seconds from 0 to 60 for a leap second). See: rationale audit --help"],
      [["--since", "2016-12-31 23:59:61"], "--since expects a real calendar date, got '2016-12-31 23:59:61': there is no time 23:59:61 (hours run from 0 to 23, minutes from 0 to 59, seconds from 0 to 60 for a leap second). See: rationale audit --help"],
      [["--until", "2016-12-32 23:59:60"], "--until expects a real calendar date, got '2016-12-32 23:59:60': December 2016 has days 1 to 31. See: rationale audit --help"],
      // With the month's name too: git reads "Feb 30 2025" as 2 March, "31 April" as 1 May.
      [["--since", "Feb 30 2025"], "--since expects a real calendar date, got 'Feb 30 2025': February 2025 has days 1 to 28. See: rationale audit --help"],
      [["--until", "Apr 31"], "--until expects a real calendar date, got 'Apr 31': April has days 1 to 30. See: rationale audit --help"],
      [["--since", "30 February"], "--since expects a real calendar date, got '30 February': February has days 1 to 29. See: rationale audit --help"],
      [["--until", "31 April 2025 12:00"], "--until expects a real calendar date, got '31 April 2025 12:00': April 2025 has days 1 to 30. See: rationale audit --help"],
      [["--until", "Sun, 0 Jan 2025"], "--until expects a real calendar date, got 'Sun, 0 Jan 2025': January 2025 has days 1 to 31. See: rationale audit --help"],
    ];
    for (const [args, message] of refused) {
      const run = runCli(["audit", ...args], dir);
      expect(run.stderr).toBe(`rationale: ${message}\n`);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
    }
    // Real days, a leap day, a leap second (git reads second 60 too) and git's approximate forms still pass.
    for (const date of ["2024-02-29", "Feb 29 2024", "30 April 2025 12:00", "2024-01-05 12:00", "2024-01-05T23:59:59+02:00", "2016-12-31 23:59:60", "2016-12-31T23:59:60+00:00", "2 weeks ago", "yesterday"]) {
      expect(runCli(["audit", "--since", date, "--format", "json"], dir).status, date).toBe(0);
    }
  });

  it("says a shallow clone's history is truncated and where", () => {
    const origin = track(makeRepo([{ message: GOOD_MESSAGE }, { message: VAGUE_MESSAGE }, { message: GOOD_MESSAGE }, { message: "WIP\n" }]));
    const clone = track(tempDir());
    execFileSync("git", ["clone", "-q", "--depth", "2", `file://${origin}`, clone], { env: gitEnv });
    const boundary = git(clone, ["rev-parse", "HEAD~1"]).trim();
    const text = runCli(["audit"], clone);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`note: shallow clone: the history is truncated at 1 commit (${boundary.slice(0, 12)})`);
    const { summary } = parseJsonl(runCli(["audit", "--format", "jsonl"], clone).stdout);
    expect(summary.commits).toBe(2);
    expect(summary.shallow).toEqual({ truncated: true, boundaries: [boundary] });
  });

  it("re-encodes messages stored in another encoding (i18n.commitEncoding) to UTF-8", () => {
    const latin1 = Buffer.from("Traduire le message d'accueil en fran\xe7ais\n\nLes utilisateurs fran\xe7ais voyaient l'anglais.\n", "latin1");
    const repo = track(makeRepo([{ message: latin1, config: ["i18n.commitEncoding=ISO-8859-1"] }]));
    expect(git(repo, ["cat-file", "-p", "HEAD"])).toContain("encoding ISO-8859-1");
    const { commits, summary } = parseJsonl(runCli(["audit", "--format", "jsonl"], repo).stdout);
    expect(commits[0].summary).toBe("Traduire le message d'accueil en français");
    expect(summary.input.invalidUtf8Commits).toBe(0);
  });

  it("replaces and counts invalid UTF-8 instead of failing", () => {
    const repo = track(makeRepo([{ message: GOOD_MESSAGE }]));
    // `git commit` would re-read invalid bytes as Latin-1, so write the commit object directly.
    const head = git(repo, ["cat-file", "-p", "HEAD"]);
    const header = `tree ${/^tree (\S+)/m.exec(head)![1]}\nparent ${git(repo, ["rev-parse", "HEAD"]).trim()}\nauthor A <a@example.com> 1700000000 +0000\ncommitter A <a@example.com> 1700000000 +0000\n\n`;
    const bad = Buffer.concat([Buffer.from(header), Buffer.from("Fix caf"), Buffer.from([0xe9, 0xff]), Buffer.from(" handling\n\nBecause it broke.\n")]);
    const sha = git(repo, ["hash-object", "-t", "commit", "-w", "--stdin"], bad).trim();
    git(repo, ["update-ref", "refs/heads/main", sha]);
    const result = runCli(["audit", "--format", "jsonl"], repo);
    expect(result.status).toBe(0);
    const { commits, summary } = parseJsonl(result.stdout);
    expect(commits[0].summary).toBe("Fix caf\uFFFD\uFFFD handling");
    expect(commits[0].invalidUtf8Sequences).toBe(2);
    expect(summary.input).toMatchObject({ invalidUtf8Commits: 1, invalidUtf8Sequences: 2 });
    expect(runCli(["audit"], repo).stdout).toContain("note: 1 message was not valid UTF-8; 2 invalid byte sequences were replaced with U+FFFD");
  });

  it("judges only the first 64 KiB of a 100 MB message, with flat memory", () => {
    const repo = track(tempDir());
    git(repo, ["init", "-q", "-b", "main"]);
    const line = Buffer.from("This line repeats to make a message of a hundred megabytes in all...\n");
    const huge = Buffer.alloc(100 * 1024 * 1024);
    const head = Buffer.from("Import the generated tables\n\n");
    head.copy(huge);
    for (let at = head.length; at < huge.length; at += line.length) line.copy(huge, at, 0, Math.min(line.length, huge.length - at));
    writeFileSync(join(repo, ".git", "MSG"), huge);
    const tree = git(repo, ["write-tree"]).trim();
    const commit = execFileSync("git", ["commit-tree", tree, "-F", join(repo, ".git", "MSG")], { cwd: repo, env: gitEnv, encoding: "utf8" }).trim();
    git(repo, ["update-ref", "refs/heads/main", commit]);
    rmSync(join(repo, ".git", "MSG"));

    const result = runCli(["audit", "--format", "jsonl", "--jobs", "1"], repo, { RATIONALE_AUDIT_STATS: "1" });
    expect(result.status).toBe(0);
    const { commits, summary } = parseJsonl(result.stdout);
    expect(commits[0].summary).toBe("Import the generated tables");
    expect(commits[0].truncated.totalBytes).toBe(huge.length);
    expect(commits[0].truncated.judgedBytes).toBeLessThanOrEqual(64 * 1024);
    expect(summary.input).toMatchObject({ truncatedMessages: 1, largestMessageBytes: huge.length });
    const stats = JSON.parse(/rationale-audit-stats (.*)/.exec(result.stderr)![1]);
    // A copy of the message would alone take 100-200 MB.
    expect(stats.maxRssBytes).toBeLessThan(150 * 1024 * 1024);
    expect(runCli(["audit"], repo).stdout).toContain("note: 1 message longer than 64 KiB was judged by their first 64 KiB (largest: 102,400 KiB)");
  }, 120_000);

  it("leaves no output file when interrupted with Ctrl-C (exit 130)", async () => {
    const repo = track(makeRepo([{ message: GOOD_MESSAGE }, { message: VAGUE_MESSAGE }]));
    // A git whose `log` never finishes, so the audit is reliably still running when interrupted.
    const bin = track(tempDir());
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    writeFileSync(join(bin, "git"), `#!/bin/sh\nfor a in "$@"; do [ "$a" = log ] && { "${realGit}" "$@"; exec sleep 60; }; done\nexec "${realGit}" "$@"\n`);
    chmodSync(join(bin, "git"), 0o755);
    const outDir = track(tempDir());
    const out = join(outDir, "audit.json");
    writeFileSync(out, "previous report\n");
    const child = spawn(process.execPath, [cli, "audit", "--format", "json", "--output", out], {
      cwd: repo,
      env: { ...gitEnv, PATH: `${bin}:${process.env.PATH}` },
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    // The temp file beside the output exists once the audit is under way.
    for (let i = 0; i < 600 && readdirSync(outDir).length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(outDir)).toHaveLength(2);
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(130);
    expect(stderr).toBe("rationale: audit interrupted; no report was written\n");
    expect(readdirSync(outDir)).toEqual(["audit.json"]);
    expect(readFileSync(out, "utf8")).toBe("previous report\n");
  }, 60_000);

  it("says a report streamed to stdout is incomplete when interrupted with Ctrl-C (exit 130)", async () => {
    // 3,000 commits make more than one 1 MB buffer of json, so part of the report reaches stdout.
    const repo = manyCommits(3000);
    // A git whose `log` never finishes, so the audit is still running when interrupted.
    const bin = track(tempDir());
    const realGit = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    writeFileSync(join(bin, "git"), `#!/bin/sh\nfor a in "$@"; do [ "$a" = log ] && { "${realGit}" "$@"; exec sleep 60; }; done\nexec "${realGit}" "$@"\n`);
    chmodSync(join(bin, "git"), 0o755);
    for (const format of ["jsonl", "json"]) {
      const child = spawn(process.execPath, [cli, "audit", "--format", format, "--jobs", "1"], { cwd: repo, env: { ...gitEnv, PATH: `${bin}:${process.env.PATH}` } });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      for (let i = 0; i < 600 && stdout === ""; i++) await new Promise((r) => setTimeout(r, 50));
      expect(stdout).not.toBe("");
      child.kill("SIGINT");
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      expect(code).toBe(130);
      expect(stderr).toBe("rationale: audit interrupted; the report written to standard output so far is incomplete\n");
      // Cut off before the summary, which comes last.
      expect(stdout).not.toMatch(/"summary":\s*\{\s*"commits"/);
    }
  }, 60_000);

  it("audits from a linked worktree, a bare repository and inside a .git directory, naming the repository", () => {
    const repo = track(makeRepo([{ message: GOOD_MESSAGE }, { message: VAGUE_MESSAGE }, { message: GOOD_MESSAGE }]));
    const name = repo.split("/").pop()!;
    const head = (cwd: string, args: string[] = []) => {
      const run = runCli(["audit", "--format", "jsonl", ...args], cwd);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      return parseJsonl(run.stdout).summary;
    };
    // A linked worktree audits its own HEAD.
    const worktree = join(track(tempDir()), "wt");
    git(repo, ["worktree", "add", "-q", "--detach", worktree, "HEAD~1"]);
    expect(head(worktree)).toMatchObject({ commits: 2, repository: "wt" });
    // A bare clone has no work tree: its name comes from the git directory, from any subdirectory.
    const bare = join(track(tempDir()), "project.git");
    execFileSync("git", ["clone", "-q", "--bare", repo, bare], { env: gitEnv });
    expect(head(bare)).toMatchObject({ commits: 3, repository: "project.git" });
    expect(head(join(bare, "refs"))).toMatchObject({ commits: 3, repository: "project.git" });
    expect(head(join(repo, ".git"))).toMatchObject({ commits: 3, repository: name });
    expect(runCli(["audit"], join(bare, "refs")).stdout).toMatch(/^rationale audit of project\.git \(HEAD\)\n/);
    expect(runCli(["audit", "no-such-branch"], bare).stderr).toBe("rationale: unknown revision: 'no-such-branch' does not name a commit or range in this repository\n");
  });

  it("names each commit's author as git log does, through the repository's .mailmap", () => {
    // A .mailmap is how a project records a contributor's current name, for instance after
    // a change of name: the old one must not come back through the audit's json.
    const repo = track(makeRepo([{ message: GOOD_MESSAGE }]));
    writeFileSync(join(repo, ".mailmap"), "Current Name <current@example.com> Test Author <test@example.com>\n");
    git(repo, ["add", ".mailmap"]);
    git(repo, ["commit", "-q", "-m", "Map the author's old name to the current one"]);
    const run = runCli(["audit", "--format", "jsonl"], repo);
    expect(run.status).toBe(0);
    expect(parseJsonl(run.stdout).commits.map((c) => c.author)).toEqual(["Current Name", "Current Name"]);
  });

  it("takes paths after -- as git log does, as more --path, and points a path given as a revision there (exit 2)", () => {
    const repo = track(makeRepo([
      { message: GOOD_MESSAGE, files: { "f.txt": "1", "my notes.txt": "1" } },
      { message: VAGUE_MESSAGE, files: { "f.txt": "2" } },
      { message: VAGUE_MESSAGE, files: { "my notes.txt": "2" } },
      { message: VAGUE_MESSAGE },
    ]));
    mkdirSync(join(repo, "src"));
    const selected = (args: string[]) => {
      const run = runCli(["audit", "--format", "jsonl", "--no-progress", ...args], repo);
      expect(run.stderr, args.join(" ")).toBe("");
      return parseJsonl(run.stdout).summary.commits;
    };
    expect(selected(["--", "f.txt"])).toBe(2);
    expect(selected(["--", "f.txt", "my notes.txt"])).toBe(3);
    expect(selected(["main~1", "--", "f.txt"])).toBe(2);
    expect(selected(["main~3..main", "--", "f.txt", "my notes.txt"])).toBe(2);
    // One meaning: the paths after -- join those of --path, and --follow counts them.
    expect(selected(["--path", "my notes.txt", "--", "f.txt"])).toBe(3);
    expect(selected(["--follow", "--", "f.txt"])).toBe(2);
    expect(JSON.parse(runCli(["audit", "--format", "json", "--", "f.txt", "my notes.txt"], repo).stdout).summary.selection).toMatchObject({ revisions: [], paths: ["f.txt", "my notes.txt"] });
    // A -- that is an option's value is not the separator.
    expect(runCli(["audit", "--path", "--", "--format", "json"], repo).status).toBe(0);
    const refused: [string[], string][] = [
      [["f.txt"], "unknown revision: 'f.txt' is a path, not a commit or range; for the commits touching it, end the command with -- f.txt"],
      [["HEAD", "src"], "unknown revision: 'src' is a path, not a commit or range; for the commits touching it, end the command with -- src"],
      [["--follow", "--", "f.txt", "src"], "--follow follows one file under its earlier names: give exactly one path, with --path or after -- (got 2). See: rationale audit --help"],
    ];
    for (const [args, message] of refused) {
      const run = runCli(["audit", ...args], repo);
      expect(run.stderr, args.join(" ")).toBe(`rationale: ${message}\n`);
      expect(run.status).toBe(2);
    }
    // A name that is no path stays unknown.
    expect(runCli(["audit", "nosuch"], repo).stderr).toBe("rationale: unknown revision: 'nosuch' does not name a commit or range in this repository\n");
  });

  it("rejects a range with an unknown end, and reports an empty range or a path no commit touches as no commits", () => {
    const repo = track(makeRepo([{ message: GOOD_MESSAGE }, { message: VAGUE_MESSAGE }]));
    // The error names the end at fault, and the branch or tag a misspelt one is a typo of.
    git(repo, ["tag", "v1.0"]);
    const refused: [range: string, detail: string][] = [
      ["HEAD..no-such-branch", ": 'no-such-branch' names no commit"],
      ["no-such-branch...HEAD", ": 'no-such-branch' names no commit"],
      ["HEAD~5..HEAD", ": 'HEAD~5' goes back past the first commit of HEAD's history"],
      ["HEAD~5", ": it goes back past the first commit of HEAD's history"],
      ["HEAD^2..HEAD", ": 'HEAD^2' names a parent that is not there (^N is a merge's Nth parent)"],
      ["mian", ": did you mean 'main'?"],
      ["v1.O..HEAD", ": 'v1.O' names no commit; did you mean 'v1.0'?"],
      // v1.1 is another release than v1.0, not a typo of it.
      ["v1.1..HEAD", ": 'v1.1' names no commit"],
      ["nosuch", ""],
      // A suffix that walks no ancestors (a search for text) is not "past the first commit".
      ["HEAD^{/no such text}", ""],
      ["HEAD^{/nomatch}..HEAD", ": 'HEAD^{/nomatch}' names no commit"],
    ];
    for (const [range, detail] of refused) {
      const run = runCli(["audit", range], repo);
      expect(run.status, range).toBe(2);
      expect(run.stderr, range).toBe(`rationale: unknown revision: '${range}' does not name a commit or range in this repository${detail}\n`);
      expect(run.stdout).toBe("");
    }
    for (const args of [["HEAD..HEAD"], ["HEAD~1..HEAD~1"], ["--path", "no/such/path"]]) {
      const text = runCli(["audit", ...args, "--fail-under", "60"], repo);
      expect(text.status).toBe(0);
      expect(text.stdout).toMatch(/\n0 commits; 0 scored, 0 skipped\n(?:note: [^\n]*\n)?\nNo commits matched the selection\.\n$/);
      expect(text.stderr).toBe("rationale: no commit was scored (0 selected, none judged), so --fail-under 60 does not apply\n");
      const { commits, summary } = parseJsonl(runCli(["audit", ...args, "--format", "jsonl"], repo).stdout);
      expect(commits).toEqual([]);
      expect(summary.commits).toBe(0);
      expect(JSON.parse(runCli(["audit", ...args, "--format", "json"], repo).stdout).commits).toEqual([]);
    }
    // A path outside the repository is a bad --path, in one line with the pointer to help, not
    // git log's failure (however it was given: a -- path is one more --path).
    const top = execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd: repo, encoding: "utf8" }).trim();
    for (const [args, shown] of [[["--path", "/"], "/"], [["--", "../elsewhere"], "../elsewhere"]] as const) {
      const outside = runCli(["audit", ...args], repo);
      expect(outside.status).toBe(2);
      expect(outside.stderr).toBe(`rationale: --path ${shown} is outside the repository at ${top}; give a path inside it, from the current directory or absolute. See: rationale audit --help\n`);
      expect(outside.stdout).toBe("");
    }
  }, 60_000);

  it("notes a --path naming nothing in the working tree or at HEAD when no commit matched, so a typo shows", () => {
    const repo = track(makeRepo([
      { message: GOOD_MESSAGE, files: { "old.txt": "1\n", "kept.txt": "1\n" } },
      { message: VAGUE_MESSAGE, files: { "kept.txt": "2\n" } },
    ]));
    git(repo, ["rm", "-q", "old.txt"]);
    git(repo, ["commit", "-q", "-m", "Remove old.txt"]);
    const note = (path: string) => `--path ${path} names nothing in the working tree or at HEAD; check its spelling`;
    const text = runCli(["audit", "--path", "no/such/path", "--path", "my notes.txt"], repo);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`0 commits; 0 scored, 0 skipped\nnote: ${note("no/such/path")}\nnote: ${note("'my notes.txt'")}\n\nNo commits matched the selection.\n`);
    expect(runCli(["audit", "--format", "markdown", "--", "no/such/path"], repo).stdout).toContain(`> **Note:** ${note("no/such/path")}\n`);
    const json = (args: string[]) => JSON.parse(runCli(["audit", "--format", "json", ...args], repo).stdout).summary;
    expect(json(["--path", "no/such/path", "--path", "kept.txt", "--since", "2030-01-01"]).missingPaths).toEqual(["no/such/path"]);
    expect(parseJsonl(runCli(["audit", "--format", "jsonl", "--path", "no/such/path"], repo).stdout).summary.missingPaths).toEqual(["no/such/path"]);
    // A path that existed only in the past selects its commits, without a note; so does one
    // that exists when no commit in the selection touched it, a file not yet committed, or a
    // wildcard, which names no one file to look for.
    expect(json(["--path", "old.txt"])).toMatchObject({ commits: 2 });
    expect(json(["--path", "old.txt"]).missingPaths).toBeUndefined();
    expect(runCli(["audit", "--path", "old.txt"], repo).stdout).not.toContain("note:");
    writeFileSync(join(repo, "new.txt"), "1\n");
    mkdirSync(join(repo, "sub"));
    for (const args of [["--path", "kept.txt", "--since", "2030-01-01"], ["--path", "new.txt"], ["--path", "*.md"]]) {
      const run = runCli(["audit", ...args], repo);
      expect(run.stdout, args.join(" ")).toContain("\n0 commits; 0 scored, 0 skipped\n\nNo commits matched the selection.\n");
    }
    // A path is read from the current directory, at HEAD too: kept.txt from sub is ../kept.txt.
    rmSync(join(repo, "kept.txt"));
    expect(runCli(["audit", "--path", "../kept.txt", "--since", "2030-01-01"], join(repo, "sub")).stdout).not.toContain("note:");
    expect(runCli(["audit", "--path", "kept.txt", "--since", "2030-01-01"], join(repo, "sub")).stdout).toContain(`note: ${note("kept.txt")}\n`);
  });

  it("suggests the path of the working tree a mistyped --path is one typo away from, part by part", () => {
    const dir = tempDir();
    for (const sub of ["src", "docs"]) mkdirSync(join(dir, sub), { recursive: true });
    const repo = track(makeRepo([{ message: GOOD_MESSAGE, files: { "src/parser.ts": "1\n", "docs/guide.md": "1\n", "f2.js": "1\n" } }], dir));
    const note = (path: string, hint: string) => `note: --path ${path} names nothing in the working tree or at HEAD; ${hint}\n`;
    const cases: [typed: string, hint: string][] = [
      ["scr/", "did you mean src/?"],
      ["SRC", "did you mean src?"],
      ["scr/parsr.ts", "did you mean src/parser.ts?"],
      ["./docs/guide.mdd", "did you mean ./docs/guide.md?"],
      ["nothing/like/it", "check its spelling"],
      ["src/parser.ts/x", "check its spelling"],
      // Another file, not a typo: a name that differs only in its digits, or two edits from a short one.
      ["f9.js", "check its spelling"],
      ["ab", "check its spelling"],
    ];
    for (const [typed, hint] of cases) {
      const run = runCli(["audit", "--path", typed], repo);
      expect(run.status, typed).toBe(0);
      expect(run.stdout, typed).toContain(note(typed, hint));
    }
    // What git ignores is never suggested (no commit touches it): a build output beside the
    // source it is built from, an ignored directory.
    writeFileSync(join(repo, ".gitignore"), "src/*.js\ndist/\n");
    writeFileSync(join(repo, "src", "parser.js"), "1\n");
    mkdirSync(join(repo, "dist"));
    writeFileSync(join(repo, "dist", "index.js"), "1\n");
    for (const [typed, hint] of [["src/parser.jss", "did you mean src/parser.ts?"], ["dsit", "check its spelling"], ["dist/indx.js", "check its spelling"]]) {
      expect(runCli(["audit", "--path", typed], repo).stdout, typed).toContain(note(typed, hint));
    }
    // ... whatever else the directory holds or the environment says: a name git would read as
    // pathspec magic, or GIT_LITERAL_PATHSPECS (which git check-ignore refuses), still leaves dist out.
    writeFileSync(join(repo, ":!notes"), "1\n");
    expect(runCli(["audit", "--path", "dsit"], repo).stdout).toContain(note("dsit", "check its spelling"));
    for (const variable of ["GIT_LITERAL_PATHSPECS", "GIT_ICASE_PATHSPECS"]) {
      expect(runCli(["audit", "--path", "dsit"], repo, { [variable]: "1" }).stdout, variable).toContain(note("dsit", "check its spelling"));
    }
    rmSync(join(repo, ":!notes"));
    // From a subdirectory, as git log reads the path; and for lint --commits, which shares the note.
    expect(runCli(["audit", "--path", "parsr.ts"], join(repo, "src")).stdout).toContain(note("parsr.ts", "did you mean parser.ts?"));
    expect(runCli(["lint", "--commits", "HEAD", "--", "scr"], repo).stderr).toContain(
      "rationale: note: path scr names nothing in the working tree or at HEAD; did you mean src?\n",
    );
    // The json lists the path as typed, as before.
    expect(JSON.parse(runCli(["audit", "--format", "json", "--path", "scr/"], repo).stdout).summary.missingPaths).toEqual(["scr/"]);
  });

  it("says when a --path that names nothing now was last changed, instead of hinting at a typo", () => {
    const repo = track(makeRepo([
      { message: GOOD_MESSAGE, files: { "old.txt": "1\n", "kept.txt": "1\n" } },
      { message: VAGUE_MESSAGE, files: { "kept.txt": "2\n" } },
    ]));
    execFileSync("git", ["rm", "-q", "old.txt"], { cwd: repo, env: { ...gitEnv, GIT_AUTHOR_DATE: "2024-02-03T12:00:00Z", GIT_COMMITTER_DATE: "2024-02-03T12:00:00Z" } });
    execFileSync("git", ["commit", "-q", "-m", "Remove old.txt"], { cwd: repo, env: { ...gitEnv, GIT_AUTHOR_DATE: "2024-02-03T12:00:00Z", GIT_COMMITTER_DATE: "2024-02-03T12:00:00Z" } });
    const removal = git(repo, ["log", "-1", "--format=%h"]).trim();
    // A file deleted before the --since date: it existed, so its spelling is not in doubt.
    const text = runCli(["audit", "--path", "old.txt", "--path", "no/such/path", "--since", "2030-01-01"], repo);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(
      `0 commits; 0 scored, 0 skipped\nnote: --path old.txt names nothing in the working tree or at HEAD; it was last changed in ${removal} on 2024-02-03\n` +
        "note: --path no/such/path names nothing in the working tree or at HEAD; check its spelling\n",
    );
    // The json keeps missingPaths for the paths no commit touched and lists the others apart.
    const summary = JSON.parse(runCli(["audit", "--format", "json", "--path", "old.txt", "--path", "no/such/path", "--since", "2030-01-01"], repo).stdout).summary;
    expect(summary.missingPaths).toEqual(["no/such/path"]);
    expect(summary.pastPaths).toEqual([{ path: "old.txt", commit: removal, date: "2024-02-03" }]);
    const only = parseJsonl(runCli(["audit", "--format", "jsonl", "--path", "old.txt", "--since", "2030-01-01"], repo).stdout).summary;
    expect(only.missingPaths).toBeUndefined();
    expect(only.pastPaths).toEqual([{ path: "old.txt", commit: removal, date: "2024-02-03" }]);
  });

  it("writes the report to standard output with -o -, as lint - reads standard input", () => {
    const repo = track(makeRepo([{ message: GOOD_MESSAGE }, { message: VAGUE_MESSAGE }]));
    for (const args of [["-o", "-"], ["--output", "-"], ["--output=-"]]) {
      const run = runCli(["audit", "--format", "json", ...args], repo);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout).summary.commits).toBe(2);
      expect(existsSync(join(repo, "-"))).toBe(false);
    }
    // A file named - is still reachable as ./-.
    const file = runCli(["audit", "-o", "./-"], repo);
    expect(file.stderr).toBe("rationale: audited 2 commits; report written to ./-\n");
    expect(readFileSync(join(repo, "-"), "utf8")).toContain("rationale audit of");
  });

  it("keeps the previous --output file when the last write of the report fails (exit 2)", () => {
    const repo = track(makeRepo([{ message: GOOD_MESSAGE }, { message: VAGUE_MESSAGE }]));
    const outDir = track(tempDir());
    const out = join(outDir, "audit.txt");
    writeFileSync(out, "previous report\n");
    // A file size limit of 1 KiB fails the one write of the text report part-way, as a full
    // disk would; the truncated temp file must not replace the previous report.
    const run = spawnSync("sh", ["-c", 'ulimit -f 1 && exec "$0" "$@"', process.execPath, cli, "audit", "--output", out], { cwd: repo, env: gitEnv, encoding: "utf8" });
    expect(run.stderr).toMatch(/^rationale: cannot write .*audit\.txt: EFBIG: /);
    expect(run.stderr.split("\n")).toHaveLength(2);
    expect(run.status).toBe(2);
    expect(readdirSync(outDir)).toEqual(["audit.txt"]);
    expect(readFileSync(out, "utf8")).toBe("previous report\n");
    // A device that fails the write is an error too, not "report written".
    if (existsSync("/dev/full")) {
      const full = runCli(["audit", "--output", "/dev/full"], repo);
      expect(full.status).toBe(2);
      expect(full.stderr).toBe("rationale: cannot write /dev/full: ENOSPC: no space left on device, write\n");
    }
  });

  it("replaces an existing --output as a plain write would: through a symlink, keeping its mode, never a read-only file", () => {
    const repo = track(makeRepo([{ message: GOOD_MESSAGE }]));
    const outDir = track(tempDir());
    const real = join(outDir, "published", "audit.md");
    mkdirSync(dirname(real));
    writeFileSync(real, "previous report\n");
    chmodSync(real, 0o640);
    const link = join(outDir, "audit.md");
    symlinkSync(real, link);
    const run = runCli(["audit", "--format", "markdown", "--output", link], repo);
    expect(run.stderr).toBe(`rationale: audited 1 commit; report written to ${link}\n`);
    expect(run.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, "utf8")).toMatch(/^## Commit message audit/);
    expect(statSync(real).mode & 0o777).toBe(0o640);
    expect(readdirSync(outDir).sort()).toEqual(["audit.md", "published"]);
    expect(readdirSync(dirname(real))).toEqual(["audit.md"]);
    // A read-only target: root would write it anyway, so the CLI runs as another user.
    chmodSync(real, 0o444);
    openToOthers(repo, outDir, dirname(real));
    const locked = runCliUnprivileged(["audit", "--output", link], repo);
    expect(locked.stderr).toBe(`rationale: cannot write --output ${link}: permission denied\n`);
    expect(locked.status).toBe(2);
    expect(readFileSync(real, "utf8")).toMatch(/^## Commit message audit/);
  });

  it("writes a first report through a dangling symlink to the file it names, keeping the link", () => {
    const repo = track(makeRepo([{ message: GOOD_MESSAGE }]));
    const outDir = track(tempDir());
    mkdirSync(join(outDir, "published"));
    // latest.md -> current.md -> published/audit.md, which no run has written yet.
    symlinkSync("published/audit.md", join(outDir, "current.md"));
    symlinkSync("current.md", join(outDir, "latest.md"));
    const link = join(outDir, "latest.md");
    const run = runCli(["audit", "--format", "markdown", "--output", link], repo);
    expect(run.stderr).toBe(`rationale: audited 1 commit; report written to ${link}\n`);
    expect(run.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(outDir, "current.md")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(outDir, "published", "audit.md"), "utf8")).toMatch(/^## Commit message audit/);
    expect(readdirSync(join(outDir, "published"))).toEqual(["audit.md"]);
  });

  it("says why --output cannot be written, before and while writing, in one line (exit 2)", () => {
    const repo = track(makeRepo([{ message: GOOD_MESSAGE }]));
    writeFileSync(join(repo, "notes.txt"), "notes\n");
    for (const out of ["notes.txt/audit.txt", "notes.txt/sub/audit.txt"]) {
      const run = runCli(["audit", "--output", out], repo);
      expect(run.stderr).toBe(`rationale: cannot write --output ${out}: notes.txt is not a directory\n`);
      expect(run.status).toBe(2);
    }
    const missing = runCli(["audit", "--output", "no/such/dir/audit.txt"], repo);
    expect(missing.stderr).toBe("rationale: --output no/such/dir/audit.txt: directory no/such/dir does not exist\n");
    expect(missing.status).toBe(2);
    // A directory the CLI's user cannot write to (root writes anyway: it runs as another user).
    const locked = track(tempDir());
    chmodSync(locked, 0o555);
    openToOthers(repo);
    const denied = runCliUnprivileged(["audit", "--output", join(locked, "audit.txt")], repo);
    chmodSync(locked, 0o755);
    expect(denied.stderr).toBe(`rationale: cannot write --output ${join(locked, "audit.txt")}: permission denied\n`);
    expect(denied.status).toBe(2);
    expect(readdirSync(locked)).toEqual([]);
    // 1,500 commits make more than one 1 MB buffer of json, so the file size limit fails a
    // write in the middle of the audit, not only the last one.
    const long = manyCommits(1500);
    const outDir = track(tempDir());
    const out = join(outDir, "audit.json");
    writeFileSync(out, "previous report\n");
    const run = spawnSync("sh", ["-c", 'ulimit -f 64 && exec "$0" "$@"', process.execPath, cli, "audit", "--format", "json", "--jobs", "1", "--output", out], { cwd: long, env: gitEnv, encoding: "utf8" });
    expect(run.stderr).toMatch(/^rationale: cannot write .*audit\.json: EFBIG: [^\n]*\n$/);
    expect(run.status).toBe(2);
    expect(readdirSync(outDir)).toEqual(["audit.json"]);
    expect(readFileSync(out, "utf8")).toBe("previous report\n");
  });

  it("rejects bad option values with exit 2", () => {
    const repo = track(makeRepo([{ message: GOOD_MESSAGE }]));
    expect(runCli(["audit", "--jobs", "0"], repo).stderr).toBe("rationale: --jobs expects a whole number from 1 to 256, got '0'. See: rationale audit --help\n");
    const cores = availableParallelism();
    const many = runCli(["audit", "--jobs", "256", "--format", "json"], repo);
    expect(many.status).toBe(0);
    expect(many.stderr).toBe(cores >= 128 ? "" : `rationale: --jobs 256 is more than twice this machine's ${cores} cores; using ${2 * cores}\n`);
    // The note comes once the audit starts: an error found first is the run's one line.
    if (cores < 128) {
      expect(runCli(["audit", "--jobs", "256", "no-such-branch"], repo)).toMatchObject({
        status: 2,
        stderr: "rationale: unknown revision: 'no-such-branch' does not name a commit or range in this repository\n",
      });
      const outside = track(tempDir());
      expect(runCli(["audit", "--jobs", "256"], outside)).toMatchObject({ status: 2, stderr: `rationale: not a git repository: ${outside}; run rationale audit in your repository\n` });
      expect(runCli(["audit", "--jobs", "256", "--top", "x"], repo)).toMatchObject({ status: 2, stderr: expect.stringMatching(/^rationale: --top expects a whole number from 0 to 10000, got 'x'/) });
      expect(runCli(["audit", "--jobs", "256", "--output", repo], repo)).toMatchObject({ status: 2, stderr: `rationale: --output ${repo} is a directory; give a file name\n` });
    }
    expect(runCli(["audit", "--max-count", "many"], repo).status).toBe(2);
    // A count past what a double holds exactly is still a count, as git log takes it: every commit.
    // git keeps the count in a C int, where 4294967296 and 8589934592 are 0.
    for (const count of ["99999999999999999999", "4294967296", "8589934592"]) {
      const huge = runCli(["audit", "--max-count", count, "--format", "json"], repo);
      expect(huge.stderr, count).toBe("");
      expect(huge.status, count).toBe(0);
      expect(JSON.parse(huge.stdout).summary.commits, count).toBe(1);
    }
    for (const [option, value, expected] of [
      ["--jobs", "abc", "--jobs expects a whole number from 1 to 256, got 'abc'. See: rationale audit --help"],
      ["--jobs", "1.5", "--jobs expects a whole number from 1 to 256, got '1.5'. See: rationale audit --help"],
      ["--max-count", "-1", "--max-count expects a whole number from 0 up, got '-1'. See: rationale audit --help"],
      ["--top", "-1", "--top expects a whole number from 0 to 10000, got '-1'. See: rationale audit --help"],
      ["--fail-under", "200", "--fail-under expects a score from 0 to 100 (decimals allowed, e.g. 72.5), got '200'. See: rationale audit --help"],
    ]) {
      const run = runCli(["audit", option, value], repo);
      expect(run.stderr).toBe(`rationale: ${expected}\n`);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
    }
    // git log's -N count ends like every other usage error; after "--" git would read a path.
    expect(runCli(["audit", "-5"], repo)).toMatchObject({
      status: 2,
      stderr: "rationale: unknown option '-5'; for the newest 5 commits use -n 5. See: rationale audit --help\n",
    });
    expect(runCli(["audit", "--", "--frob"], repo)).toMatchObject({ status: 0, stderr: "" });
    const format = runCli(["audit", "--format", "pdf"], repo);
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(/argument 'pdf' is invalid/);
    const dirOut = runCli(["audit", "--output", repo], repo);
    expect(dirOut.status).toBe(2);
    expect(dirOut.stderr).toBe(`rationale: --output ${repo} is a directory; give a file name\n`);
    expect(runCli(["audit", "--output", ""], repo).stderr).toBe("rationale: --output expects a file name, got ''. See: rationale audit --help\n");
    // An empty path is ours to refuse, with the pointer, not git's "empty string is not a valid pathspec".
    for (const args of [["--path", ""], ["--", ""]]) {
      expect(runCli(["audit", ...args], repo)).toMatchObject({
        status: 2,
        stderr: "rationale: a path given with --path or after -- is empty; for every path give . (git takes no empty path). See: rationale audit --help\n",
      });
    }
    // /proc exists but takes no new files: the error names the destination, not a temp file.
    if (existsSync("/proc/self")) {
      const proc = runCli(["audit", "--output", "/proc/report.txt"], repo);
      expect(proc.status).toBe(2);
      expect(proc.stderr).toMatch(/^rationale: cannot write --output \/proc\/report\.txt: /);
      expect(proc.stderr).not.toContain("rationale-tmp");
    }
  });
});

describe("audit of this repository", () => {
  it("runs on the project's own history", () => {
    const result = runCli(["audit", "--format", "jsonl"], root);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const { commits, summary } = parseJsonl(result.stdout);
    const count = Number(git(root, ["rev-list", "--count", "HEAD"]).trim());
    expect(commits).toHaveLength(count);
    expect(summary.commits).toBe(count);
  });
});

const benchScript = join(sharedBench, "make-repo.mjs");
const haveBench = existsSync(benchScript);
if (!haveBench) console.warn(`\n*** SKIPPING the 2,000-commit audit tests: ${benchScript} is absent ***\n`);

describe.skipIf(!haveBench)("audit of 2,000 commits of git.git's history (../shared/bench)", () => {
  let repo: string;
  beforeAll(() => {
    const parent = track(tempDir());
    repo = join(parent, "history");
    execFileSync(process.execPath, [benchScript, repo, "2000"], { env: gitEnv, stdio: "ignore" });
  }, 120_000);

  it("audits every commit and the summary adds up", () => {
    const result = runCli(["audit", "--format", "jsonl", "--jobs", "1"], repo);
    expect(result.status).toBe(0);
    const { commits, summary } = parseJsonl(result.stdout);
    expect(commits).toHaveLength(2000);
    expect(summary.commits).toBe(2000);
    expect(summary.judged + summary.skipped.count).toBe(2000);
    expect(summary.score.histogram.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(summary.judged);
    expect(summary.trend.periods.reduce((n: number, p: { commits: number }) => n + p.commits, 0)).toBe(2000);
    expect(summary.trend.unit).toBe("month");
    const mean = commits.filter((c) => !c.skipped).reduce((n, c) => n + c.score, 0) / summary.judged;
    expect(summary.score.mean).toBeCloseTo(mean, 1);
    expect(summary.worst).toHaveLength(20);
    expect(summary.worst[0].score).toBe(Math.min(...commits.filter((c) => !c.skipped).map((c) => c.score)));
    const ruleCommits = new Set(commits.filter((c) => c.findings.some((f: { ruleId: string }) => f.ruleId === summary.rules[0].ruleId)).map((c) => c.sha));
    expect(summary.rules[0].commits).toBe(ruleCommits.size);
  }, 120_000);

  it("gives the same commits in the same order with worker threads", () => {
    const one = runCli(["audit", "--format", "jsonl", "--jobs", "1"], repo);
    // Threads start after 1,024 commits instead of 4,096 (INLINE_FIRST), so this history uses them.
    const threads = { RATIONALE_AUDIT_STATS: "1", RATIONALE_AUDIT_INLINE_FIRST: "1024" };
    const two = runCli(["audit", "--format", "jsonl", "--jobs", "3"], repo, threads);
    expect(two.status).toBe(0);
    // --jobs 3: this thread and two workers.
    expect(JSON.parse(/rationale-audit-stats (.*)/.exec(two.stderr)![1]).workers).toBe(2);
    const a = parseJsonl(one.stdout);
    const b = parseJsonl(two.stdout);
    expect(b.commits).toEqual(a.commits);
    const strip = (s: Record<string, unknown>) => ({ ...s, generatedAt: undefined });
    expect(strip(b.summary)).toEqual(strip(a.summary));
    // Threads that aggregate their own part of the history give the very same report.
    const textOne = runCli(["audit", "--jobs", "1"], repo);
    const textTwo = runCli(["audit", "--jobs", "2"], repo, threads);
    expect(JSON.parse(/rationale-audit-stats (.*)/.exec(textTwo.stderr)![1]).workers).toBe(1);
    expect(textTwo.stdout).toBe(textOne.stdout);
    expect(textOne.stdout).toContain("2,000 commits");
  }, 120_000);

  it("starts no worker for a history shorter than 4,096 commits, where one costs more than it saves", () => {
    const result = runCli(["audit", "--jobs", "2"], repo, { RATIONALE_AUDIT_STATS: "1" });
    expect(result.status).toBe(0);
    expect(JSON.parse(/rationale-audit-stats (.*)/.exec(result.stderr)![1]).workers).toBe(0);
  }, 120_000);

  it("prints every text section and the trend by month", () => {
    const result = runCli(["audit", "--max-count", "500"], repo);
    expect(result.status).toBe(0);
    for (const section of ["Score distribution", "Context carried", "Findings by rule", "Worst 10 commits", "Areas (by summary prefix", "Trend by month"]) {
      expect(result.stdout).toContain(section);
    }
  }, 60_000);
});
