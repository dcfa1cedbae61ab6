import { z } from '@hono/zod-openapi';
import type { AtlasStore, StoredImportJob } from '@atlas/store';
import { ImportOptions, ImportProgress, ImportReport } from '@atlas/import';

// One import job's shape (written once, as zod, for responses and OpenAPI) and how it is
// kept in the store so that a restart still answers for it.

export const JobStatus = z.enum([
  'previewing',
  'previewed',
  'committing',
  'committed',
  'rejected',
  'error',
  'cancelled',
  'interrupted',
]);
export type JobStatus = z.infer<typeof JobStatus>;

export const ImportJob = z.object({
  id: z.string(),
  status: JobStatus.describe(
    'interrupted: the server stopped while it ran (nothing was written); cancelled: DELETE',
  ),
  fileName: z.string(),
  options: ImportOptions,
  createdAt: z.string(),
  updatedAt: z.string(),
  progress: ImportProgress.nullable(),
  preview: ImportReport.nullable().describe(
    'the dry run: counts, mapping, CRS, first rows, problems',
  ),
  result: ImportReport.nullable().describe('the last commit attempt'),
  error: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

const RESTING: readonly JobStatus[] = [
  'previewed',
  'committed',
  'rejected',
  'error',
  'cancelled',
  'interrupted',
];
const RUNNING: readonly JobStatus[] = ['previewing', 'committing'];

/** A job that is not running: it may be read, committed (unless committed) or cancelled. */
export function isResting(status: JobStatus): boolean {
  return RESTING.includes(status);
}

/** What the store keeps besides its own columns. */
const Details = ImportJob.pick({ options: true, preview: true, result: true, error: true });

export function toStored(job: ImportJob, dir: string | null): StoredImportJob {
  const { id, status, fileName, createdAt, updatedAt, options, preview, result, error } = job;
  return {
    id,
    layer: options.layer,
    fileName,
    status,
    createdAt,
    updatedAt,
    dir,
    details: { options, preview, result, error },
  };
}

export function fromStored(stored: StoredImportJob): { job: ImportJob; dir: string | null } {
  const details = Details.parse(stored.details);
  const job: ImportJob = {
    id: stored.id,
    status: JobStatus.parse(stored.status),
    fileName: stored.fileName,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    progress: null,
    ...details,
  };
  return { job, dir: stored.dir };
}

/**
 * After a restart: every job the store still has as running was cut off. Mark it
 * interrupted (its commit, if any, rolled back with the process) and hand back its dir.
 */
export async function interruptRunning(store: AtlasStore, limit: number): Promise<string[]> {
  const dirs: string[] = [];
  for (const stored of await store.listImportJobs(limit)) {
    if (!RUNNING.includes(stored.status as JobStatus)) continue;
    const { job, dir } = fromStored(stored);
    job.status = 'interrupted';
    job.error = 'the server stopped while this job ran: nothing was written';
    job.updatedAt = new Date().toISOString();
    await store.saveImportJob(toStored(job, null));
    if (dir) dirs.push(dir);
  }
  return dirs;
}
