/**
 * The contact letters' routes (youth-register.read): who is newly registered and gets a letter, who does not and why,
 * and the letters as one PDF. A protected identity's address is never read for a letter (the register keeps none).
 */
import { sql } from 'drizzle-orm';
import { lettersApi, lettersBody, lettersLabels, lettersPdfPath, skipReasonLabels } from '../../../../shared/kaa/letters.ts';
import { queryRows, type DbOrTx } from '../../../db/client.ts';
import { logAccess } from '../../../platform/access-log.ts';
import { dateOf } from '../../../platform/dates.ts';
import { HttpError } from '../../../platform/errors.ts';
import { defineRoute, routeFor, type RouteDefinition } from '../../../platform/routes.ts';
import { actorArea } from '../report/load.ts';
import { lettersPdf, planLetters, type LetterCandidate } from './letters-pdf.ts';
import { letterTemplates, templateFor } from './templates.ts';
import { accountNames } from '../../interventions/queries.ts';
import { dateTimeFormat } from '../../../../shared/contract/intl.ts';

const purpose = 'kontakt med unga i det kommunala aktivitetsansvaret';

/** Thirty days before today: the default for "newly registered". */
export function defaultRegisteredFrom(today: string): string {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 30);
  return d.toISOString().slice(0, 10);
}

/** Young people with an open registration from the date on, with what a letter needs. */
async function newlyRegistered(db: DbOrTx, tenantId: string, from: string): Promise<(LetterCandidate & { registeredOn: string })[]> {
  const rows = await queryRows<{
    id: string;
    given_name: string;
    family_name: string;
    protected: boolean;
    address: { streetAddress?: string; postalCode?: string; locality?: string } | null;
    registered_on: string;
  }>(
    db,
    sql`SELECT y.id, y.given_name, y.family_name, y.protected, CASE WHEN y.protected THEN NULL ELSE y.address END AS address,
               r.registered_on::text AS registered_on
          FROM kaa_registrations r JOIN kaa_youth y ON y.tenant_id = r.tenant_id AND y.id = r.youth_id
         WHERE r.tenant_id = ${tenantId}::uuid AND r.deregistered_on IS NULL AND r.registered_on >= ${from}::date
         ORDER BY y.family_name, y.given_name`,
  );
  return rows.map((r) => ({
    personId: r.id,
    givenName: r.given_name,
    familyName: r.family_name,
    securityMarking: r.protected ? 'Skyddad folkbokföring' : 'Ingen',
    address:
      r.address?.streetAddress && r.address.postalCode && r.address.locality
        ? { streetAddress: r.address.streetAddress, postalCode: r.address.postalCode, locality: r.address.locality }
        : null,
    registeredOn: r.registered_on,
  }));
}

/** A date as the letter's language writes it: «3 december 2026». */
function letterDate(day: string, language: string): string {
  try {
    return dateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${day}T12:00:00Z`),
    );
  } catch {
    return day;
  }
}

export function letterRoutes(): RouteDefinition[] {
  return [
    routeFor(lettersApi.plan, {
      permission: 'youth-register.read',
      async handler({ query, ctx, tx }) {
        const area = await actorArea(tx, ctx, 'kaa.letters.list');
        const from = query.registeredFrom ?? defaultRegisteredFrom(dateOf(ctx.now));
        const candidates = await newlyRegistered(tx, area.tenantId, from);
        const registered = new Map(candidates.map((c) => [c.personId, c.registeredOn]));
        const plan = planLetters(candidates);
        await logAccess(tx, ctx, { action: 'kaa.letters.list', subjectIds: [...registered.keys()], purpose, outcome: 'allowed' });
        return {
          registeredFrom: from,
          recipients: plan.recipients.map((r) => ({ personId: r.personId, name: r.name, registeredOn: registered.get(r.personId)! })),
          skipped: plan.skipped.map((s) => ({
            personId: s.personId,
            name: s.name,
            registeredOn: registered.get(s.personId)!,
            reason: skipReasonLabels[s.reason],
          })),
          templates: letterTemplates().map((t) => ({ language: t.language, name: t.name })),
        };
      },
    }),
    defineRoute({
      method: 'POST',
      url: lettersPdfPath,
      permission: 'youth-register.read',
      schema: { body: lettersBody },
      labels: lettersLabels,
      async handler({ body, ctx, tx, reply }) {
        const template = templateFor(body.language);
        if (!template)
          throw new HttpError(400, 'Språk: det finns ingen brevmall på det språket.', {
            fields: [{ field: 'language', message: 'Språk: det finns ingen brevmall på det språket.' }],
          });
        const area = await actorArea(tx, ctx, 'kaa.letters.pdf');
        const plan = planLetters(await newlyRegistered(tx, area.tenantId, body.registeredFrom));
        const officer = (await accountNames(tx, [ctx.actor.accountId])).get(ctx.actor.accountId) ?? '';
        const pdf = await lettersPdf(template, plan.recipients, {
          municipality: area.organiserName,
          officer,
          phone: body.phone,
          email: body.email,
          date: letterDate(dateOf(ctx.now), body.language),
        });
        await logAccess(tx, ctx, {
          action: 'kaa.letters.pdf',
          subjectIds: plan.recipients.map((r) => r.personId),
          purpose,
          outcome: 'allowed',
        });
        reply.header('content-type', 'application/pdf');
        reply.header('content-disposition', `attachment; filename="kontaktbrev-${dateOf(ctx.now)}.pdf"`);
        return pdf;
      },
    }),
  ];
}
