// Tells the commit-msg hook's own command line apart from every other, without commander: the
// executable (launch.ts) and the command line (bin.ts) both ask before loading anything else.
import type { LintCommandOptions } from "./run-lint.js";

/**
 * The options of `rationale lint --edit [FILE]` when `args` (argv after the script) is exactly
 * that, else undefined. It is the command line `rationale init` installs in the hook, and
 * commander parses it to the same options: an optional option-argument takes the next word
 * unless it starts with "-". Any other command line (`--help` included) needs commander.
 */
export function hookInvocation(args: readonly string[]): LintCommandOptions | undefined {
  if (args[0] !== "lint" || args[1] !== "--edit" || args.length > 3) return undefined;
  const file = args[2];
  if (file === undefined) return { edit: true, format: "text" };
  return file.startsWith("-") ? undefined : { edit: file, format: "text" };
}
