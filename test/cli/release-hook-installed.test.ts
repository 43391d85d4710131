// releaseHookInstalled(): whether the commit-msg hook's advice may say the release hook is there.
import { describe, expect, it } from "vitest";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { installHook, releaseHookInstalled } from "../../src/cli/hooks.js";
import { makeRepo } from "./helpers.js";

/** A repository whose prepare-commit-msg hook is `body` (a hook of the user's own). */
function repoWithHook(body: string): string {
  const repo = makeRepo();
  const hook = join(repo.dir, ".git", "hooks", "prepare-commit-msg");
  writeFileSync(hook, `#!/bin/sh\n${body}\n`);
  chmodSync(hook, 0o755);
  return repo.dir;
}

describe("releaseHookInstalled()", () => {
  it("is true for the hook init --release writes, and false with no hook", () => {
    const repo = makeRepo();
    expect(releaseHookInstalled(repo.dir)).toBe(false);
    installHook("prepare-commit-msg", 'release prepare-commit-msg "$1" "$2" "$3"', { cwd: repo.dir });
    expect(releaseHookInstalled(repo.dir)).toBe(true);
  });

  it("is true for a hook of the user's own that runs the command, through rationale or another name for it", () => {
    expect(releaseHookInstalled(repoWithHook('npm test\nnpx rationale release prepare-commit-msg "$1" "$2" "$3" || true'))).toBe(true);
    // A build of rationale run through a variable, as this repository runs its own.
    expect(releaseHookInstalled(repoWithHook('cli="$(git rev-parse --show-toplevel)/dist/cli.js"\nexec node "$cli" release prepare-commit-msg "$1" "$2" "$3"'))).toBe(true);
    expect(releaseHookInstalled(repoWithHook('if [ -n "$CI" ]; then exit 0; fi; sh -c \'rationale release prepare-commit-msg "$1"\' hook "$1"'))).toBe(true);
  });

  it("is false for a hook that only names the command: printed, in a comment or in a here-document", () => {
    expect(releaseHookInstalled(repoWithHook('echo "to pre-fill release messages, add: rationale release prepare-commit-msg \\"$1\\"" >&2'))).toBe(false);
    expect(releaseHookInstalled(repoWithHook('# TODO: run rationale release prepare-commit-msg "$1" "$2" "$3"\nnpm test'))).toBe(false);
    expect(releaseHookInstalled(repoWithHook("printf '%s\\n' 'release prepare-commit-msg is not set up' >&2"))).toBe(false);
    expect(releaseHookInstalled(repoWithHook('cat >&2 <<EOF\nrelease prepare-commit-msg is not installed here\nEOF'))).toBe(false);
    // Below an exit that ends the hook, or in a function it never calls, the command never runs.
    expect(releaseHookInstalled(repoWithHook('exit 0\nnpx rationale release prepare-commit-msg "$1" "$2" "$3"'))).toBe(false);
    expect(releaseHookInstalled(repoWithHook('fill() { rationale release prepare-commit-msg "$1" "$2" "$3"; }\n: fill'))).toBe(false);
    expect(releaseHookInstalled(repoWithHook('fill() { rationale release prepare-commit-msg "$1" "$2" "$3"; }\nfill "$@" || true'))).toBe(true);
    // The words as an argument of another command's option, not the subcommand of what it runs.
    expect(releaseHookInstalled(repoWithHook('notify --title "release prepare-commit-msg" "$1"'))).toBe(false);
  });
});
