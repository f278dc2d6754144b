import type { Command } from 'commander';
import { addRegion, listRegions, regionMunicipalitiesOf } from '../../server/modules/region/store.ts';
import { withDatabase } from '../database.ts';
import { printResult } from '../output.ts';

const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/**
 * `fullfolj region list|add [--json]`: regions are configuration (docs/region.md). `add` creates a region or replaces
 * the municipalities of the one with the same slug.
 */
export function registerRegion(program: Command): void {
  const region = program.command('region').description('Regioner och delregioner (regions and sub-regions)');
  region
    .command('list')
    .description('Regionerna med sina kommuner (the regions and their municipalities)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(async (opts: { json?: boolean }) => {
      const regions = await withDatabase(async ({ db }) => {
        const out = [];
        for (const r of await listRegions(db)) {
          const municipalities = await regionMunicipalitiesOf(db, r.id);
          out.push({
            slug: r.slug,
            name: { sv: r.nameSv, en: r.nameEn },
            kind: r.kind,
            parent: r.parentSlug,
            countyCode: r.countyCode,
            reportsVisibility: r.reportsVisibility,
            municipalities: municipalities.map((m) => ({ code: m.code, name: m.name, organisers: m.tenantIds.length })),
          });
        }
        return out;
      });
      printResult(opts, { status: 'ok', regions }, () =>
        regions
          .map((r) => `${r.slug}: ${r.name.sv} (${r.municipalities.length} kommuner${r.parent ? `, del av ${r.parent}` : ''})`)
          .join('\n'),
      );
    });
  region
    .command('add')
    .description('Lägg till eller ändra en region (add or change a region)')
    .requiredOption('--slug <slug>', 'kort namn i adresser, till exempel skaraborg')
    .requiredOption('--name-sv <name>', 'namnet på svenska')
    .option('--name-en <name>', 'namnet på engelska (som det svenska om det saknas)')
    .option('--kind <kind>', 'region eller sub-region', 'region')
    .option('--parent <slug>', 'den överordnade regionen')
    .option('--county <code>', 'länskod, två siffror')
    .requiredOption('--municipalities <codes>', 'kommunkoder, kommaseparerade (SCB), till exempel 1494,1496')
    .option('--members-only', 'publicerade rapporter bara för inloggade medlemmar (reports for members only)')
    .option('--json', 'maskinläsbar utdata (machine-readable output)')
    .action(
      async (opts: {
        slug: string;
        nameSv: string;
        nameEn?: string;
        kind: string;
        parent?: string;
        county?: string;
        municipalities: string;
        membersOnly?: boolean;
        json?: boolean;
      }) => {
        if (!slugPattern.test(opts.slug)) throw new Error('--slug får bara ha små bokstäver a–z, siffror och bindestreck.');
        if (opts.kind !== 'region' && opts.kind !== 'sub-region') throw new Error('--kind ska vara region eller sub-region.');
        if (opts.county !== undefined && !/^\d\d$/.test(opts.county)) throw new Error('--county ska vara en länskod med två siffror.');
        const codes = opts.municipalities
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean);
        if (codes.length === 0 || codes.some((c) => !/^\d{4}$/.test(c)))
          throw new Error('--municipalities ska vara kommunkoder med fyra siffror.');
        const saved = await withDatabase(({ db }) =>
          addRegion(db, {
            slug: opts.slug,
            nameSv: opts.nameSv,
            nameEn: opts.nameEn ?? opts.nameSv,
            kind: opts.kind as 'region' | 'sub-region',
            parentSlug: opts.parent,
            countyCode: opts.county,
            municipalityCodes: codes,
            reportsVisibility: opts.membersOnly ? 'members' : 'public',
          }),
        );
        printResult(
          opts,
          { status: 'ok', slug: saved.slug, municipalities: codes.length },
          () => `Regionen ${saved.slug} har ${codes.length} kommuner.`,
        );
      },
    );
}
