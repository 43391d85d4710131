// What the retry command of a rejected commit repeats from the `git commit` that ran the hook.
import { describe, expect, it } from "vitest";
import { hasAmend, hasQuiet, joinedCommitArguments, recoveryHint, rejectionAdvice, repeatedCommitArguments, typedReleasePrefix } from "../../src/cli/recovery.js";
import { resolveConfig } from "../../src/config/index.js";
import { lint } from "../../src/lint.js";

describe("repeatedCommitArguments", () => {
  it("keeps -a from a bundle of short options and drops the message", () => {
    expect(repeatedCommitArguments(["-am", "Fix bug"])).toEqual({ options: ["-a"], paths: [] });
    expect(repeatedCommitArguments(["-qamFix"])).toEqual({ options: ["-qa"], paths: [] });
    expect(repeatedCommitArguments(["-m", "Fix bug", "-a"])).toEqual({ options: ["-a"], paths: [] });
  });

  it("drops what gives the message or is repeated another way, keeps what shapes the commit", () => {
    const args = ["--amend", "-v", "-s", "-e", "--no-edit", "-F", "msg.txt", "-C", "HEAD", "--fixup=amend:HEAD", "--trailer", "Refs: 1", "--allow-empty", "--author", "Ada <a@x>", "--date=now", "-Skey", "--cleanup=verbatim"];
    expect(repeatedCommitArguments(args)).toEqual({ options: ["--allow-empty", "--author", "Ada <a@x>", "--date=now", "-Skey", "--cleanup=verbatim"], paths: [], reused: "HEAD" });
  });

  it("resolves abbreviated long options as git does, so their values are not taken for paths", () => {
    expect(repeatedCommitArguments(["--mess", "Fix bug", "--auth", "Ada <a@x>", "--allow-e"])).toEqual({ options: ["--auth", "Ada <a@x>", "--allow-e"], paths: [] });
  });

  it("repeats a file of pathspecs, not pathspecs read from standard input, which are gone", () => {
    expect(repeatedCommitArguments(["-a", "--pathspec-from-file=paths.txt"])).toEqual({ options: ["-a", "--pathspec-from-file=paths.txt"], paths: [] });
    expect(repeatedCommitArguments(["-a", "--pathspec-from-file=-"])).toEqual({ options: ["-a"], paths: [] });
    expect(repeatedCommitArguments(["--pathspec-from", "-", "--allow-empty"])).toEqual({ options: ["--allow-empty"], paths: [] });
  });

  it("names the commit -C/-c took the message and authorship from, unless --reset-author gave them up", () => {
    expect(repeatedCommitArguments(["-a", "-C", "HEAD~1"])).toEqual({ options: ["-a"], paths: [], reused: "HEAD~1" });
    expect(repeatedCommitArguments(["-cORIG_HEAD"])).toEqual({ options: [], paths: [], reused: "ORIG_HEAD" });
    expect(repeatedCommitArguments(["--reedit", "v1.0"])).toEqual({ options: [], paths: [], reused: "v1.0" });
    expect(repeatedCommitArguments(["--reuse-message=abc123", "--reset-author"])).toEqual({ options: ["--reset-author"], paths: [] });
  });

  it("--fixup=amend:X and reword:X: the commit after git's cut at the colon is no path; the retry allows empty, a reword takes no index", () => {
    expect(repeatedCommitArguments(["--fixup=amend", "HEAD~1", "-a"])).toEqual({ options: ["--allow-empty", "-a"], paths: [] });
    expect(repeatedCommitArguments(["--fixup", "reword", "HEAD~1"])).toEqual({ options: ["--allow-empty", "--only"], paths: [] });
    expect(repeatedCommitArguments(["--fixup=reword:HEAD~1", "--allow-empty"])).toEqual({ options: ["--only", "--allow-empty"], paths: [] });
    // A ref that only starts like a suboption is a plain fixup's commit.
    expect(repeatedCommitArguments(["--fixup=amendments", "src/a.ts"])).toEqual({ options: [], paths: ["src/a.ts"] });
  });

  it("--fixup=amend naming a commit called amend: git's message (fixup! or amend!) settles what argv cannot", () => {
    // `--fixup=amend a.txt` (a branch named amend) and `--fixup=amend:a.txt` (its colon cut)
    // have the same argv; git starts the first message with "fixup! ", the second with "amend! ".
    expect(repeatedCommitArguments(["--fixup=amend", "a.txt"], "fixup! Add a\n")).toEqual({ options: [], paths: ["a.txt"] });
    expect(repeatedCommitArguments(["--fixup", "reword", "-a"], "fixup! Add a\n")).toEqual({ options: ["-a"], paths: [] });
    expect(repeatedCommitArguments(["--fixup=amend", "amend"], "amend! Add a\n\nWhy.\n")).toEqual({ options: ["--allow-empty"], paths: [] });
    expect(repeatedCommitArguments(["--fixup=reword", "HEAD"], "amend! Add a\n")).toEqual({ options: ["--allow-empty", "--only"], paths: [] });
  });

  it("collects paths before and after --", () => {
    expect(repeatedCommitArguments(["src/a.ts", "-m", "x", "--", "-odd", "b c"])).toEqual({ options: [], paths: ["src/a.ts", "-odd", "b c"] });
    // git's --end-of-options ends the options as -- does; a prefix of it is no such thing.
    expect(repeatedCommitArguments(["-a", "--end-of-options", "-odd", "--", "--amend"])).toEqual({ options: ["-a"], paths: ["-odd", "--", "--amend"] });
    expect(hasAmend(["--end-of-options", "--amend"])).toBe(false);
  });
});

describe("hasAmend", () => {
  it("finds --amend whole or as a prefix git resolves, not as an option's value or a path", () => {
    for (const args of [["--amend"], ["-m", "Fix bug", "--amend"], ["--amen"], ["--am", "-a"], ["-am", "Fix bug", "--amend"], ["--author", "Ada <a@x>", "--amend"]]) {
      expect(hasAmend(args), args.join(" ")).toBe(true);
    }
    const values = [["-m", "--amend"], ["-am", "--amend"], ["-qam", "--am"], ["--message", "--amend"], ["--mess", "--amend"], ["-F", "--amend"], ["-C", "--amend"], ["--author", "--amend"], ["--fixup", "--amend"], ["--trailer", "--amend"], ["--", "--amend"], ["--a"], ["-mx", "a.txt"], ["--no-amend"]];
    for (const args of values) expect(hasAmend(args), args.join(" ")).toBe(false);
  });
});

describe("hasQuiet", () => {
  it("finds -q and --quiet as git reads them, the last of --quiet and --no-quiet winning, not an option's value or a path", () => {
    for (const args of [["-q"], ["--quiet"], ["--qui"], ["-aq"], ["-qm", "Fix bug"], ["-m", "Fix bug", "-q"], ["--no-quiet", "-q"], ["--author", "Ada <a@x>", "--quiet", "a.txt"]]) {
      expect(hasQuiet(args), args.join(" ")).toBe(true);
    }
    const values = [[], ["-m", "-q"], ["-mq"], ["-Fq"], ["--message", "--quiet"], ["--author", "-q"], ["--trailer", "-q"], ["--", "-q"], ["-q", "--no-quiet"], ["-a", "q"]];
    for (const args of values) expect(hasQuiet(args), args.join(" ")).toBe(false);
  });
});

describe("joinedCommitArguments (ps output, without /proc)", () => {
  const words = (line: string) => line.split(" ");

  it("keeps the options it can tell, before a message as after it, and nothing else", () => {
    expect(joinedCommitArguments(words("-a --allow-empty -m Fix the bug src/a.ts"), "Fix the bug\n")).toEqual(["-a", "--allow-empty"]);
    expect(joinedCommitArguments(words("-qam Fix the bug"), "Fix the bug\n")).toEqual(["-a"]);
    expect(joinedCommitArguments(words("-m Fix the bug --amend -a"), "Fix the bug\n")).toEqual(["--amend", "-a"]);
    expect(joinedCommitArguments(words("--author=Ada Lovelace <a@x> --all"), "Fix\n")).toEqual(["--all"]);
    // Paths, git's other options and anything after -- are not repeated.
    expect(joinedCommitArguments(words("-o --cleanup=verbatim src/a.ts -- -a"), "Fix\n")).toEqual([]);
    expect(joinedCommitArguments(words("--allow-empty --end-of-options -a"), "Fix\n")).toEqual(["--allow-empty"]);
  });

  it("drops a word of the message's own that looks like an option, once a message has begun", () => {
    expect(joinedCommitArguments(words("-m Support -a and --amend in the hook"), "Support -a and --amend in the hook\n")).toEqual([]);
    expect(joinedCommitArguments(words("--message=Add --all"), "Add --all\n")).toEqual([]);
    expect(joinedCommitArguments(words("-m -a"), "-a\n")).toEqual([]);
    // So does a -- or --end-of-options of the message's: it ends no options, and what follows is kept.
    expect(joinedCommitArguments(words("-m Document --end-of-options --amend"), "Document --end-of-options\n")).toEqual(["--amend"]);
    expect(joinedCommitArguments(words("-m Fix a -- b --amend -a"), "Fix a -- b\n")).toEqual(["--amend", "-a"]);
    expect(joinedCommitArguments(words("-m Fix --amend --end-of-options -a"), "Fix\n")).toEqual(["--amend"]);
    // Before any message option, a word is an argument, whatever the message says (an amend's old text).
    expect(joinedCommitArguments(words("--amend -a"), "Support --amend and -a\n")).toEqual(["--amend", "-a"]);
  });

  it("keeps -c/-C and --fixup with their commit, so the retry repeats the authorship and the amend! options", () => {
    expect(joinedCommitArguments(words("-C HEAD~1 -a"), "Old message\n")).toEqual(["-C", "HEAD~1", "-a"]);
    expect(joinedCommitArguments(words("-cORIG_HEAD"), "Old\n")).toEqual(["-c", "ORIG_HEAD"]);
    expect(joinedCommitArguments(words("--reedit v1.0 --reset-author"), "Old\n")).toEqual(["--reedit", "v1.0", "--reset-author"]);
    // --fixup=amend:X, its colon cut by git: X is a word of its own.
    expect(joinedCommitArguments(words("--fixup=amend HEAD~1"), "amend! Old\n")).toEqual(["--fixup=amend", "HEAD~1"]);
    // A plain fixup of a branch named amend: the next word is a path, not repeated.
    expect(joinedCommitArguments(words("--fixup=amend a.txt"), "fixup! Old\n")).toEqual(["--fixup=amend"]);
    expect(repeatedCommitArguments(joinedCommitArguments(words("--fixup reword HEAD~1"), "amend! Old\n"), "amend! Old\n")).toEqual({ options: ["--allow-empty", "--only"], paths: [] });
  });
});

describe("recoveryHint", () => {
  it("repeats git's options, the commit's options and the paths around -e -F", () => {
    const hint = recoveryHint("/r/.git/RATIONALE_EDITMSG", "Fix bug\n", "1 error", {
      kind: { amend: false, rebase: false, repeat: { git: ["-C", "sub dir"], options: ["-a", "--author", "Ada <a@x>"], paths: ["x y.txt"] } },
    });
    expect(hint).toContain("edit and retry with: git -C 'sub dir' commit -a --author 'Ada <a@x>' -e -F /r/.git/RATIONALE_EDITMSG -- 'x y.txt'\n");
  });

  it("says where to run a retry that could not keep git -C, rather than print one that is wrong elsewhere", () => {
    const kind = { amend: false, rebase: false, repeat: { git: [], options: ["-a"], paths: [], directoryNotKept: true } };
    expect(recoveryHint("/r/.git/RATIONALE_EDITMSG", "Fix bug\n", "1 error", { kind })).toContain(
      "edit and retry in the directory you gave git -C, with: git commit -a -e -F /r/.git/RATIONALE_EDITMSG\n",
    );
    expect(recoveryHint("/r/.git/RATIONALE_EDITMSG", "Fix bug\n# kept\n", "1 error", { kind, keptComments: true })).toContain(
      "edit it there and retry in the directory you gave git -C, with: git commit -a -F /r/.git/RATIONALE_EDITMSG\n",
    );
  });

  it("without the command line (ps elsewhere than Linux), prints the plain retry", () => {
    const hint = recoveryHint("/r/.git/RATIONALE_EDITMSG", "Fix bug\n", "1 error", { kind: { amend: true, rebase: false } });
    expect(hint).toContain("edit and retry with: git commit --amend -e -F /r/.git/RATIONALE_EDITMSG\n");
  });
});

describe("rejectionAdvice for a release summary without a Conventional Commits type", () => {
  const conventional = resolveConfig({ extends: ["recommended", "conventional"] });
  const prefix = typedReleasePrefix(conventional.rules["conventional-format"].options)!;

  it("names the typed summary and how npm version is given it, after the advice for the body", () => {
    const bare = lint("1.2.3\n", { config: conventional });
    expect(bare.pass).toBe(false);
    expect(rejectionAdvice(bare, { summary: "1.2.3", releasePrefix: prefix })).toBe(
      "Fix what is listed above: name the released versions and changes in the body. " +
        "`rationale release commit` composes it from the staged bump and changelog; for tools that commit themselves, " +
        "such as `npm version`, run `rationale init --release` once, and their release commits get it. " +
        "A release summary needs a type too under conventional-format: `chore(release): 1.2.3`. " +
        '`npm version` commits the bare version unless given a message: `npm version patch -m "chore(release): %s"`, ' +
        "or `message=\"chore(release): %s\"` in the project's .npmrc.",
    );
    // With the body composed by the hook, the summary alone is refused; the amend offered is typed.
    const withBody = lint("v2.0.0-rc.1\n\ndemo-pkg 1.9.0 -> 2.0.0-rc.1\n", { config: conventional });
    expect(withBody.findings.map((finding) => finding.ruleId)).toEqual(["conventional-format"]);
    expect(rejectionAdvice(withBody, { summary: "v2.0.0-rc.1", releasePrefix: prefix })).toBe(
      "Fix what is listed above. A release summary needs a type too under conventional-format: `chore(release): 2.0.0-rc.1`. " +
        '`npm version` commits the bare version unless given a message: `npm version patch -m "chore(release): %s"`, ' +
        "or `message=\"chore(release): %s\"` in the project's .npmrc.",
    );
    expect(rejectionAdvice(bare, { releaseHookInstalled: () => true, amendSummary: "1.2.3", summary: "1.2.3", releasePrefix: prefix })).toContain(
      "If the last commit made the bump, `git commit --amend -m 'chore(release): 1.2.3'` releases it with the body. A release summary needs a type too",
    );
  });

  it("types the version the summary releases, and names npm only for npm's bare version", () => {
    const npmAdvice = "`npm version` commits the bare version";
    const hook = { releaseHookInstalled: () => true, releasePrefix: prefix };
    // bump2version's summary names the old version first: the typed summary takes the new one.
    const bump = "Bump version: 1.2.3 → 1.2.4";
    const bumped = rejectionAdvice(lint(`${bump}\n`, { config: conventional }), { ...hook, summary: bump, amendSummary: bump });
    expect(bumped).toContain("`git commit --amend -m 'chore(release): 1.2.4'` releases it with the body.");
    expect(bumped).toMatch(/needs a type too under conventional-format: `chore\(release\): 1\.2\.4`\.$/);
    expect(bumped).not.toContain(npmAdvice);
    // A summary with no version gets no made-up one, and no amend that would be refused again.
    const published = rejectionAdvice(lint("Publish\n", { config: conventional }), { ...hook, summary: "Publish", amendSummary: "Publish" });
    expect(published).toMatch(/installed and adds it under a release summary when the commit stages the version bump; a warning from it above, if any, says why it could not\. A release/);
    expect(published).not.toContain("--amend");
    expect(published).toMatch(/needs a type too under conventional-format: `chore\(release\): <version>`\.$/);
    expect(published).not.toContain(npmAdvice);
    // "v1.2.3" is a bare version too; the typed summary drops the "v", as npm's %s does.
    expect(rejectionAdvice(lint("v1.2.3\n", { config: conventional }), { summary: "v1.2.3", releasePrefix: prefix })).toContain(
      'A release summary needs a type too under conventional-format: `chore(release): 1.2.3`. `npm version` commits the bare version unless given a message: `npm version patch -m "chore(release): %s"`',
    );
  });

  it("says nothing of types for a typed release summary, nor for a release without the rule", () => {
    const typed = lint("chore(release): 1.2.3\n", { config: conventional });
    expect(typed.pass).toBe(false);
    expect(rejectionAdvice(typed, { summary: "chore(release): 1.2.3", releasePrefix: prefix })).not.toContain("needs a type");
    const plain = lint("1.2.3\n", { config: resolveConfig({}) });
    expect(rejectionAdvice(plain, { summary: "1.2.3", releasePrefix: prefix })).not.toContain("needs a type");
    // At warn the summary passes as it is: rejected for its body alone, the amend keeps it untyped.
    const warned = lint("1.2.3\n", { config: resolveConfig({ rules: { "conventional-format": "warn" } }) });
    expect(warned.findings.map((finding) => `${finding.ruleId}:${finding.severity}`)).toEqual(["conventional-format:warn", "release-empty-body:error"]);
    const advice = rejectionAdvice(warned, { releaseHookInstalled: () => true, summary: "1.2.3", amendSummary: "1.2.3", releasePrefix: prefix });
    expect(advice).toMatch(/`git commit --amend -m 1\.2\.3` releases it with the body\.$/);
  });

  it("takes a type and scope the rule's options allow and that still make a release summary", () => {
    expect(prefix).toBe("chore(release): ");
    for (const [options, expected] of [
      [{ types: ["chore"], scopes: ["core", "release"], requireScope: true }, "chore(release): "],
      [{ types: ["chore"], scopes: [], requireScope: true }, "chore(release): "],
      [{ types: ["chore"], scopes: ["core", "cli"], requireScope: false }, "chore: release "],
      [{ types: ["chore"], scopes: ["core", "cli"], requireScope: true }, "chore(core): release "],
      [{ types: ["feat", "release"], scopes: [], requireScope: false }, "release: "],
      [{ types: ["feat", "release"], scopes: [], requireScope: true }, "release(release): "],
      [{ types: ["feat", "release"], scopes: ["core", "release"], requireScope: true }, "release(release): "],
      [{ types: ["feat", "release"], scopes: ["core", "cli"], requireScope: true }, "release(core): "],
    ] as const) {
      expect(typedReleasePrefix(options)).toBe(expected);
      // The typed summary is a release's, and the rule with these options takes it.
      const typed = lint(`${expected}1.2.3\n`, { config: resolveConfig({ rules: { "conventional-format": ["error", options] } }) });
      expect(typed.kind).toBe("release");
      expect(typed.findings.filter((finding) => finding.ruleId === "conventional-format")).toEqual([]);
    }
    // No allowed type makes a release summary ("build: 1.2.3" is an ordinary commit): no advice to give.
    expect(typedReleasePrefix({ types: ["feat", "fix", "build"], scopes: [], requireScope: false })).toBeUndefined();
    expect(rejectionAdvice(lint("1.2.3\n", { config: conventional }))).not.toContain("needs a type");
  });
});
