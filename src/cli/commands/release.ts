// Registers `rationale release` (compose, commit, prepare-commit-msg); the release modules load only when a subcommand runs.
import { Option, type AddHelpTextContext, type Command } from "commander";
import { docsPath } from "../../docs-path.js";
import { examplesHelp } from "../help.js";
import type { UsageError } from "../../types.js";
import { echoOneLine, echoValue, jsonQuote } from "../../echo-value.js";
import { releaseCommitRefusal } from "../errors.js";

/** Why compose and commit exit 2, in each one's help and in `release --help`. */
const EXIT_2 = "2 usage, repository or configuration error (not a repository, a missing or invalid config, nothing bumped, changelog missing)";
/** How `release commit` passes on git's exit status. */
const GIT_STATUS = "git commit's status when git fails (128 + the signal's number when a signal ends it)";

// The docs path is found when the help is shown: it depends on the current directory.
const examples = (context: AddHelpTextContext): string =>
  examplesHelp(
    [
      ["rationale release compose", "message for the staged version bump"],
      ["rationale release compose --from v1.1.0 --to HEAD --output msg.txt", "what HEAD releases since v1.1.0, written to msg.txt"],
      ["rationale release compose --changelog CHANGELOG.md --version 1.2.0", "a release named by its changelog section, no bump"],
      ["rationale release commit -s", "commit the staged release, signed off"],
      ["rationale init --release", "pre-fill hand-made release commits"],
    ],
    "The release is what changed version between the two states (default: HEAD and the index) in " +
      "package.json (npm/pnpm/yarn workspaces), Cargo.toml (cargo workspaces) and pyproject.toml; " +
      `each package's section comes from the CHANGELOG.md beside its manifest. See ${docsPath("docs/release.md")}.`,
    `Exit status: 0 done, ${EXIT_2}; release commit exits with ${GIT_STATUS}.`,
  )(context);

/** Options shared by `compose` and `commit`. */
interface ComposeFlags {
  changelog?: string[];
  version?: string;
  trailer?: string[];
  template?: string;
  config?: string;
  allowMissingChangelog?: boolean;
}

interface CommitFlags extends ComposeFlags {
  signoff?: boolean;
  signOff?: boolean;
  gpgSign?: string | boolean;
  verify?: boolean;
  edit?: boolean;
}

// No default list: commander would print it in the help as "(default: [])".
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function addComposeOptions(command: Command): Command {
  return command
    .option("--changelog <PATH>", "changelog to take the section from instead of each package's CHANGELOG.md (repeatable)", collect)
    .option("--version <V>", "changelog version to describe (one package, or a release with no manifest change)")
    .option("--allow-missing-changelog", "a released package without a changelog gets its version line only (name old -> new), instead of an error")
    .option("--trailer <TRAILER>", 'add a trailer, e.g. "Refs: ABC-123" (repeatable; kept last)', collect)
    .option("--template <TEXT>", "summary template: {packages}, {count}, {name}, {version} (default: config release.template, else 'chore(release): {packages}')")
    .option("--config <FILE>", "config file to read release.template from, instead of searching upward (with --template, only checked)");
}

/** Adds the `release` command group to the program. */
export function register(program: Command): void {
  const release = program
    .command("release")
    .summary("compose release commit messages from versions and changelogs")
    .description(
      "Compose the release commit's message from what it releases: each package whose version changed, " +
        "old -> new, and its changelog section as plain-text Markdown.",
    )
    .addHelpText("after", examples);

  addComposeOptions(
    release
      .command("compose")
      .summary("print (or write) the release commit message")
      .description("Print the release commit message for the staged changes, or for --from REV --to REV."),
  )
    .option("--from <REV>", "state before the release (default: HEAD)")
    .option("--to <REV>", "state released (default: the index); needs --from")
    .option("-o, --output <FILE>", "write the message to FILE instead of stdout (- is stdout)")
    .addHelpText(
      "after",
      examplesHelp([
        ["rationale release compose", "message for the staged version bump"],
        ["rationale release compose --from origin/main --to release-plz-branch", "message for merging a release branch"],
        ["rationale release compose --allow-missing-changelog", "a package without a changelog gets its versions only"],
        // In the git directory, out of the work tree; short enough for help 40 columns wide.
        ['rationale release compose --trailer "Refs: REL-12" --output "$(git rev-parse --git-path MSG)"', "with a trailer, written to a file in the git directory"],
      ], `Exit status: 0 done, ${EXIT_2}.`),
    )
    .action(async (flags: ComposeFlags & { from?: string; to?: string; output?: string }, command: Command) => {
      await assertValidFlags(command, flags);
      await pointingToHelp(command, async () => {
        const { message, changelogs } = await composeFromRepository(flags, { ...(flags.from ? { from: flags.from } : {}), ...(flags.to ? { to: flags.to } : {}) });
        // "-" is standard output, as for `rationale audit -o -` (a file named "-" is "./-").
        if (flags.output && flags.output !== "-") await writeOutput(flags.output, message, changelogs);
        else process.stdout.write(message);
      });
    });

  const commit = addComposeOptions(
    release
      .command("commit")
      .summary("make the release commit with the composed message (git commit -F)")
      .description(
        "Compose the message for the staged release and run `git commit -F` with it. -s, -S, --no-gpg-sign, " +
          "-n and -e pass through to git commit; give any other git commit option after `--` (not one that gives the message or commits more than the index, nor a path).",
      ),
  )
    .option("-s, --signoff", "add a Signed-off-by trailer (git commit --signoff)")
    .addOption(new Option("--sign-off", "same as --signoff").hideHelp())
    .option("-S, --gpg-sign [KEYID]", "GPG-sign the commit (git commit -S); a key goes attached, as git takes it: -SKEYID, --gpg-sign=KEYID")
    .option("--no-gpg-sign", "do not sign, overriding commit.gpgSign")
    .option("-n, --no-verify", "skip the pre-commit and commit-msg hooks")
    .option("-e, --edit", "open the composed message in the editor before committing")
    .argument("[git-options...]", "more git commit options, after --")
    .addHelpText(
      "after",
      examplesHelp([
        ["git add package.json CHANGELOG.md && rationale release commit -s", "stage the release, commit it signed off"],
        ['rationale release commit -S --trailer "Refs: REL-12"', "GPG-signed, with a trailer"],
        ['rationale release commit -- --author "Release Bot <bot@example.com>"', "any other git commit option goes after --"],
      ], `Exit status: 0 committed, ${EXIT_2}; ${GIT_STATUS}.`),
    )
    .action(async (gitOptions: string[], flags: CommitFlags, command: Command) => {
      await refuseGitOptions(command, gitOptions);
      await assertValidFlags(command, flags);
      const { message } = await pointingToHelp(command, () => composeFromRepository(flags, {}));
      const args = ["commit"];
      if (flags.signoff || flags.signOff) args.push("--signoff");
      if (flags.gpgSign === true) args.push("--gpg-sign");
      else if (typeof flags.gpgSign === "string") args.push(`--gpg-sign=${flags.gpgSign}`);
      else if (flags.gpgSign === false) args.push("--no-gpg-sign");
      if (flags.verify === false) args.push("--no-verify");
      if (flags.edit) args.push("--edit");
      process.exitCode = await commitWithMessage(message, [...args, ...gitOptions]);
    });
  refuseSeparateKey(commit);
  refuseWordsBeforeSeparator(commit);

  release
    .command("prepare-commit-msg")
    .summary("pre-fill a release commit's message (the prepare-commit-msg hook)")
    .description(
      "Run by the prepare-commit-msg hook that `rationale init --release` installs. When the staged " +
        "changes bump a version and its changelog section, writes the release message into FILE above " +
        "git's comments. A -m/-F message that is only a release summary (npm version's \"1.2.3\") keeps its " +
        "summary and gets the composed body (with --amend, the bump of the commit amended counts). Leaves FILE alone for " +
        "other -m/-F messages, merges, squashes, other amends and -c/-C, and when nothing is bumped. Never fails the commit: a release it cannot describe is a warning.",
    )
    .argument("<FILE>", "the message file git passes as $1")
    .argument("[SOURCE]", "git's $2: message, template, merge, squash or commit")
    .argument("[SHA]", "git's $3 (the commit for -c/-C/--amend)")
    .option("--template <TEXT>", "summary template (see release compose)")
    .option("--config <FILE>", "config file to read release.template from once a release is found (with --template, only checked)")
    // As every other command's help, it ends with its exit status.
    .addHelpText(
      "after",
      examplesHelp(
        [['rationale release prepare-commit-msg "$1" "$2" "$3"', "what the hook of init --release runs"]],
        "Exit status: 0, also when a release message cannot be pre-filled (a warning on stderr says why) and for a commit that is no release (FILE left alone), 2 usage error (no FILE, an unknown option).",
      ),
    )
    .action(async (file: string, source: string | undefined, _sha: string | undefined, flags: { template?: string; config?: string }) => {
      const [{ prepareCommitMessage }, { readCommentChar }] = await Promise.all([import("../../release/prepare.js"), import("../git.js")]);
      let configured: { template?: string; source?: string } = {};
      try {
        const result = await prepareCommitMessage({
          cwd: process.cwd(),
          file,
          ...(source !== undefined ? { source } : {}),
          ...optional("commentChar", readCommentChar(process.cwd())),
          // A --config the user gave is read even when --template leaves its template unused, as
          // release compose checks it: a typo there would pass unnoticed until --template goes.
          // Like the template, only once a release is found: other commits' hooks read no config.
          ...optional("template", flags.config === undefined ? flags.template : undefined),
          // A -m release summary keeps its own summary, so there only a --config the user named
          // is read, to check it. The config found from the working directory is the commit-msg
          // hook's too, which reads it next and stops the commit on a broken one: reading it here
          // would only say that twice, and leave the release without its body where no
          // rationale commit-msg hook runs, for a template the commit does not use.
          ...optional(
            "loadTemplate",
            source === "message" && flags.config === undefined
              ? undefined
              : async () => {
                  configured = await configuredTemplate(process.cwd(), flags.config);
                  return flags.template ?? configured.template;
                },
          ),
          // -m with --amend reaches the hook as a plain "message": git's own arguments (read from the process tree) tell.
          // Loaded only for a release summary, as the template is: other commits' hooks never read the process tree.
          amending: async () => (await import("../recovery.js")).commitKind(file).amend,
          // git sets GIT_EDITOR=: for its hooks when no editor will open (-m/-F without -e).
          noEditor: process.env.GIT_EDITOR === ":",
        });
        // A bad template names where it came from: the hook's --template, or the config file's key.
        const warning = result.error ? (await templateError(result.error, flags.template !== undefined ? "--template" : configured.source)).message : result.warning;
        if (warning) process.stderr.write(`rationale: release message not pre-filled: ${warning}\n`);
        if (result.note) process.stderr.write(`rationale: release body lists versions only: ${result.note}\n`);
      } catch (error) {
        // A hook that only pre-fills a message must not stop the commit, whatever went wrong.
        process.stderr.write(`rationale: release message not pre-filled: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    });
}

/**
 * Refuses `-S KEY` and `--gpg-sign KEY` (the key a separate word) before commander reads the
 * word as the key. git commit takes -S's key only attached (`-SKEY`, `--gpg-sign=KEY`) and
 * reads a word after -S as a path to commit, so the same words would sign with another key, or
 * commit another tree, in git and in rationale. A path makes no sense here: the message is
 * composed from the index, and `git commit PATH` commits the work tree's PATH instead. The words
 * after `--` are git's, and a value of an option that takes one (`--trailer -S`) is no -S.
 */
function refuseSeparateKey(command: Command): void {
  const parseOptions = command.parseOptions.bind(command);
  const takesValue = new Set(command.options.filter((option) => option.required && option.long).map((option) => option.long as string));
  command.parseOptions = (argv: string[]) => {
    const parsed = parseOptions(argv);
    // An option rationale does not know (`-xS KEY`) is named first, by commander, as with any
    // usage error: it is the first thing wrong on the line, and -S's key may be fine once it goes.
    if (parsed.unknown.length > 0) return parsed;
    for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
      const word = argv[i];
      if (takesValue.has(word)) {
        i++;
        continue;
      }
      // -S alone, or last in a cluster of flags (-sS); in -Sx the key is attached.
      if (word !== "--gpg-sign" && !/^-[A-RT-Za-z]*S$/.test(word)) continue;
      const next = argv[i + 1];
      // As commander reads it: a word that is no option (or a lone "-") would be taken as the key.
      if (next === undefined || (next.length > 1 && next.startsWith("-"))) continue;
      // An empty word (`-S "$KEY"` with KEY unset) is shown as one, with the forms spelled out.
      const shown = next === "" ? "''" : echoValue(next);
      const key = next === "" ? "KEYID" : shown;
      const flag = word === "--gpg-sign" ? word : "-S";
      command.error(
        `error: ${flag} ${shown}: give the key attached, as git commit takes it (-S${key} or --gpg-sign=${key}); ` +
          `git reads a word after ${flag} as a path to commit, and release commit commits the staged release only`,
        { exitCode: 2, code: "rationale.usage" },
      );
    }
    return parsed;
  };
}

/**
 * Refuses a git commit option given after `--` that release commit cannot hand on (see
 * releaseCommitRefusal), as it refuses one given before it: the words after `--` go to git
 * unread, so `-- -m x` met git's own "options '-m' and '-F' cannot be used together", and
 * `-- -F notes.txt` would commit with that file's message, the composed one silently dropped.
 * The options are read as git reads them: `--author -m` gives the name "-m", and after a second
 * `--` come paths.
 */
async function refuseGitOptions(command: Command, gitOptions: readonly string[]): Promise<void> {
  const { commitOptionWords, commitPathWords } = await import("../recovery.js");
  for (const option of commitOptionWords(gitOptions)) {
    const refusal = releaseCommitRefusal(option);
    if (refusal !== undefined) command.error(`error: ${echoValue(option)} after -- is for git commit, but ${refusal}`, { exitCode: 2, code: "rationale.usage" });
  }
  // A path after -- (`-- notes.txt`, `-- -S notes.txt`, `-- -- notes.txt`, and any word after
  // git's own `--` or `--end-of-options`: `-- --end-of-options -x`) is no option but git's
  // pathspec all the same: `git commit -F MSG notes.txt` commits the work tree's file
  // alone, under a message composed from the staged release.
  const path = commitPathWords(gitOptions)[0];
  if (path !== undefined) {
    command.error(`error: ${shownWord(path)} after -- is a path to git commit, which ${PATH_REFUSAL}`, { exitCode: 2, code: "rationale.usage" });
  }
}

/**
 * Why release commit takes no path, and what to do instead: `git commit PATH` commits that file
 * as it is in the work tree and nothing else staged (`--only` is git's default with paths), not
 * the staged release the message was composed from; staged first, the file is in that release.
 */
const PATH_REFUSAL = "would commit the work tree's file instead of the staged release the message describes; stage the file with git add first";

/** A word of the command line as an error echoes it: cut as echoValue cuts it, an empty one as ''. */
function shownWord(word: string): string {
  return word === "" ? "''" : echoValue(word);
}

/**
 * Refuses a word before `--` that is neither an option nor an option's value (`release commit
 * notes.txt`, `release commit -n sign`): commander hands it on with [git-options...], and git
 * commit reads it as a path, committing the work tree's file in place of the staged release
 * the message was composed from, as a -S KEY would (refuseSeparateKey). Words after `--` are
 * git's, as the help says. An unknown option is left to commander, whose error names it.
 */
function refuseWordsBeforeSeparator(command: Command): void {
  const parseOptions = command.parseOptions.bind(command);
  const takesValue = new Set(command.options.filter((option) => option.required).flatMap((option) => [option.long, option.short].filter((flag) => flag !== undefined)));
  command.parseOptions = (argv: string[]) => {
    const parsed = parseOptions(argv);
    if (parsed.unknown.length > 0) return parsed;
    for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
      const word = argv[i];
      if (takesValue.has(word)) {
        i++;
        continue;
      }
      // As commander tells an option: "-" alone is a word.
      if (word.length > 1 && word.startsWith("-")) continue;
      command.error(`error: ${shownWord(word)}: release commit takes no paths, and git commit would read this word as one, which ${PATH_REFUSAL}, and give other git commit options after --`, {
        exitCode: 2,
        code: "rationale.usage",
      });
    }
    return parsed;
  };
}

/**
 * Refuses what `command` can tell is wrong from its options alone, before the repository is
 * read, as a usage error ending with the pointer to the command's help, as commander's own end.
 * An empty value (an unset variable in a script) would act as if the option were left out:
 * --from "" compared HEAD with the index, --to "" the index, --output "" printed to stdout.
 */
async function assertValidFlags(command: Command, flags: ComposeFlags & { from?: string; to?: string; output?: string }): Promise<void> {
  const refuse = (message: string): never => command.error(`error: ${message}`, { exitCode: 2, code: "rationale.usage" });
  const values: [option: string, value: string | undefined, expected: string][] = [
    ["--from", flags.from, "a revision"],
    ["--to", flags.to, "a revision"],
    ["--output", flags.output, "a file name"],
    ...(flags.changelog ?? []).map((changelog): [string, string, string] => ["--changelog", changelog, "a changelog path"]),
  ];
  for (const [option, value, expected] of values) {
    if (value !== undefined && value.trim() === "") refuse(`${option} expects ${expected}, got '${echoValue(value)}'`);
  }
  if (flags.to !== undefined && flags.from === undefined) refuse("--to needs --from: name the state before the release too");
  const [{ namedVersionProblem }, { normalizeTrailer }, { templateProblem }] = await Promise.all([
    import("../../release/version.js"),
    import("../../release/trailers.js"),
    import("../../config/release-template.js"),
  ]);
  // Checked here too, not only by the core, so it is the first error as for the other flags.
  const versionProblem = flags.version === undefined ? undefined : namedVersionProblem(flags.version);
  if (versionProblem !== undefined) refuse(`--version ${versionProblem}`);
  for (const trailer of flags.trailer ?? []) {
    try {
      normalizeTrailer(trailer);
    } catch (error) {
      refuse((error as Error).message);
    }
  }
  const problem = flags.template === undefined ? undefined : templateProblem(flags.template);
  if (problem !== undefined) refuse(`--template ${problem}`);
}

/**
 * Writes `--output FILE` whole or not at all, as the audit writes its report (a temp file beside
 * it, renamed over it), so a failed write never leaves a truncated file. A path that cannot be
 * written, or that is one of the changelogs the message was composed from, is a usage error.
 */
async function writeOutput(file: string, message: string, changelogs: readonly string[]): Promise<void> {
  const [{ realpathSync }, { isAbsolute, join, relative, resolve }, { optionError }, { git, repositoryRoot }, { writeFileAtomically }] = await Promise.all([
    import("node:fs"),
    import("node:path"),
    import("../../types.js"),
    import("../../release/git.js"),
    import("../../audit/output.js"),
  ]);
  const real = (path: string): string => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  };
  const root = await repositoryRoot(process.cwd());
  // A repository path is from the root; one given outside the repository is from here.
  const input = changelogs
    .map((changelog) => (isAbsolute(changelog) || changelog.startsWith("..") ? resolve(changelog) : join(root, changelog)))
    .find((changelog) => real(changelog) === real(file));
  if (input !== undefined) {
    // A file in the git directory, as git itself would name it from here: `.git/RELEASE_MSG`
    // is wrong from a subdirectory, and in a linked worktree, where `.git` is a file.
    const suggestion = await git(process.cwd(), ["rev-parse", "--git-path", "RELEASE_MSG"]).then(
      (path) => shellWord(path.toString("utf8").trim()),
      () => '"$(git rev-parse --git-path RELEASE_MSG)"',
    );
    throw optionError("--output", `--output ${file} is ${relative(process.cwd(), input) || input}, the changelog the message was composed from; writing there would replace it`, [
      `give another file, e.g. --output ${suggestion}`,
    ]);
  }
  await writeFileAtomically(file, message);
}

/**
 * Runs `work`, writing the option a UsageError's message starts with as its flag (`--from`, see
 * UsageError.leadingOption), and ending the message of a UsageError about an option's value (UsageError.option:
 * a --version when two packages changed version, a --changelog no released package takes)
 * with the pointer to the command's help that commander's usage errors and
 * assertValidFlags's end with. An error of what the repository holds (a --from naming no
 * commit, "nothing to release", a changelog not staged) gets none.
 */
async function pointingToHelp<T>(command: Command, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // The core names an option as a library caller and the CLI both know it ("from v9 does not
    // name a commit"); here it was given as a flag, so the message names the flag.
    const leading = (error as { leadingOption?: unknown } | null)?.leadingOption;
    if (error instanceof Error && typeof leading === "string" && error.message.startsWith(`${leading} `)) error.message = `--${error.message}`;
    const option = (error as { option?: unknown } | null)?.option;
    if (error instanceof Error && typeof option === "string" && !error.message.includes(" See: ")) {
      error.message = `${error.message}. See: rationale release ${command.name()} --help`.replace(/([.?!])\. See:/, "$1 See:");
    }
    throw error;
  }
}

/** `text` as one shell word: as it is when it needs no quoting, else in single quotes. */
function shellWord(text: string): string {
  return /^[\w./@:+-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/**
 * Gathers the release from the repository around the current directory and composes its
 * message; `changelogs` are the changelog files it read (repository paths, or a path given
 * with --changelog for one outside the repository).
 */
async function composeFromRepository(flags: ComposeFlags, range: { from?: string; to?: string }): Promise<{ message: string; changelogs: string[] }> {
  const [{ gatherRelease }, { composeReleaseMessage }, { readCommentChar }, { UsageError }, { repositoryRoot, NotARepositoryError }] = await Promise.all([
    import("../../release/gather.js"),
    import("../../release/compose.js"),
    import("../git.js"),
    import("../../types.js"),
    import("../../release/git.js"),
  ]);
  const cwd = process.cwd();
  // Out of a repository is the first thing to fix, as audit, init and lint --commit report it:
  // a config found (or named) there is beside the point. The core states the fact; where to
  // run is this command's to say, in the words audit and init say it.
  await repositoryRoot(cwd).catch((error: unknown) => {
    throw error instanceof NotARepositoryError ? error.runIn("release") : error;
  });
  // Then the config: a broken one (or a --config naming nothing) is the error to fix, whether or
  // not a release is staged, as every other command reports it before its own work. A --config
  // the user gave is checked even when --template leaves its template unused: a typo in it
  // would pass unnoticed, and fail the day --template goes.
  const read = flags.template === undefined || flags.config !== undefined;
  const configured: { template?: string; source?: string } = read ? await configuredTemplate(cwd, flags.config) : {};
  try {
    const release = await gatherRelease({
      cwd,
      changelogs: flags.changelog ?? [],
      ...range,
      ...optional("version", flags.version),
      ...(flags.allowMissingChangelog ? { changelogOptional: true } : {}),
    });
    const commentChar = readCommentChar(cwd);
    const message = composeReleaseMessage({
      ...release,
      trailers: flags.trailer ?? [],
      ...optional("template", flags.template ?? configured.template),
      ...optional("commentChar", commentChar && commentChar !== "auto" ? commentChar : undefined),
    });
    return { message, changelogs: release.packages.flatMap(({ changelog }) => (changelog ? [changelog.file] : [])) };
  } catch (error) {
    const named = error instanceof UsageError ? await templateError(error, flags.template !== undefined ? "--template" : configured.source) : error;
    if (named !== error) throw named;
    await inFlags(error);
    if (flags.allowMissingChangelog) await explainSectionNotOptional(error);
    if (range.to === undefined) await explainUnstaged(error, cwd);
    await explainDynamicVersion(error, cwd, range.to);
    throw error;
  }
}

/**
 * With --allow-missing-changelog, a changelog that is there but lacks the release's section is
 * still an error (a section left unwritten is not a package without a changelog); the user who
 * gave the option should hear why it did not apply, not only that the section is missing.
 */
async function explainSectionNotOptional(error: unknown): Promise<void> {
  const { MissingSectionError } = await import("../../release/changelog.js");
  if (!(error instanceof MissingSectionError)) return;
  error.details.push(`--allow-missing-changelog covers a package with no changelog file; ${error.file} is there, so write the section (or name another file with --changelog PATH)`);
}

/**
 * Words the release errors that state facts for the command line: an empty --from/--to range
 * in its flags (the core names the options as gatherRelease() takes them) and, for "no version
 * changed" and a missing changelog, what to do with this command's options. Any other error is
 * left alone.
 */
async function inFlags(error: unknown): Promise<void> {
  const { EmptyRangeError, MissingChangelogError, NothingToReleaseError } = await import("../../release/gather.js");
  if (error instanceof MissingChangelogError) {
    error.details.splice(
      0,
      error.details.length,
      error.packageName !== undefined
        ? `add it with the release's section, name another file with --changelog PATH, or give --allow-missing-changelog to list ${echoOneLine(error.packageName)}'s versions only`
        : "name another file with --changelog PATH",
    );
    return;
  }
  if (error instanceof EmptyRangeError) {
    const [from, to] = [echoValue(error.from), echoValue(error.to)];
    error.message = error.swapped
      ? `nothing to release: --to ${to} is an ancestor of --from ${from}, so the range is empty`
      : `nothing to release: --from ${from} and --to ${to} both name commit ${error.commit}, so the range is empty`;
    error.details.splice(
      0,
      error.details.length,
      error.swapped
        ? `--from names the state before the release and --to the state released: did you mean --from ${to} --to ${from}?`
        : "give --from the state before the release (the last release's tag, the base branch) and --to the state released",
    );
  } else if (error instanceof NothingToReleaseError && error.stageable !== undefined) {
    error.details.push(`${error.stageable ? "stage the version bump and the changelog, or " : ""}name the release with --changelog PATH [--version V]`);
  }
}

/**
 * The release is read from the index, so a bump or changelog edited but not staged is invisible
 * and the error ("no section for 1.1.0") contradicts the file the user sees: name those files.
 */
async function explainUnstaged(error: unknown, cwd: string): Promise<void> {
  const [{ UsageError }, { repositoryRoot, unstagedReleaseFiles }] = await Promise.all([import("../../types.js"), import("../../release/git.js")]);
  if (!(error instanceof UsageError) || /^not a git repository:/.test(error.message)) return;
  const root = await repositoryRoot(cwd).catch(() => undefined);
  if (root === undefined) return;
  const unstaged = await unstagedReleaseFiles(root);
  if (unstaged.length === 0) return;
  const { relative, join } = await import("node:path");
  const shown = unstaged.map((path) => relative(cwd, join(root, path)) || path);
  error.details.push(`not staged: ${shown.join(", ")}; the release is read from the index, so run: git add ${shown.join(" ")}`);
}

/**
 * A pyproject.toml with `dynamic = ["version"]` (setuptools-scm, hatch-vcs) never shows a bump,
 * so "nothing to release" would send its user looking for one: say how its release is named.
 * Not for an empty --from/--to range, which no --version can fill.
 */
async function explainDynamicVersion(error: unknown, cwd: string, to: string | undefined): Promise<void> {
  const [{ EmptyRangeError, NothingToReleaseError }, { gitState, repositoryRoot }, { discoverPackages }] = await Promise.all([
    import("../../release/gather.js"),
    import("../../release/git.js"),
    import("../../release/manifests.js"),
  ]);
  if (!(error instanceof NothingToReleaseError) || error instanceof EmptyRangeError) return;
  const root = await repositoryRoot(cwd).catch(() => undefined);
  if (root === undefined) return;
  const packages = await discoverPackages(gitState(root, to ?? null)).catch(() => []);
  const dynamic = packages
    .filter((pkg) => pkg.dynamicVersion)
    .map((pkg) => `${echoOneLine(pkg.name)}'s version is dynamic in ${pkg.manifest} (dynamic = ["version"]), so no bump shows there: name the release with --version V, its changelog heading`);
  error.details.unshift(...dynamic);
}

/**
 * The `release.template` setting of the config file found from `cwd` (or given), if any, and
 * that file; no file when it sets no template, so that an error of the default template names
 * no key the file does not have.
 */
async function configuredTemplate(cwd: string, file: string | undefined): Promise<{ template?: string; source?: string }> {
  const { loadConfig } = await import("../../config/index.js");
  const config = await loadConfig({ cwd, ...optional("file", file) });
  // The config resolver has checked the template (a string, one line, known placeholders),
  // naming the file to fix rather than the --template option.
  const template = config.release?.template as string | undefined;
  return template === undefined ? {} : { template, ...optional("source", config.source) };
}

/**
 * `error` as it should read when it is about the summary template, naming where the template
 * came from, as its other problems are named: the `--template` option (a usage error, so the
 * help pointer ends it) or the config file and its `release.template` key. A summary over 72
 * characters, from either; a template that is empty, two lines or has an unknown placeholder,
 * from --template (the config's are refused when it is read). A summary too long from the
 * default template (`from` undefined) says where a shorter template goes; any other error is
 * returned as it is.
 */
async function templateError(error: UsageError, from: string | undefined): Promise<UsageError> {
  const [{ optionError }, { SummaryTooLongError, TemplateProblemError }] = await Promise.all([import("../../types.js"), import("../../release/compose.js")]);
  if (error instanceof TemplateProblemError && from === "--template") return optionError("--template", `--template ${error.problem}`);
  if (!(error instanceof SummaryTooLongError)) return error;
  // The default template: nothing of the user's to shorten, so say where a shorter one goes.
  if (from === undefined) return error.unset("--template or release.template in the config");
  return from === "--template" ? optionError("--template", `--template ${error.problem}`) : error.inConfig(from);
}

/**
 * Signals that end a command: while git runs they are passed on to it, and rationale waits.
 * SIGQUIT (Ctrl-\) with SIGINT, since git ignores both while the editor is open, as system(3)
 * does; SIGHUP, a closed terminal, ends git, and then rationale once the temp file is gone.
 */
const PASSED_ON = ["SIGINT", "SIGQUIT", "SIGTERM", "SIGHUP"] as const;

/**
 * Runs `git commit -F <temp file> ...args` with the terminal attached; resolves with git's exit
 * status, or 128 + the signal's number when a signal ended git, as a shell reports it.
 *
 * Until git exits, a signal does not end rationale: it is passed on to git, which decides. Ctrl-C
 * and Ctrl-\ reach git and its editor anyway (one process group), and git ignores them while
 * the editor is open, as the editor does (vim takes them as keys); had rationale died there, the
 * shell would take the terminal back from an editor still running, and the temp file would stay
 * behind.
 */
async function commitWithMessage(message: string, args: string[]): Promise<number> {
  const [{ mkdtemp, rm, writeFile }, { tmpdir, constants }, { join }, { spawn }] = await Promise.all([
    import("node:fs/promises"),
    import("node:os"),
    import("node:path"),
    import("node:child_process"),
  ]);
  const dir = await mkdtemp(join(tmpdir(), "rationale-release-"));
  const file = join(dir, "COMMIT_MSG");
  let passOn: ((signal: NodeJS.Signals) => void) | undefined;
  try {
    await writeFile(file, message);
    const [command, ...rest] = args;
    return await new Promise<number>((resolve, reject) => {
      const child = spawn("git", [command, "-F", file, ...rest], { stdio: "inherit" });
      passOn = (signal) => child.kill(signal);
      for (const signal of PASSED_ON) process.on(signal, passOn);
      child.on("error", reject);
      child.on("close", (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)));
    });
  } finally {
    if (passOn) for (const signal of PASSED_ON) process.off(signal, passOn);
    await rm(dir, { recursive: true, force: true });
  }
}
