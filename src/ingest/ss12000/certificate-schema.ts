/**
 * JSON schema of Fullfölj's extension document `Certificate` (CertificateDoc in documents.ts),
 * written in the style of the SS 12000 components so that it compiles next to them: SS 12000
 * v2.1 has no entity for diplomas and certificates.
 */
import { certificateKinds } from '../../server/db/schema/grades.ts';

export const certificateSchema = {
  title: 'Certificate',
  description: 'Fullfölj-tillägg: examensbevis, studiebevis och slutbetyg (not part of SS 12000 v2.1).',
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    meta: { $ref: '#/components/schemas/Meta' },
    student: { $ref: '#/components/schemas/PersonReference' },
    schoolUnit: { $ref: '#/components/schemas/SchoolUnitReference' },
    kind: { type: 'string', enum: [...certificateKinds], title: 'Code_CertificateKind' },
    programmeCode: { type: 'string', description: 'Skolverkets program-/studievägskod, t.ex. NA, EE.' },
    issuedDate: { type: 'string', format: 'date' },
    totalPoints: { type: 'integer', minimum: 0 },
    passedPoints: { type: 'integer', minimum: 0 },
    eligibleNationalProgramme: { type: 'boolean' },
  },
  required: ['id', 'meta', 'student', 'schoolUnit', 'kind', 'issuedDate'],
} as const;
