// Rule: the summary follows Conventional Commits: `type(scope)!: subject` with a known type.
import { closestName, defineRule, editDistance, lineSpan, rangeSpan } from "../src/engine/helpers.js";

// A type is a word as commitlint's parser reads one (\w: letters, digits, _), starting with a
// letter, plus "-": a team's "i18n" or "ui-fix" is a type, not a summary without one. The
// `types` option takes only such words: any other could never match a summary.
const TYPE = String.raw`[A-Za-z][\w-]*`;
const HEADER = new RegExp(String.raw`^(?<type>${TYPE})(?:\((?<scope>[^()]*)\))?(?<bang>!)?:(?: (?<subject>.*))?$`);

/**
 * The allowed type `type` most likely stands for: the same in other case ("Fix", "FEAT"), an
 * allowed type it starts with ("feature", "fixes", "tests"), "fix" for a kind of fix ("bugfix",
 * "hotfix", "quickfix"; not "prefix"), or one letter away ("chor"). Short types are too alike for more ("wip" is not "ci").
 */
function intendedType(type: string, allowed: readonly string[]): string | undefined {
  const lower = type.toLowerCase();
  return (
    allowed.find((name) => name.toLowerCase() === lower) ??
    allowed.find((name) => name.length >= 3 && lower.startsWith(name.toLowerCase())) ??
    (/^(?:bug|hot|quick)[-_]?fix(?:es)?$/.test(lower) && allowed.includes("fix") ? "fix" : undefined) ??
    (lower.length >= 4 ? allowed.find((name) => editDistance(lower, name.toLowerCase()) === 1) : undefined)
  );
}

export default defineRule<{ types: string[]; scopes: string[]; requireScope: boolean }>({
  id: "conventional-format",
  description: "Require Conventional Commits summaries: `type(scope)!: subject` with a type from the configured list.",
  category: "format",
  defaultSeverity: "off",
  appliesTo: ["normal", "release"],
  options: {
    type: "object",
    properties: {
      types: {
        type: "array",
        items: { type: "string", pattern: `^${TYPE}$`, description: "a type as a summary starts with it: a letter, then letters, digits, _ or -" },
        // No type at all would fail every summary, whatever it says.
        minItems: 1,
        default: ["feat", "fix", "docs", "style", "refactor", "perf", "test", "build", "ci", "chore", "revert"],
        description: "Allowed types (at least one), each as a summary starts with it: a letter, then letters, digits, `_` or `-` (`i18n`, `ui-fix`).",
      },
      scopes: {
        type: "array",
        // The header reads a scope up to the first ")", and empty parentheses are a finding of
        // their own: a scope with "(" or ")" in it, or a blank one, could never be allowed.
        items: { type: "string", pattern: String.raw`^[^()]*[^()\s][^()]*$`, description: "a scope as it stands in the parentheses: not blank, with no ( or )" },
        default: [],
        description: "Allowed scopes, each as it stands in the parentheses (not blank, no `(` or `)`); empty allows any scope.",
      },
      requireScope: { type: "boolean", default: false, description: "Require a scope in parentheses." },
    },
    additionalProperties: false,
  },
  messages: {
    format: "Summary does not follow Conventional Commits; write it as `type(scope): subject`, e.g. `fix(pager): keep scroll position on resize`.",
    type: "Type \"{type}\" is not one of the allowed types ({allowed}); pick the closest one.",
    typeNear: "Type \"{type}\" is not one of the allowed types ({allowed}); write \"{intended}\".",
    scopeEmpty: "Summary has empty parentheses after its type; name the scope in them{orDrop}.",
    scopeRequired: "Summary has no scope; add one after the type, e.g. `{type}(parser): …`.",
    scope: "Scope \"{scope}\" is not one of the allowed scopes ({allowed}); use one of them, or add it to the rule's `scopes` option.",
    scopeNear: "Scope \"{scope}\" is not one of the allowed scopes ({allowed}); did you mean \"{intended}\"?",
    subjectEmpty: "Summary has a type but no subject; say what the change does after `{prefix}: `.",
  },
  examples: {
    valid: [
      { title: "Type, scope and subject.", message: "fix(pager): keep scroll position on resize\n" },
      { title: "A breaking change marker.", message: "feat!: drop Node 18 support\n" },
      {
        title: "A type the `types` option lists may hold digits, `_` or `-`.",
        message: "i18n(settings): add the French strings\n",
        options: { types: ["feat", "fix", "i18n"] },
      },
    ],
    invalid: [
      {
        title: "No type at all.",
        message: "Keep scroll position on resize\n",
        findings: [{ messageId: "format", line: 1, column: 1, endLine: 1, endColumn: 31 }],
      },
      {
        title: "An unknown type.",
        message: "wip(pager): keep scroll position on resize\n",
        findings: [{ messageId: "type", line: 1, column: 1, endLine: 1, endColumn: 4 }],
      },
      {
        title: "A type that stands for an allowed one (\"bugfix\", \"Fix\", \"feature\") is told which.",
        message: "bugfix(pager): keep scroll position on resize\n",
        findings: [{ messageId: "typeNear", line: 1, column: 1, endLine: 1, endColumn: 7 }],
      },
      {
        title: "A scope outside the configured list, one letter from an allowed one.",
        message: "fix(pagr): keep scroll position on resize\n",
        options: { scopes: ["pager", "config"] },
        findings: [{ messageId: "scopeNear", line: 1, column: 5, endLine: 1, endColumn: 9 }],
      },
      {
        title: "A scope outside the configured list.",
        message: "fix(network): retry a refused connection once\n",
        options: { scopes: ["pager", "config"] },
        findings: [{ messageId: "scope", line: 1, column: 5, endLine: 1, endColumn: 12 }],
      },
      {
        title: "A required scope is missing.",
        message: "fix: keep scroll position on resize\n",
        options: { requireScope: true },
        findings: [{ messageId: "scopeRequired", line: 1, column: 1, endLine: 1, endColumn: 4 }],
      },
      {
        title: "Empty parentheses where the scope goes.",
        message: "fix(): keep scroll position on resize\n",
        findings: [{ messageId: "scopeEmpty", line: 1, column: 4, endLine: 1, endColumn: 6 }],
      },
      {
        title: "A type with nothing after it.",
        message: "fix(pager):\n",
        findings: [{ messageId: "subjectEmpty", line: 1, column: 1, endLine: 1, endColumn: 12 }],
      },
    ],
  },
  check({ message, options, report }) {
    const summary = message.summary;
    if (!summary || summary.text.trim() === "") return;
    const match = HEADER.exec(summary.text);
    if (!match?.groups) {
      report({ messageId: "format", span: lineSpan(summary) });
      return;
    }
    const { type, scope, bang, subject = "" } = match.groups;
    if (!options.types.includes(type)) {
      const intended = intendedType(type, options.types);
      const data = { type, allowed: options.types.join(", "), intended: intended ?? "" };
      report({ messageId: intended === undefined ? "type" : "typeNear", span: rangeSpan(summary, 0, type.length), data });
    }
    if (scope !== undefined && scope.trim() === "") {
      // "fix(): …": the parentheses promise a scope; the spec's scope is a noun in them.
      report({ messageId: "scopeEmpty", span: rangeSpan(summary, type.length, type.length + scope.length + 2), data: { orDrop: options.requireScope ? "" : `, or drop them: \`${type}: …\`` } });
    } else if (scope === undefined) {
      if (options.requireScope) report({ messageId: "scopeRequired", span: rangeSpan(summary, 0, type.length), data: { type } });
    } else if (options.scopes.length > 0 && !options.scopes.includes(scope)) {
      const start = type.length + 1;
      const intended = closestName(scope, options.scopes);
      const data = { scope, allowed: options.scopes.join(", "), intended: intended ?? "" };
      report({ messageId: intended === undefined ? "scope" : "scopeNear", span: rangeSpan(summary, start, start + scope.length), data });
    }
    if (subject.trim() === "") {
      // Quote the header as written: "after `fix: `" for "fix(pager):" would drop the scope. Its
      // length comes from the parts, as a scope may hold a colon of its own ("feat(api:v2):").
      const prefix = summary.text.slice(0, type.length + (scope === undefined ? 0 : scope.length + 2) + (bang === undefined ? 0 : 1));
      report({ messageId: "subjectEmpty", span: lineSpan(summary), data: { prefix } });
    }
  },
});
