/** The demo region's organisers (huvudmän) and their school units. */
import { grsHosts, gysHosts, independentOrganisers, skaraborg } from './catalogue.ts';
import { organisationNumber } from './identities.ts';
import { stableId, type Random } from './random.ts';

export interface Unit {
  id: string;
  organiser: OrganiserPlan;
  name: string;
  schoolUnitCode: string;
  municipalityCode: string;
  schoolType: 'GR' | 'GRS' | 'GY' | 'GYS';
  /** A latent school effect on risk (modest). */
  effect: number;
}

export interface OrganiserPlan {
  id: string;
  name: string;
  organisationNumber: string;
  municipalityCode: string;
  kind: 'municipal' | 'independent';
  units: Unit[];
}

/** Municipal organisers with compulsory units sized to their cohorts, upper-secondary units, and friskolor. */
export function planOrganisers(seed: number, random: Random, cohortByMunicipality: Map<string, number>): OrganiserPlan[] {
  let unitSeq = 0;
  const unit = (o: OrganiserPlan, name: string, schoolType: Unit['schoolType'], municipalityCode: string): Unit => {
    unitSeq += 1;
    const u: Unit = {
      id: stableId(seed, 'unit', o.organisationNumber, name),
      organiser: o,
      name,
      schoolType,
      municipalityCode,
      schoolUnitCode: String(81_000_000 + unitSeq * 137 + random.int(0, 99)).padStart(8, '0'),
      effect: random.normal() * 0.15,
    };
    o.units.push(u);
    return u;
  };
  const organisers: OrganiserPlan[] = skaraborg.map((m, i) => {
    const o: OrganiserPlan = {
      id: stableId(seed, 'organiser', m.code),
      name: `${m.name} kommun`,
      municipalityCode: m.code,
      kind: 'municipal',
      units: [],
      organisationNumber: organisationNumber(`212000${String(100 + i * 7).padStart(3, '0')}`),
    };
    const grUnits = Math.max(1, Math.round((cohortByMunicipality.get(m.code) ?? 0) / 60));
    for (let k = 1; k <= grUnits; k++)
      unit(o, `${m.name} ${['norra', 'södra', 'östra', 'västra', 'centrala'][k - 1] ?? k} skola`, 'GR', m.code);
    if (Object.values(grsHosts).includes(m.code)) unit(o, `${m.name} anpassade grundskola`, 'GRS', m.code);
    for (let k = 1; k <= m.gyUnits; k++) unit(o, `${m.name} gymnasium${m.gyUnits > 1 ? ` ${k === 1 ? 'A' : 'B'}` : ''}`, 'GY', m.code);
    if (Object.values(gysHosts).includes(m.code)) unit(o, `${m.name} anpassade gymnasieskola`, 'GYS', m.code);
    return o;
  });
  independentOrganisers.forEach((ind, i) => {
    const o: OrganiserPlan = {
      id: stableId(seed, 'organiser', ind.name),
      name: ind.name,
      municipalityCode: ind.municipalityCode,
      kind: 'independent',
      units: [],
      organisationNumber: organisationNumber(`5569${String(10_000 + i * 4321).padStart(5, '0')}`),
    };
    unit(o, ind.name.replace(/ AB$/, ''), 'GY', ind.municipalityCode);
    organisers.push(o);
  });
  return organisers;
}
