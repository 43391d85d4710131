// Classifies a commit message's kind (merge, revert, fixup, bot, release) from git's and hosts' default texts.
import type { MessageKind, SourceLine, Trailer } from "../types.js";
import { describeOption } from "./options.js";

/** The parts of a message that kind classification looks at. */
export interface KindInput {
  summary: SourceLine | null;
  body: readonly SourceLine[];
  trailers: readonly Trailer[];
}

const FIXUP = /^(?:fixup|squash|amend)! /;

// git fmt-merge-msg: "Merge branch 'a'", "Merge branches 'a' and 'b'", "Merge remote-tracking branch 'o/a'",
// "Merge tag 'v1'", "Merge commit 'abc'", each optionally "of URL" and "into NAME"; "Merge URL" for a bare pull.
const GIT_MERGE =
  /^Merge (?:(?:remote-tracking )?branch(?:es)?|tags?|commits?) '[^']+'(?:(?:, | and )'[^']+')*(?: of \S+)?(?: into \S+)?$/;
const GIT_MERGE_URL = /^Merge (?:(?:https?|git|ssh|file):\/\/|[\w.-]+@[\w.-]+:)\S*(?: into \S+)?$/;
const GITHUB_MERGE = /^Merge pull request #\d+ from \S+$/;
const GITLAB_MERGE = /^Merge branch '[^']+' into '[^']+'$/;
const GITLAB_SEE = /^See merge request \S+!\d+$/;
const BITBUCKET_MERGE = /^Merged in \S+ \(pull request #\d+\)$/;
const AZURE_MERGE = /^Merged PR \d+: /;

const REVERT_SUMMARY = /^(?:Revert|Reapply) ".*"$/;
const CONVENTIONAL_REVERT = /^revert(?:\([^)]*\))?!?: (\S.*)$/i;
// conventional-changelog's revert subject: the reverted commit's own header, quoted or not ("revert: feat(api): add x").
const REVERTED_HEADER = /^"?[a-z]+(?:\([^)]*\))?!?: \S/i;
// git revert's line; before git 1.5.4 it read "This reverts <sha> commit."
const REVERTS_LINE = /^This reverts (?:commit [0-9a-f]{7,64}\b|[0-9a-f]{7,64} commit\b)/;
// The Conventional Commits spec's revert footer, "Refs: 676104e, a215868", and its kin.
const REVERTED_REFS_TOKEN = /^(?:refs?|references|reverts?|reverted)$/i;
const COMMIT_IDS = /^[0-9a-f]{7,64}(?:(?:,\s*|\s+)[0-9a-f]{7,64})*$/;
const REVERTS_COMMIT = /^This reverts commit [0-9a-f]{7,64}(?:\.|,(?: reversing)?)?$/;
const REVERTS_REFERENCE = /^This reverts commit [0-9a-f]{7,64} \(.*\)\.?$/;
const REVERSING_CHANGES = /^(?:reversing\s+)?changes made to [0-9a-f]{7,64}\.$/;
const GITHUB_REVERTS = /^Reverts \S+#\d+$/;
const REVERT_WORD = /^Revert\b/;

/**
 * False when no revert summary pattern can match: each starts "Revert", "Reapply", "revert" in any
 * case, or "This reverts", so the first character is R, r or T.
 */
export function mayBeRevertSummary(summary: string): boolean {
  const c = summary.charCodeAt(0);
  return c === 82 /* R */ || c === 114 /* r */ || c === 84 /* T */;
}

// "Git 2.43", "Git 2.43-rc0", "GIT 0.99.9e", "git-gui 0.18": a name and its version, nothing else; the
// one release text that any ASCII letter can start.
const NAME_VERSION =
  /^(?!(?:Update|Upgrade|Bump|Fix|Add|Remove|Drop|Deprecate|Revert|Merge|Use|Require|Support|Test|Build|Target|Pin|Allow|Enable|Disable|Switch|Move)\b)[A-Za-z][\w.-]* v?\d+(?:\.\d+)+[a-z]?(?:-?(?:rc|alpha|beta|pre)[\w.]*)?$/i;

const RELEASE: RegExp[] = [
  /^chore(?:\([^)]*\))?!?: release\b/i, // release-please, semantic-release: "chore: release 1.2.3", "chore(main): release 2.0.0"
  /^chore\(release\)!?: /i, // standard-version: "chore(release): 1.2.3"
  /^release(?:\([^)]*\))?!?: /i, // "release: v1.2.3"
  /^(?:chore(?:\([^)]*\))?!?: )?(?:release|releasing|prepare(?: for)? release|version|bump version(?: to)?|bump to|set version to|version bump to)(?: version)?:? v?\d+(?:\.\d+)+(?:[-+][\w.-]+|\.dev\d*)?$/i,
  /^v?\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/, // "v1.2.3"
  NAME_VERSION,
  /^Bump version: \S+ → \S+$/, // bump2version / bump-my-version
  /^Version Packages(?: \(\w+\))?$/, // changesets
  /^\[maven-release-plugin\] prepare (?:release|for next development iteration)/,
  /^\[Gradle Release Plugin\] - /,
  /^Prepare (?:for )?next development (?:version|iteration)/i,
  /^Publish$/, // lerna publish
  /^chore: publish\b/i,
];

const BOT_SUMMARY: RegExp[] = [
  /^Bump \S+(?: and \S+)? from \S+ to \S+/, // dependabot
  /^Bump the \S+ group\b/, // dependabot grouped updates
  /^[a-z]+\((?:deps|deps-dev|dev-deps|dependencies)\)!?: /i, // "build(deps): bump x", "chore(deps): update dependency x"
  /^[a-z]+(?:\([^)]*\))?!?: (?:bump \S+ from \S+ to \S+|update dependency \S+ to |update (?:module|rust crate) \S+ to |update \S+ (?:action|docker tag|digest) to |pin dependencies|lock file maintenance)/i,
  /^Update (?:dependency|module|rust crate) \S+ to \S+/, // renovate
  /^Update \S+ (?:action|docker tag|digest) to \S+/, // renovate
  /^(?:Pin dependencies|Lock file maintenance|Update all (?:non-major )?dependencies)\b/, // renovate
  /^\[Snyk\] /,
  /^\[pre-commit\.ci\] /,
  /^chore\(package\): update \S+ to version /, // greenkeeper
];
const BOT_TRAILER = /\[bot\]|^dependabot|^renovate/i;
const SIGN_OFF_TOKEN = /^signed-off-by$/i;

/** False when BOT_TRAILER cannot match: the value holds no "[" and starts with neither d nor r. */
export function mayNameBot(value: string): boolean {
  const first = value.charCodeAt(0) | 32;
  return first === 100 /* d */ || first === 114 /* r */ || value.includes("[");
}

/**
 * The first characters of a summary that a RELEASE pattern other than the "name version" one
 * (which any ASCII letter can start) can match: c, r, p, v, b, s in either case, "[" and digits.
 */
function startsReleaseWord(c: number): boolean {
  switch (c | 32) {
    case 99: // c
    case 114: // r
    case 112: // p
    case 118: // v
    case 98: // b
    case 115: // s
      return isAsciiLetter(c);
    default:
      return c === 91 /* [ */ || (c >= 48 && c <= 57);
  }
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** True when the summary starts with git's autosquash prefixes `fixup! `, `squash! ` or `amend! `. */
export function isFixupSummary(summary: string): boolean {
  return FIXUP.test(summary);
}

/** True when the summary is a default merge text of git, GitHub, GitLab, Bitbucket or Azure DevOps. */
export function isMergeSummary(summary: string): boolean {
  // Every default merge text starts "Merge" ("Merged in", "Merged PR"): one comparison spares the
  // six patterns for all other summaries.
  if (!summary.startsWith("Merge")) return false;
  return (
    GIT_MERGE.test(summary) ||
    GITHUB_MERGE.test(summary) ||
    GITLAB_MERGE.test(summary) ||
    GIT_MERGE_URL.test(summary) ||
    BITBUCKET_MERGE.test(summary) ||
    AZURE_MERGE.test(summary)
  );
}

/**
 * True when the message reverts a commit: a `Revert "..."` or `Reapply "..."` summary; a summary
 * starting "Revert" with git's "This reverts commit <sha>" line; or a Conventional Commits
 * `revert:` summary with that line, a `Refs: <sha>` trailer, or the reverted commit's header as
 * its subject. A `revert:` summary alone is no evidence: git.git and the projects that follow it
 * name the area a change is in, and "revert: fix --abort" changes the `git revert` command.
 */
export function isRevertMessage(input: KindInput): boolean {
  const summary = summaryText(input);
  if (!mayBeRevertSummary(summary)) return false;
  if (REVERT_SUMMARY.test(summary)) return true;
  const conventional = CONVENTIONAL_REVERT.exec(summary);
  if (conventional !== null) {
    return REVERTED_HEADER.test(conventional[1]) || hasRevertsLine(input) || input.trailers.some(namesRevertedCommits);
  }
  if (!REVERT_WORD.test(summary) && !REVERTS_REFERENCE.test(summary)) return false;
  return hasRevertsLine(input);
}

// The line git writes starts the line; an indented one quotes it (git.git's own commits about `git revert`).
function hasRevertsLine(input: KindInput): boolean {
  return input.body.some((l) => REVERTS_LINE.test(l.text));
}

function namesRevertedCommits(trailer: Trailer): boolean {
  return REVERTED_REFS_TOKEN.test(trailer.token) && COMMIT_IDS.test(trailer.value);
}

/**
 * The bump after a release to the next development version ("[maven-release-plugin] prepare for
 * next development iteration", "Set version to 1.3.0-SNAPSHOT"): a release commit that
 * releases nothing, so it has no versions or changes to list.
 */
export function isDevelopmentBump(summary: string): boolean {
  return /\bnext development (?:version|iteration)\b/i.test(summary) || (SETS_VERSION.test(summary) && DEVELOPMENT_VERSION.test(summary));
}

/** A summary that sets or bumps the version ("Set version to …", "chore: bump version to …"), not one that releases. */
const SETS_VERSION = /^(?:chore(?:\([^)]*\))?!?: )?(?:set|bump|update|change)(?:s|ed)?\b/i;
/** A development version: 1.3.0-SNAPSHOT, 2.1.0.dev0, 2.0.0-dev. */
const DEVELOPMENT_VERSION = /\d(?:-SNAPSHOT|[-.]dev\d*)\b/i;

/** True when the summary is a release commit's text (release tools, version bumps, bare versions). */
export function isReleaseSummary(summary: string): boolean {
  const first = summary.charCodeAt(0);
  if (startsReleaseWord(first)) {
    for (let i = 0; i < RELEASE.length; i++) if (RELEASE[i].test(summary)) return true;
    return false;
  }
  // No other pattern can match a summary that starts otherwise.
  return isAsciiLetter(first) && NAME_VERSION.test(summary);
}

/** True when the message looks like a dependency bot's (dependabot, renovate, snyk, pre-commit.ci). */
export function isBotMessage(input: KindInput): boolean {
  const summary = summaryText(input);
  // Every BOT_SUMMARY pattern starts with an ASCII letter or "[".
  const first = summary.charCodeAt(0);
  if (isAsciiLetter(first) || first === 91 /* [ */) {
    for (let i = 0; i < BOT_SUMMARY.length; i++) if (BOT_SUMMARY[i].test(summary)) return true;
  }
  const trailers = input.trailers;
  for (let i = 0; i < trailers.length; i++) {
    const { token, value } = trailers[i];
    if (token.length === 13 && mayNameBot(value) && SIGN_OFF_TOKEN.test(token) && BOT_TRAILER.test(value)) return true;
  }
  return false;
}

/** The kind of commit: fixup, merge, revert, release, bot, or normal (checked in that order). */
export function classifyKind(input: KindInput, merge?: boolean): MessageKind {
  // A commit with two parents is a merge whatever its text says ("wip"); one with a single
  // parent is not, even with a merge's text (a squashed or rebased "Merge branch 'x'").
  if (merge === true) return "merge";
  const summary = summaryText(input);
  if (summary === "") return "normal";
  if (isFixupSummary(summary)) return "fixup";
  if (merge === undefined && isMergeSummary(summary)) return "merge";
  if (isRevertMessage(input)) return "revert";
  if (isReleaseSummary(summary)) return "release";
  if (isBotMessage(input)) return "bot";
  return "normal";
}

/**
 * True when a merge message is only the text git or the hosting service generated: the default
 * summary, optionally followed by generated parts only (the `merge.log` shortlog, the old
 * uncommented "Conflicts:" list, GitLab's "See merge request", the GitHub pull request title as
 * its one-line body) and trailers. False when the author added any explanation, or when it is no merge.
 */
export function isDefaultMergeText(input: KindInput): boolean {
  assertKindInput(input, "isDefaultMergeText()");
  const summary = summaryText(input);
  if (!isMergeSummary(summary)) return false;
  const paragraphs = splitParagraphs(input.body);
  const github = GITHUB_MERGE.test(summary);
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (isShortlogParagraph(p) || isConflictsParagraph(p)) continue;
    if (p.length === 1 && GITLAB_SEE.test(p[0].text)) continue;
    // GitHub puts the pull request title alone as the body; a longer text was written by someone.
    if (github && i === 0 && paragraphs.length === 1 && p.length === 1) continue;
    return false;
  }
  return true;
}

/**
 * True for git's own "This reverts commit <sha>." line (trimmed), its merge form's first line
 * ("…, reversing") and `git revert --reference`'s "This reverts commit <sha> (<title>, <date>)."
 */
export function isRevertsCommitLine(text: string): boolean {
  return REVERTS_COMMIT.test(text) || REVERTS_REFERENCE.test(text);
}

/**
 * True for the second line of git's default text for a reverted merge ("This reverts commit X,
 * reversing" / "changes made to Y."), trimmed.
 */
export function isRevertContinuation(text: string): boolean {
  return REVERSING_CHANGES.test(text);
}

/**
 * True when a revert message is only git's default text: `Revert "<summary>"` and
 * "This reverts commit <sha>." (or the merge form "..., reversing changes made to <sha>.",
 * or GitHub's "Reverts owner/repo#12"), plus trailers. False when a reason was added, or when it is no revert.
 */
export function isDefaultRevertText(input: KindInput): boolean {
  assertKindInput(input, "isDefaultRevertText()");
  const summary = summaryText(input);
  const referenceForm = REVERTS_REFERENCE.test(summary); // git revert --reference with the title left empty
  if (!REVERT_SUMMARY.test(summary) && !referenceForm) return false;
  let sawRevertLine = referenceForm;
  for (const line of input.body) {
    const text = line.text.trim();
    if (text === "") continue;
    if (isRevertsCommitLine(text) || GITHUB_REVERTS.test(text)) {
      sawRevertLine = true;
      continue;
    }
    if (isRevertContinuation(text)) continue;
    return false;
  }
  return sawRevertLine;
}

/**
 * Throws a TypeError when a JavaScript caller passed no parsed message to `fn` (exported by the
 * package): a string or undefined would otherwise fail reading `.summary` or `.body`.
 */
function assertKindInput(input: KindInput, fn: string): void {
  if (typeof input === "object" && input !== null && Array.isArray(input.body) && Array.isArray(input.trailers)) return;
  const hint = typeof input === "string" ? "; parse the text with parseMessage() first" : "";
  throw new TypeError(`${fn} takes the result of parseMessage(), not ${describeOption(input)}${hint}`);
}

function summaryText(input: KindInput): string {
  return input.summary ? input.summary.text : "";
}

function splitParagraphs(lines: readonly SourceLine[]): SourceLine[][] {
  const out: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    if (line.text.trim() === "") {
      if (current.length) out.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) out.push(current);
  return out;
}

// merge.log: "* branch 'x' of url:" / "* x:" followed by indented commit subjects, "(N more)" lines.
function isShortlogParagraph(p: SourceLine[]): boolean {
  if (!/^\* .+:$/.test(p[0].text)) return false;
  return p.slice(1).every((l) => /^\s+\S/.test(l.text) || /^\* .+:$/.test(l.text));
}

// git before 1.7.x wrote an uncommented "Conflicts:" list of tab-indented paths into merge messages.
function isConflictsParagraph(p: SourceLine[]): boolean {
  return p[0].text === "Conflicts:" && p.slice(1).every((l) => /^\s+\S/.test(l.text));
}

/**
 * The patterns that the first-character tests above stand in front of, for the tests that check
 * the fast paths against them: the merge texts, the revert summaries, the release texts and the
 * bots' summaries.
 */
export const KIND_SUMMARY_PATTERNS: Readonly<Record<"merge" | "revert" | "release" | "bot", readonly RegExp[]>> = {
  merge: [GIT_MERGE, GITHUB_MERGE, GITLAB_MERGE, GIT_MERGE_URL, BITBUCKET_MERGE, AZURE_MERGE],
  revert: [REVERT_SUMMARY, CONVENTIONAL_REVERT, REVERT_WORD, REVERTS_REFERENCE],
  release: RELEASE,
  bot: BOT_SUMMARY,
};

/** The pattern that mayNameBot stands in front of, for the tests. */
export const BOT_TRAILER_PATTERN = BOT_TRAILER;
