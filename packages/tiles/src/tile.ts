import { anchorOf } from './anchor.ts';
import type { CellPyramid } from './aggregate.ts';
import { encodeTile, type LayerWriter } from './encode.ts';
import { sqToleranceAt } from './simplify.ts';
import { tileWorldBox, type TileCoord } from './tile-coord.ts';
import { fitsWithin, type TileData } from './tile-data.ts';
import { OTHER_FIELD, TILE_LAYERS, type TileLayerSpec } from './tile-layers.ts';
import { TileParts } from './tile-parts.ts';
import { SEGMENT, segmentInside, shapeInTile, type TileFrame } from './to-tile.ts';
import { NO_CODE } from './value-dictionary.ts';

// One tile, top-down, each layer written straight into the encoder: select the layer's
// points or shapes in the buffered tile (shapes too small for the zoom are not even
// searched) → tiny polygons become points → below the layer's detail zoom, points come
// from the precomputed cells instead → clip and simplify shapes → encode.

export { TILE_DEFAULTS, type TileOptions } from './tile-options.ts';

/** A key or value index not yet given in this layer. */
const UNSEEN = -1;

/**
 * Write the points of a point layer that lie in the buffered tile. Distinct fields (id)
 * are copied as encoded bytes, each a new value; coded fields (name, categories …) write
 * each code's entry once per layer and reuse its value index. Detail fields wait for
 * their zoom.
 */
function writePoints(data: TileData, spec: TileLayerSpec, frame: TileFrame, w: LayerWriter) {
  const table = data.pointTable(spec.name);
  const { tile, extent, buffer } = frame;
  const scale = 2 ** tile.z * extent;
  const [ox, oy] = [tile.x * extent, tile.y * extent];
  const [min, max] = [-buffer, extent + buffer];
  const { fields, columns, x, y, fid, minZoom } = table;
  const keys = new Int32Array(fields.length).fill(UNSEEN);
  const detail = spec.detailFields;
  const written = fields.map((f) => !detail || tile.z >= detail.fromZoom || !detail.fields.has(f));
  table.search(tileWorldBox(tile, buffer / extent), (slot) => {
    if (minZoom[slot]! > tile.z) return;
    const px = x[slot]! * scale - ox;
    const py = y[slot]! * scale - oy;
    if (px < min || px > max || py < min || py > max) return;
    w.beginTags();
    for (let f = 0; f < columns.length; f++) {
      if (!written[f]) continue;
      const column = columns[f]!;
      let v: number;
      if (column.kind === 'distinct') {
        const start = column.start[slot]!;
        const end = column.end[slot]!;
        if (start === end) continue;
        v = w.encodedValue(column.bytes, start, end);
      } else {
        const code = column.codes[slot]!;
        if (code === NO_CODE) continue;
        v = w.codedValue(column.dict, code);
      }
      let k = keys[f]!;
      if (k === UNSEEN) k = keys[f] = w.key(fields[f]!);
      w.pushTag(k, v);
    }
    w.point(fid[slot]!, Math.round(px), Math.round(py));
  });
}

/** Write the cells of the tile, each a point with its count and counts per group. */
function writeCells(pyramid: CellPyramid, spec: TileLayerSpec, frame: TileFrame, w: LayerWriter) {
  const { tile, extent } = frame;
  const scale = 2 ** tile.z * extent;
  const [ox, oy] = [tile.x * extent, tile.y * extent];
  const grouped = spec.groups.length > 0;
  pyramid.forTile(tile, (cell) => {
    w.beginTags();
    w.tag('cluster', true);
    w.tag('count', cell.count);
    for (let g = 0; g < spec.groups.length; g++) w.tag(spec.groups[g]!, cell.groups[g]!);
    if (grouped) w.tag(OTHER_FIELD, cell.other);
    w.point(cell.key, Math.round(cell.x * scale - ox), Math.round(cell.y * scale - oy));
  });
}

/** The rounded ends of a two-vertex line, reused (segmentInside). */
const ends = new Int32Array(4);
/** A shape's parts in the tile, reused (shapeInTile). */
const parts = new TileParts();

/** Write the shapes of a shape layer met by the buffered tile; tiny polygons as points. */
function writeShapes(data: TileData, spec: TileLayerSpec, frame: TileFrame, w: LayerWriter) {
  const { tile, extent, buffer } = frame;
  const { tinyPolygonUnits } = data.options;
  const clustered = tile.z < spec.clusterBelowZoom;
  const scale = 2 ** tile.z * extent;
  const [min, max] = [-buffer, extent + buffer];
  const index = data.shapeIndex(spec.name);
  const box = tileWorldBox(tile, buffer / extent);
  const detail = spec.detailFields;
  const skip = detail && tile.z < detail.fromZoom ? detail.fields : null;
  index.search(
    box,
    (record) => {
      if (record.kind === 'point') throw new Error(`${spec.name}: a point in a shape layer`);
      if (record.kind === 'polygon' && fitsWithin(record.box, tile.z, extent, tinyPolygonUnits)) {
        if (clustered) return; // counted in the cells
        const [ax, ay] = anchorOf(record);
        const px = ax * scale - tile.x * extent;
        const py = ay * scale - tile.y * extent;
        if (px < min || px > max || py < min || py > max) return;
        w.beginTags();
        w.tagAll(record.props, skip);
        w.point(record.fid, Math.round(px), Math.round(py));
        return;
      }
      const segment = segmentInside(record, frame, ends);
      if (segment === SEGMENT.empty) return;
      if (segment === SEGMENT.drawn) {
        w.beginTags();
        w.tagAll(record.props, skip);
        w.segment(record.fid, ends[0]!, ends[1]!, ends[2]!, ends[3]!);
        return;
      }
      shapeInTile(record, frame, parts);
      if (parts.count === 0) return;
      w.beginTags();
      w.tagAll(record.props, skip);
      w.shape(record.fid, record.kind === 'line' ? 2 : 3, parts);
    },
    tile.z,
  );
}

function writeLayer(data: TileData, spec: TileLayerSpec, frame: TileFrame, w: LayerWriter) {
  const pyramid = data.cells.get(spec.name);
  const clustered = pyramid !== undefined && frame.tile.z < spec.clusterBelowZoom;
  if (spec.geometry === 'shape') writeShapes(data, spec, frame, w);
  else if (!clustered) writePoints(data, spec, frame, w);
  if (clustered) writeCells(pyramid, spec, frame, w);
}

/** The MVT bytes of one tile, or null when it holds no feature. */
export function buildTile(data: TileData, tile: TileCoord): Uint8Array | null {
  const opts = data.options;
  const frame: TileFrame = {
    tile,
    extent: opts.extent,
    buffer: opts.bufferUnits,
    sqTolerance: sqToleranceAt(tile.z, opts.extent, opts.toleranceUnits),
  };
  return encodeTile(
    TILE_LAYERS.map((spec) => ({
      name: spec.name,
      extent: opts.extent,
      write: (w: LayerWriter) => writeLayer(data, spec, frame, w),
    })),
  );
}
