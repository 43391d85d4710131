// The shapes every part of rationale shares: the parsed message, rules, findings and results.
// This file is the contract between the model, the engine, the rules, the CLI, the audit,
// the release step and the GitHub Action. Change it only with care: outside checks rely on it.

/** Rule severity as configured. `off` disables the rule. */
export type Severity = "off" | "warn" | "error";

/** What part of a message a rule or a score part is about. */
export type Category = "summary" | "why" | "what" | "context" | "format";

/** What sort of commit a message belongs to; decides which rules apply. */
export type MessageKind = "normal" | "merge" | "revert" | "fixup" | "bot" | "release";

/**
 * A span of the user's original text. Lines and columns are 1-based and count the way
 * editors do (JavaScript string units, CR of CRLF not counted). `endColumn` is exclusive:
 * the span "abc" at column 1 has endColumn 4.
 */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One line of the cleaned message, remembering where it stood in the original text. */
export interface SourceLine {
  /** The line's text without its line terminator (and without a trailing CR). */
  text: string;
  /** 1-based line number in the original, uncleaned text. */
  line: number;
}

/** A git trailer (`Token: value`) from the message's last paragraph. */
export interface Trailer extends Span {
  /** The token as written, e.g. `Signed-off-by`. */
  token: string;
  /** The value, continuation lines joined with a single space. */
  value: string;
}

/** An inline link or bare URL found in the body. */
export interface Link extends Span {
  url: string;
  /** Link text for `[text](url)`; the URL itself for a bare URL. */
  text: string;
}

/**
 * A block of the body, the part of Markdown structure rules need. Built either by a fast
 * line scanner (CommonMark's blocks as commit messages use them: paragraphs, lists, block
 * quotes, code, headings, thematic breaks and HTML) or from the remark-parse tree; both paths
 * produce the same shape for the same text (docs/message-model.md says where the scanner
 * defers to remark).
 */
export interface Block extends Span {
  type: "paragraph" | "list" | "listItem" | "code" | "heading" | "blockquote" | "html" | "table" | "thematicBreak";
  /** Raw text of the block's lines joined with "\n" (for lists and quotes, including markers). */
  text: string;
  /** Child blocks: list items of a list, blocks inside a list item or quote. */
  children?: Block[];
  /** For lists: whether ordered. */
  ordered?: boolean;
  /** For headings: depth 1-6. */
  depth?: number;
  /** For code blocks: the info string's language, when fenced with one. */
  lang?: string;
  /** Links and bare URLs inside this block (not inside code). */
  links?: Link[];
}

/** The parsed form of one commit message. Built once and shared by every rule. */
export interface ParsedMessage {
  /** The text as given, before any cleaning. */
  raw: string;
  /** The message as git would store it (comments, scissors, surrounding blank lines and CR removed). */
  text: string;
  /** Every line of `text`, each with its original line number. */
  lines: SourceLine[];
  /** The first line of `text`, or null for an empty message. */
  summary: SourceLine | null;
  /** True when the line right after the summary is blank, or when there is nothing after it. */
  blankAfterSummary: boolean;
  /** Body lines: after the summary (and its blank line), before the trailer block; outer blank lines dropped. */
  body: SourceLine[];
  /** `body` joined with "\n". Empty when there is no body. */
  bodyText: string;
  /** Trailers from the last paragraph, per git interpret-trailers rules. */
  trailers: Trailer[];
  /** The commit kind, from the summary and body texts. */
  kind: MessageKind;
  /** The block structure of the body (computed on first access). */
  readonly blocks: Block[];
  /**
   * The comment lines of the commit template git filled the editor with (`commit.template`),
   * trimmed, when the caller passed the template (`ParseOptions.template`): git drops them on
   * purpose, so rules do not report them as lost text. Undefined otherwise.
   */
  readonly templateComments?: ReadonlySet<string>;
}

/** How a message explains why the change was needed. */
export type WhyLevel = "explained" | "named" | "linked" | "evident" | "missing";
/** How a message says what the change does. */
export type WhatLevel = "explained" | "named" | "missing";

/** A reference to a ticket, issue, pull request or merge request. */
export interface Ref extends Span {
  /**
   * `ticket` (ABC-123), `issue` (#123, GH-123, Debian bug 12345), `cross-repo` (owner/repo#123), `url`, `trailer`,
   * `advisory` (a security advisory: CVE-2024-3094, GHSA-xxxx-xxxx-xxxx).
   */
  type: "ticket" | "issue" | "cross-repo" | "url" | "trailer" | "advisory";
  /** The reference as written: `ABC-123`, `#123`, `owner/repo#12`, the URL, or the trailer value. */
  id: string;
}

/** The content judgement of a message. Empty object before judging has run. */
export interface Facets {
  why?: WhyLevel;
  what?: WhatLevel;
  refs?: Ref[];
  /** False when the cues could not judge the text (e.g. not English); why/what are then unset. */
  judged?: boolean;
  /** Spans that decided each facet, so findings can point at them. */
  evidence?: { why?: Span[]; what?: Span[] };
  /** True when the body only restates the summary; it is then judged as no body. */
  restated?: boolean;
}

/** One problem found in a message. */
export interface Finding extends Span {
  ruleId: string;
  severity: Exclude<Severity, "off">;
  category: Category;
  message: string;
  /** The template id the message was built from. */
  messageId: string;
}

/** Points earned in one category, out of its weight. */
export interface ScorePart {
  score: number;
  max: number;
}

/** What `lint()` returns for one message. */
export interface LintResult {
  kind: MessageKind;
  /** True for fixup!/squash! commits and other messages not judged; `skipReason` says why. */
  skipped: boolean;
  skipReason?: string;
  /** 0-100 integer: the sum of `parts`. */
  score: number;
  /** No error-severity finding and score at or above the configured threshold (a merge: no error finding). */
  pass: boolean;
  findings: Finding[];
  facets: Facets;
  /** The score broken into categories: summary, why, what, context. */
  parts: Record<"summary" | "why" | "what" | "context", ScorePart>;
}

/** A JSON Schema fragment (the subset rationale uses for options and config). */
export interface JsonSchema {
  type?: "object" | "array" | "string" | "number" | "integer" | "boolean";
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  /** For a string: an ECMAScript pattern it must match (anchor it); `description` says it in words. */
  pattern?: string;
  enum?: readonly (string | number | boolean)[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  required?: string[];
  oneOf?: JsonSchema[];
  $ref?: string;
}

/** An expected finding in a rule example. `endLine`/`endColumn` are checked when given. */
export interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** A rule example: documentation and test case at once. */
export interface RuleExample {
  /** One sentence saying what the example shows. */
  title?: string;
  message: string;
  options?: Record<string, unknown>;
  /** Required for invalid examples: every finding the rule must report, in order. */
  findings?: ExpectedFinding[];
}

/** What a rule's `check` receives. */
export interface RuleContext<Options> {
  message: ParsedMessage;
  options: Options;
  facets: Facets;
  /** The configured ticket project keys (`projectKeys`); empty means any `KEY-123`. */
  projectKeys?: readonly string[];
  /** Report a problem at `span` using template `messageId`; `{name}` placeholders filled from `data`. */
  report(problem: { messageId: string; span: Span; data?: Record<string, string | number> }): void;
}

/** A rule definition: one per file under `rules/`. */
export interface RuleDefinition<Options extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  description: string;
  category: Category;
  defaultSeverity: Severity;
  /** Kinds the rule runs on. Default: normal, release and bot. */
  appliesTo?: readonly MessageKind[];
  /** Option schema: an object schema whose properties carry defaults. */
  options: JsonSchema;
  /** Message templates by id, with `{name}` placeholders. */
  messages: Record<string, string>;
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
  /**
   * What the schema cannot say about the options together ("soft must be below max"): a
   * problem to report as a config error, or undefined. Called with the merged options of a
   * rule the user configured.
   */
  checkOptions?(options: Options): string | undefined;
  check(context: RuleContext<Options>): void;
}

/** One rule's configured severity and options after presets and user config are merged. */
export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
}

/**
 * Configuration after `extends` is resolved, defaults applied and validation passed.
 * Built by `resolveConfig()`; `lint()` uses the recommended preset when none is given.
 */
export interface ResolvedConfig {
  /** Minimum score (0-100) for a message to pass. */
  threshold: number;
  /** Every known rule, with its effective severity and options. */
  rules: Record<string, RuleSetting>;
  /** Ticket project keys recognised as references (e.g. ["ABC", "JIRA"]); empty means any `KEY-123`. */
  projectKeys: string[];
  /** Sections owned by other commands (audit, release, action), validated by the schema, passed through. */
  audit?: Record<string, unknown>;
  release?: Record<string, unknown>;
  /** The config file this came from, for error messages; undefined for built-in defaults. */
  source?: string;
}

/** Options for `lint()`. */
export interface LintOptions {
  /** Resolved configuration; default: the `recommended` preset. */
  config?: ResolvedConfig;
  /** Comment character as in git's `core.commentChar` (`#` default, `auto` supported). */
  commentChar?: string;
  /**
   * How the text is cleaned, as parseMessage() takes it: true (default) as git's `strip` mode;
   * `"whitespace"` keeps comment lines (git's mode for `-m`/`-F`); `"scissors"` keeps them but
   * cuts at the scissors line; false when the text is already clean (from `git log`).
   */
  cleanup?: boolean | "whitespace" | "scissors";
  /**
   * Whether the commit has two or more parents, when known: then it, not the text, decides the
   * `merge` kind. Undefined: a default merge text makes a merge.
   */
  merge?: boolean;
  /** The commit template's text (`commit.template`), when git filled the editor with it: its comment lines are dropped on purpose. */
  template?: string;
}

/** A usage or configuration error: the CLI prints `message` (and `details`) and exits 2. */
export class UsageError extends Error {
  /**
   * The command-line option whose value does not fit the repository, when the error is about
   * one (`--version` when two packages changed version, a `--changelog` no released package
   * takes): the CLI ends the message with the pointer to the command's help, as for any usage
   * error. Unset for what the repository alone holds (a `--from` naming no commit, "nothing to
   * release", a missing changelog file), which docs/cli.md gives no pointer.
   */
  option?: string;

  /**
   * The option the message starts with, named as a library caller passes it and the CLI's flag
   * alike ("from" for gatherRelease()'s options.from and --from, "changelog" for an entry of
   * options.changelogs and --changelog): the CLI writes it as the flag (`--from v9 does not
   * name a commit`), so one message reads right for both.
   */
  leadingOption?: string;

  constructor(message: string, readonly details: string[] = []) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * A UsageError whose message starts with option `name` in the words both a library caller and
 * the CLI know it by (see UsageError.leadingOption); with `usage`, the value given does not fit
 * the repository, and the CLI points to its help too (see UsageError.option).
 */
export function leadingOptionError(name: string, message: string, details: string[] = [], usage = false): UsageError {
  const error = usage ? optionError(`--${name}`, message, details) : new UsageError(message, details);
  error.leadingOption = name;
  return error;
}

/** A UsageError about the value of command-line option `option` (see UsageError.option). */
export function optionError(option: string, message: string, details: string[] = []): UsageError {
  const error = new UsageError(message, details);
  error.option = option;
  return error;
}
