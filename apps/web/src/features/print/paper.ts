// Paper sizes (ISO 216, millimetres) and the arithmetic between millimetres, CSS pixels
// (96 per inch) and device pixels at a chosen DPI.

export const PAPERS = { A4: [210, 297], A3: [297, 420] } as const;
export type Paper = keyof typeof PAPERS;
export type Orientation = 'portrait' | 'landscape';
export const DPI_CHOICES = [96, 150, 300] as const;

export const MM_PER_INCH = 25.4;
export const CSS_PX_PER_INCH = 96;

/** Width and height in millimetres, turned for the orientation. */
export function pageMm(paper: Paper, orientation: Orientation): [number, number] {
  const [short, long] = PAPERS[paper];
  return orientation === 'portrait' ? [short, long] : [long, short];
}

export const mmToPx = (mm: number, dpi: number) => Math.round((mm / MM_PER_INCH) * dpi);

/** A round length (1, 2 or 5 × 10ⁿ metres) not longer than maxM, for the scale bar. */
export function niceLengthM(maxM: number): number {
  if (!(maxM > 0)) throw new RangeError(`niceLengthM needs a positive length, got ${maxM}`);
  const pow = 10 ** Math.floor(Math.log10(maxM));
  for (const step of [5, 2, 1]) if (step * pow <= maxM) return step * pow;
  return pow;
}
