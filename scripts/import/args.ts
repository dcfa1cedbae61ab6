import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportOptions } from '@atlas/import';

// Command-line arguments → import options, or a usage message naming what is wrong.

export const USAGE = `usage: npm run import -- --layer LAYER --file FILE [options]

  --layer LAYER        stores | schools | hazards | water | admin_areas | roads | pipelines | routes
  --file FILE          CSV, XLSX, GeoJSON(Seq), zipped Shapefile, KML/KMZ or GPX
  --crs CRS            wgs84 | cgcs2000 | gcj02 | bd09 | EPSG:45xx (confirms an offered CRS)
  --swap-xy            read x as latitude/northing (confirms an offered swap)
  --map FIELD=COLUMN   column mapping, repeatable (e.g. --map name=店名)
  --category TEXT=A,B  category mapping, repeatable (e.g. --category 便利店=tobacco,liquor)
  --encoding ENC       utf-8 | gb18030 (CSV)
  --source LABEL       provenance source (default: the file name)
  --replace            delete the features from this source that the file no longer has
  --dry-run            preview only: report, write nothing
  --db FILE            DuckDB file (default data/atlas.duckdb)
  --json               print the whole report as JSON`;

export const DEFAULT_DB = resolve(import.meta.dirname, '../../data/atlas.duckdb');

export interface CliArgs {
  file: string;
  db: string;
  dryRun: boolean;
  json: boolean;
  options: ImportOptions;
}

function pairs(list: string[] | undefined, flag: string): [string, string][] {
  return (list ?? []).map((item) => {
    const at = item.indexOf('=');
    if (at < 1) throw new Error(`${flag} ${item}: expected KEY=VALUE`);
    return [item.slice(0, at), item.slice(at + 1)];
  });
}

export function parseCliArgs(argv: string[]): CliArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      layer: { type: 'string' },
      file: { type: 'string' },
      crs: { type: 'string' },
      'swap-xy': { type: 'boolean' },
      map: { type: 'string', multiple: true },
      category: { type: 'string', multiple: true },
      encoding: { type: 'string' },
      source: { type: 'string' },
      replace: { type: 'boolean' },
      'dry-run': { type: 'boolean', default: false },
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.file) throw new Error('--file is required');
  const parsed = ImportOptions.safeParse({
    layer: values.layer,
    crs: values.crs,
    swapXY: values['swap-xy'],
    mapping: values.map ? Object.fromEntries(pairs(values.map, '--map')) : undefined,
    categoryMapping: values.category
      ? Object.fromEntries(pairs(values.category, '--category').map(([k, v]) => [k, v.split(',')]))
      : undefined,
    encoding: values.encoding,
    source: values.source,
    replace: values.replace,
  });
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((i) => `--${i.path.join('.') || 'options'}: ${i.message}`).join('\n'),
    );
  }
  return {
    file: resolve(values.file),
    db: resolve(values.db ?? DEFAULT_DB),
    dryRun: values['dry-run'] ?? false,
    json: values.json ?? false,
    options: parsed.data,
  };
}
