/**
 * The handover file (docs/handovers.md, "The handover file"), following the KAA notice file: the sender exports a
 * handover for a school outside the installation — exporting a draft sends it, once — and the receiving installation's
 * principal imports it. The import is one transaction and idempotent (the delivery id: the same file twice is one
 * handover); it checks the format, the checksum, that the school unit is one of the importer's, that the student is
 * placed or admitted there (the admission wall) and each attachment's type and size. Refusals name the field, never a value.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Label } from '../../../shared/contract/endpoint.ts';
import { attachmentLimits } from '../../../shared/handovers/attachments.ts';
import {
  transferFile,
  transferFormat,
  transferVersion,
  type TransferFile,
  type TransferHandover,
} from '../../../shared/handovers/transfer-file.ts';
import { textProblem } from '../../../shared/input/index.ts';
import { parseCivicNo } from '../../../ingest/ss12000/civic-number.ts';
import { queryRows, type DbOrTx } from '../../db/client.ts';
import { handoverAttachments, handovers, handoverSettings } from '../../db/schema/index.ts';
import { assignmentsGranting, type ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { badInput, conflict } from '../interventions/refusals.ts';
import { sniffType } from './attachments.ts';
import { followUpAfterDays } from './commands.ts';
import { gradeCatalogue } from './grade-extract.ts';
import { checksumMismatch, fileChecksum, schoolUnitCode } from './file-checks.ts';
import type { HandoverRow } from './policy.ts';

const labels = { content: { sv: 'Överlämningsfil', en: 'Handover file' } };
const refuse = (what: Label) => badInput('content', what, labels);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const checksumOf = (f: Pick<TransferFile, 'handover' | 'attachments'>) =>
  fileChecksum({ handover: f.handover, attachments: f.attachments });

/** A skolenhetskod as the file carries it: eight digits, else none. */
const skolenhetskod = (code: string | null) => (code && /^\d{8}$/.test(code) ? code : null);

/** The file of a handover the sender reaches; a draft is sent by exporting it (once). Returns the file and the row. */
export async function exportHandover(db: DbOrTx, ctx: ActorContext, row: HandoverRow): Promise<{ file: TransferFile; row: HandoverRow }> {
  if (row.status === 'not-needed') throw conflict('Spara överlämningen som utkast innan den lämnas som fil.');
  if (row.route === 'kaa-to-school' && !row.content.consentBeyondPedagogical)
    throw badInput(
      'consentBeyondPedagogical',
      {
        sv: 'uppgifter från aktivitetsansvaret lämnas bara med den unges samtycke',
        en: "information from the activity responsibility is passed on only with the young person's consent",
      },
      {
        consentBeyondPedagogical: {
          sv: 'Samtycke till uppgifter utöver de pedagogiska',
          en: 'Consent for information beyond the pedagogical',
        },
      },
    );
  // A school outside the installation: the code the sender gave (outside-school.ts).
  const toCode = row.toUnitCode ?? skolenhetskod(await schoolUnitCode(db, row.toOrganiserId, row.toUnitId));
  if (!toCode)
    throw badInput(
      'toUnitId',
      { sv: 'skolenheten saknar skolenhetskod', en: 'the school unit has no school unit code' },
      {
        toUnitId: { sv: 'Mottagande skolenhet', en: 'Receiving school unit' },
      },
    );
  let current = row;
  if (row.status === 'draft') {
    const now = ctx.now.toISOString();
    const facts = { ...row.facts, gradeCatalogue: await gradeCatalogue(db, row, dateOf(ctx.now)) };
    const [updated] = await db
      .update(handovers)
      .set({ status: 'sent', facts, sentAt: now, sentBy: ctx.actor.accountId, version: row.version + 1, updatedAt: now })
      .where(and(eq(handovers.tenantId, row.tenantId), eq(handovers.id, row.id), eq(handovers.version, row.version)))
      .returning();
    if (!updated) throw conflict('Någon annan har ändrat överlämningen samtidigt. Läs in den igen.');
    current = updated;
  }
  const files = await db
    .select()
    .from(handoverAttachments)
    .where(and(eq(handoverAttachments.tenantId, row.tenantId), eq(handoverAttachments.handoverId, row.id)));
  const handover: TransferHandover = {
    deliveryId: current.deliveryId,
    route: current.route,
    student: {
      personnummer: current.civicNo,
      givenName: current.givenName,
      familyName: current.familyName,
      protectedIdentity: current.protectedIdentity,
    },
    from: {
      organiserName: current.fromOrganiserName,
      unitName: current.fromUnitName,
      unitCode: skolenhetskod(await schoolUnitCode(db, current.tenantId, current.fromUnitId)),
    },
    to: { organiserName: current.toOrganiserName, unitName: current.toUnitName, unitCode: toCode },
    leavesOn: current.leavesOn,
    startsOn: current.startsOn,
    sentAt: new Date(current.sentAt ?? ctx.now).toISOString(),
    triggers: current.triggers as TransferHandover['triggers'],
    facts: current.facts,
    content: current.protectedIdentity ? { ...current.content, contacts: '' } : current.content,
  };
  const attachments = files.map((f) => ({ fileName: f.fileName, content: f.content.toString('base64') }));
  return {
    file: { format: transferFormat, version: transferVersion, handover, attachments, checksum: checksumOf({ handover, attachments }) },
    row: current,
  };
}

/** Reads and checks a file's text; refusals name the file's part in words. */
function parseFile(content: string): TransferFile {
  if (textProblem(content, true))
    throw refuse({ sv: 'filen innehåller otillåtna tecken', en: 'the file contains characters that are not allowed' });
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    throw refuse({ sv: 'filen går inte att läsa som JSON', en: 'the file cannot be read as JSON' });
  }
  const d = doc as { format?: unknown; version?: unknown };
  if (d?.format !== transferFormat || d.version !== transferVersion)
    throw refuse({
      sv: 'okänt format: filen ska vara en överlämning från Fullfölj, version 1',
      en: 'unknown format: the file must be a Fullfölj handover, version 1',
    });
  const parsed = transferFile.safeParse(doc);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.slice(0, 2).join('.') ?? '';
    const part = where.startsWith('handover.student')
      ? { sv: 'uppgifterna om eleven', en: 'the student' }
      : where.startsWith('handover.to')
        ? { sv: 'den mottagande skolenheten', en: 'the receiving school unit' }
        : where.startsWith('attachments')
          ? { sv: 'bilagorna', en: 'the attachments' }
          : { sv: 'överlämningens innehåll', en: "the handover's content" };
    throw refuse({ sv: `${part.sv} saknas eller är ogiltiga`, en: `${part.en} are missing or invalid` });
  }
  // Over the file as written (zod's output orders keys by the schema, not as the sender wrote them).
  if (checksumOf(doc as TransferFile) !== parsed.data.checksum) throw refuse(checksumMismatch);
  return parsed.data;
}

/** Imports a handover file into the actor's tenant; the same file twice gives the first handover back. */
export async function importHandover(
  db: DbOrTx,
  ctx: ActorContext,
  content: string,
): Promise<{ id: string; duplicate: boolean; studentId: string }> {
  const file = parseFile(content);
  const h = file.handover;
  const tenantId = ctx.actor.tenantId!;
  const civic = parseCivicNo(h.student.personnummer);
  if (!civic.ok || civic.kind === 'temporary')
    throw refuse({ sv: 'elevens personnummer är inte giltigt', en: "the student's civic number is not valid" });
  const [unit] = await queryRows<{ id: string; name: string; organiser_name: string }>(
    db,
    sql`SELECT o.id, o.display_name AS name, og.name AS organiser_name FROM organisations o JOIN organisers og ON og.id = o.tenant_id
         WHERE o.tenant_id = ${tenantId}::uuid AND o.school_unit_code = ${h.to.unitCode} AND o.organisation_type = 'Skolenhet' LIMIT 1`,
  );
  const mine = new Set(assignmentsGranting(ctx.actor, 'handovers.write').flatMap((a) => (a.role === 'mentor' ? [] : a.unitIds)));
  if (!unit || !mine.has(unit.id))
    throw refuse({
      sv: 'den mottagande skolenheten är inte en av dina skolenheter',
      en: 'the receiving school unit is not one of your units',
    });
  const [placed] = await queryRows<{ person_id: string; start_date: string }>(
    db,
    sql`SELECT q.id AS person_id, n.start_date::text FROM persons q
          JOIN enrolments n ON n.tenant_id = q.tenant_id AND n.person_id = q.id AND NOT n.cancelled
         WHERE q.tenant_id = ${tenantId}::uuid AND q.civic_no = ${civic.civicNo} AND n.school_unit_id = ${unit.id}::uuid
         ORDER BY n.start_date DESC LIMIT 1`,
  );
  if (!placed)
    throw refuse({
      sv: 'eleven är inte placerad eller antagen vid skolenheten; filen kan läsas in när placeringen finns',
      en: 'the student is not placed at or admitted to the school unit; the file can be imported once the placement exists',
    });
  const files = file.attachments.map((a) => ({ ...a, bytes: Buffer.from(a.content, 'base64') }));
  for (const f of files)
    if (f.bytes.length > attachmentLimits.bytes || !sniffType(f.bytes) || textProblem(f.fileName, false))
      throw refuse({
        sv: 'en bilaga är inte en PDF, PNG eller JPEG på högst 5 MB',
        en: 'an attachment is not a PDF, PNG or JPEG of at most 5 MB',
      });
  const today = dateOf(ctx.now);
  const [settings] = await db.select().from(handoverSettings).where(eq(handoverSettings.tenantId, tenantId));
  const now = ctx.now.toISOString();
  const dedupeKey = `file:${h.deliveryId}`;
  const [row] = await db
    .insert(handovers)
    .values({
      tenantId,
      deliveryId: h.deliveryId,
      direction: 'received',
      status: 'sent',
      route: h.route,
      studentId: placed.person_id,
      civicNo: civic.civicNo,
      givenName: h.student.givenName,
      familyName: h.student.familyName,
      protectedIdentity: h.student.protectedIdentity,
      fromOrganiserId: '00000000-0000-0000-0000-000000000000',
      fromOrganiserName: h.from.organiserName,
      fromUnitName: h.from.unitName,
      leavesOn: h.leavesOn,
      toOrganiserId: tenantId,
      toOrganiserName: unit.organiser_name,
      toUnitId: unit.id,
      toUnitName: unit.name,
      startsOn: placed.start_date,
      triggers: h.triggers,
      facts: h.facts,
      content: h.student.protectedIdentity ? { ...h.content, contacts: '' } : h.content,
      sentAt: h.sentAt,
      deliveredAt: now,
      confirmBy: addDays(today, settings?.confirmDays ?? 14),
      followUpDue: addDays(placed.start_date > today ? placed.start_date : today, followUpAfterDays),
      dedupeKey,
    })
    .onConflictDoNothing()
    .returning({ id: handovers.id });
  if (!row) {
    const [existing] = await db
      .select({ id: handovers.id })
      .from(handovers)
      .where(and(eq(handovers.tenantId, tenantId), eq(handovers.direction, 'received'), eq(handovers.dedupeKey, dedupeKey)));
    return { id: existing!.id, duplicate: true, studentId: placed.person_id };
  }
  for (const f of files)
    await db.insert(handoverAttachments).values({
      tenantId,
      handoverId: row.id,
      fileName: f.fileName,
      mediaType: sniffType(f.bytes)!.mediaType,
      sizeBytes: f.bytes.length,
      content: f.bytes,
    });
  return { id: row.id, duplicate: false, studentId: placed.person_id };
}
