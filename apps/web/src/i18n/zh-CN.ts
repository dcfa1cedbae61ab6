import {
  adminLevel,
  entertainmentSubtype,
  gateKind,
  hazardScale,
  hazardStatus,
  hazardType,
  pipelineKind,
  PROHIBITED_GROUPS,
  roadClass,
  schoolType,
  storeCategory,
  waterKind,
} from '@atlas/model';
import type { LayerName } from '@atlas/model';

// Every string the user sees, in Simplified Chinese. Another language is added by writing a
// second object of type Messages and choosing it in ./index.ts. Enum labels are the official
// Chinese terms kept once in @atlas/model; this file only points at them.

/** Widens literal label types to string, so that a second language can supply its own. */
const words = <K extends string>(labels: Record<K, string>): Readonly<Record<K, string>> => labels;

export const zhCN = {
  appTitle: '校园周边风险地图',
  demoBanner: '虚构演示数据',
  demoBannerHint: '本图所示学校、门店、隐患点等均为虚构，仅供演示',
  mapLabel: '地图：方向键平移，加号/减号缩放',

  /** Labels of MapLibre's own controls (its locale keys). */
  mapControls: {
    'Map.Title': '地图',
    'NavigationControl.ResetBearing': '拖动旋转地图，单击恢复正北',
    'NavigationControl.ZoomIn': '放大',
    'NavigationControl.ZoomOut': '缩小',
    'Popup.Close': '关闭',
    'ScaleControl.Meters': '米',
    'ScaleControl.Kilometers': '千米',
  } as Record<string, string>,

  status: {
    loadingLayerList: '正在加载图层列表…',
    loadingFeatures: (done: number, total: number) => `正在加载图层数据（${done}/${total}）…`,
    layerListFailed: (detail: string) => `图层列表加载失败：${detail}`,
    layerFailed: (label: string, detail: string) => `图层“${label}”加载失败：${detail}`,
    ready: (features: number) => `已加载 ${features} 个要素`,
    noData: '数据库中还没有任何数据。',
    retry: '重试',
  },

  errors: {
    network: '无法连接服务器，请检查服务是否已启动',
    serverUnavailable: (status: number) => `服务器暂时不可用（HTTP ${status}），请稍后重试`,
    badResponse: (status: number) => `服务器返回了无法识别的响应（HTTP ${status}）`,
    httpStatus: (status: number, title: string) => `${title}（HTTP ${status}）`,
  },

  panel: {
    title: '图层',
    toggleLayer: (label: string) => `显示或隐藏“${label}”`,
    count: (n: number) => `${n.toLocaleString('zh-CN')} 个`,
    layerError: '加载失败',
    legend: '图例',
  },

  popup: {
    loading: '正在加载要素属性…',
    failed: (detail: string) => `属性加载失败：${detail}`,
    unnamed: '（未命名）',
  },

  /** Legend entries that are not enum values. */
  legend: {
    adminOutline: (level: string) => `${level}界线`,
    waterArea: '水面',
    waterLine: '河流/沟渠',
    majorRoads: '高速、国道、省道、城市主干路',
    minorRoads: '县道、乡道、村道及其他道路',
    threatZone: '危险区（专业划定）',
    hazardPoint: '隐患点',
    school: '学校',
    campus: '校园边界',
    gate: '校门',
    busRoute: '校车线路',
    otherStore: '其他门店',
  },

  /** One character drawn inside each map marker, so that a marker reads without colour. */
  markerGlyphs: {
    internet_entertainment: '网',
    lottery: '彩',
    tobacco: '烟',
    adult: '成',
    liquor: '酒',
    school: '校',
    hazard: '!',
  },

  values: {
    yes: '是',
    no: '否',
    none: '无',
    present: '有',
    absent: '缺',
    delimited: '已划定',
    notDelimited: '未划定',
    separator: '、',
    people: (n: number) => `${n.toLocaleString('zh-CN')} 人`,
    metres: (m: number) => `${m.toLocaleString('zh-CN')} 米`,
    kmh: (v: number) => `${v} 千米/小时`,
    kv: (v: number) => `${v} 千伏`,
    gates: (n: number) => `${n} 个`,
  },

  enums: {
    adminLevel: words(adminLevel.labels),
    entertainmentSubtype: words(entertainmentSubtype.labels),
    gateKind: words(gateKind.labels),
    hazardScale: words(hazardScale.labels),
    hazardStatus: words(hazardStatus.labels),
    hazardType: words(hazardType.labels),
    pipelineKind: words(pipelineKind.labels),
    roadClass: words(roadClass.labels),
    schoolType: words(schoolType.labels),
    storeCategory: words(storeCategory.labels),
    waterKind: words(waterKind.labels),
    prohibitedGroup: words({
      internet_entertainment: PROHIBITED_GROUPS.internet_entertainment.label,
      lottery: PROHIBITED_GROUPS.lottery.label,
      tobacco: PROHIBITED_GROUPS.tobacco.label,
      adult: PROHIBITED_GROUPS.adult.label,
      liquor: PROHIBITED_GROUPS.liquor.label,
    }),
  },

  /** Layer names as shown in the panel (the API also sends a label; this one wins offline). */
  layers: {
    admin_areas: '行政区划',
    water: '危险水域',
    roads: '道路',
    pipelines: '管线',
    routes: '校车线路',
    hazards: '地质灾害隐患点',
    schools: '学校',
    stores: '门店/经营场所',
  } satisfies Record<LayerName, string>,

  /** Attribute names, by property key. Shared keys (name, adminCode …) are written once. */
  fields: {
    id: '要素编号',
    name: '名称',
    code: '编码',
    adminCode: '所属区划代码',
    address: '地址',
    operator: '运营单位',
    // admin areas
    level: '级别',
    parentCode: '上级区划代码',
    // schools
    schoolCode: '学校标识码',
    type: '类型',
    students: '在校学生',
    boarding: '寄宿制',
    campus: '校园边界',
    gates: '校门',
    // stores
    categories: '经营类别',
    entertainmentSubtype: '娱乐场所类型',
    licenceNo: '许可证号',
    licenceExpiry: '许可证有效期至',
    uncertaintyM: '位置误差',
    // hazards
    hazardCode: '隐患点编号',
    scale: '规模',
    threatZone: '危险区',
    assumedThreatRadiusM: '假定威胁半径（非法定距离）',
    threatenedPeople: '威胁人数',
    threatenedObjects: '威胁对象',
    monitor: '监测员',
    status: '状态',
    // water
    kind: '类型',
    safety: '安全设施',
    responsibleUnit: '责任单位',
    responsiblePerson: '责任人',
    // routes
    schoolCodes: '服务学校标识码',
    plate: '车牌号',
    approvedOn: '线路审批日期',
    stops: '站点',
    speedLimitKmh: '限速',
    // roads and pipelines
    roadClass: '道路等级',
    walkable: '可步行',
    voltageKv: '电压',
    // provenance
    source: '数据来源',
    importedAt: '导入时间',
    originalCrs: '原始坐标系',
  },

  safety: {
    warningSign: '警示牌',
    lifebuoy: '救生圈',
    lifeRope: '救生绳',
    lifePole: '救生杆',
    guardrail: '护栏/围栏',
  },
};

export type Messages = typeof zhCN;
