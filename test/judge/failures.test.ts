// Failures read from a body: which words place a failure or a shortcoming after the change.
import { describe, expect, it } from "vitest";
import { errorMet, fixedFailureNamed, negatedShortcoming, presentFailure, problemEvent, toldMistake } from "../../src/judge/failures.js";

describe("words that place a clause after the change", () => {
  it("reads a negation with 'anymore' as today's state, and one with 'yet' or 'now' as the new code's", () => {
    expect(negatedShortcoming("The parser doesn't handle tilde paths.")).toBe(true);
    expect(negatedShortcoming("This mode does not, however, assert that the types are stored correctly.")).toBe(true);
    expect(negatedShortcoming("The parser doesn't handle tilde paths anymore.")).toBe(true);
    expect(negatedShortcoming("The parser doesn't handle tilde paths yet.")).toBe(false);
    expect(negatedShortcoming("The parser doesn't handle tilde paths now.")).toBe(false);
  });

  it("reads \"fixed\" after a determiner or before a hyphen as an adjective, not as a fix", () => {
    expect(negatedShortcoming("Long names can wrap, but the fixed 25px header height does not grow with\nwrapped content.")).toBe(true);
    expect(negatedShortcoming("A fixed-size reflog buffer does not grow with the input.")).toBe(true);
    // A quoted name is a subject as a word is; a condition still tells no state.
    expect(negatedShortcoming("The \"-v\" option is shown in the SYNOPSIS section near the top, but\n\"-q\" is not shown anywhere there.")).toBe(true);
    expect(negatedShortcoming("\"schlecht\" doesn't quite sound right to me.")).toBe(true);
    expect(negatedShortcoming("If \"-q\" is not given, print the names.")).toBe(false);
    // A fix told in the sentence still puts the failure out of today.
    expect(negatedShortcoming("The header does not grow, which is fixed here by a min-height.")).toBe(false);
  });

  it("reads 'instead' as the new way after a deliberate failure only, and 'no longer' after either", () => {
    expect(presentFailure("The loader crashes instead of reporting the bad path.", false, [])).toBe(true);
    expect(presentFailure("The loader fails instead of reporting the bad path.", false, [])).toBe(false);
    expect(presentFailure("The loader crashes on a bad path.", false, [])).toBe(true);
    expect(presentFailure("The loader no longer crashes on a bad path.", false, [])).toBe(false);
    expect(presentFailure("The loader now crashes on a bad path.", false, [])).toBe(false);
  });

  it("reads the word after a failure verb across a line wrap, not across a blank line", () => {
    expect(presentFailure("Running \"git cherry-pick\" as an x-command in the rebase plan loses\nthe original authorship information.", false, [])).toBe(true);
    expect(presentFailure("The exporter leaks\n  a file handle per export.", false, [])).toBe(true);
    expect(presentFailure("The exporter leaks\n\nA file handle is kept per export.", false, [])).toBe(false);
  });

  it("reads a bare plural as the object of a failure verb that takes one", () => {
    expect(presentFailure("The editor loses drafts on close.", false, [])).toBe(true);
    expect(presentFailure("The exporter leaks\nhandles when the upload is cancelled.", false, [])).toBe(true);
    expect(presentFailure("The importer corrupts entries with a tab.", false, [])).toBe(true);
    // A verb that takes no object is no failure before a plural, nor is a failure noun after a verb.
    expect(presentFailure("The test crashes reports nothing.", false, [])).toBe(false);
    expect(presentFailure("Valgrind reports leaks sometimes.", false, [])).toBe(false);
    expect(presentFailure("The editor now loses drafts on close.", false, [])).toBe(false);
    // "breaks" and a bare plural is as often an act the code means to do as a fault.
    expect(presentFailure("The formatter breaks lines at 80 columns.", false, [])).toBe(false);
    expect(presentFailure("The sort breaks ties by name.", false, [])).toBe(false);
    expect(presentFailure("The update breaks the build on macOS.", false, [])).toBe(true);
  });

  it("reads a singular object with no determiner after a failure verb that takes one", () => {
    expect(presentFailure("The editor loses access to the file after a rename.", false, [])).toBe(true);
    expect(presentFailure("The exporter leaks the handle on every export.", false, [])).toBe(true);
    expect(presentFailure("format-patch loses authorship information of the patch.", false, [])).toBe(true);
    expect(presentFailure("MSYS bash mangles\nunicode in file names.", false, [])).toBe(true);
    expect(presentFailure("Translation diffs lose context for multi-line strings.", false, [])).toBe(true);
    expect(presentFailure("The editor now loses access on close.", false, [])).toBe(false);
    // Focus is lost as a window's ordinary event, not as a fault.
    expect(presentFailure("The draft is saved when the editor loses focus.", false, [])).toBe(false);
    expect(presentFailure("The window loses keyboard focus after the popup closes.", false, [])).toBe(false);
    // "leak" and "corrupt" are as often a noun or an adjective before a noun.
    expect(presentFailure("CI jobs leak checking only the new tests.", false, [])).toBe(false);
    expect(presentFailure("The fetch writes corrupt pack files on a short read.", false, [])).toBe(false);
    // An auxiliary or a participle after "leaks" makes it a plural noun.
    expect(presentFailure("Together these remove 48 indirect leaks found in t1091.", false, [])).toBe(false);
    expect(presentFailure("These\nleaks were found by running t0000 under valgrind.", false, [])).toBe(false);
    expect(presentFailure("gcc had trouble analyzing leaks involving a die() call.", false, [])).toBe(false);
    // A bare plural after them still is their object.
    expect(presentFailure("The workers leak handles on every retry.", false, [])).toBe(true);
  });

  it("reads 'no longer work' as a loss today, not as the old way's end", () => {
    // A change does not set out to make something stop working.
    expect(presentFailure("The 32-bit jobs that can no\nlonger work with the old image crash on start.", false, [])).toBe(true);
    expect(presentFailure("The old script no longer works and crashes on start.", false, [])).toBe(true);
    expect(presentFailure("The old script no longer crashes on start.", false, [])).toBe(false);
  });
});

describe("fault verbs in the present", () => {
  it("reads a verb that names a malfunction with its subject, not an infinitive or a possibility", () => {
    expect(presentFailure("In a couple of tests, configure clobbers the LDFLAGS value set by the caller.", false, [])).toBe(true);
    expect(presentFailure("The parser misparses a quoted path.", false, [])).toBe(true);
    expect(presentFailure("handle_from is fixed to not mangle its input line.", false, [])).toBe(false);
    expect(presentFailure("A careless caller could clobber the value.", false, [])).toBe(false);
  });
});

describe("failures told across a line break", () => {
  it("reads a failure whose phrase a body wrapped at 72 splits", () => {
    expect(problemEvent("The nightly import timed\nout twice last week.")).toBe(true);
    expect(toldMistake("The flag was set by\nmistake in the merge.")).toBe(true);
    expect(errorMet("Every visitor on Safari gets a blank\npage after the login.")).toBe(true);
  });
});

describe("a failure the change fixes, named with where or how it shows", () => {
  it("reads a failure noun with a modifier, a place, a condition or a cause as the problem", () => {
    expect(fixedFailureNamed("This fixes a crash in broken repositories where random commits\nsuddenly disappear.")).toBe(true);
    expect(fixedFailureNamed("This fixes a test failure for reftable.")).toBe(true);
    expect(fixedFailureNamed("This fixes NULL derefs in error paths. Spotted by Coverity.")).toBe(true);
    expect(fixedFailureNamed("This fixes the same breakage in diff-files.")).toBe(true);
    expect(fixedFailureNamed("This fixes the following warning.\n\n    builtin/revert.c:311: warning: format not a string literal")).toBe(true);
    expect(fixedFailureNamed("This fixes prefix_path() not recognizing e.g. \\foo\\bar as an absolute path.")).toBe(true);
  });

  it("leaves a failure named alone, a test, a bug or an issue", () => {
    expect(fixedFailureNamed("This fixes a crash.")).toBe(false);
    expect(fixedFailureNamed("This fixes a test in t5500.")).toBe(false);
    expect(fixedFailureNamed("This fixes t6409.12 under GIT_TEST_MERGE_ALGORITHM=ort.")).toBe(false);
    expect(fixedFailureNamed("This fixes a bug in the parser.")).toBe(false);
    expect(fixedFailureNamed("This fixes msysGit issue 425.")).toBe(false);
    // "but not", "and not": what the change leaves, not a failure ("everything" is no gerund).
    expect(fixedFailureNamed("This fixes the header but not everything else in the page.")).toBe(false);
    expect(fixedFailureNamed("This fixes the parser and not during startup.")).toBe(false);
  });

  it("reads an activity the change makes work again, a gerund with its object or place", () => {
    expect(fixedFailureNamed("Remove the extraneous semicolon.\n\nThis fixes pushing to a smart http backend with chunked encoding.")).toBe(true);
    expect(fixedFailureNamed("This should fix running the tests under valgrind.")).toBe(true);
    expect(fixedFailureNamed("This fixes cloning into an existing directory.")).toBe(true);
    // A gerund of no doing, or an activity with nothing after it, names no failure.
    expect(fixedFailureNamed("This fixes missing the header.")).toBe(false);
    expect(fixedFailureNamed("This fixes nothing in the parser.")).toBe(false);
    expect(fixedFailureNamed("This fixes everything.")).toBe(false);
    expect(fixedFailureNamed("This fixes string handling.")).toBe(false);
    // A gerund that names how the text or the code reads is no activity that was broken.
    for (const sentence of ["This fixes spelling in a comment.", "This fixes wording of the help text.", "It fixes formatting of the foo.c file.", "This also fixes naming of the helper.", "This fixes ordering of the imports.", "This fixes sorting in the import block.", "This fixes typing in the module.", "This fixes string handling in the parser.", "This fixes padding in the table."]) {
      expect(fixedFailureNamed(sentence), sentence).toBe(false);
    }
    // Activities whose gerund is also a noun stay activities.
    expect(fixedFailureNamed("This fixes setting the upstream with -u.")).toBe(true);
    expect(fixedFailureNamed("This fixes listing files in a subdirectory.")).toBe(true);
  });

  it("reads a long run of near misses once", () => {
    expect(fixedFailureNamed(`This fixes ${"a b ".repeat(25_000)}crash.`)).toBe(false);
    expect(fixedFailureNamed(`${"this fixes ".repeat(10_000)}the same breakage in diff-files.`)).toBe(true);
  });
});
