/** The signed-in account as the web app sees it: roles, their scopes, and abilities (src/shared/auth/contract.ts). */
import { permissions } from '../../../shared/access/permissions.ts';
import { roles } from '../../../shared/access/roles.ts';
import type { Me } from '../../../shared/auth/contract.ts';
import { abilitiesOf, type Actor } from '../../platform/context.ts';

/** Explicit picks: no password hash, no session data, no staff person id. */
export function presentMe(actor: Actor): Me {
  return {
    account: { id: actor.accountId, username: actor.username, displayName: actor.displayName },
    tenantId: actor.tenantId,
    roles: actor.assignments.map((a) => ({
      role: a.role,
      label: roles[a.role].label.sv,
      scope: roles[a.role].scope,
      unitIds: a.unitIds,
      municipalityCode: a.municipalityCode,
    })),
    abilities: abilitiesOf(actor, permissions),
  };
}
