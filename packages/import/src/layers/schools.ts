import { copy, setEnum, str, type Built, type LayerBuilder } from './builder.ts';

// Schools as the 全国中小学校舍信息管理系统 lists them, keyed by 学校标识码. A register
// carries no campus outline or gates: an update keeps the stored ones.
export const schools: LayerBuilder = {
  defaults: { address: '', students: 0, boarding: false, campus: null, gates: [] },
  build(values) {
    const props: Record<string, unknown> = {};
    const problems: Built['problems'] = [];
    copy(values, props, ['code', 'name', 'students', 'boarding', 'adminCode']);
    if (values.has('address')) props.address = str(values, 'address') ?? '';
    setEnum(values, 'type', 'schoolType', props, problems);
    return { props, problems };
  },
};
