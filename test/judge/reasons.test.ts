// Reasons read from a body: what a later change takes from this one.
import { describe, expect, it } from "vitest";
import { ENABLES, faultFound, faultyManner, JUDGED_BETTER, JUDGED_EFFECT, laterChangeUses, makesPossible, outsideConstraint, PREPARES } from "../../src/judge/reasons.js";

describe("laterChangeUses", () => {
  it("reads what a later change takes from this one within its sentence, across a line wrap but not a blank line", () => {
    expect(laterChangeUses("A later patch will make\nuse of that code.")).toBe(true);
    expect(laterChangeUses("A later patch will rework the parser\n\nThe cache uses this helper for lookups.")).toBe(false);
    expect(laterChangeUses("A later patch will rework the parser \n \t\nThe cache uses this helper for lookups.")).toBe(false);
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

describe("PREPARES", () => {
  it("reads a preparation told with a noun, not the preparing of a thing", () => {
    expect(PREPARES.test("This is preparation for moving parts of it into tree.c.")).toBe(true);
    expect(PREPARES.test("This is a preparation patch to let the porcelain set show_all_errors itself.")).toBe(true);
    expect(PREPARES.test("This new API will be taken advantage of in a patch later in this set.")).toBe(true);
    expect(PREPARES.test("A helper optimizes the preparation of test repositories.")).toBe(false);
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
    expect(faultFound("This version is a bit odd, but it works.")).toBe(false);
    expect(faultFound("This commit is obviously silly by itself.")).toBe(false);
  });
});
