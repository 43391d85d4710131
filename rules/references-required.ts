// Rule: the message references a ticket, issue or pull request (off by default).
import { defineRule, referenceKindsOf } from "../src/engine/helpers.js";
import type { Ref } from "../src/types.js";

const REF_TYPES = ["ticket", "issue", "cross-repo", "url", "trailer", "advisory"] as const;

/** How the message names each kind, and a line that adds one (`{key}`: the first project key). */
const KIND_WORDS: Record<(typeof REF_TYPES)[number], { noun: string; example: string }> = {
  ticket: { noun: "a ticket ({key}-123)", example: "Refs: {key}-123" },
  issue: { noun: "an issue or pull request (#12)", example: "Fixes #12" },
  "cross-repo": { noun: "an issue of another repository (owner/repo#12)", example: "Refs: owner/repo#12" },
  url: { noun: "an issue or pull request URL", example: "Refs: https://github.com/owner/repo/issues/12" },
  trailer: { noun: "a trailer (Refs:, Fixes:)", example: "Refs: {key}-123" },
  advisory: { noun: "a security advisory (CVE-…, GHSA-…)", example: "Fixes: CVE-2024-3094" },
};

export default defineRule<{ types: string[] }>({
  id: "references-required",
  description: "Require a reference to a ticket, issue or pull request (off by default; for teams that link every change).",
  category: "context",
  defaultSeverity: "off",
  appliesTo: ["normal"],
  options: {
    type: "object",
    properties: {
      types: {
        type: "array",
        items: { type: "string", enum: REF_TYPES },
        // No kind at all would fail every message, whatever it references.
        minItems: 1,
        default: [...REF_TYPES],
        description: "Reference kinds that count (at least one): ticket (ABC-123), issue (#12, GH-12, bug 12345, Debian bug #12345), cross-repo (owner/repo#12), url, trailer (Fixes:, Refs:; one naming a ticket, issue, URL or advisory also counts as that kind), advisory (CVE-2024-3094, GHSA-…).",
      },
    },
    additionalProperties: false,
  },
  messages: {
    missing: "Message has no reference {wanted}; add one at the end (e.g. {example}).",
  },
  examples: {
    valid: [
      { title: "A trailer reference.", message: "Add retry option to the HTTP client\n\nUploads fail during deploys.\n\nRefs: OPS-12\n" },
      { title: "An issue number in the summary.", message: "Add retry option to the HTTP client (#41)\n" },
      { title: "A tracker's numbered bug is an issue.", message: "Retry a resumed upload once\n\nUploads fail after a resume. Fixes Firefox bug 52840.\n" },
      { title: "So is a numbered bug with no tracker's name, with or without `#`.", message: "Retry a resumed upload once\n\nUploads fail after a resume. See bug #52840.\n" },
      {
        title: "A ticket key in a trailer is a ticket: `Refs: OPS-12` counts when only tickets do.",
        message: "Add retry option to the HTTP client\n\nUploads fail during deploys.\n\nRefs: OPS-12\n",
        options: { types: ["ticket"] },
      },
    ],
    invalid: [
      {
        title: "No reference: the finding points after the last line, where trailers go.",
        message: "Add retry option to the HTTP client\n\nUploads fail during deploys.\n",
        findings: [{ messageId: "missing", line: 4, column: 1, endLine: 4, endColumn: 1 }],
      },
      {
        title: "Only ticket keys count when configured so.",
        message: "Add retry option to the HTTP client (#41)\n",
        options: { types: ["ticket", "trailer"] },
        findings: [{ messageId: "missing", line: 2, column: 1, endLine: 2, endColumn: 1 }],
      },
      {
        title: "A count after \"bug\" names no ticket.",
        message: "Retry a resumed upload once\n\nUploads failed after a resume; we hit the bug 100 times.\n",
        findings: [{ messageId: "missing", line: 4, column: 1, endLine: 4, endColumn: 1 }],
      },
    ],
  },
  check({ message, facets, options, projectKeys, report }) {
    if (!message.summary) return;
    const accepted = new Set(options.types);
    // "Refs: ABC-123" is one trailer ref; it names a ticket all the same.
    const counts = (ref: Ref) =>
      accepted.has(ref.type) || (ref.type === "trailer" && [...referenceKindsOf(ref.id, projectKeys)].some((kind) => accepted.has(kind)));
    if ((facets.refs ?? []).some(counts)) return;
    const last = message.lines[message.lines.length - 1];
    const line = last.line + 1;
    report({ messageId: "missing", span: { line, column: 1, endLine: line, endColumn: 1 }, data: wanted(options.types, projectKeys?.[0] ?? "ABC") });
  },
});

/**
 * What the message lacks and how to add it, for the kinds that count: an example of a kind the
 * project does not accept ("Fixes #12" where only tickets count) would be advice that fails.
 */
function wanted(types: readonly string[], key: string): { wanted: string; example: string } {
  const kinds = REF_TYPES.filter((kind) => types.includes(kind));
  if (kinds.length === REF_TYPES.length) return { wanted: "to a ticket, issue or pull request", example: `"Refs: ${key}-123" or "Fixes #12"` };
  const words = kinds.map((kind) => KIND_WORDS[kind]);
  const examples = [...new Set(words.map((word) => `"${word.example.replace("{key}", key)}"`))].slice(0, 2);
  // A trailer is where a reference is, not what it points to: "no reference in a trailer".
  const nouns = kinds.filter((kind) => kind !== "trailer").map((kind) => KIND_WORDS[kind].noun.replace("{key}", key));
  const to = nouns.length > 1 ? `to ${nouns.slice(0, -1).join(", ")} or ${nouns.at(-1)}` : nouns.length === 1 ? `to ${nouns[0]}` : "";
  const inTrailer = kinds.includes("trailer") ? `in ${KIND_WORDS.trailer.noun}` : "";
  return { wanted: [to, inTrailer].filter(Boolean).join(", or "), example: examples.join(" or ") };
}
