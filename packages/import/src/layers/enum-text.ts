import {
  adminLevel,
  hazardScale,
  hazardStatus,
  hazardType,
  pipelineKind,
  roadClass,
  schoolType,
  waterKind,
} from '@atlas/model';

// The words registers use for an enum value → the model's key. The model's keys and
// labels always match; the aliases below add the usual variants. Exact text wins, then
// the longest alias the text contains (so 特大型 is huge, not large).

type Labelled = { labels: Record<string, string> };

const ALIASES: Record<string, Record<string, string>> = {
  schoolType: {
    幼儿园: 'kindergarten',
    托儿所: 'kindergarten',
    小学: 'primary',
    初级中学: 'junior',
    初中: 'junior',
    九年一贯制: 'nine_year',
    高级中学: 'senior',
    高中: 'senior',
    完全中学: 'complete_secondary',
    中等职业: 'vocational',
    职业高中: 'vocational',
    职高: 'vocational',
    中职: 'vocational',
    技工学校: 'vocational',
    特殊教育: 'special',
    特教: 'special',
    专门学校: 'reform',
    工读: 'reform',
    高等学校: 'university',
    大学: 'university',
    学院: 'university',
    培训: 'training',
  },
  hazardType: {
    滑坡: 'landslide',
    泥石流: 'debris_flow',
    崩塌: 'rockfall',
    危岩: 'rockfall',
    地面塌陷: 'ground_collapse',
    岩溶塌陷: 'karst_collapse',
    不稳定斜坡: 'unstable_slope',
    管涌: 'piping',
  },
  hazardScale: {
    小型: 'small',
    小: 'small',
    中型: 'medium',
    中: 'medium',
    大型: 'large',
    大: 'large',
    特大型: 'huge',
    巨型: 'huge',
  },
  hazardStatus: {
    在册: 'active',
    监测: 'monitoring',
    治理: 'treated',
    核销: 'cancelled',
    销号: 'cancelled',
  },
  waterKind: {
    河流: 'river',
    河道: 'river',
    江: 'river',
    河: 'river',
    水库: 'reservoir',
    山塘: 'mountain_pond',
    池塘: 'pond',
    鱼塘: 'pond',
    塘: 'pond',
    沟渠: 'ditch',
    渠: 'ditch',
    沟: 'ditch',
    采砂: 'pit',
    矿坑: 'pit',
    坑: 'pit',
    湖泊: 'lake',
    湖: 'lake',
    拦河坝: 'dam',
    坝: 'dam',
    闸: 'dam',
  },
  roadClass: {
    高速: 'expressway',
    国道: 'national',
    省道: 'provincial',
    县道: 'county',
    乡道: 'township',
    村道: 'village',
    主干路: 'urban_arterial',
    主干道: 'urban_arterial',
    次干路: 'urban_secondary',
    次干道: 'urban_secondary',
    支路: 'local',
    步行: 'path',
    人行道: 'path',
  },
  pipelineKind: {
    高压: 'hv_power',
    电力: 'hv_power',
    输电: 'hv_power',
    燃气: 'gas',
    天然气: 'gas',
    输油: 'oil',
    石油: 'oil',
    成品油: 'oil',
  },
  adminLevel: {
    县: 'county',
    区: 'county',
    乡: 'township',
    镇: 'township',
    街道: 'township',
    村: 'village',
    社区: 'village',
  },
};

export const ENUMS = {
  schoolType,
  hazardType,
  hazardScale,
  hazardStatus,
  waterKind,
  roadClass,
  pipelineKind,
  adminLevel,
} satisfies Record<string, Labelled>;
export type EnumName = keyof typeof ENUMS;

const tables = new Map<EnumName, [string, string][]>();

function table(name: EnumName): [string, string][] {
  let t = tables.get(name);
  if (!t) {
    const pairs: [string, string][] = Object.entries(ENUMS[name].labels).flatMap(([key, label]) => [
      [key, key],
      [label, key],
      ...label.split('/').map((part): [string, string] => [part, key]),
    ]);
    t = [...pairs, ...Object.entries(ALIASES[name] ?? {})].sort(
      (a, b) => b[0].length - a[0].length,
    );
    tables.set(name, t);
  }
  return t;
}

/** The enum key a text names, or null. */
export function enumValue(name: EnumName, raw: string): string | null {
  const text = raw.normalize('NFKC').trim().toLowerCase();
  if (!text) return null;
  const t = table(name);
  return (
    t.find(([word]) => word.toLowerCase() === text)?.[1] ??
    t.find(([word]) => text.includes(word.toLowerCase()))?.[1] ??
    null
  );
}

export function enumChoices(name: EnumName): string {
  return Object.entries(ENUMS[name].labels)
    .map(([k, l]) => `${l} (${k})`)
    .join(', ');
}
