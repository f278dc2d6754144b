import type { Server } from 'node:http';
import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { openDatabase, type Database } from '../../server/db/client.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { readConfig } from '../../server/platform/config.ts';
import type { DatabaseSummary } from '../../server/platform/summary.ts';
import { ensureDemoAccounts, seedDemoIfEmpty, startDemoBackground } from '../demo-on-start.ts';
import { demoPassword, type DemoAccount } from '../../server/modules/auth/demo-accounts.ts';
import { printResult, progress } from '../output.ts';
import { ensureWebBuild } from '../web-build.ts';
import { seedKnowledgeBank } from '../../ingest/knowledge-bank/seed.ts';
import { serveBackupSocket } from '../../server/db/backup/live-socket.ts';
import { observeRequests, readMetricsConfig, RequestMetrics, serveMetrics } from '../../server/platform/metrics.ts';

interface StartOptions {
  json?: boolean;
  host?: string;
}

/**
 * `fullfolj start` (npm start): open and migrate the configured database, seed the demo region into
 * an empty one (../demo-on-start.ts), then serve until SIGINT/SIGTERM, closing the database on the way out
 * (PGlite otherwise keeps the process alive and its data folder locked).
 */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('Starta plattformen (start the platform)')
    .option('--host <host>', 'adress att lyssna på, annars HOST (listen address)')
    .option('--json', 'sammanfattningen som JSON när servern lyssnar (summary as JSON once listening)')
    .action(async (opts: StartOptions) => {
      const config = readConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      let app: FastifyInstance | undefined;
      let backupSocket: { close(): Promise<void> } | null = null;
      let metricsServer: Server | undefined;
      const metricsConfig = readMetricsConfig();
      const stop = stopOnSignals(async () => {
        await app?.close();
        await new Promise((resolve) => (metricsServer ? metricsServer.close(resolve) : resolve(undefined)));
        await backupSocket?.close();
        await database.close();
      });
      try {
        await migrateDatabase(database);
        // The knowledge bank's seed records are public regional content: loaded on every database, idempotently,
        // never over an editor's version (src/ingest/knowledge-bank/seed.ts).
        await seedKnowledgeBank(database.db);
        const summary = await seedDemoIfEmpty(database, config);
        const demoAccounts = await ensureDemoAccounts(database, config);
        const webRoot = await ensureWebBuild(progress);
        app = await buildApp({ database, config, webRoot });
        const metrics = new RequestMetrics();
        if (metricsConfig) observeRequests(app, metrics);
        await app.listen({ port: config.port, host: opts.host ?? config.host });
        // `fullfolj backup` asks the running server for a consistent copy of the embedded database (it holds the lock).
        if (database.kind === 'pglite') backupSocket = await serveBackupSocket(database, config.dataDir);
        // Prometheus metrics on their own port (FULLFOLJ_METRICS_PORT), never on the public one.
        if (metricsConfig) metricsServer = await serveMetrics(metrics, database, metricsConfig);
        const metricsAddress = metricsServer?.address();
        const metricsUrl =
          metricsAddress && typeof metricsAddress === 'object' ? `http://${metricsConfig?.host}:${metricsAddress.port}/metrics` : undefined;
        printSummary(opts, app, database, summary, demoAccounts, metricsUrl);
        await startDemoBackground(database);
      } catch (err) {
        await stop();
        throw err;
      }
    });
}

/** Runs `close` once on the first SIGINT/SIGTERM and exits; a second signal exits at once. */
function stopOnSignals(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  const stop = () => (closing ??= close());
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    progress(`${signal}: stänger servern och databasen (shutting down)…`);
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        progress(`Fel vid avstängning: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return stop;
}

/** The start-up summary on stdout: aggregate counts only. */
function printSummary(
  opts: StartOptions,
  app: FastifyInstance,
  database: Database,
  summary: DatabaseSummary,
  demoAccounts: DemoAccount[],
  metricsUrl?: string,
): void {
  const address = app.server.address();
  const host = typeof address === 'object' && address ? address.address : '127.0.0.1';
  const port = typeof address === 'object' && address ? address.port : 0;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shown}:${port}`;
  const demoUsers = demoAccounts.map((a) => ({ username: a.username, role: a.role }));
  const metrics = metricsUrl ? { metricsUrl } : {};
  printResult(
    opts,
    { url, database: database.kind, ...summary, demoUsers, ...(demoUsers.length ? { demoPassword } : {}), ...metrics },
    () =>
      [
        `Fullfölj körs på ${url} (databas: ${database.kind})`,
        `  ${summary.organisers} huvudmän, ${summary.schoolUnits} skolenheter, ${summary.students} elever`,
        ...(demoUsers.length ? [`  Demoanvändare (lösenord "${demoPassword}"): ${demoUsers.map((u) => u.username).join(', ')}`] : []),
        ...(metricsUrl ? [`  Mätvärden (Prometheus): ${metricsUrl}`] : []),
        `  Hälsokontroll: ${url}/api/health — stoppa med Ctrl+C`,
      ].join('\n'),
  );
}
