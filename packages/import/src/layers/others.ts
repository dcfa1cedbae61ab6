import { copy, setEnum, str, type Built, type LayerBuilder } from './builder.ts';

// Admin areas, roads, pipelines and bus routes: mostly spatial files with a few fields.

const CODE_LEVEL: Record<number, string> = { 6: 'county', 9: 'township', 12: 'village' };
const PARENT_LENGTH: Record<number, number> = { 9: 6, 12: 9 };

export const admin_areas: LayerBuilder = {
  defaults: { parentCode: null },
  build(values) {
    const props: Record<string, unknown> = {};
    const problems: Built['problems'] = [];
    copy(values, props, ['code', 'name', 'parentCode']);
    setEnum(values, 'level', 'adminLevel', props, problems);
    const code = str(values, 'code');
    if (code && !props.level && CODE_LEVEL[code.length]) props.level = CODE_LEVEL[code.length];
    const parentLength = code ? PARENT_LENGTH[code.length] : undefined;
    if (code && props.parentCode === undefined && parentLength)
      props.parentCode = code.slice(0, parentLength);
    return { props, problems };
  },
};

export const roads: LayerBuilder = {
  defaults: { name: '', walkable: true },
  build(values) {
    const props: Record<string, unknown> = {};
    const problems: Built['problems'] = [];
    copy(values, props, ['walkable']);
    if (values.has('name')) props.name = str(values, 'name') ?? '';
    setEnum(values, 'class', 'roadClass', props, problems);
    if (!values.has('walkable') && props.class === 'expressway') props.walkable = false;
    return { props, problems };
  },
};

export const pipelines: LayerBuilder = {
  defaults: { voltageKv: null, operator: '' },
  build(values) {
    const props: Record<string, unknown> = {};
    const problems: Built['problems'] = [];
    copy(values, props, ['name', 'voltageKv']);
    if (values.has('operator')) props.operator = str(values, 'operator') ?? '';
    setEnum(values, 'kind', 'pipelineKind', props, problems);
    return { props, problems };
  },
};

export const routes: LayerBuilder = {
  defaults: { operator: '', plate: '', stops: [] },
  build(values) {
    const props: Record<string, unknown> = {};
    copy(values, props, ['name', 'approvedOn', 'speedLimitKmh']);
    for (const f of ['operator', 'plate']) if (values.has(f)) props[f] = str(values, f) ?? '';
    const codes = str(values, 'schoolCodes');
    if (codes !== null) props.schoolCodes = codes.split(/[、,，;；|\s]+/).filter(Boolean);
    return { props, problems: [] };
  },
};
