// Finds references to tickets, issues, pull and merge requests in a message, with positions.
import { escapeRegExp } from "../escape-regexp.js";
import type { ParsedMessage, Ref, SourceLine, Span } from "../types.js";
import { parseMessage } from "../message/parse.js";
import { mapLines, spanOf, type MappedText } from "./text.js";

/** Trailer tokens whose value points at the issue or change this commit belongs to. */
const REFERENCE_TRAILERS = new Set([
  "fixes", "fixed", "fix", "closes", "closed", "close", "resolves", "resolved", "resolve",
  "refs", "ref", "references", "reference", "see", "see-also", "bug", "bugs", "issue", "issues",
  "related", "related-to", "relates-to", "ticket", "jira", "link", "part-of", "implements",
]);

/** Upper-case words followed by "-<digits>" that are standards or encodings, not tickets. */
const NOT_TICKET_KEYS = new Set([
  "UTF", "UCS", "SHA", "MD", "ISO", "IEC", "IEEE", "RFC", "AES", "RSA", "DES", "ECDSA", "HMAC",
  "HTTP", "HTTPS", "TLS", "SSL", "IPV", "IP", "TCP", "UDP", "X", "ES", "ECMA", "ECMASCRIPT", "WIN",
  "ARM", "AMD", "CP", "KOI", "LATIN", "GB", "BIG", "EUC", "JIS", "RC", "ALPHA", "BETA", "CVS",
  "SVN", "JSR", "PEP", "POSIX", "FIPS", "PKCS", "CRC", "ADLER", "BASE", "GCC", "LLVM", "JAVA",
  "JDK8", "PR", "CL", "CVE", "GHSA", "V", "Q", "H", "P", "HTTP2", "PHASE", "STEP", "PART", "TODO", "FIXME", "OK",
]);

/** The token git reads from a URL line in the trailer block ("https://…" as "https" and "//…"). */
const URL_TRAILER_TOKEN = /^https?$/i;
const URL_PATTERN = /\bhttps?:\/\/[^\s<>()[\]"'`]+[^\s<>()[\]"'`.,;:!?]/g;
/** URLs that name an issue, pull or merge request, or a Jira/Bugzilla ticket. */
const ISSUE_URL = /(?:\/(?:-\/)?(?:issues|pull|pulls|merge_requests|tickets?)\/\d+|\/browse\/[A-Za-z][A-Za-z0-9]+-\d+|show_bug\.cgi\?id=\d+|\/bugs?\/\d+|\/(?:-\/)?work_items\/\d+)/;
const CROSS_REPO = /(?<![\w/.-])[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*#\d+\b/g;
const HASH_ISSUE = /(?<![\w&/#])#\d+\b/g;
/** Words that number an item of a series before `#N`: "case #29", "batch #3", "round #1", "Benchmark #1". */
const COUNTING_WORD = /\b(?:case|batch|round|part|step|stage|phase|test|benchmark|run|pass|attempt|try|take|item|patch|cycle|iteration|example|scenario|no\.?|number)\s*$/i;
/** The longest word COUNTING_WORD reads, and the character before it that its `\b` looks at. */
const COUNTING_REACH = 10;

/**
 * Whether the `#N` at `at` of `text` follows a counting word on its line (COUNTING_WORD). Only
 * the blanks before `#` and the few characters before them are read, not the whole line: a
 * line of a thousand `#N` would otherwise be read a thousand times.
 */
function countsItem(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && text[start - 1] !== "\n" && /\s/.test(text[start - 1])) start--;
  const before = text.slice(Math.max(0, start - COUNTING_REACH), at);
  return COUNTING_WORD.test(before.slice(before.lastIndexOf("\n") + 1));
}
/**
 * A numbered bug or issue: "bug", "issue", "Bugzilla", "bz" or "rhbz" (any of them capitalised),
 * an optional "#" and a number of three digits or more ("Fixes bug 52840", "see issue #4711",
 * "Bugzilla 123456", "BZ#1234567"). A small number counts items ("bug 2 of 3", "issue 1
 * below"); "the bug in 2.0" has no number right after the word. The gaps may wrap at a line's
 * end ("bug\n52840"), never across a blank line. The tracker's name before it is read apart
 * (trackerNameStart). Groups: the word, the number. The word's start is checked apart (startsWord):
 * a pattern led by a lookbehind tries it at every position, one led by letters does not.
 */
const BUG_NUMBER = /([Bb]ug(?:zilla)?|[Ii]ssue|(?:rh)?bz|(?:RH)?BZ)(?:(?:[ \t]+\n?|\n)[ \t]*#?|#)(\d{3,})(?![\w.,:/-]?\d|[\w%])/g;
/**
 * One or two words of a tracker's or a product's name right before BUG_NUMBER's word, of any
 * case, each gap of blanks holding one line break at most: "Firefox", "Red Hat", "msysGit",
 * "launchpad". Group 1: the words as written.
 */
const TRACKER_NAME = /(?<![^\s(])((?:[A-Za-z][\w+]*(?:\.\w+)*(?:[ \t]+\n?|\n)[ \t]*)?[A-Za-z][\w+]*(?:\.\w+)*)(?:[ \t]+\n?|\n)[ \t]*$/;
/** How far before the bug's word TRACKER_NAME looks: two long words and their gaps. */
const TRACKER_NAME_REACH = 64;
/**
 * After the number, a word that counts with it: "bug 100 times", "we issue 1000 requests", "the
 * issue 250 users reported" (a lower-case plural, not a verb of the bug: "bug 1234 describes").
 */
const COUNTED = /^[ \t]+(?:times|[a-z]+[^s\W]s)\b/;
/** Verbs that say what a numbered bug does or is, which COUNTED must not read as counted things. */
const BUG_VERBS = /^[ \t]+(?:is|was|has|does|describes|reports|shows|tracks|explains|says|mentions|notes|affects|occurs|happens|remains|causes|seems|appears|exists|applies|covers|contains|lists|asks|suggests|points|concerns|discusses|proposes|requests|needs|fixes|documents|gives|goes)\b/;
/** Words before "issue" that make it a verb: "to issue 1000 calls", "we issue 256 requests". */
const ISSUE_VERB_BEFORE = /(?:^|[^\w])(?:to|we|you|they|I|will|would|can|could|may|might|must|should|shall|not|then|also|still|never|always|only|just)[ \t]+\n?[ \t]*$/i;
/** The longest word ISSUE_VERB_BEFORE reads, its gap and the character before it. */
const ISSUE_VERB_REACH = 12;
/** How much of the text after the number COUNTED and BUG_VERBS read: a gap and a long word. */
const COUNTED_REACH = 24;
/** A year of the last two centuries, which follows "issue" in prose: "the issue 2019 brought". */
const YEAR = /^(?:19|20)\d\d$/;

/**
 * What BUG_NUMBER needs, as a gate for the text: "ug", "ssue" or "bz"/"BZ" ("bug", "Issue",
 * "Bugzilla", "rhbz"), a gap or "#" and three digits. Led by letters, it costs less over git.git
 * than the two substring walks that gated the capitalised tracker's bug before (24 ms against 30
 * ms over its 38k messages with a digit), and passes 28 of them instead of 2,300.
 */
const MAY_NAME_BUG = /(?:ug(?:zilla)?|ssue|bz|BZ)(?:(?:[ \t]+\n?|\n)[ \t]*#?|#)\d{3}/;

/** Whether the character before `at` of `text` ends no word: "bug" but not "debug" or "x-bug". */
function startsWord(text: string, at: number): boolean {
  return at === 0 || !/[\w-]/.test(text[at - 1]);
}

/**
 * Where the tracker's name written before the bug's word at `at` starts ("Red Hat" of "Red Hat
 * bug 1234567"), or `at` when the words there name no tracker: a reference verb, a preposition, a
 * determiner or an adjective ("Fixes bug 1234", "the bug 1234", "known issue 5678").
 */
function trackerNameStart(text: string, at: number): number {
  const base = Math.max(0, at - TRACKER_NAME_REACH);
  const match = TRACKER_NAME.exec(text.slice(base, at));
  if (match === null || (base > 0 && match.index === 0)) return at;
  const words = match[1].split(/\s+/);
  const last = words[words.length - 1];
  if (NOT_TRACKER.has(last.toLowerCase())) return at;
  // Of two words, the first may be the verb or the article before a one-word name ("Fixes gcc").
  if (words.length === 2 && !NOT_TRACKER.has(words[0].toLowerCase())) return base + match.index;
  return base + match.index + match[1].length - last.length;
}

/**
 * Whether the bug's word and number at `at` of `text`, up to `end`, written with no tracker's name
 * and no "#", count something rather than name a ticket: "issue" as a verb ("to issue 1000
 * calls"), a year ("the issue 2019 brought") or a number of things ("bug 100 times").
 */
function countsNoTicket(text: string, at: number, word: string, number: string, end: number): boolean {
  if (YEAR.test(number)) return true;
  if (word.toLowerCase() === "issue" && ISSUE_VERB_BEFORE.test(text.slice(Math.max(0, at - ISSUE_VERB_REACH), at))) return true;
  const after = text.slice(end, end + COUNTED_REACH);
  return COUNTED.test(after) && !BUG_VERBS.test(after);
}

/**
 * Words before "bug" or "issue" that name no tracker: a reference verb ("Fixes", "See"), an
 * auxiliary, a pronoun, a preposition, a determiner or an adjective ("the bug 1234", "This issue
 * 5678", "known bug 1234"), lower-cased.
 */
const NOT_TRACKER = new Set([
  "fix", "fixes", "fixed", "fixing", "see", "close", "closes", "closed", "resolve", "resolves", "resolved", "address",
  "addresses", "ref", "refs", "re", "cf", "also", "and", "but", "or", "in", "on", "for", "from", "with", "by", "per", "as",
  "at", "to", "of", "after", "before", "since", "like", "unlike", "via", "the", "this", "that", "these", "those", "a", "an",
  "same", "another", "any", "each", "every", "its", "it's", "our", "their", "your", "my", "his", "her", "known", "old",
  "new", "open", "related", "linked", "original", "previous", "next", "last", "first", "second", "third", "other",
  "similar", "duplicate", "real", "actual", "main", "big", "major", "minor", "critical", "security", "is", "was",
  "are", "were", "be", "been", "has", "have", "had", "it", "we", "which", "who", "where", "when", "not", "no", "reported",
  "filed", "opened", "tracked", "mentioned", "described", "upstream", "a.k.a", "aka", "i.e", "e.g", "then", "so",
]);
const GH_ISSUE = /(?<![\w-])GH-\d+\b/gi;
const TICKET_KEY = /(?<![\w-])[A-Z][A-Z0-9]{0,9}-\d+\b/g;
/** Security advisories: CVE IDs and GitHub advisory IDs (GHSA-xxxx-xxxx-xxxx), prefixes in capitals as issued. */
const ADVISORY = /(?<![\w-])(?:CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3})\b/g;

/** A compiled matcher for ticket keys, built once per project-key list. */
const ticketPatternCache = new Map<string, RegExp>();

function ticketPattern(projectKeys: readonly string[]): RegExp | null {
  if (projectKeys.length === 0) return null;
  const cacheKey = projectKeys.join("\u0000");
  let pattern = ticketPatternCache.get(cacheKey);
  if (!pattern) {
    const alternatives = projectKeys.map(escapeRegExp).join("|");
    pattern = new RegExp(`(?<![\\w-])(?:${alternatives})-\\d+\\b`, "gi");
    ticketPatternCache.set(cacheKey, pattern);
  }
  return pattern;
}

/** True when `value` contains something that looks like a reference (used for trailers). */
export function isReferenceTrailer(token: string): boolean {
  return REFERENCE_TRAILERS.has(token.toLowerCase());
}

/**
 * Every reference in the message: trailers such as `Fixes:`/`Closes:`/`Refs:` (one ref each),
 * issue/PR/MR URLs, `owner/repo#12`, `#12`, `GH-12`, a numbered bug ("bug 12345", "Debian
 * bug #12345", read as an issue) and ticket keys (`ABC-123`; only the
 * configured keys when `projectKeys` is non-empty). Positions are in the original text.
 * Fenced code is skipped, and so is a `#N` after a counting word ("case #29", "batch #3").
 */
export function findRefs(message: ParsedMessage, projectKeys: readonly string[] = []): Ref[] {
  const refs: Ref[] = [];
  const taken = new TakenSpans();
  for (const trailer of message.trailers) {
    // A bare URL ending the message has a trailer's shape to git ("https: //github.com/…"):
    // the line is the URL all the same, and an issue's URL is a reference.
    const url = URL_TRAILER_TOKEN.test(trailer.token) && trailer.value.startsWith("//") ? `${trailer.token}:${trailer.value}` : "";
    const type = isReferenceTrailer(trailer.token) ? "trailer" : ISSUE_URL.test(url) ? "url" : null;
    if (type === null) continue;
    refs.push({ type, id: type === "trailer" ? trailer.value : url, line: trailer.line, column: trailer.column, endLine: trailer.endLine, endColumn: trailer.endColumn });
    taken.add(trailer);
  }
  taken.settle();
  // Every pattern below needs a "#" or a digit, and the prose text is made of the message's own
  // lines: a message without either (half of git.git's) is not flagged and joined for nothing.
  if (!HASH_OR_DIGIT.test(message.text)) return sortRefs(refs);
  const trailerLines = new Set<number>();
  for (const trailer of message.trailers) for (let line = trailer.line; line <= trailer.endLine; line++) trailerLines.add(line);
  const mapped = mapLines(message.lines, proseFlags(message.lines, trailerLines));
  const text = mapped.text;
  if (!HASH_OR_DIGIT.test(text)) return sortRefs(refs);

  // Each pattern needs a character most messages lack; checking for it first skips the scans.
  // The loops run exec() on the module's own global patterns: matchAll() would copy each one.
  if (text.includes("://")) {
    URL_PATTERN.lastIndex = 0;
    for (let match = URL_PATTERN.exec(text); match !== null; match = URL_PATTERN.exec(text)) {
      if (ISSUE_URL.test(match[0])) addRef(refs, taken, mapped, "url", match[0], match.index);
      else taken.add(spanOf(mapped, match.index, match.index + match[0].length));
    }
    taken.settle();
  }
  // Before "#N": "Debian bug #12345" is one reference, not an issue of this repository.
  if (MAY_NAME_BUG.test(text)) {
    BUG_NUMBER.lastIndex = 0;
    for (let match = BUG_NUMBER.exec(text); match !== null; match = BUG_NUMBER.exec(text)) {
      const [whole, word, number] = match;
      if (!startsWord(text, match.index)) continue;
      const start = trackerNameStart(text, match.index);
      const end = match.index + whole.length;
      if (start === match.index && !whole.includes("#") && countsNoTicket(text, match.index, word, number, end)) continue;
      const written = text.slice(start, end);
      // The id as one line, its span as written: "Red Hat bug 1234567" for "Red\nHat bug 1234567".
      addRef(refs, taken, mapped, "issue", written.replace(/\s+/g, " "), start, written.length);
    }
    taken.settle();
  }
  if (text.includes("#")) {
    CROSS_REPO.lastIndex = 0;
    for (let match = CROSS_REPO.exec(text); match !== null; match = CROSS_REPO.exec(text)) addRef(refs, taken, mapped, "cross-repo", match[0], match.index);
    taken.settle();
    HASH_ISSUE.lastIndex = 0;
    for (let match = HASH_ISSUE.exec(text); match !== null; match = HASH_ISSUE.exec(text)) {
      // "case #29", "batch #3": the number counts an item of a series, it names no ticket.
      if (countsItem(text, match.index)) continue;
      addRef(refs, taken, mapped, "issue", match[0], match.index);
    }
    taken.settle();
  }
  if (!text.includes("-")) return sortRefs(refs);
  // Before ticket keys, which would read "CVE-2024" out of "CVE-2024-3094". Most messages name
  // no advisory: two substring checks spare them a pattern scan.
  if (text.includes("CVE-") || text.includes("GHSA-")) {
    ADVISORY.lastIndex = 0;
    for (let match = ADVISORY.exec(text); match !== null; match = ADVISORY.exec(text)) addRef(refs, taken, mapped, "advisory", match[0], match.index);
    taken.settle();
  }
  // "GH-12", ticket keys and a project's own keys ("ABC-123") all need a "-" right before a
  // digit, which most messages with a "-" lack ("built-in", "--force", "v2.3-rc1"); a walk over
  // the "-"s costs less than the two scans.
  if (!dashBeforeDigit(text)) return sortRefs(refs);
  GH_ISSUE.lastIndex = 0;
  for (let match = GH_ISSUE.exec(text); match !== null; match = GH_ISSUE.exec(text)) addRef(refs, taken, mapped, "issue", match[0], match.index);
  taken.settle();
  const keyed = ticketPattern(projectKeys);
  if (keyed) {
    keyed.lastIndex = 0;
    for (let match = keyed.exec(text); match !== null; match = keyed.exec(text)) addRef(refs, taken, mapped, "ticket", match[0], match.index);
  } else {
    TICKET_KEY.lastIndex = 0;
    for (let match = TICKET_KEY.exec(text); match !== null; match = TICKET_KEY.exec(text)) {
      const key = match[0].slice(0, match[0].lastIndexOf("-"));
      if (key.length < 2 || NOT_TICKET_KEYS.has(key)) continue;
      addRef(refs, taken, mapped, "ticket", match[0], match.index);
    }
  }
  return sortRefs(refs);
}

/**
 * The kinds of reference `value` names: a reference trailer's value ("Refs: ABC-123" names a
 * ticket, "Fixes: #12" an issue), which findRefs records as one `trailer` ref, so a rule asking
 * for ticket keys can accept it. The value is read by findRefs itself, as a one-line message.
 */
export function referenceKindsOf(value: string, projectKeys: readonly string[] = []): Set<Ref["type"]> {
  return new Set(findRefs(parseMessage(value, { cleanup: false }), projectKeys).map((ref) => ref.type));
}

const HASH_OR_DIGIT = /[#\d]/;

/** Whether `text` has a "-" right before an ASCII digit (what GH_ISSUE and ticket keys need). */
function dashBeforeDigit(text: string): boolean {
  for (let at = text.indexOf("-"); at >= 0; at = text.indexOf("-", at + 1)) {
    const next = text.charCodeAt(at + 1);
    if (next >= 48 && next <= 57) return true;
  }
  return false;
}
const FENCE = /^\s{0,3}(```|~~~)/;

/**
 * Records a reference at `text.slice(start, start + length)` unless it overlaps one already
 * taken; `length` is the id's own unless the id is written otherwise there (over a line wrap).
 */
function addRef(refs: Ref[], taken: TakenSpans, mapped: MappedText, type: Ref["type"], id: string, start: number, length = id.length): void {
  const span = spanOf(mapped, start, start + length);
  if (taken.overlaps(span)) return;
  taken.add(span);
  refs.push({ type, id, ...span });
}

/** A span's start or end as one number that orders positions (line first, then column). */
function positionKey(line: number, column: number): number {
  return line * 0x100000000 + column;
}

/**
 * The spans references (and non-issue URLs) already hold, which later matches may not overlap.
 * Each pattern's pass adds spans that never overlap one another (one global pattern's matches
 * do not), so a pass checks its matches only against the spans of the passes before it, kept
 * sorted: a binary search each instead of a look at every span taken. A message of thousands
 * of `#N` or `ABC-N` (a pasted list, a log) stays linear; it took seconds as a plain list.
 */
class TakenSpans {
  /** Start and end keys of the settled spans, sorted by start; they do not overlap, so ends are sorted too. */
  private starts: number[] = [];
  private ends: number[] = [];
  /** Spans added since the last `settle()`, as start and end keys. */
  private pending: number[] = [];

  add(span: Span): void {
    this.pending.push(positionKey(span.line, span.column), positionKey(span.endLine, span.endColumn));
  }

  /** Whether `span` overlaps a settled span (a binary search for the first one ending after its start). */
  overlaps(span: Span): boolean {
    const start = positionKey(span.line, span.column);
    const end = positionKey(span.endLine, span.endColumn);
    const ends = this.ends;
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ends[mid] <= start) low = mid + 1;
      else high = mid;
    }
    return low < ends.length && this.starts[low] < end;
  }

  /** Makes the spans added so far count for the next pass's `overlaps`. */
  settle(): void {
    const pending = this.pending;
    if (pending.length === 0) return;
    const pairs: [number, number][] = [];
    for (let index = 0; index < this.starts.length; index++) pairs.push([this.starts[index], this.ends[index]]);
    for (let index = 0; index < pending.length; index += 2) pairs.push([pending[index], pending[index + 1]]);
    pairs.sort((a, b) => a[0] - b[0]);
    this.starts = pairs.map((pair) => pair[0]);
    this.ends = pairs.map((pair) => pair[1]);
    this.pending = [];
  }
}

/** Which lines are prose: fenced code and the trailer block are not. */
function proseFlags(lines: readonly SourceLine[], trailerLines: ReadonlySet<number>): boolean[] {
  const flags: boolean[] = [];
  let inFence = false;
  for (const line of lines) {
    if (FENCE.test(line.text)) {
      inFence = !inFence;
      flags.push(false);
    } else flags.push(!inFence && !trailerLines.has(line.line));
  }
  return flags;
}

function sortRefs(refs: Ref[]): Ref[] {
  return refs.sort((a, b) => a.line - b.line || a.column - b.column);
}
