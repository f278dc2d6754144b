/**
 * A handover to a school outside the installation (docs/handovers.md, "A school outside the installation"): the sender
 * names the receiving school — its name, Skolverket's skolenhetskod (eight digits) and municipality — for a student who
 * has left or is leaving the sending unit, and states that the school has placed or admitted the student. The handover
 * then leaves only as the handover file (transfer-file.ts).
 */
import { z } from 'zod';
import type { Label } from '../contract/endpoint.ts';
import { endpoint, type FieldLabels } from '../contract/endpoint.ts';
import { calendarDate, line } from '../input/index.ts';

/** The school forms a school outside the installation may be (SS 12000 school types). */
export const outsideSchoolTypes = ['GR', 'GRS', 'SP', 'SAM', 'GY', 'GYS'] as const;
export type OutsideSchoolType = (typeof outsideSchoolTypes)[number];

export const outsideSchoolTypeLabels: Record<OutsideSchoolType, Label> = {
  GR: { sv: 'Grundskola', en: 'Compulsory school' },
  GRS: { sv: 'Anpassad grundskola', en: 'Adapted compulsory school' },
  SP: { sv: 'Specialskola', en: 'Special school' },
  SAM: { sv: 'Sameskola', en: 'Sami school' },
  GY: { sv: 'Gymnasieskola', en: 'Upper secondary school' },
  GYS: { sv: 'Anpassad gymnasieskola', en: 'Adapted upper secondary school' },
};

export const outsideSchoolLabels: FieldLabels = {
  studentId: { sv: 'Elev', en: 'Student' },
  unitName: { sv: 'Mottagande skolans namn', en: "The receiving school's name" },
  unitCode: { sv: 'Skolenhetskod', en: 'School unit code' },
  municipalityCode: { sv: 'Kommun', en: 'Municipality' },
  schoolType: { sv: 'Skolform', en: 'School form' },
  startsOn: { sv: 'Börjar i den nya skolan', en: 'Starts at the new school' },
  admitted: { sv: 'Skolan har placerat eller antagit eleven', en: 'The school has placed or admitted the student' },
};

/** A refinement's message in both languages (src/shared/contract/messages.ts reads `params.text`). */
const says = (sv: string, en: string) => ({ params: { text: { sv, en } } });

/** Skolverket's skolenhetskod: eight digits. */
export const skolenhetskod = () =>
  z.string().refine((v) => /^\d{8}$/.test(v), says('ska vara skolenhetskoden: åtta siffror', 'must be the school unit code: eight digits'));

export const outsideSchoolBody = z.strictObject({
  studentId: z.uuid(),
  unitName: line(200),
  unitCode: skolenhetskod(),
  municipalityCode: z.string().refine((v) => /^\d{4}$/.test(v), says('välj en kommun i listan', 'choose a municipality in the list')),
  schoolType: z.enum(outsideSchoolTypes),
  startsOn: calendarDate(),
  admitted: z
    .boolean()
    .refine(
      (v) => v,
      says(
        'överlämningen får bara gå till en skola som har placerat eller antagit eleven',
        'the handover may go only to a school that has placed or admitted the student',
      ),
    ),
});
export type OutsideSchoolBody = z.output<typeof outsideSchoolBody>;

export const outsideSchoolOptions = z.object({
  /** Students of the actor's units who have left or are leaving them. */
  students: z.array(z.object({ id: z.uuid(), name: z.string(), unitName: z.string(), leavesOn: z.string().nullable() })),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type OutsideSchoolOptions = z.output<typeof outsideSchoolOptions>;

export const outsideSchoolApi = {
  options: endpoint({
    method: 'GET',
    path: '/api/handovers/outside/options',
    query: z.strictObject({}),
    response: outsideSchoolOptions,
    labels: outsideSchoolLabels,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/handovers/outside',
    body: outsideSchoolBody,
    response: z.object({ id: z.uuid(), existing: z.boolean() }),
    labels: outsideSchoolLabels,
  }),
};
