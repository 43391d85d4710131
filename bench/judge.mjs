// Measures what judging adds per message: parse only vs parse + judge, over the benchmark corpus.
// Usage: node --import tsx bench/judge.mjs [PATH.jsonl.gz]   (default ../shared/bench/git-history.jsonl.gz)
// Uses dist/index.js when it exports judgeMessage, else the TypeScript sources through tsx.
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";

const corpus = process.argv[2] ?? new URL("../../shared/bench/git-history.jsonl.gz", import.meta.url).pathname;
if (!existsSync(corpus)) {
  console.log(`skipped: benchmark corpus not found at ${corpus}`);
  process.exit(0);
}

async function loadModules() {
  const dist = new URL("../dist/index.js", import.meta.url);
  if (existsSync(dist)) {
    const library = await import(dist.href);
    if (typeof library.judgeMessage === "function") return { source: "dist/index.js", ...library };
  }
  const { parseMessage } = await import("../src/message/parse.ts");
  const { judgeMessage } = await import("../src/judge/index.ts");
  return { source: "TypeScript sources (tsx)", parseMessage, judgeMessage };
}

const { source, parseMessage, judgeMessage } = await loadModules();
const messages = gunzipSync(readFileSync(corpus))
  .toString("utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line).message);
const config = { projectKeys: [] };

function parseOnly() {
  let kinds = 0;
  for (const message of messages) kinds += parseMessage(message, { cleanup: false }).kind.length;
  return kinds;
}
function parseAndJudge() {
  let judged = 0;
  for (const message of messages) if (judgeMessage(parseMessage(message, { cleanup: false }), config).why) judged++;
  return judged;
}

/** Best of `rounds` timed passes, alternating the two variants so both see the same machine state. */
function measure(rounds) {
  const best = { parse: Infinity, judge: Infinity };
  parseOnly();
  parseAndJudge();
  for (let round = 0; round < rounds; round++) {
    let start = performance.now();
    parseOnly();
    best.parse = Math.min(best.parse, performance.now() - start);
    start = performance.now();
    parseAndJudge();
    best.judge = Math.min(best.judge, performance.now() - start);
  }
  return best;
}

const best = measure(3);
const perParse = best.parse / messages.length;
const perJudge = best.judge / messages.length;
console.log(`modules: ${source}`);
console.log(`messages: ${messages.length}`);
console.log(`parse only:      ${perParse.toFixed(4)} ms/message (${(best.parse / 1000).toFixed(2)} s total)`);
console.log(`parse + judge:   ${perJudge.toFixed(4)} ms/message (${(best.judge / 1000).toFixed(2)} s total)`);
console.log(`judging adds:    ${(perJudge - perParse).toFixed(4)} ms/message (budget 0.2), ratio ${(perJudge / perParse).toFixed(2)}x`);
