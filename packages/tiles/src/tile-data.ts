import type { LayerFeature, LayerName } from '@atlas/model';
import { CellPyramid } from './aggregate.ts';
import { toRecords } from './convert.ts';
import { LayerIndex } from './layer-index.ts';
import type { PointRecord } from './records.ts';
import { STORE_DETAIL_ZOOM, STORE_GROUPS, TILE_LAYERS, type TileLayerName } from './tile-layers.ts';

// What tiles are cut from: one LayerIndex per tile layer, and for stores the cell
// pyramid of the zooms where they are aggregated. Kept in step with the store one
// feature at a time (put / remove), so an edit costs microseconds, not a reload.

export class TileData {
  readonly indexes = new Map<TileLayerName, LayerIndex>(
    TILE_LAYERS.map((l) => [l.name, new LayerIndex()]),
  );
  readonly storeCells = new CellPyramid(STORE_DETAIL_ZOOM, STORE_GROUPS.length);
  private readonly targets = new Map<LayerName, TileLayerName[]>();

  constructor() {
    for (const l of TILE_LAYERS)
      this.targets.set(l.source, [...(this.targets.get(l.source) ?? []), l.name]);
  }

  index(name: TileLayerName): LayerIndex {
    const index = this.indexes.get(name);
    if (!index) throw new Error(`unknown tile layer ${JSON.stringify(name)}`);
    return index;
  }

  beginLoad(): void {
    for (const index of this.indexes.values()) index.beginLoad();
  }

  endLoad(): void {
    for (const index of this.indexes.values()) index.endLoad();
  }

  /** Add or replace an atlas feature (every tile layer it draws in). */
  put<L extends LayerName>(layer: L, feature: LayerFeature<L>): void {
    this.remove(layer, feature.id);
    for (const { layer: name, record } of toRecords(layer, feature)) {
      this.index(name).put(record);
      if (name === 'stores') this.storeCells.add(record as PointRecord);
    }
  }

  remove(layer: LayerName, id: string): void {
    for (const name of this.targets.get(layer) ?? []) {
      const index = this.index(name);
      const old = index.get(id);
      if (!old) continue;
      if (name === 'stores') this.storeCells.remove(old as PointRecord);
      index.delete(id);
    }
  }

  /** Feature count per tile layer. */
  sizes(): Record<TileLayerName, number> {
    return Object.fromEntries(
      [...this.indexes].map(([name, index]) => [name, index.size]),
    ) as Record<TileLayerName, number>;
  }
}
