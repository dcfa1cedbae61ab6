// Text is drawn in the browser from fonts installed on the computer: the style has no `glyphs`
// URL, so MapLibre rasterises every label locally (TinySDF) and never asks a server for glyphs.
// The stack lists the CJK fonts found on Linux, Windows and macOS desktops in that order.
export const LOCAL_FONT_STACK = [
  'WenQuanYi Micro Hei',
  'Noto Sans CJK SC',
  'Microsoft YaHei',
  'PingFang SC',
  'sans-serif',
];

/** The same stack as a CSS font-family value, for the map's ideograph fallback and canvas icons. */
export const LOCAL_FONT_FAMILY_CSS = LOCAL_FONT_STACK.map((f) =>
  f.includes(' ') ? `'${f}'` : f,
).join(', ');
