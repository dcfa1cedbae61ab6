import type { ResolvedProfile } from '@atlas/rules';
import { runAudit } from '../audit.ts';
import type { AuditResult, Finding } from '../finding.ts';
import type { AuditOptions } from '../options.ts';
import { isStoreColumns } from '../store-columns.ts';
import { canLoadColumns, loadAuditColumns } from './load-columns.ts';
import type { LoadedColumnarInput } from './load-columns.ts';
import { loadAuditInput } from './load-input.ts';
import type { AuditFilter, AuditSource, LoadedInput } from './load-input.ts';

// One persisted audit run, the same for the API and the CLI:
// load from the store → audit → save the run with all its findings in one transaction.
// A store that can read stores as columns (AtlasStore) is loaded that way (load-columns.ts).

/** Where a run is saved: @atlas/store's AtlasStore fits. */
export interface AuditRunSink<R> {
  saveAuditRun(
    run: RunToSave,
    findings: { finding: Finding; township: string | null }[],
  ): Promise<R>;
}

export interface RunToSave {
  profileId: string;
  profile: ResolvedProfile;
  startedAt: string;
  finishedAt: string;
  filter: AuditFilter;
  summary: RunSummary;
}

/** What a run reports besides its findings: nothing it could not decide is left out. */
export interface RunSummary {
  /** Schools audited (after the filter) and targets read (the columnar loader reads only the
   *  stores in a category some rule of the profile names). */
  schools: number;
  stores: number;
  hazards: number;
  water: number;
  pipelines: number;
  walkableRoads: number;
  unauditable: AuditResult['unauditable'];
  unevaluatedRules: AuditResult['unevaluatedRules'];
  undecidedTargets: AuditResult['undecidedTargets'];
  timingsMs: { load: number; audit: number };
}

/** The 9-digit township code a school lies in (its village code cut short), or null. */
export function townshipOf(adminCode: string | null | undefined): string | null {
  const TOWNSHIP_DIGITS = 9;
  return adminCode && adminCode.length >= TOWNSHIP_DIGITS
    ? adminCode.slice(0, TOWNSHIP_DIGITS)
    : null;
}

export interface RunOptions extends Partial<AuditOptions> {
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
  /** Input already in memory (the CLI and benchmarks); loaded from the source otherwise. */
  input?: LoadedInput | LoadedColumnarInput;
}

export async function auditAndSave<R>(
  store: AuditSource & AuditRunSink<R>,
  profile: ResolvedProfile,
  filter: AuditFilter = {},
  options: RunOptions = {},
): Promise<{ run: R; result: AuditResult }> {
  const { now = () => new Date(), input: given, ...auditOptions } = options;
  const startedAt = now().toISOString();
  const t0 = performance.now();
  const input =
    given ??
    (canLoadColumns(store)
      ? await loadAuditColumns(store, profile, filter)
      : await loadAuditInput(store, filter));
  const t1 = performance.now();
  const result = runAudit(input, profile, auditOptions);
  const t2 = performance.now();
  const township = new Map(input.schools.map((s) => [s.id, townshipOf(s.properties.adminCode)]));
  const run = await store.saveAuditRun(
    {
      profileId: profile.id,
      profile,
      startedAt,
      finishedAt: now().toISOString(),
      filter,
      summary: {
        schools: input.schools.length,
        stores: isStoreColumns(input.stores) ? input.stores.count : input.stores.length,
        hazards: input.hazards.length,
        water: input.water.length,
        pipelines: input.pipelines.length,
        walkableRoads: input.roads.filter((r) => r.properties.walkable).length,
        unauditable: result.unauditable,
        unevaluatedRules: result.unevaluatedRules,
        undecidedTargets: result.undecidedTargets,
        timingsMs: { load: t1 - t0, audit: t2 - t1 },
      },
    },
    result.findings.map((finding) => ({
      finding,
      township: township.get(finding.schoolId) ?? null,
    })),
  );
  return { run, result };
}
