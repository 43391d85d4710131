// The content judgement: why/what levels, references with positions, non-English text.
import { describe, expect, it } from "vitest";
import { gerundFixes } from "../../src/judge/behaviour.js";
import { judgeMessage, judgeMessageDetailed } from "../../src/judge/index.js";
import { CAUSAL, HISTORY } from "../../src/judge/cues.js";
import { wouldTold } from "../../src/judge/narrative.js";
import { orderAfterBareSo } from "../../src/judge/orders.js";
import { collectProse } from "../../src/judge/prose.js";
import { badStateTold, soPronounPurpose } from "../../src/judge/reasons.js";
import { findRefs } from "../../src/judge/refs.js";
import { isJudgeableEnglish } from "../../src/judge/language.js";
import { parseMessage } from "../../src/message/parse.js";
import { lint } from "../../src/lint.js";
import type { Facets } from "../../src/types.js";

function judge(message: string, projectKeys: string[] = []): Facets {
  return judgeMessage(parseMessage(message), { projectKeys });
}

describe("phrases wrapped across lines", () => {
  it("reads an order and a benefit whose words a line break splits as on one line", () => {
    const order = "unpack-trees: preserve cache_bottom\n\nSparse directory entries are stored as nodes in the cache tree. Thus,\nthe cache_bottom will be modified as the cache-tree walk advances. Do\nnot update it as well within mark_ce_used().\n";
    expect(judge(order).what).toBe("explained");
    expect(judge(order.replace("Do\nnot", "Do not")).what).toBe("explained");
    const benefit = "archive-*.c: use the right repository\n\nWith 'struct archive_args' gaining new repository pointer, we don't\nhave to assume the_repository in the archive backends anymore.\n";
    expect(judge(benefit).why).toBe("explained");
  });
});

describe("judgeMessage's config", () => {
  it("is optional: without it any KEY-123 counts as a ticket, as with no project keys", () => {
    const parsed = parseMessage("Retry uploads after a timeout\n\nUploads failed when the proxy dropped idle sockets.\n\nRefs: OPS-12\n");
    expect(judgeMessage(parsed)).toEqual(judgeMessage(parsed, { projectKeys: [] }));
    expect(judgeMessage(parsed).refs?.map((ref) => ref.id)).toEqual(judgeMessage(parsed, { projectKeys: [] }).refs?.map((ref) => ref.id));
  });
});

describe("why", () => {
  it("is explained by a body stating cause and effect", () => {
    const facets = judge("Fix unwrap panic in config loader\n\nThe loader called unwrap() on a missing key, so an empty config\nfile crashed the CLI because the default was never applied.\n");
    expect(facets.why).toBe("explained");
    expect(facets.evidence?.why?.length).toBeGreaterThan(0);
  });

  it("is explained by a history sentence (Previously …, which …)", () => {
    const facets = judge("Cache resolved config per directory\n\nPreviously every hook run re-read the config chain from disk, which\nmade commits in large monorepos take over a second.\n");
    expect(facets.why).toBe("explained");
  });

  it("is explained by a quoted report or review that tells the reason, pointing at the quote", () => {
    const reported = judge("t4118: be nice to non-GNU sed\n\nElias Pipping:\n> I'm on a mac, hence /usr/bin/sed is not gnu sed, which makes\n> t4118 fail.\n");
    expect(reported.why).toBe("explained");
    expect(reported.evidence?.why?.[0]).toMatchObject({ line: 4, endLine: 5 });
    expect(judge("gitview: read tags with ls-remote\n\nJunio C Hamano writes:\n\n>\n> It does not work in my repository, since you do not seem to\n> handle branch and tag names with slashes in them.\n").why).toBe("explained");
    // A quote that only shows the new output tells no reason.
    expect(judge("log: print the branch in the header\n\nThe header now reads:\n\n> commit 1234 (branch: main)\n> Author: A U Thor\n").why).not.toBe("explained");
  });

  it("is explained by a summary's clause on how the thing its order acts on is today", () => {
    const facets = judge("Reorganize the AssertTest, which had grown unwieldy\n");
    expect(facets.why).toBe("explained");
    expect(facets.evidence?.why).toEqual([{ line: 1, column: 28, endLine: 1, endColumn: 52 }]);
    expect(judge("diff.c: Do not initialize a variable, which gets reassigned anyway.\n").why).toBe("explained");
    // After a verb that builds a new thing, the clause tells what the new thing does.
    expect(judge("Add a rev-tree helper, which calculates the revision\n").why).not.toBe("explained");
    // A clause that is no statement of a state ("which lists …") and a summary with no order tell no reason.
    expect(judge("Rework the option parser, which lists the flags\n").why).not.toBe("explained");
    expect(judge("Unwieldy AssertTest, which had grown too long\n").why).not.toBe("explained");
  });

  it("reads no summary clause after a merge: it tells what the branch brings in", () => {
    expect(judge("Merge branch 'jk/fix', which was long overdue\n").why).not.toBe("explained");
    expect(judge("Merge pull request #12 from a/b, which is ready\n").why).not.toBe("explained");
    // The same clause after an order that acts on what is there is read.
    expect(judge("Rework branch 'jk/fix', which was long overdue\n").why).toBe("explained");
    // A revert's clause tells how the commit it undoes is: the reason it goes.
    expect(judge('Revert "Add the cache", which was premature\n').why).toBe("explained");
    // Only a merge of what git merges brings something in: "Merge" that joins two things of today
    // is an order like any other, and its clause tells how they are.
    expect(judge("Merge tag 'v1.2', which has the fix\n").why).not.toBe("explained");
    expect(judge("Merge origin/main, which was long overdue\n").why).not.toBe("explained");
    expect(judge("Merge the two config loaders, which had drifted apart\n").why).toBe("explained");
    expect(judge("Merge duplicate parsers, which were out of sync\n").why).toBe("explained");
  });

  it("reads no summary clause in quoted code, nor \"that is\" restating the object", () => {
    // The same clause outside the quotes is read: the quotes alone keep it out.
    expect(judge("Drop the workaround, which is obsolete\n").why).toBe("explained");
    expect(judge("Drop the `workaround, which is obsolete` comment\n").why).not.toBe("explained");
    expect(judge('Drop the "workaround, which is obsolete" comment\n').why).not.toBe("explained");
    expect(judge("Split the tests, that is, move the slow ones out\n").why).not.toBe("explained");
    expect(judge("Split the tests, that is to say the slow ones\n").why).not.toBe("explained");
  });

  it("is explained by today's design told alone: what is so by design, or a requirement it names", () => {
    expect(judge("Keep drafts on close\n\nThe cache is evicted by design on close.\n").why).toBe("explained");
    expect(judge("Keep the index lock held\n\nA single writer is a hard prerequisite of the design.\n").why).toBe("explained");
    // The change's own design is no ground for it.
    expect(judge("Keep drafts on close\n\nThe new cache is evicted by design on close.\n").why).toBe("missing");
  });

  it("weighs the fitted word families in a quote as in the writer's own prose", () => {
    // History and a problem word: the model finds the reason in the writer's sentence, and now in the quote.
    const sentence = "The old loader previously read every pack before the first lookup.";
    expect(judge(`Drop eager loading\n\n${sentence}\n`).why).toBe("explained");
    const quoted = judgeMessageDetailed(parseMessage(`Drop eager loading\n\nJunio writes:\n\n> ${sentence}\n`), { projectKeys: [] });
    expect(quoted.why).toBe("explained");
    expect(quoted.evidence?.why).toEqual([{ line: 5, column: 1, endLine: 5, endColumn: sentence.length + 3 }]);
    // The quote's families do not change the model's own score, only the quote's reading.
    expect(quoted.scores?.why).toBeLessThan(0.55);
    // Words of no family leave the quote unread, as a quote of fewer than six words does.
    expect(judge("Drop eager loading\n\nJunio writes:\n\n> The loader reads every pack before the first lookup.\n").why).toBe("missing");
    expect(judge("Drop eager loading\n\nJunio writes:\n\n> It previously read them.\n").why).toBe("missing");
  });

  it("is explained by a finding or a sentence opening on \"So\" told alone", () => {
    expect(judge('Simplify the incremental import\n\nIt turns out that git fast-import can "resume" from an existing branch just fine.\n').why).toBe("explained");
    expect(judge("remote-bzr: delay peer branch usage\n\nSo it doesn't time out.\n").why).toBe("explained");
  });

  it("is explained by a habit of users, a past possibility or a need of the code told alone", () => {
    expect(judge("gitk: Avoid Meta1-F5\n\nMeta1-F5 is commonly mapped by window managers and what not.\nUse Shift-F5 instead.\n").why).toBe("explained");
    expect(judge("rehabilitate 'git index-pack' inside the object store\n\nBefore commit d0b92a3f6e it was possible to run 'git index-pack'\ndirectly in the .git/objects/pack/ directory.  Restore that ability.\n").why).toBe("explained");
    expect(judge("RPM spec: Adjust htmldir\n\ngit help -w needs to know the right location of installed pages.\n").why).toBe("explained");
  });

  it("is explained by a causal clause in the summary", () => {
    expect(judge("Delete .cvsignore files, because we're using Git now\n").why).toBe("explained");
  });

  it("is named when the summary only names the problem", () => {
    const facets = judge("Fix NullPointerException in parser\n");
    expect(facets.why).toBe("named");
    expect(facets.evidence?.why?.[0]).toMatchObject({ line: 1, column: 1 });
  });

  it("is named for a failing test fix, kernel style with only a sign-off", () => {
    expect(judge("net: fix crash in tcp_close on shutdown\n\nSigned-off-by: Ada Lovelace <ada@example.com>\n").why).toBe("named");
  });

  it("is not explained by the new thing compared with another (\"contrary to …\")", () => {
    expect(judge('Add git_get_rev_name_tags function\n\nThis function, contrary to the call to git_get_following_references(),\ndoes strip "tags/" and returns the bare tag name.\n').why).not.toBe("explained");
  });

  it("is missing when a fix names no actual problem", () => {
    // The object is only generic problem words and fillers: the fix verb is no reason.
    // So is a file alone: it says where, not what was wrong.
    for (const summary of ["fix stuff", "Fix things", "fix issues", "Fix some bugs", "Fixed problems", "Fix", "fix: minor issues", "Fix main.py", "Fixed the build.gradle", "fix: src/app.config.js", "Fix bug 3", "fix issue 42"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("missing");
    }
    expect(judge("Fix some bugs\n\nSigned-off-by: Ada Lovelace <ada@example.com>\n").why).toBe("missing");
    // A reference then carries the reason, and a body telling what went wrong explains it.
    expect(judge("Fix some bugs\n\nRefs #12\n").why).toBe("linked");
    expect(judge("Fix some bugs\n\nThe importer crashed on files without a trailing newline.\n").why).toBe("explained");
    // A problem of its own, or a part that was broken, is still named.
    for (const summary of ["Fix crash", "Fix bug in parser", "Fix failing tests", "Fix build", "Fix compile errors", "Fix issues with login", "Fix crash in main.py", "Fix 5501 test"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("named");
    }
  });

  it("is linked when only a reference carries the reason", () => {
    const facets = judge("Add retry option to the HTTP client\n\nSee JIRA-4411\n");
    expect(facets.why).toBe("linked");
    expect(facets.evidence?.why?.[0]).toMatchObject({ line: 3, column: 5 });
  });

  it("is linked, not named, when a fix verb's only object is a reference", () => {
    for (const summary of ["Fixes PROJ-2231", "Fix #123", "fix: bug #7", "Fix issue GH-3 and #4"]) {
      expect(judge(`${summary}\n`).why).toBe("linked");
    }
    // A reference elsewhere does not make the summary's fix point at it.
    expect(judge("Fix crash on save\n\nRefs #12\n").why).toBe("named");
    // A named problem next to the reference is still named.
    expect(judge("Fix the #12 regression in the pager\n").why).toBe("named");
  });

  it("points a fix given by the type prefix at the prefix, not at the next word", () => {
    const facets = judge("fix(parser): handle CRLF line endings\n");
    expect(facets.why).toBe("named");
    expect(facets.evidence?.why?.[0]).toMatchObject({ line: 1, column: 1, endColumn: 4 });
    expect(judge("[core] bugfix: handle nulls\n").evidence?.why?.[0]).toMatchObject({ column: 8, endColumn: 14 });
  });

  it("does not take a revert's reason from the summary it quotes", () => {
    const quoted = 'Revert "Retry uploads so that S3 outages do not fail the batch"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\n';
    expect(judge(quoted).why).toBe("missing");
    const own = 'Revert "Retry uploads so that S3 outages do not fail the batch"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.\n\nThe retries doubled the load on S3 during the outage because every\nworker retried at once, so the batch failed anyway.\n';
    expect(judge(own).why).toBe("explained");
    // A revert summarised in the author's own words is read as such.
    expect(judge("revert: drop the retry loop because it floods the S3 API\n").why).toBe("explained");
  });

  it("takes whatever a revert adds to git's default line as its reason", () => {
    const revert = 'Revert "feat: add CSV export to the reports page"\n\nThis reverts commit 1234567890abcdef1234567890abcdef12345678.\n\n';
    for (const reason of ["The export query locks the orders table for minutes on large tenants.", "A better rewrite will be queued separately."]) {
      expect(judge(`${revert}${reason}\n`).why, reason).toBe("explained");
    }
    // git's wording before 1.5 is the default line too, not a reason.
    expect(judge('Revert "Make the merge message nicer"\n\nThis reverts 63f1aa6c72c46928f1b6959437aed4becbc42ff3 commit.\n').why).toBe("missing");
    // Two words say nothing.
    expect(judge(`${revert}Sorry, folks.\n`).why).toBe("missing");
  });

  it("reads git's text for reverting a merge and for --reference as the default line, not a reason", () => {
    // Read as prose, "reversing changes made to …" gave a merge's bare revert full marks for why
    // while revert-default-text failed it.
    const merge = "Revert \"Merge branch 'topic'\"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567, reversing\nchanges made to 89abcdef0123456789abcdef0123456789abcdef.\n";
    expect(judge(merge).why).toBe("missing");
    expect(judge(`${merge}\nThe topic broke the Windows build; it will come back with a fix.\n`).why).toBe("explained");
    const reference = "Revert \"Add CSV export\"\n\nThis reverts commit 0123456 (Add CSV export, 2024-03-18).\n";
    expect(judge(reference).why).toBe("missing");
    // The continuation counts as git's only right after its first line.
    expect(judge("Revert \"Add CSV export\"\n\nchanges made to 89abcdef0123456789abcdef0123456789abcdef.\nSomeone asked for it.\n").why).not.toBe("missing");
  });

  it("does not take a role noun that names a component for a failure scenario", () => {
    const described = "Refactor billing client\n\nMove the retry logic out of the request path and into the client.\n";
    expect(judge(described).why).toBe("missing");
    const scenario = "Retry uploads on 503\n\nWhen S3 answers SlowDown the client gave up at once and users lost files.\n";
    expect(judge(scenario).why).toBe("explained");
  });

  it("reads a summary whose first word is the subject of a statement as naming no change", () => {
    for (const summary of ["Tests are flaky on CI", "Logs are too noisy in production", "Build is broken on Windows"]) {
      expect(judge(`${summary}\n`).what).toBe("missing");
    }
    expect(judge("Test the pager with an empty buffer\n").what).toBe("named");
  });

  it("is evident for typos, version bumps and releases", () => {
    expect(judge("Fix typo 'a' -> 'an' in README\n").why).toBe("evident");
    // Capitalization and pluralization are wording too, and their fix names its change.
    for (const summary of ["merge-strategies.txt: fix simple capitalization error", "repository-layout.txt: correct pluralization of 'object'"]) {
      expect([judge(`${summary}\n`).why, judge(`${summary}\n`).what], summary).toEqual(["evident", "named"]);
    }
    expect(judge("build(deps): bump lodash from 4.17.20 to 4.17.21\n").why).toBe("evident");
    expect(judge("Prepare version 2.7.1\n").why).toBe("evident");
  });

  it("takes a release that names its versions or changes in the body for its own reason, whatever the summary", () => {
    // npm version's and cargo-release's bare versions, with the body rationale composes.
    for (const summary of ["1.2.3", "v1.2.3"]) {
      expect(judge(`${summary}\n\ndemo-pkg 1.2.2 -> 1.2.3\n`), summary).toMatchObject({ why: "evident", what: "explained" });
      expect(judge(`${summary}\n\ndemo-pkg 1.2.2 -> 1.2.3\n\n- accept empty input\n`), summary).toMatchObject({ why: "evident", what: "explained" });
    }
    // Naming neither, it still says nothing.
    expect(judge("1.2.3\n\nRelease it.\n")).toMatchObject({ why: "missing", what: "named" });
  });

  it("does not read \"release\" that frees something, or a snapshot of state, as a release", () => {
    for (const summary of ["Release lock before calling hooks", "Release connections on shutdown", "Release the GIL while hashing", "Store a snapshot of the session state"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("missing");
    }
    for (const summary of ["Release 1.2.3", "Release notes for 2.0", "Release to Maven Central", "Release foo-lib 1.4", "Bump version back to SNAPSHOT", "Prepare for Maven release"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("evident");
    }
  });

  it("takes a failure or a cost told in the past tense as the reason, however short the body", () => {
    for (const body of [
      "Uploads broke behind corporate proxies that drop idle connections.",
      "The nightly import timed out twice this week on the big tenants.",
      "It barfed and segfaulted with an incomplete line.",
      // "broken" after a past auxiliary tells the breakage as it happened.
      "Retrying from outside a repository was broken by commit caf0c3d6.",
      // A cost measured as it happened is a told problem too.
      "The orders table grew to 40 GB and backups took six hours.",
      "Every page view read the same user row twice, which doubled the load at peak.",
    ]) {
      expect(judge(`Retry chunk uploads three times\n\n${body}\n`).why, body).toBe("explained");
    }
    // A state, a kind of scenario, a promise or an adjective is no told failure.
    for (const body of ["This breaks the direct dependency from the engine to the connection.", "They are high-level so they won't break with the rewrite.", "Resume a failed fetch operation with the new flag.", "The new cache took its name from the module it wraps.", "Nothing in the engine is broken by the rewrite."]) {
      expect(judge(`Introduce a policy interface\n\n${body}\n`).why, body).toBe("missing");
    }
  });

  it("takes a cost told in words or whole work redone on every event as the reason", () => {
    for (const body of [
      "The worker inserts one row per round trip, and a full sync of a large\naccount takes most of the night. Insert in batches of 1000.",
      "Cloning the monorepo on a laptop takes ages.",
      "The dashboard query scans the whole orders table, about 40 million\nrows, on every page load. Add an index on customer_id.",
      "Every request parses the entire 300 KB schema again.",
    ]) {
      expect(judge(`Batch the inserts in the sync worker\n\n${body}\n`).why, body).toBe("explained");
    }
    // The change's own behaviour, new or after the change, is no cost.
    for (const body of [
      "The new indexer scans the whole tree on every start and keeps it in memory.",
      "The indexer now scans the whole tree on every start.",
      "Most of the time the index stays in memory.",
    ]) {
      expect(judge(`Introduce a policy interface\n\n${body}\n`).why, body).toBe("missing");
    }
  });

  it("reads no failure or past event in an order's object or a name in code", () => {
    for (const body of [
      "- add OrderCreated and OrderShipped events\n- sign payloads with HMAC-SHA256\n- retry failed deliveries with exponential backoff",
      "Skip failed chunks on the next pass.",
      "The handler emits onConnected and onDisconnected to the listeners.",
    ]) {
      expect(judge(`feat(api): add webhooks for order events\n\n${body}\n`).why, body).toBe("missing");
    }
    // A failure told as an event is still one.
    expect(judge("Retry webhook deliveries\n\nDeliveries failed on every deploy of the receiver.\n").why).toBe("explained");
  });

  it("reads a body order with the summary's user-facing verbs as saying what", () => {
    const body = "Reviewers lost the matches in long lines of plain output.\n\nColorize the matching text of selected lines and of context lines.\n";
    expect(judge(`grep: make matches easier to spot\n\n${body}`).what).toBe("explained");
    expect(judge("Precompute the prefix length of the ref iterator\n\nWe recomputed the prefix length on every iteration. Precompute it once.\n").what).toBe("explained");
  });

  it("takes a summary that adds documentation as evident, but not an update or a named problem", () => {
    for (const summary of ["Document the --jobs flag in the man page", "docs: explain how to rotate the signing key", "Add docs for the retry option", "Add README to cli"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("evident");
      expect(lint(`${summary}\n`).pass, summary).toBe(true);
    }
    // Sign-offs are no body.
    expect(judge("Document the --jobs flag\n\nSigned-off-by: A U Thor <author@example.com>\n").why).toBe("evident");
    // A generic verb says nothing of what was missing; a problem in the summary needs its story.
    expect(judge("Update Javadoc example\n").why).toBe("missing");
    expect(judge("Document why the cache crashes on resize\n").why).toBe("named");
  });

  it("takes a summary that only reformats code as evident, but not one that formats data", () => {
    for (const summary of ["Format code with prettier", "Run prettier on src", "Apply black formatting", "style: format with prettier", "Format the parser with prettier", "Reformat src/main.py"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("evident");
      expect(lint(`${summary}\n`).pass, summary).toBe(true);
    }
    // Formatting what a user sees is a feature; running or applying anything else is no reformat.
    for (const summary of ["Format dates in the log view", "Format the output of git log", "Apply the patch from upstream"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("missing");
    }
    // A problem named in the summary needs its story, formatter or not.
    expect(judge("Format code with prettier to fix the broken build\n").why).not.toBe("evident");
  });

  it("takes an update of a translation as evident, with or without a list of what was translated", () => {
    const summaries = [
      "l10n: sv.po: Update Swedish translation (5104t0f0u)",
      "l10n: git.pot: v2.41.0 round 1 (51 new, 37 removed)",
      "gitk: Update German translation",
      "git-gui: initial version of russian translation",
      "German translation for git-gui",
      "Updated Bulgarian translation of git (5t,0f,0u)",
    ];
    for (const summary of summaries) {
      expect(judge(`${summary}\n`).why, summary).toBe("evident");
      expect(judge(`${summary}\n\nTranslate 40 new messages.\nFix the translation of "worktree".\n`).why, summary).toBe("evident");
    }
    // A reason in the body still explains it.
    expect(judge("l10n: de.po: Update German translation\n\nThe old term was confusing because it reads as a verb.\n").why).toBe("explained");
    // Code that translates, a noun after "translation", or a verb that builds something is no translation's update.
    for (const summary of ["Use lf translation rather than binary when reading commit data", "Update Unicode translation tables", "Add name translations for sparse repo"]) {
      expect(judge(`${summary}\n`).why, summary).not.toBe("evident");
    }
    // Only a language or a locale translates the messages: a programming language, a proper
    // noun or a short word before "translation" names code that translates.
    for (const summary of ["Update Traditional Chinese translation", "Update Brazilian Portuguese translation", "Add Tamil translation", "Update pt-BR translation", "Add zh_CN translation", "Add Esperanto translation", "Update de translation"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("evident");
    }
    for (const summary of ["Add Python translation for list comprehensions", "Update Kotlin translation of the AST", "Update key translation", "Improve boolean translation", "Improve batch translation", "Add search translation"]) {
      expect(judge(`${summary}\n`).why, summary).not.toBe("evident");
    }
    // The translation platforms' own summaries, translations with no language named, and a
    // language's locale or localization, as other projects write them.
    for (const summary of ["Translated using Weblate (German)", "New translations en.json (French)", "New Crowdin updates", "Pull translations from Transifex", "chore(i18n): update translations", "Update translations", "Added Ukrainian localization", "Update the Russian locale"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("evident");
    }
    for (const summary of ["Update the locale", "Update translations of the viewport", "Add localization", "New translations API"]) {
      expect(judge(`${summary}\n`).why, summary).not.toBe("evident");
    }
    // A problem named under the area still needs its story, as under "test:" or "docs:".
    for (const summary of ["l10n: fix the locale fallback crash", "po/de.po: fix the crash in the plural forms"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("named");
    }
  });

  it("takes messages marked for translation as evident, but not a marking taken back or another i18n change", () => {
    for (const summary of ["i18n: apply: mark parseopt strings for translation", "gitk: Mark forgotten string for translation", "i18n: git-add basic messages", "i18n: git-stash die + gettext messages", "config: mark an error message up for translation"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("evident");
      expect(lint(`${summary}\n\nMark the messages passed to die() in connect.c.\n`).findings.map((f) => f.ruleId), summary).not.toContain("body-why");
    }
    for (const summary of ["push: don't mark options of recurse-submodules for translation", "i18n: tag.c factorize i18n strings", 'i18n: git-fetch split up "(non-fast-forward)" message', "Mark strings as deprecated"]) {
      expect(judge(`${summary}\n`).why, summary).not.toBe("evident");
    }
  });

  it("reads a documentation file as the area as a docs type, but not a build list ending in .txt", () => {
    for (const summary of ["git-push.txt: describe how to default to pushing only current branch", "config/format.txt: specify default value of format.coverLetter", "README.md: add a section on proxies"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("evident");
    }
    expect(judge("git-svn.txt: fix description of fetch flags accepted by clone\n")).toMatchObject({ why: "evident", what: "named" });
    // A fix of a page shows in the diff, whatever orders the body gives.
    expect(judge("git-checkout.txt: fix monospace typeset\n\nAdd backticks where we have none, replace single quotes with backticks\nand replace double-quotes in the whole page.\n").why).toBe("evident");
    const docsCue = (summary: string) => (judgeMessageDetailed(parseMessage(`${summary}\n`), { projectKeys: [] }).cues ?? []).includes("evidentDocs");
    expect(docsCue("git-clone.txt: Improve --depth description")).toBe(true);
    for (const summary of ["user-manual: move quick-start to an appendix", "CodingGuidelines: mention whitespace preferences", "gitfaq: fetching and pulling a repository", "user manual: add a glossary", "StyleGuide: prefer const"]) {
      expect(docsCue(summary), summary).toBe(true);
    }
    // "manual" and "guide" alone or as a folder name code as often: a manual mode, gRPC's route_guide.
    for (const summary of ["examples/route_guide: fix the client", "ui/guide: add a route guard", "camera/manual: retry the focus", "manual: retry the upload"]) {
      expect(docsCue(summary), summary).toBe(false);
    }
    // pip's other package lists too: a prefix or suffix to "requirements", or a requirements/ folder.
    for (const summary of ["CMakeLists.txt: describe the install prefix", "requirements.txt: add a pin for urllib3", "contrib/cmake/CMakeLists.txt: add a target", "dev-requirements.txt: add pytest-cov", "requirements/base.txt: add httpx", "constraints/py311.txt: pin httpx"]) {
      expect(docsCue(summary), summary).toBe(false);
    }
    // A one-word name that says it lists entries is data, not a page; a hyphenated one is a page's as often.
    for (const summary of ["blocklist.txt: add evil.example.com", "stopwords.txt: add \"the\"", "data/allowlist.txt: add example.org", "keywords.txt: add async", "stop_words.txt: add \"the\"", "spelling_wordlist.txt: add asyncio"]) {
      expect(docsCue(summary), summary).toBe(false);
      expect(judge(`${summary}\n`).why, summary).toBe("missing");
    }
    for (const summary of ["git-rev-list.txt: document --count", "api-string-list.txt: fix the example"]) {
      expect(docsCue(summary), summary).toBe(true);
    }
    // A plural of records kept one a line is data too; git's one-word plural pages name a topic.
    for (const summary of ["hosts.txt: add new entries", "domains.txt: add example.org", "lists/blocked-emails.txt: add spam.example"]) {
      expect(docsCue(summary), summary).toBe(false);
      expect(judge(`${summary}\n`).why, summary).toBe("missing");
    }
    for (const summary of ["revisions.txt: mention the range notation", "githooks.txt: describe the pre-push hook", "urls.txt: describe ssh URLs"]) {
      expect(docsCue(summary), summary).toBe(true);
    }
  });

  it("reads a cue word that names a file of the area as the file's name, not a change of its kind", () => {
    const cues = (summary: string) => judgeMessageDetailed(parseMessage(`${summary}\n`), { projectKeys: [] }).cues ?? [];
    for (const summary of ["testing.go: add a helper for temp dirs", "test.py: add a helper for temp dirs", "docs.go: add a route for the API", "typo.c: add a helper for temp dirs", "format.c: add a helper for dates"]) {
      const found = cues(summary);
      for (const cue of ["evidentTests", "evidentDocs", "evidentTypo", "evidentFormat"] as const) expect(found, summary).not.toContain(cue);
      expect(judge(`${summary}\n`).why, summary).toBe("missing");
    }
    // The area's own readings still take a docs page or a test script, and the word outside the area counts.
    expect(cues("README.md: mention the flag")).toContain("evidentDocs");
    expect(cues("t5520-pull.sh: add a helper")).toContain("evidentTests");
    expect(cues("tests/test.py: add a case for temp dirs")).toContain("evidentTests");
    expect(cues("Update README.md with the flag")).toContain("evidentDocs");
  });

  it("reads git's test scripts as the area as a test type", () => {
    const testsCue = (summary: string) => (judgeMessageDetailed(parseMessage(`${summary}\n`), { projectKeys: [] }).cues ?? []).includes("evidentTests");
    for (const summary of ["t5520: factor out common \"successful autostash\" code", "t1300-repo-config.sh: use test_config", "t/lib-git-svn.sh: make hash size independent", "t/t4018: avoid two sub-shell invocations"]) {
      expect(testsCue(summary), summary).toBe(true);
      expect(judge(`${summary}\n`).why, summary).toBe("evident");
    }
    // A word that only starts with t and digits is no test script; a problem named still needs its story.
    for (const summary of ["t1000x: factor out the reader", "tar: factor out the reader", "tig: factor out the reader"]) {
      expect(testsCue(summary), summary).toBe(false);
    }
    expect(judge("t3404: rebase -i breaks on CR/LF line endings\n").why).not.toBe("evident");
  });

  it("reads other runners' test files and folders as the area as a test type", () => {
    const testsCue = (summary: string) => (judgeMessageDetailed(parseMessage(`${summary}\n`), { projectKeys: [] }).cues ?? []).includes("evidentTests");
    for (const summary of ["tests/cli: cover the --quiet flag", "src/__tests__/parse.ts: split the long case", "test_config.py: use a temporary directory", "parser_test.go: add a case for tabs", "user_spec.rb: share the fixture", "lint.test.ts: drop the duplicate case", "pkg/cli.spec.js: rename the cases", "ParserTest.java: use assertThrows", "ConfigTests.cs: cover the empty file"]) {
      expect(testsCue(summary), summary).toBe(true);
      expect(judge(`${summary}\n`).why, summary).toBe("evident");
    }
    // Code that only mentions tests in its name is no test file.
    for (const summary of ["latest.ts: factor out the reader", "contest.py: factor out the reader", "attest/sign.go: factor out the reader"]) {
      expect(testsCue(summary), summary).toBe(false);
    }
    // An xUnit class ends on "Test" with its capital, not on a word that ends in "test"; a spec
    // folder or a "_spec" file holds tests in Ruby and JavaScript, an API's or a language's spec elsewhere.
    for (const summary of ["Contest.java: add a time limit", "Shortest.java: use a heap", "Greatest.swift: pick the max", "spec/openapi.yaml: add the users endpoint", "api/spec/users.yaml: add the users endpoint", "openapi_spec.json: add the users endpoint"]) {
      expect(testsCue(summary), summary).toBe(false);
    }
    for (const summary of ["ContestTest.java: cover the time limit", "spec/support/auth.rb: add a login helper", "api_spec.js: share the fixture"]) {
      expect(testsCue(summary), summary).toBe(true);
    }
  });

  it("reads release notes as the area as a release type", () => {
    for (const summary of ["RelNotes: the third batch", "RelNotes: mention safe.directory", "relnotes: redo the description of text=auto fix"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("evident");
    }
    // A batch of topics names no change of its own; a problem named still needs its story.
    expect(judge("RelNotes: the third batch\n").what).toBe("missing");
    expect(judge("relnotes: fix the crash in the parser\n").why).toBe("named");
  });

  it("takes a fix of the docs or the wording as evident, even when it names what was wrong", () => {
    for (const summary of ["Fix broken link in README", "Fix incorrect javadoc", "docs: fix broken links"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("evident");
      expect(lint(`${summary}\n`).pass, summary).toBe(true);
    }
    // A weaker docs word or a formatting word names code as often; a broken test needs its story.
    for (const summary of ["Fix snapshot link in tree view", "Fix broken imports in the parser", "Fix broken test"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("named");
    }
  });

  it("takes a failure verb in the present, with its subject, as the reason", () => {
    const good = [
      "Uploads to the archive tier fail on every network hiccup.",
      "The exporter leaks a file handle per export.",
      "Two workers refresh the cache at the same time and corrupt the index.",
      "The nightly import runs out of disk on the build host.",
      "The server hangs and crashes when the disk is full.",
    ];
    for (const body of good) expect(judge(`Handle a full disk in the exporter\n\n${body}\n`).why, body).toBe("explained");
    // A noun, a possibility, a promise, a negation, an order or the state after the change is not.
    const bad = [
      "It reports memory leaks and crashes in the exporter.",
      "The exporter now fails with a clear message on a full disk.",
      "Make the exporter fail fast on a full disk.",
      "The exporter will crash on a full disk.",
      "The exporter does not hang on a full disk.",
      "The exporter won\u2019t crash on a full disk.",
      "The exporter can fail on a full disk.",
      "The export job runs during the code freeze.",
    ];
    for (const body of bad) expect(judge(`Handle a full disk in the exporter\n\n${body}\n`).why, body).toBe("missing");
  });

  it("takes a shortcoming told as a negated statement of how things are or were as the reason", () => {
    const good = [
      ["diff: handle copies in the index", "The rename detection does not handle copies from the index."],
      ["t5310: check the bitmap counts", "We were not testing the bitmap counts in this script at all."],
      ["config.c: make git_env_bool() static", "This function is not used by any other file."],
      ["diff: check the result of fopen", "The return value from fopen wasn't being checked."],
      ["Makefile: avoid $( ) on Solaris", "Solaris' /bin/sh does not\nsupport $( )-style command substitution."],
      ["fetch: stop building ref lists", "We really don't need the object ref lists in the fetch code."],
      // A contracted auxiliary: "it's not", "We're not".
      ["git-clean: drop the quiet flag", "The 'quiet' flag is set by -q, but it's not used anywhere."],
      ["submodule: free the update strategy", "We\u2019re not freeing the submodule update strategy command."],
      // An "it" after a sentence about the old code is still the old code.
      ["Store the signature in the tag parser", "The library has a tag parser. It doesn't even store the\nsignature."],
    ];
    for (const [summary, body] of good) expect(judge(`${summary}\n\n${body}\n`).why, body).toBe("explained");
    // An order, a condition, a relative clause, the change's own limit or a promise about it,
    // a denied failure, or how "we" now do things is no shortcoming of the old code.
    const bad = [
      "Don't convert the value to zero in the option parser.",
      "Write a default file in case the directory does not contain one.",
      "At least the parser can detect what we do not handle.",
      "The new helper parses the refs but doesn't check them yet.",
      "Write a default file in case it's not created by the caller.",
      "This does not change the output of any command.",
      "The output of the other commands is not affected by the helper.",
      "The exporter does not hang on a full disk.",
      "We do not quote the prog parameter given to the helper.",
      "The list of refs is not\n\nwritten to disk by the helper.",
      // "it" after a sentence telling what the change brings is the new thing.
      "This adds preliminary support for refs in the library. It doesn't even\nstore the peeled value, however.",
    ];
    for (const body of bad) expect(judge(`Add a ref parsing helper\n\n${body}\n`).why, body).toBe("missing");
  });

  it("takes a mistake told as it was made (forgot, accidentally, by mistake) as the reason", () => {
    const good = [
      "We accidentally shed the const of our buffer in the helper.",
      "The code forgot to take the loop control into account.",
      "An earlier conversion forgot that the list is terminated with NULL.",
      "These lines were mistakenly being colored in the meta color.",
      "This extra space snuck in by mistake in an earlier commit.",
    ];
    for (const body of good) expect(judge(`Add a ref parsing helper\n\n${body}\n`).why, body).toBe("explained");
    // A mistake the change guards against was not made.
    const bad = [
      "The check keeps callers from passing a negative padding by accident.",
      "With the helper it is harder to forget the underrun check in the parser.",
    ];
    for (const body of bad) expect(judge(`Add a ref parsing helper\n\n${body}\n`).why, body).toBe("missing");
  });

  it("takes the old behaviour told with \"would\" as the reason: a failure, after an earlier time, or under a fix", () => {
    const good = [
      "When tracking nested directories, --rmdir would accidentally go too far when deleting.",
      "Without these, running tests with an account with an empty gecos field would fail.",
      "Earlier, ':/<oneline-prefix>' would not work when the buffer was not saved.",
      "Earlier, calling git-repo-config core.hello on such a file would yield a trailing space.",
    ];
    for (const body of good) expect(judge(`Add a ref parsing helper\n\n${body}\n`).why, body).toBe("explained");
    // Under a fix, what the code "would" do tells the failure fixed.
    const fix = "Fix cloning with many refs\n\nupload-pack would set create_full_pack early, but would ask for more\nrefs later and then ignore the flag.\n";
    expect(judge(fix).why).toBe("explained");
    expect(judge(fix.replace("Fix cloning with many refs", "Add a ref parsing helper")).why).toBe("missing");
    // At a sentence's start too, as the pattern reads it ("Would" capitalised).
    expect(wouldTold("The loader ran before the cache. Would crash when the file was empty.", true)).toBe(true);
    // A wish, a proposal, a denied failure, the new thing or the state the change brings is none.
    const bad = [
      "I would like to move this into the tutorial eventually.",
      "Further review of the parsing code would be good.",
      "The new helper would fail on a missing ref file.",
      "With the helper enabled, the parser would fail on a bad ref.",
      "The parser would not crash on a missing ref file.",
    ];
    for (const body of bad) expect(wouldTold(body, true), body).toBe(false);
  });

  it("takes a limit or a shortfall of how things are as the reason", () => {
    const good = [
      "Paths can be longer than PATH_MAX on some systems.",
      "The buffer may hold fewer than 20 bytes at the end of the file.",
      "MSVC lacks many of the header files included by the compat header.",
      "These two options are often used together but are too long to type.",
      "We have too many copies of the same prefix comparison.",
    ];
    for (const body of good) expect(judge(`Add a ref parsing helper\n\n${body}\n`).why, body).toBe("explained");
    // The new thing's limit, weighing the change, or "lack of" as a noun is none.
    const bad = [
      "The new cache can hold more than a hundred entries at a time.",
      "It keeps the parser small without hurting performance too much.",
      "For lack of a better name, call the helper parse_refs.",
    ];
    for (const body of bad) expect(judge(`Add a ref parsing helper\n\n${body}\n`).why, body).toBe("missing");
  });

  it("takes a body that tells more than what the change does as explaining a summary that names the problem", () => {
    for (const message of [
      "replay: die if we cannot parse object\n\n`parse_object` can return `NULL`. That will in turn make\n`repo_peel_to_type` return the same.\n",
      "rebase: fix typoes in error messages\n\nThe separator between words in a multi-word option name is a dash,\nnot an underscore.\n",
      "Check another error condition in git-mv\n\nWhen moving multiple files at once, it can happen that files get the\nsame target name.\n",
    ]) {
      expect(judge(message).why, message).toBe("explained");
    }
    // A body that only orders or describes the change, or opens on doing so, tells how, not what
    // went wrong; a short one says too little.
    for (const message of [
      "Fix an illustration in git-rev-parse.txt\n\nThis hides the backslash at the end of line from AsciiDoc toolchain by\nintroducing a trailing whitespace on one line in the illustration.\n",
      "checkout: fix monospace typeset in the usage\n\nAdd backticks where we have none, replace single quotes with backticks\nand replace double-quotes in the whole page.\n",
      "scalar-unregister: handle error codes greater than 0\n\nWhen 'scalar unregister' tries to disable maintenance, ensure that the\nreturn value is nonzero if either operation produces a nonzero value.\n",
      "p0006: fix 'read-tree' argument ordering\n\nIn the 'p0006' test \"read-tree br_base br_ballast\", move the '-n' flag\nahead of its positional arguments.\n",
      "Fix the crash in the parser\n\nIt is a small one-line change.\n",
    ]) {
      expect(judge(message).why, message).toBe("named");
    }
  });

  it("reads an emphasised word as a plain one, its evidence still on the user's text", () => {
    const message = "t4103: fix binary patch application test\n\nThe generated binary patch was _not_ binary: the --full-index flag no\nlonger implies it.\n";
    const facets = judge(message);
    expect(facets.why).toBe("explained");
    expect(facets.evidence?.why).toContainEqual({ line: 3, column: 28, endLine: 3, endColumn: 36 });
    expect(message.split("\n")[2].slice(27, 35)).toBe("was _not");
    expect(judge(message.replace("_not_", "not")).why).toBe("explained");
    expect(judge("Fix the cygwin detection\n\nMSys2 might *look* like Cygwin, but it is *not* Cygwin at all.\n").why).toBe("explained");
    // "_also_" stresses one more thing a statement holds of; it describes no change.
    expect(judge("Support short names for pack entries\n\nA short match found in the object directory would _also_ match\nanother SHA1 ID in a pack.\n").what).toBe("named");
  });

  it("takes a slow, garbled or misspelled thing, one found missing or hidden, and a bad effect as the reason", () => {
    const good = [
      "The system regex is either slow or buggy for complex patterns.",
      "The parameter marker for x was garbled in its introduction.",
      "In several places the config key was misspelled in the docs.",
      "Some varargs functions were missing the sentinel attribute.",
      "A useful shell safety helper was hidden as a static function in diff.c.",
      "We prepend the prefix only to the whole buffer, which creates a messed up display.",
      "The menu entries talk about staging, but the titles of the file lists use different\nwording, which may confuse newcomers.",
    ];
    for (const body of good) expect(judge(`Add a ref parsing helper\n\n${body}\n`).why, body).toBe("explained");
    // A condition, "what is missing", the change or its new thing tells no state of today.
    const bad = [
      "If the config file is missing, fall back to the defaults.",
      "Document what is missing from the ref parsing helper.",
      "The new helper is hidden behind the --parse-refs option.",
      "This patch creates a stale copy of the parsed refs on purpose.",
      "This change may confuse users of the old option.",
      "If the titles differ, it may confuse newcomers.",
    ];
    for (const body of bad) expect(badStateTold(body), body).toBe(false);
  });

  it("takes a fault found with how things are (is unclear, is inconsistent) as the reason", () => {
    const good = [
      "The code was a bit unclear in expressing what it wants to compare.",
      "It is pointless to keep a copy of the name in the entry.",
      "Using environment variables there is very cumbersome.",
      "The boilerplate to set this up is unfortunate.",
      // More judging words: a wrong, unsafe, unportable or unused thing.
      "In this case, the dialog lists the upstream branch twice. This is undesirable.",
      "It is unsafe to pass a temporary buffer as an argument to read_directory().",
      "It's not portable, as reported by test-lint.",
      "The completion for the parameter value was incorrect.",
    ];
    for (const body of good) expect(judge(`Add a ref parsing helper\n\n${body}\n`).why, body).toBe("explained");
    // A fault of the change or its new thing is no reason for it.
    const bad = [
      "This change is obviously silly by itself, but the next one builds on it.",
      "The new helper is ugly, but it cannot be avoided.",
      "Doing this is slightly odd, as the other pages list them by name.",
      // A fault granted before the point is made.
      "Note that while the buffer looks questionable, the parser reads exactly forty bytes.",
      // The new way set against the old one describes the change.
      "The new helper returns a sorted list, whereas the cache gives a set.",
    ];
    for (const body of bad) expect(judge(`Add a ref parsing helper\n\n${body}\n`).why, body).toBe("missing");
    // Two ways things are today, set side by side, are a mismatch to resolve.
    const contrast = "The low-level parts of the library return NULL for author-less\nrevisions, whereas \"(no author)\" is a client convention.";
    expect(judge(`Handle the no-author name with an authors file\n\n${contrast}\n`).why).toBe("explained");
    // "unlike" and an elided negated second fact set two ways things are today side by side too.
    const inconsistent = [
      ["Report missing submodule pushes on stderr", "The surrounding advice is printed to stderr, but the list of submodules\nis not. Report everything to stderr."],
      ["Add '-d' as shorthand for '--delete' to push", "\"git push\" takes \"--delete\" but does not take a short form \"-d\",\nunlike \"git branch\" which does take both."],
    ];
    for (const [summary, body] of inconsistent) expect(judge(`${summary}\n\n${body}\n`).why, body).toBe("explained");
    // The new thing set against another, or its limit, is no reason.
    const ownLimit = [
      "Unlike `remove --stdin`, this option cannot be combined with object names.",
      "The helper handles refs, but reflogs are not yet.",
    ];
    for (const body of ownLimit) expect(judge(`Add a ref parsing helper\n\n${body}\n`).why, body).toBe("missing");
    // A constraint from outside the code, told as today's fact.
    expect(judge("string-list.c: avoid conversion from void * to function pointer\n\nISO C forbids the conversion of void pointers to function pointers.\nIntroduce a context struct that encapsulates the function pointer.\n").why).toBe("explained");
  });

  it("takes a benefit for someone as the reason", () => {
    const good = [
      ["Support reading the API key from a file", "This lets operators keep the key out of the process list and shell\nhistory. --api-key-file takes a path and reads the first line."],
      ["Add a retry button to the failed upload banner", "Users can now retry a failed upload without picking the file again."],
      ["Add --dry-run to the migrate command", "Callers no longer have to run the migrations against a copy of the\ndatabase to see what they would do."],
      ["record_author_date(): use find_commit_header()", "This saves us some manual parsing of the commit buffer."],
      ["Report lock errors through a strbuf", "That way the callers don't have to come up with error messages\nthemselves."],
      // A promise, a goal after an order, or "us" after any subject.
      ["Turn the password prompt into a generic function", "This will allow callers to specify more options. The old function\nbecomes a wrapper."],
      ["Pass a repository to grow_object_hash", "Add an argument to allow the caller to be more specific about the\nrepository to handle."],
      ["Use skip_prefix when parsing options", "Using skip_prefix lets us avoid manually counted offsets into the\nargument string."],
    ];
    for (const [summary, body] of good) expect(judge(`${summary}\n\n${body}\n`).why, body).toBe("explained");
    // What the code does for itself, or a relative clause describing the new thing, is no benefit.
    const bad = [
      ["Add a cache to the resolver", "This allows the cache to hold up to 500 entries per host."],
      ["Add a cache to the resolver", "This will allow the cache to hold up to 500 entries per host."],
      ["Add a limit to the resolver cache", "Add a setting to allow the cache to grow up to 500 entries."],
      ["Add a --block-size option", "Add a new option that allows the user to set the block size."],
      ["Add a retry button to the upload banner", "Users can now retry an upload from the banner."],
    ];
    for (const [summary, body] of bad) expect(judge(`${summary}\n\n${body}\n`).why, body).toBe("missing");
  });

  it("takes what the change makes easier, or a judgement of the old way, as the reason", () => {
    const good = [
      ["Split the report writer into two functions", "Move the header code into its own function. This makes the next\ncommit, which adds a footer, easier to review."],
      ["Use the shared hash helper in the indexer", "Call index_hash() instead of open-coding the loop. This shortens the\ncode and makes it easier to follow."],
      ["Keep the parser state in one struct", "The state lives in six globals. This makes it impossible to run two\nparsers in one process."],
      ["Add --quiet to the sync command", "Print nothing but errors when it is given. It is handy for cron jobs\nthat mail their output."],
      ["Close files with the helper in the exporter", "The exporter closes its files by hand. That is considered bad practice\nin this code base, so call close_or_die()."],
      ["Drop the cache size variable", "There is no need to keep the size in a variable of its own; read it\nfrom the cache struct."],
      ["Rename the write helper file", "This is more consistent with the project style of file names."],
      ["Switch to the helper", "It is more idiomatic in shell scripts."],
      ["Move the parser test next to the parser", "It is common to add tests to the same package as the class under test."],
      // A stated preference or guideline, and "There's no reason".
      ["Use xstrdup in the config reader", "We generally prefer xstrdup to plain strdup. Make it so."],
      ["Remove the space after redirections in t7102", "According to Documentation/CodingGuidelines, a redirection is\nwritten with no space after it."],
      ["Return a mutable string from prefix_path()", "The function allocates a new buffer. There's no reason for it to\nkeep the buffer and waste memory."],
      ["Expose the executed flag on the call", "Might be useful to expose this bookkeeping to app developers."],
      // A goal after an order, in words of its own.
      ["Extract the retry delay into a variable", "Extract the delay computed in three places to reduce clutter in the\nloop."],
      ["Accept a plain path in verify_file()", "Take the path instead of the whole entry to give callers more freedom."],
      ["Reset the terminal when reading without echo", "Break out of the loop to ensure restore_term() is called before\nreturning."],
      ["Take a raw length in traverse_path_len()", "We only care about the length of the path name. Take that length\ndirectly, making it easier to use the function from more callers."],
      // What the change improves, told with "this" or a participle after a comma.
      ["Move the subcommand options into cmd_config()", "Move the options and the subcommand variable into the function.\nThis reduces our reliance on global state."],
      ["Shrink the object entry struct", "Turn the boolean fields into bitfields. This shrinks the structure\nfrom 128 bytes to 120 bytes."],
      ["Add a generic tree traversal to fetch SVN properties", "Add prop_walk and use it in cmd_show_ignore.\n\nThis will ease the implementation of the `create-ignore',\n`propget', and `proplist' commands."],
      ["Let add_blame_entry() copy the entry", "All callers allocate and copy the second argument. Let the\nfunction do it for them, reducing code duplication."],
      // A judgement of the result: shorter, simpler, more portable.
      ["Call hashwrite_be32() in write_hash_cache()", "Call the helper instead of open-coding it. This is shorter and\neasier to read."],
      ["Set the process environment in git.el", "Set process-environment instead of invoking env. This will make it\nless posix-dependent, and more efficient."],
      ["Report the errno of failed removals", "Each of these warnings follows a system call. Report the actual\nerror to help the user understand why the removal failed."],
      ["Release the prefixed file names", "Remember the returned strings and release them to appease leak\ncheckers."],
      // Consistency as the goal.
      ["Define the install paths without a trailing slash", "The main Makefile defines the paths without it. The other\nmakefile should do the same to be consistent."],
      ["Spell the blank boundary option in camel case", "All other references to the options are camel-cased. Update\nthis one to match."],
      // "to match" and what is matched: the other side of the consistency.
      ["Reorder the option list in the usage", "Reorder the option list in the command-line usage to match the\nmanual page."],
      ["Rename the reader constructor", "Rename the function to `reftable_reader_new()` to match our coding\nguidelines."],
    ];
    for (const [summary, body] of good) expect(judge(`${summary}\n\n${body}\n`).why, body).toBe("explained");
    // "makes it possible" describes the feature as often; an instruction is no goal; nor is a
    // goal the summary already says.
    const bad = [
      ["Add a --block-size option to the exporter", "Add a new option for the block size. This makes it possible to set\nit per run."],
      ["Document the retry settings", "Explain how to avoid a retry storm with the backoff options in the\nguide."],
      ["Reduce clutter in the retry loop", "Extract the delay into a variable to reduce clutter in the loop."],
      // What the code does when it reduces something is no improvement.
      ["Add a reducer for the totals", "Add a reducer. This reduces to a single total per account."],
      ["Add a length field to the header", "The new header is shorter than the record it describes."],
      ["Help the user with the error", "Print the errno next to the message to help the user."],
      // "to match" with an object tells what the code does.
      ["Add a glob for the config names", "Add a pattern to match the names of the config files in the\nrepository."],
      ["Accept both hash kinds in is_oid", "Call the function is_oid and update it to match either a SHA-1 or\na SHA-256 hex object ID."],
      ["Widen the ref filter", "Change the filter to match the refs under refs/remotes as well."],
      ["Read hook names from the config", "Loop over the config keys to match the lines that name a hook."],
      // Consistency with something, or "useful" inside a sentence with another subject, is no judgement.
      ["Rename the write helper file", "The new name is consistent with the other helpers in the directory."],
      ["Expose the executed flag on the call", "The flag that callers may be useful to check is set on execute."],
    ];
    for (const [summary, body] of bad) expect(judge(`${summary}\n\n${body}\n`).why, body).not.toBe("explained");
  });

  it("takes a preparation for a later change, or a requirement, as the reason", () => {
    const good = [
      ["Move the flag enum up in refs.c", "Move the enum above the iterator code. This prepares for later\nchanges, where more functions use the flags."],
      ["Split out the pack writer helper", "Factor the writer out of create_bundle(). It will be used in a\nsubsequent commit by the bundle verifier."],
      ["Run the formatter on the name code", "We are about to move this code around. Deal with the formatter's\nchanges first."],
      ["Move the options into the state struct", "To make the parser a library, the options variable should not be\nstatic and global to the file."],
      ["Add the flags to the scoreboard", "The flags are used in code that moves to the library, and should be\naccessible through the scoreboard."],
      ["Rename the blank-line option to camel case", "All the other config variables use camel case. This variable should\nnot be an exception."],
      ["Convert the reflog helpers to object_id", "Convert the last uses of raw hashes. This conversion is needed for\nthe dwim_log rewrite."],
      ["Move the compression code into a function", "A later patch will make use of that code too."],
      ["Expose the refspec parser", "A future patch needs access to the parser from the push code."],
      ["Extract the strategy enum to notes-utils.h", "A future patch will move the parsing into notes.c and will require\nthe enum there."],
      // Later use told with the user of the code between, or "later" alone.
      ["Extract a function to parse object ID prefixes", "Move the parsing logic into a new function. It will be used by a\nsecond caller in a subsequent commit."],
      ["Make pattern parsing a separate function", "This function can later be reused by the attribute code."],
      ["Change the git_config_with_options() interface", "We're going to have more sources for the config. Pass a struct\nwith all the source options."],
      ["Move the option array around", "Move the array up. This will help us with a follow-up commit that\nadds subcommands."],
      ["Parse the comment record in one place", "Parse the records in one helper. This simplifies a later change to\nhandle longer hashes."],
      // A later change made smaller or easier as the object of "make".
      ["help.c: split up list_all_cmds_help()", "Split up the listing of commands and aliases. This will make a\nsubsequent functional change smaller."],
      ["packed-backend.c: reorder some definitions", "No code has been changed. This will make subsequent patches more\nself-contained."],
      // Use by others than today's caller.
      ["Extract refs_read_raw_ref() as a new function", "Extract it from refs_resolve_ref_unsafe(). It will be useful\nelsewhere."],
      ["Move the stale head logic to remote.c", "Move the logic out of builtin-remote.c so it can be used by other\nbuiltins."],
    ];
    for (const [summary, body] of good) expect(judge(`${summary}\n\n${body}\n`).why, body).toBe("explained");
    // A promise about the change, or the state after it, is no requirement.
    const bad = [
      ["Replace die(usage) calls in the remote helper", "Call usage() instead. The only change in behaviour should be the\nprefix of the message."],
      ["Read the cache size from the struct", "Read the size from the cache struct. This should not change any\noutput."],
      // A specification of what a value must be is no requirement on the old code.
      ["Map a P4 user to a Git author", "Map a user with the mapUser config. The config value must be a string\nadhering to the format \"user = Name <email>\"."],
      // Work left for a later change is no preparation for it.
      ["Move the ref store into the repository", "A later patch needs to get rid of the submodule calls in the ref API."],
      ["Refuse a file where a directory is registered", "The next commit will introduce an option to replace such entries."],
      // Where the new code is used now, or help for a reader, is no later change.
      ["Extract a function to parse object ID prefixes", "Move the parsing logic into a new function. It will be used by the\nexisting callers in the parser."],
      ["Document the pattern parser", "This will help readers of the parser code."],
      // The next step made something of its own is no later change eased.
      ["Split the pattern parser", "Split the parser in two. This will make the next step of the\nparse a separate function."],
    ];
    for (const [summary, body] of bad) expect(judge(`${summary}\n\n${body}\n`).why, body).not.toBe("explained");
  });

  it("takes a quality of any kind made more or less as the change's goal", () => {
    expect(judge("meson: provide a summary of configured backends\n\nThere are a couple of backends from which the user can choose for HTTPS\nand SHA1. Provide a summary of the configured values to make these more\ndiscoverable.\n").why).toBe("explained");
    expect(judge("merge-one-file: drop the dots after file names\n\nRemove the dots at the end of the file names in the messages, to make the\noutput more friendly to mouse copy-paste.\n").why).toBe("explained");
    expect(judge("Shrink the status header\n\nShrink the header of the status page to make more room for the list of\nbranches.\n").why).not.toBe("explained");
    expect(judge("Shrink the status header\n\nShrink the header of the status page to make room for more branches.\n").why).not.toBe("explained");
    expect(judge("Raise the cache limit\n\nRaise the limit of the cache to make the cache hold more entries.\n").why).not.toBe("explained");
  });

  it("takes what a way of doing things protects, ensures or improves as the reason", () => {
    expect(judge("doc: switch links to https\n\nThese sites offer https versions of their content.\nUsing the https versions provides some protection for users.\n").why).toBe("explained");
    expect(judge("doc: switch links to https\n\nThese sites offer https versions of their content.\nUsing the https versions provides a list of mirrors.\n").why).not.toBe("explained");
  });

  it("takes an earlier change's reason given again, or a companion of an earlier change, as the reason", () => {
    const good = [
      ["builtin/fsck: move generic HEAD check into refs_fsck()", "Move the check that detects \"HEAD\" refs that do not point at a branch\ninto refs_fsck(). This follows the same motivation as the preceding\ncommit."],
      ["t/helper: inline the table printer", "Inline the printer into its only caller. This follows the same\nreasoning as the preceding commit."],
      ["diffcore-break: similarity estimator fix", "This is a companion patch to the previous fix to diffcore-rename.\nThe merging-back process should use a logic similar to it."],
      ["Add -P to the documentation head", "This is a companion patch for 211dcac6430cdf77fcf2a968ffaf9313b5c059b0\nwhich added the option."],
      ["parse-options: handle precision for unsigned options", "This commit is the equivalent to the preceding commit, but instead of\nthe signed options it handles the unsigned ones."],
      ["scalar: 'unregister' stops background maintenance", "Just like `scalar register` starts the scheduled background maintenance,\n`scalar unregister` stops it."],
      ["object-name: move the prefix iteration into packfile.c", "Similar to the preceding commit, move the logic to iterate through\nobjects that have a given prefix into \"packfile.c\"."],
    ];
    for (const [summary, body] of good) expect(judge(`${summary}\n\n${body}\n`).why, body).toBe("explained");
    // The same reasoning as another thing's, or a companion that is no earlier change, gives none.
    const bad = [
      ["Name the reftable options", "Name the options with the same rationale as the\nloose ref options."],
      ["Add a companion tool for bundles", "Add a companion tool to the bundle command that lists its refs."],
      // "Just like" of manner, or of nothing changed, follows no precedent.
      ["Add a path option to the command", "Add a --bar option to the command.\n\nJust like that, the user can pick a path."],
      ["Add a helper for the parser", "Add a helper for the parser. Just like before, the caller owns the buffer."],
    ];
    for (const [summary, body] of bad) expect(judge(`${summary}\n\n${body}\n`).why, body).not.toBe("explained");
  });

  it("takes an error someone runs into today as the reason", () => {
    for (const body of ["Users paste config from JSON5 files and get a confusing syntax error.", "Callers that pass a negative size hit an assertion failure."]) {
      expect(judge(`Accept trailing commas in config\n\n${body}\n`).why, body).toBe("explained");
    }
    // An order is the behaviour after the change.
    expect(judge("Reject negative sizes in the allocator\n\nMake callers get an error for a negative size.\n").why).toBe("missing");
  });

  it("takes a checker's complaint about today's code as the reason", () => {
    for (const body of ["The compiler complains that the precision in the format should\nhave type int, but we pass size_t.", "Newer gcc warns when a non-constant string is fed as the format."]) {
      expect(judge(`Pass an int precision to fprintf in the debug code\n\n${body}\n`).why, body).toBe("explained");
    }
    // An order to complain, or the new check's warning, is the behaviour after the change.
    for (const body of ["Complain about a directory given together with the bare option.", "The new linter warns about a format that is a variable."]) {
      expect(judge(`Validate the clone arguments\n\n${body}\n`).why, body).not.toBe("explained");
    }
  });

  it("reads the failure's own clause, and a subject written as code", () => {
    const good = [
      // "now", "instead" and an order in another clause are not the failure's.
      "Disable it for now: the exporter hangs on a full disk.",
      "Right now, the exporter hangs on a full disk.",
      "export_write() crashes on a full disk; return -ENOSPC and log the path instead.",
      "`export_write` crashes on a full disk.",
      // Nobody asks for a crash "instead of" something: that is the problem.
      "The exporter crashes instead of reporting the full disk.",
      // A colon inside a parenthesis ends no clause.
      "After 1a2b3c4 (export: open a file per write) the exporter leaks a file handle per export.",
    ];
    for (const body of good) expect(judge(`Handle a full disk in the exporter\n\n${body}\n`).why, body).toBe("explained");
    // "fails ... instead of" can be the new behaviour; "reports hangs and crashes" names them.
    for (const body of ["The exporter fails on a full disk instead of writing half a file.", "The watchdog reports hangs and crashes to the supervisor."]) {
      expect(judge(`Handle a full disk in the exporter\n\n${body}\n`).why, body).toBe("missing");
    }
  });

  it("takes a failure the summary asks for as the new behaviour, not the reason", () => {
    const asked = [
      ["Exit with code 2 on a bad input file", "The command fails with exit code 2 on a bad input file."],
      ["Reject uploads over the size limit", "The endpoint fails with status 413 on a body over the limit."],
      ["Let the CI job fail on a coverage drop", "The CI job fails as soon as total coverage drops below 80 percent."],
      ["Time out idle database connections", "Idle connections time out after five minutes and return to the pool."],
    ];
    for (const [summary, body] of asked) expect(judge(`${summary}\n\n${body}\n`).why, body).toBe("missing");
    // A malfunction is still the reason, and so is a failure under a summary that asks for none.
    expect(judge("Make the healthcheck fail on a stuck queue\n\nThe consumer stalls on a poisoned message and the healthcheck stays green.\n").why).toBe("explained");
    expect(judge("Retry archive uploads on network errors\n\nUploads to the archive tier fail on every network hiccup.\n").why).toBe("explained");
  });

  it("takes a failure the summary's new thing is built to produce as the change, not the reason", () => {
    const built = [
      ["Add a circuit breaker around the payments client", "While the breaker is open, calls fail immediately with\nCircuitOpenError. The breaker opens after five consecutive failures\nand half-opens after 30 seconds."],
      ["Add a fault-injection mode to the storage test harness", "Under fault injection the storage layer loses every tenth write and\ndelays reads by a random 0-200 ms."],
      ["Add a request timeout to the HTTP client", "Requests that take longer than the configured timeout fail with a\nTimeoutError. The default is 30 seconds."],
      ["feat: introduce a strict mode for the config loader", "In strict mode the loader fails on the first unknown key."],
    ];
    for (const [summary, body] of built) expect(judge(`${summary}\n\n${body}\n`).why, body).toBe("missing");
    const told = [
      // The failing part is where the new thing goes, not the new thing.
      ["Add a retry around the payments client", "Calls to the payments client fail on every network hiccup."],
      ["Add a lock around the index cache", "Two workers refresh the cache at once and corrupt the index."],
      // Nobody builds a crash: a malfunction in a sentence naming the new thing is still the reason.
      ["Add a null check to the config loader", "The loader crashes on a null value in the config."],
      // Another verb than "add" builds nothing: the supported thing is what fails today.
      ["Support HTTP proxies in the uploader", "Uploads behind HTTP proxies fail with a connection reset."],
    ];
    for (const [summary, body] of told) expect(judge(`${summary}\n\n${body}\n`).why, body).toBe("explained");
  });

  it("takes a body that tells what happened before the change as its reason", () => {
    const good = [
      "The CDN is blocked on the school networks where most of our users\nwork, so every page rendered in a fallback font.",
      "People searching for an error message got last week's unrelated\nthreads first and the answer on page three.",
      "Two exports started from different tabs wrote the same temp file and\nproduced a corrupt archive.",
      "Support could not match a customer's error report to our logs without\nit.",
      "The security review flagged the 12-hour sessions on shared kiosk\ncomputers in the branch offices.",
    ];
    for (const body of good) expect(judge(`Change how uploads are stored\n\n${body}\n`).why, body).toBe("explained");
    // The change told in the past tense, a passive, an adjective or release-note style is not.
    const bad = [
      "Added a helper that retries a call three times and updated the callers.",
      "We moved the parser into its own module and renamed its functions.",
      "Split the parser into three files and rename the packed helpers.",
      "The blame command learned a new option to show e-mail addresses.",
      // A pointer to a conversation held elsewhere tells nothing of what happened.
      "Store them in the new bucket as discussed.",
      "Move the uploads to the new bucket, as agreed with the storage team.",
      "Store them in the new bucket as suggested in review.",
    ];
    for (const body of bad) expect(judge(`Change how uploads are stored\n\n${body}\n`).why, body).toBe("missing");
    // After a change verb, a participle before its noun is the object, not an event.
    for (const body of ["The uploader now retries failed chunks.", "The sweeper removes cached entries older than a day.", "This adds a helper and handles deltified objects as well."]) {
      expect(judge(`Change how uploads are stored\n\n${body}\n`).why, body).toBe("missing");
    }
    // A verb followed by a preposition, an adverb or a determiner still tells what happened.
    for (const body of ["The integration tests failed on Windows after the upgrade.", "Nightly builds failed twice this week on the big tenants."]) {
      expect(judge(`Change how uploads are stored\n\n${body}\n`).why, body).toBe("explained");
    }
    // Beside one, what happened is still told.
    expect(judge("Change how uploads are stored\n\nAs discussed, the old bucket filled up twice last month and uploads\nfailed for hours.\n").why).toBe("explained");
  });

  it("reads a participle that modifies a noun, a count or a credit as no event", () => {
    // A participle of a verb that needs an object, after a noun and before a preposition, is a
    // reduced relative clause; so is one after a count, and "Noticed and reported by" credits.
    const described = [
      ["bash completion: Add completion for 'git clone'", "Add completions for all long options specified in the docs."],
      ["attr: plug minor memory leak", "Free the memory allocated for struct strbuf pathbuf when we're done."],
      ["git-pull.txt: Mention branch.autosetuprebase", 'In "Options related to merging" mention also the related option.'],
      ["l10n: Update git.pot", "Generate po/git.pot from v1.7.11, with 5 new and 3 removed messages.\n\n* 3 removed l10n messages at lines 1194, 3158."],
      ["Start a library for cvsimport tests", "For now the library just includes code (moved from t9600) that checks\nthe prerequisites."],
      ["git-mv: quote $src in a regexp", "Noticed and fixed by Matthias Urlichs and Josef Weidendorfer."],
      // A credit with a particle, a phrase opening the sentence, a passive of "make", code, and
      // a verbless "No … intended.".
      ["read-cache.c: remove a stray debugging printf", "Pointed out by Junio, part of my debugging of the rewrite."],
      ["git.el: Add a checkout command", "Prompts for a branch name and checks it out.\n\nBased on a patch by Rémi Vanicat."],
      ["expose a helper function peel_to_type()", "This helper is the core of the parser. Now it is made available to callers."],
      ["git svn: add gc command", "Add a git svn gc command that gzips all unhandled.log files."],
      ["merge-recursive: expose merge options", "Unify the two blocks that read the options.\n\nNo functional change intended."],
      ["l10n: pt_PT: translated git v2.33.0", "* translated new entries of git v2.33.0"],
      // The change's own verb after "I've" or in an editor's note.
      ["Teach rev-parse the ... syntax", "Parse A...B as the symmetric difference.\n\n[jc: moved the difference code around into its own function.]"],
      ["whitespace: have SP on both sides of an assignment", "I've deliberately excluded the borrowed code in compat/nedmalloc\ndirectory."],
    ];
    for (const [summary, body] of described) expect(judge(`${summary}\n\n${body}\n`).why, body).not.toBe("explained");
    // An event still: a participle with its subject, one dated to an earlier commit or release,
    // one in a sentence naming a problem, and "used to".
    const told = [
      ["Change how uploads are stored", "The site name of the host changed to openhub last year."],
      ["run-command.h: remove a member", "Remove a member added in ac2fbaa674c (run-command: add handler), but\nwhich was never called."],
      ["pickaxe: check the pattern", "Fix for a potential segv introduced in v2.11.0 and later."],
      ["gc: keep literal commands", "Fix messages incorrectly marked for translation."],
      ["Change how uploads are stored", "The uploader used to write every chunk twice."],
      // A participle after an adverb has its subject before it; a particle does not hide a date.
      ["i18n: git-merge \"Wonderful\" message", "A test in t7600-merge.sh explicitly checked for the old wording of the\nmessage before."],
      ["http: differentiate socks5:// and socks5h://", "The proxy support added back in 2.6.4 days treats both the same."],
    ];
    for (const [summary, body] of told) expect(judge(`${summary}\n\n${body}\n`).why, body).toBe("explained");
  });

  it("takes a short reason stated in plain words: a consequence, user impact, a requirement, a cost", () => {
    const reasons = [
      "The corporate proxy drops HTTP/2 streams after 64 KiB, so large\nuploads hang forever.",
      "fsync can take several seconds on a busy disk, and readers stall for\nall that time.",
      "Customers complained about duplicate notifications.",
      "Users on Safari 15 see a blank page.",
      "Required by PCI DSS 4.0 before the audit in June.",
      "The new layout renders the list 3x faster on low-end phones.",
      // What another part needs (from a blind sweep of experts' short messages).
      "The autoscaler needs it to scale the workers on backlog rather than on\nCPU; the workers are I/O bound.",
      "So the autoscaler can scale the workers on backlog instead of CPU.",
    ];
    for (const body of reasons) expect(judge(`Change how uploads are sent\n\n${body}\n`).why, body).toBe("explained");
    // A need that says nothing of its own, or only the summary again, is no reason.
    for (const message of [
      "Update the lockfile\n\nUpdate the lockfile so the build will work.\n",
      "Add getter for maxHeaderSize\n\nAdd a getter for maxHeaderSize so the value can be read.\n",
      "Add helper for parsing dates\n\nAdd a helper for parsing dates. The code needs it to work.\n",
    ]) {
      expect(judge(message).why, message).toBe("missing");
    }
    // "and so on" states nothing.
    for (const body of ["Split the module into files for models, views, and so on."]) {
      expect(judge(`Change how uploads are sent\n\n${body}\n`).why, body).toBe("missing");
    }
  });

  it("takes a sentence opening on the change's goal (To <goal>, …) as its reason, not an instruction", () => {
    const goals = [
      "To reduce memory use, wait until the pack is written before releasing\nthe index entries.",
      "To keep the hook fast, the config is read only when a rule asks for it.",
      "The retries were immediate. To avoid hammering the registry, back off\nexponentially between tries.",
      "- To make uploads more robust, retry each chunk up to three times.",
    ];
    for (const body of goals) expect(judge(`Change how uploads are sent\n\n${body}\n`).why, body).toBe("explained");
    // Instructions open the same way, and a goal that points back or repeats the summary says nothing.
    const instructions = [
      "To test, run the exporter with --debug and watch the log.",
      "To use it, pass --debug on the command line.",
      "To do: wire the flag into the daemon as well.",
      "To enable it, set EXPORTER_DEBUG=1 in the environment.",
      "To make a release, run the release script from the root.",
      "To fix this, pass the flag down to the exporter.",
    ];
    for (const body of instructions) expect(judge(`Add a debug flag to the exporter\n\n${body}\n`).why, body).toBe("missing");
    expect(judge("Keep the hook fast\n\nTo keep the hook fast, read the config lazily.\n").why).toBe("missing");
  });

  it("reads no cause in \"since\" before a commit, a version or a release", () => {
    const detailed = (message: string) => judgeMessageDetailed(parseMessage(message), { projectKeys: [] });
    // A point in time: the body says when, not why.
    for (const body of [
      "The key has been called fetch.parallel since 2.24.",
      "The wording has been like this since Git v1.7.2.",
      "The prompt reads this way since commit abc1234 (\"rework the pager\").",
      "The layout is the same ever since 5f3a9c2e81.",
      "Translate the new message since git 1.7.10.1.",
    ]) {
      const facets = detailed(`Rework the pager setup\n\n${body}\n`);
      expect(facets.cues, body).not.toContain("bodyCausal");
      expect(facets.why, body).toBe("missing");
    }
    // "since" before a clause gives one, a version that is a clause's subject included.
    for (const body of [
      "Since the cache is shared, each worker must take the lock before reading.",
      "Since Git 2.0 is nearly here, drop the old alias from the pager.",
      "The refresh is redundant here since 2.30 changed the default.",
    ]) {
      expect(detailed(`Rework the pager setup\n\n${body}\n`).cues, body).toContain("bodyCausal");
    }
    // A problem or a loss dated to an earlier commit is the situation the change responds to.
    for (const body of [
      "The option has been broken since 4f2a9c1e (pager: use a pipe).",
      "This helper has not been used since commit e86ad71 removed its last caller.",
      "Since a64d778, git merge doesn't use cpio anymore.",
      "Plug a leak we have had since d6cf873340 (add -p: implement search).",
    ]) {
      expect(detailed(`Rework the pager setup\n\n${body}\n`).why, body).toBe("explained");
    }
  });

  it("reads a causal connective that a line wrap splits", () => {
    for (const body of [
      "The helper keeps its own copy of the index, and in\norder to reset every matching file it must see the whole tree.",
      "Both senders build the same request by hand, so\nthe builder belongs in one place.",
    ]) {
      expect(judge(`Change how uploads are sent\n\n${body}\n`).why, body).toBe("explained");
    }
    expect(judge("Change how uploads are sent\n\nThe helper keeps its own copy of the index and\nwalks the whole tree on reset.\n").why).toBe("missing");
  });

  it("reads a clause of cause opened by \", as\" with a modal, a negation or \"neither … nor\"", () => {
    for (const [summary, body] of [
      ["diff-delta: do not allow delta offset truncation", "Prevent generating delta offsets beyond 4G, as the xdelta used in\nthe pack format cannot represent such large offset."],
      ["http-push: fix another memory overrun", "Replace the strlcpy() calls, as the source buffer at these\nlocations may not be NUL-terminated."],
      ["submodule--helper: add \"const\" to the copy of update_data", "Add a \"const\" to the copy of \"struct update_data\" that is tracked by\nthe clone state, as it neither owns nor modifies it."],
    ]) {
      expect(judge(`${summary}\n\n${body}\n`).why, body).toBe("explained");
    }
    // "as" of manner or comparison, and the change's own promise, give no cause.
    for (const body of [
      "Print the list of refs again at the end, as you would expect from\nthe other commands.",
      "Print the list of refs at the end, as well as the number of refs.",
      "Quote the path in the hook, as a shell would quote it.",
    ]) {
      expect(judge(`Print the refs at the end\n\n${body}\n`).why, body).not.toBe("explained");
    }
  });

  it("reads an order after a purpose clause that opens the sentence as the change's what", () => {
    for (const message of [
      "Fix the race in the pool\n\nThe pool handed out a connection twice. To fix this, take the lock\nbefore reading the free list.\n",
      "Stream large blobs to the client\n\nIn order to keep memory flat on big repositories, stream the blobs in\nchunks of 64 KiB.\n",
      // A change verb before a plain noun orders too after the purpose clause.
      "Fix blame on decorated lines\n\nDecorations made blame misreport the line numbers. To fix, ignore\ndecorations that start with a tab.\n",
      "Speed up the file walker\n\nHidden files dominate the walk on big repositories. To avoid that, skip\nhidden files.\n",
    ]) {
      expect(judge(message).what, message).toBe("explained");
    }
    // Unless a verb follows the noun, which makes it the subject; an order-only verb needs an object.
    for (const body of ["To avoid that, cache misses are counted once per walk.", "To support this, test files need a fixture.", "To avoid that, batch jobs run at night."]) {
      expect(judge(`Speed up the file walker\n\n${body}\n`).what, body).toBe("named");
    }
    // The reader's instructions are no description of the change.
    for (const body of ["To test, run the exporter with --debug and watch the log.", "To use it, pass --debug on the command line."]) {
      expect(judge(`Add a debug flag to the exporter\n\n${body}\n`).what, body).toBe("named");
    }
  });

  it("reads a wrapped purpose opener, an order led by \"and\" or one that ends on \"instead\" as the change's what under a fix", () => {
    for (const body of [
      // "In order to" wrapped across lines opens the purpose all the same.
      "asciidoc reads the carets as superscript. In order\nto fix this problem, use backticks to quote the commands.",
      // "And" adds one more order to what the body told.
      "The parser skipped the last argument.\n\nAnd make the code more readable while at it.",
      "The parser skipped the last argument... and use the established pattern\nfor the tail of the list.",
      // An order that ends on "instead" needs no determiner after its verb.
      "/bin/ls on Mac OS X exits with code 0 for missing files. So look at\nits output instead.",
      "Question marks are not allowed in file names there. Use square brackets instead.",
    ]) {
      expect(judge(`Fix the walker on odd platforms\n\n${body}\n`).what, body).toBe("explained");
    }
    for (const body of [
      // After a shown command a lower-case "and" goes on with the sentence before it.
      "An incorrect config file can say:\n\n\t[format]\n\t\theaders\n\nand crash the parsing.",
      // Without "instead" a look is the reader's.
      "The walker misreads the list. Look at the output of the second run.",
      // A verb after the noun makes it the subject; a question orders nothing.
      "The walker misreads the list. Round trips happen instead.",
      "The walker misreads the list. Should we look at its output instead?",
      // The summary's order again says nothing of how.
      "The walker misreads the list on odd platforms. Fix this.",
    ]) {
      expect(judge(`Fix the walker on odd platforms\n\n${body}\n`).what, body).not.toBe("explained");
    }
  });

  it("reads an order after a condition, a time or a contrast that opens the sentence as the change's what", () => {
    for (const body of [
      "The walker crashed on an empty list. When the list is empty, return the\nempty result before walking.",
      "If an entry has a rename conflict, skip it and let the next pass\nhandle it.",
      "The old check ran after the allocation and leaked it. Instead,\ncheck before allocating the node.",
      "The tests ran outside the trash directory.\n\nWhile at it, drop the chdir calls from the setup step.",
      "The old walker had three callers. Now that all of them are gone, remove\nthe walker.",
      "Nobody outside the module calls it. Since the old API is unused, make it\nstatic.",
      "The arguments are parsed in the wrong order. Therefore, reorder the\noptions before parsing.",
      "When invoking expr to compare two numbers, don't quote the\nvariables.",
      // A phrase set off by commas after the connective.
      "The header may need more room. So, for good measure, add 80 characters\nto the allocated space.",
      "The header may need more room. Therefore, in that case, skip the\nshortcut and allocate the full line.",
    ]) {
      expect(judge(`Fix the walker\n\n${body}\n`).what, body).toBe("explained");
    }
    // A plain noun after a condition is as often the subject; a clause that speaks to the reader gives their order.
    for (const body of [
      "When many paths are modified, rename detection takes a lot of time.",
      "If you need the old output, pass --legacy to the walker.",
      "When the list is empty, the walker returns early.",
      // A negation needs an object: "don't panic" orders nothing of the change.
      "If it warns, don't panic.",
      // A name that only ends like a participle opens no clause.
      "It works on older releases too. Spring Boot 3 and later, set the virtual threads property to opt in.",
      // A phrase set off by commas, then a subject: no order.
      "The walker was slow. So, for that reason, rename detection takes a lot of time.",
    ]) {
      expect(judge(`Limit rename detection to 400 paths\n\n${body}\n`).what, body).toBe("named");
    }
  });

  it("takes \"so\" and a clause of its own as the change's purpose, in the summary or the body", () => {
    const summaries = [
      "Add a placeholder file so the repository has a first commit",
      "Sort the plugin list so every run prints the same order",
      "Cache the parsed manifest so the second build skips the parse step",
    ];
    for (const summary of summaries) {
      const facets = judge(`${summary}\n`);
      expect(facets.why, summary).toBe("explained");
      expect(facets.evidence?.why?.[0], summary).toMatchObject({ line: 1 });
    }
    expect(judge("Add an empty README\n\nCreate the file now so the history starts somewhere and the mirror\njob has a root to clone.\n").why).toBe("explained");
    expect(judge("Add a placeholder file\n\nAdd it so the repository has a first commit.\n").why).toBe("explained");
    // An empty goal, a description of the behaviour, and "so" that is no purpose.
    for (const message of [
      "Update the lockfile so the build works\n",
      "Pin the test runner so the tests will pass\n",
      "Make it so the dialog closes on Escape\n",
      "Split the module into views, models and so on\n",
      "Explain why the hook is so slow on large repositories\n",
      "Add a placeholder file\n\nDo so the first time the repository is created.\n",
    ]) {
      expect(judge(message).why, message).not.toBe("explained");
    }
  });

  it("takes a summary that prepares a later change as giving its reason, not one that prepares a release", () => {
    for (const summary of [
      "diffcore-rename.c: move code around to prepare for the next patch",
      "refactor merge_bases() as preparation to libify merge-base",
      "Makefile: sort OBJECTS assignment for subsequent change",
      "upload-pack: split check_unreachable() in two, prep for get_reachable_list()",
      "built-in add -i: prepare for multi-selection commands",
    ]) {
      const facets = judge(`${summary}\n`);
      expect(facets.why, summary).toBe("explained");
      expect(facets.evidence?.why?.[0], summary).toMatchObject({ line: 1 });
    }
    for (const summary of ["Prepare for 1.2.1", "Add Release Notes to prepare for 1.5.0.2", "Prepare to start 2.19 cycle", "Prepare for Maven release", "prepare for next development iteration", "pretty: prepare notes message at a centralized place", "Fix the size limit for subsequent objects"]) {
      expect(judge(`${summary}\n`).why, summary).not.toBe("explained");
    }
  });

  it("takes \"so\", \"we\", \"you\" or the code's users and a modal in words of its own as the change's purpose", () => {
    for (const body of [
      "Use git-diff-files instead of git diff-files so we don't rely on the\nwrapper being installed.",
      "Break these into two functions so we can call the first part\nindependently.",
      "Expose the labels so callers can choose their own conflict marker labels.",
      // "pass" with an object passes something on: a goal of its own, not an empty one.
      "Add the parameters to the apply machinery so callers can\npass custom conflict marker labels through to it.",
      // "such that" gives the purpose as "so that" does.
      "Guard the declarations that use the global repository with a macro\nsuch that callers don't accidentally rely on that global variable.",
    ]) {
      expect(judge(`Add a ref parsing helper\n\n${body}\n`).why, body).toBe("explained");
    }
    // Without a modal it draws a consequence; "they" and "it" are as often the new thing; an
    // empty goal or the summary's words say nothing of their own.
    for (const body of [
      "The parser is slow so we cache the parsed refs in memory.",
      "These tests are high-level so they won't break with the parser rewrite.",
      "Tidy the ref parsing code so we can build.",
      "Tidy the ref parsing code so we can pass again on CI.",
      "Add a parsing helper for refs so you can parse refs.",
      "Reorder the helpers such that the parser is defined before its caller.",
    ]) {
      expect(soPronounPurpose(body, "Add a ref parsing helper"), body).toBe(false);
    }
  });

  it("takes what another part requires, and what for, as the reason", () => {
    for (const message of [
      "Add a placeholder file\n\nThe release tooling needs a first commit to tag.\n",
      "Add a placeholder file\n\nThis is needed by the release tooling to tag the first commit.\n",
      "Pin the JDK in CI\n\nThe release scripts need a JDK 17 toolchain to sign the artifacts.\n",
      // The object may be the summary's: who needs it is the news.
      "Take the pool lock in drain_queue()\n\ndrain_queue() walks the free list, and the allocator requires the pool\nlock to be held for that.\n",
      // What kind of value a part of today's code expects.
      "Guard the config parser from a NULL value\n\ncolor.branch.* configuration variables expect a string value.\n",
      "Check the depth option in the fetch parser\n\nThe fetch.depth setting requires an integer argument.\n",
    ]) {
      expect(judge(message).why, message).toBe("explained");
    }
    // The change or its new thing needing something describes it; so does the summary's own
    // subject; working at all is no purpose; and "need to" is an instruction.
    for (const body of [
      "The new parser needs less memory and reads the file once.",
      "The new parser requires a schema file to validate the input.",
      "This change requires a rebuild of the index after upgrading.",
      "The parser now requires a schema file to validate the input.",
      "The parser requires a schema file to validate the input.",
      "The test needs a fixture to run.",
      "You need to run make install first.",
      // The new thing's value is its description.
      "The new option expects a string value.",
      "The parser now expects a string value.",
    ]) {
      expect(judge(`Rewrite the config parser\n\n${body}\n`).why, body).toBe("missing");
    }
  });

  it("reads no reason or change in a test plan (Test Plan:, Testing:, ## Testing), and keeps the text after it", () => {
    const summary = "Add a dark mode toggle to the settings page";
    for (const body of [
      "Test Plan:\nOpened the app and toggled the setting.",
      "Testing: ran the unit tests and clicked through the settings page.",
      "Test Plan:\n```\nnpm test\n```\n\nOpened the app and toggled the setting.",
      "## Test plan\n\n- Opened the app on Android and iOS\n- Toggled the setting and restarted the app",
      "How was this tested?\nOpened the app and switched the theme twice.",
    ]) {
      const parsed = parseMessage(`${summary}\n\n${body}\n`, { cleanup: false });
      const facets = judgeMessage(parsed, { projectKeys: [] });
      expect([facets.why, facets.what], body).toEqual(["missing", "named"]);
      // The plan stays in the message.
      expect(parsed.body.map((line) => line.text).join("\n")).toContain(body.split("\n").pop()!);
    }
    // A Phabricator summary still describes the change; the writer's reason after a one-line
    // plan, or under the next heading, still counts.
    const phabricator = judge(`${summary}\n\nSummary:\nAdds a toggle for dark mode under Appearance.\n\nTest Plan:\nOpened the app and toggled the setting.\n\nReviewers: jdoe\n`);
    expect([phabricator.why, phabricator.what]).toEqual(["missing", "explained"]);
    expect(judge(`${summary}\n\nTesting: clicked through the settings page.\n\nThe night shift complained that the white page was hard on the eyes.\n`).why).toBe("explained");
    const headed = judgeMessage(parseMessage(`${summary}\n\n### How was this tested?\n\nOpened the app.\n\n### Why\n\nUsers on night shifts see a glaring white page.\n`, { cleanup: false }), { projectKeys: [] });
    expect(headed.why).toBe("explained");
  });

  it("ends a test-plan section at a later paragraph that is no plan, and keeps plan paragraphs in it", () => {
    const summary = "Add a dark mode toggle to the settings page";
    const read = (body: string) => judgeMessage(parseMessage(`${summary}\n\n${body}\n`, { cleanup: false }), { projectKeys: [] });
    // Paragraphs of trying the change, commands, lists, notes about tests: all the plan's.
    for (const body of [
      "Test Plan:\n\nOpened the app and toggled the setting.\n\nToggled it back and restarted the app.",
      "Test Plan:\n\nnpm test\n\nOpened the settings page, toggled dark mode, reloaded.",
      "Test Plan:\nUnit tests.\n\nThe toggle was clicked in Chrome and Firefox.",
      "Test Plan:\n\nBuilt with `make`.\n\nStarted the server and sent 1000 requests; p99 dropped from 80 ms to 12 ms.",
      "Test Plan:\n\nExisting unit tests.\n\nAlso added a regression test for the empty list.",
      "## Testing\n\n1. Open the app\n\n2. Toggle the setting\n\n3. Restart",
      "Test Plan:\n\nCI.\n\nSee the screenshots in the PR.",
    ]) {
      expect([read(body).why, read(body).what], body).toEqual(["missing", "named"]);
    }
    // The first paragraph under the label is the plan whatever it says; a later one that neither
    // tries the change nor speaks of tests is the writer's prose again.
    expect(read("Test Plan:\n\nThe old page crashed when the list was empty.").why).toBe("missing");
    for (const body of [
      "Test plan:\n\nRan the suite.\n\nChecked the page by hand.\n\nThe old page crashed when the list was empty, so render an empty state.",
      "Test Plan:\n\nnpm test\n\nyarn lint\n\nUsers on night shifts complained that the white page hurts their eyes.",
    ]) {
      expect(read(body).why, body).toBe("explained");
    }
    expect(read("Test Plan:\n\nRan the suite.\n\nThis change moves the theme into a CSS variable.").what).toBe("explained");
  });

  it("takes a reason and a change told under labels (Why:, Motivation:, What:) as stated", () => {
    const labelled = [
      // One line each: git's rule reads them as trailers, but they are the writer's prose.
      "Why: CI minutes are our biggest bill and this step is most of them.\nWhat: keep the parsed manifests in .cache between builds.",
      "Why:\nCI minutes are our biggest bill and this step is most of them.\n\nWhat:\nKeep the parsed manifests in .cache between builds.",
      "Motivation:\n\nCI minutes are our biggest bill and this step is most of them.\n\nModifications:\n\n- Keep the parsed manifests in .cache between builds.",
    ];
    for (const body of labelled) {
      const facets = judge(`Cache parsed manifests between builds\n\n${body}\n`);
      expect([facets.why, facets.what], body).toEqual(["explained", "explained"]);
    }
    // Before a sign-off; the summary alone names the change.
    const signed = judge("Cache parsed manifests between builds\n\nReason: CI minutes are our biggest bill and this step is most of them.\nSigned-off-by: A U Thor <author@example.com>\n");
    expect([signed.why, signed.what]).toEqual(["explained", "named"]);
    // The same reason without its label carries no cue word: the label is what states it.
    expect(judge("Cache parsed manifests between builds\n\nCI minutes are our biggest bill and this step is most of them.\n").why).toBe("missing");
    // A label with nothing after it, or a label word inside a sentence, states nothing.
    expect(judge("Cache parsed manifests between builds\n\nWhy:\n").why).toBe("missing");
    expect(judge("Cache parsed manifests between builds\n\nWhy:\n\nWhat: keep the parsed manifests in .cache between builds.\n").why).toBe("missing");
    // A heading is no reason by itself: text under it that restates the change, or says too
    // little, does not state why (from a blind sweep of templated messages).
    const restated = [
      "Add getter for maxHeaderSize\n\nMotivation:\n\nWe need a getter for maxHeaderSize.\n\nModifications:\n\nAdd getMaxHeaderSize() to HttpDecoderConfig.\n\nResult:\n\nGetter available.\n",
      "Change default buffer size\n\nMotivation:\n\nChange default buffer size.\n\nModifications:\n\nChanged DEFAULT_BUFFER_SIZE from 8192 to 16384.\n",
      "Update logging\n\nWhy:\nTo update logging.\n\nWhat:\n- Replace console.log with logger.info\n- Add logger to utils\n",
    ];
    for (const message of restated) expect(judge(message).why, message).toBe("missing");
    expect(judge("Cache parsed manifests between builds\n\nKeep the context: manifests and lock files alike.\n").why).toBe("missing");
  });

  it("takes no reason or change from a label left holding a template's placeholder", () => {
    // "Why: TBD" is the template filled in to get past the hook: the label announces a reason the
    // message never gives, and one word ("because") is no reason either.
    for (const body of ["Why: TBD", "Why: N/A", "Why: <reason>", "Why: because", "Problem: none", "Context: n/a", "Why: see above.", "Why:\nTODO"]) {
      expect(judge(`Cache parsed manifests between builds\n\n${body}\n`).why, body).toBe("missing");
    }
    for (const body of ["What: refactor", "How: ...", "Changes: -"]) {
      expect(judge(`Update code\n\n${body}\n`).what, body).toBe("missing");
    }
    // Two words that say what changed are enough for a what label.
    expect(judge("Update code\n\nWhat: inline the cache lookup.\n").what).toBe("explained");
  });

  it("does not read an unfilled pull-request template: HTML comments and unticked options", () => {
    const template = "Feature/user profile (#771)\n\nDescription\n\n<!-- Describe your changes -->\n\nType of change\n\n- [x] New feature\n- [ ] Bug fix\n\nChecklist\n\n- [x] Tests pass\n- [x] Lint passes\n";
    expect(judge(template).why).toBe("linked");
    const hidden = "Retry uploads on timeouts\n\n<!--\nUploads failed because the storage node restarted.\n-->\n";
    expect(judge(hidden).why).toBe("missing");
    // Text before a comment on the same line is the writer's.
    const before = "Retry uploads on timeouts\n\nUploads failed because the storage node restarted. <!-- see runbook -->\n";
    expect(judge(before).why).toBe("explained");
  });

  it("reads a body that only mentions \"<!--\" as text, not as a comment to the end", () => {
    // In a code span or with no "-->" after it, "<!--" hides nothing when rendered.
    const quoted = "Escape the comment marker in rendered titles\n\nThe sanitizer let `<!--` through unescaped, so a title could hide the\nrest of the page. Reported by a user whose dashboard went blank because\nof a title that started with the marker.\n";
    expect(judge(quoted).why).toBe("explained");
    const unclosed = "Escape the comment marker in rendered titles\n\nTitles starting with <!-- hid the rest of the page, because the\nsanitizer passed the marker through unescaped.\n";
    expect(judge(unclosed).why).toBe("explained");
    // Between quotes, both markers are talked about: the text between them is prose.
    const talkedAbout =
      'Read a quoted "<!--" in a body as text\n\nThe judge hid everything after the first "<!--" in a body, so a message\nabout the marker lost its whole body and failed with why missing.\n\nA comment now opens only where a "-->" can close it.\n';
    expect(judge(talkedAbout)).toMatchObject({ why: "explained", what: "explained" });
  });

  it("takes compliance named in the summary as its reason", () => {
    const facets = judge("Lower the admin session timeout to 15 min for PCI compliance\n\nSet SESSION_IDLE_TIMEOUT=900 in the admin app settings; the customer\nsite is not in PCI scope and keeps 60 min.\n");
    expect(facets.why).toBe("explained");
  });

  it("reads a \"release\" elsewhere in the summary as a release only when a release thing follows", () => {
    const releaseCue = (summary: string) => (judgeMessageDetailed(parseMessage(`${summary}\n`), { projectKeys: [] }).cues ?? []).includes("evidentRelease");
    for (const summary of ["Handle key release events", "Fix memory release in the pool", "sequencer: ensure to release the lock on error", "ci: build in Release mode"]) {
      expect(releaseCue(summary), summary).toBe(false);
    }
    expect(judge("Handle key release events\n").why).toBe("missing");
    for (const summary of ["Prepare for release", "Update release notes", "Update draft release note to 1.7.5", "Fix the release script", "Tag the 2.1 release", "Bump version for next release", "chore: tag the release as 2.1", "Start release cycle for 4.2"]) {
      expect(releaseCue(summary), summary).toBe(true);
    }
  });

  it("reads a typo, docs or tests word that modifies another noun as a feature, not a change of that kind", () => {
    const evidentCues = (summary: string) => (judgeMessageDetailed(parseMessage(`${summary}\n`), { projectKeys: [] }).cues ?? []).filter((cue) => /^evident(?:Typo|Docs|Tests)$/.test(cue));
    for (const summary of ["Add test mode to the payment gateway", "Add typo tolerance to fuzzy search", "Don't run migrations on test startup", "Assert full JSON document consumption"]) {
      expect(evidentCues(summary), summary).toEqual([]);
      expect(judge(`${summary}\n`).why, summary).toBe("missing");
    }
    for (const summary of ["Fix typo in comment", "Fix typos", "Add unit tests for the parser", "Update README with build instructions", "Update test cases", "Document HttpClient.close()", "Minor doc fix"]) {
      expect(evidentCues(summary), summary).toHaveLength(1);
    }
    expect(judge("Fix typo in comment\n").why).toBe("evident");
  });

  it("reads git's \"typofix\" as a typo fix that names its change", () => {
    for (const summary of ["gitview: typofix", "git-cvsserver: typofixes", "Tutorial typofix.", "read-cache.c: typo-fix in comment"]) {
      expect(judge(`${summary}\n`), summary).toMatchObject({ why: "evident", what: "named" });
    }
    // "typo" still has to be a word of its own or the fix's noun: "typography" is neither.
    expect(judge("Typography tweaks\n").why).not.toBe("evident");
  });

  it("reads the bump to the next development version as a named, self-evident release step", () => {
    expect(judge("[maven-release-plugin] prepare for next development iteration\n")).toMatchObject({ why: "evident", what: "named" });
    // A bare release that names no version still says nothing.
    expect(judge("chore: release (#6)\n")).toMatchObject({ what: "missing" });
  });

  it("does not call a summary self-evident when a second change rides along", () => {
    for (const summary of ["Fix typo and remove the legacy API", "Add tests and rewrite the config loader", "Fix typos in the code; switch to esbuild", "Bump lodash to 4.17.21 and remove the legacy API", "Fix typos, update docs"]) {
      expect(judge(`${summary}\n`).why, summary).not.toBe("evident");
    }
    // Nouns joined by "and", a trailing object, or one more wording fix are no second change.
    for (const summary of ["Fix typos and grammar", "Update docs and examples", "Remove unused code and tests", "Fix typo, fix grammar"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("evident");
    }
  });

  it("reads a feature verb on a docs, tests or release object as a feature", () => {
    for (const summary of ["Generate changelog from commit messages", "Support release channels in the updater", "Render docs pages with syntax highlighting", "Implement test retries"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("missing");
    }
    for (const summary of ["Update changelog", "Add release notes for 2.0", "test: handle empty input", "Enable tests on Windows"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("evident");
    }
  });

  it("reads removing things at run time as a behaviour, not a clean-up", () => {
    for (const summary of ["Remove old orders after 90 days", "Clean up expired sessions every hour", "Delete stale uploads nightly"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("missing");
    }
    // A condition of the build or a place is no run-time clause.
    for (const summary of ["Remove unused imports", "Delete obsolete config files", "mm: remove unused variable when CONFIG_NUMA is disabled", "Remove unused imports in every module"]) {
      expect(judge(`${summary}\n`).why, summary).toBe("evident");
    }
  });

  it("knows the problem words of C and kernel code (use-after-free, NULL dereference)", () => {
    const message = [
      "mm: fix use-after-free in shrink_page_list()",
      "",
      "shrink_page_list() drops the page lock before calling try_to_unmap(),",
      "but a concurrent truncate can free the page in that window. The put_page()",
      "then touches freed memory, which KASAN reports as a use-after-free.",
      "",
      "Take an extra reference before dropping the lock and release it after",
      "the unmap.",
      "",
    ].join("\n");
    expect(judge(message)).toMatchObject({ why: "explained" });
    expect(judge("Fix NULL pointer dereference in the config loader\n").why).toBe("named");
  });

  it("does not read a --since flag as a reason", () => {
    expect(judge("Add --since option to the audit command\n").why).toBe("missing");
    expect(judge("Skip the cache since it is stale\n").why).toBe("explained");
  });

  it("is missing for a bare description of the change", () => {
    expect(judge("Add retry option to the HTTP client\n").why).toBe("missing");
    expect(judge("Polishing\n").why).toBe("missing");
    expect(judge("Convert MockWebServer to Kotlin\n").why).toBe("missing");
  });

  it("is missing for a default revert text (its quoted reference belongs to the reverted commit)", () => {
    const facets = judge("Revert \"Add retry option (#41)\"\n\nThis reverts commit 91989cae508f8482f31ac335879da4a5975661c8.\n");
    expect(facets.why).toBe("missing");
    expect(facets.refs?.map((ref) => ref.id)).toEqual(["#41"]);
  });

  it("is explained for a revert that adds a reason", () => {
    const facets = judge("Revert \"Add retry option\"\n\nThis reverts commit 91989cae508f8482f31ac335879da4a5975661c8.\n\nRetries doubled the load on the gateway during outages, which made\nrecovery slower.\n");
    expect(facets.why).toBe("explained");
  });
});

describe("a consequence drawn with a bare \"so\"", () => {
  it("gives the reason for an order the clause before it draws, as \", so\" does", () => {
    for (const message of [
      "Export PERL_PATH\n\nPERL_PATH is used by perl/Makefile so export it.\n",
      "compat: add a mkstemps() compatibility function\n\nmkstemps() is a BSD extension so provide an implementation\nfor cross-platform use.\n",
      "sequencer: factor out code to append squash message\n\nThis code is going to grow over the next two commits so move it to\nits own function.\n",
    ]) {
      expect(judge(message).why, message).toBe("explained");
    }
    expect(orderAfterBareSo("Older systems do not have the support Git uses\nso set NO_APPLE_COMMON_CRYPTO on those systems.")).toBe(true);
    // Not "so" as an adverb or a proform, at a sentence's start, after a second line break, nor
    // advice to the reader or no order.
    for (const text of [
      "The option parser is so complicated now I can't tell if it works.",
      "It's so slow we never use it.",
      "Only a dozen or so callers of the parser remain.",
      "You asked to do so with the parser.",
      "The parser changed. So use the new one.",
      "The parser changed\n\nso use the new one.",
      "The parser output changed in this series so ask the list about it.",
      "The parser is slow so we cache its result.",
    ]) {
      expect(orderAfterBareSo(text), text).toBe(false);
    }
  });
});

describe("what", () => {
  it("is explained for a revert with git's line, which names exactly what it undoes", () => {
    const revert = 'Revert "Add retry loop to the uploader"\n\nThis reverts commit 1234567890abcdef1234567890abcdef12345678.\n';
    const withReason = judge(`${revert}\nThe retry loop hammers the server when it is down.\n`);
    expect(withReason.what).toBe("explained");
    expect(withReason.evidence?.what).toEqual([{ line: 3, column: 1, endLine: 3, endColumn: 62 }]);
    expect(judge(revert).what).toBe("explained");
    const merge = "Revert \"Merge branch 'topic'\"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567, reversing\nchanges made to 89abcdef0123456789abcdef0123456789abcdef.\n";
    expect(judge(merge).what).toBe("explained");
    // Without git's line the quoted summary only names it.
    expect(judge('Revert "Add retry loop to the uploader"\n\nIt broke the Windows build.\n').what).toBe("named");
    // An indented line quotes another message's (a revert of a revert shown in the body), as for the message's kind.
    expect(judge('Revert "Add retry loop to the uploader"\n\nIt broke the Windows build, as the original revert said:\n\n    This reverts commit 1234567890abcdef1234567890abcdef12345678.\n').what).toBe("named");
  });

  it("is explained by a body that says what the change sets up, and only that gives no reason", () => {
    for (const body of ["This sets up the config directory on first run.", "The change sets up the config directory on first run.", "This wires up the config loader on first run.", "This cleans up the teardown path of the loader.", "This sets the hidden attribute on the config file."]) {
      const facets = judge(`Installer changes\n\n${body}\n`);
      expect(facets.what, body).toBe("explained");
      // A body that only describes the change tells no reason, as "This adds …" does not.
      expect(facets.why, body).toBe("missing");
    }
    // What "this" (the old way) brings about is no description of the change.
    expect(judge("Installer changes\n\nThe loader keeps two copies of the config. This creates all kinds of edge cases.\n").what).not.toBe("explained");
    // "The commit" names an earlier commit as often as this one.
    expect(judge("Installer changes\n\nThe commit sets up the config directory on first run.\n").what).not.toBe("explained");
  });

  it("reads a description of the change in any case", () => {
    for (const body of ["THIS ADDS a placeholder file to the config directory.", "This Adds a placeholder file to the config directory.", "THE PATCH ADDS a placeholder file to the config directory.", "The Patch Adds a placeholder file to the config directory."]) {
      expect(judge(`Installer changes\n\n${body}\n`).what, body).toBe("explained");
    }
  });

  it("reads what \"we\" set up after \", so\" as the change's act", () => {
    const setUp = "Handle the config directory\n\nThe config directory is missing on first run, so we set up the directory at startup.\n";
    expect(judge(setUp).what).toBe("explained");
    expect(judge(setUp.replace("we set up", "we wire up")).what).toBe("explained");
    // What "we" set up in a clause of time or of manner is no act of the change.
    expect(judge("Handle the config directory\n\nIt is missing when we set up the directory at startup.\n").what).not.toBe("explained");
    expect(judge("Handle the config directory\n\nLater commits will rework how we set up the directory at startup.\n").what).not.toBe("explained");
  });

  it("reads what \"we\" create, register, install, rename or update as the change's act", () => {
    const slow = "Set up the hook at startup\n\nThe first call to the plugin is slow";
    for (const verb of ["create", "register", "install", "rename", "update"]) {
      expect(judge(`${slow}, so we ${verb} the hook object when the plugin loads.\n`).what, verb).toBe("explained");
      expect(judge(`${slow}. First we ${verb} the hook object, then we load the plugin.\n`).what, verb).toBe("explained");
      // The old code's steps, told in a clause of time or contrast, or what "we" are asked.
      expect(judge(`${slow}. When the plugin loads, we ${verb} the hook object.\n`).what, verb).not.toBe("explained");
      expect(judge(`${slow}, but we ${verb} the hook object only on the first call.\n`).what, verb).not.toBe("explained");
      expect(judge(`${slow}. Why do we ${verb} the hook object so late?\n`).what, verb).not.toBe("explained");
      expect(judge(`${slow}. It matters how we ${verb} the hook object.\n`).what, verb).not.toBe("explained");
    }
    // A question is no act for the verbs read before either.
    expect(judge(`${slow}. Why do we add the hook object so late?\n`).what).not.toBe("explained");
  });

  it("reads no description in an idiom of what \"this\" leads to: \"sets the stage for …\"", () => {
    expect(judge("Loader work\n\nThis sets the default stage name to the build step.\n").what).toBe("explained");
    for (const body of ["This sets the stage for the new lazy loader.", "This sets the groundwork for a lazy loader.", "This sets a bad example for new contributors."]) {
      const facets = judge(`Loader work\n\n${body}\n`);
      expect(facets.what, body).toBe("missing");
      // Nor is it a body that only describes the change, which would take its reason away.
      expect(facets.why, body).toBe("explained");
    }
  });

  it("reads what the change sets up only where \"this\" opens a sentence, not a scene after a clause", () => {
    expect(judge("Installer changes\n\nThe loader is slow. This creates the config directory on first run.\n").what).toBe("explained");
    expect(judge("Installer changes\n\n- This creates the config directory on first run.\n").what).toBe("explained");
    // After a clause, "this" is a test's scene or the old code at work, not the change.
    expect(judge("Add test for new bookmark special\n\nFrom the point of view of Mercurial, this creates a new branch head, and\nrequires a forced push.\n").what).not.toBe("explained");
    expect(judge("Installer changes\n\nFrom the point of view of Mercurial,\nthis creates a new branch head.\n").what).not.toBe("explained");
    expect(judge("Installer changes\n\nUnfortunately, this creates a new temporary file on every run.\n").what).not.toBe("explained");
  });

  it("is present for a typo fix, whose diff shows what changed, and evident as to why", () => {
    const facets = judge("Fix typo 'recieve' -> 'receive' in README\n");
    expect(facets.why).toBe("evident");
    expect(facets.what).not.toBe("missing");
  });

  it("is evident as to why for a bump to a named version, in any verb form", () => {
    expect(judge("Bump jackson-databind to 2.10.5.1\n").why).toBe("evident");
    expect(judge("Updated Gson to 2.8.5.\n").why).toBe("evident");
  });

  it("is named for a specific imperative summary", () => {
    const facets = judge("Deprecate Assert#assertThat\n");
    expect(facets.what).toBe("named");
    expect(facets.evidence?.what?.[0]).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 28 });
  });

  it("reads a sentence opening on \"So\" as the consequence drawn and its verb as the order", () => {
    // "So" opening a sentence draws the consequence of what came before: a reason, and the
    // change's order when a change verb follows it.
    const facets = judge("Move the retry helper into the shared module\n\nThe uploader and the importer each carry a copy of the helper. So move it\nto the shared module and call it from both.\n");
    expect(facets.why).toBe("explained");
    expect(facets.what).toBe("explained");
    // Not "so far", "so much" or a "so" inside a sentence.
    expect(CAUSAL.test("The helper is duplicated. So move it to the shared module.")).toBe(true);
    for (const text of ["So far the counter lives in each caller.", "It is not so much slow as noisy."]) expect(CAUSAL.test(text)).toBe(false);
  });

  it("reads \"as\" before a clause with a negated auxiliary as a reason", () => {
    expect(CAUSAL.test("Drop the literal CRs from the tests, as they aren't portable.")).toBe(true);
    expect(CAUSAL.test("Keep the lock, as we don't know who else holds the file.")).toBe(true);
    expect(judge("Replace the literal CR in t0022\n\nWe should not have literal CRs in tests, as they aren't portable.\n").why).toBe("explained");
  });

  it("is explained by \"we\" and a change verb, with an adverb between them", () => {
    const message = "Fix a sparse warning in compat/unsetenv.c\n\nOn MinGW the header already declares environ as a macro. To silence the\nwarning we simply remove the redundant declaration.\n";
    expect(judge(message).what).toBe("explained");
  });

  it("is named by an order in a later clause of the summary or an approach after \"by\"", () => {
    for (const summary of [
      "svn import: Do not create empty tags",
      "merge-recursive: when comparing files, don't include trees",
      "\"current_exec_path\" is a misleading name, use \"argv_exec_path\"",
      "strbuf docs: fix typos and document strbuf_splice()",
      "Fix memory corruption in fetch by not overstepping the array",
      "http: fix the proxy leak by instead using the shared handle",
      // "to" after the later verb, and a second sentence opening on a change verb.
      "Fix the export provider error, change to catch Throwable",
      "log: if --decorate is not given, default to --decorate=auto",
      "Correct the header length check. Improve exception message.",
    ]) {
      expect(judge(`${summary}\n`).what, summary).toBe("named");
    }
    // A problem alone, a cause after "by", or a fix or a plain noun after the joint names no change.
    for (const summary of [
      "t5000-t5999: fix broken &&-chains",
      "Fix memory corruption in fetch caused by overstepping the array",
      "pack-objects: fix the crash and the hang",
      "http: fix a timeout, cache misses",
      "http: fix a timeout. Cache misses are counted twice.",
    ]) {
      expect(judge(`${summary}\n`).what, summary).toBe("missing");
    }
  });

  it("is explained by an order given in passing: after \"let's\", or a sentence opening on a negation", () => {
    const leak = "line-log: fix a memory leak\n\nThe pair is allocated anew on every iteration and never released.";
    for (const sentence of ["So let's free it before the next iteration.", "Let's not\nallocate it at all when the range is empty.", "Don't allocate the pair when the range is empty.", "Do not keep `filepair` past the iteration."]) {
      expect(judge(`${leak} ${sentence}\n`).what, sentence).toBe("explained");
    }
    // Not a hope, the fix named again, an attempt, a verb of no change, or a negation without an object.
    for (const sentence of ["Let's hope nobody relied on the old behaviour.", "Let's fix that leak.", "Let's not attempt to fix the caller now.", "Don't be too optimistic about it.", "We do not know why it leaks."]) {
      expect(judge(`${leak} ${sentence}\n`).what, sentence).toBe("missing");
    }
  });

  it("is named by a summary stating the state the change brings: a state ended, or begun in the passive", () => {
    for (const summary of ["t3200: branch --help does not die anymore.", "DIFF_FORMAT_RAW is not default anymore", "git-svn: tests no longer fail if LC_ALL is not a UTF-8 locale", "Makefile: gitweb/gitweb.cgi is now generated.", "Documentation: show-files is now called git-ls-files"]) {
      expect(judge(`${summary}\n`).what, summary).toBe("named");
    }
    // A part that stops working, a thing no longer used (the reason, not the change), or a plain state.
    for (const summary of ["git-svn: rebase doesn't work anymore", "tree-diff: show_path prototype is not needed anymore", "server-info.c: two functions are not used anymore", "RunNotifier.pleaseStop() is now thread-safe", "FailureList isn't public"]) {
      expect(judge(`${summary}\n`).what, summary).toBe("missing");
    }
  });

  it("is explained by a body order whose object starts with \"with\" or a quantity", () => {
    const old = "git-svn: fix the module check\n\nThe command went on with an old Perl module and broke later.";
    for (const sentence of ["Die with a warning if the module is too old.", "Instead, accept at most one space between name and address.", "Exit with status 2 when the module is missing."]) {
      expect(judge(`${old} ${sentence}\n`).what, sentence).toBe("explained");
    }
    // A subject followed by a copula or a failure is no order.
    for (const sentence of ["Build with clang fails on macOS.", "Die with a warning was the old behaviour."]) {
      expect(judge(`${old} ${sentence}\n`).what, sentence).toBe("missing");
    }
  });

  it("is explained by a body that says what \"we\" do in this change", () => {
    const warning = "remote-curl.c: fix a compiler warning\n\ngcc says gzip_size might be used uninitialized, a false positive.";
    for (const sentence of ["In order to suppress the warning, we simply initialise the variable to zero.", "Instead we fall back to zero when there is no size.", "Now we always set the size before the loop.", "Now that the size is known early, we can drop the second check."]) {
      expect(judge(`${warning} ${sentence}\n`).what, sentence).toBe("explained");
    }
    // What "we" do today or did before, or what is wrong with it.
    for (const sentence of ["Currently we just read the whole file into memory.", "Normally we don't care, we just check the size.", "Now we read the file twice, which is wasteful."]) {
      expect(judge(`${warning} ${sentence}\n`).what, sentence).toBe("missing");
    }
  });

  it("is explained by a body sentence that orders the change after an adverb", () => {
    const leak = "mailinfo: fix a memory leak when decode_header fails\n\nIf convert_to_utf8 failed, the strbuf stored in dec leaked.";
    for (const sentence of ["Simply release the strbuf before returning.", "Instead simply write the message to stderr and return.", "Just free it on the error path as well.", "Never keep the strbuf past the error path."]) {
      expect(judge(`${leak} ${sentence}\n`).what, sentence).toBe("explained");
    }
    // An adverb before a verb in the past, or before a word of no change, is no order.
    for (const sentence of ["Just released builds were affected.", "Only later callers noticed it."]) {
      expect(judge(`${leak} ${sentence}\n`).what, sentence).toBe("missing");
    }
  });

  it("is explained by a body sentence that opens on the phrasal \"work around\", as on \"Fix\"", () => {
    const printf = "t0001: fix a failure on Solaris\n\nThe test calls printf with a format that starts with a dash, which the\nSolaris shell rejects.";
    // The past tense at a sentence's start tells the change's own act as the order does.
    for (const sentence of ["Work around Solaris' broken printf.", "Work around `printf` with a leading \"--\".", "Simply work around the broken printf.", "Work\naround the broken printf.", "Worked around Solaris' broken printf."]) {
      expect(judge(`${printf} ${sentence}\n`).what, sentence).toBe("explained");
    }
    // A noun is no verb, and under a summary that already works around the problem "Work
    // around it." only says it again.
    for (const sentence of ["Work-around code is kept for now."]) {
      expect(judge(`${printf} ${sentence}\n`).what, sentence).toBe("missing");
    }
    const body = "\n\nDash's printf rejects a leading dash in its format, so the test fails.\n\n";
    for (const order of ["Work around it.", "Work around the printf breakage in dash."]) {
      expect(judge(`Work around printf breakage in dash${body}${order}\n`).what, order).toBe("missing");
      expect(judge(`Fix printf breakage in dash${body}${order}\n`).what, order).toBe("explained");
    }
  });

  it("is explained by a body that orders the change, after a summary that names the problem", () => {
    const kernel =
      "sched/fair: fix potential overflow in update_tg_load_avg()\n\ntg->load_avg is a long, and on systems with thousands of cgroups the\nsum of per-cpu contributions exceeds LONG_MAX on 32-bit builds. The\nresult wraps negative and the group gets no CPU time at all. Use\natomic_long_add_return and clamp the result at zero.\n\nSigned-off-by: Ravi Kumar <ravi@example.in>\n";
    expect(judge(kernel).what).toBe("explained");
    // The same after a brief fix summary, which alone says nothing of the change; a credit or a
    // subject is no order ("Reported by …", "Fix is needed …").
    const flaky = "Fix flaky test_scheduler_respects_timezone\n\nThe test created a job for tomorrow using the local clock, so it failed about once a week.";
    expect(judge(`${flaky} Pin the clock with freezegun at a fixed noon timestamp.\n`).what).toBe("explained");
    // Verbs that are as often nouns count only as orders with an object: "Round trips …" and
    // "Route tables …" are subjects, and a body about them explains rather than describes.
    for (const message of [
      "Reuse HTTP connections to the cache server\n\nRound trips to the cache server are slow: every request opens a new\nTLS connection and the handshake adds 80 ms per artifact.\n",
      "Tune the build farm\n\nRoute tables on the agents are stale after the nightly run.\n",
    ]) {
      expect(judge(message), message).toMatchObject({ why: "explained", what: "named" });
    }
    // Everyday verbs of code changes count as orders too.
    for (const order of ["Freeze the clock at a fixed noon timestamp.", "Cancel the timer before freeing the buffer.", "Free the buffer before the timer fires.", "Wait for the scheduler before reading the clock.", "Factor out the clock setup into a helper.", "Discard the cached jobs before the next run."]) {
      expect(judge(`${flaky} ${order}\n`).what, order).toBe("explained");
    }
    for (const sentence of ["Reported by Morten Welinder on the list.", "Fix is needed for every platform we ship.", "Support for timezones is missing in the fixture.", "Discard rates rose after the clock moved."]) {
      expect(judge(`${flaky} ${sentence}\n`).what, sentence).toBe("missing");
    }
    // "Make sure …" and a verb that takes an action in -ing ("Avoid passing …") order too.
    for (const order of ["Make sure the clock is frozen before the job runs.", "Avoid passing the local clock to the scheduler.", "Therefore, stop reading the local clock in the fixture."]) {
      expect(judge(`${flaky} ${order}\n`).what, order).toBe("explained");
    }
    // Any other verb before a word in -ing heads a noun phrase: "Error handling", "Test string".
    for (const sentence of ["Error handling in the fixture is unchanged.", "Test timing on the farm varies by a second."]) {
      expect(judge(`${flaky} ${sentence}\n`).what, sentence).toBe("missing");
    }
  });

  it("is explained by a body saying how things behave now, with a change verb after \"now\"", () => {
    const flaky = "Fix flaky test_scheduler_respects_timezone\n\nThe test created a job for tomorrow using the local clock, so it failed about once a week.";
    for (const sentence of [
      "The fixture now pins the clock at a fixed noon timestamp.",
      "Both helpers now skip the local clock and read the frozen one.",
      "`make_job()`, which every scheduler test uses, now takes the clock as an argument.",
      "The scheduler can now\naccept a clock from its caller.",
    ]) {
      expect(judge(`${flaky} ${sentence}\n`).what, sentence).toBe("explained");
    }
    // "Now" as a time, a past participle after it, or no change verb: nothing about the change.
    for (const sentence of ["It is fine for now, pending a rewrite.", "Right now tests use the local clock.", "Until now fixes kept breaking it.", "The test now failed twice in CI."]) {
      expect(judge(`${flaky} ${sentence}\n`).what, sentence).toBe("missing");
    }
  });

  it("is explained by a present verb of what a thing says, shows or does after \"now\"", () => {
    const flaky = "Fix flaky test_scheduler_respects_timezone\n\nThe test created a job for tomorrow using the local clock, so it failed about once a week.";
    for (const sentence of [
      "The hook's section now says that the clock comes from the fixture.",
      "The copy now leaves out the local clock.",
      "The error line now names the job and the zone it ran in.",
      "rawText() now reads the clock as is.",
      "The message now ends with the zone's name.",
      "\"test_p4\" now points at the fixture's clock.",
      // What a thing says may name a problem.
      "The report now says that the job fails when the zone is unset.",
    ]) {
      expect(judge(`${flaky} ${sentence}\n`).what, sentence).toBe("explained");
    }
    // A problem or a cost after such a verb, or the writer's own finding, is no new behaviour.
    for (const sentence of [
      "The server now takes about 12 seconds to start.",
      "The job now takes twice as long.",
      "The lock now ends up in the wrong place.",
      "The page now leaves a broken lock file behind.",
      "The old handle now points to an invalid memory location.",
      "A failure in the fixture now leaves the clock unset.",
      "I now know that it was not in 2.6.",
      "GCC 16 now flags the variable.",
    ]) {
      expect(judge(`${flaky} ${sentence}\n`).what, sentence).toBe("missing");
    }
  });

  it("is not explained by \"now\" after a clause naming another event: the state the change answers", () => {
    const summary = "Investigate slow startup after the Node upgrade\n\n";
    for (const body of [
      "After the Node 20 upgrade the server now takes twelve seconds to start and the health check kills it.",
      "Ever since the SDK bump, uploads now skip the checksum and corrupt files reach the bucket.",
    ]) {
      expect(judge(`${summary}${body}\n`).what, body).not.toBe("explained");
    }
    // This change's own event, or what it lets the code do at last, still says what.
    for (const body of [
      "After this change the server now reads its config once, so startup takes two seconds again.",
      "Since the old client has been removed, we can now enable HTTP/2 for every upload.",
    ]) {
      expect(judge(`${summary}${body}\n`).what, body).toBe("explained");
    }
  });

  it("is explained by the new behaviour told in the present after the old one in the past", () => {
    for (const message of [
      "Make the scheduler honour max_concurrency\n\nThe scheduler started every ready task at once. It keeps a counter of\nrunning tasks and only dequeues when the counter is below the limit.\n",
      "Fix the crash when opening an empty project\n\nOpening a project with no files dereferenced the first entry of the file\nlist. The sidebar checks for an empty list and shows a placeholder.\n",
      "Rewrite the tokenizer as a state machine\n\nThe regex tokenizer was hard to extend. The new tokenizer walks the input\nonce and emits tokens from a table of states.\n",
      "kernel: sched: fix load balancing on asymmetric CPUs\n\nOn big.LITTLE systems the balancer moved tasks onto little cores. Compare\ncapacity-scaled load rather than raw load.\n",
    ]) {
      expect(judge(message).what, message).toBe("explained");
    }
    // Without the past narrative before it, or naming a problem, a present sentence may tell
    // how things are before the change.
    const summary = "Fix the crash when opening an empty project\n\n";
    for (const body of [
      "The sidebar reads the first entry of the file list and keeps it in the header.",
      "Opening a project with no files crashed the editor. It reads the first entry of the list but never checks it.",
      "Opening a project with no files crashed the editor. The sidebar keeps a stale entry of the list.",
    ]) {
      expect(judge(`${summary}${body}\n`).what, body).toBe("missing");
    }
  });

  it("is explained by a sentence opening on \"Now\" after the text told how things were", () => {
    for (const message of [
      "Teach the scheduler to keep going\n\nA scheduled job is expected to work on all repositories, but it stopped at\nthe first one that errored out.  Now it keeps going.\n",
      "Handle multi-file diffs\n\nThe first version handled only a single modified file. Now it handles an\narbitrary number of files.\n",
      "Print prompts on their own lines\n\nPreviously the prompts were repeated on the same line.\n\nNow, repeat prompts display on separate lines.\n",
    ]) {
      expect(judge(message).what, message).toBe("explained");
    }
    // Not a "Now" that opens the body, "Now that …", "now" read as "now that" with a main
    // clause after a comma, nor one naming a problem, though the line wrap split the negation.
    const summary = "Make the reader handle empty files\n\n";
    for (const body of [
      "Now the only piece missing is the reader of empty files.",
      "The reader used to stop at the first file. Now that the loop is gone, the reader is simpler.",
      "The reader used to stop at the first file. Now the loop is gone, there is no reason to stop.",
      "The reader used to stop at the first file. Now it crashes on an empty one.",
      "The reader was used by two callers. Now time has shown we really do\nnot need it.",
    ]) {
      expect(judge(`${summary}${body}\n`).what, body).toBe("named");
    }
  });

  it("is explained by an order after \", so\", under a summary that names the change or only a problem", () => {
    const summary = "Read the config once in main()\n\n";
    for (const body of [
      "The helper is called twice, so call it once in main().",
      "The helper reads the config on every call, so make it take the value from\nits caller.",
      "Nothing reads the option any more, so let's drop it.",
      "The callers never pass a flag, so don't check it.",
      "The leak shows up on every run, so plug it before returning.",
    ]) {
      expect(judge(`${summary}${body}\n`).what, body).toBe("explained");
    }
    // Not "so far", "so that", "so callers can", nor a fix after "let's", which names the
    // problem again.
    for (const body of [
      "The helper has read the config twice, so far without harm.",
      "The helper reads the config twice, so that callers see a fresh value.",
      "The helper reads the config twice, so callers can change it on the fly.",
      "The helper reads the config twice, so let's fix that.",
    ]) {
      expect(judge(`${summary}${body}\n`).what, body).toBe("named");
    }
    // Under a fix that names only the problem it says what the change does, as an order
    // opening a sentence does; not an order to allow, which says what the change is for.
    for (const message of [
      "objects/info/packs: work around bug in fetch_indices()\n\nDeployed clients ignore the pack on the last line of the file, so append\nan empty line to work it around.\n",
      "t/lib-chunk: work around broken \"mv\" on macOS\n\nThe files are generally read-only, so use \"mv -f\" to work around this issue.\n",
      "line-log.c: fix a memleak\n\nThe filepair is assigned new memory with any iteration, so free it before\nthe current iteration ends.\n",
    ]) {
      expect(judge(message).what, message).toBe("explained");
    }
    expect(judge("Fix flaky upload test\n\nThe upload can take a second longer on a busy machine, so allow some room.\n").what).toBe("missing");
    expect(judge("Fix flaky upload test\n\nThe upload can take a second longer on a busy machine, so far without harm.\n").what).toBe("missing");
  });

  it("is explained under a fix that names only the problem by what the code should, must or needs to do", () => {
    for (const message of [
      "Plug memory leak in sha1close()\n\nsha1create() and sha1fd() malloc the returned struct sha1file;\nsha1close() should free it.\n",
      "show_worktree(): plug memory leak\n\nThe buffer allocated by shorten_unambiguous_ref() needs to be released.\n",
      "builtin/pack-objects: plug leaking list of keep-packs\n\nThe list is marked as NODUP, but the list entries themselves still need to\nbe free'd. We don't though, causing a leak.\n",
      "index-pack: fix compilation with NO_PTHREADS\n\ntype_cas_lock/unlock() should be defined as no-op for NO_PTHREADS\nbuild, just like all the other locking primitives.\n",
      // A verb of doing with when it is done: the order of the work is the change.
      "pack-bitmap: fix memory leak if `load_bitmap_entries_v1` failed\n\nIn pack-bitmap.c:load_bitmap_entries_v1, the function `read_bitmap_1`\nallocates a bitmap and reads index data into it. However, if any of\nthe validation checks following the allocation fail, the allocated bitmap\nis not freed, resulting in a memory leak. To avoid this, the validation\nchecks should be performed before the bitmap is allocated.\n",
    ]) {
      expect(judge(message).what, message).toBe("explained");
    }
    // Not a need told as a possibility or for later, inside a clause of time, condition or
    // cause, a fix verb, nor what the reader should do.
    for (const body of [
      "When more than two references need to be checked, the second and later calls fail.",
      "If and when that happens these tests will need to be adjusted to the new output.",
      "On Windows we'd need to convert the path to a native one to make it work.",
      "The parser crashes on an empty line, and someone should fix that crash.",
      "The parser crashes on an empty line; you should read the log to see it.",
      // A verb of doing without a time or an order says what happens, not what changes.
      "The parser crashes on an empty line; the check should be performed by the caller.",
    ]) {
      expect(judge(`Fix parser crash\n\n${body}\n`).what, body).toBe("missing");
    }
  });

  it("is explained by an order that opens a sentence on a change verb with a plain word for its object", () => {
    const summary = "t6039: fix broken && chain\n\nThe test lost its exit code in the middle of the chain.";
    for (const order of ["Add missing &&, detected by the --chain-lint option.", "Add commit message to avoid the abort.", "Group expressions in a single if statement.", "Use correct syntax: test_i18ngrep ! expected actual", "\n\nSimplify documentation by no longer calling it experimental.", "Explicitly set sh mode for ssh-agent to prevent the failure."]) {
      expect(judge(`${summary} ${order}\n`).what, order).toBe("explained");
    }
    // Not when the plain word is the subject (a verb, an auxiliary or a modal after it), after a
    // fix verb (the problem named again), or at a capital that a line wrap puts first.
    for (const sentence of [
      "Change detection takes too long on big trees.",
      "Discard rates rose after the clock moved.",
      "Report generation failed on the builder.",
      "Merge commits can be created by the test.",
      "Fix leaking buffers in the test.",
      "It was seen with\nUse of the old tool only.",
      "Luckily return values are checked by the test.",
    ]) {
      expect(judge(`${summary} ${sentence}\n`).what, sentence).toBe("missing");
    }
  });

  it("is explained by an order whose verb no list knows, with a determiner or a pronoun after it", () => {
    const leak = "Fix a leak in the pack reader\n\nThe reader never frees the buffer it allocates for each entry.";
    for (const order of ["Stanch it.", "Stanch the leak before returning.", "Answer a -N argument with an error.", "Work it around by freeing the buffer.", "- Squirrel away the size inside the struct."]) {
      expect(judge(`${leak} ${order.startsWith("-") ? `\n\n${order}` : order}\n`).what, order).toBe("explained");
    }
    // Not a word of a closed class, an adverb, a reader's verb, a question, a title-cased
    // heading, a noun of a verb or a capital that a line wrap puts first.
    for (const sentence of [
      "Thus the buffer outlives the reader.",
      "Somehow this never showed up in tests.",
      "See the discussion on the list.",
      "Suppose the reader gets an empty pack.",
      "Squirrel the size away here?",
      "\n\nSquirrel The Size\n\nThe buffer is the last one.",
      "Communication over the wire is unaffected.",
      "It was found by\nValgrind the first time it ran.",
      "Absent the lock, the buffer outlives the reader.",
      "Better this than a second copy of the reader.",
    ]) {
      expect(judge(`${leak} ${sentence}\n`).what, sentence).toBe("missing");
    }
  });

  it("is not explained by words that tell of something other than the change", () => {
    // Each summary names its change, so the body alone decides between explained and named.
    for (const [summary, body] of [
      // "also" after a copula or before "be" with no verb of change: what a thing is.
      ["reflog expire: do not punt on tags that point at non-commits", "It is unusual for a tag to point at a non-commit, and it is also\nunusual for a tag to have a reflog, but that is not an error."],
      ["git-gui: handle config booleans without a value", "Git reads a variable without a value as true. The values are also\ncase-insensitive."],
      ["checkout: teach the worktree check about a symbolic link HEAD", "The check only understands a symref HEAD, but HEAD may also be an\nactual symbolic link."],
      ["bisect: drop the Cogito fallback", "There was also some discussion of keeping it for a release."],
      // A name of code at a sentence start is no verb ("check_…", "LoadModule").
      ["checkout: teach the worktree check about a symbolic link HEAD", "check_linked_checkout() only understands a symref-style HEAD."],
      ["test: load log_config_module only when it is not built in", "LoadModule directive for log_config_module fails if the module is built in."],
      // What the change makes easier is a reason.
      ["diff.c: adjust the hash function signature to match the hashmap", "This makes the follow up patch easier."],
      // "we" or "I" in a clause of time or condition: another event or a circumstance.
      ["Fix usage() to add the missing line termination", "It got broken when I changed it to use stdarg."],
      ["files-backend: make sure rename_ref() always reaches the end", "This is a no-op patch. It prepares the function so that resources\ncan be released before we return."],
      // "changes" as a noun.
      ["git-svn: verify the merge commit message in the test", "The message may come out wrong after making changes to fix the\nclobber bug in dcommit."],
      // A credit or an expectation.
      ["receive-pack: free the ref list in update()", "Reported by Coverity."],
      ["t9300: add a test for the empty-path import", "Expected to fail until the importer learns empty paths."],
      // A compound subject, a hyphenated name or a word after "e.g." opens no order.
      ["git-svn: include merges when calling rev-list for decommit", "Merge commits can be created when following certain parents."],
      ["combine-diff: honour the -z option correctly", "Combined diffs don't null terminate things the way other diffs do."],
      ["Allow \"check-ref-format --branch\" from a subdirectory", "check-ref-format --branch requires access to the repository."],
      ["git-gui: correctly handle UTF-8 encoded commit messages", "Names in the message (e.g.\nSigned-Off-By lines) came out mangled."],
      // "by" and a means in a sentence about the old code.
      ["Allow building without any git installed", "Without gitexecdir from the command line, the build procedure would\ntry to figure out the value for it by running an installed git."],
      ["rerere: error out on autoupdate failure", "We have been silently tolerating errors by returning early."],
      ["test-lib.sh: set prerequisite SANITY by testing what we really need", "We used to cheat by approximating that condition with a root check."],
      // "also" before a verb in -s or -ed that is no verb of change: what a thing does or did.
      ["git-gui: correct unmerged file detection at commit time", "I also noticed that the grammar in our dialog boxes was off."],
      ["git add: avoid the warning on stat-dirty paths", "It relies on add_file_to_index(), which also knows not to say \"added\"."],
      ["sequencer: stop exporting GIT_REFLOG_ACTION", "This results in code that is hard to follow and also leaks memory."],
      // An order that repeats the summary's verb with only a pronoun after it restates the summary.
      ["t/t4202-log.sh: add newline at end of file", "Some shells hang when the last statement is not followed by a newline.\nSo add one."],
      ["Revert barrier-based LSan threading race workaround", "The barrier approach was too much code. In preparation for a less\ninvasive solution, let's revert them."],
      ["diff-merges: get rid of now empty diff_merges_init_revs()", "The function became empty. Get rid of it."],
      // … or with only the summary's own words up to a clause of reason or purpose.
      ["everything_local(): mark alternate refs as complete", "Objects in an alternate are already local. So mark them as complete in everything_local()."],
      ["archive: load index before pathspec checks", "Attr pathspecs need the index. Load the index earlier, before the pathspec check, to support them."],
      ["clean: remove redundant variable baselen", "Its value will always be zero. Remove it because it's no longer variable."],
      // "instead of" or "rather than" contrasting the old code or a later change.
      ["git log --graph: print '*' for all commits, including merges", "Previously, merge commits were printed with 'M' instead of '*'."],
      ["gitk: use a text widget for the file list", "This lets us highlight entries, and in future it will let us display\nthe file list as a tree rather than as a flat list."],
    ]) {
      expect(judge(`${summary}\n\n${body}\n`).what, body).toBe("named");
    }
    // "also" before a verb of change, or opening a sentence, still adds a point of the change.
    for (const body of [
      "The trailing blank lines are also removed.",
      "It can also be toggled from the status buffer.",
      "Also, the list has been sorted alphabetically.",
      // An order on a verb that takes a clause, a means of the change, a time clause before it.
      "Check callers are ready before freeing.",
      "Fix this by passing an explicit refspec to git push.",
      "When PATH_INFO is active, get rid of the parameter by embedding it in the URL.",
      "The position is translated back by assigning the return value to it.",
      // "also" before a verb of change or a need, an adverb and its order across a line wrap.
      "This also fixes the grammar of the dialog boxes.",
      "This was only done in the Makefile, but also needs to be done in CMake.",
      "The hooks lack the shebang line. Instead\ncreate them with write_script.",
      "It would be simpler to read the file once instead of per entry.",
    ]) {
      expect(judge(`git-gui: trim the glossary template\n\n${body}\n`).what, body).toBe("explained");
    }
    // The summary's verb with more than a pronoun, or another verb with a pronoun.
    for (const [summary, body] of [
      ["everything_local(): mark alternate refs as complete", "Objects in an alternate are already local. So mark them as complete with a flag that fetch checks before negotiating."],
      ["strbuf: add strbuf_getcwd()", "Add strbuf_getcwd(), which puts the current working directory into a strbuf."],
      ["grep: remove the pathspec check from the caller", "Remove the pathspec check from the caller and return early in the helper instead."],
      ["pager: log the pager exit code when signalled", "The exit code was reported wrongly. Fix that and log the correct exit code."],
    ]) {
      expect(judge(`${summary}\n\n${body}\n`).what, body).toBe("explained");
    }
  });

  it("is explained by an order given in passing under a summary that names the change", () => {
    const summary = "hooks/pre-auto-gc-battery: allow gc to run on non-laptops\n\nDesktops tend to have no power sensor, so on_ac_power returns 255.";
    expect(judge(`${summary}\n\nThus, let's take any answer other than 1 as no reason to stop.\n`).what).toBe("explained");
    expect(judge(`${summary}\n\nDon't treat the unknown answer as a battery.\n`).what).toBe("explained");
    expect(judge(`${summary}\n\nThus, let's hope no laptop answers 255.\n`).what).toBe("named");
    // "let us" after a verb of its own lets, it orders nothing.
    expect(judge(`${summary}\n\nThis will let us drop the sensor query later.\n`).what).toBe("named");
    expect(judge(`${summary}\n\nSo let us drop the sensor query.\n`).what).toBe("explained");
  });

  it("is explained by what \"we\" can or will do, an order after a connective and an adverb in -ly", () => {
    const summary = "builtin-remote: remove unused code in get_ref_states\n\nget_ref_states() fills the util pointer of each item.";
    for (const body of [
      // What "we" can or will do as the change's way.
      "Nothing ever reads the pointer, so we can drop the extra code.",
      "We can just use the length we already have.",
      "So instead we'll just display the full name that the entry holds.",
      // A verb no list knows after "Instead, we" or "Now we", with a determiner after it.
      "Instead, we name the tests individually.",
      // A change verb after a connective, before a plain noun or an action in -ing.
      "Instead, use strbuf and read one line at a time.",
      "Instead, defer writing the index until all entries are known.",
      "Consequently, make the helper unconditionally verbose.",
      // A verb no list knows after an opening clause or "let's", with a determiner after it.
      "Since we can't tell from the filename alone, query the wiki for a namespace.",
      "Instead, let's break this up into two distinct functions.",
      // An adverb in -ly before the order, and a lower-case adverb after "So".
      "Fully implement the conversion for the remaining entries.",
      "So just use a strbuf, which makes this simple.",
    ]) {
      expect(judge(`${summary}\n\n${body}\n`).what, body).toBe("explained");
    }
    for (const body of [
      // A condition, a purpose, a later release, an alternative set aside: not the change.
      "If we can reuse the buffer the cost goes away.",
      "In the next major release, we will drop the old default.",
      "We can use $PWD here, but the path would still contain a colon.",
      "The pointer is set the same way we can set the name of a branch.",
      // What "we" want or a past tense is no act; a plain noun before a verb is a subject.
      "Even though we just want a single commit, it looks up three generations.",
      "Now we lost the rule that the first refspec is merged.",
      "Instead, cache misses are counted twice.",
      // An adverb of time or a verb in -ly opens no order of the change.
      "Currently use of the pointer is optional.",
    ]) {
      expect(judge(`${summary}\n\n${body}\n`).what, body).toBe("named");
    }
  });

  it("is explained by a merge's release note told in the perfect passive or with \"learned\"", () => {
    const merge = (note: string): string => `Merge branch 'kd/pull-rebase-autostash'\n\n${note}\n\n* kd/pull-rebase-autostash:\n  pull: allow dirty tree when rebase.autostash enabled\n`;
    for (const note of [
      '"git pull --rebase" has been taught to pay attention to\nrebase.autostash configuration.',
      'Sources to many test helper binaries have been moved to t/helper/\nsubdirectory to reduce clutter at the top level of the tree.',
      '"git send-email" learned "--transfer-encoding" option to force a\nContent-Transfer-Encoding header.',
      '"git add --chmod=+x" only toggled the bit for new paths. This has\nbeen corrected to flip the executable bit for all matching paths.',
    ]) {
      expect(judge(merge(note)).what, note).toBe("explained");
    }
    for (const note of [
      // A fix named at the sentence's end only names the fix of the problem told.
      '"git difftool --dir-diff" had a minor regression when started from a\nsubdirectory, which has been fixed.',
      // What held since an earlier time.
      'The "--preserve" option has been deprecated since 2.2, and few\nscripts still pass it.',
    ]) {
      expect(judge(merge(note)).what, note).toBe("named");
    }
    // Outside a merge, the perfect passive tells of an earlier change as often.
    expect(judge("reduce instead of reduce\n\nFor python3, reduce() has been moved to functools.\n").what).toBe("named");
  });

  it("is explained by a change description that a line wrap splits", () => {
    const summary = "Fix the crash when opening an empty project\n\nOpening a project with no files dereferenced the first entry of the file list. This\n";
    expect(judge(`${summary}commit shows a placeholder for an empty list.\n`).what).toBe("explained");
    expect(judge("Fix the crash when opening an empty project\n\nThe sidebar shows a placeholder for an empty list instead\nof the first entry.\n").what).toBe("explained");
  });

  it("is explained by \"This\" and a change verb (This adds …, This removes …)", () => {
    for (const body of [
      "This adds a retry loop around the chunk upload with a short backoff.",
      "This removes the\nsecond connection that the uploader opened per chunk.",
      "This replaces the hand-rolled backoff with the shared one.",
      "This introduces a per-chunk deadline of ten seconds.",
      // "changes" and "corrects", and an adverb between "this" and the verb.
      "This changes the default retry policy of the uploader.",
      "This corrects the\ncondition so that only a failed chunk is sent again.",
      "Basically this just renames upload.c to chunk-upload.c.",
      // "updates" and "makes" too.
      "The earlier fix forced one retry. This\nupdates it to honor the configured retry count.",
      "This makes the uploader send each chunk on the shared connection.",
      // Verbs that adjust what was there, and a fix verb with its approach after "to".
      "This modifies the uploader to take the chunk size into account.",
      "This extends the workaround from 6ac6f878 to the retry path.",
      "This restores the older behaviour of one connection per upload.",
      "This tweaks the backoff to wait a little longer.",
      "This fixes the uploader to strip any such header before sending.",
      // What the change skips or detects, and "tests" or "checks" before a clause.
      "This tests if the proxy strips the header, and skips the chunk retry then.",
      "This checks whether the server supports ranges before resuming.",
    ]) {
      const facets = judge(`Fix flaky uploads\n\n${body}\n`);
      expect(facets.what, body).toBe("explained");
      expect(facets.evidence?.what?.[0]?.line, body).toBe(3);
    }
    // What "this" (the old code) costs is no description of the change.
    for (const body of [
      "The uploader opens a second connection for every chunk. This adds\nlatency to every request.",
      "The uploader retries each chunk on its own thread. This introduces a\nrace on the shared offset.",
      "Each chunk opens its own connection. This adds up to hundreds of\nhandshakes for one file.",
      "Each chunk opens its own connection. This just adds latency to every request.",
      "Each chunk opens its own connection. This makes the uploader hang on slow links.",
      "Each chunk opens its own connection. This makes it hard to throttle uploads.",
      // A fix verb alone names the problem again, and "to" after it is no approach here.
      "Each chunk opens its own connection. This fixes it.",
      "Each chunk opens its own connection. This fixes an error introduced to git-upload.",
      "Each chunk opens its own connection. This fixes a valgrind error, whereby we tried to copy a buffer onto itself.",
      // "tests" or "checks" before a noun: the old code's checks as often.
      "Each chunk opens its own connection. This checks nothing about the server.",
    ]) {
      expect(judge(`Fix flaky uploads\n\n${body}\n`).what, body).toBe("missing");
    }
  });

  it("is explained by a body describing the approach", () => {
    const facets = judge("Fix NPE when the cache is empty\n\nThis change returns an empty list instead of null from lookup().\n");
    expect(facets.what).toBe("explained");
    expect(facets.evidence?.what?.[0]?.line).toBe(3);
  });

  it("is explained by a Conventional Commits body listing the changes", () => {
    const facets = judge("feat(cli): add --format json\n\n- Add a JSON reporter next to the text one.\n- Move colour handling into the text reporter.\n");
    expect(facets.what).toBe("explained");
  });

  it("is missing for vague summaries and problem-only summaries", () => {
    expect(judge("Polishing\n").what).toBe("missing");
    expect(judge("update\n").what).toBe("missing");
    expect(judge("Fix failing test\n").what).toBe("missing");
    expect(judge("fix #5837 (#5839)\n").what).toBe("missing");
  });
});

describe("a body that restates the summary", () => {
  const summary = "Add retry logic to the upload client\n\n";

  it("counts as no body: why missing, what only named", () => {
    const facets = judge(`${summary}This commit adds retry logic to the upload client. The upload client\nnow has retry logic, so that uploads are retried by the client.\n`);
    expect(facets).toMatchObject({ why: "missing", what: "named", restated: true });
    // The same summary with no body is judged the same way.
    expect(judge(summary)).toMatchObject({ why: "missing", what: "named" });
  });

  it("keeps a self-evident summary's why", () => {
    expect(judge("Documentation: fix typos\n\nFix typos in documentation.\n")).toMatchObject({ why: "evident", restated: true });
  });

  it("is not one when a quarter of the words or more are new", () => {
    // No reason and no problem word: only the share of new words tells it from a restatement.
    expect(judge(`${summary}The archive tier sits behind a gateway in another region.\n`).restated).toBeUndefined();
    expect(judge(`${summary}The upload client now has retry logic for the archive tier.\n`).restated).toBeUndefined();
  });

  it("is not one when a new word names a problem or gives a reason", () => {
    // Mostly the summary's words, but "failed" says what was wrong and "Therefore" argues.
    expect(judge("Documentation: describe git extended diff headers\n\nThe documentation failed to describe extended diff headers, so add some.\n").restated).toBeUndefined();
    expect(judge("Reject refnames ending in .lock\n\nTherefore reject refnames ending in .lock.\n").restated).toBeUndefined();
  });

  it("compares a verb's forms with the summary's", () => {
    for (const message of ["Remove the retry flag\n\nThe retry flag is removed.\n", "Add a dark mode toggle\n\nAdds a dark mode toggle.\n", "Update the copyright year\n\nUpdates the copyright year.\n", "Use tabs in the Makefile\n\nThe Makefile uses tabs.\n"]) {
      expect(judge(message), message).toMatchObject({ why: "missing", restated: true });
    }
  });

  it("is not one when the body shows code or gives numbers the summary has not", () => {
    expect(judge("Remove the deprecated v1 API\n\nThe v1 API was deprecated in 2.0 and removed from the docs in 3.0.\n").restated).toBeUndefined();
    expect(judge("Rename the cache setting\n\nRename the cache setting from\n\n    cache.dir = X\n\nto\n\n    cache.path = X\n").restated).toBeUndefined();
    // A man page's section is no number of its own.
    expect(judge("fast-import: plug trivial memory leaks\n\nPlug some trivial memory leaks in git-fast-import(1).\n").restated).toBe(true);
  });

  it("counts in a body of one or two words of the summary's, in another tense", () => {
    // Every content word is the summary's: as much a restatement as a longer body.
    expect(judge("Update config\n\nUpdated the config.\n")).toMatchObject({ why: "missing", what: "named", restated: true });
    for (const message of ["Update config\n\nThis updates the config.\n", "Refactor parser\n\nRefactored the parser.\n", "Rename foo to bar\n\nRenamed.\n"]) {
      expect(judge(message), message).toMatchObject({ what: "named", restated: true });
    }
    // A word of its own, none of the summary's, or a quotation is more than the summary says.
    expect(judge("Update config\n\nUpdated the config for staging.\n").restated).toBeUndefined();
    expect(judge("Update config\n\nIt is needed.\n").restated).toBeUndefined();
    expect(judge("Update config\n\nMinor.\n").restated).toBeUndefined();
    expect(judge('fix typo in git-mktree.txt\n\nfix a typo: change "as" to "a".\n').restated).toBeUndefined();
  });

  it("is checked only in short bodies", () => {
    const long = Array.from({ length: 6 }, () => "Add retry logic to the upload client.").join(" ");
    expect(judge(`${summary}${long}\n`).restated).toBeUndefined();
  });
});

describe("a short body of words that name no particular change", () => {
  it("counts as no body, whatever the summary", () => {
    for (const body of ["Changed some things.", "Minor fixes and updates.", "Various changes here.", "Made a few small tweaks."]) {
      expect(judge(`Update stuff\n\n${body}\n`), body).toMatchObject({ why: "missing", what: "missing" });
      // Not a restatement: the body says nothing at all rather than the summary again.
      expect(judge(`Update stuff\n\n${body}\n`).restated, body).toBeUndefined();
    }
    // A named summary keeps its what; the body adds nothing to it.
    expect(judge("Add retry logic to the upload client\n\nChanged some things.\n")).toMatchObject({ what: "named" });
  });

  it("is not one when a word names what changed, or the body quotes the change", () => {
    expect(judge("Update stuff\n\nChanged some things in the parser.\n").what).toBe("explained");
    expect(judge("attr: fix a typo\n\nFix a typo in comments.\n").what).toBe("explained");
    // A number names what the change went to.
    expect(judge("Update stuff\n\nUpdated to 2.0.\n").what).not.toBe("missing");
    // Function words alone: a quotation of the fix, not filler.
    expect(judge('cat-file: fix a grammo in the man page\n\n"... has be ..." -> "... has to be ..."\n').what).not.toBe("missing");
  });

  it("is checked only in short bodies", () => {
    const long = Array.from({ length: 5 }, () => "Changed some things.").join(" ");
    expect(judge(`Update stuff\n\n${long}\n`).what).toBe("explained");
  });
});

describe("refs", () => {
  it("finds every kind of reference with its exact position", () => {
    const message = [
      "Retry uploads on 503 (#41)",
      "",
      "Uploads failed during deploys, see ABC-123, GH-77 and acme/api#9.",
      "Details: https://github.com/acme/api/issues/12 and",
      "https://gitlab.com/acme/api/-/merge_requests/5 and https://acme.atlassian.net/browse/OPS-4",
      "",
      "Fixes: #12",
      "Signed-off-by: Ada Lovelace <ada@example.com>",
      "",
    ].join("\n");
    const refs = findRefs(parseMessage(message), []);
    expect(refs.map(({ type, id, line, column, endColumn }) => ({ type, id, line, column, endColumn }))).toEqual([
      { type: "issue", id: "#41", line: 1, column: 23, endColumn: 26 },
      { type: "ticket", id: "ABC-123", line: 3, column: 36, endColumn: 43 },
      { type: "issue", id: "GH-77", line: 3, column: 45, endColumn: 50 },
      { type: "cross-repo", id: "acme/api#9", line: 3, column: 55, endColumn: 65 },
      { type: "url", id: "https://github.com/acme/api/issues/12", line: 4, column: 10, endColumn: 47 },
      { type: "url", id: "https://gitlab.com/acme/api/-/merge_requests/5", line: 5, column: 1, endColumn: 47 },
      { type: "url", id: "https://acme.atlassian.net/browse/OPS-4", line: 5, column: 52, endColumn: 91 },
      { type: "trailer", id: "#12", line: 7, column: 1, endColumn: 11 },
    ]);
  });

  it("reads an issue URL alone at the end, which git parses as a trailer, as a reference", () => {
    const message = "Drop ALPN support\n\nhttps://github.com/square/okhttp/issues/666\n";
    expect(parseMessage(message).trailers.map((trailer) => trailer.token)).toEqual(["https"]);
    expect(findRefs(parseMessage(message), []).map(({ type, id, line, column, endColumn }) => ({ type, id, line, column, endColumn }))).toEqual([
      { type: "url", id: "https://github.com/square/okhttp/issues/666", line: 3, column: 1, endColumn: 44 },
    ]);
    expect(judge(message).why).toBe("linked");
    // A URL that names no issue is no reference, wherever it stands.
    expect(findRefs(parseMessage("Drop ALPN support\n\nhttps://github.com/square/okhttp/blob/master/README.md\n"), [])).toEqual([]);
  });

  it("reads CVE and GitHub advisory IDs whole, as advisories rather than ticket keys", () => {
    const parsed = parseMessage("Bump tar to 6.2.1\n\nThis addresses CVE-2024-28863 (GHSA-f5x3-32g6-xq36), not CVE-2021.\n");
    const refs = findRefs(parsed, []);
    expect(refs.map(({ type, id, line, column, endColumn }) => ({ type, id, line, column, endColumn }))).toEqual([
      { type: "advisory", id: "CVE-2024-28863", line: 3, column: 16, endColumn: 30 },
      { type: "advisory", id: "GHSA-f5x3-32g6-xq36", line: 3, column: 32, endColumn: 51 },
    ]);
    // Configured project keys do not change what an advisory is.
    expect(findRefs(parsed, ["OPS"]).map((ref) => ref.type)).toEqual(["advisory", "advisory"]);
  });

  it("keeps original line numbers when comments precede the text", () => {
    const refs = findRefs(parseMessage("# Please enter the commit message\nFix crash in pager (#8)\n"), []);
    expect(refs[0]).toMatchObject({ id: "#8", line: 2, column: 21 });
  });

  it("recognises only the configured project keys", () => {
    const parsed = parseMessage("Fix crash in pager\n\nReported in OPS-12, related to LIB-3.\n");
    expect(findRefs(parsed, ["OPS"]).map((ref) => ref.id)).toEqual(["OPS-12"]);
    expect(findRefs(parsed, []).map((ref) => ref.id)).toEqual(["OPS-12", "LIB-3"]);
  });

  it("reads a number after a counting word as an item of a series, not a ticket", () => {
    const parsed = parseMessage("t1510: set up case #29\n\nRun batch #3 and Benchmark #1 again; the bug is issue #14.\n");
    expect(findRefs(parsed, []).map((ref) => ref.id)).toEqual(["#14"]);
  });

  it("ignores encodings, hashes in URLs and code", () => {
    const parsed = parseMessage("Read UTF-8 and SHA-256 files\n\nSee https://example.com/page#12 for the format.\n\n```\nissue #99\n```\n");
    expect(findRefs(parsed, [])).toEqual([]);
  });
});

describe("messages the English cues cannot judge", () => {
  it("reports Chinese text as not judged, leaving why/what unset", () => {
    const facets = judge("修复配置加载器中的崩溃\n\n当配置文件为空时，加载器会崩溃。\n");
    expect(facets.judged).toBe(false);
    expect(facets.why).toBeUndefined();
    expect(facets.what).toBeUndefined();
  });

  it("reports German prose as not judged but still finds references", () => {
    const facets = judge("Absturz im Parser behoben\n\nDer Parser ist bei einer leeren Datei abgestürzt, weil die Liste nicht initialisiert wurde. Siehe #12\n");
    expect(facets.judged).toBe(false);
    expect(facets.refs?.map((ref) => ref.id)).toEqual(["#12"]);
  });

  it("judges short English and code-heavy messages", () => {
    expect(isJudgeableEnglish("Polishing")).toBe(true);
    expect(isJudgeableEnglish("Use Moshi's JsonAdapter.serializeNulls() in GsonConverterFactory")).toBe(true);
  });
});

describe("other kinds", () => {
  it("judges bot and merge messages without throwing", () => {
    expect(judge("Bump lodash from 4.17.20 to 4.17.21\n\nBumps [lodash](https://github.com/lodash/lodash) from 4.17.20 to 4.17.21.\n\nSigned-off-by: dependabot[bot] <support@github.com>\n").why).toBe("evident");
    const merge = judge("Merge branch 'feature/pager' into main\n");
    expect(merge.judged).toBe(true);
    expect(merge.why).toBe("missing");
  });

  it("returns missing facets for an empty message", () => {
    expect(judge("")).toMatchObject({ why: "missing", what: "missing", refs: [], judged: true });
  });
});

describe("reasons git.git's bodies give in forms of their own", () => {
  it("reads a judged better way, what the change makes possible and a cited constraint, not a narration", () => {
    expect(judge("use file_exists() to check if a file exists in the worktree\n\nCall file_exists() instead of open-coding it.  That's shorter, simpler\nand the intent becomes clearer.\n").why).toBe("explained");
    expect(judge("Add target \"install-html\" to the top level Makefile\n\nThis makes it possible to install html documents from the top level\ndirectory.\n").why).toBe("explained");
    expect(judge("pull: propagate --progress to merge\n\nNow that merge understands progress, we should pass it along.\n").why).toBe("explained");
    expect(judge("contrib/diffall: create tmp dirs without mktemp\n\nmktemp is not available on all platforms.  Replace it with a one-line\nPerl script.\n").why).toBe("explained");
    // A body that only tells what the change does still gives no reason.
    expect(judge("Git.pm: Enhance the command_pipe() mechanism\n\nRename command_pipe() to command_output_pipe(), outsource\nthe functionality to _command_common_pipe().\n\nAdd command_input_pipe().\n").why).toBe("missing");
    expect(judge("gitweb: Use href() to generate pagination links\n\nUse href(-replay=>1, page=>$page-1) to generate previous page and next\npage links.  Generate next page link only once.\n").why).toBe("missing");
  });
});

describe("reasons git.git's bodies give in forms of their own, a second round", () => {
  it("reads what the change allows, a limit of today, a norm and a fault in a relative clause, not a narration", () => {
    expect(judge("Set the parallel HTTP request limit via an environment variable\n\nUse an environment variable rather than a command-line argument to set the\nparallel HTTP request limit.  This allows the setting to work whether\ngit-http-fetch is run directly or via git-fetch.\n").why).toBe("explained");
    expect(judge("gpg_interface: allow to request status return\n\nCurrently, verify_signed_buffer() returns the user facing output only.\n\nAllow callers to request the status output also.\n").why).toBe("explained");
    expect(judge("don't use test_must_fail with grep\n\ntest_must_fail should only be used for testing git commands. To test the\nfailure of other commands use `!`.\n").why).toBe("explained");
    expect(judge("reftable: handle interrupted writes\n\nThere are calls to write(3P) where we don't properly handle interrupts.\nConvert them to use `write_in_full()`.\n").why).toBe("explained");
    // A new option told with what it allows the user is still the change, not its reason.
    expect(judge("refs/reftable: allow configuring block size\n\nAdd a new option `reftable.blockSize` that allows the user to control the\nblock size used by the reftable library.  Document it.\n").why).toBe("missing");
  });
});

describe("reasons git.git's bodies give in forms of their own, a third round", () => {
  it("reads a platform's fact, a precedent and a long allowed phrase, not a narration", () => {
    expect(judge("Add example xinetd(8) configuration to Documentation/everyday.txt\n\nMany Linux distributions use xinetd(8), not inetd(8).\nGive a sample configuration file.\n").why).toBe("explained");
    expect(judge("contrib/subtree: rename .txt to .adoc\n\nThe .txt extensions were changed to .adoc in 1f010d6bdf (doc: use .adoc\nextension for AsciiDoc files, 2025-01-20).\n\nDo the same for contrib/subtree.\n").why).toBe("explained");
    expect(judge("Allow in body headers beyond the in body header prefix.\n\nhandle_inbody_header is allowed to look in the body for more headers.\n\nThis allows patches with all of the right information in\nunfortunate places to be imported.\n").why).toBe("explained");
    // A step of the change done again is still no reason.
    expect(judge("Rename foo to bar\n\nRename foo() to bar() in a.c. Do the same for b.c.\n").why).toBe("missing");
  });
});

describe("review of the fourteenth session's readings", () => {
  it("reads no order in greetings, \"Upstream …\", a recipe's steps or advice to the reader", () => {
    expect(judge("Rename the lock helper\n\nUpstream the API was renamed in version 2.0 of the library.\n").what).toBe("named");
    expect(judge("Rename the lock helper\n\nHello all, sorry for the noise on the list.\n").what).toBe("named");
    expect(judge("Fix the lock helper\n\nTwo pushes at once corrupt the lock. To reproduce:\n\nClone the repository, then push from both at once.\n").what).toBe("missing");
    expect(judge("Rename the token option\n\nThe job needs a new token, so ask the admins for one.\n").what).toBe("named");
    expect(judge("Rename the lock helper\n\nThis is a large diff, so review it commit by commit.\n").what).toBe("named");
    expect(judge("Rename the lock helper\n\nDo not confuse this with the lock in refs.c, which is unrelated.\n").what).toBe("named");
    expect(judge("Rename the lock helper\n\nPreviously the reader stopped early. Now, the question is which fix to take.\n").what).toBe("named");
  });

  it("reads base forms that end like other forms as unlisted orders", () => {
    const leak = "Fix a leak in the pack reader\n\nThe reader never frees the buffer it allocates for each entry.";
    for (const order of ["Comment out the second free.", "Supply a buffer of the right size.", "Feed the entries through one buffer.", "Alias the buffer to the entry."]) {
      expect(judge(`${leak} ${order}\n`).what, order).toBe("explained");
    }
  });

  it("reads no reason in a new option's advice or a new function's contract", () => {
    expect(judge("Add a pack.compact option\n\nUsually users should not need this option.\n").why).toBe("missing");
    expect(judge("Add foo_locked()\n\nThe caller needs to hold the lock while calling it.\n").why).toBe("missing");
    expect(judge("Add strbuf_trim_nul()\n\nCallers need to free the returned string.\n").why).toBe("missing");
  });

  it("reads a contracted \"that's used to\" as a passive of \"use\", not as history", () => {
    expect(HISTORY.test("The variable that's used to hold the length")).toBe(false);
    expect(HISTORY.test("they're used to signal the end")).toBe(false);
    expect(HISTORY.test("The reader used to stop at the first file")).toBe(true);
  });
});

describe("reasons a long body tells in plain words", () => {
  it("explains a consequence, a gerund's effect and a wrapped goal that no other reading takes", () => {
    expect(judge("add QSORT\n\nAdd the macro QSORT, a convenient wrapper for qsort(3) that infers the\nsize of the array elements.\n\nCalling qsort(3) directly with a NULL pointer is undefined -- even with\nan element count of zero -- and allows the compiler to optimize away any\nfollowing NULL checks.  Using the macro avoids such surprises.\n").why).toBe("explained");
    expect(judge("cvsimport: have default merge regex also match beginning of commit message\n\nThe default value of @mergerx uses \\W, which matches a non-word\ncharacter; this means that commit messages like \"Merging FOO\" are not\nmatched by default; using \\b, which matches a word boundary, instead of\n\\W fixes that.\n").why).toBe("explained");
    expect(judge("git-completion.bash: consolidate cases in _git_stash()\n\nThe $subcommand case statement in _git_stash() is quite repetitive.\nConsolidate the cases together into one catch-all case to reduce the\nrepetition.\n").why).toBe("explained");
  });

  it("leaves a body that only describes the change without a reason", () => {
    expect(judge("ref-filter: introduce match_atom_name()\n\nIntroduce match_atom_name() which helps in checking if a particular\natom is the atom we're looking for and if it has a value attached to\nit or not.\n\nUse it instead of starts_with() for checking the value of %(color:...)\natom. Write a test for the same.\n").why).toBe("missing");
  });
});

describe("reasons and descriptions of the twenty-second session's sample", () => {
  it("explains a use the change opens after the body says what it does, not as its first sentence", () => {
    expect(judge("Honor configure's htmldir switch\n\nHonor autoconf's --htmldir switch. This allows relocating HTML docs\nstraight from the configure script.\n").why).toBe("explained");
    expect(judge("Add --foo option to bar\n\nTeach bar to filter its listing with the --foo option.\nNow you can limit the listing to matching entries in scripts.\n").why).toBe("explained");
    expect(judge("Switch to a proper builder for MockRetrofit.\n\nThis allows passing an explicit executor for test cases.\n").why).toBe("missing");
  });

  it("explains a reason after a colon that names it, with a determiner before the word", () => {
    expect(judge("Load the cache lazily\n\nThe rationale: the dashboard keeps its own copy of the settings in memory.\n").why).toBe("explained");
    expect(judge("Load the cache lazily\n\nMain motivation: the dashboard keeps its own copy of the settings in memory.\n").why).toBe("explained");
    expect(judge("Load the cache lazily\n\nThe motivation: load the cache lazily.\n").why).toBe("missing");
  });

  it("explains a capability a participle names after an order that builds a new thing, not the summary again", () => {
    expect(judge("bar: add --stdin option\n\nAdd a --stdin option to bar, allowing scripts to feed it thousands of paths\nat once.\n").why).toBe("explained");
    expect(judge("fetch: add a timeout parameter\n\nAdd a timeout parameter to fetch(), allowing callers to pass the timeout parameter.\n").why).toBe("missing");
  });

  it("describes the change told in the passive of a change verb, not the old code's habit, a negation or a bare fix", () => {
    expect(judge("attr: fix segfault in gitattributes parsing code\n\ngit may segfault if gitattributes contains an invalid\nentry. A test is added to t0020 that triggers the segfault.\nThe parsing code is fixed to avoid the crash.\n").what).toBe("explained");
    expect(judge("builtin-commit: fix --signoff\n\nThe Signed-off-by: line contained a spurious timestamp.\n\nInstead, fmt_ident() was taught to interpret an empty string for the\ndate as \"do not bother with the timestamp\", and builtin-commit.c uses it.\n").what).toBe("explained");
    expect(judge("Fix the duplicate check\n\nThe helper checked the length twice on every call. The length check is moved to the caller.\n").what).toBe("explained");
    expect(judge("Fix the duplicate check\n\nThe helper checked the length twice on every call. This is fixed.\n").what).toBe("missing");
    expect(judge("Fix the duplicate check\n\nThe helper checked the length twice. When an entry is added to the list, the check runs again.\n").what).toBe("missing");
    expect(judge("Fix the duplicate check\n\nThe helper checked the length twice. The prefix is added by die() before the check runs.\n").what).toBe("missing");
    expect(judge("Fix the duplicate check\n\nThe helper checked the length twice. The check was moved to the caller in 1.7.0 and kept.\n").what).toBe("missing");
  });

  it("reads someone's words set off by indentation after \"… says:\" as a quote that may tell the reason", () => {
    const quoted = judge("t1400 (update-ref): use test_must_fail\n\nAs t/README explains:\n\n\tWhen a gitcommand dies due to a segfault, test_must_fail\n\tdiagnoses it as an error; \"! git <command>\" treats it as\n\tjust another expected failure, which would let such a bug\n\tgo unnoticed.\n");
    expect(quoted.why).toBe("explained");
    expect(quoted.evidence?.why?.[0]).toMatchObject({ line: 5, endLine: 8 });
    // Indented code after a line that introduces no one's words is still code.
    expect(judge("t1400 (update-ref): use test_must_fail\n\nRun this:\n\n\tWhen a gitcommand dies due to a segfault, test_must_fail\n\tdiagnoses it as an error; \"! git <command>\" treats it as\n\tjust another expected failure, which would let such a bug\n\tgo unnoticed.\n").why).not.toBe("explained");
  });

  it("explains a participle after an order that uses \"the new\" thing", () => {
    expect(judge("Use stdin reflist passing in git-fetch.sh\n\nUse the new stdin reflist passing mechanism for the call to\nfetch--tool parse-reflist, allowing passing of more than ~128K\nof reflist data.\n").why).toBe("explained");
  });

  it("explains the hope a change is made in", () => {
    expect(judge("Documentation: expand preface and todo's\n\nAdd a brief description of the organization to the preface, expand the\nfinal notes/todo's section, in hopes maybe some others will want to\ncontribute.\n").why).toBe("explained");
  });

  it("explains a convention of how a thing is usually read", () => {
    expect(judge("ssh-push: Don't add '/' to pathname\n\nPaths in the host:path notation are usually interpreted\nrelative to the login directory rather than relative to\nthe root directory.\n").why).toBe("explained");
  });
});

describe("judge25: a fixed failure placed, a bump to a named release, a gerund that fixes", () => {
  it("reads a failure the body says the change fixes, placed, as the reason", () => {
    const body = "Handle return code of parse_commit in revision machinery\n\nThis fixes a crash in broken repositories where random commits\nsuddenly disappear.\n";
    expect(judge(body).why).toBe("explained");
    expect(judge(body.replace(" in broken repositories where random commits\nsuddenly disappear", "")).why).toBe("missing");
    expect(judge("fetch-pack: report missing refs even if no existing refs were received\n\nThis fixes a test in t5500.\n").why).toBe("missing");
    expect(judge("Fix the layout of the status page\n\nThis fixes the header but not everything else in the page.\n").why).toBe("named");
  });

  it("reads an update to a release named by its product and a whole number as a version bump", () => {
    expect(judge("unicode: update the width tables to Unicode 14\n\nReleased after a long beta period and including several additional\nzero/double width characters.\n").why).toBe("evident");
    expect(judge("http: update the reference to RFC 7231\n\nThe old one is superseded and the sections moved around a lot.\n").why).not.toBe("evident");
    // A part of a document or a tracker's item cited by its number is no release either.
    expect(judge("Update the guide to Section 3").why).toBe("missing");
    expect(judge("Update the link to Issue 42").why).toBe("missing");
    expect(judge("Update the CI matrix to Node 20").why).toBe("evident");
  });

  it("reads inserting missing pieces as self-evident", () => {
    expect(judge("manpages: insert two missing [verse] markers for multi-line SYNOPSIS\n\nFound with a small shell loop over the pages.\n").why).toBe("evident");
  });

  it("reads a change told as a gerund that fixes the problem as what", () => {
    const body = "connect: address -Wsign-compare warnings\n\nMost of the warnings were about loop variables being declared as ints\nwith a condition using a size_t, whereby switching the variable to\nsize_t fixes the warning.\n";
    expect(judge(body).what).toBe("explained");
    expect(judge(body.replace("switching the variable to\nsize_t", "attempting a build with\nclang")).what).toBe("missing");
    // An effect denied is no fix told.
    expect(judge(body.replace("fixes the warning", "no longer fixes the warning since gcc 12")).what).toBe("missing");
    expect(gerundFixes("Adding the lock\nnever prevents the hang.")).toBe(false);
    // A gerund telling the old way's harm is no change told.
    expect(gerundFixes("Passing NULL to the parser allows the compiler to drop the later checks.")).toBe(false);
    expect(gerundFixes("Attempting to run git-blame in such a tree prevents any output.")).toBe(false);
  });
});

describe("a list item's wrapped lines aligned with its text", () => {
  const body = "pack-bitmap.c: more aggressively free in free_bitmap_index()\n\nThe function free_bitmap_index() is somewhat lax in what it frees. There\nare two notable examples:\n\n  - While it does call kh_destroy_oid_map on the \"bitmaps\" map, which\n    maps commit OIDs to their corresponding bitmaps, the bitmaps\n    themselves are not freed.\n\n  - We never bother to free the extended index's \"positions\" map.\n\nFix both of these.\n";
  it("reads them as the item's prose, not as code", () => {
    expect(judge(body).why).toBe("explained");
  });

  it("still reads an indented block after a blank line, or deeper than the item's text, as code", () => {
    expect(judge(body.replace("\n    themselves", "\n\n    themselves")).why).toBe("missing");
    expect(judge(body.replace("\n    themselves", "\n        themselves")).why).toBe("missing");
  });

  it("reads lines after an item that ends in a colon as the block it introduces", () => {
    const lines = (text: string) => text.split("\n").map((line, index) => ({ text: line, line: index + 3 }));
    const reproduce = "  - Reproduce with:\n    $ git fetch origin main\n    fatal: bad object HEAD";
    const read = collectProse(lines(reproduce));
    expect(read.showsCode).toBe(true);
    expect(read.lines.map((line) => line.text)).toEqual(["  - Reproduce with:"]);
    // Without the colon the aligned lines go on with the item, as above.
    const wrapped = collectProse(lines("  - The fetch fails because the object\n    is missing from the pack"));
    expect(wrapped.showsCode).toBe(false);
    expect(wrapped.lines).toHaveLength(2);
    // A compiler's location ends in a colon too, and its message goes on in the item's text.
    const warning = collectProse(lines("    - libsecret.c:78:1:\n      missing initializer for field 'reserved'. This issue is fixed by\n      using designated initializers."));
    expect(warning.showsCode).toBe(false);
    expect(warning.lines).toHaveLength(3);
  });

  it("reads lines under an item that starts with a tab as code, not as an earlier item's prose", () => {
    const tabbed = "Tweak the lock handling in fetch\n\n  - Take the lock before reading the ref.\n  -\tTwo fetches at once print:\n    error: cannot lock ref because it is already locked\n";
    expect(judge(tabbed).why).toBe("missing");
    expect(judge(tabbed.replace("  -\tTwo", "\t- Two")).why).toBe("missing");
  });
});

describe("judge27: a second change, a change told in the past, an order through \"have\"", () => {
  const problem = "The walker leaks the buffer when the read fails, which makes\nlong-running daemons grow.";

  it("reads a plain noun after \"While at it,\" as the object of a second change", () => {
    for (const body of [
      `${problem} While at it, use designated initializers for the state.`,
      `${problem}\n\nWhile we're at it, drop unused variables from the walker.`,
    ]) {
      expect(judge(`Fix the walker's leak\n\n${body}\n`).what, body).toBe("explained");
    }
    // Any other clause after "While" sets a scene whose plain noun may be the subject.
    expect(judge(`Fix the walker's leak\n\n${problem} While reading, memory grows.\n`).what).toBe("missing");
    // A noun that looks like a verb is the subject when a verb with no object follows its noun.
    for (const sentence of ["While at it, test names get shorter.", "While at it, check marks look odd.", "Instead, cache entries stay valid."]) {
      expect(judge(`Fix the walker's leak\n\n${problem} ${sentence}\n`).what, sentence).toBe("missing");
    }
    // After "make", "let" or "ensure" the object takes a verb of its own: the order stands.
    for (const sentence of ["To fix that, make everything look the same.", "To fix that, let callers get the buffer back.", "While at it, make things look nicer."]) {
      expect(judge(`Fix the walker's leak\n\n${problem} ${sentence}\n`).what, sentence).toBe("explained");
    }
  });

  it("reads a change verb in the past at a sentence's start, with an object, as the change's act", () => {
    for (const body of [
      `${problem} Changed the walker to free it on error.`,
      `${problem}\n\nAdded a call to finish_request() on the error path.`,
      `${problem} Moved the free to the error path.`,
    ]) {
      expect(judge(`Fix the walker's leak\n\n${body}\n`).what, body).toBe("explained");
    }
    // A participle before a noun and its verb is the subject's adjective; "in" names no object.
    // Nor a report of a test, a find or a program's output.
    for (const body of [
      `Added files were reported with the wrong prefix. ${problem}`,
      `${problem} Introduced in 1234abc.`,
      `${problem} Tested on AIX and Solaris.`,
      `${problem} Caught this during a test run with valgrind.`,
      `${problem}\n\nUpdated 0 paths from the index.`,
    ]) {
      expect(judge(`Fix the walker's leak\n\n${body}\n`).what, body).toBe("missing");
    }
  });

  it("reads no past-tense step of the writer's branch work or review as the change's act", () => {
    // A pull request's notes on rebasing, squashing and answering review tell no change.
    for (const sentence of [
      "Rebased it on main.",
      "Squashed the fixups.",
      "Amended the commit message.",
      "Got the same error on CI.",
      "Addressed the review comments.",
      "Addressed the comments from Ana.",
      "Resolved the merge conflicts.",
      "Merged the main branch.",
      "Updated the branch with main.",
      "Applied the suggestions from Ana.",
    ]) {
      expect(judge(`Fix the walker's leak\n\n${problem} ${sentence}\n`).what, sentence).toBe("missing");
    }
    // The same verbs with an object of the code still tell the change.
    for (const sentence of ["Updated the comments to match the new loop.", "Merged the two loops into one.", "Resolved the race by taking the lock."]) {
      expect(judge(`Fix the walker's leak\n\n${problem} ${sentence}\n`).what, sentence).toBe("explained");
    }
  });

  it("reads \"Have\" with an object and a verb of the lists after it as an order", () => {
    // Readers and operators are code as often, and a noun after a word of people makes it a modifier.
    for (const body of [`${problem} Have the caller free it on error.`, `${problem} Have \`walk()\` return early on error.`, `${problem} Have it use xstrdup().`, `${problem} Have the readers take the lock first.`, `${problem} Have the operators return a copy instead.`, `${problem} Have the authors field use the new helper.`]) {
      expect(judge(`Fix the walker's leak\n\n${body}\n`).what, body).toBe("explained");
    }
    // A question, a perfect and a thing to keep give no order.
    // Nor does one that tells people what to do.
    for (const body of [`${problem} Have you tried to free it?`, `${problem} Have the tests been run since?`, `${problem} Have a cache in the walker.`, `${problem} Have the reviewers check the output.`, `${problem} Have a maintainer run the test again.`]) {
      expect(judge(`Fix the walker's leak\n\n${body}\n`).what, body).toBe("missing");
    }
  });

  it("pins where the past act, \"Have\" and \"so it\" readings stop", () => {
    // A particle is an object's opening; a subject before the verb, a look, "to" and "had" are not.
    expect(judge(`Fix the walker's leak\n\n${problem} Cleaned up the walker's error path.\n`).what).toBe("explained");
    for (const sentence of ["Bob changed the walker in 2019.", "Have a look and fix it if you can.", "Have to free it on error.", "Have had the walker free it."]) {
      expect(judge(`Fix the walker's leak\n\n${problem} ${sentence}\n`).what, sentence).toBe("missing");
    }
    // "might" is a modal of purpose.
    expect(judge("Change the helpers\n\nMove the helpers to sequencer.c so they might be shared with other commands.\n").why).toBe("explained");
    // An empty goal ("so it can work again") is no purpose, and a change verb that modifies a
    // noun opens a statement, whose "so they" is as often a consequence.
    for (const body of [
      "Change the parser so it can work again on old shells and in containers.",
      "Test runs take an hour so they cannot finish before the nightly deadline.",
      "Build artifacts are large so they won't fit in the cache bucket.",
    ]) {
      expect(judge(`Change the helpers\n\n${body}\n`).why, body).toBe("missing");
    }
  });

  it("reads \"so it\" or \"so they\" and a modal after an order as the order's purpose", () => {
    for (const body of [
      "Add test-run-command to .gitignore so it does not pollute git status output.",
      "Move the helpers to sequencer.c so they can be shared with other commands.",
      "- Also add a member to the packet reader so it can parse references correctly.",
      // The act told in the past, or by the writer or the change as the subject, as an order is.
      "Moved the helpers to sequencer.c so they can be shared with other commands.",
      "I moved the helpers to sequencer.c so they can be shared with other commands.",
      "We move the helpers to sequencer.c so they can be shared with other commands.",
      "This patch moves the helpers to sequencer.c so they can be shared with other commands.",
    ]) {
      expect(judge(`Change the helpers\n\n${body}\n`).why, body).toBe("explained");
    }
    // After a statement the clause is as often a consequence; an empty goal says nothing.
    for (const body of [
      "The helpers are tiny so they will fit in the shared header file.",
      "Change the parser so it works.",
      "Set the variable globally so it can be used.",
      "Tested the helpers so they can run everywhere on old shells.",
      "Rebased the helpers on main so they can be shared with other commands.",
      "This is the helpers' header so they can be shared with other commands.",
    ]) {
      expect(judge(`Change the helpers\n\n${body}\n`).why, body).toBe("missing");
    }
  });
});

describe("reasons told in plain words under a body of description", () => {
  it("reads an expectation, one thing covering another, a failure in some shells and an activity fixed as why", () => {
    const expected = "fetch: pass --no-write-fetch-head to subprocesses\n\nIt seems a user would expect this option would work regardless\nof whether it's fetching from a single remote, many remotes,\nor recursing into submodules.\n";
    const covers = "remote.h: replace struct extra_have_objects with struct sha1_array\n\nThe latter can do everything the former can and is used in many more\nplaces.\n";
    const shells = "t: local VAR=\"VAL\" (quote positional parameters)\n\nFuture-proof test scripts that do\n\n\tlocal VAR=VAL\n\nwithout quoting VAL (which is OK in POSIX but broken in some shells)\nthat is a positional parameter, e.g. $4.\n";
    const activity = "remote-curl.c: fix rpc_out()\n\nRemove the extraneous semicolon (';') at the end of the if statement\nthat allowed the code in its block to execute regardless of the\ncondition.\n\nThis fixes pushing to a smart http backend with chunked encoding.\n";
    for (const message of [expected, covers, shells, activity]) expect(judge(message).why).toBe("explained");
    // Without the sentence that tells the reason, the same summaries stay unexplained.
    expect(judge("fetch: pass --no-write-fetch-head to subprocesses\n\nPass the option on to the fetch subprocesses.\n").why).not.toBe("explained");
    expect(judge("remote.h: replace struct extra_have_objects with struct sha1_array\n\nReplace the struct and update its users.\n").why).not.toBe("explained");
  });
});
