/**
 * Recomputes one municipality's target group (nightly through `fullfolj kaa refresh`, and after each population
 * import): evaluates the criteria for every person in its population file, keeps a register row for everyone in the
 * group (and everyone who ever was), opens a registration period with its reason when someone enters and closes it with
 * the reason the data gives when someone leaves. Dates are the facts' dates (an enrolment's end, a certificate, the
 * 20th birthday), not the day of the computation, so a recomputation gives the same periods.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { kaaRegistrations, kaaYouth, organisers } from '../../db/schema/index.ts';
import type { RefreshSummary } from '../../../shared/kaa/contract.ts';
import { compulsoryEnds, evaluate, type Evaluation } from './criteria.ts';
import { gatherFacts, type PopulationPerson } from './facts.ts';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const maxDate = (...dates: (string | null | undefined)[]) =>
  dates.filter((d): d is string => !!d).reduce((a, b) => (b > a ? b : a), '1900-01-01');
const minDate = (a: string, b: string) => (a < b ? a : b);

/** Deregistration reasons the data decides even over a registration by hand. */
const decidedByData = new Set<Evaluation['deregistrationReason']>(['turned-20', 'moved', 'emigrated', 'deceased', 'completed-equivalent']);

/** The municipality a tenant is the municipal organiser of, or null (an independent organiser keeps no KAA register). */
export async function municipalityOf(db: DbOrTx, tenantId: string): Promise<string | null> {
  const [row] = await db
    .select({ code: organisers.municipalityCode, kind: organisers.kind })
    .from(organisers)
    .where(eq(organisers.id, tenantId));
  return row?.kind === 'municipal' ? row.code : null;
}

/** The day the person last came to meet every criterion (at most `asOf`). */
function enteredOn(person: PopulationPerson, asOf: string, previousEnd: string | null): string {
  const compulsory =
    person.registeredInSwedenOn && person.registeredInSwedenOn > compulsoryEnds(person.birthDate)
      ? person.registeredInSwedenOn
      : addDays(compulsoryEnds(person.birthDate), 1);
  const endedEnrolment = person.enrolments.filter((e) => e.endDate && e.endDate < asOf).map((e) => addDays(e.endDate!, 1));
  return minDate(
    maxDate(compulsory, ...endedEnrolment, person.registeredInMunicipalityOn, previousEnd ? addDays(previousEnd, 0) : null),
    asOf,
  );
}

/** The day the person stopped meeting the criteria: the fact's date where the evidence has one, else `asOf`. */
function leftOn(person: PopulationPerson, evaluation: Evaluation, asOf: string, registeredOn: string): string {
  let on = asOf;
  const failing = evaluation.criteria.find((c) => !c.holds);
  if (evaluation.deregistrationReason === 'turned-20') on = `${Number(person.birthDate.slice(0, 4)) + 20}${person.birthDate.slice(4)}`;
  else if (failing?.date && ['started-national', 'started-introduction', 'completed-equivalent'].includes(evaluation.deregistrationReason))
    on = failing.date;
  return minDate(maxDate(on, registeredOn), asOf);
}

/** Recomputes the target group of the municipality `tenantId` is organiser of, as on `asOf`. */
export async function refreshTargetGroup(db: DbOrTx, tenantId: string, asOf: string): Promise<RefreshSummary> {
  const summary: RefreshSummary = { inGroup: 0, registered: 0, deregistered: 0, evaluated: 0 };
  const municipality = await municipalityOf(db, tenantId);
  if (!municipality) return summary;
  const people = await gatherFacts(db, tenantId);
  const existing = new Map(
    (
      await queryRows<{
        id: string;
        civic_no: string;
        open_id: string | null;
        open_source: 'automatic' | 'manual' | null;
        registered_on: string | null;
        last_end: string | null;
        last_manual: boolean | null;
      }>(
        db,
        sql`SELECT y.id, y.civic_no, o.id AS open_id, o.registration_source AS open_source, o.registered_on::text,
                   (SELECT max(r.deregistered_on)::text FROM kaa_registrations r WHERE r.tenant_id = y.tenant_id AND r.youth_id = y.id) AS last_end,
                   (SELECT r.deregistration_source = 'manual' AND r.deregistration_reason <> 'dismissed' FROM kaa_registrations r WHERE r.tenant_id = y.tenant_id AND r.youth_id = y.id
                     ORDER BY r.registered_on DESC, r.created_at DESC LIMIT 1) AS last_manual
              FROM kaa_youth y
              LEFT JOIN kaa_registrations o ON o.tenant_id = y.tenant_id AND o.youth_id = y.id AND o.deregistered_on IS NULL
             WHERE y.tenant_id = ${tenantId}::uuid`,
      )
    ).map((r) => [r.civic_no, r]),
  );
  const evaluatedAt = new Date().toISOString();
  const rows: (typeof kaaYouth.$inferInsert)[] = [];
  const evaluations = new Map<string, Evaluation>();
  for (const person of people.values()) {
    summary.evaluated += 1;
    const evaluation = evaluate(person, asOf, municipality);
    // An officer's deregistration by hand stands: the computation does not register the young person again.
    const before = existing.get(person.civicNo);
    if (evaluation.inGroup && before && !before.open_id && before.last_manual) evaluation.inGroup = false;
    // An officer's registration by hand stands too, until the data decides (turned 20, moved, emigrated, deceased, completed).
    if (!evaluation.inGroup && before?.open_source === 'manual' && !decidedByData.has(evaluation.deregistrationReason))
      evaluation.inGroup = true;
    if (!evaluation.inGroup && !existing.has(person.civicNo)) continue;
    evaluations.set(person.civicNo, evaluation);
    if (evaluation.inGroup) summary.inGroup += 1;
    rows.push({
      tenantId,
      civicNo: person.civicNo,
      civicNoKind: person.civicNoKind,
      givenName: person.givenName,
      familyName: person.familyName,
      birthDate: person.birthDate,
      protected: person.protected,
      address: person.protected ? null : person.address,
      inGroup: evaluation.inGroup,
      criteria: evaluation.criteria,
      evaluatedAt,
    });
  }
  const ids = new Map<string, string>();
  for (let i = 0; i < rows.length; i += 500) {
    const saved = await db
      .insert(kaaYouth)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [kaaYouth.tenantId, kaaYouth.civicNo],
        set: {
          givenName: sql`excluded.given_name`,
          familyName: sql`excluded.family_name`,
          birthDate: sql`excluded.birth_date`,
          protected: sql`excluded.protected`,
          // A protected identity's address is never kept; otherwise the file's address replaces the old one.
          address: sql`excluded.address`,
          inGroup: sql`excluded.in_group`,
          criteria: sql`excluded.criteria`,
          evaluatedAt: sql`excluded.evaluated_at`,
          // The proposed row's default, now(): Citus refuses a function call here (scripts/citus/README.md).
          updatedAt: sql`excluded.updated_at`,
        },
      })
      .returning({ id: kaaYouth.id, civicNo: kaaYouth.civicNo });
    for (const s of saved) ids.set(s.civicNo, s.id);
  }

  const opened: (typeof kaaRegistrations.$inferInsert)[] = [];
  for (const [civicNo, evaluation] of evaluations) {
    const person = people.get(civicNo)!;
    const before = existing.get(civicNo);
    const youthId = ids.get(civicNo)!;
    if (evaluation.inGroup && !before?.open_id) {
      opened.push({
        tenantId,
        youthId,
        registeredOn: enteredOn(person, asOf, before?.last_end ?? null),
        registrationReason: evaluation.registrationReason,
        registrationSource: 'automatic',
      });
    } else if (!evaluation.inGroup && before?.open_id) {
      await closeRegistration(db, tenantId, before.open_id, {
        on: leftOn(person, evaluation, asOf, before.registered_on ?? asOf),
        reason: evaluation.deregistrationReason,
      });
      summary.deregistered += 1;
    }
  }
  for (let i = 0; i < opened.length; i += 500) await db.insert(kaaRegistrations).values(opened.slice(i, i + 500));
  summary.registered = opened.length;

  // Someone no longer in the population file has left the municipality's register of residents.
  for (const [civicNo, before] of existing) {
    if (people.has(civicNo)) continue;
    await db
      .update(kaaYouth)
      .set({ inGroup: false, evaluatedAt })
      .where(and(eq(kaaYouth.tenantId, tenantId), eq(kaaYouth.id, before.id)));
    if (before.open_id) {
      await closeRegistration(db, tenantId, before.open_id, { on: maxDate(asOf, before.registered_on), reason: 'moved' });
      summary.deregistered += 1;
    }
  }

  // Received notices find the young person they are about once the register has them.
  await db.execute(sql`
    UPDATE kaa_notices n SET youth_id = y.id FROM kaa_youth y
     WHERE n.tenant_id = ${tenantId}::uuid AND y.tenant_id = n.tenant_id AND y.civic_no = n.civic_no
       AND n.direction = 'received' AND n.youth_id IS NULL`);
  return summary;
}

/** Ends an open registration period automatically. */
async function closeRegistration(
  db: DbOrTx,
  tenantId: string,
  id: string,
  end: { on: string; reason: Evaluation['deregistrationReason'] },
) {
  await db
    .update(kaaRegistrations)
    .set({ deregisteredOn: end.on, deregistrationReason: end.reason, deregistrationSource: 'automatic' })
    .where(and(eq(kaaRegistrations.tenantId, tenantId), eq(kaaRegistrations.id, id), isNull(kaaRegistrations.deregisteredOn)));
}

/** Every municipal organiser that has a population file. */
export async function municipalTenantsWithPopulation(db: DbOrTx): Promise<{ id: string; name: string; municipalityCode: string }[]> {
  return queryRows(
    db,
    sql`SELECT o.id, o.name, o.municipality_code AS "municipalityCode" FROM organisers o
         WHERE o.kind = 'municipal' AND o.id IN (SELECT k.tenant_id FROM kaa_population k)
         ORDER BY o.name`,
  );
}
