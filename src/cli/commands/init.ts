// Registers `rationale init`, which installs the commit-msg hook (and, with --release, prepare-commit-msg).
import type { Command } from "commander";
import { execFileSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join, relative } from "node:path";

const examples = `
Examples:
  $ rationale init                 install the commit-msg hook
  $ rationale init --dry-run       show the hook file and its content without writing it
  $ rationale init --force         replace an existing commit-msg hook
  $ rationale init --release       also install prepare-commit-msg for release commits

With husky (a .husky/ directory, or core.hooksPath set to .husky or .husky/_) the hook goes
to .husky/commit-msg; otherwise to the hooks directory git uses (core.hooksPath honoured).`;

interface InitOptions {
  force?: boolean;
  dryRun?: boolean;
  release?: boolean;
}

/** Adds `init` to the program. */
export function register(program: Command): void {
  program
    .command("init")
    .summary("install the commit-msg hook in this repository")
    .description("Install a commit-msg hook that runs `rationale lint --edit` on every commit. An existing hook is never replaced without --force.")
    .option("--force", "replace existing hook files")
    .option("--dry-run", "print the files that would be written, write nothing")
    .option("--release", 'also install a prepare-commit-msg hook running `rationale release prepare-commit-msg "$1" "$2" "$3"`')
    .addHelpText("after", examples)
    .action(async (options: InitOptions) => {
      const { hookExistsError, planHook, sharedHooksPathError, writeHook } = await import("../hooks.js");
      const cwd = process.cwd();
      const plans = [planHook("commit-msg", 'lint --edit "$1"', { cwd })];
      if (options.release) plans.push(planHook("prepare-commit-msg", 'release prepare-commit-msg "$1" "$2" "$3"', { cwd }));
      if (plans[0].sharedHooksPath && !options.force && !options.dryRun) throw sharedHooksPathError(plans[0]);
      const blocked = plans.filter((plan) => plan.existing === "different");
      // Check every hook before writing any, so a refusal leaves the repository unchanged.
      if (blocked.length > 0 && !options.force) throw hookExistsError(blocked);
      for (const plan of plans) {
        if (options.dryRun) {
          const content = plan.content.replace(/\n$/, "").replace(/^/gm, "  ");
          process.stdout.write(`would write ${plan.shownAs} (${plan.layout === "husky" ? "husky" : "git hooks path"}):\n${content}\n`);
          continue;
        }
        const backup = writeHook(plan, { force: options.force });
        const what = { none: "installed", same: "already installed", outdated: "updated", different: "replaced" }[plan.existing];
        const saved = backup ? ` (the previous hook is saved as ${relative(cwd, backup) || backup})` : "";
        process.stdout.write(`${plan.name} hook ${what}: ${plan.shownAs}${saved}\n`);
      }
      const warning = plans.find((plan) => plan.warning)?.warning;
      if (warning) process.stderr.write(`rationale: warning: ${warning}\n`);
      if (!options.dryRun && !installedFor(plans[0].top)) {
        process.stderr.write(
          "rationale: warning: rationale is not installed in this repository (no node_modules/.bin/rationale) nor on PATH, " +
            "so the hook will stop every commit until it is: npm install --save-dev rationale-cli\n",
        );
      }
    });
}

/**
 * Whether the installed hook will find rationale: in the repository's node_modules/.bin or on
 * PATH. npx's own cache (where `npx rationale init` runs from) does not count: it is gone when
 * the hook runs.
 */
function installedFor(top: string): boolean {
  if (isExecutable(join(top, "node_modules", ".bin", "rationale"))) return true;
  // In a linked worktree the hook also looks in the main checkout.
  const common = gitOutput(["rev-parse", "--path-format=absolute", "--git-common-dir"], top);
  if (common && isExecutable(join(common, "..", "node_modules", ".bin", "rationale"))) return true;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    // npm and npx put the node_modules/.bin of the package they run from on PATH (a subfolder's
    // package.json, their cache): the hook, run by git at the top of the work tree, has neither.
    if (dir === "" || /[\\/]_npx[\\/]/.test(dir) || /[\\/]node_modules[\\/]\.bin[\\/]?$/.test(dir)) continue;
    if (isExecutable(join(dir, "rationale"))) return true;
  }
  return false;
}

function gitOutput(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
