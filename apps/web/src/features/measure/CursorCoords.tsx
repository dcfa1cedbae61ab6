import { useEffect, useState } from 'react';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { wgs84ToGcj02 } from '@atlas/geo';
import type { Position } from '@atlas/model';
import { t } from '../../i18n/index.ts';

// The cursor's coordinates in WGS84 and, on demand, GCJ-02 (what 高德/腾讯 maps use).

const DECIMALS = 6;
const fmt = ([lng, lat]: readonly [number, number]) =>
  `${lng.toFixed(DECIMALS)}, ${lat.toFixed(DECIMALS)}`;

export function CursorCoords({ map }: { map: MapLibreMap | null }) {
  const [at, setAt] = useState<Position | null>(null);
  const [gcj, setGcj] = useState(false);
  useEffect(() => {
    if (!map) return;
    const onMove = (e: MapMouseEvent) => setAt([e.lngLat.lng, e.lngLat.lat]);
    map.on('mousemove', onMove);
    return () => {
      map.off('mousemove', onMove);
    };
  }, [map]);
  return (
    <div className="cursor-coords" aria-label={t.tools.coords}>
      <span data-testid="coords-wgs84">
        {t.tools.wgs84} {at ? fmt(at) : '—'}
      </span>
      <label className="checkbox">
        <input type="checkbox" checked={gcj} onChange={(e) => setGcj(e.currentTarget.checked)} />
        {t.tools.showGcj}
      </label>
      {gcj && at && (
        <span data-testid="coords-gcj02">
          {t.tools.gcj02} {fmt(wgs84ToGcj02(at))}
        </span>
      )}
    </div>
  );
}
