// Entry point of the `rationale` command: builds the commander program and maps errors to exit codes.
// Only small command registrars are imported here; each command loads its implementation when run.
import { Command } from "commander";
import pkg from "../../package.json" with { type: "json" };
import { oneLineError, reportError } from "./errors.js";
import { configureHelpLayout, examplesHelp } from "./help.js";
import { handleStdoutErrors } from "./stdout-errors.js";
import { register as registerLint } from "./commands/lint.js";
import { register as registerInit } from "./commands/init.js";
import { register as registerAudit } from "./commands/audit.js";
import { register as registerRelease } from "./commands/release.js";
import { register as registerConfig } from "./commands/config.js";
import { echoValue } from "../echo-value.js";

const examples = examplesHelp(
  [
    ["rationale lint --commit HEAD", "score the last commit's message"],
    ["rationale init", "install the commit-msg hook"],
    ['rationale lint --edit "$1"', "what the hook runs on each commit"],
    ["rationale audit", "report how much context this repository's history carries"],
    ["rationale release commit -s", "commit a staged version bump with its changelog section"],
    ["rationale config", "which config file applies here, and each rule's setting"],
    ["rationale help lint", "options of one command"],
  ],
  "Set NO_COLOR=1 to turn colour off; RATIONALE_DEBUG=1 adds stack traces to internal errors.",
);

/** Builds the `rationale` program with every command registered. */
export function createProgram(): Command {
  const program = configureHelpLayout(new Command("rationale"))
    .version(pkg.version, "-V, --version", "print the version")
    .description("Commit-message linter and release tool: checks that a message says why and what, and points at each problem.")
    .helpOption("-h, --help", "show help")
    // Worded as the other command lines (commander's own: "display help for command"); the
    // commands added below, `release` with its subcommands among them, inherit it.
    .helpCommand("help [command]", "show help for a command")
    .showSuggestionAfterError()
    // `release compose --version V` must reach the subcommand, not the program's own --version:
    // with positional options the program reads its own options only before the subcommand name.
    .enablePositionalOptions()
    .exitOverride()
    .addHelpText("after", examples);
  registerLint(program);
  registerInit(program);
  registerAudit(program);
  registerRelease(program);
  registerConfig(program);
  configureErrors(program);
  return program;
}

/**
 * Makes commander's usage errors one line naming the command and where its help is, e.g.
 * `rationale: unknown option '--frob'; did you mean --from? See: rationale release compose --help`.
 * Applied to every command, since each must know its own name.
 */
function configureErrors(command: Command, path = command.name()): void {
  command.configureOutput({ outputError: (text, write) => write(`${oneLineError(text, path)}\n`) });
  refuseRepeatedOptions(command);
  refuseEmptyConfig(command);
  for (const sub of command.commands) configureErrors(sub, `${path} ${sub.name()}`);
}

/**
 * Commander keeps the last value of an option given twice (`--commit A --commit B` lints B),
 * which hides a mistake in a script. An option that takes one value is a usage error when
 * repeated; repeatable options (`--path`, `--trailer`, `--changelog`) collect with their own
 * parser and are left alone, as are flags, where repeating changes nothing.
 */
function refuseRepeatedOptions(command: Command): void {
  for (const option of command.options) {
    if (!(option.required || option.optional) || option.variadic || (option.parseArg !== undefined && option.argChoices === undefined)) continue;
    const seen: string[] = [];
    command.on(`option:${option.name()}`, (value: unknown) => {
      seen.push(typeof value === "string" ? value : "");
      if (seen.length === 2) {
        const values = seen[0] === seen[1] ? "" : ` ('${echoValue(seen[0])}' and '${echoValue(seen[1])}')`;
        command.error(`error: option '${option.flags}' given more than once${values}; give it once`, { code: "rationale.repeatedOption", exitCode: 2 });
      }
    });
  }
}

/**
 * `--config ""` (an unset variable in a script) is a usage error of the command it is given to,
 * with the pointer to its help like the rest, rather than the config loader's own words. Not for
 * `release prepare-commit-msg`, a hook that reports any failure as a warning and never fails.
 */
function refuseEmptyConfig(command: Command): void {
  if (command.name() === "prepare-commit-msg" || !command.options.some((option) => option.long === "--config")) return;
  command.hook("preAction", () => {
    const value: unknown = command.opts().config;
    if (typeof value === "string" && value.trim() === "") {
      command.error(`error: --config expects a file name, got '${echoValue(value)}'; leave it out to search from the current directory upward`, { code: "rationale.emptyConfig", exitCode: 2 });
    }
  });
}

/**
 * Commander's `help` command finds only top-level commands: `rationale help release compose`
 * would show the help of `release`. Asked for a nested command, it becomes
 * `rationale release compose --help`, which shows that command's own help.
 */
function helpForSubcommand(argv: string[], program: Command): string[] {
  const args = argv.slice(2);
  if (args[0] !== "help" || args.length < 2 || args.some((arg) => arg.startsWith("-"))) return argv;
  // `help nosuch` would print the whole help and never name the mistake; running `nosuch`
  // gets commander's "unknown command 'nosuch'" (with a suggestion when one is close).
  if (!program.commands.some((command) => command.name() === args[1] || command.aliases().includes(args[1]))) return [...argv.slice(0, 2), args[1]];
  if (args.length < 3) return argv;
  return [...argv.slice(0, 2), ...args.slice(1), "--help"];
}

/**
 * `--help` or `-h` anywhere on a command's line shows that command's help, as git and most CLIs
 * do. Commander reads the options in order and stops at the first mistake, so `lint --help
 * --commit` failed with "argument missing" instead. The words are walked as commander reads
 * them: a `--help` that is an option's value (`--commit --help`, since --commit takes the next
 * word whatever it is) or comes after `--` is left alone; a line whose command is unknown gets
 * commander's "unknown command".
 */
function helpAnywhere(argv: string[], program: Command): string[] {
  const args = argv.slice(2);
  let command = program;
  const path: string[] = [];
  let operands = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") break;
    if (arg === "--help" || arg === "-h") return [...argv.slice(0, 2), ...path, "--help"];
    if (arg.startsWith("-") && arg.length > 1) {
      const option = command.options.find((candidate) => candidate.long === arg || candidate.short === arg);
      // An optional value (`--edit [FILE]`) is the next word unless that starts with "-".
      if (option?.required || (option?.optional && args[i + 1] !== undefined && !args[i + 1].startsWith("-"))) i++;
      continue;
    }
    const sub = operands === 0 ? command.commands.find((candidate) => candidate.name() === arg || candidate.aliases().includes(arg)) : undefined;
    if (sub) {
      command = sub;
      path.push(arg);
    } else if (command === program) {
      // As for `help nosuch`: commander would show the program's help and never name the mistake.
      const rest = args.slice(i + 1);
      return rest.includes("--help") || rest.includes("-h") ? [...argv.slice(0, 2), arg] : argv;
    } else {
      operands++;
    }
  }
  return argv;
}

/** Runs the program on `argv` and returns the exit code. */
export async function main(argv: string[] = process.argv): Promise<number> {
  handleStdoutErrors();
  try {
    const program = createProgram();
    await program.parseAsync(helpAnywhere(helpForSubcommand(argv, program), program));
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    return reportError(error);
  }
}

process.exitCode = await main();
