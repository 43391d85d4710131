// Content judgement: decides the why, what and refs facets of a message from English cues.
import type { Facets, ParsedMessage, Ref, ResolvedConfig, Span, WhatLevel, WhyLevel } from "../types.js";
import { avertedProblem } from "./averted.js";
import { summaryStateClause } from "./summary-clause.js";
import { analyze, FEATURE_NAMES, type Analysis, type FeatureName } from "./features.js";
import { isDevelopmentBump, isRevertsCommitLine } from "../message/kind.js";
import { isJudgeableEnglish } from "./language.js";
import { statesNewState } from "./behaviour.js";
import { summaryOrdersLater } from "./orders.js";
import { headedByProblem, marksForTranslation, namesSeriesStep, updatesTranslation } from "./summary-cues.js";
import { findRefs } from "./refs.js";
import { isFileName } from "./summary.js";
import { WHAT_THRESHOLD, WHAT_WEIGHTS, WHY_THRESHOLD, WHY_WEIGHTS } from "./weights.js";

export { findRefs } from "./refs.js";
export { isJudgeableEnglish } from "./language.js";
export { isSquashedCommitList } from "./squash.js";

/** Weights and thresholds of the two logistic models (see `weights.ts`). */
export interface JudgeModel {
  whyWeights: Readonly<Record<string, number>>;
  whatWeights: Readonly<Record<string, number>>;
  whyThreshold: number;
  whatThreshold: number;
}

/** The shipped model, fitted by scripts/fit-weights.mjs. */
export const DEFAULT_MODEL: JudgeModel = { whyWeights: WHY_WEIGHTS, whatWeights: WHAT_WEIGHTS, whyThreshold: WHY_THRESHOLD, whatThreshold: WHAT_THRESHOLD };

/** The judgement plus the numbers behind it, for the eval script and the docs. */
export interface Judgement extends Facets {
  /** Probability-like scores (0-1) of the logistic models; absent when not judged. */
  scores?: { why: number; what: number };
  /** The cue features that were on. */
  cues?: FeatureName[];
}

/**
 * Judges whether `message` says why the change was needed and what it does, and finds its
 * references. `judged` is false when the text is not (mostly) English: why/what are then unset.
 * Without `config`, any `KEY-123` counts as a ticket (no project keys).
 */
export function judgeMessage(message: ParsedMessage, config: Pick<ResolvedConfig, "projectKeys"> = NO_KEYS): Facets {
  return judge(message, config, false);
}

const NO_KEYS: Pick<ResolvedConfig, "projectKeys"> = { projectKeys: [] };

/** `judgeMessage` with the model scores and the cues that fired. */
export function judgeMessageDetailed(message: ParsedMessage, config: Pick<ResolvedConfig, "projectKeys"> = NO_KEYS): Judgement {
  return judge(message, config, true);
}

function judge(message: ParsedMessage, config: Pick<ResolvedConfig, "projectKeys">, detailed: boolean): Judgement {
  const refs = findRefs(message, config.projectKeys ?? []);
  // One flat string: the language check reads it a character at a time, which a rope built
  // with "+" makes slower.
  const prose = message.summary ? [message.summary.text, message.bodyText].join("\n") : "";
  if (!isJudgeableEnglish(prose)) return { refs, judged: false, evidence: {} };
  if (!message.summary || message.summary.text.trim() === "") {
    return { why: "missing", what: "missing", refs, judged: true, evidence: { why: [], what: [] } };
  }
  return decideFacets(message, refs, analyze(message, refs), DEFAULT_MODEL, detailed);
}

/**
 * Turns a message's cue analysis into facets with `model`. Split from `judgeMessage` so the
 * fitting script can score other weights through exactly the same decisions.
 */
export function decideFacets(message: ParsedMessage, refs: Ref[], analysis: Analysis, model: JudgeModel, detailed = false): Judgement {
  // The values' own order is FEATURE_NAMES' (one object literal makes them; a test checks it):
  // reading them in a row avoids a keyed lookup per feature in each model.
  const row = Object.values(analysis.values);
  const whyScore = predict(model.whyWeights, row);
  const whatScore = predict(model.whatWeights, row);
  // An explicit statement decides on its own: a causal connective for why ("because", "so that"),
  // a sentence describing the change for what ("This change …", "… instead of …"). So does a
  // change that explains itself by its kind: a bump to a named version is its own reason, and
  // fixing a typo shows in the diff what changed.
  const { values } = analysis;
  // "Reorganize the tests, which had grown unwieldy": the summary tells how its object is today.
  const summaryClause = stateClauseSpan(message, analysis);
  // A body that tells what went wrong in its own words states why too (asked last: it costs a scan).
  const statesWhy =
    values.sumCausal > 0 ||
    analysis.summaryPurpose !== null ||
    summaryClause !== null ||
    values.versionBump > 0 ||
    // A release commit releases what it names: the versions and changes below it are its
    // reason, whatever its entries' own reasons do to the model's score. One naming nothing
    // ("chore: release (#6)") loses this again below.
    message.kind === "release" ||
    whyScore >= model.whyThreshold ||
    (analysis.proseWords >= 6 && values.bodyCausal > 0) ||
    revertExplained(message, analysis) ||
    (analysis.proseWords >= 4 && analysis.toldReason()) ||
    quotedReason(analysis, model) !== null ||
    addsDocs(analysis) ||
    reformatsOnly(analysis) ||
    servesTranslation(analysis);
  const statesWhat =
    (values.bodyChangeDescription > 0 && values.bodySquashList === 0) ||
    (values.fixEvident > 0 && values.evidentTypo > 0) ||
    (analysis.proseWords >= 6 && (analysis.imperative() || analysis.statesNewBehaviour()) && values.bodySquashList === 0) ||
    (values.bodySquashList === 0 && analysis.describesChange());
  let why = decideWhy(message, analysis, refs, statesWhy, model, summaryClause);
  // A later clause of the summary that orders the change ("svn import: do not create empty
  // tags", "Fix X by not overstepping the array") names it; read only when nothing else did.
  // So does a summary stating the state the change brings ("branch --help does not die anymore",
  // "gitweb.cgi is now generated").
  const namesWhat =
    statesWhat ||
    whatScore >= model.whatThreshold ||
    (analysis.summary !== null && (summaryOrdersLater(analysis.summary.core) || (analysis.summary.verb === "none" && statesNewState(analysis.summary.core))));
  // So does a body that gives the order inside a sentence ("let's remove it", "Don't convert
  // …"), read last and only here: it scans the body once more. An order drawn after ", so"
  // ("…, so use "mv -f" to work around this issue") is one too, read after it; not an order
  // to allow ("…, so allow some room for error"), which says what the change is for.
  const ordersInPassing = !namesWhat && (analysis.ordersInPassing() || analysis.ordersAfterSo(true) || analysis.needsChange());
  let what = message.kind === "release" ? decideReleaseWhat(message) : decideWhat(analysis, message, namesWhat || ordersInPassing, ordersInPassing);
  // A summary naming only a step in a series ("The fifth batch", "l10n: fr: v2.31 rnd 2") names
  // no change, whatever the model scores; a body that describes it still does.
  // So does a summary alone, with no verb, that only names a problem ("Package name error").
  if (what.level === "named" && analysis.summary !== null && (namesSeriesStep(analysis.summary.core) || namesOnlyProblem(analysis))) what = { level: "missing", spans: [] };
  // A revert with git's "This reverts commit <sha>." line says all it does; a body that
  // describes more keeps its own spans.
  if (message.kind === "revert" && what.level !== "explained") what = revertLineWhat(message) ?? what;
  // A release explains itself through what it releases: "chore: release (#6)" names no version
  // and no change, so only its reference (if any) says anything about why.
  if (message.kind === "release" && what.level === "missing" && why.level === "evident") {
    why = refs.length > 0 ? { level: "linked", spans: refs.map(refSpan) } : { level: "missing", spans: [] };
  }
  // And one that names its versions or changes in the body is its own reason, whatever its
  // summary says: npm version's bare "1.2.3" names nothing a reading takes for specific.
  if (message.kind === "release" && what.level === "explained" && why.level === "missing") why = { level: "evident", spans: [] };
  const facets: Judgement = { why: why.level, what: what.level, refs, judged: true, evidence: { why: why.spans, what: what.spans } };
  if (analysis.restated) facets.restated = true;
  if (detailed) {
    facets.scores = { why: whyScore, what: whatScore };
    facets.cues = FEATURE_NAMES.filter((name) => analysis.values[name] > 0);
  }
  return facets;
}

/**
 * The logistic model: sigmoid of the bias plus the weighted cue features (`row`: the feature
 * values in FEATURE_NAMES order; terms are added in that order).
 */
function predict(weights: Readonly<Record<string, number>>, row: readonly number[]): number {
  const vector = weightVector(weights);
  let sum = weights.bias ?? 0;
  for (let index = 0; index < vector.length; index++) {
    const value = row[index];
    if (value !== 0) sum += vector[index] * value;
  }
  return 1 / (1 + Math.exp(-sum));
}

const weightVectors = new WeakMap<object, Float64Array>();

/** The weights in FEATURE_NAMES order (0 for a feature without one), made once per weights object. */
function weightVector(weights: Readonly<Record<string, number>>): Float64Array {
  let vector = weightVectors.get(weights);
  if (!vector) {
    vector = Float64Array.from(FEATURE_NAMES, (name) => weights[name] ?? 0);
    weightVectors.set(weights, vector);
  }
  return vector;
}

const EXPLAINING_CUES: readonly FeatureName[] = ["sumCausal", "sumPurpose", "bodyCausal", "bodyPurpose", "bodyHistory", "bodyProblemStrong", "bodyProblemWeak"];
const STRICT_EVIDENT_CUES: readonly FeatureName[] = ["evidentTypo", "evidentFormat", "evidentRelease", "evidentDependency", "evidentCleanup"];
const NAMING_CUES: readonly FeatureName[] = ["sumFixVerb", "sumProblemStrong", "sumProblemWeak", "sumState"];
const LOOSE_EVIDENT_CUES: readonly FeatureName[] = ["evidentDocs", "evidentTests"];
const FIX_EVIDENT_CUES: readonly FeatureName[] = ["evidentTypo", "evidentDocs"];
const SUMMARY_EXPLAINING_CUES: readonly FeatureName[] = ["sumCausal", "sumPurpose"];
const BODY_EXPLAINING_CUES: readonly FeatureName[] = ["bodyCausal", "bodyPurpose", "bodyHistory", "bodyProblemStrong", "bodyProblemWeak"];

/** True when any of `cues` is on. */
function hasAny(values: Analysis["values"], cues: readonly FeatureName[]): boolean {
  for (const cue of cues) if (values[cue] > 0) return true;
  return false;
}

/** The spans of the hits of `cues`, in hit order. */
function spansOf(analysis: Analysis, cues: readonly FeatureName[]): Span[] {
  const spans: Span[] = [];
  for (const hit of analysis.hits) if (cues.includes(hit.cue)) spans.push(hit.span);
  return spans;
}

/** A reference's position as a plain span. */
function refSpan({ line, column, endLine, endColumn }: Ref): Span {
  return { line, column, endLine, endColumn };
}

/**
 * The why level. The model decides whether a reason is there at all (the study's notion,
 * where a link or a common-sense reason counts); the cues decide which kind it is, strongest
 * first: a stated reason, a self-evident change, a named problem, a reference.
 */
function decideWhy(message: ParsedMessage, analysis: Analysis, refs: readonly Ref[], present: boolean, model: JudgeModel, summaryClause: Span | null): { level: WhyLevel; spans: Span[] } {
  if (!present) {
    // "Avoid a crash if …", "merge-base: do not leak commit list": an order that averts a
    // malfunction names the problem as "Fix the crash …" does, whatever the model scores.
    const averted = avertedSpan(message, analysis);
    return averted === null ? { level: "missing", spans: [] } : { level: "named", spans: [averted] };
  }
  const { values } = analysis;
  const bodyExplains = (analysis.proseWords >= 6 && hasAny(values, BODY_EXPLAINING_CUES)) || revertExplained(message, analysis) || (analysis.proseWords >= 4 && analysis.toldReason());
  // A quoted report or review that tells the reason ("> It does not work in my repository, since …").
  const quoted = bodyExplains ? null : quotedReason(analysis, model);
  if (hasAny(values, SUMMARY_EXPLAINING_CUES) || analysis.summaryPurpose !== null || summaryClause !== null || bodyExplains || quoted !== null) {
    const spans = spansOf(analysis, EXPLAINING_CUES);
    if (summaryClause !== null) spans.unshift(summaryClause);
    if (analysis.summaryPurpose !== null) spans.unshift(analysis.summaryPurpose);
    if (quoted !== null && spans.length === 0) spans.push(quoted);
    return { level: "explained", spans: spans.length > 0 || analysis.proseLines.length === 0 ? spans : [proseSpan(analysis)] };
  }
  if (hasAny(values, STRICT_EVIDENT_CUES) && values.sumProblemStrong === 0) return { level: "evident", spans: spansOf(analysis, STRICT_EVIDENT_CUES) };
  // "l10n: sv.po: Update Swedish translation", "i18n: apply: mark strings for translation":
  // translating the messages is its own reason, whatever the body lists of what was translated.
  // A problem named under the area ("l10n: fix the locale fallback crash") still needs its story.
  if (servesTranslation(analysis) && values.sumProblemStrong === 0) return { level: "evident", spans: [] };
  // "Fix broken link in README", "Fix incorrect javadoc": what was wrong with the docs or the
  // wording shows in the diff, so naming it is reason enough. Not for the weaker docs words or
  // formatting ("Fix snapshot link in tree view", "Fix broken imports in the parser"),
  // which name code as often.
  if (values.fixEvident > 0 && (values.evidentDocs > 0 || values.evidentTypo > 0)) return { level: "evident", spans: spansOf(analysis, FIX_EVIDENT_CUES) };
  // "Fix some bugs", "fix stuff": a fix of nothing in particular names no problem.
  const fixesNothing = fixesNoNamedProblem(analysis);
  if (!fixesNothing && hasAny(values, NAMING_CUES) && !fixesOnlyReferences(message, analysis, refs)) {
    // A body under it that tells more than what the change does ("`parse_object` can return
    // NULL. That will in turn make `repo_peel_to_type` return the same.") says what went wrong
    // in words no reading takes; one that only orders the change names nothing more.
    if (message.kind !== "merge" && analysis.proseWords >= NAMED_BODY_WORDS && ownProse(analysis) && analysis.tellsMoreThanChange()) return { level: "explained", spans: [proseSpan(analysis)] };
    return { level: "named", spans: spansOf(analysis, NAMING_CUES) };
  }
  if (refs.length > 0) return { level: "linked", spans: refs.map(refSpan) };
  if (hasAny(values, LOOSE_EVIDENT_CUES)) return { level: "evident", spans: spansOf(analysis, LOOSE_EVIDENT_CUES) };
  // The fallbacks below take the model's word that a reason is there; for a fix of nothing in
  // particular it is the fix verb speaking, not a reason.
  if (fixesNothing) return { level: "missing", spans: [] };
  // Nor for a body that only says what the change does, sentence by sentence ("Move the helper
  // to … Update its callers."): its length is what the model read, not a reason. A merge's note
  // sums up a topic whose own commits give the reasons, so it is left to the model.
  if (message.kind !== "merge" && analysis.proseWords >= 6 && analysis.onlyOrders()) return { level: "missing", spans: [] };
  if (analysis.proseWords >= 6) return { level: "explained", spans: analysis.proseLines.length > 0 ? [proseSpan(analysis)] : [] };
  // Under six words, the model's reason has nothing to point at; a summary that names nothing
  // specific either ("Pager changes", "Misc updates") does not make the change its own reason.
  if (namesNothingSpecific(values)) return { level: "missing", spans: [] };
  return { level: "evident", spans: [] };
}

/**
 * Where a block quote of the body tells the reason (see Analysis.quotedReason), or null: a
 * reading of the readsReason chain or a causal connective in the quote, or the fitted body
 * families it holds (causal, purpose, history, problems, scenario), weighed by `model` as if the
 * quote were the writer's own prose ("Junio writes:↵> The old loader previously read every pack
 * …"): a quote is someone else's words, but the same words. Both readings keep their answer, so
 * asking again costs nothing.
 */
function quotedReason(analysis: Analysis, model: JudgeModel): Span | null {
  const told = analysis.quotedReason();
  if (told !== null) return told;
  const read = analysis.quotedFamilies();
  return read !== null && predict(model.whyWeights, Object.values(read.values)) >= model.whyThreshold ? read.span : null;
}

/** The span of a normal commit's summary clause that tells how its object is today (summaryStateClause), or null. */
function stateClauseSpan(message: ParsedMessage, analysis: Analysis): Span | null {
  const reading = analysis.summary;
  if (message.kind !== "normal" || reading === null || message.summary === null) return null;
  const found = summaryStateClause(reading.core, reading.verb !== "none");
  if (found === null) return null;
  return { line: message.summary.line, column: reading.coreStart + found[0] + 1, endLine: message.summary.line, endColumn: reading.coreStart + found[1] + 1 };
}

/**
 * The span of the malfunction a normal commit's summary orders away (avertedProblem), or null.
 * Only a normal commit's: a revert, a merge or a release summary quotes or lists other commits'
 * words.
 */
function avertedSpan(message: ParsedMessage, analysis: Analysis): Span | null {
  const reading = analysis.summary;
  if (message.kind !== "normal" || reading === null || message.summary === null) return null;
  const found = avertedProblem(reading.core);
  if (found === null) return null;
  return { line: message.summary.line, column: reading.coreStart + found[0] + 1, endLine: message.summary.line, endColumn: reading.coreStart + found[1] + 1 };
}

/** Words of prose a body needs under a summary that names the problem to count as telling what went wrong. */
const NAMED_BODY_WORDS = 12;

/** Whether the body has prose lines of its own to point at. */
function ownProse(analysis: Analysis): boolean {
  return analysis.proseLines.length > 0;
}

/**
 * True for a summary that names nothing specific: no specific word ("Small improvements"), or at
 * most one with no verb or only a verb of touching up ("Pager changes", "Tweak pager").
 */
function namesNothingSpecific(values: Analysis["values"]): boolean {
  return values.sumVague > 0 || (values.sumShort > 0 && (values.sumNoVerb > 0 || values.sumVagueVerb > 0));
}

/**
 * What the object of a fix can be made of and still name no problem: generic problem nouns,
 * generic things and fillers ("Fix some bugs", "fix stuff", "Fixed problems", "Fix it").
 */
const NO_PROBLEM_WORDS = new Set(
  ("bug bugs bugfix bugfixes issue issues problem problems error errors stuff stuffs thing things fix fixes " +
    "a an the some few more minor small various misc several multiple other all couple of lots lot bunch many little bit " +
    "again also it this that them these those").split(" "),
);
const OBJECT_WORD = /[A-Za-z0-9][\w'#.\/-]*/g;
/** A word of digits only: after a generic problem word it counts or points at it ("bug 3"); summary-vague reads it the same way. */
const BARE_NUMBER = /^\d+$/;

/**
 * True for "Fix some bugs", "fix stuff", "Fixed problems", "fix: minor issues", "Fix", "Fix
 * main.py": the summary's fix (verb or type) has an object made only of generic problem words
 * and fillers (and numbers after them), or only a file name, so it names no actual problem; the fix verb alone is no reason. Read only for short summaries
 * (at most one specific word) with a fix cue.
 */
function fixesNoNamedProblem(analysis: Analysis): boolean {
  const reading = analysis.summary;
  if (reading === null || analysis.values.sumFixVerb === 0 || analysis.values.sumShort === 0) return false;
  const object = reading.verb === "fix" ? reading.core.slice(reading.afterVerb) : reading.core;
  // "Fix main.py", "Fixed the build.gradle": a file says where, not what was wrong.
  if (isFileName(object.trim().replace(/^the\s+/, ""))) return true;
  OBJECT_WORD.lastIndex = 0;
  let previous = "";
  for (let match = OBJECT_WORD.exec(object); match !== null; match = OBJECT_WORD.exec(object)) {
    const word = match[0].toLowerCase();
    // "Fix bug 3", "Fix issue 42": a number after a generic problem word counts or points at it; it names no problem.
    if (!NO_PROBLEM_WORDS.has(word) && !(BARE_NUMBER.test(word) && /^[a-z]/.test(previous) && NO_PROBLEM_WORDS.has(previous))) return false;
    previous = word;
  }
  return true;
}

/**
 * A revert with git's "This reverts commit <sha>." line says all it does: it undoes that commit,
 * named exactly, whatever its body adds (a reason, most often). The line is its what, explained.
 * As for the message's kind, git's line starts its line: an indented one quotes another message.
 */
function revertLineWhat(message: ParsedMessage): { level: WhatLevel; spans: Span[] } | null {
  for (const line of message.body) {
    if (!line.text.startsWith("This reverts commit ")) continue;
    const text = line.text.trimEnd();
    if (!isRevertsCommitLine(text)) continue;
    return { level: "explained", spans: [{ line: line.line, column: 1, endLine: line.line, endColumn: 1 + text.length }] };
  }
  return null;
}

/** A summary that updates a translation or marks messages for one (see updatesTranslation, marksForTranslation). */
function servesTranslation(analysis: Analysis): boolean {
  const { summary } = analysis;
  return summary !== null && (updatesTranslation(summary) || marksForTranslation(summary));
}

/** Verbs that write new documentation when their object is docs ("Document X", "Add docs for X"). */
const WRITING_VERBS = new Set(["add", "document", "write", "explain", "describe", "mention", "note"]);

/**
 * "Document the --jobs flag in the man page", "Add docs for setting headers", "docs: explain
 * how to rotate the key": a summary alone that adds documentation. Documenting what was not
 * documented is its own reason, as fixing a broken link is. Not "Update javadoc" (a generic
 * verb says nothing of what was missing), not with a body (the model reads what it says), and
 * not when the summary names a problem.
 */
function addsDocs(analysis: Analysis): boolean {
  const { values, summary } = analysis;
  return summary !== null && values.evidentDocs > 0 && analysis.proseWords === 0 && WRITING_VERBS.has(summary.lemma) && values.sumProblemStrong === 0 && values.sumProblemWeak === 0;
}

/** Verbs that only reformat when their object is code or a formatter runs ("Reformat the parser", "Format code with prettier"). */
const FORMATTING_VERBS = new Set(["format", "reformat", "reindent", "prettify", "restyle", "beautify", "lint"]);
/** Verbs that run a formatter over code ("Run prettier on src", "Apply black formatting"). */
const RUNNING_VERBS = new Set(["run", "apply"]);
/** A code formatter or linter's fixer named as the tool of a change. */
const FORMATTER = /\b(?:prettier|black|gofmt|goimports|rustfmt|cargo fmt|clang-format|ktlint|spotless|autopep8|yapf|isort|ruff(?: format)?|dprint|biome|eslint --fix|stylua|swiftformat|scalafmt|google-java-format|php-cs-fixer|rubocop -a)\b/i;
/** What a formatting verb formats when it is code: the code, its files or a part named as code. */
const CODE_OBJECT = /^(?:(?:the|all|our|every|some)\s+)?(?:(?:whole|entire|remaining|new|changed|modified|python|java|go|rust|c|c\+\+|typescript|javascript)\s+)?(?:code(?:base)?|sources?|source\s+(?:code|files|tree)|files|src|tests?|test\s+(?:code|files|suite)|project|repo(?:sitory)?|tree|[\w./-]+\.(?:py|js|jsx|ts|tsx|java|go|rs|c|h|cc|cpp|hpp|rb|kt|kts|swift|scala|php|cs|lua|json|ya?ml|toml|css|scss|html|md))\b/i;

/**
 * "Format code with prettier", "Run prettier on src", "style: format with black", "Reformat the
 * tests": a change that only reformats code shows in the diff what it does, and a consistent
 * format is its reason, as for the "Reformat code" the model reads. Not a feature that formats
 * data ("Format dates in the log view"): a formatting verb needs code for its object or a
 * formatter named; a Conventional Commits `style` type needs the formatting verb or formatter.
 */
function reformatsOnly(analysis: Analysis): boolean {
  const { values, summary } = analysis;
  if (summary === null || values.evidentFormat === 0 || analysis.proseWords > 0 || values.sumProblemStrong > 0 || values.sumProblemWeak > 0) return false;
  const object = summary.core.slice(summary.afterVerb).trimStart();
  if (FORMATTING_VERBS.has(summary.lemma)) return FORMATTER.test(summary.core) || CODE_OBJECT.test(object) || (summary.prefix === "style" && /^(?:with|using)\b/i.test(object));
  return RUNNING_VERBS.has(summary.lemma) && FORMATTER.test(object);
}

/**
 * A revert whose body says anything beyond git's default line: what a writer adds to a revert
 * is why it is reverted ("It is reported that this change breaks formatting with docbook
 * 1.69.", "Linus has a more portable alternative.").
 */
function revertExplained(message: ParsedMessage, analysis: Analysis): boolean {
  return message.kind === "revert" && analysis.proseWords >= 3;
}

/** Words that, next to a reference, say only that it is one ("Fix bug #12", "Fixes issue GH-3"). */
const REFERENCE_FILLER = /\b(?:issues?|bugs?|tickets?|gh|pr|see|for|and|in)\b|[\s#,.:;()[\]&/-]+/gi;

/**
 * True for "Fixes PROJ-2231", "Fix #12", "fix: bug #7": the summary's fix verb has nothing but
 * references for its object, so it names no problem; the reason is wherever the reference points.
 */
function fixesOnlyReferences(message: ParsedMessage, analysis: Analysis, refs: readonly Ref[]): boolean {
  const reading = analysis.summary;
  const summaryLine = message.summary?.line;
  const onSummary = refs.filter((ref) => ref.line === summaryLine);
  if (reading === null || analysis.values.sumFixVerb === 0 || onSummary.length === 0) return false;
  // "Fix #12", or "fix: #12" where the type is the verb and the whole core its object.
  let rest = reading.verb === "fix" ? reading.core.slice(reading.afterVerb) : reading.core;
  for (const ref of onSummary) rest = rest.split(ref.id).join(" ");
  return rest.replace(REFERENCE_FILLER, "") === "";
}

/**
 * Whether a summary without a verb, and without body prose, is headed by a problem ("Package
 * name error", "Memory leak in sha1close()"): it names what was wrong, as "Fix memory leak in
 * sha1close()" does, not what the change does. A statement ("Build is broken") is left to the
 * model, which reads its state, and so is a body: the model weighs what it says.
 */
function namesOnlyProblem(analysis: Analysis): boolean {
  const reading = analysis.summary!;
  return reading.verb === "none" && analysis.proseWords === 0 && analysis.values.sumState === 0 && headedByProblem(reading.core);
}

/** The what level: the body describing the change beats a specific summary. */
function decideWhat(analysis: Analysis, message: ParsedMessage, present: boolean, ordersInPassing = false): { level: WhatLevel; spans: Span[] } {
  if (!present) return { level: "missing", spans: [] };
  const { values } = analysis;
  const bodyDescribes =
    ordersInPassing ||
    values.bodyChangeDescription > 0 ||
    values.bodyChangeSentences > 0 ||
    analysis.imperative() ||
    analysis.ordersAfterSo() ||
    (values.bodySquashList === 0 && analysis.proseWords >= 6 && values.sumVague > 0) ||
    analysis.statesNewBehaviour() ||
    analysis.describesChange() ||
    // An order given in passing ("Thus, let's take any answer other than 1 as …", "Don't
    // close the descriptor again") describes the change under a summary that names it too;
    // read last, as it scans the body once more.
    analysis.ordersInPassing();
  if (bodyDescribes) {
    const spans = spansOf(analysis, BODY_DESCRIBING_CUES);
    return { level: "explained", spans: spans.length > 0 ? spans : [proseSpan(analysis)] };
  }
  const summary = message.summary!;
  const reading = analysis.summary!;
  const start = reading.coreStart;
  const span: Span = { line: summary.line, column: start + 1, endLine: summary.line, endColumn: start + reading.core.length + 1 };
  return { level: "named", spans: [span] };
}

const BODY_DESCRIBING_CUES: readonly FeatureName[] = ["bodyChangeDescription", "bodyChangeSentences"];
const VERSION = /\bv?\d+\.\d+(?:\.\d+)?/;
const LIST_ITEM = /^\s*(?:[-*+•]|\d+[.)])\s+\S/;

/**
 * A release commit says what it does by naming versions and changes: a body with versions or a
 * change list explains it, a version in the summary names it, "chore: release (#6)" says nothing.
 */
function decideReleaseWhat(message: ParsedMessage): { level: WhatLevel; spans: Span[] } {
  const evidence = message.body.filter((line) => LIST_ITEM.test(line.text) || VERSION.test(line.text));
  if (evidence.length > 0) {
    const first = evidence[0];
    const last = evidence[evidence.length - 1];
    return { level: "explained", spans: [{ line: first.line, column: 1, endLine: last.line, endColumn: last.text.length + 1 }] };
  }
  const summary = message.summary!;
  const version = VERSION.exec(summary.text);
  if (version) return { level: "named", spans: [{ line: summary.line, column: version.index + 1, endLine: summary.line, endColumn: version.index + version[0].length + 1 }] };
  // "prepare for next development iteration": the summary is the whole change.
  if (isDevelopmentBump(summary.text)) return { level: "named", spans: [{ line: summary.line, column: 1, endLine: summary.line, endColumn: summary.text.length + 1 }] };
  return { level: "missing", spans: [] };
}

/** The span of all body prose lines. */
function proseSpan(analysis: Analysis): Span {
  const first = analysis.proseLines[0];
  const last = analysis.proseLines[analysis.proseLines.length - 1];
  return { line: first.line, column: 1, endLine: last.line, endColumn: last.text.length + 1 };
}
