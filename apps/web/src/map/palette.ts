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

export const BASE = {
  background: '#f3f1ec',
  ink: '#2b2b2b',
  halo: '#ffffff',
  muted: '#8a8a8a',
  adminFill: '#ebe7dc',
  adminCounty: '#5b5b5b',
  adminTownship: '#7d7d7d',
  adminVillage: '#a8a8a8',
  water: '#9ccbe8',
  waterLine: '#4a97c9',
  roadCasing: '#b9b3a6',
  roadMajor: '#f7d48b',
  roadMinor: '#ffffff',
  otherStore: '#9a9a9a',
} as const;
