// CSV as RFC 4180 writes it (comma separated, CRLF line ends, a field quoted when it holds a comma,
// a quote or a line break, quotes doubled), with cells that a spreadsheet would run as a formula
// (starting with = + - @, or a tab or carriage return) prefixed with ' so they stay text.
export type Cell = string | number | boolean | null | undefined;

export function csvCell(value: Cell): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvRow = (cells: readonly Cell[]): string => `${cells.map(csvCell).join(',')}\r\n`;
