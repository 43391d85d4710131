// The environment for a git whose error messages are read: git's own words, whatever the locale.

/**
 * `process.env` with git's messages left untranslated (`LC_ALL=C`), plus `extra`. Where an
 * error is told by git's text ("not a git repository", "is outside repository"), a German or
 * French git would say it in words no pattern matches, and the user would get git's message
 * half in another language instead of the one-line error with its fix. Only for git commands
 * whose output is read, never for one the user sees or works in (`release commit`'s
 * `git commit`, with its editor and hooks, keeps the user's locale).
 */
export function gitEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: "C", ...extra };
}
