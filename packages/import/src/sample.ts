import type { Position } from '@atlas/model';
import { CRS_SAMPLE_ROWS } from './limits.ts';
import { parseCell } from './layers/parse.ts';
import type { SourceRecord } from './read/records.ts';

// The positions the CRS and swap detection look at: the first CRS_SAMPLE_ROWS records'
// x/y cells, or the first position of each geometry.

function firstPair(c: unknown): Position | null {
  let v = c;
  while (Array.isArray(v) && Array.isArray(v[0])) v = v[0];
  if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number') return [v[0], v[1]];
  return null;
}

export function samplePositions(
  records: readonly SourceRecord[],
  spatial: boolean,
  columns: ReadonlyMap<string, string>,
): Position[] {
  const out: Position[] = [];
  for (const r of records.slice(0, CRS_SAMPLE_ROWS)) {
    if (spatial) {
      const g = r.geometry as { coordinates?: unknown } | null | undefined;
      const p = g ? firstPair(g.coordinates) : null;
      if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) out.push(p);
      continue;
    }
    const [xc, yc] = [columns.get('x'), columns.get('y')];
    if (xc === undefined || yc === undefined) break;
    const [x, y] = [parseCell('number', r.fields[xc]), parseCell('number', r.fields[yc])];
    if ('value' in x && 'value' in y && typeof x.value === 'number' && typeof y.value === 'number')
      out.push([x.value, y.value]);
  }
  return out;
}
