/**
 * The organiser's interventions settings (administrators) and the signed-in person's own notifications (the daily
 * digest of follow-ups: counts only).
 */
import { z } from 'zod';
import { endpoint } from '../contract/endpoint.ts';
import { emptyQuery, idParams } from './cases.ts';

export const settingsBody = z.strictObject({ retentionYears: z.number().int().min(1).max(50).nullable() });
export const settings = z.object({ retentionYears: z.number().int().nullable() });

export const notification = z.object({
  // The digest's kind (one so far, 'follow-up-digest'); the page names it, never shows it.
  id: z.uuid(),
  kind: z.string(),
  forDate: z.string(),
  overdue: z.number().int(),
  upcoming: z.number().int(),
  readAt: z.string().nullable(),
  emailed: z.boolean(),
});
export type Notification = z.output<typeof notification>;

export const settingsApi = {
  read: endpoint({ method: 'GET', path: '/api/interventions/settings', query: emptyQuery, response: settings, labels: {} }),
  save: endpoint({
    method: 'PUT',
    path: '/api/interventions/settings',
    body: settingsBody,
    response: settings,
    labels: {
      retentionYears: { sv: 'Gallring av avslutade ärenden (år efter avslut)', en: 'Deletion of closed cases (years after closing)' },
    },
  }),
};

export const notificationsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/interventions/notifications',
    query: emptyQuery,
    response: z.object({ items: z.array(notification), unread: z.number().int() }),
    labels: {},
  }),
  read: endpoint({
    method: 'POST',
    path: '/api/interventions/notifications/:id/read',
    params: idParams,
    response: z.object({ id: z.uuid(), readAt: z.string().nullable() }),
    labels: { id: { sv: 'Avisering', en: 'Notification' } },
  }),
};
