// Registers `rationale audit`; the implementation (src/audit/run-cli.ts) loads only when the command runs.
import { Option, type Command } from "commander";
import type { AuditCommandOptions } from "../../audit/run-cli.js";
import { splitAtDashes } from "../after-dashes.js";
import { examplesHelp } from "../help.js";

const examples = examplesHelp(
  [
    ["rationale audit", "the whole history of HEAD, text report"],
    ["rationale audit v1.0..main --no-merges", "one release's commits"],
    ["rationale audit --since 2025-01-01 --path src/parser"],
    ["rationale audit v1.0..main -- src/ docs/", "commits touching either path, as git log takes them"],
    ["rationale audit --format html --output audit.html"],
    ['rationale audit --format markdown >> "$GITHUB_STEP_SUMMARY"'],
    // Each quoted word fits the 40 columns help may be laid out in: a shell word is never broken.
    ["rationale audit --format jsonl | jq 'select(.pass == false) | .sha'", "the failing commits' hashes"],
    ["rationale audit --fail-under 60", "exit 1 when the mean score is below 60"],
  ],
  "Exit status: 0 done (and the mean score is at least --fail-under), 1 below --fail-under, " +
    "2 usage, repository or configuration error, 130 interrupted (no output file is left behind), " +
    "141 standard output closed by its reader before the end (| head).",
);

/** Adds `audit [RANGE...]` to the program. */
export function register(program: Command): void {
  program
    .command("audit")
    .summary("score a repository's commit history and report where context is missing")
    .description(
      "Read the history with one streaming git log, judge every message with the same rules as the hook, " +
        "and report totals, score distribution, why/what/reference shares, rule counts, the worst commits, " +
        "repeated vague summaries and the trend over time. Memory stays flat however long the history.",
    )
    .usage("[options] [RANGE...] [-- PATH...]")
    .argument("[RANGE...]", "revisions or ranges as git log takes them (default: HEAD), e.g. v1.0..main; paths after -- as with --path")
    .option("--since <DATE>", 'only commits more recent than DATE, a date git reads with a meaning (2025-01-01, "2 weeks ago", "last monday"); a day without a time counts from its start')
    .option("--until <DATE>", "only commits older than DATE; a day without a time counts to its end")
    .option("-n, --max-count <N>", "at most N commits (the newest)")
    .option("--first-parent", "follow only the first parent of merges")
    .option("--no-merges", "leave out merge commits")
    .option("--path <PATH>", "only commits touching PATH (repeatable; paths after -- count as more --path)", (value: string, list: string[] = []) => [...list, value])
    .option("--follow", "with one path to a file (--path or after --): also its commits under earlier names (git log --follow)")
    .option("--config <FILE>", "use this config file instead of searching from the current directory upward")
    .addOption(new Option("--format <FORMAT>", "report format; one given wins over --output's extension, with a warning when they differ").choices(["text", "json", "jsonl", "markdown", "html"]).default("text", `"text", or the one --output's extension names: .html/.htm, .md/.markdown, .json, .jsonl/.ndjson (another extension: text, with a warning)`))
    .option("-o, --output <FILE>", "write the report to FILE (written in full, then moved into place); - is standard output")
    .option("--fail-under <SCORE>", "exit 1 when the mean score is below SCORE (0-100)")
    .option("--jobs <N>", "judging threads, 1 to 256 (default: the number of cores; more than twice that is cut to it, with a note)")
    .option("--top <N>", "how many worst commits to list (default: 10; 100 for html, 20 for json and jsonl)")
    .addOption(new Option("--trend <UNIT>", "group the trend by month, quarter or year; auto takes month for a history within 24 calendar months, quarter within 120, else year").choices(["auto", "month", "quarter", "year"]).default("auto"))
    .option("--no-progress", "no progress output on stderr")
    .addHelpText("after", examples)
    .action(async (operands: string[], options: AuditCommandOptions, command: Command) => {
      const { runAuditCommand } = await import("../../audit/run-cli.js");
      // `audit main -- src/` as git log takes it: what follows `--` are paths, as with --path.
      const { before: range, paths } = splitAtDashes(operands, command);
      // Without --format, runAuditCommand takes the format from --output's extension.
      const format = command.getOptionValueSource("format") === "default" ? undefined : options.format;
      process.exitCode = await runAuditCommand(range, { ...options, format, path: [...(options.path ?? []), ...paths] });
    });
}
