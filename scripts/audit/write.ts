import type { Finding } from '@atlas/audit';
import type { FindingRow } from './export-rows.ts';

// Findings as CSV (UTF-8 with BOM, so Excel opens the Chinese text right) or as GeoJSON lines
// from the origin point to the target point (the walking path for walking rules).

const BOM = '\uFEFF';

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(rows: readonly FindingRow[], columns: readonly (keyof FindingRow)[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function toGeoJson(findings: readonly Finding[], rows: readonly FindingRow[]): string {
  const features = findings.map((f, i) => ({
    type: 'Feature' as const,
    id: f.id,
    geometry: {
      type: 'LineString' as const,
      coordinates: f.path ?? [f.originPoint, f.targetPoint],
    },
    properties: rows[i]!,
  }));
  return `${JSON.stringify({ type: 'FeatureCollection', features })}\n`;
}
