import type { SchoolType } from '@atlas/model';
import { type Admin, SEAT_XY } from './admin.ts';
import type { XY } from './local.ts';
import { add, scale, sub, unit } from './planar.ts';
import type { Rng } from '../lib/rng.ts';

// What schools the district has and roughly where: ~22 in the county seat, three or four
// in each town, one in most villages. A slot names the school, its type and shape, an
// anchor to search around, and a role when the demo needs it for a known answer.

export type CampusShape = 'rect' | 'quad' | 'hole' | 'multi' | 'point' | 'gates';
export type SchoolRole = 'planted' | 'hazard_zone' | 'hazard_radius' | 'pipeline';

export interface SchoolSlot {
  name: string;
  type: SchoolType;
  township: number;
  anchor: XY;
  shape: CampusShape;
  sideM: [number, number];
  role: SchoolRole | null;
  /** A village school (smaller enrolment, address by 组). */
  rural: boolean;
}

/** Slots with a role keep every other campus this far away, so their answers stay clean. */
export const ISOLATION_M: Record<SchoolRole, number> = {
  planted: 650,
  hazard_zone: 800,
  hazard_radius: 800,
  pipeline: 300,
};

const KINDERGARTEN_M: [number, number] = [60, 90];
const PRIMARY_M: [number, number] = [100, 160];
const SECONDARY_M: [number, number] = [150, 220];
const LARGE_M: [number, number] = [180, 250];
const SMALL_M: [number, number] = [60, 100];
const VILLAGE_SCHOOLS = 36;
const TOWN_PLANTED_OFFSET_M = 550;
const TOWN_OTHER_OFFSET_M = 450;

const seat = (dx: number, dy: number): XY => [SEAT_XY[0] + dx, SEAT_XY[1] + dy];

export function schoolSlots(admin: Admin, rng: Rng): SchoolSlot[] {
  const s = (
    name: string,
    type: SchoolType,
    township: number,
    anchor: XY,
    shape: CampusShape,
    sideM: [number, number],
    role: SchoolRole | null = null,
    rural = false,
  ): SchoolSlot => ({ name, type, township, anchor, shape, sideM, role, rural });
  const slots: SchoolSlot[] = [
    s('云溪县第一中学', 'senior', 0, seat(-950, -650), 'rect', LARGE_M, 'planted'),
    s('云溪县第二中学', 'junior', 0, seat(300, 300), 'quad', SECONDARY_M),
    s('云溪县实验中学', 'complete_secondary', 0, seat(900, -500), 'rect', LARGE_M),
    s('云溪县职业教育中心', 'vocational', 0, seat(1_600, 600), 'rect', LARGE_M),
    s('云溪县特殊教育学校', 'special', 0, seat(-300, 700), 'rect', SMALL_M),
    s('云溪县专门学校', 'reform', 0, seat(-2_000, 1_500), 'rect', SMALL_M),
    s('云溪职业技术学院', 'university', 0, seat(2_200, -900), 'multi', LARGE_M),
    s('云溪县实验小学', 'primary', 0, seat(0, 0), 'rect', PRIMARY_M),
    s('云溪县第二实验小学', 'primary', 0, seat(900, 600), 'hole', PRIMARY_M),
    s('文昌小学', 'primary', 0, seat(-600, 500), 'quad', PRIMARY_M),
    s('城东小学', 'primary', 0, seat(1_100, 0), 'rect', PRIMARY_M),
    s('城西小学', 'primary', 0, seat(-1_100, 300), 'rect', PRIMARY_M),
    s('云溪县实验幼儿园', 'kindergarten', 0, seat(200, -300), 'rect', KINDERGARTEN_M),
    s('城关幼儿园', 'kindergarten', 0, seat(-300, 100), 'rect', KINDERGARTEN_M),
    s('阳光幼儿园', 'kindergarten', 0, seat(600, 800), 'quad', KINDERGARTEN_M),
    s('金色童年幼儿园', 'kindergarten', 0, seat(1_000, -800), 'rect', KINDERGARTEN_M),
    s('小天鹅幼儿园', 'kindergarten', 0, seat(-800, 800), 'rect', KINDERGARTEN_M),
    s('星辰英语培训学校', 'training', 0, seat(300, -600), 'rect', KINDERGARTEN_M),
    s('启航教育培训中心', 'training', 0, seat(0, 400), 'point', KINDERGARTEN_M),
    s('博雅书法培训', 'training', 0, seat(600, -100), 'gates', KINDERGARTEN_M),
    s('乐跑体育培训', 'training', 0, seat(-200, -500), 'rect', KINDERGARTEN_M),
    s('智慧树课外辅导中心', 'training', 0, seat(700, 300), 'rect', KINDERGARTEN_M),
  ];
  for (const t of admin.townships.slice(1)) {
    const u = unit(sub(SEAT_XY, t.centre)); // main street direction, toward the seat
    const far = add(t.centre, scale(u, -TOWN_PLANTED_OFFSET_M));
    const near = add(t.centre, scale(u, TOWN_OTHER_OFFSET_M));
    const isXiang = t.name.endsWith('乡');
    slots.push(
      s(
        `${t.name}中心小学`,
        'primary',
        t.index,
        t.index === 1 ? far : near,
        'rect',
        PRIMARY_M,
        t.index === 1 ? 'planted' : null,
      ),
      s(
        `${t.name}中心幼儿园`,
        'kindergarten',
        t.index,
        t.index === 3 ? far : near,
        'rect',
        KINDERGARTEN_M,
        t.index === 3 ? 'planted' : null,
      ),
      isXiang
        ? s(`${t.name}九年一贯制学校`, 'nine_year', t.index, near, 'rect', SECONDARY_M)
        : s(
            `${t.name}初级中学`,
            'junior',
            t.index,
            t.index === 2 ? far : near,
            'quad',
            SECONDARY_M,
            t.index === 2 ? 'planted' : null,
          ),
    );
    if (t.index === 4) slots.push(s('云溪县第三中学', 'senior', t.index, near, 'rect', LARGE_M));
  }
  const villages = rng
    .shuffle(admin.villages.filter((v) => !v.isCommunity))
    .slice(0, VILLAGE_SCHOOLS);
  const roles: SchoolRole[] = ['hazard_zone', 'hazard_radius', 'pipeline'];
  villages.forEach((v, k) => {
    const role = roles[k] ?? null;
    const kind = role === 'hazard_radius' ? 0 : k % 3;
    const base = v.name.replace(/村$/, '');
    if (kind === 0)
      slots.push(
        s(
          `${v.name}幼儿园`,
          'kindergarten',
          v.township.index,
          v.centre,
          'rect',
          KINDERGARTEN_M,
          role,
          true,
        ),
      );
    else if (kind === 1)
      slots.push(
        s(`${base}小学`, 'primary', v.township.index, v.centre, 'quad', PRIMARY_M, role, true),
      );
    else
      slots.push(
        s(`${base}教学点`, 'primary', v.township.index, v.centre, 'rect', SMALL_M, role, true),
      );
  });
  return slots;
}
