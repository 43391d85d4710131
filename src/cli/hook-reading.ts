// Reads a commit-msg hook of the user's own: whether it runs rationale, whether git gets to that
// command, and whether rationale's verdict can still stop the commit (init's warnings).
import { echoValue } from "../echo-value.js";
import { negates, programWord, shellCommands, type Enclosing, type ShellCommand } from "./shell-commands.js";
import { closedBranch, closedCompound, commandIndex, enclosingFunction, following, forkedGroups, inList, neverReached, shownCommand, type ClosedCompound } from "./shell-flow.js";

/**
 * Whether a hook of the user's own runs `rationale <args>` in one of its commands: the lines
 * `init` asks to add by hand, or a hand-written one (`npx rationale lint --edit $1`). The hook
 * is read as the shell reads it (shellCommands), so rationale named in a comment, in a
 * here-document or in the arguments of a command that only prints or ignores them (`echo
 * rationale lint --edit "$1"`, `printf`, `:`) runs nothing. A command runs it when a word that
 * can be rationale (namesRationale) is followed by the words of `args`' command (`lint`,
 * `release prepare-commit-msg`) in order, then each of its options in any order (`lint --quiet
 * --edit "$1"` runs `lint --edit "$1" --quiet`, as commander reads it); that command, or another
 * on its line, must name rationale. Git's arguments ("$1") are left out of both sides of the
 * comparison, since they may be quoted either way and come before a later option.
 */
export function runsRationale(current: string, args: string): boolean {
  return rationaleCommand(current, args) !== undefined;
}

/** Programs that print or ignore their arguments, or take them as data (`for x in …`): a command of theirs runs no rationale named in it. */
const NOT_RUNNING = new Set(["echo", "printf", ":", "true", "false", "test", "[", "[[", "logger", "for", "case"]);

/**
 * The shell that runs the hook `current`: husky 9's runner (core.hooksPath `.husky/_`, or not set
 * up yet) and husky 8's `_/husky.sh`, sourced by its hooks, start the hook again with `sh -e`,
 * whatever its `#!` line says ("husky"). With core.hooksPath `.husky` and no husky.sh line git
 * runs the file itself: the shell its `#!` line names ("bash", "zsh", "ksh"), or "sh" for any
 * other (`#!/bin/sh`, none).
 */
export function hookShell(current: string, layout: "husky" | "git", target: string | undefined): HookShell {
  if (layout === "husky" && (target !== ".husky" || HUSKY_8_RUNNER.test(current))) return "husky";
  return (/^#!.*\b(bash|zsh|ksh)\b/.exec(current)?.[1] as HookShell | undefined) ?? "sh";
}

/**
 * How the hook `current`, which has CRLF line ends and is run by `shell` (hookShell), fails:
 * "unstartable" when git runs the file itself and its `#!` line ends in a carriage return
 * (`/bin/sh\r` names no interpreter), "every-commit" under husky's `sh -e`, which stops at the
 * first line the carriage return breaks (`then\r` is no `then`, `"$1"\r` names a file git did
 * not write, `true\r` no command), or "misread" for sh without `-e`: it misreads the lines the
 * same way, but the hook ends with its last line's status, which is not followed. On `platform`
 * win32 git reads the `#!` line itself and cuts it at the carriage return (Git for Windows'
 * parse_interpreter), so it starts the hook, which is then misread.
 */
export function crlfFailure(current: string, shell: HookShell, platform: NodeJS.Platform = process.platform): "unstartable" | "every-commit" | "misread" {
  if (shell === "husky") return "every-commit";
  return platform !== "win32" && /^#![^\n]*\r\n/.test(current) ? "unstartable" : "misread";
}

/**
 * Whether the command that runs rationale `args` in the hook `current` (rationaleCommand) ends in
 * LF on every line it spans, in a hook with CRLF line ends elsewhere (an editor that kept the
 * file's CRLF for the lines it had, and wrote LF for the one added): the shell then reads that
 * command as written, `"$1"` and all, so rationale judges the message git wrote. A command of a
 * script given as a string (`sh -c '…'`) is read by the line that holds the string. False when
 * no command runs rationale.
 */
export function rationaleLineEndsInLf(current: string, args: string): boolean {
  const found = rationaleCommand(current, args);
  if (found === undefined) return false;
  const [first, last] = [found.words[0], found.words[found.words.length - 1]];
  // A command continued over lines (`\` at a line's end) spans each line up to its last word.
  const lastLine = first !== undefined && first.start >= 0 && last.end >= 0 ? found.line + (current.slice(first.start, last.end).match(/\n/g)?.length ?? 0) : found.line;
  const lines = current.split("\n");
  for (let line = found.line; line <= lastLine; line++) if (lines[line]?.endsWith("\r")) return false;
  return true;
}

/** husky 8's line `. "$(dirname -- "$0")/_/husky.sh"`, which runs the rest of the hook under `sh -e`. */
const HUSKY_8_RUNNER = /^[ \t]*(?:\.|source)[ \t][^\n#]*_\/husky\.sh\b/m;

/** See hookShell. */
export type HookShell = "sh" | "husky" | "bash" | "zsh" | "ksh";

/**
 * Why the hook `current`, which runs rationale `args` and is run by `shell` (hookShell),
 * commits whatever rationale says, or undefined (see lostVerdict). For a command in a function's
 * body, the hook's call of the function is read the same way: `check || true` throws away what
 * `check` returns.
 */
export function ignoredVerdict(current: string, args: string, shell: HookShell): string | undefined {
  const commands = shellCommands(current);
  const found = rationaleCommand(current, args, commands);
  if (found === undefined) return undefined;
  const own = lostVerdict(current, commands, found, "runs rationale", shell);
  const body = enclosingFunction(found);
  if (own !== undefined || body === undefined) return own;
  const call = commands.find((command) => programWord(command.words)?.text === body && enclosingFunction(command) !== body && neverReached(commands, command) === undefined);
  if (call === undefined) return undefined;
  // An `exit` on rationale's failure in a body of braces ends the shell that calls the function:
  // the hook itself (the verdict is kept), or a subshell around the call. A call run in the
  // background or in a pipeline (`check &`, `check | tee log`) runs in a subshell of its own,
  // which the `exit` ends alone: the call's status is then the failure, read as before.
  const next = found.after === "||" ? following(commands, found) : undefined;
  const scope = found.within[exitScope(commands, found.within)];
  const ownShell = call.after !== "&" && call.after !== "|" && call.before !== "|";
  const endsCaller = ownShell && scope?.kind === "function" && !scope.subshell;
  const exit = !endsCaller ? undefined : next !== undefined ? exitOnFailure(commands, next, found.within) : conditionExit(commands, found);
  return lostVerdict(current, commands, call, `runs rationale in the function ${body}, and calls it`, shell, exit);
}

/**
 * Why `found`, a command of the hook `current` (whose commands are `commands`), leaves the
 * hook's status to something other than its own, or undefined. Read from `found` outwards as
 * the shell runs it: a failure skips the `&&` commands after it (each a whole pipeline), and a
 * group or subshell that `found` (or such a command) ends ends with its status (closedCompound),
 * as do an `if` branch, a `case` arm or a loop's body that it ends (closedBranch) and a subshell
 * that an `exit` after `||` leaves (`( rationale … || exit 1 ) || true`: the `exit` ends the
 * subshell alone), also one in a group after the `||` (exitOnFailure), or a group piped on or
 * run in the background, which runs in a subshell of its own (forkedGroups). The verdict is lost when that list runs in the background (`&`); when
 * rationale's output, or that of the group or subshell around it, is piped on (`| tee log`)
 * without `set -o pipefail`, so the pipeline's status is the last command's; when it is an `if`
 * or `elif` condition whose branch for a failure does not `exit 1` (ifConditionVerdict); or when
 * `||` and a command that succeeds whatever happened follow (`true`, `:`, `exit 0`, or an `echo`
 * or `printf` that ends the line). `subject` starts the sentence ("runs rationale"); `shell` runs
 * the hook (hookShell): sh reads `&>` as `&`, and has no `set -o pipefail` where it is dash
 * (Debian's and Ubuntu's, 0.5.12), which stops the hook at that line. Other forms (a group after
 * `||` with no `exit` on the failure, a script given to `sh -c`) are not read, nor a `&` whose
 * job is waited for. `exit`, for
 * `found` a call of a function whose body exits on rationale's failure: that `exit`, which ends
 * the subshell around the call (read on from its end) or else the hook (the verdict is kept).
 */
function lostVerdict(current: string, commands: readonly ShellCommand[], found: ShellCommand, subject: string, shell: HookShell, exit?: ShellCommand): string | undefined {
  const sh = shell === "sh" || shell === "husky";
  // husky's runner reads a bash hook with sh: the `#!` line is no guide there.
  const byHusky = shell === "husky" && /^#!.*\b(?:bash|zsh|ksh)\b/.test(current) ? " (husky runs its hooks with sh, whatever their `#!` line says)" : "";
  const lost = "so a message rationale rejects is committed anyway";
  let last = found;
  let after = found.after;
  let level = found.within;
  // The innermost group or subshell whose status is rationale's, and an `exit` that left a subshell.
  let compound: Enclosing | undefined;
  let exited: ShellCommand | undefined;
  const program = programWord(found.words);
  let negated = program !== undefined && negates(found.words.slice(0, found.words.indexOf(program)));
  // Whether `after` follows rationale's own status, with no `&&` command between (whose `|` is its own).
  let direct = true;
  if (exit !== undefined) {
    const left = leftSubshell(commands, found, found.within);
    if (left === undefined) return undefined;
    ({ last, after, level } = left.closed);
    compound = left.subshell;
    negated = left.subshell.negated === true;
    exited = exit;
  }
  for (;;) {
    const alone = (compound?.kind === "subshell" || compound?.kind === "group") && exited !== undefined;
    const shownExit = alone ? `\`${echoValue(shownFromProgram(exited!))}\`` : "";
    const where =
      compound === undefined
        ? ""
        : compound.kind === "subshell"
          ? ` in a subshell (\`( … )\`)${alone ? `, whose ${shownExit} ends the subshell alone` : ""}`
          : `${COMPOUND_PLACES[compound.kind]}${alone ? `, whose ${shownExit} ends only the subshell that runs the group,` : ""}`;
    const later = () => commands.slice(commandIndex(commands, last) + 1);
    if (after === "&") {
      // `wait $!` (or any wait for a job named) returns the job's status: the hook can keep the verdict.
      const waits = later().some((command) => programWord(command.words)?.text === "wait" && command.words.at(-1) !== programWord(command.words));
      if (waits) return undefined;
      // `&>file` is a redirection in bash and zsh, but sh (dash, husky's) reads `&` then `>file`.
      if (!ampersandRedirect(current, last)) return `${subject}${where} in the background (\`&\`), so git commits without waiting for its verdict; remove the \`&\``;
      if (shell === "bash" || shell === "zsh") return undefined;
      return `${subject}${where} in the background: sh reads \`&>\` as \`&\` and then \`>\`${byHusky}, so git commits without waiting for its verdict; write \`>FILE 2>&1\` instead`;
    }
    if (after === "|" && direct) {
      // A pipeline's status is its last command's, unless pipefail makes a failure anywhere count.
      const pipefail = commands.slice(0, commandIndex(commands, found)).some((command) => programWord(command.words)?.text === "set" && command.words.some((word, k) => /^[-+]?[A-Za-z]*o$/.test(word.text) && command.words[k + 1]?.text === "pipefail"));
      // bash's PIPESTATUS (zsh's pipestatus) read after it, as in `exit "${PIPESTATUS[0]}"`, gives rationale's own.
      if (later().some((command) => command.words.some((word) => /pipestatus/i.test(word.raw)))) return undefined;
      const next = later().find((command) => inList(command, level));
      const shown = next === undefined ? "|" : `| ${echoValue(shownCommand(next))}`;
      const piped = `${subject}${where} in a pipeline (\`${shown}\`)`;
      if (!sh) return pipefail ? undefined : `${piped} without \`set -o pipefail\`, so the hook gets the status of the pipeline's last command and ${lost.slice(3)}; add \`set -o pipefail\` above it`;
      // dash 0.5.12 (Debian's and Ubuntu's sh) has no pipefail: `set -o pipefail` ends the hook with status 2.
      const dash = "sh has no `set -o pipefail` where it is dash, Debian's and Ubuntu's sh";
      const fix = `take rationale out of the pipeline${shell === "sh" ? ", or make the hook a bash script (`#!/usr/bin/env bash`) with `set -o pipefail`" : ""}`;
      if (pipefail) return `${piped} and counts on \`set -o pipefail\`, but ${dash}${byHusky}: there the hook stops at that line and refuses every commit; ${fix}`;
      return `${piped} without \`set -o pipefail\`, so the hook gets the status of the pipeline's last command and ${lost.slice(3)}; ${fix} (${dash})`;
    }
    // `exec rationale …` replaces the shell: what follows it (`|| true`) runs only when rationale
    // cannot be started at all, never on its verdict. In a subshell it replaces the subshell only,
    // whose status is then rationale's, read below as the subshell's.
    if (last === found && program?.raw === "exec" && !found.within.some((enclosing) => enclosing.kind === "subshell")) return undefined;
    if (after === "&&") {
      let next = following(commands, last);
      if (next === undefined || !inList(next, level)) return undefined;
      // A failure skips the whole pipeline after `&&` (`&& echo ok | tee log`), not its first command alone.
      while (next.after === "|") {
        const piped: ShellCommand | undefined = following(commands, next);
        if (piped === undefined || !inList(piped, level)) return undefined;
        next = piped;
      }
      last = next;
      after = next.after;
      direct = false;
      continue;
    }
    // A group or subshell, or an `if`, loop or `case` whose branch `last` ends, ends with its status.
    const closed = closedCompound(commands, last, level) ?? closedBranch(commands, last, level);
    if (closed !== undefined) {
      compound = level.at(-1);
      if (compound?.negated) negated = !negated;
      ({ last, after, level } = closed);
      direct = true;
      continue;
    }
    const next = following(commands, last);
    if (after !== "||") {
      const condition = ifConditionVerdict(commands, last, level, negated, `${subject}${where}`);
      if (condition !== null) return condition;
      return next === undefined ? undefined : overwrittenStatus(current, commands, last, after, level, !direct, `${subject}${where}`, shell);
    }
    if (next === undefined) return undefined;
    // `|| exit 1`, or `|| { echo "bad message"; exit 1; }`: the `exit` ends the hook (the verdict
    // is kept) unless a subshell holds it, or a group piped on or run in the background.
    const exit = exitOnFailure(commands, next, level);
    if (exit !== undefined) {
      const left = leftSubshell(commands, exit, level);
      if (left === undefined) return undefined;
      ({ last, after, level } = left.closed);
      compound = left.subshell;
      negated = left.subshell.negated === true;
      exited = exit;
      direct = true;
      continue;
    }
    // A group after `||` (`{ echo hint` on one line, `exit 1; }` on the next, or `( … )`) ends as
    // its last command does, which this does not follow: no warning rather than a wrong one.
    if (next.words[0].raw === "{" || next.words[0].start < 0 || next.before !== "||") return undefined;
    const nextProgram = programWord(next.words);
    const rest = nextProgram === undefined ? [] : next.words.slice(next.words.indexOf(nextProgram) + 1).map((word) => word.text);
    const succeeds =
      nextProgram?.text === "true" ||
      nextProgram?.text === ":" ||
      (nextProgram?.text === "exit" && rest.length === 1 && rest[0] === "0") ||
      ((nextProgram?.text === "echo" || nextProgram?.text === "printf") && (next.after === "\n" || next.after === ""));
    if (!succeeds) return undefined;
    const shown = `|| ${echoValue(shownCommand(next))}`;
    return `${subject}${where}${alone && compound?.kind === "subshell" ? "," : ""} with \`${shown}\` after it, ${lost}; replace \`${shown}\` with \`|| exit 1\``;
  }
}

/** How lostVerdict names a compound command whose status is rationale's (a subshell's depends on an `exit`). */
const COMPOUND_PLACES: Record<Exclude<Enclosing["kind"], "subshell">, string> = {
  group: " in a group (`{ …; }`)",
  if: " as the last command of an `if` branch",
  loop: " as the last command of a loop's body",
  case: " as the last command of a `case` arm",
  function: "",
  substitution: "",
  script: "",
};

/** `command` shown from its program word on: `exit 1` for `then exit 1` or `{ exit 1`. */
function shownFromProgram(command: ShellCommand): string {
  const program = programWord(command.words);
  return program === undefined ? shownCommand(command) : command.words.slice(command.words.indexOf(program)).map((word) => word.raw).join(" ");
}

/** Whether `command` is an `exit` that passes on a failure: `exit N` with N other than 0, or a bare `exit` or `exit $?` run on one. */
function failingExit(command: ShellCommand): boolean {
  const program = programWord(command.words);
  if (program?.raw !== "exit") return false;
  const status = command.words.slice(command.words.indexOf(program) + 1).map((word) => word.text);
  return status.length === 0 || status[0] === "$?" || exitsWithFailure(command);
}

/**
 * The `exit` that `next`, the command after `||` in the list whose compound commands are `level`,
 * ends its shell with on a failure: `next` itself (`|| exit 1`, failingExit), or one in a group
 * that `next` opens (`|| { echo "bad message"; exit 1; }`) and not in a subshell inside it, with
 * a status other than 0 or a bare `exit` that passes the failure on (passesFailure). Undefined
 * otherwise.
 */
function exitOnFailure(commands: readonly ShellCommand[], next: ShellCommand, level: readonly Enclosing[]): ShellCommand | undefined {
  if (inList(next, level)) return failingExit(next) ? next : undefined;
  const group = next.within[level.length];
  if (next.words[0].raw !== "{" || group?.kind !== "group" || next.within.length !== level.length + 1 || !level.every((enclosing, n) => enclosing.id === next.within[n].id)) return undefined;
  // The group's commands, those of compound commands inside it included, in one stretch.
  const inGroup: ShellCommand[] = [];
  for (let command: ShellCommand | undefined = next; command !== undefined && command.within[level.length]?.id === group.id; command = following(commands, command)) inGroup.push(command);
  return inGroup.find((command, n) => {
    if (exitScope(commands, command.within) !== exitScope(commands, level) || !failingExit(command)) return false;
    return exitsWithFailure(command) || passesFailure(inGroup, n, level.length + 1, true);
  });
}

/**
 * For `found`, a command of `commands` that ends an `if` or `elif` condition (`if ! rationale …;
 * then exit 1; fi`), the `exit` in the branch its failure takes that stops the commit
 * (stopsOnFailure) and ends the shell `found` runs in (not a subshell inside the branch), or
 * undefined.
 */
function conditionExit(commands: readonly ShellCommand[], found: ShellCommand): ShellCommand | undefined {
  const program = programWord(found.words);
  const negated = program !== undefined && negates(found.words.slice(0, found.words.indexOf(program)));
  const inBranch = conditionBranches(commands, found, found.within, negated)?.inBranch ?? [];
  return inBranch.find((command, n) => exitScope(commands, command.within) === exitScope(commands, found.within) && stopsOnFailure(inBranch, n, found.within.length, negated));
}

/**
 * Where in `level` (the `within` of a command of `commands`) the innermost shell an `exit` ends
 * is: a subshell, a function's body, a substitution, a script given as a string, or a group
 * piped on or run in the background (forkedGroups); -1 for the hook itself.
 */
function exitScope(commands: readonly ShellCommand[], level: readonly Enclosing[]): number {
  const groups = forkedGroups(commands);
  return level.findLastIndex((enclosing) => ["subshell", "function", "substitution", "script"].includes(enclosing.kind) || (enclosing.kind === "group" && groups.has(enclosing.id)));
}

/**
 * For `ender`, a command of the list whose compound commands are `level` that ends the shell it
 * runs in (an `exit`, or a call of a function that exits): the subshell it leaves and where that
 * subshell ends (closedCompound), when the innermost shell of `level` is a subshell. Undefined
 * otherwise: the `exit` ends the hook itself, or a function, a command substitution or a script
 * given as a string, which this does not follow.
 */
function leftSubshell(commands: readonly ShellCommand[], ender: ShellCommand, level: readonly Enclosing[]): { subshell: Enclosing; closed: ClosedCompound } | undefined {
  const at = exitScope(commands, level);
  if (at < 0 || (level[at].kind !== "subshell" && level[at].kind !== "group")) return undefined;
  const subshell = level[at];
  // The subshell's last command: those of the subshell run on from the `exit`, in one stretch.
  let last = ender;
  for (let next = following(commands, last); next !== undefined && next.within[at]?.id === subshell.id; next = following(commands, last)) last = next;
  const closed = closedCompound(commands, last, level.slice(0, at + 1));
  return closed === undefined ? undefined : { subshell, closed };
}

/**
 * Why the hook's status is not rationale's, whose status `last` ends the list with at the top of
 * the hook (`level` empty; `last` is rationale's command, the `}` of a group around it, a
 * subshell's last command, the `fi`, `done` or `esac` of an `if`, loop or `case` whose branch it
 * ends, or, `skipped`, the last of the `&&` commands after it, which a failure skips; `after` is
 * the operator after that, closedCompound's for a compound command): other commands follow it
 * on their own lines (or after `;`), and without `set -e` the hook ends with the status of its
 * last command. Only commands that succeed
 * whatever happened count (`echo`, `printf`, `:`, `true`, `exit 0`), all of them: any other may
 * read `$?` or fail itself (`npx lint-staged`), which this does not follow, so no warning rather
 * than a wrong one. With `set -e` (husky runs hooks with `sh -e`) a failure stops the hook,
 * unless `&&` follows it.
 */
function overwrittenStatus(current: string, commands: readonly ShellCommand[], last: ShellCommand, after: string, level: readonly Enclosing[], skipped: boolean, subject: string, shell: HookShell): string | undefined {
  if (level.length > 0 || !["\n", ";", ")"].includes(after)) return undefined;
  // `set -e` ignores a failure followed by `&&` (`rationale … && echo ok`): only one on its own stops the hook.
  const errexit =
    shell === "husky" ||
    /^#![^\n]*\s-[A-Za-z]*e/.test(current) ||
    commands.some((command) => programWord(command.words)?.text === "set" && command.words.some((word, k) => /^-[A-Za-z]*e[A-Za-z]*$/.test(word.text) || (word.text === "-o" && command.words[k + 1]?.text === "errexit")));
  const rest = commands.slice(commandIndex(commands, last) + 1);
  if ((errexit && !skipped) || rest.length === 0 || !rest.every((command) => succeedsAlways(command))) return undefined;
  const shown = echoValue(shownCommand(rest[0]));
  const how = errexit ? `${subject} before \`&&\` (whose failure \`set -e\` lets pass), then \`${shown}\`` : `${subject}, then \`${shown}\` with no \`set -e\``;
  return `${how}, so the hook ends with the status of its last command and a message rationale rejects is committed anyway; end rationale's line with \`|| exit 1\``;
}

/** Whether `command` succeeds whatever happened before it: `echo`, `printf`, `:`, `true` or `exit 0`, at the top of the hook and on its own. */
function succeedsAlways(command: ShellCommand): boolean {
  const program = programWord(command.words);
  if (program === undefined || command.within.length > 0 || ["&&", "||", "|"].includes(command.before) || command.words[0] !== program) return false;
  const rest = command.words.slice(1).map((word) => word.text);
  return ["echo", "printf", ":", "true"].includes(program.text) || (program.text === "exit" && rest.length === 1 && rest[0] === "0");
}

/** Whether `command` is `exit N` with a literal status other than 0. */
function exitsWithFailure(command: ShellCommand): boolean {
  const exit = programWord(command.words);
  const status = exit === undefined ? [] : command.words.slice(command.words.indexOf(exit) + 1).map((word) => word.text);
  return exit?.raw === "exit" && status.length === 1 && /^\d+$/.test(status[0]) && Number(status[0]) !== 0;
}

/**
 * Whether the bare `exit` (or `exit $?`) `branch[n]` of an `if` branch (its commands, those of
 * compound commands inside it included; its own are `depth` deep) ends the hook with a failure:
 * it returns the status of the command before it, so it does when it runs after `||` or
 * `false`, or first in a branch that a failure starts (`entryFails`: `else`), and does not after
 * `&&`, after `echo`, `printf`, `:` or `true`, or first in a branch a success starts (`then`
 * after `!`). After any other command (`npx notify`, a `fi`) the status is not followed: it
 * counts as a failure, no warning rather than a wrong one.
 */
function passesFailure(branch: readonly ShellCommand[], n: number, depth: number, entryFails: boolean): boolean {
  const exit = branch[n];
  if (exit.before === "||") return true;
  if (exit.before === "&&") return false;
  const previous = branch[n - 1];
  if (exit.within.length !== depth) return true;
  if (previous === undefined) return entryFails;
  const program = programWord(previous.words);
  // Reserved words (`else echo bad`) and assignments before it do not change its status; `!` does.
  const negatedPrevious = program !== undefined && previous.words.slice(0, previous.words.indexOf(program)).some((word) => word.raw === "!");
  if (previous.within.length !== depth || program === undefined || negatedPrevious || previous.before === "&&") return true;
  return !["echo", "printf", ":", "true"].includes(program.text);
}

/**
 * Whether a branch of an `if` (its commands, `branch`, those of compound commands inside it
 * included; its own are `depth` deep) ends with `false` run on its own: the `if` then ends with
 * status 1 (`else echo "bad message"; false; fi`).
 */
function endsFalse(branch: readonly ShellCommand[], depth: number): boolean {
  const last = branch.at(-1);
  const program = last === undefined ? undefined : programWord(last.words);
  return last !== undefined && last.within.length === depth && program?.text === "false" && last.words.at(-1) === program && !["&&", "||", "|"].includes(last.before);
}

/**
 * For `last`, a command of `commands` in the list whose compound commands are `level`, the
 * innermost an `if`: when `last` ends one of its conditions (the next command is that
 * condition's `then` branch), the `if`'s commands after `last` (`inIf`, up to its `fi`, whose
 * index is `end`) and those of the branch a failure of the condition takes (`inBranch`: `else`,
 * or its own `then` after `!`, `negated`). Undefined when `last` ends no condition.
 */
function conditionBranches(commands: readonly ShellCommand[], last: ShellCommand, level: readonly Enclosing[], negated: boolean): { inIf: ShellCommand[]; inBranch: ShellCommand[]; end: number } | undefined {
  const depth = level.length - 1;
  const enclosing = level[depth];
  if (enclosing?.kind !== "if" || enclosing.part !== "condition") return undefined;
  const clause = enclosing.clause ?? 0;
  // The condition ends with `last` when the next command is its `then` branch's.
  const next = following(commands, last);
  if (next?.within[depth]?.id !== enclosing.id || next.within[depth].part !== "then" || next.within[depth].clause !== clause) return undefined;
  const inIf: ShellCommand[] = [];
  let end = commandIndex(commands, last) + 1;
  for (; end < commands.length && commands[end].within[depth]?.id === enclosing.id; end++) inIf.push(commands[end]);
  const branch = negated ? "then" : "else";
  const inBranch = inIf.filter((command) => command.within[depth].part === branch && (branch === "else" || command.within[depth].clause === clause));
  return { inIf, inBranch, end };
}

/**
 * Whether `branch[n]`, a command of the branch a failed condition takes (whose own commands are
 * `depth` deep; `then` after `!`, `negated`, else `else`), is an `exit` that stops the commit: a
 * status other than 0, a bare `exit` or `exit $?` that passes a failure on (passesFailure), or a
 * status in a variable (`exit "$status"`), which is not followed: no warning rather than a wrong
 * one.
 */
function stopsOnFailure(branch: readonly ShellCommand[], n: number, depth: number, negated: boolean): boolean {
  const command = branch[n];
  const exit = programWord(command.words);
  const status = exit === undefined ? [] : command.words.slice(command.words.indexOf(exit) + 1);
  if (exit?.raw !== "exit") return false;
  // `else` starts on the failed condition's status; `then` after `!` on the negation's, 0.
  if (status.length === 0 || status[0].text === "$?") return passesFailure(branch, n, depth, !negated);
  return status[0].text.includes("$") || exitsWithFailure(command);
}

/**
 * For `last`, the command that ends an `if` or `elif` condition with rationale's status (or the
 * reverse of it: `negated`, as in `if ! rationale …; then`), the innermost of `level` being that
 * `if`: why the `if` commits whatever rationale says, or undefined when the branch a failure
 * takes (`else`; `then` after `!`) has an `exit` with a status other than 0 (or, in `else`, `exit`
 * or `exit $?`, which pass the failure on; or one in a variable, not followed) or ends with
 * `false`, or when an `exit` with a status other than 0 follows the `if` in its list and runs
 * whatever happened (`if rationale …; then exit 0; fi`, then `exit 1`; not `[ -f x ] || exit 1`).
 * After a failed condition come the `elif` conditions after it, then `else`: an `if` whose
 * conditions all fail and that has no `else` ends with status 0. What an `elif` after rationale's
 * runs on a condition of its own is not judged, as a `[ -n "$CI" ] && exit 0` is not. null when
 * `last` ends no such condition. Reads the `if` once, from `last` to its `fi`.
 */
function ifConditionVerdict(commands: readonly ShellCommand[], last: ShellCommand, level: readonly Enclosing[], negated: boolean, subject: string): string | undefined | null {
  const read = conditionBranches(commands, last, level, negated);
  if (read === undefined) return null;
  const { inIf, inBranch, end } = read;
  const depth = level.length - 1;
  const clause = level[depth].clause ?? 0;
  const branch = negated ? "then" : "else";
  const stops = inBranch.some((_, n) => stopsOnFailure(inBranch, n, depth + 1, negated));
  if (stops || endsFalse(inBranch, depth + 1)) return undefined;
  // An `if` that falls through to an `exit 1` after its `fi` (`if rationale …; then exit 0; fi`
  // then `exit 1`) still fails the commit; one that runs only on a condition (`[ -f x ] || exit
  // 1`) or inside another compound command may never run.
  const outside = level.slice(0, depth);
  const unconditional = (command: ShellCommand) => !["&&", "||", "|"].includes(command.before) && !["&&", "||", "|", "&"].includes(command.after);
  for (let at = end; at < commands.length; at++) {
    if (inList(commands[at], outside) && unconditional(commands[at]) && exitsWithFailure(commands[at])) return undefined;
  }
  const keyword = `${clause === 0 ? "if" : "elif"}${negated ? " !" : ""}`;
  const lost = "so a message rationale rejects is committed anyway";
  if (!negated && !inIf.some((command) => command.within[depth].part === "else")) {
    // `elif` conditions after rationale's run when it fails: the `if` ends with status 0 when they fail too.
    const elif = inIf.some((command) => command.within[depth].part === "condition" && (command.within[depth].clause ?? 0) > clause);
    const when = elif ? " and, when the `elif` conditions after it fail too," : " and";
    return `${subject} as an \`${keyword}\` condition with no \`else exit 1\`: the \`if\` takes its verdict${when} ends with status 0, ${lost}; add \`else exit 1\` before the \`fi\``;
  }
  return `${subject} as an \`${keyword}\` condition whose \`${branch}\` branch does not \`exit 1\`, ${lost}; end that branch with \`exit 1\``;
}

/** Whether the `&` that ends `command` (a command of `current`) starts `&>`, after any `>&` of a redirection. */
function ampersandRedirect(current: string, command: ShellCommand): boolean {
  const end = command.words.at(-1)!.end;
  if (end < 0) return false;
  for (let at = current.indexOf("&", end); at >= 0; at = current.indexOf("&", at + 1)) {
    if (current[at - 1] !== ">" && current[at - 1] !== "<") return current[at + 1] === ">";
  }
  return false;
}

/**
 * The command of `current` that runs rationale `args` as {@link runsRationale} reads it, the
 * first that the hook gets to (see neverReached); `commands`: those of `current`, if read already.
 */
function rationaleCommand(current: string, args: string, commands = shellCommands(current)): ShellCommand | undefined {
  return namedRationaleCommands(commands, args).find((found) => neverReached(commands, found) === undefined);
}

/**
 * Why the hook `current` never runs the commands of it that name rationale `args`, as the first
 * of them says, or undefined when it runs one or names none: the advice to add the lines would
 * otherwise read as init misreading the line that is there.
 */
export function unreachedRationale(current: string, args: string): string | undefined {
  const commands = shellCommands(current);
  const named = namedRationaleCommands(commands, args);
  if (named.length === 0 || named.some((found) => neverReached(commands, found) === undefined)) return undefined;
  return `line ${named[0].line + 1} runs rationale, but never when git runs the hook: ${neverReached(commands, named[0])}`;
}

/** The commands of a hook (`commands`) that run rationale `args` as {@link runsRationale} reads them, whether the hook gets to them or not. */
function namedRationaleCommands(commands: readonly ShellCommand[], args: string): ShellCommand[] {
  const wanted = withoutGitArguments(args).trim().split(/\s+/);
  const split = wanted.findIndex((word) => word.startsWith("-"));
  const [command, options] = split < 0 ? [wanted, []] : [wanted.slice(0, split), wanted.slice(split)];
  const namingLines = new Set(commands.filter((found) => found.words.some((word) => /\brationale\b/.test(word.raw))).map((found) => found.line));
  return commands.filter((found) => {
    if (!namingLines.has(found.line) || NOT_RUNNING.has(programWord(found.words)?.text ?? ":")) return false;
    const words = found.words.filter((word) => !/^\$(?:\d|\{\d\})$/.test(word.text));
    // An option's value given with "=" (`--edit="$1"`, `--edit=`) is still that option.
    const tokens = words.map((word) => (word.text.startsWith("--") ? word.text.replace(/=.*$/, "") : word.text));
    return tokens.some(
      (_, k) =>
        k > 0 &&
        namesRationale(words[k - 1].raw) &&
        command.every((word, n) => tokens[k + n] === word) &&
        options.every((option) => tokens.slice(k + command.length).includes(option)),
    );
  });
}

/**
 * The line of `current` that runs rationale `args`, trimmed, with `--quiet` added after the last
 * word of that command (before a redirection, `||`, `&&`, `;`, `|`, a `)` or a comment); undefined
 * when none runs it, or when the command is in a script given as a string (`sh -c '…'`), where
 * the line cannot show it.
 */
export function withQuietAdded(current: string, args: string): string | undefined {
  const found = rationaleCommand(current, args);
  const end = found?.words.at(-1)?.end ?? -1;
  if (end < 0) return undefined;
  const start = current.lastIndexOf("\n", end - 1) + 1;
  const stop = current.indexOf("\n", end);
  const line = current.slice(start, stop < 0 ? undefined : stop);
  return `${line.slice(0, end - start)}${QUIET}${line.slice(end - start)}`.trim();
}

/**
 * Whether `word`, the program a command's words follow, can run rationale: a name or path that
 * says so (`rationale`, `"./node_modules/.bin/rationale"`, `rationale-cli`, its `dist/cli.js`),
 * or a variable (`"$r"`, as the line `init` asks to add sets it). Not another tool's `lint`
 * (`npm run lint --edit "$1"`) on a line that names rationale elsewhere (`echo rationale ok`).
 */
function namesRationale(word: string): boolean {
  return /\brationale\b/.test(word) || /^(["']?)\$\{?\w+\}?\1$/.test(word);
}

/** `text` without git's arguments to a hook (`"$1"`, `'$2'`, `$3`, `"${1}"`) and the blanks before them. */
function withoutGitArguments(text: string): string {
  return text.replace(/[ \t]*(["']?)\$(?:\d|\{\d\})\1/g, "");
}

/** What `init --quiet` adds to the commit-msg hook's command (`lint --quiet`). */
export const QUIET = " --quiet";

/**
 * Whether a command of `hook` passes `release prepare-commit-msg` to the program it runs, read
 * as the shell reads it (shellCommands), as runsRationale reads a hook: the words in a comment,
 * a here-document or the arguments of a command that only prints or ignores them (`echo`,
 * `printf`, `:`) run nothing, and the advice that the hook is installed would be wrong there.
 * Unlike runsRationale, the program need not be named rationale on that line: a build of
 * rationale run through a variable (`node "$cli" …`) is still the hook.
 */
export function runsReleaseHookCommand(hook: string): boolean {
  const commands = shellCommands(hook);
  return commands.some((command) => {
    const { words } = command;
    const program = programWord(words);
    if (program === undefined || NOT_RUNNING.has(program.text)) return false;
    const from = words.indexOf(program) + 1;
    const runs = words.some((word, k) => k >= from && word.text === "release" && words[k + 1]?.text === "prepare-commit-msg");
    return runs && neverReached(commands, command) === undefined;
  });
}
