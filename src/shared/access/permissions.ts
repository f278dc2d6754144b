/**
 * Permissions: what an action needs. Every route declares one; roles grant them (roles.ts).
 * Names are `<area>.<verb>`; a permission alone never widens scope — scope comes from the role.
 */
export const permissions = [
  'students.list',
  'students.read',
  /** A student's contact details (never for a protected identity, whoever asks). */
  'contact.read',
  'attendance.read',
  'grades.read',
  'early-warning.read',
  /** A mentor's school-connectedness rating of a student (skolanknytning). */
  'connectedness.write',
  'interventions.read',
  'interventions.write',
  'youth-register.read',
  'youth-register.write',
  /** Confirm and send notices to a student's home municipality (skollagen 15 kap. 15 §), and see what was sent: the principal. */
  'kaa-notices.send',
  'handovers.read',
  'handovers.write',
  'statistics.read',
  /** A region's figures as aggregates only, and its monthly report's draft: the region coordinator (docs/region.md). */
  'region.read',
  /** Generate the region's monthly report, write the steering group's commentary and publish it. */
  'region-report.write',
  /** Read a region's published monthly reports, also those the region shows only to its members. */
  'region-report.read',
  /** Plan the region's network events, add their recordings and read their sign-ups: the region coordinator (docs/region-network.md). */
  'events.manage',
  /** Answer the organiser's implementation-plan self-assessment and keep its actions: the analyst (docs/region-network.md). */
  'implementation-plan.write',
  /** Propose a knowledge-bank record or an edit of one (every role: anyone with an account may submit). */
  'knowledge-bank.submit',
  'knowledge-bank.edit',
  'knowledge-bank.moderate',
  'access-log.read',
  'register-extract.create',
  /** The secrecy review of a register extract: read the items under secrecy and release or withhold each (the DPO only). */
  'register-extract.review',
  'users.manage',
  'settings.manage',
  /** For routes that only need a signed-in user (their own profile, sign-out). */
  'session.self',
  /** For public routes (health, public knowledge bank): declared, so that a missing declaration still fails the route walk. */
  'public',
] as const;

export type Permission = (typeof permissions)[number];

/** True when `value` names a known permission. */
export function isPermission(value: string): value is Permission {
  return (permissions as readonly string[]).includes(value);
}
