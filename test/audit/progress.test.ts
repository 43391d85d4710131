// The audit's progress output and the commit count behind its ETA.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { countCommits } from "../../src/audit/git-log.js";
import { runAudit } from "../../src/audit/index.js";
import { createProgress, TTY_TOTAL_AFTER_MS, type Progress } from "../../src/audit/progress.js";
import { makeRepo } from "./helpers.js";

/** A stream that keeps what is written to it. */
function collector(): Writable & { text: () => string; columns: number } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { text: () => string; columns: number };
  stream.text = () => chunks.join("");
  stream.columns = 100;
  return stream;
}

/** A clock the test moves by hand. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let time = 1_000_000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe("createProgress on a terminal", () => {
  it("redraws one bar with count and rate, adds the ETA once the total is known, and clears it", async () => {
    const stream = collector();
    const clock = manualClock();
    const progress = createProgress(stream, true, { now: clock.now });
    clock.advance(500);
    progress.update(500);
    expect(stream.text()).toBe("\rauditing: 500 commits, 1,000/s\x1b[K");
    expect(progress.wantsTotal()).toBe(false);
    clock.advance(TTY_TOTAL_AFTER_MS - 500);
    expect(progress.wantsTotal()).toBe(true);
    progress.setTotal(4000);
    progress.update(1000);
    expect(stream.text()).toContain("\r[######..................] 25% auditing: 1,000/4,000 commits, 1,000/s ETA 3s\x1b[K");
    // Redraws are at most ten a second.
    const before = stream.text();
    clock.advance(50);
    progress.update(1050);
    expect(stream.text()).toBe(before);
    progress.finish();
    expect(stream.text().endsWith("\r\x1b[K")).toBe(true);
  });

  it("draws the whole line on a terminal that reports 0 columns (size not set), as if 80 wide", () => {
    const stream = collector();
    stream.columns = 0;
    const clock = manualClock();
    const progress = createProgress(stream, true, { now: clock.now });
    clock.advance(500);
    progress.update(500);
    expect(stream.text()).toBe("\rauditing: 500 commits, 1,000/s\x1b[K");
    // With the total (1.5 s in), the line is 74 characters: whole in 80 columns, though cut in fewer.
    clock.advance(TTY_TOTAL_AFTER_MS);
    progress.setTotal(4000);
    progress.update(1000);
    expect(stream.text().split("\r").at(-1)).toBe("[######..................] 25% auditing: 1,000/4,000 commits, 667/s ETA 5s\x1b[K");
    // A longer one is cut to 79 characters, leaving the last column free so the terminal does not wrap.
    clock.advance(TTY_TOTAL_AFTER_MS);
    progress.setTotal(4_000_000);
    progress.update(1_000_000);
    expect(stream.text().split("\r").at(-1)).toBe("[######..................] 25% auditing: 1,000,000/4,000,000 commits, 400,000/s\x1b[K");
  });
});

describe("createProgress off a terminal", () => {
  it("prints nothing for short audits, then one line per interval with count and rate, never wanting a total", () => {
    const stream = collector();
    const clock = manualClock();
    const progress = createProgress(stream, false, { intervalMs: 5000, now: clock.now });
    clock.advance(4000);
    progress.update(40_000);
    expect(stream.text()).toBe("");
    clock.advance(1000);
    progress.update(50_000);
    expect(stream.text()).toBe("auditing: 50,000 commits, 10,000/s\n");
    clock.advance(1000);
    progress.update(60_000);
    expect(stream.text().split("\n")).toHaveLength(2);
    clock.advance(4000);
    progress.update(100_000);
    expect(stream.text().split("\n")[1]).toBe("auditing: 100,000 commits, 10,000/s");
    // Counting is a second walk of the history; a log is not worth it.
    expect(progress.wantsTotal()).toBe(false);
    // A total given anyway (library use) still shows.
    progress.setTotal(120_000);
    clock.advance(5000);
    progress.update(120_000);
    expect(stream.text().split("\n")[2]).toBe("auditing: 120,000/120,000 commits, 8,000/s ETA 0s");
    progress.finish();
    expect(stream.text()).not.toContain("\x1b");
  });
});

describe("the commit count behind the ETA", () => {
  const repo = makeRepo([{ message: "Add a\n" }, { message: "Add b\n" }, { message: "Add c\n" }]);
  const selection = { revisions: [], paths: [], noMerges: false, firstParent: false };

  it("counts the commits the selection covers, and gives null when stopped", async () => {
    expect(await countCommits(repo, selection)).toBe(3);
    expect(await countCommits(repo, { ...selection, maxCount: 2 })).toBe(2);
    expect(await countCommits(repo, { ...selection, revisions: ["no-such-branch"] })).toBeNull();
    const stopped = new AbortController();
    stopped.abort();
    expect(await countCommits(repo, selection, stopped.signal)).toBeNull();
  });

  it("is not started while the progress reporter does not want a total", async () => {
    const calls: string[] = [];
    const progress: Progress = {
      wantsTotal: () => (calls.push("wants"), false),
      setTotal: (total) => void calls.push(`total ${total}`),
      update: (done) => void calls.push(`update ${done}`),
      finish: () => void calls.push("finish"),
    };
    await runAudit({ cwd: repo, selection, format: "json", stdout: collector(), jobs: 1, progress });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls).toEqual(["update 3", "wants", "finish"]);
  });
});
