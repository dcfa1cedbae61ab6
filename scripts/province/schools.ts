import type { Areal, Gate, Position, SchoolType } from '@atlas/model';
import { adminCodeAt, type AdminGrid } from './admin.ts';
import { roundDeg, scaledCount } from './extent.ts';
import { feature, makeId, type ProvinceFeature } from './feature.ts';
import { address } from './names.ts';
import { cumulativeOf, forkRng, pickWeighted, type Rng } from '../lib/rng.ts';
import { rectangleCorners, rectangleRing } from './shapes.ts';
import { anywhere, nearTown, pickTown, type Towns } from './towns.ts';

// Schools with campus outlines: a rotated rectangle of 60–250 m sides, the school point at
// its centre, one to three gates on its edges. A few campuses have an annex across a road
// (MultiPolygon); about 5 % have no outline (gates only, or the point only).

const CAMPUS_SIDE_MIN_M = 60;
const CAMPUS_SIDE_MAX_M = 250;
/** Gap between a campus and its annex (a road), metres. */
const ANNEX_GAP_MIN_M = 20;
const ANNEX_GAP_MAX_M = 60;
/** Keep centres this far inside the province, so a whole campus and annex fit. */
const CAMPUS_MARGIN_M = 1_000;
const RURAL_SHARE = 0.15;
const SHARE_MULTIPOLYGON = 0.01;
const SHARE_GATES_ONLY = 0.025;
const SHARE_POINT_ONLY = 0.025;
const MAX_GATES = 3;
/** School codes: 3 + province 42 + a 7-digit serial = 10 digits. */
const CODE_PREFIX = '342';

// [type, share, min students, max students, boarding chance, name suffix]
const TYPES: [SchoolType, number, number, number, number, string][] = [
  ['kindergarten', 0.35, 60, 600, 0, '幼儿园'],
  ['primary', 0.3, 100, 2500, 0.1, '小学'],
  ['junior', 0.12, 300, 2500, 0.4, '初级中学'],
  ['nine_year', 0.05, 300, 2500, 0.4, '九年一贯制学校'],
  ['senior', 0.05, 800, 4000, 0.8, '高级中学'],
  ['complete_secondary', 0.02, 800, 4000, 0.7, '中学'],
  ['vocational', 0.03, 500, 5000, 0.6, '职业技术学校'],
  ['special', 0.01, 30, 300, 0.5, '特殊教育学校'],
  ['reform', 0.002, 20, 200, 1, '专门学校'],
  ['university', 0.01, 3000, 30_000, 1, '学院'],
  ['training', 0.058, 20, 400, 0, '培训学校'],
];
const TYPE_CUMULATIVE = cumulativeOf(TYPES.map((t) => t[1]));
const GATE_KINDS: Gate['kind'][] = ['main', 'side', 'back'];

export const schoolCode = (n: number) => `${CODE_PREFIX}${String(n).padStart(7, '0')}`;

function gatesOn(rng: Rng, corners: Position[], count: number): Gate[] {
  const gates: Gate[] = [];
  for (let g = 0; g < count; g++) {
    const edge = (g + rng.int(0, corners.length - 1)) % corners.length;
    const a = corners[edge]!;
    const b = corners[(edge + 1) % corners.length]!;
    const t = rng.range(0.2, 0.8);
    gates.push({
      id: `g${g + 1}`,
      kind: GATE_KINDS[g]!,
      studentUse: g === 0 || rng.chance(0.5),
      position: [roundDeg(a[0] + (b[0] - a[0]) * t), roundDeg(a[1] + (b[1] - a[1]) * t)],
    });
  }
  return gates;
}

function campusOf(rng: Rng, centre: Position): { campus: Areal; corners: Position[] } {
  const w = rng.range(CAMPUS_SIDE_MIN_M, CAMPUS_SIDE_MAX_M);
  const h = rng.range(CAMPUS_SIDE_MIN_M, CAMPUS_SIDE_MAX_M);
  const angle = rng.range(0, Math.PI);
  const corners = rectangleCorners(centre, w, h, angle);
  if (!rng.chance(SHARE_MULTIPOLYGON)) {
    return { campus: { type: 'Polygon', coordinates: [rectangleRing(corners)] }, corners };
  }
  // The annex lies beyond the +x side, across a road: the two parts never overlap.
  const w2 = rng.range(CAMPUS_SIDE_MIN_M, CAMPUS_SIDE_MAX_M);
  const shift = w / 2 + rng.range(ANNEX_GAP_MIN_M, ANNEX_GAP_MAX_M) + w2 / 2;
  const annex = rectangleCorners(centre, w2, h, angle, shift, 0);
  const coordinates = [[rectangleRing(corners)], [rectangleRing(annex)]];
  return { campus: { type: 'MultiPolygon', coordinates }, corners };
}

export function* schools(
  seed: number,
  scale: number,
  towns: Towns,
  grid: AdminGrid,
): Iterable<ProvinceFeature<'schools'>> {
  const rng = forkRng(seed, 'schools');
  const count = scaledCount('schools', scale);
  for (let n = 1; n <= count; n++) {
    const rural = rng.chance(RURAL_SHARE);
    const town = pickTown(rng, towns);
    const centre = rural ? anywhere(rng, CAMPUS_MARGIN_M) : nearTown(rng, town, 1, CAMPUS_MARGIN_M);
    const [type, , minStudents, maxStudents, boarding, suffix] =
      TYPES[pickWeighted(rng, TYPE_CUMULATIVE)]!;
    const outline = rng.next();
    let campus: Areal | null = null;
    let gates: Gate[] = [];
    if (outline >= SHARE_POINT_ONLY) {
      const shape = campusOf(rng, centre);
      gates = gatesOn(rng, shape.corners, rng.int(1, MAX_GATES));
      if (outline >= SHARE_POINT_ONLY + SHARE_GATES_ONLY) campus = shape.campus;
    }
    yield feature(
      'schools',
      makeId('sch', n, 6),
      { type: 'Point', coordinates: centre },
      {
        code: schoolCode(n),
        name: `${town.name}第${n}${suffix}`,
        type,
        address: address(rng, town.name),
        students: rng.int(minStudents, maxStudents),
        boarding: rng.chance(boarding),
        campus,
        gates,
        adminCode: adminCodeAt(grid, centre),
      },
    );
  }
}
