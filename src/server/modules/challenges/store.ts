/**
 * Challenges: recorded under the organiser, decided by the regional editor (nobody decides their own), listed for the
 * organiser, the editor's queue, the node's overview and the public map. No personal data (refused on entry).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { challenges, municipalities, organisers } from '../../db/schema/index.ts';
import { HttpError, notFound } from '../../platform/errors.ts';
import type { Challenge } from '../../../shared/challenges/contract.ts';
import { personalDataIn, personalDataMessages } from '../../../shared/challenges/personal-data.ts';
import { focusAreas, type FocusArea } from '../../../shared/challenges/vocabulary.ts';
import { challengeLabels } from '../../../shared/challenges/contract.ts';
import { FieldRefusal } from '../interventions/refusals.ts';

type Row = typeof challenges.$inferSelect;
export type ChallengeInput = Pick<Row, 'focusArea' | 'subChallenge' | 'ageGroup' | 'schoolForm' | 'description'> & {
  municipalityCode?: string | undefined;
};

/** Refuses text with a personnummer or e-mail pattern, naming the field (in Swedish; the route translates). */
export function refusePersonalData(input: Pick<ChallengeInput, 'subChallenge' | 'description'>): void {
  for (const field of ['subChallenge', 'description'] as const) {
    const found = personalDataIn(input[field]);
    if (found) throw new FieldRefusal(field, personalDataMessages[found], challengeLabels);
  }
}

/** Records a challenge for review; the municipality defaults to the organiser's. */
export async function recordChallenge(db: DbOrTx, tenantId: string, input: ChallengeInput, by: string, at: string): Promise<string> {
  refusePersonalData(input);
  let code = input.municipalityCode;
  if (code) {
    const [known] = await db.select({ code: municipalities.code }).from(municipalities).where(eq(municipalities.code, code));
    if (!known)
      throw new FieldRefusal('municipalityCode', { sv: 'är inte en svensk kommun', en: 'is not a Swedish municipality' }, challengeLabels);
  } else {
    const [own] = await db.select({ code: organisers.municipalityCode }).from(organisers).where(eq(organisers.id, tenantId));
    code = own?.code ?? '0000';
  }
  const id = randomUUID();
  await db.insert(challenges).values({
    tenantId,
    id,
    focusArea: input.focusArea,
    subChallenge: input.subChallenge,
    ageGroup: input.ageGroup,
    schoolForm: input.schoolForm,
    description: input.description,
    municipalityCode: code,
    submittedBy: by,
    submittedAt: at,
  });
  return id;
}

const listColumns = {
  row: challenges,
  municipality: municipalities.name,
  organiser: organisers.name,
};

function present(r: { row: Row; municipality: string | null; organiser: string | null }): Challenge {
  return {
    id: r.row.id,
    focusArea: r.row.focusArea,
    subChallenge: r.row.subChallenge,
    ageGroup: r.row.ageGroup,
    schoolForm: r.row.schoolForm,
    description: r.row.description,
    municipality: r.municipality ?? '',
    organiser: r.organiser ?? '',
    status: r.row.status,
    submittedAt: r.row.submittedAt,
    rejectionReason: r.row.rejectionReason,
  };
}

function listed() {
  return (db: DbOrTx) =>
    db
      .select(listColumns)
      .from(challenges)
      .leftJoin(municipalities, eq(municipalities.code, challenges.municipalityCode))
      .leftJoin(organisers, eq(organisers.id, challenges.tenantId));
}

/** The organiser's challenges, newest first. */
export async function challengesOf(db: DbOrTx, tenantId: string): Promise<Challenge[]> {
  const rows = await listed()(db).where(eq(challenges.tenantId, tenantId)).orderBy(desc(challenges.submittedAt), asc(challenges.id));
  return rows.map(present);
}

/** Challenges awaiting review, oldest first. */
export async function pendingChallenges(db: DbOrTx): Promise<Challenge[]> {
  const rows = await listed()(db).where(eq(challenges.status, 'pending')).orderBy(asc(challenges.submittedAt), asc(challenges.id));
  return rows.map(present);
}

/** Published challenges (optionally of one focus area), by focus area and sub-challenge. */
export async function publishedChallenges(db: DbOrTx, focus?: FocusArea): Promise<Challenge[]> {
  const where = focus ? and(eq(challenges.status, 'published'), eq(challenges.focusArea, focus)) : eq(challenges.status, 'published');
  const rows = await listed()(db)
    .where(where)
    .orderBy(asc(challenges.focusArea), asc(challenges.subChallenge), asc(municipalities.name), asc(challenges.id));
  return rows.map(present);
}

/** Published challenges per municipality and focus area. */
export async function challengeOverview(
  db: DbOrTx,
): Promise<{ code: string; municipality: string; focus: Record<FocusArea, number>; total: number }[]> {
  const rows = await queryRows<{ code: string; name: string | null; focus_area: FocusArea; n: number }>(
    db,
    sql`SELECT c.municipality_code AS code, m.name, c.focus_area, count(*)::int AS n
          FROM challenges c LEFT JOIN municipalities m ON m.code = c.municipality_code
         WHERE c.status = 'published' GROUP BY 1, 2, 3`,
  );
  const byCode = new Map<string, { code: string; municipality: string; focus: Record<FocusArea, number>; total: number }>();
  for (const r of rows) {
    const entry = byCode.get(r.code) ?? {
      code: r.code,
      municipality: r.name ?? r.code,
      focus: Object.fromEntries(focusAreas.map((f) => [f, 0])) as Record<FocusArea, number>,
      total: 0,
    };
    entry.focus[r.focus_area] += r.n;
    entry.total += r.n;
    byCode.set(r.code, entry);
  }
  return [...byCode.values()].sort((a, b) => a.municipality.localeCompare(b.municipality, 'sv'));
}

/** Publishes or rejects a pending challenge; 404 when none, 409 when decided already or the editor's own. */
export async function decideChallenge(
  db: DbOrTx,
  id: string,
  decision: { decision: 'publish' } | { decision: 'reject'; reason: string },
  by: string,
  at: string,
): Promise<Row['status']> {
  // The organiser first, then the row locked by its whole key: a lock by id alone would have to reach every organiser's
  // rows, which a cluster distributed by organiser refuses (scripts/citus/README.md).
  const [found] = await db.select({ tenantId: challenges.tenantId }).from(challenges).where(eq(challenges.id, id));
  if (!found) throw notFound();
  const [row] = await db
    .select()
    .from(challenges)
    .where(and(eq(challenges.tenantId, found.tenantId), eq(challenges.id, id)))
    .for('update');
  if (!row) throw notFound();
  if (row.status !== 'pending') throw new HttpError(409, 'Utmaningen är redan granskad.');
  if (row.submittedBy === by)
    throw new HttpError(409, 'Du kan inte granska en utmaning du själv har registrerat; en annan redaktör granskar den.');
  const status = decision.decision === 'publish' ? 'published' : 'rejected';
  await db
    .update(challenges)
    .set({
      status,
      reviewedBy: by,
      reviewedAt: at,
      rejectionReason: decision.decision === 'reject' ? decision.reason : null,
      updatedAt: at,
    })
    .where(and(eq(challenges.tenantId, row.tenantId), eq(challenges.id, id)));
  return status;
}
