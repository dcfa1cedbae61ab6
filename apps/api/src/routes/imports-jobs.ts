import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from '@hono/zod-openapi';
import type { AtlasStore } from '@atlas/store';
import {
  ImportOptions,
  ImportProgress,
  ImportReport,
  runImport,
  type Overrides,
} from '@atlas/import';

// Import jobs: an uploaded file waiting between its preview and its commit. Each job
// keeps its file in a temp directory until committed or expired; listeners (SSE) hear
// every progress and status change. Jobs live in memory: a restart forgets them.

export const JOB_TTL_MS = 60 * 60 * 1000;
const SWEEP_INTERVAL_MS = 5 * 60 * 1000;

export const JobStatus = z.enum([
  'previewing',
  'previewed',
  'committing',
  'committed',
  'rejected',
  'error',
]);
export type JobStatus = z.infer<typeof JobStatus>;

export const ImportJob = z.object({
  id: z.string(),
  status: JobStatus,
  fileName: z.string(),
  options: ImportOptions,
  createdAt: z.string(),
  progress: ImportProgress.nullable(),
  preview: ImportReport.nullable().describe(
    'the dry run: counts, mapping, CRS, first rows, problems',
  ),
  result: ImportReport.nullable().describe('the last commit attempt'),
  error: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export type JobEvent =
  { type: 'progress'; progress: ImportProgress } | { type: 'status'; job: ImportJob };

interface Entry {
  job: ImportJob;
  path: string;
  dir: string;
  listeners: Set<(e: JobEvent) => void>;
  expiresAt: number;
}

const RESTING: readonly JobStatus[] = ['previewed', 'committed', 'rejected', 'error'];

export function isResting(status: JobStatus): boolean {
  return RESTING.includes(status);
}

export class ImportJobs {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly limits: { maxFileBytes: number; maxUnzippedBytes?: number }) {
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  /** A fresh temp directory for an upload. */
  uploadDir(): Promise<string> {
    return mkdtemp(join(tmpdir(), 'atlas-import-'));
  }

  get(id: string): ImportJob | null {
    return this.entries.get(id)?.job ?? null;
  }

  listen(id: string, listener: (e: JobEvent) => void): () => void {
    const entry = this.entries.get(id);
    entry?.listeners.add(listener);
    return () => entry?.listeners.delete(listener);
  }

  /** Register an uploaded file and start its preview; resolves when the preview ends. */
  start(store: AtlasStore, dir: string, path: string, fileName: string, options: ImportOptions) {
    const job: ImportJob = {
      id: randomUUID(),
      status: 'previewing',
      fileName,
      options,
      createdAt: new Date().toISOString(),
      progress: null,
      preview: null,
      result: null,
      error: null,
    };
    const entry: Entry = {
      job,
      path,
      dir,
      listeners: new Set(),
      expiresAt: Date.now() + JOB_TTL_MS,
    };
    this.entries.set(job.id, entry);
    const done = this.run(entry, store, 'preview', options).then((report) => {
      job.preview = report;
    });
    return { job, done };
  }

  /** Commit with the job's options plus overrides; the job must be resting, not committed. */
  async commit(store: AtlasStore, id: string, overrides: Overrides): Promise<ImportJob> {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`no import job ${id}`);
    const options = ImportOptions.parse({ ...entry.job.options, ...overrides });
    entry.job.options = options;
    entry.job.result = await this.run(entry, store, 'commit', options);
    if (entry.job.status === 'committed') await rm(entry.dir, { recursive: true, force: true });
    return entry.job;
  }

  private async run(
    entry: Entry,
    store: AtlasStore,
    mode: 'preview' | 'commit',
    options: ImportOptions,
  ) {
    const { job } = entry;
    this.setStatus(entry, mode === 'preview' ? 'previewing' : 'committing');
    try {
      const report = await runImport(store, entry.path, options, {
        mode,
        name: job.fileName,
        ...this.limits,
        onProgress: (progress) => {
          job.progress = progress;
          entry.listeners.forEach((l) => l({ type: 'progress', progress }));
        },
      });
      if (mode === 'preview') job.preview = report;
      else job.result = report;
      this.setStatus(
        entry,
        mode === 'preview' ? 'previewed' : report.committed ? 'committed' : 'rejected',
      );
      return report;
    } catch (error) {
      job.error = error instanceof Error ? error.message : String(error);
      this.setStatus(entry, 'error');
      throw error;
    }
  }

  private setStatus(entry: Entry, status: JobStatus) {
    entry.job.status = status;
    entry.expiresAt = Date.now() + JOB_TTL_MS;
    entry.listeners.forEach((l) => l({ type: 'status', job: entry.job }));
  }

  private async sweep(): Promise<void> {
    const now = Date.now();
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now || !isResting(entry.job.status)) continue;
      this.entries.delete(id);
      await rm(entry.dir, { recursive: true, force: true });
    }
  }
}
