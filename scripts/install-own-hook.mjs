// Points this repository's git at .husky/ so its own commit-msg hook lints every commit message.
// Run by `npm install`/`npm ci` (the prepare script). Does nothing in CI, outside a git work tree,
// or when this package sits inside another project's repository (installed as a dependency).
import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = realpathSync(join(dirname(fileURLToPath(import.meta.url)), ".."));

/** Runs git in the package root; undefined when git is missing or the command fails. */
function git(...args) {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return undefined;
  }
}

function install() {
  if (process.env.CI) return "CI is set; not installing the git hook";
  const top = git("rev-parse", "--show-toplevel");
  if (!top) return undefined; // not a git work tree (e.g. an unpacked tarball): nothing to do
  if (realpathSync(top) !== root) return undefined; // inside someone else's repository
  if (git("config", "--get", "core.hooksPath") === ".husky") return undefined;
  if (git("config", "core.hooksPath", ".husky") === undefined) return "could not set core.hooksPath; the commit-msg hook is not active";
  return "core.hooksPath set to .husky: commit messages are now checked by rationale";
}

const note = install();
// On stderr, as the build's lines: `npm pack --json` and `npm ci --json` keep stdout for JSON.
if (note) console.error(`install-own-hook: ${note}`);
