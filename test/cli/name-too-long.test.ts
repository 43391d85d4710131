// A path longer than the file system takes is one usage error, worded alike wherever it is given.
import { beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { nameTooLongError, NAME_TOO_LONG } from "../../src/file-name-errors.js";
import { UsageError } from "../../src/types.js";
import { assertBuilt, git, runCli, tempDir } from "./helpers.js";

describe("a name too long for the file system", () => {
  beforeAll(assertBuilt);

  it("reads 'cannot read|write NAME: its name is too long for the file system', the name cut", () => {
    const error = nameTooLongError("write", `--output ${"x".repeat(100)}`);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(`cannot write --output ${"x".repeat(50)}…: ${NAME_TOO_LONG}`);
    expect(nameTooLongError("read", "notes.txt").message).toBe("cannot read notes.txt: its name is too long for the file system");
  });

  it("is the error of every command that takes a path: message file, --config, --changelog, --output of release and audit", () => {
    const dir = tempDir();
    git(dir, ["init", "-q", "-b", "main"]);
    writeFileSync(join(dir, "package.json"), '{"name":"a","version":"1.0.0"}\n');
    git(dir, ["add", "."]);
    git(dir, ["-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-q", "-m", "Initial import"]);
    writeFileSync(join(dir, "package.json"), '{"name":"a","version":"1.1.0"}\n');
    writeFileSync(join(dir, "CHANGELOG.md"), "## 1.1.0\n\n- Add the focus ring\n");
    git(dir, ["add", "."]);
    const long = "x".repeat(5000);
    const cases: [args: string[], name: string, access: string][] = [
      [["lint", long], long, "read"],
      [["lint", "--edit", long], long, "read"],
      [["lint", "--config", long, "--stdin"], `config file ${long}`, "read"],
      [["config", "--config", long], `config file ${long}`, "read"],
      [["release", "compose", "--config", long], `config file ${long}`, "read"],
      [["release", "compose", "--changelog", long], `changelog ${long}`, "read"],
      [["release", "commit", "--changelog", long], `changelog ${long}`, "read"],
      [["release", "compose", "--output", long], `--output ${long}`, "write"],
      [["audit", "--no-progress", "--output", long], `--output ${long}`, "write"],
    ];
    for (const [args, name, access] of cases) {
      const run = runCli(args, { cwd: dir, input: "Fix the pager\n" });
      const where = args.slice(0, -1).join(" ");
      expect(run.status, where).toBe(2);
      expect(run.stderr, where).toBe(`rationale: cannot ${access} ${name.slice(0, 59)}…: its name is too long for the file system\n`);
    }
    // Nothing was committed or written by the release commands refused.
    expect(git(dir, ["rev-list", "--count", "HEAD"]).stdout).toBe("1\n");
  });
});
