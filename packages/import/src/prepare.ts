import { gkZone, isSupportedCrs } from '@atlas/geo';
import { LAYER_SPECS } from './layers/index.ts';
import type { LayerName } from '@atlas/model';
import {
  COORDINATE_FIELDS,
  columnOf,
  detectColumns,
  fieldsOf,
  type ColumnMapping,
} from './detect/columns.ts';
import {
  detectCrs,
  detectSwap,
  magnitudeOf,
  type CrsDecision,
  type SwapDecision,
} from './detect/crs.ts';
import { headerText } from './detect/headers.ts';
import type { ImportOptions } from './options.ts';
import type { Problems } from './problems.ts';
import type { OpenedSource, SourceRecord } from './read/records.ts';
import { samplePositions } from './sample.ts';

// Stage: detect. From the opened file and its first batch of records, decide the column
// mapping, whether x/y are swapped and the CRS — each either settled (by the user or the
// file) or offered, in which case a file-level error asks the user to confirm it and
// nothing can be committed until they do. Rows are still built with the offered choice,
// so the preview shows what a confirmation would load.

export interface Plan {
  mapping: ColumnMapping;
  columns: Map<string, string>;
  swap: SwapDecision;
  crs: CrsDecision;
  /** False: rows cannot be built at all (no CRS, no coordinate columns). */
  buildable: boolean;
}

/** A Gauss–Krüger code (metres), as opposed to a geographic one (degrees). */
const isProjected = (crs: string) =>
  crs.startsWith('EPSG:') && gkZone(Number(crs.slice('EPSG:'.length))) !== undefined;

export function prepare(
  opened: OpenedSource,
  first: readonly SourceRecord[],
  options: ImportOptions,
  problems: Problems,
): Plan {
  const layer: LayerName = options.layer;
  const known = new Set(fieldsOf(layer).map((f) => f.field));
  for (const [field, column] of Object.entries(options.mapping ?? {})) {
    if (!known.has(field))
      problems.error(
        null,
        field,
        `mapping names unknown field ${JSON.stringify(field)} for ${layer}; fields are ${[...known].join(', ')}`,
      );
    else if (!opened.columns.includes(column))
      problems.error(
        null,
        field,
        `mapping names column ${JSON.stringify(column)}, which the file does not have`,
      );
  }
  const mapping = detectColumns(layer, opened.columns, options.mapping);
  const columns = columnOf(mapping);
  let buildable = true;
  if (!opened.spatial) {
    for (const field of mapping.missing) {
      const spec = fieldsOf(layer).find((f) => f.field === field)!;
      problems.error(
        null,
        field,
        `no column for required field ${field} (headers such as ${spec.synonyms.slice(0, 4).join(', ')}); map one explicitly`,
      );
    }
    if (!columns.has('x') || !columns.has('y')) {
      const names = COORDINATE_FIELDS.map((f) => f.synonyms.slice(0, 3).join('/')).join(' and ');
      problems.error(null, 'x/y', `no coordinate columns (${names}); map them explicitly`);
      buildable = false;
    }
    if (LAYER_SPECS[layer].geometry !== 'point') {
      problems.error(
        null,
        'geometry',
        `${layer} needs lines or polygons: import a Shapefile, KML or GeoJSON, not a table of points`,
      );
      buildable = false;
    }
  }
  for (const m of mapping.matches) {
    if (m.confidence === 'unsure')
      problems.warn(null, m.column, `column "${m.column}" read as ${m.field}: check the mapping`);
  }

  let sample = samplePositions(first, opened.spatial, columns);
  const swap = detectSwap(sample, options.swapXY);
  if (swap.offered) {
    problems.error(null, 'swapXY', swap.reason!);
    swap.swap = true; // tentatively, so the preview shows the confirmed result
  }
  if (swap.swap) sample = sample.map(([x, y]) => [y, x]);
  const headerNotes = opened.columns.flatMap((c) => headerText(c).notes);
  const crs = detectCrs({
    userCrs: options.crs ?? null,
    declaredText: opened.crsText,
    wgs84ByFormat: ['kml', 'kmz', 'gpx', 'geojson', 'geojsonseq'].includes(opened.format),
    hints: [...opened.hints, ...headerNotes],
    sample,
  });
  const magnitude = magnitudeOf(sample);
  if (crs.crs && !isSupportedCrs(crs.crs)) {
    problems.error(
      null,
      'crs',
      `unsupported CRS ${crs.crs}: use EPSG:4326, EPSG:4490, EPSG:4491–4554 (CGCS2000 Gauss–Krüger), GCJ-02 or BD-09`,
    );
    buildable = false;
  } else if (crs.crs && isProjected(crs.crs) && magnitude === 'degrees') {
    problems.error(
      null,
      'crs',
      `${crs.crs} is a projected CRS (metres) but the coordinates are degrees`,
    );
    buildable = false;
  } else if (crs.crs && !isProjected(crs.crs) && magnitude === 'metres') {
    problems.error(
      null,
      'crs',
      `${crs.crs} is geographic (degrees) but the coordinates are metres`,
    );
    buildable = false;
  }
  if (!crs.crs) {
    problems.error(null, 'crs', crs.reason);
    buildable = false;
  } else if (!crs.confirmed) {
    problems.error(null, 'crs', crs.reason);
  } else if (crs.basis === 'default') {
    problems.warn(null, 'crs', crs.reason);
  }
  return { mapping, columns, swap, crs, buildable };
}
