/**
 * The language a request is answered in: `?lang=en|sv`, else the browser's Accept-Language (English only when it
 * prefers English over Swedish), else Swedish.
 */
import type { FastifyRequest } from 'fastify';

export type Language = 'sv' | 'en';

/** The language of the request. */
export function requestLanguage(req: Pick<FastifyRequest, 'headers' | 'query'>): Language {
  const asked = (req.query as Record<string, unknown> | undefined)?.lang;
  if (asked === 'en' || asked === 'sv') return asked;
  const header = req.headers['accept-language'];
  if (typeof header !== 'string') return 'sv';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.split('-')[0], q: Number.isFinite(q) ? q : 0 };
    })
    .filter((x) => x.tag === 'sv' || x.tag === 'en')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag === 'en' ? 'en' : 'sv';
}
