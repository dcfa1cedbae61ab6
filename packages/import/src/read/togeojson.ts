import { gpx, kml } from '@tmcw/togeojson';
import type { FeatureCollection, Geometry } from 'geojson';

// The one place that hands xmldom's Document to togeojson (their DOM types differ only
// nominally). KML ExtendedData is flattened into properties by togeojson itself.

export function toGeoJSON(doc: Document, kind: 'kml' | 'gpx'): FeatureCollection<Geometry | null> {
  return kind === 'kml' ? kml(doc) : (gpx(doc) as FeatureCollection<Geometry | null>);
}
