/** The follow-up tables as CSV for Excel: BOM, ';' separators, headings in the page's language, hidden cells as words. */
export type Cell = string | number | null;

const quote = (v: Cell) => {
  const s = v === null ? '' : String(v);
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One CSV text from a heading row and rows. */
export function toCsv(head: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `\uFEFF${[head, ...rows].map((r) => r.map(quote).join(';')).join('\r\n')}\r\n`;
}

export { downloadCsv } from '../../shared/download.ts';
