import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, tempStore } from './testing.ts';

let t: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(() => t.close());

const count = async (layer: 'stores' | 'schools' | 'hazards' | 'water') =>
  (await t.store.stats()).find((s) => s.layer === layer)!.count;

const STORES =
  '名称,类型,许可证号,经度,纬度\n星空网咖,网吧,WB001,114.3201,30.3502\n老王烟酒店,零售,YC002,114.3212,30.3511\n欢乐KTV,娱乐,,114.3223,30.3522\n';

describe('runImport: preview and commit', () => {
  it('previews without writing anything', async () => {
    const r = await t.run(fixture('stores-wgs84.csv'), { layer: 'stores' }, 'preview');
    expect(r.counts).toMatchObject({ rows: 4, valid: 4, added: 4, errors: 0 });
    expect(r.committed).toBe(false);
    expect(await count('stores')).toBe(0);
  });

  it('commits, and re-importing the same file adds nothing and changes nothing', async () => {
    const first = await t.run(fixture('stores-wgs84.csv'), { layer: 'stores' });
    expect(first).toMatchObject({
      committed: true,
      counts: { added: 4, updated: 0, unchanged: 0 },
    });
    const again = await t.run(fixture('stores-wgs84.csv'), { layer: 'stores' });
    expect(again.counts).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
    expect(await count('stores')).toBe(4);
  });

  it('updates by key and by name + place, and counts shops gone from the source', async () => {
    await t.run(t.file('v1.csv', STORES), { layer: 'stores', source: '市场监管局 登记' });
    const v2 = STORES.replace('老王烟酒店,零售', '老王烟酒商行,零售') // same licence YC002: an update
      .replace('114.3223,30.3522', '114.32231,30.35221') // the KTV moved ~1.5 m: the same shop
      .replace(/星空网咖.*\n/, ''); // gone from the register
    const r = await t.run(t.file('v2.csv', v2), { layer: 'stores', source: '市场监管局 登记' });
    expect(r.counts).toMatchObject({ added: 0, updated: 2, unchanged: 0, removedFromSource: 1 });
    expect(r.removedIds).toEqual(['sto-WB001']);
    expect(await count('stores')).toBe(3);
    expect((await t.store.get('stores', 'sto-YC002'))!.properties.name).toBe('老王烟酒商行');
  });

  it('writes nothing at all when any row of the file is bad, naming row, field and reason', async () => {
    const bad = STORES + '坏店,网吧,,abc,30.35\n';
    const r = await t.run(t.file('bad.csv', bad), { layer: 'stores' });
    expect(r.committed).toBe(false);
    expect(r.problems).toContainEqual({
      row: 5,
      field: '经度',
      reason: 'not a number: "abc"',
      severity: 'error',
    });
    expect(await count('stores')).toBe(0);
  });

  it('flags a point outside China after conversion and refuses it', async () => {
    const r = await t.run(t.file('far.csv', '名称,经度,纬度\n远方,10.5,50.1\n'), {
      layer: 'stores',
    });
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        row: 2,
        field: 'geometry',
        reason: expect.stringMatching(/outside China/),
      }),
    );
  });

  it('flags a point outside the district bounds as a warning', async () => {
    await t.store.upsert('admin_areas', [
      {
        type: 'Feature',
        id: 'adm-420115',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [114.2, 30.2],
              [114.5, 30.2],
              [114.5, 30.5],
              [114.2, 30.5],
              [114.2, 30.2],
            ],
          ],
        },
        properties: {
          code: '420115',
          name: '江夏区',
          level: 'county',
          parentCode: null,
          provenance: {
            source: 't',
            importedAt: '2026-11-23T08:00:00+08:00',
            originalCrs: 'EPSG:4326',
          },
        },
      },
    ]);
    const r = await t.run(
      t.file('out.csv', '名称,经度,纬度\n城外店,113.5,30.3\n城内店,114.3,30.3\n'),
      { layer: 'stores' },
    );
    expect(r.committed).toBe(true);
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        row: 2,
        severity: 'warning',
        reason: expect.stringMatching(/outside the district/),
      }),
    );
  });

  it('offers swapped lng/lat instead of loading them, and loads them once confirmed', async () => {
    const path = t.file('swapped.csv', '名称,经度,纬度\n甲店,30.35,114.32\n乙店,30.36,114.33\n');
    const r = await t.run(path, { layer: 'stores' });
    expect(r.swap).toMatchObject({ offered: true });
    expect(r.problems).toContainEqual(expect.objectContaining({ row: null, field: 'swapXY' }));
    expect(r.committed).toBe(false);
    const ok = await t.run(path, { layer: 'stores', swapXY: true });
    expect(ok.committed).toBe(true);
    expect(
      (ok.rows[0]!.feature as { geometry: { coordinates: number[] } }).geometry.coordinates,
    ).toEqual([114.32, 30.35]);
  });

  it('names missing required columns and lets an explicit mapping fix them', async () => {
    const path = t.file('odd.csv', '商号,东经,北纬\n甲店,114.32,30.35\n');
    const r = await t.run(path, { layer: 'stores' });
    expect(r.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['name', 'x/y']));
    const ok = await t.run(path, {
      layer: 'stores',
      mapping: { name: '商号', x: '东经', y: '北纬' },
    });
    expect(ok.committed).toBe(true);
  });

  it('reports the category mapping for the preview', async () => {
    const r = await t.run(fixture('stores-wgs84.csv'), { layer: 'stores' }, 'preview');
    expect(r.categories).toContainEqual(
      expect.objectContaining({ text: '零售', categories: ['tobacco', 'liquor'] }),
    );
    expect(r.categories).toContainEqual(
      expect.objectContaining({ text: '娱乐', categories: ['entertainment'], subtype: 'ktv' }),
    );
  });
});

describe('registers as bureaus keep them', () => {
  it('imports a school register from XLSX keyed by 学校标识码, skipping its title row', async () => {
    const r = await t.run(fixture('schools-register.xlsx'), { layer: 'schools' }, 'preview');
    expect(r.file.format).toBe('xlsx');
    expect(r.problems).toContainEqual({
      row: 5,
      field: '在校生数',
      reason: 'not a number: "三百"',
      severity: 'error',
    });
    expect(r.rows.map((x) => (x.feature as { id: string } | null)?.id ?? null)).toEqual([
      'sch-4201150001',
      'sch-4201150002',
      null,
    ]);
    const types = r.rows
      .slice(0, 2)
      .map((x) => (x.feature as { properties: { type: string } }).properties.type);
    expect(types).toEqual(['primary', 'junior']);
  });

  it('keeps a stored campus and gates when a school register updates the school', async () => {
    const path = t.file(
      's.csv',
      '学校标识码,学校名称,办学类型,所在地区划代码,在校生数,经度,纬度\n4201150001,纸坊一小,小学,420115001001,1200,114.33,30.36\n',
    );
    await t.run(path, { layer: 'schools' });
    const school = (await t.store.get('schools', 'sch-4201150001'))!;
    const ring: [number, number][] = [
      [114.329, 30.359],
      [114.331, 30.359],
      [114.331, 30.361],
      [114.329, 30.361],
      [114.329, 30.359],
    ];
    const campus = { type: 'Polygon' as const, coordinates: [ring] };
    await t.store.upsert('schools', [{ ...school, properties: { ...school.properties, campus } }]);
    const r = await t.run(
      t.file(
        's2.csv',
        (await import('node:fs')).readFileSync(path, 'utf8').replace('1200', '1250'),
      ),
      { layer: 'schools' },
    );
    expect(r.counts).toMatchObject({ updated: 1 });
    const after = (await t.store.get('schools', 'sch-4201150001'))!;
    expect(after.properties.students).toBe(1250);
    expect(after.properties.campus).toEqual(campus);
  });

  it('imports a 地质灾害隐患点 register, naming hazards from village, place and type', async () => {
    const r = await t.run(fixture('hazards-register.csv'), { layer: 'hazards' });
    expect(r.committed).toBe(true);
    const h = (await t.store.get('hazards', 'haz-420115010001'))!;
    expect(h.properties).toMatchObject({
      name: '石门村张家湾后山滑坡',
      type: 'landslide',
      scale: 'small',
      threatenedPeople: 12,
      monitor: { name: '张三' },
      status: 'active',
    });
  });

  it('refuses a duplicate key within one register', async () => {
    const text =
      '统一编号,灾害类型,规模,经度,纬度\nH1,滑坡,小型,114.3,30.3\nH1,崩塌,小型,114.4,30.4\n';
    const r = await t.run(t.file('dup.csv', text), { layer: 'hazards' });
    expect(r.committed).toBe(false);
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        row: 3,
        field: '统一编号',
        reason: 'duplicate 统一编号 "H1" (also row 2)',
      }),
    );
  });

  it('lists a repeated key in row order among the other problems', async () => {
    const text =
      '统一编号,灾害类型,规模,经度,纬度\nH1,滑坡,小型,114.3,30.3\nH1,崩塌,小型,114.4,30.4\nH2,滑坡,小型,abc,30.4\n';
    const r = await t.run(t.file('dup.csv', text), { layer: 'hazards' });
    const rows = r.problems.filter((p) => p.severity === 'error').map((p) => p.row);
    expect(rows).toEqual([3, 4]); // the repeat at row 3 is found after row 4 is read
  });

  it('imports a water register from KML, repairing a bow-tie polygon and saying so', async () => {
    const r = await t.run(fixture('water.kml'), { layer: 'water' });
    expect(r.committed).toBe(true);
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        row: 2,
        field: 'geometry',
        severity: 'warning',
        reason: expect.stringMatching(/repaired/),
      }),
    );
    const features = (await t.store.query('water', { limit: 10 })).features;
    const reservoir = features.find((f) => f.properties.name === '石门水库')!;
    expect(reservoir.properties).toMatchObject({
      kind: 'reservoir',
      responsibleUnit: '石门村',
      responsiblePerson: { name: '赵六' },
    });
    expect(reservoir.properties.safety).toEqual({
      warningSign: true,
      lifebuoy: true,
      lifeRope: true,
      lifePole: false,
      guardrail: false,
    });
  });

  it('reads KMZ like KML', async () => {
    const r = await t.run(fixture('water.kmz'), { layer: 'water' }, 'preview');
    expect(r.counts).toMatchObject({ rows: 2, valid: 2 });
  });

  it('reads a GPX track and names the route fields it lacks', async () => {
    const r = await t.run(fixture('route.gpx'), { layer: 'routes' }, 'preview');
    expect(r.file.format).toBe('gpx');
    expect(r.problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['schoolCodes', 'approvedOn', 'speedLimitKmh']),
    );
  });

  it('refuses a point table for a line or polygon layer', async () => {
    const r = await t.run(t.file('w.csv', '名称,类型,经度,纬度\n石门水库,水库,114.3,30.3\n'), {
      layer: 'water',
    });
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        field: 'geometry',
        reason: expect.stringMatching(/lines or polygons/),
      }),
    );
  });
});

describe('GeoJSON in and out', () => {
  it('keeps the ids and properties of features in the atlas’s own shape', async () => {
    await t.run(fixture('stores-wgs84.csv'), { layer: 'stores' });
    const features = (await t.store.query('stores', { limit: 10 })).features;
    const path = t.file('export.geojson', JSON.stringify({ type: 'FeatureCollection', features }));
    const r = await t.run(path, { layer: 'stores', source: 'stores-wgs84.csv' });
    expect(r.counts).toMatchObject({ rows: 4, unchanged: 4, added: 0 });
  });

  it('reads GeoJSONSeq line by line, naming a bad line', async () => {
    const good = JSON.stringify({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [114.3, 30.3] },
      properties: { 名称: '甲店' },
    });
    const r = await t.run(
      t.file('s.geojsonl', `${good}\n{not json\n${good.replace('甲', '乙')}\n`),
      { layer: 'stores' },
      'preview',
    );
    expect(r.counts.rows).toBe(3);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ row: 2, reason: expect.stringMatching(/not valid JSON/) }),
    );
  });
});
