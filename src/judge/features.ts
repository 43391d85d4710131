// Turns a parsed message into cue features (numbers) and the spans where each cue was found.
import { insideCodeSpan } from "../message/inline.js";
import { isMeaningfulLabelText } from "../message/trailers.js";
import type { ParsedMessage, Ref, SourceLine, Span } from "../types.js";
import {
  CAUSAL, CHANGE_DESCRIPTION, CHANGE_VERBS, ORDER_ONLY_VERBS, EVIDENT_CLEANUP, EVIDENT_DEPENDENCY, EVIDENT_DOCS, EVIDENT_DOCS_WEAK,
  EVIDENT_FORMAT, EVIDENT_RELEASE, EVIDENT_TESTS, EVIDENT_TYPO, FIX_VERBS, HISTORY, PROBLEM_STRONG,
  PROBLEM_WEAK, PURPOSE, RELEASED_OBJECT, SCENARIO, SNAPSHOT_VERSION, STATE_VERB, VERSION_NUMBER,
} from "./cues.js";
import { isSquashedCommitList } from "./squash.js";
import { lemmatize, readSummary, type SummaryReading } from "./summary.js";
import { mapLines, spanOf, type MappedText } from "./text.js";

/** Names of the features, in the order the weights use. */
export const FEATURE_NAMES = [
  "ref", "refOnlyPrSuffix",
  "sumCausal", "sumPurpose", "sumFixVerb", "sumProblemStrong", "sumProblemWeak", "sumState",
  "sumVague", "sumVagueVerb", "sumGenericVerb", "sumShort", "sumBrief", "sumChangeVerb", "sumNoVerb", "sumHow",
  "evidentTypo", "evidentFormat", "evidentRelease", "evidentDependency", "evidentDocs",
  "evidentDocsWeak", "evidentTests", "evidentCleanup", "fixEvident", "versionBump", "sumLong",
  "bodyProse", "bodyLong", "bodyCausal", "bodyPurpose", "bodyHistory", "bodyProblemStrong",
  "bodyProblemWeak", "bodyScenario", "bodyChangeDescription", "bodyChangeSentences",
  "bodySquashList", "revertDefault",
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/**
 * A fresh all-zero feature record. Written out as one literal (same keys, same order as
 * `FEATURE_NAMES`) so every record shares one hidden class and keyed stores stay monomorphic.
 */
function zeroValues(): Record<FeatureName, number> {
  return {
    ref: 0, refOnlyPrSuffix: 0,
    sumCausal: 0, sumPurpose: 0, sumFixVerb: 0, sumProblemStrong: 0, sumProblemWeak: 0, sumState: 0,
    sumVague: 0, sumVagueVerb: 0, sumGenericVerb: 0, sumShort: 0, sumBrief: 0, sumChangeVerb: 0, sumNoVerb: 0, sumHow: 0,
    evidentTypo: 0, evidentFormat: 0, evidentRelease: 0, evidentDependency: 0, evidentDocs: 0,
    evidentDocsWeak: 0, evidentTests: 0, evidentCleanup: 0, fixEvident: 0, versionBump: 0, sumLong: 0,
    bodyProse: 0, bodyLong: 0, bodyCausal: 0, bodyPurpose: 0, bodyHistory: 0, bodyProblemStrong: 0,
    bodyProblemWeak: 0, bodyScenario: 0, bodyChangeDescription: 0, bodyChangeSentences: 0,
    bodySquashList: 0, revertDefault: 0,
  };
}

/** A cue found in the text: which family, and where. */
export interface CueHit {
  cue: FeatureName;
  span: Span;
}

/** The features of one message and the spans behind them. */
export interface Analysis {
  values: Record<FeatureName, number>;
  hits: CueHit[];
  summary: SummaryReading | null;
  /** Prose lines of the body (code, quotes, git-svn-id and default revert lines dropped). */
  proseLines: SourceLine[];
  /** Words of prose that count: 0 when the body only restates the summary (`restated`). */
  proseWords: number;
  /**
   * Whether a short body only says the summary again ("This commit adds retry logic to the
   * upload client.") and is judged as no body at all.
   */
  restated: boolean;
  /**
   * Where the summary gives the change's purpose as "so" and a clause of its own ("Add a
   * placeholder file so the repository has a first commit"), or null.
   */
  summaryPurpose: Span | null;
  /**
   * Whether the body tells what went wrong in its own words: a failure that happened ("Uploads
   * broke behind proxies"), a measured cost, or what happened before the change ("every page
   * rendered in a fallback font"). Computed on first call.
   */
  toldReason(): boolean;
  /**
   * Whether a body sentence gives an order of the change: a change or fix verb in its base form
   * ("Use atomic_long_add_return and clamp …", "Add a check before …"), also after an opening
   * purpose clause ("To fix this, take the lock …"), not "Added files were …" or "Reported by
   * …". The purpose-clause reading runs on first call.
   */
  imperative(): boolean;
  /**
   * Whether the body says how things behave after the change: a subject, "now" and a change
   * verb ("The hook now reads commit.template", "Both rules now skip leading emoji"), not
   * "right now" or "for now". Computed on first call.
   */
  statesNewBehaviour(): boolean;
  /**
   * Whether the body describes the change in a way the fitted bodyChangeDescription does not
   * read: a description split by a line wrap ("This\ncommit …"), or "this" and a change verb
   * ("This adds a retry loop around …"). Computed on first call.
   */
  describesChange(): boolean;
}

const GENERIC_VERBS = new Set(["modify", "change", "update", "optimize", "optimise", "improve", "enhance", "adjust", "implement", "rework", "refactor", "edit"]);
const FIX_NOUN = /\b(?:fix(?:es|ed)?|corrections?)\b/i;
/** git's default revert line, and the wording git used before 1.5 ("This reverts <sha> commit."). */
const REVERT_DEFAULT = /^This reverts (?:commit [0-9a-f]{7,40}|[0-9a-f]{7,40} commit)\.?\s*$/i;
const QUOTED_REVERT = /^(?:Revert|Reapply) ".*"\s*$/;
const REF_TOKEN = String.raw`(?:#\d+|gh-\d+|[A-Z][A-Z0-9]+-\d+|[\w.-]+\/[\w.-]+#\d+|https?:\/\/\S+)`;
/** A line that only points at an issue: "Fixes gh-12", "See #3 and #4", "Closes https://…". */
const REFERENCE_LINE = new RegExp(String.raw`^\s*(?:(?:fix(?:es|ed)?|close[sd]?|resolve[sd]?|see(?: also)?|refs?|references?|related(?: to)?|relates to|part of|issue|bug|ticket|for|cf\.?)\b:?\s*)?${REF_TOKEN}(?:\s*(?:,|and|&)?\s*${REF_TOKEN})*[\s.,;)]*$`, "i");
const NON_PROSE = /^\s*(?:>|git-svn-id:|\(cherry[ -]picked from|Change-Id:|[\w-]+-by:|Co-authored-by:|Reviewed-on:|Reviewed-by:|https?:\/\/\S+\s*$|\[[\w-]+\]\s*$)/i;
/**
 * A sentence starts the text, follows ". ", "! " or "? ", starts a paragraph or a list item, or
 * starts a line with a capital (an unmarked list: "Add X\nRemove Y"). A line starting in lower
 * case continues wrapped prose ("… during the nightly\nimport"), whose first word is no verb.
 */
const SENTENCE_START = /(?:^|[.!?]\s+|\n[ \t]*\n\s*|\n\s*(?:[-*+•]|\d+[.)])\s*|\n\s*(?=[A-Z]))(?:(?:So|so),?\s+)?([A-Za-z][a-z]+)/g;
// A line that heads the reason or the change with a label ("Why: …", "Motivation:" over a
// paragraph, as in Netty's template): the writer says outright which is which.
const WHY_LABEL = /^[ \t]*(?:why|reasons?|rationale|motivation|problem|root[ -]cause|cause|background|context)[ \t]*:/i;
const WHAT_LABEL = /^[ \t]*(?:what|how|changes|modifications|solution|approach)[ \t]*:/i;
/**
 * The label of a test plan (Phabricator's "Test Plan:", pull-request templates' "## Testing",
 * "Tested:", "How was this tested?"): a heading, or a line starting with the label and a colon.
 */
const TEST_PLAN_LABEL = /^[ \t]*(?:#{1,6}[ \t]+(?:\*\*)?(?:test(?:ing)?[ \t]+plan|testing(?:[ \t]+(?:done|notes|instructions|steps))?|tests?|tested|how[ \t]+(?:to[ \t]+test|(?:was|has)[ \t]+this[ \t]+(?:been[ \t]+)?tested|i[ \t]+tested[ \t]+this)|test[ \t]+steps|steps[ \t]+to[ \t]+test|verification|manual[ \t]+testing)(?:\*\*)?[ \t]*[:?]?[ \t]*$|(?:\*\*)?(?:test(?:ing)?[ \t]+plan|testing(?:[ \t]+(?:done|notes|instructions|steps))?|tested(?:[ \t]+(?:on|with))?|how[ \t]+(?:to[ \t]+test|(?:was|has)[ \t]+this[ \t]+(?:been[ \t]+)?tested|i[ \t]+tested[ \t]+this)|test[ \t]+steps|steps[ \t]+to[ \t]+test|verification|manual[ \t]+testing)(?:\*\*)?[ \t]*(?::|\?(?:\*\*)?[ \t]*$))/i;
/** A line that starts the next section: a heading or a label ("Reviewers:", "Differential Revision:"). */
const SECTION_START = /^[ \t]*(?:#{1,6}[ \t]|(?:\*\*)?[A-Z][\w-]*(?:[ \t][\w-]+){0,2}(?:\*\*)?:(?:[ \t]|$))/;

/**
 * Where a body is in a test plan: not in one, in the paragraph of a label with its text on the
 * line ("Testing: ran the unit tests."), or in a section that a label alone on its line ("Test
 * Plan:") or a heading ("## Testing") opens: before its first text ("open"), in a paragraph
 * ("section") or after a blank line that ended one ("break").
 */
type TestPlanState = "none" | "paragraph" | "open" | "section" | "break";

/**
 * A paragraph that goes on with a test plan: a list item, code or a command ("npm test", "$ make
 * check", a line starting in lower case), a short note ("CI.", "N/A"), a sentence of someone
 * trying the change ("Ran the suite.", "Checked the page by hand.", "I opened …"), or one that
 * speaks of tests or trying ("All tests pass", "Verified on Android", "The toggle was clicked
 * in Chrome").
 */
const PLAN_PARAGRAPH = /^(?:\s*(?:[-*+•>$`|[(]|\d+[.)])|\s*(?:\S+\s+){0,2}\S*\s*$|\s*(?:\w+ly\s+)?(?:i|we|ran|run|tried|try|checked|check|verified|verify|confirmed|confirm|opened|open|clicked|click|toggled|toggle|built|build|compiled|deployed|installed|executed|observed|reproduced|launched|started|loaded|visited|navigated|used|made sure|ensured|passes|passed|works|covered|before|after|see)\b|.*\b(?:tests?|tested|testing|ci|suites?|manually|by hand|locally|screenshots?|verified|reproduced|repro|passe[sd]|green|(?:was|were|been)\s+(?:\w+ly\s+)?(?:run|tried|checked|clicked|opened|toggled|exercised|confirmed))\b)/i;

const LOWER_CASE_START = /^\s*[a-z]/;

/**
 * The test-plan state after `line`: a paragraph ends at a blank line, a section at the next
 * heading or label ("Reviewers:", "## Why"), at the end of the body, or at a paragraph after its
 * first that is no plan (PLAN_PARAGRAPH): "Test plan:↵↵Ran the suite.↵↵The old page crashed
 * when the list was empty, so …" ends before the reason.
 */
function testPlanAfter(state: TestPlanState, line: string): TestPlanState {
  if (line.trim() === "") return state === "paragraph" ? "none" : state === "section" ? "break" : state;
  if (SECTION_START.test(line)) return "none";
  if (state === "break") return LOWER_CASE_START.test(line) || PLAN_PARAGRAPH.test(line) ? "section" : "none";
  return state === "open" ? "section" : state;
}

/** Where a label's colon can be at the latest ("   Root cause:"). */
const LABEL_COLON_LIMIT = 16;
const PR_SUFFIX = /\(#\d+\)\s*$/;
const FIX_PREFIX = /^(?:bug|hot)?fix/;
const FIRST_WORD = /^\S+/;
const VAGUE_VERB = /^(?:polish|tweak|tidy|touch|nit|misc)/;
const DEPS_PREFIX = /^(?:deps|dependencies)$/;
const DEPS_SCOPE = /\((?:deps|deps-dev)\)/;
const FENCE = /^\s{0,3}(```|~~~)/;
/** "- [ ] Bug fix": a template's option left unticked says nothing about this change. */
const UNCHECKED_TASK = /^\s*[-*+]\s+\[ \]\s/;
const INDENTED = /^(?: {4}|\t)/;
const LIST_MARKER = /^\s*(?:[-*+•]|\d+[.)])\s/;
const HOW_IN_SUMMARY = /(?:,|;| - | by | with | using | via | instead of | rather than |->|=>| → | to (?:use|return|throw|catch|call|check|allow|handle|skip|ignore|wait|avoid|be|not)\b| when | if | for (?!#))/i;

/** Extracts the cue features of `message`, given its references. */
export function analyze(message: ParsedMessage, refs: readonly Ref[]): Analysis {
  const values = zeroValues();
  const hits: CueHit[] = [];
  const summaryLine = message.summary;
  const reading = summaryLine ? readSummary(summaryLine.text) : null;
  let summaryPurpose: Span | null = null;

  // A revert's summary quotes the reverted commit's summary, references included.
  const ownRefs = message.kind === "revert" && summaryLine ? refsOffLine(refs, summaryLine.line) : refs;
  if (ownRefs.length > 0) {
    const onlyPrSuffix = ownRefs.length === 1 && summaryLine !== null && ownRefs[0].line === summaryLine.line && PR_SUFFIX.test(summaryLine.text);
    values.ref = 1;
    values.refOnlyPrSuffix = onlyPrSuffix ? 1 : 0;
  }

  // git's revert summary quotes the reverted commit's summary: its reasons and problems are that
  // commit's, not the revert's, so the cue families skip it (its form is still read). A revert
  // summarised in the author's own words ("revert: drop the retry loop because …") is read.
  if (summaryLine && reading && message.kind === "revert" && QUOTED_REVERT.test(summaryLine.text)) readSummaryForm(values, reading);
  else if (summaryLine && reading) summaryPurpose = readSummaryCues(values, hits, summaryLine, reading);

  // Body prose: the default revert line, code, quotes and metadata lines carry no reason.
  const prose = collectProse(message.body);
  const proseLines = prose.lines;
  const showsCode = prose.showsCode;
  const revertDefault = prose.revertDefault;
  const bodyMap: MappedText = mapLines(proseLines);
  const bodyText = bodyMap.text;
  const writtenWords = countLatinWords(bodyText);
  // A short body that only says the summary again ("This commit adds retry logic to the upload
  // client.") tells nothing more: it is judged as no body at all.
  const restated = !showsCode && writtenWords > 0 && writtenWords <= RESTATEMENT_WORDS && summaryLine !== null && restatesSummary(bodyText, summaryLine.text);
  const proseWords = restated ? 0 : writtenWords;
  // One or two words ("Minor.") describe nothing; a body starts to count from a short clause.
  if (proseWords >= 3) values.bodyProse = 1;
  if (proseWords >= 25) values.bodyLong = 1;
  if (revertDefault && writtenWords === 0 && message.kind === "revert") values.revertDefault = 1;
  const imperative = proseWords > 0 && readBodyCues(values, hits, bodyMap, proseLines, summaryLine?.text ?? "");
  // "Modify pom", "Fix failing test": a verb with a one-word object, or a fix with a short one, names
  // what was touched or what was wrong, not what the change does, unless the body describes the change.
  const briefSummary = reading !== null && (reading.words <= 2 || (values.sumFixVerb > 0 && reading.words <= 4));
  if (briefSummary && values.bodyChangeDescription === 0 && values.bodyChangeSentences === 0) values.sumBrief = 1;
  // The checks below are read only when a decision needs them (most bodies settle why and what
  // through other cues first), on the writer's own prose: not a list of squashed commits'
  // summaries or a merge's shortlog ("* np/pack-default: … now defaults to 2"), which are other
  // commits' words.
  let ownProse: string | undefined;
  const ownText = (): string => (ownProse ??= proseWords > 0 && values.bodySquashList === 0 ? withoutShortlog(proseLines) : "");
  let told: boolean | undefined;
  const toldReason = (): boolean => {
    if (told === undefined) {
      const text = ownText();
      // Cheapest and most often decisive first; the wrapped connective last: it scans the whole
      // text again with the causal pattern, the costliest of all.
      told = text !== "" && (problemEvent(text) || MEASURED_COST.test(text) || wholeWorkRepeated(text) || PROBLEM_TOLD.test(text) || STATED_REASON.test(text) || BENEFIT.test(text) || statesNeed(text, summaryLine?.text ?? "") || opensOnPurpose(text, summaryLine?.text ?? "") || soPurposeAt(text, summaryLine?.text ?? "") !== null || pastNarrative(text) || (text.includes("ince") && datedState(text)) || presentFailure(text, reading !== null && ordersFailure(reading.core), reading === null ? [] : newThingWords(reading)) || errorMet(text) || (values.bodyCausal === 0 && text.includes("\n") && CAUSAL.test(text.replaceAll("\n", " "))));
    }
    return told;
  };
  let saysNow: boolean | undefined;
  const statesNewBehaviour = (): boolean => (saysNow ??= (bodyText.includes("now") && newBehaviour(ownText())) || contrastedBehaviour(ownText()));
  // The cue phrases are written with spaces: a line wrapped between their words ("This\ncommit",
  // "instead\nof") is one phrase all the same. Nor does the fitted cue read "This adds …" (it
  // lowered the cross-validated what figure as a feature). Read only where the decision needs
  // it, and not as the fitted bodyChangeDescription, whose weights were learnt without them.
  let described: boolean | undefined;
  const describesChange = (): boolean => {
    // The short pattern first; the wrapped description scans the whole text again.
    described ??= proseWords > 0 && values.bodyChangeDescription === 0 && ((bodyText.includes("his") && THIS_CHANGES.test(bodyText)) || (bodyText.includes("\n") && CHANGE_DESCRIPTION.test(bodyText.replaceAll("\n", " "))));
    return described;
  };
  let ordered: boolean | undefined;
  const ordersChange = (): boolean => (ordered ??= imperative || (proseWords > 0 && bodyText.includes("o ") && orderAfterPurpose(bodyText)));
  return { values, hits, summary: reading, proseLines, proseWords, restated, summaryPurpose, toldReason, imperative: ordersChange, statesNewBehaviour, describesChange };
}

/**
 * "this" and a verb of the change: "This adds an empty placeholder file so …", "This removes the
 * unused writer". Not what "this" (the old code) costs: "This adds latency to every request",
 * "This introduces a race", "This adds up to …".
 */
const THIS_CHANGES = /\bthis\s+(?:adds|removes|drops|deletes|moves|renames|replaces|introduces|implements|extracts|splits|converts|rewrites|teaches)\b(?!\s+up\b|\s+(?:\S+\s+){0,3}?(?:overhead|latency|complexity|noise|confusion|regressions?|bugs?|races?|problems?|issues?|leaks?|deadlocks?)\b)/i;

/** Reads the body prose's cues into `values` and `hits`; returns whether a sentence gives an order of the change. */
function readBodyCues(values: Record<FeatureName, number>, hits: CueHit[], bodyMap: MappedText, proseLines: readonly SourceLine[], summaryText: string): boolean {
  const bodyText = bodyMap.text;
  let imperative = false;
  findCue(values, hits, bodyMap, "bodyCausal", CAUSAL, bodyText, 0);
  findCue(values, hits, bodyMap, "bodyPurpose", PURPOSE, bodyText, 0);
  findCue(values, hits, bodyMap, "bodyHistory", HISTORY, bodyText, 0);
  findCue(values, hits, bodyMap, "bodyProblemStrong", PROBLEM_STRONG, bodyText, 0);
  findCue(values, hits, bodyMap, "bodyProblemWeak", PROBLEM_WEAK, bodyText, 0);
  findCue(values, hits, bodyMap, "bodyScenario", SCENARIO, bodyText, 0);
  findCue(values, hits, bodyMap, "bodyChangeDescription", CHANGE_DESCRIPTION, bodyText, 0);
  if (values.bodyCausal === 0 || values.bodyChangeDescription === 0) findLabels(values, hits, bodyMap, summaryText);
  let changeSentences = 0;
  SENTENCE_START.lastIndex = 0;
  for (let match = SENTENCE_START.exec(bodyText); match !== null; match = SENTENCE_START.exec(bodyText)) {
    const word = match[1].toLowerCase();
    const lemma = lemmatize(word);
    if (!imperative && (lemma === word || ORDER_ONLY_VERBS.has(word))) {
      if ((CHANGE_VERBS.has(word) || FIX_VERBS.has(word) || ORDER_ONLY_VERBS.has(word)) && isImperativeAt(bodyText, match.index + match[0].length)) {
        imperative = true;
        // Evidence for what: the order's verb (a change verb's sentence start is recorded below).
        if (ORDER_ONLY_VERBS.has(word)) {
          const start = match.index + match[0].length - match[1].length;
          hits.push({ cue: "bodyChangeSentences", span: spanOf(bodyMap, start, start + match[1].length) });
        }
      }
    }
    if (CHANGE_VERBS.has(lemma) || FIX_VERBS.has(lemma)) {
      if (changeSentences === 0) {
        const start = match.index + match[0].length - match[1].length;
        hits.push({ cue: "bodyChangeSentences", span: spanOf(bodyMap, start, start + match[1].length) });
      }
      changeSentences++;
    }
  }
  values.bodyChangeSentences = Math.min(changeSentences, 3) / 3;
  if (isSquashedCommitList(proseLines)) values.bodySquashList = 1;
  return imperative;
}

/** The body's prose lines, and whether it shows code and git's default revert line. */
interface Prose {
  lines: SourceLine[];
  /** Code, a command or an example shown in the body: more than a restatement of the summary can say. */
  showsCode: boolean;
  revertDefault: boolean;
}

/** Sorts the body's lines: prose is read; code, quotes, comments, test plans and metadata are not. */
function collectProse(body: readonly SourceLine[]): Prose {
  const proseLines: SourceLine[] = [];
  let inFence = false;
  let showsCode = false;
  let revertDefault = false;
  let inComment = false;
  // A comment runs to its "-->"; a "<!--" with none after it is text ("Titles starting with <!-- …").
  // Where the last "-->" is gets looked up only for a body with a "<!--" (-2: not yet).
  let lastClose = -2;
  // Inside a test plan: to the end of its paragraph, or of its section (up to the next label).
  let testPlan: TestPlanState = "none";
  for (let index = 0; index < body.length; index++) {
    const line = body[index];
    // A test plan tells how the change was tried ("Opened the app and toggled the setting"),
    // not why it was made or what it does: it stays in the message and out of the reading.
    if (testPlan !== "none") {
      // A fenced block inside the plan is the plan's, blank lines and all.
      if (inFence) {
        if (FENCE.test(line.text)) inFence = false;
        continue;
      }
      testPlan = testPlanAfter(testPlan, line.text);
      if (testPlan !== "none") {
        if (FENCE.test(line.text)) inFence = true;
        continue;
      }
    }
    if (!inFence && (line.text.includes(":") || line.text.includes("#") || line.text.includes("?")) && TEST_PLAN_LABEL.test(line.text)) {
      // "Testing: ran the unit tests." is its paragraph; "Test Plan:" alone heads a section.
      testPlan = !/^\s*#/.test(line.text) && /[:?][ \t]*\S/.test(line.text) ? "paragraph" : "open";
      continue;
    }
    if (FENCE.test(line.text)) {
      inFence = !inFence;
      continue;
    }
    if (inFence || INDENTED.test(line.text) && !LIST_MARKER.test(line.text)) {
      if (line.text.trim() !== "") showsCode = true;
      continue;
    }
    if (REVERT_DEFAULT.test(line.text)) {
      revertDefault = true;
      continue;
    }
    const opens: number = inComment ? 0 : commentStart(line.text);
    if (opens >= 0 && !inComment && lastClose === -2) lastClose = body.findLastIndex((other) => other.text.includes("-->"));
    if (opens >= 0 && (inComment || line.text.includes("-->", opens) || index < lastClose)) {
      // An HTML comment (a pull-request template's "<!-- Describe your changes -->") is invisible
      // when rendered; its text is the template's, not the writer's.
      const before = line.text.slice(0, opens);
      inComment = !line.text.slice(opens).includes("-->");
      if (before.trim() !== "") proseLines.push({ text: before, line: line.line });
      continue;
    }
    if (NON_PROSE.test(line.text) || REFERENCE_LINE.test(line.text) || UNCHECKED_TASK.test(line.text)) continue;
    proseLines.push(line);
  }
  return { lines: proseLines, showsCode, revertDefault };
}

/**
 * Reads the summary's cues into `values` and `hits`; returns where the summary gives the
 * change's purpose as "so" and a clause of its own, or null. (Its own function so that V8
 * recompiles only this part when a rarely taken branch here deoptimises.)
 */
function readSummaryCues(values: Record<FeatureName, number>, hits: CueHit[], summaryLine: SourceLine, reading: SummaryReading): Span | null {
  let summaryPurpose: Span | null = null;
  const summaryMap = mapLines([summaryLine]);
  const full = summaryLine.text;
  const core = reading.core;
  const at = reading.coreStart;
  findCue(values, hits, summaryMap, "sumCausal", CAUSAL, full, 0);
  findCue(values, hits, summaryMap, "sumPurpose", PURPOSE, core, at);
  if (values.sumCausal === 0 && values.sumPurpose === 0) {
    const purpose = soPurposeAt(core, "");
    if (purpose !== null) summaryPurpose = spanOf(summaryMap, at + purpose[0], at + purpose[1]);
  }
  if (reading.verb === "fix" || FIX_PREFIX.test(reading.prefix)) {
    values.sumFixVerb = 1;
    // "fix(parser): handle CRLF": the type says fix, so point at the type, not at "handle".
    const typedAt = reading.verb === "fix" ? -1 : full.slice(0, at).toLowerCase().indexOf(reading.prefix);
    if (typedAt >= 0) hits.push({ cue: "sumFixVerb", span: spanOf(summaryMap, typedAt, typedAt + reading.prefix.length) });
    else {
      const verbEnd = reading.afterVerb > 0 ? core.slice(0, reading.afterVerb).trimEnd().length : (FIRST_WORD.exec(core)?.[0].length ?? 1);
      hits.push({ cue: "sumFixVerb", span: spanOf(summaryMap, at, at + verbEnd) });
    }
  } else if (reading.verb === "none") values.sumNoVerb = 1;
  // "fix: remove unused parameters": the type says fix, the verb names the change.
  if (reading.verb === "change") values.sumChangeVerb = 1;
  const afterVerb = reading.afterVerb;
  const rest = afterVerb === 0 ? core : core.slice(afterVerb);
  findCue(values, hits, summaryMap, "sumProblemStrong", PROBLEM_STRONG, rest, at + afterVerb);
  findCue(values, hits, summaryMap, "sumProblemWeak", PROBLEM_WEAK, rest, at + afterVerb);
  if (reading.verb === "none" && STATE_VERB.test(core)) findCue(values, hits, summaryMap, "sumState", STATE_VERB, core, at);
  if (reading.specificWords === 0) values.sumVague = 1;
  // "Polish X", "Tweak X": the verb says only that something was touched up.
  if (VAGUE_VERB.test(reading.lemma)) values.sumVagueVerb = 1;
  // "Modify pom", "Optimize config api": the verb says only that something changed, not how.
  if (GENERIC_VERBS.has(reading.lemma) && reading.words <= 4) values.sumGenericVerb = 1;
  if (reading.specificWords <= 1) values.sumShort = 1;
  if (HOW_IN_SUMMARY.test(core)) values.sumHow = 1;
  const typed = reading.prefix;
  // Where the summary's verb starts in `full` (-1 when it has none).
  const verbAt = reading.verb === "none" ? -1 : at;
  if (!findObjectCue(values, hits, summaryMap, "evidentTypo", EVIDENT_TYPO, full, 0, verbAt) && typed === "spelling") values.evidentTypo = 1;
  if (!findCue(values, hits, summaryMap, "evidentFormat", EVIDENT_FORMAT, full, 0) && (typed === "style" || typed === "format")) values.evidentFormat = 1;
  // "Release lock before calling hooks": the verb frees something; only the rest can name a release.
  const freeing = reading.lemma === "release" && !RELEASED_OBJECT.test(rest) && !VERSION_NUMBER.test(rest);
  const releaseCue = freeing ? findReleaseCue(values, hits, summaryMap, rest, at + afterVerb, -1) : findReleaseCue(values, hits, summaryMap, full, 0, verbAt);
  if (!releaseCue && !findCue(values, hits, summaryMap, "evidentRelease", SNAPSHOT_VERSION, full, 0) && typed === "release") values.evidentRelease = 1;
  if (!findCue(values, hits, summaryMap, "evidentDependency", EVIDENT_DEPENDENCY, full, 0) && (DEPS_PREFIX.test(typed) || DEPS_SCOPE.test(full))) values.evidentDependency = 1;
  if (!findObjectCue(values, hits, summaryMap, "evidentDocs", EVIDENT_DOCS, full, 0, verbAt) && typed === "docs") values.evidentDocs = 1;
  findCue(values, hits, summaryMap, "evidentDocsWeak", EVIDENT_DOCS_WEAK, full, 0);
  if (reading.words >= 9) values.sumLong = 1;
  if (!findObjectCue(values, hits, summaryMap, "evidentTests", EVIDENT_TESTS, full, 0, verbAt) && typed === "test") values.evidentTests = 1;
  findCue(values, hits, summaryMap, "evidentCleanup", EVIDENT_CLEANUP, core, at);
  if (values.evidentDependency > 0 && VERSION_NUMBER.test(core)) values.versionBump = 1;
  // "Generate changelog from commits", "Render docs pages": a feature that works on docs, tests
  // or releases, not a change to them (unless the type says so: "test: handle empty input").
  if (FEATURE_VERBS.has(reading.lemma) && !EVIDENT_TYPES.test(typed)) clearCues(values, hits, ["evidentTypo", "evidentDocs", "evidentDocsWeak", "evidentTests", "evidentRelease"]);
  // "Remove old orders after 90 days", "Clean up expired sessions every hour": a behaviour that
  // removes things at run time, not a clean-up of the code.
  if (values.evidentCleanup > 0 && RUNTIME_CLAUSE.test(core)) clearCues(values, hits, ["evidentCleanup"]);
  // "Fix typo and remove the legacy API": a second change rides along, so the first one's kind
  // does not make the whole commit self-evident.
  if (secondChange(core)) clearCues(values, hits, SELF_EVIDENT_CUES);
  // Fixing a typo, a doc, a link or the formatting: the diff shows what changed ("Fix broken links").
  if ((values.sumFixVerb > 0 || FIX_NOUN.test(core)) && (values.evidentTypo + values.evidentDocs + values.evidentDocsWeak + values.evidentFormat) > 0) values.fixEvident = 1;
  return summaryPurpose;
}

const OPEN_QUOTES = "\"'\u201C\u2018";
const CLOSE_QUOTES = "\"'\u201D\u2019";

/**
 * Where an HTML comment opens on `line`: the first "<!--" outside a code span ("let `<!--`
 * through" quotes the marker) and not between quotes ('the first "<!--" in a body' talks
 * about the marker), or -1.
 */
function commentStart(line: string): number {
  for (let at = line.indexOf("<!--"); at >= 0; at = line.indexOf("<!--", at + 4)) {
    if (at > 0 && OPEN_QUOTES.includes(line.charAt(at - 1)) && CLOSE_QUOTES.includes(line.charAt(at + 4))) continue;
    if (!insideCodeSpan(line, at)) return at;
  }
  return -1;
}

/**
 * What follows a verb that gives an order: a determiner or pronoun ("Add a check", "Free the
 * buffer", "Make it …"), a particle ("Set up atexit"), a preposition that goes with the verb
 * ("Wait for outstanding borrows", "Retry on 503", "Check before …"), or a token of code ("Use
 * atomic_long_add_return", "Allow --init-timeout", "Make `foo()` …"). A plain word ("Round
 * trips are slow", "Cache misses …") reads as a noun phrase, a subject rather than an order.
 */
const ORDER_OBJECT = /^[ \t]*\n?[ \t]*(?<=\s)(?:(?:the|a|an|all|any|each|every|its|their|our|my|your|his|her|it|them|this|these|those|that|some|no|both|up|out|off|down|back|away)\b|[^\sA-Za-z]|[A-Za-z]+[^\sA-Za-z,;:.!?])/i;

/** A preposition after the verb, and what makes that verb a noun: a copula soon after ("Support for X is missing"). */
const ORDER_PREPOSITION = /^[ \t]*\n?[ \t]*(?:for|until|on|into|before|after)\s/i;
const SUBJECT_OF_COPULA = /^(?:\s+\S+){1,5}?\s+(?:is|are|was|were|has|have|had)\b/i;

/** True when the verb ending at `end` of `text` starts an order: an object of the kinds above follows. */
function isImperativeAt(text: string, end: number): boolean {
  const after = text.slice(end, end + 60);
  return ORDER_OBJECT.test(after) || (ORDER_PREPOSITION.test(after) && !SUBJECT_OF_COPULA.test(after));
}

/**
 * A failure told as something that happened: a problem verb in the past tense. "broken" or
 * "won't break" describe a state or a promise; "Uploads broke behind corporate proxies"
 * reports what went wrong, which is a reason for the change on its own (as a failure verb in
 * the present with its subject does: presentFailure).
 */
const PROBLEM_EVENT = /\b(?:broke|crashed|(?<!\b(?:a|an|the|any|each|every|about|of|for|on|after|retry|resume|with)\s)failed(?! (?:fetch|attempt|request|call|test|run|job|build|check)s?\b)|hung|froze|timed out|stalled|leaked|deadlocked|panicked|segfaulted|regressed|died|lost|complained)\b/gi;

/** A told failure (PROBLEM_EVENT) that is not the adjective of a change's object ("retries failed chunks"). */
function problemEvent(text: string): boolean {
  PROBLEM_EVENT.lastIndex = 0;
  for (let match = PROBLEM_EVENT.exec(text); match !== null; match = PROBLEM_EVENT.exec(text)) {
    if (!namesObjectOfChange(text, match.index, match.index + match[0].length, true)) return true;
  }
  return false;
}

/**
 * A failure verb in the present ("fails", "leak", "runs out of"): with a subject before it and
 * the verb's context after it, it tells what goes wrong today ("Uploads to the archive tier fail
 * on every network hiccup", "The exporter leaks a file handle per export").
 */
const PRESENT_FAILURE = /\b(?:fails?|crash(?:es)?|leaks?|hangs?|corrupts?|loses?|stalls?|freezes?|deadlocks?|panics?|segfaults?|misbehaves?|breaks?|chokes?|(?:runs?|times?|errors?) out|blows? up)\b/gi;
/**
 * Words before the verb that make it a noun ("memory leaks", "fix two crashes", "line breaks"),
 * an infinitive ("to fail"), a possibility or a promise ("can fail", "won't crash"), or a
 * negation ("does not hang"): none of them tells a failure that happens.
 */
const NOT_SUBJECT = /^(?:a|an|the|this|that|these|those|its|their|our|your|his|her|my|some|any|each|every|no|one|two|three|four|five|several|many|few|more|fewer|most|all|both|such|other|of|in|on|for|to|with|from|by|about|against|into|without|not|never|won't|wouldn't|doesn't|don't|didn't|isn't|aren't|can|can't|cannot|could|couldn't|may|might|must|should|shouldn't|will|would|shall|let|make|makes|cause|causes|memory|resource|handle|line|page|stack|kernel|integer|buffer|feature|code|release|random|rare|occasional|intermittent|potential|possible|spurious|silent|hard|soft|clean|fast|early|gracefully)$/i;
/** Words after the verb that keep it a verb: a preposition, a conjunction, an adverb or an object. */
const FAILURE_FOLLOWER = /^(?:on|in|at|of|with|for|to|when|whenever|while|if|because|after|before|since|during|under|as|and|or|but|again|sometimes|instead|the|a|an|its|their|our|all|every|it|them|this|that|these|those|some|any|memory|data|\w+ly)$/i;
/** "Right now" and "as of now" mean today, not after the change. */
const RIGHT_NOW = /\b(?:right|as of) now\b/gi;
/**
 * A sentence about the state after the change ("X now fails with a clear message", "With this
 * patch the loader fails early"), a promise ("will"), a contrast with the new way ("instead")
 * or a fix ("Fix crashes when …", "to avoid leaks"): its failure is not today's.
 */
const NOT_TODAY = /\b(?:now|will|instead|no longer|anymore|any more|expected|this (?:change|commit|patch|fix|series|pr)|with this|after this|fix(?:es|ed|ing)?|avoids?|prevents?|plugs?)\b/i;
/**
 * NOT_TODAY for a verb that only names a malfunction (a crash, a leak, a hang): nobody writes
 * the new behaviour as "the loader crashes instead of …", so "instead" tells the problem there.
 */
const NOT_TODAY_MALFUNCTION = new RegExp(NOT_TODAY.source.replace("|instead", ""), "i");
/**
 * Failure verbs a change can ask for ("fails with exit code 2", "time out after five minutes",
 * "panics with a message"), as opposed to a malfunction nobody wants (a crash, a leak).
 */
const DELIBERATE_FAILURE = /^(?:fails?|panics?|breaks?|(?:times?|errors?) out)$/i;
/**
 * A summary that asks for a failure: its verb is one ("Exit with code 2 on a missing file",
 * "feat: fail fast on invalid config", "Time out idle connections", "Reject uploads over 100
 * MB", "Validate the payload"), or it makes something fail ("Let the CI job fail on …").
 */
const ORDERS_FAILURE = /^(?:(?:fail|exit|abort|panic|bail|die|reject|refuse|deny|forbid|disallow|validate|verify|enforce|require|assert)(?:s|ed|ing)?\b|(?:time|error)s? out\b|(?:make|let|have|force)s?\b.{0,60}?\b(?:fail|exit|abort|panic|bail|die|crash|(?:time|error) out)\b)/i;

/** Whether the summary's core asks for a failure (ORDERS_FAILURE). */
function ordersFailure(core: string): boolean {
  return ORDERS_FAILURE.test(core);
}

/** The word before a position, contractions whole ("won't", "doesn’t"). */
const WORD_WITH_APOSTROPHE_BEFORE = /([A-Za-z][A-Za-z'\u2019]*)\s+$/;
/** A name in code before a position: "parse() ", "`load_plugin` ", a subject however it is spelled. */
const CODE_BEFORE = /[A-Za-z_][\w.:>-]*(?:\(\)|`)\s+$/;
const SENTENCE_REST = /^[^.!?\n]*(?:\n(?![ \t]*\n)[^.!?\n]*)*/;
/** A lower-case word in -s that is no adverb ("always", "sometimes"): before a failure noun in -s, a verb. */
const THIRD_PERSON_VERB = /^(?!(?:always|sometimes|perhaps|nevertheless|thus|whereas|afterwards|nowadays)$)[a-z]+[^siu]s$/;
const PARENTHESIS = /\([^()]*\)/g;
/** Where a clause ends inside a sentence: "X crashes on a bad inode; return -EIO instead." */
const CLAUSE_END = /[;:](?=\s)/;

/** Verbs of a summary that build a new thing ("Add a circuit breaker …", "Introduce a strict mode"). */
const BUILDS_NEW_THING = new Set(["add", "introduce", "implement", "create", "provide", "offer"]);
/** Where the new thing's noun phrase ends: a preposition, a clause or a punctuation mark after it. */
const NEW_THING_END = /\s(?:to|for|in|on|around|into|at|of|from|with|when|if|that|which|so|and|or|via|by|under|behind|over|before|after|between|per)\b|[,;:(]/i;
/** Words of such a phrase that name no thing of their own ("a new mode", "an option", "support"). */
const GENERIC_THING = /^(?:an?|the|new|some|more|optional|basic|simple|small|mode|modes|option|options|flag|flags|setting|settings|feature|features|support|config|configuration|ability|way|ways|check|checks|test|tests|helper|helpers)$/;
const THING_WORD = /[a-z0-9]+/g;

/**
 * The words naming what the summary builds, when its verb builds something: "circuit",
 * "breaker" for "Add a circuit breaker around the payments client"; "fault", "injection" for
 * "Add a fault-injection mode to …". Empty for any other summary.
 */
function newThingWords(reading: SummaryReading): string[] {
  if (!BUILDS_NEW_THING.has(reading.lemma) || reading.afterVerb === 0) return [];
  const rest = reading.core.slice(reading.afterVerb);
  const end = rest.search(NEW_THING_END);
  const phrase = (end < 0 ? rest : rest.slice(0, end)).toLowerCase();
  return (phrase.match(THING_WORD) ?? []).filter((word) => word.length >= 3 && !GENERIC_THING.test(word));
}

/**
 * Failure verbs a new thing can be built to produce: "While the breaker is open, calls fail
 * immediately", "Under fault injection the storage layer loses every tenth write". A crash, a
 * leak or a hang is nobody's design.
 */
const BUILT_FAILURE = /^(?:fails?|panics?|breaks?|(?:times?|errors?) out|loses?)$/i;
const WORD_OF_TEXT = /[a-z0-9]+/gi;

/** Whether the sentence around `start` of `text` names one of `words`. */
function sentenceNames(text: string, start: number, words: readonly string[]): boolean {
  const sentence = sentenceBefore(text, start) + SENTENCE_REST.exec(text.slice(start, start + 300))![0];
  for (const word of sentence.match(WORD_OF_TEXT) ?? []) if (words.includes(word.toLowerCase())) return true;
  return false;
}

/**
 * A failure told in the present: a subject, a failure verb and what follows a verb ("Two
 * workers refresh the cache at the same time and corrupt the index"). Not a noun, a
 * possibility, a promise, an order ("Make the loader fail fast") or the state after the change,
 * nor a failure the summary's new thing is built to produce, told in a sentence that names it
 * ("While the breaker is open, calls fail immediately" under "Add a circuit breaker …").
 */
function presentFailure(text: string, summaryOrdersFailure: boolean, newThing: readonly string[]): boolean {
  PRESENT_FAILURE.lastIndex = 0;
  // Where the last failure word that was not a verb ended: "memory leaks and crashes" joins two nouns.
  let skippedEnd = -1;
  for (let match = PRESENT_FAILURE.exec(text); match !== null; match = PRESENT_FAILURE.exec(text)) {
    const end = match.index + match[0].length;
    // Under a summary that asks for a failure, "The command fails with exit code 2 when …" tells the new behaviour.
    const asked = (summaryOrdersFailure && DELIBERATE_FAILURE.test(match[0])) || (newThing.length > 0 && BUILT_FAILURE.test(match[0]) && sentenceNames(text, match.index, newThing));
    if (!asked && isPresentFailureAt(text, match.index, end, skippedEnd)) return true;
    skippedEnd = end;
  }
  return false;
}

/** What joins two failure words of one kind ("leaks and crashes", "hangs, or crashes"). */
const JOINED = /^\s*,?\s*(?:and|or)\s+$/i;

/** Whether the failure word at `start` of `text` is a verb telling what goes wrong today (see presentFailure). */
function isPresentFailureAt(text: string, start: number, end: number, skippedEnd: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  if (!CODE_BEFORE.test(before)) {
    const previous = WORD_WITH_APOSTROPHE_BEFORE.exec(before.slice(-20))?.[1];
    if (previous === undefined || NOT_SUBJECT.test(previous.replace("\u2019", "'"))) return false;
    // Two words in -s ("The watchdog reports hangs and crashes", "counts leaks"): a verb and its
    // object. A plural subject takes the verb's base form ("Uploads fail", "workers corrupt").
    if (THIRD_PERSON_VERB.test(previous) && /s$/i.test(text.slice(start, end).split(" ")[0])) return false;
  }
  if (skippedEnd >= 0 && JOINED.test(text.slice(skippedEnd, start))) return false;
  const after = text.slice(end, end + 30);
  const next = WORD_AFTER.exec(after)?.[1];
  // A verb ends its clause ("… and the import hangs.") or goes on with a verb's context.
  if (next === undefined ? !/^\s*(?:[.,;:!?)]|$)/.test(after) : !FAILURE_FOLLOWER.test(next)) return false;
  return tellsToday(text, start, DELIBERATE_FAILURE.test(text.slice(start, end)) ? NOT_TODAY : NOT_TODAY_MALFUNCTION);
}

/**
 * Whether the clause around `start` tells how things are before the change: none of
 * `notToday` (the state after it, a promise, a fix) and no order ("Make the command fail when
 * …", "Let X crash …"). The clause, not the sentence: "X crashes on a bad inode; return -EIO
 * instead." and "Disable it for now: the proxy hangs on …" say "instead" and "now" about
 * something else; a colon inside a parenthesis ("(fetch: verify … - 2011-09-01)") ends no clause.
 */
function tellsToday(text: string, start: number, notToday: RegExp): boolean {
  const head = sentenceBefore(text, start).replace(PARENTHESIS, " ").split(CLAUSE_END).pop()!;
  const rest = SENTENCE_REST.exec(text.slice(start, start + 300))![0].split(CLAUSE_END)[0];
  const clause = head + rest;
  if (notToday.test(clause.replace(RIGHT_NOW, ""))) return false;
  // A name in code is no verb ("export_write() crashes …").
  const first = /^\s*([A-Za-z]+)(?![\w(`.-])/.exec(clause)?.[1]?.toLowerCase();
  return first === undefined || lemmatize(first) !== first || (!CHANGE_VERBS.has(first) && !FIX_VERBS.has(first));
}

/**
 * An error someone runs into, told in the present: "… and get a confusing syntax error", "they
 * see a blank page", "hits a stack trace".
 */
const ERROR_MET = /\b(?:gets?|sees?|hits?|receives?|runs? into)\s+(?:an?|the|this)\s+(?:[\w-]+\s+){0,3}?(?:errors?|exceptions?|crash(?:es)?|failures?|timeouts?|stack ?traces?|blank (?:page|screen)|white screen|segfaults?|panics?)\b/gi;

/** An error met today (ERROR_MET), not after the change ("users now get a clear error"). */
function errorMet(text: string): boolean {
  ERROR_MET.lastIndex = 0;
  for (let match = ERROR_MET.exec(text); match !== null; match = ERROR_MET.exec(text)) if (tellsToday(text, match.index, NOT_TODAY)) return true;
  return false;
}

/** A cost measured as it happened: "backups took six hours", "the table grew to 40 GB", "doubled the load". */
const MEASURED_COST = /\b(?:took|takes|(?:can|may|could|might) take|grew|spent|consumed|ballooned|doubled|tripled|quadrupled|exceeded|delayed|slowed)\b(?:\s+\S+){0,12}?\s+(?:(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|hundreds? of|thousands? of|several|many)\s*(?:%|x\b|[kmgt]i?b\b|bytes|ms\b|milliseconds|seconds?|minutes?|hours?|days?|weeks?|times)|the (?:load|size|time|memory|cost|latency|traffic)|hours\b|ages\b|forever\b|(?:most|half|all) of the (?:day|night|morning|afternoon|weekend|run|budget)\b)/i;

/**
 * Work on the whole of something done again on every event, told in the present: "The
 * dashboard query scans the whole orders table on every page load", "Every request parses the
 * entire schema again".
 */
const WHOLE_WORK = /\b(?:re-?)?(?:scans|reads|parses|loads|downloads|fetches|walks|rebuilds|recomputes|copies|rewrites|queries|sorts|hashes|serializes|compiles|traverses|re-?reads|re-?parses)\s+(?:the (?:whole|entire|full)|all(?: of)? the|every)\b[^.!?]{0,80}?(?:\b(?:on|for|in|at|with|after) (?:every|each)\b|\bagain\b|\beach time\b)/gi;

const NEW_SUBJECT = /\bnew\b/i;

/** Whether the body tells whole work repeated (WHOLE_WORK) about today, not the new behaviour ("now", "will", "instead"). */
function wholeWorkRepeated(text: string): boolean {
  WHOLE_WORK.lastIndex = 0;
  for (let match = WHOLE_WORK.exec(text); match !== null; match = WHOLE_WORK.exec(text)) {
    // "The new indexer scans the whole tree on every start" describes the change.
    if (!NEW_SUBJECT.test(sentenceBefore(text, match.index)) && tellsToday(text, match.index, NOT_TODAY)) return true;
  }
  return false;
}

/**
 * Other ways a body tells what was wrong: work that was done again and again ("parsed the same
 * file eleven times", not "retries a call the same way three times"), toil ("meant converting every line by hand"), a capability nobody should have had
 * ("Anyone could request a reset …"), users' complaints, or a failure left unexplained ("exit
 * with no hint").
 */
const PROBLEM_TOLD = /\b(?:\w+ed|read|ran|did|made|sent|built|fetched|wrote|hit)\b(?:\s+\S+){0,2}?\s+the same\b(?:\s+\S+){0,6}?\s+(?:twice|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens? of|hundreds? of|thousands? of) times)\b|\b(?:had to|meant|required|needed)\b(?:\s+\S+){0,6}?\s+(?:by hand|manually)\b|\b(?:anyone|any user|attackers?|an attacker|other users|unauthenticated users) (?:could|can|was able to|were able to)\b|\bcomplaints?\b|\bno (?:hint|clue|indication|error message)\b/i;

const PAST_IRREGULAR = new Set(["got", "left", "had", "wrote", "made", "went", "came", "gave", "saw", "knew", "thought", "ran", "sent", "kept", "lost", "broke", "hit", "fell", "became", "began", "could", "couldn't", "did", "didn't"]);
/** Candidate past-tense words: "-ed" words of five letters or more, and the irregular forms. */
const PAST_WORD = new RegExp(String.raw`\b(?:[a-z][a-z']{2,}ed|${[...PAST_IRREGULAR].map((word) => word.replace("'", "'")).join("|")})\b`, "gi");
const PASSIVE_AUXILIARY = /\b(?:is|are|was|were|be|been|being|gets?|now)\s+(?:\w+ly\s+)?$/i;
const ADJECTIVE_POSITION = /(?:-|\b(?:a|an|the|this|that|these|those|its|their|our|your|his|her|some|any|each|every|no|of|in|with|for|to|from|and|or)\s+(?:\w+ly\s+)?)$/i;
const AS_BEFORE = /\bas\s+(?:\w+ly\s+)?$/i;
const AS_CONVERSATION = /^(?:discussed|agreed|suggested|requested|proposed|asked)$/i;
const CHANGE_SUBJECT = /\b(?:we|i|this (?:commit|change|patch|pr|series))\s+(?:\w+ly\s+)?$/i;
/** Verbs that narrate a new feature in release-note style ("git blame learned --show-email"). */
const FEATURE_NARRATION = new Set(["learn", "gain", "acquire", "teach", "grow"]);
const FEATURE_NARRATION_WORDS = /^(?:learned|learnt|gained|acquired|taught)$/;

const WORD_BEFORE = /([A-Za-z]+)\s+$/;
const WORD_AFTER = /^[ \t]+([A-Za-z]+)/;
/** Words after a past-tense verb that keep it a verb: "tests failed on Windows", "failed twice". */
const VERB_FOLLOWER = /^(?:on|in|at|with|for|to|by|from|into|when|while|because|after|before|since|during|until|twice|again|once|and|or|but|the|a|an|it|them|this|that|these|those|its|their|our|every|all|some|\w+ly)$/i;

/**
 * "The uploader now retries failed chunks", "removes cached entries": after a change verb in
 * the present (or, with `orders`, in its base form: "- retry failed deliveries"), a participle
 * followed by a noun describes the change's object, not an event. A verb
 * followed by a preposition, an adverb or a determiner still tells one ("the tests failed on
 * Windows", "builds failed twice").
 */
function namesObjectOfChange(text: string, start: number, end: number, orders = false): boolean {
  const previous = WORD_BEFORE.exec(text.slice(Math.max(0, start - 20), start))?.[1].toLowerCase();
  if (previous === undefined) return false;
  // "retries failed chunks"; with `orders`, the base form too ("- retry failed deliveries"),
  // asked only for a failure word: read for any participle, an order's object hid the past
  // narratives that were a body's only told reason ("Reuse discarded nodes").
  const lemma = lemmatize(previous);
  if (lemma === previous ? !orders : !previous.endsWith("s")) return false;
  if (!CHANGE_VERBS.has(lemma) && !FIX_VERBS.has(lemma) && !ORDER_ONLY_VERBS.has(lemma)) return false;
  const next = WORD_AFTER.exec(text.slice(end, end + 30))?.[1];
  return next !== undefined && !VERB_FOLLOWER.test(next);
}

const INNER_CAPITAL = /[a-z][A-Z]/;
/** Participles of a failure, which an order takes for its object as often as a story tells them ("- retry failed deliveries"). */
const FAILED_PARTICIPLE = /^(?:failed|crashed|stalled|leaked|corrupted|rejected|aborted|dropped)$/;

/**
 * The body tells what happened before the change: a past-tense verb that is not the change's own
 * ("rendered in a fallback font", "got last week's threads first", "could not match"), where
 * "Added X", "Fixed the tests" or "Updated the config" describe the change itself.
 */
function pastNarrative(text: string): boolean {
  PAST_WORD.lastIndex = 0;
  for (let match = PAST_WORD.exec(text); match !== null; match = PAST_WORD.exec(text)) {
    const word = match[0].toLowerCase();
    // "OrderShipped", "onConnected": a name in code, not a verb.
    if (INNER_CAPITAL.test(match[0])) continue;
    if (!PAST_IRREGULAR.has(word)) {
      const before = text.slice(Math.max(0, match.index - 12), match.index);
      // A passive ("no event was published", "is cached") describes a state, often the new one;
      // a participle used as an adjective ("a hard-coded 40", "the packed refs") or with "by"
      // ("Suggested by Franck") tells no event.
      if (PASSIVE_AUXILIARY.test(before) || ADJECTIVE_POSITION.test(before) || /^\s+by\b/i.test(text.slice(match.index + word.length, match.index + word.length + 4))) continue;
      // "As discussed", "as requested", "as agreed": a pointer to a conversation held
      // elsewhere, which tells nothing of what happened.
      if (AS_CONVERSATION.test(word) && AS_BEFORE.test(before)) continue;
      if (namesObjectOfChange(text, match.index, match.index + word.length, FAILED_PARTICIPLE.test(word))) continue;
    }
    const lemma = lemmatize(word);
    if (FEATURE_NARRATION.has(lemma) || FEATURE_NARRATION_WORDS.test(word)) continue;
    // "Added X", "Made it configurable", "we moved …", "this commit fixed …": the change itself.
    // Mid-sentence after another subject it narrates ("the job wrote the same file").
    const changeVerb = CHANGE_VERBS.has(lemma) || FIX_VERBS.has(lemma);
    if (changeVerb && (/^[A-Z]/.test(match[0]) || CHANGE_SUBJECT.test(text.slice(Math.max(0, match.index - 24), match.index)))) continue;
    return true;
  }
  return false;
}

/**
 * "since" before an earlier commit, a version or a release ("since e83c516", "since commit
 * abc1234 (…)", "since Git v1.6.0", "since 2.30", "since rc1"), or "ever since": the point in
 * time a state began.
 */
const SINCE_POINT = /\b(?:ever\s+since\b|since\s+(?:(?:the\s+)?commit\s+|[\w-]+\s+(?=v?\d))?(?:[`'"(]?(?=[a-f]*\d)[0-9a-f]{7,40}\b|v?\d+\.\d|v\d|rc\d))/gi;
/** Words that open a clause of its own before "since" ("a leak that's been with us since …", "which is orphaned since …"). */
const CLAUSE_OPENER = /(?:\b(?:that|which|who|we|it|they|this|there)\b|[,;:(])/i;

/**
 * The body dates a state to an earlier commit or release: "This default has been true since
 * Git v1.6.0", "Since commit f767349 (…), git push has a different output", "a leak we have
 * since d6cf873". Such a "since" is no cause (CAUSAL leaves it out), but a problem or a loss
 * that has held since then ("broken since …", "has not been used since …", "doesn't use cpio
 * anymore") is the situation the change responds to, as a past narrative is. Not a plain state
 * ("The wording has been like this since 1.7.2"), nor an order that the point only dates
 * ("Translate the new message since git 1.7.10.1").
 */
function datedState(text: string): boolean {
  SINCE_POINT.lastIndex = 0;
  for (let match = SINCE_POINT.exec(text); match !== null; match = SINCE_POINT.exec(text)) {
    const head = sentenceBefore(text, match.index);
    const first = /^\s*(?:[-*+•]\s+)?([A-Za-z]+)\b/.exec(head);
    const word = first?.[1].toLowerCase();
    const orders = word !== undefined && lemmatize(word) === word && (CHANGE_VERBS.has(word) || FIX_VERBS.has(word));
    if (orders && !CLAUSE_OPENER.test(head.slice(first![0].length))) continue;
    // A state worth dating names what is wrong or gone: "broken since …", "has not been used
    // since …", "doesn't use cpio anymore"; "The wording has been like this since 1.7.2" does not.
    const sentence = head + SENTENCE_REST.exec(text.slice(match.index, match.index + 300))![0];
    if (PROBLEM_STRONG.test(sentence) || PROBLEM_WEAK.test(sentence) || HISTORY.test(sentence)) return true;
  }
  return false;
}

/**
 * The word before "now" (with a closing quote, bracket or comma: '"files" now includes', "X,
 * which both rules use, now skips"; not a sentence's end), "now" and the word after it.
 */
const NOW_VERB = /([a-z']+)["'`)\],]*[ \t\n]+now[ \t\n]+([a-z]+)\b/gi;
/** Words before "now" that make it a time, not the state after the change: "right now", "for now". */
const NOW_TIME = /^(?:right|for|until|till|by|just|even|of|from|than|and|but|so|then|is|are|was|were|be|been)$/i;

/**
 * A sentence opening on an event other than this change ("Since the lodash bump, the parser
 * now rejects …", "After the Node 20 upgrade the server now takes …"): its "now" is the state
 * the change responds to, not the one it makes. "Since X now skips …, drop …" gives a reason.
 */
const REGRESSION_CLAUSE = /^\s*(?:ever\s+)?(?:since|after)\b/i;
/** "After this change, X now …": the state after this change after all. */
const THIS_CHANGE = /\b(?:this|the)\s+(?:change|commit|patch|fix|series|pr)\b/i;

/** How far back a sentence's start is looked for: its opening clause is what matters. */
const SENTENCE_WINDOW = 300;

/**
 * The part of the sentence in `text` that ends at `end` (at most SENTENCE_WINDOW characters
 * of it), found by scanning back to the last sentence end or blank line.
 */
function sentenceBefore(text: string, end: number): string {
  const limit = Math.max(0, end - SENTENCE_WINDOW);
  for (let at = end - 1; at >= limit; at--) {
    const code = text.charCodeAt(at);
    if ((code === 0x2e || code === 0x21 || code === 0x3f) && /\s/.test(text.charAt(at + 1))) return text.slice(at + 1, end);
    // A blank line: "\n", blanks, "\n".
    if (code === 0x0a) {
      let back = at - 1;
      while (back >= limit && (text.charCodeAt(back) === 0x20 || text.charCodeAt(back) === 0x09)) back--;
      if (back >= limit && text.charCodeAt(back) === 0x0a) return text.slice(at + 1, end);
    }
  }
  return text.slice(limit, end);
}

/**
 * The body states how things behave after the change with a change verb after "now" ("The
 * sink now catches the error", "summaryPrefixLength now skips emoji"): the verb in the present,
 * third person or plural, after a subject or a modal. "Is now", "we now" and "now uses" are
 * cues of their own (CHANGE_DESCRIPTION).
 */
function newBehaviour(text: string): boolean {
  NOW_VERB.lastIndex = 0;
  for (let match = NOW_VERB.exec(text); match !== null; match = NOW_VERB.exec(text)) {
    if (NOW_TIME.test(match[1])) continue;
    // "Since the lodash bump, the parser now rejects …"; but "Since X was replaced, we can now
    // enable …" says what the change can do at last.
    if (!/^can$/i.test(match[1])) {
      const sentence = sentenceBefore(text, match.index);
      if (REGRESSION_CLAUSE.test(sentence) && !THIS_CHANGE.test(sentence)) continue;
    }
    const word = match[2].toLowerCase();
    const lemma = lemmatize(word);
    if (!CHANGE_VERBS.has(lemma) && !FIX_VERBS.has(lemma) && !ORDER_ONLY_VERBS.has(lemma)) continue;
    // "now reads", "now catches", "now catch" (a plural subject); not "now added" or "now adding".
    if (word === lemma || (word.endsWith("s") && !word.endsWith("ss"))) return true;
  }
  return false;
}

/**
 * A sentence that opens on its subject and a verb in the present ("It keeps a counter of
 * running tasks", "The sidebar checks for an empty list", "The new tokenizer walks the input"):
 * group 1 is "new" when the subject is the change's new thing, group 2 the verb.
 */
const PRESENT_SENTENCE = /(?:^|[.!?]\s+|\n[ \t]*\n[ \t]*)(?:It|They|(?:The|This|These|Each)\s+(?:(new)\s+)?(?:[A-Za-z][\w'-]*\s+){0,2}[A-Za-z][\w'-]*)\s+(?:(?:only|also|then|instead|first)\s+)?([a-z]+[^suy\W]s)\b/g;
/** A sentence that goes on to what is wrong with the behaviour it describes ("… requires a working tree, but it should …"). */
const SHORTCOMING = /\b(?:but|should|ought|even (?:if|when|though)|although|however|unless)\b/i;
/** What follows a present verb that describes behaviour: an object or a preposition (ORDER_OBJECT), a number, or how often. */
const BEHAVIOUR_OBJECT = /^[ \t]*(?:one|two|three|four|five|six|seven|eight|nine|ten|once|twice|only|every|per)\b/i;

/**
 * The body contrasts the old behaviour, told in the past ("The scheduler started every ready
 * task at once."), with the new one, told in the present after it ("It keeps a counter of
 * running tasks and only dequeues when …"): the present sentence says what the change does.
 * So does a present sentence about the change's new thing ("The new tokenizer walks the input
 * once"). Not a present sentence that names a problem ("It never frees the buffer") or one
 * without a past narrative before it, which may as well tell how things are before the change.
 */
function contrastedBehaviour(text: string): boolean {
  if (text === "") return false;
  PRESENT_SENTENCE.lastIndex = 0;
  for (let match = PRESENT_SENTENCE.exec(text); match !== null; match = PRESENT_SENTENCE.exec(text)) {
    const verb = match[2];
    const lemma = lemmatize(verb);
    const end = match.index + match[0].length;
    const known = lemma !== verb && (CHANGE_VERBS.has(lemma) || FIX_VERBS.has(lemma) || ORDER_ONLY_VERBS.has(lemma));
    // A known verb, or any verb of the new thing's, with what a verb of behaviour takes after it.
    if (!(known || match[1] !== undefined) || !(isImperativeAt(text, end) || BEHAVIOUR_OBJECT.test(text.slice(end, end + 12)))) continue;
    const sentence = SENTENCE_REST.exec(text.slice(end, end + 300))![0];
    if (PROBLEM_STRONG.test(sentence) || PROBLEM_WEAK.test(sentence) || SHORTCOMING.test(sentence)) continue;
    if (match[1] !== undefined || pastNarrative(text.slice(0, match.index + 1))) return true;
  }
  return false;
}

/** A merge's shortlog heading ("* jk/topic:"), above the indented summaries of the commits it merges. */
const SHORTLOG_HEAD = /^\* \S+(?: \([^)]*\))?:\s*$/;

/** The prose lines as one text, leaving out a merge's shortlog (its heading and the indented lines below). */
function withoutShortlog(lines: readonly SourceLine[]): string {
  let text = "";
  let inShortlog = false;
  for (const line of lines) {
    if (SHORTLOG_HEAD.test(line.text)) inShortlog = true;
    else if (!inShortlog || !/^\s/.test(line.text)) {
      inShortlog = false;
      text += `${line.text}\n`;
    }
  }
  return text;
}

/**
 * Reasons stated in the present: what users live with ("Users on Safari 15 see a blank page"),
 * a requirement from outside ("Required by PCI DSS 4.0"), or a measured gain ("2.1x faster",
 * "30% less memory").
 */
const STATED_REASON = /\b(?:users?|customers?|people|clients?|readers|visitors|developers|operators)\b(?:\s+\S+){0,4}?\s+(?:see|get|hit|lose|cannot|can't|could not|couldn't|have to|had to|are unable|were unable|are forced|keep getting|run into|ran into)\b|\b(?:required|mandated|demanded) by\b|\b\d+(?:\.\d+)?\s?(?:x|%|times) (?:faster|slower|smaller|larger|less|fewer|lower|higher)\b/i;

/** Who a change can be for: the people and programs that use the code. */
const BENEFICIARY = String.raw`(?:users?|operators?|callers?|clients?|customers?|developers?|admins?|administrators?|maintainers?|reviewers?|people|anyone|everyone|scripts?|teams?)`;

/**
 * A benefit for someone, which is why the change is wanted: what it lets them do ("This lets
 * operators keep the key out of the process list", "It allows callers to …"), what they need
 * no longer do ("users no longer have to run migrations against a copy"), or what they can now
 * do without ("Users can now retry a failed upload without picking the file again"). Not "This
 * allows the cache to …", which tells what the code does.
 */
const BENEFIT = new RegExp(String.raw`\b(?:this|it|which)\s+(?:(?:now|also)\s+)?(?:lets|allows|enables|helps|saves|spares)\s+(?:the\s+|our\s+)?(?:${BENEFICIARY}|us|you|them)\b|\b(?:${BENEFICIARY}|we|you)\s+(?:(?:can|will)\s+)?(?:no longer (?:have|need) to|(?:don't|do not|won't|will not|doesn't|does not) (?:have|need) to(?! be\b)|need not|can now\b[^.!?\n]{0,80}?\bwithout)\b`, "i");

/**
 * What another part needs ("The autoscaler needs it to scale the workers on backlog", "so the CLI
 * can validate files before it runs"): a reason when the clause says something of its own,
 * not "so the build will work" or "needs it to compile", and not the summary again.
 */
const NEED_CLAUSE = /\b(?:so (?:that )?(?:the|our|their|its) [\w-]+ (?:can|could|will|won't|no longer|doesn't|does not|don't|do not|never)|needs? (?:it|this|them|these|that) (?:to|for))\b([^.;!?\n]*)/gi;
const EMPTY_NEED = /^\s*(?:be\s+)?(?:work|works|run|runs|pass|passes|compile|compiles|build|builds|read|used|use|done|happy)\b/i;

/**
 * What another part requires, in the present, with what for: "The release tooling needs a first
 * commit to tag", "the allocator requires the pool lock to be held for that", "needed by the
 * release tooling to tag …". Group 1 is the subject, group 2 what follows the verb.
 */
const REQUIREMENT = /\b((?:the|our|its|their|this|that|these|those|every|each)\s+(?:[\w'-]+\s+){0,2}?[\w'-]+)\s+(?:needs|requires|need|require)\s+(?!to\b)((?:[\w'-]+\s+){1,5}?(?:to|for|before|in order to)\s+[^.;!?\n]*)|\bneeded by\s+(?:the|our|its|their)\s+([^.;!?\n]*)/gi;
/** A subject that is the change or its new thing ("The new parser needs less memory", "This change requires …"): no other part. */
/** Words that make the phrase before the verb no noun phrase ("This would remove the need …", "ones that do not require …"). */
const NOT_A_SUBJECT = /\s(?:the|a|an|would|could|should|will|can|may|might|must|does|do|did|not|no|is|are|was|were|and|or)\b/i;
const CHANGE_ITSELF = /\b(?:new|change|commit|patch|fix|series|pr|option|flag|version)\b/i;

function statesNeed(text: string, summary: string): boolean {
  NEED_CLAUSE.lastIndex = 0;
  for (let match = NEED_CLAUSE.exec(text); match !== null; match = NEED_CLAUSE.exec(text)) {
    if (!EMPTY_NEED.test(match[1]) && saysItsOwn(match[1], summary, 3)) return true;
  }
  REQUIREMENT.lastIndex = 0;
  for (let match = REQUIREMENT.exec(text); match !== null; match = REQUIREMENT.exec(text)) {
    const clause = match[3] ?? `${match[1]} ${match[2]}`;
    if (match[1] !== undefined && (CHANGE_ITSELF.test(match[1]) || NOT_A_SUBJECT.test(match[1]))) continue;
    // "The test needs a fixture to run": what it is needed for must be more than working at all.
    const purpose = /\b(?:to|for|before)\s+(.*)$/i.exec(match[2] ?? match[3])?.[1] ?? "";
    if (EMPTY_NEED.test(purpose) || !tellsToday(text, match.index, NOT_TODAY)) continue;
    // Who needs it is the news: the object may well be the summary's ("the allocator requires the
    // pool lock …" under "Take the pool lock …").
    const who = match[1] ?? match[3];
    if (saysItsOwn(who, summary, 1) && saysItsOwn(clause, "", 3)) return true;
  }
  return false;
}

/**
 * A sentence that opens on what the change is for, an infinitive of a goal and a comma before
 * the main clause: "To reduce wasted memory, wait until …", "To keep the hook fast, the config
 * is read lazily". Group 1 is the purpose clause. Only verbs that name a goal: "To test, run
 * …", "To use it, …", "To enable it, set …" and "To reproduce: …" give instructions.
 */
const PURPOSE_OPENING = /(?:^|[.!?]\s+|\n[ \t]*\n\s*|(?:^|\n)[ \t]*(?:[-*+•]|\d+[.)])[ \t]*|\n[ \t]*(?=To\s))To\s+((?:avoid|prevent|reduce|cut|lower|limit|keep|speed up|save|free up|spare|allow|ensure|make sure|support|simplify|stop|protect|guard against|unblock|eliminate|minimi[sz]e|maximi[sz]e|accommodate|comply with|conform to|stay|remain|improve|shorten|preserve|mitigate|work around|get rid of|fix|solve|resolve|address|help|let|match|honou?r|respect|prepare for|be able to|make (?:\S+\s+){1,4}?(?:easier|simpler|safer|faster|clearer|cheaper|smaller|possible|consistent|more|less|robust|reliable|fast|cheap|small|safe|predictable|deterministic|testable|readable))\b[^,.;:!?\n]*(?:\n(?![ \t]*\n)[^,.;:!?\n]*)*),\s+\S+\s+\S/g;

/**
 * Whether a sentence opens on a purpose clause (PURPOSE_OPENING) that says something of its
 * own: two content words or more, mostly not the summary's ("To fix this, …" points back at a
 * problem told elsewhere; "To keep the hook fast, …" under "Keep the hook fast" repeats it).
 */
function opensOnPurpose(text: string, summary: string): boolean {
  PURPOSE_OPENING.lastIndex = 0;
  for (let match = PURPOSE_OPENING.exec(text); match !== null; match = PURPOSE_OPENING.exec(text)) {
    if (saysItsOwn(match[1], summary, 2)) return true;
  }
  return false;
}

/**
 * "so" and a clause with a subject of its own as the change's purpose: "so the repository has a
 * first commit", "so every run prints the same order", "… so the history starts somewhere"
 * (one to three words after the determiner, then a modal or a verb in -s). Not "do so", "if
 * so", "even so", "not so" or "make it so the dialog closes", which describes the behaviour.
 * Group 1 is the clause from its subject on, group 2 its verb, group 3 the rest.
 */
const SO_PURPOSE = /(?<!\b(?:do|does|did|doing|done|if|even|not|just|quite|only)\s+|\b(?:make|makes|made|making)\s+(?:it|things|this)\s+)\bso\s+((?:the|a|an|this|our|its|their|every|each|any)\s+(?:[\w'-]+\s+){1,3}?(can|could|will|would|won't|wouldn't|can't|cannot|doesn't|does not|don't|do not|isn't|aren't|no longer|never|always|is|are|has|have|gets|get|stays|stay|keeps|keep|remains|remain|[a-z]+[^s\W]s)\b([^.;!?\n]*))/gi;
const MODAL = /^(?:can|could|will|would|won't|wouldn't|can't|cannot|doesn't|does not|don't|do not|isn't|aren't|no longer|never|always)$/i;

/**
 * Where `text` gives a purpose with "so" and a clause (SO_PURPOSE) that says something of its
 * own: three content words, mostly not `summary`'s, and not an empty goal ("so the build works",
 * "so the tests will pass"). The start and end of the clause, or null.
 */
function soPurposeAt(text: string, summary: string): [number, number] | null {
  SO_PURPOSE.lastIndex = 0;
  for (let match = SO_PURPOSE.exec(text); match !== null; match = SO_PURPOSE.exec(text)) {
    const tail = MODAL.test(match[2]) ? match[3] : ` ${match[2]}${match[3]}`;
    if (EMPTY_NEED.test(tail)) continue;
    // In a summary, the clause is compared with what comes before it.
    const against = summary === "" ? text.slice(0, match.index) : summary;
    if (saysItsOwn(match[1], against, 3)) return [match.index, match.index + match[0].trimEnd().length];
  }
  return null;
}

/**
 * A sentence that opens on a purpose and goes on to an order: "To fix this, take the lock
 * before …", "To fix, ignore decorations that …", "In order to keep memory flat, stream the
 * blobs …". Group 1 is the purpose's verb, group 2 the word after the comma.
 */
const PURPOSE_THEN_ORDER = /(?:^|[.!?]\s+|\n[ \t]*\n\s*|(?:^|\n)[ \t]*(?:[-*+•]|\d+[.)])[ \t]*)(?:To|In order to)\s+([a-z]+)\b[^,.;:!?\n]*(?:\n(?![ \t]*\n)[^,.;:!?\n]*)*,\s+([a-z]+)\b/g;
/** Purposes of an instruction to the reader ("To test, run …", "To use it, pass …"): the order is theirs, not the change's. */
const INSTRUCTION_PURPOSE = /^(?:test|try|use|reproduce|do|see|enable|disable|build|install|uninstall|run|verify|check|configure|debug|get|opt|learn|find|turn|view|update|upgrade|migrate|revert|restore|apply|read|start|switch)$/;

/** A plain word after a verb, not followed by an auxiliary or a modal that would make it the subject. */
const PLAIN_OBJECT = /^[ \t]*\n?[ \t]*[A-Za-z][\w-]*(?![\w-])(?![ \t]*\n?[ \t]*(?:is|are|was|were|has|have|had|can|could|will|would|should|must|may|might|do|does|did|don't|doesn't|didn't|isn't|aren't|won't|need|needs)\b)/;

/** Whether a body sentence gives the change's order after a purpose clause (PURPOSE_THEN_ORDER). */
function orderAfterPurpose(text: string): boolean {
  PURPOSE_THEN_ORDER.lastIndex = 0;
  for (let match = PURPOSE_THEN_ORDER.exec(text); match !== null; match = PURPOSE_THEN_ORDER.exec(text)) {
    const verb = match[2];
    if (INSTRUCTION_PURPOSE.test(match[1]) || lemmatize(verb) !== verb) continue;
    const end = match.index + match[0].length;
    if ((CHANGE_VERBS.has(verb) || FIX_VERBS.has(verb) || ORDER_ONLY_VERBS.has(verb)) && isImperativeAt(text, end)) return true;
    // After the purpose clause a change verb orders even before a plain noun ("To fix, ignore
    // decorations that …", "To avoid that, skip hidden files"), unless a verb follows that
    // noun, which makes it a subject ("To avoid that, cache misses are counted …").
    if ((CHANGE_VERBS.has(verb) || FIX_VERBS.has(verb)) && PLAIN_OBJECT.test(text.slice(end, end + 40))) return true;
  }
  return false;
}

/** The summary features that describe its form rather than its content (for reverts). */
function readSummaryForm(values: Record<FeatureName, number>, reading: SummaryReading): void {
  if (reading.verb === "none") values.sumNoVerb = 1;
  if (reading.verb === "change") values.sumChangeVerb = 1;
  if (reading.specificWords === 0) values.sumVague = 1;
  if (reading.specificWords <= 1) values.sumShort = 1;
  if (reading.words >= 9) values.sumLong = 1;
}

/**
 * Words that may follow an evident object ("typo in X", "tests for Y", "docs and Z") and the
 * nouns it heads ("test cases", "license header"); any other word after it makes the cue a
 * modifier of a feature ("test mode", "typo tolerance", "changelog generator").
 */
const AFTER_OBJECT = /^(?:in|on|for|to|of|and|or|&|with|from|at|by|when|after|before|that|which|so|because|as|about|via|into|under|the|a|an|is|are|was|were|be|been|now|again|too|also|only|case|cases|suites?|files?|fixtures?|helpers?|data|coverage|runners?|utils?|headers?|notes|year|pages?|site|links?|comments?|sections?|examples?|strings?|messages?|typos?|errors?|names?|text|entries|entry|output|dependenc(?:y|ies)|deps|classes|class|code|setup|config(?:uration)?|infrastructure|infra|util(?:ities|ity)?|fix(?:es)?|mistakes?|formatting|instead|based|improvements?|updates?|changes?|tweaks?|cleanups?|issues?|problems?|failures?|\d\S*)$/i;

/** The global twin of each pattern findCueWhere walks through, made once. */
const globalPatterns = new Map<RegExp, RegExp>();

/** Like findCue, but takes the first match `accept` approves (the match is in `text`). */
function findCueWhere(values: Record<FeatureName, number>, hits: CueHit[], map: MappedText, cue: FeatureName, pattern: RegExp, text: string, offset: number, accept: (match: RegExpExecArray) => boolean): boolean {
  let global = globalPatterns.get(pattern);
  if (global === undefined) globalPatterns.set(pattern, (global = new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`)));
  global.lastIndex = 0;
  for (let match = global.exec(text); match !== null; match = global.exec(text)) {
    if (!accept(match)) continue;
    values[cue] = 1;
    const start = offset + match.index;
    hits.push({ cue, span: spanOf(map, start, start + match[0].length) });
    return true;
  }
  return false;
}

/** Like findCue, but a match followed by a word that is neither a link word nor a head noun is skipped. */
function findObjectCue(values: Record<FeatureName, number>, hits: CueHit[], map: MappedText, cue: FeatureName, pattern: RegExp, text: string, offset: number, verbAt: number): boolean {
  return findCueWhere(values, hits, map, cue, pattern, text, offset, (match) => {
    // As the summary's verb ("Document the flags", "Proofread README") the word is the act itself.
    if (match.index === verbAt) return true;
    const next = /^\s+([\w&-]+)/.exec(text.slice(match.index + match[0].length))?.[1];
    return next === undefined || AFTER_OBJECT.test(next);
  });
}

/** Words after a bare "release" that make it the release of a version ("release notes", "release 2.1", "for release"). */
const RELEASE_FOLLOWER = /^(?:v?\d\S*|versions?|notes?|candidates?|tarballs?|archives?|plugin|branch(?:es)?|builds?|artifacts?|jars?|packages?|binar(?:y|ies)|process|scripts?|workflows?|jobs?|pipelines?|tags?|dates?|checklist|guide|docs?|instructions|procedure|steps?|automation|tooling|config(?:uration)?|profile|\w+ly|of|for|to|on|and|&|from|is|was|with)$/i;
const BARE_RELEASE = /^releas(?:e|es|ed|ing)$/i;

/**
 * The release cue of a summary, where a bare "release" that is not the summary's verb counts
 * only as the release of a version: at the end, followed by a release thing ("Prepare for
 * release", "Update release notes"), or with a version after it ("Tag the release as 2.1").
 * "Handle key release events" and "Fix memory release in pool" name a feature's release, not
 * a release commit.
 */
function findReleaseCue(values: Record<FeatureName, number>, hits: CueHit[], map: MappedText, text: string, offset: number, verbAt: number): boolean {
  return findCueWhere(values, hits, map, "evidentRelease", EVIDENT_RELEASE, text, offset, (match) => {
    if (!BARE_RELEASE.test(match[0]) || offset + match.index === verbAt) return true;
    const after = text.slice(match.index + match[0].length);
    const next = /^\s+([\w&.-]+)/.exec(after)?.[1];
    // A version further on makes it one too ("Tag the release as 2.1", "Start release cycle for 4.2").
    return next === undefined || RELEASE_FOLLOWER.test(next.replace(/[.]+$/, "")) || VERSION_NUMBER.test(after);
  });
}

/** Every cue that can make a summary self-evident. */
const SELF_EVIDENT_CUES: readonly FeatureName[] = ["evidentTypo", "evidentFormat", "evidentDocs", "evidentDocsWeak", "evidentTests", "evidentCleanup", "evidentRelease", "evidentDependency", "versionBump"];

/** Turns `cues` off, and drops their recorded spans so no evidence points at them. */
function clearCues(values: Record<FeatureName, number>, hits: CueHit[], cues: readonly FeatureName[]): void {
  for (const cue of cues) values[cue] = 0;
  for (let index = hits.length - 1; index >= 0; index--) if (cues.includes(hits[index].cue)) hits.splice(index, 1);
}

/** Verbs that build behaviour: their docs, tests or release objects are what the feature handles. */
const FEATURE_VERBS = new Set(["generate", "parse", "render", "serve", "support", "display", "show", "implement", "detect", "expose"]);
/** Conventional types that say what kind of change it is, whatever the verb ("test: handle …"). */
const EVIDENT_TYPES = /^(?:docs?|test|tests|spelling|style|format|release|deps|dependencies|build\(deps\))$/;

/** A clause that says when a behaviour runs: a period or an event of the program, not a condition of the build. */
const RUNTIME_CLAUSE = /\b(?:after \d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)|older than \d+|every (?:\d+ )?(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|runs?|requests?|restarts?)|hourly|nightly|daily|weekly|periodically|on (?:startup|shutdown|exit|login|logout|restart)|at (?:startup|shutdown|midnight))\b/i;

const AND_VERB = /(?:\band|&|,|;)\s+(?:also\s+)?([A-Za-z]+)(?=\s+\S)/g;

/**
 * Whether the summary joins a second action with "and", "&", "," or ";" ("Fix typo and remove
 * the legacy API", "Fix typos, update docs"): a verb with an object after the joint ("… and
 * tests" at the end is an object, not an action). The study's labels treat such commits as
 * needing a reason even when each part is small; see docs/eval.md.
 */
function secondChange(core: string): boolean {
  AND_VERB.lastIndex = 0;
  for (let match = AND_VERB.exec(core); match !== null; match = AND_VERB.exec(core)) {
    const lemma = lemmatize(match[1].toLowerCase());
    if (!CHANGE_VERBS.has(lemma) && !FIX_VERBS.has(lemma)) continue;
    // "Fix typo, fix grammar": one more wording fix is no change of its own.
    const after = core.slice(match.index + match[0].length);
    if (EVIDENT_TYPO.test(after.slice(0, after.search(/\s(?:and|&)\s|[,;]|$/)))) continue;
    return true;
  }
  return false;
}

/** Sets `cue` and records its span when `pattern` matches `text` (which starts at `offset` in `map`). */
function findCue(values: Record<FeatureName, number>, hits: CueHit[], map: MappedText, cue: FeatureName, pattern: RegExp, text: string, offset: number): boolean {
  const match = pattern.exec(text);
  if (match === null) return false;
  values[cue] = 1;
  const start = offset + match.index;
  hits.push({ cue, span: spanOf(map, start, start + match[0].length) });
  return true;
}

/**
 * Sets bodyChangeDescription for a what label that some text follows, and bodyCausal for a why
 * label whose text gives a reason of its own: at least six words, most of them not the
 * summary's ("Motivation: We need a getter for maxHeaderSize." under "Add getter for
 * maxHeaderSize" restates the change; a template heading is no reason by itself). A line at a
 * time, with a colon test first: a multi-line pattern anchored at line starts cost 2% of a
 * whole judgement.
 */
function findLabels(values: Record<FeatureName, number>, hits: CueHit[], map: MappedText, summary: string): void {
  const lines = map.lines;
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index].text;
    const colon = text.indexOf(":");
    if (colon <= 0 || colon > LABEL_COLON_LIMIT) continue;
    let cue: FeatureName | null = null;
    if (values.bodyCausal === 0 && WHY_LABEL.test(text)) {
      const reason = labelledText(map, index, colon + 1);
      if (givesOwnReason(reason, summary) && isMeaningfulLabelText(reason)) cue = "bodyCausal";
    } else if (values.bodyChangeDescription === 0 && WHAT_LABEL.test(text) && isMeaningfulLabelText(labelledText(map, index, colon + 1))) cue = "bodyChangeDescription";
    if (cue === null) continue;
    values[cue] = 1;
    const indent = text.length - text.trimStart().length;
    const start = map.starts[index];
    hits.push({ cue, span: spanOf(map, start + indent, start + colon + 1) });
  }
}

/**
 * The text a label heads: the rest of its line, or else the paragraph below it (after blank
 * lines), up to a blank line or the next label. "" when another label or nothing follows.
 */
function labelledText(map: MappedText, index: number, from: number): string {
  const lines = map.lines;
  let text = lines[index].text.slice(from).trim();
  let next = index + 1;
  if (text === "") while (next < lines.length && lines[next].text.trim() === "") next++;
  for (; next < lines.length; next++) {
    const line = lines[next].text;
    if (line.trim() === "" || WHY_LABEL.test(line) || WHAT_LABEL.test(line)) break;
    text += ` ${line.trim()}`;
  }
  return text.trim();
}

const LABEL_WORD = /[A-Za-z][A-Za-z0-9_'-]*/g;
/** Words that carry no subject of their own when comparing a reason with the summary. */
const FUNCTION_WORDS = new Set(["the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "is", "are", "was", "were", "be", "this", "that", "it", "its", "we", "our", "us", "need", "needs", "needed", "so", "as", "by", "from", "at", "can", "should", "want", "wants", "have", "has"]);

/** A crude stem, enough to match "Refactors"/"refactor", "logging"/"log", "retried"/"retry". */
function stem(word: string): string {
  const lower = word.toLowerCase();
  if (lower.length <= 4) return lower;
  // The suffixes /(?:ing|ed|es|s)$/ strips, without a pattern: this runs for every word of a short body.
  let end = lower.length;
  if (lower.endsWith("ing")) end -= 3;
  else if (lower.endsWith("ed") || lower.endsWith("es")) end -= 2;
  else if (lower.endsWith("s")) end -= 1;
  const base = end === lower.length ? lower : lower.slice(0, end);
  // "retry", "retries" and "retried" all end up "retri".
  return base.endsWith("y") ? `${base.slice(0, -1)}i` : base;
}

/** True when `reason` has six words or more and most of its content words are not the summary's. */
function givesOwnReason(reason: string, summary: string): boolean {
  return (reason.match(LABEL_WORD) ?? []).length >= 6 && saysItsOwn(reason, summary, 1);
}

/**
 * The key a restatement compares a word's stem by: also "adds"/"add", "uses"/"use" (four
 * letters, which stem keeps whole) and "removed"/"remove", "updates"/"update" (stem keeps a
 * base's final "e" only when nothing was stripped), so a verb's forms count as the summary's.
 */
function restatementKey(stemmed: string): string {
  let key = stemmed;
  if (key.length === 4 && key.endsWith("s") && !/(?:ss|us|is)$/.test(key)) key = key.slice(0, -1);
  return key.length > 3 && key.endsWith("e") ? key.slice(0, -1) : key;
}

/** A number standing alone in prose: "2.0", "16", "404" (not a man page's "git-log(1)"). */
const NUMBER = /(?<=^|\s)\d+(?:\.\d+)*(?![\w)])/g;

/** Bodies up to this many words are checked for only restating the summary. */
const RESTATEMENT_WORDS = 40;
/** Words that point at the change itself ("This commit …", "… now …") rather than say anything about it. */
const SELF_REFERENCE = new Set(["commit", "change", "chang", "patch", "now", "also", "here", "which", "will", "when", "then", "these", "those", "them", "they", "not", "but", "all", "some", "just", "into"]);

/** Words that give a reason however few others are new ("… failed to describe X, so add some", "Therefore, …"). */
const REASON_WORD = /^(?:because|therefore|thus|hence|otherwise|consequently|since|due|reason|trouble)$/i;

/**
 * True when at most three and fewer than a quarter of the content words of `text` are new next
 * to the summary's, and none of the new ones gives a reason or names a problem ("This commit
 * adds retry logic to the upload client. The upload client now retries." under "Add retry
 * logic to the upload client"; "Fix typos in documentation." under "Documentation: fix typos").
 */
function restatesSummary(text: string, summary: string): boolean {
  // A summary has a handful of words: a list is cheaper to build and search than a set.
  const summaryStems: string[] = [];
  LABEL_WORD.lastIndex = 0;
  for (let match = LABEL_WORD.exec(summary); match !== null; match = LABEL_WORD.exec(summary)) summaryStems.push(restatementKey(stem(match[0])));
  let content = 0;
  let fresh = 0;
  LABEL_WORD.lastIndex = 0;
  for (let match = LABEL_WORD.exec(text); match !== null; match = LABEL_WORD.exec(text)) {
    const stemmed = stem(match[0]);
    if (FUNCTION_WORDS.has(stemmed) || SELF_REFERENCE.has(stemmed)) continue;
    const key = restatementKey(stemmed);
    content++;
    // A fourth new word settles it (and ends the scan early for the bodies that say something).
    if (!summaryStems.includes(key) && ++fresh > 3) return false;
  }
  // A number the summary does not have ("deprecated in 2.0", "from 10 MB") is news too.
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(text); match !== null; match = NUMBER.exec(text)) {
    content++;
    if (!summary.includes(match[0]) && ++fresh > 3) return false;
  }
  // "Updated the config." under "Update config": two content words, both the summary's, are
  // as much a restatement as a longer body; a body with none ("It is needed.") is something else.
  if (content === 0 || fresh * 4 >= content) return false;
  // 'fix a typo: change "as" to "a"': in a body this short, a quotation the summary has not is
  // the detail (its words may all be function words). Longer bodies' quotations are weighed as words.
  if (content < 3 && (text.includes('"') || text.includes("\u201C") || text.includes("`")) && quotesNews(text, summary)) return false;
  // Few new words: a restatement unless one of them gives a reason or names a problem.
  LABEL_WORD.lastIndex = 0;
  for (let match = LABEL_WORD.exec(text); match !== null; match = LABEL_WORD.exec(text)) {
    const word = match[0];
    if (!summaryStems.includes(restatementKey(stem(word))) && (REASON_WORD.test(word) || PROBLEM_STRONG.test(word))) return false;
  }
  return true;
}

/** A quotation: "…", “…” or `…`. */
const QUOTATION = /["\u201C`]([^"\u201D`\n]+)["\u201D`]/g;

/** True when `text` quotes something ("as", `--force`) that `summary` does not have. */
function quotesNews(text: string, summary: string): boolean {
  QUOTATION.lastIndex = 0;
  for (let match = QUOTATION.exec(text); match !== null; match = QUOTATION.exec(text)) if (!summary.includes(match[1])) return true;
  return false;
}

/** True when `text` has at least `least` content words and most of them are not the summary's. */
function saysItsOwn(text: string, summary: string, least: number): boolean {
  const words = text.match(LABEL_WORD) ?? [];
  const summaryStems = new Set((summary.match(LABEL_WORD) ?? []).map(stem));
  let content = 0;
  let repeated = 0;
  for (const word of words) {
    const key = stem(word);
    if (FUNCTION_WORDS.has(key)) continue;
    content++;
    if (summaryStems.has(key)) repeated++;
  }
  return content >= least && repeated * 2 < content;
}

/** The references not on line `line`. */
function refsOffLine(refs: readonly Ref[], line: number): readonly Ref[] {
  const kept: Ref[] = [];
  for (const ref of refs) if (ref.line !== line) kept.push(ref);
  return kept;
}

/** The number of runs of two or more ASCII letters in `text` (what `/[A-Za-z]{2,}/g` matches), without building them. */
function countLatinWords(text: string): number {
  let count = 0;
  let run = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index) | 32;
    if (code >= 97 && code <= 122) {
      if (++run === 2) count++;
    } else run = 0;
  }
  return count;
}
