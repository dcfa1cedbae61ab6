import { hazardType } from '@atlas/model';
import { copy, person, setEnum, str, type Built, type LayerBuilder } from './builder.ts';

// 地质灾害隐患点 registers (乡镇, 村, 具体位置, 灾害类型, 规模, 威胁人口, 监测员 …). Many
// registers have no name column: the name is made from village, place and hazard type,
// as the registers themselves write it (e.g. 石门村张家湾滑坡).
export const hazards: LayerBuilder = {
  defaults: {
    threatZone: null,
    assumedThreatRadiusM: null,
    threatenedPeople: 0,
    threatenedObjects: '',
    monitor: null,
    status: 'active',
    adminCode: null,
  },
  build(values) {
    const props: Record<string, unknown> = {};
    const problems: Built['problems'] = [];
    copy(values, props, ['code', 'name', 'threatenedPeople', 'adminCode']);
    if (values.has('threatenedObjects'))
      props.threatenedObjects = str(values, 'threatenedObjects') ?? '';
    setEnum(values, 'type', 'hazardType', props, problems);
    setEnum(values, 'scale', 'hazardScale', props, problems);
    setEnum(values, 'status', 'hazardStatus', props, problems);
    if (values.has('monitor'))
      props.monitor = person(str(values, 'monitor'), str(values, 'monitorPhone'));
    if (!props.name) {
      const typeLabel = props.type
        ? hazardType.labels[props.type as keyof typeof hazardType.labels]
        : '';
      const made = [
        str(values, 'village') ?? str(values, 'township'),
        str(values, 'place'),
        typeLabel,
      ]
        .filter(Boolean)
        .join('');
      props.name = made || props.code;
    }
    return { props, problems };
  },
};
