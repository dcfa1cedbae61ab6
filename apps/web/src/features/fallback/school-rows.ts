import type { SearchResult } from '@atlas/search';
import type { School } from '@atlas/model';

/** What a row is made from: a school with (at least) its name and address. */
type NamedSchool = { id: string; properties: Pick<School['properties'], 'name' | 'address'> };

// What one line of the fallback's school list needs: the id to open, the name to show and
// one line to tell same-named schools apart. Built from a layer page or from search hits,
// so the list never keeps whole features (campus outlines, gates) in memory.

export type SchoolRow = { id: string; name: string; detail: string };

/** Rows of a page of the schools layer, in the order the API sent them. */
export function rowsFromFeatures(features: readonly NamedSchool[]): SchoolRow[] {
  return features.map((f) => ({ id: f.id, name: f.properties.name, detail: f.properties.address }));
}

/** The schools among search hits (stores and admin areas are left out), best first. */
export function rowsFromSearch(results: readonly SearchResult[]): SchoolRow[] {
  return results
    .filter((r) => r.kind === 'school')
    .map((r) => ({ id: r.id, name: r.name, detail: r.address || r.adminPath }));
}
