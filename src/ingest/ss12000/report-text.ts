/** The human summary of an import, as the CLI prints it: counts per endpoint, errors, duration. */
import type { ImportReport } from './import-ss12000.ts';

/** A few lines of plain text for one report. Errors name location, field and reason, never a value. */
export function formatReport(report: ImportReport, maxErrors = 50): string {
  const lines = [
    `${report.organiserName} (${report.tenantId}) från ${report.source}`,
    `  status: ${report.status === 'completed' ? 'klar (completed)' : 'misslyckad (failed)'}${report.resumed ? ', återupptagen (resumed)' : ''}` +
      `${report.modifiedAfter ? `, inkrementell efter ${report.modifiedAfter}` : ''}, ${(report.durationMs / 1000).toFixed(1)} s`,
    ...(report.failure ? [`  stoppad (stopped): ${report.failure}`] : []),
    '  endpoint              nya/ändrade  oförändrade  ignorerade  borttagna  avvisade',
  ];
  for (const [endpoint, c] of Object.entries(report.counts)) {
    if (c.upserted + c.unchanged + c.ignored + c.deleted + c.rejected === 0) continue;
    lines.push(
      `  ${endpoint.padEnd(20)} ${[c.upserted, c.unchanged, c.ignored, c.deleted, c.rejected].map((n) => String(n).padStart(11)).join('')}`,
    );
  }
  if (report.errors.length > 0) {
    lines.push(`  ${report.errors.length} fel (errors):`);
    for (const e of report.errors.slice(0, maxErrors)) {
      lines.push(`    ${e.location} ${e.entity}${e.documentId ? ` ${e.documentId}` : ''}: ${e.field}: ${e.reason}`);
    }
    if (report.errors.length > maxErrors) lines.push(`    … och ${report.errors.length - maxErrors} till (see --json)`);
  }
  return lines.join('\n');
}
