import type { DuckDBConnection } from '@duckdb/node-api';

// Audit runs and their findings. A run is written in one transaction with all its findings
// (never half a run). The store does not know the finding's full shape (that is @atlas/audit's):
// it keeps each finding as JSON plus the columns the API filters and diffs on.

/** What the store needs of a finding; the rest is kept verbatim as JSON. */
export interface FindingRecord {
  id: string;
  schoolId: string;
  targetKind: string;
  targetId: string;
  category: string;
  status: string;
  distanceM: number;
  rules: readonly { ruleId: string; status: string }[];
}

/** A finding to save, with its school's 9-digit township code (null when unknown). */
export interface FindingToSave<F extends FindingRecord> {
  finding: F;
  township: string | null;
}

export interface NewAuditRun {
  profileId: string;
  /** The resolved profile the run applied (JSON). */
  profile: unknown;
  /** ISO 8601 times. */
  startedAt: string;
  finishedAt: string;
  /** The request's filter (schools, bbox …), JSON. */
  filter: unknown;
  /** Everything else worth keeping: un-auditable schools, unevaluated rules, input sizes. */
  summary: unknown;
}

export interface AuditRunCounts {
  total: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
}

export interface AuditRun extends NewAuditRun {
  id: number;
  counts: AuditRunCounts;
}

export interface RunDiff<F> {
  new: F[];
  resolved: F[];
  changed: { before: F; after: F }[];
}

/** Two findings with the same id whose distances differ by more than this have changed. */
export const DIFF_DISTANCE_TOLERANCE_M = 0.01;

const ruleKey = (f: FindingRecord) => f.rules.map((r) => `${r.ruleId}:${r.status}`).join(',');

function countsOf(findings: readonly FindingToSave<FindingRecord>[]): AuditRunCounts {
  const counts: AuditRunCounts = { total: findings.length, byStatus: {}, byCategory: {} };
  for (const { finding: f } of findings) {
    counts.byStatus[f.status] = (counts.byStatus[f.status] ?? 0) + 1;
    counts.byCategory[f.category] = (counts.byCategory[f.category] ?? 0) + 1;
  }
  return counts;
}

/** Run inside a transaction (the caller's): the run row, then every finding via the Appender. */
export async function insertAuditRun<F extends FindingRecord>(
  c: DuckDBConnection,
  run: NewAuditRun,
  findings: readonly FindingToSave<F>[],
): Promise<AuditRun> {
  const counts = countsOf(findings);
  const reader = await c.runAndReadAll(
    `INSERT INTO audit_runs (profile_id, profile, started_at, finished_at, filter, counts, summary)
     VALUES ($1, $2::JSON, $3, $4, $5::JSON, $6::JSON, $7::JSON) RETURNING id`,
    [
      run.profileId,
      JSON.stringify(run.profile),
      run.startedAt,
      run.finishedAt,
      JSON.stringify(run.filter),
      JSON.stringify(counts),
      JSON.stringify(run.summary),
    ],
  );
  const id = Number(reader.getRowsJS()[0]?.[0]);
  if (findings.length > 0) {
    const appender = await c.createAppender('findings');
    try {
      for (const { finding: f, township } of findings) {
        appender.appendInteger(id);
        appender.appendVarchar(f.id);
        appender.appendVarchar(f.schoolId);
        appender.appendVarchar(f.category);
        appender.appendVarchar(f.status);
        if (township === null) appender.appendNull();
        else appender.appendVarchar(township);
        appender.appendVarchar(f.targetKind);
        appender.appendVarchar(f.targetId);
        appender.appendDouble(f.distanceM);
        appender.appendVarchar(ruleKey(f));
        appender.appendVarchar(JSON.stringify(f));
        appender.endRow();
      }
    } finally {
      appender.closeSync(); // flushes
    }
  }
  return { id, ...run, counts };
}

const RUN_COLUMNS = 'id, profile_id, profile, started_at, finished_at, filter, counts, summary';

function runFrom(row: Record<string, unknown>): AuditRun {
  const json = (v: unknown) => JSON.parse(String(v)) as unknown;
  return {
    id: Number(row.id),
    profileId: String(row.profile_id),
    profile: json(row.profile),
    startedAt: String(row.started_at),
    finishedAt: String(row.finished_at),
    filter: json(row.filter),
    counts: json(row.counts) as AuditRunCounts,
    summary: json(row.summary),
  };
}

/** Every run, newest first. */
export async function selectAuditRuns(c: DuckDBConnection): Promise<AuditRun[]> {
  const reader = await c.runAndReadAll(`SELECT ${RUN_COLUMNS} FROM audit_runs ORDER BY id DESC`);
  return reader.getRowObjectsJS().map(runFrom);
}

export async function selectAuditRun(c: DuckDBConnection, id: number): Promise<AuditRun | null> {
  const reader = await c.runAndReadAll(`SELECT ${RUN_COLUMNS} FROM audit_runs WHERE id = $1`, [id]);
  const row = reader.getRowObjectsJS()[0];
  return row ? runFrom(row) : null;
}

/** Findings of run b against run a, by finding id: new in b, resolved since a, changed. */
export async function selectRunDiff<F>(
  c: DuckDBConnection,
  a: number,
  b: number,
): Promise<RunDiff<F>> {
  const reader = await c.runAndReadAll(
    `SELECT x.finding AS before, y.finding AS after
       FROM (SELECT * FROM findings WHERE run_id = $1) x
       FULL OUTER JOIN (SELECT * FROM findings WHERE run_id = $2) y ON x.id = y.id
      WHERE x.id IS NULL OR y.id IS NULL OR x.status <> y.status
         OR abs(x.distance_m - y.distance_m) > $3 OR x.rule_key <> y.rule_key
      ORDER BY coalesce(x.id, y.id)`,
    [a, b, DIFF_DISTANCE_TOLERANCE_M],
  );
  const diff: RunDiff<F> = { new: [], resolved: [], changed: [] };
  const parse = (v: unknown) => JSON.parse(String(v)) as F;
  for (const row of reader.getRowObjectsJS()) {
    if (row.before === null) diff.new.push(parse(row.after));
    else if (row.after === null) diff.resolved.push(parse(row.before));
    else diff.changed.push({ before: parse(row.before), after: parse(row.after) });
  }
  return diff;
}
