// Colours of the atlas. Risk layers use the Okabe–Ito palette, which stays distinct for the
// common colour-vision deficiencies (Okabe & Ito 2008, "Color Universal Design"). Base layers
// use quiet greys and tints so that risk symbols stand out. Each colour is named for its role.

/** Okabe–Ito, by the names the paper gives them. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** The base map's colours; risk symbols keep their Okabe–Ito colours in every theme. */
export type Palette = {
  background: string;
  ink: string;
  halo: string;
  muted: string;
  adminFill: string;
  adminCounty: string;
  adminTownship: string;
  adminVillage: string;
  builtUp: string;
  water: string;
  waterLine: string;
  roadCasing: string;
  roadMajor: string;
  roadMinor: string;
  campusFill: string;
  campusLine: string;
  otherStore: string;
  /** Store grid cells: a bubble and its number, high contrast in colour and in grey. */
  cellFill: string;
  cellStroke: string;
  cellText: string;
};

/** Light theme: quiet greys and tints on paper white (also the legend's colours). */
export const BASE: Palette = {
  background: '#f3f1ec',
  ink: '#2b2b2b',
  halo: '#ffffff',
  muted: '#8a8a8a',
  adminFill: '#ebe7dc',
  adminCounty: '#5b5b5b',
  adminTownship: '#7d7d7d',
  adminVillage: '#a8a8a8',
  builtUp: '#e2dccf',
  water: '#9ccbe8',
  waterLine: '#4a97c9',
  roadCasing: '#b9b3a6',
  roadMajor: '#f7d48b',
  roadMinor: '#ffffff',
  campusFill: '#ffffff',
  campusLine: '#1a1a1a',
  otherStore: '#9a9a9a',
  cellFill: '#2f3447',
  cellStroke: '#ffffff',
  cellText: '#ffffff',
};

/** Dark theme, for control rooms and night work: the same roles, light on dark. */
export const DARK: Palette = {
  background: '#1d2125',
  ink: '#e8e6e1',
  halo: '#111417',
  muted: '#9aa0a6',
  adminFill: '#262b30',
  adminCounty: '#c9c9c9',
  adminTownship: '#a3a3a3',
  adminVillage: '#6f747a',
  builtUp: '#33383e',
  water: '#1f4e6e',
  waterLine: '#5fa8d8',
  roadCasing: '#15181b',
  roadMajor: '#8c6d2e',
  roadMinor: '#4a5057',
  campusFill: '#3a4048',
  campusLine: '#f2f2f2',
  otherStore: '#9a9a9a',
  cellFill: '#f2efe8',
  cellStroke: '#111417',
  cellText: '#111417',
};

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const PALETTES: Record<Theme, Palette> = { light: BASE, dark: DARK };
