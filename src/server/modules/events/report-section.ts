/**
 * The monthly report's section on the network's events (docs/region-network.md): events held in the month, and their
 * participants per role and per organiser — signed up, attended (marked by the coordinator) and not marked (the
 * competence-development figures an ESF report asks for), for the region's own events. Organisers are the platform's;
 * an organisation written by hand is counted under "Övriga organisationer", so the month reads the same after the
 * retention rule has deleted the sign-ups' names. Adults at open events, no student data: not suppressed.
 */
import { both } from '../region/grid.ts';
import type { SectionProvider } from '../region/report/section.ts';
import type { FigureTable, RegionLabel } from '../../../shared/region/contract.ts';
import type { Participation } from '../../../shared/events/contract.ts';
import { participantRoleLabels, participantRoles } from '../../../shared/events/vocabulary.ts';
import { otherOrganisations, participationIn } from './participation.ts';

/** The day after `YYYY-MM-DD` (the period's exclusive end). */
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const n = (value: number) => ({ value, suppressed: null });
type Row = Participation['byOrganiser'][number];
const columns = [both('Anmälda', 'Signed up'), both('Deltog', 'Attended'), both('Närvaro ej markerad', 'Attendance not marked')];
const cells = (rows: readonly Row[]) => [
  n(rows.reduce((s, r) => s + r.participants, 0)),
  n(rows.reduce((s, r) => s + r.attended, 0)),
  n(rows.reduce((s, r) => s + r.unmarked, 0)),
];

/** Participants by a grouping (role, organiser) with the total. */
function byGroup(caption: RegionLabel, groups: { label: RegionLabel; rows: Row[] }[], all: Row[]): FigureTable {
  return {
    caption,
    columns,
    rows: [
      ...groups.map((g) => ({ label: g.label, total: false, cells: cells(g.rows) })),
      { label: both('Deltagare totalt', 'Participants in all'), total: true, cells: cells(all) },
    ],
  };
}

/** What the attendance figures rest on: nothing marked, some events marked, or all. */
function attendanceNote(f: Participation): RegionLabel | null {
  if (f.events === 0 || f.participants === 0) return null;
  if (f.eventsMarked === 0)
    return both(
      'Närvaron är inte markerad för månadens evenemang: «Deltog» räknar bara anmälningar där närvaron är markerad.',
      'Attendance is not marked for the month’s events: «Attended» counts only sign-ups whose attendance is marked.',
    );
  if (f.eventsMarked < f.events)
    return both(
      `Närvaron är markerad för ${f.eventsMarked} av ${f.events} evenemang.`,
      `Attendance is marked for ${f.eventsMarked} of ${f.events} events.`,
    );
  return null;
}

export const eventsSection: SectionProvider = {
  key: 'events',
  title: both('Evenemang och deltagare', 'Events and participants'),
  async build(scope) {
    const f = await participationIn(scope.db, scope.region.id, scope.from, dayAfter(scope.to), { platformOrganisersOnly: true });
    // The platform's organisers by name, the others last.
    const named = [...new Set(f.byOrganiser.map((r) => r.organiser))].filter((o) => o !== otherOrganisations);
    const organisers = f.byOrganiser.some((r) => r.organiser === otherOrganisations) ? [...named, otherOrganisations] : named;
    return {
      note: attendanceNote(f),
      tables: [
        {
          caption: both('Evenemang genomförda under månaden', 'Events held in the month'),
          columns: [both('Antal', 'Number')],
          rows: [
            { label: both('Evenemang', 'Events'), total: false, cells: [n(f.events)] },
            { label: both('Därav med markerad närvaro', 'Of them with attendance marked'), total: false, cells: [n(f.eventsMarked)] },
          ],
        },
        byGroup(
          both('Deltagare per roll', 'Participants by role'),
          participantRoles.map((role) => ({
            label: both(participantRoleLabels[role].sv, participantRoleLabels[role].en),
            rows: f.byOrganiser.filter((r) => r.role === role),
          })),
          f.byOrganiser,
        ),
        byGroup(
          both('Deltagare per huvudman', 'Participants by organiser'),
          organisers.map((o) => ({
            label: o === otherOrganisations ? both(o, 'Other organisations') : both(o, o),
            rows: f.byOrganiser.filter((r) => r.organiser === o),
          })),
          f.byOrganiser,
        ),
      ],
    };
  },
};
