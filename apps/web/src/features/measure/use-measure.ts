import { useCallback, useEffect, useState } from 'react';
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { Position } from '@atlas/model';
import { MEASURE_SOURCE } from '../../map/overlays/measure.ts';

// The measuring tool: while on, clicks add points (the map's own click selection steps
// aside), a double click or Enter finishes, Escape clears. Keyboard users add the map's
// centre as a point (addCentre) after panning with the arrow keys.

export type MeasureMode = 'distance' | 'area';

export function useMeasure(map: MapLibreMap | null) {
  const [mode, setMode] = useState<MeasureMode | null>(null);
  const [points, setPoints] = useState<Position[]>([]);
  const [finished, setFinished] = useState(false);

  const start = useCallback((m: MeasureMode | null) => {
    setMode(m);
    setPoints([]);
    setFinished(false);
  }, []);
  const addCentre = useCallback(() => {
    if (!map) return;
    const c = map.getCenter();
    setPoints((p) => [...p, [c.lng, c.lat]]);
  }, [map]);

  useEffect(() => {
    if (!map || !mode) return;
    const canvas = map.getCanvas();
    canvas.dataset.tool = mode;
    canvas.style.cursor = 'crosshair';
    map.doubleClickZoom.disable();
    const onClick = (e: MapMouseEvent) => {
      if (finished) {
        setPoints([[e.lngLat.lng, e.lngLat.lat]]);
        setFinished(false);
      } else setPoints((p) => [...p, [e.lngLat.lng, e.lngLat.lat]]);
    };
    const onDblClick = () => setFinished(true);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') start(null);
      if (e.key === 'Enter') setFinished(true);
    };
    map.on('click', onClick);
    map.on('dblclick', onDblClick);
    window.addEventListener('keydown', onKey);
    return () => {
      delete canvas.dataset.tool;
      canvas.style.cursor = '';
      map.doubleClickZoom.enable();
      map.off('click', onClick);
      map.off('dblclick', onDblClick);
      window.removeEventListener('keydown', onKey);
    };
  }, [map, mode, finished, start]);

  // Draw the points and the path or ring through them.
  useEffect(() => {
    const source = map?.getSource<GeoJSONSource>(MEASURE_SOURCE);
    if (!source) return;
    const vertices = points.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: p },
      properties: {},
    }));
    const shape =
      mode === 'area' && points.length >= 3
        ? { type: 'Polygon' as const, coordinates: [[...points, points[0]!]] }
        : points.length >= 2
          ? { type: 'LineString' as const, coordinates: points }
          : null;
    source.setData({
      type: 'FeatureCollection',
      features: shape
        ? [...vertices, { type: 'Feature', geometry: shape, properties: {} }]
        : vertices,
    });
  }, [map, mode, points]);

  return { mode, points, finished, start, addCentre };
}
