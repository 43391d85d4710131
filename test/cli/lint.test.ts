// `rationale lint` as users run it: the built CLI as a child process, its output and exit codes.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ANSI, GOOD_MESSAGE, HASH_SUMMARY_MESSAGE, assertBuilt, cleanEnv, cli, makeRepo, root, runCli, tempDir } from "./helpers.js";
import { openToOthers, runCliUnprivileged } from "../audit/helpers.js";

interface JsonResult {
  source: string;
  kind: string;
  skipped: boolean;
  skipReason?: string;
  score: number;
  pass: boolean;
  findings: { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; category: string; messageId: string }[];
  facets: Record<string, unknown>;
  parts: Record<string, { score: number; max: number }>;
}

// Each test starts node (and often git) several times on a shared, busy machine.
vi.setConfig({ testTimeout: 60_000 });

let dir: string;

/** Writes `name` in the test dir (the CLI's cwd) and returns the name as users would type it. */
function file(name: string, content: string | Buffer): string {
  writeFileSync(join(dir, name), content);
  return name;
}

function lint(args: string[], input?: string | Buffer) {
  return runCli(["lint", ...args], { cwd: dir, input });
}

function json(args: string[], input?: string): JsonResult[] {
  const run = lint([...args, "--format", "json"], input);
  expect(run.stderr).toBe("");
  return (JSON.parse(run.stdout) as { results: JsonResult[] }).results;
}

/** A usage error: exit 2, one line on stderr matching `pattern`, no stack trace. */
function expectUsageError(run: { status: number | null; stdout: string; stderr: string }, pattern: RegExp) {
  expect(run.status).toBe(2);
  expect(run.stderr.trimEnd()).toMatch(pattern);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

beforeAll(() => {
  assertBuilt();
  dir = tempDir();
});

describe("rationale lint: verdicts and exit codes", () => {
  it("passes a message with a specific summary and a body saying why and what (exit 0)", () => {
    const run = lint([file("good.txt", GOOD_MESSAGE)]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^good\.txt  score \d+\/100 \(summary \d+\/25 · why \d+\/35 · what \d+\/25 · context \d+\/15\)  PASS$/m);
  });

  it("says a message with warnings only fails on its score, against the pass mark in force", () => {
    const message = "Change the pager height\n\nThe pager height was 24 lines before.\n";
    const run = lint([file("low.txt", message)]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^low\.txt  score (\d+)\/100 .*  FAIL \(score \1 is below 60\)$/m);
    expect(run.stdout).not.toMatch(/^\d+:\d+ +error /m);
    // The pass mark is the configured one.
    const config = file("rationale.config.json", '{ "threshold": 50 }');
    expect(lint([file("low2.txt", message), "--config", config]).stdout).toMatch(/FAIL \(score \d+ is below 50\)$/m);
  });

  it("fails a vague summary-only message (exit 1) and lists findings as line:column severity message rule-id", () => {
    const run = lint([file("vague.txt", "Fix bug\n")]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^vague\.txt  score \d+\/100 .*  FAIL \(errors: summary-vague, body-required\)$/m);
    expect(run.stdout).toMatch(/^1:1 +error +.+ {2}summary-vague$/m);
  });

  it("fails WIP", () => {
    expect(lint([file("wip.txt", "WIP\n")]).status).toBe(1);
  });

  it("skips fixup! commits with one line saying why, exit 0", () => {
    const run = lint([file("fixup.txt", "fixup! Retry webhook delivery when the receiver times out\n")]);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    expect(run.stdout).toMatch(/^fixup\.txt  skipped: .+/);
    const [result] = json([join(dir, "fixup.txt")]);
    expect(result.skipped).toBe(true);
    expect(result.kind).toBe("fixup");
  });

  it("reads stdin with --stdin and with -", () => {
    for (const args of [["--stdin"], ["-"]]) {
      const run = lint(args, GOOD_MESSAGE);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^stdin  score/);
    }
    expect(lint(["-"], "Fix bug\n").status).toBe(1);
  });
});

describe("rationale lint: JSON output", () => {
  it("prints { results: [ { source, ...lint result } ] }", () => {
    file("json.txt", "Fixed the tests.\n");
    const run = lint(["json.txt", "--format", "json"]);
    expect(run.status).toBe(1);
    const parsed = JSON.parse(run.stdout) as { results: JsonResult[] };
    expect(Object.keys(parsed)).toEqual(["results"]);
    expect(parsed.results).toHaveLength(1);
    const [result] = parsed.results;
    expect(result.source).toBe("json.txt");
    expect(result).toMatchObject({ kind: "normal", skipped: false, pass: false });
    expect(Number.isInteger(result.score)).toBe(true);
    expect(Object.keys(result.parts).sort()).toEqual(["context", "summary", "what", "why"]);
    expect(result.score).toBe(Object.values(result.parts).reduce((sum, part) => sum + part.score, 0));
    expect(result.findings.length).toBeGreaterThan(0);
    for (const finding of result.findings) {
      expect(Object.keys(finding).sort()).toEqual(
        ["category", "column", "endColumn", "endLine", "line", "message", "messageId", "ruleId", "severity"].sort(),
      );
    }
    expect(result.findings.map((finding) => finding.ruleId)).toContain("summary-trailing-period");
  });
});

describe("rationale lint: text output points at the span", () => {
  it("puts a caret under columns 73-82 of an 82-character summary", () => {
    const summary = "Keep the pager's scroll position when the terminal window is resized by the user!!";
    const run = lint([file("long.txt", `${summary}\n`)]);
    const lines = run.stdout.split("\n");
    const at = lines.findIndex((line) => /^1:73 +error .* summary-max-length$/.test(line));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe(`    ${summary}`);
    expect(lines[at + 2]).toBe(`    ${" ".repeat(72)}^${"~".repeat(9)}`);
  });

  it("draws every finding's caret from its line, column and end column, in the original line numbering", () => {
    const message = "# a comment line git strips\nfixed the pager.\nThe pager jumped to the top.\n";
    const path = file("positions.txt", message);
    const [result] = json([path]);
    expect(result.findings.length).toBeGreaterThan(0);
    const text = lint([path]).stdout.split("\n");
    const original = message.split("\n");
    for (const finding of result.findings) {
      const header = text.findIndex((line) => line.startsWith(`${finding.line}:${finding.column} `) && line.endsWith(finding.ruleId));
      expect(header, `header for ${finding.ruleId}`).toBeGreaterThan(0);
      expect(text[header + 1]).toBe(`    ${original[finding.line - 1]}`);
      const width = finding.endLine > finding.line ? original[finding.line - 1].length - finding.column + 1 : finding.endColumn - finding.column;
      expect(text[header + 2]).toBe(`    ${" ".repeat(finding.column - 1)}^${"~".repeat(Math.max(0, width - 1))}`);
    }
    expect(result.findings.every((finding) => finding.line >= 2)).toBe(true);
  });

  it("has no escape codes when stdout is not a terminal, and none with NO_COLOR", () => {
    const path = file("colour.txt", "Fixed bug.\n");
    expect(lint([path]).stdout).not.toMatch(ANSI);
    expect(runCli(["lint", path], { cwd: dir, env: { NO_COLOR: "1", FORCE_COLOR: "1" } }).stdout).not.toMatch(ANSI);
  });
});

describe("rationale: standard output that cannot be written", () => {
  // /dev/full answers every write with ENOSPC, as a full disk does.
  const haveFull = existsSync("/dev/full");
  if (!haveFull) console.warn("SKIPPED: /dev/full is absent; the test of a standard output that cannot be written does not run");
  it.runIf(haveFull)("says so and exits 2 instead of exiting with the verdict of a report nobody got", () => {
    const path = file("full.txt", GOOD_MESSAGE);
    for (const args of [["lint", path], ["lint", path, "--format", "json"], ["--help"]]) {
      const out = openSync("/dev/full", "w");
      try {
        const child = spawnSync(process.execPath, [cli, ...args], { cwd: dir, env: cleanEnv(dir), stdio: ["ignore", out, "pipe"], encoding: "utf8" });
        expect(child.stderr, args.join(" ")).toBe("rationale: cannot write to standard output: ENOSPC: no space left on device, write\n");
        expect(child.status, args.join(" ")).toBe(2);
      } finally {
        closeSync(out);
      }
    }
  });
});

describe("rationale lint: cleaning like git", () => {
  it("honours --comment-char", () => {
    const path = file("semicolon.txt", `${HASH_SUMMARY_MESSAGE}; Please enter the commit message for your changes.\n`);
    const withSemicolon = lint([path, "--comment-char", ";"]);
    expect(withSemicolon.status).toBe(0);
    const [withHash] = json([path]);
    expect(withHash.pass).toBe(false);
    expect(withHash.findings.map((finding) => finding.ruleId)).toContain("summary-blank-line");
  });

  it("reads CRLF files and reports columns without the CR", () => {
    const crlf = file("crlf.txt", GOOD_MESSAGE.replace(/\n/g, "\r\n"));
    expect(lint([crlf]).status).toBe(0);
    const [result] = json([file("crlf-bad.txt", "Fixed the pager.\r\n")]);
    const period = result.findings.find((finding) => finding.ruleId === "summary-trailing-period");
    expect(period).toMatchObject({ line: 1, column: 16, endColumn: 17 });
  });

  it("rejects a blank --comment-char", () => {
    const run = lint([file("cc.txt", GOOD_MESSAGE), "--comment-char", " "]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^rationale: --comment-char must be/);
  });
});

describe("rationale lint: bad input gets one clear line, never a stack trace", () => {
  it("treats an empty file as a failed, empty commit message (exit 1), like git aborting the commit", () => {
    for (const content of ["", "\n\n", "# only a comment\n"]) {
      const run = lint([file("empty.txt", content)]);
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/^empty\.txt  empty commit message.*FAIL\n1:1  error  Message is empty; .*  summary-empty\n$/);
    }
    const [result] = json([join(dir, "empty.txt")]);
    expect(result.pass).toBe(false);
    // As the hook: the advice says what to write instead.
    const hook = runCli(["lint", "--edit", join(dir, "empty.txt")], { cwd: dir, env: { GIT_INDEX_FILE: ".git/index" } });
    expect(hook.stderr).toContain("rationale: commit rejected (the message is empty). Write a summary of the change, a blank line, then why it is needed and what it does.\n");
  });

  it("names a missing file", () => {
    expectUsageError(lint(["no-such-file.txt"]), /^rationale: cannot read no-such-file\.txt: no such file$/);
  });

  it("names an empty file name as such, not as the directory it would resolve to", () => {
    expectUsageError(lint([""]), /^rationale: FILE expects a file name, got ''\. See: rationale lint --help$/);
    // A commit-msg hook script run by hand passes an empty "$1".
    expectUsageError(lint(["--edit", ""]), /^rationale: --edit expects a file name, got '' \(git passes the message file .*\)\. See: rationale lint --help$/);
    expectUsageError(
      lint([file("named.txt", GOOD_MESSAGE), "--config", ""]),
      /^rationale: --config expects a file name, got ''; leave it out to search from the current directory upward\. See: rationale lint --help$/,
    );
  });

  it("names a file no name can reach: too long for the file system (cut), or through a file", () => {
    const long = "x".repeat(5000);
    const run = lint([long]);
    expectUsageError(run, /^rationale: cannot read x{59}…: its name is too long for the file system$/);
    expectUsageError(lint(["--edit", long]), /^rationale: cannot read x{59}…: its name is too long for the file system$/);
    file("plain.txt", GOOD_MESSAGE);
    expectUsageError(lint(["plain.txt/msg"]), /^rationale: cannot read plain\.txt\/msg: no such file \(a parent of it is a file, not a directory\)$/);
  });

  it("refuses a directory", () => {
    mkdirSync(join(dir, "a-dir"), { recursive: true });
    expectUsageError(lint(["a-dir"]), /^rationale: cannot read a-dir: it is a directory/);
  });

  it("refuses binary content, naming the NUL byte's offset", () => {
    const path = file("binary.bin", Buffer.from([0x46, 0x69, 0x78, 0x0a, 0x00, 0x01, 0x02]));
    expectUsageError(lint([path]), /looks binary: NUL byte at byte offset 4 \(line 2\)/);
  });

  it("names a UTF-16 message file as such, not as binary", () => {
    const utf16 = "Keep the pager scroll position\r\n";
    for (const [name, bytes] of [
      ["bom-le.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, "utf16le")])],
      ["bom-be.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf16, "utf16le").swap16()])],
      ["no-bom.txt", Buffer.from(utf16, "utf16le")],
    ] as const) {
      expectUsageError(lint([file(name, bytes)]), new RegExp(`^rationale: ${name.replace(".", "\\.")} is UTF-16, not UTF-8 \\(Windows PowerShell 5 writes UTF-16 with > or Out-File\\); save the message as UTF-8$`));
    }
  });

  it("refuses invalid UTF-8, naming the byte offset", () => {
    const path = file("latin1.txt", Buffer.concat([Buffer.from("Fix caf"), Buffer.from([0xe9]), Buffer.from(" menu\n")]));
    expectUsageError(lint([path]), /is not valid UTF-8: byte 0xe9 at byte offset 7 \(line 1\)/);
    expectUsageError(lint(["-"], Buffer.from([0x41, 0xc3, 0x28])), /^rationale: stdin is not valid UTF-8: byte 0xc3 at byte offset 1/);
  });

  it("lints a 5 MB message and keeps the report short", () => {
    const paragraph = "The cache kept stale entries because the eviction timer never rearmed\nafter a resize, so readers saw old prices until the process restarted.\n\n";
    const big = GOOD_MESSAGE + "\n" + paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length));
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
    const run = lint([file("big.txt", big)]);
    expect(run.stderr).toBe("");
    // The good message with more of its reason: it passes, and the report is its one line.
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^big\.txt  score \d+\/100 \(.*\)  PASS\n$/);

    // Thousands of over-long lines: ten findings listed, the rest counted; json keeps them all.
    const long = `${GOOD_MESSAGE}\n${`${"word ".repeat(20)}\n`.repeat(500)}`;
    const many = lint([file("many.txt", long)]);
    expect(many.stdout.match(/body-max-line-length$/gm)).toHaveLength(10);
    expect(many.stdout).toContain("… 490 more body-max-line-length findings (--format json lists them all)\n");
    expect(json([join(dir, "many.txt")])[0].findings.filter((finding) => finding.ruleId === "body-max-line-length")).toHaveLength(500);

    const oneLine = "x".repeat(5 * 1024 * 1024);
    const longRun = lint([file("one-line.txt", `${oneLine}\n`)]);
    expect(longRun.status).toBe(1);
    expect(longRun.stdout.length).toBeLessThan(10_000);
    expect(longRun.stdout).toMatch(/^1:73 +error .*summary-max-length$/m);
  }, 120_000);

  it("needs a message source, and only one", () => {
    expectUsageError(lint([]), /^rationale: nothing to lint: give a FILE, --edit \[FILE\], --stdin \(or -\), --commit REV or --commits RANGE\. See: rationale lint --help$/);
    expectUsageError(lint(["a.txt", "--stdin"]), /^rationale: give only one message source; got FILE 'a\.txt' and --stdin\. See: rationale lint --help$/);
    expectUsageError(lint(["--edit", "msg.txt", "extra"]), /^rationale: give only one message source; got FILE 'extra' and --edit 'msg\.txt'\. See: rationale lint --help$/);
    // git log's path syntax after one commit: only --commits selects commits by path.
    expectUsageError(
      lint(["--commit", "HEAD", "--", "src/a.ts"]),
      /^rationale: paths after -- select the commits of --commits RANGE; --commit HEAD lints that one commit \(got 'src\/a\.ts' after --\)\. See: rationale lint --help$/,
    );
    // Empty values are usage errors of ours, not git's "unknown revision" or "empty pathspec".
    expectUsageError(lint(["--commit", ""]), /^rationale: --commit expects a revision \(a hash, HEAD, a tag\), got ''\. See: rationale lint --help$/);
    expectUsageError(lint(["--commits", "HEAD", "--", ""]), /^rationale: a path after -- is empty; for every path give \. \(git takes no empty path\)\. See: rationale lint --help$/);
  });

  it("reports unknown options and bad --format values as usage errors (exit 2)", () => {
    const unknown = lint(["--nope"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^rationale: unknown option '--nope'/);
    const format = lint(["x.txt", "--format", "xml"]);
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(/^rationale: option '--format <FORMAT>' argument 'xml' is invalid/);
  });

  it("refuses a one-value option given twice instead of keeping the last silently", () => {
    const twice = lint(["--commit", "HEAD", "--commit", "HEAD~1"]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toBe("rationale: option '--commit <REV>' given more than once ('HEAD' and 'HEAD~1'); give it once. See: rationale lint --help\n");
    expectUsageError(lint(["x.txt", "--format", "json", "--format=text"]), /^rationale: option '--format <FORMAT>' given more than once \('json' and 'text'\)/);
    // Repeatable options collect; flags may repeat.
    const repo = makeRepo();
    repo.git(["commit", "-q", "--no-verify", "--allow-empty", "-m", "Fix bug"]);
    const paths = runCli(["audit", "--path", "a", "--path", "b", "--no-progress", "--no-progress", "-n", "1"], { cwd: repo.dir, home: repo.home });
    expect(paths.stderr).toBe("");
    expect(paths.status).toBe(0);
  });
});

describe("rationale lint FILE FILE...", () => {
  it("lints each file in the order given, one report each, and counts them in a closing line", () => {
    const vague = file("many-vague.txt", "Fix bug\n");
    const good = file("many-good.txt", GOOD_MESSAGE);
    const run = lint([vague, good]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const headers = run.stdout.split("\n").filter((line) => /  score \d+\/100 /.test(line));
    expect(headers).toHaveLength(2);
    expect(headers[0]).toMatch(/^many-vague\.txt  score \d+\/100 .*  FAIL/);
    expect(headers[1]).toMatch(/^many-good\.txt  score \d+\/100 .*  PASS$/);
    expect(run.stdout).toMatch(/^1:1 +error .*summary-vague$/m);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("2 files checked: 1 fails (many-vague.txt)");

    const passing = lint([good, good]);
    expect(passing.status).toBe(0);
    expect(passing.stdout.trimEnd().split("\n").at(-1)).toBe("2 files checked: all pass");
  });

  it("--quiet prints nothing for what passes, warnings included, and reports what fails in full", () => {
    const good = file("quiet-good.txt", GOOD_MESSAGE);
    // Passes with a warning: the body line is over 72 characters.
    const warned = file("quiet-warned.txt", GOOD_MESSAGE.replace(/\n$/, ` ${"and more words".repeat(8)}\n`));
    const vague = file("quiet-vague.txt", "Fix bug\n");
    expect(lint([warned]).stdout).toMatch(/PASS[^\n]*\n.*warn/s);
    for (const args of [[good], [warned], [good, warned]]) {
      const run = lint([...args, "--quiet"]);
      expect(run, args.join(" ")).toMatchObject({ status: 0, stdout: "", stderr: "" });
    }
    // A failing message is reported as without --quiet; among several, only it and the closing line.
    const one = lint([vague, "--quiet"]);
    expect(one.status).toBe(1);
    expect(one.stdout).toBe(lint([vague]).stdout);
    const several = lint([good, vague, warned, "--quiet"]);
    expect(several.status).toBe(1);
    expect(several.stdout.split("\n").filter((line) => /  score \d+\/100 /.test(line))).toEqual([expect.stringMatching(/^quiet-vague\.txt  score .*FAIL/)]);
    expect(several.stdout).toMatch(/^quiet-vague\.txt/);
    expect(several.stdout.trimEnd().split("\n").at(-1)).toBe("3 files checked: 1 fails (quiet-vague.txt)");
    // From stdin too, as a hook may pipe it.
    expect(lint(["--stdin", "--quiet"], GOOD_MESSAGE)).toMatchObject({ status: 0, stdout: "" });
  });

  it("refuses --quiet with --format json, which lists every message", () => {
    expectUsageError(lint([file("quiet-json.txt", GOOD_MESSAGE), "--quiet", "--format", "json"]), /^rationale: --quiet applies to the text report; --format json lists every message\. See: rationale lint --help$/);
  });

  it("cleans each file as git would, with the comment char given", () => {
    const first = file("many-comment-1.txt", `${GOOD_MESSAGE}\n; a note git drops\n`);
    const second = file("many-comment-2.txt", "; only a comment\n");
    const results = json([first, second, "--comment-char", ";"]);
    expect(results.map((result) => result.source)).toEqual([first, second]);
    expect(results[0]!.pass).toBe(true);
    // The second is empty once cleaned, which fails like an empty commit.
    expect(results[1]!.pass).toBe(false);
  });

  it("writes one JSON document with every result, in order", () => {
    const a = file("many-a.txt", "Fix bug\n");
    const b = file("many-b.txt", GOOD_MESSAGE);
    const results = json([a, b, a]);
    expect(results.map((result) => [result.source, result.pass])).toEqual([[a, false], [b, true], [a, false]]);
  });

  it("reads every file before reporting: an unreadable one is a usage error with no partial report", () => {
    const good = file("many-readable.txt", GOOD_MESSAGE);
    const run = lint([good, "many-missing.txt"]);
    expectUsageError(run, /^rationale: cannot read many-missing\.txt: no such file$/);
    expect(run.stdout).toBe("");
  });

  it("refuses stdin or another source among several files", () => {
    const good = file("many-only.txt", GOOD_MESSAGE);
    expectUsageError(lint([good, "-"]), /^rationale: '-' \(stdin\) holds one message: give it alone, not among other FILEs\. See: rationale lint --help$/);
    expectUsageError(lint([good, good, "--stdin"]), /^rationale: give only one message source; got 2 FILEs \('many-only\.txt', 'many-only\.txt'\) and --stdin\. See: rationale lint --help$/);
    expectUsageError(lint(["--edit", "msg.txt", good, good]), /^rationale: give only one message source; got 2 FILEs .* and --edit 'msg\.txt'\. See: rationale lint --help$/);
    expectUsageError(lint([good, good, "--comment-char", " "]), /^rationale: --comment-char must be a non-blank character/);
  });
});

describe("rationale lint --commit", () => {
  it("lints a commit's message from git log", () => {
    const repo = makeRepo();
    repo.git(["commit", "-q", "--no-verify", "--allow-empty", "-m", "Fix bug"]);
    const bad = runCli(["lint", "--commit", "HEAD"], { cwd: repo.dir, home: repo.home });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^HEAD \([0-9a-f]{12}\)  score/);
    const good = runCli(["lint", "--commit", "HEAD~1", "--format", "json"], { cwd: repo.dir, home: repo.home });
    expect(good.status).toBe(0);
    expect((JSON.parse(good.stdout) as { results: JsonResult[] }).results[0].source).toBe("HEAD~1");
    // The revision as given, and the commit it names as the audit's JSON names one.
    expect((JSON.parse(good.stdout) as { results: { sha?: string }[] }).results[0].sha).toBe(repo.git(["rev-parse", "HEAD~1"]).stdout.trim());
    // A message that is no stored commit has no sha.
    const file = repo.write("msg.txt", "Fix bug\n");
    expect(Object.keys((JSON.parse(runCli(["lint", file, "--format", "json"], { cwd: repo.dir, home: repo.home }).stdout) as { results: object[] }).results[0])).not.toContain("sha");
  });

  it("refuses --comment-char, which cannot apply to a message git has already cleaned, as --commits does", () => {
    const repo = makeRepo();
    for (const source of ["--commit", "--commits"]) {
      const run = runCli(["lint", source, source === "--commit" ? "HEAD" : "HEAD~1..HEAD", "--comment-char", ";"], { cwd: repo.dir, home: repo.home });
      expect(run.status, source).toBe(2);
      expect(run.stderr, source).toBe(`rationale: --comment-char does not apply to ${source}: git has already cleaned a stored commit's message. See: rationale lint --help\n`);
    }
  });

  it("judges a stored message with invalid UTF-8 as the audit does: bad bytes replaced, with a warning", () => {
    const repo = makeRepo();
    // git commit would re-encode the bytes; an imported or hand-made commit object keeps them.
    const tree = repo.git(["write-tree"]).stdout.trim();
    const header = `tree ${tree}\nauthor A <a@example.com> 1700000000 +0000\ncommitter A <a@example.com> 1700000000 +0000\n\n`;
    repo.write("bad.commit", Buffer.concat([Buffer.from(header + "Fix the caf"), Buffer.from([0xff, 0xfe]), Buffer.from(" menu order on small screens.\n")]));
    const sha = repo.git(["hash-object", "-t", "commit", "-w", "--literally", "bad.commit"]).stdout.trim();
    repo.git(["update-ref", "HEAD", sha]);
    const run = runCli(["lint", "--commit", "HEAD"], { cwd: repo.dir, home: repo.home });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("rationale: warning: commit HEAD is not valid UTF-8: byte 0xff at byte offset 11 (line 1); judged with the bad bytes replaced\n");
    expect(run.stdout).toMatch(/^HEAD \([0-9a-f]{12}\)  score/);
    expect(run.stdout).toContain("    Fix the caf\ufffd\ufffd menu order on small screens.\n");
  });

  it("keeps lines starting with # in stored messages: git already cleaned them", () => {
    const repo = makeRepo();
    repo.git(["commit", "-q", "--no-verify", "--allow-empty", "--cleanup=verbatim", "-F", "-"], { input: GOOD_MESSAGE + "\n#42 reported this first.\n" });
    const [result] = (JSON.parse(runCli(["lint", "--commit", "HEAD", "--format", "json"], { cwd: repo.dir, home: repo.home }).stdout) as { results: JsonResult[] }).results;
    expect(result.pass).toBe(true);
    // The line was judged as part of the message: its issue number is the reference it gives.
    expect(result.facets.refs).toEqual([{ type: "issue", id: "#42", line: 9, column: 1, endLine: 9, endColumn: 4 }]);
  });

  it("reads a message stored in another encoding (i18n.commitEncoding), and the hook's file too", () => {
    const repo = makeRepo();
    repo.git(["config", "i18n.commitEncoding", "ISO-8859-1"]);
    // "café" in Latin-1: é is the single byte 0xe9, invalid as UTF-8. The trailing period draws a
    // finding whose excerpt shows the decoded summary.
    const latin1 = Buffer.concat([Buffer.from("Fix the caf"), Buffer.from([0xe9]), Buffer.from(" menu order on small screens.\n")]);
    repo.write("latin1.msg", latin1);
    repo.git(["commit", "-q", "--no-verify", "--allow-empty", "-F", "latin1.msg"]);
    const stored = runCli(["lint", "--commit", "HEAD"], { cwd: repo.dir, home: repo.home });
    expect(stored.stderr).toBe("");
    expect(stored.stdout).toContain("    Fix the café menu order on small screens.\n");
    const hook = runCli(["lint", "--edit", "latin1.msg"], { cwd: repo.dir, home: repo.home });
    expect(hook.stderr).not.toMatch(/UTF-8/);
    expect(hook.stdout).toContain("    Fix the café menu order on small screens.\n");
    // A plain file is not the hook's: it must be UTF-8.
    expect(runCli(["lint", "latin1.msg"], { cwd: repo.dir, home: repo.home }).stderr).toMatch(/is not valid UTF-8: byte 0xe9/);
    // Without i18n.commitEncoding git still commits such a message (with a warning); the hook
    // judges it with the bad byte replaced and says so, rather than blocking the commit.
    repo.git(["config", "--unset", "i18n.commitEncoding"]);
    const unset = runCli(["lint", "--edit", "latin1.msg"], { cwd: repo.dir, home: repo.home });
    expect(unset.stderr).toContain(
      "rationale: warning: latin1.msg is not valid UTF-8: byte 0xe9 at byte offset 11 (line 1); judged with the bad bytes replaced (set i18n.commitEncoding if the message is in another encoding)\n",
    );
    expect(unset.stdout).toContain("    Fix the caf\ufffd menu order on small screens.\n");
  });

  it("says so when the directory is not a git repository (exit 2)", () => {
    const outside = tempDir();
    const run = runCli(["lint", "--commit", "HEAD"], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: outside.replace(/\/[^/]+$/, "") } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`rationale: not a git repository: ${outside}; --commit HEAD reads the commit from the repository it is run in\n`);
    // A revision pasted whole (a long branch name) is cut there, as everywhere it is echoed.
    const branch = `topic/${"b".repeat(120)}`;
    const long = runCli(["lint", "--commit", branch], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: outside.replace(/\/[^/]+$/, "") } });
    expect(long.status).toBe(2);
    expect(long.stderr).toBe(`rationale: not a git repository: ${outside}; --commit ${branch.slice(0, 59)}… reads the commit from the repository it is run in\n`);
  });

  it("reports errors in the order docs/cli.md gives: not a repository, the config, then the message (exit 2)", () => {
    const badConfig = '{ "threshold": "high" }';
    const configError = (dir: string) =>
      `rationale: invalid configuration in ${join(dir, ".rationalerc.json")} (1 problem):\n  ${join(dir, ".rationalerc.json")}: threshold: got "high" (string); expected an integer from 0 to 100\n`;
    // Outside a repository the config found there is beside the point.
    const outside = tempDir();
    writeFileSync(join(outside, ".rationalerc.json"), badConfig);
    const env = { GIT_CEILING_DIRECTORIES: outside.replace(/\/[^/]+$/, "") };
    expect(runCli(["lint", "--commit", "HEAD"], { cwd: outside, env })).toMatchObject({
      status: 2,
      stderr: `rationale: not a git repository: ${outside}; --commit HEAD reads the commit from the repository it is run in\n`,
    });
    expect(runCli(["lint", "--edit"], { cwd: outside, env })).toMatchObject({
      status: 2,
      stderr: `rationale: not a git repository: ${outside}; --edit without a FILE reads .git/COMMIT_EDITMSG, so give the message FILE\n`,
    });
    // Then the config, before the message it would judge: a commit not there (or none yet), a
    // file missing, .git/COMMIT_EDITMSG before any commit, standard input.
    const empty = makeRepo();
    rmSync(join(empty.dir, ".git"), { recursive: true });
    empty.git(["init", "-q"]);
    empty.write(".rationalerc.json", badConfig);
    for (const args of [["--commit", "HEAD"], ["--edit"]]) {
      expect(runCli(["lint", ...args], { cwd: empty.dir, home: empty.home }), `${args.join(" ")} before any commit`).toMatchObject({ status: 2, stderr: configError(empty.dir) });
    }
    const repo = makeRepo();
    repo.write(".rationalerc.json", badConfig);
    for (const args of [["--commit", "nosuch"], ["nosuch.txt"], ["nosuch.txt", "other.txt"], ["--edit", "nosuch.txt"], ["--stdin"]]) {
      expect(runCli(["lint", ...args], { cwd: repo.dir, home: repo.home, input: "Fix stuff\n" }), args.join(" ")).toMatchObject({ status: 2, stderr: configError(repo.dir) });
    }
  });

  it("points a range to audit, and says a commit may be missing from a shallow clone (exit 2)", () => {
    const repo = makeRepo();
    repo.git(["commit", "-q", "--no-verify", "--allow-empty", "-m", "Fix bug"]);
    const range = runCli(["lint", "--commit", "HEAD~1..HEAD"], { cwd: repo.dir, home: repo.home });
    expect(range.status).toBe(2);
    expect(range.stderr).toBe("rationale: --commit HEAD~1..HEAD: give one commit; to lint each commit of a range use rationale lint --commits HEAD~1..HEAD (or rationale audit HEAD~1..HEAD for a report). See: rationale lint --help\n");
    expect(runCli(["lint", "--commit", "HEAD^@"], { cwd: repo.dir, home: repo.home }).stderr).toContain("give one commit");
    const clone = join(tempDir(), "clone");
    repo.git(["clone", "-q", "--depth", "1", `file://${repo.dir}`, clone]);
    const shallow = runCli(["lint", "--commit", "HEAD~1"], { cwd: clone, home: repo.home });
    expect(shallow.status).toBe(2);
    expect(shallow.stderr).toBe("rationale: --commit HEAD~1: unknown revision (no commit named 'HEAD~1' in this repository; this is a shallow clone, so older commits are not here (git fetch --unshallow fetches them))\n");
  });

  it("says so for an unknown revision (exit 2)", () => {
    const repo = makeRepo();
    const run = runCli(["lint", "--commit", "no-such-branch"], { cwd: repo.dir, home: repo.home });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^rationale: --commit no-such-branch: unknown revision/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("says the repository has no commits yet, and what a tag names when it is no commit (exit 2)", () => {
    const empty = join(tempDir(), "empty");
    spawnSync("git", ["init", "-q", empty]);
    const none = runCli(["lint", "--commit", "HEAD"], { cwd: empty });
    expect(none.status).toBe(2);
    expect(none.stderr).toBe(
      "rationale: --commit HEAD: the repository has no commits yet, so there is no commit message to lint (give a message FILE, or use --edit in the commit-msg hook)\n",
    );
    const repo = makeRepo();
    const blob = repo.git(["hash-object", "-w", "--stdin"], { input: "not a commit\n" }).stdout.trim();
    repo.git(["tag", "blob-tag", blob]);
    const tagged = runCli(["lint", "--commit", "blob-tag"], { cwd: repo.dir, home: repo.home });
    expect(tagged.status).toBe(2);
    expect(tagged.stderr).toBe("rationale: --commit blob-tag: 'blob-tag' names a blob, not a commit\n");
    repo.git(["tag", "-a", "-m", "A blob, annotated", "annotated-blob", blob]);
    const annotated = runCli(["lint", "--commit", "annotated-blob"], { cwd: repo.dir, home: repo.home });
    expect(annotated.stderr).toBe("rationale: --commit annotated-blob: 'annotated-blob' names a blob, not a commit\n");
    const tree = runCli(["lint", "--commit", "HEAD^{tree}"], { cwd: repo.dir, home: repo.home });
    expect(tree.stderr).toBe("rationale: --commit HEAD^{tree}: 'HEAD^{tree}' names a tree, not a commit\n");
  });
});

describe("rationale lint --edit", () => {
  it("reads .git/COMMIT_EDITMSG of the repository by default, also from a subdirectory", () => {
    const repo = makeRepo();
    repo.write(".git/COMMIT_EDITMSG", GOOD_MESSAGE);
    const run = runCli(["lint", "--edit"], { cwd: repo.dir, home: repo.home });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\.git\/COMMIT_EDITMSG  score/);
    mkdirSync(join(repo.dir, "sub"));
    expect(runCli(["lint", "--edit"], { cwd: join(repo.dir, "sub"), home: repo.home }).stdout).toMatch(/^\.\.\/\.git\/COMMIT_EDITMSG  score/);
  });

  it("finds a linked worktree's own COMMIT_EDITMSG through its .git file", () => {
    const repo = makeRepo();
    const worktree = join(repo.dir, "..", "wt");
    repo.git(["worktree", "add", "-q", worktree]);
    repo.write(".git/worktrees/wt/COMMIT_EDITMSG", "Fix bug\n");
    const run = runCli(["lint", "--edit"], { cwd: worktree, home: repo.home });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\.git\/worktrees\/wt\/COMMIT_EDITMSG  score/);
  });

  it("on failure prints where the message is and the command that reopens it", () => {
    const repo = makeRepo();
    const path = repo.write(".git/COMMIT_EDITMSG", "Fix bug\n");
    // As git runs the hook (it sets GIT_INDEX_FILE for it).
    const run = runCli(["lint", "--edit", ".git/COMMIT_EDITMSG"], { cwd: repo.dir, home: repo.home, env: { GIT_INDEX_FILE: ".git/index" } });
    expect(run.status).toBe(1);
    const copy = join(repo.dir, ".git/RATIONALE_EDITMSG");
    expect(run.stderr).toContain(`Your message is saved in ${copy}; edit and retry with: git commit -e -F ${copy}\n`);
    expect(readFileSync(copy, "utf8")).toBe(readFileSync(path, "utf8"));
    // Run by hand, outside git commit: the findings, and no talk of a rejected commit.
    const byHand = runCli(["lint", "--edit", ".git/COMMIT_EDITMSG"], { cwd: repo.dir, home: repo.home });
    expect(byHand.status).toBe(1);
    expect(byHand.stdout).toContain("summary-vague");
    expect(byHand.stderr).toBe("");
  });

  it("prints the rejection of \"Fix bug\" that README.md, docs/cli.md and docs/hooks.md show", () => {
    const repo = makeRepo();
    repo.write(".git/COMMIT_EDITMSG", "Fix bug\n");
    const run = runCli(["lint", "--edit", ".git/COMMIT_EDITMSG"], { cwd: repo.dir, home: repo.home, env: { GIT_INDEX_FILE: ".git/index" } });
    expect(run.status).toBe(1);
    const [header] = run.stdout.split("\n");
    const rejected = run.stderr.split("\n").find((line) => line.startsWith("rationale: commit rejected"));
    for (const page of ["README.md", "docs/cli.md", "docs/hooks.md"]) {
      const text = readFileSync(join(root, page), "utf8");
      const shown = text.slice(text.indexOf(".git/COMMIT_EDITMSG  score"), text.indexOf("\n```", text.indexOf(".git/COMMIT_EDITMSG  score")));
      // A page may wrap a long line at 100 columns, going on two spaces in (hooks.md does).
      const block = shown.replace(/\n {2}(?=\S)/g, " ");
      const [report, ...rest] = block.split("\n\n");
      expect(report.split("\n")[0], page).toBe(header);
      // hooks.md shortens the findings; the other pages show them in full.
      if (page !== "docs/hooks.md") expect(`${report}\n`, page).toBe(run.stdout);
      const shownRejection = rest.join("\n\n").split("\n").find((line) => line.startsWith("rationale: commit rejected"));
      if (shownRejection !== undefined) expect(shownRejection, page).toBe(rejected);
    }
  });

  it("names what fell short when a rejection has no finding, and gives advice that fits the findings", () => {
    const repo = makeRepo();
    // With the rules that would say so turned off, only the score fails the message.
    repo.write("rationale.config.json", '{ "rules": { "body-why": "off", "body-required": "off" } }');
    repo.write(".git/COMMIT_EDITMSG", "Add a retry option to the HTTP client\n");
    const run = runCli(["lint", "--edit", ".git/COMMIT_EDITMSG"], { cwd: repo.dir, home: repo.home, env: { GIT_INDEX_FILE: ".git/index" } });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/FAIL \(score \d+ is below 60\)\nnote: no rule reported a problem; the score falls short on why 0\/35, what 18\/25, context 0\/15\n$/);
    expect(run.stderr).toMatch(/commit rejected \(score \d+ is below 60\)\. No rule flagged a line, but the message says too little: say why the change is needed and what it does\.\n/);
    // A summary too long is form alone: the advice does not ask for a reason the body gives.
    repo.write("rationale.config.json", '{ "rules": { "summary-max-length": "error" } }');
    repo.write(".git/COMMIT_EDITMSG", `${GOOD_MESSAGE.split("\n")[0]} ${"and more words ".repeat(5).trim()}\n${GOOD_MESSAGE.slice(GOOD_MESSAGE.indexOf("\n"))}`);
    const long = runCli(["lint", "--edit", ".git/COMMIT_EDITMSG"], { cwd: repo.dir, home: repo.home, env: { GIT_INDEX_FILE: ".git/index" } });
    expect(long.status).toBe(1);
    expect(long.stdout).toContain("summary-max-length");
    expect(long.stderr).toMatch(/commit rejected \(1 error\)\. Fix what is listed above\.\n/);
  });

  it("tells how to compose a rejected release commit's body, not to say why and what", () => {
    const repo = makeRepo();
    // npm version's commit, and the others release tools make with -m.
    for (const summary of ["1.2.3", "v1.2.3", "Release v1.2.3", "chore: bump version to 1.2.3"]) {
      repo.write(".git/COMMIT_EDITMSG", `${summary}\n`);
      const run = runCli(["lint", "--edit", ".git/COMMIT_EDITMSG"], { cwd: repo.dir, home: repo.home, env: { GIT_INDEX_FILE: ".git/index" } });
      expect(run.status, summary).toBe(1);
      expect(run.stdout, summary).toContain("release-empty-body");
      const rejected = run.stderr.split("\n").find((line) => line.startsWith("rationale: commit rejected"));
      expect(rejected, summary).toMatch(
        /\)\. Fix what is listed above: name the released versions and changes in the body\. `rationale release commit` composes it from the staged bump and changelog; for tools that commit themselves, such as `npm version`, run `rationale init --release` once, and their release commits get it\.$/,
      );
    }
  });

  it("reads the comment char from git config", () => {
    const repo = makeRepo();
    repo.write(".git/COMMIT_EDITMSG", `${HASH_SUMMARY_MESSAGE}; Please enter the commit message for your changes.\n`);
    expect(runCli(["lint", "--edit"], { cwd: repo.dir, home: repo.home }).status).toBe(1);
    repo.git(["config", "core.commentChar", ";"]);
    expect(runCli(["lint", "--edit"], { cwd: repo.dir, home: repo.home }).status).toBe(0);
    // Like git -c core.commentChar=; commit, which hands the setting to the hook in the environment.
    repo.git(["config", "--unset", "core.commentChar"]);
    const viaEnv = runCli(["lint", "--edit"], { cwd: repo.dir, home: repo.home, env: { GIT_CONFIG_PARAMETERS: "'core.commentchar'=';'" } });
    expect(viaEnv.status).toBe(0);
  });

  it("outside a repository, --edit without FILE is a usage error", () => {
    const outside = tempDir();
    const run = runCli(["lint", "--edit"], { cwd: outside });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^rationale: not a git repository: .*; --edit without a FILE reads \.git\/COMMIT_EDITMSG, so give the message FILE$/m);
  });

  it("in a repository with no commit under way, --edit without FILE says what the file is", () => {
    const repo = makeRepo();
    rmSync(join(repo.dir, ".git/COMMIT_EDITMSG"), { force: true });
    const run = runCli(["lint", "--edit"], { cwd: repo.dir, home: repo.home });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "rationale: cannot read .git/COMMIT_EDITMSG: no such file (git writes it when a commit starts; --edit without a FILE is for the commit-msg hook: to check a message now, give a FILE, --stdin or --commit REV)\n",
    );
  });
});

describe("rationale lint: configuration errors", () => {
  it("lists every problem in the config file and exits 2", () => {
    const project = tempDir();
    writeFileSync(
      join(project, "rationale.config.json"),
      JSON.stringify({ threshold: 500, rules: { "summary-max-lenght": "error", "summary-vague": "loud" } }),
    );
    writeFileSync(join(project, "msg.txt"), GOOD_MESSAGE);
    const run = runCli(["lint", "msg.txt"], { cwd: project });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^rationale: /);
    expect(run.stderr).toContain("threshold");
    expect(run.stderr).toContain("summary-max-lenght");
    expect(run.stderr).toContain("loud");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("names a --config file that does not exist", () => {
    const run = lint([file("c.txt", GOOD_MESSAGE), "--config", "missing.json"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("missing.json");
  });

  it("applies the config from --config", () => {
    const config = file("lenient.json", JSON.stringify({ rules: { "summary-vague": "off", "body-required": "off" }, threshold: 0 }));
    const run = lint([file("vague2.txt", "Fix bug\n"), "--config", config, "--format", "json"]);
    const [result] = (JSON.parse(run.stdout) as { results: JsonResult[] }).results;
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain("summary-vague");
  });

  // The bundle loads `yaml` as a lazily imported CommonJS chunk; this once failed with
  // "internal error: parseDocument is not a function" while the TypeScript tests passed.
  it("applies a discovered .rationalerc.yaml", () => {
    const project = tempDir();
    writeFileSync(join(project, ".rationalerc.yaml"), "rules:\n  summary-vague: off\n  body-required: off\nthreshold: 0\n");
    writeFileSync(join(project, "msg.txt"), "Fix bug\n");
    const run = runCli(["lint", "msg.txt", "--format", "json"], { cwd: project });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const [result] = (JSON.parse(run.stdout) as { results: JsonResult[] }).results;
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain("summary-vague");
  });

  it("says a config file it may not read is not readable, in words (exit 2)", () => {
    const project = tempDir();
    const config = join(project, ".rationalerc.json");
    writeFileSync(config, "{}\n");
    chmodSync(config, 0o000);
    writeFileSync(join(project, "msg.txt"), GOOD_MESSAGE);
    // Root reads any file, so the CLI runs as another user there.
    openToOthers(project);
    for (const args of [["lint", "msg.txt"], ["lint", "msg.txt", "--config", config]]) {
      const run = runCliUnprivileged(args, project);
      expect(run.stderr).toBe(`rationale: cannot read config file ${config}: permission denied\n`);
      expect(run.status).toBe(2);
    }
  });

  it("reports a YAML syntax error with file, line and column (exit 2)", () => {
    const config = file("broken.yaml", "rules:\n  summary-vague: off\n bad: [\n");
    const run = lint([file("yaml-msg.txt", GOOD_MESSAGE), "--config", config]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^rationale: \S*broken\.yaml:3:1: invalid YAML: /);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("rationale --help and --version", () => {
  it("shows help with examples for the program and each command, exit 0", () => {
    for (const args of [["--help"], ["lint", "--help"], ["init", "--help"], ["audit", "--help"], ["release", "--help"], ["release", "compose", "--help"]]) {
      const run = runCli(args, { cwd: dir });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain("Examples:");
      // Each command's examples line their explanations up in one column.
      const columns = new Set<number>();
      for (const line of run.stdout.split("\n").filter((text) => text.startsWith("  $ "))) {
        const gap = /\S {2,}(?=\S)/.exec(line.slice(4));
        if (gap) columns.add(4 + gap.index + gap[0].length);
      }
      expect(columns.size, `${args.join(" ")}: example explanations start at columns ${[...columns].join(", ")}`).toBeLessThanOrEqual(1);
    }
  });

  it("shows no empty list as the default of a repeatable option", () => {
    for (const args of [["audit", "--help"], ["release", "compose", "--help"], ["release", "commit", "--help"]]) {
      const help = runCli(args, { cwd: dir }).stdout;
      expect(help, args.join(" ")).toContain("(repeatable");
      expect(help, args.join(" ")).not.toContain("(default: [])");
    }
  });

  it("shows a nested command's own help for `help release compose`", () => {
    const run = runCli(["help", "release", "compose"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: rationale release compose /);
    const top = runCli(["help", "release"], { cwd: dir });
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/^Usage: rationale release \[options\] \[command\]/);
  });

  it("shows a command's help for --help or -h anywhere on its line, unless it is an option's value", () => {
    const usage = (args: string[]) => {
      const run = runCli(args, { cwd: dir });
      expect(run.stderr, args.join(" ")).toBe("");
      expect(run.status, args.join(" ")).toBe(0);
      return /^Usage: (rationale(?: \w+)*)/.exec(run.stdout)?.[1];
    };
    expect(usage(["lint", "--help", "--commit"])).toBe("rationale lint");
    expect(usage(["lint", "--commit", "HEAD", "--frob", "-h"])).toBe("rationale lint");
    expect(usage(["lint", "--edit", "--help"])).toBe("rationale lint");
    expect(usage(["audit", "--since", "garbage", "--jobs", "0", "--help"])).toBe("rationale audit");
    expect(usage(["release", "compose", "--frob", "--help"])).toBe("rationale release compose");
    expect(usage(["release", "--help", "compose"])).toBe("rationale release");
    // --commit takes the next word whatever it is, and after -- a word is an operand.
    const value = runCli(["lint", "--commit", "--help"], { cwd: dir });
    expect(value.status).toBe(2);
    expect(value.stdout).not.toContain("Usage:");
    expect(runCli(["audit", "--", "--help"], { cwd: dir }).stdout).not.toContain("Usage:");
    expect(runCli(["nosuch", "--help"], { cwd: dir })).toMatchObject({ status: 2, stderr: "rationale: unknown command 'nosuch'. See: rationale --help\n" });
  });

  it("prints the version", () => {
    const run = runCli(["--version"], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("reports an unknown command as a usage error, also when asked for its help", () => {
    const run = runCli(["lnit"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("rationale: unknown command 'lnit'; did you mean one of init, lint? See: rationale --help\n");
    const help = runCli(["help", "nosuch"], { cwd: dir });
    expect(help).toMatchObject({ status: 2, stdout: "", stderr: "rationale: unknown command 'nosuch'. See: rationale --help\n" });
  });

  it("cuts a long value in every usage error it echoes, commander's own included", () => {
    const long = "x".repeat(10_000);
    const cut = `${"x".repeat(59)}…`;
    const stderr = (args: string[]) => {
      const run = runCli(args, { cwd: dir });
      expect(run.status, args[1]).toBe(2);
      return run.stderr;
    };
    expect(stderr(["lint", `--${long}`])).toBe(`rationale: unknown option '--${"x".repeat(57)}…'. See: rationale lint --help\n`);
    expect(stderr([long])).toBe(`rationale: unknown command '${cut}'. See: rationale --help\n`);
    expect(stderr(["lint", "--format", long])).toBe(`rationale: option '--format <FORMAT>' argument '${cut}' is invalid. Allowed choices are text, json. See: rationale lint --help\n`);
    expect(stderr(["lint", "--commit", "HEAD", "--commit", long])).toBe(`rationale: option '--commit <REV>' given more than once ('HEAD' and '${cut}'); give it once. See: rationale lint --help\n`);
  });

  it("cuts a long --commit revision in its errors", () => {
    const repo = makeRepo();
    const long = "x".repeat(10_000);
    const cut = `${"x".repeat(59)}…`;
    const unknown = runCli(["lint", "--commit", long], { cwd: repo.dir, home: repo.home });
    expect(unknown).toMatchObject({ status: 2, stderr: `rationale: --commit ${cut}: unknown revision (no commit named '${cut}' in this repository)\n` });
    const range = runCli(["lint", "--commit", `HEAD..${long}`], { cwd: repo.dir, home: repo.home });
    expect(range.status).toBe(2);
    expect(range.stderr.length).toBeLessThan(400);
    expect(range.stderr).toContain(`--commit HEAD..${"x".repeat(53)}…: give one commit`);
    const commits = runCli(["lint", "--commits", long], { cwd: repo.dir, home: repo.home });
    expect(commits).toMatchObject({ status: 2, stderr: `rationale: unknown revision: '${cut}' does not name a commit or range in this repository\n` });
    // git's own message quotes the value too ("no such branch: '…'"), cut by git at 4096 bytes.
    const upstream = runCli(["lint", "--commit", `${long}@{upstream}`], { cwd: repo.dir, home: repo.home });
    // Whether git's cut left the closing quote depends on where its 4096 bytes end.
    expect(upstream.status).toBe(2);
    expect(upstream.stderr).toMatch(new RegExp(`^rationale: --commit x{59}…: no such branch: 'x{59}…'?\\n$`));
    const upstreams = runCli(["lint", "--commits", `${long}@{upstream}`], { cwd: repo.dir, home: repo.home });
    expect(upstreams.status).toBe(2);
    expect(upstreams.stderr).toMatch(new RegExp(`^rationale: git log x{59}… failed: no such branch: 'x{59}…'?\\n$`));
  });

  it("reports usage errors of subcommands in one line naming the subcommand", () => {
    const run = runCli(["release", "compose", "--frob"], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("rationale: unknown option '--frob'; did you mean --from? See: rationale release compose --help\n");
  });
});

describe("a script config file, which rationale does not read", () => {
  const NOTE = /^rationale: note: (.+) not read, so the defaults apply: configs are JSON or YAML \(rationale\.config\.json, \.rationalerc\.json, \.rationalerc\.yaml or \.yml, or "rationale" in package\.json\)$/;

  it("is named once on stderr when no JSON or YAML config applies, whatever lint checks", () => {
    const repo = makeRepo();
    writeFileSync(join(repo.dir, "rationale.config.js"), "module.exports = { threshold: 90 };\n");
    const file = join(repo.dir, "msg.txt");
    writeFileSync(file, GOOD_MESSAGE);
    for (const args of [["lint", "msg.txt"], ["lint", "msg.txt", "msg.txt"], ["lint", "--commits", "HEAD"], ["lint", "--commit", "HEAD", "--format", "json"]]) {
      const run = runCli(args, { cwd: repo.dir, home: repo.home });
      expect(run.status, args.join(" ")).toBe(0);
      const lines = run.stderr.split("\n").filter(Boolean);
      expect(lines, args.join(" ")).toHaveLength(1);
      expect(NOTE.exec(lines[0])?.[1]).toBe("rationale.config.js is");
    }
    // Several, from a subdirectory: each named, from where lint runs or in full above it.
    mkdirSync(join(repo.dir, "pkg"));
    writeFileSync(join(repo.dir, "pkg", ".rationalerc.ts"), "export default {};\n");
    const nested = runCli(["lint", "../msg.txt"], { cwd: join(repo.dir, "pkg"), home: repo.home });
    expect(NOTE.exec(nested.stderr.trim())?.[1]).toBe(`.rationalerc.ts and ${join(repo.dir, "rationale.config.js")} are`);
  });

  it("is not named when a JSON or YAML config applies, or --config gives one", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "rationale.config.ts"), "export default {};\n");
    writeFileSync(join(dir, "msg.txt"), GOOD_MESSAGE);
    writeFileSync(join(dir, "other.json"), "{}");
    expect(runCli(["lint", "msg.txt", "--config", "other.json"], { cwd: dir }).stderr).toBe("");
    writeFileSync(join(dir, ".rationalerc.yaml"), "threshold: 50\n");
    expect(runCli(["lint", "msg.txt"], { cwd: dir }).stderr).toBe("");
  });
});
