/**
 * Two demo organisers' implementation plans at different stages (docs/region-network.md): Skövde's self-assessment
 * is complete (measurable items at the level its own data suggests) with six actions, three done; Lidköping has begun
 * (three items answered, two actions planned). Idempotent: an organiser with answers is left alone.
 */
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { implementationPlanAnswers, organisers } from '../../server/db/schema/index.ts';
import { frameworkItems } from '../../shared/implementation-plan/framework.ts';
import { measurePlan } from '../../server/modules/implementation-plan/measures.ts';
import { addAction, saveAnswer, updateAction } from '../../server/modules/implementation-plan/plan.ts';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const skovdeActions: [item: string, title: string, owner: string, dueIn: number, done: boolean][] = [
  ['roles-team', 'Utse ansvarigt team för tidig upptäckt på varje skolenhet', 'Förvaltningschef', -90, true],
  ['data-review', 'Fasta tider för genomgång av varningssignaler varje månad', 'Rektorerna', -60, true],
  ['catalogue', 'Sammanställ insatskatalogen med metodernas stöd', 'Elevhälsochef', -20, true],
  ['follow-up-dates', 'Påminnelser om uppföljning i elevhälsoteamens möten', 'Elevhälsochef', 20, false],
  ['cooperation-social', 'Överenskommelse med socialtjänsten om samverkan', 'Förvaltningschef', 75, false],
  ['evaluation', 'Utvärdera arbetet i kvalitetsrapporten', 'Kvalitetsstrateg', 150, false],
];
const lidkopingActions: [string, string, string, number][] = [
  ['roles-team', 'Utse ansvariga team på gymnasieskolorna', 'Rektorerna', 30],
  ['chain-anchoring', 'Dragning för utbildningsnämnden', 'Förvaltningschef', 45],
];

async function organiserIn(db: DbOrTx, code: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: organisers.id })
    .from(organisers)
    .where(and(eq(organisers.municipalityCode, code), eq(organisers.kind, 'municipal')));
  return row?.id;
}

/** Seeds the two plans as of `today`; returns how many organisers got one. */
export async function seedDemoPlans(db: DbOrTx, today: string): Promise<number> {
  let n = 0;
  const now = new Date(`${today}T12:00:00Z`);
  const skovde = await organiserIn(db, '1496');
  if (
    skovde &&
    !(await db.select().from(implementationPlanAnswers).where(eq(implementationPlanAnswers.tenantId, skovde)).limit(1)).length
  ) {
    const figures = await measurePlan(db, skovde, today);
    for (const item of frameworkItems) {
      const suggested = item.measure ? figures[item.measure].suggestedLevel : null;
      await saveAnswer(
        db,
        skovde,
        item.key,
        suggested ?? 2,
        suggested === null ? 'Bedömt i ledningsgruppen.' : 'Enligt plattformens siffror.',
        null,
        now.toISOString(),
      );
    }
    for (const [item, title, owner, dueIn, done] of skovdeActions) {
      const id = await addAction(db, skovde, { itemKey: item, title, owner, dueOn: addDays(today, dueIn) }, null, today);
      if (done)
        await updateAction(
          db,
          skovde,
          id,
          { itemKey: item, title, owner, dueOn: addDays(today, dueIn), status: 'done' },
          null,
          now,
          addDays(today, dueIn - 3),
        );
    }
    n++;
  }
  const lidkoping = await organiserIn(db, '1494');
  if (
    lidkoping &&
    !(await db.select().from(implementationPlanAnswers).where(eq(implementationPlanAnswers.tenantId, lidkoping)).limit(1)).length
  ) {
    for (const [key, level] of [
      ['roles-team', 1],
      ['data-tool', 1],
      ['chain-anchoring', 0],
    ] as const)
      await saveAnswer(db, lidkoping, key, level, '', null, now.toISOString());
    for (const [item, title, owner, dueIn] of lidkopingActions)
      await addAction(db, lidkoping, { itemKey: item, title, owner, dueOn: addDays(today, dueIn) }, null, today);
    n++;
  }
  return n;
}
