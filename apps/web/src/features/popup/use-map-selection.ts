import { useEffect, useState } from 'react';
import type { Map as MapLibreMap, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import type { LayerName } from '@atlas/model';
import { atlasLayerOf, GROUPS, styleLayerIds } from '../../map/index.ts';

// Which feature the user clicked: the topmost feature of any visible atlas layer under the
// pointer, by the string id the tiles carry as property `id` (campus outlines and threat
// zones carry their school's or hazard's id). Stores below z16 carry none: they are named
// by their tile feature id and where they are drawn (find-by-tile-id.ts). Where admin
// areas overlap, the smallest wins. A grid cell has no id: clicking one zooms in on it
// until its members are drawn.

/** A feature by its atlas id, or by its tile feature id and the point it is drawn at. */
export type FeatureRef = { id: string } | { fid: number; at: [number, number] };
export type Selection = { layer: LayerName; ref: FeatureRef; lngLat: [number, number] };

/** A stable string for a reference (React keys, effect dependencies). */
export function refKey(ref: FeatureRef): string {
  return 'id' in ref ? `id:${ref.id}` : `fid:${ref.fid}@${ref.at.join(',')}`;
}

const INTERACTIVE_LAYER_IDS = GROUPS.flatMap((g) => styleLayerIds(g.layer));
/** Zoom levels a click on a grid cell zooms in by. */
const CELL_ZOOM_STEP = 2;
const ADMIN_RANK: Record<string, number> = { village: 0, township: 1, county: 2 };

type Hit = { layer: LayerName; ref: FeatureRef } | { cell: true } | null;

function rank(f: MapGeoJSONFeature): number {
  return atlasLayerOf(f.layer.id) === 'admin_areas'
    ? (ADMIN_RANK[String(f.properties.level)] ?? 0)
    : 0;
}

function featureAt(map: MapLibreMap, e: MapMouseEvent): Hit {
  const layers = INTERACTIVE_LAYER_IDS.filter((id) => map.getLayer(id));
  const hits = map.queryRenderedFeatures(e.point, { layers });
  // Stable sort: only admin areas are reordered, smallest first, and they are drawn lowest.
  for (const hit of [...hits].sort((a, b) => rank(a) - rank(b))) {
    const layer = atlasLayerOf(hit.layer.id);
    if (!layer) continue;
    if (hit.properties.cluster === true) return { cell: true };
    const id = hit.properties.id;
    if (typeof id === 'string') return { layer, ref: { id } };
    if (typeof hit.id === 'number' && hit.geometry.type === 'Point') {
      const [lng, lat] = hit.geometry.coordinates;
      return { layer, ref: { fid: hit.id, at: [lng!, lat!] } };
    }
  }
  return null;
}

/** Clicking a school (its marker or campus) opens its dossier instead of a popup. */
export function useMapSelection(map: MapLibreMap | null, onSchool: (id: string) => void) {
  const [selection, setSelection] = useState<Selection | null>(null);

  useEffect(() => {
    if (!map) return;
    const onClick = (e: MapMouseEvent) => {
      if (map.getCanvas().dataset.tool) return; // a measuring tool owns the clicks
      const hit = featureAt(map, e);
      if (hit && 'cell' in hit) {
        setSelection(null);
        map.easeTo({ center: e.lngLat, zoom: map.getZoom() + CELL_ZOOM_STEP });
        return;
      }
      if (hit?.layer === 'schools' && 'id' in hit.ref) {
        setSelection(null);
        onSchool(hit.ref.id);
        return;
      }
      setSelection(hit ? { ...hit, lngLat: [e.lngLat.lng, e.lngLat.lat] } : null);
    };
    const onMove = (e: MapMouseEvent) => {
      map.getCanvas().style.cursor = featureAt(map, e) ? 'pointer' : '';
    };
    map.on('click', onClick);
    map.on('mousemove', onMove);
    return () => {
      map.off('click', onClick);
      map.off('mousemove', onMove);
    };
  }, [map, onSchool]);

  return [selection, setSelection] as const;
}
