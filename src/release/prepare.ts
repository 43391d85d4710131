// The prepare-commit-msg mode: pre-fills the message of a hand-made release commit.
import { readFile } from "node:fs/promises";
import { UsageError } from "../types.js";
import { NothingToReleaseError, gatherRelease } from "./gather.js";
import { existingTrailers } from "./trailers.js";

/** What the hook was given and how to compose. */
export interface PrepareOptions {
  cwd: string;
  /** The message file git passes as `$1`. */
  file: string;
  /** git's `$2`: empty, `message` (-m/-F), `template`, `merge`, `squash` or `commit` (-c/-C/--amend). */
  source?: string;
  /** Git's comment character (`core.commentChar`); `auto` or undefined: read from the file. */
  commentChar?: string;
  template?: string;
  /**
   * Reads the template (from config) only once a release is found, so other commits skip config
   * loading; not called when `template` is given. Called for a `-m`/`-F` release summary too,
   * whose template goes unused (the summary is the user's), so that a config it reads is checked
   * there as well: what it throws comes back as the `warning`, the file left alone.
   */
  loadTemplate?: () => Promise<string | undefined>;
  trailers?: string[];
  /**
   * Whether the commit amends HEAD (`git commit --amend -m 1.2.3`, which git's arguments to the
   * hook do not tell from a plain `-m`): asked only for a `-m`/`-F` release summary. A bump the
   * amended commit made is then this commit's, so the release is read against HEAD's parent.
   */
  amending?: () => Promise<boolean>;
  /**
   * True when git opens no editor on the message (git then sets `GIT_EDITOR=:` for its hooks):
   * a `-m`/`-F` message keeps its comment lines, which are then the user's text. Otherwise
   * (`-e`) git wrote its comment block below the message and will strip it.
   */
  noEditor?: boolean;
}

/**
 * What the hook did: `written`, or `skipped` with the reason; `warning` (the file was left
 * alone) and `note` (written, with less than asked for) are worth showing the user.
 */
export interface PrepareResult {
  status: "written" | "skipped";
  reason: string;
  warning?: string;
  /** The error `warning` is the message of, when it is one: a caller may say more (where a bad template came from). */
  error?: UsageError;
  note?: string;
}

/**
 * Pre-fills the message file when the staged changes bump a version: with the new version's
 * changelog section, or the version line alone (and a note) when the changelog has none. Does nothing for merges, squashes, amends and `-c`/`-C` (the message
 * exists already), and when nothing is bumped; `--amend -m` is a `-m` message (see `amending`). A `-m`/`-F` message (what `npm version`,
 * cargo-release and bump2version commit with) that is only a release summary ("1.2.3") keeps
 * its summary and gets the composed body (see prepareGivenMessage); one with a body of its own
 * is left alone. Git's comment
 * lines (and a `--verbose` diff below the scissors line) stay below the composed message, and
 * trailers already in the file (such as `-s`'s Signed-off-by) stay last. Never throws for a
 * problem with the release: a commit must not fail because its body could not be pre-filled;
 * such problems come back as `warning`.
 */
export async function prepareCommitMessage(options: PrepareOptions): Promise<PrepareResult> {
  const source = options.source ?? "";
  if (source === "message") return prepareGivenMessage(options);
  if (source !== "" && source !== "template") return { status: "skipped", reason: `the message comes from ${source}` };
  // The file and the template are read only once a release is found.
  let existing = "";
  let commentChar = "";
  const composed = await composeStaged(options.cwd, async () => {
    existing = await readFile(options.file, "utf8").catch(() => "");
    commentChar = options.commentChar && options.commentChar !== "auto" ? options.commentChar : inferCommentChar(existing);
    const template = options.template ?? (await options.loadTemplate?.());
    return {
      existingMessage: existing,
      commentChar,
      ...(template !== undefined ? { template } : {}),
      ...(options.trailers !== undefined ? { trailers: options.trailers } : {}),
    };
  });
  if ("status" in composed) return composed;
  const { message, packages, notes } = composed;
  return writeComposed(options.file, message, commentPart(existing, commentChar), `composed the release message for ${releasedList(packages)}`, notes);
}

/**
 * Writes `text`, with git's comment part `below` after it, over the message file: beside it and
 * renamed over, as `--output` is, so a failed write never leaves git a truncated file where its
 * template (or the user's text) was. The result says what was written, with `notes`.
 */
async function writeComposed(file: string, text: string, below: string, reason: string, notes: readonly string[]): Promise<PrepareResult> {
  const { writeFileAtomically } = await import("../audit/output.js");
  try {
    await writeFileAtomically(file, below === "" ? text : `${text}\n${below}`, file);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { status: "skipped", reason: "the message file could not be written", warning: error.message };
  }
  return { status: "written", reason, ...(notes.length > 0 ? { note: notes.join("; ") } : {}) };
}

function releasedList(packages: ReleasePackages): string {
  return packages.map((pkg) => `${pkg.name} ${pkg.to}`).join(", ");
}

type ReleasePackages = Awaited<ReturnType<typeof gatherRelease>>["packages"];
type ComposeArgs = Omit<Parameters<typeof import("./compose.js").composeReleaseMessage>[0], "packages">;
interface Composed {
  message: string;
  packages: ReleasePackages;
  /** Why a package's changelog was left out: its file has no section for the new version. */
  notes: string[];
}

/**
 * The staged release composed with the arguments `argsFor` gives (asked only once a bump is
 * found), or why nothing is pre-filled: no version bump staged, or a problem with the release
 * (a UsageError, such as a changelog that cannot be read), which comes back as the warning.
 */
async function composeStaged(cwd: string, argsFor: () => Promise<ComposeArgs>, amend = false): Promise<Composed | PrepareResult> {
  try {
    const release = await gatherRelease({ cwd, skipUnborn: true, changelogOptional: true, ...(amend ? { amend } : {}) });
    return await composeFallingBack(release.packages, await argsFor());
  } catch (error) {
    if (error instanceof NothingToReleaseError) return { status: "skipped", reason: "no version bump is staged" };
    if (error instanceof UsageError) return { status: "skipped", reason: "the release could not be described", warning: error.message, error };
    throw error;
  }
}

/**
 * The composed message for `packages`; a package whose changelog has no section for its new
 * version (`npm version` touches no CHANGELOG.md, a section not yet written) is composed from
 * its version line alone, with a note saying so, unless entries wait under Unreleased (they
 * are the release's, not moved yet). Throws UsageError for any other problem.
 */
async function composeFallingBack(packages: ReleasePackages, args: ComposeArgs): Promise<Composed> {
  const [{ composeReleaseMessage }, { MissingSectionError }] = await Promise.all([import("./compose.js"), import("./changelog.js")]);
  const notes: string[] = [];
  for (;;) {
    try {
      return { message: composeReleaseMessage({ ...args, packages }), packages, notes };
    } catch (error) {
      const missing = error instanceof MissingSectionError ? error : undefined;
      const without = missing ? packages.filter((pkg) => pkg.changelog?.file === missing.file && (pkg.changelogVersion ?? pkg.to) === missing.version) : [];
      // Entries under Unreleased are the release's own, not yet moved: composing without them
      // would drop them, so that stays the warning it was.
      if (missing === undefined || missing.unreleasedEntries || without.length === 0) throw error;
      notes.push(missing.message);
      packages = packages.map((pkg) => (without.includes(pkg) ? { ...pkg, changelog: undefined } : pkg));
    }
  }
}

/**
 * The `-m`/`-F` case: when the message is a release summary alone (kind `release` by its
 * text, trailers such as `-s`'s allowed, no body) and a version bump is staged, writes the
 * summary line as the user gave it, the composed body (versions, and the changelog section)
 * and the trailers last. A package whose changelog is missing, or has no section for the new
 * version (`npm version` touches no CHANGELOG.md), gets its version line only
 * (`name 1.2.2 -> 1.2.3`), with a `note` when a changelog was there. The summary is checked
 * before git is asked anything, so a commit with any other message costs one file read.
 */
async function prepareGivenMessage(options: PrepareOptions): Promise<PrepareResult> {
  let existing: string;
  try {
    existing = await readFile(options.file, "utf8");
  } catch {
    return { status: "skipped", reason: "the message file could not be read" };
  }
  const commentChar = options.commentChar && options.commentChar !== "auto" ? options.commentChar : inferCommentChar(existing);
  // Without an editor git keeps comment lines: they are the user's text, a body like any other.
  const own = options.noEditor ? existing.replace(/\r\n?/g, "\n") : withoutComments(existing, commentChar);
  const summary = releaseOnlySummary(own, options.noEditor ? "" : commentChar, await import("../message/kind.js"));
  if (typeof summary !== "string") return summary;
  const composed = await composeStaged(
    options.cwd,
    async () => {
      // The template is unused (the summary is the user's), but a config named for it is read
      // as for any release commit: a missing or invalid one is reported, not passed over.
      if (options.template === undefined) await options.loadTemplate?.();
      return {
        existingMessage: own,
        commentChar,
        ...(options.trailers !== undefined ? { trailers: options.trailers } : {}),
      };
    },
    (await options.amending?.()) ?? false,
  );
  if ("status" in composed) return composed;
  const { message, packages, notes } = composed;
  // The user's summary replaces the template's: the tool that committed chose it (npm's "1.2.3").
  const written = `${summary}${message.slice(message.indexOf("\n"))}`;
  const below = options.noEditor ? "" : commentPart(existing, commentChar);
  return writeComposed(options.file, written, below, `added the release body for ${releasedList(packages)} under the given summary`, notes);
}

/**
 * The summary line of `text` when the message is that summary alone, a release's by its text
 * (`1.2.3`, `v1.2.3`, `Release v1.2.3`, `chore: bump version to 1.2.3`), with at most a
 * paragraph of trailers after it; otherwise why the message is left alone.
 */
function releaseOnlySummary(
  text: string,
  commentChar: string,
  kind: { isReleaseSummary(summary: string): boolean; isDevelopmentBump(summary: string): boolean },
): string | PrepareResult {
  const lines = text.split("\n").map((line) => line.trimEnd());
  const first = lines.findIndex((line) => line.trim() !== "");
  if (first < 0) return { status: "skipped", reason: "the given message is empty" };
  const summary = lines[first];
  const rest = lines.slice(first + 1).filter((line) => line.trim() !== "");
  if (rest.length > existingTrailers(text, commentChar).length) return { status: "skipped", reason: "the given message has a body of its own" };
  // The bump to the next development version releases nothing to describe.
  if (!kind.isReleaseSummary(summary.trim()) || kind.isDevelopmentBump(summary)) return { status: "skipped", reason: "the given message is no release summary" };
  return summary;
}

/** The text of a message file without git's comment lines and anything below the scissors line. */
function withoutComments(text: string, commentChar: string): string {
  const lines: string[] = [];
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    if (!line.startsWith(commentChar)) lines.push(line);
    else if (/ -{8,} >8 -{8,}$/.test(line)) break;
  }
  return lines.join("\n");
}

/** Git's comment lines of the file, and everything from the scissors line on (the `--verbose` diff). */
export function commentPart(text: string, commentChar: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (!line.startsWith(commentChar)) continue;
    if (/ -{8,} >8 -{8,}$/.test(line)) {
      out.push(...lines.slice(index));
      break;
    }
    out.push(line);
  }
  const joined = out.join("\n");
  return joined === "" || joined.endsWith("\n") ? joined : `${joined}\n`;
}

/** The comment character git used in the file (for core.commentChar=auto): the one before "Please enter". */
function inferCommentChar(text: string): string {
  return /^(\S) Please enter the commit message/m.exec(text)?.[1] ?? "#";
}
