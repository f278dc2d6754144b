/** KAA coverage in the half-year the month falls in, per municipality (coverage.ts). */
import { halfYearName, halfYearOf } from '../../../../shared/kaa/report.ts';
import { coverageTable, loadRegisters } from '../coverage.ts';
import { both } from '../grid.ts';
import type { SectionProvider } from './section.ts';

export const kaaSection: SectionProvider = {
  key: 'kaa',
  title: both('Kommunernas aktivitetsansvar', "The municipalities' activity responsibility"),
  async build(scope) {
    const half = halfYearOf(scope.to);
    const registers = await loadRegisters(scope.db, scope.municipalities);
    const table = coverageTable(scope.region, scope.municipalities, registers, half);
    return {
      tables: [table],
      note: both(
        `Halvåret ${halfYearName(half, 'sv')} till och med månadens slut.`,
        `The half-year ${halfYearName(half, 'en')} up to the end of the month.`,
      ),
    };
  },
};
