import type { LayerFeature, LayerName, Provenance } from '@atlas/model';
import { t } from '../../i18n/index.ts';

// A feature's attributes as rows of Chinese label and value, in the order a reader needs
// them. Enum values are shown by their official Chinese label, never by the stored key.

export type AttributeRow = { label: string; value: string };

const f = t.fields;
const v = t.values;

const yesNo = (b: boolean) => (b ? v.yes : v.no);
const orNone = (s: string | null | undefined) =>
  s === null || s === undefined || s === '' ? v.none : s;
const list = (items: readonly string[]) => (items.length ? items.join(v.separator) : v.none);
const person = (p: { name: string; phone?: string | undefined } | null) =>
  p ? (p.phone ? `${p.name}（${p.phone}）` : p.name) : v.none;
const dateTime = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false });
};

type Rows<L extends LayerName> = (p: LayerFeature<L>['properties']) => [string, string][];

const ROWS: { [L in LayerName]: Rows<L> } = {
  admin_areas: (p) => [
    [f.name, p.name],
    [f.level, t.enums.adminLevel[p.level]],
    [f.code, p.code],
    [f.parentCode, orNone(p.parentCode)],
  ],
  water: (p) => {
    const items = Object.keys(t.safety) as (keyof typeof t.safety)[];
    const have = items.filter((k) => p.safety[k]).map((k) => t.safety[k]);
    const lack = items.filter((k) => !p.safety[k]).map((k) => t.safety[k]);
    return [
      [f.name, p.name],
      [f.kind, t.enums.waterKind[p.kind]],
      [f.safety, `${v.present}：${list(have)}；${v.absent}：${list(lack)}`],
      [f.responsibleUnit, orNone(p.responsibleUnit)],
      [f.responsiblePerson, person(p.responsiblePerson)],
      [f.adminCode, orNone(p.adminCode)],
    ];
  },
  roads: (p) => [
    [f.name, orNone(p.name)],
    [f.roadClass, t.enums.roadClass[p.class]],
    [f.walkable, yesNo(p.walkable)],
  ],
  pipelines: (p) => [
    [f.name, p.name],
    [f.kind, t.enums.pipelineKind[p.kind]],
    [f.voltageKv, p.voltageKv === null ? v.none : v.kv(p.voltageKv)],
    [f.operator, orNone(p.operator)],
  ],
  routes: (p) => [
    [f.name, p.name],
    [f.operator, orNone(p.operator)],
    [f.plate, orNone(p.plate)],
    [f.approvedOn, p.approvedOn],
    [f.speedLimitKmh, v.kmh(p.speedLimitKmh)],
    [f.stops, list(p.stops.map((s) => s.name))],
    [f.schoolCodes, list(p.schoolCodes)],
  ],
  hazards: (p) => [
    [f.name, p.name],
    [f.hazardCode, p.code],
    [f.type, t.enums.hazardType[p.type]],
    [f.scale, t.enums.hazardScale[p.scale]],
    [f.status, t.enums.hazardStatus[p.status]],
    [f.threatZone, p.threatZone ? v.delimited : v.notDelimited],
    ...(p.assumedThreatRadiusM === null
      ? []
      : [[f.assumedThreatRadiusM, v.metres(p.assumedThreatRadiusM)] as [string, string]]),
    [f.threatenedPeople, v.people(p.threatenedPeople)],
    [f.threatenedObjects, orNone(p.threatenedObjects)],
    [f.monitor, person(p.monitor)],
    [f.adminCode, orNone(p.adminCode)],
  ],
  schools: (p) => [
    [f.name, p.name],
    [f.schoolCode, p.code],
    [f.type, t.enums.schoolType[p.type]],
    [f.address, orNone(p.address)],
    [f.students, v.people(p.students)],
    [f.boarding, yesNo(p.boarding)],
    [f.campus, p.campus ? v.delimited : v.notDelimited],
    [f.gates, list(p.gates.map((g) => t.enums.gateKind[g.kind]))],
    [f.adminCode, p.adminCode],
  ],
  stores: (p) => [
    [f.name, p.name],
    [f.categories, list(p.categories.map((c) => t.enums.storeCategory[c]))],
    ...(p.entertainmentSubtype
      ? [
          [f.entertainmentSubtype, t.enums.entertainmentSubtype[p.entertainmentSubtype]] as [
            string,
            string,
          ],
        ]
      : []),
    [f.licenceNo, orNone(p.licenceNo)],
    [f.licenceExpiry, orNone(p.licenceExpiry)],
    [f.address, orNone(p.address)],
    [f.uncertaintyM, v.metres(p.uncertaintyM)],
    [f.adminCode, orNone(p.adminCode)],
  ],
};

const provenanceRows = (p: Provenance): [string, string][] => [
  [f.source, p.source],
  [f.importedAt, dateTime(p.importedAt)],
  [f.originalCrs, p.originalCrs],
];

export function attributeRows<L extends LayerName>(
  layer: L,
  feature: LayerFeature<L>,
): AttributeRow[] {
  const rows = (ROWS[layer] as Rows<L>)(feature.properties);
  const all: [string, string][] = [
    ...rows,
    [f.id, feature.id],
    ...provenanceRows(feature.properties.provenance),
  ];
  return all.map(([label, value]) => ({ label, value }));
}

/** The feature's display name: every layer has a `name`, though a road's may be empty. */
export function featureTitle(feature: LayerFeature<LayerName>): string {
  return feature.properties.name || t.popup.unnamed;
}
