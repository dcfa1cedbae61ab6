import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { auditAndSave, loadAuditInput } from '@atlas/audit';
import { RuleProfile, readShippedProfiles, resolveFromLibrary } from '@atlas/rules';
import {
  findingRows,
  findingsCsv,
  findingsGeoJson,
  findingsXlsx,
  namesFromInput,
} from '@atlas/import';
import { openStore } from '@atlas/store';

// The audit without the server: open the database, resolve the profile, audit, save the run
// (the same pipeline as POST /api/audits), then write the findings as CSV, XLSX or GeoJSON
// with the same columns as GET /api/audits/:id/export (@atlas/import findingRows).

export const USAGE =
  'usage: npm run audit -- --db FILE --profile NAME --out findings.csv|findings.xlsx|findings.geojson';

export interface CliResult {
  runId: number;
  findings: number;
  unauditable: number;
  out: string;
}

export class CliError extends Error {}

export async function runCli(argv: string[], log: (line: string) => void = console.log) {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      profile: { type: 'string', default: 'hubei' },
      out: { type: 'string' },
    },
  });
  const { db, profile, out } = values;
  if (!db || !out) throw new CliError(`--db and --out are required\n${USAGE}`);
  const format = (['csv', 'xlsx', 'geojson'] as const).find((f) => out.endsWith(`.${f}`));
  if (!format)
    throw new CliError(`--out must end in .csv, .xlsx or .geojson, got "${out}"\n${USAGE}`);

  const store = await openStore(db, { create: false });
  try {
    const user = (await store.listProfiles()).map((p) => RuleProfile.parse(p.profile));
    const hasRoads = (await store.walkableRoadCount()) > 0;
    const resolved = resolveFromLibrary(
      profile,
      { shipped: readShippedProfiles(), user },
      { hasRoads },
    );
    if (!resolved.ok)
      throw new CliError(
        `invalid profile "${profile}":\n${resolved.problems.map((p) => `  ${p.field ?? ''}: ${p.reason}`).join('\n')}`,
      );
    const input = await loadAuditInput(store);
    const { run, result } = await auditAndSave(store, resolved.profile, {}, { input });
    const rows = findingRows(result.findings, namesFromInput(input));
    await writeFile(
      out,
      format === 'csv'
        ? findingsCsv(rows)
        : format === 'xlsx'
          ? await findingsXlsx(rows)
          : findingsGeoJson(result.findings, rows),
    );
    log(
      `audit run ${run.id} (${resolved.profile.id}): ${result.findings.length} findings ` +
        `${JSON.stringify(run.counts.byStatus)}, ${result.unauditable.length} un-auditable → ${out}`,
    );
    return {
      runId: run.id,
      findings: result.findings.length,
      unauditable: result.unauditable.length,
      out,
    } satisfies CliResult;
  } finally {
    await store.close();
  }
}
