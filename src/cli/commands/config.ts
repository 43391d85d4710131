// Registers `rationale config`, which prints the configuration in effect; run-config.ts loads when it runs.
import { Option, type Command } from "commander";
import { examplesHelp } from "../help.js";

const examples = examplesHelp(
  [
    ["rationale config", "the config file found from here, and every rule's setting"],
    ["rationale config --config ci.yaml", "what that file resolves to"],
    ["rationale config --format json", "the resolved configuration as JSON"],
  ],
  "Exit status: 0, or 2 when the configuration is invalid (each problem listed on stderr) or --config names no file.",
);

/** Adds `config` to the program. */
export function register(program: Command): void {
  program
    .command("config")
    .summary("show the configuration in effect: its file, threshold and every rule's setting")
    .description(
      "Show which config file applies here (found from the current directory upward, as lint and audit " +
        "find it; the hook finds it from the top of the work tree, where git runs it), and what it resolves to after presets and defaults: the pass mark, the " +
        "ticket keys, and each rule's severity and options, marking what differs from the defaults.",
    )
    .option("--config <FILE>", "resolve this config file instead of searching from the current directory upward")
    .addOption(new Option("--format <FORMAT>", "output format").choices(["text", "json"]).default("text"))
    .addHelpText("after", examples)
    .action(async (options: { config?: string; format: "text" | "json" }) => {
      const { runConfig } = await import("../run-config.js");
      await runConfig(options);
    });
}
