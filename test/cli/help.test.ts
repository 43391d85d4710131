// Every command's --help fits the terminal's width, from 80 columns down to 40, with no word cut or lost.
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { breakCommand, helpWidth, wrapWords } from "../../src/cli/help.js";
import { assertBuilt, root, runCli, tempDir } from "./helpers.js";

vi.setConfig({ testTimeout: 60_000 });

describe("helpWidth", () => {
  it("takes the terminal's width, else $COLUMNS, else 80, and keeps within 40 and 100", () => {
    expect(helpWidth({ isTTY: true, columns: 72 }, { COLUMNS: "120" })).toBe(72);
    expect(helpWidth({ isTTY: false }, { COLUMNS: "60" })).toBe(60);
    expect(helpWidth({}, {})).toBe(80);
    expect(helpWidth({}, { COLUMNS: "" })).toBe(80);
    expect(helpWidth({}, { COLUMNS: "wide" })).toBe(80);
    expect(helpWidth({}, { COLUMNS: "20" })).toBe(40);
    expect(helpWidth({ isTTY: true, columns: 250 }, {})).toBe(100);
  });
});

describe("wrapWords and breakCommand", () => {
  it("wraps at spaces, keeping a word longer than the line whole on its own line", () => {
    expect(wrapWords("see node_modules/rationale-cli/docs/release.md for more", 20)).toEqual(["see", "node_modules/rationale-cli/docs/release.md", "for more"]);
    expect(wrapWords("one two\nthree", 40)).toEqual(["one two", "three"]);
  });

  it("breaks a command before an option, keeping the option with its value and quoted text whole", () => {
    const command = 'rationale release compose --trailer "Refs: REL-12" --output "$(git rev-parse --git-path RELEASE_MSG)"';
    const lines = breakCommand(command, 76);
    expect(lines).toEqual(['rationale release compose --trailer "Refs: REL-12"', '--output "$(git rev-parse --git-path RELEASE_MSG)"']);
    // Read by a shell, the lines joined by " \" and a newline are the command again.
    expect(lines.join(" ")).toBe(command);
    expect(breakCommand("rationale lint - < msg.txt", 76)).toEqual(["rationale lint - < msg.txt"]);
    expect(breakCommand("rationale audit --format markdown >> \"$GITHUB_STEP_SUMMARY\"", 36)).toEqual(["rationale audit --format markdown", '>> "$GITHUB_STEP_SUMMARY"']);
  });

  it("keeps a pipe or && with the command it follows and the next command with its arguments", () => {
    // The shell reads on after an operator, so that line needs no room for a ` \`.
    expect(breakCommand("rationale audit --format jsonl | jq '.sha'", 34)).toEqual(["rationale audit --format jsonl |", "jq '.sha'"]);
    // At 40 columns (36 after "  $ "), the filter once went below a `| jq` line of its own.
    expect(breakCommand("rationale audit --format jsonl | jq 'select(.pass == false) | .sha'", 36)).toEqual([
      "rationale audit --format jsonl |",
      "jq 'select(.pass == false) | .sha'",
    ]);
    expect(breakCommand("git add package.json CHANGELOG.md && rationale release commit -s", 36)).toEqual(["git add package.json CHANGELOG.md &&", "rationale release commit -s"]);
  });
});

describe("rationale --help in a narrow terminal", () => {
  let dir: string;
  const help = (args: string[], columns: string) => {
    const run = runCli([...args, "--help"], { cwd: dir, env: { COLUMNS: columns } });
    expect(run.status, args.join(" ")).toBe(0);
    return run.stdout;
  };
  /** The words of a help text, without the ` \` that continues a command on the next line. */
  const words = (text: string) => text.split(/\s+/).filter((word) => word !== "" && word !== "\\");
  // Words a line cannot be broken inside, allowed past the width when they are alone on it: the
  // path of the release docs (absolute, since the help is run elsewhere). Quoted shell words in
  // examples are never broken either, so each must fit 40 columns on its own line.
  const UNBREAKABLE = [`${join(root, "docs", "release.md")}.`];

  /** Each command's path ([], ["lint"], ["release", "compose"]...), from the "Commands:" list of each help. */
  function commands(path: string[] = []): string[][] {
    const text = help(path, "100");
    const list = text.split("Commands:\n")[1]?.split("\n\n")[0] ?? "";
    const names = list
      .split("\n")
      .filter((line) => /^ {2}\S/.test(line))
      .map((line) => line.trim().split(" ")[0])
      .filter((name) => name !== "help");
    return [path, ...names.flatMap((name) => commands([...path, name]))];
  }

  beforeAll(() => {
    assertBuilt();
    dir = tempDir();
  });

  it("fits every command's help in 80, 60 and 40 columns, and in 80 when $COLUMNS is unset", () => {
    const all = commands();
    expect(all.map((path) => path.join(" "))).toEqual(expect.arrayContaining(["", "lint", "init", "audit", "config", "release", "release compose", "release commit", "release prepare-commit-msg"]));
    for (const path of all) {
      const wide = words(help(path, "100"));
      for (const [columns, width] of [["80", 80], ["60", 60], ["40", 40], ["", 80]] as const) {
        const text = help(path, columns);
        const where = `rationale ${path.join(" ")} --help at ${columns || "no"} COLUMNS`;
        const over = text.split("\n").filter((line) => line.length > width && !UNBREAKABLE.includes(line.trim().replace(/ \\$/, "")));
        expect(over, where).toEqual([]);
        // Laid out again, never cut: the same words as at 100 columns, in the same order.
        expect(words(text), where).toEqual(wide);
      }
    }
  });

  /**
   * The items of the Arguments:, Options: and Commands: lists of a help laid out at 100 columns,
   * each as one line: its term and its description, continuation lines joined.
   */
  function listItems(text: string): string[] {
    const items: string[] = [];
    for (const section of text.split("\n\n")) {
      if (!/^(?:Arguments|Options|Commands):\n/.test(section)) continue;
      for (const line of section.split("\n").slice(1)) {
        if (/^ {2}\S/.test(line)) items.push(line.trim());
        else items[items.length - 1] += ` ${line.trim()}`;
      }
    }
    return items.map((item) => item.replace(/\s+/g, " "));
  }

  /** The deepest nesting of parentheses in `text`, outside quotes ('chore(release): …' is a value). */
  function parenthesisDepth(text: string): number {
    let depth = 0;
    let deepest = 0;
    for (const part of text.split(/"[^"]*"|'[^']*'/)) {
      for (const c of part) {
        if (c === "(") deepest = Math.max(deepest, ++depth);
        else if (c === ")") depth--;
      }
    }
    return deepest;
  }

  it("words every command's options, arguments and commands alike", () => {
    const all = commands();
    let checked = 0;
    for (const path of all) {
      const text = help(path, "100");
      const where = `rationale ${path.join(" ")} --help`;
      // The help command reads as the other commands do, not in commander's own words.
      expect(text, where).not.toContain("display help for command");
      if (/^Commands:$/m.test(text)) expect(text, where).toMatch(/^ {2}help \[command\] +show help for a command$/m);
      for (const item of listItems(text)) {
        checked++;
        // "(default: 10; …)" as commander writes its own defaults, never "(default 10; …)".
        expect(item, where).not.toMatch(/\(default (?!:)/);
        // One level of parentheses: commander adds "(choices: …, default: …)" after the description.
        expect(parenthesisDepth(item), `${where}: ${item}`).toBeLessThanOrEqual(1);
        // Nor a description ending in parentheses of its own before commander's: "by (auto: …) (choices: …)".
        expect(item, where).not.toMatch(/\) \(/);
      }
    }
    // The lists were found and read: every command has options, and more than a few.
    expect(checked).toBeGreaterThan(50);
    expect(listItems(help(["audit"], "100"))).toContain(
      '--top <N> how many worst commits to list (default: 10; 100 for html, 20 for json and jsonl)',
    );
    expect(listItems(help(["audit"], "100"))).toContain(
      '--trend <UNIT> group the trend by month, quarter or year; auto takes month for a history within 24 calendar months, quarter within 120, else year (choices: "auto", "month", "quarter", "year", default: "auto")',
    );
  });

  it("gives the Commands: list a column of its own, as wide as one of its terms, and Arguments: with Options: another", () => {
    let lists = 0;
    for (const path of commands()) {
      for (const columns of ["100", "80"]) {
        const sections = help(path, columns).split("\n\n");
        // Arguments and options describe one command and line up; subcommands are another list.
        const own = sections.filter((section) => /^(?:Arguments|Options):\n/.test(section)).join("\n");
        for (const section of [own, ...sections.filter((section) => section.startsWith("Commands:\n"))]) {
          if (section === "") continue;
          const items = section.split("\n").filter((line) => /^ {2}\S/.test(line));
          // Terms with their description beside them: the column is one of theirs, padded by two
          // spaces, not a longer term of another list (release's `-h, --help` was padded to 35).
          const beside = items.map((line) => /^ {2}(\S(?:.*?\S)?)( {2,})\S/.exec(line)).filter((match) => match !== null);
          if (beside.length === 0) continue;
          lists++;
          const where = `rationale ${path.join(" ")} --help at ${columns}: ${section.split("\n")[0]}`;
          expect(beside.some((match) => match[2] === "  "), where).toBe(true);
        }
      }
    }
    expect(lists).toBeGreaterThan(10);
    expect(help(["release"], "80")).toContain("\nOptions:\n  -h, --help  show help\n");
    expect(help([], "80")).toContain("\nOptions:\n  -V, --version  print the version\n  -h, --help     show help\n");
  });

  it("shows an example of every command in the top-level help, so a new user finds audit and release", () => {
    const examples = help([], "100").split("Examples:\n")[1].split("\n\n")[0];
    for (const command of ["lint", "init", "audit", "release", "config"]) expect(examples, command).toMatch(new RegExp(`\\$ rationale ${command}\\b`));
  });

  it("gives each of release compose's and commit's examples a note, as the other commands' have", () => {
    for (const path of [["release"], ["release", "compose"], ["release", "commit"]]) {
      const examples = help(path, "100").split("Examples:\n")[1].split("\n\n")[0];
      // A command line (continued with ` \\` or not) then its note, beside it or below it.
      const commands = examples.split(/\n(?= {2}\$ )/);
      for (const example of commands) {
        const lines = example.split("\n");
        const note = lines.length > 1 && !lines[lines.length - 2].endsWith(" \\") ? lines[lines.length - 1] : / {2}\S.*$/.exec(lines[0].slice(4))?.[0];
        expect(note?.trim(), `${path.join(" ")}: ${example}`).toMatch(/^[A-Za-z]/);
      }
    }
  });

  it("ends each command's help with its exit status, as docs/cli.md gives it", () => {
    for (const path of commands().filter((path) => path.length > 0)) expect(help(path, "100"), path.join(" ")).toMatch(/\nExit status: 0\b/);
    expect(help(["release", "prepare-commit-msg"], "100").replace(/\s+/g, " ")).toMatch(
      /Exit status: 0, also when a release message cannot be pre-filled \(a warning on stderr says why\) and for a commit that is no release \(FILE left alone\), 2 usage error \(no FILE, an unknown option\)\.\s*$/,
    );
    expect(help(["init"], "100").replace(/\s+/g, " ")).toContain(
      "Exit status: 0 installed, already installed (by init, or a line in your own hook) or updated, 2 when a different hook is in the way (with the lines to add to it by hand), core.hooksPath is set in your global or system git config (without --force), or the directory is not in a git work tree.",
    );
    // release reads a config (release.template) before the release: a bad one exits 2 as well.
    expect(help(["release"], "100").replace(/\s+/g, " ")).toContain(
      "Exit status: 0 done, 2 usage, repository or configuration error (not a repository, a missing or invalid config, nothing bumped, changelog missing); release commit exits with git commit's status when git fails (128 + the signal's number when a signal ends it).",
    );
    // `release compose --help` and `release commit --help` are read on their own: each says its own.
    expect(help(["release", "compose"], "100").replace(/\s+/g, " ")).toMatch(
      /Exit status: 0 done, 2 usage, repository or configuration error \(not a repository, a missing or invalid config, nothing bumped, changelog missing\)\.\s*$/,
    );
    expect(help(["release", "commit"], "100").replace(/\s+/g, " ")).toMatch(
      /Exit status: 0 committed, 2 usage, repository or configuration error \(not a repository, a missing or invalid config, nothing bumped, changelog missing\); git commit's status when git fails \(128 \+ the signal's number when a signal ends it\)\.\s*$/,
    );
  });

  it("prints the full help on stderr and exits 2 when no command is given, as docs/cli.md says", () => {
    const bare = runCli([], { cwd: dir, env: { COLUMNS: "100" } });
    expect(bare.status).toBe(2);
    expect(bare.stdout).toBe("");
    expect(bare.stderr).toBe(help([], "100"));
  });

  it("keeps each command's examples runnable: a long one continues with ` \\` where a shell reads it whole", () => {
    const text = help(["release", "compose"], "60");
    expect(text).toContain('  $ rationale release compose --trailer "Refs: REL-12" \\\n      --output "$(git rev-parse --git-path MSG)"\n');
  });

  it("continues an example after a pipe without ` \\`, the command after it whole on the next line", () => {
    expect(help(["audit"], "40")).toContain("  $ rationale audit --format jsonl |\n      jq 'select(.pass == false) | .sha'\n      the failing commits' hashes\n");
    expect(help(["release", "commit"], "40")).toContain("  $ git add package.json CHANGELOG.md &&\n      rationale release commit -s\n");
  });

  it("puts a description below its option when the option leaves it too little room", () => {
    const text = help(["audit"], "40");
    expect(text).toContain("  --fail-under <SCORE>\n      exit 1 when the mean score is\n      below SCORE (0-100)\n");
  });
});
