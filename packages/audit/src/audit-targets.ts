import type { ResolvedRule } from '@atlas/rules';
import { boxOfAreal, boxOfPositions } from './bbox.ts';
import type { Boxes } from './bbox.ts';
import { scaleFor } from './bounds.ts';
import { evaluate, findingFrom } from './classify.ts';
import type { AnyCompiled } from './compile.ts';
import type { Finding, RuleEvaluation, TargetKind, UndecidedTarget } from './finding.ts';
import { schoolsInBox } from './indexes.ts';
import { OriginTable } from './origins.ts';
import type { SchoolIndex } from './indexes.ts';
import type { AuditHazard, AuditPipeline, AuditWater } from './input.ts';
import { measure } from './measure.ts';
import type { TargetGeometry } from './measure.ts';

// Hazards, water and pipelines near schools. There are few of them (thousands, not millions),
// so each target asks the school R-tree for campuses within its reach, then measures exactly.
//
//   hazard:   campus touches the threat zone (limit 0), or — only where no zone is delimited —
//             lies within the ASSUMED threat radius + the profile's margin (labelled as such);
//   water:    campus within the rule distance of the water body (drowning risk);
//   pipeline: the line crosses or touches the campus (limit 0).

/** One rule's view of one target: what to measure to, the limit, and any assumption. */
interface Plan {
  geometry: TargetGeometry;
  limitM: number;
  inclusive: boolean;
  assumption: string | null;
}

interface TargetSpec {
  kind: TargetKind;
  id: string;
  category: string;
  /** null when the rule does not apply to this target. */
  plan: (rule: AnyCompiled) => Plan | { undecided: string } | null;
}

const ASSUMED_RADIUS_NOTE = (radiusM: number, marginM: number) =>
  `假定威胁半径 ${radiusM} m + 余量 ${marginM} m（假设，非法定距离 — assumed, not a legal distance）`;

export function hazardSpec(h: AuditHazard): TargetSpec {
  const p = h.properties;
  return {
    kind: 'hazard',
    id: h.id,
    category: p.type,
    plan: (c) => {
      if (c.rule.kind !== 'hazard' || !c.rule.hazardStatuses.includes(p.status)) return null;
      if (p.threatZone)
        return {
          geometry: { kind: 'areal', areal: p.threatZone },
          limitM: 0,
          inclusive: true,
          assumption: null,
        };
      const margin = c.rule.threatRadiusMarginM;
      if (p.assumedThreatRadiusM === null || margin === null)
        return {
          undecided:
            p.assumedThreatRadiusM === null
              ? 'no threat zone (危险区) and no assumed threat radius recorded'
              : 'no threat zone, and the profile sets no margin for assumed radii',
        };
      return {
        geometry: { kind: 'point', point: h.geometry.coordinates },
        limitM: p.assumedThreatRadiusM + margin,
        inclusive: true,
        assumption: ASSUMED_RADIUS_NOTE(p.assumedThreatRadiusM, margin),
      };
    },
  };
}

export function waterSpec(w: AuditWater): TargetSpec {
  const g = w.geometry;
  const geometry: TargetGeometry =
    g.type === 'LineString' ? { kind: 'line', line: g.coordinates } : { kind: 'areal', areal: g };
  return {
    kind: 'water',
    id: w.id,
    category: w.properties.kind,
    plan: (c) => {
      if (c.rule.kind !== 'water') return null;
      if (c.rule.waterKinds && !c.rule.waterKinds.includes(w.properties.kind)) return null;
      return { geometry, limitM: c.limitM, inclusive: c.rule.inclusive, assumption: null };
    },
  };
}

export function pipelineSpec(l: AuditPipeline): TargetSpec {
  return {
    kind: 'pipeline',
    id: l.id,
    category: l.properties.kind,
    plan: (c) => {
      if (c.rule.kind !== 'pipeline' || !c.rule.pipelineKinds.includes(l.properties.kind))
        return null;
      return {
        geometry: { kind: 'line', line: l.geometry.coordinates },
        limitM: 0,
        inclusive: true,
        assumption: null,
      };
    },
  };
}

function boxOfTarget(g: TargetGeometry): Boxes {
  if (g.kind === 'point') return boxOfPositions([g.point]);
  return g.kind === 'line' ? boxOfPositions(g.line) : boxOfAreal(g.areal);
}

/** Findings of one target against every school within reach of its rules. */
export function auditTarget(
  spec: TargetSpec,
  rules: readonly AnyCompiled[],
  schools: SchoolIndex,
  campusUncertaintyM: number,
  out: Finding[],
  undecided: UndecidedTarget[],
  schoolsNear: (box: number[]) => Iterable<number> = (b) =>
    schoolsInBox(schools, b[0]!, b[1]!, b[2]!, b[3]!),
): void {
  const bySchool = new Map<number, RuleEvaluation[]>();
  for (const c of rules) {
    const plan = spec.plan(c);
    if (!plan) continue;
    if ('undecided' in plan) {
      undecided.push({
        targetKind: spec.kind,
        targetId: spec.id,
        ruleId: c.rule.id,
        reason: plan.undecided,
      });
      continue;
    }
    const box = boxOfTarget(plan.geometry);
    const reachM = plan.limitM + campusUncertaintyM;
    const scale = scaleFor(box[1]!, box[3]!, reachM);
    const near = [
      box[0]! - scale.dLngDeg,
      box[1]! - scale.dLatDeg,
      box[2]! + scale.dLngDeg,
      box[3]! + scale.dLatDeg,
    ];
    for (const i of schoolsNear(near)) {
      if (!protects(c.rule, schools.schools[i]!.properties.type)) continue;
      const origin = schools.origins.geometry(i, c.slot);
      if (!origin) continue; // reported as un-auditable once per school
      const at = OriginTable.boxAt(i, c.slot);
      const m = measure(origin, plan.geometry, grownBox(schools.origins.boxes, at, reachM));
      const list = bySchool.get(i) ?? [];
      list.push(
        evaluate(c.rule, plan.limitM, plan.inclusive, m, campusUncertaintyM, plan.assumption),
      );
      bySchool.set(i, list);
    }
  }
  for (const [i, evaluations] of bySchool) {
    const schoolId = schools.schools[i]!.id;
    const f = findingFrom(
      schoolId,
      spec.kind,
      spec.id,
      spec.category,
      campusUncertaintyM,
      evaluations,
    );
    if (f) out.push(f);
  }
}

function protects(rule: ResolvedRule, type: string): boolean {
  return (rule.schoolTypes as string[]).includes(type);
}

/** An origin's box grown by reachM: target vertices outside it cannot be the nearest. */
function grownBox(boxes: Boxes, at: number, reachM: number): number[] {
  const scale = scaleFor(boxes[at + 1]!, boxes[at + 3]!, reachM);
  return [
    boxes[at]! - scale.dLngDeg,
    boxes[at + 1]! - scale.dLatDeg,
    boxes[at + 2]! + scale.dLngDeg,
    boxes[at + 3]! + scale.dLatDeg,
  ];
}
