// Recognises a body that only lists squashed development commits ("* wip", "* fix tests").
import type { SourceLine } from "../types.js";

const LIST_ITEM = /^\s*(?:[-*+•]|\d+[.)])\s+(.*\S)\s*$/;

/** A development-step commit summary that says nothing to a later reader. */
const DEVELOPMENT_STEP = /^(?:wip\b.*|w\.i\.p\.?|fix(?:es|ed|ing)?(?: (?:the |a |some )?(?:tests?|build|ci|lint|typos?|it|this|that|compilation(?: errors?)?|conflicts?|issues?|bugs?|comments?|review|checkstyle|style|formatting|imports?|merge))*|fixup!?.*|squash!?.*|amend!?.*|typos?|tests?|(?:add|update|fix)(?:ed)? tests?|address(?:ed|ing)? (?:the )?(?:pr |code )?(?:review|comments?|feedback|suggestions?).*|(?:code )?review(?: comments| feedback| fixes)?|apply (?:suggestions?|review).*|(?:clean ?up|cleanup|lint|linting|format(?:ting)?|spotless|checkstyle|prettier|reformat)\b.*|oops.*|update [\w./-]+\.\w+|(?:update|updated|changes|more changes|minor(?: \w+)?|small fix(?:es)?|tweaks?|polish|rework|refactor|simplify|comments?|rename|todo|temp|tmp|try again|retry|again|done|ci|build|debug|more|stuff|\.+)|merge (?:branch|remote|master|main|upstream).*|revert .*|remove (?:debug|logging|unused imports?|println).*)[.!]?$/i;

/**
 * True when the prose lines are nothing but a list of at least two items and at least half
 * of them are development steps ("wip", "fix tests", "address review") or repeat another item.
 */
export function isSquashedCommitList(lines: readonly SourceLine[]): boolean {
  const items: string[] = [];
  for (const line of lines) {
    if (line.text.trim() === "") continue;
    const match = LIST_ITEM.exec(line.text);
    if (!match) return false;
    items.push(match[1]);
  }
  if (items.length < 2) return false;
  const seen = new Set<string>();
  let noise = 0;
  for (const item of items) {
    const key = item.toLowerCase();
    if (DEVELOPMENT_STEP.test(item) || seen.has(key)) noise++;
    seen.add(key);
  }
  return noise * 2 >= items.length;
}

/** The list items of a squashed-commit list, with their lines (for findings). */
export function listItems(lines: readonly SourceLine[]): SourceLine[] {
  return lines.filter((line) => LIST_ITEM.test(line.text));
}
