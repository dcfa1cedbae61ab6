import type { LayerName } from '@atlas/model';

// Each layer's fields as registers carry them: the header texts used for the field (best
// first; see detect/columns.ts), how to parse a cell, and whether a row needs it.
// Derived fields (a store's categories, a school's id) are built in layers/<layer>.ts.

export type FieldKind = 'text' | 'int' | 'number' | 'bool' | 'date' | 'code';

export interface FieldSpec {
  field: string;
  kind: FieldKind;
  required: boolean;
  synonyms: readonly string[];
}

export type GeometryKind = 'point' | 'line' | 'areal' | 'line-or-areal';

export interface LayerSpec {
  geometry: GeometryKind;
  /** The property that identifies a feature across re-imports, if the layer has one. */
  key: string | null;
  /** Feature ids start with this. */
  idPrefix: string;
  fields: readonly FieldSpec[];
}

const f = (
  field: string,
  kind: FieldKind,
  synonyms: readonly string[],
  required = false,
): FieldSpec => ({ field, kind, required, synonyms });

const ADMIN_CODE = f('adminCode', 'code', [
  '区划代码',
  '行政区划代码',
  '所在地区划代码',
  '村级区划代码',
  'xzqdm',
]);
/** A source's own id, for layers without a model key (never 序号/FID: those renumber). */
const SOURCE_ID = f('sourceId', 'text', ['id', '编号', '标识码', 'bsm']);

export const LAYER_SPECS: Record<LayerName, LayerSpec> = {
  stores: {
    geometry: 'point',
    key: 'licenceNo',
    idPrefix: 'sto',
    fields: [
      f(
        'name',
        'text',
        [
          '名称',
          '店名',
          '门店名称',
          '商户名称',
          '场所名称',
          '单位名称',
          '企业名称',
          '字号名称',
          '经营者名称',
          'mc',
        ],
        true,
      ),
      f('category', 'text', [
        '类型',
        '类别',
        'categories',
        '场所类型',
        '门店类型',
        '经营类别',
        '行业',
        '业态',
        'category',
        'lx',
      ]),
      f('scope', 'text', ['经营范围', '许可范围', '许可项目', '经营项目', 'scope']),
      f('address', 'text', ['地址', '经营地址', '经营场所', '详细地址', '住所', 'address', 'dz']),
      f('licenceNo', 'text', [
        '许可证号',
        '许可证编号',
        '证号',
        '许可证',
        'licence',
        'license',
        'licenseno',
      ]),
      f('licenceExpiry', 'date', [
        '有效期至',
        '许可证有效期至',
        '有效期',
        '到期日期',
        '有效期限',
        'expiry',
      ]),
      f('uncertaintyM', 'number', ['定位误差', '误差', 'uncertainty']),
      ADMIN_CODE,
    ],
  },
  schools: {
    geometry: 'point',
    key: 'code',
    idPrefix: 'sch',
    fields: [
      f('code', 'text', ['学校标识码', '标识码', '学校代码'], true),
      f('name', 'text', ['学校名称', '名称', '校名', 'mc'], true),
      f('type', 'text', ['学校类型', '办学类型', '学校类别', '类型', 'type'], true),
      f('address', 'text', ['地址', '学校地址', '详细地址', '校址', 'dz']),
      f('students', 'int', ['在校生数', '在校学生数', '学生数', '学生人数', 'students']),
      f('boarding', 'bool', ['寄宿制', '是否寄宿', '是否寄宿制', '寄宿', 'boarding']),
      { ...ADMIN_CODE, required: true },
    ],
  },
  hazards: {
    geometry: 'point',
    key: 'code',
    idPrefix: 'haz',
    fields: [
      f('code', 'text', ['隐患点编号', '统一编号', '灾害点编号', '野外编号', '编号'], true),
      f('name', 'text', ['隐患点名称', '灾害点名称', '名称', 'mc']),
      f('type', 'text', ['灾害类型', '灾种', '类型'], true),
      f('scale', 'text', ['规模', '规模等级'], true),
      f('threatenedPeople', 'int', ['威胁人口', '威胁人数', '受威胁人口', '威胁人口(人)']),
      f('threatenedObjects', 'text', ['威胁对象', '威胁对象及范围']),
      f('monitor', 'text', ['监测员', '监测人', '群测群防员', '监测责任人']),
      f('monitorPhone', 'text', ['监测员电话', '监测员联系电话', '联系电话', '电话']),
      f('status', 'text', ['状态', '隐患点状态']),
      f('township', 'text', ['乡镇', '乡镇街道', '乡镇(街道)', '镇']),
      f('village', 'text', ['村', '村(社区)', '行政村', '村委会']),
      f('place', 'text', ['具体位置', '位置', '地理位置', '详细位置']),
      ADMIN_CODE,
    ],
  },
  water: {
    geometry: 'line-or-areal',
    key: null,
    idPrefix: 'wat',
    fields: [
      SOURCE_ID,
      f('name', 'text', ['水域名称', '危险水域名称', '名称', 'mc'], true),
      f('kind', 'text', ['水域类型', '类型', '类别', 'lx'], true),
      f('warningSign', 'bool', ['警示牌', '警示标志', '警示标牌']),
      f('lifebuoy', 'bool', ['救生圈']),
      f('lifeRope', 'bool', ['救生绳']),
      f('lifePole', 'bool', ['救生杆', '救生竿']),
      f('guardrail', 'bool', ['护栏', '围栏', '防护栏', '护栏围栏']),
      f('responsibleUnit', 'text', ['责任单位', '管理单位', '村组', '所属村组']),
      f('responsiblePerson', 'text', ['责任人', '管护人', '巡查员', '安全责任人']),
      f('responsiblePhone', 'text', ['责任人电话', '联系电话', '电话']),
      f('village', 'text', ['村', '村(社区)', '行政村']),
      ADMIN_CODE,
    ],
  },
  admin_areas: {
    geometry: 'areal',
    key: 'code',
    idPrefix: 'adm',
    fields: [
      f('code', 'code', ['区划代码', '行政区划代码', '代码', 'xzqdm', 'code'], true),
      f('name', 'text', ['名称', '行政区名称', '区划名称', 'xzqmc', 'name'], true),
      f('level', 'text', ['级别', '层级', 'level']),
      f('parentCode', 'code', ['上级代码', '上级区划代码', 'parentcode']),
    ],
  },
  roads: {
    geometry: 'line',
    key: null,
    idPrefix: 'rd',
    fields: [
      SOURCE_ID,
      f('name', 'text', ['道路名称', '路名', '名称', 'mc', 'name']),
      f('class', 'text', ['道路等级', '技术等级', '等级', '行政等级', 'class', 'dj'], true),
      f('walkable', 'bool', ['可步行', '步行', 'walkable']),
    ],
  },
  pipelines: {
    geometry: 'line',
    key: null,
    idPrefix: 'pl',
    fields: [
      SOURCE_ID,
      f('name', 'text', ['名称', '线路名称', '管线名称', 'mc', 'name'], true),
      f('kind', 'text', ['管线类型', '类型', 'kind'], true),
      f('voltageKv', 'number', ['电压等级', '电压', '电压(kv)', 'voltage']),
      f('operator', 'text', ['权属单位', '运营单位', '管理单位', 'operator']),
    ],
  },
  routes: {
    geometry: 'line',
    key: null,
    idPrefix: 'rt',
    fields: [
      SOURCE_ID,
      f('name', 'text', ['线路名称', '名称', 'name'], true),
      f('schoolCodes', 'text', ['学校标识码', '服务学校', '服务学校标识码', 'schoolcodes'], true),
      f('operator', 'text', ['运营单位', '承运单位', 'operator']),
      f('plate', 'text', ['车牌号', '车牌', 'plate']),
      f('approvedOn', 'date', ['审批日期', '批准日期', 'approvedon'], true),
      f('speedLimitKmh', 'number', ['限速', '限速(km/h)', 'speedlimit'], true),
    ],
  },
};
