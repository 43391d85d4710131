// The why fallback: a body the model alone takes as a reason, and what narrows it.
import { describe, expect, it } from "vitest";
import { judgeMessage } from "../../src/judge/index.js";
import { onlyOrders } from "../../src/judge/orders.js";
import { resultTold } from "../../src/judge/reasons.js";
import { parseMessage } from "../../src/message/parse.js";

function why(message: string): string | undefined {
  return judgeMessage(parseMessage(message), { projectKeys: [] }).why;
}

describe("resultTold", () => {
  it("reads a result or a step ahead told in wordings the other readings leave out", () => {
    const told = [
      "Use them in the select call. This way, the 50ms sleep is interrupted when new data arrives.",
      "Use the common error message format; this way, problematic lines can be jumped to.",
      "In anticipation of sharing the pack directory listing, generalize the loop.",
      "This saves a lot of time when rebuilding indexes on a fresh clone.",
      "This should not break anything and would save an extra pipe.",
      "This saves one needless fork per command.",
      "Using test_commit_bulk speeds this up from 5.4 s to 3.9 s.",
      "The fields are documented just as well, the code becomes shorter and we save a copy.",
      "With a sorted list, hopefully we will have less merge conflicts.",
      "This is step one of creating a common library for the three commands.",
      "This patch rounds the value down to an integer, greatly improving readability.",
      "Add a helper. It frees callers from having to deal with the buffer arguments.",
      "Advising the user to fetch and merge only makes sense if the reference is a branch.",
      "Use starts_with(). This gets rid of some magic string length constants.",
      "Introduce a helper for the check, as we seem to use this check in many places.",
      // The same wrapped inside the words a guard looks for, as a body wrapped at 72 has them.
      "Use them in the select call. This\nway, the 50ms sleep is interrupted when new data arrives.",
      "This patch rounds the value down to an integer, greatly improving\nreadability.",
      "Use starts_with(). This gets\nrid of some magic string length constants.",
      "Introduce a helper for the check, as\nwe seem to use this check in many places.",
      // "This way" with no comma before its clause.
      "Move the definition to the top. That way all of the functions can make use of it.",
      "Return -2 instead.\n\nThis way we can catch unknown options more easily.",
      "using the same format it outputs.  This way\na frontend can reload the marks table.",
    ];
    for (const text of told) expect(resultTold(text), text).toBe(true);
    const not = [
      "Make the store keep its state this way for all callers.",
      "Keep it this way, since callers rely on it.",
      "Save the time stamp in the index entry.",
      "Save an extra copy of the index before writing.",
      "The option only makes sense in a bare repository.",
      "Pass the --quiet option onward, as is.",
      "Get rid of the old helper.",
      "This way of reading the index is slow.",
      "This way is what the old parser did.",
      "That way to the server is closed.",
      // A verb right after "way" makes it the subject, as "is" does.
      "Inline the helper. This way works too.",
      "Use the new loader. This way seems better.",
      "Reorder the checks. This way has fewer branches.",
      "Keep the loop. That way should be avoided in new code.",
    ];
    for (const text of not) expect(resultTold(text), text).toBe(false);
  });
});

describe("onlyOrders", () => {
  it("is true when every sentence orders the change, describes it or states what it does now", () => {
    expect(onlyOrders("Use preq->url in new_http_pack_request instead of using an intermediate variable, 'url'.", "replace usage of temporary variable for urls")).toBe(true);
    expect(onlyOrders("Make the internal storage use an array of struct object_id.  Update the users of this struct which inspect its internals.", "convert internal storage to object_id")).toBe(true);
    expect(onlyOrders("This patch adds code to read a hash out of a file.", "Operations on refs")).toBe(true);
    expect(onlyOrders("Describe how 'add' sets the logical name.\n\nClarify that 'init' only sets up the entries.", "Clarify subcommands")).toBe(true);
    expect(onlyOrders("- Move the helper to util.c\n- Rename its callers", "move helper")).toBe(true);
  });

  it("is false for a clause that gives a ground, an order or a summary naming a problem, and a sentence of another kind", () => {
    expect(onlyOrders("Move the logic such that we can call it in a subsequent commit.", "move logic")).toBe(false);
    expect(onlyOrders("Use {}{} instead of /// so as not to escape it.", "change separator")).toBe(false);
    expect(onlyOrders("Add an install target in the same manner as in other Makefiles.", "add install target")).toBe(false);
    expect(onlyOrders("Remove a comma. Now translators have to handle this string only once.", "remove a comma")).toBe(false);
    expect(onlyOrders("Avoid reusing the variable to mean something else.", "Introduce a new variable")).toBe(false);
    expect(onlyOrders("Check that the name fits in the buffer.", "Avoid overflowing name buffer")).toBe(false);
    expect(onlyOrders("The loop ends up looking past the end of the buffer.", "do not scan past the end")).toBe(false);
    expect(onlyOrders("Explain why the option exists.", "document the option")).toBe(false);
    expect(onlyOrders("", "add helper")).toBe(false);
  });
});

describe("the why fallback", () => {
  it("takes a body that only orders or describes the change as no reason", () => {
    expect(why("http.c: replace usage of temporary variable for urls\n\nUse preq->url in new_http_pack_request and freq->url in\nnew_http_object_request when calling curl_setopt(CURLOPT_URL), instead\nof using an intermediate variable, 'url'.\n")).toBe("missing");
    expect(why("sha1-array: convert internal storage for struct sha1_array to object_id\n\nMake the internal storage for struct sha1_array use an array of struct\nobject_id internally.  Update the users of this struct which inspect its\ninternals.\n")).toBe("missing");
  });

  it("keeps a reason given after an order, and a merge's note", () => {
    expect(why("run-command: inline prepare_run_command_v_opt()\n\nMerge prepare_run_command_v_opt() and its only caller.  This removes a\npointer indirection and allows to initialize the struct child_process\nusing CHILD_PROCESS_INIT.\n")).toBe("explained");
    expect(why("Merge branch 'jt/binsearch-with-fanout'\n\nRefactor the code to binary search starting from a fan-out table\n(which is how the packfile is indexed with object names) into a\nreusable helper.\n\n* jt/binsearch-with-fanout:\n  packfile: refactor hash search with fanout table\n  packfile: remove GIT_DEBUG_LOOKUP log statements\n")).toBe("explained");
  });

  it("gives no reason to a short body under a summary that names nothing specific", () => {
    expect(why("Pager changes\n\nSome lines in the pager.\n")).toBe("missing");
    expect(why("branch: work in subdirectories.\n\nNoticed by Andy Whitcroft\n")).toBe("missing");
    // A summary that names the change keeps the model's word.
    expect(why("user-manual: reindent\n\nJust some minor reindenting\n")).toBe("evident");
    expect(why("remote-bzr: add support for older versions of bzr\n\nAt least as old as 2.0.\n")).toBe("evident");
  });

  it("reads the new result wordings as the reason", () => {
    expect(why("git-svn: use git-log rather than rev-list | xargs cat-file\n\nThis saves a bit of time when rebuilding the git-svn index.\n")).toBe("explained");
    expect(why("Move commit reencoding parameter parsing to revision.c\n\nThis way, git-rev-list and git-diff-tree with --pretty can use\nit.\n")).toBe("explained");
  });
});
