// Splits a command's operands at a literal `--`, which commander drops: what follows are git log's paths.
import type { Command } from "commander";

/**
 * The arguments given after a literal `--` on `command`'s line. Commander drops the `--` and
 * appends what follows to the command's operands, so `rationale audit main -- f.txt` reaches the
 * action as RANGE `main f.txt`; a git user means git log's `main -- f.txt`, f.txt a path. These
 * are the last operands, as many as this returns. A `--` that is an option's value
 * (`--path --`) is not the separator.
 */
export function argumentsAfterDashes(command: Command): string[] {
  const argv = command.parent?.args ?? [];
  for (let i = argv.indexOf(command.name()) + 1; i > 0 && i < argv.length; i++) {
    if (argv[i] === "--") return argv.slice(i + 1);
    if (command.options.some((option) => option.required && (option.long === argv[i] || option.short === argv[i]))) i++;
  }
  return [];
}

/** `operands` split into those before a literal `--` and the paths after it. */
export function splitAtDashes(operands: readonly string[], command: Command): { before: string[]; paths: string[] } {
  const paths = argumentsAfterDashes(command);
  return { before: operands.slice(0, operands.length - paths.length), paths };
}
