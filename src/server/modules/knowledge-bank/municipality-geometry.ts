/**
 * Where a point lies: Sweden's municipality boundaries as shipped (assets/geo/swedish_municipalities.geojson, SCB
 * codes), loaded once, and an even-odd point-in-polygon test. The boundaries are simplified, so a place on the shore
 * or on a small island can fall just outside its polygon: a point within `toleranceKm` of the boundary counts as inside.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Ring = [number, number][];
/** One polygon: its outer ring first, then holes. */
type Polygon = Ring[];
interface Municipality {
  code: string;
  polygons: Polygon[];
  bbox: [number, number, number, number];
}

const geojsonPath = fileURLToPath(new URL('../../../../assets/geo/swedish_municipalities.geojson', import.meta.url));
let loaded: Map<string, Municipality> | undefined;

function municipalities(): Map<string, Municipality> {
  if (loaded) return loaded;
  const doc = JSON.parse(readFileSync(geojsonPath, 'utf8')) as {
    features: {
      properties: { id: string };
      geometry: { type: 'Polygon'; coordinates: Polygon } | { type: 'MultiPolygon'; coordinates: Polygon[] };
    }[];
  };
  loaded = new Map();
  for (const f of doc.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const points = polygons.flatMap((p) => p[0] ?? []);
    const lons = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    loaded.set(f.properties.id, {
      code: f.properties.id,
      polygons,
      bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
    });
  }
  return loaded;
}

/** Even-odd rule: a ray from the point crosses the ring's edges an odd number of times when it is inside. */
function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(lon: number, lat: number, polygon: Polygon): boolean {
  const [outer, ...holes] = polygon;
  return !!outer && inRing(lon, lat, outer) && !holes.some((h) => inRing(lon, lat, h));
}

/** Distance in km from the point to the nearest edge of the municipality (equirectangular; fine at these distances). */
function kmToBoundary(lon: number, lat: number, m: Municipality): number {
  const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
  const ky = 110.57;
  let best = Infinity;
  for (const ring of m.polygons.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const ax = (ring[j]![0] - lon) * kx,
        ay = (ring[j]![1] - lat) * ky;
      const bx = (ring[i]![0] - lon) * kx,
        by = (ring[i]![1] - lat) * ky;
      const dx = bx - ax,
        dy = by - ay;
      const len = dx * dx + dy * dy;
      const t = len === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
}

/** True when the shipped boundaries know this SCB code. */
export function hasBoundary(code: string): boolean {
  return municipalities().has(code);
}

/**
 * The code of the municipality the point lies in, among `codes` (all of Sweden when empty), or null. A point outside
 * every polygon but within `toleranceKm` of one of them counts as in the nearest.
 */
export function municipalityAt(lat: number, lon: number, codes: readonly string[] = [], toleranceKm = 2): string | null {
  const all = municipalities();
  const candidates = codes.length ? codes.map((c) => all.get(c)).filter((m): m is Municipality => !!m) : [...all.values()];
  const pad = toleranceKm / 50; // degrees, generous at Swedish latitudes
  const near = candidates.filter(
    (m) => lon >= m.bbox[0] - pad * 2 && lon <= m.bbox[2] + pad * 2 && lat >= m.bbox[1] - pad && lat <= m.bbox[3] + pad,
  );
  const inside = near.find((m) => m.polygons.some((p) => inPolygon(lon, lat, p)));
  if (inside) return inside.code;
  let nearest: { code: string; km: number } | null = null;
  for (const m of near) {
    const km = kmToBoundary(lon, lat, m);
    if (km <= toleranceKm && (!nearest || km < nearest.km)) nearest = { code: m.code, km };
  }
  return nearest?.code ?? null;
}
