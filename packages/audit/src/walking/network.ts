import Flatbush from 'flatbush';
import { geodesicDistanceM } from '@atlas/geo';
import type { LineString, Position } from '@atlas/model';

// The walkable road network as a graph: a node at every road vertex (roads that share a vertex
// meet there; roads that merely cross without a shared vertex do not), an edge per segment
// with its geodesic length, and an R-tree over the segments for snapping points onto it.
//
//   road A  o────o────o            nodes: exact [lng, lat] of each vertex
//                │                 edges: consecutive vertices, length = WGS84 geodesic
//   road B       o────o

export interface WalkRoad {
  id: string;
  geometry: LineString;
  properties: { walkable: boolean };
}

export interface WalkNetwork {
  /** Node positions, lng and lat. */
  lng: Float64Array;
  lat: Float64Array;
  /** Segment s joins nodes segA[s] → segB[s]; its geodesic length in metres. */
  segA: Uint32Array;
  segB: Uint32Array;
  segLengthM: Float64Array;
  /** CSR adjacency: node n's edges are adjStart[n] … adjStart[n + 1] − 1. */
  adjStart: Uint32Array;
  adjNode: Uint32Array;
  adjLengthM: Float64Array;
  /** R-tree over segment boxes (item = segment index). */
  segments: Flatbush;
}

/** The walkable roads as a graph, or null when there is none. */
export function buildWalkNetwork(roads: readonly WalkRoad[]): WalkNetwork | null {
  const nodeOf = new Map<string, number>();
  const lng: number[] = [];
  const lat: number[] = [];
  const node = (p: Position) => {
    const key = `${p[0]},${p[1]}`;
    let n = nodeOf.get(key);
    if (n === undefined) {
      n = lng.length;
      nodeOf.set(key, n);
      lng.push(p[0]);
      lat.push(p[1]);
    }
    return n;
  };
  const segA: number[] = [];
  const segB: number[] = [];
  const segLengthM: number[] = [];
  for (const road of roads) {
    if (!road.properties.walkable) continue;
    const line = road.geometry.coordinates;
    for (let i = 1; i < line.length; i++) {
      const a = node(line[i - 1]!);
      const b = node(line[i]!);
      if (a === b) continue; // repeated vertex
      segA.push(a);
      segB.push(b);
      segLengthM.push(geodesicDistanceM(line[i - 1]!, line[i]!));
    }
  }
  if (segA.length === 0) return null;

  const degree = new Uint32Array(lng.length + 1);
  for (let s = 0; s < segA.length; s++) {
    degree[segA[s]! + 1]!++;
    degree[segB[s]! + 1]!++;
  }
  const adjStart = new Uint32Array(lng.length + 1);
  for (let n = 0; n < lng.length; n++) adjStart[n + 1] = adjStart[n]! + degree[n + 1]!;
  const fill = adjStart.slice(0, lng.length);
  const adjNode = new Uint32Array(adjStart[lng.length]!);
  const adjLengthM = new Float64Array(adjNode.length);
  const link = (from: number, to: number, m: number) => {
    const at = fill[from]!++;
    adjNode[at] = to;
    adjLengthM[at] = m;
  };
  const segments = new Flatbush(segA.length);
  for (let s = 0; s < segA.length; s++) {
    const a = segA[s]!;
    const b = segB[s]!;
    link(a, b, segLengthM[s]!);
    link(b, a, segLengthM[s]!);
    segments.add(
      Math.min(lng[a]!, lng[b]!),
      Math.min(lat[a]!, lat[b]!),
      Math.max(lng[a]!, lng[b]!),
      Math.max(lat[a]!, lat[b]!),
    );
  }
  segments.finish();
  return {
    lng: Float64Array.from(lng),
    lat: Float64Array.from(lat),
    segA: Uint32Array.from(segA),
    segB: Uint32Array.from(segB),
    segLengthM: Float64Array.from(segLengthM),
    adjStart,
    adjNode,
    adjLengthM,
    segments,
  };
}

export function nodePosition(net: WalkNetwork, n: number): Position {
  return [net.lng[n]!, net.lat[n]!];
}
