// Turns a parsed message into cue features (numbers) and the spans where each cue was found.
import type { ParsedMessage, Ref, SourceLine, Span } from "../types.js";
import { contrastedBehaviour, gerundFixes, mergeNoteChange, newBehaviour, nowContrast, passiveChange, THIS_CHANGES, weActNow } from "./behaviour.js";
import { findCue, findCueWhere, zeroValues, type CueHit, type FeatureName } from "./cue-hits.js";
import {
  CAUSAL, CHANGE_DESCRIPTION, CHANGE_VERBS, FIX_VERBS, HISTORY, ORDER_ONLY_VERBS, PROBLEM_STRONG, PROBLEM_WEAK,
  PURPOSE, SCENARIO,
} from "./cues.js";
import { complaintTold, errorMet, fixedFailureNamed, negatedShortcoming, newThingWords, ordersFailure, presentFailure, problemEvent, toldMistake } from "./failures.js";
import { FamilyScanner, type FamilyWords } from "./family-scan.js";
import { findLabels } from "./labels.js";
import { datedState, pastNarrative, wouldTold } from "./narrative.js";
import { isImperativeAt, needsChange, onlyOrders, opensOnChange, orderAfterBareSo, orderAfterOpening, orderAfterSo, orderInPassing, ordersInstead, ordersThroughHave, ordersWithUnlistedVerb, pastActAt, restatesOrder } from "./orders.js";
import { collectProse, ownProseText } from "./prose.js";
import {
  ageJudged, allowsOwn, badStateTold, beforeNextStep, causalAsTold, contradictionTold, contrastTold, currentLimit, enabledUse, faultFound, faultyManner, findingTold, followsPrecedent, gerundEffect, givesGoal, inabilityTold, labelledReason, laterChangeUses, limitTold, littleUsed, makesPossible, meansConsequence, needTold, negatedPairTold, opensOnPurpose, pastWay, peopleHabit, resultTold, orderedPurpose, soOpensTold, soPronounPurpose, soPurposeAt, statesNeed, statesRequirement, usefulnessTold, wishTold, wholeWorkRepeated,
  outsideConstraint, expectationTold, coversOther, failsSomewhere, easierForPeople, duplicatesTold,
  preparesTold, judgedEffectTold, judgedBetterTold, benefitTold, enablesTold, statedReasonTold, problemToldPlain, measuredCostTold,
  designTold, requirementNamed,
} from "./reasons.js";
import { PLAIN_REASON_GATES, plainReasonTold } from "./plain-reasons.js";
import { EMPTY_BODY_WORDS, RESTATEMENT_WORDS, restatesSummary, saysNothingSpecific } from "./restatement.js";
import { sentenceBefore, statementRest } from "./sentences.js";
import { isSquashedCommitList } from "./squash.js";
import { readSummaryCues, readSummaryForm } from "./summary-cues.js";
import { aroundAfter, lemmatize, readSummary, type SummaryReading } from "./summary.js";
import { mapLines, mapWithoutEmphasis, spanOf, withoutEmphasis, type MappedText } from "./text.js";
export { FEATURE_NAMES, type FeatureName } from "./cue-hits.js";

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
   * Where a block quote of the body tells the reason, read as toldReason() reads the body's own
   * prose, or null: git.git quotes the bug report or the review that the change answers ("> It
   * does not work in my repository, since you do not seem to handle …"). Computed on first call.
   */
  quotedReason(): Span | null;
  /**
   * The feature values as the fitted model would read them if the body's block quotes were the
   * writer's own prose: the fitted body families (causal connectives, purposes, history, problems,
   * failure scenarios) that a quote of six words or more holds are added to the body's own, with
   * the quote's span; null when no quote holds one. A quoted report's "The old loader previously
   * read every pack" weighs as the same sentence of the writer's does. Computed on first call.
   */
  quotedFamilies(): { values: Record<FeatureName, number>; span: Span } | null;
  /**
   * Whether a body sentence gives an order of the change: a change or fix verb in its base form
   * ("Use atomic_long_add_return and clamp …", "Add a check before …"), also after an opening
   * purpose clause ("To fix this, take the lock …"), not "Added files were …" or "Reported by
   * …". The purpose-clause reading runs on first call.
   */
  imperative(): boolean;
  /**
   * Whether a body sentence draws the change's order as a consequence after ", so" ("The helper
   * is called twice, so call it once in main()"). Computed on first call. With `alone` (asked
   * when nothing else says what the change does), an order to allow does not count.
   */
  ordersAfterSo(alone?: boolean): boolean;
  /**
   * Whether the body says what the code should, must or needs to do with a verb of the change
   * ("find_deltas() should free its temporary objects"). Asked only when nothing else says what
   * the change does.
   */
  needsChange(): boolean;
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
  /**
   * Whether the body gives the change's order inside a sentence: "let's remove it", "Don't
   * convert X to 0 …". Computed on first call; asked only when nothing else says what the
   * change does.
   */
  ordersInPassing(): boolean;
  /**
   * Whether every sentence of the writer's own prose only says what the change does: an order
   * ("Move the helper …"), "This patch adds …", "Now we see …", also as a list. Computed on
   * first call; asked only where the model alone says a reason is there.
   */
  onlyOrders(): boolean;
  /**
   * Whether the writer's own prose says more than what the change does: not every sentence an
   * order or a description of the change, judged without the summary (onlyOrders() counts a
   * summary that orders away a problem as a ground), and not opening on one either
   * (opensOnChange). Computed on first call; asked only under a summary that names the problem.
   */
  tellsMoreThanChange(): boolean;
}

const QUOTED_REVERT = /^(?:Revert|Reapply) ".*"\s*$/;

/**
 * A sentence starts the text, follows ". ", "! " or "? ", starts a paragraph or a list item, or
 * starts a line with a capital (an unmarked list: "Add X\nRemove Y"). A line starting in lower
 * case continues wrapped prose ("… during the nightly\nimport"), whose first word is no verb.
 * Group 1 is an adverb before the sentence's verb ("Just label it as done", "Instead simply
 * write …", "Never free …", "So just use a strbuf", "Fully implement …", "Properly quote …"; not
 * an adverb of time or of the writer's view, "Currently the …", "Unfortunately that …", nor a
 * verb in -ly, "Apply the …"), or "and" that adds one more order to those before ("And make
 * the code more readable while at it", "... and use the established pattern"; in lower case only
 * after an end mark, as after a shown command "and" goes on with the sentence before it), group
 * 2 the sentence's first word or the word after that adverb or that "and".
 */
const SENTENCE_START = /(?:^|[.!?]\s+|\n[ \t]*\n\s*|\n\s*(?:[-*+•]|\d+[.)])\s*|\n\s*(?=[A-Z]))(?:(?:So|so),?\s+)?(?:((?:And|(?<=[.!?][ \t\n]+)and|[Jj]ust|[Ss]imply|[Ii]nstead|[Rr]ather|[Aa]lso|[Oo]nly|[Aa]lways|[Nn]ever|[Nn]ow|[Tt]hus|[Tt]herefore|[Hh]ence|(?!(?:Previously|Currently|Originally|Recently|Formerly|Historically|Usually|Normally|Typically|Generally|Unfortunately|Apparently|Probably|Obviously|Really|Apply|Reply|Supply|Multiply|Comply|Imply|Rely|Tally|Rally)\b)[A-Z][a-z]+ly)(?:[ \t]+(?:just|simply|also|only|always|never))?)(?:[ \t]+|[ \t]*\n[ \t]*)(?=[a-z]))?([A-Za-z][a-z]+)(?![A-Za-z0-9_])/g;

/** An adverb of manner in -ly before a sentence's verb ("Fully", "Properly"; not "Only"). */
const MANNER_ADVERB = /^(?!Only\b)[A-Z][a-z]+ly\b/;

const PR_SUFFIX = /\(#\d+\)\s*$/;

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
  // "was _not_ binary", "they *do* include": the cues read the emphasised word as a plain one.
  const bodyMap: MappedText = mapWithoutEmphasis(mapLines(proseLines));
  const bodyText = bodyMap.text;
  const writtenWords = countLatinWords(bodyText);
  // A short body that only says the summary again ("This commit adds retry logic to the upload
  // client.") tells nothing more: it is judged as no body at all.
  const restated = !showsCode && writtenWords > 0 && writtenWords <= RESTATEMENT_WORDS && summaryLine !== null && restatesSummary(bodyText, summaryLine.text);
  // Nor does a short one made only of words that name no particular change ("Changed some
  // things.", "Minor fixes and updates."), whatever its summary says.
  const proseWords = restated || (!showsCode && writtenWords > 0 && writtenWords <= EMPTY_BODY_WORDS && saysNothingSpecific(bodyText)) ? 0 : writtenWords;
  // One or two words ("Minor.") describe nothing; a body starts to count from a short clause.
  if (proseWords >= 3) values.bodyProse = 1;
  if (proseWords >= 25) values.bodyLong = 1;
  if (revertDefault && writtenWords === 0 && message.kind === "revert") values.revertDefault = 1;
  // Read only against body sentences (orders that restate the summary), so not for a summary alone.
  const summaryVerb = reading === null || proseWords === 0 ? "" : leadingVerb(reading.core);
  const bodyWords = BODY_FAMILIES.scan(proseWords > 0 ? bodyText : "");
  const imperative = proseWords > 0 && readBodyCues(values, hits, bodyMap, bodyWords, proseLines, summaryLine?.text ?? "", summaryVerb);
  // "Modify pom", "Fix failing test": a verb with a one-word object, or a fix with a short one, names
  // what was touched or what was wrong, not what the change does, unless the body describes the change.
  const briefSummary = reading !== null && (reading.words <= 2 || (values.sumFixVerb > 0 && reading.words <= 4));
  if (briefSummary && values.bodyChangeDescription === 0 && values.bodyChangeSentences === 0) values.sumBrief = 1;
  // The checks below are read only when a decision needs them (most bodies settle why and what
  // through other cues first), on the writer's own prose: not a list of squashed commits'
  // summaries or a merge's shortlog ("* np/pack-default: … now defaults to 2"), which are other
  // commits' words.
  let ownProse: string | undefined;
  const ownText = (): string => (ownProse ??= proseWords > 0 && values.bodySquashList === 0 ? ownProseText(proseLines, bodyText) : "");
  let told: boolean | undefined;
  const toldReason = (): boolean => (told ??= readsReason(ownText()));
  // The text of the body's quotes, read only when a quote of six words or more is there.
  let quoteText: string | undefined;
  const quotedText = (): string => {
    if (quoteText === undefined) {
      const quotes = prose.quotes;
      quoteText = quotes.length > 0 && values.bodySquashList === 0 ? withoutEmphasis(quotes.map((line) => line.text).join("\n")) : "";
      if (countLatinWords(quoteText) < 6) quoteText = "";
    }
    return quoteText;
  };
  const quoteSpan = (): Span => {
    const quotes = prose.quotes;
    const last = quotes[quotes.length - 1].line;
    return { line: quotes[0].line, column: 1, endLine: last, endColumn: message.body.find((line) => line.line === last)!.text.length + 1 };
  };
  let quoted: Span | null | undefined;
  const quotedReason = (): Span | null => {
    if (quoted === undefined) {
      const text = quotedText();
      quoted = text !== "" && (readsReason(text) || CAUSAL.test(text.replaceAll("\n", " "))) ? quoteSpan() : null;
    }
    return quoted;
  };
  let quoteFamilies: { values: Record<FeatureName, number>; span: Span } | null | undefined;
  const quotedFamilies = (): { values: Record<FeatureName, number>; span: Span } | null => {
    if (quoteFamilies === undefined) {
      quoteFamilies = null;
      const text = quotedText();
      if (text !== "") {
        const read = { ...values };
        let found = false;
        for (const [cue, pattern] of QUOTE_FAMILIES) {
          if (read[cue] === 0 && pattern.test(text)) {
            read[cue] = 1;
            found = true;
          }
        }
        if (found) quoteFamilies = { values: read, span: quoteSpan() };
      }
    }
    return quoteFamilies;
  };
  function readsReason(text: string): boolean {
    // Ordered by how often a reading decides on git.git's history for what it costs: the past
    // narrative decides one body in five, so it runs first; the wrapped connective runs last, as
    // it scans the whole text again with the causal pattern, the costliest of all. A pattern is
    // run only on a body that has a word it needs (a WordGate: the body's words are read once,
    // words.ts): most bodies lack them, and most bodies that reach here are short, where each
    // pattern's pass costs more than the look-up.
    const summaryText = summaryLine?.text ?? "";
    return (
      text !== "" &&
      (pastNarrative(text) ||
        givesGoal(text, summaryText) ||
        negatedShortcoming(text) ||
        preparesTold(text) ||
        judgedEffectTold(text) ||
        toldMistake(text) ||
        judgedBetterTold(text) ||
        allowsOwn(text, summaryText) ||
        benefitTold(text) ||
        enablesTold(text) ||
        problemEvent(text) ||
        statesRequirement(text) ||
        usefulnessTold(text) ||
        wishTold(text, summaryText) ||
        contrastTold(text) ||
        contradictionTold(text, reading === null ? [] : newThingWords(reading)) ||
        findingTold(text) ||
        soOpensTold(text) ||
        faultFound(text) ||
        badStateTold(text) ||
        faultyManner(text) ||
        complaintTold(text) ||
        limitTold(text) ||
        datedState(text) ||
        soPurposeAt(text, summaryText) !== null ||
        soPronounPurpose(text, summaryText) ||
        outsideConstraint(text) ||
        followsPrecedent(text) ||
        opensOnPurpose(text, summaryText) ||
        statedReasonTold(text) ||
        presentFailure(text, reading !== null && ordersFailure(reading.core), reading === null ? [] : newThingWords(reading)) ||
        statesNeed(text, summaryText) ||
        makesPossible(text, summaryText) ||
        laterChangeUses(text) ||
        problemToldPlain(text) ||
        currentLimit(text) ||
        littleUsed(text) ||
        inabilityTold(text) ||
        ageJudged(text) ||
        beforeNextStep(text) ||
        measuredCostTold(text) ||
        errorMet(text) ||
        wholeWorkRepeated(text) ||
        wouldTold(text, values.sumFixVerb > 0 || values.sumProblemStrong > 0) ||
        pastWay(text) ||
        peopleHabit(text) ||
        needTold(text, summaryText) ||
        resultTold(text) ||
        meansConsequence(text) ||
        gerundEffect(text) ||
        enabledUse(text, summaryText) ||
        labelledReason(text, summaryText) ||
        causalAsTold(text) ||
        fixedFailureNamed(text) ||
        expectationTold(text) ||
        coversOther(text) ||
        failsSomewhere(text) ||
        easierForPeople(text) ||
        duplicatesTold(text) ||
        negatedPairTold(text) ||
        designTold(text) ||
        requirementNamed(text) ||
        // The body's word scan holds the writer's own prose (not a quote's): its gates spare the patterns.
        plainReasonTold(text, summaryText, text === ownProse ? bodyWords : null) ||
        (values.bodyCausal === 0 && text.includes("\n") && CAUSAL.test(text.replaceAll("\n", " "))) ||
        // A consequence drawn with a bare "so" and an order ("… is used by perl/Makefile so
        // export it"), as the causal ", so" is, or an order and its purpose after "so it" ("Add
        // it to .gitignore so it does not pollute …"); read last, and only where "so" follows a word.
        ((text.includes(" so ") || text.includes(" so\n") || text.includes("\nso ")) && (orderAfterBareSo(text) || orderedPurpose(text, summaryText))))
    );
  }
  let saysNow: boolean | undefined;
  const statesNewBehaviour = (): boolean =>
    (saysNow ??=
      (bodyText.includes("now") && newBehaviour(ownText())) ||
      contrastedBehaviour(ownText()) ||
      ((bodyText.includes("we") || /\bI\s/.test(bodyText)) && weActNow(ownText())) ||
      (bodyText.includes("Now") && nowContrast(ownText())) ||
      ((bodyText.includes(" is") || bodyText.includes(" are") || bodyText.includes("taught")) && passiveChange(ownText())) ||
      // A merge's release note reports its topic's change in the passive or as what a command
      // "learned" ("The command has been taught to show progress …").
      (message.kind === "merge" && (bodyText.includes("been") || bodyText.includes("learn")) && mergeNoteChange(ownText())));
  // The cue phrases are written with spaces: a line wrapped between their words ("This\ncommit",
  // "instead\nof") is one phrase all the same. Nor does the fitted cue read "This adds …" (it
  // lowered the cross-validated what figure as a feature). Read only where the decision needs
  // it, and not as the fitted bodyChangeDescription, whose weights were learnt without them.
  let described: boolean | undefined;
  const describesChange = (): boolean => {
    // The short pattern first; the wrapped description scans the whole text again.
    described ??= proseWords > 0 && values.bodyChangeDescription === 0 && ((mayNameThisChange(bodyText) && THIS_CHANGES.test(bodyText)) || (bodyText.includes("\n") && describesWrapped(bodyWords, bodyText.replaceAll("\n", " "))) || (bodyText.includes("ing ") && gerundFixes(bodyText)));
    return described;
  };
  let ordered: boolean | undefined;
  const ordersChange = (): boolean => (ordered ??= imperative || (proseWords > 0 && bodyText.includes(",") && orderAfterOpening(bodyText)));
  let soOrdered: boolean | undefined;
  const ordersAfterSo = (alone = false): boolean => {
    if (alone) return proseWords > 0 && values.bodySquashList === 0 && bodyText.includes(",") && bodyText.includes("so") && orderAfterSo(bodyText, true);
    return (soOrdered ??= proseWords > 0 && values.bodySquashList === 0 && bodyText.includes(",") && bodyText.includes("so") && orderAfterSo(bodyText));
  };
  const needsChangeTold = (): boolean => proseWords >= 6 && values.bodySquashList === 0 && (bodyText.includes("should") || bodyText.includes("must") || bodyText.includes("need") || bodyText.includes("ha")) && needsChange(ownText());
  let passing: boolean | undefined;
  const ordersInPassing = (): boolean => (passing ??= proseWords >= 6 && values.bodySquashList === 0 && orderInPassing(bodyText, summaryVerb));
  let onlyOrdered: boolean | undefined;
  const saysOnlyOrders = (): boolean => (onlyOrdered ??= onlyOrders(ownText(), reading?.core ?? ""));
  let tellsMore: boolean | undefined;
  const tellsMoreThanChange = (): boolean => (tellsMore ??= ownText() !== "" && !onlyOrders(ownText(), "") && !opensOnChange(ownText()));
  return { values, hits, summary: reading, proseLines, proseWords, restated, summaryPurpose, toldReason, quotedReason, quotedFamilies, imperative: ordersChange, ordersAfterSo, needsChange: needsChangeTold, statesNewBehaviour, describesChange, ordersInPassing, onlyOrders: saysOnlyOrders, tellsMoreThanChange };
}

/**
 * "also" after a copula, or before "be", describes the change only with a verb of change after
 * it ("newlines are also removed", "it can also be toggled", "is also simply dropped"); with
 * anything else it tells what a thing is: "It is unusual for a tag to point at a non-commit, and
 * it is also unusual …", "The values are also case-insensitive", "HEAD may also be a symbolic
 * link", "There was also some discussion".
 */
const ALSO_BE = /^[ \t\n]+(?:(?:just|simply|now|only|always|never|[a-z]+ly)[ \t\n]+)?((?:be|been)[ \t\n]+)?([a-z]+)/;
/**
 * Whether the word after "also" is a verb in -s or -ed that is no verb of change: what a thing
 * does or did, not the change ("This code is hard to follow and also leaks memory", "which also
 * knows not to say …", "I also confirmed that the build is happy"); "This also fixes …", "We also
 * add …", "also needs to be done in …", "also for X" still describe.
 */
function tellsWhatItDoes(word: string): boolean {
  if (!(word.endsWith("s") || word.endsWith("ed")) || word.endsWith("ss") || word.endsWith("us") || word === "as" || word === "is" || word === "was" || word === "has" || word === "its" || word === "this") return false;
  const lemma = PARTICIPLES.get(word) ?? lemmatize(word);
  // A need is the change's as often: "… but also needs to be done in the CMake definition".
  if (CHANGE_VERBS.has(lemma) || FIX_VERBS.has(lemma) || lemma === "need" || lemma === "require") return false;
  return lemma !== word || VERB_FORMS.has(word);
}
/** Verb forms that lemmatize leaves as they are but that follow "also" as verbs. */
const VERB_FORMS = new Set(["leaks", "knows", "seems", "means", "happens", "works", "breaks", "fails", "contains", "depends", "expects", "assumes", "relies", "does", "did", "had", "confirmed", "tested", "noticed", "checked", "verified", "found", "tried", "considered", "looked", "wanted"]);

/** Irregular participles of change verbs that lemmatize leaves as they are. */
const PARTICIPLES = new Map([["shown", "show"], ["bound", "bind"], ["taken", "take"], ["given", "give"], ["found", "find"], ["sent", "send"]]);
/** A copula (or "it's", "there's") ending the text before "also". */
const COPULA_BEFORE = /\b(?:is|are|was|were|be|been|being|it's|that's|there's|what's)[ \t\n]+$/i;

/**
 * A subordinate clause's opening word before "we" or "I": what "we" do there is a circumstance or
 * another event, not the change ("before we return", "when I changed it to use stdarg", "once we
 * switch away from sha1hash()", "if we use the cache"), or a manner named ("rework how we set up
 * the repository").
 */
const SUBORDINATE_BEFORE = /\b(?:when|whenever|while|if|unless|since|after|before|until|once|because|as|how)[ \t\n]+$/i;

/**
 * What makes "changes" a noun: a determiner, a possessive or a verb that takes it as its object
 * ("after making changes to fix the clobber bug", "when importing changes from p4", "the changes
 * to the index"); "This changes the semantics to …" is the verb.
 */
const NOUN_BEFORE = /\b(?:the|those|some|any|no|all|many|more|other|such|our|your|their|its|his|her|my|of|make|makes|making|made|import|importing|imported|fetch|fetching|commit|committing|uncommitted|local|pending|staged|recent|later|earlier|further|similar|related|upstream|incoming)[ \t\n]+$/i;

const WE_OR_I = /^(?:we|i)\b/i;
/**
 * Verbs after "we" that tell the old code's steps as often as the change's act: "We create a
 * strbuf only to insert a single string", "When we do a bitmap-aware traversal, we create an
 * object_list", "otherwise we create corrupt index files". They describe the change only in a
 * clause that no time clause, contrast or alternative (STEP_OF_OLD_CODE) opens: "So we rename the
 * function", "First we create a new commit", "As none of the scopes make sense we create …".
 */
const STEP_VERB = /(?:create|register|install|rename|update)$/i;
const STEP_OF_OLD_CODE = /\b(?:when|whenever|while|after|before|but|otherwise)\b/i;
const CHANGES = /^changes\b/i;

/** Whether a CHANGE_DESCRIPTION match in `text` describes the change (see ALSO_BE, SUBORDINATE_BEFORE, STEP_VERB and NOUN_BEFORE). */
function describesAt(text: string, match: RegExpExecArray): boolean {
  if (WE_OR_I.test(match[0])) {
    // A question asks what "we" do, it does not tell it: "Why do we add the hook so late?"
    if (SUBORDINATE_BEFORE.test(text.slice(Math.max(0, match.index - 10), match.index)) || (text.includes("?") && statementRest(text, match.index, 300) === null)) return false;
    return !STEP_VERB.test(match[0]) || !STEP_OF_OLD_CODE.test(clauseBefore(text, match.index));
  }
  if (CHANGES.test(match[0])) return !NOUN_BEFORE.test(text.slice(Math.max(0, match.index - 12), match.index));
  if (match[0].startsWith("by ")) return !oldMeans(text, match.index);
  if (match[0] === "instead of" || match[0] === "rather than") return !OLD_CONTRAST.test(clauseBefore(text, match.index));
  if (match[0] !== "also") return true;
  const next = ALSO_BE.exec(text.slice(match.index + 4, match.index + 44));
  if ((next === null || next[1] === undefined) && !COPULA_BEFORE.test(text.slice(Math.max(0, match.index - 10), match.index))) return next === null || !tellsWhatItDoes(next[2]);
  if (next === null) return false;
  const lemma = PARTICIPLES.get(next[2]) ?? lemmatize(next[2]);
  return CHANGE_VERBS.has(lemma) || FIX_VERBS.has(lemma);
}

/**
 * Words that place a sentence in the old code's time: "used to" as a habit (not the passive "is
 * used to"), "previously", "originally", "formerly", and what "we" or "I" have been doing.
 */
const OLD_TIMES = String.raw`(?<!\b(?:is|are|was|were|be|been|being|get|gets|got|that's|it's)\s+)used\s+to|previously|originally|formerly|(?:we|I)(?:'ve|\s+have)\s+(?:been|done|had|always|never|long|[a-z]+ed)`;

/** What makes a sentence tell of the old code: a habit of the past or the old times. */
const OLD_SENTENCE = new RegExp(String.raw`\b(?:would(?!\s+(?:like|rather|prefer))|had|${OLD_TIMES})\b`, "i");

/**
 * Whether "by" and a means at `index` sit in a sentence about how the old code did something:
 * "Previously we allowed users to … by setting it manually", "the build would try to figure it
 * out by running …", "we've done some checks … by running them through our parsers"; not "Fix
 * this by passing …", nor a time clause before the order, "When PATH_INFO is active, get rid of
 * … by embedding …".
 */
function oldMeans(text: string, index: number): boolean {
  return OLD_SENTENCE.test(clauseBefore(text, index));
}

/** The part of the sentence before `index` (sentences.ts's sentenceBefore) after its last "; ". */
function clauseBefore(text: string, index: number): string {
  const sentence = sentenceBefore(text, index);
  const semicolon = sentence.lastIndexOf("; ");
  return semicolon < 0 ? sentence : sentence.slice(semicolon + 1);
}

/**
 * What makes "instead of" or "rather than" a contrast of the old code or of a later change:
 * "Previously, merge commits were printed with 'M' instead of '*'", "It used to set GIT_QUIET=0
 * instead of unsetting it", "in future it will let us display the list … rather than as a flat
 * list". Not a plain past tense, which is the change's own as often, nor "would": "It would be
 * simpler to X instead of Y" proposes the change.
 */
const OLD_CONTRAST = new RegExp(String.raw`\b(?:in\s+(?:the\s+)?future|${OLD_TIMES})\b`, "i");

/**
 * The fitted body families that tell a reason or a failure's scene, read in a body's quotes as in
 * its own prose (quotedFamilies). Not the change's description: a quote tells what someone else
 * found, not what the change does.
 */
const QUOTE_FAMILIES: readonly (readonly [FeatureName, RegExp])[] = [
  ["bodyCausal", CAUSAL], ["bodyPurpose", PURPOSE], ["bodyHistory", HISTORY], ["bodyProblemStrong", PROBLEM_STRONG], ["bodyProblemWeak", PROBLEM_WEAK], ["bodyScenario", SCENARIO],
];

/** The word families read over the whole body, run only at the words they can start with. */
const BODY_FAMILIES = new FamilyScanner([CAUSAL, PURPOSE, HISTORY, PROBLEM_STRONG, PROBLEM_WEAK, SCENARIO, CHANGE_DESCRIPTION, ...PLAIN_REASON_GATES]);

/**
 * Whether `wrapped` (the body `words` read, its line breaks made spaces: same length, same word
 * starts) has a CHANGE_DESCRIPTION match that describesAt accepts.
 */
function describesWrapped(words: FamilyWords, wrapped: string): boolean {
  return words.firstWhere(CHANGE_DESCRIPTION, (match) => describesAt(wrapped, match), wrapped) !== null;
}

/** Reads the body prose's cues into `values` and `hits`; returns whether a sentence gives an order of the change. */
function readBodyCues(values: Record<FeatureName, number>, hits: CueHit[], bodyMap: MappedText, words: FamilyWords, proseLines: readonly SourceLine[], summaryText: string, summaryVerb: string): boolean {
  const bodyText = bodyMap.text;
  let imperative = false;
  const saysInstead = bodyText.includes("instead");
  findCue(values, hits, bodyMap, "bodyCausal", CAUSAL, bodyText, 0, words);
  findCue(values, hits, bodyMap, "bodyPurpose", PURPOSE, bodyText, 0, words);
  findCue(values, hits, bodyMap, "bodyHistory", HISTORY, bodyText, 0, words);
  findCue(values, hits, bodyMap, "bodyProblemStrong", PROBLEM_STRONG, bodyText, 0, words);
  findCue(values, hits, bodyMap, "bodyProblemWeak", PROBLEM_WEAK, bodyText, 0, words);
  findCue(values, hits, bodyMap, "bodyScenario", SCENARIO, bodyText, 0, words);
  findCueWhere(values, hits, bodyMap, "bodyChangeDescription", CHANGE_DESCRIPTION, bodyText, 0, (match) => describesAt(bodyText, match), words);
  if (values.bodyCausal === 0 || values.bodyChangeDescription === 0) findLabels(values, hits, bodyMap, summaryText);
  let changeSentences = 0;
  SENTENCE_START.lastIndex = 0;
  for (let match = SENTENCE_START.exec(bodyText); match !== null; match = SENTENCE_START.exec(bodyText)) {
    let word = match[2].toLowerCase();
    if (remarkOpening(word)) continue;
    const verbStart = match.index + match[0].length - match[2].length;
    let verbEnd = match.index + match[0].length;
    let lemma = lemmatize(word);
    // "Work around this by …": the phrasal verb of repair orders as "Fix …" does, its object
    // after the particle. Only "work" itself orders; "Worked around …" tells a change's act.
    const around = word.charCodeAt(0) === 0x77 ? aroundAfter(word, bodyText, verbEnd) : 0;
    if (around > 0) {
      if (word === "work") word = "work around";
      lemma = "work around";
      verbEnd += around;
    }
    // Only an opening that may be an order or a change verb is read below; the checks of what
    // the opening really is cost more than that test, so they come after it.
    if ((imperative || (lemma !== word && !ORDER_ONLY_VERBS.has(word))) && !CHANGE_VERBS.has(lemma) && !FIX_VERBS.has(lemma)) continue;
    if (noVerbOpening(bodyText, match)) continue;
    // "So add one." under "Add a missing newline": the summary again, as an order.
    if (lemma === summaryVerb && (restatesOrder(bodyText, verbEnd, word, summaryVerb) || restatesClause(bodyText, verbStart, summaryText))) continue;
    // After an adverb the word counts only as an order: the fitted change-sentence count reads
    // sentence openings as they were when its weights were learnt.
    const adverb = match[1] !== undefined;
    if (!imperative && (lemma === word || ORDER_ONLY_VERBS.has(word))) {
      const listed = CHANGE_VERBS.has(word) || FIX_VERBS.has(word) || ORDER_ONLY_VERBS.has(word);
      // A verb no list knows orders only at a sentence's true start, not at a capital that a
      // line wrap happens to put first ("… on\nWindows the …").
      // After an adverb in -ly ("Fully implement …", "Explicitly set sh mode …") only a verb of
      // the lists orders: the adverb reads as the sentence's opening more often than a verb no
      // list knows follows it.
      const manner = adverb && MANNER_ADVERB.test(match[1]);
      const opens = !listed && !manner && opensSentence(bodyText, match);
      const orders = listed
        ? isImperativeAt(bodyText, verbEnd) || plainOrder(word, bodyText, match, verbEnd)
        : opens && (word === "have" ? ordersThroughHave(bodyText, verbEnd) : ordersWithUnlistedVerb(word, bodyText, verbEnd));
      // "Use square brackets instead.", "So look at its output instead.": an order that ends on
      // "instead" needs no determiner after its verb (read only in a body that says "instead").
      if (orders || (saysInstead && (listed || opens) && ordersInstead(word, bodyText, verbEnd, listed))) {
        imperative = true;
        // Evidence for what: the order's verb (a change verb's sentence start is recorded below).
        if (!listed || ORDER_ONLY_VERBS.has(word) || adverb) hits.push({ cue: "bodyChangeSentences", span: spanOf(bodyMap, verbStart, verbEnd) });
      }
    }
    if (!adverb && (CHANGE_VERBS.has(lemma) || FIX_VERBS.has(lemma))) {
      // "Changed the parser to …", "Added a call to …": the change's act told in the past at a
      // sentence's true start, with no subject before it and an object after it.
      if (!imperative && pastAct(word, lemma) && opensSentence(bodyText, match) && pastActAt(bodyText, verbEnd, lemma)) imperative = true;
      if (changeSentences === 0) hits.push({ cue: "bodyChangeSentences", span: spanOf(bodyMap, verbStart, verbEnd) });
      changeSentences++;
    }
  }
  values.bodyChangeSentences = Math.min(changeSentences, 3) / 3;
  if (isSquashedCommitList(proseLines)) values.bodySquashList = 1;
  return imperative;
}

/** The change named as THIS_CHANGES's subject, less its first letter, in each case it reads ("The Patch …", "THE PATCH …"). */
const CHANGE_NAMED = ["he patch", "he change", "he series", "he Patch", "he Change", "he Series", "HE PATCH", "HE CHANGE", "HE SERIES"];

/**
 * Whether `text` holds a subject THIS_CHANGES needs: "this", or "the" and the change ("The patch
 * …"), in lower case, in capitals ("THIS ADDS …") or capitalised, as the pattern reads any case.
 * Asked of every body: plain scans, no copy of it in lower case.
 */
function mayNameThisChange(text: string): boolean {
  return text.includes("his") || text.includes("HIS") || CHANGE_NAMED.some((name) => text.includes(name));
}

/** Whether `word`, a change verb whose base form is `lemma`, is its past form ("changed", "made"), not "changes" or "adding". */
function pastAct(word: string, lemma: string): boolean {
  return lemma !== word && !word.endsWith("s") && !word.endsWith("ing");
}

/**
 * Whether a sentence opening on `word` is a remark rather than the change: a credit ("Reported
 * by Alex Riesen.") or an expectation ("Expected to fail at this commit, fixed by …"), both
 * participles that no order or description opens on.
 */
function remarkOpening(word: string): boolean {
  return word === "reported" || word === "expected";
}

/**
 * Whether the order opening at `start`, on the summary's verb, repeats up to the
 * sentence's end or a clause of reason or purpose after a comma, only the summary's words: "Load
 * the index earlier, before the pathspec check, to support attr pathspecs" under "load index
 * before pathspec checks", "Fix this bug."; not "Rename it to read_gitfile(), and update all the
 * callers", "Add strbuf_getcwd(), which puts the current working directory into a strbuf" (what
 * the new thing does) or "Fix those issues: …" (a list of them follows).
 */
function restatesClause(text: string, start: number, summaryText: string): boolean {
  const rest = text.slice(start, start + 200);
  const end = rest.search(/[:;]|[.!?](?:\s|$)|\n[ \t]*\n|,[ \t\n]+(?:so|because|since|as|to|for|in order)\b/);
  // An order that leads to a list or an example after a colon tells its points there.
  if (end >= 0 && rest.charCodeAt(end) === 0x3a) return false;
  const clause = end < 0 ? rest : rest.slice(0, end);
  // A second order joined by "and" adds a step of its own ("… and instead assign an allocated string").
  return !/\band\b/.test(clause) && restatesSummary(clause, summaryText);
}

/** The base form of the verb that leads a summary's core ("Add a missing newline" → "add"), or "". */
function leadingVerb(core: string): string {
  const word = /^[A-Za-z]+/.exec(core);
  if (word === null) return "";
  return aroundAfter(word[0], core, word[0].length) > 0 ? "work around" : lemmatize(word[0].toLowerCase());
}

/** "e.g." or "i.e." ending the text: the full stop after it ends no sentence. */
const ABBREVIATION_BEFORE = /\b(?:e\.g|i\.e)$/i;
/**
 * A plain word and a modal or a plural copula after the opening word: the two words are the
 * sentence's subject ("Merge commits can be created …", "Update hooks are run …"), not an order
 * and its object. Not after a pronoun or a determiner ("Make sure it can …").
 */
const NOUN_SUBJECT_AFTER = /^[ \t]+(?!(?:it|this|that|they|them|we|he|she|there|these|those|the|a|an|sure|all|each|every|any|some|its|their|our|his|her|one|both|no|not|only|also)\b)[A-Za-z][\w-]*[ \t\n]+(?:can|could|may|might|will|would|should|must|are|were|have|had|don't|aren't|weren't|won't|can't|cannot)\b/;
/** Verbs that take a clause ("Check values are sane", "Ensure callers can …"): a subject after them is the clause's. */
const TAKES_CLAUSE = new Set(["ensure", "check", "verify", "assert", "confirm", "test", "make", "note", "assume", "document", "detect", "warn", "say", "mention", "explain", "show", "mark", "require", "expect", "guarantee", "validate", "notice", "clarify", "state", "describe", "teach", "tell", "let", "assure", "prove", "demonstrate", "indicate", "report", "declare"]);

/**
 * What follows a change verb that opens a sentence when a plain word is its object: that word,
 * a second plain word at most, and then a sentence mark, a symbol or a word that leads on
 * ("Add commit message to avoid …", "Group expressions in a single if statement", "Use correct
 * syntax: …", "Add missing &&", "Update callers."). A second word that is a verb in -s or -ed,
 * or an auxiliary, makes the first the subject ("Change detection takes …", "Report generation
 * failed"; the modals and copulas right after the first word are noVerbOpening's); after two
 * words only a complement's preposition leads on, not a clause's ("Discard rates rose after
 * …"). A word in -ing before another word heads a noun phrase ("Test timing on the farm
 * varies …"); before a symbol it is the object's adjective ("Add missing &&").
 */
const PLAIN_ORDER_OBJECT = /^[ \t]+(?![A-Za-z][\w-]*ing(?![\w-])[ \t]*[A-Za-z])[A-Za-z][\w-]*(?![\w-])(?:(?=[ \t]*(?:[^\sA-Za-z]|$|(?:to|in|on|for|from|with|by|into|at|of|as|so|when|if|and|or|instead|before|after|because|since|unless|where|than|rather|which|that|only|too|also|here|there|properly|correctly)\b))|[ \t]+(?!(?:is|was|has|does|did|do|seems|needs|gets|got|went|came|had)\b)[a-z][\w-]*(?![\w-])(?<![^s]s|ed)(?=[ \t]*(?:[^\sA-Za-z]|$|(?:to|in|on|for|from|with|by|into|of|instead|only|too|also|here|properly|correctly)\b)))/;

/**
 * Whether a change verb of the lists (no fix verb: "Fix leaking buffers" names the problem
 * again) that opens a sentence orders with a plain word for its object (PLAIN_ORDER_OBJECT), at
 * a sentence's true start only: a capital that a line wrap puts first is as often a noun.
 */
function plainOrder(word: string, text: string, match: RegExpExecArray, end: number): boolean {
  return CHANGE_VERBS.has(word) && !FIX_VERBS.has(word) && opensSentence(text, match) && PLAIN_ORDER_OBJECT.test(text.slice(end, end + 60));
}

/**
 * Whether a SENTENCE_START match's word opens no sentence as a verb: after "e.g." or "i.e." ("(e.g.
 * Signed-Off-By line)"; not after a blank line, where "e.g." ended a paragraph that led to an
 * example), the first part of a hyphenated name ("Signed-off-by", "Merge-base"), or
 * the first word of a compound subject ("Merge commits can be created …").
 */
function noVerbOpening(text: string, match: RegExpExecArray): boolean {
  const end = match.index + match[0].length;
  if (text.charCodeAt(end) === 0x2d && /[A-Za-z]/.test(text.charAt(end + 1))) return true;
  if (match[0].charCodeAt(0) === 0x2e && !/\n[ \t]*\n/.test(match[0]) && ABBREVIATION_BEFORE.test(text.slice(Math.max(0, match.index - 4), match.index))) return true;
  return !TAKES_CLAUSE.has(match[2].toLowerCase()) && NOUN_SUBJECT_AFTER.test(text.slice(end, end + 60));
}

/**
 * Whether a SENTENCE_START match opens a sentence: the text's start, after a sentence mark, a
 * blank line, a list marker, an adverb or "So", or a line after one ending on a colon; not a
 * capital at the start of a wrapped line of prose.
 */
function opensSentence(text: string, match: RegExpExecArray): boolean {
  if (match.index === 0 || match[1] !== undefined || !match[0].startsWith("\n")) return true;
  const opening = match[0].slice(0, match[0].length - match[2].length);
  if (/\n[ \t]*\n|[-*+•)]|\d\.|\bso\b/i.test(opening)) return true;
  return text.charCodeAt(match.index - 1) === 0x3a;
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
