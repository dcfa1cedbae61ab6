// Chinese name pools for the fictional district. Every name here is invented; any likeness
// to a real place or business is by chance.

export const COUNTY_NAME = '云溪县（虚构）';
/** The county's short name as used inside other names (云溪县第一中学, 云溪街道). */
export const COUNTY_SHORT = '云溪';
/** Fictional 6-digit code under 宜昌市 (4205); not a real county. */
export const COUNTY_CODE = '420599';
export const PREFECTURE_CODE = '420500';

/** The townships: the first is the county seat (街道); codes 0xx 街道, 1xx 镇, 2xx 乡. */
export const TOWNSHIPS = [
  { name: '云溪街道', code: '001', short: '云溪' },
  { name: '青石镇', code: '101', short: '青石' },
  { name: '东山镇', code: '102', short: '东山' },
  { name: '白河镇', code: '103', short: '白河' },
  { name: '龙潭镇', code: '104', short: '龙潭' },
  { name: '马坪镇', code: '105', short: '马坪' },
  { name: '柳林乡', code: '201', short: '柳林' },
  { name: '金竹乡', code: '202', short: '金竹' },
] as const;

export const SEAT_COMMUNITIES = ['文昌', '城东', '城西', '河滨', '解放路', '金鸡'];

// prettier-ignore
export const VILLAGE_NAMES = [
  '石门', '桃园', '双河', '枫林', '茶园', '竹园', '黄岭', '白果', '杨柳', '高峰', '长岭', '红岩', '雾渡', '三岔', '龙泉',
  '金盆', '凤凰', '大坪', '小溪', '柏树', '梨子坪', '松林', '板桥', '黄金', '清泉', '马鞍', '丰收', '新华', '向阳', '青龙',
  '官庄', '古井', '鹰嘴', '玉泉', '鸡公', '平溪', '赵家湾', '周家', '李家湾', '何家坪', '桂花', '樱桃', '天池', '响水',
  '岩屋', '庙垭', '檀树', '土门', '九里', '花桥', '水田', '大堰', '五龙', '麻溪', '苦竹', '太平', '龙门', '仙女', '杉木',
];

// prettier-ignore
export const STREET_NAMES_NS = [
  '文昌路', '解放路', '人民路', '建设路', '中山路', '团结路', '胜利路', '和平路', '新华路',
];
// prettier-ignore
export const STREET_NAMES_EW = [
  '滨河大道', '朝阳街', '青年街', '云溪大道', '幸福街', '兴隆街', '民主街',
];

// prettier-ignore
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭',
  '马', '罗', '梁', '宋', '郑', '谢', '韩', '唐', '冯', '邓', '曹', '彭',
];
// prettier-ignore
export const GIVEN_NAMES = [
  '建国', '秀英', '志强', '丽华', '国平', '春梅', '德胜', '小军', '玉兰', '海涛', '红霞', '明亮', '桂芳', '永红', '文斌',
  '慧敏', '长江', '金花', '俊杰', '淑珍',
];

// prettier-ignore
export const SHOP_WORDS = [
  '星空', '极速', '风云', '零度', '蓝天', '飞跃', '逸动', '宏图', '悦享', '欢乐', '金色', '阳光', '好运', '鸿运', '四季',
  '天天', '佳佳', '兴旺', '顺发', '万家', '红星', '绿野', '清风', '明月', '福满', '吉祥', '利民', '新概念',
];
// prettier-ignore
export const PLACE_WORDS = [
  '王家湾', '后山', '岩口', '大垭', '黑龙沟', '老虎岩', '枫树坡', '白岩', '堰塘湾', '鹰嘴岩', '石板沟', '马家坡', '杉树垭',
  '大湾', '竹林坡',
];
