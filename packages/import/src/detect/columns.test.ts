import { describe, expect, it } from 'vitest';
import { detectColumns, headerScore } from './columns.ts';

const fieldOf = (m: ReturnType<typeof detectColumns>, column: string) =>
  m.matches.find((x) => x.column === column);

describe('detectColumns', () => {
  it('maps a Chinese shop register to store fields, sure of exact headers', () => {
    const m = detectColumns('stores', ['序号', '店名', '经营地址', '许可证号', '经度', '纬度']);
    expect(fieldOf(m, '店名')).toEqual({ field: 'name', column: '店名', confidence: 'sure' });
    expect(fieldOf(m, '经度')?.field).toBe('x');
    expect(fieldOf(m, '纬度')?.field).toBe('y');
    expect(fieldOf(m, '许可证号')?.field).toBe('licenceNo');
    expect(m.unused).toEqual(['序号']);
    expect(m.missing).toEqual([]);
  });

  it('maps English headers and full-width or bracketed variants', () => {
    const m = detectColumns('stores', ['Name', 'LNG', 'Lat', 'Address']);
    expect(m.matches.map((x) => x.field).sort()).toEqual(['address', 'name', 'x', 'y']);
    const n = detectColumns('stores', ['名称（店招）', '经度(高德)', '纬度(高德)']);
    expect(n.matches.map((x) => x.field).sort()).toEqual(['name', 'x', 'y']);
  });

  it('marks a header that only contains a known word as unsure', () => {
    const m = detectColumns('stores', ['门店名称信息', 'lon', 'lat']);
    expect(fieldOf(m, '门店名称信息')).toMatchObject({ field: 'name', confidence: 'unsure' });
  });

  it('lets an explicit mapping win, and lists required fields with no column', () => {
    const m = detectColumns('schools', ['代码', '校名', 'x', 'y'], { code: '代码' });
    expect(fieldOf(m, '代码')).toMatchObject({ field: 'code', confidence: 'user' });
    expect(m.missing).toEqual(['type', 'adminCode']);
  });

  it('uses each column for one field only', () => {
    const m = detectColumns('hazards', ['编号', '类型', '规模', '经度', '纬度']);
    const columns = m.matches.map((x) => x.column);
    expect(new Set(columns).size).toBe(columns.length);
  });

  it('scores a header row above a title row', () => {
    expect(headerScore('hazards', ['某某区地质灾害隐患点台账'])).toBe(0);
    expect(headerScore('hazards', ['统一编号', '乡镇', '村', '经度', '纬度'])).toBe(5);
  });
});
