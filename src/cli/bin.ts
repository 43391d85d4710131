// The `rationale` command line (built as CommonJS into dist/hook.cjs, which the executable
// dist/cli.cjs, linked from dist/cli.js, runs with its compiled code cached: see launch.ts).
// The commit-msg hook's `lint --edit [FILE]` runs on every commit, so it is handled here without
// commander or Node's ES module loader (together about 35 ms); anything else loads the full CLI.
import { hookInvocation } from "./hook-args.js";
import { runLint } from "./run-lint.js";
import { handleStdoutErrors } from "./stdout-errors.js";

const hook = hookInvocation(process.argv.slice(2));
if (hook) {
  handleStdoutErrors();
  runLint(undefined, hook).then(
    (code) => {
      process.exitCode = code;
    },
    async (error: unknown) => {
      // Loaded only on failure: errors.ts needs commander.
      const { reportError } = await import("./errors.js");
      process.exitCode = reportError(error);
    },
  );
} else {
  // The build points this import at the ES module bundle of main.ts (dist/cli.mjs).
  void import("./main.js");
}
