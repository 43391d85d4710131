// The built-in presets: recommended (the default), strict and conventional.
import type { Severity } from "../types.js";

/** A rule entry as written in config: `"warn"`, `["error"]` or `["error", { options }]`. */
export type RuleEntry = Severity | [Severity] | [Severity, Record<string, unknown>];

/** A preset: changes applied on top of the rules' own defaults, in `extends` order. */
export interface Preset {
  description: string;
  threshold?: number;
  /** Set every rule back to its own default severity and options first, undoing the presets before it. */
  fromDefaults?: boolean;
  /** Raise every rule that is at `warn` to `error` (before this preset's own `rules`). */
  promoteWarnings?: boolean;
  rules: Record<string, RuleEntry>;
}

/** Pass threshold when no preset or config sets one. */
export const DEFAULT_THRESHOLD = 60;

/** Built-in presets by name. */
export const PRESETS = {
  recommended: {
    description: "Each rule at its default severity and options; pass threshold 60.",
    threshold: DEFAULT_THRESHOLD,
    // Listed after strict ("extends": ["strict", "recommended"]) it must mean what it says,
    // every rule at its default, not strict's rules under recommended's threshold.
    fromDefaults: true,
    rules: {},
  },
  strict: {
    description: "Every warning becomes an error, the 50-character soft summary limit warns, bodies need 8 words; threshold 75.",
    threshold: 75,
    promoteWarnings: true,
    rules: {
      "summary-max-length": ["error", { soft: 50 }],
      "merge-default-text": "error",
      "body-required": ["error", { minWords: 8 }],
    },
  },
  conventional: {
    description: "Adds Conventional Commits checks (`conventional-format` at error) to whatever it extends.",
    rules: { "conventional-format": "error" },
  },
} satisfies Record<string, Preset>;

/** A built-in preset's name. */
export type PresetName = keyof typeof PRESETS;

/** Names of the built-in presets. */
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];
