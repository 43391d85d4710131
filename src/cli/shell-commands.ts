// Splits a shell script into its simple commands, enough to tell a command from a comment or data.

/** One word of a command: its text with the quotes taken off, and where it is in the script. */
export interface ShellWord {
  /** The word as the shell reads it, quotes removed; `$1`, `$(...)` and other expansions stay as written. */
  text: string;
  /** The word as written, quotes included. */
  raw: string;
  /** Offsets of the word in the script; -1 for a word of a script given as a string (`sh -c '…'`). */
  start: number;
  end: number;
}

/**
 * A compound command around a simple one: `if`, a loop, `case`, a `{ … }` group, a `( … )`
 * subshell, a function's body, a command substitution, or a script given as a string (`sh -c`,
 * `eval`, a here-document given to a shell).
 */
export interface Enclosing {
  kind: "if" | "loop" | "case" | "group" | "subshell" | "function" | "substitution" | "script";
  /** The function's name, for a function's body. */
  name?: string;
  /**
   * Where in the compound command the simple one is: an `if`'s or loop's `condition`, an `if`'s
   * `then` or `else` branch, a loop's `body` (a `for` loop's words are its `head`), a `case`
   * branch (`branch`).
   */
  part?: "condition" | "then" | "else" | "head" | "body" | "pattern" | "branch";
  /**
   * For an `if`: which of its conditions the part goes with, 0 for the `if`'s own and one more
   * at each `elif` (`then` is that condition's branch; `else` keeps the last number).
   */
  clause?: number;
  /** For a group or subshell: whether a `!` before it (`if ! ( … )`, `! { …; }`) turns its status around. */
  negated?: boolean;
  /** For a function: whether its body is a subshell (`name() ( … )`), which an `exit` in it ends alone. */
  subshell?: boolean;
  /** Tells one compound command from another of its kind. */
  id: number;
}

/** A simple command: its words, without redirections (`>&2`, `2>/dev/null`, `<<EOF`). */
export interface ShellCommand {
  words: ShellWord[];
  /** The compound commands it is part of, outermost first; empty at the top of the script. */
  within: readonly Enclosing[];
  /** The operator before it in its list (`&&`, `||`, `|`, `;`, a newline…), "" for the first. */
  before: string;
  /** The lines of a here-document the command reads (`sh <<EOF`), without its end line. */
  input?: string;
  /** The 0-based line of the script the command starts on (for a nested script, the line of the word holding it). */
  line: number;
  /**
   * The operator that ends the command: `;`, `&`, `&&`, `||`, `|`, `(`, `)`, a newline, or "" at
   * the end of the script (or of the substitution or nested script holding it).
   */
  after: string;
  /**
   * For the script's last command, when an operator ends the script after the `)` of a subshell
   * it ends (`( rationale … ) &`): that operator, which no command after it holds as `before`.
   */
  trailing?: string;
}

/** Words that open or close a compound command: the command proper comes after them. */
const RESERVED = new Set(["!", "{", "}", "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "time"]);

/** Gives each compound command read its own Enclosing.id. */
let nextId = 0;

/**
 * How deep `$(…)`, backquotes, `sh -c` and `eval` are followed into one another: each level is a
 * call on the stack, and a hook of nothing but `$(` (or a binary file) would overflow it.
 */
const MAX_DEPTH = 32;

/** Shells whose `-c` argument is a script they run. */
const SHELLS = new Set(["sh", "bash", "dash", "zsh", "ksh", "/bin/sh", "/bin/bash"]);

/**
 * The simple commands of `script`, in order, including those inside `$(...)` and backquotes, and
 * those of a script given to `sh -c` or `eval`. Read as the shell reads words: quotes (`'…'`,
 * `"…"`, backslashes), comments (a `#` that starts a word), the operators between commands (`;`,
 * `&`, `&&`, `||`, `|`, parentheses, newlines) and redirections, whose targets are no words of the
 * command; a here-document's lines are data, not commands, unless a shell reads them as its
 * script (`sh <<EOF`). Each command says which compound commands hold it (`within`: `if`, loops,
 * `case`, groups, subshells, function bodies, whose definitions are no commands; a `case`
 * pattern is no command either). Not a full shell parser: no aliases, no function calls
 * followed, nothing nested deeper than MAX_DEPTH is read. `level` is how deep the script itself
 * is nested (0 for a hook), for the recursion into `sh -c` and `eval`.
 */
export function shellCommands(script: string, level = 0): ShellCommand[] {
  const commands: ShellCommand[] = [];
  new Reader(script, commands, lineStarts(script), 0).list(0, "");
  // A script given as a string nests as deep as its quoting allows (`eval eval eval …`); past a
  // few levels no hook means anything by it.
  if (level >= MAX_DEPTH) return commands;
  // Only the script's own commands: those of a nested script come back with its own nested
  // ones, and reading them again would double the work at each level.
  const own = commands.length;
  for (let at = 0; at < own && at < 1000; at++) {
    const holder = commands[at];
    const nested = nestedScript(holder);
    if (nested === undefined) continue;
    const around: Enclosing[] = [...holder.within, { kind: "script", id: nextId++ }];
    for (const command of shellCommands(nested, level + 1)) {
      const words = command.words.map((word) => ({ ...word, start: -1, end: -1 }));
      commands.push({ ...command, line: holder.line, words, within: [...around, ...command.within] });
    }
  }
  return commands;
}

/**
 * The first word of a command that names what it runs: after the reserved words that open a
 * compound command (`if`, `!`, `{`) and the variable assignments before it (`FORCE_COLOR=0`).
 * Undefined for a command of assignments alone.
 */
export function programWord(words: readonly ShellWord[]): ShellWord | undefined {
  return words.find((word) => !RESERVED.has(word.raw) && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(word.raw));
}

/**
 * The script a command runs as a string: `sh -c SCRIPT`, `eval WORDS…`, or a here-document a
 * shell reads as its script (`sh <<EOF`, `bash -s <<'EOF'`: no script file named).
 */
function nestedScript({ words, input }: ShellCommand): string | undefined {
  const program = programWord(words);
  if (program === undefined) return undefined;
  const rest = words.slice(words.indexOf(program) + 1);
  if (program.text === "eval") return rest.map((word) => word.text).join(" ");
  if (!SHELLS.has(program.text)) return undefined;
  const flag = rest.findIndex((word) => /^-[a-z]*c[a-z]*$/.test(word.text));
  if (flag >= 0) return rest[flag + 1]?.text;
  return rest.every((word) => word.text.startsWith("-")) ? input : undefined;
}

/** Reads `script` from an offset, collecting the commands it finds. */
class Reader {
  private at = 0;
  /** Here-documents whose lines start after the current line: their end words, whether tabs are stripped (`<<-`), and the words of the command reading it. */
  private heredocs: { end: string; tabs: boolean; owner: ShellWord[] }[] = [];
  /** The character that ends what this reader reads (a backquote's), or "". */
  private close = "";
  /** The compound commands open at the current offset, innermost last. */
  private readonly open: Enclosing[] = [];

  constructor(
    private readonly script: string,
    private readonly commands: ShellCommand[],
    /** The offsets where the script's lines start (lineStarts), for each command's line. */
    private readonly starts: readonly number[],
    /** How many substitutions this reader is inside (not the parentheses `list` counts). */
    private readonly nesting: number,
    /** The compound commands around the substitution this reader reads (none for the script itself). */
    private readonly around: readonly Enclosing[] = [],
  ) {}

  /** The compound commands around the current offset, as they are now (a part changes later). */
  private within(): Enclosing[] {
    return [...this.around, ...this.open.map((enclosing) => ({ ...enclosing }))];
  }

  /**
   * Reads commands from `start` to the end of the script, or to the unquoted `close` character
   * (`)` of `$(`, or a backquote); returns the offset just past it.
   */
  list(start: number, close: string): number {
    const s = this.script;
    this.at = start;
    this.close = close;
    let words: ShellWord[] = [];
    let redirect: "" | "file" | "heredoc" | "heredoc-tabs" = "";
    // Parentheses opened inside `$(`: a subshell's `)` does not end the substitution.
    let depth = 0;
    let before = "";
    // A function defined (`name()`, `function name`) whose body, the next compound command, is still to come.
    let defining: string | undefined;
    // The last command this list read, for an operator that ends the script after it (ShellCommand.trailing).
    let pushed: ShellCommand | undefined;
    const endCommand = (after: string) => {
      if (words.length > 0) {
        pushed = { words, line: lineOf(this.starts, words[0].start), after, before, within: this.within() };
        this.commands.push(pushed);
        before = after;
      } else if (after !== "\n") {
        // A newline after `&&` or `|` continues the list: the operator before the next command stays.
        before = after;
      }
      words = [];
    };
    while (this.at < s.length) {
      const c = s[this.at];
      const top = this.open.at(-1);
      if (close !== "" && c === close && depth === 0) {
        endCommand("");
        return this.at + 1;
      }
      if (c === " " || c === "\t" || c === "\r") {
        this.at++;
      } else if (c === "\n") {
        endCommand("\n");
        this.at++;
        this.skipHeredocs();
      } else if (c === "#") {
        while (this.at < s.length && s[this.at] !== "\n") this.at++;
      } else if (c === "\\" && s[this.at + 1] === "\n") {
        this.at += 2;
      } else if (top?.kind === "case" && top.part === "pattern" && (c === "|" || c === "(" || c === ")")) {
        // A case pattern (`a|b)`, `(a)`): its `)` opens the branch.
        if (c === ")") top.part = "branch";
        this.at++;
      } else if (c === ";" && s[this.at + 1] === ";" && top?.kind === "case") {
        // `;;` (or bash's `;;&`) ends a case branch: a pattern comes next.
        endCommand(";;");
        this.at += s[this.at + 2] === "&" ? 3 : 2;
        top.part = "pattern";
      } else if (c === ";" && s[this.at + 1] === "&" && top?.kind === "case") {
        endCommand(";&");
        this.at += 2;
        top.part = "pattern";
      } else if (c === "(" && (definition(words) || (words.length === 0 && defining !== undefined)) && /^\(\s*\)/.test(s.slice(this.at, this.at + 20))) {
        // `name()` (or bash's `function name()`): a function's definition, no command; its body
        // is the compound command after it.
        defining = words.at(-1)?.text ?? defining;
        words = [];
        this.at = s.indexOf(")", this.at) + 1;
      } else if (c === ";" || c === "&" || c === "|" || c === "(" || c === ")") {
        if (close === ")" && c === "(") depth++;
        if (close === ")" && c === ")") depth--;
        // `&&` and `||` are one operator: what follows runs only on the first command's status.
        const op = (c === "&" || c === "|") && s[this.at + 1] === c ? c + c : c;
        // The reserved words before a subshell (`if !`) are its own: a `!` there negates it.
        const negated = c === "(" && words.every((word) => RESERVED.has(word.raw)) && negates(words);
        endCommand(op);
        this.at += op.length;
        if (c === "(") {
          this.open.push(defining === undefined ? { kind: "subshell", id: nextId++, ...(negated ? { negated } : {}) } : { kind: "function", name: defining, subshell: true, id: nextId++ });
          defining = undefined;
        } else if (c === ")" && (top?.kind === "subshell" || top?.kind === "function")) {
          this.open.pop();
        }
      } else if (c === "<" || c === ">") {
        const op = /^(<<-|<<|>>|>&|<&|<>|>\||<|>)/.exec(s.slice(this.at, this.at + 3))![1];
        this.at += op.length;
        redirect = op === "<<" ? "heredoc" : op === "<<-" ? "heredoc-tabs" : "file";
      } else {
        const word = this.word();
        // A redirection's file, or a number right before `>` (`2>/dev/null`), is no word of the command.
        if (redirect !== "") {
          if (redirect !== "file") this.heredocs.push({ end: word.text, tabs: redirect === "heredoc-tabs", owner: words });
          redirect = "";
        } else if (top?.kind === "case" && top.part === "pattern") {
          // A pattern's words are no command; `esac` ends the case.
          if (word.raw === "esac") this.open.pop();
        } else if (!(/^\d+$/.test(word.raw) && (s[this.at] === ">" || s[this.at] === "<"))) {
          if (words.every((earlier) => RESERVED.has(earlier.raw))) defining = this.opens(word.raw, defining, words);
          words.push(word);
          if (top?.kind === "case" && top.part === "head" && word.raw === "in") {
            endCommand("\n");
            top.part = "pattern";
          } else if (words.length === 2 && words[0].raw === "function" && definition(words.slice(1))) {
            // bash's `function name`: a definition, no command.
            defining = word.text;
            words = [];
          }
        }
      }
    }
    if (words.length === 0 && pushed?.after === ")" && (before === "&" || before === ";")) pushed.trailing = before;
    endCommand("");
    return this.at;
  }

  /**
   * Follows a word at the start of a command that opens, goes on with or closes a compound
   * command (`if`, `then`, `done`, `{`, …), after the reserved words `leading`. `defining` is the
   * function whose body a `{` opens; returns it while still to come.
   */
  private opens(word: string, defining: string | undefined, leading: readonly ShellWord[]): string | undefined {
    const top = this.open.at(-1);
    const part = (kind: Enclosing["kind"], to: Enclosing["part"]) => {
      if (top?.kind === kind) top.part = to;
    };
    const close = (...kinds: Enclosing["kind"][]) => {
      if (top !== undefined && kinds.includes(top.kind)) this.open.pop();
    };
    if (word === "if") this.open.push({ kind: "if", part: "condition", clause: 0, id: nextId++ });
    else if (word === "elif") {
      part("if", "condition");
      if (top?.kind === "if") top.clause = (top.clause ?? 0) + 1;
    }
    else if (word === "then") part("if", "then");
    else if (word === "else") part("if", "else");
    else if (word === "fi") close("if");
    else if (word === "while" || word === "until") this.open.push({ kind: "loop", part: "condition", id: nextId++ });
    else if (word === "for" || word === "select") this.open.push({ kind: "loop", part: "head", id: nextId++ });
    else if (word === "do") part("loop", "body");
    else if (word === "done") close("loop");
    else if (word === "case") this.open.push({ kind: "case", part: "head", id: nextId++ });
    else if (word === "esac") close("case");
    else if (word === "}") close("group", "function");
    else if (word === "{") {
      const negated = negates(leading);
      this.open.push(defining === undefined ? { kind: "group", id: nextId++, ...(negated ? { negated } : {}) } : { kind: "function", name: defining, id: nextId++ });
      return undefined;
    }
    return defining;
  }

  /** Reads one word from the current offset: quotes and escapes taken off, substitutions read as commands. */
  private word(): ShellWord {
    const s = this.script;
    const start = this.at;
    let text = "";
    while (this.at < s.length) {
      const c = s[this.at];
      if (" \t\r\n;&|()<>".includes(c) || c === this.close) break;
      if (c === "\\") {
        if (s[this.at + 1] !== "\n") text += s[this.at + 1] ?? "";
        this.at += 2;
      } else if (c === "'") {
        const end = s.indexOf("'", this.at + 1);
        const stop = end < 0 ? s.length : end;
        text += s.slice(this.at + 1, stop);
        this.at = stop + 1;
      } else if (c === '"') {
        text += this.doubleQuoted();
      } else if (this.atSubstitution()) {
        text += this.substitution();
      } else if (c === "$" && s[this.at + 1] === "{") {
        const end = s.indexOf("}", this.at);
        const stop = end < 0 ? s.length : end + 1;
        text += s.slice(this.at, stop);
        this.at = stop;
      } else {
        text += c;
        this.at++;
      }
    }
    return { text, raw: s.slice(start, this.at), start, end: this.at };
  }

  /** Reads a double-quoted part from its opening quote; returns its text. */
  private doubleQuoted(): string {
    const s = this.script;
    let text = "";
    this.at++;
    while (this.at < s.length && s[this.at] !== '"') {
      const c = s[this.at];
      if (c === "\\" && '$`"\\\n'.includes(s[this.at + 1] ?? "")) {
        if (s[this.at + 1] !== "\n") text += s[this.at + 1];
        this.at += 2;
      } else if (this.atSubstitution()) {
        text += this.substitution();
      } else {
        text += c;
        this.at++;
      }
    }
    this.at++;
    return text;
  }

  /** Whether a command substitution (`$(` or a backquote) starts at the current offset. */
  private atSubstitution(): boolean {
    const c = this.script[this.at];
    return c === "`" || (c === "$" && this.script[this.at + 1] === "(");
  }

  /** Reads the command substitution at the current offset (see atSubstitution); returns it as written. */
  private substitution(): string {
    const from = this.at;
    this.at = this.script[from] === "`" ? this.nested(from + 1, "`") : this.nested(from + 2, ")");
    return this.script.slice(from, this.at);
  }

  /** Reads a command substitution's commands (into the same list) from `start`; returns the offset past its end. */
  private nested(start: number, close: string): number {
    // Too deep to follow: the rest of the script is read as no commands at all.
    if (this.nesting >= MAX_DEPTH) return this.script.length;
    const inner = new Reader(this.script, this.commands, this.starts, this.nesting + 1, [...this.within(), { kind: "substitution", id: nextId++ }]);
    return inner.list(start, close);
  }

  /** Passes over the lines of the here-documents opened on the line just read, giving each to the command that reads it (ShellCommand.input). */
  private skipHeredocs(): void {
    const s = this.script;
    for (const { end, tabs, owner } of this.heredocs) {
      const lines: string[] = [];
      while (this.at < s.length) {
        const stop = s.indexOf("\n", this.at);
        const lineEnd = stop < 0 ? s.length : stop;
        let line = s.slice(this.at, lineEnd).replace(/\r$/, "");
        if (tabs) line = line.replace(/^\t+/, "");
        this.at = lineEnd + 1;
        if (line === end) break;
        lines.push(line);
      }
      const reader = this.commands.findLast((command) => command.words === owner);
      if (reader !== undefined) reader.input = lines.join("\n");
    }
    this.heredocs = [];
  }
}

/**
 * Whether the reserved words before a pipeline (`if !`, `then ! {`) negate it: an odd number of
 * `!` after the last word that starts a list (`if`, `then`, `{`, …), whose `!` negates the
 * compound command it opens (`! if …`) instead.
 */
export function negates(leading: readonly ShellWord[]): boolean {
  let count = 0;
  for (const word of leading) {
    if (word.raw === "!") count++;
    else if (word.raw !== "time") count = 0;
  }
  return count % 2 === 1;
}

/** Whether `words` (the command so far) are a function's name, as `name()` or bash's `function name` define it. */
function definition(words: readonly ShellWord[]): boolean {
  return words.length === 1 && /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(words[0].raw) && !RESERVED.has(words[0].raw);
}

/** The offsets in `script` where its lines start, the first line's (0) included. */
function lineStarts(script: string): number[] {
  const starts = [0];
  for (let i = script.indexOf("\n"); i >= 0; i = script.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The 0-based line of offset `at`, given the offsets where lines start: a binary search, so a long hook is not read again for each command. */
function lineOf(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}
