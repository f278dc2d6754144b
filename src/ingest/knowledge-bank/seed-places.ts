/**
 * The map points of the seed records: each municipality's point (`geo_point_2d`) from the shipped boundaries
 * (assets/geo/swedish_municipalities.geojson), keyed by SCB code. The seed test checks every point against that file.
 */
import type { Place } from '../../server/db/schema/knowledge-bank.ts';

const points: Record<string, { name: string; lat: number; lon: number }> = {
  '0862': { name: 'Emmaboda', lat: 56.6361148543, lon: 15.5544035127 },
  '0861': { name: 'Mönsterås', lat: 57.0558519147, lon: 16.4345760871 },
  '0821': { name: 'Högsby', lat: 57.1342106185, lon: 15.9346512364 },
  '0882': { name: 'Oskarshamn', lat: 57.3864731061, lon: 16.4240298024 },
  '0834': { name: 'Torsås', lat: 56.4196244311, lon: 15.9217732457 },
  '0884': { name: 'Vimmerby', lat: 57.6913232136, lon: 15.872146129 },
  '0860': { name: 'Hultsfred', lat: 57.3984650789, lon: 15.8016995182 },
  '0883': { name: 'Västervik', lat: 57.8383700293, lon: 16.4489112012 },
  '1496': { name: 'Skövde', lat: 58.4285743689, lon: 13.9053758887 },
  '1494': { name: 'Lidköping', lat: 58.5081495441, lon: 13.0379703739 },
  '1493': { name: 'Mariestad', lat: 58.7487278576, lon: 13.8055611645 },
  '1470': { name: 'Vara', lat: 58.2451296301, lon: 13.0604908194 },
  '1495': { name: 'Skara', lat: 58.3794580409, lon: 13.4780087068 },
  '1472': { name: 'Tibro', lat: 58.451250378, lon: 14.2221034367 },
  '1446': { name: 'Karlsborg', lat: 58.6067262231, lon: 14.4597680034 },
  '1498': { name: 'Tidaholm', lat: 58.1470842735, lon: 13.9448184156 },
  '1471': { name: 'Götene', lat: 58.5580663039, lon: 13.4758069866 },
  '1497': { name: 'Hjo', lat: 58.2721342877, lon: 14.2291225529 },
  '1444': { name: 'Grästorp', lat: 58.3302373351, lon: 12.6598589252 },
  '1499': { name: 'Falköping', lat: 58.1452545575, lon: 13.5502009981 },
  '1445': { name: 'Essunga', lat: 58.186482242, lon: 12.7486557807 },
  '1447': { name: 'Gullspång', lat: 58.9330014381, lon: 14.1644130697 },
  '1473': { name: 'Töreboda', lat: 58.6701993501, lon: 14.1674258645 },
};

/** Skaraborg's 15 municipalities (the members of Skaraborgs kommunalförbund). */
export const skaraborg = [
  '1445',
  '1499',
  '1444',
  '1447',
  '1471',
  '1497',
  '1446',
  '1494',
  '1493',
  '1495',
  '1496',
  '1472',
  '1498',
  '1473',
  '1470',
];

/** The municipality's point as a place named "<name> kommun". */
export function municipalityPlace(code: string): Place {
  const p = points[code];
  if (!p) throw new Error(`Ingen kartpunkt för kommunkod ${code}`);
  return { name: `${p.name} kommun`, lat: p.lat, lon: p.lon };
}

export function municipalityPlaces(codes: string[]): Place[] {
  return codes.map(municipalityPlace);
}
