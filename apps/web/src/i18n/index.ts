// The active language. Only Simplified Chinese exists today; add a language by writing another
// Messages object beside zh-CN.ts and choosing it here.
import { zhCN } from './zh-CN.ts';
import type { Messages } from './zh-CN.ts';

export type { Messages };
export const t: Messages = zhCN;
