// Registers `rationale init`, which installs the commit-msg hook (and, with --release, prepare-commit-msg).
import type { Command } from "commander";
import { relative } from "node:path";
import { examplesHelp } from "../help.js";

const examples = examplesHelp(
  [
    ["rationale init", "install the commit-msg hook"],
    ["rationale init --dry-run", "show the hook file and its content without writing it"],
    ["rationale init --force", "replace an existing commit-msg hook"],
    ["rationale init --release", "also install prepare-commit-msg for release commits"],
    ["rationale init --quiet", "a hook that prints nothing when the message passes"],
    ["rationale init --no-quiet", "a hook that reports every commit again"],
  ],
  "With husky (a .husky/ directory, or core.hooksPath set to .husky or .husky/_) the hook goes " +
    "to .husky/commit-msg; otherwise to the hooks directory git uses (core.hooksPath honoured).",
  "Exit status: 0 installed, already installed (by init, or a line in your own hook) or updated, 2 when a different hook is in the way " +
    "(with the lines to add to it by hand), core.hooksPath is set in your global or system git config (without --force), " +
    "or the directory is not in a git work tree.",
);

/** How `init` names a hook of the user's own that runs rationale (the line it asks to add by hand). */
const BY_HAND = "a line in your own hook";

interface InitOptions {
  force?: boolean;
  dryRun?: boolean;
  release?: boolean;
  quiet?: boolean;
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
    .option("--quiet", "the commit-msg hook prints nothing for a message that passes (lint --quiet); a rejection is reported in full; init without it keeps a quiet hook quiet")
    .option("--no-quiet", "the commit-msg hook reports every commit again (the default for a new hook)")
    .addHelpText("after", examples)
    .action(async (options: InitOptions) => {
      const { RELEASE_HOOK_COMMAND, backupPath, crlfNote, hookExistsError, installedFor, planCommitMsgHook, planHook, sharedHooksPathError, uncommittedHuskyHooks, writeHook } = await import("../hooks.js");
      const cwd = process.cwd();
      // Neither --quiet nor --no-quiet (undefined): the hook keeps the --quiet of the one it updates.
      const plans = [planCommitMsgHook(cwd, options.quiet)];
      if (options.release) plans.push(planHook("prepare-commit-msg", RELEASE_HOOK_COMMAND, { cwd }));
      // A dry run refuses what the real run would refuse (as for a hook in the way, below).
      if (plans[0].sharedHooksPath && !options.force) throw sharedHooksPathError(plans[0]);
      const blocked = plans.filter((plan) => plan.existing === "different");
      // Check every hook before writing any, so a refusal leaves the repository unchanged.
      if (blocked.length > 0 && !options.force) throw hookExistsError(blocked);
      for (const plan of plans) {
        if (options.dryRun) {
          if (plan.existing === "same") {
            process.stdout.write(`${plan.name} hook already installed: ${plan.shownAs} (nothing would change)\n`);
            continue;
          }
          if (plan.existing === "added" && !options.force) {
            process.stdout.write(`${plan.name} hook already runs rationale: ${plan.shownAs} (${BY_HAND}; nothing would change)\n`);
            if (plan.crlf) process.stderr.write(`rationale: warning: ${crlfNote(plan)}\n`);
            if (plan.verdictIgnored) process.stderr.write(`rationale: warning: ${plan.crlf ? "once converted to LF, " : ""}${plan.shownAs} ${plan.verdictIgnored}\n`);
            continue;
          }
          const content = plan.content.replace(/\n$/, "").replace(/^/gm, "  ");
          const verb = { none: "write", outdated: "update", added: "replace", different: "replace" }[plan.existing];
          const saved = plan.existing === "different" || plan.existing === "added" ? `; the current hook would be saved as ${relative(cwd, backupPath(plan)) || backupPath(plan)}` : plan.crlf ? `; ${crlfNote(plan)}` : "";
          process.stdout.write(`would ${verb} ${plan.shownAs} (${plan.layout === "husky" ? "husky" : "git hooks path"}${saved}):\n${content}\n`);
          continue;
        }
        const backup = writeHook(plan, { force: options.force });
        if (plan.existing === "added" && !options.force) {
          process.stdout.write(`${plan.name} hook already runs rationale: ${plan.shownAs} (${BY_HAND})\n`);
          // Not theirs to be rewritten by init: the hook as it is stops every commit.
          if (plan.crlf) process.stderr.write(`rationale: warning: ${crlfNote(plan)}\n`);
          if (plan.verdictIgnored) process.stderr.write(`rationale: warning: ${plan.crlf ? "once converted to LF, " : ""}${plan.shownAs} ${plan.verdictIgnored}\n`);
          continue;
        }
        const what = { none: "installed", same: "already installed", outdated: "updated", added: "replaced", different: "replaced" }[plan.existing];
        const saved = backup ? ` (the previous hook is saved as ${relative(cwd, backup) || backup})` : plan.crlf ? ` (${crlfNote(plan)})` : "";
        process.stdout.write(`${plan.name} hook ${what}: ${plan.shownAs}${saved}\n`);
      }
      // Other clones get a husky hook from the repository, so only once it is committed.
      const uncommitted = options.dryRun ? [] : uncommittedHuskyHooks(plans);
      if (uncommitted.length > 0) {
        process.stdout.write(`commit ${uncommitted.join(" and ")} so that your team's clones run ${uncommitted.length === 1 ? "it" : "them"} too\n`);
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
