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
 * condition decides is not followed. Which functions run is worked out once per script
 * (calledFunctions), so a long chain of functions calling one another costs no deep recursion.
 */
export function neverReached(commands: readonly ShellCommand[], target: ShellCommand): string | undefined {
  const body = enclosingFunction(target);
  if (body === undefined) {
    const end = commands.find((command) => endsScript(command) && precedes(command, target));
    return end === undefined ? undefined : `line ${end.line + 1} (\`${shownCommand(end)}\`) ends the hook before it`;
  }
  const { run, calls } = calledFunctions(commands);
  if (run.has(body)) return undefined;
  // Why, by the first call of each function in turn, as far as REASON_DEPTH functions deep.
  const chain: string[] = [];
  const seen = new Set<string>();
  let name: string | undefined = body;
  let reason = "";
  while (name !== undefined) {
    const first: ShellCommand | undefined = calls.get(name)?.[0];
    if (first === undefined || seen.has(name)) {
      reason = `it is in the function ${name}, which the hook never calls by its name`;
      break;
    }
    if (chain.length >= REASON_DEPTH) {
      reason = `it is in the function ${name}, which the hook calls only from functions it never gets to`;
      break;
    }
    seen.add(name);
    chain.push(name);
    name = enclosingFunction(first);
    if (name === undefined) reason = neverReached(commands, first) ?? "";
  }
  return chain.reduceRight((why, caller) => `it is in the function ${caller}, which the hook calls only where it never gets: ${why}`, reason);
}

/** How many functions deep neverReached's reason follows the first call of each. */
const REASON_DEPTH = 8;

/** calledFunctions' answers, for each script's commands. */
const called = new WeakMap<readonly ShellCommand[], { run: Set<string>; calls: Map<string, ShellCommand[]> }>();

/**
 * The functions of a script that run (`run`), and the calls of each function (`calls`, the
 * commands naming it outside its own body): called at the top of the script where it gets
 * (neverReached), or from the body of a function that runs.
 */
function calledFunctions(commands: readonly ShellCommand[]): { run: Set<string>; calls: Map<string, ShellCommand[]> } {
  const cached = called.get(commands);
  if (cached !== undefined) return cached;
  const defined = new Set(commands.map(enclosingFunction).filter((name): name is string => name !== undefined));
  const calls = new Map<string, ShellCommand[]>();
  // The functions each function's body calls, and those called at the top.
  const callees = new Map<string | undefined, string[]>();
  for (const command of commands) {
    const name = programWord(command.words)?.text;
    const caller = enclosingFunction(command);
    if (name === undefined || !defined.has(name) || caller === name) continue;
    if (!calls.has(name)) calls.set(name, []);
    calls.get(name)!.push(command);
    if (caller === undefined && neverReached(commands, command) !== undefined) continue;
    if (!callees.has(caller)) callees.set(caller, []);
    callees.get(caller)!.push(name);
  }
  const run = new Set<string>();
  const next = [...(callees.get(undefined) ?? [])];
  for (let name = next.pop(); name !== undefined; name = next.pop()) {
    if (run.has(name)) continue;
    run.add(name);
    next.push(...(callees.get(name) ?? []));
  }
  const result = { run, calls };
  called.set(commands, result);
  return result;
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
