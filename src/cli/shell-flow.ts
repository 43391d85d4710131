// Whether a command of a shell script (as shellCommands reads it) runs at all, and what runs after it.
import { programWord, type Enclosing, type ShellCommand } from "./shell-commands.js";

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

/** Where a compound command ends: the command it ends with, the operator after it, and the list it is in. */
export interface ClosedCompound {
  /** `{ … }` or `( … )` (closedCompound), or an `if`, loop or `case` (closedBranch). */
  kind: "group" | "subshell" | "if" | "loop" | "case";
  /** The command whose index comes just before what follows the compound: a group's `}`, a subshell's last command. */
  last: ShellCommand;
  /** The operator after the compound (`||`, `&&`, `|`, `&`), else "\n" (a newline, `;`, the `)` of a subshell around it), "" at the end of the script. */
  after: string;
  /** The compound commands the compound itself is in (`within` for the commands of its list). */
  level: Enclosing[];
}

/**
 * The group or subshell that `last`, a command of `commands` whose list is `level` (the
 * `within` of its commands), ends, or undefined when `last` ends none: its list is not a
 * group's or a subshell's, or other commands of it follow. A group's `}` is a command of the
 * list around it (with the operator after it); a subshell's `)` is none, and the command after
 * it has that operator as `before` (`)` when a newline or `;` follows it; at the end of the
 * script, the subshell's last command keeps a `&` as `trailing`).
 */
export function closedCompound(commands: readonly ShellCommand[], last: ShellCommand, level: readonly Enclosing[]): ClosedCompound | undefined {
  const compound = level.at(-1);
  if (compound?.kind !== "group" && compound?.kind !== "subshell") return undefined;
  const outside = level.slice(0, -1);
  const next = following(commands, last);
  if (compound.kind === "group") {
    if (next === undefined || next.words.length !== 1 || next.words[0].raw !== "}" || !inList(next, outside)) return undefined;
    const after = next.after === "" || OPERATORS.includes(next.after) ? next.after : "\n";
    return { kind: "group", last: next, after, level: outside };
  }
  if (next !== undefined && next.within[level.length - 1]?.id === compound.id) return undefined;
  // At the end of the script no command holds the operator after the `)`: the last one keeps it.
  const after = next === undefined ? (last.trailing === "&" ? "&" : "") : OPERATORS.includes(next.before) ? next.before : "\n";
  return { kind: "subshell", last, after, level: outside };
}

/**
 * The `if`, loop or `case` that ends with the status of `last`, a command of `commands` whose list
 * is `level` (the `within` of its commands), or undefined: `last` ends a branch of an `if`
 * (`then`, `else`: a part of the `if` or its `fi` comes next), a loop's body (its `done` comes
 * next: a loop ends with the status of its last round) or an arm of a `case` (with `;;`, or
 * before its `esac`; not `;&`, which runs on into the next arm). Where it ends, as closedCompound
 * gives it: its `fi`, `done` or `esac` and the operator after that, or, for a `case` whose last
 * arm ends with `;;` (the `esac` is then no command), its last command and the operator after
 * the `esac`. Reads the compound once, from `last` to its end.
 */
export function closedBranch(commands: readonly ShellCommand[], last: ShellCommand, level: readonly Enclosing[]): ClosedCompound | undefined {
  const depth = level.length - 1;
  const compound = level[depth];
  const part = last.within[depth];
  if (compound === undefined || part?.id !== compound.id) return undefined;
  const outside = level.slice(0, depth);
  const next = following(commands, last);
  const inside = (command: ShellCommand | undefined) => command?.within[depth]?.id === compound.id;
  /** The compound's last command from `from` on, and the command after it (its `fi`, `done` or `esac`, if one). */
  const end = (from: ShellCommand) => {
    let at = from;
    for (let after = following(commands, at); inside(after); after = following(commands, at)) at = after!;
    return { at, after: following(commands, at) };
  };
  /** closedCompound's answer for the reserved word `word` that ends the compound, when `closer` is it. */
  const closedBy = (closer: ShellCommand | undefined, word: string): ClosedCompound | undefined => {
    if (closer === undefined || closer.words.length !== 1 || closer.words[0].raw !== word || !inList(closer, outside)) return undefined;
    return { kind: compound.kind as ClosedCompound["kind"], last: closer, after: closer.after === "" || OPERATORS.includes(closer.after) ? closer.after : "\n", level: outside };
  };
  if (compound.kind === "if" && (part.part === "then" || part.part === "else")) {
    // Another part of the same `if` (`else`, `elif`) or its `fi` next: the branch ends with `last`.
    if (inside(next) && next!.within[depth].part === part.part && next!.within[depth].clause === part.clause) return undefined;
    return closedBy(inside(next) ? end(next!).after : next, "fi");
  }
  if (compound.kind === "loop" && part.part === "body") return inside(next) ? undefined : closedBy(next, "done");
  if (compound.kind !== "case" || part.part !== "branch") return undefined;
  if (last.after !== ";;") return closedBy(next, "esac");
  const { at, after } = inside(next) ? end(next!) : { at: last, after: next };
  const esac = closedBy(after, "esac");
  if (esac !== undefined) return esac;
  // After `;;` the `esac` is no command: the one after the case holds the operator after it.
  const operator = after === undefined ? "" : OPERATORS.includes(after.before) ? after.before : "\n";
  return { kind: "case", last: at, after: operator, level: outside };
}

/** forkedGroups' answers, for each script's commands. */
const forked = new WeakMap<readonly ShellCommand[], Set<number>>();

/**
 * The ids of a script's groups (`{ …; }`, see shellCommands) that run in a subshell of their own,
 * whatever the shell: those piped on (`} | cat`) or run in the background (`} &`). An `exit` in
 * one ends that subshell alone, not the script. A group piped into (`echo | { …; }`) is not
 * among them: zsh and ksh run a pipeline's last command in the script's own shell. Worked out
 * once per script, in one pass over its commands.
 */
export function forkedGroups(commands: readonly ShellCommand[]): Set<number> {
  const cached = forked.get(commands);
  if (cached !== undefined) return cached;
  // Each group's last command, by its depth in `within`.
  const lastIn = new Map<number, { command: ShellCommand; depth: number }>();
  for (const command of commands) {
    command.within.forEach((enclosing, depth) => {
      if (enclosing.kind === "group") lastIn.set(enclosing.id, { command, depth });
    });
  }
  const ids = new Set<number>();
  for (const [id, { command, depth }] of lastIn) {
    // The group's `}`: a command of the list around it, with the operator after the group.
    const close = following(commands, command);
    if (close?.words.length === 1 && close.words[0].raw === "}" && inList(close, command.within.slice(0, depth)) && (close.after === "|" || close.after === "&")) ids.add(id);
  }
  forked.set(commands, ids);
  return ids;
}

/** commandIndex's answers, for each script's commands. */
const indexes = new WeakMap<readonly ShellCommand[], Map<ShellCommand, number>>();

/** Where `command` is in `commands`, found once per script: a long hook is not searched again for each step. */
export function commandIndex(commands: readonly ShellCommand[], command: ShellCommand): number {
  let index = indexes.get(commands);
  if (index === undefined) {
    index = new Map(commands.map((each, n) => [each, n]));
    indexes.set(commands, index);
  }
  return index.get(command) ?? -1;
}

/**
 * The command the shell comes to after `command`, a command of `commands`, or undefined at the
 * end: the next one, past those of a command substitution that `command` is not in, which come
 * before the command whose words hold them (`} >"$(mktemp)" || true` reads `mktemp` before `}`),
 * and those of a script given as a string (`sh -c '…'`), which come after all of the hook's own.
 */
export function following(commands: readonly ShellCommand[], command: ShellCommand): ShellCommand | undefined {
  const own = new Set(command.within.map((enclosing) => enclosing.id));
  for (let at = commandIndex(commands, command) + 1; at < commands.length; at++) {
    const next = commands[at];
    if (!next.within.some((enclosing) => (enclosing.kind === "substitution" || enclosing.kind === "script") && !own.has(enclosing.id))) return next;
  }
  return undefined;
}

/** The operators that join a command to the next in its list, as opposed to ending it. */
const OPERATORS = ["&&", "||", "|", "&"];

/** Whether `command` is a command of the list whose compound commands are `level` (not of one inside it). */
export function inList(command: ShellCommand, level: readonly Enclosing[]): boolean {
  return command.within.length === level.length && level.every((enclosing, n) => enclosing.id === command.within[n].id);
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
