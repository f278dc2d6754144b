/**
 * A case's history as a person reads it: each change names its field by its label and its values as values — people
 * by name, statuses and levels by their label, dates as dates — never an id, a code or a field key. The server builds
 * it (case view, meeting decisions, the summary PDF); the web app formats dates and picks the language.
 */
import { z } from 'zod';
import { caseEventKinds } from './labels.ts';

export const label = z.object({ sv: z.string(), en: z.string() });
export const person = z.object({ id: z.uuid(), name: z.string().nullable() });

export const changeValue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('empty') }),
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('label'), label }),
  z.object({ kind: z.literal('date'), date: z.string() }),
  z.object({ kind: z.literal('dates'), dates: z.array(z.string()) }),
  z.object({ kind: z.literal('people'), people: z.array(person) }),
  z.object({ kind: z.literal('boolean'), value: z.boolean() }),
]);
export type ChangeValue = z.output<typeof changeValue>;

export const change = z.object({
  /** The field's key (for programs and tests); a page shows `label`. */
  field: z.string(),
  label,
  before: changeValue,
  after: changeValue,
});
export type Change = z.output<typeof change>;

export const caseEventKind = z.enum(caseEventKinds);

export const caseEvent = z.object({
  at: z.string(),
  by: person.nullable(),
  kind: caseEventKind,
  kindLabel: label,
  entityId: z.uuid().nullable(),
  meetingId: z.uuid().nullable(),
  changes: z.array(change),
});
export type CaseEvent = z.output<typeof caseEvent>;
