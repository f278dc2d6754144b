/**
 * A case's åtgärdsprogram (3 kap. skollagen): what the form saves under its version. The PDFs of the programme and of
 * the case summary are file routes without a JSON answer (docs/interventions.md, "Documents and effect").
 */
import { z } from 'zod';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { calendarDate, line, paragraph } from '../input/index.ts';
import { idParams, maxVersion } from './cases.ts';
import { fieldLabels } from './labels.ts';

/** The longest texts of an åtgärdsprogram, in characters (docs/interventions.md, "Input limits"). */
export const actionProgrammeLimits = { views: 10_000, decidedBy: 200 } as const;

export const actionProgrammeBody = z.strictObject({
  version: z.number().int().min(1).max(maxVersion).optional(),
  needs: paragraph(actionProgrammeLimits.views),
  studentViews: paragraph(actionProgrammeLimits.views),
  guardianViews: paragraph(actionProgrammeLimits.views),
  decidedOn: calendarDate(),
  decidedBy: line(actionProgrammeLimits.decidedBy),
  evaluationOn: calendarDate(),
});
export type ActionProgrammeBody = z.output<typeof actionProgrammeBody>;

export const actionProgrammeLabels: FieldLabels = { ...fieldLabels, id: { sv: 'Ärende', en: 'Case' } };

export const documentsApi = {
  saveActionProgramme: endpoint({
    method: 'PUT',
    path: '/api/interventions/cases/:id/action-programme',
    params: idParams,
    body: actionProgrammeBody,
    response: z.object({ version: z.number().int() }),
    labels: actionProgrammeLabels,
  }),
};
