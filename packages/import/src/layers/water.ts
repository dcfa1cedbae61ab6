import { copy, person, setEnum, str, type Built, type LayerBuilder } from './builder.ts';

// 危险水域 registers (一村一册): kind, the 四个一 safety kit and guardrail, who is responsible.
const SAFETY = ['warningSign', 'lifebuoy', 'lifeRope', 'lifePole', 'guardrail'] as const;

export const water: LayerBuilder = {
  defaults: {
    safety: Object.fromEntries(SAFETY.map((s) => [s, false])),
    responsibleUnit: '',
    responsiblePerson: null,
    adminCode: null,
  },
  build(values) {
    const props: Record<string, unknown> = {};
    const problems: Built['problems'] = [];
    copy(values, props, ['name', 'adminCode']);
    setEnum(values, 'kind', 'waterKind', props, problems);
    if (SAFETY.some((s) => values.has(s))) {
      props.safety = Object.fromEntries(SAFETY.map((s) => [s, values.get(s) === true]));
    }
    const unit = str(values, 'responsibleUnit') ?? str(values, 'village');
    if (unit !== null) props.responsibleUnit = unit;
    if (values.has('responsiblePerson')) {
      props.responsiblePerson = person(
        str(values, 'responsiblePerson'),
        str(values, 'responsiblePhone'),
      );
    }
    return { props, problems };
  },
};
