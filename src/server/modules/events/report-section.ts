/**
 * The monthly report's section on the network's events (docs/region-network.md): events held in the month and their
 * participants per role (the competence-development figures an ESF report asks for), for the region's own events.
 * Adults at open events, no student data: not suppressed.
 */
import { both } from '../region/grid.ts';
import type { SectionProvider } from '../region/report/section.ts';
import { participantRoleLabels, participantRoles } from '../../../shared/events/vocabulary.ts';
import { participationIn } from './participation.ts';

/** The day after `YYYY-MM-DD` (the period's exclusive end). */
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export const eventsSection: SectionProvider = {
  key: 'events',
  title: both('Evenemang och deltagare', 'Events and participants'),
  async build(scope) {
    const figures = await participationIn(scope.db, scope.region.id, scope.from, dayAfter(scope.to));
    const n = (value: number) => ({ value, suppressed: null });
    const perRole = participantRoles.map((role) =>
      figures.byOrganiser.filter((r) => r.role === role).reduce((s, r) => s + r.participants, 0),
    );
    return {
      tables: [
        {
          caption: both('Evenemang genomförda under månaden', 'Events held in the month'),
          columns: [both('Antal', 'Number')],
          rows: [
            { label: both('Evenemang', 'Events'), total: false, cells: [n(figures.events)] },
            ...participantRoles.map((role, i) => ({
              label: both(`Deltagare: ${participantRoleLabels[role].sv}`, `Participants: ${participantRoleLabels[role].en}`),
              total: false,
              cells: [n(perRole[i] ?? 0)],
            })),
            { label: both('Deltagare totalt', 'Participants in all'), total: true, cells: [n(figures.participants)] },
          ],
        },
      ],
    };
  },
};
