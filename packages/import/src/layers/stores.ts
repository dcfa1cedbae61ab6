import { STORE_UNCERTAINTY_UNSTATED_M } from '../limits.ts';
import { copy, str, type LayerBuilder } from './builder.ts';

// Shops: categories come from the keyword mapper over category text, name and licence
// scope; an entertainment venue gets its subtype from the same rule.
export const stores: LayerBuilder = {
  defaults: {
    entertainmentSubtype: null,
    licenceNo: null,
    licenceExpiry: null,
    address: '',
    uncertaintyM: STORE_UNCERTAINTY_UNSTATED_M,
    adminCode: null,
  },
  build(values, { mapCategories }) {
    const props: Record<string, unknown> = {};
    copy(values, props, ['name', 'licenceNo', 'licenceExpiry', 'uncertaintyM', 'adminCode']);
    if (values.has('address')) props.address = str(values, 'address') ?? '';
    const text = str(values, 'category') ?? '';
    const result = mapCategories({
      category: text,
      name: str(values, 'name') ?? '',
      scope: str(values, 'scope') ?? '',
    });
    props.categories = result.categories;
    props.entertainmentSubtype = result.subtype;
    const problems =
      result.categories[0] === 'other' && result.categories.length === 1
        ? [
            {
              field: 'category',
              reason: 'no category keyword matched: stored as other (其他)',
              severity: 'warning' as const,
            },
          ]
        : [];
    return { props, problems, category: { text, result } };
  },
};
