/**
 * The region's routes for the coordinator and the steering group (docs/region.md): overview, KAA coverage per
 * municipality, the monthly report's draft, commentary, publishing and versions, and who reads the published reports. Aggregates only — the answers hold
 * municipality names and protected counts, never a person — and each read is logged against the actor's tenant.
 */
import { regionApi } from '../../../shared/region/contract.ts';
import { halfYearName, halfYearOf, previousHalfYear } from '../../../shared/kaa/report.ts';
import type { DbOrTx } from '../../db/client.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { ActorContext } from '../../platform/context.ts';
import { dateOf } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { halvesBetween } from '../kaa/coverage/routes.ts';
import { challengesTable } from './challenges.ts';
import { coverageTable, loadRegisters } from './coverage.ts';
import { actorRegion, canWriteReports, regionPurpose } from './policy.ts';
import { generateDraft, listReports, publishDraft, readDraft, readPublished, saveCommentary } from './report/generate.ts';
import { regionMunicipalitiesOf, setReportsVisibility, type Region } from './store.ts';

const kinds = { region: { sv: 'Region', en: 'Region' }, 'sub-region': { sv: 'Delregion', en: 'Sub-region' } };

/** The region as its page shows it. */
async function overview(tx: DbOrTx, ctx: ActorContext, region: Region) {
  const municipalities = await regionMunicipalitiesOf(tx, region.id);
  return {
    name: { sv: region.nameSv, en: region.nameEn },
    kind: kinds[region.kind],
    slug: region.slug,
    municipalities: municipalities.map((m) => m.name),
    reportsPublic: region.reportsVisibility === 'public',
    canWrite: canWriteReports(ctx),
  };
}

export function regionRoutes(): RouteDefinition[] {
  return [
    routeFor(regionApi.overview, {
      permission: 'region-report.read',
      async handler({ ctx, tx }) {
        return overview(tx, ctx, await actorRegion(tx, ctx, 'region-report.read'));
      },
    }),
    routeFor(regionApi.visibility, {
      permission: 'region-report.write',
      async handler({ body, ctx, tx }) {
        const region = await actorRegion(tx, ctx, 'region-report.write');
        const changed = await setReportsVisibility(tx, region.id, body.reportsVisibility);
        await logAccess(tx, ctx, { action: 'region-report.write', purpose: regionPurpose, outcome: 'allowed' });
        return overview(tx, ctx, changed);
      },
    }),
    routeFor(regionApi.coverage, {
      permission: 'region.read',
      async handler({ query, ctx, tx }) {
        const region = await actorRegion(tx, ctx, 'region.read');
        const to = query.to ?? halfYearOf(dateOf(ctx.now));
        const from = query.from ?? previousHalfYear(previousHalfYear(previousHalfYear(to)));
        const municipalities = await regionMunicipalitiesOf(tx, region.id);
        const registers = await loadRegisters(tx, municipalities);
        await logAccess(tx, ctx, { action: 'region.read', purpose: regionPurpose, outcome: 'allowed' });
        return {
          region: { sv: region.nameSv, en: region.nameEn },
          halves: halvesBetween(from, to).map((half) => ({
            half,
            name: { sv: halfYearName(half, 'sv'), en: halfYearName(half, 'en') },
            table: coverageTable(region, municipalities, registers, half),
          })),
        };
      },
    }),
    routeFor(regionApi.challenges, {
      permission: 'region-report.read',
      async handler({ ctx, tx }) {
        const region = await actorRegion(tx, ctx, 'region-report.read');
        return challengesTable(tx, region, await regionMunicipalitiesOf(tx, region.id));
      },
    }),
    routeFor(regionApi.reports, {
      permission: 'region-report.read',
      async handler({ ctx, tx }) {
        const region = await actorRegion(tx, ctx, 'region-report.read');
        return listReports(tx, region.id, canWriteReports(ctx));
      },
    }),
    routeFor(regionApi.generate, {
      permission: 'region-report.write',
      async handler({ body, ctx, tx }) {
        const region = await actorRegion(tx, ctx, 'region-report.write');
        const report = await generateDraft(tx, region, body.month, ctx.now);
        await logAccess(tx, ctx, { action: 'region-report.write', purpose: regionPurpose, outcome: 'allowed' });
        return report;
      },
    }),
    routeFor(regionApi.read, {
      permission: 'region-report.read',
      async handler({ params, query, ctx, tx }) {
        const region = await actorRegion(tx, ctx, 'region-report.read');
        const report =
          query.version === undefined && canWriteReports(ctx)
            ? await readDraft(tx, region.id, params.month)
            : await readPublished(tx, region.id, params.month, query.version);
        if (!report) throw notFound();
        return report;
      },
    }),
    routeFor(regionApi.commentary, {
      permission: 'region-report.write',
      async handler({ params, body, ctx, tx }) {
        const region = await actorRegion(tx, ctx, 'region-report.write');
        const report = await saveCommentary(tx, region.id, params.month, body);
        if (!report) throw notFound();
        await logAccess(tx, ctx, { action: 'region-report.write', purpose: regionPurpose, outcome: 'allowed' });
        return report;
      },
    }),
    routeFor(regionApi.publish, {
      permission: 'region-report.write',
      async handler({ params, ctx, tx }) {
        const region = await actorRegion(tx, ctx, 'region-report.write');
        const report = await publishDraft(tx, region.id, params.month, ctx.actor.accountId, ctx.now);
        if (!report) throw notFound();
        await logAccess(tx, ctx, { action: 'region-report.write', purpose: regionPurpose, outcome: 'allowed' });
        return report;
      },
    }),
  ];
}
