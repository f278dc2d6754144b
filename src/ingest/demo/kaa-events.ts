/**
 * The demo region's KAA events beside the yearly rhythm of kaa.ts, each through the register's own code: principals
 * confirm most of the significant-absence notices proposed today (the rest wait, as proposals); a school outside the
 * region sends a notice file saying that some young people started there (imported by their home municipality, so the
 * target group comes down to about the published 9 % of the age group); two false positives are dismissed with a
 * reason. A random of its own, so that the work kaa.ts records after it meets the young people as before.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client.ts';
import { queryRows } from '../../server/db/client.ts';
import { kaaNotices, kaaYouth } from '../../server/db/schema/index.ts';
import type { ActorContext } from '../../server/platform/context.ts';
import { confirmProposal } from '../../server/modules/kaa/notices.ts';
import { importNoticeFile } from '../../server/modules/kaa/notice-file.ts';
import { refreshTargetGroup } from '../../server/modules/kaa/refresh.ts';
import { dismiss } from '../../server/modules/kaa/work.ts';
import type { NoticeFileRecord } from '../../shared/kaa/contract.ts';
import { createRandom, stableId, type Random } from './random.ts';

/** The municipality whose half-year is ready to report (the demo `kaa` officer's), and the one whose slips kaa.ts keeps. */
const demoKaaReadyMunicipality = '1496';
const demoKaaSloppyMunicipality = '1494';
/** Lidköping's register is left as the yearly rhythm made it, so that its few slips stay. */
const touchable = (municipal: readonly Municipal[]) => municipal.filter((m) => m.code !== demoKaaSloppyMunicipality);

/** The share of 16–19-year-olds in the target group the demo aims at (Skolverket: "knappt tio procent", H2 2021; ~9 %, H2 2022). */
export const demoKaaTargetShare = 0.09;

const DAY = 86_400_000;
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** The first account holding `role` in each tenant. */
async function accountsByRole(tx: DbOrTx, role: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ tenant_id: string; account_id: string }>(
    tx,
    sql`SELECT DISTINCT ON (tenant_id) tenant_id, account_id FROM role_assignments WHERE role = ${role} ORDER BY tenant_id, account_id`,
  );
  return new Map(rows.map((r) => [r.tenant_id, r.account_id]));
}

const actorOn = (day: string, tenantId: string, accountId: string, label: string): ActorContext => ({
  requestId: `demo-kaa:${label}:${day}`,
  ip: 'local',
  now: new Date(`${day}T10:00:00Z`),
  actor: { accountId, username: `demo-${label}`, displayName: label, tenantId, assignments: [] },
});

/** The principals confirm about two in three of the significant-absence notices proposed (from early detection). */
export async function confirmAbsence(tx: DbOrTx, seed: number, today: string): Promise<number> {
  const random = createRandom(seed * 104_729 + 17);
  const principals = await accountsByRole(tx, 'rektor');
  const proposed = await tx
    .select()
    .from(kaaNotices)
    .where(and(eq(kaaNotices.direction, 'sent'), eq(kaaNotices.status, 'proposed')))
    .orderBy(kaaNotices.tenantId, kaaNotices.civicNo, kaaNotices.eventDate);
  let confirmed = 0;
  for (const notice of proposed) {
    if (!random.chance(0.67)) continue;
    const principal = principals.get(notice.tenantId) ?? stableId(seed, 'principal', notice.tenantId);
    await confirmProposal(tx, actorOn(today, notice.tenantId, principal, 'rektor'), notice);
    confirmed += 1;
  }
  return confirmed;
}

interface Municipal {
  id: string;
  name: string;
  code: string;
}

/**
 * A school outside the region (in no tenant of the installation) sends a notice file: young people who left a
 * programme here started there. Each home municipality imports it; the recomputation takes them out of the group with
 * the reason "started", dated by the notice. As many as bring the region to about `demoKaaTargetShare`.
 */
export async function startsElsewhere(tx: DbOrTx, seed: number, municipal: readonly Municipal[], today: string): Promise<number> {
  const random = createRandom(seed * 130_363 + 29);
  const lowest = `${Number(today.slice(0, 4)) - 20}${today.slice(4)}`;
  const highest = `${Number(today.slice(0, 4)) - 16}${today.slice(4)}`;
  const [counts] = await queryRows<{ aged: number; in_group: number }>(
    tx,
    sql`SELECT (SELECT count(*)::int FROM kaa_population WHERE birth_date > ${lowest}::date AND birth_date <= ${highest}::date) AS aged,
               (SELECT count(*)::int FROM kaa_youth WHERE in_group AND birth_date > ${lowest}::date AND birth_date <= ${highest}::date) AS in_group`,
  );
  // Two more leave as dismissed false positives (dismissFalsePositives).
  const excess = (counts?.in_group ?? 0) - Math.round((counts?.aged ?? 0) * demoKaaTargetShare) - 2;
  if (excess <= 0) return 0;
  const candidates = await queryRows<{
    tenant_id: string;
    civic_no: string;
    given_name: string;
    family_name: string;
    registered_on: string;
  }>(
    tx,
    sql`SELECT y.tenant_id, y.civic_no, y.given_name, y.family_name, r.registered_on::text
          FROM kaa_youth y JOIN kaa_registrations r ON r.tenant_id = y.tenant_id AND r.youth_id = y.id AND r.deregistered_on IS NULL
         WHERE y.in_group AND r.registration_reason IN ('dropout-national', 'left-introduction')
           AND r.registered_on <= ${addDays(today, -30)}::date AND y.birth_date > ${lowest}::date
         ORDER BY y.civic_no`,
  );
  const allowed = new Set(touchable(municipal).map((m) => m.id));
  const chosen = pickSpread(
    random,
    candidates.filter((c) => allowed.has(c.tenant_id)),
    excess,
  );
  let started = 0;
  for (const m of municipal) {
    const mine = chosen.filter((c) => c.tenant_id === m.id);
    if (mine.length === 0) continue;
    const notices: NoticeFileRecord[] = mine.map((c) => {
      const introduction = random.chance(0.3);
      const from = c.registered_on > addDays(today, -120) ? c.registered_on : addDays(today, -120);
      return {
        kind: 'start',
        personnummer: c.civic_no,
        fornamn: c.given_name,
        efternamn: c.family_name,
        skolenhetskod: '91827364',
        skolenhet: 'Nordstadens gymnasium, Göteborg',
        programkod: introduction ? 'IMYRK' : random.pick(['BA', 'HT', 'EE', 'VO']),
        program: introduction ? 'Yrkesintroduktion' : null,
        datum: addDays(from, random.int(1, Math.max(1, Math.round((Date.parse(today) - Date.parse(from)) / DAY) - 1))),
        orsak: 'new-student',
        hemkommun: m.code,
        avsandare: 'Göteborgs Stad, utbildningsförvaltningen',
      };
    });
    const file = { format: 'fullfolj-kaa-notices', version: 1, created: `${today}T07:00:00Z`, notices };
    const outcome = await importNoticeFile(
      tx,
      m.id,
      m.code,
      { format: 'json', content: JSON.stringify(file) },
      new Date(`${today}T07:30:00Z`),
    );
    if (outcome.problems.length > 0)
      throw new Error(`Demoregionens meddelandefil till ${m.name} hade fel: ${outcome.problems[0]?.message}`);
    started += outcome.imported;
    await refreshTargetGroup(tx, m.id, today);
  }
  return started;
}

/** Exactly `count` of the items (all when fewer), chosen at random and kept in their order. */
function pickSpread<T>(random: Random, items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  const indices = items.map((_, i) => i);
  for (let i = indices.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  return indices
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}

const falsePositives = [
  {
    reason: 'in-education-elsewhere',
    note: 'Går på en gymnasieskola i Norge enligt vårdnadshavaren; intyg från skolan finns.',
    registrationReason: 'never-started',
  },
  {
    reason: 'in-education-elsewhere',
    note: 'Går på en fristående gymnasieskola i Borås; skolan hade inte skickat något meddelande.',
    registrationReason: 'dropout-national',
  },
] as const;

/** Two young people on the list who should not be there, dismissed by the officer with a reason and a note. */
export async function dismissFalsePositives(tx: DbOrTx, seed: number, municipal: readonly Municipal[], today: string): Promise<number> {
  const officers = await accountsByRole(tx, 'kaa');
  let dismissed = 0;
  const ready = municipal.find((m) => m.code === demoKaaReadyMunicipality) ?? municipal[0];
  const used: string[] = [];
  for (const [i, fp] of falsePositives.entries()) {
    // The first in the demo officer's municipality if it has one, the second in another one.
    const on = addDays(today, -(12 + i * 9));
    const preferred = i === 0 ? sql`y.tenant_id = ${ready?.id ?? null}::uuid` : sql`y.tenant_id <> ${ready?.id ?? null}::uuid`;
    const taken =
      used.length > 0
        ? sql`AND y.id NOT IN (${sql.join(
            used.map((u) => sql`${u}::uuid`),
            sql`, `,
          )})`
        : sql``;
    const [candidate] = await queryRows<{ id: string; tenant_id: string }>(
      tx,
      sql`SELECT y.id, y.tenant_id FROM kaa_youth y
            JOIN kaa_registrations r ON r.tenant_id = y.tenant_id AND r.youth_id = y.id AND r.deregistered_on IS NULL
           WHERE y.in_group ${taken} AND r.registration_reason = ${fp.registrationReason} AND r.registered_on < ${on}::date
             AND y.tenant_id IN (${sql.join(
               touchable(municipal).map((m) => sql`${m.id}::uuid`),
               sql`, `,
             )})
           ORDER BY (${preferred}) DESC, y.tenant_id, y.civic_no LIMIT 1`,
    );
    const m = municipal.find((x) => x.id === candidate?.tenant_id);
    if (!candidate || !m) continue;
    used.push(candidate.id);
    const [youth] = await tx
      .select()
      .from(kaaYouth)
      .where(and(eq(kaaYouth.tenantId, m.id), eq(kaaYouth.id, candidate.id)));
    if (!youth) continue;
    const officer = officers.get(m.id) ?? stableId(seed, 'kaa-officer', m.code);
    await dismiss(tx, actorOn(on, m.id, officer, 'kaa'), youth, { reason: fp.reason, note: fp.note });
    dismissed += 1;
  }
  return dismissed;
}
