/**
 * Prometheus metrics on a separate listener (FULLFOLJ_METRICS_PORT, loopback unless FULLFOLJ_METRICS_HOST says
 * otherwise), never on the public port: request counts and latencies per route pattern (never the URL itself, which
 * can carry ids), the database's reachability, and the imports' runs, durations and rejected documents from the
 * database. Text format 0.0.4, no client library: a few counters and one histogram.
 */
import { createServer, type Server } from 'node:http';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { queryRows, type Database } from '../db/client.ts';

const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  count: number;
  sum: number;
  /** Cumulative counts per bucket, then +Inf is `count`. */
  le: number[];
}

/** The request series kept in memory since start. */
export class RequestMetrics {
  readonly started = Date.now();
  private readonly series = new Map<string, Series>();

  /** Records one answered request under its route pattern ('unmatched' when no route matched). */
  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `method="${method}",route="${escapeLabel(route)}",status="${status}"`;
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { count: 0, sum: 0, le: buckets.map(() => 0) }));
    s.count += 1;
    s.sum += seconds;
    buckets.forEach((b, i) => {
      if (seconds <= b) s.le[i] = (s.le[i] ?? 0) + 1;
    });
  }

  /** The series in Prometheus text format. */
  render(): string {
    const lines = [
      '# HELP fullfolj_http_requests_total Answered HTTP requests by method, route pattern and status.',
      '# TYPE fullfolj_http_requests_total counter',
    ];
    for (const [key, s] of this.series) lines.push(`fullfolj_http_requests_total{${key}} ${s.count}`);
    lines.push(
      '# HELP fullfolj_http_request_duration_seconds Time to answer, by method, route pattern and status.',
      '# TYPE fullfolj_http_request_duration_seconds histogram',
    );
    for (const [key, s] of this.series) {
      buckets.forEach((b, i) => lines.push(`fullfolj_http_request_duration_seconds_bucket{${key},le="${b}"} ${s.le[i] ?? 0}`));
      lines.push(`fullfolj_http_request_duration_seconds_bucket{${key},le="+Inf"} ${s.count}`);
      lines.push(`fullfolj_http_request_duration_seconds_sum{${key}} ${s.sum}`);
      lines.push(`fullfolj_http_request_duration_seconds_count{${key}} ${s.count}`);
    }
    lines.push(
      '# HELP fullfolj_process_start_time_seconds When the server started.',
      '# TYPE fullfolj_process_start_time_seconds gauge',
      `fullfolj_process_start_time_seconds ${this.started / 1000}`,
    );
    return `${lines.join('\n')}\n`;
  }
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Counts every answer of `app` by its route pattern. Call before `listen`. */
export function observeRequests(app: FastifyInstance, metrics: RequestMetrics): void {
  app.addHook('onResponse', async (req, reply) => {
    metrics.observe(req.method, req.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });
}

/** Figures read from the database at scrape time: reachability, import runs, rejected documents, the nightly jobs' last runs. */
export async function databaseMetrics(database: Database): Promise<string> {
  const lines = ['# HELP fullfolj_database_up 1 when the database answered this scrape.', '# TYPE fullfolj_database_up gauge'];
  try {
    const runs = await queryRows<{ status: string; n: string | number }>(
      database.db,
      sql`SELECT status, count(*) AS n FROM import_runs GROUP BY status ORDER BY status`,
    );
    const [rejected] = await queryRows<{ n: string | number }>(database.db, sql`SELECT count(*) AS n FROM import_errors`);
    const [last] = await queryRows<{ finished: string | number | null; seconds: string | number | null }>(
      database.db,
      sql`SELECT extract(epoch FROM finished_at) AS finished, extract(epoch FROM finished_at - started_at) AS seconds
          FROM import_runs WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1`,
    );
    lines.push('fullfolj_database_up 1');
    lines.push('# HELP fullfolj_import_runs_total SS 12000 import runs by outcome.', '# TYPE fullfolj_import_runs_total counter');
    for (const r of runs) lines.push(`fullfolj_import_runs_total{status="${escapeLabel(r.status)}"} ${Number(r.n)}`);
    lines.push(
      '# HELP fullfolj_import_rejected_documents_total Documents the importer rejected (kept in import_errors).',
      '# TYPE fullfolj_import_rejected_documents_total counter',
      `fullfolj_import_rejected_documents_total ${Number(rejected?.n ?? 0)}`,
    );
    // The import and every nightly job in job_runs: when each last finished, how long it ran, whether it failed.
    const jobs = await queryRows<{ job: string; finished: string | number | null; seconds: string | number | null; failed: boolean }>(
      database.db,
      sql`SELECT DISTINCT ON (job) job, extract(epoch FROM finished_at) AS finished,
                 extract(epoch FROM finished_at - started_at) AS seconds, outcome = 'failed' AS failed
          FROM job_runs WHERE finished_at IS NOT NULL ORDER BY job, started_at DESC`,
    );
    const finished = [
      ...(last?.finished != null ? [{ job: 'import', finished: last.finished, seconds: last.seconds, failed: false }] : []),
      ...jobs,
    ];
    if (finished.length > 0) {
      const series = (name: string, value: (j: (typeof finished)[number]) => number) =>
        finished.map((j) => `${name}{job="${escapeLabel(j.job)}"} ${value(j)}`);
      lines.push(
        '# HELP fullfolj_job_last_success_timestamp_seconds When a job last finished.',
        '# TYPE fullfolj_job_last_success_timestamp_seconds gauge',
        ...series('fullfolj_job_last_success_timestamp_seconds', (j) => Number(j.finished)),
        '# HELP fullfolj_job_last_duration_seconds How long a job last ran.',
        '# TYPE fullfolj_job_last_duration_seconds gauge',
        ...series('fullfolj_job_last_duration_seconds', (j) => Number(j.seconds ?? 0)),
        "# HELP fullfolj_job_last_failed 1 when the job's last finished run failed.",
        '# TYPE fullfolj_job_last_failed gauge',
        ...series('fullfolj_job_last_failed', (j) => (j.failed ? 1 : 0)),
      );
    }
  } catch {
    lines.push('fullfolj_database_up 0');
  }
  return `${lines.join('\n')}\n`;
}

export interface MetricsListenerConfig {
  port: number;
  host: string;
}

/** FULLFOLJ_METRICS_PORT (unset: no listener) and FULLFOLJ_METRICS_HOST (default 127.0.0.1). */
export function readMetricsConfig(env: NodeJS.ProcessEnv = process.env): MetricsListenerConfig | null {
  const port = env.FULLFOLJ_METRICS_PORT;
  if (port === undefined || port === '') return null;
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
    throw new Error(`FULLFOLJ_METRICS_PORT måste vara ett portnummer (0–65535) (must be a port number).`);
  }
  return { port: Number(port), host: env.FULLFOLJ_METRICS_HOST || '127.0.0.1' };
}

/** Serves GET /metrics on its own port; anything else is 404. */
export async function serveMetrics(metrics: RequestMetrics, database: Database, config: MetricsListenerConfig): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Finns inte (not found)\n');
      return;
    }
    databaseMetrics(database).then((fromDb) => {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(metrics.render() + fromDb);
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(config.port, config.host, resolve));
  return server;
}
