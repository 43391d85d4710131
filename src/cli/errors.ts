// Maps errors thrown while running a command to what the user sees on stderr and the exit code.
import { UsageError } from "../types.js";
import { echoValue } from "../echo-value.js";
import { longOptionsNamed } from "./commit-options.js";

/** Where error text goes; stderr in the CLI, a buffer in tests. */
export interface ErrorSink {
  write(text: string): unknown;
}

/**
 * Prints `error` and returns the exit code: 2 for usage, input and configuration errors with
 * their detail lines, 0 for commander's help/version exits, and 2 with a one-line
 * `internal error` for anything else (the stack only when RATIONALE_DEBUG=1).
 */
export function reportError(error: unknown, sink: ErrorSink = process.stderr, env: NodeJS.ProcessEnv = process.env): number {
  if (isCommanderError(error)) {
    // Commander has already printed its text (help, version, or the usage error).
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UsageError) {
    sink.write(`rationale: ${error.message}\n${detailsNotInMessage(error).map((line) => `  ${line}\n`).join("")}`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  sink.write(`rationale: internal error: ${message.split("\n")[0]}\n`);
  if (env.RATIONALE_DEBUG === "1" && error instanceof Error && error.stack) sink.write(`${error.stack}\n`);
  return 2;
}

/**
 * The detail lines `error.message` does not already hold: a config error lists its problems in
 * both (the message for people and String(error), details for programs), shown once.
 */
export function detailsNotInMessage(error: UsageError): string[] {
  const shown = new Set(error.message.split("\n").map((line) => line.trim()));
  return error.details.filter((line) => !shown.has(line.trim()));
}

/**
 * Whether `error` is commander's (CommanderError or a subclass: help, version, a usage error,
 * or `command.error()` with a code of our own), told by the fields its constructor sets rather
 * than by `instanceof`: importing commander's class would pull all of commander into the hook's
 * bundle, which loads this module on any failure.
 */
function isCommanderError(error: unknown): error is Error & { exitCode: number } {
  if (!(error instanceof Error) || !Object.hasOwn(error, "nestedError")) return false;
  const { code, exitCode } = error as { code?: unknown; exitCode?: unknown };
  return typeof code === "string" && typeof exitCode === "number";
}

/**
 * Commander's messages that quote what the user typed, each as commander words it, with the
 * user's word (a greedy group, so a word holding a quote is still whole) between fixed text.
 */
const COMMANDER_ECHOES: readonly RegExp[] = [
  /^(error: unknown (?:option|command) ')([\s\S]*)('(?:\s*\n\(Did you mean [^\n]*\?\))?\s*)$/,
  /^(error: option '[^']*' argument ')([\s\S]*)(' is invalid\.[\s\S]*)$/,
  /^(error: command-argument value ')([\s\S]*)(' is invalid for argument '[^']*'\.[\s\S]*)$/,
  /^(error: option '[^']*' value ')([\s\S]*)(' from env '[^']*' is invalid\.[\s\S]*)$/,
];

/**
 * `text` with the user's word in commander's own messages ("unknown option '…'", "argument '…'
 * is invalid") cut as echoValue cuts every echoed value, the rest of commander's wording kept:
 * a 10,000-character option would otherwise print a line as long.
 */
export function cutCommanderEcho(text: string): string {
  for (const pattern of COMMANDER_ECHOES) {
    const match = pattern.exec(text);
    if (match) return `${match[1]}${echoValue(match[2])}${match[3]}`;
  }
  return text;
}

/** git commit's options that give the message: git refuses them beside the -F release commit runs. */
const MESSAGE_OPTIONS = ["message", "file", "reuse-message", "reedit-message", "fixup"];
/** git commit's options that commit more than the index, which the composed message describes. */
const SELECTION_OPTIONS = ["all", "patch", "interactive", "include", "only", "pathspec-from-file"];

/**
 * Whether the long option `option` (`--mess=x`) is one of `names` as git reads it: by its name or
 * a prefix naming that option alone (`--mess` and `--me` are `--message`; `--am` is `--amend`),
 * or a prefix git refuses as ambiguous whose every reading is among `names` (`--fi`: `--file`
 * or `--fixup`). A prefix that may also name another option (`--re`) is git's to refuse.
 */
function isLongOption(option: string, names: readonly string[]): boolean {
  const named = longOptionsNamed(/^--([^=]*)/.exec(option)?.[1] ?? "");
  return named.length > 0 && named.every((name) => names.includes(name));
}

/**
 * Why `release commit` cannot hand git commit's option `option` on, or undefined when git may
 * have it: one that gives the message (git refuses `-m` beside `-F`), or that commits more than
 * the staged release (`-a` would commit files the message does not describe). In a cluster of
 * short flags (`-am`) git reads the letters up to the first that takes a value, as it does.
 */
export function releaseCommitRefusal(option: string): string | undefined {
  const letters = /^-[A-Za-z]/.test(option) ? (/^-([^mFCctSu]*[mFCctSu]?)/.exec(option)?.[1] ?? "") : "";
  if (isLongOption(option, MESSAGE_OPTIONS) || /[mFCct]/.test(letters)) {
    return "release commit gives git the composed message itself (git commit -F); edit it with -e or add lines with --trailer";
  }
  if (isLongOption(option, SELECTION_OPTIONS) || /[aiop]/.test(letters)) {
    return "release commit commits the staged release only, which the message describes; stage what it releases with git add";
  }
  return undefined;
}

/**
 * What to do about an option `release commit` does not take, `option` as commander quotes it:
 * most go to git after `--`, but not those releaseCommitRefusal refuses, nor compose's own.
 */
function releaseCommitHint(option: string): string {
  // Options of compose (--from, --to, --output) are not git's: pointing them after -- would mislead.
  if (/^--(?:from|to|output)(?:=|$)/.test(option)) {
    return `${option} belongs to release compose (commit describes the staged release: HEAD against the index)`;
  }
  return releaseCommitRefusal(option) ?? `pass other git commit options after --, e.g. rationale release commit -- ${option}`;
}

/** Joins commander's "error: X\n(Did you mean Y?)" into one line with a pointer to the help. */
export function oneLineError(text: string, path: string): string {
  let line = cutCommanderEcho(text.trim())
    .replace(/^error: /, "")
    .replace(/\s*\n\(Did you mean (.+)\?\)$/, "; did you mean $1?")
    .replace(/\s*\n\s*/g, " ");
  // `release commit` passes only some git commit options itself; the rest go after `--`.
  const option = /^unknown option '([^']+)'/.exec(line)?.[1];
  if (option && path === "rationale release commit") line += `; ${releaseCommitHint(option)}`;
  return `rationale: ${line}. See: ${path} --help`.replace(/([.?!])\. See:/, "$1 See:");
}
