// Branded units: a metre is not a degree. Mixing them is a compile error, not a silent bug.
export type Metres = number & { readonly __unit: 'm' };
export type Degrees = number & { readonly __unit: 'deg' };

export const metres = (n: number) => n as Metres;
export const degrees = (n: number) => n as Degrees;
