/** CSV as RFC 4180 writes it: comma-separated, CRLF-free (`\n`), quotes doubled inside quotes. */

/** One CSV field, quoted only when it has to be. */
export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A header and rows as CSV text with a final newline. */
export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}
