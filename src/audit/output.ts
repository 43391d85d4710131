// Where a report goes: stdout, or a file written beside its destination and renamed into place when complete.
import { accessSync, constants, createWriteStream, fchmodSync, lstatSync, openSync, readlinkSync, statSync, type Stats, type WriteStream } from "node:fs";
import { rename, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import type { Writable } from "node:stream";
import { UsageError } from "../types.js";
import { isNameTooLong, nameTooLongError } from "../file-name-errors.js";
import { whyCannotWrite } from "../write-errors.js";

/** A buffered destination for report text. */
export interface ReportSink {
  write(text: string): Promise<void> | void;
  /** Writes bytes that are already UTF-8 (e.g. encoded by a worker thread). */
  writeBytes(bytes: Uint8Array): Promise<void> | void;
  /** Flushes and, for a file, moves the finished file into place. */
  commit(): Promise<void>;
  /**
   * Discards a partial report: the temp file is removed and the destination left untouched.
   * Resolves to true when part of the report had already gone where it cannot be taken back
   * (standard output, a device or a pipe), so the reader holds an incomplete report.
   */
  abort(): Promise<boolean>;
}

const BUFFER_BYTES = 1024 * 1024;

/**
 * Encodes text straight into a preallocated buffer and hands full buffers to `stream`:
 * cheaper than joining many strings first, and it honours the stream's back-pressure.
 * `final` says whether what reaches the stream stays there (stdout, a device) rather than in a
 * temp file that an abort removes.
 */
function bufferedSink(stream: Writable, onCommit: () => Promise<void>, onAbort: () => Promise<void>, final: boolean): ReportSink {
  let buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  let sent = false;
  let failed: Error | null = null;
  stream.on("error", (error) => (failed = error));
  // One wait for "drain" however many writes find the stream full: with several worker threads,
  // batches arrive faster than the caller awaits, and a listener pair per write would pile up.
  let draining: Promise<void> | null = null;
  const send = (chunk: Uint8Array): Promise<void> | void => {
    if (failed) throw failed;
    sent = true;
    if (stream.write(chunk)) return;
    draining ??= new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        stream.off("error", onError);
        draining = null;
        resolve();
      };
      const onError = (error: Error) => {
        stream.off("drain", onDrain);
        draining = null;
        reject(error);
      };
      stream.once("drain", onDrain);
      stream.once("error", onError);
    });
    return draining;
  };
  const flush = (): Promise<void> | void => {
    if (used === 0) return;
    const chunk = buffer.subarray(0, used);
    // The stream keeps a reference to `chunk` until written: start a new buffer.
    buffer = Buffer.allocUnsafe(BUFFER_BYTES);
    used = 0;
    return send(chunk);
  };
  // Writes happen at once and in order; a returned promise only asks the caller to wait for the
  // stream to drain before producing more.
  return {
    write(text) {
      // A UTF-16 code unit takes at most 3 bytes in UTF-8.
      if (text.length * 3 <= BUFFER_BYTES - used) {
        used += buffer.write(text, used);
        return;
      }
      const pending = flush();
      if (text.length * 3 > BUFFER_BYTES) return send(Buffer.from(text, "utf8")) ?? pending;
      used += buffer.write(text, used);
      return pending;
    },
    writeBytes(bytes) {
      // Small pieces are gathered; large ones (a worker's batch) go out as they are, uncopied.
      if (bytes.length < 64 * 1024 && bytes.length <= BUFFER_BYTES - used) {
        buffer.set(bytes, used);
        used += bytes.length;
        return;
      }
      const pending = flush();
      return send(bytes) ?? pending;
    },
    async commit() {
      await flush();
      // A write that failed after the last one awaited (the whole of a text or html report is
      // one write at the end) must not let a truncated file be moved over the destination.
      if (failed) throw failed;
      await onCommit();
    },
    async abort() {
      used = 0;
      await onAbort();
      return final && sent;
    },
  };
}

/** Ends `stream` and waits until its data is written; rejects if any write failed, even earlier. */
function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    // A stream that failed is destroyed, hence closed: its error must not read as success.
    if (stream.errored) return reject(stream.errored);
    if (stream.closed) return resolve();
    stream.once("error", reject);
    stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
  });
}

/** Writes to standard output (or another stream the caller owns); nothing to move or remove. */
export function streamSink(stream: Writable): ReportSink {
  return bufferedSink(stream, async () => {}, async () => {}, true);
}

/**
 * The file a write to `path` goes to, as `>` in a shell would: `path` itself, or for a symbolic
 * link (reports/latest.html -> audit.html), through any chain of links, the file the last one
 * names, whether it exists yet or not, so the link stays a link.
 */
function linkTarget(path: string): string {
  let at = path;
  // Past 40 links the kernel gives up with ELOOP; leave the path to the write's own error.
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      if (!lstatSync(at, { throwIfNoEntry: false })?.isSymbolicLink()) return at;
      link = readlinkSync(at);
    } catch {
      return at;
    }
    at = resolve(dirname(at), link);
  }
  return path;
}

/**
 * Creates the temp file a report is written to in `dir` before it is renamed over `base`. Its
 * name tells what it was for (`.report.txt.1234.rationale-tmp`), so that one left behind by a
 * crash can be told; for a `base` near the file system's name limit (255 bytes) that name is
 * too long, though `base` itself is not, so a short one is taken rather than refuse the write.
 */
function createTemp(dir: string, base: string): { temp: string; fd: number } {
  const named = join(dir, `.${base}.${process.pid}.rationale-tmp`);
  try {
    return { temp: named, fd: openSync(named, "wx") };
  } catch (error) {
    if (!isNameTooLong(error)) throw error;
    const short = join(dir, `.${process.pid}.rationale-tmp`);
    return { temp: short, fd: openSync(short, "wx") };
  }
}

/**
 * Writes to `path` atomically: the report goes to a temp file in the same directory and is
 * renamed over `path` only when complete, so an interrupted run leaves no half-written file.
 * A symbolic link is followed (its target is replaced) and an existing file keeps its mode.
 * Devices and pipes (`/dev/null`, `/dev/stdout`, a FIFO) are written directly. The UsageErrors
 * for a path that cannot be written name the file as `name` (default `--output PATH`).
 */
export function fileSink(path: string, name = `--output ${path}`): ReportSink {
  let stat: Stats | undefined;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    // No file has such a name: a value pasted by mistake, echoed cut rather than whole.
    if (isNameTooLong(error)) throw nameTooLongError("write", name);
    // ENOTDIR (a file where a directory should be: notes.txt/audit.txt), ELOOP, EACCES.
    throw new UsageError(`cannot write ${name}: ${whyCannotWrite(error, path)}`);
  }
  if (stat?.isDirectory()) throw new UsageError(`${name} is a directory; give a file name`);
  if (stat && !stat.isFile()) {
    const stream = createWriteStream(path, { flags: "a" });
    return bufferedSink(stream, () => closeStream(stream), () => closeStream(stream).catch(() => {}), true);
  }
  // An existing report is replaced as a plain write would: through a symbolic link (the link
  // stays, its target gets the report), keeping the file's permissions, and not at all when
  // the file is read-only.
  const target = linkTarget(path);
  if (stat) {
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      throw new UsageError(`cannot write ${name}: ${whyCannotWrite(error, path)}`);
    }
  }
  const dir = dirname(target);
  const dirStat = statSync(dir, { throwIfNoEntry: false });
  if (!dirStat?.isDirectory()) throw new UsageError(`${name}: directory ${dir} does not exist`);
  let temp: string;
  let fd: number;
  try {
    ({ temp, fd } = createTemp(dir, basename(target)));
  } catch (error) {
    // The message names the destination, not the temp file the user never asked for.
    throw new UsageError(`cannot write ${name}: ${whyCannotWrite(error, path)}`);
  }
  // Owner and group stay the writer's, as with any replaced file; the mode is the old file's.
  if (stat) fchmodSync(fd, stat.mode & 0o7777);
  const stream = createWriteStream(temp, { fd });
  return bufferedSink(
    stream,
    async () => {
      await closeStream(stream);
      await rename(temp, target);
    },
    async () => {
      await closeStream(stream).catch(() => {});
      await unlink(temp).catch(() => {});
    },
    false,
  );
}

/**
 * Writes `text` to `path` whole or not at all, through `fileSink`: a write that fails (a full
 * disk, a file size limit, an interruption) leaves the file as it was and no temp file beside
 * it. Throws UsageError naming the file as `name` (default `--output PATH`) with the reason.
 */
export async function writeFileAtomically(path: string, text: string, name = `--output ${path}`): Promise<void> {
  const sink = fileSink(path, name);
  try {
    await sink.write(text);
    await sink.commit();
  } catch (error) {
    await sink.abort();
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot write ${name}: ${whyCannotWrite(error, path)}`);
  }
}
