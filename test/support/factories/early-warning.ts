/** Early detection's stored results: a student's current risk row, a model version, an indicator episode's onset. */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../src/server/db/client.ts';
import { indicatorEpisodes, riskModels, studentRisk, type dataStatuses } from '../../../src/server/db/schema/index.ts';

export interface RiskOptions {
  tenantId: string;
  /** A new id (a student the fixtures do not hold) unless given. */
  studentId?: string;
  asOf: string;
  schoolUnitId: string;
  schoolType?: string;
  schoolYear?: number | null;
  tier: number;
  flags?: string[];
  dataStatus?: (typeof dataStatuses)[number];
}

/** Writes a student's current risk as a refresh would (GY, data ok, no flags unless told); returns the student id. */
export async function addRisk(db: DbOrTx, r: RiskOptions): Promise<string> {
  const studentId = r.studentId ?? randomUUID();
  await db.insert(studentRisk).values({
    tenantId: r.tenantId,
    studentId,
    asOf: r.asOf,
    schoolUnitId: r.schoolUnitId,
    schoolType: r.schoolType ?? 'GY',
    schoolYear: r.schoolYear ?? null,
    tier: r.tier,
    flags: r.flags ?? [],
    dataStatus: r.dataStatus ?? 'ok',
  });
  return studentId;
}

export type RiskPatch = Partial<
  Pick<typeof studentRisk.$inferInsert, 'schoolUnitId' | 'tier' | 'flags' | 'dataStatus' | 'probability' | 'lower' | 'upper'>
>;

/** Changes a student's current risk row (another unit, tier, flags, a model's probability and band). */
export async function updateRisk(db: DbOrTx, r: { tenantId: string; studentId: string }, patch: RiskPatch): Promise<void> {
  await db
    .update(studentRisk)
    .set(patch)
    .where(and(eq(studentRisk.tenantId, r.tenantId), eq(studentRisk.studentId, r.studentId)));
}

/** Removes the current risk rows of the given students. */
export async function removeRisks(db: DbOrTx, tenantId: string, studentIds: readonly string[]): Promise<void> {
  if (studentIds.length === 0) return;
  await db.delete(studentRisk).where(and(eq(studentRisk.tenantId, tenantId), inArray(studentRisk.studentId, [...studentIds])));
}

/** Writes a model version (a GY logistic candidate with empty parameters and report unless told); returns its id. */
export async function addRiskModel(
  db: DbOrTx,
  m: {
    tenantId: string;
    version: number;
    trainedAsOf: string;
    testAuc: number;
    rulesAuc: number;
    stage?: (typeof riskModels.$inferInsert)['stage'];
    kind?: (typeof riskModels.$inferInsert)['kind'];
    status?: (typeof riskModels.$inferInsert)['status'];
    /** The stored fit (`{}` unless told), e.g. a forest's calibration map. */
    parameters?: Record<string, unknown>;
    /** The training report (`{}` unless told), e.g. `{ settings: { converged: false } }`. */
    report?: Record<string, unknown>;
  },
): Promise<string> {
  const id = randomUUID();
  await db.insert(riskModels).values({
    tenantId: m.tenantId,
    id,
    version: m.version,
    stage: m.stage ?? 'GY',
    kind: m.kind ?? 'logistic',
    status: m.status ?? 'candidate',
    trainedAsOf: m.trainedAsOf,
    parameters: m.parameters ?? {},
    report: m.report ?? {},
    testAuc: m.testAuc,
    rulesAuc: m.rulesAuc,
  });
  return id;
}

/** Moves the onset of a student's episode of one indicator (e.g. to before the summer). */
export async function setEpisodeOnset(
  db: DbOrTx,
  e: { tenantId: string; studentId: string; indicator: string; onset: string },
): Promise<void> {
  await db
    .update(indicatorEpisodes)
    .set({ onset: e.onset })
    .where(
      and(
        eq(indicatorEpisodes.tenantId, e.tenantId),
        eq(indicatorEpisodes.studentId, e.studentId),
        eq(indicatorEpisodes.indicator, e.indicator),
      ),
    );
}
