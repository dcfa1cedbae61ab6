import { pinyinKeys } from '@atlas/search';
import type { AtlasStore } from '@atlas/store';

// The fixed list of realistic queries, taken from fixed records of the seeded province
// (so each run asks the same): whole and partial school names, pinyin initials, store
// names, addresses, admin area names, two-word queries and queries that find nothing.

export type BenchQuery = { kind: string; q: string };

const SCHOOL_IDS = ['sch-000001', 'sch-000002', 'sch-012345'] as const;
const STORE_IDS = ['sto-0000003', 'sto-0500000', 'sto-0999999'] as const;
/** Initials typed so far: a prefix of the whole initials. */
const INITIALS_PREFIX_CHARS = 4;
/** Characters of an address kept for a partial address query. */
const ADDRESS_PREFIX_CHARS = 6;

async function need<L extends 'schools' | 'stores'>(store: AtlasStore, layer: L, id: string) {
  const f = await store.get(layer, id);
  if (!f)
    throw new Error(`the province database has no ${layer} ${id}: rebuild it (npm run province)`);
  return f;
}

export async function benchQueries(store: AtlasStore): Promise<BenchQuery[]> {
  const out: BenchQuery[] = [];
  for (const id of SCHOOL_IDS) {
    const { name } = (await need(store, 'schools', id)).properties;
    const initials = pinyinKeys(name).initials;
    out.push({ kind: 'school name', q: name });
    out.push({ kind: 'school partial', q: name.slice(2) });
    out.push({ kind: 'pinyin initials', q: initials });
    out.push({ kind: 'pinyin prefix', q: initials.slice(0, INITIALS_PREFIX_CHARS) });
  }
  for (const id of STORE_IDS) {
    const { name, address } = (await need(store, 'stores', id)).properties;
    out.push({ kind: 'store name', q: name });
    out.push({ kind: 'store partial', q: name.slice(2) });
    out.push({ kind: 'address', q: address });
    out.push({ kind: 'address partial', q: address.slice(0, ADDRESS_PREFIX_CHARS) });
  }
  const areas = await store.query('admin_areas', { limit: 1300 });
  for (const level of ['county', 'township', 'village'] as const) {
    const area = areas.features.find((a) => a.properties.level === level);
    if (area) out.push({ kind: `${level} name`, q: area.properties.name });
  }
  const school = (await need(store, 'schools', SCHOOL_IDS[0])).properties.name;
  out.push({ kind: 'two words', q: `${school.slice(0, 3)} 幼儿园` });
  out.push({ kind: 'two words', q: '滨江大道 烟酒' });
  out.push({ kind: 'no hit', q: '不存在的名字' });
  out.push({ kind: 'no hit', q: 'qzxv' });
  return out;
}
