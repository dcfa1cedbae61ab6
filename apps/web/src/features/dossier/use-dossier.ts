import { useEffect, useState } from 'react';
import type { Feature, Geometry } from 'geojson';
import type { Hazard, Route, School, Water } from '@atlas/model';
import type { ApiClient, Finding, ZoneProperties } from '../../api/index.ts';
import {
  boxAround,
  NEARBY_RADIUS_M,
  nearbyHazards,
  nearbyWater,
  ROUTE_SEARCH_RADIUS_M,
  routesServing,
} from './nearby.ts';
import type { Nearby } from './nearby.ts';

// Everything the dossier of one school shows, loaded together: the school, its findings and
// zones from the latest audit (null when there is no audit), and what lies near it.

export type DossierData = {
  school: School;
  /** null: no audit run yet (or the API has no audit). */
  findings: Finding[] | null;
  zones: Feature<Geometry, ZoneProperties>[] | null;
  /** Why findings or zones could not be loaded; the rest of the dossier still shows. */
  findingsError: unknown;
  zonesError: unknown;
  hazards: Nearby<Hazard>[];
  water: Nearby<Water>[];
  routes: Route[];
  /** Names of the findings' targets, by `${targetKind}/${targetId}`. */
  targetNames: Record<string, string>;
};

export type DossierLoad =
  | { status: 'loading' }
  | { status: 'loaded'; data: DossierData }
  | { status: 'failed'; error: unknown };

const TARGET_LAYER = {
  store: 'stores',
  hazard: 'hazards',
  water: 'water',
  pipeline: 'pipelines',
} as const;

async function loadDossier(api: ApiClient, id: string, signal: AbortSignal): Promise<DossierData> {
  const school = await api.feature('schools', id, signal);
  const at = school.geometry.coordinates;
  const near = boxAround(at, NEARBY_RADIUS_M);
  const settle = <T>(p: Promise<T>) =>
    p.then(
      (value) => ({ value, error: null as unknown }),
      (error: unknown) => {
        if (signal.aborted) throw error;
        return { value: null, error };
      },
    );
  const [findingsLoad, zonesLoad, hazards, water, routes] = await Promise.all([
    settle(api.audit.schoolFindings(id, signal)),
    settle(api.audit.schoolZones(id, signal)),
    api.allFeatures('hazards', { bbox: near, signal }),
    api.allFeatures('water', { bbox: near, signal }),
    api.allFeatures('routes', { bbox: boxAround(at, ROUTE_SEARCH_RADIUS_M), signal }),
  ]);
  const findings = findingsLoad.value;
  const zones = zonesLoad.value;
  const targetNames: Record<string, string> = {};
  const wanted = new Map<
    string,
    { layer: (typeof TARGET_LAYER)[keyof typeof TARGET_LAYER]; id: string }
  >();
  for (const f of findings ?? []) {
    const layer = TARGET_LAYER[f.targetKind as keyof typeof TARGET_LAYER];
    if (layer) wanted.set(`${f.targetKind}/${f.targetId}`, { layer, id: f.targetId });
  }
  await Promise.all(
    [...wanted].map(async ([key, { layer, id: targetId }]) => {
      const feature = await api.feature(layer, targetId, signal).catch(() => null);
      targetNames[key] = feature?.properties.name || targetId;
    }),
  );
  return {
    school,
    findings,
    zones,
    findingsError: findingsLoad.error,
    zonesError: zonesLoad.error,
    hazards: nearbyHazards(school, hazards),
    water: nearbyWater(school, water),
    routes: routesServing(school, routes),
    targetNames,
  };
}

export function useDossier(api: ApiClient, schoolId: string | null): DossierLoad | null {
  const [result, setResult] = useState<{ id: string; load: DossierLoad } | null>(null);
  useEffect(() => {
    if (!schoolId) return;
    const abort = new AbortController();
    loadDossier(api, schoolId, abort.signal).then(
      (data) => setResult({ id: schoolId, load: { status: 'loaded', data } }),
      (error: unknown) => {
        if (!abort.signal.aborted) setResult({ id: schoolId, load: { status: 'failed', error } });
      },
    );
    return () => abort.abort();
  }, [api, schoolId]);
  if (!schoolId) return null;
  return result && result.id === schoolId ? result.load : { status: 'loading' };
}
