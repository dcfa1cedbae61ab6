import type { AdminArea } from '@atlas/model';
import { pointsFor } from './match.ts';
import { normalize } from './normalize.ts';

// Where a record lies, as the names of its area and the areas above it ("云溪县 › 云溪街道
// › 文昌社区"), found by following parentCode; and which areas a query token names, so
// that records stored elsewhere (stores, in the database) can be matched by their area.

const PATH_SEPARATOR = ' › ';

export type AreaPaths = {
  /** The path of the area with this code, county first; '' for null or an unknown code. */
  pathOf(code: string | null): string;
  /** Codes of the areas whose path the normalised token matches, with the points. */
  matching(token: string): { code: string; points: number }[];
};

export function createAreaPaths(adminAreas: readonly AdminArea[]): AreaPaths {
  const byCode = new Map(adminAreas.map((a) => [a.properties.code, a]));
  const pathOf = (code: string | null): string => {
    const names: string[] = [];
    const seen = new Set<string>();
    let area = code === null ? undefined : byCode.get(code);
    while (area && !seen.has(area.properties.code)) {
      seen.add(area.properties.code);
      names.unshift(area.properties.name);
      area = area.properties.parentCode ? byCode.get(area.properties.parentCode) : undefined;
    }
    return names.join(PATH_SEPARATOR);
  };
  const keys = [...byCode.keys()].map((code) => ({ code, key: normalize(pathOf(code)) }));
  return {
    pathOf,
    matching(token) {
      const out: { code: string; points: number }[] = [];
      for (const { code, key } of keys) {
        const points = pointsFor('admin_area', key, token);
        if (points !== null) out.push({ code, points });
      }
      return out;
    },
  };
}
