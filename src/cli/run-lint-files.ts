// `rationale lint FILE FILE...`: lints several message files as `rationale lint FILE` lints one
// (a folder of drafts, templates or examples). Loaded only when more than one FILE is given.
import { parseWithTrustedOptions } from "../message/parse.js";
import { loadConfig } from "../config/load.js";
import { resolveFrom } from "./git.js";
import { UsageError } from "../types.js";
import { JSON_CLOSE, JSON_OPEN, JSON_SEPARATOR, formatJsonResult, formatText, shouldColor, verdictLine, type ReportEntry } from "./report.js";
import { checkCommentChar, fileCommentChar, givenSources, lintForReport, noteUnreadScriptConfigs, readInput, type Input, type LintCommandOptions } from "./run-lint.js";

/** Failing files named in the closing line. */
const LISTED_FAILURES = 10;

/**
 * Lints each of `files` in the order given and returns 1 when any fails, 0 when all pass. Every
 * file is read before the first is reported, so an unreadable one stops the run with one usage
 * error (exit 2) and no partial report. Text ends with a line counting the files; JSON is one
 * `{ "results": [...] }` document, as for `--commits`.
 */
export async function runLintFiles(files: readonly string[], options: LintCommandOptions): Promise<number> {
  const others = givenSources(undefined, options);
  if (others.length > 0) {
    throw new UsageError(`give only one message source; got ${files.length} FILEs (${files.map((file) => `'${file}'`).join(", ")}) and ${others.join(" and ")}. See: rationale lint --help`);
  }
  if (files.includes("-")) throw new UsageError("'-' (stdin) holds one message: give it alone, not among other FILEs. See: rationale lint --help");
  if (files.includes("")) throw new UsageError("FILE expects a file name, got ''. See: rationale lint --help");
  checkCommentChar(options);

  const cwd = process.cwd();
  // The order of errors docs/cli.md gives: the config, then the messages it judges.
  const config = await loadConfig({ cwd, file: options.config });
  const inputs: Input[] = [];
  for (const file of files) inputs.push(await readInput({ type: "file", path: resolveFrom(cwd, file), shownAs: file, hook: false }, cwd));
  noteUnreadScriptConfigs(config, cwd, options.config);
  const commentChar = fileCommentChar(options, cwd);
  const color = shouldColor(process.stdout);

  let failures = 0;
  let skipped = 0;
  const failed: string[] = [];
  // Reports written so far: with --quiet, those of passing files are left out.
  let written = 0;
  for (const [index, input] of inputs.entries()) {
    const parsed = parseWithTrustedOptions(input.text, { commentChar, cleanup: input.cleanup });
    const { result, empty } = await lintForReport(parsed, config);
    if (result.skipped) skipped++;
    if (!result.pass && ++failures <= LISTED_FAILURES) failed.push(input.label);
    const entry: ReportEntry = { source: input.source, result, raw: input.text, empty, threshold: config.threshold };
    if (options.format === "json") process.stdout.write((index > 0 ? JSON_SEPARATOR : JSON_OPEN) + formatJsonResult(entry));
    else if (!(options.quiet && result.pass)) process.stdout.write((written++ > 0 ? "\n" : "") + formatText([{ ...entry, source: input.label }], color));
  }
  if (options.format === "json") process.stdout.write(JSON_CLOSE);
  else if (!(options.quiet && failures === 0)) process.stdout.write(`\n${verdictLine("file", inputs.length, failures, skipped, failed)}\n`);
  return failures > 0 ? 1 : 0;
}
