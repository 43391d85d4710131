// neverReached(): whether a hook gets to a command, on long chains of functions; closedCompound(): where a group or subshell ends.
import { describe, expect, it } from "vitest";
import { closedCompound, neverReached } from "../../src/cli/shell-flow.js";
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
