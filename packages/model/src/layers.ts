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
  code: SchoolCode,
  name: z.string().min(1),
  type: schoolType.schema,
  address: z.string(),
  students: z.number().int().min(0),
  boarding: z.boolean().describe('寄宿制 boarding'),
  campus: Areal.nullable().describe('校园边界 campus outline (walls or site edge)'),
  gates: z.array(Gate),
  adminCode: AdminCode,
});

export const StoreProps = z.object({
  name: z.string().min(1),
  categories: z.array(storeCategory.schema).min(1).describe('a shop may hold several (烟酒店)'),
  entertainmentSubtype: entertainmentSubtype.schema.nullable(),
  licenceNo: z.string().nullable(),
  licenceExpiry: IsoDate.nullable(),
  address: z.string(),
  uncertaintyM: z.number().min(0).describe('positional uncertainty, metres'),
  adminCode: AdminCode.nullable(),
});

export const HazardProps = z.object({
  code: z.string().min(1).describe('隐患点编号'),
  name: z.string().min(1),
  type: hazardType.schema,
  scale: hazardScale.schema,
  threatZone: Areal.nullable().describe('危险区 delimited by specialists'),
  assumedThreatRadiusM: z
    .number()
    .positive()
    .nullable()
    .describe('an ASSUMPTION used only where no threat zone exists; not a legal distance'),
  threatenedPeople: z.number().int().min(0),
  threatenedObjects: z.string(),
  monitor: Person.nullable().describe('监测员'),
  status: hazardStatus.schema,
  adminCode: AdminCode.nullable(),
});

export const WaterSafety = z.object({
  warningSign: z.boolean().describe('警示牌'),
  lifebuoy: z.boolean().describe('救生圈'),
  lifeRope: z.boolean().describe('救生绳'),
  lifePole: z.boolean().describe('救生杆'),
  guardrail: z.boolean().describe('护栏/围栏'),
});

export const WaterProps = z.object({
  name: z.string().min(1),
  kind: waterKind.schema,
  safety: WaterSafety,
  responsibleUnit: z.string().describe('责任单位 (村组/社区)'),
  responsiblePerson: Person.nullable().describe('责任人'),
  adminCode: AdminCode.nullable(),
});

export const BusStop = z.object({ name: z.string().min(1), position: Position });

export const RouteProps = z.object({
  name: z.string().min(1),
  schoolCodes: z.array(SchoolCode).min(1),
  operator: z.string(),
  plate: z.string().describe('车牌号'),
  approvedOn: IsoDate.describe('线路审批日期'),
  stops: z.array(BusStop),
  speedLimitKmh: z.number().positive(),
});

export const RoadProps = z.object({
  name: z.string(),
  class: roadClass.schema,
  walkable: z.boolean(),
});

export const PipelineProps = z.object({
  name: z.string().min(1),
  kind: pipelineKind.schema,
  voltageKv: z.number().positive().nullable(),
  operator: z.string(),
});

export const AdminAreaProps = z.object({
  code: AdminCode,
  name: z.string().min(1),
  level: adminLevel.schema,
  parentCode: AdminCode.nullable(),
});

function layer<G extends z.ZodType, P extends z.ZodObject>(spec: {
  label: string;
  geometry: G;
  properties: P;
}) {
  const feature = z.object({
    type: z.literal('Feature'),
    id: z.string().min(1).max(64),
    geometry: spec.geometry,
    properties: spec.properties.extend({ provenance: Provenance }),
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
