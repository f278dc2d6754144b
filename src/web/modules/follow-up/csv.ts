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

/** Saves `text` as a file (the data is already on the page). */
export function downloadCsv(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
