import { describe, expect, it } from 'vitest';
import { unionBounds } from './show-features.ts';

describe('unionBounds', () => {
  it('covers every box and skips layers without data', () => {
    expect(unionBounds([[113.2, 23.0, 113.3, 23.1], null, [113.25, 22.9, 113.4, 23.05]])).toEqual([
      113.2, 22.9, 113.4, 23.1,
    ]);
  });

  it('is null when no layer has data', () => {
    expect(unionBounds([null, null])).toBeNull();
  });
});
