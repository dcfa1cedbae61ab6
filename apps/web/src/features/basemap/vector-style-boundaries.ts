import type { ExpressionSpecification } from 'maplibre-gl';
import type { BureauColors } from './vector-style-colors.ts';
import type { BureauLayer } from './vector-style-parts.ts';

// Administrative boundaries of a bureau vector basemap, drawn like the atlas's own admin
// lines: the weight and dash say the level. Each schema says the level its own way
// (OpenMapTiles `admin_level`, Protomaps `kind`); both are turned into OSM admin levels,
// which in China are 2 country, 4 province, 5–6 prefecture and county, 7–8 township.

export const ADMIN_LEVEL = { country: 2, province: 4, county: 6, township: 8 } as const;
/** Lines of each level band, CSS pixels. */
const WIDTH_PX = { country: 2, province: 1.8, county: 1.4, township: 1 };
const SOLID = [1, 0];
const PROVINCE_DASH = [4, 2];
const TOWNSHIP_DASH = [6, 3];

/** Picks by level band: below province, province, county, township and finer. */
function byLevel<T>(level: ExpressionSpecification, v: Record<keyof typeof ADMIN_LEVEL, T>) {
  return [
    'step',
    level,
    v.country,
    ADMIN_LEVEL.province - 1,
    v.province,
    ADMIN_LEVEL.county - 1,
    v.county,
    ADMIN_LEVEL.county + 1,
    v.township,
  ] as unknown as ExpressionSpecification;
}

/** One line layer of boundaries at `level` (an expression giving the OSM admin level). */
export function boundaryLayer(
  c: BureauColors,
  id: string,
  level: ExpressionSpecification,
  filter: ExpressionSpecification,
): BureauLayer {
  return {
    id,
    type: 'line',
    filter: ['all', filter, ['<=', level, ADMIN_LEVEL.township]],
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': byLevel(level, {
        country: c.ink,
        province: c.adminCounty,
        county: c.adminCounty,
        township: c.adminTownship,
      }),
      'line-width': byLevel(level, WIDTH_PX),
      'line-dasharray': byLevel(level, {
        country: ['literal', SOLID],
        province: ['literal', PROVINCE_DASH],
        county: ['literal', SOLID],
        township: ['literal', TOWNSHIP_DASH],
      }),
    },
  };
}
