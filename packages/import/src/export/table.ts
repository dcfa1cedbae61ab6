import { LAYERS, type AnyFeature, type LayerName } from '@atlas/model';
import type { z } from 'zod';

// A layer as a flat table for CSV and XLSX: id, then 经度/纬度 for point layers (or the
// geometry as GeoJSON text), then one column per property, headed "中文(key)" so a person
// reads it and the importer maps it back. Lists are joined with 、; objects are JSON.

export interface ExportColumn {
  header: string;
  value: (f: AnyFeature) => string | number | boolean | null;
}

const LIST_SEPARATOR = '、';
const POINT_LAYERS = new Set<LayerName>(['schools', 'stores', 'hazards']);

function chineseLabel(schema: z.ZodType, key: string): string {
  const description = schema.description ?? '';
  const first = description.split(/\s/)[0] ?? '';
  return /[\u4e00-\u9fff]/.test(first) ? first : key;
}

function cell(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v))
    return v.every((x) => typeof x !== 'object') ? v.join(LIST_SEPARATOR) : JSON.stringify(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return v as string | number | boolean;
}

export function exportColumns(layer: LayerName): ExportColumn[] {
  const props = LAYERS[layer].feature.shape.properties as unknown as z.ZodObject<z.ZodRawShape>;
  const columns: ExportColumn[] = [{ header: 'id', value: (f) => f.id }];
  if (POINT_LAYERS.has(layer)) {
    columns.push(
      {
        header: '经度(lng)',
        value: (f) => (f.geometry.type === 'Point' ? f.geometry.coordinates[0] : null),
      },
      {
        header: '纬度(lat)',
        value: (f) => (f.geometry.type === 'Point' ? f.geometry.coordinates[1] : null),
      },
    );
  } else {
    columns.push({ header: '几何(geometry)', value: (f) => JSON.stringify(f.geometry) });
  }
  for (const [key, schema] of Object.entries(props.shape)) {
    if (key === 'provenance') continue;
    columns.push({
      header: `${chineseLabel(schema as z.ZodType, key)}(${key})`,
      value: (f) => cell((f.properties as Record<string, unknown>)[key]),
    });
  }
  columns.push(
    { header: '数据来源(source)', value: (f) => f.properties.provenance.source },
    { header: '导入时间(importedAt)', value: (f) => f.properties.provenance.importedAt },
    { header: '原始坐标系(originalCrs)', value: (f) => f.properties.provenance.originalCrs },
  );
  return columns;
}
