import type { Position } from '@atlas/model';
import {
  degrees,
  geodesicDestination,
  geodesicDistanceM,
  geodesicInverse,
  metres,
} from '@atlas/geo';
import { type Admin, villageAt } from './admin.ts';
import { type DemoFeature, feature, makeId, provenance } from './features.ts';
import { toLocal } from './local.ts';
import { outlineDistanceM } from './outline-distance.ts';
import { type PlantedCase, PLANTED_CASES } from './planted-cases.ts';
import type { Rng } from '../lib/rng.ts';
import type { PlacedSchool } from './schools.ts';

// Stage 8 — planted cases, constructed exactly on the WGS84 ellipsoid. On a convex campus
// take a point P inside an edge (on the geodesic between its written vertices) and walk the
// geodesic perpendicular to the edge, outward, by the target distance:
//
//          Q  (store)
//          │  d        azimuth at P along the edge + 90° (the ring is counter-clockwise,
//   A ─────P───── B    so outward is to the right)
//   ░░ campus ░░░░░
//
// The campus then lies behind the edge's line, so P is Q's nearest campus point and the
// distance is d. Every case is re-measured independently and the stage fails loudly if
// any differs by more than TOLERANCE_M, or comes within OTHER_CAMPUS_CLEAR_M of another campus.

export const TOLERANCE_M = 0.01;
export const OTHER_CAMPUS_CLEAR_M = 300;
const MIN_EDGE_M = 30;
/** No campus edge is longer than this (sides ≤ 250 m, skewed ≤ 15 %), so a point this far
 * beyond every vertex is at least OTHER_CAMPUS_CLEAR_M from the outline. */
const LONGEST_EDGE_M = 400;
const EDGE_T: [number, number] = [0.3, 0.7];
const INSIDE_OFFSET_M = 20;
/** Planted shops were surveyed by RTK: their positions are exact. */
const PLANTED_UNCERTAINTY_M = 0.05;

export interface PlantedTruth {
  storeId: string;
  schoolId: string;
  categories: string[];
  origin: 'campus' | 'gate';
  gateId?: string;
  distanceM: number;
  /** Distance to the campus outline (equals distanceM for gate cases: they leave perpendicular). */
  campusDistanceM: number;
  note: string;
}

export function plantStores(
  admin: Admin,
  schools: PlacedSchool[],
  rng: Rng,
  seed: number,
  firstNumber: number,
): { stores: DemoFeature<'stores'>[]; truth: PlantedTruth[] } {
  const planted = schools.filter((s) => s.slot.role === 'planted');
  const edgeTurn = new Map<string, number>();
  const gateTurn = new Map<string, number>();
  const stores: DemoFeature<'stores'>[] = [];
  const truth: PlantedTruth[] = [];
  PLANTED_CASES.forEach((pc, k) => {
    const school = planted[pc.school];
    if (!school || school.feature.properties.campus?.type !== 'Polygon')
      throw new Error(`plantStores: planted school ${pc.school} needs a Polygon campus`);
    const ring = school.feature.properties.campus.coordinates[0]!;
    let q: Position;
    let gateId: string | undefined;
    if (pc.origin === 'inside') {
      q = geodesicDestination(
        school.feature.geometry.coordinates,
        degrees(rng.range(0, 360)),
        metres(INSIDE_OFFSET_M),
      );
    } else if (pc.origin === 'gate') {
      const gates = school.feature.properties.gates;
      const turn = gateTurn.get(school.id) ?? 0;
      gateTurn.set(school.id, turn + 1);
      const gate = gates[turn % gates.length]!;
      gateId = gate.id;
      q = fromGate(ring, gate.position, pc.distanceM);
    } else {
      const edges = ring
        .slice(1)
        .map((b, i) => [ring[i]!, b] as const)
        .filter(([a, b]) => geodesicDistanceM(a, b) >= MIN_EDGE_M);
      const turn = edgeTurn.get(school.id) ?? rng.int(0, edges.length - 1);
      edgeTurn.set(school.id, turn + 1);
      const [a, b] = edges[turn % edges.length]!;
      q = perpendicularFrom(a, b, rng.range(...EDGE_T), pc.distanceM);
    }
    const storeId = makeId('sto', firstNumber + k, 4);
    const campusDistanceM = pc.origin === 'inside' ? 0 : pc.distanceM;
    verify(pc, q, school, schools, gateId, storeId);
    const village = villageAt(admin.villages, toLocal(q));
    stores.push(
      storeFeature(
        storeId,
        q,
        pc,
        village?.code ?? null,
        `云溪县${village?.township.name ?? ''}${village?.name ?? ''}${school.slot.name}旁`,
        rng,
        seed,
      ),
    );
    truth.push({
      storeId,
      schoolId: school.id,
      categories: pc.categories,
      origin: pc.origin === 'gate' ? 'gate' : 'campus',
      ...(gateId ? { gateId } : {}),
      distanceM: pc.distanceM,
      campusDistanceM,
      note: pc.note,
    });
  });
  return { stores, truth };
}

/** The point at distanceM along the outward geodesic normal to edge a→b at fraction t. */
function perpendicularFrom(a: Position, b: Position, t: number, distanceM: number): Position {
  const edge = geodesicInverse(a, b);
  const p = geodesicDestination(a, edge.azimuth1, metres(edge.distanceM * t));
  const along = geodesicInverse(a, p).azimuth2;
  return geodesicDestination(p, degrees(along + 90), metres(distanceM));
}

/** From a gate (a ring vertex between two nearly collinear edges), outward along the mean normal. */
function fromGate(ring: Position[], gate: Position, distanceM: number): Position {
  const i = ring.findIndex((p, k) => k > 0 && p[0] === gate[0] && p[1] === gate[1]);
  if (i < 1 || i >= ring.length - 1)
    throw new Error('plantStores: a gate must be an inner vertex of the campus ring');
  const inAz = geodesicInverse(ring[i - 1]!, gate).azimuth2;
  const outAz = geodesicInverse(gate, ring[i + 1]!).azimuth1;
  const mean = inAz + (((outAz - inAz + 540) % 360) - 180) / 2;
  return geodesicDestination(gate, degrees(mean + 90), metres(distanceM));
}

function verify(
  pc: PlantedCase,
  q: Position,
  school: PlacedSchool,
  schools: PlacedSchool[],
  gateId: string | undefined,
  storeId: string,
): void {
  const campus = school.feature.properties.campus!;
  const fail = (why: string) => {
    throw new Error(`plantStores: ${storeId} (${pc.name}, ${pc.note}) ${why}`);
  };
  const outline = outlineDistanceM(q, campus);
  const expectedOutline = pc.origin === 'inside' ? 0 : pc.distanceM;
  if (Math.abs(outline - expectedOutline) > TOLERANCE_M)
    fail(`is ${outline} m from the outline, expected ${expectedOutline}`);
  if (gateId) {
    const gates = school.feature.properties.gates;
    const own = geodesicDistanceM(q, gates.find((g) => g.id === gateId)!.position);
    if (Math.abs(own - pc.distanceM) > TOLERANCE_M)
      fail(`is ${own} m from gate ${gateId}, expected ${pc.distanceM}`);
    if (gates.some((g) => g.id !== gateId && geodesicDistanceM(q, g.position) <= own))
      fail(`is not nearest to gate ${gateId}`);
  }
  for (const other of schools) {
    if (other.id === school.id) continue;
    const c = other.feature.properties.campus;
    const d = c
      ? outlineDistanceFast(q, other)
      : geodesicDistanceM(q, other.feature.geometry.coordinates);
    if (d <= OTHER_CAMPUS_CLEAR_M) fail(`is only ${d} m from ${other.id} ${other.slot.name}`);
  }
}

/** Exact distance to another campus, or (when every vertex is far) the nearest vertex's. */
function outlineDistanceFast(q: Position, other: PlacedSchool): number {
  const campus = other.feature.properties.campus!;
  const vertices = (campus.type === 'Polygon' ? [campus.coordinates] : campus.coordinates).flat(2);
  const nearestVertex = Math.min(...vertices.map((v) => geodesicDistanceM(q, v)));
  return nearestVertex > OTHER_CAMPUS_CLEAR_M + LONGEST_EDGE_M
    ? nearestVertex
    : outlineDistanceM(q, campus);
}

function storeFeature(
  id: string,
  q: Position,
  pc: PlantedCase,
  adminCode: string | null,
  address: string,
  rng: Rng,
  seed: number,
): DemoFeature<'stores'> {
  return feature(
    'stores',
    id,
    { type: 'Point', coordinates: q },
    {
      name: pc.name,
      categories: pc.categories,
      entertainmentSubtype: pc.subtype,
      licenceNo: `420599${rng.int(100_000, 999_999)}`,
      licenceExpiry: `202${rng.int(5, 8)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
      address,
      uncertaintyM: PLANTED_UNCERTAINTY_M,
      adminCode,
      provenance: provenance(seed, '现场 RTK 实测（模拟·埋设案例）'),
    },
  );
}
