// The message model's public surface: parsing, cleanup, trailers, kinds and body blocks.
export { parseMessage, blocksForBody, type ParseOptions } from "./parse.js";
export { cleanMessageLines, detectAutoCommentChar, AUTO_COMMENT_CANDIDATES, type CleanupOptions } from "./cleanup.js";
export { findTrailerBlock, separatorIndex, CHERRY_PICK_TOKEN, type TrailerBlock } from "./trailers.js";
export {
  classifyKind,
  isFixupSummary,
  isMergeSummary,
  isRevertMessage,
  isReleaseSummary,
  isBotMessage,
  isDefaultMergeText,
  isDefaultRevertText,
  type KindInput,
} from "./kind.js";
export { blocksFromScanner, needsMarkdownParser, scanBlocks } from "./blocks.js";
export { ensureMarkdown, isMarkdownParserLoaded, registerMarkdownParser, type MarkdownBlockParser } from "./markdown.js";
