/**
 * The public knowledge-bank pages' progressive enhancement (served by src/server/modules/knowledge-bank/pages): shows
 * each page's map section and draws the map into its `[data-kb-map]` from the JSON beside it. This entry is small; the
 * map itself (Leaflet, its styles, the boundaries) is loaded from ./draw-map.ts only when the map comes within a
 * screen's height of being seen, so a phone reading the list first never pays for a map it has not scrolled to.
 * The section is hidden in the HTML, so without JavaScript nothing half-works; if the map cannot load, it is hidden again.
 */
import './pages.css';
import type { MapData } from './draw-map.ts';

/** Start loading this far before the map is on screen (one viewport height above and below). */
const rootMargin = '100% 0px';

const started = new WeakSet<HTMLElement>();

/** Loads the map chunk and draws `element`'s map, once (an observer may report the same element twice in one batch). */
function draw(element: HTMLElement, section: HTMLElement, data: MapData): void {
  if (started.has(element)) return;
  started.add(element);
  import('./draw-map.ts')
    .then(({ drawMap }) => drawMap(element, data))
    .catch(() => {
      section.hidden = true;
    });
}

const maps: { element: HTMLElement; section: HTMLElement; data: MapData }[] = [];
for (const element of document.querySelectorAll<HTMLElement>('[data-kb-map]')) {
  const section = element.closest<HTMLElement>('[data-kb-map-section]');
  const source = section?.querySelector('script[type="application/json"]');
  if (!section || !source?.textContent) continue;
  section.hidden = false;
  maps.push({ element, section, data: JSON.parse(source.textContent) as MapData });
}

if (maps.length && 'IntersectionObserver' in window) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const map = maps.find((m) => m.element === entry.target);
        if (map) draw(map.element, map.section, map.data);
      }
    },
    { rootMargin },
  );
  for (const { element } of maps) observer.observe(element);
} else {
  for (const { element, section, data } of maps) draw(element, section, data);
}
