/**
 * The demo region's headline figures, computed from the generated SS 12000 documents alone
 * (certificates, enrolments, programmes, birth dates) — never from the calibration constants.
 */
import type { CertificateDoc, PersonDoc, ProgrammeDoc } from '../ss12000/documents.ts';
import { ageOn } from './calendar.ts';
import type { DemoRegion } from './generate.ts';

export interface Figure {
  name: string;
  generated: number;
  target: number;
}

/** Published figures the region is calibrated against (Skolverket; national KAA statistics). */
export const targets = {
  'diploma-within-4-years-incl-introduction': 0.745,
  'diploma-within-3-years-national': 0.77,
  'kaa-share-16-19': 0.095,
} as const;

interface Individual {
  birthDate: string;
  gyStart?: string;
  firstProgrammeType?: string;
  diplomaDate?: string;
  /** Enrolled today in compulsory or upper-secondary school (GR, GRS, GY, GYS). */
  inSchoolToday: boolean;
}

/** One record per individual: the same person at several organisers is joined on the civic number. */
function individuals(region: DemoRegion): Individual[] {
  const byKey = new Map<string, Individual>();
  for (const org of region.organisers) {
    const programmes = new Map(((org.documents.programmes as ProgrammeDoc[] | undefined) ?? []).map((p) => [p.id, p.type]));
    const diplomas = new Map<string, string>();
    for (const c of (org.documents.certificates as CertificateDoc[] | undefined) ?? [])
      if (c.kind === 'gymnasieexamen') diplomas.set(c.student.id, c.issuedDate);
    for (const p of (org.documents.persons as PersonDoc[] | undefined) ?? []) {
      // Staff and guardians are adults: they drop out of every figure below by age and enrolments.
      if (!p.birthDate) continue;
      const key = p.civicNo?.value ?? `${org.organisationNumber}:${p.id}`;
      const ind = byKey.get(key) ?? { birthDate: p.birthDate, inSchoolToday: false };
      byKey.set(key, ind);
      const upper = (p.enrolments ?? []).filter((e) => e.schoolType === 'GY' || e.schoolType === 'GYS');
      // Completion is measured for gymnasieskolan (GY); anpassad gymnasieskola (GYS) counts only as being enrolled.
      const first = upper.filter((e) => e.schoolType === 'GY').sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
      if (first && (!ind.gyStart || first.startDate < ind.gyStart)) {
        ind.gyStart = first.startDate;
        ind.firstProgrammeType = programmes.get(first.programme?.id ?? '');
      }
      const today = region.today;
      if ((p.enrolments ?? []).some((e) => e.startDate <= today && (!e.endDate || e.endDate >= today))) ind.inSchoolToday = true;
      const d = diplomas.get(p.id);
      if (d && (!ind.diplomaDate || d < ind.diplomaDate)) ind.diplomaDate = d;
    }
  }
  return [...byKey.values()];
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Number((part / whole).toFixed(4)));
/** The 30 June that ends the n-th school year of a cohort starting in autumn `startYear`. */
const endOfYear = (startYear: number, n: number) => `${startYear + n}-06-30`;

/** The figures beside their targets. */
export function demoReport(region: DemoRegion): Figure[] {
  const all = individuals(region);
  const starters = all.filter((i) => i.gyStart);
  const startYear = (i: Individual) => Number(i.gyStart!.slice(0, 4));
  const finished4 = starters.filter((i) => endOfYear(startYear(i), 4) <= region.today);
  const within4 = finished4.filter((i) => i.diplomaDate && i.diplomaDate <= endOfYear(startYear(i), 4));
  const national3 = starters.filter((i) => i.firstProgrammeType !== 'Intruduktionsprogram' && endOfYear(startYear(i), 3) <= region.today);
  const within3 = national3.filter((i) => i.diplomaDate && i.diplomaDate <= endOfYear(startYear(i), 3));
  const aged = all.filter((i) => {
    const a = ageOn(i.birthDate, region.today);
    return a >= 16 && a <= 19;
  });
  // KAA: left compulsory school, not in upper secondary, no diploma (a 16-year-old still in year 9 is not in it).
  const kaa = aged.filter((i) => !i.inSchoolToday && !i.diplomaDate);
  return [
    {
      name: 'diploma-within-4-years-incl-introduction',
      generated: share(within4.length, finished4.length),
      target: targets['diploma-within-4-years-incl-introduction'],
    },
    {
      name: 'diploma-within-3-years-national',
      generated: share(within3.length, national3.length),
      target: targets['diploma-within-3-years-national'],
    },
    { name: 'kaa-share-16-19', generated: share(kaa.length, aged.length), target: targets['kaa-share-16-19'] },
  ];
}
