import { schoolType } from '@atlas/model';
import type { SchoolType } from '@atlas/model';
import { THEMES } from '../../map/palette.ts';
import type { Theme } from '../../map/palette.ts';
import { FINDING_STATUSES, NO_FILTERS, PROHIBITED_GROUP_KEYS } from '../filters/filters.ts';
import type { Filters, FindingStatus, ProhibitedGroup } from '../filters/filters.ts';

// The view as a URL query, so that a link reopens the same view:
//   ?at=111.30000,30.80000,13.50&school=sch-001&off=roads,stores.other&theme=dark
//    &cat=lottery,tobacco&type=primary&town=420599001&status=violation&view=district
// Unknown or malformed parts are dropped, never fatal: an old link still opens the atlas.

export type Panel = 'layers' | 'district';
export type ViewState = {
  /** Map centre [lng, lat] and zoom, or null to fit the data. */
  camera: { center: [number, number]; zoom: number } | null;
  school: string | null;
  hidden: string[];
  theme: Theme;
  filters: Filters;
  panel: Panel;
};

export const DEFAULT_VIEW: ViewState = {
  camera: null,
  school: null,
  hidden: [],
  theme: 'light',
  filters: NO_FILTERS,
  panel: 'layers',
};

/** Decimal places kept: 1e-5° is about a metre, 0.01 zoom is invisible. */
const COORD_DECIMALS = 5;
const ZOOM_DECIMALS = 2;
const ID_PATTERN = /^[\w.-]{1,64}$/;
const TOWNSHIP_PATTERN = /^\d{9}$/;

const list = (raw: string | null) => (raw ? raw.split(',').filter((s) => s !== '') : []);
const only = <T extends string>(allowed: readonly T[], raw: string | null): T[] =>
  list(raw).filter((s): s is T => (allowed as readonly string[]).includes(s));

function parseCamera(raw: string | null): ViewState['camera'] {
  const parts = list(raw).map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lng, lat, zoom] = parts as [number, number, number];
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90 || zoom < 0 || zoom > 24) return null;
  return { center: [lng, lat], zoom };
}

export function parseViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const school = q.get('school');
  const theme = q.get('theme');
  const town = q.get('town');
  return {
    camera: parseCamera(q.get('at')),
    school: school && ID_PATTERN.test(school) ? school : null,
    hidden: list(q.get('off')).filter((id) => ID_PATTERN.test(id)),
    theme: (THEMES as readonly string[]).includes(theme ?? '') ? (theme as Theme) : 'light',
    filters: {
      categories: only<ProhibitedGroup>(PROHIBITED_GROUP_KEYS, q.get('cat')),
      schoolTypes: only<SchoolType>(schoolType.schema.options, q.get('type')),
      township: town && TOWNSHIP_PATTERN.test(town) ? town : null,
      statuses: only<FindingStatus>(FINDING_STATUSES, q.get('status')),
    },
    panel: q.get('view') === 'district' ? 'district' : 'layers',
  };
}

export function formatViewState(v: ViewState): string {
  const q = new URLSearchParams();
  if (v.camera) {
    const [lng, lat] = v.camera.center;
    q.set(
      'at',
      [
        lng.toFixed(COORD_DECIMALS),
        lat.toFixed(COORD_DECIMALS),
        v.camera.zoom.toFixed(ZOOM_DECIMALS),
      ].join(','),
    );
  }
  if (v.school) q.set('school', v.school);
  if (v.hidden.length) q.set('off', [...v.hidden].sort().join(','));
  if (v.theme !== 'light') q.set('theme', v.theme);
  if (v.filters.categories.length) q.set('cat', v.filters.categories.join(','));
  if (v.filters.schoolTypes.length) q.set('type', v.filters.schoolTypes.join(','));
  if (v.filters.township) q.set('town', v.filters.township);
  if (v.filters.statuses.length) q.set('status', v.filters.statuses.join(','));
  if (v.panel !== 'layers') q.set('view', v.panel);
  const s = q.toString().replaceAll('%2C', ',');
  return s ? `?${s}` : '';
}
