/**
 * Who reaches which region: a region-aggregates role's assignment names its region (role_assignments.region_id); the
 * coordinator and the steering group see that region's aggregates and nothing of any other. A role without the
 * permission is refused before this (403); an assignment without a region finds nothing (404, with a denied row).
 */
import type { Permission } from '../../../shared/access/permissions.ts';
import type { DbOrTx } from '../../db/client.ts';
import { logAccess } from '../../platform/access-log.ts';
import { assignmentsGranting, type ActorContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { regionById, type Region } from './store.ts';

/** Why the region's aggregates are read: the network's follow-up and the steering group's report. */
export const regionPurpose = 'regional-follow-up';

/** The actor's region for `permission`, or 404 with a denied access-log row. */
export async function actorRegion(tx: DbOrTx, ctx: ActorContext, permission: Permission): Promise<Region> {
  const regionId = assignmentsGranting(ctx.actor, permission).find((a) => a.regionId !== null)?.regionId ?? null;
  const region = regionId ? await regionById(tx, regionId) : null;
  if (!region) {
    await logAccess(tx, ctx, { action: permission, purpose: regionPurpose, outcome: 'denied' });
    throw notFound();
  }
  return region;
}

/** True when the actor may also write the region's reports (the coordinator). */
export const canWriteReports = (ctx: ActorContext): boolean =>
  assignmentsGranting(ctx.actor, 'region-report.write').some((a) => a.regionId !== null);
