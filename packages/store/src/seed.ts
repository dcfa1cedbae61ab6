import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LAYER_NAMES, LAYERS, type LayerFeature, type LayerName } from '@atlas/model';
import type { AtlasStore } from './store.ts';

// Load <dir>/<layer>.geojson files: validate every feature first, then write all layers
// in one transaction, so a single bad feature writes nothing.

export interface SeedProblem {
  file: string;
  /** 0-based index into the file's `features` array; null for a file-level problem. */
  featureIndex: number | null;
  field: string | null;
  reason: string;
}

/** How many problems the error message spells out; all of them are on `problems`. */
const PROBLEMS_IN_MESSAGE_MAX = 20;

export class SeedError extends Error {
  constructor(readonly problems: readonly SeedProblem[]) {
    const lines = problems.slice(0, PROBLEMS_IN_MESSAGE_MAX).map((p) => {
      const where = p.featureIndex === null ? '' : ` features[${p.featureIndex}]`;
      return `  ${p.file}${where}${p.field ? ` ${p.field}` : ''}: ${p.reason}`;
    });
    const more = problems.length - lines.length;
    if (more > 0) lines.push(`  … and ${more} more`);
    super(`seed data is invalid, nothing was written:\n${lines.join('\n')}`);
    this.name = 'SeedError';
  }
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text);
}

function validateLayer<L extends LayerName>(
  layer: L,
  file: string,
  data: unknown,
  problems: SeedProblem[],
): LayerFeature<L>[] {
  const collection = data as { type?: unknown; features?: unknown } | null;
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    problems.push({ file, featureIndex: null, field: null, reason: 'not a FeatureCollection' });
    return [];
  }
  const features: LayerFeature<L>[] = [];
  const firstIndexOfId = new Map<string, number>();
  collection.features.forEach((raw: unknown, index) => {
    const parsed = LAYERS[layer].feature.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length ? issue.path.join('.') : null;
        problems.push({ file, featureIndex: index, field, reason: issue.message });
      }
      return;
    }
    const first = firstIndexOfId.get(parsed.data.id);
    if (first !== undefined) {
      const reason = `duplicate id ${JSON.stringify(parsed.data.id)} (also features[${first}])`;
      problems.push({ file, featureIndex: index, field: 'id', reason });
      return;
    }
    firstIndexOfId.set(parsed.data.id, index);
    features.push(parsed.data as LayerFeature<L>);
  });
  return features;
}

export async function seedFromDirectory(
  store: AtlasStore,
  dir: string,
): Promise<Record<LayerName, number>> {
  const problems: SeedProblem[] = [];
  const byLayer = new Map<LayerName, LayerFeature<LayerName>[]>();
  for (const layer of LAYER_NAMES) {
    const file = `${layer}.geojson`;
    let data: unknown;
    try {
      data = await readJson(join(dir, file));
    } catch (error) {
      problems.push({ file, featureIndex: null, field: null, reason: (error as Error).message });
      continue;
    }
    if (data !== undefined) byLayer.set(layer, validateLayer(layer, file, data, problems));
  }
  if (problems.length > 0) throw new SeedError(problems);

  const counts = Object.fromEntries(LAYER_NAMES.map((l) => [l, 0])) as Record<LayerName, number>;
  await store.transaction(async (tx) => {
    for (const [layer, features] of byLayer) counts[layer] = await tx.upsert(layer, features);
  });
  return counts;
}
