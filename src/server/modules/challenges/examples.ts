/**
 * "Who has met this before?": the knowledge bank's published local examples beside a challenge — first those naming
 * the same sub-challenge (compared without case and surrounding space) within its focus area, then the focus area's
 * other examples. Public reference data, no personal data.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import type { FocusArea } from '../../../shared/challenges/vocabulary.ts';

export interface ExampleMatch {
  slug: string;
  nameSv: string;
  nameEn: string;
  /** True when the example names the same sub-challenge; false: the same focus area only. */
  sameSubChallenge: boolean;
}

const normal = (s: string) => s.trim().toLocaleLowerCase('sv');

/** Up to `limit` published examples for the focus area, those with the same sub-challenge first. */
export async function examplesFor(db: DbOrTx, focusArea: FocusArea, subChallenge: string, limit = 5): Promise<ExampleMatch[]> {
  const rows = await queryRows<{ slug: string; name_sv: string; name_en: string; same: boolean }>(
    db,
    sql`SELECT slug, name_sv, name_en,
               EXISTS (SELECT 1 FROM unnest(sub_challenges) s WHERE lower(trim(s)) = ${normal(subChallenge)}) AS same
          FROM knowledge_records
         WHERE status = 'published' AND kind = 'example' AND ${focusArea} = ANY(focus_areas::text[])
         ORDER BY same DESC, name_sv, slug
         LIMIT ${limit}`,
  );
  return rows.map((r) => ({ slug: r.slug, nameSv: r.name_sv, nameEn: r.name_en || r.name_sv, sameSubChallenge: r.same }));
}

/** The sub-challenges already named per focus area, by the bank's published examples and by published challenges. */
export async function knownSubChallenges(db: DbOrTx): Promise<Record<FocusArea, string[]>> {
  const rows = await queryRows<{ focus: FocusArea; sub: string }>(
    db,
    sql`SELECT DISTINCT f AS focus, trim(s) AS sub
          FROM knowledge_records, unnest(focus_areas::text[]) f, unnest(sub_challenges) s
         WHERE status = 'published' AND trim(s) <> ''
        UNION
        SELECT DISTINCT focus_area, trim(sub_challenge) FROM challenges WHERE status = 'published'`,
  );
  const out: Record<FocusArea, string[]> = { 'mental-health': [], parents: [], 'reading-language': [], motivation: [] };
  for (const r of rows) if (r.focus in out && !out[r.focus].includes(r.sub)) out[r.focus].push(r.sub);
  for (const list of Object.values(out)) list.sort((a, b) => a.localeCompare(b, 'sv'));
  return out;
}
