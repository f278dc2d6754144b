import assert from 'node:assert/strict';
import { test } from 'node:test';
import { otherLanguageWords, unreadableTokens } from './readable.ts';

test('the readability scan finds ids, keys and codes, and leaves Swedish text, e-mail and web addresses alone', () => {
  assert.deepEqual(
    unreadableTokens(
      'Läste elevens sida t.ex. 2026-12-03, se alva@example.invalid och https://skolverket.se/a_b, källa attendanceworks.org',
    ),
    [],
  );
  assert.deepEqual(unreadableTokens('03f2dfcd-1a2b-4c3d-8e9f-0123456789ab decidedBy: studentViews auth.sign-in failed_grades'), [
    '03f2dfcd-1a2b-4c3d-8e9f-0123456789ab',
    'failed_grades',
    'decidedBy',
    'studentViews',
    'auth.sign-in',
  ]);
});

test("the other language's words are found in an interface's texts, whole words only", () => {
  assert.deepEqual(otherLanguageWords(['Elever och ärenden', 'Spara'], 'en'), ['elever', 'och', 'ärenden', 'spara']);
  assert.deepEqual(otherLanguageWords(['Students', 'Save changes', 'Ärendets status'], 'sv'), ['save']);
  assert.deepEqual(otherLanguageWords(['Students and cases', 'Casework', 'Elevhälsan'], 'en'), []);
});
