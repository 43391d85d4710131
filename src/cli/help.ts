// Lays `--help` out for the terminal's width: commander's usage line and lists, and the examples and notes after them.
// Only the full command line loads this (with commander); the commit-msg hook's path never does.
import type { AddHelpTextContext, Command, Help } from "commander";

/** Help is never laid out narrower than this: below it, lines overflow rather than shrink further. */
export const NARROWEST_HELP = 40;
/** Nor wider: prose much longer than this a line is hard to read on a wide terminal. */
export const WIDEST_HELP = 100;
/** A description beside its term keeps at least this many columns. */
const MIN_TEXT = 20;

/**
 * The width to lay help out for: the terminal's when `stream` is one, else $COLUMNS (as set for
 * a pipe or a script), else 80; kept within 40 and 100.
 */
export function helpWidth(stream: { isTTY?: boolean; columns?: number } = process.stdout, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = /^\d+$/.test(env.COLUMNS ?? "") ? Number(env.COLUMNS) : 0;
  const columns = stream.isTTY && stream.columns ? stream.columns : fromEnv || 80;
  return Math.min(WIDEST_HELP, Math.max(NARROWEST_HELP, columns));
}

/**
 * Words of `text` in lines of at most `width` characters, its own line breaks kept. A word
 * longer than `width` (a path, a URL) stands alone on its line, whole: words are never cut.
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ").filter((w) => w !== "")) {
      if (line !== "" && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === "" ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines;
}

/** `lines` with the first indented by `first` spaces and the rest by `rest`. */
function indent(lines: string[], first: number, rest: number): string {
  return lines.map((line, i) => (line === "" ? "" : " ".repeat(i === 0 ? first : rest) + line)).join("\n");
}

/** A term and its description, as a list of options, commands or examples has them. */
interface Item {
  term: string;
  description: string;
}

/**
 * The width of a list's term column, for terms starting at `start`: the one of the terms' widths
 * that lays the list out in the fewest lines, the widest of equals, among those that hold at
 * least half the terms. A term wider than the column gets a line of its own, its description
 * below it in the column; with 0, every description goes below its term. Commander's own rule
 * (one column as wide as the longest term, descriptions left unwrapped when less than 40
 * columns remain) gave lines of 120 characters at 80.
 */
function termColumn(items: Item[], width: number, start: number): number {
  const holdsHalf = (column: number) => items.filter((item) => item.term.length <= column).length * 2 >= items.length;
  const lengths = items.map((item) => item.term.length).filter((length) => start + length + 2 + MIN_TEXT <= width && holdsHalf(length));
  const candidates = [0, ...new Set(lengths)];
  let best = { column: 0, lines: Infinity };
  for (const column of candidates.sort((a, b) => b - a)) {
    const lines = items.reduce((sum, item) => sum + formatTermAndText(item.term, item.description, column, start, width).split("\n").length, 0);
    if (lines < best.lines) best = { column, lines };
  }
  return best.column;
}

/**
 * A term and its description at `start`, the description in the column `column` wide, or on the
 * lines below the term when the term is wider; a term wider than the line wraps at its spaces.
 */
function formatTermAndText(term: string, description: string, column: number, start: number, width: number): string {
  const textStart = column > 0 ? start + column + 2 : start + 4;
  const text = description === "" ? [] : wrapWords(description, width - textStart);
  if (column > 0 && term.length <= column && text.length > 0) {
    return " ".repeat(start) + term.padEnd(column + 2) + indent(text, 0, textStart);
  }
  const termLines = indent(wrapWords(term, width - start), start, start + 4);
  return text.length === 0 ? termLines : `${termLines}\n${indent(text, textStart, textStart)}`;
}

/** The Help of one help text, with the column of its Commands: list, set by `padWidth`. */
type LaidOutHelp = Help & { commandColumns?: Map<string, number> };

/**
 * Commander's help, with its lists laid out by `formatTermAndText` and its usage line wrapped,
 * for `helpWidth`. The Commands: list has a column of its own: commander pads every list to one
 * width, so a long subcommand term (`commit [options] [git-options...]`) pushed `-h, --help`'s
 * description 35 columns out. Arguments and options share theirs, as they describe one command.
 */
const layout: Partial<Help> = {
  padWidth(this: LaidOutHelp, command: Command, helper: Help): number {
    const width = this.helpWidth ?? 80;
    const own: Item[] = [
      ...helper.visibleOptions(command).map((option) => ({ term: helper.optionTerm(option), description: helper.optionDescription(option) })),
      ...(helper.showGlobalOptions ? helper.visibleGlobalOptions(command) : []).map((option) => ({ term: helper.optionTerm(option), description: helper.optionDescription(option) })),
      ...helper.visibleArguments(command).map((argument) => ({ term: helper.argumentTerm(argument), description: helper.argumentDescription(argument) })),
    ];
    const commands: Item[] = helper.visibleCommands(command).map((sub) => ({ term: helper.subcommandTerm(sub), description: helper.subcommandDescription(sub) }));
    const commandColumn = termColumn(commands, width, 2);
    this.commandColumns = new Map(commands.map((item) => [item.term, commandColumn]));
    return termColumn(own, width, 2);
  },
  formatItem(this: LaidOutHelp, term: string, termWidth: number, description: string): string {
    return formatTermAndText(term, description, this.commandColumns?.get(term) ?? termWidth, 2, this.helpWidth ?? 80);
  },
  // "Usage: " and the usage, continued under its first word.
  styleUsage(this: Help, usage: string): string {
    return indent(wrapWords(usage, (this.helpWidth ?? 80) - 7), 0, 7);
  },
};

/** Lays out the help of `program`, and of the commands added to it afterwards, for the width of the stream it is written to. */
export function configureHelpLayout(program: Command): Command {
  return program.configureHelp(layout).configureOutput({
    getOutHelpWidth: () => helpWidth(process.stdout),
    getErrHelpWidth: () => helpWidth(process.stderr),
  });
}

/** An example command line (without the `$ ` prompt) and, optionally, what it does. */
export type Example = readonly [command: string, note?: string];

/**
 * Text for `addHelpText("after", ...)`: "Examples:" with each example, then `paragraphs`, laid
 * out when the help is shown, for the width it is shown at. The examples' notes line up in one
 * column; a command too long for its line continues on the next with a shell's ` \`, or after
 * the pipe or `&&` it is broken at.
 */
export function examplesHelp(examples: readonly Example[], ...paragraphs: string[]): (context: AddHelpTextContext) => string {
  return (context) => {
    const width = helpWidth(context.error ? process.stderr : process.stdout);
    // Commands start after "  $ "; their continuation lines two further in.
    const column = termColumn(
      examples.filter(([, note]) => note !== undefined).map(([command, note]) => ({ term: command, description: note ?? "" })),
      width,
      4,
    );
    const noteStart = column > 0 ? 4 + column + 2 : 6;
    const lines = examples.map(([command, note]) => {
      const commandLines = breakCommand(command, width - 4);
      const noteLines = note === undefined ? [] : wrapWords(note, width - noteStart);
      if (commandLines.length === 1 && command.length <= column && noteLines.length > 0) return `  $ ${command.padEnd(column + 2)}${indent(noteLines, 0, noteStart)}`;
      const shown = commandLines.map((line, i) => (i === 0 ? `  $ ${line}` : `${continues(commandLines[i - 1])}      ${line}`)).join("");
      return noteLines.length === 0 ? shown : `${shown}\n${indent(noteLines, noteStart, noteStart)}`;
    });
    return ["", "Examples:", ...lines, ...paragraphs.flatMap((paragraph) => ["", ...wrapWords(paragraph, width)])].join("\n");
  };
}

/** What ends `line` of a broken command before the next: a newline, after ` \` unless an operator (`|`, `&&`) carries the command on. */
function continues(line: string): string {
  return /(?:^| )(?:\||&&|\|\||;)$/.test(line) ? "\n" : " \\\n";
}

/**
 * A shell command in lines for `width` columns, each but the last leaving room for a ` \`
 * continuation (none is needed after an operator) and the lines after the first indented two
 * further. It breaks only between words
 * outside quotes, before an option or a redirection (`>`, `>>`, `<`) and after a pipe or a list
 * operator (`|`, `&&`, `||`, `;`) when it can, so an option stays with its value, a pipe with the
 * command it follows, and the command after it with its arguments (`jq '…'`, never `| jq` alone
 * on a line). A word longer than a line stands alone on one, whole.
 */
export function breakCommand(command: string, width: number): string[] {
  if (command.length <= width) return [command];
  // Shell words: spaces inside quotes do not separate.
  const words: string[] = [];
  let word = "";
  let quote: string | undefined;
  for (const c of command) {
    if (quote === undefined && c === " ") {
      if (word !== "") words.push(word);
      word = "";
      continue;
    }
    if (c === quote) quote = undefined;
    else if (quote === undefined && (c === '"' || c === "'")) quote = c;
    word += c;
  }
  if (word !== "") words.push(word);
  // Groups: an option or a redirection with the words after it, up to the next one; a pipe or
  // list operator ends the group before it, and the command after it starts one.
  const startsGroup = (w: string) => (w.startsWith("-") && w !== "-") || /^(?:>>?|<)$/.test(w);
  const endsGroup = (w: string) => /^(?:\||&&|\|\||;)$/.test(w);
  const groups: string[][] = [];
  for (const w of words) {
    const previous = groups[groups.length - 1];
    if (previous === undefined || startsGroup(w) || endsGroup(previous[previous.length - 1])) groups.push([w]);
    else previous.push(w);
  }
  const lines: string[] = [];
  let line = "";
  // Room for the ` \` that continues a line, except on the last line and after an operator,
  // where the shell reads on by itself.
  let last = false;
  const room = (text: string) => width - (last || endsGroup(text.slice(text.lastIndexOf(" ") + 1)) ? 0 : 2) - (lines.length === 0 ? 0 : 2);
  const fits = (text: string) => (line === "" ? text.length : line.length + 1 + text.length) <= room(text);
  const append = (text: string) => {
    line = line === "" ? text : `${line} ${text}`;
  };
  const newLine = () => {
    lines.push(line);
    line = "";
  };
  for (const [index, group] of groups.entries()) {
    last = index === groups.length - 1;
    const text = group.join(" ");
    if (!fits(text) && line !== "") newLine();
    if (fits(text)) {
      append(text);
      continue;
    }
    // A group too long for a line of its own: broken between its words.
    for (const [at, w] of group.entries()) {
      last = index === groups.length - 1 && at === group.length - 1;
      if (line !== "" && !fits(w)) newLine();
      append(w);
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}
