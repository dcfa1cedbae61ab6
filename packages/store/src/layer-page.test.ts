import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bbox, LayerFeature, Polygon } from '@atlas/model';
import { InvalidCursorError } from './errors.ts';
import type { LayerField } from './layer-fields.ts';
import type { LayerSort } from './layer-order.ts';
import { openStore } from './open.ts';
import { pond, school } from './sample-features.ts';
import type { AtlasStore } from './store.ts';
import { seededRandom } from './test-helpers.ts';

// Pages in name order and pages reduced to some fields, over a few hundred schools whose
// names repeat (ties), mix Han, digits and Latin, and are written in shuffled id order.

const RANDOM_SEED = 20261123;
const SCHOOLS_N = 240;
const PAGE_LIMIT = 17;
const AREA: Bbox = [111.2, 30.7, 111.4, 30.9];
const CAMPUS_HALF_SPAN_DEG = 0.001;
/** Prefixes in scrambled pinyin order; a few repeat whole names, so ids break ties. */
const TOWNS = ['云溪', '安乐', '北山', '白沙', '曾家', '东湖', '黄石', '茅坪', '桥头', '新村'];
const KINDS = ['小学', '中学', '幼儿园'];
const ODD_NAMES = ['123 学校', 'Hope 学校', '爱心学校', '阿里学校'];

const random = seededRandom(RANDOM_SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const pad = (i: number) => String(i).padStart(4, '0');

function nameOf(i: number): string {
  if (i < ODD_NAMES.length) return ODD_NAMES[i]!;
  // Numbers 1..9 only: few enough that whole names repeat.
  return `${pick(TOWNS)}第${1 + Math.floor(random() * 9)}${pick(KINDS)}`;
}

function square([lng, lat]: [number, number], half: number): Polygon {
  const ring: [number, number][] = [
    [lng - half, lat - half],
    [lng + half, lat - half],
    [lng + half, lat + half],
    [lng - half, lat + half],
    [lng - half, lat - half],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

const schools: LayerFeature<'schools'>[] = Array.from({ length: SCHOOLS_N }, (_, i) => {
  const at: [number, number] = [
    AREA[0] + (AREA[2] - AREA[0]) * random(),
    AREA[1] + (AREA[3] - AREA[1]) * random(),
  ];
  return {
    ...school,
    id: `s${pad(i)}`,
    geometry: { type: 'Point', coordinates: at },
    properties: {
      ...school.properties,
      code: `429900${pad(i)}`,
      name: nameOf(i),
      address: `测试路 ${i} 号`,
      campus: i % 2 ? square(at, CAMPUS_HALF_SPAN_DEG) : null,
    },
  };
});

/** The expected name order, computed apart from the store: ICU's zh collation, then id. */
const zh = new Intl.Collator('zh');
const byName = (a: LayerFeature<'schools'>, b: LayerFeature<'schools'>) =>
  zh.compare(a.properties.name, b.properties.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

let db: AtlasStore;
beforeAll(async () => {
  db = await openStore(':memory:');
  // Written in shuffled order, so neither order can come from insertion order.
  await db.upsert(
    'schools',
    [...schools].sort(() => random() - 0.5),
  );
});
afterAll(() => db.close());

async function pagedIds(
  sort: LayerSort,
  options: { bbox?: Bbox; fields?: readonly LayerField<'schools'>[] } = {},
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const q = { limit: PAGE_LIMIT, cursor, sort, bbox: options.bbox };
    const page: { features: { id: string }[]; nextCursor: string | null } = options.fields
      ? await db.queryFields('schools', options.fields, q)
      : await db.query('schools', q);
    expect(page.features.length).toBeLessThanOrEqual(PAGE_LIMIT);
    ids.push(...page.features.map((f) => f.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

describe('name order', () => {
  it('pages every school exactly once in pinyin order of its name, ties by id', async () => {
    const expected = [...schools].sort(byName).map((f) => f.id);
    const ids = await pagedIds('name');
    expect(ids).toEqual(expected);
    const names = ids.map((id) => schools.find((s) => s.id === id)!.properties.name);
    // Digits first, then Han by pinyin (阿 ā, 爱 ài, 安 ān, 白 bái, 北 běi …), Latin last.
    expect(names[0]).toBe('123 学校');
    expect(names.slice(1, 3)).toEqual(['阿里学校', '爱心学校']);
    expect(names.at(-1)).toBe('Hope 学校');
    expect(names.findIndex((n) => n.startsWith('白沙'))).toBeLessThan(
      names.findIndex((n) => n.startsWith('北山')),
    );
  });

  it('is not code point order, and ties of equal names really occur', () => {
    const byCodePoint = [...schools].sort((a, b) =>
      a.properties.name < b.properties.name ? -1 : a.properties.name > b.properties.name ? 1 : 0,
    );
    expect(byCodePoint.map((f) => f.id)).not.toEqual([...schools].sort(byName).map((f) => f.id));
    const names = schools.map((s) => s.properties.name);
    expect(new Set(names).size).toBeLessThan(names.length - PAGE_LIMIT);
  });

  it('keeps the order within a bbox, and pages of fields follow the same order', async () => {
    const bbox: Bbox = [111.25, 30.75, 111.33, 30.86];
    const inside = schools.filter((f) => {
      const [x, y] = f.geometry.coordinates;
      const h = f.properties.campus ? CAMPUS_HALF_SPAN_DEG : 0;
      return x + h >= bbox[0] && x - h <= bbox[2] && y + h >= bbox[1] && y - h <= bbox[3];
    });
    expect(inside.length).toBeGreaterThan(2 * PAGE_LIMIT);
    const expected = inside.sort(byName).map((f) => f.id);
    expect(await pagedIds('name', { bbox })).toEqual(expected);
    expect(await pagedIds('name', { bbox, fields: ['name'] })).toEqual(expected);
  });

  it('continues right after the last row seen when rows before it come and go', async () => {
    const first = await db.query('schools', { limit: PAGE_LIMIT, sort: 'name' });
    const seen = first.features.map((f) => f.id);
    // A new school sorting first, and one already shown deleted: neither shifts the rest.
    const newcomer = { ...schools[5]!, id: 's-new', properties: { ...schools[5]!.properties } };
    newcomer.properties.name = '000 新学校';
    await db.upsert('schools', [newcomer]);
    await db.remove('schools', [seen[3]!]);
    try {
      const rest = await db.query('schools', {
        limit: SCHOOLS_N,
        sort: 'name',
        cursor: first.nextCursor,
      });
      const expected = [...schools].sort(byName).map((f) => f.id);
      expect([...seen, ...rest.features.map((f) => f.id)]).toEqual(expected);
    } finally {
      await db.remove('schools', ['s-new']);
      await db.upsert('schools', [schools.find((s) => s.id === seen[3])!]);
    }
  });

  it('still pages by id when no sort is given', async () => {
    expect(await pagedIds('id')).toEqual(schools.map((f) => f.id));
    const page = await db.query('schools', { limit: 3 });
    expect(page.features.map((f) => f.id)).toEqual(['s0000', 's0001', 's0002']);
  });

  it('refuses a cursor made for the other order, or forged', async () => {
    const byId = await db.query('schools', { limit: 2 });
    const named = await db.query('schools', { limit: 2, sort: 'name' });
    await expect(
      db.query('schools', { limit: 2, sort: 'name', cursor: byId.nextCursor }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(
      db.query('schools', { limit: 2, sort: 'id', cursor: named.nextCursor }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(
      db.query('schools', { limit: 2, sort: 'name', cursor: 'WzIsMV0' }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(db.query('schools', { limit: 2, sort: 'size' as LayerSort })).rejects.toThrow(
      /expected one of id, name/,
    );
  });
});

describe('field selection', () => {
  it('returns only the fields asked for, from the JSON and from columns, and the school point', async () => {
    const fields = ['name', 'address', 'adminCode', 'campus', 'gates', 'provenance'] as const;
    const page = await db.queryFields('schools', fields, { limit: SCHOOLS_N });
    expect(page.nextCursor).toBeNull();
    expect(page.features).toHaveLength(SCHOOLS_N);
    for (const f of page.features) {
      const original = schools.find((s) => s.id === f.id)!;
      const { name, address, adminCode, campus, gates, provenance } = original.properties;
      expect(f).toEqual({
        type: 'Feature',
        id: original.id,
        geometry: original.geometry,
        properties: { name, address, adminCode, campus, gates, provenance },
      });
    }
  });

  it('leaves out every property not asked for', async () => {
    const page = await db.queryFields('schools', ['name'], { limit: 5, sort: 'name' });
    expect(page.features.map((f) => Object.keys(f.properties))).toEqual(Array(5).fill(['name']));
    expect(page.nextCursor).not.toBeNull();
  });

  it('reduces a polygon to the centre of its bounding box', async () => {
    const d = await openStore(':memory:');
    try {
      await d.upsert('water', [pond]);
      const ring = (pond.geometry as Polygon).coordinates[0]!;
      const [lngs, lats] = [ring.map((p) => p[0]), ring.map((p) => p[1])];
      const [w, s, e, n] = [
        Math.min(...lngs),
        Math.min(...lats),
        Math.max(...lngs),
        Math.max(...lats),
      ];
      const page = await d.queryFields('water', ['name', 'safety'], { limit: 1 });
      expect(page.features[0]).toEqual({
        type: 'Feature',
        id: pond.id,
        geometry: { type: 'Point', coordinates: [(w + e) / 2, (s + n) / 2] },
        properties: { name: pond.properties.name, safety: pond.properties.safety },
      });
    } finally {
      await d.close();
    }
  });

  it('rejects an unknown or empty field list, naming the fields it knows', async () => {
    await expect(
      db.queryFields('schools', ['name', 'colour' as 'name'], { limit: 1 }),
    ).rejects.toThrow(/expected some of code, name, .*provenance \(layer schools\)/);
    await expect(db.queryFields('schools', [], { limit: 1 })).rejects.toThrow(/expected some of/);
  });
});
