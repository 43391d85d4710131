// The action's inputs, read and checked once: a bad value stops the run with a one-line reason.
import { UsageError } from "../types.js";
import type { CommentMode } from "./comment.js";
import { getInput } from "./workflow.js";
import { echoValue } from "../echo-value.js";

/** Release handling: `off`, `describe` (PR description block) or `merge` (squash-merge with it). */
export type ReleaseMode = "off" | "describe" | "merge";

/** Inputs after defaults and validation. */
export interface ActionInputs {
  token: string;
  configPath: string;
  /** Explicit `fail-under`; undefined means the configuration's threshold. */
  failUnder?: number;
  comment: CommentMode;
  /**
   * Which report comment is this job's: the `comment-key` input, else the workflow's name and
   * the job's id (`commit messages/rationale`); empty only with comment mode `never`.
   */
  commentKey: string;
  checkPrMessage: boolean;
  release: ReleaseMode;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], fallback: T): T {
  if (value === "") return fallback;
  // YAML writers capitalise freely ("Always"); the values themselves are all lower case.
  const lower = value.toLowerCase();
  if ((allowed as readonly string[]).includes(lower)) return lower as T;
  throw new UsageError(`input ${name}: expected one of ${allowed.join(", ")}, got "${echoValue(value)}"`);
}

/** The longest `comment-key`, in characters: a label to read in the comment's footer, not a text. */
export const COMMENT_KEY_MAX = 100;

/**
 * The comment key: the `comment-key` input, else `GITHUB_WORKFLOW/GITHUB_JOB`, which the runner
 * sets for every job. Matrix jobs share both, hence the input. Empty is the same as unset: the
 * runner passes an input the workflow leaves out as "", so the two cannot be told apart.
 */
function readCommentKey(env: NodeJS.ProcessEnv, comment: CommentMode): string {
  const key = getInput(env, "comment-key");
  if (key !== "") {
    // A line break or tab (a YAML block scalar, a matrix value with one) would read as part of the
    // label; the marker would encode it, but it is surely a mistake.
    if (/\p{Cc}/u.test(key)) throw new UsageError(`input comment-key: expected one line without control characters, got ${JSON.stringify(echoValue(key))}`);
    const length = Array.from(key).length;
    if (length > COMMENT_KEY_MAX) throw new UsageError(`input comment-key: expected at most ${COMMENT_KEY_MAX} characters, got ${length}; use a shorter name for this job's report comment`);
    return key;
  }
  const workflow = (env.GITHUB_WORKFLOW ?? "").trim();
  const job = (env.GITHUB_JOB ?? "").trim();
  if (workflow !== "" && job !== "") return `${workflow}/${job}`;
  if (comment === "never") return "";
  const missing = [workflow === "" ? "GITHUB_WORKFLOW" : "", job === "" ? "GITHUB_JOB" : ""].filter(Boolean).join(" and ");
  throw new UsageError(`${missing} ${missing.includes(" and ") ? "are" : "is"} not set, so the report comment has no default key: set the comment-key input, or run the action in a GitHub workflow`);
}

/** Reads the inputs from INPUT_* variables; throws UsageError naming the bad input. */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const failUnderText = getInput(env, "fail-under");
  let failUnder: number | undefined;
  if (failUnderText !== "") {
    // Digits only: Number() would also read "0x3C" as 60 and "1e1" as 10.
    failUnder = /^\d{1,3}$/.test(failUnderText) ? Number(failUnderText) : Number.NaN;
    if (!Number.isInteger(failUnder) || failUnder < 0 || failUnder > 100) {
      throw new UsageError(`input fail-under: expected an integer from 0 to 100, got "${echoValue(failUnderText)}"`);
    }
  }
  const checkText = getInput(env, "check-pr-message").toLowerCase();
  if (!["", "true", "false"].includes(checkText)) {
    throw new UsageError(`input check-pr-message: expected true or false, got "${echoValue(getInput(env, "check-pr-message"))}"`);
  }
  const comment = oneOf("comment", getInput(env, "comment"), ["on-failure", "always", "never"] as const, "on-failure");
  return {
    token: getInput(env, "github-token") || env.GITHUB_TOKEN || "",
    // A path relative to the repository root: "./ci/rationale.yml" is "ci/rationale.yml".
    // Relative to the repository root: a leading "./" or "/" (the root as a workflow author may
    // write it) names the same file.
    configPath: getInput(env, "config").replace(/^(?:\.?\/)+/, ""),
    failUnder,
    comment,
    commentKey: readCommentKey(env, comment),
    checkPrMessage: checkText !== "false",
    // YAML 1.1 reads an unquoted `off` as false; take that as off too.
    release: oneOf("release", getInput(env, "release").replace(/^false$/i, "off"), ["off", "describe", "merge"] as const, "off"),
  };
}
