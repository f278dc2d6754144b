/**
 * Reads of the KAA register: the target-group list (filters, paging), one young person's page (criteria with their
 * sources, registrations, dismissals, contacts, occupation, plan, measures, notices) and the officer's reminders.
 * Every query is within the officer's tenant; the routes log each read.
 */
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import {
  kaaCompletions,
  kaaContacts,
  kaaDismissals,
  kaaMeasures,
  kaaNotices,
  kaaOccupations,
  kaaPlans,
  kaaRegistrations,
  organisers,
  type KaaCriterionEvidence,
} from '../../db/schema/index.ts';
import type { ListYouthQuery, YouthListItem, YouthView } from '../../../shared/kaa/contract.ts';
import type { KaaDeregistrationReason, KaaEvidenceSource, KaaRegistrationReason } from '../../../shared/kaa/codes.ts';
import { ageOn } from './criteria.ts';
import { presentNotice } from './notices.ts';
import { accountNames, type YouthRow } from './policy.ts';

/** The half-year `asOf` falls in: 1 January–30 June or 1 July–31 December. */
export function halfYearOf(asOf: string): { from: string; to: string } {
  const year = asOf.slice(0, 4);
  return asOf.slice(5) < '07-01' ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
}

const activeDismissal = sql`EXISTS (SELECT 1 FROM kaa_dismissals d WHERE d.tenant_id = y.tenant_id AND d.youth_id = y.id AND d.revoked_at IS NULL)`;

/** The sources whose evidence put a young person on the list: those of the criteria that hold. */
export const sourcesOf = (criteria: readonly KaaCriterionEvidence[]): KaaEvidenceSource[] => [
  ...new Set(criteria.filter((c) => c.holds).map((c) => c.source)),
];

interface ListRow extends Record<string, unknown> {
  id: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  protected: boolean;
  in_group: boolean;
  criteria: KaaCriterionEvidence[];
  registered_on: string | null;
  registration_reason: KaaRegistrationReason | null;
  deregistered_on: string | null;
  deregistration_reason: KaaDeregistrationReason | null;
  dismissed: boolean;
  last_contact: string | null;
  open_measures: number;
  next_follow_up: string | null;
  total: number;
}

/** One page of the register, with the total. */
export async function listYouth(
  db: DbOrTx,
  tenantId: string,
  query: ListYouthQuery,
  asOf: string,
): Promise<{ items: YouthListItem[]; total: number }> {
  const half = halfYearOf(asOf);
  const filters = [sql`y.tenant_id = ${tenantId}::uuid`];
  if (query.status === 'in-group') filters.push(sql`y.in_group`);
  if (query.status === 'deregistered') filters.push(sql`NOT y.in_group AND NOT ${activeDismissal}`);
  if (query.status === 'dismissed') filters.push(activeDismissal);
  if (query.reason) filters.push(sql`r.registration_reason = ${query.reason}`);
  if (query.source) filters.push(sql`y.criteria @> ${JSON.stringify([{ source: query.source, holds: true }])}::jsonb`);
  if (query.q) {
    const words = query.q.split(/\s+/).filter(Boolean);
    for (const w of words) filters.push(sql`(y.given_name || ' ' || y.family_name) ILIKE ${`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  }
  if (query.notContacted !== undefined) {
    const contacted = sql`EXISTS (SELECT 1 FROM kaa_contacts c WHERE c.tenant_id = y.tenant_id AND c.youth_id = y.id AND c.contacted_on >= ${half.from}::date)`;
    filters.push(query.notContacted ? sql`NOT ${contacted}` : contacted);
  }
  if (query.openMeasure !== undefined) {
    const open = sql`EXISTS (SELECT 1 FROM kaa_measures m WHERE m.tenant_id = y.tenant_id AND m.youth_id = y.id AND m.status = 'open')`;
    filters.push(query.openMeasure ? open : sql`NOT ${open}`);
  }
  const rows = await queryRows<ListRow>(
    db,
    sql`SELECT y.id, y.given_name, y.family_name, y.birth_date::text, y.protected, y.in_group, y.criteria,
               r.registered_on::text, r.registration_reason, r.deregistered_on::text, r.deregistration_reason,
               ${activeDismissal} AS dismissed,
               (SELECT max(c.contacted_on)::text FROM kaa_contacts c WHERE c.tenant_id = y.tenant_id AND c.youth_id = y.id) AS last_contact,
               (SELECT count(*)::int FROM kaa_measures m WHERE m.tenant_id = y.tenant_id AND m.youth_id = y.id AND m.status = 'open') AS open_measures,
               (SELECT min(LEAST(m.follow_up_on, m.evaluation_on))::text FROM kaa_measures m
                 WHERE m.tenant_id = y.tenant_id AND m.youth_id = y.id AND m.status = 'open') AS next_follow_up,
               count(*) OVER ()::int AS total
          FROM kaa_youth y
          LEFT JOIN LATERAL (SELECT * FROM kaa_registrations r WHERE r.tenant_id = y.tenant_id AND r.youth_id = y.id
                              ORDER BY r.registered_on DESC, r.created_at DESC LIMIT 1) r ON true
         WHERE ${sql.join(filters, sql` AND `)}
         ORDER BY y.family_name, y.given_name, y.id
         LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      name: `${r.given_name} ${r.family_name}`,
      birthDate: r.birth_date,
      age: ageOn(r.birth_date, asOf),
      protected: r.protected,
      inGroup: r.in_group,
      dismissed: r.dismissed,
      registeredOn: r.registered_on,
      registrationReason: r.registration_reason,
      deregisteredOn: r.deregistered_on,
      deregistrationReason: r.deregistration_reason,
      sources: sourcesOf(r.criteria),
      lastContactOn: r.last_contact,
      openMeasures: r.open_measures,
      nextFollowUpOn: r.next_follow_up,
    })),
  };
}

/** One young person's page. */
export async function youthView(db: DbOrTx, youth: YouthRow, asOf: string): Promise<YouthView> {
  const t = youth.tenantId;
  // One statement after the other: `db` may be a transaction, one connection, which runs one statement at a time.
  const registrations = await db
    .select()
    .from(kaaRegistrations)
    .where(and(eq(kaaRegistrations.tenantId, t), eq(kaaRegistrations.youthId, youth.id)))
    .orderBy(desc(kaaRegistrations.registeredOn));
  const dismissals = await db
    .select({ d: kaaDismissals, organiserName: organisers.name })
    .from(kaaDismissals)
    .leftJoin(organisers, eq(organisers.id, kaaDismissals.causedByOrganiserId))
    .where(and(eq(kaaDismissals.tenantId, t), eq(kaaDismissals.youthId, youth.id)))
    .orderBy(desc(kaaDismissals.dismissedAt));
  const completions = await db
    .select()
    .from(kaaCompletions)
    .where(and(eq(kaaCompletions.tenantId, t), eq(kaaCompletions.youthId, youth.id)));
  const contacts = await db
    .select()
    .from(kaaContacts)
    .where(and(eq(kaaContacts.tenantId, t), eq(kaaContacts.youthId, youth.id)))
    .orderBy(desc(kaaContacts.contactedOn), desc(kaaContacts.recordedAt));
  const occupations = await db
    .select()
    .from(kaaOccupations)
    .where(and(eq(kaaOccupations.tenantId, t), eq(kaaOccupations.youthId, youth.id)))
    .orderBy(desc(kaaOccupations.recordedAt));
  const plans = await db
    .select()
    .from(kaaPlans)
    .where(and(eq(kaaPlans.tenantId, t), eq(kaaPlans.youthId, youth.id)));
  const measures = await db
    .select()
    .from(kaaMeasures)
    .where(and(eq(kaaMeasures.tenantId, t), eq(kaaMeasures.youthId, youth.id)))
    .orderBy(desc(kaaMeasures.startDate));
  const notices = await db
    .select()
    .from(kaaNotices)
    .where(
      and(
        eq(kaaNotices.tenantId, t),
        eq(kaaNotices.direction, 'received'),
        or(eq(kaaNotices.youthId, youth.id), eq(kaaNotices.civicNo, youth.civicNo)),
      ),
    )
    .orderBy(asc(kaaNotices.eventDate));
  const names = await accountNames(db, [...contacts.map((c) => c.recordedBy), ...dismissals.map((d) => d.d.dismissedBy)]);
  const who = (id: string | null) => (id && names.has(id) ? { name: names.get(id)! } : null);
  const plan = plans[0];
  return {
    id: youth.id,
    version: youth.version,
    name: `${youth.givenName} ${youth.familyName}`,
    birthDate: youth.birthDate,
    age: ageOn(youth.birthDate, asOf),
    protected: youth.protected,
    // A protected identity's address and contact details are never shown, whoever asks.
    address: youth.protected ? null : (youth.address ?? null),
    email: youth.protected ? null : youth.email,
    phone: youth.protected ? null : youth.phone,
    inGroup: youth.inGroup,
    criteria: youth.criteria.map((c) => ({ ...c, date: c.date ?? null, organiserName: c.organiserName ?? null })),
    evaluatedAt: youth.evaluatedAt,
    registrations: registrations.map((r) => ({
      id: r.id,
      registeredOn: r.registeredOn,
      registrationReason: r.registrationReason,
      registrationSource: r.registrationSource,
      deregisteredOn: r.deregisteredOn,
      deregistrationReason: r.deregistrationReason,
      deregistrationSource: r.deregistrationSource,
    })),
    dismissals: dismissals.map(({ d, organiserName }) => ({
      id: d.id,
      reason: d.reason,
      note: d.note,
      causedBySource: d.causedBySource,
      causedByOrganiserName: organiserName ?? null,
      dismissedBy: who(d.dismissedBy),
      dismissedAt: d.dismissedAt,
      revokedAt: d.revokedAt,
    })),
    completions: completions.map((c) => ({ id: c.id, kind: c.kind, completedOn: c.completedOn })),
    contacts: contacts.map((c) => ({
      id: c.id,
      contactedOn: c.contactedOn,
      kind: c.kind,
      outcome: c.outcome,
      note: c.note,
      recordedBy: who(c.recordedBy),
    })),
    occupations: occupations.map((o) => ({
      id: o.id,
      timing: o.timing,
      kind: o.kind,
      description: o.description,
      fromDate: o.fromDate,
      toDate: o.toDate,
      recordedAt: o.recordedAt,
    })),
    plan: plan ? { goal: plan.goal, plan: plan.plan, establishedOn: plan.establishedOn, version: plan.version } : null,
    measures: measures.map((m) => ({
      id: m.id,
      version: m.version,
      kind: m.kind,
      description: m.description,
      responsible: m.responsible,
      youngPersonPart: m.youngPersonPart,
      municipalityPart: m.municipalityPart,
      otherActor: m.otherActor,
      otherActorPart: m.otherActorPart,
      startDate: m.startDate,
      endDate: m.endDate,
      endReason: m.endReason,
      outcome: m.outcome,
      followUpOn: m.followUpOn,
      evaluationOn: m.evaluationOn,
      status: m.status,
    })),
    notices: notices.map((n) => presentNotice({ ...n, matched: true })),
  };
}

/** Follow-ups and evaluations due by `asOf` (and those within a week), and young people not contacted this half-year. */
export async function reminders(db: DbOrTx, tenantId: string, asOf: string) {
  const half = halfYearOf(asOf);
  const soon = new Date(Date.parse(`${asOf}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  const due = await queryRows<{ youth_id: string; name: string; measure_id: string; kind: 'follow-up' | 'evaluation'; due_on: string }>(
    db,
    sql`SELECT m.youth_id, y.given_name || ' ' || y.family_name AS name, m.id AS measure_id, d.kind, d.due_on::text
          FROM kaa_measures m
          JOIN kaa_youth y ON y.tenant_id = m.tenant_id AND y.id = m.youth_id
          CROSS JOIN LATERAL (VALUES ('follow-up', m.follow_up_on), ('evaluation', m.evaluation_on)) AS d(kind, due_on)
         WHERE m.tenant_id = ${tenantId}::uuid AND m.status = 'open' AND d.due_on IS NOT NULL AND d.due_on <= ${soon}::date
         ORDER BY d.due_on, name LIMIT 500`,
  );
  const notContacted = await queryRows<{ youth_id: string; name: string; registered_on: string; last_contact: string | null }>(
    db,
    sql`SELECT y.id AS youth_id, y.given_name || ' ' || y.family_name AS name, r.registered_on::text,
               (SELECT max(c.contacted_on)::text FROM kaa_contacts c WHERE c.tenant_id = y.tenant_id AND c.youth_id = y.id) AS last_contact
          FROM kaa_youth y
          JOIN kaa_registrations r ON r.tenant_id = y.tenant_id AND r.youth_id = y.id AND r.deregistered_on IS NULL
         WHERE y.tenant_id = ${tenantId}::uuid AND y.in_group
           AND NOT EXISTS (SELECT 1 FROM kaa_contacts c WHERE c.tenant_id = y.tenant_id AND c.youth_id = y.id AND c.contacted_on >= ${half.from}::date)
         ORDER BY r.registered_on, name LIMIT 500`,
  );
  const [unmatched] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM kaa_notices n WHERE ${unmatchedNotice(tenantId)}`,
  );
  return {
    due: due.map((d) => ({
      youthId: d.youth_id,
      name: d.name,
      measureId: d.measure_id,
      kind: d.kind,
      dueOn: d.due_on,
      overdue: d.due_on < asOf,
    })),
    notContacted: notContacted.map((n) => ({
      youthId: n.youth_id,
      name: n.name,
      registeredOn: n.registered_on,
      lastContactOn: n.last_contact,
    })),
    halfYear: half,
    unmatchedNotices: unmatched?.n ?? 0,
  };
}

/** A received notice about someone the municipality has neither in its population file nor in its register. */
export const unmatchedNotice = (tenantId: string) => sql`n.tenant_id = ${tenantId}::uuid AND n.direction = 'received'
  AND NOT EXISTS (SELECT 1 FROM kaa_population k WHERE k.tenant_id = n.tenant_id AND k.civic_no = n.civic_no)
  AND NOT EXISTS (SELECT 1 FROM kaa_youth y WHERE y.tenant_id = n.tenant_id AND y.civic_no = n.civic_no)`;
