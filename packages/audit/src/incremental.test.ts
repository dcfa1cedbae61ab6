import { describe, expect, it } from 'vitest';
import type { Position } from '@atlas/model';
import { runAudit } from './audit.ts';
import type { Finding } from './finding.ts';
import { createAuditSession } from './incremental.ts';
import type { AuditInput, AuditSchool, AuditStore } from './input.ts';
import {
  at,
  outsideNE,
  pipeline,
  school,
  shippedProfile,
  squareCampus,
  store,
} from './test-fixtures.ts';

const hubei = shippedProfile();
const C: Position = [114.3, 30.6];
const ring = squareCampus(C, 50);
const ids = (fs: Finding[]) => fs.map((f) => f.id).sort();
const sorted = (fs: Finding[]) => [...fs].sort((a, b) => (a.id < b.id ? -1 : 1));

function input(): AuditInput {
  return {
    schools: [school('s1', C), school('s2', at(C, 90, 600))],
    stores: [
      store('t1', outsideNE(ring, 30), ['tobacco']),
      store('w1', outsideNE(ring, 150), ['internet_cafe']),
      store('x1', at(C, 0, 2000), ['adult']),
    ],
    pipelines: [pipeline('p1', [at(C, 0, 400), at(C, 180, 400)])],
  };
}

describe('createAuditSession', () => {
  it('starts with the full audit', () => {
    const session = createAuditSession(input(), hubei);
    expect(sorted(session.result().findings)).toEqual(sorted(runAudit(input(), hubei).findings));
  });

  it('returns what a moved store changed: resolved, appeared, changed', () => {
    const session = createAuditSession(input(), hubei);
    const away = session.auditAffected({
      layer: 'stores',
      op: 'upsert',
      feature: store('t1', at(C, 0, 900), ['tobacco']),
    });
    expect(ids(away.removed)).toEqual(['s1/store/t1/tobacco']);
    expect(away.added).toEqual([]);
    const near = session.auditAffected({
      layer: 'stores',
      op: 'upsert',
      feature: store('x1', outsideNE(ring, 20), ['adult']),
    });
    expect(ids(near.added)).toEqual(['s1/store/x1/adult']);
    const closer = session.auditAffected({
      layer: 'stores',
      op: 'upsert',
      feature: store('w1', outsideNE(ring, 100), ['internet_cafe']),
    });
    expect(
      closer.changed.map((c) => [c.before.distanceM.toFixed(3), c.after.distanceM.toFixed(3)]),
    ).toEqual([['150.000', '100.000']]);
  });

  it('reports a school losing its outline as un-auditable and drops its findings', () => {
    const session = createAuditSession(input(), hubei);
    const delta = session.auditAffected({
      layer: 'schools',
      op: 'upsert',
      feature: school('s1', C, { campus: null }),
    });
    expect(ids(delta.removed)).toEqual([
      's1/pipeline/p1/gas',
      's1/store/t1/tobacco',
      's1/store/w1/internet_cafe',
    ]);
    expect(delta.unauditableAdded.map((u) => [u.schoolId, u.origin])).toEqual([
      ['s1', 'campus_outline'],
    ]);
  });

  it('after any sequence of changes agrees with a full audit of the final data', () => {
    const data = input();
    const schools = new Map<string, AuditSchool>(data.schools.map((s) => [s.id, s]));
    const stores = new Map<string, AuditStore>(data.stores.map((s) => [s.id, s]));
    const session = createAuditSession(data, hubei);
    const changes = [
      {
        layer: 'stores',
        op: 'upsert',
        feature: store('n1', outsideNE(ring, 10), ['lottery', 'liquor'], 5),
      },
      { layer: 'stores', op: 'remove', id: 'w1' },
      {
        layer: 'schools',
        op: 'upsert',
        feature: school('s3', at(C, 45, 250), { type: 'kindergarten' }),
      },
      {
        layer: 'stores',
        op: 'upsert',
        feature: store('t1', at(C, 45, 330), ['adult', 'tobacco'], 10),
      },
      { layer: 'schools', op: 'upsert', feature: school('s2', at(C, 90, 120), { halfM: 30 }) },
      { layer: 'schools', op: 'remove', id: 's1' },
      { layer: 'stores', op: 'upsert', feature: store('n2', at(C, 90, 200), ['entertainment'], 0) },
    ] as const;
    for (const change of changes) {
      session.auditAffected(change);
      if (change.layer === 'stores')
        if (change.op === 'upsert') stores.set(change.feature.id, change.feature);
        else stores.delete(change.id);
      else if (change.op === 'upsert') schools.set(change.feature.id, change.feature);
      else schools.delete(change.id);
    }
    const full = runAudit(
      { ...data, schools: [...schools.values()], stores: [...stores.values()] },
      hubei,
    );
    expect(full.findings.length).toBeGreaterThanOrEqual(4);
    expect(sorted(session.result().findings)).toEqual(sorted(full.findings));
    expect(session.result().unauditable).toEqual(full.unauditable);
  });
});
