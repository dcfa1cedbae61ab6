import type { WorldBox } from './mercator.ts';

// What the in-memory index keeps per tile feature: projected geometry in typed arrays and
// only the properties the map draws with. Coordinates are world units (mercator.ts).

export type PropValue = string | number | boolean;
export type Props = Record<string, PropValue>;

interface RecordBase {
  /** The atlas feature id it came from (several records may share one). */
  id: string;
  /** The MVT feature id: featureId(id). */
  fid: number;
  /** Lowest zoom at which it is drawn. */
  minZoom: number;
  props: Props;
}

export interface PointRecord extends RecordBase {
  kind: 'point';
  x: number;
  y: number;
  /** Bit i set when the feature counts in aggregation group i of its layer. */
  groups: number;
}

export interface ShapeRecord extends RecordBase {
  kind: 'line' | 'polygon';
  /** x, y pairs of every ring or part, one after another. */
  coords: Float64Array;
  /** Per vertex, the squared world distance that Douglas–Peucker kept it for (simplify.ts). */
  importance: Float64Array;
  /** Vertex index where each ring or part starts, plus the total vertex count at the end. */
  ringStarts: Uint32Array;
  /** Polygons: 1 for an outer ring, 0 for a hole, per ring. */
  outer: Uint8Array;
  box: WorldBox;
  /**
   * Per ring, per run of CHUNK_VERTICES vertices (chunks.ts): the world box of the run
   * and of the edge to the next run, [minX, minY, maxX, maxY] each; clipping skips runs
   * wholly outside the tile. Null for shapes of few vertices.
   */
  chunkBoxes: Float64Array | null;
  /** Where a tiny polygon is drawn as a point: null until anchorOf (anchor.ts) computes it. */
  anchor: [number, number] | null;
}

export type TileRecord = PointRecord | ShapeRecord;
