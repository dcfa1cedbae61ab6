import type { StoreCategory } from '@atlas/model';
import { adminCodeAt, type AdminGrid } from './admin.ts';
import { scaledCount } from './extent.ts';
import { feature, isoDate, makeId, type ProvinceFeature } from './feature.ts';
import { address, shopName } from './names.ts';
import { cumulativeOf, forkRng, pickWeighted } from '../lib/rng.ts';
import { anywhere, nearTown, pickTown, type Towns } from './towns.ts';

// Stores: ≈9 % in the prohibited categories (some tobacco + liquor shops), the rest
// 'other'. Clustered around towns like the schools, so that shops crowd near campuses in
// the dense towns. Built one at a time: a million take seconds and no extra memory here.

const RURAL_SHARE = 0.08;
const ENTERTAINMENT_SUBTYPES = ['ktv', 'dance_hall', 'arcade', 'bar', 'other'] as const;
const UNCERTAINTIES_M = [5, 10, 20, 50];
const LICENCE_BASE_DATE = '2025-01-01';
const LICENCE_SPAN_DAYS = 1_460;

// [categories, share, name word, licence prefix or null]
const KINDS: [StoreCategory[], number, string, string | null][] = [
  [['internet_cafe'], 0.006, '网咖', '网文'],
  [['entertainment'], 0.01, '娱乐城', '娱经'],
  [['lottery'], 0.015, '彩票店', '彩销'],
  [['tobacco'], 0.028, '烟行', '烟零'],
  [['ecig'], 0.006, '电子烟', '烟零'],
  [['adult'], 0.005, '成人用品', null],
  [['liquor'], 0.015, '酒行', '酒零'],
  [['tobacco', 'liquor'], 0.008, '烟酒店', '烟零'],
  [['other'], 0.907, '便利店', null],
];
const KIND_CUMULATIVE = cumulativeOf(KINDS.map((k) => k[1]));
/** Licence expiry dates, made once: a million Date objects would be the slowest part. */
const EXPIRY_DATES = Array.from({ length: LICENCE_SPAN_DAYS }, (_, d) =>
  isoDate(LICENCE_BASE_DATE, d),
);

export const PROHIBITED_STORE_SHARE = 1 - KINDS[KINDS.length - 1]![1];

export function* stores(
  seed: number,
  scale: number,
  towns: Towns,
  grid: AdminGrid,
): Iterable<ProvinceFeature<'stores'>> {
  const rng = forkRng(seed, 'stores');
  const count = scaledCount('stores', scale);
  for (let n = 1; n <= count; n++) {
    const town = pickTown(rng, towns);
    const position = rng.chance(RURAL_SHARE) ? anywhere(rng) : nearTown(rng, town);
    const [categories, , word, licencePrefix] = KINDS[pickWeighted(rng, KIND_CUMULATIVE)]!;
    const licensed = licencePrefix !== null;
    yield feature(
      'stores',
      makeId('sto', n, 7),
      { type: 'Point', coordinates: position },
      {
        name: shopName(rng, word),
        categories: [...categories],
        entertainmentSubtype:
          categories[0] === 'entertainment' ? rng.pick(ENTERTAINMENT_SUBTYPES) : null,
        licenceNo: licensed ? `${licencePrefix}${String(n).padStart(8, '0')}` : null,
        licenceExpiry: licensed ? rng.pick(EXPIRY_DATES) : null,
        address: address(rng, town.name),
        uncertaintyM: rng.pick(UNCERTAINTIES_M),
        adminCode: adminCodeAt(grid, position),
      },
    );
  }
}
