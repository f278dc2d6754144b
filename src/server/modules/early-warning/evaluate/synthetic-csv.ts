/** A synthetic CSV file of invented students (no real person) for the tests of `model evaluate --csv`. */
import { seededRandom } from '../model/random.ts';

/** A synthetic file of invented students: absence (decimal comma), grade, programme with a rare tail, outcome. */
export function syntheticCsv(rows = 300, separator = ';', eol = '\r\n', bom = true): string {
  const random = seededRandom(12);
  const programmes = ['NA', 'NA', 'NA', 'EE', 'EE', 'BA', 'IM', 'VO'];
  const lines = [['elev', 'frånvaro', 'betyg', 'program', 'klar'].join(separator)];
  for (let i = 0; i < rows; i++) {
    const absence = Math.round(random() ** 2 * 400) / 10;
    const grade = Math.floor(random() * 21);
    const programme = i === 7 ? 'XY' : (programmes[Math.floor(random() * programmes.length)] as string);
    const eta = -1 + 0.08 * absence - 0.15 * grade + (programme === 'IM' ? 0.8 : 0);
    const done = random() < 1 / (1 + Math.exp(-eta)) ? 'nej' : 'ja';
    const a = separator === ',' ? String(absence) : String(absence).replace('.', ',');
    lines.push([`"E${i}"`, a, String(grade), `"${programme}"`, done].join(separator));
  }
  return (bom ? '\uFEFF' : '') + lines.join(eol) + eol;
}
