// Progress of an audit on stderr: a redrawn bar with rate and ETA on a terminal, a line every few seconds otherwise.
import type { Writable } from "node:stream";

/** Receives the running commit count. */
export interface Progress {
  /**
   * True once the reporter would show a total (and so an ETA): counting the commits is a second
   * walk of the history, worth its CPU only for audits long enough to be watched.
   */
  wantsTotal(): boolean;
  /** Sets the number of commits expected, once known. */
  setTotal(total: number | null): void;
  update(done: number): void;
  /** Clears the bar. */
  finish(): void;
}

/** When a terminal bar starts wanting the total: most audits of small histories are over by then. */
export const TTY_TOTAL_AFTER_MS = 1000;

export interface ProgressOptions {
  /** Plain (non-terminal) output: one line every `intervalMs`, none for shorter audits. */
  intervalMs?: number;
  /** The clock, in milliseconds (tests pass their own). */
  now?: () => number;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  return `${Math.floor(seconds / 60)}m${String(Math.ceil(seconds % 60)).padStart(2, "0")}s`;
}

/**
 * A progress reporter writing to `stream`. With `tty`, a bar redrawn at most ten times a second,
 * wanting the total (for the bar and the ETA) after a second; without, one plain line every
 * `intervalMs` (nothing for audits shorter than that) with the count and rate: a log gains
 * little from an ETA, and counting costs nearly as much CPU as the audit's own `git log`.
 */
export function createProgress(stream: Writable & { columns?: number }, tty: boolean, options: ProgressOptions = {}): Progress {
  const intervalMs = options.intervalMs ?? 5000;
  const clock = options.now ?? Date.now;
  const started = clock();
  let total: number | null = null;
  let last = 0;
  let drawn = false;
  return {
    wantsTotal() {
      return tty && clock() - started >= TTY_TOTAL_AFTER_MS;
    },
    setTotal(value) {
      total = value;
    },
    update(done) {
      const now = clock();
      if (now - last < (tty ? 100 : intervalMs) || (!tty && now - started < intervalMs)) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = done / Math.max(seconds, 0.001);
      const count = total ? `${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}` : done.toLocaleString("en-US");
      const eta = total ? ` ETA ${formatDuration((total - done) / Math.max(rate, 1))}` : "";
      const text = `auditing: ${count} commits, ${Math.round(rate).toLocaleString("en-US")}/s${eta}`;
      if (!tty) {
        stream.write(text + "\n");
        return;
      }
      const width = 24;
      const fraction = total ? Math.min(1, done / total) : 0;
      const bar = total ? `[${"#".repeat(Math.round(fraction * width)).padEnd(width, ".")}] ${Math.floor(fraction * 100)}% ` : "";
      // A terminal whose size is not set (a pty opened by `script` or a container) reports 0 columns.
      const line = (bar + text).slice(0, (stream.columns || 80) - 1);
      stream.write(`\r${line}\x1b[K`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}
