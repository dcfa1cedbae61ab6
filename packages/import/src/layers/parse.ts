import type { FieldKind } from './specs.ts';

// One cell → one typed value, or the reason it cannot be. Empty cells are null (whether
// that is allowed is the model's call). Numbers accept thousands separators and a
// trailing unit people type (1,200人, 15米); anything else in a number field is a problem.

export type Parsed = { value: unknown } | { error: string };

const TRUE_TEXT = new Set([
  '是',
  '有',
  'y',
  'yes',
  'true',
  '1',
  '√',
  '✓',
  '✔',
  '已设置',
  '已安装',
  '齐全',
]);
const FALSE_TEXT = new Set(['否', '无', 'n', 'no', 'false', '0', '×', '✗', '未设置', '没有', '缺']);
const NUMBER_UNIT = /(人|户|个|处|米|m|千伏|kv|km\/h|公里\/小时)$/i;
/** Excel's day 0 is 1899-12-30 (counting its phantom 1900-02-29). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const EXCEL_SERIAL_MIN = 1;
const EXCEL_SERIAL_MAX = 2_958_465; // 9999-12-31

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function text(v: unknown): string {
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  return String(v).trim();
}

function number(v: unknown): Parsed {
  if (typeof v === 'number')
    return Number.isFinite(v) ? { value: v } : { error: `not a finite number: ${v}` };
  const s = String(v).normalize('NFKC').trim().replace(/[,\s]/g, '').replace(NUMBER_UNIT, '');
  const n = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : NaN;
  return Number.isFinite(n)
    ? { value: n }
    : { error: `not a number: ${JSON.stringify(String(v))}` };
}

function date(v: unknown): Parsed {
  if (v instanceof Date)
    return Number.isNaN(v.getTime()) ? { error: 'invalid date' } : { value: isoDate(v) };
  if (typeof v === 'number') {
    if (v < EXCEL_SERIAL_MIN || v > EXCEL_SERIAL_MAX) return { error: `not a date: ${v}` };
    return { value: isoDate(new Date(EXCEL_EPOCH_MS + Math.floor(v) * DAY_MS)) };
  }
  const s = String(v).normalize('NFKC').trim();
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m)
    return {
      error: `not a date (expected 2026-12-31, 2026/12/31 or 2026年12月31日): ${JSON.stringify(s)}`,
    };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const parsed = new Date(Date.UTC(y, mo - 1, d));
  if (parsed.getUTCMonth() !== mo - 1 || parsed.getUTCDate() !== d)
    return { error: `no such date: ${s}` };
  return { value: isoDate(parsed) };
}

function bool(v: unknown): Parsed {
  if (typeof v === 'boolean') return { value: v };
  if (typeof v === 'number') return { value: v > 0 }; // a count: 救生圈 2 (个)
  const s = String(v).normalize('NFKC').trim().toLowerCase();
  if (TRUE_TEXT.has(s)) return { value: true };
  if (FALSE_TEXT.has(s)) return { value: false };
  const count = number(s);
  if ('value' in count) return { value: (count.value as number) > 0 };
  return { error: `not yes/no (是/否, 有/无): ${JSON.stringify(String(v))}` };
}

export function parseCell(kind: FieldKind, v: unknown): Parsed {
  if (isBlank(v)) return { value: null };
  switch (kind) {
    case 'text':
      return { value: text(v) };
    case 'code':
      return { value: text(v).replace(/\s/g, '') };
    case 'number':
      return number(v);
    case 'int': {
      const n = number(v);
      if ('error' in n) return n;
      return Number.isInteger(n.value)
        ? n
        : { error: `not a whole number: ${JSON.stringify(String(v))}` };
    }
    case 'bool':
      return bool(v);
    case 'date':
      return date(v);
  }
}
