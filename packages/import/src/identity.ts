import { createHash } from 'node:crypto';
import type { Geometry, LayerName, Position } from '@atlas/model';
import { geodesicDistanceM } from '@atlas/geo';
import type { Candidate } from './build.ts';
import { LAYER_SPECS } from './layers/index.ts';
import { SAME_PLACE_TOLERANCE_M } from './limits.ts';
import type { Problems } from './problems.ts';
import type { StagedDuplicate } from '@atlas/store';

// Stage: which stored feature each candidate is, so that re-importing never duplicates.
//   1. a feature in the atlas's own shape keeps its id;
//   2. a layer key (学校标识码, 隐患点编号, 许可证号) → the stored feature with that key,
//      else a new id made from the key (sch-4201020001);
//   3. a source id column → an id hashed from source label + source id;
//   4. otherwise name + location: the same name within SAME_PLACE_TOLERANCE_M of a stored
//      feature (or an earlier row) is that feature; else an id hashed from the name and
//      a tolerance-sized grid cell.
// Earlier rows of the file are asked of the staging table (StagedLookup), never kept in
// memory: a repeated name + place is a warning and the later row is skipped here; a
// repeated key or id is an error found in SQL once every row is staged (reportDuplicates).

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

/** What earlier rows of the same file hold (the staging table answers). */
export interface StagedLookup {
  nearByName(
    points: readonly { name: string; position: Position }[],
    toleranceDeg: readonly [number, number],
  ): Promise<{ index: number; id: string; row: number; position: Position }[]>;
  idsWithBase(baseIds: readonly string[]): Promise<string[]>;
}

export interface Identified extends Candidate {
  id: string;
  /** How the id was found, for problems. */
  how: string;
  /** Name + place rows: their id before any _2 suffix, name and centre. */
  place: { baseId: string; name: string; position: Position } | null;
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

  async resolve(
    batch: readonly Candidate[],
    lookup: Lookup,
    staged: StagedLookup,
  ): Promise<Identified[]> {
    const out: Identified[] = [];
    const byKey: Candidate[] = [];
    const byPlace: Candidate[] = [];
    for (const c of batch) {
      if (c.ownId) out.push(identify(c, c.ownId, 'id'));
      else if (c.key !== null && this.keyField) byKey.push(c);
      else if (c.sourceId !== null)
        out.push(
          identify(c, `${this.prefix}-s${hash(`${this.sourceLabel}|${c.sourceId}`)}`, 'source id'),
        );
      else byPlace.push(c);
    }
    if (byKey.length > 0) {
      const stored = await lookup.idsByKey(
        this.layer,
        this.keyField!,
        byKey.map((c) => c.key!),
      );
      for (const c of byKey) out.push(identify(c, stored.get(c.key!) ?? this.keyId(c.key!), 'key'));
    }
    if (byPlace.length > 0) await this.resolvePlaces(byPlace, lookup, staged, out);
    return out;
  }

  /** Problems for rows that repeat an earlier row's key or id (found in the staging). */
  reportDuplicates(rows: readonly StagedDuplicate[], unlisted: number): void {
    for (const d of rows) {
      if (d.byKey)
        this.problems.error(
          d.row,
          this.keyColumn,
          `duplicate ${this.keyColumn ?? this.keyField} ${JSON.stringify(d.key)} (also row ${d.firstRow})`,
        );
      else
        this.problems.error(
          d.row,
          'id',
          `duplicate ${d.how}: the same feature as row ${d.firstRow}`,
        );
    }
    this.problems.addUnlisted('error', unlisted);
  }

  private keyId(key: string): string {
    const id = `${this.prefix}-${key}`;
    return SAFE_ID.test(key) && id.length <= ID_LENGTH_MAX ? id : `${this.prefix}-k${hash(key)}`;
  }

  private async resolvePlaces(
    batch: Candidate[],
    lookup: Lookup,
    staged: StagedLookup,
    out: Identified[],
  ): Promise<void> {
    const named = batch.map((c) => {
      const name = typeof c.props.name === 'string' ? c.props.name : '';
      const position = centre(c.geometry);
      return {
        c,
        name,
        position,
        base: `${this.prefix}-n${hash(`${name}|${cellOf(position).join('|')}`)}`,
      };
    });
    const withName = named.filter((n) => n.name);
    const maxLat = Math.max(...named.map((n) => Math.abs(n.position[1])));
    const tolerance: [number, number] = [
      CELL_DEG / Math.max(Math.cos((maxLat * Math.PI) / 180), 0.01),
      CELL_DEG,
    ];
    const points = withName.map(({ name, position }) => ({ name, position }));
    const [stored, earlier] = await Promise.all([
      lookup.nearByName(this.layer, points, tolerance),
      staged.nearByName(points, tolerance),
    ]);
    const [storedFor, earlierFor] = [byIndex(stored), byIndex(earlier)];
    const matches = withName.map((n, i) => nearest(storedFor.get(i), n.position));
    const indexOf = new Map(withName.map((n, i) => [n, i]));
    const taken = new Set(await staged.idsWithBase(withName.map((n) => n.base)));
    /** This batch's name + place rows so far, by "name|cellX|cellY". */
    const places = new Map<string, { row: number; position: Position }[]>();
    for (const n of named) {
      if (!n.name) {
        out.push(
          identify(n.c, `${this.prefix}-g${hash(JSON.stringify(n.c.geometry))}`, 'geometry'),
        );
        continue;
      }
      const i = indexOf.get(n)!;
      const first = nearbyIn(places, n.name, n.position) ?? nearest(earlierFor.get(i), n.position);
      if (first) {
        this.problems.warn(
          n.c.row,
          'name',
          `same name within ${SAME_PLACE_TOLERANCE_M} m as row ${first.row}: skipped as a duplicate`,
        );
        continue;
      }
      const match = matches[i];
      let id = match?.id ?? n.base;
      for (let k = 2; !match && taken.has(id); k++) id = `${n.base}_${k}`;
      taken.add(id);
      const key = `${n.name}|${cellOf(n.position).join('|')}`;
      places.set(key, [...(places.get(key) ?? []), { row: n.c.row, position: n.position }]);
      const identified = identify(n.c, id, 'name and place');
      identified.place = { baseId: n.base, name: n.name, position: n.position };
      out.push(identified);
    }
  }
}

function byIndex<M extends { index: number }>(list: readonly M[]): Map<number, M[]> {
  const out = new Map<number, M[]>();
  for (const m of list) out.set(m.index, [...(out.get(m.index) ?? []), m]);
  return out;
}

/** The closest of `list` within the tolerance of `at`. */
function nearest<M extends { position: Position }>(list: readonly M[] | undefined, at: Position) {
  return (list ?? [])
    .map((m) => ({ ...m, d: geodesicDistanceM(m.position, at) }))
    .filter((m) => m.d <= SAME_PLACE_TOLERANCE_M)
    .sort((a, b) => a.d - b.d)[0];
}

function identify(c: Candidate, id: string, how: string): Identified {
  const identified = c as Identified; // candidates are this stage's own: no copy
  identified.id = id;
  identified.how = how;
  identified.place = null;
  return identified;
}

/** An earlier row of this batch with the same name within the tolerance. */
function nearbyIn(
  places: ReadonlyMap<string, { row: number; position: Position }[]>,
  name: string,
  position: Position,
): { row: number } | null {
  const [cx, cy] = cellOf(position);
  const reach = Math.ceil(1 / Math.max(Math.cos((position[1] * Math.PI) / 180), 0.01));
  for (let dx = -reach; dx <= reach; dx++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (const p of places.get(`${name}|${cx + dx}|${cy + dy}`) ?? []) {
        if (geodesicDistanceM(p.position, position) <= SAME_PLACE_TOLERANCE_M) return p;
      }
    }
  }
  return null;
}
