import { aggregatePoints, type Cell } from './aggregate.ts';
import { encodeTile, type EncodedFeature, type EncodedLayer } from './encode.ts';
import type { PointRecord, ShapeRecord, TileRecord } from './records.ts';
import { sqToleranceAt } from './simplify.ts';
import { tileWorldBox, type TileCoord } from './tile-coord.ts';
import type { TileData } from './tile-data.ts';
import { TILE_LAYERS, type TileLayerSpec } from './tile-layers.ts';
import { shapeInTile, toTileUnits, type TileFrame } from './to-tile.ts';

// One tile, top-down: select each layer's records in the buffered tile → tiny polygons
// become points → aggregate dense points at low zoom → clip and simplify shapes → encode.

export interface TileOptions {
  /** Tile units across a tile (MVT default). */
  extent: number;
  /** Tile units of margin drawn around the tile so that strokes and symbols join up. */
  bufferUnits: number;
  /** Douglas–Peucker tolerance, tile units. */
  toleranceUnits: number;
  /** A polygon narrower and shorter than this (tile units) is drawn as a point. */
  tinyPolygonUnits: number;
  /** A line narrower and shorter than this (tile units) is left out at that zoom. */
  tinyLineUnits: number;
}

export const TILE_DEFAULTS: TileOptions = {
  extent: 4096,
  bufferUnits: 64, // 1/64 of a tile, as geojson-vt
  toleranceUnits: 3, // as geojson-vt
  tinyPolygonUnits: 16, // 2 px on a 512 px tile
  tinyLineUnits: 8, // 1 px on a 512 px tile
};

function pointFeature(
  fid: number,
  px: number,
  py: number,
  props: TileRecord['props'],
): EncodedFeature {
  return { id: fid, type: 1, parts: [[Math.round(px), Math.round(py)]], props };
}

function cellFeature(cell: Cell, spec: TileLayerSpec, frame: TileFrame): EncodedFeature {
  const [px, py] = toTileUnits(frame, cell.x, cell.y);
  const props: Record<string, number | boolean> = { cluster: true, count: cell.count };
  spec.groups.forEach((g, i) => (props[g] = cell.groups[i]!));
  return pointFeature(cell.key, px, py, props);
}

/** Whether a shape's box fits within sizeUnits both ways at this zoom. */
function fitsWithin(record: ShapeRecord, frame: TileFrame, sizeUnits: number): boolean {
  const scale = 2 ** frame.tile.z * frame.extent;
  const [minX, minY, maxX, maxY] = record.box;
  return (maxX - minX) * scale < sizeUnits && (maxY - minY) * scale < sizeUnits;
}

function isTiny(record: ShapeRecord, frame: TileFrame, opts: TileOptions): boolean {
  return record.kind === 'polygon' && fitsWithin(record, frame, opts.tinyPolygonUnits);
}

/** What aggregation needs of a tiny polygon: its anchor; it counts in no group. */
const ANCHOR: PointRecord = {
  kind: 'point',
  id: '',
  fid: 0,
  minZoom: 0,
  props: {},
  x: 0,
  y: 0,
  groups: 0,
};

function inBuffer(frame: TileFrame, px: number, py: number): boolean {
  const min = -frame.buffer;
  const max = frame.extent + frame.buffer;
  return px >= min && px <= max && py >= min && py <= max;
}

function layerFeatures(data: TileData, spec: TileLayerSpec, frame: TileFrame, opts: TileOptions) {
  const { tile } = frame;
  const clustered = tile.z < spec.clusterBelowZoom;
  if (clustered && spec.name === 'stores') {
    return data.storeCells.tileCells(tile).map((c) => cellFeature(c, spec, frame));
  }
  const features: EncodedFeature[] = [];
  const toAggregate: PointRecord[] = [];
  const box = tileWorldBox(tile, frame.buffer / frame.extent);
  data.index(spec.name).search(box, (record) => {
    if (record.minZoom > tile.z) return;
    if (record.kind === 'line' && fitsWithin(record, frame, opts.tinyLineUnits)) return;
    if (record.kind === 'point' || isTiny(record, frame, opts)) {
      const [x, y] = record.kind === 'point' ? [record.x, record.y] : record.anchor;
      if (clustered) {
        toAggregate.push(record.kind === 'point' ? record : { ...ANCHOR, x, y });
        return;
      }
      const [px, py] = toTileUnits(frame, x, y);
      if (inBuffer(frame, px, py)) features.push(pointFeature(record.fid, px, py, record.props));
      return;
    }
    const { parts, outer } = shapeInTile(record, frame);
    if (parts.length === 0) return;
    features.push({
      id: record.fid,
      type: record.kind === 'line' ? 2 : 3,
      parts,
      outer,
      props: record.props,
    });
  });
  if (clustered) {
    for (const cell of aggregatePoints(toAggregate, tile, spec.groups.length)) {
      features.push(cellFeature(cell, spec, frame));
    }
  }
  return features;
}

/** The MVT bytes of one tile, or null when it holds no feature. */
export function buildTile(
  data: TileData,
  tile: TileCoord,
  opts: TileOptions = TILE_DEFAULTS,
): Uint8Array | null {
  const frame: TileFrame = {
    tile,
    extent: opts.extent,
    buffer: opts.bufferUnits,
    sqTolerance: sqToleranceAt(tile.z, opts.extent, opts.toleranceUnits),
  };
  const layers: EncodedLayer[] = TILE_LAYERS.map((spec) => ({
    name: spec.name,
    extent: opts.extent,
    features: layerFeatures(data, spec, frame, opts),
  }));
  if (layers.every((l) => l.features.length === 0)) return null;
  return encodeTile(layers);
}
