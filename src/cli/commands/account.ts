import type { Command } from 'commander';
import { text } from 'node:stream/consumers';
import { generatedPassword, grantRole, listAccounts, setDisabled, upsertAccount } from '../../server/modules/accounts/manage.ts';
import { withDatabase } from '../database.ts';
import { printResult } from '../output.ts';

interface Json {
  json?: boolean;
}

/**
 * `fullfolj account add|grant|disable|enable|list [--json]`: the installation's accounts from the command line — the
 * first administrator of a new installation (docs/operations.md), and roles that duties in SS 12000 do not give.
 */
export function registerAccount(program: Command): void {
  const account = program.command('account').description('Konton och roller (accounts and roles)');
  account
    .command('add')
    .description('Skapa ett konto med lösenord, eller byt namn och lösenord (create a local account)')
    .requiredOption('--username <name>', 'användarnamn')
    .requiredOption('--name <name>', 'namnet som visas')
    .option('--password-stdin', 'läs lösenordet från standard in (annars skapas ett och visas en gång)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: Json & { username: string; name: string; passwordStdin?: boolean }) => {
      const given = opts.passwordStdin ? (await text(process.stdin)).replace(/\r?\n$/, '') : undefined;
      const password = given ?? generatedPassword();
      const saved = await withDatabase(({ db }) => upsertAccount(db, { username: opts.username, displayName: opts.name, password }));
      const shown = given === undefined ? { password } : {};
      printResult(opts, { status: 'ok', username: opts.username, created: saved.created, ...shown }, () =>
        [
          `${saved.created ? 'Kontot skapat' : 'Kontot uppdaterat'}: ${opts.username}`,
          ...(given === undefined ? [`Lösenord (visas bara nu): ${password}`] : []),
        ].join('\n'),
      );
    });
  account
    .command('grant')
    .description('Ge ett konto en roll hos en huvudman (grant a role at an organiser)')
    .requiredOption('--username <name>', 'användarnamn')
    .requiredOption('--role <role>', 'rollen, till exempel admin, dpo, kaa, rektor, region-coordinator')
    .requiredOption('--organiser <number>', 'huvudmannens organisationsnummer, tio siffror')
    .option('--municipality <code>', 'KAA: hemkommunens kod (annars huvudmannens)')
    .option('--region <slug>', 'regionala roller: regionens korta namn')
    .option('--units <codes>', 'skolenhetsroller: skolenhetskoder, kommaseparerade')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(
      async (
        opts: Json & { username: string; role: string; organiser: string; municipality?: string; region?: string; units?: string },
      ) => {
        const granted = await withDatabase(({ db }) =>
          grantRole(db, {
            username: opts.username,
            role: opts.role,
            organiser: opts.organiser,
            municipalityCode: opts.municipality,
            regionSlug: opts.region,
            unitCodes: opts.units?.split(',').map((c) => c.trim()),
          }),
        );
        printResult(
          opts,
          { status: 'ok', username: opts.username, ...granted },
          () => `${opts.username}: ${granted.role} hos ${granted.organiser}`,
        );
      },
    );
  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    account
      .command(name)
      .description(disabled ? 'Stäng av ett konto (disable an account)' : 'Slå på ett avstängt konto (enable an account)')
      .requiredOption('--username <name>', 'användarnamn')
      .option('--json', 'maskinläsbar utdata (machine-readable output)')
      .action(async (opts: Json & { username: string }) => {
        await withDatabase(({ db }) => setDisabled(db, opts.username, disabled));
        printResult(
          opts,
          { status: 'ok', username: opts.username, disabled },
          () => `${opts.username}: ${disabled ? 'avstängt' : 'påslaget'}`,
        );
      });
  }
  account
    .command('list')
    .description('Kontona med sina roller (the accounts and their roles)')
    .option('--username <name>', 'bara det här kontot')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: Json & { username?: string }) => {
      const list = await withDatabase(({ db }) => listAccounts(db, opts.username));
      printResult(opts, { status: 'ok', accounts: list }, () =>
        list.length === 0
          ? 'Inga konton.'
          : list
              .map((a) => `${a.username} (${a.name})${a.disabled ? ' — avstängt' : ''}: ${a.roles.join('; ') || 'ingen roll'}`)
              .join('\n'),
      );
    });
}
