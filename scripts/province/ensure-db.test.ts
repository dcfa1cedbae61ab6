import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '@atlas/store';
import { ensureProvinceDb, PROVINCE_META_KEY } from './ensure-db.ts';
import { generateProvince, PROVINCE_BBOX } from './generate.ts';
import { readSidecar } from './sidecar.ts';

const SCALE = 0.002;
const quiet = () => undefined;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'province-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ensureProvinceDb', () => {
  it('writes every layer through the store, with a sidecar that counts them', async () => {
    const out = join(dir, 'p.duckdb');
    const { path, sidecar, reused } = await ensureProvinceDb({
      out,
      seed: 3,
      scale: SCALE,
      log: quiet,
    });
    expect(reused).toBe(false);
    expect(await readSidecar(path)).toEqual(sidecar);
    const store = await openStore(path, { readOnly: true });
    try {
      for (const { layer, count, bounds } of await store.stats()) {
        expect(count, layer).toBe(sidecar.counts[layer]);
        const [w, s, e, n] = bounds!;
        expect(w >= PROVINCE_BBOX[0] && s >= PROVINCE_BBOX[1], layer).toBe(true);
        expect(e <= PROVINCE_BBOX[2] && n <= PROVINCE_BBOX[3], layer).toBe(true);
      }
      const generated = generateProvince({ seed: 3, scale: SCALE }).layers.schools[0]!;
      expect(await store.get('schools', generated.id)).toEqual(generated);
      expect(JSON.parse((await store.getMeta(PROVINCE_META_KEY))!)).toEqual(sidecar);
    } finally {
      await store.close();
    }
  });

  it('reuses a database built with the same seed and scale, and rebuilds for another seed or --force', async () => {
    const out = join(dir, 'p.duckdb');
    const first = await ensureProvinceDb({ out, seed: 3, scale: SCALE, log: quiet });
    const again = await ensureProvinceDb({ out, seed: 3, scale: SCALE, log: quiet });
    expect(again.reused).toBe(true);
    expect(again.sidecar).toEqual(first.sidecar);
    const reseeded = await ensureProvinceDb({ out, seed: 4, scale: SCALE, log: quiet });
    expect(reseeded.reused).toBe(false);
    expect(reseeded.sidecar.seed).toBe(4);
    const forced = await ensureProvinceDb({ out, seed: 4, scale: SCALE, force: true, log: quiet });
    expect(forced.reused).toBe(false);
    await expect(stat(`${out}.building`)).rejects.toThrow(/ENOENT/);
  });

  it('refuses a scale above 1 before touching the disk', async () => {
    const out = join(dir, 'p.duckdb');
    await expect(ensureProvinceDb({ out, scale: 5, log: quiet })).rejects.toThrow(/scale/);
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });
});
