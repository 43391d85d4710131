// A small RFC 4180 CSV reader: quoted fields with commas, doubled quotes and newlines.

/**
 * Parses CSV text into rows of fields. Handles quoted fields (with `""` escapes and line
 * breaks inside), CRLF or LF row ends, and a missing final newline. Throws on an unterminated quote.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  let fieldStarted = false;
  while (index < text.length) {
    const char = text[index];
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          field += '"';
          index += 2;
          continue;
        }
        quoted = false;
        index++;
        continue;
      }
      field += char;
      index++;
      continue;
    }
    if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      index++;
    } else if (char === ",") {
      row.push(field);
      field = "";
      fieldStarted = false;
      index++;
    } else if (char === "\n" || char === "\r") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      fieldStarted = false;
      index += char === "\r" && text[index + 1] === "\n" ? 2 : 1;
    } else {
      field += char;
      fieldStarted = true;
      index++;
    }
  }
  if (quoted) throw new Error("CSV ends inside a quoted field");
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parses CSV with a header row into objects keyed by column name. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows
    .filter((row) => !(row.length === 1 && row[0] === ""))
    .map((row) => Object.fromEntries(header.map((name, column) => [name, row[column] ?? ""])));
}
