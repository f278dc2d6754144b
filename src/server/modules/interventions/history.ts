/**
 * A case event's stored changes (`field → [before, after]`, ids and codes as written) presented as a person reads them
 * (src/shared/interventions/history.ts): the field's label, people by name, statuses, levels, reasons and outcomes by
 * label, a method by its name, an intervention by its title, dates as dates. A field or value the module does not know
 * is named generally — never by its key or code. The lookups are filled from the ids the changes hold (`historyIds`).
 */
import type { Label } from '../../../shared/contract/endpoint.ts';
import type { Change, ChangeValue } from '../../../shared/interventions/history.ts';
import {
  caseStatusLabels,
  closingReasonLabels,
  fieldLabel,
  fieldLabels,
  interventionStatusLabels,
  levelLabels,
  openedFromLabels,
  outcomeLabels,
} from '../../../shared/interventions/labels.ts';

export type StoredChanges = Record<string, [unknown, unknown]>;

export interface HistoryLookups {
  /** Account id → display name. */
  people: Map<string, string>;
  /** Method id → name. */
  methods: Map<string, Label>;
  /** Intervention id → title. */
  interventions: Map<string, string>;
  /** School unit id → name. */
  units: Map<string, string>;
}

const dateFields = new Set(['startDate', 'endDate', 'dueOn', 'doneOn', 'closedOn', 'decidedOn', 'evaluationOn']);
const peopleFields = new Set(['responsibleId', 'teamIds']);
const choiceLabels: Record<string, Record<string, Label>> = {
  level: levelLabels,
  closingReason: closingReasonLabels,
  outcome: outcomeLabels,
  openedFrom: openedFromLabels,
};
const otherValue: Label = { sv: 'Annat värde', en: 'Other value' };
const removed: Label = { sv: 'Finns inte längre', en: 'No longer exists' };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x !== '');

/** The account, method and unit ids that the changes of these events name (to look their names up). */
export function historyIds(all: readonly StoredChanges[]): { accounts: string[]; methods: string[]; units: string[] } {
  const ids = { accounts: new Set<string>(), methods: new Set<string>(), units: new Set<string>() };
  for (const changes of all) {
    for (const [field, pair] of Object.entries(changes)) {
      const values = (pair ?? []).flatMap(strings).filter((v) => uuid.test(v));
      const into = peopleFields.has(field)
        ? ids.accounts
        : field === 'methodId'
          ? ids.methods
          : field === 'schoolUnitId'
            ? ids.units
            : null;
      for (const v of values) into?.add(v);
    }
  }
  return { accounts: [...ids.accounts], methods: [...ids.methods], units: [...ids.units] };
}

function valueOf(field: string, value: unknown, eventKind: string, lookups: HistoryLookups): ChangeValue {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return { kind: 'empty' };
  if (peopleFields.has(field))
    return { kind: 'people', people: strings(value).map((id) => ({ id, name: lookups.people.get(id) ?? null })) };
  if (field === 'followUpDates') return { kind: 'dates', dates: strings(value) };
  if (dateFields.has(field) && typeof value === 'string') return { kind: 'date', date: value };
  if (field === 'sensitive' && typeof value === 'boolean') return { kind: 'boolean', value };
  if (field === 'status') {
    const labels: Record<string, Label> = eventKind.startsWith('intervention') ? interventionStatusLabels : caseStatusLabels;
    return { kind: 'label', label: labels[String(value)] ?? otherValue };
  }
  if (choiceLabels[field]) return { kind: 'label', label: choiceLabels[field][String(value)] ?? otherValue };
  if (field === 'methodId') return { kind: 'label', label: lookups.methods.get(String(value)) ?? removed };
  if (field === 'interventionId') return { kind: 'text', text: lookups.interventions.get(String(value)) ?? removed.sv };
  if (field === 'schoolUnitId') return { kind: 'text', text: lookups.units.get(String(value)) ?? removed.sv };
  if (typeof value === 'string' && !uuid.test(value)) return { kind: 'text', text: value };
  if (typeof value === 'number') return { kind: 'text', text: String(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  // An id or a structure of a field the module does not know: nothing a person can read.
  return { kind: 'empty' };
}

const fieldOrder = Object.keys(fieldLabels);

/** The changes of one event, as a person reads them, in the order of the form's fields. */
export function presentChanges(eventKind: string, changes: StoredChanges | null | undefined, lookups: HistoryLookups): Change[] {
  // The stored object's key order is the database's (jsonb sorts keys); the form's order reads better.
  const rank = (field: string) => {
    const i = fieldOrder.indexOf(field);
    return i < 0 ? fieldOrder.length : i;
  };
  return Object.entries(changes ?? {})
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([field, pair]) => ({
      field,
      label: fieldLabel(field),
      before: valueOf(field, pair?.[0], eventKind, lookups),
      after: valueOf(field, pair?.[1], eventKind, lookups),
      // Nothing to nothing (a case opened without a team) says nothing.
    }))
    .filter((c) => c.before.kind !== 'empty' || c.after.kind !== 'empty');
}

/** One value as Swedish text (PDFs): names, labels and YYYY-MM-DD dates; '–' for nothing. */
export function swedishValue(value: ChangeValue): string {
  switch (value.kind) {
    case 'empty':
      return '–';
    case 'text':
      return value.text;
    case 'label':
      return value.label.sv;
    case 'date':
      return value.date;
    case 'dates':
      return value.dates.join(', ');
    case 'people':
      return value.people.map((p) => p.name ?? 'okänd person').join(', ');
    case 'boolean':
      return value.value ? 'ja' : 'nej';
  }
}
