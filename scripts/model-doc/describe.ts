import type { z } from 'zod';

// Turn a zod schema into a one-line human description for the model README.

type Def = {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
  options?: z.ZodType[];
};

function def(s: z.ZodType): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

export function typeOf(s: z.ZodType): string {
  const d = def(s);
  switch (d.type) {
    case 'nullable':
      return `${typeOf(d.innerType!)} or null`;
    case 'optional':
    case 'default':
      return `${typeOf(d.innerType!)} (optional)`;
    case 'array':
      return `list of ${typeOf(d.element!)}`;
    case 'enum':
      return `enum: ${Object.values(d.entries!).join(' | ')}`;
    case 'literal':
      return JSON.stringify(d.values![0]);
    case 'union':
      return d.options!.map(typeOf).join(' | ');
    case 'object': {
      const shape = (s as z.ZodObject).shape;
      if ('type' in shape && 'coordinates' in shape)
        return typeOf(shape.type as z.ZodType).replaceAll('"', '');
      return `{ ${Object.keys(shape).join(', ')} }`;
    }
    case 'tuple':
      return '[lng, lat]';
    case 'pipe':
      return 'string';
    default:
      return d.type;
  }
}

export function descriptionOf(s: z.ZodType): string {
  let cur: z.ZodType | undefined = s;
  while (cur) {
    if (cur.description) return cur.description;
    cur = def(cur).innerType;
  }
  return '';
}
