import type { Position } from '@atlas/model';
import { openStore, seedFromDirectory, type AtlasStore } from '@atlas/store';
import { makeTowns } from '../../scripts/province/towns.ts';

// The province town as crowded as the demo district. bench:pan pans it beside the demo
// to tell what the province's size costs (a million stores loaded, the same crowding in
// view) from what its densest town's crowding costs. Chosen by counting: the stores in a
// box about one z13 view each way from a centre (as far as the pans reach), around each
// town's centre against around the demo's.

/** Half the box's width and height, degrees: a 980 × 754 px map at z13, near 31°N. */
const HALF_BOX_DEG: [number, number] = [0.084, 0.056];

async function storePositions(store: AtlasStore): Promise<Position[]> {
  const out: Position[] = [];
  for await (const batch of store.scan('stores', 4096))
    for (const f of batch) if (f.geometry.type === 'Point') out.push(f.geometry.coordinates);
  return out;
}

function countNear(points: readonly Position[], [lng, lat]: Position): number {
  const [dx, dy] = HALF_BOX_DEG;
  let n = 0;
  for (const [x, y] of points) if (Math.abs(x - lng) < dx && Math.abs(y - lat) < dy) n++;
  return n;
}

export interface TypicalTown {
  name: string;
  centre: Position;
  /** Stores in the box around the town, and around the demo's centre. */
  stores: number;
  demoStores: number;
}

export async function typicalTown(opts: {
  provinceDb: string;
  provinceSeed: number;
  demoDir: string;
  demoCentre: Position;
}): Promise<TypicalTown> {
  const demo = await openStore(':memory:', { create: true });
  let demoStores: number;
  try {
    await seedFromDirectory(demo, opts.demoDir);
    demoStores = countNear(await storePositions(demo), opts.demoCentre);
  } finally {
    await demo.close();
  }
  const province = await openStore(opts.provinceDb);
  let stores: Position[];
  try {
    stores = await storePositions(province);
  } finally {
    await province.close();
  }
  let best: TypicalTown | null = null;
  for (const town of makeTowns(opts.provinceSeed).list) {
    const n = countNear(stores, town.centre);
    if (!best || Math.abs(n - demoStores) < Math.abs(best.stores - demoStores))
      best = { name: town.name, centre: town.centre, stores: n, demoStores };
  }
  return best!;
}
