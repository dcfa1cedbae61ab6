import type { AtlasStore } from '@atlas/store';
import type { LayerFeature, LayerName } from '@atlas/model';
import { createSearchIndex } from '@atlas/search';
import type { SearchIndex } from '@atlas/search';

// One search index per open store, built on the first search and dropped whenever a write
// touches schools, stores or admin areas (the next search builds it again).

const INDEXED_LAYERS: readonly LayerName[] = ['schools', 'stores', 'admin_areas'];
const cache = new WeakMap<AtlasStore, Promise<SearchIndex>>();
const watched = new WeakSet<AtlasStore>();

async function readLayer<L extends LayerName>(store: AtlasStore, layer: L) {
  const out: LayerFeature<L>[] = [];
  for await (const batch of store.scan(layer)) out.push(...batch);
  return out;
}

async function build(store: AtlasStore): Promise<SearchIndex> {
  const [schools, stores, adminAreas] = await Promise.all([
    readLayer(store, 'schools'),
    readLayer(store, 'stores'),
    readLayer(store, 'admin_areas'),
  ]);
  return createSearchIndex({ schools, stores, adminAreas });
}

export function searchIndexOf(store: AtlasStore): Promise<SearchIndex> {
  if (!watched.has(store)) {
    watched.add(store);
    store.onChange(({ changes }) => {
      if (changes.some((c) => INDEXED_LAYERS.includes(c.layer))) cache.delete(store);
    });
  }
  let index = cache.get(store);
  if (!index) {
    index = build(store);
    // A failed build is not kept: the next search tries again.
    index.catch(() => cache.delete(store));
    cache.set(store, index);
  }
  return index;
}
