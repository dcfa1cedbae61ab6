import { describe, expect, it } from 'vitest';
import { CHOROPLETH_CLASSES, classOf, keysByClass } from './choropleth.ts';

describe('choropleth classes', () => {
  it('puts a count in the class whose lower bound it reaches, and 0 in none', () => {
    expect([0, 1, 2, 3, 9, 10, 19, 20, 500].map(classOf)).toEqual([-1, 0, 0, 1, 2, 3, 3, 4, 4]);
  });

  it('lists the keys of each class for its style layer’s filter', () => {
    const classes = keysByClass(
      new Map([
        ['a', 1],
        ['b', 25],
        ['c', 0],
        ['d', 2],
      ]),
    );
    expect(classes).toHaveLength(CHOROPLETH_CLASSES.length);
    expect(classes[0]).toEqual(['a', 'd']);
    expect(classes[4]).toEqual(['b']);
    expect(classes.flat()).not.toContain('c');
  });
});
