// Release pull requests: composes the release commit message from the PR's base and head with
// the release step, then writes it into the PR description or merges the PR with it.
import type { Octokit } from "@octokit/rest";
import { composeReleaseMessage, NothingToReleaseError, releaseFromStates, type TreeState } from "../release/index.js";
import { SummaryTooLongError } from "../release/compose.js";
import { UsageError, type ResolvedConfig } from "../types.js";
import { getPull, listTree, mergeBaseOf, readOnlyToken, readRepoFile, refusedPermission, squashMerge, statusOf, updatePullBody, type RepoRef, type TreeListing } from "./github.js";
import type { PullInfo } from "./event.js";
import type { ReleaseMode } from "./inputs.js";
import { annotate, log, type WorkflowIO } from "./workflow.js";
import type { Nodes } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { blocksForBody } from "../message/parse.js";
import type { Block, SourceLine, Span } from "../types.js";

/** Head branch names release tools use: release-plz, release-please, changesets. */
export const RELEASE_BRANCH_PATTERNS = [/^release-plz-/, /^release-please--/, /^changeset-release\//];

/** Start and end markers of the block the action owns in a release PR's description. */
export const RELEASE_BLOCK_START = "<!-- rationale:release:start -->";
export const RELEASE_BLOCK_END = "<!-- rationale:release:end -->";

/** True when `headRef` is a branch a release tool opened a release pull request from. */
export function isReleaseBranch(headRef: string): boolean {
  return RELEASE_BRANCH_PATTERNS.some((pattern) => pattern.test(headRef));
}

/** Parses Markdown as GitHub renders it (CommonMark), to tell code from text. */
const markdown = unified().use(remarkParse);

/** A fenced code block's opening run of backticks or tildes, at the start of a code node. */
const FENCE_RUN = /^([ \t]*)(`{3,}|~{3,})/;

/** Whether `line` is marker `marker` on a line of its own: up to three spaces before it, spaces after. */
function isMarkerLine(line: string, marker: string): boolean {
  return line.replace(/[ \t]+$/, "").replace(/^ {0,3}/, "") === marker;
}

/** A fenced code block: its first and last line (1-based), whether a fence closes it, and the line that would. */
interface FencedBlock {
  first: number;
  last: number;
  closed: boolean;
  closing: string;
}

/** Where a text has code (see codeOf). */
interface CodeMap {
  /** Whether line `number` (1-based) is in a code block. */
  inCode: (number: number) => boolean;
  /** The line that closes the fenced block the text's first `count` lines leave open, or null. */
  openAfter: (count: number) => string | null;
}

/**
 * Where `text` has code, as remark-parse finds it: fenced and indented code blocks at any depth
 * (in list items, block quotes). HTML blocks are not code, so a fence quoted in an HTML comment
 * or right under `<details>` opens none, as GitHub renders them. Parsed once, it also answers
 * for the text's leading lines (the cut notes keep), whose blocks are those of the whole text
 * up to there. A text without three backticks or tildes in a row is not parsed: it has no fenced
 * block, and indented code holds no marker line (its lines are indented four spaces or more).
 * The blocks come as the linter's do (blocksForBody): from its scanner where it reproduces
 * remark exactly (a changelog of 680 kB in a tenth of a second, where remark-parse takes
 * three), and from its best effort where quotes or lists nest deeper than any text needs
 * (remark-parse takes seconds over a few kilobytes of "> - ", then overflows the stack).
 */
function codeOf(text: string): CodeMap {
  if (!/```|~~~/.test(text)) return { inCode: () => false, openAfter: () => null };
  const lines = text.split("\n");
  const code = new Set<number>();
  const fenced: FencedBlock[] = [];
  const pending = blocksForBody(lines.map((line, index) => ({ text: line, line: index + 1 })), codeBlocksFromRemark);
  // A loop, not recursion: blocks nest as deep as the text does.
  for (let block = pending.pop(); block !== undefined; block = pending.pop()) {
    if (block.type === "code") {
      for (let line = block.line; line <= block.endLine; line++) code.add(line);
      const found = fencedBlock(lines, block);
      if (found !== null) fenced.push(found);
    }
    for (const child of block.children ?? []) pending.push(child);
  }
  return {
    inCode: (number) => code.has(number),
    // Open after `count` lines: the block has begun, and neither its closing fence nor the end
    // of what holds it (a list item, a quote) has come.
    openAfter: (count) => fenced.find((block) => block.first <= count && (block.closed ? count < block.last : count <= block.last))?.closing ?? null,
  };
}

/** The code blocks remark-parse finds in `body`, at any depth, for blocksForBody. */
function codeBlocksFromRemark(body: readonly SourceLine[]): Block[] {
  const found: Block[] = [];
  const pending: Nodes[] = [markdown.parse(body.map((line) => line.text).join("\n"))];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type === "code" && node.position) {
      const { start, end } = node.position;
      found.push({ type: "code", text: node.value, line: start.line, column: start.column, endLine: end.line, endColumn: end.column });
    } else if ("children" in node) {
      for (const child of node.children) pending.push(child);
    }
  }
  return found;
}

/**
 * Code block `block` as a fenced block, or null for indented code. Its closing line repeats what
 * stands before the opening fence on its line, list markers made spaces: a fence opened in a
 * list item ("- x" then "  ```") is closed inside the item, where an unindented one would end
 * the item and open a fence of its own.
 */
function fencedBlock(lines: string[], block: Span): FencedBlock | null {
  const first = lines[block.line - 1];
  const opening = FENCE_RUN.exec(first.slice(block.column - 1));
  if (opening === null) return null;
  const fence = opening[2];
  const closing = block.endLine > block.line ? /^[ \t>]*(`{3,}|~{3,})[ \t]*$/.exec(lines[block.endLine - 1]) : null;
  return {
    first: block.line,
    last: block.endLine,
    closed: closing !== null && closing[1][0] === fence[0] && closing[1].length >= fence.length,
    closing: first.slice(0, block.column - 1 + opening[1].length).replace(/[^>\s]/g, " ") + fence,
  };
}

/**
 * The description with line ends made "\n", where its marked block is (start of the start
 * marker's line to the end of the end marker after it), or null for the block when it has none,
 * and the line that closes a code block the text leaves open at its end (see codeOf; null when
 * the text closes them all, or has a block).
 * Only a marker on a line of its own outside code counts, code as remark-parse finds it: a
 * description that documents the markers (quoted in a code block, or in backticks inside a
 * sentence) must not have its example taken for the block and overwritten. Inside the block,
 * the first end marker line ends it, whatever fences the release notes open.
 */
function releaseBlockOf(description: string | null): { text: string; block: { start: number; end: number } | null; openFence: string | null } {
  const text = (description ?? "").replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  const code = codeOf(text);
  let start = -1;
  let offset = 0;
  for (const [index, line] of lines.entries()) {
    const lineStart = offset;
    offset += line.length + 1;
    if (start >= 0) {
      if (isMarkerLine(line, RELEASE_BLOCK_END)) return { text, block: { start, end: lineStart + line.length }, openFence: null };
    } else if (isMarkerLine(line, RELEASE_BLOCK_START) && !code.inCode(index + 1)) {
      start = lineStart;
    }
  }
  return { text, block: null, openFence: start >= 0 ? null : code.openAfter(text.trimEnd().split("\n").length) };
}

/**
 * The description with the marked block holding `content`: replaces the block when the
 * description has one (start before end), else appends it after a blank line, closing a code
 * block the description leaves open first (GitHub closes it at the end of the text anyway), so
 * that the block is not shown as code and is found again by the next run. A code block that
 * `content` leaves open (notes cut inside one) is closed before the end marker, so that neither
 * the marker nor the text after the block is shown as code.
 */
export function replaceReleaseBlock(description: string | null, content: string): string {
  return withBlock(releaseBlockOf(description), withFenceClosed(content.trim()));
}

/**
 * The description read by releaseBlockOf (read once by a caller that tries many notes beside it,
 * as the cut does) with the marked block holding `notes`, whose code blocks are closed.
 */
function withBlock({ text, block, openFence }: ReturnType<typeof releaseBlockOf>, notes: string): string {
  const replacement = `${RELEASE_BLOCK_START}\n${notes}\n${RELEASE_BLOCK_END}`;
  if (block !== null) return text.slice(0, block.start) + replacement + text.slice(block.end);
  const before = openFence === null ? text.trimEnd() : `${text.replace(/\n+$/, "")}\n${openFence}`;
  return before.trim() ? `${before}\n\n${replacement}\n` : `${replacement}\n`;
}

/**
 * `notes` followed by the line that closes the code block they leave open, then the lines that
 * close the HTML they leave open (see htmlClosing), or `notes` as they are when they close them
 * all: what comes after them (the cut note, the end marker) is text again, shown. `code` is
 * where the notes have code, or where a longer text they lead has it (the cut notes keep its
 * leading lines).
 */
function withFenceClosed(notes: string, code = codeOf(notes)): string {
  const lines = notes.trimEnd().split("\n");
  const fence = code.openAfter(lines.length);
  const closing = [...(fence === null ? [] : [fence]), ...htmlClosing(lines, code)];
  return closing.length === 0 ? notes : `${notes}\n${closing.join("\n")}`;
}

/**
 * HTML blocks that run on until a closing string rather than a blank line (CommonMark's kinds 1
 * to 5): `<pre>`, `<script>`, `<style>`, `<textarea>` until their end tag, a comment until
 * `-->`, `<?` until `?>`, a declaration until `>`, CDATA until `]]>`. Tried on a line's content,
 * after the markers of the list items and block quotes it is in (see CONTAINER_PREFIX).
 */
const RAW_HTML_BLOCKS: readonly { start: RegExp; end: (opening: RegExpExecArray) => string }[] = [
  { start: /^ {0,3}<(pre|script|style|textarea)(?=[\s>]|$)/i, end: (opening) => `</${opening[1].toLowerCase()}>` },
  { start: /^ {0,3}<!--/, end: () => "-->" },
  { start: /^ {0,3}<\?/, end: () => "?>" },
  { start: /^ {0,3}<![A-Za-z]/, end: () => ">" },
  { start: /^ {0,3}<!\[CDATA\[/, end: () => "]]>" },
];

/**
 * The markers of the block quotes and list items a line opens or continues (`> `, `- `, `1. `,
 * nested: `> - `), with the indentation before each. A closing line repeats them, list markers
 * made spaces (see continuationOf), so that it lands in the same list item or quote.
 */
const CONTAINER_PREFIX = /^(?:[ \t]{0,3}(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)))*/;

/** What a line continuing the containers of `prefix` starts with: `> ` stays, a list marker becomes spaces (as fencedBlock closes a fence). */
function continuationOf(prefix: string): string {
  return prefix.replace(/[^>\s]/g, " ");
}

/**
 * Elements that stay open past the end of the paragraph, list item or quote they were opened in:
 * `<details>`, and the formatting elements an HTML parser opens again in every later block until
 * their end tag (an unclosed `<code>` sets the rest of the page as code, an `<a>` links it).
 */
const LEAKING_TAG = /(?<!\\)<(\/?)(details|code|a|b|big|em|font|i|nobr|s|small|strike|strong|tt|u)(?=[\s>/]|$)/gi;

/** A code span on one line: a run of backticks, then text up to a run of the same length. */
const INLINE_CODE = /(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g;

/**
 * The lines that close the HTML that `lines` (a changelog's, cut anywhere) leave open: the end of
 * a raw HTML block (RAW_HTML_BLOCKS) they stop inside, such as a multi-line comment a changelog
 * template hides notes in, or a `<pre>`; then, innermost first, an end tag for each `<details>`
 * or formatting element (LEAKING_TAG) opened outside code and not closed. Without them the cut
 * note after them would be hidden in the comment, shown as preformatted text or code, or folded
 * away in the collapsed section. Each closing line starts as a line continuing the list item or
 * block quote the element was opened in (`> -->`, `  </details>` under `- <details>` or under
 * `- Fixes` then `  <details>`): an unprefixed one would end that container first, leaving the
 * element open. None when nothing is left open.
 */
function htmlClosing(lines: readonly string[], code: CodeMap): string[] {
  let raw: { closing: string; prefix: string } | null = null;
  const elements: { name: string; prefix: string }[] = [];
  let inList = false;
  for (const [index, line] of lines.entries()) {
    // An end tag closes its block in any case (`</PRE>`); the others have no letters.
    const lower = line.toLowerCase();
    if (raw !== null) {
      if (lower.includes(raw.closing)) raw = null;
      continue;
    }
    if (code.inCode(index + 1)) continue;
    const prefix = (CONTAINER_PREFIX.exec(line) as RegExpExecArray)[0];
    const content = line.slice(prefix.length);
    // A list item goes on in lines indented to its text (`- Fixes` then `  <details>`), with no
    // marker to see: while a list may be open, a closing line keeps the opening line's indent,
    // or, unindented, it would end the item first. Outside a list an indent of 4 after a blank
    // line is code, so none is kept there.
    if (/[^>\s]/.test(prefix)) inList = true;
    else if (/^\S/.test(content)) inList = false;
    const continuation = continuationOf(prefix) + (inList ? (/^[ \t]*/.exec(content) as RegExpExecArray)[0] : "");
    for (const { start, end } of RAW_HTML_BLOCKS) {
      const opening = start.exec(content);
      if (opening === null) continue;
      const closing = end(opening);
      if (!content.toLowerCase().includes(closing, opening[0].length)) raw = { closing, prefix: continuation };
      break;
    }
    if (raw !== null) continue;
    // A tag quoted in backticks (`<details>`) or inside a comment on the line opens nothing.
    const markup = content.replace(INLINE_CODE, "").replace(/<!--[\s\S]*?-->/g, "");
    // `<code/>` opens one too: HTML ignores the slash on an element that is not void.
    for (const [, end, tag] of markup.matchAll(LEAKING_TAG)) {
      const name = tag.toLowerCase();
      if (end === "") {
        elements.push({ name, prefix: continuation });
        continue;
      }
      const at = elements.map((element) => element.name).lastIndexOf(name);
      if (at >= 0) elements.splice(at, 1);
    }
  }
  return [
    ...(raw === null ? [] : [`${raw.prefix}${raw.closing}`]),
    ...elements.reverse().map(({ name, prefix }) => `${prefix}</${name}>`),
  ];
}

/**
 * The description without its marked block (and the blank lines around it), or null when it
 * has none: what is left when a new block finds no room and an earlier run's must not stay.
 */
export function withoutReleaseBlock(description: string | null): string | null {
  const { text, block } = releaseBlockOf(description);
  if (block === null) return null;
  const before = text.slice(0, block.start).trimEnd();
  const after = text.slice(block.end).replace(/^\n+/, "");
  return before && after ? `${before}\n\n${after}` : before ? `${before}\n` : after;
}

/** GitHub refuses (422) a pull request description over this many characters. */
export const DESCRIPTION_LIMIT = 65_536;

/**
 * The longest commit message GitHub is known to take when it merges a pull request: it refused
 * a longer one with "Commit message is too long (maximum is 16383 characters)"
 * (dependabot/dependabot-core#8972). The merge endpoint's docs name no limit; git has none.
 */
export const COMMIT_MESSAGE_LIMIT = 16_383;

/**
 * `render` of `content` cut to its leading lines, then a blank line and `note`: the most whole
 * lines for which the rendering's `length` stays within `limit` (counted in UTF-16 units, never
 * fewer than the characters GitHub counts; a rendering may be an object that counts more than
 * its text). `end` finishes the kept lines before the note (closes a code block they leave
 * open). Null when not even the note alone fits.
 */
function keepLeadingLines<Rendering extends { length: number }>(
  content: string,
  note: string,
  render: (text: string) => Rendering,
  limit: number,
  end = (kept: string) => kept,
): Rendering | null {
  const lines = content.trim().split("\n");
  const withLines = (count: number) => render(`${end(lines.slice(0, count).join("\n").trimEnd())}\n\n${note}`);
  if (withLines(0).length > limit) return null;
  // The most whole lines that fit: the length grows with each line kept.
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (withLines(middle).length <= limit) low = middle;
    else high = middle - 1;
  }
  return withLines(low);
}

/**
 * The note that ends a release message cut to fit `what` (a limit's wording, two lines of at
 * most 72 with the text around it), naming the command that prints the whole message. Wrapped
 * at 72, as the judged squash message's body lines are (body-max-line-length is an error in the
 * strict preset): the command, about 55 characters, gets a line of its own.
 */
function cutNote(what: string, command: string): string {
  return `[The rest is cut to fit the ${what}. The whole message:\n${command}]`;
}

/**
 * What a release PR's description must fit in. GitHub's own limit for a description; and, where
 * the repository's squash merges default to the description (`squash_merge_commit_message` is
 * `PR_BODY`), the limit of the commit message it becomes, counted with the squash title and
 * blank line before it (`squashTitle`: the PR title and " (#N)"), so that merging it with the
 * default message is not refused.
 */
export interface DescriptionRoom {
  /** The most characters `measure` may count. */
  limit: number;
  /** The limit as the cut note and notices name it: "65,536 characters GitHub takes in a\ndescription". */
  wording: string;
  /** What counts against `limit` for description `body`. */
  measure: (body: string) => number;
}

/** The room for a description (see DescriptionRoom): the squash commit message's when `squashTitle` is given. */
export function descriptionRoom(squashTitle?: string): DescriptionRoom {
  if (squashTitle === undefined) return { limit: DESCRIPTION_LIMIT, wording: "65,536 characters GitHub takes in a\ndescription", measure: (body) => body.length };
  // Within COMMIT_MESSAGE_LIMIT, the description is within DESCRIPTION_LIMIT too.
  return { limit: COMMIT_MESSAGE_LIMIT, wording: "16,383 characters GitHub takes in a\ncommit message", measure: (body) => `${squashTitle}\n\n${body}`.length };
}

/**
 * The description with the release block holding `content`, within `room` (GitHub's
 * DESCRIPTION_LIMIT unless the squash merge makes the description its commit message). When the
 * whole block does not fit, it keeps the leading lines of `content` that do (the version lines
 * come first), then a note that the rest was cut and that `command` prints the whole message
 * (after closing a code block the kept lines leave open, so that the note is not shown as code):
 * that is what the squash merge lands, and the history still says what was released. Null when
 * not even the note fits beside the description's own text.
 */
export function fitReleaseBlock(description: string | null, content: string, command: string, room = descriptionRoom()): { body: string; cut: boolean } | null {
  // The notes are parsed once: the code blocks of their leading lines are theirs up to there.
  const notes = content.trim();
  const code = codeOf(notes);
  const found = releaseBlockOf(description);
  const whole = withBlock(found, withFenceClosed(notes, code));
  if (room.measure(whole) <= room.limit) return { body: whole, cut: false };
  const note = cutNote(room.wording, command);
  // keepLeadingLines measures the rendering by its length: measure the squash message instead.
  const measured = (text: string) => {
    const body = withBlock(found, text);
    return { body, length: room.measure(body) };
  };
  // Lines cut inside a code block get it closed before the note, which would show as code.
  const kept = keepLeadingLines(notes, note, measured, room.limit, (lines) => withFenceClosed(lines, code));
  return kept === null ? null : { body: kept.body, cut: true };
}

/**
 * The release commit message merge mode lands, within COMMIT_MESSAGE_LIMIT (the summary, a blank
 * line and the body, as GitHub joins commit_title and commit_message): cut as fitReleaseBlock
 * cuts the block, keeping the summary, the leading body lines and a note naming `command`.
 */
export function fitCommitMessage(message: string, command: string): { message: string; cut: boolean } {
  const [summary] = message.split("\n", 1);
  const render = (body: string) => `${summary}\n\n${body}`;
  const body = messageBody(message);
  if (render(body).length <= COMMIT_MESSAGE_LIMIT) return { message, cut: false };
  const note = cutNote("16,383 characters GitHub takes in a\ncommit message", command);
  // The summary is at most 72 characters: the note always fits beside it.
  const cut = keepLeadingLines(body, note, render, COMMIT_MESSAGE_LIMIT) ?? render(note);
  return { message: `${cut}\n`, cut: true };
}

/** The message's body: everything after the summary line and its blank line. */
export function messageBody(message: string): string {
  return message.split("\n").slice(1).join("\n").replace(/^\n+/, "").trimEnd();
}

/**
 * A repository state at commit `sha`, read through the trees and contents APIs. The tree is
 * listed once (one request) and says which files exist, so a path that is not there costs no
 * request (the release step tries five changelog names in every directory up from each
 * package), and a file whose blob another state already read (`blobs`, shared between the base
 * and the head) is not read again: a monorepo of 150 packages stays far below the token's
 * 1,000 requests an hour. When GitHub cuts the listing short (over 100,000 entries or 7 MB),
 * files are read one by one and workspace globs cannot be expanded: a clear error.
 */
export function githubState(octokit: Octokit, ref: RepoRef, sha: string, label: string, blobs = new Map<string, Promise<string | null>>()): TreeState {
  let tree: Promise<TreeListing> | undefined;
  const listing = () => (tree ??= listTree(octokit, ref, sha));
  const readOne = async (path: string): Promise<string | null> => {
    const { blobs: files, truncated } = await listing();
    if (truncated) return readRepoFile(octokit, ref, path, sha);
    const blob = files.get(path);
    if (blob === undefined) return null;
    let text = blobs.get(blob);
    if (text === undefined) blobs.set(blob, (text = readRepoFile(octokit, ref, path, sha)));
    return text;
  };
  return {
    label,
    read: async (paths) => new Map(await Promise.all(paths.map(async (path) => [path, await readOne(path)] as const))),
    list: async () => {
      const { blobs: files, truncated } = await listing();
      if (truncated) {
        // A UsageError, as for a changelog without the version: the run still judges and
        // reports the messages, then fails for the message it could not compose.
        throw new UsageError(
          `the file tree of ${label} is larger than GitHub lists in one response (truncated), so release mode cannot find the workspace packages in it; compose the release message with \`rationale release compose --from BASE --to HEAD\` in a checkout instead`,
        );
      }
      return [...files.keys()];
    },
  };
}

/**
 * The release commit message for going from `base` to `head`, composed by the release step:
 * packages whose manifest version changed, each with its changelog as `head` has it. Null when
 * no version changed. `template` is the summary template (config `release.template`).
 */
export async function composeFromStates(base: TreeState, head: TreeState, template?: string): Promise<string | null> {
  try {
    const { packages } = await releaseFromStates(base, head);
    return composeReleaseMessage({ packages, ...(template ? { template } : {}) });
  } catch (error) {
    if (error instanceof NothingToReleaseError) return null;
    throw error;
  }
}

/** What release handling prepared before judging. */
export interface PreparedRelease {
  mode: Exclude<ReleaseMode, "off">;
  /** The composed release message; null when no version changed. */
  message: string | null;
  /** The PR description after describe mode wrote its block. */
  body?: string;
}

/**
 * Why an edit of the description was refused, for a notice, or null when it was not refused: a
 * read-only token (403 that is no rate limit), or no token at all (401 with the github-token
 * input empty, `tokenEmpty`; a release branch is never a fork's, so the secret it names is
 * unset). `fix` says what lets the action do `purpose`.
 */
function refusedEdit(error: unknown, pull: PullInfo, tokenEmpty: boolean, purpose: string): { token: string; fix: string } | null {
  if (tokenEmpty && statusOf(error) === 401) return { token: NO_TOKEN, fix: `; give it a token that may write pull requests ${purpose}` };
  return refusedPermission(error) ? readOnlyToken(pull.fromFork, purpose) : null;
}

/** What a notice says when the github-token input is empty: GitHub sends no token, and refuses writes. */
const NO_TOKEN = "no token: the github-token input is empty, as it is when the secret it names is not set";

/**
 * Composes the release message for a release PR; in describe mode also writes it into the PR
 * description's marked block (only when the text changed), cut to fit GitHub's limit (see
 * fitReleaseBlock: the commit message's, when the repository's squash merges default to the
 * description, unless its own text is already past that, which a notice then says). A 403
 * (read-only token), a 401 with the github-token input empty (`tokenEmpty`), or a description
 * with no room for the block, becomes a notice, and `body` is
 * then the description as it stands, without the block (an earlier run's block taken out,
 * where it has room for no new one).
 */
export async function prepareRelease(
  octokit: Octokit,
  ref: RepoRef,
  pull: PullInfo,
  mode: Exclude<ReleaseMode, "off">,
  config: ResolvedConfig,
  io: WorkflowIO,
  tokenEmpty = false,
): Promise<PreparedRelease> {
  const template = typeof config.release?.template === "string" ? config.release.template : undefined;
  // The head is compared with where it branched off, as the squash merge applies it: a release
  // the base branch made since (another package's bump) is not this pull request's to undo.
  const forkPoint = await mergeBaseOf(octokit, ref, pull.baseSha, pull.headSha);
  const blobs = new Map<string, Promise<string | null>>();
  const message = await composeFromStates(
    githubState(octokit, ref, forkPoint, forkPoint === pull.baseSha ? `the base (${pull.baseSha.slice(0, 7)})` : `the merge base (${forkPoint.slice(0, 7)})`, blobs),
    githubState(octokit, ref, pull.headSha, `the head (${pull.headSha.slice(0, 7)})`, blobs),
    template,
  ).catch((error: unknown) => {
    // A summary too long from the config's template names that file and key, as the CLI does;
    // from the default template, which the user never wrote, it says where a shorter one goes.
    if (!(error instanceof SummaryTooLongError)) throw error;
    if (template === undefined) throw error.unset("release.template in the config");
    throw config.source !== undefined ? error.inConfig(config.source) : error;
  });
  if (message === null) {
    annotate(io, "notice", `rationale: release PR #${pull.number} changes no package version; nothing to compose`);
    return { mode, message };
  }
  const command = `rationale release compose --from ${forkPoint.slice(0, 7)} --to ${pull.headSha.slice(0, 7)}`;
  if (mode === "merge") {
    // Judged as it will land: cut, when it must be, before it is judged.
    const fitted = fitCommitMessage(message, command);
    if (fitted.cut) log(io, `rationale: release message of #${pull.number} cut to fit the 16,383 characters GitHub takes in a commit message (${command} prints it whole)`);
    return { mode, message: fitted.message };
  }
  // Read the live description: the event payload's copy may be stale after a release tool's update.
  const current = await getPull(octokit, ref, pull.number);
  // Where the repository's squash merges default to the description, it becomes the commit
  // message, which GitHub caps lower than a description. The workflow token is not shown the
  // setting (GitHub leaves merge settings out for tokens that may not administer the
  // repository), but the event payload carries it; when neither says, the description's own
  // limit applies, as it did before the setting was read.
  const squashBody = (current.squashMergeMessage ?? pull.squashMergeMessage) === "PR_BODY";
  const squashRoom = descriptionRoom(`${current.title} (#${pull.number})`);
  // A description whose own text is already past the commit message's limit makes GitHub refuse
  // the squash merge's default message ("Commit message is too long") whatever the block holds:
  // the merger writes the message by hand. Holding the block to that limit would only leave it
  // out, so it gets the description's own room, and a notice says what to shorten.
  // Measured with line ends made "\n", as the fit measures it and as the edit writes it back:
  // a description typed in the browser has "\r\n", one character more per line.
  const ownText = (withoutReleaseBlock(current.body) ?? current.body ?? "").replace(/\r\n?/g, "\n");
  const overCommitLimit = squashBody ? squashRoom.measure(ownText) - squashRoom.limit : 0;
  if (overCommitLimit > 0) {
    annotate(
      io,
      "notice",
      `rationale: the description of #${pull.number} is ${squashRoom.measure(ownText).toLocaleString("en-US")} characters with the title, past the 16,383 GitHub takes in a commit message: GitHub will refuse the squash merge's default message ("Commit message is too long") whatever the release block holds; shorten the description by ${overCommitLimit.toLocaleString("en-US")} characters or more (plus the release block), or edit the message when merging (${command} prints the release message)`,
    );
  }
  const toCommitLimit = squashBody && overCommitLimit <= 0;
  const room = toCommitLimit ? squashRoom : descriptionRoom();
  const fitted = fitReleaseBlock(current.body, messageBody(message), command, room);
  if (fitted === null) {
    // The squash merge takes the description as it is: judge that. An earlier run's block,
    // which no longer says what the head releases, is taken out rather than landed.
    const stale = withoutReleaseBlock(current.body);
    const length = room.measure(stale ?? current.body ?? "");
    const within = toCommitLimit
      ? "characters, with the title as the squash merge's default commit message, leave no room for it within the 16,383 GitHub takes in a commit message"
      : "characters leave no room for it within the 65,536 GitHub takes";
    const noRoom = `rationale: release message not written into the description of #${pull.number}: its ${length.toLocaleString("en-US")} ${within}; ${command} prints it`;
    if (stale === null) {
      annotate(io, "notice", noRoom);
      return { mode, message, body: current.body };
    }
    try {
      await updatePullBody(octokit, ref, pull.number, stale);
    } catch (error) {
      const refused = refusedEdit(error, pull, tokenEmpty, "to take the earlier release block out of the description");
      if (refused === null) throw error;
      // The earlier block stays: the notice says so rather than that it was taken out.
      annotate(io, "notice", noRoom);
      const { token, fix } = refused;
      annotate(io, "notice", `rationale: cannot edit the description of #${pull.number} (${token})${fix}`);
      return { mode, message, body: current.body };
    }
    annotate(io, "notice", `${noRoom} (an earlier run's release block is taken out)`);
    return { mode, message, body: stale };
  }
  const { body } = fitted;
  if (body === current.body) return { mode, message, body };
  try {
    await updatePullBody(octokit, ref, pull.number, body);
    const limit = toCommitLimit ? "the 16,383 characters GitHub takes in the squash merge's commit message" : "GitHub's 65,536 characters";
    log(io, `rationale: release message written into the description of #${pull.number}${fitted.cut ? `, cut to fit ${limit} (${command} prints it whole)` : ""}`);
  } catch (error) {
    // A rate limit that outlasted the retries is no read-only token: it fails the run.
    const refused = refusedEdit(error, pull, tokenEmpty, "to keep the release message in the description");
    if (refused === null) throw error;
    const { token, fix } = refused;
    annotate(io, "notice", `rationale: cannot edit the description of #${pull.number} (${token})${fix}`);
    // The squash merge takes the description as it is: judge that, not the text it would have had.
    return { mode, message, body: current.body };
  }
  return { mode, message, body };
}

/** `mergeable_state` values in which the action merges: GitHub still enforces required checks. */
const MERGEABLE_STATES = new Set(["clean", "unstable", "has_hooks"]);

/**
 * Squash-merges the release PR with `message` when the messages passed, the PR is open, not a
 * draft, still at the judged head, mergeable, and not blocked by branch protection. Anything
 * else leaves it open with a notice, a merge sent without a token (`tokenEmpty`) too; only a
 * rate limit that outlasts the retries, or an answer the action does not expect, fails the run.
 */
export async function mergeRelease(
  octokit: Octokit,
  ref: RepoRef,
  pull: PullInfo,
  message: string,
  failed: boolean,
  io: WorkflowIO,
  waitMs = 2000,
  tokenEmpty = false,
): Promise<boolean> {
  const skip = (why: string): false => {
    annotate(io, "notice", `rationale: release PR #${pull.number} not merged: ${why}`);
    return false;
  };
  if (failed) return skip("the messages do not pass");
  let state = await getPull(octokit, ref, pull.number);
  // GitHub computes mergeability in the background; null means not known yet.
  for (let attempt = 0; state.mergeable === null && attempt < 3; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    state = await getPull(octokit, ref, pull.number);
  }
  if (state.merged || state.state !== "open") return skip(`it is ${state.merged ? "already merged" : state.state}`);
  if (state.draft) return skip("it is a draft");
  if (state.headSha !== pull.headSha) return skip(`its head moved to ${state.headSha.slice(0, 7)} after this run started`);
  if (state.mergeable !== true) return skip(state.mergeable === null ? "GitHub has not computed mergeability yet" : "it has conflicts");
  if (!MERGEABLE_STATES.has(state.mergeableState)) return skip(`merge state is "${state.mergeableState}" (checks or reviews pending or failing)`);
  const [title] = message.split("\n", 1);
  try {
    const sha = await squashMerge(octokit, ref, pull.number, { title, message: messageBody(message), sha: pull.headSha });
    log(io, `rationale: merged release PR #${pull.number} as ${sha.slice(0, 7)}`);
    return true;
  } catch (error) {
    const status = statusOf(error);
    if (tokenEmpty && status === 401) return skip(`${NO_TOKEN}; give it a token that may write contents to merge`);
    // A rate limit that outlasted the retries is not GitHub refusing the merge: it fails the run.
    if (refusedPermission(error) || status === 405 || status === 409) {
      return skip(`GitHub refused the merge (${status}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
    }
    throw error;
  }
}
