import type { AtlasStore } from '@atlas/store';
import type { LayerFeature, LayerName } from '@atlas/model';
import { createSearch } from '@atlas/search';
import type { Search } from '@atlas/search';

// One search per open store: schools and admin areas held in memory, built on the first
// search and dropped whenever a write touches either (the next search builds it again, in
// about a second for a province's 30 000 schools). Stores are searched in the database
// (AtlasStore.searchStores), so a store write costs the search nothing.

const IN_MEMORY_LAYERS: readonly LayerName[] = ['schools', 'admin_areas'];
const cache = new WeakMap<AtlasStore, Promise<Search>>();
const watched = new WeakSet<AtlasStore>();
const builds = new WeakMap<AtlasStore, number>();

async function readLayer<L extends LayerName>(store: AtlasStore, layer: L) {
  const out: LayerFeature<L>[] = [];
  for await (const batch of store.scan(layer)) out.push(...batch);
  return out;
}

async function build(store: AtlasStore): Promise<Search> {
  builds.set(store, (builds.get(store) ?? 0) + 1);
  const [schools, adminAreas] = await Promise.all([
    readLayer(store, 'schools'),
    readLayer(store, 'admin_areas'),
  ]);
  return createSearch({ schools, adminAreas }, store);
}

/** How many times the in-memory part was built for this store (tests and benchmarks). */
export function searchBuildCount(store: AtlasStore): number {
  return builds.get(store) ?? 0;
}

export function searchOf(store: AtlasStore): Promise<Search> {
  if (!watched.has(store)) {
    watched.add(store);
    store.onChange(({ changes }) => {
      if (changes.some((c) => IN_MEMORY_LAYERS.includes(c.layer))) cache.delete(store);
    });
  }
  let search = cache.get(store);
  if (!search) {
    search = build(store);
    // A failed build is not kept: the next search tries again.
    search.catch(() => cache.delete(store));
    cache.set(store, search);
  }
  return search;
}
