// The release step's public API: parse changelogs, find bumped packages, compose the release commit message.
export { composeReleaseMessage, composeSummary, DEFAULT_TEMPLATE, SummaryTooLongError, TemplateProblemError } from "./compose.js";
export type { ReleaseChangelog, ReleaseInput, ReleasePackage } from "./compose.js";
export { findChangelogSection, parseChangelog, previousRelease, MissingSectionError } from "./changelog.js";
export type { Changelog, ChangelogSection } from "./changelog.js";
export { renderSection } from "./render.js";
export type { RenderOptions, RenderedSection } from "./render.js";
export { discoverPackages, memoryState } from "./manifests.js";
export type { ManifestPackage, TreeState } from "./manifests.js";
export { gatherRelease, releaseFromStates, NothingToReleaseError, EmptyRangeError, MissingChangelogError, MANIFEST_NAMES } from "./gather.js";
export type { GatherOptions, StatesOptions, TaggedPackage } from "./gather.js";
export { NotARepositoryError } from "./git.js";
export { prepareCommitMessage } from "./prepare.js";
export type { PrepareOptions, PrepareResult } from "./prepare.js";
