/**
 * Accounts and their roles for an installation's administrator, from the command line (`fullfolj account …`): the
 * first administrator of a new installation, and the roles OpenID Connect's duties do not give (administrator,
 * data protection officer, KAA officer, regional roles). Passwords are stored only as argon2id hashes.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { accounts, municipalities, organisations, organisers, regions, roleAssignments } from '../../db/schema/index.ts';
import { roles, type Role } from '../../../shared/access/roles.ts';
import { hashPassword } from '../../platform/passwords.ts';

/** A refusal the command prints as it is: Swedish, naming the option, never a stored value. */
export class AccountProblem extends Error {}

/** A password of 20 characters from 15 random bytes (120 bits), for an account created without one. */
export function generatedPassword(): string {
  return randomBytes(15).toString('base64url');
}

/** The smallest password the command accepts: 12 characters (NIST SP 800-63B asks at least 8; we ask more). */
export const minimumPasswordLength = 12;

/** Creates a local account, or sets the name and password of the one with that username. */
export async function upsertAccount(
  db: DbOrTx,
  input: { username: string; displayName: string; password: string },
): Promise<{ id: string; created: boolean }> {
  if (!/^[a-z0-9._@-]{2,64}$/i.test(input.username))
    throw new AccountProblem('--username: 2–64 tecken, bokstäver a–z, siffror och . _ @ -');
  if (input.displayName.trim() === '' || input.displayName.length > 200) throw new AccountProblem('--name: 1–200 tecken');
  if (input.password.length < minimumPasswordLength) throw new AccountProblem(`Lösenordet: minst ${minimumPasswordLength} tecken`);
  const passwordHash = await hashPassword(input.password);
  const [existing] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, input.username));
  if (existing) {
    await db.update(accounts).set({ displayName: input.displayName, passwordHash, disabled: false }).where(eq(accounts.id, existing.id));
    return { id: existing.id, created: false };
  }
  const [row] = await db
    .insert(accounts)
    .values({ username: input.username, displayName: input.displayName, passwordHash })
    .returning({ id: accounts.id });
  return { id: row!.id, created: true };
}

export interface Grant {
  username: string;
  role: string;
  /** The organiser's ten-digit organisation number. */
  organiser: string;
  municipalityCode?: string;
  regionSlug?: string;
  unitCodes?: string[];
}

/** Gives an account a role at an organiser, with what the role's scope needs; replaces the same role there. */
export async function grantRole(db: DbOrTx, grant: Grant): Promise<{ role: Role; organiser: string }> {
  if (!(grant.role in roles)) throw new AccountProblem(`--role: okänd roll; välj en av ${Object.keys(roles).join(', ')}`);
  const role = grant.role as Role;
  const scope = roles[role].scope;
  const [account] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, grant.username));
  if (!account) throw new AccountProblem('--username: inget konto med det användarnamnet');
  const [organiser] = await db
    .select({ id: organisers.id, name: organisers.name, municipalityCode: organisers.municipalityCode })
    .from(organisers)
    .where(eq(organisers.organisationNumber, grant.organiser.replace('-', '')));
  if (!organiser) throw new AccountProblem('--organiser: ingen huvudman med det organisationsnumret');
  let regionId: string | null = null;
  if (scope === 'region-aggregates') {
    if (!grant.regionSlug) throw new AccountProblem('--region: rollen behöver en region');
    const [region] = await db.select({ id: regions.id }).from(regions).where(eq(regions.slug, grant.regionSlug));
    if (!region) throw new AccountProblem('--region: ingen region med det korta namnet (se fullfolj region list)');
    regionId = region.id;
  }
  const municipalityCode = scope === 'home-municipality' ? (grant.municipalityCode ?? organiser.municipalityCode) : null;
  if (municipalityCode !== null) {
    const [known] = /^\d{4}$/.test(municipalityCode)
      ? await db.select({ code: municipalities.code }).from(municipalities).where(eq(municipalities.code, municipalityCode))
      : [];
    if (!known) throw new AccountProblem('--municipality: ingen kommun med den koden (fyra siffror, SCB)');
  }
  let unitIds: string[] = [];
  if (scope === 'units') {
    if (!grant.unitCodes?.length) throw new AccountProblem('--units: rollen behöver minst en skolenhetskod');
    unitIds = await organisationUnitsByCode(db, organiser.id, grant.unitCodes);
    if (unitIds.length !== grant.unitCodes.length) throw new AccountProblem('--units: en skolenhetskod finns inte hos huvudmannen');
  }
  if (scope === 'mentor-groups' || scope === 'teaching-groups')
    throw new AccountProblem('--role: mentorer och lärare får sin roll från skolans schema (SS 12000) vid inloggning');
  await db
    .delete(roleAssignments)
    .where(and(eq(roleAssignments.tenantId, organiser.id), eq(roleAssignments.accountId, account.id), eq(roleAssignments.role, role)));
  await db.insert(roleAssignments).values({ tenantId: organiser.id, accountId: account.id, role, municipalityCode, unitIds, regionId });
  return { role, organiser: organiser.name };
}

/** The ids of the organiser's school units with these skolenhetskoder. */
async function organisationUnitsByCode(db: DbOrTx, tenantId: string, codes: string[]): Promise<string[]> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.tenantId, tenantId), inArray(organisations.schoolUnitCode, codes)));
  return rows.map((r) => r.id);
}

/** Turns an account off (its sessions end at the next request) or on again. */
export async function setDisabled(db: DbOrTx, username: string, disabled: boolean): Promise<void> {
  const rows = await db.update(accounts).set({ disabled }).where(eq(accounts.username, username)).returning({ id: accounts.id });
  if (rows.length === 0) throw new AccountProblem('--username: inget konto med det användarnamnet');
}

/** Every account with its roles' labels and organisers' names: never a hash, never an id. */
export async function listAccounts(db: DbOrTx, username?: string) {
  const rows = await db
    .select({
      username: accounts.username,
      name: accounts.displayName,
      disabled: accounts.disabled,
      local: accounts.passwordHash,
      oidc: accounts.oidcSubject,
      role: roleAssignments.role,
      organiser: organisers.name,
    })
    .from(accounts)
    .leftJoin(roleAssignments, eq(roleAssignments.accountId, accounts.id))
    .leftJoin(organisers, eq(organisers.id, roleAssignments.tenantId))
    .where(username ? eq(accounts.username, username) : undefined)
    .orderBy(asc(accounts.username));
  const byUser = new Map<string, { username: string; name: string; disabled: boolean; signIn: string[]; roles: string[] }>();
  for (const r of rows) {
    const entry = byUser.get(r.username) ?? {
      username: r.username,
      name: r.name,
      disabled: r.disabled,
      signIn: [...(r.local ? ['lösenord'] : []), ...(r.oidc ? ['OpenID Connect'] : [])],
      roles: [],
    };
    if (r.role && r.organiser) entry.roles.push(`${roles[r.role as Role]?.label.sv ?? r.role} hos ${r.organiser}`);
    byUser.set(r.username, entry);
  }
  return [...byUser.values()];
}
