import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../server/db/client.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { addFormerStudent } from '../../server/modules/follow-up/test-cohort.ts';

// The CLI in a child process on its own embedded database, against a local stand-in for Kolada (no internet here).
const work = mkdtempSync(join(tmpdir(), 'fullfolj-follow-up-cli-'));
const dataDir = join(work, 'data');
{
  const database = await openDatabase({ dataDir });
  await migrateDatabase(database);
  await database.close();
}
let answer: unknown = {
  values: [{ kpi: 'N17461', municipality: '0000', period: 2025, values: [{ gender: 'T', status: '', value: 75.2 }] }],
  next_url: null,
};
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(answer));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => {
  server.close();
  rmSync(work, { recursive: true, force: true });
});

const run = promisify(execFile);
async function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, FULLFOLJ_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], { env, encoding: 'utf8' });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { status: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('follow-up kolada --json stores what Kolada gave; a changed answer fails with a clear message and exit code 1', async () => {
  const ok = await cli('follow-up', 'kolada', '--base-url', baseUrl, '--from', '2024', '--to', '2025', '--json');
  assert.equal(ok.status, 0, ok.stderr);
  const summary = JSON.parse(ok.stdout) as { status: string; stored: number; missingYears: number[] };
  assert.deepEqual([summary.status, summary.stored, summary.missingYears], ['ok', 1, [2024]]);
  answer = { rows: [] };
  const failed = await cli('kolada', 'fetch', '--base-url', baseUrl, '--json');
  assert.equal(failed.status, 1);
  assert.match((JSON.parse(failed.stdout) as { message: string }).message, /okänt format/);
});

test('follow-up report --json: an installation without organisers reports none', async () => {
  const res = await cli('follow-up', 'report', '--today', '2026-12-03', '--json');
  assert.equal(res.status, 0, res.stderr);
  assert.deepEqual(JSON.parse(res.stdout), { today: '2026-12-03', organisers: [] });
});

test('follow-up report --json: every organiser with starters, in name order, each with its own cohorts', async () => {
  const database = await openDatabase({ dataDir });
  const organisers = [
    ['c0000000-0000-4000-8000-00000000000b', 'Bkommunen', 25],
    ['c0000000-0000-4000-8000-00000000000a', 'Akommunen', 20],
    ['c0000000-0000-4000-8000-00000000000c', 'Ckommunen', 0],
  ] as const;
  for (const [id, name, starters] of organisers) {
    await database.db.execute(sql`INSERT INTO organisers (id, name, organisation_number, kind, municipality_code)
      VALUES (${id}::uuid, ${name}, ${`21200014${starters + 10}`}, 'municipal', '1480')`);
    for (let i = 0; i < starters; i++)
      await addFormerStudent(database.db, {
        tenantId: id,
        schoolUnitId: 'a0000000-0000-4000-8000-000000000002',
        programmeId: 'b0000000-0000-4000-8000-000000000001',
        programmeCode: 'NA',
        startDate: '2019-08-15',
        endDate: '2022-06-15',
        ...(i % 5 === 0 ? {} : { examen: '2022-06-10' }),
      });
  }
  await database.close();
  const res = await cli('follow-up', 'report', '--today', '2026-12-03', '--json');
  assert.equal(res.status, 0, res.stderr);
  const body = JSON.parse(res.stdout) as {
    organisers: { name: string; cohorts: { startYear: number; starters: number; within: { years: number; examen: number }[] }[] }[];
  };
  assert.deepEqual(
    body.organisers.map((o) => [o.name, o.cohorts.find((c) => c.startYear === 2019)?.starters]),
    [
      ['Akommunen', 20],
      ['Bkommunen', 25],
    ],
  );
  assert.equal(body.organisers[1]!.cohorts.find((c) => c.startYear === 2019)!.within[0]!.examen, 0.8);
});
