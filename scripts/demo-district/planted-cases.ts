import type { StoreCategory } from '@atlas/model';
import type { DemoFeature } from './features.ts';

// The planted cases: prohibited shops put at known geodesic distances from four campuses,
// just inside, exactly at and just outside the 50 m and 200 m limits, a few far inside, one
// inside a campus, and some measured from a gate. `school` indexes the planted schools in
// slot order: 0 云溪县第一中学, 1 青石镇中心小学, 2 东山镇初级中学, 3 白河镇中心幼儿园.

export interface PlantedCase {
  school: 0 | 1 | 2 | 3;
  origin: 'campus' | 'gate' | 'inside';
  distanceM: number;
  name: string;
  categories: StoreCategory[];
  subtype: DemoFeature<'stores'>['properties']['entertainmentSubtype'];
  note: string;
}

const c = (
  school: PlantedCase['school'],
  origin: PlantedCase['origin'],
  distanceM: number,
  name: string,
  categories: StoreCategory[],
  note: string,
  subtype: PlantedCase['subtype'] = null,
): PlantedCase => ({ school, origin, distanceM, name, categories, subtype, note });

export const PLANTED_CASES: PlantedCase[] = [
  c(0, 'campus', 49.0, '星空网咖', ['internet_cafe'], 'just inside the 50 m limit'),
  c(0, 'campus', 50.0, '福彩 3102 投注站', ['lottery'], 'exactly at the 50 m limit'),
  c(0, 'campus', 51.0, '老王烟酒店', ['tobacco', 'liquor'], 'just outside the 50 m limit'),
  c(0, 'campus', 199.0, '极速网吧', ['internet_cafe'], 'just inside the 200 m limit'),
  c(0, 'campus', 200.0, '悦享 KTV', ['entertainment'], 'exactly at the 200 m limit', 'ktv'),
  c(
    0,
    'campus',
    201.0,
    '金色年华歌舞厅',
    ['entertainment'],
    'just outside the 200 m limit',
    'dance_hall',
  ),
  c(0, 'inside', 0, '校园超市（售烟）', ['tobacco'], 'inside the campus (distance 0)'),
  c(1, 'campus', 10.0, '青石便民烟摊', ['tobacco'], 'far inside the 50 m limit'),
  c(1, 'campus', 120.0, '成人用品店', ['adult'], 'inside the 200 m limit, outside 50 m'),
  c(1, 'campus', 49.0, '雾享电子烟', ['ecig'], 'just inside the 50 m limit'),
  c(1, 'campus', 51.0, '体彩 0851 投注站', ['lottery'], 'just outside the 50 m limit'),
  c(
    1,
    'gate',
    49.5,
    '福彩 3107 投注站',
    ['lottery'],
    '49.5 m from a gate, outward: just inside 50 m',
  ),
  c(1, 'gate', 50.5, '李记烟行', ['tobacco'], '50.5 m from a gate, outward: just outside 50 m'),
  c(2, 'campus', 10.0, '体彩 2207 投注站', ['lottery'], 'far inside the 50 m limit'),
  c(2, 'campus', 50.0, '东山烟酒店', ['tobacco', 'liquor'], 'exactly at the 50 m limit'),
  c(2, 'campus', 120.0, '风云网咖', ['internet_cafe'], 'inside the 200 m limit, outside 50 m'),
  c(2, 'campus', 199.0, '夜色成人用品', ['adult'], 'just inside the 200 m limit'),
  c(2, 'campus', 200.0, '零度网咖', ['internet_cafe'], 'exactly at the 200 m limit'),
  c(2, 'campus', 201.0, '爱尚成人用品', ['adult'], 'just outside the 200 m limit'),
  c(3, 'campus', 49.0, '白河散装白酒坊', ['liquor'], 'just inside the 50 m limit'),
  c(3, 'campus', 51.0, '好运酒行', ['liquor'], 'just outside the 50 m limit'),
  c(
    3,
    'campus',
    199.0,
    '清风酒吧',
    ['entertainment', 'liquor'],
    'just inside the 200 m limit',
    'bar',
  ),
  c(3, 'campus', 200.0, '欢乐电玩城', ['entertainment'], 'exactly at the 200 m limit', 'arcade'),
  c(3, 'gate', 49.5, '蓝天电子烟', ['ecig'], '49.5 m from a gate, outward: just inside 50 m'),
  c(
    3,
    'gate',
    50.5,
    '老张烟酒店',
    ['tobacco', 'liquor'],
    '50.5 m from a gate, outward: just outside 50 m',
  ),
];
