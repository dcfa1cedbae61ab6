import { displayRing, geodesicRing } from '@atlas/geo';
import type { Metres } from '@atlas/geo';
import type { MultiPolygon, Polygon, Position } from '@atlas/model';
import type { Origin, ResolvedProfile } from '@atlas/rules';
import type { AuditSchool } from './input.ts';
import { MISSING_ORIGIN_REASON } from './origins.ts';

// Perimeter zones of one school: the curve at each rule distance around its origin, traced on
// the ellipsoid (@atlas/geo geodesicRing) — not a planar buffer, which shrinks at these
// latitudes. One zone per distinct (origin, distance) among the profile's published zones and
// its straight-line store rules that protect the school's type; gates get one ring each.
// Walking rules have no ring (their reach follows the streets) and are not drawn here.
// The map asks for { ring: 'display' }: the same outlines from @atlas/geo displayRing (a
// tangent plane and Clipper2, vertices within millimetres of the exact curve), ≈ 200× faster.

export interface ZoneFeature {
  type: 'Feature';
  id: string;
  geometry: Polygon | MultiPolygon;
  properties: {
    schoolId: string;
    origin: Origin;
    /** The gate the ring is drawn around (gate origins). */
    gateId: string | null;
    distanceM: number;
    /** Published zones (e.g. hb.zone.200m) and rules at this distance. */
    zoneIds: string[];
    ruleIds: string[];
    names: string[];
  };
}

export interface SchoolZones {
  features: ZoneFeature[];
  /** Zones the school's geometry cannot support (no outline, no gates …). */
  missing: { origin: Origin; distanceM: number; reason: string }[];
}

export interface PerimeterZoneOptions {
  /** 'exact' (default): traced on the ellipsoid, for audits and the dossier; 'display': for maps. */
  ring?: 'exact' | 'display';
}

interface Group {
  origin: Origin;
  distanceM: number;
  zoneIds: string[];
  ruleIds: string[];
  names: string[];
}

function groups(school: AuditSchool, profile: ResolvedProfile): Group[] {
  const type = school.properties.type;
  const byKey = new Map<string, Group>();
  const add = (
    origin: Origin,
    distanceM: number,
    what: 'zoneIds' | 'ruleIds',
    id: string,
    name: string,
  ) => {
    const key = `${origin}/${distanceM}`;
    const g = byKey.get(key) ?? { origin, distanceM, zoneIds: [], ruleIds: [], names: [] };
    g[what].push(id);
    if (!g.names.includes(name)) g.names.push(name);
    byKey.set(key, g);
  };
  for (const z of profile.zones)
    if (z.schoolTypes.includes(type)) add(z.origin, z.distanceM, 'zoneIds', z.id, z.name);
  for (const r of profile.rules)
    if (
      r.kind === 'store' &&
      r.metric === 'geodesic' &&
      r.distanceM !== null &&
      r.schoolTypes.includes(type)
    )
      add(r.origin, r.distanceM, 'ruleIds', r.id, r.source.title);
  return [...byKey.values()].sort((a, b) => a.distanceM - b.distanceM);
}

/** Gates an origin draws rings around: every gate, or the main gate(s). */
function gatesFor(school: AuditSchool, origin: Origin) {
  const gates = school.properties.gates;
  return origin === 'main_gate' ? gates.filter((g) => g.kind === 'main') : gates;
}

export function perimeterZones(
  school: AuditSchool,
  profile: ResolvedProfile,
  opts: PerimeterZoneOptions = {},
): SchoolZones {
  const ring = opts.ring === 'display' ? displayRing : geodesicRing;
  const out: SchoolZones = { features: [], missing: [] };
  for (const g of groups(school, profile)) {
    const d = g.distanceM as Metres;
    const feature = (geometry: Polygon | MultiPolygon, gateId: string | null): ZoneFeature => ({
      type: 'Feature',
      id: `${school.id}/${g.origin}/${gateId ? `${gateId}/` : ''}${g.distanceM}`,
      geometry,
      properties: { schoolId: school.id, gateId, ...g },
    });
    if (g.origin === 'campus_outline') {
      const campus = school.properties.campus;
      if (campus)
        out.features.push(
          feature(campus.type === 'Polygon' ? ring(campus, d) : ring(campus, d), null),
        );
      else out.missing.push({ ...g, reason: MISSING_ORIGIN_REASON.campus_outline });
    } else if (g.origin === 'school_point') {
      const point = { type: 'Point' as const, coordinates: school.geometry.coordinates };
      out.features.push(feature(ring(point, d), null));
    } else {
      const gates = gatesFor(school, g.origin);
      if (gates.length === 0) out.missing.push({ ...g, reason: MISSING_ORIGIN_REASON[g.origin] });
      for (const gate of gates) {
        const point = { type: 'Point' as const, coordinates: gate.position as Position };
        out.features.push(feature(ring(point, d), gate.id));
      }
    }
  }
  return out;
}
