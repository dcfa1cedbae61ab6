import type { Position } from '@atlas/model';
import { lowerBoundToBoxM, scaleFor } from './bounds.ts';
import type { BoxScale } from './bounds.ts';
import { evaluate, findingFrom, statusOf } from './classify.ts';
import { rulesFor } from './compile.ts';
import type { CompiledProfile, CompiledStoreRule, StoreRuleSet } from './compile.ts';
import type { Finding, RuleEvaluation } from './finding.ts';
import type { SchoolIndex, StoreIndex } from './indexes.ts';
import { measure } from './measure.ts';
import type { Measured } from './measure.ts';
import { PLANE_DISTANCE_TOLERANCE_M } from './options.ts';
import { ORIGIN_SLOT_COUNT, OriginTable } from './origins.ts';
import { boundDistance, emptyBound, midLatitudeDistanceM } from './plane-bound.ts';
import type { PlaneBound } from './plane-bound.ts';
import { subtypeBitOf } from './store-columns.ts';
import type { StoreColumns } from './store-columns.ts';
import { walkStart } from './walking/origin-points.ts';
import type { WalkMeasurer } from './walking/walking.ts';

// Stores near each school: candidates → bound → exact distance where needed → classify.
//
//  1. candidates: one grid query per school, the box grown by the school's reach
//     (largest limit + campus and worst store uncertainty), then a conservative lower bound
//     per rule rejects pairs that no rule can catch — no geodesic computed for them;
//  2. bound: a local-plane interval around the exact distance of each origin the pair's rules
//     use (plane-bound.ts); where the whole interval gives every rule one status, that status is
//     the exact one, and a pair every rule clears ends here without any geodesic;
//  3. distance, for pairs that are findings only: where the interval is at most
//     PLANE_DISTANCE_TOLERANCE_M wide, the mid-latitude plane distance to the nearest point
//     clamped into it (so within that of the geodesic, in practice micrometres); else the exact
//     geodesic (GeographicLib) — always exact where the interval straddles a status change,
//     i.e. within millimetres of a limit or an uncertainty band;
//  4. classify: every rule of the store's category decided, strictest first.

export interface StoreAuditContext {
  profile: CompiledProfile;
  stores: StoreIndex;
  schools: SchoolIndex;
  campusUncertaintyM: number;
  /** Walking distances, when walkable roads were loaded. */
  walk: WalkMeasurer | null;
}

/** The rules of a school that its geometry supports, and the box + scale to query. */
export interface SchoolReach {
  set: StoreRuleSet;
  categoryMask: number;
  box: [number, number, number, number];
  scale: BoxScale;
}

export function schoolReach(
  ctx: StoreAuditContext,
  schoolIdx: number,
  extraReachM = 0,
): SchoolReach | null {
  const school = ctx.schools.schools[schoolIdx]!;
  const { boxes, slots } = ctx.schools.origins;
  const set = ctx.profile.storeRuleSets.get(school.properties.type)?.[slots[schoolIdx]!];
  if (!set || set.rules.length === 0) return null;
  const { rules, categoryMask, limitM } = set;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const c of rules) {
    const at = OriginTable.boxAt(schoolIdx, c.slot);
    box[0] = Math.min(box[0], boxes[at]!);
    box[1] = Math.min(box[1], boxes[at + 1]!);
    box[2] = Math.max(box[2], boxes[at + 2]!);
    box[3] = Math.max(box[3], boxes[at + 3]!);
  }
  const reachM =
    limitM + ctx.campusUncertaintyM + Math.max(ctx.stores.maxUncertaintyM, extraReachM);
  return { set, categoryMask, box, scale: scaleFor(box[1], box[3], reachM) };
}

/** Every finding between one school and the indexed stores. */
export function auditSchoolStores(ctx: StoreAuditContext, schoolIdx: number, out: Finding[]): void {
  const reach = schoolReach(ctx, schoolIdx);
  const grid = ctx.stores.grid;
  if (!reach || !grid) return;
  const { box, scale } = reach;
  const count = grid.query(
    box[0] - scale.dLngDeg,
    box[1] - scale.dLatDeg,
    box[2] + scale.dLngDeg,
    box[3] + scale.dLatDeg,
  );
  const masks = ctx.stores.masks;
  const hits = grid.hits; // auditPair makes no query, so the buffer stays ours
  for (let k = 0; k < count; k++) {
    const j = hits[k]!;
    if ((masks[j]! & reach.categoryMask) === 0) continue;
    auditPair(ctx, schoolIdx, ctx.stores.stores, j, masks[j]!, reach, out);
  }
}

// Reused between pairs: the hot loop allocates only for pairs that are findings.
const measured: (Measured | null)[] = new Array<Measured | null>(ORIGIN_SLOT_COUNT).fill(null);
const walked = new Map<string, Measured | null>();
/** The evaluations of the pair being built, and their categories ('' once grouped). */
const pending: RuleEvaluation[] = [];
const pendingCategory: string[] = [];
const bounds: PlaneBound[] = Array.from({ length: ORIGIN_SLOT_COUNT }, emptyBound);
/** Per slot: 0 no bound yet, 1 bound taken, 2 the bound cannot decide (measure exactly). */
const boundState = new Uint8Array(ORIGIN_SLOT_COUNT);
const [NO_BOUND, BOUND, EXACT] = [0, 1, 2];

/** The walking distance of a pair; 0 for a shop inside the campus. A walk is never shorter
 *  than the straight line from the same origin, so the candidate bounds stay valid. */
function walking(
  ctx: StoreAuditContext,
  schoolIdx: number,
  c: CompiledStoreRule,
  straight: Measured,
  p: Position,
): Measured | null {
  if (straight.distanceM === 0) return { ...straight, path: [p] };
  if (!ctx.walk) throw new Error('walking rule compiled without a walk network');
  const start = walkStart(c.rule.origin, ctx.schools.origins.geometry(schoolIdx, c.slot)!, p);
  if (!walked.has(start.key))
    walked.set(start.key, ctx.walk.measure(schoolIdx, start.key, start.points, p));
  return walked.get(start.key)!;
}

const applies = (c: CompiledStoreRule, mask: number, subtypeBit: number) =>
  (mask & c.categoryBit) !== 0 && (c.subtypeMask === null || (c.subtypeMask & subtypeBit) !== 0);

/** The straight-line distance of one origin: from the plane when its bound is decided and
 *  narrow (then within PLANE_DISTANCE_TOLERANCE_M of the geodesic), else exact. The plane's
 *  figure is the mid-latitude distance to the nearest point, clamped into the proven interval:
 *  usually micrometres from the geodesic, never farther than the interval's width. */
function straightDistance(
  origins: OriginTable,
  schoolIdx: number,
  slot: number,
  p: Position,
): Measured {
  const b = bounds[slot]!;
  if (boundState[slot] !== BOUND || b.hiM - b.loM > PLANE_DISTANCE_TOLERANCE_M)
    return measure(origins.geometry(schoolIdx, slot)!, { kind: 'point', point: p });
  if (b.hiM === 0) return { distanceM: 0, originPoint: p, targetPoint: p };
  const estimateM = midLatitudeDistanceM(p[0], p[1], b.nearLng, b.nearLat);
  return {
    distanceM: Math.min(b.hiM, Math.max(b.loM, estimateM)),
    originPoint: [b.nearLng, b.nearLat],
    targetPoint: p,
  };
}

/** Findings of one school–store pair (one per store category that some rule does not clear);
 *  `mask` holds the store's category bits, `j` its row in `stores`. */
export function auditPair(
  ctx: StoreAuditContext,
  schoolIdx: number,
  stores: StoreColumns,
  j: number,
  mask: number,
  reach: SchoolReach,
  out: Finding[],
): void {
  const lng = stores.lng[j]!;
  const lat = stores.lat[j]!;
  const uncertaintyM = stores.uncertaintyM[j]! + ctx.campusUncertaintyM;
  const subtypeBit = subtypeBitOf(stores.subtype[j]!);
  const origins = ctx.schools.origins;
  const rules = rulesFor(reach.set, mask);
  // 1. can any rule catch this pair? (a lower bound beyond every limit + u rejects it)
  let reachable = false;
  for (const c of rules) {
    if (!applies(c, mask, subtypeBit)) continue;
    if (
      lowerBoundToBoxM(
        lng,
        lat,
        origins.boxes,
        OriginTable.boxAt(schoolIdx, c.slot),
        reach.scale,
      ) <=
      c.limitM + uncertaintyM
    ) {
      reachable = true;
      break;
    }
  }
  if (!reachable) return;
  // 2. decide every rule from the plane bounds where the whole interval gives one status
  for (let slot = 0; slot < ORIGIN_SLOT_COUNT; slot++) boundState[slot] = NO_BOUND;
  let finding = false;
  let undecided = false;
  for (const c of rules) {
    if (!applies(c, mask, subtypeBit)) continue;
    if (c.walking) {
      undecided = true; // decided by the walk (below)
      continue;
    }
    const slot = c.slot;
    if (boundState[slot] === NO_BOUND)
      boundState[slot] = boundDistance(
        origins.shapes,
        origins.shapeOf(schoolIdx, slot),
        lng,
        lat,
        bounds[slot]!,
      ).decided
        ? BOUND
        : EXACT;
    if (boundState[slot] === EXACT) {
      undecided = true;
      continue;
    }
    const { loM, hiM } = bounds[slot]!;
    const { inclusive, effect } = c;
    const status = statusOf(loM, c.limitM, inclusive, effect, uncertaintyM);
    // statusOf is monotone in the distance (violation → borderline → clear, monitor → clear),
    // so equal ends mean one status on the whole interval, hence for the exact distance
    if (status !== statusOf(hiM, c.limitM, inclusive, effect, uncertaintyM)) {
      boundState[slot] = EXACT;
      undecided = true;
    } else if (status !== 'clear') finding = true;
  }
  if (!finding && !undecided) return;
  // 3. distances per origin (plane or exact), every applicable rule per category, strictest first
  const p: Position = [lng, lat];
  for (let slot = 0; slot < ORIGIN_SLOT_COUNT; slot++) measured[slot] = null;
  if (walked.size > 0) walked.clear();
  pending.length = pendingCategory.length = 0;
  for (const c of rules) {
    if (!applies(c, mask, subtypeBit)) continue;
    const straight = (measured[c.slot] ??= straightDistance(origins, schoolIdx, c.slot, p));
    const m = c.walking ? walking(ctx, schoolIdx, c, straight, p) : straight;
    if (!m) continue; // not connected by walkable roads: no walking distance exists
    const evaluation = evaluate(c.facts, c.limitM, c.inclusive, m, uncertaintyM);
    pending.push(evaluation);
    pendingCategory.push(c.rule.category);
  }
  // one finding per category, its rules in profile order (findingFrom puts the strictest first)
  const schoolId = ctx.schools.schools[schoolIdx]!.id;
  for (let k = 0; k < pending.length; k++) {
    const category = pendingCategory[k]!;
    if (category === '') continue; // already taken into an earlier category's list
    // an array of exactly the right length: push would reserve 17 slots, kept by the finding
    let n = 0;
    for (let m = k; m < pending.length; m++) if (pendingCategory[m] === category) n++;
    const evaluations = new Array<RuleEvaluation>(n);
    for (let m = k, e = 0; m < pending.length; m++)
      if (pendingCategory[m] === category) {
        evaluations[e++] = pending[m]!;
        pendingCategory[m] = '';
      }
    const f = findingFrom(schoolId, 'store', stores.ids[j]!, category, uncertaintyM, evaluations);
    if (f) out.push(f);
  }
}
