/**
 * The challenges map's endpoints (docs/region-network.md): an organiser's staff record the challenges they see; the
 * regional editor publishes or rejects them; the node sees them by focus area and municipality. Published challenges
 * are public on the knowledge bank's map pages.
 */
import { z } from 'zod';
import { endpoint } from '../contract/endpoint.ts';
import { line, paragraph } from '../input/index.ts';
import { ageGroups, challengeStatuses, focusAreas, schoolForms } from './vocabulary.ts';

export const challengeBody = z.strictObject({
  focusArea: z.enum(focusAreas),
  subChallenge: line(120),
  ageGroup: z.enum(ageGroups),
  schoolForm: z.enum(schoolForms),
  description: paragraph(1000),
  /** SCB municipality code; absent: the organiser's own. */
  municipalityCode: z
    .string()
    .regex(/^\d{4}$/, { error: 'ska vara en kommunkod med fyra siffror' })
    .optional(),
});

export const challenge = z.object({
  id: z.uuid(),
  focusArea: z.enum(focusAreas),
  subChallenge: z.string(),
  ageGroup: z.enum(ageGroups),
  schoolForm: z.enum(schoolForms),
  description: z.string(),
  municipality: z.string(),
  organiser: z.string(),
  status: z.enum(challengeStatuses),
  submittedAt: z.string(),
  rejectionReason: z.string().nullable(),
});
export type Challenge = z.output<typeof challenge>;

const exampleLink = z.object({ name: z.string(), href: z.string() });

export const decisionBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('publish') }),
  z.strictObject({ decision: z.literal('reject'), reason: line(500) }),
]);

export const challengeLabels = {
  focusArea: { sv: 'Inriktning', en: 'Focus area' },
  subChallenge: { sv: 'Delutmaning', en: 'Sub-challenge' },
  ageGroup: { sv: 'Åldersgrupp', en: 'Age group' },
  schoolForm: { sv: 'Skolform', en: 'School form' },
  description: { sv: 'Kort beskrivning', en: 'Short description' },
  municipalityCode: { sv: 'Kommun', en: 'Municipality' },
  decision: { sv: 'Beslut', en: 'Decision' },
  reason: { sv: 'Skäl', en: 'Reason' },
  id: { sv: 'Utmaning', en: 'Challenge' },
};

export const challengesApi = {
  mine: endpoint({
    method: 'GET',
    path: '/api/challenges',
    query: z.strictObject({}),
    response: z.object({
      items: z.array(challenge.extend({ examples: z.array(exampleLink) })),
      /** Sub-challenges already named by the bank's examples and published challenges, per focus area (the form's suggestions). */
      suggestions: z.record(z.enum(focusAreas), z.array(z.string())),
    }),
    labels: challengeLabels,
  }),
  submit: endpoint({
    method: 'POST',
    path: '/api/challenges',
    body: challengeBody,
    response: z.object({ id: z.uuid(), status: z.enum(challengeStatuses) }),
    labels: challengeLabels,
  }),
  review: endpoint({
    method: 'GET',
    path: '/api/challenges/review',
    query: z.strictObject({}),
    response: z.object({
      pending: z.array(challenge),
      /** Published challenges per municipality and focus area (the node's planning view). */
      overview: z.array(
        z.object({ municipality: z.string(), focus: z.record(z.enum(focusAreas), z.number().int()), total: z.number().int() }),
      ),
    }),
    labels: challengeLabels,
  }),
  decide: endpoint({
    method: 'POST',
    path: '/api/challenges/:id/decision',
    params: z.strictObject({ id: z.uuid() }),
    body: decisionBody,
    response: z.object({ id: z.uuid(), status: z.enum(challengeStatuses) }),
    labels: challengeLabels,
  }),
};
