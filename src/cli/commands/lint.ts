// Registers `rationale lint`; the implementation (run-lint.ts) loads only when the command runs.
import { Option, type Command } from "commander";
import { argumentsAfterDashes, splitAtDashes } from "../after-dashes.js";
import { UsageError } from "../../types.js";
import { echoValue } from "../../echo-value.js";
import { examplesHelp } from "../help.js";
import type { LintCommandOptions } from "../run-lint.js";

const examples = examplesHelp(
  [
    ["rationale lint --edit", "lint .git/COMMIT_EDITMSG, the message of the commit in progress"],
    ['rationale lint --edit "$1"', "in a commit-msg hook: lint the file git passes"],
    ["rationale lint --commit HEAD", "lint the last commit's message"],
    ["rationale lint --commits origin/main..HEAD", "lint each commit of a branch (a CI gate)"],
    ["rationale lint - < msg.txt", "read the message from stdin (comment lines dropped, as git's editor does)"],
    ["rationale lint msg.txt --format json", "machine-readable result"],
    ["rationale lint drafts/*.txt", "lint several message files, one report each"],
    ['rationale lint --edit "$1" --quiet', "in a hook: say nothing when the message passes"],
  ],
  "Exit status: 0 the message passes (or is skipped, e.g. fixup!), 1 it fails (with --commits or several FILEs: " +
    "any of them fails), 2 usage, input or configuration error (said on stderr), " +
    "141 standard output closed by its reader before the verdict (--commits | head).",
);

/** Adds `lint [FILE]` to the program. */
export function register(program: Command): void {
  program
    .command("lint")
    .summary("score a commit message and report its problems")
    .description(
      "Score a commit message 0-100 for its summary, why, what and context, and report each problem " +
        "at its line and column. Reads FILE (or several), the hook's message file (--edit), stdin, a " +
        "commit, or each commit of a range (--commits).",
    )
    .argument("[FILE...]", 'message file to lint ("-" reads stdin); several FILEs are linted in turn')
    .option("--edit [FILE]", "lint the message git is committing: FILE or, by default, .git/COMMIT_EDITMSG of this repository; on failure, says how to get the message back")
    .option("--stdin", "read the message from stdin")
    .option("--commit <REV>", "lint the message of commit REV (e.g. HEAD, a hash or a tag)")
    .option("--commits <RANGE>", "lint every commit of RANGE as git log lists it (e.g. origin/main..HEAD; paths after -- keep the commits touching them); fails when any commit fails")
    .option("--config <FILE>", "use this config file instead of searching from the current directory upward")
    .addOption(new Option("--format <FORMAT>", "output format").choices(["text", "json"]).default("text"))
    .option("--quiet", "print nothing for a message that passes, its warnings included; report only those that fail (text format)")
    .option("--comment-char <CHAR>", "comment character for cleaning FILE, --edit or --stdin (default: git's core.commentChar for FILE and --edit, else #; 'auto' supported)")
    .addHelpText("after", examples)
    .action(async (operands: string[], options: LintCommandOptions, command: Command) => {
      // With --commits, what follows `--` are git log's paths (`--commits main..HEAD -- src/`);
      // otherwise `--` only ends the options, before a FILE that starts with "-".
      const { before: files, paths } = options.commits !== undefined ? splitAtDashes(operands, command) : { before: operands, paths: [] };
      // JSON is read by programs, which want every result: leaving some out would only be a surprise.
      if (options.quiet && options.format === "json") throw new UsageError("--quiet applies to the text report; --format json lists every message. See: rationale lint --help");
      if (options.commit?.trim() === "") throw new UsageError("--commit expects a revision (a hash, HEAD, a tag), got ''. See: rationale lint --help");
      if (paths.includes("")) throw new UsageError("a path after -- is empty; for every path give . (git takes no empty path). See: rationale lint --help");
      // `--commit REV -- PATH` reads as git log's path syntax, which only --commits takes.
      const afterDashes = options.commits === undefined && options.commit !== undefined ? argumentsAfterDashes(command) : [];
      if (afterDashes.length > 0) {
        throw new UsageError(
          `paths after -- select the commits of --commits RANGE; --commit ${echoValue(options.commit!)} lints that one commit (got ${afterDashes.map((path) => `'${path}'`).join(", ")} after --). See: rationale lint --help`,
        );
      }
      if (files.length > 1) {
        const { runLintFiles } = await import("../run-lint-files.js");
        process.exitCode = await runLintFiles(files, options);
        return;
      }
      const file = files[0];
      if (options.commits !== undefined) {
        const { runLintRange } = await import("../run-lint-range.js");
        process.exitCode = await runLintRange(file, options.commits, options, paths);
        return;
      }
      const { runLint } = await import("../run-lint.js");
      process.exitCode = await runLint(file, options);
    });
}
