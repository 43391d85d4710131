// Reads the labels that head a body's reason or change ("Why:", "Motivation:", "Changes:").
import { isMeaningfulLabelText } from "../message/trailers.js";
import type { CueHit, FeatureName } from "./cue-hits.js";
import { LABEL_WORD, saysItsOwn } from "./restatement.js";
import { spanOf, type MappedText } from "./text.js";

// A line that heads the reason or the change with a label ("Why: …", "Motivation:" over a
// paragraph, as in Netty's template): the writer says outright which is which.
const WHY_LABEL = /^[ \t]*(?:why|reasons?|rationale|motivation|problem|root[ -]cause|cause|background|context)[ \t]*:/i;
const WHAT_LABEL = /^[ \t]*(?:what|how|changes|modifications|solution|approach)[ \t]*:/i;

/** Where a label's colon can be at the latest ("   Root cause:"). */
const LABEL_COLON_LIMIT = 16;

/**
 * Sets bodyChangeDescription for a what label that some text follows, and bodyCausal for a why
 * label whose text gives a reason of its own: at least six words, most of them not the
 * summary's ("Motivation: We need a getter for maxHeaderSize." under "Add getter for
 * maxHeaderSize" restates the change; a template heading is no reason by itself). A line at a
 * time, with a colon test first: a multi-line pattern anchored at line starts cost 2% of a
 * whole judgement.
 */
export function findLabels(values: Record<FeatureName, number>, hits: CueHit[], map: MappedText, summary: string): void {
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

/** True when `reason` has six words or more and most of its content words are not the summary's. */
function givesOwnReason(reason: string, summary: string): boolean {
  return (reason.match(LABEL_WORD) ?? []).length >= 6 && saysItsOwn(reason, summary, 1);
}
