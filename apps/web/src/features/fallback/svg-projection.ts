import type { Bbox, Position } from '@atlas/model';

// A local equirectangular projection for a few kilometres around a school: x scaled by
// cos(latitude) so that shapes keep their proportions; north up. Enough for a sketch map.

export type Projection = {
  width: number;
  height: number;
  project: (p: Position) => [number, number];
  metresPerUnit: number;
};

const METRES_PER_DEGREE_LAT = 111_320;

export function fitProjection(box: Bbox, widthPx: number): Projection {
  const [w, s, e, n] = box;
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const spanX = (e - w) * k;
  const spanY = n - s;
  const scale = widthPx / Math.max(spanX, spanY);
  const height = Math.round(spanY * scale);
  const width = Math.round(spanX * scale);
  return {
    width,
    height,
    project: ([lng, lat]) => [(lng - w) * k * scale, (n - lat) * scale],
    metresPerUnit: METRES_PER_DEGREE_LAT / scale,
  };
}

/** SVG path data of rings (first position repeated or not). */
export function ringsPath(
  rings: readonly (readonly Position[])[],
  project: Projection['project'],
): string {
  return rings
    .map(
      (ring) =>
        ring
          .map(
            (p, i) =>
              `${i === 0 ? 'M' : 'L'}${project(p)
                .map((v) => v.toFixed(1))
                .join(',')}`,
          )
          .join('') + 'Z',
    )
    .join('');
}

export function linePath(line: readonly Position[], project: Projection['project']): string {
  return line
    .map(
      (p, i) =>
        `${i === 0 ? 'M' : 'L'}${project(p)
          .map((v) => v.toFixed(1))
          .join(',')}`,
    )
    .join('');
}
