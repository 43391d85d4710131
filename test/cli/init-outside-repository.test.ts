// planHook() outside a repository: the error init shares with audit and release.
import { describe, expect, it } from "vitest";
import { planHook } from "../../src/cli/hooks.js";
import { NotARepositoryError } from "../../src/not-a-repository.js";
import { tempDir } from "./helpers.js";

describe("planHook() outside a repository", () => {
  it("throws the NotARepositoryError audit and release throw, for init", () => {
    const dir = tempDir();
    const before = process.env.GIT_CEILING_DIRECTORIES;
    // The temp directory must not be found inside some repository above it.
    process.env.GIT_CEILING_DIRECTORIES = dir;
    try {
      let thrown: unknown;
      try {
        planHook("commit-msg", 'lint --edit "$1"', { cwd: dir });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(NotARepositoryError);
      expect(thrown).toMatchObject({ cwd: dir, message: new NotARepositoryError(dir).runIn("init").message });
    } finally {
      if (before === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = before;
    }
  });
});
