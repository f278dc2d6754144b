/** GET /api/health: public, aggregate counts only (the engine, organisers, school units, students). */
import { healthApi } from '../../shared/health/contract.ts';
import { routeFor, type RouteDefinition } from './routes.ts';
import { summarizeDatabase } from './summary.ts';

export function healthRoutes(): RouteDefinition[] {
  return [
    routeFor(healthApi.check, {
      permission: 'public',
      async handler({ tx, deps }) {
        const summary = await summarizeDatabase(tx);
        return { status: 'ok' as const, database: deps.database.kind, ...summary };
      },
    }),
  ];
}
