import { describe, expect, it } from 'vitest';
import { TILE_LAYERS } from '@atlas/tiles';
import { buildStyle } from '../style.ts';
import { BASE } from '../palette.ts';
import { audit, AUDIT_LAYER_IDS } from './audit.ts';

describe('audit layers', () => {
  const layers = audit.layers(BASE);

  it('draws from MVT layers the tiles describe, rings only from z13', () => {
    const names = new Set(TILE_LAYERS.map((l) => l.name));
    for (const name of audit.sourceLayers) expect(names.has(name)).toBe(true);
    expect(layers.map((l) => l.id)).toEqual([...AUDIT_LAYER_IDS]);
    expect(layers[0]).toMatchObject({ 'source-layer': 'perimeter_zones', minzoom: 13 });
    expect(layers[1]).toMatchObject({ 'source-layer': 'violations' });
  });

  it('tells each status apart by colour and by dash, so it reads in grey too', () => {
    const lines = audit.legend.slice(1).map((item) => item.symbol);
    const colours = lines.map((s) => (s.kind === 'line' ? s.color : null));
    expect(new Set(colours).size).toBe(3);
    expect(lines.map((s) => s.kind === 'line' && s.dashed)).toEqual([false, true, true]);
    const dash = JSON.stringify((layers[1] as { paint: Record<string, unknown> }).paint);
    expect(dash).toContain('[4,2]'); // borderline long dash
    expect(dash).toContain('[1,1.5]'); // monitor dots
  });

  it('is part of the map style, above every layer group', () => {
    const ids = buildStyle('http://127.0.0.1:8080').layers.map((l) => l.id);
    expect(ids).toContain(AUDIT_LAYER_IDS[1]);
    expect(ids.indexOf(AUDIT_LAYER_IDS[0])).toBeGreaterThan(ids.indexOf('stores-point'));
  });
});
