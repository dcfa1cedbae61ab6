import { anchorOf } from './anchor.ts';
import type { LayerFeature, LayerName } from '@atlas/model';
import { CellPyramid } from './aggregate.ts';
import { toRecords } from './convert.ts';
import { LayerIndex } from './layer-index.ts';
import type { WorldBox } from './mercator.ts';
import { PointTable } from './point-table.ts';
import type { ShapeRecord, TileRecord } from './records.ts';
import { MAX_ZOOM } from './tile-coord.ts';
import { TILE_DEFAULTS, type TileOptions } from './tile-options.ts';
import {
  featureFields,
  TILE_LAYERS,
  type TileLayerName,
  type TileLayerSource,
  type TileLayerSpec,
} from './tile-layers.ts';

// What tiles are cut from: per tile layer a PointTable (points) or a LayerIndex (shapes),
// and for every layer aggregated at low zoom the cell pyramid of those zooms. Kept in
// step with the store one feature at a time (put / remove), so an edit costs
// microseconds, not a reload. Which zooms draw a shape is decided here, once per
// feature: a shape too small to see at a zoom is never searched there.

/** Zoom of a shape that is never big enough (a single spot). */
const NEVER = MAX_ZOOM + 1;

/** Whether a world box fits within sizeUnits both ways at zoom z. */
export function fitsWithin(box: WorldBox, z: number, extent: number, sizeUnits: number): boolean {
  const scale = 2 ** z * extent;
  return (box[2] - box[0]) * scale < sizeUnits && (box[3] - box[1]) * scale < sizeUnits;
}

/** The first zoom from `from` on at which the box no longer fits within sizeUnits. */
function firstZoomBeyond(box: WorldBox, from: number, extent: number, sizeUnits: number) {
  let z = from;
  while (z < NEVER && fitsWithin(box, z, extent, sizeUnits)) z++;
  return z;
}

export class TileData {
  readonly points = new Map<TileLayerName, PointTable>();
  readonly shapes = new Map<TileLayerName, LayerIndex>();
  /** Cells of the zooms below each aggregated layer's clusterBelowZoom. */
  readonly cells = new Map<TileLayerName, CellPyramid>();
  readonly specs = new Map<TileLayerName, TileLayerSpec>();
  /** How tiles are cut from it (the tiny sizes decide what is indexed at which zoom). */
  readonly options: TileOptions;
  private readonly targets = new Map<TileLayerSource, TileLayerSpec[]>();

  constructor(options: Partial<TileOptions> = {}) {
    this.options = { ...TILE_DEFAULTS, ...options };
    for (const spec of TILE_LAYERS) {
      this.specs.set(spec.name, spec);
      this.targets.set(spec.source, [...(this.targets.get(spec.source) ?? []), spec]);
      if (spec.geometry === 'point')
        this.points.set(spec.name, new PointTable(featureFields(spec), spec.distinctFields));
      else this.shapes.set(spec.name, new LayerIndex());
      if (spec.clusterBelowZoom > 0) {
        this.cells.set(spec.name, new CellPyramid(spec.clusterBelowZoom, spec.groups.length));
      }
    }
  }

  pointTable(name: TileLayerName): PointTable {
    const table = this.points.get(name);
    if (!table) throw new Error(`tile layer ${JSON.stringify(name)}: expected a point layer`);
    return table;
  }

  shapeIndex(name: TileLayerName): LayerIndex {
    const index = this.shapes.get(name);
    if (!index) throw new Error(`tile layer ${JSON.stringify(name)}: expected a shape layer`);
    return index;
  }

  beginLoad(): void {
    for (const t of this.points.values()) t.beginLoad();
    for (const i of this.shapes.values()) i.beginLoad();
  }

  endLoad(): void {
    for (const t of this.points.values()) t.endLoad();
    for (const i of this.shapes.values()) i.endLoad();
  }

  /** Add or replace an atlas feature (every tile layer it draws in). */
  put<L extends LayerName>(layer: L, feature: LayerFeature<L>): void {
    this.remove(layer, feature.id);
    for (const { layer: name, record } of toRecords(layer, feature)) {
      const spec = this.specs.get(name)!;
      if (record.kind === 'point') this.pointTable(name).put(record);
      else this.shapeIndex(name).put(record, this.searchZoom(record, spec));
      this.count(spec, record, 'add');
    }
  }

  remove(layer: LayerName, id: string): void {
    for (const spec of this.targets.get(layer) ?? []) {
      const old: TileRecord | null =
        spec.geometry === 'point'
          ? this.pointTable(spec.name).delete(id)
          : this.shapeIndex(spec.name).get(id);
      if (!old) continue;
      if (old.kind !== 'point') this.shapeIndex(spec.name).delete(id);
      this.count(spec, old, 'remove');
    }
  }

  /**
   * Add or replace one record of a layer fed from outside the atlas layers (the audit
   * layers, audit-records.ts); returns the lowest zoom it is searched at.
   */
  putRecord(name: TileLayerName, record: ShapeRecord): number {
    const spec = this.specs.get(name);
    if (!spec || spec.source !== 'audit')
      throw new Error(`putRecord(${JSON.stringify(name)}): expected an audit tile layer`);
    const zoom = this.searchZoom(record, spec);
    this.shapeIndex(name).put(record, zoom);
    return zoom;
  }

  /** Drop one record of an audit layer; returns it, or null when there was none. */
  removeRecord(name: TileLayerName, id: string): ShapeRecord | null {
    const index = this.shapeIndex(name);
    const old = index.get(id);
    if (!old || old.kind === 'point') return null;
    index.delete(id);
    return old;
  }

  /** The zoom a polygon is drawn as a shape from (before, as a point). */
  shapeZoom(record: ShapeRecord): number {
    const { extent, tinyPolygonUnits, tinyLineUnits } = this.options;
    const size = record.kind === 'polygon' ? tinyPolygonUnits : tinyLineUnits;
    return firstZoomBeyond(record.box, record.minZoom, extent, size);
  }

  /**
   * The lowest zoom a shape is searched at: lines once long enough to draw; polygons once
   * drawn as a shape, or as a point where their layer no longer aggregates.
   */
  private searchZoom(record: ShapeRecord, spec: TileLayerSpec): number {
    const shapeZoom = this.shapeZoom(record);
    if (record.kind === 'line') return shapeZoom;
    return Math.min(shapeZoom, Math.max(record.minZoom, spec.clusterBelowZoom));
  }

  /** Count a point, or a polygon while tiny, in its layer's cells. */
  private count(spec: TileLayerSpec, record: TileRecord, how: 'add' | 'remove'): void {
    const pyramid = this.cells.get(spec.name);
    if (!pyramid) return;
    if (record.kind === 'point') {
      pyramid[how](record.x, record.y, record.groups, record.minZoom);
    } else if (record.kind === 'polygon') {
      const [x, y] = anchorOf(record);
      pyramid[how](x, y, 0, record.minZoom, this.shapeZoom(record));
    }
  }

  /** Feature count per tile layer. */
  sizesByLayer(): Record<TileLayerName, number> {
    const out: Partial<Record<TileLayerName, number>> = {};
    for (const [name, t] of this.points) out[name] = t.size;
    for (const [name, i] of this.shapes) out[name] = i.size;
    return out as Record<TileLayerName, number>;
  }
}
