// Reads a summary's relative clause about what its order acts on: "Reorganize the tests, which
// had grown unwieldy" tells why, as a body's sentence about today's code does.
import { insideCodeSpan } from "../message/inline.js";

/** Verbs that build a new thing: after them a relative clause tells what the new thing does. */
const BUILDS = /^(?:add|adds|added|adding|introduce[sd]?|introducing|implement(?:s|ed|ing)?|create[sd]?|creating|provide[sd]?|providing|offer(?:s|ed|ing)?|teach(?:es)?|taught|teaching|support(?:s|ed|ing)?|new)$/i;

/**
 * A merge of what git merges (a branch, tag, commit, pull or merge request, a ref or a URL): the
 * merge brings it in, so a relative clause after it tells what it holds ("Merge branch 'x',
 * which has the fix"). Not "Merge" as an order that joins things of today ("Merge the two
 * config loaders, which had drifted apart"), whose clause tells how they are, as after any order.
 */
const MERGES_IN =
  /^merg(?:e[sd]?|ing)\s+(?:in\s+)?(?:(?:remote-tracking\s+)?branch(?:es)?\b|tags?\b|commits?\b|(?:pull|merge)\s+requests?\b|PRs?\b|MRs?\b|['"`]|[\w.-]+\/|[\w.-]*[#!]\d|(?:https?|git|ssh|file):\/\/)/i;

/**
 * Verbs of a malfunction in the present or the past: "which leaks on exit", "that crashed on
 * empty input" tell how the object behaves, as "which is leaking" does.
 */
const MALFUNCTIONS = "leaks|leaked|crashes|crashed|hangs|hung|breaks|broke|fails|failed|deadlocks|deadlocked|corrupts|corrupted|overflows|overflowed|segfaults|segfaulted|panics|panicked|misbehaves|misbehaved";

/**
 * ", which" or ", that" after the order's object, then a copula, an auxiliary, a modal or a verb
 * of a malfunction (MALFUNCTIONS; an adverb before it at most): the clause says how the object is
 * or was, not what the change does.
 * Not "that is," or "that is to say", which restate the object ("Split the tests, that is, the
 * slow ones"). Group 1 is the clause from its pronoun on.
 */
const STATE_CLAUSE = new RegExp(
  String.raw`,\s+(?!that\s+is\b\s*(?:[,:;]|to\s+say\b|$))((?:which|that)\s+(?:[a-z]+ly\s+)?(?:is|was|were|are|has|had|have|gets|got|does|did|doesn't|isn't|wasn't|weren't|hasn't|never|can|cannot|can't|may|might|would|will|${MALFUNCTIONS})\b.*)$`,
  "i",
);

/**
 * A clause that only states its object's old value and closes with a comma before the summary
 * goes on: "Change the default, which was 10, to 20", "Rename the flag, which was `-q`, to `-s`",
 * "Raise the limit, which is 4 KiB, to 64 KiB". The value is part of what the change does (from
 * what to what), not how the object stands as a reason to change it. A copula, then a number
 * (with a unit at most), a literal word (true, false, null, none, on, off, unset) or a quoted
 * string, then the comma and the new value ("to", "with", "by", "from", "into", "in favour of").
 * A clause that says more ("which was 10 and too low, …"), ends the summary ("Drop the limit,
 * which was 10") or goes on to no new value ("Initialize the pointer, which is null, on first
 * use": the state it is in) is read as before.
 */
const OLD_VALUE_CLAUSE =
  /^(?:which|that)\s+(?:[a-z]+ly\s+)?(?:is|was|were|are|has\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?(?:(?:set\s+to|at)\s+)?(?:[-+]?\d[\w.:%]*(?:\s+[A-Za-z]+)?|(?:true|false|null|nil|none|on|off|unset)\b|'[^']*'|"[^"]*"|`[^`]*`|\u2018[^\u2019]*\u2019|\u201c[^\u201d]*\u201d)\s*,\s+(?:to|from|into|with|by|back\s+to|in\s+favou?r\s+of)\b/i;

/**
 * A clause whose "fails" tells what the object is for, not a malfunction: "fails" with an object
 * ("Rename the check, which fails the build on warnings, to …": the check's job) or "without" or
 * "unless" after it ("Extend the test, which fails without the fix": a regression test doing its
 * job). "which fails on empty input" or "which fails when …" still tell a fault.
 */
const FAILS_BY_PURPOSE =
  /^(?:which|that)\s+(?:[a-z]+ly\s+)?fail(?:s|ed)?\s+(?:the|a|an|any|every|all|each|these|those|without|unless)\b/i;

/**
 * Where the summary's core (`core`, its order's verb first) tells how the thing it acts on is
 * today, in a relative clause after a comma, as [start, end), or null: "Reorganized the
 * AssertTest, which had grown unwieldy", "diff.c: Do not initialize a variable, which gets
 * reassigned anyway", "Make non-static functions, that may be static, static". A reason in the
 * summary, as "so that …" is. Not after a verb that builds a new thing ("Add a check-files
 * command, which is useful for scripting" tells what the new command is; "Merge branch 'x',
 * which has the fix" what the branch brings), and not without an order first (a summary of no
 * verb is a statement), nor in quoted code or a quoted string ("Drop the `x, which is y`
 * workaround"), nor a clause that only gives the object's old value (OLD_VALUE_CLAUSE) or
 * whose "fails" is the object's job (FAILS_BY_PURPOSE).
 */
export function summaryStateClause(core: string, lemmaIsVerb: boolean): [number, number] | null {
  if (!lemmaIsVerb || !core.includes(", ")) return null;
  const first = /^[A-Za-z'-]+/.exec(core);
  if (first === null || BUILDS.test(first[0]) || MERGES_IN.test(core)) return null;
  const match = STATE_CLAUSE.exec(core);
  if (match === null || insideCodeSpan(core, match.index) || insideQuotes(core, match.index) || OLD_VALUE_CLAUSE.test(match[1]) || FAILS_BY_PURPOSE.test(match[1])) return null;
  const start = match.index + match[0].length - match[1].length;
  return [start, core.replace(/[\s.]+$/, "").length];
}

/** Whether offset `at` of `text` lies inside a double-quoted string: an odd number of straight double quotes before it. */
function insideQuotes(text: string, at: number): boolean {
  let quotes = 0;
  for (let index = 0; index < at; index++) if (text.charCodeAt(index) === 0x22) quotes++;
  return quotes % 2 === 1;
}
