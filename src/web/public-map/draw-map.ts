/**
 * The public knowledge-bank map, loaded by src/web/public-map/main.ts when a page's map comes near the screen: Leaflet,
 * its styles and marker clustering are in this chunk, not in the pages' entry. Points are clustered; municipality
 * boundaries come from this server (/kunskapsbank/kommuner.geojson) and tiles only when FULLFOLJ_MAP_TILE_URL is
 * configured. The list on the page stays the accessible equivalent.
 */
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
// After Leaflet's styles, so the map's marker, cluster and link looks win.
import './map.css';
import L from './leaflet-global.ts';
import 'leaflet.markercluster';

interface Point {
  name: string;
  href: string;
  lat: number;
  lon: number;
}
interface PointsData {
  points: Point[];
  municipality?: string;
}
interface ChoroplethData {
  counts: Record<string, number>;
  legend: string;
  municipalityHref: string;
}
interface Shape {
  type: 'Feature';
  properties: { code: string; name: string };
  geometry: GeoJSON.Geometry;
}

const sweden = L.latLngBounds([55.3, 10.9], [69.1, 24.2]);
/** The map frames its content without a zoom animation: nobody asked it to move, and the markers settle at once. */
const still = { animate: false };
const sv = document.documentElement.lang !== 'en';
/** The boundaries' source (docs/data-sources.md). */
const attribution = sv
  ? 'Kommungränser: SCB/Valmyndigheten (okfse/sweden-geojson)'
  : 'Municipal boundaries: SCB/Valmyndigheten (okfse/sweden-geojson)';

function shapes(): Promise<{ type: 'FeatureCollection'; features: Shape[] }> {
  return fetch('/kunskapsbank/kommuner.geojson').then((r) => {
    if (!r.ok) throw new Error(`kommuner.geojson: ${r.status}`);
    return r.json() as Promise<{ type: 'FeatureCollection'; features: Shape[] }>;
  });
}

function baseMap(element: HTMLElement): L.Map {
  const map = L.map(element, { zoomControl: false, minZoom: 4, maxZoom: 14, maxBounds: sweden.pad(0.3) });
  L.control.zoom({ zoomInTitle: sv ? 'Zooma in' : 'Zoom in', zoomOutTitle: sv ? 'Zooma ut' : 'Zoom out' }).addTo(map);
  map.attributionControl.setPrefix(false);
  const tiles = element.dataset.tileUrl;
  if (tiles) L.tileLayer(tiles, { maxZoom: 14 }).addTo(map);
  map.fitBounds(sweden);
  return map;
}

/** A popup: a link to the record, built with text nodes (names are submitted text). */
function popup(point: Point): HTMLElement {
  const link = document.createElement('a');
  link.href = point.href;
  link.textContent = point.name;
  return link;
}

function drawPoints(element: HTMLElement, data: PointsData): void {
  const map = baseMap(element);
  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    iconCreateFunction(cluster) {
      const n = cluster.getChildCount();
      return L.divIcon({
        className: 'kb-cluster',
        html: `<span>${n}</span><span class="kb-sr">${sv ? 'platser, välj för att zooma in' : 'places, select to zoom in'}</span>`,
        iconSize: [36, 36],
      });
    },
  });
  for (const point of data.points) {
    const marker = L.marker([point.lat, point.lon], { title: point.name, icon: L.divIcon({ className: 'kb-marker', iconSize: [18, 18] }) });
    marker.bindPopup(popup(point));
    clusters.addLayer(marker);
  }
  // Framed on the points before the clusters are added, so they are clustered once, for this zoom.
  if (data.points.length) map.fitBounds(L.latLngBounds(data.points.map((p) => L.latLng(p.lat, p.lon))).pad(0.2), { ...still, maxZoom: 10 });
  map.addLayer(clusters);
  shapes()
    .then((collection) => {
      const outline = L.geoJSON(collection as GeoJSON.FeatureCollection, {
        interactive: false,
        attribution,
        // Land light on the sea-coloured background; the page's own municipality outlined and tinted.
        style: (f) => {
          const own = f?.properties?.code === data.municipality;
          return { color: '#5b6b7a', weight: own ? 2.5 : 0.6, fillColor: own ? '#dbe7f3' : '#fbfbf8', fillOpacity: 1 };
        },
      }).addTo(map);
      outline.bringToBack();
      const own = collection.features.find((f) => f.properties.code === data.municipality);
      if (own) map.fitBounds(L.geoJSON(own as GeoJSON.Feature).getBounds(), still);
    })
    .catch(() => undefined);
}

const shades = ['#f1f5f9', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];
const shadeOf = (n: number, max: number) => (n <= 0 ? shades[0]! : shades[Math.min(4, 1 + Math.floor(((n - 1) / Math.max(1, max)) * 4))]!);

function drawChoropleth(element: HTMLElement, data: ChoroplethData): void {
  const map = baseMap(element);
  const max = Math.max(0, ...Object.values(data.counts));
  shapes()
    .then((collection) => {
      const layer = L.geoJSON(collection as GeoJSON.FeatureCollection, {
        attribution,
        style: (f) => ({
          color: '#5b6b7a',
          weight: 0.6,
          fillColor: shadeOf(data.counts[f?.properties?.code as string] ?? 0, max),
          fillOpacity: 0.85,
        }),
        onEachFeature(feature, featureLayer) {
          const { code, name } = feature.properties as Shape['properties'];
          const link = document.createElement('a');
          link.href = data.municipalityHref.replace('CODE', code);
          link.textContent = `${name}: ${data.counts[code] ?? 0}`;
          featureLayer.bindPopup(link);
        },
      }).addTo(map);
      const shaded = collection.features.filter((f) => (data.counts[f.properties.code] ?? 0) > 0);
      if (shaded.length)
        map.fitBounds(
          L.geoJSON({ type: 'FeatureCollection', features: shaded } as GeoJSON.FeatureCollection)
            .getBounds()
            .pad(0.3),
          still,
        );
      else map.fitBounds(layer.getBounds(), still);
    })
    .catch(() => undefined);
  const legend = new L.Control({ position: 'bottomright' });
  legend.onAdd = () => {
    const box = L.DomUtil.create('div', 'kb-legend');
    const title = document.createElement('p');
    title.textContent = data.legend;
    box.append(title);
    const steps = max <= 0 ? [0] : [0, ...[1, 2, 3, 4].map((i) => Math.max(1, Math.ceil((max * (i - 1)) / 4) + 1))];
    for (const n of [...new Set(steps)]) {
      const row = document.createElement('p');
      const swatch = document.createElement('span');
      swatch.className = 'kb-swatch';
      swatch.style.background = shadeOf(n, max);
      row.append(swatch, document.createTextNode(n === 0 ? '0' : `≥ ${n}`));
      box.append(row);
    }
    return box;
  };
  legend.addTo(map);
}

/** The data a map section carries beside its element (a `<script type="application/json">`). */
export interface MapData extends PointsData, ChoroplethData {}

/** Draws `element`'s map (`data-kb-map`: "points" or "choropleth") from `data`. */
export function drawMap(element: HTMLElement, data: MapData): void {
  if (element.dataset.kbMap === 'choropleth') drawChoropleth(element, data);
  else drawPoints(element, data);
}
