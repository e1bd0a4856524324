/** Output formatters for the register's reports, looked up by name: table, json, csv. Pure functions. */
export type OutputFormat = 'table' | 'json' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv'];

type Cell = string | number | boolean | null | undefined;
export type Row = Record<string, Cell>;

function text(v: Cell): string {
  return v === null || v === undefined ? '' : String(v);
}

/** A plain-text table with a header row; columns padded to their widest cell. */
export function formatTable(rows: readonly Row[], columns: readonly string[]): string {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => text(r[c]).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ').trimEnd();
  return [line([...columns]), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => text(r[c]))))].join('\n') + '\n';
}

/** RFC 4180 CSV with a header row; cells quoted when they hold a comma, quote or line break. */
export function formatCsv(rows: readonly Row[], columns: readonly string[]): string {
  const cell = (v: Cell) => {
    const s = text(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function formatRows(format: OutputFormat, rows: readonly Row[], columns: readonly string[], json: unknown = rows): string {
  if (format === 'json') return formatJson(json);
  if (format === 'csv') return formatCsv(rows, columns);
  return formatTable(rows, columns);
}
