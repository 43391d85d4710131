// Reads the summary's cues into features: reasons, problems, the verb and self-evident kinds of change.
import type { SourceLine, Span } from "../types.js";
import { findCue, findCueWhere, type CueHit, type FeatureName } from "./cue-hits.js";
import {
  CAUSAL, CHANGE_VERBS, EVIDENT_CLEANUP, EVIDENT_DEPENDENCY, EVIDENT_DOCS, EVIDENT_DOCS_WEAK, EVIDENT_FORMAT,
  EVIDENT_RELEASE, EVIDENT_TESTS, EVIDENT_TYPO, FIX_VERBS, PROBLEM_STRONG, PROBLEM_WEAK, PURPOSE, RELEASED_OBJECT,
  SNAPSHOT_VERSION, STATE_VERB, VERSION_NUMBER,
} from "./cues.js";
import { FamilyScanner, type FamilyWords } from "./family-scan.js";
import { precheckFor } from "./words.js";
import { soPurposeAt } from "./reasons.js";
import { lemmatize, type SummaryReading } from "./summary.js";
import { mapLines, spanOf, type MappedText } from "./text.js";

const GENERIC_VERBS = new Set(["modify", "change", "update", "optimize", "optimise", "improve", "enhance", "adjust", "implement", "rework", "refactor", "edit"]);
/** A fix named as a noun: "doc fixes", "a correction", git's "typofix" ("gitview: typofix"). */
const FIX_NOUN = /\b(?:(?:typo-?)?fix(?:es|ed)?|corrections?)\b/i;

const FIX_PREFIX = /^(?:bug|hot)?fix/;
const FIRST_WORD = /^\S+/;
const VAGUE_VERB = /^(?:polish|tweak|tidy|touch|nit|misc)/;
const DEPS_PREFIX = /^(?:deps|dependencies)$/;
const DEPS_SCOPE = /\((?:deps|deps-dev)\)/;
/** Whether a summary may hold DEPS_SCOPE: its "(deps", read in the pattern's case. */
const mayHaveDepsScope = precheckFor(DEPS_SCOPE, ["(deps"]);
/** An area of a few words led by the docs ("doc hash-function-transition: …", "Documentation gitk: …"). */
const DOCS_AREA = /^(?:docs?|documentation) /;
/**
 * A documentation file as the area: AsciiDoc, Markdown or reStructuredText, or a text file
 * ("git-push.txt: …", "user-manual.txt: …", "README.md: …"), as git.git names a page of its
 * Documentation/ by its file. Not a build or package list that only ends in .txt
 * ("CMakeLists.txt: …", "requirements.txt: …").
 */
const DOCS_FILE_AREA = /\.(?:txt|adoc|asciidoc|md|markdown|rst)$/;
/** Release notes as the area: git's "RelNotes: the third batch", "release-notes: …". */
const RELEASE_NOTES_AREA = /^(?:rel-?notes|release-?notes)$/;
/**
 * A test file or folder as the area, by the naming conventions of test runners: git's test
 * scripts ("t5520: …", "t1300-repo-config.sh: …", "t/lib-git-svn.sh: …"), a path under a test
 * folder ("tests/cli: …", "src/__tests__/parse.ts: …"), pytest's "test_*.py", Go's and others'
 * "*_test.go", RSpec's and Jasmine's "*_spec.rb"/"*_spec.js", and JavaScript's
 * "*.test.ts"/"*.spec.js" (the prefix is read lower-cased). A "spec" folder (see
 * RSPEC_FOLDER) and xUnit's classes (XUNIT_CLASS) are read apart.
 */
const TESTS_AREA = /^(?:t(?:\d{4}(?:[-.*][\w.*-]*)?|\/[\w.*\/-]+)|(?:[\w.-]+\/)*(?:tests?|__tests__)\/[\w.*\/-]+|(?:[\w.-]+\/)*(?:test_[\w-]+\.py|[\w-]+_test\.\w+|[\w-]+_spec\.(?:rb|[cm]?[jt]sx?|coffee)|[\w-]+(?:\.[\w-]+)*\.(?:test|spec)\.[cm]?[jt]sx?))$/;
/** A "spec" folder, RSpec's when what it names is Ruby ("spec/support/auth.rb"); elsewhere it holds an API's or a language's spec. */
const RSPEC_FOLDER = /(?:^|\/)spec\//;
/** xUnit's test class, "Test" or "Tests" with its capital ("ParserTest.java", "ConfigTests.cs"), not "Contest.java" or "Shortest.kt". */
const XUNIT_CLASS = /(?:^|\/)\w*Tests?\.(?:java|kt|cs|scala|swift)$/;

/**
 * Whether the summary's area (`typed`, lower-cased) names a test file or folder. The area as
 * written, for its case, is found in `full` (before `at`) only for a name that can be xUnit's.
 */
function namesTests(typed: string, full: string, at: number): boolean {
  if (typed === "") return false;
  return TESTS_AREA.test(typed) || (typed.endsWith(".rb") && RSPEC_FOLDER.test(typed)) || (typed.includes("test") && XUNIT_CLASS.test(writtenArea(full, at, typed)));
}

/** The summary's area as written, for readings that need its case; "" when it cannot be found before `at`. */
function writtenArea(full: string, at: number, typed: string): string {
  if (typed === "") return "";
  const area = typedSpan(full, at, typed);
  return area === null ? "" : full.slice(area[0], area[1]);
}

/**
 * Where `typed` (lower-cased) stands in `full` before `at`, as [start, end) in `full`'s
 * positions; null when it is not there. A character whose lower case is longer than it ("İ")
 * would move the lower-cased text's positions past `full`'s ("[İİ] fix: …" put the area two
 * characters too far on): such a text is lower-cased a character at a time and mapped back.
 */
function typedSpan(full: string, at: number, typed: string): [number, number] | null {
  const before = full.slice(0, at);
  const lower = before.toLowerCase();
  if (lower.length === before.length) {
    const start = lower.indexOf(typed);
    return start < 0 ? null : [start, start + typed.length];
  }
  // origin[i]: where the character that gave the lowered text's i-th code unit starts in `full`.
  let lowered = "";
  const origin: number[] = [];
  for (let i = 0; i < before.length; ) {
    const c = String.fromCodePoint(before.codePointAt(i)!);
    const l = c.toLowerCase();
    for (let k = 0; k < l.length; k++) origin.push(i);
    lowered += l;
    i += c.length;
  }
  origin.push(before.length);
  const start = lowered.indexOf(typed);
  return start < 0 ? null : [origin[start], origin[start + typed.length]];
}

/**
 * A page of documentation named by its kind as the area: "user-manual: …", "CodingGuidelines: …",
 * "gitfaq: …". A manual or a guide only with a word before it ("user manual", "StyleGuide"):
 * alone or as a folder's name it is code as often (a manual mode, gRPC's "route_guide").
 */
const DOCS_PAGE_AREA = /(?:tutorial|guidelines|howto|faq|handbook|readme|contributing|[a-z][- ]?(?:manual|guide))$/;
const NOT_DOCS_FILE = /(?:^|\/)(?:cmakelists|robots|dependencies|versions?)\.txt$/;
/** pip's folder of package lists: "requirements/base.txt", "constraints/py311.txt". */
const PACKAGE_LIST_FOLDER = /(?:^|\/)(?:requirements|constraints)\/[^/]+$/;

/**
 * A file whose one-word name says it holds a list of entries: "blocklist.txt", "allowlist.txt",
 * "wordlist.txt", "stopwords.txt", "keywords.txt", or in snake case as Python projects name
 * data ("stop_words.txt", "spelling_wordlist.txt"); or whose name is a plural of records kept one
 * a line ("hosts.txt", "domains.txt", "blocked_emails.txt", "mirrors.txt"), where git.git's
 * one-word plural pages name a topic ("revisions.txt", "githooks.txt", "urls.txt"). A hyphenated
 * list name is a page's as often ("git-rev-list.txt", "api-string-list.txt").
 */
const ENTRY_LIST_FILE = /^[a-z_]*(?:list|words)s?\.txt$|^(?:[a-z]+[_-])?(?:hosts|hostnames|domains|ips|addresses|emails|mirrors|servers|proxies|accounts|users|usernames|tokens|passwords|entries|items|records)\.txt$/;

/**
 * Whether a .txt area is a build, package or entry list, not a page: "CMakeLists.txt", pip's
 * "requirements.txt" under any prefix or suffix ("dev-requirements.txt", "requirements-dev.txt")
 * or folder ("requirements/base.txt"), its constraints files, and a file named for its entries.
 */
function packageList(area: string): boolean {
  if (!area.endsWith(".txt")) return false;
  const file = area.slice(area.lastIndexOf("/") + 1);
  return NOT_DOCS_FILE.test(area) || file.includes("requirements") || file.includes("constraints") || PACKAGE_LIST_FOLDER.test(area) || ENTRY_LIST_FILE.test(file);
}

/**
 * A summary that prepares a later change, which is its reason: "move code around to prepare
 * for the next patch", "refactor merge_bases() as preparation to libify merge-base", "sort
 * OBJECTS assignment for subsequent change", "prepare for multi-selection commands". Not a
 * release prepared ("Prepare for 1.2.1", "Add Release Notes to prepare for 1.5.0.2", "Prepare
 * to start 2.19 cycle", "Prepare for Maven release", Maven's "prepare for next development
 * iteration"): a version, an rc, a release, a cycle, a development iteration or a snapshot after
 * it. Group 1 is the preparation, for the span.
 */
const SUMMARY_PREPARES = /(?:^|\b(?:to|and)\s+)(prepare\s+(?:for|to)\b(?![^\n]{0,200}?(?:\d|\b(?:rc|releases?|cycle|versions?|development|iteration|snapshot|milestone|alpha|beta)\b)))|\b(as\s+(?:a\s+)?prep(?:aration)?\s+(?:to|for)|prep\s+for|for\s+(?:an?\s+|the\s+)?(?:subsequent|upcoming|follow-up|later|next|following)\s+(?:[\w-]+\s+){0,3}?(?:changes?|patch(?:es)?|commits?|steps?|fix(?:es)?|work))\b/i;
/** Whether a summary may hold SUMMARY_PREPARES: "prep" or "for", read in the pattern's case ("Prepare to …"). */
const mayPrepare = precheckFor(SUMMARY_PREPARES, ["prep", "for"]);

/**
 * The word families of the summary, run only at the words they can start with. The line is read
 * once; the families asked of its core or of the rest after the verb run at the line's word
 * starts inside that part (FamilyWords.within).
 */
const SUMMARY_FAMILIES = new FamilyScanner([
  CAUSAL, EVIDENT_TYPO, EVIDENT_FORMAT, EVIDENT_RELEASE, EVIDENT_DEPENDENCY, EVIDENT_DOCS, EVIDENT_DOCS_WEAK, EVIDENT_TESTS,
  PURPOSE, PROBLEM_STRONG, PROBLEM_WEAK, STATE_VERB, EVIDENT_CLEANUP, SNAPSHOT_VERSION, FIX_NOUN,
]);

const HOW_IN_SUMMARY = /(?:,|;| - | by | with | using | via | instead of | rather than |->|=>| → | to (?:use|return|throw|catch|call|check|allow|handle|skip|ignore|wait|avoid|be|not)\b| when | if | for (?!#))/i;

/**
 * Reads the summary's cues into `values` and `hits`; returns where the summary gives the
 * change's purpose as "so" and a clause of its own, or null. (Its own function so that V8
 * recompiles only this part when a rarely taken branch here deoptimises.)
 */
export function readSummaryCues(values: Record<FeatureName, number>, hits: CueHit[], summaryLine: SourceLine, reading: SummaryReading): Span | null {
  let summaryPurpose: Span | null = null;
  const summaryMap = mapLines([summaryLine]);
  const full = summaryLine.text;
  const core = reading.core;
  const at = reading.coreStart;
  const summaryWords = SUMMARY_FAMILIES.scan(full);
  findCue(values, hits, summaryMap, "sumCausal", CAUSAL, full, 0, summaryWords);
  const coreWords = summaryWords.within(core, at);
  findCue(values, hits, summaryMap, "sumPurpose", PURPOSE, core, at, coreWords);
  if (values.sumCausal === 0 && values.sumPurpose === 0) {
    const purpose = soPurposeAt(core, "");
    if (purpose !== null) summaryPurpose = spanOf(summaryMap, at + purpose[0], at + purpose[1]);
    else if (mayPrepare(core)) {
      const prepares = SUMMARY_PREPARES.exec(core);
      if (prepares !== null) {
        const text = prepares[1] ?? prepares[2];
        const start = prepares.index + prepares[0].length - text.length;
        summaryPurpose = spanOf(summaryMap, at + start, at + start + text.length);
      }
    }
  }
  if (reading.verb === "fix" || FIX_PREFIX.test(reading.prefix)) {
    values.sumFixVerb = 1;
    // "fix(parser): handle CRLF": the type says fix, so point at the type, not at "handle".
    const typedArea = reading.verb === "fix" ? null : typedSpan(full, at, reading.prefix);
    if (typedArea !== null) hits.push({ cue: "sumFixVerb", span: spanOf(summaryMap, typedArea[0], typedArea[1]) });
    else {
      const verbEnd = reading.afterVerb > 0 ? core.slice(0, reading.afterVerb).trimEnd().length : (FIRST_WORD.exec(core)?.[0].length ?? 1);
      hits.push({ cue: "sumFixVerb", span: spanOf(summaryMap, at, at + verbEnd) });
    }
  } else if (reading.verb === "none") values.sumNoVerb = 1;
  // "fix: remove unused parameters": the type says fix, the verb names the change.
  if (reading.verb === "change") values.sumChangeVerb = 1;
  const afterVerb = reading.afterVerb;
  const rest = afterVerb === 0 ? core : core.slice(afterVerb);
  // "grep: add --break", "Rename git-pack-redundant", "use error() instead of …": a problem word
  // inside a name of code names the code, not a problem.
  const namesProblem = (match: RegExpExecArray): boolean => !partOfName(rest, match.index, match[0]);
  const restWords = afterVerb === 0 ? coreWords : summaryWords.within(rest, at + afterVerb);
  findCueWhere(values, hits, summaryMap, "sumProblemStrong", PROBLEM_STRONG, rest, at + afterVerb, namesProblem, restWords);
  findCueWhere(values, hits, summaryMap, "sumProblemWeak", PROBLEM_WEAK, rest, at + afterVerb, namesProblem, restWords);
  if (reading.verb === "none") findCue(values, hits, summaryMap, "sumState", STATE_VERB, core, at, coreWords);
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
  if (!findObjectCue(values, hits, summaryMap, "evidentTypo", EVIDENT_TYPO, summaryWords, verbAt, at) && typed === "spelling") values.evidentTypo = 1;
  if (!findCueWhere(values, hits, summaryMap, "evidentFormat", EVIDENT_FORMAT, full, 0, (match) => !inAreaFileName(full, match, at), summaryWords) && (typed === "style" || typed === "format")) values.evidentFormat = 1;
  // "Release lock before calling hooks": the verb frees something; only the rest can name a release.
  const freeing = reading.lemma === "release" && !RELEASED_OBJECT.test(rest) && !VERSION_NUMBER.test(rest);
  const releaseCue = freeing ? findReleaseCue(values, hits, summaryMap, rest, at + afterVerb, -1) : findReleaseCue(values, hits, summaryMap, full, 0, verbAt, summaryWords);
  if (!releaseCue && !findCue(values, hits, summaryMap, "evidentRelease", SNAPSHOT_VERSION, full, 0, summaryWords) && (typed === "release" || RELEASE_NOTES_AREA.test(typed))) values.evidentRelease = 1;
  if (!findCue(values, hits, summaryMap, "evidentDependency", EVIDENT_DEPENDENCY, full, 0, summaryWords) && (DEPS_PREFIX.test(typed) || (mayHaveDepsScope(full) && DEPS_SCOPE.test(full)))) values.evidentDependency = 1;
  if (!findObjectCue(values, hits, summaryMap, "evidentDocs", EVIDENT_DOCS, summaryWords, verbAt, at) && (typed === "docs" || DOCS_AREA.test(typed) || DOCS_PAGE_AREA.test(typed) || (DOCS_FILE_AREA.test(typed) && !packageList(typed)))) values.evidentDocs = 1;
  findCueWhere(values, hits, summaryMap, "evidentDocsWeak", EVIDENT_DOCS_WEAK, full, 0, (match) => !inAreaFileName(full, match, at), summaryWords);
  if (reading.words >= 9) values.sumLong = 1;
  if (!findObjectCue(values, hits, summaryMap, "evidentTests", EVIDENT_TESTS, summaryWords, verbAt, at) && (typed === "test" || namesTests(typed, full, at))) values.evidentTests = 1;
  findCue(values, hits, summaryMap, "evidentCleanup", EVIDENT_CLEANUP, core, at, coreWords);
  if (values.evidentDependency > 0 && VERSION_NUMBER.test(core)) values.versionBump = 1;
  // A release named by its product and a whole number ("update the width tables to Unicode 14",
  // "Update to Python 3") is a bump as "bump lodash to 4.17.21" is; asked only when no bump was read.
  else if (values.versionBump === 0 && core.includes(" to ") && findCue(values, hits, summaryMap, "evidentDependency", NAMED_RELEASE_BUMP, core, at)) values.versionBump = 1;
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
  if ((values.sumFixVerb > 0 || coreWords.first(FIX_NOUN) !== null) && (values.evidentTypo + values.evidentDocs + values.evidentDocsWeak + values.evidentFormat) > 0) values.fixEvident = 1;
  return summaryPurpose;
}

/** A character of a name of code: a word character, or a joint of options, files, keys and paths. */
const NAME_CHAR = /[\w.=\/-]/;
/**
 * A bump to a release named by a capitalised product and a whole number: "to Unicode 14", "to
 * Python 3". Not a standard cited by its number ("to RFC 7231", "to ISO 8601"), nor a part of a
 * document or a tracker's item ("Update the guide to Section 3", "Update the link to Issue 42"),
 * which are no release.
 */
const NAMED_RELEASE_BUMP = /\b(?:[Uu]pgrad|[Uu]pdat|[Bb]ump)\w* (?:(?:the )?[\w.@/:-]+ ){0,4}?to (?!(?:RFC|ISO|POSIX|IEEE|ECMA|CVE|Section|Chapter|Appendix|Part|Figure|Table|Page|Step|Item|Rule|Article|Issue|Bug|Ticket|PR)\b)[A-Z][\w+-]* v?\d+(?![\w.-])/;

/** Prefixes that make a problem word another word ("de-duplicate", "non-broken"). */
const WORD_PREFIX = /^(?:de|re|un|non|pre|co|anti)$/i;

/**
 * Whether the problem word `word` at `index` of `text` is part of a name of code or of another
 * word rather than a problem, judged by the whole token around it: an option ("--break",
 * "--ignore-errors", "--whitespace=error"), a file or a key ("Error.pm"), a call ("error()"), an
 * identifier ("die_errno"), a path or a topic branch ("jc/upload-corrupt"), a command of three or
 * more parts ("git-lost-found"), a compound the word only modifies ("nonsense-pack",
 * "error-handling") or a prefixed word ("de-duplicate"). A compound that ends on the problem
 * ("memory-leak", "stack-overflow"), an adverb's ("incorrectly-formatted"), a problem of several
 * words ("use after free()", "double-free()") and a word in parentheses or beside a slash
 * ("(unused)", "loose/lose") still name a problem, as their spaced forms do.
 */
function partOfName(text: string, index: number, word: string): boolean {
  if (/\s/.test(word)) return false;
  let start = index;
  while (start > 0 && NAME_CHAR.test(text.charAt(start - 1))) start--;
  let end = index + word.length;
  while (end < text.length && NAME_CHAR.test(text.charAt(end))) end++;
  // A sentence's closing punctuation is no part of the name ("Fix the crash.").
  const token = text.slice(start, end).replace(/(?<![.,;:])[.,;:]+$/, "");
  // A path or a topic branch ("jc/upload-corrupt", "ps/bisect-double-free-fix"), not "and/or".
  const path = token.startsWith("/") || (token.includes("/") && /[-_.]|\/.*\//.test(token));
  if (path) return true;
  // A problem of several words is one, even called ("use-after-free", "double-free()").
  if (word.includes("-")) return false;
  if (text.charAt(start + token.length) === "(") return true;
  if (token === word) return false;
  if (token.startsWith("-") || /[_=]/.test(token) || /\w\.\w/.test(token)) return true;
  const parts = token.split("-");
  if (parts.length >= 3) return true;
  if (parts.length !== 2) return false;
  const first = parts[0].toLowerCase() === word.toLowerCase();
  return first ? !word.endsWith("ly") : WORD_PREFIX.test(parts[0]);
}

/** The summary features that describe its form rather than its content (for reverts). */
export function readSummaryForm(values: Record<FeatureName, number>, reading: SummaryReading): void {
  if (reading.verb === "none") values.sumNoVerb = 1;
  if (reading.verb === "change") values.sumChangeVerb = 1;
  if (reading.specificWords === 0) values.sumVague = 1;
  if (reading.specificWords <= 1) values.sumShort = 1;
  if (reading.words >= 9) values.sumLong = 1;
}

/**
 * An extension right after a word, of code or data: ".go", ".py", ".json". Not a docs page's
 * (".txt", ".md", ...): there the words of the name are the page's subject ("index-format.txt",
 * "user-manual.txt"), read with the page.
 */
const EXTENSION_AFTER = /^\.(?!(?:txt|adoc|asciidoc|md|markdown|rst)\b)[A-Za-z]/;

/**
 * Whether a cue word is the name of a file in the summary's area ("testing.go: …", "test.py: …",
 * "docs.go: …", "format.c: …"): the file is code or data named for what it holds, not a change
 * of that kind. The area's own readings decide what such a file is (a docs page by its
 * extension, a test file by the runners' naming; see DOCS_FILE_AREA, TESTS_AREA).
 */
function inAreaFileName(text: string, match: RegExpExecArray, areaEnd: number): boolean {
  const end = match.index + match[0].length;
  return match.index < areaEnd && EXTENSION_AFTER.test(text.slice(end, end + 10));
}

/**
 * Words that may follow an evident object ("typo in X", "tests for Y", "docs and Z") and the
 * nouns it heads ("test cases", "license header"); any other word after it makes the cue a
 * modifier of a feature ("test mode", "typo tolerance", "changelog generator").
 */
const AFTER_OBJECT = /^(?:in|on|for|to|of|and|or|&|with|from|at|by|when|after|before|that|which|so|because|as|about|via|into|under|the|a|an|is|are|was|were|be|been|now|again|too|also|only|case|cases|suites?|files?|fixtures?|helpers?|data|coverage|runners?|utils?|headers?|notes|year|pages?|site|links?|comments?|sections?|examples?|strings?|messages?|typos?|errors?|names?|text|entries|entry|output|dependenc(?:y|ies)|deps|classes|class|code|setup|config(?:uration)?|infrastructure|infra|util(?:ities|ity)?|fix(?:es)?|mistakes?|formatting|instead|based|improvements?|updates?|changes?|tweaks?|cleanups?|issues?|problems?|failures?|\d\S*)$/i;

/** Like findCue, but a match followed by a word that is neither a link word nor a head noun is skipped. */
function findObjectCue(values: Record<FeatureName, number>, hits: CueHit[], map: MappedText, cue: FeatureName, pattern: RegExp, words: FamilyWords, verbAt: number, areaEnd: number): boolean {
  const text = words.text;
  return findCueWhere(values, hits, map, cue, pattern, text, 0, (match) => {
    if (inAreaFileName(text, match, areaEnd)) return false;
    // As the summary's verb ("Document the flags", "Proofread README") the word is the act itself.
    if (match.index === verbAt) return true;
    const next = /^\s+([\w&-]+)/.exec(text.slice(match.index + match[0].length))?.[1];
    return next === undefined || AFTER_OBJECT.test(next);
  }, words);
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
function findReleaseCue(values: Record<FeatureName, number>, hits: CueHit[], map: MappedText, text: string, offset: number, verbAt: number, words?: FamilyWords): boolean {
  return findCueWhere(values, hits, map, "evidentRelease", EVIDENT_RELEASE, text, offset, (match) => {
    if (!BARE_RELEASE.test(match[0]) || offset + match.index === verbAt) return true;
    const after = text.slice(match.index + match[0].length);
    const next = /^\s+([\w&.-]+)/.exec(after)?.[1];
    // A version further on makes it one too ("Tag the release as 2.1", "Start release cycle for 4.2").
    return next === undefined || RELEASE_FOLLOWER.test(next.replace(/(?<!\.)\.+$/, "")) || VERSION_NUMBER.test(after);
  }, words);
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
/** Whether a summary may hold AND_VERB: one of its joints, read in the pattern's case. */
const mayJoin = precheckFor(AND_VERB, ["and", "&", ",", ";"]);

/**
 * Whether the summary joins a second action with "and", "&", "," or ";" ("Fix typo and remove
 * the legacy API", "Fix typos, update docs"): a verb with an object after the joint ("… and
 * tests" at the end is an object, not an action). The study's labels treat such commits as
 * needing a reason even when each part is small; see docs/eval.md.
 */
function secondChange(core: string): boolean {
  // Most summaries hold no joint at all.
  if (!mayJoin(core)) return false;
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

/** An ordinal of a step in a series: "third", "12th", "next", "final". */
const ORDINAL = String.raw`(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|twenty-[a-z]+|thirtieth|next|last|final|another)`;
/** "The fifth batch", "Third batch for 2.1", "The sixth batch of topics graduated to 'master'". */
const BATCH_STEP = new RegExp(String.raw`^(?:the\s+)?${ORDINAL}\s+batch(?:\s+of\s+topics)?(?:\s+graduated\s+to\s+'?\w+'?|\s+(?:for|after|post|before|towards?|since)\s+(?:git\s+)?v?\d[\w.-]*)?$`, "i");
/**
 * "v2.30.0 round 1 (70 new)", "fr.po v2.9.0rnd1", "for git v2.5.0 l10n round 2", "es: 2.25.0
 * round #1". Each run of digits, blanks or version characters has one way to be read, so a
 * long one that ends in no round costs its length, not its square.
 */
const ROUND_STEP = /^(?:[a-z]{2,3}(?:[_-][a-z]{2,4})?(?:\.po)?(?:\s*:\s+|\s+))?(?:(?:for|git|l10n)\s+)*v?\d+\.\d[\w.-]*(?:\s[\s_-]*)?(?:l10n\s+)?(?:round|rnd|rd)\s*#?\d+(?:(?<=\d\d)t\w*\)?|(?:\s+\(?|\()\d+t\w*\)?|\s*\([^)]*\))?$/i;

/** "Post 2.3 cycle (batch #11)", "Post 2.3 batch #3": git's numbered batch after a release. */
const NUMBERED_BATCH = /^post\s+v?\d[\w.-]*\s+(?:cycle\s+)?\(?batch\s+#?\d+\)?$/i;
/** "Sync with maint", "Sync with 'maint-2.1'", "Sync with Git 2.30.1", "Sync with v1.7.0 series". */
const SYNC_STEP = /^sync\s+with\s+(?:["']?maint(?:-[\d.]+)?["']?|(?:git\s+)?v?\d[\w.-]*(?:\s+(?:series|maintenance track))?)$/i;

/**
 * Whether the summary names only a step in a series: a batch of merged topics ("The fifth
 * batch", "Third batch for 2.1", "Post 2.3 cycle (batch #11)"), a translation round ("l10n:
 * fr: v2.31 rnd 2") or a sync with another branch or release ("Sync with maint"). Each merges
 * or brings in other changes and names none of them.
 */
export function namesSeriesStep(core: string): boolean {
  return BATCH_STEP.test(core) || ROUND_STEP.test(core) || NUMBERED_BATCH.test(core) || SYNC_STEP.test(core);
}

/** Words that end the first phrase of a summary: prepositions, conjunctions, clause openers. */
const PHRASE_END = /^(?:in|on|of|for|with|when|whenever|if|after|before|during|while|under|from|at|by|to|and|or|due|since|because|via|into|within|without|inside|between|that|which|where|caused)$/i;
/** Nouns that name a problem as the head of a phrase: an error, a crash, a leak, a bug. */
const PROBLEM_NOUN = /^(?:errors?|exceptions?|issues?|problems?|mistakes?|bugs?|crash(?:es)?|leaks?|failures?|regressions?|races?|deadlocks?|hangs?|segfaults?|overflows?|underflows?|breakage|npes?)$/;
/** An exception or error type named as the head: "ClassCastException", "TypeError". */
const ERROR_TYPE = /^[A-Za-z]+(?:Exception|Error)$/;
/** A word of a phrase: up to a blank, a clause mark or a bracket. */
const PHRASE_WORD = /[^\s,;:()\[\]]+/g;
/** A fix named in the phrase ("fr.po fix grammar mistakes", "leak fixes", "typofix"). */
const FIX_IN_PHRASE = /^(?:bug|hot|typo-?)?fix/i;
/** An adverb leading the summary: an order of a verb no list knows follows ("Properly name …"). */
const LEADING_ADVERB = /^\w{3,}ly$/i;
const CLOSING = ".!?'\"";

/** `word` without the closing punctuation of a sentence or a quote ("error.", "leak!"). */
function trimClosing(word: string): string {
  let end = word.length;
  while (end > 0 && CLOSING.includes(word.charAt(end - 1))) end--;
  return end === word.length ? word : word.slice(0, end);
}

/**
 * Whether the head of the summary's first phrase, its last word before a preposition, a
 * conjunction or a clause mark, names a problem: "Package name error (#3354)", "Crash on
 * unexpected RuntimeExceptions", "ClassCastException in the binder", "Memory leak in
 * sha1close()". Not after a leading adverb ("Properly name ignored exception in …"), a verb's
 * form ("ExpectedException allows multiple exceptions") or a fix ("fr.po fix grammar mistakes"),
 * not a function called ("de-duplicate error() teardown code"), and not in a phrase of more than
 * four words. Each word is read once, at most five of them.
 */
export function headedByProblem(core: string): boolean {
  PHRASE_WORD.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  let lastWord = "";
  let count = 0;
  for (let match = PHRASE_WORD.exec(core); match !== null; match = PHRASE_WORD.exec(core)) {
    const word = trimClosing(match[0]);
    if (count === 0 && LEADING_ADVERB.test(word)) return false;
    if (PHRASE_END.test(word)) break;
    const lower = word.toLowerCase();
    const lemma = lemmatize(lower);
    // A verb's form after the first word makes the phrase a clause: its object is no problem named.
    if (count > 0 && lemma !== lower && (CHANGE_VERBS.has(lemma) || FIX_VERBS.has(lemma))) return false;
    if (FIX_IN_PHRASE.test(word)) return false;
    last = match;
    lastWord = word;
    if (++count > 4) return false;
    const end = match.index + match[0].length;
    if (end < core.length && !WHITESPACE.test(core.charAt(end))) break;
  }
  if (last === null) return false;
  // A word not trimmed and followed by "(" is a function called ("error()").
  if (lastWord === last[0] && core.charAt(last.index + lastWord.length) === "(") return false;
  return PROBLEM_NOUN.test(lastWord.toLowerCase()) || ERROR_TYPE.test(lastWord);
}
const WHITESPACE = /\s/;

/** Verbs that bring a translation up to date or start one ("Update German translation", "Add Russian translation"). */
const TRANSLATING_VERBS = new Set(["update", "add", "improve", "complete", "revise", "refresh", "sync", "synchronize", "finish", "start"]);
/**
 * The summaries translation platforms write: Weblate's "Translated using Weblate (German)",
 * Crowdin's "New translations en.json (French)" and "New Crowdin updates", and a pull from
 * Transifex ("Pull translations from Transifex").
 */
const PLATFORM_SUMMARY = /^(?:Translated\s+using\s+Weblate\b|New\s+translations\s+\S+\s+\(|New\s+Crowdin\s+(?:updates|translations)\b|Pull\s+(?:the\s+|latest\s+)?translations\s+from\s+Transifex\b)/i;
/** The translations with no language named, to the end or from where they come ("Update translations", "Pull translations from Transifex"). */
const ALL_TRANSLATIONS = /^(?:(?:the|all|our|latest|new)\s+)?translations(?=\s*$|\s+(?:from|for)\b)/i;
/**
 * A translation as the object: a language or a locale (one or two words, group 1 and 2), then
 * "translation(s)" or "glossary", then the end or what it is for ("Swedish translation
 * (5104t0f0u)", "Bulgarian translation of git", "zh_CN translation for Git 1.7.10", "initial
 * version of russian translation", "German glossary for translation"); not a noun after it
 * ("Unicode translation tables").
 */
const TRANSLATION_OBJECT = /^(?:(?:the|an?|our|initial|first|partial|complete|updated|improved|new|latest|more|(?:initial|first|partial|complete) version of)\s+){0,3}([\w@.-]+)(?:\s+([\w@-]+))?\s+(?:[Tt]ranslations?|[Gg]lossary|[Ll]ocali[sz]ations?|[Ll]ocales?)(?=$|[\s(,.;:!]\s*(?:$|\(|(?:for|of|to|into|in|from|with|and|including)\b|\d))/;
/** Natural languages by their English names, read lower-cased. */
const LANGUAGES = new Set(
  ("english spanish french german italian portuguese dutch flemish swedish norwegian danish finnish icelandic faroese polish czech slovak " +
    "slovenian croatian serbian bosnian macedonian bulgarian romanian moldovan hungarian greek turkish russian ukrainian belarusian " +
    "estonian latvian lithuanian albanian armenian georgian azerbaijani kazakh uzbek kyrgyz tajik turkmen tatar mongolian chinese " +
    "mandarin cantonese taiwanese japanese korean vietnamese thai lao khmer burmese malay indonesian filipino tagalog javanese hindi " +
    "bengali punjabi gujarati marathi tamil telugu kannada malayalam sinhala sinhalese nepali urdu persian farsi arabic hebrew " +
    "yiddish kurdish pashto amharic swahili afrikaans zulu xhosa yoruba hausa igbo somali malagasy catalan valencian basque " +
    "galician asturian occitan breton welsh irish gaelic scottish manx cornish esperanto latin interlingua luxembourgish maltese " +
    "frisian uyghur tibetan bokmål nynorsk friulian sardinian corsican walloon romansh brazilian").split(" "),
);
/** Words that qualify a language named after them ("Traditional Chinese", "Brazilian Portuguese", "Swiss German"). */
const LANGUAGE_QUALIFIERS = new Set(["traditional", "simplified", "brazilian", "european", "swiss", "austrian", "canadian", "mexican", "latin", "american", "british", "norwegian"]);
/** ISO 639-1 codes that are not also common English words ("to", "or", "it"). */
const LANGUAGE_CODES = new Set(
  ("aa ab af ak ar av ay az ba bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr " +
    "fy ga gd gl gn gu gv ha hi ho hr ht hu hy hz ia ie ig ii ik io iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li " +
    "ln lo lt lu lv mg mh mi mk ml mn mr ms mt nb nd ne ng nl nn nr nv ny oc oj om os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg " +
    "si sk sl sm sn sq sr ss st su sv sw ta te tg th ti tk tl tn tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu").split(" "),
);
/** A locale with its region or script ("zh_CN", "pt-BR", "sr@latin"), or a message catalog ("de.po", "git.pot"). */
const LOCALE = /^(?:[a-z]{2,3}(?:[_-][A-Za-z]{2,4}|@[a-z]+)|[\w-]+\.pot?)$/;

/** Whether `word` names a natural language or a locale, not code ("Python", "key", "boolean"). */
function namesLanguage(word: string): boolean {
  return LANGUAGES.has(word.toLowerCase()) || LANGUAGE_CODES.has(word) || LOCALE.test(word);
}

/**
 * Whether the summary updates a translation: git's `l10n` area ("l10n: git.pot: v2.41.0 round
 * 1", "l10n: sv.po: Update Swedish translation (5104t0f0u)"), a message catalog as the area
 * ("po/de.po: …"), or a translating verb, or none, before a translation ("gitk: Update German
 * translation", "Japanese translation of git-gui"). Translating the program's messages, or
 * bringing the translation in step with them, is its own reason, as updating the docs is.
 */
export function updatesTranslation(reading: SummaryReading): boolean {
  const { prefix, core } = reading;
  if (prefix === "l10n" || prefix.endsWith(".po") || prefix.endsWith(".pot") || PLATFORM_SUMMARY.test(core)) return true;
  if (!core.includes("ranslation") && !core.includes("lossary") && !core.includes("ocal")) return false;
  if (reading.verb !== "none" && !TRANSLATING_VERBS.has(reading.lemma)) return false;
  if (secondChange(core)) return false;
  const rest = core.slice(reading.afterVerb).trimStart();
  if (reading.verb !== "none" && ALL_TRANSLATIONS.test(rest)) return true;
  const object = TRANSLATION_OBJECT.exec(rest);
  if (object === null) return false;
  const [, first, second] = object as unknown as [string, string, string | undefined];
  if (second === undefined) return namesLanguage(first);
  return namesLanguage(second) && (LANGUAGE_QUALIFIERS.has(first.toLowerCase()) || namesLanguage(first));
}

/** What a marked string is for, ending the summary: "… for translation". */
const FOR_TRANSLATION = /\bfor\s+(?:translation|l10n|i18n|locali[sz]ation)$/i;
/** The messages an i18n area's summary names with no verb ("i18n: git-add basic messages"). */
const NAMES_MESSAGES = /\b(?:messages?|strings?)$/i;

/**
 * Whether the summary marks messages for translation: "mark" and "… for translation" at its end
 * ("i18n: apply: mark strings for translation", "gitk: Mark some more strings for translation"),
 * or git's `i18n` area and only the messages it marks ("i18n: git-add basic messages"). A message
 * left out of the catalog shows up untranslated, so marking it is its own reason, as adding a
 * missing piece is. Not another change to the i18n code ("i18n: factorize …", "i18n: git-pull
 * add git-sh-i18n"), nor one joined to the marking.
 */
export function marksForTranslation(reading: SummaryReading): boolean {
  const { prefix, core } = reading;
  // The second-change scan runs last: most summaries say "for " and few mark anything.
  // "don't mark options … for translation" takes the marking back, which needs its reason.
  if (reading.lemma === "mark") return !NEGATED_ORDER.test(core) && FOR_TRANSLATION.test(core) && !secondChange(core);
  return prefix === "i18n" && reading.verb === "none" && NAMES_MESSAGES.test(core) && !namesChangeVerb(core) && !secondChange(core);
}

/** An order negated at the summary's start: "don't mark …", "Do not mark …", "never …". */
const NEGATED_ORDER = /^(?:don'?t|do\s+not|never|no\s+longer|stop)\b/i;
/** A word with the joints of a name ("git-add", "format_tracking_info"), read whole. */
const SUMMARY_WORD = /[A-Za-z][\w-]*/g;

/**
 * Whether a word of `core` is a change or fix verb in its base form ("i18n: tag.c factorize
 * i18n strings"); a gerund before a noun ("formatting messages") and a command's name
 * ("git-add") are not.
 */
function namesChangeVerb(core: string): boolean {
  SUMMARY_WORD.lastIndex = 0;
  for (let match = SUMMARY_WORD.exec(core); match !== null; match = SUMMARY_WORD.exec(core)) {
    const word = match[0].toLowerCase();
    if (CHANGE_VERBS.has(word) || FIX_VERBS.has(word)) return true;
  }
  return false;
}
