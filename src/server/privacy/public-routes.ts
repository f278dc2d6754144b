/**
 * GET /tillganglighet and GET /behandlingar: the accessibility statement and the record of processing, served to anyone
 * and rendered at each request from the running configuration and the retention rules in force (public documents, no
 * personal data: organisers' names and their rules only, so no access-log row).
 */
import { asc } from 'drizzle-orm';
import { organisers } from '../db/schema/index.ts';
import { requestLanguage } from '../platform/language.ts';
import { pageAssets } from '../platform/page-assets.ts';
import { defineRoute, type RouteDefinition } from '../platform/routes.ts';
import { retentionRuleInfo } from '../../shared/retention/rules.ts';
import { ruleSettings } from '../modules/retention/settings.ts';
import type { DbOrTx } from '../db/client.ts';
import { accessibilityBody } from './accessibility-page.ts';
import { installationFacts } from './installation.ts';
import { publicDocumentPaths, publicPage } from './public-page.ts';
import { recordBody, type RuleInForce } from './record-page.ts';

/** Every rule with its default and the organisers whose own value differs from it. */
export async function rulesInForce(db: DbOrTx): Promise<RuleInForce[]> {
  const all = await db.select({ id: organisers.id, name: organisers.name }).from(organisers).orderBy(asc(organisers.name));
  const rules: RuleInForce[] = retentionRuleInfo.map((i) => ({ key: i.key, defaultKeep: i.defaultKeep, own: [] }));
  for (const o of all) {
    for (const s of await ruleSettings(db, o.id)) {
      const rule = rules.find((r) => r.key === s.key)!;
      if (!s.isDefault && s.keep !== rule.defaultKeep) rule.own.push({ organiser: o.name, keep: s.keep });
    }
  }
  return rules;
}

/** The two public documents' routes. */
export function publicDocumentRoutes(webRoot: string | undefined): RouteDefinition[] {
  const { styles, inlineStyles } = pageAssets(webRoot, 'sign-in/main.ts');
  const assets = { styles, ...(inlineStyles ? { inlineStyles } : {}) };
  return [
    defineRoute({
      method: 'GET',
      url: publicDocumentPaths.accessibility,
      permission: 'public',
      rateLimit: { max: 300, timeWindow: 60_000 },
      async handler({ req, reply, deps }) {
        const lang = requestLanguage(req);
        const facts = installationFacts(deps.database, deps.auth);
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
        const title = lang === 'sv' ? 'Tillgänglighetsredogörelse' : 'Accessibility statement';
        return publicPage({ lang, path: publicDocumentPaths.accessibility, title, body: accessibilityBody(lang, facts), assets });
      },
    }),
    defineRoute({
      method: 'GET',
      url: publicDocumentPaths.record,
      permission: 'public',
      rateLimit: { max: 300, timeWindow: 60_000 },
      async handler({ req, reply, deps, tx }) {
        const lang = requestLanguage(req);
        const facts = installationFacts(deps.database, deps.auth);
        const body = recordBody(lang, facts, await rulesInForce(tx));
        reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
        const title = lang === 'sv' ? 'Register över behandlingar av personuppgifter' : 'Record of processing of personal data';
        return publicPage({ lang, path: publicDocumentPaths.record, title, body, assets });
      },
    }),
  ];
}
