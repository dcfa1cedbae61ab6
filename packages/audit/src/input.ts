import type { z } from 'zod';
import type {
  HazardProps,
  LineString,
  MultiPolygon,
  PipelineProps,
  Point,
  RoadProps,
  Polygon,
  SchoolProps,
  StoreProps,
  WaterProps,
} from '@atlas/model';
import type { StoreColumns } from './store-columns.ts';

// What the audit reads: in-memory features of the model's layers. Only the fields the audit
// uses are required (provenance is not), so features straight from the store or a test fit.
// Properties are inferred from the model's schemas — the one definition of each layer.

interface FeatureOf<G, P extends z.ZodType> {
  id: string;
  geometry: G;
  properties: z.infer<P>;
}

export type AuditSchool = FeatureOf<Point, typeof SchoolProps>;
export type AuditStore = FeatureOf<Point, typeof StoreProps>;
export type AuditHazard = FeatureOf<Point, typeof HazardProps>;
export type AuditWater = FeatureOf<Polygon | MultiPolygon | LineString, typeof WaterProps>;
export type AuditPipeline = FeatureOf<LineString, typeof PipelineProps>;
export type AuditRoad = FeatureOf<LineString, typeof RoadProps>;

/** The same with stores as columns (store-columns.ts): what the province-scale loader gives. */
export type ColumnarAuditInput = Omit<AuditInput, 'stores'> & { stores: StoreColumns };

export interface AuditInput {
  schools: readonly AuditSchool[];
  stores: readonly AuditStore[];
  hazards?: readonly AuditHazard[];
  water?: readonly AuditWater[];
  pipelines?: readonly AuditPipeline[];
  /** Roads: the walkable ones form the network for walking distances. */
  roads?: readonly AuditRoad[];
}
