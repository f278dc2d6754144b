/**
 * KAA → school (docs/handovers.md): the municipality's activity-responsibility officer hands a young person of the
 * register over to the school unit that has placed or admitted them. The youth's schools (a placement anywhere in the
 * installation, or a start notice naming a unit of it), the handovers already made, and making one.
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { handoverStatuses } from './codes.ts';

const labels: FieldLabels = {
  youthId: { sv: 'Ung person', en: 'Young person' },
  toUnitId: { sv: 'Mottagande skolenhet', en: 'Receiving school unit' },
};
const params = z.strictObject({ youthId: z.uuid() });

export const kaaHandoverTargets = z.object({
  /** School units where the young person has a placement (or a start notice names one), newest first. */
  targets: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), organiserName: z.string(), startsOn: z.string().nullable() })),
  handovers: z.array(z.object({ id: z.uuid(), toUnitName: z.string(), status: z.enum(handoverStatuses) })),
});
export type KaaHandoverTargets = z.output<typeof kaaHandoverTargets>;

export const kaaToSchoolApi = {
  targets: endpoint({
    method: 'GET',
    path: '/api/handovers/from-kaa/:youthId',
    params,
    query: z.strictObject({}),
    response: kaaHandoverTargets,
    labels,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/handovers/from-kaa/:youthId',
    params,
    body: z.strictObject({ toUnitId: z.uuid() }),
    response: z.object({ id: z.uuid() }),
    labels,
  }),
};
