import assert from 'node:assert/strict';
import { test } from 'node:test';
import { moduleTexts } from '../modules/texts.ts';
import { common } from './common.ts';

/** Every leaf key of a nested text object, dotted. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value)
    .flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
    .sort();
}

test('Swedish and English have exactly the same keys in every namespace, and no empty text', () => {
  for (const [name, texts] of Object.entries({ common, ...moduleTexts })) {
    assert.deepEqual(keys(texts.en), keys(texts.sv), name);
    for (const lang of ['sv', 'en'] as const) {
      const empty = keys(texts[lang]).filter(
        (k) => !k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], texts[lang]),
      );
      assert.deepEqual(empty, [], `${name} (${lang})`);
    }
  }
});

test('the module pages are registered with a permission and the nav keys exist', async () => {
  const { modulePages } = await import('../modules/index.ts');
  for (const p of modulePages) {
    assert.match(p.permission, /^[a-z-]+\.[a-z-]+$/, p.path);
    if (p.navKey) {
      const [ns, key] = p.navKey.split('.') as [string, string];
      assert.ok(moduleTexts[ns]?.sv[key], `${p.navKey} in Swedish`);
    }
  }
});
