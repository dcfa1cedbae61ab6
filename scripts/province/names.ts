import type { Rng } from '../lib/rng.ts';

// Invented Chinese name pools for the synthetic province. Any likeness to a real place or
// business is by chance. Names are composed from two syllables, so pools stay small.

// prettier-ignore
const SYLLABLES = [
  '江', '汉', '荆', '楚', '襄', '宜', '恩', '黄', '孝', '咸', '随', '鄂', '丹', '云', '青', '石',
  '龙', '凤', '金', '银', '松', '竹', '梅', '兰', '安', '宁', '丰', '河', '山', '川', '阳', '平',
  '新', '长', '东', '西', '南', '北', '白', '红', '洪', '湖', '潭', '桥', '岭', '坪', '溪', '泉',
];
// prettier-ignore
const SHOP_WORDS = [
  '星空', '极速', '风云', '零度', '蓝天', '飞跃', '宏图', '悦享', '欢乐', '金色', '阳光', '好运',
  '鸿运', '四季', '天天', '佳佳', '兴旺', '顺发', '万家', '红星', '清风', '明月', '福满', '吉祥',
];
// prettier-ignore
const STREETS = ['人民路', '解放路', '建设路', '中山路', '新华路', '胜利路', '和平路', '滨江大道', '朝阳街', '民主街'];
// prettier-ignore
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
// prettier-ignore
export const GIVEN_NAMES = ['建国', '秀英', '志强', '丽华', '国平', '春梅', '德胜', '小军', '玉兰', '海涛', '红霞', '明亮'];

function twoSyllables(rng: Rng): string {
  return rng.pick(SYLLABLES) + rng.pick(SYLLABLES);
}

/** A town name; the biggest few are cities (市), the rest towns (镇). */
export function townName(rng: Rng, rank: number): string {
  const CITY_RANKS = 12;
  return twoSyllables(rng) + (rank <= CITY_RANKS ? '市' : '镇');
}

export function placeName(rng: Rng, suffix: string): string {
  return twoSyllables(rng) + suffix;
}

export function shopName(rng: Rng, kindWord: string): string {
  return rng.pick(SHOP_WORDS) + kindWord;
}

/** An address in a town: street and number. */
export function address(rng: Rng, town: string): string {
  const MAX_HOUSE_NUMBER = 999;
  return `${town}${rng.pick(STREETS)}${rng.int(1, MAX_HOUSE_NUMBER)}号`;
}

export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
}

/** A fictional mobile number in the 138-0000 block (commonly reserved for examples). */
export function fakePhone(n: number): string {
  return `1380000${String(n % 10_000).padStart(4, '0')}`;
}
