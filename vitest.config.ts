// Test runner settings: the default report, then a plain closing count line for CI.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/support/count-reporter.ts"],
    // One temp directory per run, removed at the end (RATIONALE_KEEP_TEST_TMP=1 keeps it).
    globalSetup: ["./test/support/temp-root.ts"],
  },
});
