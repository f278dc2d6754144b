/** Today in the browser's time zone as YYYY-MM-DD (the default of date fields; the server decides what is past). */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
