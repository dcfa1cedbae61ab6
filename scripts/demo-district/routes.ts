import type { Position, SchoolType } from '@atlas/model';
import { geodesicDistanceM } from '@atlas/geo';
import { type Admin, villageAt } from './admin.ts';
import { type DemoFeature, feature, makeId, provenance } from './features.ts';
import { toLocal } from './local.ts';
import type { Rng } from '../lib/rng.ts';
import { RoadGraph } from './road-graph.ts';
import type { RoadNet } from './roads.ts';
import type { PlacedSchool } from './schools.ts';

// Stage 10 — school bus routes (校车线路): from a village's road to a school's main gate in
// the same township, along the shortest drivable path (no expressway, no footpath). Stops
// at the village, about every STOP_SPACING_M on the way, and at the school gate.

const ROUTES = 40;
const STOP_SPACING_M = 1_500;
const BUS_TYPES = new Set<SchoolType>([
  'primary',
  'junior',
  'nine_year',
  'kindergarten',
  'senior',
  'complete_secondary',
  'special',
]);
const OPERATORS = ['云溪县公交客运有限公司', '云溪县校车服务有限公司', '云溪县顺达客运有限公司'];
const SPEED_LIMITS_KMH = [30, 40, 40, 60];
const PLATE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

export function buildRoutes(
  admin: Admin,
  net: RoadNet,
  schools: PlacedSchool[],
  rng: Rng,
  seed: number,
): DemoFeature<'routes'>[] {
  const graph = new RoadGraph(
    net.lines.filter((l) => l.class !== 'expressway' && l.class !== 'path'),
  );
  const served = schools.filter(
    (s) => BUS_TYPES.has(s.slot.type) && !s.slot.rural && s.parts.length > 0,
  );
  const pairs = admin.villages
    .filter((v) => !v.isCommunity)
    .flatMap((v) => {
      const options = served.filter((s) => s.slot.township === v.township.index);
      return options.length ? [{ village: v, school: rng.pick(options) }] : [];
    });
  const chosen = rng
    .shuffle(pairs)
    .slice(0, ROUTES)
    .sort((a, b) => a.village.code.localeCompare(b.village.code));
  const prov = provenance(seed, '校车线路备案（演示）');
  return chosen.map(({ village, school }, k) => {
    const from = net.villageNodes.get(village.code)!;
    const gate = school.gates[0]!;
    const path = graph.shortestPath(from, gate.at);
    if (!path)
      throw new Error(`buildRoutes: ${village.name} is not connected to ${school.slot.name}`);
    const code = school.feature.properties.code;
    return feature(
      'routes',
      makeId('rte', k + 1, 3),
      { type: 'LineString', coordinates: path },
      {
        name: `${school.slot.name}—${village.name}校车线`,
        schoolCodes: [code],
        operator: rng.pick(OPERATORS),
        plate: `鄂E·${Array.from({ length: 5 }, () => rng.pick([...PLATE_CHARS])).join('')}`,
        approvedOn: `202${rng.int(2, 4)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
        stops: stopsAlong(path, admin, village.name, school.slot.name),
        speedLimitKmh: rng.pick(SPEED_LIMITS_KMH),
        provenance: prov,
      },
    );
  });
}

function stopsAlong(path: Position[], admin: Admin, villageName: string, schoolName: string) {
  const stops = [{ name: `${villageName}村委会站`, position: path[0]! }];
  let since = 0;
  for (let i = 1; i < path.length - 1; i++) {
    since += geodesicDistanceM(path[i - 1]!, path[i]!);
    if (since < STOP_SPACING_M) continue;
    since = 0;
    const v = villageAt(admin.villages, toLocal(path[i]!));
    stops.push({ name: `${v?.name ?? villageName}${stops.length}号站`, position: path[i]! });
  }
  stops.push({ name: `${schoolName}站`, position: path[path.length - 1]! });
  return stops;
}
