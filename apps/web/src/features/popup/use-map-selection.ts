import { useEffect, useState } from 'react';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { LayerName } from '@atlas/model';
import { atlasLayerOf, GROUPS, styleLayerIds } from '../../map/index.ts';

// Which feature the user clicked: the topmost feature of any visible atlas layer under the
// pointer. Campus outlines, gates and threat zones carry their school's or hazard's id.

export type Selection = { layer: LayerName; id: string; lngLat: [number, number] };

const INTERACTIVE_LAYER_IDS = GROUPS.flatMap((g) => styleLayerIds(g.layer));

function featureAt(map: MapLibreMap, e: MapMouseEvent): { layer: LayerName; id: string } | null {
  const layers = INTERACTIVE_LAYER_IDS.filter((id) => map.getLayer(id));
  for (const hit of map.queryRenderedFeatures(e.point, { layers })) {
    const layer = atlasLayerOf(hit.layer.id);
    const id = hit.properties?.id;
    if (layer && typeof id === 'string') return { layer, id };
  }
  return null;
}

/** Clicking a school (its marker, campus or gate) opens its dossier instead of a popup. */
export function useMapSelection(map: MapLibreMap | null, onSchool: (id: string) => void) {
  const [selection, setSelection] = useState<Selection | null>(null);

  useEffect(() => {
    if (!map) return;
    const onClick = (e: MapMouseEvent) => {
      if (map.getCanvas().dataset.tool) return; // a measuring tool owns the clicks
      const hit = featureAt(map, e);
      if (hit?.layer === 'schools') {
        setSelection(null);
        onSchool(hit.id);
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
