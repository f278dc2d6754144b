/**
 * Regions as configuration (docs/region.md): look one up, list them, add one, and find its members — the municipalities
 * it covers and the organisers seated in them (an independent organiser belongs through its seat).
 */
import { asc, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { regionMunicipalities, regions } from '../../db/schema/index.ts';

export type Region = typeof regions.$inferSelect;

/** A municipality of the region with the organisers (tenants) seated there. */
export interface RegionMunicipality {
  code: string;
  name: string;
  tenantIds: string[];
}

/** The region by slug, or null. */
export async function regionBySlug(db: DbOrTx, slug: string): Promise<Region | null> {
  const [row] = await db.select().from(regions).where(eq(regions.slug, slug));
  return row ?? null;
}

/** The region by id, or null. */
export async function regionById(db: DbOrTx, id: string): Promise<Region | null> {
  const [row] = await db.select().from(regions).where(eq(regions.id, id));
  return row ?? null;
}

/** Every region with its municipality count, by slug. */
export async function listRegions(db: DbOrTx): Promise<(Region & { municipalityCount: number; parentSlug: string | null })[]> {
  const rows = await db.select().from(regions).orderBy(asc(regions.slug));
  const counts = await queryRows<{ region_id: string; n: number }>(
    db,
    sql`SELECT region_id, count(*)::int AS n FROM region_municipalities GROUP BY region_id`,
  );
  return rows.map((r) => ({
    ...r,
    municipalityCount: counts.find((c) => c.region_id === r.id)?.n ?? 0,
    parentSlug: rows.find((p) => p.id === r.parentId)?.slug ?? null,
  }));
}

/** The region's municipalities by name, each with the organisers seated there. */
export async function regionMunicipalitiesOf(db: DbOrTx, regionId: string): Promise<RegionMunicipality[]> {
  const rows = await queryRows<{ code: string; name: string; tenant_ids: string[] | null }>(
    db,
    sql`
    SELECT m.code, m.name, array_remove(array_agg(o.id ORDER BY o.id), NULL)::text[] AS tenant_ids
      FROM region_municipalities rm JOIN municipalities m ON m.code = rm.municipality_code
      LEFT JOIN organisers o ON o.municipality_code = m.code AND o.active
     WHERE rm.region_id = ${regionId}::uuid
     GROUP BY m.code, m.name ORDER BY m.name, m.code`,
  );
  return rows.map((r) => ({ code: r.code, name: r.name, tenantIds: r.tenant_ids ?? [] }));
}

export interface NewRegion {
  slug: string;
  nameSv: string;
  nameEn: string;
  kind: 'region' | 'sub-region';
  parentSlug?: string;
  countyCode?: string;
  municipalityCodes: string[];
  reportsVisibility?: 'public' | 'members';
}

/** Adds a region (or replaces the municipalities of one with the same slug); unknown codes are refused by name. */
export async function addRegion(db: DbOrTx, input: NewRegion): Promise<Region> {
  const known = await queryRows<{ code: string }>(db, sql`SELECT code FROM municipalities`);
  const unknown = input.municipalityCodes.filter((c) => !known.some((k) => k.code === c));
  if (unknown.length > 0) throw new RegionInputError(`okänd kommunkod: ${unknown.join(', ')}`);
  const parent = input.parentSlug ? await regionBySlug(db, input.parentSlug) : null;
  if (input.parentSlug && !parent) throw new RegionInputError(`okänd överordnad region: ${input.parentSlug}`);
  const values = {
    slug: input.slug,
    nameSv: input.nameSv,
    nameEn: input.nameEn,
    kind: input.kind,
    parentId: parent?.id ?? null,
    countyCode: input.countyCode ?? null,
    reportsVisibility: input.reportsVisibility ?? 'public',
  };
  const [region] = await db
    .insert(regions)
    .values(values)
    .onConflictDoUpdate({ target: regions.slug, set: { ...values, slug: undefined } })
    .returning();
  await db.delete(regionMunicipalities).where(eq(regionMunicipalities.regionId, region!.id));
  if (input.municipalityCodes.length > 0) {
    await db
      .insert(regionMunicipalities)
      .values([...new Set(input.municipalityCodes)].map((code) => ({ regionId: region!.id, municipalityCode: code })));
  }
  return region!;
}

/** Sets who reads the region's published reports. */
export async function setReportsVisibility(db: DbOrTx, regionId: string, visibility: 'public' | 'members'): Promise<Region> {
  const [row] = await db.update(regions).set({ reportsVisibility: visibility }).where(eq(regions.id, regionId)).returning();
  return row!;
}

/** A region definition that cannot be stored; the message names what is wrong, in Swedish. */
export class RegionInputError extends Error {}
