import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { listValue } from '@duckdb/node-api';
import type { Bbox } from '@atlas/model';
import { assertBbox } from './bbox.ts';
import { findingWhere, type FindingFilter } from './finding-filter.ts';

// A run's findings counted for the district view, in SQL: per status, per school type, per
// (target kind, category), per township (every stored 乡镇 with its name, zero or not) and
// the schools with most findings. Filters narrow every count alike; a list filter means
// "any of these", an absent or empty one "all". A school type or bbox filter keeps only
// findings whose school is still stored (it is joined for its type, name and position).
// Each answer names the newest run saved, so that a client holding an older id moves on.

/** The findings filter (finding-filter.ts) less school and target, plus a bbox. */
export interface FindingSummaryFilter extends Omit<FindingFilter, 'school' | 'targetId'> {
  /** Schools whose bbox meets [west, south, east, north] (degrees, WGS84). */
  bbox?: Bbox;
}

export interface FindingSummaryQuery extends FindingSummaryFilter {
  /** How many of the schools with most findings to list (0 for none). */
  schoolLimit: number;
}

export interface FindingSummary {
  total: number;
  byStatus: Record<string, number>;
  bySchoolType: Record<string, number>;
  /** Most findings first. */
  byCategory: { targetKind: string; category: string; count: number }[];
  /** Every stored township (by code), and any other township code a finding carries. */
  townships: { code: string; name: string | null; count: number }[];
  /** Schools with most findings first (ties by id), at most schoolLimit of them. */
  schools: {
    id: string;
    name: string | null;
    type: string | null;
    township: string | null;
    count: number;
  }[];
  /** How many schools have at least one finding under the filter. */
  schoolCount: number;
  /** The newest run saved (≥ the run counted): a client counting an older one moves on. */
  latestRunId: number;
}

const TOWNSHIP_LEVEL = 'township';
/**
 * grouping(status, school_type, target_kind, category, township) of each grouping set: a
 * bit is 1 where that column is not grouped (the first column is the highest bit).
 */
const BY = { status: 0b01111, schoolType: 0b10111, category: 0b11001, township: 0b11110 };

/** The filtered findings, joined with their schools, as a CTE body with its values. */
function filtered(runId: number, f: FindingSummaryFilter): { sql: string; values: DuckDBValue[] } {
  const { where, values } = findingWhere(runId, {
    categories: f.categories,
    statuses: f.statuses,
    schoolTypes: f.schoolTypes,
    township: f.township,
  });
  if (f.bbox) {
    assertBbox(f.bbox);
    const [w, s, e, n] = f.bbox;
    values.push(w, s, e, n);
    const at = values.length;
    where.push(
      `s.xmax >= $${at - 3} AND s.ymax >= $${at - 2} AND s.xmin <= $${at - 1} AND s.ymin <= $${at}`,
    );
  }
  const sql = `SELECT f.status, f.category, f.target_kind, f.township, f.school_id,
                      s.type AS school_type
                 FROM findings f LEFT JOIN schools s ON s.id = f.school_id
                WHERE ${where.join(' AND ')}`;
  return { sql, values };
}

const int = (v: unknown) => Number(v);
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

export async function selectFindingSummary(
  c: DuckDBConnection,
  runId: number,
  q: FindingSummaryQuery,
): Promise<FindingSummary> {
  if (!Number.isSafeInteger(q.schoolLimit) || q.schoolLimit < 0)
    throw new RangeError(`schoolLimit ${q.schoolLimit}: expected a whole number ≥ 0`);
  const { sql, values } = filtered(runId, q);
  const read = async (query: string, extra: DuckDBValue[] = []) =>
    (await c.runAndReadAll(`WITH f AS (${sql}) ${query}`, [...values, ...extra]))
      .getRowObjectsJS()
      .map((r) => r as Record<string, unknown>);

  const groups = await read(
    `SELECT grouping(status, school_type, target_kind, category, township) AS g,
            status, school_type, target_kind, category, township, count(*) AS n
       FROM f
      GROUP BY GROUPING SETS ((status), (school_type), (target_kind, category), (township))`,
  );
  const summary: FindingSummary = {
    total: 0,
    byStatus: {},
    bySchoolType: {},
    byCategory: [],
    townships: [],
    schools: [],
    schoolCount: 0,
    latestRunId: runId,
  };
  const townshipCounts = new Map<string, number>();
  for (const r of groups) {
    const n = int(r.n);
    const g = int(r.g);
    if (g === BY.status) {
      summary.byStatus[String(r.status)] = n;
      summary.total += n;
    } else if (g === BY.schoolType && r.school_type !== null)
      summary.bySchoolType[String(r.school_type)] = n;
    else if (g === BY.category)
      summary.byCategory.push({
        targetKind: String(r.target_kind),
        category: String(r.category),
        count: n,
      });
    else if (g === BY.township && r.township !== null) townshipCounts.set(String(r.township), n);
  }
  summary.byCategory.sort(
    (a, b) => b.count - a.count || a.category.localeCompare(b.category, 'en'),
  );

  const areas = await c.runAndReadAll(
    `SELECT code, properties->>'name' AS name FROM admin_areas WHERE level = $1 ORDER BY code`,
    [TOWNSHIP_LEVEL],
  );
  const names = new Map(areas.getRowObjectsJS().map((r) => [String(r.code), text(r.name)]));
  const codes = [...new Set([...names.keys(), ...townshipCounts.keys()])].sort();
  summary.townships = codes.map((code) => ({
    code,
    name: names.get(code) ?? null,
    count: townshipCounts.get(code) ?? 0,
  }));

  const schools = await read(
    `SELECT school_id, count(*) AS n, any_value(township) AS township, count(*) OVER () AS schools
       FROM f GROUP BY school_id ORDER BY n DESC, school_id LIMIT $${values.length + 1}`,
    [Math.max(q.schoolLimit, 1)],
  );
  summary.schoolCount = schools[0] ? int(schools[0].schools) : 0;
  const listed = schools.slice(0, q.schoolLimit);
  const stored = listed.length
    ? await c.runAndReadAll(
        `SELECT id, type, properties->>'name' AS name FROM schools WHERE list_contains($1, id)`,
        [listValue(listed.map((r) => String(r.school_id)))],
      )
    : null;
  const byId = new Map(stored?.getRowObjectsJS().map((r) => [String(r.id), r]) ?? []);
  summary.schools = listed.map((r) => {
    const s = byId.get(String(r.school_id));
    return {
      id: String(r.school_id),
      name: text(s?.name),
      type: text(s?.type),
      township: text(r.township),
      count: int(r.n),
    };
  });
  const newest = await c.runAndReadAll(`SELECT max(id) AS id FROM audit_runs`);
  summary.latestRunId = Math.max(runId, int(newest.getRowObjectsJS()[0]?.id ?? runId));
  return summary;
}
