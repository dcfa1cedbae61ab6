import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '@atlas/audit';
import { demoApp, json, post } from './audits-test-app.ts';

type Ctx = Awaited<ReturnType<typeof demoApp>>;
let ctx: Ctx;
let runId: number;
let findings: Finding[];
/** A finding with a name, a school and a distance that is not a whole number of metres. */
let sample: Finding;

beforeAll(async () => {
  ctx = await demoApp();
  runId = (
    await json<{ id: number }>(
      await ctx.app.request('/api/audits', post({ profile: 'hubei' })),
      201,
    )
  ).id;
  findings = (
    await json<{ findings: Finding[] }>(
      await ctx.app.request(`/api/audits/${runId}/findings?limit=1000`),
      200,
    )
  ).findings;
  sample = findings.find((f) => f.targetKind === 'store' && !Number.isInteger(f.distanceM))!;
});
afterAll(() => ctx.close());

async function download(format: string) {
  const res = await ctx.app.request(`/api/audits/${runId}/export?format=${format}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toBe(
    `attachment; filename="audit-${runId}.${format}"`,
  );
  return res;
}
const decimetre = (m: number) => Math.round(m * 10) / 10;

describe('GET /api/audits/:id/export', () => {
  it('writes CSV as UTF-8 with a BOM, one row per finding, distances to 0.1 m', async () => {
    const bytes = new Uint8Array(await (await download('csv')).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).toMatch(/^编号\(id\),学校标识码\(school_id\),学校名称\(school_name\),/);
    expect(lines).toHaveLength(findings.length + 1);
    const header = lines[0]!.split(',');
    const row = lines.find((l) => l.startsWith(`${sample.id},`))!.split(',');
    const at = (key: string) => row[header.findIndex((h) => h.endsWith(`(${key})`))];
    expect(Number(at('distance_m'))).toBe(decimetre(sample.distanceM));
    expect(at('school_id')).toBe(sample.schoolId);
    expect(at('school_name')).toMatch(/[\u4e00-\u9fff]/);
    expect(at('target_name')).toMatch(/[\u4e00-\u9fff]/);
    expect(at('status')).toBe(sample.status);
    expect(at('rule_ids')).toBe(sample.rules.map((r) => r.ruleId).join(' '));
    expect(at('legal_sources')).toContain(sample.rules[0]!.source.title);
  });

  it('writes GeoJSON lines from the origin point to the target point, or the walking path', async () => {
    const fc = (await (await download('geojson')).json()) as {
      features: {
        id: string;
        geometry: { type: string; coordinates: number[][] };
        properties: { distance_m: number; status_label: string };
      }[];
    };
    expect(fc.features).toHaveLength(findings.length);
    const f = fc.features.find((x) => x.id === sample.id)!;
    expect(f.geometry.type).toBe('LineString');
    expect(f.geometry.coordinates).toEqual(sample.path ?? [sample.originPoint, sample.targetPoint]);
    expect(f.properties.distance_m).toBe(decimetre(sample.distanceM));
    expect(f.properties.status_label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('writes XLSX that exceljs opens, with the header row and one row per finding', async () => {
    const buffer = await (await download('xlsx')).arrayBuffer();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe('编号(id)');
    expect(header).toContain('距离米(distance_m)');
    expect(sheet.rowCount).toBe(findings.length + 1);
    const distanceCol = header.indexOf('距离米(distance_m)') + 1;
    const row = sheet.getRows(2, findings.length)!.find((r) => r.getCell(1).value === sample.id)!;
    expect(row.getCell(distanceCol).value).toBe(decimetre(sample.distanceM));
  });

  it('answers 404 for a run that does not exist and 400 for an unknown format', async () => {
    expect((await ctx.app.request('/api/audits/9999/export?format=csv')).status).toBe(404);
    expect((await ctx.app.request(`/api/audits/${runId}/export?format=shp`)).status).toBe(400);
  });
});
