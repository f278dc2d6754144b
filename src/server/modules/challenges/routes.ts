/**
 * The challenges map's signed-in routes (src/shared/challenges/contract.ts): anyone with an account at an organiser
 * records the challenges they see (`knowledge-bank.submit`, as proposing a knowledge-bank record); the regional
 * editors (`knowledge-bank.moderate`) publish or reject them and see the node's overview. No personal data, so, as the
 * knowledge bank's moderation, no access-log rows beyond denials.
 */
import type { DbOrTx } from '../../db/client.ts';
import { logAccess } from '../../platform/access-log.ts';
import type { ActorContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { routeFor, type RouteDefinition } from '../../platform/routes.ts';
import { challengesApi } from '../../../shared/challenges/contract.ts';
import { inRequestLanguage } from '../interventions/refusals.ts';
import { examplesFor, knownSubChallenges } from './examples.ts';
import { challengeOverview, challengesOf, decideChallenge, pendingChallenges, recordChallenge } from './store.ts';

async function tenantOf(tx: DbOrTx, ctx: ActorContext): Promise<string> {
  if (ctx.actor.tenantId) return ctx.actor.tenantId;
  await logAccess(tx, ctx, { action: 'challenges.submit', purpose: 'utmaningar i regionens nätverk', outcome: 'denied' });
  throw forbidden();
}

export function challengeRoutes(): RouteDefinition[] {
  return [
    routeFor(challengesApi.mine, {
      permission: 'knowledge-bank.submit',
      async handler({ ctx, tx }) {
        const tenantId = await tenantOf(tx, ctx);
        const items = await challengesOf(tx, tenantId);
        // One challenge after the other: the transaction is one connection, which runs one statement at a time.
        const withExamples = [];
        for (const c of items) {
          const examples = await examplesFor(tx, c.focusArea, c.subChallenge);
          withExamples.push({ ...c, examples: examples.map((e) => ({ name: e.nameSv, href: `/kunskapsbank/${e.slug}` })) });
        }
        return { items: withExamples, suggestions: await knownSubChallenges(tx) };
      },
    }),
    routeFor(challengesApi.submit, {
      permission: 'knowledge-bank.submit',
      async handler({ ctx, tx, body, req, reply }) {
        const tenantId = await tenantOf(tx, ctx);
        const id = await inRequestLanguage(req, () => recordChallenge(tx, tenantId, body, ctx.actor.accountId, ctx.now.toISOString()));
        reply.code(201);
        return { id, status: 'pending' as const };
      },
    }),
    routeFor(challengesApi.review, {
      permission: 'knowledge-bank.moderate',
      async handler({ tx }) {
        const overview = await challengeOverview(tx);
        return {
          pending: await pendingChallenges(tx),
          overview: overview.map(({ municipality, focus, total }) => ({ municipality, focus, total })),
        };
      },
    }),
    routeFor(challengesApi.decide, {
      permission: 'knowledge-bank.moderate',
      async handler({ ctx, tx, params, body }) {
        const status = await decideChallenge(tx, params.id, body, ctx.actor.accountId, ctx.now.toISOString());
        return { id: params.id, status };
      },
    }),
  ];
}
