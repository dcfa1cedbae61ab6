import type { Finding, ZoneFeature } from '@atlas/audit';
import { areal, line } from './convert.ts';
import type { ShapeRecord } from './records.ts';

// Convert for the audit layers: a finding of the latest run → its `violations` line (school
// origin → target, the line the dossier draws), a perimeter zone → its `perimeter_zones`
// ring. Only the properties the map draws and filters with.

/** Statuses drawn as violation lines; `clear` pairs are not findings to draw. */
export const DRAWN_STATUSES: ReadonlySet<string> = new Set(['violation', 'borderline', 'monitor']);
/** Zone rings are drawn from this zoom (below, a 200 m ring is a few pixels). */
export const ZONE_MIN_ZOOM = 13;
/** Violation lines show once long enough to draw (tile-data.ts decides), from zoom 0 on. */
const VIOLATION_MIN_ZOOM = 0;
/** distanceM is rounded to this many metres (0.1 m: what the planners read). */
const DISTANCE_STEP_M = 0.1;

const roundTo = (value: number, step: number) => Math.round(value / step) / (1 / step);

/** The violations line of a finding, or null when its status is not drawn. */
export function violationRecord(f: Finding): ShapeRecord | null {
  if (!DRAWN_STATUSES.has(f.status)) return null;
  const props = {
    id: f.id,
    schoolId: f.schoolId,
    targetId: f.targetId,
    category: f.category,
    status: f.status,
    distanceM: roundTo(f.distanceM, DISTANCE_STEP_M),
    limitM: f.limitM,
  };
  return line(f.id, [f.originPoint, f.targetPoint], props, VIOLATION_MIN_ZOOM);
}

/** The perimeter_zones ring of one zone of a school. */
export function zoneRecord(zone: ZoneFeature): ShapeRecord {
  const { schoolId, distanceM } = zone.properties;
  return areal(zone.id, zone.geometry, { schoolId, distanceM }, ZONE_MIN_ZOOM);
}
