/** Plain text tables: columns separated by two spaces, numbers right-aligned. */

export interface Column {
  header: string;
  /** Right-align (numbers). */
  right?: boolean;
}

/** Rows under a header; the last column is never padded, so lines have no trailing spaces. */
export function textTable(columns: Column[], rows: string[][]): string {
  const widths = columns.map((c, i) =>
    Math.max(c.header.length, ...rows.map((r) => [...(r[i] ?? '')].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const pad = widths[i]! - [...cell].length;
        if (columns[i]?.right) return ' '.repeat(pad) + cell;
        return i === cells.length - 1 ? cell : cell + ' '.repeat(pad);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...rows.map(line)].join('\n');
}
