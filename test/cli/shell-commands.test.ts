// shellCommands(): a hook script read as the shell reads it, command by command.
import { describe, expect, it } from "vitest";
import { programWord, shellCommands } from "../../src/cli/shell-commands.js";

/** Each command's words as the shell reads them. */
const texts = (script: string) => shellCommands(script).map((command) => command.words.map((word) => word.text));

describe("shellCommands()", () => {
  it("splits at ;, &, &&, ||, |, parentheses and newlines, and takes quotes off", () => {
    expect(texts(`a 'b c' "d \\"e\\"" f\\ g; h && i || j | k & l\n(m) n`)).toEqual([
      ["a", "b c", 'd "e"', "f g"],
      ["h"],
      ["i"],
      ["j"],
      ["k"],
      ["l"],
      ["m"],
      ["n"],
    ]);
  });

  it("tells the operator that ends each command, && and || as one", () => {
    const ends = shellCommands(`a; h && i || j | k & l\n(m) n\nx=$(o || p) q`).map((command) => [command.words[0].text, command.after]);
    expect(ends).toEqual([
      ["a", ";"],
      ["h", "&&"],
      ["i", "||"],
      ["j", "|"],
      ["k", "&"],
      ["l", "\n"],
      ["m", ")"],
      ["n", "\n"],
      ["o", "||"],
      ["p", ""],
      ["x=$(o || p)", ""],
    ]);
  });

  it("leaves out comments, redirections and here-documents, and joins continued lines", () => {
    expect(texts('# rationale lint\na b#c # d\ne 2>/dev/null >&2 <in f\ncat <<-EOF >out\n\tg h\n\tEOF\ni \\\n  j')).toEqual([
      ["a", "b#c"],
      ["e", "f"],
      ["cat"],
      ["i", "j"],
    ]);
    // A quoted end word, and a CRLF script: the lines up to it are data all the same.
    expect(texts("cat <<'END'\r\nrun it\r\nEND\r\nk\r\n")).toEqual([["cat"], ["k"]]);
  });

  it("reads the commands of $(...), backquotes, sh -c and eval, with a subshell's ) inside $(", () => {
    expect(texts('x=$(a "b c" $(d)) `e f` && echo "$(g)"')).toEqual([
      ["d"],
      ["a", "b c", "$(d)"],
      ["e", "f"],
      ['x=$(a "b c" $(d))', "`e f`"],
      ["g"],
      ["echo", "$(g)"],
    ]);
    expect(texts("y=$( (h) ; i)")).toEqual([["h"], ["i"], ["y=$( (h) ; i)"]]);
    const nested = shellCommands(`sh -ec 'rationale lint --edit "$1"' sh "$1"\neval rationale lint`);
    expect(nested.map((command) => command.words.map((word) => word.text))).toEqual([
      ["sh", "-ec", 'rationale lint --edit "$1"', "sh", "$1"],
      ["eval", "rationale", "lint"],
      ["rationale", "lint", "--edit", "$1"],
      ["rationale", "lint"],
    ]);
    // A nested script's words have no place in the hook; its commands keep the line of the word.
    expect(nested[2]).toMatchObject({ line: 0, words: [{ start: -1, end: -1 }, {}, {}, {}] });
    expect(nested[3].line).toBe(1);
  });

  it("gives each word's place in the script and each command's line", () => {
    const script = 'a\n  "b" c >&2 # d';
    const [, second] = shellCommands(script);
    expect(second.line).toBe(1);
    expect(second.words.map((word) => [word.raw, script.slice(word.start, word.end)])).toEqual([
      ['"b"', '"b"'],
      ["c", "c"],
    ]);
  });

  it("programWord() passes over reserved words and assignments", () => {
    const [command] = shellCommands('if ! FORCE_COLOR=0 node cli.js lint; then :; fi');
    expect(programWord(command.words)?.text).toBe("node");
    expect(programWord(shellCommands("A=1 B=2")[0].words)).toBeUndefined();
  });
});

/** Each command as `words [enclosing kinds/parts]`, and the operator before it when `before` is set. */
const shapes = (script: string, before = false) =>
  shellCommands(script).map((command) => {
    const within = command.within.map((enclosing) => `${enclosing.kind}${enclosing.name ? ` ${enclosing.name}` : ""}${enclosing.part ? `/${enclosing.part}` : ""}`).join(" > ");
    return `${command.words.map((word) => word.text).join(" ")} [${within}]${before ? ` after ${JSON.stringify(command.before)}` : ""}`;
  });

describe("shellCommands(): the compound commands around each command", () => {
  it("tells an if's condition from its branches, and a loop's condition from its body", () => {
    expect(shapes('if ! rationale lint; then exit 1; else echo ok; fi\nwhile read -r l; do echo "$l"; done\nx')).toEqual([
      "if ! rationale lint [if/condition]",
      "then exit 1 [if/then]",
      "else echo ok [if/else]",
      "fi []",
      "while read -r l [loop/condition]",
      "do echo $l [loop/body]",
      "done []",
      "x []",
    ]);
  });

  it("numbers an if's conditions, elif by elif, and gives each branch its condition's number", () => {
    const clauses = (script: string) =>
      shellCommands(script).map((command) => `${command.words.map((word) => word.text).join(" ")} [${command.within.map((enclosing) => `${enclosing.part}${enclosing.clause ?? ""}`).join(" > ")}]`);
    expect(clauses("if a; then b\nelif c; then d\nelif e\nthen f; else g; fi")).toEqual([
      "if a [condition0]",
      "then b [then0]",
      "elif c [condition1]",
      "then d [then1]",
      "elif e [condition2]",
      "then f [then2]",
      "else g [else2]",
      "fi []",
    ]);
    // An if in an elif's branch numbers its own conditions.
    expect(clauses("if a; then :; elif b; then if c; then d; elif e; then :; fi; fi")).toEqual([
      "if a [condition0]",
      "then : [then0]",
      "elif b [condition1]",
      "then if c [then1 > condition0]",
      "then d [then1 > then0]",
      "elif e [then1 > condition1]",
      "then : [then1 > then1]",
      "fi [then1]",
      "fi []",
    ]);
  });

  it("marks a group or subshell that a ! before it negates, not one after a ! of the if around it", () => {
    const negated = (script: string) => shellCommands(script).map((command) => command.within.map((enclosing) => `${enclosing.kind}${enclosing.negated ? "!" : ""}`).join(" > "));
    expect(negated('if ! ( rationale lint ); then exit 1; fi')).toEqual(["if", "if > subshell!", "if", ""]);
    expect(negated("if ! { rationale lint; }; then exit 1; fi")).toEqual(["if > group!", "if", "if", ""]);
    expect(negated("! ( a ) && ! ! { b; }")).toEqual(["", "subshell!", "group", ""]);
    // A function's body is no group or subshell of the hook's, but says which it is.
    expect(shellCommands("f() ( a )\ng() { b; }").map((command) => command.within[0]?.subshell)).toEqual([true, undefined, undefined]);
    // `! if …` negates the if, not the subshell that is its condition.
    expect(negated("! if ( a ); then :; fi")).toEqual(["if", "if > subshell", "if", ""]);
  });

  it("keeps a & that ends the script after a subshell's ) with the subshell's last command", () => {
    const trailing = (script: string) => shellCommands(script).map((command) => command.trailing);
    expect(trailing('( rationale lint --edit "$1" ) &\n')).toEqual(["&"]);
    expect(trailing("( ( a ) ) &")).toEqual(["&"]);
    // A command after it holds the & as its own `before`; a & after a plain command is its `after`.
    expect(trailing("( a ) &\nwait $!")).toEqual([undefined, undefined]);
    expect(trailing("a &")).toEqual([undefined]);
  });

  it("reads a case pattern as no command, and its branches as commands of the case", () => {
    // A pattern named like a command (`exit)`) runs nothing; `(a)` opens no subshell.
    expect(shapes('case "$x" in\n  rebase*|exit) exit 0 ;;\n  (*) rationale lint || true ;;\nesac\nb')).toEqual([
      "case $x in [case/head]",
      "exit 0 [case/branch]",
      "rationale lint [case/branch]",
      "true [case/branch]",
      "b []",
    ]);
    expect(shapes("case $1 in a) x;; b) y;& *) z\nesac; w")).toEqual(["case $1 in [case/head]", "x [case/branch]", "y [case/branch]", "z [case/branch]", "esac []", "w []"]);
  });

  it("reads a function's definition as no command, and its body as the function's", () => {
    expect(shapes('check() {\n  rationale lint --edit "$1"\n}\ncheck "$1"\nfunction other { a; }\nfunction third() ( b )\n{ c; }')).toEqual([
      "{ [function check]",
      "rationale lint --edit $1 [function check]",
      "} []",
      "check $1 []",
      "{ a [function other]",
      "} []",
      "b [function third]",
      "{ c [group]",
      "} []",
    ]);
  });

  it("gives the operator before each command, across a line continued after && or |", () => {
    expect(shapes('[ -n "$CI" ] &&\n  exit 0\n(exit 0)\nx=$(a | b)', true)).toEqual([
      '[ -n $CI ] [] after ""',
      'exit 0 [] after "&&"',
      'exit 0 [subshell] after "("',
      'a [substitution] after ""',
      'b [substitution] after "|"',
      'x=$(a | b) [] after ")"',
    ]);
  });

  it("reads a here-document given to a shell as its script, and any other here-document as data", () => {
    expect(shapes('sh -e <<EOF\nrationale lint --edit "$1"\nEOF\ncat <<EOF\nrationale lint\nEOF\nbash script.sh <<EOF\nrationale lint\nEOF')).toEqual([
      "sh -e []",
      "cat []",
      "bash script.sh []",
      "rationale lint --edit $1 [script]",
    ]);
    expect(shellCommands("cat <<-A <<B\n\tx\n\tA\ny\nB\n")[0].input).toBe("y");
  });
});

describe("shellCommands() on a long or deeply nested script", () => {
  it("gives the line of each command of a long script", () => {
    const script = Array.from({ length: 3000 }, (_, n) => (n % 2 === 0 ? `a${n}` : `# ${n}`)).join("\n");
    const commands = shellCommands(script);
    expect(commands).toHaveLength(1500);
    expect(commands.map((command) => command.line).filter((line, n) => line !== 2 * n)).toEqual([]);
  });

  it("reads a script nested in scripts once, not again for each level around it", () => {
    const commands = shellCommands(`${"eval ".repeat(12)}rationale lint`);
    expect(commands).toHaveLength(13);
    expect(commands.at(-1)?.words.map((word) => word.text)).toEqual(["rationale", "lint"]);
  });

  it("stops following substitutions and nested scripts past a depth no hook reaches, without overflowing the stack", () => {
    expect(() => shellCommands(`x=${"$(".repeat(5000)}`)).not.toThrow();
    // Thirty levels are followed to the end; a hundred are not.
    expect(shellCommands(`${"eval ".repeat(30)}rationale lint`).at(-1)?.words.map((word) => word.text)).toEqual(["rationale", "lint"]);
    expect(shellCommands(`${"eval ".repeat(100)}rationale lint`).map((command) => command.words[0].text)).not.toContain("rationale");
  });
});
