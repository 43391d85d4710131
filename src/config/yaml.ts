// Loads the `yaml` package on demand, however the runtime presents its CommonJS build.
import type * as Yaml from "yaml";

/**
 * Imports `yaml` (only when a YAML file is read). Node gives named exports for its CommonJS
 * build, but esbuild's split bundle (dist/cli.js) exposes such a chunk only as `default`, so
 * destructuring the import directly yields undefined there.
 */
export async function loadYaml(): Promise<typeof Yaml> {
  const module = (await import("yaml")) as typeof Yaml & { default?: typeof Yaml };
  return typeof module.parseDocument === "function" ? module : (module.default as typeof Yaml);
}
