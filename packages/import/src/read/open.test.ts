import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, tempStore } from '../testing.ts';

// Files that cannot be read at all: one precise file-level problem, nothing written.

let t: Awaited<ReturnType<typeof tempStore>>;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(() => t.close());

async function refusal(path: string, extra: Parameters<typeof t.run>[3] = {}) {
  const r = await t.run(path, { layer: 'stores' }, 'commit', extra);
  expect(r.committed).toBe(false);
  expect(r.counts.rows).toBe(0);
  const [problem] = r.problems;
  expect(problem).toMatchObject({ row: null, severity: 'error' });
  return problem!;
}

describe('refused files', () => {
  it.each([
    ['empty.csv', /empty file/],
    ['not-really.xlsx', /not a XLSX file: it does not start with a zip signature/],
    ['legacy.xls', /legacy \.xls/],
    ['latin1-binary.csv', /unknown text encoding/],
    ['no-shp.zip', /the zip holds no \.shp file \(found: readme\.txt, hazards\.dbf\)/],
  ])('%s', async (name, reason) => {
    expect((await refusal(fixture(name))).reason).toMatch(reason);
  });

  it('a truncated GeoJSON file', async () => {
    const path = t.file('cut.geojson', '{"type": "FeatureCollection", "features": [');
    expect((await refusal(path)).reason).toMatch(/not valid JSON/);
  });

  it('a file over the configured size limit', async () => {
    const path = fixture('stores-wgs84.csv');
    expect((await refusal(path, { maxFileBytes: 100 })).reason).toMatch(/over the limit of 100/);
  });

  it('a zipped Shapefile that is a zip bomb', async () => {
    const bomb = zipSync(
      { 'a.shp': new Uint8Array(8 * 1024 * 1024), 'a.dbf': new Uint8Array(10) },
      { level: 9 },
    );
    const path = t.file('bomb.zip', bomb);
    expect((await refusal(path, { maxUnzippedBytes: 1024 * 1024 })).reason).toMatch(
      /zip bomb or too large/,
    );
  });

  it('a file that does not exist', async () => {
    expect((await refusal(`${t.dir}/missing.csv`)).reason).toMatch(/no such file/);
  });
});
