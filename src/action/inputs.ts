// The action's inputs, read and checked once: a bad value stops the run with a one-line reason.
import { UsageError } from "../types.js";
import type { CommentMode } from "./comment.js";
import { getInput } from "./workflow.js";
import { echoValue, jsonQuote } from "../echo-value.js";

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
   * Which report comment is this step's: the `comment-key` input, else the workflow's name, the
   * job's id and the step's name (`commit messages/rationale/__acme_rationale`); empty only with
   * comment mode `never`.
   */
  commentKey: string;
  /**
   * The default key earlier versions gave this step's comment (`commit messages/rationale`,
   * without the step), whose comment a step without one of its own adopts; set only when the
   * default key names the step.
   */
  previousCommentKey?: string;
  /**
   * How the comment names its key to people, set only when that differs from the key: a default
   * key's step named by the runner (`__acme_rationale`) is left out (see stepLabel).
   */
  commentLabel?: string;
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
 * The comment key: the `comment-key` input, else `GITHUB_WORKFLOW/GITHUB_JOB/GITHUB_ACTION`,
 * which the runner sets for every step. GITHUB_ACTION tells apart two steps of one job that run
 * the action: it is the step's `id`, else a name of the action's repository (`__acme_rationale`)
 * with `_2`, `_3` after it for the second and later uses in the job. Earlier versions keyed by
 * workflow and job alone, so two such steps overwrote each other's comment: `previous` is that
 * key, whose comment the step adopts (no step's key is it any more, so only an earlier version
 * wrote it). Matrix jobs share all three, hence the input. Empty is the same as unset: the runner
 * passes an input the workflow leaves out as "", so the two cannot be told apart.
 */
function readCommentKey(env: NodeJS.ProcessEnv, comment: CommentMode): { key: string; previous?: string; label?: string } {
  const key = getInput(env, "comment-key");
  if (key !== "") {
    // A line break or tab (a YAML block scalar, a matrix value with one) would read as part of the
    // label; the marker would encode it, but it is surely a mistake.
    if (/\p{Cc}/u.test(key)) throw new UsageError(`input comment-key: expected one line without control characters, got ${jsonQuote(echoValue(key))}`);
    const length = Array.from(key).length;
    if (length > COMMENT_KEY_MAX) throw new UsageError(`input comment-key: expected at most ${COMMENT_KEY_MAX} characters, got ${length}; use a shorter name for this job's report comment`);
    return { key };
  }
  const workflow = (env.GITHUB_WORKFLOW ?? "").trim();
  const job = (env.GITHUB_JOB ?? "").trim();
  const step = (env.GITHUB_ACTION ?? "").trim();
  if (workflow !== "" && job !== "") {
    return step === "" ? { key: `${workflow}/${job}` } : { key: `${workflow}/${job}/${step}`, previous: `${workflow}/${job}`, label: `${workflow}/${job}${stepLabel(step)}` };
  }
  if (comment === "never") return { key: "" };
  const missing = [workflow === "" ? "GITHUB_WORKFLOW" : "", job === "" ? "GITHUB_JOB" : ""].filter(Boolean).join(" and ");
  throw new UsageError(`${missing} ${missing.includes(" and ") ? "are" : "is"} not set, so the report comment has no default key: set the comment-key input, or run the action in a GitHub workflow`);
}

/**
 * The step's part of the label a default key shows (see ActionInputs.commentLabel). The name the
 * runner gives a step without an `id` (ids starting with `__` are reserved for it) is made from
 * the action's repository, `__acme_rationale`, which tells a reader nothing they do not know: the
 * first use in the job shows the workflow and job alone, as before the step was in the key, and
 * the later ones, `_2`, `_3` after the name, show `#2`, `#3`. A step's own id is shown after a
 * `/`, as is a name inside a composite action (`outer.__acme_rationale`), which is not one name.
 */
function stepLabel(step: string): string {
  if (!step.startsWith("__") || step.includes(".")) return `/${step}`;
  const later = /_([2-9]|[1-9]\d+)$/.exec(step);
  return later === null ? "" : ` #${later[1]}`;
}

/** The comment key fields of ActionInputs (previousCommentKey and commentLabel only when there is one). */
function commentKeys({ key, previous, label }: { key: string; previous?: string; label?: string }): Pick<ActionInputs, "commentKey" | "previousCommentKey" | "commentLabel"> {
  return { commentKey: key, ...(previous === undefined ? {} : { previousCommentKey: previous }), ...(label === undefined || label === key ? {} : { commentLabel: label }) };
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
    ...commentKeys(readCommentKey(env, comment)),
    checkPrMessage: checkText !== "false",
    // YAML 1.1 reads an unquoted `off` as false; take that as off too.
    release: oneOf("release", getInput(env, "release").replace(/^false$/i, "off"), ["off", "describe", "merge"] as const, "off"),
  };
}
