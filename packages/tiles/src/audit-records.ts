import { townshipOf, type Finding, type ZoneFeature } from '@atlas/audit';
import type { LayerFeature } from '@atlas/model';
import { areal, line } from './convert.ts';
import { latToY, lngToX } from './mercator.ts';
import type { Props, ShapeRecord } from './records.ts';

// Convert for the audit layers: a finding of the latest run → its `violations` line (school
// origin → target, the line the dossier draws), a perimeter zone → its `perimeter_zones`
// ring. Only the properties the map draws and filters with: both carry their school's type
// (`schoolType`) and 9-digit township code (`township`), so that the district filters are
// plain tile expressions. A line's township is the one saved with its finding (what the
// district lists and counts use); its school type is set by the layer (violation-layer.ts).

/** Statuses drawn as violation lines; `clear` pairs are not findings to draw. */
export const DRAWN_STATUSES: ReadonlySet<string> = new Set(['violation', 'borderline', 'monitor']);
/** Zone rings are drawn from this zoom (below, a 200 m ring is a few pixels). */
export const ZONE_MIN_ZOOM = 13;
/**
 * A violation line shows from the zoom at which it spans this many pixels (of a 512-px
 * tile): shorter, it is a tick that says nothing, and a province's lines at z9–13 made
 * tiles of 1–2 MB. At 30°N a 50 m line shows from z14 or z15 (as it lies), a 200 m line
 * from z12 or z13.
 */
export const VIOLATION_MIN_PX = 12;
const TILE_PX = 512;
/** One string per township code, however many lines and rings carry it. */
const townships = new Map<string, string>();
const interned = (code: string) => townships.get(code) ?? (townships.set(code, code), code);

/**
 * The violations line of a finding, or null when its status is not drawn. It carries what
 * the map colours and filters by, nothing more: the finding's id, distances and target are
 * the dossier's, read from the findings API (without them the lines of a dense z14 tile
 * went from 54 KB to 21 KB). Its feature id is the finding id's hash (@atlas/model featureId).
 */
export function violationRecord(f: Finding, township: string | null): ShapeRecord | null {
  if (!DRAWN_STATUSES.has(f.status)) return null;
  const props: Props = { category: f.category, status: f.status };
  if (township !== null) props.township = interned(township);
  const [[x0, y0], [x1, y1]] = [f.originPoint, f.targetPoint].map(([lng, lat]) => [
    lngToX(lng!),
    latToY(lat!),
  ]) as [[number, number], [number, number]];
  const spanPx = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) * TILE_PX; // at zoom 0
  const minZoom = spanPx > 0 ? Math.max(0, Math.ceil(Math.log2(VIOLATION_MIN_PX / spanPx))) : 0;
  return line(f.id, [f.originPoint, f.targetPoint], props, minZoom);
}

/** Set a line's (or ring's) school type, or remove it (undefined: the school is gone). */
export function setSchoolType(props: Props, type: string | undefined): void {
  if (type === undefined) delete props.schoolType;
  else props.schoolType = type;
}

/** The perimeter_zones ring of one zone of a school, with the school's type and township. */
export function zoneRecord(zone: ZoneFeature, school: LayerFeature<'schools'>): ShapeRecord {
  const { schoolId, distanceM } = zone.properties;
  const props: Props = { schoolId, distanceM, schoolType: school.properties.type };
  const township = townshipOf(school.properties.adminCode);
  if (township !== null) props.township = interned(township);
  return areal(zone.id, zone.geometry, props, ZONE_MIN_ZOOM);
}
