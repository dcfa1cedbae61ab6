import type { Position } from '@atlas/model';
import { roadClass } from '@atlas/model';
import { scaledCount } from './extent.ts';
import { feature, makeId, type ProvinceFeature } from './feature.ts';
import { placeName } from './names.ts';
import { forkRng, type Rng } from '../lib/rng.ts';
import { jitteredLine, walkLine } from './shapes.ts';
import { distanceM, nearTown, pickTown, type Town, type Towns } from './towns.ts';

// Roads: a third link a town to one of its nearest neighbours (class by the towns'
// ranks: expressways between the biggest), the rest are streets wandering out of a town
// centre (bigger towns get more, since towns are picked by weight).

type RoadClass = ProvinceFeature<'roads'>['properties']['class'];

const INTER_TOWN_SHARE = 1 / 3;
const NEIGHBOURS = 3;
/** Towns ranked below this (0 = capital) are linked by expressways and national roads. */
const MAJOR_TOWN_RANKS = 20;
const LINK_VERTEX_SPACING_M = 2_000;
const LINK_JITTER_M = 500;
const STREET_VERTICES_MIN = 3;
const STREET_VERTICES_MAX = 12;
const STREET_STEP_M = 400;
const STREET_TURN_RAD = 0.15;
const STREET_MARGIN_M = 6_000;
const STREET_CLASSES = roadClass.schema.options.filter(
  (c): c is RoadClass =>
    c === 'urban_arterial' || c === 'urban_secondary' || c === 'local' || c === 'path',
);
const MINOR_LINK_CLASSES: RoadClass[] = ['provincial', 'county', 'township', 'village'];

function nearestNeighbours(towns: Towns): number[][] {
  return towns.list.map((t) =>
    towns.list
      .filter((o) => o !== t)
      .map((o) => ({ o, d: distanceM(t.centre, o.centre) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, NEIGHBOURS)
      .map(({ o }) => o.index),
  );
}

function linkClass(rng: Rng, a: Town, b: Town): RoadClass {
  if (a.index < MAJOR_TOWN_RANKS && b.index < MAJOR_TOWN_RANKS) {
    return rng.chance(0.5) ? 'expressway' : 'national';
  }
  return rng.pick(MINOR_LINK_CLASSES);
}

function link(rng: Rng, a: Position, b: Position): Position[] {
  const vertices = Math.max(2, Math.round(distanceM(a, b) / LINK_VERTEX_SPACING_M) + 1);
  return jitteredLine(rng, a, b, vertices, LINK_JITTER_M);
}

export function* roads(
  seed: number,
  scale: number,
  towns: Towns,
): Iterable<ProvinceFeature<'roads'>> {
  const rng = forkRng(seed, 'roads');
  const count = scaledCount('roads', scale);
  const neighbours = nearestNeighbours(towns);
  for (let n = 1; n <= count; n++) {
    const town = pickTown(rng, towns);
    let coordinates: Position[];
    let cls: RoadClass;
    if (rng.chance(INTER_TOWN_SHARE)) {
      const other = towns.list[rng.pick(neighbours[town.index]!)]!;
      coordinates = link(rng, town.centre, other.centre);
      cls = linkClass(rng, town, other);
    } else {
      const start = nearTown(rng, town, 0.5, STREET_MARGIN_M);
      const vertices = rng.int(STREET_VERTICES_MIN, STREET_VERTICES_MAX);
      coordinates = walkLine(rng, start, vertices, STREET_STEP_M, STREET_TURN_RAD);
      cls = rng.pick(STREET_CLASSES);
    }
    yield feature(
      'roads',
      makeId('rd', n, 5),
      { type: 'LineString', coordinates },
      {
        name: placeName(rng, cls === 'expressway' ? '高速' : '路'),
        class: cls,
        walkable: cls !== 'expressway',
      },
    );
  }
}
