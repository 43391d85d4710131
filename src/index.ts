// The library entry: `import { lint } from "rationale-cli"`.
// Loads the full Markdown parser up front so library users get remark's block structure.
import "./message/remark.js";

export { lint, lintParsed, FIXUP_SKIP_REASON } from "./lint.js";
export { parseMessage, type ParseOptions } from "./message/parse.js";
export { isDefaultMergeText, isDefaultRevertText } from "./message/kind.js";
export { resolveConfig, defaultConfig, loadConfig, findConfig, buildConfigSchema, PRESETS, PRESET_NAMES } from "./config/index.js";
export type { LoadConfigOptions, PresetName, RuleEntry } from "./config/index.js";
export { rules, rulesById } from "../rules/index.js";
export { runRules } from "./engine/run.js";
export { scoreMessage, PART_WEIGHTS, WHY_POINTS, WHAT_POINTS, CONTEXT_POINTS, SUMMARY_DEDUCTION } from "./engine/score.js";
export { judgeMessage } from "./judge/index.js";
export { findRefs } from "./judge/refs.js";
export { composeReleaseMessage, releaseFromStates, gatherRelease, memoryState } from "./release/index.js";
// The errors a release caller tells apart (all UsageErrors): each keeps the facts it states, for the caller to word.
export { NothingToReleaseError, EmptyRangeError, MissingChangelogError, MissingSectionError, SummaryTooLongError, TemplateProblemError, NotARepositoryError } from "./release/index.js";
export type { ReleaseInput, ReleasePackage, TreeState, GatherOptions, StatesOptions, TaggedPackage } from "./release/index.js";
export { installHook, type HookName, type HookPlan, type InstallHookOptions } from "./cli/hooks.js";
export * from "./types.js";
