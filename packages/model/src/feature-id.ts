// MVT feature ids are unsigned integers; atlas ids are strings. A 53-bit hash (cyrb53)
// gives a stable number per atlas id (the same feature keeps its id across tiles and
// edits, as MapLibre's feature state needs). Most tile features also carry the string id
// as the `id` property; those that do not (stores below z16, violation lines) are found
// again by this hash: the web map looks for it among the features where one was drawn.

const SEED = 0x41544c53; // "ATLS"

export function featureId(id: string): number {
  let h1 = 0xdeadbeef ^ SEED;
  let h2 = 0x41c6ce57 ^ SEED;
  for (let i = 0; i < id.length; i++) {
    const ch = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
