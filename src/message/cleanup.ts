// Cleans a raw commit message the way git's `strip` cleanup mode does, keeping original line numbers.
import { UsageError, type SourceLine } from "../types.js";

/** The characters git tries, in order, for `core.commentChar=auto`. */
export const AUTO_COMMENT_CANDIDATES = "#;@!$%^&|:";

const CUT_LINE = "------------------------ >8 ------------------------";

// Texts git writes into the commit template after the comment char and a space; with `auto`
// they reveal which char git chose.
const TEMPLATE_PHRASES = [
  "Please enter ",
  "with '",
  "Lines starting with '",
  "On branch ",
  "HEAD detached ",
  "Not currently on any branch.",
  "Changes to be committed:",
  "Changes not staged for commit:",
  "Untracked files:",
  "Your branch ",
  "It looks like you may be committing ",
  "Conflicts:",
  "Author: ",
  "Date: ",
  "Committer: ",
  "Initial commit",
  "interactive rebase in progress",
  "You are currently ",
  "This is a combination of ",
  "This is the 1st commit message:",
  "The commit message #",
  "*** SAY WHY WE ARE REVERTING",
  "Do not modify or remove the line above.",
  "Everything below it will be ignored.",
  CUT_LINE,
];

/** Options for {@link cleanMessageLines}. */
export interface CleanupOptions {
  /** `core.commentChar` (or `core.commentString`): a non-empty string, or `auto`. Default `#`. */
  commentChar?: string;
  /**
   * How to clean, as git's `--cleanup` modes: true (default) is `strip`, what git does to a
   * message written in its editor; `"whitespace"` keeps comment lines and the scissors line (git's
   * default for `git commit -m` and `-F`); `"scissors"` keeps comment lines but cuts at the
   * scissors line (git's `whitespace`, `scissors` and `verbatim` modes for a message from its
   * editor, where `-v` or the mode put git's template and diff below that line); false is for text
   * git already cleaned (e.g. from `git log`): only CR and outer blank lines go.
   */
  cleanup?: boolean | "whitespace" | "scissors";
}

/** Splits text into lines, dropping the CR of CRLF; each line keeps its 1-based number. */
export function splitSourceLines(raw: string): SourceLine[] {
  const parts = raw.split("\n");
  const out: SourceLine[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const t = parts[i];
    out[i] = { text: t.length > 0 && t.charCodeAt(t.length - 1) === 13 ? t.slice(0, -1) : t, line: i + 1 };
  }
  return out;
}

/**
 * The lines git would keep, each with its original line number. With cleanup (default): cut at the
 * scissors line, drop comment lines, strip trailing whitespace, collapse blank runs to one blank,
 * drop leading and trailing blanks. Without: only leading and trailing blank lines go.
 * Throws UsageError for an empty comment char or one containing a line break.
 */
export function cleanMessageLines(raw: string, options: CleanupOptions = {}): SourceLine[] {
  const all = splitSourceLines(raw);
  if (options.cleanup === false) return trimOuterBlankLines(all);

  const requested = options.commentChar ?? "#";
  if (requested === "" || /[\r\n]/.test(requested)) {
    throw new UsageError(`invalid comment char ${JSON.stringify(requested)}: expected a non-empty string without line breaks, or "auto".`);
  }
  const keepComments = options.cleanup === "whitespace" || options.cleanup === "scissors";
  const comment = keepComments ? null : requested === "auto" ? detectAutoCommentChar(all) : requested;

  let end = all.length;
  const cutAt = options.cleanup === "scissors" ? (requested === "auto" ? detectAutoCommentChar(all) : requested) : comment;
  if (cutAt !== null && options.cleanup !== "whitespace") {
    const scissors = `${cutAt} ${CUT_LINE}`;
    for (let i = 0; i < all.length; i++) {
      if (all[i].text === scissors) {
        end = i;
        break;
      }
    }
  }

  const out: SourceLine[] = [];
  let pendingBlank: SourceLine | null = null;
  for (let i = 0; i < end; i++) {
    const source = all[i];
    if (comment !== null && source.text.startsWith(comment)) continue;
    const text = trimEndWhitespace(source.text);
    if (text === "") {
      if (pendingBlank === null) pendingBlank = { text: "", line: source.line };
      continue;
    }
    if (pendingBlank !== null) {
      if (out.length > 0) out.push(pendingBlank);
      pendingBlank = null;
    }
    out.push(text === source.text ? source : { text, line: source.line });
  }
  return out;
}

/**
 * The comment char git chose under `core.commentChar=auto`, judged from the file it wrote:
 * the candidate char that starts a scissors line, otherwise the candidate that starts the most
 * lines of git's commit template ("# Please enter the commit message...", "# On branch ..."),
 * earlier candidates winning ties. When no template line is there, git's own rule (first
 * candidate starting no line) would pick a char that starts no line, so nothing is a comment:
 * returns null. A git in another language is recognised by the template's shape instead.
 */
export function detectAutoCommentChar(lines: readonly SourceLine[]): string | null {
  return detectTemplateByPhrases(lines) ?? templateShapeChar(lines);
}

/** True for git's scissors line ("# ------------------------ >8 ------------------------") under any comment string. */
export function isScissorsLine(text: string): boolean {
  const prefix = text.length - CUT_LINE.length - 1;
  return prefix > 0 && text.endsWith(CUT_LINE) && text.charAt(prefix) === " " && !/\s/.test(text.slice(0, prefix));
}

/**
 * The comment char of git's English commit template or scissors line in `lines`, or null. Used
 * alone where a false match would drop lines git keeps (a `-m` message ending in "#" lines).
 */
export function detectTemplateByPhrases(lines: readonly SourceLine[]): string | null {
  const counts = new Map<string, number>();
  for (const { text } of lines) {
    const c = text.charAt(0);
    if (c === "" || !AUTO_COMMENT_CANDIDATES.includes(c)) continue;
    if (text.length > 1 && text.charAt(1) !== " ") continue;
    const rest = text.slice(2);
    if (rest === CUT_LINE) return c;
    if (TEMPLATE_PHRASES.some((p) => rest.startsWith(p))) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const c of AUTO_COMMENT_CANDIDATES) {
    const n = counts.get(c) ?? 0;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

/**
 * The template's shape, for a git that speaks another language ("# Bitte geben Sie eine
 * Commit-Beschreibung …"): the file ends with a run of at least three lines that all start
 * with one candidate char, directly followed by a space or a tab or nothing, and one of them
 * is that char alone (the blank comment line git puts between its instructions and the
 * status). Returns that char, or null.
 */
function templateShapeChar(lines: readonly SourceLine[]): string | null {
  let end = lines.length;
  while (end > 0 && isBlankText(lines[end - 1].text)) end--;
  if (end === 0) return null;
  const c = lines[end - 1].text.charAt(0);
  if (c === "" || !AUTO_COMMENT_CANDIDATES.includes(c)) return null;
  let run = 0;
  let bare = false;
  for (let i = end - 1; i >= 0; i--) {
    const text = lines[i].text;
    const next = text.charAt(1);
    if (text.charAt(0) !== c || (next !== "" && next !== " " && next !== "\t")) break;
    if (text.length === 1) bare = true;
    run++;
  }
  return run >= 3 && bare ? c : null;
}

/** Drops blank (empty or whitespace-only) lines at both ends. */
export function trimOuterBlankLines(lines: SourceLine[]): SourceLine[] {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlankText(lines[start].text)) start++;
  while (end > start && isBlankText(lines[end - 1].text)) end--;
  return start === 0 && end === lines.length ? lines : lines.slice(start, end);
}

/** True for an empty or whitespace-only line. */
export function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isSpaceCode(text.charCodeAt(i))) return false;
  }
  return true;
}

// git's own isspace() (git-compat-util.h, GIT_SPACE): space, \t, \n and \r, not C's \v and \f,
// which `git stripspace` keeps at line ends and in otherwise blank lines.
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function trimEndWhitespace(text: string): string {
  let end = text.length;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}
