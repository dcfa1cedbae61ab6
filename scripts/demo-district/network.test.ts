import type { Position } from '@atlas/model';
import { describe, expect, it } from 'vitest';
import { generateDistrict } from './generate.ts';

const { layers } = generateDistrict();
const key = (p: Position) => `${p[0]},${p[1]}`;

function components(lines: Position[][]): number {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    const p = parent.get(k) ?? k;
    if (p === k) return k;
    const root = find(p);
    parent.set(k, root);
    return root;
  };
  for (const line of lines) {
    for (const p of line) if (!parent.has(key(p))) parent.set(key(p), key(p));
    for (let i = 1; i < line.length; i++) parent.set(find(key(line[i - 1]!)), find(key(line[i]!)));
  }
  return new Set([...parent.keys()].map(find)).size;
}

describe('road network', () => {
  const walkable = layers.roads.filter((r) => r.properties.walkable);

  it('marks only the expressway as not walkable', () => {
    for (const r of layers.roads)
      expect(r.properties.walkable).toBe(r.properties.class !== 'expressway');
  });

  it('joins all walkable roads into one network through shared vertices', () => {
    expect(components(walkable.map((r) => r.geometry.coordinates))).toBe(1);
  });

  it('reaches the main gate of every school that has gates', () => {
    const nodes = new Set(walkable.flatMap((r) => r.geometry.coordinates.map(key)));
    for (const s of layers.schools) {
      const main = s.properties.gates.filter((g) => g.kind === 'main');
      for (const g of main) expect(nodes.has(key(g.position)), `${s.id} ${g.id}`).toBe(true);
    }
  });

  it('runs every bus route along road segments from its first stop to a school gate', () => {
    const edges = new Set(
      layers.roads
        .filter((r) => r.properties.class !== 'expressway' && r.properties.class !== 'path')
        .flatMap((r) =>
          r.geometry.coordinates
            .slice(1)
            .flatMap((b, i) => [
              `${key(r.geometry.coordinates[i]!)}|${key(b)}`,
              `${key(b)}|${key(r.geometry.coordinates[i]!)}`,
            ]),
        ),
    );
    const gates = new Map(
      layers.schools.map((s) => [
        s.properties.code,
        new Set(s.properties.gates.map((g) => key(g.position))),
      ]),
    );
    for (const route of layers.routes) {
      const line = route.geometry.coordinates;
      for (let i = 1; i < line.length; i++)
        expect(edges.has(`${key(line[i - 1]!)}|${key(line[i]!)}`), route.id).toBe(true);
      expect(key(route.properties.stops[0]!.position)).toBe(key(line[0]!));
      expect(gates.get(route.properties.schoolCodes[0]!)!.has(key(line[line.length - 1]!))).toBe(
        true,
      );
      expect(route.properties.plate).toMatch(/^鄂E·[A-Z0-9]{5}$/);
    }
  });
});
