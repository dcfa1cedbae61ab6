import { useEffect, useState } from 'react';
import type { AdminArea, School } from '@atlas/model';
import type { ApiClient, Finding } from '../../api/index.ts';

// What the district view needs: the latest audit run's findings, the schools (type and
// township of each) and the townships (names and outlines for the choropleth).

export type DistrictData = {
  runId: string | null;
  findings: Finding[];
  schools: Map<string, School>;
  townships: AdminArea[];
};

export type DistrictLoad =
  | { status: 'loading' }
  | { status: 'loaded'; data: DistrictData }
  | { status: 'failed'; error: unknown };

async function loadDistrict(api: ApiClient, signal: AbortSignal): Promise<DistrictData> {
  const [runs, schools, areas] = await Promise.all([
    api.audit.runs(signal),
    api.allFeatures('schools', { signal }),
    api.allFeatures('admin_areas', { signal }),
  ]);
  const latest = runs?.[0] ?? null;
  const findings = latest ? await api.audit.runFindings(String(latest.id), signal) : [];
  return {
    runId: latest ? String(latest.id) : null,
    findings,
    schools: new Map(schools.map((s) => [s.id, s])),
    townships: areas.filter((a) => a.properties.level === 'township'),
  };
}

export function useDistrict(api: ApiClient, active: boolean): DistrictLoad | null {
  const [load, setLoad] = useState<DistrictLoad | null>(null);
  useEffect(() => {
    if (!active) return;
    const abort = new AbortController();
    loadDistrict(api, abort.signal).then(
      (data) => setLoad({ status: 'loaded', data }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoad({ status: 'failed', error });
      },
    );
    return () => abort.abort();
  }, [api, active]);
  return active ? (load ?? { status: 'loading' }) : null;
}
