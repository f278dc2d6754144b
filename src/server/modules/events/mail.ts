/**
 * The sign-up's confirmation e-mail, when an SMTP server is configured (FULLFOLJ_SMTP_URL): the event's title,
 * time, place or link and the calendar address, to the address given — nothing else about the person. A failure to
 * send never undoes the sign-up; it is logged by kind only (the server's message may quote the address).
 */
import nodemailer from 'nodemailer';
import type { NetworkEvent } from '../../../shared/events/contract.ts';
import { dateTimeFormat } from '../../../shared/contract/intl.ts';

export interface MailSettings {
  smtpUrl: string | undefined;
  from?: string | undefined;
}

const when = (iso: string) =>
  dateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

/** The confirmation's subject and text. */
export function confirmationEmail(event: Pick<NetworkEvent, 'title' | 'startsAt' | 'endsAt' | 'place' | 'link'>, calendarUrl: string) {
  const where = [event.place, event.link].filter(Boolean).join(', ');
  return {
    subject: `Anmälan bekräftad: ${event.title}`,
    text: [
      `Du är anmäld till ${event.title}.`,
      `Tid: ${when(event.startsAt)} – ${when(event.endsAt)}`,
      where ? `Plats: ${where}` : '',
      `Lägg in i din kalender: ${calendarUrl}`,
      '',
      'Din anmälan (namn, organisation och e-postadress) raderas 30 dagar efter evenemanget.',
      '',
      `You are signed up for ${event.title}. Add it to your calendar: ${calendarUrl}`,
    ]
      .filter((l, i, all) => l !== '' || all[i - 1] !== '')
      .join('\n'),
  };
}

/** Sends the confirmation; true when sent, false when no SMTP is configured or sending failed. */
export async function sendConfirmation(settings: MailSettings, to: string, event: NetworkEvent, calendarUrl: string): Promise<boolean> {
  if (!settings.smtpUrl) return false;
  const transport = nodemailer.createTransport(settings.smtpUrl);
  try {
    await transport.sendMail({
      from: settings.from ?? 'Fullfölj <noreply@fullfolj.invalid>',
      to,
      ...confirmationEmail(event, calendarUrl),
    });
    return true;
  } catch (error) {
    const kind = error instanceof Error ? error.name : 'unknown';
    process.stderr.write(`Bekräftelsen kunde inte skickas (sign-up e-mail failed): ${kind}\n`);
    return false;
  } finally {
    transport.close();
  }
}
