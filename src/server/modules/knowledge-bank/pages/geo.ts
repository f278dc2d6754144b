/**
 * The municipality boundaries for the maps, from the shipped assets/geo/swedish_municipalities.geojson (818 kB):
 * simplified once per process (Douglas–Peucker at about 300 m, coordinates rounded to 4 decimals ≈ 10 m; rings that
 * collapse keep their original shape), kept in memory with its gzip and an ETag. Properties: code, name.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

type Position = [number, number];
type Ring = Position[];
interface Feature {
  type: 'Feature';
  properties: { id: string; kom_namn: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

const source = new URL('../../../../../assets/geo/swedish_municipalities.geojson', import.meta.url);
const tolerance = 0.004;

function perpendicularDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}

/** Douglas–Peucker on an open line (iterative: rings have thousands of points). */
export function simplifyLine(points: Position[], epsilon: number): Position[] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let index = -1;
    let max = 0;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicularDistance(points[i]!, points[first]!, points[last]!);
      if (d > max) {
        max = d;
        index = i;
      }
    }
    if (index > 0 && max > epsilon) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const round = (p: Position): Position => [Math.round(p[0] * 1e4) / 1e4, Math.round(p[1] * 1e4) / 1e4];

/** A closed ring simplified (split in two halves so the closing point is not both ends), or the original if it collapses. */
function simplifyRing(ring: Ring): Ring {
  const half = Math.floor(ring.length / 2);
  const simplified = [...simplifyLine(ring.slice(0, half + 1), tolerance), ...simplifyLine(ring.slice(half), tolerance).slice(1)].map(
    round,
  );
  return simplified.length >= 4 ? simplified : ring.map(round);
}

export interface MunicipalityShapes {
  body: string;
  gzip: Buffer;
  etag: string;
}

let cached: MunicipalityShapes | undefined;

/** The simplified boundaries as GeoJSON (computed on first use, then from memory). */
export function municipalityShapes(): MunicipalityShapes {
  if (cached) return cached;
  const collection = JSON.parse(readFileSync(source, 'utf8')) as { features: Feature[] };
  const features = collection.features.map((f) => ({
    type: 'Feature',
    properties: { code: f.properties.id, name: f.properties.kom_namn },
    geometry:
      f.geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: f.geometry.coordinates.map(simplifyRing) }
        : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map((polygon) => polygon.map(simplifyRing)) },
  }));
  const body = JSON.stringify({ type: 'FeatureCollection', features });
  cached = { body, gzip: gzipSync(body, { level: 9 }), etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"` };
  return cached;
}
