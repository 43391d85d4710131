// Where one of this package's documents is, as a path the reader can open: the CLI's messages
// point at its docs, which a user has in node_modules/rationale-cli/docs/, not in their project.
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `document` (a path in this package, such as "docs/scoring.md") as a path from `cwd`: relative
 * when it lies below `cwd` ("node_modules/rationale-cli/docs/scoring.md" in a project,
 * "docs/scoring.md" in this repository), else absolute (an `npx` or global install). The package
 * is found from this module's place: a few folders up from the bundle or the source. Without
 * it (a bundle moved elsewhere), `document` as given.
 */
export function docsPath(document: string, cwd: string = process.cwd()): string {
  let folder: string;
  try {
    folder = dirname(fileURLToPath(import.meta.url));
  } catch {
    return document;
  }
  for (let depth = 0; depth < 4; depth++, folder = dirname(folder)) {
    const path = join(folder, document);
    if (!existsSync(path)) continue;
    const shown = relative(cwd, path);
    return shown === "" || shown === ".." || shown.startsWith(`..${sep}`) || isAbsolute(shown) ? path : shown;
  }
  return document;
}
