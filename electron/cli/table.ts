// Plain-text tables for the terminal: columns padded to their widest cell,
// long cells cut with an ellipsis so one row stays one line.
import { displayName } from '../import/decode';

export interface Column {
  header: string;
  /** Cells longer than this are shortened. */
  max?: number;
  align?: 'left' | 'right';
}

function fit(text: string, max: number | undefined): string {
  // Control characters would break the row (or the terminal).
  const clean = displayName(text.replace(/\s+/g, ' '));
  return max !== undefined && clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export function formatTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const cells = rows.map((row) => columns.map((column, k) => fit(row[k] ?? '', column.max)));
  const widths = columns.map((column, k) => Math.max(column.header.length, ...cells.map((row) => row[k]!.length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, k) => (k === row.length - 1 && columns[k]!.align !== 'right' ? cell : columns[k]!.align === 'right' ? cell.padStart(widths[k]!) : cell.padEnd(widths[k]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n') + '\n';
}
