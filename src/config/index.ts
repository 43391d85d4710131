// Configuration: presets, validation, discovery and the JSON Schema, in one import.
export { resolveConfig, defaultConfig, CONFIG_KEYS } from "./resolve.js";
export { loadConfig, findConfig, readConfigFile, CONFIG_FILE_NAMES, type LoadConfigOptions } from "./load.js";
export { PRESETS, PRESET_NAMES, DEFAULT_THRESHOLD, type Preset, type PresetName, type RuleEntry } from "./presets.js";
export { buildConfigSchema } from "./schema.js";
