// Rule: links should outlive the branch: no /latest/ or /master/ docs, no blob/<branch> source links.
import { defineRule, rangeSpan } from "../src/engine/helpers.js";

const URL = /\bhttps?:\/\/[^\s<>()[\]"'`]+[^\s<>()[\]"'`.,;:!?]/g;
/** A source link on a code host: github.com/o/r/blob/<ref>/…, gitlab …/-/blob/<ref>/…. */
const SOURCE_LINK = /^https?:\/\/[^/]+\/[^/]+\/[^/]+(?:\/-)?\/(?:blob|tree|raw)\/([^/?#]+)/;
/** A commit SHA or a version tag: a link that will keep pointing at the same text. */
const STABLE_REF = /^(?:[0-9a-f]{7,40}|v?\d+(?:\.\d+)*(?:[-.+][\w.]+)?|[\w.-]*[-_/a-z]v?\d+\.\d+[\w.-]*)$/i;
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
        items: { type: "string" },
        default: ["latest", "master", "main"],
        description: "URL path segments that name a moving version of documentation.",
      },
    },
    additionalProperties: false,
  },
  messages: {
    branchLink: "Link points at branch \"{ref}\", whose file will change or move; link a commit SHA or a tag (press \"y\" on GitHub for a permalink).",
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
          const ref = QUERY_REF.exec(url)?.[1] ?? source[1];
          if (!STABLE_REF.test(ref)) report({ messageId: "branchLink", span, data: { ref } });
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
