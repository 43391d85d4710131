// Tells the commit-msg hook's own command line apart from every other, without commander: the
// executable (launch.ts) and the command line (bin.ts) both ask before loading anything else.
import type { LintCommandOptions } from "./run-lint.js";

/**
 * The options of `rationale lint --edit [FILE] [--quiet]` when `args` (argv after the script) is
 * exactly that, else undefined. It is the command line `rationale init` installs in the hook
 * (with `--quiet` as users add it), and commander parses it to the same options: an optional
 * option-argument takes the next word unless it starts with "-". Any other command line
 * (`--help` included) needs commander.
 */
export function hookInvocation(args: readonly string[]): LintCommandOptions | undefined {
  if (args[0] !== "lint" || args[1] !== "--edit") return undefined;
  const rest = args.slice(2);
  const quiet = rest.at(-1) === "--quiet";
  if (quiet) rest.pop();
  if (rest.length > 1) return undefined;
  const file = rest[0];
  const options: LintCommandOptions = file === undefined ? { edit: true, format: "text" } : { edit: file, format: "text" };
  if (quiet) options.quiet = true;
  return file?.startsWith("-") ? undefined : options;
}
