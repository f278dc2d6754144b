/**
 * The demo region's challenges map (docs/region-network.md): a dozen challenges across the four focus areas from
 * organisers in Skaraborg, ten published by the editor and two awaiting review. Texts are written for the demo, no
 * personal data. Idempotent: nothing is added when challenges exist.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { challenges, organisers } from '../../server/db/schema/index.ts';
import type { AgeGroup, FocusArea, SchoolForm } from '../../shared/challenges/vocabulary.ts';

type Demo = [code: string, focus: FocusArea, sub: string, age: AgeGroup, form: SchoolForm, text: string, published: boolean];

const demo: Demo[] = [
  [
    '1496',
    'mental-health',
    'trygghet och studiero',
    'upper-secondary',
    'gymnasieskola',
    'Elever beskriver otrygghet i korridorer och på raster, och frånvaron ökar i årskurs 1.',
    true,
  ],
  [
    '1494',
    'mental-health',
    'trygghet och studiero',
    '7-9',
    'grundskola',
    'Oro i klassrummen i årskurs 8 gör att flera elever undviker vissa lektioner.',
    true,
  ],
  [
    '1470',
    'mental-health',
    'psykisk ohälsa',
    'upper-secondary',
    'gymnasieskola',
    'Fler elever söker elevhälsan för stress och nedstämdhet än teamet hinner möta.',
    true,
  ],
  [
    '1495',
    'mental-health',
    'skolfrånvaro',
    '4-6',
    'grundskola',
    'Långvarig frånvaro upptäcks sent; signalerna syns först efter flera veckor.',
    false,
  ],
  [
    '1496',
    'parents',
    'kontakt med vårdnadshavare',
    'upper-secondary',
    'gymnasieskola',
    'Svårt att nå vårdnadshavare när eleven har fyllt 18 och närvaron sviktar.',
    true,
  ],
  [
    '1493',
    'parents',
    'föräldrar som resurs',
    '7-9',
    'grundskola',
    'Föräldramöten når få vårdnadshavare; vi vill pröva andra former.',
    true,
  ],
  [
    '1499',
    'parents',
    'kontakt med vårdnadshavare',
    'f-3',
    'grundskola',
    'Vårdnadshavare med annat modersmål får information för sent.',
    false,
  ],
  [
    '1494',
    'reading-language',
    'läsförståelse',
    'upper-secondary',
    'gymnasieskola',
    'Elever på yrkesprogram har svårt med teoretiska texter i karaktärsämnena.',
    true,
  ],
  [
    '1497',
    'reading-language',
    'språkutveckling',
    '4-6',
    'grundskola',
    'Nyanlända elever behöver mer stöd i ämnesspråket än vi kan ge i dag.',
    true,
  ],
  [
    '1496',
    'motivation',
    'studiemotivation',
    'upper-secondary',
    'gymnasieskola',
    'Elever i årskurs 2 tappar motivationen när de inte ser vart utbildningen leder.',
    true,
  ],
  ['1472', 'motivation', 'framtidstro', '7-9', 'grundskola', 'Elever saknar förebilder och ser få vägar efter gymnasiet.', true],
  [
    '1498',
    'motivation',
    'övergången till gymnasiet',
    '7-9',
    'grundskola',
    'Information om eleverna når inte gymnasiet i tid vid övergången.',
    true,
  ],
];

/** Seeds the demo challenges as of `today`; returns how many were added. */
export async function seedDemoChallenges(db: DbOrTx, today: string): Promise<number> {
  if ((await db.select({ id: challenges.id }).from(challenges).limit(1)).length) return 0;
  const codes = [...new Set(demo.map((d) => d[0]))];
  const orgs = await db
    .select({ id: organisers.id, code: organisers.municipalityCode })
    .from(organisers)
    .where(and(inArray(organisers.municipalityCode, codes), eq(organisers.kind, 'municipal')));
  const byCode = new Map(orgs.map((o) => [o.code.trim(), o.id]));
  const fallback = orgs[0]?.id;
  let n = 0;
  for (const [i, [code, focus, sub, age, form, text, published]] of demo.entries()) {
    const tenantId = byCode.get(code) ?? fallback;
    if (!tenantId) continue;
    const at = new Date(Date.parse(`${today}T09:00:00Z`) - (40 - i * 3) * 86_400_000).toISOString();
    await db.insert(challenges).values({
      tenantId,
      id: randomUUID(),
      focusArea: focus,
      subChallenge: sub,
      ageGroup: age,
      schoolForm: form,
      description: text,
      municipalityCode: code,
      status: published ? 'published' : 'pending',
      submittedAt: at,
      reviewedAt: published ? at : null,
    });
    n++;
  }
  return n;
}
