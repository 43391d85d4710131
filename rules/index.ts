// The rule registry: every built-in rule, in documentation order.
// To add a rule: create rules/<id>.ts exporting its definition as default, import it here
// and append it to `rules` below.
import type { AnyRule } from "../src/engine/helpers.js";
import summaryEmpty from "./summary-empty.js";
import summaryMaxLength from "./summary-max-length.js";
import summaryVague from "./summary-vague.js";
import summaryMood from "./summary-mood.js";
import summaryTrailingPeriod from "./summary-trailing-period.js";
import summaryBlankLine from "./summary-blank-line.js";
import bodyRequired from "./body-required.js";
import bodyMaxLineLength from "./body-max-line-length.js";
import commentLinesDropped from "./comment-lines-dropped.js";
import coAuthoredByUnread from "./co-authored-by-unread.js";
import changeIdUnread from "./change-id-unread.js";
import mergeDefaultText from "./merge-default-text.js";
import revertDefaultText from "./revert-default-text.js";
import conventionalFormat from "./conventional-format.js";
import bodyWhy from "./body-why.js";
import whyOnlyLinked from "./why-only-linked.js";
import whatMissing from "./what-missing.js";
import referencesRequired from "./references-required.js";
import bodyOnlyTrailers from "./body-only-trailers.js";
import bodySquashedCommits from "./body-squashed-commits.js";
import releaseEmptyBody from "./release-empty-body.js";
import linkUnstableDocs from "./link-unstable-docs.js";

/** Every built-in rule. */
export const rules: readonly AnyRule[] = [
  summaryEmpty,
  summaryMaxLength,
  summaryVague,
  summaryMood,
  summaryTrailingPeriod,
  summaryBlankLine,
  bodyRequired,
  bodyMaxLineLength,
  commentLinesDropped,
  coAuthoredByUnread,
  changeIdUnread,
  mergeDefaultText,
  revertDefaultText,
  conventionalFormat,
  bodyWhy,
  whyOnlyLinked,
  whatMissing,
  referencesRequired,
  bodyOnlyTrailers,
  bodySquashedCommits,
  releaseEmptyBody,
  linkUnstableDocs,
];

/** Rules by id. */
export const rulesById: ReadonlyMap<string, AnyRule> = new Map(rules.map((rule) => [rule.id, rule]));
