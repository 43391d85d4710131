// crlfNote() and the plan it reads: what init says of a hook with CRLF line ends, in the words of
// the shell that reads it, with a convert command that takes any path (the e2e tests run it).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { crlfNote } from "../../src/cli/hooks.js";
import { tempDir } from "./helpers.js";

describe("crlfNote()", () => {
  it("ends perl's options with -- before the hook's path, which may start with a dash", () => {
    const note = crlfNote({ layout: "git", existing: "different", shownAs: "-hooks/commit-msg" });
    expect(note).toContain("convert it to LF: perl -pi -e 's/\\r$//' -- -hooks/commit-msg as you change it");
    // Run as printed: without `--`, perl reads "-hooks/commit-msg" as its options and converts nothing.
    const dir = tempDir();
    mkdirSync(join(dir, "-hooks"));
    writeFileSync(join(dir, "-hooks/commit-msg"), "#!/bin/sh\r\n./run-my-checks\r\n");
    const convert = spawnSync("sh", ["-c", /convert it to LF: (perl .*?) as you change it/.exec(note)![1]], { cwd: dir, encoding: "utf8" });
    expect(convert.status, convert.stderr).toBe(0);
    expect(readFileSync(join(dir, "-hooks/commit-msg"), "utf8")).toBe("#!/bin/sh\n./run-my-checks\n");
  });
});
