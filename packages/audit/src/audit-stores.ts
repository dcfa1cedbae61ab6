import type { Position } from '@atlas/model';
import type { AuditStore as Store } from './input.ts';
import { lowerBoundToBoxM, scaleFor } from './bounds.ts';
import type { BoxScale } from './bounds.ts';
import { evaluate, findingFrom } from './classify.ts';
import type { CompiledProfile, CompiledStoreRule } from './compile.ts';
import type { Finding, RuleEvaluation } from './finding.ts';
import type { SchoolIndex, StoreIndex } from './indexes.ts';
import { measure } from './measure.ts';
import type { Measured } from './measure.ts';
import { ORIGIN_SLOT_COUNT } from './origins.ts';
import { walkStart } from './walking/origin-points.ts';
import type { WalkMeasurer } from './walking/walking.ts';

// Stores near each school: candidates → exact distance → classify.
//
//  1. candidates: one KD-tree range query per school, the box grown by the school's reach
//     (largest limit + campus and worst store uncertainty), then a conservative lower bound
//     per rule rejects pairs that no rule can catch — no geodesic computed for them;
//  2. exact distance: geodesic from each origin the pair's rules use, once per origin;
//  3. classify: every rule of the store's category decided, strictest first.

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
  rules: CompiledStoreRule[];
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
  const origins = ctx.schools.origins[schoolIdx]!;
  const all = ctx.profile.storeRulesByType.get(school.properties.type) ?? [];
  const rules = all.filter((c) => origins.geometry[c.slot] !== null);
  if (rules.length === 0) return null;
  let limitM = 0;
  let categoryMask = 0;
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const c of rules) {
    limitM = Math.max(limitM, c.limitM);
    categoryMask |= c.categoryBit;
    const at = c.slot * 4;
    box[0] = Math.min(box[0], origins.boxes[at]!);
    box[1] = Math.min(box[1], origins.boxes[at + 1]!);
    box[2] = Math.max(box[2], origins.boxes[at + 2]!);
    box[3] = Math.max(box[3], origins.boxes[at + 3]!);
  }
  const reachM =
    limitM + ctx.campusUncertaintyM + Math.max(ctx.stores.maxUncertaintyM, extraReachM);
  return { rules, categoryMask, box, scale: scaleFor(box[1], box[3], reachM) };
}

/** Every finding between one school and the indexed stores. */
export function auditSchoolStores(ctx: StoreAuditContext, schoolIdx: number, out: Finding[]): void {
  const reach = schoolReach(ctx, schoolIdx);
  const tree = ctx.stores.tree;
  if (!reach || !tree) return;
  const { box, scale } = reach;
  const items = tree.range(
    box[0] - scale.dLngDeg,
    box[1] - scale.dLatDeg,
    box[2] + scale.dLngDeg,
    box[3] + scale.dLatDeg,
  );
  for (const item of items) {
    const storeIdx = ctx.stores.itemToStore[item]!;
    if ((ctx.stores.masks[storeIdx]! & reach.categoryMask) === 0) continue;
    auditPair(
      ctx,
      schoolIdx,
      ctx.stores.stores[storeIdx]!,
      ctx.stores.masks[storeIdx]!,
      reach,
      out,
    );
  }
}

// Reused between pairs: the hot loop allocates only for pairs that are measured.
const measured: (Measured | null)[] = new Array<Measured | null>(ORIGIN_SLOT_COUNT).fill(null);
const walked = new Map<string, Measured | null>();

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
  const start = walkStart(c.rule.origin, ctx.schools.origins[schoolIdx]!.geometry[c.slot]!, p);
  if (!walked.has(start.key))
    walked.set(start.key, ctx.walk.measure(schoolIdx, start.key, start.points, p));
  return walked.get(start.key)!;
}

/** Findings of one school–store pair (one per store category that some rule does not clear);
 *  `mask` holds the store's category bits. */
export function auditPair(
  ctx: StoreAuditContext,
  schoolIdx: number,
  store: Store,
  mask: number,
  reach: SchoolReach,
  out: Finding[],
): void {
  const p: Position = store.geometry.coordinates;
  const uncertaintyM = store.properties.uncertaintyM + ctx.campusUncertaintyM;
  const origins = ctx.schools.origins[schoolIdx]!;
  const subtype = store.properties.entertainmentSubtype;
  // 1. can any rule catch this pair? (a lower bound beyond every limit + u rejects it)
  let reachable = false;
  for (const c of reach.rules) {
    if ((mask & c.categoryBit) === 0 || (c.subtypes && !(subtype && c.subtypes.has(subtype))))
      continue;
    if (
      lowerBoundToBoxM(p[0], p[1], origins.boxes, c.slot * 4, reach.scale) <=
      c.limitM + uncertaintyM
    ) {
      reachable = true;
      break;
    }
  }
  if (!reachable) return;
  // 2. exact distance per origin, 3. every applicable rule per category, strictest first
  measured.fill(null);
  walked.clear();
  const byCategory = new Map<string, RuleEvaluation[]>();
  for (const c of reach.rules) {
    if ((mask & c.categoryBit) === 0 || (c.subtypes && !(subtype && c.subtypes.has(subtype))))
      continue;

    const straight = (measured[c.slot] ??= measure(origins.geometry[c.slot]!, {
      kind: 'point',
      point: p,
    }));
    const m = c.walking ? walking(ctx, schoolIdx, c, straight, p) : straight;
    if (!m) continue; // not connected by walkable roads: no walking distance exists
    const list = byCategory.get(c.rule.category) ?? [];
    list.push(evaluate(c.rule, c.limitM, c.rule.inclusive, m, uncertaintyM));
    byCategory.set(c.rule.category, list);
  }
  const schoolId = ctx.schools.schools[schoolIdx]!.id;
  for (const [category, evaluations] of byCategory) {
    const finding = findingFrom(schoolId, 'store', store.id, category, uncertaintyM, evaluations);
    if (finding) out.push(finding);
  }
}
