/**
 * Access-log rows as reviewers read them (shapes: src/shared/access-log/contract.ts): names instead of account,
 * student and unit ids, labels instead of role, action and outcome codes; the ids stay next to the names.
 */
import type { AccessLogItem } from '../../../shared/access-log/contract.ts';
import { actionLabel, outcomeLabels, roleLabel } from '../../../shared/access-log/labels.ts';
import { idsOf, personNames, unitNames, type AccessLogRow } from './queries.ts';
import type { DbOrTx } from '../../db/client.ts';

/** The names a set of rows refers to, resolved within the tenant. */
export interface RowNames {
  persons: ReadonlyMap<string, string>;
  units: ReadonlyMap<string, string>;
}

/** Looks up the names of every student and unit the rows mention (two queries, whatever the number of rows). */
export async function namesFor(
  db: DbOrTx,
  tenantId: string,
  rows: readonly AccessLogRow[],
  extraPersonIds: readonly string[] = [],
): Promise<RowNames> {
  const persons = await personNames(db, tenantId, [...rows.flatMap((r) => r.subject_ids), ...extraPersonIds]);
  const units = await unitNames(
    db,
    tenantId,
    rows.flatMap((r) => idsOf(r.unit)),
  );
  return { persons, units };
}

const rolesOf = (r: AccessLogRow) => (r.role ? r.role.split(',').filter(Boolean) : []);

/** One row of the review. */
export function presentAccessLogRow(r: AccessLogRow, names: RowNames): AccessLogItem {
  return {
    id: Number(r.id),
    at: r.at,
    account: r.account_id ? { id: r.account_id, username: r.username, displayName: r.display_name } : null,
    roles: rolesOf(r).map((role) => ({ role, label: roleLabel(role) })),
    units: idsOf(r.unit).map((id) => ({ id, name: names.units.get(id) ?? null })),
    action: { code: r.action, label: actionLabel(r.action) },
    subjects: r.subject_ids.map((id) => ({ id, name: names.persons.get(id) ?? null })),
    purpose: r.purpose,
    outcome: { code: r.outcome, label: outcomeLabels[r.outcome] },
    requestId: r.request_id,
    ip: r.ip,
  };
}

/** The CSV's Swedish headings: names and labels only; the one id is the log row's own number. */
export const csvHeader = [
  'Loggrad-id',
  'Tid',
  'Användare',
  'Användarnamn',
  'Roller',
  'Enheter',
  'Åtgärd',
  'Elever',
  'Ändamål',
  'Utfall',
  'IP-adress',
];

/** A person or unit missing from the register (removed, or another organiser's id in a refused request). */
const unknownPerson = 'Okänd person';
const unknownUnit = 'Okänd enhet';

/** One CSV record (before formula neutralising): Swedish time, names, Swedish labels. */
export function csvRecord(r: AccessLogRow, names: RowNames): (string | number)[] {
  return [
    Number(r.id),
    r.local_at,
    r.display_name ?? (r.account_id ? 'Okänt konto' : 'Inget konto'),
    r.username ?? '',
    rolesOf(r)
      .map((role) => roleLabel(role).sv)
      .join(', '),
    idsOf(r.unit)
      .map((id) => names.units.get(id) ?? unknownUnit)
      .join(', '),
    actionLabel(r.action).sv,
    r.subject_ids.map((id) => names.persons.get(id) ?? unknownPerson).join(', '),
    r.purpose,
    outcomeLabels[r.outcome].sv,
    r.ip ?? '',
  ];
}
