/**
 * The Atom 1.0 feed (RFC 4287) of newly published knowledge-bank records: the newest first. Entry ids are
 * `urn:uuid:` of the record, so they stay the same whatever host name the feed is read through.
 */
import { label } from './pages/texts.ts';
import { isoTime, recordUrl } from './present.ts';
import type { KnowledgeRecord } from './search.ts';

/** Text for XML: escaped, and without the control characters XML 1.0 does not allow. */
export function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

export interface FeedOptions {
  /** Scheme and host, no trailing slash. */
  baseUrl: string;
  /** The feed's own URL (with its filter), for rel="self". */
  selfUrl: string;
  /** When the feed has no entries. */
  now: Date;
}

function entry(record: KnowledgeRecord, baseUrl: string): string {
  const url = recordUrl(baseUrl, record.slug);
  const published = isoTime(record.publishedAt) ?? isoTime(record.updatedAt) ?? new Date(0).toISOString();
  const updated = isoTime(record.updatedAt) ?? published;
  const categories = record.focusAreas
    .map((f) => `    <category term="${xmlText(f)}" label="${xmlText(label('sv', 'focus', f))}"/>`)
    .join('\n');
  return [
    '  <entry>',
    `    <id>urn:uuid:${record.id}</id>`,
    `    <title>${xmlText(record.nameSv)}</title>`,
    `    <link rel="alternate" type="text/html" href="${xmlText(url)}"/>`,
    `    <published>${published}</published>`,
    `    <updated>${updated > published ? updated : published}</updated>`,
    `    <author><name>${xmlText(record.organisation || 'Kunskapsbanken')}</name></author>`,
    `    <summary type="text">${xmlText(record.summarySv)}</summary>`,
    ...(categories ? [categories] : []),
    '  </entry>',
  ].join('\n');
}

/** The feed document for the records (already newest first). */
export function atomFeed(records: readonly KnowledgeRecord[], { baseUrl, selfUrl, now }: FeedOptions): string {
  const entries = records.map((r) => entry(r, baseUrl));
  const newest = records
    .flatMap((r) => [isoTime(r.publishedAt), isoTime(r.updatedAt)])
    .filter((t): t is string => Boolean(t))
    .sort()
    .at(-1);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">',
    `  <id>${xmlText(`${baseUrl}/feed.atom`)}</id>`,
    '  <title>Kunskapsbanken – nya exempel och metoder</title>',
    '  <subtitle>Lokala exempel och metoder för fullföljda studier, granskade av regionala redaktörer.</subtitle>',
    `  <updated>${newest ?? now.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(`${baseUrl}/kunskapsbank`)}"/>`,
    '  <author><name>Kunskapsbanken</name></author>',
    '  <generator>Fullfölj</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
