// git commit's long options, and the abbreviations git reads as them, for the hook's retry and release commit's advice.

/** `git commit` long options that take a value as the next argument when not given with `=`. */
export const LONG_WITH_VALUE: readonly string[] = ["message", "file", "reuse-message", "reedit-message", "fixup", "squash", "template", "author", "date", "cleanup", "trailer", "pathspec-from-file"];
/** Other `git commit` long options (flags, or values only with `=`), for resolving abbreviations. */
export const LONG_FLAGS: readonly string[] = [
  "all", "patch", "interactive", "include", "only", "signoff", "no-signoff", "verify", "no-verify", "allow-empty", "allow-empty-message",
  "edit", "no-edit", "amend", "no-post-rewrite", "reset-author", "short", "branch", "porcelain", "long", "null", "dry-run", "status",
  "no-status", "gpg-sign", "no-gpg-sign", "untracked-files", "verbose", "quiet", "no-quiet", "pathspec-file-nul", "ahead-behind", "no-ahead-behind",
];

/**
 * The `git commit` long options `name` (without `--` or `=value`) may be: itself when it is one,
 * else every option it is a prefix of. git takes a prefix naming one option as that option, from
 * one letter on (`--me` is `--message`, `--o` is `--only`), and refuses one naming several.
 */
export function longOptionsNamed(name: string): string[] {
  const all = [...LONG_WITH_VALUE, ...LONG_FLAGS];
  if (all.includes(name)) return [name];
  return name === "" ? [] : all.filter((option) => option.startsWith(name));
}
