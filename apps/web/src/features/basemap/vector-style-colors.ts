import { PALETTES } from '../../map/palette.ts';
import type { Palette, Theme } from '../../map/palette.ts';

// Colours of a bureau vector basemap: the atlas palette of the theme (paper, water, roads,
// admin lines, ink) so the bureau's map reads like the atlas's own, plus the land covers the
// atlas does not draw itself (parks, woods, fields, buildings, railways), quiet in each theme
// so that risk symbols stay on top visually.

export type BureauColors = Palette & {
  park: string;
  wood: string;
  grass: string;
  farmland: string;
  sand: string;
  ice: string;
  building: string;
  buildingLine: string;
  rail: string;
  waterText: string;
  /** The plain style of an unknown schema: fills, lines and points. */
  plainFill: string;
  plainLine: string;
};

const LIGHT_EXTRAS = {
  park: '#d6e6c3',
  wood: '#c7dab4',
  grass: '#dfeacf',
  farmland: '#efeadb',
  sand: '#ede3c6',
  ice: '#f5f9fc',
  building: '#ddd5c6',
  buildingLine: '#cbc2b1',
  rail: '#a9a39a',
  waterText: '#2f6f9f',
  plainFill: '#d9d9d4',
  plainLine: '#a6a6a0',
};

const DARK_EXTRAS = {
  park: '#25352a',
  wood: '#223127',
  grass: '#28352c',
  farmland: '#262b2e',
  sand: '#37352d',
  ice: '#2b3237',
  building: '#2c3137',
  buildingLine: '#383e45',
  rail: '#5d636b',
  waterText: '#8cc4e8',
  plainFill: '#30353b',
  plainLine: '#5b6168',
};

export const BUREAU_COLORS: Record<Theme, BureauColors> = {
  light: { ...PALETTES.light, ...LIGHT_EXTRAS },
  dark: { ...PALETTES.dark, ...DARK_EXTRAS },
};
