// Some domestic (信创) desktops have no WebGL2, which MapLibre needs: the page then offers
// the fallback view instead of a blank map. ?webgl=0 forces the fallback (for support staff).

export function hasWebGL2(): boolean {
  if (new URLSearchParams(window.location.search).get('webgl') === '0') return false;
  try {
    return document.createElement('canvas').getContext('webgl2') !== null;
  } catch {
    return false;
  }
}
