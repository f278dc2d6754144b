/**
 * A small KAA register for the report, letters and coverage tests: three young people of the fixture municipality
 * (Göteborg, 1480) registered on 2024-09-15 — Ada with a reached contact, her occupation and a closed measure (clean),
 * Bea reached without a recorded occupation and without an address (one failing check, no letter), Cai a protected
 * identity with an attempt only.
 */
import { kaaContacts, kaaMeasures, kaaOccupations, kaaRegistrations, kaaYouth } from '../../../db/schema/index.ts';
import type { Database } from '../../../db/client.ts';
import { kommun } from '../../../../../test/support/access.ts';

export const youth = {
  ada: 'e0000000-0000-4000-8000-000000000001',
  bea: 'e0000000-0000-4000-8000-000000000002',
  cai: 'e0000000-0000-4000-8000-000000000003',
};

/** Three young people in Göteborg's register (the fixture municipality, 1480): one clean, one with gaps, one protected. */
export async function seedRegister(db: Database['db'], officer: string): Promise<void> {
  await db.insert(kaaYouth).values([
    {
      tenantId: kommun,
      id: youth.ada,
      civicNo: '200701052383',
      civicNoKind: 'personnummer',
      givenName: 'Ada',
      familyName: 'Aktiv',
      birthDate: '2007-01-05',
      address: { streetAddress: 'Storgatan 1', postalCode: '411 01', locality: 'Göteborg' },
      inGroup: true,
    },
    {
      tenantId: kommun,
      id: youth.bea,
      civicNo: '200701062382',
      civicNoKind: 'personnummer',
      givenName: 'Bea',
      familyName: 'Brist',
      birthDate: '2007-01-06',
      address: null,
      inGroup: true,
    },
    {
      tenantId: kommun,
      id: youth.cai,
      civicNo: '200701072381',
      civicNoKind: 'personnummer',
      givenName: 'Cai',
      familyName: 'Skyddad',
      birthDate: '2007-01-07',
      protected: true,
      inGroup: true,
    },
  ]);
  await db.insert(kaaRegistrations).values(
    Object.values(youth).map((id) => ({
      tenantId: kommun,
      youthId: id,
      registeredOn: '2024-09-15',
      registrationReason: 'dropout-national' as const,
      registrationSource: 'automatic' as const,
    })),
  );
  await db.insert(kaaContacts).values([
    { tenantId: kommun, youthId: youth.ada, contactedOn: '2024-09-20', kind: 'phone', outcome: 'reached', recordedBy: officer },
    { tenantId: kommun, youthId: youth.bea, contactedOn: '2024-09-21', kind: 'phone', outcome: 'reached', recordedBy: officer },
    { tenantId: kommun, youthId: youth.cai, contactedOn: '2024-09-22', kind: 'letter', outcome: 'not-reached', recordedBy: officer },
  ]);
  // Ada's occupation is recorded; Bea's is not, so her contact fails the check "occupation at contact".
  await db.insert(kaaOccupations).values({ tenantId: kommun, youthId: youth.ada, timing: 'current', kind: 'none', recordedBy: officer });
  await db.insert(kaaMeasures).values({
    tenantId: kommun,
    youthId: youth.ada,
    kind: 'guidance',
    description: 'Vägledningssamtal',
    responsible: 'municipality',
    startDate: '2024-09-25',
    endDate: '2024-09-30',
    endReason: 'completed',
    outcome: 'adult-education',
    status: 'closed',
    createdBy: officer,
  });
}
