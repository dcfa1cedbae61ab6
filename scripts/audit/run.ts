import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { auditAndSave, loadAuditInput } from '@atlas/audit';
import { RuleProfile, readShippedProfiles, resolveFromLibrary } from '@atlas/rules';
import { openStore } from '@atlas/store';
import { rowsOf } from './export-rows.ts';
import type { FindingRow } from './export-rows.ts';
import { toCsv, toGeoJson } from './write.ts';

// The audit without the server: open the database, resolve the profile, audit, save the run
// (the same pipeline as POST /api/audits), then write the findings as CSV or GeoJSON.

export const USAGE =
  'usage: npm run audit -- --db FILE --profile NAME --out findings.csv|findings.geojson';

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
  const format = out.endsWith('.csv') ? 'csv' : out.endsWith('.geojson') ? 'geojson' : null;
  if (!format) throw new CliError(`--out must end in .csv or .geojson, got "${out}"\n${USAGE}`);

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
    const rows = rowsOf(result.findings, input);
    await writeFile(
      out,
      format === 'csv' ? toCsv(rows, CSV_COLUMNS) : toGeoJson(result.findings, rows),
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

/** The CSV columns, in order. */
const CSV_COLUMNS: (keyof FindingRow)[] = [
  'id',
  'school_id',
  'school_name',
  'township',
  'target_kind',
  'target_id',
  'target_name',
  'category',
  'status',
  'status_label',
  'effect',
  'effect_label',
  'distance_m',
  'limit_m',
  'margin_m',
  'uncertainty_m',
  'origin',
  'metric',
  'rule_ids',
  'legal_source',
  'origin_lng',
  'origin_lat',
  'target_lng',
  'target_lat',
];
