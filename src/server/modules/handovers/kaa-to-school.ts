/**
 * KAA → school (docs/handovers.md): the municipality's activity-responsibility officer makes a handover for a young
 * person of the register who enrols at a school — a placement anywhere in the installation, or a start notice naming one
 * of its units. The form is pre-filled with what the school needs from the register (the plan's goal, the open measures,
 * the current occupation); everything from the register lies beyond the pedagogical minimum, so sending asks for the
 * consent recorded in the form (commands.ts). It then goes through the same admission wall and receipt as between schools.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { KaaHandoverTargets } from '../../../shared/handovers/kaa-to-school.ts';
import { measureKindLabels, occupationKindLabels } from '../../../shared/kaa/labels.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { handovers, kaaMeasures, kaaOccupations, kaaPlans, organisers } from '../../db/schema/index.ts';
import type { HandoverContent } from '../../db/schema/handovers.ts';
import type { YouthRow } from '../kaa/policy.ts';
import { receivingUnit } from './commands.ts';
import { emptyContent, emptyFacts } from './facts.ts';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** A placement that began this many days ago at most still offers a handover. */
const recentDays = 365;
/** The sender's deadline after the handover is made. */
const sendLeadDays = 14;

interface Target extends Record<string, unknown> {
  unit_id: string;
  unit_name: string;
  organiser_name: string;
  starts_on: string | null;
}

/** The school units where the young person is placed or admitted (or a start notice names one), and the handovers made. */
export async function kaaTargets(db: DbOrTx, tenantId: string, youth: YouthRow, today: string): Promise<KaaHandoverTargets> {
  const since = addDays(today, -recentDays);
  // Placements and admissions found by civic number at every organiser; start notices by the school unit code they
  // name. Two statements whose joins stay within one organiser each (a cluster distributed by organiser runs no join of
  // one organiser's notices with another's school units; scripts/citus/README.md), merged here.
  const placed = await queryRows<Target>(
    db,
    sql`SELECT n.school_unit_id AS unit_id, u.display_name AS unit_name, og.name AS organiser_name, n.start_date::text AS starts_on
          FROM persons q
          JOIN enrolments n ON n.tenant_id = q.tenant_id AND n.person_id = q.id AND NOT n.cancelled
          JOIN organisations u ON u.tenant_id = n.tenant_id AND u.id = n.school_unit_id
          JOIN organisers og ON og.id = n.tenant_id
         WHERE q.civic_no = ${youth.civicNo} AND n.start_date >= ${since}::date AND (n.end_date IS NULL OR n.end_date >= ${today}::date)`,
  );
  const notices = await queryRows<{ school_unit_code: string; starts_on: string }>(
    db,
    sql`SELECT k.school_unit_code, k.event_date::text AS starts_on FROM kaa_notices k
         WHERE k.tenant_id = ${tenantId}::uuid AND k.youth_id = ${youth.id}::uuid AND k.direction = 'received'
           AND k.kind = 'start' AND k.event_date >= ${since}::date AND k.school_unit_code IS NOT NULL`,
  );
  const codes = [...new Set(notices.map((n) => n.school_unit_code))];
  const units = codes.length
    ? await queryRows<{ unit_id: string; unit_name: string; organiser_name: string; school_unit_code: string }>(
        db,
        sql`SELECT u.id AS unit_id, u.display_name AS unit_name, og.name AS organiser_name, u.school_unit_code
              FROM organisations u JOIN organisers og ON og.id = u.tenant_id
             WHERE u.organisation_type = 'Skolenhet' AND u.school_unit_code IN (${sql.join(
               codes.map((c) => sql`${c}`),
               sql`, `,
             )})`,
      )
    : [];
  const unitsByCode = new Map<string, typeof units>();
  for (const u of units) {
    const same = unitsByCode.get(u.school_unit_code);
    if (same) same.push(u);
    else unitsByCode.set(u.school_unit_code, [u]);
  }
  const noticed = notices.flatMap((n) =>
    (unitsByCode.get(n.school_unit_code) ?? []).map((u): Target => ({
      unit_id: u.unit_id,
      unit_name: u.unit_name,
      organiser_name: u.organiser_name,
      starts_on: n.starts_on,
    })),
  );
  // One row per unit: its latest start.
  const latest = new Map<string, Target>();
  for (const t of [...placed, ...noticed]) {
    const seen = latest.get(t.unit_id);
    if (!seen || (t.starts_on ?? '') > (seen.starts_on ?? '')) latest.set(t.unit_id, t);
  }
  const targets = [...latest.values()];
  targets.sort((a, b) => (b.starts_on ?? '').localeCompare(a.starts_on ?? ''));
  const made = await db
    .select({ id: handovers.id, toUnitName: handovers.toUnitName, status: handovers.status })
    .from(handovers)
    .where(and(eq(handovers.tenantId, tenantId), eq(handovers.youthId, youth.id), eq(handovers.direction, 'sent')));
  return {
    targets: targets.map((t) => ({ unitId: t.unit_id, unitName: t.unit_name, organiserName: t.organiser_name, startsOn: t.starts_on })),
    handovers: made,
  };
}

/** The form pre-filled from the register: the plan's goal, open measures, occupation; consent left for the officer. */
async function prefillFromRegister(db: DbOrTx, tenantId: string, youth: YouthRow, organiserName: string): Promise<HandoverContent> {
  const [plan] = await db
    .select()
    .from(kaaPlans)
    .where(and(eq(kaaPlans.tenantId, tenantId), eq(kaaPlans.youthId, youth.id)));
  const measures = await db
    .select()
    .from(kaaMeasures)
    .where(and(eq(kaaMeasures.tenantId, tenantId), eq(kaaMeasures.youthId, youth.id), eq(kaaMeasures.status, 'open')));
  const occupations = await db
    .select()
    .from(kaaOccupations)
    .where(and(eq(kaaOccupations.tenantId, tenantId), eq(kaaOccupations.youthId, youth.id)));
  const content = emptyContent();
  if (plan) content.strengths = `Mål i den individuella planen: ${plan.goal}`;
  content.adaptations = measures
    .map((m) => `• ${measureKindLabels[m.kind].sv}: ${m.description}${m.municipalityPart ? ` (kommunen: ${m.municipalityPart})` : ''}`)
    .join('\n');
  const current = occupations.filter((o) => o.timing === 'current').map((o) => occupationKindLabels[o.kind].sv);
  content.knowledge = [plan ? `Planen: ${plan.plan}` : '', current.length ? `Sysselsättning nu: ${current.join(', ')}.` : '']
    .filter(Boolean)
    .join('\n');
  content.contacts = youth.protected ? '' : `Kommunens aktivitetsansvar, ${organiserName}`;
  content.consentNote = 'Uppgifter från kommunens aktivitetsansvar: den individuella planen och insatserna.';
  return content;
}

/** Makes (or finds) the KAA → school handover for the young person and the unit; returns its id. */
export async function createKaaHandover(db: DbOrTx, tenantId: string, youth: YouthRow, toUnitId: string, today: string): Promise<string> {
  const unit = await receivingUnit(db, toUnitId);
  const dedupeKey = `kaa:${youth.id}:${unit.id}`;
  const [existing] = await db
    .select({ id: handovers.id })
    .from(handovers)
    .where(and(eq(handovers.tenantId, tenantId), eq(handovers.direction, 'sent'), eq(handovers.dedupeKey, dedupeKey)));
  if (existing) return existing.id;
  const [organiser] = await db.select({ name: organisers.name }).from(organisers).where(eq(organisers.id, tenantId));
  const organiserName = organiser?.name ?? '';
  const [row] = await db
    .insert(handovers)
    .values({
      tenantId,
      direction: 'sent',
      status: 'draft',
      route: 'kaa-to-school',
      youthId: youth.id,
      civicNo: youth.civicNo,
      givenName: youth.givenName,
      familyName: youth.familyName,
      protectedIdentity: youth.protected,
      fromOrganiserId: tenantId,
      fromOrganiserName: organiserName,
      fromUnitName: 'Kommunens aktivitetsansvar',
      toOrganiserId: unit.tenant_id,
      toOrganiserName: unit.organiser_name,
      toUnitId: unit.id,
      toUnitName: unit.name,
      triggers: ['manual'],
      facts: emptyFacts(),
      content: await prefillFromRegister(db, tenantId, youth, organiserName),
      sendBy: addDays(today, sendLeadDays),
      dedupeKey,
    })
    .returning({ id: handovers.id });
  return row!.id;
}
