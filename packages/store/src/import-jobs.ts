import type { DuckDBConnection } from '@duckdb/node-api';

// Import jobs as the API keeps them between an upload's preview and its commit, so that
// a restart still answers for them. The store keeps the columns it filters on and the
// rest (options, progress, reports: bounded by the importer's limits) as JSON it never
// reads. What a status means is the API's business.

export interface StoredImportJob {
  id: string;
  layer: string;
  fileName: string;
  status: string;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
  /** Where the uploaded file waits (null once removed). */
  dir: string | null;
  /** Everything else about the job, as the API shapes it. */
  details: unknown;
}

const COLUMNS = 'id, layer, file_name, status, created_at, updated_at, dir, details';

function fromRow(row: unknown[]): StoredImportJob {
  const [id, layer, fileName, status, createdAt, updatedAt, dir, details] = row;
  return {
    id: String(id),
    layer: String(layer),
    fileName: String(fileName),
    status: String(status),
    createdAt: String(createdAt),
    updatedAt: String(updatedAt),
    dir: dir === null ? null : String(dir),
    details: JSON.parse(String(details)) as unknown,
  };
}

export async function upsertImportJob(c: DuckDBConnection, job: StoredImportJob): Promise<void> {
  await c.run('DELETE FROM import_jobs WHERE id = $1', [job.id]);
  await c.run(`INSERT INTO import_jobs (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
    job.id,
    job.layer,
    job.fileName,
    job.status,
    job.createdAt,
    job.updatedAt,
    job.dir,
    JSON.stringify(job.details ?? null),
  ]);
}

export async function selectImportJob(
  c: DuckDBConnection,
  id: string,
): Promise<StoredImportJob | null> {
  const reader = await c.runAndReadAll(`SELECT ${COLUMNS} FROM import_jobs WHERE id = $1`, [id]);
  const row = reader.getRowsJS()[0];
  return row ? fromRow(row) : null;
}

/** The newest `limit` jobs, newest first. */
export async function selectImportJobs(
  c: DuckDBConnection,
  limit: number,
): Promise<StoredImportJob[]> {
  const reader = await c.runAndReadAll(
    `SELECT ${COLUMNS} FROM import_jobs ORDER BY created_at DESC, id LIMIT $1`,
    [limit],
  );
  return reader.getRowsJS().map(fromRow);
}

export async function deleteImportJobs(c: DuckDBConnection, ids: readonly string[]) {
  for (const id of ids) await c.run('DELETE FROM import_jobs WHERE id = $1', [id]);
}
