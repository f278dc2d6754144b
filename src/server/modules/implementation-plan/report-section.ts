/**
 * The monthly report's section on the organisers' implementation plans (docs/region-network.md): per municipality,
 * the organisers with a self-assessment begun, and their plans' actions — in all, done and overdue at the month's
 * end. Counts of organisers and actions, no personal data: not suppressed.
 */
import { both } from '../region/grid.ts';
import type { SectionProvider } from '../region/report/section.ts';
import { planProgress } from './plan.ts';

export const implementationPlanSection: SectionProvider = {
  key: 'implementation-plan',
  title: both('Implementeringsplaner', 'Implementation plans'),
  async build(scope) {
    const n = (value: number) => ({ value, suppressed: null });
    const rows = [];
    const sums = [0, 0, 0, 0];
    for (const m of scope.municipalities) {
      const counts = [0, 0, 0, 0];
      for (const tenantId of m.tenantIds) {
        const p = await planProgress(scope.db, tenantId, scope.to);
        if (p.answered > 0) counts[0]! += 1;
        counts[1]! += p.actions;
        counts[2]! += p.done;
        counts[3]! += p.overdue;
      }
      counts.forEach((c, i) => (sums[i]! += c));
      rows.push({ label: both(m.name, m.name), total: false, cells: counts.map(n) });
    }
    rows.push({ label: both(`${scope.region.nameSv} totalt`, `${scope.region.nameEn} in all`), total: true, cells: sums.map(n) });
    return {
      tables: [
        {
          caption: both('Huvudmännens självskattning och åtgärder', "The organisers' self-assessment and actions"),
          columns: [
            both('Huvudmän med självskattning', 'Organisers with a self-assessment'),
            both('Åtgärder', 'Actions'),
            both('Klara', 'Done'),
            both('Försenade', 'Overdue'),
          ],
          rows,
        },
      ],
    };
  },
};
