import { z } from 'zod';
import {
  adminLevel,
  entertainmentSubtype,
  gateKind,
  hazardScale,
  hazardStatus,
  hazardType,
  pipelineKind,
  roadClass,
  schoolType,
  storeCategory,
  waterKind,
} from './enums.ts';
import { Areal, LineString, Point, Polygon, MultiPolygon, Position } from './geometry.ts';
import { IsoDate, Provenance } from './provenance.ts';

// One properties schema per atlas layer. Units are in the field name (…M metres, …Kmh).

/** 12-digit 统计用区划代码 (village), 9 (township) or 6 (county). */
export const AdminCode = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '6, 9 or 12 digits (区划代码)');
/** 学校标识码: the national 10-digit school code. */
export const SchoolCode = z.string().regex(/^\d{10}$/, '10 digits (学校标识码)');

const Person = z.object({ name: z.string().min(1), phone: z.string().optional() });

export const Gate = z.object({
  id: z.string().min(1),
  kind: gateKind.schema,
  studentUse: z.boolean().describe('学生通行 used by students'),
  position: Position,
});
export type Gate = z.infer<typeof Gate>;

export const SchoolProps = z.object({
  code: SchoolCode.describe('学校标识码 national 10-digit school code (the key)'),
  name: z.string().min(1).describe('学校名称 name'),
  type: schoolType.schema.describe('学校类型 school type'),
  address: z.string().describe('地址 address'),
  students: z.number().int().min(0).describe('在校学生数 students'),
  boarding: z.boolean().describe('寄宿制 boarding'),
  campus: Areal.nullable().describe('校园边界 campus outline (walls or site edge)'),
  gates: z.array(Gate).describe('校门 gates: { id, kind, studentUse, position }'),
  adminCode: AdminCode.describe('所在村/社区区划代码 admin area code'),
});

export const StoreProps = z.object({
  name: z.string().min(1).describe('名称 name'),
  categories: z.array(storeCategory.schema).min(1).describe('a shop may hold several (烟酒店)'),
  entertainmentSubtype: entertainmentSubtype.schema
    .nullable()
    .describe('娱乐场所类别 entertainment subtype'),
  licenceNo: z.string().nullable().describe('许可证号 licence number'),
  licenceExpiry: IsoDate.nullable().describe('许可证有效期至 licence expiry'),
  address: z.string().describe('地址 address'),
  uncertaintyM: z.number().min(0).describe('定位误差 positional uncertainty, metres'),
  adminCode: AdminCode.nullable().describe('区划代码 admin area code'),
});

export const HazardProps = z.object({
  code: z.string().min(1).describe('隐患点编号 hazard code'),
  name: z.string().min(1).describe('名称 name'),
  type: hazardType.schema.describe('灾害类型 hazard type'),
  scale: hazardScale.schema.describe('规模 scale'),
  threatZone: Areal.nullable().describe('危险区 delimited by specialists'),
  assumedThreatRadiusM: z
    .number()
    .positive()
    .nullable()
    .describe('an ASSUMPTION used only where no threat zone exists; not a legal distance'),
  threatenedPeople: z.number().int().min(0).describe('威胁人口 people threatened'),
  threatenedObjects: z.string().describe('威胁对象 objects threatened'),
  monitor: Person.nullable().describe('监测员 monitor'),
  status: hazardStatus.schema.describe('状态 status'),
  adminCode: AdminCode.nullable().describe('区划代码 admin area code'),
});

export const WaterSafety = z.object({
  warningSign: z.boolean().describe('警示牌'),
  lifebuoy: z.boolean().describe('救生圈'),
  lifeRope: z.boolean().describe('救生绳'),
  lifePole: z.boolean().describe('救生杆'),
  guardrail: z.boolean().describe('护栏/围栏'),
});

export const WaterProps = z.object({
  name: z.string().min(1).describe('名称 name'),
  kind: waterKind.schema.describe('水域类型 kind'),
  safety: WaterSafety.describe('“四个一”与护栏 warning sign, lifebuoy, rope, pole, guardrail'),
  responsibleUnit: z.string().describe('责任单位 (村组/社区) responsible unit'),
  responsiblePerson: Person.nullable().describe('责任人 responsible person'),
  adminCode: AdminCode.nullable().describe('所在村/社区 admin area code'),
});

export const BusStop = z.object({ name: z.string().min(1), position: Position });

export const RouteProps = z.object({
  name: z.string().min(1).describe('线路名称 name'),
  schoolCodes: z.array(SchoolCode).min(1).describe('服务学校 schools served (学校标识码)'),
  operator: z.string().describe('运营单位 operator'),
  plate: z.string().describe('车牌号 plate'),
  approvedOn: IsoDate.describe('审批日期 approval date'),
  stops: z.array(BusStop).describe('核准停靠站点 approved stops'),
  speedLimitKmh: z.number().positive().describe('限速 speed limit, km/h'),
});

export const RoadProps = z.object({
  name: z.string().describe('道路名称 name'),
  class: roadClass.schema.describe('道路等级 class'),
  walkable: z.boolean().describe('可步行 walkable (network for walking distances)'),
});

export const PipelineProps = z.object({
  name: z.string().min(1).describe('名称 name'),
  kind: pipelineKind.schema.describe('管线类型 kind'),
  voltageKv: z.number().positive().nullable().describe('电压等级 voltage, kV'),
  operator: z.string().describe('权属单位 operator'),
});

export const AdminAreaProps = z.object({
  code: AdminCode.describe('区划代码 code'),
  name: z.string().min(1).describe('名称 name'),
  level: adminLevel.schema.describe('级别 level'),
  parentCode: AdminCode.nullable().describe('上级区划代码 parent code'),
});

const ProvenanceField = Provenance.describe('来源 provenance: source, importedAt, originalCrs');

function layer<G extends z.ZodType, S extends z.ZodRawShape>(spec: {
  label: string;
  geometry: G;
  properties: z.ZodObject<S>;
}) {
  const properties = z.object({ ...spec.properties.shape, provenance: ProvenanceField });
  const feature = z.object({
    type: z.literal('Feature'),
    id: z.string().min(1).max(64),
    geometry: spec.geometry,
    properties,
  });
  return { ...spec, feature };
}

/** The atlas layers, in drawing order (bottom first). */
export const LAYERS = {
  admin_areas: layer({
    label: '行政区划',
    geometry: z.discriminatedUnion('type', [Polygon, MultiPolygon]),
    properties: AdminAreaProps,
  }),
  water: layer({
    label: '危险水域',
    geometry: z.discriminatedUnion('type', [Polygon, MultiPolygon, LineString]),
    properties: WaterProps,
  }),
  roads: layer({ label: '道路', geometry: LineString, properties: RoadProps }),
  pipelines: layer({ label: '管线', geometry: LineString, properties: PipelineProps }),
  routes: layer({ label: '校车线路', geometry: LineString, properties: RouteProps }),
  hazards: layer({ label: '地质灾害隐患点', geometry: Point, properties: HazardProps }),
  schools: layer({ label: '学校', geometry: Point, properties: SchoolProps }),
  stores: layer({ label: '门店/经营场所', geometry: Point, properties: StoreProps }),
} as const;

export type LayerName = keyof typeof LAYERS;
export const LAYER_NAMES = Object.keys(LAYERS) as LayerName[];
export const LayerNameSchema = z.enum(LAYER_NAMES as [LayerName, ...LayerName[]]);

export type LayerFeature<L extends LayerName> = z.infer<(typeof LAYERS)[L]['feature']>;
export type School = LayerFeature<'schools'>;
export type Store = LayerFeature<'stores'>;
export type Hazard = LayerFeature<'hazards'>;
export type Water = LayerFeature<'water'>;
export type Route = LayerFeature<'routes'>;
export type Road = LayerFeature<'roads'>;
export type Pipeline = LayerFeature<'pipelines'>;
export type AdminArea = LayerFeature<'admin_areas'>;
export type AnyFeature = LayerFeature<LayerName>;
