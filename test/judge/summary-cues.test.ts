// How specific a summary is: reading its verb, and the cues that say it names no change.
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/judge/features.js";
import { judgeMessage } from "../../src/judge/index.js";
import { findRefs } from "../../src/judge/refs.js";
import { headedByProblem } from "../../src/judge/summary-cues.js";
import { precheckFor } from "../../src/judge/words.js";
import { isFileName, lemmatize, readSummary } from "../../src/judge/summary.js";
import { lint } from "../../src/lint.js";
import { parseMessage } from "../../src/message/parse.js";

function values(message: string) {
  const parsed = parseMessage(message);
  return analyze(parsed, findRefs(parsed, [])).values;
}

describe("readSummary decoration", () => {
  it("reads past indentation, emoji and gitmoji shortcodes at the start, and says where the words start", () => {
    for (const [summary, start] of [["🐛 Fix the pager", 3], ["    Fix the pager", 4], [":bug: Fix the pager", 6], ["✨ feat(api): add pagination", 13]] as const) {
      const reading = readSummary(summary);
      expect([reading.coreStart, reading.verb === "none" ? "none" : "verb"], summary).toEqual([start, "verb"]);
    }
    // After an area prefix, "::name:" is part of a C function name, not a shortcode.
    expect(readSummary("builtin/blame.c::prepare_lines: fix allocation size").coreStart).toBe("builtin/blame.c:".length);
    // A scope in parentheses after a blank belongs to the area too.
    const scoped = readSummary("sha1_file.c (write_sha1_file): Detect close failure");
    expect([scoped.core, scoped.verb]).toEqual(["Detect close failure", "change"]);
  });
});

describe("an area of a few words before the summary", () => {
  const judge = (message: string) => judgeMessage(parseMessage(message), { projectKeys: [] });

  it("is read as an area: commands, options, paths and nouns before \": \"", () => {
    const cases: [string, string, string][] = [
      ["rebase -i: fix crash when the todo list is empty", "fix crash when the todo list is empty", "rebase -i"],
      ["git p4: fix bug when syncing a deleted file", "fix bug when syncing a deleted file", "git p4"],
      ["diff --stat: do not count unmerged entries", "do not count unmerged entries", "diff --stat"],
      ["worktree add: be tolerant of stale locks", "be tolerant of stale locks", "worktree add"],
      ["add -p: only display help for active keys", "only display help for active keys", "add -p"],
      ["built-in rebase --autostash: leave the stash alone", "leave the stash alone", "built-in rebase --autostash"],
      ["rebase tests: repeat the test with the merge backend", "repeat the test with the merge backend", "rebase tests"],
      ["tag doc: reword --[no-]merged to talk about commits", "reword --[no-]merged to talk about commits", "tag doc"],
      ["commit -c/-C/--amend: reset timestamp with --reset-author", "reset timestamp with --reset-author", "commit -c/-c/--amend"],
      ["merge and reset: adjust for the new messages", "adjust for the new messages", "merge and reset"],
      ["read-tree -m A B: prime cache-tree from the switched-to tree", "prime cache-tree from the switched-to tree", "read-tree -m a b"],
      ["add -i (Perl version): color the header", "color the header", "add -i"],
      ["SVN import: Use one log call", "Use one log call", "svn import"],
      ["l10n: git p4: fix typos", "fix typos", "l10n"],
      // A verb of the lists with a prefix that keeps it a verb orders after the colon.
      ["fetch doc: cross-link two new negotiation options", "cross-link two new negotiation options", "fetch doc"],
      ["mv test: recreate mod/ directory instead of relying on rm -f", "recreate mod/ directory instead of relying on rm -f", "mv test"],
      ["fetch tests: re-arrange arguments for future readability", "re-arrange arguments for future readability", "fetch tests"],
      // A capitalised plural names a part; an imperative never ends in -s.
      ["Notes API: Add note lookup", "Add note lookup", "notes api"],
      ["Notes API: get_note(): Return the note annotating the given object", "Return the note annotating the given object", "notes api"],
    ];
    for (const [summary, core, prefix] of cases) {
      const reading = readSummary(summary);
      expect([reading.core, reading.prefix], summary).toEqual([core, prefix]);
      expect(reading.coreStart, summary).toBe(summary.length - core.length);
    }
  });

  it("is no area in a sentence that holds a colon, a fix or a problem named before it, or a verb with nothing after", () => {
    for (const summary of [
      "Fix typo: existant->existent", // a fix
      "fix testsuite: make sure the templates are fresh", // a fix in lower case
      "Improve build: add <unistd.h> and use -O2", // a capitalised verb
      "Smart push over HTTP: client side", // a word of a sentence
      "Tests on Windows: $(pwd) must return Windows-style paths",
      "New test case: Criss-cross merge", // a capitalised label, no order after it
      "Notes API: the new functions", // a capitalised plural, no order after it
      "correct spelling: an URL -> a URL",
      "bump version: 1.2.3", // a verb in lower case, no option and no order after it
      "support --pretty=format: option", // the option's value, not an area
      "known breakage: revision range computation with clock skew", // a problem named
      "portability fix: don't assume true is in /bin",
      "Teach applymbox to keep the Subject: line.",
      'Revert "rebase -i: fix crash"',
    ]) {
      expect(readSummary(summary).coreStart, summary).toBe(0);
    }
  });

  it("leaves the summary judged as after an area of one word", () => {
    for (const [spaced, plain] of [
      ["rebase -r: fix crash when the todo list is empty\n", "rebase: fix crash when the todo list is empty\n"],
      ["diff --stat: do not count unmerged entries\n", "diff: do not count unmerged entries\n"],
      ["doc hash-function-transition: fix incomplete sentence\n", "doc: fix incomplete sentence\n"],
    ]) {
      const [a, b] = [judge(spaced), judge(plain)];
      expect([a.why, a.what], spaced).toEqual([b.why, b.what]);
    }
    expect(judge("rebase -r: fix crash when the todo list is empty\n").why).toBe("named");
  });
});

describe("a problem word in a summary", () => {
  it("is no problem named when it is part of a name of code: an option, a compound, a file, a function", () => {
    for (const summary of ["grep: add --break", "Add a test for git-add --ignore-errors", "Deprecate git-lost-found", "perl: update our copy of Error.pm", "config: use error() instead of fprintf", "apply: honor --whitespace=error", "p5550: factor out nonsense-pack creation", "difftool docs: de-duplicate configuration sections", "Merge branch 'jc/upload-corrupt'", "Merge branch 'ps/bisect-double-free-fix'"]) {
      const found = values(`${summary}\n`);
      expect([found.sumProblemStrong, found.sumProblemWeak], summary).toEqual([0, 0]);
    }
    expect(judgeMessage(parseMessage("grep: add --break\n"), { projectKeys: [] }).what).toBe("named");
    // A problem word of its own, an adverb's compound or a problem of several words still names one.
    for (const summary of ["Fix crash in the parser", "resolve_ref(): do not follow incorrectly-formatted refs", "Fix use after free() in builtin-fetch", "Fix deadlock, hang on exit"]) {
      const found = values(`${summary}\n`);
      expect(found.sumProblemStrong, summary).toBe(1);
    }
    // So does a compound that ends on the problem, as its spaced form does, a problem of several
    // words called as a function, and a word in parentheses or beside a slash.
    for (const summary of ["Avoid stack-overflow in the parser", "Fix a memory-leak in the reader", "Fix a data-race on exit", "Fix double-free() in http-push.c", "Fix a loose/lose mistake"]) {
      const found = values(`${summary}\n`);
      expect(found.sumProblemStrong, summary).toBe(1);
    }
    expect(values("t/helper: merge (unused) test-delta into test-tool\n").sumProblemWeak).toBe(1);
  });
});

describe("a summary naming a step in a series", () => {
  it("names no change: a batch of merged topics or a translation round", () => {
    for (const summary of ["The fifth batch", "Third batch for 2.1", "The sixth batch of topics graduated to 'master'", "l10n: fr: v2.31 rnd 2", "l10n: fr.po v2.9.0rnd1", "l10n: zh_CN: for git v2.5.0 l10n round 2", "l10n: git.pot: v1.8.3 round 1 (54 new, 15 removed)"]) {
      expect(judgeMessage(parseMessage(`${summary}\n`), { projectKeys: [] }).what, summary).toBe("missing");
    }
    // A batch as the change's own thing, a translation named, or a body that tells the change.
    for (const summary of ["Read p4 files in one batch", "l10n: Update German translation"]) {
      expect(judgeMessage(parseMessage(`${summary}\n`), { projectKeys: [] }).what, summary).toBe("named");
    }
    expect(judgeMessage(parseMessage("l10n: zh_CN: for git v2.5.0 l10n round 1\n\nUpdate 65 translations (2355t0f0u) for git v2.5.0-rc0.\n"), { projectKeys: [] }).what).toBe("explained");
  });

  it("names no change: a numbered batch after a release or a sync with another branch or release", () => {
    for (const summary of ["Post 2.3 cycle (batch #11)", "Post 2.3-rc1 batch #2", "Sync with maint", "Sync with 'maint-2.1'", "Sync with Git 2.30.1", "Sync with 1.7.0 series"]) {
      expect(judgeMessage(parseMessage(`${summary}\n`), { projectKeys: [] }).what, summary).toBe("missing");
    }
    // A sync that is the change's own feature names it.
    for (const summary of ["Sync with the upstream config on startup", "Post build status to the pull request"]) {
      expect(judgeMessage(parseMessage(`${summary}\n`), { projectKeys: [] }).what, summary).toBe("named");
    }
  });
});

describe("a summary without a verb headed by a problem", () => {
  const what = (message: string) => judgeMessage(parseMessage(message), { projectKeys: [] }).what;

  it("names the problem, not the change, as a fix of it does", () => {
    for (const summary of ["Package name error (#3354)", "Crash on unexpected RuntimeExceptions.", "Memory leak in sha1close()", "ClassCastException in the binder", "Off-by-one error in get_path_prefix(), found by Valgrind", "known breakage: revision range computation with clock skew"]) {
      expect(what(`${summary}\n`), summary).toBe("missing");
    }
  });

  it("leaves a phrase whose head is no problem, a clause, an order after an adverb, a fix or a call", () => {
    for (const summary of ["Error messages for the parser", "ExpectedException allows multiple exceptions", "Properly name ignored exception in 'catch' block.", "fr.po fix grammar mistakes", "test-lib.sh: de-duplicate error() teardown code", "ExpectedException Interceptor added"]) {
      expect(headedByProblem(readSummary(summary).core), summary).toBe(false);
      expect(what(`${summary}\n`), summary).toBe("named");
    }
    // A body is the model's to weigh.
    expect(what("git-svn bug with blank commits and author file\n\nWhen trying to import from svn using an author file, git-svn bails out\nif it encounters a blank author. The attached patch changes this\nbehavior and allow using the author file with blanks authors.\n")).toBe("named");
  });
});

describe("readSummary verb", () => {
  it("reads a leading verb that is as often a noun as the change's verb only with an object after it", () => {
    for (const summary of ["lose base_offset that is never used in tree_entry_interesting", "factor out the common option parsing", "Free the buffer on exit", "Abstract out the date handling", "rebase: error out for NO_PYTHON", "Fall back to a three-way merge", "git-svn: bail out on bad options"]) {
      expect(readSummary(summary).verb, summary).toBe("change");
    }
    for (const summary of ["Round trips are slow over the proxy", "Cancel button misaligned on narrow screens", "Abstract class for readers", "Error messages are too long"]) {
      expect(readSummary(summary).verb, summary).toBe("none");
    }
    // Its object is then no problem of the summary's: losing an argument is the change.
    expect(judgeMessage(parseMessage("tree-walk: lose base_offset that is never used\n"), { projectKeys: [] }).what).toBe("named");
  });

  it("reads a verb of the lists with a prefix that keeps it a verb as a change verb", () => {
    for (const summary of ["Recreate the mod/ directory", "Re-arrange the arguments", "Cross-link the negotiation options", "Pre-compute the hash", "redefine semantics"]) {
      expect(readSummary(summary).verb, summary).toBe("change");
    }
    // Not a word that only starts like one ("Recipe …", "Cross references …").
    for (const summary of ["Recipe for a release", "Cross references in the manual"]) {
      expect(readSummary(summary).verb, summary).toBe("none");
    }
  });

  it("reads a condition right after an order-only verb as its order", () => {
    for (const summary of ["git-pull: abort when fmt-merge-msg fails.", "http.c: die if curl_*_init fails", "rollback_lock_file(): exit early if lock is not active", "Exit unless the branch exists"]) {
      expect(readSummary(summary).verb, summary).toBe("change");
      expect(judgeMessage(parseMessage(`${summary}\n`), { projectKeys: [] }).what, summary).toBe("named");
    }
    // Without the condition the word is still read as a noun: "Exit codes are wrong", "Error while parsing".
    for (const summary of ["Exit codes are wrong on Windows", "Error while parsing the config"]) {
      expect(readSummary(summary).verb, summary).toBe("none");
    }
  });

  it("reads a causative \"have\" and git's \"no need to\" as orders", () => {
    for (const summary of ["merge-recursive: Have conflict_rename_delete reuse modify/delete code", "alias: have SP around arithmetic operators", "git-verify-pack: no need to count errors", "wt-status.c: no need for dup() dance anymore"]) {
      expect(readSummary(summary).verb, summary).toBe("change");
      expect(judgeMessage(parseMessage(`${summary}\n`), { projectKeys: [] }).what, summary).toBe("named");
    }
    // A perfect, an obligation or a question is no order.
    for (const summary of ["Have been seeing flaky pushes", "Have to rebuild the index by hand", "Have you seen the new flag?", "There is no need to rebuild"]) {
      expect(readSummary(summary).verb, summary).toBe("none");
    }
  });

  it("knows common imperative verbs beyond add/remove/update", () => {
    for (const summary of ["Align timeouts with the server defaults", "Revisit InfluxDB configuration structure", "Suppress deprecation warnings in the build", "Invalidate the cache on logout", "Eliminate an unnecessary chdir", "Disallow backslashes in ref names", "Modernize t5400 test script", "t6019: demonstrate --ancestry-path breakage", "reset: tell the user where HEAD was reset to", "git-remote-mediawiki: obey advice.pushNonFastForward", "Produce a nicer output when sha1_object_info fails", "i18n: standardize the messages of open and read errors", "Reverse the order of the checks", "git-p4: complain if --git-dir is given during a clone"]) {
      expect(readSummary(summary).verb, summary).toBe("change");
    }
  });

  it("reads verbs of repair as fix verbs, the phrasal \"work around\" as one", () => {
    for (const [summary, lemma] of [
      ["Plug memory leak in read_object_with_reference()", "plug"],
      ["diffcore-rename: plugged a leak", "plug"],
      ["blame: unbreak \"diff -U 0\"", "unbreak"],
      ["grep: un-break building with PCRE < 8.32", "un-break"],
      ["Re-fix clear_commit_marks()", "re-fix"],
      ["t0610-reftable-basics: mitigate a flaky test on cygwin", "mitigate"],
      ["t0060: sidestep surprising path mangling results on Windows", "sidestep"],
      ["Work around a bug in the Solaris shell", "work around"],
      ["git-gui: Worked around environment variable problems on Windows", "work around"],
      ["Properly work around the NFS rename bug", "work around"],
    ] as const) {
      expect(readSummary(summary), summary).toMatchObject({ verb: "fix", lemma });
    }
    // The object of "work around" starts after the particle.
    const reading = readSummary("Work around missing hard links on FAT formatted media");
    expect(reading.core.slice(reading.afterVerb)).toBe("missing hard links on FAT formatted media");
    // "work" without "around" is no verb of change.
    expect(readSummary("update-index --unresolve: work from a subdirectory").verb).toBe("none");
    // "Plug memory leak in X" names its problem as "Fix memory leak in X" does.
    const judge = (summary: string) => judgeMessage(parseMessage(`${summary}\n`), { projectKeys: [] }).why;
    expect(judge("Plug memory leak in read_object()")).toBe(judge("Fix memory leak in read_object()"));
    expect(judge("Plug memory leak in read_object()")).toBe("named");
    expect(judge("Work around printf breakage in dash")).toBe("named");
  });

  it("knows the change verbs of git's idiom of teaching a command, in any form", () => {
    for (const [summary, lemma] of [
      ["blame: learn to ignore revisions", "learn"],
      ["index-pack: learnt about pack index version 2", "learn"],
      ["write-tree: refuse to write out trees with unmerged index entries", "refuse"],
      ["for-each-ref: cope with tags with incomplete lines", "cope"],
      ["checkout: disambiguate dwim tracking branches and local files", "disambiguate"],
      ["terminal: accommodate Git for Windows' default terminal", "accommodate"],
      ["git-gui: reinstate support for Tcl 8.4", "reinstate"],
      ["write_entry: untangle symlink and regular-file cases", "untangle"],
      ["commit: integrate with sparse-index", "integrate"],
      ["Libify diff-files", "libify"],
      ["sequencer: lib'ify save_head()", "lib'ify"],
      ["cherry-pick: prettified the advice message", "prettify"],
    ] as const) {
      expect(readSummary(summary), summary).toMatchObject({ verb: "change", lemma });
    }
  });

  it("knows change verbs of user-facing and security work, in any form", () => {
    for (const [summary, lemma] of [
      ["Highlight matching brackets in the editor", "highlight"],
      ["Highlighted keywords", "highlight"],
      ["Surface upload errors in the status bar", "surface"],
      ["Persist window size between sessions", "persist"],
      ["Redact tokens in debug logs", "redact"],
      ["Properly encrypt the session cookie", "encrypt"],
    ] as const) {
      expect(readSummary(summary), summary).toMatchObject({ verb: "change", lemma });
    }
    // As the subject of a statement it is still no change.
    expect(readSummary("Highlight is wrong after a resize").verb).toBe("none");
    // One verb list serves the summary and the body.
    expect(lemmatize("highlighted")).toBe("highlight");
  });

  it("reads a short summary led by one of them as naming the change", () => {
    expect(judgeMessage(parseMessage("Highlight keywords\n"), { projectKeys: [] }).what).toBe("named");
  });

  it("looks past a leading adverb to the verb", () => {
    const reading = readSummary("Properly close the response body in CallTest");
    expect(reading).toMatchObject({ verb: "change", lemma: "close" });
    expect(reading.core.slice(reading.afterVerb)).toBe("the response body in CallTest");
  });

  it("does not take an adverb-like noun phrase for a verb", () => {
    expect(readSummary("Only one connection per host").verb).toBe("none");
  });

  it("reads a summary written as one snake_case token as words", () => {
    expect(readSummary("Optimize_hessian_serialization_performance")).toMatchObject({ verb: "change", lemma: "optimize", words: 4 });
    expect(readSummary("Rename MAX_IDLE_CONNECTIONS").words).toBe(2);
  });
});

describe("summary cues", () => {
  it("counts the change verb after a Conventional Commits fix type", () => {
    const cues = values("fix: remove unused parameter in AbstractProxyInvoker\n");
    expect(cues.sumFixVerb).toBe(1);
    expect(cues.sumChangeVerb).toBe(1);
  });

  it("marks a verb with a one-word object, or a fix with a short object, as brief", () => {
    expect(values("Modify pom\n").sumBrief).toBe(1);
    expect(values("Updated gitignore\n").sumBrief).toBe(1);
    expect(values("Fix failing test\n").sumBrief).toBe(1);
    expect(values("Fix javadoc on Parameterized\n").sumBrief).toBe(1);
    expect(values("Fix NPE in FlywayEndpoint when migration is null\n").sumBrief).toBe(0);
    expect(values("Add retry limit to the HTTP client\n").sumBrief).toBe(0);
  });

  it("does not call a summary brief when the body describes the change", () => {
    expect(values("Fix failing test\n\nThis change retries the connect when the server is slow.\n").sumBrief).toBe(0);
    expect(values("Fix failing test\n\nRetry the connect when the server is slow.\n").sumBrief).toBe(0);
  });

  it("does not count a body of one or two words as prose", () => {
    expect(values("Polishing\n\nMinor.\n").bodyProse).toBe(0);
    expect(values("Polishing\n\nMinor cleanup only.\n").bodyProse).toBe(1);
  });
});

describe("what with the summary cues", () => {
  it("is missing for a short fix summary and a vague summary with a one-word body", () => {
    expect(judgeMessage(parseMessage("Fix failing test\n"), { projectKeys: [] }).what).toBe("missing");
    expect(judgeMessage(parseMessage("Polishing\n\nMinor.\n"), { projectKeys: [] }).what).toBe("missing");
  });

  it("is explained when the body describes the change behind a short fix summary", () => {
    expect(judgeMessage(parseMessage("Fix failing test\n\nThis change retries the connect when the server is slow.\n"), { projectKeys: [] }).what).toBe("explained");
  });
});

describe("file names in a summary", () => {
  it("reads a word as a file name by its extension, closing punctuation aside", () => {
    for (const word of ["main.py", "src/app.config.js", "build.gradle.", "foo~1.txt", "notes@2x.png"]) expect(isFileName(word), word).toBe(true);
    for (const word of ["remote.<name>.url", "v1.2", "--no-verify.sh", "-foo.c", "main"]) expect(isFileName(word), word).toBe(false);
  });

  // One reading for the judgement ("Fix main.py" names no problem) and summary-vague ("Update main.py").
  it.each(["main.py", "src/app.config.js", "a~b.txt"])("reads %s alike in the judgement and in summary-vague", (word) => {
    expect(judgeMessage(parseMessage(`Fix ${word}\n`), { projectKeys: [] }).why).toBe("missing");
    const vague = lint(`Update ${word}\n`).findings.filter((finding) => finding.ruleId === "summary-vague");
    expect(vague.map((finding) => finding.messageId)).toEqual(["fileOnly"]);
  });
});

describe("the area as written, after characters whose lower case is longer", () => {
  const analysis = (summary: string) => {
    const parsed = parseMessage(`${summary}\n`);
    return analyze(parsed, findRefs(parsed, []));
  };

  it("points the fix type's cue at the type, not past it", () => {
    // "İ" lower-cases to two code units: the area was looked for one character on for each.
    for (const tags of ["", "[İİİ] ", "[Straße İ] "]) {
      const summary = `${tags}fix(parser): handle CRLF line endings`;
      const hit = analysis(summary).hits.find((found) => found.cue === "sumFixVerb");
      expect([hit?.span.column, hit?.span.endColumn], summary).toEqual([tags.length + 1, tags.length + 4]);
    }
  });

  it("reads an xUnit class as the area, and only the area", () => {
    expect(analysis("[İİ] FooTest.java: handle the empty input").values.evidentTests).toBe(1);
    expect(analysis("FooTest.java: handle the empty input").values.evidentTests).toBe(1);
    // Read too far on, "abcde.java" took in the "oTest.java" after it.
    expect(analysis(`[${"İ".repeat(14)}] abcde.java: FooTest.java handles the empty input`).values.evidentTests).toBe(0);
  });
});

describe("precheckFor", () => {
  it("checks a case-sensitive pattern's needles as written", () => {
    const scope = precheckFor(/\((?:deps|deps-dev)\)/, ["(deps"]);
    expect(scope("chore(deps): bump lodash")).toBe(true);
    expect(scope("chore(DEPS): bump lodash")).toBe(false);
    expect(scope("chore: bump lodash")).toBe(false);
  });

  it("checks the needles in any case once the pattern ignores case, so no match is turned away", () => {
    const scope = precheckFor(/\((?:deps|deps-dev)\)/i, ["(deps"]);
    expect(scope("chore(DEPS): bump lodash")).toBe(true);
    expect(scope("chore(Deps-dev): bump lodash")).toBe(true);
    expect(scope("chore: bump lodash")).toBe(false);
    // A needle's "(" or "." is text, not pattern syntax.
    expect(precheckFor(/a\.b/i, ["a.b"])("A.B")).toBe(true);
    expect(precheckFor(/a\.b/i, ["a.b"])("AxB")).toBe(false);
  });

  it("lets the summary's case-insensitive readings see a capitalised summary", () => {
    // SUMMARY_PREPARES ignores case; its check once looked for "prep" as written and missed "Prepare".
    const body = "\n\nThe parser lives in parse.c and is long.\n";
    const prepares = lint(`Prepare to split the parser${body}`);
    expect(prepares.facets.why).toBe("explained");
    expect(prepares.findings.map((finding) => finding.ruleId)).not.toContain("body-why");
    const plain = lint(`Rename the parser${body}`);
    expect(plain.facets.why).toBe("missing");
    expect(plain.findings.map((finding) => finding.ruleId)).toContain("body-why");
  });
});
