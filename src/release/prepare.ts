// The prepare-commit-msg mode: pre-fills the message of a hand-made release commit.
import { readFile } from "node:fs/promises";
import { UsageError } from "../types.js";
import { NothingToReleaseError, gatherRelease } from "./gather.js";

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
  /** Reads the template (from config) only once a release is found, so other commits skip config loading. */
  loadTemplate?: () => Promise<string | undefined>;
  trailers?: string[];
}

/** What the hook did: `written`, or `skipped` with the reason; `warning` is worth showing the user. */
export interface PrepareResult {
  status: "written" | "skipped";
  reason: string;
  warning?: string;
}

/**
 * Pre-fills the message file when the staged changes bump a version and the changelog has the
 * new version's section. Does nothing for merges, squashes, amends and `-c`/`-C` (the message
 * exists already), for `-m`/`-F` (the user wrote one), and when nothing is bumped. Git's comment
 * lines (and a `--verbose` diff below the scissors line) stay below the composed message, and
 * trailers already in the file (such as `-s`'s Signed-off-by) stay last. Never throws for a
 * problem with the release: a commit must not fail because its body could not be pre-filled;
 * such problems come back as `warning`.
 */
export async function prepareCommitMessage(options: PrepareOptions): Promise<PrepareResult> {
  const source = options.source ?? "";
  if (source !== "" && source !== "template") return { status: "skipped", reason: `the message comes from ${source}` };
  let release;
  try {
    release = await gatherRelease({ cwd: options.cwd, skipUnborn: true });
  } catch (error) {
    if (error instanceof NothingToReleaseError) return { status: "skipped", reason: "no version bump is staged" };
    if (error instanceof UsageError) return { status: "skipped", reason: "the release could not be described", warning: error.message };
    throw error;
  }
  const existing = await readFile(options.file, "utf8").catch(() => "");
  const commentChar = options.commentChar && options.commentChar !== "auto" ? options.commentChar : inferCommentChar(existing);
  const { composeReleaseMessage } = await import("./compose.js");
  let message: string;
  try {
    const template = options.template ?? (await options.loadTemplate?.());
    message = composeReleaseMessage({
      ...release,
      existingMessage: existing,
      commentChar,
      ...(template !== undefined ? { template } : {}),
      ...(options.trailers !== undefined ? { trailers: options.trailers } : {}),
    });
  } catch (error) {
    if (error instanceof UsageError) return { status: "skipped", reason: "the release could not be described", warning: error.message };
    throw error;
  }
  const below = commentPart(existing, commentChar);
  // Written beside and renamed over, as `--output` is: a failed write must not leave git a
  // truncated message file where its template (or the user's -t text) was.
  const { writeFileAtomically } = await import("../audit/output.js");
  try {
    await writeFileAtomically(options.file, below === "" ? message : `${message}\n${below}`, options.file);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { status: "skipped", reason: "the message file could not be written", warning: error.message };
  }
  return { status: "written", reason: `composed the release message for ${release.packages.map((pkg) => `${pkg.name} ${pkg.to}`).join(", ")}` };
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
