/** Access-log rows for reviewers and for the CSV export. */
import type { AccessLogRow } from './queries.ts';

/** One row of the review page. */
export function presentAccessLogRow(r: AccessLogRow) {
  return {
    id: r.id,
    at: r.at,
    account: r.account_id ? { id: r.account_id, username: r.username, displayName: r.display_name } : null,
    roles: r.role ? r.role.split(',') : [],
    units: r.unit ? r.unit.split(',') : [],
    action: r.action,
    subjectIds: r.subject_ids,
    purpose: r.purpose,
    outcome: r.outcome,
    requestId: r.request_id,
    ip: r.ip,
  };
}

/** The CSV header (Swedish) and one record per row. */
export const csvHeader = ['tid', 'användare', 'roller', 'enheter', 'åtgärd', 'personer', 'ändamål', 'utfall', 'begäran', 'ip'];
export function csvRecord(r: AccessLogRow): string[] {
  return [r.at, r.username ?? '', r.role ?? '', r.unit ?? '', r.action, r.subject_ids.join(' '), r.purpose,
    r.outcome === 'allowed' ? 'tillåten' : 'nekad', r.request_id, r.ip ?? ''];
}
