import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, json } from './audits-test-app.ts';

type Ctx = Awaited<ReturnType<typeof demoApp>>;
let ctx: Ctx;
beforeAll(async () => {
  ctx = await demoApp();
});
afterAll(() => ctx.close());

interface Zones {
  type: string;
  profileId: string;
  features: { geometry: { type: string }; properties: { distanceM: number; origin: string } }[];
  missing: unknown[];
}

describe('GET /api/schools/:id/zones', () => {
  it('exports the school’s perimeter zones as GeoJSON rings per rule distance', async () => {
    const res = await ctx.app.request('/api/schools/sch-023/zones?profile=hubei');
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    expect(res.headers.get('content-disposition')).toContain('zones-sch-023.geojson');
    const body = await json<Zones>(res, 200);
    expect(body).toMatchObject({ type: 'FeatureCollection', profileId: 'hubei', missing: [] });
    expect(body.features.map((f) => [f.properties.origin, f.properties.distanceM])).toEqual([
      ['campus_outline', 50],
      ['campus_outline', 200],
    ]);
    expect(body.features.every((f) => f.geometry.type === 'Polygon')).toBe(true);
  });

  it('answers 404 for an unknown school and 400 for an unknown profile', async () => {
    await json(await ctx.app.request('/api/schools/nope/zones'), 404);
    await json(await ctx.app.request('/api/schools/sch-023/zones?profile=mars'), 400);
  });
});
