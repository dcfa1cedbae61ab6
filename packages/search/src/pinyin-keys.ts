import { pinyin } from 'pinyin-pro';
import { normalize } from './normalize.ts';

// Pinyin forms of a Chinese name, for typing on a keyboard without an input method:
// initials ("yxxdyzx" for 云溪县第一中学) and whole syllables ("yunxixiandiyizhongxue").
// pinyin-pro picks the reading of polyphones (长, 重, 行) from the words around them.

export type PinyinKeys = { initials: string; full: string };

export function pinyinKeys(name: string): PinyinKeys {
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' });
  const full = pinyin(name, { toneType: 'none', type: 'array' });
  return { initials: normalize(initials.join('')), full: normalize(full.join('')) };
}
