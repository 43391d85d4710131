// Rule: links should outlive the branch: no /latest/ or /master/ docs, no blob/<branch> source links.
import { defineRule, rangeSpan } from "../src/engine/helpers.js";

const URL = /\bhttps?:\/\/[^\s<>()[\]"'`]+[^\s<>()[\]"'`.,;:!?]/g;
/**
 * A source link on a code host: github.com/o/r/blob/<ref>/…, gitlab …/-/blob/<ref>/…; the segment
 * after the ref is kept for refs with a slash in them (see DATED_RELEASE).
 */
const SOURCE_LINK = /^https?:\/\/[^/]+\/[^/]+\/[^/]+(?:\/-)?\/(?:blob|tree|raw)\/([^/?#]+)(?:\/([^/?#]+))?/;
/**
 * The second half of a release tag named `<image>/<date>[.<build>]`, as GitHub's runner-images
 * tags its releases (`win25/20250303.1`): a build stamp, so the link names a tag, not a branch.
 */
const DATED_RELEASE = /^\d{8}(?:\.\d+)?$/;
/**
 * Usual branch names: no release tag starts with one (`main/20250303/` is a dated folder on a
 * branch), and `main/…` in a link is a path on `main`, as git keeps no `main/x` beside `main`.
 */
const BRANCH_NAME = /^(?:main|master|head|trunk|develop|devel|dev)$/i;
/**
 * A cgit page (`/cgit/` in the path, a `cgit.` host, or a repository named `*.git`): cgit puts the
 * file path right after `tree/` and the ref in the query, so without `?h=` or `?id=` the link shows
 * the repository's default branch (`repo.defbranch`, else the branch HEAD names).
 */
const CGIT = /^https?:\/\/(?:cgit\.[^/]+|[^/]+\/cgit)\/|\.git\/(?:tree|plain|blob)\//;
/**
 * A commit SHA or a version tag: a link that will keep pointing at the same text. Monorepo tools
 * (changesets, lerna) tag each package's release `pkg@1.2.3` or `@scope/pkg@1.2.3`, `@` written
 * as is or as `%40`.
 */
const STABLE_REF = /^(?:[0-9a-f]{7,40}|v?\d+(?:\.\d+)*(?:[-.+][\w.]+)?|[\w.-]*[-_/a-z]v?\d+\.\d+[\w.-]*|(?:(?:@|%40)[\w.-]+\/)?[\w.-]+(?:@|%40)v?\d+(?:\.\d+)*(?:[-+][\w.]+)?)$/i;
/** The first half of a scoped package's tag (`@scope` of `@scope/pkg@1.2.3`). */
const PACKAGE_SCOPE = /^(?:@|%40)[\w.-]+$/;
/** The second half of a scoped package's tag (`pkg@1.2.3` of `@scope/pkg@1.2.3`). */
const PACKAGE_VERSION = /^[\w.-]+(?:@|%40)v?\d/;
/** cgit and gitweb name the ref in the query (`tree/src/x.c?h=v1.2.3`, `?id=<sha>`), not in the path. */
const QUERY_REF = /[?&](?:h|id)=([^&#]+)/;
/** A file to download rather than a page to read: packages and archives. */
const DOWNLOAD = /\.(?:deb|rpm|apk|msi|dmg|pkg|whl|jar|gem|nupkg|tgz|zip|xz|bz2|gz|zst|7z)$/i;
/** A Wayback Machine snapshot (web.archive.org/web/<timestamp>/…) keeps the page as it was. */
const ARCHIVED = /^https?:\/\/web\.archive\.org\/web\/\d/;

export default defineRule<{ movingSegments: string[] }>({
  id: "link-unstable-docs",
  description: "Flag links that will move: documentation under /latest/, /master/ or /main/, and source links to a branch (blob/main) instead of a tag or commit.",
  category: "context",
  defaultSeverity: "warn",
  options: {
    type: "object",
    properties: {
      movingSegments: {
        type: "array",
        // A link's path is compared one segment at a time, cut at "?" or "#": a segment holding
        // "/", "?" or "#" could never match, and an empty one would match every link's leading "/".
        // Nor could one holding a character that ends a link in the text (URL above): a space,
        // `<`, `>` and `"` are never in a URL unescaped (RFC 3986), and `'`, `(`, `)`, `[`, `]`
        // and a backtick end it where prose or Markdown wraps a link in them.
        items: {
          type: "string",
          pattern: "^[^/?#\\s<>()[\\]\"'`]+$",
          description: "one path segment of a link: not empty, with no /, ?, #, space, quote, backtick, <, >, (, ), [ or ]",
        },
        default: ["latest", "master", "main"],
        description:
          "URL path segments that name a moving version of documentation, one segment each (no `/`, `?`, `#`, space, quote, backtick, `<`, `>`, `(`, `)`, `[` or `]`); empty flags only source links to a branch.",
      },
    },
    additionalProperties: false,
  },
  messages: {
    defaultBranchLink:
      "Link points at the repository's default branch (a cgit link with no ?h= or ?id=), whose file will change or move; add ?id=<commit> or ?h=<tag>.",
    branchLink: "Link points at branch \"{ref}\", whose file will change or move; link a commit SHA or a tag (press \"y\" on GitHub for a permalink).",
    headLink: "Link points at HEAD, the repository's default branch, whose file will change or move; link a commit SHA or a tag (press \"y\" on GitHub for a permalink).",
    branchPrefixLink:
      "Link points at branch \"{ref}\" (or \"{ref}/…\": a link does not show where a branch name ends), whose file will change or move; link a commit SHA or a tag (press \"y\" on GitHub for a permalink).",
    movingDocs: "Link points at the \"{segment}\" documentation, which changes with each release; link the versioned page the text refers to.",
  },
  examples: {
    valid: [
      {
        title: "A permalink and versioned docs.",
        message: "Pin the parser to its documented grammar\n\nThe grammar is described in\nhttps://github.com/acme/parser/blob/3f2a9c1d/docs/grammar.md and\nhttps://docs.example.com/parser/2.4/grammar.html\n",
      },
      {
        title: "A package to download is no documentation page.",
        message:
          "Pin git in the CI image to Debian's build\n\nThe image installs http://deb.debian.org/debian/pool/main/g/git/git_2.39.5-0+deb12u1_amd64.deb\nso every job runs the same git.\n",
      },
      {
        title: "A release tag with a slash and a build stamp (`win25/20250303.1`) is a tag, not a branch.",
        message:
          "Pin the Visual Studio toolset in CI\n\nThe image's toolset is listed in\nhttps://github.com/actions/runner-images/blob/win25/20250303.1/images/windows/toolsets/toolset-2022.json\nand https://github.com/actions/runner-images/releases/tag/win25/20250303.1\n",
      },
      {
        title: "A monorepo package's release tag (`pkg@1.2.3`, `@scope/pkg@1.2.3`, as changesets and lerna name them) is a tag.",
        message:
          "Follow the router's documented redirect order\n\nThe order is described in\nhttps://github.com/acme/web/blob/router@4.2.0/packages/router/README.md and\nhttps://github.com/acme/web/blob/@acme/router@4.2.0/packages/router/docs/redirects.md\n",
      },
      {
        title: "With `movingSegments: []`, documentation links pass and only source links to a branch are flagged.",
        message: "Follow the parser's grammar\n\nThe grammar is described in\nhttps://parser.readthedocs.io/en/latest/grammar.html\n",
        options: { movingSegments: [] },
      },
      {
        title: "A tag with a product prefix, a ref in cgit's query, and an archived snapshot are stable.",
        message:
          "Search PATH the way Go does on Windows\n\nSee https://github.com/golang/go/blob/go1.19.3/src/os/exec/lp_windows.go,\nhttps://git.musl-libc.org/cgit/musl/tree/src/string/strcspn.c?h=v1.2.3 and\nhttps://web.archive.org/web/20251208172615/https://docs.asciidoctor.org/asciidoc/latest/\n",
      },
    ],
    invalid: [
      {
        title: "A branch link and a latest-docs link.",
        message: "Pin the parser to its documented grammar\n\nSee https://github.com/acme/parser/blob/main/docs/grammar.md\nand https://parser.readthedocs.io/en/latest/grammar.html\n",
        findings: [
          { messageId: "branchLink", line: 3, column: 5, endLine: 3, endColumn: 61 },
          { messageId: "movingDocs", line: 4, column: 5, endLine: 4, endColumn: 57 },
        ],
      },
      {
        title: "A branch named in cgit's query.",
        message: "Match musl's strcspn\n\nSee https://git.musl-libc.org/cgit/musl/tree/src/string/strcspn.c?h=master\n",
        findings: [{ messageId: "branchLink", line: 3, column: 5, endLine: 3, endColumn: 75 }],
      },
      {
        title: "A cgit link with no ref in its query shows the default branch.",
        message: "Match gzip's tailor.h\n\nSee https://git.savannah.gnu.org/cgit/gzip.git/tree/tailor.h\n",
        findings: [{ messageId: "defaultBranchLink", line: 3, column: 5, endLine: 3, endColumn: 61 }],
      },
      {
        title: "A branch name may hold a slash (`kb/fscache-v3`), and the link does not show where it ends, so the finding names only what is certain.",
        message: "Follow the cache design\n\nSee https://github.com/acme/ci/tree/kb/fscache-v3/docs/cache.md\n",
        findings: [{ messageId: "branchPrefixLink", line: 3, column: 5, endLine: 3, endColumn: 64 }],
      },
      {
        title: "`blob/HEAD/` is whatever branch is the default: no branch is named \"HEAD\".",
        message: "Follow the cache design\n\nSee https://github.com/acme/ci/blob/HEAD/docs/cache.md\n",
        findings: [{ messageId: "headLink", line: 3, column: 5, endLine: 3, endColumn: 55 }],
      },
      {
        title: "A dated folder on the main branch is still a branch link.",
        message: "Follow the release checklist\n\nSee https://github.com/acme/ci/blob/main/20250303/checklist.md\n",
        findings: [{ messageId: "branchLink", line: 3, column: 5, endLine: 3, endColumn: 63 }],
      },
    ],
  },
  check({ message, options, report }) {
    // Most messages hold no link at all: one search of the whole text instead of one per line.
    if (!message.text.includes("http")) return;
    let moving: Set<string> | undefined;
    let inFence = false;
    for (const line of message.lines) {
      if (/^\s{0,3}(```|~~~)/.test(line.text)) inFence = !inFence;
      if (inFence || !line.text.includes("http")) continue;
      for (const match of line.text.matchAll(URL)) {
        const url = match[0];
        const span = rangeSpan(line, match.index, match.index + url.length);
        if (ARCHIVED.test(url)) continue;
        const source = SOURCE_LINK.exec(url);
        if (source) {
          const queried = QUERY_REF.exec(url)?.[1];
          if (queried === undefined && CGIT.test(url)) {
            // The segment after `tree/` is a file path here, not a ref: never call it a branch.
            report({ messageId: "defaultBranchLink", span, data: {} });
            continue;
          }
          const tagged = source[2] !== undefined && ((DATED_RELEASE.test(source[2]) && !BRANCH_NAME.test(source[1])) || (PACKAGE_SCOPE.test(source[1]) && PACKAGE_VERSION.test(source[2])));
          const ref = queried ?? (tagged ? `${source[1]}/${source[2]}` : source[1]);
          if (STABLE_REF.test(ref)) continue;
          // `tree/kb/fscache-v3/docs/x.md` may be branch `kb` or `kb/fscache-v3`: a path ref is
          // whole only when nothing follows it, when only a file follows it in a blob or raw
          // link (`blob/gh-pages/index.html`: a file needs a branch before it), or when it is a
          // usual branch name (git refuses `main/x` beside `main`); a query ref (`?h=`) is
          // always whole.
          const fileOnly = source[2] !== undefined && !source[0].includes("/tree/") && !/^\/[^/?#]/.test(url.slice(source[0].length));
          const whole = queried !== undefined || source[2] === undefined || fileOnly || ref !== source[1] || BRANCH_NAME.test(ref);
          // GitHub and GitLab read `blob/HEAD/` as the default branch, whatever its name.
          report({ messageId: ref === "HEAD" ? "headLink" : whole ? "branchLink" : "branchPrefixLink", span, data: { ref } });
          continue;
        }
        const path = url.replace(/^https?:\/\/[^/]+/, "").split(/[?#]/)[0];
        // A package or an archive ("…/pool/main/g/git/git_2.39.deb") is a download, not documentation.
        if (DOWNLOAD.test(path)) continue;
        moving ??= new Set(options.movingSegments.map((segment) => segment.toLowerCase()));
        const segment = path.split("/").find((part) => moving!.has(part.toLowerCase()));
        if (segment) report({ messageId: "movingDocs", span, data: { segment } });
      }
    }
  },
});
