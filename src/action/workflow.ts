// The runner's side of a JavaScript action: inputs from INPUT_* variables, outputs and the job
// summary through the files the runner names, annotations and notices as workflow commands.
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";

/** Where workflow commands and files go; the real runner uses process.stdout and process.env. */
export interface WorkflowIO {
  env: NodeJS.ProcessEnv;
  write(text: string): void;
}

/** The process's own runner interface. */
export const processIO: WorkflowIO = {
  env: process.env,
  write: (text) => void process.stdout.write(text),
};

/**
 * Reads input `name` as the runner passes it: `INPUT_` + the name with spaces turned into
 * underscores, upper-cased (hyphens are kept: `fail-under` is `INPUT_FAIL-UNDER`), trimmed.
 * Returns "" when unset.
 */
export function getInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

/** Escapes the message part of a workflow command (`%`, CR, LF). */
export function escapeCommandData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow command property value (data escapes plus `:` and `,`). */
export function escapeCommandProperty(value: string): string {
  return escapeCommandData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** Formats a workflow command line such as `::error title=x,line=3::message`. */
export function formatCommand(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== "")
    .map(([key, value]) => `${key}=${escapeCommandProperty(String(value))}`)
    .join(",");
  return `::${command}${props ? " " + props : ""}::${escapeCommandData(message)}\n`;
}

/** Annotation properties the runner understands. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
  col?: number;
  endLine?: number;
  endColumn?: number;
}

/** Emits an `error`, `warning` or `notice` annotation. */
export function annotate(
  io: WorkflowIO,
  level: "error" | "warning" | "notice",
  message: string,
  properties: AnnotationProperties = {},
): void {
  io.write(formatCommand(level, { ...properties }, message));
}

/**
 * Formats one `name<<delimiter` block for the GITHUB_OUTPUT file: safe for multi-line values
 * because the delimiter is random and checked not to occur in the value.
 */
export function formatOutput(name: string, value: string, makeId: () => string = randomUUID): string {
  let delimiter = `ghadelimiter_${makeId()}`;
  while (value.includes(delimiter) || name.includes(delimiter)) delimiter = `ghadelimiter_${makeId()}`;
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

/** Sets step output `name`; without a GITHUB_OUTPUT file (old runners, local runs) does nothing. */
export function setOutput(io: WorkflowIO, name: string, value: string): void {
  const file = io.env.GITHUB_OUTPUT;
  if (file) appendFileSync(file, formatOutput(name, value), "utf8");
}

/** Appends Markdown to the job summary; without GITHUB_STEP_SUMMARY does nothing. */
export function appendSummary(io: WorkflowIO, markdown: string): void {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, markdown.endsWith("\n") ? markdown : markdown + "\n", "utf8");
}

/** Writes a plain log line. */
export function log(io: WorkflowIO, line: string): void {
  io.write(line.endsWith("\n") ? line : line + "\n");
}
