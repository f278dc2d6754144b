/**
 * Handover reminders (docs/handovers.md), in the interventions' daily digest (`runDigest`, `fullfolj interventions
 * digest`): one in-app notification per principal and day, ids only, like the follow-ups' digest and listed by the same
 * notifications route. The sending unit's principal is reminded of drafts not sent by their send-by date (the term
 * starts); the receiving unit's principal of handovers not confirmed by their confirm-by date (skollagen 3 kap. 12 j §:
 * "skyndsamt"). Both overdue and due within `HANDOVER_UPCOMING_DAYS`; nobody else is reminded.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../db/client.ts';

export const HANDOVER_REMINDER_KIND = 'handover-reminders';
/** A deadline within this many days counts as upcoming. */
export const HANDOVER_UPCOMING_DAYS = 7;

/** Which deadline: the sender's (send the draft) or the receiver's (confirm receipt). */
export type HandoverDeadline = 'send' | 'confirm';

export interface HandoverReminderPayload {
  overdue: { handoverId: string; deadline: HandoverDeadline; dueOn: string }[];
  upcoming: { handoverId: string; deadline: HandoverDeadline; dueOn: string }[];
}

interface Due extends Record<string, unknown> {
  tenant_id: string;
  account_id: string;
  handover_id: string;
  deadline: HandoverDeadline;
  due_on: string;
}

/** The principals with a handover deadline passed or within `HANDOVER_UPCOMING_DAYS` of `today`, one row per handover. */
export async function handoverDeadlines(db: DbOrTx, today: string): Promise<Due[]> {
  const until = sql`(${today}::date + ${HANDOVER_UPCOMING_DAYS}::int)`;
  return queryRows<Due>(
    db,
    sql`SELECT h.tenant_id, ra.account_id, h.id AS handover_id, 'send' AS deadline, h.send_by::text AS due_on
          FROM handovers h
          JOIN role_assignments ra ON ra.tenant_id = h.tenant_id AND ra.role = 'rektor' AND h.from_unit_id = ANY(ra.unit_ids)
          JOIN accounts a ON a.id = ra.account_id AND NOT a.disabled
         WHERE h.direction = 'sent' AND h.status = 'draft' AND h.send_by <= ${until}
        UNION ALL
        SELECT h.tenant_id, ra.account_id, h.id, 'confirm', h.confirm_by::text
          FROM handovers h
          JOIN role_assignments ra ON ra.tenant_id = h.tenant_id AND ra.role = 'rektor' AND h.to_unit_id = ANY(ra.unit_ids)
          JOIN accounts a ON a.id = ra.account_id AND NOT a.disabled
         WHERE h.direction = 'received' AND h.status = 'sent' AND h.confirm_by <= ${until}
         ORDER BY 1, 2, 5, 3`,
  );
}

/** Creates today's handover notifications (a second run the same day adds none); returns accounts and new rows. */
export async function createHandoverReminders(db: DbOrTx, today: string): Promise<{ accounts: number; created: number }> {
  const byAccount = new Map<string, { tenantId: string; accountId: string; payload: HandoverReminderPayload }>();
  for (const d of await handoverDeadlines(db, today)) {
    const key = `${d.tenant_id}/${d.account_id}`;
    const entry = byAccount.get(key) ?? { tenantId: d.tenant_id, accountId: d.account_id, payload: { overdue: [], upcoming: [] } };
    entry.payload[d.due_on < today ? 'overdue' : 'upcoming'].push({ handoverId: d.handover_id, deadline: d.deadline, dueOn: d.due_on });
    byAccount.set(key, entry);
  }
  let created = 0;
  for (const { tenantId, accountId, payload } of byAccount.values()) {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`INSERT INTO notifications (tenant_id, account_id, kind, for_date, payload)
          VALUES (${tenantId}::uuid, ${accountId}::uuid, ${HANDOVER_REMINDER_KIND}, ${today}::date, ${JSON.stringify(payload)}::jsonb)
          ON CONFLICT (tenant_id, account_id, kind, for_date) DO NOTHING RETURNING id`,
    );
    created += rows.length;
  }
  return { accounts: byAccount.size, created };
}

/** The reminder's e-mail (digest.ts sends it when SMTP is configured): counts and a link, nothing about any student. */
export function handoverReminderEmail(payload: HandoverReminderPayload, publicUrl: string): { subject: string; text: string } {
  const all = [...payload.overdue, ...payload.upcoming];
  const confirm = all.filter((d) => d.deadline === 'confirm').length;
  const send = all.filter((d) => d.deadline === 'send').length;
  const link = `${publicUrl.replace(/\/$/, '')}/overlamningar`;
  return {
    subject: 'Fullfölj: överlämningar väntar (handovers waiting)',
    text: [
      'Hej!',
      '',
      ...(confirm ? [`${confirm} överlämningar väntar på kvittens.`] : []),
      ...(send ? [`${send} överlämningar väntar på att skickas.`] : []),
      `Logga in för att se dem: ${link}`,
      '',
      `${confirm} handovers are waiting for a receipt and ${send} to be sent. Sign in to see them: ${link}`,
      '',
      'Det här meddelandet innehåller inga uppgifter om elever. (This message contains no student data.)',
    ].join('\n'),
  };
}
