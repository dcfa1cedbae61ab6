import { PROHIBITED_GROUPS } from '@atlas/model';
import type { SchoolType } from '@atlas/model';

// The district filters: they narrow the map and every list together. An empty list means
// "all"; township is a 9-digit 乡镇 code or null for the whole county.

export type ProhibitedGroup = keyof typeof PROHIBITED_GROUPS;
export const PROHIBITED_GROUP_KEYS = Object.keys(PROHIBITED_GROUPS) as ProhibitedGroup[];
export const FINDING_STATUSES = ['violation', 'borderline', 'monitor', 'clear'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export type Filters = {
  categories: ProhibitedGroup[];
  schoolTypes: SchoolType[];
  township: string | null;
  statuses: FindingStatus[];
};

export const NO_FILTERS: Filters = {
  categories: [],
  schoolTypes: [],
  township: null,
  statuses: [],
};

/** 乡镇 code of a 12-digit village or 9-digit township code (统计用区划代码 prefix). */
export const TOWNSHIP_CODE_DIGITS = 9;
export const townshipOf = (adminCode: string | null): string | null =>
  adminCode && adminCode.length >= TOWNSHIP_CODE_DIGITS
    ? adminCode.slice(0, TOWNSHIP_CODE_DIGITS)
    : null;

export const passes = <T>(chosen: readonly T[], value: T) =>
  chosen.length === 0 || chosen.includes(value);

export const inTownship = (filters: Filters, adminCode: string | null) =>
  filters.township === null || townshipOf(adminCode) === filters.township;

/** The prohibited group a finding's store category belongs to, or null for other targets. */
export function groupOfCategory(category: string): ProhibitedGroup | null {
  for (const key of PROHIBITED_GROUP_KEYS) {
    if ((PROHIBITED_GROUPS[key].categories as readonly string[]).includes(category)) return key;
  }
  return null;
}

export const isFiltered = (f: Filters) =>
  f.categories.length + f.schoolTypes.length + f.statuses.length > 0 || f.township !== null;

/** The finding categories (store categories) of the chosen prohibited groups. */
export function categoriesOfGroups(groups: readonly ProhibitedGroup[]): string[] {
  return groups.flatMap((g) => [...PROHIBITED_GROUPS[g].categories]);
}

/** The filters as the summary and list API takes them. */
export function summaryFilters(f: Filters) {
  return {
    categories: categoriesOfGroups(f.categories),
    statuses: f.statuses,
    schoolTypes: f.schoolTypes,
    township: f.township,
  };
}
