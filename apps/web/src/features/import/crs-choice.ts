import { GK_EPSG_CODES } from '@atlas/geo';

// The coordinate systems a user can name for a file, as the API's CrsChoice accepts them.
// Gauss–Krüger zones are many (EPSG:4491–4554): they are typed as a code, not listed.

export const CRS_OPTIONS = ['EPSG:4326', 'EPSG:4490', 'GCJ-02', 'BD-09'] as const;
/** The select's value that asks for a typed Gauss–Krüger EPSG code. */
export const GK_CHOICE = 'gk';

export type CrsSelection = { preset: string; gkCode: string };
export const NO_CRS: CrsSelection = { preset: '', gkCode: '' };

/** "4527", "EPSG:4527", "epsg 4527" → "EPSG:4527"; null when it is no CGCS2000 GK zone. */
export function gkCrs(text: string): string | null {
  const digits = /^\s*(?:epsg\s*:?\s*)?(\d{4,5})\s*$/i.exec(text)?.[1];
  if (!digits || !GK_EPSG_CODES.includes(Number(digits))) return null;
  return `EPSG:${digits}`;
}

/** The CRS the selection names ('' when none or when the typed code is not valid yet). */
export function crsOf(selection: CrsSelection): string {
  if (selection.preset === GK_CHOICE) return gkCrs(selection.gkCode) ?? '';
  return selection.preset;
}
