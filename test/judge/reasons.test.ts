// Reasons read from a body: what a later change takes from this one.
import { describe, expect, it } from "vitest";
import { lint } from "../../src/lint.js";
import { ageJudged, allowsOwn, coversOther, designTold, requirementNamed, duplicatesTold, easierForPeople, expectationTold, failsSomewhere, beforeNextStep, BENEFIT, causalAsTold, contradictionTold, contrastTold, currentLimit, enabledUse, ENABLES, faultFound, faultyManner, findingTold, followsPrecedent, gerundEffect, givesGoal, inabilityTold, JUDGED_BETTER, JUDGED_EFFECT, labelledReason, laterChangeUses, limitTold, littleUsed, makesPossible, meansConsequence, MEASURED_COST, needTold, negatedPairTold, opensOnPurpose, outsideConstraint, pastWay, peopleHabit, PREPARES, PROBLEM_TOLD, soOpensTold, STATED_REASON, statesNeed, statesRequirement, usefulnessTold, wholeWorkRepeated, wishTold } from "../../src/judge/reasons.js";

describe("expectationTold", () => {
  it("reads what people would expect as the standard the change meets", () => {
    expect(expectationTold("It seems a user would expect this option would work regardless\nof whether it's fetching from a single remote.")).toBe(true);
    expect(expectationTold("Most callers would reasonably expect a NULL return here.")).toBe(true);
  });

  it("does not read an expectation of the code or the test", () => {
    expect(expectationTold("The test expects a NULL return.")).toBe(false);
    expect(expectationTold("Print the list again at the end, as you would expect from the other commands.")).toBe(false);
    expect(expectationTold("The flag now works like you would expect.")).toBe(false);
    expect(expectationTold("Update the expected output of t0001.")).toBe(false);
  });
});

describe("coversOther", () => {
  it("reads one thing judged to do everything another does", () => {
    expect(coversOther("The latter can do everything the former can and is used in many more\nplaces.")).toBe(true);
    expect(coversOther("strbuf can do all that the old buffer did.")).toBe(true);
    expect(coversOther("struct oidset is a superset of the old list.")).toBe(true);
    expect(coversOther("The new helper can do everything.")).toBe(false);
  });
});

describe("failsSomewhere", () => {
  it("reads a failure placed in some environments, or a seeming one, today", () => {
    expect(failsSomewhere("without quoting VAL (which is OK in POSIX but broken in some shells)")).toBe(true);
    expect(failsSomewhere("The test fails on older compilers.")).toBe(true);
    expect(failsSomewhere("It seems to break the build on Windows.")).toBe(true);
    expect(failsSomewhere("The regex appears to hang with long input.")).toBe(true);
  });

  it("does not read the state after the change, nor a place without a qualifier", () => {
    expect(failsSomewhere("With this change it no longer fails on older compilers.")).toBe(false);
    expect(failsSomewhere("The test fails on Windows.")).toBe(false);
  });
});

describe("laterChangeUses", () => {
  it("reads what a later change takes from this one within its sentence, across a line wrap but not a blank line", () => {
    expect(laterChangeUses("A later patch will make\nuse of that code.")).toBe(true);
    expect(laterChangeUses("A later patch will rework the parser\n\nThe cache uses this helper for lookups.")).toBe(false);
    expect(laterChangeUses("A later patch will rework the parser \n \t\nThe cache uses this helper for lookups.")).toBe(false);
  });
});

describe("laterChangeUses with the later change as the time of a use", () => {
  it("reads a use, a need, a caller or an extension in a later change, and a later change as a subject in the present", () => {
    expect(laterChangeUses("We will use this in a later patch to extend setup_revisions().")).toBe(true);
    expect(laterChangeUses("Extract functions for printing spaces.  We'll\nneed them in the next commit.")).toBe(true);
    expect(laterChangeUses("We will be adding another caller of this function in a later patch.")).toBe(true);
    expect(laterChangeUses("We will add more environment-related code to that new function\nin the next patch.")).toBe(true);
    expect(laterChangeUses("This function will be extended\nin a subsequent commit.")).toBe(true);
    expect(laterChangeUses("This function will replace `hashd_throughput()` in the next commit.")).toBe(true);
    expect(laterChangeUses("This makes the change in a later patch look less scary.")).toBe(true);
    expect(laterChangeUses("The next patch depends on this.")).toBe(true);
  });

  it("does not read work left for a later change, a negation, nor a later change in another sentence", () => {
    expect(laterChangeUses("It's still done in a pretty stupid way. That will improve in future commits.")).toBe(false);
    expect(laterChangeUses("Fallout from this fuzzer will be fixed over subsequent commits.")).toBe(false);
    expect(laterChangeUses("We do not need the old helper in the next patch.")).toBe(false);
    expect(laterChangeUses("The code is used by the daemon. The next patch renames it.")).toBe(false);
  });
});

describe("JUDGED_EFFECT of the resulting code", () => {
  it("reads a judgement of the resulting, rewritten or refactored code, not of another new thing", () => {
    expect(JUDGED_EFFECT.test("Store them in an oidset.  The resulting code is\nshorter and easier to read.")).toBe(true);
    expect(JUDGED_EFFECT.test("The rewritten logic is much simpler.")).toBe(true);
    expect(JUDGED_EFFECT.test("The new header is shorter than the old one.")).toBe(false);
    expect(JUDGED_EFFECT.test("The resulting file is shorter.")).toBe(false);
  });
});

describe("JUDGED_EFFECT without a subject", () => {
  it("reads \"Might be useful to …\" at a sentence's start, a paragraph's or a list item's, and not after a subject", () => {
    expect(JUDGED_EFFECT.test("Might be useful to see the object names.")).toBe(true);
    expect(JUDGED_EFFECT.test("The names are dropped. Could be handy to keep them.")).toBe(true);
    expect(JUDGED_EFFECT.test("Two notes:\n\nMight be useful to see the object names.")).toBe(true);
    expect(JUDGED_EFFECT.test("Notes:\n - Might be useful to see the object names.")).toBe(true);
    expect(JUDGED_EFFECT.test("The object names might be useful to see.")).toBe(false);
    expect(JUDGED_EFFECT.test("Notes:\nMight be useful to see the object names.")).toBe(false);
  });
});

describe("outsideConstraint", () => {
  it("reads what a standard, some systems or a platform impose today, not the new thing", () => {
    expect(outsideConstraint("ISO C forbids the conversion of void pointers to function pointers.")).toBe(true);
    expect(outsideConstraint("POSIX specifies that all editing commands between braces shall be\nterminated by a newline.")).toBe(true);
    expect(outsideConstraint("Some MTAs reject Cc: lines longer than 78 chars.")).toBe(true);
    expect(outsideConstraint("There is no fchmod() on native Windows platforms.")).toBe(true);
    expect(outsideConstraint("The RFC says that they are to be concatenated after decoding.")).toBe(true);
    // A style guide's advice is such a constraint too.
    expect(outsideConstraint("PEP8 recommends that every comment should begin with a single '#'.")).toBe(true);
    expect(outsideConstraint("PEP 8 discourages the use of compound statements on one line.")).toBe(true);
    expect(outsideConstraint("The Google style guide recommends short function names.")).toBe(true);
    expect(outsideConstraint("The new linter recommends that every comment begins with '#'.")).toBe(false);
    // The state after the change, or no constraint at all.
    expect(outsideConstraint("With this patch some compilers no longer reject the cast.")).toBe(false);
    expect(outsideConstraint("The new helper follows what POSIX says about it.")).toBe(false);
    expect(outsideConstraint("Some callers reject the old format.")).toBe(false);
    expect(outsideConstraint("There is no change in behaviour.")).toBe(false);
  });

  it("reads a cited document and what a platform lacks", () => {
    expect(outsideConstraint("The git-apply documentation says that --binary is a historical option.")).toBe(true);
    expect(outsideConstraint("According to POSIX, basename(\"/path/\") should return \"path\".")).toBe(true);
    expect(outsideConstraint("mktemp is not available on all platforms.")).toBe(true);
    expect(outsideConstraint("seq is not available everywhere.")).toBe(true);
    expect(outsideConstraint("Windows disallows file names that contain a star.")).toBe(true);
    expect(outsideConstraint("O_CLOEXEC does not exist on Windows.")).toBe(true);
    // The new thing's, or a document the change writes.
    expect(outsideConstraint("The new option is not available on Windows.")).toBe(false);
    expect(outsideConstraint("The documentation now says that the flag is required.")).toBe(false);
    expect(outsideConstraint("Rewrap the text according to a given indent.")).toBe(false);
  });
});

describe("JUDGED_BETTER", () => {
  it("reads one way judged better, consistency as a degree, a convention and a needless step", () => {
    expect(JUDGED_BETTER.test("Call file_exists() instead of open-coding it.  That's shorter, simpler\nand the intent becomes clearer.")).toBe(true);
    expect(JUDGED_BETTER.test("It's easier to translate this way.")).toBe(true);
    expect(JUDGED_BETTER.test("Provide a summary of the configured values to make these more\ndiscoverable.")).toBe(true);
    expect(JUDGED_BETTER.test("Reword this section to make it less chatty.")).toBe(true);
    expect(JUDGED_BETTER.test("Shrink the header to make more room for the list.")).toBe(false);
    expect(JUDGED_BETTER.test("Pad the buffer to make it more than 64 bytes long.")).toBe(false);
    // Room, or a number of things, is no quality.
    expect(JUDGED_BETTER.test("Shrink the header to make room for more branches.")).toBe(false);
    expect(JUDGED_BETTER.test("Raise the limit to make the cache hold more entries.")).toBe(false);
    expect(JUDGED_BETTER.test("Reword the warning to make it less ambiguous.")).toBe(true);
    expect(JUDGED_BETTER.test("strchr() is more portable than index().")).toBe(true);
    expect(JUDGED_BETTER.test("Which tends to be a lot more useful.")).toBe(true);
    expect(JUDGED_BETTER.test("^{commit} is clearer, so standardize on that.")).toBe(true);
    expect(JUDGED_BETTER.test("Add a note to make the manpage more intuitive.")).toBe(true);
    expect(JUDGED_BETTER.test("Use the shorter and more idiomatic $(addsuffix) make function instead.")).toBe(true);
    expect(JUDGED_BETTER.test("The name 'verbatim' describes much better what this mode does.")).toBe(true);
    expect(JUDGED_BETTER.test("Use the same variable name throughout for a little extra consistency.")).toBe(true);
    expect(JUDGED_BETTER.test("This is our usual convention.")).toBe(true);
    expect(JUDGED_BETTER.test("Our usual style these days is to execute everything inside test_expect_success.")).toBe(true);
    expect(JUDGED_BETTER.test("No need to duplicate that functionality.")).toBe(true);
    expect(JUDGED_BETTER.test("git diff is able to do this, no need for manual filtering.")).toBe(true);
    expect(JUDGED_BETTER.test("Just makes the code easier to follow.")).toBe(true);
    // How the new thing is used or how the change is made; a narration only.
    expect(JUDGED_BETTER.test("This is most useful with --all and --verify.")).toBe(false);
    expect(JUDGED_BETTER.test("Add the file in the usual way.")).toBe(false);
    expect(JUDGED_BETTER.test("Add a --quiet option. It prints nothing but errors.")).toBe(false);
  });
});

describe("ENABLES", () => {
  it("reads what the change makes possible, what made it possible and the intent told as a noun", () => {
    expect(ENABLES.test("Now that run_command implements the same code, we can make use of it.")).toBe(true);
    expect(ENABLES.test("It's not really useful anymore now that we have a better --follow-parent.")).toBe(true);
    expect(ENABLES.test("They are merely useless now, but would get in the way of future changes.")).toBe(true);
    expect(ENABLES.test("The intent is to make git-commit(1) feel more like a manual page.")).toBe(true);
    expect(ENABLES.test("This gives callers more control.")).toBe(true);
    expect(ENABLES.test("This will help readers of the parser code.")).toBe(false);
    expect(ENABLES.test("Expand the final notes section, in hopes maybe some\nothers will want to contribute.")).toBe(true);
    expect(ENABLES.test("Retry twice in the hope that the mirror catches up.")).toBe(true);
    expect(ENABLES.test("Add a test in the hope of catching the race.")).toBe(true);
    expect(ENABLES.test("The user's hopes for the release were high.")).toBe(false);
  });
});

describe("makesPossible", () => {
  it("reads what the change makes possible in words of its own, not an order or the summary again", () => {
    expect(makesPossible("This makes it possible to fetch many commits (refs) at once.", "Teach git-local-fetch the --stdin switch")).toBe(true);
    expect(makesPossible("These calls make it possible to have the make command in a config file.", "perf/run: add calls to get_var_from_env_or_config()")).toBe(true);
    expect(makesPossible("This makes it\neasy to sign off a whole patchset before submission.", "rebase: pass --[no-]signoff option to git am")).toBe(true);
    expect(makesPossible("Make it possible to write subclasses of Git.pm and their helpers.", "Git.pm: do not break inheritance")).toBe(false);
    expect(makesPossible("Let's make it possible to set in a config file the output format.", "perf/run: learn about perf.codespeedOutput")).toBe(false);
    expect(makesPossible("Add a new option. This makes it possible to set it per run.", "Add a --block-size option to the exporter")).toBe(false);
  });
});

describe("enabledUse", () => {
  it("reads a use the change opens after the body said what it does, in words of its own", () => {
    expect(enabledUse("Honor autoconf's --htmldir switch. This allows relocating HTML docs\nstraight from the configure script.", "Honor configure's htmldir switch")).toBe(true);
    expect(enabledUse("Teach bar to filter its listing with --foo.\nNow you can limit the listing to matching entries in scripts.", "Add --foo option to bar")).toBe(true);
    expect(enabledUse("Teach bar to filter its listing with --foo. Now translators can check every message in one pass.", "Add --foo option to bar")).toBe(true);
    expect(enabledUse("Add the option to the parser. The new option makes it possible to run perf tests\nin only one subsection of a config file.", "perf/run: add --subsection option")).toBe(true);
  });

  it("leaves the body's first sentence, a use told in the summary's words and a negated one", () => {
    expect(enabledUse("This allows passing an explicit executor for test cases.", "Switch to a proper builder for MockRetrofit")).toBe(false);
    expect(enabledUse("Now you can limit the listing to matching entries in scripts.", "Add --foo option to bar")).toBe(false);
    expect(enabledUse("Teach bar the --foo option. Now you can filter.", "Add --foo option to bar")).toBe(false);
    expect(enabledUse("Teach bar the --foo option. Now bar can filter its listing with --foo.", "Add --foo option to filter the bar listing")).toBe(false);
    expect(enabledUse("Drop the old parser. Now you cannot pass a list of files on the command line.", "Drop the old parser")).toBe(false);
  });
});

describe("labelledReason", () => {
  it("reads a reason after a colon that names it, with a determiner, later in a line or on the next line", () => {
    const summary = "Load the cache lazily";
    expect(labelledReason("The rationale: the dashboard keeps its own copy of the settings in memory.", summary)).toBe(true);
    expect(labelledReason("Read the entries only when asked. The main reason: the dashboard keeps its own copy of the settings.", summary)).toBe(true);
    expect(labelledReason("Main motivation: the dashboard keeps its own copy of the settings in memory.", summary)).toBe(true);
    expect(labelledReason("The reason for this change is:\n\nthe dashboard keeps its own copy of the settings in memory.", summary)).toBe(true);
    expect(labelledReason("Keep it. This is so for one simple reason: the dashboard keeps its own copy of the settings.", summary)).toBe(true);
  });

  it("leaves a placeholder, a short text, the summary again and a colon that names no reason", () => {
    const summary = "Load the cache lazily";
    expect(labelledReason("The reason: TBD", summary)).toBe(false);
    expect(labelledReason("The motivation: speed.", summary)).toBe(false);
    expect(labelledReason("The motivation: load the cache lazily when the cache is loaded.", summary)).toBe(false);
    expect(labelledReason("The result: the dashboard keeps its own copy of the settings in memory.", summary)).toBe(false);
  });
});

describe("PREPARES", () => {
  it("reads a preparation told with a noun, not the preparing of a thing", () => {
    expect(PREPARES.test("This is preparation for moving parts of it into tree.c.")).toBe(true);
    expect(PREPARES.test("This is a preparation patch to let the porcelain set show_all_errors itself.")).toBe(true);
    expect(PREPARES.test("This new API will be taken advantage of in a patch later in this set.")).toBe(true);
    expect(PREPARES.test("A helper optimizes the preparation of test repositories.")).toBe(false);
  });

  it("reads a prerequisite for later work and a use the change is for", () => {
    expect(PREPARES.test("This conversion is a prerequisite for converting parse_object.")).toBe(true);
    expect(PREPARES.test("These will be used for generating the cover letter.")).toBe(true);
    expect(PREPARES.test("This will be used when the fetch code skips tags.")).toBe(true);
    // A use said of something else is what it does, not what this change is for.
    expect(PREPARES.test("The cache will be used for lookups.")).toBe(false);
    // "for" with a noun tells what the thing does, whatever its subject; an activity tells the use.
    expect(PREPARES.test("It will be used for lookups in the index.")).toBe(false);
    expect(PREPARES.test("They will be used for every request.")).toBe(false);
    expect(PREPARES.test("It will be used for something else.")).toBe(false);
    expect(PREPARES.test("It will be used by the existing callers in the parser.")).toBe(false);
  });
});

describe("faults of today's code", () => {
  it("reads a fault of manner or duplicated work, not an order that fixes it", () => {
    expect(faultyManner("The synopsis and description inconsistently add a '=' between the name and its value.")).toBe(true);
    expect(faultyManner("This command duplicates functionality of the '%s' pretty format.")).toBe(true);
    expect(faultyManner("Replace unnecessarily complex regular expressions with idiomatic ones.")).toBe(false);
    expect(faultyManner("The new helper needlessly copies the buffer.")).toBe(false);
  });

  it("reads a fault of a version or a commit other than this one", () => {
    expect(faultFound("The version from Mercurial is extremely inefficient and convoluted.")).toBe(true);
    expect(faultFound("The macOS Ventura images we use have been deprecated.")).toBe(true);
    expect(faultFound("The assume-unchanged bit can be misunderstood.")).toBe(true);
    expect(faultFound("Reacting with a segmentation fault is unduly harsh.")).toBe(true);
    expect(faultFound("It is not immediately obvious how to use the `git help` system.")).toBe(true);
    expect(faultFound("This version is a bit odd, but it works.")).toBe(false);
    expect(faultFound("This commit is obviously silly by itself.")).toBe(false);
  });
});

describe("reasons told in a second round of git.git's forms", () => {
  it("reads what the change allows in words of its own, not what a new option or another thing allows", () => {
    const summary = "Set the parallel HTTP request limit via an environment variable";
    expect(allowsOwn("Use an environment variable.  This allows the setting to work whether\ngit-http-fetch is run directly or via git-fetch.", summary)).toBe(true);
    expect(allowsOwn("This will allow merge-recursive to use the read-tree functionality.", "read-tree: move merge functions to the library")).toBe(true);
    expect(allowsOwn("This allows the cache to hold up to 500 entries per host.", "Add a cache to the resolver")).toBe(false);
    expect(allowsOwn("This allows settings like support for leniency to be honored.", "Use Gson instance as factory for reader to honor config")).toBe(false);
    expect(allowsOwn("Add a new option `reftable.blockSize` that allows the user to control the block size used by the library.", "refs/reftable: allow configuring block size")).toBe(false);
    expect(allowsOwn("Introduce a new flag, which allows the user to specify the ref format of a new repository.", "init: add a flag")).toBe(false);
  });
  it("reads what the change allows for in words of its own, not the summary's words again", () => {
    expect(allowsOwn("This allows for the creation of pack index version 2 with its object\nCRC and the possibility for a pack to be larger than 4 GB.", "fast-import: use write_idx_file() instead of custom code")).toBe(true);
    expect(allowsOwn("Also, this should allow for the tracking of new, but empty\ndirectories where we would want to see the log message.", "git-svn: correctly track diff-less copies with do_switch")).toBe(true);
    expect(allowsOwn("This allows for an opaque progress type.", "make struct progress an opaque type")).toBe(false);
    expect(allowsOwn("The new option allows for the creation of pack index version 2 with its CRC.", "fast-import: add an option")).toBe(false);
  });
  it("reads what a participle after a comma allows or lets happen, not what a new thing lets users do", () => {
    expect(allowsOwn("These two options are parsed using starts_with(), allowing things like\n'git log --no-min-parents-foobarbaz' to succeed.", "revision.c: stricter parsing of '--no-{min,max}-parents'")).toBe(true);
    expect(allowsOwn("The success path does not return anything, letting compiler warn and\npresumably return garbage.", "pack-objects.c: try_delta()")).toBe(true);
    expect(allowsOwn("Normalize init-db environment variable handling, allowing the creation of\nobject directories with something other than the default.", "init-db.c: normalize env var handling")).toBe(true);
    expect(allowsOwn("Add configuration option hooks.showrev, letting the user override how\nrevisions will be shown in the commit email.", "post-receive-email: Make revision display configurable")).toBe(false);
    expect(allowsOwn("These routines work with pkt-line values in a strbuf, permitting simple\nformatting of buffered network messages.", "pkt-line: Add strbuf based functions")).toBe(false);
  });

  it("reads a capability a participle names, one allowed and what it may do, after an order that builds a new thing too", () => {
    expect(allowsOwn("Add a --stdin option to bar, allowing scripts to feed it thousands of paths\nat once.", "bar: add --stdin option")).toBe(true);
    expect(allowsOwn("Use the new stdin reflist passing mechanism, allowing callers to hand over more than ~128K of\nreflist data.", "Use stdin reflist passing in git-fetch.sh")).toBe(true);
    expect(allowsOwn("Add a timeout parameter to fetch(), allowing callers to pass a timeout to fetch.", "Allow callers to pass a timeout to fetch()")).toBe(false);
    expect(allowsOwn("Add option hooks.showrev, allowing it to be set per repository in the config file.", "post-receive-email: add hooks.showrev")).toBe(false);
  });

  it("reads a participle after an order that uses \"the new\" thing, not after a sentence about the new thing", () => {
    expect(allowsOwn("Use the new stdin reflist passing mechanism for the call to\nfetch--tool parse-reflist, allowing passing of more than ~128K\nof reflist data.", "Use stdin reflist passing in git-fetch.sh")).toBe(true);
    expect(allowsOwn("The new reflist mechanism is used for the call to fetch--tool, allowing passing of more than ~128K of data.", "Use stdin reflist passing in git-fetch.sh")).toBe(false);
  });
  it("reads a limit of today told with \"currently\", not the new thing's", () => {
    expect(currentLimit("Currently, verify_signed_buffer() returns the user facing output only.")).toBe(true);
    expect(currentLimit("add a function to free a list of refs, which we currently never actually do.")).toBe(true);
    expect(currentLimit("subtree currently defines its own `say` implementation, rather than\nusing git-sh-setup's.")).toBe(true);
    expect(currentLimit("Currently, it only checks url, but it will allow other things in the future.")).toBe(false);
    expect(currentLimit("It currently only verifies the index, it doesn't verify the fragments yet.")).toBe(false);
    expect(currentLimit("The walker currently reads every pack.")).toBe(false);
  });
  it("reads how little a thing of today is used, not the new thing", () => {
    expect(littleUsed("It is only used internally now.")).toBe(true);
    expect(littleUsed("It only has one caller, not worth keeping.")).toBe(true);
    expect(littleUsed("It is four lines of code used in only one place.")).toBe(true);
    expect(littleUsed("The new helper is only used by the tests.")).toBe(false);
  });
  it("reads a norm told with \"should only\" or \"should not have\", not of the change", () => {
    expect(statesRequirement("test_must_fail should only be used for testing git commands.")).toBe(true);
    expect(statesRequirement("Redirection should not have SP before the filename.")).toBe(true);
    expect(statesRequirement("Signal handlers should never call syslog().")).toBe(true);
    expect(statesRequirement("This should not have any effect on users.")).toBe(false);
  });
  it("reads a fault told by a relative clause, needless inclusion, repetition or a missing quality", () => {
    expect(faultyManner("There are calls to write(3P) where we don't properly handle interrupts.")).toBe(true);
    expect(faultyManner("Some source files were including \"delta.h\" without actually needing it.")).toBe(true);
    expect(faultyManner("Many tests need to store data in a file, and repeat the same pattern to\nrefer to that path.")).toBe(true);
    expect(faultyManner("The same clean-up code is repeated quite a few times.")).toBe(true);
    expect(faultyManner("The new loop repeats the same check.")).toBe(false);
    expect(faultFound("Adam points out that it wasn't all that clear at all what the thing does.")).toBe(true);
    expect(faultFound("The extra code is not necessary.")).toBe(true);
    expect(faultFound("That's clearly moronic.")).toBe(true);
    expect(faultFound("The new option is not necessary for most users.")).toBe(false);
  });
  it("reads a virtue aimed at, a help, a consistency and who no longer has to", () => {
    expect(JUDGED_BETTER.test("Get rid of goto in ref-filter for better readability.")).toBe(true);
    expect(JUDGED_BETTER.test("Use shorten_unambiguous_ref() for simplifying the output of branch names.")).toBe(true);
    expect(JUDGED_BETTER.test("Add a period so it matches other instances in sequencer.c.")).toBe(true);
    expect(JUDGED_BETTER.test("Add a test for readability of the output.")).toBe(false);
    expect(JUDGED_BETTER.test("Replace 'test -f' with test_path_is_file() for clearer failures and\nconsistency.")).toBe(true);
    expect(JUDGED_BETTER.test("Make the usage string consistent with Git.")).toBe(true);
    expect(JUDGED_BETTER.test("Add tests for simpler cases first.")).toBe(false);
    expect(JUDGED_BETTER.test("The new usage string is consistent with Git.")).toBe(false);
    expect(ENABLES.test("making warnings less chatty would help spot real bugs later.")).toBe(true);
    expect(ENABLES.test("This will help cherry-pick work with alternate ref storage backends.")).toBe(true);
    expect(ENABLES.test("This will help readers of the parser code.")).toBe(false);
    expect(ENABLES.test("Expand the final notes section, in hopes maybe some\nothers will want to contribute.")).toBe(true);
    expect(ENABLES.test("Retry twice in the hope that the mirror catches up.")).toBe(true);
    expect(ENABLES.test("Add a test in the hope of catching the race.")).toBe(true);
    expect(ENABLES.test("The user's hopes for the release were high.")).toBe(false);
    expect(BENEFIT.test("Include it so consumers of REV_INFO_INIT do not need to include it.")).toBe(true);
    expect(BENEFIT.test("people converting their repositories won't have to make any changes")).toBe(true);
    expect(JUDGED_EFFECT.test("This makes it clear that the cb itself is the same structure.")).toBe(true);
    expect(PREPARES.test("Rename it to allow a future general-purpose update_refs function to be added.")).toBe(true);
  });
});

describe("reasons told in a third round of git.git's forms", () => {
  it("reads a fault of new people or a named option of today, not of the change's option", () => {
    expect(faultFound("New users can be irritated by the git status text in their editor.")).toBe(true);
    expect(faultFound("The test uses the 'z' option, i.e. \"compress the output while at\nit\", which is GNUism and not portable.")).toBe(true);
    expect(faultFound("Add a --frob option. The option is confusing without --verbose.")).toBe(false);
    expect(faultFound("While the buffer looks questionable, get_oid_hex reads only 40 bytes.")).toBe(false);
  });
  it("reads what some systems use or have and a fact told of them, not the new thing on them", () => {
    expect(outsideConstraint("Many Linux distributions use xinetd(8), not inetd(8).")).toBe(true);
    expect(outsideConstraint("On some systems, the chrome browser is named google-chrome.")).toBe(true);
    expect(outsideConstraint("Solaris 10 and newer has strtoumax().")).toBe(true);
    expect(outsideConstraint("On some systems the new helper is used instead.")).toBe(false);
    expect(outsideConstraint("Some callers use the old format.")).toBe(false);
  });
  it("reads what a thing of any subject is necessary to do, not what is not needed", () => {
    expect(statesRequirement("A full object name is necessary to later reconstruct a fake ancestor index.")).toBe(true);
    expect(statesRequirement("This is needed to convert parse_tree_indirect.")).toBe(true);
    expect(statesRequirement("Add frob(). No lock is needed to call it.")).toBe(false);
    expect(statesRequirement("This change is necessary to make the tests pass.")).toBe(false);
  });
  it("reads what a thing is worth or what the change helps with, not a negation or another subject", () => {
    expect(usefulnessTold("This function is useful outside of log-tree.c, too.")).toBe(true);
    expect(usefulnessTold("Add a lock check. It will soon prove useful.")).toBe(true);
    expect(usefulnessTold("This turns out to be rarely useful and is covered by commit.template.")).toBe(true);
    expect(usefulnessTold("Show the commit id in the message.\n\nEspecially helpful when cherry-picking multiple commits.")).toBe(true);
    expect(usefulnessTold("Use monospace fonts for the commit header. This helps viewing commit logs with ASCII art.")).toBe(true);
    expect(usefulnessTold("This will help counting the racily clean paths.")).toBe(true);
    expect(usefulnessTold("The old hook is not useful anymore.")).toBe(false);
    expect(usefulnessTold("Print useful information on failure.")).toBe(false);
    expect(usefulnessTold("The new flag helps users pick a branch.")).toBe(false);
    expect(usefulnessTold("Introduce match_atom_name() which helps in checking the atom.")).toBe(false);
    expect(usefulnessTold("The flag that callers may be useful to check is set on execute.")).toBe(false);
    expect(usefulnessTold("This will help readers of the parser code.")).toBe(false);
    expect(usefulnessTold("That would help reassure anybody committing other's changes.")).toBe(true);
  });
  it("reads what the writers want opening a sentence in words of its own, not a case inside a clause", () => {
    expect(wishTold("We want to be able to call it from multiple places.", "status: refactor short-mode printing to its own function")).toBe(true);
    expect(wishTold("Oftentimes, we'll want to refer to an empty tree by its hex name.", "sha1-file: add two helpers")).toBe(true);
    expect(wishTold("Later we want to access this parsing in builtin/pull as well.", "factor submodule recurse parsing out")).toBe(true);
    expect(wishTold("We'd rather get the revisions in a slow but timely manner than have to wait.", "Make rev-list flush the stdio buffers")).toBe(true);
    expect(wishTold("If we want to re-pack just local packfiles, check each object.", "pack-objects: add --local")).toBe(false);
    expect(wishTold("Track whether we want to honor includes in the options.", "config: move include flag")).toBe(false);
    expect(wishTold("We want to add the --quiet option.", "Add the --quiet option")).toBe(false);
  });
  it("reads a benefit named as one of several, what is required to do, a later reuse and an effect made explicit", () => {
    expect(usefulnessTold("Another benefit of using the hook API is that hook_run_opt() handles the SIGPIPE toggle logic.")).toBe(true);
    expect(usefulnessTold("Add a benefit field to the struct.")).toBe(false);
    expect(statesRequirement("Converting checkout_fast_forward is required to convert parse_tree_indirect.")).toBe(true);
    expect(statesRequirement("No option is required to run it.")).toBe(false);
    expect(PREPARES.test("Move the signature detection into tag.h/c for later reuse and modification.")).toBe(true);
    expect(JUDGED_EFFECT.test("This makes it explicit that the formats use the author date.")).toBe(true);
    expect(JUDGED_EFFECT.test("Make it explicit that the formats use the author date.")).toBe(false);
  });
  it("reads a contrast or a fix in the goal of what is needed, not the change's own words", () => {
    expect(statesRequirement("This is needed to allow the test suite to run against a standard\ninstall bin directory instead of GIT_EXEC_PATH.")).toBe(true);
    expect(statesRequirement("This is necessary to allow match_fragment() to attempt a match\nwith a preimage that is based on a version before whitespace\nerrors were fixed.")).toBe(true);
    expect(statesRequirement("No functional change. This is needed to fix verify-pack in a later patch.")).toBe(true);
    expect(statesRequirement("A lock is now needed to call it instead of the old flag.")).toBe(false);
    expect(statesRequirement("This is no longer needed to avoid the race.")).toBe(false);
  });
  it("reads a judgement with another subject or form, not an order or the new thing's size", () => {
    expect(JUDGED_EFFECT.test("The resulting patch makes it a lot easier to understand what the script does.")).toBe(true);
    expect(JUDGED_EFFECT.test("This patch makes it all consistent.")).toBe(true);
    expect(JUDGED_EFFECT.test("Make it easier to understand what the script does.")).toBe(false);
    expect(JUDGED_BETTER.test("The patch does a simple string comparison, but it'd be better to do an actual glob.")).toBe(true);
    expect(JUDGED_BETTER.test("Replace '! test -f' with 'test_path_is_missing' to get better debugging information.")).toBe(true);
    expect(JUDGED_BETTER.test("The new header is harder to parse than the record.")).toBe(false);
    expect(JUDGED_BETTER.test("Pass -v to get more output.")).toBe(false);
  });
  it("reads informing people as a goal, not telling a program what to do", () => {
    expect(givesGoal("To inform users that they can use the short form now.", "RelNotes: mention -P")).toBe(true);
    expect(givesGoal("Update documentation to warn users not to create noise.", "update using-topic-branches")).toBe(true);
    expect(givesGoal("Add a flag to tell git to skip the hook.", "Add --no-hook")).toBe(false);
    expect(givesGoal("Let's mark the unused ones to satisfy\n-Wunused-parameter.", "mark unused callback parameters")).toBe(true);
    expect(givesGoal("Cast the length to squelch a compiler warning.", "hash-object.c: use size_t")).toBe(true);
    expect(givesGoal("Give this condition a name to increase the readability of the\nboolean expression for enabling the option PCRE2_UTF.", "grep/pcre2: factor out literal variable")).toBe(true);
    expect(givesGoal("Raise the limit to increase the buffer size for large packs.", "Raise the pack buffer limit")).toBe(false);
  });
  it("reads a precedent followed, not a step of the change done again", () => {
    expect(followsPrecedent("The .txt extensions were changed to .adoc in 1f010d6bdf (doc: use .adoc\nextension, 2025-01-20).\n\nDo the same for contrib/subtree.")).toBe(true);
    expect(followsPrecedent("Other pages use --option=<argument>, not --option='argument', do the\nsame here.")).toBe(true);
    expect(followsPrecedent("These strings are not translatable in diagnose.c. Don't translate them in builtin/diagnose.c either.")).toBe(true);
    expect(followsPrecedent("Build and install together with the main\ndirectory, just like the clean target does.")).toBe(true);
    expect(followsPrecedent("Just like \"git commit\" does.")).toBe(true);
    expect(followsPrecedent("This patch handles the option just like the old code did for the rest.")).toBe(false);
    expect(followsPrecedent("Handle allocation errors for the name member just like we already do for the struct itself.")).toBe(true);
    expect(followsPrecedent("Rename foo() to bar() in a.c. Do the same for b.c.")).toBe(false);
    expect(followsPrecedent("Add a --quiet option. This patch does not touch the usage either.")).toBe(false);
    // A sentence opening on "Just like", or an earlier commit followed; not "Like X, …" nor
    // "just like" inside a sentence with no "does".
    expect(followsPrecedent("Just like `scalar register` starts the scheduled background maintenance,\n`scalar unregister` stops it.")).toBe(true);
    expect(followsPrecedent("Add support to push URLs.\n\nJust like in remote-hg.")).toBe(true);
    expect(followsPrecedent("Similar to the preceding commit, move the logic into \"packfile.c\".")).toBe(true);
    expect(followsPrecedent("Similar to commit eb8381c8, we need to use for_each_reflog().")).toBe(true);
    expect(followsPrecedent("Like git-receive-pack, this is only partway done.")).toBe(false);
    expect(followsPrecedent("The output looks just like a diff.")).toBe(false);
    expect(followsPrecedent("Add a helper for the parser. Just like before, the caller owns the buffer.")).toBe(false);
    expect(followsPrecedent("Add the option.\n\nJust like that, the user can pick a path.")).toBe(false);
    expect(followsPrecedent("Just like before fea16b4 (completion: add path completion).")).toBe(true);
    expect(followsPrecedent("Similar to die_errno(), these functions append strerror().")).toBe(false);
  });
});

describe("reasons told in a fourth round of git.git's forms", () => {
  it("reads a habit or a need of the people who use the code, not the new behaviour", () => {
    expect(peopleHabit("Sometimes people just include the whole format-patch output in\nthe commit e-mail.  Detect it and skip the bogus line.")).toBe(true);
    expect(peopleHabit("Users often find that \"next\" and \"prev\" do the opposite of what they\nexpect.")).toBe(true);
    expect(peopleHabit("Users want to know what branch they are sitting on before making a commit.")).toBe(true);
    expect(peopleHabit("Some people might prefer to be able to specify the find utility to use.")).toBe(true);
    expect(peopleHabit("Sometimes, the user may want to add or append multiple notes\nwithout any separator to be added between them.")).toBe(true);
    expect(peopleHabit("The user may want to set this option to skip the check.")).toBe(false);
    expect(peopleHabit("Now the user can add notes without a separator.")).toBe(false);
    expect(peopleHabit("Meta1-F5 is commonly mapped by window managers and what not.")).toBe(true);
    expect(peopleHabit("Paths in the host:path notation are usually interpreted\nrelative to the login directory rather than relative to\nthe root directory.")).toBe(true);
    expect(peopleHabit("The new option is usually interpreted relative to the login directory.")).toBe(false);
    expect(peopleHabit("Users can now set the colour per branch.")).toBe(false);
    expect(peopleHabit("Users who want the old order can set sort.order.")).toBe(false);
    expect(peopleHabit("With this change users often get the answer from the cache.")).toBe(false);
    expect(peopleHabit("Users will want to rerun the import.")).toBe(false);
  });
  it("reads what was possible before or how things used to be, not a condition nor a thing used", () => {
    expect(pastWay("Before commit d0b92a3f6e it was possible to run 'git index-pack'\ndirectly in the .git/objects/pack/ directory.  Restore that ability.")).toBe(true);
    expect(pastWay("It was possible to open the search input and the goto-line input at the same time. Prevent this.")).toBe(true);
    expect(pastWay("It used to be a single, huge line, badly wrapped by xterm.")).toBe(true);
    expect(pastWay("The -a and -r options used to be silently ignored in such a command.")).toBe(true);
    expect(pastWay("It also fixes git_diff_print which used to get the tabstop wrong.")).toBe(true);
    expect(pastWay("Used to be possible to push an empty ref.")).toBe(true);
    expect(pastWay("We used\nto clobber author time.")).toBe(true);
    expect(pastWay("The helper is used to compute the hash of the tree.")).toBe(false);
    expect(pastWay("The buffer used to store the name is freed on exit.")).toBe(false);
    expect(pastWay("Check whether we were able to take the lock.")).toBe(false);
  });
  it("reads a need of today's code, not an instruction, later work, a hedge or a noun", () => {
    const summary = "short i/o: fix config updates to use write_in_full";
    expect(needTold("We need to check that the writes we perform during the update of\nthe users configuration work.  Convert to using write_in_full().", summary)).toBe(true);
    expect(needTold("git help -w needs to know the right location of installed pages.", "RPM spec: Adjust htmldir")).toBe(true);
    expect(needTold("It is one of the server side programs and needs to be found on usual $PATH.", "Install git-cvsserver in $(bindir)")).toBe(true);
    expect(needTold("To enable it, you need to set gitweb.snapshot in the config file.", "gitweb: Support for snapshot")).toBe(false);
    expect(needTold("We'll need to rely on path matching to handle wildcards later.", "git-svn: reintroduce get_log()")).toBe(false);
    expect(needTold("But we still need to get rid of unnecessary merge commits somehow.", "Skip over empty commits")).toBe(false);
    expect(needTold("Remove the need to pipe git diff through git apply to get the summary.", "Add --summary to git diff")).toBe(false);
    expect(needTold("A later patch needs to get rid of the submodule exposure in the refs API.", "refs: store the main ref store")).toBe(false);
    expect(needTold("If the lock is stale, we need to remove the lock file first.", "Remove stale locks")).toBe(false);
    expect(needTold("It can make code simpler (no need to preserve cwd).", "Add run_command_v_opt_cd")).toBe(false);
  });
  it("reads an adverb between \"to\" and the verb of a goal, \"e.g.\" inside what is made possible, and \"allows to\"", () => {
    expect(givesGoal("Read the index once to further reduce the start-up time.", "Read the index once")).toBe(true);
    expect(opensOnPurpose("To further reduce the start-up time, the index is read once.", "Read the index once")).toBe(true);
    expect(makesPossible("This makes it possible to easily extend gitweb with custom functionality,\ne.g. git-browser or web-based repository administration system like\nthe repo.or.cz/Girocco duct tape.", "gitweb: Add support for extending the action bar with custom links")).toBe(true);
    expect(makesPossible("This makes it possible to extend gitweb, e.g. with custom links.", "gitweb: extend the action bar with custom links")).toBe(false);
    expect(allowsOwn("This allows to quickly differentiate between new and modified files\nin the index without selecting the file and looking at the diff.", "git-gui: use different icon for new and modified files in the index")).toBe(true);
  });
});

describe("reasons the precision round left unread", () => {
  it("reads a later change as a bare plural subject, with what it takes from this one", () => {
    expect(laterChangeUses("Fill in the caches.  Future commits will make use of these values.")).toBe(true);
    expect(laterChangeUses("Subsequent patches will take advantage of this to skip ignored directories.")).toBe(true);
    expect(laterChangeUses("Subsequent patches will fill in the implementation of protocol_v2.")).toBe(false);
    expect(laterChangeUses("A subsequent patch to support reading MIDX bitmaps will be less noisy\nafter extracting a generic function.")).toBe(true);
    expect(laterChangeUses("The next patch will be larger.")).toBe(false);
  });
  it("reads a judged improvement with \"better\" before its verb and \"this change\" as the subject", () => {
    expect(JUDGED_BETTER.test("It better describes the intent.")).toBe(true);
    expect(JUDGED_BETTER.test("Functions should have names that better reflect what they are a part of.")).toBe(true);
    expect(JUDGED_BETTER.test("Add it for completeness.")).toBe(true);
    expect(JUDGED_BETTER.test("Besides PATH_MAX seems to be more commonly used.")).toBe(true);
    expect(JUDGED_BETTER.test("List the most commonly used options first.")).toBe(false);
    expect(JUDGED_EFFECT.test("For the testcases mentioned above, this change improves the performance as follows:")).toBe(true);
    expect(JUDGED_EFFECT.test("This decreases the coupling between the two stores.")).toBe(true);
    expect(JUDGED_EFFECT.test("The flag is signed, but we typically pass around flags via unsigned integers.")).toBe(true);
    expect(JUDGED_EFFECT.test("We usually don't mind.")).toBe(false);
  });
  it("reads an inability of today, not a quote, a reader's instruction, a condition or the new thing", () => {
    expect(inabilityTold("Variables declared with \"my\" in the file scope cannot be accessed from\nsubroutines with mod_perl.")).toBe(true);
    expect(inabilityTold("We cannot rely on long integers to have more than 32 bits.")).toBe(true);
    expect(inabilityTold("This function cannot fail, make it void.")).toBe(true);
    expect(inabilityTold("builtin/add: add detail to a 'cannot chmod' error message")).toBe(false);
    expect(inabilityTold("Elaborate on the restriction that you cannot provide a revision.")).toBe(false);
    expect(inabilityTold("Check the lock so that a second process cannot take it.")).toBe(false);
    expect(inabilityTold("Unlike `remove --stdin`, this option cannot be combined with object names.")).toBe(false);
    expect(inabilityTold("The new helper cannot be called twice.")).toBe(false);
  });
  it("reads an age or a shortfall judged, a step done before a later one, and what we need for what", () => {
    expect(ageJudged("This option is ancient. Nowadays reflog is enabled by default.")).toBe(true);
    expect(ageJudged("The 32-bit CI jobs run on an Ubuntu image that is too ancient.")).toBe(true);
    expect(ageJudged("The new format is not obsolete yet.")).toBe(false);
    expect(faultFound("Users shouldn't be fetching them unless configured; anything else is just crazy.")).toBe(true);
    expect(faultFound("Adding a declaration at the beginning is not sufficient for obvious reasons.")).toBe(true);
    expect(faultFound("The new cache is incomplete, but good enough for now.")).toBe(false);
    expect(beforeNextStep("Before adding the streaming filter API to the conversion layer,\nmove the existing declarations to their own header file.")).toBe(true);
    expect(beforeNextStep("Run the tests before adding the filter, then move the declarations.")).toBe(false);
    expect(opensOnPurpose("To facilitate having this function called later using information stored\nin a struct, accept a diff_filepair instead of a rename.", "Update the call signature")).toBe(true);
    expect(statesNeed("We need the base blob to compute a delta to be sent to the server.", "git-svn: extract base blob in generate_diff")).toBe(true);
    // Wrapped between the words its guard looks for.
    expect(statesNeed("We\nneed the base blob to compute a delta to be sent to the server.", "git-svn: extract base blob in generate_diff")).toBe(true);
    expect(statesNeed("Keep the resolved paths in the index, so that\nthe walker can skip the lstat calls.", "Cache the resolved paths")).toBe(true);
    expect(contrastTold("The surrounding advice is printed to stderr, but\nthe list of submodules is not. Report everything to stderr.")).toBe(true);
    expect(contrastTold("In contrast to other plumbing tools, git-ssh-push only\nallow a very restrictive form of commit-id filenames.")).toBe(true);
    expect(contrastTold("In contrast to the old parser, the new parser reads the file once.")).toBe(false);
    // The negated fact in a sentence of its own after "However,"; not the new code's.
    expect(contrastTold("The list_modified function already knows how to handle an\nunborn branch. However,\nthe diff we perform to get the actual hunks does not. Let's\nuse the same logic for both diffs.")).toBe(true);
    expect(contrastTold("The list function handles an unborn branch. However, with this change the diff does not.")).toBe(false);
    // The same pair of facts with only a comma between, across a wrap too; not the new way against the old.
    expect(negatedPairTold("DBI->table_info is portable across different DBD backends,\nDBI->tables is not.")).toBe(true);
    expect(negatedPairTold("Mercurial supports them, Git doesn't.")).toBe(true);
    expect(negatedPairTold("We would strip all leading and trailing whitespace, which git commit\ndoes not. Let's be consistent here.")).toBe(true);
    expect(negatedPairTold("The new helper checks the length, the old one did not.")).toBe(false);
    expect(negatedPairTold("After this patch the reader accepts CRLF, the writer does not.")).toBe(false);
    expect(negatedPairTold("Mercurial supports them, and Git supports them too.")).toBe(false);
    // The change's own reach told in the passive is what it does, not two facts of today.
    expect(negatedPairTold("Linux is supported, Windows is not.")).toBe(true);
    for (const text of ["The reader is ported, the writer is not.", "The README is updated, the man page is not.", "The helper is renamed, its callers are not.", "The unit tests have been moved, the integration tests have not."]) {
      expect(negatedPairTold(text), text).toBe(false);
      expect(contrastTold(text.replace(", ", ", but ")), text).toBe(false);
    }
    expect(statesNeed("If the lock is stale, we need the lock file removed before the retry.", "Remove stale locks")).toBe(false);
  });
});

describe("reasons told in a long body's plain words", () => {
  it("reads a goal across a line wrap, and still on its first line alone", () => {
    const summary = "submodule-config: verify submodule names as paths";
    expect(givesGoal("Let's sanity-check these names to avoid building a path that\ncan be exploited.", summary)).toBe(true);
    expect(givesGoal("Consolidate the cases together into one catch-all case to reduce the\nrepetition.", "git-completion.bash: consolidate cases in _git_stash()")).toBe(true);
    expect(givesGoal("the prerequisites lines need the title only to help the recipient of\nthe bundle.", "bundle: split out a helper function")).toBe(true);
    expect(givesGoal("Sanity-check these names to avoid building a path\n\nthat can be exploited.", summary)).toBe(false);
    expect(givesGoal("Fix the command to avoid printing a spurious\nmessage.", "git-submodule: Avoid printing a spurious message")).toBe(false);
  });

  it("reads a consequence drawn with \"this means\" at a sentence's or a clause's start", () => {
    expect(meansConsequence("The default value uses \\W, which matches a non-word\ncharacter; this means that commit messages like \"Merging FOO\" are not\nmatched by default.")).toBe(true);
    expect(meansConsequence("This means one less process in the pipeline to worry about.")).toBe(true);
    expect(meansConsequence("On many platforms the value is cached. That means that setting $TZ may\nhave no effect.")).toBe(true);
    expect(meansConsequence("This makes our output nicer, and it means that we do not break the &&-chain.")).toBe(true);
    expect(meansConsequence("It is not obvious to a novice what it means for a tree to be equal to HEAD.")).toBe(false);
    expect(meansConsequence("If the value is 0, this means no limit.")).toBe(false);
  });

  it("reads what a way of doing things brings, with a gerund as the subject", () => {
    expect(gerundEffect("Add the macro QSORT.  Using the macro avoids such surprises.")).toBe(true);
    expect(gerundEffect("Changing the name of the local variable prevents future possible misunderstanding.")).toBe(true);
    expect(gerundEffect("These sites offer https versions.\nUsing the https versions provides some protection for users.")).toBe(true);
    expect(gerundEffect("Giving it a default value protects against user errors.")).toBe(true);
    expect(gerundEffect("Using the https versions provides a list of mirrors.")).toBe(false);
    expect(gerundEffect("Stripping off that final\nslash character before loading it allows\ngit-gui to stage changes to submodules.")).toBe(true);
    expect(gerundEffect("Using 2-parameter add in example 1 makes the example much simpler.")).toBe(true);
    expect(gerundEffect("Nothing prevents the caller from passing NULL.")).toBe(false);
    expect(gerundEffect("String handling allows anything.")).toBe(false);
    expect(gerundEffect("Use the macro. The macro avoids such surprises.")).toBe(false);
    expect(gerundEffect("Using the macro.\n\nThis avoids nothing.")).toBe(false);
  });
});

describe("reasons read where a purpose or causal cue fired and no reading took it", () => {
  it("reads a goal of improving, ensuring, supporting or taking advantage, not the summary's own nor a new ability", () => {
    expect(givesGoal('Assert output of "git ls-files" in t1005-read-tree-reset.sh to improve\ntest coverage.', "t1005: assert output of ls-files")).toBe(true);
    expect(givesGoal("Break out of the loop to ensure restore_term() is called before\nreturning.", "terminal: always reset terminal when reading without echo")).toBe(true);
    expect(givesGoal("The argument is a path, which can have either '/' or '\\\\' as a separator. Use is_dir_sep() to support both.", "refs.c: use is_dir_sep() in resolve_gitlink_ref()")).toBe(true);
    expect(givesGoal("Use `git_config_get_bool()` family instead of `git_config()` to take advantage of\nthe config-set API which provides a cleaner control flow.", "daemon.c: replace `git_config()` with `git_config_get_bool()` family")).toBe(true);
    expect(givesGoal("Move the function to the remote subsystem to better align with the separation of concerns.", "remote: relocate valid_remote_name")).toBe(true);
    // The summary's goal again, a goal denied, and an ability learnt are no reason.
    expect(givesGoal("In a similar fashion as previous commits, use nth_midxed_pack() instead\nof accessing the MIDX's ->packs array directly to support incremental\nMIDXs.", "pack-bitmap.c: compute disk-usage with incremental MIDXs")).toBe(false);
    expect(givesGoal("This is a faithful conversion without attempting to improve anything.", "grep: remove #ifdef NO_PTHREADS")).toBe(false);
    expect(givesGoal('"git send-email" learns to support use of client-side certificates.', "Merge branch 'dt/send-email-client-cert'")).toBe(false);
  });

  it("reads what a participle after a comma makes easier or spares, with no subject", () => {
    expect(JUDGED_EFFECT.test("Let's just take that length directly, making it easier to use\nthe function from callers that do not have a name_entry at all.")).toBe(true);
    expect(JUDGED_EFFECT.test("Multiple commands were displayed in one line, making the manpage hard to read.")).toBe(true);
    expect(JUDGED_EFFECT.test("Use the X resources to set the font, removing the need to set the font\nfor specific widgets.")).toBe(true);
    expect(JUDGED_EFFECT.test("Add a --depth option, making it possible to fetch a shallow history.")).toBe(false);
    expect(JUDGED_EFFECT.test("Keep the list sorted, making lookups by name.")).toBe(false);
  });

  it("reads a gerund subject judged better with a copula", () => {
    expect(gerundEffect("Maintaining an array of hashes is easier using sha1_array than\nopen-coding it.")).toBe(true);
    expect(gerundEffect("Using the helper is much simpler.")).toBe(true);
    expect(gerundEffect("The new helper is easier to use.")).toBe(false);
    expect(gerundEffect("Nothing is simpler than that.")).toBe(false);
  });
});

describe("findingTold", () => {
  it("reads a sentence that opens on \"It turns out\" or \"It turned out\", not one of how the work went", () => {
    expect(findingTold('It turns out that git fast-import can "resume" from an existing branch just fine.')).toBe(true);
    expect(findingTold("The crash was random. It turns out the delta base spans the end of a window.")).toBe(true);
    expect(findingTold("It turned out that on SVN 1.5, it was placed in the wrong section.")).toBe(true);
    expect(findingTold("It turned out that the particular test was using \"exit\" to stop.")).toBe(true);
    // Wrapped inside the opening, as a body at 72 columns often is.
    expect(findingTold("The crash was random. It\nturns out the delta base spans the end of a window.")).toBe(true);
    expect(findingTold("The crash was random. It turns\nout the delta base spans the end of a window.")).toBe(true);
    expect(findingTold("It turned out we only had to edit in one direction.")).toBe(false);
    expect(findingTold("It turned out that I had to rewrite the loop as well.")).toBe(false);
    expect(findingTold("It turns out to be rarely useful.")).toBe(false);
    expect(findingTold("We looked again, and it turns out that the check is redundant.")).toBe(false);
  });
});

describe("soOpensTold", () => {
  it("reads a sentence that opens on \"So\" with a thing's clause and no comma", () => {
    expect(soOpensTold("So it doesn't time out.")).toBe(true);
    expect(soOpensTold("So that we can reuse src later on.")).toBe(true);
    expect(soOpensTold("It uses a GCC extension. So it will not compile with other compilers.")).toBe(true);
    expect(soOpensTold("It is possible to have recursive aliases.\n\nSo the completion should detect them.")).toBe(true);
    expect(soOpensTold("It uses a GCC extension. So\nit will not compile with other compilers.")).toBe(true);
  });

  it("leaves the writer's account, the change, a comma, a lead into a list and a mid-sentence so", () => {
    expect(soOpensTold("So we use the lstat cache to find the prefix.")).toBe(false);
    expect(soOpensTold("So this patch makes the filter quote its output.")).toBe(false);
    expect(soOpensTold("So the patch is small.")).toBe(false);
    expect(soOpensTold("So our change is only a rename.")).toBe(false);
    expect(soOpensTold("So the diff is big.")).toBe(false);
    expect(soOpensTold("So, it doesn't time out.")).toBe(false);
    expect(soOpensTold("So the result is:")).toBe(false);
    expect(soOpensTold("So that's why the test fails.")).toBe(false);
    expect(soOpensTold("Read it lazily so it doesn't time out.")).toBe(false);
  });
});

describe("contradictionTold", () => {
  it("reads a claim of a text, an assumption or an expectation that what follows contradicts", () => {
    const told = [
      "'git for-each-ref's manpage says that '--contains' only lists tags,\nbut it lists all kinds of refs.",
      "The docs said the pager wraps at 80 columns, but the code wraps at 72.",
      // Wrapped between the two words of the contradiction.
      "The docs said the pager wraps at 80 columns; in\nfact it wraps at 72.",
      "The docs said the pager wraps at 80 columns, which is not the\ncase on Windows.",
      "The comment above the loop claims the list is sorted, but callers append to it in any order.",
      "We assumed the config file is always present; it turns out it is optional on fresh clones.",
      "It was assumed that nobody else writes the index while we run, but the hook can.",
      "This list was obviously meant to\nbe sorted alphabetically, but there is one mistake.",
      "The helper was supposed to take the lock itself. However, it never did.",
      "These two tests assume that sed keeps the last line; the assumption is not true on Solaris.",
      "We assumed that flush() is only called once; that turned out to be wrong.",
      "Contrary to what the comment says, the caller does not own the buffer.",
      "Callers expect the list to be sorted, but the parser appends to it in any order.",
      // A plural subject's claim in the present.
      "The docs say the flag is optional, but the parser rejects a call without it.",
      "The release notes state that 2.0 reads old configs; in fact it refuses them.",
      "Some tests expect that \"ls -l\" shows '-' or 'x' for the group bit, but setgid can make it 's'.",
      "The comment claims every ref is packed, which holds for most remotes, but not true for this one.",
      "That is what the documentation says, but the code pretends all the tokens were given.",
      "Contrary to the documentation, only the last of multiple --sort options is taken into account.",
      "It returned NULL when mustexist was false, contrary to its docstring.",
      "But this runs contrary to the advice in tempfile.h.",
      "Pruning may occur, contrary to the user's express wish.",
      "At first I thought the limits might be shared between the containers, but each has its own.",
      'Take "number = 1auto", where the word "auto" was meant to occur on the next line, but the LF is missing.',
      // A guess at how things are, with a word in -er or -est that is no comparative.
      "I thought the cache would be user-scoped, but it is shared by every account.",
      "I expected that the daemon would be the owner of the lock, but the client takes it.",
      "I thought this would be another race in the server, but the counter is never reset.",
      "I expected the header would be the request id, but it holds the session id.",
    ];
    for (const text of told) expect(contradictionTold(text), text).toBe(true);
  });

  it("leaves aims side by side, a guess, the new thing, an idea weighed, a scope, the writer's act", () => {
    const not = [
      'When it dies, it is not supposed to destroy this "bigger picture", but rather only its own view.',
      "It is not only supposed to parse the file but also to validate it.",
      "I believe this is because the repository has no tags, but then has tags in the next fetch.",
      "The new option is meant to be used by scripts, but humans may use it too.",
      "I thought about caching the result, but decided against it.",
      "We thought of a lock at first, but a queue is simpler.",
      "The docs say how to configure the pager.",
      "It turns out that the check runs before the options are parsed.",
      "Tests expected the old message, but I updated them.",
      "The tests expected the old wording. However, we have adjusted them to the new one.",
      "The README describes the install steps, but not the upgrade.",
      "The helper is meant to be useful but not all-inclusive.",
      "I assume they are not bugs, but are just leftovers of the series.",
      "The result is what we expected. But the run takes longer than before.",
      "This is a larger effect than I expected (but here we gained almost 90s).",
      'This function, contrary to the call to get_refs(), does strip "tags/" and returns the bare name.',
      "Contrary to the default form, this can be parsed unambiguously.",
      "I thought we might get an even bigger improvement, but the remaining memory goes to trees.",
      "I expected that sort-after would be the fastest, but the prio-queue seems a bit faster.",
      // Comparatives of the adjectives' spelling rules: -e dropped, a consonant doubled, -y to -i.
      "I expected the new index would be larger, but it is the same size.",
      "I thought the second pass would be bigger, but it is only a few objects.",
      "I thought that the rewrite would be easier, but the callers depend on the order.",
      // A word of degree before the comparative.
      "I expected the cache would be much faster, but it only saves a few milliseconds.",
      "I thought the new walk might be a bit slower, but it is the same.",
      "They give a general flavor of how it is meant to be used, but they are only a start.",
    ];
    for (const text of not) expect(contradictionTold(text), text).toBe(false);
  });

  it("leaves a present purpose to the thing the summary builds, unless marked as today's", () => {
    const built = "The generator is designed to drop in other build systems. However, the focus has been Windows.";
    expect(contradictionTold(built, ["scripts"])).toBe(false);
    expect(contradictionTold(built)).toBe(true);
    expect(contradictionTold("The helper was designed to take the lock itself. However, it never did.", ["lock"])).toBe(true);
    expect(contradictionTold("Our color parsing is designed to never exceed the limit. But the bound is not obvious.", ["overflow"])).toBe(true);
    // The new thing named as code is still the new thing's.
    expect(contradictionTold("checksum_valid() is intended to be used by callers who do not write the data, but who want to check it.", ["checksum", "valid"])).toBe(false);
    expect(contradictionTold("The --porcelain option is meant to be used by scripts, but people read it too.", ["porcelain"])).toBe(false);
    // Code named in another clause is not the subject.
    const similar = "This is similar to hashfd_check(), but different since it is intended to be used by readers, but who want to check it.";
    expect(contradictionTold(similar, ["checksum", "valid"])).toBe(false);
  });

  it("reads a present purpose of code the summary does not build, named as code, under a summary that builds a thing", () => {
    const told = [
      "color_parse_mem() is designed to never exceed COLOR_MAXLEN bytes. But the bound is not obvious.",
      "`want_color_fd()` is designed to work only with stdout and stderr. However, it does not check the descriptor.",
      "The core.attributesFile setting is intended to be set per repository, but it is kept in one global variable.",
      "The --no-quiet option is meant to force progress output. However, the children check isatty(2) themselves.",
    ];
    for (const text of told) expect(contradictionTold(text, ["overflow", "checks"]), text).toBe(true);
  });

  it("reads \"supposed to\" as an expectation whatever the summary builds", () => {
    // What should be so and is not: git.git writes it of today's code, not of a design.
    expect(contradictionTold("The writer is supposed to flush every block, but it keeps the last one.", ["flush", "check"])).toBe(true);
  });
});

describe("a goal of allowing or keeping something", () => {
  it("reads it after an order, in words of its own", () => {
    expect(givesGoal("Tighten dependencies to allow parallel build.", "Makefile: git-merge-recur depends on xdiff libraries.")).toBe(true);
    expect(givesGoal("Load the replace objects into an oidmap to allow for easy lookups in constant time.", "replace_object: use oidmap")).toBe(true);
    expect(givesGoal("All external call sites are converted blindly to keep the patch simple.", "dir.c: remove an implicit dependency on the_index")).toBe(true);
    expect(givesGoal("Sort them to keep the output stable across runs.", "Sort the entries by name")).toBe(true);
  });

  it("leaves what a thing is used for, a lack, changes to allow, and the summary's own goal", () => {
    expect(givesGoal("Add a flag that can be used to keep unknown options in argv.", "parseopt: add PARSE_OPT_KEEP_UNKNOWN")).toBe(false);
    expect(givesGoal("Asciidoc does not seem to allow more than one line in the SYNOPSIS section.", "Documentation: git-mv manpage workaround.")).toBe(false);
    expect(givesGoal("Reflect the changes to additionally allow all users to read the created repository.", "Update git-init-db(1)")).toBe(false);
    expect(givesGoal("Call setup_git_directory_gently to allow git-imap-send to be used from subdirectories.", "git-imap-send: Allow the program to be run from subdirectories")).toBe(false);
  });
});

describe("phrases wrapped across lines", () => {
  // A body wrapped at 72 columns breaks a phrase of several words as often as not: each reading
  // takes it wrapped as it takes it on one line.
  it("reads a reason whose phrase a line break splits", () => {
    expect(BENEFIT.test("With the new pointer, we don't\nhave to assume the_repository in the backends anymore.")).toBe(true);
    expect(PROBLEM_TOLD.test("The import failed and git-remote-mediawiki gave no\nclue about the reason.")).toBe(true);
    expect(PROBLEM_TOLD.test("Any\nuser could read the token from the process list.")).toBe(true);
    expect(STATED_REASON.test("Keep the TERM variable, which is required\nby tput.")).toBe(true);
    expect(STATED_REASON.test("This does not seem to buy us much, for the same reason as the\nprevious change.")).toBe(true);
    expect(STATED_REASON.test("For similar reasons as the preceding commit, pass the variable directly.")).toBe(true);
    expect(STATED_REASON.test("For the same reason as in 1a2b3c4d, drop the flag.")).toBe(true);
    expect(STATED_REASON.test("It fails for the same reason as the other test does.")).toBe(false);
    expect(STATED_REASON.test("This follows the same motivation as the preceding\ncommit.")).toBe(true);
    expect(STATED_REASON.test("This is a companion patch to the previous fix.")).toBe(true);
    expect(STATED_REASON.test("This commit is the equivalent to the preceding commit, but for\nunsigned options.")).toBe(true);
    expect(STATED_REASON.test("Use the equivalent of the previous value.")).toBe(false);
    expect(STATED_REASON.test("It shares the same motivation as the old parser.")).toBe(false);
    expect(causalAsTold("Prevent offsets beyond 4G, as the xdelta used in\nthe pack format cannot represent them.")).toBe(true);
    expect(causalAsTold("Mark it const, as it neither owns nor modifies it.")).toBe(true);
    // Manner, comparison, the change's own subject, or a modal with nothing after it.
    for (const text of ["Print them, as we can see in the output.", "Keep the list, as well as the map.", "Print it, as before.", "It works, as it should.", "Move it, as we will do for the others.", "Print it, as this patch will make the summary shorter.", "Keep it, as the new option cannot be combined with --all.", "Quote the path in the hook, as a shell would quote it.", "Print the refs at the end, as the other commands will print them."]) {
      expect(causalAsTold(text), text).toBe(false);
    }
    expect(STATED_REASON.test("Use '{tilde}' instead of '~', becase the later does not appear.")).toBe(true);
    expect(STATED_REASON.test("Use it, becuase the other is slow.")).toBe(true);
    expect(MEASURED_COST.test("The migration could\ntake up to six hours on large tables.")).toBe(true);
    expect(opensOnPurpose("To speed\nup lookups of long paths, the table is kept sorted by name.", "Sort the path table")).toBe(true);
    expect(wholeWorkRepeated("The dashboard query scans the\nwhole orders table on every page load.")).toBe(true);
  });

  it("leaves a state after the change whose words a line break splits", () => {
    expect(limitTold("Names written by this\nseries can be longer than 64 bytes.")).toBe(false);
    expect(statesRequirement("The helper should not be static once this\ncommit is in.")).toBe(false);
  });
});


describe("easierForPeople", () => {
  it("reads a benefit to people told with a comparative, and what new options let them do", () => {
    expect(easierForPeople("Make it easier for readers to find the actual config variables.")).toBe(true);
    expect(easierForPeople("which will be a litle easier for\nend users and a lot easier for translators.")).toBe(true);
    expect(easierForPeople("These options allow users to control how exactly benchmarks are executed.")).toBe(true);
  });

  it("does not read a comparative for code, nor options that allow code", () => {
    expect(easierForPeople("Make it easier for the parser to skip blank lines.")).toBe(false);
    expect(easierForPeople("These options allow the parser to skip blank lines.")).toBe(false);
  });
});

describe("duplicatesTold", () => {
  it("reads code told to exist twice today", () => {
    expect(duplicatesTold("There are two very similar blocks of code that recognize options.")).toBe(true);
    expect(duplicatesTold("We have three nearly identical copies of the loop.")).toBe(true);
    expect(duplicatesTold("There are two similar options.")).toBe(false);
    // Copies the change makes are no duplication found today.
    expect(duplicatesTold("Add two identical copies of the fixture for the tests.")).toBe(false);
    expect(duplicatesTold("This creates\nthree similar helpers, one per backend.")).toBe(false);
  });
});

describe("designTold", () => {
  it("reads what today's design does, or the design named at fault, as the change's ground", () => {
    expect(designTold("The cache is evicted by design on close.")).toBe(true);
    expect(designTold("The upload crashes by design on a stale token.")).toBe(true);
    expect(designTold("This set of variables is broken by design, as their state often depends on\nthe last repository config that has been parsed.")).toBe(true);
    expect(designTold("the external diff driver\ndeliberately ignored the exit status, which was a design mistake.")).toBe(true);
    expect(designTold("Encouraging users to specify --prefix to work around a design flaw in git-svn is suboptimal.")).toBe(true);
  });

  it("does not read the change's own design or the state after it", () => {
    expect(designTold("The new cache is evicted by design on close.")).toBe(false);
    expect(designTold("This patch drops the entries on close by design.")).toBe(false);
    expect(designTold("The cache is now evicted by design on close.")).toBe(false);
    expect(designTold("The design of the cache is simple.")).toBe(false);
    // A fault denied is none.
    expect(designTold("This is not a design flaw in the cache.")).toBe(false);
    expect(designTold("There is no design flaw in the cache.")).toBe(false);
    expect(designTold("The eviction on close, which is not a design mistake, stays.")).toBe(false);
    expect(designTold("It isn't a broken design.")).toBe(false);
  });

  it("does not read a question, nor a design said of the new thing after it", () => {
    // The same words as a statement are read: the question mark alone keeps them out.
    expect(designTold("Is the cache evicted by design?")).toBe(false);
    expect(designTold("Is the cache evicted by design when the session closes, or is that a bug?")).toBe(false);
    expect(designTold("Is the cache evicted by design? It is broken by design.")).toBe(true);
    expect(designTold("The entries are dropped by design in the new cache.")).toBe(false);
    expect(designTold("The entries are dropped by design in this patch.")).toBe(false);
    expect(designTold("The entries are dropped by design in the old cache.")).toBe(true);
  });
});

describe("requirementNamed", () => {
  it("reads a requirement named by its noun after a copula", () => {
    expect(requirementNamed("A single writer is a hard prerequisite of the design.")).toBe(true);
    expect(requirementNamed("Having one writer is one of the preconditions of the on-disk format.")).toBe(true);
    expect(requirementNamed("In more recent versions of MediaWiki this is a requirement.")).toBe(true);
    expect(requirementNamed("A single writer is a design pre-requisite.")).toBe(true);
  });

  it("does not read a requirement denied, the new thing's, or one the change brings", () => {
    expect(requirementNamed("A single writer is not a requirement.")).toBe(false);
    expect(requirementNamed("The new flag is a hard requirement of the design.")).toBe(false);
    expect(requirementNamed("With this change a single writer becomes a requirement.")).toBe(false);
    expect(requirementNamed("The requirements are listed in INSTALL.")).toBe(false);
  });

  it("does not read a question, nor a requirement of the change's new thing named after it", () => {
    expect(requirementNamed("Which of these is a hard requirement?")).toBe(false);
    expect(requirementNamed("Which of these is a hard requirement here, and why?")).toBe(false);
    expect(requirementNamed("Of these, a single writer is a hard requirement.")).toBe(true);
    // What the change requires is no ground of today's.
    expect(requirementNamed("Node 20 is a requirement of the new build.")).toBe(false);
    expect(requirementNamed("Node 20 is a requirement for this change.")).toBe(false);
    expect(requirementNamed("Node 20 is a requirement for the\nnew build.")).toBe(false);
    expect(requirementNamed("Node 20 is a requirement of the release build.")).toBe(true);
  });

  it("reads a requirement or a design for new people, or a kind of new thing, as today's", () => {
    expect(requirementNamed("Node 20 is a requirement for new users.")).toBe(true);
    expect(requirementNamed("Node 20 is a requirement for the new\ncontributors.")).toBe(true);
    expect(requirementNamed("Signed commits are a requirement for new code.")).toBe(true);
    expect(designTold("Uploads are throttled by design for new contributors.")).toBe(true);
    expect(designTold("Uploads are throttled by design for the new accounts.")).toBe(true);
    // The change's own new thing, named definitely, still is not.
    expect(requirementNamed("Node 20 is a requirement for our new installer.")).toBe(false);
    expect(designTold("Uploads are throttled by design in its new queue.")).toBe(false);
  });

  it("reads the change's new thing in a code noun or a compound after \"the new\", not people", () => {
    // A client, a reader or a visitor is as often a thing in code: the change's own.
    expect(requirementNamed("Node 20 is a requirement for the new client.")).toBe(false);
    expect(requirementNamed("Node 20 is a requirement for the new CSV reader.")).toBe(false);
    expect(designTold("Uploads are throttled by design in the new visitor.")).toBe(false);
    // A people noun that qualifies another noun names a thing.
    expect(requirementNamed("Node 20 is a requirement for the new users table.")).toBe(false);
    expect(requirementNamed("Node 20 is a requirement for the new admin page.")).toBe(false);
    expect(designTold("Uploads are throttled by design for the new user-facing queue.")).toBe(false);
    // People that end their phrase, alone or before a word that opens no noun, stay today's.
    expect(requirementNamed("Node 20 is a requirement for the new user accounts.")).toBe(true);
    expect(requirementNamed("Node 20 is a requirement for the new users who install it.")).toBe(true);
    expect(designTold("Uploads are throttled by design for the new members and guests.")).toBe(true);
  });

  it("lint() reads the why of a requirement for new users, and none of the new build's", () => {
    const summary = "Require Node 20 in the engines field";
    const people = lint(`${summary}\n\nNode 20 is a requirement for new users.\n`);
    expect(people.facets.why).toBe("explained");
    expect(people.findings.map((finding) => finding.ruleId)).not.toContain("body-why");
    const build = lint(`${summary}\n\nNode 20 is a requirement for the new build.\n`);
    expect(build.facets.why).toBe("missing");
    expect(build.findings.map((finding) => finding.ruleId)).toContain("body-why");
  });
});
