import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, Geometry } from 'geojson';
import type { Finding, ZoneProperties } from '../../api/index.ts';
import { t } from '../../i18n/index.ts';
import { DOSSIER_SOURCES } from '../../map/overlays/dossier.ts';
import { methodLabel } from './finding-text.ts';
import type { DossierData } from './use-dossier.ts';

// Puts a dossier on the map (rings, links to targets with their distance, the campus
// outline in bold, its gates), or clears it when data is null.

type Collection = { type: 'FeatureCollection'; features: Feature[] };
const collection = (features: Feature[]): Collection => ({ type: 'FeatureCollection', features });

function setData(map: MapLibreMap, id: string, data: Collection) {
  map.getSource<GeoJSONSource>(id)?.setData(data);
}

export function zoneDistanceM(p: ZoneProperties): number | null {
  return typeof p.distanceM === 'number' ? p.distanceM : null;
}

/** The zone's names (the rules or published zones at its distance) and where it is measured from. */
export function zoneName(p: ZoneProperties): string {
  const names = Array.isArray(p.names) ? p.names.join(t.values.separator) : '';
  const origin = typeof p.origin === 'string' ? methodLabel(p.origin) : '';
  return [names, origin].filter((s) => s !== '').join(' · ');
}

function zoneFeatures(zones: readonly Feature<Geometry, ZoneProperties>[]): Feature[] {
  return zones.map((z) => {
    const d = zoneDistanceM(z.properties ?? {});
    return {
      ...z,
      properties: { ...z.properties, label: d === null ? '' : t.dossier.distanceLabel(d) },
    };
  });
}

function linkFeatures(findings: readonly Finding[]): Feature[] {
  return findings.map((f) => ({
    type: 'Feature',
    id: f.id,
    geometry: { type: 'LineString', coordinates: [f.originPoint, f.targetPoint] },
    properties: {
      status: f.status,
      label: t.dossier.distanceLabel(f.distanceM),
      targetId: f.targetId,
    },
  }));
}

export function showDossier(
  map: MapLibreMap,
  data: DossierData | null,
  findings: readonly Finding[],
): void {
  const campus = data?.school.properties.campus;
  setData(map, DOSSIER_SOURCES.zones, collection(data?.zones ? zoneFeatures(data.zones) : []));
  setData(map, DOSSIER_SOURCES.links, collection(data ? linkFeatures(findings) : []));
  setData(
    map,
    DOSSIER_SOURCES.focus,
    collection(campus ? [{ type: 'Feature', geometry: campus, properties: {} }] : []),
  );
  const gates = data?.school.properties.gates ?? [];
  setData(
    map,
    DOSSIER_SOURCES.gates,
    collection(
      gates.map((g) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: g.position },
        properties: { kind: g.kind, gateId: g.id },
      })),
    ),
  );
}
