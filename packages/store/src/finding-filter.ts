import type { DuckDBValue } from '@duckdb/node-api';
import { listValue } from '@duckdb/node-api';

// Which of a run's findings a query means, as SQL over `findings f` (joined, where a school
// type is asked for, with `schools s`). Shared by the findings pages and the summary, so
// that a list and the counts beside it always agree. A list means "any of these", an absent
// or empty one "all".

export interface FindingFilter {
  school?: string;
  /** Finding categories (store categories, hazard types, water or pipeline kinds). */
  categories?: readonly string[];
  statuses?: readonly string[];
  /** Types of the schools as stored now (a finding whose school is gone has none). */
  schoolTypes?: readonly string[];
  /** 9-digit township code, as kept with each finding. */
  township?: string;
  targetId?: string;
}

export interface FindingWhere {
  /** Conditions to AND; $1 is the run id. */
  where: string[];
  values: DuckDBValue[];
  /** True when a condition reads `s` (the finding's school). */
  readsSchool: boolean;
}

export function findingWhere(runId: number, f: FindingFilter): FindingWhere {
  const values: DuckDBValue[] = [runId];
  const where = ['f.run_id = $1'];
  const equals = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    values.push(value);
    where.push(`${column} = $${values.length}`);
  };
  const anyOf = (column: string, list: readonly string[] | undefined) => {
    if (!list || list.length === 0) return false;
    // One value as equality: DuckDB can use the column's statistics for it.
    if (list.length === 1) equals(column, list[0]);
    else {
      values.push(listValue([...list]));
      where.push(`list_contains($${values.length}, ${column})`);
    }
    return true;
  };
  equals('f.school_id', f.school);
  anyOf('f.category', f.categories);
  anyOf('f.status', f.statuses);
  const readsSchool = anyOf('s.type', f.schoolTypes);
  equals('f.township', f.township);
  equals('f.target_id', f.targetId);
  return { where, values, readsSchool };
}
