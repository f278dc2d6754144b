import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import { formatDate, formatDateTime, formatNumber, formatPercent } from './format.ts';

test('format: each language gets its own separators, also after switching back and forth (the formatters are kept)', async () => {
  await i18next.init({ lng: 'sv', resources: {} });
  assert.equal(formatPercent(0.769, 1), '76,9\u00a0%');
  assert.equal(formatNumber(12345.67), '12\u00a0345,7');
  assert.equal(formatDate('2026-12-03'), '3 dec. 2026');
  await i18next.changeLanguage('en');
  assert.equal(formatPercent(0.769, 1), '76.9%');
  assert.equal(formatNumber(12345.67), '12,345.7');
  assert.equal(formatDate('2026-12-03'), '3 Dec 2026');
  await i18next.changeLanguage('sv');
  assert.equal(formatPercent(0.769, 1), '76,9\u00a0%');
  assert.equal(formatPercent(0.769), '77\u00a0%', 'another number of decimals is another formatter');
  // On the Swedish clock whatever the machine's zone: 23:30Z in December is 00:30 the next day.
  assert.equal(formatDateTime('2026-12-05T23:30:00Z'), '6 dec. 2026 00:30');
  assert.equal(formatDate('inte ett datum'), 'inte ett datum');
});
