/**
 * The SS 12000 documents every import benchmark starts from: one invented organiser (Huvudman "Mätkommun") and its one
 * school unit, with the meta the benchmarks' documents share. No real organisation: the organisation number and school
 * unit code are made up and the municipality is a real code only so that the importer's municipality check passes.
 */
import { randomUUID } from 'node:crypto';

/** The meta every benchmark document carries (created before the school year, modified once). */
export function benchMeta(modified = '2025-08-15T08:00:00Z') {
  return { created: '2025-08-01T08:00:00Z', modified };
}

/** The organiser and its school unit as `organisations` documents, with their ids. */
export function organiserWithSchool(tenantId: string = randomUUID(), meta = benchMeta()) {
  const school = randomUUID();
  return {
    tenantId,
    school,
    organisations: [
      {
        id: tenantId,
        meta,
        displayName: 'Mätkommun',
        organisationType: 'Huvudman',
        organisationNumber: '2120009999',
        municipalityCode: '1496',
      },
      {
        id: school,
        meta,
        displayName: 'Mätskolan',
        organisationType: 'Skolenhet',
        schoolUnitCode: '99999999',
        parentOrganisation: { id: tenantId },
      },
    ],
  };
}
