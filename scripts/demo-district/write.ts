import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LAYER_NAMES } from '@atlas/model';
import type { District } from './generate.ts';

// Serialisation: one FeatureCollection per layer, one feature per line (diffs stay
// readable), keys in the order the stages built them, and the manifest as indented JSON.

export function serializeDistrict(d: District): Map<string, string> {
  const files = new Map<string, string>();
  for (const layer of LAYER_NAMES) {
    const lines = d.layers[layer].map((f) => JSON.stringify(f));
    files.set(
      d.manifest.files[layer],
      `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`,
    );
  }
  files.set('manifest.json', `${JSON.stringify(d.manifest, null, 2)}\n`);
  return files;
}

export async function writeDistrict(d: District, outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of serializeDistrict(d)) {
    await writeFile(join(outDir, name), text, 'utf8');
    written.push(name);
  }
  return written;
}
