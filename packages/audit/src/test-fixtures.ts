import { fileURLToPath } from 'node:url';
import { geodesicDestination } from '@atlas/geo';
import type { Metres, Degrees } from '@atlas/geo';
import type { Position } from '@atlas/model';
import { profileChain, readProfileDir, resolveProfiles } from '@atlas/rules';
import type { ResolvedProfile, RuleProfile } from '@atlas/rules';
import type { AuditHazard, AuditPipeline, AuditSchool, AuditStore, AuditWater } from './input.ts';

// Hand-built features for the audit's tests. Distances are constructed with geodesics, so a
// store placed "D metres from the campus" is exactly D metres away on the ellipsoid.

export const at = (from: Position, azimuthDeg: number, distanceM: number): Position =>
  geodesicDestination(from, azimuthDeg as Degrees, distanceM as Metres);

/** A square campus around `center`, corners `halfM`·√2 from it (NE corner first). */
export function squareCampus(center: Position, halfM: number): Position[] {
  const r = halfM * Math.SQRT2;
  const ne = at(center, 45, r);
  return [ne, at(center, 135, r), at(center, 225, r), at(center, 315, r), ne];
}

/** The point `distanceM` diagonally out from the NE corner: its nearest campus point is that corner. */
export function outsideNE(campus: Position[], distanceM: number): Position {
  return at(campus[0]!, 45, distanceM);
}

let n = 0;
const code = () => String(4200000000 + ++n);

export function school(
  id: string,
  center: Position,
  opts: Partial<AuditSchool['properties']> & { halfM?: number } = {},
): AuditSchool {
  const { halfM = 50, ...props } = opts;
  return {
    id,
    geometry: { type: 'Point', coordinates: center },
    properties: {
      code: code(),
      name: `学校 ${id}`,
      type: 'primary',
      address: '',
      students: 500,
      boarding: false,
      campus: { type: 'Polygon', coordinates: [squareCampus(center, halfM)] },
      gates: [],
      adminCode: '420000000000',
      ...props,
    },
  };
}

export function store(
  id: string,
  position: Position,
  categories: AuditStore['properties']['categories'],
  uncertaintyM = 0,
  props: Partial<AuditStore['properties']> = {},
): AuditStore {
  return {
    id,
    geometry: { type: 'Point', coordinates: position },
    properties: {
      name: `门店 ${id}`,
      categories,
      entertainmentSubtype: null,
      licenceNo: null,
      licenceExpiry: null,
      address: '',
      uncertaintyM,
      adminCode: null,
      ...props,
    },
  };
}

export function hazard(
  id: string,
  position: Position,
  props: Partial<AuditHazard['properties']>,
): AuditHazard {
  return {
    id,
    geometry: { type: 'Point', coordinates: position },
    properties: {
      code: id,
      name: `隐患点 ${id}`,
      type: 'landslide',
      scale: 'small',
      threatZone: null,
      assumedThreatRadiusM: null,
      threatenedPeople: 10,
      threatenedObjects: '',
      monitor: null,
      status: 'active',
      adminCode: null,
      ...props,
    },
  };
}

export function water(
  id: string,
  geometry: AuditWater['geometry'],
  kind: AuditWater['properties']['kind'] = 'pond',
): AuditWater {
  const no = false;
  return {
    id,
    geometry,
    properties: {
      name: `水域 ${id}`,
      kind,
      safety: { warningSign: no, lifebuoy: no, lifeRope: no, lifePole: no, guardrail: no },
      responsibleUnit: '',
      responsiblePerson: null,
      adminCode: null,
    },
  };
}

export function pipeline(
  id: string,
  line: Position[],
  kind: AuditPipeline['properties']['kind'] = 'gas',
): AuditPipeline {
  return {
    id,
    geometry: { type: 'LineString', coordinates: line },
    properties: { name: `管线 ${id}`, kind, voltageKv: null, operator: '' },
  };
}

const RULES_DIR = fileURLToPath(new URL('../../../data/rules', import.meta.url));

/** The shipped profiles (data/rules), optionally with extra narrower profiles stacked on. */
export function shippedProfile(leaf = 'hubei', extra: RuleProfile[] = []): ResolvedProfile {
  const { profiles } = readProfileDir(RULES_DIR, { hasRoads: false });
  const chain = profileChain(leaf, [...profiles, ...extra]);
  if (!chain.ok) throw new Error(JSON.stringify(chain.problems));
  const resolved = resolveProfiles(chain.chain);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  return resolved.profile;
}

export const TEST_SOURCE = {
  title: '测试部署设置',
  article: null,
  issuingBody: '测试',
  date: '2026-01-01',
  note: 'test fixture, not law',
};
