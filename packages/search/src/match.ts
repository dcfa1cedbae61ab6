import type { Entry } from './entries.ts';
import { isLatinLetters } from './normalize.ts';
import type { MatchedField } from './result.ts';

// How well one normalised query token matches one record: the best of its fields, where a
// whole-name match beats a prefix, a prefix beats a substring, and the name beats pinyin,
// which beats the address, which beats the area the record lies in.

/** Points for each field when the token equals it, starts it, or occurs in it. */
export const FIELD_POINTS: Record<MatchedField, { exact: number; prefix: number; within: number }> =
  {
    name: { exact: 100, prefix: 90, within: 80 },
    initials: { exact: 75, prefix: 70, within: 60 },
    pinyin: { exact: 72, prefix: 65, within: 55 },
    address: { exact: 45, prefix: 42, within: 40 },
    admin_area: { exact: 35, prefix: 32, within: 30 },
  };

export type TokenMatch = { field: MatchedField; points: number };

export function pointsFor(field: MatchedField, key: string, token: string): number | null {
  if (key === '' || !key.includes(token)) return null;
  const p = FIELD_POINTS[field];
  if (key === token) return p.exact;
  return key.startsWith(token) ? p.prefix : p.within;
}

export function matchToken(entry: Entry, token: string): TokenMatch | null {
  const latin = isLatinLetters(token);
  const candidates: [MatchedField, string][] = [
    ['name', entry.keys.name],
    ...(latin
      ? ([
          ['initials', entry.keys.initials],
          ['pinyin', entry.keys.pinyin],
        ] as [MatchedField, string][])
      : []),
    ['address', entry.keys.address],
    ['admin_area', entry.keys.adminPath],
  ];
  let best: TokenMatch | null = null;
  for (const [field, key] of candidates) {
    const points = pointsFor(field, key, token);
    if (points !== null && (!best || points > best.points)) best = { field, points };
  }
  return best;
}

/** The field a score's points came from (each field's points differ from every other's). */
export function fieldOfPoints(points: number): MatchedField {
  for (const [field, p] of Object.entries(FIELD_POINTS) as [
    MatchedField,
    typeof FIELD_POINTS.name,
  ][]) {
    if (points === p.exact || points === p.prefix || points === p.within) return field;
  }
  throw new Error(`no field gives ${points} points: expected one of FIELD_POINTS`);
}
