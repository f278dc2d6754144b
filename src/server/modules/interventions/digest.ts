/**
 * The daily digest of follow-ups: every account responsible for follow-ups that are overdue or due within seven days
 * gets one in-app notification per day (`notifications`, unique per account, kind and day, so a second run the same
 * day adds nothing), holding ids only. When an SMTP server is configured (FULLFOLJ_SMTP_URL), each notification not
 * yet e-mailed is also sent by e-mail — counts and a link only, never a student's name or any personal data, since
 * e-mail leaves the platform — and marked `emailed_at`, so a failed send is retried by the next run.
 */
import { addDays, format, parseISO } from 'date-fns';
import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { queryRows, type Database, type DbOrTx } from '../../db/client.ts';
import { describeError } from '../../platform/error-kinds.ts';
import {
  createHandoverReminders,
  HANDOVER_REMINDER_KIND,
  handoverReminderEmail,
  type HandoverReminderPayload,
} from '../handovers/reminders.ts';

export const DIGEST_KIND = 'follow-up-digest';
/** Follow-ups due within this many days count as upcoming. */
export const UPCOMING_DAYS = 7;

export interface DigestPayload {
  overdue: { followUpId: string; caseId: string; dueOn: string }[];
  upcoming: { followUpId: string; caseId: string; dueOn: string }[];
}

export interface MailSettings {
  /** smtp://user:pass@host:port or smtps://…; unset: in-app notifications only. */
  smtpUrl?: string | undefined;
  from?: string | undefined;
  /** The platform's address for the link in the e-mail. */
  publicUrl?: string | undefined;
}

export interface DigestResult {
  forDate: string;
  /** Notifications created by this run (a second run the same day creates none). */
  created: number;
  /** Accounts with follow-ups to be reminded of. */
  accounts: number;
  emailed: number;
  /** Accounts without an e-mail address (username or a work address on their staff person). */
  noAddress: number;
  failed: number;
  smtp: boolean;
}

type Due = { tenant_id: string; account_id: string; follow_up_id: string; case_id: string; due_on: string };

/** Creates today's notifications in `db`; returns how many accounts were due and how many notifications are new. */
export async function createDigestNotifications(db: DbOrTx, today: string): Promise<{ accounts: number; created: number }> {
  const until = format(addDays(parseISO(today), UPCOMING_DAYS), 'yyyy-MM-dd');
  const due = await queryRows<Due>(
    db,
    sql`
    SELECT f.tenant_id, f.responsible_id AS account_id, f.id AS follow_up_id, f.case_id, f.due_on::text AS due_on
      FROM intervention_follow_ups f
      JOIN cases c ON c.tenant_id = f.tenant_id AND c.id = f.case_id AND c.status <> 'closed'
      JOIN accounts a ON a.id = f.responsible_id AND NOT a.disabled
     WHERE f.done_on IS NULL AND f.due_on <= ${until}::date
     ORDER BY f.tenant_id, f.responsible_id, f.due_on, f.id`,
  );
  const byAccount = new Map<string, { tenantId: string; accountId: string; payload: DigestPayload }>();
  for (const d of due) {
    const key = `${d.tenant_id}/${d.account_id}`;
    const entry = byAccount.get(key) ?? { tenantId: d.tenant_id, accountId: d.account_id, payload: { overdue: [], upcoming: [] } };
    entry.payload[d.due_on < today ? 'overdue' : 'upcoming'].push({ followUpId: d.follow_up_id, caseId: d.case_id, dueOn: d.due_on });
    byAccount.set(key, entry);
  }
  let created = 0;
  for (const { tenantId, accountId, payload } of byAccount.values()) {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`
      INSERT INTO notifications (tenant_id, account_id, kind, for_date, payload)
      VALUES (${tenantId}::uuid, ${accountId}::uuid, ${DIGEST_KIND}, ${today}::date, ${JSON.stringify(payload)}::jsonb)
      ON CONFLICT (tenant_id, account_id, kind, for_date) DO NOTHING RETURNING id`,
    );
    created += rows.length;
  }
  return { accounts: byAccount.size, created };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The e-mail text: counts and a link, nothing about any student. */
export function digestEmail(payload: DigestPayload, publicUrl: string): { subject: string; text: string } {
  const overdue = payload.overdue.length;
  const upcoming = payload.upcoming.length;
  const link = `${publicUrl.replace(/\/$/, '')}/`;
  return {
    subject: 'Fullfölj: uppföljningar att göra (follow-ups due)',
    text: [
      'Hej!',
      '',
      `Du har ${overdue} försenade uppföljningar och ${upcoming} uppföljningar de närmaste ${UPCOMING_DAYS} dagarna i Fullfölj.`,
      `Logga in för att se dem: ${link}`,
      '',
      `You have ${overdue} overdue follow-ups and ${upcoming} due within ${UPCOMING_DAYS} days in Fullfölj. Sign in to see them: ${link}`,
      '',
      'Det här meddelandet innehåller inga uppgifter om elever. (This message contains no student data.)',
    ].join('\n'),
  };
}

/** E-mails today's notifications not yet sent, and marks them sent. */
async function emailNotifications(database: Database, today: string, mail: MailSettings & { smtpUrl: string }) {
  const pending = await queryRows<{
    id: string;
    tenant_id: string;
    kind: string;
    payload: DigestPayload | HandoverReminderPayload;
    username: string;
    person_emails: { type?: string; value: string }[] | null;
  }>(
    database.db,
    sql`
    SELECT n.id, n.tenant_id, n.kind, n.payload, a.username,
           (SELECT p.contact->'emails' FROM role_assignments ra JOIN persons p ON p.tenant_id = ra.tenant_id AND p.id = ra.person_id
             WHERE ra.tenant_id = n.tenant_id AND ra.account_id = n.account_id AND p.contact->'emails' IS NOT NULL LIMIT 1) AS person_emails
      FROM notifications n JOIN accounts a ON a.id = n.account_id
     WHERE n.kind IN (${DIGEST_KIND}, ${HANDOVER_REMINDER_KIND}) AND n.for_date = ${today}::date AND n.emailed_at IS NULL ORDER BY n.tenant_id, n.id`,
  );
  const transport = nodemailer.createTransport(mail.smtpUrl);
  const counts = { emailed: 0, noAddress: 0, failed: 0 };
  try {
    for (const n of pending) {
      const work = n.person_emails?.find((e) => /tjänst|work/i.test(e.type ?? '')) ?? n.person_emails?.[0];
      const to = emailPattern.test(n.username) ? n.username : work && emailPattern.test(work.value) ? work.value : null;
      if (!to) {
        counts.noAddress += 1;
        continue;
      }
      try {
        await transport.sendMail({
          from: mail.from ?? 'Fullfölj <noreply@fullfolj.invalid>',
          to,
          // The handovers' reminders (handovers/reminders.ts) have their own text; both are counts and a link only.
          ...(n.kind === HANDOVER_REMINDER_KIND
            ? handoverReminderEmail(n.payload as HandoverReminderPayload, mail.publicUrl ?? 'http://127.0.0.1:3000')
            : digestEmail(n.payload as DigestPayload, mail.publicUrl ?? 'http://127.0.0.1:3000')),
        });
        await database.db.execute(
          sql`UPDATE notifications SET emailed_at = now() WHERE tenant_id = ${n.tenant_id}::uuid AND id = ${n.id}::uuid`,
        );
        counts.emailed += 1;
      } catch (error) {
        // Logged without the address; the next run retries (emailed_at stays null).
        // An SMTP server's message may quote the recipient: only the error's kind and code are printed.
        process.stderr.write(`Påminnelsen kunde inte skickas (digest e-mail failed): ${JSON.stringify(describeError(error))}\n`);
        counts.failed += 1;
      }
    }
  } finally {
    transport.close();
  }
  return counts;
}

/** The daily digest for `today`: in-app notifications, and e-mail when `mail.smtpUrl` is set. */
export async function runDigest(database: Database, today: string, mail: MailSettings = {}): Promise<DigestResult> {
  const { accounts, created } = await database.db.transaction(async (tx) => {
    const followUps = await createDigestNotifications(tx, today);
    // Handover deadlines (src/server/modules/handovers/reminders.ts), in the same notifications; e-mailed below too.
    const handovers = await createHandoverReminders(tx, today);
    return { accounts: followUps.accounts + handovers.accounts, created: followUps.created + handovers.created };
  });
  const smtpUrl = mail.smtpUrl;
  const sent = smtpUrl ? await emailNotifications(database, today, { ...mail, smtpUrl }) : { emailed: 0, noAddress: 0, failed: 0 };
  return { forDate: today, accounts, created, ...sent, smtp: Boolean(smtpUrl) };
}
