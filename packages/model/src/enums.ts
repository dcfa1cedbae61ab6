import { z } from 'zod';

// Every enum is written once, as value → 中文 label. The value is the stable English key
// stored in the database and the API; the label is the legal/official Chinese term.

function labelled<const L extends Record<string, string>>(labels: L) {
  const keys = Object.keys(labels) as [keyof L & string, ...(keyof L & string)[]];
  return { schema: z.enum(keys), labels };
}

export const schoolType = labelled({
  kindergarten: '托儿所/幼儿园',
  primary: '小学',
  junior: '初中',
  nine_year: '九年一贯制学校',
  senior: '高中',
  complete_secondary: '完全中学',
  vocational: '中等职业学校',
  special: '特殊教育学校',
  reform: '专门学校',
  university: '高等学校',
  training: '校外培训机构',
});
export type SchoolType = z.infer<typeof schoolType.schema>;

export const gateKind = labelled({ main: '正门', side: '侧门', back: '后门' });

export const storeCategory = labelled({
  internet_cafe: '网吧',
  entertainment: '娱乐场所',
  lottery: '彩票销售点',
  tobacco: '烟草销售点',
  ecig: '电子烟销售点',
  adult: '成人用品店',
  liquor: '酒水销售店',
  other: '其他',
});
export type StoreCategory = z.infer<typeof storeCategory.schema>;

/** The five prohibited store types of the campaign (五类场所); ecig counts with tobacco. */
export const PROHIBITED_GROUPS = {
  internet_entertainment: {
    label: '网吧及娱乐场所',
    categories: ['internet_cafe', 'entertainment'],
  },
  lottery: { label: '彩票销售点', categories: ['lottery'] },
  tobacco: { label: '烟草销售点', categories: ['tobacco', 'ecig'] },
  adult: { label: '成人用品店', categories: ['adult'] },
  liquor: { label: '酒水销售店', categories: ['liquor'] },
} as const satisfies Record<string, { label: string; categories: readonly StoreCategory[] }>;

export const entertainmentSubtype = labelled({
  ktv: 'KTV',
  dance_hall: '歌舞厅',
  arcade: '游艺厅',
  bar: '酒吧',
  other: '其他娱乐场所',
});

export const hazardType = labelled({
  landslide: '滑坡',
  debris_flow: '泥石流',
  rockfall: '崩塌',
  ground_collapse: '地面塌陷',
  karst_collapse: '岩溶塌陷',
  unstable_slope: '不稳定斜坡',
  piping: '管涌',
});

export const hazardScale = labelled({
  small: '小型',
  medium: '中型',
  large: '大型',
  huge: '特大型',
});

export const hazardStatus = labelled({
  active: '在册',
  monitoring: '监测中',
  treated: '已治理',
  cancelled: '已核销',
});

export const waterKind = labelled({
  river: '河流',
  reservoir: '水库',
  mountain_pond: '山塘',
  pond: '池塘',
  ditch: '沟渠',
  pit: '采砂/矿坑',
  lake: '湖泊',
  dam: '拦河坝闸',
});

export const roadClass = labelled({
  expressway: '高速公路',
  national: '国道',
  provincial: '省道',
  county: '县道',
  township: '乡道',
  village: '村道',
  urban_arterial: '城市主干路',
  urban_secondary: '城市次干路',
  local: '支路',
  path: '步行道',
});

export const pipelineKind = labelled({
  hv_power: '高压电力线',
  gas: '长输燃气管道',
  oil: '长输输油管道',
});

export const adminLevel = labelled({ county: '县/区', township: '乡镇/街道', village: '村/社区' });
