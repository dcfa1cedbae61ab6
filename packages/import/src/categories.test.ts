import { describe, expect, it } from 'vitest';
import { categoryMapper, loadCategoryRules } from './categories.ts';

const map = categoryMapper(loadCategoryRules());

describe('the store category mapper (data/import/category-keywords.json)', () => {
  it.each([
    ['网吧', ['internet_cafe'], null],
    ['星空网咖', ['internet_cafe'], null],
    ['KTV', ['entertainment'], 'ktv'],
    ['欢乐歌厅', ['entertainment'], 'ktv'],
    ['金色歌舞厅', ['entertainment'], 'dance_hall'],
    ['游艺厅', ['entertainment'], 'arcade'],
    ['电玩城', ['entertainment'], 'arcade'],
    ['蓝调酒吧', ['entertainment'], 'bar'],
    ['体彩投注站', ['lottery'], null],
    ['福彩', ['lottery'], null],
    ['烟草专卖零售', ['tobacco'], null],
    ['卷烟零售', ['tobacco'], null],
    ['电子烟体验店', ['ecig'], null],
    ['成人用品店', ['adult'], null],
    ['情趣生活馆', ['adult'], null],
    ['名酒行', ['liquor'], null],
    ['白酒专卖', ['liquor'], null],
    ['老王烟酒店', ['tobacco', 'liquor'], null],
  ])('maps %s to %j', (name, categories, subtype) => {
    const r = map({ name });
    expect([...r.categories].sort()).toEqual([...categories].sort());
    expect(r.subtype).toBe(subtype);
  });

  it('reads the licence scope as well as the name', () => {
    expect(map({ name: '惠民超市', scope: '预包装食品、卷烟零售' }).categories).toEqual([
      'tobacco',
    ]);
  });

  it('accepts the model’s own keys and labels (an atlas export re-imports)', () => {
    expect(map({ category: 'tobacco、liquor' }).categories.sort()).toEqual(['liquor', 'tobacco']);
    expect(map({ category: '彩票销售点' }).categories).toEqual(['lottery']);
  });

  it('uses an explicit mapping of the category text first', () => {
    const custom = categoryMapper(loadCategoryRules(), { 便利店: ['tobacco', 'liquor'] });
    expect(custom({ category: '便利店', name: '网咖' }).categories).toEqual(['tobacco', 'liquor']);
  });

  it('falls back to other when nothing matches', () => {
    expect(map({ name: '张记面馆' })).toMatchObject({ categories: ['other'], subtype: null });
  });
});
