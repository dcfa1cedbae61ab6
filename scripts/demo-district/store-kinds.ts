import type { StoreCategory } from '@atlas/model';
import type { DemoFeature } from './features.ts';
import { SHOP_WORDS, SURNAMES } from './names.ts';
import type { Rng } from '../lib/rng.ts';

// What a shop sells, its name and its licence, by kind. Prohibited kinds are about 15 % of
// all shops; 烟酒店 (tobacco + liquor) and supermarkets that also sell cigarettes show that a
// shop may hold several categories.

type Subtype = DemoFeature<'stores'>['properties']['entertainmentSubtype'];

export interface StoreKind {
  key: string;
  categories: StoreCategory[];
  subtype: Subtype;
  weight: number;
  name: (rng: Rng) => string;
  licence: (rng: Rng) => string | null;
}

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
const word = (rng: Rng) => rng.pick(SHOP_WORDS);
const tobaccoLicence = (rng: Rng) => `420599${digits(rng, 6)}`; // 烟草专卖零售许可证号
const foodLicence = (rng: Rng) => `JY1420599${digits(rng, 7)}`; // 食品经营许可证
const businessLicence = (rng: Rng) => `92420599MA${digits(rng, 7)}X`; // 统一社会信用代码 (个体户)
const cultureLicence = (rng: Rng) =>
  `鄂网文〔20${rng.int(19, 24)}〕${digits(rng, 4)}-${digits(rng, 3)}号`;
const entertainmentLicence = (rng: Rng) => `娱经字${digits(rng, 10)}`;
const lotteryLicence = (rng: Rng) => `福彩销字第${digits(rng, 8)}号`;

const OTHER_SHOPS = [
  '便利店',
  '超市',
  '面馆',
  '早餐店',
  '理发店',
  '大药房',
  '文具店',
  '手机店',
  '水果店',
  '服装店',
  '五金店',
  '农资店',
  '快递驿站',
  '餐馆',
  '奶茶店',
  '眼镜店',
  '书店',
  '母婴店',
];

export const STORE_KINDS: StoreKind[] = [
  {
    key: 'other',
    categories: ['other'],
    subtype: null,
    weight: 80,
    name: (r) => `${word(r)}${r.pick(OTHER_SHOPS)}`,
    licence: (r) => (r.chance(0.7) ? businessLicence(r) : null),
  },
  {
    key: 'market_tobacco',
    categories: ['other', 'tobacco'],
    subtype: null,
    weight: 3,
    name: (r) => `${word(r)}超市`,
    licence: tobaccoLicence,
  },
  {
    key: 'tobacco',
    categories: ['tobacco'],
    subtype: null,
    weight: 3,
    name: (r) => `${r.pick(SURNAMES)}记烟行`,
    licence: tobaccoLicence,
  },
  {
    key: 'tobacco_liquor',
    categories: ['tobacco', 'liquor'],
    subtype: null,
    weight: 3,
    name: (r) => (r.chance(0.5) ? `老${r.pick(SURNAMES)}烟酒店` : `${word(r)}烟酒商行`),
    licence: tobaccoLicence,
  },
  {
    key: 'liquor',
    categories: ['liquor'],
    subtype: null,
    weight: 1.5,
    name: (r) => `${word(r)}${r.pick(['酒行', '名酒坊', '散装白酒坊'])}`,
    licence: foodLicence,
  },
  {
    key: 'lottery',
    categories: ['lottery'],
    subtype: null,
    weight: 2,
    name: (r) => `${r.pick(['福彩', '体彩'])} ${digits(r, 4)} 投注站`,
    licence: lotteryLicence,
  },
  {
    key: 'internet_cafe',
    categories: ['internet_cafe'],
    subtype: null,
    weight: 1.2,
    name: (r) => `${word(r)}${r.pick(['网咖', '网吧'])}`,
    licence: cultureLicence,
  },
  {
    key: 'ktv',
    categories: ['entertainment'],
    subtype: 'ktv',
    weight: 0.6,
    name: (r) => `${word(r)} KTV`,
    licence: entertainmentLicence,
  },
  {
    key: 'dance_hall',
    categories: ['entertainment'],
    subtype: 'dance_hall',
    weight: 0.3,
    name: (r) => `${word(r)}歌舞厅`,
    licence: entertainmentLicence,
  },
  {
    key: 'arcade',
    categories: ['entertainment'],
    subtype: 'arcade',
    weight: 0.4,
    name: (r) => `${word(r)}电玩城`,
    licence: entertainmentLicence,
  },
  {
    key: 'bar',
    categories: ['entertainment', 'liquor'],
    subtype: 'bar',
    weight: 0.4,
    name: (r) => `${word(r)}酒吧`,
    licence: entertainmentLicence,
  },
  {
    key: 'ent_other',
    categories: ['entertainment'],
    subtype: 'other',
    weight: 0.2,
    name: (r) => `${word(r)}娱乐会所`,
    licence: entertainmentLicence,
  },
  {
    key: 'ecig',
    categories: ['ecig'],
    subtype: null,
    weight: 1,
    name: (r) => `${word(r)}电子烟`,
    licence: tobaccoLicence,
  },
  {
    key: 'adult',
    categories: ['adult'],
    subtype: null,
    weight: 0.7,
    name: (r) => (r.chance(0.3) ? '成人用品店' : `${word(r)}成人用品`),
    licence: businessLicence,
  },
];

export function pickKind(rng: Rng): StoreKind {
  const total = STORE_KINDS.reduce((s, k) => s + k.weight, 0);
  let x = rng.range(0, total);
  for (const k of STORE_KINDS) if ((x -= k.weight) < 0) return k;
  return STORE_KINDS[0]!;
}

export const isProhibited = (categories: readonly StoreCategory[]) =>
  categories.some((c) => c !== 'other');

/** An expiry date between 2023 (some lapsed) and 2029. */
export function expiry(rng: Rng): string {
  const y = rng.int(2023, 2029);
  const m = String(rng.int(1, 12)).padStart(2, '0');
  const d = String(rng.int(1, 28)).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
