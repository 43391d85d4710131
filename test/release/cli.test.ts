// End to end: `rationale release compose|commit|prepare-commit-msg` in temp repositories, then git log and lint.
import { afterEach, describe, expect, it } from "vitest";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { lint } from "../../src/lint.js";
import { python } from "./dialects.js";
import { cliCommand, makeRepo, projectRoot, runCli, type TempRepo } from "./repo.js";

const CHANGELOG_0_0_3 = `# Changelog

## [0.0.3](https://github.com/acme/hds/compare/v0.0.2...v0.0.3) (2024-03-01)

### Bug Fixes

* **parser:** accept empty input ([abc1234](https://github.com/acme/hds/commit/abc1234))
`;

const CHANGELOG_0_0_4 = CHANGELOG_0_0_3.replace(
  "# Changelog\n",
  `# Changelog

## [0.0.4](https://github.com/acme/hds/compare/v0.0.3...v0.0.4) (2024-03-18)

### Features

* **cli:** print the rule id with each finding, so a user can look the rule up or turn it off ([def5678](https://github.com/acme/hds/commit/def5678))

### Bug Fixes

* keep the summary within 72 columns when many packages are released
`,
);

const EXPECTED = `chore(release): hds_test0 v0.0.4

hds_test0 0.0.3 -> 0.0.4 (2024-03-18)

Features:

- **cli:** print the rule id with each finding, so a user can look the
  rule up or turn it off
  ([def5678](https://github.com/acme/hds/commit/def5678))

Bug Fixes:

- keep the summary within 72 columns when many packages are released
`;

let repo: TempRepo | undefined;
afterEach(() => repo?.cleanup());

/** Runs the CLI with a file size limit of 0, so any write to a file fails (EFBIG) as on a full disk. */
function runLimited(repo: TempRepo, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const child = spawnSync("sh", ["-c", 'ulimit -f 0 && exec "$0" "$@"', ...cliCommand(), ...args], { cwd: repo.dir, env: repo.env, encoding: "utf8" });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Runs the CLI as an unprivileged user when the tests run as root, who may write anywhere. */
function runUnprivileged(repo: TempRepo, args: string[]): { status: number | null; stdout: string; stderr: string } {
  if (process.getuid?.() !== 0) return runCli(repo, args);
  // Every directory above the repository (the run's temp root, the repository's temp base) must be searchable.
  for (let dir = repo.dir; dir !== dirname(dir) && dir.startsWith(tmpdir()); dir = dirname(dir)) chmodSync(dir, 0o755);
  // A temp folder of its own: tsx (which runs the sources when dist/ is older than them) makes its IPC folder there.
  const ownTmp = mkdtempSync(join(tmpdir(), "unprivileged-"));
  chownSync(ownTmp, 65534, 65534);
  const env = { ...repo.env, TMPDIR: ownTmp, GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "safe.directory", GIT_CONFIG_VALUE_0: "*" };
  const [command, ...prefix] = cliCommand();
  const child = spawnSync(command, [...prefix, ...args], { cwd: repo.dir, env, encoding: "utf8", uid: 65534, gid: 65534 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** A repository at hds_test0 0.0.3 with the 0.0.4 bump and changelog section staged. */
function stagedRelease(): TempRepo {
  repo = makeRepo();
  repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "0.0.3" }, null, 2) + "\n");
  repo.write("CHANGELOG.md", CHANGELOG_0_0_3);
  repo.git("add", ".");
  repo.git("commit", "-q", "-m", "Initial import");
  repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "0.0.4" }, null, 2) + "\n");
  repo.write("CHANGELOG.md", CHANGELOG_0_0_4);
  repo.git("add", "package.json", "CHANGELOG.md");
  return repo;
}

/**
 * stagedRelease with notes.txt staged with one text and edited since: `git commit notes.txt`
 * (a path given to git commit) would commit the edit alone, leaving the staged release out.
 */
function stagedReleaseWithEditedNotes(): TempRepo {
  const staged = stagedRelease();
  staged.write("notes.txt", "staged\n");
  staged.git("add", "notes.txt");
  staged.write("notes.txt", "edited\n");
  return staged;
}

describe("rationale release", { timeout: 120_000 }, () => {
  it("commit: makes the release commit whose message git log shows and lint passes", () => {
    const repo = stagedRelease();
    const result = runCli(repo, ["release", "commit", "-s", "--trailer", "Refs: REL-12"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const message = repo.git("log", "-1", "--format=%B");
    expect(message).toBe(`${EXPECTED}\nRefs: REL-12\nSigned-off-by: Test User <test@example.com>\n\n`);
    const verdict = lint(message);
    expect(verdict.kind).toBe("release");
    expect(verdict.pass).toBe(true);
    expect(verdict.findings.filter((finding) => finding.severity === "error")).toEqual([]);
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  /**
   * Starts `rationale release commit -e` in a process group of its own, as a shell starts a job,
   * with an editor that, as vim does, takes Ctrl-C and Ctrl-\ as keys and goes on: it closes when the
   * returned `closeEditor` is called. Resolves once the editor is open.
   */
  async function commitInEditor(repo: TempRepo) {
    const base = join(repo.dir, "..");
    const tmp = join(base, "tmp");
    mkdirSync(tmp);
    const opened = join(base, "editor-opened");
    const editor = join(base, "editor.sh");
    // git starts the editor, then ignores SIGINT and SIGQUIT until it returns: on a loaded
    // machine a signal sent as soon as the editor runs can reach git before that. So the editor
    // says it is open only once its parent, git, ignores both (SigIgn bits 2 and 3 in /proc; at
    // most about 5 s, and at once where there is no /proc). It ends when git has gone, so a
    // test run that is killed leaves no editor polling.
    const waitForGit = `n=0; while [ $n -lt 250 ]; do ign=$(sed -n 's/^SigIgn:[[:space:]]*//p' /proc/$PPID/status 2>/dev/null); [ -n "$ign" ] || break; [ $(( 0x$ign & 6 )) -eq 6 ] && break; n=$((n + 1)); sleep 0.02; done`;
    writeFileSync(editor, `#!/bin/sh\ntrap '' INT QUIT\n${waitForGit}\n: > '${opened}'\nwhile [ ! -e '${opened}.done' ]; do kill -0 $PPID 2>/dev/null || exit 1; sleep 0.05; done\n`);
    chmodSync(editor, 0o755);
    const [command, ...prefix] = cliCommand();
    const child = spawn(command, [...prefix, "release", "commit", "-e"], { cwd: repo.dir, env: { ...repo.env, GIT_EDITOR: editor, TMPDIR: tmp }, detached: true, stdio: "ignore" });
    const exited = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("close", (status, signal) => resolve({ status, signal })));
    while (!existsSync(opened)) await new Promise((resolve) => setTimeout(resolve, 50));
    return { child, exited, tmp, closeEditor: () => writeFileSync(`${opened}.done`, "") };
  }

  // The terminal's Ctrl-C and Ctrl-\ go to the whole foreground job: rationale, git and the
  // editor. git ignores both while its editor runs, and rationale waits for git as git waits.
  it.each([
    ["Ctrl-C", "SIGINT"],
    ["Ctrl-\\", "SIGQUIT"],
  ] as const)("commit: %s while git's editor is open leaves rationale waiting for git, as git waits for the editor", async (_key, signal) => {
    const repo = stagedRelease();
    const { child, exited, tmp, closeEditor } = await commitInEditor(repo);
    process.kill(-child.pid!, signal);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(child.exitCode, "rationale ended while the editor was still open").toBe(null);
    expect(child.signalCode).toBe(null);
    closeEditor();
    expect(await exited).toEqual({ status: 0, signal: null });
    expect(repo.git("log", "-1", "--format=%s")).toBe("chore(release): hds_test0 v0.0.4\n");
    expect(readdirSync(tmp)).toEqual([]);
  });

  it.each([
    ["a SIGHUP (the terminal closed)", "SIGHUP", 129],
    ["a SIGTERM", "SIGTERM", 143],
  ] as const)("commit: %s is passed on to git; rationale exits with 128 + its number once git has, leaving no temp file", async (_what, signal, status) => {
    const repo = stagedRelease();
    const { child, exited, tmp, closeEditor } = await commitInEditor(repo);
    child.kill(signal);
    const ended = await exited;
    closeEditor();
    expect(ended).toEqual({ status, signal: null });
    expect(readdirSync(tmp)).toEqual([]);
    expect(repo.git("log", "-1", "--format=%s")).toBe("Initial import\n");
  });

  it("compose: prints the message, writes --output, and describes --from/--to ranges", () => {
    const repo = stagedRelease();
    const printed = runCli(repo, ["release", "compose"]);
    expect(printed).toEqual({ status: 0, stdout: EXPECTED, stderr: "" });
    const outputFile = join(repo.dir, "..", "msg.txt");
    expect(runCli(repo, ["release", "compose", "--output", outputFile]).status).toBe(0);
    expect(readFileSync(outputFile, "utf8")).toBe(EXPECTED);
    // -o, as audit spells it too.
    rmSync(outputFile);
    expect(runCli(repo, ["release", "compose", "-o", outputFile])).toEqual({ status: 0, stdout: "", stderr: "" });
    expect(readFileSync(outputFile, "utf8")).toBe(EXPECTED);
    // "-" is standard output, as for audit -o -; a file named "-" is "./-".
    expect(runCli(repo, ["release", "compose", "--output", "-"])).toEqual({ status: 0, stdout: EXPECTED, stderr: "" });
    expect(existsSync(join(repo.dir, "-"))).toBe(false);
    expect(runCli(repo, ["release", "compose", "--output", "./-"]).stdout).toBe("");
    expect(readFileSync(join(repo.dir, "-"), "utf8")).toBe(EXPECTED);
    rmSync(join(repo.dir, "-"));
    repo.git("commit", "-q", "-m", "chore(release): hds_test0 v0.0.4");
    expect(runCli(repo, ["release", "compose", "--from", "HEAD~1", "--to", "HEAD"]).stdout).toBe(EXPECTED);
    const byVersion = runCli(repo, ["release", "compose", "--changelog", "CHANGELOG.md", "--version", "0.0.3"]);
    expect(byVersion.status).toBe(0);
    expect(byVersion.stdout.split("\n")[0]).toBe("chore(release): hds_test0 v0.0.3");
  });

  it("compose: cuts a long --version, --from, --template, --changelog or --output in its error", () => {
    const repo = stagedRelease();
    const long = "x".repeat(10_000);
    const cut = `${"x".repeat(59)}…`;
    const stderr = (args: string[]) => {
      const run = runCli(repo, ["release", "compose", ...args]);
      expect(run.status, args[0]).toBe(2);
      return run.stderr;
    };
    expect(stderr(["--version", long])).toBe(
      `rationale: --version "${cut}" is not a version; expected one such as 1.2.3, v1.2.3, 1.2, 2.0.0-rc.1 or 1.2.3.post1. See: rationale release compose --help\n`,
    );
    expect(stderr(["--from", long])).toBe(`rationale: --from ${cut} does not name a commit in this repository\n`);
    expect(stderr(["--template", long])).toBe(`rationale: --template makes the release summary "${cut}", 10000 characters; shorten it to fit 72. See: rationale release compose --help\n`);
    expect(stderr(["--template", `{x}${long}`])).toBe(
      `rationale: --template "{x}${"x".repeat(56)}…" has unknown placeholder {x}; use {packages}, {count}, {name} or {version}. See: rationale release compose --help\n`,
    );
    // A section asked for with a long (valid) version: named cut in the error and its hint.
    const version = `0.0.4-${"r".repeat(200)}`;
    const missing = stderr(["--version", version]);
    expect(missing.split("\n")[0]).toBe(`rationale: CHANGELOG.md has no section for version ${version.slice(0, 59)}…; it has 0.0.4, 0.0.3`);
    expect(missing.length).toBeLessThan(400);
    // A name longer than the file system takes is a usage error (not an internal one), cut since
    // it names no file; a path that can name one is shown whole, as its end names the file.
    expect(stderr(["--changelog", long])).toBe(`rationale: cannot read changelog ${"x".repeat(49)}…: its name is too long for the file system\n`);
    expect(stderr(["--changelog", `docs/${"d".repeat(100)}.md`])).toBe(`rationale: changelog docs/${"d".repeat(100)}.md does not exist; expected a path to a Markdown changelog\n`);
    expect(stderr(["--output", long])).toBe(`rationale: cannot write --output ${"x".repeat(50)}…: its name is too long for the file system\n`);
  });

  it("commit: an empty --gpg-sign= signs with the default key, as git reads it, and a KEYID names the key", () => {
    // git's --gpg-sign= (nothing after "=") is -S: user.signingkey, else the committer's identity.
    // A stand-in gpg records the key git asks it for and answers with a signature.
    const signed = (args: string[]): string => {
      const repo = stagedRelease();
      const gpg = join(repo.dir, "..", "fake-gpg");
      writeFileSync(
        gpg,
        '#!/bin/sh\nprintf "%s\\n" "$*" >> "$0.args"\ncat >/dev/null\necho "[GNUPG:] SIG_CREATED D 1 8 00 0 X" >&2\nprintf -- "-----BEGIN PGP SIGNATURE-----\\n\\nfake\\n-----END PGP SIGNATURE-----\\n"\n',
      );
      chmodSync(gpg, 0o755);
      repo.git("config", "gpg.program", gpg);
      const run = runCli(repo, ["release", "commit", ...args]);
      expect(run.status, `${args.join(" ")}: ${run.stderr}`).toBe(0);
      expect(repo.git("cat-file", "-p", "HEAD")).toContain("gpgsig -----BEGIN PGP SIGNATURE-----");
      const asked = readFileSync(`${gpg}.args`, "utf8");
      repo.cleanup();
      return asked;
    };
    const byDefault = "--status-fd=2 -bsau Test User <test@example.com>\n";
    expect(signed(["-S"])).toBe(byDefault);
    expect(signed(["--gpg-sign="])).toBe(byDefault);
    expect(signed(["--gpg-sign=KEY1"])).toBe("--status-fd=2 -bsau KEY1\n");
    // The key attached to -S, as git commit takes it, alone or after other flags.
    expect(signed(["-SKEY1"])).toBe("--status-fd=2 -bsau KEY1\n");
    expect(signed(["-sSKEY1"])).toBe("--status-fd=2 -bsau KEY1\n");
  });

  it("commit: refuses a key given as a separate word after -S or --gpg-sign, which git reads as a path", () => {
    const repo = stagedRelease();
    const head = repo.git("rev-parse", "HEAD");
    // git itself: the word after -S is a pathspec, not the key.
    const byGit = spawnSync("git", ["commit", "-m", "x", "-S", "KEY1"], { cwd: repo.dir, env: repo.env, encoding: "utf8" });
    expect(byGit.status).not.toBe(0);
    expect(byGit.stderr).toContain("pathspec 'KEY1' did not match");
    for (const [args, flag] of [
      [["-S", "KEY1"], "-S"],
      [["-s", "-n", "-S", "KEY1"], "-S"],
      [["-sS", "KEY1"], "-S"],
      [["--gpg-sign", "KEY1"], "--gpg-sign"],
    ] as const) {
      expect(runCli(repo, ["release", "commit", ...args]), args.join(" ")).toMatchObject({
        status: 2,
        stdout: "",
        stderr:
          `rationale: ${flag} KEY1: give the key attached, as git commit takes it (-SKEY1 or --gpg-sign=KEY1); ` +
          `git reads a word after ${flag} as a path to commit, and release commit commits the staged release only. See: rationale release commit --help\n`,
      });
    }
    // A long word is echoed cut; an empty one (`-S "$KEY"`, KEY unset) is shown as one.
    expect(runCli(repo, ["release", "commit", "-S", "k".repeat(200)]).stderr).toMatch(new RegExp(`^rationale: -S k{59}…: give the key attached`));
    expect(runCli(repo, ["release", "commit", "--gpg-sign", ""])).toMatchObject({
      status: 2,
      stderr:
        "rationale: --gpg-sign '': give the key attached, as git commit takes it (-SKEYID or --gpg-sign=KEYID); " +
        "git reads a word after --gpg-sign as a path to commit, and release commit commits the staged release only. See: rationale release commit --help\n",
    });
    expect(repo.git("rev-parse", "HEAD")).toBe(head);
    expect(repo.git("diff", "--cached", "--name-only")).toBe("CHANGELOG.md\npackage.json\n");
    // "-S" as another option's value is no -S, and -S before another option or -- takes no word.
    // (x is then a word before --, refused as one, not as -S's key.)
    expect(runCli(repo, ["release", "commit", "--trailer", "-S", "x"]).stderr).toMatch(/^rationale: x: release commit takes no paths/);
    expect(runCli(repo, ["release", "commit", "--trailer", "-S", "-n"]).stderr).toMatch(/^rationale: --trailer "-S" is not a trailer/);
    expect(runCli(repo, ["release", "commit", "-S", "--no-verify", "--no-gpg-sign"])).toMatchObject({ status: 0, stderr: "" });
    expect(repo.git("log", "-1", "--format=%s")).toBe("chore(release): hds_test0 v0.0.4\n");
  });

  it("commit: refuses a message option or one that commits more than the index after --, as before it", () => {
    const repo = stagedRelease();
    const head = repo.git("rev-parse", "HEAD");
    repo.write("notes.txt", "A message of another commit\n");
    const message = "release commit gives git the composed message itself (git commit -F); edit it with -e or add lines with --trailer. See: rationale release commit --help\n";
    const selection = "release commit commits the staged release only, which the message describes; stage what it releases with git add. See: rationale release commit --help\n";
    // -F notes.txt would have committed the release with that file's message.
    for (const [args, option, advice] of [
      [["-m", "x"], "-m", message],
      [["-s", "-mx"], "-mx", message],
      [["--message=x"], "--message=x", message],
      [["--mess", "x"], "--mess", message],
      // git reads a prefix naming one option as it from one letter on: --me is --message, --o is --only.
      [["--me", "x"], "--me", message],
      [["--o"], "--o", selection],
      [["-F", "notes.txt"], "-F", message],
      [["-C", "HEAD"], "-C", message],
      [["-qam", "x"], "-qam", message],
      [["--author", "Bot <bot@example.com>", "--fixup=HEAD"], "--fixup=HEAD", message],
      [["-a"], "-a", selection],
      [["--patc"], "--patc", selection],
    ] as const) {
      expect(runCli(repo, ["release", "commit", "--", ...args]), args.join(" ")).toEqual({ status: 2, stdout: "", stderr: `rationale: ${option} after -- is for git commit, but ${advice}` });
    }
    // A long option is echoed cut, as every echoed value.
    expect(runCli(repo, ["release", "commit", "--", `--message=${"x".repeat(200)}`]).stderr).toMatch(/^rationale: --message=x{49}… after -- is for git commit, but release commit gives/);
    expect(repo.git("rev-parse", "HEAD")).toBe(head);
    // Read as git reads them: "-m" as --author's value is a name (git's own error), and after git's own -- a path.
    expect(runCli(repo, ["release", "commit", "--", "--author", "-m"])).toMatchObject({ status: 128, stderr: expect.stringMatching(/^fatal: --author '-m' is not 'Name <email>'/) });
    expect(runCli(repo, ["release", "commit", "--", "--", "-m"]).stderr).toMatch(/^rationale: -m after -- is a path to git commit/);
    expect(repo.git("rev-parse", "HEAD")).toBe(head);
    // Any other option goes to git.
    expect(runCli(repo, ["release", "commit", "--", "--author", "Bot <bot@example.com>", "-q"])).toMatchObject({ status: 0, stdout: "", stderr: "" });
    expect(repo.git("log", "-1", "--format=%an %s")).toBe("Bot chore(release): hds_test0 v0.0.4\n");
  });

  it("commit: names an unknown option before refusing -S KEY", () => {
    const repo = stagedRelease();
    for (const args of [["-xS", "KEY1"], ["-S", "KEY1", "-x"], ["-x", "-S", "KEY1"]]) {
      const option = args.find((arg) => arg.includes("x")) as string;
      expect(runCli(repo, ["release", "commit", ...args]), args.join(" ")).toMatchObject({ status: 2, stderr: expect.stringMatching(new RegExp(`^rationale: unknown option '${option}'; `)) });
    }
  });

  it("commit: refuses a word before -- that git would read as a path to commit", () => {
    const repo = stagedReleaseWithEditedNotes();
    const head = repo.git("rev-parse", "HEAD");
    const refusal = (word: string) =>
      `rationale: ${word}: release commit takes no paths, and git commit would read this word as one, ` +
      "which would commit the work tree's file instead of the staged release the message describes; stage the file with git add first, " +
      "and give other git commit options after --. See: rationale release commit --help\n";
    for (const args of [["notes.txt"], ["-n", "notes.txt"], ["notes.txt", "-s"], ["--trailer", "Refs: REL-12", "notes.txt"], ["--trailer", "--", "notes.txt"], ["-"]]) {
      const word = args.find((arg, i) => (arg === "-" || !arg.startsWith("-")) && args[i - 1] !== "--trailer") as string;
      expect(runCli(repo, ["release", "commit", ...args]), args.join(" ")).toMatchObject({ status: 2, stdout: "", stderr: refusal(word) });
    }
    // A long word is echoed cut; an unknown option is named first, as commander names it.
    expect(runCli(repo, ["release", "commit", "n".repeat(200)]).stderr).toBe(refusal(`${"n".repeat(59)}…`));
    expect(runCli(repo, ["release", "commit", "notes.txt", "--author", "Bot"]).stderr).toMatch(/^rationale: unknown option '--author'/);
    expect(repo.git("rev-parse", "HEAD")).toBe(head);
    expect(repo.git("diff", "--cached", "--name-only")).toBe("CHANGELOG.md\nnotes.txt\npackage.json\n");
    // After --, a word is git's: here an option, and the staged release is committed whole.
    expect(runCli(repo, ["release", "commit", "--", "--quiet"])).toMatchObject({ status: 0, stdout: "", stderr: "" });
    expect(repo.git("show", "--format=%s", "--name-only", "HEAD")).toBe("chore(release): hds_test0 v0.0.4\n\nCHANGELOG.md\nnotes.txt\npackage.json\n");
  });

  it("commit: refuses a path after --, which git would commit from the work tree instead of the release", () => {
    const repo = stagedReleaseWithEditedNotes();
    const head = repo.git("rev-parse", "HEAD");
    const refusal = (word: string) =>
      `rationale: ${word} after -- is a path to git commit, which would commit the work tree's file instead of the staged release ` +
      "the message describes; stage the file with git add first. See: rationale release commit --help\n";
    // Read as git reads them: after an option, after -S (whose key goes attached only), after a second --.
    // After git's own -- or --end-of-options every word is a path, one that looks like an option too.
    const afterSeparator = [["--", "--template=x"], ["--end-of-options", "--template=x"], ["-q", "--end-of-options", "-x"], ["--end-of-options", "--"], ["--end-of-options", "--end-of-options"]];
    for (const args of [["notes.txt"], ["-q", "notes.txt"], ["--author", "Bot <bot@example.com>", "notes.txt"], ["-S", "notes.txt"], ["--", "notes.txt"], ["-"], ...afterSeparator]) {
      const word = args.at(-1) as string;
      expect(runCli(repo, ["release", "commit", "--", ...args]), args.join(" ")).toEqual({ status: 2, stdout: "", stderr: refusal(word) });
    }
    // A long word is echoed cut; an empty one (`-- "$EXTRA"`, EXTRA unset) is shown as one.
    expect(runCli(repo, ["release", "commit", "--", "n".repeat(200)]).stderr).toBe(refusal(`${"n".repeat(59)}…`));
    expect(runCli(repo, ["release", "commit", "--", ""]).stderr).toBe(refusal("''"));
    // An option git's message or selection rules refuse is named first, as the first thing wrong.
    expect(runCli(repo, ["release", "commit", "--", "-a", "notes.txt"]).stderr).toMatch(/^rationale: -a after -- is for git commit, but/);
    expect(repo.git("rev-parse", "HEAD")).toBe(head);
    expect(repo.git("diff", "--cached", "--name-only")).toBe("CHANGELOG.md\nnotes.txt\npackage.json\n");
    // As the advice says: staged, the file goes into the release commit with the rest.
    repo.git("add", "notes.txt");
    expect(runCli(repo, ["release", "commit", "--", "--author", "Bot <bot@example.com>", "-q"])).toMatchObject({ status: 0, stdout: "", stderr: "" });
    expect(repo.git("show", "--format=%an %s", "--name-only", "HEAD")).toBe("Bot chore(release): hds_test0 v0.0.4\n\nCHANGELOG.md\nnotes.txt\npackage.json\n");
    expect(repo.git("show", "HEAD:notes.txt")).toBe("edited\n");
  });

  it("compose: echoes a huge or multi-line manifest version cut, on one line, when its changelog is missing", () => {
    const repo = stagedRelease();
    repo.git("rm", "-q", "--cached", "CHANGELOG.md");
    const missing = (name: string, version: string) =>
      `rationale: no changelog for ${name} ${version}: expected CHANGELOG.md in the index\n` +
      `  add it with the release's section, name another file with --changelog PATH, or give --allow-missing-changelog to list ${name}'s versions only\n` +
      "  not staged: CHANGELOG.md; the release is read from the index, so run: git add CHANGELOG.md\n";
    // A valid SemVer version 10 KB long: its start, cut as every echoed value.
    const huge = `0.0.5-${"a".repeat(10_000)}`;
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: huge }, null, 2) + "\n");
    repo.git("add", "package.json");
    expect(runCli(repo, ["release", "compose"])).toEqual({ status: 2, stdout: "", stderr: missing("hds_test0", `${huge.slice(0, 59)}…`) });
    // A name with line breaks is quoted with its escapes: the error stays one line.
    repo.write("package.json", JSON.stringify({ name: "hds\ntest0", version: "0.0.5" }, null, 2) + "\n");
    repo.git("add", "package.json");
    expect(runCli(repo, ["release", "compose"])).toEqual({ status: 2, stdout: "", stderr: missing('"hds\\ntest0"', "0.0.5") });
  });

  it("compose: refuses a huge or multi-line manifest version that is no SemVer version, echoing it and the fix cut", () => {
    const repo = stagedRelease();
    const refused = (version: string, problem: string) => ({
      status: 2,
      stdout: "",
      stderr: `rationale: package.json version ${version} in the index is not a SemVer version: ${problem}\n`,
    });
    const stage = (version: string) => {
      repo.write("package.json", JSON.stringify({ name: "hds_test0", version }, null, 2) + "\n");
      repo.git("add", "package.json");
    };
    // Three lines, the first a version: refused before any later error could print it whole.
    const multiLine = `0.0.4\nsecond line\n${"9".repeat(100)}`;
    stage(multiLine);
    expect(runCli(repo, ["release", "compose"])).toEqual(refused(JSON.stringify(`${multiLine.slice(0, 59)}…`), "it holds a line break; a version is one word, such as 1.2.3"));
    // 10 KB with a leading zero: the version and the one to write instead are each cut.
    const tail = "a".repeat(10_000);
    stage(`00.0.4-${tail}`);
    expect(runCli(repo, ["release", "compose"])).toEqual(
      refused(
        `00.0.4-${tail.slice(0, 52)}…`,
        `its number 00 has a leading zero, which SemVer forbids in the major, minor and patch numbers (§2) and npm publish and cargo refuse; write 0.0.4-${tail.slice(0, 53)}…`,
      ),
    );
    // The version meant is the release again.
    stage("0.0.4");
    expect(runCli(repo, ["release", "compose"]).status).toBe(0);
  });

  it("compose: echoes a huge or multi-line version written another way cut, on one line", () => {
    const repo = stagedRelease();
    const huge = `0.0.4-${"a".repeat(10_000)}`;
    const respelled = (from: string, to: string) =>
      `  hds_test0 ${from} -> ${to} in package.json is the same version written another way (SemVer); a release needs a higher or lower one`;
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: huge }, null, 2) + "\n");
    repo.git("commit", "-q", "-am", "Release a long pre-release");
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: `v${huge}` }, null, 2) + "\n");
    repo.git("add", "package.json");
    const result = runCli(repo, ["release", "compose"]);
    expect(result.status).toBe(2);
    expect(result.stderr.split("\n")[1]).toBe(respelled(`${huge.slice(0, 59)}…`, `v${huge.slice(0, 58)}…`));
    // A line break after it is trimmed when versions are compared: the same version, shown escaped.
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: `${huge.slice(0, 10)}` }, null, 2) + "\n");
    repo.git("commit", "-q", "-am", "Release a short pre-release");
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: `${huge.slice(0, 10)}\n` }, null, 2) + "\n");
    repo.git("add", "package.json");
    expect(runCli(repo, ["release", "compose"]).stderr.split("\n")[1]).toBe(respelled(huge.slice(0, 10), JSON.stringify(`${huge.slice(0, 10)}\n`)));
  });

  it("compose: says an empty --from/--to range is empty, with nothing to stage", () => {
    const repo = stagedRelease();
    repo.git("commit", "-q", "-m", "chore(release): hds_test0 v0.0.4");
    const head = repo.git("rev-parse", "--short=7", "HEAD").trim();
    expect(runCli(repo, ["release", "compose", "--from", "HEAD", "--to", "HEAD"])).toEqual({
      status: 2,
      stdout: "",
      stderr:
        `rationale: nothing to release: --from HEAD and --to HEAD both name commit ${head}, so the range is empty\n` +
        "  give --from the state before the release (the last release's tag, the base branch) and --to the state released\n",
    });
    // The states swapped: where --to branched off --from is --to itself.
    expect(runCli(repo, ["release", "compose", "--from", "HEAD", "--to", "HEAD~1"])).toEqual({
      status: 2,
      stdout: "",
      stderr:
        "rationale: nothing to release: --to HEAD~1 is an ancestor of --from HEAD, so the range is empty\n" +
        "  --from names the state before the release and --to the state released: did you mean --from HEAD~1 --to HEAD?\n",
    });
    // Two commits with the same files: no version differs, and there is nothing to stage.
    repo.git("commit", "-q", "--allow-empty", "-m", "Empty");
    expect(runCli(repo, ["release", "compose", "--from", "HEAD~1", "--to", "HEAD"]).stderr).toBe(
      "rationale: nothing to release: no version changed in package.json, Cargo.toml or pyproject.toml between HEAD~1 and HEAD\n" +
        "  name the release with --changelog PATH [--version V]\n",
    );
  });

  it("compose: a range over two releases describes both, each under its heading", () => {
    const repo = stagedRelease();
    repo.git("commit", "-q", "-m", "chore(release): hds_test0 v0.0.4");
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "0.1.0" }, null, 2) + "\n");
    repo.write("CHANGELOG.md", CHANGELOG_0_0_4.replace("# Changelog\n", "# Changelog\n\n## 0.1.0 (2024-04-02)\n\n- Read the config from package.json as well\n"));
    repo.git("commit", "-q", "-am", "chore(release): hds_test0 v0.1.0");
    const result = runCli(repo, ["release", "compose", "--from", "HEAD~2", "--to", "HEAD"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(`chore(release): hds_test0 v0.1.0

hds_test0 0.0.3 -> 0.1.0

hds_test0 0.1.0 (2024-04-02):

- Read the config from package.json as well

hds_test0 0.0.4 (2024-03-18):

${EXPECTED.split("\n").slice(4).join("\n")}`);
    // One release apart, the body is that release's section alone, as before.
    expect(runCli(repo, ["release", "compose", "--from", "HEAD~1", "--to", "HEAD"]).stdout).toBe(
      "chore(release): hds_test0 v0.1.0\n\nhds_test0 0.0.4 -> 0.1.0 (2024-04-02)\n\n- Read the config from package.json as well\n",
    );
  });

  it("compose: takes the summary template from --template, else config release.template", () => {
    const repo = stagedRelease();
    repo.write(".rationalerc.json", JSON.stringify({ release: { template: "release: {name} {version}" } }));
    expect(runCli(repo, ["release", "compose"]).stdout.split("\n")[0]).toBe("release: hds_test0 v0.0.4");
    expect(runCli(repo, ["release", "compose", "--template", "chore: release {packages}"]).stdout.split("\n")[0]).toBe("chore: release hds_test0 v0.0.4");
    repo.write(".rationalerc.json", JSON.stringify({ release: { template: 7 } }));
    const bad = runCli(repo, ["release", "compose"]);
    expect(bad.status).toBe(2);
    // The config file is checked as a whole first, as for every command.
    expect(bad.stderr).toContain(`${join(repo.dir, ".rationalerc.json")}: release.template: got 7 (integer); expected a string`);
    repo.write(".rationalerc.json", JSON.stringify({ release: { template: "release {nope}" } }));
    // So is the template's text, as `rationale config` checks it: naming the file and the key.
    const file = join(repo.dir, ".rationalerc.json");
    expect(runCli(repo, ["release", "compose"]).stderr).toBe(
      `rationale: invalid configuration in ${file} (1 problem):\n  ${file}: release.template "release {nope}" has unknown placeholder {nope}; use {packages}, {count}, {name} or {version}\n`,
    );
    // --template wins over the config, so a bad config template does not matter then.
    expect(runCli(repo, ["release", "compose", "--template", "chore: release {packages}"]).status).toBe(0);
  });

  it("names where a template whose summary runs over 72 characters came from: --template, or the config file's key", () => {
    const repo = stagedRelease();
    const template = "chore(release): {packages}, with every change the users asked for this spring";
    const summary = "chore(release): v0.0.4, with every change the users asked for this spring";
    const problem = `makes the release summary "${summary}", ${summary.length} characters; shorten it to fit 72`;
    for (const command of ["compose", "commit"]) {
      expect(runCli(repo, ["release", command, "--template", template]), command).toEqual({
        status: 2,
        stdout: "",
        stderr: `rationale: --template ${problem}. See: rationale release ${command} --help\n`,
      });
    }
    repo.write(".rationalerc.json", JSON.stringify({ release: { template } }));
    expect(runCli(repo, ["release", "compose"])).toEqual({ status: 2, stdout: "", stderr: `rationale: ${join(repo.dir, ".rationalerc.json")}: release.template ${problem}\n` });
    // In package.json the settings sit under "rationale", as config problems name them there.
    repo.write("config/package.json", JSON.stringify({ rationale: { release: { template } } }));
    expect(runCli(repo, ["release", "commit", "--config", "config/package.json"])).toEqual({
      status: 2,
      stdout: "",
      stderr: `rationale: ${join(repo.dir, "config/package.json")}: rationale.release.template ${problem}\n`,
    });
    expect(repo.git("log", "-1", "--format=%s").trim()).toBe("Initial import");
  });

  it("blames no config key for a too-long summary when the config file sets no release.template", () => {
    const repo = stagedRelease();
    // The default template's shortest summary, the bare version, is over 72 characters here.
    const version = `0.0.4-${"a".repeat(60)}`;
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version }, null, 2) + "\n");
    repo.write("CHANGELOG.md", CHANGELOG_0_0_4.replace("## [0.0.4]", `## [${version}]`));
    repo.write(".rationalerc.json", JSON.stringify({ threshold: 60 }));
    repo.git("add", ".");
    const summary = `chore(release): v${version}`;
    // The default template is nobody's to shorten: the error says where a shorter one goes.
    const expected = { status: 2, stdout: "", stderr: `rationale: release summary "${summary}" is ${summary.length} characters even in its shortest form; set a shorter template with --template or release.template in the config\n` };
    expect(runCli(repo, ["release", "compose"])).toEqual(expected);
    const file = join(repo.dir, ".git", "COMMIT_EDITMSG");
    writeFileSync(file, "\n");
    expect(runCli(repo, ["release", "prepare-commit-msg", file, ""]).stderr).toBe(`rationale: release message not pre-filled: ${expected.stderr.slice("rationale: ".length)}`);
  });

  it("exits 2 with one line for: not a repository, nothing bumped, changelog missing", () => {
    const outside = mkdtempSync(join(tmpdir(), "rationale-not-a-repo-"));
    try {
      const [command, ...prefix] = cliCommand();
      const result = spawnSync(command, [...prefix, "release", "compose"], { cwd: outside, encoding: "utf8", env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() } });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`rationale: not a git repository: ${outside}; run rationale release in your repository\n`);
      // Out of a repository is the mistake to fix first, before any config found or named there,
      // as audit and init report it.
      writeFileSync(join(outside, ".rationalerc.json"), '{ "threshold": "high" }');
      for (const args of [["release", "compose"], ["release", "commit", "--config", "nope.json"]]) {
        const bad = spawnSync(command, [...prefix, ...args], { cwd: outside, encoding: "utf8", env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() } });
        expect({ status: bad.status, stderr: bad.stderr }, args.join(" ")).toEqual({
          status: 2,
          stderr: `rationale: not a git repository: ${outside}; run rationale release in your repository\n`,
        });
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }

    const repo = stagedRelease();
    repo.git("commit", "-q", "-m", "release");
    const nothing = runCli(repo, ["release", "commit"]);
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toBe(
      "rationale: nothing to release: no version changed in package.json, Cargo.toml or pyproject.toml between HEAD and the index\n" +
        "  stage the version bump and the changelog, or name the release with --changelog PATH [--version V]\n",
    );
    // A config that cannot be used is the error to fix first, release or not, as in every command.
    expect(runCli(repo, ["release", "compose", "--config", "nope.json"])).toMatchObject({ status: 2, stderr: `rationale: config file not found: ${join(repo.dir, "nope.json")}\n` });
    repo.write("bad.json", '{ "threshold": "high" }');
    const badConfig = runCli(repo, ["release", "commit", "--config", "bad.json"]);
    expect(badConfig.status).toBe(2);
    expect(badConfig.stderr).toMatch(/^rationale: invalid configuration in .*bad\.json \(1 problem\):\n/);
    // The order of errors docs/cli.md gives: the config before what the command was asked to
    // read, a --from naming no commit or an empty range, as before nothing to release.
    for (const range of [["--from", "nosuch"], ["--from", "HEAD", "--to", "HEAD"]]) {
      const run = runCli(repo, ["release", "compose", "--config", "bad.json", ...range]);
      expect(run.status, range.join(" ")).toBe(2);
      expect(run.stderr, range.join(" ")).toMatch(/^rationale: invalid configuration in .*bad\.json \(1 problem\):\n/);
    }
    // A --config the user gave is checked even when --template leaves its template unread: a
    // typo in it would otherwise pass unnoticed, and the same flags fail once --template goes.
    mkdirSync(join(repo.dir, "adir"));
    for (const command of ["compose", "commit"]) {
      const given = (config: string) => runCli(repo, ["release", command, "--template", "chore: {packages}", "--config", config]);
      expect(given("nope.json"), command).toMatchObject({ status: 2, stderr: `rationale: config file not found: ${join(repo.dir, "nope.json")}\n` });
      expect(given("adir"), command).toMatchObject({ status: 2, stderr: `rationale: config path is a directory, not a file: ${join(repo.dir, "adir")}\n` });
      expect(given("bad.json").stderr, command).toMatch(/^rationale: invalid configuration in .*bad\.json \(1 problem\):\n/);
    }

    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "0.0.5" }, null, 2) + "\n");
    repo.git("add", "package.json");
    const missing = runCli(repo, ["release", "compose"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.split("\n")[0]).toBe("rationale: CHANGELOG.md has no section for version 0.0.5; it has 0.0.4, 0.0.3");
    repo.git("rm", "-q", "--cached", "CHANGELOG.md");
    expect(runCli(repo, ["release", "compose"]).stderr.split("\n").slice(0, 2)).toEqual([
      "rationale: no changelog for hds_test0 0.0.5: expected CHANGELOG.md in the index",
      "  add it with the release's section, name another file with --changelog PATH, or give --allow-missing-changelog to list hds_test0's versions only",
    ]);
    // A package name as long as npm allows (214 characters) is echoed as every value is: its start, cut.
    const long = `hds_${"x".repeat(210)}`;
    const cut = `${long.slice(0, 59)}…`;
    repo.write("package.json", JSON.stringify({ name: long, version: "0.0.5" }, null, 2) + "\n");
    repo.git("add", "package.json");
    expect(runCli(repo, ["release", "compose"]).stderr).toBe(
      `rationale: no changelog for ${cut} 0.0.5: expected CHANGELOG.md in the index\n` +
        `  add it with the release's section, name another file with --changelog PATH, or give --allow-missing-changelog to list ${cut}'s versions only\n` +
        "  not staged: CHANGELOG.md; the release is read from the index, so run: git add CHANGELOG.md\n",
    );
    // So is a package name the user gives with --changelog NAME=PATH; the released names stay
    // whole, since they are what to give as NAME.
    expect(runCli(repo, ["release", "compose", "--changelog", `${"n".repeat(100)}=CHANGELOG.md`]).stderr.split("\n").slice(0, 2)).toEqual([
      `rationale: --changelog ${"n".repeat(59)}…=CHANGELOG.md: no released package is named ${"n".repeat(59)}…. See: rationale release compose --help`,
      `  released: ${long}`,
    ]);
    // And in every other error that names a released package: its changelog taken twice, a
    // version written another way, a version pyproject.toml leaves dynamic.
    repo.git("add", "CHANGELOG.md");
    expect(runCli(repo, ["release", "compose", "--changelog", "CHANGELOG.md", "--changelog", "CHANGELOG.md"]).stderr).toBe(
      `rationale: --changelog CHANGELOG.md: ${cut} already has changelog CHANGELOG.md; give one changelog a package. See: rationale release compose --help\n`,
    );
    // A name holding a line break or an escape sequence (the manifest's, or one given as NAME=)
    // is quoted with its escapes there too, so the error stays one line.
    repo.write("package.json", JSON.stringify({ name: "web\nsite", version: "0.0.5" }, null, 2) + "\n");
    repo.git("add", "package.json");
    expect(runCli(repo, ["release", "compose", "--changelog", "CHANGELOG.md", "--changelog", "CHANGELOG.md"]).stderr).toBe(
      'rationale: --changelog CHANGELOG.md: "web\\nsite" already has changelog CHANGELOG.md; give one changelog a package. See: rationale release compose --help\n',
    );
    repo.write("package.json", JSON.stringify({ name: "web\x1b[2Jsite", version: "0.0.5" }, null, 2) + "\n");
    repo.git("add", "package.json");
    const escaped = '"web\\u001b[2Jsite"';
    expect(runCli(repo, ["release", "compose", "--changelog", "web\x1b[2Jsite=CHANGELOG.md", "--changelog", "CHANGELOG.md"]).stderr).toBe(
      `rationale: --changelog CHANGELOG.md: ${escaped} already has changelog ${escaped}=CHANGELOG.md; give one changelog a package. See: rationale release compose --help\n`,
    );
    expect(runCli(repo, ["release", "compose", "--changelog", "web\x1b[2Jsite=CHANGELOG.md", "--changelog", "web\x1b[2Jsite=CHANGELOG.md"]).stderr).toBe(
      `rationale: --changelog ${escaped}=CHANGELOG.md: ${escaped} already has changelog ${escaped}=CHANGELOG.md; give one changelog a package. See: rationale release compose --help\n`,
    );
    repo.write("package.json", JSON.stringify({ name: long, version: "v0.0.4" }, null, 2) + "\n");
    repo.git("add", "package.json");
    expect(runCli(repo, ["release", "compose"]).stderr.split("\n")[1]).toBe(`  ${cut} 0.0.4 -> v0.0.4 in package.json is the same version written another way (SemVer); a release needs a higher or lower one`);
    repo.write("pyproject.toml", `[project]\nname = "${long}"\ndynamic = ["version"]\n`);
    repo.git("add", "pyproject.toml");
    expect(runCli(repo, ["release", "compose"]).stderr).toContain(`\n  ${cut}'s version is dynamic in pyproject.toml`);
    // A name holding a line break is quoted with its escapes, so the note stays one line.
    repo.write("pyproject.toml", `[project]\nname = "py\\nlib"\ndynamic = ["version"]\n`);
    repo.git("add", "pyproject.toml");
    expect(runCli(repo, ["release", "compose"]).stderr).toContain(`\n  "py\\nlib"'s version is dynamic in pyproject.toml`);
  });

  it("compose: releases a Python project over its post-release and candidates, read from pyproject.toml", () => {
    repo = makeRepo();
    const pyproject = (version: string) => `[project]\nname = "mylib"\nversion = "${version}"\n`;
    repo.write("pyproject.toml", pyproject("1.9.0"));
    repo.write("CHANGELOG.md", python.slice(python.indexOf("## 1.9.0 (")));
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "Initial import");
    repo.write("pyproject.toml", pyproject("2.0.0"));
    repo.write("CHANGELOG.md", python);
    repo.git("add", ".");
    const run = runCli(repo, ["release", "compose"]);
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n").filter((line) => line.startsWith("mylib"))).toEqual([
      "mylib 1.9.0 -> 2.0.0",
      "mylib 2.0.0 (2024-06-01):",
      "mylib 2.0.0rc2 (2024-05-20):",
      "mylib v2.0.0.rc1 (2024-05-10):",
      "mylib 1.9.0.post1 (2024-05-01):",
    ]);
    // Once released, the changelog alone describes an older release by a PEP 440 --version
    // spelled another way than its heading; the section below it gives the old version.
    repo.git("commit", "-q", "-m", "Release 2.0.0");
    const post = runCli(repo, ["release", "compose", "--changelog", "CHANGELOG.md", "--version", "v1.9.0-post1"]);
    expect(post.stderr).toBe("");
    expect(post.stdout.split("\n").slice(0, 5)).toEqual(["chore(release): mylib v1.9.0.post1", "", "mylib 1.9.0 -> 1.9.0.post1 (2024-05-01)", "", "- Rebuilt wheels for Python 3.12, no code change"]);
  });

  it("compose: tells a project whose pyproject.toml version is dynamic to name the release with --version", () => {
    repo = makeRepo();
    repo.write("pyproject.toml", '[project]\nname = "mylib"\ndynamic = ["version"]\n\n[tool.setuptools_scm]\n');
    repo.write("CHANGELOG.md", "# Changelog\n\n## 1.0.0\n\n- First\n");
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "Initial import");
    repo.write("CHANGELOG.md", "# Changelog\n\n## 1.1.0\n\n- Second\n\n## 1.0.0\n\n- First\n");
    repo.git("add", ".");
    const run = runCli(repo, ["release", "compose"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      "rationale: nothing to release: no version changed in package.json, Cargo.toml or pyproject.toml between HEAD and the index\n" +
        '  mylib\'s version is dynamic in pyproject.toml (dynamic = ["version"]), so no bump shows there: name the release with --version V, its changelog heading\n' +
        "  stage the version bump and the changelog, or name the release with --changelog PATH [--version V]\n",
    );
    const named = runCli(repo, ["release", "compose", "--version", "1.1.0"]);
    expect(named.stderr).toBe("");
    expect(named.stdout).toBe("chore(release): mylib v1.1.0\n\nmylib 1.0.0 -> 1.1.0\n\n- Second\n");
    // An empty range has nothing to release whatever the version: the range is the whole story.
    const head = repo.git("rev-parse", "--short=7", "HEAD").trim();
    for (const version of [[], ["--version", "1.1.0"]]) {
      expect(runCli(repo, ["release", "compose", "--from", "HEAD", "--to", "HEAD", ...version])).toEqual({
        status: 2,
        stdout: "",
        stderr:
          `rationale: nothing to release: --from HEAD and --to HEAD both name commit ${head}, so the range is empty\n` +
          "  give --from the state before the release (the last release's tag, the base branch) and --to the state released\n",
      });
    }
  });

  it("exits 2 naming a --version that is no version, not a changelog heading that cannot exist", () => {
    const repo = stagedRelease();
    for (const bad of ["banana", "", "=0.0.4", "Unreleased", "4"]) {
      const run = runCli(repo, ["release", "compose", "--version", bad]);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`rationale: --version ${JSON.stringify(bad)} is not a version; expected one such as 1.2.3, v1.2.3, 1.2, 2.0.0-rc.1 or 1.2.3.post1. See: rationale release compose --help\n`);
    }
    expect(runCli(repo, ["release", "compose", "--version", "V0.0.4"]).stdout.split("\n")[0]).toBe("chore(release): hds_test0 v0.0.4");
  });

  it("releases a version whose build metadata starts or ends with a hyphen, by manifest and by --version", () => {
    const repo = stagedRelease();
    // SemVer §10's identifiers are [0-9A-Za-z-]+, as the pre-release's are.
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "0.0.4+build-" }, null, 2) + "\n");
    repo.write("CHANGELOG.md", CHANGELOG_0_0_4.replace("## [0.0.4]", "## [0.0.4+build-]"));
    repo.git("add", "package.json", "CHANGELOG.md");
    const run = runCli(repo, ["release", "compose"]);
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n").slice(0, 3)).toEqual(["chore(release): hds_test0 v0.0.4+build-", "", "hds_test0 0.0.3 -> 0.0.4+build- (2024-03-18)"]);
    repo.git("commit", "-q", "-m", "chore(release): hds_test0 v0.0.4+build-");
    // Once released, the changelog alone describes it by --version.
    const byVersion = runCli(repo, ["release", "compose", "--version", "0.0.4+build-"]);
    expect(byVersion.stderr).toBe("");
    expect(byVersion.stdout.split("\n")[0]).toBe("chore(release): hds_test0 v0.0.4+build-");
  });

  it("names release files edited but not staged, since the release is read from the index", () => {
    const repo = stagedRelease();
    repo.git("commit", "-q", "-m", "release");
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "0.0.5" }, null, 2) + "\n");
    repo.write("CHANGELOG.md", CHANGELOG_0_0_4.replace("# Changelog\n", "# Changelog\n\n## 0.0.5\n\n- Fix the thing\n"));
    const nothing = runCli(repo, ["release", "compose"]);
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toContain("  not staged: CHANGELOG.md, package.json; the release is read from the index, so run: git add CHANGELOG.md package.json\n");
    repo.git("add", "package.json");
    const section = runCli(repo, ["release", "compose"]);
    expect(section.stderr.split("\n")[0]).toBe("rationale: CHANGELOG.md has no section for version 0.0.5; it has 0.0.4, 0.0.3");
    expect(section.stderr).toContain("  not staged: CHANGELOG.md; the release is read from the index, so run: git add CHANGELOG.md\n");
    repo.git("add", "CHANGELOG.md");
    expect(runCli(repo, ["release", "compose"]).stdout.split("\n")[0]).toBe("chore(release): hds_test0 v0.0.5");
  });

  it("uses a --changelog below the package's directory over a stale root one", () => {
    const repo = stagedRelease();
    // The root changelog has a stale 0.0.4 entry; the real one is in docs/.
    repo.write("CHANGELOG.md", CHANGELOG_0_0_4.replace(/## \[?0\.0\.4\]?[^\n]*\n[\s\S]*?(?=\n## )/, "## 0.0.4\n\n- STALE root entry\n"));
    repo.write("docs/CHANGELOG.md", CHANGELOG_0_0_4);
    repo.git("add", "CHANGELOG.md", "docs/CHANGELOG.md");
    expect(runCli(repo, ["release", "compose"]).stdout).toContain("STALE root entry");
    const composed = runCli(repo, ["release", "compose", "--changelog", "docs/CHANGELOG.md"]);
    expect(composed.stderr).toBe("");
    expect(composed.stdout).not.toContain("STALE");
    expect(composed.stdout).toBe(EXPECTED.replace(/\n+$/, "\n"));
  });

  it("reports an unwritable --output and a --changelog path that does not exist as usage errors", () => {
    const repo = stagedRelease();
    const output = runCli(repo, ["release", "compose", "--output", join(repo.dir, "no-such-dir", "msg.txt")]);
    expect(output.status).toBe(2);
    expect(output.stderr).toBe(`rationale: --output ${join(repo.dir, "no-such-dir", "msg.txt")}: directory ${join(repo.dir, "no-such-dir")} does not exist\n`);
    if (existsSync("/proc/self")) {
      // A directory that exists but takes no new files is not called missing.
      expect(runCli(repo, ["release", "compose", "--output", "/proc/msg.txt"]).stderr).toBe("rationale: cannot write --output /proc/msg.txt: files cannot be created in /proc\n");
    }
    expect(runCli(repo, ["release", "compose", "--template", " "]).stderr).toBe('rationale: --template is empty; it makes the summary line, e.g. "chore(release): {packages}". See: rationale release compose --help\n');
    const missing = runCli(repo, ["release", "compose", "--changelog", "CHANGES.txt"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("rationale: changelog CHANGES.txt does not exist; expected a path to a Markdown changelog\n");
    // Outside the repository it is read from disk, and named the same way when it cannot be.
    const outside = join(repo.dir, "..", "no-such-changelog.md");
    expect(runCli(repo, ["release", "compose", "--changelog", outside]).stderr).toBe(`rationale: changelog ${outside} cannot be read; expected a Markdown changelog file\n`);
    repo.write("NOTES.md", "## 0.0.4\n\n- Notes\n");
    expect(runCli(repo, ["release", "compose", "--changelog", "NOTES.md"]).stderr).toBe(
      "rationale: changelog NOTES.md is not in the index (stage it with git add NOTES.md)\n",
    );
  });

  it("says a --changelog that is a directory is one, and names the changelog file in it", () => {
    const repo = stagedRelease();
    repo.write("docs/CHANGES.md", "## 0.0.4\n\n- Notes\n");
    repo.git("add", "docs");
    const inside = runCli(repo, ["release", "compose", "--changelog", "docs/"]);
    expect(inside.status).toBe(2);
    expect(inside.stderr).toBe("rationale: changelog docs/ is a directory; expected a changelog file, such as docs/CHANGES.md\n");
    mkdirSync(join(repo.dir, "empty"));
    expect(runCli(repo, ["release", "compose", "--changelog", "empty"]).stderr).toBe("rationale: changelog empty is a directory; expected a Markdown changelog file\n");
    // With no version bump staged, the changelog alone names the release: the same answer.
    repo.git("commit", "-q", "-m", "Release 0.0.4");
    expect(runCli(repo, ["release", "compose", "--changelog", "."]).stderr).toBe("rationale: changelog . is a directory; expected a changelog file, such as ./CHANGELOG.md\n");
    const outside = dirname(repo.dir);
    expect(runCli(repo, ["release", "compose", "--changelog", outside]).stderr).toBe(`rationale: changelog ${outside} is a directory; expected a Markdown changelog file\n`);
  });

  it("writes --output beside the file and renames it over, so a failed write leaves the old file whole", () => {
    const repo = stagedRelease();
    const outDir = mkdtempSync(join(tmpdir(), "rationale-release-out-"));
    const out = join(outDir, "msg.txt");
    writeFileSync(out, "previous message\n");
    chmodSync(out, 0o640);
    // A file size limit of 0 fails the write itself, as a full disk would.
    const limited = runLimited(repo, ["release", "compose", "--output", out]);
    expect(limited.stderr).toMatch(/^rationale: cannot write --output .*msg\.txt: EFBIG: [^\n]*\n$/);
    expect(limited.status).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("previous message\n");
    expect(readdirSync(outDir)).toEqual(["msg.txt"]);

    expect(runCli(repo, ["release", "compose", "--output", out])).toEqual({ status: 0, stdout: "", stderr: "" });
    expect(readFileSync(out, "utf8")).toBe(EXPECTED);
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readdirSync(outDir)).toEqual(["msg.txt"]);

    // A directory in the way is named, and left as it was.
    mkdirSync(join(outDir, "msg"));
    const directory = runCli(repo, ["release", "compose", "--output", join(outDir, "msg")]);
    expect(directory.stderr).toBe(`rationale: --output ${join(outDir, "msg")} is a directory; give a file name\n`);
    expect(directory.status).toBe(2);
    expect(readdirSync(join(outDir, "msg"))).toEqual([]);
    rmSync(outDir, { recursive: true, force: true });
  });

  it("refuses --output into a read-only directory without touching the file there", () => {
    const repo = stagedRelease();
    const outDir = mkdtempSync(join(tmpdir(), "rationale-release-out-"));
    const out = join(outDir, "msg.txt");
    // Writable itself, so only the temp file beside it cannot be made.
    writeFileSync(out, "previous message\n");
    chmodSync(out, 0o666);
    chmodSync(outDir, 0o555);
    const run = runUnprivileged(repo, ["release", "compose", "--output", out]);
    chmodSync(outDir, 0o755);
    expect(run.stderr).toBe(`rationale: cannot write --output ${out}: permission denied\n`);
    expect(run.status).toBe(2);
    expect(readFileSync(out, "utf8")).toBe("previous message\n");
    expect(readdirSync(outDir)).toEqual(["msg.txt"]);
    rmSync(outDir, { recursive: true, force: true });
  });

  it("refuses an --output that is the changelog the message is composed from", () => {
    const repo = stagedRelease();
    for (const out of ["CHANGELOG.md", join(repo.dir, "CHANGELOG.md")]) {
      const run = runCli(repo, ["release", "compose", "--output", out]);
      expect(run.stderr).toBe(
        `rationale: --output ${out} is CHANGELOG.md, the changelog the message was composed from; writing there would replace it. See: rationale release compose --help\n  give another file, e.g. --output .git/RELEASE_MSG\n`,
      );
      expect(run.status).toBe(2);
    }
    expect(readFileSync(join(repo.dir, "CHANGELOG.md"), "utf8")).toBe(CHANGELOG_0_0_4);
  });

  it("suggests an --output in the git directory that works from a subdirectory and a linked worktree", () => {
    const repo = stagedRelease();
    const runIn = (cwd: string, args: string[], shell?: string) => {
      const [command, ...prefix] = cliCommand();
      const child = shell === undefined
        ? spawnSync(command, [...prefix, ...args], { cwd, env: repo.env, encoding: "utf8" })
        : spawnSync("sh", ["-c", `"$0" "$@" ${shell}`, command, ...prefix, ...args], { cwd, env: repo.env, encoding: "utf8" });
      return { status: child.status, stdout: child.stdout, stderr: child.stderr };
    };
    // The hint after refusing to write over the changelog, taken as given and run from there.
    const hinted = (cwd: string): string => {
      const refused = runIn(cwd, ["release", "compose", "--output", "../CHANGELOG.md"]);
      expect(refused.status).toBe(2);
      const output = /give another file, e\.g\. --output (\S+)\n/.exec(refused.stderr)?.[1] ?? refused.stderr;
      const written = runIn(cwd, ["release", "compose", "--output", output]);
      expect(written.stderr).toBe("");
      expect(written.status).toBe(0);
      return output;
    };
    mkdirSync(join(repo.dir, "docs"));
    expect(hinted(join(repo.dir, "docs"))).toBe("../.git/RELEASE_MSG");
    expect(readFileSync(join(repo.dir, ".git", "RELEASE_MSG"), "utf8")).toBe(EXPECTED);

    // In a linked worktree `.git` is a file; its git directory is under the main one's.
    const worktree = join(dirname(repo.dir), "worktree");
    repo.git("worktree", "add", "-q", "-b", "release", worktree);
    writeFileSync(join(worktree, "package.json"), JSON.stringify({ name: "hds_test0", version: "0.0.4" }, null, 2) + "\n");
    writeFileSync(join(worktree, "CHANGELOG.md"), CHANGELOG_0_0_4);
    mkdirSync(join(worktree, "docs"));
    spawnSync("git", ["add", "package.json", "CHANGELOG.md"], { cwd: worktree, env: repo.env });
    const gitDir = join(repo.dir, ".git", "worktrees", "worktree");
    expect(hinted(join(worktree, "docs"))).toBe(join(gitDir, "RELEASE_MSG"));
    expect(readFileSync(join(gitDir, "RELEASE_MSG"), "utf8")).toBe(EXPECTED);
    rmSync(join(gitDir, "RELEASE_MSG"));

    // The --help example works there too, as a shell runs it.
    const help = runIn(worktree, ["release", "compose", "--help"]).stdout;
    const example = /--output ("\$\(git rev-parse --git-path MSG\)")/.exec(help)?.[1];
    expect(example, help).toBeDefined();
    expect(runIn(join(worktree, "docs"), ["release", "compose"], `--output ${example}`).status).toBe(0);
    expect(readFileSync(join(gitDir, "MSG"), "utf8")).toBe(EXPECTED);
  });

  it("commit --help names the options that pass through to git commit, not every option listed", () => {
    const help = runCli(makeRepo(), ["release", "commit", "--help"]);
    expect(help.status).toBe(0);
    const description = help.stdout.split("\n\n")[1].replace(/\s+/g, " ");
    expect(description).toBe(
      "Compose the message for the staged release and run `git commit -F` with it. -s, -S, --no-gpg-sign, -n and -e pass through to git commit; give any other git commit option after `--` (not one that gives the message or commits more than the index, nor a path).",
    );
  });

  it("refuses an empty --from, --to, --output or --changelog instead of acting as if it were left out", () => {
    const repo = stagedRelease();
    repo.git("commit", "-q", "-m", "chore(release): hds_test0 v0.0.4");
    // Something else staged: with --from "" or --to "" dropped, this index would be the release.
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "0.0.9" }, null, 2) + "\n");
    repo.git("add", "package.json");
    const cases: [string[], string][] = [
      [["--from", ""], "rationale: --from expects a revision, got ''. See: rationale release compose --help\n"],
      [["--from", "HEAD~1", "--to", ""], "rationale: --to expects a revision, got ''. See: rationale release compose --help\n"],
      [["--from", "HEAD~1", "--to", "HEAD", "--output", ""], "rationale: --output expects a file name, got ''. See: rationale release compose --help\n"],
      [["--from", "HEAD~1", "--to", "HEAD", "--output", " "], "rationale: --output expects a file name, got ' '. See: rationale release compose --help\n"],
      [["--from", "HEAD~1", "--to", "HEAD", "--output", " ".repeat(10_000)], `rationale: --output expects a file name, got '${" ".repeat(59)}…'. See: rationale release compose --help\n`],
      [["--from", "HEAD~1", "--to", "HEAD", "--changelog", ""], "rationale: --changelog expects a changelog path, got ''. See: rationale release compose --help\n"],
    ];
    for (const [args, stderr] of cases) {
      expect(runCli(repo, ["release", "compose", ...args]), args.join(" ")).toEqual({ status: 2, stdout: "", stderr });
    }
    expect(runCli(repo, ["release", "commit", "--changelog", ""])).toMatchObject({ status: 2, stderr: "rationale: --changelog expects a changelog path, got ''. See: rationale release commit --help\n" });
    expect(repo.git("log", "-1", "--format=%s").trim()).toBe("chore(release): hds_test0 v0.0.4");
  });

  it("ends a wrong option value or a missing --from with the pointer to the command's help, before reading the repository", () => {
    const repo = stagedRelease();
    const cases: [string[], string][] = [
      [["compose", "--to", "HEAD"], "--to needs --from: name the state before the release too"],
      [["compose", "--trailer", "Refs REL-12"], '--trailer "Refs REL-12" is not a trailer; expected "Token: value", e.g. "Signed-off-by: Ada <ada@example.com>"'],
      [["commit", "--trailer", "nope"], '--trailer "nope" is not a trailer; expected "Token: value", e.g. "Signed-off-by: Ada <ada@example.com>"'],
      [["compose", "--template", "chore: {pkg}"], '--template "chore: {pkg}" has unknown placeholder {pkg}; use {packages}, {count}, {name} or {version}'],
      [["commit", "--version", "banana"], '--version "banana" is not a version; expected one such as 1.2.3, v1.2.3, 1.2, 2.0.0-rc.1 or 1.2.3.post1'],
      [["commit", "--config", ""], "--config expects a file name, got ''; leave it out to search from the current directory upward"],
      [["commit", "--config", " ".repeat(10_000)], `--config expects a file name, got '${" ".repeat(59)}…'; leave it out to search from the current directory upward`],
    ];
    for (const [args, message] of cases) {
      expect(runCli(repo, ["release", ...args]), args.join(" ")).toEqual({ status: 2, stdout: "", stderr: `rationale: ${message}. See: rationale release ${args[0]} --help\n` });
    }
    // Outside a repository too: the options are wrong wherever the command runs.
    const outside = mkdtempSync(join(tmpdir(), "rationale-release-outside-"));
    const [command, ...prefix] = cliCommand();
    const env = { ...repo.env, GIT_CEILING_DIRECTORIES: tmpdir() };
    expect(spawnSync(command, [...prefix, "release", "compose", "--to", "HEAD"], { cwd: outside, env, encoding: "utf8" }).stderr).toBe(
      "rationale: --to needs --from: name the state before the release too. See: rationale release compose --help\n",
    );
    rmSync(outside, { recursive: true });
    expect(repo.git("log", "-1", "--format=%s").trim()).toBe("Initial import");
  });

  it("ends an option that does not fit the repository with the pointer to the help, and what the repository holds without", () => {
    repo = makeRepo();
    // Two workspace packages bumped, so --version cannot say which one it names.
    const changelog = (version: string) => `# Changelog\n\n## ${version}\n\n- Retry uploads on timeouts\n\n## 1.0.0\n\n- First release\n`;
    repo.write("package.json", JSON.stringify({ name: "root", private: true, workspaces: ["packages/*"] }) + "\n");
    for (const name of ["a", "b"]) {
      repo.write(`packages/${name}/package.json`, JSON.stringify({ name, version: "1.0.0" }) + "\n");
      repo.write(`packages/${name}/CHANGELOG.md`, "# Changelog\n\n## 1.0.0\n\n- First release\n");
    }
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "Initial import");
    // A commit that changes no version, for a range with none.
    repo.write("README.md", "# Packages a and b\n");
    repo.git("add", "README.md");
    repo.git("commit", "-q", "-m", "Add a readme");
    for (const name of ["a", "b"]) {
      repo.write(`packages/${name}/package.json`, JSON.stringify({ name, version: "1.1.0" }) + "\n");
      repo.write(`packages/${name}/CHANGELOG.md`, changelog("1.1.0"));
    }
    repo.write("docs/NOTES.md", changelog("1.1.0"));
    repo.git("add", ".");
    const see = (command: string) => `. See: rationale release ${command} --help`;
    const cases: [string[], string][] = [
      [["commit", "--version", "1.1.0"], `--version 1.1.0 applies to one package, but 2 packages changed version: a, b${see("commit")}`],
      [["compose", "--changelog", "c=packages/a/CHANGELOG.md"], `--changelog c=packages/a/CHANGELOG.md: no released package is named c${see("compose")}\n  released: a, b`],
      [["compose", "--changelog", "docs/NOTES.md"], `--changelog docs/NOTES.md: no released package is in its directory, above or below it${see("compose")}\n  name the package it belongs to, as NAME=docs/NOTES.md (released: a, b)`],
      [["compose", "--changelog", "a=packages/a/CHANGELOG.md", "--changelog", "a=packages/b/CHANGELOG.md"], `--changelog a=packages/b/CHANGELOG.md: a already has changelog a=packages/a/CHANGELOG.md; give one changelog a package${see("compose")}`],
      // Where a package is that took one already: not "no released package is in its directory".
      [["compose", "--changelog", "packages/a/CHANGELOG.md", "--changelog", "packages/a/CHANGELOG.md"], `--changelog packages/a/CHANGELOG.md: a already has changelog packages/a/CHANGELOG.md; give one changelog a package${see("compose")}`],
      [["compose", "--changelog", "b=docs/NOTES.md", "--changelog", "packages/b/CHANGELOG.md"], `--changelog packages/b/CHANGELOG.md: b already has changelog b=docs/NOTES.md; give one changelog a package${see("compose")}`],
      [["compose", "--from", "HEAD~1", "--to", "HEAD", "--changelog", "packages/a/CHANGELOG.md", "--changelog", "packages/b/CHANGELOG.md"], `with no version change in a manifest, give one changelog (the release to describe)${see("compose")}`],
    ];
    for (const [args, message] of cases) {
      expect(runCli(repo, ["release", ...args]), args.join(" ")).toEqual({ status: 2, stdout: "", stderr: `rationale: ${message}\n` });
    }
    // What the repository or the files hold, whichever option led there: no usage error.
    expect(runCli(repo, ["release", "compose", "--from", "no-such-tag"]).stderr).toBe("rationale: --from no-such-tag does not name a commit in this repository\n");
    expect(runCli(repo, ["release", "compose", "--changelog", "a=CHANGES.txt"]).stderr).toBe("rationale: changelog CHANGES.txt (for a) does not exist; expected a path to a Markdown changelog\n");
    repo.git("reset", "-q");
    repo.git("checkout", "-q", "--", ".");
    expect(runCli(repo, ["release", "compose"]).stderr).toMatch(/^rationale: nothing to release: no version changed in package.json, Cargo.toml or pyproject.toml between HEAD and the index\n  /);
    expect(repo.git("log", "-1", "--format=%s").trim()).toBe("Add a readme");
  });

  // pnpm-workspace.yaml is read with the lazily loaded `yaml` package, which the bundle once
  // exposed only as a default export ("parseDocument is not a function" / "parse is not a function").
  it("compose: finds a pnpm workspace member's bump", () => {
    repo = makeRepo();
    repo.write("package.json", JSON.stringify({ name: "root", private: true }) + "\n");
    repo.write("pnpm-workspace.yaml", "packages:\n  - 'packages/*'\n");
    repo.write("packages/ui/package.json", JSON.stringify({ name: "@acme/ui", version: "1.0.0" }) + "\n");
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "Initial import");
    repo.write("packages/ui/package.json", JSON.stringify({ name: "@acme/ui", version: "1.0.1" }) + "\n");
    repo.write("packages/ui/CHANGELOG.md", "# @acme/ui\n\n## 1.0.1\n\n### Patch Changes\n\n- abc123: Fix the focus ring\n");
    repo.git("add", ".");
    const result = runCli(repo, ["release", "compose"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe("chore(release): @acme/ui v1.0.1\n\n@acme/ui 1.0.0 -> 1.0.1\n\nPatch Changes:\n\n- abc123: Fix the focus ring\n");
  });

  it("--allow-missing-changelog gives a package without a changelog its version line, which the error names", () => {
    repo = makeRepo();
    repo.write("package.json", JSON.stringify({ name: "root", private: true, workspaces: ["packages/*"] }) + "\n");
    repo.write("packages/a/package.json", JSON.stringify({ name: "a", version: "1.0.0" }) + "\n");
    repo.write("packages/b/package.json", JSON.stringify({ name: "b", version: "2.0.0" }) + "\n");
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "Initial import");
    repo.write("packages/a/package.json", JSON.stringify({ name: "a", version: "1.1.0" }) + "\n");
    repo.write("packages/a/CHANGELOG.md", "# a\n\n## 1.1.0\n\n- Add the focus ring\n");
    repo.write("packages/b/package.json", JSON.stringify({ name: "b", version: "2.0.1" }) + "\n");
    repo.git("add", ".");
    for (const command of ["compose", "commit"]) {
      const refused = runCli(repo, ["release", command]);
      expect(refused.status, command).toBe(2);
      expect(refused.stderr, command).toBe(
        "rationale: no changelog for b 2.0.1: expected packages/b/CHANGELOG.md in the index\n" +
          "  add it with the release's section, name another file with --changelog PATH, or give --allow-missing-changelog to list b's versions only\n",
      );
    }
    // docs/release.md quotes that hint, for this package b, as the CLI words it.
    expect(readFileSync(join(projectRoot, "docs", "release.md"), "utf8").replace(/\s+/g, " ")).toContain(
      "\"add it with the release's section, name another file with --changelog PATH, or give --allow-missing-changelog to list b's versions only\"",
    );
    const composed = runCli(repo, ["release", "compose", "--allow-missing-changelog"]);
    expect(composed.stderr).toBe("");
    const message = "chore(release): a v1.1.0, b v2.0.1\n\n- a 1.0.0 -> 1.1.0\n- b 2.0.0 -> 2.0.1\n\na 1.1.0:\n\n- Add the focus ring\n";
    expect(composed.stdout).toBe(message);
    const committed = runCli(repo, ["release", "commit", "--allow-missing-changelog"]);
    expect(committed).toMatchObject({ status: 0, stderr: "" });
    expect(repo.git("log", "-1", "--format=%B")).toBe(`${message}\n`);
    for (const command of ["compose", "commit"]) {
      expect(runCli(repo, ["release", command, "--help"]).stdout.replace(/\s+/g, " "), command).toContain(
        "--allow-missing-changelog a released package without a changelog gets its version line only",
      );
    }
  });

  it("--allow-missing-changelog says why it does not cover a changelog that lacks the release's section", () => {
    repo = makeRepo();
    repo.write("package.json", JSON.stringify({ name: "x", version: "1.0.0" }) + "\n");
    repo.write("CHANGELOG.md", "# Changelog\n\n## [1.0.0] - 2026-01-01\n\n- First release\n");
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "Initial import");
    repo.write("package.json", JSON.stringify({ name: "x", version: "1.0.1" }) + "\n");
    repo.git("add", ".");
    const missing = "rationale: CHANGELOG.md has no section for version 1.0.1; it has 1.0.0\n  expected a heading such as `## [1.0.1] - YYYY-MM-DD` or `## 1.0.1`\n";
    expect(runCli(repo, ["release", "compose"])).toMatchObject({ status: 2, stdout: "", stderr: missing });
    for (const command of ["compose", "commit"]) {
      expect(runCli(repo, ["release", command, "--allow-missing-changelog"]), command).toMatchObject({
        status: 2,
        stdout: "",
        stderr: `${missing}  --allow-missing-changelog covers a package with no changelog file; CHANGELOG.md is there, so write the section (or name another file with --changelog PATH)\n`,
      });
    }
    expect(repo.git("log", "-1", "--format=%s")).toBe("Initial import\n");
  });

  it("names another --changelog in the error for a release named by --version with no changelog at the root", () => {
    repo = makeRepo();
    repo.write("package.json", JSON.stringify({ name: "x", version: "1.0.0" }) + "\n");
    repo.git("add", ".");
    repo.git("commit", "-q", "-m", "Initial import");
    expect(runCli(repo, ["release", "compose", "--version", "1.0.0"])).toMatchObject({
      status: 2,
      stderr: "rationale: no changelog at the repository root in the index; expected CHANGELOG.md\n  name another file with --changelog PATH\n",
    });
  });

  it("commit: passes git's failure through (a commit-msg hook that rejects)", () => {
    const repo = stagedRelease();
    const hook = join(repo.dir, ".git", "hooks", "commit-msg");
    writeFileSync(hook, "#!/bin/sh\necho 'rejected by hook' >&2\nexit 1\n");
    chmodSync(hook, 0o755);
    const rejected = runCli(repo, ["release", "commit"]);
    expect(rejected.status).toBe(1);
    expect(rejected.stderr).toContain("rejected by hook");
    expect(runCli(repo, ["release", "commit", "--no-verify"]).status).toBe(0);
    expect(repo.git("log", "-1", "--format=%s")).toBe("chore(release): hds_test0 v0.0.4\n");
  });
});

describe("prepare-commit-msg hook", { timeout: 120_000 }, () => {
  function installHook(repo: TempRepo): void {
    const command = cliCommand().map((part) => `'${part.replace(/'/g, "'\\''")}'`).join(" ");
    const hook = join(repo.dir, ".git", "hooks", "prepare-commit-msg");
    writeFileSync(hook, `#!/bin/sh\nexec ${command} release prepare-commit-msg "$1" "$2" "$3"\n`);
    chmodSync(hook, 0o755);
  }

  it("pre-fills a hand-made release commit and keeps -s's sign-off last", () => {
    const repo = stagedRelease();
    installHook(repo);
    // GIT_EDITOR=true accepts the prepared message as the editor would show it.
    repo.git("commit", "-q", "-s");
    expect(repo.git("log", "-1", "--format=%B")).toBe(`${EXPECTED}\nSigned-off-by: Test User <test@example.com>\n\n`);
  });

  it("leaves -m messages, and commits that bump nothing, alone", () => {
    const repo = stagedRelease();
    installHook(repo);
    repo.git("commit", "-q", "-m", "Release by hand", "-m", "With my own words.");
    expect(repo.git("log", "-1", "--format=%B")).toBe("Release by hand\n\nWith my own words.\n\n");
    repo.write("README.md", "hello\n");
    repo.git("add", "README.md");
    const file = join(repo.dir, ".git", "COMMIT_EDITMSG");
    const template = "\n# Please enter the commit message for your changes.\n";
    writeFileSync(file, template);
    const result = runCli(repo, ["release", "prepare-commit-msg", file, ""]);
    expect(result).toEqual({ status: 0, stdout: "", stderr: "" });
    expect(readFileSync(file, "utf8")).toBe(template);
  });

  it("adds the composed body under a -m release summary (npm version's), with -e too, trailers last", () => {
    const repo = stagedRelease();
    installHook(repo);
    const body = EXPECTED.slice(EXPECTED.indexOf("\n"));
    repo.git("commit", "-q", "-s", "-m", "0.0.4");
    expect(repo.git("log", "-1", "--format=%B")).toBe(`0.0.4${body}\nSigned-off-by: Test User <test@example.com>\n\n`);
    // With -e git's comment block is below the summary in the file, and git strips it.
    repo.write("package.json", JSON.stringify({ name: "hds_test0", version: "0.0.5" }, null, 2) + "\n");
    repo.write("CHANGELOG.md", CHANGELOG_0_0_4.replace("# Changelog\n", "# Changelog\n\n## 0.0.5\n\n- read CRLF changelogs\n"));
    repo.git("add", ".");
    repo.git("commit", "-q", "-e", "-m", "Release v0.0.5");
    expect(repo.git("log", "-1", "--format=%B")).toBe("Release v0.0.5\n\nhds_test0 0.0.4 -> 0.0.5\n\n- read CRLF changelogs\n\n");
  });

  it("adds the body under an amended -m release summary, comparing the index with the amended commit's parent", () => {
    const repo = stagedRelease();
    installHook(repo);
    // The bump committed with a message of its own, then amended into the release commit.
    repo.git("commit", "-q", "-m", "Bump the version to 0.0.4");
    expect(repo.git("log", "-1", "--format=%B")).toBe("Bump the version to 0.0.4\n\n");
    const amend = spawnSync("git", ["commit", "-q", "--amend", "-s", "-m", "0.0.4"], { cwd: repo.dir, env: repo.env, encoding: "utf8" });
    expect(amend.stderr).toBe("");
    expect(amend.status).toBe(0);
    expect(repo.git("log", "-1", "--format=%B")).toBe(`0.0.4${EXPECTED.slice(EXPECTED.indexOf("\n"))}\nSigned-off-by: Test User <test@example.com>\n\n`);
    expect(repo.git("rev-list", "--count", "HEAD")).toBe("2\n");
    // Amending the first commit: nothing before it to compare with, so the message stays as given.
    const first = makeRepo();
    try {
      installHook(first);
      first.write("package.json", JSON.stringify({ name: "fresh", version: "0.1.0" }) + "\n");
      first.write("CHANGELOG.md", "## 0.1.0\n\n- First\n");
      first.git("add", ".");
      first.git("commit", "-q", "-m", "Start the package");
      const root = spawnSync("git", ["commit", "-q", "--amend", "-m", "0.1.0"], { cwd: first.dir, env: first.env, encoding: "utf8" });
      expect({ status: root.status, stderr: root.stderr }).toEqual({ status: 0, stderr: "" });
      expect(first.git("log", "-1", "--format=%B")).toBe("0.1.0\n\n");
    } finally {
      first.cleanup();
    }
  });

  it("names the versions alone under a -m release summary when the changelog has no section for it, and says so", () => {
    const repo = stagedRelease();
    installHook(repo);
    repo.write("CHANGELOG.md", CHANGELOG_0_0_3);
    repo.git("add", "CHANGELOG.md");
    const run = spawnSync("git", ["commit", "-q", "-m", "v0.0.4"], { cwd: repo.dir, env: repo.env, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("rationale: release body lists versions only: CHANGELOG.md has no section for version 0.0.4; it has 0.0.3\n");
    expect(repo.git("log", "-1", "--format=%B")).toBe("v0.0.4\n\nhds_test0 0.0.3 -> 0.0.4\n\n");
  });

  it("leaves a -m message that is no release summary alone, even with a bump staged", () => {
    const repo = stagedRelease();
    installHook(repo);
    repo.git("commit", "-q", "-m", "Ship the parser fix");
    expect(repo.git("log", "-1", "--format=%B")).toBe("Ship the parser fix\n\n");
    // Run by hand with -m's source: nothing to say, nothing written.
    const file = join(repo.dir, ".git", "COMMIT_EDITMSG");
    writeFileSync(file, "[maven-release-plugin] prepare for next development iteration\n");
    expect(runCli(repo, ["release", "prepare-commit-msg", file, "message"])).toEqual({ status: 0, stdout: "", stderr: "" });
    expect(readFileSync(file, "utf8")).toBe("[maven-release-plugin] prepare for next development iteration\n");
  });

  it("warns and exits 0 when the message file cannot be written: it never fails the commit", () => {
    const repo = stagedRelease();
    const missing = join(repo.dir, "no-such-dir", "COMMIT_EDITMSG");
    expect(runCli(repo, ["release", "prepare-commit-msg", missing])).toEqual({
      status: 0,
      stdout: "",
      stderr: `rationale: release message not pre-filled: ${missing}: directory ${join(repo.dir, "no-such-dir")} does not exist\n`,
    });
    const directory = join(repo.dir, ".git");
    expect(runCli(repo, ["release", "prepare-commit-msg", directory])).toEqual({
      status: 0,
      stdout: "",
      stderr: `rationale: release message not pre-filled: ${directory} is a directory; give a file name\n`,
    });
  });

  it("leaves the message file whole when writing the pre-filled message fails", () => {
    const repo = stagedRelease();
    const file = join(repo.dir, ".git", "COMMIT_EDITMSG");
    const template = "\n# Please enter the commit message for your changes.\n";
    writeFileSync(file, template);
    const run = runLimited(repo, ["release", "prepare-commit-msg", file, ""]);
    expect(run.stderr).toMatch(/^rationale: release message not pre-filled: cannot write .*COMMIT_EDITMSG: EFBIG: [^\n]*\n$/);
    expect(run.status).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(template);
    expect(readdirSync(join(repo.dir, ".git")).filter((name) => name.includes("rationale-tmp"))).toEqual([]);
  });

  it("names the hook's --template, or the config file's key, in the warning about a bad template", () => {
    const repo = stagedRelease();
    const file = join(repo.dir, ".git", "COMMIT_EDITMSG");
    const template = "\n# Please enter the commit message for your changes.\n";
    const prepare = (...flags: string[]) => {
      writeFileSync(file, template);
      const run = runCli(repo, ["release", "prepare-commit-msg", file, "", ...flags]);
      expect(readFileSync(file, "utf8")).toBe(template);
      return run;
    };
    const warning = (text: string) => ({ status: 0, stdout: "", stderr: `rationale: release message not pre-filled: ${text}\n` });
    expect(prepare("--template", "chore: {pkg}")).toEqual(warning('--template "chore: {pkg}" has unknown placeholder {pkg}; use {packages}, {count}, {name} or {version}'));
    const long = "chore(release): {packages}, with every change the users asked for this spring";
    const summary = "chore(release): v0.0.4, with every change the users asked for this spring";
    const problem = `makes the release summary "${summary}", ${summary.length} characters; shorten it to fit 72`;
    expect(prepare("--template", long)).toEqual(warning(`--template ${problem}`));
    repo.write(".rationalerc.json", JSON.stringify({ release: { template: long } }));
    expect(prepare()).toEqual(warning(`${join(repo.dir, ".rationalerc.json")}: release.template ${problem}`));
  });

  it("reads a --config the hook names once a release is found, also with --template and for a -m summary, and warns when it cannot", () => {
    const repo = stagedRelease();
    const file = join(repo.dir, ".git", "COMMIT_EDITMSG");
    const editor = "\n# Please enter the commit message for your changes.\n";
    const prepare = (text: string, source: string, ...flags: string[]) => {
      writeFileSync(file, text);
      return { ...runCli(repo, ["release", "prepare-commit-msg", file, source, ...flags]), written: readFileSync(file, "utf8") };
    };
    const missing = { status: 0, stdout: "", stderr: `rationale: release message not pre-filled: config file not found: ${join(repo.dir, "nope.json")}\n` };
    // --template gives the summary, but the config named beside it is still read: a typo there is said, and nothing is written.
    expect(prepare(editor, "", "--template", "release {version}", "--config", "nope.json")).toEqual({ ...missing, written: editor });
    expect(prepare(editor, "", "--config", "nope.json")).toEqual({ ...missing, written: editor });
    // A -m release summary keeps its own summary, so the template goes unused; the config is read all the same.
    expect(prepare("0.0.4\n", "message", "--config", "nope.json")).toEqual({ ...missing, written: "0.0.4\n" });
    // A config that is there and valid: --template still wins over its template.
    repo.write("release.json", JSON.stringify({ release: { template: "chore(release): {name} {version}" } }));
    const good = prepare(editor, "", "--template", "release {version}", "--config", "release.json");
    expect(good.stderr).toBe("");
    expect(good.written.split("\n")[0]).toBe("release v0.0.4");
    expect(prepare("0.0.4\n", "message", "--config", "release.json").written.split("\n")[0]).toBe("0.0.4");
    // A commit that releases nothing reads no config at all, named or not.
    repo.git("commit", "-q", "--no-verify", "-m", "Release 0.0.4");
    expect(prepare(editor, "", "--template", "release {version}", "--config", "nope.json")).toEqual({ status: 0, stdout: "", stderr: "", written: editor });
  });

  it("reads no config it was not named for a -m release summary, whose template goes unused, and none for a -m commit that releases nothing", () => {
    const repo = stagedRelease();
    const file = join(repo.dir, ".git", "COMMIT_EDITMSG");
    const prepare = (text: string, source: string, ...flags: string[]) => {
      writeFileSync(file, text);
      return { ...runCli(repo, ["release", "prepare-commit-msg", file, source, ...flags]), written: readFileSync(file, "utf8") };
    };
    // A config found from the working directory with a broken template: the commit-msg hook,
    // which reads the same config, is the one to stop the commit on it.
    const config = join(repo.dir, ".rationalerc.json");
    repo.write(".rationalerc.json", JSON.stringify({ release: { template: "chore: {pkg}" } }));
    const given = prepare("0.0.4\n", "message");
    expect(given).toMatchObject({ status: 0, stdout: "", stderr: "" });
    expect(given.written).toBe(`0.0.4${EXPECTED.slice(EXPECTED.indexOf("\n"))}`);
    // Where that template would make the summary, it is still the warning, the file left alone.
    const editor = "\n# Please enter the commit message for your changes.\n";
    const opened = prepare(editor, "");
    expect(opened.stderr).toContain(`rationale: release message not pre-filled: invalid configuration in ${config}`);
    expect(opened.stderr).toContain("release.template \"chore: {pkg}\" has unknown placeholder {pkg}");
    expect(opened.written).toBe(editor);
    // A -m release summary with nothing bumped reads no config, not even one it is named.
    repo.git("commit", "-q", "--no-verify", "-m", "Release 0.0.4");
    expect(prepare("0.0.5\n", "message", "--config", "nope.json")).toEqual({ status: 0, stdout: "", stderr: "", written: "0.0.5\n" });
  });

  it("leaves a repository's first commit alone: adding a manifest is not a version bump", () => {
    repo = makeRepo();
    repo.write("package.json", JSON.stringify({ name: "fresh", version: "0.1.0" }) + "\n");
    repo.write("CHANGELOG.md", "## 0.1.0\n\n- First\n");
    repo.git("add", ".");
    const file = join(repo.dir, ".git", "COMMIT_EDITMSG");
    writeFileSync(file, "\n# Please enter the commit message for your changes.\n");
    expect(runCli(repo, ["release", "prepare-commit-msg", file]).status).toBe(0);
    expect(readFileSync(file, "utf8")).toBe("\n# Please enter the commit message for your changes.\n");
    // compose, asked explicitly, still describes it as a first release.
    expect(runCli(repo, ["release", "compose"]).stdout).toBe("chore(release): fresh v0.1.0\n\nfresh 0.1.0 (first release)\n\n- First\n");
  });

  it("keeps git's comments and a --verbose diff below the message, and falls back to the versions with a note when the changelog lacks the version", () => {
    const repo = stagedRelease();
    const file = join(repo.dir, ".git", "COMMIT_EDITMSG");
    const comments = "# Please enter the commit message for your changes.\n#\n# On branch main\n# ------------------------ >8 ------------------------\n# Do not modify or remove the line above.\ndiff --git a/x b/x\n";
    writeFileSync(file, `\n${comments}`);
    expect(runCli(repo, ["release", "prepare-commit-msg", file]).status).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(`${EXPECTED}\n${comments}`);

    repo.write("CHANGELOG.md", CHANGELOG_0_0_3);
    repo.git("add", "CHANGELOG.md");
    writeFileSync(file, `\n${comments}`);
    const result = runCli(repo, ["release", "prepare-commit-msg", file, "template"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("rationale: release body lists versions only: CHANGELOG.md has no section for version 0.0.4; it has 0.0.3\n");
    // The versions alone still say what is released, and pass the commit-msg hook.
    expect(readFileSync(file, "utf8")).toBe(`chore(release): hds_test0 v0.0.4\n\nhds_test0 0.0.3 -> 0.0.4\n\n${comments}`);
    expect(runCli(repo, ["lint", file]).status).toBe(0);

    // Entries waiting under Unreleased are this release's: no versions-only body that drops them.
    repo.write("CHANGELOG.md", CHANGELOG_0_0_3.replace("# Changelog\n", "# Changelog\n\n## [Unreleased]\n\n- Read the cache folder from the config\n"));
    repo.git("add", "CHANGELOG.md");
    for (const source of ["template", "message"]) {
      writeFileSync(file, source === "message" ? "0.0.4\n" : `\n${comments}`);
      const pending = runCli(repo, ["release", "prepare-commit-msg", file, source]);
      expect(pending.status).toBe(0);
      expect(pending.stderr).toBe(
        "rationale: release message not pre-filled: CHANGELOG.md has no section for version 0.0.4; it has 0.0.3; " +
          "the entries under Unreleased (line 3) are not released yet: move them under `## [0.0.4] - YYYY-MM-DD`\n",
      );
      expect(readFileSync(file, "utf8")).toBe(source === "message" ? "0.0.4\n" : `\n${comments}`);
    }
  });
});
