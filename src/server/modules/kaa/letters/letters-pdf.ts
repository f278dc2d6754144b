/**
 * The contact letters as one PDF, one page per young person, for printing and posting in window envelopes. A protected
 * identity (skyddad folkbokföring, sekretessmarkering) never gets an address here: planLetters leaves them out and
 * lists them, and their letters go through the Swedish Tax Agency's forwarding instead (docs/kaa-report.md).
 */
import { newPdf } from '../../interventions/action-programme-pdf.ts';
import { fill, type LetterTemplate } from './templates.ts';

export interface LetterCandidate {
  personId: string;
  givenName: string;
  familyName: string;
  securityMarking: string;
  address: { streetAddress: string; postalCode: string; locality: string } | null;
}

export interface LetterRecipient {
  personId: string;
  givenName: string;
  name: string;
  address: { streetAddress: string; postalCode: string; locality: string };
}

export type SkipReason = 'protected-identity' | 'no-address';
export interface SkippedLetter {
  personId: string;
  name: string;
  reason: SkipReason;
}

/** Who gets a printed letter, and who does not and why: protected identities and those without an address. */
export function planLetters(candidates: readonly LetterCandidate[]): { recipients: LetterRecipient[]; skipped: SkippedLetter[] } {
  const recipients: LetterRecipient[] = [];
  const skipped: SkippedLetter[] = [];
  const sorted = [...candidates].sort(
    (a, b) => a.familyName.localeCompare(b.familyName, 'sv') || a.givenName.localeCompare(b.givenName, 'sv'),
  );
  for (const c of sorted) {
    const name = `${c.givenName} ${c.familyName}`;
    if (c.securityMarking !== 'Ingen') skipped.push({ personId: c.personId, name, reason: 'protected-identity' });
    else if (!c.address) skipped.push({ personId: c.personId, name, reason: 'no-address' });
    else recipients.push({ personId: c.personId, givenName: c.givenName, name, address: c.address });
  }
  return { recipients, skipped };
}

export interface LetterContext {
  municipality: string;
  officer: string;
  phone: string;
  email: string;
  /** The date printed on the letters, as the template's language writes it. */
  date: string;
}

/** One PDF with a letter per recipient (nothing but a cover line when there are none). */
export function lettersPdf(template: LetterTemplate, recipients: readonly LetterRecipient[], context: LetterContext): Promise<Buffer> {
  const builder = newPdf(template.subject, context.municipality);
  const { doc } = builder;
  doc.info.Subject = template.subject;
  if (recipients.length === 0) doc.font('Helvetica').fontSize(11).text('–');
  recipients.forEach((r, i) => {
    if (i > 0) doc.addPage();
    const values = { ...context, firstName: r.givenName };
    // The address where a C5/C4 window envelope shows it.
    doc.font('Helvetica').fontSize(9).fillColor('#444').text(context.municipality, 56, 56).fillColor('black');
    doc.fontSize(11).text(r.name, 320, 130).text(r.address.streetAddress).text(`${r.address.postalCode} ${r.address.locality}`);
    doc.text(fill(template.dated, values), 56, 230);
    doc.moveDown(1.5).font('Helvetica-Bold').fontSize(14).text(template.subject);
    doc.moveDown(0.8).font('Helvetica').fontSize(11).text(fill(template.greeting, values));
    for (const p of template.paragraphs) doc.moveDown(0.6).text(fill(p, values), { align: 'left' });
    doc.moveDown(1).font('Helvetica-Bold').text(template.contactHeading).font('Helvetica');
    doc.text(context.officer);
    if (context.phone) doc.text(`${template.labels.phone}: ${context.phone}`);
    if (context.email) doc.text(`${template.labels.email}: ${context.email}`);
    doc.moveDown(1).text(template.closing).text(context.officer).text(context.municipality);
    doc
      .fontSize(8)
      .fillColor('#444')
      .text(fill(template.footer, values), 56, doc.page.height - 110, { width: doc.page.width - 112 })
      .fillColor('black');
  });
  doc.end();
  return builder.done;
}
