// neverReached(): whether a hook gets to a command, on long chains of functions; closedCompound(),
// closedBranch(): where a group, subshell, if, loop or case ends; forkedGroups(): groups in subshells.
import { describe, expect, it } from "vitest";
import { closedBranch, closedCompound, forkedGroups, neverReached } from "../../src/cli/shell-flow.js";
import { programWord, shellCommands } from "../../src/cli/shell-commands.js";

/** A script of `count` functions, each calling the one before it (`calls` times), f0 running `rationale lint`; then `tail`. */
function chain(count: number, calls: number, tail: string): string {
  const lines = ['f0() { rationale lint --edit "$1"; }'];
  for (let n = 1; n < count; n++) lines.push(`f${n}() { ${Array.from({ length: calls }, () => `f${n - 1}`).join("; ")}; }`);
  return `${lines.join("\n")}\n${tail}\n`;
}

/** neverReached for the command that runs rationale in `script`. */
function why(script: string): string | undefined {
  const commands = shellCommands(script);
  return neverReached(commands, commands.find((command) => programWord(command.words)?.text === "rationale")!);
}

describe("neverReached() through functions", () => {
  it("follows a chain of thousands of functions without running out of stack", () => {
    expect(why(chain(5000, 1, "f4999"))).toBeUndefined();
    // Called nowhere the hook gets to: the reason follows the first calls a few functions deep.
    const reason = why(chain(5000, 1, "exit 0\nf4999"));
    expect(reason).toMatch(/^it is in the function f0, which the hook calls only where it never gets: it is in the function f1, /);
    expect(reason).toMatch(/: it is in the function f8, which the hook calls only from functions it never gets to$/);
  });

  it("reads each function once, however many times the next one calls it", () => {
    // Twice a level, 40 levels deep: following every call would take 2^40 steps.
    expect(why(chain(40, 2, "f39"))).toBeUndefined();
    expect(why(chain(40, 2, ": f39"))).toMatch(/^it is in the function f0, /);
  });

  it("gives the reason of a short chain in full, and one for functions that only call each other", () => {
    expect(why(chain(2, 1, "exit\nf1"))).toBe(
      "it is in the function f0, which the hook calls only where it never gets: it is in the function f1, which the hook calls only where it never gets: line 3 (`exit`) ends the hook before it",
    );
    expect(why('f0() { rationale lint --edit "$1"; g; }\ng() { f0; }\n')).toBe(
      "it is in the function f0, which the hook calls only where it never gets: it is in the function g, which the hook calls only where it never gets: it is in the function f0, which the hook never calls by its name",
    );
  });
});

/** What the group or subshell that rationale's command ends is followed by, as closedCompound reads it: its kind and operator, one level at a time. */
function closings(script: string): string[] {
  const commands = shellCommands(script);
  let last = commands.find((command) => programWord(command.words)?.text === "rationale")!;
  let level = last.within;
  const found: string[] = [];
  for (let closed = closedCompound(commands, last, level); closed !== undefined; closed = closedCompound(commands, last, level)) {
    found.push(`${closed.kind} ${JSON.stringify(closed.after)}`);
    ({ last, level } = closed);
  }
  return found;
}

describe("closedCompound()", () => {
  it("reads the operator after a group's } or a subshell's ), on one line or several", () => {
    expect(closings('( rationale lint --edit "$1" ) || true\n')).toEqual(['subshell "||"']);
    expect(closings('( rationale lint --edit "$1"; ) && echo ok\n')).toEqual(['subshell "&&"']);
    expect(closings('(\n  rationale lint --edit "$1"\n) || true\n')).toEqual(['subshell "||"']);
    expect(closings('{ rationale lint --edit "$1"; } || true\n')).toEqual(['group "||"']);
    expect(closings('{\n  rationale lint --edit "$1"\n} | tee log\n')).toEqual(['group "|"']);
    // A newline or ; after ) is no operator; nothing after it is the end of the script.
    expect(closings('( rationale lint --edit "$1" )\ntrue\n')).toEqual(['subshell "\\n"']);
    expect(closings('( rationale lint --edit "$1" )\n')).toEqual(['subshell ""']);
    // Nested, each level in turn, a subshell inside a group and a group inside a subshell.
    expect(closings('{ ( rationale lint --edit "$1" ); } || true\n')).toEqual(['subshell "\\n"', 'group "||"']);
    expect(closings('( { rationale lint --edit "$1"; } ) || true\n')).toEqual(['group "\\n"', 'subshell "||"']);
  });

  it("reads past the commands of a substitution in a redirection, and a & that ends the script", () => {
    // `mktemp` runs before the `}` whose redirection holds it; the `||` is still the group's.
    expect(closings('{ rationale lint --edit "$1"; } >"$(mktemp)" 2>&1 || true\n')).toEqual(['group "||"']);
    expect(closings('( rationale lint --edit "$1" ) >"$(mktemp)" || true\n')).toEqual(['subshell "||"']);
    expect(closings('( rationale lint --edit "$1"; x=$(date) ) || true\n')).toEqual([]);
    expect(closings('( rationale lint --edit "$1" ) &\n')).toEqual(['subshell "&"']);
    expect(closings('( ( rationale lint --edit "$1" ) ) &\n')).toEqual(['subshell "&"', 'subshell "&"']);
  });

  it("ends nothing when other commands of the group follow, or the list is no group's", () => {
    expect(closings('( rationale lint --edit "$1"; echo done ) || true\n')).toEqual([]);
    expect(closings('{ rationale lint --edit "$1"; echo done; } || true\n')).toEqual([]);
    expect(closings('if rationale lint --edit "$1"; then :; fi || true\n')).toEqual([]);
    expect(closings('check() { rationale lint --edit "$1"; }\ncheck || true\n')).toEqual([]);
    expect(closings('rationale lint --edit "$1" || true\n')).toEqual([]);
  });
});

/** closings' answer for closedBranch: the if, loop or case each level ends, the closing command and the operator after it. */
function branchClosings(script: string): string[] {
  const commands = shellCommands(script);
  let last = commands.find((command) => programWord(command.words)?.text === "rationale")!;
  let level = last.within;
  const found: string[] = [];
  for (let closed = closedBranch(commands, last, level); closed !== undefined; closed = closedBranch(commands, last, level)) {
    found.push(`${closed.kind} ${closed.last.words.map((word) => word.raw).join(" ")} ${JSON.stringify(closed.after)}`);
    ({ last, level } = closed);
  }
  return found;
}

describe("closedBranch()", () => {
  it("reads the end of an if branch, a loop's body or a case arm that rationale's command ends", () => {
    expect(branchClosings('if a; then rationale lint --edit "$1"; fi || true\n')).toEqual(['if fi "||"']);
    expect(branchClosings('if a; then\n  rationale lint --edit "$1"\nelif b; then\n  :\nelse\n  :\nfi\necho done\n')).toEqual(['if fi "\\n"']);
    expect(branchClosings('if a; then :; else if b; then rationale lint --edit "$1"; fi; fi | cat\n')).toEqual(['if fi "\\n"', 'if fi "|"']);
    expect(branchClosings('for f in a b; do rationale lint --edit "$1"; done &\n')).toEqual(['loop done "&"']);
    expect(branchClosings('case x in\n  a) rationale lint --edit "$1"\nesac || true\n')).toEqual(['case esac "||"']);
    // After `;;` the esac is no command: the last command of the case stands for it.
    expect(branchClosings('case x in a) rationale lint --edit "$1" ;; b) echo b ;; esac || true\n')).toEqual(['case echo b "||"']);
    expect(branchClosings('case x in a) rationale lint --edit "$1" ;; esac\n')).toEqual(['case rationale lint --edit "$1" ""']);
  });

  it("ends nothing where another command ends the branch, a case arm runs on, or rationale is a condition", () => {
    expect(branchClosings('if a; then rationale lint --edit "$1"; echo ok; fi\n')).toEqual([]);
    expect(branchClosings('if rationale lint --edit "$1"; then :; fi\n')).toEqual([]);
    expect(branchClosings('while rationale lint --edit "$1"; do :; done\n')).toEqual([]);
    expect(branchClosings('case x in a) rationale lint --edit "$1" ;& b) echo b ;; esac\n')).toEqual([]);
  });
});

describe("forkedGroups()", () => {
  it("finds the groups piped on or run in the background, not those in the script's own shell", () => {
    const forked = (script: string) => {
      const commands = shellCommands(script);
      const ids = forkedGroups(commands);
      return commands.filter((command) => command.within.some((enclosing) => ids.has(enclosing.id))).map((command) => command.words.map((word) => word.raw).join(" "));
    };
    expect(forked("{ a; b; } | cat\n{ c; }\n")).toEqual(["{ a", "b"]);
    expect(forked("{ a; } &\n{ b; } >log 2>&1 || true\n")).toEqual(["{ a"]);
    expect(forked("{ { a; }; b; } | cat\n")).toEqual(["{ { a", "}", "b"]);
    expect(forked("{ a; } >\"$(mktemp)\" | cat\n")).toEqual(["{ a"]);
    // Piped into: zsh and ksh run the pipeline's last command in the script's own shell.
    expect(forked("echo | { a; }\n")).toEqual([]);
  });
});
