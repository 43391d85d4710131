// ignoredVerdict(): whether a hook of the user's own keeps rationale's verdict, for the forms
// around an if, a group or a subshell (the forms at the top of a hook are pinned end to end).
import { describe, expect, it, vi } from "vitest";
import { crlfFailure, ignoredVerdict } from "../../src/cli/hook-reading.js";
import type { ShellCommand } from "../../src/cli/shell-commands.js";

/** How many of the hook's commands the reading has looked at since the last reset: the steps it took. */
let steps = 0;

// The hook's commands, as ignoredVerdict gets them, count each command read (an index, or one
// that slice, some or find goes through): a reading that goes back over the hook for each
// command shows in the count, with no clock involved.
vi.mock("../../src/cli/shell-commands.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/cli/shell-commands.js")>();
  const counted = (commands: ShellCommand[]) =>
    new Proxy(commands, {
      get(target, key, receiver) {
        if (typeof key === "string" && /^\d+$/.test(key)) steps++;
        return Reflect.get(target, key, receiver);
      },
    });
  return { ...original, shellCommands: (...args: Parameters<typeof original.shellCommands>) => counted(original.shellCommands(...args)) };
});

const LINE = 'rationale lint --edit "$1"';
const LOST = "so a message rationale rejects is committed anyway";

/** init's warning for the commit-msg hook `body` run by sh, or undefined when it keeps the verdict. */
const verdict = (body: string) => ignoredVerdict(`#!/bin/sh\n${body}\n`, 'lint --edit "$1"', "sh");

describe("ignoredVerdict() for elif", () => {
  it("reads rationale as an elif condition like an if's: no else exit 1 commits the message", () => {
    expect(verdict(`if [ -n "$SKIP" ]; then\n  echo skipped\nelif ${LINE}; then\n  echo ok\nfi`)).toBe(
      `runs rationale as an \`elif\` condition with no \`else exit 1\`: the \`if\` takes its verdict and ends with status 0, ${LOST}; add \`else exit 1\` before the \`fi\``,
    );
    expect(verdict(`if [ -n "$SKIP" ]; then exit 0; elif ${LINE}; then echo ok; else echo "bad message"; fi`)).toBe(
      `runs rationale as an \`elif\` condition whose \`else\` branch does not \`exit 1\`, ${LOST}; end that branch with \`exit 1\``,
    );
    expect(verdict(`if [ -n "$SKIP" ]; then :; elif ! ${LINE}; then echo "bad message"; fi`)).toBe(
      `runs rationale as an \`elif !\` condition whose \`then\` branch does not \`exit 1\`, ${LOST}; end that branch with \`exit 1\``,
    );
    expect(verdict(`if [ -n "$SKIP" ]; then :; elif ${LINE}; then echo ok; else exit 1; fi`)).toBeUndefined();
    expect(verdict(`if [ -n "$SKIP" ]; then :; elif ! ${LINE}; then exit 1; fi`)).toBeUndefined();
  });

  it("follows a failed condition through the elif conditions after it to the else, or to status 0 without one", () => {
    expect(verdict(`if ${LINE}; then\n  echo ok\nelif [ -n "$CI" ]; then\n  echo "on CI"\nfi`)).toBe(
      `runs rationale as an \`if\` condition with no \`else exit 1\`: the \`if\` takes its verdict and, when the \`elif\` conditions after it fail too, ends with status 0, ${LOST}; add \`else exit 1\` before the \`fi\``,
    );
    // An elif branch that exits is taken only on its own condition: the else decides.
    expect(verdict(`if ${LINE}; then :; elif [ -n "$CI" ]; then exit 1; elif [ -n "$X" ]; then :; fi`)).toMatch(/^runs rationale as an `if` condition with no `else exit 1`/);
    expect(verdict(`if ${LINE}; then :; elif [ -n "$CI" ]; then echo "on CI"; else exit 1; fi`)).toBeUndefined();
    // After `if !`, a failure takes the if's own then branch; the elif after it never runs then.
    expect(verdict(`if ! ${LINE}; then exit 1; elif [ -n "$CI" ]; then echo "on CI"; fi`)).toBeUndefined();
  });

  it("reads only the condition's last command as its status", () => {
    expect(verdict(`if ${LINE}; true; then :; fi`)).toBeUndefined();
    expect(verdict(`if ${LINE} && echo ok; then :; fi`)).toMatch(/^runs rationale as an `if` condition with no `else exit 1`/);
  });
});

describe("ignoredVerdict() for a group or subshell", () => {
  it("reads a group or subshell as an if condition, with a ! before it", () => {
    expect(verdict(`if ( ${LINE} ); then :; fi`)).toBe(
      `runs rationale in a subshell (\`( … )\`) as an \`if\` condition with no \`else exit 1\`: the \`if\` takes its verdict and ends with status 0, ${LOST}; add \`else exit 1\` before the \`fi\``,
    );
    expect(verdict(`if { ${LINE}; } >/dev/null 2>&1; then\n  echo ok\nfi`)).toMatch(/^runs rationale in a group \(`\{ …; \}`\) as an `if` condition with no `else exit 1`/);
    expect(verdict(`if ! ( ${LINE} ); then echo "bad message"; fi`)).toMatch(/^runs rationale in a subshell \(`\( … \)`\) as an `if !` condition whose `then` branch does not `exit 1`/);
    expect(verdict(`if ( ${LINE} ); then :; else exit 1; fi`)).toBeUndefined();
    expect(verdict(`if ! { ${LINE}; }; then exit 1; fi`)).toBeUndefined();
    expect(verdict(`if ! ( cd . && ${LINE} ); then exit 1; fi`)).toBeUndefined();
  });

  it("carries the || after a group's redirections to the group, also one that runs a substitution", () => {
    for (const redirect of [">log 2>&1", '>"$(mktemp)" 2>&1', "2>&1 >log", ">>log"]) {
      expect(verdict(`{ ${LINE}; } ${redirect} || true`), redirect).toBe(
        `runs rationale in a group (\`{ …; }\`) with \`|| true\` after it, ${LOST}; replace \`|| true\` with \`|| exit 1\``,
      );
      expect(verdict(`{ ${LINE}; } ${redirect} || exit 1`), redirect).toBeUndefined();
    }
    expect(verdict(`${LINE} >"$(mktemp)" || true`)).toMatch(/^runs rationale with `\|\| true` after it/);
  });

  it("reads an exit after || in a subshell as the end of the subshell alone", () => {
    expect(verdict(`( ${LINE} || exit 1 ) || true`)).toBe(
      `runs rationale in a subshell (\`( … )\`), whose \`exit 1\` ends the subshell alone, with \`|| true\` after it, ${LOST}; replace \`|| true\` with \`|| exit 1\``,
    );
    expect(verdict(`(\n  cd . || exit 1\n  ${LINE} || exit\n) || :`)).toMatch(/whose `exit` ends the subshell alone, with `\|\| :` after it/);
    expect(verdict(`( if [ -f "$1" ]; then ${LINE} || exit 2; fi ) || true`)).toMatch(/whose `exit 2` ends the subshell alone/);
    expect(verdict(`( ${LINE} || exit 1 )\nexit 0`)).toMatch(/whose `exit 1` ends the subshell alone, then `exit 0` with no `set -e`/);
    // Passed on, the subshell's failure stops the commit; an exit in a group ends the hook itself.
    expect(verdict(`( ${LINE} || exit 1 ) || exit 1`)).toBeUndefined();
    expect(verdict(`set -e\n( ${LINE} || exit 1 )\necho done`)).toBeUndefined();
    expect(verdict(`{ ${LINE} || exit 1; } || true`)).toBeUndefined();
    // A status in a variable is not followed.
    expect(verdict(`( ${LINE} || exit "$status" ) || true`)).toBeUndefined();
  });

  it("reads an exit in a function's body of braces as the end of the shell that calls it", () => {
    // Called at the top, the exit ends the hook with the failure: no `|| true` after the call runs.
    expect(verdict(`check() { ${LINE} || exit 1; }\ncheck "$1" || true`)).toBeUndefined();
    expect(verdict(`check() { ${LINE} || exit 1; }\n( check "$1" ) || true`)).toBe(
      `runs rationale in the function check, and calls it in a subshell (\`( … )\`), whose \`exit 1\` ends the subshell alone, with \`|| true\` after it, ${LOST}; replace \`|| true\` with \`|| exit 1\``,
    );
    // A body that is a subshell ends alone: the call returns the failure to its `|| true`.
    expect(verdict(`check() ( ${LINE} || exit 1 )\ncheck "$1" || true`)).toMatch(/^runs rationale in the function check, and calls it with `\|\| true` after it/);
    // As does an exit in a group after `||`, when it passes a failure on.
    expect(verdict(`check() {\n  ${LINE} || {\n    echo "bad message" >&2\n    exit 1\n  }\n}\ncheck "$1" || true`)).toBeUndefined();
    expect(verdict(`check() { ${LINE} || { exit; }; }\ncheck "$1" || true`)).toBeUndefined();
    expect(verdict(`check() { ${LINE} || { echo bad; exit 1; }; }\n( check "$1" ) || true`)).toMatch(
      /^runs rationale in the function check, and calls it in a subshell \(`\( … \)`\), whose `exit 1` ends the subshell alone, with `\|\| true` after it/,
    );
    // And one in the branch an if condition's failure takes.
    expect(verdict(`check() { if ! ${LINE}; then exit 1; fi; }\ncheck "$1" || true`)).toBeUndefined();
    expect(verdict(`check() {\n  if ${LINE}; then\n    echo ok\n  else\n    echo "bad message" >&2\n    exit 1\n  fi\n}\ncheck "$1" || true`)).toBeUndefined();
    expect(verdict(`check() { if ! ${LINE}; then exit 1; fi; }\n( check "$1" ) || true`)).toMatch(/^runs rationale in the function check, and calls it in a subshell \(`\( … \)`\), whose `exit 1` ends the subshell alone/);
    // echo's 0 from a bare exit is the `if`'s own loss, told before the call's.
    expect(verdict(`check() { if ${LINE}; then echo ok; else echo bad; exit; fi; }\ncheck "$1" || true`)).toMatch(/^runs rationale as an `if` condition whose `else` branch does not `exit 1`/);
    expect(verdict(`check() { if ! ${LINE}; then echo bad; ( exit 1 ); fi; }\ncheck "$1" || true`)).toMatch(/^runs rationale in the function check, and calls it with `\|\| true` after it/);
    // echo's 0, or an exit that ends a subshell of the group's, does not end the hook with the failure.
    expect(verdict(`check() { ${LINE} || { echo bad; exit; }; }\ncheck "$1" || true`)).toMatch(/^runs rationale in the function check, and calls it with `\|\| true` after it/);
    expect(verdict(`check() { ${LINE} || { echo bad; ( exit 1 ); }; }\ncheck "$1" || true`)).toMatch(/^runs rationale in the function check, and calls it with `\|\| true` after it/);
    // A call in the background or in a pipeline runs in a subshell of its own, which the exit ends alone.
    expect(verdict(`check() { ${LINE} || exit 1; }\ncheck "$1" &`)).toBe(
      "runs rationale in the function check, and calls it in the background (`&`), so git commits without waiting for its verdict; remove the `&`",
    );
    expect(verdict(`check() { ${LINE} || exit 1; }\ncheck "$1" | tee lint.log`)).toMatch(/^runs rationale in the function check, and calls it in a pipeline \(`\| tee lint.log`\) without `set -o pipefail`/);
    expect(verdict(`check() { ${LINE} || exit 1; }\necho | check "$1" || true`)).toMatch(/^runs rationale in the function check, and calls it with `\|\| true` after it/);
    // Not in the pipeline: `&&` runs it in the hook's shell, and a job waited for keeps its status.
    expect(verdict(`check() { ${LINE} || exit 1; }\ncheck "$1" && echo ok | tee lint.log`)).toBeUndefined();
    expect(verdict(`check() { ${LINE} || exit 1; }\ncheck "$1" &\nwait $!`)).toBeUndefined();
  });

  it("reads an exit in a group piped on or run in the background as the end of the group's own subshell", () => {
    const group = "runs rationale in a group (`{ …; }`), whose `exit 1` ends only the subshell that runs the group,";
    expect(verdict(`{ ${LINE} || exit 1; } | cat`)).toBe(
      `${group} in a pipeline (\`| cat\`) without \`set -o pipefail\`, so the hook gets the status of the pipeline's last command and ${LOST.slice(3)}; take rationale out of the pipeline, or make the hook a bash script (\`#!/usr/bin/env bash\`) with \`set -o pipefail\` (sh has no \`set -o pipefail\` where it is dash, Debian's and Ubuntu's sh)`,
    );
    expect(verdict(`{ ${LINE} || exit 1; } &`)).toBe(`${group} in the background (\`&\`), so git commits without waiting for its verdict; remove the \`&\``);
    expect(verdict(`{\n  ${LINE} || {\n    echo "bad message" >&2\n    exit 1\n  }\n} 2>&1 | tee lint.log`)).toMatch(/^runs rationale in a group \(`\{ …; \}`\), whose `exit 1` ends only the subshell that runs the group, in a pipeline/);
    expect(verdict(`{ ${LINE} || exit 1; echo checked; } | cat`)).toMatch(/^runs rationale in a group .*, in a pipeline \(`\| cat`\)/);
    expect(verdict(`check() { ${LINE} || exit 1; }\n{ check "$1"; } | cat`)).toMatch(/^runs rationale in the function check, and calls it in a group .*, in a pipeline/);
    // An exit in a group after || inside a subshell ends the subshell alone too.
    expect(verdict(`( ${LINE} || { echo "bad message"; exit 1; } ) || true`)).toMatch(/^runs rationale in a subshell \(`\( … \)`\), whose `exit 1` ends the subshell alone, with `\|\| true` after it/);
    // A group in the hook's own shell ends the hook; one piped into is not read (zsh runs it there).
    expect(verdict(`{ ${LINE} || exit 1; } >lint.log 2>&1`)).toBeUndefined();
    expect(verdict(`{ ${LINE} || exit 1; } && echo ok | cat`)).toBeUndefined();
    expect(verdict(`echo | { ${LINE} || exit 1; }`)).toBeUndefined();
    expect(verdict(`${LINE} || { echo "bad message"; exit 1; }\necho done`)).toBeUndefined();
  });

  it("reads a group or subshell run in the background or piped on as rationale's own command", () => {
    expect(verdict(`( ${LINE} ) &`)).toBe("runs rationale in a subshell (`( … )`) in the background (`&`), so git commits without waiting for its verdict; remove the `&`");
    expect(verdict(`{ ${LINE}; } &\necho started`)).toMatch(/^runs rationale in a group \(`\{ …; \}`\) in the background \(`&`\)/);
    expect(verdict(`${LINE} && echo ok &`)).toMatch(/^runs rationale in the background \(`&`\)/);
    expect(verdict(`( ${LINE} ) | tee lint.log`)).toMatch(/^runs rationale in a subshell \(`\( … \)`\) in a pipeline \(`\| tee lint.log`\) without `set -o pipefail`/);
    expect(verdict(`{ ${LINE} && echo ok; } | tee lint.log`)).toMatch(/^runs rationale in a group \(`\{ …; \}`\) in a pipeline \(`\| tee lint.log`\)/);
    // A job waited for keeps its status; a pipe after an && command is that command's own.
    expect(verdict(`( ${LINE} ) &\nwait $!`)).toBeUndefined();
    expect(verdict(`${LINE} && echo ok | tee lint.log`)).toBeUndefined();
  });
});

describe("ignoredVerdict() for rationale ending a branch of an if, a case arm or a loop's body", () => {
  const then = (where: string, next: string) =>
    `runs rationale as the last command of ${where}, then \`${next}\` with no \`set -e\`, so the hook ends with the status of its last command and ${LOST.slice(3)}; end rationale's line with \`|| exit 1\``;

  it("reads the if, case or loop as ending with rationale's status, and reads on after it", () => {
    expect(verdict(`if [ -z "$SKIP" ]; then ${LINE}; fi\necho done`)).toBe(then("an `if` branch", "echo done"));
    expect(verdict(`if [ -n "$SKIP" ]; then\n  echo skipped\nelse\n  ${LINE}\nfi\necho done`)).toBe(then("an `if` branch", "echo done"));
    expect(verdict(`if [ -z "$SKIP" ]; then ${LINE}; elif [ -n "$CI" ]; then :; fi; echo done`)).toBe(then("an `if` branch", "echo done"));
    expect(verdict(`if a; then\n  if b; then ${LINE} && echo ok; fi\nfi\nexit 0`)).toBe(then("an `if` branch", "exit 0"));
    expect(verdict(`case "$1" in\n  *.msg) ${LINE} ;;\n  *) echo other ;;\nesac\necho done`)).toBe(then("a `case` arm", "echo done"));
    expect(verdict(`case "$1" in\n  *) ${LINE}\nesac\necho done`)).toBe(then("a `case` arm", "echo done"));
    expect(verdict(`for f in "$1"; do ${LINE}; done\necho done`)).toBe(then("a loop's body", "echo done"));
    expect(verdict(`if [ -z "$SKIP" ]; then ${LINE}; fi || true`)).toBe(
      `runs rationale as the last command of an \`if\` branch with \`|| true\` after it, ${LOST}; replace \`|| true\` with \`|| exit 1\``,
    );
    expect(verdict(`case "$1" in *) ${LINE};; esac || true`)).toMatch(/^runs rationale as the last command of a `case` arm with `\|\| true` after it/);
    expect(verdict(`while read -r f; do ${LINE}; done <list | cat`)).toMatch(/^runs rationale as the last command of a loop's body in a pipeline \(`\| cat`\)/);
  });

  it("keeps the verdict where the branch's status is not rationale's, or the hook ends with it", () => {
    // Another command ends the branch, a case arm runs on into the next, or an exit ends the hook.
    expect(verdict(`if a; then ${LINE}; echo checked; fi\necho done`)).toBeUndefined();
    expect(verdict(`case x in a) ${LINE} ;& b) echo b ;; esac\necho done`)).toBeUndefined();
    expect(verdict(`if a; then ${LINE} || exit 1; fi\necho done`)).toBeUndefined();
    // A bare exit returns the if's status; set -e stops at rationale's failure inside the if.
    expect(verdict(`if a; then ${LINE}; fi\nexit`)).toBeUndefined();
    expect(verdict(`set -e\nif a; then ${LINE}; fi\necho done`)).toBeUndefined();
    expect(verdict(`for f in "$1"; do ${LINE}; done`)).toBeUndefined();
  });
});

describe("ignoredVerdict() for a pipeline after &&", () => {
  it("reads a failure as skipping the whole pipeline after &&, to the commands after it", () => {
    expect(verdict(`${LINE} && echo ok | tee log\necho done`)).toBe(
      `runs rationale, then \`echo done\` with no \`set -e\`, so the hook ends with the status of its last command and ${LOST.slice(3)}; end rationale's line with \`|| exit 1\``,
    );
    expect(verdict(`${LINE} && echo ok | tee log | cat || true`)).toMatch(/^runs rationale with `\|\| true` after it/);
    expect(verdict(`set -e\n${LINE} && echo ok | tee log\necho done`)).toMatch(/^runs rationale before `&&` \(whose failure `set -e` lets pass\), then `echo done`/);
    // The pipeline's last command ends the hook, or an exit after it does.
    expect(verdict(`${LINE} && echo ok | tee log`)).toBeUndefined();
    expect(verdict(`${LINE} && echo ok | tee log || exit 1\necho done`)).toBeUndefined();
  });
});

describe("ignoredVerdict() for a bare exit in the branch a failure takes", () => {
  const ELSE = `runs rationale as an \`if\` condition whose \`else\` branch does not \`exit 1\`, ${LOST}; end that branch with \`exit 1\``;

  it("reads a bare exit or exit $? after a command that succeeds as exit 0", () => {
    expect(verdict(`if ${LINE}; then echo ok; else echo bad; exit; fi`)).toBe(ELSE);
    expect(verdict(`if ${LINE}; then\n  echo ok\nelse\n  echo "bad message" >&2\n  exit\nfi`)).toBe(ELSE);
    expect(verdict(`if ${LINE}; then :; else printf 'bad\\n'; exit $?; fi`)).toBe(ELSE);
    expect(verdict(`if ${LINE}; then :; else true; exit; fi`)).toBe(ELSE);
    // After `&&`, whatever ran before it succeeded.
    expect(verdict(`if ${LINE}; then :; else [ -n "$CI" ] && exit; fi`)).toBe(ELSE);
    // `then` after `!` starts on the negation's status, 0.
    expect(verdict(`if ! ${LINE}; then exit; fi`)).toMatch(/^runs rationale as an `if !` condition whose `then` branch does not `exit 1`/);
    expect(verdict(`if ! ${LINE}; then echo bad; exit $?; fi`)).toMatch(/^runs rationale as an `if !` condition whose `then` branch does not `exit 1`/);
  });

  it("reads one that passes a failure on as exit 1", () => {
    // First in `else`, it returns the failed condition's status.
    expect(verdict(`if ${LINE}; then :; else exit; fi`)).toBeUndefined();
    expect(verdict(`if ${LINE}; then :; else exit $?; fi`)).toBeUndefined();
    expect(verdict(`if ${LINE}; then :; else echo bad; false || exit; fi`)).toBeUndefined();
    expect(verdict(`if ${LINE}; then :; else echo bad; false; exit; fi`)).toBeUndefined();
    expect(verdict(`if ! ${LINE}; then echo bad; false; exit; fi`)).toBeUndefined();
    expect(verdict(`if ${LINE}; then :; else echo bad; ! echo; exit; fi`)).toBeUndefined();
    // The status of another command is not followed: no warning rather than a wrong one.
    expect(verdict(`if ${LINE}; then :; else notify-send "bad message"; exit; fi`)).toBeUndefined();
    expect(verdict(`if ${LINE}; then :; else if [ -n "$CI" ]; then echo ci; fi; exit; fi`)).toBeUndefined();
  });
});

describe("crlfFailure()", () => {
  const crlf = (text: string) => text.replace(/\n/g, "\r\n");

  it("tells a hook git cannot start, or husky's sh -e stops, from one sh misreads to its last line", () => {
    // git runs the file by its `#!` line, which names "/bin/sh\r".
    expect(crlfFailure(crlf(`#!/bin/sh\n${LINE}\n`), "sh")).toBe("unstartable");
    expect(crlfFailure(crlf(`#!/usr/bin/env bash\n${LINE}\n`), "bash")).toBe("unstartable");
    // Git for Windows reads the `#!` line itself, up to the carriage return: it starts the hook.
    expect(crlfFailure(crlf(`#!/bin/sh\n${LINE}\n`), "sh", "win32")).toBe("misread");
    expect(crlfFailure(crlf(`#!/bin/sh\n${LINE}\n`), "sh", "linux")).toBe("unstartable");
    expect(crlfFailure(crlf(`#!/bin/sh\n${LINE}\n`), "husky", "win32")).toBe("every-commit");
    // husky's runner reads it with sh -e, whatever its `#!` line: the first broken line stops it.
    expect(crlfFailure(crlf(`#!/bin/sh\n${LINE}\n`), "husky")).toBe("every-commit");
    expect(crlfFailure(crlf(`${LINE}\n`), "husky")).toBe("every-commit");
    // A `#!` line in LF, or none: sh runs it, and its last line's status is the hook's.
    expect(crlfFailure(`#!/bin/sh\n${crlf(`${LINE}\necho done\n`)}`, "sh")).toBe("misread");
    expect(crlfFailure(crlf(`${LINE}\n`), "sh")).toBe("misread");
  });
});

describe("ignoredVerdict() on a long hook", () => {
  /** `count` lines of `text`, each with its number in place of `#` (at the end without one). */
  const lines = (count: number, text: string) => Array.from({ length: count }, (_, n) => `  ${text.includes("#") ? text.replace("#", String(n)) : `${text} ${n}`}`).join("\n");
  /** Hooks of about `n` lines (three times that for the last) of each form, with the verdict each gets. */
  const hooks = (n: number): [string, RegExp | undefined][] => [
    [`if ${LINE}; then\n${lines(n, "echo ok")}\nfi`, /^runs rationale as an `if` condition with no `else exit 1`/],
    [`if ${LINE}; then\n${lines(n, "echo ok")}\nelse\n${lines(n, "echo bad")}\n  exit 1\nfi`, undefined],
    [`if ${LINE}; then\n${lines(n, "echo ok")}\nelif [ -n "$CI" ]; then\n${lines(n, ":")}\nfi\n${lines(n, "true")}\nexit 1`, undefined],
    [`( ${LINE} || exit 1\n${lines(n, "echo left")}\n) || true`, /^runs rationale in a subshell \(`\( … \)`\), whose `exit 1` ends the subshell alone, with `\|\| true` after it/],
    [`${LINE}\n${lines(n, "echo checked")}`, /^runs rationale, then `echo checked 0` with no `set -e`/],
    [`{ ${LINE} &&\n${lines(n, 'x="$(date +#)" &&')}\n  echo done; } >"$(mktemp)" || true`, /^runs rationale in a group \(`\{ …; \}`\) with `\|\| true` after it/],
  ];

  it("reads each form to its verdict in steps that grow as the hook does, not as its square", () => {
    const small = hooks(2_000);
    const large = hooks(8_000);
    for (const [n, [text, expected]] of small.entries()) {
      steps = 0;
      const found = verdict(text);
      const fewer = steps;
      steps = 0;
      const more = verdict(large[n][0]);
      const counted = steps;
      if (expected === undefined) {
        expect(found, text.slice(0, 60)).toBeUndefined();
        expect(more, text.slice(0, 60)).toBeUndefined();
      } else {
        expect(found, text.slice(0, 60)).toMatch(expected);
        expect(more, text.slice(0, 60)).toMatch(expected);
      }
      // Four times the lines: about four times the steps when linear, sixteen when quadratic.
      expect(fewer, text.slice(0, 60)).toBeGreaterThan(2_000);
      expect(counted / fewer, text.slice(0, 60)).toBeLessThan(5);
    }
  });
});
