// Gives each test run one temporary directory for everything its tests create, and removes it at
// the end: tests make thousands of throwaway repositories, config files and outputs through
// os.tmpdir(), and without this every run left them behind in the system's temp directory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "rationale-tests-"));
  const previous = process.env.TMPDIR;
  // Test workers start after this and inherit it; os.tmpdir() reads TMPDIR on every call.
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (process.env.RATIONALE_KEEP_TEST_TMP !== "1") rmSync(root, { recursive: true, force: true });
  };
}
