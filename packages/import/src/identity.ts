import { createHash } from 'node:crypto';
import type { Geometry, LayerName, Position } from '@atlas/model';
import { geodesicDistanceM } from '@atlas/geo';
import type { Candidate } from './build.ts';
import { LAYER_SPECS } from './layers/index.ts';
import { SAME_PLACE_TOLERANCE_M } from './limits.ts';
import type { Problems } from './problems.ts';

// Stage: which stored feature each candidate is, so that re-importing never duplicates.
//   1. a feature in the atlas's own shape keeps its id;
//   2. a layer key (学校标识码, 隐患点编号, 许可证号) → the stored feature with that key,
//      else a new id made from the key (sch-4201020001);
//   3. a source id column → an id hashed from source label + source id;
//   4. otherwise name + location: the same name within SAME_PLACE_TOLERANCE_M of a stored
//      feature (or an earlier row) is that feature; else an id hashed from the name and
//      a tolerance-sized grid cell.
// Within one file a repeated key or source id is an error; a repeated name + place is a
// warning and the later row is skipped.

export interface Lookup {
  idsByKey(
    layer: LayerName,
    field: string,
    values: readonly string[],
  ): Promise<Map<string, string>>;
  nearByName(
    layer: LayerName,
    points: readonly { name: string; position: Position }[],
    toleranceDeg: readonly [number, number],
  ): Promise<{ index: number; id: string; position: Position }[]>;
}

export interface Identified extends Candidate {
  id: string;
}

const METRES_PER_DEGREE_LAT = 111_320;
const ID_LENGTH_MAX = 64;
const HASH_CHARS = 16;
const SAFE_ID = /^[\w.-]+$/;

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, HASH_CHARS);
}

function centre(g: Geometry): Position {
  if (g.type === 'Point') return g.coordinates;
  const ps =
    g.type === 'LineString'
      ? g.coordinates
      : g.type === 'Polygon'
        ? g.coordinates.flat()
        : g.coordinates.flat(2);
  const xs = ps.map((p) => p[0]);
  const ys = ps.map((p) => p[1]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

const CELL_DEG = SAME_PLACE_TOLERANCE_M / METRES_PER_DEGREE_LAT;

function cellOf([x, y]: Position): [number, number] {
  return [Math.floor(x / CELL_DEG), Math.floor(y / CELL_DEG)];
}

export class Identities {
  private readonly rowOfId = new Map<string, number>();
  private readonly rowOfKey = new Map<string, number>();
  /** "name|cellX|cellY" → places already taken in this file. */
  private readonly places = new Map<string, { id: string; row: number; position: Position }[]>();
  private readonly prefix: string;
  private readonly keyField: string | null;

  constructor(
    private readonly layer: LayerName,
    private readonly sourceLabel: string,
    private readonly problems: Problems,
    /** Source column of the key, for problems. */
    private readonly keyColumn: string | null,
  ) {
    this.prefix = LAYER_SPECS[layer].idPrefix;
    this.keyField = LAYER_SPECS[layer].key;
  }

  /** Whether this file has already produced the id. */
  has(id: string): boolean {
    return this.rowOfId.has(id);
  }

  async resolve(batch: readonly Candidate[], lookup: Lookup): Promise<Identified[]> {
    const out: Identified[] = [];
    const byKey: Candidate[] = [];
    const byPlace: Candidate[] = [];
    for (const c of batch) {
      if (c.ownId) this.accept(out, c, c.ownId, 'id');
      else if (c.key !== null && this.keyField) {
        const first = this.rowOfKey.get(c.key);
        if (first !== undefined) {
          this.problems.error(
            c.row,
            this.keyColumn,
            `duplicate ${this.keyColumn ?? this.keyField} ${JSON.stringify(c.key)} (also row ${first})`,
          );
        } else {
          this.rowOfKey.set(c.key, c.row);
          byKey.push(c);
        }
      } else if (c.sourceId !== null)
        this.accept(
          out,
          c,
          `${this.prefix}-s${hash(`${this.sourceLabel}|${c.sourceId}`)}`,
          'source id',
        );
      else byPlace.push(c);
    }
    if (byKey.length > 0) {
      const stored = await lookup.idsByKey(
        this.layer,
        this.keyField!,
        byKey.map((c) => c.key!),
      );
      for (const c of byKey) this.accept(out, c, stored.get(c.key!) ?? this.keyId(c.key!), 'key');
    }
    if (byPlace.length > 0) await this.resolvePlaces(byPlace, lookup, out);
    return out;
  }

  private keyId(key: string): string {
    const id = `${this.prefix}-${key}`;
    return SAFE_ID.test(key) && id.length <= ID_LENGTH_MAX ? id : `${this.prefix}-k${hash(key)}`;
  }

  private accept(out: Identified[], c: Candidate, id: string, what: string): void {
    const first = this.rowOfId.get(id);
    if (first !== undefined) {
      this.problems.error(c.row, 'id', `duplicate ${what}: the same feature as row ${first}`);
      return;
    }
    this.rowOfId.set(id, c.row);
    const identified = c as Identified; // candidates are this stage's own: no copy
    identified.id = id;
    out.push(identified);
  }

  private async resolvePlaces(
    batch: Candidate[],
    lookup: Lookup,
    out: Identified[],
  ): Promise<void> {
    const named = batch.map((c) => ({
      c,
      name: typeof c.props.name === 'string' ? c.props.name : '',
      position: centre(c.geometry),
    }));
    const maxLat = Math.max(...named.map((n) => Math.abs(n.position[1])));
    const dLat = CELL_DEG;
    const dLng = CELL_DEG / Math.max(Math.cos((maxLat * Math.PI) / 180), 0.01);
    const withName = named.filter((n) => n.name);
    const stored = await lookup.nearByName(
      this.layer,
      withName.map(({ name, position }) => ({ name, position })),
      [dLng, dLat],
    );
    const storedFor = new Map<number, { id: string; position: Position }[]>();
    for (const m of stored) storedFor.set(m.index, [...(storedFor.get(m.index) ?? []), m]);
    withName.forEach((n, i) => ((n as { storedIndex?: number }).storedIndex = i));
    for (const n of named) {
      if (!n.name) {
        this.accept(out, n.c, `${this.prefix}-g${hash(JSON.stringify(n.c.geometry))}`, 'geometry');
        continue;
      }
      const earlier = this.nearby(n.name, n.position);
      if (earlier) {
        this.problems.warn(
          n.c.row,
          'name',
          `same name within ${SAME_PLACE_TOLERANCE_M} m as row ${earlier.row}: skipped as a duplicate`,
        );
        continue;
      }
      const i = (n as { storedIndex?: number }).storedIndex!;
      const match = (storedFor.get(i) ?? [])
        .map((m) => ({ ...m, d: geodesicDistanceM(m.position, n.position) }))
        .filter((m) => m.d <= SAME_PLACE_TOLERANCE_M)
        .sort((a, b) => a.d - b.d)[0];
      let id = match?.id ?? `${this.prefix}-n${hash(`${n.name}|${cellOf(n.position).join('|')}`)}`;
      for (let k = 2; !match && this.rowOfId.has(id); k++) id = `${id.replace(/_\d+$/, '')}_${k}`;
      this.remember(n.name, n.position, id, n.c.row);
      this.accept(out, n.c, id, 'name and place');
    }
  }

  private nearby(name: string, position: Position): { id: string; row: number } | null {
    const [cx, cy] = cellOf(position);
    const reach = Math.ceil(1 / Math.max(Math.cos((position[1] * Math.PI) / 180), 0.01));
    for (let dx = -reach; dx <= reach; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const p of this.places.get(`${name}|${cx + dx}|${cy + dy}`) ?? []) {
          if (geodesicDistanceM(p.position, position) <= SAME_PLACE_TOLERANCE_M) return p;
        }
      }
    }
    return null;
  }

  private remember(name: string, position: Position, id: string, row: number): void {
    const key = `${name}|${cellOf(position).join('|')}`;
    this.places.set(key, [...(this.places.get(key) ?? []), { id, row, position }]);
  }
}
