import { describe, expect, it } from 'vitest';
import { parseCell } from './parse.ts';

describe('parseCell', () => {
  it('reads numbers with separators and a typed unit, and refuses text', () => {
    expect(parseCell('number', '1,200')).toEqual({ value: 1200 });
    expect(parseCell('int', '35人')).toEqual({ value: 35 });
    expect(parseCell('number', ' 114.32 ')).toEqual({ value: 114.32 });
    expect(parseCell('number', '东经114度')).toEqual({ error: 'not a number: "东经114度"' });
    expect(parseCell('int', '2.5')).toHaveProperty('error');
  });

  it('reads yes/no as registers write it, and counts as yes', () => {
    for (const yes of ['是', '有', 'Y', '√', 2])
      expect(parseCell('bool', yes)).toEqual({ value: true });
    for (const no of ['否', '无', 'N', '×', 0])
      expect(parseCell('bool', no)).toEqual({ value: false });
    expect(parseCell('bool', '也许')).toHaveProperty('error');
  });

  it('reads dates in the usual Chinese forms and Excel serials, and refuses impossible ones', () => {
    expect(parseCell('date', '2026年3月5日')).toEqual({ value: '2026-03-05' });
    expect(parseCell('date', '2026/12/31')).toEqual({ value: '2026-12-31' });
    expect(parseCell('date', '20261231')).toEqual({ value: '2026-12-31' });
    expect(parseCell('date', 46022)).toEqual({ value: '2025-12-31' });
    expect(parseCell('date', '2026-02-30')).toHaveProperty('error');
  });

  it('keeps codes as text with their leading zeros', () => {
    expect(parseCell('text', '0421')).toEqual({ value: '0421' });
    expect(parseCell('text', 4201150002)).toEqual({ value: '4201150002' });
  });

  it('reads a blank cell as null', () => {
    expect(parseCell('number', '  ')).toEqual({ value: null });
  });
});
