import { Readable } from 'node:stream';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Finding, TargetKind } from '@atlas/audit';
import { exportFindings, findingRows, type FindingNames } from '@atlas/import';
import type { LayerName } from '@atlas/model';
import type { AtlasStore, FindingPage } from '@atlas/store';
import type { AppEnv } from '../app-env.ts';
import { runOr404 } from './audits.ts';

// GET /api/audits/:id/export?format=geojson|csv|xlsx — every finding of a run as a
// download, with the same columns as `npm run audit` writes.

/** Findings read per query while collecting a run. */
const FINDINGS_PAGE_SIZE = 5_000;
const LAYER_OF: Record<TargetKind, LayerName> = {
  store: 'stores',
  hazard: 'hazards',
  water: 'water',
  pipeline: 'pipelines',
};

const ExportQuery = z.object({
  format: z.enum(['geojson', 'csv', 'xlsx']).default('csv').openapi({ example: 'csv' }),
});
const RunParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

async function allFindings(store: AtlasStore, runId: number): Promise<Finding[]> {
  const findings: Finding[] = [];
  let cursor: string | null = null;
  do {
    const page: FindingPage<Finding> = await store.queryFindings<Finding>(runId, {
      limit: FINDINGS_PAGE_SIZE,
      cursor,
    });
    findings.push(...page.findings);
    cursor = page.nextCursor;
  } while (cursor);
  return findings;
}

/** Names of the schools and targets the findings mention, as stored now. */
async function namesOf(store: AtlasStore, findings: readonly Finding[]): Promise<FindingNames> {
  const ids = new Map<LayerName, Set<string>>();
  const want = (layer: LayerName, id: string) =>
    ids.set(layer, (ids.get(layer) ?? new Set()).add(id));
  for (const f of findings) {
    want('schools', f.schoolId);
    want(LAYER_OF[f.targetKind], f.targetId);
  }
  const schools = new Map<string, { name: string; adminCode?: string | null }>();
  const targets = new Map<string, string>();
  for (const [layer, set] of ids) {
    for (const feature of await store.getMany(layer, [...set])) {
      if (layer === 'schools') schools.set(feature.id, feature.properties as { name: string });
      else targets.set(feature.id, feature.properties.name);
    }
  }
  return { schools, targets };
}

const exportRoute = createRoute({
  method: 'get',
  path: '/api/audits/{id}/export',
  tags: ['audits'],
  summary: 'Every finding of a run as GeoJSON lines, CSV (UTF-8 with BOM) or XLSX',
  request: { params: RunParam, query: ExportQuery },
  responses: {
    200: { description: 'The file' },
    404: {
      content: { 'application/problem+json': { schema: z.object({}).passthrough() } },
      description: 'No such run',
    },
  },
});

export const auditExports = new OpenAPIHono<AppEnv>().openapi(exportRoute, async (c) => {
  const store = c.get('store');
  const { id } = c.req.valid('param');
  await runOr404(store, id);
  const findings = await allFindings(store, id);
  const rows = findingRows(findings, await namesOf(store, findings));
  const out = exportFindings(findings, rows, c.req.valid('query').format, `audit-${id}`);
  return c.body(Readable.toWeb(out.body) as ReadableStream, 200, {
    'content-type': out.contentType,
    'content-disposition': `attachment; filename="${out.fileName}"`,
  });
});
