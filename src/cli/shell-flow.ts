// Whether a command of a shell script (as shellCommands reads it) runs at all, and what runs after it.
import { programWord, type ShellCommand } from "./shell-commands.js";

/** A command shown as written, for messages: `exit 0`. */
export function shownCommand(command: ShellCommand): string {
  return command.words.map((word) => word.raw).join(" ");
}

/**
 * Why `target`, a command of `commands` (a script's, see shellCommands), never runs, or
 * undefined when it may: it is in the body of a function the script never calls (or calls only
 * where it never gets), or a command at the top of the script before it ends the script
 * whatever happened (`exit`, `exit 0`, `exec PROGRAM`: not after `&&` or `||`, nor inside `if`,
 * a loop, `case`, a group or a subshell). A function called anywhere counts as run; what a
 * condition decides is not followed. `seen` guards against functions that call each other.
 */
export function neverReached(commands: readonly ShellCommand[], target: ShellCommand, seen: ReadonlySet<string> = new Set()): string | undefined {
  const body = enclosingFunction(target);
  if (body !== undefined) {
    const calls = commands.filter((command) => programWord(command.words)?.text === body && enclosingFunction(command) !== body);
    if (calls.length === 0 || seen.has(body)) return `it is in the function ${body}, which the hook never calls by its name`;
    const reasons = calls.map((call) => neverReached(commands, call, new Set([...seen, body])));
    if (reasons.some((reason) => reason === undefined)) return undefined;
    return `it is in the function ${body}, which the hook calls only where it never gets: ${reasons[0]}`;
  }
  const end = commands.find((command) => endsScript(command) && precedes(command, target));
  return end === undefined ? undefined : `line ${end.line + 1} (\`${shownCommand(end)}\`) ends the hook before it`;
}

/** The name of the innermost function whose body holds `command`, or undefined. */
export function enclosingFunction(command: ShellCommand): string | undefined {
  return command.within.findLast((enclosing) => enclosing.kind === "function")?.name;
}

/** Whether `a` and `b` are in the same compound commands (the same list of one script). */
export function sameList(a: ShellCommand, b: ShellCommand): boolean {
  return a.within.length === b.within.length && a.within.every((enclosing, n) => enclosing.id === b.within[n].id);
}

/** Whether `command` ends the script whatever happened before it: an `exit` or `exec PROGRAM` at its top, run on its own. */
function endsScript(command: ShellCommand): boolean {
  if (command.within.length > 0) return false;
  if (["&&", "||", "|"].includes(command.before) || ["&&", "||", "|", "&"].includes(command.after)) return false;
  const program = programWord(command.words);
  // `exec >log 2>&1` (redirections alone, which are no words) only redirects and goes on.
  return program?.raw === "exit" || (program?.raw === "exec" && command.words.at(-1) !== program);
}

/** Whether `a` comes before `b` in the script (a command of a script given as a string has only its line). */
function precedes(a: ShellCommand, b: ShellCommand): boolean {
  if (a.line !== b.line) return a.line < b.line;
  return a.words[0].end >= 0 && b.words[0].start >= 0 && a.words.at(-1)!.end <= b.words[0].start;
}
