import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import zlib, { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { registerCompression } from './compression.ts';
import { sendKeptAnswer } from './kept-response.ts';
import { answerFor } from './read-cache.ts';

/** An app with the compression plugin and two kept answers: one above the compression threshold, one below. */
async function appWithKeptAnswers() {
  const app = Fastify();
  await registerCompression(app);
  const bigRows = Array.from({ length: 200 }, (_, i) => ({ namn: `Elev ${i}`, närvaro: 0.9 }));
  const big = answerFor(bigRows, () => ({ items: bigRows, total: bigRows.length }));
  const smallRows = [{ namn: 'Elev' }];
  const small = answerFor(smallRows, () => ({ items: smallRows, total: 1 }));
  app.get('/big', (req, reply) => sendKeptAnswer(req, reply, big));
  app.get('/small', (req, reply) => sendKeptAnswer(req, reply, small));
  return { app, bigJson: JSON.stringify(big), smallJson: JSON.stringify(small) };
}

test('a kept answer goes out in the encoding the request prefers, once compressed, and decodes to its JSON', async () => {
  const { app, bigJson } = await appWithKeptAnswers();
  // Every compression of a whole body, this module's or the plugin's, goes through these two.
  const brotli = mock.method(zlib, 'brotliCompressSync');
  const gzip = mock.method(zlib, 'gzipSync');
  try {
    const cases: [string | undefined, string | undefined][] = [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.5, gzip', 'gzip'],
      ['*', 'gzip'],
      ['identity', undefined],
      [undefined, undefined],
    ];
    for (const [accept, expected] of cases) {
      const bodies: Buffer[] = [];
      for (let i = 0; i < 2; i++) {
        const res = await app.inject({ url: '/big', headers: accept === undefined ? {} : { 'accept-encoding': accept } });
        assert.equal(res.statusCode, 200);
        assert.match(String(res.headers['content-type']), /^application\/json/);
        assert.equal(res.headers['content-encoding'], expected, `Accept-Encoding: ${accept}`);
        const body = res.rawPayload;
        const json = expected === 'br' ? brotliDecompressSync(body) : expected === 'gzip' ? gunzipSync(body) : body;
        assert.equal(json.toString('utf8'), bigJson, `${accept}: the answer's JSON, compressed once (not by the plugin again)`);
        if (expected) assert.match(String(res.headers.vary), /accept-encoding/i);
        bodies.push(body);
      }
      assert.deepEqual(bodies[1], bodies[0], 'the same bytes the second time');
    }
    assert.equal(brotli.mock.callCount(), 1, 'compressed with br once for both requests that asked for it');
    assert.equal(gzip.mock.callCount(), 1, 'and with gzip once for the six that took gzip');
    const plain = await app.inject({ url: '/big', headers: { 'accept-encoding': 'br', 'x-no-compression': '1' } });
    assert.equal(plain.headers['content-encoding'], undefined, 'x-no-compression is honoured, as by the plugin');
    assert.equal(plain.body, bigJson);
  } finally {
    brotli.mock.restore();
    gzip.mock.restore();
    await app.close();
  }
});

test('a kept answer under the compression threshold goes out as it is', async () => {
  const { app, smallJson } = await appWithKeptAnswers();
  try {
    const res = await app.inject({ url: '/small', headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.body, smallJson);
  } finally {
    await app.close();
  }
});
