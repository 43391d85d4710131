// Reads a commit message from a file or stdin and decodes it, rejecting binary and non-UTF-8 input.
import { readFileSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { UsageError } from "../types.js";
import { isNameTooLong, nameTooLongError } from "../file-name-errors.js";

/**
 * Reads a message file. Throws UsageError naming the file when it is missing, a directory,
 * unreadable or named longer than the file system takes, so the user sees one clear line
 * instead of a Node error.
 */
export function readMessageFile(path: string, shownAs: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`cannot read ${shownAs}: no such file`);
    if (code === "EISDIR") throw new UsageError(`cannot read ${shownAs}: it is a directory, not a commit message file`);
    if (code === "EACCES" || code === "EPERM") throw new UsageError(`cannot read ${shownAs}: permission denied`);
    // Node's messages for these repeat the whole path; a name no file can have is echoed cut.
    if (isNameTooLong(error)) throw nameTooLongError("read", shownAs);
    if (code === "ENOTDIR") throw new UsageError(`cannot read ${shownAs}: no such file (a parent of it is a file, not a directory)`);
    throw new UsageError(`cannot read ${shownAs}: ${(error as Error).message}`);
  }
}

/** Reads all of stdin as bytes; on a terminal, first says how to end the input instead of seeming to hang. */
export async function readStdin(): Promise<Buffer> {
  if (process.stdin.isTTY) process.stderr.write("rationale: type or paste the message, then press Ctrl-D on a new line\n");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Decodes message bytes as UTF-8 (a leading byte-order mark is dropped). Throws UsageError
 * for NUL bytes (binary content) and for invalid UTF-8, naming the byte offset and line.
 */
export function decodeMessage(bytes: Buffer, shownAs: string, encoding?: () => string | undefined, warnInvalid?: (warning: string) => void): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1 && looksUtf16(bytes, nul)) {
    throw new UsageError(`${shownAs} is UTF-16, not UTF-8 (Windows PowerShell 5 writes UTF-16 with > or Out-File); save the message as UTF-8`);
  }
  if (nul !== -1) {
    throw new UsageError(
      `${shownAs} looks binary: NUL byte at byte offset ${nul} (${lineOf(bytes, nul)}); a commit message must be text`,
    );
  }
  if (!isUtf8(bytes)) {
    // git writes the message file of a repository with i18n.commitEncoding in that encoding.
    const declared = encoding?.();
    if (declared && !/^utf-?8$/i.test(declared)) {
      try {
        return new TextDecoder(declared, { fatal: true }).decode(bytes);
      } catch {
        // An encoding Node does not know, or bytes invalid in it: report them as below.
      }
    }
    const offset = firstInvalidUtf8(bytes);
    const problem = `${shownAs} is not valid UTF-8: byte 0x${bytes[offset].toString(16).padStart(2, "0")} at byte offset ${offset} (${lineOf(bytes, offset)})`;
    // The hook: git commits such a message (with a warning), so judging it beats blocking it;
    // a stored commit cannot be saved again, so it is judged the same way.
    if (!warnInvalid) throw new UsageError(`${problem}; save the message as UTF-8`);
    warnInvalid(problem);
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return bytes.toString("utf8", hasBom ? 3 : 0);
}

/**
 * Whether bytes whose first NUL is at `nul` are UTF-16 text: a UTF-16 byte-order mark, or a NUL
 * beside the first character, as UTF-16 has for every ASCII one. Binary content is named as
 * such instead: "looks binary" for a message saved as UTF-16 sends the user looking elsewhere.
 */
function looksUtf16(bytes: Buffer, nul: number): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  return nul <= 1 && withoutGitNewline(bytes).length % 2 === 0 && bytes[1 - nul] !== 0;
}

/**
 * `bytes` without the one "\n" byte git's cleanup appends to a -m/-F message (`git commit -F
 * utf16.txt`): git reads the UTF-16 text as bytes and ends it with a newline of its own, which
 * leaves an odd byte count no UTF-16 decoder takes.
 */
function withoutGitNewline(bytes: Buffer): Buffer {
  return bytes.length % 2 === 1 && bytes[bytes.length - 1] === 0x0a ? bytes.subarray(0, -1) : bytes;
}

/**
 * The text of a message saved as UTF-16 (see looksUtf16), without its byte-order mark; undefined
 * for any other bytes, or UTF-16 that does not decode.
 */
export function decodeUtf16(bytes: Buffer): string | undefined {
  const nul = bytes.indexOf(0);
  if (nul === -1 || !looksUtf16(bytes, nul)) return undefined;
  // Without a byte-order mark, the NUL of an ASCII character comes second in little-endian.
  const bigEndian = bytes[0] === 0xfe && bytes[1] === 0xff ? true : bytes[0] === 0xff && bytes[1] === 0xfe ? false : nul === 0;
  try {
    return new TextDecoder(bigEndian ? "utf-16be" : "utf-16le", { fatal: true }).decode(withoutGitNewline(bytes));
  } catch {
    return undefined;
  }
}

/** "line L" for a byte offset, counting LF-terminated lines from 1. */
function lineOf(bytes: Buffer, offset: number): string {
  let line = 1;
  for (let index = bytes.indexOf(0x0a); index !== -1 && index < offset; index = bytes.indexOf(0x0a, index + 1)) line++;
  return `line ${line}`;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index];
    if (lead < 0x80) {
      index++;
      continue;
    }
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) min = 0xa0; // overlong
      if (lead === 0xed) max = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) min = 0x90; // overlong
      if (lead === 0xf4) max = 0x8f; // above U+10FFFF
    } else return index;
    for (let k = 1; k < length; k++) {
      const byte = bytes[index + k];
      // Only the second byte has the narrowed range; the rest are plain continuation bytes.
      const low = k === 1 ? min : 0x80;
      const high = k === 1 ? max : 0xbf;
      if (byte === undefined || byte < low || byte > high) return index;
    }
    index += length;
  }
  return -1;
}
