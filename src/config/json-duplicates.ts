// Finds a key given twice in one JSON object, which JSON.parse resolves silently by keeping the last.

/** A key given twice: the second one's position (1-based) and the key path of its object. */
export interface DuplicateKey {
  key: string;
  line: number;
  column: number;
  /** Keys (and array indexes) from the top down to the object holding the duplicate. */
  path: (string | number)[];
}

interface Frame {
  keys: Set<string> | null;
  /** This frame's own place in its parent: its key or index. */
  place: string | number;
  /** Objects: whether the next string is a key. Arrays: the index of the next item. */
  expectKey: boolean;
  index: number;
}

/**
 * The first duplicate key of `source`, which must be valid JSON (JSON.parse accepted it); with
 * `under`, only duplicates inside that top-level key's value, or of that key itself.
 */
export function findDuplicateKey(source: string, under?: string): DuplicateKey | undefined {
  const stack: Frame[] = [];
  let lastKey: string | number = "";
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    const frame = stack.at(-1);
    if (char === "{" || char === "[") {
      const place = frame === undefined ? "" : frame.keys ? lastKey : frame.index;
      stack.push({ keys: char === "{" ? new Set() : null, place, expectKey: char === "{", index: 0 });
    } else if (char === "}" || char === "]") {
      stack.pop();
    } else if (char === ",") {
      if (frame?.keys) frame.expectKey = true;
      else if (frame) frame.index++;
    } else if (char === ":") {
      if (frame) frame.expectKey = false;
    } else if (char === '"') {
      const end = stringEnd(source, index);
      if (frame?.keys && frame.expectKey) {
        const key = JSON.parse(source.slice(index, end + 1)) as string;
        const path = stack.slice(1).map((entry) => entry.place);
        const inScope = under === undefined || (path.length === 0 ? key === under : path[0] === under);
        if (frame.keys.has(key) && inScope) return { key, ...position(source, index), path };
        frame.keys.add(key);
        lastKey = key;
      }
      index = end;
    }
  }
  return undefined;
}

/** The index of the quote closing the string that opens at `start`. */
function stringEnd(source: string, start: number): number {
  for (let index = start + 1; index < source.length; index++) {
    const char = source[index];
    if (char === "\\") index++;
    else if (char === '"') return index;
  }
  return source.length - 1;
}

function position(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (source.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
