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

/** A simple command: its words, without redirections (`>&2`, `2>/dev/null`, `<<EOF`). */
export interface ShellCommand {
  words: ShellWord[];
  /** The 0-based line of the script the command starts on (for a nested script, the line of the word holding it). */
  line: number;
  /**
   * The operator that ends the command: `;`, `&`, `&&`, `||`, `|`, `(`, `)`, a newline, or "" at
   * the end of the script (or of the substitution or nested script holding it).
   */
  after: string;
}

/** Words that open or close a compound command: the command proper comes after them. */
const RESERVED = new Set(["!", "{", "}", "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "time"]);

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
 * command; a here-document's lines are data, not commands. Not a full shell parser: no aliases,
 * no function calls followed, a `case` pattern's `)` ends a command as any `)` does, nothing
 * nested deeper than MAX_DEPTH is read. `level` is how deep the script itself is nested (0 for a
 * hook), for the recursion into `sh -c` and `eval`.
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
    const nested = nestedScript(commands[at].words);
    if (nested === undefined) continue;
    const line = commands[at].line;
    for (const command of shellCommands(nested, level + 1)) {
      commands.push({ line, after: command.after, words: command.words.map((word) => ({ ...word, start: -1, end: -1 })) });
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

/** The script a command runs as a string: `sh -c SCRIPT`, `eval WORDS…`. */
function nestedScript(words: readonly ShellWord[]): string | undefined {
  const program = programWord(words);
  if (program === undefined) return undefined;
  const rest = words.slice(words.indexOf(program) + 1);
  if (program.text === "eval") return rest.map((word) => word.text).join(" ");
  if (!SHELLS.has(program.text)) return undefined;
  const flag = rest.findIndex((word) => /^-[a-z]*c[a-z]*$/.test(word.text));
  return flag < 0 ? undefined : rest[flag + 1]?.text;
}

/** Reads `script` from an offset, collecting the commands it finds. */
class Reader {
  private at = 0;
  /** Here-documents whose lines start after the current line: their end words, and whether tabs are stripped (`<<-`). */
  private heredocs: { end: string; tabs: boolean }[] = [];
  /** The character that ends what this reader reads (a backquote's), or "". */
  private close = "";

  constructor(
    private readonly script: string,
    private readonly commands: ShellCommand[],
    /** The offsets where the script's lines start (lineStarts), for each command's line. */
    private readonly starts: readonly number[],
    /** How many substitutions this reader is inside (not the parentheses `list` counts). */
    private readonly nesting: number,
  ) {}

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
    const endCommand = (after: string) => {
      if (words.length > 0) this.commands.push({ words, line: lineOf(this.starts, words[0].start), after });
      words = [];
    };
    while (this.at < s.length) {
      const c = s[this.at];
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
      } else if (c === ";" || c === "&" || c === "|" || c === "(" || c === ")") {
        if (close === ")" && c === "(") depth++;
        if (close === ")" && c === ")") depth--;
        // `&&` and `||` are one operator: what follows runs only on the first command's status.
        const op = (c === "&" || c === "|") && s[this.at + 1] === c ? c + c : c;
        endCommand(op);
        this.at += op.length;
      } else if (c === "<" || c === ">") {
        const op = /^(<<-|<<|>>|>&|<&|<>|>\||<|>)/.exec(s.slice(this.at, this.at + 3))![1];
        this.at += op.length;
        redirect = op === "<<" ? "heredoc" : op === "<<-" ? "heredoc-tabs" : "file";
      } else {
        const word = this.word();
        // A redirection's file, or a number right before `>` (`2>/dev/null`), is no word of the command.
        if (redirect !== "") {
          if (redirect !== "file") this.heredocs.push({ end: word.text, tabs: redirect === "heredoc-tabs" });
          redirect = "";
        } else if (!(/^\d+$/.test(word.raw) && (s[this.at] === ">" || s[this.at] === "<"))) {
          words.push(word);
        }
      }
    }
    endCommand("");
    return this.at;
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
    const inner = new Reader(this.script, this.commands, this.starts, this.nesting + 1);
    return inner.list(start, close);
  }

  /** Passes over the lines of the here-documents opened on the line just read. */
  private skipHeredocs(): void {
    const s = this.script;
    for (const { end, tabs } of this.heredocs) {
      while (this.at < s.length) {
        const stop = s.indexOf("\n", this.at);
        const lineEnd = stop < 0 ? s.length : stop;
        let line = s.slice(this.at, lineEnd).replace(/\r$/, "");
        if (tabs) line = line.replace(/^\t+/, "");
        this.at = lineEnd + 1;
        if (line === end) break;
      }
    }
    this.heredocs = [];
  }
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
