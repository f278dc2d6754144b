import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadUciSubject, parseUciCsv, uciFeatureSpecs, uciPassed, UciParseError } from './dataset.ts';

const text = readFileSync(new URL('../../../../../assets/uci-student-performance/student-mat.csv', import.meta.url), 'utf8');
const [header, first, second] = text.split('\n') as [string, string, string];

describe('UCI student-performance loader', () => {
  it('loads both shipped subjects with typed values', () => {
    const mat = loadUciSubject('mat');
    const por = loadUciSubject('por');
    assert.equal(mat.length, 395);
    assert.equal(por.length, 649);
    assert.deepEqual({ school: mat[0]?.school, age: mat[0]?.age, G1: mat[0]?.G1, G3: mat[0]?.G3 }, { school: 'GP', age: 18, G1: 5, G3: 6 });
    assert.equal(mat.filter((r) => uciPassed(r) === 1).length, 265); // 67.1 %: the paper's naive predictor for Math C
  });

  it('names the line and field of a bad value', () => {
    const bad = second.replace(/;17;/, ';seventeen;');
    assert.throws(
      () => parseUciCsv([header, first, bad].join('\n'), 'x.csv'),
      (err: unknown) => {
        assert.ok(err instanceof UciParseError);
        assert.equal(err.line, 3);
        assert.equal(err.field, 'age');
        assert.match(err.message, /x\.csv rad 3, fält age: "seventeen"/);
        return true;
      },
    );
    const outOfRange = first.replace(/;6$/, ';21');
    assert.throws(() => parseUciCsv([header, outOfRange].join('\n')), /rad 2, fält G3: "21" är inte ett heltal 0–20/);
    const unknownLevel = first.replace('"at_home"', '"pilot"');
    assert.throws(() => parseUciCsv([header, unknownLevel].join('\n')), /rad 2, fält Mjob: "pilot"/);
  });

  it('refuses a short row and a wrong header', () => {
    assert.throws(() => parseUciCsv([header, first.split(';').slice(0, 30).join(';')].join('\n')), /rad 2, fält \*: 30 fält, väntade 33/);
    assert.throws(() => parseUciCsv(header.replace(';sex;', ';gender;')), /rad 1, fält sex/);
  });

  it('setups: A has G1 and G2, B only G1, C neither; G3 is never an input', () => {
    const names = (s: 'A' | 'B' | 'C') => uciFeatureSpecs(s).map((f) => f.name);
    assert.equal(names('A').length, 32);
    assert.ok(names('A').includes('G2') && !names('A').includes('G3'));
    assert.ok(names('B').includes('G1') && !names('B').includes('G2'));
    assert.ok(!names('C').includes('G1') && !names('C').includes('G2'));
  });
});
